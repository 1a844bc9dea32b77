"""Hostile text in every field a person can type, driven through every message, view and reply the
product makes; then every body the stand-in recorded, and every ack, is walked for markup a person
typed (a broadcast, a stranger's mention, a disguised link), text escaped twice, or escaped plain_text.
Runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.entrypoints.tick import run_passes
from bot.outbound import Sender, WorkspaceGate, single_token
from bot.outbound.passes import TickContext
from bot.slack.standin.directory import dm_id
from handlers.ids import ActionId, BlockId, checkin_objective_block_id, objective_block_id
from models import Goal, Objective, Strategy, Tactic
from models.followups import FollowUp
from tests.e2e.checkin_helpers import PROMPT_AT, checkin, dm_messages, dm_reply, schedule
from tests.e2e.helpers import all_text, button_values, fill, opened_view
from tests.fixtures.bot import ADMIN, CHANNEL, MEMBER, OWNER
from tests.hostile_text import HOSTILE, leaks
from tests.services.reports.factories import add_followup

ZONE = ZoneInfo("America/New_York")
ESCAPED = "&lt;!here&gt;&lt;!channel&gt;"
GOAL_SURFACES = (
    "Saved G1",
    "Goals in",  # /goals list
    "Recent measurements",  # /goals show: the why, objectives, strategies, tactics, notes
    "Strategies",
    "Your goals",  # App Home
    "Your tactics",
    "Recorded",
    "is the main goal for",
    "Archive *G1",
    "Archived G1",
    "Restored G1",
)
SURFACES = (
    "Time for your check-in",  # the prompt names the channel and lists the objectives
    "In their words",
    "Goals and objectives",
    "our main goal is",
    "result*",
    "Customer follow-up F",
    "Open customer follow-ups",
    "The customer follow-up you flagged",
    "Overdue: customer follow-up",
    "*Resolved* by",
    "*Not ours*",
    "is a workspace holiday",
    "Workspace holidays",
    "set the main goal for",
)
UNIT = "<!here>&"


def _tick(bot_server, at: datetime) -> None:
    sender = Sender(single_token("xoxb-test"), WorkspaceGate(1000.0), base_url=bot_server.standin.base_url)
    bot_server.clock.now = at
    run_passes(TickContext(bot_server.sessions, sender, ZONE, "test"), at)
    bot_server.standin.settle()


def _recorded_leaks(bot_server, acks: list) -> list[str]:
    standin = bot_server.standin
    standin.settle()
    found = [leak for i, ack in enumerate(acks) for leak in leaks(ack, f"ack {i}")]
    for call in standin.calls():
        found += leaks(call.body, call.method)
        assert "link_names" not in call.body and call.body.get("parse") != "full", (call.method, call.body)
    return sorted(set(found))


def _modal(bot_server, action_id: str, value: str, **who) -> dict:
    """Clicks a button that opens a modal, and returns that modal once it is open."""
    before = len(bot_server.standin.calls("views.open"))
    bot_server.click(action_id, value, **who)
    return opened_view(bot_server.standin, nth=before + 1)


def _one(bot_server, model):
    with bot_server.sessions() as session:
        return session.scalars(select(model).order_by(model.id.desc())).first()


@pytest.fixture
def hostile_goal(bot_server):
    """A goal whose title, why, metric, unit, strategy, tactic and measurement note are all hostile."""
    acks = []

    def make() -> tuple[int, int, list]:
        status, ack, _ = bot_server.command(f"new {HOSTILE} from 78 to 85 by 2027-03-31 because {HOSTILE}")
        assert status == 200, ack
        acks.append(ack)
        goal = _one(bot_server, Goal)
        assert goal is not None and HOSTILE in goal.title and goal.why == HOSTILE, ack
        view = _modal(bot_server, ActionId.ADD_OBJECTIVE, str(goal.id))
        answers = {
            objective_block_id(0, "metric"): HOSTILE,
            objective_block_id(0, "unit"): UNIT,
            objective_block_id(0, "baseline"): "60",
            objective_block_id(0, "target"): "75",
        }
        status, answer = bot_server.submit(view, fill(view, answers))
        assert status == 200 and not answer, answer
        objective = _one(bot_server, Objective)
        assert objective.metric == HOSTILE
        view = _modal(bot_server, ActionId.ADD_STRATEGY, str(goal.id))
        status, answer = bot_server.submit(view, fill(view, {BlockId.STRATEGY_TITLE: HOSTILE}))
        assert status == 200 and not answer, answer
        strategy = _one(bot_server, Strategy)
        view = _modal(bot_server, ActionId.ADD_TACTIC, str(strategy.id))
        tactic = {BlockId.TACTIC_TITLE: HOSTILE, BlockId.TACTIC_OWNER: MEMBER}
        status, answer = bot_server.submit(view, fill(view, {**tactic, BlockId.TACTIC_DUE: "2026-12-15"}))
        assert status == 200 and not answer, answer
        assert _one(bot_server, Tactic).title == HOSTILE
        status, ack, _ = bot_server.command(f"update O{objective.id} 70 {HOSTILE}")
        acks.append(ack)
        return goal.id, objective.id, acks

    return make


def test_a_goal_typed_with_markup_is_shown_literally_everywhere(bot_server, hostile_goal):
    goal_id, objective_id, acks = hostile_goal()
    for text in ("list", f"show G{goal_id}", f"focus G{goal_id}", f"focus G{goal_id} next", "followups"):
        acks.append(bot_server.command(text)[1])
    bot_server.click(ActionId.SHOW_GOAL, str(goal_id))
    edit = _modal(bot_server, ActionId.EDIT_GOAL, str(goal_id))
    status, answer = bot_server.submit(edit, fill(edit, {BlockId.GOAL_WHY: f"{HOSTILE} again"}))
    assert status == 200 and not answer, answer
    for user in (OWNER, MEMBER):
        bot_server.event({"type": "app_home_opened", "user": user, "tab": "home", "channel": "D1"})
        bot_server.standin.wait_for("views.publish")
    update = _modal(bot_server, ActionId.HOME_UPDATE_OBJECTIVE, str(objective_id), user_id=OWNER)
    values = fill(update, {BlockId.UPDATE_VALUE: "71", BlockId.UPDATE_NOTE: HOSTILE})
    status, answer = bot_server.submit(update, values)
    assert status == 200, answer
    acks.append(bot_server.command(f"archive G{goal_id}")[1])
    bot_server.click(ActionId.ARCHIVE_CONFIRM, str(goal_id))
    bot_server.standin.wait_for("response_url", count=3)
    acks.append(bot_server.command("list archived")[1])
    acks.append(bot_server.command(f"restore G{goal_id}")[1])

    bot_server.standin.wait_for("response_url", count=4)  # the restore answers after the ack
    shown = [all_text(c.body) for c in bot_server.standin.calls()] + [all_text(ack) for ack in acks]
    assert [s for s in GOAL_SURFACES if not any(s in text and ESCAPED in text for text in shown)] == []
    found = _recorded_leaks(bot_server, acks)
    assert found == [], "\n".join(found)


def test_refusals_echo_typed_text_escaped_once(bot_server, hostile_goal):
    hostile_goal()
    typed = (HOSTILE, f"update {HOSTILE} 5", f"show {HOSTILE}", f"focus {HOSTILE}", f"report {HOSTILE}")
    acks = [bot_server.command(text)[1] for text in typed]
    acks += [checkin(bot_server, text)[1] for text in (HOSTILE, f"away {HOSTILE}", f"holiday add {HOSTILE}")]
    assert "&lt;!here&gt;" in all_text(acks)
    found = _recorded_leaks(bot_server, acks)
    assert found == [], "\n".join(found)


def test_check_ins_digests_reminders_and_follow_ups_show_typed_text_literally(bot_server, hostile_goal):
    goal_id, objective_id, acks = hostile_goal()
    acks.append(bot_server.command(f"focus G{goal_id}")[1])
    acks.append(bot_server.command(f"focus G{goal_id} next")[1])
    acks.append(checkin(bot_server, f"holiday add 2026-12-24 {HOSTILE}", user_id=ADMIN)[1])
    bot_server.standin.add_channel(CHANNEL, name="<!here>&support")  # Slack's names are escaped too
    schedule(bot_server)  # settles, so the admin's holiday (added after the ack) is stored
    acks.append(checkin(bot_server, "holiday list")[1])
    _tick(bot_server, PROMPT_AT)

    prompt = dm_messages(bot_server, MEMBER)[0]
    # The prompt names its channel with a mention (Slack shows the name), never the name as text.
    assert f"For <#{CHANNEL}>:" in all_text(prompt["blocks"]) and "support" not in all_text(prompt["blocks"])
    delivery_id = button_values(prompt["blocks"], ActionId.CHECKIN_ANSWER)[0]
    form = _modal(bot_server, ActionId.CHECKIN_ANSWER, delivery_id, user_id=MEMBER, channel_id=dm_id(MEMBER))
    answers = {
        checkin_objective_block_id(objective_id): "72",
        BlockId.CHECKIN_CONFIDENCE: "4",
        BlockId.CHECKIN_EXPECTATIONS: HOSTILE,
        BlockId.CHECKIN_OBSTACLES: HOSTILE,
        BlockId.CHECKIN_FOLLOW_UP: ["follow_up"],
        BlockId.CHECKIN_FOLLOW_UP_DESCRIPTION: HOSTILE,
    }
    status, answer = bot_server.submit(form, fill(form, answers), user_id=MEMBER)
    assert status == 200 and not answer, answer
    bot_server.standin.wait_for("chat.update")  # the prompt now says "answered ✓", with Edit
    edit_value = button_values(dm_messages(bot_server, MEMBER)[0]["blocks"], ActionId.CHECKIN_EDIT)[0]
    edit = _modal(bot_server, ActionId.CHECKIN_EDIT, edit_value, user_id=MEMBER, channel_id=dm_id(MEMBER))
    assert HOSTILE in all_text(edit)  # its inputs hold the answer as typed (plain text, never escaped)
    owners_prompt = dm_messages(bot_server, OWNER)[0]
    dm_reply(bot_server, f"O{objective_id} 73 {HOSTILE}", ts="1790000000.000100", user_id=OWNER)
    bot_server.standin.settle()
    assert owners_prompt  # the owner's reply answered their own prompt

    acks.append(checkin(bot_server, "status")[1])
    acks.append(bot_server.command("report month")[1])
    bot_server.standin.wait_for("files.completeUploadExternal")
    acks.append(bot_server.command("export 2026-11")[1])
    bot_server.standin.wait_for("files.completeUploadExternal", count=2)

    not_ours = add_followup(bot_server.sessions, description=HOSTILE, created_at=PROMPT_AT)
    _tick(bot_server, PROMPT_AT + timedelta(minutes=5))
    flagged = _one(bot_server, FollowUp)
    assert flagged is not None
    acks.append(bot_server.command("followups")[1])
    bot_server.click(ActionId.FOLLOWUP_TAKE, str(not_ours - 1), user_id=OWNER)
    resolve = _modal(bot_server, ActionId.FOLLOWUP_RESOLVE, str(not_ours - 1), user_id=OWNER)
    status, answer = bot_server.submit(resolve, fill(resolve, {BlockId.FOLLOWUP_NOTE: HOSTILE}))
    assert status == 200 and not answer, answer
    _tick(bot_server, datetime(2026, 11, 25, 16, 0, tzinfo=UTC))  # the other is overdue now
    reason = _modal(bot_server, ActionId.FOLLOWUP_NOT_OURS, str(not_ours), user_id=OWNER)
    status, answer = bot_server.submit(reason, fill(reason, {BlockId.FOLLOWUP_NOTE: HOSTILE}))
    assert status == 200 and not answer, answer

    for at in (datetime(2026, 11, 30, 14, 1, tzinfo=UTC), datetime(2026, 12, 1, 14, 1, tzinfo=UTC)):
        _tick(bot_server, at)  # the month-end reminder, then December's start and November's digest

    shown = [all_text(c.body) for c in bot_server.standin.calls()] + [all_text(ack) for ack in acks]
    digests = [c for c in bot_server.standin.calls("chat.postMessage") if "Progress digest" in c.body["text"]]
    assert len(digests) >= 2  # `/goals report`, then the tick's own (weekly, monthly)
    # Each was produced, and showed the typed text escaped, not dropped.
    assert [s for s in SURFACES if not any(s in text and ESCAPED in text for text in shown)] == []
    found = _recorded_leaks(bot_server, acks)
    assert found == [], "\n".join(found)


def test_no_web_api_call_asks_slack_to_turn_names_into_mentions(bot_server, hostile_goal):
    hostile_goal()
    _tick(bot_server, PROMPT_AT)
    bot_server.command("report month")
    bot_server.standin.wait_for("files.completeUploadExternal")
    calls = bot_server.standin.calls()
    assert calls
    for call in calls:
        assert "link_names" not in call.body and call.body.get("parse") != "full", (call.method, call.body)
