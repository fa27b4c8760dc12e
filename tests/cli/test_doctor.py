"""``voicepeer doctor``: real checks on this machine, with and without a sound card."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.forum.test_outbox import offline_client
from tests.support.pulse import PulseAudioServer
from voicepeer import paths
from voicepeer.config.settings import GeneralSettings
from voicepeer.forum.address_check import ForumAddressError
from voicepeer.forum.base import NewReply
from voicepeer.forum.credentials import Credentials, CredentialStore, forum_data_key
from voicepeer.forum.outbox import Outbox
from voicepeer.settings import Settings
from voicepeer.setup.doctor import (
    Check,
    check_configuration,
    check_credentials_file,
    check_disk_space,
    check_forum,
    check_speech_output,
)

DOCTOR = (
    "import json, sys\n"
    "from voicepeer.cli.doctor import run_checks\n"
    "checks = run_checks(sys.argv[1] if len(sys.argv) > 1 else None)\n"
    "print(json.dumps([c.as_dict() for c in checks]))\n"
)


def run_doctor(env: dict[str, str], *args: str) -> dict[str, dict[str, object]]:
    # A fresh process: PortAudio reads the environment (PULSE_SERVER, ~/.asoundrc) at import.
    done = subprocess.run(
        [sys.executable, "-c", DOCTOR, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=True,
    )
    return {c["check"]: c for c in json.loads(done.stdout)}


def soundless_env(home: Path) -> dict[str, str]:
    """No PulseAudio to find and no ALSA card: PortAudio sees no device at all."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PULSE")}
    runtime = home / "empty-runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    return env


def test_without_sound_devices_microphone_and_speaker_fail_with_a_fix(
    isolated_home: Path,
) -> None:
    checks = run_doctor(soundless_env(isolated_home))
    assert checks["microphone"]["ok"] is False
    assert "arecord -l" in str(checks["microphone"]["fix"])
    assert checks["speaker"]["ok"] is False
    assert "aplay -l" in str(checks["speaker"]["fix"])
    assert not str(checks["speaker"]["detail"]).startswith("speaker:")  # said once
    # The rest does not depend on a sound card and still works.
    assert checks["configuration"]["ok"] is True
    assert checks["speech recognizer"]["ok"] is True
    assert checks["speech output"]["ok"] is True


@pytest.fixture
def virtual_microphone(pulseaudio: PulseAudioServer) -> Iterator[str]:
    """A microphone on the shared sound server (a source that is no speaker's monitor)."""
    module = pulseaudio.pactl("load-module", "module-null-source", "source_name=doctor_mic")
    try:
        yield "doctor_mic"
    finally:
        pulseaudio.pactl("unload-module", module.strip())


@pytest.mark.audio
def test_with_the_virtual_sound_card_microphone_and_speaker_pass(
    pulse_env: dict[str, str], virtual_microphone: str
) -> None:
    checks = run_doctor({**pulse_env, "PULSE_SOURCE": virtual_microphone})
    assert checks["microphone"]["ok"] is True, checks["microphone"]
    assert checks["speaker"]["ok"] is True, checks["speaker"]
    assert "recording works" in str(checks["microphone"]["detail"])


@pytest.mark.audio
def test_the_speakers_echo_is_no_microphone(tmp_path: Path) -> None:
    # A sound server with a speaker and nothing plugged in: its default input is the
    # speaker's monitor, from which recording works but never hears the person.
    sound = PulseAudioServer(tmp_path / "sound")
    sound.start()
    try:
        checks = run_doctor(sound.env())
    finally:
        sound.stop()
    microphone = checks["microphone"]
    assert microphone["ok"] is False, microphone
    assert microphone["detail"] == (
        "no microphone is connected: the only input is the speaker's echo (null.monitor), "
        "which never hears the person"
    )
    assert "Plug in a USB microphone" in str(microphone["fix"])


