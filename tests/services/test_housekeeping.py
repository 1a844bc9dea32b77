"""prune_processed_events forgets event ids older than the cut-off and keeps the rest."""

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.services.housekeeping import prune_processed_events
from models.events import ProcessedEvent

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
