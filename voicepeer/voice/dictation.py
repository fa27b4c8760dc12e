"""A reply being dictated: spoken punctuation, capitals, and phrase-level editing.

The draft is kept as the list of dictated phrases (one per utterance) so that
"scratch that" can remove exactly what was said last. Text is rendered from the phrases
each time, which keeps capitalisation right after any edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Spoken punctuation and layout words, longest first so "new paragraph" beats "new".
SPOKEN_MARKS: tuple[tuple[str, str], ...] = (
    ("exclamation mark", "!"),
    ("exclamation point", "!"),
    ("question mark", "?"),
    ("new paragraph", "\n\n"),
    ("new line", "\n"),
    ("full stop", "."),
    ("semicolon", ";"),
    ("period", "."),
    ("comma", ","),
    ("colon", ":"),
)
_SENTENCE_END = frozenset(".!?")
_ATTACHED = frozenset(".,!?;:")
_PLACEHOLDER_BASE = 0xE000
_TOKEN = re.compile(r"\n\n|\n|[.,!?;:]|[^\s.,!?;:]+")
_PRONOUN_I = re.compile(r"^i('(m|ve|ll|d|s))?$")


def tokenize_dictation(utterance: str) -> list[str]:
    """Split one utterance into words, punctuation marks and layout tokens.

    Spoken punctuation ("comma", "full stop", "new line") becomes the mark itself; marks
    typed directly are kept, and so is the user's casing of ordinary words.
    """
    text = re.sub(r"[^\S\n]+", " ", utterance)
    text = re.sub(r" ?\n(?: ?\n)+ ?", "\n\n", text)
    for index, (spoken, _mark) in enumerate(SPOKEN_MARKS):
        # A private-use character stands in for the mark until tokens are split.
        text = re.sub(rf"\b{spoken}\b", f" {chr(_PLACEHOLDER_BASE + index)} ", text,
                      flags=re.IGNORECASE)
    tokens = []
    for token in _TOKEN.findall(text):
        code = ord(token[0]) - _PLACEHOLDER_BASE
        tokens.append(SPOKEN_MARKS[code][1] if 0 <= code < len(SPOKEN_MARKS) else token)
    return tokens


def render(tokens: list[str]) -> str:
    """Join tokens into text: no space before marks, capitals at sentence starts, "I"."""
    out: list[str] = []
    capitalize_next = True
    for token in tokens:
        if token in ("\n", "\n\n"):
            while out and out[-1] == " ":
                out.pop()
            out.append(token)
            capitalize_next = True
            continue
        if token in _ATTACHED:
            while out and out[-1] == " ":
                out.pop()
            out.append(token)
            out.append(" ")
            capitalize_next = token in _SENTENCE_END
            continue
        word = token
        if _PRONOUN_I.match(word.lower()):
            word = "I" + word[1:]
        elif capitalize_next:
            word = word[:1].upper() + word[1:]
        if out and out[-1] not in (" ", "\n", "\n\n"):
            out.append(" ")
        out.append(word)
        capitalize_next = False
    return "".join(out).strip(" ")


@dataclass
class Draft:
    """The reply being dictated, phrase by phrase."""

    phrases: list[list[str]] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str) -> Draft:
        """A draft restored from saved text; the whole text becomes one phrase."""
        tokens = tokenize_dictation(text)
        return cls([tokens] if tokens else [])

    def add(self, utterance: str) -> None:
        tokens = tokenize_dictation(utterance)
        if tokens:
            self.phrases.append(tokens)

    def scratch_last_phrase(self) -> bool:
        """Remove what was dictated last; False when there was nothing to remove."""
        if not self.phrases:
            return False
        self.phrases.pop()
        return True

    def delete_last_word(self) -> str | None:
        """Remove the last word (and any marks after it); returns the word removed."""
        while self.phrases:
            phrase = self.phrases[-1]
            while phrase and not _is_word(phrase[-1]):
                phrase.pop()
            if phrase:
                word = phrase.pop()
                if not phrase:
                    self.phrases.pop()
                return word
            self.phrases.pop()
        return None

    def clear(self) -> None:
        self.phrases.clear()

    @property
    def text(self) -> str:
        return render([token for phrase in self.phrases for token in phrase])

    def text_to_send(self) -> str:
        """The text as it will be posted: finished with a full stop if it has no ending mark."""
        text = self.text.rstrip()
        if text and text[-1].isalnum():
            text += "."
        return text

    @property
    def is_empty(self) -> bool:
        return not self.phrases


def _is_word(token: str) -> bool:
    return token not in _ATTACHED and token not in ("\n", "\n\n")
