"""The closed follow-up's notice as the tick's outbox sends it: after a sender killed mid-send it
is looked for first (the flagger's DM history, or the post's thread), then recorded or posted
exactly once; an anonymous one's waits for its post, and is not wanted if the post never goes out."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.outbound.outbox import recording as outbox_recording
from bot.services.actor import Actor
from bot.services.followups import actions as followups_actions
from bot.slack.standin.directory import dm_id
from handlers.followups.tick import followups_tick_pass
from models.followups import NOTICE_KEY, FollowupMessage
from tests.services.reports.factories import add_followup

FLAGGED = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # Monday
CLOSED = FLAGGED + timedelta(minutes=10)
AFTER_LEASE = CLOSED + timedelta(minutes=5)
ANONYMOUS_DATE = date(2026, 11, 21)  # over everywhere: its post may go out


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no handler catches it."""


def _die(*_args, **_kwargs):
    raise Killed


@pytest.fixture
def tick(tick_context, clock):
    """followups_tick_pass at `now`, with Slack's clock (the stand-in's) reading `now` too."""

    def run(now):
        clock.now = now
        return followups_tick_pass(tick_context, now)

    return run


def _close(sessions, followup_id, *, now=CLOSED):
    followups_actions.close_followup(
        sessions, Actor("T1", "U_OWNER"), followup_id, resolved=True, note="Called her back", now=now
    )


def _notice(sessions) -> FollowupMessage:
    with sessions() as session:
        return session.scalars(select(FollowupMessage).where(FollowupMessage.key == NOTICE_KEY)).one()


def _thread(slack_api, post_ts):
    return [m for m in slack_api.messages.history("C_SUPPORT") if m.get("thread_ts") == post_ts]


def _post_ts(sessions) -> str:
    with sessions() as session:
        return session.scalars(select(FollowupMessage.message_ts).where(FollowupMessage.key == "post")).one()


def test_a_notice_posted_before_the_crash_is_found_in_the_flaggers_dm(tick, sessions, slack_api, monkeypatch):
    slack_api.add_user("U_MEMBER")
    followup_id = add_followup(sessions, created_at=FLAGGED)
    tick(FLAGGED)
    _close(sessions, followup_id)
    with monkeypatch.context() as patch:
        patch.setattr(outbox_recording, "mark_sent_many", _die)
        with pytest.raises(Killed):
            tick(CLOSED)
    [told] = slack_api.messages.history(dm_id("U_MEMBER"))
    assert _notice(sessions).state == "sending"

    assert tick(CLOSED + timedelta(minutes=1)).sent == 0  # the dead sender's claim still holds
    assert tick(AFTER_LEASE).sent == 1

    assert slack_api.messages.history(dm_id("U_MEMBER")) == [told]
    row = _notice(sessions)
    assert (row.state, row.message_ts, row.outcome_unknown_since) == ("sent", told["ts"], None)


def test_an_anonymous_notice_posted_before_the_crash_is_found_in_the_thread(
    tick, sessions, slack_api, monkeypatch
):
    followup_id = add_followup(sessions, author_id=None, local_date=ANONYMOUS_DATE)
    tick(FLAGGED)
    post_ts = _post_ts(sessions)
    _close(sessions, followup_id)
    with monkeypatch.context() as patch:
        patch.setattr(outbox_recording, "mark_sent_many", _die)
        with pytest.raises(Killed):
            tick(CLOSED)
    [reply] = _thread(slack_api, post_ts)

    assert tick(AFTER_LEASE).sent == 1

    assert _thread(slack_api, post_ts) == [reply]
    assert len(slack_api.calls("conversations.replies")) == 1  # read once, since the outcome was unknown
    assert slack_api.calls("conversations.history") == []
    row = _notice(sessions)
    assert (row.state, row.message_channel, row.message_ts) == ("sent", "C_SUPPORT", reply["ts"])


def test_a_notice_lost_in_the_crash_is_posted_once_after_the_lease(
    tick, tick_context, sessions, slack_api, monkeypatch
):
    followup_id = add_followup(sessions, author_id=None, local_date=ANONYMOUS_DATE)
    tick(FLAGGED)
    post_ts = _post_ts(sessions)
    _close(sessions, followup_id)
    with monkeypatch.context() as patch:
        patch.setattr(tick_context.sender, "post", _die)
        with pytest.raises(Killed):
            tick(CLOSED)
    assert _thread(slack_api, post_ts) == []

    assert tick(AFTER_LEASE).sent == 1
    tick(AFTER_LEASE + timedelta(minutes=5))

    [reply] = _thread(slack_api, post_ts)
    assert "Called her back" in str(reply["blocks"])
    assert _notice(sessions).message_ts == reply["ts"]


def test_an_anonymous_notice_waits_for_its_post_and_goes_in_its_thread(tick, sessions, slack_api):
    followup_id = add_followup(sessions, author_id=None, local_date=ANONYMOUS_DATE)
    slack_api.fail_next("chat.postMessage", 503, times=4)  # the post's first attempt fails
    assert tick(FLAGGED).retried == 1
    _close(sessions, followup_id, now=FLAGGED + timedelta(seconds=10))

    # The post goes out; its notice waits until the post is recorded sent (posted rows are recorded
    # in batches, recording.py), so it goes in the post's thread at the next tick.
    first = tick(FLAGGED + timedelta(minutes=1))
    assert (first.sent, first.retried) == (1, 1)
    assert tick(FLAGGED + timedelta(minutes=2)).sent == 1

    post_ts = _post_ts(sessions)
    [post, reply] = [c.body for c in slack_api.calls("chat.postMessage")][-2:]
    assert "thread_ts" not in post and reply["thread_ts"] == post_ts and reply["channel"] == "C_SUPPORT"
    assert "Resolved" in str(post["blocks"])  # the post itself went out already closed
    assert [m["ts"] for m in _thread(slack_api, post_ts)] == [_notice(sessions).message_ts]


def test_an_anonymous_notice_whose_post_never_went_out_is_not_wanted(tick, sessions, slack_api):
    slack_api.add_channel("C_LEFT", name="left", bot_member=False)
    followup_id = add_followup(sessions, author_id=None, local_date=ANONYMOUS_DATE, channel_id="C_LEFT")
    tick(FLAGGED)  # Slack refuses the post for good: not_in_channel
    with sessions() as session:
        assert session.scalars(select(FollowupMessage.state)).all() == ["failed"]
    _close(sessions, followup_id)
    slack_api.clear()

    tick(CLOSED)  # not wanted: recorded skipped when claimed

    assert slack_api.calls("chat.postMessage") == []
    row = _notice(sessions)
    assert row.state == "skipped" and "never went out" in (row.last_error or "")
