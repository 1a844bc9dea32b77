"""`goalbot db upgrade` / `db current`, and how serve treats a database it cannot use."""

import pytest

from models.db import make_engine
from models.migrate import NotMigratedError, ensure_ready, head_revision

CLOSED_POSTGRES = "postgresql+psycopg://postgres:secret@127.0.0.1:1/goalbot"


def test_current_on_a_missing_sqlite_file_says_so_and_creates_nothing(run_goalbot, goalbot_env, tmp_path):
    result = run_goalbot("db", "current", env=goalbot_env)

    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "does not exist" in line and "goalbot db upgrade" in line
    assert not (tmp_path / "goalbot.db").exists()


def test_current_on_an_empty_database_says_to_upgrade(run_goalbot, goalbot_env, tmp_path):
    (tmp_path / "goalbot.db").touch()

    result = run_goalbot("db", "current", env=goalbot_env)

    assert result.returncode == 0, result.stderr
    assert "goalbot db upgrade" in result.stdout


def test_upgrade_then_current_shows_head(run_goalbot, goalbot_env):
    upgraded = run_goalbot("db", "upgrade", env=goalbot_env)
    after = run_goalbot("db", "current", env=goalbot_env)

    assert upgraded.returncode == 0, upgraded.stderr
    assert head_revision() in upgraded.stdout
    assert after.returncode == 0, after.stderr
    assert after.stdout.strip() == f"{head_revision()} (head)"


def test_upgrade_twice_is_harmless(run_goalbot, goalbot_env):
    assert run_goalbot("db", "upgrade", env=goalbot_env).returncode == 0
    again = run_goalbot("db", "upgrade", env=goalbot_env)

    assert again.returncode == 0, again.stderr
    assert head_revision() in again.stdout


@pytest.mark.parametrize("verb", [["db", "upgrade"], ["db", "current"], ["serve"]])
def test_unreachable_database_is_one_line_without_the_password(run_goalbot, http_env, verb):
    result = run_goalbot(*verb, env=http_env | {"DATABASE_URL": CLOSED_POSTGRES})

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("goalbot: cannot reach the database")
    assert "127.0.0.1:1" in line
    assert "secret" not in line


def test_unknown_driver_names_database_url(run_goalbot, goalbot_env):
    result = run_goalbot("db", "upgrade", env=goalbot_env | {"DATABASE_URL": "nosuchdb://host/db"})

    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "DATABASE_URL" in line


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_serve_stops_on_an_unmigrated_postgres(run_goalbot, http_env, database_url):
    engine = make_engine(database_url)
    try:
        with pytest.raises(NotMigratedError) as expected:
            ensure_ready(engine)
    finally:
        engine.dispose()

    result = run_goalbot("serve", "--port", "0", env=http_env | {"DATABASE_URL": database_url})

    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == f"goalbot: {expected.value}"
