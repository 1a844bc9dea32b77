"""A title that states an objective's numbers goes stale when an edit changes those numbers."""

import re
from collections.abc import Sequence

from bot.domain.drafts import ObjectiveDraft, SmartProblem
from bot.domain.enums import SmartPart
from bot.domain.numbers import format_number, parse_number

_DATE = re.compile(r"\b[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\b")
_NUMBER = re.compile(r"[$€£]?[0-9][0-9,]*(?:\.[0-9]+)?[%kK]?")


def title_numbers(title: str) -> set[float]:
    """The numbers a title states ("from 78 to 85%" → {78, 85}); dates are not numbers here."""
    found = (parse_number(token.rstrip(",")) for token in _NUMBER.findall(_DATE.sub(" ", title)))
    return {value for value in found if value is not None}


def stale_title(
    title: str, before: Sequence[tuple[float, float]], after: Sequence[ObjectiveDraft]
) -> list[SmartProblem]:
    """A "title" problem when it still states a baseline or target the edit changed.

    `before[i]` is objective i's (baseline, target) as stored, `after[i]` the same row as edited.
    Only a number the title states, and that the edit replaced by one it does not state, counts.
    """
    stated = title_numbers(title)
    changes: list[str] = []
    for (old_baseline, old_target), row in zip(before, after, strict=False):
        for name, old, new in (("baseline", old_baseline, row.baseline), ("target", old_target, row.target)):
            if new is not None and new != old and old in stated and new not in stated:
                changes.append(f"{format_number(old)}, but the {name} is now {format_number(new)}")
    if not changes:
        return []
    hint = f"The title still says {'; '.join(changes)}. Update the title to match."
    return [SmartProblem(SmartPart.SPECIFIC, "title", hint)]
