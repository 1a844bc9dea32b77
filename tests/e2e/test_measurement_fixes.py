"""Correcting measurements from Slack: Undo, confirming an odd value, and values that cannot be stored."""

from sqlalchemy import select

from handlers.ids import ActionId
from models import Measurement
from tests.e2e.helpers import all_text, button_values, count


def _live(sessions) -> list[float]:
    with sessions() as session:
        query = select(Measurement.value).where(Measurement.undone_at.is_(None)).order_by(Measurement.id)
        return list(session.scalars(query))


def test_the_undo_button_on_the_reply_takes_the_measurement_back_once(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"update O{goal_id} 80", user_id="U_MEMBER")
    _, ack, _ = bot_server.command(f"update O{goal_id} 83 oops", user_id="U_MEMBER")
    (measurement_id,) = button_values(ack["blocks"], ActionId.UNDO_MEASUREMENT)

    for clicks in (1, 2):
        status, _, response_url = bot_server.click(
            ActionId.UNDO_MEASUREMENT, measurement_id, user_id="U_MEMBER"
        )
        assert status == 200
        bot_server.standin.wait_for("response_url", count=clicks)
        said = all_text(bot_server.replies(response_url))
        assert ("Undid" in said) if clicks == 1 else ("already undone" in said), said
    assert _live(bot_server.sessions) == [80]


def test_update_undo_by_command_and_only_for_author_owner_or_admin(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"update O{goal_id} 79")
    bot_server.command(f"update O{goal_id} 80")  # by the goal's owner

    _, _, response_url = bot_server.command(f"update O{goal_id} undo", user_id="U_MEMBER")
    bot_server.standin.wait_for("response_url")
    assert "can undo" in all_text(bot_server.replies(response_url))
    assert _live(bot_server.sessions) == [79, 80]

    _, _, response_url = bot_server.command(f"update O{goal_id} undo", user_id="U_ADMIN")
    bot_server.standin.wait_for("response_url", count=2)
    assert "Undid" in all_text(bot_server.replies(response_url))
    status, ack, _ = bot_server.command(f"update O{goal_id} undo")
    assert status == 200 and "already undone" in all_text(ack)
    assert _live(bot_server.sessions) == [79]


def test_a_far_off_value_asks_first_and_records_only_when_confirmed(bot_server, make_goal):
    goal_id = make_goal()

    status, ack, _ = bot_server.command(f"update O{goal_id} -5 typo")
    assert status == 200 and "Nothing is saved yet" in all_text(ack)
    assert "-1186%" not in all_text(ack) and count(bot_server.sessions, Measurement) == 0
    (payload,) = button_values(ack["blocks"], ActionId.CONFIRM_MEASUREMENT)
    (objective,) = button_values(ack["blocks"], ActionId.CANCEL_MEASUREMENT)

    _, _, cancel_url = bot_server.click(ActionId.CANCEL_MEASUREMENT, objective)
    bot_server.standin.wait_for("response_url")
    assert "nothing was saved" in all_text(bot_server.replies(cancel_url))
    assert count(bot_server.sessions, Measurement) == 0

    _, _, confirm_url = bot_server.click(ActionId.CONFIRM_MEASUREMENT, payload)
    bot_server.standin.wait_for("response_url", count=2)
    assert "Recorded" in all_text(bot_server.replies(confirm_url))
    with bot_server.sessions() as session:
        stored = session.scalars(select(Measurement)).one()
        assert (stored.value, stored.note) == (-5, "typo")


def test_a_huge_value_is_refused_and_lists_keep_working(bot_server, make_goal):
    goal_id = make_goal()

    status, ack, _ = bot_server.command(f"update O{goal_id} 2{'0' * 307}")
    assert status == 200 and "nothing was saved" in all_text(ack)
    assert count(bot_server.sessions, Measurement) == 0

    _, ack, _ = bot_server.command(f"update O{goal_id} 1 000")
    assert "Nothing is saved yet" in all_text(ack)  # 1,000 on a 78→85 metric: asks, never "1" + "000"


def test_lists_and_trees_render_a_huge_value_stored_before_values_were_checked(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"update O{goal_id} 80")
    with bot_server.sessions.begin() as session:
        session.scalars(select(Measurement)).one().value = 2e307

    for text in ("list", f"show G{goal_id}"):
        status, ack, _ = bot_server.command(text)
        assert status == 200 and "over 9,999%" in all_text(ack), text


def test_show_lists_recent_measurements_with_notes_and_authors(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"update O{goal_id} 80 after the new rota", user_id="U_MEMBER")

    _, ack, _ = bot_server.command(f"show G{goal_id}")

    shown = all_text(ack)
    assert "Recent measurements" in shown and "after the new rota" in shown and "<@U_MEMBER>" in shown
