"""Filling in a modal line by line, then submitting it as Slack would (view_submission).

Each input block is one question: its label, its hint (goalbot's SMART hints live there), its
options and current value. An empty line keeps the value, `-` clears an optional one, and
`:cancel` abandons the modal. Errors the app returns are shown by their fields, and only those
fields are asked again. Inside a form `:help` explains it, `:quit` closes it and leaves the
console, and Ctrl-C abandons the form (not the console). A piped script's answers are echoed, so
its transcript shows what filled each field.
"""

from typing import TYPE_CHECKING

from bot.entrypoints.console import submission
from bot.entrypoints.console.forms import (
    Field,
    FormError,
    choices_line,
    current_value,
    empty_value,
    field_title,
    input_fields,
    is_empty,
    parse_answer,
    shown,
)
from bot.entrypoints.console.mrkdwn import plain
from bot.entrypoints.console.payloads import Surface
from bot.entrypoints.console.render import Choice, Line, render_blocks

if TYPE_CHECKING:
    from bot.entrypoints.console.shell import Console

CANCEL = ":cancel"
# Console commands that make no sense halfway through a form; typed there they are refused, not
# taken as the field's text.
_OUTSIDE_FORMS = frozenset({"home", "dm", "user", "channel", "at", "tick"})
FORM_HELP = """  (one line per field: an empty line keeps the value shown, - clears an optional field;
   :cancel or Ctrl-C abandons the form, :quit abandons it and leaves the console; other
   console commands such as :user and :tick work once the form is sent or cancelled)"""


class Cancelled(Exception):
    """The person typed :cancel or Ctrl-C, or the input ended, while a modal was open."""


class QuitConsole(Cancelled):
    """:quit inside a form: the form is abandoned, then the console ends."""


class ModalWalker:
    def __init__(self, console: "Console") -> None:
        self.console = console
        self.say = console.terminal.say
        self._walked: list[str] = []  # view ids, most recent last

    def ask(self, prompt: str) -> str:
        """One answer, after handling what the console itself understands inside a form."""
        terminal = self.console.terminal
        while True:
            try:
                answer = terminal.ask(prompt)
            except KeyboardInterrupt:
                terminal.say()
                raise Cancelled from None
            if answer is None:
                raise Cancelled
            if not terminal.interactive:
                self.say(f"{prompt}{answer}".rstrip(), "dim")
            typed = answer.strip()
            if typed == CANCEL:
                raise Cancelled
            if typed in (":quit", ":exit", ":q"):
                raise QuitConsole
            if typed == ":help":
                self.say(FORM_HELP, "dim")
                continue
            command = (
                typed[1:].split(maxsplit=1)[0].lower() if typed.startswith(":") and len(typed) > 1 else ""
            )
            if command in _OUTSIDE_FORMS:
                self.say(f"  ! :{command} works outside a form: finish this one, or {CANCEL} it, first.")
                continue
            return answer

    def run(self) -> None:
        """Walks whatever modal is on top until none is open."""
        while (view := self.console.views.top()) is not None:
            try:
                self.walk(view)
            except Cancelled as cancelled:
                submission.cancel(self.console, view)
                if isinstance(cancelled, QuitConsole):
                    raise
                return
            except Exception:
                # Half-submitted modals must not linger and be walked again after the error line.
                self.console.views.clear()
                raise

    def walk(self, view: dict) -> None:
        """Shows the modal top to bottom, asking each input as it comes, then submits it."""
        names = {
            "users": self.console.workspace.user_names(),
            "channels": self.console.workspace.channel_names(),
        }
        if self._walked and self._walked[-1] == view["id"]:
            self.say("goalbot updated the modal:", "bold")
        elif view["id"] in self._walked:
            self.say("back to the modal underneath:", "bold")
        else:
            self.say("goalbot opened a modal:", "bold")
        self._walked.append(view["id"])
        title = plain(view.get("title"))
        self.console.terminal.show([Line(title, "bold"), Line("=" * len(title), "bold")], "  ")
        fields = input_fields(view)
        by_block = {f.block_id: f for f in fields}
        values = {f.block_id: {f.action_id: current_value(f, view["state"]["values"])} for f in fields}
        choices: list[Choice] = []
        for block in view.get("blocks") or ():
            if block.get("type") == "input":
                if block.get("block_id") in by_block:
                    self.fill(by_block[block["block_id"]], values)
                continue
            rendered = render_blocks(
                [block], first=len(choices) + 1, users=names["users"], channels=names["channels"]
            )
            self.console.terminal.show(rendered.lines, "  ")
            choices += rendered.choices
        submit_label = plain(view.get("submit")) or "Submit"
        while True:
            self.console.views.save_state(view["id"], values)
            if choices or not fields:
                pressed = self.buttons(view, choices, submit_label if view.get("submit") else None)
                if pressed:
                    return  # the view changed or closed; run() looks again
            if not view.get("submit"):
                self.console.views.close(view["id"])
                return
            self.say(f"[{submit_label}]", "dim")
            errors = submission.submit(self.console, view, values)
            if not errors:
                return
            for field in [f for f in fields if f.block_id in errors]:
                self.fill(field, values, error=str(errors[field.block_id]))

    def buttons(self, view: dict, choices, submit: str | None) -> bool:
        """Offers the modal's buttons; True once one was pressed and changed the view."""
        ending = f"an empty line to {submit}" if submit else "an empty line to close"
        self.say(f"(type a button's number, {ending}, or {CANCEL})", "dim")
        while True:
            answer = self.ask("> ")
            if not answer.strip():
                return False
            if answer.strip().isdigit() and 1 <= int(answer) <= len(choices):
                choice = choices[int(answer) - 1]
                if not self.console.confirmed(choice):
                    continue
                before = view["hash"]
                current = self.console.views.find(view["id"]) or view
                reply = self.console.act(choice, Surface(view=current))
                self.console.report(reply, "that button")
                self.console.show(self.console.outbox.drain())
                top = self.console.views.top()
                if top is None or top["id"] != view["id"] or top["hash"] != before:
                    return True
                continue
            self.say(f"  ! Type 1-{len(choices)}, an empty line, or {CANCEL}.")

    def fill(self, field: Field, values: dict, error: str | None = None) -> None:
        value = values[field.block_id][field.action_id]
        self.say(field_title(field), "bold")
        if field.hint:
            self.say(f"  {field.hint}", "dim")
        if field.element.get("options") or field.element.get("option_groups"):
            self.say(f"  {choices_line(field)}")
        if not is_empty(value):
            self.say(f"  now: {shown(value, self.console.workspace.user_names())}", "dim")
        if error:
            self.say(f"  ! {error}")
        while True:
            answer = self.ask("> ")
            typed = answer.strip()
            if not typed and (field.optional or not is_empty(value)):
                return
            if not typed or (typed == "-" and not field.optional):
                self.say("  ! This field is required.")
                continue
            if typed == "-":
                values[field.block_id][field.action_id] = empty_value(field)
                return
            try:
                values[field.block_id][field.action_id] = parse_answer(field, typed, self.console.person_for)
                return
            except FormError as problem:
                self.say(f"  ! {problem}")
