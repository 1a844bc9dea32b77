"""The last line of defence: whatever breaks, the person gets a clear ephemeral line, never a 500."""

import json
import logging

from slack_bolt import BoltResponse

logger = logging.getLogger(__name__)

SORRY = (
    "Something went wrong on my side and nothing was saved. "
    "Please try again; if it keeps happening, tell your goalbot admin."
)


def handle_unexpected(error: Exception, body: dict, response: BoltResponse | None, respond=None):
    logger.exception("listener failed: %s", error)
    acked = response is None
    clicked = isinstance(body, dict) and body.get("type") == "block_actions"
    if (acked or clicked) and respond is not None and _has_response_url(body):
        # A click's answer is empty whether or not it was acked, so the apology goes to the
        # response_url; so does any other failure after the ack.
        try:
            respond(text=SORRY, response_type="ephemeral", replace_original=False)
        except Exception as failure:
            logger.warning("could not tell the person about the failure: %s", failure)
    if acked:
        return None
    if isinstance(body, dict) and body.get("type") == "view_submission":
        block_id = _first_input_block(body)
        if block_id:
            payload = {"response_action": "errors", "errors": {block_id: SORRY[:150]}}
            return BoltResponse(
                status=200, body=json.dumps(payload), headers={"content-type": "application/json"}
            )
    if isinstance(body, dict) and body.get("command"):
        payload = {"response_type": "ephemeral", "text": SORRY}
        return BoltResponse(
            status=200, body=json.dumps(payload), headers={"content-type": "application/json"}
        )
    return BoltResponse(status=200, body="")


def _has_response_url(body) -> bool:
    if not isinstance(body, dict):
        return False
    return bool(body.get("response_url") or body.get("response_urls"))


def _first_input_block(body: dict) -> str | None:
    blocks = (body.get("view") or {}).get("blocks") or []
    for block in blocks:
        if isinstance(block, dict) and block.get("type") == "input" and block.get("block_id"):
            return block["block_id"]
    return None
