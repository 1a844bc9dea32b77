"""A digest's objective line: "82 of 85" going up, but a decreasing one never reads as a share."""

from bot.domain.enums import PaceStatus
from bot.domain.reports.digest import ProgressRow
from handlers.views.report_digest import row_line


def objective_row(current: float, target: float, *, lower_is_better: bool) -> ProgressRow:
    return ProgressRow(
        False, 1, "wait", 1, 0.3, None, PaceStatus.ON_TRACK,
        current=current, target=target, unit="minutes", lower_is_better=lower_is_better,
    )  # fmt: skip


def test_a_decreasing_objective_reads_as_aiming_down_not_as_a_share():
    line = row_line(objective_row(160, 60, lower_is_better=True))
    assert "160 minutes, aiming down to 60 minutes" in line and "of 60" not in line


def test_an_increasing_objective_reads_as_current_of_target():
    assert "82 minutes of 85 minutes" in row_line(objective_row(82, 85, lower_is_better=False))
