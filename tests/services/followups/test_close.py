"""Closing a follow-up keeps the whole note a person typed, or refuses it: a note is never cut."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from bot.domain.checkins.enums import FollowUpStatus
from bot.services.actor import Actor
from bot.services.errors import TextTooLong
from bot.services.followups import actions as followups_actions
from models.followups import FollowUp
from tests.services.factories import TEAM
from tests.services.reports import seed

NOW = datetime(2027, 3, 2, 10, tzinfo=UTC)


def _one_followup(sessions) -> int:
    seed.followup(sessions, date(2027, 3, 1))
    with sessions() as session:
        return session.scalars(select(FollowUp.id)).one()


def test_a_note_at_the_limit_is_kept_whole(sessions) -> None:
    followup_id = _one_followup(sessions)
    note = "x" * (followups_actions.MAX_NOTE - 1) + "9"

    followups_actions.close_followup(
        sessions, Actor(TEAM, "U2"), followup_id, resolved=True, note=note, now=NOW
    )

    with sessions() as session:
        row = session.get(FollowUp, followup_id)
        assert row is not None and row.resolution_note == note


def test_a_note_over_the_limit_is_refused_and_nothing_changes(sessions) -> None:
    followup_id = _one_followup(sessions)
    note = "x" * followups_actions.MAX_NOTE + "9"

    with pytest.raises(TextTooLong) as refused:
        followups_actions.close_followup(
            sessions, Actor(TEAM, "U2"), followup_id, resolved=False, note=note, now=NOW
        )

    assert (refused.value.limit, refused.value.length, refused.value.field) == (
        followups_actions.MAX_NOTE,
        len(note),
        "note",
    )
    with sessions() as session:
        row = session.get(FollowUp, followup_id)
        assert row is not None and row.status == FollowUpStatus.OPEN and row.resolution_note is None
