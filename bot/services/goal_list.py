"""`/goals list`: one page of a channel's goals, in three queries whatever the page size.

The work is in proportion to what is shown: one query for the page of goals (with their parents'
titles, the month's focus and the count of all of them), one for their objectives, and one for
each objective's latest value (`latest_values`, which knows undone measurements and targets
that track a break-down's root metric). All three read plain columns, not ORM objects: the list
is the busiest read, and building and tracking objects was a third of its cost.

`rendered_page` is what `/goals list` calls: the page as the caller renders it, kept per process
(bot/services/list_cache.py) while the workspace's list version stands, so a repeated list costs
one small read.
"""

from collections import defaultdict
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.dates import month_start
from bot.domain.enums import GoalStatus
from bot.services.list_cache import cache_for
from bot.services.read_models import GoalPage, ObjectiveSummary
from bot.services.summaries import assemble_goal, summarize_objective
from models import list_queries
from models.measurement_queries import latest_values

# Two blocks a goal, plus a title, a count and the paging buttons, within Slack's 50 blocks;
# small enough that a page is quick to build and to read.
PAGE_SIZE = 10

Rendered = TypeVar("Rendered")


def rendered_page(
    sessions: sessionmaker[Session],
    team_id: str,
    channel_id: str | None,
    *,
    today: date,
    render: Callable[[GoalPage, str | None], Rendered],
    page: int = 1,
    archived: bool = False,
) -> Rendered:
    """`render(goal_page(...), channel_id)`, reused while nothing the list shows has changed.

    `render` is part of the key, so pass a module-level function (a new lambda each time never
    hits); what it returns is shared between requests and must not be changed by them.
    """
    cache = cache_for(sessions)
    # The version is read before the page: a write between the two only makes this entry useless.
    version = cache.version(team_id)
    key = (render, team_id, channel_id, page, archived, today)
    hit, value = cache.get(key, version)
    if hit:
        return value
    shown = goal_page(sessions, team_id, channel_id, today=today, page=page, archived=archived)
    rendered = render(shown, channel_id)
    cache.put(key, version, rendered)
    return rendered


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
        rows = list_queries.goal_page(
            session,
            team_id,
            channel_id=channel_id,
            status=status,
            month=month_start(today),
            offset=(page - 1) * page_size,
            limit=page_size,
        )
        # The page query counts the goals too; past the last page it has no row to say so.
        total = (
            rows[0].total
            if rows
            else list_queries.count_goals(session, team_id, channel_id=channel_id, status=status)
        )
        objectives = _objective_summaries(session, team_id, rows, today=today)
        goals = tuple(
            assemble_goal(
                row.goal,
                objectives.get(row.goal.id, ()),
                parent_title=row.parent_title,
                is_focus=row.is_focus and not archived,
            )
            for row in rows
        )
    return GoalPage(goals=goals, page=page, page_size=page_size, total=total, archived=archived)


def _objective_summaries(
    session: Session, team_id: str, rows: list[list_queries.GoalRow], *, today: date
) -> dict[int, tuple[ObjectiveSummary, ...]]:
    starts = {row.goal.id: row.goal.start_date for row in rows}
    by_goal: dict[int, list[ObjectiveSummary]] = defaultdict(list)
    objectives = list_queries.objectives_of_goals(session, team_id, list(starts))
    latest = latest_values(session, team_id, [o.id for o in objectives])
    for objective in objectives:
        start = starts[objective.goal_id]
        by_goal[objective.goal_id].append(
            summarize_objective(objective, start=start, today=today, latest=latest.get(objective.id))
        )
    return {goal_id: tuple(summaries) for goal_id, summaries in by_goal.items()}
