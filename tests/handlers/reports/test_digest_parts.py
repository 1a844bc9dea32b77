"""A digest whose parent is out but whose thread replies or chart fail (5xx and 429 outlasting the
Sender's retries, a refusal, a crash mid-thread) is finished by a later tick: the parent is never
posted again, and each reply and the chart go out exactly once."""

from collections import Counter
from datetime import date, timedelta

import pytest

from bot.domain.outbox import LEASE, RETRY_MOST
from bot.outbound import SendFailed
from bot.outbound.outbox import rows
from handlers.reports import digest_sending
from handlers.reports.tick_pass import reports_tick_pass
from tests.handlers.reports.quarter import berlin, posts, set_up_quarter, tick_context
from tests.services.factories import CHANNEL

DUE = berlin(date(2027, 1, 11))  # Monday: the weekly digest of 2027-W01, and nothing else
BEFORE = DUE - timedelta(hours=1)
ATTEMPTS = 4  # the Sender's tries at one call


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no handler catches it."""


@pytest.fixture
def ctx(sessions, slack_api, clock):
    # Slack stamps messages with its clock; history is read from shortly before the lost attempt.
    clock.now = DUE
    set_up_quarter(sessions, slack_api)
    ctx = tick_context(sessions, slack_api)
    reports_tick_pass(ctx, BEFORE)  # whatever fell due earlier is out of the way
    slack_api.clear()
    return ctx


def digest(sessions):
    [row] = [p for p in posts(sessions) if p.kind == "weekly_digest" and p.due_at == DUE]
    return row


def posted(slack_api):
    """What Slack took (calls answered with a fault posted nothing)."""
    return slack_api.messages.history(CHANNEL)


def payload(message):
    return (message.get("metadata") or {}).get("event_payload") or {}


def parents(slack_api, post_id):
    return [m for m in posted(slack_api) if payload(m) == {"post_id": post_id}]


def parts_posted(slack_api, post_id) -> Counter:
    return Counter(
        payload(m)["part"]
        for m in posted(slack_api)
        if payload(m).get("post_id") == post_id and "part" in payload(m)
    )


def charts(slack_api, row):
    return [u for u in slack_api.uploads() if u.thread_ts and u.thread_ts == row.message_ts]


def after_parent(monkeypatch, then):
    """Runs `then()` the moment the parent is recorded: Slack goes wrong from there on."""
    record = rows.record_progress

    def recorded(*args, **values):
        done = record(*args, **values)
        if "message_ts" in values:
            then()
        return done

    monkeypatch.setattr(rows, "record_progress", recorded)


def assert_whole_once(sessions, slack_api):
    row = digest(sessions)
    assert row.state == "sent" and row.thread_ts == row.message_ts
    assert len(parents(slack_api, row.id)) == 1
    replies = parts_posted(slack_api, row.id)
    assert replies and set(replies.values()) == {1}
    assert sorted(replies) == list(range(len(replies)))
    assert row.parts_sent == len(replies) + 1  # the replies and the chart
    thread = [m for m in posted(slack_api) if m.get("thread_ts") == row.message_ts]
    assert len(thread) == row.parts_sent  # the replies and the chart's message, nothing twice
    [chart] = charts(slack_api, row)
    assert chart.data
    assert not slack_api.rejections()


def test_replies_failing_with_server_errors_go_out_on_a_later_tick_without_a_second_parent(
    ctx, sessions, slack_api, monkeypatch
):
    after_parent(monkeypatch, lambda: slack_api.fail_next("chat.postMessage", 503, times=ATTEMPTS))
    summary = reports_tick_pass(ctx, DUE)
    row = digest(sessions)
    assert summary.retried == 1 and summary.sent == 0
    assert row.state == "pending" and row.message_ts and row.parts_sent == 0
    assert not charts(slack_api, row)

    monkeypatch.undo()
    reports_tick_pass(ctx, DUE + RETRY_MOST)
    assert_whole_once(sessions, slack_api)
    # Slack answered 503: nothing of the failed reply was posted, so the thread is not read.
    assert not slack_api.calls("conversations.replies")


def test_a_rate_limited_chart_is_uploaded_later_and_the_replies_are_not_repeated(
    ctx, sessions, slack_api, monkeypatch
):
    after_parent(monkeypatch, lambda: slack_api.rate_limit_next("files.getUploadURLExternal", times=ATTEMPTS))
    reports_tick_pass(ctx, DUE)
    row = digest(sessions)
    assert row.state == "pending" and row.parts_sent == sum(parts_posted(slack_api, row.id).values())
    assert not charts(slack_api, row)

    monkeypatch.undo()
    reports_tick_pass(ctx, DUE + RETRY_MOST)
    assert_whole_once(sessions, slack_api)


@pytest.mark.parametrize("dies_after", [0, 1, 2])  # the parent's record, a reply's, the chart's
def test_a_sender_killed_mid_thread_is_finished_after_the_lease_without_doubling(
    ctx, sessions, slack_api, monkeypatch, dies_after
):
    record = rows.record_progress
    replies = _replies_of_a_clean_run(sessions)
    die_at = {0: 0, 1: 1, 2: replies + 1}[dies_after]  # parts_sent being recorded when it dies

    def record_or_die(sessions_, held, **values):
        if values.get("parts_sent", 0 if "message_ts" in values else None) == die_at:
            raise Killed
        return record(sessions_, held, **values)

    monkeypatch.setattr(rows, "record_progress", record_or_die)
    with pytest.raises(Killed):
        reports_tick_pass(ctx, DUE)
    assert digest(sessions).state == "sending"

    monkeypatch.undo()
    reports_tick_pass(ctx, DUE + timedelta(minutes=1))  # the claim still holds: nothing happens
    assert digest(sessions).state == "sending"
    reports_tick_pass(ctx, DUE + LEASE + timedelta(minutes=1))
    assert_whole_once(sessions, slack_api)


def test_a_reply_slack_refuses_ends_the_digest_failed_with_its_parent_recorded(
    ctx, sessions, slack_api, monkeypatch
):
    def refused(*_args, **_kwargs):
        raise SendFailed("invalid_blocks", retryable=False, retries=0)

    monkeypatch.setattr(digest_sending, "send_part", refused)
    summary = reports_tick_pass(ctx, DUE)
    row = digest(sessions)
    assert summary.skipped == 1
    assert row.state == "failed" and row.message_ts and row.last_error == "thread incomplete: invalid_blocks"
    monkeypatch.undo()
    reports_tick_pass(ctx, DUE + RETRY_MOST)
    assert len(parents(slack_api, row.id)) == 1 and not parts_posted(slack_api, row.id)


def _replies_of_a_clean_run(sessions):
    """How many replies this digest has: as many as the weekly digest posted by the set-up tick."""
    earlier = [p for p in posts(sessions) if p.kind == "weekly_digest" and p.state == "sent"]
    assert earlier, "the set-up tick posts an earlier weekly digest"
    return earlier[-1].parts_sent - 1
