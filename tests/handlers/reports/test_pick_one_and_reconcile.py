"""The "pick one" prompt at the channel's reminder time (and silenced by reminders off), and a post
whose sender died after posting is recorded from the channel's history, not posted twice."""

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import update

from bot.services.reports.settings import change_settings
from handlers.reports.tick_pass import reports_tick_pass
from models.reports import ReportPost
from tests.handlers.reports.quarter import SET_UP, berlin, posts, set_up_quarter, tick_context, ticks
from tests.services.factories import CHANNEL, actor

FEBRUARY = datetime(2027, 1, 31, 0, 0, tzinfo=UTC), datetime(2027, 2, 3, 0, 0, tzinfo=UTC)


def pick_ones(sessions):
    return [p for p in posts(sessions) if p.kind == "pick_one" and p.period == "2027-02"]


def test_a_channel_with_goals_and_no_main_goal_is_asked_to_pick_one_at_its_time(sessions, slack_api):
    set_up_quarter(sessions, slack_api, focus_months=())
    ctx = tick_context(sessions, slack_api)
    for now in ticks(*FEBRUARY, timedelta(minutes=30)):
        reports_tick_pass(ctx, now)
    [prompt] = pick_ones(sessions)
    assert prompt.state == "sent" and prompt.due_at == berlin(date(2027, 2, 1))
    assert berlin(date(2027, 2, 1)) <= prompt.sent_at < berlin(date(2027, 2, 1)) + timedelta(minutes=30)
    message = next(c for c in slack_api.calls("chat.postMessage") if "pick one" in c.body["text"])
    values = [b["accessory"]["value"] for b in message.body["blocks"] if b.get("accessory")]
    assert values and all(v.endswith(":2027-02") for v in values)


def test_reminders_off_silences_the_pick_one_prompt(sessions, slack_api):
    set_up_quarter(sessions, slack_api, focus_months=())
    change_settings(sessions, actor(), CHANNEL, now=SET_UP, default_tz="UTC", reminders_enabled=False)
    ctx = tick_context(sessions, slack_api)
    for now in ticks(*FEBRUARY, timedelta(minutes=30)):
        reports_tick_pass(ctx, now)
    assert pick_ones(sessions) == []
    assert not [c for c in slack_api.calls("chat.postMessage") if "pick one" in c.body["text"]]


def test_a_post_left_sending_is_found_in_history_and_not_posted_again(sessions, slack_api, clock):
    set_up_quarter(sessions, slack_api)
    ctx = tick_context(sessions, slack_api)
    first = datetime(2027, 2, 1, 9, 0, tzinfo=UTC)
    clock.now = first  # Slack's clock: history is read from shortly before the lost attempt
    reports_tick_pass(ctx, first)
    sent = [p for p in posts(sessions) if p.state == "sent"]
    assert sent
    posted_before = len(slack_api.calls("chat.postMessage"))
    # As if the sender died between posting and recording: the row is still `sending`.
    with sessions.begin() as session:
        session.execute(
            update(ReportPost)
            .where(ReportPost.id == sent[0].id)
            .values(state="sending", message_ts=None, claimed_at=first)
        )
    reports_tick_pass(ctx, first + timedelta(minutes=5))
    again = {p.id: p for p in posts(sessions)}[sent[0].id]
    assert again.state == "sent" and again.message_ts == sent[0].message_ts
    assert len(slack_api.calls("chat.postMessage")) == posted_before
    assert slack_api.calls("conversations.history")
