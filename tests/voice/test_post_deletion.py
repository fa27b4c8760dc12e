"""Deleting one's own reply by voice: only after a clear yes, the question quoting what
will go, the words kept as the draft; what the forum would refuse is said at once."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.conversation import Conversation, converse
from tests.support.members import keyed_forum, member_headers, post_reply, posted, signed_in
from tests.support.transports import DropAfterSending, ModeratorsView
from tests.voice.test_assistant import REPLY, first_topic_id, topic_posts
from voicepeer.demo_forum import DemoForum
from voicepeer.forum.drafts import DraftStore
from voicepeer.voice.error_phrases import not_signed_in
from voicepeer.voice.post_deletion import (
    FIRST_MESSAGE,
    FIRST_POST,
    KEPT,
    NONE_OF_YOURS,
    NOT_DELETED,
    UNSURE,
)
from voicepeer.voice.settings import VoiceSettings

POST_IT = ["open topic one", "reply", REPLY, "send it", "yes"]
DELETED = (
    "Your post is deleted. Its words are kept as your draft reply to this topic: say reply "
    "to post them again, changed or not. If you change your mind, say bring back my post "
    "within a day."
)


def last_post(forum: DemoForum) -> dict[str, object]:
    return topic_posts(forum, first_topic_id(forum))[-1]


HUG_TITLE = "Does anyone else get the MS hug?"
HUG_WORDS = "A tight band around my ribs since yesterday. Is this what people call the hug?"
THURSDAY_TITLE = "About Thursday"
THURSDAY_WORDS = "Could we meet at the cafe instead of the hall this week?"


def start_own_topic(forum: DemoForum) -> int:
    """The member demo starts a topic just now (nobody has replied); its id."""
    body = {"title": HUG_TITLE, "raw": HUG_WORDS, "category": 1}
    return int(posted(forum, "demo", body)["topic_id"])


def delete_first_topic(forum: DemoForum, data: Path) -> Conversation:
    """The person opens the first topic listed (their own, just started) and deletes it."""
    return converse(
        forum.base_url,
        ["open topic one", "delete my post", "yes"],
        data,
        credentials=signed_in(forum),
        settings=VoiceSettings(greeting=False, unread_first=False),
    )


def send_own_message(forum: DemoForum) -> int:
    """The member demo sends mei a message just now; its topic id."""
    body = {
        "title": THURSDAY_TITLE,
        "raw": THURSDAY_WORDS,
        "archetype": "private_message",
        "target_recipients": "mei",
    }
    return int(posted(forum, "demo", body)["topic_id"])


def test_a_reply_just_posted_is_deleted_after_yes_and_its_words_kept(
    forum: DemoForum, data: Path
) -> None:
    # Right after posting, the post being read is the one answered (Dave's): the reply
    # just posted is found as the person's newest here.
    # "Take back my reply" in everyday words: it found no command.
    talk = converse(
        forum.base_url, [*POST_IT, "take back my reply", "yes"], data, credentials=signed_in(forum)
    )
    question = talk.said[-2]
    assert question.startswith("Delete your post, posted just now? ")
    assert "It begins: Thank you for this it helps a lot to know I am…" in question
    assert question.endswith("Everyone will see that you deleted it. Say yes or no.")
    assert talk.said[-1] == DELETED
    mine = last_post(forum)
    assert mine["username"] == "demo" and mine["user_deleted"] is True
    # The words come back with "reply" in a later session, and reading it says what it is.
    later = converse(
        forum.base_url,
        ["open topic one", "reply"],
        data,
        credentials=signed_in(forum),
    )
    assert "thank you for this it helps a lot" in later.transcript.lower()


def test_regret_right_after_posting_is_asked_about_as_delete_my_post(
    forum: DemoForum, data: Path
) -> None:
    # "Unsend it" was heard as "send it" (not a command while reading), "I didn't mean to
    # send that" as nothing.
    for said in ("unsend it", "I didn't mean to send that"):
        talk = converse(forum.base_url, [*POST_IT, said, "no"], data, credentials=signed_in(forum))
        assert talk.said[-2].startswith("Delete your post, posted just now? "), said
        assert talk.said[-1] == "Your post stays."
        assert last_post(forum)["user_deleted"] is False


def test_unsend_it_at_the_list_later_asks_about_what_was_posted_last(
    forum: DemoForum, data: Path
) -> None:
    # Gone back to the topic list, "unsend it" answered "You have no new topic waiting for a
    # moderator" of a reply posted a minute before.
    lines = [*POST_IT, "latest topics", "next", "unsend it"]
    talk = converse(forum.base_url, [*lines, "yes"], data, credentials=signed_in(forum))
    assert talk.said[-2].startswith(
        "Delete your post 5 in Walked to the end of the pier today, posted just now? It begins: "
    ), talk.transcript
    assert talk.said[-1] == DELETED
    assert last_post(forum)["user_deleted"] is True


def test_undo_after_posting_names_what_takes_a_post_back(forum: DemoForum, data: Path) -> None:
    # "Undo" was "Sorry, I didn't catch that", and "undo that" "Scratch that does nothing
    # here". Deleting is public: it is named, and asked about only when said.
    for said in ("undo", "undo that"):
        talk = converse(forum.base_url, [*POST_IT, said], data, credentials=signed_in(forum))
        assert talk.said[-1].startswith(
            "Undo works while writing. To take back a post of yours, say delete my post;"
        ), said
    assert last_post(forum)["user_deleted"] is False


def test_undo_where_nothing_is_written_or_posted_says_so_briefly(
    forum: DemoForum, data: Path
) -> None:
    # At "Did you mean Sam Okafor?", "scratch that" was told about posts, likes and deleted
    # posts, none of them there.
    talk = converse(
        forum.base_url, ["message sam", "scratch that"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1].startswith("There is nothing to undo here. You are choosing whom")


def test_no_keeps_the_post_and_nothing_is_done_without_a_clear_yes(
    forum: DemoForum, data: Path
) -> None:
    lines = [*POST_IT, "delete my post", "yeah", "where am I", "no"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    # Named by its number: "where am I" names the post being read, post 1, in a topic that
    # counts the reply just posted.
    assert talk.said[-3] == "Shall I delete your post 5? Please say yes or no."
    assert talk.said[-2] == (
        "You are reading Walked to the end of the pier today, post 1 of 5. Shall I delete your "
        "post 5? Please say yes or no."
    )
    assert talk.said[-1] == "Your post stays."
    assert last_post(forum)["user_deleted"] is False


def test_someone_elses_post_with_no_reply_of_yours_is_refused_at_once(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url, ["open topic one", "delete my post"], data, credentials=signed_in(forum)
    )
    assert talk.said[-1] == NONE_OF_YOURS


def test_a_moderator_is_never_offered_to_delete_someone_elses_post(
    forum: DemoForum, data: Path
) -> None:
    # Discourse lets a moderator delete any reply: "my post" still means only their own.
    talk = converse(
        forum.base_url,
        ["open topic one", "next", "delete my post"],
        data,
        credentials=signed_in(forum),
        transport=ModeratorsView(),
    )
    assert talk.said[-1] == NONE_OF_YOURS
    assert "Delete your post" not in talk.transcript


def test_the_first_post_of_ones_own_topic_is_refused_at_once(forum: DemoForum, data: Path) -> None:
    talk = converse(
        forum.base_url,
        ["open topic one", "delete my post"],
        data,
        credentials=signed_in(forum, "dave"),  # who started topic one
        settings=VoiceSettings(greeting=False, unread_first=False),
    )
    assert talk.said[-1] == FIRST_POST


def test_read_again_a_deleted_post_says_its_author_deleted_it(forum: DemoForum, data: Path) -> None:
    converse(
        forum.base_url, [*POST_IT, "delete my post", "yes"], data, credentials=signed_in(forum)
    )
    talk = converse(
        forum.base_url,
        ["open topic one", "next", "next", "next", "next"],
        data,
        credentials=signed_in(forum, "mei"),
    )
    assert any(
        "(post deleted by author)" in line and "Its author deleted it." in line
        for line in talk.said
    )
    assert "It was edited after posting." not in talk.transcript


def test_deleted_on_the_web_meanwhile_is_said_so_and_not_asked(
    forum: DemoForum, data: Path
) -> None:
    def delete_on_the_web() -> None:
        post_id = last_post(forum)["id"]
        httpx.delete(
            f"{forum.base_url}/posts/{post_id}.json", headers=member_headers("demo")
        ).raise_for_status()

    talk = converse(
        forum.base_url,
        [*POST_IT, "delete my post"],
        data,
        credentials=signed_in(forum),
        before_line={5: delete_on_the_web},
    )
    assert talk.said[-1] == NONE_OF_YOURS
    assert "Everyone will see that you deleted it" not in talk.transcript


def test_without_an_account_nothing_is_deleted(forum: DemoForum, data: Path) -> None:
    talk = converse(forum.base_url, ["open topic one", "delete my post"], data)
    assert talk.said[-1] == not_signed_in()


def test_in_a_private_conversation_the_question_says_who_will_see(
    forum: DemoForum, data: Path
) -> None:
    lines = ["my messages", "open topic one", "reply", REPLY, "send it", "yes", "delete my post"]
    talk = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert talk.said[-1].endswith(
        "Everyone in this conversation will see that you deleted it. Say yes or no."
    )


def test_an_answer_lost_after_the_forum_deleted_it_is_checked_and_said_done(
    forum: DemoForum, data: Path
) -> None:
    lossy = DropAfterSending("DELETE", r"^/posts/\d+\.json$")
    talk = converse(
        forum.base_url,
        [*POST_IT, "delete my post", "yes"],
        data,
        credentials=signed_in(forum),
        transport=lossy,
    )
    assert talk.said[-1] == DELETED
    assert last_post(forum)["user_deleted"] is True


def test_a_failed_delete_leaves_the_post_and_no_second_copy_of_its_words(
    forum: DemoForum, data: Path
) -> None:
    def fail_the_delete() -> None:
        post_id = last_post(forum)["id"]
        forum.faults.fail_next(1, 503, path=f"/posts/{post_id}.json")

    talk = converse(
        forum.base_url,
        [*POST_IT, "delete my post", "yes", "reply"],
        data,
        credentials=signed_in(forum),
        before_line={6: fail_the_delete},
    )
    assert talk.said[-2] == NOT_DELETED
    assert last_post(forum)["user_deleted"] is False
    # "reply" starts afresh: the words were not left behind as a draft.
    assert "thank you for this" not in talk.said[-1].lower()


class ForumGoneAfterDeleting(DropAfterSending):
    """The delete's answer is lost, and the forum cannot be reached after it."""

    def __init__(self) -> None:
        super().__init__("DELETE", r"^/posts/\d+\.json$")
        self.deleted = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.deleted:
            raise httpx.ConnectError("network is unreachable")
        self.deleted = request.method == "DELETE"
        return super().handle_request(request)


