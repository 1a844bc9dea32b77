"""`/goals` and the goals feature's subcommands; other features' subcommands are run from the
table they fill (`deps.subcommands`, handlers/common/subcommands.py). Database-only answers go in
the ack; Web API work follows it in the lazy listener (handlers/later.py), so the ack never waits
for Slack."""

import logging
from datetime import date, datetime

from slack_sdk import WebClient

from bot.domain import commands as grammar
from bot.domain.drafts import SmartProblem
from bot.domain.parse import parse_goal_text
from bot.services import archiving, focus, goal_list, goal_reads, goal_writes
from bot.services.actor import Actor
from bot.services.errors import ServiceError, SmartIncomplete
from handlers.common.focus import announce_focus, focus_reply
from handlers.common.request import GoalsRequest
from handlers.deps import Deps, actor_for, team_of
from handlers.goals.actions import ask_before_archiving
from handlers.goals.editing import actor_for_goal
from handlers.goals.measurement_commands import record_update, undo_update
from handlers.goals.modals import open_edit_goal_modal, open_new_goal_modal
from handlers.later import on_ack_then_later
from handlers.views import archive_blocks
from handlers.views.format import escape
from handlers.views.goal_list import list_reply
from handlers.views.goal_tree import build_goal_tree
from handlers.views.notices import build_error, build_goal_saved, build_help

logger = logging.getLogger(__name__)


def register(app, deps: Deps) -> None:
    def goals_command(ack, command, respond, context, now: datetime, today: date):
        parsed = grammar.parse_goals_command(command.get("text") or "")
        request = _Request(ack, command, respond, context, team_of(context), now, today, deps)
        try:
            request.run(parsed)
        except ServiceError as error:
            request.fail(error)

    def answers_from_database(command) -> bool:
        parsed = grammar.parse_goals_command(command.get("text") or "")
        return isinstance(parsed, _DATABASE_ONLY) or deps.subcommands.answers_from_database(parsed)

    # Bolt copies the whole request for a lazy listener, even one with nothing to do; answers that
    # never need Slack skip that by going to a listener without one. Anything else, lazy.
    app.command("/goals", matchers=[answers_from_database])(goals_command)
    on_ack_then_later(app.command("/goals"), goals_command)


# The goals feature's own answers from the database alone; other features' are in deps.subcommands.
_DATABASE_ONLY = (grammar.Help, grammar.Unknown, grammar.Invalid, grammar.ListGoals, grammar.Update)


