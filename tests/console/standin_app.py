"""Stand-in listeners for testing the console's own mechanics, whatever state /goals is in.

`build_standin_app` has create_app's signature and builds the app's client the same way
(bot.entrypoints.app.build_client), so requests and Web API calls take the real paths; only the listeners
are small and predictable. `/try WORD` picks a behaviour.
"""

import json

from slack_bolt import App

from bot.entrypoints.app import build_client
from tests.console.standin_views import ADD_ROW, CARD, button, plan_modal


def build_standin_app(settings, *, sessions, clock, process_before_response) -> App:
    app = App(
        client=build_client(settings),
        signing_secret=settings.slack_signing_secret,
        process_before_response=process_before_response,
        token_verification_enabled=False,
    )
    app.seen = []  # type: ignore[attr-defined] - what the listeners were handed, for assertions

    @app.command("/try")
    def try_command(ack, command, say, client, respond):
        word = command["text"]
        app.seen.append(("command", command["user_id"], command["channel_id"], word))
        if word == "plan":
            ack()
            client.views_open(trigger_id=command["trigger_id"], view=plan_modal())
        elif word == "plan-notify":
            ack()
            client.views_open(trigger_id=command["trigger_id"], view=plan_modal(notify=True))
        elif word == "card":
            ack()
            say(blocks=CARD, text="Plan P1")
        elif word == "later":
            ack("On it.")
            respond(text="Done, visible to all.", response_type="in_channel")
        elif word == "boom":
            ack()
            raise RuntimeError("the stand-in exploded")
        elif word == "refused":
            ack()
            client.chat_postMessage(channel=command["channel_id"], text="x", blocks=[{"type": "section"}])
        elif word == "whoami":
            user = client.users_info(user=command["user_id"])["user"]
            ack(f"{user['name']} admin={user['is_admin']} tz={user['tz']}")
        else:
            ack(f"You said *{word}* in <#{command['channel_id']}>")

    @app.action("rename")
    def rename(ack, body, respond):
        ack()
        respond(text="Renamed P1", replace_original=True)

    @app.action("delete")
    def delete(ack, body, client):
        ack()
        client.chat_update(
            channel=body["channel"]["id"], ts=body["message"]["ts"], text="P1 deleted", blocks=[]
        )

    @app.action(ADD_ROW)
    def add_row(ack, body, client):
        ack()
        rows = json.loads(body["view"]["private_metadata"])["rows"] + 1
        client.views_update(view_id=body["view"]["id"], hash=body["view"]["hash"], view=plan_modal(rows))

    @app.view("plan")
    def submit_plan(ack, view, body, client):
        values = view["state"]["values"]
        app.seen.append(("submission", values))
        title = (values["title"]["input"]["value"] or "").lower()
        if title in ("push", "stack"):  # "second" clears every modal on submit; "third" only itself
            ack(
                response_action="push",
                view={**plan_modal(), "callback_id": "second" if title == "push" else "third"},
            )
            return
        if title == "broken":
            ack(response_action="update")  # no view: a bug the console must survive
            return
        if values["due"]["input"]["selected_date"] < "2026-02-01":
            # A channel id in the error, as goalbot's own refusals carry them.
            ack(response_action="errors", errors={"due": "Pick a date after January (see <#C_GENERAL>)."})
            return
        ack()
        owner = values["owner"]["input"]["selected_user"]
        size = values["size"]["input"]["selected_option"]["text"]["text"]
        client.chat_postMessage(channel=body["user"]["id"], text=f"Saved a {size} plan for <@{owner}>")

    @app.view("second")
    def submit_second(ack):
        ack(response_action="clear")

    @app.view("third")
    def submit_third(ack):
        ack()

    @app.view_closed("plan")
    def closed(ack, body):
        ack()
        app.seen.append(("closed", body["view"]["callback_id"]))

    @app.event("app_home_opened")
    def home(event, client):
        view = {
            "type": "home",
            "blocks": [
                {
                    "type": "section",
                    "text": {"type": "mrkdwn", "text": "*Hi*"},
                    "accessory": button("Show card", "show_card", "P1"),
                }
            ],
        }
        client.views_publish(user_id=event["user"], view=view)

    @app.action("show_card")
    def show_card(ack, body, client):
        ack()
        client.chat_postMessage(channel=body["user"]["id"], blocks=CARD, text="Plan P1")

    return app
