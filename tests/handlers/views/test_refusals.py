"""Each refusal's wording: mentions, ids and `/goals …` advice live here, not in the services."""

import inspect
from datetime import date

import pytest

from bot.domain.checkins.spec import ScheduleProblem
from bot.domain.drafts import SmartProblem
from bot.domain.enums import GoalLevel, GoalStatus, SmartPart
from bot.services import errors
from bot.services.checkins import refusals as checkins
from bot.services.reports import report_refusals as reports
from handlers.views.refusals import FALLBACK, describe_refusal

REFUSALS = [
    errors.SmartIncomplete([SmartProblem(SmartPart.TIME_BOUND, "due_date", "Add a due date.")]),
    errors.GoalNotFound("G12"),
    errors.GoalArchived("O7", "G12"),
    errors.ParentNotFound("G12", field="parent"),
    errors.StrategyNotFound("S2"),
    errors.TacticNotFound("T3"),
    errors.ObjectiveNotFound("O7"),
    errors.NoObjectiveNamed("NPS"),
    errors.AmbiguousObjective("csat", [errors.ObjectiveCandidate("O7", "CSAT", 85)]),
    errors.NoWorkspace(),
    errors.NotEditor("G12", "U0OWNER"),
    errors.NotTacticCompleter("T3", "U0DOER", "U0OWNER"),
    errors.DueDateInPast("tactic", date(2026, 1, 1), date(2026, 11, 23), field="due_date"),
    errors.TitleMissing("strategy", field="title"),
    errors.ParentIsDescendant("G12", "G13", field="parent"),
    errors.StaleForm(),
    errors.NotAnnual("G12", GoalLevel.QUARTERLY),
    errors.AlreadyBrokenDown("G12"),
    errors.NoObjectivesToSplit("G12"),
    errors.FocusNeedsChannel(),
    errors.FocusMonthOver(date(2027, 2, 1), date(2027, 3, 2)),
    errors.GoalInOtherChannel("G12", "C0OTHER"),
    errors.MeasurementOutOfRange(1e300, 1e12, field="value"),
    errors.NothingToUndo("O7"),
    errors.MeasurementNotFound(42),
    errors.UndoNotAllowed("O7", "U0AUTHOR", "U0OWNER"),
    errors.NotArchived(12, GoalStatus.ACTIVE),
    errors.TextTooLong(150, 151, field="title"),
    errors.DueTooFar(date(9999, 12, 30), date(2036, 11, 23), field="due_date"),
    errors.DueAfterParent("G12", date(2027, 3, 31), date(2027, 6, 30)),
    errors.BreakdownTooLarge("G12", 160, 48),
]
REPORT_REFUSALS = [
    reports.NotSettingsEditor("C0SUPPORT", ("U0OWNER", "U0LEAD")),
    reports.PeriodBeforeChannel("1999-01", date(2026, 11, 2)),
    reports.PeriodInFuture("2099-01", date(2026, 11, 23), export=True),
]
CHECKIN_REFUSALS = [
    checkins.ScheduleInvalid([ScheduleProblem("weekdays", "Pick at least one day, e.g. mon,wed,fri.")]),
    checkins.NoSchedule("C0SUPPORT"),
    checkins.NotScheduleOwner("C0SUPPORT", "U0OWNER"),
    checkins.AdminOnly(),
    checkins.NoHoliday(date(2026, 12, 25), field="day"),
    checkins.HolidayExists(date(2026, 12, 25), "Christmas", field="day"),
    checkins.NoOpenCheckin("C0SUPPORT"),
    checkins.AlreadyAnswered("C0SUPPORT"),
    checkins.BadConfidence(9, field="confidence"),
    checkins.UnknownObjective(3, field="objective.3"),
    checkins.FollowUpNeedsDescription(field="follow_up"),
    checkins.UnknownPrompt(10**25),
]


def test_every_refusal_the_services_can_raise_has_its_own_words():
    defined = {
        cls
        for _, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.ServiceError) and cls is not errors.ServiceError
    }
    assert {type(r) for r in REFUSALS} == defined
    for refusal in REFUSALS:
        assert describe_refusal(refusal) != FALLBACK, refusal


def test_every_checkin_refusal_has_its_own_words():
    defined = {
        cls
        for _, cls in inspect.getmembers(checkins, inspect.isclass)
        if issubclass(cls, errors.ServiceError) and cls.__module__ == checkins.__name__
    }
    assert {type(r) for r in CHECKIN_REFUSALS} == defined
    worded = [describe_refusal(refusal) for refusal in CHECKIN_REFUSALS]
    assert FALLBACK not in worded and len(set(worded)) == len(worded)


def test_checkin_refusals_name_the_channel_the_owner_and_what_to_type():
    assert "<#C0SUPPORT>" in describe_refusal(checkins.NoSchedule("C0SUPPORT"))
    assert "`/checkin schedule mon,wed,fri 09:00`" in describe_refusal(checkins.NoSchedule("C0SUPPORT"))
    assert "<@U0OWNER>" in describe_refusal(checkins.NotScheduleOwner("C0SUPPORT", "U0OWNER"))
    assert "can't be answered any more" in describe_refusal(checkins.NoOpenCheckin("C0SUPPORT"))
    assert "Edit" in describe_refusal(checkins.AlreadyAnswered("C0SUPPORT"))
    assert "2026-12-25" in describe_refusal(checkins.NoHoliday(date(2026, 12, 25)))
    exists = describe_refusal(checkins.HolidayExists(date(2026, 12, 25), "Christmas"))
    assert "Christmas" in exists and "`/checkin holiday remove 2026-12-25`" in exists


