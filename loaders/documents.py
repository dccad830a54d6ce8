"""First loader stage: files on disk → DocumentRecords, with their metadata.

Supported documents: plain text (.txt), Markdown (.md, .markdown) and HTML
(.html, .htm). Text and Markdown are kept exactly as written (after any YAML
front matter is removed); HTML is reduced to its main article text.

Every later stage cites sentences by character offsets into
DocumentRecord.text, so that text is the reference: for files with front
matter, offsets index the text AFTER the front matter block, not the file.

Metadata comes from several places; for each field the first source that
gives it wins:

1. YAML front matter at the top of a .txt/.md file (``---`` … ``---``);
2. ``manifest.yaml`` or ``manifest.csv`` in the same folder, keyed by file name;
3. keyword arguments of `read_document` (the CLI's --title/--published …);
4. the HTML page's own metadata (title, canonical URL, site name, date);
5. for the title only: the first non-empty line of the text;
6. for the date only, in text and Markdown: a dateline, a full date alone on
   one of the first lines ("March 15, 2024", "Published: 2024-03-15").

The publication date counts as one field: `published` (an ISO prefix:
YYYY, YYYY-MM, YYYY-MM-DD) or `published_after`/`published_before`
(a bound, or a range when both are given) come together from one source.
Nothing is guessed: without a stated date or dateline, `published` is None.

Bad input raises DocumentError naming the file and the reason.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import structlog
import yaml

from kg.settings import get_settings
from loaders.records import DocumentRecord, FuzzyDate, ImpossibleDate, MalformedDate, Precision, parse_iso_prefix, stable_id
from loaders.timex import ABSOLUTE, find_time_expressions

log = structlog.get_logger(__name__)

DOCUMENT_FORMATS: dict[str, str] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
# Timelines are loaded by another stage; discover() returns them so the caller can route them.
TIMELINE_SUFFIXES: frozenset[str] = frozenset({".csv", ".json"})
MANIFEST_NAMES: tuple[str, ...] = ("manifest.yaml", "manifest.yml", "manifest.csv")

TITLE_MAX_CHARS = 200
SUPPORTED_LANGUAGE = "en"


class DocumentError(Exception):
    """A file that cannot be loaded; the message names the file and the reason."""

    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class DocumentMetadata:
    """What one metadata source (front matter or a manifest entry) says about one document.

    None means "this source says nothing", so the next source may fill the field.
    `duplicate_of` names another file in the same folder that this one copies or rewrites.
    """

    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: FuzzyDate | None = None
    language: str | None = None
    note: str | None = None
    duplicate_of: str | None = None


METADATA_FIELDS: tuple[str, ...] = (
    "title",
    "url",
    "publisher",
    "published",
    "published_after",
    "published_before",
    "language",
    "note",
    "duplicate_of",
)
_DATE_FIELDS = ("published", "published_after", "published_before")


# ---------------------------------------------------------------- discovery


def discover(paths: Sequence[Path]) -> list[Path]:
    """The loadable files named by `paths`: files as given, folders searched recursively.

    Returns documents (.txt, .md, .markdown, .html, .htm) and timelines (.csv, .json),
    sorted and without repeats. Inside folders, hidden files and folders, manifests and
    files of other types are skipped; a file named directly must be of a supported type.
    """
    found: set[Path] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            found.update(_discover_folder(path))
        elif path.is_file():
            if _is_manifest(path):
                raise DocumentError(path, "is a manifest, not a document: name its folder or the documents in it")
            if not _is_loadable(path):
                raise DocumentError(path, f"unsupported file type {path.suffix or '(none)'!r}; {_supported_types()}")
            found.add(path)
        else:
            raise DocumentError(path, "does not exist")
    return sorted(found)


def _discover_folder(folder: Path) -> list[Path]:
    files = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts) or not path.is_file() or _is_manifest(path):
            continue
        if _is_loadable(path):
            files.append(path)
        else:
            log.info("document.skipped", path=str(path), reason="unsupported file type")
    return files


def _is_manifest(path: Path) -> bool:
    return path.stem.lower() == "manifest"


def _is_loadable(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in DOCUMENT_FORMATS or suffix in TIMELINE_SUFFIXES


def _supported_types() -> str:
    return (
        f"supported documents: {', '.join(sorted(DOCUMENT_FORMATS))}; "
        f"timelines: {', '.join(sorted(TIMELINE_SUFFIXES))}"
    )


# ---------------------------------------------------------------- reading


def read_document(
    path: Path,
    *,
    title: str | None = None,
    published: str | None = None,
    url: str | None = None,
    publisher: str | None = None,
    max_bytes: int | None = None,
) -> DocumentRecord:
    """Read one document file into a DocumentRecord (see the module docstring for precedence).

    DocumentRecord.text is the file's text after any front matter; HTML pages give
    their extracted main text. Raises DocumentError naming the file and the reason.
    """
    path = Path(path)
    doc_format = DOCUMENT_FORMATS.get(path.suffix.lower())
    if path.suffix.lower() in TIMELINE_SUFFIXES:
        raise DocumentError(path, "is a timeline, not a document: load it with the timeline loader")
    if doc_format is None:
        raise DocumentError(path, f"unsupported document type {path.suffix or '(none)'!r}; {_supported_types()}")
    limit = get_settings().kg_max_document_bytes if max_bytes is None else max_bytes
    raw = _read_bytes(path, limit)
    content = _decode(path, raw)

    front: DocumentMetadata | None = None
    page = DocumentMetadata()
    if doc_format == "html":
        text, page = _extract_html(path, content)
    else:
        front, text = split_front_matter(content, source=path)
        if not text.strip():
            raise DocumentError(path, "has front matter but no text after it")

    manifest_entry = read_manifest(path.parent).get(path.name)
    arguments = _metadata_from_arguments(path, title=title, published=published, url=url, publisher=publisher)
    sources = [s for s in (front, manifest_entry, arguments, page) if s is not None]
    if doc_format != "html":
        sources.append(DocumentMetadata(published=dateline(text)))
    merged = _merge(sources)

    _check_language(path, text, merged.language)
    sha256 = _sha256(text)
    record = DocumentRecord(
        id=stable_id("doc", merged.url) if merged.url else stable_id("doc", sha256),
        path=str(path),
        title=merged.title or _first_line_title(text, doc_format),
        text=text,
        sha256=sha256,
        url=merged.url,
        publisher=merged.publisher,
        published=merged.published,
        language=SUPPORTED_LANGUAGE,
        format=doc_format,
    )
    log.debug("document.read", path=str(path), id=record.id, format=doc_format, chars=len(text))
    return record


DATELINE_LINES = 6
_DATELINE_LABEL = re.compile(r"^\s*(?:published|posted|updated|last updated)(?:\s+on)?\s*:?\s*", re.IGNORECASE)
_DATELINE_BYLINE = re.compile(r"\s+by\s+\S.*$", re.IGNORECASE)


def dateline(text: str) -> FuzzyDate | None:
    """A publication date printed on a line of its own near the top ("March 15, 2024",
    "Published: 2024-03-15"): the last source consulted, after every metadata source.
    Only a full date with a year that fills the line counts; nothing is guessed."""

    lines = [line.strip() for line in text.splitlines() if line.strip()][:DATELINE_LINES]
    for line in lines:
        candidate = _DATELINE_BYLINE.sub("", _DATELINE_LABEL.sub("", line)).strip(" .,")
        if not candidate or len(candidate) > 40:
            continue
        found = find_time_expressions(candidate, None)
        if (len(found) == 1 and found[0].kind == ABSOLUTE and found[0].date.precision == Precision.DAY
                and len(found[0].text) >= len(candidate) - 2):
            return replace(found[0].date, text=line)
    return None


def _read_bytes(path: Path, limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise DocumentError(path, f"is too large: {size} bytes, over the limit of {limit} bytes (KG_MAX_DOCUMENT_BYTES)")
        raw = path.read_bytes()
    except DocumentError:
        raise
    except IsADirectoryError:
        raise DocumentError(path, "is a folder, not a file") from None
    except FileNotFoundError:
        raise DocumentError(path, "does not exist") from None
    except OSError as exc:
        raise DocumentError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > limit:  # the file grew between stat and read
        raise DocumentError(path, f"is too large: {len(raw)} bytes, over the limit of {limit} bytes (KG_MAX_DOCUMENT_BYTES)")
    return raw


_BINARY_CONTROL_RATIO = 0.10  # more control characters than this is not prose
_BINARY_UNDECODABLE_RATIO = 0.30  # this many undecodable bytes: a binary file, not a damaged text


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 text without a byte-order mark; binary, invalid and empty files are errors."""
    if not raw:
        raise DocumentError(path, "is empty")
    if b"\x00" in raw:
        raise DocumentError(path, "is a binary file (contains NUL bytes), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        lenient = raw.decode("utf-8", errors="replace")
        if _non_text_ratio(lenient, count_replacement=True) > _BINARY_UNDECODABLE_RATIO:
            raise DocumentError(path, "is a binary file (mostly non-text bytes), not text") from None
        raise DocumentError(
            path,
            f"is not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {exc.start} "
            f"({exc.reason}); save the file as UTF-8",
        ) from None
    if _non_text_ratio(text, count_replacement=False) > _BINARY_CONTROL_RATIO:
        raise DocumentError(path, "is a binary file (mostly control characters), not text")
    text = text.removeprefix("\ufeff")  # a byte-order mark is an encoding marker, not content
    if not text.strip():
        raise DocumentError(path, "is empty (whitespace only)")
    return text


def _non_text_ratio(text: str, *, count_replacement: bool) -> float:
    if not text:
        return 0.0
    bad = sum(
        1
        for ch in text
        if (unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
        or (count_replacement and ch == "\ufffd")
    )
    return bad / len(text)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _first_line_title(text: str, doc_format: str) -> str | None:
    for line in text.splitlines():
        candidate = line.strip()
        if doc_format == "markdown":
            candidate = candidate.lstrip("#").strip()
        if candidate:
            return candidate[:TITLE_MAX_CHARS].rstrip()
    return None


# ---------------------------------------------------------------- metadata


def _merge(sources: Sequence[DocumentMetadata]) -> DocumentMetadata:
    """Per field, the first source that gives a value."""
    values = {}
    for spec in fields(DocumentMetadata):
        values[spec.name] = next(
            (getattr(s, spec.name) for s in sources if getattr(s, spec.name) is not None), None
        )
    return DocumentMetadata(**values)


def _metadata_from_arguments(
    path: Path, *, title: str | None, published: str | None, url: str | None, publisher: str | None
) -> DocumentMetadata:
    return DocumentMetadata(
        title=_clean_text(title),
        url=_checked_url(url, field="url", source=path) if url else None,
        publisher=_clean_text(publisher),
        published=parse_partial_date(published, field="published", source=path) if published else None,
    )


def _metadata_from_mapping(data: Mapping[Any, Any], *, source: Path, where: str) -> DocumentMetadata:
    """Validate one front-matter block or manifest entry. `where` prefixes field names in errors."""
    unknown = [str(k) for k in data if k not in METADATA_FIELDS]
    if unknown:
        raise DocumentError(
            source, f"{where}unknown field(s) {', '.join(map(repr, unknown))}; known fields: {', '.join(METADATA_FIELDS)}"
        )
    values: dict[str, str] = {}
    for key, value in data.items():
        if value is None or value == "":
            continue
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise DocumentError(source, f"{where}field {key!r} must be text, not {_yaml_type(value)}")
        if isinstance(value, int) and key not in _DATE_FIELDS:
            raise DocumentError(source, f"{where}field {key!r} must be text, not a number")
        values[key] = str(value).strip()

    if "published" in values and ("published_after" in values or "published_before" in values):
        raise DocumentError(source, f"{where}give either 'published' or 'published_after'/'published_before', not both")
    dates = {k: parse_partial_date(values[k], field=f"{where}field {k!r}", source=source) for k in _DATE_FIELDS if k in values}
    published = dates.get("published") or _bounded_date(dates, source=source, where=where)

    return DocumentMetadata(
        title=values.get("title"),
        url=_checked_url(values["url"], field=f"{where}field 'url'", source=source) if "url" in values else None,
        publisher=values.get("publisher"),
        published=published,
        language=values.get("language"),
        note=values.get("note"),
        duplicate_of=values.get("duplicate_of"),
    )


def _bounded_date(dates: Mapping[str, FuzzyDate], *, source: Path, where: str) -> FuzzyDate | None:
    """`published_after`/`published_before`: on or after the start / on or before the end of the named period."""
    after, before = dates.get("published_after"), dates.get("published_before")
    if after is None and before is None:
        return None
    start = after.start if after else None
    end = before.end if before else None
    if after and before and after.start and before.end and after.start > before.end:
        raise DocumentError(source, f"{where}'published_after' {after.text} is later than 'published_before' {before.text}")
    words = [f"after {after.text}" if after else "", f"before {before.text}" if before else ""]
    return FuzzyDate.between(start, end, " and ".join(w for w in words if w))


def _yaml_type(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return type(value).__name__


def _clean_text(value: str | None) -> str | None:
    if value is None:
        return None
    return value.strip() or None


def _checked_url(value: str, *, field: str, source: Path) -> str:
    url = value.strip()
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise DocumentError(source, f"{field} {value!r} is not an http(s) URL")
    return url


def parse_partial_date(value: str, *, field: str, source: Path | str) -> FuzzyDate:
    """'2023' → YEAR, '2023-12' → MONTH, '2023-12-17' (or a full ISO timestamp) → DAY.

    Raises DocumentError naming `source` and `field` for malformed or impossible dates.
    """
    text = str(value).strip()
    try:
        return parse_iso_prefix(text)
    except ImpossibleDate as exc:  # well-formed but not a real date, e.g. 2023-02-30
        raise DocumentError(source, f"{field} {text!r} is an impossible date ({exc})") from None
    except MalformedDate:
        raise DocumentError(source, f"{field} {text!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD") from None


# ---------------------------------------------------------------- YAML


class _StrictLoader(yaml.SafeLoader):
    """Safe YAML where dates stay strings (so we validate them) and repeated keys are errors."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"repeated key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", yaml.SafeLoader.construct_yaml_str)


def _load_yaml(text: str, *, source: Path, what: str) -> Any:
    try:
        return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise DocumentError(source, f"{what} is not valid YAML{where}: {problem}") from None


# ---------------------------------------------------------------- front matter

_FRONT_MATTER_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_MATTER_CLOSE = re.compile(r"^---[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


def split_front_matter(text: str, *, source: Path) -> tuple[DocumentMetadata | None, str]:
    """The front matter's metadata (None when there is none) and the text after it.

    Front matter is a YAML mapping between a first line `---` and the next line `---`.
    Offsets in later stages index the returned text, not the file.
    """
    opening = _FRONT_MATTER_OPEN.match(text)
    if not opening:
        return None, text
    closing = _FRONT_MATTER_CLOSE.search(text, opening.end())
    if not closing:
        raise DocumentError(source, "front matter is not terminated: the opening '---' line has no closing '---' line")
    data = _load_yaml(text[opening.end() : closing.start()], source=source, what="front matter")
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DocumentError(source, f"front matter must be a mapping of fields, not {_yaml_type(data)}")
    metadata = _metadata_from_mapping(data, source=source, where="front matter: ")
    return metadata, text[closing.end() :]


# ---------------------------------------------------------------- manifests


def read_manifest(folder: Path) -> dict[str, DocumentMetadata]:
    """Metadata for the files in `folder`, from its manifest.yaml/.yml or manifest.csv (empty if none).

    YAML: a mapping from file name to a mapping of fields. CSV: a header row with a
    `file` column and field columns; empty cells say nothing. Raises DocumentError
    naming the manifest and the entry for unknown files or fields and bad values.
    """
    folder = Path(folder)
    present = [folder / name for name in MANIFEST_NAMES if (folder / name).is_file()]
    if not present:
        return {}
    if len(present) > 1:
        raise DocumentError(folder, f"has more than one manifest ({', '.join(p.name for p in present)}); keep one")
    manifest = present[0]
    stat = manifest.stat()
    return dict(_parse_manifest(manifest, stat.st_mtime_ns, stat.st_size))


@lru_cache(maxsize=64)
def _parse_manifest(manifest: Path, mtime_ns: int, size: int) -> dict[str, DocumentMetadata]:
    """Parsed once per manifest version: every document in a folder reads the same manifest."""
    folder = manifest.parent
    raw_entries = _read_manifest_csv(manifest) if manifest.suffix == ".csv" else _read_manifest_yaml(manifest)
    entries: dict[str, DocumentMetadata] = {}
    for name, data in raw_entries.items():
        where = f"entry {name!r}: "
        if "/" in name or "\\" in name or name in (".", ".."):
            raise DocumentError(manifest, f"{where}must be a file name in {folder}, not a path")
        if not (folder / name).is_file():
            raise DocumentError(manifest, f"{where}no such file in {folder}")
        entry = _metadata_from_mapping(data, source=manifest, where=where)
        if entry.duplicate_of is not None:
            if entry.duplicate_of == name:
                raise DocumentError(manifest, f"{where}'duplicate_of' names the entry itself")
            if not (folder / entry.duplicate_of).is_file():
                raise DocumentError(manifest, f"{where}'duplicate_of' {entry.duplicate_of!r}: no such file in {folder}")
        entries[name] = entry
    return entries


def _read_manifest_text(manifest: Path) -> str:
    try:
        return manifest.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(manifest, f"is not valid UTF-8 at byte offset {exc.start}") from None
    except OSError as exc:
        raise DocumentError(manifest, f"cannot be read: {exc.strerror or exc}") from None


def _read_manifest_yaml(manifest: Path) -> dict[str, Mapping[Any, Any]]:
    data = _load_yaml(_read_manifest_text(manifest), source=manifest, what="manifest")
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise DocumentError(manifest, f"must map file names to fields, not be {_yaml_type(data)}")
    entries: dict[str, Mapping[Any, Any]] = {}
    for name, fields_ in data.items():
        if not isinstance(name, str):
            raise DocumentError(manifest, f"entry {name!r}: the key must be a file name")
        if fields_ is None:
            fields_ = {}
        if not isinstance(fields_, dict):
            raise DocumentError(manifest, f"entry {name!r}: must be a mapping of fields, not {_yaml_type(fields_)}")
        entries[name] = fields_
    return entries


def _read_manifest_csv(manifest: Path) -> dict[str, Mapping[Any, Any]]:
    reader = csv.DictReader(io.StringIO(_read_manifest_text(manifest), newline=""))
    reader.fieldnames = columns = [name.strip() for name in reader.fieldnames or []]
    if "file" not in columns:
        raise DocumentError(manifest, "needs a header row with a 'file' column")
    entries: dict[str, Mapping[Any, Any]] = {}
    for row in reader:
        line = reader.line_num
        if None in row:
            raise DocumentError(manifest, f"line {line}: more cells than header columns")
        name = (row.pop("file") or "").strip()
        if not name:
            if any((v or "").strip() for v in row.values()):
                raise DocumentError(manifest, f"line {line}: the 'file' cell is empty")
            continue
        if name in entries:
            raise DocumentError(manifest, f"entry {name!r}: listed more than once (line {line})")
        entries[name] = {key: (value or "").strip() for key, value in row.items()}
    return entries


# ---------------------------------------------------------------- HTML


def _extract_html(path: Path, html: str) -> tuple[str, DocumentMetadata]:
    """The page's main text and its own metadata (title, canonical URL, site name, date)."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it
    from trafilatura.settings import Document as ExtractedPage

    try:
        extracted = trafilatura.bare_extraction(
            html,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=True,
            # Only dates the page states in its markup; never a date guessed from the body text.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - the extractor may fail in many ways on broken markup
        raise DocumentError(path, f"HTML could not be parsed: {exc}") from None
    text = extracted.text if isinstance(extracted, ExtractedPage) else None
    if not isinstance(extracted, ExtractedPage) or not text or not text.strip():
        raise DocumentError(path, "HTML page has no article text that could be extracted")

    published = None
    if extracted.date:
        try:
            published = parse_partial_date(extracted.date, field="page date", source=path)
        except DocumentError:
            log.warning("document.page_date_ignored", path=str(path), date=extracted.date)
    url = extracted.url
    if url and urlparse(url).scheme not in ("http", "https"):
        url = None
    return text, DocumentMetadata(
        title=_clean_text(extracted.title),
        url=url,
        publisher=_clean_text(extracted.sitename),
        published=published,
    )


# ---------------------------------------------------------------- language

# The most frequent function words of each language, without words that are also
# common in English, so that English text scores (almost) nothing in the others.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to is that it was for with as his on be at by this had not are but from have "
        "they which you were her she there been has their would will what when who an or".split()
    ),
    "es": frozenset(
        "el la los las del que y en un una por con para es se su al lo como más pero sus le ya fue "
        "este ha porque esta muy sin sobre también hasta hay donde quien desde todo nos durante "
        "todos les ni contra otros ese eso".split()
    ),
    "fr": frozenset(
        "le la les de des du et est un une que qui dans pour pas sur au aux avec il elle ce cette "
        "ne se sont par plus ont été mais nous vous ils leur ou où était comme".split()
    ),
    "de": frozenset(
        "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es werden "
        "aus er hat dass sie nach wird bei einer um noch wie einem über einen zum haben nur oder aber".split()
    ),
    "it": frozenset(
        "il di che e la per un una non sono del della le gli con si da ha ma nel alla come più "
        "anche questo essere delle dei nella suo sua loro era al lo".split()
    ),
    "pt": frozenset(
        "de que não um uma os do da em para com por mais se dos das na no ao foi ele ela mas como "
        "seu sua também ou são está pelo pela já muito isso".split()
    ),
    "nl": frozenset(
        "de het een en van ik te dat die niet op zijn met voor er maar om ook als dan bij nog naar "
        "wel kan geen dit hij ze zij worden werd uit heeft door wordt".split()
    ),
}
_ENGLISH_WORDS = _FUNCTION_WORDS["en"] | frozenset("a in so me no do war die hat also".split())
_FOREIGN_WORDS = {lang: words - _ENGLISH_WORDS for lang, words in _FUNCTION_WORDS.items() if lang != "en"}
_LANGUAGE_NAMES = {"es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese", "nl": "Dutch"}
_MIN_WORDS_FOR_LANGUAGE = 30  # shorter texts are too small to judge
_FOREIGN_SHARE = 0.12  # function words of one other language in at least this share of all words
_WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> tuple[str | None, dict[str, float]]:
    """The language whose function words dominate `text` (None if too short), with each share.

    A small offline heuristic: it only tells English from es/fr/de/it/pt/nl.
    """
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < _MIN_WORDS_FOR_LANGUAGE:
        return None, {}
    shares = {"en": sum(w in _FUNCTION_WORDS["en"] for w in words) / len(words)}
    for lang, vocabulary in _FOREIGN_WORDS.items():
        shares[lang] = sum(w in vocabulary for w in words) / len(words)
    best = max(shares, key=shares.__getitem__)
    if best != "en" and shares[best] < _FOREIGN_SHARE:
        return None, shares
    return best, shares


def _check_language(path: Path, text: str, declared: str | None) -> None:
    if declared is not None:
        if declared.lower().split("-")[0] != SUPPORTED_LANGUAGE:
            raise DocumentError(path, f"language {declared!r} is not supported; only English ('en') documents can be loaded")
        return  # a stated "en" overrides the heuristic
    language, shares = guess_language(text)
    if language is not None and language != SUPPORTED_LANGUAGE:
        name = _LANGUAGE_NAMES.get(language, language)
        raise DocumentError(
            path,
            f"text looks {name}, not English ({shares[language]:.0%} {name} function words, "
            f"{shares['en']:.0%} English); only English documents can be loaded "
            f"(set language: en in front matter or the manifest if this is wrong)",
        )


__all__ = [
    "DOCUMENT_FORMATS",
    "DocumentError",
    "DocumentMetadata",
    "TIMELINE_SUFFIXES",
    "discover",
    "guess_language",
    "parse_partial_date",
    "read_document",
    "read_manifest",
    "split_front_matter",
]
