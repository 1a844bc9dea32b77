"""The files_upload_v2 flow: files.getUploadURLExternal, a POST of the bytes, files.completeUploadExternal.

The upload URL points back at the stand-in (/upload/<file_id>), which records the bytes.
"""

import json
from typing import Any

from bot.slack.standin.methods.chat import message
from bot.slack.standin.web_api import Answer, WebApi


def _upload_url(api: WebApi, args: dict[str, Any]) -> Answer:
    length = str(args.get("length", ""))
    if not length.isdigit() or int(length) < 1:
        return {
            "ok": False,
            "error": "invalid_arguments",
            "response_metadata": {"messages": ["[ERROR] length must be a positive integer"]},
        }
    upload = api.uploads.start(str(args["filename"]), int(length))
    return {"ok": True, "upload_url": api.upload_url(upload.file_id), "file_id": upload.file_id}


def _complete(api: WebApi, args: dict[str, Any]) -> Answer:
    files = args["files"]
    if isinstance(files, str):
        try:
            files = json.loads(files)
        except ValueError:
            return {"ok": False, "error": "invalid_arguments"}
    shared = []
    for item in files:
        upload = api.uploads.get(str(item.get("id")))
        if upload is None or upload.data is None:
            return {"ok": False, "error": "file_not_found"}
        upload.title = item.get("title") or upload.filename
        upload.channel_id, upload.thread_ts = args.get("channel_id"), args.get("thread_ts")
        upload.initial_comment = args.get("initial_comment")
        shared.append(
            {"id": upload.file_id, "name": upload.filename, "title": upload.title, "size": len(upload.data)}
        )
    channel = args.get("channel_id")
    if channel and shared:
        # Sharing posts a message carrying the files, in the thread when there is one (as Slack does).
        posted = message(api, {"text": args.get("initial_comment") or ""}, api.next_ts())
        posted["files"] = [{"id": f["id"], "name": f["name"], "title": f["title"]} for f in shared]
        posted["upload"] = True
        if args.get("thread_ts"):
            posted["thread_ts"] = args["thread_ts"]
        api.messages.add(str(channel), posted)
    return {"ok": True, "files": shared}


METHODS = {
    "files.getUploadURLExternal": _upload_url,
    "files.completeUploadExternal": _complete,
}
