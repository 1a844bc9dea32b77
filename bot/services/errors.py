"""What a use case can refuse, in words a person can act on."""

from collections.abc import Sequence

from bot.domain.drafts import SmartProblem


class ServiceError(Exception):
    """Base for refusals that go back to the person as an ephemeral message."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(ServiceError):
    pass


class NotAllowed(ServiceError):
    pass


class InvalidInput(ServiceError):
    pass


class Ambiguous(ServiceError):
    pass


class SmartIncomplete(ServiceError):
    """Nothing was stored: the draft still misses SMART parts."""

    def __init__(self, problems: Sequence[SmartProblem]):
        super().__init__("The goal is not SMART yet: " + "; ".join(p.hint for p in problems))
        self.problems = tuple(problems)
