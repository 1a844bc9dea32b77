import re
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.commands import (
    SUBCOMMANDS,
    Archive,
    Edit,
    Focus,
    FollowupCommand,
    GoalsCommand,
    Help,
    Invalid,
    ListGoals,
    New,
    Restore,
    Show,
    Unknown,
    help_lines,
    parse_goals_command,
)
from bot.domain.update_command import UndoUpdate, Update

COMMAND_TYPES = (
    Help,
    New,
    ListGoals,
    Show,
    Update,
    UndoUpdate,
    Focus,
    Edit,
    Archive,
    Restore,
    Unknown,
    Invalid,
    # `/goals reminders|digest|report …` and `/goals followups|export …` parse here too.
    *get_args(GoalsCommand),
    *get_args(FollowupCommand),
)


@pytest.mark.parametrize("text", ["", "   ", "help", "HELP", " Help me please "])
def test_help(text):
    assert parse_goals_command(text) == Help()


@pytest.mark.parametrize(
    ("text", "goal_text"),
    [
        ("new", ""),
        ("NEW   ", ""),
        ("new Raise CSAT from 78 to 85", "Raise CSAT from 78 to 85"),
        ("  new\tRaise CSAT\n by Q2 ", "Raise CSAT\n by Q2"),
    ],
)
def test_new_keeps_the_goal_text(text, goal_text):
    assert parse_goals_command(text) == New(text=goal_text)


def test_list():
    assert parse_goals_command("list") == ListGoals()
    assert parse_goals_command(" LIST ") == ListGoals()


def test_list_takes_a_page_and_archived():
    assert parse_goals_command("list 2") == ListGoals(page=2)
    assert parse_goals_command("list archived") == ListGoals(archived=True)
    assert parse_goals_command("list Archived 3") == ListGoals(page=3, archived=True)


@pytest.mark.parametrize("arguments", ["x", "0", "-1", "2 3", "archived x", "2 archived", "1.5", "100001"])
def test_list_with_junk_says_what_to_type(arguments):
    result = parse_goals_command(f"list {arguments}")
    assert isinstance(result, Invalid)
    assert "`/goals list 2`" in result.message and "`/goals list archived`" in result.message


@pytest.mark.parametrize(
    ("word", "command"),
    [("show", Show), ("edit", Edit), ("archive", Archive), ("restore", Restore), ("focus", Focus)],
)
@pytest.mark.parametrize("goal", ["G12", "g12", "#G12", "12", "#12"])
def test_goal_id_commands(word, command, goal):
    assert parse_goals_command(f"{word.upper()}  {goal} ") == command(goal_id=12)


@pytest.mark.parametrize("word", ["show", "edit", "archive", "restore", "focus"])
@pytest.mark.parametrize("argument", ["", "G0", "abc", "G" + "1" * 41])
def test_goal_id_commands_without_a_usable_id_say_what_to_type(word, argument):
    result = parse_goals_command(f"{word} {argument}")
    assert result == Invalid(f"`/goals {word}` needs a goal id such as `G12`. Run `/goals list` to see ids.")


@pytest.mark.parametrize("word", ["show", "edit", "archive", "focus"])
def test_goal_id_commands_with_two_ids_say_they_take_one(word):
    result = parse_goals_command(f"{word} G12 G13")
    assert isinstance(result, Invalid)
    assert result.message.startswith(f"`/goals {word}` takes one goal id, e.g. `/goals {word} G12`")


@pytest.mark.parametrize(
    ("argument", "kind"), [("O7", "an objective"), ("s2", "a strategy"), ("#T3", "a tactic")]
)
def test_other_kinds_of_id_are_named(argument, kind):
    result = parse_goals_command(f"show {argument}")
    assert isinstance(result, Invalid)
    assert result.message.startswith(f"`{argument.strip('#').upper()}` is {kind} id.")
    assert "`G12`" in result.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("update O7 82 after the weekend push", Update("O7", 7, 82, "after the weekend push")),
        ("UPDATE #o7 82", Update("O7", 7, 82, None)),
        ("update O7 85%", Update("O7", 7, 85, None)),
        ("update repeat orders 1,200 great week", Update("repeat orders", None, 1200, "great week")),
        ("update   CSAT   -4.5  ", Update("CSAT", None, -4.5, None)),
        ("update revenue $1.2k up 3 points", Update("revenue", None, 1200, "up 3 points")),
    ],
)
def test_update(text, expected):
    assert parse_goals_command(text) == expected


