"""Saying what the forum shows about a post's author and the post itself, briefly.

Only what the forum states is said — voicepeer never rates anyone's trustworthiness.
Before the post: who the author is on the forum, in one thing (a title the forum gave, else
admin or moderator, else their group by its full name); "who wrote this" says all of it.
After it: whether it was edited, marked as the accepted answer, and how people reacted, in
one short sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from voicepeer.forum.base import Post
from voicepeer.forum.cues import PostCues, Reaction
from voicepeer.forum.peer import UserProfile
from voicepeer.speech.text.emoji import discourse_emoji_words
from voicepeer.voice import phrasing

_SMALL = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
MAX_REACTION_KINDS = 3
"""Reactions beyond the most given ones are left out: a cue, not an inventory."""

_REACTION_WORDS: dict[str, tuple[str, str]] = {
    "hugs": ("a hug", "hugs"),
    "+1": ("a thumbs up", "thumbs up"),
    "thumbsup": ("a thumbs up", "thumbs up"),
    "clap": ("applause", "applause"),
    "laughing": ("a laugh", "laughs"),
    "open_mouth": ("a surprised face", "surprised faces"),
    "pray": ("a prayer", "prayers"),
    "muscle": ("strength", "strength"),
}


def number_word(count: int) -> str:
    """Small counts as words ("three"), larger ones as digits."""
    return _SMALL[count] if count < len(_SMALL) else str(count)


GroupNamer = Callable[[str], str | None]
"""A group's full name from its short name (None when the forum gives none)."""


def _no_full_names(group: str) -> str | None:
    return None


def _slug_words(group: str) -> str:
    return " ".join(group.replace("_", " ").replace("-", " ").split())


def in_group(full_name: str) -> str:
    """ "in the MS Society nurses group"; "in the Peer Support Team" as the name says it."""
    last = full_name.rsplit(maxsplit=1)[-1].lower()
    noun = "" if last in {"group", "team", "committee", "staff", "moderators"} else " group"
    article = "" if full_name.lower().startswith("the ") else "the "
    return f"in {article}{full_name}{noun}"


def _about_author(cues: PostCues, profile: UserProfile | None, group_name: GroupNamer) -> list[str]:
    """What the forum shows about a post's author: role, title, group, member since."""
    lines = []
    group = cues.group or (profile.group if profile else None)
    parts = _roles(
        cues.admin or bool(profile and profile.admin),
        cues.moderator or bool(profile and profile.moderator),
        cues.user_title or (profile.title if profile else None),
        (group_name(group) or _slug_words(group)) if group else None,
    )
    if parts:
        lines.append(f"On this forum they are {phrasing.and_list(parts)}.")
    if profile and profile.created_at:
        lines.append(f"They joined the forum in {profile.created_at:%B %Y}.")
    return lines


def _roles(admin: bool, moderator: bool, title: str | None, group: str | None) -> list[str]:
    parts = []
    if admin:
        parts.append("a forum admin")
    elif moderator:
        parts.append("a moderator")
    if title:
        parts.append(f"titled {title}")
    if group:
        parts.append(in_group(group))
    return parts


def about_author(post: Post, group_name: GroupNamer = _no_full_names) -> str:
    """Who the author is on the forum, in one thing, said before their first post in a
    topic: " Ruth Adeyemi is titled MS nurse.", else " … is a forum admin." or " … is a
    moderator.", else " Jo Baxter is in the Peer supporters group." (only by the group's
    full name: its short name is a slug); "" when the forum shows none of these, or the
    post is the person's own."""
    cues = post.cues or PostCues()
    if cues.yours:
        return ""
    if cues.user_title:
        said = f"titled {cues.user_title}"
    elif cues.admin or cues.moderator:
        said = "a forum admin" if cues.admin else "a moderator"
    else:
        full_name = group_name(cues.group) if cues.group else None
        if not full_name:
            return ""
        said = in_group(full_name)
    return f" {phrasing.author_name(post)} is {said}."


def reaction_phrase(reaction: Reaction) -> str:
    one, many = _REACTION_WORDS.get(reaction.emoji, ("", ""))
    if not one:
        words = discourse_emoji_words(reaction.emoji)
        one, many = f"a {words} reaction", f"{words} reactions"
    return f"{number_word(reaction.count)} sent {one if reaction.count == 1 else many}"


def reactions_sentence(cues: PostCues) -> str:
    """ "Three people liked this, one sent a hug." — "" when nobody reacted."""
    parts = []
    if cues.likes:
        who = "person" if cues.likes == 1 else "people"
        parts.append(f"{number_word(cues.likes)} {who} liked this")
    parts += [reaction_phrase(r) for r in cues.reactions[:MAX_REACTION_KINDS]]
    if not parts:
        return ""
    sentence = ", ".join(parts)
    return sentence[0].upper() + sentence[1:] + "."


def about_post(post: Post) -> str:
    """What follows the post's text: " Edited after posting. Marked as the accepted answer.
    Three people liked this." — "" when there is nothing to say."""
    cues = post.cues or PostCues()
    sentences = []
    if cues.accepted_answer:
        sentences.append("This post is marked as the accepted answer.")
    if cues.deleted_by_author:  # the forum's stub says so; a deletion is no edit
        sentences.append("Its author deleted it.")
    elif cues.edited:
        sentences.append("It was edited after posting.")
    reactions = reactions_sentence(cues)
    if reactions:
        sentences.append(reactions)
    return "".join(f" {s}" for s in sentences)


def who_wrote(
    post: Post,
    profile: UserProfile | None,
    now: datetime,
    group_name: GroupNamer = _no_full_names,
) -> str:
    """The answer to "who wrote this": name, when, role, title, group, member since, and
    how many liked or reacted to the post; the person's own post is said to be theirs."""
    age = phrasing.age_of(post, now)
    cues = post.cues or PostCues()
    if cues.yours:  # who they are on the forum is no news to them
        lines = ["This post is yours" + (f", posted {age}." if age else ".")]
    else:
        lines = [f"This post is by {phrasing.author_name(post)}" + (f", {age}." if age else ".")]
        lines += _about_author(cues, profile, group_name)
    if cues.accepted_answer:
        lines.append("This post is marked as the accepted answer.")
    # Asked as "how many likes" or "who liked this" too: the post as sent counts, not names.
    lines.append(reactions_sentence(cues) or "Nobody has liked it yet.")
    if cues.liked and cues.likes:  # "Four people liked this": the person among them unsaid
        lines.append("You are one of them." if cues.likes > 1 else "That like is yours.")
    return " ".join(lines)
