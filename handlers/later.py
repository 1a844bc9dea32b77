"""Web API work after the ack, in Bolt's lazy listeners.

goalbot runs with `process_before_response=True`: Bolt answers Slack as soon as the listener's
ack function returns, instead of polling for the ack every 10 ms. So an ack function must only
read or write the database and ack; whatever needs Slack (a modal, `users.info`, a post, a
response_url) goes to `later(context, work)`, and `run_later`, registered as the lazy listener,
does it once the answer is on its way. Bolt deep-copies the context for the lazy listener; a
function is copied by reference, so the closure arrives as it was left.

Register with `on_ack_then_later(app.command("/goals"), ack_function)`.
"""

import logging
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient

from bot.services.errors import ServiceError
from handlers.errors import SORRY
from handlers.views.format import escape
from handlers.views.notices import build_error
from handlers.views.refusals import describe_refusal

logger = logging.getLogger(__name__)

LATER = "goalbot_later"

# (client, respond) -> None; respond is None when the request has no response_url.
Work = Callable[[WebClient, Any], None]


def later(context, work: Work) -> None:
    """Leaves `work` for the lazy listener, which runs it after the ack has been sent."""
    context[LATER] = work


def run_later(context, client: WebClient, respond) -> None:
    """The lazy listener: Bolt only logs what a lazy listener raises, so refusals and failures
    are told to the person here."""
    work = context.get(LATER)
    if work is None:
        return
    try:
        work(client, respond)
    except ServiceError as error:
        _tell(respond, describe_refusal(error))
    except Exception:
        logger.exception("work after the ack failed")
        _tell(respond, SORRY)


def ack_only(ack) -> None:
    """For listeners whose whole work needs the Web API: ack at once, do it in the lazy listener."""
    ack()


def on_ack_then_later(register: Callable[..., Any], ack_function: Callable[..., Any]) -> None:
    """`register` is what `app.command(...)`, `app.action(...)`, `app.view(...)` or `app.event(...)`
    return."""
    register(ack=ack_function, lazy=[run_later])


def _tell(respond, message: str) -> None:
    if respond is None or getattr(respond, "response_url", None) is None:
        logger.warning("no response_url to tell the person: %s", message)
        return
    try:
        text = escape(message)
        respond(text=text, blocks=build_error(message), response_type="ephemeral", replace_original=False)
    except Exception:
        logger.exception("could not tell the person about the failure")
