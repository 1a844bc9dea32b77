"""`goalbot tick [--at ISO-8601]` as a user runs it: one summary line, exit 0; one line and exit 2
when it cannot work (bad --at, no database, no token)."""

from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import OperationalError

from bot.clock import utc_now
from bot.entrypoints.tick import DatabaseUnreachable, format_instant, parse_instant, run_passes, summary_line
from bot.outbound.passes import PassSummary


def test_an_empty_tick_prints_its_one_summary_line(run_goalbot, http_env):
    result = run_goalbot("tick", "--at", "2027-03-01T08:00:00Z", env=http_env)
    assert (result.returncode, result.stdout) == (
        0,
        "tick 2027-03-01T08:00:00Z: due 0, sent 0, retried 0, skipped 0\n",
    )


def test_without_at_it_runs_for_now(run_goalbot, http_env):
    before = utc_now().replace(microsecond=0)  # this test is about the wall clock: read it as goalbot does
    result = run_goalbot("tick", env=http_env)
    assert result.returncode == 0, result.stderr
    stamp = result.stdout.strip().removeprefix("tick ").split(": due")[0]
    assert parse_instant(stamp) >= before


def test_an_unreachable_database_is_one_line_and_exit_2(run_goalbot, http_env):
    env = http_env | {"DATABASE_URL": "postgresql+psycopg://nobody@127.0.0.1:1/none"}
    result = run_goalbot("tick", "--at", "2027-03-01T08:00:00Z", env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith("goalbot: cannot reach the database at DATABASE_URL=")
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("bad", ["tomorrow", "2027-13-01", "08:00"])
def test_a_bad_at_says_what_to_type(run_goalbot, http_env, bad):
    result = run_goalbot("tick", "--at", bad, env=http_env)
    assert result.returncode == 2
    assert "use e.g. 2027-03-01T08:00:00Z" in result.stderr


def test_a_tick_needs_the_bot_token(run_goalbot, goalbot_env):
    result = run_goalbot("tick", "--at", "2027-03-01T08:00:00Z", env=goalbot_env)
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN" in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_instants_without_an_offset_are_utc_and_others_are_converted():
    assert parse_instant("2027-03-01T09:00") == datetime(2027, 3, 1, 9, tzinfo=UTC)
    assert parse_instant("2027-03-01T10:00:00+01:00") == datetime(2027, 3, 1, 9, tzinfo=UTC)
    assert format_instant(datetime(2027, 3, 1, 9, 0, 30, 500, tzinfo=UTC)) == "2027-03-01T09:00:30Z"


def test_every_pass_runs_and_one_that_breaks_does_not_stop_the_others(caplog):
    def broken(ctx, now):
        raise RuntimeError("boom")

    passes = (
        ("a", lambda ctx, now: PassSummary(due=2, sent=1, retried=1)),
        ("broken", broken),
        ("b", lambda ctx, now: PassSummary(due=1, skipped=3)),
    )
    total = run_passes(None, datetime(2027, 3, 1, 9, tzinfo=UTC), passes)  # type: ignore[arg-type]
    assert total == PassSummary(due=3, sent=1, retried=1, skipped=3)
    assert "the broken pass failed at 2027-03-01T09:00:00Z" in caplog.text
    assert summary_line(datetime(2027, 3, 1, 9, tzinfo=UTC), total) == (
        "tick 2027-03-01T09:00:00Z: due 3, sent 1, retried 1, skipped 3"
    )


def test_a_database_that_stops_answering_mid_tick_ends_it():
    def lost(ctx, now):
        raise OperationalError("SELECT 1", {}, Exception("server closed the connection\nmore"))

    with pytest.raises(DatabaseUnreachable, match=r"^server closed the connection$"):
        run_passes(None, datetime(2027, 3, 1, 9, tzinfo=UTC), (("lost", lost),))  # type: ignore[arg-type]


def test_in_distributed_mode_a_tick_needs_no_bot_token(run_goalbot, goalbot_env):
    # Tokens come from the installations on the database (none yet): nothing is due, nothing fails.
    env = goalbot_env | {"SLACK_CLIENT_ID": "1111.2222", "SLACK_CLIENT_SECRET": "secret"}
    result = run_goalbot("tick", "--at", "2027-03-01T08:00:00Z", env=env)
    assert (result.returncode, result.stdout) == (
        0,
        "tick 2027-03-01T08:00:00Z: due 0, sent 0, retried 0, skipped 0\n",
    ), result.stderr


def test_a_bot_token_and_a_client_id_together_stop_the_tick(run_goalbot, http_env):
    env = http_env | {"SLACK_CLIENT_ID": "1111.2222"}
    result = run_goalbot("tick", "--at", "2027-03-01T08:00:00Z", env=env)
    assert result.returncode == 2
    assert "SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set" in result.stderr
