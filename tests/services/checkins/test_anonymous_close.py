"""Anonymous numbers count once, at the close: the median of the day's values per objective, when
at least the minimum answered; below it, never. Repeated and concurrent settling count once."""

from datetime import UTC, datetime, timedelta
from threading import Barrier, Thread

from sqlalchemy import select

from bot.services.checkins.anonymous_close import settle_anonymous_days
from bot.services.checkins.read_models import AnswerInput
from models.answers import AnonymousClose
from models.goals import Measurement
from tests.services.checkins.helpers import answer, make_channel, plan
from tests.services.factories import make_goal

NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)
# 09:00 on Monday in the last zone (UTC-12) is 21:00 UTC; its period closes with the next prompt.
CLOSED_EVERYWHERE = datetime(2027, 3, 2, 21, tzinfo=UTC)


def _answered(sessions, values: dict[str, float]) -> int:
    goal = make_goal(sessions, channel_id="C0SHOP")
    objective = goal.objectives[0].id
    make_channel(sessions, {"U1": None, "U2": None, "U3": None, "U4": None}, anonymous=True)
    plan(sessions, NINE)
    for minutes, (user, value) in enumerate(values.items()):
        answer(sessions, user, at=NINE + timedelta(minutes=minutes), given=AnswerInput({objective: value}))
    return objective


def _measurements(sessions) -> list[tuple]:
    with sessions() as session:
        rows = session.scalars(select(Measurement).order_by(Measurement.id))
        return [(m.objective_id, m.value, m.user_id, m.note, m.recorded_at, str(m.recorded_on)) for m in rows]


def test_the_numbers_count_once_as_their_median_when_the_day_has_closed_everywhere(sessions):
    objective = _answered(sessions, {"U1": 82, "U2": 60, "U3": 95, "U4": 70})
    assert settle_anonymous_days(sessions, CLOSED_EVERYWHERE - timedelta(seconds=1)) == 0
    assert _measurements(sessions) == []  # not while anyone could still answer

    assert settle_anonymous_days(sessions, CLOSED_EVERYWHERE) == 1
    expected = [(objective, 76.0, None, "median of 4 anonymous answers", CLOSED_EVERYWHERE, "2027-03-01")]
    assert _measurements(sessions) == expected
    assert settle_anonymous_days(sessions, CLOSED_EVERYWHERE + timedelta(days=3)) == 0
    assert _measurements(sessions) == expected


def test_below_the_minimum_the_numbers_never_count(sessions):
    _answered(sessions, {"U1": 82, "U2": 60})
    assert settle_anonymous_days(sessions, CLOSED_EVERYWHERE) == 1
    assert settle_anonymous_days(sessions, CLOSED_EVERYWHERE + timedelta(days=30)) == 0
    assert _measurements(sessions) == []
    with sessions() as session:
        assert [c.counted for c in session.scalars(select(AnonymousClose))] == [False]


def test_concurrent_settling_counts_the_day_once(sessions):
    _answered(sessions, {"U1": 82, "U2": 60, "U3": 95})
    start, settled = Barrier(4), []

    def settle() -> None:
        start.wait()
        settled.append(settle_anonymous_days(sessions, CLOSED_EVERYWHERE))

    threads = [Thread(target=settle) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(settled) == [0, 0, 0, 1]
    assert [(value, note) for _, value, _, note, _, _ in _measurements(sessions)] == [
        (82.0, "median of 3 anonymous answers")
    ]
