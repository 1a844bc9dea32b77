"""Short ids such as `G12` or `O7`: a kind letter followed by the row id."""

import re
from dataclasses import dataclass
from enum import StrEnum


class RefKind(StrEnum):
    GOAL = "G"
    OBJECTIVE = "O"
    STRATEGY = "S"
    TACTIC = "T"


@dataclass(frozen=True)
class Ref:
    kind: RefKind
    id: int


# 18 digits keeps every id inside a signed 64-bit column, so a pasted junk number
# can never reach the database as an overflow.
_REF = re.compile(r"#?([GOST])?([0-9]{1,18})", re.IGNORECASE)


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
