"""An audience synced with only some of its members read (the others are another clock's): the
memberships are exact, people read are refreshed, people not read keep their rows, and a new
member not read yet is stored to be refreshed first."""

from datetime import timedelta

from sqlalchemy import select

from bot.services.checkins import members
from bot.services.checkins.read_models import PersonInfo
from models.people import Membership, Person
from tests.services.checkins.helpers import MADE_AT, TEAM

LATER = MADE_AT + timedelta(days=1)


def test_members_not_read_keep_their_rows_and_newcomers_are_marked_for_refresh(sessions):
    known = [PersonInfo("U0ANA", "UTC"), PersonInfo("U0BOB", "UTC"), PersonInfo("U0OLD", "UTC")]
    members.sync_channel_members(sessions, TEAM, "C0SHOP", known, MADE_AT)

    result = members.sync_audience(
        sessions, TEAM, "C0SHOP", ["U0ANA", "U0BOB", "U0CAT"], [PersonInfo("U0ANA", "Asia/Tokyo")], LATER
    )

    assert (result.joined, result.left) == (("U0CAT",), ("U0OLD",))
    with sessions() as session:
        shop = set(session.scalars(select(Membership.user_id).where(Membership.group_id == "C0SHOP")))
        people = {p.user_id: (p.tz, p.refreshed_at) for p in session.scalars(select(Person))}
    assert shop == {"U0ANA", "U0BOB", "U0CAT"}
    assert people["U0ANA"] == ("Asia/Tokyo", LATER)
    assert people["U0BOB"] == ("UTC", MADE_AT)  # not read here: left as it was
    assert people["U0CAT"] == (None, members.NEVER_REFRESHED)
