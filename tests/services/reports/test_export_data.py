"""Export rows from the database: named answers with their author, anonymous ones without an
author column and only where the minimum answered, everything scoped by team and channel."""

import csv
import io
from datetime import date

from bot.services.reports.export_data import ExportScope, export_csv_files, workspace_known
from tests.services.reports.checkin_data import answer, checkin_channel


def _table(files, name):
    by_name = {f.name: f for f in files}
    assert name in by_name, sorted(by_name)
    return list(csv.reader(io.StringIO(by_name[name].text)))


def test_anonymous_answers_have_no_author_column_and_named_ones_do(sessions):
    checkin_channel(sessions, "T1", "C_ANON", ["U1", "U2", "U3"], anonymous=True)
    checkin_channel(sessions, "T1", "C_NAMED", ["U4"], anonymous=False)
    for user in ("U1", "U2", "U3"):
        answer(sessions, "T1", "C_ANON", user, f"faster refunds ({user[-1]})")
    answer(
        sessions, "T1", "C_NAMED", "U4", "a callback", follow_up=True, follow_up_description="Call Mrs Lee"
    )

    anonymous = export_csv_files(sessions, ExportScope("T1", "C_ANON", date(2026, 11, 1)))
    rows = _table(anonymous, "answers-anonymous-2026-11.csv")
    assert rows[0] == ["date", "question", "answer"]
    assert "author" not in rows[0] and "time" not in rows[0]
    assert not any(user in str(rows) for user in ("U1", "U2", "U3"))
    assert sum("faster refunds" in r[2] for r in rows[1:]) == 3

    named = export_csv_files(sessions, ExportScope("T1", "C_NAMED", date(2026, 11, 1)))
    rows = _table(named, "answers-2026-11.csv")
    assert "author" in rows[0] and any("U4" in r for r in rows[1:])
    followups = _table(named, "followups-2026-11.csv")
    assert followups[1][1] == "Call Mrs Lee"
    assert [f.name for f in named] == [
        "goals-2026-11.csv",
        "measurements-2026-11.csv",
        "answers-2026-11.csv",
        "followups-2026-11.csv",
    ]


def test_anonymous_answers_below_the_minimum_are_left_out(sessions):
    checkin_channel(sessions, "T1", "C_ANON", ["U1", "U2", "U3"], anonymous=True)
    for user in ("U1", "U2"):
        answer(sessions, "T1", "C_ANON", user, "only two of us answered")
    rows = _table(export_csv_files(sessions, ExportScope("T1", "C_ANON", None)), "answers.csv")
    assert rows == [["date", "question", "answer"]]


def test_another_workspace_and_another_month_see_nothing(sessions):
    checkin_channel(sessions, "T1", "C_NAMED", ["U4"], anonymous=False)
    answer(sessions, "T1", "C_NAMED", "U4", "secret of T1")
    for scope in (ExportScope("T2", "C_NAMED", None), ExportScope("T1", "C_NAMED", date(2026, 12, 1))):
        assert "secret of T1" not in str([f.text for f in export_csv_files(sessions, scope)])
    assert workspace_known(sessions, "T1") and not workspace_known(sessions, "T2")
