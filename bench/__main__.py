"""`python -m bench`: list the benchmarks; `python -m bench NAME [options]`: run one."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Benchmark:
    module: str  # imported only when run: listing must not load the language model
    summary: str


BENCHMARKS: dict[str, Benchmark] = {
    "extraction": Benchmark(
        "bench.extraction",
        "event precision, recall, F1, date, role and status accuracy, speed, and every miss and "
        "false positive, on the annotated news in tests/fixtures/eval",
    ),
    "load": Benchmark(
        "bench.load",
        "extraction and graph-write throughput, first load against an unchanged reload, and the "
        "time of a timeline page read, on every article in the repository",
    ),
}


def listing() -> str:
    width = max(len(name) for name in BENCHMARKS)
    lines = ["usage: python -m bench NAME [--json] [--help]", "", "benchmarks:"]
    lines += [f"  {name:<{width}}  {b.summary}" for name, b in BENCHMARKS.items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "list"}:
        print(listing())
        return 0
    name, rest = args[0], args[1:]
    benchmark = BENCHMARKS.get(name)
    if benchmark is None:
        print(f"error: no benchmark named {name!r}\n\n{listing()}", file=sys.stderr)
        return 2
    return int(importlib.import_module(benchmark.module).main(rest))


if __name__ == "__main__":
    sys.exit(main())
