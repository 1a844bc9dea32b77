from datetime import date, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.checkins.command_types import (
    Away,
    Back,
    CheckinCommand,
    HolidayAdd,
    HolidayList,
    HolidayRemove,
    Invalid,
    OpenToday,
    ScheduleForm,
    ScheduleOff,
    ScheduleQuick,
    ScheduleShow,
    Status,
)
from bot.domain.checkins.command_types import Help as CheckinHelp
from bot.domain.checkins.commands import help_lines, parse_checkin_command, parse_local_time
from bot.domain.checkins.enums import Weekday

TODAY = date(2026, 11, 24)
MWF = frozenset({Weekday.MON, Weekday.WED, Weekday.FRI})


def parse(text: str):
    return parse_checkin_command(text, TODAY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", OpenToday()),
        ("   ", OpenToday()),
        ("help", CheckinHelp()),
        ("HELP me", CheckinHelp()),
        ("schedule", ScheduleForm()),
        ("schedule show", ScheduleShow()),
        ("Schedule OFF", ScheduleOff()),
        ("schedule mon,wed,fri 09:00", ScheduleQuick(MWF, time(9, 0))),
        ("schedule MON,Wed,fri 9:00", ScheduleQuick(MWF, time(9, 0))),
        ("schedule tue 17:45", ScheduleQuick(frozenset({Weekday.TUE}), time(17, 45))),
        (
            "schedule mon-fri 00:00",
            ScheduleQuick(frozenset(Weekday) - {Weekday.SAT, Weekday.SUN}, time(0, 0)),
        ),
        ("schedule sat,sun 23:59", ScheduleQuick(frozenset({Weekday.SAT, Weekday.SUN}), time(23, 59))),
        ("status", Status()),
        ("away until 2026-12-24", Away(date(2026, 12, 24))),
        ("away until December 24", Away(date(2026, 12, 24))),
        ("away until 2026-11-24", Away(TODAY)),
        ("away 2w", Away(date(2026, 12, 7))),  # 14 days from today: the 24th … Dec 7th
        ("away 3d", Away(date(2026, 11, 26))),
        ("away 1w", Away(date(2026, 11, 30))),
        ("away 1d", Away(TODAY)),
        ("away 10 days", Away(date(2026, 12, 3))),
        ("back", Back()),
        ("holiday add 2026-12-25 Christmas", HolidayAdd(date(2026, 12, 25), "Christmas")),
        ("holiday add 2026-12-26 Boxing Day", HolidayAdd(date(2026, 12, 26), "Boxing Day")),
        ("holiday add 2027-01-01", HolidayAdd(date(2027, 1, 1), "Holiday")),
        ("holiday list", HolidayList()),
        ("holiday remove 2026-12-25", HolidayRemove(date(2026, 12, 25))),
    ],
)
def test_the_grammar(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "must_mention"),
    [
        ("schedule mon,wed,fri", "/checkin schedule mon,wed,fri 09:00"),
        ("schedule mon,wed,fri 09:00 extra", "/checkin schedule mon,wed,fri 09:00"),
        ("schedule mon,wod,fri 09:00", "`mon,wod,fri` is not a list of days"),
        ("schedule mon,,fri 09:00", "not a list of days"),
        ("schedule mon;fri 09:00", "not a list of days"),
        ("schedule mon,wed,fri 25:00", "`25:00` is not a time"),
        ("schedule mon,wed,fri 9am", "`9am` is not a time"),
        ("schedule mon,wed,fri 09:60", "24-hour HH:MM"),
        ("schedule 09:00 mon", "not a list of days"),
        ("away", "/checkin away 2w"),
        ("away until", "not a date"),
        ("away until someday", "not a date"),
        ("away until 2026-11-01", "2026-11-01 has passed"),
        ("away 0d", "/checkin away 2w"),
        ("away 2x", "/checkin away 2w"),
        ("away 60w", "more than a year"),
        ("holiday", "/checkin holiday add 2026-12-25 Christmas"),
        ("holiday add", "/checkin holiday add 2026-12-25 Christmas"),
        ("holiday add 2026-13-01 Nope", "is not a date"),
        ("holiday add 2026-12-25 " + "x" * 101, "100 characters or fewer"),
        ("holiday remove 2026-12-25 Christmas", "takes only the date"),
        ("holiday list all", "/checkin holiday list"),
        ("status now", "takes nothing"),
        ("back tomorrow", "takes nothing"),
        ("frobnicate", "`/checkin` has no `frobnicate`"),
        ("stauts", "Did you mean `/checkin status`?"),
        ("STAUTS", "Did you mean `/checkin status`?"),
        ("scheduel mon 09:00", "Did you mean `/checkin schedule`?"),
        ("bakc", "Did you mean `/checkin back`?"),
        ("holliday list", "Did you mean `/checkin holiday`?"),
        ("schedule shwo", "Did you mean `/checkin schedule show`?"),
        ("holiday lsit", "Did you mean `/checkin holiday list`?"),
        ("holiday remvoe 2026-12-25", "Did you mean `/checkin holiday remove`?"),
    ],
)
def test_bad_input_says_what_to_type_instead(text, must_mention):
    result = parse(text)
    assert isinstance(result, Invalid)
    assert must_mention in result.message
    assert "`/checkin" in result.message  # always an example to copy


@pytest.mark.parametrize("text", ["frobnicate", "xyz", "schedule tomorrow", "holiday everything"])
def test_no_guess_is_offered_for_a_word_close_to_nothing(text):
    result = parse(text)
    assert isinstance(result, Invalid) and "Did you mean" not in result.message


def test_a_pasted_paragraph_is_not_echoed_back_whole():
    result = parse("x" * 500)
    assert isinstance(result, Invalid) and len(result.message) < 200


@given(st.text(max_size=80))
def test_any_text_parses_to_a_command(text):
    result = parse(text)
    assert isinstance(result, CheckinCommand)


@pytest.mark.parametrize(
    ("text", "expected"), [("09:00", time(9)), ("9:05", time(9, 5)), ("23:59", time(23, 59))]
)
def test_parse_local_time(text, expected):
    assert parse_local_time(text) == expected


@pytest.mark.parametrize("text", ["24:00", "9", "09:00:00", "9.00", "", "-1:00", "09:5"])
def test_parse_local_time_refuses(text):
    assert parse_local_time(text) is None


def test_help_has_an_example_for_every_subcommand():
    text = "\n".join(help_lines())
    for word in ("schedule", "schedule show", "schedule off", "status", "away", "back", "holiday", "help"):
        assert f"/checkin {word}" in text
