"""Many workspaces' rows sent by one shared pool of sender threads.

A thread per workspace would mostly sleep waiting for its workspace's turn, and hundreds of them
only contend for the interpreter. Here each workspace is a lane (a queue of its claimed rows) and a
few sender threads take the next row from the lane with the most rows left whose workspace may
call Slack now (`ready_in`: the workspace's gate; ready_lanes.py). A lane has at most
`per_workspace` rows in flight (fewer while `in_flight` says fewer keep its pace), so a workspace
in a 429 storm or answering slowly holds that many threads at most, and every other workspace goes
on with the rest.

The calling thread manages the lanes: it takes workspaces' leases a group at a time in one
statement (up to `active` lanes open at once, so other processes find workspaces to take too),
claims the lanes it opened together in one transaction and each lane's next rows before its queue
runs dry, and lets leases go a group at a time. Claiming and sending overlap, so sender threads
seldom wait for the database. Workspaces may keep coming while the rows go out (`more`: the
check-in pass plans a group of workspaces while the last group's prompts are sent)."""

import threading
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bot.outbound.lane_openings import More, Openings
from bot.outbound.ready_lanes import ReadyIn, ReadyLanes

T = TypeVar("T")
MANY = 1_000_000  # rows left in a lane whose claim took a whole batch: more than any queue holds

Take = Callable[[Sequence[str], int], list[str]]  # (workspaces, most) -> those whose lease it took
LetGo = Callable[[list[str]], None]
# workspaces -> each one's (rows claimed, whether more may be due): a group's claims in one go
Claim = Callable[[list[str]], Mapping[str, tuple[list[T], bool]]]


@dataclass
class _Lane(Generic[T]):
    queue: deque[T] = field(default_factory=deque)
    more: bool = True  # another claim may find rows
    claiming: bool = True  # a claim is asked for or running (a lane opens with one)
    in_flight: int = 0
    ready: bool = False  # among the ready lanes
    age: int = 0  # the order it opened in


