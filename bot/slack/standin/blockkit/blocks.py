"""Layout blocks: known types, unique block_ids, and each block's own limits."""

from collections.abc import Callable

from bot.slack.standin.blockkit.elements import check_element
from bot.slack.standin.blockkit.limits import BLOCK_TYPES
from bot.slack.standin.blockkit.problems import Problems


def check_blocks(p: Problems, container: dict, pointer: str, limit: str) -> list:
    """Checks `container["blocks"]` (required, at most LIMITS[limit]); returns the blocks."""
    blocks = p.array(container, "blocks", pointer, limit, required=True)
    block_ids: set[str] = set()
    for index, block in enumerate(blocks):
        check_block(p, block, f"{pointer}/blocks/{index}", block_ids)
    return blocks


def check_block(p: Problems, block: object, pointer: str, block_ids: set[str]) -> None:
    if not isinstance(block, dict):
        p.add(pointer, "block must be an object")
        return
    kind = block.get("type")
    if kind not in BLOCK_TYPES:
        p.add(f"{pointer}/type", f"unknown block type {kind!r}")
        return
    p.unique_id(block, "block_id", pointer, block_ids)
    _CHECKS[kind](p, block, pointer)


def _section(p: Problems, block: dict, ptr: str) -> None:
    if "text" not in block and "fields" not in block:
        p.add(ptr, "a section needs text or fields")
    p.text(block, "text", ptr, "section_text")
    for index, field in enumerate(p.array(block, "fields", ptr, "section_fields", minimum=1)):
        p.text_object(field, f"{ptr}/fields/{index}", "section_field_text")
    if "accessory" in block:
        check_element(p, block["accessory"], f"{ptr}/accessory", block="section", action_ids=set())


def _header(p: Problems, block: dict, ptr: str) -> None:
    p.text(block, "text", ptr, "header_text", plain=True, required=True)


def _context(p: Problems, block: dict, ptr: str) -> None:
    elements = p.array(block, "elements", ptr, "context_elements", required=True, minimum=1)
    for index, element in enumerate(elements):
        where = f"{ptr}/elements/{index}"
        if isinstance(element, dict) and element.get("type") in ("plain_text", "mrkdwn"):
            p.text_object(element, where, "section_text")
        else:
            check_element(p, element, where, block="context", action_ids=set())


def _actions(p: Problems, block: dict, ptr: str) -> None:
    action_ids: set[str] = set()
    elements = p.array(block, "elements", ptr, "actions_elements", required=True, minimum=1)
    for index, element in enumerate(elements):
        check_element(p, element, f"{ptr}/elements/{index}", block="actions", action_ids=action_ids)


def _input(p: Problems, block: dict, ptr: str) -> None:
    p.text(block, "label", ptr, "input_label", plain=True, required=True)
    p.text(block, "hint", ptr, "input_hint", plain=True)
    if "element" not in block:
        p.add(f"{ptr}/element", "missing required field: element")
    else:
        check_element(p, block["element"], f"{ptr}/element", block="input", action_ids=set())
    for flag in ("optional", "dispatch_action"):
        if flag in block and not isinstance(block[flag], bool):
            p.add(f"{ptr}/{flag}", f"{flag} must be a boolean")


def _image(p: Problems, block: dict, ptr: str) -> None:
    if "image_url" not in block and "slack_file" not in block:
        p.add(ptr, "image needs image_url or slack_file")
    p.string(block, "image_url", ptr, "image_url")
    p.string(block, "alt_text", ptr, "image_alt_text", required=True)
    p.text(block, "title", ptr, "image_title", plain=True)


def _rich_text(p: Problems, block: dict, ptr: str) -> None:
    # Rich text is what Slack's own clients send back; only its outer shape is checked.
    if not isinstance(block.get("elements"), list):
        p.add(f"{ptr}/elements", "rich_text needs an elements array")


def _markdown(p: Problems, block: dict, ptr: str) -> None:
    p.string(block, "text", ptr, "markdown_text", required=True)


def _divider(p: Problems, block: dict, ptr: str) -> None:
    """A divider has nothing but its type and block_id."""


_CHECKS: dict[str, Callable[[Problems, dict, str], None]] = {
    "section": _section,
    "divider": _divider,
    "header": _header,
    "context": _context,
    "actions": _actions,
    "input": _input,
    "image": _image,
    "rich_text": _rich_text,
    "markdown": _markdown,
}
