"""Split HTML into tags and text in one pass: time linear in the size of the input.

Python 3.11's ``html.parser`` scans the rest of the document again from every ``<`` it
cannot finish ("<a<a<a…", "</</…": 100,000 of them took 19 s, 200,000 took 89 s) and
reads an unclosed comment aloud as text. Here every construct either ends where the HTML
standard says it does or, left open at the end of the input (a comment, a tag, a quoted
attribute value), takes the rest of the input with it, unread — so nothing is scanned twice.
"""

from __future__ import annotations

import html
import re
from typing import Protocol

Attrs = list[tuple[str, str | None]]

# Elements whose content is raw text up to their end tag, never markup; none is read aloud.
RAW_TEXT = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
)

_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
# What follows a tag name up to its ">": quoted values may hold ">", an unclosed quote runs
# to the end of the input (and the match stops there rather than trying again).
_TAG_REST = re.compile(r"""(?:[^>"'=]+|=\s*"[^"]*(?:"|\Z)|=\s*'[^']*(?:'|\Z)|[="'])*""")
_ATTRIBUTE = re.compile(r"""([^\s/>"'=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_RAW_TEXT_END = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in RAW_TEXT}


class HtmlHandler(Protocol):
    """What :func:`tokenize` reports, in the shape of ``html.parser.HTMLParser``'s callbacks."""

    def handle_starttag(self, tag: str, attrs: Attrs) -> None: ...

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None: ...

    def handle_endtag(self, tag: str) -> None: ...

    def handle_data(self, data: str) -> None: ...


def _attributes(text: str) -> Attrs:
    attrs: Attrs = []
    for match in _ATTRIBUTE.finditer(text):
        value = match.group(2)
        if value is not None:
            if value[:1] in {'"', "'"}:
                value = value[1:-1]
            value = html.unescape(value)
        attrs.append((match.group(1).lower(), value))
    return attrs


def tokenize(document: str, handler: HtmlHandler) -> None:
    """Report the tags and text of ``document`` to ``handler``, character references decoded.

    Comments, doctypes and processing instructions are dropped, as is the content of
    :data:`RAW_TEXT` elements.
    """
    position, end = 0, len(document)
    while position < end:
        opening = document.find("<", position)
        if opening < 0:
            opening = end
        if opening > position:
            handler.handle_data(html.unescape(document[position:opening]))
        if opening >= end:
            return
        position = _markup(document, opening, handler)


def _markup(document: str, start: int, handler: HtmlHandler) -> int:
    """Handle what starts with the ``<`` at ``start``; returns where the text goes on."""
    end = len(document)
    after = document[start + 1 : start + 2]
    if document.startswith("<!--", start):
        close = document.find("-->", start + 2)  # "<!-->" and "<!--->" are empty comments
        return end if close < 0 else close + 3
    if after in {"!", "?"} or document.startswith("</", start):
        closing_tag = _TAG_NAME.match(document, start + 2) if after == "/" else None
        if closing_tag is None:  # doctype, processing instruction, "</ …>": skipped
            if document.startswith("</>", start):
                return start + 3
            close = document.find(">", start)
            return end if close < 0 else close + 1
        rest = _TAG_REST.match(document, closing_tag.end())
        if rest is None or not document.startswith(">", rest.end()):
            return end  # an end tag open at the end of the input
        handler.handle_endtag(closing_tag.group(0).lower())
        return rest.end() + 1
    name = _TAG_NAME.match(document, start + 1)
    if name is None:
        handler.handle_data("<")  # "I <3 you", "a < b"
        return start + 1
    rest = _TAG_REST.match(document, name.end())
    if rest is None or not document.startswith(">", rest.end()):
        return end  # a tag still open at the end of the input is dropped with the rest
    tag = name.group(0).lower()
    inside = rest.group(0)
    attrs = _attributes(inside)
    if inside.rstrip().endswith("/"):
        handler.handle_startendtag(tag, attrs)
    else:
        handler.handle_starttag(tag, attrs)
    position = rest.end() + 1
    if tag in RAW_TEXT:
        closing = _RAW_TEXT_END[tag].search(document, position)
        return end if closing is None else closing.start()
    return position
