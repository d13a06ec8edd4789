"""``matcher serve`` under load: 4 clients upload 50 resumes each at once while another ranks.

The server runs as a user starts it (``matcher serve`` on loopback, its own process, the
default worker processes).  Each upload client sends its resumes one request at a time,
all four together; meanwhile a fifth client ranks the pool (``GET /api/rank``) and reads
the progress, again and again, until every upload is done.  Then: every file must be a
row of its own (``added``, each with its own pool entry), none lost, none twice, and the
ranking client must have had an answer to every request.

The resumes are the shipped text samples, each with a line of its own so that every file
has other bytes (otherwise the pool would find them unchanged).  Needs no dev data.

    python -m benchmarks.bench_serve            # the numbers, as JSON
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CLIENTS = 4
FILES_PER_CLIENT = 50
SOURCES = ("mle_healthcare_daniel_osei.txt", "genai_technology_rafael_mendes.md")
WAIT_SECONDS = 1800


@contextmanager
def serving(folder: Path, *options: str) -> Iterator[str]:
    """``matcher serve OPTIONS`` on a free loopback port, its pool ``folder/pool.sqlite``;
    its address (``http://127.0.0.1:PORT``).  It must not print a traceback."""
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "matcher", "serve", "--db", str(folder / "pool.sqlite")),
            *("--port", "0", "--as-of", "2026-05", *options),
        ],
        cwd=folder,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert process.stderr is not None
    address = None
    for line in process.stderr:
        found = re.search(r"open (http://127\.0\.0\.1:\d+)/", line)
        if found:
            address = found.group(1)
            break
    said: list[str] = []
    reader = threading.Thread(target=lambda: said.extend(process.stderr or ()), daemon=True)
    reader.start()
    try:
        if address is None:
            raise RuntimeError("matcher serve did not start")
        yield address
    finally:
        process.terminate()
        process.wait(timeout=60)
        reader.join(timeout=10)
        process.stderr.close()
        if any("Traceback" in line for line in said):
            raise RuntimeError("the server failed:\n" + "".join(said))


def resumes(client: int, count: int) -> list[tuple[str, bytes]]:
    """``count`` resumes of the samples' text, each with bytes of its own."""
    texts = [(ROOT / "samples" / "resumes" / name).read_bytes() for name in SOURCES]
    made = []
    for number in range(count):
        source = SOURCES[number % len(SOURCES)]
        suffix = Path(source).suffix
        line = f"\nReference: client {client}, file {number}\n".encode()
        made.append((f"c{client}-f{number:03d}{suffix}", texts[number % len(texts)] + line))
    return made


def load_check(
    *, clients: int = CLIENTS, files_per_client: int = FILES_PER_CLIENT
) -> dict[str, Any]:
    """Run the load (see the module's text); what happened, in numbers."""
    import httpx2 as httpx

    with tempfile.TemporaryDirectory() as tmp, serving(Path(tmp)) as address:
        csrf = httpx.get(f"{address}/api/session").json()["csrf_token"]
        sent: dict[int, list[dict[str, Any]]] = {}
        refused: list[str] = []
        done = threading.Event()
        rank_seconds: list[float] = []
        rank_failures: list[str] = []

        def upload(client: int) -> None:
            rows = []
            with httpx.Client(base_url=address, timeout=120) as http:
                for name, content in resumes(client, files_per_client):
                    answer = http.post(
                        "/api/uploads",
                        files=[("files", (name, content))],
                        headers={"X-CSRF-Token": csrf},
                    )
                    if answer.status_code != 202:
                        refused.append(f"{name}: {answer.status_code}")
                        continue
                    rows += answer.json()["uploads"]
            sent[client] = rows

        def rank() -> None:
            with httpx.Client(base_url=address, timeout=120) as http:
                while not done.is_set():
                    started = time.perf_counter()
                    answer = http.get("/api/rank", params={"level": "senior-ai-engineer"})
                    rank_seconds.append(time.perf_counter() - started)
                    if answer.status_code != 200:
                        rank_failures.append(str(answer.status_code))
                    progress = http.get("/api/uploads")
                    if progress.status_code != 200:
                        rank_failures.append(str(progress.status_code))
                    time.sleep(0.2)

        started = time.perf_counter()
        ranker = threading.Thread(target=rank)
        ranker.start()
        uploaders = [threading.Thread(target=upload, args=(c,)) for c in range(clients)]
        for thread in uploaders:
            thread.start()
        for thread in uploaders:
            thread.join()
        sending = time.perf_counter() - started
        with httpx.Client(base_url=address, timeout=120) as http:
            deadline = time.monotonic() + WAIT_SECONDS
            while http.get("/api/uploads").json()["pending"] and time.monotonic() < deadline:
                time.sleep(0.5)
            total = time.perf_counter() - started
            done.set()
            ranker.join()
            final = http.get("/api/uploads").json()["uploads"]
            pool = http.get("/api/pool").json()
    names = [upload["file"] for upload in final]
    entries = [upload["entry"] for upload in final]
    statuses: dict[str, int] = {}
    for upload in final:
        statuses[upload["status"]] = statuses.get(upload["status"], 0) + 1
    expected = clients * files_per_client
    return {
        "clients": clients,
        "files_per_client": files_per_client,
        "files": expected,
        "accepted": sum(len(rows) for rows in sent.values()),
        "refused": refused,
        "statuses": statuses,
        "distinct_names": len(set(names)),
        "distinct_entries": len({e for e in entries if e is not None}),
        "pool_entries": len(pool),
        "pool_names_distinct": len({item["name"] for item in pool}),
        "seconds_sending": round(sending, 2),
        "seconds_until_all_analysed": round(total, 2),
        "resumes_per_second": round(expected / total, 2) if total else None,
        "rank_requests": len(rank_seconds),
        "rank_failures": rank_failures,
        "rank_median_s": round(statistics.median(rank_seconds), 3) if rank_seconds else None,
        "rank_max_s": round(max(rank_seconds), 3) if rank_seconds else None,
    }


def run(data_dir: Path, *, limit: int | None = None) -> dict[str, Any]:
    """The benchmark runner's entry point (no dev data needed; ``limit``: files per client)."""
    return load_check(files_per_client=limit or FILES_PER_CLIENT)


if __name__ == "__main__":
    print(json.dumps(load_check(), indent=2))
