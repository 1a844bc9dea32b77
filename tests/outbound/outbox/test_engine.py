"""The outbox engine on its own, over report_posts rows and a one-message kind: completion only
under the claim that holds the row, the one retry policy, history read only when the outcome is
unknown (and a 429 while reading keeps the row unknown), the "too late" rule, and workspaces
served through the pool. Runs on SQLite, and on PostgreSQL with TEST_DATABASE_URL."""

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.domain.outbox import LEASE, RETRY_FIRST, retry_delay
from bot.outbound import SendFailed, Sent
from bot.outbound.outbox import MetadataKey, Outcome, PassClock, SingleMessage, claims, rows, run_outbox
from bot.outbound.outbox.tables import REPORT_POSTS
from bot.outbound.passes import TickContext
from bot.outbound.workspaces import WorkspacePool
from models.reports import ReportPost
from tests.outbound.outbox.helpers import add_report_post

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)
KEY = MetadataKey("goalbot_test", "row")
NO_ANSWER = SendFailed("no answer (TimeoutError)", retryable=True, retries=1)
ANSWERED_503 = SendFailed("gave up after 4 tries", retryable=True, retries=4)
RATE_LIMITED = SendFailed("gave up after 4 tries", retryable=True, retries=4)


class FakeSlack:
    """A Sender stand-in: keeps what was posted per channel, and fails calls as told. `lost`:
    the next post reaches Slack, but its answer never comes (a timeout)."""

    def __init__(self) -> None:
        self.messages: dict[str, list[dict[str, Any]]] = {}
        self.calls: list[str] = []
        self.failures: dict[str, list[SendFailed]] = {}
        self.lost = False

    def fail(self, method: str, *failures: SendFailed) -> None:
        self.failures.setdefault(method, []).extend(failures)

    def post(self, team_id: str, **message: Any) -> Sent:
        answer = self.call(team_id, "chat_postMessage", **message)
        return Sent(channel=answer["channel"], ts=answer["ts"], retries=0)

    def call(self, team_id: str, method: str, **arguments: Any) -> dict[str, Any]:
        self.calls.append(method)
        if self.failures.get(method):
            raise self.failures[method].pop(0)
        channel = arguments.get("channel", "")
        if method == "chat_postMessage":
            ts = f"{len(self.calls)}.000100"
            self.messages.setdefault(channel, []).insert(0, {"ts": ts, "metadata": arguments.get("metadata")})
            if self.lost:
                self.lost = False
                raise NO_ANSWER
            return {"channel": channel, "ts": ts}
        if method == "conversations_history":
            return {"messages": list(self.messages.get(channel, []))}
        raise AssertionError(f"unexpected call {method}")

    def posts(self, channel: str = "C1") -> int:
        return len(self.messages.get(channel, []))


class LeavesOut(WorkspacePool):
    """A workspace pool that serves every workspace but `skipped` (another process has it)."""

    def __init__(self, skipped: str) -> None:
        super().__init__(2)
        self.skipped = skipped

    def take_many(self, team_ids, most: int) -> list[str]:
        return super().take_many([team for team in team_ids if team != self.skipped], most)


KINDS = {"reminder": SingleMessage[Any](KEY, lambda post: post.channel_id, lambda job: {"text": "Hello"})}


def add_post(sessions, *, team_id="T1", useful_until: datetime | None = None, period="2027-03") -> int:
    return add_report_post(sessions, team_id=team_id, period=period, due_at=NOW, useful_until=useful_until)


def row(sessions, post_id: int) -> ReportPost:
    with sessions() as session:
        return session.scalars(select(ReportPost).where(ReportPost.id == post_id)).one()


@pytest.fixture
def slack() -> FakeSlack:
    return FakeSlack()


@pytest.fixture
def ctx(sessions, slack) -> TickContext:
    return TickContext(sessions=sessions, sender=slack, default_tz=ZoneInfo("UTC"), worker="clock-a")  # type: ignore[arg-type]


def run(ctx: TickContext, now: datetime):
    return run_outbox(ctx, REPORT_POSTS, KINDS, PassClock(now))


def claim(sessions, worker: str, now: datetime) -> list[rows.Claimed]:
    return claims.claim_batch(
        sessions, REPORT_POSTS, team_id="T1", worker=worker, now=now, limit=10, default_tz="UTC"
    ).claimed


