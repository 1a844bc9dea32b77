"""Which open-text answers a digest may quote."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from bot.domain.reports.anonymity import anonymous_results_visible
from bot.domain.reports.cuts import Cut, cut_to


@dataclass(frozen=True)
class QuoteCandidate:
    text: str
    answered_on: date
    anonymous: bool
    period_answers: int  # how many answered the check-in period this answer belongs to
    minimum: int  # the schedule's minimum before anonymous results are shown
    author_key: str | None = None  # who said it; always None for anonymous answers

    def __post_init__(self) -> None:
        # Refuse at the boundary so an author can never travel with an anonymous answer.
        if self.anonymous and self.author_key is not None:
            raise ValueError("an anonymous answer cannot carry its author")

    @property
    def may_show(self) -> bool:
        if not self.text.strip():
            return False
        return not self.anonymous or anonymous_results_visible(self.period_answers, self.minimum)


@dataclass(frozen=True)
class QuoteSelection:
    quotes: Cut[QuoteCandidate]
    withheld: int  # anonymous answers hidden because too few people answered their period


def select_quotes(candidates: Iterable[QuoteCandidate], limit: int | None) -> QuoteSelection:
    """The showable quotes, in the order given (the service picks which come first), cut to `limit`."""
    showable: list[QuoteCandidate] = []
    withheld = 0
    for candidate in candidates:
        if candidate.may_show:
            showable.append(candidate)
        elif candidate.anonymous and candidate.text.strip():
            withheld += 1
    return QuoteSelection(cut_to(showable, limit), withheld)
