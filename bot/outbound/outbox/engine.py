"""The one outbox engine: every message goalbot sends on its own goes through `run_outbox`.

A feature describes its table (rows.OutboxTable: model, when due, what a row's message needs) and
each kind of message in it (a `MessageKind`: how to send it, how to recognise it in Slack), and
its tick pass calls `run_outbox`. The engine then, for the workspaces with rows due, in parallel
(`ctx.pool.send_rows`: a few sender threads shared by every workspace, bot/outbound/lanes.py; a
workspace another process is serving is left to it):
1. claims the due rows in batches (claims.py; the workspaces opened together in one transaction,
   the table's loader given their default zones, read once for the workspaces due at the start
   and once for each group that comes while it runs: `coming`),
   a workspace's next batch while its last one is still going out, so a big workspace's fan-out
   runs at the gate's pace;
2. for each row: if its useful moment has passed and nothing is out, records it skipped, unless
   its outcome is unknown and Slack's history shows an earlier attempt posted it; otherwise the
   kind sends it (reading history first only when the outcome is unknown);
3. records the outcome under the claim: sent (with the ts; a few rows in one transaction,
   recording.py), retry (one policy, backoff with a cap; still unknown if the post got no answer or
   the history could not be read), or failed (Slack refused it for good).
"""

import logging
import threading
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from enum import Enum
from typing import Any

from bot.domain.outbox import too_late
from bot.outbound.call_times import keeping_pace, max_in_flight
from bot.outbound.outbox import rows
from bot.outbound.outbox.claims import claim_group
from bot.outbound.outbox.kinds import HistoryReads, Job, MessageKind, NothingToSend, PassClock
from bot.outbound.outbox.recording import SentRows
from bot.outbound.passes import TickContext
from bot.outbound.sender import SendFailed
from bot.services.workspaces_zones import default_zones

logger = logging.getLogger(__name__)

BATCH = 100  # rows claimed at a time: small next to what the lease allows at any sane rate


class Outcome(Enum):
    SENT = "sent"
    RETRIED = "retried"
    FAILED = "failed"
    SKIPPED = "skipped"
    LOST = "lost"  # another sender took the row over: it records the outcome


def run_outbox(
    ctx: TickContext,
    table: rows.OutboxTable,
    kinds: Mapping[str, MessageKind[Any]],
    clock: PassClock,
    *,
    senders: int = 8,
    only: str | None = None,
    coming: Iterator[Sequence[str]] | None = None,
) -> Counter[Outcome]:
    """Sends every row of `table` due at `clock`: the pool's sender threads take rows from every
    workspace with rows due, up to `senders` posts at once within one workspace (the gate, not
    this, sets the pace). Posted rows are recorded sent a batch at a time (recording.py). `only`:
    that workspace's rows alone (a listener sending what it has just recorded, under the same
    lease and pacing as a tick). `coming`: workspaces whose rows are recorded while this runs, a
    group at a time, each once its rows are in: the check-in pass plans the next group of
    workspaces while the last group's prompts go out, rather than all of them first."""
    zones: dict[str, str] = {}
    histories: dict[str, HistoryReads] = {}  # per workspace: one failed read stops its own

    def prepare(team_ids: list[str]) -> list[str]:
        """Before a workspace's lane opens: its default zone, standing and token (each read once
        for the group) and its history reads."""
        new = [team for team in team_ids if team not in zones]
        zones.update(workspace_zones(ctx, new) if new else {})
        read_ahead = getattr(ctx.sender, "read_ahead", None)  # tests' stand-in senders have none
        if read_ahead is not None and len(new) > 1:
            read_ahead(new)
        histories.update({team: HistoryReads() for team in new})
        return team_ids

    def more() -> list[str] | None:
        for group in coming or ():  # planning the next group, in this (the lanes' manager) thread
            due = rows.due_teams(ctx.sessions, table, clock.current(), among=group)
            if due:
                return prepare(due)
        return None

    teams = [t for t in rows.due_teams(ctx.sessions, table, clock.current()) if only in (None, t)]
    # Nothing due yet: the first planned group with rows due, if any (a minute with nothing to
    # send starts no sender threads).
    teams = prepare(teams) if teams else more() or []
    if not teams:
        return Counter()
    gate = getattr(ctx.sender, "gate", None)  # tests' stand-in senders have no gate: keep `senders`
    most = senders if gate is None else min(senders, max_in_flight(ctx.pool.threads))
    outcomes: Counter[Outcome] = Counter()
    counting = threading.Lock()

    def claim(team_ids: list[str]) -> dict[str, tuple[list[rows.Claimed], bool]]:
        group = {team_id: zones[team_id] for team_id in team_ids}
        now = clock.current()
        batches = claim_group(ctx.sessions, table, zones=group, worker=ctx.worker, now=now, limit=BATCH)
        return {team_id: (batch.claimed, batch.more) for team_id, batch in batches.items()}

    with SentRows(ctx.sessions, clock.instant).recording() as sent:

        def send(claimed: rows.Claimed) -> None:
            outcome = send_one(ctx, kinds, claimed, clock, sent, histories[claimed.claim.team_id])
            if outcome is not None:
                with counting:
                    outcomes[outcome] += 1

        ctx.pool.send_rows(
            teams,
            claim,
            send,
            per_workspace=most,
            in_flight=None if gate is None else keeping_pace(ctx.sender, gate.rate, most),
            ready_in=None if gate is None else gate.ready_in,
            more=None if coming is None else more,
        )
    outcomes[Outcome.SENT] += sent.recorded
    outcomes[Outcome.LOST] += sent.lost
    return outcomes


