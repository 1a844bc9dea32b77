"""Turns Slack's rules into Slack's error answers for the methods that carry arguments or Block Kit."""

from typing import Any

from bot.slack.standin.blockkit import LIMITS, validate_message_blocks, validate_view

Answer = dict[str, Any]

# Arguments Slack requires; a tuple inside means "one of these".
REQUIRED: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "chat.postMessage": ("channel",),
    "chat.postEphemeral": ("channel", "user"),
    "chat.update": ("channel", "ts"),
    "views.open": (("trigger_id", "interactivity_pointer"), "view"),
    "views.push": (("trigger_id", "interactivity_pointer"), "view"),
    "views.update": (("view_id", "external_id"), "view"),
    "views.publish": ("user_id", "view"),
    "users.info": ("user",),
    "conversations.info": ("channel",),
    "conversations.members": ("channel",),
    "conversations.history": ("channel",),
    "usergroups.users.list": ("usergroup",),
    "files.getUploadURLExternal": ("filename", "length"),
    "files.completeUploadExternal": ("files",),
}


def missing_arguments(method: str, args: dict[str, Any]) -> Answer | None:
    missing = [
        " or ".join(names)
        for names in (n if isinstance(n, tuple) else (n,) for n in REQUIRED.get(method, ()))
        if not any(args.get(name) not in (None, "") for name in names)
    ]
    if not missing:
        return None
    return invalid_arguments([f"missing required field: {name}" for name in missing])


def check_message(args: dict[str, Any]) -> Answer | None:
    """chat.postMessage / postEphemeral / update and response_url bodies."""
    blocks = args.get("blocks")
    if isinstance(blocks, str):
        return {"ok": False, "error": "invalid_blocks_format"}
    text = args.get("text")
    if not text and not blocks and not args.get("attachments") and not args.get("delete_original"):
        return {"ok": False, "error": "no_text"}
    # Slack documents both truncation (with a warning) and msg_too_long for text over 40,000
    # characters; failing is the choice that makes a test notice.
    if isinstance(text, str) and len(text) > LIMITS["message_text"]:
        return {"ok": False, "error": "msg_too_long"}
    problems = validate_message_blocks(blocks)
    if problems:
        return {
            "ok": False,
            "error": "invalid_blocks",
            "errors": problems,
            "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]},
        }
    return None


def check_view(args: dict[str, Any], surface: str | None) -> Answer | None:
    """views.*: Slack answers invalid_arguments, with the reasons in response_metadata.messages."""
    view = args.get("view")
    problems = validate_view(view)
    if isinstance(view, dict) and surface and view.get("type") != surface:
        problems.append(f"view type must be {surface} for this method [json-pointer:/view/type]")
    return invalid_arguments(problems) if problems else None


def invalid_arguments(problems: list[str]) -> Answer:
    return {
        "ok": False,
        "error": "invalid_arguments",
        "response_metadata": {"messages": [f"[ERROR] {p}" for p in problems]},
    }


def reasons(answer: Answer) -> list[str]:
    """The human-readable reasons inside an error answer, wherever Slack put them."""
    if answer.get("errors"):
        return list(answer["errors"])
    if answer.get("needed"):
        return [f"needs the {answer['needed']} scope; the app has {answer.get('provided') or 'none'}"]
    messages = answer.get("response_metadata", {}).get("messages", [])
    return [message.removeprefix("[ERROR] ") for message in messages]
