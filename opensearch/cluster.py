"""Start, stop and find a local OpenSearch cluster for dipnews' tests and benchmarks.

    python opensearch/cluster.py start   # build if needed, start in the background, wait for green,
                                         # print the nodes' URLs (comma-separated) as the last line
    python opensearch/cluster.py stop
    python opensearch/cluster.py url     # the running cluster's URLs, or exit 1
    python opensearch/cluster.py node 2 stop|start   # stop or restart one node (failover tests)

The nodes are real OpenSearch 2.19 nodes on 127.0.0.1, in one JVM started by
Launcher.java, built with Maven from Maven Central only. Standard library only:
it runs before dipnews' virtualenv exists. Environment: OPENSEARCH_HOME (state,
default instance/opensearch), OPENSEARCH_PORT (first node's HTTP port, 9201),
OPENSEARCH_NODES (3), OPENSEARCH_HEAP (1500m), OPENSEARCH_CONTROL_PORT (9299).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
HOME = Path(os.environ.get("OPENSEARCH_HOME", HERE.parent / "instance" / "opensearch")).resolve()
PORT = int(os.environ.get("OPENSEARCH_PORT", "9201"))
NODES = int(os.environ.get("OPENSEARCH_NODES", "3"))
HEAP = os.environ.get("OPENSEARCH_HEAP", "1500m")
CONTROL_PORT = int(os.environ.get("OPENSEARCH_CONTROL_PORT", "9299"))
START_SECONDS = 300
JAR = HERE / "target" / "dipnews-opensearch-cluster-1.jar"


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else ""
    if command == "start":
        return start()
    if command == "stop":
        return stop()
    if command == "url":
        url = running_url()
        if url:
            print(url)
        return 0 if url else 1
    if command == "node" and len(argv) == 4 and argv[3] in ("stop", "start"):
        print(control(f"/nodes/{int(argv[2])}/{argv[3]}"))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


def start() -> int:
    url = running_url()
    if url:
        print(url)
        return 0
    stop(quiet=True)  # a cluster half up from an earlier run
    taken = [port for port in (*range(PORT, PORT + NODES), CONTROL_PORT) if in_use(port)]
    if taken:
        print(
            f"Port(s) {', '.join(map(str, taken))} on 127.0.0.1 are taken (another cluster?); stop what "
            "holds them or set OPENSEARCH_PORT and OPENSEARCH_CONTROL_PORT.",
            file=sys.stderr,
        )
        return 1
    build()
    HOME.mkdir(parents=True, exist_ok=True)
    (HOME / "url").unlink(missing_ok=True)
    log = open(HOME / "cluster.log", "wb")
    classpath = f"{JAR}:{HERE / 'target' / 'lib'}/*"
    process = subprocess.Popen(
        ["java", f"-Xms{HEAP}", f"-Xmx{HEAP}", "-cp", classpath, "dipnews.cluster.Launcher",
         str(HOME), str(PORT), str(NODES), str(CONTROL_PORT)],
        stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
    )
    (HOME / "pid").write_text(str(process.pid))
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            print(f"The OpenSearch cluster exited ({process.returncode}); its log ends:", file=sys.stderr)
            print(tail(HOME / "cluster.log"), file=sys.stderr)
            return 1
        url = running_url()
        if url:
            print(f"OpenSearch cluster of {NODES} nodes is green (log: {HOME / 'cluster.log'})")
            print(url)
            return 0
        time.sleep(1)
    print(f"The OpenSearch cluster was not green after {START_SECONDS} s; its log ends:", file=sys.stderr)
    print(tail(HOME / "cluster.log"), file=sys.stderr)
    stop(quiet=True)
    return 1


def build() -> None:
    sources = [HERE / "pom.xml", *HERE.glob("src/**/*.java")]
    if JAR.exists() and all(s.stat().st_mtime <= JAR.stat().st_mtime for s in sources):
        return
    print("Building the OpenSearch launcher with Maven (first time: downloads from Maven Central)…")
    subprocess.run(["mvn", "-q", "-B", "-f", str(HERE / "pom.xml"), "package"], check=True)


def running_url() -> str | None:
    """The URLs of the cluster if it runs here and is green."""
    try:
        url = (HOME / "url").read_text().strip()
    except FileNotFoundError:
        return None
    try:
        with urllib.request.urlopen(url.split(",")[0] + "/_cluster/health", timeout=5) as response:
            health = json.load(response)
    except (urllib.error.URLError, OSError, ValueError):
        return None
    return url if health.get("status") == "green" else None


def in_use(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def control(path: str) -> str:
    request = urllib.request.Request(f"http://127.0.0.1:{CONTROL_PORT}{path}", method="POST")
    with urllib.request.urlopen(request, timeout=120) as response:
        return response.read().decode().strip()


def stop(quiet: bool = False) -> int:
    pid_file = HOME / "pid"
    try:
        pid = int(pid_file.read_text())
    except (FileNotFoundError, ValueError):
        if not quiet:
            print("No OpenSearch cluster is running here.")
        return 0
    try:
        control("/shutdown")
    except (urllib.error.URLError, OSError):
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
    for _ in range(60):
        if not alive(pid):
            break
        time.sleep(0.5)
    else:
        os.kill(pid, signal.SIGKILL)
    pid_file.unlink(missing_ok=True)
    (HOME / "url").unlink(missing_ok=True)
    if not quiet:
        print("OpenSearch cluster stopped.")
    return 0


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie of ours is not alive
        return os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return True


def tail(path: Path, lines: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except FileNotFoundError:
        return "(no log)"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
