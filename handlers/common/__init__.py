"""What the feature packages' listeners share, so no feature imports another: answering the
person (replies.py), a modal's inline errors (modals.py), one `/goals` invocation (request.py)
and the table of its subcommands that features fill (subcommands.py), changing a channel's
settings (settings_change.py), and setting the month's main goal from a button (focus.py)."""
