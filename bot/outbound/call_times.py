"""How long Slack takes to answer this process's calls, and so how many posts a workspace needs in
flight to keep its pace.

A workspace at 20 posts a second gets a slot every 50 ms. If Slack answers in 150 ms (usual from
a server far from Slack's), one post at a time makes about 7 a second, a third of the pace; three
at once keep it. The gate (gate.py) still spaces the calls and counts the window, so posts in
flight never raise the rate: they only stop a slow answer from lowering it.

The answer time that counts is the lower quartile of the last SAMPLE answers: what the wire and
Slack take. A busy machine (more clocks than cores) slows the other answers too, waiting for a
core rather than for Slack, and more posts in flight would only add to that wait (measured: four
clocks on two cores answered in 30-90 ms at the median with one post in flight each, and letting
the median decide made the fan-out slower). One workspace answering slowly (a stall, a timeout)
moves the quartile little, and a few posts in flight are all any workspace gets (`most`), so a slow
workspace never holds more than its share of the sender threads.
"""

import math
import threading
from collections import deque
from collections.abc import Callable
from typing import Any

SAMPLE = 64
# Before any answer: a call on a short wire (tens of milliseconds) keeps 20 a second alone.
FIRST_GUESS = 0.05


class CallTimes:
    def __init__(self, *, sample: int = SAMPLE, first_guess: float = FIRST_GUESS) -> None:
        self._recent: deque[float] = deque(maxlen=sample)
        self._lock = threading.Lock()
        self.typical = first_guess  # seconds: the lower quartile of the recent answers

    def add(self, seconds: float) -> None:
        """A call got its answer (or gave up) after `seconds`."""
        with self._lock:
            self._recent.append(max(0.0, seconds))
            ordered = sorted(self._recent)
            self.typical = ordered[len(ordered) // 4]


def in_flight_for_pace(rate: float, call_seconds: float, most: int) -> int:
    """Posts a workspace has in flight to keep `rate` a second when a call takes `call_seconds`:
    one for each whole slot (1/rate) an answer takes, at least one, at most `most`. Whole slots,
    not part of one: a second post in flight for an answer of 1.5 slots buys little pace, and on a
    busy machine, where the answers wait for a core, it only adds to the wait."""
    # The nudge keeps a product that should be whole (20 × 0.15) from flooring one short.
    return max(1, min(most, math.floor(rate * call_seconds + 1e-9)))


def max_in_flight(threads: int) -> int:
    """The most posts one workspace has in flight: a quarter of the sender threads, so a workspace
    answering slowly holds no more than that and the others share the rest."""
    return max(1, threads // 4)


def keeping_pace(sender: Any, rate: float, most: int) -> Callable[[], int]:
    """Posts a workspace may have in flight now: what `rate` needs at the time the sender's calls
    take lately, up to `most`; one at a time for a sender that measures nothing (tests')."""
    times: CallTimes | None = getattr(sender, "call_times", None)
    if times is None:
        return lambda: 1
    return lambda: in_flight_for_pace(rate, times.typical, most)
