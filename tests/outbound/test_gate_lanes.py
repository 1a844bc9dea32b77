"""The gate's lanes as the pool drives them: seeded from the lease, read back on release, closed
when the lease is lost, and a 429 that arrives while a call waits for its turn."""

import pytest

from bot.outbound.gate import LaneClosed, WorkspaceGate
from tests.outbound.processes import FakeTime


def gate(time: FakeTime, rate: float = 10.0) -> WorkspaceGate:
    return WorkspaceGate(rate, monotonic=time.monotonic, sleep=time.sleep)


def test_a_seeded_lane_waits_for_the_last_senders_slot_and_pause():
    time = FakeTime()
    paced = gate(time)
    paced.seed("T1", next_send_in=0.05, paused_for=0.0)
    paced.wait_turn("T1")
    assert time.now == pytest.approx(100.05)
    paced.seed("T1", next_send_in=0.0, paused_for=5.0)
    paced.wait_turn("T1")
    assert time.now == pytest.approx(105.05)
    assert paced.standing("T1") == (pytest.approx(0.1), 0.0)


def test_a_429_while_a_call_waits_moves_that_call_past_the_pause():
    time = FakeTime()
    lanes: list[WorkspaceGate] = []

    def sleep(seconds: float) -> None:
        if time.now < 100.05:  # while this call waits, another sender thread's call gets a 429
            lanes[0].pause("T1", 30)
        time.sleep(seconds)

    paced = WorkspaceGate(10.0, monotonic=time.monotonic, sleep=sleep)
    lanes.append(paced)
    paced.wait_turn("T1")  # at once; the next slot is 100.1
    paced.wait_turn("T1")

    assert time.now == pytest.approx(130.0)


def test_a_closed_lane_refuses_until_it_is_seeded_again():
    time = FakeTime()
    paced = gate(time)
    paced.close("T1")
    with pytest.raises(LaneClosed):
        paced.wait_turn("T1")
    paced.wait_turn("T2")  # other workspaces go on
    paced.seed("T1", next_send_in=0.0, paused_for=0.0)
    paced.wait_turn("T1")
