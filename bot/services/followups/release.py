"""Anonymous follow-ups become follow-ups when their post may go out (the day after their
check-in, `followups_views.latest_anonymous_date_to_post`), all of a day's at once, in order of
channel and text: their ids, refs ("F12") and posts then say nothing of who answered first.

The held rows are taken with DELETE … RETURNING, so of two ticks at once only one gets each.
"""

from datetime import datetime
from typing import cast

from sqlalchemy import Table, delete
from sqlalchemy.orm import Session

from bot.domain.checkins.enums import FollowUpStatus
from bot.services.followups.read_models import latest_anonymous_date_to_post
from models.answers import AnonymousFlag
from models.followups import FollowUp

_FLAGS = cast(Table, AnonymousFlag.__table__)


def release_anonymous_flags(session: Session, now: datetime) -> int:
    released = session.execute(
        delete(_FLAGS)
        .where(_FLAGS.c.local_date <= latest_anonymous_date_to_post(now))
        .returning(
            _FLAGS.c.team_id,
            _FLAGS.c.local_date,
            _FLAGS.c.channel_id,
            _FLAGS.c.description,
            _FLAGS.c.schedule_id,
        )
    ).all()
    for team_id, local_date, channel_id, description, schedule_id in sorted(released):
        session.add(
            FollowUp(
                team_id=team_id,
                channel_id=channel_id,
                schedule_id=schedule_id,
                local_date=local_date,
                description=description,
                status=FollowUpStatus.OPEN,
            )
        )
    session.flush()
    return len(released)
