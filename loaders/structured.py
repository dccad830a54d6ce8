"""A reporter's own timeline, in CSV or JSON, as extracted documents.

One row (CSV) or item (JSON) per event claim: when, what, who in which role,
and the source quote that says so. docs/timeline-format.md describes the
format for the people who write these files.

Every source (a URL) becomes a Document whose text is the quotes cited from it,
joined by blank lines, so each piece of evidence points at exact characters.
Rows without a URL are sourced to the timeline file itself. Ids are derived
from content, so loading the same file again changes nothing.

A file with any bad row is rejected whole: `TimelineError` lists every
problem with its line (CSV) or item number (JSON) and field.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from loaders.actors import actor_id_for
from loaders.records import (
    ActorKind,
    ActorMention,
    ActorRecord,
    DateClaim,
    DocumentRecord,
    EventRecord,
    EventStatus,
    Evidence,
    ExtractedDocument,
    FuzzyDate,
    ImpossibleDate,
    MalformedDate,
    Participant,
    consolidate,
    parse_iso_prefix,
    stable_id,
)
from loaders.taxonomy import load_taxonomy

# The event types a row may name: those of the taxonomy file.
EVENT_TYPES: frozenset[str] = frozenset(load_taxonomy().names)

COLUMNS: tuple[str, ...] = (
    "date", "start_date", "end_date", "type", "title", "status", "actors",
    "source_url", "source_title", "publisher", "published", "quote", "event_key",
)
REQUIRED_COLUMNS: tuple[str, ...] = ("type", "title", "quote")
DATE_COLUMNS: tuple[str, ...] = ("date", "start_date", "end_date")

# Timeline rows state the reporter's own reading of a source: full confidence.
TIMELINE_CONFIDENCE = 1.0

_ROLE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_KIND_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<kind>[A-Za-z]+)\)$")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)
_KIND_WORDS = {
    "PERSON": ActorKind.PERSON,
    "ORGANIZATION": ActorKind.ORGANIZATION,
    "ORGANISATION": ActorKind.ORGANIZATION,
    "ORG": ActorKind.ORGANIZATION,
}


class TimelineError(ValueError):
    """A timeline file has bad rows; `problems` lists each one. Nothing of it is loaded."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
        super().__init__(f"{path}: {count}; nothing was loaded:\n  " + "\n  ".join(problems))


