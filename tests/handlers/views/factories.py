"""Realistic read models for view tests; each factory takes keyword overrides."""

from dataclasses import replace
from datetime import UTC, date, datetime

from bot.domain.checkins.enums import DeliveryKind
from bot.domain.checkins.spec import Questions
from bot.domain.enums import Direction, GoalLevel, GoalStatus, PaceStatus
from bot.services.checkins.read_models import DeliveryToSend
from bot.services.read_models import (
    GoalSummary,
    GoalTree,
    ObjectiveSummary,
    StrategySummary,
    TacticSummary,
)

TODAY = date(2027, 2, 15)


def make_objective(**overrides) -> ObjectiveSummary:
    objective = ObjectiveSummary(
        id=7,
        ref="O7",
        goal_id=12,
        metric="CSAT score",
        unit="%",
        baseline=78.0,
        target=85.0,
        direction=Direction.UP,
        due_date=date(2027, 3, 31),
        current=80.1,
        progress=0.3,
        expected=0.5,
        status=PaceStatus.AT_RISK,
        last_measured_at=datetime(2027, 2, 12, 9, 30, tzinfo=UTC),
        measurement_count=4,
    )
    return replace(objective, **overrides)


def make_goal(**overrides) -> GoalSummary:
    goal = GoalSummary(
        id=12,
        ref="G12",
        title="Raise CSAT from 78 to 85",
        why="Happy customers come back and tell their friends",
        owner_id="U123OWNER",
        channel_id="C123SUPPORT",
        level=GoalLevel.QUARTERLY,
        parent_id=3,
        parent_ref="G3",
        parent_title="Best support in the region",
        start_date=date(2027, 1, 1),
        due_date=date(2027, 3, 31),
        status=GoalStatus.ACTIVE,
        pace=PaceStatus.AT_RISK,
        progress=0.3,
        objectives=(make_objective(),),
        is_focus=False,
    )
    return replace(goal, **overrides)


def make_tactic(**overrides) -> TacticSummary:
    tactic = TacticSummary(
        id=3,
        ref="T3",
        title="Write the call-back script",
        owner_id="U456AGENT",
        due_date=date(2027, 2, 20),
        done=False,
    )
    return replace(tactic, **overrides)


def make_strategy(**overrides) -> StrategySummary:
    strategy = StrategySummary(
        id=2,
        ref="S2",
        title="Call back every unhappy customer within a day",
        tactics=(make_tactic(), make_tactic(id=4, ref="T4", title="Daily list of low scores", done=True)),
    )
    return replace(strategy, **overrides)


def make_tree(**overrides) -> GoalTree:
    tree = GoalTree(goal=make_goal(), strategies=(make_strategy(),), children=())
    return replace(tree, **overrides)


def many_goals(count: int, *, title: str | None = None) -> list[GoalSummary]:
    return [
        make_goal(
            id=100 + n,
            ref=f"G{100 + n}",
            title=title or f"Goal number {n}",
            objectives=tuple(
                make_objective(id=1000 + n * 10 + k, ref=f"O{1000 + n * 10 + k}") for k in range(3)
            ),
        )
        for n in range(count)
    ]


def make_delivery(**overrides) -> DeliveryToSend:
    """A claimed check-in prompt: delivery 41 for U1, one objective, the confidence question."""
    delivery = DeliveryToSend(
        id=41,
        team_id="T1",
        user_id="U1",
        channel_id="C1",
        schedule_id=3,
        kind=DeliveryKind.PROMPT,
        sequence=0,
        local_date=date(2027, 3, 1),
        scheduled_at=datetime(2027, 3, 1, 8, tzinfo=UTC),
        attempts=1,
        anonymous=False,
        questions=Questions(objective_ids=(7,)),
        objectives=(make_objective(current=81.0),),
        late_at=datetime(2027, 3, 1, 12, tzinfo=UTC),
        closes_at=datetime(2027, 3, 2, 8, tzinfo=UTC),
        needs_reconcile=False,
    )
    return replace(delivery, **overrides)
