"""Tick processes started ahead and told when to tick, as running clocks are.

A clock process imports goalbot, opens its database and builds its sender once, and then ticks
every minute, so what a tick costs it is the tick, not Python's start-up, imports and set-up.
`ready_ticks(env, at, warm_at)` starts one process per `warm_at` minute, one after another: each
sets up as `goalbot clock` does, ticks its `warm_at` minute (an earlier minute of a running clock;
benchmarks/warm_up.py gives each process something due then), reports ready, and waits. `go()` sets
them all ticking `at` at once and returns their summary lines when the last has exited. The time
from `go()` to the end of the last one's tick (each says when its tick returned, before the
interpreter's exit, which a running clock does not pay every minute) is the tick's wall time; a
process's start-up (spawn to ready) plus the time from `go()` to the last exit is still reported,
as a `goalbot tick` pays it.

    python -m benchmarks.ready_ticks AT WARM_AT   # what each process runs (ISO instants)
"""

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

# The line a process ends with: its CPU seconds from being told to tick, and the monotonic time
# (system-wide on Linux) its tick returned, before the interpreter's exit, which a clock never pays.
CPU = "tick cpu "


@dataclass
class TickTimes:
    start_up: float  # the longest any process took from being spawned to ready
    went: float  # when they were told to tick
    ended: float  # when the last had finished its tick (a clock's tick ends there; it does not exit)
    exited: float  # when the last had exited
    summaries: list[str]
    cpu: float  # CPU seconds the processes spent ticking (user + system, all threads; not imports)

    @property
    def tick(self) -> float:
        return self.ended - self.went

    @property
    def with_start_up(self) -> float:
        """As `goalbot tick` processes started at once would take: start-up, imports, the tick and
        the exit."""
        return self.start_up + (self.exited - self.went)


@contextmanager
def ready_ticks(env: dict[str, str], at: str, warm_at: list[str]) -> Iterator["Ticks"]:
    """One process per `warm_at` minute, each started once the one before is ready, so each
    process's warm-up tick finds due what was seeded for its minute and no other process's."""
    running: list[subprocess.Popen[str]] = []
    start_up = 0.0
    try:
        for warm in warm_at:
            spawned = time.monotonic()
            process = subprocess.Popen(
                [sys.executable, "-m", "benchmarks.ready_ticks", at, warm],
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            running.append(process)
            assert process.stdout is not None
            if process.stdout.readline().strip() != "ready":
                raise RuntimeError("a tick process did not start; its error is above")
            start_up = max(start_up, time.monotonic() - spawned)
        yield Ticks(running, start_up)
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
                process.wait()


class Ticks:
    def __init__(self, running: list[subprocess.Popen[str]], start_up: float) -> None:
        self._running, self._start_up = running, start_up

    def go(self) -> TickTimes:
        went = time.monotonic()
        for process in self._running:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        outputs = [process.communicate()[0].strip().splitlines() for process in self._running]
        exited = time.monotonic()
        ends = [
            lines[-1].removeprefix(CPU).split() for lines in outputs if lines and lines[-1].startswith(CPU)
        ]
        cpu = sum(float(cpu) for cpu, _ in ends)
        ended = max((float(end) for _, end in ends), default=exited) if len(ends) == len(outputs) else exited
        summaries = [
            next((line for line in reversed(lines) if not line.startswith(CPU)), "no summary")
            for lines in outputs
        ]
        return TickTimes(self._start_up, went, ended, exited, summaries, cpu)


def _tick_when_told(at: str, warm_at: str) -> int:
    """Sets up as `goalbot clock` does (settings, database, sender, tick context: once, before its
    first tick) and ticks `warm_at`, then, told to go, runs the tick at `at` as the clock's minute
    job does (run_passes)."""
    from bot.entrypoints.logs import configure_logging
    from bot.entrypoints.startup import open_database
    from bot.entrypoints.tick import build_sender, parse_instant, run_passes, summary_line, tick_context
    from bot.settings import load_settings
    from models.db import make_sessionmaker

    settings = load_settings()
    configure_logging(settings.log_level)
    engine = open_database(settings)
    context = tick_context(settings, make_sessionmaker(engine), build_sender(settings, engine=engine))
    now = parse_instant(at)
    # A running clock has ticked before, and sent in earlier minutes: its statements are compiled and
    # its connections open, as they are for every tick but its first.
    run_passes(context, parse_instant(warm_at))
    print("ready", flush=True)
    sys.stdin.readline()
    started = time.process_time()
    summary = run_passes(context, now)
    print(summary_line(now, summary), flush=True)
    print(f"{CPU}{time.process_time() - started:.3f} {time.monotonic():.6f}", flush=True)
    engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(_tick_when_told(sys.argv[1], sys.argv[2]))
