"""The two entry points: a message's blocks and a view (modal or home tab)."""

from bot.slack.standin.blockkit.blocks import check_blocks
from bot.slack.standin.blockkit.limits import VIEW_TYPES
from bot.slack.standin.blockkit.problems import Problems


def validate_message_blocks(blocks: object) -> list[str]:
    """Problems with a message's `blocks`, as Slack reports them: "<reason> [json-pointer:/blocks/...]"."""
    p = Problems()
    if blocks is None:
        return []
    if not isinstance(blocks, list):
        p.add("/blocks", "blocks must be an array")
    else:
        check_blocks(p, {"blocks": blocks}, "", "message_blocks")
    return p.found


def validate_view(view: object) -> list[str]:
    """Problems with a view object, pointing into it as Slack does: "<reason> [json-pointer:/view/...]"."""
    p = Problems()
    if not isinstance(view, dict):
        p.add("/view", "view must be an object")
        return p.found
    kind = view.get("type")
    if kind not in VIEW_TYPES:
        p.add("/view/type", f"view type must be modal or home (got {kind!r})")
    blocks = check_blocks(p, view, "/view", "view_blocks")
    p.string(view, "callback_id", "/view", "callback_id")
    p.string(view, "private_metadata", "/view", "private_metadata")
    p.string(view, "external_id", "/view", "external_id")
    if kind == "modal":
        p.text(view, "title", "/view", "view_title", plain=True, required=True)
        p.text(view, "submit", "/view", "view_submit", plain=True)
        p.text(view, "close", "/view", "view_close", plain=True)
        has_input = any(isinstance(b, dict) and b.get("type") == "input" for b in blocks)
        if has_input and "submit" not in view:
            p.add("/view/submit", "a modal with input blocks must have submit")
    return p.found
