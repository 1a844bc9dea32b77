"""Cutting a list to a size on purpose, and remembering how many were left out ("and 12 more")."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Cut(Generic[T]):
    shown: tuple[T, ...]
    more: int = 0  # how many were left out; the view says "and N more" when above 0

    @property
    def total(self) -> int:
        return len(self.shown) + self.more


def cut_to(items: Sequence[T], size: int | None) -> Cut[T]:
    """The first `size` items (all when size is None); a negative size is a caller's bug."""
    if size is None:
        return Cut(tuple(items))
    if size < 0:
        raise ValueError(f"cannot show {size} items")
    return Cut(tuple(items[:size]), max(0, len(items) - size))
