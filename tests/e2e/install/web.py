"""A cookie-keeping HTTP client that does not follow redirects, so each step can be looked at."""

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from html import unescape
from http.cookies import SimpleCookie

STATE_COOKIE = "slack-app-oauth-state"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Answer:
    status: int
    headers: Message
    text: str

    @property
    def location(self) -> str:
        return self.headers["Location"]


@dataclass
class Visitor:
    """One browser: keeps the cookies it was given (by name; these tests use a single host)."""

    cookies: dict[str, str] = field(default_factory=dict)

    def get(self, url: str) -> Answer:
        request = urllib.request.Request(url)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=10) as response:
                answer = Answer(response.status, response.headers, response.read().decode())
        except urllib.error.HTTPError as error:
            answer = Answer(error.code, error.headers, error.read().decode())
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return answer


def add_to_slack_link(page: str) -> str:
    found = re.search(r'id=add-to-slack href="([^"]+)"', page)
    assert found, page
    return unescape(found.group(1))
