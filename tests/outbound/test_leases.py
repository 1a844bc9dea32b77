"""The workspace lease: one process at a time serves a workspace, a dead holder's lease is taken
over once it expires, and a handover or a 429 never lets the next sender burst."""

import threading
from datetime import timedelta
from itertools import pairwise
from time import sleep

import pytest

from bot.outbound.gate import LaneClosed
from models.pacing import WorkspaceLease
from tests.outbound.processes import EPOCH, TEAM, FakeTime, process


def test_a_workspace_another_process_serves_is_skipped(sessions):
    time = FakeTime()
    first, second = process(sessions, "clock-1", time), process(sessions, "clock-2", time)
    ran: list[str] = []

    def inner(team: str) -> str:
        ran.append(f"clock-2 {team}")
        return "second"

    def outer(team: str) -> dict[str, str]:
        ran.append(f"clock-1 {team}")
        return second.pool.serve([TEAM, "T2"], inner)  # T1 is held by clock-1 right now

    served = first.pool.serve([TEAM], outer)

    assert served == {TEAM: {"T2": "second"}}
    assert ran == ["clock-1 T1", "clock-2 T2"]
    # Once clock-1 let go, clock-2 may serve it.
    assert second.pool.serve([TEAM], lambda team: "now") == {TEAM: "now"}


def test_an_expired_lease_is_taken_over_and_its_old_holder_may_not_send(sessions):
    time = FakeTime()
    stalled, takeover = process(sessions, "stalled", time), process(sessions, "takeover", time)
    outcome: dict[str, object] = {}

    def stalls(team: str) -> None:
        outcome["before expiry"] = takeover.pool.serve([team], lambda _: "taken")
        time.sleep(stalled.leases.ttl.total_seconds() + 1)  # hung past its lease
        outcome["after expiry"] = takeover.pool.serve([team], lambda _: "taken")
        stalled.pool.renew_held()  # its renewer wakes up: the lease is gone
        with pytest.raises(LaneClosed):
            stalled.gate.wait_turn(team)
        outcome["stalled finished"] = True

    stalled.pool.serve([TEAM], stalls)

    assert outcome == {"before expiry": {}, "after expiry": {TEAM: "taken"}, "stalled finished": True}
    assert takeover.leases.acquire(TEAM) is not None  # the stalled one's release changed nothing


def test_a_handover_keeps_the_rate(sessions):
    time = FakeTime()
    first, second = process(sessions, "clock-1", time), process(sessions, "clock-2", time)  # 10 a second
    log: list[tuple[str, float]] = []

    first.pool.serve([TEAM], lambda team: [first.send(team, time, log) for _ in range(3)])
    second.pool.serve([TEAM], lambda team: [second.send(team, time, log) for _ in range(3)])

    assert [name for name, _ in log] == ["clock-1"] * 3 + ["clock-2"] * 3
    gaps = [later - earlier for (_, earlier), (_, later) in pairwise(log)]
    assert min(gaps) >= 0.1 - 1e-5, gaps  # clock-2's first send waited for clock-1's next slot


def test_a_429_pauses_the_workspace_in_the_database_at_once(sessions):
    time = FakeTime()
    first, second = process(sessions, "clock-1", time), process(sessions, "clock-2", time)
    stored = {}

    def rate_limited(team: str) -> None:
        first.gate.pause(team, 30)  # what the Sender does on a 429 with Retry-After: 30
        stored["paused_until"] = first.leases.pacing_of(team).paused_until

    first.pool.serve([TEAM], rate_limited)
    log: list[tuple[str, float]] = []
    second.pool.serve([TEAM], lambda team: second.send(team, time, log))

    assert stored["paused_until"] == EPOCH + timedelta(seconds=130)  # paused at 100 for 30
    assert log == [("clock-2", pytest.approx(130.0, abs=1e-5))]


def test_a_pause_recorded_by_a_process_without_the_lease_reaches_the_holder(sessions):
    time = FakeTime()
    holder, web = process(sessions, "clock-1", time), process(sessions, "web", time)
    log: list[tuple[str, float]] = []

    def sends_twice(team: str) -> None:
        holder.send(team, time, log)
        web.leases.record_pause(team, 20)  # e.g. a web process's call got a 429
        holder.pool.renew_held()
        holder.send(team, time, log)

    holder.pool.serve([TEAM], sends_twice)

    assert log == [("clock-1", 100.0), ("clock-1", pytest.approx(120.0, abs=1e-5))]


def test_two_pools_racing_for_the_same_workspaces_never_serve_one_at_once(sessions):
    time = FakeTime()
    first, second = process(sessions, "clock-1", time), process(sessions, "clock-2", time)
    teams = [f"T{n}" for n in range(12)]
    active: set[str] = set()
    overlaps: list[str] = []
    guard = threading.Lock()

    def work(team: str) -> None:
        with guard:
            if team in active:
                overlaps.append(team)
            active.add(team)
        sleep(0.005)  # long enough for the other pool to try the same workspace
        with guard:
            active.discard(team)

    racers = [threading.Thread(target=p.pool.serve, args=(teams, work)) for p in (first, second)]
    for racer in racers:
        racer.start()
    for racer in racers:
        racer.join()

    assert overlaps == []


def test_a_long_work_keeps_its_lease_renewed_while_it_runs(sessions):
    time = FakeTime()
    holder = process(sessions, "clock-1", time, ttl=timedelta(seconds=0.15))  # renewed every 0.05 s
    expiries: list[object] = []

    def expiry() -> object:
        with sessions.begin() as session:
            return session.get(WorkspaceLease, TEAM).expires_at

    def long_work(team: str) -> None:
        expiries.append(expiry())
        time.sleep(10)  # the wall clock moves on; the renewer should follow
        for _ in range(200):  # up to 10 s of real time, only if the renewer never ran
            if expiry() != expiries[0]:
                break
            sleep(0.05)
        expiries.append(expiry())

    holder.pool.serve([TEAM], long_work)

    assert expiries[1] == EPOCH + timedelta(seconds=110.15)  # renewed at the fake time 110
