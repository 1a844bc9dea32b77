"""Putting a goal away and bringing it back, without leaving its targets hanging off a hidden goal."""

import enum
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from bot.domain.enums import GoalStatus
from bot.domain.refs import RefKind, format_ref
from bot.services.actor import Actor
from bot.services.errors import NotArchived
from bot.services.goal_writes import editable_goal, not_found
from bot.services.read_models import GoalSummary
from bot.services.summaries import summarize_goal
from models import queries
from models.goals import Goal


class ChildPolicy(enum.StrEnum):
    """What archiving a goal does to the active goals that are part of it."""

    ARCHIVE = "archive"  # archive them too, all the way down
    DETACH = "detach"  # keep them active, as goals of their own


@dataclass(frozen=True)
class ArchivePreview:
    goal: GoalSummary
    children: tuple[str, ...]  # refs of active goals directly under it
    descendants: int  # active goals anywhere under it


@dataclass(frozen=True)
class Archived:
    goal: GoalSummary
    archived: tuple[str, ...]  # refs of targets archived with it
    detached: tuple[str, ...]  # refs of targets that are now goals of their own


@dataclass(frozen=True)
class Restored:
    goal: GoalSummary
    left_parent: str | None  # ref of the archived parent it no longer sits under
    restored: tuple[str, ...] = ()  # refs of targets its archive took along, back with it


def archive_preview(
    sessions: sessionmaker[Session], actor: Actor, goal_id: int, *, today: date
) -> ArchivePreview:
    """What archiving would touch, for the question asked before it; refuses who may not archive."""
    with sessions() as session:
        goal = editable_goal(session, actor, goal_id)
        return ArchivePreview(
            goal=summarize_goal(goal, today=today),
            children=tuple(_ref(child) for child in _active_children(goal)),
            descendants=len(_active_descendants(goal)),
        )


def archive_goal(
    sessions: sessionmaker[Session],
    actor: Actor,
    goal_id: int,
    *,
    children: ChildPolicy = ChildPolicy.ARCHIVE,
    today: date,
) -> Archived:
    with sessions.begin() as session:
        goal = editable_goal(session, actor, goal_id)
        goal.status = GoalStatus.ARCHIVED
        archived: list[str] = []
        detached: list[str] = []
        if children is ChildPolicy.ARCHIVE:
            for descendant in _active_descendants(goal):
                descendant.status = GoalStatus.ARCHIVED
                descendant.archived_with_id = goal.id
                archived.append(_ref(descendant))
        else:
            for child in _active_children(goal):
                child.parent_id = None
                detached.append(_ref(child))
        session.flush()
        return Archived(summarize_goal(goal, today=today), tuple(archived), tuple(detached))


def restore_goal(sessions: sessionmaker[Session], actor: Actor, goal_id: int, *, today: date) -> Restored:
    """Brings back one archived goal; under an archived parent it comes back as a goal of its own."""
    with sessions.begin() as session:
        goal = queries.get_goal(session, actor.team_id, goal_id)
        if goal is None:
            raise not_found(goal_id)
        actor.require_editor(goal.owner_id, _ref(goal))
        if goal.status is not GoalStatus.ARCHIVED:
            raise NotArchived(goal_id=goal.id, status=goal.status)
        goal.status = GoalStatus.ACTIVE
        goal.archived_with_id = None
        restored = _taken_along(goal)
        for descendant in restored:
            descendant.status = GoalStatus.ACTIVE
            descendant.archived_with_id = None
        left_parent = None
        if goal.parent is not None and goal.parent.status is GoalStatus.ARCHIVED:
            left_parent = _ref(goal.parent)
            goal.parent_id = None
        session.flush()
        session.refresh(goal)
        return Restored(summarize_goal(goal, today=today), left_parent, tuple(_ref(g) for g in restored))


def _active_children(goal: Goal) -> list[Goal]:
    return [child for child in goal.children if child.status is GoalStatus.ACTIVE]


def _active_descendants(goal: Goal) -> list[Goal]:
    found: list[Goal] = []
    pending = _active_children(goal)
    while pending:
        child = pending.pop(0)
        found.append(child)
        pending += _active_children(child)
    return found


def _taken_along(goal: Goal) -> list[Goal]:
    """The goals under `goal` that its archiving archived (not ones archived on their own before)."""
    found: list[Goal] = []
    pending = list(goal.children)
    while pending:
        child = pending.pop(0)
        if child.status is GoalStatus.ARCHIVED and child.archived_with_id == goal.id:
            found.append(child)
            pending += child.children
    return found


def _ref(goal: Goal) -> str:
    return format_ref(RefKind.GOAL, goal.id)
