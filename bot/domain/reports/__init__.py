"""Pure rules for reports: when reminders and digests are due, what a digest says, CSV rows.

Modules, one idea each (no framework, no clock; `now` is an aware datetime passed in):
- working_days: Mon–Fri minus workspace holidays; first/last working day, mid-month.
- local_time:   a local wall time on a date in an IANA zone -> the UTC instant (DST on purpose).
- moments:      a keyed, timed thing to send, and exactly-once windowing over (since, now].
- reminders:    the monthly main-goal reminders (month_start, mid_month, month_end, pick_one).
- periods:      weeks and months as `Period`s (2027-W03, 2027-03), previous, the last N.
- digest_schedule: when the weekly and monthly digests are due.
- targets:      this month's target for an objective (break-down or linear pace).
- digest_inputs / digest: aggregates in, a pure `Digest` value out.
- quotes, themes, participation, cuts: the digest's parts.
- series:       the data behind the progress chart (rendered by handlers/views/charts.py).
- export:       CSV files for goals, measurements, answers, follow-ups.
"""
