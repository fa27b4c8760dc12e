"""Words written into a reply that were likely meant as something else are said to be, with
what to say instead: typed sessions through the real voice loop against the demo forum."""

from __future__ import annotations

from pathlib import Path

from tests.support.conversation import converse
from tests.support.members import signed_in
from voicepeer.demo_forum import DemoForum


def test_a_self_correction_and_a_command_run_on_are_said_to_be_written(
    forum: DemoForum, data: Path
) -> None:
    # Both were written in without a word: the person waited for "Shall I post it?".
    lines = ["open topic one", "reply", "I saw my neurologist on Tuesday full stop"]
    lines += ["no I mean Wednesday", "scratch that", "change Tuesday to Wednesday"]
    lines += ["well done Dave full stop send it", "delete the last two words", "send it"]
    lines += ["no", "I mean it has been a really hard year for all of us", "read it back"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    said = said[said.index(next(s for s in said if s.startswith("Replying to"))) :]
    assert said[1] == (
        'I added "no I mean Wednesday" to your reply. To put wednesday in place of a word, '
        "say change, the word, then to wednesday. To take this out, say scratch that."
    )
    assert said[4] == (
        'I added "well done Dave full stop send it" to your reply. It ends with "send it", '
        "which I wrote as words. To take them out, say delete the last 2 words. Then say "
        "send it on its own."
    )
    assert said[5] == "Deleted send it."
    assert said[6].startswith(
        "Your reply says: I saw my neurologist on Wednesday. Well done Dave. It will appear"
    )
    # A sentence that begins "I mean" is words of the reply, said nothing of.
    assert said[-1] == (
        "Your reply says: I saw my neurologist on Wednesday. Well done Dave. I mean it has "
        "been a really hard year for all of us"
    )


def test_a_run_on_do_not_send_is_said_to_be_written_and_nothing_sent(
    forum: DemoForum, data: Path
) -> None:
    lines = ["open topic one", "reply", "thinking of you don't send it"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-1] == (
        'I added "thinking of you don\'t send it" to your reply. It ends with "don\'t send it", '
        "which I wrote as words. To take them out, say delete the last 3 words. Nothing is sent."
    )


def test_answers_and_repeat_with_no_question_waiting_are_said_to_be_written(
    forum: DemoForum, data: Path
) -> None:
    # "Yes please", the answer that posts, went in without a word; "repeat that" was told
    # to cancel the reply.
    lines = ["open topic one", "reply", "well done Dave", "yes please", "repeat that"]
    said = converse(forum.base_url, lines, data, credentials=signed_in(forum)).said
    assert said[-2:] == [
        'I added "yes please" to your reply. To post it, say send it. To take the words out, '
        "say scratch that.",
        'I added "repeat that" to your reply. To hear your reply, say read it back. To take '
        "it out, say scratch that.",
    ]
