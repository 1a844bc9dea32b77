"""Who is asked stays current: member_joined_channel, member_left_channel and user_change events."""

import re

from sqlalchemy import select

from handlers.ids import BlockId
from models.checkins import Schedule
from models.people import Membership, Person
from tests.e2e.checkin_helpers import checkin, schedule, schedule_with_form
from tests.e2e.helpers import all_text
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


def test_saving_a_schedule_states_one_count_the_people_it_asks(bot_server):
    """The ack is written before the members are read: it states no count; the count follows once
    they are read, and `schedule show` agrees. Bots and deactivated people are not counted."""
    slack = bot_server.standin
    slack.add_user("U_BOT", name="helperbot", is_bot=True, channels=(CHANNEL,))
    slack.add_user("U_GONE", name="gone", deleted=True, channels=(CHANNEL,))
    # One member already known from an event: the stored count before the read is 1, not 2.
    bot_server.event(
        {"type": "member_joined_channel", "user": MEMBER, "channel": CHANNEL, "channel_type": "C"}
    )
    slack.wait_for("users.info")
    for _ in range(2):  # a first save, then a change: neither shows a count read before the members
        _, ack, url = checkin(bot_server, "schedule mon,wed,fri 09:00")
        said = [all_text(ack)] + [all_text(body) for body in bot_server.awaited_replies(url)]
        counts = re.findall(r"(\d+) (?:people|person)", " ".join(said))
        assert counts and set(counts) == {"2"}, said
    _, shown, _ = checkin(bot_server, "schedule show")
    assert "(2 people)" in all_text(shown)
