"""A small, safe markdown renderer producing Discourse-style ``cooked`` HTML.

Enough for what forum members type: paragraphs, line breaks, links, bullet and numbered
lists, ``>`` quotes, Discourse ``[quote="sam, post:2, topic:5"]`` quotes, ``:emoji:`` codes,
``@mentions``, ``**bold**``/``*italic*`` and ``[poll]`` blocks (cooked as the poll plugin
bundled with Discourse cooks them). Every piece of member text is HTML-escaped
before it is wrapped in markup, so nothing a member types becomes live HTML.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Callable, Container

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

_QUOTE_OPEN = re.compile(
    r'^\[quote(?:="([^",\]]+)(?:,\s*post:(\d+))?(?:,\s*topic:(\d+))?[^"]*")?\]\s*$'
)
_QUOTE_CLOSE = "[/quote]"
_POLL_OPEN = re.compile(r"^\[poll((?:\s+[A-Za-z]+=(?:\"[^\"]*\"|\S+?))*)\s*\]\s*$")
_POLL_ATTR = re.compile(r'([A-Za-z]+)=(?:"([^"]*)"|(\S+))')
_POLL_CLOSE = "[/poll]"
# The [poll] attributes the plugin keeps (poll.js ALLOWED_ATTRIBUTES), as data-poll-*.
_POLL_ATTRIBUTES = frozenset(
    {"close", "max", "min", "name", "order", "public", "results", "chartType", "groups"}
    | {"status", "step", "type"}
)
_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_NUMBERED = re.compile(r"^\s*(\d{1,9})[.)]\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# Inline tokens, tried in this order at each position.
_INLINE = re.compile(
    r"\[(?P<link_text>[^\]\n]+)\]\((?P<link_url>[^)\s]+)\)"
    r"|(?P<url>https?://[^\s<>()\"']+[^\s<>()\"'.,;:!?])"
    r"|(?<![\w:]):(?P<emoji>[a-z0-9_+\-]+):(?![\w])"
    r"|(?<![\w@/])@(?P<mention>[A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|[A-Za-z0-9_])"
)
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
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
    escaped = _BOLD.sub(r"<strong>\1</strong>", escaped)
    return _ITALIC.sub(r"<em>\1</em>", escaped)


class MarkdownRenderer:
    """Renders member markdown; ``usernames`` decides which @mentions become links."""

    def __init__(self, usernames: Container[str] = ()) -> None:
        self._usernames = usernames

    def render(self, raw: str) -> str:
        lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        return "\n".join(self._blocks(lines))

    # -- blocks -------------------------------------------------------------------------

    def _blocks(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        i = 0
        while i < len(lines):
            line = lines[i]
            if not line.strip():
                i += 1
                continue
            poll = _POLL_OPEN.match(line.strip())
            if poll:
                end = self._find_block_end(lines, i + 1, _POLL_CLOSE)
                out.append(self._poll(poll.group(1), lines[i + 1 : end]))
                i = end + 1
                continue
            opened = _QUOTE_OPEN.match(line.strip())
            if opened:
                end = self._find_block_end(lines, i + 1, _QUOTE_CLOSE)
                out.append(self._discourse_quote(opened, lines[i + 1 : end]))
                i = end + 1
                continue
            heading = _HEADING.match(line)
            if heading:
                level = len(heading.group(1))
                out.append(f"<h{level}>{self._inline(heading.group(2).strip())}</h{level}>")
                i += 1
                continue
            if line.lstrip().startswith(">"):
                j = i
                inner: list[str] = []
                while j < len(lines) and lines[j].lstrip().startswith(">"):
                    inner.append(lines[j].lstrip()[1:].removeprefix(" "))
                    j += 1
                out.append("<blockquote>\n" + "\n".join(self._blocks(inner)) + "\n</blockquote>")
                i = j
                continue
            for pattern, tag in ((_BULLET, "ul"), (_NUMBERED, "ol")):
                if pattern.match(line):
                    j = i
                    items: list[str] = []
                    while j < len(lines) and (m := pattern.match(lines[j])):
                        items.append(m.group(m.lastindex or 1))
                        j += 1
                    rendered = "\n".join(f"<li>{self._inline(item)}</li>" for item in items)
                    # As CommonMark (and so Discourse) does: a list numbered from 3 says so.
                    first = _NUMBERED.match(line) if tag == "ol" else None
                    start = f' start="{int(first[1])}"' if first and int(first[1]) != 1 else ""
                    out.append(f"<{tag}{start}>\n{rendered}\n</{tag}>")
                    i = j
                    break
            else:
                j = i
                para: list[str] = []
                while j < len(lines) and lines[j].strip() and not self._starts_block(lines[j]):
                    para.append(lines[j].strip())
                    j += 1
                if not para:  # a block marker that did not form a block: treat as text
                    para, j = [line.strip()], i + 1
                out.append("<p>" + "<br>\n".join(self._inline(p) for p in para) + "</p>")
                i = j
        return out

    @staticmethod
    def _starts_block(line: str) -> bool:
        return bool(
            line.lstrip().startswith(">")
            or _BULLET.match(line)
            or _NUMBERED.match(line)
            or _HEADING.match(line)
            or _QUOTE_OPEN.match(line.strip())
            or _POLL_OPEN.match(line.strip())
        )

    @staticmethod
    def _find_block_end(lines: list[str], start: int, closing: str) -> int:
        for j in range(start, len(lines)):
            if lines[j].strip() == closing:
                return j
        return len(lines)

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
            heading = _HEADING.match(line.strip())
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
        body = "\n".join(self._blocks(inner))
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
        parts: list[str] = []
        pos = 0
        for match in _INLINE.finditer(text):
            parts.append(_emphasis(html.escape(text[pos : match.start()], quote=False)))
            parts.append(self._token(match))
            pos = match.end()
        parts.append(_emphasis(html.escape(text[pos:], quote=False)))
        return "".join(parts)

    def _token(self, match: re.Match[str]) -> str:
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


def choice_id(markdown: str) -> str:
    """A poll choice's id: the MD5 of its markdown as a JSON list, as the plugin makes it."""
    text = json.dumps([markdown], ensure_ascii=False, separators=(",", ":"))
    return hashlib.md5(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def render(raw: str, usernames: Container[str] = ()) -> str:
    """Render ``raw`` markdown to cooked HTML; mentions of ``usernames`` become links."""
    return MarkdownRenderer(usernames).render(raw)
