"""Correcting a dictated reply by voice, without starting over.

"correct fatigue" reads the recognizer's other guesses for that word as numbered choices;
"number two" (or "two") takes one, "none of those" offers spelling. "spell it" takes
letters ("m s", "mike sierra") until "done". "replace walk with talk" swaps words;
"replace walk" asks "Replace walk with what?" and takes the next words dictated.
"read it back" names the words the recognizer was unsure of.

A correction is a short exchange inside dictation (the voice loop stays in DICTATING):
while a choice or spelling is pending, the voice loop tells the listener so (``awaited``),
the answers are decoded narrowly and read as such; anything long is taken as more of the
reply, so nothing the person says is lost. New words for "replace walk" are dictation,
decoded as such.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import Enum

from voicepeer.commands.consent import TAKE_BACKS
from voicepeer.commands.correction import (
    CHOICE_ANSWERS,
    CORRECT_WORDS,
    MAX_ASKED_WORDS,
    SPELLING_ANSWERS,
    CorrectionCommand,
    CorrectionKind,
    meant_instead,
)
from voicepeer.commands.editing import BARE_ANSWERS
from voicepeer.commands.intents import Intent
from voicepeer.commands.interpreter import Interpreter
from voicepeer.commands.number_corrections import CORRECTING, with_number_meant
from voicepeer.commands.text import normalize
from voicepeer.recognition.base import Heard
from voicepeer.voice.dictation import (
    Draft,
    Place,
    named_mark,
    spoken_mark,
    tokenize_dictation,
)
from voicepeer.voice.ports import Say
from voicepeer.voice.spoken_marks import MARK_NAMES, gone_with_it
from voicepeer.voice.written_forms import WRITTEN_FORMS
from voicepeer.voice.written_numbers import with_digits

MAX_CHOICES = 5
UNSURE_BELOW = 0.5
"""Words the recognizer's readings agreed on less often than this are read back as unsure."""
NO_NEW_WORDS = frozenset({"no", "nope", "no thanks", "nothing", "none", "no change"})
"""Said to "Replace shop with what?": no new words, so the old ones stay (they were
replaced with "no")."""
UNSURE = frozenset(
    {"sorry", "what", "huh", "eh", "hmm", "yes", "yeah", "okay", "ok", "not sure"}
    | {"i don't know", "i do not know", "i'm not sure", "i am not sure", "what do you mean"}
)
"""Said to a correction's question, no answer: it is asked again."""
MAX_ANSWER_WORDS = 4
"""While a choice or spelling is pending, longer utterances are more of the reply."""
_ORDINAL_SPOKEN = ("1", "2", "3", "4", "5", "6", "7", "8", "9")


class Pending(Enum):
    NOTHING = "nothing"
    CHOICE = "choice"
    SPELLING = "spelling"
    REPLACEMENT = "replacement"
    CONFIRMATION = "confirmation"
    """A replacement said in words a reply may have ("change walked home to took the bus
    home"): done after yes, written in as said after no."""


@dataclass
class _Target:
    place: Place
    original: str
    choices: tuple[str, ...] = ()
    asked: Heard | None = None
    """CONFIRMATION: what was said, written in as it is after no."""
    new: str = ""
    """CONFIRMATION: the new words."""


