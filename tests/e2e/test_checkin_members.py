"""Who is asked stays current: member_joined_channel, member_left_channel and user_change events."""

from sqlalchemy import select

from handlers.ids import BlockId
from models.checkins import Schedule
from models.people import Membership, Person
from tests.e2e.checkin_helpers import schedule, schedule_with_form
from tests.fixtures.bot import ADMIN, CHANNEL, MEMBER


def _members(bot_server) -> set[str]:
    with bot_server.sessions() as session:
        return set(session.scalars(select(Membership.user_id).where(Membership.group_id == CHANNEL)))


def test_joining_and_leaving_the_channel_changes_who_is_asked(bot_server):
    schedule(bot_server)
    bot_server.standin.add_user(ADMIN, name="ada", is_admin=True, tz="Europe/Berlin")

    bot_server.event(
        {"type": "member_joined_channel", "user": ADMIN, "channel": CHANNEL, "channel_type": "C"}
    )
    bot_server.standin.wait_for("users.info", count=3)
    bot_server.standin.settle()
    assert ADMIN in _members(bot_server)
    with bot_server.sessions() as session:
        assert session.scalars(select(Person.tz).where(Person.user_id == ADMIN)).one() == "Europe/Berlin"

    bot_server.event({"type": "member_left_channel", "user": MEMBER, "channel": CHANNEL, "channel_type": "C"})
    assert MEMBER not in _members(bot_server)


def test_a_user_change_updates_their_zone_and_deactivation(bot_server):
    schedule(bot_server)
    user = dict(bot_server.standin.user(MEMBER), tz="Asia/Tokyo", deleted=True)

    bot_server.event({"type": "user_change", "user": user})

    with bot_server.sessions() as session:
        person = session.scalars(select(Person).where(Person.user_id == MEMBER)).one()
        assert (person.tz, person.deleted) == ("Asia/Tokyo", True)


def test_a_user_group_audience_is_read_from_usergroups(bot_server):
    bot_server.standin.add_user(ADMIN, name="ada", is_admin=True)
    bot_server.standin.add_usergroup("S0SUPPORT", (MEMBER, ADMIN))

    assert not schedule_with_form(bot_server, {BlockId.CHECKIN_AUDIENCE: "S0SUPPORT"})

    with bot_server.sessions() as session:
        assert session.scalars(select(Schedule.audience_id)).one() == "S0SUPPORT"
        grouped = set(session.scalars(select(Membership.user_id).where(Membership.group_id == "S0SUPPORT")))
    assert grouped == {MEMBER, ADMIN}
