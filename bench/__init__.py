"""Benchmarks: figures about the extractor and the graph, measured on fixtures in the repository.

`python -m bench` lists them; `python -m bench NAME [--json]` runs one. They
print figures (quality, speed) rather than pass or fail: targets are for people
to read against, not thresholds a test enforces.
"""
