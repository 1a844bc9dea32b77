"""`/goals followups`: a channel's open follow-ups, oldest first, one page in two queries.

A channel sees the follow-ups flagged in its check-ins and those posted into it (a channel set as
another's follow-up channel). Oldest first is by the check-in's date, then the order they came in.
"""

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.checkins.enums import FollowUpStatus
from bot.domain.limits import MAX_PAGE
from bot.services.followups.read_models import FollowupPage, shown_to_people, view_of
from models.followups import POST_KEY, FollowUp, FollowupMessage

PER_PAGE = 10


def open_followups(
    sessions: sessionmaker[Session], team_id: str, channel_id: str, *, page: int = 1
) -> FollowupPage:
    page = min(max(1, page), MAX_PAGE)
    post = and_(
        FollowupMessage.team_id == team_id,
        FollowupMessage.follow_up_id == FollowUp.id,
        FollowupMessage.key == POST_KEY,
    )
    where = (
        FollowUp.team_id == team_id,
        FollowUp.status.in_((FollowUpStatus.OPEN, FollowUpStatus.TAKEN)),
        or_(FollowUp.channel_id == channel_id, FollowupMessage.message_channel == channel_id),
        # An anonymous one is not shown before its post: its timing could point at who flagged it.
        shown_to_people(),
    )
    with sessions() as session:
        total = session.scalar(
            select(func.count()).select_from(FollowUp).outerjoin(FollowupMessage, post).where(*where)
        )
        rows = session.execute(
            select(FollowUp, FollowupMessage.message_channel, FollowupMessage.message_ts)
            .outerjoin(FollowupMessage, post)
            .where(*where)
            .order_by(FollowUp.local_date, FollowUp.id)
            .offset((page - 1) * PER_PAGE)
            .limit(PER_PAGE)
        ).all()
        items = tuple(view_of(row, channel, ts) for row, channel, ts in rows)
    return FollowupPage(items=items, total=total or 0, page=page, per_page=PER_PAGE)
