"""Pure Block Kit builders (slack_sdk.models) and readers of submitted forms; no I/O anywhere here."""
