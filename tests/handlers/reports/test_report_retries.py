"""A report post that Slack keeps refusing to take (5xx past the Sender's tries) is retried with a
growing wait, and skipped once its moment has passed, unless an earlier try got it out."""

from datetime import date, timedelta

import pytest

from bot.domain.outbox import retry_delay
from handlers.reports.tick_pass import reports_tick_pass
from tests.handlers.reports.quarter import berlin, posts, set_up_quarter, tick_context
from tests.services.factories import CHANNEL

DUE = berlin(date(2027, 1, 11))  # Monday: the weekly digest of 2027-W01, and nothing else
ATTEMPTS = 4  # the Sender's tries at one call


@pytest.fixture
def ctx(sessions, slack_api):
    set_up_quarter(sessions, slack_api)
    ctx = tick_context(sessions, slack_api)
    reports_tick_pass(ctx, DUE - timedelta(hours=1))  # whatever fell due earlier is out of the way
    slack_api.clear()
    return ctx


def weekly(sessions):
    [row] = [p for p in posts(sessions) if p.kind == "weekly_digest" and p.due_at == DUE]
    return row


def test_a_post_slack_never_took_is_retried_later_each_time_then_skipped_when_its_moment_is_over(
    ctx, sessions, slack_api
):
    slack_api.fail_next("chat.postMessage", 503, times=1000)
    now = DUE
    for attempt in (1, 2, 3):
        summary = reports_tick_pass(ctx, now)
        row = weekly(sessions)
        assert summary.retried == 1 and row.state == "pending"
        # The outbox's one policy, from the instant the try ended (a little after the tick's).
        assert now + retry_delay(attempt) <= row.not_before < now + retry_delay(attempt + 1)
        now = row.not_before
    row = weekly(sessions)
    assert row.useful_until is not None
    summary = reports_tick_pass(ctx, row.useful_until)
    row = weekly(sessions)
    assert row.state == "skipped" and row.last_error.startswith("too late")
    assert summary.skipped >= 1
    assert not slack_api.calls("conversations.history")  # Slack answered 503 each time: nothing to look for
    this = {"post_id": row.id}
    assert not [
        m
        for m in slack_api.messages.history(CHANNEL)
        if (m.get("metadata") or {}).get("event_payload") == this
    ]


def test_a_post_an_earlier_try_got_out_is_recorded_even_after_its_moment(
    ctx, sessions, slack_api, monkeypatch
):
    from bot.outbound import SendFailed
    from handlers.reports import digest_sending

    def answered_too_late(*_args, **_kwargs):
        raise SendFailed("no answer (TimeoutError)", retryable=True, retries=1)

    monkeypatch.setattr(digest_sending, "send_part", answered_too_late)  # the parent is out, then Slack fails
    reports_tick_pass(ctx, DUE)
    row = weekly(sessions)
    assert row.state == "pending" and row.message_ts
    monkeypatch.undo()
    reports_tick_pass(ctx, row.useful_until)
    row = weekly(sessions)
    assert row.state == "sent"  # started in time: its thread is finished, not dropped
