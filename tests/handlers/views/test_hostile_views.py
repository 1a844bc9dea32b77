"""The view builders given read models whose every typed field is hostile: nothing they make may hold
markup a person typed, text escaped twice, or escaped plain_text (tests/hostile_text.py). The e2e
walk (tests/e2e/test_hostile_text.py) proves the same through Slack; this one names the builder."""

from datetime import UTC, date, datetime

import pytest

from bot.domain.reports.digest import build_digest
from bot.domain.reports.digest_inputs import DigestInputs, GoalFigures, ObjectiveFigures
from bot.domain.reports.periods import period_for
from bot.domain.reports.quotes import QuoteCandidate
from bot.domain.reports.themes import Theme
from bot.services.archiving import Archived, ArchivePreview, Restored
from bot.services.read_models import GoalPage, MeasurementSummary
from handlers.views.archive_blocks import (
    archived_text,
    build_archive_question,
    build_archived,
    build_restored,
    restored_text,
)
from handlers.views.blocks import unchecked_dicts
from handlers.views.goal_list import build_goal_list
from handlers.views.goal_tree import build_goal_tree
from handlers.views.home import build_home
from handlers.views.measurement_notices import build_measurement_recorded
from handlers.views.notices import build_focus_confirm, build_focus_set, build_goal_saved
from handlers.views.report_digest import build_digest_parent, build_digest_thread
from tests.handlers.views.factories import (
    TODAY,
    make_goal,
    make_objective,
    make_strategy,
    make_tactic,
    make_tree,
)
from tests.hostile_text import HOSTILE, leaks

OBJECTIVE = make_objective(metric=HOSTILE, unit="<!here>&")
TACTIC = make_tactic(title=HOSTILE)
GOAL = make_goal(title=HOSTILE, why=HOSTILE, parent_title=HOSTILE, objectives=(OBJECTIVE,))
NOTE = MeasurementSummary(
    id=1,
    objective_ref="O7",
    metric=HOSTILE,
    value=80.0,
    unit="<!here>&",
    recorded_at=datetime(2027, 2, 12, 9, 0, tzinfo=UTC),
    user_id="U1",
    note=HOSTILE,
)
TREE = make_tree(
    goal=GOAL,
    strategies=(make_strategy(title=HOSTILE, tactics=(TACTIC,)),),
    children=(GOAL,),
    recent=(NOTE,),
)


def _digest():
    figures = ObjectiveFigures(
        1, HOSTILE, current=5.0, previous=None, baseline=0.0, target=10.0, start=date(2027, 1, 1), due=TODAY
    )
    quote = QuoteCandidate(HOSTILE, date(2027, 2, 3), False, 1, 3, author_key="U1")
    inputs = DigestInputs(
        period=period_for("2027-02", TODAY),
        today=TODAY,
        goals=[GoalFigures(1, HOSTILE, objectives=(figures,))],
        quotes=[quote],
        themes=[Theme(HOSTILE, False, 3)],
        categories={HOSTILE: 2},
    )
    return build_digest(inputs)


def _messages():
    digest = _digest()
    archived = Archived(goal=GOAL, archived=("G2",), detached=())
    return {
        "goal list": build_goal_list(_page(), channel_id="C1"),
        "goal tree": build_goal_tree(TREE, can_edit=True, today=TODAY),
        "home": build_home(
            user_id="U1", my_goals=[GOAL], focus_goals=[GOAL], month_label="February 2027", today=TODAY
        ).blocks,
        "saved": build_goal_saved(GOAL, created=True),
        "focus": build_focus_set(GOAL, "February 2027") + build_focus_confirm(GOAL, GOAL, month_label="Feb"),
        "archive": build_archive_question(ArchivePreview(goal=GOAL, children=(), descendants=0))
        + build_archived(archived),
        "archived text": archived_text(archived),
        "restored": build_restored(Restored(goal=GOAL, left_parent=None)),
        "restored text": restored_text(Restored(goal=GOAL, left_parent=None)),
        "measurement": build_measurement_recorded(OBJECTIVE, HOSTILE, previous=1.0, measurement_id=3),
        "digest": [build_digest_parent(digest), *build_digest_thread(digest)],
    }


def _page():
    return GoalPage(goals=(GOAL,), page=1, page_size=10, total=1, archived=False)


@pytest.mark.parametrize("name", sorted(_messages()))
def test_no_builder_lets_typed_markup_through(name):
    made = _messages()[name]
    payload = made if isinstance(made, str) else _plain(made)
    assert leaks({"text": payload} if isinstance(payload, str) else payload, name) == []
    assert "&lt;!here&gt;" in str(payload)  # shown, escaped, not dropped


def _plain(made):
    if isinstance(made, (list, tuple)):
        return [_plain(item) for item in made]
    if isinstance(made, str):
        return {"text": made}
    return unchecked_dicts([made])[0]