def test_not_knowing_whether_it_was_deleted_keeps_the_words_and_says_so(
    forum: DemoForum, data: Path
) -> None:
    talk = converse(
        forum.base_url,
        [*POST_IT, "delete my post", "yes"],
        data,
        credentials=signed_in(forum),
        transport=ForumGoneAfterDeleting(),
    )
    assert talk.said[-1] == UNSURE + KEPT
    later = converse(
        forum.base_url, ["open topic one", "reply"], data, credentials=signed_in(forum)
    )
    assert "thank you for this it helps a lot" in later.transcript.lower()


def test_a_new_topic_of_ones_own_with_no_replies_is_deleted_whole_after_yes(
    forum: DemoForum, data: Path
) -> None:
    title, words = HUG_TITLE, HUG_WORDS
    topic_id = start_own_topic(forum)
    talk = delete_first_topic(forum, data)
    assert talk.said[-3] == (
        f"Delete your topic, {title}, started just now? It begins: A tight band around my "
        "ribs since yesterday. Is this what people… Nobody has replied yet. "
        "Everyone will see that you deleted it. Say yes or no."
    )
    assert talk.said[-2].startswith("Your topic is deleted. Its title and words are kept")
    # Closed, its first post a stub: nothing more to read or answer there.
    assert talk.said[-1].startswith("Back to the topic list. One:"), talk.transcript
    topic = httpx.get(f"{forum.base_url}/t/{topic_id}.json").json()
    assert topic["closed"] is True
    assert "(topic deleted by author)" in topic["post_stream"]["posts"][0]["cooked"]
    drafts = DraftStore(data / "outbox.sqlite3")
    assert drafts.load("new topic in 1") == words
    assert drafts.load("new topic in 1 title") == title


