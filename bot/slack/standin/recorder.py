"""Every request the stand-in receives, kept in order, safe to read while server threads write."""

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Call:
    """One request. `body` is always a dict (JSON strings such as `blocks` or `view` already decoded);
    `headers` has lower-case names; `at` is time.monotonic() when the request arrived; `answer` is
    the JSON the stand-in answered (filled in once answered; {} for response_urls and uploads);
    `raw` is the body as it came (the bytes of a file upload); `team_id` is the workspace the call
    was for (see workspaces.py; None for uploads and response_urls)."""

    method: str
    body: dict[str, Any]
    headers: dict[str, str]
    path: str
    at: float = field(default_factory=time.monotonic)
    answer: dict[str, Any] = field(default_factory=dict, compare=False)
    raw: bytes = field(default=b"", compare=False, repr=False)
    team_id: str | None = None


@dataclass(frozen=True)
class Rejection:
    """A call the stand-in refused because its payload broke Slack's rules, and why."""

    call: Call
    error: str
    reasons: list[str]


class Recorder:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._calls: list[Call] = []
        self._rejections: list[Rejection] = []
        self._in_flight = 0
        # Calls whose request has been answered (its effects applied), by id; wait_for counts only these.
        self._answered: set[int] = set()
        self._request = threading.local()  # the calls recorded by this server thread's current request

    def begin(self) -> None:
        with self._changed:
            self._in_flight += 1
        self._request.calls = []

    def end(self) -> None:
        with self._changed:
            self._in_flight -= 1
            self._answered.update(id(call) for call in getattr(self._request, "calls", []))
            self._request.calls = []
            self._changed.notify_all()

    def settle(self, quiet: float = 0.15, timeout: float = 5.0) -> None:
        """Waits until no request is being answered and none arrived for `quiet` seconds (for the
        console, whose bot may still be working in background threads after its ack)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while time.monotonic() < deadline:
                seen = len(self._calls)
                self._changed.wait_for(lambda: self._in_flight == 0, max(0.0, deadline - time.monotonic()))
                self._changed.wait(quiet)
                if len(self._calls) == seen and self._in_flight == 0:
                    return

    def record(self, call: Call) -> None:
        with self._changed:
            self._calls.append(call)
            request = getattr(self._request, "calls", None)
            if request is None:
                self._answered.add(id(call))  # recorded outside a request: nothing left to apply
            else:
                request.append(call)
            self._changed.notify_all()

    def reject(self, rejection: Rejection) -> None:
        with self._changed:
            self._rejections.append(rejection)

    def calls(self, method: str | None = None, team_id: str | None = None) -> list[Call]:
        with self._changed:
            return [
                c
                for c in self._calls
                if (method is None or c.method == method) and (team_id is None or c.team_id == team_id)
            ]

    def rejections(self) -> list[Rejection]:
        with self._changed:
            return list(self._rejections)

    def last(self, method: str) -> Call:
        found = self.calls(method)
        if not found:
            raise AssertionError(f"no {method} call was made; recorded: {self._summary()}")
        return found[-1]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[Call]:
        """Waits until at least `count` calls of `method` arrived and were answered (Bolt runs
        listeners on its own threads after the HTTP ack, so a test cannot assume the calls are
        already there; and a chat.update is only in `messages` once answered)."""
        with self._changed:
            arrived = self._changed.wait_for(
                lambda: sum(id(c) in self._answered for c in self._matching(method)) >= count, timeout
            )
            if arrived:
                return self._matching(method)
            seen = len(self._matching(method))
        raise AssertionError(
            f"waited {timeout}s for {count} {method} call(s), got {seen}; recorded: {self._summary()}"
        )

    def wait_for_arrival(
        self, method: str, count: int = 1, timeout: float = 5.0, where: Callable[[Call], bool] | None = None
    ) -> list[Call]:
        """Waits until at least `count` calls of `method` (that `where` accepts) arrived, answered or
        not (a call held by a stall has arrived but is not answered yet)."""

        def matching() -> list[Call]:
            return [c for c in self._matching(method) if where is None or where(c)]

        with self._changed:
            if self._changed.wait_for(lambda: len(matching()) >= count, timeout):
                return matching()
            seen = len(matching())
        raise AssertionError(f"waited {timeout}s for {count} {method} call(s) to arrive, got {seen}")

    def clear(self) -> None:
        with self._changed:
            self._calls.clear()
            self._rejections.clear()
            self._answered.clear()

    def _matching(self, method: str) -> list[Call]:
        return [c for c in self._calls if c.method == method]

    def _summary(self) -> str:
        with self._changed:
            methods = [c.method for c in self._calls]
            rejected = [f"{r.call.method}: {r.error} {r.reasons}" for r in self._rejections]
        text = ", ".join(methods) or "nothing"
        return f"{text}; rejected: {'; '.join(rejected)}" if rejected else text
