"""The table of other features' `/goals` subcommands: a parsed command reaches the runner of the
feature that registered its kind, and only the kinds it named answer from the database alone.
(That registration wires reports and follow-ups: tests/e2e/test_report_commands.py, tests/e2e/followups/.)"""

from bot.domain import report_commands as rc
from bot.domain.followups import commands as fc
from handlers.common.subcommands import Subcommands


def test_a_parsed_command_reaches_the_feature_that_registered_its_kind():
    table, ran = Subcommands(), []
    table.add(rc.ReportCommand, lambda request, parsed: ran.append(("reports", parsed)))
    table.add(fc.FollowupCommand, lambda request, parsed: ran.append(("followups", parsed)))

    for parsed in (rc.RemindersShow(), fc.ListFollowups(page=1)):
        run = table.run_for(parsed)
        assert run is not None
        run(None, parsed)

    assert ran == [("reports", rc.RemindersShow()), ("followups", fc.ListFollowups(page=1))]
    assert table.run_for(object()) is None


def test_only_the_kinds_named_answer_from_the_database():
    table = Subcommands()
    table.add(rc.ReportCommand, lambda request, parsed: None, database_only=(rc.RemindersShow,))

    assert table.answers_from_database(rc.RemindersShow())
    assert not table.answers_from_database(rc.Report(spec=""))
