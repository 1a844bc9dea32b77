"""A channel's follow-up settings: how long until a follow-up is due, and where follow-ups are posted.

A new due time applies to follow-ups posted from then on; those already posted keep theirs.
Only a workspace admin or an owner of one of the channel's goals may change them (settings_rights).
"""

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.followups.due import DEFAULT_DUE_HOURS
from bot.services.actor import Actor
from bot.services.followups.read_models import FollowupSettingsView
from bot.services.followups.refusals import FollowupDueOutOfRange
from bot.services.reports.settings_rights import require_settings_editor
from models.followups import FollowupSettings

MAX_DUE_HOURS = 24 * 30


def followup_settings(sessions: sessionmaker[Session], team_id: str, channel_id: str) -> FollowupSettingsView:
    with sessions() as session:
        return _view(channel_id, _row(session, team_id, channel_id))


def set_due_hours(
    sessions: sessionmaker[Session], actor: Actor, channel_id: str, hours: int
) -> FollowupSettingsView:
    if not 1 <= hours <= MAX_DUE_HOURS:
        raise FollowupDueOutOfRange(hours=hours, most=MAX_DUE_HOURS)
    with sessions.begin() as session:
        require_settings_editor(session, actor, channel_id)
        row = _row(session, actor.team_id, channel_id) or _new(session, actor.team_id, channel_id)
        row.due_hours = None if hours == DEFAULT_DUE_HOURS else hours
        return _view(channel_id, row)


def set_post_channel(
    sessions: sessionmaker[Session], actor: Actor, channel_id: str, post_channel_id: str | None
) -> FollowupSettingsView:
    """`post_channel_id` is one the caller checked exists and the bot can post in."""
    with sessions.begin() as session:
        require_settings_editor(session, actor, channel_id)
        row = _row(session, actor.team_id, channel_id) or _new(session, actor.team_id, channel_id)
        row.post_channel_id = None if post_channel_id == channel_id else post_channel_id
        return _view(channel_id, row)


def _row(session: Session, team_id: str, channel_id: str) -> FollowupSettings | None:
    return session.scalar(
        select(FollowupSettings).where(
            FollowupSettings.team_id == team_id, FollowupSettings.channel_id == channel_id
        )
    )


def _new(session: Session, team_id: str, channel_id: str) -> FollowupSettings:
    row = FollowupSettings(team_id=team_id, channel_id=channel_id)
    session.add(row)
    return row


def _view(channel_id: str, row: FollowupSettings | None) -> FollowupSettingsView:
    if row is None:
        return FollowupSettingsView(channel_id, DEFAULT_DUE_HOURS, None)
    return FollowupSettingsView(channel_id, row.due_hours or DEFAULT_DUE_HOURS, row.post_channel_id)
