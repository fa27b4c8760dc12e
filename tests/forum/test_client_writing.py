"""Posting, liking, bookmarking and notifications on the real demo forum."""

from __future__ import annotations

import httpx
import pytest

from voicepeer.demo_forum.http_api import Response
from voicepeer.errors import (
    AuthError,
    EditConflictError,
    Forbidden,
    ForumForbiddenError,
    ForumNotFoundError,
    ForumRejectedError,
    SlowModeError,
)
from voicepeer.forum.base import LikeAnswer, NewPrivateMessage, NewReply, NewTopic, PostStatus
from voicepeer.forum.credentials import Credentials, CredentialStore
from voicepeer.forum.discourse import open_discourse
from voicepeer.forum.peer import DiscoursePeer, peer_forum_for
from voicepeer.voice.error_phrases import DELETE_REFUSED, say_error

from .conftest import ADMIN_KEY, RunningForum, StartForum


def _heat_topic_id(forum: RunningForum) -> int:
    listing = forum.client("ruth").latest()
    return next(t.id for t in listing.topics if t.title.startswith("Heat"))


def test_reply_to_topic_and_to_a_post(forum: RunningForum) -> None:
    client = forum.client("demo")
    topic_id = _heat_topic_id(forum)
    outcome = client.create_post(NewReply(topic_id, "A cooling vest changed my summers."))
    assert outcome.status is PostStatus.POSTED
    assert outcome.topic_id == topic_id
    to_second = client.create_post(
        NewReply(topic_id, "Sam, I agree about the cold showers.", reply_to_post_number=2)
    )
    topic = client.topic(topic_id)
    mine = client.posts(topic_id, topic.post_ids[-2:])
    assert [p.username for p in mine] == ["demo", "demo"]
    assert mine[1].post_number == to_second.post_number
    assert mine[1].reply_to_post_number == 2


def test_lists_read_before_a_reply_are_read_again_after_it(forum: RunningForum) -> None:
    # Reused briefly otherwise, the latest list would give the count from before the reply
    # (and the topic where it was), as if the reply had not been posted.
    client = forum.client("demo")
    topic_id = _heat_topic_id(forum)
    before = next(t for t in client.latest().topics if t.id == topic_id)
    client.create_post(NewReply(topic_id, "A cooling vest changed my summers."))
    after = client.latest().topics[0]
    assert (after.id, after.posts_count) == (topic_id, before.posts_count + 1)


def test_topics_are_marked_read_one_or_all(forum: RunningForum) -> None:
    client = forum.client("demo")
    unread = {t.id for t in client.unread_topics().topics}
    new = {t.id for t in client.new_topics().topics}
    assert unread and new
    client.mark_topic_read(min(unread))
    assert min(unread) not in {t.id for t in client.unread_topics().topics}
    # Every one, with the ids the forum took off its lists.
    assert client.mark_all_read() == frozenset((unread | new) - {min(unread)})
    assert client.unread_topics().topics == () and client.new_topics().topics == ()


def test_new_topic_in_a_category(forum: RunningForum) -> None:
    client = forum.client("demo")
    good_news = next(c for c in client.categories() if c.slug == "good-news")
    outcome = client.create_topic(
        NewTopic(good_news.id, "Managed the whole garden today", "Slowly, with rests, but done!")
    )
    assert outcome.status is PostStatus.POSTED
    assert outcome.topic_id is not None
    assert client.topic(outcome.topic_id).title == "Managed the whole garden today"


def test_like_bookmark_and_notifications(forum: RunningForum) -> None:
    topic_id = _heat_topic_id(forum)
    demo = forum.client("demo")
    sam = forum.client("sam")
    mine = demo.create_post(NewReply(topic_id, "Frozen peas on the neck work for me."))
    assert mine.post_id is not None
    sam.like(mine.post_id)
    sam.create_post(
        NewReply(
            topic_id, "Peas! What a good idea, thank you.", reply_to_post_number=mine.post_number
        )
    )
    DiscoursePeer(demo).add_bookmark(mine.post_id)
    notes = demo.notifications().newest
    kinds = {n.kind for n in notes if n.topic_id == topic_id and not n.read}
    assert {"liked", "replied"} <= kinds
    replied = next(n for n in notes if n.kind == "replied" and n.topic_id == topic_id)
    assert replied.username == "sam"
    assert replied.id is not None
    demo.mark_notification_read(replied.id)
    after = demo.notifications().newest
    assert next(n for n in after if n.id == replied.id).read
    # Only that one: the like was not heard, so it stays new.
    assert not next(n for n in after if n.kind == "liked" and n.topic_id == topic_id).read


