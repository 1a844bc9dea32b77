"""Reports: the tick pass for reminders and digests, and the month-end button's listener."""
