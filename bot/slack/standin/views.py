"""Open modals (a stack per person, as Slack keeps one) and published Home tabs.

Stored views look like the ones Slack returns: the app's view plus id, hash, state and
root/previous view ids. Updating a view keeps what was typed into inputs whose ids stay the same.
A trigger handed out with `new_trigger(user)` opens modals for that person; any other trigger
(tests make them up) opens them for nobody in particular ("").
"""

import copy
import itertools
import threading
import time
from typing import Any

View = dict[str, Any]
PUSH_LIMIT = 3  # Slack: "you can only push 2 additional views" on top of the first


class ViewError(Exception):
    """A Web API error code: not_found, hash_conflict, push_limit_reached."""


def _kept_state(old: View | None, new: View) -> dict[str, Any]:
    if not old:
        return {}
    keys = {
        (b.get("block_id", ""), b.get("element", {}).get("action_id", ""))
        for b in new.get("blocks") or ()
        if b.get("type") == "input"
    }
    kept: dict[str, Any] = {}
    for block_id, actions in old.get("state", {}).get("values", {}).items():
        for action_id, value in actions.items():
            if (block_id, action_id) in keys:
                kept.setdefault(block_id, {})[action_id] = value
    return kept


class ViewStore:
    def __init__(self, ids: dict[str, str]) -> None:
        self._ids = ids  # team_id, app_id, bot_id stamped on each view
        self._lock = threading.RLock()
        self._stacks: dict[str, list[View]] = {}
        self._homes: dict[str, View] = {}
        self._triggers: dict[str, str] = {}
        self._serial = itertools.count(1)

    def new_trigger(self, user_id: str) -> str:
        trigger = f"{int(time.time())}.{next(self._serial)}.standin"
        with self._lock:
            self._triggers[trigger] = user_id
        return trigger

    def _stamp(self, view: View, *, old: View | None = None, under: View | None = None) -> View:
        serial = next(self._serial)
        view_id = old["id"] if old else f"V{serial:08d}"
        stamped = {
            "private_metadata": "",
            "callback_id": "",
            "external_id": "",
            "clear_on_close": False,
            "notify_on_close": False,
            **copy.deepcopy(view),
            "id": view_id,
            **self._ids,
            "hash": f"{time.time():.6f}.{serial:08x}",
            "root_view_id": (old or under or {}).get("root_view_id") or view_id,
            "previous_view_id": (old or {}).get("previous_view_id") or (under or {}).get("id"),
        }
        stamped["state"] = {"values": _kept_state(old, stamped)}
        return stamped

    def open(self, trigger: str, view: View) -> View:
        with self._lock:
            stack = self._stacks[self._triggers.get(trigger, "")] = [self._stamp(view)]
            return copy.deepcopy(stack[0])

    def push(self, trigger: str, view: View) -> View:
        with self._lock:
            stack = self._stacks.setdefault(self._triggers.get(trigger, ""), [])
            if len(stack) >= PUSH_LIMIT:
                raise ViewError("push_limit_reached")
            stack.append(self._stamp(view, under=stack[-1] if stack else None))
            return copy.deepcopy(stack[-1])

    def update(self, view: View, *, view_id: str | None, external_id: str | None, hash: str | None) -> View:
        with self._lock:
            found = next(
                (
                    v
                    for v in self._all()
                    if (view_id and v["id"] == view_id)
                    or (external_id and v.get("external_id") == external_id)
                ),
                None,
            )
            if found is None:
                raise ViewError("not_found")
            if hash and hash != found["hash"]:
                raise ViewError("hash_conflict")
            fresh = self._stamp(view, old=found)
            for stack in self._stacks.values():
                stack[:] = [fresh if v["id"] == found["id"] else v for v in stack]
            for user_id, home in list(self._homes.items()):
                if home["id"] == found["id"]:
                    self._homes[user_id] = fresh
            return copy.deepcopy(fresh)

    def publish(self, user_id: str, view: View, *, hash: str | None) -> View:
        with self._lock:
            old = self._homes.get(user_id)
            if hash and old and hash != old["hash"]:
                raise ViewError("hash_conflict")
            self._homes[user_id] = self._stamp(view, old=old)
            return copy.deepcopy(self._homes[user_id])

    # What a Slack client shows, and what its person does to a modal

    def home(self, user_id: str) -> View | None:
        with self._lock:
            return copy.deepcopy(self._homes.get(user_id))

    def find(self, view_id: str) -> View | None:
        with self._lock:
            return copy.deepcopy(next((v for v in self._all() if v["id"] == view_id), None))

    def top(self, user_id: str) -> View | None:
        with self._lock:
            stack = self._stacks.get(user_id) or []
            return copy.deepcopy(stack[-1]) if stack else None

    def save_state(self, view_id: str, values: dict[str, Any]) -> None:
        with self._lock:
            for view in self._all():
                if view["id"] == view_id:
                    view["state"] = {"values": copy.deepcopy(values)}

    def close(self, user_id: str, view_id: str) -> None:
        """The view and any pushed on top of it go; the one beneath shows again."""
        with self._lock:
            stack = self._stacks.get(user_id) or []
            ids = [v["id"] for v in stack]
            if view_id in ids:
                del stack[ids.index(view_id) :]

    def clear(self, user_id: str) -> None:
        with self._lock:
            self._stacks.pop(user_id, None)

    def _all(self) -> list[View]:
        return [v for stack in self._stacks.values() for v in stack] + list(self._homes.values())
