"""Retried event deliveries: only the first delivery of an event id counts, per workspace."""

from datetime import UTC, datetime

from bot.services.events import first_delivery

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def test_the_first_delivery_counts_and_a_retry_does_not(sessions):
    assert first_delivery(sessions, "T1", "Ev1", NOW) is True
    assert first_delivery(sessions, "T1", "Ev1", NOW) is False


def test_the_same_event_id_in_another_workspace_is_its_own_event(sessions):
    assert first_delivery(sessions, "T1", "Ev1", NOW) is True
    assert first_delivery(sessions, "T2", "Ev1", NOW) is True
    assert first_delivery(sessions, "T1", "Ev2", NOW) is True


def test_an_overlong_id_is_cut_to_the_column_and_still_deduplicated(sessions):
    event_id = "Ev" + "x" * 200
    assert first_delivery(sessions, "T1", event_id, NOW) is True
    assert first_delivery(sessions, "T1", event_id, NOW) is False
