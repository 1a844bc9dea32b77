"""A channel's check-in: set it (create or replace), show it, turn it off.

One schedule per channel. Setting it again replaces its settings in place (same id, so the outbox
keeps its history and nobody is asked twice on one day); the caller becomes the owner. Only the
owner or a workspace admin may replace or turn off someone else's schedule. `starts_at` = now:
a schedule made at 08:00 on a scheduled day prompts at 09:00 that day, one made at 10:00 does not.
"""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.spec import ScheduleSpec, check_schedule
from bot.services.actor import Actor
from bot.services.checkins.audience import count_asked
from bot.services.checkins.read_models import ScheduleView
from bot.services.checkins.refusals import NoSchedule, NotScheduleOwner, ScheduleInvalid
from bot.services.checkins.specs import spec_of, write_spec
from models.checkins import Schedule


def set_schedule(
    sessions: sessionmaker[Session],
    actor: Actor,
    *,
    channel_id: str,
    spec: ScheduleSpec,
    now: datetime,
    audience_id: str | None = None,
    excluded_user_ids: Sequence[str] = (),
) -> ScheduleView:
    """`audience_id`: a user group (S…) to ask instead of the channel's members. `spec.schedule_id`
    and `spec.starts_at` are ignored (the row's id; now)."""
    problems = check_schedule(spec)
    if problems:
        raise ScheduleInvalid(problems, field=problems[0].field)
    with sessions.begin() as session:
        schedule = find_schedule(session, actor.team_id, channel_id)
        if schedule is None:
            schedule = Schedule(team_id=actor.team_id, channel_id=channel_id, created_at=now)
            session.add(schedule)
        elif schedule.active:
            _require_owner(actor, schedule)
        write_spec(schedule, spec)
        schedule.owner_id = actor.user_id
        schedule.audience_id = audience_id or channel_id
        schedule.excluded_user_ids = sorted(set(excluded_user_ids))
        schedule.active = True
        schedule.starts_at = now
        session.flush()
        return view_of(session, schedule)


def show_schedule(sessions: sessionmaker[Session], *, team_id: str, channel_id: str) -> ScheduleView:
    """Anyone in the workspace may look; a turned-off schedule is shown with `active=False`."""
    with sessions.begin() as session:
        schedule = find_schedule(session, team_id, channel_id)
        if schedule is None:
            raise NoSchedule(channel_id)
        return view_of(session, schedule)


def turn_off_schedule(sessions: sessionmaker[Session], actor: Actor, *, channel_id: str) -> ScheduleView:
    """Stops prompts (kept for its answers); planned but unsent prompts are skipped when claimed."""
    with sessions.begin() as session:
        schedule = find_schedule(session, actor.team_id, channel_id)
        if schedule is None or not schedule.active:
            raise NoSchedule(channel_id)
        _require_owner(actor, schedule)
        schedule.active = False
        return view_of(session, schedule)


def find_schedule(session: Session, team_id: str, channel_id: str) -> Schedule | None:
    return session.scalar(
        select(Schedule).where(Schedule.team_id == team_id, Schedule.channel_id == channel_id)
    )


def view_of(session: Session, schedule: Schedule) -> ScheduleView:
    return ScheduleView(
        id=schedule.id,
        channel_id=schedule.channel_id,
        owner_id=schedule.owner_id,
        audience_id=schedule.audience_id,
        excluded_user_ids=tuple(schedule.excluded_user_ids),
        spec=spec_of(schedule),
        active=schedule.active,
        created_at=schedule.created_at,
        asked=count_asked(session, schedule),
    )


def _require_owner(actor: Actor, schedule: Schedule) -> None:
    if not actor.may_edit(schedule.owner_id):
        raise NotScheduleOwner(schedule.channel_id, schedule.owner_id)
