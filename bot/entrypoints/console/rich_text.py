"""rich_text blocks (what Slack's composer sends, and what some bots post) → plain lines."""

from collections.abc import Mapping

from bot.entrypoints.console.mrkdwn import name_from_id


def _inline(elements, users: Mapping[str, str], channels: Mapping[str, str]) -> str:
    parts = []
    for element in elements or ():
        kind = element.get("type")
        if kind == "text":
            parts.append(element.get("text", ""))
        elif kind == "link":
            parts.append(element.get("text") or element.get("url", ""))
        elif kind == "user":
            user_id = element.get("user_id", "")
            parts.append("@" + (users.get(user_id) or name_from_id(user_id)))
        elif kind == "channel":
            channel_id = element.get("channel_id", "")
            parts.append("#" + (channels.get(channel_id) or name_from_id(channel_id)))
        elif kind == "emoji":
            parts.append(f":{element.get('name', '')}:")
        elif kind == "broadcast":
            parts.append("@" + element.get("range", "here"))
        elif kind == "date":
            parts.append(element.get("fallback", ""))
    return "".join(parts)


def rich_text_lines(block: Mapping, *, users: Mapping[str, str], channels: Mapping[str, str]) -> list[str]:
    lines: list[str] = []
    for element in block.get("elements") or ():
        kind = element.get("type")
        if kind == "rich_text_list":
            ordered = element.get("style") == "ordered"
            indent = "  " * int(element.get("indent", 0))
            for number, item in enumerate(element.get("elements") or (), start=1):
                bullet = f"{number}." if ordered else "•"
                lines.append(f"{indent}{bullet} {_inline(item.get('elements'), users, channels)}")
        else:
            text = _inline(element.get("elements"), users, channels)
            prefix = "> " if kind == "rich_text_quote" else ""
            lines.extend(prefix + line for line in text.split("\n"))
    return lines
