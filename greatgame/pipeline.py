"""The one entry both the CLI and the Python API use: sources in, Documents (or Failures) out.

    read_sources -> prepare -> Annotator.annotate -> Coder.code

Documents stream through in input order with bounded memory. With ``settings.workers > 1``
the NLP work runs in worker processes (the model is loaded once per worker); reading the
sources and writing the store stay in the calling process, so there is one writer.

Documents travel in batches (``BATCH_DOCS``, at most ``BATCH_CHARS`` of text): a worker
annotates a batch with one ``nlp.pipe`` call (``Engine.process_batch``; failures and the time
limit stay per document), at most two batches per worker are in flight, and ingest commits
the finished documents a batch per transaction (``Store.write_documents``).
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from greatgame.config import Settings
from greatgame.errors import DocumentTimeout, GreatGameError
from greatgame.models import Document, Failure, RawDocument

logger = logging.getLogger(__name__)

Result = Document | Failure

BATCH_DOCS = 16  # documents per batch handed to a worker (and to one nlp.pipe call)
BATCH_CHARS = 200_000  # a batch closes early at this much raw text, to bound memory
WRITE_BATCH = 32  # finished documents committed to the store in one transaction
WRITE_SECONDS = 2.0  # ... or fewer, when this long has passed since the first of them arrived


class Engine:
    """The NLP half of the pipeline in one process: prepare, annotate, code.

    Built once per process; holds the catalogue, the spaCy model and the event coder.
    """

    def __init__(self, settings: Settings):
        from greatgame.catalogue import load_catalogue
        from greatgame.events import CandidateFilter, Coder
        from greatgame.nlp import Annotator, irregular_forms, load_model

        self.settings = settings
        self.catalogue = load_catalogue()
        select = CandidateFilter(irregular=irregular_forms(load_model(settings.model)))
        self.annotator = Annotator(settings, self.catalogue, select=select)
        self.coder = Coder(self.catalogue)

    def process_batch(self, raws: list[RawDocument]) -> list[Result]:
        """Process several documents at once (one ``nlp.pipe`` call for all their sentences).

        Same results as :meth:`process` on each: a document that cannot be read is a Failure of
        its own, and the time limit stays per document - the batch's annotation and coding run
        under one limit of ``doc_timeout``; when that runs out, or anything else goes wrong in
        the batch, its documents are redone one at a time, each with its own limit, so only the
        document at fault fails.
        """
        if len(raws) <= 1:
            return [self.process(raw) for raw in raws]
        from greatgame.ingest import prepare

        results: list[Result | None] = [None] * len(raws)
        docs: list[tuple[int, Document]] = []
        for k, raw in enumerate(raws):
            try:
                with _time_limit(self.settings.doc_timeout, raw.id):
                    docs.append((k, prepare(raw, self.settings)))
            except Exception as exc:  # noqa: BLE001 - the document's own Failure, as in process()
                results[k] = _failure(raw, exc)
        try:
            with _time_limit(self.settings.doc_timeout, raws[0].id):
                for (k, _), doc in zip(docs, self.annotator.annotate(d for _, d in docs), strict=True):
                    self.coder.code(doc)
                    doc.parses = {}
                    results[k] = doc
        except Exception:  # noqa: BLE001 - includes DocumentTimeout; redone one at a time
            logger.info("batch of %d documents redone one at a time", len(docs))
            for k, _ in docs:
                results[k] = self.process(raws[k])
        return results  # type: ignore[return-value]

    def process(self, raw: RawDocument) -> Result:
        """Turn one raw document into a finished Document, or a Failure naming the reason."""
        from greatgame.ingest import prepare

        try:
            with _time_limit(self.settings.doc_timeout, raw.id):
                doc = prepare(raw, self.settings)
                doc = next(iter(self.annotator.annotate([doc])))
                self.coder.code(doc)
                doc.parses = {}
                return doc
        except Exception as exc:  # noqa: BLE001 - every error costs this document only
            return _failure(raw, exc)


def _failure(raw: RawDocument, exc: BaseException) -> Failure:
    """The Failure of a document whose processing raised ``exc``."""
    if isinstance(exc, GreatGameError):
        reason = getattr(exc, "reason", None) or str(exc)
        return Failure(raw.id, reason, raw.path)
    if isinstance(exc, RecursionError):
        return Failure(raw.id, "the document is nested too deeply to process", raw.path)
    if isinstance(exc, MemoryError):
        return Failure(raw.id, "the document needs more memory than is available", raw.path)
    # Hardening (security helper): a bug a hostile document triggers in one stage must
    # cost that document, not the run. The traceback goes to the log; the Failure says
    # it is a bug, so it is reported rather than mistaken for a bad input.
    logger.error("internal error while processing %s", raw.id, exc_info=exc)
    return Failure(raw.id, f"internal error while processing the document ({type(exc).__name__}: "
                           f"{str(exc)[:200]}); this is a bug in greatgame: please report it", raw.path)


@contextmanager
def _time_limit(seconds: float, doc_id: str):
    """Raise DocumentTimeout when the block runs longer than ``seconds`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def _expired(signum, frame):
        raise DocumentTimeout(
            doc_id,
            f"processing took longer than {seconds:g} s; raise the limit with --doc-timeout "
            "or GREATGAME_DOC_TIMEOUT if the document is genuine",
        )

    previous = signal.signal(signal.SIGALRM, _expired)
    # Hardening: the alarm repeats (every second at most) until the block ends, because a library
    # that catches Exception (trafilatura does, around its extraction) may swallow the first one.
    signal.setitimer(signal.ITIMER_REAL, seconds, min(seconds, 1.0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


_WORKER_ENGINE: Engine | None = None


def _worker_init(settings: Settings) -> None:
    global _WORKER_ENGINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_ENGINE = Engine(settings)


def _worker_process(batch: list[RawDocument]) -> list[Result]:
    assert _WORKER_ENGINE is not None, "worker used before its initialiser ran"
    return _WORKER_ENGINE.process_batch(batch)


@dataclass
class Progress:
    """Counts of a run, for the summary line and the progress bar."""

    total: int | None = None
    done: int = 0
    failed: int = 0
    skipped: int = 0
    stored: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        """Documents per second so far."""
        elapsed = time.monotonic() - self.started
        return self.done / elapsed if elapsed > 0 else 0.0


def _sources(
    paths: Iterable[str | Path], settings: Settings, skip: Callable[[RawDocument], bool] | None
) -> Iterator[RawDocument | Failure]:
    from greatgame.ingest import read_sources

    for item in read_sources(paths, settings):
        if isinstance(item, RawDocument) and skip is not None and skip(item):
            continue
        yield item


def process(
    paths: Iterable[str | Path],
    settings: Settings,
    skip: Callable[[RawDocument], bool] | None = None,
) -> Iterator[Result]:
    """Yield a Document or a Failure for every input document, in input order.

    ``skip(raw)`` may drop documents before any NLP work (used by ingest for documents
    already stored). Memory stays bounded: at most a few batches per worker are in flight.
    """
    items = _sources(paths, settings, skip)
    if settings.workers <= 1:
        yield from _process_here(items, settings)
    else:
        yield from _process_pool(items, settings)


def _process_here(items: Iterable[RawDocument | Failure], settings: Settings) -> Iterator[Result]:
    """Process in this process, a batch of documents at a time (see Engine.process_batch)."""
    engine: Engine | None = None
    for group in _groups(items, settings):
        if isinstance(group, Failure):
            yield group
            continue
        if engine is None:
            engine = Engine(settings)
        yield from engine.process_batch(group)


def _groups(items: Iterable[RawDocument | Failure], settings: Settings) -> Iterator[list[RawDocument] | Failure]:
    """Batches of raw documents (by count and size), with read failures passed through in order."""
    size = max(1, min(settings.batch_size, BATCH_DOCS))
    batch: list[RawDocument] = []
    chars = 0
    for item in items:
        if isinstance(item, Failure):
            if batch:
                yield batch
                batch, chars = [], 0
            yield item
            continue
        batch.append(item)
        chars += len(item.content)
        if len(batch) >= size or chars >= BATCH_CHARS:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _process_pool(items: Iterable[RawDocument | Failure], settings: Settings) -> Iterator[Result]:
    """Fan batches out to worker processes; keep order; keep at most 2 batches per worker queued."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    window = 2 * settings.workers
    pending: deque[tuple[str, object]] = deque()  # ("failure", Failure) | ("future", Future)
    with ProcessPoolExecutor(settings.workers, mp_context=ctx, initializer=_worker_init,
                             initargs=(settings,)) as pool:

        def drain(limit: int) -> Iterator[Result]:
            while len([p for p in pending if p[0] == "future"]) > limit or (
                pending and pending[0][0] == "failure"
            ):
                kind, value = pending.popleft()
                if kind == "failure":
                    yield value  # type: ignore[misc]
                else:
                    yield from value.result()  # type: ignore[union-attr]

        for group in _groups(items, settings):
            if isinstance(group, Failure):
                pending.append(("failure", group))
            else:
                pending.append(("future", pool.submit(_worker_process, group)))
            yield from drain(window)
        while pending:
            kind, value = pending.popleft()
            if kind == "failure":
                yield value  # type: ignore[misc]
            else:
                fut: Future = value  # type: ignore[assignment]
                yield from fut.result()


SUFFIXES = {".txt", ".md", ".html", ".htm", ".jsonl"}


def estimate_total(paths: Iterable[str | Path]) -> int | None:
    """Count the documents the paths hold (files, plus lines of JSONL files), for an ETA."""
    total = 0
    try:
        for p in map(Path, paths):
            files = [p] if p.is_file() else sorted(f for f in p.rglob("*") if f.is_file())
            for f in files:
                if f.suffix.lower() not in SUFFIXES or f.name.startswith("."):
                    continue
                if f.suffix.lower() == ".jsonl":
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                else:
                    total += 1
    except OSError:
        return None
    return total


def run_extract(
    paths: Iterable[str | Path],
    settings: Settings,
    emit: Callable[[dict], None],
    on_failure: Callable[[Failure], None] | None = None,
) -> Progress:
    """Extract records from the paths; ``emit`` gets one contract record per document, in order."""
    progress = Progress()
    for result in process(paths, settings):
        progress.done += 1
        if isinstance(result, Failure):
            progress.failed += 1
            if on_failure:
                on_failure(result)
        emit(result.to_record())
    return progress


def run_ingest(
    paths: Iterable[str | Path],
    settings: Settings,
    store,
    on_result: Callable[[Result, Progress], None] | None = None,
    finish: bool = True,
) -> Progress:
    """Process the paths and write the Documents to the store, a batch per transaction.

    Documents whose content is already stored are skipped before any NLP work, so a rerun
    after a crash resumes where the last committed batch left off. Finished documents are
    committed together (``Store.write_documents``) once ``WRITE_BATCH`` of them are waiting or
    ``WRITE_SECONDS`` have passed: a commit per document would cost about as much as its NLP.
    ``on_result`` is called for each document once it is committed (or failed), in order.
    With ``finish`` (the default) the outlets and story clusters are brought up to date at the
    end (``finish_ingest``).
    """
    paths = list(paths)
    progress = Progress(total=estimate_total(paths) if settings.progress else None)

    def already(raw: RawDocument) -> bool:
        if store.has_document(raw.content_hash()):
            progress.skipped += 1
            return True
        return False

    _bound_store_memory(store)
    waiting: list[Result] = []
    since = time.monotonic()

    def flush() -> None:
        docs = [r for r in waiting if not isinstance(r, Failure)]
        written = iter(store.write_documents(docs) if docs else [])
        for result in waiting:
            progress.done += 1
            if isinstance(result, Failure):
                progress.failed += 1
            elif next(written):
                progress.stored += 1
            else:
                progress.skipped += 1
            if on_result:
                on_result(result, progress)
        waiting.clear()

    for result in process(paths, settings, skip=already):
        if not waiting:
            since = time.monotonic()
        waiting.append(result)
        if len(waiting) >= WRITE_BATCH or time.monotonic() - since >= WRITE_SECONDS:
            flush()
    flush()
    if finish:
        finish_ingest(store)
    return progress


FINISH_STARTED = "bringing outlets and story clusters up to date"  # logged; benchmarks/memory.py watches for it


def finish_ingest(store) -> dict[str, int] | None:
    """The derived source data after an ingest: documents' outlets, then the story clusters.

    Runs only when a stored document has no outlet row or an event no cluster (something new
    was stored, or an earlier run stopped before this step), so a rerun that stores nothing
    changes nothing. Clustering is incremental (``analysis.cluster_store``): new events join the
    stored clusters or form new ones, block of days by block, without loading the whole store,
    and cluster ids stay. Returns ``{"outlets": n, "clusters": m}``, or None when all was current.
    """
    from greatgame.analysis.clusters import refresh_sources, sources_stale
    from greatgame.analysis.facts import refresh_summaries

    logger.info("%s", FINISH_STARTED)
    if not sources_stale(store):
        refresh_summaries(store)  # summary tables of the fast queries (nothing to do when current)
        return None
    counts = refresh_sources(store)
    refresh_summaries(store)
    logger.info("sources refreshed: %d outlets, %d story clusters", counts["outlets"], counts["clusters"])
    return counts


INGEST_DB_MEMORY = "256MB"


def _bound_store_memory(store) -> None:
    """Cap DuckDB's buffer pool while ingesting.

    Its default, 80 % of RAM, lets a long run's written blocks pile up in the writer's memory;
    they are on disk anyway.
    """
    con = getattr(store, "con", None)
    if con is not None:
        try:
            con.execute(f"SET memory_limit = '{INGEST_DB_MEMORY}'")
        except Exception as exc:  # noqa: BLE001 - a cap we cannot set costs memory, not correctness
            logger.debug("could not cap DuckDB memory: %s", exc)
