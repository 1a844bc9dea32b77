"""The clock's membership refresh: audiences and people a day old are re-read from Slack."""

from datetime import timedelta

from sqlalchemy import select

from handlers.checkins.member_refresh import Refreshed, refresh_members
from models.people import Membership, Person
from tests.handlers.checkins.delivery_setup import add_channel, tick_context
from tests.services.checkins.helpers import MADE_AT, TEAM


def people(sessions):
    with sessions() as session:
        members = set(session.scalars(select(Membership.user_id).where(Membership.group_id == "C0SHOP")))
        zones = {p.user_id: (p.tz, p.deleted) for p in session.scalars(select(Person))}
    return members, zones


def test_a_day_old_channel_is_read_again_with_each_members_zone(sessions, slack_api):
    slack_api.add_user("U0BOB", team_id=TEAM, tz="Europe/Berlin")  # Slack knows he moved; we don't
    add_channel(sessions, slack_api, "C0SHOP", {"U0ANA": "UTC", "U0BOB": "UTC"}, made_at=MADE_AT)
    # Meanwhile, in Slack (the event was missed): Cat joined.
    slack_api.add_user("U0CAT", team_id=TEAM, tz="Asia/Kolkata")
    slack_api.add_channel("C0SHOP", members=["U0CAT"])
    ctx = tick_context(sessions, slack_api)

    within_the_day = refresh_members(ctx, MADE_AT + timedelta(hours=23))
    next_day = refresh_members(ctx, MADE_AT + timedelta(days=1, hours=1))

    assert within_the_day == Refreshed()
    assert next_day.audiences == 1
    members, zones = people(sessions)
    assert members == {"U0ANA", "U0BOB", "U0CAT"}
    assert zones["U0BOB"] == ("Europe/Berlin", False) and zones["U0CAT"] == ("Asia/Kolkata", False)


def test_a_person_slack_no_longer_knows_is_treated_as_deactivated(sessions, slack_api):
    add_channel(sessions, slack_api, "C0SHOP", {"U0ANA": "UTC"}, made_at=MADE_AT)
    with sessions.begin() as session:  # Ana is also asked elsewhere, so only her person row is stale
        session.add(Person(team_id=TEAM, user_id="U0GONE", tz="UTC", refreshed_at=MADE_AT))
    ctx = tick_context(sessions, slack_api)

    refreshed = refresh_members(ctx, MADE_AT + timedelta(days=2))

    assert refreshed.people >= 1
    assert people(sessions)[1]["U0GONE"] == (None, True)
