"""Slack's v0 request signing ("Verifying requests from Slack"), and posting a signed request."""

import hashlib
import hmac
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import Any

from slack_bolt.request import BoltRequest


def sign(secret: str, body: bytes, timestamp: int) -> dict[str, str]:
    base = b"v0:" + str(timestamp).encode() + b":" + body
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def signed_bolt_request(body: bytes, content_type: str, secret: str) -> BoltRequest:
    """For App.dispatch (the console): signed against the wall clock, which is what Bolt checks."""
    headers: dict[str, str | Sequence[str]] = {"content-type": content_type}
    headers.update({k.lower(): v for k, v in sign(secret, body, int(time.time())).items()})
    return BoltRequest(body=body.decode("utf-8"), headers=headers)


def post_signed(
    url: str,
    body: bytes,
    content_type: str,
    secret: str,
    *,
    timestamp: int | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 10,
) -> tuple[int, dict[str, str], bytes]:
    """POSTs a signed request; returns (status, headers with lower-case names, body), errors included."""
    stamp = int(time.time()) if timestamp is None else timestamp
    sent = {"Content-Type": content_type, **sign(secret, body, stamp), **(headers or {})}
    request = urllib.request.Request(url, data=body, headers=sent, method="POST")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: never a proxy
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, _lower(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, _lower(error.headers.items()), error.read()


def _lower(items: Any) -> dict[str, str]:
    return {name.lower(): value for name, value in items}
