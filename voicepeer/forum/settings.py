"""Tunables of the forum client: timeouts, retries, paging and caching."""

from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class ForumSettings:
    connect_timeout_s: float = field(default=10.0, metadata={"min": 0.5, "max": 120.0})
    """Seconds to wait for the forum to accept a connection."""
    read_timeout_s: float = field(default=30.0, metadata={"min": 1.0, "max": 300.0})
    """Seconds to wait for the forum's answer once connected."""
    slow_after_s: float = field(default=3.0, metadata={"min": 0.2, "max": 60.0})
    """Seconds after which a request counts as slow and the user is told we are waiting."""
    still_waiting_every_s: float = field(default=10.0, metadata={"min": 0.5, "max": 120.0})
    """Seconds between two "still waiting" while a slow request goes on, after the first."""
    read_retries: int = field(default=3, metadata={"min": 0, "max": 10})
    """Extra attempts for a read (GET) after a timeout, network fault or server error."""
    read_deadline_s: float = field(default=45.0, metadata={"min": 1.0, "max": 600.0})
    """Seconds a read may take in all, retries included, before the user is told it failed."""
    request_deadline_s: float = field(default=40.0, metadata={"min": 1.0, "max": 600.0})
    """Seconds one request may take in all, from connecting to the last byte of the answer;
    a forum that trickles its answer slowly is cut off then."""
    max_response_bytes: int = field(default=8_000_000, metadata={"min": 1000, "max": 500_000_000})
    """Largest answer in bytes accepted from the forum, as sent over the network."""
    max_decoded_bytes: int = field(default=32_000_000, metadata={"min": 1000, "max": 2_000_000_000})
    """Largest answer in bytes accepted from the forum once unpacked (forums compress their
    answers; a small compressed answer can unpack to far more than memory holds)."""
    retry_backoff_s: float = field(default=1.0, metadata={"min": 0.0, "max": 60.0})
    """Seconds before the first retry of a read; doubles on each further retry."""
    refused_retry_s: float = field(default=0.5, metadata={"min": 0.0, "max": 10.0})
    """Seconds before the one retry of a read the system refused at once (connection
    refused, the forum's name not found, no route to it): nothing there takes connections,
    which waiting longer rarely mends, so the person hears so at once rather than "Still
    waiting" (a forum restarting may be back a moment later, hence one retry)."""
    retry_backoff_max_s: float = field(default=8.0, metadata={"min": 0.0, "max": 300.0})
    """Longest wait in seconds between two retries of a read."""
    max_rate_limit_wait_s: float = field(default=5.0, metadata={"min": 0.0, "max": 600.0})
    """Longest wait in seconds the client sits through when the forum asks it to slow down,
    holding the person up meanwhile; longer waits are reported to the caller at once
    instead: a confirmed reply is kept and sent when the wait is over, in the background,
    while the person goes on."""
    down_try_s: float = field(default=2.5, metadata={"min": 0.5, "max": 60.0})
    """Seconds a request may take while the forum is known to be out of reach: one try, no
    retries, so the person hears at once that it still is (less than ``slow_after_s``)."""
    down_check_s: float = field(default=15.0, metadata={"min": 1.0, "max": 3600.0})
    """Seconds between looks, in the background, at whether a forum known to be out of
    reach answers again."""
    list_cache_s: float = field(default=60.0, metadata={"min": 0.0, "max": 3600.0})
    """Seconds a fetched topic list is reused before asking the forum again."""
    offline_cache_max_entries: int = field(default=200, metadata={"min": 10, "max": 10_000})
    """How many topics and lists the offline reading cache keeps."""
    user_agent: str = field(
        default="voicepeer/1 (Discourse API client; reads forums aloud)",
        metadata={"check": "header_value"},
    )
    """The User-Agent header sent to the forum. Discourse treats an agent matching none of
    its ``non_crawler_user_agents`` (browser engines, and "discourse" for apps like its own)
    as a web crawler: crawlers get a start page without the site settings voicepeer reads and
    can be slowed or blocked by the site. So the agent names voicepeer as a Discourse app,
    and avoids words of ``crawler_user_agents`` such as "bot", "spider" or "crawl"."""
    key_recheck_s: float = field(default=30.0, metadata={"min": 1.0, "max": 3600.0})
    """Seconds between looks at the saved account after the forum refused its key, so that
    one connected again meanwhile (voicepeer forum connect) is used without a restart."""
    sent_post_window_s: float = field(default=600.0, metadata={"min": 0.0, "max": 86_400.0})
    """Seconds either side of when a reply was sent (by this computer's clock) within which
    the person's post in its topic, its words changed since (on the web), is taken for it
    when the answer to sending it was lost; 0: only the same words are."""
    timings_interval_s: float = field(default=30.0, metadata={"min": 3.0, "max": 3600.0})
    """Seconds between two reports of reading progress (what was heard) to the forum."""

    def for_a_check(self) -> ForumSettings:
        """These settings without retries, for a helper checking the forum (doctor, forum
        status): told at once what happened, they can run the check again, rather than wait
        through the tries meant to carry the person over a moment's fault."""
        return replace(self, read_retries=0)
