"""Buttons on a goal's tree and the goal list: open a form, tick a tactic off, archive, break down,
page through the list. Each acks at once; its work runs in the lazy listener (handlers/later.py)."""

from datetime import date, datetime

from slack_sdk import WebClient

from bot.domain import commands as grammar
from bot.domain.refs import RefKind, format_ref
from bot.services import archiving, breakdown, goal_list, goal_reads, tree_items
from bot.services.actor import Actor
from bot.services.errors import StrategyNotFound
from handlers.common.replies import action_id_value, channel_of, reply_error
from handlers.deps import Deps, actor_for, team_of
from handlers.goals.editing import actor_for_goal
from handlers.goals.modals import open_edit_goal_modal
from handlers.ids import ActionId
from handlers.later import later, on_ack_then_later
from handlers.metadata import ObjectiveModalMeta, StrategyModalMeta, TacticModalMeta
from handlers.views import archive_blocks
from handlers.views.format import escape
from handlers.views.goal_list import list_reply
from handlers.views.goal_tree import build_goal_tree
from handlers.views.item_modals import build_objective_modal, build_strategy_modal, build_tactic_modal


def _button(app, action_id: ActionId):
    """Registers a button handler that acks first and gets the button's id, or answers a stale payload."""

    def decorator(handler):
        def listener(ack, body, context, now: datetime, today: date):
            ack()
            item_id = action_id_value(body)

            def work(client, respond):
                if item_id is None:
                    reply_error(respond, "That button is out of date. Run `/goals list` and try again.")
                    return
                handler(client, respond, body, team_of(context), body["user"]["id"], item_id, now, today)

            later(context, work)

        on_ack_then_later(app.action(action_id.value), listener)
        return handler

    return decorator


def _list_page(deps: Deps, body: dict, context, today: date):
    """The page a "More" or "Previous" button asks for; its value is what follows `/goals list`."""
    try:
        value = str(body["actions"][0]["value"])
    except (KeyError, IndexError, TypeError):
        value = ""
    wanted = grammar.parse_goals_command(f"list {value}")

    def work(client, respond):
        if not isinstance(wanted, grammar.ListGoals):
            reply_error(respond, "That button is out of date. Run `/goals list` and try again.")
            return
        channel_id = channel_of(body)
        text, blocks = goal_list.rendered_page(
            deps.sessions,
            team_of(context),
            channel_id,
            today=today,
            render=list_reply,
            page=wanted.page,
            archived=wanted.archived,
        )
        respond(text=text, blocks=list(blocks), response_type="ephemeral", replace_original=True)

    return work


def _show_tree(respond, tree, *, today: date, can_edit: bool) -> None:
    blocks = build_goal_tree(tree, can_edit=can_edit, today=today)
    respond(text=escape(tree.goal.title), blocks=blocks, response_type="ephemeral", replace_original=True)


