"""Exports for frontends and calendars, with the same filters as `timeline`.

/export/timelinejs.json  Knight Lab TimelineJS (month/day left out when the date is coarser)
/export/vis.json         vis-timeline items and groups ("range" items when there is an end)
/export/events.csv       one row per event, undated last
/export/events.ics       RFC 5545 all-day events (undated events left out, counted in the description)

Every event carries its sources: the document's URL, or a GraphQL GET link to
the document when it has none.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from api.dates import NotCalendarDay, NotIsoDay, calendar_day, display
from api.deps import reader_for
from graph.reader import EventDetails, EventFilter, GraphReader, NotFoundError, ReadError
from loaders.records import Precision
from loaders.taxonomy import load_taxonomy

router = APIRouter(prefix="/export", tags=["exports"])

MAX_EXPORT_EVENTS = 10_000

SourceLink = Callable[[str, str | None], str]  # (document id, document url) -> link


# ---------------------------------------------------------------- request handling


def _day(value: str | None, name: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return calendar_day(value)
    except NotIsoDay:
        raise HTTPException(400, f"'{name}' must be a day written YYYY-MM-DD, got {value!r}") from None
    except NotCalendarDay as exc:
        raise HTTPException(400, f"'{name}' {value!r} is not a calendar day: {exc}") from None


def _types(values: list[str] | None) -> tuple[str, ...] | None:
    names = [t.strip().upper() for v in values or () for t in v.split(",") if t.strip()]
    if not names:
        return None
    known = load_taxonomy().names
    unknown = [n for n in names if n not in known]
    if unknown:
        raise HTTPException(400, f"unknown event type(s) {', '.join(unknown)}; known types: {', '.join(known)}")
    return tuple(dict.fromkeys(names))


def export_filter(
    actor_id: Annotated[str | None, Query(alias="actorId", description="Events of this actor.")] = None,
    actor_name: Annotated[str | None, Query(alias="actorName", description="Events of actors whose name contains this.")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD: events reaching this day or later.")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD: events reaching this day or earlier.")] = None,
    types: Annotated[list[str] | None, Query(description="Event types, repeated or comma-separated.")] = None,
) -> EventFilter:
    try:
        return EventFilter(
            actor_id=actor_id or None, actor_name=actor_name or None,
            date_from=_day(date_from, "from"), date_to=_day(date_to, "to"), types=_types(types),
        )
    except ReadError as exc:
        raise HTTPException(400, str(exc)) from None


def collect_events(reader: GraphReader, event_filter: EventFilter) -> list[EventDetails]:
    """Every matching event with participants and evidence, in date order (undated last)."""
    events: list[EventDetails] = []
    try:
        for page in reader.iter_events(event_filter):
            ids = [edge.event.id for edge in page.edges]
            details = reader.event_details(ids)
            events.extend(details[i] for i in ids if i in details)
            if len(events) > MAX_EXPORT_EVENTS:
                raise HTTPException(400, f"more than {MAX_EXPORT_EVENTS} events match; narrow the filters (from, to, types, actorId)")
    except NotFoundError as exc:
        raise HTTPException(404, str(exc)) from None
    except ReadError as exc:
        raise HTTPException(400, str(exc)) from None
    return events


def source_linker(request: Request) -> SourceLink:
    base = str(request.base_url).rstrip("/")

    def link(document_id: str, url: str | None) -> str:
        if url:
            return url
        query = f'{{ document(id: "{document_id}") {{ title publisher publishedAt {{ display }} text }} }}'
        return f"{base}/graphql?query={quote(query)}"

    return link


def sources(event: EventDetails, link: SourceLink) -> list[dict[str, Any]]:
    """One entry per document (its first quote), in the order the evidence is listed."""
    seen: dict[str, dict[str, Any]] = {}
    for ev in event.evidence:
        if ev.document.id not in seen:
            seen[ev.document.id] = {
                "document_id": ev.document.id, "title": ev.document.title, "publisher": ev.document.publisher,
                "url": link(ev.document.id, ev.document.url), "quote": ev.quote, "claimed_date": display(ev.claim),
            }
    return list(seen.values())


# ---------------------------------------------------------------- formats


def _timelinejs_date(day: date, precision: Precision) -> dict[str, int]:
    if precision in (Precision.YEAR, Precision.DECADE):
        return {"year": day.year}
    if precision is Precision.MONTH:
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def timelinejs_document(events: Sequence[EventDetails], link: SourceLink, headline: str) -> dict[str, Any]:
    """TimelineJS JSON: dated events only (TimelineJS needs a start); undated ones are named on the title slide."""
    items = []
    undated = []
    for event in events:
        row = event.event
        when = row.date
        if not when.known:
            undated.append(row.title)
            continue
        first_day = when.start or when.end
        item: dict[str, Any] = {
            "unique_id": row.id,
            "start_date": _timelinejs_date(first_day, when.precision),  # type: ignore[arg-type]
            "display_date": display(when),
            "group": row.type,
            "text": {"headline": _escape_html(row.title), "text": _event_html(event, link)},
        }
        if when.start and when.end:
            end_date = _timelinejs_date(when.end, when.precision)
            if end_date != item["start_date"]:  # a month or a year is one slide date, not a range
                item["end_date"] = end_date
        items.append(item)
    note = f"{len(items)} dated events."
    if undated:
        note += " Without a date (not placed on the timeline): " + "; ".join(_escape_html(t) for t in undated) + "."
    return {"title": {"text": {"headline": _escape_html(headline), "text": note}}, "events": items}


def _event_html(event: EventDetails, link: SourceLink) -> str:
    row = event.event
    parts = []
    if row.date_conflict:
        parts.append("<p><strong>Sources disagree on the date.</strong></p>")
    if event.participants:
        people = ", ".join(f"{_escape_html(p.actor.name)} ({p.role.lower()})" for p in event.participants)
        parts.append(f"<p>{people}</p>")
    for source in sources(event, link):
        label = _escape_html(source["publisher"] or source["title"] or "source")
        parts.append(
            f'<blockquote>{_escape_html(source["quote"])}</blockquote>'
            f'<p><a href="{_escape_html(source["url"])}">{label}</a> (date given: {source["claimed_date"]})</p>'
        )
    return "".join(parts)


def vis_document(events: Sequence[EventDetails], link: SourceLink) -> dict[str, Any]:
    """vis-timeline DataSet items (dated events) and groups (event types). Range ends are exclusive."""
    items = []
    for event in events:
        row = event.event
        when = row.date
        if not when.known:
            continue
        start = when.start or when.end
        item: dict[str, Any] = {
            "id": row.id, "content": row.title, "start": start.isoformat(),  # type: ignore[union-attr]
            "group": row.type, "type": "point", "title": display(when),
            "className": f"precision-{when.precision.value.lower()}" + (" date-conflict" if row.date_conflict else ""),
            "sources": sources(event, link),
        }
        if when.start and when.end and when.end != when.start:
            item["end"] = (when.end + timedelta(days=1)).isoformat()
            item["type"] = "range"
        items.append(item)
    groups = [{"id": name, "content": name.replace("_", " ").title()} for name in dict.fromkeys(i["group"] for i in items)]
    return {"items": items, "groups": groups}


CSV_COLUMNS = (
    "id", "type", "status", "title", "date", "start_date", "end_date", "precision", "date_text",
    "date_conflict", "participants", "source_count", "independent_source_count", "source_urls", "first_quote",
)


def events_csv(events: Sequence[EventDetails], link: SourceLink) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        row, when = event.event, event.event.date
        found = sources(event, link)
        writer.writerow([
            row.id, row.type, row.status or "", row.title, display(when),
            when.start.isoformat() if when.start else "", when.end.isoformat() if when.end else "",
            when.precision.value, when.text or "", "true" if row.date_conflict else "false",
            "; ".join(f"{p.actor.name} ({p.role})" for p in event.participants),
            event.source_count, event.independent_source_count,
            " ".join(s["url"] for s in found), found[0]["quote"] if found else "",
        ])
    return out.getvalue()


def events_ics(events: Sequence[EventDetails], link: SourceLink, name: str, now: datetime | None = None) -> str:
    """An iCalendar file of all-day events; a one-sided bound sits on its known day."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    undated = sum(1 for e in events if not e.event.date.known)
    description = f"Events from timeline-kg: {name}."
    if undated:
        description += f" {undated} undated event(s) are not included."
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline-kg//events export//EN", "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(name)}", f"X-WR-CALDESC:{_ics_text(description)}",
    ]
    for event in events:
        row, when = event.event, event.event.date
        if not when.known:
            continue
        first = when.start or when.end
        last = when.end or when.start
        found = sources(event, link)
        details = [f"Date: {display(when)}" + (" (sources disagree)" if row.date_conflict else "")]
        details += [f"{p.actor.name} ({p.role})" for p in event.participants]
        details += [f"\u201c{s['quote']}\u201d {s['url']}" for s in found]
        lines += [
            "BEGIN:VEVENT",
            f"UID:{row.id}@timeline-kg",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{first:%Y%m%d}",  # type: ignore[str-format]
            f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",  # type: ignore[operator]
            f"SUMMARY:{_ics_text(row.title)}",
            f"DESCRIPTION:{_ics_text(chr(10).join(details))}",
            f"CATEGORIES:{_ics_text(row.type)}",
            f"STATUS:{'TENTATIVE' if (row.status or 'OCCURRED') != 'OCCURRED' else 'CONFIRMED'}",
        ]
        if found:
            lines.append(f"URL:{found[0]['url']}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _ics_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space."""
    raw = line.encode("utf-8")
    if len(raw) <= 75:
        return line
    parts, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current, limit = b"", 74  # continuation lines start with a space
        current += encoded
    parts.append(current.decode("utf-8"))
    return "\r\n ".join(parts)


def _title(reader: GraphReader, event_filter: EventFilter) -> str:
    if event_filter.actor_id:
        try:
            return f"Timeline of {reader.actor(event_filter.actor_id).name}"
        except NotFoundError as exc:
            raise HTTPException(404, str(exc)) from None
    if event_filter.actor_name:
        return f"Timeline of actors named like \u201c{event_filter.actor_name}\u201d"
    return "Timeline"


# ---------------------------------------------------------------- routes

ExportFilter = Annotated[EventFilter, Depends(export_filter)]
Reader = Annotated[GraphReader, Depends(reader_for)]


@router.get("/timelinejs.json", summary="Events as Knight Lab TimelineJS JSON")
def export_timelinejs(request: Request, reader: Reader, event_filter: ExportFilter) -> JSONResponse:
    events = collect_events(reader, event_filter)
    return JSONResponse(timelinejs_document(events, source_linker(request), _title(reader, event_filter)))


@router.get("/vis.json", summary="Events as vis-timeline items and groups")
def export_vis(request: Request, reader: Reader, event_filter: ExportFilter) -> JSONResponse:
    events = collect_events(reader, event_filter)
    return JSONResponse(vis_document(events, source_linker(request)))


@router.get("/events.csv", summary="Events as CSV, one row per event")
def export_csv(request: Request, reader: Reader, event_filter: ExportFilter) -> Response:
    events = collect_events(reader, event_filter)
    return Response(
        events_csv(events, source_linker(request)), media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.csv"'},
    )


@router.get("/events.ics", summary="Dated events as an iCalendar (RFC 5545) file")
def export_ics(request: Request, reader: Reader, event_filter: ExportFilter) -> Response:
    events = collect_events(reader, event_filter)
    return Response(
        events_ics(events, source_linker(request), _title(reader, event_filter)),
        media_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="events.ics"'},
    )
