"""A pass's prompt bodies: each exactly what slack_sdk's validated to_dict() gives for that
delivery's prompt, though the builder runs once per distinct content."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.checkins.enums import DeliveryKind
from bot.domain.checkins.spec import Questions
from handlers.checkins import prompt_bodies
from handlers.checkins.prompt_bodies import PromptBodies, prompt_body
from handlers.views.checkin_prompt import build_prompt, prompt_text
from tests.handlers.views.factories import make_delivery, make_objective

VARIANTS = [
    {},
    {"tz": "Europe/Berlin"},
    {"tz": "America/New_York", "late_at": datetime(2027, 3, 1, 14, tzinfo=UTC)},
    {"kind": DeliveryKind.REMINDER, "sequence": 1, "anonymous": True},
    {"questions": Questions(objective_ids=(7,), confidence=False)},
    {"objectives": tuple(make_objective(id=n, ref=f"O{n}", current=float(n)) for n in range(10))},
    {"objectives": (make_objective(metric="NPS <@U9> & *more*"),)},
]
CHANNELS = ["C0SUPPORT", "C0SHOP"]


def validated(delivery) -> dict:
    blocks = build_prompt(delivery, tz=ZoneInfo(delivery.tz))
    return {"text": prompt_text(delivery), "blocks": [b.to_dict() for b in blocks], "unfurl_links": False}


@pytest.mark.parametrize("size", [256, 2])
def test_every_body_of_a_pass_is_its_own_prompt_as_to_dict_gives_it(size):
    bodies = PromptBodies(size=size)  # 2: templates are dropped and built again on the way
    deliveries = [
        make_delivery(id=100 + n, user_id=f"U{n}", channel_id=channel, **changes)
        for n, (changes, channel) in enumerate(
            (changes, channel) for _ in range(3) for channel in CHANNELS for changes in VARIANTS
        )
    ]
    made = [(bodies.body(delivery), delivery) for delivery in deliveries]
    for body, delivery in made:  # checked after all were made: none changed another
        assert body == validated(delivery)


def test_a_persons_typed_text_stays_escaped():
    delivery = make_delivery(objectives=(make_objective(metric="NPS <@U9>"),))
    bodies = PromptBodies()
    for _ in range(2):  # built, then from its template
        texts = str(bodies.body(delivery)["blocks"])
        assert "&lt;@U9&gt;" in texts and "<@U9>" not in texts


def test_the_builder_runs_once_per_distinct_content_in_a_pass(monkeypatch):
    built = []
    real = prompt_bodies.prompt_blocks
    monkeypatch.setattr(prompt_bodies, "prompt_blocks", lambda *a: built.append(a) or real(*a))
    bodies = PromptBodies()
    for n in range(25):
        for tz in ("UTC", "Europe/Berlin"):
            body = bodies.body(make_delivery(id=n, user_id=f"U{n}", tz=tz))
            assert {e["value"] for b in body["blocks"] if b["type"] == "actions" for e in b["elements"]} == {
                str(n)
            }
    assert len(built) == 2


def test_one_prompt_alone_is_built_the_same():
    delivery = make_delivery(tz="Europe/Berlin")
    assert prompt_body(delivery) == validated(delivery)
