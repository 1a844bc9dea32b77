"""What the services aggregate (in SQL) for a digest; `build_digest` turns it into a `Digest`."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from bot.domain.enums import Direction
from bot.domain.reports.confidence import PeriodConfidence
from bot.domain.reports.participation import PeriodParticipation
from bot.domain.reports.periods import Period
from bot.domain.reports.quotes import QuoteCandidate
from bot.domain.reports.themes import Theme

# The check-in categories, in the order a digest lists them; others follow alphabetically.
CATEGORIES = ("quality", "service", "responsiveness", "communication", "other")


@dataclass(frozen=True)
class ObjectiveFigures:
    objective_id: int
    name: str
    baseline: float | None
    target: float | None
    current: float | None  # latest value as of the period's end
    previous: float | None  # what the previous digest of this kind showed; None for the first
    start: date  # the goal's span, for the pace line
    due: date
    unit: str | None = None
    direction: Direction = Direction.UP


@dataclass(frozen=True)
class GoalFigures:
    goal_id: int
    title: str
    objectives: tuple[ObjectiveFigures, ...] = ()
    children: tuple["GoalFigures", ...] = ()  # sub-goals (quarterly, monthly), shown indented


@dataclass(frozen=True)
class FollowupCounts:
    opened: int = 0  # opened during the period
    resolved: int = 0  # resolved (or closed as not ours) during the period
    overdue: int = 0  # open and past due at the period's end


@dataclass(frozen=True)
class DigestLimits:
    """How many of each list the view has room for; the rest become "and N more"."""

    rows: int | None = None  # goal + objective rows together
    quotes: int = 3
    themes: int = 5


@dataclass(frozen=True)
class DigestInputs:
    period: Period
    today: date
    goals: Sequence[GoalFigures] = ()
    participation: Sequence[PeriodParticipation] = ()  # the last few periods, oldest first
    categories: Mapping[str, int] = field(default_factory=dict)
    quotes: Sequence[QuoteCandidate] = ()
    themes: Sequence[Theme] = ()  # from themes.find_themes over the period's showable answers
    followups: FollowupCounts = FollowupCounts()
    confidence: Sequence[PeriodConfidence] = ()  # the same periods as participation, oldest first
