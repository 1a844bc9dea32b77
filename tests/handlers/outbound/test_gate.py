"""Pacing per workspace with a fake clock: calls are spaced by 1/rate, a 429 pauses the workspace."""

from bot.outbound.gate import WorkspaceGate


class FakeTime:
    def __init__(self) -> None:
        self.now = 100.0
        self.slept: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 6))
        self.now += seconds


def gate(rate: float = 10.0) -> tuple[WorkspaceGate, FakeTime]:
    clock = FakeTime()
    return WorkspaceGate(rate, monotonic=clock.monotonic, sleep=clock.sleep), clock


def test_calls_for_one_workspace_are_spaced_by_the_rate():
    paced, clock = gate(rate=10.0)
    for _ in range(4):
        paced.wait_turn("T1")
    assert clock.slept == [0.1, 0.1, 0.1]
    assert round(clock.now, 6) == 100.3


def test_workspaces_do_not_wait_for_each_other():
    paced, clock = gate(rate=1.0)
    paced.wait_turn("T1")
    paced.wait_turn("T2")
    assert clock.slept == []


def test_a_429_pauses_the_whole_workspace_not_only_the_next_message():
    paced, clock = gate(rate=10.0)
    paced.wait_turn("T1")
    paced.pause("T1", 30)
    paced.wait_turn("T1")
    paced.wait_turn("T1")
    paced.wait_turn("T2")  # another workspace is not paused
    assert clock.slept == [30.0, 0.1]