def test_a_deleted_topics_title_is_kept_as_written_though_said_censored(
    tmp_path: Path, data: Path
) -> None:
    title = "Does anyone else get the darn MS hug?"
    with keyed_forum(tmp_path / "forum.sqlite3", censored_words=("darn",)) as forum:
        posted(forum, "demo", {"title": title, "raw": HUG_WORDS, "category": 1})
        talk = delete_first_topic(forum, data)
    assert talk.said[-3].startswith(
        "Delete your topic, Does anyone else get the censored MS hug?, started just now?"
    )
    assert talk.said[-2].startswith("Your topic is deleted. Its title and words are kept")
    assert DraftStore(data / "outbox.sqlite3").load("new topic in 1 title") == title


def test_a_message_just_sent_is_deleted_whole_and_kept_as_a_draft_to_the_same_people(
    forum: DemoForum, data: Path
) -> None:
    # A message sent to the wrong person, or too soon: gone from the conversation, its
    # title and words kept for sending again; "bring back my post" undoes it.
    title, words = THURSDAY_TITLE, THURSDAY_WORDS
    topic_id = send_own_message(forum)
    talk = converse(
        forum.base_url,
        ["my messages", "open topic two", "delete my post", "yes"],
        data,
        credentials=signed_in(forum),
        settings=VoiceSettings(greeting=False, unread_first=False),
    )
    assert f"Two: {title}" in talk.said[0]  # after the conversation with news
    assert talk.said[-3] == (
        f"Delete your message, {title}, sent just now? It begins: Could we meet at the cafe "
        "instead of the hall this week? Nobody has replied yet. Everyone in this conversation "
        "will see that you deleted it. Say yes or no."
    )
    assert talk.said[-2] == (
        "Your message is deleted. Its title and words are kept as your draft message to Mei "
        "Lin: say message and their name to send them again, changed or not. If you change "
        "your mind, say bring back my post within a day."
    )
    assert talk.said[-1].startswith("Back to your messages. Two:"), talk.transcript
    first = httpx.get(f"{forum.base_url}/t/{topic_id}.json", headers=member_headers("mei")).json()[
        "post_stream"
    ]["posts"][0]
    assert "(topic deleted by author)" in first["cooked"] and words not in first["cooked"]
    drafts = DraftStore(data / "outbox.sqlite3")
    assert drafts.load("new message to mei") == words
    assert drafts.load("new message to mei title") == title
    back = converse(
        forum.base_url,
        ["my messages", "open topic two", "bring back my post", "yes"],
        data,
        credentials=signed_in(forum),
        settings=VoiceSettings(greeting=False, unread_first=False),
    )
    assert back.said[-2] == (
        f"Bring back your message, {title}? Everyone in this conversation will see it again. "
        "Say yes or no."
    )
    assert back.said[-1] == (
        "Your message is back, as it was. I have taken its words out of your drafts: they are "
        "on the forum again."
    )
    assert drafts.load("new message to mei") is None


def test_a_message_someone_answered_is_not_deleted_and_the_reason_is_its_own(
    forum: DemoForum, data: Path
) -> None:
    post_reply(forum, "mei", "Yes, the cafe suits me better.", send_own_message(forum))
    talk = converse(
        forum.base_url,
        ["my messages", "open topic one", "previous", "delete my post"],
        data,
        credentials=signed_in(forum),
        settings=VoiceSettings(greeting=False, unread_first=False),
    )
    assert talk.said[-1] == FIRST_MESSAGE, talk.said