@pytest.mark.parametrize(
    "text", ["update O7", "update O7 lots", "update repeat orders", "update repeat orders lots"]
)
def test_update_without_a_number(text):
    assert parse_goals_command(text) == Invalid(
        "`/goals update` needs a number after the objective, "
        "e.g. `/goals update O7 82 after the weekend push`"
    )


@pytest.mark.parametrize("text", ["update", "update 82", "update G3 82", "update s1 5"])
def test_update_without_an_objective(text):
    result = parse_goals_command(text)
    assert isinstance(result, Invalid)
    assert "`/goals update O7 82 after the weekend push`" in result.message


def test_unknown_word_is_echoed_as_typed_and_shortened():
    assert parse_goals_command("Frobnicate G12") == Unknown("Frobnicate")
    long_word = parse_goals_command("x" * 500)
    assert isinstance(long_word, Unknown) and len(long_word.word) <= 40 and long_word.word.endswith("…")


def test_help_lines_cover_every_subcommand_with_an_example():
    lines = help_lines()
    commands = [re.match(r"`/goals (\w+)", line)[1] for line in lines]
    assert commands == [
        *["new", "list", "show", "update", "focus", "edit", "archive", "restore"],
        *["focus", "reminders", "digest", "report", "settings"],
        *["followups", "export"],
        "help",
    ]
    assert all(" — " in line for line in lines)
    for line in lines:
        example = re.match(r"`(/goals [^`]*)`", line)[1].removeprefix("/goals ").replace("…", "")
        assert not isinstance(parse_goals_command(example), Invalid | Unknown), example


@given(st.text())
def test_parse_goals_command_never_raises(text):
    assert isinstance(parse_goals_command(text), COMMAND_TYPES)


_WORDS = st.sampled_from(
    [
        "new",
        "list",
        "show",
        "update",
        "focus",
        "edit",
        "archive",
        "restore",
        "help",
        "G12",
        "O7",
        "#t3",
        "12",
        "82",
        "85%",
        "1,200",
        "$1.2k",
        "CSAT",
        "orders",
        "nan",
        "-",
        "G0",
        "O" + "9" * 30,
    ]
)


@given(st.lists(_WORDS, max_size=6).map(" ".join))
def test_command_like_word_soup_never_raises(text):
    result = parse_goals_command(text)
    assert isinstance(result, COMMAND_TYPES)
    if isinstance(result, Show | Edit | Archive | Restore | Focus):
        assert result.goal_id in (12, 82)  # the only goal ids in the soup: "G12", "12", "82"
    if isinstance(result, Update):
        assert result.target and (result.note is None or result.note.strip())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("update O1 1 000", Update("O1", 1, 1000, None)),
        ("update O1 1 000 000 big week", Update("O1", 1, 1_000_000, "big week")),
        ("update O1 1\u00a0000", Update("O1", 1, 1000, None)),
        ("update O1 $12 500.50 after promo", Update("O1", 1, 12500.5, "after promo")),
        ("update repeat orders 1 200", Update("repeat orders", None, 1200, None)),
        ("update O1 1200 000", Update("O1", 1, 1200, "000")),  # 1200 is no leading group
        ("update O1 80 100 calls", Update("O1", 1, 80100, "calls")),
    ],
)
def test_update_reads_space_grouped_thousands_as_one_number(text, expected):
    assert parse_goals_command(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("update O1 undo", UndoUpdate("O1", 1)),
        ("update o7 UNDO", UndoUpdate("O7", 7)),
        ("update repeat orders undo", UndoUpdate("repeat orders", None)),
    ],
)
def test_update_undo(text, expected):
    assert parse_goals_command(text) == expected


def test_undo_after_a_number_is_a_note_not_an_undo():
    assert parse_goals_command("update CSAT 80 undo") == Update("CSAT", None, 80, "undo")
    assert parse_goals_command("update O1 80 undo") == Update("O1", 1, 80, "undo")


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [("shwo", "show"), ("lsit", "list"), ("UDPATE", "update"), ("resotre", "restore"), ("frobnicate", None)],
)
def test_an_unknown_subcommand_suggests_the_closest_one(typed, suggestion):
    parsed = parse_goals_command(f"{typed} G12")
    assert parsed == Unknown(typed, suggestion)


def test_every_suggested_subcommand_is_one_the_grammar_knows():
    assert all(not isinstance(parse_goals_command(f"{word} G12"), Unknown) for word in SUBCOMMANDS)
