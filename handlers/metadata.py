"""Typed `private_metadata` for each modal: what the submission needs to know about where it came from."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from bot.domain.limits import MAX_ID

# A row id as a database can hold it: a bigger or negative number means a tampered form.
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]


class _Meta(BaseModel):
    model_config = ConfigDict(extra="forbid")

    channel_id: Annotated[str, Field(max_length=32)] | None = None

    def dump(self) -> str:
        return self.model_dump_json(exclude_none=True)

    @classmethod
    def load(cls, raw: str | None):
        """Raises pydantic.ValidationError on a tampered or foreign payload."""
        return cls.model_validate_json(raw or "{}")


class GoalModalMeta(_Meta):
    mode: Literal["new", "edit"] = "new"
    goal_id: RowId | None = None
    # Ids of the existing objectives shown as rows 0..n-1 when editing.
    objective_ids: list[RowId] = []
    # Rows of objective inputs the form shows.
    objective_rows: int = 1
    # The parent when the form opened, kept when "Part of" comes back empty.
    parent_id: int | None = None


class ObjectiveModalMeta(_Meta):
    goal_id: RowId


class StrategyModalMeta(_Meta):
    goal_id: RowId


class TacticModalMeta(_Meta):
    goal_id: RowId
    strategy_id: RowId


class UpdateObjectiveModalMeta(_Meta):
    objective_id: RowId


class FollowupModalMeta(_Meta):
    """channel_id: where the button was pressed. A press on a reminder or on `/goals followups`
    also keeps that message's block and response_url, to redraw it after the form is submitted."""

    followup_id: RowId
    block_id: Annotated[str, Field(max_length=255)] | None = None
    response_url: Annotated[str, Field(max_length=1000, pattern=r"^https?://\S+$")] | None = None


class CheckinScheduleMeta(_Meta):
    """The schedule modal: the channel whose check-in it sets (channel_id)."""


# An anonymous answer's random id (hex, see models/checkins.py); nothing else fits.
AnswerId = Annotated[str, Field(pattern=r"^[0-9a-f]{16,32}$")]


class CheckinAnswerMeta(_Meta):
    """The check-in modal: whose check-in (channel_id), from which prompt (its local date guards a
    stale form), and for an anonymous edit the answer's random id."""

    local_date: str  # ISO date of the period the form was opened for
    delivery_id: RowId | None = None
    answer_id: AnswerId | None = None
    objective_ids: list[RowId] = []


class CheckinButtonValue(BaseModel):
    """The value of a prompt's Edit button: the prompt, and for an anonymous answer its random id
    (so only the person's own DM can edit it)."""

    model_config = ConfigDict(extra="forbid")

    d: RowId
    a: AnswerId | None = None

    def dump(self) -> str:
        """A named answer's button carries the bare prompt id, like the Answer button."""
        return str(self.d) if self.a is None else self.model_dump_json(exclude_none=True)

    @classmethod
    def load(cls, raw: str | None) -> "CheckinButtonValue":
        """A bare prompt id (Answer and confidence buttons) or this JSON; raises ValueError."""
        text = (raw or "").strip()
        if text.isascii() and text.isdigit():
            return cls(d=int(text))
        return cls.model_validate_json(text or "{}")
