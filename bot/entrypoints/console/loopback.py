"""A loopback Slack on 127.0.0.1: the Web API under /api/ and response_urls under /response/.

The bot's real WebClient and Bolt's respond() talk HTTP to it exactly as they talk to Slack,
so no code path in the bot knows it is running in the console.
"""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from bot.entrypoints.console.views import ViewStore
from bot.entrypoints.console.webapi import WebApi
from bot.entrypoints.console.workspace import Output, ResponseTarget, Workspace, with_block_ids

# Form-encoded calls carry structured arguments as JSON strings.
_JSON_ARGUMENTS = ("blocks", "attachments", "view", "metadata")


def call_arguments(query: str, body: str, content_type: str) -> dict:
    args: dict = dict(parse_qsl(query))
    if body and "json" in content_type:
        args.update(json.loads(body))
    elif body:
        args.update(parse_qsl(body))
    for key in _JSON_ARGUMENTS:
        if isinstance(args.get(key), str):
            args[key] = json.loads(args[key])
    return args


class LoopbackSlack:
    def __init__(self, workspace: Workspace, views: ViewStore, *, token: str) -> None:
        self.workspace, self.views, self.token = workspace, views, token
        self.api = WebApi(workspace, views)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.slack = self  # type: ignore[attr-defined]
        self._thread = threading.Thread(target=self._server.serve_forever, name="console-slack", daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    @property
    def api_url(self) -> str:
        return self.base_url + "api/"

    def response_url(self, target: ResponseTarget) -> str:
        return f"{self.base_url}response/{self.workspace.new_response_token(target)}"

    def __enter__(self) -> "LoopbackSlack":
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def respond(self, token: str, payload: dict) -> bool:
        """A post to a response_url: a new message, or a replacement or deletion of the original."""
        target = self.workspace.response_target(token)
        if target is None:
            return False
        ws, channel = self.workspace, target.channel_id
        if payload.get("delete_original") and target.message_ts:
            ws.forget_message(channel, target.message_ts)
            ws.emit(Output("delete", channel, ts=target.message_ts))
            return True
        message = {key: payload[key] for key in ("text", "attachments", "thread_ts") if key in payload}
        message["blocks"] = with_block_ids(payload.get("blocks"))
        if payload.get("replace_original") and target.message_ts:
            ts = target.message_ts
            if not target.ephemeral:
                ws.store_message(channel, ts, {**(ws.message(channel, ts) or {}), **message, "ts": ts})
            audience = target.user_id if target.ephemeral else None
            ws.emit(Output("update", channel, audience, ts, {**message, "ts": ts}))
        elif payload.get("response_type") == "in_channel":
            ts = ws.next_ts()
            ws.store_message(channel, ts, {**message, "ts": ts})
            ws.emit(Output("message", channel, ts=ts, message={**message, "ts": ts}))
        else:
            ts = ws.next_ts()
            ws.emit(Output("ephemeral", channel, target.user_id, ts, {**message, "ts": ts}))
        return True


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format, *args) -> None:
        """Keep the console's output to what goalbot says."""

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        slack: LoopbackSlack = self.server.slack  # type: ignore[attr-defined]
        url = urlsplit(self.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
        try:
            if url.path.startswith("/api/"):
                args = call_arguments(url.query, body, self.headers.get("Content-Type", ""))
                token = self.headers.get("Authorization", "").removeprefix("Bearer ") or args.pop("token", "")
                method = url.path.removeprefix("/api/")
                reply = (
                    slack.api.call(method, args)
                    if token == slack.token
                    else {"ok": False, "error": "invalid_auth"}
                )
                self._send(200, json.dumps(reply), "application/json; charset=utf-8")
            elif url.path.startswith("/response/"):
                found = slack.respond(url.path.removeprefix("/response/"), json.loads(body or "{}"))
                self._send(200 if found else 404, "ok" if found else "no_service", "text/plain")
            else:
                self._send(404, "not found", "text/plain")
        except (ValueError, TypeError) as error:
            self._send(
                400, json.dumps({"ok": False, "error": f"invalid_request: {error}"}), "application/json"
            )

    def _send(self, status: int, text: str, content_type: str) -> None:
        data = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
