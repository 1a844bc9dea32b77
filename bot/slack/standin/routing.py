"""One HTTP request in, one recorded Call and one Slack-shaped answer out."""

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

from bot.slack.standin.checks import check_message, reasons
from bot.slack.standin.faults import Fault, Faults
from bot.slack.standin.oauth import AUTHORIZE_PATH, OAuthStandIn
from bot.slack.standin.rate_limits import RateLimits
from bot.slack.standin.recorder import Call, Recorder, Rejection
from bot.slack.standin.web_api import WebApi
from bot.slack.standin.wire import MalformedBody, read_arguments, token_from
from bot.slack.standin.workspaces import Workspaces

RESPONSE_URL = "response_url"
UPLOAD = "file_upload"  # the POST of a file's bytes to the URL files.getUploadURLExternal gave


@dataclass(frozen=True)
class Reply:
    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, answer: dict[str, Any], status: int = 200, **headers: str) -> "Reply":
        return cls(status, json.dumps(answer).encode(), headers=headers)

    @classmethod
    def text(cls, text: str, status: int = 200) -> "Reply":
        return cls(status, text.encode(), content_type="text/plain; charset=utf-8")


@dataclass
class Router:
    web_api: WebApi
    recorder: Recorder
    faults: Faults
    rate_limits: RateLimits
    accepts_token: Callable[[str], bool]
    workspaces: Workspaces
    oauth: OAuthStandIn | None = None

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        self.recorder.begin()
        try:
            reply = self.route(request)
        except MalformedBody as error:
            reply = Reply.json({"ok": False, "error": "invalid_json", "detail": str(error)})
        finally:
            self.recorder.end()
        try:
            request.send_response(reply.status)
            request.send_header("Content-Type", reply.content_type)
            request.send_header("Content-Length", str(len(reply.body)))
            for name, value in reply.headers.items():
                request.send_header(name, value)
            request.end_headers()
            request.wfile.write(reply.body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a stall outlasted its timeout); nothing left to tell it

    def route(self, request: BaseHTTPRequestHandler) -> Reply:
        url = urlsplit(request.path)
        headers = {name.lower(): value for name, value in request.headers.items()}
        raw = request.rfile.read(int(headers.get("content-length") or 0))
        if url.path == AUTHORIZE_PATH and self.oauth is not None:
            return _authorize_reply(*self.oauth.authorize(url.query))
        if url.path.startswith("/api/"):
            method = url.path.removeprefix("/api/")
        elif url.path.startswith("/response/"):
            method = RESPONSE_URL
        elif url.path.startswith("/upload/"):
            return self._upload(Call(UPLOAD, {}, headers, url.path, raw=raw))
        else:
            return Reply.text("not found", 404)
        try:
            args = read_arguments(raw, headers.get("content-type", ""), url.query)
        except MalformedBody:
            self.recorder.record(Call(method, {}, headers, url.path))
            raise
        token = token_from(headers, args)
        team_id = None
        if method != RESPONSE_URL:
            team_id = self.workspaces.team_of(token, args, self.web_api.directory)
        call = Call(method, args, headers, url.path, team_id=team_id)
        self.recorder.record(call)
        self.faults.hold(token)
        fault = self.faults.take(method)
        if fault is not None:
            self.faults.stall(fault)
            if fault.answers:
                return _fault_reply(fault, call)
        if method == RESPONSE_URL:
            return self._respond(call)
        if (wait := self.rate_limits.retry_after(method, team_id)) is not None:
            return _fault_reply(Fault(status=429, retry_after=wait), call)
        return self._web_api(call)

    def _web_api(self, call: Call) -> Reply:
        token = token_from(call.headers, call.body)
        if self.oauth is not None and (answered := _oauth_answer(self.oauth, call, token)) is not None:
            answer = answered
        elif not token:
            answer = {"ok": False, "error": "not_authed"}
        elif not (self.workspaces.owns_token(token) or self.accepts_token(token)):
            answer = {"ok": False, "error": "invalid_auth"}
        else:
            answer = self.web_api.answer(call.method, call.body, call.team_id)
        call.answer.update(answer)
        if not answer.get("ok"):
            self.recorder.reject(Rejection(call, str(answer["error"]), reasons(answer)))
        return Reply.json(answer)

    def _upload(self, call: Call) -> Reply:
        """Files' bytes: 200 "OK - <length>" as files.slack.com answers, 404 for an unknown file."""
        self.recorder.record(call)
        if not self.web_api.uploads.receive(call.path.removeprefix("/upload/"), call.raw):
            return Reply.text("file not found", 404)
        return Reply.text(f"OK - {len(call.raw)}")

    def _respond(self, call: Call) -> Reply:
        """response_url answers like an incoming webhook: 200 "ok", or 400 with the error as text."""
        refused = check_message(call.body)
        if refused is None:
            return Reply.text("ok")
        why = reasons(refused)
        self.recorder.reject(Rejection(call, refused["error"], why))
        return Reply.text("\n".join([refused["error"], *why]), 400)


def _oauth_answer(oauth: OAuthStandIn, call: Call, token: str | None) -> dict[str, Any] | None:
    """OAuth's part of the Web API (bot/slack/standin/oauth.py); None for everything else."""
    if call.method == "oauth.v2.access":
        return oauth.access(call.headers, call.body)
    if token and (refused := oauth.refusal(token)):
        return {"ok": False, "error": refused}
    if token and call.method == "auth.test":
        return oauth.auth_test(token)
    return None


def _authorize_reply(status: int, location_or_reason: str) -> Reply:
    if status == 302:
        return Reply(302, b"", "text/html; charset=utf-8", {"Location": location_or_reason})
    return Reply.text(location_or_reason, status)


def _fault_reply(fault: Fault, call: Call) -> Reply:
    """The injected answer, also kept on the call (so a reader can tell a 429 from a post)."""
    if fault.status == 429:
        answer = {"ok": False, "error": "ratelimited"}
        call.answer.update(answer)
        return Reply.json(answer, 429, **{"Retry-After": str(fault.retry_after)})
    call.answer.update({"ok": False, "error": "internal_error"})
    return Reply.json({"ok": False, "error": "internal_error"}, fault.status)
