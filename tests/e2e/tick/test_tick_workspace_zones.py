"""A workspace's default zone (`/goals settings timezone`, or its installer's) is the zone of its
people and channels that have none of their own. In one `goalbot tick --at`, a person with no zone
is prompted and reminded at their workspace's local time, its channels' digests go out at its local
time, another workspace in the same tick keeps its own, and DEFAULT_TIMEZONE (UTC here) serves only
a workspace with no zone."""

from datetime import UTC, datetime, time, timedelta

from sqlalchemy import select

from bot.domain.checkins.enums import Weekday
from bot.domain.checkins.spec import ReminderPolicy, ScheduleSpec
from bot.domain.reports.digest_schedule import DigestCadence
from bot.services import workspaces
from bot.services.actor import Actor
from bot.services.checkins import members, schedules
from bot.services.checkins.read_models import PersonInfo
from bot.services.reports import settings as report_settings
from models.reports import ReportPost

MADE_AT = datetime(2027, 1, 3, 12, tzinfo=UTC)
EVERY_DAY = frozenset(Weekday)
MONDAY = frozenset({Weekday.MON})
NO_REMINDERS = ReminderPolicy(count=0)
OWNER = "U0WNER"


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)


def add_workspace(
    sessions,
    slack,
    team_id: str,
    zone: str | None,
    people: dict[str, str | None],
    *,
    at: time = time(9),
    weekdays: frozenset[Weekday] = EVERY_DAY,
    reminders: ReminderPolicy = NO_REMINDERS,
    digests: bool = False,
) -> str:
    """A workspace (its default zone set by an admin, as `/goals settings timezone` does) with one
    channel of `people` (user id → their own zone, None for none) and a check-in at `at`."""
    channel = "C" + team_id[1:]
    slack.add_workspace(team_id)
    for user_id, tz in people.items():
        slack.add_user(user_id, team_id=team_id, tz=tz or "UTC")
    slack.add_channel(channel, name=f"team-{channel.lower()}", members=list(people), team_id=team_id)
    admin = Actor(team_id=team_id, user_id=OWNER, is_admin=True)
    if zone is not None:
        workspaces.set_default_zone(sessions, admin, zone)
    infos = [PersonInfo(user_id, tz) for user_id, tz in people.items()]
    members.sync_channel_members(sessions, team_id, channel, infos, MADE_AT)
    cadence = DigestCadence.WEEKLY if digests else DigestCadence.OFF
    report_settings.change_settings(
        sessions, admin, channel, now=MADE_AT, default_tz="UTC", reminders_enabled=False, cadence=cadence
    )
    spec = ScheduleSpec(schedule_id=0, weekdays=weekdays, local_time=at, reminders=reminders)
    schedules.set_schedule(sessions, admin, channel_id=channel, spec=spec, now=MADE_AT)
    return channel


def test_people_with_no_zone_are_prompted_at_their_workspace_local_time(ticks, sessions, slack_api):
    people = {"U0B1": None, "U0B2": "Asia/Tokyo"}
    add_workspace(sessions, slack_api, "T0BERLIN", "Europe/Berlin", people, weekdays=MONDAY)
    add_workspace(sessions, slack_api, "T0NEWYORK", "America/New_York", {"U0N1": None}, weekdays=MONDAY)
    add_workspace(sessions, slack_api, "T0PLAIN", None, {"U0P1": None}, weekdays=MONDAY)
    ticks.watch(["U0B1", "U0B2", "U0N1", "U0P1"])

    ticks.every(utc(2027, 2, 28, 12), utc(2027, 3, 1, 20), timedelta(minutes=30))

    assert {user: [g.tick for g in ticks.prompts(user)] for user in ticks.people} == {
        "U0B1": [utc(2027, 3, 1, 8)],  # 09:00 CET, the workspace's zone
        "U0B2": [utc(2027, 3, 1, 0)],  # 09:00 JST: their own zone wins over the workspace's
        "U0N1": [utc(2027, 3, 1, 14)],  # 09:00 EST, the other workspace's zone, in the same ticks
        "U0P1": [utc(2027, 3, 1, 9)],  # no zone anywhere: DEFAULT_TIMEZONE
    }
    assert "tick 2027-03-01T08:00:00Z: due 1, sent 1, retried 0, skipped 0" in ticks.lines


