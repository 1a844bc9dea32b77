import re

VERBS = {
    "serve": "HTTP",
    "run": "Socket Mode",
    "db": "upgrade",
    "console": "shell",
    "clock": "scheduler",
}


def test_help_lists_every_verb_with_a_description(run_goalbot, goalbot_env):
    result = run_goalbot("--help", env=goalbot_env)

    assert result.returncode == 0, result.stderr
    for verb, word in VERBS.items():
        line = re.search(rf"^\s+{verb}\s+(\S.*)$", result.stdout, re.MULTILINE)
        assert line, f"`goalbot --help` does not list {verb}:\n{result.stdout}"
        assert word in line.group(1)


def test_db_help_lists_upgrade_and_current(run_goalbot, goalbot_env):
    result = run_goalbot("db", "--help", env=goalbot_env)

    assert result.returncode == 0, result.stderr
    assert re.search(r"^\s+upgrade\s+\S", result.stdout, re.MULTILINE)
    assert re.search(r"^\s+current\s+\S", result.stdout, re.MULTILINE)


def test_no_verb_is_a_usage_error(run_goalbot, goalbot_env):
    result = run_goalbot(env=goalbot_env)

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
