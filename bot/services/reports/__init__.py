"""Reports: monthly reminders, digests, customer follow-ups and export, on top of bot.domain.reports."""
