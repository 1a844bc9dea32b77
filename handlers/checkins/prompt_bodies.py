"""A prompt's (or reminder's) text and blocks, built once per distinct content within a pass.

The prompts of one schedule in one pass differ only in the delivery id their buttons carry (and,
for people in other zones, the times shown): the slack_sdk builder (checkin_prompt.prompt_blocks)
runs once per PromptContent, its blocks are serialised once, and each delivery's id is filled in
(views/block_template.py). Building and serialising every prompt afresh was about a quarter of a
fan-out's sending CPU (issue 12's benchmarks/fanout_workspaces)."""

from functools import lru_cache
from typing import Any

from bot.domain.checkins.localtime import zone
from bot.services.checkins.read_models import DeliveryToSend
from handlers.views.block_template import PLACEHOLDER, BlockTemplate
from handlers.views.checkin_prompt import PromptContent, prompt_blocks, prompt_text

# Distinct contents kept per pass: a schedule's prompts per zone, for the workspaces served at once.
TEMPLATES = 256


class PromptBodies:
    """One pass's prompt bodies; its sending threads share it (lru_cache is thread-safe: two
    threads may build the same template at once, and either one serves)."""

    def __init__(self, size: int = TEMPLATES) -> None:
        self._template = lru_cache(maxsize=size)(_template)

    def body(self, delivery: DeliveryToSend) -> dict[str, Any]:
        content = PromptContent.of(delivery, tz=zone(delivery.tz))
        return {
            "text": prompt_text(delivery),
            "blocks": self._template(content).fill(str(delivery.id)),
            "unfurl_links": False,
        }


def prompt_body(delivery: DeliveryToSend) -> dict[str, Any]:
    """One prompt's body, with no templates shared: what a pass's PromptBodies gives for it."""
    return PromptBodies(size=1).body(delivery)


def _template(content: PromptContent) -> BlockTemplate:
    return BlockTemplate(prompt_blocks(content, PLACEHOLDER))
