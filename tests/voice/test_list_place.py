"""Going through a list read out a few at a time."""

from __future__ import annotations

from voicepeer.commands.numbers import LAST_HEARD
from voicepeer.voice.list_place import ListPlace, ListWords, step_said

WORDS = ListWords(more="More?", end="The end.", last="Last.", first="First.", opens="Open?")


def say(place: ListPlace, delta: int, count: int) -> str:
    return step_said(place, delta, count, lambda i: f"{i + 1}.", WORDS)


def test_next_right_after_a_long_list_is_named_names_the_next_ones() -> None:
    place = ListPlace(size=3)
    assert place.start(8) == range(3)
    assert say(place, +1, 8) == "4. 5. 6. More?"
    assert say(place, +1, 8) == "7. 8. The end."
    assert say(place, +1, 8) == "The end."
    assert place.chosen(LAST_HEARD) == 8
    # Moved one step, "next" and "previous" go one at a time.
    assert say(place, -1, 8) == "6. Open?"
    assert say(place, +1, 8) == "7. Open?"


def test_a_list_named_whole_is_gone_through_one_at_a_time() -> None:
    place = ListPlace(size=5)
    place.start(3)
    assert say(place, +1, 3) == "2. Open?"
    assert say(place, +1, 3) == "3. Open?"
    assert say(place, +1, 3) == "Last."
    assert say(place, -1, 3) == "2. Open?"


def test_opening_one_and_taking_one_out_end_the_naming() -> None:
    place = ListPlace(size=2)
    place.start(6)
    place.go_to(4)
    assert place.chosen(LAST_HEARD) == 5
    assert say(place, +1, 6) == "6. Open?"
    place.removed(5)
    assert place.index == 4 and place.chosen(LAST_HEARD) == 5
    assert say(place, -1, 5) == "4. Open?"
