"""The report outbox's loader (bot/outbound/outbox/tables.py): what a claimed reminder or digest
needs to go out. A digest resumes where an earlier attempt stopped: its parent (the claim's
`message_ts`) and its first `parts_sent` parts are out already."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.outbox import NotWanted, Ready
from bot.domain.reports.digest_schedule import DigestKind
from models.reports import ReportPost

DIGEST = "digest"
REMINDER = "reminder"
_DIGESTS = {kind.value for kind in DigestKind}


@dataclass(frozen=True)
class PostToSend:
    post_id: int
    team_id: str
    channel_id: str
    kind: str  # ReminderKind's or DigestKind's value
    period: str
    due_at: datetime
    default_tz: str  # the workspace's default zone: the channel's unless it set its own
    parts_sent: int = 0  # the digest's parts already out after its parent


def posts_to_send(
    session: Session, rows: Sequence[ReportPost], now: datetime, zones: Mapping[str, str]
) -> list[Ready | NotWanted]:
    return [
        Ready(
            row.id,
            DIGEST if row.kind in _DIGESTS else REMINDER,
            PostToSend(
                row.id,
                row.team_id,
                row.channel_id,
                row.kind,
                row.period,
                row.due_at,
                zones[row.team_id],
                row.parts_sent,
            ),
            useful_until=row.useful_until,
        )
        for row in rows
    ]
