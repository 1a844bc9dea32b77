from bot.domain.reports.themes import MAX_WORD_LENGTH, ThemeAnswer, answer_words, find_themes, theme_words


def test_words_need_four_letters_no_stop_words_and_fold_plurals():
    assert theme_words("The queues are so LONG, and delays; we wait. Status of process?") == {
        "queue",
        "long",
        "delay",
        "wait",
        "status",
        "process",
    }


def test_a_word_becomes_a_theme_when_three_different_people_use_it():
    answers = [
        ThemeAnswer("U1", "Long queues at lunch"),
        ThemeAnswer("U1", "Queues again, long queues"),
        ThemeAnswer("U2", "the queue was long"),
        ThemeAnswer("U3", "lunch queue"),
    ]
    themes = {(t.label, t.people) for t in find_themes(answers)}
    assert themes == {("queue", 3)}  # "long" and "lunch" have only two people each


def test_anonymous_answers_with_their_own_keys_never_merge():
    answers = [ThemeAnswer(f"anon:{n}", "refund delays") for n in range(3)]
    assert [t.label for t in find_themes(answers)] == ["delay", "refund"]
    assert find_themes(answers[:2]) == []


def test_categories_are_themes_too_and_come_first_on_a_tie():
    answers = [ThemeAnswer(f"U{n}", "slow refund", category="service") for n in range(3)]
    themes = find_themes(answers)
    assert [(t.label, t.is_category) for t in themes] == [
        ("service", True),
        ("refund", False),
        ("slow", False),
    ]


def test_an_answers_words_come_from_both_texts_and_overlong_words_are_left_out():
    longest, too_long = "a" * MAX_WORD_LENGTH, "b" * (MAX_WORD_LENGTH + 1)
    assert answer_words("Refunds", f"printer {longest} {too_long}") == {"refund", "printer", longest}
    assert answer_words(None, None) == set()
