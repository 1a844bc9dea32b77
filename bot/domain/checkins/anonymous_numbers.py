"""What the numbers of one closed anonymous check-in day count for: one value per objective, the
median of the values given, and only when at least the minimum answered and gave it.

A median, not each value: a number that appears the moment someone answers points at them, and
one measurement per answer would let anyone who knows one person's number find theirs.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import median

from bot.domain.reports.anonymity import anonymous_results_visible


@dataclass(frozen=True)
class SettledNumber:
    objective_id: int
    value: float
    answers: int  # how many anonymous answers gave a value

    @property
    def note(self) -> str:
        return f"median of {self.answers} anonymous answers"


def settle_numbers(values: Iterable[tuple[int, float]], answered: int, minimum: int) -> list[SettledNumber]:
    """`values`: (objective id, value) pairs of the day's answers; `answered`: how many answered."""
    if not anonymous_results_visible(answered, minimum):
        return []
    given: dict[int, list[float]] = {}
    for objective_id, value in values:
        given.setdefault(objective_id, []).append(value)
    return [
        SettledNumber(objective_id, float(median(numbers)), len(numbers))
        for objective_id, numbers in sorted(given.items())
        if anonymous_results_visible(len(numbers), minimum)
    ]