def test_a_sender_whose_claim_was_taken_over_records_nothing_and_the_new_holder_does(sessions):
    post_id = add_post(sessions)
    [first] = claim(sessions, "clock-a", NOW)
    assert claim(sessions, "clock-b", NOW + LEASE - timedelta(seconds=1)) == []  # the lease holds
    assert rows.record_progress(sessions, first.claim, message_ts="1.1", parts_sent=1)

    later = NOW + LEASE + timedelta(seconds=1)
    [second] = claim(sessions, "clock-b", later)
    assert (second.claim.unknown_since, second.claim.message_ts) == (NOW, "1.1")

    # Slower than its lease, the first sender comes back: every write of its claim is ignored.
    assert not rows.record_progress(sessions, first.claim, parts_sent=3)
    assert not rows.mark_sent(sessions, first.claim, channel="C1", ts="9.9", now=later)
    assert not rows.mark_failed(sessions, first.claim, error="invalid_blocks")
    rows.mark_retry(sessions, first.claim, now=later, error="HTTP 503", unknown=False)
    stale = row(sessions, post_id)
    assert (stale.state, stale.parts_sent, stale.message_ts, stale.claimed_by) == (
        "sending",
        1,
        "1.1",
        "clock-b",
    )

    assert rows.mark_sent(sessions, second.claim, channel="C1", ts="1.1", now=later)
    rows.mark_retry(sessions, first.claim, now=later, error="HTTP 503", unknown=False)  # still nothing
    done = row(sessions, post_id)
    assert (done.state, done.message_ts, done.claimed_by, done.outcome_unknown_since) == (
        "sent",
        "1.1",
        "clock-b",
        None,
    )


def test_a_retry_waits_the_one_policy_and_only_an_unknown_outcome_is_kept(sessions):
    post_id = add_post(sessions)
    [first] = claim(sessions, "clock-a", NOW)
    not_before = rows.mark_retry(sessions, first.claim, now=NOW, error="HTTP 503", unknown=False)
    assert not_before == NOW + RETRY_FIRST == row(sessions, post_id).not_before
    assert row(sessions, post_id).outcome_unknown_since is None

    [second] = claim(sessions, "clock-a", not_before)
    assert second.claim.attempts == 2 and not second.claim.unknown
    again = rows.mark_retry(sessions, second.claim, now=not_before, error="no answer", unknown=True)
    assert again == not_before + retry_delay(2) == not_before + 2 * RETRY_FIRST
    assert row(sessions, post_id).outcome_unknown_since == not_before  # the try that may have posted

    [third] = claim(sessions, "clock-a", again)
    rows.mark_retry(sessions, third.claim, now=again, error="ratelimited reading history", unknown=True)
    assert row(sessions, post_id).outcome_unknown_since == not_before  # still from the first unknown try


def test_a_post_slack_answered_with_an_error_is_posted_again_without_reading_history(ctx, slack, sessions):
    post_id = add_post(sessions)
    slack.fail("chat_postMessage", ANSWERED_503)

    assert run(ctx, NOW)[Outcome.RETRIED] == 1
    assert run(ctx, row(sessions, post_id).not_before)[Outcome.SENT] == 1

    assert slack.posts() == 1 and "conversations_history" not in slack.calls
    assert row(sessions, post_id).message_ts == slack.messages["C1"][0]["ts"]


def test_a_post_that_got_no_answer_is_found_in_history_and_not_posted_twice(ctx, slack, sessions):
    post_id = add_post(sessions)
    slack.lost = True  # Slack takes the post; its answer never comes

    assert run(ctx, NOW)[Outcome.RETRIED] == 1
    waiting = row(sessions, post_id)
    assert waiting.outcome_unknown_since == waiting.claimed_at  # from the try that may have posted
    assert run(ctx, waiting.not_before)[Outcome.SENT] == 1

    assert slack.posts() == 1 and slack.calls.count("conversations_history") == 1
    assert slack.messages["C1"][0]["metadata"] == KEY.of(post_id)
    done = row(sessions, post_id)
    assert (done.state, done.message_ts, done.outcome_unknown_since) == (
        "sent",
        slack.messages["C1"][0]["ts"],
        None,
    )


