"""The tick's first half: record what is due (prompts and reminders) in the outbox, before sending.

Each workspace has a cursor (`checkin_plans.planned_until`): a pass plans `(cursor, now]` and moves
the cursor to `now`, so a repeated tick at one instant plans nothing, overlapping ticks plan each
key once (the outbox key, inserted with ON CONFLICT DO NOTHING), and a tick after downtime catches
up from where the last one stopped, at most `LOOKBACK` back. Past prompts whose response window has
closed are recorded as `skipped` (never sent); so are reminders that would be noise.

Zones: a person with no zone of their own (`people.tz` None) lives in their workspace's default
zone (`workspaces.default_tz`, read for every workspace at once), else DEFAULT_TIMEZONE.

Cost: per schedule, which zones are at prompt time is computed once (`zones_with_prompts`, shared
by schedules with the same days and time), then only members living in those zones are loaded
(index on people.tz). Reminders read only prompts that can have one in the window
(`reminder_candidates`): sent `after * k` before it, or living where the quiet hours end in it.
Each workspace is planned in its own transaction, holding its cursor row (FOR UPDATE on PostgreSQL).

Memory: prompts stream (members read a page at a time, rows inserted `insert_in_batches` at a time,
counting only the rows created), so planning holds one batch however many are due. Reminders are
still computed per schedule as one list (bounded by the prompts sent that can have one).
"""

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from itertools import chain
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.due import DuePrompt, each_prompt, is_due, zones_with_prompts
from bot.domain.checkins.enums import DeliveryKind, DeliveryState, Weekday
from bot.domain.checkins.reminders import DueReminder, due_reminders
from bot.domain.checkins.spec import ScheduleSpec
from bot.domain.zones import known_zones
from bot.services.checkins.audience import each_asked_member, holidays_between
from bot.services.checkins.cursor import lock_cursor
from bot.services.checkins.outbox import delivery_row, insert_in_batches
from bot.services.checkins.read_models import PlanSummary
from bot.services.checkins.sent_prompts import reminder_candidates
from bot.services.checkins.specs import spec_of
from bot.services.workspaces_zones import default_zones
from models.checkins import Schedule

LOOKBACK = timedelta(hours=24)
EVERY_DAY = frozenset(Weekday)
_DATE_MARGIN = timedelta(days=2)
BATCH = 500  # outbox rows per INSERT, and members per page: what planning holds at once


def plan_deliveries(
    sessions: sessionmaker[Session],
    *,
    now: datetime,
    default_tz: str,
    since: datetime | None = None,
    lookback: timedelta = LOOKBACK,
) -> PlanSummary:
    """Plans every workspace with an active schedule, each in its own default zone (`default_tz`,
    DEFAULT_TIMEZONE, for one without). `since` overrides the stored cursors (tests, a manual
    re-plan); rows already planned are never planned twice either way."""
    with sessions.begin() as session:
        teams = session.scalars(select(Schedule.team_id).where(Schedule.active.is_(True)).distinct()).all()
        zones = default_zones(session, teams, default_tz)
    summary = PlanSummary()
    for team_id in sorted(teams):
        with sessions.begin() as session:
            planned = _plan_team(session, team_id, now, zones[team_id], since, lookback)
        summary = PlanSummary(
            summary.due + planned.due,
            summary.skipped + planned.skipped,
            summary.reminders + planned.reminders,
        )
    return summary


