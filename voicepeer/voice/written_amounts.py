"""Times and money among dictated numbers, written as a newspaper writes them: "10 pm",
"6:30 am", "£25.50", "50p", "£2,000".

With "am" or "pm" after it a number is surely a time, in figures whatever its size; a number
with "pounds" after it is money, in figures with its sign, pence after a point. "Pounds" of
weight ("I lost ten pounds", "two pounds of apples") stay as said. See
:mod:`voicepeer.voice.written_numbers`, whose runs of number words these are.
"""

from __future__ import annotations

from collections.abc import Sequence

from voicepeer.number_words import TENS, UNITS
from voicepeer.voice.spoken_marks import ATTACHED_MARKS, LAYOUT_MARKS

HALVES_OF_THE_DAY = frozenset({"am", "pm", "a.m", "p.m"})
_HOURS = {word: value for word, value in UNITS.items() if 1 <= value <= 12}
_MINUTES_BEFORE_THE_HOUR = frozenset({"five", "ten", "twenty", "quarter", "half"})
"""How "ten to nine pm" and "half past ten pm" begin: clock words, kept as said."""
_CLOCK_WORDS = frozenset({"to", "past"})

CURRENCIES = {"pounds": "£", "pound": "£", "dollars": "$", "dollar": "$", "euros": "€", "euro": "€"}
_PENCE = {"£": ("pence", "p"), "$": ("cents", "cent"), "€": ("cents", "cent")}
_WEIGHED = frozenset(
    {
        *("lost", "lose", "losing", "loses", "gained", "gain", "gaining", "gains"),
        *("weigh", "weighs", "weighed", "weighing", "weight", "heavier", "lighter", "stone"),
        *("dropped", "drop", "dropping", "down", "up", "shed", "baby"),
    }
)
"""Words before "pounds" of weight ("I've lost about ten pounds")."""
_WEIGHED_AFTER = frozenset(
    {"of", "heavier", "lighter", "overweight", "underweight", "ounces", "ounce", "in", "since"}
)
_AFTER_AN_AMOUNT = frozenset(
    {
        *("and", "but", "or", "so", "for", "each", "a", "an", "the", "per", "to", "in", "on"),
        *("at", "with", "plus", "which", "that", "from", "every", "now", "then", "i", "we"),
        *("it", "is", "was", "just", "only", "too", "as", "if", "because", "when"),
    }
)
"""Words that may follow an amount with pence said without "pence" ("£25.50 for the taxi"),
where a number may not be pence ("£25 fifty people")."""
_ENDS = ATTACHED_MARKS | LAYOUT_MARKS


def clock_time(run: Sequence[str], before: str, after: str, two_before: str) -> str | None:
    """The number words ``run`` as a time in figures ("10", "6:30") when "am" or "pm" comes
    ``after`` them; None when they are no time, or a clock phrase ("ten to nine pm")."""
    if after not in HALVES_OF_THE_DAY or run[0] not in _HOURS:
        return None
    if before in _CLOCK_WORDS and two_before in _MINUTES_BEFORE_THE_HOUR | set(TENS):
        return None
    hour, minutes = _HOURS[run[0]], run[1:]
    if not minutes:
        return str(hour)
    if minutes[0] == "oh" and len(minutes) == 2 and 1 <= UNITS.get(minutes[1], 0) <= 9:
        return f"{hour}:0{UNITS[minutes[1]]}"
    value = _small_number(minutes)
    return f"{hour}:{value}" if value is not None and 10 <= value <= 59 else None


def money(amount: str, said: Sequence[str], start: int, end: int) -> tuple[int, str] | None:
    """The number written ``amount`` ("25", "2,000", "five") said from ``start`` to ``end``
    of ``said`` (words in lower case) as money with what is said after it ("pounds fifty"):
    where it ends and how it is written ("£25.50"); None when it is no money."""
    value = _figures(amount)
    word = said[end] if end < len(said) else ""
    if value is None or word not in {*CURRENCIES, "pence", "p"}:
        return None
    if word in ("pence", "p"):
        return (end + 1, f"{value}p") if value.isdigit() and 1 <= int(value) <= 99 else None
    if word.startswith("pound") and _weighed(said, start, end):
        return None
    sign = CURRENCIES[word]
    whole, _, fraction = value.partition(".")
    whole = f"{int(whole):,}"  # "£1,999": an amount, even one said as a year
    if fraction:
        return end + 1, f"{sign}{whole}.{fraction.ljust(2, '0')}"
    cents = _cents(said, end + 1, _PENCE[sign])
    if cents is None:
        return end + 1, f"{sign}{whole}"
    after, count = cents
    return after, f"{sign}{whole}.{count:02d}"


def _cents(said: Sequence[str], at: int, names: tuple[str, str]) -> tuple[int, int] | None:
    """The pence said from ``at``, after the pounds ("fifty", "and fifty pence"): where they
    end and how many; None when no pence are said there."""
    joined = at < len(said) and said[at] == "and"
    start = at + joined
    end = start
    while end < len(said) and (said[end] in UNITS or said[end] in TENS):
        end += 1
    count = _small_number(said[start:end]) if end > start else None
    if count is None or not 1 <= count <= 99:
        return None
    following = said[end] if end < len(said) else ""
    if following in names:
        return end + 1, count
    if joined or (following and following not in _ENDS | _AFTER_AN_AMOUNT):
        return None
    return end, count


def _weighed(said: Sequence[str], start: int, end: int) -> bool:
    """Whether the pounds said from ``start`` to ``end`` are of weight."""
    before = said[max(0, start - 3) : start]
    put_on = said[max(0, start - 2) : start] == ["put", "on"]
    after = said[end + 1] if end + 1 < len(said) else ""
    return bool(_WEIGHED.intersection(before)) or put_on or after in _WEIGHED_AFTER


def _figures(amount: str) -> str | None:
    """``amount`` in figures without commas ("2000", "2.5", "5" for "five"); None when it
    is no single number."""
    if amount in UNITS:
        return str(UNITS[amount])
    plain = amount.replace(",", "")
    whole, _, fraction = plain.partition(".")
    return plain if whole.isdigit() and (not fraction or fraction.isdigit()) else None


def _small_number(words: Sequence[str]) -> int | None:
    """The number under a hundred ``words`` say ("fifty", "forty five"); None otherwise."""
    if len(words) == 1:
        return UNITS.get(words[0], TENS.get(words[0]))
    if len(words) == 2 and words[0] in TENS and 1 <= UNITS.get(words[1], 0) <= 9:
        return TENS[words[0]] + UNITS[words[1]]
    return None
