"""What check-in planning reads about many workspaces at once: one query per table for a group of
workspaces (not one per workspace), grouped by team in Python.

Zones people live in: a window of many hours (a first pass, a pass after downtime) has nearly every
zone on earth at prompt time, and a filter naming ~600 zones costs more to build and send than the
read it narrows. So above MANY_ZONES the zones due are first cut down to those someone in the
workspace lives in (`lived_in`, one read for the group; index people(team_id, tz, user_id)),
usually a handful. A minute's pass names few zones and skips that read.
"""

from collections import defaultdict
from collections.abc import Collection, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.checkins.audience import is_large_audience
from models.checkins import Schedule
from models.people import Holiday, Person

MANY_ZONES = 64


def active_schedules(session: Session) -> dict[str, list[tuple[Schedule, bool]]]:
    """Every active schedule, by team, in id order (loaded: usable after the session closes), and
    whether its audience is large (audience.is_large_audience)."""
    found: defaultdict[str, list[tuple[Schedule, bool]]] = defaultdict(list)
    query = select(Schedule, is_large_audience()).where(Schedule.active.is_(True)).order_by(Schedule.id)
    for schedule, large in session.execute(query):
        found[schedule.team_id].append((schedule, bool(large)))
    return dict(found)


def holidays_of(
    session: Session, team_ids: Sequence[str], first: date, last: date
) -> dict[str, frozenset[date]]:
    found: defaultdict[str, set[date]] = defaultdict(set)
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


def narrowed(zones: frozenset[str], lived: Collection[str | None] | None, default_tz: str) -> frozenset[str]:
    """`zones` less those nobody lives in (all of them if `lived` is None: not read). A person with
    no zone of their own lives in `default_tz`."""
    if lived is None:
        return zones
    kept = {tz for tz in lived if tz is not None and tz in zones}
    if None in lived and default_tz in zones:
        kept.add(default_tz)
    return frozenset(kept)
