"""Excerpts of posts as stock Discourse writes them, for the lists that show one.

- Bookmarks: ``PrettyText.excerpt(cooked, 300, keep_emoji_images: true)``
  (lib/excerpt_parser.rb): HTML still, with links and emoji pictures kept as tags, other
  pictures as "[alt]", quotes left out, and the text cut at any character, even inside a
  word, with "&hellip;". Spoilers are left out first (the spoiler plugin's
  ``reduce_excerpt``), as in a topic's excerpt.
- Search: ``SearchIndexer::HtmlScrubber.scrub`` (app/services/search_indexer.rb): plain
  text in which each element's alt, title, outside link address and video title are
  written out as words; an emoji picture leaves its title (":heart:"). The blurb is then
  cut from that text (see account._blurb) and escaped as ``Sanitize.clean`` does.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

BOOKMARK_EXCERPT_LENGTH = 300
"""Characters of text in a bookmark's excerpt (Discourse's post bookmarkable)."""

_EMOJI_CODE = re.compile(r"\A:\w+:\Z")
_SPOILER_START = re.compile(r"""<(div|span)\b[^>]*\bclass=["'](?:[^"']*\s)?spoiler[\s"']""")
_DIV_OR_SPAN = re.compile(r"<(/?)(div|span)\b[^>]*>")


def without_spoilers(cooked: str) -> str:
    """``cooked`` with every spoiler and the words in it gone, as the spoiler plugin leaves
    excerpts (``doc.css(".spoiler").remove``): hidden words are not given away in a list."""
    while start := _SPOILER_START.search(cooked):
        tag, depth, end = start.group(1), 0, len(cooked)
        for found in _DIV_OR_SPAN.finditer(cooked, start.start()):
            if found.group(2) != tag:
                continue
            depth += -1 if found.group(1) else 1
            if depth == 0:
                end = found.end()
                break
        cooked = cooked[: start.start()] + cooked[end:]
    return cooked


class _Cut(Exception):
    """The excerpt reached its length."""


class _Excerpt(HTMLParser):
    def __init__(self, length: int) -> None:
        super().__init__(convert_charrefs=True)
        self.length = length
        self.text: list[str] = []
        self.counted = 0
        self.in_link = False
        self.in_quote = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {k: v or "" for k, v in attrs}
        if tag == "img":
            if "emoji" in named.get("class", ""):
                self._tag(tag, attrs)
            else:
                self._characters(f"[{named.get('alt') or named.get('title') or 'image'}]")
        elif tag == "a":
            self._tag(tag, attrs)
            self.in_link = True
        elif tag == "aside":
            self.in_quote += 1
        elif tag == "br":
            self._characters(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.in_link = False
            self._add("</a>")
        elif tag == "p":
            self._characters(" ")
        elif tag == "aside":
            self.in_quote = max(0, self.in_quote - 1)

    def handle_data(self, data: str) -> None:
        self._characters(data)

    def _add(self, markup: str) -> None:
        if not self.in_quote:
            self.text.append(markup)

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        written = " ".join(f'{k}="{html.escape(v or "")}"' for k, v in attrs)
        self._add(f"<{tag} {written}>")

    def _characters(self, text: str) -> None:
        if self.in_quote:
            return
        if self.counted + len(text) > self.length:
            if not _EMOJI_CODE.match(text):
                self.text.append(html.escape(text[: max(1, self.length - self.counted)]))
            self.text.append("&hellip;" + ("</a>" if self.in_link else ""))
            raise _Cut
        self.text.append(html.escape(text))
        self.counted += len(text)


def post_excerpt(cooked: str, length: int = BOOKMARK_EXCERPT_LENGTH) -> str:
    """``cooked`` as ``PrettyText.excerpt(cooked, length, keep_emoji_images: true)``."""
    parser = _Excerpt(length)
    try:
        parser.feed(without_spoilers(cooked))
        parser.close()
    except _Cut:
        pass
    return "".join(parser.text).strip()


_SPOKEN_ATTRIBUTES = ("alt", "title", "href", "data-youtube-title")
_MENTION_CLASSES = frozenset({"mention", "mention-group"})


class _Scrubber(HTMLParser):
    def __init__(self, base_url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base_url = base_url
        self.words: list[str] = []
        self.link: tuple[str, int, list[str]] | None = None
        """An outside link's address, its place among the words, and its text so far: the
        address is left out when it is the link's own text (as Discourse does)."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {k: v or "" for k, v in attrs}
        if tag == "img" and "emoji" in named.get("class", "").split():
            named.pop("alt", None)
        if tag == "a" and named.get("class") in _MENTION_CLASSES:
            named.pop("href", None)
        for name in _SPOKEN_ATTRIBUTES:
            value = named.get(name, "")
            if not value or (name == "href" and self._is_local(value)):
                continue
            if name == "href" and tag == "a":
                self.link = (value, len(self.words), [])
            self.words.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.link is not None:
            href, place, text = self.link
            if href == "".join(text):
                self.words[place] = ""
            self.link = None

    def handle_data(self, data: str) -> None:
        self.words.append(data)
        if self.link is not None:
            self.link[2].append(data)

    def _is_local(self, href: str) -> bool:
        # UrlHelper.is_local: a path on this forum, or an address on it.
        return (href.startswith("/") and not href.startswith("//")) or bool(
            self.base_url and href.startswith(self.base_url)
        )


def search_text(cooked: str, base_url: str = "") -> str:
    """``cooked`` as the plain text Discourse searches and cuts blurbs from."""
    scrubber = _Scrubber(base_url)
    scrubber.feed(cooked)
    scrubber.close()
    return " ".join(" ".join(scrubber.words).split())
