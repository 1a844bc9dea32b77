"""kill -9 mid-send: a follow-up message whose sender died after posting (or before) is claimed
again once its lease runs out, looked for in Slack, and then recorded, or posted, exactly once.

The search reads history only from shortly before the earlier claim, so Slack's clock must agree
with the tick's: every pass here first sets the stand-in's clock to the instant the pass is given."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.outbound.outbox import recording as outbox_recording
from bot.services.actor import Actor
from bot.services.followups import actions as followups_actions
from bot.slack.standin.directory import dm_id
from handlers.followups.tick import followups_tick_pass
from models.followups import FollowupMessage
from tests.services.reports.factories import add_followup

# Monday 15:00 UTC, 16:00 in Berlin (the tick's zone): inside the hours overdue reminders go out.
FLAGGED = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
LATER = FLAGGED + timedelta(minutes=1)  # within the 2-minute lease
AFTER_LEASE = FLAGGED + timedelta(minutes=5)


class Killed(BaseException):
    """Stands for kill -9: nothing after it runs, no handler catches it."""


def _die(*_args, **_kwargs):
    raise Killed


def _posts(slack_api, channel):
    return [c.body for c in slack_api.calls("chat.postMessage") if c.body["channel"] == channel]


def _rows(sessions):
    with sessions() as session:
        return [
            (m.key, m.state, m.message_ts)
            for m in session.scalars(select(FollowupMessage).order_by(FollowupMessage.id))
        ]


@pytest.fixture
def tick(tick_context, clock):
    """followups_tick_pass at `now`, with Slack's clock (the stand-in's) reading `now` too."""

    def run(now):
        clock.now = now
        return followups_tick_pass(tick_context, now)

    return run


def _die_after_posting(monkeypatch, tick, now):
    with monkeypatch.context() as patch:
        patch.setattr(outbox_recording, "mark_sent_many", _die)
        with pytest.raises(Killed):
            tick(now)


def test_a_post_sent_before_the_crash_is_recorded_from_history_not_posted_again(
    tick, sessions, slack_api, monkeypatch
):
    add_followup(sessions, created_at=FLAGGED)
    _die_after_posting(monkeypatch, tick, FLAGGED)
    [posted] = [m for m in slack_api.messages.history("C_SUPPORT")]
    assert _rows(sessions) == [("post", "sending", None)]

    assert tick(LATER).sent == 0  # the claim still holds
    tick(AFTER_LEASE)

    assert len(_posts(slack_api, "C_SUPPORT")) == 1
    assert _rows(sessions) == [("post", "sent", posted["ts"])]


def test_a_post_lost_in_the_crash_is_posted_once_after_the_lease(
    tick, tick_context, sessions, slack_api, monkeypatch
):
    add_followup(sessions, created_at=FLAGGED)
    with monkeypatch.context() as patch:
        patch.setattr(tick_context.sender, "post", _die)
        with pytest.raises(Killed):
            tick(FLAGGED)
    assert _rows(sessions) == [("post", "sending", None)]

    tick(LATER)
    assert _posts(slack_api, "C_SUPPORT") == []
    assert tick(AFTER_LEASE).sent == 1
    tick(AFTER_LEASE + timedelta(minutes=5))

    assert len(_posts(slack_api, "C_SUPPORT")) == 1
    [(key, state, ts)] = _rows(sessions)
    assert (key, state) == ("post", "sent") and ts == slack_api.messages.history("C_SUPPORT")[0]["ts"]


def test_an_owners_reminder_is_looked_for_in_their_dm(tick, tick_context, sessions, slack_api, monkeypatch):
    slack_api.add_user("U_OWNER")
    flagged = FLAGGED - timedelta(hours=49)
    followup_id = add_followup(sessions, created_at=flagged)
    tick(flagged)
    followups_actions.take_followup(sessions, Actor("T1", "U_OWNER"), followup_id)
    overdue = FLAGGED
    _die_after_posting(monkeypatch, tick, overdue)
    assert len(_posts(slack_api, "U_OWNER")) == 1

    tick(overdue + timedelta(minutes=5))

    assert len(_posts(slack_api, "U_OWNER")) == 1
    [_post, (key, state, ts)] = _rows(sessions)
    assert (key, state, ts) == (overdue.astimezone(tick_context.default_tz).date().isoformat(), "sent", ts)
    assert ts == slack_api.messages.history(dm_id("U_OWNER"))[0]["ts"]
