"""The console script in README.md runs as written: a check-in walked, then a digest."""

import re
from pathlib import Path

README = Path(__file__).parents[2] / "README.md"


def readme_script() -> str:
    """The README's ```text block that starts with `:at`."""
    blocks = re.findall(r"```text\n(.*?)```", README.read_text(), re.S)
    found = [block for block in blocks if block.startswith(":at ")]
    assert len(found) == 1, "README.md should hold one console script starting with :at"
    return found[0]


def test_the_readme_script_walks_a_checkin_and_a_digest(run_script, tmp_path, monkeypatch):
    monkeypatch.setenv("GOALBOT_CONSOLE_FILES", str(tmp_path))

    status, out = run_script(readme_script())

    assert status == 0
    for trouble in ("Something went wrong", "Slack refused", "Not a command", "There is no button", "\n  ! "):
        assert trouble not in out, out
    assert "goalbot → you (DM):\n  Time for your check-in" in out
    assert "Check-in answered ✓ · confidence 4/5" in out
    report = out.rsplit("Posting the progress digest", 1)[1]
    assert "📊 Progress digest" in report and "(in a thread):" in report
    charts = re.findall(r"saved to (\S+\.png)", report)
    assert charts and all(Path(chart).is_file() for chart in charts)
