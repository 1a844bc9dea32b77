"""The console's DM with goalbot (`:dm`), people in their own zones (`:user NAME ZONE`), number
buttons that could be read as their labels, and console commands typed inside a form.
The console starts at FIXED_NOW (Monday 2026-01-05 09:00, Europe/London)."""

import re

from tests.console.test_checkins_console import ANSWERS, SCHEDULE, after

GOAL = "/goals new Lift CSAT from 78 to 85 by 2026-12-31 because churn\n" + "\n" * 14


def test_a_line_typed_in_the_dm_is_a_check_in_reply(run_script):
    _, out = run_script(
        GOAL + SCHEDULE + ":at 2026-01-07 09:30\n:dm\nO1 82 busy day\n:channel general\n/goals show G1\n"
    )

    replied = after(out, "(you are in your DM with goalbot")
    assert "Not a command" not in replied
    assert re.search(
        r"goalbot → you \(DM\):\n\s+Thanks, your check-in is recorded for #general, 1 number", replied
    )
    assert "O1 CSAT 82 · @you" in after(replied, "(you are now in #general)")


def test_outside_the_dm_a_reply_says_where_to_type_it(run_script):
    _, out = run_script("O1 82 busy day\n")

    assert "Not a command" in out and ":dm" in out


def test_help_explains_dm_zones_and_the_export_team(run_script):
    _, out = run_script(":help\n")

    assert ":dm" in out and "O1 82" in out
    assert ":user NAME [admin] [ZONE]" in out and "Europe/Berlin" in out
    assert "goalbot export --team T_CONSOLE" in out


def test_a_person_in_berlin_is_prompted_at_nine_berlin_time(run_script):
    # 09:00 in Berlin is 08:00 in London (UTC in January).
    _, out = run_script(SCHEDULE + ":user alice europe/berlin\n:at 2026-01-07 08:30\n:at 2026-01-07 09:30\n")

    assert "(you are now @alice, a member, in Europe/Berlin)" in out
    # What each tick sent is printed before its summary line.
    by_half_past_eight = after(out, "(you are now @alice").split("(tick 2026-01-07T08:30:00Z")[0]
    by_half_past_nine = after(out, "(tick 2026-01-07T08:30:00Z").split("(tick 2026-01-07T09:30:00Z")[0]
    assert "goalbot → you (DM):\n  Time for your check-in" in by_half_past_eight  # alice
    assert "goalbot → @you (DM)" not in by_half_past_eight
    assert "goalbot → @you (DM):\n  Time for your check-in" in by_half_past_nine


def test_a_known_persons_new_zone_reaches_goalbot(run_script):
    _, out = run_script(SCHEDULE + ":user alice\n:user alice Europe/Berlin\n:at 2026-01-07 08:30\n")

    ticked = after(out, "(you are now @alice, a member, in Europe/Berlin)")
    assert "goalbot → you (DM):\n  Time for your check-in" in ticked  # alice, at 09:30 Berlin
    assert "goalbot → @you (DM)" not in ticked  # 08:30 in London: not yet


def test_an_unknown_zone_is_refused(run_script):
    _, out = run_script(":user alice Mars/Base\n")

    assert "Unknown time zone Mars/Base" in out
    assert "you are now @alice" not in out


def test_a_bare_number_that_is_another_buttons_label_is_refused(run_script):
    _, out = run_script(SCHEDULE + ":at 2026-01-07 09:30\n2\nclick 3\n")

    assert re.search(r"\[1\] Answer", out) and "[2] 1  [3] 2" in out
    refusal = after(out, "(tick 2026-01-07T09:30:00Z")
    assert (
        "Button [2] is labelled 1. To press it, type click 2; the button labelled 2 is [3]: click 3."
        in refusal
    )
    assert "confidence 2/5" in refusal  # click 3 pressed the button labelled 2
    assert "confidence 1/5" not in refusal


def test_console_commands_inside_a_form_are_refused_not_typed_in(run_script):
    answers = ANSWERS.replace("Faster callbacks\n", ":user bob\n:tick\nFaster callbacks\n", 1)
    _, out = run_script(SCHEDULE + ":at 2026-01-07 09:30\nclick 1\n" + answers + "/goals help\n")

    form = after(out, "goalbot opened a modal:")
    assert "! :user works outside a form" in form and "! :tick works outside a form" in form
    assert "you are now @bob" not in out
    assert "Check-in answered ✓ · confidence 4/5" in form
    assert ":user bob" not in after(form, "Check-in answered ✓")