def test_reminders_wait_for_the_end_of_quiet_hours_in_the_workspace_zone(ticks, sessions, slack_api):
    # 19:00 local, a reminder 2 h later would fall in the quiet hours (20:00–08:00): it comes at 08:00.
    reminded = ReminderPolicy(count=1, after=timedelta(hours=2))
    evening = {"at": time(19), "weekdays": MONDAY, "reminders": reminded}
    add_workspace(sessions, slack_api, "T0BERLIN", "Europe/Berlin", {"U0B1": None}, **evening)
    add_workspace(sessions, slack_api, "T0NEWYORK", "America/New_York", {"U0N1": None}, **evening)
    ticks.watch(["U0B1", "U0N1"])

    ticks.every(utc(2027, 3, 1, 17), utc(2027, 3, 2, 14), timedelta(minutes=30))

    assert [g.tick for g in ticks.prompts("U0B1")] == [utc(2027, 3, 1, 18)]  # 19:00 CET
    assert [g.tick for g in ticks.reminders("U0B1")] == [utc(2027, 3, 2, 7)]  # 08:00 CET
    assert [g.tick for g in ticks.prompts("U0N1")] == [utc(2027, 3, 2, 0)]  # 19:00 EST
    assert [g.tick for g in ticks.reminders("U0N1")] == [utc(2027, 3, 2, 13)]  # 08:00 EST


def test_across_a_dst_change_prompts_keep_the_workspace_local_time(ticks, sessions, slack_api):
    # Berlin springs forward on 2027-03-28; New York did on 03-14, so its offset stays -4 here.
    add_workspace(sessions, slack_api, "T0BERLIN", "Europe/Berlin", {"U0B1": None})
    add_workspace(sessions, slack_api, "T0NEWYORK", "America/New_York", {"U0N1": None})
    ticks.watch(["U0B1", "U0N1"])

    ticks.every(utc(2027, 3, 27, 0), utc(2027, 3, 29, 23), timedelta(hours=1))

    assert [g.tick for g in ticks.prompts("U0B1")] == [
        utc(2027, 3, 27, 8),  # 09:00 CET
        utc(2027, 3, 28, 7),  # 09:00 CEST
        utc(2027, 3, 29, 7),
    ]
    assert [g.tick for g in ticks.prompts("U0N1")] == [
        utc(2027, 3, 27, 13),
        utc(2027, 3, 28, 13),
        utc(2027, 3, 29, 13),
    ]


def test_a_channel_with_no_zone_gets_its_digest_at_its_workspace_local_time(ticks, sessions, slack_api):
    berlin = add_workspace(sessions, slack_api, "T0BERLIN", "Europe/Berlin", {"U0B1": None}, digests=True)
    new_york = add_workspace(
        sessions, slack_api, "T0NEWYORK", "America/New_York", {"U0N1": None}, digests=True
    )
    plain = add_workspace(sessions, slack_api, "T0PLAIN", None, {"U0P1": None}, digests=True)
    ticks.tick(utc(2027, 3, 7, 12))  # a first tick: last week's digest is behind us

    ticks.every(utc(2027, 3, 8, 0), utc(2027, 3, 8, 16), timedelta(minutes=30))

    with sessions() as session:
        weekly = session.scalars(
            select(ReportPost).where(ReportPost.kind == "weekly_digest", ReportPost.period == "2027-W09")
        ).all()
        planned = {post.channel_id: (post.due_at, post.state, post.sent_at) for post in weekly}
    assert planned == {
        berlin: (utc(2027, 3, 8, 8), "sent", utc(2027, 3, 8, 8)),  # Monday 09:00 CET
        new_york: (utc(2027, 3, 8, 14), "sent", utc(2027, 3, 8, 14)),  # Monday 09:00 EST
        plain: (utc(2027, 3, 8, 9), "sent", utc(2027, 3, 8, 9)),  # DEFAULT_TIMEZONE
    }
    assert {c: len(slack_api.messages.history(c)) > 0 for c in (berlin, new_york, plain)} == dict.fromkeys(
        (berlin, new_york, plain), True
    )