def test_a_like_answers_with_the_likes_left_today(
    start_forum: StartForum, member_limits: None
) -> None:
    forum = start_forum(max_likes_per_day=10)
    demo, sam = forum.client("demo"), forum.client("sam")
    mine = demo.create_post(NewReply(_heat_topic_id(forum), "Frozen peas on the neck work."))
    assert mine.post_id is not None
    answer = sam.like(mine.post_id)
    assert (answer.likes_left, answer.likes_a_day) == (9, 10)
    assert answer.post is not None and answer.post.cues is not None
    assert answer.post.cues.liked


def test_a_like_answered_without_counts_or_post_is_still_made(forum: RunningForum) -> None:
    # A forum whose answer has no like headers, and a body that is not a post.
    forum.server.faults.answer_next("/post_actions.json", Response.json(200, {"success": "OK"}))
    answer = forum.client("sam").like(1)
    assert answer == LikeAnswer(None)


def test_private_message_send_and_reply(forum: RunningForum) -> None:
    demo = forum.client("demo")
    outcome = demo.send_private_message(
        NewPrivateMessage(("mei",), "Snacks for the meet-up", "Shall I bring the flask?")
    )
    assert outcome.topic_id is not None
    mei = forum.client("mei")
    assert "Snacks for the meet-up" in [t.title for t in mei.private_messages().topics]
    mei.create_post(NewReply(outcome.topic_id, "Yes please, tea for two!"))
    topic = demo.topic(outcome.topic_id)
    assert topic.archetype == "private_message"
    assert [p.username for p in topic.loaded_posts] == ["demo", "mei"]


def test_moderated_reply_is_enqueued(start_forum: StartForum) -> None:
    running = start_forum(moderated_usernames=("demo",))
    topic_id = _heat_topic_id(running)
    outcome = running.client("demo").create_post(
        NewReply(topic_id, "This should wait for a moderator.")
    )
    assert outcome.status is PostStatus.ENQUEUED
    assert outcome.post_id is None


def test_find_own_post_matches_text_and_author(forum: RunningForum) -> None:
    demo = forum.client("demo")
    topic_id = _heat_topic_id(forum)
    before = demo.newest_post_id(topic_id)
    raw = "Line one of my reply.\n\nLine two, with café and 😀."
    posted = demo.create_post(NewReply(topic_id, raw))
    found = demo.find_own_post(topic_id, raw + "\n", before)
    assert found is not None and found.post_id == posted.post_id
    assert found.status is PostStatus.POSTED and found.post_number == posted.post_number
    assert demo.newest_post_id(topic_id) == posted.post_id
    assert demo.find_own_post(topic_id, "Something I never said.", before) is None
    assert forum.client("sam").find_own_post(topic_id, raw, before) is None
    # Only posts after the noted one count: an older post with the same words is not it.
    assert demo.find_own_post(topic_id, raw, posted.post_id) is None


def test_find_own_post_looks_past_a_busy_topic(forum: RunningForum) -> None:
    demo = forum.client("demo")
    others = (forum.client("sam"), forum.client("mei"))
    topic_id = _heat_topic_id(forum)
    before = demo.newest_post_id(topic_id)
    raw = "Posted just before the connection dropped."
    demo.create_post(NewReply(topic_id, raw))
    for n in range(45):  # others keep talking while the user is offline
        others[n % 2].create_post(NewReply(topic_id, f"Busy conversation, message number {n}."))
    assert demo.find_own_post(topic_id, raw, before) is not None


