"""Small builders for service tests: drafts, actors and goals stored through the real use cases.

Time is always explicit: `NOW` (aware UTC) and `TODAY` are fixed, and every helper takes its own.
"""

from datetime import UTC, date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.drafts import GoalDraft, ObjectiveDraft
from bot.domain.enums import GoalLevel, GoalStatus
from bot.services import goal_writes, measurements
from bot.services.actor import Actor
from bot.services.measurements import Recorded
from bot.services.read_models import GoalSummary
from models.goals import Goal

TEAM = "T0001"
OTHER_TEAM = "T0002"
OWNER = "U0WNER"
TEAMMATE = "U0MATE"
ADMIN = "U0ADMIN"
CHANNEL = "C0SHOP"
OTHER_CHANNEL = "C0CAFE"

TODAY = date(2027, 1, 4)
NOW = datetime(2027, 1, 4, 9, 30, tzinfo=UTC)
DUE = date(2027, 6, 30)


def actor(user_id: str = OWNER, *, team_id: str = TEAM, is_admin: bool = False) -> Actor:
    return Actor(team_id=team_id, user_id=user_id, is_admin=is_admin)


def row(
    metric: str | None = "CSAT",
    baseline: float | None = 78,
    target: float | None = 90,
    unit: str | None = "%",
) -> ObjectiveDraft:
    return ObjectiveDraft(metric=metric, unit=unit, baseline=baseline, target=target)


BLANK_ROW = ObjectiveDraft()


def draft(
    *rows: ObjectiveDraft,
    title: str = "Raise CSAT for our regulars",
    why: str | None = "because regulars bring most of our revenue",
    due: date = DUE,
    start: date | None = None,
    parent_id: int | None = None,
    level: GoalLevel | None = None,
) -> GoalDraft:
    return GoalDraft(
        title=title,
        why=why,
        level=level,
        parent_id=parent_id,
        start_date=start,
        due_date=due,
        objectives=rows or (row(),),
    )


def make_goal(
    sessions: sessionmaker[Session],
    *rows: ObjectiveDraft,
    who: Actor | None = None,
    channel_id: str | None = CHANNEL,
    today: date = TODAY,
    now: datetime = NOW,
    **draft_fields,
) -> GoalSummary:
    """A goal stored through create_goal, so it is exactly what the bot would store."""
    return goal_writes.create_goal(
        sessions, who or actor(), draft(*rows, **draft_fields), channel_id=channel_id, now=now, today=today
    )


def measure(
    sessions: sessionmaker[Session],
    objective_id: int | None,
    value: float,
    *,
    at: datetime = NOW,
    name: str = "",
    team_id: str = TEAM,
    user_id: str = TEAMMATE,
    channel_id: str | None = None,
    note: str | None = None,
    confirmed: bool = False,
) -> Recorded:
    recorded = measurements.record_measurement(
        sessions,
        team_id=team_id,
        user_id=user_id,
        channel_id=channel_id,
        name=name,
        objective_id=objective_id,
        value=value,
        note=note,
        now=at,
        today=at.date(),
        confirmed=confirmed,
    )
    assert isinstance(recorded, Recorded), recorded
    return recorded


def bare_goal(sessions: sessionmaker[Session], *, level: GoalLevel = GoalLevel.ANNUAL) -> int:
    """A goal without objectives: create_goal refuses those, so it goes straight into the table."""
    with sessions.begin() as session:
        goal = Goal(
            team_id=TEAM,
            title="Make the shop a place people return to",
            why="because it matters",
            owner_id=OWNER,
            channel_id=CHANNEL,
            level=level,
            start_date=date(2027, 1, 1),
            due_date=date(2027, 12, 31),
            status=GoalStatus.ACTIVE,
            created_at=NOW,
        )
        session.add(goal)
        session.flush()
        return goal.id


def count(sessions: sessionmaker[Session], model: type) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def load(sessions: sessionmaker[Session], model: type, row_id: int):
    """A row as stored now, read in a fresh session (columns only; relationships stay unloaded)."""
    with sessions() as session:
        return session.get(model, row_id)
