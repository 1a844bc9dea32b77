"""Workspaces that come while the lanes run (bot/outbound/lanes.py, `more`; the check-in pass plans
a group of workspaces while the last group's prompts go out): their rows are sent exactly once
too; the next group is asked for while the first group's rows are still going out, not after; a
workspace that comes again gets its new rows; `more` is asked until it says no more, and an error
it raises stops the work with every lease let go. Fakes from test_lanes: no database."""

import threading
from collections import Counter

import pytest

from bot.outbound.lanes import Lanes
from tests.outbound.test_lanes import GIVE_UP, Boom, Fakes, Row, teams


def run(fakes: Fakes, first: list[str], more, **sizes: int) -> list[str]:
    options = {"threads": 3, "per_workspace": 1, "active": 8, "low": 2} | sizes
    lanes: Lanes[Row] = Lanes(take=fakes.take, let_go=fakes.let_go, ready_in=None, **options)
    return lanes.run(first, fakes.claim, fakes.send, more)


def coming(fakes: Fakes, groups: list[dict[str, int]], asked: list[int]):
    """`more` giving each group in turn, its rows recorded (made due) just before, then None."""
    left = list(groups)
    made = Counter({team: len(rows) for team, rows in fakes.due.items()})  # rows numbered per team

    def more():
        asked.append(len(groups) - len(left))
        if not left:
            return None
        group = left.pop(0)
        with fakes.lock:
            for team, count in group.items():
                fakes.due.setdefault(team, []).extend((team, made[team] + n) for n in range(count))
                made[team] += count
        return list(group)

    return more


def test_the_rows_of_workspaces_that_come_later_are_sent_exactly_once():
    names = teams(6)
    fakes = Fakes({names[0]: 4, names[1]: 2}, batch=3)
    asked: list[int] = []
    groups = [{names[2]: 3, names[3]: 5}, {names[4]: 1, names[5]: 7}]
    served = run(fakes, names[:2], coming(fakes, groups, asked))
    assert sorted(served) == names
    assert Counter(row[0] for row in fakes.sent) == Counter(dict(zip(names, [4, 2, 3, 5, 1, 7], strict=True)))
    assert len(set(fakes.sent)) == len(fakes.sent)  # none twice
    assert asked == [0, 1, 2]  # asked until it said no more, then never again
    assert fakes.let_go_count == fakes.taken == Counter(names)


def test_with_nothing_due_at_first_the_workspaces_that_come_are_served():
    fakes = Fakes({}, batch=2)
    asked: list[int] = []
    served = run(fakes, [], coming(fakes, [{"T1": 3}, {"T2": 2}], asked))
    assert sorted(served) == ["T1", "T2"] and len(fakes.sent) == 5


def test_the_next_group_is_asked_for_while_the_first_groups_rows_still_go_out():
    fakes = Fakes({"T1": 4}, batch=4)
    asked_for_next = threading.Event()
    waits: list[bool] = []
    groups = coming(fakes, [{"T2": 2}], [])

    def more():
        asked_for_next.set()
        return groups()

    # T1's rows wait for the ask: a pool that asked only once they were all out would time out.
    fakes.before_send = lambda row: waits.append(row[0] != "T1" or asked_for_next.wait(GIVE_UP))
    run(fakes, ["T1"], more)
    assert len(fakes.sent) == 6 and all(waits), waits


@pytest.mark.parametrize("lane", ["open", "closed"])
def test_a_workspace_that_comes_again_gets_its_new_rows_once(lane):
    """T1 comes again (as if a retry and a new prompt were due) while its rows still go out, or
    once its lane has closed and let go of its lease."""
    fakes = Fakes({"T1": 3}, batch=3)  # one claim takes them all: its lane expects no more
    sending, came = threading.Event(), threading.Event()

    def before_send(row: Row) -> None:
        sending.set()
        if lane == "open" and row[1] < 3:  # the first rows stay out until T1 has come again
            came.wait(GIVE_UP)

    fakes.before_send = before_send
    groups = coming(fakes, [{"T1": 2}], [])

    def more():
        if lane == "closed":
            while fakes.let_go_count["T1"] == 0 and len(fakes.sent) < 3:
                sending.wait(GIVE_UP)
        else:
            sending.wait(GIVE_UP)
        found = groups()
        came.set()
        return found

    served = run(fakes, ["T1"], more)
    assert served == ["T1"]
    assert sorted(fakes.sent) == [("T1", n) for n in range(5)]
    assert fakes.let_go_count == fakes.taken  # taken again if its lane had closed: let go again too


def test_an_error_from_more_stops_the_work_and_every_lease_is_let_go():
    fakes = Fakes({"T1": 2, "T2": 2})

    def more():
        raise Boom

    with pytest.raises(Boom):
        run(fakes, ["T1", "T2"], more)
    assert fakes.let_go_count == fakes.taken
