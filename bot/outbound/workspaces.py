"""Serving workspaces in parallel, so one workspace's rate limit or slow answers never hold
another back: outbox rows from a few sender threads shared by every workspace (`send_rows`,
bot/outbound/lanes.py), other work on one thread per workspace of a bounded pool (`serve`).

With leases (every clock and `goalbot tick`), a workspace's work runs only while this process holds
its lease in the database (bot/outbound/leases.py; taken and let go for many workspaces in one
statement): a workspace another process is serving is skipped, so N processes together send to a
workspace at its rate, not N times it. Taking the lease seeds the sender's gate with where the last
sender stopped; letting go records where this one did; a renewer keeps the lease while the work is
long, and a lease lost anyway (this process stalled past its expiry and another took over) closes
the workspace's lane in the gate."""

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from typing import TypeVar, cast

from sqlalchemy.exc import SQLAlchemyError

from bot.outbound.gate import WorkspaceGate
from bot.outbound.lanes import Claim, Lanes, More
from bot.outbound.leases import Leases, Pacing
from bot.outbound.ready_lanes import ReadyIn

logger = logging.getLogger(__name__)

R = TypeVar("R")
T = TypeVar("T")

# Sender threads (or, for `serve`, workspaces at once): about what one process's interpreter can
# keep busy posting; more would only contend for it and the database.
DEFAULT_THREADS = 16
SQLITE_THREADS = 8  # SQLite has one writer: more threads would only queue for it
# Workspaces whose leases `send_rows` holds at once, per sender thread: enough that the threads
# always find one that may call now, few enough that other processes find workspaces to serve.
LANES_PER_THREAD = 16
_SKIPPED = object()


