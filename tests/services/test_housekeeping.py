"""prune_processed_events forgets event ids older than the cut-off and keeps the rest;
prune_oauth_states forgets the OAuth states that expired (abandoned "Add to Slack" clicks)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from bot.services.housekeeping import prune_oauth_states, prune_processed_events
from models.events import ProcessedEvent
from models.installations import oauth_states

NOW = datetime(2027, 1, 4, 12, tzinfo=UTC)


def add_events(sessions, *ages: timedelta) -> None:
    with sessions.begin() as session:
        for index, age in enumerate(ages):
            session.add(ProcessedEvent(team_id="T1", event_id=f"Ev{index}", received_at=NOW - age))


def remaining(sessions) -> list[str]:
    with sessions() as session:
        return sorted(session.scalars(select(ProcessedEvent.event_id)))


def test_only_events_received_before_the_cut_off_are_removed(sessions):
    add_events(sessions, timedelta(days=3), timedelta(days=1, seconds=1), timedelta(days=1), timedelta(0))

    removed = prune_processed_events(sessions, before=NOW - timedelta(days=1))

    assert removed == 2
    assert remaining(sessions) == ["Ev2", "Ev3"]


def test_pruning_an_empty_table_removes_nothing(sessions):
    assert prune_processed_events(sessions, before=NOW) == 0


def add_states(sessions, *expire_at: datetime) -> None:
    """OAuth states as slack_sdk's store writes them: `expire_at` naive UTC."""
    with sessions.begin() as session:
        for index, at in enumerate(expire_at):
            values = {"state": f"state-{index}", "expire_at": at.astimezone(UTC).replace(tzinfo=None)}
            session.execute(insert(oauth_states).values(**values))


def states_left(sessions) -> list[str]:
    with sessions() as session:
        return sorted(session.scalars(select(oauth_states.c.state)))


def test_only_oauth_states_expired_before_now_are_removed(sessions):
    add_states(sessions, NOW - timedelta(days=2), NOW - timedelta(seconds=1), NOW, NOW + timedelta(minutes=9))

    assert prune_oauth_states(sessions, now=NOW) == 2
    assert states_left(sessions) == ["state-2", "state-3"]  # a state still valid can finish its install


def test_the_cut_off_is_the_instant_whatever_zone_now_is_given_in(sessions):
    add_states(sessions, NOW - timedelta(minutes=1), NOW + timedelta(minutes=1))

    assert prune_oauth_states(sessions, now=NOW.astimezone(ZoneInfo("America/New_York"))) == 1
    assert states_left(sessions) == ["state-1"]
