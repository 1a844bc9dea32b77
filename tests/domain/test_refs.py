import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.refs import Ref, RefKind, format_ref, parse_ref


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("G12", Ref(RefKind.GOAL, 12)),
        ("g12", Ref(RefKind.GOAL, 12)),
        ("#G12", Ref(RefKind.GOAL, 12)),
        ("  #o7 ", Ref(RefKind.OBJECTIVE, 7)),
        ("S2", Ref(RefKind.STRATEGY, 2)),
        ("t3", Ref(RefKind.TACTIC, 3)),
        ("G" + "9" * 18, Ref(RefKind.GOAL, int("9" * 18))),
        # Too big for any row, but still an id: the lookup says it is unknown (models/queries.py).
        ("G1" + "0" * 24, Ref(RefKind.GOAL, 10**24)),
    ],
)
def test_parse_ref_reads_kind_and_id(text, expected):
    assert parse_ref(text) == expected


@pytest.mark.parametrize(
    "text", ["", "12", "G", "G0", "G-1", "X12", "G12x", "G 12", "##G12", "G" + "1" * 41, "G١٢", "G1.5"]
)
def test_parse_ref_rejects_everything_else(text):
    assert parse_ref(text) is None


def test_bare_number_needs_a_kind():
    assert parse_ref("12") is None
    assert parse_ref("12", RefKind.GOAL) == Ref(RefKind.GOAL, 12)
    assert parse_ref("#12", RefKind.OBJECTIVE) == Ref(RefKind.OBJECTIVE, 12)


def test_wrong_kind_is_rejected_when_kind_is_given():
    assert parse_ref("O7", RefKind.GOAL) is None
    assert parse_ref("O7", RefKind.OBJECTIVE) == Ref(RefKind.OBJECTIVE, 7)


@given(st.sampled_from(list(RefKind)), st.integers(min_value=1, max_value=10**18 - 1))
def test_format_then_parse_round_trips(kind, number):
    text = format_ref(kind, number)
    assert text == f"{kind.value}{number}"
    assert parse_ref(text) == Ref(kind, number)
    assert parse_ref(text.lower(), kind) == Ref(kind, number)


@given(st.text(), st.sampled_from([None, *RefKind]))
def test_parse_ref_never_raises(text, kind):
    result = parse_ref(text, kind)
    assert result is None or (isinstance(result, Ref) and result.id >= 1)
