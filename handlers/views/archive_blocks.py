"""Archiving and restoring a goal: the question asked first, and what was done."""

from slack_sdk.models.blocks import ActionsBlock, Block

from bot.services.archiving import Archived, ArchivePreview, Restored
from handlers.ids import ActionId, BlockId
from handlers.views.blocks import button, context, section
from handlers.views.format import Mrkdwn, escape, truncate
from handlers.views.goal_blocks import goal_name

# Enough refs to recognise the targets; the count says how many there are in all.
SHOWN_REFS = 12
DANGER = "danger"
KEPT = "its history is kept"


def build_archive_question(preview: ArchivePreview) -> list[Block]:
    """Asked before anything is archived, from the command and from the tree's button alike."""
    goal = preview.goal
    cancel = button("Cancel", ActionId.ARCHIVE_CANCEL, goal.id)
    if not preview.children:
        return [
            section(f"Archive {goal_name(goal)}? It leaves the goal list, Home and reminders; {KEPT}."),
            ActionsBlock(
                block_id=str(BlockId.ARCHIVE_ACTIONS),
                elements=[button("Archive", ActionId.ARCHIVE_CONFIRM, goal.id, style="danger"), cancel],
            ),
        ]
    count = preview.descendants
    noun = "target" if count == 1 else "targets"
    under = " and the targets under them" if count > len(preview.children) else ""
    return [
        section(
            f"Archive {goal_name(goal)}? {count} active {noun} are part of it "
            f"({_refs(preview.children)}{under}). Archive them too, or keep them as goals of their own?"
        ),
        ActionsBlock(
            block_id=str(BlockId.ARCHIVE_ACTIONS),
            elements=[
                button(f"Archive it and its {count} {noun}", ActionId.ARCHIVE_CONFIRM, goal.id, style=DANGER),
                button(f"Archive it, keep the {noun}", ActionId.ARCHIVE_KEEP_TARGETS, goal.id),
                cancel,
            ],
        ),
    ]


def archived_text(archived: Archived) -> Mrkdwn:
    goal = archived.goal
    text = f"Archived {goal.ref} {escape(truncate(goal.title, 200))}"
    if archived.archived:
        text += f" and its targets {_refs(archived.archived)}"
    text += "."
    if archived.detached:
        text += f" {_refs(archived.detached)} stay active as goals of their own."
    return Mrkdwn(text + f" `/goals restore {goal.ref}` brings it back.")


def build_archived(archived: Archived) -> list[Block]:
    return [section(f":file_cabinet: {escape(archived_text(archived))}")]


def restored_text(restored: Restored) -> Mrkdwn:
    goal = restored.goal
    text = f"Restored {goal.ref} {escape(truncate(goal.title, 200))}"
    text += f" and its targets {_refs(restored.restored)}." if restored.restored else "."
    if restored.left_parent:
        text += f" {restored.left_parent} is archived, so {goal.ref} is now a goal of its own."
    return Mrkdwn(text)


def build_restored(restored: Restored) -> list[Block]:
    return [
        section(f":leftwards_arrow_with_hook: {escape(restored_text(restored))}"),
        context(f"`/goals show {restored.goal.ref}` shows it in full."),
    ]


def _refs(refs: tuple[str, ...]) -> str:
    shown = ", ".join(refs[:SHOWN_REFS])
    return shown if len(refs) <= SHOWN_REFS else f"{shown} and {len(refs) - SHOWN_REFS} more"
