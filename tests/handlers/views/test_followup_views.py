"""The follow-up list and reminder as Slack gets them: buttons on every row, pages, redraws."""

from datetime import UTC, datetime, timedelta

from bot.services.followups.read_models import FollowupPage, FollowupView
from handlers.ids import ActionId, BlockId, followup_list_block_id, followup_list_page
from handlers.views.followup_list import build_followup_list
from handlers.views.followup_post import build_followup_reminder
from tests.e2e.helpers import all_text, button_values
from tests.handlers.views.slack_checks import message_dicts

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)


def _followup(followup_id: int, **changes) -> FollowupView:
    shown = {
        "followup_id": followup_id,
        "team_id": "T1",
        "channel_id": "C1",
        "description": f"Customer {followup_id}",
        "status": "open",
        "owner_id": None,
        "author_id": "U_FLAGGER",
        "flagged_at": NOW - timedelta(hours=2),
        "due_at": NOW + timedelta(hours=46),
        "opened_at": NOW - timedelta(hours=2),
    }
    return FollowupView(**{**shown, **changes})


def test_a_full_page_has_each_rows_buttons_with_its_own_block_id_within_slacks_limits():
    page = FollowupPage(tuple(_followup(i) for i in range(11, 21)), total=25, page=2, per_page=10)
    blocks = message_dicts(build_followup_list(page, now=NOW))
    values = [str(i) for i in range(11, 21)]
    assert button_values(blocks, ActionId.FOLLOWUP_TAKE) == values
    assert button_values(blocks, ActionId.FOLLOWUP_NOT_OURS) == values
    ids = [b["block_id"] for b in blocks if b["type"] == "actions"]
    assert len(ids) == len(set(ids)) and followup_list_block_id(2, 11) in ids
    assert "11–20 of 25" in all_text(blocks) and "Page 2 of 3" in all_text(blocks)


def test_a_page_past_the_end_lists_nothing_and_names_the_last_page():
    page = FollowupPage((), total=1, page=2, per_page=10)
    text = all_text(message_dicts(build_followup_list(page, now=NOW)))
    assert "There is only 1 page" in text and "`/goals followups 1`" in text and "of 1" not in text


def test_the_list_block_id_gives_back_its_page_and_nothing_else_does():
    assert followup_list_page(followup_list_block_id(7, 12345)) == 7
    for other in (BlockId.FOLLOWUP_ACTIONS, BlockId.FOLLOWUP_REMINDER_ACTIONS, "followup_list_x_1", None, 3):
        assert followup_list_page(other) is None


def test_the_owners_reminder_has_resolved_and_not_ours_and_once_closed_says_how():
    taken = _followup(5, owner_id="U_OWNER", status="taken")
    blocks = message_dicts(build_followup_reminder(taken, to_owner=True))
    assert button_values(blocks, ActionId.FOLLOWUP_RESOLVE) == ["5"]
    assert button_values(blocks, ActionId.FOLLOWUP_TAKE) == []
    closed = _followup(5, owner_id="U_OWNER", status="resolved", closed_by="U_OWNER", note="Done")
    blocks = message_dicts(build_followup_reminder(closed, to_owner=True))
    assert (
        "Resolved by <@U_OWNER>" in all_text(blocks)
        and button_values(blocks, ActionId.FOLLOWUP_RESOLVE) == []
    )


def test_an_anonymous_follow_ups_age_counts_from_its_post():
    anonymous = _followup(
        9,
        author_id=None,
        flagged_at=NOW - timedelta(hours=36, minutes=5),
        opened_at=NOW - timedelta(minutes=5),
    )
    page = FollowupPage((anonymous,), total=1, page=1, per_page=10)
    assert "open less than an hour" in all_text(message_dicts(build_followup_list(page, now=NOW)))


def test_the_last_page_points_to_no_page_after_it():
    page = FollowupPage((_followup(21),), total=21, page=3, per_page=10)
    text = all_text(message_dicts(build_followup_list(page, now=NOW)))
    assert "Page 3 of 3" in text and "/goals followups 4" not in text
