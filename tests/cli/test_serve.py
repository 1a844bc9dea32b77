"""`goalbot serve` as a user runs it: gunicorn in a subprocess, spoken to over real HTTP."""

import json
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from bot.slack.standin import SlackStandIn
from tests import slack_requests as slack
from tests.cli.environment import SIGNING_SECRET, clean_env, free_port, with_slack_secrets

NO_PROXY = urllib.request.build_opener(urllib.request.ProxyHandler({}))

# real_clock: gunicorn runs in a child process, where libfaketime 0.9.10 refuses time.sleep (EINVAL:
# the arbiter dies spawning workers; tests/faketime_sleep.py mends only this process), and gunicorn's
# worker heartbeat is a temporary file's mtime, which the kernel does not shift.
pytestmark = pytest.mark.real_clock


def _get(url: str) -> tuple[int, bytes]:
    try:
        with NO_PROXY.open(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read()


@pytest.fixture(scope="module")
def served(goalbot_script, tmp_path_factory) -> Iterator[str]:
    """One server for the module: starting gunicorn and migrating SQLite takes a second or two."""
    folder = tmp_path_factory.mktemp("serve")
    port = free_port()
    log = (folder / "serve.log").open("w+")
    # `goalbot serve` asks Slack (auth.test) whether it takes the token before serving.
    slack_api = SlackStandIn().start()
    process = subprocess.Popen(
        [goalbot_script, "serve", "--port", str(port)],
        env=with_slack_secrets(clean_env(folder)) | {"SLACK_API_BASE_URL": slack_api.base_url},
        cwd=folder,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                log.seek(0)
                pytest.fail(f"goalbot serve exited with {process.returncode}:\n{log.read()}")
            try:
                _get(url + "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("goalbot serve did not answer within 30 s")
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        slack_api.close()


def test_healthz_is_ok(served):
    assert _get(served + "/healthz") == (200, b"ok")


def test_signed_url_verification_answers_the_challenge(served):
    body = json.dumps({"token": "t", "challenge": "c-123", "type": "url_verification"}).encode()

    status, _headers, raw = slack.post_signed(served + "/slack/events", body, slack.JSON, SIGNING_SECRET)

    assert status == 200
    assert json.loads(raw) == {"challenge": "c-123"}


def test_bad_signature_is_refused(served):
    body = json.dumps({"token": "t", "challenge": "c-123", "type": "url_verification"}).encode()

    status, _headers, raw = slack.post_signed(served + "/slack/events", body, slack.JSON, "not-the-secret")

    assert status == 401
    assert b"c-123" not in raw


def test_a_body_bolt_cannot_parse_is_400_not_500(served):
    url = served + "/slack/events"

    status, _headers, raw = slack.post_signed(url, b"{not json", slack.JSON, SIGNING_SECRET)

    assert (status, raw) == (400, b"bad request")


def test_other_paths_are_not_found(served):
    assert _get(served + "/nothing-here")[0] == 404
