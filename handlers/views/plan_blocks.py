"""The plan under a goal: each strategy with its tactics, and the buttons that move it forward."""

from collections.abc import Sequence
from datetime import date

from slack_sdk.models.blocks import Block

from bot.services.read_models import StrategySummary, TacticSummary
from handlers.ids import ActionId
from handlers.views.blocks import button, context, more_text, section
from handlers.views.format import escape, format_date, mention, truncate

# Open tactics come first, so the ones that still need a "Done" button are the ones shown.
TACTICS_PER_STRATEGY = 5


def strategy_groups(
    strategies: Sequence[StrategySummary], *, can_edit: bool, today: date
) -> list[list[Block]]:
    """One group of blocks per strategy, to be capped as a whole."""
    return [_strategy_blocks(strategy, can_edit=can_edit, today=today) for strategy in strategies]


def _strategy_blocks(strategy: StrategySummary, *, can_edit: bool, today: date) -> list[Block]:
    add = button("Add tactic", ActionId.ADD_TACTIC, strategy.id) if can_edit else None
    blocks: list[Block] = [
        section(f"*{strategy.ref} · {escape(truncate(strategy.title, 300))}*", accessory=add)
    ]
    tactics = sorted(strategy.tactics, key=lambda tactic: tactic.done)
    blocks += [tactic_section(tactic, today) for tactic in tactics[:TACTICS_PER_STRATEGY]]
    if not tactics:
        blocks.append(context("No tactics yet: what will someone do this week?"))
    elif len(tactics) > TACTICS_PER_STRATEGY:
        blocks.append(context(more_text(len(tactics) - TACTICS_PER_STRATEGY, "tactics")))
    return blocks


def tactic_section(tactic: TacticSummary, today: date) -> Block:
    title = f"{tactic.ref} · {escape(truncate(tactic.title, 300))}"
    if tactic.done:
        return section(f"✓ ~{title}~ · {mention(tactic.owner_id)}")
    late = " · :warning: overdue" if tactic.due_date < today else ""
    return section(
        f"{title} · {mention(tactic.owner_id)} · due {format_date(tactic.due_date)}{late}",
        accessory=button("Done", ActionId.TACTIC_DONE, tactic.id),
    )
