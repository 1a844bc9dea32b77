"""How long each piece of text a person gives us may be, and what text is never stored.

One limit per field, used by the form inputs (`max_length`), the `/goals` commands and the
services alike, so a form that looks valid is never refused by the database afterwards. Each
limit fits its column in models/goals.py (tests/domain/test_limits.py checks that). Also the
largest row id and page number a typed or sent number may name.
"""

import re
from dataclasses import dataclass
from datetime import date

from bot.domain.dates import add_months
from bot.domain.drafts import GoalDraft

# A goal's title leaves room in its String(200) column for the " — Q1 2027" a break-down appends.
GOAL_TITLE = 150
WHY = 1000
METRIC = 100
UNIT = 30
STRATEGY_TITLE = 150
TACTIC_TITLE = 150
NOTE = 2000

# The largest row id either database can compare against: a bigger number in a button value or
# a form's private_metadata is treated as an unknown id, never sent to the database.
MAX_ID = 2**63 - 1

# Far more pages than any channel has; it keeps OFFSET within what every database accepts.
MAX_PAGE = 100_000

# A due date further out than this is a typo ("9999-12-30"), and breaking it down would
# create thousands of goals.
MAX_YEARS_AHEAD = 10

# NUL cannot be stored by PostgreSQL; the other C0 controls are invisible and never meant.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def strip_control(text: str) -> str:
    """The text without NUL and other invisible control characters (newlines and tabs stay)."""
    return _CONTROL.sub("", text)


def page_number(word: str) -> int | None:
    """The page a person typed (`/goals list 2`, `/goals followups 2`); None when the word is not a
    whole number from 1 to MAX_PAGE."""
    return int(word) if word.isdecimal() and 1 <= int(word) <= MAX_PAGE else None


def latest_due(today: date) -> date:
    return add_months(today, 12 * MAX_YEARS_AHEAD)


@dataclass(frozen=True)
class Overlong:
    """A field's text is longer than its limit; `field` uses SmartProblem's field names."""

    field: str
    limit: int
    length: int


def overlong(field: str, text: str | None, limit: int) -> Overlong | None:
    length = len(text.strip()) if text else 0
    return Overlong(field, limit, length) if length > limit else None


def overlong_in_draft(draft: GoalDraft) -> list[Overlong]:
    """Every field of a goal draft that is too long, in form order."""
    found = [overlong("title", draft.title, GOAL_TITLE), overlong("why", draft.why, WHY)]
    for index, row in enumerate(draft.objectives):
        found.append(overlong(f"objective.{index}.metric", row.metric, METRIC))
        found.append(overlong(f"objective.{index}.unit", row.unit, UNIT))
    return [problem for problem in found if problem is not None]