@pytest.mark.parametrize("field", ["expectations", "obstacles", "follow_up"])
def test_a_check_in_text_over_its_limit_names_the_limit_and_the_field(field):
    text = describe_refusal(errors.TextTooLong(3000, 3499, field=field))
    assert "3,499 characters" in text and "3,000" in text and "nothing was saved" in text
    assert text != describe_refusal(errors.TextTooLong(3000, 3499, field="title"))


@pytest.mark.parametrize(
    "refusal", REFUSALS + CHECKIN_REFUSALS + REPORT_REFUSALS, ids=lambda r: type(r).__name__
)
def test_a_refusal_as_text_shows_facts_not_a_sentence(refusal):
    assert str(refusal).startswith(type(refusal).__name__ + "(")


def test_not_an_editor_names_the_owner_and_points_to_what_they_can_still_do():
    text = describe_refusal(errors.NotEditor("G12", "U0OWNER"))
    assert "<@U0OWNER>" in text and "G12" in text and "`/goals update`" in text


def test_a_tactic_can_be_ticked_by_its_owner_or_the_goals_owner():
    text = describe_refusal(errors.NotTacticCompleter("T3", "U0DOER", "U0OWNER"))
    assert "<@U0DOER>" in text and "<@U0OWNER>" in text


def test_a_goal_in_another_channel_links_that_channel_and_says_what_to_run_there():
    text = describe_refusal(errors.GoalInOtherChannel("G12", "C0OTHER"))
    assert "<#C0OTHER>" in text and "`/goals focus G12`" in text


def test_an_ambiguous_name_lists_each_candidate_and_an_example_with_the_first_id():
    refusal = errors.AmbiguousObjective(
        "csat",
        [errors.ObjectiveCandidate("O7", "CSAT", 85), errors.ObjectiveCandidate("O9", "CSAT (EU)", 1200)],
    )
    text = describe_refusal(refusal)
    assert "`O7` CSAT (target 85)" in text and "`O9` CSAT (EU) (target 1,200)" in text
    assert "`/goals update O7 <value>`" in text


def test_names_people_typed_cannot_ping_anyone():
    text = describe_refusal(errors.NoObjectiveNamed("<!channel>"))
    assert "<!channel>" not in text and "&lt;!channel&gt;" in text


def test_not_found_ids_point_to_the_list():
    for refusal in (errors.GoalNotFound("G12"), errors.StrategyNotFound("S2"), errors.TacticNotFound("T3")):
        text = describe_refusal(refusal)
        assert refusal.ref in text and "`/goals list`" in text


def test_a_past_due_date_quotes_the_date_and_the_first_day_that_works():
    text = describe_refusal(errors.DueDateInPast("objective", date(2026, 1, 1), date(2026, 11, 23)))
    assert "objective" in text and "2026-01-01" in text and "2026-11-23" in text


def test_breakdown_refusals_say_what_the_goal_is_and_what_to_do():
    assert "quarterly" in describe_refusal(errors.NotAnnual("G12", GoalLevel.QUARTERLY))
    assert "`/goals show G12`" in describe_refusal(errors.AlreadyBrokenDown("G12"))
    assert "Add an objective to G12" in describe_refusal(errors.NoObjectivesToSplit("G12"))


def test_every_report_refusal_has_its_own_words():
    defined = {
        cls
        for _, cls in inspect.getmembers(reports, inspect.isclass)
        if issubclass(cls, errors.ServiceError) and cls.__module__ == reports.__name__
    }
    assert {type(r) for r in REPORT_REFUSALS} == defined
    worded = [describe_refusal(refusal) for refusal in REPORT_REFUSALS]
    assert FALLBACK not in worded and len(set(worded)) == len(worded)


def test_a_settings_refusal_says_who_may_change_them():
    text = describe_refusal(reports.NotSettingsEditor("C0SUPPORT", ("U0OWNER", "U0LEAD")))
    assert "workspace admin" in text and "<@U0OWNER>" in text and "<@U0LEAD>" in text
    assert "admin" in describe_refusal(reports.NotSettingsEditor("C0SUPPORT", ()))
    many = describe_refusal(reports.NotSettingsEditor("C0SUPPORT", tuple(f"U{i}" for i in range(8))))
    assert "and 3 more" in many


def test_a_period_refusal_says_why_and_which_periods_work():
    before = describe_refusal(reports.PeriodBeforeChannel("1999-01", date(2026, 11, 2)))
    assert "1999-01" in before and "2026-11-02" in before and "`/goals report 2026-11`" in before
    future = describe_refusal(reports.PeriodInFuture("2099-01", date(2026, 11, 23), export=True))
    assert "hasn't started" in future and "nothing was uploaded" in future and "`/goals export`" in future


def test_a_goal_number_past_the_limit_names_the_field_and_the_limit_not_goals_update():
    text = describe_refusal(errors.MeasurementOutOfRange(1e25, 1e12, field="objective.0.target"))
    assert "target 1e+25" in text and "1,000,000,000,000" in text and "/goals update" not in text


def test_an_archived_goal_is_not_missing_and_says_how_to_restore_it():
    assert "`/goals restore G12`" in describe_refusal(errors.GoalArchived("G12", "G12"))
    text = describe_refusal(errors.GoalArchived("O7", "G12"))
    assert "O7 belongs to G12" in text and "archived" in text and "`/goals restore G12`" in text


def test_a_goal_due_after_its_parent_names_the_parents_due_date():
    text = describe_refusal(errors.DueAfterParent("G12", date(2027, 3, 31), date(2027, 6, 30)))
    assert "G12" in text and "2027-03-31" in text and "2027-06-30" in text


def test_a_checkin_number_past_the_limit_names_the_objective_not_goals_update():
    text = describe_refusal(errors.MeasurementOutOfRange(1e25, 1e12, field="objective.7"))
    assert "O7" in text and "1,000,000,000,000" in text and "/goals update" not in text
