"""Nothing reads the wall clock for logic but bot/clock.py::utc_now: a test must pass at 03:00 on a
Sunday as at noon on a Tuesday (README "CI" runs the time-sensitive tests at a night-time faketime).
The few reads left are listed here with the reason they must be the real clock."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCANNED = ("bot", "handlers", "models", "tests")
WALL_CLOCK = re.compile(r"\b(?:datetime\.(?:now|today|utcnow)|date\.today|time\.time(?:_ns)?)\(")

ALLOWED = {
    "bot/clock.py": "utc_now, the one reader",
    # Bolt checks X-Slack-Request-Timestamp against the wall clock, so a signature must use it too.
    "bot/slack/standin/requests/signing.py": "request signatures",
    "tests/standin/test_slack_requests.py": "request signatures",
    "tests/e2e/test_http_contract.py": "a stale request signature",
    # Opaque ids that Slack happens to build from its clock; nothing compares them with `now`.
    "bot/slack/standin/views.py": "trigger ids and view hashes",
    "bot/slack/standin/requests/payloads.py": "action_ts",
}


def _reads() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for top in SCANNED:
        for path in sorted((REPO / top).rglob("*.py")):
            name = path.relative_to(REPO).as_posix()
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if WALL_CLOCK.search(line) and name != "tests/platform/test_wall_clock.py":
                    found.setdefault(name, []).append(f"{number}: {line.strip()}")
    return found


def test_only_the_allowed_modules_read_the_wall_clock():
    unexpected = {name: lines for name, lines in _reads().items() if name not in ALLOWED}
    assert unexpected == {}, "pass `now` in (or use the test's `clock` fixture) instead of reading the clock"


def test_the_guard_sees_a_read():
    assert WALL_CLOCK.search("at = datetime.now(UTC)") and WALL_CLOCK.search("date.today()")
    assert WALL_CLOCK.search("stamp = int(time.time())") and not WALL_CLOCK.search("time.monotonic()")
    assert set(ALLOWED) <= set(_reads()), "an allowed module no longer reads the clock: drop it from ALLOWED"
