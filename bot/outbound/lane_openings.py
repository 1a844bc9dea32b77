"""Which workspaces get a lane next (bot/outbound/lanes.py): those given at the start, then those
the caller's `more` gives while the rows go out (the check-in pass plans a group of workspaces at
a time), opened a group of leases at a time. Lanes calls it under its own lock."""

from collections import deque
from collections.abc import Callable, Container, Sequence

More = Callable[[], Sequence[str] | None]  # the next workspaces with rows due; None: no more will come


class Openings:
    def __init__(self, team_ids: Sequence[str], more: More | None, *, group: int, active: int) -> None:
        self.waiting: deque[str] = deque(dict.fromkeys(team_ids))  # their leases not taken yet
        self.more = more  # asked until it says no more
        self._group, self._active = group, active

    def none_left(self) -> bool:
        """Nothing waits for a lane and nothing more will come."""
        return not self.waiting and self.more is None

    def room(self, open_lanes: int, queued_low: bool) -> int:
        """Lanes to open now, up to `active` open: a whole group (one statement takes them all),
        or a quarter of one when the rows queued would run out before a whole one fits."""
        room = min(len(self.waiting), self._active - open_lanes, self._group)
        least = max(1, self._group // 4) if queued_low else self._group
        return room if room > 0 and room >= min(least, len(self.waiting)) else 0

    def wants_more(self, open_lanes: int) -> bool:
        """Asks for the next workspaces as soon as those waiting are open (planning them is the
        pass's own first job), while there is room for lanes."""
        return self.more is not None and not self.waiting and open_lanes < self._active

    def opened(self, taken: Sequence[str], room: int) -> None:
        """The workspaces whose leases were taken leave the waiting. Fewer taken than there was
        room for: every other one waiting is held by another process, and is left to it."""
        if len(taken) < room:
            self.waiting.clear()
        else:
            opened = set(taken)
            self.waiting = deque(team for team in self.waiting if team not in opened)

    def came(self, teams: Sequence[str] | None, open_lanes: Container[str]) -> list[str]:
        """What `more` gave (None ends it): those without a lane wait for one (one whose lane is
        done opens again); returns those with a lane open, whose new rows go to it."""
        if teams is None:
            self.more = None
            return []
        for team in teams:
            if team not in open_lanes and team not in self.waiting:
                self.waiting.append(team)
        return [team for team in teams if team in open_lanes]
