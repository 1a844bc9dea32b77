"""The month-end (and pick-one) reminder's buttons: make a goal the channel's main goal for the
month the button names. Value "<goal id>:<YYYY-MM>": a month-end post offers next month, so a
click on the 1st still sets the month the post was about, not the one after it."""

from datetime import date, datetime

from slack_sdk import WebClient

from bot.domain.reports.periods import parse_period_id
from handlers.common.focus import focus_from_button
from handlers.common.replies import reply_error
from handlers.deps import Deps
from handlers.ids import ActionId
from handlers.later import later, on_ack_then_later

STALE = "That button is out of date. Run `/goals focus G12 next` instead."


def focus_button_value(body: dict) -> tuple[int, date] | None:
    try:
        goal_text, month_text = str(body["actions"][0]["value"]).split(":", 1)
        goal_id = int(goal_text)
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    month = parse_period_id(month_text)
    if month is None or month.kind.value != "month" or not 0 < goal_id < 2**63:
        return None
    return goal_id, month.start


def register(app, deps: Deps) -> None:
    def focus_from_reminder(ack, body, context, now: datetime, today: date):
        ack()
        later(context, lambda client, respond: _focus(deps, client, respond, body, context, now, today))

    on_ack_then_later(app.action(ActionId.REPORT_FOCUS_NEXT.value), focus_from_reminder)


def _focus(deps: Deps, client: WebClient, respond, body: dict, context, now: datetime, today: date) -> None:
    value = focus_button_value(body)
    if value is None:
        reply_error(respond, STALE)
        return
    goal_id, month = value
    # Like `/goals focus`, a month that already has a main goal asks before replacing it.
    focus_from_button(
        deps,
        client,
        respond,
        body,
        context,
        goal_id=goal_id,
        replace=False,
        now=now,
        today=today,
        replace_original=False,
        month=month,
    )
