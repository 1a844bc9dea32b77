"""checkin_status (rate and missing names, owner/admin only, anonymous: rate only) and home_checkins."""

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.services.checkins.home import home_checkins
from bot.services.checkins.refusals import NotScheduleOwner
from bot.services.checkins.status import checkin_status
from bot.services.checkins.time_off import add_holiday, set_away
from tests.outbound.outbox.helpers import claim_deliveries, mark_delivery_sent
from tests.services.checkins.helpers import CHANNEL, DEFAULT_TZ, TEAM, answer, make_channel, owner, plan

NINE = datetime(2027, 3, 1, 9, tzinfo=UTC)


def status(sessions, who=None, at=NINE + timedelta(hours=1)):
    return checkin_status(sessions, who or owner(), channel_id=CHANNEL, now=at, default_tz=DEFAULT_TZ)


@pytest.mark.parametrize("anonymous", [False, True])
def test_rate_and_missing_names_skip_people_away(sessions, anonymous):
    make_channel(sessions, {"U1": None, "U2": None, "U3": None}, anonymous=anonymous)
    set_away(sessions, team_id=TEAM, user_id="U3", until=date(2027, 3, 1), now=NINE)
    answer(sessions, "U1", at=NINE)
    found = status(sessions)
    assert (found.answered, found.asked) == (1, 2)
    assert found.missing == (() if anonymous else ("U2",))
    with pytest.raises(NotScheduleOwner):
        status(sessions, owner(user_id="U2"))
    assert status(sessions, owner(True, "UADMIN")).asked == 2


def test_home_shows_next_open_and_away(sessions):
    make_channel(sessions, {"U1": None})
    plan(sessions, NINE - timedelta(hours=2))
    plan(sessions, NINE)
    (sent,) = claim_deliveries(sessions, now=NINE, limit=5, default_tz=DEFAULT_TZ)
    mark_delivery_sent(sessions, sent.id, channel="D1", ts="1.0", now=NINE)
    set_away(sessions, team_id=TEAM, user_id="U1", until=date(2027, 3, 10), now=NINE)
    home = home_checkins(
        sessions, team_id=TEAM, user_id="U1", now=NINE + timedelta(hours=1), default_tz=DEFAULT_TZ
    )
    assert home.away_until == date(2027, 3, 10)
    # Not Wed 3 March: away through Wednesday the 10th, the next prompt sent is Friday the 12th's.
    assert home.next is not None and home.next.at == datetime(2027, 3, 12, 9, tzinfo=UTC)
    (open_now,) = home.open
    assert (open_now.delivery_id, open_now.answered, open_now.local_date) == (
        sent.id,
        False,
        date(2027, 3, 1),
    )
    before = home_checkins(
        sessions, team_id=TEAM, user_id="U1", now=NINE - timedelta(hours=1), default_tz=DEFAULT_TZ
    )
    assert before.open == () and before.next is not None and before.next.at == home.next.at


def test_home_shows_the_first_prompt_after_time_off_and_holidays(sessions):
    make_channel(sessions, {"U1": None})
    monday = NINE - timedelta(hours=1)
    set_away(sessions, team_id=TEAM, user_id="U1", until=date(2027, 3, 3), now=monday)
    add_holiday(sessions, owner(True), day=date(2027, 3, 5), name="Founders' day")
    add_holiday(sessions, owner(True), day=date(2027, 3, 8), name="Bridge day")

    def next_at(at):
        found = home_checkins(sessions, team_id=TEAM, user_id="U1", now=at, default_tz=DEFAULT_TZ).next
        return found.at if found else None

    assert next_at(monday) == datetime(2027, 3, 10, 9, tzinfo=UTC)  # not Mon 1, Wed 3, Fri 5 or Mon 8
    set_away(sessions, team_id=TEAM, user_id="U1", until=None, now=monday)
    assert next_at(monday) == NINE
    set_away(sessions, team_id=TEAM, user_id="U1", until=date(2028, 3, 1), now=monday)  # a year off
    assert next_at(monday) == datetime(2028, 3, 3, 9, tzinfo=UTC)


def test_home_times_are_in_the_persons_own_zone_else_the_workspaces(sessions):
    # A DM reply's "your next one is at …" once showed a person in UTC the workspace's zone.
    make_channel(sessions, {"U1": "UTC", "U2": None})
    own = home_checkins(sessions, team_id=TEAM, user_id="U1", now=NINE, default_tz="Europe/Berlin")
    fallback = home_checkins(sessions, team_id=TEAM, user_id="U2", now=NINE, default_tz="Europe/Berlin")
    assert (own.tz, fallback.tz) == ("UTC", "Europe/Berlin")
