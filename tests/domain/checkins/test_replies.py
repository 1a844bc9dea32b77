"""parse_reply: a DM reply's open text and its `O3 82` numbers."""

import pytest

from bot.domain.checkins.replies import Reply, parse_reply


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("Customers want faster refunds", Reply("Customers want faster refunds", {})),
        ("O3 82", Reply(None, {3: 82.0})),
        ("o3 82 and O7: 1,200 — queues are long", Reply("and — queues are long", {3: 82.0, 7: 1200.0})),
        ("#O12=85% then O12 86", Reply("then", {12: 86.0})),
        ("O3 is behind", Reply("O3 is behind", {})),
        ("3 82 people waited", Reply("3 82 people waited", {})),
        ("G3 82", Reply("G3 82", {})),
        ("line one\n\nO3 1.2k\nline two", Reply("line one\nline two", {3: 1200.0})),
        ("   ", Reply(None, {})),
    ],
)
def test_replies(message: str, expected: Reply) -> None:
    assert parse_reply(message) == expected
