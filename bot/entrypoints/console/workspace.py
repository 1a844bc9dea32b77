"""The console's pretend Slack workspace: people, channels, posted messages and the outbox.

The loopback Web API (server thread) writes here and the REPL reads, so every change holds a lock.
Ids are stable and readable: a person "alice" is U_ALICE, a channel "general" is C_GENERAL.
"""

import copy
import itertools
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

TEAM_ID = "T_CONSOLE"
TEAM_DOMAIN = "console"
APP_ID = "A_CONSOLE"
BOT_ID = "B_GOALBOT"
BOT_USER_ID = "U_GOALBOT"


def slug(name: str) -> str:
    return re.sub(r"[^A-Z0-9]+", "_", name.strip().lstrip("@#").upper()).strip("_") or "X"


def person_id(name: str) -> str:
    return "U_" + slug(name)


def channel_id(name: str) -> str:
    return "C_" + slug(name)


def dm_channel_id(user_id: str) -> str:
    return "D_" + user_id.removeprefix("U_")


def with_block_ids(blocks: list | None) -> list:
    """Slack gives every block without an id one of its own; actions then carry it."""
    return [{"block_id": f"console_{i}", **block} for i, block in enumerate(blocks or ())]


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    is_admin: bool = False


@dataclass(frozen=True)
class Output:
    """Something goalbot showed: a message, an ephemeral, an edit, a deletion, a Home tab, a note."""

    kind: str  # "message" | "ephemeral" | "update" | "delete" | "home" | "note"
    channel_id: str | None = None
    user_id: str | None = None  # who sees an ephemeral; whose Home tab
    ts: str | None = None
    message: dict = field(default_factory=dict)  # text, blocks, attachments, thread_ts
    note: str = ""


@dataclass(frozen=True)
class ResponseTarget:
    """Where a response_url leads: the channel, the person, and the message it came from."""

    channel_id: str
    user_id: str
    message_ts: str | None = None
    ephemeral: bool = True


class Workspace:
    def __init__(self, *, timezone: ZoneInfo, clock: Callable[[], datetime]) -> None:
        self.timezone, self.clock = timezone, clock
        self._lock = threading.RLock()
        self._people: dict[str, Person] = {}
        self._channels: dict[str, str] = {}
        self._messages: dict[tuple[str, str], dict] = {}
        self._outbox: list[Output] = []
        self._triggers: set[str] = set()
        self._responses: dict[str, ResponseTarget] = {}
        self._serial = itertools.count(1)
        self._epoch = int(clock().timestamp())

    # People and channels
    def add_person(self, name: str, *, is_admin: bool | None = None) -> Person:
        """Adds or finds a person; is_admin=None keeps what they were (a newcomer is a member)."""
        with self._lock:
            known = self._people.get(person_id(name))
            admin = is_admin if is_admin is not None else bool(known and known.is_admin)
            person = Person(person_id(name), name.strip().lstrip("@").lower(), admin)
            self._people[person.id] = person
        return person

    def person(self, user_id: str) -> Person:
        with self._lock:
            return self._people.get(user_id) or Person(user_id, user_id.removeprefix("U_").lower())

    def add_channel(self, name: str) -> str:
        with self._lock:
            self._channels[channel_id(name)] = name.strip().lstrip("#").lower()
        return channel_id(name)

    def channel_name(self, any_channel_id: str) -> str:
        with self._lock:
            if any_channel_id.startswith("D_"):
                return "dm-" + self.person("U_" + any_channel_id[2:]).name
            return self._channels.get(any_channel_id) or any_channel_id.removeprefix("C_").lower()

    def user_names(self) -> dict[str, str]:
        with self._lock:
            return {p.id: p.name for p in self._people.values()}

    def channel_names(self) -> dict[str, str]:
        with self._lock:
            return dict(self._channels)

    # Messages
    def next_ts(self) -> str:
        return f"{self._epoch + next(self._serial)}.000100"

    def store_message(self, channel: str, ts: str, message: dict) -> None:
        with self._lock:
            self._messages[(channel, ts)] = copy.deepcopy(message)

    def message(self, channel: str, ts: str) -> dict | None:
        with self._lock:
            found = self._messages.get((channel, ts))
            return copy.deepcopy(found) if found is not None else None

    def forget_message(self, channel: str, ts: str) -> bool:
        with self._lock:
            return self._messages.pop((channel, ts), None) is not None

    # Triggers and response_urls, handed out with each request as Slack does
    def new_trigger(self) -> str:
        trigger = f"{self._epoch}.{next(self._serial)}.{secrets.token_hex(8)}"
        with self._lock:
            self._triggers.add(trigger)
        return trigger

    def knows_trigger(self, trigger: str | None) -> bool:
        with self._lock:
            return trigger in self._triggers

    def new_response_token(self, target: ResponseTarget) -> str:
        token = secrets.token_urlsafe(12)
        with self._lock:
            self._responses[token] = target
        return token

    def response_target(self, token: str) -> ResponseTarget | None:
        with self._lock:
            return self._responses.get(token)

    # Outbox
    def emit(self, output: Output) -> None:
        with self._lock:
            self._outbox.append(output)

    def drain(self) -> list[Output]:
        with self._lock:
            outputs, self._outbox = self._outbox, []
        return outputs