def test_a_429_while_reading_history_puts_the_row_back_still_unknown(ctx, slack, sessions):
    post_id = add_post(sessions)
    slack.fail("chat_postMessage", NO_ANSWER)  # no answer, and in fact nothing posted
    run(ctx, NOW)
    lost_try = row(sessions, post_id).claimed_at
    slack.fail("conversations_history", RATE_LIMITED)

    assert run(ctx, row(sessions, post_id).not_before)[Outcome.RETRIED] == 1
    waiting = row(sessions, post_id)
    assert (waiting.state, waiting.outcome_unknown_since, slack.posts()) == ("pending", lost_try, 0)

    assert run(ctx, waiting.not_before)[Outcome.SENT] == 1  # read once more, nothing there: posted
    assert slack.posts() == 1 and slack.calls.count("conversations_history") == 2


def test_after_a_failed_read_the_workspaces_other_unknown_rows_wait_without_reading(ctx, slack, sessions):
    first, second = add_post(sessions, period="2027-W01"), add_post(sessions, period="2027-W02")
    slack.fail("chat_postMessage", NO_ANSWER, NO_ANSWER)
    run(ctx, NOW)
    slack.fail("conversations_history", RATE_LIMITED)

    later = max(row(sessions, first).not_before, row(sessions, second).not_before)
    outcomes = run_outbox(ctx, REPORT_POSTS, KINDS, PassClock(later), senders=1)  # one at a time

    assert outcomes[Outcome.RETRIED] == 2 and slack.calls.count("conversations_history") == 1
    assert all(row(sessions, r).outcome_unknown_since is not None for r in (first, second))
    assert slack.posts() == 0


def test_too_late_is_skipped_and_history_is_read_only_when_an_earlier_try_may_have_posted(
    ctx, slack, sessions
):
    known = add_post(sessions, useful_until=NOW + timedelta(minutes=1))
    slack.fail("chat_postMessage", ANSWERED_503)
    run(ctx, NOW)
    assert run(ctx, NOW + timedelta(minutes=1))[Outcome.SKIPPED] == 1
    assert "conversations_history" not in slack.calls and row(sessions, known).state == "skipped"

    unknown = add_post(sessions, team_id="T2", useful_until=NOW + timedelta(minutes=1))
    slack.lost = True
    run(ctx, NOW)
    assert run(ctx, NOW + timedelta(minutes=1))[Outcome.SENT] == 1  # late, but it was out: recorded
    assert slack.calls.count("conversations_history") == 1 and slack.posts() == 1
    assert row(sessions, unknown).state == "sent"


def test_each_workspace_is_served_through_the_pool_and_one_left_out_stays_for_its_process(
    ctx, slack, sessions
):
    ours, theirs = add_post(sessions, team_id="T1"), add_post(sessions, team_id="T2")
    assert rows.due_teams(sessions, REPORT_POSTS, NOW) == ["T1", "T2"]

    outcomes = run_outbox(
        TickContext(
            sessions=sessions, sender=ctx.sender, default_tz=ctx.default_tz, worker="a", pool=LeavesOut("T2")
        ),  # type: ignore[arg-type]
        REPORT_POSTS,
        KINDS,
        PassClock(NOW),
    )

    assert outcomes[Outcome.SENT] == 1
    assert (row(sessions, ours).state, row(sessions, theirs).state) == ("sent", "pending")


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_processes_sending_at_once_post_every_row_exactly_once(sessions, slack):
    posts = [add_post(sessions, team_id=f"T{n % 3}", period=f"2027-W{n:02d}") for n in range(60)]
    contexts = [
        TickContext(
            sessions=sessions, sender=slack, default_tz=ZoneInfo("UTC"), worker=name, pool=WorkspacePool(4)
        )  # type: ignore[arg-type]
        for name in ("clock-a", "clock-b")
    ]
    with ThreadPoolExecutor(max_workers=2) as both:
        done = list(both.map(lambda ctx: run_outbox(ctx, REPORT_POSTS, KINDS, PassClock(NOW)), contexts))

    assert sum(outcomes[Outcome.SENT] for outcomes in done) == 60
    sent = Counter(message["metadata"]["event_payload"]["row"] for message in slack.messages["C1"])
    assert sent == Counter(posts)  # each row once, none twice
