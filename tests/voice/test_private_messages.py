"""Private messages by voice against the real demo forum over loopback: the inbox, reading
and answering a conversation, and starting one with a person found by how their name was
heard — each sent only after a yes to a question that names who will see it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.support.conversation import converse
from tests.support.members import as_member, signed_in
from voicepeer.demo_forum import DemoForum
from voicepeer.voice.states import State

MESSAGE = "would you like to meet for lunch next week"


def inbox(forum: DemoForum, username: str) -> list[dict[str, Any]]:
    listing = as_member(forum, f"/topics/private-messages/{username}.json", username)
    return list(listing["topic_list"]["topics"])


def test_read_and_answer_a_private_message(forum: DemoForum, tmp_path: Path) -> None:
    topic_id = inbox(forum, "demo")[0]["id"]
    talk = converse(
        forum.base_url,
        [
            "my messages",
            "open topic one",
            "reply",
            "thank you sam that means a lot",
            "send it",
            "let me think",
            "no",
            "send it",
            "yes",
            "back",
            "where am i",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[0].startswith(
        "1 private conversation, 1 with new messages. One: "
        "Checking in after your first week, by sam"
    )
    assert talk.said[1].startswith("Checking in after your first week, a private conversation.")
    question = next(line for line in talk.said if "Shall I send it?" in line)
    assert "It will be sent privately, to Sam Okafor, on the voicepeer demo forum." in question
    assert talk.said_after(question)[0] == (
        "Take your time. Shall I send your private reply? Please say yes or no."
    )
    # "No" to "Shall I send it?" was answered "I have not posted it".
    assert talk.said_after(question)[1].startswith("All right, I have not sent it.")
    # Sent, as asked ("Shall I send it?"): not "posted", which sounds public.
    assert talk.said[-3] == "Your reply to Checking in after your first week is sent."
    # Back where the conversation was opened from, not "the topic list".
    assert talk.said[-2].startswith("Back to your messages. One: Checking in after your first")
    assert talk.said[-1].startswith("You are in your messages, on topic 1 of 1: Checking in")
    posts = as_member(forum, f"/t/{topic_id}.json")["post_stream"]["posts"]
    assert [p["username"] for p in posts].count("demo") == 2  # one seeded, one now
    assert "means a lot" in posts[-1]["cooked"]


def test_read_my_private_message_opens_the_inbox(forum: DemoForum, tmp_path: Path) -> None:
    # It was "Who would you like to write to? Say their name.": a new message begun.
    talk = converse(
        forum.base_url,
        ["read my private message"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[-1].startswith("1 private conversation, 1 with new messages. One: "), (
        talk.transcript
    )


def test_who_will_see_a_private_reply_is_said_before_it_is_written(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url,
        ["my messages", "open topic one", "reply", "see you soon", "cancel", "reply"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[3] == (
        "Replying privately to Sam Okafor in Checking in after your first week. Only you "
        "and Sam Okafor will see it. Say your reply, then say send it. Take your time."
    )
    # Taken up again, the saved reply says it too, before its words.
    assert (
        "It answers Sam Okafor. Only you and Sam Okafor will see it. It says: See you"
        in (talk.said[-1])
    )


def test_a_public_reply_says_nothing_of_being_private(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(
        forum.base_url,
        ["latest topics", "open topic one", "reply"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[-1].startswith("Replying to ")
    assert "privately" not in talk.said[-1] and "Only you" not in talk.said[-1]


def test_start_a_message_to_a_person_found_by_how_the_name_sounds(
    forum: DemoForum, tmp_path: Path
) -> None:
    before = len(inbox(forum, "mei"))
    talk = converse(
        forum.base_url,
        [
            "latest topics",
            "message pria",
            "no",
            "may",
            "yes",
            "lunch",
            MESSAGE,
            "send it",
            "where am i",
            "no",
            "send it",
            "who will see it",
            "yes",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    said = talk.said
    assert "Did you mean Priya Nair? Say yes or no." in said
    assert "Did you mean Mei Lin? Say yes or no." in said
    question = next(line for line in said if "Shall I send it?" in line)
    assert question == (
        "Your message, titled Lunch, says: Would you like to meet for lunch next week. "
        "It will be sent privately, to Mei Lin, on the voicepeer demo forum. "
        "Shall I send it? Say yes or no."
    )
    assert said[-3] == said[-2] == question  # "who will see it": the question again
    assert (
        "You are writing a message to Mei Lin. It has 9 words so far. Shall I send your message? "
        "Please say yes or no." in said
    )
    assert said[-1] == "Your message, Lunch, is sent."
    assert talk.assistant is not None and talk.assistant.state is State.BROWSING
    mine = inbox(forum, "mei")
    assert len(mine) == before + 1 and mine[0]["title"] == "Lunch"
    first = as_member(forum, f"/t/{mine[0]['id']}.json", "mei")["post_stream"]["posts"][0]
    assert first["username"] == "demo" and "lunch next week" in first["cooked"]


def test_her_or_the_author_while_reading_is_the_posts_author(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Send her a message" looked for someone called "her"; "write to" found no command.
    talk = converse(
        forum.base_url,
        [
            "latest topics",
            "open topic two",
            "send her a message",
            "cancel",
            "message",
            "the author",
            "cancel",
            "write to mei",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    author = next(line for line in talk.said if line.startswith("Post 1 of "))
    assert ", by Priya Nair, " in author
    # "Her" may be someone the post is about: asked. "The author" is plain: taken.
    asked = [line for line in talk.said if line.startswith(("Did you mean", "Writing to"))]
    assert asked[:2] == [
        "Did you mean Priya Nair? Say yes or no.",
        "Writing to Priya Nair. What is your message about? Say a short title.",
    ]
    # Mei wrote in the topic, and "mei" is her username, said exactly: no question.
    assert talk.said[-1].startswith("Writing to Mei Lin."), talk.transcript


def test_reply_privately_at_ones_own_post_writes_to_nobody(
    forum: DemoForum, tmp_path: Path
) -> None:
    # It offered the person themself ("Did you mean Demo Member?"), and a yes wrote to them.
    lines = ["latest topics", "open topic three", "first post", "reply", "privately"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-1] == (
        "You wrote this post. To write to someone privately, say message and their name. Or "
        "say cancel."
    ), talk.transcript


def test_a_command_said_for_a_name_is_followed_not_searched_for(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "My messages" was asked about as a name ("Did you mean Mei Lin?"), "read my
    # notifications" searched for ("I could not find anyone called read my notifications").
    own_post = ["latest topics", "open topic three", "first post", "reply privately"]
    lines = [*own_post, "my messages"]
    talk = converse(forum.base_url, lines, tmp_path / "a", credentials=signed_in(forum))
    assert talk.said[-2] == "Message cancelled.", talk.transcript
    assert talk.said[-1].startswith("1 private conversation, 1 with new messages. One: Checking")
    lines = ["message", "read my notifications"]
    asked = converse(forum.base_url, lines, tmp_path / "b", credentials=signed_in(forum))
    question = asked.said.index("Who would you like to write to? Say their name.")
    assert asked.said[question + 1] == "Message cancelled.", asked.transcript
    assert "sent you a private message" in asked.transcript
    assert asked.assistant is not None and asked.assistant.state is State.BROWSING
    # A name, or the command that asks for one said with it, is still a name.
    for index, said in enumerate(("Sam", "message Sam")):
        named = converse(
            forum.base_url, ["message", said], tmp_path / str(index), credentials=signed_in(forum)
        )
        assert named.said[-1].startswith(("Did you mean Sam Okafor?", "Writing to Sam Okafor")), (
            named.transcript
        )


def test_a_one_word_title_waits_for_the_rest_said_after_a_pause(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Open", a pause, then "day at the MS centre": the title was "Open", and the rest the
    # message's first words.
    lines = ["message priya", "yes", "open", "day at the MS centre", MESSAGE, "send it", "yes"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said_after("Say a short title.")[:2] == [
        "I heard: Open. Is that the whole title? Say yes, or say the rest of it.",
        "The title is: Open day at the MS centre. Now say your message, then say send it. "
        "Take your time.",
    ]
    assert "Your message, titled Open day at the MS centre, says: Would you like" in talk.transcript
    assert talk.said[-1] == "Your message, Open day at the MS centre, is sent."
    assert inbox(forum, "priya")[0]["title"] == "Open day at the MS centre"


def test_a_one_word_title_then_the_message_keeps_both(forum: DemoForum, tmp_path: Path) -> None:
    # Asked whether "Lunch" is the whole title, the person said their message: a sentence
    # is no rest of a title.
    lines = ["message priya", "yes", "lunch", MESSAGE, "yes", "read it back"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said_after("Is that the whole title?")[0] == (
        "The title is: Lunch. It says: Would you like to meet for lunch next week. Keep "
        "talking to add to it, or say send it."
    )
    # The "yes" said late to the question is no consent: nothing is sent without "send it".
    assert talk.said[-1].startswith("Your message, titled Lunch, says: Would you like")
    assert not any(t["title"] == "Lunch" for t in inbox(forum, "priya"))
    # Short, but begun as a sentence is: the message too.
    lines = ["message priya", "yes", "coffee", "see you soon", "read it back"]
    short = converse(forum.base_url, lines, tmp_path / "short", credentials=signed_in(forum))
    assert short.said_after("Is that the whole title?")[0].startswith(
        "The title is: Coffee. It says: See you soon."
    )


def test_the_name_of_the_person_written_to_keeps_its_capital_in_the_title(
    forum: DemoForum, tmp_path: Path
) -> None:
    # The message's words had "Sam", its title "Hello sam".
    lines = ["message sam", "yes", "hello sam"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-1].startswith("The title is: Hello Sam. "), talk.transcript
    early = converse(
        forum.base_url,
        ["message sam about lunch with sam", "yes"],
        tmp_path / "early",
        credentials=signed_in(forum),
    )
    assert "The title is: Lunch with Sam." in early.transcript, early.transcript


def test_nothing_is_sent_without_yes_and_the_message_is_kept(
    forum: DemoForum, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    before = len(inbox(forum, "jo"))
    talk = converse(
        forum.base_url,
        [
            "message jo",
            "yes",
            "hello",
            MESSAGE,
            "send it",
            "what",
            "cancel",
        ],
        data,
        credentials=signed_in(forum),
    )
    assert "Shall I send your message? Please say yes or no." in talk.said
    assert talk.said[-1] == (
        "Message put aside. It is saved: say message Jo Baxter to come back to it."
    )
    assert len(inbox(forum, "jo")) == before
    again = converse(
        forum.base_url,
        ["message jo baxter", "yes", "send it", "yes"],
        data,
        credentials=signed_in(forum),
    )
    assert any(
        line.startswith("You have a saved message to Jo Baxter, titled Hello. It says: Would you")
        for line in again.said
    )
    assert again.said[-1] == "Your message, Hello, is sent."
    assert len(inbox(forum, "jo")) == before + 1


def test_a_name_nobody_has_and_a_cancel(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(
        forum.base_url,
        [
            "open topic one",
            "send a message",
            "zebedee",
            "p r i y a",
            "cancel",
        ],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert "Who would you like to write to? Say their name." in talk.said
    assert talk.said[-3].startswith("I could not find anyone called zebedee on the forum.")
    assert talk.said[-2] == "Did you mean Priya Nair? Say yes or no."
    assert talk.said[-1].startswith("Message cancelled. You are reading")
    assert talk.assistant is not None and talk.assistant.state is State.READING


def test_a_writer_of_the_topic_named_after_a_pause_is_written_to(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "Message", a pause, then "priya" while reading her topic ended voicepeer: the name
    # plainly meant went to the title with no state allowed to.
    lines = ["latest topics", "open topic three", "message", "priya", "cancel"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-3:-1] == [
        "Who would you like to write to? Say their name.",
        "Writing to Priya Nair. What is your message about? Say a short title.",
    ]
    assert talk.said[-1].startswith("Message cancelled. You are reading")
    assert talk.assistant is not None and talk.assistant.state is State.READING


def test_a_command_said_for_the_title_is_not_the_title(forum: DemoForum, tmp_path: Path) -> None:
    # Two letters make a message's title: "yes" said once more, or "send it", became it.
    lines = ["message priya", "yes", "yes", "send it", "next", "sleep problems", "cancel"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[2:6] == [
        "I did not take yes as the title: it is a command. Say the title, or say cancel.",
        "I did not take send it as the title: it is a command. Say the title, or say cancel.",
        "I did not take next as the title: it is a command. Say the title, or say cancel.",
        "The title is: Sleep problems. Now say your message, then say send it. Take your time.",
    ]


def test_private_message_and_a_name_writes_to_them(forum: DemoForum, tmp_path: Path) -> None:
    # "Private message Ruth" opened the inbox; "Ruth and Sam" left Sam out unsaid.
    data, creds = tmp_path / "data", signed_in(forum)
    talk = converse(forum.base_url, ["private message ruth"], data, credentials=creds)
    assert talk.said[-1] == "Did you mean Ruth Adeyemi? Say yes or no."
    talk = converse(forum.base_url, ["message ruth and sam"], data, credentials=creds)
    assert talk.said[-2:] == [
        # "First" promised Sam next, and nothing came of it.
        "I can write to one person at a time, so to Ruth now. To write to Sam as well, say "
        "message Sam afterwards.",
        "Did you mean Ruth Adeyemi? Say yes or no.",
    ]


def test_cancel_after_the_title_keeps_the_title(forum: DemoForum, tmp_path: Path) -> None:
    # "Message cancelled." threw away the title said, where goodbye keeps it.
    lines = ["message sam", "yes", "checking in", "cancel", "my drafts"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-2] == (
        "Message put aside. Its title is saved: say message Sam Okafor to come back to it."
    )
    assert talk.said[-1].startswith(
        "You have 1 saved draft. One: your message to Sam Okafor, titled Checking in, "
    )


def test_goodbye_for_a_name_or_a_title_is_goodbye(forum: DemoForum, tmp_path: Path) -> None:
    # It was looked for as a person's name, or taken as the title.
    for lines in (["send a message", "goodbye"], ["message priya", "yes", "goodbye"]):
        talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
        assert talk.said[-1] == "Goodbye. Your place is kept for next time."
        assert talk.assistant is not None and talk.assistant.finished


def test_signed_out_hears_how_to_sign_in(forum: DemoForum, tmp_path: Path) -> None:
    talk = converse(forum.base_url, ["my messages", "message sam"], tmp_path / "data")
    assert all("voicepeer forum connect" in line for line in talk.said)


def test_the_person_offered_is_named_when_the_question_is_asked_again(
    forum: DemoForum, tmp_path: Path
) -> None:
    talk = converse(
        forum.base_url,
        ["message sam", "purple elephants", "next", "yes"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    asked = "Did you mean Sam Okafor? Please say yes or no."
    assert talk.said[1] == asked  # not understood: the question again, naming him
    assert (
        talk.said[2]
        == f"Next does nothing here. You are choosing whom to write to. Say cancel to stop. {asked}"
    )
    assert talk.said[3].startswith("Writing to Sam Okafor.")


def test_another_name_answers_did_you_mean(forum: DemoForum, tmp_path: Path) -> None:
    # "No, I meant Mei" and "Mei Lin" were asked again ("Please say yes or no"): the name
    # said instead is looked up, as after a no; "that's her" picks the one offered.
    lines = ["message pria", "no I meant mei", "the other one", "Sam Okafor", "that's him"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said == [
        "Did you mean Priya Nair? Say yes or no.",
        "Did you mean Mei Lin? Say yes or no.",
        "Please say their name again, or spell it. Or say cancel.",
        "Did you mean Sam Okafor? Say yes or no.",
        "Writing to Sam Okafor. What is your message about? Say a short title.",
    ]
    lines = ["message pria", "Mei Lin", "kettle is boiling", "Mei", "yes"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    asked_again = "Did you mean Mei Lin? Please say yes or no."
    # Words that name nobody are no answer; the name offered, said again, is none either.
    assert talk.said[1:4] == ["Did you mean Mei Lin? Say yes or no.", asked_again, asked_again]
    assert talk.said[-1].startswith("Writing to Mei Lin.")


def test_going_back_past_the_first_message_names_a_conversation(
    forum: DemoForum, tmp_path: Path
) -> None:
    lines = ["my messages", "previous"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[-1] == "This is the first conversation."
    # The latest topics are still topics.
    talk = converse(forum.base_url, ["latest topics", "previous"], tmp_path / "data")
    assert talk.said[-1] == "This is the first topic."


def test_message_sam_about_something_takes_that_as_the_title(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "About my infusion" was dropped, and the title asked for anyway.
    talk = converse(
        forum.base_url,
        ["message sam about my infusion", "yes", "yes"],
        tmp_path / "data",
        credentials=signed_in(forum),
    )
    assert talk.said[-3:-1] == [
        "Writing to Sam Okafor.",
        "The title is: My infusion. Now say your message, then say send it. Take your time.",
    ]
    # A lone yes written into a message is said to be, and sending is named as sending.
    assert talk.said[-1] == (
        'I added "yes" to your message. To send it, say send it. To take the word out, say '
        "scratch that."
    )


def test_a_title_said_with_message_replaces_a_saved_ones_and_it_can_come_back(
    forum: DemoForum, tmp_path: Path
) -> None:
    # The saved title was kept and "the new drug" dropped, said only to be changeable.
    data = tmp_path / "data"
    saved = ["message priya about cooling vests", "yes", MESSAGE, "cancel"]
    converse(forum.base_url, saved, data, credentials=signed_in(forum))
    lines = ["message priya about the new drug", "yes", "change the title", "cooling vests"]
    back = converse(forum.base_url, [*lines, "send it", "yes"], data, credentials=signed_in(forum))
    assert back.said[1:3] == [
        "You have a saved message to Priya Nair, titled Cooling vests. It says: Would you "
        "like to meet for lunch next week. I gave it the title you just said: The new drug. "
        "To go back to Cooling vests, say change the title, then say Cooling vests. Keep "
        "talking to add to it, or say send it.",
        "The title is: The new drug. Before, it was: Cooling vests. Say the new title, or say "
        "cancel to keep it.",
    ]
    assert inbox(forum, "priya")[0]["title"] == "Cooling vests"


def test_a_title_said_with_message_replaces_a_saved_title_with_no_words(
    forum: DemoForum, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    converse(
        forum.base_url,
        ["message sam", "yes", "checking in", "cancel"],
        data,
        credentials=signed_in(forum),
    )
    lines = ["message sam about the new drug", "yes", MESSAGE, "send it", "yes"]
    back = converse(forum.base_url, lines, data, credentials=signed_in(forum))
    assert back.said[1:3] == [
        "You have a saved message to Sam Okafor, titled Checking in, with no words yet. I "
        "changed its title to the one you just said. To go back to Checking in, say change "
        "the title, then say Checking in.",
        "The title is: The new drug. Now say your message, then say send it. Take your time.",
    ]
    assert inbox(forum, "sam")[0]["title"] == "The new drug"


def test_words_said_at_did_you_mean_start_the_message(forum: DemoForum, tmp_path: Path) -> None:
    # Said before its person was chosen, the message's first words were thrown away ("First
    # say yes or no: I have not kept those words"), and "thank you" was "You're welcome".
    lines = [
        "latest topics",
        "open topic two",
        "message her",
        "Thank you",
        "Thank you for sharing your news, it gave me hope full stop",
        "send it",
        "yes",
        "your news",
        "send it",
        "yes",
    ]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    asked = "Did you mean Priya Nair? Please say yes or no."
    kept = "Thank you for sharing your news, it gave me hope."
    start = talk.said.index("Did you mean Priya Nair? Say yes or no.")
    assert talk.said[start + 1 : start + 5] == [
        asked,
        f"I kept what you said: {kept} Did you mean Priya Nair? Say yes or no.",
        "Nothing is sent yet: first say whom your message is for. You are choosing whom to "
        f"write to. Say cancel to stop. {asked}",
        f"Writing to Priya Nair. Your message starts with what you said: {kept} What is your "
        "message about? Say a short title.",
    ], talk.transcript
    sent = inbox(forum, "priya")[0]
    assert sent["title"] == "Your news"
    first = as_member(forum, f"/t/{sent['id']}.json", "priya")["post_stream"]["posts"][0]
    assert "it gave me hope" in first["cooked"]


def test_words_kept_at_did_you_mean_go_to_whoever_is_chosen(
    forum: DemoForum, tmp_path: Path
) -> None:
    creds = signed_in(forum)
    lines = ["message pria", MESSAGE, "no I meant sam", "yes"]
    talk = converse(forum.base_url, lines, tmp_path / "a", credentials=creds)
    assert talk.said[-1] == (
        "Writing to Sam Okafor. Your message starts with what you said: Would you like to "
        "meet for lunch next week. What is your message about? Say a short title."
    ), talk.transcript
    # A saved message to the person has them added at its end.
    data = tmp_path / "b"
    lines = ["message sam", "yes", "lunch", "yes", "see you soon", "cancel"]
    converse(forum.base_url, lines, data, credentials=creds)
    lines = ["message sam", "I can bring the photos with me", "yes", "send it", "yes"]
    talk = converse(forum.base_url, lines, data, credentials=creds)
    assert "What you said before is added at its end." in talk.said, talk.transcript
    sent = inbox(forum, "sam")[0]
    first = as_member(forum, f"/t/{sent['id']}.json", "sam")["post_stream"]["posts"][0]
    assert "See you soon" in first["cooked"] and "bring the photos" in first["cooked"]


def test_goodbye_with_words_kept_at_did_you_mean_asks_first(
    forum: DemoForum, tmp_path: Path
) -> None:
    lines = ["message sam", MESSAGE, "goodbye", "no", "cancel", "goodbye"]
    talk = converse(forum.base_url, lines, tmp_path / "data", credentials=signed_in(forum))
    assert talk.said[2:4] == [
        "What you said for your message is not kept until you say whom it is for: if I stop "
        "now, you will need to say it again. Shall I stop now? Say yes or no.",
        "All right, I am staying. Did you mean Sam Okafor? Please say yes or no.",
    ], talk.transcript
    assert talk.said[-1].startswith("Goodbye.")


def test_words_kept_for_a_message_never_sent_are_said_not_to_be_kept(
    forum: DemoForum, tmp_path: Path
) -> None:
    # "I kept what you said", then "no", "no" (or "cancel"): "Message cancelled", and the
    # words were gone unsaid ("You have no saved drafts").
    said = "hi priya how are you doing today"
    for index, leaving in enumerate((["no", "no"], ["cancel"])):
        lines = ["message pria", said, *leaving]
        talk = converse(forum.base_url, lines, tmp_path / str(index), credentials=signed_in(forum))
        assert talk.said[-1].startswith(
            f"Message cancelled. I have not kept the words you said for it: {said}."
        ), talk.transcript
