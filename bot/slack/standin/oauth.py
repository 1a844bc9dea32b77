"""Slack's OAuth v2 on the stand-in: the authorize page a browser follows, oauth.v2.access for
both grants, and the tokens it issued (answered by auth.test, refused once revoked or expired).

A test registers the app (`register_app`), follows `authorize_url` (or lets a browser do it), and
the stand-in redirects to the app's redirect URI with a single-use code, as slack.com does after a
person presses "Allow". `deny_next`, `org_wide_next` and `install_into` change what the next
authorization does. With `rotating=True`, access tokens expire (`expires_in`) and come with a
single-use refresh token, as with token_rotation_enabled in the manifest.
"""

import base64
import itertools
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import parse_qsl, urlencode

from bot.slack.standin.workspaces import Workspace

AUTHORIZE_PATH = "/oauth/v2/authorize"
TOKEN_LIFETIME = timedelta(hours=12)  # Slack's rotating tokens live 12 hours

Answer = dict[str, Any]


@dataclass(frozen=True)
class App:
    client_id: str
    client_secret: str
    redirect_uri: str
    rotating: bool = False


@dataclass(frozen=True)
class Grant:
    """What one authorization installed: a workspace (or a whole Grid org), with these scopes."""

    workspace: Workspace
    scope: str
    installer: str
    org_wide: bool = False


@dataclass
class Token:
    grant: Grant
    expires_at: datetime | None
    revoked: bool = False


