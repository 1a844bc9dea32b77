"""How one goal and its objectives read in a list: shared by the channel list, the tree and Home."""

from slack_sdk.models.blocks import Block

from bot.domain.enums import GoalStatus
from bot.services.read_models import GoalSummary, ObjectiveSummary
from handlers.ids import ActionId
from handlers.views import limits
from handlers.views.blocks import button, context, lines_within, section
from handlers.views.format import (
    escape,
    format_date,
    format_value,
    level_label,
    progress_bar,
    status_badge,
    truncate,
)

# Long enough to read, short enough that a list of them stays scannable.
TITLE_IN_LIST = 200
METRIC_IN_LIST = 80
FOCUS_MARK = ":dart: Main goal this month"


def goal_name(goal: GoalSummary, limit: int = TITLE_IN_LIST) -> str:
    """ "*G12 · Raise CSAT*", escaped for mrkdwn."""
    return f"*{goal.ref} · {escape(truncate(goal.title, limit))}*"


def goal_facts(goal: GoalSummary) -> str:
    """ "Quarterly · due 2027-03-31 · :large_green_circle: on track" (+ done/archived)."""
    facts = [level_label(goal.level), f"due {format_date(goal.due_date)}", status_badge(goal.pace)]
    if goal.status is not GoalStatus.ACTIVE:
        facts.append(f"_{goal.status.value}_")
    return " · ".join(facts)


def goal_section(goal: GoalSummary, *, open_button: bool = True) -> Block:
    title = goal_name(goal) + (f"  {FOCUS_MARK}" if goal.is_focus else "")
    return section(
        f"{title}\n{goal_facts(goal)}\n{progress_bar(goal.progress)}",
        accessory=button("Open", ActionId.SHOW_GOAL, goal.id) if open_button else None,
    )


def value_change(objective: ObjectiveSummary) -> str:
    """ "80% → 85%": where it is now and where it should get to."""
    now = format_value(objective.current, objective.unit)
    return escape(f"{now} → {format_value(objective.target, objective.unit)}")


def objective_line(objective: ObjectiveSummary) -> str:
    metric = escape(truncate(objective.metric, METRIC_IN_LIST))
    return (
        f"{objective.ref} · {metric}: {value_change(objective)} · "
        f"{progress_bar(objective.progress)} · {status_badge(objective.status)}"
    )


def objectives_context(goal: GoalSummary) -> Block:
    if not goal.objectives:
        return context("No objectives yet: open the goal to add how you will measure it.")
    lines = [objective_line(objective) for objective in goal.objectives]
    return context(lines_within(lines, limits.CONTEXT_TEXT, "objectives"))


def goal_blocks(goal: GoalSummary, *, open_button: bool = True) -> list[Block]:
    """A goal as two blocks: what and how it is going, then one line per objective."""
    return [goal_section(goal, open_button=open_button), objectives_context(goal)]
