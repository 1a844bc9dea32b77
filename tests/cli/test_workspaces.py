"""`goalbot workspaces`: one line per workspace with its state; `--check` asks Slack (auth.test)
with each workspace's token, records what it learns, and exits 1 if any token fails."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import update

from bot.entrypoints import cli
from bot.services.workspaces import list_workspaces, mark_token_failing, note_workspace
from bot.slack.standin import SlackStandIn
from models.workspaces import Workspace, WorkspaceState

AT = datetime(2027, 3, 1, 8, 0, tzinfo=UTC)


def _three_workspaces(sessions) -> None:
    with sessions.begin() as session:
        note_workspace(session, "T1", "Acme")
        note_workspace(session, "T2", "Beta")
        mark_token_failing(session, "T2", "token_revoked", AT)
        note_workspace(session, "T3")
        session.execute(
            update(Workspace)
            .where(Workspace.team_id == "T3")
            .values(
                state=WorkspaceState.UNINSTALLED,
                uninstalled_at=AT,
                purge_after=datetime(2027, 3, 31, 8, tzinfo=UTC),
            )
        )


def test_one_line_per_workspace_with_its_state(database, capsys):
    _three_workspaces(database)
    assert cli.main(["workspaces"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "T1  Acme  installed  token expires —",
        "T2  Beta  token failing since 2027-03-01 08:00 UTC (token_revoked)  token expires —",
        "T3  —  uninstalled on 2027-03-01, purge on 2027-03-31  token expires —",
    ]


def test_no_workspace_yet_says_so(database, capsys):
    assert cli.main(["workspaces"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "no workspaces yet" in err


def test_check_reports_a_working_token_and_clears_its_mark(database, capsys, monkeypatch):
    _three_workspaces(database)
    with database.begin() as session:
        session.execute(update(Workspace).where(Workspace.team_id == "T1").values(token_failing_since=AT))
    with SlackStandIn() as slack:  # its workspace is T1, "Stand-in Workspace"
        monkeypatch.setenv("SLACK_API_BASE_URL", slack.base_url)
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-works")
        code = cli.main(["workspaces", "--check"])
        checked = len(slack.calls("auth.test"))
    lines = capsys.readouterr().out.splitlines()
    assert code == 1  # T2: the one token answers for another workspace (T1)
    assert lines == [
        "T1  Acme  ok",
        "T2  Beta  the token belongs to workspace T1",
        "T3  —  uninstalled, not checked",
    ]
    assert checked == 2
    t1 = list_workspaces(database)[0]
    assert (t1.team_name, t1.token_failing_since) == ("Stand-in Workspace", None)


def test_check_marks_a_refused_token_and_exits_1(database, capsys, monkeypatch):
    with database.begin() as session:
        note_workspace(session, "T1", "Acme")
    with SlackStandIn(tokens=["xoxb-another"]) as slack:
        monkeypatch.setenv("SLACK_API_BASE_URL", slack.base_url)
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-revoked")
        code = cli.main(["workspaces", "--check"])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "T1  Acme  invalid_auth\n")
    assert "1 workspace(s) failed auth.test" in err
    assert list_workspaces(database)[0].token_error == "invalid_auth"


def test_check_without_a_token_is_one_line_and_exit_2(database, capsys):
    with database.begin() as session:
        note_workspace(session, "T1", "Acme")
    assert cli.main(["workspaces", "--check"]) == 2
    assert capsys.readouterr().err == (
        "goalbot: SLACK_BOT_TOKEN is not set; export it (see README.md) and try again.\n"
    )


def test_purge_refuses_without_yes_and_deletes_with_it(database, capsys):
    _three_workspaces(database)
    assert cli.main(["purge", "--team", "T2"]) == 2
    assert "run it again with --yes" in capsys.readouterr().err
    assert [w.team_id for w in list_workspaces(database)] == ["T1", "T2", "T3"]

    assert cli.main(["purge", "--team", "T2", "--yes"]) == 0
    assert capsys.readouterr().out.startswith("purged workspace T2: ")
    assert [w.team_id for w in list_workspaces(database)] == ["T1", "T3"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--team", "T0NOBODY", "--yes"], "nothing for workspace T0NOBODY"),
        (["--team", "acme", "--yes"], "--team needs a Slack workspace id"),
        ([], "required: --team"),
    ],
)
def test_purge_bad_arguments_are_one_line_and_exit_2(database, capsys, args, says):
    assert cli.main(["purge", *args]) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
