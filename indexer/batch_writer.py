"""A bulk load's batches written by a process of their own while this one prepares the next.

`dipnews index --jobs N` extracts pages in N worker processes; this process
archives them and hands them to the index a batch at a time. Writing a batch
(analysing it, writing its segment, committing, merging) took half of this
process's time, and the workers stood idle meanwhile: on two cores, two jobs
ingested only 1.3 times as fast as one. With a writer process, this one goes
on archiving the next batch while the last is written.

The writer takes the batches one at a time, in the order given, each grouped
against the index the one before left: the index is the one a serial run
writes. At most one batch is being written while the next is prepared, so
memory stays bounded. A batch is sent only once its pages are archived (the
caller syncs first), and the writer dies with this process: a run stopped at
any point is completed by running it again, as without a writer.

The writer is started when the first full batch is ready, so a load of a
single batch writes it here and pays no start-up (a second: it imports
dipnews). It is spawned, not forked: a lock another thread of this process
held at the fork would stay held in it. So, as for any spawned process, a
script that calls `ingest_files(jobs=2)` does so under
`if __name__ == "__main__":`.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import traceback
from multiprocessing.connection import Connection
from types import TracebackType
from typing import TYPE_CHECKING, NoReturn

from indexer.errors import DipnewsError
from indexer.workers import die_with_parent

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from indexer.article import Article
    from search.backends import Backend

WRITER_NAME = "dipnews-writer"
_DONE = None  # sent instead of a batch: write nothing more, finish merging, exit


class WriterStopped(DipnewsError):
    """The writer process ended before it said it had written a batch."""


class BatchWriter:
    """Writes batches to a backend, in a writer process when `background`, else in this one.

    `write` returns once the batch is handed over (after waiting for the batch
    before it, whose error it raises); `finish` waits for the last one and for
    the merges the writes started. Use it as a context manager: leaving it on an
    error stops the writer at once.
    """

    def __init__(self, backend: Backend, background: bool) -> None:
        self.backend = backend
        self.background = background
        self._connection: Connection | None = None
        self._process: BaseProcess | None = None
        self._in_flight = False

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if kind is None:
            self.finish()
        else:  # the batch in flight is archived: running the command again indexes it
            self._stop(at_once=True)

    def write(self, batch: list[Article], last: bool = False) -> None:
        """Write a batch; `last`: none follows (written here when no writer runs yet)."""
        if self._connection is None and self.background and not last:
            self._start()
        if self._connection is None:
            self.backend.write(batch)
            return
        self._wait()
        self._send(batch)

    def finish(self) -> None:
        """Wait until every batch is written and the writer's merges are done."""
        if self._connection is None:
            return
        self._wait()
        self._send(_DONE)
        self._wait()
        self._stop()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        ours, theirs = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(theirs, self.backend, os.getpid()), name=WRITER_NAME, daemon=True
        )
        self._process.start()
        theirs.close()
        self._connection = ours

    def _send(self, batch: list[Article] | None) -> None:
        assert self._connection is not None
        try:
            self._connection.send(batch)
        except OSError:
            self._stopped()
        self._in_flight = True

    def _wait(self) -> None:
        """Wait for the batch in flight; raise what stopped it."""
        assert self._connection is not None
        if not self._in_flight:
            return
        try:
            answer = self._connection.recv()
        except (EOFError, OSError):
            self._stopped()
        self._in_flight = False
        if isinstance(answer, BaseException):
            self._stop()
            raise answer

    def _stopped(self) -> NoReturn:
        self._stop()
        raise WriterStopped("The index writer stopped before it finished; run the command again.")

    def _stop(self, at_once: bool = False) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
        if self._process is not None:
            if not at_once:
                self._process.join(timeout=60)  # a writer that answered its last batch is ending
            if self._process.is_alive():
                self._process.terminate()
                self._process.join()
            self._process = None


def _serve(connection: Connection, backend: Backend, parent: int) -> None:
    """The writer process: write each batch received, answer None or the error, until told done."""
    die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the parent, which stops the writer
    while True:
        try:
            batch = connection.recv()
        except EOFError:  # the parent stopped: write nothing more
            return
        try:
            if batch is _DONE:
                backend.close()  # waits for the merges the writes started
            else:
                backend.write(batch)
        except DipnewsError as error:
            _answer(connection, error)
            return
        except Exception:  # a bug: its traceback reaches the parent
            _answer(connection, RuntimeError(f"The index writer failed:\n{traceback.format_exc()}"))
            return
        if not _answer(connection, None) or batch is _DONE:
            return


def _answer(connection: Connection, answer: BaseException | None) -> bool:
    """Tell the parent how a batch went; False when it no longer listens."""
    try:
        connection.send(answer)
    except OSError:  # the parent stopped
        return False
    return True
