"""`goalbot console` on the real app (create_app and the /goals listeners), using only the /goals spec.

The spec: `/goals help` lists subcommands; a complete `/goals new …` stores the goal and answers
ephemerally with its id; an incomplete one opens the goal modal with hints on what is missing;
`/goals list` shows goals with ids; `/goals update O1 81` records a value; `/goals show G1` shows
the tree with buttons Add objective, Add strategy, Edit, Archive, Break down.
"""

import re

from tests.console.conftest import Respondent

CSAT = "/goals new Raise CSAT from 78 to 85 by 2027-03-31 because churn follows bad support"
REPEAT_ORDERS = "/goals new Grow repeat orders to 1200 per month by end of June"
PRIVATE = "goalbot (only visible to you):"


def test_help_lists_the_subcommands(run_script):
    code, output = run_script("/goals help\n")

    assert code == 0
    assert output.startswith(PRIVATE)
    for subcommand in ("new", "list", "show", "update"):
        assert f"/goals {subcommand}" in output


def test_a_complete_goal_is_stored_and_its_id_given(run_script):
    _, output = run_script(f"{CSAT}\n/goals list\n")

    first_reply, _, listing = output.partition("\n" + PRIVATE)
    assert first_reply.startswith(PRIVATE)
    assert "G1" in first_reply
    assert "G1" in listing
    assert "Raise CSAT" in listing


def test_an_update_is_recorded(run_script):
    _, output = run_script(f"{CSAT}\n/goals update O1 81\n")

    update_reply = output.split(PRIVATE)[-1]
    assert "81" in update_reply
    assert "O1" in update_reply


def test_show_gives_the_tree_with_its_buttons(run_script):
    _, output = run_script(f"{CSAT}\n/goals show G1\n")

    shown = output.split(PRIVATE)[-1]
    assert "Raise CSAT" in shown
    assert "O1" in shown
    for label in ("Add objective", "Add strategy", "Edit", "Archive", "Break down"):
        assert re.search(rf"\[\d+\] {label}\b", shown), label


def test_an_incomplete_goal_opens_the_modal_with_hints_and_saves_once_filled(run_script):
    person = Respondent(
        [REPEAT_ORDERS, "/goals list", ":quit"],
        {r"^baseline": "900", r"^why": "repeat customers bring most of our revenue"},
    )

    code, output = run_script(person)

    assert code == 0
    modal = output[output.index("goalbot opened a modal:") :]
    assert re.search(r"baseline", modal, re.I)
    hints = modal[: modal.index("[Save]") if "[Save]" in modal else len(modal)].lower()
    assert "baseline" in hints and "why" in hints
    answered = dict(person.answered)
    assert "900" in answered.values()
    listing = output.split(PRIVATE)[-1]
    assert "G1" in listing
    assert "Grow repeat orders" in listing


def test_the_home_tab_renders_without_calls_the_console_cannot_answer(run_script):
    _, output = run_script(f"{CSAT}\n:home\n")

    assert "goalbot Home tab:" in output
    assert "(console:" not in output
    assert "Something went wrong" not in output


def test_a_piped_session_reads_like_a_transcript(run_script):
    code, output = run_script(
        f"""\
        /goals help
        {CSAT}
        /goals update O1 81
        /goals show G1
        :quit
        """
    )

    assert code == 0
    assert output.count(PRIVATE) == 4
    assert "Something went wrong" not in output
    assert "you@#general>" not in output  # no prompts when stdin is not a terminal
