"""Posted rows are recorded sent in batches (recording.py, recording.mark_sent_many): still only under
the claim that holds each row, and a pass killed before its batch was recorded leaves rows that
the next claim reconciles from Slack's history, never posting one twice. SQLite, and PostgreSQL
with TEST_DATABASE_URL."""

from collections import Counter
from datetime import timedelta

import pytest

from bot.domain.outbox import LEASE
from bot.outbound.outbox import Outcome, recording, rows
from tests.outbound.outbox.test_engine import KEY, NOW, add_post, claim, row, run

pytest_plugins = ["tests.outbound.outbox.test_engine"]  # its fixtures: slack, ctx


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no handler catches it."""


def test_a_batch_records_each_row_under_its_own_claim_and_skips_one_taken_over(sessions):
    first = add_post(sessions, period="2027-W01")
    [early] = claim(sessions, "clock-a", NOW)
    second, third = add_post(sessions, period="2027-W02"), add_post(sessions, period="2027-W03")
    later = claim(sessions, "clock-a", NOW + timedelta(minutes=1))  # a second claim, its own time
    # clock-a stalls past the first claim's lease: clock-b takes that row over (only that one).
    [taken] = claim(sessions, "clock-b", NOW + LEASE + timedelta(seconds=1))
    assert taken.claim.id == first

    batch = [rows.SentRow(c.claim, "C1", f"1.{c.claim.id}") for c in [early, *later]]
    assert recording.mark_sent_many(sessions, batch, now=NOW) == {second, third}

    stale = row(sessions, first)
    assert (stale.state, stale.claimed_by, stale.message_ts) == ("sending", "clock-b", None)
    for post_id in (second, third):
        done = row(sessions, post_id)
        assert (done.state, done.message_channel, done.message_ts) == ("sent", "C1", f"1.{post_id}")
    assert recording.mark_sent_many(sessions, batch, now=NOW) == set()  # already recorded: nothing twice


def test_a_pass_killed_part_way_through_recording_is_reconciled_and_nothing_is_posted_twice(
    ctx, slack, sessions, monkeypatch
):
    posts = [add_post(sessions, period=f"2027-W{n:02d}") for n in range(5)]
    record = recording.mark_sent_many

    def record_two_then_die(sessions, sent, *, now):
        record(sessions, list(sent)[:2], now=now)  # an earlier batch got recorded, then the kill
        raise Killed

    with monkeypatch.context() as patch:
        patch.setattr(recording, "mark_sent_many", record_two_then_die)
        with pytest.raises(Killed):
            run(ctx, NOW)
    assert slack.posts() == 5
    states = Counter(row(sessions, p).state for p in posts)
    assert states == Counter({"sending": 3, "sent": 2})

    assert run(ctx, NOW + timedelta(minutes=1)) == Counter()  # the claims still hold
    outcomes = run(ctx, NOW + LEASE + timedelta(seconds=1))

    assert outcomes[Outcome.SENT] == 3 and slack.posts() == 5  # found in history, not posted again
    assert slack.calls.count("conversations_history") == 3  # only the rows whose outcome was unknown
    assert Counter(m["metadata"]["event_payload"]["row"] for m in slack.messages["C1"]) == Counter(posts)
    for post_id in posts:
        done = row(sessions, post_id)
        posted = next(m for m in slack.messages["C1"] if m["metadata"] == KEY.of(post_id))
        assert (done.state, done.message_ts, done.outcome_unknown_since) == ("sent", posted["ts"], None)
