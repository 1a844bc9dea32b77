"""Whatever arrives as state.values, the readers answer with a draft and errors, never an exception."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.drafts import GoalDraft
from handlers.ids import BlockId, objective_block_id
from handlers.metadata import GoalModalMeta
from handlers.views.goal_form import read_goal_form
from handlers.views.item_modals import read_objective_form, read_strategy_form, read_tactic_form

BLOCK_IDS = [str(block) for block in BlockId] + [
    objective_block_id(row, field) for row in range(3) for field in ("metric", "unit", "baseline", "target")
]
KEYS = ["type", "value", "selected_option", "selected_date", "selected_user", "input"]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.sampled_from([10**400, -(10**400), float("nan"), float("inf")])
    | st.floats()
    | st.text(max_size=30)
    | st.sampled_from(
        ["abc", "78", "1,200", "2027-02-30", "2027-03-31", "20270331", "9" * 400, "annual", "12"]
    )
)
junk = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=8), inner, max_size=5)
    ),
    max_leaves=30,
)
# Shaped like Slack's payload at the top, so the readers get deep into it before meeting junk.
slack_shaped = st.dictionaries(
    st.sampled_from(BLOCK_IDS) | st.text(max_size=8),
    st.dictionaries(st.sampled_from(["input", "other"]), junk, max_size=2) | junk,
    max_size=12,
)
anything = slack_shaped | junk


@settings(max_examples=400, deadline=None)
@given(values=anything, rows=st.integers(min_value=-3, max_value=40))
def test_read_goal_form_never_raises(values, rows):
    meta = GoalModalMeta(objective_rows=rows)
    draft, errors = read_goal_form(values, meta)
    assert isinstance(draft, GoalDraft)
    assert draft.start_date is None
    assert len(draft.objectives) <= max(rows, 0)
    assert all(isinstance(block, str) and len(message) <= 150 for block, message in errors.items())


@settings(max_examples=200, deadline=None)
@given(values=anything)
def test_item_readers_never_raise(values):
    for read in (read_objective_form, read_strategy_form, read_tactic_form):
        *_, errors = read(values)
        assert all(len(message) <= 150 for message in errors.values())
