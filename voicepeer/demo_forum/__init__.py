"""The built-in demo forum: a local, Discourse-compatible server stored in SQLite.

It is the default forum for ``voicepeer demo`` and the server integration tests talk to
over loopback HTTP.
"""

from __future__ import annotations

from voicepeer.demo_forum.faults import Faults
from voicepeer.demo_forum.seed import seed_long_topic
from voicepeer.demo_forum.server import DemoForum, default_db_path
from voicepeer.demo_forum.settings import DemoForumOptions

__all__ = ["DemoForum", "DemoForumOptions", "Faults", "default_db_path", "seed_long_topic"]
