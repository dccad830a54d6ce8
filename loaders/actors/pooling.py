"""Across documents: one id per real-world actor for the actors of many documents and the graph."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from loaders.actors.base import ActorAnalysis, RoleLink
from loaders.actors.lexicon import ActorLexicon, get_lexicon
from loaders.actors.names import (
    _name_words,
    _org_words,
    _person_id,
    acronyms_of,
    fold,
    role_actor_name,
    role_description,
)
from loaders.records import ActorKind, ActorRecord


@dataclass
class _Pooled:
    id: str
    name: str
    kind: ActorKind
    aliases: set[str]
    description: str | None
    known: bool
    role: RoleLink | None = None


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _pool(analyses: Sequence[ActorAnalysis], known: Sequence[ActorRecord]) -> dict[str, _Pooled]:
    pool: dict[str, _Pooled] = {}

    def add(record: ActorRecord, is_known: bool, role: RoleLink | None) -> None:
        entry = pool.get(record.id)
        if entry is None:
            pool[record.id] = _Pooled(record.id, record.name, record.kind, set(record.aliases), record.description, is_known, role)
            return
        entry.aliases.update(record.aliases)
        entry.known = entry.known or is_known
        if role is not None:  # keep one link whatever the order of the documents
            entry.role = min((r for r in (entry.role, role) if r is not None), key=lambda r: (r.possessor_id, r.role, r.relation))
        if (len(record.name), record.name) > (len(entry.name), entry.name):
            entry.aliases.add(entry.name)
            entry.name = record.name
        elif record.name != entry.name:
            entry.aliases.add(record.name)
        if entry.description is None or (record.description and record.description < entry.description):
            entry.description = record.description or entry.description

    for record in sorted(known, key=lambda r: r.id):
        add(record, True, None)
    for analysis in analyses:
        for aid in sorted(analysis.actors):
            add(analysis.actors[aid], False, analysis.roles.get(aid))
    return pool


def canonical_actor_ids(analyses: Sequence[ActorAnalysis], known: Sequence[ActorRecord] = ()) -> dict[str, str]:
    """The graph id for every actor id in `analyses`, joining what several documents (and the graph) say.

    Joined: people with the same first and last name; a surname-only person and the one
    full name with that surname; organisations sharing a name, an alias or an acronym
    ("FDA" = "U.S. Food and Drug Administration"); a role ("Matthew Perry's assistant")
    and the one named person another document gives that role towards the same person.
    Each group takes the id of its fullest name; ties prefer an id the graph knows, then
    the smallest id, so the result does not depend on the order of the inputs.
    """
    lex = get_lexicon()
    pool = _pool(analyses, known)
    uf = _UnionFind()
    people = {i: e for i, e in pool.items() if e.kind == ActorKind.PERSON and e.role is None}
    orgs = {i: e for i, e in pool.items() if e.kind == ActorKind.ORGANIZATION}

    # People: same first and last name; then surname-only names with exactly one full-name group.
    full_by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    single: dict[str, list[str]] = defaultdict(list)
    for aid in sorted(people):
        words = _name_words(people[aid].name, lex)
        if len(words) >= 2:
            full_by_key[(words[0], words[-1])].append(aid)
        elif words:
            single[words[0]].append(aid)
    for ids in full_by_key.values():
        for other in ids[1:]:
            uf.union(ids[0], other)
    groups_by_surname: dict[str, set[str]] = defaultdict(set)
    for (_, last), ids in full_by_key.items():
        groups_by_surname[last].add(uf.find(ids[0]))
    for word, ids in single.items():
        for other in ids[1:]:
            uf.union(ids[0], other)
        groups = groups_by_surname.get(word, set())
        if len(groups) == 1:
            uf.union(ids[0], next(iter(groups)))

    # Organisations: a shared name; an alias or acronym naming exactly one other organisation.
    name_key = {aid: " ".join(_org_words(e.name, lex)) for aid, e in orgs.items()}
    by_name: dict[str, list[str]] = defaultdict(list)
    for aid in sorted(orgs):
        by_name[name_key[aid]].append(aid)
    for ids in by_name.values():
        for other in ids[1:]:
            uf.union(ids[0], other)
    alias_owners: dict[str, set[str]] = defaultdict(set)
    for aid, entry in orgs.items():
        for alias in entry.aliases:
            alias_owners[" ".join(_org_words(alias, lex))].add(name_key[aid])
        for acronym in acronyms_of(entry.name, lex):
            alias_owners[acronym.lower()].add(name_key[aid])
    for aid in sorted(orgs):
        owners = alias_owners.get(name_key[aid], set()) - {name_key[aid]}
        if len(owners) == 1:
            uf.union(aid, by_name[next(iter(owners))][0])

    # Roles: the one named person another document gives the same role towards the same possessor.
    named_roles: dict[tuple[str, str], set[str]] = defaultdict(set)
    for analysis in analyses:
        for aff in analysis.affiliations:
            if aff.actor_id in people and aff.other_id in pool:
                named_roles[(uf.find(aff.other_id), aff.relation)].add(uf.find(aff.actor_id))
    described: dict[str, set[str]] = defaultdict(set)
    for aid, entry in people.items():
        if entry.description:
            described[fold(entry.description)].add(uf.find(aid))
    names_by_group: dict[str, set[str]] = defaultdict(set)
    for aid, entry in pool.items():
        names_by_group[uf.find(aid)].add(entry.name)
    role_target: dict[str, str] = {}
    for aid in sorted(i for i, e in pool.items() if e.role is not None):
        link = pool[aid].role
        assert link is not None
        possessor = uf.find(link.possessor_id) if link.possessor_id in pool else link.possessor_id
        holders = set(named_roles.get((possessor, link.relation), set()))
        for name in names_by_group.get(possessor, ()):
            holders |= described.get(fold(role_description(name, link.role)), set())
        if len(holders) == 1:
            uf.union(aid, next(iter(holders)))
        else:
            role_target[aid] = f"role:{possessor}:{link.role}"
            uf.union(aid, role_target[aid])

    # The id each group keeps.
    members: dict[str, list[str]] = defaultdict(list)
    for aid in pool:
        members[uf.find(aid)].append(aid)
    chosen: dict[str, str] = {}
    for root, ids in members.items():
        named = [i for i in ids if pool[i].role is None]
        if named:
            best = min(named, key=lambda i: (-len(_name_words(pool[i].name, lex)), not pool[i].known, -len(pool[i].name), i))
            chosen[root] = best
        else:
            link = pool[ids[0]].role
            assert link is not None
            possessor = uf.find(link.possessor_id) if link.possessor_id in pool else link.possessor_id
            possessor_name = _best_name(pool, members.get(possessor, []), lex) or link.possessor_id
            chosen[root] = _person_id(role_actor_name(possessor_name, link.role))
    return {aid: chosen[uf.find(aid)] for analysis in analyses for aid in analysis.actors}


def _best_name(pool: dict[str, _Pooled], ids: list[str], lex: ActorLexicon) -> str | None:
    named = [i for i in ids if i in pool and pool[i].role is None]
    if not named:
        return None
    best = min(named, key=lambda i: (-len(_name_words(pool[i].name, lex)), not pool[i].known, -len(pool[i].name), i))
    return pool[best].name


def merged_actor_records(
    analyses: Sequence[ActorAnalysis], ids: Mapping[str, str], known: Sequence[ActorRecord] = ()
) -> dict[str, ActorRecord]:
    """One record per graph id after `canonical_actor_ids`: the fullest name, every other name as an alias."""
    lex = get_lexicon()
    pool = _pool(analyses, known)
    grouped: dict[str, list[_Pooled]] = defaultdict(list)
    for aid, target in ids.items():
        if aid in pool:
            grouped[target].append(pool[aid])
    records: dict[str, ActorRecord] = {}
    for target in sorted(grouped):
        entries = sorted(grouped[target], key=lambda e: e.id)
        exact = [e for e in entries if e.id == target and e.role is None]
        named = exact or [e for e in entries if e.role is None]
        if named:
            best = min(named, key=lambda e: (-len(_name_words(e.name, lex)), -len(e.name), e.id))
            name = best.name
        else:
            link = entries[0].role
            assert link is not None
            possessor = ids.get(link.possessor_id, link.possessor_id)
            possessor_entries = [pool[i] for i, t in ids.items() if t == possessor and i in pool and pool[i].role is None]
            possessor_name = (
                min(possessor_entries, key=lambda e: (-len(_name_words(e.name, lex)), -len(e.name), e.id)).name
                if possessor_entries
                else entries[0].name
            )
            name = role_actor_name(possessor_name, link.role)
            entries[0].description = role_description(possessor_name, link.role)
        aliases = sorted({a for e in entries for a in (e.aliases | {e.name})} - {name})
        descriptions = sorted({e.description for e in entries if e.description})
        description = next((d for d in descriptions if " of " in d and named), None) or (descriptions[0] if descriptions else None)
        records[target] = ActorRecord(target, name, entries[0].kind, tuple(aliases), description)
    return records
