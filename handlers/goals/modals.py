"""Opening the goal modal, for a new goal or an edit, from a command or a button."""

from slack_sdk import WebClient

from bot.domain.drafts import GoalDraft, SmartProblem
from bot.domain.refs import RefKind, format_ref
from bot.services import goal_reads
from handlers.deps import Deps, actor_for
from handlers.metadata import GoalModalMeta
from handlers.views.goal_fields import MAX_OBJECTIVE_ROWS
from handlers.views.goal_modal import build_goal_modal


def open_new_goal_modal(
    client: WebClient,
    deps: Deps,
    *,
    team_id: str,
    trigger_id: str,
    channel_id: str | None,
    draft: GoalDraft,
    problems: tuple[SmartProblem, ...] = (),
) -> None:
    rows = min(MAX_OBJECTIVE_ROWS, max(1, len(draft.objectives)))
    meta = GoalModalMeta(mode="new", channel_id=channel_id, objective_rows=rows, parent_id=draft.parent_id)
    choices = goal_reads.parent_choices(deps.sessions, team_id)
    view = build_goal_modal(draft, meta, problems=problems, parent_choices=choices)
    client.views_open(trigger_id=trigger_id, view=view)


def open_edit_goal_modal(
    client: WebClient,
    deps: Deps,
    *,
    team_id: str,
    user_id: str,
    goal_id: int,
    trigger_id: str,
    channel_id: str | None,
) -> None:
    """Raises GoalNotFound or NotEditor (a ServiceError) for the caller to pass on."""
    form = goal_reads.edit_form(deps.sessions, team_id, goal_id)
    actor = actor_for(client, team_id, user_id, owner_id=form.owner_id)
    actor.require_editor(form.owner_id, format_ref(RefKind.GOAL, goal_id))
    existing = len(form.objective_ids)
    meta = GoalModalMeta(
        mode="edit",
        goal_id=goal_id,
        channel_id=channel_id,
        objective_ids=list(form.objective_ids),
        # One spare row lets the owner add an objective while editing.
        objective_rows=existing + 1 if existing < MAX_OBJECTIVE_ROWS else existing,
        parent_id=form.draft.parent_id,
    )
    choices = goal_reads.parent_choices(deps.sessions, team_id, exclude_id=goal_id)
    client.views_open(trigger_id=trigger_id, view=build_goal_modal(form.draft, meta, parent_choices=choices))
