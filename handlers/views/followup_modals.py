"""The small forms behind **Resolved** (a resolution note) and **Not ours** (the reason)."""

from slack_sdk.models.views import View

from bot.services.followups.actions import MAX_NOTE
from bot.services.followups.read_models import FollowupView
from handlers.ids import BlockId, CallbackId
from handlers.metadata import FollowupModalMeta
from handlers.views.blocks import section
from handlers.views.followup_post import followup_ref, quoted
from handlers.views.inputs import input_block, text_input

RESOLUTION_LABEL = "Resolution note"
REASON_LABEL = "Why it is not ours"


def build_resolve_modal(followup: FollowupView, meta: FollowupModalMeta) -> View:
    return _modal(
        followup,
        meta,
        CallbackId.FOLLOWUP_RESOLVE_MODAL,
        title="Resolve follow-up",
        submit="Resolve",
        label=RESOLUTION_LABEL,
        placeholder="Called the customer, refunded the order",
    )


def build_not_ours_modal(followup: FollowupView, meta: FollowupModalMeta) -> View:
    return _modal(
        followup,
        meta,
        CallbackId.FOLLOWUP_NOT_OURS_MODAL,
        title="Not ours",
        submit="Close it",
        label=REASON_LABEL,
        placeholder="Billing handles refunds; passed to them",
    )


def _modal(followup, meta, callback_id, *, title, submit, label, placeholder) -> View:
    return View(
        type="modal",
        callback_id=str(callback_id),
        title=title,
        submit=submit,
        close="Cancel",
        private_metadata=meta.dump(),
        blocks=[
            section(f"*Customer follow-up {followup_ref(followup)}*\n{quoted(followup)}"),
            input_block(BlockId.FOLLOWUP_NOTE, label, text_input(MAX_NOTE, placeholder, multiline=True)),
        ],
    )
