"""bot/domain/limits.py: each limit fits its column, control characters go, due dates and pages are
bounded."""

from datetime import date

import pytest

from bot.domain import limits
from bot.domain.drafts import GoalDraft, ObjectiveDraft
from bot.domain.smart import check_smart
from models.goals import Goal, Measurement, Objective, Strategy, Tactic


@pytest.mark.parametrize(
    ("limit", "column"),
    [
        (limits.GOAL_TITLE, Goal.__table__.c.title),
        (limits.METRIC, Objective.__table__.c.metric),
        (limits.UNIT, Objective.__table__.c.unit),
        (limits.STRATEGY_TITLE, Strategy.__table__.c.title),
        (limits.TACTIC_TITLE, Tactic.__table__.c.title),
    ],
)
def test_each_limit_fits_its_column(limit, column):
    assert limit <= column.type.length


@pytest.mark.parametrize("column", [Goal.__table__.c.why, Measurement.__table__.c.note])
def test_unbounded_columns_still_have_a_limit(column):
    assert getattr(column.type, "length", None) is None
    assert limits.WHY > 0 and limits.NOTE > 0


def test_strip_control_drops_nul_but_keeps_newlines_and_tabs():
    assert limits.strip_control("a\x00b\x07c\nd\te\x7f") == "abc\nd\te"


def test_overlong_in_draft_names_each_field_with_its_limit():
    draft = GoalDraft(
        title="t" * (limits.GOAL_TITLE + 1),
        objectives=(ObjectiveDraft(metric="ok"), ObjectiveDraft(metric="m" * 101, unit="u" * 31)),
    )

    found = [(o.field, o.limit, o.length) for o in limits.overlong_in_draft(draft)]

    assert found == [
        ("title", limits.GOAL_TITLE, limits.GOAL_TITLE + 1),
        ("objective.1.metric", limits.METRIC, 101),
        ("objective.1.unit", limits.UNIT, 31),
    ]


def test_a_due_date_beyond_the_bound_is_a_time_bound_problem():
    today = date(2026, 11, 23)
    draft = GoalDraft(
        title="Raise CSAT for regulars",
        why="because they return",
        due_date=limits.latest_due(today),
        objectives=(ObjectiveDraft("CSAT", "%", 78, 85),),
    )

    assert check_smart(draft, today) == []
    later = check_smart(GoalDraft(**{**draft.__dict__, "due_date": date(9999, 12, 30)}), today)
    assert [(p.field, "10 years" in p.hint) for p in later] == [("due_date", True)]


@pytest.mark.parametrize(
    ("word", "page"),
    [("1", 1), ("2", 2), ("100000", limits.MAX_PAGE), ("100001", None), ("0", None), ("-1", None),
     ("1.5", None), ("²", None), ("", None)],
)  # fmt: skip
def test_a_page_is_a_whole_number_from_one_to_the_most_pages(word, page):
    assert limits.page_number(word) == page
