"""The shared sender pool (bot/outbound/lanes.py) with fake leases, claims and sends, no database:
every claimed row goes out exactly once; a workspace never has more than `per_workspace` rows in
flight, so one whose calls stall or that may not call yet leaves the other workspaces' rows to the
other threads; leases are taken in groups, never more than `active` held at once, and every lease
taken is let go exactly once, also when a claim or a send fails (the error is raised from `run`).
Ordering and counting facts only; an Event wait that times out only does so when the pool is broken."""

import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence

import pytest

from bot.outbound.lanes import Lanes

GIVE_UP = 5.0  # seconds: only reached if the pool let one workspace hold back another
Row = tuple[str, int]


class Boom(Exception):
    pass


class Fakes:
    """Take, let go, claim and send for workspaces with `rows[team]` rows each, claimed `batch` at a
    time; `refused` workspaces are held by another process. Everything is counted under one lock."""

    def __init__(self, rows: dict[str, int], *, batch: int = 3, refused: Sequence[str] = ()) -> None:
        self.lock = threading.Lock()
        self.due = {team: [(team, n) for n in range(count)] for team, count in rows.items()}
        self.batch, self.refused = batch, set(refused)
        self.takes: list[tuple[list[str], int]] = []
        self.taken: Counter[str] = Counter()
        self.let_go_count: Counter[str] = Counter()
        self.held = self.most_held = 0
        self.claims: Counter[str] = Counter()
        self.started: list[Row] = []  # in the order the sends began
        self.sent: list[Row] = []  # in the order they ended
        self.in_flight: Counter[str] = Counter()
        self.most_in_flight: Counter[str] = Counter()
        self.before_send: Callable[[Row], None] = lambda row: None
        self.before_claim: Callable[[str], None] = lambda team: None

    def take(self, teams: Sequence[str], most: int) -> list[str]:
        got = [team for team in teams if team not in self.refused][:most]
        with self.lock:
            self.takes.append((list(teams), most))
            self.taken.update(got)
            self.held += len(got)
            self.most_held = max(self.most_held, self.held)
        return got

    def let_go(self, teams: list[str]) -> None:
        with self.lock:
            self.let_go_count.update(teams)
            self.held -= len(teams)

    def claim(self, group: list[str]) -> dict[str, tuple[list[Row], bool]]:
        return {team: self.claim_one(team) for team in group}

    def claim_one(self, team: str) -> tuple[list[Row], bool]:
        self.before_claim(team)
        with self.lock:
            self.claims[team] += 1
            rows, self.due[team] = self.due[team][: self.batch], self.due[team][self.batch :]
            return rows, bool(self.due[team])

    def send(self, row: Row) -> None:
        team = row[0]
        with self.lock:
            self.started.append(row)
            self.in_flight[team] += 1
            self.most_in_flight[team] = max(self.most_in_flight[team], self.in_flight[team])
        try:
            self.before_send(row)
        finally:
            with self.lock:
                self.in_flight[team] -= 1
                self.sent.append(row)

    def run(self, teams: list[str], ready_in=None, in_flight=None, **sizes: int) -> list[str]:
        options = {"threads": 4, "per_workspace": 1, "active": 8, "low": 2} | sizes
        lanes: Lanes[Row] = Lanes(
            take=self.take, let_go=self.let_go, ready_in=ready_in, in_flight=in_flight, **options
        )
        return lanes.run(teams, self.claim, self.send)


def teams(count: int) -> list[str]:
    return [f"T{n:02}" for n in range(count)]


def test_every_row_of_every_workspace_is_sent_exactly_once_over_several_claims():
    fakes = Fakes({team: 3 * n + 1 for n, team in enumerate(teams(6))}, batch=3)
    every_row = sorted(row for rows in fakes.due.values() for row in rows)
    served = fakes.run(teams(6), threads=3, per_workspace=2)
    assert sorted(served) == teams(6) and sorted(fakes.sent) == every_row
    assert fakes.claims["T05"] >= 6  # 16 rows, 3 a claim: the lane was refilled
    assert fakes.let_go_count == fakes.taken == Counter(teams(6))


def test_a_workspace_never_has_more_than_per_workspace_rows_in_flight():
    fakes = Fakes(dict.fromkeys(teams(3), 12), batch=5)
    fakes.before_send = lambda row: time.sleep(0.003)  # long enough for the other threads to pile on
    fakes.run(teams(3), threads=8, per_workspace=2)
    assert len(fakes.sent) == 36
    assert max(fakes.most_in_flight.values()) <= 2, fakes.most_in_flight


