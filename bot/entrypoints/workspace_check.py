"""`goalbot workspaces --check`: `auth.test` once for each installed workspace, with the token the
senders use (the token source), one line each, exit status 1 if any fails.

What Slack says is recorded as the tick's own calls would: a token error marks the workspace
token-failing, a token that works clears the mark (and keeps the name Slack gives). A workspace
marked uninstalled is not called."""

import sys

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import utc_now
from bot.entrypoints.tick import build_sender
from bot.outbound.tokens import TokenSource
from bot.outbound.workspace_health import TOKEN_ERRORS
from bot.services.workspaces import (
    WorkspaceView,
    clear_token_failing,
    list_workspaces,
    mark_token_failing,
    note_workspace,
)
from bot.settings import Settings

SOME_FAILED = 1


def check_tokens(settings: Settings, sessions: sessionmaker[Session]) -> int:
    # Stops with one line if no token is configured; distributed mode reads the installations.
    tokens = build_sender(settings, engine=sessions.kw.get("bind")).tokens
    failed, known = 0, list_workspaces(sessions)
    if not known:
        print("no workspaces yet: goalbot records one the first time it serves it", file=sys.stderr)
    for workspace in known:
        if workspace.uninstalled:
            print(f"{workspace.team_id}  {workspace.team_name or '—'}  uninstalled, not checked")
            continue
        problem = _problem(settings, sessions, tokens, workspace)
        print(f"{workspace.team_id}  {workspace.team_name or '—'}  {problem or 'ok'}", flush=True)
        failed += problem is not None
    if failed:
        print(f"goalbot workspaces: {failed} workspace(s) failed auth.test", file=sys.stderr)
        return SOME_FAILED
    return 0


def _problem(
    settings: Settings, sessions: sessionmaker[Session], tokens: TokenSource, workspace: WorkspaceView
) -> str | None:
    """None when the token works for this very workspace; else what went wrong, in a few words."""
    team = workspace.team_id
    try:
        token = tokens.token_for(team)
    except KeyError:
        return "no token (not installed)"
    client = WebClient(token=token, base_url=settings.slack_api_base_url, timeout=10)
    try:
        answer = client.auth_test()
    except SlackApiError as error:
        code = str(error.response.get("error"))
        if code in TOKEN_ERRORS:
            with sessions.begin() as session:
                mark_token_failing(session, team, code, utc_now())
        return code
    except (SlackRequestError, OSError) as error:
        return f"no answer from Slack ({type(error).__name__})"
    if answer.get("team_id") != team:
        return f"the token belongs to workspace {answer.get('team_id')}"
    with sessions.begin() as session:
        clear_token_failing(session, team)
        note_workspace(session, team, answer.get("team"))
    return None
