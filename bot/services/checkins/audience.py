"""Who a schedule asks, read from the database (never from Slack): members of its audience with a
stored person row, minus exclusions, bots and deactivated users; `tz` None means the default zone.
"""

from collections.abc import Collection, Iterable, Iterator
from datetime import date
from typing import TypeVarTuple

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from bot.domain.checkins.away import Member
from models.checkins import Schedule
from models.people import Holiday, Membership, Person

_Ts = TypeVarTuple("_Ts")


def asked_members(
    session: Session, schedule: Schedule, default_tz: str, zones: Collection[str] | None = None
) -> list[Member]:
    """The people `schedule` asks; with `zones`, only those living in them (index on people.tz)."""
    return list(each_asked_member(session, schedule, default_tz, zones))


def each_asked_member(
    session: Session,
    schedule: Schedule,
    default_tz: str,
    zones: Collection[str] | None = None,
    *,
    page: int = 500,
) -> Iterator[Member]:
    """`asked_members` read `page` rows at a time (keyset on user_id), so a caller that streams
    holds one page, however many people the schedule asks."""
    query = _asked(schedule, select(Person.user_id, Person.tz, Person.away_until))
    if zones is not None:
        if not zones:
            return
        in_zones = Person.tz.in_(sorted(zones))
        query = query.where(or_(in_zones, Person.tz.is_(None)) if default_tz in zones else in_zones)
    excluded = set(schedule.excluded_user_ids)
    after: str | None = None
    while True:
        paged = query if after is None else query.where(Person.user_id > after)
        rows = session.execute(paged.order_by(Person.user_id).limit(page)).all()
        for user_id, tz, away_until in rows:
            if user_id not in excluded:
                yield Member(user_id, tz or default_tz, away_until)
        if len(rows) < page:
            return
        after = rows[-1].user_id


def count_asked(session: Session, schedule: Schedule) -> int:
    excluded = set(schedule.excluded_user_ids)
    users = session.scalars(_asked(schedule, select(Person.user_id)))
    return sum(1 for user_id in users if user_id not in excluded)


def is_asked(session: Session, schedule: Schedule, user_id: str) -> bool:
    if user_id in schedule.excluded_user_ids:
        return False
    query = _asked(schedule, select(func.count())).where(Person.user_id == user_id)
    return bool(session.scalar(query))


def schedules_asking(session: Session, team_id: str, user_id: str) -> list[Schedule]:
    """Active schedules of the workspace whose audience holds `user_id` (index team_id, user_id)."""
    groups = select(Membership.group_id).where(Membership.team_id == team_id, Membership.user_id == user_id)
    query = select(Schedule).where(
        Schedule.team_id == team_id, Schedule.active.is_(True), Schedule.audience_id.in_(groups)
    )
    return [s for s in session.scalars(query.order_by(Schedule.id)) if user_id not in s.excluded_user_ids]


def holidays_between(session: Session, team_id: str, first: date, last: date) -> frozenset[date]:
    query = select(Holiday.day).where(Holiday.team_id == team_id, Holiday.day.between(first, last))
    return frozenset(session.scalars(query))


def person_of(session: Session, team_id: str, user_id: str) -> Person | None:
    return session.scalar(select(Person).where(Person.team_id == team_id, Person.user_id == user_id))


def people_of(session: Session, team_id: str, user_ids: Iterable[str]) -> dict[str, Person]:
    """The workspace's people among `user_ids`, by id (one query; the unknown are left out)."""
    wanted = sorted(set(user_ids))
    if not wanted:
        return {}
    query = select(Person).where(Person.team_id == team_id, Person.user_id.in_(wanted))
    return {person.user_id: person for person in session.scalars(query)}


def _asked(schedule: Schedule, query: Select[*_Ts]) -> Select[*_Ts]:
    return query.join_from(
        Membership, Person, (Person.team_id == Membership.team_id) & (Person.user_id == Membership.user_id)
    ).where(
        Membership.team_id == schedule.team_id,
        Membership.group_id == schedule.audience_id,
        Person.is_bot.is_(False),
        Person.deleted.is_(False),
    )
