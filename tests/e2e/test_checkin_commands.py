"""`/checkin` through the real HTTP entry point: schedules, help, status, time off, holidays, bad input."""

import json

from sqlalchemy import func, select

from models.checkins import Schedule
from models.people import Holiday, Membership, Person
from tests.e2e.checkin_helpers import checkin, deliver, schedule
from tests.e2e.helpers import all_text
from tests.fixtures.bot import ADMIN, MEMBER, OWNER


def _count(bot_server, model) -> int:
    with bot_server.sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def _said(bot_server, url: str) -> str:
    """The lazy reply (after an admin check): awaited, since a quiet stand-in does not prove it came."""
    return " ".join(all_text(body) for body in bot_server.awaited_replies(url))


def test_the_quick_schedule_stores_defaults_and_reads_the_channels_members(bot_server):
    ack = schedule(bot_server, "mon,wed,fri", "09:00")

    text = all_text(ack)
    assert "Mon, Wed, Fri at 09:00" in text and "4 hours" in text and "1 reminder" in text
    with bot_server.sessions() as session:
        stored = session.scalars(select(Schedule)).one()
        assert (stored.weekdays, stored.window_minutes, stored.reminder_count) == ("mon,wed,fri", 240, 1)
        assert (stored.anonymous, stored.min_answers, stored.owner_id) == (False, 3, OWNER)
        assert set(session.scalars(select(Membership.user_id))) == {OWNER, MEMBER}
        assert set(session.scalars(select(Person.tz))) == {"America/New_York"}


def test_schedule_show_and_off(bot_server):
    schedule(bot_server)
    _, shown, _ = checkin(bot_server, "schedule show", user_id=MEMBER)
    assert "Mon, Wed, Fri at 10:30" in all_text(shown)

    _, off, _ = checkin(bot_server, "schedule off")

    assert "check-in is off" in all_text(off)
    with bot_server.sessions() as session:
        assert session.scalars(select(Schedule.active)).one() is False


def test_a_member_cannot_turn_off_someone_elses_schedule(bot_server):
    schedule(bot_server)
    _, _ack, url = checkin(bot_server, "schedule off", user_id=MEMBER)
    assert f"<@{OWNER}>" in _said(bot_server, url)
    with bot_server.sessions() as session:
        assert session.scalars(select(Schedule.active)).one() is True


def test_help_lists_every_subcommand(bot_server):
    _, ack, _ = checkin(bot_server, "help")
    text = all_text(ack)
    for word in ("schedule mon,wed,fri 09:00", "schedule show", "schedule off", "status", "away", "holiday"):
        assert word in text


def test_bad_days_times_and_words_get_an_example_and_store_nothing(bot_server):
    for text in (
        "schedule mon,funday 09:00",
        "schedule mon 25:00",
        "schedule mon 9am",
        "dance",
        "schedule x y z",
    ):
        status, ack, _ = checkin(bot_server, text)
        assert status == 200
        assert "/checkin schedule mon,wed,fri 09:00" in all_text(ack), (text, ack)
    assert _count(bot_server, Schedule) == 0


def test_status_shows_the_rate_and_who_is_missing_to_the_owner_only(bot_server):
    schedule(bot_server)
    deliver(bot_server)

    _, ack, _ = checkin(bot_server, "status")
    text = all_text(ack)
    assert "0/2" in text and f"<@{MEMBER}>" in text and f"<@{OWNER}>" in text

    _, refused, url = checkin(bot_server, "status", user_id=MEMBER)
    assert "0/2" not in _said(bot_server, url) + all_text(refused)


def test_an_admin_sees_the_status_too(bot_server):
    schedule(bot_server)
    deliver(bot_server)
    _, _ack, url = checkin(bot_server, "status", user_id=ADMIN)
    assert "0/2" in _said(bot_server, url)


