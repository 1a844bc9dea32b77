"""`goalbot tick` processes started ahead and told when to tick, as running clocks are.

A clock process imports goalbot once and then ticks every minute, so what a tick costs it is the
tick, not Python's start-up and imports. `ready_ticks(n, env, at)` starts n processes that import
the CLI and everything a tick runs, report ready, and wait; `go()` sets them all ticking at once
and returns their summary lines when the last has exited. The time from `go()` to the last exit is
the tick's wall time; the time from spawning is still reported, as a `goalbot tick` pays it.

    python -m benchmarks.ready_ticks 2027-03-01T09:00:00+00:00   # what each process runs
"""

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

CPU = "tick cpu "  # the line a process ends with: its CPU seconds from being told to tick


@dataclass
class TickTimes:
    spawned: float  # time.monotonic() when the processes were started
    ready: float  # when the last of them had imported everything
    went: float  # when they were told to tick
    ended: float  # when the last had exited
    summaries: list[str]
    cpu: float  # CPU seconds the processes spent ticking (user + system, all threads; not imports)

    @property
    def tick(self) -> float:
        return self.ended - self.went

    @property
    def with_start_up(self) -> float:
        """As `goalbot tick` processes started at once would take: start-up, imports and the tick."""
        return (self.ready - self.spawned) + self.tick


@contextmanager
def ready_ticks(processes: int, env: dict[str, str], at: str) -> Iterator["Ticks"]:
    spawned = time.monotonic()
    running = [
        subprocess.Popen(
            [sys.executable, "-m", "benchmarks.ready_ticks", at],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    try:
        for process in running:
            assert process.stdout is not None
            if process.stdout.readline().strip() != "ready":
                raise RuntimeError("a tick process did not start; its error is above")
        yield Ticks(running, spawned, time.monotonic())
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
                process.wait()


class Ticks:
    def __init__(self, running: list[subprocess.Popen[str]], spawned: float, ready: float) -> None:
        self._running, self._spawned, self._ready = running, spawned, ready

    def go(self) -> TickTimes:
        went = time.monotonic()
        for process in self._running:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        outputs = [process.communicate()[0].strip().splitlines() for process in self._running]
        ended = time.monotonic()
        cpu = sum(
            float(lines[-1].removeprefix(CPU)) for lines in outputs if lines and lines[-1].startswith(CPU)
        )
        summaries = [
            next((line for line in reversed(lines) if not line.startswith(CPU)), "no summary")
            for lines in outputs
        ]
        return TickTimes(self._spawned, self._ready, went, ended, summaries, cpu)


def _summary(lines: list[str]) -> str:
    return next((line for line in reversed(lines) if not line.startswith(CPU)), "no summary")


def _tick_when_told(at: str) -> int:
    from bot.entrypoints import tick  # noqa: F401  (every pass and the engine, imported now)
    from bot.entrypoints.cli import main

    print("ready", flush=True)
    sys.stdin.readline()
    started = time.process_time()
    status = main(["tick", "--at", at])
    print(f"{CPU}{time.process_time() - started:.3f}", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(_tick_when_told(sys.argv[1]))
