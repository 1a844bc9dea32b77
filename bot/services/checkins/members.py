"""Who is asked lives in the database: channel memberships and each person's zone and status.

The handler reads Slack (`conversations.members`, paginated, and `users.info`) and passes what it
read; nothing here calls Slack. A person's zone is stored only if it is a zone name we know, so the
tick can rely on `people.tz` (None means DEFAULT_TIMEZONE). Bots and deactivated users are stored
with their flags and never asked.
"""

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.zones import canonical_zone
from bot.services.checkins.audience import count_asked
from bot.services.checkins.read_models import PersonInfo, SyncResult
from models.checkins import Schedule
from models.people import Membership, Person

NEVER_REFRESHED = datetime(1970, 1, 1, tzinfo=UTC)  # joined without users.info: refresh first
REFRESH_AFTER = timedelta(days=1)
_CHUNK = 500


def stored_zone(tz: str | None) -> str | None:
    return canonical_zone(tz)


def sync_channel_members(
    sessions: sessionmaker[Session],
    team_id: str,
    channel_id: str,
    members: Sequence[PersonInfo],
    now: datetime,
) -> SyncResult:
    """The channel's memberships become exactly `members`; their people rows are refreshed."""
    return sync_audience(sessions, team_id, channel_id, [m.user_id for m in members], members, now)


def sync_audience(
    sessions: sessionmaker[Session],
    team_id: str,
    audience_id: str,
    member_ids: Sequence[str],
    infos: Sequence[PersonInfo],
    now: datetime,
) -> SyncResult:
    """The audience's memberships become exactly `member_ids`; people rows are refreshed from
    `infos`, which may cover only some members (the clock re-reads only the people it claimed;
    another clock refreshes the rest). A member with neither is stored for the next refresh."""
    wanted = set(member_ids)
    with sessions.begin() as session:
        held = set(
            session.scalars(
                select(Membership.user_id).where(
                    Membership.team_id == team_id, Membership.group_id == audience_id
                )
            )
        )
        left = sorted(held - wanted)
        for chunk in _chunks(left):
            session.execute(
                delete(Membership).where(
                    Membership.team_id == team_id,
                    Membership.group_id == audience_id,
                    Membership.user_id.in_(chunk),
                )
            )
        session.execute(
            update(Membership)
            .where(Membership.team_id == team_id, Membership.group_id == audience_id)
            .values(synced_at=now)
        )
        joined = sorted(wanted - held)
        session.add_all(
            Membership(team_id=team_id, group_id=audience_id, user_id=user_id, synced_at=now)
            for user_id in joined
        )
        read = {info.user_id: info for info in infos}
        unread = [PersonInfo(user_id) for user_id in sorted(wanted - read.keys())]
        _refresh_people(session, team_id, read.values(), now)
        _refresh_people(session, team_id, unread, NEVER_REFRESHED, only_new=True)
        session.flush()
        asked = sum(count_asked(session, s) for s in _schedules_of(session, team_id, audience_id))
        return SyncResult(asked=asked, joined=tuple(joined), left=tuple(left))


def member_joined(
    sessions: sessionmaker[Session],
    *,
    team_id: str,
    channel_id: str,
    user_id: str,
    now: datetime,
    info: PersonInfo | None = None,
) -> None:
    """`member_joined_channel`. Without `info` (users.info not read yet) an unknown person is stored
    with the default zone and marked for refresh."""
    with sessions.begin() as session:
        exists = session.scalar(
            select(Membership.id).where(
                Membership.team_id == team_id,
                Membership.group_id == channel_id,
                Membership.user_id == user_id,
            )
        )
        if exists is None:
            session.add(Membership(team_id=team_id, group_id=channel_id, user_id=user_id, synced_at=now))
        if info is not None:
            _refresh_people(session, team_id, [info], now)
        elif _person(session, team_id, user_id) is None:
            session.add(Person(team_id=team_id, user_id=user_id, tz=None, refreshed_at=NEVER_REFRESHED))


def member_left(sessions: sessionmaker[Session], *, team_id: str, channel_id: str, user_id: str) -> None:
    """`member_left_channel`: no longer asked there (their answers stay)."""
    with sessions.begin() as session:
        session.execute(
            delete(Membership).where(
                Membership.team_id == team_id,
                Membership.group_id == channel_id,
                Membership.user_id == user_id,
            )
        )


def person_changed(sessions: sessionmaker[Session], *, team_id: str, info: PersonInfo, now: datetime) -> bool:
    """`user_change`: new zone, deactivated. Only people we already ask are stored; False otherwise."""
    with sessions.begin() as session:
        person = _person(session, team_id, info.user_id)
        if person is None:
            return False
        _apply(person, info, now)
        return True


def stale_people(
    sessions: sessionmaker[Session], *, team_id: str, now: datetime, limit: int = 1000
) -> list[str]:
    """User ids whose `users.info` is older than a day (oldest first): the daily refresh's work list."""
    with sessions.begin() as session:
        query = (
            select(Person.user_id)
            .where(
                Person.team_id == team_id,
                Person.deleted.is_(False),
                Person.refreshed_at < now - REFRESH_AFTER,
            )
            .order_by(Person.refreshed_at, Person.user_id)
            .limit(limit)
        )
        return list(session.scalars(query))


def audiences_to_sync(sessions: sessionmaker[Session], *, team_id: str, now: datetime) -> list[str]:
    """Channels of active schedules whose members were last synced over a day ago (or never)."""
    with sessions.begin() as session:
        audiences = session.scalars(
            select(Schedule.audience_id).where(Schedule.team_id == team_id, Schedule.active.is_(True))
        ).all()
        stale = []
        for audience_id in sorted(set(audiences)):
            last = session.scalar(
                select(Membership.synced_at)
                .where(Membership.team_id == team_id, Membership.group_id == audience_id)
                .order_by(Membership.synced_at)
                .limit(1)
            )
            if last is None or last < now - REFRESH_AFTER:
                stale.append(audience_id)
        return stale


def _refresh_people(
    session: Session, team_id: str, infos: Iterable[PersonInfo], now: datetime, *, only_new: bool = False
) -> None:
    """People rows from `infos`; with `only_new`, rows that exist are left as they are."""
    by_user = {info.user_id: info for info in infos}
    for chunk in _chunks(sorted(by_user)):
        found = session.scalars(select(Person).where(Person.team_id == team_id, Person.user_id.in_(chunk)))
        existing = {person.user_id: person for person in found}
        for user_id in chunk:
            person = existing.get(user_id)
            if person is not None and only_new:
                continue
            if person is None:
                person = Person(team_id=team_id, user_id=user_id)
                session.add(person)
            _apply(person, by_user[user_id], now)


def _apply(person: Person, info: PersonInfo, now: datetime) -> None:
    person.tz = stored_zone(info.tz)
    person.is_bot = info.is_bot
    person.deleted = info.deleted
    person.refreshed_at = now


def _person(session: Session, team_id: str, user_id: str) -> Person | None:
    return session.scalar(select(Person).where(Person.team_id == team_id, Person.user_id == user_id))


def _schedules_of(session: Session, team_id: str, channel_id: str) -> list[Schedule]:
    query = select(Schedule).where(
        Schedule.team_id == team_id, Schedule.audience_id == channel_id, Schedule.active.is_(True)
    )
    return list(session.scalars(query))


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
