"""Changing the words of one's own post by voice ("correct my post"): corrections on the
posted words, the changes named before a clear yes, nothing lost to a cancel, a stop or a
lost answer, and a change made on the web meanwhile never overwritten."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from tests.support.conversation import converse
from tests.support.members import (
    age_member_actions,
    keyed_forum,
    long_ago_said,
    member_headers,
    post_long_ago,
    post_reply,
    post_words,
    posted,
    signed_in,
)
from tests.support.transports import DropAfterSending
from tests.voice.test_assistant import first_topic_id
from tests.voice.test_post_deletion import send_own_message
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.drafts import DraftStore
from voicepeer.voice.composer import CHANGE_BASE, change_key
from voicepeer.voice.post_editing import (
    CHANGED,
    CHANGED_MEANWHILE,
    HELD_FOR_APPROVAL,
    NO_POST,
    NOTHING_CHANGED,
    STILL_WAITING,
    UNSURE,
    already_made,
    cannot_edit,
)

MINE = "I walk to the pier with my sister most mornings."
CHANGE = ["open topic one", "correct my post"]  # "change my post" too: see the first test
ASKED = "Everyone will see your post changed. Shall I change it? Say yes or no."


def _post_mine(forum: DemoForum, raw: str = MINE) -> int:
    return post_reply(forum, "demo", raw, first_topic_id(forum))


def _put_aside(forum: DemoForum, data: Path) -> int:
    """The person posts MINE, then changes "sister" to "brother" and says cancel; the
    post's id."""
    post_id = _post_mine(forum)
    lines = [*CHANGE, "replace sister with brother", "cancel"]
    converse(forum.base_url, lines, data, credentials=signed_in(forum))
    return post_id


def _saved(data: Path, post_id: int) -> tuple[str | None, str | None]:
    drafts = DraftStore(data / "outbox.sqlite3")
    return drafts.load(change_key(post_id)), drafts.load(change_key(post_id) + CHANGE_BASE)


