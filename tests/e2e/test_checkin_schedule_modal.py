"""`/checkin schedule` opens the schedule modal: a time input, an "anonymous" choice, defaults elsewhere."""

from sqlalchemy import select

from handlers.ids import BlockId, CallbackId
from models.checkins import Schedule
from models.people import Membership
from tests.e2e.checkin_helpers import checkin, schedule_with_form
from tests.e2e.helpers import all_text, fill, opened_view
from tests.fixtures.bot import CHANNEL, MEMBER, OWNER


def test_the_modal_has_a_time_input_an_anonymous_choice_and_defaults_for_the_rest(bot_server):
    checkin(bot_server, "schedule")
    view = opened_view(bot_server.standin)

    assert view["callback_id"] == CallbackId.CHECKIN_SCHEDULE_MODAL
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert inputs[BlockId.CHECKIN_TIME]["element"]["type"] == "timepicker"
    assert "time" in inputs[BlockId.CHECKIN_TIME]["label"]["text"].lower()
    assert "anonymous" in all_text(inputs[BlockId.CHECKIN_ANONYMOUS]).lower()
    values = fill(view)
    assert values[BlockId.CHECKIN_TIME]["input"]["selected_time"] is None
    assert values[BlockId.CHECKIN_WINDOW]["input"]["selected_option"]["value"] == "240"
    assert values[BlockId.CHECKIN_REMINDERS]["input"]["selected_option"]["value"] == "1"
    assert values[BlockId.CHECKIN_REMINDER_AFTER]["input"]["selected_option"]["value"] == "120"
    assert values[BlockId.CHECKIN_QUIET_START]["input"]["selected_time"] == "20:00"
    assert values[BlockId.CHECKIN_QUIET_END]["input"]["selected_time"] == "08:00"
    assert values[BlockId.CHECKIN_MIN_ANSWERS]["input"]["value"] == "3"
    assert len(values[BlockId.CHECKIN_WEEKDAYS]["input"]["selected_options"]) == 5


def test_submitting_stores_the_schedule_with_exclusions_and_reads_the_members(bot_server):
    answer = schedule_with_form(
        bot_server,
        {
            BlockId.CHECKIN_WEEKDAYS: ["mon", "thu"],
            BlockId.CHECKIN_TIME: "08:45",
            BlockId.CHECKIN_EXCLUDED: [OWNER],
            BlockId.CHECKIN_ANONYMOUS: ["anonymous"],
            BlockId.CHECKIN_MIN_ANSWERS: "5",
        },
    )

    assert not answer, answer
    with bot_server.sessions() as session:
        stored = session.scalars(select(Schedule)).one()
        assert (stored.weekdays, str(stored.local_time), stored.anonymous) == ("mon,thu", "08:45:00", True)
        assert (stored.min_answers, stored.excluded_user_ids, stored.channel_id) == (5, [OWNER], CHANNEL)
        assert set(session.scalars(select(Membership.user_id))) == {OWNER, MEMBER}


def test_no_days_no_time_or_too_few_anonymous_answers_are_refused_inline_and_nothing_stored(bot_server):
    answer = schedule_with_form(
        bot_server,
        {
            BlockId.CHECKIN_WEEKDAYS: [],
            BlockId.CHECKIN_TIME: None,
            BlockId.CHECKIN_MIN_ANSWERS: "2",
            BlockId.CHECKIN_OBJECTIVES: "O3, banana",
        },
    )

    assert set(answer["errors"]) == {
        BlockId.CHECKIN_WEEKDAYS,
        BlockId.CHECKIN_TIME,
        BlockId.CHECKIN_MIN_ANSWERS,
        BlockId.CHECKIN_OBJECTIVES,
    }
    with bot_server.sessions() as session:
        assert session.scalars(select(Schedule)).all() == []
