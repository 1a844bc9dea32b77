import enum


class GoalLevel(enum.StrEnum):
    ANNUAL = "annual"
    QUARTERLY = "quarterly"
    MONTHLY = "monthly"


class GoalStatus(enum.StrEnum):
    ACTIVE = "active"
    DONE = "done"
    ARCHIVED = "archived"


class Direction(enum.StrEnum):
    UP = "up"
    DOWN = "down"


class PaceStatus(enum.StrEnum):
    """Ordered weakest-last so a goal can take the weakest status of its objectives."""

    ACHIEVED = "achieved"
    ON_TRACK = "on track"
    AT_RISK = "at risk"
    OFF_TRACK = "off track"
    NO_DATA = "no data"

    @property
    def rank(self) -> int:
        # NO_DATA never outranks a real signal: a goal with one measured objective shows that.
        # ACHIEVED ranks with ON_TRACK: one met objective beside an unmeasured one is "on track",
        # and `pacing.weakest` calls a goal achieved only when every objective is.
        return {"achieved": 1, "on track": 1, "at risk": 2, "off track": 3, "no data": 0}[self.value]


class SmartPart(enum.StrEnum):
    SPECIFIC = "specific"
    MEASURABLE = "measurable"
    ACHIEVABLE = "achievable"
    RELEVANT = "relevant"
    TIME_BOUND = "time-bound"
