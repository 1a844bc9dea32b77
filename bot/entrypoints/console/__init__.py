"""`goalbot console`: the real Bolt app driven from a terminal, with a loopback Slack in-process.

Typed slash commands, button presses and filled-in modals become the signed requests Slack would
send; what the bot sends back through the Web API is rendered as text.
"""

from bot.entrypoints.console.repl import run_console

__all__ = ["run_console"]
