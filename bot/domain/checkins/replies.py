"""A plain DM reply to a check-in prompt: its open text, and numbers given as `O3 82`.

`O3 82`, `O3: 82`, `O3=82` and `#O3 82` record 82 on objective O3 (the value as `parse_number`
reads it: "1,200", "85%", "1.2k"). Those pairs are taken out of the text; whatever else was typed,
line breaks kept, is the open-text answer. A later pair for the same objective wins. A reference
followed by something that is not a number ("O3 is behind") stays in the text.
"""

import re
from dataclasses import dataclass, field

from bot.domain.numbers import parse_number
from bot.domain.refs import RefKind, parse_ref

_PAIR = re.compile(r"(?<!\S)(?P<ref>#?[oO][0-9]{1,18})(?:\s*[:=]\s*|[ \t]+)(?P<value>[^\s,;]+(?:,[0-9]{3})*)")


@dataclass(frozen=True)
class Reply:
    text: str | None
    numbers: dict[int, float] = field(default_factory=dict)  # objective id → value


def parse_reply(message: str) -> Reply:
    numbers: dict[int, float] = {}

    def take(match: re.Match[str]) -> str:
        ref, value = parse_ref(match["ref"], RefKind.OBJECTIVE), parse_number(match["value"])
        if ref is None or value is None:
            return match[0]
        numbers[ref.id] = value
        return ""

    rest = _PAIR.sub(take, message)
    lines = [" ".join(line.split()) for line in rest.splitlines()]
    text = "\n".join(line for line in lines if line).strip()
    return Reply(text or None, numbers)
