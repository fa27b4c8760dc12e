"""Run the real voice loop against a real demo forum, with typed utterances and printed speech.

Everything is real — forum client over loopback HTTP, outbox, drafts, reading positions,
voice controls — except that the user types instead of speaking, which is one of
voicepeer's own input modes.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from voicepeer import app
from voicepeer.commands import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.forum.account_key import Renewal
from voicepeer.forum.cache import ReadingCache
from voicepeer.forum.credentials import Credentials
from voicepeer.forum.discourse import DiscourseClient
from voicepeer.forum.drafts import DraftStore
from voicepeer.forum.outbox import Outbox
from voicepeer.forum.retry import OutboxRetry
from voicepeer.forum.settings import ForumSettings
from voicepeer.recognition.base import Heard, Listener, ListenMode
from voicepeer.speech.base import SpeechOutput
from voicepeer.speech.controls import VoiceControls
from voicepeer.speech.fallback import FallbackSpeech
from voicepeer.speech.printed import PrintedSpeech
from voicepeer.voice.assistant import Assistant, Engines
from voicepeer.voice.error_phrases import say_error
from voicepeer.voice.places import PlacesFile
from voicepeer.voice.rendering import PostRenderer
from voicepeer.voice.settings import VoiceSettings
from voicepeer.voice.text_input import TextListener


@dataclass
class Conversation:
    """One run of the voice loop: what was typed in and everything voicepeer said."""

    said: list[str] = field(default_factory=list)
    assistant: Assistant | None = None

    @property
    def transcript(self) -> str:
        return "\n".join(self.said)

    def said_after(self, marker: str) -> list[str]:
        """Everything said after the first line containing ``marker``."""
        for index, line in enumerate(self.said):
            if marker in line:
                return self.said[index + 1 :]
        raise AssertionError(f"{marker!r} was never said:\n{self.transcript}")


class Readings:
    """A listener handing over readings as a recognizer with two passes gives them."""

    def __init__(self, heard: list[Heard]) -> None:
        self._heard = iter(heard)

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        return next(self._heard, None)

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        pass

    def close(self) -> None:
        pass


class HookedListener:
    """A listener that runs a callable before handing over a given utterance."""

    def __init__(self, inner: TextListener, hooks: Mapping[int, Callable[[], object]]) -> None:
        self._inner, self._hooks, self._count = inner, hooks, 0

    def listen(self, mode: ListenMode, context: str = "") -> Heard | None:
        hook = self._hooks.get(self._count)
        if hook is not None:
            hook()
        self._count += 1
        return self._inner.listen(mode, context)

    def use_dictation_context(
        self, sentences: Sequence[str], own_words: Sequence[str] = ()
    ) -> None:
        self._inner.use_dictation_context(sentences, own_words)

    def close(self) -> None:
        self._inner.close()


def converse(
    base_url: str,
    lines: Iterable[str],
    data_dir: Path,
    *,
    settings: VoiceSettings | None = None,
    forum_settings: ForumSettings | None = None,
    muted_words: tuple[str, ...] = (),
    aliases: Mapping[str, Intent] | None = None,
    before_line: Mapping[int, Callable[[], object]] | None = None,
    speech: SpeechOutput | None = None,
    voice_training_would_help: bool = False,
    credentials: Credentials | None = None,
    listener: Callable[[Callable[[], list[str]]], Listener] | None = None,
    retry: Callable[[Outbox], OutboxRetry] | None = None,
    yes_switch: bool = False,
    transport: httpx.BaseTransport | None = None,
    tell_waits: bool = False,
    tell_when_quiet: bool = False,
    renewal: Renewal | None = None,
    typing_instead: bool = True,
) -> Conversation:
    """Run the loop until the lines run out; the data dir keeps drafts, outbox and places
    between calls, like a home computer between sessions. ``before_line`` runs a callable
    just before the line with that index is heard (e.g. to stop the forum). With
    ``credentials`` the session is signed in; otherwise it reads anonymously. ``listener``
    replaces typed lines: it is made from a callable returning what was said so far.
    ``retry`` makes the background retry for the loop's outbox; it is started here and
    closed after. ``yes_switch``: the person has one. ``transport`` carries the client's
    HTTP (e.g. one that loses answers). ``tell_waits``: a slow forum is announced as the
    app does ("Still waiting for the forum."). ``tell_when_quiet``: the listener gives the
    loop its quiet moments, as the app's do. ``renewal`` gives the account as saved now
    (a carer may connect it again during the session). ``typing_instead``: typed lines
    can stand in for a microphone that stops working (a terminal)."""
    printed = io.StringIO()
    # A given output falls back to print when it fails, as the app's speaker does.
    speech = FallbackSpeech(speech, say_error) if speech is not None else PrintedSpeech(printed)
    client = DiscourseClient(
        base_url,
        settings=forum_settings or ForumSettings(retry_backoff_s=0.01, read_retries=1),
        cache=ReadingCache(data_dir / "cache.sqlite3"),
        credentials=credentials,
        transport=transport,
        renewal=renewal,
    )
    if tell_waits:
        app.tell_waits(client, speech)
    outbox = Outbox(data_dir / "outbox.sqlite3", client)
    background = retry(outbox) if retry is not None else None
    typed = TextListener(io.StringIO("".join(f"{line}\n" for line in lines)))
    hearing = listener(lambda: _said(printed)) if listener else typed
    try:
        engines = Engines(
            listener=hearing if listener else HookedListener(typed, before_line or {}),
            forum=client,
            interpreter=Interpreter(aliases),
            drafts=DraftStore(data_dir / "outbox.sqlite3"),
            outbox=outbox,
            places=PlacesFile(data_dir / "places.json"),
            render_post=PostRenderer(muted_words=muted_words),
            voice=VoiceControls(speech, state_file=data_dir / "voice.json"),
            voice_training_would_help=voice_training_would_help,
            news=background.news if background is not None else list,
            yes_switch=yes_switch,
            typing_instead=typing_instead,
        )
        assistant = Assistant(engines, settings or VoiceSettings(greeting=False))
        if tell_when_quiet:
            app.tell_when_quiet(assistant, hearing)
        if background is not None:
            background.start()
        assistant.run()
    finally:
        if background is not None:
            background.close()
        outbox.close()
        client.close()
    return Conversation(said=_said(printed), assistant=assistant)


def _said(printed: io.StringIO) -> list[str]:
    return [line.removeprefix(PrintedSpeech.PREFIX) for line in printed.getvalue().splitlines()]