def test_a_lane_has_as_many_rows_in_flight_as_its_pace_needs_now_within_per_workspace():
    """`in_flight` is asked as rows go: one at a time while it says one, then as many as it says
    (three reached at once here), never more than `per_workspace`."""
    fakes = Fakes({"T00": 12}, batch=12)
    need, three_at_once = [1], threading.Event()
    waits: list[bool] = []

    def before_send(row: Row) -> None:
        if row[1] == 0:  # the first row, alone in flight: the pace needs more from now on
            time.sleep(0.02)
            need[0] = 5
            return
        if row[1] == 1:
            after_first.append(("T00", 0) in fakes.sent)
        if fakes.in_flight["T00"] >= 3:
            three_at_once.set()
        elif row[1] < 4:
            waits.append(three_at_once.wait(GIVE_UP))  # held until a third row is in flight

    after_first: list[bool] = []
    fakes.before_send = before_send
    fakes.run(["T00"], threads=8, per_workspace=3, in_flight=lambda: need[0])
    assert len(fakes.sent) == 12
    assert after_first == [True]  # while the pace needed one, the second row waited for the first
    assert all(waits), waits
    assert fakes.most_in_flight["T00"] == 3


def test_a_workspace_whose_calls_stall_holds_only_its_own_thread():
    slow, fast = "TSLOW", ["TFAST1", "TFAST2"]
    fakes = Fakes({slow: 3, fast[0]: 5, fast[1]: 5})
    slow_stalled, fast_done = threading.Event(), threading.Event()
    fast_going: list[Row] = []
    waits: list[tuple[str, bool]] = []

    def before_send(row: Row) -> None:
        if row[0] == slow:  # stalls until every fast row is going out
            slow_stalled.set()
            waits.append((slow, fast_done.wait(GIVE_UP)))
            return
        waits.append(("fast", slow_stalled.wait(GIVE_UP)))  # fast rows go only while slow stalls
        with fakes.lock:
            fast_going.append(row)
            if len(fast_going) == 10:
                fast_done.set()

    fakes.before_send = before_send
    fakes.run([slow, *fast], threads=3, per_workspace=1)
    assert len(fakes.sent) == 13
    assert len(waits) == 13 and all(ok for _, ok in waits), waits


def test_leases_are_taken_in_groups_and_never_more_than_active_held_at_once():
    fakes = Fakes(dict.fromkeys(teams(24), 2), batch=1)
    fakes.before_send = lambda row: time.sleep(0.001)
    served = fakes.run(teams(24), threads=4, active=8)
    assert sorted(served) == teams(24) and len(fakes.sent) == 48
    assert len(fakes.takes) < 24 / 2, fakes.takes  # groups of active // 4 = 2 or more
    assert all(most <= 8 for _, most in fakes.takes)
    assert 0 < fakes.most_held <= 8
    assert fakes.held == 0 and fakes.let_go_count == fakes.taken == Counter(teams(24))


def test_a_workspace_another_process_holds_is_neither_claimed_nor_served():
    fakes = Fakes(dict.fromkeys(teams(5), 2), refused=["T02"])
    served = fakes.run(teams(5), active=8)
    assert sorted(served) == ["T00", "T01", "T03", "T04"]
    assert "T02" not in fakes.claims and all(team != "T02" for team, _ in fakes.sent)
    assert len(fakes.sent) == 8 and fakes.let_go_count == fakes.taken


def test_a_workspace_another_process_holds_is_left_out_also_past_the_first_group():
    fakes = Fakes(dict.fromkeys(teams(12), 1), refused=["T01", "T09"])
    served = fakes.run(teams(12), active=4)
    assert sorted(served) == sorted(set(teams(12)) - {"T01", "T09"})
    assert fakes.claims.keys() == set(served) and len(fakes.sent) == 10


@pytest.mark.parametrize("failing", ["send", "claim"])
def test_every_lease_taken_is_let_go_exactly_once_when_a_send_or_claim_fails(failing):
    fakes = Fakes(dict.fromkeys(teams(10), 6), batch=2)

    def before_send(row: Row) -> None:
        if failing == "send" and row == ("T03", 3):
            raise Boom(row)

    def before_claim(team: str) -> None:
        if failing == "claim" and fakes.claims[team] == 2:  # the third claim of the first lane
            raise Boom(team)

    fakes.before_send, fakes.before_claim = before_send, before_claim
    with pytest.raises(Boom):
        fakes.run(teams(10), threads=3, active=4)
    assert fakes.taken and fakes.let_go_count == fakes.taken
    assert set(fakes.taken.values()) == {1} and fakes.held == 0


def test_a_workspace_that_may_not_call_yet_does_not_hold_back_the_others():
    fakes = Fakes({"TA": 3, "TB": 6})
    a_may_call = threading.Event()
    give_up = time.monotonic() + GIVE_UP
    asked: Counter[str] = Counter()

    def ready_in(team: str) -> float:
        asked[team] += 1
        if team == "TA" and not a_may_call.is_set() and time.monotonic() < give_up:
            return 0.01
        return 0.0

    def before_send(row: Row) -> None:
        if row == ("TB", 5):
            a_may_call.set()

    fakes.before_send = before_send
    served = fakes.run(["TA", "TB"], ready_in=ready_in, threads=2, per_workspace=1)
    assert sorted(served) == ["TA", "TB"] and asked["TA"] > 0
    assert [team for team, _ in fakes.started] == ["TB"] * 6 + ["TA"] * 3


def test_no_workspaces_returns_at_once_without_taking_anything():
    fakes = Fakes({})
    assert fakes.run([]) == []
    assert fakes.takes == [] and fakes.claims == Counter() and fakes.sent == []
