"""Slack's Block Kit limits that our builders must stay inside (https://docs.slack.dev/reference/block-kit)."""

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
