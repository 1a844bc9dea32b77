"""Submitting a filled modal (view_submission) or abandoning it (view_closed), and acting on the answer
as Slack does: errors go back to their fields; update, push and clear change the modal stack."""

from typing import TYPE_CHECKING

from bot.entrypoints.console.forms import input_fields
from bot.entrypoints.console.payloads import view_closed, view_submission

if TYPE_CHECKING:
    from bot.entrypoints.console.shell import Console


def submit(console: "Console", view: dict, values: dict) -> dict:
    """Sends view_submission; returns the errors by block_id, or {} once the modal moved on."""
    payload = view_submission(
        console.who,
        console.views.find(view["id"]) or view,
        values,
        trigger_id=console.workspace.new_trigger(console.who.person.id),
    )
    reply = console.dispatcher.send(payload)
    console.report(reply, "this form")
    body = reply.body if isinstance(reply.body, dict) else {}
    action = body.get("response_action")
    fields = {f.block_id: f.label for f in input_fields(view)}
    if reply.status == 200 and action == "errors" and set(body.get("errors") or {}) & set(fields):
        for block_id, message in (body.get("errors") or {}).items():
            console.terminal.say(f"  ! {fields.get(block_id, block_id)}: {console.plain(str(message))}")
        console.show(console.outbox.drain())
        return {block_id: console.plain(str(message)) for block_id, message in body["errors"].items()}
    problem = _unusable(reply.status, body)
    if problem:
        console.views.clear()
        console.terminal.say(f"({problem}; the console closed the modal)", "dim")
    elif action == "update":
        console.views.update(body["view"], view_id=view["id"])
    elif action == "push":
        console.views.push(body["view"])
    elif action == "clear":
        console.views.clear()
    else:
        console.views.close(view["id"])
    console.show(console.outbox.drain())
    return {}


def cancel(console: "Console", view: dict) -> None:
    if view.get("notify_on_close"):
        payload = view_closed(console.who, view, is_cleared=True)
        console.report(console.dispatcher.send(payload), "closing the modal")
    console.views.clear()
    console.terminal.say("(modal closed)", "dim")
    console.show(console.outbox.drain())


def _unusable(status: int, body: dict) -> str | None:
    """Why Slack would not act on this answer to a submission, if it would not."""
    action = body.get("response_action")
    if status != 200:
        return "the submission failed"
    if action == "errors":
        return (
            f"goalbot sent errors for inputs this modal does not have: {', '.join(body.get('errors') or {})}"
        )
    if action in ("update", "push") and not isinstance(body.get("view"), dict):
        return f"goalbot answered response_action={action} without a view"
    return None