def test_away_and_back(bot_server):
    _, ack, _ = checkin(bot_server, "away until 2026-12-24", user_id=MEMBER)
    assert "2026" in all_text(ack) or "Dec" in all_text(ack)
    with bot_server.sessions() as session:
        assert str(session.scalars(select(Person.away_until)).one()) == "2026-12-24"
    checkin(bot_server, "away 2w", user_id=MEMBER)
    with bot_server.sessions() as session:
        assert str(session.scalars(select(Person.away_until)).one()) == "2026-12-06"
    _, back, _ = checkin(bot_server, "back", user_id=MEMBER)
    assert "Welcome back" in all_text(back)
    with bot_server.sessions() as session:
        assert session.scalars(select(Person.away_until)).one() is None


def test_back_when_not_away_says_so(bot_server):
    _, back, _ = checkin(bot_server, "back", user_id=MEMBER)
    assert "weren't away" in all_text(back) and "Welcome back" not in all_text(back)
    checkin(bot_server, "away 2w", user_id=MEMBER)
    _, back, _ = checkin(bot_server, "back", user_id=MEMBER)
    assert "Welcome back" in all_text(back)
    _, again, _ = checkin(bot_server, "back", user_id=MEMBER)
    assert "weren't away" in all_text(again)


def test_a_holiday_on_a_taken_date_is_refused_naming_it_and_how_to_rename(bot_server):
    _, _, url = checkin(bot_server, "holiday add 2026-12-25 Christmas", user_id=ADMIN)
    assert "Christmas" in _said(bot_server, url)
    _, _, url = checkin(bot_server, "holiday add 2026-12-25 Xmas party", user_id=ADMIN)
    said = _said(bot_server, url)
    assert "already a holiday: Christmas" in said and "`/checkin holiday remove 2026-12-25`" in said
    with bot_server.sessions() as session:
        assert session.scalars(select(Holiday.name)).all() == ["Christmas"]


def test_a_mistyped_subcommand_gets_the_closest_one(bot_server):
    _, ack, _ = checkin(bot_server, "stauts")
    assert "Did you mean `/checkin status`?" in all_text(ack)


def test_holidays_are_set_by_admins_only(bot_server):
    _, _, url = checkin(bot_server, "holiday add 2026-12-25 Christmas", user_id=MEMBER)
    assert "admins" in _said(bot_server, url)
    assert _count(bot_server, Holiday) == 0

    _, _, url = checkin(bot_server, "holiday add 2026-12-25 Christmas", user_id=ADMIN)
    assert "Christmas" in _said(bot_server, url)
    _, listed, _ = checkin(bot_server, "holiday list", user_id=MEMBER)
    assert "2026-12-25" in all_text(listed) and "Christmas" in all_text(listed)

    _, _, url = checkin(bot_server, "holiday remove 2026-12-25", user_id=ADMIN)
    assert "no longer a holiday" in _said(bot_server, url)
    assert _count(bot_server, Holiday) == 0


def test_a_bare_checkin_with_nothing_open_says_so(bot_server):
    _, ack, _ = checkin(bot_server, "")
    assert "No check-in is open" in all_text(ack)
    bot_server.standin.settle()
    assert bot_server.standin.calls("views.open") == []


def test_schedule_commands_in_a_dm_say_to_use_the_channel_and_store_nothing(bot_server):
    for text in ("schedule mon 09:00", "schedule", "status", "schedule show"):
        _, ack, _ = checkin(bot_server, text, channel_id="D_OWNER")
        assert "belong to a channel" in all_text(ack), text
    bot_server.standin.settle()
    assert _count(bot_server, Schedule) == 0 and bot_server.standin.calls("views.open") == []


def test_the_taken_holidays_name_is_shown_escaped_once(bot_server):
    _, _, url = checkin(bot_server, "holiday add 2026-12-24 <!here> & <@U_OWNER>", user_id=ADMIN)
    bot_server.awaited_replies(url)
    _, _, url = checkin(bot_server, "holiday add 2026-12-24 Eve", user_id=ADMIN)
    refused = json.dumps(bot_server.awaited_replies(url))
    assert "&lt;!here&gt; &amp; &lt;@U_OWNER&gt;" in refused
    assert "<!here>" not in refused and "&amp;lt;" not in refused and "<@U_OWNER>" not in refused
