"""Taking on a follow-up, resolving it, or saying it is not ours.

Anyone may take an open follow-up nobody owns. Once someone owns it, only they or a workspace
admin may close it; an unowned one anyone may close. A closed follow-up stays closed: a second
click (a stale button) is refused with who closed it. Closing records the notice of it (notices.py)
in the same transaction, for the outbox engine to send.
"""

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import FollowUpStatus
from bot.services.actor import Actor
from bot.services.errors import TextTooLong
from bot.services.followups.notices import record_closed_notice
from bot.services.followups.read_models import FollowupView, view_of
from bot.services.followups.refusals import (
    FollowupClosed,
    FollowupNoteMissing,
    FollowupNotFound,
    FollowupTakenByOther,
    NotFollowupOwner,
)
from models.followups import POST_KEY, FollowUp, FollowupMessage

MAX_NOTE = 2000
_CLOSED = (FollowUpStatus.RESOLVED, FollowUpStatus.NOT_OURS)


def followup(sessions: sessionmaker[Session], team_id: str, followup_id: int) -> FollowupView:
    with sessions() as session:
        return _view(session, _find(session, team_id, followup_id))


def take_followup(sessions: sessionmaker[Session], actor: Actor, followup_id: int) -> FollowupView:
    with sessions.begin() as session:
        row = _open(session, actor.team_id, followup_id)
        if row.owner_id is not None and row.owner_id != actor.user_id:
            raise FollowupTakenByOther(followup_id=followup_id, owner_id=row.owner_id)
        row.owner_id, row.status = actor.user_id, FollowUpStatus.TAKEN
        return _view(session, row)


def check_may_close(sessions: sessionmaker[Session], actor: Actor, followup_id: int) -> FollowupView:
    """Before a form opens: refuses now rather than after someone typed a note."""
    with sessions() as session:
        row = _open(session, actor.team_id, followup_id)
        _require_closer(row, actor)
        return _view(session, row)


def close_followup(
    sessions: sessionmaker[Session],
    actor: Actor,
    followup_id: int,
    *,
    resolved: bool,
    note: str | None,
    now: datetime,
) -> FollowupView:
    text = (note or "").strip()
    if not text:
        raise FollowupNoteMissing(resolved=resolved)
    if len(text) > MAX_NOTE:
        # Slack's form stops at MAX_NOTE; anything longer came another way and is refused, not cut.
        raise TextTooLong(limit=MAX_NOTE, length=len(text), field="note")
    with sessions.begin() as session:
        row = _open(session, actor.team_id, followup_id)
        _require_closer(row, actor)
        row.status = FollowUpStatus.RESOLVED if resolved else FollowUpStatus.NOT_OURS
        row.resolution_note, row.resolved_at, row.closed_by = text, now, actor.user_id
        if row.owner_id is None and resolved:
            row.owner_id = actor.user_id  # whoever resolved it did the work
        record_closed_notice(session, row, now)
        return _view(session, row)


def owner_of(sessions: sessionmaker[Session], team_id: str, followup_id: int) -> str | None:
    with sessions() as session:
        return _find(session, team_id, followup_id).owner_id


def _require_closer(row: FollowUp, actor: Actor) -> None:
    if row.owner_id is not None and row.owner_id != actor.user_id and not actor.is_admin:
        raise NotFollowupOwner(followup_id=row.id, owner_id=row.owner_id)


def _open(session: Session, team_id: str, followup_id: int) -> FollowUp:
    row = _find(session, team_id, followup_id, lock=True)
    if row.status in _CLOSED:
        raise FollowupClosed(followup_id=row.id, status=row.status.value, closed_by=row.closed_by)
    return row


def _find(session: Session, team_id: str, followup_id: int, *, lock: bool = False) -> FollowUp:
    query = select(FollowUp).where(FollowUp.team_id == team_id, FollowUp.id == followup_id)
    row = session.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise FollowupNotFound(followup_id=followup_id)
    return row


def _view(session: Session, row: FollowUp) -> FollowupView:
    post = session.execute(
        select(FollowupMessage.message_channel, FollowupMessage.message_ts).where(
            FollowupMessage.team_id == row.team_id,
            FollowupMessage.follow_up_id == row.id,
            FollowupMessage.key == POST_KEY,
        )
    ).first()
    return view_of(row, post.message_channel if post else None, post.message_ts if post else None)
