"""Emoji and emoticons as words: in peer support the feeling is part of the message."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence

from voicepeer.speech.text.flags import REGIONAL_INDICATORS, TAGS, country_flag, region_flag
from voicepeer.speech.text.styled_letters import plain_letters

# Discourse emoji names (``:name:``) that people use most, in plain words.
DISCOURSE_EMOJI: dict[str, str] = {
    "smile": "smiling face",
    "slight_smile": "smiling face",
    "slightly_smiling_face": "smiling face",
    "smiley": "smiling face",
    "grinning": "grinning face",
    "grin": "grinning face",
    "blush": "smiling face",
    "wink": "winking face",
    "laughing": "laughing face",
    "joy": "tears of joy",
    "rofl": "rolling with laughter",
    "sweat_smile": "nervous smile",
    "heart": "heart",
    "red_heart": "heart",
    "orange_heart": "orange heart",
    "yellow_heart": "yellow heart",
    "blue_heart": "blue heart",
    "green_heart": "green heart",
    "purple_heart": "purple heart",
    "broken_heart": "broken heart",
    "heart_eyes": "heart eyes",
    "smiling_face_with_three_hearts": "smiling face with hearts",
    "kissing_heart": "blowing a kiss",
    "hugs": "hug",
    "hugging_face": "hug",
    "people_hugging": "hug",
    "+1": "thumbs up",
    "thumbsup": "thumbs up",
    "-1": "thumbs down",
    "thumbsdown": "thumbs down",
    "clap": "clapping",
    "pray": "folded hands",
    "muscle": "strong arm",
    "ok_hand": "OK hand",
    "raised_hands": "raised hands",
    "wave": "waving hand",
    "tada": "celebration",
    "cry": "crying face",
    "sob": "sobbing face",
    "disappointed": "disappointed face",
    "frowning": "sad face",
    "slightly_frowning_face": "sad face",
    "white_frowning_face": "sad face",
    "frowning_face": "sad face",
    "pensive": "thoughtful sad face",
    "worried": "worried face",
    "confused": "confused face",
    "thinking": "thinking face",
    "tired_face": "tired face",
    "weary": "weary face",
    "sleeping": "sleeping face",
    "sleepy": "sleepy face",
    "relieved": "relieved face",
    "angry": "angry face",
    "rage": "very angry face",
    "scream": "screaming face",
    "flushed": "embarrassed face",
    "sunglasses": "cool face",
    "sunny": "sunshine",
    "star": "star",
    "sparkles": "sparkles",
    "four_leaf_clover": "four leaf clover",
    "wheelchair": "wheelchair",
    "manual_wheelchair": "wheelchair",
}

# Unicode emoji whose official names sound wrong or clumsy when read aloud.
UNICODE_EMOJI: dict[str, str] = {
    "\u2764": "heart",
    "\U0001f642": "smiling face",
    "\U0001f600": "grinning face",
    "\U0001f60a": "smiling face",
    "\U0001f609": "winking face",
    "\U0001f602": "tears of joy",
    "\U0001f923": "rolling with laughter",
    "\U0001f622": "crying face",
    "\U0001f62d": "sobbing face",
    "\U0001f641": "sad face",
    "\u2639": "sad face",
    "\U0001f61e": "disappointed face",
    "\U0001f614": "thoughtful sad face",
    "\U0001f917": "hug",
    "\U0001fac2": "hug",
    "\U0001f44d": "thumbs up",
    "\U0001f44e": "thumbs down",
    "\U0001f64f": "folded hands",
    "\U0001f4aa": "strong arm",
    "\U0001f44f": "clapping",
    "\U0001f389": "celebration",
    "\U0001f60d": "heart eyes",
    "\U0001f970": "smiling face with hearts",
    "\U0001f62b": "tired face",
    "\U0001f634": "sleeping face",
    "\U0001f914": "thinking face",
    "\U0001f494": "broken heart",
    "\U0001f9e1": "orange heart",
    "\U0001f91e": "fingers crossed",
    "\U0001f618": "blowing a kiss",
    "\u2600": "sunshine",
    "\u2b50": "star",
    "\U0001f9bd": "wheelchair",
    "\u267f": "wheelchair",
    "\u2717": "cross",
    "\u2718": "cross",
}

# Text emoticons, longest first so ":-)" wins over ":)". Each needs space or an edge
# around it, so URLs and times ("10:30") are left alone.
EMOTICONS: dict[str, str] = {
    ":'-(": "crying face",
    ":'(": "crying face",
    ":-)": "smiling face",
    ":)": "smiling face",
    "(:": "smiling face",
    ":-D": "laughing face",
    ":D": "laughing face",
    ";-)": "winking face",
    ";)": "winking face",
    ":-(": "sad face",
    ":(": "sad face",
    ":-/": "unsure face",
    ":/": "unsure face",
    ":-P": "face with tongue out",
    ":P": "face with tongue out",
    ":-p": "face with tongue out",
    ":p": "face with tongue out",
    ":-O": "surprised face",
    ":O": "surprised face",
    ":o": "surprised face",
    "<3": "heart",
    "</3": "broken heart",
    "xx": "kisses",
    "xxx": "kisses",
}

_EMOTICON_RE = re.compile(
    r"(?<!\S)("
    + "|".join(re.escape(e) for e in sorted(EMOTICONS, key=len, reverse=True))
    + r")(?=[\s.,!?]|$)"
)
_SHORTCODE_RE = re.compile(r"(?<![\w:]):([a-z0-9_+\-]{1,40}):(?![\w:])")
# Emoji sequences (joined by zero-width joiners) by the names of their parts.
ZWJ_SEQUENCES: dict[tuple[str, ...], str] = {
    ("waving white flag", "rainbow"): "rainbow flag",
    ("heart", "fire"): "heart on fire",
    ("heart", "adhesive bandage"): "mending heart",
    ("eye", "left speech bubble"): "eye in speech bubble",
}
_PEOPLE = frozenset({"man", "woman", "girl", "boy", "child", "adult", "baby", "person"})
_AIDS = {
    "wheelchair": "in a wheelchair",
    "motorized wheelchair": "in a powered wheelchair",
    "probing cane": "with a white cane",
}

EMOJI_SAID_ONE_BY_ONE = 5
"""Emoji in a row said one by one; more are summed up ("many emoji, mostly heart")."""
EMOJI_COUNTED = 20
"""Up to this many emoji in a row are counted aloud; more are "many"."""
EMOJI_OPEN, EMOJI_CLOSE = "\ue0f0", "\ue0f1"
"""Private-use characters around an emoji's words until :func:`set_apart` says where they
stand; the last clean-up of spoken text drops any left."""
_MARKED = re.compile("[ \t]*\ue0f0([^\ue0f0\ue0f1]*)\ue0f1[ \t]*([.!?…]+)?")
_SENTENCE_ENDED = frozenset(".!?…:")
_LEADS_ON = frozenset(
    {
        *("and", "or", "but", "a", "an", "the", "my", "your", "our", "his", "her", "their"),
        *("with", "of", "to", "for", "in", "on", "at", "from", "by", "is", "are", "was"),
        *("am", "some", "very", "so", "feel", "feeling"),
    }
)
"""Words after which an emoji stands for a word of the sentence ("proud of my 🏳️‍🌈 and
❤️‍🩹"): it is in brackets even at the end."""
_NAMES_ENDING = frozenset({"sign", "symbol", "ornament", "suit"})
_NAMES_BEGINNING = frozenset({"black", "white", "heavy"})
"""Words of Unicode's names for symbols that say nothing to a listener: "waving hand sign",
"black heart suit", "white heavy check mark"."""
_BLACK_FLAG, _END_TAG = "\U0001f3f4", "\U000e007f"
_SKIN_TONES = range(0x1F3FB, 0x1F400)
_ZERO_WIDTH_JOINER = "\u200d"
_VARIATION_SELECTORS = ("\ufe0e", "\ufe0f")


def discourse_emoji_words(name: str) -> str:
    """Words for a Discourse emoji name such as ``smile`` or ``:+1:``."""
    name = name.strip(":").lower()
    name = name.split(":t", 1)[0]  # skin tone suffix, e.g. "+1:t3"
    if name in DISCOURSE_EMOJI:
        return DISCOURSE_EMOJI[name]
    words = re.sub(r"[_\-]+", " ", name).strip()
    return words if re.search(r"[a-z]", words) else "an emoji"


def custom_emoji_words(name: str) -> str:
    """A forum's own emoji (``:ms_ribbon:``): its name, said to be an emoji, a short
    word without vowels spelt out ("M S ribbon emoji"), as forums name them after initials."""
    words = [
        " ".join(word.upper()) if len(word) <= 4 and not re.search(r"[aeiouy\d]", word) else word
        for word in discourse_emoji_words(name).split()
    ]
    return f"{' '.join(words)} emoji" if words != ["an", "emoji"] else "an emoji"


def _is_emoji(char: str) -> bool:
    code = ord(char)
    if char in UNICODE_EMOJI:
        return True
    # Pictographs, dingbats and miscellaneous symbols; not letters, digits or ° and ©.
    return unicodedata.category(char) == "So" and (
        code >= 0x1F000 or 0x2600 <= code <= 0x27BF or 0x2B00 <= code <= 0x2BFF
    )


def _emoji_name(char: str) -> str:
    if char in UNICODE_EMOJI:
        return UNICODE_EMOJI[char]
    if ord(char) in REGIONAL_INDICATORS:
        return "flag"
    words = unicodedata.name(char, "emoji").lower().split()
    while len(words) > 1 and words[-1] in _NAMES_ENDING:
        words.pop()
    # In the older symbols, "black" and "white" are filled and outlined, not colours.
    while ord(char) < 0x1F000 and len(words) > 1 and words[0] in _NAMES_BEGINNING:
        words.pop(0)
    return " ".join(words)


def _said_once(names: Sequence[str]) -> list[str]:
    return [name for i, name in enumerate(names) if i == 0 or names[i - 1] != name]


def emoji_run_words(names: Sequence[str]) -> str:
    """Words for emoji that follow one another: a few are said ("❤❤❤" is one heart, said
    warmly once); a flood is summed up, e.g. "many emoji, mostly smiling face"."""
    if len(names) <= EMOJI_SAID_ONE_BY_ONE:
        said = _said_once(names)
        # "water wave french fries" was heard as words of the sentence.
        return f"emoji: {', '.join(said)}" if len(said) > 1 else said[0]
    amount = str(len(names)) if len(names) <= EMOJI_COUNTED else "many"
    ranked = Counter(names).most_common(3)
    if len(ranked) == 1:
        return f"{amount} {ranked[0][0]} emoji"
    if ranked[0][1] * 2 > len(names):
        return f"{amount} emoji, mostly {ranked[0][0]}"
    return f"{amount} emoji, among them {', '.join(n for n, _ in ranked[:-1])} and {ranked[-1][0]}"


def marked(words: str) -> str:
    """An emoji's words, marked for :func:`set_apart`."""
    return f" {EMOJI_OPEN}{words}{EMOJI_CLOSE} "


def set_apart(text: str, *, in_brackets: bool = False) -> str:
    """``text`` with each emoji's marked words (:func:`marked`) set apart from the words
    around them, so a listener hears which is which: an emoji ending a sentence is a sentence
    of its own ("I crash less often. Smiling face."), the sentence's mark before it; one
    inside a sentence is in brackets ("glad (heart) you came"), as every one is when
    ``in_brackets`` (text said inside a sentence of voicepeer's: a poll's choice). Either
    gives a pause in espeak-ng; running on ("often smiling face") gave none."""
    out: list[str] = []
    position = 0
    for match in _MARKED.finditer(text):
        before = text[position : match.start()]
        words, mark = " ".join(match.group(1).split()), match.group(2) or ""
        following = text[match.end() :].lstrip(" \t")[:1]
        position = match.end()
        if not words:
            out.append(before + (f" {mark}" if mark else " "))
            continue
        last_word = before.rsplit(maxsplit=1)[-1].lower() if before.strip() else ""
        ends = mark or following in ("", "\n", EMOJI_OPEN) or following.isupper()
        if in_brackets or not ends or last_word in _LEADS_ON:
            out.append(f"{before} ({words}) ")
            continue
        head = before.rstrip(" \t")
        if head and not head.endswith("\n"):
            head = head.rstrip(",;")
            head += ("" if head[-1:] in _SENTENCE_ENDED else mark or ".") + " "
        out.append(f"{head}{words[:1].upper()}{words[1:]}. ")
    out.append(text[position:])
    return unmarked("".join(out))


def unmarked(text: str) -> str:
    """``text`` with emoji's words left where they are, unmarked (in a title, one line)."""
    return text.replace(EMOJI_OPEN, " ").replace(EMOJI_CLOSE, " ")


def _sequence_words(parts: Sequence[str]) -> str:
    """One emoji made of several joined by zero-width joiners, e.g. woman + wheelchair."""
    if len(parts) == 1:
        return parts[0]
    if tuple(parts) in ZWJ_SEQUENCES:
        return ZWJ_SEQUENCES[tuple(parts)]
    if all(p in _PEOPLE for p in parts):
        return "family"
    if len(parts) == 3 and parts[1] == "heart" and {parts[0], parts[2]} <= _PEOPLE:
        return "couple with heart"
    if parts[-1] in _AIDS:
        return f"{parts[0]} {_AIDS[parts[-1]]}"
    return " ".join(_said_once(parts))


def unicode_emoji_words(text: str) -> str:
    """Replace unicode emoji with their words; a run of them is said as :func:`emoji_run_words`
    and an emoji sequence joined by zero-width joiners is one emoji."""
    if text.isascii():
        return text
    text = plain_letters(text)
    out: list[str] = []
    run: list[list[str]] = []
    joining = False
    half_a_flag = ""  # a regional indicator waiting for the other of its pair
    tags = ""
    for char in text:
        if ord(char) in _SKIN_TONES or char in _VARIATION_SELECTORS:
            continue
        if ord(char) in TAGS:
            tags += char
            if char == _END_TAG and run and run[-1][-1] == _emoji_name(_BLACK_FLAG):
                run[-1][-1] = region_flag(tags[:-1])
            continue
        tags = ""
        if half_a_flag and ord(char) in REGIONAL_INDICATORS:
            run[-1][-1] = country_flag(half_a_flag, char)
            half_a_flag = ""
            continue
        half_a_flag = char if ord(char) in REGIONAL_INDICATORS else ""
        if char == _ZERO_WIDTH_JOINER:
            joining = bool(run)
            continue
        if _is_emoji(char):
            if joining:
                run[-1].append(_emoji_name(char))
            else:
                run.append([_emoji_name(char)])
            joining = False
            continue
        joining = False
        if run and (not char.isspace() or char == "\n"):
            out.append(marked(emoji_run_words([_sequence_words(p) for p in run])))
            run = []
        if not run:
            out.append(char)
    if run:
        out.append(marked(emoji_run_words([_sequence_words(p) for p in run])))
    return "".join(out)


def _runs_as_words(text: str, pattern: re.Pattern[str], words: Callable[[str], str]) -> str:
    """Each match of ``pattern`` (group 1) as ``words``; matches with only spaces between
    them are one run, said as :func:`emoji_run_words`."""
    out: list[str] = []
    run: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        between = text[position : match.start()]
        if run and between.strip():
            out.append(marked(emoji_run_words(run)))
            run = []
        if not run:
            out.append(between)
        run.append(words(match.group(1)))
        position = match.end()
    if run:
        out.append(marked(emoji_run_words(run)))
    out.append(text[position:])
    return "".join(out)


def emoticon_words(text: str) -> str:
    """``:-)`` and ``<3`` as feelings; a row of them is summed up like emoji."""
    return _runs_as_words(text, _EMOTICON_RE, EMOTICONS.__getitem__)


def shortcode_words(text: str) -> str:
    """``:smile:`` shortcodes in raw markdown (drafts, posts without cooked HTML)."""
    return _runs_as_words(text, _SHORTCODE_RE, discourse_emoji_words)


def title_words(title: str) -> str:
    """A topic title with its emoji as words: Discourse keeps emoji in titles as
    ``:shortcode:`` text (its ``fancy_title`` turns unicode ones into shortcodes too, and
    its web page draws them), which a speech engine would read as "colon tada"."""
    # In brackets, so an emoji ending a title is not heard as its last word.
    words = " ".join(
        set_apart(unicode_emoji_words(shortcode_words(title)), in_brackets=True).split()
    )
    alone = words.startswith("(") and words.endswith(")") and words.count("(") == 1
    return words[1:-1] if alone else words


def excerpt_emoji_words(text: str) -> str:
    """A piece of a post (a search blurb, a bookmark's excerpt) with its emoji as words set
    apart as in the post (:func:`set_apart`), on one line."""
    return " ".join(set_apart(unicode_emoji_words(shortcode_words(text))).split())