class Lanes(Generic[T]):
    def __init__(
        self,
        *,
        take: Take,
        let_go: LetGo,
        ready_in: ReadyIn | None,
        threads: int,
        per_workspace: int,
        active: int,
        low: int = 25,
        in_flight: Callable[[], int] | None = None,
    ) -> None:
        """`low`: a lane with this many rows queued or fewer asks for its next claim. `in_flight`:
        the rows a lane may have in flight now, asked as rows go (at most `per_workspace`)."""
        self._take, self._let_go = take, let_go
        self._threads, self._cap, self._active, self._low = threads, max(1, per_workspace), active, low
        self._in_flight = in_flight or (lambda: self._cap)
        # Leases taken (and claims made) together, and the rows queued below which the next group
        # opens: about what the senders post while a group's claim is made, so they never run dry.
        self._group, self._low_rows = max(1, min(active, 2 * threads)), 16 * threads
        self._queued = 0  # rows in the lanes' queues
        self._lock = threading.Lock()
        self._senders_wake = threading.Condition(self._lock)  # a lane may have a row to send
        self._manager_wakes = threading.Condition(self._lock)  # a claim, a lane done, room to open
        self._openings = Openings([], None, group=self._group, active=active)
        self._lanes: dict[str, _Lane[T]] = {}
        self._ready = ReadyLanes(ready_in)  # lanes with a row to send and room in flight
        self._opened = 0  # lanes opened so far: the next one's age
        self._claims: deque[str] = deque()
        self._done: list[str] = []  # lanes finished, their leases not let go yet
        self._failed: list[BaseException] = []
        self._over = False  # the manager is done: no lane will open or fill

    def run(
        self, team_ids: Sequence[str], claim: Claim[T], send: Callable[[T], None], more: More | None = None
    ) -> list[str]:
        """Sends every row `claim` finds for the workspaces, and for those `more` gives while this
        runs, each through `send`; blocks until all are sent. Returns the workspaces served (a
        workspace another process holds is left to it). The first error raised by `claim`, `send`
        or `more` stops the work and is raised here."""
        self._openings = openings = Openings(team_ids, more, group=self._group, active=self._active)
        served: list[str] = []
        if openings.none_left():
            return served
        threads = self._threads if more else min(self._threads, len(openings.waiting) * self._cap)
        senders = [
            threading.Thread(target=self._sending, args=(send,), name=f"sender-{n}", daemon=True)
            for n in range(threads)
        ]
        for thread in senders:
            thread.start()
        try:
            self._manage(claim, served)
        except BaseException as error:
            self._fail(error)
        finally:
            with self._lock:  # senders waiting for a lane hear there will be none
                self._over = True
                self._senders_wake.notify_all()
            for thread in senders:
                thread.join()
            with self._lock:
                left, self._done = self._done + list(self._lanes), []
                self._lanes.clear()
            if left:
                self._let_go(left)
        if self._failed:
            raise self._failed[0]
        return list(dict.fromkeys(served))  # a workspace that came again was opened twice

    def _manage(self, claim: Claim[T], served: list[str]) -> None:
        while True:
            with self._lock:
                while not self._manager_has_work():
                    self._manager_wakes.wait()
                if self._failed or (self._finished() and not self._done):
                    return
                teams = [self._claims.popleft() for _ in range(min(self._group, len(self._claims)))]
                done: list[str] = []
                if not teams or len(self._done) >= self._group:  # claims first: senders wait on them
                    done, self._done = self._done, []
                room = 0 if teams else self._room()
                candidates = list(self._openings.waiting) if room else []
                wants_more = not (teams or candidates) and self._openings.wants_more(len(self._lanes))
                ask = self._openings.more if wants_more else None
            if done:
                self._let_go(done)
            if candidates:
                self._open(candidates, room, served)
            if teams:
                self._claimed(claim(teams))
            if ask:
                self._came(ask())

    def _manager_has_work(self) -> bool:
        lanes_to_manage = self._claims or self._room() or self._to_let_go() or self._finished()
        return bool(self._failed or lanes_to_manage or self._openings.wants_more(len(self._lanes)))

    def _came(self, teams: Sequence[str] | None) -> None:
        with self._lock:
            for team in self._openings.came(teams, self._lanes):
                lane = self._lanes[team]
                lane.more = True
                # A claim asked for already runs after this (this thread makes the claims) and
                # finds the new rows; otherwise the lane asks for one if its queue is low.
                if not lane.claiming:
                    self._settle(team, lane)

    def _room(self) -> int:
        return self._openings.room(len(self._lanes), queued_low=self._queued < self._low_rows)

    def _to_let_go(self) -> bool:
        return len(self._done) >= self._group or bool(self._done and not self._lanes)

    def _finished(self) -> bool:
        return not self._lanes and self._openings.none_left()

    def _open(self, candidates: list[str], room: int, served: list[str]) -> None:
        """Takes up to `room` leases. Fewer taken than there was room for: every other candidate
        is held by another process, and is left to it."""
        taken = self._take(candidates, room)
        with self._lock:
            self._openings.opened(taken, room)
            for team in taken:
                self._lanes[team] = _Lane(age=self._opened)
                self._opened += 1
                self._claims.append(team)
            served.extend(taken)

    def _claimed(self, claimed: Mapping[str, tuple[list[T], bool]]) -> None:
        with self._lock:
            for team, (rows, more) in claimed.items():
                lane = self._lanes[team]
                lane.queue.extend(rows)
                self._queued += len(rows)
                lane.more, lane.claiming = more and bool(rows), False
                self._settle(team, lane)
                self._senders_wake.notify(min(self._cap, len(rows)))

    def _sending(self, send: Callable[[T], None]) -> None:
        while True:
            with self._lock:
                while True:
                    if self._failed or self._over:
                        return
                    team, wait = self._ready.pop()
                    if team is not None:
                        break
                    self._senders_wake.wait(wait)
                lane = self._lanes[team]
                lane.ready = False
                row = lane.queue.popleft()
                self._queued -= 1
                if self._queued < self._low_rows and self._openings.waiting:
                    self._manager_wakes.notify()  # time to open the next group
                lane.in_flight += 1
                self._settle(team, lane)
                if lane.ready:  # room for one more in flight (its pace needs more now): wake one
                    self._senders_wake.notify()
            try:
                send(row)
            except BaseException as error:
                self._fail(error)
                return
            with self._lock:  # this thread looks for its next row at once: nobody to wake for this lane
                lane.in_flight -= 1
                self._settle(team, lane)

    def _settle(self, team: str, lane: _Lane[T]) -> None:
        """After a lane changed: ready again, asking for its next claim, or done."""
        if lane.queue and lane.in_flight < min(self._cap, self._in_flight()) and not lane.ready:
            lane.ready = True
            self._ready.add(team, len(lane.queue) + (MANY if lane.more else 0), lane.age)
        if lane.more and not lane.claiming and len(lane.queue) <= self._low:
            lane.claiming = True
            self._claims.append(team)
            self._manager_wakes.notify()
        if not lane.queue and not lane.more and not lane.claiming and lane.in_flight == 0:
            del self._lanes[team]
            self._done.append(team)
            self._manager_wakes.notify()

    def _fail(self, error: BaseException) -> None:
        with self._lock:
            self._failed.append(error)
            self._senders_wake.notify_all()
            self._manager_wakes.notify_all()
