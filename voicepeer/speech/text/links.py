"""Links and pictures as short phrases: people want to know a link is there, not hear it."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_URL_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_FILENAME_ALT = re.compile(
    r"^(?:img|image|dsc|pxl|photo|screenshot|screen shot|pic|picture|untitled|file)?"
    r"[\s_\-]*[\d_\-\s]*(?:\.(?:jpe?g|png|gif|webp|heic|bmp))?$",
    re.IGNORECASE,
)


def domain_of(url: str) -> str:
    """``https://www.nhs.uk/conditions/ms/`` -> ``nhs.uk``; empty for forum-relative links."""
    url = url.strip()
    if url.lower().startswith("www."):
        url = "http://" + url
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _looks_like_url(text: str, href: str) -> bool:
    bare = text.strip().lower().rstrip("/")
    if not bare:
        return True
    target = href.strip().lower().rstrip("/")
    for prefix in ("https://", "http://"):
        bare = bare.removeprefix(prefix)
        target = target.removeprefix(prefix)
    return bare == target or bool(_URL_RE.match(text.strip())) or bare == domain_of(href)


def spoken_link(href: str, text: str) -> str:
    """What to say for a link: its text when meaningful, and where it goes."""
    domain = domain_of(href)
    if _looks_like_url(text, href):
        return f"a link to {domain}" if domain else "a link on this forum"
    where = f"link to {domain}" if domain else "link on this forum"
    return f"{text.strip()} ({where})"


def spoken_bare_urls(text: str) -> str:
    """Bare addresses in plain text, e.g. in raw markdown."""
    return _URL_RE.sub(lambda m: spoken_link(m.group(0), ""), text)


def meaningful_alt(alt: str) -> str:
    """The alt text of a picture when it describes it; empty for file names and sizes."""
    alt = alt.split("|", 1)[0].strip()  # Discourse appends "|690x388"
    if not re.search(r"[^\W\d_]{2,}", alt) or _FILENAME_ALT.match(alt):
        return ""
    return alt


def spoken_picture(alt: str) -> str:
    described = meaningful_alt(alt)
    return f"a picture: {described}" if described else "a picture"
