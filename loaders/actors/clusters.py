"""Clustering: which occurrences are one actor (full names, surnames, acronyms, short forms)."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from loaders.actors.base import ACRONYM, NAME, SURNAME, _SUBJECT_DEPS
from loaders.actors.lexicon import ActorLexicon
from loaders.actors.names import (
    _NOT_NAME_LABELS,
    _is_capitalised,
    _is_month_after_preposition,
    _name_words,
    _org_words,
    acronyms_of,
    fold,
    is_acronym,
)
from loaders.actors.occurrences import _Actor, _Occurrence
from loaders.records import ActorKind


class _Clusters:
    """Groups name occurrences into actors: full names, surnames, acronyms and short forms."""

    def __init__(self, doc: Doc, lex: ActorLexicon, in_quote: bytearray) -> None:
        self.doc = doc
        self.lex = lex
        self.in_quote = in_quote  # see _quotation_mask
        self._first_name_use: dict[int, bool] = {}  # id(actor) -> called by first name alone
        self.actors: list[_Actor] = []
        # Kept for later passes that find surnames the model missed.
        self.by_surname: dict[str, list[_Actor]] = defaultdict(list)
        self.person_positions: dict[int, list[int]] = {}  # id(actor) -> token positions of full-name occurrences

    def _people_by_surname(self, occurrences: list[_Occurrence]) -> None:
        """The model may call "Damon Reyes-Whitfield" an organisation and "Reyes-Whitfield"
        a person: a full name ending in a word the document uses alone as a person's name
        is that person's, and a lone word that is a named person's first name is a person."""
        doc = self.doc
        names = {id(o): _name_words(o.core_text(doc), self.lex) for o in occurrences}
        lone_people = {names[id(o)][0] for o in occurrences
                       if o.kind == ActorKind.PERSON and len(names[id(o)]) == 1 and not o.lowercase}
        first_names = {names[id(o)][0] for o in occurrences
                       if o.kind == ActorKind.PERSON and len(names[id(o)]) >= 2 and not o.lowercase}
        for occ in occurrences:
            words = names[id(occ)]
            if occ.kind != ActorKind.ORGANIZATION or occ.certain:
                continue
            if (len(words) >= 2 and words[-1] in lone_people) or (len(words) == 1 and words[0] in first_names):
                occ.kind = ActorKind.PERSON  # ... and "Amara" alone is Amara Frost

    def _organisations_by_leading_words(self, occurrences: list[_Occurrence]) -> None:
        """The model may call "Lakeview Memorial" a person after the story named "Lakeview
        Memorial Hospital": the leading words of an organisation's name, short of its head, are
        that organisation's, unless something settled them as a person or they begin with a
        first name (the Matthew Perry Foundation is named after Matthew Perry)."""
        doc = self.doc
        leading: set[tuple[str, ...]] = set()
        for occ in occurrences:
            words = tuple(t.text for t in doc[occ.core : occ.end])
            if occ.kind == ActorKind.ORGANIZATION and occ.certain and fold(words[-1]) in self.lex.organisation_heads:
                leading |= {words[:n] for n in range(2, len(words))}
        for occ in occurrences:
            words = tuple(t.text for t in doc[occ.core : occ.end])
            if occ.kind == ActorKind.PERSON and not occ.certain and words in leading \
                    and fold(words[0]) not in self.lex.first_names:  # "Matthew Perry" of the Matthew Perry Foundation
                occ.kind = ActorKind.ORGANIZATION

    def build(self, occurrences: list[_Occurrence]) -> list[_Occurrence]:
        doc, lex = self.doc, self.lex
        self._people_by_surname(occurrences)
        self._organisations_by_leading_words(occurrences)
        groups: dict[str, list[_Occurrence]] = defaultdict(list)
        for occ in occurrences:
            if not occ.lowercase:
                groups[fold(occ.core_text(doc))].append(occ)
        for members in groups.values():
            kind = self._vote(members)
            for occ in members:
                occ.kind = kind

        persons: dict[tuple[str, str], _Actor] = {}
        person_positions = self.person_positions
        orgs: dict[str, _Actor] = {}
        short: list[_Occurrence] = []
        by_start = {occ.core: occ for occ in occurrences}
        for occ in occurrences:
            if occ.lowercase or occ.acronym_for is not None:
                short.append(occ)
                continue
            text = occ.core_text(doc)
            if occ.kind == ActorKind.PERSON:
                words = _name_words(text, lex)
                if len(words) == 1:
                    text = self._with_partners_surname(occ, text, by_start)
                    words = _name_words(text, lex)
                if len(words) < 2 or (words[0] in lex.name_prefixes and not occ.certain):
                    short.append(occ)  # "St. Agnes" may be the short form of "St. Agnes Medical Center"
                    continue
                key = (words[0], words[-1])
                actor = persons.get(key)
                if actor is None:
                    actor = persons[key] = self._new(ActorKind.PERSON, text, occ.core)
                elif len(words) > len(_name_words(actor.canonical, lex)):
                    actor.canonical = text
                person_positions.setdefault(id(actor), []).append(occ.core)
            else:
                words = _org_words(text, lex)
                if len(words) == 1 and is_acronym(text):
                    short.append(occ)
                    continue
                key = " ".join(words)
                actor = orgs.get(key)
                if actor is None:
                    actor = orgs[key] = self._new(ActorKind.ORGANIZATION, self._org_name(occ), occ.core)
                elif len(fold(self._org_name(occ))) > len(fold(actor.canonical)):
                    actor.canonical = self._org_name(occ)
            self._attach(occ, actor, NAME)

        by_surname = self.by_surname
        by_first: dict[str, list[_Actor]] = defaultdict(list)
        for (first, last), actor in persons.items():
            by_surname[last].append(actor)
            by_first[first].append(actor)
        self._settle_genders(occurrences)
        by_acronym: dict[str, set[_Actor]] = defaultdict(set)
        org_words = {key: key.split() for key in orgs}
        for key, actor in orgs.items():
            for acronym in acronyms_of(actor.canonical, lex):
                by_acronym[acronym].add(actor)

        def org_with_prefix(words: list[str]) -> _Actor | None:
            matches = {
                orgs[k] for k, w in org_words.items() if len(w) > len(words) and w[: len(words)] == words
            }
            return next(iter(matches)) if len(matches) == 1 else None

        # Short organisation names ("Avesta", "Royal Free") are the long name they begin, unless
        # the word is the surname of someone named in full: "Dunleavy" after "Keith Dunleavy, 52,
        # who owned Dunleavy Apothecary" is the man.
        # A name with a head of its own ("Harlow Pharma") is another organisation than a longer
        # one it begins, unless all the longer one adds is the legal form ("Harlow Pharma Ltd").
        for key, actor in list(orgs.items()):
            longer = org_with_prefix(org_words[key])
            if longer is not None and key not in by_surname and (
                    not self._has_own_head(actor) or self._only_a_legal_form_added(key, longer)):
                self._merge(actor, longer)

        single_persons: dict[str, _Actor] = {}
        for occ in short:
            text = occ.core_text(doc)
            folded = fold(text)
            if occ.acronym_for is not None:
                target = occ.acronym_for.actor
                if target is not None:
                    self._attach(occ, target.resolved(), ACRONYM if is_acronym(text) else NAME)
                continue
            if occ.lowercase:
                target = self._by_folded_form(folded)
                if target is not None:
                    self._attach(occ, target, NAME)
                continue
            if occ.kind == ActorKind.ORGANIZATION:  # an acronym
                bare = text.replace(".", "")
                # "GPhC" for the General Pharmaceutical Council: its capitals, when none is its own
                matches = by_acronym.get(bare, set()) or by_acronym.get("".join(c for c in bare if c.isupper()), set())
                if len(matches) == 1:
                    self._attach(occ, next(iter(matches)).resolved(), ACRONYM)
                    continue
                actor = orgs.get(folded)
                if actor is None:
                    actor = orgs[folded] = self._new(ActorKind.ORGANIZATION, text, occ.core)
                self._attach(occ, actor, NAME)
                continue
            words = _name_words(text, lex)
            if len(words) > 1 and words[0] in lex.name_prefixes:
                org = org_with_prefix(_org_words(text, lex))
                if org is not None:
                    self._attach(occ, org.resolved(), NAME)  # "St. Agnes said" after "St. Agnes Medical Center"
                    continue
                word = folded
            else:
                word = words[-1] if words else folded
            candidates = self._of_title_gender(by_surname.get(word) or by_first.get(word) or [], occ)
            if candidates:
                chosen = self._nearest(candidates, occ.core, person_positions)
                self._attach(occ, chosen, SURNAME)
                continue
            org = orgs.get(word) or org_with_prefix([word])
            if org is not None and not occ.certain:
                self._attach(occ, org.resolved(), NAME)  # "Avesta" tagged as a person
                continue
            actor = single_persons.get(word)
            if actor is None:
                actor = single_persons[word] = self._new(ActorKind.PERSON, " ".join(doc[occ.core : occ.end].text.split()), occ.core)
            self._attach(occ, actor, NAME)

        # "Perry's" tagged ORG while Perry is a person: an uncertain one-word organisation that is a surname.
        certain = {id(o.actor) for o in occurrences if o.certain and o.actor is not None}
        surnames: dict[int, list[_Actor]] = {}
        for key, actor in orgs.items():
            if actor.merged_into is None and len(org_words.get(key, [key])) == 1 and id(actor) not in certain:
                people = by_surname.get(key)
                if people:
                    surnames[id(actor)] = people

        self._merge_bare_heads(orgs)

        for occ in occurrences:
            if occ.actor is None:
                continue
            people = surnames.get(id(occ.actor))
            if people is not None:
                occ.actor, occ.via = self._nearest(people, occ.core, person_positions), SURNAME
            occ.actor = occ.actor.resolved()
        self._collect_forms(occurrences)
        self._merge_same_ids(occurrences)
        return [occ for occ in occurrences if occ.actor is not None]

    # -- helpers

    def _with_partners_surname(self, occ: _Occurrence, text: str, by_start: dict[int, _Occurrence]) -> str:
        """ "Graham and Alison Lomax": a first name joined to a full name shares its surname; so
        does one set beside a family noun of someone named in full: "Mark Farrow found his
        wife, Lena", "Farrow's daughter, Kristen"."""
        doc = self.doc
        relative = self._family_surname(occ, by_start)
        if relative is not None:
            return f"{text} {relative}"
        if occ.end + 1 >= len(doc) or doc[occ.end].lower_ != "and":
            return text
        partner = by_start.get(occ.end + 1)
        if partner is None or partner.kind != ActorKind.PERSON or partner.start != partner.core:
            return text
        words = partner.core_text(doc).split()
        return f"{text} {words[-1]}" if len(words) == 2 else text

    def _family_surname(self, occ: _Occurrence, by_start: dict[int, _Occurrence]) -> str | None:
        doc, lex = self.doc, self.lex
        name = occ.root(doc)
        noun = name.head
        # "Tyler, 17, the son of Mark Reyes": the one whose son he is is named after
        relation = next((c for c in name.children if c.dep_ == "appos" and c.lemma_.lower() in lex.family_nouns), None)
        if relation is not None:
            parents = [o for p in relation.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children
                       if o.dep_ == "pobj"]
            named = [o for parent in parents for o in _people_at(by_start, parent)]
            if named and len(_name_words(named[0].core_text(doc), lex)) >= 2:
                return doc[named[0].end - 1].text
        if name.dep_ != "appos" or noun.lemma_.lower() not in lex.family_nouns:
            return None
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        # "his wife", "whose daughter": the last person named in full before, in this sentence, or
        # else in the one before ("Emily Chen died on Jan. 9. Her brother, Sam, ..."), whom the
        # pronoun's sex does not rule out
        if owner.pos_ == "PRON" or owner.tag_ == "WP$":
            named = [o for i, o in by_start.items() if noun.sent.start <= i < owner.i and o.kind == ActorKind.PERSON]
            if not named and owner.tag_ == "PRP$" and noun.sent.start > 0:
                before = doc[noun.sent.start - 1].sent
                named = [o for i, o in by_start.items() if before.start <= i < before.end and o.kind == ActorKind.PERSON
                         and self._may_be(o, owner.lower_)]
        else:
            named = _people_at(by_start, owner)
        if not named or len(_name_words(named[-1].core_text(doc), lex)) < 2:
            return None
        return doc[named[-1].end - 1].text

    def _may_be(self, occ: _Occurrence, possessive: str) -> bool:
        """Whether a person named in full may be the one "his" or "her" stands for, by their first name."""
        words = _name_words(occ.core_text(self.doc), self.lex)
        if len(words) < 2:
            return False
        female, male = words[0] in self.lex.female_first_names, words[0] in self.lex.male_first_names
        return not ((possessive == "her" and male and not female) or (possessive == "his" and female and not male))

    def _settle_genders(self, occurrences: list[_Occurrence]) -> None:
        """A person's gender from a gendered title ("Mrs Jane Roe") or a common first name."""
        lex = self.lex
        for occ in occurrences:
            actor = occ.actor
            if actor is None or actor.kind != ActorKind.PERSON or actor.gender is not None:
                continue
            gender = _title_gender(self.doc[occ.start : occ.core], lex)
            if gender is None:
                words = _name_words(actor.canonical, lex)
                if len(words) >= 2 and words[0] in lex.female_first_names:
                    gender = "female"
                elif len(words) >= 2 and words[0] in lex.male_first_names:
                    gender = "male"
                elif len(words) >= 2 and _looks_female(words[0], lex):
                    gender = "female"
            actor.gender = gender

    def _of_title_gender(self, candidates: list[_Actor], occ: _Occurrence) -> list[_Actor]:
        """ "Mrs. Garner" among Paul and Helen Garner is the woman; "Mr Aldous" is not his sister
        Leanne Aldous, even where she is the only Aldous the story names in full."""
        gender = _title_gender(self.doc[occ.start : occ.core], self.lex)
        if gender is None:
            return candidates
        agreeing = [a for a in candidates if a.gender in (gender, None)]
        if not agreeing and all(a.gender is not None for a in candidates):
            return []
        return agreeing or candidates

    def _merge_bare_heads(self, orgs: dict[str, _Actor]) -> None:
        """ "the Board" after "Medical Board of Oregon": an organisation named only by a head
        noun is the one organisation of the document whose name has that word."""
        for key, actor in orgs.items():
            if actor.merged_into is not None or " " in key or key not in self.lex.organisation_heads:
                continue
            owners = {
                id(other.resolved()): other.resolved()
                for other_key, other in orgs.items()
                if other_key != key and key in other_key.split()
            }
            if len(owners) == 1:
                self._merge(actor, next(iter(owners.values())))

    def _vote(self, members: list[_Occurrence]) -> ActorKind:
        certain = Counter(o.kind for o in members if o.certain)
        if certain:
            return certain.most_common(1)[0][0]
        votes = Counter(o.kind for o in members)
        return max(votes, key=lambda k: (votes[k], -next(o.start for o in members if o.kind == k)))

    def _new(self, kind: ActorKind, name: str, position: int) -> _Actor:
        actor = _Actor(kind=kind, canonical=name, first_token=position)
        self.actors.append(actor)
        return actor

    def _org_name(self, occ: _Occurrence) -> str:
        words = occ.core_text(self.doc).split()
        if words and words[0].lower() == "the":
            words.pop(0)
        return " ".join(words)

    def _only_a_legal_form_added(self, key: str, longer: _Actor) -> bool:
        added = _org_words(longer.canonical, self.lex)[len(key.split()):]
        return bool(added) and all(word in self.lex.legal_suffixes for word in added)

    def _has_own_head(self, actor: _Actor) -> bool:
        words = actor.canonical.split()
        return len(words) > 1 and words[-1].lower() in self.lex.organisation_heads

    def _attach(self, occ: _Occurrence, actor: _Actor, via: str) -> None:
        occ.actor, occ.via = actor, via

    def _merge(self, actor: _Actor, into: _Actor) -> None:
        actor.merged_into = into
        into.first_token = min(into.first_token, actor.first_token)

    def _by_folded_form(self, folded: str) -> _Actor | None:
        for actor in self.actors:
            if actor.merged_into is None and fold(actor.canonical) == folded:
                return actor
        return None

    def _nearest(self, candidates: list[_Actor], position: int, positions: dict[int, list[int]]) -> _Actor:
        """The person whose full name came last before `position`, else the first one after it.

        A story about a family calls the relatives by their first names ("Amara told ..."),
        which leaves the bare surname to the one it does not: "Frost, 33, died" is Kalen
        Frost even when his sister Amara Frost was named last. Only those named so far count
        when any is: a sister the story names later is not who it meant before."""
        last_seen = {}
        for actor in candidates:
            seen = positions.get(id(actor), [])  # appended in document order, so sorted
            i = bisect.bisect_left(seen, position)
            last_seen[id(actor)] = seen[i - 1] if i > 0 else -1
        named_so_far = [a for a in candidates if last_seen[id(a)] >= 0]
        if named_so_far:
            candidates = named_so_far
        # "Lowry's sister, Maren Lowry": the bare "Lowry" is whom she was introduced by.
        for keeps in (lambda a: not self._introduced_by_surname(a, positions, position),
                      lambda a: not self._called_by_first_name(a),
                      lambda a: not self._named_once_in_passing(a, positions)):
            if len(candidates) > 1:
                candidates = [a for a in candidates if keeps(a)] or candidates
        if len(candidates) == 1:
            return candidates[0]
        if named_so_far:
            return max(candidates, key=lambda a: last_seen[id(a)])
        return min(candidates, key=lambda a: positions.get(id(a), [10**9])[0])

    def _introduced_by_surname(self, actor: _Actor, positions: dict[int, list[int]], position: int) -> bool:
        """Whether the text names this person just after a relation of someone called by their
        shared surname alone: "Lowry's sister, Maren Lowry", "Varnado's parents, Gil and Rosalind
        Varnado", or, not named again before `position`, of someone it calls "his" or "her": "His
        father, the actor John Bennett Perry", "said his sister, Hannah Vale ... Vale, the singer".
        Read from the words, not the parse, which often misreads such lists."""
        surname = fold(actor.canonical.split()[-1])
        doc = self.doc
        seen = positions.get(id(actor), [])
        for start in seen:
            # ("Paul Garner and his wife, Helen Garner, sued. Helen Garner testified": named again)
            not_named_again = not any(start < later < position for later in seen)
            window = doc[max(doc[start].sent.start, start - 8) : start]
            for token in window:
                if token.i + 2 >= start:
                    continue
                if (fold(token.text) == surname and doc[token.i + 1].lower_ in ("'s", "’s")
                        and doc[token.i + 2].pos_ == "NOUN" and any(t.text == "," for t in doc[token.i + 3 : start])):
                    return True
                if (not_named_again and token.tag_ == "PRP$" and doc[token.i + 1].lemma_.lower() in self.lex.family_nouns
                        and doc[token.i + 2].text == ","):
                    return True
        return False

    def _named_once_in_passing(self, actor: _Actor, positions: dict[int, list[int]]) -> bool:
        """Whether the text names this person once, in a prepositional phrase: "Matthew Langford
        Perry is born ... to the actor John Bennett Perry": the bare "Perry" after it is the son."""
        seen = positions.get(id(actor), [])
        if len(seen) != 1:
            return False
        token = self.doc[seen[0]]
        while token.dep_ in ("compound", "flat") and token.head.i > token.i:
            token = token.head
        while token.dep_ in ("appos", "conj") and token.head.i != token.i:
            token = token.head
        return token.dep_ == "pobj"

    def _called_by_first_name(self, actor: _Actor) -> bool:
        """Whether the text calls this person by the first name alone, somewhere."""
        if id(actor) not in self._first_name_use:
            self._first_name_use[id(actor)] = self._scan_for_first_name(actor)
        return self._first_name_use[id(actor)]

    def _scan_for_first_name(self, actor: _Actor) -> bool:
        words = actor.canonical.split()
        names = _name_words(actor.canonical, self.lex)
        if len(names) < 2:
            return False
        first = next(w for w in words if fold(w) == names[0])
        doc = self.doc
        for token in doc:
            if token.text != first or self.in_quote[token.i]:
                continue  # a mother's "sold Delia poison" is how she speaks, not how the story does
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            before = doc[token.i - 1] if token.i > 0 else None
            if after is not None and after.pos_ == "PROPN" and _is_capitalised(after):
                continue  # the full name, or another one
            if before is not None and before.pos_ == "PROPN" and _is_capitalised(before):
                continue
            return True
        return False

    def _collect_forms(self, occurrences: list[_Occurrence]) -> None:
        for occ in occurrences:
            if occ.actor is None or occ.lowercase:
                continue
            for text in (occ.core_text(self.doc), occ.full_text(self.doc)):
                if occ.actor.kind == ActorKind.ORGANIZATION and text.lower().startswith("the "):
                    text = text[4:]
                occ.actor.forms.setdefault(text, None)
            titles = [fold(t.text) for t in self.doc[occ.start : occ.core]]
            if occ.actor.gender is None and any(t in self.lex.female_titles for t in titles):
                occ.actor.gender = "female"
            elif occ.actor.gender is None and any(t in self.lex.male_titles for t in titles):
                occ.actor.gender = "male"

    def _merge_same_ids(self, occurrences: list[_Occurrence]) -> None:
        by_id: dict[str, _Actor] = {}
        for actor in self.actors:
            if actor.merged_into is not None:
                continue
            other = by_id.get(actor.id)
            if other is None:
                by_id[actor.id] = actor
                continue
            actor.merged_into = other
            for form in actor.forms:
                other.forms.setdefault(form, None)
        for occ in occurrences:
            if occ.actor is not None:
                occ.actor = occ.actor.resolved()


