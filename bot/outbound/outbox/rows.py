"""The outbox's SQL, for any of its tables: which workspaces have rows due, claiming them, and
recording progress and outcomes only while the claim still holds.

Claiming (claims.py) sets a row `sending`, `claimed_by`, `claimed_at`, attempts + 1. A `sending`
row whose claim is older than LEASE (its sender died) is claimable again, and its outcome becomes
unknown: the dead sender may have posted.

Every later write is `UPDATE … WHERE id = :id AND state = 'sending' AND claimed_by = :me AND
claimed_at = :my_claim`: a sender slower than the lease, whose row another took over, records
nothing, so it can never overwrite the newer claim's outcome.
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, literal, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.outbox import MAX_ERROR, NotWanted, OutboxState, Ready, retry_delay
from bot.outbound.outbox.due import expired, pending
from models.dialect import one_of

# What a table's loader returns for its claimed rows, of one or several workspaces (in the
# claiming transaction): (session, rows, now, zones) -> one Ready or NotWanted per row; `zones`
# maps each workspace to its default zone (DEFAULT_TIMEZONE for one without), for a person or
# channel with none.
Loader = Callable[[Session, Sequence[Any], datetime, Mapping[str, str]], list[Ready | NotWanted]]


@dataclass(frozen=True)
class OutboxTable:
    """One outbox table: its model (with models/outbox.py's columns), when a row falls due, the
    order rows are sent in, how to load what a claimed row's message needs, and what else to write
    when a row is recorded sent (in the same transaction)."""

    name: str
    model: Any
    due_at: Any  # the column a row is due from
    order_by: tuple[Any, ...]
    load: Loader
    on_sent: Callable[[Session, Any], None] | None = field(default=None)


@dataclass(frozen=True)
class Claim:
    """One row held by one sender: what every write under the claim checks."""

    table: OutboxTable
    id: int
    team_id: str
    claimed_by: str
    claimed_at: datetime
    attempts: int  # this one included
    unknown_since: datetime | None  # an earlier attempt may have posted from this instant on
    message_channel: str | None = None  # what of it is already out (a digest's parent)
    message_ts: str | None = None

    @property
    def unknown(self) -> bool:
        return self.unknown_since is not None


@dataclass(frozen=True)
class Claimed:
    claim: Claim
    kind: str
    item: Any
    useful_until: datetime | None


def due_teams(
    sessions: sessionmaker[Session], table: OutboxTable, now: datetime, among: Sequence[str] | None = None
) -> list[str]:
    """The workspaces with rows to claim at `now` (of `among`, if given)."""
    if among is not None and not among:  # a planning group another clock had planned already
        return []
    model = table.model
    with sessions() as session:
        teams: set[str] = set()
        for due in (expired(model, now), pending(table, now)):
            query = select(model.team_id).where(due).distinct()
            if among is not None:
                query = query.where(one_of(session, model.team_id, among))
            teams.update(session.scalars(query))
        return sorted(teams)


def record_progress(sessions: sessionmaker[Session], held: Claim, **values: Any) -> bool:
    """Part of the row's message is out (a digest's parent, its parts); False when the claim no
    longer holds, and then the caller must stop."""
    with sessions.begin() as session:
        return _under_claim(session, held, values)


def mark_sent(sessions: sessionmaker[Session], held: Claim, *, channel: str, ts: str, now: datetime) -> bool:
    """Recorded sent (with the table's `on_sent` in the same transaction); False if the claim no
    longer holds (another sender took the row over and records its own outcome)."""
    values = {
        "state": OutboxState.SENT,
        "sent_at": now,
        "message_channel": channel,
        "message_ts": ts,
        "last_error": None,
        "outcome_unknown_since": None,
    }
    with sessions.begin() as session:
        if not _under_claim(session, held, values):
            return False
        if held.table.on_sent is not None:
            held.table.on_sent(session, session.get_one(held.table.model, held.id))
        return True


@dataclass(frozen=True)
class SentRow:
    """A claimed row whose message is out (`channel`, `ts`), to be recorded sent."""

    claim: Claim
    channel: str
    ts: str


def mark_retry(
    sessions: sessionmaker[Session], held: Claim, *, now: datetime, error: str, unknown: bool
) -> datetime:
    """Back to pending after the retry policy's wait; `unknown`: this attempt may have posted (or
    an earlier one may have, and reading Slack to find out failed), so the next one reads first."""
    not_before = now + retry_delay(held.attempts)
    model = held.table.model
    # The earliest try that may have posted: an older unknown one, else this claim's.
    this_claim = literal(held.claimed_at, type_=model.claimed_at.type)
    since = func.coalesce(model.outcome_unknown_since, this_claim) if unknown else None
    with sessions.begin() as session:
        _under_claim(
            session,
            held,
            {
                "state": OutboxState.PENDING,
                "not_before": not_before,
                "last_error": error[:MAX_ERROR],
                "outcome_unknown_since": since,
            },
        )
    return not_before


def mark_failed(sessions: sessionmaker[Session], held: Claim, *, error: str) -> bool:
    """Slack refused it for good: never tried again."""
    return _finish(sessions, held, OutboxState.FAILED, error)


def mark_skipped(sessions: sessionmaker[Session], held: Claim, *, reason: str) -> bool:
    """Not sent: too late, or nothing to say any more."""
    return _finish(sessions, held, OutboxState.SKIPPED, reason)


def _finish(sessions: sessionmaker[Session], held: Claim, state: OutboxState, error: str) -> bool:
    values = {"state": state, "last_error": error[:MAX_ERROR], "outcome_unknown_since": None}
    with sessions.begin() as session:
        return _under_claim(session, held, values)


def _under_claim(session: Session, held: Claim, values: dict[str, Any]) -> bool:
    model = held.table.model
    changed = session.scalars(
        update(model)
        .where(
            model.team_id == held.team_id,
            model.id == held.id,
            model.state == OutboxState.SENDING,
            model.claimed_by == held.claimed_by,
            model.claimed_at == held.claimed_at,
        )
        .values(**values)
        .returning(model.id)
        .execution_options(synchronize_session=False)
    ).all()
    return bool(changed)
