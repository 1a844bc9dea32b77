"""What a person may type to abuse a message, and the check that none of it became markup.

`leaks(payload)` walks every string Slack would show as mrkdwn (a message's `text`, a file's
`initial_comment`, every `mrkdwn` text object) and every `plain_text` object in a body, and names
what went wrong: markup nobody but a person could have made (a broadcast, a mention of someone the
product never names, a link), text escaped twice, or escaped text in plain_text (shown as "&lt;").
"""

import json
import re

# 97 characters, inside the shortest limit of a typed name (a metric's 100).
HOSTILE = "<!here><!channel><!everyone><!subteam^S123><@U999><#C999><https://evil.example|parts> & a &amp; b"

# Markup the product makes itself: mentions of people and channels by id, and dates. The ids in
# HOSTILE (U999, C999) are nobody the product ever names, so they never pass.
_OURS = re.compile(r"<(?:@(?!U999>)[UW][A-Z0-9_]+|#(?!C999>)[CDG][A-Z0-9_]+|!date\^\d+\^[^<>|]*\|[^<>]*)>")
_MARKUP = re.compile(r"<[^<>]*>?")
_SHOWN_AS_MRKDWN = {"text", "initial_comment"}


def leaks(payload, where: str = "") -> list[str]:
    found: list[str] = []
    _walk(_decoded(payload), where, found)
    return found


def _decoded(value):
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _walk(node, where: str, found: list[str]) -> None:
    node = _decoded(node)
    if isinstance(node, list):
        for item in node:
            _walk(item, where, found)
        return
    if not isinstance(node, dict):
        return
    kind = node.get("type")
    for key, value in node.items():
        if isinstance(value, str) and key in _SHOWN_AS_MRKDWN and kind != "plain_text":
            found += [f"{where}: {problem} in {value!r}" for problem in mrkdwn_problems(value)]
        elif isinstance(value, str) and key == "text" and kind == "plain_text":
            found += [f"{where}: {problem} in {value!r}" for problem in plain_problems(value)]
        elif key in ("blocks", "view", "elements", "fields", "accessory", "attachments") or not isinstance(
            value, str
        ):
            _walk(value, where, found)


def mrkdwn_problems(text: str) -> list[str]:
    problems = [f"unescaped {m.group()!r}" for m in _MARKUP.finditer(text) if not _OURS.fullmatch(m.group())]
    if "&amp;lt;" in text or "&amp;gt;" in text:
        problems.append("escaped twice")
    return problems


def plain_problems(text: str) -> list[str]:
    # plain_text is shown as typed: an entity there reaches the reader as "&lt;".
    return ["escaped plain_text"] if "&lt;" in text or "&gt;" in text else []
