"""`goalbot` without a verb shows the verbs; required options are required in argparse too."""

import re

from bot.entrypoints import cli


def test_goalbot_alone_prints_the_help_with_every_verb(run_goalbot, goalbot_env):
    result = run_goalbot(env=goalbot_env)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for verb in ("serve", "run", "db", "console", "export", "tick", "clock"):
        assert re.search(rf"^\s+{verb}\s+\S", result.stderr, re.MULTILINE), result.stderr


def test_db_alone_prints_its_actions(capsys):
    assert cli.main(["db"]) == 2

    err = capsys.readouterr().err
    assert re.search(r"^\s+upgrade\s+\S", err, re.MULTILINE)
    assert re.search(r"^\s+current\s+\S", err, re.MULTILINE)


def test_export_help_shows_team_and_out_as_required(capsys):
    assert cli.main(["export", "--help"]) == 0

    usage = " ".join(capsys.readouterr().out.split("options:")[0].split())
    assert "--team TEAM --out OUT" in usage  # not in [brackets]
    assert "[--team" not in usage and "[--out" not in usage
    assert "[--channel CHANNEL]" in usage


def test_a_usage_error_is_one_line(capsys):
    assert cli.main(["export", "--out", "somewhere"]) == 2

    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "required: --team" in err
