"""One console session: who is typing where, what their actions send, and what comes back."""

import re
from dataclasses import replace

from bot.entrypoints.console.dispatcher import Dispatcher, Reply
from bot.entrypoints.console.labels import label
from bot.entrypoints.console.modal import ModalWalker
from bot.entrypoints.console.mrkdwn import plain, reading_in, zone_of
from bot.entrypoints.console.open_views import MyViews
from bot.entrypoints.console.outputs import Outbox
from bot.entrypoints.console.payloads import (
    Identity,
    Surface,
    app_home_opened,
    block_actions,
    dm_message,
    member_joined_channel,
    slash_command,
    user_change,
)
from bot.entrypoints.console.render import Choice, ambiguity, render_message, render_view
from bot.entrypoints.console.terminal import Terminal
from bot.entrypoints.console.ticking import TimeTravel
from bot.entrypoints.console.workspace import Output, ResponseTarget, Workspace, person_id, with_block_ids

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
        where = "goalbot (DM)" if self.in_dm else f"#{self.who.channel_name}"
        return f"{self.who.person.name}@{where}> "

    @property
    def in_dm(self) -> bool:
        return self.who.channel_id.startswith("D")

    def become(self, name: str, *, admin: bool | None = None, zone: str | None = None) -> None:
        known = self.workspace.knows(person_id(name))
        before = self.workspace.person(person_id(name)).timezone
        person = self.workspace.add_person(name, is_admin=admin, timezone=zone)
        self.who = replace(self.who, person=person)
        if self.in_dm:
            self.move_to_dm()
        else:
            self.join(self.who.channel_name)
        if known and before != person.timezone:
            # A known person's new zone reaches goalbot as Slack tells it: a user_change event.
            profile = self.workspace.standin.user(person.id) or {}
            self.report(self.dispatcher.send(user_change(profile, event_ts=self.workspace.next_ts())), "that")

    def move_to_dm(self) -> None:
        """The console's place becomes the person's DM with goalbot (Slack's Messages tab)."""
        me = self.who.person.id
        self.who = replace(self.who, channel_id=self.workspace.dm_of(me), channel_name="directmessage")

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

    def type_in_dm(self, text: str) -> None:
        """A message typed in the DM: goalbot reads it as a check-in reply (`O1 82 …`)."""
        event = dm_message(self.who, text, ts=self.workspace.next_ts())
        self.report(self.dispatcher.send(event), "a message in the DM")
        self.finish()

    def press(self, number: int, *, explicit: bool = False) -> None:
        """Presses button `number`; a bare number that could mean a button's label is refused."""
        if not 1 <= number <= len(self.choices):
            shown = f"1-{len(self.choices)}" if self.choices else "none yet"
            self.terminal.say(f"There is no button {number} (buttons on screen: {shown}).")
            return
        if not explicit and (doubt := ambiguity(number, [choice for choice, _ in self.choices])):
            self.terminal.say(doubt)
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
            with reading_in(zone_of(self.workspace.standin.user(me))):  # dates in my zone, as Slack
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