def test_a_misheard_word_is_replaced_and_the_post_changed_after_yes(
    forum: DemoForum, data: Path
) -> None:
    post_id = _post_mine(forum)
    lines = ["open topic one", "change my post", "replace sister with brother", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    # The post just read is the person's: not read again unasked.
    assert talk.said[-4] == (
        "Changing your post posted just now. Say read it back to hear it again. Say correct "
        "and a word, or replace and the words, then send it when it is right."
    )
    assert talk.said[-3] == "Replaced sister with brother."
    assert talk.said[-2] == f"Sister becomes brother. {ASKED}"
    assert talk.said[-1] == CHANGED
    assert post_words(forum, post_id) == MINE.replace("sister", "brother")
    assert _saved(data, post_id) == (None, None)


def test_spelling_a_word_and_adding_words_then_reading_back(forum: DemoForum, data: Path) -> None:
    raw = "The doctor suggested ocrelizumab for my relapse."
    post_id = _post_mine(forum, raw)
    lines = [
        "open topic one",
        "previous",  # someone else's post: the person's newest is changed, and read out
        "edit my reply",  # in everyday words: it found no command
        "correct relapse",
        "mike sierra",
        "done",
        "it starts next month",
        "read it back",
        "send it",
        "yes",
    ]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[3].startswith(f"Changing your post posted just now. It says: {raw} ")
    assert "Changed relapse to MS." in talk.said
    new = "The doctor suggested ocrelizumab for my MS. It starts next month."
    assert f"Your post says: {new[:-1]}" in talk.said
    # Each change its own sentence: the words added were run into the word changed.
    assert talk.said[-2] == f"Relapse becomes MS. Added: It starts next month. {ASKED}"
    assert talk.said[-1] == CHANGED
    assert post_words(forum, post_id) == new


def test_add_and_words_go_at_the_end_without_the_add(forum: DemoForum, data: Path) -> None:
    # Told "What you say otherwise goes at the end", people say "add …": the "add" went in.
    post_id = _post_mine(forum)
    # "Add" said alone, a pause after it, went in as a word: it asks for the words now;
    # "save the changes" went in as words too.
    lines = [*CHANGE, "add she is faster than me", "add", "and stronger", "save the changes", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-3] == "Say the words to add."
    assert talk.said[-2] == f"Added: She is faster than me and stronger. {ASKED}"
    assert post_words(forum, post_id) == f"{MINE} She is faster than me and stronger."


def test_no_keeps_the_changes_and_cancel_puts_them_aside_for_later(
    forum: DemoForum, data: Path
) -> None:
    post_id = _post_mine(forum)
    first = [*CHANGE, "replace sister with brother", "send it", "yeah", "no", "cancel"]
    talk = converse(forum.base_url, first, data, credentials=signed_in(forum))
    assert talk.said[-3] == "Shall I change your post? Please say yes or no."
    assert talk.said[-1] == (
        "Your post stays as it was. Your changes are put aside: say correct my post to come "
        "back to them."
    )
    assert post_words(forum, post_id) == MINE
    assert _saved(data, post_id) == (MINE.replace("sister", "brother"), MINE)
    again = converse(
        forum.base_url, [*CHANGE, "send it", "yes"], data, credentials=signed_in(forum)
    )
    assert again.said[-3] == (
        "You have saved changes to your post posted just now. Sister becomes brother. Go on "
        "changing it, or say send it."
    )
    assert again.said[-1] == CHANGED
    assert post_words(forum, post_id) == MINE.replace("sister", "brother")


def _changed_on_the_web(forum: DemoForum, post_id: int, who: str = "demo") -> str:
    """``who`` changes the post on the forum's web page; its words now."""
    on_the_web = MINE.replace("most mornings", "every morning")
    changed = httpx.put(
        f"{forum.base_url}/posts/{post_id}.json",
        json={"post": {"raw": on_the_web}},
        headers=member_headers(who),
    )
    assert changed.status_code == 200, changed.text
    return on_the_web


def test_a_change_made_on_the_web_meanwhile_is_never_overwritten(
    forum: DemoForum, data: Path
) -> None:
    post_id = _put_aside(forum, data)
    on_the_web = _changed_on_the_web(forum, post_id)
    talk = converse(forum.base_url, [*CHANGE, "send it", "yes"], data, credentials=signed_in(forum))
    # Both versions are heard before anything is sent; the yes then replaces the web's.
    assert talk.said[-3].startswith(
        f"Your post was changed on the forum since you began changing it here. On the forum "
        f"it says: {on_the_web} Your version says: {MINE.replace('sister', 'brother')}"
    )
    assert talk.said[-1] == CHANGED
    assert post_words(forum, post_id) == MINE.replace("sister", "brother")


def test_a_moderators_change_to_the_post_is_told_and_read_before_the_persons_own(
    forum: DemoForum, data: Path
) -> None:
    # A stock forum tells the author when someone else edits their post ("edited").
    post_id = _put_aside(forum, data)
    on_the_web = _changed_on_the_web(forum, post_id, "ruth")
    talk = converse(forum.base_url, ["notifications", *CHANGE], data, credentials=signed_in(forum))
    assert any(": ruth edited your post in " in line for line in talk.said)
    assert talk.said[-1].startswith(
        f"Your post was changed on the forum since you began changing it here. On the forum "
        f"it says: {on_the_web}"
    )


def test_a_change_on_the_web_between_the_question_and_the_yes_is_kept(
    forum: DemoForum, data: Path
) -> None:
    post_id = _post_mine(forum)
    on_the_web = MINE.replace("most mornings", "every morning")

    class EditedOnTheWeb(httpx.HTTPTransport):
        """The helper changes the post on the web just before voicepeer's change arrives."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            if request.method == "PUT" and request.url.path == f"/posts/{post_id}.json":
                web = httpx.put(
                    f"{forum.base_url}/posts/{post_id}.json",
                    json={"post": {"raw": on_the_web}},
                    headers=member_headers("demo"),
                )
                assert web.status_code == 200, web.text
            return super().handle_request(request)

    lines = [*CHANGE, "replace sister with brother", "send it", "yes"]
    talk = converse(
        forum.base_url,
        lines,
        data,
        credentials=signed_in(forum),
        transport=EditedOnTheWeb(),
    )
    assert talk.said[-1] == CHANGED_MEANWHILE
    assert post_words(forum, post_id) == on_the_web
    assert _saved(data, post_id) == (MINE.replace("sister", "brother"), MINE)


def test_an_answer_lost_after_the_change_is_checked_on_the_post(
    forum: DemoForum, data: Path
) -> None:
    post_id = _post_mine(forum)
    lossy = DropAfterSending("PUT", rf"^/posts/{post_id}\.json$")
    lines = [*CHANGE, "replace sister with brother", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum), transport=lossy)
    assert lossy.dropped == 1
    assert talk.said[-1] == CHANGED
    assert post_words(forum, post_id) == MINE.replace("sister", "brother")
    assert _saved(data, post_id) == (None, None)


def _changed_unsure(forum: DemoForum, data: Path) -> int:
    """The person changes "sister" to "brother"; the forum makes the change, but its
    answer, and the post read again to check, are lost: the changes stay saved."""
    post_id = _post_mine(forum)
    lines = [*CHANGE, "replace sister with brother", "send it", "yes"]
    lost = {3: lambda: forum.faults.malform(f"/posts/{post_id}.json", "drop_connection")}
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum), before_line=lost)
    forum.faults.clear()
    assert talk.said[-1] == UNSURE
    assert post_words(forum, post_id) == MINE.replace("sister", "brother")
    return post_id


def test_a_change_made_though_unsure_is_told_as_made_next_time(
    forum: DemoForum, data: Path
) -> None:
    # Taken up, it was told as a change made on the forum meanwhile, both versions the same.
    post_id = _changed_unsure(forum, data)
    talk = converse(forum.base_url, ["my drafts", "open one"], data, credentials=signed_in(forum))
    assert talk.said[-1] == already_made(MINE.replace("sister", "brother")), talk.transcript
    assert DraftStore(data / "outbox.sqlite3").all() == {}
    assert post_words(forum, post_id) == MINE.replace("sister", "brother")


def test_a_change_made_though_unsure_is_not_made_a_reply_once_past_its_edit_time(
    forum: DemoForum, data: Path
) -> None:
    post_id = _changed_unsure(forum, data)
    post_long_ago(forum, post_id)
    talk = converse(forum.base_url, CHANGE, data, credentials=signed_in(forum))
    assert talk.said[-1] == already_made(MINE.replace("sister", "brother")), talk.transcript
    assert DraftStore(data / "outbox.sqlite3").all() == {}


def test_what_the_forum_does_not_allow_is_said_before_any_change(
    forum: DemoForum, data: Path
) -> None:
    nothing = converse(forum.base_url, CHANGE, data, credentials=signed_in(forum))
    assert nothing.said[-1] == NO_POST
    post_id = _post_mine(forum)
    unchanged = converse(
        forum.base_url, [*CHANGE, "send it", "cancel"], data, credentials=signed_in(forum)
    )
    assert unchanged.said[-2] == NOTHING_CHANGED
    assert unchanged.said[-1] == "Your post stays as it was."
    post_long_ago(forum, post_id)
    too_old = converse(forum.base_url, CHANGE, data, credentials=signed_in(forum))
    assert too_old.said[-1] == cannot_edit(f"your post posted {long_ago_said()}")
    assert post_words(forum, post_id) == MINE


def test_quotes_and_links_written_on_the_web_survive_a_spoken_change(
    forum: DemoForum, data: Path
) -> None:
    raw = (
        '[quote="sam, post:1, topic:1"]\nThe pier walk is long\n[/quote]\n\n'
        "The pier walk is fine with a stick, see https://example.org/pier-walk"
    )
    post_id = _post_mine(forum, raw)
    lines = [*CHANGE, "replace stick with walker", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1] == CHANGED
    assert post_words(forum, post_id) == raw.replace("stick", "walker")


def test_goodbye_while_changing_asks_first_and_keeps_the_changes(
    forum: DemoForum, data: Path
) -> None:
    post_id = _post_mine(forum)
    lines = [*CHANGE, "replace sister with brother", "quit voicepeer", "no", "quit voicepeer"]
    talk = converse(forum.base_url, [*lines, "yes"], data, credentials=signed_in(forum))
    asked = (
        "Your changes to your post are not made yet. They stay saved either way: say correct "
        "my post next time to go on. Shall I stop now? Say yes or no."
    )
    assert talk.said[-4:] == [
        asked,
        "All right, I am staying. Go on changing your post, or say send it.",
        asked,
        "Goodbye. Your changes to your post are saved: say correct my post to go on. Your "
        "place is kept for next time.",
    ]
    assert post_words(forum, post_id) == MINE
    assert _saved(data, post_id) == (MINE.replace("sister", "brother"), MINE)


def test_changes_put_aside_are_in_my_drafts_and_taken_up_from_there(
    forum: DemoForum, data: Path
) -> None:
    post_id = _put_aside(forum, data)
    talk = converse(
        forum.base_url,
        ["my drafts", "open one", "send it", "yes"],
        data,
        credentials=signed_in(forum),
    )
    assert talk.said[0].startswith("You have 1 saved draft.")
    assert "your changes to your post in Walked to the end of the pier today" in talk.said[0]
    assert talk.said[-3] == (
        "You have saved changes to your post posted just now. Sister becomes brother. Go on "
        "changing it, or say send it."
    )
    assert talk.said[-1] == CHANGED
    assert post_words(forum, post_id) == MINE.replace("sister", "brother")
    assert DraftStore(data / "outbox.sqlite3").all() == {}


def test_deleting_a_saved_change_deletes_all_of_it(forum: DemoForum, data: Path) -> None:
    post_id = _post_mine(forum)
    lines = [*CHANGE, "replace sister with brother", "cancel", "my drafts", "delete this draft"]
    converse(forum.base_url, [*lines, "yes"], data, credentials=signed_in(forum))
    assert DraftStore(data / "outbox.sqlite3").all() == {}
    assert post_words(forum, post_id) == MINE


def test_changes_to_a_post_past_its_edit_time_become_the_topics_reply(
    forum: DemoForum, data: Path
) -> None:
    post_id = _put_aside(forum, data)
    post_long_ago(forum, post_id)
    talk = converse(forum.base_url, CHANGE, data, credentials=signed_in(forum))
    assert talk.said[-1] == cannot_edit(f"your post posted {long_ago_said()}") + (
        " Your changed version is kept as your reply to this topic: say reply, then send it,"
        " to post it as a new reply."
    )
    drafts = DraftStore(data / "outbox.sqlite3")
    assert drafts.load(f"topic-{first_topic_id(forum)}") == MINE.replace("sister", "brother")
    assert _saved(data, post_id) == (None, None)


def test_a_reply_not_on_the_forum_yet_is_not_mistaken_for_an_older_post(
    forum: DemoForum, data: Path
) -> None:
    older = _post_mine(forum)
    lines = ["open topic one", "reply", "my sister walks with me", "send it", "yes", *CHANGE[1:]]
    # The forum is gone before the yes: the reply waits in the outbox.
    talk = converse(
        forum.base_url, lines, data, credentials=signed_in(forum), before_line={4: forum.stop}
    )
    assert "Your words are safe" in talk.said[-2]
    assert talk.said[-1] == STILL_WAITING
    assert _saved(data, older) == (None, None)


@pytest.mark.parametrize(
    "held",
    [{"moderated_usernames": ("demo",)}, {"moderated_words": ("pier",)}],
    # Held by a watched word, the topic does not list it: the member's own list of waiting
    # posts does.
    ids=["every post of the member", "a watched word"],
)
def test_a_reply_held_for_a_moderator_is_not_mistaken_for_an_older_post(
    tmp_path: Path, data: Path, held: dict[str, tuple[str, ...]]
) -> None:
    earlier = "My legs were heavy all day today."
    with keyed_forum(tmp_path / "held.sqlite3", **held) as forum:
        answer = posted(forum, "demo", {"topic_id": first_topic_id(forum), "raw": earlier})
        if "pending_post" in answer:  # every post of theirs is held: approved, it is older
            answer["id"] = forum.approve_pending_post(answer["pending_post"]["id"])
        older = int(answer["id"])
        lines = ["open topic one", "reply", "I walk to the pier with my sister", "send it", "yes"]
        talk = converse(forum.base_url, [*lines, *CHANGE[1:]], data, credentials=signed_in(forum))
        assert talk.said[-2].endswith("is waiting for a moderator to approve it.")
        assert talk.said[-1] == HELD_FOR_APPROVAL
        assert _saved(data, older) == (None, None)
        # Approved, it is a post like any other (here the next after the one read last).
        (waiting,) = forum.pending_post_ids()
        newer = forum.approve_pending_post(waiting)
        assert newer is not None
        lines = [CHANGE[0], "next", CHANGE[1], "replace sister with brother", "send it", "yes"]
        talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
        assert talk.said[-1] == CHANGED
        assert "my brother" in post_words(forum, newer)
        assert post_words(forum, older) == earlier


def test_a_change_of_marks_alone_is_read_whole_in_the_question(
    forum: DemoForum, data: Path
) -> None:
    post_id = _post_mine(forum, "I walk to the pier most mornings")
    lines = [*CHANGE, "full stop", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-2] == f"Your post will say: I walk to the pier most mornings. {ASKED}"
    assert talk.said[-1] == CHANGED
    assert post_words(forum, post_id) == "I walk to the pier most mornings."


def test_in_a_private_message_only_its_members_are_said_to_see_the_change(
    forum: DemoForum, data: Path
) -> None:
    send_own_message(forum)
    lines = ["my messages", "open topic two", "correct my post", "replace cafe with library"]
    talk = converse(forum.base_url, [*lines, "send it"], data, credentials=signed_in(forum))
    assert talk.said[-1] == (
        "Cafe becomes library. Everyone in this conversation will see your post changed. "
        "Shall I change it? Say yes or no."
    ), talk.transcript


def test_right_after_replying_under_ones_own_post_my_post_is_the_reply(
    forum: DemoForum, data: Path
) -> None:
    # Ruth is reading her own post (the topic's last) and replies under it: "my post" then
    # means the reply she has just posted, not the post she is reading — until she moves on.
    lines = [
        "open topic one",
        "correct my post",
        "cancel",
        "reply",
        "well done dave that is great",
        "send it",
        "yes",
        "correct my post",
        "cancel",
        "delete my post",
        "no",
        "previous",
        "next",
        "correct my post",
    ]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum, "ruth"))
    changing = [line for line in talk.said if line.startswith("Changing your post posted ")]
    ages = [line.split(".")[0].removeprefix("Changing your post posted ") for line in changing]
    # Her seeded post is less than a day old: "yesterday" or "14 hours ago", by the time
    # of day the test runs.
    assert ages[0] != "just now" and ages[1] == "just now"
    assert ages[2] == ages[0]  # read to her again: the one being read
    assert len(ages) == 3
    # Dave is in the thread: his name is written with its capital.
    assert "It says: Well done Dave that is great" in changing[1]
    deleting = "Delete your post, posted just now? It begins: Well done Dave that is great."
    assert any(line.startswith(deleting) for line in talk.said)


def test_help_while_changing_names_the_corrections_and_where_am_i(
    forum: DemoForum, data: Path
) -> None:
    _post_mine(forum)
    talk = converse(forum.base_url, [*CHANGE, "help"], data, credentials=signed_in(forum))
    assert talk.said[-1].startswith("You are changing your post. To fix a word, say correct")
    assert talk.said[-1].endswith("Where am I says where you are.")


def test_on_a_post_of_theirs_they_deleted_my_post_is_their_newest_standing(
    forum: DemoForum, data: Path
) -> None:
    # Just deleted, the post being read is theirs but gone: the one to change is the reply
    # of theirs still standing, not "no post to change".
    _post_mine(forum, "My first reply here, long enough for the forum.")
    age_member_actions(forum, 3600)  # past the limit on replies close together
    _post_mine(forum)
    lines = ["open topic one", "next", "next", "next", "previous", "delete my post", "yes"]
    talk = converse(forum.base_url, [*lines, "correct my post"], data, credentials=signed_in(forum))
    assert talk.said[-2].startswith("Your post is deleted.")
    assert talk.said[-1].startswith(f"Changing your post posted just now. It says: {MINE}")
