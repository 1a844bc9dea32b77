"""The console's command loop (the standard library's cmd): slash commands, button numbers and
`:` commands, one line at a time, from a terminal or a piped script."""

import cmd
import re

from bot.entrypoints.console.clock import parse_console_time, zone_named
from bot.entrypoints.console.dispatcher import describe
from bot.entrypoints.console.modal import QuitConsole
from bot.entrypoints.console.shell import Console

_PRESS = re.compile(r"(click\s+)?(\d+)", re.IGNORECASE)

HELP = """\
Type what you would type in Slack, plus a few console commands:
  /goals help              any slash command, sent as Slack sends it
  click 2   (or just 2)    press button 2 of the latest output (a bare 2 is refused when
                           button [2] is labelled with another number: type click 2)
  :home                    open goalbot's App Home tab
  :dm                      go to your DM with goalbot (Slack's Messages tab): a line typed
                           there is a message to goalbot, e.g. a check-in reply O1 82 busy day
  :user NAME [admin] [ZONE]  be someone else (:user NAME member drops admin); ZONE, e.g.
                           Europe/Berlin, is their time zone (default: DEFAULT_TIMEZONE)
  :channel NAME            move to another channel (also out of the DM)
  :at YYYY-MM-DD HH:MM     move the clock forward (the workspace's zone, or an ISO instant
                           with offset) and run goalbot's tick, as its clock process would,
                           printing each tick's summary; the clock is kept with the data
  :tick                    run goalbot's tick now (check-in prompts, reminders, digests)
  :help                    this text
  :quit                    leave (so does end of input)
In a form: one line per field; an empty line keeps the value shown, - clears an
optional field, :cancel (or Ctrl-C) abandons the form, :help explains, :quit leaves;
other console commands wait until the form is sent or cancelled.
The console's workspace id is T_CONSOLE: `goalbot export --team T_CONSOLE --out DIR`, with
the same DATABASE_URL, writes its CSV files."""


class ConsoleCommands(cmd.Cmd):
    """`:name args` runs do_name; everything else is what a person would type in Slack."""

    def __init__(self, console: Console) -> None:
        super().__init__(stdin=console.terminal.stdin, stdout=console.terminal.stdout)
        self.console = console
        self.say = console.terminal.say

    def run(self) -> int:
        terminal = self.console.terminal
        if terminal.interactive:
            self.say("goalbot console: you are @you (an admin) in #general. :help lists commands.", "dim")
        while (line := terminal.ask(self.console.prompt)) is not None:
            try:
                if self.onecmd(line):
                    return 0
            except QuitConsole:
                return 0
            except Exception as error:  # one bad line must not end the shell, nor print a traceback
                self.say(f"Something went wrong: {describe(error)}")
        return 0

    def onecmd(self, line: str) -> bool:
        line = line.strip()
        if not line or line.startswith("#"):  # blank lines and comments, for scripts
            return False
        if line.startswith(":"):
            return bool(super().onecmd(line[1:]))
        if line.startswith("/"):
            command, _, text = line.partition(" ")
            self.console.slash(command, text.strip())
        elif match := _PRESS.fullmatch(line):
            self.console.press(int(match.group(2)), explicit=bool(match.group(1)))
        elif self.console.in_dm:
            self.console.type_in_dm(line)
        else:
            self.say(
                "Not a command. Type a slash command such as /goals help, a button number, or :help;"
                " to write to goalbot (a check-in reply such as O1 82), go to its DM with :dm."
            )
        return False

    def default(self, line: str) -> None:
        self.say(
            "Unknown console command. Try :help, :home, :dm, :user NAME [admin] [ZONE], :channel NAME,"
            " :at, :tick or :quit."
        )

    def emptyline(self) -> bool:
        return False

    def do_quit(self, arg: str) -> bool:
        return True

    do_exit = do_q = do_quit

    def do_help(self, arg: str) -> bool:
        self.say(HELP)
        return False

    def do_home(self, arg: str) -> bool:
        self.console.open_home()
        return False

    def do_user(self, arg: str) -> bool:
        name, *rest = arg.split() or [""]
        roles = [word.lower() for word in rest if word.lower() in ("admin", "member")]
        zones = [word for word in rest if word.lower() not in ("admin", "member")]
        if not name or len(roles) > 1 or len(zones) > 1:
            self.default(arg)
            return False
        zone = None
        if zones:
            zone = zone_named(zones[0])
            if zone is None:
                self.say(f"Unknown time zone {zones[0]}; use an IANA name such as Europe/Berlin.")
                return False
        admin = None if not roles else roles[0] == "admin"
        self.console.become(name, admin=admin, zone=zone)
        person = self.console.who.person
        role = "an admin" if person.is_admin else "a member"
        zone_note = f", in {person.timezone}" if person.timezone else ""
        self.say(f"(you are now @{person.name}, {role}{zone_note})", "dim")
        return False

    def do_dm(self, arg: str) -> bool:
        self.console.move_to_dm()
        self.say("(you are in your DM with goalbot; a line you type is a message to it)", "dim")
        return False

    def do_channel(self, arg: str) -> bool:
        if len(arg.split()) != 1:
            self.default(arg)
            return False
        self.console.move_to(arg.strip())
        self.say(f"(you are now in #{self.console.who.channel_name})", "dim")
        return False

    def do_at(self, arg: str) -> bool:
        travel = self.console.travel
        if travel is None:
            self.say("This console has no clock to move.")
            return False
        try:
            target = parse_console_time(arg, travel.zone())
            self.console.dispatcher.log.take()
            travel.jump(target, self._ticked)
        except ValueError as error:
            self.say(str(error))
        return False

    def do_tick(self, arg: str) -> bool:
        if self.console.travel is None:
            self.say("This console has no clock to tick.")
        else:
            self.console.dispatcher.log.take()
            self.console.travel.tick(self._ticked)
        return False

    def _ticked(self, summary: str) -> None:
        """After a tick: what went out, then the tick's summary line (dimmed)."""
        for problem in self.console.dispatcher.log.take():
            self.say(f"Something went wrong: {problem}")
        self.console.finish()
        self.say(f"({summary})", "dim")
