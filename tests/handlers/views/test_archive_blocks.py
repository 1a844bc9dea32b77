from bot.domain.enums import GoalStatus
from bot.services.archiving import Archived, ArchivePreview, Restored
from handlers.ids import ActionId
from handlers.views.archive_blocks import (
    archived_text,
    build_archive_question,
    build_archived,
    build_restored,
    restored_text,
)
from tests.e2e.helpers import all_text, button_values
from tests.handlers.views.factories import make_goal
from tests.handlers.views.slack_checks import message_dicts


def test_a_goal_without_targets_is_asked_archive_or_cancel():
    blocks = message_dicts(build_archive_question(ArchivePreview(make_goal(), (), 0)))

    assert button_values(blocks, ActionId.ARCHIVE_CONFIRM) == ["12"]
    assert button_values(blocks, ActionId.ARCHIVE_CANCEL) == ["12"]
    assert button_values(blocks, ActionId.ARCHIVE_KEEP_TARGETS) == []


def test_a_goal_with_targets_is_asked_what_happens_to_them():
    children = tuple(f"G{n}" for n in range(13, 33))
    blocks = message_dicts(build_archive_question(ArchivePreview(make_goal(), children, 31)))

    text = all_text(blocks)
    assert "31 active targets" in text and "G13, G14" in text and "and 8 more and the targets under" in text
    assert "Archive it and its 31 targets" in text
    assert button_values(blocks, ActionId.ARCHIVE_KEEP_TARGETS) == ["12"]


def test_what_was_archived_and_how_to_bring_it_back():
    goal = make_goal(status=GoalStatus.ARCHIVED)
    with_targets = Archived(goal, ("G13", "G14"), ())
    kept = Archived(goal, (), ("G13",))

    assert "and its targets G13, G14" in archived_text(with_targets)
    assert "G13 stay active as goals of their own" in archived_text(kept)
    assert "`/goals restore G12`" in all_text(message_dicts(build_archived(kept)))


def test_restored_says_when_it_left_an_archived_parent():
    assert "G3 is archived, so G12 is now a goal of its own" in restored_text(Restored(make_goal(), "G3"))
    assert "goal of its own" not in all_text(message_dicts(build_restored(Restored(make_goal(), None))))
