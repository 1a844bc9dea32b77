"""Who is in the workspace: members (users.info), channels and their members, user groups.

DM channel ids are derived from the member's id ("U_ALICE" → "D_ALICE", "U1" → "D1"), so a test
and the console can name a DM without asking conversations.open first.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo


def dm_id(user_id: str) -> str:
    return "D" + user_id[1:]


def dm_owner(channel_id: str) -> str:
    return "U" + channel_id[1:]


@dataclass
class Channel:
    id: str
    name: str
    is_private: bool
    members: list[str] = field(default_factory=list)
    bot_member: bool = True  # the bot is in it (conversations.info's is_member), so it may post there
    is_archived: bool = False
    team_id: str = "T1"  # the workspace it belongs to

    def copy(self) -> "Channel":
        return replace(self, members=list(self.members))


class Directory:
    """Members and channels of every workspace the stand-in plays; each belongs to one team
    (`default_team` unless told), which is how calls naming them are attributed."""

    def __init__(self, clock: Callable[[], datetime], default_team: str = "T1") -> None:
        self._clock = clock
        self.default_team = default_team
        self._lock = threading.Lock()
        self._users: dict[str, dict[str, Any]] = {}
        self._channels: dict[str, Channel] = {}
        self._groups: dict[str, list[str]] = {}

    def add_user(
        self,
        user_id: str,
        *,
        team_id: str | None = None,
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
        team_id = team_id or self.default_team
        user = {
            "id": user_id,
            "team_id": team_id,
            "name": name,
            "real_name": real_name,
            "tz": tz,
            "tz_label": tz,
            "tz_offset": _offset_seconds(tz, self._clock()),
            "is_admin": is_admin,
            "is_owner": is_owner,
            "is_bot": is_bot,
            "deleted": deleted,
            "profile": {"real_name": real_name, "display_name": name},
        }
        with self._lock:
            self._users[user_id] = user
        for channel_id in channels:
            self.add_channel(channel_id, members=(user_id,), team_id=team_id)
        return user

    def add_channel(
        self,
        channel_id: str,
        *,
        name: str | None = None,
        members: tuple[str, ...] = (),
        is_private: bool | None = None,
        bot_member: bool | None = None,
        is_archived: bool | None = None,
        team_id: str | None = None,
    ) -> Channel:
        """Adds a channel or, when known, adds `members` to it (a later name, privacy, bot
        membership or archived state wins). The bot is in every channel unless bot_member=False.
        A new channel belongs to `team_id` (the default team unless told)."""
        with self._lock:
            channel = self._channels.get(channel_id)
            if channel is None:
                private = channel_id.startswith("G") if is_private is None else is_private
                channel = Channel(
                    channel_id,
                    name or f"channel-{channel_id.lower()}",
                    private,
                    team_id=team_id or self.default_team,
                )
                self._channels[channel_id] = channel
            elif name or is_private is not None:
                channel.name = name or channel.name
                channel.is_private = channel.is_private if is_private is None else is_private
            channel.bot_member = channel.bot_member if bot_member is None else bot_member
            channel.is_archived = channel.is_archived if is_archived is None else is_archived
            channel.members.extend(m for m in members if m not in channel.members)
            return channel.copy()

    def add_usergroup(self, group_id: str, members: tuple[str, ...]) -> None:
        with self._lock:
            self._groups[group_id] = list(members)

    def get(self, user_id: str) -> dict[str, Any] | None:
        with self._lock:
            user = self._users.get(user_id)
            return dict(user) if user else None

    def channel(self, channel_id: str) -> Channel | None:
        with self._lock:
            found = self._channels.get(channel_id)
            return found.copy() if found else None

    def team_of_user(self, user_id: str) -> str | None:
        with self._lock:
            user = self._users.get(user_id)
            return str(user["team_id"]) if user else None

    def team_of_channel(self, channel_id: str) -> str | None:
        with self._lock:
            found = self._channels.get(channel_id)
            return found.team_id if found else None

    def channels(self) -> list[Channel]:
        """Every channel, in the order they were added (conversations.list)."""
        with self._lock:
            return [c.copy() for c in self._channels.values()]

    def channels_of(self, user_id: str) -> tuple[str, ...]:
        """The channels users.conversations lists for a member (add_user(channels=...), add_channel)."""
        with self._lock:
            return tuple(c.id for c in self._channels.values() if user_id in c.members)

    def usergroup(self, group_id: str) -> list[str] | None:
        with self._lock:
            found = self._groups.get(group_id)
            return list(found) if found is not None else None

    def kind_of(self, channel_id: str) -> str:
        """public_channel, private_channel or im, as users.conversations' `types` name them."""
        if channel_id.startswith("D"):
            return "im"
        channel = self.channel(channel_id)
        private = channel.is_private if channel else channel_id.startswith("G")
        return "private_channel" if private else "public_channel"


def _offset_seconds(tz: str, now: datetime) -> int:
    """Slack reports the zone's offset from UTC now, in seconds (so it changes with daylight saving)."""
    offset = now.astimezone(ZoneInfo(tz)).utcoffset()
    return int(offset.total_seconds()) if offset is not None else 0
