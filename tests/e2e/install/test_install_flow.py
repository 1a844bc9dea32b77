"""Installing goalbot by "Add to Slack", through the real HTTP server and the stand-in's OAuth."""

from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, insert, select

from bot.installations.bot_tokens import InstalledBotTokens
from bot.installations.stores import NotInstalled
from bot.slack.standin import Workspace, bot_scopes
from bot.slack.standin.oauth import token_used
from models.installations import bots, installations, oauth_states
from tests import slack_requests as slack
from tests.e2e.install.conftest import CLIENT_ID
from tests.e2e.install.web import STATE_COOKIE, Visitor, add_to_slack_link
from tests.fixtures.bot import SIGNING_SECRET


def _stored(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.scalar(select(func.count()).select_from(table))
            for table in (installations, bots)
        }


def _authorize(server, browser: Visitor):
    """The install page, then the stand-in's authorize step: the redirect Slack sends back."""
    page = browser.get(server.install_url)
    assert page.status == 200
    answer = browser.get(add_to_slack_link(page.text))
    assert answer.status == 302, answer.text
    return answer


def test_the_install_page_links_to_slack_with_the_manifest_scopes_and_sets_the_state_cookie(install_server):
    browser = Visitor()
    page = browser.get(install_server.install_url)

    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "what goalbot will ask slack for" in page.text.lower()
    link = urlsplit(add_to_slack_link(page.text))
    query = {name: values[0] for name, values in parse_qs(link.query).items()}
    assert f"{link.scheme}://{link.netloc}{link.path}" == install_server.standin.authorize_url
    assert query["client_id"] == CLIENT_ID
    assert set(query["scope"].split(",")) == bot_scopes()
    assert query["state"] == browser.cookies[STATE_COOKIE]
    assert "redirect_uri" not in query  # SLACK_REDIRECT_URI is not set


def test_an_install_stores_the_workspace_and_its_commands_use_its_token(install_server):
    standin = install_server.standin
    browser = Visitor()
    redirect = _authorize(install_server, browser)
    assert redirect.location.startswith(install_server.redirect_url)

    done = browser.get(redirect.location)

    assert done.status == 200, done.text
    assert "goalbot is installed in Stand-in Workspace" in done.text
    assert "/goals help" in done.text and "/checkin schedule" in done.text
    token = standin.last("oauth.v2.access").answer["access_token"]
    assert InstalledBotTokens(install_server.engine, CLIENT_ID).token_for("T1") == token
    assert _stored(install_server.engine) == {"slack_installations": 1, "slack_bots": 1}

    # A command from that workspace: the bot opens the goal form with that installation's token.
    standin.clear()
    body, content_type = slack.slash_command(
        "new", team_id="T1", user_id="U_OWNER", channel_id="C1", response_url=standin.response_url("c")
    )
    status, _headers, _raw = slack.post_signed(
        install_server.url + "/slack/events", body, content_type, SIGNING_SECRET
    )
    assert status == 200
    opened = standin.wait_for("views.open")
    assert [token_used(call) for call in opened] == [token]
    assert standin.rejections() == []


def test_each_workspace_is_answered_with_its_own_token(install_server):
    standin = install_server.standin
    tokens = {}
    for team_id, name in (("T1", "First"), ("T2", "Second")):
        standin.oauth.install_into(Workspace(team_id=team_id, team=name))
        browser = Visitor()
        done = browser.get(_authorize(install_server, browser).location)
        assert f"installed in {name}" in done.text
        tokens[team_id] = standin.last("oauth.v2.access").answer["access_token"]
    standin.clear()

    for team_id in ("T2", "T1"):
        body, content_type = slack.slash_command(
            "new", team_id=team_id, user_id="U1", channel_id="C1", response_url=standin.response_url(team_id)
        )
        slack.post_signed(install_server.url + "/slack/events", body, content_type, SIGNING_SECRET)
        standin.wait_for("views.open", count=1 if team_id == "T2" else 2)

    assert [token_used(call) for call in standin.calls("views.open")] == [tokens["T2"], tokens["T1"]]
    assert [call.team_id for call in standin.calls("views.open")] == ["T2", "T1"]  # as the stand-in saw it
    assert tokens["T1"] != tokens["T2"]


def test_a_denied_install_gets_our_page_and_stores_nothing(install_server):
    install_server.standin.oauth.deny_next()
    browser = Visitor()
    redirect = _authorize(install_server, browser)
    assert "error=access_denied" in redirect.location

    page = browser.get(redirect.location)

    assert page.status == 403
    assert "You cancelled the install" in page.text and "press Allow" in page.text
    assert 'href="/slack/install"' in page.text
    assert install_server.standin.calls("oauth.v2.access") == []
    assert _stored(install_server.engine) == {"slack_installations": 0, "slack_bots": 0}


def test_a_bad_state_gets_our_page_and_stores_nothing(install_server):
    browser = Visitor()
    redirect = _authorize(install_server, browser)
    forged = redirect.location.replace("state=", "state=forged-")
    browser.cookies[STATE_COOKIE] = "forged-" + browser.cookies[STATE_COOKIE]

    page = browser.get(forged)

    assert page.status == 400
    assert "expired or was already used" in page.text
    assert install_server.standin.calls("oauth.v2.access") == []
    assert _stored(install_server.engine) == {"slack_installations": 0, "slack_bots": 0}


def test_a_state_from_another_browser_gets_our_page(install_server):
    redirect = _authorize(install_server, Visitor())

    page = Visitor().get(redirect.location)  # no state cookie: not the browser that started

    assert page.status == 400
    assert "another browser" in page.text
    assert _stored(install_server.engine) == {"slack_installations": 0, "slack_bots": 0}


