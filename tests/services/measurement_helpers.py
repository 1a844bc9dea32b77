"""What the measurement tests share: a later instant, the stored rows, and undoing as someone."""

from datetime import UTC, datetime

from sqlalchemy import select

from bot.services import measurement_undo
from models.goals import Measurement

LATER = datetime(2027, 1, 11, 8, tzinfo=UTC)


def stored_measurements(sessions):
    with sessions() as session:
        return [
            (m.objective_id, m.value, m.user_id, m.recorded_at, m.note)
            for m in session.scalars(select(Measurement))
        ]


def undo(sessions, measurement_id, who, *, at=LATER):
    return measurement_undo.undo_measurement(sessions, who, measurement_id, now=at, today=at.date())
