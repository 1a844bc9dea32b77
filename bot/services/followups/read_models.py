"""Read models of follow-ups, and when each one counts as opened.

A named follow-up opens when it was flagged. An anonymous one stores only its local date (a time
of day could be joined against deliveries), and is posted only once that date is over in every
time zone (the next day, 12:00 UTC): a post seconds after someone answered would point at them.
It opens then, so its due time counts from the post.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, exists, or_
from sqlalchemy.orm import aliased

from models.followups import POST_KEY, FollowUp, FollowupMessage

# Local date D has ended everywhere (UTC-12 is the last zone) by D+1 at 12:00 UTC.
ANONYMOUS_HOLD = timedelta(days=1, hours=12)


def anonymous_post_time(local_date: date) -> datetime:
    return datetime.combine(local_date, time(0), tzinfo=UTC) + ANONYMOUS_HOLD


def latest_anonymous_date_to_post(now: datetime) -> date:
    """Anonymous follow-ups of this date or earlier may be posted at `now`."""
    return (now - timedelta(hours=12)).date() - timedelta(days=1)


def shown_to_people() -> ColumnElement[bool]:
    """Follow-ups a person may see or count (reports, `/goals followups`, export): named ones, and
    anonymous ones once their post is planned, which happens only after the hold."""
    post = aliased(FollowupMessage)  # its own: a caller's query may join the messages too
    posted = exists().where(
        post.team_id == FollowUp.team_id, post.follow_up_id == FollowUp.id, post.key == POST_KEY
    )
    return or_(FollowUp.author_id.is_not(None), posted)


def opened_at(row: FollowUp) -> datetime:
    if row.created_at is not None:
        return row.created_at
    return anonymous_post_time(row.local_date)


def flagged_at(row: FollowUp) -> datetime:
    """For ages: when it was flagged, or for an anonymous one its date's midnight UTC."""
    return row.created_at or datetime.combine(row.local_date, time(0), tzinfo=UTC)


@dataclass(frozen=True)
class FollowupView:
    followup_id: int
    team_id: str
    channel_id: str  # where the check-in belongs
    description: str
    status: str  # "open" | "taken" | "resolved" | "not_ours"
    owner_id: str | None
    author_id: str | None  # None: flagged in an anonymous check-in
    flagged_at: datetime
    due_at: datetime | None
    note: str | None = None
    closed_by: str | None = None
    closed_at: datetime | None = None
    post_channel: str | None = None  # where its post went, once sent
    post_ts: str | None = None
    # Since when people could see it (an anonymous one: its post time); ages count from here.
    opened_at: datetime | None = None

    @property
    def anonymous(self) -> bool:
        return self.author_id is None

    @property
    def is_closed(self) -> bool:
        return self.status in ("resolved", "not_ours")


def view_of(row: FollowUp, post_channel: str | None = None, post_ts: str | None = None) -> FollowupView:
    return FollowupView(
        followup_id=row.id,
        team_id=row.team_id,
        channel_id=row.channel_id,
        description=row.description,
        status=str(row.status),  # a StrEnum: its value
        owner_id=row.owner_id,
        author_id=row.author_id,
        flagged_at=flagged_at(row),
        due_at=row.due_at,
        note=row.resolution_note,
        closed_by=row.closed_by,
        closed_at=row.resolved_at,
        post_channel=post_channel,
        post_ts=post_ts,
        opened_at=opened_at(row),
    )


@dataclass(frozen=True)
class FollowupPage:
    items: tuple[FollowupView, ...]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


@dataclass(frozen=True)
class FollowupSettingsView:
    channel_id: str
    due_hours: int
    post_channel_id: str | None  # None: posted in the channel itself
