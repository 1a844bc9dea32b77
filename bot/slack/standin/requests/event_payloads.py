"""An Events API delivery (`event_callback`), shaped as Slack sends it."""

import json
from typing import Any

from bot.slack.standin.requests.payloads import APP_ID, BOT_USER_ID, JSON, VERIFICATION_TOKEN, Payload


def event_callback(
    event: dict[str, Any],
    *,
    team_id: str = "T1",
    event_id: str = "Ev0001",
    event_time: int = 1_700_000_000,
    app_id: str = APP_ID,
    bot_user_id: str = BOT_USER_ID,
) -> Payload:
    body = {
        "token": VERIFICATION_TOKEN,
        "team_id": team_id,
        "api_app_id": app_id,
        "event": event,
        "type": "event_callback",
        "event_id": event_id,
        "event_time": event_time,
        "authorizations": [
            {"team_id": team_id, "user_id": bot_user_id, "is_bot": True, "is_enterprise_install": False}
        ],
        "is_ext_shared_channel": False,
    }
    return json.dumps(body).encode(), JSON
