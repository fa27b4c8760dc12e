"""A link preview (Discourse's "onebox") as one short spoken line: where it goes, its
title, and the first sentence of its description, never its pictures."""

from __future__ import annotations

import re

from voicepeer.speech.text.links import domain_of
from voicepeer.speech.text.sentences import as_sentence

DESCRIPTION_WORDS = 20
"""Longest description read: a preview's description is a teaser, not the page."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“‘(])")
# The header's "bbc.co.uk – 3 March 2024" when the page gives when it was published.
_PUBLISHED = re.compile(r"\s+[–—-]\s+.*$")
_ADDRESS = re.compile(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:/\S*)?", re.IGNORECASE)


def _site(source: str, href: str) -> str:
    """The site as its header names it ("GitHub", "3D Slicer"); its domain when the header
    is an address ("github.com/Slicer/Slicer") or says nothing."""
    name = _PUBLISHED.sub("", " ".join(source.split()))
    if name and not _ADDRESS.fullmatch(name):
        return name
    return domain_of(href) or (domain_of(f"http://{name}") if name else "")


def _brief(description: str, title: str) -> str:
    """The description's first sentence, cut to :data:`DESCRIPTION_WORDS` words; nothing
    when the title already says it (GitHub's titles end with their description)."""
    first = _SENTENCE_END.split(" ".join(description.split()), maxsplit=1)[0]
    words = first.split()
    if len(words) > DESCRIPTION_WORDS:
        first = " ".join(words[:DESCRIPTION_WORDS]).rstrip(",;:") + "…"
    if not first or first.rstrip(".!?…").casefold() in title.casefold():
        return ""
    return as_sentence(first)


def spoken_onebox(href: str, source: str, title: str, description: str) -> str:
    """ "A link to GitHub: Download 3D Slicer. A free, open source software…" """
    site = _site(source, href)
    where = f"A link to {site}" if site else "A link"
    title = " ".join(title.split())
    if site and title.casefold().startswith(f"{site.casefold()} - "):
        title = title[len(site) + 3 :]  # "GitHub - owner/repo: …" after "A link to GitHub"
    if not title:
        return f"{where}."
    brief = _brief(description, title)
    return f"{where}: {as_sentence(title)}" + (f" {brief}" if brief else "")
