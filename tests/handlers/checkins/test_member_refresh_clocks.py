"""Many clocks run the hourly membership refresh at once: each stale audience and each stale
person is read from Slack once (counted at the stand-in), and a crashed clock's claim is taken
over once its lease has run out."""

import threading
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.services import jobs
from handlers.checkins.member_refresh import AUDIENCE, refresh_members
from models.people import Membership, Person
from tests.handlers.checkins.delivery_setup import add_channel, tick_context
from tests.services.checkins.helpers import MADE_AT, TEAM

LATER = MADE_AT + timedelta(days=2)  # every audience and person is a day old by then
PEOPLE = {"U0ANA", "U0BOB", "U0CAT", "U0GONE"}


@pytest.fixture
def two_channels(sessions, slack_api):
    """Bob is in both channels; Gone is asked nowhere now, but his person row is a day old."""
    add_channel(sessions, slack_api, "C0SHOP", {"U0ANA": "UTC", "U0BOB": "UTC"}, made_at=MADE_AT)
    add_channel(sessions, slack_api, "C0DESK", {"U0BOB": "UTC", "U0CAT": "UTC"}, made_at=MADE_AT)
    slack_api.add_user("U0GONE", team_id=TEAM, tz="Europe/Paris")
    with sessions.begin() as session:
        session.add(Person(team_id=TEAM, user_id="U0GONE", tz="UTC", refreshed_at=MADE_AT))
    slack_api.add_user("U0BOB", team_id=TEAM, tz="Europe/Berlin")  # moved; the event was missed


def reads(slack_api) -> tuple[Counter, Counter]:
    channels = Counter(call.body["channel"] for call in slack_api.calls("conversations.members"))
    people = Counter(call.body["user"] for call in slack_api.calls("users.info"))
    return channels, people


def zones(sessions) -> dict[str, str | None]:
    with sessions() as session:
        return {p.user_id: p.tz for p in session.scalars(select(Person))}


def test_two_clocks_at_the_same_instant_read_each_audience_and_person_once(sessions, slack_api, two_channels):
    first = refresh_members(tick_context(sessions, slack_api, worker="clock-a"), LATER)
    second = refresh_members(tick_context(sessions, slack_api, worker="clock-b"), LATER)

    channels, people = reads(slack_api)
    assert channels == {"C0SHOP": 1, "C0DESK": 1}
    assert people == dict.fromkeys(PEOPLE, 1)  # Bob, in both channels, is read once too
    assert (first.audiences, first.people, second.audiences, second.people) == (2, 1, 0, 0)
    assert zones(sessions)["U0BOB"] == "Europe/Berlin" and zones(sessions)["U0GONE"] == "Europe/Paris"


def test_the_same_clock_an_hour_later_reads_nothing_again(sessions, slack_api, two_channels):
    refresh_members(tick_context(sessions, slack_api, worker="clock-a"), LATER)
    again = refresh_members(tick_context(sessions, slack_api, worker="clock-b"), LATER + timedelta(hours=1))

    assert again.audiences == again.people == 0
    assert sum(reads(slack_api)[1].values()) == len(PEOPLE)


def test_a_crashed_clocks_audience_is_taken_over_after_its_lease(sessions, slack_api, two_channels):
    # clock-a claimed C0SHOP and died before reading it.
    assert jobs.claim(sessions, job=AUDIENCE, team_id=TEAM, items=["C0SHOP"], worker="clock-a", now=LATER)
    ctx = tick_context(sessions, slack_api, worker="clock-b")

    during_the_lease = refresh_members(ctx, LATER + timedelta(minutes=5))
    assert reads(slack_api)[0] == {"C0DESK": 1}
    after_it = refresh_members(ctx, LATER + jobs.LEASE + timedelta(minutes=1))

    assert (during_the_lease.audiences, after_it.audiences) == (1, 1)
    assert reads(slack_api)[0] == {"C0SHOP": 1, "C0DESK": 1}
    with sessions() as session:
        shop = set(session.scalars(select(Membership.user_id).where(Membership.group_id == "C0SHOP")))
    assert shop == {"U0ANA", "U0BOB"}


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_clocks_in_threads_on_postgres_read_each_audience_and_person_once(sessions, slack_api, two_channels):
    start = threading.Barrier(3)
    outcomes = {}

    def clock(name: str) -> None:
        ctx = tick_context(sessions, slack_api, worker=name)
        start.wait()
        outcomes[name] = refresh_members(ctx, LATER)

    threads = [threading.Thread(target=clock, args=(f"clock-{n}",)) for n in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    channels, people = reads(slack_api)
    assert len(outcomes) == 3
    assert channels == {"C0SHOP": 1, "C0DESK": 1}
    assert people == dict.fromkeys(PEOPLE, 1)
    assert sum(o.audiences for o in outcomes.values()) == 2
    assert zones(sessions)["U0BOB"] == "Europe/Berlin" and zones(sessions)["U0GONE"] == "Europe/Paris"
