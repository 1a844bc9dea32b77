"""`:at` prints every tick it runs, skipped days keep the local time across DST, the clock is kept
with the data between sessions, and `goalbot export --team T_CONSOLE` exports the console's data.
The console starts at FIXED_NOW (Monday 2026-01-05 09:00, Europe/London)."""

import csv
import re

from bot.entrypoints import cli
from tests.cli.environment import SETTING_NAMES


def _ticks(out: str) -> list[str]:
    return re.findall(r"\(tick (\S+):", out)


def test_at_prints_each_ticks_summary_at_the_same_local_time_across_dst(run_script):
    # London moves to summer time on Sunday 2026-03-29: 09:30 local is 09:30Z before, 08:30Z after.
    _, out = run_script(":at 2026-03-27 09:30\n:at 2026-03-31 09:30\n")

    assert _ticks(out)[-5:] == [
        "2026-03-27T09:30:00Z",
        "2026-03-28T09:30:00Z",
        "2026-03-29T08:30:00Z",
        "2026-03-30T08:30:00Z",
        "2026-03-31T08:30:00Z",
    ]
    assert all("due" in line for line in out.splitlines() if line.startswith("(tick "))


def test_the_clock_is_kept_between_sessions(run_script):
    run_script(":at 2026-03-02 09:00\n")

    _, out = run_script(":tick\n")

    [tick] = _ticks(out)
    assert tick.startswith("2026-03-02T09:00")


def test_a_later_real_time_wins_over_an_older_saved_clock(run_script):
    run_script(":tick\n")  # saves FIXED_NOW

    _, out = run_script(":at 2026-01-05 10:00\n")  # still later than the saved clock

    assert _ticks(out) == ["2026-01-05T10:00:00Z"]


def test_goalbot_export_writes_the_consoles_data(run_script, console_settings, monkeypatch, tmp_path, capsys):
    run_script("/goals new Lift CSAT from 78 to 85 by 2026-12-31 because churn\n" + "\n" * 14)
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", console_settings.database_url)

    code = cli.main(["export", "--team", "T_CONSOLE", "--out", str(tmp_path / "out")])

    assert code == 0, capsys.readouterr().err
    with open(tmp_path / "out" / "goals.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [row["title"] for row in rows] == ["Lift CSAT from 78 to 85 by 2026-12-31"]
