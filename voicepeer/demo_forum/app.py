"""Request dispatch: faults, per-IP limits, sign-in, per-key limits, scopes, the need for a
member, then the route."""

from __future__ import annotations

import logging
import time

from voicepeer.demo_forum import (
    account,
    category_watching,
    deleting,
    device_approval,
    dismissing,
    editing,
    members,
    pending,
    reading,
    retitling,
    sign_in,
    site,
    slow_mode,
    topic_status,
    topic_view,
    user_api_keys,
    voting,
    writing,
)
from voicepeer.demo_forum.auth import authenticate
from voicepeer.demo_forum.context import Context, Route
from voicepeer.demo_forum.faults import Faults
from voicepeer.demo_forum.http_api import (
    HttpError,
    Request,
    Response,
    error,
    invalid_access,
    not_logged_in,
    whole_number,
)
from voicepeer.demo_forum.member_limits import rate_limited
from voicepeer.demo_forum.ratelimit import RateLimiter
from voicepeer.demo_forum.settings import DemoForumOptions
from voicepeer.demo_forum.store import Store

log = logging.getLogger(__name__)

ROUTES: tuple[Route, ...] = (
    *reading.ROUTES,
    *topic_view.ROUTES,
    *writing.ROUTES,
    *dismissing.ROUTES,
    *deleting.ROUTES,
    *editing.ROUTES,
    *retitling.ROUTES,
    *slow_mode.ROUTES,
    *pending.ROUTES,
    *account.ROUTES,
    *site.ROUTES,
    *user_api_keys.ROUTES,
    *sign_in.ROUTES,
    *device_approval.ROUTES,
    *members.ROUTES,
    *voting.ROUTES,
    *topic_status.ROUTES,
    *category_watching.ROUTES,
)


class DemoForumApp:
    """Turns a :class:`Request` into a :class:`Response`; knows nothing about sockets."""

    def __init__(self, store: Store, options: DemoForumOptions, faults: Faults) -> None:
        self.store = store
        self.options = options
        self.faults = faults
        self.limiter = RateLimiter()
        self.base_url = ""

    def handle(self, request: Request) -> Response:
        path = request.path
        delay = self.faults.delay_for(path)
        if delay:
            time.sleep(delay)
        failure = self.faults.failure_for(path)
        if failure is not None:
            return failure
        wait = self.limiter.hit(f"ip:{request.client_ip}", self.options.ip_requests_per_minute)
        if wait is not None:
            # Discourse's per-IP layer answers before any controller: plain text.
            return Response.text(
                429,
                "Slow down, too many requests from this IP address\n",
                [("Retry-After", str(wait))],
            )
        try:
            response = self._dispatch(request)
        except HttpError as failed:
            response = failed.response
        except Exception:  # a bug here must not kill the server thread
            log.exception("Demo forum failed on %s %s", request.method, path)
            response = Response.json(
                500,
                {"errors": ["The demo forum hit an internal error."], "error_type": "server_error"},
            )
        return self.faults.spoil(path, response)

    def _dispatch(self, request: Request) -> Response:
        allowed_methods: set[str] = set()
        for candidate in ROUTES:
            match = candidate.pattern.match(request.path)
            if match is None:
                continue
            if candidate.method != request.method:
                allowed_methods.add(candidate.method)
                continue
            for name, value in match.groupdict().items():
                if value and value.isdigit():
                    whole_number(value, name)  # ids beyond 64 bits: 400, as Discourse
            viewer = authenticate(self.store, self.options, request)
            if viewer.rate_key is not None:
                wait = self.limiter.hit(viewer.rate_key, viewer.rate_limit)
                if wait is not None:
                    return rate_limited(wait)
            if not viewer.allows(candidate.scopes):
                raise invalid_access()
            if candidate.login and viewer.user is None:
                # Rails has read the body by then: a broken one is a 400 for visitors too.
                _ = request.params
                raise not_logged_in()
            context = Context(self.store, self.options, viewer, request, self.base_url)
            return candidate.handler(context, match)
        if allowed_methods:
            raise error(405, f"Use {', '.join(sorted(allowed_methods))} for {request.path}.")
        raise error(404, "The requested URL or resource could not be found.", "not_found")
