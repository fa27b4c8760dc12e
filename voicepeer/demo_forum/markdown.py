"""A small, safe markdown renderer producing Discourse-style ``cooked`` HTML.

Enough for what forum members type: paragraphs, line breaks, links, bullet and numbered
lists (nested as CommonMark nests them), ``>`` quotes, Discourse ``[quote="sam, post:2,
topic:5"]`` quotes, ``:emoji:`` codes, ``@mentions``, ``**bold**``/``*italic*``, and, as the
plugins bundled with Discourse cook them, ``[poll]`` blocks, ``[spoiler]`` (a block, or words
in a line) and footnotes (``[^1]`` with ``[^1]: …``, or ``^[…]``). Every piece of member text
is HTML-escaped before it is wrapped in markup, so nothing a member types becomes live HTML.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import re
from bisect import bisect_left
from collections.abc import Callable, Container
from dataclasses import dataclass

from voicepeer.demo_forum.footnotes import Footnotes, defined_labels
from voicepeer.demo_forum.markdown_lines import (
    DEFINITION,
    HEADING,
    LIST_ITEM,
    POLL_OPEN,
    QUOTE_OPEN,
    SPOILER_ALONE,
    SPOILER_CLOSE_ALONE,
    SPOILER_LINE,
    definition_lines,
    item_lines,
    leading_tabs_as_spaces,
    list_kind,
    starts_block,
)

# A few emoji codes members use; Discourse renders each as an <img class="emoji">.
KNOWN_EMOJI: frozenset[str] = frozenset(
    {
        "smile",
        "slightly_smiling_face",
        "blush",
        "heart",
        "hugs",
        "+1",
        "thumbsup",
        "tada",
        "sunny",
        "hot_face",
        "cry",
        "muscle",
        "pray",
        "joy",
        "sweat_smile",
        "coffee",
        "sleeping",
        "zzz",
        "crossed_fingers",
        "sparkles",
        "wink",
        "snowflake",
        "sunflower",
        "confetti_ball",
        "raised_hands",
        "wave",
        "star_struck",
        "relieved",
        "blue_heart",
    }
)

_QUOTE_CLOSE = "[/quote]"
_POLL_ATTR = re.compile(r'([A-Za-z]+)=(?:"([^"]*)"|(\S+))')
_POLL_CLOSE = "[/poll]"
# The [poll] attributes the plugin keeps (poll.js ALLOWED_ATTRIBUTES), as data-poll-*.
_POLL_ATTRIBUTES = frozenset(
    {"close", "max", "min", "name", "order", "public", "results", "chartType", "groups"}
    | {"status", "step", "type"}
)
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,9})[.)]\s+(.*)$")
_SPOILER_TAG = re.compile(r"\[(/?)spoiler\]", re.IGNORECASE)
# Inline tokens, tried in this order at each position. What a token opening with "[" holds
# stops at the next "[", where another token may open: each character is then looked at
# from one opening only, and a run of "[" takes time in proportion to its length, not to
# its square. So a link's words and a note's label hold no "[" (markdown-it allows
# balanced brackets in a link's words: rare in a post, and never read as a link here).
_INLINE = re.compile(
    r"\[(?P<link_text>[^\[\]\n]+)\]\((?P<link_url>[^)\[\s]+)\)"
    r"|\^\[(?P<note>(?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"|\[\^(?P<ref>[^\[\]\s]+)\]"
    r"|(?P<spoiler>(?i:\[spoiler\]))"
    r"|(?P<url>https?://[^\s<>()\"']+[^\s<>()\"'.,;:!?])"
    r"|(?<![\w:]):(?P<emoji>[a-z0-9_+\-]+):(?![\w])"
    r"|(?<![\w@/])@(?P<mention>[A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|[A-Za-z0-9_])"
)
# How deep quotes, lists and spoilers may nest in one another, and spoilers and notes in a
# line: markdown-it stops at a nesting of 100 tokens (its maxNesting), a list taking two.
_MAX_NESTING = 50
_BOLD_OPENS = re.compile(r"(?=\*\*\S)")
_BOLD_CLOSES = re.compile(r"(?<=\S)(?=\*\*)")
_LINE_BREAK = re.compile("\n")
_ITALIC = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])")

AvatarFor = Callable[[str], str]


def emoji_html(name: str) -> str:
    """The ``<img>`` Discourse writes for an emoji code."""
    code = html.escape(f":{name}:")
    return (
        f'<img src="/images/emoji/twitter/{html.escape(name)}.png?v=12" title="{code}" '
        f'class="emoji" alt="{code}" loading="lazy" width="20" height="20">'
    )


def _safe_href(url: str) -> str | None:
    lowered = url.lower()
    if lowered.startswith(("http://", "https://", "mailto:")) or (
        url.startswith("/") and not url.startswith("//")
    ):
        return url
    return None


def _emphasis(escaped: str) -> str:
    return _ITALIC.sub(r"<em>\1</em>", _bold(escaped))


def _bold(text: str) -> str:
    r"""``**words**`` in ``<strong>``, as ``\*\*(?=\S)(.+?)(?<=\S)\*\*`` finds them: from the
    leftmost "**" before a non-space to the first "**" after a non-space, a character on
    at least, on the same line. Where that close is, is looked up: the pattern searched for
    it again from every "**", time growing with the square of a line of unclosed ones."""
    closes = [found.start() for found in _BOLD_CLOSES.finditer(text)]
    if not closes:
        return text
    breaks = [found.start() for found in _LINE_BREAK.finditer(text)]
    parts: list[str] = []
    done = 0
    for opened in (found.start() for found in _BOLD_OPENS.finditer(text)):
        if opened < done:
            continue
        after = bisect_left(closes, opened + 3)
        if after == len(closes):
            break  # no close after this "**", nor after any later one
        close = closes[after]
        line_end = bisect_left(breaks, opened + 2)
        if line_end < len(breaks) and breaks[line_end] < close:
            continue
        parts += [text[done:opened], "<strong>", text[opened + 2 : close], "</strong>"]
        done = close + 2
    parts.append(text[done:])
    return "".join(parts)


@dataclass
class _Block:
    """One cooked block and the lines it came from (``end`` exclusive), so a list can tell
    whether blank lines part its items' blocks; a paragraph keeps its inline HTML, shown
    without ``<p>`` in a tight list."""

    html: str
    start: int
    end: int
    inline: str | None = None


class MarkdownRenderer:
    """Renders member markdown; ``usernames`` decides which @mentions become links."""

    def __init__(self, usernames: Container[str] = ()) -> None:
        self._usernames = usernames
        self._notes = Footnotes(frozenset(), None)
        self._depth = 0

    def render(self, raw: str, post_id: int | None = None) -> str:
        """The cooked post; ``post_id``, once the post has one, goes into its notes' ids."""
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        lines = [leading_tabs_as_spaces(line) for line in raw.split("\n")]
        self._notes = Footnotes(defined_labels(raw), post_id)
        body = [block.html for block in self._blocks(lines)]
        notes = self._notes.html()
        return "\n".join([*body, notes] if notes else body)

    # -- blocks -------------------------------------------------------------------------

    def _blocks(self, lines: list[str]) -> list[_Block]:
        if self._depth >= _MAX_NESTING:
            return []  # as markdown-it, past its nesting limit: nothing more
        self._depth += 1
        try:
            return self._blocks_within(lines)
        finally:
            self._depth -= 1

    def _blocks_within(self, lines: list[str]) -> list[_Block]:
        out: list[_Block] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                i += 1
                continue
            made = self._block_at(lines, i)
            if made is None:
                inline, j = self._paragraph(lines, i)
                out.append(_Block(f"<p>{inline}</p>", i, j, inline))
            else:
                cooked, j = made
                if cooked:
                    out.append(_Block(cooked, i, j))
            i = j
        return out

    def _block_at(self, lines: list[str], i: int) -> tuple[str, int] | None:
        """The block starting at line ``i`` and the line after it, or None for a paragraph.
        A footnote's definition is a block that shows nothing where it is."""
        line = lines[i]
        poll = POLL_OPEN.match(line.strip())
        if poll:
            end = self._find_block_end(lines, i + 1, _POLL_CLOSE)
            return self._poll(poll.group(1), lines[i + 1 : end]), end + 1
        opened = QUOTE_OPEN.match(line.strip())
        if opened:
            end = self._find_block_end(lines, i + 1, _QUOTE_CLOSE)
            return self._discourse_quote(opened, lines[i + 1 : end]), end + 1
        spoiler = self._spoiler(lines, i)
        if spoiler:
            return spoiler
        definition = DEFINITION.match(line)
        if definition:
            body, end = definition_lines(lines, i, definition.group(2))
            self._notes.define(definition.group(1), [b.html for b in self._blocks(body)])
            return "", end
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            text = self._inline(heading.group(2).strip())
            return f"<h{level}>{text}</h{level}>", i + 1
        if line.lstrip().startswith(">"):
            j = i
            inner: list[str] = []
            while j < len(lines) and lines[j].lstrip().startswith(">"):
                inner.append(lines[j].lstrip()[1:].removeprefix(" "))
                j += 1
            quoted = "\n".join(b.html for b in self._blocks(inner))
            return f"<blockquote>\n{quoted}\n</blockquote>", j
        if LIST_ITEM.match(line):
            return self._list(lines, i)
        return None

    def _paragraph(self, lines: list[str], i: int) -> tuple[str, int]:
        """A paragraph's inline HTML and the line after it."""
        # The first line is the paragraph's even when it looked like the start of a block
        # that did not form (a "[spoiler]" never closed).
        j = i + 1
        while j < len(lines) and lines[j].strip() and not starts_block(lines[j]):
            j += 1
        return self._inline("\n".join(line.strip() for line in lines[i:j])), j

    @staticmethod
    def _find_block_end(lines: list[str], start: int, closing: str) -> int:
        for j in range(start, len(lines)):
            if lines[j].strip() == closing:
                return j
        return len(lines)

    def _spoiler(self, lines: list[str], i: int) -> tuple[str, int] | None:
        """``[spoiler]`` on a line of its own up to a ``[/spoiler]`` line, or a line that is
        all one spoiler: a block, as the spoiler plugin's block bbcode cooks it."""
        one_line = SPOILER_LINE.match(lines[i])
        if one_line:
            words = self._inline(one_line.group(1))
            return f'<div class="spoiler">\n<p>{words}</p>\n</div>', i + 1
        if not SPOILER_ALONE.match(lines[i]):
            return None
        depth = 0
        for j in range(i + 1, len(lines)):
            if SPOILER_CLOSE_ALONE.match(lines[j]):
                if depth == 0:
                    inner = "".join(f"{b.html}\n" for b in self._blocks(lines[i + 1 : j]))
                    return f'<div class="spoiler">\n{inner}</div>', j + 1
                depth -= 1
            elif SPOILER_ALONE.match(lines[j]):
                depth += 1
        return None  # never closed: words, not a block

    def _list(self, lines: list[str], i: int) -> tuple[str, int]:
        """A list from line ``i``: its items, each holding the lines indented under it (so a
        list indented under an item is nested in it), as CommonMark reads them."""
        first = LIST_ITEM.match(lines[i])
        assert first is not None
        kind = list_kind(first)
        items: list[list[_Block]] = []
        loose = False
        j = i
        while j < len(lines):
            item = LIST_ITEM.match(lines[j])
            if not item or list_kind(item) != kind:
                break
            body, j = item_lines(lines, j, item)
            blocks = self._blocks(body)
            loose = loose or any(
                not line.strip()
                for before, after in itertools.pairwise(blocks)
                for line in body[before.end : after.start]
            )
            items.append(blocks)
            after_blanks = j
            while after_blanks < len(lines) and not lines[after_blanks].strip():
                after_blanks += 1
            sibling = after_blanks < len(lines) and LIST_ITEM.match(lines[after_blanks])
            if after_blanks > j and sibling and list_kind(sibling) == kind:
                loose, j = True, after_blanks
        rendered = "\n".join(_list_item(blocks, tight=not loose) for blocks in items)
        tag, start = "ul", ""
        if first.group(3) is not None:
            # As CommonMark (and so Discourse) does: a list numbered from 3 says so.
            tag = "ol"
            start = f' start="{int(first.group(3))}"' if int(first.group(3)) != 1 else ""
        return f"<{tag}{start}>\n{rendered}\n</{tag}>", j

    def _poll(self, attributes: str, inner: list[str]) -> str:
        """A poll as the plugin cooks it: its question (a heading inside the block), its
        choices, each with an id that is the MD5 of its markdown, and a voter count of 0."""
        given = {
            m.group(1): m.group(2) or m.group(3) or "" for m in _POLL_ATTR.finditer(attributes)
        }
        data = {k: v for k, v in given.items() if k in _POLL_ATTRIBUTES and v}
        data.setdefault("name", "poll")
        data.setdefault("status", "open")
        title: str | None = None
        choices: list[str] = []
        tag = "ul"
        for line in inner:
            heading = HEADING.match(line.strip())
            item = _BULLET.match(line) or _NUMBERED.match(line)
            if heading and title is None and not choices:
                title = heading.group(2).strip()
            elif item:
                tag = "ol" if _NUMBERED.match(line) else "ul"
                choices.append(item.group(item.lastindex or 1).strip())
        if data.get("type") == "number":
            low, high = int(data.get("min", "1")), int(data.get("max", "20"))
            choices, tag = (
                [str(n) for n in range(low, high + 1, max(1, int(data.get("step", "1"))))],
                "ul",
            )
        attrs = "".join(
            f' data-poll-{html.escape(k.lower())}="{html.escape(v)}"'
            for k, v in sorted(data.items())
        )
        items = "\n".join(
            f'<li data-poll-option-id="{choice_id(text)}">{self._inline(text)}</li>'
            for text in choices
        )
        title_html = f'<div class="poll-title">{self._inline(title)}</div>\n' if title else ""
        return (
            f'<div class="poll"{attrs}>\n<div class="poll-container">\n{title_html}'
            f"<{tag}>\n{items}\n</{tag}>\n</div>\n"
            '<div class="poll-info">\n<div class="poll-info_counts">\n'
            '<div class="poll-info_counts-count">\n<span class="info-number">0</span>\n'
            '<span class="info-label">voters</span>\n</div>\n</div>\n</div>\n</div>'
        )

    def _discourse_quote(self, opened: re.Match[str], inner: list[str]) -> str:
        body = "\n".join(b.html for b in self._blocks(inner))
        if opened.group(1) is None:  # a bare [quote] names nobody
            return f'<aside class="quote no-group">\n<blockquote>\n{body}\n</blockquote>\n</aside>'
        username = opened.group(1).strip()
        attrs = f' data-username="{html.escape(username)}"'
        if opened.group(2):
            attrs += f' data-post="{opened.group(2)}"'
        if opened.group(3):
            attrs += f' data-topic="{opened.group(3)}"'
        return (
            f'<aside class="quote no-group"{attrs}>\n<div class="title">\n'
            f'<div class="quote-controls"></div>\n{html.escape(username)}:</div>\n'
            f"<blockquote>\n{body}\n</blockquote>\n</aside>"
        )

    # -- inline -------------------------------------------------------------------------

    def _inline(self, text: str) -> str:
        """A paragraph's words, its line breaks kept (Discourse cooks with breaks on)."""
        if self._depth >= _MAX_NESTING:
            return _words(text)
        self._depth += 1
        try:
            return self._inline_within(text)
        finally:
            self._depth -= 1

    def _inline_within(self, text: str) -> str:
        parts: list[str] = []
        pos = scan = 0
        closes = _SpoilerCloses(text)
        while match := _INLINE.search(text, scan):
            token = self._token(match, text, closes)
            if token is None:  # no token after all ("[^x]" with no note x): words
                scan = match.end()
                continue
            cooked, end = token
            parts.append(_words(text[pos : match.start()]))
            parts.append(cooked)
            pos = scan = end
        parts.append(_words(text[pos:]))
        return "".join(parts)

    def _token(
        self, match: re.Match[str], text: str, closes: _SpoilerCloses
    ) -> tuple[str, int] | None:
        """The HTML for an inline token and where the text goes on after it."""
        if match.group("spoiler") is not None:
            close = closes.after(match.end())
            if close is None:
                return None
            inner = self._inline(text[match.end() : close])
            return f'<span class="spoiler">{inner}</span>', close + len("[/spoiler]")
        if match.group("note") is not None:
            index = self._notes.reserve_inline()
            return self._notes.fill_inline(index, self._inline(match.group("note"))), match.end()
        if match.group("ref") is not None:
            if not self._notes.is_defined(match.group("ref")):
                return None
            return self._notes.reference(match.group("ref")), match.end()
        return self._plain_token(match), match.end()

    def _plain_token(self, match: re.Match[str]) -> str:
        whole = match.group(0)
        if match.group("link_url") is not None:
            href = _safe_href(match.group("link_url"))
            label = _emphasis(html.escape(match.group("link_text"), quote=False))
            if href is None:
                return html.escape(whole, quote=False)
            return f'<a href="{html.escape(href)}" rel="noopener nofollow ugc">{label}</a>'
        if match.group("url") is not None:
            url = match.group("url")
            return (
                f'<a href="{html.escape(url)}" rel="noopener nofollow ugc">'
                f"{html.escape(url, quote=False)}</a>"
            )
        if match.group("emoji") is not None:
            name = match.group("emoji")
            return emoji_html(name) if name in KNOWN_EMOJI else html.escape(whole, quote=False)
        name = match.group("mention")
        if name.lower() in self._usernames:
            href = f"/u/{html.escape(name.lower())}"
            return f'<a class="mention" href="{href}">@{html.escape(name)}</a>'
        return f'<span class="mention">@{html.escape(name)}</span>'


