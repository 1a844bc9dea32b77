"""Report claims: one claim per row, and a sender whose claim ran out and was taken over records
nothing more (its digest parts, its outcome), so the row's progress is the new holder's alone."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.services.reports import claims
from models.reports import ReportPost

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def add_post(sessions) -> int:
    with sessions.begin() as session:
        post = ReportPost(
            team_id="T1",
            channel_id="C1",
            kind="weekly_digest",
            period="2027-W09",
            state="pending",
            due_at=NOW,
        )
        session.add(post)
        session.flush()
        return post.id


def row(sessions, post_id) -> ReportPost:
    with sessions() as session:
        return session.scalars(select(ReportPost).where(ReportPost.id == post_id)).one()


def test_a_claim_taken_over_after_the_lease_records_nothing_more(sessions):
    post_id = add_post(sessions)
    [first] = claims.claim_posts(sessions, worker="clock-a", now=NOW, limit=10)
    assert claims.claim_posts(sessions, worker="clock-b", now=NOW + timedelta(minutes=1), limit=10) == []
    assert claims.record_parent(sessions, first, ts="1.1")

    later = NOW + claims.LEASE + timedelta(seconds=1)
    [second] = claims.claim_posts(sessions, worker="clock-b", now=later, limit=10)
    assert second.needs_reconcile and second.message_ts == "1.1" and second.parts_sent == 0

    assert not claims.record_parts(sessions, first, parts_sent=3)
    claims.mark_sent(sessions, first, ts="1.1", thread_ts="1.1", now=later)
    assert (row(sessions, post_id).state, row(sessions, post_id).parts_sent) == ("sending", 0)

    assert claims.record_parts(sessions, second, parts_sent=2)
    claims.mark_sent(sessions, second, ts="1.1", thread_ts="1.1", now=later)
    done = row(sessions, post_id)
    assert (done.state, done.parts_sent, done.claimed_by) == ("sent", 2, "clock-b")


def test_a_retried_post_is_looked_for_before_it_is_posted_again(sessions):
    add_post(sessions)
    [first] = claims.claim_posts(sessions, worker="clock-a", now=NOW, limit=10)
    assert not first.needs_reconcile
    claims.mark_retry(sessions, first, not_before=NOW + timedelta(minutes=5), error="gave up after 4 tries")
    [again] = claims.claim_posts(sessions, worker="clock-a", now=NOW + timedelta(minutes=5), limit=10)
    assert again.needs_reconcile
