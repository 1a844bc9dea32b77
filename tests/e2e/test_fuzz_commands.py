"""Arbitrary text at `/goals`: always a clear ephemeral answer, never a 500, never a half-stored goal."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import Goal, Objective
from tests.e2e.helpers import all_text

SUBCOMMANDS = st.sampled_from(
    ["", "new ", "list ", "show ", "update ", "focus ", "edit ", "archive ", "help "]
)
WORDS = st.sampled_from(
    [
        "G1",
        "O1",
        "g0",
        "#G99999999999999999999",
        "csat",
        "from",
        "to",
        "by",
        "because",
        "1,200",
        "85%",
        "-3",
        "nan",
        "2027-02-30",
        "end of June",
        "Q5",
        "\n",
        "`",
        "<!here>",
    ]
)
TEXT = st.builds(
    lambda head, words, tail: head + " ".join(words) + tail,
    SUBCOMMANDS,
    st.lists(WORDS, max_size=8),
    st.text(max_size=80),
)


def _complete(sessions) -> bool:
    """Every stored goal has a metric, a baseline, a target and a due date: nothing half-stored."""
    with sessions() as session:
        goals = session.query(Goal).all()
        return all(
            g.due_date and g.objectives and all(o.metric for o in g.objectives) for g in goals
        ) and all(o.baseline is not None and o.target is not None for o in session.query(Objective).all())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXT)
def test_any_text_gets_an_ephemeral_answer_and_leaves_no_half_stored_goal(bot_server, text):
    status, ack, _ = bot_server.command(text)
    assert status == 200
    assert ack is None or ack.get("response_type") == "ephemeral"
    assert "Traceback" not in all_text(ack)
    assert _complete(bot_server.sessions)
