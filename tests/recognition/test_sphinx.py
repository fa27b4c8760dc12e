"""The bundled PocketSphinx engine end to end on espeak-ng speech: every command, chatter
rejected, slow speech kept whole, utterances found, dictation, a missing model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rapidfuzz.distance import Levenshtein

from tests.support.speech_audio import utterances, write_wav
from voicepeer.audio.input import WavFileInput
from voicepeer.commands import Command, CommandMatcher, Intent
from voicepeer.commands.intents import canonical
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.text import normalize
from voicepeer.config.loader import load_text
from voicepeer.errors import ModelMissingError
from voicepeer.listening import make_listener, make_recognizer, voice_loop_phrasebook
from voicepeer.recognition.base import Heard, ListenMode
from voicepeer.recognition.engine import decode
from voicepeer.recognition.listener import AudioListener
from voicepeer.recognition.settings import RecognitionSettings
from voicepeer.recognition.sphinx import SphinxRecognizer
from voicepeer.recognition.sphinx_files import dictionary_words, write_dictionary_subset
from voicepeer.settings import Settings
from voicepeer.voice.state_commands import LAST_PARAGRAPH, interpret_in
from voicepeer.voice.states import State

MATCHER = CommandMatcher()


@pytest.fixture(scope="module")
def recognizer() -> Iterator[SphinxRecognizer]:
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook())
    yield engine
    engine.close()


def heard_all(
    recognizer: SphinxRecognizer,
    path: Path,
    mode: ListenMode,
    settings: RecognitionSettings | None = None,
) -> list[Heard]:
    from voicepeer.audio.input import WavFileInput

    listener = AudioListener(WavFileInput(path), recognizer, settings or RecognitionSettings())
    found = []
    while (heard := listener.listen(mode)) is not None:
        found.append(heard)
    return found


def spoken_command(intent: Intent) -> str:
    if intent is Intent.OPEN:
        return "open topic twelve"
    if intent is Intent.SEARCH:
        return "search for fatigue"
    if intent is Intent.VOTE:
        return "vote for choice two"
    return canonical(intent)


# "help" was long heard as "do it" — then a phrasing of yes. Since "do it" left the
# catalogue, "help" is understood; its other phrasing is checked too.
OTHER_PHRASINGS = {Intent.HELP: "what can i say"}


def test_every_intents_canonical_phrase_is_understood(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    # Pauses longer than unfinished_silence_s: "stop" may go on ("stop listening"), so
    # voicepeer waits that long after it.
    parts: list[str | float] = []
    for intent in Intent:
        parts += [spoken_command(intent), 2.8]
    for phrase in OTHER_PHRASINGS.values():
        parts += [phrase, 2.8]
    path = write_wav(tmp_path / "all.wav", utterances(parts))
    heard = heard_all(recognizer, path, ListenMode.COMMAND)
    expected = [*Intent, *OTHER_PHRASINGS]
    assert len(heard) == len(expected), [h.text for h in heard]
    # Through the interpreter, as the voice loop hears them: both passes heard a command.
    understood = [Interpreter().command(h).command for h in heard]
    wrong = {
        intent
        for intent, command in zip(expected, understood, strict=True)
        if command is None or command.intent is not intent
    }
    said = [(i.value, h.text) for i, h in zip(expected, heard, strict=True)]
    assert wrong == set(), said
    by_intent = {c.intent: c for c in understood if c is not None}
    assert by_intent[Intent.OPEN].slots == {"number": 12}
    assert by_intent[Intent.SEARCH].slots.get("query")


def test_search_query_is_read_from_the_audio_after_the_search_words(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    path = write_wav(tmp_path / "search.wav", utterances(["look for walking aids", 2.0]))
    heard = heard_all(recognizer, path, ListenMode.COMMAND)
    assert len(heard) == 1
    command = MATCHER.interpret(heard[0]).command
    assert command is not None and command.intent is Intent.SEARCH
    assert "walking" in str(command.slots["query"])


def test_bare_search_words_give_a_search_without_a_query(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    path = write_wav(tmp_path / "bare.wav", utterances(["search for", 2.0]))
    heard = heard_all(recognizer, path, ListenMode.COMMAND)
    command = MATCHER.interpret(heard[0]).command
    assert command is not None and command.intent is Intent.SEARCH
    assert "query" not in command.slots


EVERYDAY = {
    # Natural phrasings voicepeer collected: the card's words alone forced them onto other
    # commands ("one more time" as "where was i", "make it louder" as "read the topic",
    # "i want to go back" as a search for "want to go back").
    "one more time": Intent.REPEAT,
    "make it louder": Intent.LOUDER,
    "move on": Intent.NEXT,
    "i want to go back": Intent.BACK,
    # Wordings no list has: politeness, filler and everyday words around the card's words
    # ("could you skip ahead" was heard as "go to skip to the end" and skipped the post).
    "could you skip ahead": Intent.NEXT,
    "turn the sound up": Intent.LOUDER,
}


def test_everyday_wording_is_heard_and_understood(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    parts: list[str | float] = []
    for phrase in EVERYDAY:
        parts += [phrase, 2.8]
    path = write_wav(tmp_path / "everyday.wav", utterances(parts))
    listener = AudioListener(WavFileInput(path), recognizer, RecognitionSettings())
    heard = []
    while (h := listener.listen(ListenMode.COMMAND, State.READING.value)) is not None:
        heard.append(h)
    assert len(heard) == len(EVERYDAY), [h.text for h in heard]
    interpreter = Interpreter()
    understood = [interpret_in(State.READING, h, interpreter).command for h in heard]
    assert understood == [Command(i) for i in EVERYDAY.values()]


CHATTER = (
    "I went to the shop this morning and it was really busy",
    "the weather will be wet and windy tomorrow",
    "in other news the prime minister visited a school",
    "has anyone tried the new medication for fatigue",
)


def test_room_chatter_runs_no_command(recognizer: SphinxRecognizer, tmp_path: Path) -> None:
    parts: list[str | float] = []
    for sentence in CHATTER:
        parts += [sentence, 1.8]
    path = write_wav(tmp_path / "chatter.wav", utterances(parts, voice="en-gb"))
    heard = heard_all(recognizer, path, ListenMode.COMMAND)
    assert heard, "the chatter was not heard at all"
    accepted = [
        (h.text, MATCHER.interpret(h).command)
        for h in heard
        if MATCHER.interpret(h).command is not None
    ]
    assert accepted == []


def test_each_state_is_decoded_with_its_own_grammar() -> None:
    # Asleep, "next post" is heard as what it is (the garbage path) and refused, where
    # every command's grammar takes it; "wake up" wakes.
    recognizer = SphinxRecognizer(phrasebook=voice_loop_phrasebook(per_state=True))
    pcm = {text: utterances([text]).tobytes() for text in ("next post", "wake up")}
    asleep = decode(recognizer, pcm["next post"], ListenMode.COMMAND, context="sleeping")
    assert asleep.out_of_grammar and asleep.text == "next post"
    anywhere = decode(recognizer, pcm["next post"], ListenMode.COMMAND)
    assert not anywhere.out_of_grammar and anywhere.text == "next post"
    woken = decode(recognizer, pcm["wake up"], ListenMode.COMMAND, context="sleeping")
    assert not woken.out_of_grammar and woken.text == "wake up"
    searches = recognizer.command_searches
    assert searches[LAST_PARAGRAPH] == searches["reading"] != searches["browsing"]
    recognizer.close()


def test_without_per_state_grammars_every_state_shares_the_one_search(
    recognizer: SphinxRecognizer,
) -> None:
    assert set(recognizer.command_searches.values()) == {recognizer.command_searches[""]}


def test_a_bare_number_opens_no_topic(recognizer: SphinxRecognizer, tmp_path: Path) -> None:
    # Misheard short commands come out as numbers ("reply" as "thirty nine"); only
    # "open topic thirty nine" and the other prefixed phrasings open a topic. Said 2.8 s
    # apart: the command grammar reads "thirty nine" as "start a", the start of "start a new
    # topic", so voicepeer waits 2.5 s for its rest, as for a slow command.
    path = write_wav(
        tmp_path / "numbers.wav",
        utterances(["thirty nine", 2.8, "twenty one", 2.8, "open topic twelve"]),
    )
    heard = heard_all(recognizer, path, ListenMode.COMMAND)
    commands = [MATCHER.interpret(h).command for h in heard]
    assert [c for c in commands if c is not None] == [Command(Intent.OPEN, {"number": 12})]
    assert len(heard) == 3


def test_slow_dictation_with_long_pauses_is_one_utterance(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    # espeak-ng adds about 0.9 s of its own silence after each part at this speed, so the
    # pauses are about 1.7 s and 1.9 s, and the words inside each part 0.3 s apart.
    parts: list[str | float] = ["thank you", 0.8, "for your kind", 1.0, "message", 3.0]
    path = write_wav(tmp_path / "slow.wav", utterances(parts, wpm=100, gap_10ms=10))
    heard = heard_all(recognizer, path, ListenMode.DICTATION)
    assert len(heard) == 1
    assert len(heard[0].text.split()) >= 3


def test_slow_command_with_a_pause_inside_is_not_cut(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    # About 0.6 s between words: a pause inside a command, shorter than command_silence_s.
    # (Said this slowly, "seven" was heard as "two" and topic 2 opened; it is now rejected
    # instead, so the number here is one the bundled model hears right when slow.)
    path = write_wav(
        tmp_path / "open.wav", utterances(["open topic three", 2.0], wpm=95, gap_10ms=25)
    )
    heard = heard_all(recognizer, path, ListenMode.COMMAND)
    assert len(heard) == 1
    assert MATCHER.interpret(heard[0]).command == Command(Intent.OPEN, {"number": 3})


def test_quiet_speech_is_heard_and_understood(recognizer: SphinxRecognizer, tmp_path: Path) -> None:
    said = {
        "next post": Intent.NEXT,
        "previous post": Intent.PREVIOUS,
        "read it back": Intent.READ_BACK,
        "go to sleep": Intent.SLEEP,
    }
    parts: list[str | float] = []
    for phrase in said:
        # Apart by more than unfinished_silence_s: a misheard start ("hold", of "hold on")
        # waits that long for the rest.
        parts += [phrase, 2.8]
    # 26 dB down: a soft voice far from the microphone.
    path = write_wav(tmp_path / "quiet.wav", utterances(parts, gain=0.05))
    heard = heard_all(recognizer, path, ListenMode.COMMAND)
    assert len(heard) == len(said)
    right = [MATCHER.interpret(h).command for h in heard]
    hits = sum(c is not None and c.intent is i for c, i in zip(right, said.values(), strict=True))
    assert hits >= 3, [h.text for h in heard]


def test_dictation_of_a_forum_reply(recognizer: SphinxRecognizer, tmp_path: Path) -> None:
    sentence = "I hope you feel better soon"
    path = write_wav(tmp_path / "reply.wav", utterances([sentence, 3.0]))
    heard = heard_all(recognizer, path, ListenMode.DICTATION)
    text = " ".join(h.text for h in heard)
    reference = normalize(sentence).split()
    errors = Levenshtein.distance(reference, normalize(text).split())
    assert errors / len(reference) <= 0.5, text


def test_partial_dictation_results_arrive_while_speaking(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    from voicepeer.audio.input import WavFileInput

    path = write_wav(tmp_path / "p.wav", utterances(["I have been feeling very tired", 3.0]))
    partials: list[str] = []
    listener = AudioListener(
        WavFileInput(path), recognizer, RecognitionSettings(), on_partial=partials.append
    )
    final = listener.listen(ListenMode.DICTATION)
    assert final is not None and final.text
    assert partials and partials[0] != final.text


def test_nothing_but_hiss_gives_no_utterance(recognizer: SphinxRecognizer, tmp_path: Path) -> None:
    path = write_wav(tmp_path / "hiss.wav", utterances([4.0]))
    assert heard_all(recognizer, path, ListenMode.COMMAND) == []


def test_make_listener_reads_a_wav_file(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "back.wav", utterances(["go back", 2.0]))
    listener = make_listener("wav", RecognitionSettings(), path=path, engine="sphinx")
    try:
        heard = listener.listen(ListenMode.COMMAND)
        assert heard is not None
        command = MATCHER.interpret(heard).command
        assert command is not None and command.intent is Intent.BACK
        assert listener.listen(ListenMode.COMMAND) is None
    finally:
        listener.close()


def test_the_decoder_knows_only_the_words_its_searches_can_say(
    recognizer: SphinxRecognizer,
) -> None:
    # A decoder given the whole dictionary spent seconds setting up each language model.
    decoder = recognizer._decoder
    for word in ("notifications", "fatigue", "thirty", "voicepeer"):
        assert decoder.lookup_word(word) is not None, word
    assert decoder.lookup_word("xylophone") is None


def test_a_caregivers_alias_is_understood(tmp_path: Path) -> None:
    # Its words are in no built-in phrasing: the decoder's dictionary must take them in.
    aliases = {"onward please": Intent.NEXT}
    engine = SphinxRecognizer(phrasebook=voice_loop_phrasebook(Interpreter(aliases)))
    path = write_wav(tmp_path / "alias.wav", utterances(["onward please"]))
    heard = heard_all(engine, path, ListenMode.COMMAND)
    engine.close()
    assert [CommandMatcher(aliases=aliases).interpret(h).command for h in heard] == [
        Command(Intent.NEXT)
    ]


def test_a_cut_down_dictionary_keeps_every_pronunciation(tmp_path: Path) -> None:
    source = tmp_path / "full.dict"
    source.write_text("read R IY D\nread(2) R EH D\nred R EH D\nreads R IY D Z\n", "utf-8")
    assert dictionary_words(source) == {"read", "red", "reads"}
    subset = write_dictionary_subset(source, {"read"}, tmp_path / "subset.dict")
    assert subset.read_text("utf-8") == "read R IY D\nread(2) R EH D\n"


def test_missing_acoustic_model_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError) as caught:
        SphinxRecognizer(phrasebook=voice_loop_phrasebook(), model_dir=tmp_path / "gone")
    assert "reinstall" in caught.value.spoken.lower()


def test_damaged_language_model_is_model_missing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.lm"
    broken.write_text("this is not an ARPA file\n")
    with pytest.raises(ModelMissingError):
        SphinxRecognizer(phrasebook=voice_loop_phrasebook(), dictation_lm=broken)


class CountingWavInput:
    """A WAV file input that counts how often pending audio was dropped."""

    def __init__(self, path: Path) -> None:
        from voicepeer.audio.input import WavFileInput

        self.source = WavFileInput(path)
        self.sample_rate = self.source.sample_rate
        self.discards = 0

    def read(self, seconds: float) -> bytes:
        return self.source.read(seconds)

    def discard_pending(self) -> None:
        self.discards += 1

    def close(self) -> None:
        self.source.close()


def test_dictation_cut_at_the_maximum_keeps_what_follows(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    sentence = "I have been feeling very tired since the weekend and my legs are weak"
    path = write_wav(tmp_path / "long.wav", utterances([sentence] * 4 + [3.0], wpm=140))
    source = CountingWavInput(path)
    listener = AudioListener(source, recognizer, RecognitionSettings(max_dictation_s=10.0))
    first = listener.listen(ListenMode.DICTATION)
    second = listener.listen(ListenMode.DICTATION)
    assert first is not None and second is not None
    assert first.text and second.text
    # Dropped before the first piece only: the second piece follows straight on.
    assert source.discards == 1


def test_short_dictated_editing_commands_are_offered_as_a_reading(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    from voicepeer.commands.editing import DictationAction, heard_action

    said = {
        "send it": DictationAction.SEND,
        "scratch that": DictationAction.SCRATCH,
        "delete last word": DictationAction.DELETE_WORD,
        "start over": DictationAction.START_OVER,
    }
    path = write_wav(
        tmp_path / "editing.wav", utterances([part for text in said for part in (text, 3.0)])
    )
    heard = heard_all(recognizer, path, ListenMode.DICTATION)
    assert [heard_action(h) for h in heard] == list(said.values()), heard
    # Ordinary short replies stay text.
    path = write_wav(
        tmp_path / "reply.wav", utterances(["thank you so much", 3.0, "I hope it helps", 3.0])
    )
    assert [heard_action(h) for h in heard_all(recognizer, path, ListenMode.DICTATION)] == [
        None,
        None,
    ]


def test_ending_the_session_by_voice_is_understood(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    phrases = ["quit voicepeer", "stop voicepeer", "goodbye"]
    parts: list[str | float] = []
    for phrase in phrases:
        parts += [phrase, 1.6]
    heard = heard_all(
        recognizer, write_wav(tmp_path / "quit.wav", utterances(parts)), ListenMode.COMMAND
    )
    understood = [MATCHER.interpret(h).command for h in heard]
    assert [c.intent if c else None for c in understood] == [Intent.QUIT] * 3, [
        h.text for h in heard
    ]


def test_a_carer_can_turn_the_everyday_wording_of_commands_off(
    recognizer: SphinxRecognizer,
) -> None:
    settings = load_text(
        "[recognition]\neveryday_wording = false\n", Settings, source="config.toml"
    ).recognition
    assert not settings.everyday_wording and RecognitionSettings().everyday_wording
    card_only = make_recognizer(settings, engine="sphinx")
    assert isinstance(card_only, SphinxRecognizer)
    everyday = set(recognizer.phrasebook.commands[""].everyday)
    assert everyday & set(recognizer.command_model_sentences())
    for context in ("", "reading", "sleeping"):
        assert not card_only.phrasebook.commands[context].everyday
        sentences = set(card_only.command_model_sentences(context))
        assert sentences and not sentences - set(card_only.phrasebook.commands[context].sentences)
        assert not sentences & (everyday - set(recognizer.phrasebook.commands[""].sentences))
    card_only.close()


def test_a_search_whose_words_were_not_heard_asks_for_them(
    recognizer: SphinxRecognizer, tmp_path: Path
) -> None:
    # A search heard without its words ("find heat" read "find the" in the benchmark):
    # searching for "the" would be a wrong action; taken bare, the voice loop asks
    # "Search for what?".
    path = write_wav(tmp_path / "find.wav", utterances(["find the"]))
    (heard,) = heard_all(recognizer, path, ListenMode.COMMAND)
    assert heard.text == "find the"
    verdict = interpret_in(State.BROWSING, heard, Interpreter())
    assert verdict.command == Command(Intent.SEARCH)
