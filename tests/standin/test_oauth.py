"""The stand-in's OAuth: authorize redirects, oauth.v2.access for both grants, the tokens it issued."""

import urllib.error
import urllib.request
from datetime import timedelta
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.standin import SlackStandIn, Workspace
from bot.slack.standin.oauth import TOKEN_LIFETIME, token_used

CLIENT_ID, SECRET, REDIRECT = "1111.2222", "shh", "https://bot.example/slack/oauth_redirect"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _authorize(standin: SlackStandIn, **query: str) -> tuple[int, str]:
    args = {"client_id": CLIENT_ID, "scope": "chat:write,commands", "state": "s1"} | query
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(f"{standin.authorize_url}?{urlencode(args)}") as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location") or error.read().decode()


def _code(standin: SlackStandIn) -> str:
    status, location = _authorize(standin)
    assert status == 302, location
    query = parse_qs(urlsplit(location).query)
    assert location.startswith(REDIRECT) and query["state"] == ["s1"]
    return query["code"][0]


@pytest.fixture
def oauth_api(slack_api: SlackStandIn) -> SlackStandIn:
    slack_api.oauth.register_app(CLIENT_ID, SECRET, REDIRECT)
    return slack_api


@pytest.fixture
def client(slack_api: SlackStandIn) -> WebClient:
    return WebClient(base_url=slack_api.base_url)


def test_a_code_is_exchanged_once_for_a_token_auth_test_accepts(oauth_api, client) -> None:
    code = _code(oauth_api)

    answer = client.oauth_v2_access(client_id=CLIENT_ID, client_secret=SECRET, code=code)

    assert answer["team"] == {"id": "T1", "name": "Stand-in Workspace"}
    assert answer["scope"] == "chat:write,commands" and "refresh_token" not in answer.data
    token = answer["access_token"]
    assert client.auth_test(token=token)["team_id"] == "T1"
    assert token_used(oauth_api.last("auth.test")) == token
    with pytest.raises(SlackApiError, match="invalid_code"):
        client.oauth_v2_access(client_id=CLIENT_ID, client_secret=SECRET, code=code)


def test_a_wrong_secret_or_unknown_client_is_refused(oauth_api, client) -> None:
    code = _code(oauth_api)
    with pytest.raises(SlackApiError, match="bad_client_secret"):
        client.oauth_v2_access(client_id=CLIENT_ID, client_secret="guess", code=code)
    with pytest.raises(SlackApiError, match="invalid_client_id"):
        client.oauth_v2_access(client_id="9.9", client_secret=SECRET, code=code)


def test_the_authorize_step_denies_on_demand_and_checks_the_redirect(oauth_api) -> None:
    oauth_api.oauth.deny_next()
    status, location = _authorize(oauth_api)
    assert status == 302 and parse_qs(urlsplit(location).query) == {
        "state": ["s1"],
        "error": ["access_denied"],
    }

    assert _authorize(oauth_api, redirect_uri="https://elsewhere.example/") == (400, "bad_redirect_uri")
    assert _authorize(oauth_api, client_id="9.9") == (400, "invalid_client_id")


def test_it_installs_into_the_workspace_a_test_names(oauth_api, client) -> None:
    oauth_api.oauth.install_into(Workspace(team_id="T2", team="Second"))

    token = client.oauth_v2_access(client_id=CLIENT_ID, client_secret=SECRET, code=_code(oauth_api))[
        "access_token"
    ]

    assert client.auth_test(token=token)["team"] == "Second"


def test_rotating_tokens_expire_and_refresh_tokens_work_once(slack_api, client, clock) -> None:
    slack_api.oauth.register_app(CLIENT_ID, SECRET, REDIRECT, rotating=True)
    first = client.oauth_v2_access(client_id=CLIENT_ID, client_secret=SECRET, code=_code(slack_api))
    assert first["expires_in"] == TOKEN_LIFETIME.total_seconds()

    refreshed = client.oauth_v2_access(
        client_id=CLIENT_ID,
        client_secret=SECRET,
        grant_type="refresh_token",
        refresh_token=first["refresh_token"],
    )
    assert refreshed["access_token"] != first["access_token"]
    with pytest.raises(SlackApiError, match="invalid_refresh_token"):
        client.oauth_v2_access(
            client_id=CLIENT_ID,
            client_secret=SECRET,
            grant_type="refresh_token",
            refresh_token=first["refresh_token"],
        )

    clock.now += TOKEN_LIFETIME + timedelta(seconds=1)
    with pytest.raises(SlackApiError, match="token_expired"):
        client.auth_test(token=refreshed["access_token"])


def test_a_revoked_token_answers_invalid_auth(oauth_api, client) -> None:
    token = client.oauth_v2_access(client_id=CLIENT_ID, client_secret=SECRET, code=_code(oauth_api))[
        "access_token"
    ]
    oauth_api.oauth.revoke(token)

    with pytest.raises(SlackApiError, match="invalid_auth"):
        client.chat_postMessage(token=token, channel="C1", text="hi")
