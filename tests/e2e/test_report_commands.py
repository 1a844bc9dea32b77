"""`/goals reminders`, `/goals digest`, `/goals report`, `/goals focus G1 next` and the month-end
button, through the HTTP server and the stand-in."""

from datetime import date

import pytest

from handlers.ids import ActionId
from models import MonthlyFocus
from models.followups import FollowupSettings
from models.reports import ReportSettings
from tests.e2e.helpers import all_text, button_values
from tests.fixtures.bot import ADMIN, MEMBER, OWNER

PNG = b"\x89PNG\r\n\x1a\n"


def _focus(bot_server):
    with bot_server.sessions() as session:
        return sorted((f.month, f.goal_id) for f in session.query(MonthlyFocus).all())


def test_reminders_show_their_defaults_then_change(bot_server, make_goal):
    make_goal()  # its owner may change the channel's settings
    _, ack, _ = bot_server.command("reminders")
    assert "09:00" in all_text(ack) and "on" in all_text(ack)
    _, ack, _ = bot_server.command("reminders at 09:30 europe/BERLIN")  # zones in any case
    assert "09:30" in all_text(ack) and "Europe/Berlin" in all_text(ack)
    _, ack, _ = bot_server.command("reminders off")
    assert "pick one" in all_text(ack)
    with bot_server.sessions() as session:
        row = session.query(ReportSettings).one()
        assert (row.local_time.isoformat(), row.zone, row.reminders_enabled) == (
            "09:30:00",
            "Europe/Berlin",
            False,
        )


def test_bad_reminder_time_or_zone_says_what_to_type(bot_server):
    for text in ("reminders at 25:00", "reminders at 09:30 Mars/Olympus", "reminders later", "digest daily"):
        status, ack, _ = bot_server.command(text)
        assert status == 200 and "`/goals" in all_text(ack), text
    with bot_server.sessions() as session:
        assert session.query(ReportSettings).count() == 0


def test_digest_cadence_is_stored(bot_server, make_goal):
    make_goal()
    _, ack, _ = bot_server.command("digest monthly")
    assert "monthly" in all_text(ack)
    with bot_server.sessions() as session:
        assert session.query(ReportSettings).one().digest_cadence == "monthly"


def test_report_posts_a_digest_with_thread_and_chart_even_when_digests_are_off(bot_server, make_goal):
    make_goal()
    bot_server.command("digest off")
    status, ack, _ = bot_server.command("report month")
    assert status == 200 and "Posting" in all_text(ack)
    standin = bot_server.standin
    standin.wait_for("files.completeUploadExternal")
    parent = next(c for c in standin.calls("chat.postMessage") if "Progress digest" in c.body.get("text", ""))
    ts = parent.answer["ts"]
    replies = [c for c in standin.calls("chat.postMessage") if c.body.get("thread_ts") == ts]
    assert replies and "Raise CSAT" in all_text(replies[0].body)
    upload = standin.uploads()[0]
    assert upload.thread_ts == ts and upload.data.startswith(PNG)
    assert not standin.rejections()


def test_report_refuses_a_period_it_cannot_read(bot_server):
    _, ack, _ = bot_server.command("report 2027-13")
    assert "`/goals report month`" in all_text(ack)


def test_focus_next_sets_next_month_and_replacing_it_asks_first_from_the_command_and_the_button(
    bot_server, make_goal
):
    first, second = (
        make_goal(),
        make_goal("Cut refunds from 40 to 25 by 2027-02-28 because refunds eat the margin"),
    )
    _, ack, _ = bot_server.command(f"focus G{first} next")
    assert "December 2026" in all_text(ack)
    assert _focus(bot_server) == [(date(2026, 12, 1), first)]

    _, ack, _ = bot_server.command(f"focus G{second} next")
    assert f"G{first} is already the main goal for December 2026" in all_text(ack)
    assert button_values(ack["blocks"], ActionId.FOCUS_REPLACE) == [f"{second}:2026-12"]
    _, _, clicked = bot_server.click(ActionId.REPORT_FOCUS_NEXT, f"{second}:2026-12")
    assert "already the main goal" in all_text(bot_server.awaited_replies(clicked))
    assert _focus(bot_server) == [(date(2026, 12, 1), first)]

    _, _, switched = bot_server.click(ActionId.FOCUS_REPLACE, f"{second}:2026-12")
    assert "December 2026" in all_text(bot_server.awaited_replies(switched))
    assert _focus(bot_server) == [(date(2026, 12, 1), second)]


@pytest.mark.parametrize(
    "text",
    ["reminders off", "reminders at 07:00", "digest monthly", "followups due 24h", "followups channel here"],
)
def test_only_an_admin_or_a_goal_owner_here_may_change_the_channels_settings(bot_server, make_goal, text):
    make_goal()  # U_OWNER's goal in the channel
    status, ack, response_url = bot_server.command(text, user_id=MEMBER)
    assert status == 200 and ack is None  # Slack is asked whether a non-owner is an admin, after the ack
    [refused] = bot_server.awaited_replies(response_url)
    assert "Only a workspace admin or an owner of one of its goals" in refused["text"]
    assert f"<@{OWNER}>" in refused["text"] and "nothing changed" in refused["text"]
    with bot_server.sessions() as session:
        assert session.query(ReportSettings).count() == 0 and session.query(FollowupSettings).count() == 0

    status, ack, response_url = bot_server.command(text, user_id=ADMIN)
    [changed] = bot_server.awaited_replies(response_url)
    assert "✅" in changed["text"], changed
    _, ack, _ = bot_server.command(text, user_id=OWNER)  # the owner is answered in the ack
    assert "✅" in all_text(ack)


def test_a_channel_without_goals_has_its_settings_changed_by_an_admin_only(bot_server):
    _, _, response_url = bot_server.command("digest off", user_id=OWNER)
    [refused] = bot_server.awaited_replies(response_url)
    assert (
        "Only a workspace admin can change" in refused["text"] and "while it has no goals" in refused["text"]
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("report 1999-01", "ended before this channel's first goal or check-in (2026-11-23)"),
        ("report 2099-01", "hasn't started yet (today is 2026-11-23)"),
        ("report 2026-W01", "ended before this channel's first goal"),
        ("export 1999-01", "nothing was uploaded"),
        ("export 2099-01", "hasn't started yet"),
    ],
)
def test_a_period_with_nothing_to_show_is_refused_privately_and_nothing_is_posted(
    bot_server, make_goal, text, said
):
    make_goal()
    status, ack, _ = bot_server.command(text)
    assert status == 200 and said in all_text(ack), all_text(ack)
    assert ack["response_type"] == "ephemeral"
    bot_server.standin.settle()
    assert bot_server.standin.calls("chat.postMessage") == [] and bot_server.standin.uploads() == []


def test_a_channel_with_nothing_yet_has_no_report_to_post(bot_server):
    _, ack, _ = bot_server.command("report month")
    assert "no goals or check-ins yet" in all_text(ack)
    bot_server.standin.settle()
    assert bot_server.standin.calls("chat.postMessage") == []
