"""time.sleep under libfaketime (the shifted-clock runs: tests/fixtures/shifted_clock.py).

With FAKETIME_DONT_FAKE_MONOTONIC=1 (without it every timed wait hangs), libfaketime 0.9.10
answers the absolute CLOCK_MONOTONIC clock_nanosleep that Python 3.11's time.sleep makes with
EINVAL, at any offset, +0 included, so anything that sleeps (subprocess.run's wait among them)
raises. Under libfaketime, this process's time.sleep waits on an Event instead: a timed wait on the
monotonic clock, which works. Child processes keep the real time.sleep.
"""

import os
import threading
import time


def under_libfaketime() -> bool:
    return "faketime" in os.environ.get("LD_PRELOAD", "")


def _event_sleep(seconds: float) -> None:
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    threading.Event().wait(seconds)


def sleep_without_clock_nanosleep() -> None:
    if under_libfaketime():
        time.sleep = _event_sleep
