"""Claiming an outbox table's due rows, for one workspace or a group of them in one transaction.

The candidates are read oldest first, expired claims first, up to `limit` per workspace (one read
per state ranks every workspace's rows at once); they are locked in id order, any that another
claimer holds skipped (`FOR UPDATE SKIP LOCKED` on PostgreSQL), so concurrent claimers take
disjoint rows without waiting; then a conditional UPDATE … RETURNING re-checks that each is still
claimable and takes it. On SQLite, one writer at a time, the re-check is what keeps it exact. The
table's loader then reads what the claimed rows' messages need, for the whole group at once.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.domain.outbox import MAX_ERROR, NotWanted, OutboxState
from bot.outbound.outbox.due import claimable, expired, pending
from bot.outbound.outbox.rows import Claim, Claimed, OutboxTable
from models.dialect import one_of, skipping_locked


@dataclass(frozen=True)
class Batch:
    claimed: list[Claimed]
    more: bool  # the claim took `limit` rows: more may be due (fewer: none was left to take)


def claim_batch(
    sessions: sessionmaker[Session],
    table: OutboxTable,
    *,
    team_id: str,
    worker: str,
    now: datetime,
    limit: int,
    default_tz: str,
) -> Batch:
    """Up to `limit` of the workspace's due rows, oldest first, expired claims first; rows the
    loader finds no longer wanted are recorded skipped and left out. `Batch.more` says whether
    another claim could find more, so a sender that took the last of a workspace's rows need not
    ask again."""
    return claim_group(sessions, table, zones={team_id: default_tz}, worker=worker, now=now, limit=limit)[
        team_id
    ]


def claim_group(
    sessions: sessionmaker[Session],
    table: OutboxTable,
    *,
    zones: Mapping[str, str],
    worker: str,
    now: datetime,
    limit: int,
) -> dict[str, Batch]:
    """`claim_batch` for each workspace of `zones` (team → its default zone), in one transaction."""
    model, team_ids = table.model, list(zones)
    with sessions.begin() as session:
        ids = ranked_candidates(session, table, team_ids, now, limit)
        wanted = lock_free(session, table, [row_id for found in ids.values() for row_id in found])
        taken: Sequence[Any] = []
        if wanted:
            table_ = model.__table__
            sending = table_.c.state == OutboxState.SENDING
            # Plain rows, not ORM objects: building thousands of those was most of a claim's cost.
            taken = session.execute(
                update(table_)
                .where(one_of(session, table_.c.team_id, team_ids), one_of(session, table_.c.id, wanted))
                .where(claimable(table, now))
                .values(
                    state=OutboxState.SENDING,
                    claimed_by=worker,
                    claimed_at=now,
                    attempts=table_.c.attempts + 1,
                    # SET reads the row as it was: an expired claim's own time is when it may have posted.
                    outcome_unknown_since=case(
                        (sending, func.coalesce(table_.c.outcome_unknown_since, table_.c.claimed_at)),
                        else_=table_.c.outcome_unknown_since,
                    ),
                )
                .returning(*table_.c)  # the claimed rows themselves: no second read
            ).all()
        order = attrgetter(*(column.key for column in table.order_by))
        rows = {row.id: row for row in sorted(taken, key=order)}
        claimed: dict[str, list[Claimed]] = {team_id: [] for team_id in team_ids}
        unwanted: dict[str, list[int]] = defaultdict(list)  # reason -> rows
        for loaded in table.load(session, list(rows.values()), now, zones) if rows else []:
            row = rows[loaded.row_id]
            if isinstance(loaded, NotWanted):
                unwanted[loaded.reason].append(row.id)
                continue
            held = Claim(
                table,
                row.id,
                row.team_id,
                worker,
                now,
                row.attempts,
                row.outcome_unknown_since,
                row.message_channel,
                row.message_ts,
            )
            claimed[row.team_id].append(Claimed(held, loaded.kind, loaded.item, loaded.useful_until))
        for reason, row_ids in unwanted.items():
            session.execute(
                update(model.__table__)
                .where(one_of(session, model.__table__.c.id, row_ids))
                .values(state=OutboxState.SKIPPED, last_error=reason[:MAX_ERROR], outcome_unknown_since=None)
            )
        return {team_id: Batch(claimed[team_id], more=len(ids[team_id]) >= limit) for team_id in team_ids}


def lock_free(session: Session, table: OutboxTable, row_ids: list[int]) -> list[int]:
    """Locks the rows in id order, skipping any another transaction holds (PostgreSQL): the UPDATE
    then never waits for a concurrent claimer, and two claimers never lock in opposite orders."""
    if not row_ids:
        return []
    model = table.model
    query = select(model.id).where(one_of(session, model.id, row_ids)).order_by(model.id)
    return list(session.scalars(skipping_locked(session, query)))


def ranked_candidates(
    session: Session, table: OutboxTable, team_ids: Sequence[str], now: datetime, limit: int
) -> dict[str, list[int]]:
    """Up to `limit` due rows of each workspace, in one read per state (expired claims first)."""
    model = table.model
    found: dict[str, list[int]] = {team_id: [] for team_id in team_ids}
    for due in (expired(model, now), pending(table, now)):
        rank = func.row_number().over(partition_by=model.team_id, order_by=table.order_by).label("rank")
        of_teams = one_of(session, model.team_id, team_ids)
        ranked = select(model.team_id, model.id, rank).where(of_teams, due).subquery()
        query = select(ranked.c.team_id, ranked.c.id).where(ranked.c.rank <= limit).order_by(ranked.c.rank)
        for team_id, row_id in session.execute(query):
            if len(found[team_id]) < limit:
                found[team_id].append(row_id)
    return found
