"""The monthly main-goal reminders, worded: month start, mid-month pace check, month end, pick one."""

from slack_sdk.models.blocks import Block

from bot.domain.reports.reminders import ReminderKind
from bot.services.reports.reminder_contents import GoalChoice, ObjectiveMonth, ReminderContents
from handlers.ids import ActionId
from handlers.views.blocks import button, context, lines_within, section
from handlers.views.format import escape, format_value, status_badge
from handlers.views.limits import SECTION_TEXT


def month_name(contents_month) -> str:
    return contents_month.start.strftime("%B %Y")


def build_reminder(contents: ReminderContents) -> tuple[str, list[Block]]:
    month = month_name(contents.month)
    if contents.kind is ReminderKind.PICK_ONE:
        text = f"This channel has no main goal for {month} yet. One main goal each month: pick one."
        blocks: list[Block] = [section(f"🎯 *{text}*"), *_choices(contents, contents.month)]
        return text, blocks
    goal = contents.goal
    assert goal is not None
    title = escape(goal.title)
    name = f"*{goal.ref}* {title}"
    if contents.kind is ReminderKind.MONTH_START:
        text = f"{month}: our main goal is {goal.ref} {title}"
        lines = [_start_line(o) for o in contents.objectives]
        intro = f"🎯 *Main goal for {month}:* {name}\nThis month's targets and where we stand:"
    elif contents.kind is ReminderKind.MID_MONTH:
        text = f"Mid-month pace check for {goal.ref}: {contents.status.value}"
        lines = [_pace_line(o) for o in contents.objectives]
        intro = (
            f"⏱️ *Mid-month pace check* for {name}: {status_badge(contents.status)}\nExpected against actual:"
        )
    else:
        met = [o for o in contents.objectives if o.met]
        text = f"{month} is ending: {goal.ref} met {len(met)} of {len(contents.objectives)} monthly targets"
        lines = [_result_line(o) for o in contents.objectives]
        intro = (
            f"🏁 *{month} result* for {name}: {len(met)} of {len(contents.objectives)} monthly targets met"
        )
    blocks = [section(intro)]
    if lines:
        blocks.append(section(lines_within(lines, SECTION_TEXT, "objectives")))
    else:
        blocks.append(context("This goal has no objectives to measure yet."))
    if contents.kind is ReminderKind.MONTH_END:
        blocks.append(section(_next_month_line(contents)))
        blocks += _choices(contents, contents.next_month)
    return text, blocks


def _next_month_line(contents: ReminderContents) -> str:
    month = month_name(contents.next_month)
    picked = contents.next_goal
    if picked is None:
        return f"Time to pick *{month}*'s main goal:"
    already = f"*{month}*'s main goal is already *{picked.ref}* {escape(picked.title)}."
    return f"{already} To change it, pick another:"


def _start_line(o: ObjectiveMonth) -> str:
    now = "no measurement yet" if o.current is None else f"now {escape(format_value(o.current, o.unit))}"
    target = escape(format_value(o.month_target, o.unit))
    return f"• *{o.ref}* {escape(o.name)}: target this month {target} · {now} · {status_badge(o.status)}"


def _pace_line(o: ObjectiveMonth) -> str:
    actual = "no measurement yet" if o.current is None else escape(format_value(o.current, o.unit))
    expected = escape(format_value(o.expected_now, o.unit))
    return f"• *{o.ref}* {escape(o.name)}: expected {expected} · actual {actual} · {status_badge(o.status)}"


def _result_line(o: ObjectiveMonth) -> str:
    actual = "no measurement" if o.current is None else escape(format_value(o.current, o.unit))
    verdict = "✅ met" if o.met else ("❌ not met" if o.met is False else "⚪ unknown")
    target = escape(format_value(o.month_target, o.unit))
    return f"• *{o.ref}* {escape(o.name)}: {actual} against a monthly target of {target} · {verdict}"


def _choices(contents: ReminderContents, month) -> list[Block]:
    if not contents.choices:
        return []
    label = month.start.strftime("%B")
    # One section per goal, its button beside it: action ids need only be unique within a block.
    blocks: list[Block] = [
        section(f"*{c.ref}* {escape(c.title)}", accessory=_choice_button(c, label, month.id))
        for c in contents.choices
    ]
    if contents.more_choices:
        blocks.append(
            context(
                f"…and {contents.more_choices} more goals: `/goals list` shows them, "
                "`/goals focus G12 next` picks one."
            )
        )
    return blocks


def _choice_button(choice: GoalChoice, month_label: str, month_id: str):
    return button(
        f"Focus {choice.ref} in {month_label}", ActionId.REPORT_FOCUS_NEXT, f"{choice.goal_id}:{month_id}"
    )