class Corrector:
    """Correction commands and the choices or spelling they wait for."""

    def __init__(self, say: Say, interpreter: Interpreter, what: str = "reply") -> None:
        self._say = say
        self._interpreter = interpreter
        self._what = what
        """What is being corrected, as said: "reply", or "post" for a posted one."""
        self.pending = Pending.NOTHING
        self._target: _Target | None = None
        self._spelled: list[list[str]] = []
        """The letters given so far, as said together, in order ("m s", then "i")."""
        self._forms: Mapping[str, str] = WRITTEN_FORMS
        self.title_of: Callable[[], str] = lambda: ""
        """The title of what is being written, when it has one (a new topic or message):
        words named for correction may be there rather than in the text."""
        self.brought_back: tuple[str, str] | None = None
        """What "undo" says of the change made last, and how it names what comes back,
        when the change says so better than a correction's words ("Brought back
        afternoon.")."""

    def reset(self) -> None:
        self.pending, self._target, self._spelled = Pending.NOTHING, None, []

    def leave(self) -> bool:
        """ "Undo" while a choice, letters or new words are awaited: the correction
        dropped, the words left as they were; False when none was awaited."""
        target = self._target
        if self.pending is Pending.NOTHING or target is None:
            return False
        self.reset()
        self._say(f"Left {target.original} as it was.")
        return True

    def take_back_letters(self) -> bool:
        """ "Scratch that" or "undo" while spelling: the letters said last taken out again
        (the rest kept); False when none were given, or none are awaited."""
        if self.pending is not Pending.SPELLING or not self._spelled:
            return False
        self._took_out(self._spelled.pop())
        return True

    def _take_back_letter(self) -> None:
        """ "Delete last letter": the last letter given taken out again."""
        taken = [self._spelled[-1].pop()] if self._spelled else []
        if self._spelled and not self._spelled[-1]:
            self._spelled.pop()
        self._took_out(taken)

    @property
    def _letters(self) -> list[str]:
        return [letter for said in self._spelled for letter in said]

    def _took_out(self, taken: list[str]) -> None:
        assert self._target is not None
        if not taken:
            self._say(f"No letters yet. Spell {self._target.original} letter by letter.")
        elif self._letters:
            self._say(
                f"Took out {' '.join(taken)}. {' '.join(self._letters)}. More letters, or say done."
            )
        else:
            self._say(f"Took out {' '.join(taken)}. No letters now: spell it again, then say done.")

    def finish_spelling(self, draft: Draft) -> bool:
        """End the letters as "done" does ("I'm finished" said while spelling means the
        letters); False when no letters are awaited."""
        if self.pending is not Pending.SPELLING or self._target is None:
            return False
        self._end_spelling(draft, self._target)
        return True

    @property
    def awaited(self) -> str | None:
        """The context to listen in while a choice or letters are awaited (recognizers
        then decode those answers narrowly, see Phrasebook.correction_answers); ``None``
        when nothing is."""
        return {Pending.CHOICE: CHOICE_ANSWERS, Pending.SPELLING: SPELLING_ANSWERS}.get(
            self.pending
        )

    def hear(
        self,
        heard: Heard,
        draft: Draft,
        forms: Mapping[str, str] = WRITTEN_FORMS,
        *,
        ask: bool = False,
    ) -> bool:
        """Act on ``heard`` if it is a correction (or an answer to one); False when it is
        something else, for the rest of dictation to handle. New words go in written as
        ``forms`` has them (the draft's own: with the names of the people in its thread);
        ``ask``: a change is asked about first, as a longer one is."""
        self._forms = forms
        self.brought_back = None
        command = self._command(heard, draft)
        if self.pending is not Pending.NOTHING:
            return self._answer(command, heard, draft)
        if command is None:
            return self._tell_if_not_found(heard, draft)
        if command.kind is CorrectionKind.DELETE and draft.ends_unfinished:
            # "She told me to", then "remove the rug": the sentence going on, not an edit
            # (the rug written before was deleted).
            return False
        if command.kind is CorrectionKind.DELETE:
            self._delete(command, draft)
            return True
        if command.kind is CorrectionKind.CORRECT:
            self._correct(command, draft)
            return True
        if not command.replacement:
            self._ask_replacement(command, draft)
            return True
        if command.asked or ask:
            self._ask_to_replace(command, heard, draft)
            return True
        self._replace(command, draft)
        return True

    def would_take(self, heard: Heard, draft: Draft) -> bool:
        """Whether ``heard`` is a "correct" or "replace" of words ``draft`` has (with no
        correction waiting)."""
        return self.pending is Pending.NOTHING and self._command(heard, draft) is not None

    def _command(self, heard: Heard, draft: Draft) -> CorrectionCommand | None:
        """The correction this utterance is, in its best reading or another one; "correct"
        and "replace" count only when the words they name are in the draft."""
        for reading in (heard.text, *heard.alternatives, *_named_otherwise(heard)):
            for said in self._interpreter.correction_readings(reading):
                command = _as_written(said, draft) if _names_a_correction(said) else said
                if command is None:
                    continue
                if self.pending is Pending.NOTHING and not _names_a_correction(command):
                    continue  # "two" or "done" with nothing asked is reply text
                return command
        return None

    def _tell_if_not_found(self, heard: Heard, draft: Draft) -> bool:
        """A "correct" or "replace" naming words the draft does not have stays in it as
        words (they may be what the person means to write), and the person is told, since
        dictation is otherwise silent. Words of the title are the title's: named, they are
        pointed there and not written in (True)."""
        readings = self._interpreter.correction_readings(heard.text)
        named = readings[0] if readings else None
        if not _names_a_correction(named) or any(each.asked for each in readings):
            return False  # a sentence of the reply as likely as a change: no notice
        assert named is not None
        said = " ".join(named.words)
        mark = named_mark(named.words)
        if mark is not None:
            # "Delete the comma" written in would be "Delete the," in the reply.
            self._say(f"Your {self._what} has no {MARK_NAMES[mark]}, so I changed nothing.")
            return True
        if f" {said.lower()} " in f" {' '.join(self.title_of().lower().split())} ":
            self._say(
                f"{said.capitalize()} is in the title, not in your {self._what}. To change "
                "the title, say change the title."
            )
            return True
        if named.kind is CorrectionKind.DELETE:
            if self._interpreter.word_for_word(heard) is not None:
                return False  # "remove bookmark": named as a command of elsewhere instead
            # "I had to delete the app", said slowly, is words of the reply: kept, and said.
            self._say(
                f'I added "{heard.text}" to your {self._what}: I could not find "{said}" in '
                "it. To take it out, say scratch that."
            )
            return False
        words = f"the word{'s' if len(named.words) > 1 else ''} {said}"
        self._say(
            f"I could not find {words} in your {self._what}, so I took what you said as "
            "part of it. Say scratch that to take it out."
        )
        return False

    def _delete(self, command: CorrectionCommand, draft: Draft) -> None:
        """ "Delete afternoon": the words named taken out where they come last (and a mark
        after them that would be left dangling)."""
        place = draft.find(command.words, exact=True)
        assert place is not None
        original, times = draft.words_at(place), draft.times(place)
        if not place.count:
            self._say(
                f"There is no full stop written in your {self._what}; one is put at its end "
                "when it is sent."
            )
            return
        mark = draft.delete(place)
        said = spoken_mark(" ".join(with_digits(original.split())))
        self.brought_back = (f"Brought back {said}.", said)
        also = gone_with_it(MARK_NAMES.get(mark or ""))
        if times > 1:
            self._say(
                f"Your {self._what} had {said} {times} times. I deleted the last one{also}. "
                "To delete another, say more of the words around it."
            )
            return
        self._say(f"Deleted {said}{also}.")

    def _correct(self, command: CorrectionCommand, draft: Draft) -> None:
        place = draft.find(command.words)
        assert place is not None
        original = draft.words_at(place)
        if len(with_digits(original.split())) < place.count or original.isdigit():
            # A number said in several words ("two hundred and forty"), or written in
            # figures (a posted post's), has no other guesses of its own, nor is it
            # spelled: the right one is said instead.
            self._target = _Target(place, original)
            self.pending = Pending.REPLACEMENT
            self._say(f"{self._last_of(draft, place)}Replace {original} with what?")
            return
        word = draft.heard_at(place)
        choices = [c for c in (word.alternatives if word else ()) if c != original.lower()]
        # The recognizer's own guesses for the word named, when it heard that differently.
        named = " ".join(command.words)
        if named != original.lower() and named not in choices:
            choices.insert(0, named)
        self._target = _Target(place, original, tuple(choices[:MAX_CHOICES]))
        which = self._last_of(draft, place)
        if not self._target.choices and with_digits(original.split()) != original.split():
            # "Eighty", a number in one word, with no other guesses: spelled, its letters
            # were asked for, and "ninety" said instead was written into the reply.
            self.pending = Pending.REPLACEMENT
            self._say(f"{which}Replace {original} with what?")
            return
        if not self._target.choices:
            self._start_spelling(f"{which}I have no other guesses for {original}. ")
            return
        self.pending = Pending.CHOICE
        listed = ", ".join(f"{_ORDINAL_SPOKEN[i]}: {c}" for i, c in enumerate(self._target.choices))
        self._say(
            f"{which}Instead of {original}: {listed}. Say a number, none of those, or spell it."
        )

    def _ask_replacement(self, command: CorrectionCommand, draft: Draft) -> None:
        place = draft.find(command.words)
        assert place is not None
        self._target = _Target(place, draft.words_at(place))
        self.pending = Pending.REPLACEMENT
        self._say(f"{self._last_of(draft, place)}Replace {_said(self._target.original)} with what?")

    def _ask_to_replace(self, command: CorrectionCommand, heard: Heard, draft: Draft) -> None:
        place = draft.find(command.words)
        assert place is not None
        new = " ".join(command.replacement)
        self._target = _Target(place, draft.words_at(place), asked=heard, new=new)
        self.pending = Pending.CONFIRMATION
        self._say(f"{self._last_of(draft, place)}{self._confirmation(self._target)}")

    def _confirmation(self, target: _Target) -> str:
        """ "Change walked home to took the bus home? Say yes …" """
        return (
            f"Change {target.original} to {target.new}? Say yes to change it, or no to write "
            f"it into your {self._what} as you said it."
        )

    def _last_of(self, draft: Draft, place: Place) -> str:
        """Said before a question about words the draft has more than once: which of them
        is meant (the last), and how to name another."""
        times = draft.times(place)
        if times < 2:
            return ""
        return (
            f"Your {self._what} has {draft.words_at(place)} {times} times: this is about the "
            f"last one. {_ANOTHER} "
        )

    def _take_yes_or_no(self, heard: Heard, draft: Draft) -> bool:
        """After "Change walked home to took the bus home?": yes changes them, no writes
        what was said into the draft; more talk is more of the reply, after what was said."""
        target = self._target
        assert target is not None and target.asked is not None
        command = self._interpreter.command(heard).command
        intent = command.intent if command else None
        if intent is Intent.NO and _taken_back(heard):
            intent = None  # "no wait": the words were written in, and "wait" left unanswered
        if intent not in (Intent.YES, Intent.NO) and len(heard.text.split()) <= MAX_ANSWER_WORDS:
            self.ask_again()
            return True
        self.reset()
        if intent is Intent.YES:
            if draft.words_at(target.place) != target.original:
                self._say(f"Your {self._what} has changed since. Say the change again.")
            else:
                written = draft.replace(target.place, target.new, self._forms)
                self._say(f"Changed {_said(target.original)} to {spoken_mark(written, 'a')}.")
            return True
        draft.add(target.asked.text, target.asked.words, self._forms)
        if intent is Intent.NO:
            self._say(f"I wrote it into your {self._what} as you said it.")
            return True
        # Talk: written after what was asked about. Both went in without a word.
        self._say(
            f"Left {target.original} as it was, and took both as part of your {self._what}: "
            "the change you said, and what you said after it."
        )
        return False

    def _take_replacement(self, heard: Heard, draft: Draft) -> bool:
        """The words dictated after "replace walk": the new words ("with talk" counts as
        "talk"); "leave it" keeps the old ones."""
        target = self._target
        assert target is not None
        command = self._interpreter.correction(heard.text)
        new = heard.text.split()
        if new[:1] == ["with"]:
            new = new[1:]
        new = _without_take_back_first(new)  # "no ninety", "sorry I mean ninety": ninety
        new = list(with_number_meant(tuple(new)))  # "fifty no sixty": sixty
        said = normalize(heard.text)
        leave = command is not None and command.kind is CorrectionKind.LEAVE
        if leave or not new or said in NO_NEW_WORDS:
            self.reset()
            self._say(f"Left {target.original} as it was.")
            return True
        if not tokenize_dictation(" ".join(new)) or self._asks_again(heard) or said in UNSURE:
            # "Um", "pardon" or "sorry": no words to put there; taken, they replaced the old.
            self.ask_again()
            return True
        if len(new) > MAX_ASKED_WORDS:
            # A sentence: more of the reply ("Replaced shop with and then I had …").
            self.reset()
            self._say(f"Left {target.original} as it was, and {self._taken}")
            return False
        self.reset()
        if draft.words_at(target.place) != target.original:
            self._say(f"Your {self._what} has changed since. Say replace and the words again.")
            return True
        written = draft.replace(target.place, " ".join(new), self._forms)
        self._say(f"Replaced {_said(target.original)} with {spoken_mark(written, 'a')}.")
        return True

    def _asks_again(self, heard: Heard) -> bool:
        """Whether ``heard`` asks for the question again ("pardon", "help", "where am I")
        rather than answering it."""
        command = self._interpreter.command(heard).command
        # "Where am I" too: the question is where the person is (it was written in).
        return command is not None and command.intent in (Intent.REPEAT, Intent.HELP, Intent.WHERE)

    def ask_again(self) -> None:
        """The question of the correction awaited, again, with how to answer it."""
        question = self.question_again()
        assert question is not None
        self._say(question)

    def question_again(self) -> str | None:
        """The question of the correction awaited, with how to answer it; None when none is."""
        target = self._target
        if self.pending is Pending.NOTHING or target is None:
            return None
        if self.pending is Pending.REPLACEMENT:
            return (
                f"Replace {_said(target.original)} with what? Say the new words, or say leave it."
            )
        if self.pending is Pending.CONFIRMATION:
            return self._confirmation(target)
        if self.pending is Pending.CHOICE:
            return f"{_numbers(len(target.choices))}, none of those, spell it, or leave it."
        return "Say letters, like m s, or mike sierra, then say done. Or say leave it."

    def _replace(self, command: CorrectionCommand, draft: Draft) -> None:
        place = draft.find(command.words)
        assert place is not None
        original, times = _said(draft.words_at(place)), draft.times(place)
        written = spoken_mark(draft.replace(place, " ".join(command.replacement), self._forms), "a")
        if times > 1:
            # The last of them is the one changed: said, with how to reach another.
            self._say(
                f"Your {self._what} had {original} {times} times. I replaced the last one "
                f"with {written}. {_ANOTHER}"
            )
            return
        self._say(f"Replaced {original} with {written}.")

    def _answer(self, command: CorrectionCommand | None, heard: Heard, draft: Draft) -> bool:
        if self.pending is Pending.REPLACEMENT:
            return self._take_replacement(heard, draft)
        if self.pending is Pending.CONFIRMATION and not _names_a_correction(command):
            return self._take_yes_or_no(heard, draft)
        target = self._target
        assert target is not None
        kind = command.kind if command else None
        if kind is CorrectionKind.LEAVE:
            self.reset()
            self._say(f"Left {target.original} as it was.")
            return True
        if _names_a_correction(command):
            # Another word named: that one is meant now. The letters given next had gone
            # to the first word, and the change was said as if it were the one asked for.
            self.reset()
            self._say(f"Left {target.original} as it was.")
            return self.hear(heard, draft, self._forms)
        if kind in (CorrectionKind.SPELL, CorrectionKind.NONE_OF_THOSE):
            self._start_spelling("")
            return True
        if self.pending is Pending.CHOICE and command is not None and kind is CorrectionKind.CHOOSE:
            if command.choice > len(target.choices):
                count = len(target.choices)
                are = "is only 1 choice" if count == 1 else f"are only {count} choices"
                self._say(f"There {are}. {_numbers(count)}, none of those, or spell it.")
                return True
            self._put(draft, target, target.choices[command.choice - 1])
            return True
        if self.pending is Pending.SPELLING and command is not None:
            if kind is CorrectionKind.LETTERS:
                if command.taken_back and self._spelled:
                    self._spelled[-1].pop()  # "s h o", then "no w"
                    self._spelled = [said for said in self._spelled if said]
                if command.words:
                    self._spelled.append(list(command.words))
                if command.done:
                    self._end_spelling(draft, target)
                elif self._letters:
                    self._say(f"{' '.join(self._letters)}. More letters, or say done.")
                else:  # "o no": the only letter taken back
                    self._say(f"No letters now. Spell {target.original} letter by letter.")
                return True
            if kind is CorrectionKind.LETTER_BACK:
                self._take_back_letter()
                return True
            if kind is CorrectionKind.DONE:
                self._end_spelling(draft, target)
                return True
        instead = meant_instead(heard.text)
        if instead is not None:
            self._put(draft, target, " ".join(instead))  # "I mean Priya"
            return True
        if normalize(heard.text) in BARE_ANSWERS:
            # "Yes" to "Spell shop letter by letter" was written into the reply: it answers
            # as if asked a question, so the question is said again with how to answer.
            self.ask_again()
            return True
        if len(heard.text.split()) > MAX_ANSWER_WORDS or (
            command is None and tokenize_dictation(heard.text) and not self._asks_again(heard)
        ):
            # Talk, not an answer: the words are kept as reply text (short ones were dropped
            # without a word: "so glad for you"), after the letters given, if any: "done"
            # was forgotten.
            if self.pending is Pending.SPELLING and any(c.isalpha() for c in self._letters):
                self._end_spelling(draft, target)
                self._say(f"I {self._taken}")
            else:
                self.reset()
                self._say(f"Left {target.original} as it was, and {self._taken}")
            return False
        self.ask_again()
        return True

    @property
    def _taken(self) -> str:
        return f"took what you said as part of your {self._what}."

    def _end_spelling(self, draft: Draft, target: _Target) -> None:
        """The letters given so far replace the word being spelled (none: it stays)."""
        if not any(letter.isalpha() for letter in self._letters):
            self.reset()
            self._say(f"No letters given; {target.original} is unchanged.")
        else:
            self._put(draft, target, "".join(self._letters))

    def _start_spelling(self, lead: str) -> None:
        assert self._target is not None
        self.pending, self._spelled = Pending.SPELLING, []
        self._say(f"{lead}Spell {self._target.original} letter by letter, then say done.")

    def _put(self, draft: Draft, target: _Target, new: str) -> None:
        self.reset()
        if draft.words_at(target.place) != target.original:
            self._say(f"Your {self._what} has changed since. Say correct and the word again.")
            return
        written = draft.replace(target.place, new, self._forms)
        if written == target.original:
            # Spelled as it is: said so, or the person hears "Changed months to months".
            self._say(f"{written[:1].upper()}{written[1:]} is written that way already.")
            return
        self._say(f"Changed {target.original} to {written}.")


