from datetime import UTC, datetime


def utc_now() -> datetime:
    """The only place that reads the wall clock; everything else is handed `now`."""
    return datetime.now(UTC)
