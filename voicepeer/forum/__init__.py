"""Forum access: the Discourse API client and what voicepeer keeps of the forum locally.

- :func:`voicepeer.forum.discourse.open_discourse` — a :class:`DiscourseClient` signed in with
  the saved account, with the offline reading cache; it implements
  :class:`voicepeer.forum.base.Forum`. ``on_slow(cb)`` / ``on_wait(cb)`` tell the voice loop
  when to say "Still waiting for the forum…" or "The forum asked me to wait 10 seconds".
- :class:`voicepeer.forum.thread.Thread` — a topic's posts by index, fetched in chunks.
- :func:`voicepeer.forum.checks.check_reply` — what the forum would refuse, as a kind and
  numbers.
- :class:`voicepeer.forum.drafts.DraftStore` — dictated text, saved durably on every change.
- :class:`voicepeer.forum.outbox.Outbox` — confirmed replies: never lost, never posted twice;
  drafts and outbox share one SQLite database (:mod:`voicepeer.forum.replies_db`).
- :class:`voicepeer.forum.retry.OutboxRetry` — waiting replies sent again during the session.
- :class:`voicepeer.forum.credentials.CredentialStore` — keys, readable only by the user.

Every failure is a :class:`voicepeer.errors.ForumError` that says what happened in its type
and fields; the mapping from HTTP happens in :mod:`voicepeer.forum.http` only. Nothing here is
worded for the person: the dialogue (:mod:`voicepeer.voice.error_phrases`,
:mod:`voicepeer.voice.outbox_phrases`, :mod:`voicepeer.voice.phrasing`) says it.
"""
