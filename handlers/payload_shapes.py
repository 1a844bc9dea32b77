"""What each kind of payload must carry before a listener sees it, one rule per kind.

Slack always sends these fields; a payload without them is junk (or a forgery with a leaked
secret), and a listener that meets it would fail after acking. `problems(body)` names what is
wrong, in words short enough for one log line; an empty list means the listeners may index the
fields below without guarding each one.
"""

import re
from collections.abc import Callable, Mapping

# Slack's ids (users, teams, channels, enterprises) are short upper-case words; anything else
# is not from Slack and would not fit our String(32) columns.
_SLACK_ID = re.compile(r"[A-Z0-9][A-Z0-9_]{0,31}")

# Kinds Bolt answers itself before any middleware of ours runs.
ANSWERED_BY_BOLT = frozenset({"url_verification", "ssl_check"})
# Kinds goalbot has no listener for: the manifest declares no shortcuts and no external menus.
NOT_OFFERED = frozenset({"shortcut", "message_action", "block_suggestion"})


def slack_id(value: object) -> str | None:
    return value if isinstance(value, str) and _SLACK_ID.fullmatch(value) else None


def text_field(mapping: object, key: str) -> str | None:
    value = mapping.get(key) if isinstance(mapping, Mapping) else None
    return value if isinstance(value, str) and value else None


def user_id_of(body: Mapping) -> str | None:
    """The person behind a command (`user_id`) or an interaction (`user.id`)."""
    if "command" in body:
        return slack_id(body.get("user_id"))
    user = body.get("user")
    return slack_id(user.get("id")) if isinstance(user, Mapping) else None


def team_id_of(body: Mapping) -> str | None:
    team = body.get("team")
    found = team.get("id") if isinstance(team, Mapping) else body.get("team_id")
    enterprise = body.get("enterprise")
    if found is None and isinstance(enterprise, Mapping):
        found = enterprise.get("id")
    return slack_id(found or body.get("enterprise_id"))


def kind_of(body: Mapping) -> str:
    if "command" in body:
        return "command"
    if "ssl_check" in body:
        return "ssl_check"
    kind = body.get("type")
    return kind[:40] if isinstance(kind, str) and kind else "untyped"


def problems(body: Mapping) -> list[str]:
    """What is missing or malformed, e.g. ["without actions[0].action_id"]; [] when usable."""
    rule = _RULES.get(kind_of(body))
    if rule is None:
        return [] if kind_of(body) in ANSWERED_BY_BOLT else ["of a kind goalbot does not handle"]
    found = rule(body)
    return [f"without {name}" for name in found]


def _person(body: Mapping) -> list[str]:
    return [name for name, ok in (("user", user_id_of(body)), ("team", team_id_of(body))) if not ok]


def _command(body: Mapping) -> list[str]:
    command = body.get("command")
    needs: dict[str, object] = {
        "a /command": isinstance(command, str) and command.startswith("/"),
        "channel_id": slack_id(body.get("channel_id")),
        "trigger_id": text_field(body, "trigger_id"),
        "response_url": text_field(body, "response_url"),
        "text": isinstance(body.get("text", ""), str),
    }
    return _person(body) + [name for name, ok in needs.items() if not ok]


def _block_actions(body: Mapping) -> list[str]:
    actions = body.get("actions")
    missing = _person(body)
    if not (isinstance(actions, list) and actions):
        return [*missing, "actions"]
    for index, action in enumerate(actions):
        if not isinstance(action, Mapping):
            missing.append(f"actions[{index}] as an object")
        elif not text_field(action, "action_id"):
            missing.append(f"actions[{index}].action_id")
    if not text_field(body, "trigger_id"):
        missing.append("trigger_id")
    container = body.get("container")
    place = container.get("type") if isinstance(container, Mapping) else None
    if place == "message" and not text_field(body, "response_url"):
        missing.append("response_url")
    if place == "view" and not isinstance(body.get("view"), Mapping):
        missing.append("view")
    return missing


def _view(body: Mapping, *, submitted: bool) -> list[str]:
    view = body.get("view")
    if not isinstance(view, Mapping):
        return [*_person(body), "view"]
    needs: dict[str, object] = {
        "view.callback_id": text_field(view, "callback_id"),
        "view.id": text_field(view, "id"),
    }
    if submitted:
        state = view.get("state")
        needs["view.state.values"] = isinstance(state, Mapping) and isinstance(state.get("values"), Mapping)
        needs["view.private_metadata as text"] = isinstance(view.get("private_metadata", ""), str)
    return _person(body) + [name for name, ok in needs.items() if not ok]


# What each event type's listener reads, beyond event.type.
_EVENT_FIELDS: dict[str, Callable[[Mapping], list[str]]] = {
    "app_home_opened": lambda e: [] if slack_id(e.get("user")) else ["event.user"],
    "member_joined_channel": lambda e: [n for n in ("user", "channel") if not slack_id(e.get(n))],
    "member_left_channel": lambda e: [n for n in ("user", "channel") if not slack_id(e.get(n))],
    "user_change": lambda e: [] if isinstance(e.get("user"), Mapping) else ["event.user as an object"],
    "message": lambda e: [n for n in ("channel", "ts") if not text_field(e, n)],
}


def _event_callback(body: Mapping) -> list[str]:
    event = body.get("event")
    if not isinstance(event, Mapping):
        return ["event"]
    if not text_field(event, "type"):
        return ["event.type"]
    missing = [] if team_id_of(body) else ["team_id"]
    check = _EVENT_FIELDS.get(str(event["type"]))
    return missing + (check(event) if check else [])


_RULES: dict[str, Callable[[Mapping], list[str]]] = {
    "command": _command,
    "block_actions": _block_actions,
    "view_submission": lambda body: _view(body, submitted=True),
    "view_closed": lambda body: _view(body, submitted=False),
    "event_callback": _event_callback,
    **{kind: (lambda body: ["a listener: goalbot offers none of these"]) for kind in NOT_OFFERED},
}
