"""Check-ins in the console with no Slack: `:at` moves the clock and ticks, DMs show who got them,
their buttons answer. The console starts at FIXED_NOW (Monday 2026-01-05 09:00, Europe/London)."""

import io
import re
from collections.abc import Callable

SCHEDULE = "/checkin schedule mon,wed,fri 09:00\n"
# With no goals the form asks: confidence, what customers expect, what's in the way, category,
# follow-up, who the follow-up is for; then [Send] takes an empty line.
ANSWERS = "4\nFaster callbacks\nShort of staff\n2\n\n\n\n"


def after(output: str, marker: str) -> str:
    assert marker in output, output
    return output.split(marker, 1)[1]


def test_a_prompt_due_at_nine_arrives_when_the_clock_jumps_from_eight_to_half_past_nine(run_script):
    _, out = run_script(SCHEDULE + ":at 2026-01-07 08:00\n:at 2026-01-07 09:30\n")

    before, jumped = out.split("(tick 2026-01-07T08:00:00Z", 1)
    assert "late answers count until Thu" not in before  # Wednesday's prompt
    assert re.search(r"goalbot → you \(DM\):\n  Time for your check-in.*late answers count until Thu", jumped)
    assert re.search(r"\(tick 2026-01-07T09:30:00Z: due 1, sent 1,", jumped)


def test_answer_walks_the_form_and_the_prompt_then_says_answered(run_script):
    _, out = run_script(SCHEDULE + ":at 2026-01-07 09:30\nclick 1\n" + ANSWERS)

    answered = after(out, "goalbot opened a modal:")
    assert "Confidence (1–5)" in answered and "Category (optional)" in answered
    assert "goalbot updated its message in your DM:\n  Check-in answered ✓ · confidence 4/5" in answered
    assert "Something went wrong" not in out


class LiveScript(io.TextIOBase):
    """A piped script whose lines may depend on what the console has printed so far."""

    def __init__(self, lines: list[str | Callable[[str], str]]) -> None:
        self.stdout = io.StringIO()
        self.lines = list(lines)

    def readline(self, size: int = -1) -> str:
        if not self.lines:
            return ""
        line = self.lines.pop(0)
        return (line if isinstance(line, str) else line(self.stdout.getvalue())) + "\n"


def button_in_dm(label: str, name: str) -> Callable[[str], str]:
    """`click N` for button `label` of the latest DM to `name`."""

    def press(output: str) -> str:
        dm = output.rsplit(f"goalbot → {name} (DM):\n", 1)[1].split("\ngoalbot", 1)[0]
        found = re.search(rf"\[(\d+)\] {re.escape(label)}\b", dm)
        assert found, output
        return f"click {found.group(1)}"

    return press


def test_a_confidence_button_records_the_answer(run_script):
    script = LiveScript([SCHEDULE.strip(), ":at 2026-01-07 09:30", button_in_dm("5", "you")])
    _, out = run_script(script)

    assert "Check-in answered ✓ · confidence 5/5" in after(out, "(tick 2026-01-07T09:30:00Z")


def test_everyone_in_the_channel_is_prompted_and_each_answers_their_own(run_script):
    script = LiveScript(
        [
            ":user alice",
            ":user you",
            SCHEDULE.strip(),
            ":user bob",  # joins after the schedule: Slack's member_joined_channel adds him
            ":at 2026-01-07 09:30",
            ":user alice",
            button_in_dm("3", "@alice"),  # her DM, as printed while bob was typing
        ]
    )
    _, out = run_script(script)

    prompted = after(out, "(you are now @bob, a member)")
    for person in ("you", "@alice", "@you"):  # as bob sees them: his own DM is "you"
        assert f"goalbot → {person} (DM):" in prompted
    assert re.search(r"\(tick 2026-01-07T09:30:00Z: due 3, sent 3,", prompted)
    answered = after(prompted, "(you are now @alice, a member)")
    assert "goalbot updated its message in your DM:\n  Check-in answered ✓ · confidence 3/5" in answered


def test_a_monthly_reminder_and_digest_arrive_when_the_clock_jumps_over_a_first_working_day(
    run_script, tmp_path, monkeypatch
):
    monkeypatch.setenv("GOALBOT_CONSOLE_FILES", str(tmp_path / "files"))
    _, out = run_script(
        """
        /goals new Raise CSAT from 78 to 85 by 2026-12-31 because happy customers come back
        /goals focus G1 next
        :at 2026-01-30 12:00
        :at 2026-02-03 08:00
        """
    )

    jumped = after(out, "(tick 2026-01-30T12:00:00Z")
    assert "Main goal for February 2026: G1 Raise CSAT" not in out.split("(tick 2026-01-30T12:00:00Z")[0]
    assert "goalbot in #general:\n  🎯 Main goal for February 2026: G1 Raise CSAT" in jumped
    # Monday 2 February's monthly digest, its thread indented under it, its chart saved.
    digest = after(jumped, "Progress digest · January 2026")
    assert "\n    goalbot in #general (in a thread):\n      " in digest.split("Progress digest", 1)[0]
    saved = re.search(r'"Progress against pace, January 2026" .*; saved to (\S+\.png)', digest)
    assert saved, digest
    assert (tmp_path / "files").is_dir() and saved.group(1).startswith(str(tmp_path / "files"))
    with open(saved.group(1), "rb") as chart:
        assert chart.read(8) == b"\x89PNG\r\n\x1a\n"


def test_tick_runs_at_the_current_time_and_sends_nothing_twice(run_script):
    _, out = run_script(SCHEDULE + ":at 2026-01-07 09:30\n:tick\n")

    assert out.count("late answers count until Thu") == 1
    assert "(tick 2026-01-07T09:30:00Z: due 0, sent 0, retried 0, skipped 0)" in out


def test_at_refuses_the_past_and_bad_times_and_help_lists_it(run_script):
    _, out = run_script(":at 2026-01-05 08:59\n:at soon\n:help\n")

    assert "That is not later than the console's clock (2026-01-05 09:00 GMT)" in out
    assert "Use :at YYYY-MM-DD HH:MM (in Europe/London)" in out
    assert ":at YYYY-MM-DD HH:MM" in out and ":tick" in out
    assert "(tick" not in out


def test_a_broken_pass_costs_one_line_and_the_others_still_run(run_script, monkeypatch, capfd):
    from bot.entrypoints import tick

    def broken(ctx, now):
        raise RuntimeError("the reports pass exploded")

    monkeypatch.setattr(tick, "PASSES", (tick.PASSES[0], ("reports", broken)))
    _, out = run_script(SCHEDULE + ":at 2026-01-07 09:30\n")

    assert "Something went wrong: RuntimeError: the reports pass exploded" in out
    assert "goalbot → you (DM):\n  Time for your check-in" in out
    assert "Traceback" not in out + capfd.readouterr().err
