"""Archiving asks first, and asks what happens to the targets; restore brings a goal back."""

from bot.domain.enums import GoalStatus
from handlers.ids import ActionId
from models import Goal
from tests.e2e.helpers import all_text, button_values


def _statuses(bot_server) -> dict[int, GoalStatus]:
    with bot_server.sessions() as session:
        return {g.id: g.status for g in session.query(Goal).all()}


def _parents(bot_server) -> dict[int, int | None]:
    with bot_server.sessions() as session:
        return {g.id: g.parent_id for g in session.query(Goal).all()}


def _answer(bot_server, text: str) -> str:
    """What `/goals <text>` answers, in the ack or (for lazy subcommands) at its response_url."""
    _, ack, response_url = bot_server.command(text)
    return all_text(ack) if ack else all_text(bot_server.awaited_replies(response_url))


def _broken_down(bot_server, make_goal) -> int:
    goal_id = make_goal("Raise CSAT from 78 to 85 by 2027-10-31 because churn follows slow support")
    bot_server.click(ActionId.BREAK_DOWN, str(goal_id))
    bot_server.standin.wait_for("response_url")
    assert len(_statuses(bot_server)) > 1
    return goal_id


def test_archive_from_the_command_line_asks_first_and_archives_nothing(bot_server, make_goal):
    goal_id = make_goal()
    _, _, response_url = bot_server.command(f"archive G{goal_id}")
    bot_server.standin.wait_for("response_url")

    question = bot_server.replies(response_url)[-1]
    assert button_values(question["blocks"], ActionId.ARCHIVE_CONFIRM) == [str(goal_id)]
    assert button_values(question["blocks"], ActionId.ARCHIVE_CANCEL) == [str(goal_id)]
    assert _statuses(bot_server)[goal_id] is GoalStatus.ACTIVE


def test_archiving_a_broken_down_goal_with_its_targets_leaves_none_active(bot_server, make_goal):
    goal_id = _broken_down(bot_server, make_goal)
    _, _, asked = bot_server.command(f"archive G{goal_id}")
    bot_server.standin.wait_for("response_url", count=2)
    question = bot_server.replies(asked)[-1]
    assert "targets" in all_text(question)
    assert button_values(question["blocks"], ActionId.ARCHIVE_KEEP_TARGETS) == [str(goal_id)]

    _, _, clicked = bot_server.click(ActionId.ARCHIVE_CONFIRM, str(goal_id))
    bot_server.standin.wait_for("response_url", count=3)

    assert set(_statuses(bot_server).values()) == {GoalStatus.ARCHIVED}
    assert f"restore G{goal_id}" in all_text(bot_server.replies(clicked))


def test_keeping_the_targets_leaves_them_active_and_part_of_nothing_hidden(bot_server, make_goal):
    goal_id = _broken_down(bot_server, make_goal)
    bot_server.click(ActionId.ARCHIVE_KEEP_TARGETS, str(goal_id))
    bot_server.standin.wait_for("response_url", count=2)

    statuses, parents = _statuses(bot_server), _parents(bot_server)
    assert statuses.pop(goal_id) is GoalStatus.ARCHIVED
    assert set(statuses.values()) == {GoalStatus.ACTIVE}
    assert all(parents[child] != goal_id for child in statuses)
    _, shown, _ = bot_server.command(f"show G{min(statuses)}")
    assert "Part of" not in all_text(shown)


def test_restore_brings_an_archived_goal_back_for_its_owner_only(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.click(ActionId.ARCHIVE_CONFIRM, str(goal_id))
    bot_server.standin.wait_for("response_url")

    _, _, refused = bot_server.command(f"restore G{goal_id}", user_id="U_MEMBER")
    bot_server.standin.wait_for("response_url", count=2)
    assert "owner" in all_text(bot_server.replies(refused))
    assert _statuses(bot_server)[goal_id] is GoalStatus.ARCHIVED

    _, _, restored = bot_server.command(f"restore G{goal_id}")
    bot_server.standin.wait_for("response_url", count=3)
    assert f"Restored G{goal_id}" in all_text(bot_server.replies(restored))
    assert _statuses(bot_server)[goal_id] is GoalStatus.ACTIVE


def test_restoring_an_active_goal_says_there_is_nothing_to_restore(bot_server, make_goal):
    goal_id = make_goal()
    _, _, response_url = bot_server.command(f"restore G{goal_id}")
    bot_server.standin.wait_for("response_url")
    assert "not archived" in all_text(bot_server.replies(response_url))


def test_restoring_a_broken_down_goal_brings_its_targets_back_and_break_down_is_refused(
    bot_server, make_goal
):
    goal_id = _broken_down(bot_server, make_goal)
    before = len(_statuses(bot_server))
    bot_server.click(ActionId.ARCHIVE_CONFIRM, str(goal_id))
    bot_server.standin.wait_for("response_url", count=2)

    assert "and its targets" in _answer(bot_server, f"restore G{goal_id}")
    assert set(_statuses(bot_server).values()) == {GoalStatus.ACTIVE}
    _, shown, _ = bot_server.command(f"show G{goal_id}")
    assert button_values(shown["blocks"], ActionId.BREAK_DOWN) == []
    _, _, again = bot_server.click(ActionId.BREAK_DOWN, str(goal_id))
    assert f"/goals show G{goal_id}" in all_text(bot_server.awaited_replies(again))
    assert len(_statuses(bot_server)) == before


def test_every_command_that_takes_a_ref_says_an_archived_goal_is_archived(bot_server, make_goal):
    goal_id = make_goal()
    with bot_server.sessions() as session:
        objective_id = session.query(Goal).one().objectives[0].id
    bot_server.click(ActionId.ARCHIVE_CONFIRM, str(goal_id))
    bot_server.standin.wait_for("response_url")

    for text in (
        f"show G{goal_id}",
        f"update O{objective_id} 80",
        f"focus G{goal_id}",
        f"edit G{goal_id}",
        f"archive G{goal_id}",
        f"focus G{goal_id} next",
        f"update O{objective_id} undo",
    ):
        answer = _answer(bot_server, text)
        assert "archived" in answer and f"`/goals restore G{goal_id}`" in answer, text
        assert "can't find" not in answer, text
