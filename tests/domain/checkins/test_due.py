from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.domain.checkins.due import DuePrompt, PromptKey, due_prompts, zones_with_prompts
from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.localtime import zone

from .factories import EVERY_DAY, MON_WED_FRI, ZONES, audience, member, spec, tick_through, utc

MONDAY = date(2027, 3, 1)  # a Monday
TUESDAY = MONDAY + timedelta(days=1)
MINUTE = timedelta(minutes=1)


def _nine_on(day: date, name: str) -> datetime:
    return datetime.combine(day, time(9, 0), tzinfo=zone(name)).astimezone(UTC)


def _keys(prompts: list[DuePrompt]) -> list[tuple[str, date]]:
    return [(prompt.key.user_id, prompt.key.local_date) for prompt in prompts]


@pytest.mark.parametrize("name", ZONES)
def test_a_prompt_is_due_in_the_minute_it_is_nine_local(name):
    schedule = spec(MON_WED_FRI)
    nine = _nine_on(MONDAY, name)
    people = audience(schedule, member("U1", name))

    assert due_prompts([people], nine - 2 * MINUTE, nine - MINUTE).due == []
    scan = due_prompts([people], nine - MINUTE, nine)
    assert scan.due == [DuePrompt(PromptKey(1, "U1", MONDAY), nine, nine + timedelta(hours=4))]
    assert scan.skipped == []
    assert due_prompts([people], nine, nine + MINUTE).due == []


def test_five_zones_are_prompted_at_their_own_nine_oclock_in_one_scan():
    people = audience(spec(MON_WED_FRI), *(member(f"U{i}", name) for i, name in enumerate(ZONES)))
    start = utc(2027, 2, 28, 0)
    due = []
    for hour in range(48):  # a tick an hour: everything is due in its own hour
        due += due_prompts([people], start + timedelta(hours=hour), start + timedelta(hours=hour + 1)).due

    assert sorted(_keys(due)) == sorted((f"U{i}", MONDAY) for i in range(len(ZONES)))
    for prompt in due:
        tz = zone(ZONES[int(prompt.key.user_id[1:])])
        local = prompt.scheduled_at.astimezone(tz)
        assert (local.date(), local.time()) == (MONDAY, time(9, 0))
    assert len({prompt.scheduled_at for prompt in due}) == len(ZONES)  # five different instants


@pytest.mark.parametrize(
    ("name", "change"),
    [
        ("America/New_York", date(2027, 3, 14)),
        ("America/New_York", date(2027, 11, 7)),
        ("Europe/Berlin", date(2027, 3, 28)),
        ("Europe/Berlin", date(2027, 10, 31)),
    ],
)
def test_daily_nine_oclock_stays_nine_oclock_around_each_2027_change(name, change):
    tz = zone(name)
    people = audience(spec(EVERY_DAY), member("U1", name))
    due = tick_through(
        [people], _nine_on(change - timedelta(days=3), name), _nine_on(change + timedelta(days=3), name)
    )

    assert [prompt.key.local_date for prompt in due] == [change + timedelta(days=d) for d in range(-2, 4)]
    assert {prompt.scheduled_at.astimezone(tz).time() for prompt in due} == {time(9, 0)}
    offsets = {prompt.scheduled_at.astimezone(tz).utcoffset() for prompt in due}
    assert len(offsets) == 2  # the scan really crossed a change


def test_the_missing_hour_prompts_once_at_the_end_of_the_gap():
    people = audience(spec(EVERY_DAY, time(2, 30)), member("U1", "America/New_York"))
    due = tick_through([people], utc(2027, 3, 14, 0), utc(2027, 3, 14, 12))
    assert due == [
        DuePrompt(PromptKey(1, "U1", date(2027, 3, 14)), utc(2027, 3, 14, 7), utc(2027, 3, 14, 11))
    ]


