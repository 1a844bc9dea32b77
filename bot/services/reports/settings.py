"""A channel's report settings: reminder time and zone, reminders on/off, digest cadence.

No row means the defaults: 09:00 in DEFAULT_TIMEZONE, reminders on, weekly and monthly digests.
"""

from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.reports.digest_schedule import DigestCadence
from bot.domain.reports.reminders import DEFAULT_REMINDER_TIME
from bot.services.actor import Actor
from bot.services.reports.settings_rights import require_settings_editor
from models.reports import ReportSettings


@dataclass(frozen=True)
class ChannelReportSettings:
    channel_id: str
    at: time
    zone: str  # the channel's own, or DEFAULT_TIMEZONE
    zone_is_default: bool
    reminders_enabled: bool
    cadence: DigestCadence


def defaults(channel_id: str, default_tz: str) -> ChannelReportSettings:
    return ChannelReportSettings(
        channel_id, DEFAULT_REMINDER_TIME, default_tz, True, True, DigestCadence.WEEKLY_AND_MONTHLY
    )


def settings_view(row: ReportSettings | None, channel_id: str, default_tz: str) -> ChannelReportSettings:
    if row is None:
        return defaults(channel_id, default_tz)
    return ChannelReportSettings(
        channel_id=channel_id,
        at=row.local_time,
        zone=row.zone or default_tz,
        zone_is_default=row.zone is None,
        reminders_enabled=row.reminders_enabled,
        cadence=DigestCadence(row.digest_cadence),
    )


def show_settings(
    sessions: sessionmaker[Session], team_id: str, channel_id: str, *, default_tz: str
) -> ChannelReportSettings:
    with sessions() as session:
        return settings_view(_row(session, team_id, channel_id), channel_id, default_tz)


def change_settings(
    sessions: sessionmaker[Session],
    actor: Actor,
    channel_id: str,
    *,
    now: datetime,
    default_tz: str,
    at: time | None = None,
    zone: str | None = None,
    reminders_enabled: bool | None = None,
    cadence: DigestCadence | None = None,
) -> ChannelReportSettings:
    """Changes only what is given; the rest keeps its value (or default). NotSettingsEditor unless
    the actor is an admin or owns one of the channel's goals."""
    with sessions.begin() as session:
        require_settings_editor(session, actor, channel_id)
        row = _row(session, actor.team_id, channel_id)
        if row is None:
            row = ReportSettings(
                team_id=actor.team_id,
                channel_id=channel_id,
                local_time=DEFAULT_REMINDER_TIME,
                zone=None,
                reminders_enabled=True,
                digest_cadence=DigestCadence.WEEKLY_AND_MONTHLY.value,
                updated_by=actor.user_id,
                updated_at=now,
            )
            session.add(row)
        if at is not None:
            row.local_time = at
        if zone is not None:
            row.zone = zone
        if reminders_enabled is not None:
            row.reminders_enabled = reminders_enabled
        if cadence is not None:
            row.digest_cadence = cadence.value
        row.updated_by, row.updated_at = actor.user_id, now
        session.flush()
        return settings_view(row, channel_id, default_tz)


def _row(session: Session, team_id: str, channel_id: str) -> ReportSettings | None:
    query = select(ReportSettings).where(
        ReportSettings.team_id == team_id, ReportSettings.channel_id == channel_id
    )
    return session.scalars(query).one_or_none()
