"""Modals through the console on stand-in listeners: walking fields, errors, buttons, the view stack."""

import io

from tests.console.conftest import Respondent
from tests.console.standin_app import build_standin_app

FILLED_PLAN = """\
    /try plan

    2
    2026-03-01
    bob
    first note

"""


def test_a_modal_is_walked_field_by_field_and_submitted(run_standin):
    _, output, seen = run_standin(FILLED_PLAN)

    assert "goalbot opened a modal:\n  New plan\n  ========\n    💡 Still missing: owner\n" in output
    assert "Title\n  now: Plan the launch\n" in output
    assert "Size\n  (1) Small  (2) Large\n" in output
    assert "Owner (a name)\n  Who makes it happen?\n" in output
    values = seen[-1][1]
    assert values["title"]["input"] == {"type": "plain_text_input", "value": "Plan the launch"}
    assert values["size"]["input"]["selected_option"]["value"] == "large"
    assert values["due"]["input"] == {"type": "datepicker", "selected_date": "2026-03-01"}
    assert values["owner"]["input"] == {"type": "users_select", "selected_user": "U_BOB"}
    assert values["note_0"]["input"]["value"] == "first note"
    assert output.endswith("goalbot → you (DM):\n  Saved a Large plan for @bob\n")


def test_bad_answers_are_refused_like_slack_refuses_them(run_standin):
    _, output, seen = run_standin(
        "/try plan\n\nHuge\nlarge\n31/03/2026\n2026-02-30\n2026-03-01\n\n-\nbob\n-\n\n"
    )

    assert "  ! Choose 1-2 or type an option as shown.\n" in output
    assert "  ! Use YYYY-MM-DD, e.g. 2027-03-31.\n" in output
    assert "  ! 2026-02-30 is not a calendar date.\n" in output
    assert output.count("  ! This field is required.\n") == 2
    assert seen[-1][1]["note_0"]["input"] == {"type": "plain_text_input", "value": None}


def test_errors_from_the_app_are_shown_by_their_field_and_only_those_are_asked_again(run_standin):
    script = FILLED_PLAN.replace("2026-03-01", "2026-01-10") + "    2026-02-10\n\n"

    _, output, seen = run_standin(script)

    assert "  ! Due: Pick a date after January (see #general).\n" in output
    assert output.count("Title\n") == 1
    assert output.count("Due (YYYY-MM-DD)\n") == 2
    assert [s[1]["due"]["input"]["selected_date"] for s in seen if s[0] == "submission"] == [
        "2026-01-10",
        "2026-02-10",
    ]
    assert "Saved a Large plan for @bob" in output


def test_a_button_inside_a_modal_can_update_it_and_typed_values_survive(run_standin):
    script = FILLED_PLAN.rstrip("\n ") + "\n1\n\n\n\n\n\nsecond note\n\n"

    _, output, seen = run_standin(script)

    assert "goalbot updated the modal:" in output
    assert "Note 2 (optional)" in output
    values = seen[-1][1]
    assert values["owner"]["input"]["selected_user"] == "U_BOB"
    assert values["note_1"]["input"]["value"] == "second note"


def test_cancel_abandons_the_modal_and_tells_the_app_when_it_asked(run_standin):
    _, output, seen = run_standin("/try plan-notify\n:cancel\n/try next\n")

    assert "(modal closed)" in output
    assert ("closed", "plan") in seen
    assert "You said next" in output


def test_response_action_push_then_clear(run_standin):
    script = "/try plan\npush\n2\n2026-03-01\nbob\n\n\n\n2\n2026-03-01\nbob\n\n\n"

    code, output, seen = run_standin(script)

    assert output.count("goalbot opened a modal:") == 2
    assert code == 0
    assert sum(1 for s in seen if s[0] == "submission") == 1


def test_closing_a_pushed_modal_goes_back_to_the_one_underneath(run_standin):
    third = "\n2\n2026-03-01\nbob\n\n\n"  # keep the title, fill the rest, submit
    script = "/try plan\nstack\n2\n2026-03-01\nbob\n\n\n" + third + "Plan B\n\n\n\n\n\n/try after\n"

    _, output, seen = run_standin(script)

    assert "back to the modal underneath:" in output
    titles = [s[1]["title"]["input"]["value"] for s in seen if s[0] == "submission"]
    assert titles == ["stack", "Plan B"]
    assert "Saved a Large plan for @bob" in output
    assert "You said after" in output


def test_an_answer_slack_would_reject_closes_the_modal_and_the_shell_goes_on(run_standin):
    script = "/try plan\nbroken\n2\n2026-03-01\nbob\n\n\n/try after\n"

    code, output, _ = run_standin(script)

    assert "(goalbot answered response_action=update without a view; the console closed the modal)" in output
    assert "You said after" in output
    assert code == 0


def test_end_of_input_inside_a_modal_closes_it_and_exits_cleanly(run_standin):
    code, output, _ = run_standin("/try plan\n\n")

    assert code == 0
    assert output.endswith("(modal closed)\n")


def test_on_a_terminal_the_console_prompts(run_script):

    person = Respondent(["/try plan", ":quit"], {"^Size": "Small", "^Due": "2026-04-01", "^Owner": "carol"})

    _, output = run_script(person, app_factory=build_standin_app)

    assert "you@#general> " in output
    assert "Saved a Small plan for @carol" in output


def test_cancel_help_and_quit_work_inside_a_form(run_standin):
    code, output, seen = run_standin("/try plan\n:help\n:quit\n/try never\n")

    assert ":cancel or Ctrl-C abandons the form" in output
    assert "(modal closed)" in output
    assert code == 0 and ("command", "U_YOU", "C_GENERAL", "never") not in seen


def test_a_piped_script_fills_a_form_and_its_answers_are_echoed(run_standin):
    _, output, _ = run_standin(FILLED_PLAN)

    assert "> 2026-03-01\n" in output and "> bob\n" in output


class _CtrlCAtTheForm(io.StringIO):
    """Typed lines, then Ctrl-C at the first form field, then more lines."""

    def __init__(self, before: str, after: str) -> None:
        super().__init__(before + after)
        self._interrupt_at = len(before)

    def readline(self, size: int = -1) -> str:
        if self.tell() == self._interrupt_at:
            self._interrupt_at = -1
            raise KeyboardInterrupt
        return super().readline(size)


def test_ctrl_c_in_a_form_cancels_the_form_not_the_console(run_standin):
    code, output, _ = run_standin(_CtrlCAtTheForm("/try plan\n", "/try after\n"))

    assert "(modal closed)" in output
    assert "You said after" in output
    assert code == 0
