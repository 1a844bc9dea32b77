"""Which zones are at a schedule's prompt time (or its quiet hours' end) in a window `(since, now]`,
so planning reads only the members living in them (index people(team_id, tz, user_id)).

A window of many hours (a first pass, a pass after downtime) has nearly every zone on earth at
prompt time, and a filter naming ~600 zones costs more to build and send than the read it narrows.
So above MANY_ZONES the zones due are first cut down to those someone in the workspace lives in
(`narrowed`, with plan_reads.lived_in: one read for a group of workspaces), usually a handful. A
minute's pass names few zones and skips that read.
"""

from collections.abc import Collection
from datetime import datetime, time
from functools import lru_cache

from bot.domain.checkins.due import zones_with_prompts
from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ScheduleSpec
from bot.domain.zones import known_zones

EVERY_DAY = frozenset(Weekday)
MANY_ZONES = 64


def zones_due(spec: ScheduleSpec, default_tz: str, since: datetime, now: datetime) -> frozenset[str]:
    return zones_at(spec.weekdays, spec.local_time, default_tz, since, now)


@lru_cache(maxsize=256)
def zones_at(
    weekdays: frozenset[Weekday], local_time: time, default_tz: str, since: datetime, now: datetime
) -> frozenset[str]:
    # starts_at left out: a superset of zones is harmless (due_prompts applies it per prompt), and
    # schedules with the same days and time share one computation.
    probe = ScheduleSpec(schedule_id=0, weekdays=weekdays, local_time=local_time)
    return frozenset(zones_with_prompts(probe, _candidate_zones(default_tz), since, now))


@lru_cache(maxsize=8)
def _candidate_zones(default_tz: str) -> frozenset[str]:
    # people.tz holds only canonical names (members.stored_zone) or None.
    return known_zones() | {default_tz}


def narrowed(zones: frozenset[str], lived: Collection[str | None] | None, default_tz: str) -> frozenset[str]:
    """`zones` less those nobody lives in (all of them if `lived` is None: not read). A person with
    no zone of their own lives in `default_tz`."""
    if lived is None:
        return zones
    kept = {tz for tz in lived if tz is not None and tz in zones}
    if None in lived and default_tz in zones:
        kept.add(default_tz)
    return frozenset(kept)
