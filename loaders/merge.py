"""Resolved events: mentions of the same real event become one event.

The same rule serves within a document (the death told in three sentences)
and across documents (the death told by four articles): two mentions are one
event when they have the same type, share a principal participant (the
deceased, the defendant, the regulator…), and their dates can be the same —
always for singular events (a person dies once), otherwise when their date
intervals overlap, either is undated, or both are told relative to the same
anchor event ("more than a week before his death" and "days before his
passing" speak of the same last session, and so disagree visibly). An event
told as agreed to ("agreed in August to plead guilty") is the one done in the
months after it ("entered their pleas later that year").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from loaders.records import (
    DateClaim,
    EventRecord,
    EventStatus,
    Evidence,
    FuzzyDate,
    Participant,
    consolidate,
    resolve_claims,
    stable_id,
    width,
)
from loaders.taxonomy import Taxonomy

STATUS_PRIORITY = [EventStatus.OCCURRED, EventStatus.ALLEGED, EventStatus.SCHEDULED, EventStatus.EXPECTED, EventStatus.NEGATED]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event as the merge sees it: from a document being loaded, or already in the graph."""

    id: str
    type: str
    principal: frozenset[tuple[str, str]]  # (actor id, role) for the type's principal roles
    claims: tuple[DateClaim, ...]
    record: EventRecord | None = None  # None for events already in the graph
    # (actor id, role) in the type's `distinct_by` roles: two interviews on different outlets differ.
    distinguishing: frozenset[tuple[str, str]] = frozenset()
    kind: str | None = None  # the taxonomy kind its mentions say ("not guilty"), None when none does
    agreed: bool = False  # told only as agreed to: done on or after the day it was agreed
    many_unnamed: frozenset[str] = frozenset()  # roles held by people counted, not named
    # The interval its claims consolidate to, found once: every pair it is weighed in reads it.
    date: FuzzyDate = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "date", consolidate([c.date for c in self.claims])[0])

    @property
    def existing(self) -> bool:
        return self.record is None


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _anchor_refs(claims: Iterable[DateClaim]) -> set[str]:
    return {c.anchor.event_ref for c in claims if c.anchor is not None}