def _plan_team(
    session: Session,
    team_id: str,
    now: datetime,
    default_tz: str,
    since: datetime | None,
    lookback: timedelta,
) -> PlanSummary:
    cursor = lock_cursor(session, team_id, now - lookback)
    start = since if since is not None else max(cursor.planned_until, now - lookback)
    cursor.planned_until = max(cursor.planned_until, now)
    if start >= now:
        return PlanSummary()
    schedules = list(
        session.scalars(
            select(Schedule)
            .where(Schedule.team_id == team_id, Schedule.active.is_(True))
            .order_by(Schedule.id)
        )
    )
    holidays = holidays_between(session, team_id, (start - _DATE_MARGIN).date(), (now + _DATE_MARGIN).date())
    specs = [spec_of(schedule) for schedule in schedules]
    created = insert_in_batches(
        session,
        chain(
            _prompt_rows(session, team_id, schedules, specs, holidays, default_tz, start, now),
            _reminder_rows(session, team_id, specs, default_tz, start, now),
        ),
        batch=BATCH,
    )
    return PlanSummary(
        due=created[DeliveryState.PENDING, DeliveryKind.PROMPT]
        + created[DeliveryState.PENDING, DeliveryKind.REMINDER],
        skipped=created[DeliveryState.SKIPPED, DeliveryKind.PROMPT]
        + created[DeliveryState.SKIPPED, DeliveryKind.REMINDER],
        reminders=created[DeliveryState.PENDING, DeliveryKind.REMINDER],
    )


def _prompt_rows(
    session: Session,
    team_id: str,
    schedules: list[Schedule],
    specs: list[ScheduleSpec],
    holidays: frozenset[date],
    default_tz: str,
    start: datetime,
    now: datetime,
) -> Iterator[dict[str, Any]]:
    # A stream: members are read a page at a time and each prompt becomes a row as it is inserted,
    # so planning holds one batch, not every prompt due (issue 6: thousands due at one instant).
    for schedule, spec in zip(schedules, specs, strict=True):
        zones = _zones(spec, default_tz, start, now)
        members = each_asked_member(session, schedule, default_tz, zones, page=BATCH)
        for prompt in each_prompt(spec, members, holidays, start, now):
            state = DeliveryState.PENDING if is_due(prompt, now) else DeliveryState.SKIPPED
            yield _prompt_row(team_id, prompt, state)


def _reminder_rows(
    session: Session,
    team_id: str,
    specs: list[ScheduleSpec],
    default_tz: str,
    start: datetime,
    now: datetime,
) -> Iterator[dict[str, Any]]:
    for spec in specs:
        quiet_ends = (
            _zones_at(EVERY_DAY, spec.quiet_hours.end, default_tz, start, now)
            if spec.quiet_hours
            else frozenset()
        )
        sent = reminder_candidates(session, team_id, spec, start, now, default_tz, quiet_ends)
        scan = due_reminders(spec, sent, start, now)
        yield from (_reminder_row(team_id, r, DeliveryState.PENDING) for r in scan.due)
        yield from (_reminder_row(team_id, r, DeliveryState.SKIPPED) for r in scan.dropped)


def _zones(spec: ScheduleSpec, default_tz: str, since: datetime, now: datetime) -> frozenset[str]:
    return _zones_at(spec.weekdays, spec.local_time, default_tz, since, now)


@lru_cache(maxsize=256)
def _zones_at(
    weekdays: frozenset[Weekday], local_time: time, default_tz: str, since: datetime, now: datetime
) -> frozenset[str]:
    # starts_at left out: a superset of zones is harmless (due_prompts applies it per prompt), and
    # schedules with the same days and time share one computation.
    probe = ScheduleSpec(schedule_id=0, weekdays=weekdays, local_time=local_time)
    return frozenset(zones_with_prompts(probe, _candidate_zones(default_tz), since, now))


@lru_cache(maxsize=8)
def _candidate_zones(default_tz: str) -> frozenset[str]:
    # people.tz holds only canonical names (members.stored_zone) or None.
    return known_zones() | {default_tz}


def _prompt_row(team_id: str, prompt: DuePrompt, state: DeliveryState) -> dict[str, Any]:
    key = prompt.key
    return delivery_row(
        team_id,
        key.schedule_id,
        key.user_id,
        key.local_date,
        kind=DeliveryKind.PROMPT,
        sequence=0,
        state=state,
        scheduled_at=prompt.scheduled_at,
    )


def _reminder_row(team_id: str, reminder: DueReminder, state: DeliveryState) -> dict[str, Any]:
    key = reminder.key
    return delivery_row(
        team_id,
        key.schedule_id,
        key.user_id,
        key.local_date,
        kind=DeliveryKind.REMINDER,
        sequence=reminder.sequence,
        state=state,
        scheduled_at=reminder.remind_at,
    )
