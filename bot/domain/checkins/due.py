"""Who is due a prompt in a scan window `(since, now]`, and which past prompts are skipped.

The tick calls `due_prompts` with `since` = the `now` of its previous scan. Consecutive windows
cover time with no overlap and no hole, so each prompt key comes out of exactly one scan; the
outbox's unique key makes a repeated scan (two clocks, a retried tick) harmless anyway.

Downtime: after an outage the window is long. A prompt in it whose response window is still open
at `now` is due (late, but answerable); one whose window has closed is returned as skipped, so the
caller records it and does not send it.
"""

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from bot.domain.checkins.away import Member, is_off
from bot.domain.checkins.localtime import zone
from bot.domain.checkins.schedule_times import prompts_between
from bot.domain.checkins.spec import ScheduleSpec


@dataclass(frozen=True, order=True)
class PromptKey:
    """The outbox's unique key: one prompt per schedule, person and local date."""

    schedule_id: int
    user_id: str
    local_date: date


@dataclass(frozen=True)
class DuePrompt:
    key: PromptKey
    scheduled_at: datetime  # aware UTC: the local time on the local date, resolved across DST
    window_closes_at: datetime  # answers at or after this are late


@dataclass(frozen=True)
class Audience:
    """A schedule with the people it asks (bots and deactivated users already left out)."""

    spec: ScheduleSpec
    members: Sequence[Member]
    holidays: Collection[date] = frozenset()


@dataclass(frozen=True)
class DueScan:
    due: list[DuePrompt] = field(default_factory=list)
    skipped: list[DuePrompt] = field(default_factory=list)


def zones_with_prompts(
    spec: ScheduleSpec, zone_names: Iterable[str], since: datetime, now: datetime
) -> set[str]:
    """The zone names where `spec` has a prompt (due or skipped) in `(since, now]`.

    Independent of how many people are asked: the tick can pass every zone its people use (or all of
    `zoneinfo.available_timezones()`) and then load only the members living in these zones.
    """
    return {
        name for name in zone_names if next(prompts_between(spec, zone(name), since, now), None) is not None
    }


def due_prompts(audiences: Iterable[Audience], since: datetime, now: datetime) -> DueScan:
    """Prompts with `since < scheduled_at <= now`, split into due and skipped; people off are left out.

    Both lists are sorted by (scheduled_at, key). A sorted view over `each_prompt`, for callers that
    want the whole scan at once; the tick streams `each_prompt` instead.
    """
    scan = DueScan()
    for audience in audiences:
        for prompt in each_prompt(audience.spec, audience.members, audience.holidays, since, now):
            (scan.due if is_due(prompt, now) else scan.skipped).append(prompt)
    scan.due.sort(key=lambda prompt: (prompt.scheduled_at, prompt.key))
    scan.skipped.sort(key=lambda prompt: (prompt.scheduled_at, prompt.key))
    return scan


def each_prompt(
    spec: ScheduleSpec,
    members: Iterable[Member],
    holidays: Collection[date],
    since: datetime,
    now: datetime,
) -> Iterator[DuePrompt]:
    """The prompts (due and skipped) of `spec` with `since < scheduled_at <= now`, one member at a
    time, in the members' order; people off are left out.

    Lazy on purpose: `members` may be a stream read page by page, so memory stays bounded by the
    caller's page, not by how many people are due. Instants are computed once per zone.
    """
    instants: dict[str, list[tuple[date, datetime]]] = {}
    for member in members:
        times = instants.get(member.tz)
        if times is None:
            times = instants[member.tz] = list(prompts_between(spec, zone(member.tz), since, now))
        for day, instant in times:
            if not is_off(member, day, holidays):
                key = PromptKey(spec.schedule_id, member.user_id, day)
                yield DuePrompt(key, instant, instant + spec.window)


def is_due(prompt: DuePrompt, now: datetime) -> bool:
    """Still answerable at `now`, so it is sent; otherwise it is recorded as skipped."""
    return now < prompt.window_closes_at
