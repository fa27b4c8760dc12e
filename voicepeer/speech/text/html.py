"""Read Discourse ``cooked`` HTML as a listener would want it: one line per spoken block."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from voicepeer.number_words import spoken_numbers
from voicepeer.speech.text.emoji import (
    custom_emoji_words,
    discourse_emoji_words,
    emoji_run_words,
    marked,
)
from voicepeer.speech.text.html_tokens import Attrs, tokenize
from voicepeer.speech.text.links import spoken_link, spoken_picture
from voicepeer.speech.text.onebox import spoken_onebox
from voicepeer.speech.text.polls import PollTally, choice_counts, poll_ending, poll_heading
from voicepeer.speech.text.timefmt import MONTHS

_VOID = frozenset(
    {
        "img",
        "br",
        "hr",
        "input",
        "meta",
        "link",
        "source",
        "wbr",
        "col",
        "area",
        "embed",
        "param",
        "track",
        "base",
    }
)
_SILENT = frozenset(
    {
        "script",
        "style",
        "template",
        "svg",
        "noscript",
        "head",
        "title",
        "button",
        "select",
        "textarea",
        "math",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "div",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "footer",
        "details",
        "summary",
        "dl",
        "dt",
        "dd",
        "figure",
        "figcaption",
        "hr",
        "blockquote",
        "aside",
        "main",
        "nav",
        "center",
        "address",
    }
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SENTENCE_END = (".", "!", "?", "…", ":", ";")
# Open elements whose text is captured rather than said as it comes (the innermost decides).
_CAPTURING = frozenset(
    {"link", "onebox", "onebox-source", "onebox-title", "onebox-description", "footnote-ref"}
)
_ONEBOX_PARTS = frozenset({"onebox-source", "onebox-title", "onebox-description"})
_ITEM_LABEL = re.compile(r"(?:Under that, )?(?:Item|item|Choice|choice|Note|note) [\w-]+:")
_ITEM_WORDS = spoken_numbers(20)


_MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9_][A-Za-z0-9_.\-]*[A-Za-z0-9_]|[A-Za-z0-9_])")


_HIDDEN = re.compile(r"""class=["'][^"']*\bspoil(?:er|ed)\b""")


def has_hidden_text(cooked: str) -> bool:
    """Whether the post hides some of its text until a reader chooses to see it (the
    spoiler plugin's blur, which writers use for upsetting details as much as for plots)."""
    return _HIDDEN.search(cooked) is not None


def spoken_mentions(text: str) -> str:
    """``@jane_doe`` anywhere in text -> ``Jane doe``; e-mail addresses are left alone."""
    return _MENTION.sub(lambda m: spoken_name(m.group(1)), text)


def spoken_name(username: str) -> str:
    """``jane_doe`` -> ``Jane doe``: usernames said as names, not spelled out."""
    words = " ".join(username.lstrip("@").replace("_", " ").replace(".", " ").split())
    return words[:1].upper() + words[1:]


def spoken_local_date(date: str, time_of_day: str = "") -> str:
    """Discourse's ``[date=2024-03-01 time=10:00]`` as "1 March 2024 at 10:00"."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date.strip())
    if not match or not 1 <= int(match.group(2)) <= 12:
        return "a date"
    year, month, day = match.groups()
    spoken = f"{int(day)} {MONTHS[int(month) - 1]} {year}"
    if re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", time_of_day.strip()):
        spoken += f" at {time_of_day.strip()[:5]}"
    return spoken


def item_label(number: int, noun: str = "Item", *, under: bool = False) -> str:
    """ "Item three: "; ``under``: the first item of a list inside an item, "Under that,
    item one: ", so a listener hears the nesting the indent shows."""
    words = _ITEM_WORDS[number - 1] if 0 < number <= len(_ITEM_WORDS) else str(number)
    return f"Under that, {noun.lower()} {words}: " if under else f"{noun} {words}: "


def _list_start(attr: Mapping[str, str]) -> int:
    """The number of an ``<ol start="3">``'s first item (1 when absent or nonsense)."""
    start = attr.get("start", "").strip()
    return int(start) if re.fullmatch(r"-?\d{1,6}", start) else 1


@dataclass
class _Open:
    tag: str
    kind: str = ""
    href: str = ""
    classes: frozenset[str] = frozenset()
    count: int = 0
    capture: list[str] = field(default_factory=list)
    poll: str = ""
    """A poll's name, or a poll choice's id."""
    poll_type: str = ""
    poll_max: str = ""
    noun: str = "Item"
    """What a list's items are called: "Item", or "Note" in a post's footnotes."""
    start: int = 1
    """The number of a list's first item."""
    nested: bool = False
    """A list inside a list's item."""
    parts: dict[str, str] = field(default_factory=dict)
    """A onebox's source, title and description, by kind."""


class CookedReader:
    """Reader of cooked HTML, fed by :func:`~voicepeer.speech.text.html_tokens.tokenize`;
    call :meth:`lines` at the end.

    Every question about the open elements ("inside a quote?", "the innermost list") is
    answered from counts and per-kind stacks kept as elements open and close, never by
    walking the stack: deeply nested HTML costs no more per element than flat HTML.
    """

    def __init__(
        self, *, skip_quotes: bool = False, polls: Mapping[str, PollTally] | None = None
    ) -> None:
        self.skip_quotes = skip_quotes
        self._polls = polls or {}
        """The live counts of the post's polls, by poll name."""
        self._lines: list[str] = []
        self.heading_lines: set[int] = set()
        """Which of :meth:`lines` are the post's own headings (not a quote's or a list's):
        where a long post falls into parts, each named by its heading."""
        self._block: list[str] = []
        self._stack: list[_Open] = []
        self._open_tags: Counter[str] = Counter()
        self._by_kind: defaultdict[str, list[_Open]] = defaultdict(list)
        self._captures: list[_Open] = []
        self._emoji_run: list[str] = []
        self._silent = 0

    # -- the stack of open elements -------------------------------------------------------
    def _push(self, open_: _Open) -> None:
        self._stack.append(open_)
        self._open_tags[open_.tag] += 1
        self._by_kind[open_.kind].append(open_)
        if open_.kind in _CAPTURING:
            self._captures.append(open_)

    def _pop(self) -> _Open:
        open_ = self._stack.pop()
        self._open_tags[open_.tag] -= 1
        self._by_kind[open_.kind].pop()
        if open_.kind in _CAPTURING:
            self._captures.pop()
        return open_

    def _inside(self, kind: str) -> bool:
        return bool(self._by_kind[kind])

    # -- output helpers -------------------------------------------------------------------
    def _emit(self, text: str) -> None:
        if self._captures:
            innermost = self._captures[-1]
            if innermost.kind != "onebox":  # only a onebox's parts are read
                innermost.capture.append(text)
            return
        self._block.append(text)

    def _end_emoji_run(self) -> None:
        """Say the emoji pictures seen in a row: a few by name, a flood summed up."""
        if self._emoji_run:
            run, self._emoji_run = self._emoji_run, []
            self._emit(marked(emoji_run_words(run)))

    def _flush(self, *, sentence: bool = True) -> None:
        self._end_emoji_run()
        text = " ".join("".join(self._block).split()).rstrip(",; ")
        if _ITEM_LABEL.fullmatch(text):
            return  # "Item one:" waits for its text (a <p> inside the <li>)
        self._block = []
        if not text:
            return
        if sentence and not text.endswith(_SENTENCE_END) and text[-1].isalnum():
            text += "."
        self._lines.append(text)

    def _say_line(self, text: str) -> None:
        self._flush()
        self._lines.append(text)

    def lines(self) -> list[str]:
        self._end_emoji_run()
        while self._stack:  # close what the HTML left open, so nothing captured is lost
            self._close(self._pop())
        self._flush()
        self._block = []
        return self._lines

    # -- parser callbacks -----------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        attr = {k: v or "" for k, v in attrs}
        classes = frozenset(attr.get("class", "").split())
        if not (tag == "img" and "emoji" in classes):
            self._end_emoji_run()
        if self._silent:
            if tag not in _VOID:
                self._push(_Open(tag, "silent"))
                self._silent += 1
            return
        if tag in _VOID:
            self._void(tag, attr, classes)
            return
        if tag == "a" and self._inside("link"):
            self.handle_endtag("a")  # a link never holds a link: the open one ends here
        self._push(self._open(tag, attr, classes))

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def _void(self, tag: str, attr: dict[str, str], classes: frozenset[str]) -> None:
        if tag in {"br", "hr"}:
            self._flush()
        elif tag == "img":
            if "emoji" in classes:
                name = attr.get("title") or attr.get("alt", "")
                custom = "emoji-custom" in classes
                self._emoji_run.append(
                    custom_emoji_words(name) if custom else discourse_emoji_words(name)
                )
            elif not classes & {"avatar", "site-icon", "onebox-avatar", "thumbnail"}:
                self._emit(f" {spoken_picture(attr.get('alt', ''))} ")

    def _silence(self, tag: str, announcement: str = "") -> _Open:
        if announcement:
            self._say_line(announcement)
        self._silent += 1
        return _Open(tag, "silent")

    def _open(self, tag: str, attr: dict[str, str], classes: frozenset[str]) -> _Open:
        in_quote = self._inside("quote")
        if tag in _SILENT or (
            tag == "div"
            and ({"title", "meta"} & classes)
            and self._stack
            and self._stack[-1].kind in {"quote", "link"}
        ):
            return self._silence(tag)
        if tag == "div" and "meta" in classes and self._inside("link"):
            return self._silence(tag)  # a lightbox's file name and size
        if "spoiler" in classes or "spoiled" in classes:
            # Hidden on the page until clicked; here the warning is the click: the words
            # come after it, marked off, so a listener knows where the hidden part ends.
            if tag == "span":
                self._emit(" (hidden text, may spoil: ")
                return _Open(tag, "spoiler-inline")
            self._say_line("Hidden text, may spoil:")
            return _Open(tag, "spoiler")
        if tag == "div" and "poll" in classes:
            return self._poll(tag, attr)
        if tag == "div" and "poll-info" in classes and self._inside("poll"):
            return self._silence(tag)  # "0 voters", written when the post was saved
        if "footnote-backref" in classes:
            return self._silence(tag)
        if tag == "sup" and "footnote-ref" in classes:
            return _Open(tag, "footnote-ref")
        if tag == "span" and "discourse-local-date" in classes:
            when = spoken_local_date(attr.get("data-date", ""), attr.get("data-time", ""))
            self._emit(f" {when} ")
            return self._silence(tag)
        if tag == "pre":
            return self._silence(tag, "A block of code, skipped.")
        if tag in {"iframe", "video", "object"}:
            return self._silence(tag, "A video.")
        if tag == "audio":
            return self._silence(tag, "An audio clip.")
        if tag == "aside" and "onebox" in classes:
            self._flush()
            return _Open(tag, "onebox", href=attr.get("data-onebox-src", ""))
        if self._inside("onebox"):
            part = self._onebox_part(tag, classes)
            if part:
                return _Open(tag, part)
        if (tag == "aside" and "quote" in classes) or (tag == "blockquote" and not in_quote):
            name = spoken_name(attr.get("data-username", ""))
            if self.skip_quotes:
                return self._silence(
                    tag, f"A quote from {name}, skipped." if name else "A quote, skipped."
                )
            self._say_line(f"{name} wrote:" if name else "Quote:")
            return _Open(tag, "quote")
        if tag == "a":
            return _Open(tag, "link", href=attr.get("href", ""), classes=classes)
        if tag in {"ul", "ol"}:
            polls = self._by_kind["poll"]
            if polls and polls[-1].poll_type == "number":
                return self._silence(tag)  # every number in the range: the heading said it
            self._flush()
            if "footnotes-list" in classes:
                self._say_line("Notes:")
                return _Open(tag, "list", noun="Note")
            first = _list_start(attr) if tag == "ol" else 1
            return _Open(tag, "list", count=first - 1, start=first, nested=self._inside("item"))
        if tag == "li":
            self._flush()
            self._block = []  # an empty item's label is dropped, not run into the next
            lists = self._by_kind["list"]
            if lists:
                list_ = lists[-1]
                list_.count += 1
                choice = attr.get("data-poll-option-id", "")
                noun = "Choice" if choice and self._inside("poll") else list_.noun
                under = list_.nested and list_.count == list_.start
                self._block.append(item_label(list_.count, noun, under=under))
                if noun == "Choice":
                    return _Open(tag, "item", poll=choice)
            return _Open(tag, "item")
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            return _Open(tag, "block")
        if tag in {"td", "th"}:
            return _Open(tag, "cell")
        return _Open(tag)

    def _onebox_part(self, tag: str, classes: frozenset[str]) -> str:
        """Which part of the innermost onebox ``tag`` holds, if one still missing."""
        box = self._by_kind["onebox"][-1]
        if tag == "header" and "source" in classes:
            part = "onebox-source"
        elif tag in {"h3", "h4"}:
            part = "onebox-title"
        elif tag == "article" and "onebox-body" in classes:
            return "onebox-body"
        elif tag == "p" and self._stack[-1].kind == "onebox-body":
            part = "onebox-description"
        else:
            return ""
        return "" if part in box.parts else part

    def _poll(self, tag: str, attr: dict[str, str]) -> _Open:
        name = attr.get("data-poll-name", "poll")
        tally = self._polls.get(name)
        kind = attr.get("data-poll-type", "regular")
        closed = tally.closed if tally else attr.get("data-poll-status") == "closed"
        self._say_line(
            poll_heading(kind, closed, attr.get("data-poll-min", ""), attr.get("data-poll-max", ""))
        )
        return _Open(tag, "poll", poll=name, poll_type=kind, poll_max=attr.get("data-poll-max", ""))

    def _poll_open(self) -> _Open | None:
        """The poll being read, if any."""
        polls = self._by_kind["poll"]
        return polls[-1] if polls else None

    def handle_endtag(self, tag: str) -> None:
        self._end_emoji_run()
        if not self._open_tags[tag]:
            return  # a stray closing tag: ignore rather than guess
        while self._stack:
            open_ = self._pop()
            self._close(open_)
            if open_.tag == tag:
                return

    def _close(self, open_: _Open) -> None:
        if open_.kind == "silent":
            self._silent -= 1
        elif open_.kind == "quote":
            self._say_line("End of quote.")
        elif open_.kind in _ONEBOX_PARTS:
            boxes = self._by_kind["onebox"]
            if boxes:
                boxes[-1].parts.setdefault(open_.kind, "".join(open_.capture))
        elif open_.kind == "onebox":
            parts = open_.parts
            self._say_line(
                spoken_onebox(
                    open_.href,
                    parts.get("onebox-source", ""),
                    parts.get("onebox-title", ""),
                    parts.get("onebox-description", ""),
                )
            )
        elif open_.kind == "link":
            boxes = self._by_kind["onebox"]
            if boxes and not boxes[-1].href:  # an old onebox names its page only in links
                boxes[-1].href = open_.href
            self._emit(f" {self._link_words(open_)} ")
        elif open_.kind == "spoiler-inline":
            self._emit(") ")
        elif open_.kind == "spoiler":
            self._say_line("End of hidden text.")
        elif open_.kind == "footnote-ref":
            # "[1]", or "[1:2]" for a note's second reference.
            number = "".join(open_.capture).strip(" []").split(":")[0]
            if number:
                before = "".join(self._block).rstrip()
                ended = not before or before.endswith(_SENTENCE_END)
                self._emit(f" Note {number}. " if ended else f" (note {number}) ")
        elif open_.kind == "item" and open_.poll:
            poll = self._poll_open()
            tally = self._polls.get(poll.poll) if poll else None
            self._emit(choice_counts(tally, open_.poll, poll.poll_type if poll else ""))
            self._flush()
        elif open_.kind == "poll":
            self._flush()
            ending = poll_ending(self._polls.get(open_.poll), open_.poll_type, open_.poll_max)
            if ending:
                self._say_line(ending)
        elif open_.kind in {"block", "item", "list"}:
            lines_before = len(self._lines)
            self._flush()
            if (
                open_.tag in _HEADINGS
                and len(self._lines) > lines_before
                and not (self._inside("quote") or self._inside("item") or self._inside("spoiler"))
            ):
                self.heading_lines.add(len(self._lines) - 1)
        elif open_.kind == "cell":
            self._emit(", ")

    def _link_words(self, link: _Open) -> str:
        text = " ".join("".join(link.capture).split())
        if not link.href:
            return text  # an anchor, not a link: Discourse leaves an empty "<a></a>" by a note
        if "mention" in link.classes or "mention-group" in link.classes:
            return spoken_name(text)
        if "hashtag" in link.classes or "hashtag-cooked" in link.classes:
            return text.lstrip("#")
        if self._inside("onebox"):
            return text  # the onebox itself says where it links
        if "attachment" in link.classes:
            return f"an attachment called {text}" if text else "an attachment"
        if "lightbox" in link.classes or text.startswith("a picture"):
            return text
        if link.href.startswith("#") or "anchor" in link.classes:
            return text
        if link.href.startswith("mailto:"):
            return f"{text} (an email address)" if text and "@" not in text else "an email address"
        return spoken_link(link.href, text)

    def handle_data(self, data: str) -> None:
        if not self._silent:
            if data.strip():
                self._end_emoji_run()
            self._emit(data)


def cooked_lines(
    html: str, *, skip_quotes: bool = False, polls: Mapping[str, PollTally] | None = None
) -> list[str]:
    """The blocks of a cooked post as plain lines, before pronunciation clean-up; ``polls``:
    the live counts of its polls, by name."""
    return cooked_lines_and_headings(html, skip_quotes=skip_quotes, polls=polls)[0]


def cooked_lines_and_headings(
    html: str, *, skip_quotes: bool = False, polls: Mapping[str, PollTally] | None = None
) -> tuple[list[str], set[int]]:
    """:func:`cooked_lines`, and which of them are the post's headings."""
    reader = CookedReader(skip_quotes=skip_quotes, polls=polls)
    tokenize(html, reader)
    return reader.lines(), reader.heading_lines
