"""One console session: who is typing where, what their actions send, and what comes back."""

import re
from dataclasses import replace

from bot.entrypoints.console.dispatcher import Dispatcher, Reply
from bot.entrypoints.console.labels import label
from bot.entrypoints.console.modal import ModalWalker
from bot.entrypoints.console.mrkdwn import plain
from bot.entrypoints.console.outputs import Outbox
from bot.entrypoints.console.payloads import (
    Identity,
    Surface,
    app_home_opened,
    block_actions,
    member_joined_channel,
    slash_command,
)
from bot.entrypoints.console.render import Choice, render_message, render_view
from bot.entrypoints.console.terminal import Terminal
from bot.entrypoints.console.ticking import TimeTravel
from bot.entrypoints.console.views import MyViews
from bot.entrypoints.console.workspace import Output, ResponseTarget, Workspace, with_block_ids

Bound = tuple[Choice, Surface]


class Console:
    def __init__(
        self,
        workspace: Workspace,
        dispatcher: Dispatcher,
        terminal: Terminal,
        travel: TimeTravel | None = None,
    ) -> None:
        self.workspace, self.dispatcher, self.terminal = workspace, dispatcher, terminal
        self.travel = travel
        self.views = MyViews(workspace.standin.views, lambda: self.who.person.id)
        self.outbox = Outbox(workspace)
        person = self.workspace.add_person("you", is_admin=True)
        channel = self.workspace.add_channel("general", member=person.id)
        self.who = Identity(person, channel, "general")
        self.choices: list[Bound] = []  # from the latest output that had any
        self.modals = ModalWalker(self)

    # Who and where
    @property
    def prompt(self) -> str:
        return f"{self.who.person.name}@#{self.who.channel_name}> "

    def become(self, name: str, *, admin: bool | None = None) -> None:
        self.who = replace(self.who, person=self.workspace.add_person(name, is_admin=admin))
        self.join(self.who.channel_name)

    def move_to(self, name: str) -> None:
        channel = self.join(name)
        self.who = replace(self.who, channel_id=channel, channel_name=self.workspace.channel_name(channel))

    def join(self, channel_name: str) -> str:
        """The current person joins the channel; Slack tells goalbot (member_joined_channel), so a
        check-in schedule there asks them too."""
        channel, joined = self.workspace.join_channel(channel_name, self.who.person.id)
        if joined:
            event = member_joined_channel(self.who.person.id, channel, event_ts=self.workspace.next_ts())
            for problem in self.dispatcher.send(event).problems:
                self.terminal.say(f"Something went wrong: {problem}")
        return channel

    def person_for(self, text: str) -> str:
        """A typed name ("alice", "@alice") or user id → a user id the workspace knows."""
        text = text.strip()
        return text if re.fullmatch(r"U[A-Z0-9_]+", text) else self.workspace.add_person(text).id

    def plain(self, mrkdwn: str) -> str:
        """Text as Slack shows it: <#C_GENERAL> is #general, <@U_BOB> is @bob."""
        names = {"users": self.workspace.user_names(), "channels": self.workspace.channel_names()}
        return plain(mrkdwn, **names)

    # What the person does
    def slash(self, command: str, text: str) -> None:
        target = ResponseTarget(self.who.channel_id, self.who.person.id)
        payload = slash_command(
            self.who,
            command,
            text,
            response_url=self.workspace.response_url(target),
            trigger_id=self.workspace.new_trigger(self.who.person.id),
        )
        reply = self.dispatcher.send(payload)
        self.report(reply, command)
        self.finish(self._ack_outputs(reply))

    def press(self, number: int) -> None:
        if not 1 <= number <= len(self.choices):
            shown = f"1-{len(self.choices)}" if self.choices else "none yet"
            self.terminal.say(f"There is no button {number} (buttons on screen: {shown}).")
            return
        choice, surface = self.choices[number - 1]
        if self.confirmed(choice):
            self.report(self.act(choice, surface), "that button")
            self.finish()

    def act(self, choice: Choice, surface: Surface) -> Reply:
        """Sends block_actions for a pressed element, with the surface as it is now."""
        if surface.view is not None:
            surface = replace(surface, view=self.views.find(surface.view["id"]) or surface.view)
            response_url = None
        else:
            if not surface.ephemeral and surface.channel_id and surface.message_ts:
                latest = self.workspace.message(surface.channel_id, surface.message_ts)
                surface = replace(surface, message=latest or surface.message)
            target = ResponseTarget(
                str(surface.channel_id), self.who.person.id, surface.message_ts, surface.ephemeral
            )
            response_url = self.workspace.response_url(target)
        payload = block_actions(
            self.who,
            choice,
            surface,
            trigger_id=self.workspace.new_trigger(self.who.person.id),
            response_url=response_url,
        )
        return self.dispatcher.send(payload)

    def confirmed(self, choice: Choice) -> bool:
        confirm = choice.element.get("confirm")
        if not confirm:
            return True
        title, text = plain(confirm.get("title")), plain(confirm.get("text"))
        self.terminal.say(f"{title}{' ' if title.endswith(('?', '.', '!')) else ': '}{text} [y/N]")
        if (self.terminal.ask("[y/N] ") or "").strip().lower() in ("y", "yes"):
            return True
        self.terminal.say("(not pressed)", "dim")
        return False

    def open_home(self) -> None:
        me = self.who.person.id
        event = app_home_opened(
            self.who,
            dm_channel=self.workspace.dm_of(me),
            view=self.views.home(me),
            event_ts=self.workspace.next_ts(),
        )
        self.report(self.dispatcher.send(event), "opening App Home")
        self.finish(home=True)

    # What comes back
    def report(self, reply: Reply, what: str) -> None:
        for problem in reply.problems:
            self.terminal.say(f"Something went wrong: {problem}")
        if reply.status == 404:
            self.terminal.say(f"(goalbot has nothing that handles {what})", "dim")
        elif reply.status >= 400 and not reply.problems:
            self.terminal.say(f"Something went wrong: goalbot answered HTTP {reply.status}")

    def _ack_outputs(self, reply: Reply) -> list[Output]:
        message = reply.message
        if message is None or reply.status != 200:
            return []
        channel, ts = self.who.channel_id, self.workspace.next_ts()
        message = {**message, "ts": ts, "blocks": with_block_ids(message.get("blocks"))}
        if message.get("response_type") == "in_channel":
            self.workspace.store_message(channel, ts, message)
            return [Output("message", channel, ts=ts, message=message)]
        return [Output("ephemeral", channel, self.who.person.id, ts, message)]

    def finish(self, first: list[Output] | None = None, *, home: bool = False) -> None:
        """Shows what goalbot said, then walks any modal it opened."""
        self.show([*(first or []), *self.outbox.drain()], home=home)
        self.modals.run()

    def show(self, outputs: list[Output], *, home: bool = False) -> None:
        me, fresh = self.who.person.id, list[Bound]()
        names = {"users": self.workspace.user_names(), "channels": self.workspace.channel_names()}
        for output in outputs:
            if output.kind in ("delete", "home", "note"):
                if not (home and output.kind == "home" and output.user_id == me):
                    self.terminal.say(label(output, self.who, self.workspace), "dim")
                continue
            rendered = render_message(output.message, first=len(fresh) + 1, **names)
            # A thread reply sits under its parent, as Slack's thread view shows it.
            indent = "    " if output.kind == "message" and output.message.get("thread_ts") else ""
            self.terminal.say(indent + label(output, self.who, self.workspace), "bold")
            self.terminal.show(rendered.lines, indent + "  ")
            private = output.kind == "ephemeral" or (output.kind == "update" and output.user_id is not None)
            surface = Surface(output.channel_id, output.ts, private, output.message)
            fresh += [(choice, surface) for choice in rendered.choices]
        if home:
            view = self.views.home(me)
            if view is None:
                self.terminal.say("(goalbot has not published a Home tab for you)", "dim")
            else:
                rendered = render_view(view, first=len(fresh) + 1, **names)
                self.terminal.say("goalbot Home tab:", "bold")
                self.terminal.show(rendered.lines, "  ")
                fresh += [(choice, Surface(view=view)) for choice in rendered.choices]
        if fresh:
            self.choices = fresh
