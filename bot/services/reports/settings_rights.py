"""Who may change a channel's reminders, digests and follow-up settings: a workspace admin, or an
owner of one of the channel's active goals (the people the reminders and digests are about).

Checked inside the writing transaction, so a goal archived meanwhile counts as it is then.
"""

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.enums import GoalStatus
from bot.services.actor import Actor
from bot.services.reports.report_refusals import NotSettingsEditor
from models import Goal


def goal_owners(session: Session, team_id: str, channel_id: str) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(Goal.owner_id)
            .where(Goal.team_id == team_id, Goal.channel_id == channel_id, Goal.status == GoalStatus.ACTIVE)
            .distinct()
            .order_by(Goal.owner_id)
        )
    )


def owns_a_goal_here(sessions: sessionmaker[Session], team_id: str, user_id: str, channel_id: str) -> bool:
    """Whether the person may change the settings without asking Slack if they are an admin."""
    with sessions() as session:
        return user_id in goal_owners(session, team_id, channel_id)


def require_settings_editor(session: Session, actor: Actor, channel_id: str) -> None:
    if actor.is_admin:
        return
    owners = goal_owners(session, actor.team_id, channel_id)
    if actor.user_id not in owners:
        raise NotSettingsEditor(channel_id, owners)


def check_settings_editor(sessions: sessionmaker[Session], actor: Actor, channel_id: str) -> None:
    """Before Web API work a change needs (resolving a channel): refuse first, ask Slack after."""
    with sessions() as session:
        require_settings_editor(session, actor, channel_id)
