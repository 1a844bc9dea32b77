"""Leases taken, renewed and let go for a group of workspaces in one statement (Leases.acquire_many,
renew_many, release_many) on both databases, with a fake wall clock: a group takes at most `most`
free workspaces in team_id order (making rows for new ones, skipping held ones, taking expired ones
over); renewing answers only the leases still held; letting go records the pacing, the later pause
winning; two holders racing on PostgreSQL split the workspaces between them; and a pool's leases
are counted per process, so taking one it holds again costs no statement and it stays held until
every taker let go; on PostgreSQL `most` holds also when the statistics say few leases are free
(a plan that re-ran a LIMIT subquery per updated row once took them all)."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import Engine, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.outbound.leases import Leases, Pacing
from models.pacing import WorkspaceLease
from tests.outbound.processes import EPOCH, FakeTime, process

TTL = timedelta(seconds=60)


def leases(sessions: sessionmaker[Session], holder: str, time: FakeTime) -> Leases:
    return Leases(sessions, holder=holder, clock=time.wall, ttl=TTL)


def holders(sessions: sessionmaker[Session]) -> dict[str, str | None]:
    with sessions() as session:
        return {
            team: holder
            for team, holder in session.execute(select(WorkspaceLease.team_id, WorkspaceLease.holder))
        }


def at(seconds: float):
    return EPOCH + timedelta(seconds=seconds)


def test_a_group_takes_at_most_most_in_team_id_order_and_makes_rows_for_new_workspaces(sessions):
    mine = leases(sessions, "clock-1", FakeTime())

    taken = mine.acquire_many(["T05", "T02", "T09", "T01"], most=2)

    assert sorted(taken) == ["T01", "T02"] and set(taken.values()) == {Pacing()}
    assert holders(sessions) == {"T01": "clock-1", "T02": "clock-1", "T05": None, "T09": None}
    assert sorted(mine.acquire_many(["T05", "T02", "T09", "T01"])) == ["T05", "T09"]  # the rest


def test_a_group_skips_a_workspace_held_by_another_and_takes_an_expired_one_over(sessions):
    time = FakeTime()
    mine, other = leases(sessions, "clock-1", time), leases(sessions, "clock-2", time)
    other.acquire_many(["T01"])  # expires at 160
    time.sleep(30)
    other.acquire_many(["T02"])  # expires at 190
    time.sleep(31)  # 161: T01's holder is gone, T02's is not

    taken = mine.acquire_many(["T01", "T02", "T03", "T04"], most=2)

    assert sorted(taken) == ["T01", "T03"]
    assert holders(sessions) == {"T01": "clock-1", "T02": "clock-2", "T03": "clock-1", "T04": None}
    with sessions() as session:
        assert session.get(WorkspaceLease, "T01").expires_at == at(161) + TTL


def test_a_group_hands_back_the_pacing_the_last_holder_recorded(sessions):
    time = FakeTime()
    first, second = leases(sessions, "clock-1", time), leases(sessions, "clock-2", time)
    first.acquire_many(["T01", "T02"])
    first.release_many({"T01": Pacing(at(101), at(140)), "T02": Pacing(at(102), None)})

    assert second.acquire_many(["T01", "T02"]) == {"T01": Pacing(at(101), at(140)), "T02": Pacing(at(102))}


def test_renewing_a_group_answers_only_the_leases_this_holder_still_holds(sessions):
    time = FakeTime()
    mine, other = leases(sessions, "clock-1", time), leases(sessions, "clock-2", time)
    mine.acquire_many(["T01", "T02", "T03"])
    time.sleep(61)  # all three expired; another holder takes T02 over
    assert list(other.acquire_many(["T02"])) == ["T02"]
    other.record_pause("T03", 20)

    renewed = mine.renew_many(["T01", "T02", "T03", "T04"])

    assert renewed == {"T01": Pacing(), "T03": Pacing(paused_until=at(181))}
    with sessions() as session:
        assert session.get(WorkspaceLease, "T01").expires_at == at(161) + TTL
        assert session.get(WorkspaceLease, "T02").holder == "clock-2"


def test_letting_a_group_go_records_the_pacing_and_keeps_the_later_pause(sessions):
    time = FakeTime()
    mine, other = leases(sessions, "clock-1", time), leases(sessions, "clock-2", time)
    mine.acquire_many(["T01", "T02", "T03"])
    other.acquire_many(["T04"])
    mine.record_pause("T01", 100)  # paused until 200: later than what the release says
    mine.record_pause("T02", 10)  # paused until 110: earlier than what the release says

    mine.release_many(
        {
            "T01": Pacing(at(101), at(130)),
            "T02": Pacing(at(102), at(150)),
            "T03": Pacing(at(103), None),
            "T04": Pacing(at(104), at(999)),  # held by another: untouched
        }
    )

    assert {team: mine.pacing_of(team) for team in ["T01", "T02", "T03", "T04"]} == {
        "T01": Pacing(at(101), at(200)),
        "T02": Pacing(at(102), at(150)),
        "T03": Pacing(at(103), None),
        "T04": Pacing(),
    }
    assert holders(sessions) == {"T01": None, "T02": None, "T03": None, "T04": "clock-2"}


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_two_holders_taking_groups_at_once_split_the_workspaces_between_them(sessions):
    """Each asks for 20 of the same 40 at the same instant: every workspace goes to exactly one
    of them, whoever locks first. The first round makes the rows, the later ones find them."""
    time = FakeTime()
    racers = [leases(sessions, f"clock-{n}", time) for n in (1, 2)]
    teams = [f"T{n:02}" for n in range(40)]

    def race(racer: Leases, start: threading.Barrier, got: dict[str, list[str]]) -> None:
        start.wait(10)
        got[racer.holder] = list(racer.acquire_many(teams, most=20))

    for _ in range(5):
        start, got = threading.Barrier(2), dict[str, list[str]]()
        threads = [threading.Thread(target=race, args=(racer, start, got)) for racer in racers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)

        assert sorted(len(mine) for mine in got.values()) == [20, 20], got
        assert sorted(got["clock-1"] + got["clock-2"]) == teams
        for racer in racers:
            racer.release_many(dict.fromkeys(got[racer.holder], Pacing()))


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_a_group_takes_at_most_most_also_when_the_statistics_say_most_leases_are_held(sessions):
    time = FakeTime()
    leases(sessions, "clock-2", time).acquire_many([f"H{n:02}" for n in range(50)])
    with sessions.begin() as session:
        session.execute(text("ANALYZE workspace_leases"))  # as autovacuum would, while they are held

    taken = leases(sessions, "clock-1", time).acquire_many([f"T{n}" for n in range(5)], most=1)

    assert list(taken) == ["T0"]


def test_a_pool_taking_a_workspace_it_holds_again_sends_no_statement_and_keeps_it_until_both_let_go(
    sessions, engine: Engine
):
    time = FakeTime()
    mine, other = process(sessions, "clock-1", time), process(sessions, "clock-2", time)
    assert mine.pool.take_many(["T01"], 1) == ["T01"]
    statements: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    assert mine.pool.take_many(["T01"], 1) == ["T01"]
    assert statements == []

    mine.pool.let_go_many(["T01"])
    assert holders(sessions) == {"T01": "clock-1"}
    assert other.pool.take_many(["T01"], 1) == []
    mine.pool.let_go_many(["T01"])
    assert holders(sessions) == {"T01": None}
    assert other.pool.take_many(["T01"], 1) == ["T01"]


def test_a_pool_group_counts_the_workspaces_it_holds_and_takes_only_the_others(sessions):
    time = FakeTime()
    mine = process(sessions, "clock-1", time)
    mine.pool.take_many(["T02"], 1)

    taken = mine.pool.take_many(["T01", "T02", "T03", "T04"], 3)

    assert taken[0] == "T02" and sorted(taken[1:]) == ["T01", "T03"]  # held first, then by team_id
    assert holders(sessions) == {"T01": "clock-1", "T02": "clock-1", "T03": "clock-1", "T04": None}
    mine.pool.let_go_many(["T01", "T02", "T03"])
    assert holders(sessions) == {"T01": None, "T02": "clock-1", "T03": None, "T04": None}
