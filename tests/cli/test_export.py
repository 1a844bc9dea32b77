"""`goalbot export` writes the same CSV files to a folder; bad arguments get one line and exit 2."""

import csv

import pytest

from bot.entrypoints import cli
from tests.services.reports.checkin_data import answer, checkin_channel


@pytest.fixture
def seeded(database):
    """An anonymous check-in's channel in workspace T0AB, answered by all three people."""
    checkin_channel(database, "T0AB", "C0ANON", ["U1", "U2", "U3"], anonymous=True)
    for user in ("U1", "U2", "U3"):
        answer(database, "T0AB", "C0ANON", user, "clearer prices")


def test_export_writes_the_files_and_anonymous_answers_have_no_author(seeded, tmp_path, capsys):
    out = tmp_path / "out"
    code = cli.main(
        ["export", "--team", "T0AB", "--out", str(out), "--channel", "C0ANON", "--month", "2026-11"]
    )
    assert code == 0, capsys.readouterr()
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "answers-anonymous-2026-11.csv",
        "followups-2026-11.csv",
        "goals-2026-11.csv",
        "measurements-2026-11.csv",
    ]
    with open(out / "answers-anonymous-2026-11.csv", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["date", "question", "answer"] and len(rows) > 3
    assert "U1" not in str(rows)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--team", "T0AB", "--out", "X", "--month", "2026-13"], "--month needs YYYY-MM"),
        (["--team", "nope", "--out", "X"], "--team needs a Slack workspace id"),
        (["--team", "T0FOREIGN", "--out", "X"], "nothing for workspace T0FOREIGN"),
        (["--out", "X"], "required: --team"),
        (["--team", "T0AB", "--out", "X", "--channel", "#general"], "--channel needs a channel id"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_2(seeded, tmp_path, capsys, args, says):
    args = [a if a != "X" else str(tmp_path / "out") for a in args]
    assert cli.main(["export", *args]) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    assert not (tmp_path / "out").exists()
