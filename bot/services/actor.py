from dataclasses import dataclass

from bot.services.errors import NotEditor, NotTacticCompleter


@dataclass(frozen=True)
class Actor:
    """Who is asking, in which workspace. `is_admin` means workspace admin or owner."""

    team_id: str
    user_id: str
    is_admin: bool = False

    def may_edit(self, owner_id: str) -> bool:
        return self.is_admin or self.user_id == owner_id

    def require_editor(self, owner_id: str, ref: str) -> None:
        if not self.may_edit(owner_id):
            raise NotEditor(ref, owner_id)

    def may_complete_tactic(self, tactic_owner_id: str, goal_owner_id: str) -> bool:
        """The tactic's own owner may tick it off, as may whoever may edit the goal."""
        return self.user_id == tactic_owner_id or self.may_edit(goal_owner_id)

    def require_tactic_completer(self, tactic_owner_id: str, goal_owner_id: str, ref: str) -> None:
        if not self.may_complete_tactic(tactic_owner_id, goal_owner_id):
            raise NotTacticCompleter(ref, tactic_owner_id, goal_owner_id)