class OAuthStandIn:
    def __init__(
        self,
        workspace: Workspace,
        clock: Callable[[], datetime],
        register: Callable[..., object] | None = None,
    ) -> None:
        """`register(team_id, name=…, token=…)` (Workspaces.add) hears of each token issued, so the
        stand-in attributes that token's calls to its workspace."""
        self._clock = clock
        self._register = register
        self._lock = threading.Lock()
        self._serial = itertools.count(1)
        self._apps: dict[str, App] = {}
        self._codes: dict[str, tuple[str, Grant]] = {}  # code -> (client id, grant); used once
        self._refresh: dict[str, tuple[str, Grant]] = {}  # refresh token -> (client id, grant)
        self._tokens: dict[str, Token] = {}
        self._next_workspace = workspace
        self._installer = "U_INSTALLER"
        self._deny = False
        self._org_wide = False

    # set-up by a test

    def register_app(
        self, client_id: str, client_secret: str, redirect_uri: str, rotating: bool = False
    ) -> None:
        with self._lock:
            self._apps[client_id] = App(client_id, client_secret, redirect_uri, rotating)

    def install_into(self, workspace: Workspace, installer: str = "U_INSTALLER") -> None:
        """The workspace (and installing person) the next authorizations install into."""
        with self._lock:
            self._next_workspace, self._installer = workspace, installer

    def deny_next(self) -> None:
        """The next authorization is cancelled by the person: error=access_denied."""
        with self._lock:
            self._deny = True

    def org_wide_next(self) -> None:
        """The next authorization installs into a whole Enterprise Grid org, not one workspace."""
        with self._lock:
            self._org_wide = True

    def revoke(self, token: str) -> None:
        with self._lock:
            if token in self._tokens:
                self._tokens[token].revoked = True

    # what the stand-in answers

    def authorize(self, query: str) -> tuple[int, str]:
        """GET /oauth/v2/authorize: (status, Location) for a redirect, or (400, reason)."""
        args = dict(parse_qsl(query, keep_blank_values=True))
        with self._lock:
            app = self._apps.get(args.get("client_id", ""))
            if app is None:
                return 400, "invalid_client_id"
            redirect = args.get("redirect_uri") or app.redirect_uri
            if redirect != app.redirect_uri:
                return 400, "bad_redirect_uri"
            answer = {"state": args.get("state", "")}
            if self._deny:
                self._deny = False
                answer["error"] = "access_denied"
            else:
                grant = Grant(self._next_workspace, args.get("scope", ""), self._installer, self._org_wide)
                self._org_wide = False
                code = f"code-{next(self._serial)}"
                self._codes[code] = (app.client_id, grant)
                answer["code"] = code
        joiner = "&" if "?" in redirect else "?"
        return 302, f"{redirect}{joiner}{urlencode(answer)}"

    def access(self, headers: dict[str, str], args: dict[str, Any]) -> Answer:
        """oauth.v2.access: client credentials by HTTP Basic auth (as slack_sdk sends them) or
        arguments; grant_type authorization_code (the default) or refresh_token."""
        client_id, secret = _client_credentials(headers, args)
        with self._lock:
            app = self._apps.get(client_id)
            if app is None:
                return {"ok": False, "error": "invalid_client_id"}
            if secret != app.client_secret:
                return {"ok": False, "error": "bad_client_secret"}
            if args.get("grant_type") == "refresh_token":
                found = self._refresh.pop(str(args.get("refresh_token", "")), None)
                if found is None or found[0] != client_id:
                    return {"ok": False, "error": "invalid_refresh_token"}
                return self._issue(app, found[1])
            found = self._codes.pop(str(args.get("code", "")), None)
            if found is None or found[0] != client_id:
                return {"ok": False, "error": "invalid_code"}
            if args.get("redirect_uri") not in (None, app.redirect_uri):
                return {"ok": False, "error": "bad_redirect_uri"}
            return self._issue(app, found[1])

    def refusal(self, token: str) -> str | None:
        """Slack's error for a token this stand-in issued and no longer honours, else None."""
        with self._lock:
            issued = self._tokens.get(token)
            if issued is None:
                return None
            if issued.revoked:
                return "invalid_auth"
            if issued.expires_at is not None and self._clock() >= issued.expires_at:
                return "token_expired"
            return None

    def auth_test(self, token: str) -> Answer | None:
        """auth.test for a token this stand-in issued: the workspace it was issued for."""
        with self._lock:
            issued = self._tokens.get(token)
        if issued is None:
            return None
        ws = issued.grant.workspace
        return {
            "ok": True,
            "url": f"https://{ws.domain}.slack.com/",
            "team": ws.team,
            "user": "goalbot",
            "team_id": ws.team_id,
            "user_id": ws.bot_user_id,
            "bot_id": ws.bot_id,
            "is_enterprise_install": issued.grant.org_wide,
        }

    def _issue(self, app: App, grant: Grant) -> Answer:
        token = f"xoxb-{grant.workspace.team_id}-{next(self._serial)}"
        expires_at = self._clock() + TOKEN_LIFETIME if app.rotating else None
        self._tokens[token] = Token(grant, expires_at)
        ws = grant.workspace
        if self._register is not None and not grant.org_wide:
            self._register(ws.team_id, name=ws.team, token=token)
        answer: Answer = {
            "ok": True,
            "access_token": token,
            "token_type": "bot",
            "scope": grant.scope,
            "bot_user_id": ws.bot_user_id,
            "app_id": ws.app_id,
            "team": None if grant.org_wide else {"id": ws.team_id, "name": ws.team},
            "enterprise": {"id": "E_GRID", "name": "Grid Org"} if grant.org_wide else None,
            "is_enterprise_install": grant.org_wide,
            "authed_user": {"id": grant.installer},
        }
        if app.rotating:
            refresh = f"xoxe-1-{next(self._serial)}"
            self._refresh[refresh] = (app.client_id, grant)
            answer.update(refresh_token=refresh, expires_in=int(TOKEN_LIFETIME.total_seconds()))
        return answer


def _client_credentials(headers: dict[str, str], args: dict[str, Any]) -> tuple[str, str]:
    authorization = headers.get("authorization", "")
    if authorization.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(authorization[len("basic ") :].strip()).decode()
        except ValueError:
            return "", ""
        client_id, _, secret = decoded.partition(":")
        return client_id, secret
    return str(args.get("client_id", "")), str(args.get("client_secret", ""))


def token_used(call: Any) -> str | None:
    """The token a recorded Call was made with (its Bearer header or `token` argument)."""
    from bot.slack.standin.wire import token_from

    return token_from(call.headers, call.body)
