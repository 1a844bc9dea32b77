"""Where `goalbot console`'s clock stood when its session ended, kept with the console's data.

The console moves its clock forward (`:at`); the check-ins and digests it made then are dated
by that clock, so the next session resumes from it instead of going back to the real time.
"""

from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime


class ConsoleTime(Base):
    __tablename__ = "console_clocks"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    instant: Mapped[datetime] = mapped_column(UTCDateTime())
