"""Extraction on every core: a function mapped over items by worker processes, results in order.

Indexing is extraction (decode, clean, describe: pure work on one page) fed
into one writer. The workers do the first part side by side; the caller gets
the results in the order it gave the items, so what is written is what a
serial run writes. At most JOBS_AHEAD items per worker are in flight, so a
folder of a million pages is never held in memory at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
JOBS_AHEAD = 32  # items submitted per worker before the first result is awaited
WORKER_NICENESS = 10  # added to a worker's scheduling niceness
PR_SET_PDEATHSIG = 1  # prctl option: a signal for this process when its parent dies (Linux)


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(
    function: Callable[[T], R],
    items: Iterable[T],
    jobs: int,
    initializer: Callable[..., Any] | None = None,
    initargs: tuple[Any, ...] = (),
) -> Iterator[R]:
    """`map(function, items)` over `jobs` worker processes (in this process when jobs is 1).

    `initializer(*initargs)` runs once in each worker (and here, when jobs is 1)
    to set what every call shares. Workers are forked: the function and the
    initializer's arguments need not be picklable, only items and results.
    """
    if jobs <= 1:
        if initializer is not None:
            initializer(*initargs)
        yield from map(function, items)
        return
    context = multiprocessing.get_context("fork")
    start = (_start_worker, (os.getpid(), initializer, initargs))
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=start[0], initargs=start[1]) as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= jobs * JOBS_AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def die_with_parent(parent: int) -> None:
    """Have this (forked) process stopped when its parent dies, even of SIGKILL (on Linux).

    A pool worker waits for work on a pipe its siblings also hold open, and a
    server process on a socket: either would outlive its parent otherwise.
    """
    if sys.platform == "linux":
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def _start_worker(parent: int, initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    die_with_parent(parent)
    # the process a worker feeds, and the writer that process feeds, are the serial stages: when
    # the cores are all busy they go first (a worker waits with its next pages queued)
    os.nice(WORKER_NICENESS)
    if initializer is not None:
        initializer(*initargs)
