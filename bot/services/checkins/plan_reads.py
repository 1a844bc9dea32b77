"""What check-in planning reads about many workspaces at once: one query per table for a group of
workspaces (not one per workspace), grouped by team in Python.

`lived_in`: the zones a group of workspaces' people live in (plan_zones.narrowed says why).
"""

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.checkins.audience import is_large_audience
from models.checkins import Schedule
from models.people import Holiday, Person


def active_schedules(session: Session, team_ids: Sequence[str]) -> dict[str, list[tuple[Schedule, bool]]]:
    """The teams' active schedules, by team, in id order, and whether each one's audience is large
    (audience.is_large_audience)."""
    found: defaultdict[str, list[tuple[Schedule, bool]]] = defaultdict(list)
    if not team_ids:
        return {}
    query = (
        select(Schedule, is_large_audience())
        .where(Schedule.team_id.in_(list(team_ids)), Schedule.active.is_(True))
        .order_by(Schedule.id)
    )
    for schedule, large in session.execute(query):
        found[schedule.team_id].append((schedule, bool(large)))
    return dict(found)


def holidays_of(
    session: Session, team_ids: Sequence[str], first: date, last: date
) -> dict[str, frozenset[date]]:
    found: defaultdict[str, set[date]] = defaultdict(set)
    if team_ids:
        query = select(Holiday.team_id, Holiday.day).where(
            Holiday.team_id.in_(list(team_ids)), Holiday.day.between(first, last)
        )
        for team_id, day in session.execute(query):
            found[team_id].add(day)
    return {team_id: frozenset(found[team_id]) for team_id in team_ids}


def lived_in(session: Session, team_ids: Sequence[str]) -> dict[str, frozenset[str | None]]:
    """The zones each team's people live in (None: the team's default zone)."""
    found: defaultdict[str, set[str | None]] = defaultdict(set)
    if team_ids:
        query = select(Person.team_id, Person.tz).where(Person.team_id.in_(list(team_ids))).distinct()
        for team_id, tz in session.execute(query):
            found[team_id].add(tz)
    return {team_id: frozenset(found[team_id]) for team_id in team_ids}
