"""Loading benchmark: how long extraction, graph writes, reloads and a timeline read take.

Runs on the embedded engine, started on free ports in a temporary directory
(or on NEO4J_URI when set: that database is emptied first). The corpus is
the articles in seeds/, tests/fixtures/news/ and tests/fixtures/eval/articles/.
Figures from one run on a noisy machine: compare ratios within a run, not
absolute times across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "seeds", ROOT / "tests" / "fixtures" / "news", ROOT / "tests" / "fixtures" / "eval" / "articles"]


def run(repeats: int = 20) -> dict[str, float]:
    from graph import engine
    from graph.admin import clear_graph
    from graph.connection import connect
    from graph.reader import EventFilter, GraphReader
    from graph.writer import write_documents
    from kg.settings import Settings
    from loaders import nlp
    from loaders.corpus import merge_corpus
    from loaders.extract import extract_documents
    from loaders.documents import TIMELINE_SUFFIXES, discover, read_document
    from loaders.pipeline import load_paths

    figures: dict[str, float] = {}
    files = [f for f in discover(CORPUS) if f.suffix.lower() not in TIMELINE_SUFFIXES]
    documents = [read_document(f) for f in files]
    figures["documents"] = len(documents)
    figures["characters"] = sum(len(d.text) for d in documents)

    started = time.perf_counter()
    nlp.get_nlp()
    figures["model_load_s"] = time.perf_counter() - started

    started = time.perf_counter()
    extractions = list(extract_documents(documents))
    figures["extract_s"] = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as data_dir:
        if os.environ.get("NEO4J_URI"):
            settings = Settings()
        else:
            settings = Settings(neo4j_uri=None, kg_data_dir=Path(data_dir), kg_bolt_port=engine.free_port(), kg_http_port=engine.free_port())
            started = time.perf_counter()
            engine.start(settings)
            figures["engine_start_s"] = time.perf_counter() - started
        try:
            with connect(settings) as graph:
                clear_graph(graph)
                merged = merge_corpus(extractions, graph)
                started = time.perf_counter()
                for extracted in merged:
                    write_documents(graph, [extracted])
                figures["write_s"] = time.perf_counter() - started

                clear_graph(graph)
                started = time.perf_counter()
                load_paths(graph, CORPUS)
                figures["first_load_s"] = time.perf_counter() - started
                started = time.perf_counter()
                report = load_paths(graph, CORPUS)
                figures["reload_s"] = time.perf_counter() - started
                figures["reload_unchanged"] = len(report.unchanged)

                reader = GraphReader(graph)
                timings = []
                for _ in range(repeats):
                    # What a timeline page costs the API: a page of events, then their
                    # participants and evidence in one more round trip.
                    started = time.perf_counter()
                    page = reader.events(EventFilter(), first=50)
                    reader.event_details([e.id for e in page.events])
                    timings.append(time.perf_counter() - started)
                figures["events_page_50_median_ms"] = statistics.median(timings) * 1000
        finally:
            if not os.environ.get("NEO4J_URI"):
                engine.stop(settings)

    figures["extract_docs_per_s"] = figures["documents"] / figures["extract_s"]
    figures["extract_chars_per_s"] = figures["characters"] / figures["extract_s"]
    figures["write_docs_per_s"] = figures["documents"] / figures["write_s"]
    figures["first_load_to_reload_ratio"] = figures["first_load_s"] / figures["reload_s"]
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--repeats", type=int, default=20, help="timeline reads to time (median)")
    args = parser.parse_args(argv)
    figures = run(args.repeats)
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    print(f"corpus: {figures['documents']:.0f} documents, {figures['characters']:.0f} characters")
    print(f"model load:        {figures['model_load_s']:.2f} s")
    if "engine_start_s" in figures:
        print(f"engine start:      {figures['engine_start_s']:.2f} s")
    print(f"extraction:        {figures['extract_s']:.2f} s  ({figures['extract_docs_per_s']:.1f} documents/s, "
          f"{figures['extract_chars_per_s']:,.0f} characters/s)")
    print(f"graph writes:      {figures['write_s']:.2f} s  ({figures['write_docs_per_s']:.1f} documents/s, one transaction each)")
    print(f"first load:        {figures['first_load_s']:.2f} s  (read, extract, merge, write)")
    print(f"reload, unchanged: {figures['reload_s']:.2f} s  ({figures['reload_unchanged']:.0f} skipped; "
          f"first load / reload = {figures['first_load_to_reload_ratio']:.1f})")
    print(f"events page of 50 with participants and evidence: "
          f"{figures['events_page_50_median_ms']:.1f} ms median over {args.repeats} reads")
    return 0