def test_the_repeated_hour_prompts_once_at_its_first_occurrence():
    people = audience(spec(EVERY_DAY, time(1, 30)), member("U1", "America/New_York"))
    # 01:30 EDT is 05:30 UTC; 01:30 EST, an hour later, is the same wall time again.
    scan = due_prompts([people], utc(2027, 11, 7, 4), utc(2027, 11, 7, 8))
    assert [(p.key.local_date, p.scheduled_at) for p in scan.due] == [
        (date(2027, 11, 7), utc(2027, 11, 7, 5, 30))
    ]

    second_reading = due_prompts([people], utc(2027, 11, 7, 5, 30), utc(2027, 11, 7, 8))
    assert second_reading.due == []


def test_berlin_repeated_hour_prompts_once():
    people = audience(spec(EVERY_DAY, time(2, 30)), member("U1", "Europe/Berlin"))
    due = tick_through([people], utc(2027, 10, 30, 12), utc(2027, 10, 31, 12))
    assert [(p.key.local_date, p.scheduled_at) for p in due] == [
        (date(2027, 10, 31), utc(2027, 10, 31, 0, 30))
    ]


def test_unscheduled_days_prompt_nobody():
    people = audience(spec(MON_WED_FRI), member("U1", "Europe/Berlin"))
    due = tick_through(
        [people], _nine_on(MONDAY, "Europe/Berlin"), _nine_on(MONDAY + timedelta(days=7), "Europe/Berlin")
    )
    assert [prompt.key.local_date.weekday() for prompt in due] == [Weekday.WED, Weekday.FRI, Weekday.MON]


def test_the_local_date_decides_the_weekday_not_the_utc_date():
    # Monday 09:00 in Sydney is Sunday 22:00 UTC.
    people = audience(spec(frozenset({Weekday.MON})), member("U1", "Australia/Sydney"))
    scan = due_prompts([people], utc(2027, 2, 28, 0), utc(2027, 3, 1, 0))
    assert [(p.key.local_date, p.scheduled_at) for p in scan.due] == [(MONDAY, utc(2027, 2, 28, 22))]


def test_away_people_are_not_prompted_through_their_last_day_and_are_from_the_next():
    people = audience(
        spec(EVERY_DAY),
        member("U1", "Asia/Kolkata", away_until=TUESDAY),
        member("U2", "Asia/Kolkata"),
    )
    due = tick_through([people], utc(2027, 3, 1, 0), utc(2027, 3, 3, 12))
    assert _keys(due) == [
        ("U2", MONDAY),
        ("U2", TUESDAY),
        ("U1", date(2027, 3, 3)),
        ("U2", date(2027, 3, 3)),
    ]
    # Time off is neither due nor skipped, even after downtime: nobody is counted missing.
    after_downtime = due_prompts([people], utc(2027, 3, 1, 0), utc(2027, 3, 3, 12))
    assert _keys(after_downtime.skipped) == _keys(due)


def test_a_holiday_is_the_persons_local_date():
    # Tuesday 09:00 in Sydney is still Monday in UTC; the holiday is Sydney's Tuesday.
    people = audience(
        spec(EVERY_DAY),
        member("U1", "Australia/Sydney"),
        member("U2", "America/Los_Angeles"),
        holidays=frozenset({TUESDAY}),
    )
    due = tick_through([people], utc(2027, 2, 28, 0), utc(2027, 3, 4, 0))
    assert ("U1", TUESDAY) not in _keys(due) and ("U2", TUESDAY) not in _keys(due)
    assert ("U1", MONDAY) in _keys(due) and ("U2", MONDAY) in _keys(due)
    assert ("U1", date(2027, 3, 3)) in _keys(due)


def test_catch_up_after_downtime_sends_what_is_still_open_and_skips_the_rest():
    people = audience(spec(EVERY_DAY), member("U1", "Europe/Berlin"))
    nine_monday = _nine_on(MONDAY, "Europe/Berlin")
    nine_tuesday = _nine_on(TUESDAY, "Europe/Berlin")
    # Down from Sunday evening until Tuesday 11:00 local: Monday's window closed, Tuesday's is open.
    back = nine_tuesday + timedelta(hours=2)
    scan = due_prompts([people], utc(2027, 2, 28, 18), back)

    assert [(p.key.local_date, p.scheduled_at) for p in scan.due] == [(TUESDAY, nine_tuesday)]
    assert [(p.key.local_date, p.scheduled_at) for p in scan.skipped] == [(MONDAY, nine_monday)]


