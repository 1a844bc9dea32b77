"""Where a `/goals list` request's CPU goes: the real WSGI app called in-process, under cProfile.

Run: .venv/bin/python -m benchmarks.profile_list [--requests 500] [--databases sqlite,postgres] [--cold]
Prints the mean CPU time per request for goalbot and for the bare app, then goalbot's top
functions by cumulative time. No HTTP and no threads, so the figures are the apps' own work.
The same list repeated is served from the page cache (bot/services/list_cache.py); `--cold` makes
every request miss it, as the first list after a write does.
"""

import argparse
import cProfile
import io
import pstats
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from benchmarks import bare_app
from benchmarks.database import TEAM, bench_database, seed_goals
from bot.entrypoints.web import build_wsgi
from bot.services import list_cache
from bot.settings import Settings
from bot.slack.standin import SlackStandIn
from tests import slack_requests as slack

SECRET = "bench-signing-secret"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--databases", default="sqlite")
    parser.add_argument("--goals", type=int, default=40)
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--cold", action="store_true", help="every request misses the page cache")
    args = parser.parse_args()
    if args.cold:
        list_cache.PageCache.get = lambda self, key, version: (False, None)  # type: ignore[method-assign]
    folder = Path(tempfile.mkdtemp(prefix="goalbot-profile-"))
    with SlackStandIn() as standin:
        bare = _bare(standin.base_url)
        print(f"bare app: {_cpu_ms(bare, args.requests):.2f} ms CPU per request")
        for kind in args.databases.split(","):
            with bench_database(kind.strip(), folder) as url:
                seed_goals(url, "C40", args.goals, today=date.today())
                app = build_wsgi(
                    Settings(
                        slack_bot_token="xoxb-bench",
                        slack_signing_secret=SECRET,
                        slack_api_base_url=standin.base_url,
                        database_url=url,
                    )
                )
                print(f"goalbot on {kind}: {_cpu_ms(app, args.requests):.2f} ms CPU per request")
                _profile(app, args.requests, args.top)


def _bare(base_url: str):
    import os

    os.environ.setdefault("SLACK_API_BASE_URL", base_url)
    os.environ.setdefault("SLACK_SIGNING_SECRET", SECRET)
    return bare_app.wsgi()


def _environ(body: bytes, content_type: str) -> dict:
    headers = slack.sign(SECRET, body, int(time.time()))
    return {
        "REQUEST_METHOD": "POST",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": "/slack/events",
        "QUERY_STRING": "",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_X_SLACK_REQUEST_TIMESTAMP": headers["X-Slack-Request-Timestamp"],
        "HTTP_X_SLACK_SIGNATURE": headers["X-Slack-Signature"],
        "wsgi.input": io.BytesIO(body),
    }


def _call(app, body: bytes, content_type: str) -> None:
    status: list[str] = []
    chunks = app(_environ(body, content_type), lambda s, h, *_: status.append(s))
    b"".join(chunks)
    if not status or not status[0].startswith("200"):
        raise SystemExit(f"expected 200, got {status}")


def _cpu_ms(app, count: int) -> float:
    body, content_type = slack.slash_command(
        "list", team_id=TEAM, channel_id="C40", response_url="http://127.0.0.1:9/", trigger_id="t"
    )
    for _ in range(20):  # warm-up: statement caches, Bolt's first auth.test
        _call(app, body, content_type)
    started = time.process_time()
    for _ in range(count):
        _call(app, body, content_type)
    return (time.process_time() - started) * 1000 / count


def _profile(app, count: int, top: int) -> None:
    body, content_type = slack.slash_command(
        "list", team_id=TEAM, channel_id="C40", response_url="http://127.0.0.1:9/", trigger_id="t"
    )
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(count):
        _call(app, body, content_type)
    profiler.disable()
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(top)


if __name__ == "__main__":
    main()
