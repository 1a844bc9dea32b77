"""Turning a one-line goal ("Raise CSAT from 78 to 85 by 2027-03-31 because …") into a GoalDraft."""

import re
import unicodedata
from datetime import date

from bot.domain.dates import parse_due
from bot.domain.drafts import GoalDraft
from bot.domain.enums import GoalLevel
from bot.domain.objective_text import parse_objective
from bot.domain.refs import RefKind, parse_ref

MONTHLY_MAX_DAYS = 45
QUARTERLY_MAX_DAYS = 120
# Slack allows 40k-character messages; a goal is a sentence. Longer text is not scanned (that keeps
# every scan below fast) but kept whole as the title, so the title's limit refuses it, naming its
# real length: nothing typed is cut silently.
_MAX_INPUT_LENGTH = 3000
_MAX_DATE_PHRASE_WORDS = 6
_DATE_LEAD_WORDS = frozenset({"by", "before", "until", "due", "on", "in"})
# Lead words that state a deadline, not merely a time ("in Q1" may name what is measured).
_DEADLINE_WORDS = frozenset({"by", "before", "until", "due"})
_CLAUSE_PUNCTUATION = " ,;:-–—"

_PARENT = re.compile(
    r"[\s,;(]*\b(?:under|for|parent|part of|child of)(?:\s*:\s*|\s+)(?:goal\s+)?(#?g[0-9]{1,18})\b\)?",
    re.IGNORECASE,
)
# "so we …" keeps its "we": the why reads as a sentence on its own.
_WHY = re.compile(
    r"[\s,;:.\-–—]*(?:\b(?:because|so that|in order to)\b|\bwhy\s*:|\bso\b(?=\s+we\b))",
    re.IGNORECASE,
)


def infer_level(start: date, due: date) -> GoalLevel:
    span = (due - start).days
    if span <= MONTHLY_MAX_DAYS:
        return GoalLevel.MONTHLY
    if span <= QUARTERLY_MAX_DAYS:
        return GoalLevel.QUARTERLY
    return GoalLevel.ANNUAL


def parse_goal_text(text: str, today: date) -> GoalDraft:
    """Everything a one-line goal says; what it leaves out stays empty for the form to ask."""
    cleaned = _clean(text)
    if len(cleaned) > _MAX_INPUT_LENGTH:
        return GoalDraft(title=cleaned, start_date=today)
    parent_id, cleaned = _take_parent(cleaned)
    statement, why = _split_why(cleaned)
    due, core = _take_due(statement, today)
    if due is None and why is not None:
        due, _ = _take_due(why, today)
    objective = parse_objective(core)
    return GoalDraft(
        title=_title(statement),
        why=why,
        level=None if due is None else infer_level(today, due),
        parent_id=parent_id,
        start_date=today,
        due_date=due,
        objectives=() if objective is None else (objective,),
    )


def _clean(text: str) -> str:
    # Control characters and lone surrogates cannot be shown in Slack; zero-width joiners
    # (category Cf) stay because emoji sequences need them.
    visible = "".join(" " if unicodedata.category(char) in ("Cc", "Cs") else char for char in text)
    return " ".join(visible.split())


def _take_parent(text: str) -> tuple[int | None, str]:
    for match in _PARENT.finditer(text):
        ref = parse_ref(match[1], RefKind.GOAL)
        if ref is not None:
            return ref.id, _collapse(text[: match.start()] + " " + text[match.end() :])
    return None, text


def _split_why(text: str) -> tuple[str, str | None]:
    match = _WHY.search(text)
    if match is None:
        return text, None
    why = text[match.end() :].strip(_CLAUSE_PUNCTUATION)
    return text[: match.start()], why or None


def _take_due(text: str, today: date) -> tuple[date | None, str]:
    """The date the text is due by, and the text without it (and without its "by").

    A phrase led by "by", "before", "until" or "due" wins over one that is not, so in "Lift Q1 CSAT
    … by end of February" the quarter is part of the name and the stated date is the due date;
    otherwise the first date phrase counts.
    """
    spans = [match.span() for match in re.finditer(r"\S+", text)]
    found: tuple[date, int, int] | None = None
    first = 0
    while first < len(spans):
        phrase = _date_phrase(text, spans, first, today)
        if phrase is None:
            first += 1
            continue
        due, last = phrase
        lead = _lead_word(text, spans, first)
        cut_from = spans[first - 1][0] if lead == first - 1 else spans[first][0]
        deadline = lead is not None and _word(text, spans[lead]) in _DEADLINE_WORDS
        if found is None or deadline:
            found = (due, cut_from, spans[last][1])
        if deadline:
            break
        first = last + 1
    if found is None:
        return None, text
    due, start, end = found
    return due, _collapse(text[:start] + " " + text[end:])


def _date_phrase(text: str, spans: list[tuple[int, int]], first: int, today: date) -> tuple[date, int] | None:
    """The longest date phrase starting at word `first`: its date and last word's index."""
    for last in range(min(len(spans), first + _MAX_DATE_PHRASE_WORDS) - 1, first - 1, -1):
        due = parse_due(text[spans[first][0] : spans[last][1]], today)
        if due is not None:
            return due, last
    return None


def _lead_word(text: str, spans: list[tuple[int, int]], first: int) -> int | None:
    """The index of the "by"/"in"/… leading the phrase at `first` (parse_due reads "by …" too)."""
    for index in (first, first - 1):
        if index >= 0 and _word(text, spans[index]) in _DATE_LEAD_WORDS:
            return index
    return None


def _word(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]].lower()


def _title(statement: str) -> str:
    # Never cut: a title over its limit is refused with the limit named (bot/services/limits.py).
    return _collapse(statement).strip(_CLAUSE_PUNCTUATION)


def _collapse(text: str) -> str:
    return " ".join(text.split())
