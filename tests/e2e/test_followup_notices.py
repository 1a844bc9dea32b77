"""The notice that a follow-up was closed, through the HTTP entry point: recorded with the close,
sent at once by the outbox engine from the closing listener (the app's own Sender, gate and
workspace lease), retried by the next tick when Slack refuses it for now, and never doubled."""

import logging
import time
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext
from bot.slack.standin.directory import dm_id
from handlers.followups.tick import followups_tick_pass
from handlers.ids import ActionId, BlockId
from models.followups import NOTICE_KEY, FollowupMessage
from models.pacing import WorkspaceLease
from tests.e2e.helpers import all_text, fill, opened_view
from tests.fixtures.bot import ADMIN, CHANNEL, MEMBER, OWNER, TEAM
from tests.services.reports.factories import add_followup

FLAGGED = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


@pytest.fixture
def tick(bot_server):
    """The tick's follow-up pass, as another process runs it (no lease of its own here)."""
    sender = Sender(single_token("xoxb-test"), WorkspaceGate(1000.0), base_url=bot_server.standin.base_url)
    ctx = TickContext(bot_server.sessions, sender, ZoneInfo("America/New_York"), "clock")

    def run(now):
        bot_server.clock.now = now
        summary = followups_tick_pass(ctx, now)
        bot_server.standin.settle()
        return summary

    return run


@pytest.fixture
def posted(bot_server, tick):
    """A follow-up flagged by MEMBER (or anonymous), posted by the tick; returns its id."""

    def make(*, author_id=MEMBER):
        local = FLAGGED.date() if author_id else date(2026, 11, 21)
        followup_id = add_followup(
            bot_server.sessions, author_id=author_id, created_at=FLAGGED, local_date=local
        )
        assert tick(bot_server.clock.now).sent == 1
        bot_server.standin.clear()
        return followup_id

    return make


def _close(bot_server, followup_id, *, note="Refunded, apologised by phone", resolved=True, user_id=OWNER):
    """Presses Resolved (or Not ours) and submits the form; returns the form and the answer."""
    action = ActionId.FOLLOWUP_RESOLVE if resolved else ActionId.FOLLOWUP_NOT_OURS
    bot_server.click(action, str(followup_id), user_id=user_id)
    view = opened_view(bot_server.standin)
    status, answer = bot_server.submit(view, fill(view, {BlockId.FOLLOWUP_NOTE: note}), user_id=user_id)
    assert status == 200
    return view, answer


def _notice_row(sessions) -> FollowupMessage:
    with sessions() as session:
        return session.scalars(select(FollowupMessage).where(FollowupMessage.key == NOTICE_KEY)).one()


def _await_notice(sessions, state, timeout=15.0) -> FollowupMessage:
    """The notice row once the closing listener (which runs after the ack) has tried it."""
    deadline = time.monotonic() + timeout
    row = _notice_row(sessions)
    while not (row.attempts > 0 and row.state == state) and time.monotonic() < deadline:
        time.sleep(0.02)
        row = _notice_row(sessions)
    return row


def _await_log(caplog, text, timeout=15.0) -> bool:
    deadline = time.monotonic() + timeout
    while not any(text in r.getMessage() for r in caplog.records) and time.monotonic() < deadline:
        time.sleep(0.02)
    return any(text in r.getMessage() for r in caplog.records)


def _dms(standin, user_id):
    return standin.messages.history(dm_id(user_id))


def test_closing_sends_exactly_one_notice_from_the_closing_listener(bot_server, posted, tick):
    followup_id = posted()
    _, answer = _close(bot_server, followup_id)
    assert not answer

    row = _await_notice(bot_server.sessions, "sent")
    assert row.state == "sent" and row.attempts == 1
    assert row.claimed_by.endswith(":web")  # the listener sent it, not a tick
    [told] = _dms(bot_server.standin, MEMBER)
    assert "Refunded" in all_text(told) and "Mrs Lee" in all_text(told)
    assert told["metadata"]["event_payload"] == {"message_id": row.id}

    tick(bot_server.clock.now + timedelta(minutes=5))
    assert len(_dms(bot_server.standin, MEMBER)) == 1
    assert _await_lease_holder(bot_server.sessions) is None  # the listener held it, then let it go


def _await_lease_holder(sessions, timeout=15.0) -> str | None:
    deadline = time.monotonic() + timeout
    while True:
        with sessions() as session:
            lease = session.get(WorkspaceLease, TEAM)
            assert lease is not None  # taken by the listener: a tick here holds none
            if lease.holder is None or time.monotonic() > deadline:
                return lease.holder
        time.sleep(0.02)


