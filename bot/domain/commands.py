"""The `/goals` grammar: what each subcommand needs, and what to say when it is missing."""

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain import report_commands, workspace_commands
from bot.domain.followups import commands as followup_commands
from bot.domain.limits import page_number
from bot.domain.refs import KIND_NAMES, RefKind, format_ref, parse_ref
from bot.domain.update_command import UPDATE_EXAMPLE, UndoUpdate, Update, UpdateProblem, parse_update


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class New:
    text: str


@dataclass(frozen=True)
class ListGoals:
    page: int = 1  # counted from 1
    archived: bool = False


@dataclass(frozen=True)
class Show:
    goal_id: int


@dataclass(frozen=True)
class Focus:
    goal_id: int
    next_month: bool = False  # `/goals focus G12 next`


@dataclass(frozen=True)
class Edit:
    goal_id: int


@dataclass(frozen=True)
class Archive:
    goal_id: int


@dataclass(frozen=True)
class Restore:
    goal_id: int


@dataclass(frozen=True)
class Unknown:
    word: str
    suggestion: str | None = None  # the closest subcommand ("show" for "shwo"), if one is close


@dataclass(frozen=True)
class Invalid:
    message: str


GoalsCommand = (
    Help
    | New
    | ListGoals
    | Show
    | Update
    | UndoUpdate
    | Focus
    | Edit
    | Archive
    | Restore
    | Unknown
    | Invalid
    | report_commands.ReportCommand
    | workspace_commands.SettingsCommand
)
# `/goals followups …` and `/goals export …` (bot/domain/followups/commands.py)
FollowupCommand = followup_commands.FollowupCommand

_REPORT_SUBCOMMANDS = {
    "reminders": report_commands.parse_reminders,
    "digest": report_commands.parse_digest,
    "report": report_commands.parse_report,
    "settings": workspace_commands.parse_settings,
}

_GOAL_ID_COMMANDS: dict[str, Callable[..., GoalsCommand]] = {
    "show": Show,
    "edit": Edit,
    "archive": Archive,
    "restore": Restore,
    "focus": Focus,
}
# Every subcommand a person may type, for "did you mean" (help_lines shows them all).
SUBCOMMANDS = (
    "new", "list", "show", "update", "focus", "edit", "archive", "restore", "reminders", "digest",
    "report", "followups", "export", "settings", "help",
)  # fmt: skip
# difflib's ratio: "shwo" → "show" is 0.75, "lsit" → "list" 0.75; "frobnicate" matches nothing.
_CLOSE_ENOUGH = 0.7
# Echoing a pasted paragraph back as "unknown command" helps nobody; a word is enough.
_MAX_ECHOED_WORD = 40


def parse_goals_command(text: str) -> GoalsCommand | FollowupCommand:
    words = text.split()
    if not words:
        return Help()
    subcommand, arguments = words[0].lower(), words[1:]
    if subcommand == "help":
        return Help()
    if subcommand == "new":
        parts = text.strip().split(maxsplit=1)
        return New(text=parts[1].strip() if len(parts) > 1 else "")
    if subcommand == "list":
        return _list(arguments)
    if subcommand in _REPORT_SUBCOMMANDS:
        return _REPORT_SUBCOMMANDS[subcommand](arguments)
    if subcommand == "focus" and len(arguments) == 2 and arguments[1].lower() == "next":
        focused = _goal_id_command(subcommand, arguments[:1])
        return Focus(goal_id=focused.goal_id, next_month=True) if isinstance(focused, Focus) else focused
    if subcommand in _GOAL_ID_COMMANDS:
        return _goal_id_command(subcommand, arguments)
    if subcommand == "update":
        return _update(arguments)
    if subcommand in ("followups", "followup", "follow-ups"):
        return _followups(followup_commands.parse_followups(arguments))
    if subcommand == "export":
        return _followups(followup_commands.parse_export(arguments))
    word = words[0]
    close = difflib.get_close_matches(subcommand, SUBCOMMANDS, n=1, cutoff=_CLOSE_ENOUGH)
    echoed = word if len(word) <= _MAX_ECHOED_WORD else word[: _MAX_ECHOED_WORD - 1] + "…"
    return Unknown(echoed, close[0] if close else None)


def help_lines() -> list[str]:
    return [
        "`/goals new Raise CSAT from 78 to 85 by 2027-03-31 because …` — set a goal "
        "(opens a form if something is missing)",
        "`/goals list` — see this channel's goals and their ids (`/goals list 2` for the next page, "
        "`/goals list archived` for goals put away)",
        "`/goals show G12` — see a goal with its objectives, strategies and tactics",
        f"{UPDATE_EXAMPLE} — record where an objective stands now (by id or by name; "
        "`/goals update O7 undo` takes the latest one back)",
        "`/goals focus G12` — make it this channel's one main goal for the month",
        "`/goals edit G12` — change a goal's wording, numbers or dates",
        "`/goals archive G12` — put away a goal you no longer track (asks first)",
        "`/goals restore G12` — bring back a goal you archived",
        *report_commands.HELP_LINES,
        *workspace_commands.HELP_LINES,
        "`/goals followups` — open customer follow-ups, oldest first (`/goals followups due 24h` "
        "sets when they fall due)",
        "`/goals export 2027-03` — CSV files of this channel's goals, measurements, answers and "
        "follow-ups for a month (or everything without one)",
        "`/goals help` — show this list",
    ]


_LIST_USAGE = (
    "`/goals list` takes a page number or `archived`, e.g. `/goals list 2`, "
    "`/goals list archived` or `/goals list archived 2`"
)


def _list(arguments: list[str]) -> GoalsCommand:
    words = [word.lower() for word in arguments]
    archived = bool(words) and words[0] == "archived"
    rest = words[1:] if archived else words
    if not rest:
        return ListGoals(archived=archived)
    if len(rest) == 1 and (page := page_number(rest[0])) is not None:
        return ListGoals(page=page, archived=archived)
    return Invalid(_LIST_USAGE)


def _goal_id_command(subcommand: str, arguments: list[str]) -> GoalsCommand:
    usage = f"`/goals {subcommand}` needs a goal id such as `G12`. Run `/goals list` to see ids."
    if len(arguments) > 1:
        return Invalid(
            f"`/goals {subcommand}` takes one goal id, e.g. `/goals {subcommand} G12`; "
            f"you gave {len(arguments)} words. Run it once per goal."
        )
    if not arguments:
        return Invalid(usage)
    ref = parse_ref(arguments[0])
    if ref is not None and ref.kind is not RefKind.GOAL:
        return Invalid(f"`{format_ref(ref.kind, ref.id)}` is {KIND_NAMES[ref.kind]} id. {usage}")
    goal = parse_ref(arguments[0], RefKind.GOAL)
    if goal is None:
        return Invalid(usage)
    return _GOAL_ID_COMMANDS[subcommand](goal_id=goal.id)


def _update(arguments: list[str]) -> GoalsCommand:
    parsed = parse_update(arguments)
    return Invalid(parsed.message) if isinstance(parsed, UpdateProblem) else parsed


def _followups(parsed: FollowupCommand) -> GoalsCommand | FollowupCommand:
    if isinstance(parsed, followup_commands.Problem):
        return Invalid(parsed.message)
    return parsed
