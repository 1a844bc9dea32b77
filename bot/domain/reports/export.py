"""CSV files for `/goals export` and `goalbot export`: goals, measurements, answers, follow-ups.

File names say what they hold and for which month: `goals-2027-03.csv` (`goals.csv` without one).
Anonymous answers go to their own file, `answers-anonymous-2027-03.csv`: one row per answered
question (date, question, answer; the category is a question like the others), sorted by date,
question and answer text. No author, no time of day (it could be joined against deliveries), and
no column or order that keeps one person's rows together or says who answered first. Named
answers go to `answers-2027-03.csv`. Only the answer files that have rows are written; with no
answers at all, one header-only `answers-…` file in the anonymous layout stands in (it reveals
nothing, and the export always names an answers file).

Text cells that a spreadsheet would run as a formula (starting with = + - @) get a leading
apostrophe: an answer typed by anyone must not execute on a manager's laptop.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from bot.domain.reports.export_rows import AnswerRow, FollowupRow, GoalRow, MeasurementRow

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

GOAL_COLUMNS = ("goal", "title", "level", "status", "start", "due", "parent", "owner", "why")
MEASUREMENT_COLUMNS = ("goal", "objective", "metric", "unit", "baseline", "target", "date", "value", "by")
NAMED_ANSWER_COLUMNS = ("date", "time", "author", "question", "answer", "category", "late")
ANONYMOUS_ANSWER_COLUMNS = ("date", "question", "answer")
FOLLOWUP_COLUMNS = ("followup", "description", "opened", "due", "owner", "status", "closed", "resolution")


@dataclass(frozen=True)
class CsvFile:
    name: str
    text: str

    @property
    def data(self) -> bytes:
        return self.text.encode("utf-8")


def file_name(kind: str, month: str | None) -> str:
    return f"{kind}-{month}.csv" if month else f"{kind}.csv"


def export_files(
    month: str | None,
    goals: Iterable[GoalRow],
    measurements: Iterable[MeasurementRow],
    answers: Iterable[AnswerRow],
    followups: Iterable[FollowupRow],
) -> list[CsvFile]:
    return [
        goals_csv(goals, month),
        measurements_csv(measurements, month),
        *answers_csv(answers, month),
        followups_csv(followups, month),
    ]


def goals_csv(rows: Iterable[GoalRow], month: str | None) -> CsvFile:
    return _csv(file_name("goals", month), GOAL_COLUMNS, (r.cells() for r in rows))


def measurements_csv(rows: Iterable[MeasurementRow], month: str | None) -> CsvFile:
    return _csv(file_name("measurements", month), MEASUREMENT_COLUMNS, (r.cells() for r in rows))


def followups_csv(rows: Iterable[FollowupRow], month: str | None) -> CsvFile:
    return _csv(file_name("followups", month), FOLLOWUP_COLUMNS, (r.cells() for r in rows))


def answers_csv(rows: Iterable[AnswerRow], month: str | None) -> list[CsvFile]:
    named: list[Sequence[object]] = []
    anonymous: list[Sequence[object]] = []
    for row in rows:
        if row.anonymous:
            anonymous.append((row.answered_on, row.question, row.answer))
        else:
            answered_at = row.answered_at.time().isoformat("minutes") if row.answered_at else ""
            named.append(
                (row.answered_on, answered_at, row.author, row.question, row.answer, row.category, row.late)
            )
    anonymous.sort(key=lambda cells: (cells[0], cells[1], cells[2]))  # never the order of answering
    files = []
    if named:
        files.append(_csv(file_name("answers", month), NAMED_ANSWER_COLUMNS, named))
    if anonymous or not named:
        name = file_name("answers-anonymous", month) if named or anonymous else file_name("answers", month)
        files.append(_csv(name, ANONYMOUS_ANSWER_COLUMNS, anonymous))
    return files


def _csv(name: str, columns: Sequence[str], rows: Iterable[Sequence[object]]) -> CsvFile:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return CsvFile(name, out.getvalue())


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        # 85.0 reads as "85"; anything else keeps every digit (repr round-trips), nan/inf as words.
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    text = str(value)
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_START) else text
