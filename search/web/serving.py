"""Serving the app with waitress in several processes that share one listening socket.

Python runs one thread at a time in a process, so a server that should use
every core forks: the parent binds the port, each child serves it with
waitress threads and its own backend (a backend holds open files, so children
are forked before any request is answered). The parent stops the children
when it is stopped.
"""

from __future__ import annotations

import os
import resource
import signal
import socket
import sys
from types import FrameType

from flask import Flask
from waitress import serve

from indexer.workers import die_with_parent

OPEN_FILES = 65536  # each thread's searcher holds a few files of every index segment open


def allow_open_files() -> None:
    """Raise this process's limit of open files toward OPEN_FILES, as far as the system lets it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = OPEN_FILES if hard == resource.RLIM_INFINITY else min(OPEN_FILES, hard)
    if soft != resource.RLIM_INFINITY and soft < wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))


def serve_forked(app: Flask, *, host: str, port: int, threads: int, workers: int) -> None:
    """Serve `app` on host:port with `workers` processes of `threads` threads each, until stopped."""
    allow_open_files()
    if workers <= 1:
        serve(app, host=host, port=port, threads=threads)
        return
    listener = socket.create_server((host, port), backlog=1024)
    children: list[int] = []
    parent = os.getpid()
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # a worker: serve until terminated, or until the parent is gone
            die_with_parent(parent)
            try:
                serve(app, sockets=[listener], threads=threads)
            finally:
                os._exit(0)
        children.append(pid)
    listener.close()

    def stop(signum: int, frame: FrameType | None) -> None:
        for child in children:
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass
        for child in children:
            try:
                os.waitpid(child, 0)
            except ChildProcessError:
                pass
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while children:
        try:
            pid, _ = os.wait()
        except ChildProcessError:
            break
        if pid in children:  # a worker died: stop the others rather than serve at half strength
            children.remove(pid)
            stop(signal.SIGTERM, None)
