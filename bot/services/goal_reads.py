"""Reading goals for lists, trees, forms and the App Home."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.dates import month_start
from bot.domain.drafts import GoalDraft, ObjectiveDraft
from bot.domain.enums import GoalLevel, GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.goal_tree import build_tree
from bot.services.goal_writes import not_found
from bot.services.read_models import GoalSummary, GoalTree
from bot.services.summaries import summarize_goals
from models import queries


def goal_tree(sessions: sessionmaker[Session], team_id: str, goal_id: int, *, today: date) -> GoalTree:
    with sessions() as session:
        goal = queries.get_goal(session, team_id, goal_id, full=True)
        if goal is None or goal.status == GoalStatus.ARCHIVED:
            raise not_found(goal_id, goal)
        focus_ids: frozenset[int] = frozenset()
        if goal.channel_id:
            focus = queries.focus_for(session, team_id, goal.channel_id, month_start(today))
            focus_ids = frozenset({focus.goal_id} if focus else set())
        return build_tree(goal, today=today, focus_goal_ids=focus_ids)


def goal_summary(sessions: sessionmaker[Session], team_id: str, goal_id: int, *, today: date) -> GoalSummary:
    return goal_tree(sessions, team_id, goal_id, today=today).goal


def parent_choices(
    sessions: sessionmaker[Session], team_id: str, *, exclude_id: int | None = None, limit: int = 100
) -> list[tuple[int, str, str]]:
    """(id, ref, title) of active goals a goal may hang under, longest horizons first.

    With `exclude_id` (the goal being edited) that goal and everything under it are left out:
    update_goal refuses them, as a goal under its own target would make a loop.
    """
    with sessions() as session:
        goals = queries.active_goals(session, team_id)
        excluded = _subtree(queries.parent_links(session, team_id), exclude_id) if exclude_id else set()
    ranked = sorted(goals, key=lambda g: (list(GoalLevel).index(g.level), g.due_date))
    return [(g.id, format_ref(RefKind.GOAL, g.id), g.title) for g in ranked if g.id not in excluded][:limit]


def _subtree(parents: dict[int, int | None], root: int) -> set[int]:
    """`root` and every goal below it (archived ones in between count: they still link the tree)."""
    children: dict[int, list[int]] = {}
    for goal_id, parent_id in parents.items():
        if parent_id is not None:
            children.setdefault(parent_id, []).append(goal_id)
    found, stack = {root}, [root]
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def strategy_owner_goal(sessions: sessionmaker[Session], team_id: str, strategy_id: int):
    """(goal id, strategy title) for an active goal's strategy, or None."""
    with sessions() as session:
        strategy = queries.get_strategy(session, team_id, strategy_id)
        if strategy is None or strategy.goal.status == GoalStatus.ARCHIVED:
            return None
        return strategy.goal_id, strategy.title


@dataclass(frozen=True)
class EditForm:
    draft: GoalDraft
    objective_ids: tuple[int, ...]
    owner_id: str


def edit_form(sessions: sessionmaker[Session], team_id: str, goal_id: int) -> EditForm:
    with sessions() as session:
        goal = queries.get_goal(session, team_id, goal_id, full=True)
        if goal is None or goal.status == GoalStatus.ARCHIVED:
            raise not_found(goal_id, goal)
        draft = GoalDraft(
            title=goal.title,
            why=goal.why,
            level=goal.level,
            parent_id=goal.parent_id,
            start_date=goal.start_date,
            due_date=goal.due_date,
            objectives=tuple(ObjectiveDraft(o.metric, o.unit, o.baseline, o.target) for o in goal.objectives),
        )
        return EditForm(draft, tuple(o.id for o in goal.objectives), goal.owner_id)


@dataclass(frozen=True)
class HomeData:
    my_goals: list[GoalSummary]
    focus_goals: list[GoalSummary]


def home_data(
    sessions: sessionmaker[Session],
    team_id: str,
    user_id: str,
    *,
    today: date,
    channel_ids: set[str] | None,
) -> HomeData:
    """`channel_ids` are the person's channels from Slack; None falls back to channels they touched."""
    month = month_start(today)
    with sessions() as session:
        channels = (
            channel_ids if channel_ids is not None else queries.channels_touched_by(session, team_id, user_id)
        )
        focus_rows = queries.focus_in_month(session, team_id, month, sorted(channels))
        focus_ids = frozenset(f.goal_id for f in focus_rows)
        mine = queries.active_goals(session, team_id, owner_id=user_id)
        focused = queries.active_goals(session, team_id, goal_ids=sorted(focus_ids))
        return HomeData(
            my_goals=summarize_goals(mine, today=today, focus_goal_ids=focus_ids),
            focus_goals=summarize_goals(focused, today=today, focus_goal_ids=focus_ids),
        )
