"""What /checkin says back: the rate as a/n, names only for named check-ins, and the Home section."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from bot.services.checkins.read_models import CheckinStatus, HomeCheckins, NextCheckin, OpenCheckin
from handlers.ids import ActionId
from handlers.views.checkin_home import build_checkin_section
from handlers.views.checkin_notices import status_text
from tests.handlers.views.slack_checks import all_texts, message_dicts

NY = ZoneInfo("America/New_York")


def test_status_shows_the_rate_and_who_is_missing():
    text = status_text(CheckinStatus("C1", False, 3, 5, ("U1", "U2")))
    assert "3/5" in text and "<@U1>" in text and "<@U2>" in text


def test_an_anonymous_status_shows_the_rate_only():
    text = status_text(CheckinStatus("C1", True, 1, 4, ()))
    assert "1/4" in text and "<@" not in text


def _open(**changes) -> OpenCheckin:
    fields = dict(
        schedule_id=1,
        channel_id="C1",
        local_date=date(2027, 3, 1),
        anonymous=False,
        late_at=datetime(2027, 3, 1, 18, tzinfo=UTC),
        closes_at=datetime(2027, 3, 2, 14, tzinfo=UTC),
        answered=False,
        delivery_id=41,
    )
    return OpenCheckin(**{**fields, **changes})


def _buttons(blocks) -> list[tuple[str, str]]:
    return [
        (b["accessory"]["text"]["text"], b["accessory"]["value"])
        for b in message_dicts(blocks)
        if b.get("accessory", {}).get("action_id") == ActionId.CHECKIN_ANSWER
    ]


def test_home_offers_answer_on_an_open_checkin_and_says_when_i_am_away():
    checkins = HomeCheckins(
        date(2027, 3, 5),
        NextCheckin("C1", datetime(2027, 3, 3, 14, tzinfo=UTC)),
        (_open(),),
        "America/New_York",
    )
    blocks = build_checkin_section(checkins, tz=NY, today=date(2027, 3, 1))
    assert _buttons(blocks) == [("Answer", "41")]
    text = " ".join(all_texts(message_dicts(blocks)))
    assert "away until" in text and "Next:" in text


def test_home_never_offers_to_edit_an_anonymous_answer_from_home():
    checkins = HomeCheckins(None, None, (_open(anonymous=True, answered=True),), "America/New_York")
    assert _buttons(build_checkin_section(checkins, tz=NY, today=date(2027, 3, 1))) == []


def test_home_has_no_checkin_section_for_someone_not_asked():
    nobody = HomeCheckins(None, None, (), "America/New_York")
    assert build_checkin_section(nobody, tz=NY, today=date(2027, 3, 1)) == []
