"""Rendered goal-list pages, kept in each process and reused while their workspace's list version
(models/list_versions.py) stands still.

Every write the list could show bumps that version in its own transaction, so reading the version
first and the page after can only err on the safe side: a page read after a write it does not
know of is stored under the older version and never served again. An unchanged version means no
write has committed since the page was read. Pacing depends on the workspace's date, so the date
is part of the key; the workspace always is, so no page crosses workspaces.

One cache per sessionmaker, hence per database: gunicorn's workers each have their own, and tests
that open many databases in one process never share pages between them.
"""

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from models.list_versions import current_version

# Pages per process: a page is ~20 kB of blocks, so at most a few MB; the busiest pages stay.
MAX_PAGES = 256


class PageCache:
    """A bounded LRU of (version, rendered page), safe across gunicorn's threads."""

    def __init__(self, engine: Engine, size: int = MAX_PAGES) -> None:
        self._engine = engine
        self._size = size
        self._pages: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def version(self, team_id: str) -> int:
        return current_version(self._engine, team_id)

    def get(self, key: Hashable, version: int) -> tuple[bool, Any]:
        with self._lock:
            found = self._pages.get(key)
            if found is None or found[0] != version:
                return False, None
            self._pages.move_to_end(key)
            return True, found[1]

    def put(self, key: Hashable, version: int, value: Any) -> None:
        with self._lock:
            held = self._pages.get(key)
            if held is not None and held[0] > version:
                return  # a newer page is already here; an older one must not replace it
            self._pages[key] = (version, value)
            self._pages.move_to_end(key)
            while len(self._pages) > self._size:
                self._pages.popitem(last=False)

    def __len__(self) -> int:
        return len(self._pages)


_CACHES: "WeakKeyDictionary[sessionmaker[Session], PageCache]" = WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_for(sessions: sessionmaker[Session]) -> PageCache:
    found = _CACHES.get(sessions)
    if found is not None:
        return found
    with _CACHES_LOCK:
        found = _CACHES.get(sessions)
        if found is None:
            bind = sessions.kw.get("bind")
            if not isinstance(bind, Engine):
                raise TypeError("the goal list's cache needs a sessionmaker bound to an Engine")
            found = _CACHES[sessions] = PageCache(bind)
        return found