class WorkspacePool:
    def __init__(
        self,
        threads: int = DEFAULT_THREADS,
        *,
        leases: Leases | None = None,
        gate: WorkspaceGate | None = None,
    ) -> None:
        """Without `leases` (tests that need no database lease) the pool only parallelises. With
        them it needs the sender's `gate`, whose 429 pauses it writes through to the database."""
        if threads < 1:
            raise ValueError("threads must be at least 1")
        if (leases is None) != (gate is None):
            raise ValueError("leases and gate go together")
        self.threads, self._leases, self._gate = threads, leases, gate
        self._held: dict[str, int] = {}  # workspace -> how many of this process's works run for it
        self._leasing = threading.RLock()  # one change to the held leases at a time
        if leases is not None and gate is not None:
            gate.share_pauses(self._share_pause)

    def serve(self, team_ids: Iterable[str], work: Callable[[str], R]) -> dict[str, R]:
        """Runs `work(team_id)` once per workspace, up to `threads` at a time; blocks until all are
        done. A workspace another process is serving is left out of the result."""
        teams = list(dict.fromkeys(team_ids))
        if not teams:
            return {}
        with self._renewing():
            if len(teams) <= 1 or self.threads == 1:
                done = {team: self._served(team, work) for team in teams}
            else:
                with ThreadPoolExecutor(
                    max_workers=min(self.threads, len(teams)), thread_name_prefix="workspace"
                ) as pool:
                    futures = {team: pool.submit(self._served, team, work) for team in teams}
                    done = {team: future.result() for team, future in futures.items()}
        return {team: cast(R, result) for team, result in done.items() if result is not _SKIPPED}

    def send_rows(
        self,
        team_ids: Iterable[str],
        claim: Claim[T],
        send: Callable[[T], None],
        *,
        per_workspace: int,
        ready_in: ReadyIn | None = None,
        more: More | None = None,
        in_flight: Callable[[], int] | None = None,
    ) -> list[str]:
        """Sends the workspaces' rows, and those of the workspaces `more` gives while it runs, from
        `threads` shared sender threads (bot/outbound/lanes.py), each workspace under this
        process's lease while it has rows; returns those served (one another process holds is left
        to it). `ready_in`: the sender's gate, to pick workspaces that may call now; `in_flight`:
        the posts a workspace needs in flight now to keep its pace (at most `per_workspace`)."""
        lanes: Lanes[T] = Lanes(
            take=self.take_many,
            let_go=self.let_go_many,
            ready_in=ready_in,
            threads=self.threads,
            per_workspace=per_workspace,
            active=self.threads * LANES_PER_THREAD,
            in_flight=in_flight,
        )
        with self._renewing():
            return lanes.run(list(team_ids), claim, send, more)

    def _served(self, team: str, work: Callable[[str], R]) -> R | object:
        if not self.take_many([team], 1):
            return _SKIPPED
        try:
            return work(team)
        finally:
            self.let_go_many([team])

    def take_many(self, team_ids: Sequence[str], most: int) -> list[str]:
        """This process's leases on up to `most` of the workspaces: already held by another of its
        works, or taken now in one statement. One left out is held by another process (or was past
        `most`)."""
        if self._leases is None or self._gate is None:
            return list(team_ids)[:most]
        with self._leasing:
            held = [team for team in team_ids if team in self._held][:most]
            for team in held:
                self._held[team] += 1
            others = [team for team in team_ids if team not in self._held]
            taken = self._leases.acquire_many(others, most - len(held)) if most > len(held) else {}
            for team, pacing in taken.items():
                self._seed(team, pacing)
                self._held[team] = 1
        if len(taken) < min(len(others), most - len(held)):  # room was left: the rest are held
            for team in others:
                if team not in taken:
                    logger.debug("workspace %s is being served by another process", team)
        return held + list(taken)

    def let_go_many(self, team_ids: list[str]) -> None:
        """Lets go of the workspaces' leases once no work of this process holds them, recording
        (in one statement) where each one's pacing stands for the next sender."""
        if self._leases is None or self._gate is None:
            return
        with self._leasing:
            now, pacings = self._leases.now(), {}
            for team in team_ids:
                self._held[team] -= 1
                if self._held[team] > 0:
                    continue
                del self._held[team]
                next_in, paused_for = self._gate.standing(team)
                paused_until = now + timedelta(seconds=paused_for) if paused_for > 0 else None
                pacings[team] = Pacing(now + timedelta(seconds=next_in), paused_until)
            try:
                self._leases.release_many(pacings)
            except SQLAlchemyError as error:  # the leases then expire on their own
                logger.warning("could not release %d workspaces: %s", len(pacings), error)

    def _seed(self, team: str, pacing: Pacing) -> None:
        assert self._leases is not None and self._gate is not None
        now = self._leases.now()
        self._gate.seed(
            team,
            next_send_in=(pacing.next_send_at - now).total_seconds() if pacing.next_send_at else 0.0,
            paused_for=(pacing.paused_until - now).total_seconds() if pacing.paused_until else 0.0,
        )

    def renew_held(self) -> None:
        """Extends every lease this process holds, in one statement; a lost one closes the
        workspace's lane, and a pause another process recorded meanwhile reaches the gate."""
        if self._leases is None or self._gate is None:
            return
        with self._leasing:  # not while a workspace is being let go or taken
            teams = list(self._held)
            try:
                renewed = self._leases.renew_many(teams)
            except SQLAlchemyError as error:
                logger.warning("could not renew %d workspaces: %s", len(teams), error)
                return
            for team in teams:
                if team in renewed:
                    self._seed(team, Pacing(paused_until=renewed[team].paused_until))
                else:
                    logger.warning("lost the lease of workspace %s; another process sends for it now", team)
                    self._gate.close(team)

    @contextmanager
    def _renewing(self) -> Iterator[None]:
        """A thread renewing the held leases every third of their time while `serve` works."""
        if self._leases is None:
            yield
            return
        stop = threading.Event()
        every = self._leases.ttl.total_seconds() / 3

        def renew() -> None:
            while not stop.wait(every):
                self.renew_held()

        renewer = threading.Thread(target=renew, name="lease-renewer", daemon=True)
        renewer.start()
        try:
            yield
        finally:
            stop.set()
            renewer.join()

    def _share_pause(self, team: str, seconds: float) -> None:
        assert self._leases is not None
        try:
            self._leases.record_pause(team, seconds)
        except SQLAlchemyError as error:  # the pause still holds in this process
            logger.warning("could not record the 429 pause of workspace %s: %s", team, error)
