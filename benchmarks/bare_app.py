"""The baseline: a Bolt app that only acks `/goals`, with Bolt's defaults, as a WSGI app.

gunicorn loads it as `benchmarks.bare_app:wsgi()`, with the same settings as goalbot, so the
difference between the two is goalbot's own work.
"""

import os

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient


def wsgi():
    app = App(
        # Bolt asks auth.test once per process; the benchmark's stand-in answers it, as for goalbot.
        client=WebClient(token="xoxb-bench", base_url=os.environ["SLACK_API_BASE_URL"]),
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        token_verification_enabled=False,
    )

    @app.command("/goals")
    def ack_only(ack):
        ack()

    return SlackRequestHandler(app, path="/slack/events")
