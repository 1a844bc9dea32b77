"""The base of every refusal, and the refusals any use case may raise."""

from dataclasses import dataclass
from dataclasses import field as dataclass_field


@dataclass(eq=False)
class ServiceError(Exception):
    """Base for refusals that go back to the person as an ephemeral message or a form error."""

    field: str | None = dataclass_field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        # str() shows the facts (for logs and tests), never a sentence meant for a person.
        Exception.__init__(self, repr(self))


@dataclass(eq=False)
class NoWorkspace(ServiceError):
    """The request names no team or enterprise, so nothing can be scoped."""


@dataclass(eq=False)
class StaleForm(ServiceError):
    """The form was built from rows that have changed since; nothing was stored."""


@dataclass(eq=False)
class TextTooLong(ServiceError):
    """Nothing was stored: the text in `field` is `length` characters, over its `limit`."""

    limit: int
    length: int
