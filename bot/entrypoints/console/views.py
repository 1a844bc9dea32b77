"""Open modals (a stack, as Slack keeps one per person) and published Home tabs.

Stored views look like the ones Slack returns from views.open: id, hash, state, root_view_id…
Updating a view keeps what was typed into inputs whose block_id and action_id stay the same.
"""

import copy
import itertools
import threading

from bot.entrypoints.console.workspace import APP_ID, BOT_ID, TEAM_ID, with_block_ids

PUSH_LIMIT = 3


class ViewError(Exception):
    """A Web API error code, e.g. not_found or hash_conflict."""


def input_keys(view: dict) -> set[tuple[str, str]]:
    return {
        (block.get("block_id", ""), block.get("element", {}).get("action_id", ""))
        for block in view.get("blocks") or ()
        if block.get("type") == "input"
    }


def _kept_state(old: dict | None, new: dict) -> dict:
    if not old:
        return {}
    keys = input_keys(new)
    values = old.get("state", {}).get("values", {})
    kept: dict = {}
    for block_id, actions in values.items():
        for action_id, value in actions.items():
            if (block_id, action_id) in keys:
                kept.setdefault(block_id, {})[action_id] = value
    return kept


class ViewStore:
    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._stack: list[dict] = []
        self._homes: dict[str, dict] = {}
        self._serial = itertools.count(1)

    def _stamp(self, view: dict, *, old: dict | None = None, previous: str | None = None) -> dict:
        serial = next(self._serial)
        view_id = old["id"] if old else f"V{serial:08d}"
        stamped = {
            "private_metadata": "",
            "callback_id": "",
            "external_id": "",
            "clear_on_close": False,
            "notify_on_close": False,
            **copy.deepcopy(view),
            "blocks": with_block_ids(copy.deepcopy(view.get("blocks"))),
            "id": view_id,
            "team_id": TEAM_ID,
            "app_id": APP_ID,
            "bot_id": BOT_ID,
            "hash": f"{serial}.console",
            "root_view_id": (old or {}).get("root_view_id")
            or (self._stack[0]["id"] if previous else view_id),
            "previous_view_id": (old or {}).get("previous_view_id") or previous,
        }
        stamped["state"] = {"values": _kept_state(old, stamped)}
        return stamped

    def open(self, view: dict) -> dict:
        with self._lock:
            self._stack = [self._stamp(view)]
            return copy.deepcopy(self._stack[0])

    def push(self, view: dict) -> dict:
        with self._lock:
            if not self._stack:
                raise ViewError("not_found")
            if len(self._stack) >= PUSH_LIMIT:
                raise ViewError("push_limit_reached")
            self._stack.append(self._stamp(view, previous=self._stack[-1]["id"]))
            return copy.deepcopy(self._stack[-1])

    def update(self, view: dict, *, view_id=None, external_id=None, hash=None) -> dict:
        with self._lock:
            places = [*self._stack, *self._homes.values()]
            found = next(
                (
                    v
                    for v in places
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
            self._replace(found["id"], fresh)
            return copy.deepcopy(fresh)

    def _replace(self, view_id: str, fresh: dict) -> None:
        self._stack = [fresh if v["id"] == view_id else v for v in self._stack]
        for user_id, home in list(self._homes.items()):
            if home["id"] == view_id:
                self._homes[user_id] = fresh

    def publish(self, user_id: str, view: dict, *, hash=None) -> dict:
        with self._lock:
            old = self._homes.get(user_id)
            if hash and old and hash != old["hash"]:
                raise ViewError("hash_conflict")
            self._homes[user_id] = self._stamp(view, old=old)
            return copy.deepcopy(self._homes[user_id])

    def home(self, user_id: str) -> dict | None:
        with self._lock:
            return copy.deepcopy(self._homes.get(user_id))

    def find(self, view_id: str) -> dict | None:
        with self._lock:
            found = next((v for v in [*self._stack, *self._homes.values()] if v["id"] == view_id), None)
            return copy.deepcopy(found)

    def top(self) -> dict | None:
        with self._lock:
            return copy.deepcopy(self._stack[-1]) if self._stack else None

    def save_state(self, view_id: str, values: dict) -> None:
        with self._lock:
            for view in self._stack:
                if view["id"] == view_id:
                    view["state"] = {"values": copy.deepcopy(values)}

    def close(self, view_id: str) -> None:
        """The view and any views pushed on top of it go; the one beneath shows again."""
        with self._lock:
            ids = [v["id"] for v in self._stack]
            if view_id in ids:
                self._stack = self._stack[: ids.index(view_id)]

    def clear(self) -> None:
        with self._lock:
            self._stack = []
