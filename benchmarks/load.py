"""A bounded load generator: `clients` threads post one signed request over and over, on loopback,
until `max_requests` have been sent or `max_seconds` have passed, whichever comes first."""

import http.client
import statistics
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.slack_requests import sign

SLACK_DEADLINE_MS = 3000.0


@dataclass
class LoadResult:
    latencies_ms: list[float] = field(default_factory=list)
    failures: int = 0  # not a 200, or no answer at all
    seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        ordered = sorted(self.latencies_ms)
        if not ordered:
            return float("nan")
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies_ms) if self.latencies_ms else float("nan")

    @property
    def over_deadline(self) -> int:
        return sum(1 for ms in self.latencies_ms if ms > SLACK_DEADLINE_MS)


def run_load(
    url: str,
    body: bytes,
    content_type: str,
    secret: str,
    *,
    clients: int,
    max_requests: int,
    max_seconds: float,
) -> LoadResult:
    # One signature for the whole run: Bolt accepts a timestamp for five minutes.
    headers = {"Content-Type": content_type, **sign(secret, body, int(time.time()))}
    parts = urlsplit(url)
    result = LoadResult()
    lock = threading.Lock()
    tickets = [max_requests]
    started = time.perf_counter()
    deadline = started + max_seconds

    def take_ticket() -> bool:
        with lock:
            if tickets[0] <= 0 or time.perf_counter() >= deadline:
                return False
            tickets[0] -= 1
            return True

    def client() -> None:
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        timings, failures = [], 0
        while take_ticket():
            sent = time.perf_counter()
            try:
                connection.request("POST", parts.path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                ok = response.status == 200
            except (OSError, http.client.HTTPException):
                connection.close()  # reconnects on the next request
                ok = False
            if ok:
                timings.append((time.perf_counter() - sent) * 1000)
            else:
                failures += 1
        connection.close()
        with lock:
            result.latencies_ms.extend(timings)
            result.failures += failures

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.perf_counter() - started
    return result
