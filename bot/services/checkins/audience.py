"""Who a schedule asks, read from the database (never from Slack): members of its audience with a
stored person row, minus exclusions, bots and deactivated users; `tz` None means the default zone.
"""

from collections.abc import Collection, Iterator, Sequence
from datetime import date
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from bot.domain.checkins.away import Member
from models.checkins import Schedule
from models.people import Holiday, Membership, Person

_Ts = TypeVarTuple("_Ts")
# Up to this many members, planning joins from the audience's memberships; above it, from the
# people living in the zones due, unless more than FEW_DUE of the workspace's people live in them
# (see each_asked_member).
SMALL_AUDIENCE = 1000
FEW_DUE = 5000
_PersonRows = Select[str, str | None, date | None]  # user_id, tz, away_until


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
    large: bool | None = None,
) -> Iterator[Member]:
    """`asked_members` read `page` rows at a time (keyset on user_id), so a caller that streams
    holds one page, however many people the schedule asks.

    With `zones`, an audience of more than SMALL_AUDIENCE members is read the other way round when
    at most FEW_DUE of the workspace's people live in those zones: those people first (index
    people(team_id, tz, user_id), one zone at a time), then which of them are members, a page at a
    time. So a tick's cost follows the people whose prompt time it is, not the size of the channel
    (issue 12: 100,000 members, 50 due). Otherwise the join from the audience's memberships, which
    reads no more than its members. Both choices count with a bound, never reading all of either.
    `large`: whether the audience has more than SMALL_AUDIENCE members, if the caller knows
    (`is_large_audience`, read for many schedules at once)."""
    if zones is not None and not zones:
        return
    excluded = set(schedule.excluded_user_ids)
    members: Iterator[Any]
    if zones is None or large is False or not _by_zone(session, schedule, zones, default_tz, large):
        query = _asked(schedule, select(Person.user_id, Person.tz, Person.away_until))
        if zones is not None:
            in_zones = Person.tz.in_(sorted(zones))
            query = query.where(or_(in_zones, Person.tz.is_(None)) if default_tz in zones else in_zones)
        members = (row for rows in _pages(session, query, page) for row in rows)
    else:
        members = _members_living_in(session, schedule, zones, default_tz, page)
    for user_id, tz, away_until in members:
        if user_id not in excluded:
            yield Member(user_id, tz or default_tz, away_until)


def _pages(session: Session, query: _PersonRows, page: int) -> Iterator[Sequence[Any]]:
    """The rows of `query` (its first column a user id), `page` at a time by user id."""
    after: str | None = None
    while True:
        paged = query if after is None else query.where(Person.user_id > after)
        rows = session.execute(paged.order_by(Person.user_id).limit(page)).all()
        yield rows
        if len(rows) < page:
            return
        after = rows[-1][0]


def is_large_audience() -> ColumnElement[bool]:
    """Whether a schedule's audience has more than SMALL_AUDIENCE members, as a column of a query
    of schedules (it reads at most SMALL_AUDIENCE + 1 memberships)."""
    beyond = (
        select(Membership.id)
        .where(Membership.team_id == Schedule.team_id, Membership.group_id == Schedule.audience_id)
        .order_by(Membership.user_id)
        .offset(SMALL_AUDIENCE)
        .limit(1)
        .correlate(Schedule)
        .scalar_subquery()
    )
    return beyond.is_not(None)


def _by_zone(
    session: Session, schedule: Schedule, zones: Collection[str], default_tz: str, large: bool | None
) -> bool:
    members = select(Membership.user_id).where(
        Membership.team_id == schedule.team_id, Membership.group_id == schedule.audience_id
    )
    if large is None and _count_up_to(session, members, SMALL_AUDIENCE) <= SMALL_AUDIENCE:
        return False
    # Named zones and no zone counted apart: an OR of the two would not use the index on SQLite.
    people = select(Person.user_id).where(Person.team_id == schedule.team_id)
    due = _count_up_to(session, people.where(Person.tz.in_(sorted(zones))), FEW_DUE)
    if default_tz in zones and due <= FEW_DUE:
        due += _count_up_to(session, people.where(Person.tz.is_(None)), FEW_DUE)
    return due <= FEW_DUE


def _count_up_to(session: Session, query: Select[str], bound: int) -> int:
    """How many rows `query` has, counting no further than bound + 1."""
    first = query.limit(bound + 1).subquery()
    return session.scalar(select(func.count()).select_from(first)) or 0


def _members_living_in(
    session: Session, schedule: Schedule, zones: Collection[str], default_tz: str, page: int
) -> Iterator[Any]:
    # Of the zones due, only those someone in the workspace lives in (one index read): a minute
    # has dozens of zones at prompt time, a workspace people in few of them.
    lived_in = select(Person.tz).where(Person.team_id == schedule.team_id, Person.tz.in_(sorted(zones)))
    wanted: list[str | None] = [*sorted(tz for tz in session.scalars(lived_in.distinct()) if tz)]
    if default_tz in zones:
        wanted.append(None)  # people with no zone of their own live in the default one
    for tz in wanted:
        living = select(Person.user_id, Person.tz, Person.away_until).where(
            Person.team_id == schedule.team_id,
            Person.tz.is_(None) if tz is None else Person.tz == tz,
            Person.is_bot.is_(False),
            Person.deleted.is_(False),
        )
        for rows in _pages(session, living, page):
            if not rows:
                break
            members = set(
                session.scalars(
                    select(Membership.user_id).where(
                        Membership.team_id == schedule.team_id,
                        Membership.group_id == schedule.audience_id,
                        Membership.user_id.in_([row[0] for row in rows]),
                    )
                )
            )
            yield from (row for row in rows if row[0] in members)


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


def _asked(schedule: Schedule, query: Select[*_Ts]) -> Select[*_Ts]:
    return query.join_from(
        Membership, Person, (Person.team_id == Membership.team_id) & (Person.user_id == Membership.user_id)
    ).where(
        Membership.team_id == schedule.team_id,
        Membership.group_id == schedule.audience_id,
        Person.is_bot.is_(False),
        Person.deleted.is_(False),
    )