@pytest.mark.parametrize(
    "moderation",
    [
        {"moderated_words": ("approve",)},  # like a watched word: only /posts/{user}/pending
        {"moderated_usernames": ("demo",)},  # a site queue: listed in the topic itself
    ],
)
def test_a_reply_waiting_for_a_moderator_is_found_and_listed(
    start_forum: StartForum, moderation: dict[str, tuple[str, ...]]
) -> None:
    running = start_forum(**moderation)
    demo = running.client("demo")
    topic_id = _heat_topic_id(running)
    before = demo.newest_post_id(topic_id)
    raw = "Please approve this one, it waits for a moderator."
    assert demo.create_post(NewReply(topic_id, raw)).status is PostStatus.ENQUEUED
    found = demo.find_own_post(topic_id, raw, before)
    assert found is not None and found.status is PostStatus.ENQUEUED
    assert running.client("sam").find_own_post(topic_id, raw, before) is None
    assert demo.find_own_post(topic_id, "Please approve a different text.", before) is None
    (waiting,) = demo.own_waiting_posts(topic_id)
    assert waiting.raw == raw and waiting.created_at is not None
    assert running.client("sam").own_waiting_posts(topic_id) == ()
    assert running.server.approve_pending_post(running.server.pending_post_ids()[0])
    found = demo.find_own_post(topic_id, raw, before)  # approved: now a post of its own
    assert found is not None and found.status is PostStatus.POSTED
    assert demo.own_waiting_posts(topic_id) == ()


def test_asking_for_ones_waiting_posts_in_a_topic_is_one_request(forum: RunningForum) -> None:
    """Asked before "delete my post" and the like: the member's own list of held posts
    answers for every kind of holding at once."""
    demo = forum.client("demo")
    topic_id = _heat_topic_id(forum)
    before = demo.requests_made
    assert demo.own_waiting_posts(topic_id) == ()
    assert demo.requests_made == before + 1


@pytest.mark.parametrize(
    "moderation",
    [{"moderated_words": ("approve",)}, {"moderated_usernames": ("demo",)}],
)
def test_a_reply_waiting_for_a_moderator_is_withdrawn_by_its_author_only(
    start_forum: StartForum, moderation: dict[str, tuple[str, ...]]
) -> None:
    running = start_forum(**moderation)
    demo = running.client("demo", user_api_key=True)
    topic_id = _heat_topic_id(running)
    raw = "Please approve this one, or let me take it back."
    assert demo.create_post(NewReply(topic_id, raw)).status is PostStatus.ENQUEUED
    (waiting,) = demo.own_waiting_posts(topic_id)
    queue_id = waiting.id
    assert queue_id is not None and queue_id == running.server.pending_post_ids()[0]
    # ReviewablesController#destroy finds only the author's own: a 404 for anyone else.
    with pytest.raises(ForumNotFoundError):
        running.client("sam", user_api_key=True).withdraw_waiting_post(queue_id)
    # An admin API key is refused for a member who is not an admin.
    with pytest.raises(ForumForbiddenError):
        running.client("demo").withdraw_waiting_post(queue_id)
    demo.withdraw_waiting_post(queue_id)
    assert demo.own_waiting_posts(topic_id) == ()
    assert running.server.pending_post_ids() == []
    assert demo.find_own_post(topic_id, raw, None) is None  # never posted
    with pytest.raises(ForumNotFoundError):  # gone: nothing left to withdraw
        demo.withdraw_waiting_post(queue_id)


def test_a_reply_a_moderator_approved_can_no_longer_be_withdrawn(
    start_forum: StartForum,
) -> None:
    running = start_forum(moderated_usernames=("demo",))
    demo = running.client("demo", user_api_key=True)
    topic_id = _heat_topic_id(running)
    raw = "Approved before I could change my mind."
    demo.create_post(NewReply(topic_id, raw))
    (waiting,) = demo.own_waiting_posts(topic_id)
    assert waiting.id is not None
    assert running.server.approve_pending_post(waiting.id) is not None
    with pytest.raises(ForumNotFoundError):
        demo.withdraw_waiting_post(waiting.id)
    found = demo.find_own_post(topic_id, raw, None)
    assert found is not None and found.status is PostStatus.POSTED


def test_an_admin_withdraws_their_own_waiting_reply_through_the_admin_key(
    start_forum: StartForum,
) -> None:
    """With an admin API key Discourse withdraws the post of the member named by
    ``username`` (fetch_user_from_params): the client names its own account."""
    running = start_forum(moderated_words=("approve",))
    ruth = running.client("ruth")
    topic_id = _heat_topic_id(running)
    ruth.create_post(NewReply(topic_id, "Even an admin's words wait to approve here."))
    (waiting,) = ruth.own_waiting_posts(topic_id)
    assert waiting.id is not None
    ruth.withdraw_waiting_post(waiting.id)
    assert ruth.own_waiting_posts(topic_id) == ()


