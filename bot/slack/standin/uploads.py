"""files_upload_v2's three steps: an upload URL per file, the bytes POSTed to it, then the share."""

import itertools
import threading
from dataclasses import dataclass


@dataclass
class Upload:
    file_id: str
    filename: str
    length: int
    data: bytes | None = None  # set when the bytes arrive at the upload URL
    title: str = ""
    channel_id: str | None = None  # set by files.completeUploadExternal
    thread_ts: str | None = None
    initial_comment: str | None = None


class Uploads:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._serial = itertools.count(1)
        self._files: dict[str, Upload] = {}

    def start(self, filename: str, length: int) -> Upload:
        upload = Upload(f"F{next(self._serial):08d}", filename, length)
        with self._lock:
            self._files[upload.file_id] = upload
        return upload

    def receive(self, file_id: str, data: bytes) -> bool:
        with self._lock:
            upload = self._files.get(file_id)
            if upload is None:
                return False
            upload.data = data
            return True

    def get(self, file_id: str) -> Upload | None:
        with self._lock:
            return self._files.get(file_id)

    def all(self) -> list[Upload]:
        with self._lock:
            return list(self._files.values())
