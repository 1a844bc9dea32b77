"""Buttons on a measurement reply: Undo, and "Record it anyway" / "Cancel" for an odd value."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, ValidationError
from slack_sdk import WebClient

from bot.services import measurement_undo, measurements
from bot.services.actor import Actor
from handlers.common.replies import action_id_value, channel_of, reply_error
from handlers.deps import Deps, actor_for, team_of
from handlers.ids import ActionId
from handlers.later import later, on_ack_then_later
from handlers.views.measurement_notices import build_measurement_undone, recorded_blocks

# Slack caps a button's value at 2,000 characters; a long note is cut to fit.
BUTTON_VALUE_LIMIT = 2000
STALE = "That button is out of date. Run `/goals update` again."


class PendingMeasurement(BaseModel):
    """What "Record it anyway" carries back: the objective, the value and the note, nothing stored yet."""

    model_config = ConfigDict(extra="forbid")

    o: int
    v: float
    n: str | None = None

    def dump(self) -> str:
        note = self.n
        while True:
            raw = PendingMeasurement(o=self.o, v=self.v, n=note).model_dump_json(exclude_none=True)
            if len(raw) <= BUTTON_VALUE_LIMIT or not note:
                return raw
            note = note[: len(note) - max(len(raw) - BUTTON_VALUE_LIMIT, 1)]


def pending_payload(asked: measurements.NeedsConfirmation) -> str:
    return PendingMeasurement(o=asked.objective_id, v=asked.value, n=asked.note).dump()


def undo_as(
    client: WebClient | None,
    deps: Deps,
    team_id: str,
    user_id: str,
    target: measurement_undo.UndoTarget,
    **when,
) -> measurement_undo.Undone:
    """Undo as this person; Slack is asked whether they are an admin only when they are neither
    the measurement's author nor the goal's owner."""
    if user_id in (target.author_id, target.owner_id):
        actor = Actor(team_id, user_id)
    elif client is None:
        raise ValueError("a Slack client is needed to ask whether a non-owner is an admin")
    else:
        actor = actor_for(client, team_id, user_id, owner_id=target.owner_id)
    return measurement_undo.undo_measurement(deps.sessions, actor, target.measurement_id, **when)


def register(app, deps: Deps) -> None:
    # Each button only acks; the work (and any users.info admin check) runs after the answer.
    def undo(ack, body, context, now: datetime, today: date):
        ack()
        later(context, lambda client, respond: _undo(deps, client, respond, body, context, now, today))

    def confirm(ack, body, context, now: datetime, today: date):
        ack()
        later(context, lambda _, respond: _confirm(deps, respond, body, context, now, today))

    def cancel(ack, context):
        ack()
        later(
            context, lambda _, respond: respond(text="Cancelled: nothing was saved.", replace_original=True)
        )

    on_ack_then_later(app.action(ActionId.UNDO_MEASUREMENT.value), undo)
    on_ack_then_later(app.action(ActionId.CONFIRM_MEASUREMENT.value), confirm)
    on_ack_then_later(app.action(ActionId.CANCEL_MEASUREMENT.value), cancel)


def _undo(deps: Deps, client: WebClient, respond, body: dict, context, now: datetime, today: date) -> None:
    measurement_id = action_id_value(body)
    if measurement_id is None:
        reply_error(respond, STALE)
        return
    team_id = team_of(context)
    target = measurement_undo.undo_target(deps.sessions, team_id, measurement_id=measurement_id)
    undone = undo_as(client, deps, team_id, body["user"]["id"], target, now=now, today=today)
    blocks = build_measurement_undone(undone)
    respond(text=f"Undid a measurement of {undone.objective.ref}.", blocks=blocks, replace_original=True)


def _confirm(deps: Deps, respond, body: dict, context, now: datetime, today: date) -> None:
    try:
        pending = PendingMeasurement.model_validate_json(body["actions"][0]["value"])
    except (KeyError, IndexError, TypeError, ValidationError):
        reply_error(respond, STALE)
        return
    recorded = measurements.record_measurement(
        deps.sessions,
        team_id=team_of(context),
        user_id=body["user"]["id"],
        channel_id=channel_of(body),
        name="",
        objective_id=pending.o,
        value=pending.v,
        note=pending.n,
        now=now,
        today=today,
        confirmed=True,
    )
    assert isinstance(recorded, measurements.Recorded)  # confirmed: never asks again
    respond(
        text=f"Recorded {recorded.objective.ref}.", blocks=recorded_blocks(recorded), replace_original=True
    )
