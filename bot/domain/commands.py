"""The `/goals` grammar: what each subcommand needs, and what to say when it is missing."""

from dataclasses import dataclass

from bot.domain.numbers import parse_number
from bot.domain.refs import RefKind, format_ref, parse_ref


@dataclass(frozen=True)
class Help:
    pass


@dataclass(frozen=True)
class New:
    text: str


@dataclass(frozen=True)
class ListGoals:
    pass


@dataclass(frozen=True)
class Show:
    goal_id: int


@dataclass(frozen=True)
class Update:
    target: str  # what the user called the objective: "O7" or its name
    objective_id: int | None
    value: float
    note: str | None


@dataclass(frozen=True)
class Focus:
    goal_id: int


@dataclass(frozen=True)
class Edit:
    goal_id: int


@dataclass(frozen=True)
class Archive:
    goal_id: int


@dataclass(frozen=True)
class Unknown:
    word: str


@dataclass(frozen=True)
class Invalid:
    message: str


GoalsCommand = Help | New | ListGoals | Show | Update | Focus | Edit | Archive | Unknown | Invalid

_GOAL_ID_COMMANDS = {"show": Show, "edit": Edit, "archive": Archive, "focus": Focus}
_KIND_NAMES = {
    RefKind.GOAL: "a goal",
    RefKind.OBJECTIVE: "an objective",
    RefKind.STRATEGY: "a strategy",
    RefKind.TACTIC: "a tactic",
}
# Echoing a pasted paragraph back as "unknown command" helps nobody; a word is enough.
_MAX_ECHOED_WORD = 40
_UPDATE_EXAMPLE = "`/goals update O7 82 after the weekend push`"


def parse_goals_command(text: str) -> GoalsCommand:
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
        return ListGoals()
    if subcommand in _GOAL_ID_COMMANDS:
        return _goal_id_command(subcommand, arguments)
    if subcommand == "update":
        return _update(arguments)
    word = words[0]
    return Unknown(word if len(word) <= _MAX_ECHOED_WORD else word[: _MAX_ECHOED_WORD - 1] + "…")


def help_lines() -> list[str]:
    return [
        "`/goals new Raise CSAT from 78 to 85 by 2027-03-31 because …` — set a goal "
        "(opens a form if something is missing)",
        "`/goals list` — see this channel's goals and their ids",
        "`/goals show G12` — see a goal with its objectives, strategies and tactics",
        f"{_UPDATE_EXAMPLE} — record where an objective stands now (by id or by name)",
        "`/goals focus G12` — make it this channel's one main goal for the month",
        "`/goals edit G12` — change a goal's wording, numbers or dates",
        "`/goals archive G12` — put away a goal you no longer track",
        "`/goals help` — show this list",
    ]


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
        return Invalid(f"`{format_ref(ref.kind, ref.id)}` is {_KIND_NAMES[ref.kind]} id. {usage}")
    goal = parse_ref(arguments[0], RefKind.GOAL)
    if goal is None:
        return Invalid(usage)
    return _GOAL_ID_COMMANDS[subcommand](goal_id=goal.id)


def _update(arguments: list[str]) -> GoalsCommand:
    if not arguments:
        return Invalid(f"`/goals update` needs an objective and a number, e.g. {_UPDATE_EXAMPLE}")
    ref = parse_ref(arguments[0])
    if ref is not None:
        if ref.kind is not RefKind.OBJECTIVE:
            return Invalid(
                f"`{format_ref(ref.kind, ref.id)}` is {_KIND_NAMES[ref.kind]} id; `/goals update` needs an "
                f"objective id such as `O7` or the objective's name, e.g. {_UPDATE_EXAMPLE}"
            )
        name, objective_id, rest = format_ref(ref.kind, ref.id), ref.id, arguments[1:]
    else:
        split_at = next(
            (i for i, word in enumerate(arguments) if parse_number(word) is not None), len(arguments)
        )
        if split_at == 0:
            return Invalid(
                f"`/goals update` needs the objective before the number, e.g. {_UPDATE_EXAMPLE} "
                "or `/goals update repeat orders 950`"
            )
        name, objective_id, rest = " ".join(arguments[:split_at]), None, arguments[split_at:]
    value = parse_number(rest[0]) if rest else None
    if value is None:
        return Invalid(f"`/goals update` needs a number after the objective, e.g. {_UPDATE_EXAMPLE}")
    return Update(target=name, objective_id=objective_id, value=value, note=" ".join(rest[1:]) or None)
