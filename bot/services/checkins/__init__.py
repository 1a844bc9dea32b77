"""Check-in use cases over the database; one transaction each, read models out, never Slack text.

- `schedules`: set (create/replace), show, turn off a channel's check-in.
- `members`: who is asked (channel members and their zones, synced from what the handler read).
- `time_off`: away/back, workspace holidays.
- `planning`: the tick's first half, `plan_deliveries` (due prompts and reminders into the outbox).
- `claims`: the tick's second half for the sender, `claim_deliveries`, `mark_sent|retry|failed`.
- `answers`: `record_answer` (named or anonymous; form, DM reply, confidence button).
- `status`, `home`: `/checkin status` and the App Home's check-in part.
Refusals are in `refusals`, read models in `views`.
"""
