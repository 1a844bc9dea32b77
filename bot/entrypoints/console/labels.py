"""The line above each output that says who sees it and where, as Slack's UI makes plain."""

from bot.entrypoints.console.payloads import Identity
from bot.entrypoints.console.workspace import Output, Workspace
from bot.slack.standin import dm_owner


def place(channel: str | None, who: Identity, workspace: Workspace) -> str:
    """ "#general", "your DM" or "@bob's DM"."""
    if channel and channel.startswith("D"):
        owner = dm_owner(channel)
        return "your DM" if owner == who.person.id else f"@{workspace.person(owner).name}'s DM"
    return "#" + workspace.channel_name(channel or who.channel_id)


def label(output: Output, who: Identity, workspace: Workspace) -> str:
    where = place(output.channel_id, who, workspace)
    elsewhere = "" if output.channel_id in (None, who.channel_id) else f" in {where}"
    mine = output.user_id == who.person.id
    audience = "you" if mine else f"@{workspace.person(str(output.user_id)).name}"
    if output.kind == "message" and output.channel_id and output.channel_id.startswith("D"):
        owner = dm_owner(output.channel_id)
        return f"goalbot → {'you' if owner == who.person.id else '@' + workspace.person(owner).name} (DM):"
    if output.kind == "message":
        thread = " (in a thread)" if output.message.get("thread_ts") else ""
        return f"goalbot in {where}{thread}:"
    if output.kind == "ephemeral":
        return f"goalbot (only visible to {audience}){elsewhere}:"
    if output.kind == "update":
        private = f" (only visible to {audience})" if output.user_id else ""
        return f"goalbot updated its message{private} in {where}:"
    if output.kind == "delete":
        return f"(goalbot deleted its message in {where})"
    if output.kind == "home":
        whose = "your" if mine else f"{audience}'s"
        return f"(goalbot updated {whose} Home tab; type :home to see it)"
    return output.note
