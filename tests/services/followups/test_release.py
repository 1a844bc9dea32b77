"""Anonymous follow-ups are held without a serial id and become follow-ups when their post may go
out, a day's all at once in order of their text, once however many ticks plan at the same time."""

from datetime import UTC, date, datetime
from threading import Barrier, Thread
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.services.followups.planning import plan_followup_messages
from models.answers import AnonymousFlag
from models.followups import FollowUp, FollowupMessage
from tests.services.factories import CHANNEL, TEAM
from tests.services.reports import seed

DAY = date(2027, 3, 1)
HELD = datetime(2027, 3, 2, 11, 59, tzinfo=UTC)  # the day is not over everywhere yet
RELEASED = datetime(2027, 3, 2, 12, tzinfo=UTC)
FLAGGED_IN_ORDER = ("Mrs Okafor wants her refund", "Mr Dube lost a parcel", "Ms Lund needs an invoice")


def _flag(sessions) -> None:
    schedule_id = seed.schedule(sessions, anonymous=True)
    with sessions.begin() as session:
        for text in FLAGGED_IN_ORDER:
            session.add(
                AnonymousFlag(
                    team_id=TEAM,
                    schedule_id=schedule_id,
                    channel_id=CHANNEL,
                    local_date=DAY,
                    description=text,
                )
            )


def _plan(sessions, now: datetime) -> None:
    plan_followup_messages(sessions, now=now, default_tz=ZoneInfo("UTC"))


def test_held_follow_ups_are_released_the_next_day_in_order_of_their_text(sessions):
    _flag(sessions)
    _plan(sessions, HELD)
    with sessions() as session:
        assert session.scalars(select(FollowUp)).all() == []
    _plan(sessions, RELEASED)
    with sessions() as session:
        released = session.scalars(select(FollowUp).order_by(FollowUp.id)).all()
        assert [f.description for f in released] == sorted(FLAGGED_IN_ORDER)
        assert all(f.author_id is None and f.created_at is None for f in released)
        assert session.scalars(select(AnonymousFlag)).all() == []
        assert len(session.scalars(select(FollowupMessage)).all()) == 3  # each post planned


def test_concurrent_ticks_release_each_held_follow_up_once(sessions):
    _flag(sessions)
    start, done = Barrier(3), []

    def plan() -> None:
        start.wait()
        _plan(sessions, RELEASED)
        done.append(True)  # a tick that raised would leave this short

    threads = [Thread(target=plan) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(done) == 3
    with sessions() as session:
        assert sorted(f.description for f in session.scalars(select(FollowUp))) == sorted(FLAGGED_IN_ORDER)
