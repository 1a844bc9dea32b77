"""Follow-up rows as the check-in services store them (bot/services/checkins/answers.py)."""

from datetime import date, datetime

from bot.domain.checkins.enums import FollowUpStatus
from models.followups import FollowUp


def add_followup(
    sessions,
    *,
    team_id: str = "T1",
    channel_id: str = "C_SUPPORT",
    description: str = "Mrs Lee's order arrived broken; she wants a call back",
    author_id: str | None = "U_MEMBER",
    created_at: datetime | None = None,
    local_date: date | None = None,
) -> int:
    """A named follow-up (author and time) or, with author_id=None, an anonymous one (date only)."""
    anonymous = author_id is None
    with sessions.begin() as session:
        row = FollowUp(
            team_id=team_id,
            channel_id=channel_id,
            local_date=local_date or (created_at.date() if created_at else date(2027, 3, 1)),
            description=description,
            author_id=author_id,
            created_at=None if anonymous else created_at,
            status=FollowUpStatus.OPEN,
        )
        session.add(row)
        session.flush()
        return row.id
