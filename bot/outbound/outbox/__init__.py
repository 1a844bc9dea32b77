"""The one outbox engine (see engine.py): kinds.py is what it runs (a kind of message, a job),
rows.py claims and records, reconcile.py recognises our messages in Slack, tables.py describes the
three outbox tables; the policy (states, lease, retry, too late) is bot/domain/outbox.py."""

from bot.outbound.outbox.engine import Outcome, run_outbox
from bot.outbound.outbox.kinds import Job, MessageKind, NothingToSend, PassClock, SingleMessage
from bot.outbound.outbox.reconcile import MetadataKey, Posted

__all__ = [
    "Job",
    "MessageKind",
    "MetadataKey",
    "NothingToSend",
    "Outcome",
    "PassClock",
    "Posted",
    "SingleMessage",
    "run_outbox",
]
