"""`/goals update O7 82 …` and `/goals update O7 undo`: record a number, or take the last one back."""

from slack_sdk import WebClient

from bot.domain.update_command import UndoUpdate, Update
from bot.services import measurement_undo, measurements
from handlers.common.request import GoalsRequest
from handlers.goals.measurement_actions import pending_payload, undo_as
from handlers.views.measurement_notices import (
    build_confirm_measurement,
    build_measurement_undone,
    recorded_blocks,
)


def record_update(request: GoalsRequest, parsed: Update) -> None:
    outcome = measurements.record_measurement(
        request.deps.sessions,
        team_id=request.team_id,
        user_id=request.user_id,
        channel_id=request.channel_id,
        name=parsed.target,
        objective_id=parsed.objective_id,
        value=parsed.value,
        note=parsed.note,
        now=request.now,
        today=request.today,
    )
    if isinstance(outcome, measurements.NeedsConfirmation):
        blocks = build_confirm_measurement(outcome, pending_payload(outcome))
        request.ack(
            text=f"Nothing saved yet: is that number right for {outcome.objective_ref}?", blocks=blocks
        )
        return
    request.ack(text=f"Recorded {outcome.objective.ref}.", blocks=recorded_blocks(outcome))


def undo_update(request: GoalsRequest, parsed: UndoUpdate) -> None:
    target = measurement_undo.undo_target(
        request.deps.sessions,
        request.team_id,
        channel_id=request.channel_id,
        name=parsed.target,
        objective_id=parsed.objective_id,
    )
    if request.user_id in (target.author_id, target.owner_id):
        undone = undo_as(
            None, request.deps, request.team_id, request.user_id, target, now=request.now, today=request.today
        )
        request.ack(
            text=f"Undid a measurement of {undone.objective.ref}.",
            blocks=build_measurement_undone(undone),
        )
        return
    request.ack()  # asking Slack whether they are an admin happens after the ack
    request.later(lambda client, respond: _undo_as_admin(request, client, respond, target))


def _undo_as_admin(request: GoalsRequest, client: WebClient, respond, target) -> None:
    undone = undo_as(
        client, request.deps, request.team_id, request.user_id, target, now=request.now, today=request.today
    )
    blocks = build_measurement_undone(undone)
    respond(text=f"Undid a measurement of {undone.objective.ref}.", blocks=blocks, response_type="ephemeral")