@pytest.mark.parametrize("refusal", ["429", "503"])
def test_a_notice_slack_refuses_for_now_is_sent_once_by_the_next_tick(bot_server, posted, tick, refusal):
    followup_id = posted()
    # More than the Sender's four tries: the listener gives up and the row waits for the tick.
    if refusal == "429":
        bot_server.standin.rate_limit_next("chat.postMessage", retry_after=0, times=4)
    else:
        bot_server.standin.fail_next("chat.postMessage", 503, times=4)
    _close(bot_server, followup_id)

    row = _await_notice(bot_server.sessions, "pending")
    assert (row.state, row.attempts, row.outcome_unknown_since) == ("pending", 1, None)
    assert _dms(bot_server.standin, MEMBER) == []
    assert "Resolved" in all_text(bot_server.standin.last("chat.update").body["blocks"])  # the post, at once

    assert tick(bot_server.clock.now + timedelta(seconds=10)).sent == 0  # the retry policy's wait
    assert tick(bot_server.clock.now + timedelta(minutes=1)).sent == 1
    assert tick(bot_server.clock.now + timedelta(minutes=30)).sent == 0
    [told] = _dms(bot_server.standin, MEMBER)
    assert "Refunded" in all_text(told)
    assert _notice_row(bot_server.sessions).state == "sent"


def test_closing_twice_tells_once(bot_server, posted, tick):
    followup_id = posted()
    view, answer = _close(bot_server, followup_id)
    assert not answer
    _await_notice(bot_server.sessions, "sent")
    # The same form submitted again (a double press, or Slack retrying the request), and an admin's.
    status, again = bot_server.submit(view, fill(view, {BlockId.FOLLOWUP_NOTE: "Refunded"}), user_id=OWNER)
    assert status == 200 and again["response_action"] == "errors"
    assert "already resolved" in again["errors"][BlockId.FOLLOWUP_NOTE]
    bot_server.click(ActionId.FOLLOWUP_NOT_OURS, str(followup_id), user_id=ADMIN)
    bot_server.standin.settle()
    tick(bot_server.clock.now + timedelta(hours=1))

    assert len(_dms(bot_server.standin, MEMBER)) == 1
    with bot_server.sessions() as session:
        keys = session.scalars(select(FollowupMessage.key).order_by(FollowupMessage.id)).all()
    assert keys == ["post", NOTICE_KEY]


def test_an_anonymous_follow_ups_notice_goes_to_its_thread_and_names_nobody(bot_server, posted, caplog):
    caplog.set_level(logging.DEBUG)
    followup_id = posted(author_id=None)
    with bot_server.sessions() as session:
        post = session.scalars(select(FollowupMessage).where(FollowupMessage.key == "post")).one()
    _close(bot_server, followup_id, note="Billing handles refunds", resolved=False, user_id=MEMBER)

    row = _await_notice(bot_server.sessions, "sent")
    assert row.state == "sent"
    history = bot_server.standin.messages.history(CHANNEL)
    [reply] = [m for m in history if m.get("thread_ts") == post.message_ts]
    assert "Closed as not ours by" in all_text(reply) and "Billing handles refunds" in all_text(reply)
    assert "you flagged" not in all_text(reply)
    assert [c.body["channel"] for c in bot_server.standin.calls("chat.postMessage")] == [CHANNEL]
    # Nobody's DM, and the row holds no person: only the thread it went to and who sent it.
    people = (OWNER, MEMBER, ADMIN)
    values = [getattr(row, column.key) for column in FollowupMessage.__table__.columns]
    assert [v for v in values if any(person in str(v) for person in people)] == []
    assert (row.message_channel, row.message_ts) == (CHANNEL, reply["ts"])
    engine_lines = [r.getMessage() for r in caplog.records if r.name.startswith(("bot.outbound", "handlers"))]
    assert [line for line in engine_lines if any(person in line for person in people)] == []


def test_a_workspace_another_process_is_serving_gets_its_notice_from_that_process(
    bot_server, posted, tick, caplog
):
    """The listener sends only while it holds the workspace's lease, so pacing holds across
    processes; the process that holds it (its tick) sends the notice instead."""
    caplog.set_level(logging.DEBUG, logger="bot.outbound.workspaces")
    followup_id = posted()
    with bot_server.sessions.begin() as session:
        held_until = bot_server.clock.now + timedelta(minutes=1)
        session.merge(WorkspaceLease(team_id=TEAM, holder="clock-1", expires_at=held_until))
    _close(bot_server, followup_id)
    assert _await_log(caplog, f"workspace {TEAM} is being served by another process")
    bot_server.standin.settle()
    assert _notice_row(bot_server.sessions).attempts == 0 and _dms(bot_server.standin, MEMBER) == []

    assert tick(bot_server.clock.now + timedelta(seconds=5)).sent == 1
    assert len(_dms(bot_server.standin, MEMBER)) == 1