def workspace_zones(ctx: TickContext, team_ids: list[str]) -> dict[str, str]:
    """The default zone of each workspace (`ctx.default_tz` for one without), in one read."""
    with ctx.sessions() as session:
        return default_zones(session, team_ids, ctx.default_tz.key)


def send_one(
    ctx: TickContext,
    kinds: Mapping[str, MessageKind[Any]],
    claimed: rows.Claimed,
    clock: PassClock,
    sent: SentRows,
    history: HistoryReads | None = None,
) -> Outcome | None:
    """Sends one claimed row and records its outcome; None: posted, handed to `sent` to record."""
    held, kind = claimed.claim, kinds[claimed.kind]
    job: Job[Any] = Job(
        ctx, held, claimed.item, clock, unknown=held.unknown, history=history or HistoryReads()
    )
    try:
        late = too_late(claimed.useful_until, clock.current(), started=held.message_ts is not None)
        # Too late is skipped, unless an earlier attempt whose outcome is unknown got it out.
        if late and not (job.unknown and kind.find_posted(job) is not None):
            rows.mark_skipped(ctx.sessions, held, reason="too late: its moment passed before it went out")
            return Outcome.SKIPPED
        posted = kind.send(job)
    except NothingToSend as reason:
        rows.mark_skipped(ctx.sessions, held, reason=str(reason))
        return Outcome.SKIPPED
    except SendFailed as failure:
        return _record_failure(ctx, job, failure)
    if posted is None:
        return Outcome.LOST
    sent.add(rows.SentRow(held, posted.channel, posted.ts))
    return None


def _record_failure(ctx: TickContext, job: Job[Any], failure: SendFailed) -> Outcome:
    held = job.claim
    if not failure.retryable:
        logger.warning("%s row %d refused by Slack: %s", held.table.name, held.id, failure.error)
        rows.mark_failed(ctx.sessions, held, error=failure.error)
        return Outcome.FAILED
    # Unknown: the post got no answer (it may be out), or reading Slack to find out failed.
    unknown = job.unknown or outcome_unknown(failure)
    not_before = rows.mark_retry(
        ctx.sessions, held, now=job.clock.current(), error=failure.error, unknown=unknown
    )
    logger.info("%s row %d: %s; retrying from %s", held.table.name, held.id, failure.error, not_before)
    return Outcome.RETRIED


def outcome_unknown(failure: SendFailed) -> bool:
    """A post or upload that got no answer at all (the Sender does not repeat those) may have
    reached Slack; a 5xx or 429 was answered, so nothing was made."""
    flagged = getattr(failure, "outcome_unknown", None)
    if isinstance(flagged, bool):
        return flagged
    return failure.error.startswith("no answer")
