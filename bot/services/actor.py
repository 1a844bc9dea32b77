from dataclasses import dataclass

from bot.services.errors import NotAllowed


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
            raise NotAllowed(
                f"Only <@{owner_id}> (the owner of {ref}) or a workspace admin can change it. "
                f"You can still record progress with `/goals update`."
            )
