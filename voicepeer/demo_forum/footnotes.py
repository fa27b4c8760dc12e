"""Footnotes as the footnote plugin bundled with Discourse cooks them.

The plugin (plugins/footnote, on by default) is markdown-it-footnote: ``text[^1]`` with
``[^1]: the note`` anywhere in the post, or ``text^[the note]`` in place. Notes are numbered
in the order they are first referred to, and listed after the post. Discourse's sanitizer
drops the ``<section>`` around that list, and once the post is saved the plugin gives every
id the post's id (``fn1`` becomes ``footnote-<post id>-1``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A definition anywhere: in a quote, a list or a spoiler as well. What goes before it stays
# on its line: "\s" there ran on over every blank line after each line's start, time growing
# with the square of a run of blank lines.
_ANY_DEFINITION = re.compile(r"^[ \t>]*\[\^([^\]\s]+)\]:", re.MULTILINE)
_BACKREF_ARROW = "\u21a9\ufe0e"


def defined_labels(raw: str) -> frozenset[str]:
    """The labels a post defines notes for: only those can be referred to."""
    return frozenset(_ANY_DEFINITION.findall(raw))


@dataclass
class _Note:
    label: str | None
    references: int = 0
    blocks: list[str] = field(default_factory=list)


class Footnotes:
    """One post's notes, numbered as the post is cooked from its start."""

    def __init__(self, defined: frozenset[str], post_id: int | None) -> None:
        self._defined = defined
        self._post_id = post_id
        self._notes: list[_Note] = []
        self._by_label: dict[str, int] = {}
        self._definitions: dict[str, list[str]] = {}

    def is_defined(self, label: str) -> bool:
        return label in self._defined

    def define(self, label: str, blocks: list[str]) -> None:
        """A definition's cooked blocks; a later one of the same label wins, as in the plugin."""
        self._definitions[label] = blocks

    def reference(self, label: str) -> str:
        """The ``<sup>`` for ``[^label]``; a second reference to a note is captioned [1:1]."""
        index = self._by_label.get(label)
        if index is None:
            index = len(self._notes)
            self._notes.append(_Note(label))
            self._by_label[label] = index
        note = self._notes[index]
        sub = note.references
        note.references += 1
        return self._ref(index + 1, sub)

    def reserve_inline(self) -> int:
        """A number for ``^[…]``, taken before its words are cooked (they may hold notes)."""
        self._notes.append(_Note(None))
        return len(self._notes) - 1

    def fill_inline(self, index: int, inline_html: str) -> str:
        self._notes[index].blocks = [f"<p>{inline_html}</p>"]
        return self._ref(index + 1, 0)

    def html(self) -> str:
        """The rule and the list of notes after the post, or nothing without notes."""
        if not self._notes:
            return ""
        items = "".join(self._item(n, note) for n, note in enumerate(self._notes, start=1))
        return f'<hr class="footnotes-sep">\n\n<ol class="footnotes-list">\n{items}</ol>'

    def _item(self, number: int, note: _Note) -> str:
        blocks = list(note.blocks if note.label is None else self._definitions.get(note.label, []))
        anchors = "".join(self._backref(number, sub) for sub in range(max(note.references, 1)))
        if blocks and blocks[-1].endswith("</p>"):
            blocks[-1] = blocks[-1].removesuffix("</p>") + anchors + "</p>"
            anchors = ""
        body = "".join(f"{block}\n" for block in blocks)
        return f'<li id="{self._note_id(number)}" class="footnote-item">{body}{anchors}</li>\n'

    def _ref(self, number: int, sub: int) -> str:
        caption = f"[{number}:{sub}]" if sub else f"[{number}]"
        if self._post_id is None:
            # The sanitizer keeps only ids like "fnref1": a second reference's goes.
            ref_id = "" if sub else f' id="fnref{number}"'
        else:
            # The plugin reads the number back from the id, and a dropped id reads as 0.
            ref_id = f' id="footnote-ref-{self._post_id}-{0 if sub else number}"'
        href = f"#{self._note_id(number)}"
        return f'<sup class="footnote-ref"><a href="{href}"{ref_id}>{caption}</a></sup>'

    def _note_id(self, number: int) -> str:
        return f"fn{number}" if self._post_id is None else f"footnote-{self._post_id}-{number}"

    def _backref(self, number: int, sub: int) -> str:
        if self._post_id is None:
            href = f"#fnref{number}:{sub}" if sub else f"#fnref{number}"
        else:
            href = f"#footnote-ref-{self._post_id}-{number}"
        return f' <a href="{href}" class="footnote-backref">{_BACKREF_ARROW}</a>'