class _Request(GoalsRequest):
    """`/goals` itself: picks the subcommand."""

    def run(self, parsed) -> None:
        match parsed:
            case grammar.Help():
                self.ack(text="Here is what /goals can do.", blocks=build_help(grammar.help_lines()))
            case grammar.Unknown(word=word, suggestion=suggestion):
                intro = f"I don't know `{word[:40]}`. Here is what /goals can do:"
                if suggestion is not None:
                    intro = f"I don't know `{word[:40]}`. Did you mean `/goals {suggestion}`? Or:"
                self.ack(text=escape(intro), blocks=build_help(grammar.help_lines(), intro=intro))
            case grammar.Invalid(message=message):
                self.ack(text=escape(message), blocks=build_error(message))
            case grammar.New(text=text):
                self.new(text)
            case grammar.ListGoals(page=page, archived=archived):
                self.list_goals(page, archived=archived)
            case grammar.Show(goal_id=goal_id):
                self.show(goal_id)
            case grammar.Update():
                record_update(self, parsed)
            case grammar.UndoUpdate():
                undo_update(self, parsed)
            case grammar.Focus(goal_id=goal_id, next_month=next_month):
                # Another goal holding the month (this one or next) is replaced only after asking.
                outcome = focus.set_focus(
                    self.deps.sessions,
                    team_id=self.team_id,
                    user_id=self.user_id,
                    channel_id=self.channel_id,
                    goal_id=goal_id,
                    replace=False,
                    now=self.now,
                    today=self.today,
                    month=focus.next_month(self.today) if next_month else None,
                )
                text, blocks = focus_reply(outcome)
                self.ack(text=text, blocks=blocks)
                self.later(lambda client, _: announce_focus(client, outcome, user_id=self.user_id))
            case grammar.Edit(goal_id=goal_id):
                self.ack()
                self.later(
                    lambda client, _: open_edit_goal_modal(
                        client,
                        self.deps,
                        team_id=self.team_id,
                        user_id=self.user_id,
                        goal_id=goal_id,
                        trigger_id=self.trigger_id,
                        channel_id=self.channel_id,
                    )
                )
            case grammar.Archive(goal_id=goal_id):
                self.ack()
                self.later(lambda client, respond: self.archive(client, respond, goal_id))
            case grammar.Restore(goal_id=goal_id):
                self.ack()
                self.later(lambda client, respond: self.restore(client, respond, goal_id))
            case _:
                self.run_elsewhere(parsed)

    def run_elsewhere(self, parsed) -> None:
        """Another feature's subcommand (`reminders`, `report`, `followups`, …): its registered runner."""
        run = self.deps.subcommands.run_for(parsed)
        if run is None:  # a parsed kind no feature registered: a wiring mistake, not the person's
            raise LookupError(f"no feature answers /goals {type(parsed).__name__}")
        run(self, parsed)

    def list_goals(self, page: int, *, archived: bool) -> None:
        text, blocks = goal_list.rendered_page(
            self.deps.sessions,
            self.team_id,
            self.channel_id,
            today=self.today,
            render=list_reply,
            page=page,
            archived=archived,
        )
        self.ack(text=text, blocks=blocks)

    def archive(self, client: WebClient, respond, goal_id: int) -> None:
        """Asks first, as the tree's Archive button does: what happens to the goal's targets."""
        actor = actor_for_goal(client, self.deps, self.team_id, self.user_id, goal_id)
        ask_before_archiving(respond, self.deps, actor, goal_id, today=self.today)

    def restore(self, client: WebClient, respond, goal_id: int) -> None:
        actor = actor_for_goal(client, self.deps, self.team_id, self.user_id, goal_id)
        restored = archiving.restore_goal(self.deps.sessions, actor, goal_id, today=self.today)
        text, blocks = archive_blocks.restored_text(restored), archive_blocks.build_restored(restored)
        respond(text=text, blocks=blocks, response_type="ephemeral")

    def new(self, text: str) -> None:
        draft = parse_goal_text(text, self.today)
        problems: tuple[SmartProblem, ...] = ()
        if text.strip():
            # The service refuses anything not SMART; its refusal is what the form is prefilled from.
            try:
                goal = goal_writes.create_goal(
                    self.deps.sessions,
                    Actor(self.team_id, self.user_id),
                    draft,
                    channel_id=self.channel_id,
                    now=self.now,
                    today=self.today,
                )
            except SmartIncomplete as incomplete:
                problems = tuple(incomplete.problems)
            else:
                saved = build_goal_saved(goal, created=True)
                self.ack(text=f"Saved {goal.ref}: {escape(goal.title)}", blocks=saved)
                return
        if problems:
            missing = ", ".join(sorted({p.part.value for p in problems}))
            self.ack(text=f"Almost there: the goal still needs {missing}. I've opened a form to finish it.")
        else:
            self.ack()
        self.later(
            lambda client, _: open_new_goal_modal(
                client,
                self.deps,
                team_id=self.team_id,
                trigger_id=self.trigger_id,
                channel_id=self.channel_id,
                draft=draft,
                problems=problems,
            )
        )

    def show(self, goal_id: int) -> None:
        tree = goal_reads.goal_tree(self.deps.sessions, self.team_id, goal_id, today=self.today)
        if tree.goal.owner_id == self.user_id:
            blocks = build_goal_tree(tree, can_edit=True, today=self.today)
            self.ack(text=escape(tree.goal.title), blocks=blocks)
            return
        self.ack()
        self.later(lambda client, respond: self.show_to_non_owner(client, respond, tree))

    def show_to_non_owner(self, client: WebClient, respond, tree) -> None:
        actor = actor_for(client, self.team_id, self.user_id, owner_id=tree.goal.owner_id)
        blocks = build_goal_tree(tree, can_edit=actor.is_admin, today=self.today)
        respond(text=escape(tree.goal.title), blocks=blocks, response_type="ephemeral")
