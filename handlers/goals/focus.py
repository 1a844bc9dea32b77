"""`/goals focus`'s confirmation: replace the month's main goal or keep it (the setting itself is
handlers/common/focus.py, shared with the month-end reminder's button)."""

from datetime import date, datetime

from slack_sdk import WebClient

from bot.domain.reports.periods import parse_period_id
from handlers.common.focus import focus_from_button
from handlers.common.replies import action_id_value, reply_error
from handlers.deps import Deps
from handlers.ids import ActionId
from handlers.later import later, on_ack_then_later


def register(app, deps: Deps) -> None:
    def replace_focus(ack, body, context, now: datetime, today: date):
        ack()
        later(context, lambda client, respond: _replace(deps, client, respond, body, context, now, today))

    def keep_focus(ack, context):
        ack()
        later(
            context,
            lambda _, respond: respond(text="Kept the main goal as it was.", replace_original=True),
        )

    on_ack_then_later(app.action(ActionId.FOCUS_REPLACE.value), replace_focus)
    on_ack_then_later(app.action(ActionId.FOCUS_KEEP.value), keep_focus)


def _replace(deps: Deps, client: WebClient, respond, body: dict, context, now: datetime, today: date):
    value = replace_value(body)
    if value is None:
        reply_error(respond, "That button is out of date. Run `/goals focus <goal id>` again.")
        return
    goal_id, month = value
    focus_from_button(
        deps,
        client,
        respond,
        body,
        context,
        goal_id=goal_id,
        replace=True,
        now=now,
        today=today,
        replace_original=True,
        month=month,
    )


def replace_value(body: dict) -> tuple[int, date | None] | None:
    """A Switch button's "<goal id>:<YYYY-MM>" (the month it asked about); a bare goal id, from a
    message sent before the month was carried, means this month."""
    goal_text, _, month_text = str(_first_value(body)).partition(":")
    goal_id = action_id_value({"actions": [{"value": goal_text}]})
    if goal_id is None:
        return None
    if not month_text:
        return goal_id, None
    month = parse_period_id(month_text)
    if month is None or month.kind.value != "month":
        return None
    return goal_id, month.start


def _first_value(body: dict) -> object:
    try:
        return body["actions"][0]["value"]
    except (KeyError, IndexError, TypeError):
        return None
