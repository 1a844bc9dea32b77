"""The notice that a follow-up was closed, recorded as an outbox row in the closing transaction.

Whoever flagged it is told (a DM), or for an anonymous one the post's thread says it: either way
the outbox engine sends it (handlers/followups/tick.py's "notice" kind), so a 429, a 5xx or a
process killed mid-send costs a retry, not the notice. The row is keyed (follow_up_id, "notice")
and inserted ON CONFLICT DO NOTHING, and a closed follow-up can't be closed again, so a close
retried or pressed twice records one notice. The row names nobody: where a notice goes is read
from the follow-up when it is sent, and an anonymous one has no author to read.
"""

from datetime import datetime
from typing import cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from bot.domain.outbox import OutboxState
from models.dialect import insert_ignoring
from models.followups import NOTICE_KEY, FollowUp, FollowupMessage

_TABLE = cast(Table, FollowupMessage.__table__)


def record_closed_notice(session: Session, followup: FollowUp, now: datetime) -> None:
    """Due at once: the closing listener asks the engine to send it right after the answer."""
    row = {
        "team_id": followup.team_id,
        "follow_up_id": followup.id,
        "key": NOTICE_KEY,
        "state": OutboxState.PENDING,
        "attempts": 0,
        "not_before": now,
    }
    session.execute(insert_ignoring(session, _TABLE, ["follow_up_id", "key"]), [row])
