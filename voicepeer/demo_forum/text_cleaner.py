"""Discourse's TextCleaner: the Topic model tidies a title before it is validated and
stored, so a title comes back from the forum a little different from how it was sent
("tips for heat!!!" is kept as "Tips for heat!"); PostCreator makes a post's unusual spaces
plain and drops its trailing white space."""

from __future__ import annotations

import re

# Ruby's \b and [a-z] are ASCII-only on these patterns; re.ASCII keeps "café" as Ruby sees it.
_FIRST_WORD = re.compile(r"\A([a-z]*)\b", re.ASCII)
_END_PERIODS = re.compile(r"([^.])\.+(\s*)\Z")
_SPACE_BEFORE_END = re.compile(r"\s+([!?]\s*)\Z")
_ODD_SPACES = re.compile("[\u00a0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_ZERO_WIDTH = re.compile("[\u200b-\u200d\ufeff]")


def clean_title(title: str, *, prettify: bool) -> str:
    """``TextCleaner.clean_title``: with ``prettify`` (the site setting title_prettify,
    default true, an English site) runs of ! and ? made one, an all-capitals title put in
    small letters, a first word all in small letters given its capital, final full stops
    and a space before a final ! or ? taken away; always, runs of spaces made one, unusual
    spaces made plain, zero-width ones dropped and the ends trimmed."""
    text = title
    if prettify:
        text = re.sub(r"!+", "!", text)
        text = re.sub(r"\?+", "?", text)
        if re.search("[A-Z]", text) and text == text.upper():
            text = text.translate(
                str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
            )
        text = _FIRST_WORD.sub(lambda m: m.group(1).capitalize(), text, count=1)
        text = _END_PERIODS.sub(r"\1\2", text, count=1)
        text = _SPACE_BEFORE_END.sub(r"\1", text, count=1)
    text = re.sub(" +", " ", text)
    text = _ODD_SPACES.sub(" ", text)
    text = _ZERO_WIDTH.sub("", text)
    return text.strip()


def clean_raw(raw: str) -> str:
    """A post's text as PostCreator#setup_post keeps it: ``normalize_whitespaces``, then
    no white space at the end."""
    return _ODD_SPACES.sub(" ", raw).rstrip()
