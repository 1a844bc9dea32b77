"""The fan-out benchmarks' stand-in, in a process of its own, so that neither the senders nor the
bare loop share an interpreter (and its GIL) with it: `standin(w, p, rate)` yields its base URL and
a function returning what it has received so far (posts per DM, doubled, lost, 429s, timing).
`warm` adds the clock processes' warm-up workspaces (benchmarks/warm_up.py), which are not counted.

    python -m benchmarks.standin_process WORKSPACES PEOPLE RATE [WARM]   # what the child runs
"""

import json
import subprocess
import sys
from contextlib import contextmanager


@contextmanager
def standin(workspaces: int, people: int, slack_rate: float, warm: int = 0):
    """A stand-in in a process of its own; yields its base URL and a function that returns what it
    has received so far."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "benchmarks.standin_process",
            str(workspaces),
            str(people),
            str(slack_rate),
            str(warm),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    base_url = child.stdout.readline().strip()

    def count() -> dict:
        assert child.stdin is not None and child.stdout is not None
        child.stdin.write("count\n")
        child.stdin.flush()
        return json.loads(child.stdout.readline())

    try:
        yield base_url, count
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def serve_standin(workspaces: int, people: int, slack_rate: float, warm: int) -> None:
    from benchmarks.warm_up import warm_workspaces
    from bot.slack.standin import SlackStandIn
    from tests.e2e.multiclock.workspaces import add_to_standin
    from tests.e2e.multiclock.workspaces import make_workspaces as make

    spaces = make(workspaces, people)
    with SlackStandIn(rate_limits_per_workspace={"chat.postMessage": slack_rate}) as slack:
        add_to_standin(slack, spaces + [ws for group in warm_workspaces(warm) for ws in group])
        print(slack.base_url, flush=True)
        for _ in sys.stdin:  # each line asks for the counts so far
            slack.settle(timeout=30)
            print(json.dumps(received(slack, spaces)), flush=True)


def received(slack, spaces) -> dict:
    """What the stand-in has taken so far for `spaces` (not the warm-up's): prompts per DM
    (doubled, lost), 429s, timing."""
    from bot.slack.standin import dm_id

    counted = {ws.team_id for ws in spaces}
    every = slack.calls("chat.postMessage")
    calls = [c for c in every if c.team_id in counted]
    accepted = [c.at for c in calls if c.answer.get("ok")]
    per_dm = [len(slack.messages.history(dm_id(u))) for ws in spaces for u in ws.people]
    return {
        "posted": sum(per_dm),
        "doubled": sum(max(0, n - 1) for n in per_dm),
        "lost": sum(1 for n in per_dm if n == 0),
        "ratelimited": sum(1 for c in calls if c.answer.get("error") == "ratelimited"),
        "first": min(accepted, default=0.0),
        "span": (max(accepted) - min(accepted)) if accepted else 0.0,
        "warm_up": sum(1 for c in every if c.team_id not in counted and c.answer.get("ok")),
        "max_rate": max((slack.max_rate(ws.team_id, "chat.postMessage") for ws in spaces), default=0),
    }


if __name__ == "__main__":
    serve_standin(int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]))
