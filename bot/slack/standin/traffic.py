"""What a workspace received, measured the way a rate limit counts: the most calls in any
sliding window, and when its first and last calls came (monotonic seconds, as `Call.at`)."""

from collections.abc import Sequence


def most_in_window(times: Sequence[float], window: float = 1.0) -> int:
    """The most of `times` in any half-open window [t, t + window), as Slack's limiter counts."""
    ordered, most, start = sorted(times), 0, 0
    for end, at in enumerate(ordered):
        while at - ordered[start] >= window:
            start += 1
        most = max(most, end - start + 1)
    return most


def first_and_last(times: Sequence[float]) -> tuple[float, float] | None:
    return (min(times), max(times)) if times else None
