"""The migrations that move data: rows stored at an older revision come through upgrading (and,
where a revision goes back, downgrading) with what the newer schema expects of them."""

from datetime import UTC, datetime

from sqlalchemy import Engine, inspect

from models.migrate import downgrade, upgrade


def test_0002_gives_existing_measurements_their_utc_date_and_keeps_them(empty_engine: Engine) -> None:
    from sqlalchemy import text

    upgrade(empty_engine, "0001_initial")
    with empty_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO goals (id, team_id, title, owner_id, level, start_date, due_date, status, "
                "created_at) VALUES (1, 'T1', 'g', 'U1', 'annual', '2027-01-01', '2027-12-31', 'active', "
                ":at)"
            ),
            {"at": datetime(2027, 1, 1, tzinfo=UTC)},
        )
        connection.execute(
            text(
                "INSERT INTO objectives (id, team_id, goal_id, metric, baseline, target, direction, "
                "due_date) VALUES (1, 'T1', 1, 'CSAT', 78, 85, 'up', '2027-12-31')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO measurements (team_id, objective_id, value, user_id, recorded_at) "
                "VALUES ('T1', 1, 80, 'U1', :at)"
            ),
            {"at": datetime(2027, 3, 31, 23, 30, tzinfo=UTC)},
        )

    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        row = connection.execute(text("SELECT value, recorded_on, undone_at FROM measurements")).one()
    assert (row[0], str(row[1]), row[2]) == (80, "2027-03-31", None)


def _store_answers(empty_engine: Engine) -> None:
    """A schedule, a named and an anonymous answer, written as plain rows (any revision from 0005)."""
    from sqlalchemy import text

    at = datetime(2027, 3, 1, 8, tzinfo=UTC)
    with empty_engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO checkin_schedules (id, team_id, channel_id, owner_id, audience_id, "
                "excluded_user_ids, weekdays, local_time, window_minutes, reminder_count, "
                "reminder_after_minutes, anonymous, min_answers, objective_ids, ask_confidence, "
                "ask_expectations, ask_obstacles, ask_category, ask_follow_up, active, created_at, "
                "starts_at) VALUES (1, 'T1', 'C1', 'U0', 'C1', '[]', 'mon', '09:00:00', 240, 1, 120, "
                "false, 3, '[]', true, true, true, true, true, true, :at, :at)"
            ),
            {"at": at},
        )
        connection.execute(
            text(
                "INSERT INTO checkin_answers (team_id, schedule_id, user_id, local_date, answered_at, "
                "late, expectations, obstacles) VALUES ('T1', 1, 'U1', '2027-03-01', :at, false, "
                "'Refunds', 'the printer jammed')"
            ),
            {"at": at},
        )
        connection.execute(
            text(
                "INSERT INTO anonymous_answers (id, team_id, schedule_id, local_date, late, obstacles) "
                "VALUES ('a1b2', 'T1', 1, '2027-03-02', false, 'Queues, queues')"
            )
        )


def test_0006_fills_answer_words_from_the_answers_already_stored(empty_engine: Engine) -> None:
    from sqlalchemy import text

    upgrade(empty_engine, "0005_reports")
    _store_answers(empty_engine)

    upgrade(empty_engine, "0006_answer_words")

    with empty_engine.connect() as connection:
        rows = connection.execute(
            text("SELECT person_key, CAST(local_date AS VARCHAR(10)), word, anonymous FROM answer_words")
        ).all()
    assert {(key, day, word, bool(anonymous)) for key, day, word, anonymous in rows} == {
        ("U1", "2027-03-01", "refund", False),
        ("U1", "2027-03-01", "printer", False),
        ("U1", "2027-03-01", "jammed", False),
        ("a1b2", "2027-03-02", "queue", True),
    }


def test_0007_tallies_the_answers_already_stored_and_goes_back_to_answer_words(empty_engine: Engine) -> None:
    from sqlalchemy import text

    upgrade(empty_engine, "0006_answer_words")
    _store_answers(empty_engine)

    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        tallies = connection.execute(
            text(
                "SELECT period, kind, theme, named_people, named_answers, anonymous_answers "
                "FROM theme_tallies"
            )
        ).all()
        people = connection.execute(text("SELECT person_key, period, theme FROM theme_people")).all()
        assert "answer_words" not in inspect(connection).get_table_names()
    by_month = {
        (kind, theme): tuple(counts) for period, kind, theme, *counts in tallies if period == "2027-03"
    }
    assert by_month == {
        ("answer", ""): (1, 1, 1),
        ("word", "refund"): (1, 1, 0),
        ("word", "printer"): (1, 1, 0),
        ("word", "jammed"): (1, 1, 0),
        ("word", "queue"): (0, 0, 1),
    }
    assert {period for period, *_ in tallies} == {"2027-03", "2027-W09"}
    assert {key for key, _, _ in people} == {"U1"}  # the anonymous answer is counted, never keyed

    downgrade(empty_engine, "0006_answer_words")

    with empty_engine.connect() as connection:
        words = connection.execute(text("SELECT person_key, word, anonymous FROM answer_words")).all()
    assert {(key, word, bool(anonymous)) for key, word, anonymous in words} == {
        ("U1", "refund", False),
        ("U1", "printer", False),
        ("U1", "jammed", False),
        ("a1b2", "queue", True),
    }


def test_0011_tallies_stored_confidences_and_gives_snapshots_their_kind(empty_engine: Engine) -> None:
    from sqlalchemy import text

    upgrade(empty_engine, "0009_list_versions")
    _store_answers(empty_engine)
    with empty_engine.begin() as connection:
        connection.execute(text("UPDATE checkin_answers SET confidence = 4"))
        connection.execute(text("UPDATE anonymous_answers SET confidence = 2"))
        for objective_id, period in ((1, "2027-W09"), (2, "2027-02")):
            connection.execute(
                text(
                    "INSERT INTO digest_snapshots (team_id, channel_id, objective_id, value, period, "
                    "recorded_at) VALUES ('T1', 'C1', :objective, 80, :period, :at)"
                ),
                {"objective": objective_id, "period": period, "at": datetime(2027, 3, 1, tzinfo=UTC)},
            )

    upgrade(empty_engine)

    with empty_engine.connect() as connection:
        tallies = connection.execute(
            text(
                "SELECT period, theme, named_people, named_answers, anonymous_answers FROM theme_tallies "
                "WHERE kind = 'confidence'"
            )
        ).all()
        people = connection.execute(
            text("SELECT person_key, theme FROM theme_people WHERE kind = 'confidence'")
        )
        kinds = connection.execute(text("SELECT objective_id, kind FROM digest_snapshots")).all()
    assert sorted(tuple(t) for t in tallies) == [
        ("2027-03", "2", 0, 0, 1),
        ("2027-03", "4", 1, 1, 0),
        ("2027-W09", "2", 0, 0, 1),
        ("2027-W09", "4", 1, 1, 0),
    ]
    assert {tuple(p) for p in people} == {("U1", "4")}  # the anonymous answer is counted, never keyed
    assert sorted(tuple(k) for k in kinds) == [(1, "week"), (2, "month")]

    downgrade(empty_engine, "0009_list_versions")

    with empty_engine.connect() as connection:
        left = connection.execute(
            text("SELECT count(*) FROM theme_tallies WHERE kind = 'confidence'")
        ).scalar()
        snapshots = connection.execute(text("SELECT count(*) FROM digest_snapshots")).scalar()
    assert left == 0 and snapshots == 2
