"""Listing goals, recording measurements, and pacing as seen from Slack."""

from datetime import UTC, datetime

from models import Measurement
from tests.e2e.helpers import all_text, count


def test_list_shows_ids_progress_and_pacing(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.clock.now = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)  # 77% of the time to 2027-03-31 is gone
    bot_server.command(f"update O{goal_id} 80")

    status, ack, _ = bot_server.command("list")
    shown = all_text(ack)
    assert status == 200
    assert f"G{goal_id}" in shown and "O1" in shown
    assert "29%" in shown  # (80-78)/(85-78)
    assert "off track" in shown


def test_update_by_unambiguous_name_records_who_when_and_note(bot_server, make_goal):
    make_goal()
    status, ack, _ = bot_server.command("update csat 81.5 after the weekend push", user_id="U_MEMBER")
    assert status == 200 and ack["response_type"] == "ephemeral"
    with bot_server.sessions() as session:
        measurement = session.query(Measurement).one()
        assert (measurement.value, measurement.user_id, measurement.note) == (
            81.5,
            "U_MEMBER",
            "after the weekend push",
        )
        assert measurement.recorded_at == bot_server.clock.now


def test_update_rejects_non_numbers_and_ambiguous_or_unknown_names_without_storing(bot_server, make_goal):
    make_goal("Grow repeat orders from 900 to 1200 by 2027-02-28 because loyal buyers carry us")
    make_goal("Grow repeat visits from 40 to 60 by 2027-02-28 because visits lead to orders")
    for text, expected in (
        ("update repeat orders lots", "number"),
        ("update nps 40", "No objective"),
        ("update O999 40", "O999"),
    ):
        status, ack, _ = bot_server.command(text)
        assert status == 200 and ack["response_type"] == "ephemeral"
        assert expected in all_text(ack), (text, all_text(ack))
    status, ack, _ = bot_server.command("update repeat 80")
    assert "O1" in all_text(ack) and "O2" in all_text(ack)  # names both candidates
    assert count(bot_server.sessions, Measurement) == 0
    # An exact name is never ambiguous, even when it is also part of another name.
    make_goal("Raise CSAT from 78 to 85 by 2027-03-31 because churn follows slow support")
    make_goal("Cut CSAT complaints from 40 to 20 by 2027-02-28 because they cost refunds")
    bot_server.command("update csat 80")
    assert count(bot_server.sessions, Measurement) == 1


def test_show_has_the_whole_tree_and_its_edit_buttons_for_the_owner(bot_server, make_goal):
    goal_id = make_goal()
    status, ack, _ = bot_server.command(f"show G{goal_id}")
    shown = all_text(ack)
    assert status == 200
    assert "CSAT" in shown and "churn follows slow support" in shown
    for action in ("goal_add_objective", "goal_add_strategy", "goal_edit", "goal_archive"):
        assert action in shown
