"""run_later, the lazy listener: it does the work left by the ack, and tells the person when it fails."""

from bot.services.errors import GoalNotFound
from handlers.errors import SORRY
from handlers.later import later, run_later


class Respond:
    response_url = "https://hooks.example/r1"

    def __init__(self):
        self.sent: list[dict] = []

    def __call__(self, **message):
        self.sent.append(message)


def test_nothing_left_means_nothing_done():
    respond = Respond()
    run_later({}, client=None, respond=respond)
    assert respond.sent == []


def test_the_work_gets_the_lazy_listeners_client_and_respond():
    seen = []
    context: dict = {}
    later(context, lambda client, respond: seen.append((client, respond)))
    respond = Respond()

    run_later(context, client="client", respond=respond)

    assert seen == [("client", respond)]


def test_a_refusal_is_worded_for_the_person():
    context: dict = {}
    later(context, lambda client, respond: (_ for _ in ()).throw(GoalNotFound("G9")))
    respond = Respond()

    run_later(context, client=None, respond=respond)

    [message] = respond.sent
    assert "G9" in message["text"] and message["response_type"] == "ephemeral"


def test_an_unexpected_failure_gets_an_apology_not_silence():
    def broken(client, respond):
        raise RuntimeError("database went away")

    context: dict = {}
    later(context, broken)
    respond = Respond()

    run_later(context, client=None, respond=respond)

    assert [m["text"] for m in respond.sent] == [SORRY]