def _looks_female(first_name: str, lex: ActorLexicon) -> bool:
    """A first name missing from the lists but shaped like most women's names in English
    news ("Delia", "Bettina", "Lucía"); names such as "Joshua" or "Luca" are listed as men's."""
    return len(first_name) >= 4 and first_name.endswith(("a", "á")) and first_name not in lex.male_first_names


def _title_gender(titles: Iterable[Token], lex: ActorLexicon) -> str | None:
    words = [fold(t.text) for t in titles]
    if any(w in lex.female_titles for w in words):
        return "female"
    if any(w in lex.male_titles for w in words):
        return "male"
    return None


def _surname_tokens(doc: Doc, occ: _Occurrence, lex: ActorLexicon) -> tuple[str, ...]:
    """The tokens of the last word of a written full name: "Okafor", "Smith - Jones"."""
    end = occ.end
    while end > occ.core + 1 and (fold(doc[end - 1].text) in lex.name_suffixes or doc[end - 1].is_punct):
        end -= 1
    start = end - 1
    while start > occ.core and not doc[start - 1].whitespace_:
        start -= 1  # a hyphenated surname is several tokens with no space between them
    return tuple(t.text for t in doc[start:end])


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
_PLACE_PREPOSITIONS = frozenset({"in", "of", "from", "near", "across", "throughout", "outside", "around"})
_COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western",
                            "northeast", "northwest", "southeast", "southwest", "central", "downtown", "suburban"})


