"""Push-to-talk rules: tap toggles, hold needs releases, presses during speech stop it,
shaky double presses count once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from voicepeer.errors import AudioDeviceError, ConfigError
from voicepeer.switches import (
    EvdevSwitch,
    PushToTalk,
    SwitchSettings,
    TerminalKeySwitch,
    normalize_key,
    open_switch,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def evdev_switch(tmp_path: Path) -> Iterator[EvdevSwitch]:
    node = tmp_path / "event0"
    os.mkfifo(node)
    switch = EvdevSwitch(node)
    yield switch
    switch.close()


def make(
    switch: EvdevSwitch | TerminalKeySwitch,
    *,
    speaking: list[bool] | None = None,
    **settings: object,
) -> tuple[PushToTalk, list[str], Clock]:
    events: list[str] = []
    clock = Clock()
    speaking = speaking if speaking is not None else [False]
    control = PushToTalk(
        switch,
        SwitchSettings(**settings),  # type: ignore[arg-type]
        is_speaking=lambda: speaking[0],
        clock=clock,
        on_listen_start=lambda: events.append("listen"),
        on_listen_stop=lambda: events.append("stop"),
        on_stop_speech=lambda: events.append("hush"),
    )
    return control, events, clock


def test_tap_toggles_listening(evdev_switch: EvdevSwitch) -> None:
    control, events, clock = make(evdev_switch, mode="tap")
    control.handle_press("space")
    control.handle_release("space")
    assert control.listening.is_set()
    clock.now += 1
    control.handle_press("space")
    assert not control.listening.is_set()
    assert events == ["listen", "stop"]


def test_other_keys_do_nothing(evdev_switch: EvdevSwitch) -> None:
    control, events, _ = make(evdev_switch, mode="tap", key="F5")
    control.handle_press("space")
    assert events == [] and not control.listening.is_set()
    control.handle_press("f5")
    assert events == ["listen"]


def test_double_presses_and_key_repeat_count_once(evdev_switch: EvdevSwitch) -> None:
    control, events, clock = make(evdev_switch, mode="tap", debounce_s=0.7)
    control.handle_press("space")
    for _ in range(30):  # a held terminal key repeats every few hundredths of a second
        clock.now += 0.04
        control.handle_press("space")
    assert events == ["listen"]
    clock.now += 0.8
    control.handle_press("space")
    assert events == ["listen", "stop"]


def test_hold_listens_while_held(evdev_switch: EvdevSwitch) -> None:
    control, events, clock = make(evdev_switch, mode="hold")
    assert control.hold_mode
    control.handle_press("space")
    assert control.listening.is_set()
    clock.now += 3
    control.handle_release("space")
    assert not control.listening.is_set()
    assert events == ["listen", "stop"]


def test_press_while_speaking_stops_speech_only(evdev_switch: EvdevSwitch) -> None:
    speaking = [True]
    control, events, clock = make(evdev_switch, mode="hold", speaking=speaking)
    control.handle_press("enter")  # any key
    control.handle_release("enter")
    assert control.stop_speech.is_set() and events == ["hush"]
    assert not control.listening.is_set()
    speaking[0] = False
    control.stop_speech.clear()
    clock.now += 1
    control.handle_press("space")
    assert events == ["hush", "listen"]


def test_release_after_a_stop_press_does_not_end_listening(evdev_switch: EvdevSwitch) -> None:
    speaking = [False]
    control, events, clock = make(evdev_switch, mode="hold", speaking=speaking)
    control.handle_press("space")
    speaking[0] = True  # voicepeer starts talking while the switch is held
    clock.now += 1
    control.handle_press("enter")
    control.handle_release("enter")
    assert control.listening.is_set()
    assert events == ["listen", "hush"]


def test_only_the_switch_key_stops_speech_when_asked(evdev_switch: EvdevSwitch) -> None:
    control, events, _ = make(evdev_switch, mode="tap", speaking=[True], any_key_stops_speech=False)
    control.handle_press("a")
    assert events == [] and not control.stop_speech.is_set()
    control.handle_press("space")
    assert events == ["hush"]


def test_hold_on_a_terminal_falls_back_to_tap(caplog: pytest.LogCaptureFixture) -> None:
    master, slave = os.openpty()
    try:
        with TerminalKeySwitch(slave) as switch:
            control, events, clock = make(switch, mode="hold")
            assert not control.hold_mode
            assert "hold-to-talk works only with source" in caplog.text
            control.handle_press("space")
            clock.now += 1
            control.handle_press("space")
            assert events == ["listen", "stop"]
    finally:
        os.close(master)
        os.close(slave)


def test_mode_off_is_not_push_to_talk(evdev_switch: EvdevSwitch) -> None:
    with pytest.raises(ConfigError, match="tap"):
        PushToTalk(evdev_switch, SwitchSettings(mode="off"))


def test_open_switch_follows_settings(tmp_path: Path) -> None:
    assert open_switch(SwitchSettings(mode="off")) is None
    with pytest.raises(AudioDeviceError, match="does not exist"):
        open_switch(SwitchSettings(mode="tap", source="evdev", evdev_device=str(tmp_path / "gone")))
    with pytest.raises(ConfigError, match="source"):
        open_switch(SwitchSettings(mode="tap", source="bluetooth"))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Space", "space"),
        (" ", "space"),
        ("KEY_SPACE", "space"),
        ("Return", "enter"),
        ("F12", "f12"),
        ("key_f5", "f5"),
        ("BTN_A", "btn_south"),
        ("code:57", "space"),
        ("code:700", "code:700"),
        ("Esc", "escape"),
    ],
)
def test_key_names_are_normalized(written: str, expected: str) -> None:
    assert normalize_key(written) == expected
