"""`kg load`: files and folders into the graph, each document whole or not at all.

read (documents) → extract (extract) → merge across the corpus (corpus) →
write (graph.writer), one transaction per document. A file that fails at any
stage is reported with its reason and leaves nothing in the graph; the rest
of the run goes on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import structlog

from graph import lookup
from graph.connection import Graph
from graph.writer import write_document, write_documents
from loaders.corpus import merge_corpus
from loaders.documents import TIMELINE_SUFFIXES, DocumentError, discover, read_document, read_manifest
from loaders.extract import DocumentExtraction, extract_documents
from loaders.records import DocumentRecord
from loaders.structured import TimelineError, load_timeline

log = structlog.get_logger(__name__)



@dataclass
class LoadReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    event_ids: set[str] = field(default_factory=set)
    actor_ids: set[str] = field(default_factory=set)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> dict[str, int]:
        return {
            "documents loaded": len(self.loaded),
            "skipped as unchanged": len(self.unchanged),
            "failed": len(self.failed),
            "events": len(self.event_ids),
            "actors": len(self.actor_ids),
        }


Progress = Callable[[str, int], None]  # (stage now running, files finished since the last call)


def _declared_duplicates(documents: dict[Path, DocumentRecord]) -> list[tuple[str, str]]:
    """duplicate_of pairs from the manifests beside the files, as document ids."""
    by_path = {path.resolve(): doc.id for path, doc in documents.items()}
    pairs = []
    for path, document in documents.items():
        entry = read_manifest(path.parent).get(path.name)
        if entry is not None and entry.duplicate_of:
            other = by_path.get((path.parent / entry.duplicate_of).resolve())
            if other is not None:
                pairs.append((document.id, other))
    return pairs


def read_documents(files: Sequence[Path], report: LoadReport, **metadata: str | None) -> dict[Path, DocumentRecord]:
    documents: dict[Path, DocumentRecord] = {}
    for path in files:
        try:
            documents[path] = read_document(path, **metadata)
        except DocumentError as exc:
            report.failed.append((str(path), exc.reason))
            log.warning("load.failed", path=str(path), reason=exc.reason)
    return documents


def load_paths(
    graph: Graph,
    paths: Sequence[Path],
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    progress: Progress | None = None,
) -> LoadReport:
    """Load files, folders and timelines. Never raises for a bad file: see the report."""
    report = LoadReport()
    try:
        files = discover([Path(p) for p in paths])
    except DocumentError as exc:
        report.failed.append((str(exc.path), exc.reason))
        return report
    tick = progress or (lambda stage, n: None)

    for path in [f for f in files if f.suffix.lower() in TIMELINE_SUFFIXES]:
        try:
            batch = load_timeline(path)
            summary = write_documents(graph, batch)
        except TimelineError as exc:
            report.failed.append((str(path), str(exc)))
            tick("timelines", 1)
            continue
        except Exception as exc:  # a write that failed was rolled back whole
            log.exception("load.write_failed", path=str(path))
            report.failed.append((str(path), f"could not be written: {exc}"))
            tick("timelines", 1)
            continue
        if summary.documents_unchanged and not summary.documents_written:
            report.unchanged.append(str(path))
        else:
            report.loaded.append(str(path))
            for extracted in batch:
                if extracted.document.id in summary.written_ids:  # written, not skipped as unchanged
                    report.event_ids |= {e.id for e in extracted.events}
                    report.actor_ids |= {a.id for a in extracted.actors}
        tick("timelines", 1)

    text_files = [f for f in files if f.suffix.lower() not in TIMELINE_SUFFIXES]
    single = len(paths) == 1 and len(text_files) == 1
    metadata = {"title": title, "published": published, "url": url, "publisher": publisher} if single else {}
    documents = read_documents(text_files, report, **metadata)
    tick("reading", len(text_files) - len(documents))

    stored = lookup.document_hashes(graph, [d.id for d in documents.values()])
    fresh: dict[Path, DocumentRecord] = {}
    for path, document in documents.items():
        if stored.get(document.id) == document.sha256:
            report.unchanged.append(str(path))
            tick("reading", 1)
        else:
            fresh[path] = document
    if not fresh:
        return report

    paths_by_id = {d.id: p for p, d in fresh.items()}
    extractions: list[DocumentExtraction] = []
    def failed(document: DocumentRecord, exc: Exception) -> None:
        log.error("extract.failed", path=str(paths_by_id[document.id]), error=repr(exc))
        report.failed.append((str(paths_by_id[document.id]), f"extraction failed: {exc}"))

    for extraction in extract_documents(list(fresh.values()), on_error=failed):
        extractions.append(extraction)
        tick("extracting", 0)

    tick("merging", len(fresh) - len(extractions))
    merged = merge_corpus(extractions, graph, declared_duplicates=_declared_duplicates(fresh))
    for extracted in merged:
        path = paths_by_id[extracted.document.id]
        try:
            write_document(graph, extracted)
        except Exception as exc:  # rolled back whole; the rest of the run goes on
            log.exception("load.write_failed", path=str(path))
            report.failed.append((str(path), f"could not be written: {exc}"))
            tick("writing", 1)
            continue
        report.loaded.append(str(path))
        report.event_ids |= {e.id for e in extracted.events}
        report.actor_ids |= {a.id for a in extracted.actors}
        tick("writing", 1)
    return report