def test_an_expired_state_gets_our_page(install_server):
    browser = Visitor()
    redirect = _authorize(install_server, browser)
    with install_server.engine.begin() as connection:
        connection.execute(oauth_states.update().values(expire_at=datetime(2000, 1, 1)))

    page = browser.get(redirect.location)

    assert page.status == 400 and "expired" in page.text
    assert _stored(install_server.engine) == {"slack_installations": 0, "slack_bots": 0}


def test_a_reused_code_gets_our_page_and_stores_nothing_more(install_server):
    browser = Visitor()
    redirect = _authorize(install_server, browser)
    code = parse_qs(urlsplit(redirect.location).query)["code"][0]
    assert browser.get(redirect.location).status == 200
    before = _stored(install_server.engine)

    # A fresh state (a new install page), the old code.
    again = _authorize(install_server, browser)
    reused = again.location.replace(parse_qs(urlsplit(again.location).query)["code"][0], code)
    page = browser.get(reused)

    assert page.status == 400
    assert "Slack did not accept the install" in page.text
    assert install_server.standin.last("oauth.v2.access").answer == {"ok": False, "error": "invalid_code"}
    assert _stored(install_server.engine) == before


def test_an_org_wide_install_is_refused_and_stores_nothing(install_server):
    install_server.standin.oauth.org_wide_next()
    browser = Visitor()

    page = browser.get(_authorize(install_server, browser).location)

    assert page.status == 403
    assert "one workspace at a time" in page.text and "Enterprise Grid" in page.text
    assert _stored(install_server.engine) == {"slack_installations": 0, "slack_bots": 0}


def test_a_user_token_installation_never_stands_in_for_the_bot(install_server):
    browser = Visitor()
    browser.get(_authorize(install_server, browser).location)
    bot_token = InstalledBotTokens(install_server.engine, CLIENT_ID).token_for("T1")
    # A later installation row of one person's user token, with no bot token (bolt-python #664).
    with install_server.engine.begin() as connection:
        connection.execute(
            insert(installations).values(
                client_id=CLIENT_ID,
                app_id="A1",
                team_id="T1",
                user_id="U_PERSON",
                user_token="xoxp-person",
                is_enterprise_install=False,
                installed_at=datetime(2099, 1, 1),
            )
        )
    standin = install_server.standin
    standin.clear()

    body, content_type = slack.slash_command(
        "new", team_id="T1", user_id="U_PERSON", channel_id="C1", response_url=standin.response_url("p")
    )
    slack.post_signed(install_server.url + "/slack/events", body, content_type, SIGNING_SECRET)

    assert [token_used(call) for call in standin.wait_for("views.open")] == [bot_token]
    assert InstalledBotTokens(install_server.engine, CLIENT_ID).token_for("T1") == bot_token


def test_slack_redirect_uri_is_sent_when_set(slack_api, sessions, engine, clock):
    from bot.entrypoints.app import create_app
    from bot.settings import load_settings
    from tests.fixtures.bot import serve_in_thread

    redirect = "https://goalbot.example.com/slack/oauth_redirect"
    settings = load_settings(
        slack_client_id=CLIENT_ID,
        slack_client_secret="client-secret",
        slack_signing_secret=SIGNING_SECRET,
        slack_api_base_url=slack_api.base_url,
        slack_redirect_uri=redirect,
        database_url=engine.url.render_as_string(hide_password=False),
    )
    with serve_in_thread(create_app(settings, sessions=sessions, clock=clock), engine) as url:
        link = urlsplit(add_to_slack_link(Visitor().get(url + "/slack/install").text))

    assert f"{link.scheme}://{link.netloc}{link.path}" == "https://slack.com/oauth/v2/authorize"
    assert parse_qs(link.query)["redirect_uri"] == [redirect]


def test_a_workspace_token_is_checked_with_auth_test_once_not_per_request(install_server):
    standin = install_server.standin
    browser = Visitor()
    browser.get(_authorize(install_server, browser).location)
    token = InstalledBotTokens(install_server.engine, CLIENT_ID).token_for("T1")
    standin.clear()

    for n in (1, 2, 3):
        body, content_type = slack.slash_command(
            "new", team_id="T1", user_id="U1", channel_id="C1", response_url=standin.response_url(f"r{n}")
        )
        slack.post_signed(install_server.url + "/slack/events", body, content_type, SIGNING_SECRET)
        standin.wait_for("views.open", count=n)

    assert [token_used(call) for call in standin.calls("auth.test")] == [token]


def test_the_token_source_has_no_token_for_a_workspace_never_installed(install_server):
    with pytest.raises(KeyError) as raised:
        InstalledBotTokens(install_server.engine, CLIENT_ID).token_for("T_NEVER")
    assert isinstance(raised.value, NotInstalled)


def test_a_workspace_that_never_installed_is_told_so_and_no_web_api_is_called(install_server):
    standin = install_server.standin
    body, content_type = slack.slash_command(
        "new", team_id="T_NEVER", user_id="U1", channel_id="C1", response_url=standin.response_url("n")
    )

    status, _headers, raw = slack.post_signed(
        install_server.url + "/slack/events", body, content_type, SIGNING_SECRET
    )

    assert status == 200 and raw == b""
    standin.settle()
    # Bolt says so privately through the command's response_url; no Web API call is made.
    assert [call.method for call in standin.calls()] == ["response_url"]
    assert "install" in standin.last("response_url").body["text"].lower()
