"""The workspace members users.info can describe, and the channels each is in."""

import threading
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo


class Directory:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users: dict[str, dict[str, Any]] = {}
        self._channels: dict[str, tuple[str, ...]] = {}

    def add_user(
        self,
        user_id: str,
        *,
        team_id: str = "T1",
        name: str | None = None,
        real_name: str | None = None,
        tz: str = "America/New_York",
        is_admin: bool = False,
        is_owner: bool = False,
        is_bot: bool = False,
        deleted: bool = False,
        channels: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        name = name or user_id.lower()
        real_name = real_name or name.replace(".", " ").title()
        user = {
            "id": user_id,
            "team_id": team_id,
            "name": name,
            "real_name": real_name,
            "tz": tz,
            "tz_label": tz,
            "tz_offset": _offset_seconds(tz),
            "is_admin": is_admin,
            "is_owner": is_owner,
            "is_bot": is_bot,
            "deleted": deleted,
            "profile": {"real_name": real_name, "display_name": name},
        }
        with self._lock:
            self._users[user_id] = user
            self._channels[user_id] = tuple(channels)
        return user

    def channels_of(self, user_id: str) -> tuple[str, ...]:
        """The channels users.conversations lists for a member (set with add_user(channels=...))."""
        with self._lock:
            return self._channels.get(user_id, ())

    def get(self, user_id: str) -> dict[str, Any] | None:
        with self._lock:
            user = self._users.get(user_id)
            return dict(user) if user else None


def _offset_seconds(tz: str) -> int:
    """Slack reports the zone's offset from UTC now, in seconds (so it changes with daylight saving)."""
    offset = datetime.now(UTC).astimezone(ZoneInfo(tz)).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0