def _fillers(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    roles: dict[str, set[str]] = {}
    for actor_id, role in pairs:
        roles.setdefault(role, set()).add(actor_id)
    return roles


def _different_fillers(a: Iterable[tuple[str, str]], b: Iterable[tuple[str, str]]) -> bool:
    """Some role both fill, with no one in common."""
    roles_a, roles_b = _fillers(a), _fillers(b)
    return any(roles_a[r].isdisjoint(roles_b[r]) for r in roles_a.keys() & roles_b.keys())


def _told_apart(a: Candidate, b: Candidate) -> bool:
    """A role both fill with different actors: a principal ("Chavez sold to Plasencia" is not
    "Plasencia sold to Perry") or a `distinct_by` role (interviews on different outlets); or
    kinds that differ (a plea of not guilty is not the later guilty plea)."""
    return _different_fillers(a.principal, b.principal) or _different_fillers(a.distinguishing, b.distinguishing) \
        or (a.kind is not None and b.kind is not None and a.kind != b.kind) \
        or _named_where_the_other_counts(a, b) or _named_where_the_other_counts(b, a)


def _named_where_the_other_counts(a: Candidate, b: Candidate) -> bool:
    """A role one fills with people it counts but never names, the other with someone named:
    "sold pills to at least nine customers" is not "sold Mulvey ketamine in July"."""
    return bool((a.many_unnamed - b.many_unnamed) & {role for _, role in b.principal})


def _dated_apart(a: Candidate, b: Candidate, taxonomy: Taxonomy) -> bool:
    """Both dated, on dates that cannot be the same, for an event that can happen more than
    once: an undated mention may be either of two such events, but never joins them ("In 2019
    the board reprimanded him", "the board suspended his license", "voted Friday to suspend")."""
    event_type = taxonomy.types.get(a.type)
    if event_type is None or event_type.singular or (event_type.lasting and not event_type.acts_dated_apart) \
            or _anchor_refs(a.claims) & _anchor_refs(b.claims):
        return False
    return a.date.known and b.date.known and not a.date.overlaps(b.date) and not _agreed_before(a, b)


def _agreed_before(a: Candidate, b: Candidate) -> bool:
    """One told as agreed to in the months before the other was done: "agreed in August to
    plead guilty" and "entered their pleas later that year" are one plea."""
    if a.agreed == b.agreed:
        return False
    agreed, done = (a, b) if a.agreed else (b, a)
    if None in (agreed.date.start, agreed.date.end, done.date.start):
        return False
    return agreed.date.start <= done.date.start \
        and (done.date.start - agreed.date.end).days <= _AGREED_AT_MOST_DAYS_BEFORE


# An agreement to plead is signed weeks, at most a few months, before the plea is entered.
_AGREED_AT_MOST_DAYS_BEFORE = 92


def same_event(a: Candidate, b: Candidate, taxonomy: Taxonomy) -> bool:
    """Same type, one principal participant in the same role, no principal role held by
    different people ("Chavez sold to Plasencia" is not "Plasencia sold to Perry")."""
    if a.type != b.type or not (a.principal & b.principal) or _told_apart(a, b):
        return False
    event_type = taxonomy.types.get(a.type)
    if event_type is not None and event_type.singular:
        return True
    if _anchor_refs(a.claims) & _anchor_refs(b.claims):
        return True
    return a.date.overlaps(b.date) or _agreed_before(a, b)


def group_candidates(candidates: Sequence[Candidate], taxonomy: Taxonomy) -> list[list[Candidate]]:
    """Groups of candidates that are one real event, in first-seen order. A candidate that
    matches two events told apart (an interview with no outlet named, beside one on a
    podcast and one in a magazine) joins the first of them, never bridges them."""
    uf = _UnionFind(len(candidates))
    members: dict[int, list[int]] = {i: [i] for i in range(len(candidates))}
    by_type: dict[str, list[int]] = {}
    for i, c in enumerate(candidates):
        by_type.setdefault(c.type, []).append(i)
    for indexes in by_type.values():
        for x, i in enumerate(indexes):
            for j in indexes[x + 1 :]:
                if candidates[i].existing and candidates[j].existing:
                    continue  # events already in the graph stay as they are
                root_i, root_j = uf.find(i), uf.find(j)
                if root_i == root_j or not same_event(candidates[i], candidates[j], taxonomy):
                    continue
                if any(_told_apart(candidates[m], candidates[n]) or _dated_apart(candidates[m], candidates[n], taxonomy)
                       for m in members[root_i] for n in members[root_j]):
                    continue
                joined = members.pop(root_i) + members.pop(root_j)
                uf.union(i, j)
                members[uf.find(i)] = joined
    groups: dict[int, list[Candidate]] = {}
    for i, c in enumerate(candidates):
        groups.setdefault(uf.find(i), []).append(c)
    return list(groups.values())


def merge_records(records: Sequence[EventRecord], event_id: str) -> EventRecord:
    """One event from several records of it: all evidence, all participants, the best title."""
    evidence: dict[tuple[str, int], Evidence] = {}
    # "struck a plea deal on Feb. 1 and pleaded guilty on Feb. 20": the plea's own day first
    for record in sorted(records, key=lambda r: r.agreed):
        for item in record.evidence:
            key = (item.document_id, item.start)
            if key not in evidence or _sharper(item.claim.date, evidence[key].claim.date):
                evidence[key] = item  # one sentence, one claim: the most precise it makes
    participants = tuple(dict.fromkeys(p for r in records for p in r.participants))
    main = max(records, key=lambda r: (len(r.participants), r.confidence, -len(r.title)))
    status = min((r.status for r in records), key=STATUS_PRIORITY.index)
    documents = {e.document_id for e in evidence.values()}
    confidence = 1.0
    for document_id in documents:
        best = max(r.confidence for r in records if any(e.document_id == document_id for e in r.evidence))
        confidence *= 1 - best
    date, _ = consolidate([e.claim.date for e in evidence.values()])
    kind = next((r.kind for r in records if r.kind is not None), None)
    return EventRecord(
        id=event_id, type=main.type, status=status, title=main.title, date=date,
        participants=participants, evidence=tuple(sorted(evidence.values(), key=lambda e: (e.document_id, e.start))),
        confidence=round(min(0.99, 1 - confidence), 2), kind=kind, agreed=all(r.agreed for r in records),
        many_unnamed=frozenset().union(*(r.many_unnamed for r in records)),
    )


def _sharper(candidate: FuzzyDate, current: FuzzyDate) -> bool:
    """Whether a sentence's second claim about an event says more than its first
    ("found unresponsive on Oct. 28 and pronounced dead": the day, not "on or before")."""
    if not candidate.known:
        return False
    if not current.known:
        return True
    return candidate.overlaps(current) and width(candidate) < width(current)


def new_event_id(group: Sequence[Candidate]) -> str:
    """Stable: the same mentions always yield the same id, whatever the load order.

    An event already in the graph keeps its id. Otherwise the id derives from the
    smallest id among the group's records, which are themselves derived from
    where in which document each mention stands (two events told in one sentence
    have different ids).
    """
    existing = sorted(c.id for c in group if c.existing)
    if existing:
        return existing[0]
    return stable_id("event", group[0].type, min(c.id for c in group if c.record is not None))


def merge_events(records: Sequence[EventRecord], taxonomy: Taxonomy, existing: Sequence[Candidate] = (),
                 known_dates: dict[str, FuzzyDate] | None = None) -> tuple[list[EventRecord], dict[str, str]]:
    """Merge records (and match them to events already in the graph).

    Returns the merged records and the mapping old id → merged id, so that
    anchors pointing at a merged record can be repointed.
    """
    # Weighed with their anchored claims already dated where the anchor is known: "four days
    # after the arrest" is a day in September, apart from "revoked his license the next February".
    dated = resolve_dates(records, known_dates)
    candidates = [
        Candidate(id=r.id, type=r.type,
                  principal=principal_roles(((p.actor_id, p.role) for p in r.participants), r.type, taxonomy),
                  distinguishing=distinguishing_roles(((p.actor_id, p.role) for p in r.participants), r.type, taxonomy),
                  claims=tuple(e.claim for e in d.evidence), record=r, kind=r.kind, agreed=r.agreed,
                  many_unnamed=r.many_unnamed)
        for r, d in zip(records, dated)
    ] + list(existing)
    merged: list[EventRecord] = []
    renamed: dict[str, str] = {}
    for group in group_candidates(candidates, taxonomy):
        group_records = [c.record for c in group if c.record is not None]
        if not group_records:
            continue
        event_id = new_event_id(group)
        for c in group:
            renamed[c.id] = event_id
        merged.append(merge_records(group_records, event_id))
    merged = [repoint_anchors(r, renamed) for r in merged]
    return resolve_dates(merged, known_dates), renamed


def repoint_anchors(record: EventRecord, renamed: dict[str, str]) -> EventRecord:
    evidence = []
    for item in record.evidence:
        anchor = item.claim.anchor
        if anchor is not None and anchor.event_ref in renamed:
            target = renamed[anchor.event_ref]
            # Two mentions anchored one on the other can turn out to be one event ("sentenced
            # after the hearing" where the hearing is that sentencing): no event dates itself.
            anchor = replace(anchor, event_ref=target) if target != record.id else None
            item = replace(item, claim=replace(item.claim, anchor=anchor))
        evidence.append(item)
    return replace(record, evidence=tuple(evidence))


def resolve_dates(records: Sequence[EventRecord], known: dict[str, FuzzyDate] | None = None) -> list[EventRecord]:
    """Resolve claims anchored to other events, then each event's date from its claims.

    `known` gives dates of anchor events outside `records` (already in the graph).
    """
    resolved = resolve_claims({r.id: [e.claim for e in r.evidence] for r in records}, known or {})
    updated = []
    for record in records:
        evidence = tuple(
            replace(e, claim=replace(e.claim, date=date)) if e.claim.anchor else e
            for e, date in zip(record.evidence, resolved.claims[record.id])
        )
        updated.append(replace(record, evidence=evidence, date=resolved.events[record.id][0]))
    return updated


def principal_roles(participants: Iterable[tuple[str, str]], event_type: str, taxonomy: Taxonomy) -> frozenset[tuple[str, str]]:
    """The (actor id, role) pairs in the type's principal roles."""
    spec = taxonomy.types.get(event_type)
    return _in_roles(participants, spec.principal if spec else ())


def distinguishing_roles(participants: Iterable[tuple[str, str]], event_type: str,
                         taxonomy: Taxonomy) -> frozenset[tuple[str, str]]:
    """The (actor id, role) pairs in the type's `distinct_by` roles."""
    spec = taxonomy.types.get(event_type)
    return _in_roles(participants, spec.distinct_by if spec else ())


def _in_roles(participants: Iterable[tuple[str, str]], roles: Iterable[str]) -> frozenset[tuple[str, str]]:
    wanted = set(roles)
    return frozenset((actor_id, role) for actor_id, role in participants if role in wanted)


def rename_actors(record: EventRecord, canonical: dict[str, str]) -> EventRecord:
    participants = tuple(dict.fromkeys(Participant(canonical.get(p.actor_id, p.actor_id), p.role) for p in record.participants))
    return replace(record, participants=participants)
