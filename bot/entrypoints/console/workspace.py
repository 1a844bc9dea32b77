"""The console's workspace: readable ids and names, on top of the shared Slack stand-in.

Ids are stable and readable: a person "alice" is U_ALICE, a channel "general" is C_GENERAL, and
their DM with goalbot is D_ALICE. People and channels the console meets are added to the
stand-in's directory, so users.info and conversations.* answer about them; the current person is
a member of every channel they visit.
"""

import itertools
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.slack.standin import SlackStandIn, dm_id, dm_owner
from bot.slack.standin import Workspace as StandInWorkspace

CONSOLE = StandInWorkspace(
    team_id="T_CONSOLE",
    team="Console",
    domain="console",
    bot_user_id="U_GOALBOT",
    bot_id="B_GOALBOT",
    app_id="A_CONSOLE",
)
TEAM_ID, TEAM_DOMAIN, APP_ID, BOT_USER_ID = (
    CONSOLE.team_id,
    CONSOLE.domain,
    CONSOLE.app_id,
    CONSOLE.bot_user_id,
)


def slug(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", name.strip().lstrip("@#").upper()).strip("_") or "X"


def person_id(name: str) -> str:
    return "U_" + slug(name)


def channel_id(name: str) -> str:
    return "C_" + slug(name)


def with_block_ids(blocks: list[Any] | None) -> list[Any]:
    """Slack gives every block without an id one of its own; actions then carry it."""
    return [{"block_id": f"console_{i}", **block} for i, block in enumerate(blocks or ())]


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    is_admin: bool = False
    timezone: str | None = None  # None: the workspace's (DEFAULT_TIMEZONE)


@dataclass(frozen=True)
class Output:
    """Something goalbot showed: a message, an ephemeral, an edit, a deletion, a Home tab, a refusal."""

    kind: str  # "message" | "ephemeral" | "update" | "delete" | "home" | "note"
    channel_id: str | None = None
    user_id: str | None = None  # who sees an ephemeral; whose Home tab
    ts: str | None = None
    message: dict[str, Any] = field(default_factory=dict)  # text, blocks, attachments, thread_ts
    note: str = ""


@dataclass(frozen=True)
class ResponseTarget:
    """Where a response_url leads: the channel, the person, and the message it came from."""

    channel_id: str
    user_id: str
    message_ts: str | None = None
    ephemeral: bool = True


class Workspace:
    def __init__(self, standin: SlackStandIn, *, timezone: str, now: datetime) -> None:
        self.standin, self.timezone = standin, timezone
        self._lock = threading.RLock()
        self._people: dict[str, Person] = {}
        self._channels: dict[str, str] = {}
        self._messages: dict[tuple[str, str], dict[str, Any]] = {}
        self._responses: dict[str, ResponseTarget] = {}
        self._serial = itertools.count(1)
        self._epoch = int(now.timestamp())

    # People and channels
    def add_person(self, name: str, *, is_admin: bool | None = None, timezone: str | None = None) -> Person:
        """Adds or finds a person; is_admin=None and timezone=None keep what they were (a newcomer
        is a member in the workspace's zone)."""
        with self._lock:
            known = self._people.get(person_id(name))
            admin = is_admin if is_admin is not None else bool(known and known.is_admin)
            zone = timezone or (known.timezone if known else None)
            person = Person(person_id(name), name.strip().lstrip("@").lower(), admin, zone)
            self._people[person.id] = person
        self.standin.add_user(
            person.id, team_id=TEAM_ID, name=person.name, tz=zone or self.timezone, is_admin=admin
        )
        return person

    def knows(self, user_id: str) -> bool:
        with self._lock:
            return user_id in self._people

    def person(self, user_id: str) -> Person:
        with self._lock:
            return self._people.get(user_id) or Person(user_id, user_id.removeprefix("U_").lower())

    def add_channel(self, name: str, *, member: str | None = None) -> str:
        clean = name.strip().lstrip("#").lower()
        with self._lock:
            self._channels[channel_id(name)] = clean
        self.standin.add_channel(channel_id(name), name=clean, members=(member,) if member else ())
        return channel_id(name)

    def join_channel(self, name: str, member: str) -> tuple[str, bool]:
        """(the channel's id, whether `member` is new there)."""
        known = self.standin.channel(channel_id(name))
        new = known is None or member not in known.members
        return self.add_channel(name, member=member), new

    def channel_name(self, any_channel_id: str) -> str:
        with self._lock:
            if any_channel_id.startswith("D"):
                return "dm-" + self.person(dm_owner(any_channel_id)).name
            return self._channels.get(any_channel_id) or any_channel_id.removeprefix("C_").lower()

    def user_names(self) -> dict[str, str]:
        with self._lock:
            return {p.id: p.name for p in self._people.values()}

    def channel_names(self) -> dict[str, str]:
        with self._lock:
            return dict(self._channels)

    def dm_of(self, user_id: str) -> str:
        return dm_id(user_id)

    # Messages as shown, so a button press carries the message as it is now
    def next_ts(self) -> str:
        return f"{self._epoch + next(self._serial)}.000100"

    def store_message(self, channel: str, ts: str, message: dict[str, Any]) -> None:
        with self._lock:
            self._messages[(channel, ts)] = dict(message)

    def message(self, channel: str, ts: str) -> dict[str, Any] | None:
        with self._lock:
            found = self._messages.get((channel, ts))
            return dict(found) if found is not None else None

    def forget_message(self, channel: str, ts: str) -> None:
        with self._lock:
            self._messages.pop((channel, ts), None)

    # Triggers and response_urls, handed out with each request as Slack does
    def new_trigger(self, user_id: str) -> str:
        return self.standin.views.new_trigger(user_id)

    def response_url(self, target: ResponseTarget) -> str:
        token = f"r{next(self._serial)}"
        with self._lock:
            self._responses[token] = target
        return self.standin.response_url(token)

    def response_target(self, token: str) -> ResponseTarget | None:
        with self._lock:
            return self._responses.get(token)