@pytest.mark.parametrize(
    ("back_after", "due"),
    [(timedelta(hours=3, minutes=59), True), (timedelta(hours=4), False), (timedelta(hours=5), False)],
)
def test_catch_up_ends_exactly_when_the_response_window_does(back_after, due):
    people = audience(spec(EVERY_DAY), member("U1", "America/New_York"))
    nine = _nine_on(MONDAY, "America/New_York")
    scan = due_prompts([people], nine - MINUTE, nine + back_after)
    assert (len(scan.due), len(scan.skipped)) == ((1, 0) if due else (0, 1))


def test_a_longer_window_keeps_catch_up_open_longer():
    people = audience(spec(EVERY_DAY, window=timedelta(hours=8)), member("U1", "America/New_York"))
    nine = _nine_on(MONDAY, "America/New_York")
    assert len(due_prompts([people], nine - MINUTE, nine + timedelta(hours=5)).due) == 1


def test_a_schedule_made_before_todays_time_prompts_today_and_after_it_does_not():
    nine = _nine_on(MONDAY, "Europe/Berlin")
    made_at_eight = audience(
        spec(MON_WED_FRI, starts_at=nine - timedelta(hours=1)), member("U1", "Europe/Berlin")
    )
    made_at_ten = audience(
        spec(MON_WED_FRI, starts_at=nine + timedelta(hours=1)), member("U1", "Europe/Berlin")
    )

    assert _keys(due_prompts([made_at_eight], nine - MINUTE, nine).due) == [("U1", MONDAY)]
    # Even a scan that reaches back over 09:00 (the clock was down) owes nothing from before it existed.
    late_scan = due_prompts([made_at_ten], nine - timedelta(hours=2), nine + timedelta(hours=2))
    assert late_scan.due == [] and late_scan.skipped == []


def test_several_schedules_and_an_empty_or_reversed_window():
    first = audience(spec(MON_WED_FRI, schedule_id=1), member("U1", "UTC"))
    second = audience(spec(EVERY_DAY, time(9, 0), schedule_id=2), member("U1", "UTC"))
    scan = due_prompts([first, second], utc(2027, 3, 1, 8), utc(2027, 3, 1, 9))
    assert [p.key.schedule_id for p in scan.due] == [1, 2]
    assert due_prompts([first], utc(2027, 3, 1, 9), utc(2027, 3, 1, 9)).due == []
    assert due_prompts([first], utc(2027, 3, 1, 10), utc(2027, 3, 1, 8)).due == []


def test_naive_instants_are_refused():
    with pytest.raises(ValueError, match="naive"):
        due_prompts([audience(spec(), member())], datetime(2027, 3, 1), datetime(2027, 3, 2))


def test_zones_with_prompts_names_only_the_zones_where_it_is_time():
    names = ["Europe/Berlin", "Africa/Lagos", "America/New_York", "Asia/Kolkata", "Europe/London"]
    # 08:00 UTC on a winter Monday is 09:00 in Berlin and Lagos (UTC+1) and nowhere else listed.
    found = zones_with_prompts(spec(MON_WED_FRI), names, utc(2027, 3, 1, 7, 59), utc(2027, 3, 1, 8))
    assert found == {"Europe/Berlin", "Africa/Lagos"}
    # In summer Berlin is UTC+2 and Lagos still UTC+1: the same UTC hour is theirs no longer together.
    summer = zones_with_prompts(spec(MON_WED_FRI), names, utc(2027, 7, 5, 6, 59), utc(2027, 7, 5, 7))
    assert summer == {"Europe/Berlin"}
    assert zones_with_prompts(spec(MON_WED_FRI), names, utc(2027, 3, 2, 7, 59), utc(2027, 3, 2, 8)) == set()
