"""Dictated words as they are written: "MS", "MRI", "Tysabri", "Monday", and the names of
the people in the thread ("thanks sam" is posted as "thanks Sam").

Recognizers give every word in lower case, and what is dictated is posted for everyone to
read; the person cannot see it to fix the capitals by hand. Only a word heard all in lower
case is changed (a word typed with capitals is kept as typed), and only to a form it always
has: acronyms of MS care, medicines' brand names, days and months, and the first and last
names of people in the thread. A name that is also an everyday word ("Will", "Grace") and
the months that are ("may", "march") stay as they were said. "ms" is the illness ("MS") but
before a name ("Ms Jones"), a title is written before a name as British English writes it
("Dr Patel"), and vitamins are written as on their packets ("vitamin D", "B12").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

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
    # Medicines' brand names (their generic names, "ocrelizumab", "baclofen", are written in
    # lower case): disease-modifying therapies for MS first, then common ones for symptoms.
    "Ocrevus",
    "Tysabri",
    "Tyruko",
    "Gilenya",
    "Tecfidera",
    "Vumerity",
    "Bafiertam",
    "Copaxone",
    "Glatopa",
    "Brabio",
    "Aubagio",
    "Mavenclad",
    "Kesimpta",
    "Mayzent",
    "Lemtrada",
    "Zeposia",
    "Ponvory",
    "Briumvi",
    "Avonex",
    "Rebif",
    "Plegridy",
    "Betaferon",
    "Betaseron",
    "Extavia",
    "Sativex",
    "Fampyra",
    "Ampyra",
    "Lioresal",
    "Zanaflex",
    "Lyrica",
    "Neurontin",
    "Cymbalta",
    "Provigil",
    "Nuvigil",
    "Symmetrel",
    "Vesicare",
    "Betmiga",
    "Myrbetriq",
    "Detrusitol",
    "Ditropan",
    "Botox",
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
_VITAMINS = ("B12", "D3", "B6")
"""Vitamins said in one word, as they often are typed ("b12")."""
WRITTEN_FORMS: Mapping[str, str] = {
    form.lower(): form for form in (*_ACRONYMS, *_PROPER, *_VITAMINS)
}
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


TITLES = {"dr": "Dr", "mr": "Mr", "mrs": "Mrs", "prof": "Prof"}
"""People's titles, written before a name as British English writes them (no full stop):
"dr patel" is "Dr Patel". "Ms" is the illness too (see :func:`as_written`), "miss" and
"doctor" everyday words ("I miss walking", "the doctor said"): they are left as said."""
_NO_NAME_AFTER_A_TITLE = frozenset(
    {
        *("and", "or", "but", "the", "a", "an", "of", "to", "in", "on", "at", "for", "with"),
        *("from", "by", "who", "that", "which", "is", "was", "are", "were", "has", "had"),
        *("have", "will", "would", "said", "says", "told", "tells", "thinks", "thought"),
        *("wants", "wanted", "asked", "asks", "did", "does", "can", "could", "should", "i"),
        *("appointment", "appointments", "letter", "surgery", "visit", "so", "too", "as"),
    }
)
"""Words after "dr" or "mr" that are no name ("the dr said", "my dr appointment")."""
_DESCRIBING = frozenset({"a", "an", "the", "my", "your", "his", "her", "our", "their"})


def as_written(tokens: list[str], forms: Mapping[str, str]) -> list[str]:
    """``tokens`` with each word heard all in lower case in its written form, if it has
    one in ``forms``: "ms" before a name is the title ("Ms Jones"), elsewhere the illness;
    a title before a name is written with capitals ("Dr Patel")."""
    written = []
    for index, token in enumerate(tokens):
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if token == "ms" and _is_a_name(following, forms):
            written.append("Ms")
        else:
            written.append(forms.get(token, token) if token.islower() else token)
    for index in range(len(written) - 2, -1, -1):  # from the end: "mr and mrs smith"
        token, name = written[index], written[index + 1]
        if token not in TITLES or (index and written[index - 1].lower() in _DESCRIBING):
            continue
        then = written[index + 2] if index + 2 < len(written) else ""
        if name == "and" and then in TITLES.values():
            written[index] = TITLES[token]
        elif _may_be_a_name(name, forms):
            written[index], written[index + 1] = TITLES[token], name[:1].upper() + name[1:]
    return written


def _may_be_a_name(word: str, forms: Mapping[str, str]) -> bool:
    """Whether ``word``, said after a title, may be a name: one of the thread's, typed with
    a capital, or a word in lower case that is no everyday word after a title ("dr said")."""
    if _is_a_name(word, forms):
        return True
    lower = word.lower()
    return (
        word.islower()
        and word.isalpha()
        and len(word) > 1
        and lower not in _NO_NAME_AFTER_A_TITLE
        and lower not in WRITTEN_FORMS
    )


_PRONOUN_I = re.compile(r"^i('(m|ve|ll|d|s))?$")


def _is_a_name(word: str, forms: Mapping[str, str]) -> bool:
    """Whether ``word`` is someone's name: a name of the thread ``forms`` has, or a word
    typed with a capital that is no other written form ("Jones", not "I", "MRI" or
    "Monday")."""
    lower = word.lower()
    if lower in WRITTEN_FORMS or _PRONOUN_I.match(lower):
        return False
    if word.islower():
        return lower in forms
    return len(word) > 1 and word[0].isupper() and word[1:].islower()


_VITAMIN_NUMBERS = {str(n): str(n) for n in (1, 2, 3, 5, 6, 7, 9, 12)} | {
    "one": "1",
    "two": "2",
    "three": "3",
    "five": "5",
    "six": "6",
    "seven": "7",
    "nine": "9",
}
"""The numbers after a vitamin's letter ("B12", "D3", "K2"), as digits or as the words one
to nine stay in dictation."""
_ALONE = frozenset({("b", "12"), ("d", "3"), ("d", "three")})
"""Vitamins known without "vitamin" before them: "I take b 12", but "plan b 2"."""
_LISTING = frozenset({"and", "or", ","})
_LETTERS = frozenset("abcdek")
_LETTERS_LISTED = _LETTERS - {"a"}


def vitamins_as_written(tokens: Sequence[str]) -> list[str]:
    """``tokens`` (numbers in digits, see ``written_numbers``) with vitamins written as on
    their packets: "vitamin d" as "vitamin D", "vitamins b and d" as "vitamins B and D",
    "b 12" and "vitamin d three" as one word each ("B12", "vitamin D3")."""
    out: list[str] = []
    # The letters the next word may be a vitamin's: after "vitamin", or after one and "and"
    # (not "a" there: "vitamin d and a walk").
    letters: frozenset[str] = frozenset()
    index = 0
    while index < len(tokens):
        token, lower = tokens[index], tokens[index].lower()
        following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
        if token.islower() and (lower in letters or (lower, following) in _ALONE):
            number = _VITAMIN_NUMBERS.get(following, "")
            out.append(lower.upper() + number)
            index += 2 if number else 1
            letters = _LETTERS_LISTED
            continue
        if lower in ("vitamin", "vitamins"):
            letters = _LETTERS
        elif not (letters and lower in _LISTING and out[-1][:1].isupper()):
            letters = frozenset()
        out.append(token)
        index += 1
    return out
