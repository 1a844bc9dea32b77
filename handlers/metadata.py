"""Typed `private_metadata` for each modal: what the submission needs to know about where it came from."""

from typing import Literal

from pydantic import BaseModel, ConfigDict


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel_id: str | None = None

    def dump(self) -> str:
        return self.model_dump_json(exclude_none=True)

    @classmethod
    def load(cls, raw: str | None):
        """Raises pydantic.ValidationError on a tampered or foreign payload."""
        return cls.model_validate_json(raw or "{}")


class GoalModalMeta(_Meta):
    mode: Literal["new", "edit"] = "new"
    goal_id: int | None = None
    # Ids of the existing objectives shown as rows 0..n-1 when editing.
    objective_ids: list[int] = []
    # Rows of objective inputs the form shows.
    objective_rows: int = 1
    # The parent when the form opened, kept when "Part of" comes back empty.
    parent_id: int | None = None


class ObjectiveModalMeta(_Meta):
    goal_id: int


class StrategyModalMeta(_Meta):
    goal_id: int


class TacticModalMeta(_Meta):
    goal_id: int
    strategy_id: int


class UpdateObjectiveModalMeta(_Meta):
    objective_id: int
