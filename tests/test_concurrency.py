"""Real processes: concurrent clients against the served app, and an indexer killed mid-run."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from search.backends import open_backend
from search.query import SearchRequest
from search.web.auth import create_token

DIPNEWS = [sys.executable, "-m", "search.cli"]
ROOT = Path(__file__).resolve().parent.parent


def story(n: int) -> str:
    return (
        f"GENEVA, May {n % 28 + 1} - Negotiators from delegation number {n} reached agreement "
        f"on clause {n * 7} of the water-sharing accord on Tuesday, diplomats said after "
        f"the {n}th round of talks, which took place behind closed doors."
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def served(tmp_path):
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    port = free_port()
    server = subprocess.Popen(
        [*DIPNEWS, "--data-dir", str(data_dir), "serve", "--port", str(port), "--threads", "8"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/search.json").read()
            break
        except OSError:
            time.sleep(0.1)
    yield base, data_dir
    server.terminate()
    server.wait(timeout=10)


def processes_naming(path: Path, within: float) -> list[int]:
    """Processes whose command line names `path`, once they have had `within` seconds to end."""
    deadline = time.time() + within
    while True:
        found = []
        for proc in Path("/proc").iterdir():
            try:
                if proc.name.isdigit() and str(path).encode() in (proc / "cmdline").read_bytes():
                    found.append(int(proc.name))
            except OSError:
                continue
        if not found or time.time() > deadline:
            return found
        time.sleep(0.1)


def add_many(args: tuple[str, str, range]) -> list[int]:
    base, token, numbers = args
    statuses = []
    for n in numbers:
        request = urllib.request.Request(
            base + "/api/articles",
            data=json.dumps({"text": story(n), "outlet": f"Outlet {n % 4}"}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                statuses.append(response.status)
        except urllib.error.HTTPError as error:
            statuses.append((error.code, error.read().decode()))
    return statuses


def test_four_clients_add_200_articles_and_all_are_found(served):
    base, data_dir = served
    token = create_token(data_dir, "load")
    chunks = [(base, token, range(i, 200, 4)) for i in range(4)]
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        statuses = [s for chunk in pool.map(add_many, chunks) for s in chunk]
    assert statuses == [201] * 200
    result = json.loads(urllib.request.urlopen(base + "/search.json?q=delegation").read())
    assert result["total"] == 200
    outlets = {v["value"]: v["count"] for v in result["facets"]["outlet"]}
    assert outlets == {f"Outlet {i}": 50 for i in range(4)}
    assert len(list((data_dir / "archive" / "records").iterdir())) == 200


def test_server_processes_stop_with_a_killed_parent(tmp_path):
    data_dir = tmp_path / "data"
    port = free_port()
    command = [*DIPNEWS, "--data-dir", str(data_dir), "serve", "--port", str(port), "--workers", "2"]
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/search.json").read()
            break
        except OSError:
            time.sleep(0.1)
    assert len(processes_naming(data_dir, within=0)) == 3  # the parent and two workers
    os.kill(server.pid, signal.SIGKILL)
    server.wait()
    assert not processes_naming(data_dir, within=10)


def test_indexer_killed_mid_run_leaves_an_index_that_opens_and_a_rerun_completes(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    count = 1500
    for n in range(count):
        (pages / f"{n:04}.txt").write_text(story(n))
    for n in range(0, count, 100):  # the same page again with other metadata: still one article
        (pages / f"{n:04}-copy.txt").write_text(story(n))
        (pages / f"{n:04}-copy.txt.meta.json").write_text('{"outlet": "Second Source"}')
    data_dir = tmp_path / "data"
    run = [*DIPNEWS, "--data-dir", str(data_dir), "index", str(pages)]
    indexer = subprocess.Popen(run, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    records = data_dir / "archive" / "records"
    deadline = time.time() + 60
    while time.time() < deadline and (not records.exists() or len(os.listdir(records)) < 700):
        time.sleep(0.02)
    os.kill(indexer.pid, signal.SIGKILL)
    indexer.wait()
    assert not processes_naming(data_dir, within=10)  # its worker processes stopped with it
    partial = open_backend(data_dir).search(SearchRequest(q="delegation")).total
    assert partial < count  # killed before the end
    rerun = subprocess.run(run, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    backend = open_backend(data_dir)
    assert backend.search(SearchRequest(q="delegation")).total == count
    assert backend.stats()["documents"] == len(backend.indexed_ids()) == count  # no id held twice


def _niceness(_: int) -> int:
    return os.nice(0)


def test_extraction_workers_yield_the_cores_to_the_process_they_feed():
    from indexer.workers import WORKER_NICENESS, ordered_map

    ours = os.nice(0)
    assert list(ordered_map(_niceness, range(4), jobs=2)) == [min(ours + WORKER_NICENESS, 19)] * 4
    assert os.nice(0) == ours  # this process keeps its own
