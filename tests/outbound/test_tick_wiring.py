"""What `goalbot tick` and the clock run with: a pool that holds each workspace's lease, wired to
the sender's gate, at SEND_RATE_PER_WORKSPACE."""

from datetime import UTC, datetime

from bot.entrypoints.tick import build_sender, tick_context
from bot.outbound.leases import Leases
from bot.settings import load_settings

AT = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)


def test_the_tick_serves_workspaces_under_their_lease_and_shares_its_429s(sessions, monkeypatch):
    monkeypatch.setenv("SEND_RATE_PER_WORKSPACE", "5")
    settings = load_settings(slack_bot_token="xoxb-test")
    ctx = tick_context(settings, sessions, build_sender(settings), clock=lambda: AT)
    other_process = Leases(sessions, holder="another-host:1", clock=lambda: AT)
    seen = {}

    def work(team: str) -> str:
        seen["other process may take it"] = other_process.acquire(team) is not None
        ctx.sender.gate.pause(team, 12)  # as a 429 with Retry-After: 12 would
        seen["paused until"] = other_process.pacing_of(team).paused_until
        return "served"

    assert ctx.pool.serve(["T1"], work) == {"T1": "served"}
    assert seen["other process may take it"] is False
    assert seen["paused until"] == datetime(2027, 3, 1, 8, 0, 12, tzinfo=UTC)
    assert ctx.sender.gate.rate == 5.0
    assert other_process.acquire("T1") is not None  # let go once the work was done
