"""A workspace's rows are claimed a batch at a time until a claim comes back short: every row goes
out, with one sender or several."""

from collections import Counter

import pytest

from bot.outbound.outbox import Outcome, PassClock, engine, run_outbox
from bot.outbound.outbox.tables import REPORT_POSTS
from tests.outbound.outbox.test_engine import KINDS, NOW, add_post

pytest_plugins = ["tests.outbound.outbox.test_engine"]  # its fixtures: slack, ctx


@pytest.mark.parametrize("senders", [1, 4])
def test_a_workspace_with_more_rows_than_a_claim_takes_is_sent_in_full(
    ctx, slack, sessions, senders, monkeypatch
):
    monkeypatch.setattr(engine, "BATCH", 7)  # three claims of 7 and one of 4
    posts = [add_post(sessions, period=f"2027-W{n:02d}") for n in range(25)]

    outcomes = run_outbox(ctx, REPORT_POSTS, KINDS, PassClock(NOW), senders=senders)

    assert outcomes[Outcome.SENT] == 25
    sent = Counter(message["metadata"]["event_payload"]["row"] for message in slack.messages["C1"])
    assert sent == Counter(posts)
