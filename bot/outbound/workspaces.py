"""Serving workspaces in parallel: each workspace's work runs on one thread of a bounded pool, so
one workspace's rate limit or slow answers never hold another back."""

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

R = TypeVar("R")

DEFAULT_THREADS = 8


class WorkspacePool:
    def __init__(self, threads: int = DEFAULT_THREADS) -> None:
        if threads < 1:
            raise ValueError("threads must be at least 1")
        self.threads = threads

    def serve(self, team_ids: Iterable[str], work: Callable[[str], R]) -> dict[str, R]:
        """Runs `work(team_id)` once per workspace, up to `threads` at a time; blocks until all are
        done. A workspace another process is serving is left out of the result."""
        teams = list(dict.fromkeys(team_ids))
        if len(teams) <= 1 or self.threads == 1:
            return {team: work(team) for team in teams}
        with ThreadPoolExecutor(
            max_workers=min(self.threads, len(teams)), thread_name_prefix="workspace"
        ) as pool:
            futures = {team: pool.submit(work, team) for team in teams}
            return {team: future.result() for team, future in futures.items()}
