"""Extraction on every core: a function mapped over items by worker processes, results in order.

Indexing is extraction (decode, clean, describe: pure work on one page) fed
into one writer. The workers do the first part side by side; the caller gets
the results in the order it gave the items, so what is written is what a
serial run writes. At most JOBS_AHEAD items per worker are in flight, so a
folder of a million pages is never held in memory at once.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
JOBS_AHEAD = 32  # items submitted per worker before the first result is awaited


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
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=initializer, initargs=initargs) as pool:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(function, item))
            if len(pending) >= jobs * JOBS_AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
