"""The interpreter: what an utterance means, asked in one place.

Recognizers report what they heard (texts with scores, rejection); the voice loop, its
dictation steps and ``voicepeer listen`` ask the interpreter what that means, with the
intents the state understands (voicepeer.voice.state_commands) deciding. Each acceptance
rule has one home, tested in the file of the same name under tests/commands/:
- phrasings, aliases, slot values (search queries, topic numbers), fuzzy scores and
  ambiguity: ``matcher``; everyday wording around a command: ``natural``;
- numbers as people say them, and that a number said alone is never a command:
  ``numbers`` (applied here, before the matcher);
- a lone word only close to a phrasing, a command only a forced reading heard, what wakes
  voicepeer asleep and what else is answered there: here (test_interpreter);
- a clear yes before anything others can see: ``consent``;
- editing and correction commands while dictating: ``editing``, ``correction`` (the
  latter tested with the corrector, tests/voice/test_correction.py);
- whether a command is whole at a pause: ``completeness``;
- what recognizers are told may be said, per context: ``phrasebook``.
Recognizers get the :class:`Phrasebook` from whoever builds them.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace

from rapidfuzz import fuzz

from voicepeer.commands.beginnings import is_lead_in
from voicepeer.commands.completeness import CompletenessJudge
from voicepeer.commands.consent import asks_for_time, interrupts, judge_answer, why_no_answer
from voicepeer.commands.correction import (
    AWAITED_WEIGHT,
    CHOICE_ANSWERS,
    SPELLING_ANSWERS,
    CorrectionCommand,
    awaited_answers,
    correction_command,
    correction_phrases,
    correction_readings,
    is_awaited_answer,
)
from voicepeer.commands.editing import (
    WRITING_ONLY,
    DictationAction,
    dictation_action,
    editing_phrases,
    heard_action,
    words_to_delete,
)
from voicepeer.commands.everyday import HOW_TO_NAMED, HOW_TO_USE_IT
from voicepeer.commands.intents import (
    HOW_TO,
    HOW_TO_WRITE,
    PHRASINGS,
    SENSES,
    Command,
    Intent,
    canonical,
)
from voicepeer.commands.matcher import (
    CommandMatcher,
    Interpretation,
    MatcherThresholds,
    query_words,
)
from voicepeer.commands.natural import core, says_nothing, tuning_phrasings, unwrap
from voicepeer.commands.number_corrections import last_number_meant
from voicepeer.commands.numbers import is_number_alone
from voicepeer.commands.phrasebook import answer_vocabulary, command_phrasings, command_vocabulary
from voicepeer.commands.repeats import without_repeats
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard, ListenMode, Phrasebook, Vocabulary

ASLEEP = frozenset({Intent.WAKE, Intent.RESUME})
"""What is understood asleep (after "go to sleep" or "pause"): voicepeer listening again."""
WAKE_WORDS = frozenset(
    {"wake", "listen", "listening", "resume", "continue", "unpause", "voicepeer"}
)
"""Words that name voicepeer listening or reading again: asleep, a wake or resume phrasing
wakes it only with one of them ("continue reading", "start listening again"), never an
everyday one said as easily to someone in the room ("go on", "carry on"), and never a
word whose meaning the state decides ("continue")."""


CALLING_VOICEPEER = (
    "voicepeer",
    "voicepeer wake up",
    "voicepeer i'm back",
    "are you there voicepeer",
)
"""Calling voicepeer by its name wakes it ("hey voicepeer": politeness and filler around a
phrasing count for nothing): said to someone in the room, the name would not be alone."""
BACK_FROM_A_BREAK = ("i'm back", "i am back", "sorry i'm back", "i'm back again")
"""Said coming back to voicepeer after a pause ("ok I'm back now": politeness and filler
around it count for nothing): it wakes voicepeer, as "resume" does. Left unanswered, the
person could not tell whether they were heard at all."""
WHERE_ASLEEP = ("where was i", "where am i", "where were we", "help", "what can i say", "i'm lost")
"""Asked asleep: answered with where the person is and how to go on or stop, voicepeer
staying asleep (a lost person's question, which the asker needs answered to know they were
heard: paused after "that's enough for today", "help" and "I'm lost" got no answer)."""
CARRY_ON_ASLEEP = ("carry on", "continue")
"""Asleep, said to voicepeer as often as to someone in the room: they resume only when
nothing else was heard since the pause (the voice loop decides: see voice.asleep)."""


_ARTICLES = frozenset({"a", "an", "the"})
_MADE = re.compile(r"^(make|get) (it|you|voicepeer)( (talk|speak|read|go))? ")
"""How asking for a change of voice begins: "make it slower", "get you to speak louder"."""


def _ways_of_naming(words: str) -> list[str]:
    """``words``, then with each "-ing" word as its verb ("replying": "reply"; "liking":
    "lik" and "like"), then without "you" ("stop you": "stop"; "wake you up": "wake up")."""
    ways = [words]
    for ending in ("", "e"):
        verbs = [w[:-3] + ending if w.endswith("ing") and len(w) > 5 else w for w in words.split()]
        if verbs != words.split():
            ways.append(" ".join(verbs))
    without_you = [w for w in words.split() if w != "you"]
    if without_you and without_you != words.split():
        ways.append(" ".join(without_you))
    # "Open a topic": the card says "open topic"; "make it slower" or "make you talk
    # slower": "slower".
    plain = [w for w in words.split() if w not in _ARTICLES]
    if plain and plain != words.split():
        ways.append(" ".join(plain))
    made = _MADE.sub("", words)
    if made != words and made:
        ways.append(made)
    return ways


def restatements(text: str) -> list[str]:
    """``text`` as the person meant it, each way it may differ from what was heard: with a
    word said twice once (see repeats), with a number taken back left out (see
    number_corrections), and with both."""
    once = without_repeats(text)
    ways = [once, last_number_meant(text), last_number_meant(once)]
    heard = normalize(text)
    return [way for way in dict.fromkeys(ways) if way and way != heard]


TAKEN_BACK_AT_END = frozenset({"no", "sorry"})
"""Said last after a command, words that take it back ("reply to Sam no")."""


def _taken_back_at_end(text: str) -> bool:
    words = normalize(text).split()
    return len(words) > 2 and words[-1] in TAKEN_BACK_AT_END and words[0] not in ("no", "yes")


def _restated(heard: Heard, text: str) -> Heard:
    """``heard`` said as ``text``, its other passes restated alike (each may have the same
    repeated word or number taken back), its other readings left out."""
    passes = tuple(last_number_meant(once) or once for once in map(without_repeats, heard.passes))
    return replace(heard, text=text, alternatives=(), words=(), passes=passes)


def wake_phrases(aliases: Mapping[str, Intent]) -> list[tuple[str, Intent]]:
    """The phrasings that wake voicepeer when asleep, normalized, with their intents: what
    voicepeer itself says to wake it, its name called, the caregiver's aliases for waking,
    and the card's and tuning phrasings that name voicepeer listening (:data:`WAKE_WORDS`)
    without being a word whose meaning the state decides."""
    phrases: list[tuple[str, Intent]] = [(p, Intent.WAKE) for p in PHRASINGS[Intent.WAKE]]
    phrases += [(p, Intent.WAKE) for p in CALLING_VOICEPEER]
    phrases += [(p, Intent.RESUME) for p in BACK_FROM_A_BREAK]
    phrases.append((canonical(Intent.RESUME), Intent.RESUME))
    phrases += [(p, i) for p, i in aliases.items() if i in ASLEEP]
    for intent in ASLEEP:
        for phrase in (*PHRASINGS[intent], *tuning_phrasings().get(intent, ())):
            core = unwrap(normalize(phrase))
            if WAKE_WORDS & set(normalize(phrase).split()) and core not in SENSES:
                phrases.append((phrase, intent))
    return [(unwrap(normalize(p)), i) for p, i in phrases]


class Interpreter:
    """Decides what utterances mean, with the caregiver's ``aliases`` and ``thresholds``."""

    def __init__(
        self,
        aliases: Mapping[str, Intent] | None = None,
        thresholds: MatcherThresholds | None = None,
    ) -> None:
        self.aliases = dict(aliases or {})
        self.matcher = CommandMatcher(self.aliases, thresholds)
        self._wake_phrases = wake_phrases(self.aliases)
        self._asked_asleep = [(p, Intent.WHERE) for p in WHERE_ASLEEP]
        self._asked_asleep += [(p, Intent.RESUME) for p in CARRY_ON_ASLEEP]

    def command(self, heard: Heard, allowed: Collection[Intent] | None = None) -> Interpretation:
        """The command ``heard`` is among ``allowed`` (every intent when ``None``): said with
        a number taken back ("open three no four"), the command with the last number, if
        that is one word for word; when it is none as heard (or only a near one), the
        command it is said again without a word said twice ("back back"), if that is one
        word for word."""
        corrected = None if heard.by_switch else last_number_meant(without_repeats(heard.text))
        if corrected is not None:
            # A number taken back is meant before all: as heard, "reply to post two no
            # three" was a reply to someone called "post two no three", and answered the
            # post being read.
            again = self._command(_restated(heard, corrected), allowed)
            numbered = again.command is not None and any(
                isinstance(value, int) for value in again.command.slots.values()
            )
            if numbered and not again.near:  # not search words: "two no three" as said
                return again
        found = self._command(heard, allowed)
        if _taken_back_at_end(heard.text) and found.command is not None:
            # "Reply to Sam no": what was just said is taken back, not done.
            return Interpretation(None, found.confidence)
        if heard.by_switch or (found.command is not None and not found.near):
            return found
        for text in restatements(heard.text):
            again = self._command(_restated(heard, text), allowed)
            if again.command is not None and not again.near:
                return again
        return found

    def _command(self, heard: Heard, allowed: Collection[Intent] | None) -> Interpretation:
        if heard.by_switch:
            # A press of the yes switch is no spoken command; asleep it wakes voicepeer (a
            # yes where a question waits: see answer).
            asleep = allowed is not None and Intent.WAKE in allowed and set(allowed) <= ASLEEP
            return Interpretation(Command(Intent.WAKE), 1.0) if asleep else Interpretation(None)
        if allowed is not None and set(allowed) <= ASLEEP:
            return self._strictly(heard, [(p, i) for p, i in self._wake_phrases if i in allowed])
        found = self._matched(heard, allowed)
        if found.command is not None and HOW_TO in found.command.slots:
            return self._how_to(found, str(found.command.slots[HOW_TO]))
        if found.near and len(core(normalize(heard.text)).split()) == 1:
            # A lone word only close to a phrasing is too often a bit of room talk
            # ("volume" of "volume up"), as a number alone is too often a misheard command.
            return Interpretation(None)
        if found.command is not None and not self._confirmed(found.command, heard, allowed):
            return Interpretation(None, found.confidence, ambiguous=(found.command.intent,))
        return found

    def _how_to(self, found: Interpretation, words: str) -> Interpretation:
        """ "How do I reply": help about the command the words name, with its intent in the
        slot; no command at all when they name none ("how do I get to the station" is
        talk in the room). "Replying" and "liking" name "reply" and "like"; "how do I say
        yes" names "yes"; "how do I use this" is help as a whole; "how do I start over"
        names an editing command of writing (slot HOW_TO_WRITE). A way of saying the words
        that names a command word for word wins over one only near another ("read a post"
        is near "read my posts"; "read post" names "read")."""
        words = normalize(words).removeprefix("say ")
        if words in HOW_TO_USE_IT:
            return replace(found, command=Command(Intent.HELP))
        near: Intent | None = None
        for said in _ways_of_naming(words):
            if said in HOW_TO_NAMED:
                return replace(
                    found, command=Command(Intent.HELP, {HOW_TO: HOW_TO_NAMED[said].value})
                )
            action = dictation_action(said)
            if action in WRITING_ONLY:  # "change the title" is a no elsewhere
                return replace(found, command=Command(Intent.HELP, {HOW_TO_WRITE: action.value}))
            named = self._matched(Heard(said, 1.0), None)
            if named.command is None or named.command.intent is Intent.HELP:
                continue
            if not named.near:
                return replace(
                    found, command=Command(Intent.HELP, {HOW_TO: named.command.intent.value})
                )
            near = near or named.command.intent
        if near is None:
            return Interpretation(None)
        return replace(found, command=Command(Intent.HELP, {HOW_TO: near.value}))

    def word_for_word(
        self, heard: Heard, allowed: Collection[Intent] | None = None
    ) -> Intent | None:
        """The command among ``allowed`` (every one when ``None``) that ``heard`` says word
        for word, if any: a near match does not count (where the words could as well be a
        name, a title, or a command meant for another state)."""
        found = self.command(heard, allowed)
        return found.command.intent if found.command is not None and not found.near else None

    def says_one_of(self, heard: Heard, phrases: frozenset[str]) -> bool:
        """Whether ``heard`` is one of ``phrases`` (or near one, as a command may be)."""
        return self.matcher.near_one_of(heard, phrases)

    def _matched(self, heard: Heard, allowed: Collection[Intent] | None) -> Interpretation:
        """The phrasing ``heard`` matches (see matcher), where a number said alone is never
        a command: misheard short commands come out as numbers (see numbers)."""
        text = normalize(heard.text)
        if is_number_alone(text) or is_number_alone(unwrap(text)):
            return Interpretation(None)
        return self.matcher.interpret(heard, allowed)

    def _confirmed(
        self, command: Command, heard: Heard, allowed: Collection[Intent] | None
    ) -> bool:
        """Whether the recognizer's other passes (free readings of the same audio, not bound
        to the command phrases) heard a command as well, the same one where it has a
        number. A grammar picks the nearest phrasing for any speech: when the free reading
        heard no command at all, the command is more likely forced onto room talk or onto
        an everyday phrasing the recognizer does not know ("one more time" as "where was
        i") than said. voicepeer then asks "Did you mean …?" rather than do something the
        person has to undo. A pass that heard nothing, or only a word that says nothing on
        its own ("the": the free model also hears everyday wording), does not count against
        it."""
        for reading in heard.passes:
            if says_nothing(normalize(reading)):
                continue
            other = self._matched(Heard(reading, heard.confidence), allowed).command
            if other is None or (
                other.intent is command.intent
                and other.slots.get("number") != command.slots.get("number")
            ):
                return False
        return True

    def asked_asleep(self, heard: Heard) -> Intent | None:
        """Asleep, what ``heard`` asks of voicepeer besides waking it: WHERE for "where was
        I" (:data:`WHERE_ASLEEP`), RESUME for "carry on" (:data:`CARRY_ON_ASLEEP`, taken
        only when nothing else was heard since the pause); None for anything else. Heard
        as strictly as waking."""
        if heard.by_switch:
            return None
        found = self._strictly(heard, self._asked_asleep).command
        return found.intent if found is not None else None

    def _strictly(self, heard: Heard, phrases: list[tuple[str, Intent]]) -> Interpretation:
        """The command of the phrase ``heard`` says, as it is heard asleep: every other
        pass of the recognizer must hear one of ``phrases`` too."""
        found = self._wake(heard, phrases)
        if any(
            self._wake(Heard(p, heard.confidence), phrases).command is None
            for p in filter(None, heard.passes)
        ):
            return Interpretation(None)
        return found

    def _wake(self, heard: Heard, phrases: list[tuple[str, Intent]]) -> Interpretation:
        """Asleep, people talk to others in the room: only what voicepeer said would wake
        it ("Say wake up when you need me", "Say resume when you are ready") and the wake
        and resume phrasings naming it (:data:`WAKE_WORDS`: "continue reading") do, with
        at most politeness around them and strictly (``wake_min_score``). No everyday words
        and no words whose meaning the state decides: "carry on" or "read it" said to
        someone else must not set voicepeer talking."""
        thresholds = self.matcher.thresholds
        text = unwrap(normalize(heard.text))
        if not text or heard.confidence < thresholds.min_engine_confidence:
            return Interpretation(None)
        scored = [(fuzz.ratio(text, p), i) for p, i in phrases]
        score, intent = max(scored, default=(0.0, Intent.WAKE))
        if score < thresholds.wake_min_score:
            return Interpretation(None)
        return Interpretation(Command(intent), confidence=heard.confidence * score / 100)

    def back_from_a_pause(self, heard: Heard) -> bool:
        """Whether ``heard`` asks voicepeer to go on after a pause, spoken: what wakes it
        asleep, or "carry on" and "continue"."""
        if heard.by_switch:
            return False
        woken = self.command(heard, ASLEEP).command is not None
        return woken or self.asked_asleep(heard) is Intent.RESUME

    def answer(self, heard: Heard, allowed: Collection[Intent]) -> Interpretation:
        """The answer to a question before something others can see (see consent)."""
        return judge_answer(heard, self._said_once, allowed)

    def _said_once(self, heard: Heard, allowed: Collection[Intent]) -> Interpretation:
        """An answer other than yes (consent takes a yes only as said): "cancel cancel"
        is a cancel, as it is elsewhere, not "I did not add that to your reply"."""
        found = self._matched(heard, allowed)
        once = without_repeats(heard.text)
        if (found.command is not None and not found.near) or once == normalize(heard.text):
            return found
        again = self._matched(_restated(heard, once), allowed)
        return again if again.command is not None and not again.near else found

    def asks_for_time(self, heard: Heard) -> bool:
        """Whether an answer to a question asks for a moment instead (see consent)."""
        return asks_for_time(heard)

    def calls_voicepeer(self, heard: Heard) -> bool:
        """Whether ``heard`` calls voicepeer by its name ("voicepeer", "hey voicepeer")."""
        return unwrap(normalize(heard.text)) in CALLING_VOICEPEER

    def interrupts(self, heard: Heard) -> bool:
        """Whether ``heard`` asks voicepeer to wait while something else is seen to ("hang
        on": see consent)."""
        return interrupts(heard)

    def why_no_answer(self, heard: Heard) -> str:
        """Why :meth:`answer` took ``heard`` as no answer, in words for the transcript."""
        return why_no_answer(heard)

    def editing(self, heard: Heard) -> DictationAction | None:
        """The editing command a dictated utterance is, or ``None`` for reply text."""
        return heard_action(heard)

    def words_to_delete(self, heard: Heard) -> int:
        """How many words a "delete the last word" command removes ("the last three")."""
        return words_to_delete(heard.text)

    def search_words(self, heard: Heard) -> str:
        """What to look for in an utterance answering "what shall I look for?": the words
        of a "search for …" said again in full, else what was said without the politeness
        around it ("heat please" looks for heat); "" when it says nothing to look for."""
        if is_lead_in(heard.text):
            return ""  # "can you": the words are still to come
        said_once = _restated(heard, without_repeats(heard.text))
        again = self.matcher.interpret(said_once, {Intent.SEARCH}).command
        words = str(again.slots.get("query", "")) if again is not None else ""
        if not words and again is None:
            words = query_words(unwrap(normalize(heard.text)))
        return "" if says_nothing(words) else words

    def correction(self, text: str) -> CorrectionCommand | None:
        """The correction command a whole utterance is, or ``None``."""
        return correction_command(text)

    def correction_readings(self, text: str) -> tuple[CorrectionCommand, ...]:
        """Every way a whole utterance is a correction command (see
        :func:`voicepeer.commands.correction.correction_readings`)."""
        return correction_readings(text)

    def phrasebook(
        self,
        contexts: Mapping[str, Collection[Intent]] | None = None,
        answer_contexts: Mapping[str, Collection[Intent]] | None = None,
        *,
        in_play: Mapping[str, Collection[Intent]] | None = None,
        narrow: bool = True,
        everyday: bool = True,
    ) -> Phrasebook:
        """What recognizers may hear: every command (context ""), and the commands of each
        of ``contexts`` and the answers of each of ``answer_contexts`` (name → intents).
        ``in_play`` names contexts where fewer commands can apply than are understood (see
        ``Vocabulary.in_play``). ``narrow``: each context is decoded with its own commands,
        the others being its garbage path; otherwise with every command, as "" is.
        ``everyday``: command models also hear everyday wordings (``Vocabulary.everyday``)."""
        phrasings = command_phrasings(self.aliases)
        every = self._commands(phrasings, None, everyday=everyday)
        commands = {"": every}
        for name, intents in (contexts or {}).items():
            playing = (in_play or {}).get(name, intents)
            commands[name] = (
                self._commands(phrasings, intents, playing, everyday=everyday)
                if narrow
                else replace(every, in_play=frozenset(i.value for i in playing))
            )
        answers = {"": self._answers(phrasings, None)}
        for name, intents in (answer_contexts or {}).items():
            answers[name] = self._answers(phrasings, intents)
        return Phrasebook(
            commands=commands,
            answers=answers,
            editing=Vocabulary(
                phrases=tuple(editing_phrases()),
                accepts=lambda text: dictation_action(text) is not None,
            ),
            correction=Vocabulary(
                sentences=tuple(correction_phrases()),
                accepts=lambda text: correction_command(text) is not None,
            ),
            correction_sentences=lambda words: correction_phrases(tuple(words)),
            correction_answers={
                name: self._correction_answers(name, phrasings)
                for name in (CHOICE_ANSWERS, SPELLING_ANSWERS)
            },
            completeness={
                ListenMode.COMMAND: CompletenessJudge(self.aliases),
                ListenMode.ANSWER: CompletenessJudge.for_answers(self.aliases),
            },
        )

    @staticmethod
    def _correction_answers(
        context: str, phrasings: Mapping[Intent, tuple[str, ...]]
    ) -> Vocabulary:
        """The answers a correction waits for in ``context`` and the editing commands
        ("send it" goes on working); the other command phrasings of three words or more
        are the garbage path (shorter ones, such as "go on", took the place of "done")."""
        answers = awaited_answers(context)
        taken = sorted({*answers, *editing_phrases()})
        other = sorted(
            {p for ps in phrasings.values() for p in ps if len(p.split()) > 2} - set(taken)
        )

        def accepts(text: str) -> bool:
            return is_awaited_answer(context, text) or dictation_action(text) is not None

        return Vocabulary(
            phrases=tuple(taken),
            other=tuple(other),
            sentences=(*answers * AWAITED_WEIGHT, *editing_phrases() * AWAITED_WEIGHT, *other),
            accepts=accepts,
        )

    def _commands(
        self,
        phrasings: Mapping[Intent, tuple[str, ...]],
        intents: Collection[Intent] | None,
        in_play: Collection[Intent] | None = None,
        *,
        everyday: bool = True,
    ) -> Vocabulary:
        asleep = intents is not None and set(intents) <= ASLEEP

        def accepts(text: str) -> bool:
            if asleep and self.asked_asleep(Heard(text)) is not None:
                return True  # "where was I" is answered asleep, if not by a command
            return self.command(Heard(text), intents).command is not None

        return command_vocabulary(
            phrasings,
            set(Intent) if intents is None else intents,
            accepts,
            is_number_alone,
            in_play,
            everyday=everyday,
        )

    def _answers(
        self, phrasings: Mapping[Intent, tuple[str, ...]], intents: Collection[Intent] | None
    ) -> Vocabulary:
        allowed = set(Intent) if intents is None else set(intents)

        def accepts(text: str) -> bool:
            return self.answer(Heard(text), allowed).command is not None

        return answer_vocabulary(phrasings, accepts)
