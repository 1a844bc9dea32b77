"""The tick's first half: record what is due (prompts and reminders) in the outbox, before sending.

Each workspace has a cursor (`checkin_plans.planned_until`): a pass plans `(cursor, now]` and moves
the cursor to `now`, so a repeated tick at one instant plans nothing, overlapping ticks plan each
key once (the outbox key, inserted with ON CONFLICT DO NOTHING), and a tick after downtime catches
up from where the last one stopped, at most `LOOKBACK` back. Past prompts whose response window has
closed are recorded as `skipped` (never sent); so are reminders that would be noise.

Zones: a person with no zone of their own (`people.tz` None) lives in their workspace's default
zone (`workspaces.default_tz`, read for every workspace at once), else DEFAULT_TIMEZONE.

Cost: per schedule, which zones are at prompt time is computed once (plan_zones, shared by
schedules with the same days and time), then only members living in those zones are loaded
(index on people.tz). Reminders read only prompts that can have one in the window
(`reminder_candidates`): sent `after * k` before it, or living where the quiet hours end in it.

Many workspaces: TEAMS_AT_ONCE are planned in one transaction (FIRST_GROUP in a pass's first),
holding their cursor rows (FOR UPDATE SKIP LOCKED on PostgreSQL, in team order: plan_cursors),
with one read of schedules (and whether each audience is large), of holidays and, for windows of
many zones, of the zones people live in (plan_reads) for the group, not one of each per workspace.
A workspace where nothing can be due (no zone at prompt time in its window, no reminders) reads
nothing more; its cursor moves. The group's rows go to the outbox together, BATCH to an INSERT. A
workspace whose cursor another pass holds is that pass's to plan and send: clocks ticking at once
plan different groups side by side, rather than all waiting for the first one's planning, and
each sends as soon as its part is done.

Memory: prompts stream (members read a page at a time, rows inserted `insert_in_batches` at a time,
counting only the rows created), so planning holds one batch however many are due. Reminders are
still computed per schedule as one list (bounded by the prompts sent that can have one).
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.due import DuePrompt, each_prompt, is_due
from bot.domain.checkins.enums import DeliveryKind, DeliveryState
from bot.domain.checkins.reminders import DueReminder, due_reminders
from bot.domain.checkins.spec import ScheduleSpec
from bot.services.checkins.audience import each_asked_member
from bot.services.checkins.outbox import delivery_row, insert_in_batches
from bot.services.checkins.plan_reads import active_schedules, holidays_of, lived_in
from bot.services.checkins.plan_zones import EVERY_DAY, MANY_ZONES, narrowed, zones_at, zones_due
from bot.services.checkins.read_models import PlanSummary
from bot.services.checkins.sent_prompts import reminder_candidates
from bot.services.checkins.specs import spec_of
from bot.services.plan_cursors import lock_cursors, move_cursors
from bot.services.workspaces_zones import default_zones
from models.checkins import CheckinPlan, Schedule

LOOKBACK = timedelta(hours=24)
_DATE_MARGIN = timedelta(days=2)
BATCH = 500  # outbox rows per INSERT, and members per page: what planning holds at once
# Workspaces planned in one transaction, their cursors locked together: few enough that clocks
# ticking at once each find groups of their own to plan.
TEAMS_AT_ONCE = 50
# A pass's first group is smaller: its prompts go out while the rest is planned, and clocks
# ticking at once each start sending sooner (four on two cores: 0.7 s to the first post at 50).
FIRST_GROUP = 10


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
    summary = PlanSummary()
    for group in plan_in_groups(sessions, now=now, default_tz=default_tz, since=since, lookback=lookback):
        summary += group.summary
    return summary


@dataclass(frozen=True)
class PlannedGroup:
    teams: list[str]  # the workspaces whose rows it may have recorded (where something could be due)
    summary: PlanSummary
    held: int  # workspaces this pass planned (their cursors neither held nor planned by another pass)


def plan_in_groups(
    sessions: sessionmaker[Session],
    *,
    now: datetime,
    default_tz: str,
    since: datetime | None = None,
    lookback: timedelta = LOOKBACK,
) -> Iterator[PlannedGroup]:
    """`plan_deliveries` TEAMS_AT_ONCE workspaces at a time (FIRST_GROUP until this pass has
    planned some), each group yielded once its rows are committed: the check-in pass sends a
    group's prompts while it plans the next."""
    with sessions() as session:
        teams = sorted(session.scalars(select(Schedule.team_id).where(Schedule.active.is_(True)).distinct()))
        zones = default_zones(session, teams, default_tz)
    start, size = 0, min(FIRST_GROUP, TEAMS_AT_ONCE)
    while start < len(teams):
        chunk, start = teams[start : start + size], start + size
        plan = _Plan(now, since, lookback, {team_id: zones[team_id] for team_id in chunk})
        with sessions.begin() as session:
            planned = plan.teams(session, chunk)
        if planned.held:
            size = TEAMS_AT_ONCE
        yield planned


