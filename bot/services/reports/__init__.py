"""Reports services: channel settings, planning reminders and digests into the outbox, claiming
outbox rows, what each post says (reminder contents, digest inputs by SQL aggregates), customer
follow-ups and export."""
