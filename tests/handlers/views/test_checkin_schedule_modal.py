"""The schedule modal: a time input, an "anonymous" choice, and a default for every other input."""

from datetime import time, timedelta

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import Questions, ReminderPolicy, ScheduleSpec
from bot.slack.standin.requests import fill as submitted_values
from handlers.ids import BlockId
from handlers.metadata import CheckinScheduleMeta
from handlers.views.checkin_schedule_form import read_schedule_form
from handlers.views.checkin_schedule_modal import build_schedule_modal
from tests.handlers.views.slack_checks import view_dict

META = CheckinScheduleMeta(channel_id="C1")


def inputs(view: dict) -> dict[str, dict]:
    return {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}


def test_the_time_is_the_only_input_without_a_default():
    view = view_dict(build_schedule_modal(META, None))
    values = submitted_values(view)
    empty = {block for block, actions in values.items() for a in actions.values() if not _has_value(a)}
    optional = {b for b, block in inputs(view).items() if block.get("optional")}
    assert empty - optional == {BlockId.CHECKIN_TIME}
    assert "Time" in inputs(view)[BlockId.CHECKIN_TIME]["label"]["text"]
    assert "anonymous" in inputs(view)[BlockId.CHECKIN_ANONYMOUS]["label"]["text"].lower()


def _has_value(action: dict) -> bool:
    return any(action.get(k) for k in ("value", "selected_option", "selected_options", "selected_time"))


def test_a_submitted_form_reads_back_into_the_spec_it_showed():
    values = submitted_values(view_dict(build_schedule_modal(META, None)))
    values[BlockId.CHECKIN_TIME]["input"]["selected_time"] = "09:15"

    form, errors = read_schedule_form(values)

    assert errors == {} and form is not None
    spec = form.spec
    assert spec.weekdays == frozenset({Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI})
    assert (spec.local_time, spec.window, spec.reminders) == (
        time(9, 15),
        timedelta(hours=4),
        ReminderPolicy(),
    )
    assert (spec.anonymous, spec.min_answers, spec.questions) == (False, 3, Questions())
    assert (spec.quiet_hours.start, spec.quiet_hours.end) == (time(20), time(8))
    assert (form.audience_id, form.excluded_user_ids) == (None, ())


def test_tampered_selects_fall_back_to_defaults_and_bad_groups_are_refused():
    values = submitted_values(view_dict(build_schedule_modal(META, None)))
    values[BlockId.CHECKIN_TIME]["input"]["selected_time"] = "09:15"
    values[BlockId.CHECKIN_WINDOW]["input"]["selected_option"] = {"value": "999999"}
    values[BlockId.CHECKIN_AUDIENCE]["input"]["value"] = "everyone"
    form, errors = read_schedule_form(values)
    assert form is None and set(errors) == {BlockId.CHECKIN_AUDIENCE}


def test_a_current_schedule_is_shown_as_it_is():
    from datetime import UTC, datetime

    from bot.services.checkins.read_models import ScheduleView

    spec = ScheduleSpec(
        1,
        frozenset({Weekday.SAT}),
        time(7, 5),
        anonymous=True,
        min_answers=4,
        questions=Questions(objective_ids=(3, 7), category=False),
    )
    current = ScheduleView(1, "C1", "U1", "C1", ("U2",), spec, True, datetime(2027, 1, 1, tzinfo=UTC), 5)
    values = submitted_values(view_dict(build_schedule_modal(META, current)))
    form, errors = read_schedule_form(values)
    assert errors == {} and form is not None
    assert form.spec.weekdays == spec.weekdays and form.spec.local_time == spec.local_time
    assert form.spec.questions == spec.questions and form.spec.anonymous and form.spec.min_answers == 4
    assert form.excluded_user_ids == ("U2",)