@pytest.mark.audio
def test_the_speakers_echo_chosen_over_a_microphone_is_named(
    pulse_env: dict[str, str], virtual_microphone: str
) -> None:
    checks = run_doctor({**pulse_env, "PULSE_SOURCE": "null.monitor"})
    microphone = checks["microphone"]
    assert microphone["ok"] is False, microphone
    assert "the default input is the speaker's echo (null.monitor)" in str(microphone["detail"])
    assert virtual_microphone in str(microphone["fix"])


@pytest.mark.audio
def test_speaker_name_that_matches_nothing(pulse_env: dict[str, str], tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[speech]\noutput_device = "Kitchen radio"\n')
    checks = run_doctor(pulse_env, str(config))
    assert checks["speaker"]["ok"] is False
    assert "Kitchen radio" in str(checks["speaker"]["detail"])
    assert "output_device" in str(checks["speaker"]["fix"])


def test_broken_configuration_is_a_failed_check_not_a_crash(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[speech]\nrate_wpm = 1000\n")
    check, settings = check_configuration(config, required=True)
    assert check.ok is False
    assert "line 2, [speech] rate_wpm = 1000" in check.detail
    assert "voicepeer configure" in check.fix
    assert settings == Settings()  # the other checks go on with the settings that are right


def test_the_other_checks_use_the_settings_that_are_right(tmp_path: Path) -> None:
    # One misspelt name, and the forum and personal words were checked as the defaults:
    # "using the built-in demo forum", "none set up", though the file had both.
    config = tmp_path / "config.toml"
    config.write_text(
        '[general]\nforum_url = "https://forum.example.org"\n[speech]\nrate_wmp = 120\n'
        '[recognition]\naliases = { onwards = "next" }\n'
    )
    check, settings = check_configuration(config, required=True)
    assert check.ok is False and "the checks below use the settings that are right" in check.fix
    assert settings.general.forum_url == "https://forum.example.org"
    assert dict(settings.recognition.aliases) == {"onwards": "next"}
    missing, _ = check_configuration(tmp_path / "nope.toml", required=True)
    assert missing.fix == (
        "Give the path of the settings file that exists, or create this one: voicepeer "
        f"--config {tmp_path / 'nope.toml'} configure"
    )


def test_a_file_not_in_utf_8_names_its_line_and_the_configure_that_mends_it(
    tmp_path: Path,
) -> None:
    # "bad byte at position 15562" and "Fix the lines listed", with no line listed; the
    # other checks went on with the defaults, as if no forum were set.
    config = tmp_path / "config.toml"
    config.write_bytes(
        '[general]\nforum_url = "https://forum.example.org"\n[voice]\n'
        'muted_words = ["Ocrévus"]\n'.encode("latin-1")
    )
    check, settings = check_configuration(config, required=True)
    assert check.ok is False
    assert 'line 4 (muted_words = ["Ocrévus"]) was saved in another encoding' in check.detail
    assert "position" not in check.detail
    assert check.fix.startswith(
        "Run 'voicepeer configure --non-interactive' to write it again as UTF-8."
    )
    assert settings.general.forum_url == "https://forum.example.org"


def test_settings_no_longer_used_pass_with_a_tip_to_remove_them(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[speech]\nrate_wpm = 150\n\n[forum]\nposts_chunk_size = 50\n")
    check, settings = check_configuration(config, required=True)
    assert check.ok is True
    assert settings.speech.rate_wpm == 150
    assert (
        f"Remove from {config} what is no longer used: line 5, [forum] posts_chunk_size"
        in check.fix
    )


def test_credentials_file_must_be_private(isolated_home: Path) -> None:
    store = CredentialStore()
    store.save(Credentials("https://forum.example.org", "user_api_key", "k" * 32, "sam"))
    assert check_credentials_file().ok is True
    store.path.chmod(0o644)
    check = check_credentials_file()
    assert check.ok is False
    assert check.fix == f"Run: chmod 600 {store.path}"
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o644  # doctor only reports


def test_disk_space(tmp_path: Path) -> None:
    assert check_disk_space(Settings(), tmp_path / "not" / "yet").ok is True
    greedy = Settings(general=GeneralSettings(min_free_disk_mb=10**12))
    check = check_disk_space(greedy, tmp_path)
    assert check.ok is False and "MB free" in check.detail


def test_speech_output_falls_back_and_fails_clearly(tmp_path: Path) -> None:
    from voicepeer.speech.synth import EspeakSynthesizer, FallbackSynthesizer, Pyttsx3Synthesizer

    check = check_speech_output(Settings())  # pyttsx3, as configured by default
    assert check.ok is True and 'says "hello"' in check.detail
    broken_pyttsx3 = Pyttsx3Synthesizer(driver_name="no_such_driver")
    check = check_speech_output(
        Settings(), FallbackSynthesizer(broken_pyttsx3, EspeakSynthesizer())
    )
    assert check.ok is True and "speaks with espeak-ng" in check.detail
    missing = EspeakSynthesizer(executable=str(tmp_path / "espeak-ng"))
    check = check_speech_output(
        Settings(), FallbackSynthesizer(Pyttsx3Synthesizer(driver_name="no_such_driver"), missing)
    )
    assert check.ok is False and "espeak-ng" in check.fix


@pytest.fixture
def demo_forum(tmp_path: Path) -> Iterator[str]:
    """The project's own demo forum over loopback, where members can sign in."""
    from tests.support.approval import MEMBER_PASSWORD
    from voicepeer.demo_forum import DemoForum, DemoForumOptions

    server = DemoForum(
        tmp_path / "forum.sqlite3", DemoForumOptions(member_password=MEMBER_PASSWORD)
    )
    yield server.start()
    server.stop()


def approved_key(url: str) -> Credentials:
    """A user API key from the forum's real approval flow (sign in, Authorize, paste)."""
    from tests.support.approval import approve_user_api_key

    return approve_user_api_key(url, "voicepeer-doctor-test")


def test_forum_reachability_and_account(isolated_home: Path, demo_forum: str) -> None:
    settings = Settings(general=GeneralSettings(forum_url=demo_forum))
    forum, account = check_forum(settings)
    assert forum.ok is True
    assert account.ok is False and "voicepeer forum connect" in account.fix

    store = CredentialStore()
    real = approved_key(demo_forum)
    store.save(
        Credentials(demo_forum, "user_api_key", "revoked-key-000000", "demo", real.client_id)
    )
    forum, account = check_forum(settings)
    assert account.ok is False and "revoked" in account.fix

    store.save(real)
    forum, account = check_forum(settings)
    assert account.ok is True and "signed in as demo" in account.detail


def test_a_forum_that_redirects_within_itself_passes(isolated_home: Path, demo_forum: str) -> None:
    """A forum moved from /old to / answers with redirects, which voicepeer follows while
    they stay on the forum's own address: doctor must follow them too."""
    import socket

    import httpx

    from tests.forum.loopback import LoopbackServer, Received, response

    def moved(conn: socket.socket, request: Received) -> None:
        if request.path.startswith("/old/"):
            conn.sendall(response(308, headers={"Location": request.path.removeprefix("/old")}))
            return
        headers = {k: v for k, v in request.headers.items() if k.startswith("user-api")}
        answer = httpx.request(
            request.method, demo_forum + request.path, headers=headers, content=request.body
        )
        conn.sendall(
            response(
                answer.status_code,
                answer.content,
                {"Content-Type": answer.headers.get("content-type", "")},
            )
        )

    front = LoopbackServer(moved)
    try:
        url = front.url + "/old"
        real = approved_key(demo_forum)
        CredentialStore().save(
            Credentials(url, "user_api_key", real.key, real.username, real.client_id)
        )
        forum, account = check_forum(Settings(general=GeneralSettings(forum_url=url)))
        assert forum.ok is True, forum.detail
        assert account.ok is True and "signed in as demo" in account.detail
        assert any(r.path == "/old/session/current.json" for r in front.requests)
        assert any(r.path == "/session/current.json" for r in front.requests)
    finally:
        front.close()


def test_address_that_is_not_a_forum(isolated_home: Path, demo_forum: str) -> None:
    settings = Settings(general=GeneralSettings(forum_url=demo_forum + "/no/such/place"))
    (check,) = check_forum(settings)
    assert check.ok is False and "not a Discourse forum" in check.detail


def test_a_forum_down_for_maintenance_is_not_called_no_forum(
    isolated_home: Path, tmp_path: Path
) -> None:
    # A 503 was "not a Discourse forum … check that forum_url is the forum's main address":
    # a carer may change an address that was right.
    from voicepeer.demo_forum import DemoForum
    from voicepeer.forum.address_check import check_forum_address
    from voicepeer.forum.settings import ForumSettings
    from voicepeer.voice.error_phrases import say_error

    with DemoForum(tmp_path / "down.sqlite3") as down:
        down.faults.fail_next(100, 503)
        quick = ForumSettings(read_retries=0, retry_backoff_s=0.01)
        settings = Settings(general=GeneralSettings(forum_url=down.base_url), forum=quick)
        (check,) = check_forum(settings)
        with pytest.raises(ForumAddressError) as caught:
            check_forum_address(down.base_url)
    assert check.ok is False and "not a Discourse forum" not in check.detail
    assert "answered with an error of its own" in check.detail
    assert check.fix.startswith("The forum may be down for maintenance or busy: try again later.")
    assert say_error(caught.value) == (
        f"{down.base_url} answered with an error of its own: the forum may be down for "
        "maintenance or busy. The address may well be right: please try again later."
    )


def test_a_forum_asking_to_wait_is_not_called_no_forum(isolated_home: Path, tmp_path: Path) -> None:
    # A 429 read "… is not a Discourse forum", as any answer doctor had no words for.
    import httpx

    from voicepeer.demo_forum import DemoForum, DemoForumOptions

    with DemoForum(tmp_path / "busy.sqlite3", DemoForumOptions(ip_requests_per_minute=1)) as busy:
        httpx.get(busy.base_url + "/latest.json")  # this minute's one request
        (check,) = check_forum(Settings(general=GeneralSettings(forum_url=busy.base_url)))
    assert check.ok is False and "not a Discourse forum" not in check.detail
    assert check.detail == (
        f"{busy.base_url} answered (HTTP 429 Too Many Requests), asking voicepeer to wait"
    )
    assert check.fix == "Try again in a few minutes."


def test_unreachable_forum(isolated_home: Path) -> None:
    closed_port = "http://127.0.0.1:9"  # the discard port: nothing listens
    (check,) = check_forum(Settings(general=GeneralSettings(forum_url=closed_port)))
    assert check.ok is False
    # Worded as 'voicepeer forum status' words it: what the refusal means, not the
    # system's "cannot connect: Connection refused"; and on this computer, the network is
    # not the trouble (it said to check the cable and the Wi-Fi).
    assert check.detail == (
        f"Nothing answered at {closed_port}, an address on this computer: the forum program "
        "is not running there (or runs at another port)"
    )
    assert "Wi-Fi" not in check.fix
    assert check.fix.startswith("Start the forum program on this computer, then try again.")
    assert "run 'voicepeer demo-forum --port 9' in a window of its own" in check.fix


def test_a_forum_whose_name_is_not_found_says_to_check_the_network(isolated_home: Path) -> None:
    url = "http://forum.example.invalid"
    (check,) = check_forum(Settings(general=GeneralSettings(forum_url=url)))
    assert check.ok is False
    assert "its name could not be looked up" in check.detail
    assert "is the network cable plugged in, or the Wi-Fi connected?" in check.fix


def test_a_forum_in_trouble_is_asked_once_and_the_helper_told_at_once(
    isolated_home: Path,
) -> None:
    # Doctor went through the retries meant to carry the person over a moment's fault:
    # a forum answering 503 kept it seconds in silence, as 'forum status' no longer does.
    import socket
    import time

    from tests.forum.loopback import LoopbackServer, Received, response

    def down(conn: socket.socket, request: Received) -> None:
        conn.sendall(response(503, b"down for maintenance"))

    forum = LoopbackServer(down)
    try:
        started = time.monotonic()
        (check,) = check_forum(Settings(general=GeneralSettings(forum_url=forum.url)))
        took = time.monotonic() - started
    finally:
        forum.close()
    assert "answered with an error of its own" in check.detail
    assert [r.path for r in forum.requests] == ["/site/basic-info.json"]
    assert took < 1, f"the check took {took:.1f} s"


def test_a_slow_forum_says_doctor_is_still_waiting(isolated_home: Path) -> None:
    # Connected, but nothing answers: the kernel takes the connection, nobody reads it.
    import socket

    from voicepeer.forum.settings import ForumSettings

    silent = socket.create_server(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{silent.getsockname()[1]}"
    quick = ForumSettings(slow_after_s=0.2, still_waiting_every_s=0.3, read_timeout_s=1.0)
    waited: list[str] = []
    try:
        (check,) = check_forum(
            Settings(general=GeneralSettings(forum_url=url), forum=quick), waited.append
        )
    finally:
        silent.close()
    assert check.detail == (
        f"Nothing answered at {url}, an address on this computer: the forum program there "
        "did not answer in time"
    )
    assert len(waited) >= 2 and set(waited) == {url}


def test_posts_agreed_to_and_not_sent_yet_are_counted(isolated_home: Path) -> None:
    # Asked "did my reply go?", a helper found nothing in doctor about the reply waiting.
    closed_port = "http://127.0.0.1:9"
    outbox_path = paths.forum_data_dir("127.0.0.1:9") / "outbox.sqlite3"
    outbox = Outbox(outbox_path, offline_client())
    outbox.submit(NewReply(7, "Fans in every room, truly."), "Heat and fatigue")
    outbox.close()
    checks = check_forum(Settings(general=GeneralSettings(forum_url=closed_port)))
    waiting = next(c for c in checks if c.check == "waiting to be sent")
    assert waiting.detail == "1 post the person agreed to is not on the forum yet"
    assert "Fans" not in waiting.detail + waiting.fix
    assert "fix what the forum check above says" in waiting.fix


def test_posts_waiting_for_a_revoked_account_say_it_must_be_connected_again(
    isolated_home: Path, demo_forum: str
) -> None:
    # "They are sent the next time voicepeer runs and the forum answers (if the forum check
    # above failed, fix that first)": the forum answered; the account check had failed.
    account = approved_key(demo_forum)
    CredentialStore().save(account)
    outbox = Outbox(
        paths.forum_data_dir(forum_data_key(demo_forum)) / "outbox.sqlite3", offline_client()
    )
    outbox.submit(NewReply(1, "Fans in every room, truly."), "Heat and fatigue")
    outbox.close()
    revoked = httpx.post(f"{demo_forum}/user-api-key/revoke", headers=account.headers())
    assert revoked.status_code == 200
    config = isolated_home / "config.toml"
    config.write_text(f'[general]\nforum_url = "{demo_forum}"\n', encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "--config", str(config), "doctor", "--no-audio"],
        capture_output=True,
        text=True,
        timeout=180,
    )
    shown = " ".join(done.stdout.split())
    assert "[FAIL] forum account:" in shown, done.stdout
    assert (
        "[OK ] waiting to be sent: 1 post the person agreed to is not on the forum yet Tip: "
        "They are sent only once the forum accepts the person's account again: connect it "
        "again as the forum account check above says, then start voicepeer."
    ) in shown, done.stdout
    assert "Fans" not in done.stdout


def test_cli_json_and_exit_status(isolated_home: Path) -> None:
    env = soundless_env(isolated_home)
    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "doctor", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    checks = json.loads(done.stdout)
    assert all(set(c) == {"check", "ok", "detail", "fix"} for c in checks)
    assert done.returncode == 1  # no microphone here
    assert all(c["fix"] for c in checks if not c["ok"])

    done = subprocess.run(
        [sys.executable, "-m", "voicepeer", "doctor", "--no-audio"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stdout
    assert "Everything voicepeer needs is working." in done.stdout
    assert "microphone" not in done.stdout


def test_vosk_engine_needs_its_model(tmp_path: Path) -> None:
    from voicepeer.recognition.settings import RecognitionSettings
    from voicepeer.setup.doctor import check_vosk_model
    from voicepeer.speech_models import korean_model_dir
    from voicepeer.speech_models.settings import ModelSettings

    check = check_vosk_model(
        Settings(recognition=RecognitionSettings(engine="vosk", model_path=tmp_path / "missing"))
    )
    assert check.ok is False and "model_path" in check.fix
    check = check_vosk_model(Settings(recognition=RecognitionSettings(engine="vosk")))
    assert check.ok is False and "voicepeer models download" in check.fix
    # The size said is the model's own: every model was "about 40 MB", the large one too.
    large = Settings(
        recognition=RecognitionSettings(engine="vosk"),
        models=ModelSettings(vosk_model="vosk-model-en-us-0.22"),
    )
    assert "about 1800 MB" in check_vosk_model(large).fix
    assert check_vosk_model(Settings()).ok is True  # the built-in engine needs no download
    korean = korean_model_dir()
    if korean is not None:  # the model from the package index, installed for the tests
        check = check_vosk_model(
            Settings(recognition=RecognitionSettings(engine="vosk", model_path=korean))
        )
        assert check.ok is True, check.detail


def test_a_missing_vosk_model_is_named_with_its_own_fix(isolated_home: Path) -> None:
    # "voicepeer.errors.ModelMissingError: no Vosk model is installed", and "Reinstall
    # voicepeer with scripts/setup (the English model comes with it)": it does not.
    config = isolated_home / "config.toml"
    config.write_text('[recognition]\nengine = "vosk"\n', encoding="utf-8")
    env = {**soundless_env(isolated_home), "VOICEPEER_MODELS_DIR": str(isolated_home / "none")}
    recognizer = run_doctor(env, str(config))["speech recognizer"]
    assert recognizer["ok"] is False
    assert str(recognizer["detail"]).startswith("it did not start: no Vosk model is installed")
    assert "voicepeer.errors" not in str(recognizer["detail"])
    fix = str(recognizer["fix"])
    assert fix.startswith("Run 'voicepeer models download vosk-model-small-en-us-0.15'")
    assert 'or set [recognition] engine = "sphinx"' in fix and "Reinstall" not in fix


def test_voice_training_states(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from voicepeer.recognition import voice_training
    from voicepeer.recognition.settings import RecognitionSettings
    from voicepeer.recognition.sphinx_files import bundled_model_dir
    from voicepeer.recognition.voice_profile import default_profile_path
    from voicepeer.setup.doctor import check_voice_training

    check = check_voice_training(Settings())
    assert (check.ok, check.detail) == (True, "not done")
    assert "voicepeer train-voice" in check.fix
    profile = default_profile_path()
    shutil.copytree(bundled_model_dir(), profile)
    (profile / "voicepeer-training.json").write_text(
        '{"trained": "2026-11-26T10:00:00+00:00", "sentences": 12}'
    )
    check = check_voice_training(Settings())
    assert check.ok and check.detail == "in use: trained on 2026-11-26 from 12 sentences"
    (profile / "sendump").unlink()
    check = check_voice_training(Settings())
    assert check.ok is False and "train-voice" in check.fix
    vosk = Settings(recognition=RecognitionSettings(engine="vosk"))
    assert check_voice_training(vosk).detail.startswith("not used")
    # "auto" listens with Vosk once a Vosk model is there, and then training is not used.
    auto_vosk = Settings(recognition=RecognitionSettings(model_path=tmp_path))
    assert check_voice_training(auto_vosk).detail.startswith("not used")
    shutil.rmtree(profile)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(voice_training, "_SPHINXTRAIN_DIRS", ())
    check = check_voice_training(Settings())
    assert check.ok and "not possible yet" in check.detail and "scripts/setup" in check.fix


def test_pronunciation_file(tmp_path: Path) -> None:
    from voicepeer.setup.doctor import check_pronunciations
    from voicepeer.speech.settings import SpeechSettings

    def check(path: Path) -> Check:
        return check_pronunciations(Settings(speech=SpeechSettings(lexicon_path=str(path))))

    missing = check(tmp_path / "missing.toml")
    assert missing.ok is False
    assert missing.detail == (
        f"the pronunciation file {tmp_path / 'missing.toml'} ([speech] lexicon_path) was not "
        "found, so only the built-in pronunciations are used"
    )
    assert missing.fix.startswith("Put the file there, or set [speech] lexicon_path")

    broken = tmp_path / "broken.toml"
    broken.write_text('[words]\nMS = "M S\n', encoding="utf-8")
    assert check(broken).ok is False and "not valid TOML" in check(broken).detail
    assert "under [words], each line reads" in check(broken).fix

    own = tmp_path / "own.toml"
    own.write_text('[words]\nTysabri = "tie sab ree"\n', encoding="utf-8")
    assert check(own) == Check(
        "pronunciations", True, f"the built-in ones, and your own from {own}"
    )
    assert check_pronunciations(Settings()).detail == "the built-in ones (no file of your own)"


def test_recognizer_decodes_a_spoken_phrase() -> None:
    from voicepeer.errors import SpeechEngineError
    from voicepeer.setup.doctor import check_recognizer

    check = check_recognizer()
    assert check.ok is True
    assert 'heard as "next post"' in check.detail

    def stuck(pcm: bytes) -> str:
        raise SpeechEngineError("the speech recognizer gave no answer within 30 s")

    check = check_recognizer(recognize=stuck)
    assert check.ok is False
    assert "no answer within 30 s" in check.detail and "scripts/setup" in check.fix


def test_recognizer_without_a_voice_to_test_with(monkeypatch: pytest.MonkeyPatch) -> None:
    from voicepeer.errors import ModelMissingError
    from voicepeer.setup import doctor

    monkeypatch.setattr(doctor, "_spoken_test_phrase", lambda text: None)  # no espeak-ng
    check = doctor.check_recognizer()
    assert check.ok is True and "model loads" in check.detail

    def missing(pcm: bytes) -> str:
        raise ModelMissingError("PocketSphinx acoustic model could not be loaded from /x")

    check = doctor.check_recognizer(recognize=missing)
    assert check.ok is False and "scripts/setup" in check.fix


def test_each_check_is_printed_as_soon_as_it_is_done(isolated_home: Path) -> None:
    # Nothing showed for a quarter of a minute (the speech model loading, the forum), then
    # everything at once: a helper could not tell doctor from a program stuck.
    env = soundless_env(isolated_home)
    doctor = subprocess.Popen(
        [sys.executable, "-m", "voicepeer", "doctor", "--no-audio"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert doctor.stdout is not None
        first = doctor.stdout.readline()
        configuration = doctor.stdout.readline()
        still_running = doctor.poll() is None
        rest = doctor.stdout.read()
    finally:
        doctor.wait(timeout=180)
    assert first == "Checking what voicepeer needs; this can take a minute.\n"
    assert configuration.startswith("[OK  ] configuration: ")
    assert still_running, "the first checks came only once all were done"
    assert rest.rstrip().endswith("Everything voicepeer needs is working.")