def test_open_discourse_uses_the_saved_account(forum: RunningForum) -> None:
    anonymous = open_discourse(forum.base_url)
    assert anonymous.latest().topics  # reading needs no account
    with pytest.raises(AuthError) as caught:
        anonymous.private_messages()
    assert "voicepeer forum connect" in say_error(caught.value)
    anonymous.close()
    CredentialStore().save(Credentials(forum.base_url, "admin_api_key", ADMIN_KEY, "mei"))
    with open_discourse(forum.base_url) as client:
        assert client.username() == "mei"
        assert client.cache is not None


def test_find_own_post_in_a_mega_topic(start_forum: StartForum) -> None:
    """Mega topics list no post ids: the newest posts are paged by post number."""
    running = start_forum(mega_topic_posts_count=30)
    topic_id = running.server.seed_long_topic(60)
    demo = running.client("demo")
    before = demo.newest_post_id(topic_id)
    assert before is not None and before > 0
    raw = "Written in a topic far too long to list every post."
    posted = demo.create_post(NewReply(topic_id, raw))
    others = (running.client("sam"), running.client("mei"))
    for n in range(25):  # others keep talking: the reply is no longer in the newest chunk
        others[n % 2].create_post(NewReply(topic_id, f"Mega topic chatter {n}, yes."))
    found = demo.find_own_post(topic_id, raw, before)
    assert found is not None and found.post_id == posted.post_id
    assert demo.find_own_post(topic_id, raw, posted.post_id) is None


def test_a_bookmarked_posts_emoji_and_links_are_read_as_words(forum: RunningForum) -> None:
    # A bookmark's excerpt is PrettyText.excerpt(cooked, 300, keep_emoji_images: true):
    # HTML with the emoji picture and the link kept, cut mid-word with "&hellip;"; a search
    # blurb is the scrubbed text with the emoji code and the outside address written in.
    demo = forum.client("demo")
    raw = (
        "So glad the vest helped :heart: see [the MS Society page]"
        "(https://www.mssociety.org.uk/care) for more. " + "Cooling down slowly helps. " * 12
    )
    mine = demo.create_post(NewReply(_heat_topic_id(forum), raw))
    assert mine.post_id is not None
    peer = peer_forum_for(demo)
    assert peer is not None
    peer.add_bookmark(mine.post_id)
    (saved,) = [b for b in peer.bookmarks() if b.post_number == mine.post_number]
    assert saved.excerpt.startswith(
        "So glad the vest helped (heart) see the MS Society page (link to mssociety.org.uk) "
    )
    assert saved.excerpt.endswith(" …") and "<" not in saved.excerpt and "&" not in saved.excerpt
    assert saved.excerpt.split()[-2] in {"Cooling", "down", "slowly", "helps."}  # no fragment
    (hit,) = [h for h in demo.search("vest helped").hits if h.post_number == mine.post_number]
    assert hit.excerpt.startswith(
        "So glad the vest helped (heart) see a link to mssociety.org.uk the MS Society page"
    )


def test_an_own_reply_is_deleted_and_anothers_refused_with_the_reason(
    forum: RunningForum,
) -> None:
    demo = forum.client("demo")
    mine = demo.create_post(NewReply(_heat_topic_id(forum), "Frozen peas on the neck work."))
    assert mine.post_id is not None
    before = demo.post(mine.post_id)
    assert before.cues is not None and before.cues.yours and before.cues.can_delete
    demo.delete_post(mine.post_id)
    after = demo.post(mine.post_id)
    assert after.raw == "(post deleted by author)"
    assert after.cues is not None and after.cues.deleted_by_author and not after.cues.can_delete
    with pytest.raises(ForumForbiddenError) as refused:
        forum.client("sam").delete_post(before.id)
    assert refused.value.kind is Forbidden.DELETE_REFUSED
    assert say_error(refused.value) == DELETE_REFUSED
    assert after.cues.can_recover
    with pytest.raises(ForumForbiddenError) as not_hers:
        forum.client("sam").recover_post(before.id)
    assert not_hers.value.kind is Forbidden.RECOVER_REFUSED
    assert "only you can bring back your own" in say_error(not_hers.value)
    back = demo.recover_post(mine.post_id)  # the post as it now is, with its words
    assert back.raw == "Frozen peas on the neck work."
    assert back.cues is not None and not back.cues.deleted_by_author and back.cues.can_delete
    assert not back.cues.can_recover


