"""A topic's ``fancy_title``, as Discourse sends it beside (or instead of) the title.

``Topic.fancy_title`` HTML-escapes the title (ERB's escape: ``&<>"'``) and then makes its
typography "smart" (``HtmlPrettify``, after SmartyPants): straight quotes become curly ones,
``--`` and ``---`` dashes, ``...`` an ellipsis, ``1/2`` a fraction, all as HTML entities.
Some answers (a notification's, whose data holds no title of its own) give only this form,
so a client comparing it with a title as written must undo all of it.
"""

from __future__ import annotations

import html
import re

MAX_FANCY_TITLE_LENGTH = 400
"""Topic.max_fancy_title_length: a longer result is sent merely escaped."""

_LEFT, _RIGHT = {"'": "&lsquo;", '"': "&ldquo;"}, {"'": "&rsquo;", '"': "&rdquo;"}
_FRACTIONS = {"1/4": "&frac14;", "1/2": "&frac12;", "3/4": "&frac34;"}
_FRACTION = re.compile(r"(\s+|^)(1/4|1/2|3/4)([,.;\s]|$)")
_PUNCTUATION = r"""[!"#$%'()*+,\-./:;<=>?@\[\\\]^_`{|}~]"""
_OPENS_AFTER = r"(\s|&nbsp;|=|--|&[mn]dash;|&#x201[34];)"
_CLOSES_AFTER = r"([^ \t\r\n\\{(\-])"


def fancy_title(title: str) -> str:
    """``title`` as ``Topic.fancy_title`` makes it."""
    escaped = html.escape(title, quote=True).replace("&#x27;", "&#39;")
    text = escaped.replace("&#39;", "'").replace("&quot;", '"')
    text = text.replace("---", "&mdash;").replace("--", "&ndash;")
    text = text.replace("...", "&hellip;").replace(". . .", "&hellip;")
    text = _FRACTION.sub(lambda m: m[1] + _FRACTIONS[m[2]] + m[3], text)
    text = text.replace("``", "&ldquo;").replace("''", "&rdquo;")
    text = _curled(text)
    return text if len(text) <= MAX_FANCY_TITLE_LENGTH else escaped


def _curled(text: str) -> str:
    """Straight quotes made curly: which way each faces, by what stands beside it."""
    if text in _LEFT:  # a quote alone faces left (nothing before it)
        return _LEFT[text]
    for quote in ("'", '"'):
        # At the very start, before punctuation that is not the start of a word: closing.
        text = re.sub(rf"^{quote}(?={_PUNCTUATION}\B)", _RIGHT[quote], text)
    text = re.sub(r"\"'(?=\w)", "&ldquo;&lsquo;", text)
    text = re.sub(r"'\"(?=\w)", "&lsquo;&ldquo;", text)
    text = re.sub(r"'(?=\d\ds)", "&rsquo;", text)  # the '80s
    for quote in ("'", '"'):
        text = re.sub(rf"{_OPENS_AFTER}{quote}(?=\w)", rf"\1{_LEFT[quote]}", text)
        text = re.sub(rf"{_CLOSES_AFTER}{quote}", rf"\1{_RIGHT[quote]}", text)
        text = re.sub(rf"{quote}(\s|s\b|$)", rf"{_RIGHT[quote]}\1", text)
        text = text.replace(quote, _LEFT[quote])
    return text