def _people_at(by_start: dict[int, _Occurrence], token: Token) -> list[_Occurrence]:
    """The people whose names hold this word."""
    return [o for o in by_start.values() if o.start <= token.i < o.end and o.kind == ActorKind.PERSON]


def _restricts(clause: Token, noun: Token) -> bool:
    """A clause right after its noun says which one is meant ("the company that makes it");
    one set off by a comma ("The company, which had issued ...") or hung on the noun from
    afar by the parser only adds to a noun already known."""
    return clause.left_edge.i == noun.i + 1


def _words_used_as_places(doc: Doc) -> set[str]:
    """Words the text uses as places. The model's place labels wander over company names,
    so a label counts only where the wording agrees: "in Houston", "in southwest Houston",
    "a Houston pharmacist", "Franklin, Tennessee"."""
    places = set()
    # "a Halcyon physician" after "Halcyon Direct": a company's first word, labelled as one
    company_words = {e[0].text for e in doc.ents if e.label_ == "ORG" and len(e) > 1}
    for token in doc:
        if not _is_capitalised(token) or token.i == 0:
            continue
        before = doc[token.i - 1]
        if before.lower_ in {"a", "an"} and token.dep_ == "compound" and token.head.is_lower:
            if not (token.ent_type_ == "ORG" and token.text in company_words):
                places.add(token.text)  # whatever the label: "An Austin physician"
            continue
        if token.ent_type_ not in _PLACE_LABELS:
            continue
        if before.lower_ in _COMPASS_WORDS and before.i > 0:
            before = doc[before.i - 1]
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if before.lower_ in _PLACE_PREPOSITIONS or (
                after is not None and after.text == "," and token.i + 2 < len(doc) and doc[token.i + 2].ent_type_ == "GPE"):
            places.add(token.text)
    return places


