"""Planning follow-up messages: what is owed at `now`, recorded once before anything is sent.

Each message is a row of `follow_up_messages` under the unique (follow-up, key), written with
INSERT … ON CONFLICT DO NOTHING, so repeated or concurrent ticks record it once: "post" for a
follow-up not posted yet (and its due time, from the channel's setting), the local date for an
overdue one's daily reminder, in its workspace's default zone (the rule is
bot.domain.followups.due.due_followup_reminders).
The outbox engine (bot/outbound/outbox) hands the rows to senders. Anonymous follow-ups held until
now become follow-ups first (followups_release.py).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

from sqlalchemy import Table, and_, exists, or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import FollowUpStatus
from bot.domain.followups.due import DEFAULT_DUE_HOURS, Followup, due_at, due_followup_reminders
from bot.services.followups.read_models import latest_anonymous_date_to_post, opened_at
from bot.services.followups.release import release_anonymous_flags
from bot.services.workspaces_zones import default_zones
from models.dialect import insert_ignoring
from models.followups import POST_KEY, FollowUp, FollowupMessage, FollowupSettings

_TABLE = cast(Table, FollowupMessage.__table__)
_OPEN = (FollowUpStatus.OPEN, FollowUpStatus.TAKEN)
PLAN_LIMIT = 1000


@dataclass(frozen=True)
class Planned:
    posts: int
    reminders: int


def plan_followup_messages(
    sessions: sessionmaker[Session], *, now: datetime, default_tz: ZoneInfo
) -> Planned:
    with sessions.begin() as session:
        release_anonymous_flags(session, now)
        posts = _plan_posts(session, now)
        reminders = _plan_reminders(session, now, str(default_tz))
    return Planned(posts, reminders)


def _plan_posts(session: Session, now: datetime) -> int:
    posted = exists().where(FollowupMessage.follow_up_id == FollowUp.id, FollowupMessage.key == POST_KEY)
    ready = or_(FollowUp.author_id.is_not(None), FollowUp.local_date <= latest_anonymous_date_to_post(now))
    query = (
        select(FollowUp, FollowupSettings.due_hours)
        .outerjoin(
            FollowupSettings,
            and_(
                FollowupSettings.team_id == FollowUp.team_id,
                FollowupSettings.channel_id == FollowUp.channel_id,
            ),
        )
        .where(FollowUp.status.in_(_OPEN), ready, ~posted)
        .order_by(FollowUp.id)
        .limit(PLAN_LIMIT)
    )
    rows = []
    for followup, hours in session.execute(query).all():
        followup.due_at = due_at(opened_at(followup), hours or DEFAULT_DUE_HOURS)
        rows.append(_row(followup, POST_KEY, now))
    return len(_insert_new(session, rows))


def _plan_reminders(session: Session, now: datetime, tz: str) -> int:
    # Only once its post is out: a reminder must never come before (or with) the post itself.
    posted = exists().where(
        FollowupMessage.follow_up_id == FollowUp.id,
        FollowupMessage.key == POST_KEY,
        FollowupMessage.state == "sent",
    )
    query = select(FollowUp).where(
        FollowUp.status.in_(_OPEN), FollowUp.due_at.is_not(None), FollowUp.due_at <= now, posted
    )
    overdue = {row.id: row for row in session.scalars(query.order_by(FollowUp.id).limit(PLAN_LIMIT))}
    # Each reminds at its workspace's local time: the zones of every workspace here, in one read.
    zones = default_zones(session, (row.team_id for row in overdue.values()), tz)
    rules = [_rule(row, zones[row.team_id]) for row in overdue.values()]
    rows = [
        _row(overdue[r.key.followup_id], r.key.local_date.isoformat(), now)
        for r in due_followup_reminders(rules, now, tz)
    ]
    return len(_insert_new(session, rows))


def _rule(row: FollowUp, zone: str) -> Followup:
    opened = opened_at(row)
    assert row.due_at is not None
    hours = max(1, round((row.due_at - opened) / timedelta(hours=1)))
    return Followup(row.id, opened, due_hours=hours, owner_key=row.owner_id, zone=zone)


def _row(followup: FollowUp, key: str, now: datetime) -> dict[str, Any]:
    return {
        "team_id": followup.team_id,
        "follow_up_id": followup.id,
        "key": key,
        "state": "pending",
        "attempts": 0,
        "not_before": now,
    }


def _insert_new(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    if not rows:
        return []
    statement = insert_ignoring(session, _TABLE, ["follow_up_id", "key"])
    return [row.id for row in session.execute(statement.returning(_TABLE.c.id), rows).all()]
