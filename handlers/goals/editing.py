from slack_sdk import WebClient

from bot.services import goal_writes
from bot.services.actor import Actor
from handlers.deps import Deps, actor_for


def actor_for_goal(client: WebClient, deps: Deps, team_id: str, user_id: str, goal_id: int) -> Actor:
    """Who is asking, with admin rights looked up only if they don't own the goal (NotFound if no goal)."""
    owner_id = goal_writes.goal_owner(deps.sessions, team_id, goal_id)
    return actor_for(client, team_id, user_id, owner_id=owner_id)
