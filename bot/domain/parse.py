"""Turning a one-line goal ("Raise CSAT from 78 to 85 by 2027-03-31 because …") into a GoalDraft."""

import re
import unicodedata
from datetime import date

from bot.domain.dates import parse_due
from bot.domain.drafts import GoalDraft
from bot.domain.enums import GoalLevel
from bot.domain.objective_text import parse_objective
from bot.domain.refs import RefKind, parse_ref

MAX_TITLE_LENGTH = 150
MONTHLY_MAX_DAYS = 45
QUARTERLY_MAX_DAYS = 120
# Slack allows 40k-character messages; a goal is a sentence, and reading only the start keeps
# every scan below fast even for pasted walls of text.
_MAX_INPUT_LENGTH = 3000
_MAX_DATE_PHRASE_WORDS = 6
_DATE_LEAD_WORDS = frozenset({"by", "before", "until", "due", "on", "in"})
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
    head = text[: _MAX_INPUT_LENGTH * 2]
    visible = "".join(" " if unicodedata.category(char) in ("Cc", "Cs") else char for char in head)
    return " ".join(visible.split())[:_MAX_INPUT_LENGTH]


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
    """The first date phrase in the text, and the text without it (and without its "by")."""
    spans = [match.span() for match in re.finditer(r"\S+", text)]
    for first in range(len(spans)):
        for last in range(min(len(spans), first + _MAX_DATE_PHRASE_WORDS) - 1, first - 1, -1):
            due = parse_due(text[spans[first][0] : spans[last][1]], today)
            if due is None:
                continue
            cut_from = spans[first][0]
            if first > 0 and text[spans[first - 1][0] : spans[first - 1][1]].lower() in _DATE_LEAD_WORDS:
                cut_from = spans[first - 1][0]
            return due, _collapse(text[:cut_from] + " " + text[spans[last][1] :])
    return None, text


def _title(statement: str) -> str:
    title = _collapse(statement).strip(_CLAUSE_PUNCTUATION)
    if len(title) <= MAX_TITLE_LENGTH:
        return title
    cut = title[: MAX_TITLE_LENGTH - 1]
    # Cut at a word boundary unless the only boundary would leave a stub.
    if " " in cut[MAX_TITLE_LENGTH // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(_CLAUSE_PUNCTUATION) + "…"


def _collapse(text: str) -> str:
    return " ".join(text.split())