def _numbers(count: int) -> str:
    """How to choose among ``count`` choices by number ("Say 1" for one)."""
    return "Say 1" if count == 1 else f"Say a number from 1 to {count}"


def _said(original: str) -> str:
    """Words of the draft as said in what voicepeer answers: a mark named ("the comma"), and
    no words at all as the full stop put at the end when sent (see Draft.find_mark)."""
    return spoken_mark(original or ".")


_ANOTHER = "To change another, say more of the words around it."


_NAMING_WORDS = frozenset({CorrectionKind.CORRECT, CorrectionKind.REPLACE, CorrectionKind.DELETE})


def _names_a_correction(command: CorrectionCommand | None) -> bool:
    """Whether ``command`` names words of the draft ("correct …", "replace …", "delete …")."""
    return command is not None and command.kind in _NAMING_WORDS


_ARTICLES = frozenset({"the", "a", "an"})


def _as_written(command: CorrectionCommand, draft: Draft) -> CorrectionCommand | None:
    """A "correct" or "replace" whose words are in the draft; None when they are not. With
    an article before the words and their replacement ("change the vest to a towel" where
    "cooling vest" was written), the words without them first, as the article says
    nothing of what was written; with one before the words alone, as said first ("change a
    lot to plenty" keeps its "a"), then without it."""
    words, new = command.words, command.replacement
    bare_words = len(words) > 1 and words[0] in _ARTICLES
    bare_new = len(new) > 1 and new[0] in _ARTICLES
    tried: tuple[CorrectionCommand, ...]
    if bare_words and bare_new:
        tried = (replace(command, words=words[1:], replacement=new[1:]), command)
    elif bare_words and not new:
        tried = (command, replace(command, words=words[1:]))
    else:
        tried = (command,)
    # A number said in words is found as written too: in saved words, or a posted post.
    tried += tuple(
        replace(each, words=tuple(written))
        for each in tried
        if (written := with_digits(each.words)) != list(each.words)
    )
    exact = command.kind is CorrectionKind.DELETE  # near words are words of the reply
    return next((each for each in tried if draft.find(each.words, exact=exact) is not None), None)


