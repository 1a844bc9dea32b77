"""The soak's faults: Slack misbehaving (one workspace's 429 storm, a burst of 503s) and a clock
killed with SIGKILL while it is posting."""

import random
import signal
import subprocess
import time


class Faults:
    def __init__(self, slack, spaces, chance: random.Random) -> None:
        self.slack, self.spaces, self.random = slack, spaces, chance
        self.kills = 0

    def chaos(self, busy: bool) -> None:
        """Now and then (always at the day's busiest steps), one workspace's 429 storm lasting
        through a tick's sending, and a burst of 503s for the next few posts."""
        if busy or self.random.random() < 0.3:
            victim = self.random.choice(self.spaces).team_id
            self.slack.storm(
                victim, seconds=self.random.uniform(3, 12), retry_after=self.random.randint(1, 5)
            )
        if busy or self.random.random() < 0.3:
            self.slack.fail_next("chat.postMessage", 503, times=self.random.randint(1, 5))

    def kill_first_posting(self, processes: dict[str, subprocess.Popen]) -> None:
        """SIGKILL whichever tick (token → process) posts first once its post reaches the
        stand-in: two clocks share the workspaces out by their leases, so either may be the one
        sending. Left alone if neither has anything to post."""
        begun = time.monotonic()

        def posting(call) -> bool:
            return call.at >= begun and any(
                token in call.headers.get("authorization", "") for token in processes
            )

        while any(process.poll() is None for process in processes.values()):
            try:
                call = self.slack.wait_for_arrival("chat.postMessage", timeout=0.2, where=posting)[0]
            except AssertionError:
                continue
            token = next(t for t in processes if t in call.headers.get("authorization", ""))
            if processes[token].poll() is None:
                processes[token].send_signal(signal.SIGKILL)
                self.kills += 1
            break
