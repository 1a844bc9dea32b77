"""A modal's submission or closing, shaped as Slack sends it (view_submission, view_closed)."""

from collections.abc import Mapping
from typing import Any

from bot.slack.standin.requests.payloads import APP_ID, TEAM_DOMAIN, Payload, envelope, interactive, view_body


def view_submission(
    view: Mapping[str, Any],
    values: Mapping[str, Any],
    *,
    team_id: str = "T1",
    user_id: str = "U1",
    trigger_id: str = "trigger-1",
    user_name: str | None = None,
    team_domain: str = TEAM_DOMAIN,
    app_id: str = APP_ID,
) -> Payload:
    """`view` carries callback_id / private_metadata (a View's to_dict() works); `values` is
    state.values: {block_id: {action_id: state_value(...)}} (see state.fill)."""
    payload = {
        **envelope("view_submission", team_id, user_id, user_name, team_domain, app_id),
        "trigger_id": trigger_id,
        "view": view_body(view, team_id, dict(values), app_id),
        "response_urls": [],
    }
    return interactive(payload)


def view_closed(
    view: Mapping[str, Any],
    *,
    is_cleared: bool,
    team_id: str = "T1",
    user_id: str = "U1",
    user_name: str | None = None,
    team_domain: str = TEAM_DOMAIN,
    app_id: str = APP_ID,
) -> Payload:
    values = dict((view.get("state") or {}).get("values") or {})
    payload = {
        **envelope("view_closed", team_id, user_id, user_name, team_domain, app_id),
        "view": view_body(view, team_id, values, app_id),
        "is_cleared": is_cleared,
    }
    return interactive(payload)
