"""each_prompt: the lazy stream the tick plans from; due_prompts is its sorted view."""

from collections.abc import Iterator
from datetime import timedelta

from bot.domain.checkins.away import Member
from bot.domain.checkins.due import due_prompts, each_prompt, is_due

from .factories import EVERY_DAY, audience, member, spec, utc

NINE_UTC = utc(2027, 3, 1, 9)


def test_each_prompt_reads_members_only_as_far_as_it_is_consumed():
    def members() -> Iterator[Member]:
        yield member("U1", "UTC")
        raise AssertionError("read past the first member before its prompt was taken")

    stream = each_prompt(spec(EVERY_DAY), members(), frozenset(), NINE_UTC - timedelta(minutes=1), NINE_UTC)
    assert next(stream).key.user_id == "U1"


def test_the_stream_holds_the_same_prompts_as_the_scan_due_and_skipped():
    people = [member("U1", "UTC"), member("U2", "Europe/Berlin"), member("U3", "UTC", NINE_UTC.date())]
    since, now = utc(2027, 3, 1, 7), utc(2027, 3, 1, 12, 30)  # Berlin's 09:00 window closed at 12:00
    streamed = list(each_prompt(spec(EVERY_DAY), iter(people), frozenset(), since, now))
    scan = due_prompts([audience(spec(EVERY_DAY), *people)], since, now)
    assert sorted(p.key for p in streamed if is_due(p, now)) == [p.key for p in scan.due]
    assert sorted(p.key for p in streamed if not is_due(p, now)) == [p.key for p in scan.skipped]
    assert [p.key.user_id for p in scan.due] == ["U1"] and [p.key.user_id for p in scan.skipped] == ["U2"]
