"""The check-in outbox's loader (bot/outbound/outbox/tables.py): what a claimed delivery needs to go
out (its person's zone, else the workspace's; the period's times, the questions and objectives),
until when it is worth sending (the period's close), and which claimed rows nobody needs any more.
The schedules and the people's zones of a claimed batch (of one workspace or several) are read in
one query each.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.checkins.enums import DeliveryKind
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.periods import closes_at
from bot.domain.outbox import NotWanted, Ready
from bot.services.checkins.outbox import prompt_query
from bot.services.checkins.prompt_contents import ObjectiveCache
from bot.services.checkins.read_models import DeliveryToSend
from bot.services.checkins.specs import spec_of
from models.checkins import Delivery, Schedule
from models.dialect import one_of
from models.people import Person


def contents_to_send(
    session: Session, rows: Sequence[Delivery], now: datetime, default_zones: Mapping[str, str]
) -> list[Ready | NotWanted]:
    """What each claimed row needs to be sent, worth sending until its period closes; a row of a
    turned-off schedule, or whose prompt was answered, is not wanted. `default_zones`: each
    workspace's default zone."""
    objectives = ObjectiveCache(session)
    zones = _own_zones(session, rows)
    ids = {row.schedule_id for row in rows}
    schedules = {s.id: (s, spec_of(s)) for s in session.scalars(select(Schedule).where(Schedule.id.in_(ids)))}
    objectives.read_ahead([schedule for schedule, _ in schedules.values()])
    out: list[Ready | NotWanted] = []
    # A batch's prompts mostly share a schedule, a zone and a prompt time: each close is worked
    # out once (it walks the schedule's prompt times, the dearest part of loading a row).
    closing: dict[tuple[int, str, datetime], datetime] = {}
    for row in rows:
        schedule, spec = schedules[row.schedule_id]
        if not schedule.active or _answered(session, row):
            out.append(NotWanted(row.id, "answered" if schedule.active else "check-in turned off"))
            continue
        default_tz = default_zones[row.team_id]
        tz = zone(zones.get((row.team_id, row.user_id)) or default_tz, default_tz)
        opened = _prompt_time(session, row)
        closes = closing.get((schedule.id, tz.key, opened))
        if closes is None:
            closes = closing[schedule.id, tz.key, opened] = closes_at(spec, tz, opened)
        delivery = DeliveryToSend(
            id=row.id,
            team_id=row.team_id,
            user_id=row.user_id,
            channel_id=schedule.channel_id,
            schedule_id=schedule.id,
            kind=row.kind,
            sequence=row.sequence,
            local_date=row.local_date,
            scheduled_at=row.scheduled_at,
            attempts=row.attempts,
            anonymous=schedule.anonymous,
            questions=spec.questions,
            objectives=objectives.for_schedule(schedule, row.local_date),
            late_at=opened + spec.window,
            closes_at=closes,
            needs_reconcile=row.outcome_unknown_since is not None,
            tz=tz.key,
        )
        out.append(Ready(row.id, row.kind.value, delivery, useful_until=closes))
    return out


def _own_zones(session: Session, rows: Sequence[Delivery]) -> dict[tuple[str, str], str | None]:
    """Each claimed row's person's own zone (None: the workspace's), read in one query."""
    teams, users = sorted({row.team_id for row in rows}), sorted({row.user_id for row in rows})
    query = select(Person.team_id, Person.user_id, Person.tz).where(
        one_of(session, Person.team_id, teams), one_of(session, Person.user_id, users)
    )
    return {(team_id, user_id): tz for team_id, user_id, tz in session.execute(query)}


def _prompt_of(session: Session, row: Delivery) -> Delivery | None:
    if row.kind == DeliveryKind.PROMPT:
        return row
    return session.scalar(prompt_query(row.schedule_id, row.user_id, row.local_date))


def _prompt_time(session: Session, row: Delivery) -> datetime:
    prompt = _prompt_of(session, row)
    return prompt.scheduled_at if prompt is not None else row.scheduled_at


def _answered(session: Session, row: Delivery) -> bool:
    prompt = _prompt_of(session, row)
    return prompt is not None and prompt.answered
