"""Claims on the clock's recurring work, so any number of clock processes share it, not repeat it.

A row says "`claimed_by` holds this piece of `job` until `held_until`": an hour's pruning (item:
the hour), one audience's or one person's membership refresh (item: the channel, group or user
id). Nobody else may take it before `held_until`; while the work runs that is a short lease, so
a crashed claimer's work is taken over, and once it is done (`done_at`) it is how long the work
is not to be done again.
"""

from datetime import datetime

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime

# The team_id of a job over every workspace's rows at once (pruning processed events).
EVERY_WORKSPACE = "*"


class JobClaim(Base):
    __tablename__ = "job_claims"
    # ix held_until: pruning forgets claims long past; the key, led by team_id, serves the claims.
    __table_args__ = (Index("ix_job_claims_held_until", "held_until"),)

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    job: Mapped[str] = mapped_column(String(48), primary_key=True)
    item: Mapped[str] = mapped_column(String(64), primary_key=True)
    claimed_by: Mapped[str] = mapped_column(String(64))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    held_until: Mapped[datetime] = mapped_column(UTCDateTime())
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