def load_timeline(path: Path | str) -> list[ExtractedDocument]:
    """Read a timeline (.csv or .json) into one ExtractedDocument per source."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TimelineError(path, [f"{path}: cannot be read: {exc.strerror or exc}"]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TimelineError(path, [f"{path}: is not UTF-8 text (byte {exc.start})"]) from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows, problems = _read_csv(path, text)
        file_format = "timeline-csv"
    elif suffix == ".json":
        rows, problems = _read_json(path, text)
        file_format = "timeline-json"
    else:
        raise TimelineError(path, [f"{path}: a timeline must be a .csv or .json file"])
    if not problems and not rows:
        problems.append(f"{path}: has no events")
    claims = _parse_rows(rows, problems)
    if problems:
        raise TimelineError(path, problems)
    return _build_documents(path, file_format, claims)


# ---------------------------------------------------------------------------
# Reading the file into raw rows, each knowing where it came from
# ---------------------------------------------------------------------------


@dataclass
class _RawRow:
    path: Path
    place: str  # "line 4" (CSV, physical line) or "item 3" (JSON, counted from 1)
    values: dict[str, Any]

    @property
    def where(self) -> str:
        return f"{self.path} {self.place}"


def _read_csv(path: Path, text: str) -> tuple[list[_RawRow], list[str]]:
    problems: list[str] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return [], [f"{path}: is empty; the first line must name the columns"]
    except csv.Error as exc:
        return [], [f"{path} line 1: {exc}"]
    columns = [c.strip().lower() for c in header]
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown:
        problems.append(f"{path} line 1: unknown column(s) {', '.join(repr(c) for c in unknown)}; "
                        f"known columns: {', '.join(COLUMNS)}")
    duplicated = sorted({c for c in columns if columns.count(c) > 1})
    if duplicated:
        problems.append(f"{path} line 1: column(s) named twice: {', '.join(duplicated)}")
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if not any(c in columns for c in DATE_COLUMNS):
        missing.append("date (or start_date/end_date)")
    if missing:
        problems.append(f"{path} line 1: missing column(s): {', '.join(missing)}")
    if problems:
        return [], problems

    rows: list[_RawRow] = []
    last_line = reader.line_num
    try:
        for fields in reader:
            line = last_line + 1  # the physical line the row starts on
            last_line = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            where = f"{path} line {line}"
            if len(fields) > len(columns):
                problems.append(f"{where}: has {len(fields)} fields but the header names {len(columns)} columns")
                continue
            values = {c: (fields[i] if i < len(fields) else "") for i, c in enumerate(columns)}
            rows.append(_RawRow(path, f"line {line}", values))
    except csv.Error as exc:
        problems.append(f"{path} line {reader.line_num}: {exc}")
    return rows, problems


def _read_json(path: Path, text: str) -> tuple[list[_RawRow], list[str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return [], [f"{path} line {exc.lineno}: not valid JSON: {exc.msg} (column {exc.colno})"]
    if isinstance(data, dict) and set(data) <= {"events"} and isinstance(data.get("events"), list):
        items = data["events"]
    elif isinstance(data, list):
        items = data
    else:
        return [], [f"{path}: must hold a list of events, or an object {{\"events\": [...]}}"]
    rows: list[_RawRow] = []
    problems: list[str] = []
    for number, item in enumerate(items, start=1):
        where = f"{path} item {number}"
        if not isinstance(item, dict):
            problems.append(f"{where}: must be an object with the fields {', '.join(COLUMNS)}")
            continue
        unknown = [k for k in item if k not in COLUMNS]
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(repr(k) for k in unknown)}; "
                            f"known fields: {', '.join(COLUMNS)}")
            continue
        rows.append(_RawRow(path, f"item {number}", dict(item)))
    return rows, problems


# ---------------------------------------------------------------------------
# Checking and typing each row
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Actor:
    id: str
    name: str
    kind: ActorKind
    role: str


@dataclass(frozen=True)
class _Source:
    url: str | None
    title: str | None
    publisher: str | None
    published: FuzzyDate | None


@dataclass
class _Claim:
    """One checked row: an event claim with its source and quote."""

    where: str
    place: str
    event_key: str
    event_id: str
    type: str
    title: str
    status: EventStatus
    date: FuzzyDate
    actors: list[_Actor]
    source: _Source
    quote: str


@dataclass
class _RowCheck:
    """Collects problems of one row, each naming the field."""

    where: str
    problems: list[str]
    ok: bool = True

    def fail(self, field_name: str, message: str) -> None:
        self.problems.append(f"{self.where}, field '{field_name}': {message}")
        self.ok = False


def _parse_rows(rows: list[_RawRow], problems: list[str]) -> list[_Claim]:
    claims: list[_Claim] = []
    for row in rows:
        check = _RowCheck(row.where, problems)
        claim = _parse_row(row, check)
        if claim is not None and check.ok:
            claims.append(claim)
    _check_consistency(claims, problems)
    return claims


def _text(row: _RawRow, check: _RowCheck, name: str) -> str:
    """A field as stripped text ('' when absent); JSON numbers are allowed for dates."""
    value = row.values.get(name)
    if value is None:
        return ""
    if isinstance(value, int) and not isinstance(value, bool) and name in (*DATE_COLUMNS, "published"):
        return str(value)
    if not isinstance(value, str):
        check.fail(name, f"must be text, not {type(value).__name__}")
        return ""
    return value.strip()


def _parse_row(row: _RawRow, check: _RowCheck) -> _Claim | None:
    title = " ".join(_text(row, check, "title").split())
    if not title:
        check.fail("title", "is missing")
    quote = _text(row, check, "quote")
    if not quote:
        check.fail("quote", "is missing; every event must cite the words of a source")

    type_text = _text(row, check, "type")
    event_type = re.sub(r"[\s-]+", "_", type_text.upper())
    if not type_text:
        check.fail("type", "is missing")
    elif event_type not in EVENT_TYPES:
        check.fail("type", f"{type_text!r} is not a known event type (known: {', '.join(sorted(EVENT_TYPES))})")

    status_text = _text(row, check, "status")
    status = EventStatus.OCCURRED
    if status_text:
        try:
            status = EventStatus(status_text.upper())
        except ValueError:
            known = ", ".join(s.value for s in EventStatus)
            check.fail("status", f"{status_text!r} is not a status (known: {known})")

    when = _parse_when(row, check)
    actors = _parse_actors(row, check)
    source = _parse_source(row, check)
    event_key = _text(row, check, "event_key")
    if not check.ok or when is None or source is None:
        return None
    if event_key:
        event_id = stable_id("event", event_type, _normal(title), "key", event_key)
    else:
        event_id = stable_id("event", event_type, _normal(title), when.start, when.end, when.precision)
    return _Claim(
        where=row.where, place=row.place, event_key=event_key, event_id=event_id, type=event_type, title=title,
        status=status, date=when, actors=actors, source=source, quote=quote,
    )


def _parse_when(row: _RawRow, check: _RowCheck) -> FuzzyDate | None:
    on, start_text, end_text = (_text(row, check, c) for c in DATE_COLUMNS)
    if on and (start_text or end_text):
        check.fail("date", "give either date, or start_date/end_date, not both")
        return None
    if on:
        return _parse_iso_prefix(on, check, "date")
    if not (start_text or end_text):
        check.fail("date", "is missing: give date, or start_date and/or end_date (an empty side is open)")
        return None
    start = _parse_iso_prefix(start_text, check, "start_date") if start_text else None
    end = _parse_iso_prefix(end_text, check, "end_date") if end_text else None
    if (start_text and start is None) or (end_text and end is None):
        return None
    first = start.start if start else None
    last = end.end if end else None
    if first and last and first > last:
        check.fail("end_date", f"{end_text!r} ends before start_date {start_text!r}")
        return None
    if start_text and end_text:
        text = f"{start_text} to {end_text}"
    else:
        text = f"from {start_text}" if start_text else f"until {end_text}"
    return FuzzyDate.between(first, last, text)


def _parse_iso_prefix(text: str, check: _RowCheck | None = None, field_name: str = "date") -> FuzzyDate | None:
    """'2023' → YEAR, '2023-10' → MONTH, '2023-10-28' (or with a time) → DAY; None and a problem otherwise."""
    try:
        return parse_iso_prefix(text)
    except ImpossibleDate:
        problem = f"{text!r} is not a valid date"
    except MalformedDate:
        problem = f"{text!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if check is not None:
        check.fail(field_name, problem)
    return None


def _parse_actors(row: _RawRow, check: _RowCheck) -> list[_Actor]:
    value = row.values.get("actors")
    if value is None or value == "":
        return []
    entries: list[tuple[str, str, str | None]] = []  # (name, role, kind)
    if isinstance(value, str):
        for part in value.split(";"):
            part = part.strip()
            if not part:
                continue
            if ":" not in part:
                check.fail("actors", f"{part!r} has no role; write 'Name:ROLE' or 'Name (ORGANIZATION):ROLE'")
                continue
            name, role = (s.strip() for s in part.rsplit(":", 1))
            kind = None
            if suffix := _KIND_SUFFIX.match(name):
                name, kind = suffix["name"].strip(), suffix["kind"]
            entries.append((name, role, kind))
    elif isinstance(value, list):
        for index, item in enumerate(value, start=1):
            if not isinstance(item, dict) or not set(item) <= {"name", "role", "kind"}:
                check.fail("actors", f"entry {index} must be an object with name, role and optional kind")
                continue
            parts = [item.get(k) for k in ("name", "role", "kind")]
            if any(p is not None and not isinstance(p, str) for p in parts):
                check.fail("actors", f"entry {index}: name, role and kind must be text")
                continue
            entries.append(((parts[0] or "").strip(), (parts[1] or "").strip(), parts[2]))
    else:
        check.fail("actors", "must be text like 'Name:ROLE; Other (ORGANIZATION):ROLE' or a list of objects")
        return []

    actors: list[_Actor] = []
    for name, role_text, kind_text in entries:
        name = " ".join(name.split())
        if not name:
            check.fail("actors", f"an actor with role {role_text!r} has no name")
            continue
        role = re.sub(r"[\s-]+", "_", role_text.upper())
        if not role:
            check.fail("actors", f"{name!r} has no role; give one, like DEFENDANT or WITNESS")
            continue
        if not _ROLE.match(role):
            check.fail("actors", f"{name!r} has role {role_text!r}; "
                                 "a role is a word like DEFENDANT or LEAD_INVESTIGATOR")
            continue
        kind = ActorKind.PERSON
        if kind_text:
            found = _KIND_WORDS.get(kind_text.strip().upper())
            if found is None:
                check.fail("actors", f"{name!r} has kind {kind_text!r}; use PERSON or ORGANIZATION")
                continue
            kind = found
        # The same id scheme as actors found in articles, so a timeline and the news merge.
        actor = _Actor(actor_id_for(name, kind), name, kind, role)
        if actor not in actors:
            actors.append(actor)
    return actors


def _parse_source(row: _RawRow, check: _RowCheck) -> _Source | None:
    url = _text(row, check, "source_url") or None
    if url and not _URL.match(url):
        check.fail("source_url", f"{url!r} is not an http(s) URL; leave it empty to cite the timeline itself")
    published_text = _text(row, check, "published")
    published = _parse_iso_prefix(published_text, check, "published") if published_text else None
    title = _text(row, check, "source_title") or None
    publisher = _text(row, check, "publisher") or None
    if not check.ok:
        return None
    return _Source(url, title, publisher, published)


def _check_consistency(claims: list[_Claim], problems: list[str]) -> None:
    """Rows that describe the same event, actor or source must agree with each other."""
    kinds: dict[str, tuple[ActorKind, _Claim]] = {}
    events: dict[str, _Claim] = {}
    sources: dict[str | None, _Claim] = {}
    quoted: dict[tuple[str, str | None, str], _Claim] = {}
    keyed: dict[str, _Claim] = {}
    for claim in claims:
        if claim.event_key:
            first = keyed.setdefault(claim.event_key, claim)
            for name in ("type", "title"):
                if getattr(first, name) != getattr(claim, name):
                    problems.append(f"{claim.where}, field '{name}': rows with event_key {claim.event_key!r} "
                                    f"describe one event, but {first.place} gives {getattr(first, name)!r}")
        for actor in claim.actors:
            kind, first = kinds.setdefault(_normal(actor.name), (actor.kind, claim))
            if kind != actor.kind:
                problems.append(f"{claim.where}, field 'actors': {actor.name!r} is {actor.kind} here "
                                f"but {kind} on {first.place}")
        first = events.setdefault(claim.event_id, claim)
        if first.status != claim.status:
            problems.append(f"{claim.where}, field 'status': the same event is {claim.status} here "
                            f"but {first.status} on {first.place}")
        first = sources.setdefault(claim.source.url, claim)
        for name in ("title", "publisher", "published"):
            mine, theirs = getattr(claim.source, name), getattr(first.source, name)
            if mine and theirs and mine != theirs:
                column = "source_title" if name == "title" else name
                problems.append(f"{claim.where}, field '{column}': this source is given as "
                                f"{_shown(mine)} here but {_shown(theirs)} on {first.place}")
        first = quoted.setdefault((claim.event_id, claim.source.url, claim.quote), claim)
        if first.date != claim.date:
            problems.append(f"{claim.where}, field 'quote': the same quote for the same event gives "
                            f"another date on {first.place}")


def _shown(value: Any) -> str:
    return repr(value.text if isinstance(value, FuzzyDate) else value)


def _normal(text: str) -> str:
    return " ".join(text.casefold().split())


# ---------------------------------------------------------------------------
# Building one ExtractedDocument per source
# ---------------------------------------------------------------------------


@dataclass
class _SourceDocument:
    source: _Source
    claims: list[_Claim] = field(default_factory=list)


def _build_documents(path: Path, file_format: str, claims: list[_Claim]) -> list[ExtractedDocument]:
    by_source: dict[str | None, _SourceDocument] = {}
    for claim in claims:
        entry = by_source.setdefault(claim.source.url, _SourceDocument(claim.source))
        entry.claims.append(claim)
        entry.source = _merged_source(entry.source, claim.source)
    return [_build_document(path, file_format, entry) for entry in by_source.values()]


def _merged_source(first: _Source, other: _Source) -> _Source:
    return _Source(
        url=first.url, title=first.title or other.title,
        publisher=first.publisher or other.publisher, published=first.published or other.published,
    )


def _build_document(path: Path, file_format: str, entry: _SourceDocument) -> ExtractedDocument:
    source = entry.source
    if source.url:
        # Scoped to the timeline's name: two timelines citing one URL must not replace each other.
        document_id = stable_id("doc", "timeline", path.name, source.url)
        title = source.title or source.url
    else:
        document_id = stable_id("doc", "timeline", path.name)
        title = source.title or path.name

    offsets: dict[str, int] = {}
    parts: list[str] = []
    position = 0
    for claim in entry.claims:
        if claim.quote not in offsets:
            if parts:
                position += 2  # the blank line between quotes
            offsets[claim.quote] = position
            parts.append(claim.quote)
            position += len(claim.quote)
    text = "\n\n".join(parts)

    grouped: dict[str, list[_Claim]] = {}
    for claim in entry.claims:
        grouped.setdefault(claim.event_id, []).append(claim)
    actors: dict[str, ActorRecord] = {}
    mentions: dict[tuple[str, int], ActorMention] = {}
    events: list[EventRecord] = []
    for event_id, event_claims in grouped.items():
        evidence: dict[int, Evidence] = {}
        participants: dict[tuple[str, str], Participant] = {}
        for claim in event_claims:
            start = offsets[claim.quote]
            evidence.setdefault(start, Evidence(
                document_id=document_id, quote=claim.quote, start=start,
                end=start + len(claim.quote), claim=DateClaim(claim.date),
            ))
            for actor in claim.actors:
                actors.setdefault(actor.id, ActorRecord(actor.id, actor.name, actor.kind))
                participants.setdefault((actor.id, actor.role), Participant(actor.id, actor.role))
                if actor.name.casefold() in claim.quote.casefold():
                    mention = ActorMention(actor.id, claim.quote, start, start + len(claim.quote))
                    mentions.setdefault((actor.id, start), mention)
        first = event_claims[0]
        events.append(EventRecord(
            id=event_id, type=first.type, status=first.status, title=first.title,
            date=consolidate([e.claim.date for e in evidence.values()])[0],
            participants=tuple(participants.values()), evidence=tuple(evidence.values()),
            confidence=TIMELINE_CONFIDENCE,
        ))

    record = DocumentRecord(
        id=document_id, path=str(path), title=title, text=text, sha256="",
        url=source.url, publisher=source.publisher, published=source.published, format=file_format,
    )
    doc = ExtractedDocument(
        document=record, events=tuple(events), actors=tuple(actors.values()), mentions=tuple(mentions.values()),
    )
    return replace(doc, document=replace(record, sha256=_content_hash(doc)))


def _content_hash(doc: ExtractedDocument) -> str:
    """A hash of everything this source contributes, not only its text.

    A corrected date or role in the timeline leaves the quotes unchanged; the
    hash must still change so the writer replaces the document.
    """
    record = doc.document
    content = {
        "text": record.text, "title": record.title, "url": record.url, "publisher": record.publisher,
        "published": [str(record.published.start), str(record.published.end), record.published.precision]
        if record.published else None,
        "events": [
            [e.id, e.type, e.status, e.title,
             [[ev.start, str(ev.claim.date.start), str(ev.claim.date.end), ev.claim.date.precision,
               ev.claim.date.text] for ev in e.evidence],
             [[p.actor_id, p.role] for p in e.participants]]
            for e in doc.events
        ],
        "actors": [[a.id, a.name, a.kind] for a in doc.actors],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()
