"""Customer follow-ups."""
