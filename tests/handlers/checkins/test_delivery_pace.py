"""A workspace keeps its pace when Slack is slow to answer: with every answer taking 150 ms (as
from a server far from Slack's), one post at a time would make under 7 a second; the pass keeps a
few in flight, so posts start a slot apart (50 ms at 20 a second), never more than 20 in a second,
each prompt once. Counted at the stand-in, from when each post arrived."""

from datetime import timedelta
from itertools import pairwise

from bot.outbound.passes import PassSummary
from handlers.checkins.delivery import tick_pass
from tests.e2e.multiclock.workspaces import add_to_standin, make_workspaces, seed_checkins
from tests.handlers.checkins.delivery_setup import TOKEN, dms, tick_context
from tests.services.checkins.helpers import MON_0900_UTC

ANSWER_SECONDS = 0.15
SPACE = make_workspaces(1, 12)[0]


def test_posts_overlap_when_answers_are_slow_and_the_rate_still_holds(sessions, slack_api):
    add_to_standin(slack_api, [SPACE])
    seed_checkins(sessions, [SPACE], made_at=MON_0900_UTC - timedelta(days=2), at=MON_0900_UTC.time())
    slack_api.stall_token(TOKEN, ANSWER_SECONDS)

    assert tick_pass(tick_context(sessions, slack_api, rate=20), MON_0900_UTC) == PassSummary(due=12, sent=12)

    assert dms(slack_api, list(SPACE.people)) == dict.fromkeys(SPACE.people, 1)
    arrived = [call.at for call in slack_api.calls("chat.postMessage")]
    gaps = [later - earlier for earlier, later in pairwise(arrived)]
    # One at a time, each post would arrive at least a whole answer after the one before.
    overlapping = [gap for gap in gaps if gap < ANSWER_SECONDS * 0.9]
    assert len(overlapping) >= len(gaps) // 2, gaps
    assert slack_api.max_rate(SPACE.team_id, "chat.postMessage") <= 20
