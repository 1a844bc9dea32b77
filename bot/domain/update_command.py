"""`/goals update`: a number for an objective (by id or by name), or `undo` of its latest one."""

from dataclasses import dataclass

from bot.domain.numbers import join_digit_groups, parse_number
from bot.domain.refs import KIND_NAMES, RefKind, format_ref, parse_ref

UPDATE_EXAMPLE = "`/goals update O7 82 after the weekend push`"
_UNDO_WORD = "undo"


@dataclass(frozen=True)
class Update:
    target: str  # what the user called the objective: "O7" or its name
    objective_id: int | None
    value: float
    note: str | None


@dataclass(frozen=True)
class UndoUpdate:
    """`/goals update O7 undo`: take back the objective's latest measurement."""

    target: str
    objective_id: int | None


@dataclass(frozen=True)
class UpdateProblem:
    """What to type instead; commands.py turns it into `Invalid`."""

    message: str


def parse_update(arguments: list[str]) -> Update | UndoUpdate | UpdateProblem:
    if not arguments:
        return UpdateProblem(f"`/goals update` needs an objective and a number, e.g. {UPDATE_EXAMPLE}")
    ref = parse_ref(arguments[0])
    if ref is not None:
        if ref.kind is not RefKind.OBJECTIVE:
            return UpdateProblem(
                f"`{format_ref(ref.kind, ref.id)}` is {KIND_NAMES[ref.kind]} id; `/goals update` needs an "
                f"objective id such as `O7` or the objective's name, e.g. {UPDATE_EXAMPLE}"
            )
        name, objective_id, rest = format_ref(ref.kind, ref.id), ref.id, arguments[1:]
    else:
        named_undo = arguments[-1].lower() == _UNDO_WORD and len(arguments) > 1
        if named_undo and all(parse_number(word) is None for word in arguments[:-1]):
            return UndoUpdate(target=" ".join(arguments[:-1]), objective_id=None)
        split_at = next(
            (i for i, word in enumerate(arguments) if parse_number(word) is not None), len(arguments)
        )
        if split_at == 0:
            return UpdateProblem(
                f"`/goals update` needs the objective before the number, e.g. {UPDATE_EXAMPLE} "
                "or `/goals update repeat orders 950`"
            )
        name, objective_id, rest = " ".join(arguments[:split_at]), None, arguments[split_at:]
    if len(rest) == 1 and rest[0].lower() == _UNDO_WORD:
        return UndoUpdate(target=name, objective_id=objective_id)
    # "1 000" is one thousand, never 1 with a note of "000".
    number, used = join_digit_groups(rest)
    value = parse_number(number) if rest else None
    if value is None:
        return UpdateProblem(f"`/goals update` needs a number after the objective, e.g. {UPDATE_EXAMPLE}")
    return Update(target=name, objective_id=objective_id, value=value, note=" ".join(rest[used:]) or None)
