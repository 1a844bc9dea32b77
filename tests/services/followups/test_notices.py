"""Closing a follow-up records its notice in the same transaction, once, naming nobody."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from bot.services.actor import Actor
from bot.services.errors import TextTooLong
from bot.services.followups import actions as followups_actions
from bot.services.followups.notices import record_closed_notice
from bot.services.followups.refusals import FollowupClosed
from models.followups import NOTICE_KEY, FollowUp, FollowupMessage
from tests.services.factories import TEAM
from tests.services.reports.factories import add_followup

NOW = datetime(2027, 3, 2, 10, tzinfo=UTC)


def _messages(sessions) -> list[FollowupMessage]:
    with sessions() as session:
        return list(session.scalars(select(FollowupMessage).order_by(FollowupMessage.id)))


def _close(sessions, followup_id, *, user_id="U2", note="Called her back", resolved=True):
    return followups_actions.close_followup(
        sessions, Actor(TEAM, user_id), followup_id, resolved=resolved, note=note, now=NOW
    )


@pytest.mark.parametrize("author_id", ["U_FLAGGER", None])
def test_closing_records_one_notice_due_at_once_that_names_nobody(sessions, author_id) -> None:
    followup_id = add_followup(sessions, team_id=TEAM, author_id=author_id, created_at=NOW)

    _close(sessions, followup_id)

    [notice] = _messages(sessions)
    assert (notice.team_id, notice.follow_up_id, notice.key) == (TEAM, followup_id, NOTICE_KEY)
    assert (notice.state, notice.attempts, notice.not_before) == ("pending", 0, NOW)
    values = [getattr(notice, column.key) for column in FollowupMessage.__table__.columns]
    assert not [v for v in values if isinstance(v, str) and v.startswith("U")]


def test_a_second_close_is_refused_and_records_no_second_notice(sessions) -> None:
    followup_id = add_followup(sessions, team_id=TEAM, created_at=NOW)
    _close(sessions, followup_id)

    with pytest.raises(FollowupClosed):
        _close(sessions, followup_id, user_id="U3", resolved=False)
    with sessions.begin() as session:  # even recorded again (a retried close), it is one row
        record_closed_notice(session, session.get_one(FollowUp, followup_id), NOW)

    assert [m.key for m in _messages(sessions)] == [NOTICE_KEY]


def test_a_refused_close_records_no_notice(sessions) -> None:
    followup_id = add_followup(sessions, team_id=TEAM, created_at=NOW)

    with pytest.raises(TextTooLong):
        _close(sessions, followup_id, note="x" * (followups_actions.MAX_NOTE + 1))

    assert _messages(sessions) == []
