"""One goal in full, `/goals show G12`: objectives, strategies with tactics, targets, and what to do next."""

from datetime import date

from slack_sdk.models.blocks import ActionsBlock, Block, DividerBlock

from bot.domain.enums import GoalLevel, GoalStatus
from bot.services.read_models import GoalSummary, GoalTree, MeasurementSummary, ObjectiveSummary
from handlers.ids import ActionId, BlockId
from handlers.views import limits
from handlers.views.blocks import button, capped, context, header, lines_within, section
from handlers.views.format import (
    due_in,
    escape,
    format_date,
    format_value,
    level_label,
    mention,
    plural,
    progress_bar,
    status_badge,
    truncate,
)
from handlers.views.goal_blocks import goal_facts, goal_name, value_change
from handlers.views.plan_blocks import strategy_groups

# Objectives first get this many blocks; strategies and tactics get what is left of the 50.
OBJECTIVE_BLOCKS = 8
# Five notes of this length stay well inside one section's 3,000 characters.
NOTE_IN_TREE = 400


def build_goal_tree(tree: GoalTree, *, can_edit: bool, today: date) -> list[Block]:
    """Editing buttons only when `can_edit`; a tactic's "Done" button is there for everyone,
    because its owner may tick it off (the listener checks who clicked)."""
    goal = tree.goal
    head = [header(f"{goal.ref} · {goal.title}"), _about(goal, today)]
    objectives = [DividerBlock(), section("*Objectives*"), *_objectives(goal, today), *_recent(tree.recent)]
    tail = [*_children(tree.children), *_actions(tree, can_edit)]
    plan_title = [DividerBlock(), section("*Strategies*")]
    budget = limits.MESSAGE_BLOCKS - len(head) - len(objectives) - len(plan_title) - len(tail)
    plan = capped(strategy_groups(tree.strategies, can_edit=can_edit, today=today), budget, "strategies")
    if not tree.strategies:
        plan = [context("No strategies yet: add how you will reach the goal.")]
    return [*head, *objectives, *plan_title, *plan, *tail]


def _about(goal: GoalSummary, today: date) -> Block:
    why = f"_{escape(truncate(goal.why, 1500))}_" if goal.why else "_No reason written down yet._"
    status = status_badge(goal.pace)
    if goal.status is not GoalStatus.ACTIVE:
        status += f" · _{goal.status.value}_"
    fields = [f"*Owner*\n{mention(goal.owner_id)}", f"*Level*\n{level_label(goal.level)}"]
    if goal.parent_ref:
        fields.append(f"*Part of*\n{goal.parent_ref} · {escape(truncate(goal.parent_title or '', 150))}")
    fields += [
        f"*Dates*\n{format_date(goal.start_date)} → {format_date(goal.due_date)} "
        f"({due_in(goal.due_date, today)})",
        f"*Status*\n{status}",
        f"*Progress*\n{progress_bar(goal.progress)}",
    ]
    return section(why, fields=fields)


def _objectives(goal: GoalSummary, today: date) -> list[Block]:
    if not goal.objectives:
        return [context("No objectives yet: add one so progress can be measured.")]
    groups = [[section(_objective_text(objective, today))] for objective in goal.objectives]
    return capped(groups, OBJECTIVE_BLOCKS, "objectives")


def _objective_text(objective: ObjectiveSummary, today: date) -> str:
    metric = escape(truncate(objective.metric, 150))
    baseline = escape(format_value(objective.baseline, objective.unit))
    if objective.last_measured_at is None:
        measured = "not measured yet"
    else:
        day = objective.last_measured_at.date()
        ago = max((today - day).days, 0)
        when = "today" if ago == 0 else f"{plural(ago, 'day')} ago"
        count = objective.measurement_count
        measured = f"last measured {format_date(day)} ({when}) · {plural(count, 'measurement')}"
    return (
        f"*{objective.ref} · {metric}*\n"
        f"{value_change(objective)} (from {baseline}) · due {format_date(objective.due_date)}\n"
        f"{progress_bar(objective.progress)} · expected by now {round(objective.expected * 100)}% · "
        f"{status_badge(objective.status)}\n_{measured}_"
    )


def _recent(recent: tuple[MeasurementSummary, ...]) -> list[Block]:
    """The last few measurements, newest first, with who recorded them and why."""
    if not recent:
        return []
    lines = [_measurement_line(m) for m in recent]
    return [section(lines_within(["*Recent measurements*", *lines], limits.SECTION_TEXT, "measurements"))]


def _measurement_line(measurement: MeasurementSummary) -> str:
    value = escape(format_value(measurement.value, measurement.unit))
    metric = escape(truncate(measurement.metric, 60))
    note = " ".join((measurement.note or "").split())
    note = f" — _{escape(truncate(note, NOTE_IN_TREE))}_" if note else ""
    return (
        f"• {format_date(measurement.recorded_at.date())} · {measurement.objective_ref} {metric} "
        f"*{value}* · {mention(measurement.user_id) if measurement.user_id else 'anonymous check-in'}{note}"
    )


def _children(children: tuple[GoalSummary, ...]) -> list[Block]:
    if not children:
        return []
    lines = [
        f"{goal_name(child, 120)} · {goal_facts(child)} · {progress_bar(child.progress)}"
        for child in children
    ]
    return [DividerBlock(), section(lines_within(["*Targets*", *lines], limits.SECTION_TEXT, "targets"))]


def _actions(tree: GoalTree, can_edit: bool) -> list[Block]:
    goal = tree.goal
    if not can_edit:
        return []
    buttons = [
        button("Add objective", ActionId.ADD_OBJECTIVE, goal.id),
        button("Add strategy", ActionId.ADD_STRATEGY, goal.id),
        button("Edit", ActionId.EDIT_GOAL, goal.id),
    ]
    if goal.level is GoalLevel.ANNUAL and not tree.children:
        buttons.append(button("Break down", ActionId.BREAK_DOWN, goal.id))
    if goal.status is not GoalStatus.ARCHIVED:
        # No confirm dialog: the button asks in a message, which can also ask about its targets.
        buttons.append(button("Archive", ActionId.ARCHIVE_GOAL, goal.id, style="danger"))
    return [ActionsBlock(block_id=str(BlockId.GOAL_ACTIONS), elements=buttons)]
