"""The report subcommands of `/goals`: reminders, digest, report, and `focus G12 next`."""

from datetime import time

import pytest

from bot.domain.commands import Focus, Invalid, parse_goals_command
from bot.domain.report_commands import (
    DigestCadenceSet,
    DigestShow,
    RemindersAt,
    RemindersShow,
    RemindersSwitch,
    Report,
    ReportInvalid,
)


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("reminders", RemindersShow()),
        ("reminders show", RemindersShow()),
        ("reminders at 09:30", RemindersAt(time(9, 30), None)),
        ("reminders at 9:30 Europe/Berlin", RemindersAt(time(9, 30), "Europe/Berlin")),
        ("reminders at 9:30 europe/berlin", RemindersAt(time(9, 30), "Europe/Berlin")),
        ("reminders OFF", RemindersSwitch(False)),
        ("reminders on", RemindersSwitch(True)),
        ("digest", DigestShow()),
        ("digest weekly", DigestCadenceSet("weekly")),
        ("digest monthly", DigestCadenceSet("monthly")),
        ("digest off", DigestCadenceSet("off")),
        ("digest weekly monthly", DigestCadenceSet("weekly and monthly")),
        ("report", Report("month")),
        ("report week", Report("week")),
        ("report 2027-03", Report("2027-03")),
        ("focus G12 next", Focus(12, next_month=True)),
        ("focus #g12 NEXT", Focus(12, next_month=True)),
    ],
)
def test_report_subcommands(text, parsed):
    assert parse_goals_command(text) == parsed


@pytest.mark.parametrize(
    "text",
    [
        "reminders at 25:00",
        "reminders at 09:30 Mars/Olympus",
        "reminders at",
        "reminders sometimes",
        "digest daily",
        "report this month please",
    ],
)
def test_bad_report_subcommands_say_what_to_type(text):
    parsed = parse_goals_command(text)
    assert isinstance(parsed, ReportInvalid) and "`/goals " in parsed.message


def test_focus_with_another_word_than_next_is_refused():
    assert isinstance(parse_goals_command("focus G12 later"), Invalid)
