"""What the follow-up tests read back from the stand-in and the database."""

from datetime import UTC, datetime

from models.followups import FollowupSettings

FLAGGED = datetime(2026, 11, 23, 14, 0, tzinfo=UTC)


def updates(standin, count):
    return [c.body for c in standin.wait_for("chat.update", count=count)]


def dm_bodies(standin, user_id):
    return [c.body for c in standin.calls("chat.postMessage") if c.body["channel"] == user_id]


def reply_bodies(bot_server, response_url):
    bot_server.awaited_replies(response_url)
    bot_server.standin.settle()
    return bot_server.replies(response_url)


def post_channel(bot_server):
    with bot_server.sessions() as session:
        row = session.query(FollowupSettings).one_or_none()
        return row.post_channel_id if row else None
