"""Check-in use cases over the database; one transaction each, read models out, never Slack text.

- `schedules`: set (create/replace), show, turn off a channel's check-in.
- `members`: who is asked (channel members and their zones, synced from what the handler read).
- `time_off`: away/back, workspace holidays.
- `planning`: the tick's first half, `plan_deliveries` (due prompts and reminders into the outbox).
- `claim_contents`: what a claimed delivery needs to go out (the outbox engine, bot/outbound/outbox,
  claims and records it).
- `answers`: `record_answer` (named or anonymous; form, DM reply, confidence button).
- `status`, `home`: `/checkin status` and the App Home's check-in part.
Refusals are in `refusals`, read models in `views`.
"""
