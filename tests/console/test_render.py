"""Block Kit → text, on payloads shaped like the ones goalbot posts."""

from bot.entrypoints.console.render import Choice, render_blocks, render_message, render_view


def mrkdwn(text: str) -> dict:
    return {"type": "mrkdwn", "text": text}


def plain_text(text: str) -> dict:
    return {"type": "plain_text", "text": text, "emoji": True}


def button(text: str, action_id: str, value: str, **extra) -> dict:
    return {"type": "button", "text": plain_text(text), "action_id": action_id, "value": value, **extra}


GOAL_CARD = [
    {"type": "header", "block_id": "head", "text": plain_text("G1 · Raise CSAT from 78 to 85")},
    {"type": "section", "block_id": "why", "text": mrkdwn("_churn follows bad support_")},
    {
        "type": "section",
        "block_id": "facts",
        "fields": [mrkdwn("*Owner*\n<@U_ALICE>"), mrkdwn("*Level*\nAnnual"), mrkdwn("on track")],
    },
    {"type": "context", "block_id": "pace", "elements": [mrkdwn(":large_green_circle: on track · 43%")]},
    {"type": "divider", "block_id": "rule"},
    {
        "type": "actions",
        "block_id": "goal_actions",
        "elements": [
            button("Add objective", "goal_add_objective", "1"),
            button("Add strategy", "goal_add_strategy", "1"),
            button("Archive", "goal_archive", "1", style="danger"),
        ],
    },
]


def test_a_goal_card_reads_top_to_bottom_with_numbered_buttons():
    rendered = render_blocks(GOAL_CARD, users={"U_ALICE": "alice"})

    assert rendered.text() == (
        "G1 · Raise CSAT from 78 to 85\n"
        "=============================\n"
        "churn follows bad support\n"
        "Owner: @alice\n"
        "Level: Annual\n"
        "on track\n"
        "  🟢 on track · 43%\n"
        "----------------------------------------\n"
        "[1] Add objective  [2] Add strategy  [3] Archive"
    )
    assert [line.style for line in rendered.lines[:2]] == ["bold", "bold"]
    assert rendered.lines[6].style == "dim"
    assert rendered.choices[0] == Choice("Add objective", GOAL_CARD[5]["elements"][0], "goal_actions")


def test_numbering_continues_from_first():
    rendered = render_blocks(GOAL_CARD, first=4)

    assert rendered.lines[-1].text == "[4] Add objective  [5] Add strategy  [6] Archive"
    assert len(rendered.choices) == 3


def test_an_accessory_button_follows_its_section():
    blocks = [
        {
            "type": "section",
            "block_id": "g1",
            "text": mrkdwn("*G1* · Raise CSAT\nAnnual · due 2027-03-31 · :white_circle: no data"),
            "accessory": button("Open", "goal_show", "1"),
        }
    ]

    rendered = render_blocks(blocks)

    assert rendered.text() == "G1 · Raise CSAT\nAnnual · due 2027-03-31 · ⚪ no data\n[1] Open"
    assert rendered.choices[0].block_id == "g1"


def test_menus_become_one_choice_per_option():
    overflow = {
        "type": "overflow",
        "action_id": "more",
        "options": [
            {"text": plain_text("Edit"), "value": "e"},
            {"text": plain_text("Archive"), "value": "a"},
        ],
    }
    select = {
        "type": "static_select",
        "action_id": "status",
        "placeholder": plain_text("Status"),
        "option_groups": [
            {"label": plain_text("Open"), "options": [{"text": plain_text("Doing"), "value": "d"}]}
        ],
    }
    blocks = [{"type": "actions", "block_id": "a", "elements": [overflow, select]}]

    rendered = render_blocks(blocks)

    assert rendered.text() == "[1] Edit  [2] Archive  [3] Status: Doing"
    assert rendered.choices[1].option == {"text": plain_text("Archive"), "value": "a"}
    assert rendered.choices[2].option["value"] == "d"


def test_images_and_unsupported_elements_are_named_not_dropped():
    blocks = [
        {"type": "image", "image_url": "https://x/chart.png", "alt_text": "progress chart"},
        {
            "type": "context",
            "elements": [{"type": "image", "image_url": "u", "alt_text": "avatar"}, mrkdwn("alice")],
        },
        {"type": "actions", "elements": [{"type": "datepicker", "action_id": "d"}]},
        {"type": "file", "external_id": "f", "source": "remote"},
    ]

    assert render_blocks(blocks).text() == (
        "[image: progress chart]\n"
        "  [image: avatar]  alice\n"
        "[datepicker - not available in the console]\n"
        "[file block]"
    )


def test_rich_text_lists_quotes_and_mentions():
    block = {
        "type": "rich_text",
        "elements": [
            {
                "type": "rich_text_section",
                "elements": [{"type": "text", "text": "Team: "}, {"type": "user", "user_id": "U_BOB"}],
            },
            {
                "type": "rich_text_list",
                "style": "ordered",
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": "call back"}]},
                    {
                        "type": "rich_text_section",
                        "elements": [{"type": "link", "url": "https://x", "text": "doc"}],
                    },
                ],
            },
            {
                "type": "rich_text_quote",
                "elements": [{"type": "emoji", "name": "tada"}, {"type": "text", "text": " shipped"}],
            },
        ],
    }

    assert render_blocks([block]).text() == "Team: @bob\n1. call back\n2. doc\n> :tada: shipped"


def test_a_message_without_blocks_shows_its_text_and_attachments():
    message = {"text": "Saved *G1*", "attachments": [{"fallback": "fallback", "text": "from <#C_OPS>"}]}

    assert render_message(message).text() == "Saved G1\n| from #ops"


def test_attachment_blocks_continue_the_numbering():
    message = {"blocks": GOAL_CARD[5:], "attachments": [{"blocks": GOAL_CARD[5:]}]}

    rendered = render_message(message)

    assert rendered.lines[-1].text == "[4] Add objective  [5] Add strategy  [6] Archive"


def test_a_modal_shows_its_title_and_leaves_inputs_to_the_form():
    view = {
        "type": "modal",
        "title": plain_text("New goal"),
        "blocks": [
            {"type": "context", "elements": [mrkdwn(":bulb: Still missing: measurable (baseline)")]},
            {
                "type": "input",
                "block_id": "goal_title",
                "label": plain_text("Goal"),
                "element": {"type": "plain_text_input", "action_id": "input"},
            },
        ],
    }

    assert render_view(view).text() == "New goal\n========\n  💡 Still missing: measurable (baseline)"


def test_a_home_view_shows_its_inputs_as_placeholders():
    view = {"type": "home", "blocks": [{"type": "input", "label": plain_text("Note"), "element": {}}]}

    assert render_view(view).text() == "Note: [input]"
