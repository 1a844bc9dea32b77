"""`/goals report` in the console: the digest, its thread, and the chart saved as a PNG file."""

import re
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n"


def test_report_shows_the_digest_and_its_thread_and_saves_the_chart(run_script, tmp_path, monkeypatch):
    monkeypatch.setenv("GOALBOT_CONSOLE_FILES", str(tmp_path / "files"))
    status, out = run_script(
        """
        /goals new Raise CSAT from 78 to 85 by 2026-12-31 because happy customers come back
        /goals update O1 80
        /goals report month
        """
    )
    assert status == 0
    assert "Progress digest · January 2026" in out
    assert "(in a thread)" in out and "Goals and objectives" in out and "Raise CSAT" in out
    saved = re.search(r"saved to (\S+\.png)", out)
    assert saved, out
    assert Path(saved.group(1)).read_bytes().startswith(PNG)
