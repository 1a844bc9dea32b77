"""Everything goalbot sends on its own (prompts, reminders, digests) goes out through the Sender:
paced per workspace (across processes, through the workspace leases), pausing the whole workspace
on a 429, retrying 5xx and timeouts."""

from bot.outbound.gate import WorkspaceGate
from bot.outbound.sender import Sender, SendFailed, Sent
from bot.outbound.tokens import SingleToken, TokenPerWorkspace, TokenSource, single_token

__all__ = [
    "SendFailed",
    "Sender",
    "Sent",
    "SingleToken",
    "TokenPerWorkspace",
    "TokenSource",
    "WorkspaceGate",
    "single_token",
]
