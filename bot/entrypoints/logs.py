"""Logging for every verb: LOG_LEVEL, and Slack payloads kept out of the log at any level.

At DEBUG, Bolt and slack_sdk log whole request and response bodies: a check-in answer next to the
user id of the person who typed it, which would undo anonymity for anyone who reads the log. Their
records are cut where the payload starts, before any handler sees them (a record factory, not a
handler filter, so a host's own handlers, or a test's, get the cut record too). What is left says
what happened: the method called, the status answered.
"""

import logging
import re
from collections.abc import Callable

# The loggers that echo payloads: Bolt's own, the one goalbot hands Bolt as its framework logger
# (bot/entrypoints/app.py: "Responding with status: 200 body: …"), and the Web API client's.
PAYLOAD_LOGGERS = ("slack_bolt", "slack_sdk", "bot.entrypoints.app")
WITHHELD = "[payload withheld]"
# Where a payload starts in their messages: a dict or list, or a named body, params or headers.
_PAYLOAD_START = re.compile(r"[{\[]|\bbody\b|\w*params\b|\bheaders\b|\bpayload\b", re.IGNORECASE)


def withhold_payload(message: str) -> str:
    found = _PAYLOAD_START.search(message)
    return message if found is None else f"{message[: found.start()].rstrip(' ,:(-')} {WITHHELD}"


def withhold_slack_payloads() -> None:
    """Install the record factory once per process (later calls keep the first)."""
    current = logging.getLogRecordFactory()
    if getattr(current, "withholds_payloads", False):
        return
    logging.setLogRecordFactory(_withholding(current))


def _withholding(make: Callable[..., logging.LogRecord]) -> Callable[..., logging.LogRecord]:
    def factory(*args, **kwargs) -> logging.LogRecord:
        record = make(*args, **kwargs)
        if record.name.startswith(PAYLOAD_LOGGERS):
            record.msg, record.args = withhold_payload(record.getMessage()), None
        return record

    factory.withholds_payloads = True  # type: ignore[attr-defined]
    return factory


def configure_logging(level: str = "INFO") -> None:
    """Timestamped lines on stderr at `level` (LOG_LEVEL), unless something (a test, a host) set
    logging up already; the root logger takes the level either way."""
    withhold_slack_payloads()
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger().setLevel(level)
    # Alembic narrates every connection at INFO; startup problems are reported in one line instead.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, logging.getLevelName(level)))