def _taken_back(heard: Heard) -> bool:
    """Whether an answer goes on to take itself back ("no wait", "no hang on")."""
    after = f" {' '.join(normalize(heard.text).split()[1:])} "
    return any(f" {words} " in after for words in TAKE_BACKS)


def _named_otherwise(heard: Heard) -> list[str]:
    """ "correct thirteen" read with the recognizer's other guesses for the word named
    ("correct fatigue"): a misheard word is often misheard again when it is named."""
    words = heard.words
    if len(words) != 2 or words[0].text not in CORRECT_WORDS:
        return []
    return [f"{words[0].text} {other}" for other in words[1].alternatives]


def _without_take_back_first(words: list[str]) -> list[str]:
    """The new words of a replacement without a take-back they begin with ("no ninety",
    "sorry I mean ninety": the old word taken back, as a correction does), when more
    words follow it."""
    lowered = [normalize(word) for word in words]
    for taking_back in CORRECTING:
        if tuple(lowered[: len(taking_back)]) == taking_back and len(words) > len(taking_back):
            return words[len(taking_back) :]
    return words


def read_back(draft: Draft, what: str = "reply", title: str | None = None) -> str:
    """The reply (or other ``what``, with its ``title``) as it stands, then the words the
    recognizer was unsure about."""
    named = f"Your {what}, titled {title}," if title else f"Your {what}"
    if draft.is_empty:
        return f"{named} has no words yet." if title else f"{named} is empty so far."
    unsure = draft.unsure_words(UNSURE_BELOW)
    doubt = f" I'm not sure about: {', '.join(unsure)}." if unsure else ""
    return f"{named} says: {draft.read_out}{doubt}"
