"""Slack's Block Kit limits that our builders must stay inside (https://docs.slack.dev/reference/block-kit)."""

from handlers.views.format import truncate

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
SECTION_TEXT = 3000
SECTION_FIELD = 2000
CONTEXT_TEXT = 3000
HEADER_TEXT = 150
BUTTON_TEXT = 75
OPTION_TEXT = 75
SELECT_OPTIONS = 100
MODAL_TITLE = 24
INPUT_LABEL = 2000
INPUT_HINT = 2000
PLACEHOLDER = 150
# What a view_submission's `errors` message can hold before Slack cuts or rejects it.
ERROR_TEXT = 150
CONFIRM_TITLE = 100
CONFIRM_TEXT = 300
# A message's top-level `text` (the notification and fallback); Slack refuses longer with msg_too_long.
MESSAGE_TEXT = 40000


def fit_text(text: str, limit: int) -> str:
    """At most `limit` characters; when cut, the end says how much was left out, never silently."""
    if len(text) <= limit:
        return text
    # The note's length depends on the count it reports; the count can only shrink by fitting it.
    note = _cut_note(len(text))
    kept = truncate(text, max(limit - len(note), 0))
    return kept + _cut_note(len(text) - len(kept) + 1) if kept else truncate(text, limit)


def _cut_note(missing: int) -> str:
    return f" ({missing:,} more characters not shown)"
