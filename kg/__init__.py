"""timeline-kg: news and documents to a dated, sourced knowledge graph."""

__version__ = "0.1.0"