def test_an_own_new_topic_is_deleted_whole_and_one_with_a_reply_refused(
    forum: RunningForum,
) -> None:
    demo = forum.client("demo")
    category = next(c for c in demo.categories() if c.slug == "good-news")
    lone = demo.create_topic(
        NewTopic(category.id, "Walked to the shop today", "All the way there and back!")
    )
    answered = demo.create_topic(
        NewTopic(category.id, "Slept through the night", "At last, a whole night of sleep!")
    )
    assert lone.topic_id is not None and answered.topic_id is not None
    forum.client("sam").create_post(NewReply(answered.topic_id, "So glad to hear it, well done."))
    assert demo.topic(lone.topic_id).can_delete
    assert not demo.topic(answered.topic_id).can_delete
    assert not forum.client("sam").topic(lone.topic_id).can_delete
    demo.delete_topic(lone.topic_id)
    after = demo.topic(lone.topic_id, fresh=True)
    assert after.closed and not after.can_delete
    with pytest.raises(ForumRejectedError):
        demo.delete_topic(answered.topic_id)
    demo.recover_topic(lone.topic_id)
    again = demo.topic(lone.topic_id, fresh=True)
    assert not again.closed and again.can_delete
    with pytest.raises(ForumForbiddenError) as refused:
        demo.recover_topic(answered.topic_id)  # never deleted
    assert refused.value.kind is Forbidden.RECOVER_REFUSED


def test_an_own_topics_title_is_changed_and_anothers_refused(forum: RunningForum) -> None:
    demo = forum.client("demo")
    category = next(c for c in demo.categories() if c.slug == "good-news")
    made = demo.create_topic(
        NewTopic(category.id, "Walked to the shop today", "All the way there and back!")
    )
    assert made.topic_id is not None
    assert demo.topic(made.topic_id).can_edit
    assert not forum.client("sam").topic(made.topic_id).can_edit
    # The forum tidies it as it would a new topic's: the first word given its capital.
    changed = demo.retitle_topic(
        made.topic_id, "walked to the shop and back", original="Walked to the shop today"
    )
    assert changed == "Walked to the shop and back"
    assert demo.topic(made.topic_id, fresh=True).title == changed
    with pytest.raises(ForumForbiddenError):
        forum.client("sam").retitle_topic(made.topic_id, "Not my topic to rename")
    with pytest.raises(ForumRejectedError) as too_short:
        demo.retitle_topic(made.topic_id, "Shop")
    assert "too short" in " ".join(too_short.value.errors)
    with pytest.raises(EditConflictError):
        demo.retitle_topic(made.topic_id, "Walked all the way", original="Walked to the shop today")


def test_an_own_reply_is_edited_and_anothers_refused(forum: RunningForum) -> None:
    demo = forum.client("demo")
    mine = demo.create_post(NewReply(_heat_topic_id(forum), "Frozen peas on the neck work."))
    assert mine.post_id is not None
    before = demo.post(mine.post_id)
    assert before.cues is not None and before.cues.can_edit
    assert not forum.client("sam").post(mine.post_id).cues.can_edit  # type: ignore[union-attr]
    longer = "Frozen peas on the neck work.\n\nA damp flannel does too."
    after = demo.edit_post(mine.post_id, longer)  # the post as it now is, with its words
    assert after.raw == longer and "damp flannel" in after.cooked
    with pytest.raises(ForumForbiddenError):
        forum.client("sam").edit_post(mine.post_id, longer + " Not mine.")
    with pytest.raises(ForumRejectedError) as too_short:
        demo.edit_post(mine.post_id, "Peas.")
    assert "too short" in " ".join(too_short.value.errors)


def test_a_reply_refused_in_slow_mode_says_how_long_to_wait(forum: RunningForum) -> None:
    topic_id = _heat_topic_id(forum)
    slowed = httpx.put(
        f"{forum.base_url}/t/{topic_id}/slow_mode",
        json={"seconds": 600},
        headers={"Api-Key": ADMIN_KEY, "Api-Username": "ruth"},
    )
    assert slowed.status_code == 200
    demo = forum.client("demo")
    demo.create_post(NewReply(topic_id, "Frozen peas on the neck work for me."))
    with pytest.raises(SlowModeError) as held:
        demo.create_post(NewReply(topic_id, "And a damp flannel does too, I find."))
    assert held.value.interval_seconds == 600
    assert 540 < held.value.wait_seconds <= 600  # from the page's user_last_posted_at
    topic = demo.topic(topic_id, fresh=True)
    assert topic.slow_mode_seconds == 600 and topic.user_last_posted_at is not None