def register(app, deps: Deps) -> None:
    def turn_page(ack, body, context, today: date):
        ack()
        later(context, _list_page(deps, body, context, today))

    for action_id in (ActionId.LIST_MORE, ActionId.LIST_PREVIOUS):
        on_ack_then_later(app.action(action_id.value), turn_page)

    @_button(app, ActionId.SHOW_GOAL)
    def show(client, respond, body, team_id, user_id, goal_id, now, today):
        tree = goal_reads.goal_tree(deps.sessions, team_id, goal_id, today=today)
        actor = actor_for(client, team_id, user_id, owner_id=tree.goal.owner_id)
        blocks = build_goal_tree(tree, can_edit=actor.may_edit(tree.goal.owner_id), today=today)
        title = escape(tree.goal.title)
        respond(text=title, blocks=blocks, response_type="ephemeral", replace_original=False)

    @_button(app, ActionId.EDIT_GOAL)
    def edit(client, respond, body, team_id, user_id, goal_id, now, today):
        open_edit_goal_modal(
            client,
            deps,
            team_id=team_id,
            user_id=user_id,
            goal_id=goal_id,
            trigger_id=body["trigger_id"],
            channel_id=channel_of(body),
        )

    @_button(app, ActionId.ARCHIVE_GOAL)
    def ask_archive(client, respond, body, team_id, user_id, goal_id, now, today):
        actor = actor_for_goal(client, deps, team_id, user_id, goal_id)
        ask_before_archiving(respond, deps, actor, goal_id, today=today)

    def archive_with(children: archiving.ChildPolicy):
        def archive(client, respond, body, team_id, user_id, goal_id, now, today):
            actor = actor_for_goal(client, deps, team_id, user_id, goal_id)
            done = archiving.archive_goal(deps.sessions, actor, goal_id, children=children, today=today)
            blocks = archive_blocks.build_archived(done)
            respond(text=archive_blocks.archived_text(done), blocks=blocks, replace_original=True)

        return archive

    _button(app, ActionId.ARCHIVE_CONFIRM)(archive_with(archiving.ChildPolicy.ARCHIVE))
    _button(app, ActionId.ARCHIVE_KEEP_TARGETS)(archive_with(archiving.ChildPolicy.DETACH))

    @_button(app, ActionId.ARCHIVE_CANCEL)
    def cancel_archive(client, respond, body, team_id, user_id, goal_id, now, today):
        respond(delete_original=True)

    @_button(app, ActionId.BREAK_DOWN)
    def break_down(client, respond, body, team_id, user_id, goal_id, now, today):
        actor = actor_for_goal(client, deps, team_id, user_id, goal_id)
        tree = breakdown.break_down(deps.sessions, actor, goal_id, now=now, today=today)
        _show_tree(respond, tree, today=today, can_edit=True)

    @_button(app, ActionId.TACTIC_DONE)
    def tactic_done(client, respond, body, team_id, user_id, tactic_id, now, today):
        tactic_owner, goal_owner = tree_items.tactic_owners(deps.sessions, team_id, tactic_id)
        # Slack is asked about admin rights only when being the person is not enough.
        actor = Actor(team_id, user_id)
        if not actor.may_complete_tactic(tactic_owner, goal_owner):
            actor = actor_for(client, team_id, user_id, owner_id=goal_owner)
        tree = tree_items.complete_tactic(deps.sessions, actor, tactic_id, now=now, today=today)
        _show_tree(respond, tree, today=today, can_edit=actor.may_edit(tree.goal.owner_id))

    @_button(app, ActionId.ADD_OBJECTIVE)
    def add_objective(client, respond, body, team_id, user_id, goal_id, now, today):
        tree = _editable_tree(client, deps, team_id, user_id, goal_id, today)
        meta = ObjectiveModalMeta(goal_id=goal_id, channel_id=channel_of(body))
        view = build_objective_modal(meta, tree.goal.title, default_due=tree.goal.due_date)
        client.views_open(trigger_id=body["trigger_id"], view=view)

    @_button(app, ActionId.ADD_STRATEGY)
    def add_strategy(client, respond, body, team_id, user_id, goal_id, now, today):
        tree = _editable_tree(client, deps, team_id, user_id, goal_id, today)
        meta = StrategyModalMeta(goal_id=goal_id, channel_id=channel_of(body))
        client.views_open(trigger_id=body["trigger_id"], view=build_strategy_modal(meta, tree.goal.title))

    @_button(app, ActionId.ADD_TACTIC)
    def add_tactic(client, respond, body, team_id, user_id, strategy_id, now, today):
        goal_id, strategy_title = _strategy_goal(deps, team_id, strategy_id, today)
        tree = _editable_tree(client, deps, team_id, user_id, goal_id, today)
        meta = TacticModalMeta(goal_id=goal_id, strategy_id=strategy_id, channel_id=channel_of(body))
        view = build_tactic_modal(meta, strategy_title, default_owner=user_id, default_due=tree.goal.due_date)
        client.views_open(trigger_id=body["trigger_id"], view=view)


def ask_before_archiving(respond, deps: Deps, actor: Actor, goal_id: int, *, today: date) -> None:
    """The question with its choices; nothing is archived until a button says how."""
    preview = archiving.archive_preview(deps.sessions, actor, goal_id, today=today)
    blocks = archive_blocks.build_archive_question(preview)
    text = f"Archive {preview.goal.ref}?"
    respond(text=text, blocks=blocks, response_type="ephemeral", replace_original=False)


def _editable_tree(client: WebClient, deps: Deps, team_id: str, user_id: str, goal_id: int, today: date):
    tree = goal_reads.goal_tree(deps.sessions, team_id, goal_id, today=today)
    actor_for(client, team_id, user_id, owner_id=tree.goal.owner_id).require_editor(
        tree.goal.owner_id, tree.goal.ref
    )
    return tree


def _strategy_goal(deps: Deps, team_id: str, strategy_id: int, today: date) -> tuple[int, str]:
    found = goal_reads.strategy_owner_goal(deps.sessions, team_id, strategy_id)
    if found is None:
        raise StrategyNotFound(format_ref(RefKind.STRATEGY, strategy_id))
    return found
