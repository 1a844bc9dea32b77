"""The reports pass through a simulated quarter: reminders once each at the channel's local time,
skipping holidays; digests weekly and monthly, never doubled, late but once after downtime."""

from collections import Counter
from datetime import UTC, date, datetime, time, timedelta

from handlers.reports.tick_pass import reports_tick_pass
from tests.handlers.reports.quarter import berlin, posts, set_up_quarter, tick_context, ticks

QUARTER_START = datetime(2026, 12, 31, 0, 0, tzinfo=UTC)
QUARTER_END = datetime(2027, 4, 1, 0, 0, tzinfo=UTC)
PNG = b"\x89PNG\r\n\x1a\n"


def run_quarter(sessions, slack_api, every=timedelta(minutes=30)):
    set_up_quarter(sessions, slack_api)
    ctx = tick_context(sessions, slack_api)
    for now in ticks(QUARTER_START, QUARTER_END, every):
        reports_tick_pass(ctx, now)
    return ctx


def around_local_morning(start: datetime, end: datetime):
    """Every half hour from 06:00 to 12:00 UTC, which holds 09:30 Berlin in winter and summer time,
    and every 6 hours besides: a reminder sent early or late is still seen, at a third of the ticks
    of every half hour all quarter."""
    for now in ticks(start, end, timedelta(hours=1) / 2):
        if time(6) <= now.time() <= time(12) or (now.hour % 6 == 0 and now.minute == 0):
            yield now


def test_each_reminder_goes_out_once_at_the_channels_local_time_skipping_holidays(sessions, slack_api):
    set_up_quarter(sessions, slack_api)
    ctx = tick_context(sessions, slack_api)
    for now in around_local_morning(QUARTER_START, QUARTER_END):
        reports_tick_pass(ctx, now)
    quarter = ("2027-01", "2027-02", "2027-03")
    reminders = [p for p in posts(sessions) if not p.kind.endswith("digest") and p.period in quarter]
    sent = {(p.kind, p.period): p for p in reminders}
    assert Counter(p.kind for p in reminders) == {"month_start": 3, "mid_month": 3, "month_end": 3}
    assert all(p.state == "sent" for p in reminders)
    expected = {
        ("month_start", "2027-01"): date(2027, 1, 4),  # the 1st is a holiday, then a weekend
        ("month_start", "2027-02"): date(2027, 2, 1),
        ("month_start", "2027-03"): date(2027, 3, 1),
        ("mid_month", "2027-01"): date(2027, 1, 15),
        ("mid_month", "2027-02"): date(2027, 2, 16),  # the 15th is a holiday
        ("mid_month", "2027-03"): date(2027, 3, 15),
        ("month_end", "2027-01"): date(2027, 1, 29),  # the 31st is a Sunday
        ("month_end", "2027-02"): date(2027, 2, 26),
        ("month_end", "2027-03"): date(2027, 3, 31),
    }
    for key, day in expected.items():
        assert sent[key].due_at == berlin(day), key
        # Ticks every half hour then: posted by the first tick at or after 09:30 Berlin, not before.
        assert berlin(day) <= sent[key].sent_at < berlin(day) + timedelta(minutes=30), key
    ids = Counter(
        c.body["metadata"]["event_payload"]["post_id"]
        for c in slack_api.calls("chat.postMessage")
        if c.body.get("metadata")
    )
    assert all(ids[p.id] == 1 for p in reminders)
    assert not slack_api.rejections()


def test_the_month_end_post_offers_next_months_main_goal(sessions, slack_api):
    run_quarter(sessions, slack_api, every=timedelta(hours=6))
    month_end = [c for c in slack_api.calls("chat.postMessage") if "is ending" in c.body.get("text", "")]
    assert len(month_end) == 3
    buttons = [b["accessory"] for b in month_end[0].body["blocks"] if b.get("accessory")]
    assert buttons and buttons[0]["value"].endswith(":2027-02")
    assert "February" in buttons[0]["text"]["text"]


def test_digests_go_out_weekly_and_monthly_with_thread_and_chart(sessions, slack_api):
    run_quarter(sessions, slack_api, every=timedelta(hours=6))  # a digest is due once a week at most
    found = [p for p in posts(sessions) if p.kind.endswith("digest")]
    # The first tick looks back five weeks: what fell due before it is recorded as skipped.
    assert all(p.due_at < QUARTER_START for p in found if p.state == "skipped")
    digests = [p for p in found if p.due_at > QUARTER_START]
    monthly = sorted(p.period for p in digests if p.kind == "monthly_digest")
    weekly = [p for p in digests if p.kind == "weekly_digest"]
    assert monthly == ["2026-12", "2027-01", "2027-02"]
    assert len(weekly) == 13 and len({p.period for p in weekly}) == 13
    assert all(p.state == "sent" and p.thread_ts == p.message_ts for p in digests)
    uploads = slack_api.uploads()
    assert len(uploads) == len([p for p in found if p.state == "sent"])
    assert all(u.data and u.data.startswith(PNG) and u.thread_ts for u in uploads)
    parents = {p.message_ts for p in found if p.state == "sent"}
    assert {u.thread_ts for u in uploads} == parents
    replies = [c for c in slack_api.calls("chat.postMessage") if c.body.get("thread_ts") in parents]
    assert len(replies) >= 2 * len(digests)
    assert not slack_api.rejections()


def test_repeated_ticks_do_not_double_and_downtime_sends_late_but_once(sessions, slack_api):
    set_up_quarter(sessions, slack_api)
    ctx = tick_context(sessions, slack_api)
    reports_tick_pass(ctx, datetime(2027, 2, 25, 12, 0, tzinfo=UTC))
    # Down from the 25th of February until Wednesday 3 March, then the same tick three times.
    late = datetime(2027, 3, 3, 10, 0, tzinfo=UTC)
    for _ in range(3):
        reports_tick_pass(ctx, late)
    by_key = Counter((p.kind, p.period) for p in posts(sessions))
    assert all(count == 1 for count in by_key.values())
    state = {(p.kind, p.period): p.state for p in posts(sessions)}
    assert state[("monthly_digest", "2027-02")] == "sent"  # late, but once
    assert state[("month_start", "2027-03")] == "sent"  # still useful before mid-month
    assert state[("month_end", "2027-02")] == "skipped"  # March's reminder took over
    parents = [c for c in slack_api.calls("chat.postMessage") if "Progress digest" in c.body.get("text", "")]
    assert len([c for c in parents if "February 2027" in c.body["text"]]) == 1


def test_the_month_end_post_says_when_next_month_already_has_its_main_goal(sessions, slack_api):
    run_quarter(sessions, slack_api, every=timedelta(hours=6))  # main goals set for Jan, Feb, Mar only
    month_end = [c for c in slack_api.calls("chat.postMessage") if "is ending" in c.body.get("text", "")]
    words = [" ".join(str(b.get("text", {}).get("text", "")) for b in c.body["blocks"]) for c in month_end]

    assert "*February 2027*'s main goal is already" in words[0] and "Time to pick" not in words[0]
    assert "Time to pick *April 2027*'s main goal" in words[2]
