"""Serving workspaces in parallel: each workspace's work runs on one thread of a bounded pool, so
one workspace's rate limit or slow answers never hold another back.

With leases (every clock and `goalbot tick`), a workspace's work runs only while this process
holds its lease in the database (bot/outbound/leases.py): a workspace another process is serving
is skipped, so N processes together send to a workspace at its rate, not N times it. Taking the
lease seeds the sender's gate with where the last sender stopped; letting go records where this
one did; a renewer keeps the lease while the work is long, and a lease lost anyway (this process
stalled past its expiry and another took over) closes the workspace's lane in the gate."""

import logging
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import timedelta
from typing import TypeVar, cast

from sqlalchemy.exc import SQLAlchemyError

from bot.outbound.gate import WorkspaceGate
from bot.outbound.leases import Leases, Pacing

logger = logging.getLogger(__name__)

R = TypeVar("R")

# Workspaces served at once: at 20 posts a second each, 64 of them keep ~1,300 posts a second in
# flight, about what one process can make; more would only queue for the database and the GIL.
DEFAULT_THREADS = 64
SQLITE_THREADS = 8  # SQLite has one writer: more threads would only queue for it
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
        self._lock = threading.Lock()
        self._team_locks: dict[str, threading.Lock] = {}
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

    def _served(self, team: str, work: Callable[[str], R]) -> R | object:
        if not self._take(team):
            return _SKIPPED
        try:
            return work(team)
        finally:
            self._let_go(team)

    def _take(self, team: str) -> bool:
        """This process's lease on the workspace: already held by another of its works, or taken
        now (False: another process holds it)."""
        if self._leases is None or self._gate is None:
            return True
        with self._team_lock(team):
            with self._lock:
                if team in self._held:
                    self._held[team] += 1
                    return True
            pacing = self._leases.acquire(team)
            if pacing is None:
                logger.debug("workspace %s is being served by another process", team)
                return False
            self._seed(team, pacing)
            with self._lock:
                self._held[team] = 1
        return True

    def _let_go(self, team: str) -> None:
        if self._leases is None or self._gate is None:
            return
        with self._team_lock(team):
            with self._lock:
                self._held[team] -= 1
                if self._held[team] > 0:
                    return
                del self._held[team]
            next_in, paused_for = self._gate.standing(team)
            now = self._leases.now()
            paused_until = now + timedelta(seconds=paused_for) if paused_for > 0 else None
            pacing = Pacing(now + timedelta(seconds=next_in), paused_until)
            try:
                self._leases.release(team, pacing)
            except SQLAlchemyError as error:  # the lease then expires on its own
                logger.warning("could not release workspace %s: %s", team, error)

    def _seed(self, team: str, pacing: Pacing) -> None:
        assert self._leases is not None and self._gate is not None
        now = self._leases.now()
        self._gate.seed(
            team,
            next_send_in=(pacing.next_send_at - now).total_seconds() if pacing.next_send_at else 0.0,
            paused_for=(pacing.paused_until - now).total_seconds() if pacing.paused_until else 0.0,
        )

    def renew_held(self) -> None:
        """Extends every lease this process holds; a lost one closes the workspace's lane, and a
        pause another process recorded meanwhile reaches the gate."""
        if self._leases is None or self._gate is None:
            return
        with self._lock:
            teams = list(self._held)
        for team in teams:
            with self._team_lock(team):  # not while the workspace is being let go or taken
                with self._lock:
                    if team not in self._held:
                        continue
                try:
                    pacing = self._leases.renew(team)
                except SQLAlchemyError as error:
                    logger.warning("could not renew workspace %s: %s", team, error)
                    continue
                if pacing is None:
                    logger.warning("lost the lease of workspace %s; another process sends for it now", team)
                    self._gate.close(team)
                else:
                    self._seed(team, Pacing(paused_until=pacing.paused_until))

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

    def _team_lock(self, team: str) -> threading.Lock:
        with self._lock:
            return self._team_locks.setdefault(team, threading.Lock())
