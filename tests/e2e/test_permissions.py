"""Only a goal's owner or a workspace admin changes its definition; other workspaces see nothing."""

from bot.domain.enums import GoalStatus
from handlers.ids import ActionId, CallbackId
from models import Goal, Measurement
from tests.e2e.helpers import all_text, count, opened_view


def _status(bot_server, goal_id):
    with bot_server.sessions() as session:
        return session.get(Goal, goal_id).status


def test_a_member_cannot_edit_or_archive_but_may_record_progress(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"edit G{goal_id}", user_id="U_MEMBER")
    _, _, response_url = bot_server.command(f"archive G{goal_id}", user_id="U_MEMBER")

    bot_server.standin.wait_for("response_url", count=2)
    assert "owner" in all_text(bot_server.replies(response_url))
    assert bot_server.standin.calls("views.open") == []
    assert _status(bot_server, goal_id) == GoalStatus.ACTIVE

    status, _, _ = bot_server.command(f"update O{goal_id} 80", user_id="U_MEMBER")
    assert status == 200 and count(bot_server.sessions, Measurement) == 1


def test_a_workspace_admin_may_edit_and_archive_someone_elses_goal(bot_server, make_goal):
    goal_id = make_goal()
    bot_server.command(f"edit G{goal_id}", user_id="U_ADMIN")
    assert opened_view(bot_server.standin)["callback_id"] == CallbackId.GOAL_MODAL

    _, _, response_url = bot_server.command(f"archive G{goal_id}", user_id="U_ADMIN")
    bot_server.standin.wait_for("response_url")
    assert "Archive G" in all_text(bot_server.replies(response_url))
    _, _, clicked_url = bot_server.click(ActionId.ARCHIVE_CONFIRM, str(goal_id), user_id="U_ADMIN")
    bot_server.standin.wait_for("response_url", count=2)
    assert "Archived" in all_text(bot_server.replies(clicked_url))
    assert _status(bot_server, goal_id) == GoalStatus.ARCHIVED


def test_a_member_pressing_archive_is_refused(bot_server, make_goal):
    goal_id = make_goal()
    _, _, response_url = bot_server.click(ActionId.ARCHIVE_GOAL, str(goal_id), user_id="U_MEMBER")
    bot_server.standin.wait_for("response_url")
    assert "owner" in all_text(bot_server.replies(response_url))
    assert _status(bot_server, goal_id) == GoalStatus.ACTIVE


def test_an_id_from_another_workspace_behaves_like_an_unknown_id(bot_server, make_goal):
    goal_id = make_goal()
    outsider = {"team_id": "T_OTHER", "user_id": "U_OWNER"}
    _, foreign, _ = bot_server.command(f"show G{goal_id}", **outsider)
    _, unknown, _ = bot_server.command("show G999", **outsider)
    assert all_text(foreign).replace(f"G{goal_id}", "G?") == all_text(unknown).replace("G999", "G?")

    bot_server.command(f"update O{goal_id} 80", **outsider)
    bot_server.command(f"focus G{goal_id}", **outsider)
    assert count(bot_server.sessions, Measurement) == 0
    assert _status(bot_server, goal_id) == GoalStatus.ACTIVE
