"""Short ids such as `G12` or `O7`: a kind letter followed by the row id."""

import re
from dataclasses import dataclass
from enum import StrEnum


class RefKind(StrEnum):
    GOAL = "G"
    OBJECTIVE = "O"
    STRATEGY = "S"
    TACTIC = "T"


# How a refusal names the kind of a mistyped id: "`S2` is a strategy id".
KIND_NAMES = {
    RefKind.GOAL: "a goal",
    RefKind.OBJECTIVE: "an objective",
    RefKind.STRATEGY: "a strategy",
    RefKind.TACTIC: "a tactic",
}


@dataclass(frozen=True)
class Ref:
    kind: RefKind
    id: int


# A well-formed id too big for any row (G10000000000000000000000) still reads as an id, so the
# person hears "I can't find G1…" rather than "that is not an id"; models/queries.py never sends
# such a number to the database. Past 40 digits it is not an id someone typed.
_REF = re.compile(r"#?([GOST])?([0-9]{1,40})", re.IGNORECASE)


def format_ref(kind: RefKind, id: int) -> str:
    return f"{kind.value}{id}"


def parse_ref(text: str, kind: RefKind | None = None) -> Ref | None:
    """Read `G12`, `#g12`, or a bare `12` when the caller already knows the kind."""
    match = _REF.fullmatch(text.strip())
    if match is None:
        return None
    letter, digits = match.groups()
    if letter is None:
        if kind is None:
            return None
        found = kind
    else:
        found = RefKind(letter.upper())
        if kind is not None and found is not kind:
            return None
    number = int(digits)
    return Ref(found, number) if number >= 1 else None
