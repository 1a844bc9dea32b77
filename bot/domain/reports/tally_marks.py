"""What one check-in answer adds to its periods' tallies, so a digest reads counts, not answers.

An answer leaves marks: one that it was given at all, its category, its confidence (so a period's
average confidence is a sum over five rows) and each of its theme words (`themes.answer_words`).
Each mark is counted in the answer's month and in its ISO week, the two periods a digest covers.
A named answer's marks are counted once per person (for themes: "three different people") and
once per answer (for counts by category); an anonymous answer's only once per answer, because it
has no person, which is the overcount `themes` accepts.

An edit moves the tallies by the difference between the marks before and after, so a tally is
always what counting the stored answers from scratch would give.
"""

import enum
from dataclasses import dataclass
from datetime import date

from bot.domain.reports.periods import month_of, week_of
from bot.domain.reports.themes import answer_words


class MarkKind(enum.StrEnum):
    ANSWER = "answer"  # its theme is ""
    CATEGORY = "category"
    WORD = "word"
    CONFIDENCE = "confidence"  # its theme is the answer's confidence, "1" to "5"


@dataclass(frozen=True, order=True)
class Mark:
    kind: MarkKind
    theme: str


ANSWERED = Mark(MarkKind.ANSWER, "")


def answer_marks(
    category: str | None, expectations: str | None, obstacles: str | None, confidence: int | None = None
) -> frozenset[Mark]:
    marks = {ANSWERED}
    if confidence is not None:
        marks.add(Mark(MarkKind.CONFIDENCE, str(confidence)))
    if category:
        marks.add(Mark(MarkKind.CATEGORY, str(category)))
    marks.update(Mark(MarkKind.WORD, word) for word in answer_words(expectations, obstacles))
    return frozenset(marks)


def tally_periods(day: date) -> tuple[str, str]:
    """The ids of the periods an answer given on `day` (its local date) counts in."""
    return month_of(day).id, week_of(day).id
