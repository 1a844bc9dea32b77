"""A weekly and a monthly digest sent in the same tick each measure change against the last
digest of their own kind, not against each other (issue 11, §5.9)."""

import json
from datetime import UTC, date, datetime

from sqlalchemy import select

from handlers.reports.tick_pass import reports_tick_pass
from models.goals import Measurement, Objective
from tests.handlers.reports.quarter import posts, set_up_quarter, tick_context
from tests.services.factories import TEAM


def measure(sessions, goal_id: int, day: date, value: float) -> None:
    with sessions.begin() as session:
        objective = session.scalars(
            select(Objective).where(Objective.goal_id == goal_id, Objective.team_id == TEAM)
        ).one()
        at = datetime(day.year, day.month, day.day, 12, tzinfo=UTC)
        session.add(
            Measurement(
                team_id=TEAM,
                objective_id=objective.id,
                value=value,
                user_id="U1",
                recorded_at=at,
                recorded_on=day,
            )
        )


def thread_text(slack_api, post) -> str:
    replies = [
        c.body for c in slack_api.calls("chat.postMessage") if c.body.get("thread_ts") == post.message_ts
    ]
    return json.dumps([r["blocks"] for r in replies], ensure_ascii=False)


def test_the_weekly_digest_after_the_monthly_one_compares_with_the_last_weekly(sessions, slack_api):
    goal_id = set_up_quarter(sessions, slack_api)
    ctx = tick_context(sessions, slack_api)
    measure(sessions, goal_id, date(2027, 1, 20), 80)  # CSAT 78 → 90: 80 is 17% of the way
    reports_tick_pass(ctx, datetime(2027, 1, 25, 10, 0, tzinfo=UTC))  # the weekly digest of W03
    measure(sessions, goal_id, date(2027, 1, 28), 84)  # 50% of the way
    # Monday 1 February: the weekly digest of W04 and the monthly one of January, in one tick.
    reports_tick_pass(ctx, datetime(2027, 2, 1, 10, 0, tzinfo=UTC))

    sent = {(p.kind, p.period): p for p in posts(sessions) if p.state == "sent"}
    week_before, week = sent[("weekly_digest", "2027-W03")], sent[("weekly_digest", "2027-W04")]
    month = sent[("monthly_digest", "2027-01")]
    assert week.sent_at == month.sent_at  # the same tick
    assert "pts since last digest" not in thread_text(slack_api, week_before)  # the first weekly
    weekly = thread_text(slack_api, week)
    assert "G1 · Raise CSAT for our regulars* · 50% (+33 pts since last digest)" in weekly
    assert "O1 · CSAT · 50% (+33 pts since last digest)" in weekly
    # December's monthly digest showed no value yet, so January's has nothing to compare with,
    # and neither one is compared with the other.
    assert "pts since last digest" not in thread_text(slack_api, month)
    assert "+0 pts" not in weekly
