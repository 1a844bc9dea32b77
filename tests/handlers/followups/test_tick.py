"""The follow-up pass, driven with successive `now`s: one post per follow-up, one reminder a day
while it is overdue and open, to its owner (DM) or else the channel, and none once it is closed."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select

from bot.services import workspaces
from bot.services.actor import Actor
from bot.services.followups import actions as followups_actions
from bot.services.followups import settings as followups_settings
from bot.slack.standin.directory import dm_id
from handlers.followups.tick import followups_tick_pass
from models.followups import FollowupMessage
from tests.services.reports.factories import add_followup

FLAGGED = datetime(2027, 3, 1, 10, 0, tzinfo=UTC)  # a Monday, 11:00 in Berlin


def _posts(slack_api, channel):
    return [c.body for c in slack_api.calls("chat.postMessage") if c.body["channel"] == channel]


def _text(body) -> str:
    return str(body.get("text")) + str(body.get("blocks"))


def test_a_new_follow_up_is_posted_once_with_its_three_buttons(tick_context, sessions, slack_api):
    add_followup(sessions, created_at=FLAGGED)
    first = followups_tick_pass(tick_context, FLAGGED + timedelta(minutes=1))
    again = followups_tick_pass(tick_context, FLAGGED + timedelta(minutes=2))
    posts = _posts(slack_api, "C_SUPPORT")
    assert (first.due, first.sent, again.due, again.sent) == (1, 1, 0, 0)
    assert len(posts) == 1
    labels = [e["text"]["text"] for b in posts[0]["blocks"] if b["type"] == "actions" for e in b["elements"]]
    assert labels == ["I'll take it", "Resolved", "Not ours"]
    assert "Mrs Lee" in _text(posts[0])


def test_reminders_come_once_a_day_while_overdue_and_stop_when_resolved(tick_context, sessions, slack_api):
    followup_id = add_followup(sessions, created_at=FLAGGED)
    followups_tick_pass(tick_context, FLAGGED + timedelta(minutes=1))
    # Every half hour for four days; due 48 h after it was flagged (Wed 11:00 Berlin).
    now = FLAGGED + timedelta(minutes=30)
    while now < FLAGGED + timedelta(days=4):
        followups_tick_pass(tick_context, now)
        now += timedelta(minutes=30)
    reminders = [b for b in _posts(slack_api, "C_SUPPORT") if "Overdue" in b["text"]]
    assert len(reminders) == 3  # Wednesday 11:00, Thursday and Friday 09:00 Berlin
    assert all("Mrs Lee" in _text(b) and "overdue" in _text(b).lower() for b in reminders)

    followups_actions.close_followup(
        sessions, Actor("T1", "U_OWNER"), followup_id, resolved=True, note="Called her", now=now
    )
    end = now + timedelta(days=3)
    while now < end:
        followups_tick_pass(tick_context, now)
        now += timedelta(hours=1)
    assert len([b for b in _posts(slack_api, "C_SUPPORT") if "Overdue" in b["text"]]) == 3
    with sessions() as session:
        keys = session.scalars(select(FollowupMessage.key).order_by(FollowupMessage.id)).all()
    assert keys == ["post", "2027-03-03", "2027-03-04", "2027-03-05", "notice"]  # the flagger was told
    assert len(_posts(slack_api, "U_MEMBER")) == 1


def test_an_owned_follow_up_reminds_its_owner_by_dm(tick_context, sessions, slack_api):
    followup_id = add_followup(sessions, created_at=FLAGGED)
    followups_tick_pass(tick_context, FLAGGED)
    followups_actions.take_followup(sessions, Actor("T1", "U_OWNER"), followup_id)
    followups_tick_pass(tick_context, FLAGGED + timedelta(hours=49))
    dms = _posts(slack_api, "U_OWNER")
    assert len(dms) == 1 and "overdue" in _text(dms[0]).lower() and "Mrs Lee" in _text(dms[0])
    assert slack_api.messages.history(dm_id("U_OWNER"))


def test_the_channel_due_time_and_follow_up_channel_apply(tick_context, sessions, slack_api):
    admin = Actor("T1", "U_ADMIN", is_admin=True)  # only an admin or a goal owner may change them
    followups_settings.set_due_hours(sessions, admin, "C_SUPPORT", 24)
    followups_settings.set_post_channel(sessions, admin, "C_SUPPORT", "C_ESCALATE")
    add_followup(sessions, created_at=FLAGGED)
    followups_tick_pass(tick_context, FLAGGED)
    assert len(_posts(slack_api, "C_ESCALATE")) == 1 and _posts(slack_api, "C_SUPPORT") == []
    assert followups_tick_pass(tick_context, FLAGGED + timedelta(hours=23)).sent == 0
    assert followups_tick_pass(tick_context, FLAGGED + timedelta(hours=24)).sent == 1


def test_an_anonymous_follow_up_waits_until_its_day_is_over_everywhere(tick_context, sessions, slack_api):
    add_followup(sessions, author_id=None, local_date=date(2027, 3, 1))
    assert followups_tick_pass(tick_context, datetime(2027, 3, 2, 11, 59, tzinfo=UTC)).sent == 0
    assert followups_tick_pass(tick_context, datetime(2027, 3, 2, 12, 0, tzinfo=UTC)).sent == 1
    post = _posts(slack_api, "C_SUPPORT")[0]
    assert "anonymous" in _text(post) and "U_MEMBER" not in _text(post)


def test_a_failed_post_is_retried_by_a_later_tick_and_sent_once(tick_context, sessions, slack_api):
    add_followup(sessions, created_at=FLAGGED)
    slack_api.fail_next("chat.postMessage", status=500, times=4)
    first = followups_tick_pass(tick_context, FLAGGED)
    later = followups_tick_pass(tick_context, FLAGGED + timedelta(minutes=5))
    assert (first.sent, first.retried, later.sent) == (0, 1, 1)
    assert len(slack_api.messages.history("C_SUPPORT")) == 1
    assert slack_api.calls("conversations.history") == []  # Slack answered 500: nothing was posted


def test_a_follow_up_overdue_when_first_posted_is_reminded_only_from_the_next_tick(
    tick_context, sessions, slack_api
):
    add_followup(sessions, created_at=FLAGGED)
    late = FLAGGED + timedelta(hours=50)  # the bot was down for two days
    assert followups_tick_pass(tick_context, late).sent == 1
    assert followups_tick_pass(tick_context, late + timedelta(minutes=1)).sent == 1
    texts = [b["text"] for b in _posts(slack_api, "C_SUPPORT")]
    assert texts[0].startswith("Customer follow-up") and texts[1].startswith("Overdue")


def test_reminders_fall_at_nine_in_the_workspace_zone_not_the_fallback(tick_context, sessions, slack_api):
    # The context's zone (Berlin) is only the fallback: T1's own default zone is New York's.
    workspaces.set_default_zone(sessions, Actor("T1", "U_ADMIN", is_admin=True), "America/New_York")
    add_followup(sessions, created_at=FLAGGED)
    followups_tick_pass(tick_context, FLAGGED + timedelta(minutes=1))
    sent_at = []
    now = FLAGGED + timedelta(minutes=30)
    while now < FLAGGED + timedelta(days=5):
        before = len([b for b in _posts(slack_api, "C_SUPPORT") if "Overdue" in b["text"]])
        followups_tick_pass(tick_context, now)
        if len([b for b in _posts(slack_api, "C_SUPPORT") if "Overdue" in b["text"]]) > before:
            sent_at.append(now)
        now += timedelta(minutes=30)
    # Due Wednesday 10:00 UTC (05:00 in New York, before 09:00): its first reminder waits for 09:00 EST.
    assert sent_at == [
        datetime(2027, 3, 3, 14, tzinfo=UTC),
        datetime(2027, 3, 4, 14, tzinfo=UTC),
        datetime(2027, 3, 5, 14, tzinfo=UTC),
    ]
