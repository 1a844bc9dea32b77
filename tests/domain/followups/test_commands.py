"""`/goals followups …` and `/goals export …` grammar."""

from datetime import date

import pytest

from bot.domain.commands import Invalid, parse_goals_command
from bot.domain.followups import commands as grammar


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("followups", grammar.ListFollowups(1)),
        ("followups 3", grammar.ListFollowups(3)),
        ("followups settings", grammar.FollowupsSettings()),
        ("followups due 24h", grammar.FollowupsDue(24)),
        ("followups due 36 hours", grammar.FollowupsDue(36)),
        ("followups due 2d", grammar.FollowupsDue(48)),
        ("followups channel <#C0ESC|escalations>", grammar.FollowupsChannel("C0ESC")),
        ("followups channel C0ESC", grammar.FollowupsChannel("C0ESC")),
        ("followups channel <#C0ESC>", grammar.FollowupsChannel("C0ESC")),
        ("followups channel here", grammar.FollowupsChannel(None)),
        ("followups channel #random", grammar.FollowupsChannel(None, name="random")),
        ("followups channel #CS-Escalations", grammar.FollowupsChannel(None, name="cs-escalations")),
        ("followups channel cs_team.eu", grammar.FollowupsChannel(None, name="cs_team.eu")),
        ("export", grammar.Export(None)),
        ("export 2027-03", grammar.Export(date(2027, 3, 1))),
    ],
)
def test_followups_and_export_commands(text, parsed):
    assert parse_goals_command(text) == parsed


@pytest.mark.parametrize(
    ("text", "example"),
    [
        ("followups due", "/goals followups due 24h"),
        ("followups due 0h", "/goals followups due 24h"),
        ("followups due 31d", "/goals followups due 24h"),
        ("followups due soon", "/goals followups due 24h"),
        ("followups 0", "/goals followups 2"),
        ("followups 100001", "/goals followups 2"),
        ("followups channel #", "/goals followups channel #cs-escalations"),
        ("followups channel <#general>", "/goals followups channel C0123ABCD"),
        ("followups whatever", "/goals followups due 24h"),
        ("export 2027-13", "/goals export 2027-03"),
        ("export 2027-3", "/goals export 2027-03"),
        ("export march", "/goals export 2027-03"),
    ],
)
def test_bad_followups_and_export_input_says_what_to_type(text, example):
    parsed = parse_goals_command(text)
    assert isinstance(parsed, Invalid) and example in parsed.message
