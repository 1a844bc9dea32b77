"""What goalbot knows about each workspace it serves, apart from its data: its name, its default
time zone, whether its token works, and whether it was uninstalled (and when its data goes).

One row per workspace (team id). Rows are made the first time goalbot meets a workspace (a
command, a tick sending to it, an install); the data rows of other tables do not point here, so a
workspace goalbot knew before this table existed simply gets its row on the next meeting.
"""

import enum
from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, UTCDateTime, string_enum


class WorkspaceState(enum.Enum):
    INSTALLED = "installed"
    UNINSTALLED = "uninstalled"


class Workspace(Base):
    __tablename__ = "workspaces"

    team_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    team_name: Mapped[str | None] = mapped_column(String(255))
    # An IANA name; None: DEFAULT_TIMEZONE.
    default_tz: Mapped[str | None] = mapped_column(String(64))
    state: Mapped[WorkspaceState] = mapped_column(
        string_enum(WorkspaceState), default=WorkspaceState.INSTALLED
    )
    # Set by the first Web API call its token failed (invalid_auth, token_revoked, …); cleared by
    # the next call that works. `token_checked_at`: the latest failure, so a failing workspace is
    # tried again only now and then.
    token_failing_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    token_error: Mapped[str | None] = mapped_column(String(64))
    token_checked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    uninstalled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    purge_after: Mapped[datetime | None] = mapped_column(UTCDateTime())
