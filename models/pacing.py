"""Who sends for a workspace right now, and when its next message may go: the pacing lease.

One row per workspace. A process serving the workspace holds it (`holder`, until `expires_at`,
renewed while it works), so N clock processes together never exceed the workspace's rate. When it
lets go it records `next_send_at`, and a 429 records `paused_until` at once, so whoever sends next
starts where the last sender stopped instead of with a burst.
"""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class WorkspaceLease(Base):
    __tablename__ = "workspace_leases"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str | None] = mapped_column(String(80))
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_send_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
