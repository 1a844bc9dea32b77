"""What `/goals settings timezone` answers."""

from slack_sdk.models.blocks import Block

from handlers.views.blocks import context, section


def zone_text(zone: str | None, fallback: str, *, changed: bool = False) -> str:
    """`zone`: the workspace's own; None: it has none, so `fallback` (DEFAULT_TIMEZONE) applies."""
    if changed:
        return (
            f":white_check_mark: The workspace's default time zone is now {zone}. People and channels "
            "without a zone of their own use it from now on."
        )
    if zone is None:
        return (
            f"This workspace has no default time zone of its own, so goalbot uses {fallback} for people "
            "and channels without a zone."
        )
    return (
        f"This workspace's default time zone is {zone}, for people and channels without a zone of their own."
    )


def build_zone(zone: str | None, fallback: str, *, changed: bool = False) -> list[Block]:
    hint = "A workspace admin can change it, e.g. `/goals settings timezone Europe/Berlin`."
    return [section(zone_text(zone, fallback, changed=changed)), context(hint)]
