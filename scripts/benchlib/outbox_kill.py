"""Exactly-once posting under crashes, over many trials against the demo forum on loopback.

Each trial saves a draft and confirms it through a real outbox in a child process (as the
voice loop does after "yes"), which is SIGKILLed — at each named step, and at random moments
while it sends — then a fresh outbox recovers as the next start would.

- kill_trials: trials run.
- kill_duplicates: trials that left the reply on the forum twice, or posted with its draft
  still offered as unsent (target 0).
- kill_lost: trials after which the words were neither on the forum nor kept (target 0).
- kill_posted_after_recovery: trials in which the reply was on the forum once at the end
  (the rest kept the words as a draft: killed before "yes" was recorded).
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from tests.forum.outbox_crash_child import TrialOutcome, kill_trial
from voicepeer.demo_forum import DemoForum
from voicepeer.demo_forum.member_limits import limits_lifted
from voicepeer.demo_forum.settings import DemoForumOptions

KEY = "bench-admin-key-0123456789"
RANDOM_TRIALS = 100
STEPS = ("recorded", "noted", "sending", "request_sent", "response_read", "done")
STEP_ROUNDS = 3


def run() -> dict[str, float | int]:
    rng = random.Random(7)
    outcomes: list[TrialOutcome] = []
    with tempfile.TemporaryDirectory() as tmp:
        # Every trial's reply is one member's, in one topic: the limit on replies in a row
        # is lifted with the others.
        options = DemoForumOptions(
            admin_api_key=KEY, admin_api_key_requests_per_minute=0, max_consecutive_replies=0
        )
        with limits_lifted(), DemoForum(Path(tmp) / "forum.sqlite3", options) as forum:
            topic_id = int(forum.store.scalar("SELECT MIN(id) FROM topics"))
            steps = [*STEPS * STEP_ROUNDS, *["random"] * RANDOM_TRIALS]
            for trial, step in enumerate(steps):
                raw = f"Bench kill trial {trial} at {step}. Arrives once or stays a draft."
                outcomes.append(
                    kill_trial(
                        forum.base_url,
                        KEY,
                        Path(tmp) / f"o{trial}.sqlite3",
                        topic_id,
                        raw,
                        step,
                        rng,
                        max_delay_s=0.3,
                    )
                )
    return {
        "kill_trials": len(outcomes),
        "kill_duplicates": sum(o.duplicated for o in outcomes),
        "kill_lost": sum(o.lost for o in outcomes),
        "kill_posted_after_recovery": sum(o.copies == 1 for o in outcomes),
    }
