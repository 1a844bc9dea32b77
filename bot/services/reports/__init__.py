"""Reports services: channel settings, planning reminders and digests into the outbox, claiming
outbox rows, and what each post says (reminder contents, digest inputs by SQL aggregates)."""
