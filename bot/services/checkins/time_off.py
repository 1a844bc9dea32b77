"""Time off: a person away until a date (inclusive) or back; workspace holidays (admins set them).

Someone off is not prompted and not counted missing, and can still answer (see planning, status).
"""

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.localtime import zone
from bot.services.actor import Actor
from bot.services.checkins.audience import person_of
from bot.services.checkins.members import NEVER_REFRESHED
from bot.services.checkins.read_models import HolidayView
from bot.services.checkins.refusals import AdminOnly, HolidayExists, NoHoliday
from models.people import Holiday, Person


def set_away(
    sessions: sessionmaker[Session], *, team_id: str, user_id: str, until: date | None, now: datetime
) -> date | None:
    """`until` is the last day away (None: back now). Returns what is stored."""
    with sessions.begin() as session:
        person = person_of(session, team_id, user_id)
        if person is None:
            # Not in any synced channel yet: remember the time off for when they are.
            person = Person(team_id=team_id, user_id=user_id, tz=None, refreshed_at=NEVER_REFRESHED)
            session.add(person)
        person.away_until = until
        return until


def end_away(
    sessions: sessionmaker[Session], *, team_id: str, user_id: str, now: datetime, default_tz: str
) -> bool:
    """`/checkin back`: ends the person's time off; False when they were not away (today, in their
    zone, is past their last day away, or they never said), so nothing changed."""
    with sessions.begin() as session:
        person = person_of(session, team_id, user_id)
        if person is None or person.away_until is None:
            return False
        today = now.astimezone(zone(person.tz or default_tz, default_tz)).date()
        was_away = person.away_until >= today
        person.away_until = None
        return was_away


def add_holiday(sessions: sessionmaker[Session], actor: Actor, *, day: date, name: str) -> HolidayView:
    """Adds the day; refused when it is a holiday already (renaming is remove, then add)."""
    _require_admin(actor)
    with sessions.begin() as session:
        holiday = _holiday(session, actor.team_id, day)
        if holiday is not None:
            raise HolidayExists(day, holiday.name, field="day")
        try:
            with session.begin_nested():  # two admins adding the same day at once: one wins
                session.add(Holiday(team_id=actor.team_id, day=day, name=name))
        except IntegrityError:
            taken = _holiday(session, actor.team_id, day)
            raise HolidayExists(day, taken.name if taken else name, field="day") from None
        return HolidayView(day, name)


def list_holidays(
    sessions: sessionmaker[Session], *, team_id: str, since: date | None = None
) -> list[HolidayView]:
    """Anyone may list them; `since` leaves out past ones."""
    with sessions.begin() as session:
        query = select(Holiday).where(Holiday.team_id == team_id)
        if since is not None:
            query = query.where(Holiday.day >= since)
        return [HolidayView(h.day, h.name) for h in session.scalars(query.order_by(Holiday.day))]


def remove_holiday(sessions: sessionmaker[Session], actor: Actor, *, day: date) -> HolidayView:
    _require_admin(actor)
    with sessions.begin() as session:
        holiday = _holiday(session, actor.team_id, day)
        if holiday is None:
            raise NoHoliday(day, field="day")
        removed = HolidayView(holiday.day, holiday.name)
        session.delete(holiday)
        return removed


def _holiday(session: Session, team_id: str, day: date) -> Holiday | None:
    return session.scalar(select(Holiday).where(Holiday.team_id == team_id, Holiday.day == day))


def _require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise AdminOnly()
