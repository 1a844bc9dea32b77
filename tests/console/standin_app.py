"""Stand-in listeners for testing the console's own mechanics, whatever state /goals is in.

`build_standin_app` has create_app's signature and builds the app's client the same way
(bot.app.build_client), so requests and Web API calls take the real paths; only the listeners
are small and predictable. `/try WORD` picks a behaviour.
"""

import json

from slack_bolt import App

from bot.app import build_client

ADD_ROW = "standin_add_row"


def text_input(block_id: str, label: str, *, optional=False, hint=None, **element) -> dict:
    block = {
        "type": "input",
        "block_id": block_id,
        "optional": optional,
        "label": {"type": "plain_text", "text": label},
        "element": {"type": "plain_text_input", "action_id": "input", **element},
    }
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


def plan_modal(rows: int = 1, *, notify: bool = False) -> dict:
    blocks = [
        {"type": "context", "elements": [{"type": "mrkdwn", "text": ":bulb: Still missing: owner"}]},
        text_input("title", "Title", initial_value="Plan the launch"),
        {
            "type": "input",
            "block_id": "size",
            "label": {"type": "plain_text", "text": "Size"},
            "element": {
                "type": "static_select",
                "action_id": "input",
                "options": [
                    {"text": {"type": "plain_text", "text": name}, "value": name.lower()}
                    for name in ("Small", "Large")
                ],
            },
        },
        {
            "type": "input",
            "block_id": "due",
            "label": {"type": "plain_text", "text": "Due"},
            "element": {"type": "datepicker", "action_id": "input"},
        },
        {
            "type": "input",
            "block_id": "owner",
            "label": {"type": "plain_text", "text": "Owner"},
            "hint": {"type": "plain_text", "text": "Who makes it happen?"},
            "element": {"type": "users_select", "action_id": "input"},
        },
        *[text_input(f"note_{i}", f"Note {i + 1}", optional=True) for i in range(rows)],
        {"type": "actions", "elements": [_button("Add a note", ADD_ROW, str(rows))]},
    ]
    return {
        "type": "modal",
        "callback_id": "plan",
        "title": {"type": "plain_text", "text": "New plan"},
        "submit": {"type": "plain_text", "text": "Save"},
        "notify_on_close": notify,
        "private_metadata": json.dumps({"rows": rows}),
        "blocks": blocks,
    }


def _button(text: str, action_id: str, value: str, confirm: dict | None = None) -> dict:
    button = {"type": "button", "text": {"type": "plain_text", "text": text}, "action_id": action_id}
    button["value"] = value
    if confirm:
        button["confirm"] = confirm
    return button


CARD = [
    {"type": "header", "text": {"type": "plain_text", "text": "Plan P1"}},
    {"type": "section", "text": {"type": "mrkdwn", "text": "*Launch* owned by <@U_YOU>"}},
    {
        "type": "actions",
        "block_id": "card_actions",
        "elements": [
            _button("Rename", "rename", "P1"),
            _button(
                "Delete",
                "delete",
                "P1",
                {
                    "title": {"type": "plain_text", "text": "Delete P1?"},
                    "text": {"type": "plain_text", "text": "This cannot be undone."},
                    "confirm": {"type": "plain_text", "text": "Delete"},
                    "deny": {"type": "plain_text", "text": "Keep"},
                },
            ),
        ],
    },
]


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
            ack(response_action="errors", errors={"due": "Pick a date after January."})
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
                    "accessory": _button("Show card", "show_card", "P1"),
                }
            ],
        }
        client.views_publish(user_id=event["user"], view=view)

    @app.action("show_card")
    def show_card(ack, body, client):
        ack()
        client.chat_postMessage(channel=body["user"]["id"], blocks=CARD, text="Plan P1")

    return app
