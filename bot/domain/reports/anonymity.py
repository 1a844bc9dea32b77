"""When anonymous results may be shown: only where at least the minimum number answered.

The minimum is the schedule's, but never below 3: with two answers, each person can read the
other's answer off the result.
"""

ANONYMITY_FLOOR = 3


def anonymous_results_visible(answered: int, minimum: int) -> bool:
    return answered >= max(minimum, ANONYMITY_FLOOR)
