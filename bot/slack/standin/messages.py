"""Messages the bot posted, per channel, so chat.update and conversations.history answer from them."""

import threading
from typing import Any

Message = dict[str, Any]


class MessageLog:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_channel: dict[str, dict[str, Message]] = {}

    def add(self, channel_id: str, message: Message) -> None:
        with self._lock:
            self._by_channel.setdefault(channel_id, {})[message["ts"]] = dict(message)

    def get(self, channel_id: str, ts: str) -> Message | None:
        with self._lock:
            found = self._by_channel.get(channel_id, {}).get(ts)
            return dict(found) if found else None

    def replace(self, channel_id: str, ts: str, changes: Message) -> Message | None:
        """Applies chat.update's changes; None when there is no such message."""
        with self._lock:
            found = self._by_channel.get(channel_id, {}).get(ts)
            if found is None:
                return None
            found.update(changes)
            return dict(found)

    def history(self, channel_id: str, *, oldest: float = 0.0, latest: float | None = None) -> list[Message]:
        """Newest first, strictly between oldest and latest (Slack's default, inclusive=false)."""
        with self._lock:
            messages = list(self._by_channel.get(channel_id, {}).values())
        kept = [
            m for m in messages if float(m["ts"]) > oldest and (latest is None or float(m["ts"]) < latest)
        ]
        return sorted(kept, key=lambda m: float(m["ts"]), reverse=True)