def _company_short_names(doc: Doc, occurrences: list[_Occurrence], lex: ActorLexicon) -> dict[str, _Occurrence]:
    """A company's distinctive first word, by which stories call it after naming it in full
    ("Meridian said" after "Meridian Sterile Compounding LLC"). Never a place ("Texas"),
    a public body's word, a generic or descriptive word, nor a word two names begin with."""
    places = _words_used_as_places(doc)
    leading: dict[str, list[_Occurrence]] = defaultdict(list)
    for occ in occurrences:
        if occ.kind != ActorKind.ORGANIZATION or occ.actor is None or occ.via != NAME or occ.lowercase:
            continue
        tokens = doc[occ.core : occ.end]
        words = _org_words(tokens.text, lex)
        if len(words) < 2 or any(w in lex.jurisdiction_heads or "public_body" in lex.organisation_kinds.get(w, ()) for w in words):
            continue
        first = next((t for t in tokens if fold(t.text) == words[0]), None)
        if first is None or not first.is_alpha or len(first.text) < 3 or not first.text[0].isupper():
            continue
        if (words[0] in lex.places or words[0] in lex.generic_words or words[0] in lex.organisation_heads
                or words[0] in lex.name_connectors or words[0] in lex.titles or words[0] in lex.weak_leading_words
                or first.text in places):
            continue
        leading[first.text].append(occ)
    return {word: occs[0] for word, occs in leading.items() if len({id(o.actor.resolved()) for o in occs}) == 1}


