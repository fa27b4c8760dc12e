"""The demo forum going down and coming back during a test: stopped, then started again on
the same port with the same database, as a forum's server restarting."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from voicepeer.demo_forum import DemoForum, DemoForumOptions


class ForumRestarts:
    """The demo forum on ``db``, started at once (``url``); every server started is
    stopped when the ``with`` block ends."""

    def __init__(self, db: Path, options: DemoForumOptions | None = None) -> None:
        self._db = db
        self._options = options
        self._servers = [DemoForum(db, options)]
        self.url = self._servers[0].start()
        self._port = self._servers[0].port

    @property
    def server(self) -> DemoForum:
        """The server started last."""
        return self._servers[-1]

    def go_down(self) -> None:
        self._servers[-1].stop()

    def come_back(self) -> None:
        server = DemoForum(self._db, self._options, port=self._port)
        server.start()
        self._servers.append(server)

    def __enter__(self) -> ForumRestarts:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        for server in self._servers:
            server.stop()
