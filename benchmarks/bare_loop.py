"""The fan-out benchmark's floor: a bare loop posting, from a thread pool, the very prompts a tick
posts, built ahead by goalbot's own loader and prompt builder (outside the timed loop), so the
baseline posts the same 5,000 messages, not smaller ones: each prompt's blocks, buttons and
metadata cost JSON, HTTP and the stand-in's Block Kit checks on both sides of the comparison alike.

The workspaces are seeded as the clocks' runs seed them, the prompts planned and claimed on a
throwaway database, and each built as the tick builds it.
"""

import os
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bot.outbound.outbox.claims import claim_group
from bot.outbound.outbox.tables import CHECKIN_DELIVERIES
from bot.services.checkins.planning import plan_deliveries
from handlers.checkins.delivery_message import prompt_message


def prompt_messages(
    postgres_url: str, folder: Path, workspaces: list[Any], at: datetime
) -> list[dict[str, Any]]:
    """Every prompt due at `at`, as chat.postMessage arguments: person p of every workspace, then
    person p + 1, so no workspace is asked twice in a row."""
    from benchmarks.checkin_data import sessions_for
    from benchmarks.database import bench_database
    from tests.e2e.multiclock.workspaces import seed_checkins

    with bench_database("postgres", folder, postgres_url=postgres_url) as url:
        sessions = sessions_for(url)
        seed_checkins(sessions, workspaces, made_at=at - timedelta(days=2), at=at.time())
        plan_deliveries(sessions, now=at, default_tz="UTC")
        zones = {ws.team_id: "UTC" for ws in workspaces}
        batches = claim_group(sessions, CHECKIN_DELIVERIES, zones=zones, worker="bare", now=at, limit=10_000)
        sessions.kw["bind"].dispose()
    per_workspace = [
        [prompt_message(claimed.item) for claimed in batch.claimed] for batch in batches.values()
    ]
    most = max((len(messages) for messages in per_workspace), default=0)
    return [messages[p] for p in range(most) for messages in per_workspace if p < len(messages)]


def bare_loop(workspaces: int, people: int, slack_rate: float, threads: int, *, at: datetime) -> dict:
    """Posts every prompt from a pool of `threads`, as fast as the stand-in takes them (waiting out
    any 429); its wall and CPU seconds and what the stand-in received."""
    from slack_sdk import WebClient
    from slack_sdk.errors import SlackApiError

    from benchmarks.database import POSTGRES_URL
    from benchmarks.standin_process import standin
    from tests.e2e.multiclock.workspaces import make_workspaces as make

    postgres = os.environ.get("TEST_DATABASE_URL") or POSTGRES_URL
    with tempfile.TemporaryDirectory() as folder:
        messages = prompt_messages(postgres, Path(folder), make(workspaces, people), at)
    with standin(workspaces, people, slack_rate) as (base_url, count):
        client = WebClient(token="xoxb-bench", base_url=base_url)

        def post(message: dict[str, Any]) -> None:
            while True:
                try:
                    client.chat_postMessage(**message)
                    return
                except SlackApiError as error:
                    if error.response.status_code != 429:
                        raise
                    time.sleep(float(error.response.headers.get("Retry-After", 1)))

        started, cpu = time.perf_counter(), time.process_time()
        with ThreadPoolExecutor(threads) as pool:
            list(pool.map(post, messages))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        return count() | {"wall": wall, "cpu": cpu}
