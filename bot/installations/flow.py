"""Bolt's OAuth flow with goalbot's pages and rules: "Add to Slack" at /slack/install, Slack's
redirect back at /slack/oauth_redirect.

Bolt does the work (state cookie and store, oauth.v2.access, saving the installation); this module
decides what a person sees and refuses what goalbot does not support yet:
- every failure answers a 4xx page of ours (Bolt's default answers 200 to `error=access_denied`);
- an Enterprise Grid org-wide install is refused before anything is stored;
- requests are authorized with the bot's token only (`installation_store_bot_only`), never a
  person's user token (slack_sdk can find a user-token installation row first).
"""

from collections.abc import Callable, Sequence
from datetime import datetime

from slack_bolt.error import BoltError
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.installations.pages import failure_page, install_page, success_page
from bot.installations.stores import installation_store, state_store
from bot.installations.welcome import welcome
from models.db import make_sessionmaker

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
HTML = "text/html; charset=utf-8"


class OrgWideInstall(BoltError):
    """An Enterprise Grid org-wide install: goalbot installs into one workspace at a time."""


class InstallFlow(OAuthFlow):
    def __init__(
        self, *, settings: OAuthSettings, sessions: sessionmaker[Session], clock: Callable[[], datetime]
    ) -> None:
        super().__init__(settings=settings)
        self._sessions, self._clock = sessions, clock
        self.success_handler = self._installed

    def _installed(self, args: SuccessArgs) -> BoltResponse:
        # Stored by now: mark it installed, adopt the installer's zone, welcome them (welcome.py).
        welcome(self.client, self._sessions, args.installation)
        return _html(200, success_page(args.installation.team_name or ""), args)

    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        return install_page(url, self.settings.scopes or ())

    def store_installation(self, request: BoltRequest, installation: Installation) -> None:
        # Bolt has exchanged the code by now; refusing here is the last moment before a save.
        if installation.is_enterprise_install:
            raise OrgWideInstall("org-wide installs are not supported")
        if installation.bot_token_expires_at is not None:
            # slack_sdk counted expires_in from the wall clock as it built the installation (and
            # stamped installed_at from it at the same moment); goalbot counts from its own clock.
            lifetime = installation.bot_token_expires_at - int(installation.installed_at)
            installation.bot_token_expires_at = int(self._clock().timestamp()) + lifetime
        super().store_installation(request, installation)


def build_install_flow(
    *,
    engine: Engine,
    client_id: str,
    client_secret: str,
    scopes: Sequence[str],
    authorization_url: str,
    redirect_uri: str | None,
    clock: Callable[[], datetime],
) -> InstallFlow:
    """The flow for App(oauth_flow=…); App gives it its own client, so the token exchange goes to
    SLACK_API_BASE_URL like every other call."""
    settings = OAuthSettings(
        client_id=client_id,
        client_secret=client_secret,
        scopes=list(scopes),
        user_scopes=[],
        redirect_uri=redirect_uri,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        # success is the flow's own (_installed), which needs the database and the client
        callback_options=CallbackOptions(success=_html_only, failure=_not_installed),
        authorization_url=authorization_url,
        installation_store=installation_store(engine, client_id),
        installation_store_bot_only=True,
        state_store=state_store(engine),
    )
    return InstallFlow(settings=settings, sessions=make_sessionmaker(engine), clock=clock)


def _html_only(args: SuccessArgs) -> BoltResponse:
    return _html(200, success_page(args.installation.team_name or ""), args)


# reason -> (HTTP status, headline, what to do). Bolt's reasons, plus Slack's `error=` values.
_FAILURES = {
    "access_denied": (403, "You cancelled the install", "Slack's permission page was cancelled."),
    "invalid_browser": (
        400,
        "This install link belongs to another browser",
        "Start the install again in the browser you will finish it in; links from an install "
        "started elsewhere, or opened twice, do not work.",
    ),
    "invalid_state": (
        400,
        "This install link has expired or was already used",
        "An install link works once, for ten minutes. Start the install again.",
    ),
    "missing_code": (400, "Slack sent no install code", "Start the install again from this site."),
    "invalid_code": (
        400,
        "Slack did not accept the install",
        "The install code was refused (it may have been used already, or the app's credentials are "
        "wrong). Start the install again; if it keeps failing, tell whoever runs goalbot.",
    ),
    "org_wide": (
        403,
        "goalbot installs into one workspace at a time",
        "Installing goalbot for a whole Enterprise Grid organization is not supported yet. Start "
        "the install again and pick a single workspace of your organization.",
    ),
}


def _not_installed(args: FailureArgs) -> BoltResponse:
    reason = "org_wide" if isinstance(args.error, OrgWideInstall) else args.reason
    status, headline, explanation = _FAILURES.get(
        reason,
        (
            max(args.suggested_status_code, 400),
            "goalbot could not be installed",
            f"Slack answered {reason!r}. Start the install again; if it keeps failing, tell whoever "
            "runs goalbot.",
        ),
    )
    if reason == "access_denied":
        explanation += " To install goalbot, start again and press Allow."
    return _html(status, failure_page(headline, explanation, args.settings.install_path), args)


def _html(status: int, body: str, args: SuccessArgs | FailureArgs) -> BoltResponse:
    # The state cookie has served its purpose either way.
    cookie = args.settings.state_utils.build_set_cookie_for_deletion()
    return BoltResponse(status=status, body=body, headers={"Content-Type": HTML, "Set-Cookie": [cookie]})
