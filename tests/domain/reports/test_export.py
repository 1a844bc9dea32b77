import csv
import io
from datetime import UTC, date, datetime

import pytest

from bot.domain.reports.export import answers_csv, export_files, file_name
from bot.domain.reports.export_rows import AnswerRow, FollowupRow, GoalRow, MeasurementRow


def table(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


GOAL = GoalRow("G1", "=HYPERLINK(evil)", "annual", "active", date(2027, 1, 1), date(2027, 12, 31))
MEASURE = MeasurementRow("G1", "O1", "CSAT", "%", 78.0, 85.0, date(2027, 3, 2), 81.5)
ANON = AnswerRow(date(2027, 3, 2), "What's getting in the way?", "Slow refunds", anonymous=True)
NAMED = AnswerRow(
    date(2027, 3, 3),
    "What's getting in the way?",
    "Queues",
    author="Ana",
    answered_at=datetime(2027, 3, 3, 9, 12),
)
FOLLOWUP = FollowupRow(
    "F1", "Call Mrs. Lee", datetime(2027, 3, 2, 9, tzinfo=UTC), datetime(2027, 3, 4, 9, tzinfo=UTC), "open"
)


def test_file_names_say_what_they_hold():
    files = export_files("2027-03", [GOAL], [MEASURE], [ANON, NAMED], [FOLLOWUP])
    assert [f.name for f in files] == [
        "goals-2027-03.csv",
        "measurements-2027-03.csv",
        "answers-2027-03.csv",
        "answers-anonymous-2027-03.csv",
        "followups-2027-03.csv",
    ]
    assert file_name("goals", None) == "goals.csv"


def test_anonymous_answers_have_no_author_column_and_only_a_date():
    [only] = answers_csv([ANON], "2027-03")
    rows = table(only.text)
    assert rows[0] == ["date", "question", "answer"]
    assert rows[1] == ["2027-03-02", "What's getting in the way?", "Slow refunds"]


def test_anonymous_rows_are_sorted_by_date_question_and_answer_never_by_who_answered_first():
    given = [  # two people, in the order they answered, each with a category and two answers
        AnswerRow(date(2027, 3, 2), "Category", "service", anonymous=True),
        AnswerRow(date(2027, 3, 2), "What's getting in the way?", "Slow refunds", anonymous=True),
        AnswerRow(date(2027, 3, 2), "Confidence (1-5)", "4", anonymous=True),
        AnswerRow(date(2027, 3, 1), "Category", "price", anonymous=True),
        AnswerRow(date(2027, 3, 2), "Category", "billing", anonymous=True),
        AnswerRow(date(2027, 3, 2), "What's getting in the way?", "Angry callers", anonymous=True),
    ]
    for order in (given, given[::-1]):
        [only] = answers_csv(order, "2027-03")
        assert table(only.text)[1:] == [
            ["2027-03-01", "Category", "price"],
            ["2027-03-02", "Category", "billing"],
            ["2027-03-02", "Category", "service"],
            ["2027-03-02", "Confidence (1-5)", "4"],
            ["2027-03-02", "What's getting in the way?", "Angry callers"],
            ["2027-03-02", "What's getting in the way?", "Slow refunds"],
        ]


def test_named_answers_keep_author_and_time():
    named, anonymous = answers_csv([NAMED, ANON], "2027-03")
    assert "author" in table(named.text)[0] and "author" not in table(anonymous.text)[0]
    assert table(named.text)[1][:3] == ["2027-03-03", "09:12", "Ana"]


def test_no_answers_still_gives_an_answers_file_without_authors():
    [empty] = answers_csv([], "2027-03")
    assert empty.name == "answers-2027-03.csv"
    assert table(empty.text) == [["date", "question", "answer"]]


def test_an_anonymous_row_refuses_an_author_or_a_time():
    with pytest.raises(ValueError):
        AnswerRow(date(2027, 3, 2), "q", "a", anonymous=True, author="Ana")
    with pytest.raises(ValueError):
        AnswerRow(date(2027, 3, 2), "q", "a", anonymous=True, answered_at=datetime(2027, 3, 2, 9))
    with pytest.raises(ValueError):
        AnswerRow(date(2027, 3, 2), "q", "a", "service", anonymous=True)


def test_cells_are_safe_and_readable():
    goals, measurements, *_ = export_files(None, [GOAL], [MEASURE], [], [FOLLOWUP])
    assert table(goals.text)[1][1] == "'=HYPERLINK(evil)"
    assert table(measurements.text)[1][4:8] == ["78", "85", "2027-03-02", "81.5"]
