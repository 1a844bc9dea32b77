"""`/goals list`: one page of a channel's goals, in a fixed number of queries whatever the page size.

The work is in proportion to what is shown: a count, one page of goals (with their parents'
titles), their objectives, and each objective's latest measurement, plus the month's focus.
"""

from collections import defaultdict
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.dates import month_start
from bot.domain.enums import GoalStatus
from bot.services.read_models import GoalPage, ObjectiveSummary
from bot.services.summaries import assemble_goal, summarize_measured_objective
from models import queries

# Two blocks a goal, plus a title, a count and the paging buttons, within Slack's 50 blocks;
# small enough that a page is quick to build and to read.
PAGE_SIZE = 10


def goal_page(
    sessions: sessionmaker[Session],
    team_id: str,
    channel_id: str | None,
    *,
    today: date,
    page: int = 1,
    archived: bool = False,
    page_size: int = PAGE_SIZE,
) -> GoalPage:
    status = GoalStatus.ARCHIVED if archived else GoalStatus.ACTIVE
    with sessions() as session:
        total = queries.count_goals(session, team_id, channel_id=channel_id, status=status)
        rows = queries.goal_page(
            session,
            team_id,
            channel_id=channel_id,
            status=status,
            offset=(page - 1) * page_size,
            limit=page_size,
        )
        objectives = _objective_summaries(session, team_id, rows, today=today)
        focus_id = _focus_goal_id(session, team_id, channel_id, today) if rows and not archived else None
        goals = tuple(
            assemble_goal(
                goal, objectives.get(goal.id, ()), parent_title=parent_title, is_focus=goal.id == focus_id
            )
            for goal, parent_title in rows
        )
    return GoalPage(goals=goals, page=page, page_size=page_size, total=total, archived=archived)


def _objective_summaries(session: Session, team_id: str, rows, *, today: date):
    starts = {goal.id: goal.start_date for goal, _ in rows}
    objectives = queries.objectives_of_goals(session, team_id, list(starts))
    latest = queries.latest_measurements(session, team_id, [o.id for o in objectives])
    by_goal: dict[int, list[ObjectiveSummary]] = defaultdict(list)
    for objective in objectives:
        measurement, count = latest.get(objective.id, (None, 0))
        by_goal[objective.goal_id].append(
            summarize_measured_objective(
                objective, measurement, count, start=starts[objective.goal_id], today=today
            )
        )
    return {goal_id: tuple(summaries) for goal_id, summaries in by_goal.items()}


def _focus_goal_id(session: Session, team_id: str, channel_id: str | None, today: date) -> int | None:
    if channel_id is None:
        return None
    focus = queries.focus_for(session, team_id, channel_id, month_start(today))
    return focus.goal_id if focus else None
