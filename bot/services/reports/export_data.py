"""The rows of an export (`/goals export`, `goalbot export`), read in a few set-based queries.

Each query is scoped by team (and channel when given) and by the month's dates, so the work grows
with what is exported, not with the history. Anonymous answers come only from days where at least
the schedule's minimum answered (as everywhere anonymous results are shown), with their date only.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from bot.domain.dates import month_end
from bot.domain.followups.due import DEFAULT_DUE_HOURS, due_at
from bot.domain.refs import RefKind, format_ref
from bot.domain.reports.export import CsvFile, export_files
from bot.domain.reports.export_rows import AnswerRow, FollowupRow, GoalRow, MeasurementRow
from bot.services.followups.read_models import opened_at, shown_to_people
from models.answers import AnonymousAnswer, Answer
from models.checkins import Schedule
from models.followups import FollowUp, FollowupSettings
from models.goals import Goal, Measurement, Objective

QUESTIONS = (
    ("confidence", "Confidence (1-5)"),
    ("expectations", "What do customers expect of us that we're not delivering?"),
    ("obstacles", "What's getting in the way?"),
)
CATEGORY_QUESTION = "Category"


@dataclass(frozen=True)
class ExportScope:
    team_id: str
    channel_id: str | None = None  # None: the whole workspace
    month: date | None = None  # the first day of the month; None: everything

    @property
    def label(self) -> str | None:
        return self.month.strftime("%Y-%m") if self.month else None


def export_csv_files(sessions: sessionmaker[Session], scope: ExportScope) -> list[CsvFile]:
    with sessions() as session:
        return export_files(
            scope.label,
            list(_goals(session, scope)),
            list(_measurements(session, scope)),
            [*_named_answers(session, scope), *_anonymous_answers(session, scope)],
            list(_followups(session, scope)),
        )


def _dates(query: Select, column, scope: ExportScope) -> Select:
    if scope.month is None:
        return query
    return query.where(column >= scope.month, column <= month_end(scope.month))


def _goals(session: Session, scope: ExportScope) -> Iterator[GoalRow]:
    query = select(Goal).where(Goal.team_id == scope.team_id)
    if scope.channel_id:
        query = query.where(Goal.channel_id == scope.channel_id)
    if scope.month is not None:  # goals running at some point in the month
        query = query.where(Goal.start_date <= month_end(scope.month), Goal.due_date >= scope.month)
    for goal in session.scalars(query.order_by(Goal.id)):
        parent = format_ref(RefKind.GOAL, goal.parent_id) if goal.parent_id else None
        yield GoalRow(
            format_ref(RefKind.GOAL, goal.id),
            goal.title,
            goal.level.value,
            goal.status.value,
            goal.start_date,
            goal.due_date,
            parent,
            goal.owner_id,
            goal.why,
        )


def _measurements(session: Session, scope: ExportScope) -> Iterator[MeasurementRow]:
    query = (
        select(Measurement, Objective, Goal.id)
        .join(Objective, Objective.id == Measurement.objective_id)
        .join(Goal, Goal.id == Objective.goal_id)
        .where(Measurement.team_id == scope.team_id, Measurement.undone_at.is_(None))
    )
    if scope.channel_id:
        query = query.where(Goal.channel_id == scope.channel_id)
    query = _dates(query, Measurement.recorded_on, scope)
    for m, o, goal_id in session.execute(query.order_by(Measurement.recorded_on, Measurement.id)):
        yield MeasurementRow(
            format_ref(RefKind.GOAL, goal_id),
            format_ref(RefKind.OBJECTIVE, o.id),
            o.metric,
            o.unit,
            o.baseline,
            o.target,
            m.recorded_on,
            m.value,
            m.user_id,
        )


def _schedule_filter(query: Select, scope: ExportScope) -> Select:
    return query.where(Schedule.channel_id == scope.channel_id) if scope.channel_id else query


def _named_answers(session: Session, scope: ExportScope) -> Iterator[AnswerRow]:
    query = (
        select(Answer)
        .join(Schedule, Schedule.id == Answer.schedule_id)
        .where(Answer.team_id == scope.team_id)
    )
    query = _dates(_schedule_filter(query, scope), Answer.local_date, scope)
    for a in session.scalars(query.order_by(Answer.local_date, Answer.id)):
        for attribute, question in QUESTIONS:
            value = getattr(a, attribute)
            if value is not None:
                category = a.category.value if a.category else None
                yield AnswerRow(
                    a.local_date, question, str(value), category, False, a.user_id, a.answered_at, a.late
                )


def _anonymous_answers(session: Session, scope: ExportScope) -> Iterator[AnswerRow]:
    other = aliased(AnonymousAnswer)
    answered = (
        select(func.count())
        .where(
            other.team_id == AnonymousAnswer.team_id,
            other.schedule_id == AnonymousAnswer.schedule_id,
            other.local_date == AnonymousAnswer.local_date,
        )
        .scalar_subquery()
    )
    query = (
        select(AnonymousAnswer)
        .join(Schedule, Schedule.id == AnonymousAnswer.schedule_id)
        .where(AnonymousAnswer.team_id == scope.team_id, answered >= Schedule.min_answers)
    )
    query = _dates(_schedule_filter(query, scope), AnonymousAnswer.local_date, scope)
    # Each answered question is a row of its own (the category too); export.py sorts them by
    # content, so neither the random id nor the order of insertion reaches the file.
    for a in session.scalars(query):
        if a.category is not None:
            yield AnswerRow(a.local_date, CATEGORY_QUESTION, a.category.value, anonymous=True)
        for attribute, question in QUESTIONS:
            value = getattr(a, attribute)
            if value is not None:
                yield AnswerRow(a.local_date, question, str(value), anonymous=True)


def _followups(session: Session, scope: ExportScope) -> Iterator[FollowupRow]:
    """Follow-ups a person may see (an anonymous one once its post is out of the hold), opened
    when they opened (an anonymous one: its post) and due when their post said."""
    settings = and_(
        FollowupSettings.team_id == FollowUp.team_id, FollowupSettings.channel_id == FollowUp.channel_id
    )
    query = (
        select(FollowUp, FollowupSettings.due_hours)
        .outerjoin(FollowupSettings, settings)
        .where(FollowUp.team_id == scope.team_id, shown_to_people())
    )
    if scope.channel_id:
        query = query.where(FollowUp.channel_id == scope.channel_id)
    query = _dates(query, FollowUp.local_date, scope)
    for f, hours in session.execute(query.order_by(FollowUp.local_date, FollowUp.id)):
        yield FollowupRow(
            f"F{f.id}",
            f.description,
            opened_at(f),
            f.due_at or due_at(opened_at(f), hours or DEFAULT_DUE_HOURS),
            f.status.value.replace("_", " "),
            f.owner_id,
            f.resolved_at,
            f.resolution_note,
        )


def workspace_known(sessions: sessionmaker[Session], team_id: str) -> bool:
    """Whether the database holds anything of this workspace (a goal, a schedule or a follow-up)."""
    with sessions() as session:
        for model in (Goal, Schedule, FollowUp):
            if session.scalar(select(model.id).where(model.team_id == team_id).limit(1)) is not None:
                return True
    return False
