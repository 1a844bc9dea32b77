"""The installed `goalbot console`, fed a here-doc as a person would script it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CLI_SOURCE = Path(__file__).parents[2] / "bot" / "cli.py"


def _goalbot_script() -> str:
    script = Path(sys.executable).with_name("goalbot")
    found = str(script) if script.exists() else shutil.which("goalbot")
    if found is None:
        pytest.skip("the goalbot script is not installed (pip install -e '.[dev]')")
    if not CLI_SOURCE.exists() or '"console"' not in CLI_SOURCE.read_text():
        pytest.skip("bot/entrypoints/cli.py has no console verb yet")
    return found


def test_a_here_doc_script_runs_to_the_end(tmp_path):
    goalbot = _goalbot_script()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'goalbot.db'}",
    }
    here_doc = f"""'{goalbot}' console <<'SCRIPT'
:help
/goals help
:quit
/goals list
SCRIPT
"""

    done = subprocess.run(
        ["bash", "-c", here_doc], env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60
    )

    assert done.returncode == 0, done.stdout + done.stderr
    assert ":home" in done.stdout  # the console's own help
    assert done.stdout.count("goalbot (only visible to you):") == 1  # nothing runs after :quit
    assert "you@#general>" not in done.stdout
    assert "Traceback" not in done.stderr
