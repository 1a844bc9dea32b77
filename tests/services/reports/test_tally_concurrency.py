"""Answers given at the same moment all count: the tallies grow by additive upserts, never by a
read then a write, and rows are written in one key order, so PostgreSQL never deadlocks them."""

import threading
from datetime import date

from sqlalchemy import select

from bot.domain.reports.tally_marks import answer_marks
from bot.services.reports.tally_writes import retally_answer
from models.theme_tallies import ThemePerson, ThemeTally
from tests.services.factories import TEAM
from tests.services.reports import seed

PEOPLE = 8
DAY = date(2027, 3, 2)


def test_people_answering_at_once_are_all_counted(sessions):
    schedule_id = seed.schedule(sessions)
    texts = ["printer jammed at lunch", "lunch queue, printer jammed"]  # the same words, other orders
    start = threading.Barrier(PEOPLE)
    failures: list[BaseException] = []

    def answer(n: int) -> None:
        try:
            with sessions.begin() as session:
                start.wait(timeout=10)
                retally_answer(
                    session,
                    team_id=TEAM,
                    schedule_id=schedule_id,
                    local_date=DAY,
                    person_key=f"U{n}",
                    before=frozenset(),
                    after=answer_marks("service", None, texts[n % 2]),
                )
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=answer, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not failures
    with sessions() as session:
        month = {
            (kind, theme): (people, answers)
            for kind, theme, people, answers in session.execute(
                select(
                    ThemeTally.kind, ThemeTally.theme, ThemeTally.named_people, ThemeTally.named_answers
                ).where(ThemeTally.period == "2027-03")
            )
        }
        assert session.scalar(select(ThemePerson.uses).where(ThemePerson.person_key == "U3").limit(1)) == 1
    assert month[("word", "printer")] == (PEOPLE, PEOPLE)
    assert month[("word", "queue")] == (PEOPLE // 2, PEOPLE // 2)
    assert month[("category", "service")] == (PEOPLE, PEOPLE)
    assert month[("answer", "")] == (PEOPLE, PEOPLE)
