"""Scheduled check-ins, as pure rules: time is passed in, nothing here reads a clock or Slack.

- `commands`: the `/checkin` grammar (`parse_checkin_command(text, today)`, `help_lines()`).
- `spec`: `ScheduleSpec` and its parts, defaults, `check_schedule`.
- `localtime`: `zone(name)`, `local_instant(day, time, tz)` (the DST rule lives here).
- `schedule_times`: a schedule's prompt instants in a span, the last/next one around an instant.
- `due`: `due_prompts(audiences, since, now) -> DueScan(due, skipped)`; `each_prompt(...)`, its
  lazy stream (one schedule, members read page by page), and `is_due(prompt, now)`.
- `periods`: `period_for`, `closes_at`, `is_late`.
- `quiet`, `reminders`: `due_reminders(spec, prompts, since, now) -> ReminderScan(due, dropped)`.
- `away`: `Member`, `is_off`, "2w" lengths.
- `weekdays`, `enums`: day lists and the stored vocabularies.
"""