def _could_be_due(specs: list[ScheduleSpec], default_tz: str, start: datetime, now: datetime) -> bool:
    # A prompt needs a zone at prompt time in the window; a reminder, a prompt sent (a read).
    return any(spec.reminders.count > 0 or zones_due(spec, default_tz, start, now) for spec in specs)


@dataclass(frozen=True)
class _Plan:
    now: datetime
    since: datetime | None
    lookback: timedelta
    default_tz: dict[str, str]  # by team

    def teams(self, session: Session, team_ids: Sequence[str]) -> PlannedGroup:
        """Plans a group of workspaces in one transaction, their cursors locked, then their
        schedules read (as a workspace planned alone would). One where nothing can be due in its
        window (no zone at prompt time, no reminders) reads nothing more: its cursor moves."""
        now, lookback = self.now, self.lookback
        behind = None if self.since is not None else now  # a cursor at `now` was planned already
        cursors = lock_cursors(
            session, CheckinPlan, team_ids, now - lookback, skip_locked=True, behind=behind
        )
        found = active_schedules(session, list(cursors))
        schedules = {
            team_id: (found.get(team_id, []), [spec_of(s) for s, _ in found.get(team_id, [])])
            for team_id in cursors
        }
        starts = {}
        for team_id, cursor in cursors.items():
            start = self.since if self.since is not None else max(cursor, now - lookback)
            if start < now and _could_be_due(schedules[team_id][1], self.default_tz[team_id], start, now):
                starts[team_id] = start
        holidays = holidays_of(
            session,
            list(starts),
            (min(starts.values(), default=now) - _DATE_MARGIN).date(),
            (now + _DATE_MARGIN).date(),
        )
        wide = [
            t
            for t, start in starts.items()
            if any(self._many_zones(t, spec, start) for spec in schedules[t][1])
        ]
        lived = lived_in(session, wide)
        rows = (
            row
            for team_id, start in starts.items()
            for row in self._rows(
                session, team_id, *schedules[team_id], holidays[team_id], lived.get(team_id), start
            )
        )
        created = insert_in_batches(session, rows, batch=BATCH)
        move_cursors(session, CheckinPlan, list(cursors), now)
        summary = PlanSummary(
            due=created[DeliveryState.PENDING, DeliveryKind.PROMPT]
            + created[DeliveryState.PENDING, DeliveryKind.REMINDER],
            skipped=created[DeliveryState.SKIPPED, DeliveryKind.PROMPT]
            + created[DeliveryState.SKIPPED, DeliveryKind.REMINDER],
            reminders=created[DeliveryState.PENDING, DeliveryKind.REMINDER],
        )
        return PlannedGroup(list(starts), summary, held=len(cursors))

    def _many_zones(self, team_id: str, spec: ScheduleSpec, start: datetime) -> bool:
        quiet = self._quiet_ends(team_id, spec, start) if spec.reminders.count else frozenset()
        return max(len(zones_due(spec, self.default_tz[team_id], start, self.now)), len(quiet)) > MANY_ZONES

    def _quiet_ends(self, team_id: str, spec: ScheduleSpec, start: datetime) -> frozenset[str]:
        if spec.quiet_hours is None:
            return frozenset()
        return zones_at(EVERY_DAY, spec.quiet_hours.end, self.default_tz[team_id], start, self.now)

    def _rows(
        self,
        session: Session,
        team_id: str,
        schedules: list[tuple[Schedule, bool]],  # and whether its audience is large
        specs: list[ScheduleSpec],
        holidays: frozenset[date],
        lived: frozenset[str | None] | None,
        start: datetime,
    ) -> Iterator[dict[str, Any]]:
        # A stream: members are read a page at a time and each prompt becomes a row as it is
        # inserted, so planning holds one batch, not every prompt due (issue 6: thousands due at
        # one instant).
        now, default_tz = self.now, self.default_tz[team_id]
        for (schedule, large), spec in zip(schedules, specs, strict=True):
            zones = narrowed(zones_due(spec, default_tz, start, now), lived, default_tz)
            members = each_asked_member(session, schedule, default_tz, zones, page=BATCH, large=large)
            for prompt in each_prompt(spec, members, holidays, start, now):
                state = DeliveryState.PENDING if is_due(prompt, now) else DeliveryState.SKIPPED
                yield _prompt_row(team_id, prompt, state)
        for spec in specs:
            if spec.reminders.count == 0:
                continue
            quiet_ends = narrowed(self._quiet_ends(team_id, spec, start), lived, default_tz)
            sent = reminder_candidates(session, team_id, spec, start, now, default_tz, quiet_ends)
            scan = due_reminders(spec, sent, start, now)
            yield from (_reminder_row(team_id, r, DeliveryState.PENDING) for r in scan.due)
            yield from (_reminder_row(team_id, r, DeliveryState.SKIPPED) for r in scan.dropped)


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
