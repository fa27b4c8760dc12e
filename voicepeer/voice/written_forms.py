"""Dictated words as they are written: "MS", "MRI", "Tysabri", "Monday", and the names of
the people in the thread ("thanks sam" is posted as "thanks Sam").

Recognizers give every word in lower case, and what is dictated is posted for everyone to
read; the person cannot see it to fix the capitals by hand. Only a word heard all in lower
case is changed (a word typed with capitals is kept as typed), and only to a form it always
has: acronyms of MS care, medicines' brand names, days and months, and the first and last
names of people in the thread. A name that is also an everyday word ("Will", "Grace") and
the months that are ("may", "march") stay as they were said.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from voicepeer.speech.text.timefmt import MONTHS

_ACRONYMS = (
    "MS",
    "MRI",
    "MRIs",
    "RRMS",
    "PPMS",
    "SPMS",
    "CIS",
    "EDSS",
    "DMT",
    "DMTs",
    "GP",
    "NHS",
    "CSF",
    "HSCT",
    "IVIG",
)
_PROPER = (
    # Medicines' brand names (their generic names are written in lower case).
    "Ocrevus",
    "Tysabri",
    "Gilenya",
    "Tecfidera",
    "Copaxone",
    "Aubagio",
    "Mavenclad",
    "Kesimpta",
    "Mayzent",
    "Lemtrada",
    # Signs named after the doctors who described them.
    "Lhermitte",
    "Lhermitte's",
    "Uhthoff",
    "Uhthoff's",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    # The months but "May" and "March", which are everyday words as often.
    *(month for month in MONTHS if month not in ("May", "March")),
    "Christmas",
    "Easter",
)
WRITTEN_FORMS: Mapping[str, str] = {form.lower(): form for form in (*_ACRONYMS, *_PROPER)}
"""Words always written so, by their lower-case form. "CIS" is an acronym only: "cis" is
no everyday English word."""

EVERYDAY_NAMES = frozenset(
    {
        "will",
        "may",
        "mark",
        "bill",
        "grace",
        "hope",
        "joy",
        "faith",
        "rose",
        "pat",
        "sue",
        "ray",
        "dawn",
        "jack",
        "frank",
        "rich",
        "rob",
        "nick",
        "art",
        "drew",
        "miles",
        "grant",
        "chase",
        "don",
        "ken",
        "max",
        "sky",
        "summer",
        "holly",
        "ivy",
        "iris",
        "daisy",
        "amber",
        "ruby",
        "pearl",
        "robin",
        "lee",
        "gene",
        "dean",
        "jean",
        "guy",
        "the",
        "and",
        "of",
        # Display names that are roles, not names ("Demo Member", "MS Nurse", "Forum Team").
        "member",
        "demo",
        "admin",
        "moderator",
        "team",
        "support",
        "nurse",
        "user",
        "guest",
        "staff",
        "system",
        "forum",
        "helper",
        "carer",
        "mum",
        "dad",
    }
)
"""Names that are everyday words too: said in a reply they are most often the word."""


def names_as_written(names: Iterable[str]) -> dict[str, str]:
    """The words of people's names ("Sam Okafor", or a username "priya") by their lower-case
    form, each with a capital ("Sam", "Okafor", "Priya"), leaving out everyday words."""
    forms: dict[str, str] = {}
    for name in names:
        for word in name.split():
            lower = word.lower()
            if len(word) < 2 or not word.isalpha() or lower in EVERYDAY_NAMES:
                continue
            forms.setdefault(lower, word[:1].upper() + word[1:])
    return forms


def forms_with_names(names: Iterable[str]) -> dict[str, str]:
    """:data:`WRITTEN_FORMS` and the words of ``names`` (see :func:`names_as_written`)."""
    return {**WRITTEN_FORMS, **names_as_written(names)}


def as_written(tokens: list[str], forms: Mapping[str, str]) -> list[str]:
    """``tokens`` with each word heard all in lower case in its written form, if it has
    one in ``forms``."""
    return [forms.get(token, token) if token.islower() else token for token in tokens]
