"""What goalbot did since the last look, read off the stand-in's record, as things a person sees.

Calls Slack answered become messages, ephemerals, edits and Home tab updates; calls Slack refused
become one line each saying so and why, instead of being rendered.
"""

import os
import tempfile
import threading
from pathlib import Path
from typing import Any

from bot.entrypoints.console.workspace import Output, Workspace, with_block_ids
from bot.slack.standin import RESPONSE_URL, Call, Rejection


def refusal_note(rejection: Rejection) -> str:
    why = "; ".join(rejection.reasons)
    return f"Slack refused {rejection.call.method}: {rejection.error}" + (f" - {why}" if why else "")


def saved_uploads(workspace: Workspace, answer: dict[str, Any], folder: Path) -> list[str]:
    """Each shared file (a digest's chart) written to `folder`, and a line saying where it went."""
    notes = []
    for shared in answer.get("files", []):
        upload = next((u for u in workspace.standin.uploads() if u.file_id == shared.get("id")), None)
        if upload is None or upload.data is None:
            continue
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{upload.file_id}-{Path(upload.filename).name}"
        path.write_bytes(upload.data)
        where = "#" + workspace.channel_name(upload.channel_id) if upload.channel_id else "a DM"
        thread = " (in a thread)" if upload.thread_ts else ""
        notes.append(f'goalbot uploaded "{upload.title}" to {where}{thread}; saved to {path}')
    return notes


class Outbox:
    def __init__(self, workspace: Workspace, files_dir: Path | None = None) -> None:
        self.workspace = workspace
        # Charts land here so a person can open them; GOALBOT_CONSOLE_FILES moves it.
        self.files_dir = files_dir or Path(
            os.environ.get("GOALBOT_CONSOLE_FILES") or Path(tempfile.gettempdir()) / "goalbot-console"
        )
        self._lock = threading.Lock()
        self._calls_seen = self._rejections_seen = 0

    def drain(self) -> list[Output]:
        """Waits for the bot's Web API work to settle, then returns what is new."""
        standin = self.workspace.standin
        standin.settle(quiet=0.05)
        with self._lock:
            calls = standin.calls()[self._calls_seen :]
            rejections = standin.rejections()[self._rejections_seen :]
            self._calls_seen += len(calls)
            self._rejections_seen += len(rejections)
        refused = {id(r.call) for r in rejections}
        outputs = [o for call in calls if id(call) not in refused for o in self._outputs(call)]
        return outputs + [Output("note", note=refusal_note(r)) for r in rejections]

    def _outputs(self, call: Call) -> list[Output]:
        body, answer, ws = call.body, call.answer, self.workspace
        if call.method == RESPONSE_URL:
            return self._responded(call)
        if not answer.get("ok"):
            return []
        if call.method == "chat.postMessage":
            message = {**answer["message"], "blocks": with_block_ids(answer["message"].get("blocks"))}
            ws.store_message(answer["channel"], answer["ts"], message)
            return [Output("message", answer["channel"], ts=answer["ts"], message=message)]
        if call.method == "chat.postEphemeral":
            message = {**body, "blocks": with_block_ids(body.get("blocks")), "ts": answer["message_ts"]}
            return [Output("ephemeral", body["channel"], body["user"], answer["message_ts"], message)]
        if call.method == "chat.update":
            message = {**answer["message"], "blocks": with_block_ids(answer["message"].get("blocks"))}
            ws.store_message(answer["channel"], answer["ts"], message)
            return [Output("update", answer["channel"], ts=answer["ts"], message=message)]
        if call.method == "views.publish":
            return [Output("home", user_id=body["user_id"])]
        if call.method == "files.completeUploadExternal":
            return [Output("note", note=note) for note in saved_uploads(ws, answer, self.files_dir)]
        return []

    def _responded(self, call: Call) -> list[Output]:
        """A post to a response_url: a new message, or a replacement or deletion of the original."""
        ws, payload = self.workspace, call.body
        target = ws.response_target(call.path.rsplit("/", 1)[-1])
        if target is None:
            return []
        channel = target.channel_id
        if payload.get("delete_original") and target.message_ts:
            ws.forget_message(channel, target.message_ts)
            return [Output("delete", channel, ts=target.message_ts)]
        message: dict[str, Any] = {
            k: payload[k] for k in ("text", "attachments", "thread_ts") if k in payload
        }
        message["blocks"] = with_block_ids(payload.get("blocks"))
        if payload.get("replace_original") and target.message_ts:
            ts = target.message_ts
            if not target.ephemeral:
                ws.store_message(channel, ts, {**(ws.message(channel, ts) or {}), **message, "ts": ts})
            audience = target.user_id if target.ephemeral else None
            return [Output("update", channel, audience, ts, {**message, "ts": ts})]
        ts = ws.next_ts()
        if payload.get("response_type") == "in_channel":
            ws.store_message(channel, ts, {**message, "ts": ts})
            return [Output("message", channel, ts=ts, message={**message, "ts": ts})]
        return [Output("ephemeral", channel, target.user_id, ts, {**message, "ts": ts})]
