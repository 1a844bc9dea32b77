"""Driving check-ins as Slack would: `/checkin`, prompts in DMs (sent as the tick sends them), clicks."""

import json
import time
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from slack_sdk import WebClient

from bot.services.checkins.planning import plan_deliveries
from bot.slack.standin.directory import dm_id
from handlers.views.checkin_prompt import build_prompt, prompt_text
from tests import slack_requests as slack
from tests.fixtures.bot import CHANNEL, MEMBER, OWNER, TEAM, _json_or_none
from tests.outbound.outbox.helpers import claim_deliveries, mark_delivery_sent

ZONE = "America/New_York"  # the stand-in's users and the bot's default
# The fixture's clock: Monday 2026-11-23 15:00 UTC, 10:00 in New York. A 10:30 prompt is due at 15:30.
PROMPT_AT = datetime(2026, 11, 23, 15, 30, tzinfo=UTC)


def checkin(bot_server, text: str, *, user_id=OWNER, channel_id=CHANNEL, team_id=TEAM):
    """Sends `/checkin <text>`; returns (status, ack body or None, response_url)."""
    response_url = bot_server.standin.response_url(bot_server._next("cmd"))
    body, content_type = slack.slash_command(
        text,
        command="/checkin",
        team_id=team_id,
        user_id=user_id,
        channel_id=channel_id,
        response_url=response_url,
        trigger_id=bot_server._next("trigger"),
    )
    status, _headers, raw = bot_server.post(body, content_type)
    return status, _json_or_none(raw), response_url


def schedule(bot_server, days: str = "mon,wed,fri", at: str = "10:30") -> dict:
    """The quick schedule, then waits until the channel's members are read."""
    status, ack, url = checkin(bot_server, f"schedule {days} {at}")
    assert status == 200 and "Saved" in json.dumps(ack), ack
    # "Check-in asks N people here." follows once the members are stored.
    assert bot_server.awaited_replies(url), "the channel's members were never read"
    bot_server.standin.settle()
    return ack


def deliver(bot_server, at: datetime = PROMPT_AT) -> dict[str, int]:
    """Plans and sends what is due at `at`, as `goalbot tick` does; {user id: delivery id}."""
    bot_server.clock.now = at
    sessions = bot_server.sessions
    plan_deliveries(sessions, now=at, default_tz=ZONE, since=at - timedelta(hours=1))
    client = WebClient(token="xoxb-test", base_url=bot_server.standin.base_url)
    sent = {}
    for delivery in claim_deliveries(sessions, worker="test", now=at, limit=100, default_tz=ZONE):
        blocks = build_prompt(delivery, tz=ZoneInfo(ZONE))
        posted = client.chat_postMessage(
            channel=delivery.user_id, text=prompt_text(delivery), blocks=[b.to_dict() for b in blocks]
        )
        mark_delivery_sent(sessions, delivery.id, channel=posted["channel"], ts=posted["ts"], now=at)
        sent[delivery.user_id] = delivery.id
    return sent


def dm_messages(bot_server, user_id: str) -> list[dict]:
    """The person's DM with the bot, newest first."""
    return bot_server.standin.messages.history(dm_id(user_id))


def schedule_with_form(bot_server, answers: dict) -> dict:
    """`/checkin schedule`, the modal filled with its defaults and `answers`, submitted; returns
    the submission's answer (None when accepted). Waits for the members to be read when accepted."""
    from handlers.ids import BlockId
    from tests.e2e.helpers import fill, opened_view

    checkin(bot_server, "schedule")
    view = opened_view(bot_server.standin)
    status, answer = bot_server.submit(view, fill(view, {BlockId.CHECKIN_TIME: "10:30", **answers}))
    assert status == 200
    if not answer:
        bot_server.standin.wait_for("users.info")  # the members are read after the ack
        bot_server.standin.wait_for("chat.postEphemeral")  # then the owner is told it is saved
        bot_server.standin.settle()
    return answer


def dm_reply(bot_server, text: str, *, ts: str, user_id: str = MEMBER, **extra) -> None:
    """The person types `text` in their DM with the bot (a message event, as Slack sends it)."""
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": dm_id(user_id),
        "user": user_id,
        "text": text,
        "ts": ts,
        **extra,
    }
    status, _, _ = bot_server.event(event)
    assert status == 200


def thread_replies(bot_server, ts: str, *, expected: bool = True) -> list[dict]:
    """What the bot posted in the thread of the person's message `ts` (its confirmations). The
    event is answered on Bolt's thread after the ack, so a quiet stand-in does not prove a reply
    is not coming: when one is `expected`, wait for it (up to 10 s)."""
    deadline = time.monotonic() + (10.0 if expected else 0.0)
    while True:
        bot_server.standin.settle()
        posted = bot_server.standin.calls("chat.postMessage")
        found = [c.body for c in posted if c.body.get("thread_ts") == ts]
        if found or time.monotonic() >= deadline:
            return found
        time.sleep(0.02)
