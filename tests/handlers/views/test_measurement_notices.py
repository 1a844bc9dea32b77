from datetime import UTC, datetime

from bot.domain.enums import PaceStatus
from bot.services.measurement_undo import Undone
from bot.services.measurements import NeedsConfirmation
from bot.services.read_models import MeasurementSummary
from handlers.ids import ActionId
from handlers.views.goal_tree import build_goal_tree
from handlers.views.measurement_notices import (
    build_confirm_measurement,
    build_measurement_recorded,
    build_measurement_undone,
)
from tests.handlers.views.factories import TODAY, make_objective, make_tree
from tests.handlers.views.slack_checks import all_texts as _texts
from tests.handlers.views.slack_checks import message_dicts


def all_texts(blocks: list[dict]) -> str:
    return "\n".join(_texts(blocks))


def _buttons(blocks: list[dict]) -> dict[str, str]:
    return {
        element["action_id"]: element["value"]
        for block in blocks
        if block["type"] == "actions"
        for element in block["elements"]
    }


def test_a_recorded_measurement_offers_undo_for_that_measurement():
    blocks = message_dicts(build_measurement_recorded(make_objective(), "Raise CSAT", measurement_id=41))
    assert _buttons(blocks) == {ActionId.UNDO_MEASUREMENT: "41"}


def test_an_achieved_objective_says_so():
    blocks = message_dicts(
        build_measurement_recorded(make_objective(progress=1.0, status=PaceStatus.ACHIEVED), "Raise CSAT")
    )
    assert "achieved" in all_texts(blocks) and "on track" not in all_texts(blocks)


def test_a_far_off_value_asks_with_two_buttons_and_no_percentage():
    asked = NeedsConfirmation(7, "O7", "CSAT score", "%", 78, 85, -5, None)
    blocks = message_dicts(build_confirm_measurement(asked, '{"o":7,"v":-5.0}'))
    text = all_texts(blocks)
    assert "-5%" in text and "78% → 85%" in text and "1186" not in text
    assert _buttons(blocks) == {
        ActionId.CONFIRM_MEASUREMENT: '{"o":7,"v":-5.0}',
        ActionId.CANCEL_MEASUREMENT: "7",
    }


def test_undone_and_already_undone_read_differently():
    objective = make_objective(current=80)
    fresh = all_texts(message_dicts(build_measurement_undone(Undone(objective, 83, already=False))))
    again = all_texts(message_dicts(build_measurement_undone(Undone(objective, 83, already=True))))
    assert "Undid 83%" in fresh and "80%" in fresh
    assert "already undone" in again


def _measurement(n: int, note: str | None) -> MeasurementSummary:
    return MeasurementSummary(
        id=n,
        objective_ref="O7",
        metric="CSAT score",
        unit="%",
        value=80 + n,
        user_id=f"U{n}",
        recorded_at=datetime(2027, 2, n, 9, tzinfo=UTC),
        note=note,
    )


def test_the_tree_shows_recent_measurements_with_notes_within_slack_limits():
    long_notes = [_measurement(n, "<!channel> " + "x" * 5000) for n in (3, 2, 1)]
    recent = (_measurement(5, "after the *new* rota\nsecond line"), _measurement(4, None), *long_notes)
    blocks = message_dicts(build_goal_tree(make_tree(recent=recent), can_edit=True, today=TODAY))
    text = all_texts(blocks)
    assert "Recent measurements" in text
    assert text.index("2027-02-05") < text.index("2027-02-04") < text.index("2027-02-03")
    assert "after the *new* rota second line" in text and "<@U5>" in text
    assert "<!channel>" not in text


def test_the_tree_has_no_recent_section_before_any_measurement():
    blocks = message_dicts(build_goal_tree(make_tree(), can_edit=True, today=TODAY))
    assert "Recent measurements" not in all_texts(blocks)