def _words(text: str) -> str:
    return _emphasis(html.escape(text, quote=False)).replace("\n", "<br>\n")


class _SpoilerCloses:
    """Where each ``[spoiler]`` of a text is closed, found in one pass over the text when
    first asked (looking for each one's close from where it opens took time growing with
    the square of the number of spoilers left open)."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._closes: dict[int, int] | None = None

    def after(self, opened: int) -> int | None:
        """Where the ``[/spoiler]`` closing the one ending at ``opened`` begins, if any."""
        if self._closes is None:
            self._closes = {}
            open_ends: list[int] = []
            for tag in _SPOILER_TAG.finditer(self._text):
                if not tag.group(1):
                    open_ends.append(tag.end())
                elif open_ends:
                    self._closes[open_ends.pop()] = tag.start()
        return self._closes.get(opened)


def _list_item(blocks: list[_Block], *, tight: bool) -> str:
    """``<li>``, as markdown-it writes it: in a tight list a paragraph's words stand bare,
    with a line break only between them and another block."""
    parts = [b.inline if tight and b.inline is not None else b.html for b in blocks]
    if not parts:
        return "<li></li>"
    bare = [tight and b.inline is not None for b in blocks]
    before = "" if bare[0] else "\n"
    after = "" if bare[-1] else "\n"
    return "<li>" + before + "\n".join(parts) + after + "</li>"


def choice_id(markdown: str) -> str:
    """A poll choice's id: the MD5 of its markdown as a JSON list, as the plugin makes it."""
    text = json.dumps([markdown], ensure_ascii=False, separators=(",", ":"))
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def render(raw: str, usernames: Container[str] = (), post_id: int | None = None) -> str:
    """Render ``raw`` markdown to cooked HTML; mentions of ``usernames`` become links, and
    ``post_id`` is the saved post's, as its notes' ids carry it."""
    return MarkdownRenderer(usernames).render(raw, post_id)
