"""Hands a signed request to the Bolt app and collects what came back, including failures.

Bolt catches a listener's exception, logs it with its traceback and answers 500. The console
keeps those log records off the screen and turns each into one line for the person.
"""

import json
import logging
from dataclasses import dataclass, field

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from bot.slack.standin.requests import Payload, signed_bolt_request


@dataclass(frozen=True)
class Reply:
    status: int
    body: dict | str | None  # the ack's JSON, its plain text, or None when empty
    problems: list[str] = field(default_factory=list)

    @property
    def message(self) -> dict | None:
        """The ack as a message (a slash command's immediate answer), if it is one."""
        if isinstance(self.body, str) and self.body.strip():
            return {"text": self.body}
        if isinstance(self.body, dict) and ("text" in self.body or "blocks" in self.body):
            return self.body
        return None


def describe(error: BaseException) -> str:
    if isinstance(error, SlackApiError):
        method = str(getattr(error.response, "api_url", "")).rsplit("/", 1)[-1] or "a Web API call"
        return f"{method} failed: {error.response.get('error', 'unknown error')}"
    text = str(error).strip().split("\n")[0]
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


class ProblemLog(logging.Handler):
    """Collects errors logged anywhere while the console runs, without their tracebacks."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.problems: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.exc_info and isinstance(record.exc_info[1], SlackApiError):
            return  # the stand-in recorded Slack's refusal; the console shows that, with its reasons
        if record.exc_info and record.exc_info[1] is not None:
            self.problems.append(describe(record.exc_info[1]))
        else:
            self.problems.append(record.getMessage().split("\n")[0])

    def take(self) -> list[str]:
        problems, self.problems = self.problems, []
        return list(dict.fromkeys(problems))  # one listener failure is often logged twice


class Dispatcher:
    def __init__(self, app: App, signing_secret: str) -> None:
        self.app, self.signing_secret = app, signing_secret
        self.log = ProblemLog()

    def __enter__(self) -> "Dispatcher":
        # On the root logger, this handler also stops Python's last-resort stderr traceback.
        logging.getLogger().addHandler(self.log)
        return self

    def __exit__(self, *exc_info) -> None:
        logging.getLogger().removeHandler(self.log)

    def send(self, payload: Payload) -> Reply:
        self.log.take()
        body, content_type = payload
        request = signed_bolt_request(body, content_type, self.signing_secret)
        try:
            response = self.app.dispatch(request)
        except Exception as error:  # Bolt handles listener errors; this is anything else in the way
            return Reply(500, None, [*self.log.take(), describe(error)])
        return Reply(response.status, _parse(response.body, response.headers), self.log.take())


def _parse(body: str, headers: dict) -> dict | str | None:
    if not body:
        return None
    content_type = " ".join(headers.get("content-type", []))
    if "json" in content_type:
        try:
            return json.loads(body)
        except ValueError:
            return body
    return body
