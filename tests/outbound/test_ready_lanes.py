"""ReadyLanes, with a fake clock and a fake gate: of the lanes that may call now, the one with the
most rows left goes first, then the oldest; a lane whose gate says wait is set aside until its
time and comes back then; pop says how long until the soonest waiting lane (or that there is no
lane at all); a lane whose gate closed after it was added is set aside at pop, not returned; len
counts both the ready and the waiting lanes; with no gate every lane is ready."""

from bot.outbound.ready_lanes import ReadyLanes


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class FakeGate:
    """Seconds until each workspace may call, as of the fake clock: 0 unless told."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock, self.until = clock, dict[str, float]()

    def wait(self, team: str, seconds: float) -> None:
        self.until[team] = self.clock.now + seconds

    def __call__(self, team: str) -> float:
        return max(0.0, self.until.get(team, 0.0) - self.clock.now)


def lanes_with_gate() -> tuple[ReadyLanes, FakeGate, FakeClock]:
    clock = FakeClock()
    gate = FakeGate(clock)
    return ReadyLanes(gate, monotonic=clock), gate, clock


def drain(lanes: ReadyLanes) -> list[str]:
    order: list[str] = []
    while True:
        team, _ = lanes.pop()
        if team is None:
            return order
        order.append(team)


def test_the_lane_with_the_most_rows_left_comes_first_and_ties_go_to_the_oldest():
    lanes, _, _ = lanes_with_gate()
    lanes.add("T-few", rows_left=3, age=0)
    lanes.add("T-many-young", rows_left=50, age=5)
    lanes.add("T-many-old", rows_left=50, age=2)
    lanes.add("T-some", rows_left=10, age=1)
    assert drain(lanes) == ["T-many-old", "T-many-young", "T-some", "T-few"]


def test_a_lane_that_must_wait_is_skipped_and_comes_back_once_its_time_has_passed():
    lanes, gate, clock = lanes_with_gate()
    gate.wait("T-busy", 2.0)
    lanes.add("T-busy", rows_left=100, age=0)  # most rows, but its gate says wait
    lanes.add("T-free", rows_left=1, age=1)
    assert lanes.pop() == ("T-free", None)
    assert lanes.pop() == (None, 2.0)
    clock.now += 1.5
    assert lanes.pop() == (None, 0.5)
    clock.now += 0.5
    assert lanes.pop() == ("T-busy", None)
    assert lanes.pop() == (None, None)


def test_a_waiting_lane_back_in_time_keeps_its_place_by_rows_left():
    lanes, gate, clock = lanes_with_gate()
    gate.wait("T-big", 1.0)
    lanes.add("T-big", rows_left=100, age=0)
    lanes.add("T-small", rows_left=1, age=1)
    clock.now += 1.0
    assert drain(lanes) == ["T-big", "T-small"]


def test_pop_gives_the_seconds_until_the_soonest_waiting_lane_when_none_may_call():
    lanes, gate, _ = lanes_with_gate()
    gate.wait("T-a", 3.0)
    gate.wait("T-b", 0.25)
    gate.wait("T-c", 7.0)
    for age, team in enumerate(["T-a", "T-b", "T-c"]):
        lanes.add(team, rows_left=10, age=age)
    assert lanes.pop() == (None, 0.25)
    assert len(lanes) == 3  # nothing was taken out


def test_an_empty_set_of_lanes_pops_nothing_and_no_wait():
    lanes, _, _ = lanes_with_gate()
    assert len(lanes) == 0
    assert lanes.pop() == (None, None)


def test_a_lane_whose_gate_closed_after_it_was_added_is_put_aside_at_pop_not_returned():
    lanes, gate, clock = lanes_with_gate()
    lanes.add("T-hit-429", rows_left=100, age=0)
    lanes.add("T-ok", rows_left=1, age=1)
    gate.wait("T-hit-429", 4.0)  # a 429's pause, after the lane was added as ready
    assert lanes.pop() == ("T-ok", None)
    assert len(lanes) == 1  # the paused lane is kept, waiting
    assert lanes.pop() == (None, 4.0)
    clock.now += 4.0
    assert lanes.pop() == ("T-hit-429", None)


def test_len_counts_the_ready_and_the_waiting_lanes():
    lanes, gate, _ = lanes_with_gate()
    gate.wait("T-later", 5.0)
    lanes.add("T-now", rows_left=1, age=0)
    lanes.add("T-later", rows_left=1, age=1)
    lanes.add("T-now-too", rows_left=1, age=2)
    assert len(lanes) == 3
    lanes.pop()
    assert len(lanes) == 2
    lanes.pop()
    assert len(lanes) == 1  # only the waiting one is left


def test_without_a_gate_every_lane_is_ready_in_order():
    clock = FakeClock()
    lanes = ReadyLanes(None, monotonic=clock)
    lanes.add("T-1", rows_left=1, age=0)
    lanes.add("T-9", rows_left=9, age=1)
    lanes.add("T-5", rows_left=5, age=2)
    assert lanes.pop() == ("T-9", None)
    assert drain(lanes) == ["T-5", "T-1"]
    assert lanes.pop() == (None, None)
