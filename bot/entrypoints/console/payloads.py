"""What the person did, as the requests Slack would send: the console's ids on the shared builders
(bot/slack/standin/requests), which the tests use too."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from bot.entrypoints.console.render import Choice
from bot.entrypoints.console.workspace import APP_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, Person
from bot.slack.standin import requests

Payload = requests.Payload


@dataclass(frozen=True)
class Identity:
    """Who is typing, and where."""

    person: Person
    channel_id: str
    channel_name: str


@dataclass(frozen=True)
class Surface:
    """Where a pressed element lives: a message (maybe ephemeral) or a view (modal or Home)."""

    channel_id: str | None = None
    message_ts: str | None = None
    ephemeral: bool = False
    message: Mapping[str, Any] | None = None
    view: Mapping[str, Any] | None = None


def _ids(who: Identity) -> dict[str, Any]:
    return {"team_id": TEAM_ID, "user_id": who.person.id, "user_name": who.person.name}


def _workspace() -> dict[str, Any]:
    return {"team_domain": TEAM_DOMAIN, "app_id": APP_ID}


def slash_command(who: Identity, command: str, text: str, *, response_url: str, trigger_id: str) -> Payload:
    return requests.slash_command(
        text,
        command=command,
        channel_id=who.channel_id,
        channel_name=who.channel_name,
        response_url=response_url,
        trigger_id=trigger_id,
        **_ids(who),
        **_workspace(),
    )


def block_actions(
    who: Identity, choice: Choice, surface: Surface, *, trigger_id: str, response_url: str | None
) -> Payload:
    action = requests.element_action(choice.element, choice.block_id, choice.option)
    if surface.view is not None:
        values = (surface.view.get("state") or {}).get("values") or {}
        return requests.block_actions(
            "",
            None,
            action=action,
            view=surface.view,
            values=values,
            trigger_id=trigger_id,
            **_ids(who),
            **_workspace(),
        )
    return requests.block_actions(
        "",
        None,
        action=action,
        message=dict(surface.message or {"ts": surface.message_ts, "text": ""}),
        message_ts=surface.message_ts,
        channel_id=str(surface.channel_id),
        channel_name=who.channel_name,
        is_ephemeral=surface.ephemeral,
        response_url=response_url,
        trigger_id=trigger_id,
        **_ids(who),
        **_workspace(),
    )


def view_submission(
    who: Identity, view: Mapping[str, Any], values: Mapping[str, Any], *, trigger_id: str
) -> Payload:
    return requests.view_submission(view, values, trigger_id=trigger_id, **_ids(who), **_workspace())


def view_closed(who: Identity, view: Mapping[str, Any], *, is_cleared: bool) -> Payload:
    return requests.view_closed(view, is_cleared=is_cleared, **_ids(who), **_workspace())


def app_home_opened(
    who: Identity, *, dm_channel: str, view: Mapping[str, Any] | None, event_ts: str
) -> Payload:
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": who.person.id,
        "channel": dm_channel,
        "tab": "home",
        "event_ts": event_ts,
    }
    if view is not None:
        event["view"] = dict(view)
    return _event(event, event_ts)


def member_joined_channel(user_id: str, channel_id: str, *, event_ts: str) -> Payload:
    event = {"type": "member_joined_channel", "user": user_id, "channel": channel_id, "event_ts": event_ts}
    return _event(event, event_ts)


def dm_message(who: Identity, text: str, *, ts: str) -> Payload:
    """The person typed `text` in their DM with goalbot (a message.im event, as Slack sends it)."""
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": who.channel_id,
        "user": who.person.id,
        "text": text,
        "ts": ts,
        "event_ts": ts,
    }
    return _event(event, ts)


def user_change(user: Mapping[str, Any], *, event_ts: str) -> Payload:
    """Slack tells the app that a person's profile (here: their time zone) changed."""
    event = {"type": "user_change", "user": dict(user), "event_ts": event_ts}
    return _event(event, event_ts)


def _event(event: Mapping[str, Any], ts: str) -> Payload:
    """An Events API envelope for `event`, its id and time taken from the event's own ts."""
    return requests.event_callback(
        dict(event),
        team_id=TEAM_ID,
        event_id="Ev" + ts.replace(".", ""),
        event_time=int(float(ts)),
        app_id=APP_ID,
        bot_user_id=BOT_USER_ID,
    )
