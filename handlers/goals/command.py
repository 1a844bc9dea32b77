"""`/goals` and its subcommands. Database-only answers go in the ack; Web API work follows it."""

import logging
from datetime import date, datetime

from slack_sdk import WebClient

from bot.domain import commands as grammar
from bot.domain.parse import parse_goal_text
from bot.services import focus, goal_reads, goal_writes, measurements
from bot.services.actor import Actor
from bot.services.errors import ServiceError, SmartIncomplete
from handlers.deps import Deps, actor_for, team_of
from handlers.goals.editing import actor_for_goal
from handlers.goals.focus import announce_focus, focus_reply
from handlers.goals.modals import open_edit_goal_modal, open_new_goal_modal
from handlers.goals.replies import reply_error
from handlers.views import goal_messages as messages
from handlers.views.format import plural
from handlers.views.refusals import describe_refusal

logger = logging.getLogger(__name__)


def register(app, deps: Deps) -> None:
    @app.command("/goals")
    def goals_command(ack, command, respond, client, context, now: datetime, today: date):
        parsed = grammar.parse_goals_command(command.get("text") or "")
        request = _Request(ack, command, respond, client, team_of(context), now, today, deps)
        try:
            request.run(parsed)
        except ServiceError as error:
            request.fail(error)


class _Request:
    """One `/goals` invocation; knows whether it has acked yet, so errors go out the right way."""

    def __init__(self, ack, command, respond, client: WebClient, team_id, now, today, deps: Deps):
        self._ack, self.respond, self.client, self.deps = ack, respond, client, deps
        self.team_id, self.now, self.today = team_id, now, today
        self.user_id = command["user_id"]
        self.channel_id = command.get("channel_id")
        self.trigger_id = command.get("trigger_id")
        self.acked = False

    def ack(self, text: str | None = None, blocks=None) -> None:
        self.acked = True
        if text is None and blocks is None:
            self._ack()
        else:
            self._ack(text=text, blocks=blocks, response_type="ephemeral")

    def fail(self, error: ServiceError) -> None:
        if self.acked:
            reply_error(self.respond, error)
        else:
            text = describe_refusal(error)
            self.ack(text=text, blocks=messages.build_error(text))

    def run(self, parsed) -> None:
        match parsed:
            case grammar.Help():
                self.ack(text="Here is what /goals can do.", blocks=messages.build_help(grammar.help_lines()))
            case grammar.Unknown(word=word):
                intro = f"I don't know `{word[:40]}`. Here is what /goals can do:"
                self.ack(text=intro, blocks=messages.build_help(grammar.help_lines(), intro=intro))
            case grammar.Invalid(message=message):
                self.ack(text=message, blocks=messages.build_error(message))
            case grammar.New(text=text):
                self.new(text)
            case grammar.ListGoals():
                goals = goal_reads.channel_goals(
                    self.deps.sessions, self.team_id, self.channel_id, today=self.today
                )
                self.ack(
                    text=f"{plural(len(goals), 'goal')} here.",
                    blocks=messages.build_goal_list(goals, channel_id=self.channel_id),
                )
            case grammar.Show(goal_id=goal_id):
                self.show(goal_id)
            case grammar.Update():
                self.update(parsed)
            case grammar.Focus(goal_id=goal_id):
                outcome = focus.set_focus(
                    self.deps.sessions,
                    team_id=self.team_id,
                    user_id=self.user_id,
                    channel_id=self.channel_id,
                    goal_id=goal_id,
                    replace=False,
                    now=self.now,
                    today=self.today,
                )
                text, blocks = focus_reply(outcome)
                self.ack(text=text, blocks=blocks)
                announce_focus(self.client, outcome, user_id=self.user_id, channel_id=self.channel_id)
            case grammar.Edit(goal_id=goal_id):
                self.ack()
                open_edit_goal_modal(
                    self.client,
                    self.deps,
                    team_id=self.team_id,
                    user_id=self.user_id,
                    goal_id=goal_id,
                    trigger_id=self.trigger_id,
                    channel_id=self.channel_id,
                )
            case grammar.Archive(goal_id=goal_id):
                self.ack()
                actor = actor_for_goal(self.client, self.deps, self.team_id, self.user_id, goal_id)
                archived = goal_writes.archive_goal(self.deps.sessions, actor, goal_id, today=self.today)
                self.respond(text=f"Archived {archived.ref} {archived.title}.", response_type="ephemeral")

    def new(self, text: str) -> None:
        draft = parse_goal_text(text, self.today)
        problems: tuple = ()
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
                problems = incomplete.problems
            else:
                saved = messages.build_goal_saved(goal, created=True)
                self.ack(text=f"Saved {goal.ref}: {goal.title}", blocks=saved)
                return
        if problems:
            missing = ", ".join(sorted({p.part.value for p in problems}))
            self.ack(text=f"Almost there: the goal still needs {missing}. I've opened a form to finish it.")
        else:
            self.ack()
        open_new_goal_modal(
            self.client,
            self.deps,
            team_id=self.team_id,
            trigger_id=self.trigger_id,
            channel_id=self.channel_id,
            draft=draft,
            problems=problems,
        )

    def show(self, goal_id: int) -> None:
        tree = goal_reads.goal_tree(self.deps.sessions, self.team_id, goal_id, today=self.today)
        if tree.goal.owner_id == self.user_id:
            self.ack(
                text=tree.goal.title, blocks=messages.build_goal_tree(tree, can_edit=True, today=self.today)
            )
            return
        self.ack()
        actor = actor_for(self.client, self.team_id, self.user_id, owner_id=tree.goal.owner_id)
        blocks = messages.build_goal_tree(tree, can_edit=actor.is_admin, today=self.today)
        self.respond(text=tree.goal.title, blocks=blocks, response_type="ephemeral")

    def update(self, parsed: grammar.Update) -> None:
        recorded = measurements.record_measurement(
            self.deps.sessions,
            team_id=self.team_id,
            user_id=self.user_id,
            channel_id=self.channel_id,
            name=parsed.target,
            objective_id=parsed.objective_id,
            value=parsed.value,
            note=parsed.note,
            now=self.now,
            today=self.today,
        )
        blocks = messages.build_measurement_recorded(
            recorded.objective, recorded.goal_title, previous=recorded.previous, goal_ref=recorded.goal_ref
        )
        self.ack(text=f"Recorded {recorded.objective.ref}.", blocks=blocks)
