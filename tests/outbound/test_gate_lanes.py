"""The gate's lanes as the pool drives them: seeded from the lease, read back on release, closed
when the lease is lost, and a 429 that arrives while a call waits for its turn."""

import threading
from time import monotonic, sleep

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


def test_a_call_waits_until_the_answer_a_window_before_it_has_aged_out():
    time = FakeTime()
    paced = gate(time, rate=2.0)  # 2 calls in any second
    paced.wait_turn("T1")  # at 100.0
    time.sleep(0.3)
    paced.answered("T1")  # a slow answer: this call may have reached Slack as late as 100.3
    paced.wait_turn("T1")  # at 100.5, the spacing
    paced.answered("T1")
    paced.wait_turn("T1")  # the spacing allows 101.0; two calls since 100.3 would not fit a second
    assert time.now == pytest.approx(101.3)
    assert paced.standing("T1") == (pytest.approx(0.5), 0.0)


def test_the_next_sender_waits_for_a_full_window_to_open():
    time = FakeTime()
    paced = gate(time, rate=2.0)
    for _ in range(2):
        paced.wait_turn("T1")
        time.sleep(0.2)
        paced.answered("T1")
    # Calls at 100.0 and 100.5, answered at 100.2 and 100.7: one more fits from 101.2.
    assert time.now == pytest.approx(100.7)
    assert paced.standing("T1") == (pytest.approx(0.5), 0.0)


def test_calls_a_window_apart_in_flight_wait_for_an_answer():
    paced = WorkspaceGate(50.0)  # real time: threads
    starts: list[float] = []
    answers: list[float] = []
    lock = threading.Lock()

    def call() -> None:
        with paced.turn("T1"):
            with lock:
                starts.append(monotonic())
            sleep(0.02 if len(starts) % 3 else 0.12)  # every third answer is slow
            with lock:
                answers.append(monotonic())

    threads = [threading.Thread(target=lambda: [call() for _ in range(40)]) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    starts.sort()
    answers.sort()
    # However the answers came, the 50 calls before any call had all been answered a second before it.
    assert all(starts[n] >= answers[n - 50] + 1.0 - 1e-6 for n in range(50, len(starts)))
