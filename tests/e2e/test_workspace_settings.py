"""`/goals settings timezone`: the workspace's default time zone, shown to anyone, changed by a
workspace admin only, in any case, and used where a channel has no zone of its own."""

from models.workspaces import Workspace
from tests.e2e.helpers import all_text
from tests.fixtures.bot import ADMIN, MEMBER, TEAM


def _stored_zone(bot_server):
    with bot_server.sessions() as session:
        row = session.get(Workspace, TEAM)
        return row.default_tz if row else None


def test_an_admin_sets_it_in_any_case_and_everyone_sees_it(bot_server):
    _, ack, _ = bot_server.command("settings timezone")
    assert "no default time zone of its own" in all_text(ack)
    assert "America/New_York" in all_text(ack)  # the bot fixture's DEFAULT_TIMEZONE

    status, ack, response_url = bot_server.command("settings timezone europe/BERLIN", user_id=ADMIN)
    assert status == 200
    (reply,) = bot_server.awaited_replies(response_url)
    assert "now Europe/Berlin" in all_text(reply)
    assert _stored_zone(bot_server) == "Europe/Berlin"

    _, ack, _ = bot_server.command("settings timezone", user_id=MEMBER)
    assert "default time zone is Europe/Berlin" in all_text(ack)


def test_a_channel_without_a_zone_of_its_own_uses_the_workspaces(bot_server):
    _, _, response_url = bot_server.command("settings timezone Asia/Tokyo", user_id=ADMIN)
    assert bot_server.awaited_replies(response_url)
    _, ack, _ = bot_server.command("reminders")
    assert "Asia/Tokyo" in all_text(ack)


def test_someone_not_an_admin_is_refused_and_nothing_changes(bot_server):
    _, _, response_url = bot_server.command("settings timezone Europe/Berlin", user_id=MEMBER)
    (reply,) = bot_server.awaited_replies(response_url)
    assert "Only a workspace admin or owner" in all_text(reply) and "nothing changed" in all_text(reply)
    assert _stored_zone(bot_server) is None


def test_an_unknown_zone_says_what_to_type(bot_server):
    for text in ("settings timezone Mars/Olympus", "settings timezone", "settings colour blue"):
        status, ack, _ = bot_server.command(text, user_id=ADMIN)
        assert status == 200, text
    _, ack, _ = bot_server.command("settings timezone Mars/Olympus", user_id=ADMIN)
    assert "`Mars/Olympus` is not a time zone I know" in all_text(ack)
    assert "`/goals settings timezone Europe/Berlin`" in all_text(ack)
    _, ack, _ = bot_server.command("settings colour blue", user_id=ADMIN)
    assert "`/goals settings timezone`" in all_text(ack)
    assert _stored_zone(bot_server) is None


def test_help_lists_it(bot_server):
    _, ack, _ = bot_server.command("help")
    assert "`/goals settings timezone Europe/Berlin`" in all_text(ack)