def _find_missed_mentions(
    doc: Doc, occurrences: list[_Occurrence], lex: ActorLexicon, clusters: _Clusters
) -> list[_Occurrence]:
    """Later occurrences of known names the model did not tag or tagged as something else
    ("Perry" untagged in one sentence, "Okafor" tagged as a place): a capitalised word
    equal to the surname of a person named in full is that person, unless it is part of a
    longer name ("Perry Street")."""
    models: dict[tuple[str, ...], _Occurrence] = {}
    for occ in occurrences:
        tokens = tuple(t.text for t in doc[occ.core : occ.end])
        if occ.lowercase or not tokens or len("".join(tokens)) < 2:
            continue
        if len(tokens) == 1 and (tokens[0].lower() in lex.name_connectors or not tokens[0][:1].isupper()):
            continue
        models.setdefault(tokens, occ)
    surnames: dict[tuple[str, ...], list[_Actor]] = defaultdict(list)
    # "Amara" for Amara Frost, as stories about a family do — when one person has that first name.
    first_names: dict[tuple[str, ...], set[int]] = defaultdict(set)
    people: dict[int, _Actor] = {}
    for occ in occurrences:
        actor = occ.actor
        if actor is None or actor.kind != ActorKind.PERSON or actor.role is not None or occ.via != NAME:
            continue
        if len(_name_words(occ.core_text(doc), lex)) < 2:
            continue
        first = doc[occ.core]
        if _is_capitalised(first) and len(first.text) > 2:
            first_names[(first.text,)].add(id(actor))
            people[id(actor)] = actor
        tokens = _surname_tokens(doc, occ, lex)
        if not tokens or not tokens[0][:1].isupper() or len("".join(tokens)) < 2:
            continue
        known = surnames[tokens]
        if not any(a is actor for a in known):
            known.append(actor)
    for tokens, ids in first_names.items():
        if len(ids) == 1 and tokens not in surnames and tokens not in models:
            surnames[tokens].append(people[next(iter(ids))])
    # "Meridian" for Meridian Sterile Compounding LLC; guarded like a surname against common words.
    guarded = set(surnames)
    for word, occ in _company_short_names(doc, occurrences, lex).items():
        if (word,) not in models and (word,) not in surnames:
            models[(word,)] = occ
            guarded.add((word,))
    forms: dict[str, list[tuple[tuple[str, ...], _Occurrence | None]]] = defaultdict(list)
    for tokens, occ in models.items():
        forms[tokens[0]].append((tokens, occ))
    for tokens in surnames:
        if tokens not in models:
            forms[tokens[0]].append((tokens, None))
    for entries in forms.values():
        entries.sort(key=lambda e: -len(e[0]))
    lowercase_words = {t.text for t in doc if t.is_lower}
    covered = bytearray(len(doc))
    for occ in occurrences:
        for i in range(occ.start, occ.end):
            covered[i] = 1
    found: list[_Occurrence] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        entries = forms.get(token.text) if not covered[i] else None
        matched = False
        for tokens, model in entries or ():
            end = i + len(tokens)
            if end > len(doc) or any(covered[j] for j in range(i, end)):
                continue
            if tuple(t.text for t in doc[i:end]) != tokens:
                continue
            if any(t.ent_type_ in _NOT_NAME_LABELS for t in doc[i:end]):
                continue  # "in May" is a month whoever Theresa May is
            if (model is None or tokens in guarded) and (
                any(t.lower() in lowercase_words for t in tokens)
                or (token.is_sent_start and token.pos_ != "PROPN"
                    and not (token.dep_ in _SUBJECT_DEPS and (
                        (end < len(doc) and doc[end].pos_ in ("VERB", "AUX"))
                        or any(c.dep_ == "conj" for c in token.children))))  # "Feldkamp and Pimm pleaded"
            ):
                continue  # a surname that is also a common word: "Health care", "Young people"
            before = doc[i - 1] if i > 0 else None
            after = doc[end] if end < len(doc) else None
            if before is not None and before.pos_ == "PROPN" and _is_capitalised(before) and fold(before.text) not in lex.titles \
                    and not _is_month_after_preposition(before):
                continue  # part of a longer name ("Katy Perry"), not a date before it ("In June Stanek pleaded")
            if before is not None and before.text in ("-", "–") and not before.whitespace_:
                continue
            if after is not None and after.pos_ == "PROPN" and _is_capitalised(after) and not covered[end]:
                continue
            start = i
            while start > 0 and _is_capitalised(doc[start - 1]) and fold(doc[start - 1].text) in lex.titles:
                start -= 1
            shared = surnames.get(tokens, [])
            if model is not None and not (len(shared) > 1 and any(a is model.actor for a in shared)):
                actor, kind, via = model.actor, model.kind, model.via
            else:  # a surname: the person last named in full with it
                people = clusters._of_title_gender(shared, _Occurrence(start, i, end, ActorKind.PERSON))
                actor = clusters._nearest(people, i, clusters.person_positions)
                kind, via = ActorKind.PERSON, SURNAME
            found.append(_Occurrence(start, i, end, kind, certain=True, actor=actor, via=via))
            for j in range(start, end):
                covered[j] = 1
            i = end
            matched = True
            break
        if not matched:
            i += 1
    return found
