"""`/goals export [YYYY-MM]` through HTTP: CSV files uploaded to the channel with files_upload_v2
after the ack, named for what they hold; anonymous answers carry no author column."""

import csv
import io

from tests.e2e.helpers import all_text
from tests.fixtures.bot import CHANNEL, MEMBER, OWNER, TEAM
from tests.services.reports.checkin_data import answer, checkin_channel


def _uploaded(standin) -> dict[str, list[list[str]]]:
    standin.wait_for("files.completeUploadExternal")
    return {
        u.filename: list(csv.reader(io.StringIO(u.data.decode())))
        for u in standin.uploads()
        if u.channel_id == CHANNEL
    }


def test_export_uploads_the_channels_csv_files_without_authors_of_anonymous_answers(bot_server, make_goal):
    make_goal()
    checkin_channel(bot_server.sessions, TEAM, CHANNEL, [OWNER, MEMBER, "U_THIRD"], anonymous=True)
    for user in (OWNER, MEMBER, "U_THIRD"):
        answer(bot_server.sessions, TEAM, CHANNEL, user, f"quicker replies {user}"[:17])

    status, ack, _ = bot_server.command("export 2026-11")
    assert status == 200 and "export" in all_text(ack).lower()
    files = _uploaded(bot_server.standin)
    assert sorted(files) == [
        "answers-anonymous-2026-11.csv",
        "followups-2026-11.csv",
        "goals-2026-11.csv",
        "measurements-2026-11.csv",
    ]
    answers = files["answers-anonymous-2026-11.csv"]
    assert answers[0] == ["date", "question", "answer"]
    assert len(answers) > 3 and not any(u in str(answers) for u in (OWNER, MEMBER, "U_THIRD"))
    assert files["goals-2026-11.csv"][1][0] == "G1"


def test_a_bad_month_gets_an_example_and_uploads_nothing(bot_server):
    for text in ("export 2026-13", "export November", "export 2026-11 2026-12"):
        status, ack, _ = bot_server.command(text)
        assert status == 200 and "/goals export 2027-03" in all_text(ack)
    bot_server.standin.settle()
    assert bot_server.standin.uploads() == []


def test_another_workspaces_export_holds_none_of_this_ones_data(bot_server, make_goal):
    make_goal()
    bot_server.command("export", team_id="T2")
    files = _uploaded(bot_server.standin)
    assert files["goals.csv"] == [
        ["goal", "title", "level", "status", "start", "due", "parent", "owner", "why"]
    ]
