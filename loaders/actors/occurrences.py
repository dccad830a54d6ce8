"""Occurrences: where a document names an actor, from the model's entities and the rules that mend them."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from loaders.actors.base import NAME, RoleLink, _CLOSING_QUOTES, OPENING_QUOTES, _SUBJECT_DEPS
from loaders.actors.lexicon import ActorLexicon
from loaders.actors.names import (
    _CATEGORY_MARK_RE,
    _COMPANY_DESCRIBERS,
    _DATELINE_DASHES,
    _MONTH_NAMES,
    _NAME_PARTICLES,
    _NOT_NAME_LABELS,
    _followed_by_age,
    _is_capitalised,
    _is_month_after_preposition,
    _name_words,
    _relation_bigram,
    acronyms_of,
    actor_id_for,
    fold,
    is_acronym,
    is_call_letters,
)
from loaders.records import WEEKDAY_NAMES, ActorKind


@dataclass(eq=False)
class _Occurrence:
    """One place where a name is written; `start` includes titles, `core` is where the name itself begins."""

    start: int
    core: int
    end: int
    kind: ActorKind
    certain: bool = False  # kind settled by a rule, not only by the model
    lowercase: bool = False
    acronym_for: _Occurrence | None = None  # "(FDA)" right after the name it abbreviates
    actor: _Actor | None = None
    via: str = NAME

    def core_text(self, doc: Doc) -> str:
        return _without_nickname(" ".join(doc[self.core : self.end].text.split()))

    def full_text(self, doc: Doc) -> str:
        return _without_nickname(" ".join(doc[self.start : self.end].text.split()))

    def root(self, doc: Doc) -> Token:
        span = doc[self.core : self.end]
        return span.root


@dataclass(eq=False)
class _Actor:
    kind: ActorKind
    canonical: str
    first_token: int
    forms: dict[str, None] = field(default_factory=dict)  # surface forms in order of appearance
    gender: str | None = None
    description: str | None = None
    role: RoleLink | None = None
    merged_into: _Actor | None = None

    @property
    def id(self) -> str:
        return actor_id_for(self.canonical, self.kind)

    def resolved(self) -> _Actor:
        actor = self
        while actor.merged_into is not None:
            actor = actor.merged_into
        return actor


class _Names:
    """Finds name occurrences: the model's entities, corrected and completed by rules."""

    def __init__(self, doc: Doc, lex: ActorLexicon, publisher: str | None = None) -> None:
        self.doc = doc
        self.lex = lex
        self.publisher_initials = acronyms_of(publisher, lex) if publisher else set()
        # A word the model tags as a place in one sentence and as part of a person's
        # name in another ("Okafor") is the person's name: only the lexicon's places stay.
        person_words = self.person_words = self._person_name_words()
        # Nor is a name someone is interviewed by or tells something ("told Bloomberg").
        tagged_places = {fold(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC")
                         and not self._person_read_as_a_place(e.start, e.end)} - person_words \
            - {fold(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC") and self._spoken_to(e.start, e.end)}
        self.place_names = tagged_places | set(lex.places)
        # Words the text gives an age ("Thistlewood, 52, had worked as a pharmacist"): a person's name
        self.aged_words = {fold(t.text) for t in doc if t.pos_ == "PROPN" and _is_capitalised(t)
                           and _followed_by_age(doc, t.i + 1)}
        self.work_names = {fold(e.text) for e in doc.ents if e.label_ == "WORK_OF_ART"} | set(lex.works)
        self.entity_label = {t.i: e.label_ for e in doc.ents for t in e}
        self.rejected: set[str] = set()
        self.lowercase_words = {t.text for t in doc if t.is_lower}
        self.programme_names: set[str] = set()

    def _person_name_words(self) -> set[str]:
        """Folded full names and surnames of the model's several-word PERSON entities, and of a
        one-word PERSON that is a verb's subject or object ("A grand jury indicted Quartermaine")."""
        words: set[str] = set()
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _name_words(ent.text, self.lex)
            if len(name) >= 2:
                words.add(" ".join(name))
                words.add(name[-1])
            elif len(name) == 1 and ent.root.dep_ in {"nsubj", "nsubjpass", "dobj"} and ent.root.head.pos_ == "VERB":
                words.add(name[0])
        return words

    # -- public

    def find(self) -> list[_Occurrence]:
        found: list[_Occurrence] = []
        for start, end, label in self._entities():
            occ = self._occurrence(start, end, label)
            if occ is not None and not self._is_dateline_credit(occ) and not self._is_dateline_place(occ):
                found.append(occ)
        found.extend(self._titled_names_the_model_missed())
        found.extend(self._offices_the_model_missed())
        found.extend(self._companies_the_model_missed())
        found.extend(self._headed_names_the_model_missed())
        found.extend(self._acting_acronyms_the_model_missed())
        found.extend(self._place_offices())
        found.extend(self._aged_names_the_model_missed())
        found.extend(self._the_dead_the_model_missed())
        found.extend(self._nicknamed_people_the_model_missed())
        found.extend(self._first_named_people_the_model_missed())
        found.extend(self._relatives_named_by_first_name())
        found.extend(self._first_names_the_model_missed(found))
        found.extend(self._surnames_the_model_missed(found))
        found.extend(self._owned_organisations())
        found.extend(self._designated_organisations())
        media = self._media_names() + self._call_signs() + self._mastheads_the_model_missed()
        found.extend(media)
        found = self._names_cut_short(_without_overlaps(found))
        self._mark_parenthesised_acronyms(found)
        # The model's person at the end of a longer quoted title is the title's words: "Third
        # Floor Walkup" ran from 1998 to 2005.
        self.rejected |= {fold(occ.core_text(self.doc)) for occ in found if occ.kind == ActorKind.PERSON
                          and not occ.certain and self._is_quoted_title(occ)
                          and self.doc[occ.start - 1].text not in OPENING_QUOTES}
        # A name judged not to be an actor in one place (a show title, a drug) is not one anywhere.
        found = [occ for occ in found if fold(occ.core_text(self.doc)) not in self.rejected]
        # ...except a programme someone was interviewed on: that is the outlet.
        framed = self._programmes()
        # A quoted programme title holds the names inside it: "Unfiltered with Dee Rollins"; and
        # the model's person is the programme's name ("the podcast 'Ketamine Frontiers'").
        titles = [p for p in framed if self._is_quoted_title(p)]
        found = [o for o in found if not any(p.start <= o.start and o.end <= p.end
                                             and (o.end - o.start < p.end - p.start or o.kind == ActorKind.PERSON)
                                             for p in titles)]
        programmes = [p for p in framed if not any(p.start < o.end and o.start < p.end for o in found)]
        # A title the model already took for an organisation is still the programme it names.
        self.programme_names = {_without_article(fold(o.core_text(self.doc))) for o in framed + media}
        return sorted(found + programmes, key=lambda o: o.start)

    def _names_cut_short(self, found: list[_Occurrence]) -> list[_Occurrence]:
        """ "Calder Vale Pharma Ltd was fined. Calder Vale Pharma supplied ...": the model may leave
        a name's first words out of one mention ("Vale Pharma"); capitalised words just before it
        that, with it, begin an organisation named elsewhere in the text are part of it."""
        doc = self.doc
        organisations = {fold(o.core_text(doc)) for o in found if o.kind == ActorKind.ORGANIZATION}
        taken = {i for o in found for i in range(o.start, o.end)}
        for occ in found:
            start = self._capitalised_run_start(occ.start, lambda t: t.i not in taken and t.is_alpha)
            if start == occ.start:
                continue
            longer = fold(doc[start:occ.end].text)
            if any(name != longer and name.startswith(longer + " ") for name in organisations):
                occ.start = occ.core = start
                occ.kind = ActorKind.ORGANIZATION
        return found

    def _capitalised_run_start(self, start: int, may_take: Callable[[Token], bool]) -> int:
        """Where the capitalised words running up to `start` begin: on the same line, no title
        among them, each one `may_take` allows."""
        doc = self.doc
        while (start > 0 and _is_capitalised(doc[start - 1]) and "\n" not in doc[start - 1].whitespace_
               and not self._is_title(doc[start - 1]) and may_take(doc[start - 1])):
            start -= 1
        return start

    # -- programmes

    def _programmes(self) -> list[_Occurrence]:
        """Titles of programmes and podcasts in an interview frame: "an interview with 60
        Minutes", "told the podcast 'Health Matters'", "sat down with ABC's 'Good Morning
        America'", "on the 'Call Her Daddy' podcast"."""
        doc, lex = self.doc, self.lex
        found: list[_Occurrence] = []
        longest_cue = max((len(c) for c in lex.interview_cues), default=0)
        cue_starts = {c[0] for c in lex.interview_cues}
        for i in range(len(doc)):
            cue_end = None
            if doc[i].lower_ in cue_starts:
                cue_end = next((i + n for n in range(longest_cue, 0, -1)
                                if tuple(t.lower_ for t in doc[i : i + n]) in lex.interview_cues), None)
            if cue_end is None and doc[i].lower_ == "on":
                cue_end = self._past_broadcaster_possessive(i + 1)  # "on RTÉ Radio 1's Liveline"
            elif cue_end is not None:
                cue_end = self._past_broadcaster_possessive(cue_end) or cue_end  # "told KRVB radio's 'Morning Line'"
            framed = cue_end is not None
            owned = framed and doc[cue_end - 1].tag_ == "POS"
            after_noun = not framed and doc[i].lower_ in lex.programme_nouns
            # "spoke about it on the 4BM Breakfast program": a title "on" names as a programme
            on_named = not framed and doc[i].lower_ == "on"
            if framed:
                j = cue_end
            elif on_named:
                j = i + 1
            elif after_noun:  # "the podcast 'Health Matters'", "an episode of 'Unfiltered'"
                j = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "of" else i + 1
                if j >= len(doc) or doc[j].text not in OPENING_QUOTES:
                    continue
            elif doc[i].text in OPENING_QUOTES:
                j = i  # a quoted title, if "program" or the like follows it (checked below)
            else:
                continue
            while j < len(doc) and doc[j].text not in OPENING_QUOTES and (
                    doc[j].lower_ in ("the", "a", "an") or doc[j].lower_ in lex.programme_nouns
                    or doc[j].lower_ in lex.media_nouns
                    or (self.entity_label.get(j) == "ORG" and not owned and not on_named)
                    or doc[j].tag_ == "POS"):
                owned = owned or doc[j].tag_ == "POS"
                j += 1  # "ABC's", "the podcast", "KRVB radio's"
            title = self._title_at(j)
            if title is None:
                continue
            start, end = title
            text = fold(doc[start:end].text)
            quoted = start > 0 and doc[start - 1].text in OPENING_QUOTES
            label = None if quoted else self.entity_label.get(start)
            named_as_programme = end < len(doc) and (doc[end].lower_ in lex.programme_nouns
                                                     or (doc[end].text in _CLOSING_QUOTES and end + 1 < len(doc)
                                                         and doc[end + 1].lower_ in lex.programme_nouns)
                                                     or (quoted and self._programme_in_apposition(end))) \
                or (quoted and doc[end - 1].lower_ in lex.programme_nouns)  # "on 'The Kelly Clarkson Show'"
            # a broadcaster's title is its programme whatever else the model took it for, and so is
            # one "on the ... program" ("on the 3AW Drive program", tagged an organisation)
            taken_as_other = label in ("ORG", "GPE", "NORP") and not owned and not (on_named and named_as_programme)
            if text in lex.works or label == "PERSON" or taken_as_other:
                continue
            if not quoted and is_acronym(doc[start:end].text) and not is_call_letters(doc[start:end].text):
                continue  # "the company told the MHRA": an agency's initials, not a broadcaster's
            framed_title = framed and (quoted or owned
                                       or (self.entity_label.get(start) in (None, "TIME", "DATE", "WORK_OF_ART")
                                           and doc[start].lower_ not in _TIME_NAMES))  # "an interview on Tuesday"
            if on_named and not named_as_programme:
                continue
            if (named_as_programme or after_noun or framed_title) and self._title_cased(start, end):
                found.append(_Occurrence(start, start, end, ActorKind.ORGANIZATION, certain=True))
        return _without_overlaps(found)

    def _programme_in_apposition(self, end: int) -> bool:
        """ '"The Long Quiet," a podcast about grief', '"High Desert Mornings," the call-in show':
        after a quoted title, its comma and its closing quote, a few words ending in a programme noun."""
        doc, k = self.doc, end
        while k < len(doc) and (doc[k].text in _CLOSING_QUOTES or doc[k].text in (",", ".")):
            k += 1
        if k == end or k >= len(doc) or doc[k - 1].text not in (",", *_CLOSING_QUOTES) \
                or doc[k].lower_ not in ("a", "an", "the"):
            return False
        return any(t.lower_ in self.lex.programme_nouns for t in doc[k + 1 : k + 6])  # "the call-in show"

    def _past_broadcaster_possessive(self, start: int) -> int | None:
        """ "ITV's", "RTÉ Radio 1's", "KRVB radio's" from `start`: a capitalised broadcaster, with
        its number or medium, and a possessive; the index past the "'s", whose title follows."""
        doc = self.doc
        k = start
        while k < len(doc) and k < start + 5 and doc[k].tag_ != "POS" and "\n" not in doc[k].whitespace_ and (
                _is_capitalised(doc[k]) or doc[k].text.isupper() or doc[k].like_num or doc[k].lower_ in self.lex.media_nouns):
            k += 1
        return k + 1 if k > start and k < len(doc) - 1 and doc[k].tag_ == "POS" else None

    def _title_cased(self, start: int, end: int) -> bool:
        """A title, not a quotation: "Health Matters", not "He hid it from all of us"."""
        words = [t for t in self.doc[start:end] if t.is_alpha]
        return bool(words) and _is_capitalised(words[0]) and all(
            _is_capitalised(t) or t.lower_ in self.lex.name_connectors or (t.is_stop and len(t) <= 4) for t in words)

    def _title_at(self, j: int) -> tuple[int, int] | None:
        """The title starting at token j: a quoted run, or capitalised words and numbers."""
        doc = self.doc
        if j >= len(doc):
            return None
        if doc[j].text in OPENING_QUOTES:
            if doc[j].tag_ == "''" or doc[j].whitespace_:
                return None  # a closing quote ("dreads." Earlier ...), not the start of a title
            end = j + 1
            while (end < len(doc) and end - j <= 8 and doc[end].text not in _CLOSING_QUOTES
                   and "\n" not in doc[end - 1].whitespace_ and not doc[end].is_sent_start):
                end += 1
            if end >= len(doc) or doc[end].text not in _CLOSING_QUOTES or end == j + 1:
                return None
            while end > j + 2 and doc[end - 1].is_punct:
                end -= 1  # "Howard Stern Show," and "Full Court Hour." inside the quotes
            return (j + 1, end) if _is_capitalised(doc[j + 1]) or doc[j + 1].like_num else None
        end = j
        # a number may open it: "the 2021 Awards", "the 4BM Breakfast program"
        opening_number = doc[j].like_num or _NUMBERED_STATION_RE.fullmatch(doc[j].text) is not None
        while end < len(doc) and end - j < 6 and (_is_capitalised(doc[end]) or (end == j and opening_number)
                                                  or (end > j and doc[end].lower_ in self.lex.name_connectors
                                                      and end + 1 < len(doc) and _is_capitalised(doc[end + 1])
                                                      and doc[end + 1].ent_type_ not in _NOT_NAME_LABELS)):
            if "\n" in doc[end].whitespace_:
                end += 1
                break
            end += 1
        if end == j or not any(_is_capitalised(t) for t in doc[j:end]):
            return None
        return j, end

    # -- entities

    def _entities(self) -> Iterable[tuple[int, int, str]]:
        """The model's entities, with adjacent PERSON pieces joined ("Sherilyn Peace" + "Garnett")
        and a PERSON that runs over a lower-case word split there ("Mr Tierney by Shane Coyle")."""
        pending: tuple[int, int, str] | None = None
        for current in self._split_people(_split_at_loose_commas(self.doc.ents)):
            if (
                pending is not None
                and pending[2] == current[2] == "PERSON"
                and pending[1] == current[0]
                and "\n" not in self.doc[pending[1] - 1].whitespace_
            ):
                pending = (pending[0], current[1], "PERSON")
                continue
            if pending is not None:
                yield pending
            pending = current
        if pending is not None:
            yield pending

    def _split_people(self, entities: Iterable[Span]) -> Iterator[tuple[int, int, str]]:
        first_names = self.lex.first_names
        for ent in entities:
            start = ent.start
            if (len(ent) >= 4 and ent[1].lower_ in ("and", "&") and fold(ent[0].text) in first_names
                    and fold(ent[2].text) in first_names):
                # "Gil and Rosalind Varnado", whatever the model tagged: two people, who share the surname
                yield ent.start, ent.start + 1, "PERSON"
                yield ent.start + 2, ent.end, "PERSON"
                continue
            cut = next((t.i for t in ent if t.lower_ in _PREPOSITIONS_BETWEEN_NAMES), None)
            if ent.label_ != "PERSON" and cut is not None and cut > ent.start + 1 and fold(ent[0].text) in first_names:
                # "from Tyler Banks through Snapchat", tagged one organisation: the person, then the other name
                yield ent.start, cut, "PERSON"
                yield cut + 1, ent.end, ent.label_
                continue
            if ent.label_ == "PERSON" or fold(ent[0].text) in self.lex.honorifics:
                for token in ent:
                    if token.is_lower and token.is_alpha and token.lower_ not in _NAME_PARTICLES:
                        if token.i > start:
                            yield start, token.i, "PERSON"
                        start = token.i + 1
            if start < ent.end:
                yield start, ent.end, ent.label_ if start == ent.start else "PERSON"

    def _occurrence(self, start: int, end: int, label: str) -> _Occurrence | None:
        doc, lex = self.doc, self.lex
        start, end = self._trim(start, end)
        if end - start >= 2 and _is_month_after_preposition(doc[start]):
            start += 1  # "In May Stanek pleaded guilty": the month is no part of the name
        if start >= end:
            return None
        if end < len(doc) and fold(doc[end].text) in lex.legal_suffixes and "\n" not in doc[end - 1].whitespace_:
            end += 1  # "Acme Health LLC": the model often leaves the legal form out of the name
        elif _legal_form_after_a_comma(doc, end, lex):
            end += 2  # "Ozark Valley Compounding, LLC"
        if label == "ORG":  # "the Governor's Office of Substance Use Policy", the post tagged apart
            start = self._office_holder(start, across_names=self._after_titled_possessive(start))
            start = self._named_with_and(start, end)
            # "the state Attorney General's Office", tagged from "General's": the post is all of it
            while (start > 0 and _is_capitalised(doc[start - 1]) and fold(doc[start - 1].text) in lex.titles
                   and fold(doc[start].text) in lex.titles and end - start >= 2 and doc[start + 1].tag_ == "POS"):
                start -= 1
        has_org_head = self._has_organisation_head(start, end)
        if self._is_masthead(start, end):
            kind = ActorKind.ORGANIZATION
        elif label == "PERSON" and end - start == 1 and is_acronym(doc[start].text) and len(doc[start].text) >= 3:
            kind = ActorKind.ORGANIZATION  # "told KTMR on Sunday": call letters, not a person
        elif label == "PERSON" and end - start == 1 and self._hometown(doc[start]):
            return None
        elif label == "PERSON":
            kind = ActorKind.PERSON
        elif label in ("ORG", "GPE", "LOC", "FAC", "NORP") and not has_org_head \
                and fold(doc[end - 1].text) in self.aged_words and fold(doc[start:end].text) not in lex.places \
                and not any(t.lower_ in {"&", "and"} for t in doc[start:end]):  # not "Johnson & Johnson"
            # "suspended the permit of Harjit Thistlewood ... Thistlewood, 52, had worked as ...":
            # a name the text gives an age is a person's, whatever the model tagged
            kind, label = ActorKind.PERSON, "PERSON"
        elif label == "ORG" and not has_org_head and (
                (start > 0 and fold(doc[start - 1].text) in lex.honorifics)
                or (end - start >= 2 and fold(doc[start].text) in lex.honorifics)):
            kind = ActorKind.PERSON  # "Dr. Helena Varga", "Ms Brook's registration" tagged as an organisation
        elif label in ("ORG", "GPE", "LOC", "FAC", "NORP") and not has_org_head and end - start >= 2 and start > 0 \
                and doc[start - 1].is_lower and fold(doc[start - 1].text) in lex.titles \
                and all(self._name_like(t) for t in doc[start:end]):
            kind, label = ActorKind.PERSON, "PERSON"  # "senior coroner Lincoln Dowse" tagged as an organisation
        elif label in ("ORG", "GPE", "LOC", "FAC", "NORP") and self._first_name_joined_to_a_person(start, end):
            kind, label = ActorKind.PERSON, "PERSON"  # "his parents, Gregory and Dana Amsel"
        elif label in ("ORG", "GPE", "LOC", "FAC", "NORP") and self._titled_first_name(start, end):
            # "Sheriff Ramona Estrada-Kyle" tagged as an organisation, "Nurse Ana Barraza" as a place
            kind, has_org_head = ActorKind.PERSON, False
        elif label == "ORG":
            kind = ActorKind.ORGANIZATION
        elif label in ("FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "NORP") and has_org_head:
            kind = ActorKind.ORGANIZATION  # "Massachusetts General Hospital" tagged as a place
        elif label in ("FAC", "GPE", "LOC", "NORP") and self._person_read_as_a_place(start, end):
            # "a third defendant, Crystal Mayhew, 29": a name the model took for a place
            kind, label = ActorKind.PERSON, "PERSON"
        elif label in ("GPE", "LOC") and self._spoken_to(start, end):
            kind = ActorKind.ORGANIZATION  # "in an interview with Bloomberg", "told Bloomberg": no place
        else:
            return None
        core = start
        first = core
        if kind == ActorKind.PERSON and not has_org_head:  # "General Motors" keeps its "General"
            if end - core >= 4 and not self._is_title(doc[core]) and self._is_title(doc[core + 1]) \
                    and fold(doc[core + 2].text) in lex.first_names:
                core += 1  # "Avon Coroner Maria Voisin": the place the coroner serves is no part of her name
            while core < end - 1 and self._is_title(doc[core]):
                core += 1
            first = core
            while first > 0 and self._is_title(doc[first - 1]):
                first -= 1
        while first < core and fold(doc[first].text) in lex.title_modifiers and not self._is_title(doc[first]):
            first += 1  # modifiers only count in front of a real title
        if first == start and start > 0 and self._is_name_prefix(doc[start - 1]):
            first = core = start = start - 1  # "St. Agnes": the saint's prefix belongs to the name
        occ = _Occurrence(first, core, end, kind)
        if kind == ActorKind.PERSON:
            # "Actor Matthew Perry" inside the entity: the noun describes, it is not part of the name.
            while occ.core < end - 2 and fold(doc[occ.core].text) in lex.description_group:
                occ.core += 1
                occ.start = occ.core
        if not any(ch.isupper() for ch in occ.core_text(doc)):
            occ.lowercase = True
        words = [fold(t.text) for t in doc[occ.core : occ.end]]
        reason = self._not_an_actor(occ, label, words, has_org_head)
        if reason is not None:
            if reason in ("work", "substance", "place"):
                self.rejected.add(fold(occ.core_text(doc)))
            return None
        self._settle_kind(occ, has_org_head)
        if occ.kind == ActorKind.ORGANIZATION:
            self._extend_with_place(occ)
        return occ

    def _first_name_joined_to_a_person(self, start: int, end: int) -> bool:
        """A known first name alone, joined by "and" to a person's name: "Gregory and Dana Amsel"
        are two people, whatever the model tagged the first."""
        doc = self.doc
        return (end - start == 1 and fold(doc[start].text) in self.lex.first_names and end + 1 < len(doc)
                and doc[end].lower_ == "and" and self.entity_label.get(end + 1) == "PERSON")

    def _titled_first_name(self, start: int, end: int) -> bool:
        """A title, a known first name and a surname: "Sheriff Ramona Estrada-Kyle" is a person
        even where the title is also an organisation's head word ("Pima County Sheriff")."""
        doc, lex = self.doc, self.lex
        return (end - start >= 3 and self._is_title(doc[start])
                and fold(doc[start + 1].text) in lex.first_names
                and all(self._name_like(t) for t in doc[start + 1 : end]))

    def _spoken_to(self, start: int, end: int) -> bool:
        """A name someone gives an interview to or tells something: "an interview with X", "told X"."""
        root = self.doc[start:end].root
        return (root.dep_ == "pobj" and root.head.lower_ == "with"
                and root.head.head.lemma_.lower() in {"interview", "conversation"}) \
            or (root.dep_ in ("dobj", "dative") and root.head.lemma_.lower() == "tell")

    def _person_read_as_a_place(self, start: int, end: int) -> bool:
        """A known first name and a surname, not ending in a place's word ("Virginia Beach"): a
        person, whatever the model tagged."""
        doc, lex = self.doc, self.lex
        root = doc[start:end].root
        if end - start == 1 and self._named_relative(doc[start]):
            return True  # "his son, Tyler, 17,", "Tyler, the son of Mark Reyes"
        return (end - start in (2, 3) and fold(doc[start].text) in lex.first_names
                and fold(doc[end - 1].text) not in lex.place_words
                # a facility is a person only doing what people do ("Wesley Arden kept his hands
                # still") or described as one ("arrested nurse Penelope Strauss", "from Dustin
                # Reyher, a man she had known since high school")
                and (doc[start].ent_type_ != "FAC" or root.dep_ in ("nsubj", "nsubjpass")
                     or (start > 0 and doc[start - 1].is_lower and doc[start - 1].lower_ in lex.description_group)
                     or any(c.dep_ == "appos" and c.lemma_.lower() in lex.describing_nouns for c in root.children))
                and fold(doc[start:end].text) not in lex.places
                and all(self._name_like(t) for t in doc[start:end]))

    def _is_masthead(self, start: int, end: int) -> bool:
        """ "the Chronicle", "the Tulsa World Herald": a capitalised name after "the" ending in a newspaper word."""
        doc = self.doc
        return (start > 0 and doc[start - 1].lower_ == "the" and _is_capitalised(doc[end - 1])
                and fold(doc[end - 1].text) in self.lex.mastheads)

    def _trim(self, start: int, end: int) -> tuple[int, int]:
        doc = self.doc
        for i in range(start, end):  # a name never crosses a line
            if doc[i].is_space or (i > start and "\n" in doc[i - 1].whitespace_):
                end = i
                break
        for i in range(start + 1, end):  # nor an opening bracket: "Medical Board of Oregon (Board"
            if doc[i].text in ("(", "["):
                end = i
                break
        while start < end and (doc[start].is_punct or doc[start].lower_ in ("the", "a", "an")):
            start += 1
        while end > start and (
            doc[end - 1].is_punct
            or doc[end - 1].tag_ == "POS"
            or doc[end - 1].is_space
            or (doc[end - 1].is_lower and doc[end - 1].lower_ in self.lex.name_connectors)  # "Pharmacy of"
            or (doc[end - 1].is_lower and doc[end - 1].pos_ == "VERB")  # "The Maine Board of Pharmacy fined"
        ):
            if doc[end - 1].text.endswith(".") and len(doc[end - 1].text) > 1:
                break  # "Inc.", "Jr."
            end -= 1
        return start, end

    def _after_titled_possessive(self, i: int) -> bool:
        """Token i follows a post's possessive: "Coroner's Court", "Governor's Office"."""
        doc = self.doc
        return i >= 2 and doc[i - 1].tag_ == "POS" and fold(doc[i - 2].text) in self.lex.titles

    def _office_holder(self, start: int, across_names: bool = False) -> int:
        """ "the U.S. Attorney's Office" tagged as "Office": a bare organisation head after a
        capitalised possessive that names no actor is one name with it. With `across_names`,
        the possessive is a post ("Essex Coroner's Court") and the model's person label on it
        does not end the name."""
        doc = self.doc
        if doc[start].lower_ not in self.lex.organisation_heads or start < 2 or doc[start - 1].tag_ != "POS":
            return start
        i = start - 1
        while (
            i > 0
            and _is_capitalised(doc[i - 1])
            and not doc[i - 1].is_punct
            and "\n" not in doc[i - 1].whitespace_
            and (across_names or self.entity_label.get(i - 1) not in ("PERSON", "ORG"))
        ):
            i -= 1
        return i if i < start - 1 else start

    def _is_name_prefix(self, token: Token) -> bool:
        return _is_capitalised(token) and fold(token.text) in self.lex.name_prefixes and token.i not in self.entity_label

    def _is_dateline_credit(self, occ: _Occurrence) -> bool:
        """ "LOS ANGELES (AP) —": the agency credited in a dateline, or the publisher's own initials
        in brackets, is the source of the article, not an actor in it."""
        doc = self.doc
        text = occ.core_text(doc)
        if occ.end - occ.start != 1 or not is_acronym(text):
            return False
        if occ.start == 0 or occ.end >= len(doc) or doc[occ.start - 1].text != "(" or doc[occ.end].text != ")":
            return False
        if text.replace(".", "") in self.publisher_initials:
            return True
        after = doc[occ.end + 1] if occ.end + 1 < len(doc) else None
        if after is None or after.text not in _DATELINE_DASHES | {":"}:
            return False
        line: list[Token] = []  # the words between the start of the line and the bracket
        i = occ.start - 2
        while i >= 0 and not doc[i].is_space and "\n" not in doc[i].whitespace_:
            line.append(doc[i])
            i -= 1
        words = [t for t in line if not t.is_punct]
        return (
            0 < len(words) <= 6
            and any(len(t.text) > 1 and t.text.isupper() for t in words)
            and all(t.text.isupper() or (_is_capitalised(t) and t.text.endswith(".")) for t in words)
        )

    def _is_dateline_place(self, occ: _Occurrence) -> bool:
        """ "DAYTON, Ohio –", "PHOENIX (CPW) —": the capitalised place a dateline opens with
        says where the story was filed; it does nothing in it."""
        doc = self.doc
        if not all((len(t.text) > 1 and t.text.isupper()) or t.is_punct for t in doc[occ.start:occ.end]):
            return False
        if occ.start > 0 and "\n" not in doc[occ.start - 1].whitespace_ and not doc[occ.start - 1].is_space:
            return False
        i = occ.end
        while i < len(doc) and i < occ.end + 6 and doc[i].text not in _DATELINE_DASHES:
            if not (doc[i].is_punct or _is_capitalised(doc[i])) or "\n" in doc[i].whitespace_:
                return False
            i += 1
        return i < len(doc) and doc[i].text in _DATELINE_DASHES

    def _is_title(self, token: Token) -> bool:
        return _is_capitalised(token) and fold(token.text) in self.lex.titles

    def _has_organisation_head(self, start: int, end: int) -> bool:
        span = self.doc[start:end]
        heads = {span.root, span[0], span[-1]}
        return any(_is_capitalised(t) and t.lower_ in self.lex.organisation_heads for t in heads)

    def _not_an_actor(self, occ: _Occurrence, label: str, words: list[str], has_org_head: bool) -> str | None:
        doc, lex = self.doc, self.lex
        text = fold(occ.core_text(doc))
        root = occ.root(doc)
        if text in lex.image_agencies or any(w in lex.image_agencies for w in words[:1]):
            if root.dep_ not in _SUBJECT_DEPS:
                return "credit"  # a picture credit, not an agency acting
        if occ.core >= 2 and doc[occ.core - 1].text == ":" and doc[occ.core - 2].lower_ in lex.credit_words:
            return "credit"  # "(Image Source: Google)"
        if text in self.place_names and not has_org_head:
            return "place"
        if not has_org_head and self._is_residence(occ, root):
            return "place"
        if (not has_org_head and root.dep_ == "compound" and root.head.i == occ.end and occ.start > 0
                and any(c.dep_ == "det" and c.lower_ in ("a", "an") and c.i < occ.start for c in root.head.children)
                and root.head.lemma_.lower() in lex.person_nouns and not is_acronym(occ.core_text(doc))
                and root.head.lemma_.lower() not in lex.relation_nouns
                and lex.description_group.get(root.head.lemma_.lower()) != "official"):
            # "An Austin physician", "a 27-year-old Red Deer pharmacist": where they work; not
            # "an FDA spokesperson" or "a Pfizer executive", who work for an organisation.
            return "place"
        # A name the model once tagged a work is still an organisation where an organisation's word
        # heads it ("a clinic he called Prairie Light Wellness"), unless quoted or said to be a work.
        if label != "PERSON" and ((text in self.work_names and not has_org_head) or self._is_quoted_title(occ)
                                  or self._modifies_work_noun(root)):
            return "work"
        if not has_org_head and (words[-1:] and (words[-1] in lex.substances or words[-1] in lex.diseases)
                                 or all(w in lex.substances or w in lex.diseases or w in lex.name_connectors for w in words)):
            return "substance"  # "Ketamine", "Spravato" — not "Northstar Ketamine Wellness"
        after = occ.end + 1 if occ.end < len(doc) and doc[occ.end].tag_ == "POS" else occ.end
        if after < len(doc) and doc[after].lower_ in lex.disease_nouns:
            return "substance"  # "Parkinson's disease"
        if all(w in lex.generic_words or w in lex.substances or w in lex.name_connectors or not any(ch.isalnum() for ch in w) for w in words):
            return "generic"
        if words and words[0] in lex.category_words and all(_CATEGORY_MARK_RE.fullmatch(w) for w in words[1:]):
            return "category"  # "Schedule I", "Class A"
        if any(c.dep_ == "appos" and c.lemma_.lower() in lex.thing_designators for c in root.children):
            return "thing"  # "buprenorphine, a medication"
        if (
            label == "ORG"
            and not has_org_head
            and occ.end < len(doc)
            and doc[occ.end].text == ":"
            and (occ.start == 0 or "\n" in doc[occ.start - 1].whitespace_ or doc[occ.start - 1].like_num)
        ):
            return "heading"  # "Medical Supervision:" at the start of a list item
        return None

    def _is_residence(self, occ: _Occurrence, root: Token) -> bool:
        """Where someone lives: "Heather Vollmer, 37, of Hampden", "a Glendale man"."""
        doc = self.doc
        if (occ.core >= 3 and doc[occ.core - 1].lower_ == "of" and doc[occ.core - 2].text == ","
                and doc[occ.core - 3].like_num):
            return True
        return (root.dep_ == "compound" and root.head.i >= occ.end
                and root.head.lemma_.lower() in self.lex.residence_nouns)

    def _is_quoted_title(self, occ: _Occurrence) -> bool:
        """A title in quotes, a full stop or comma inside them allowed: "Afternoon Live with Rosa Quinn." """
        doc = self.doc
        end = occ.end
        while end < len(doc) and doc[end].text in (".", ",", "!", "?"):
            end += 1
        if end >= len(doc) or doc[end].text not in _CLOSING_QUOTES or occ.start == 0:
            return False
        if doc[occ.start - 1].text in OPENING_QUOTES:
            return True
        # the end of a longer title: "Friends, Lovers, and the Big Terrible Thing" — title case
        # throughout, no verb, a few words (not a quoted sentence: "I met Tom Hale," she said)
        opening = next((i for i in range(occ.start - 1, max(-1, occ.start - 10), -1)
                        if doc[i].text in OPENING_QUOTES or doc[i].text in _CLOSING_QUOTES), None)
        if opening is None or doc[opening].text not in OPENING_QUOTES:
            return False
        words = [t for t in doc[opening + 1:occ.start] if t.is_alpha]
        return bool(words) and all(
            (t.is_title or t.lower_ in self.lex.name_connectors) and t.pos_ not in ("VERB", "AUX") for t in words)

    def _modifies_work_noun(self, root: Token) -> bool:
        head = root.head
        return (
            root.dep_ in ("compound", "nmod", "amod")
            and head.i > root.i
            and head.lemma_.lower() in self.lex.work_modified_nouns
        )

    def _settle_kind(self, occ: _Occurrence, has_org_head: bool) -> None:
        doc, lex = self.doc, self.lex
        root = occ.root(doc)
        if has_org_head:
            occ.kind, occ.certain = ActorKind.ORGANIZATION, True
            return
        if occ.start < occ.core:
            occ.kind, occ.certain = ActorKind.PERSON, True
            return
        if _followed_by_age(self.doc, occ.end):
            occ.kind, occ.certain = ActorKind.PERSON, True  # "Marquise Tolliver, 24, ..."
            return
        appositions = [c for c in root.children if c.dep_ == "appos" and c.i >= occ.end]
        if root.dep_ == "appos" and root.head.i < occ.start and not self._opens_relative_clause(occ):
            appositions.append(root.head)
        tokens = list(doc[occ.core : occ.end])
        # "married the broadcaster Keith Morrison": a person's name the model saw, whatever the noun
        persons_name = (occ.kind == ActorKind.PERSON and 2 <= len(tokens) <= 3
                        and fold(tokens[0].text) in lex.gendered_first_names)
        for noun in appositions:
            lemma = noun.lemma_.lower()
            if _AGE_APPOSITION_RE.fullmatch(doc[noun.left_edge.i : noun.i + 1].text):
                occ.kind, occ.certain = ActorKind.PERSON, True  # "Tyrell Banks, a 19-year-old who ..."
                return
            if lemma in lex.organisation_designators and not persons_name:
                occ.kind, occ.certain = ActorKind.ORGANIZATION, True  # "Save Minds, a ... clinic"
                return
            if (lemma in lex.description_group or lemma in lex.role_relations
                    or lemma in lex.female_nouns or lemma in lex.male_nouns):  # "a 24-year-old man, X"
                occ.kind, occ.certain = ActorKind.PERSON, True
                return
        if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and self._is_post_noun(root.head.head):
            occ.kind, occ.certain = ActorKind.ORGANIZATION, True  # "chief executive of Novo Nordisk"
            return
        if (occ.kind == ActorKind.ORGANIZATION and 2 <= len(tokens) <= 3
                and fold(tokens[0].text) in lex.gendered_first_names
                and all(self._name_like(t) for t in tokens)
                and not any(fold(t.text) in lex.organisation_designators for t in tokens)):
            occ.kind = ActorKind.PERSON  # "reality TV beauty Tia Blackwood", tagged as an organisation
        if occ.kind == ActorKind.PERSON:
            self._named_service(occ)

    def _hometown(self, word: Token) -> bool:
        """One word after "from" that describes a person is where they come from, whatever the
        model made of it: "Gerald Ambrose, a retired machinist from Sheboygan"."""
        preposition = word.head
        if word.dep_ != "pobj" or preposition.lower_ != "from" or preposition.head.pos_ != "NOUN":
            return False
        noun = preposition.head
        return noun.lemma_.lower() in self.lex.nouns_for_people or (
            noun.dep_ == "appos" and noun.head.ent_type_ == "PERSON")

    def _opens_relative_clause(self, occ: _Occurrence) -> bool:
        """A name followed by its own verb: "the company Elon Musk runs" names who runs it."""
        return occ.end < len(self.doc) and self.doc[occ.end].tag_ in ("VBD", "VBZ", "VBP", "MD")

    def _is_post_noun(self, noun: Token) -> bool:
        """A position held in an organisation (owner, head, member...), not a role towards a person."""
        lemma = noun.lemma_.lower()
        return noun.pos_ == "NOUN" and lemma not in self.lex.role_relations and (
            lemma in self.lex.relation_nouns or _relation_bigram(noun) in self.lex.relation_nouns
        )

    def _named_service(self, occ: _Occurrence) -> None:
        """ "addiction counselling service Talk to Frank": a designator noun before a capitalised run."""
        doc, lex = self.doc, self.lex
        first = occ.core
        i = occ.core - 1
        while i >= 0 and (
            (_is_capitalised(doc[i]) and not doc[i].is_punct) or doc[i].lower_ in lex.name_connectors
        ) and "\n" not in doc[i].whitespace_:
            if _is_capitalised(doc[i]):
                first = i
            i -= 1
        if i < 0 or doc[i].lower_ not in lex.organisation_designators or not _is_capitalised(doc[first]) \
                or self._opens_relative_clause(occ):
            return
        designator = doc[i]
        extended = doc[first : occ.end]
        linked = designator.head.i in range(first, occ.end) or (
            extended.root.head.i == designator.i and extended.root.dep_ in ("appos", "compound", "nmod")
        ) or designator.i == first - 1  # "the payments startup Ledgerline", whatever the tagger makes of "startup"
        if designator.dep_ in ("compound", "nmod", "appos", "amod") or linked:
            occ.start = occ.core = first
            occ.kind, occ.certain = ActorKind.ORGANIZATION, True

    def _extend_with_place(self, occ: _Occurrence) -> None:
        """ "Ketamine Clinics Los Angeles", "the Southern District of Texas": a place written
        right after an organisation's name is part of it."""
        doc = self.doc
        # "Office for the Southern District" + "of Texas"
        of_place = occ.end + 1 < len(doc) and doc[occ.end].lower_ == "of" \
            and doc[occ.end - 1].lower_ in self.lex.jurisdiction_heads
        if of_place:
            place = occ.end + 1
        elif self._has_organisation_head(occ.core, occ.end) and occ.end < len(doc) and doc[occ.end - 1].whitespace_ == " ":
            place = occ.end
        else:
            return
        if doc[place].ent_type_ != "GPE" or doc[place].ent_iob_ != "B":
            return
        end = place + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        if not of_place and end < len(doc) and _is_capitalised(doc[end]) and doc[end].pos_ == "PROPN":
            return
        occ.end = end

    # -- rules for names the model missed

    def _first_names_the_model_missed(self, found: list[_Occurrence]) -> list[_Occurrence]:
        """A capitalised word right before a person's surname is their first name, where the model
        split or mistook it: "Damon" + "Reyes-Whitfield" (one PERSON entity, the surname only),
        "Imani Faraday" (a place and a date) once Desmond Faraday is named in full. The found
        one-word names are widened in place; the new ones are returned."""
        doc = self.doc
        taken = {i for occ in found for i in range(occ.start, occ.end)}
        added: list[_Occurrence] = []
        for occ in found:
            if occ.kind == ActorKind.PERSON and occ.start == occ.core and occ.end - occ.core == 1 \
                    and self._first_name_before(occ.core) and occ.core - 1 not in taken:
                occ.start = occ.core = occ.core - 1
        # A name the story settled as an organisation ("the rock band Grain Elevator") stays one
        # where the model took it for a person.
        organisations = {fold(doc[o.core:o.end].text) for o in found if o.kind == ActorKind.ORGANIZATION and o.certain}
        for token in doc[1:]:
            if token.i in taken or fold(token.text) not in self.person_words or token.pos_ != "PROPN":
                continue
            if self._first_name_before(token.i) and token.i - 1 not in taken \
                    and fold(doc[token.i - 1 : token.i + 1].text) not in organisations:
                added.append(_Occurrence(token.i - 1, token.i - 1, token.i + 1, ActorKind.PERSON, certain=True))
        return added

    def _surnames_the_model_missed(self, found: list[_Occurrence]) -> list[_Occurrence]:
        """ "Denning was no stranger to the courts": a person's surname, once the story has named
        them in full, is that person wherever the model tagged nothing, whatever part of speech
        it guessed (here a verb ending in -ing); so is a name the text gives an age ("Pearson,
        27, was convicted"). Not a word the text also writes in lower case ("Will", "Price"),
        nor in a headline."""
        doc = self.doc
        taken = {i for occ in found for i in range(occ.start, occ.end)}
        surnames = {fold(doc[o.end - 1].text) for o in found if o.kind == ActorKind.PERSON and o.end - o.core >= 2}
        surnames |= self.aged_words - self.place_names
        added: list[_Occurrence] = []
        for token in doc:
            if token.i in taken or (token.i in self.entity_label and not _one_word_misread_as_a_time(token)) \
                    or fold(token.text) not in surnames \
                    or not _is_capitalised(token) or token.text.lower() in self.lowercase_words \
                    or not token.is_alpha or self._title_cased(token.sent.start, token.sent.end):
                continue
            if token.pos_ not in ("PROPN", "NOUN", "VERB") or token.dep_ in _MODIFIER_DEPS \
                    or any(c.dep_ not in _BARE_NAME_DEPS for c in token.children):
                continue  # a word used as a word: "Young people wept", "Hope for an arrest faded", "Reading the order"
            added.append(_Occurrence(token.i, token.i, token.i + 1, ActorKind.PERSON, certain=True))
        return added

    def _named_with_and(self, start: int, end: int) -> int:
        """ "the Nursing and Midwifery Council", "the Medicines and Healthcare products Regulatory
        Agency": the model tags only the words after "and" (or tags the words before it apart);
        the name of a body ("Agency", "Council") runs back to its article over the capitalised
        words before it, and a lower-case noun between two. Not two bodies ("the Care Quality
        Commission and General Medical Council", "the Home Office and National Crime Agency"),
        nor "the DEA and the FBI", "the X and Tesla owner" or "the FDA and DEA raided Apex"."""
        doc = self.doc
        i = start - 1
        while i > 0 and (_is_capitalised(doc[i]) or doc[i].lower_ in ("and", "&")
                         or (doc[i].is_lower and doc[i].pos_ == "NOUN" and _is_capitalised(doc[i - 1])
                             and _is_capitalised(doc[i + 1]))):
            i -= 1
        words = doc[i + 1 : start]
        joins = [t.i for t in words if t.lower_ in ("and", "&")]
        if i < 0 or doc[i].lower_ != "the" or not words or not _is_capitalised(words[0]) or not joins \
                or not self._has_organisation_head(start, end):
            return start
        if any(self._has_organisation_head(j - 1, j) for j in joins if j > i + 1):
            return start  # a body's whole name before "and": two bodies
        return i + 1

    def _first_name_before(self, i: int) -> bool:
        """Whether the word before token `i` reads as a first name of the name at `i`."""
        doc = self.doc
        if i == 0:
            return False
        first = doc[i - 1]
        return (self._name_like(first) and first.dep_ == "compound" and first.head.i == i
                and self.entity_label.get(first.i) not in ("ORG", "PERSON", "DATE", "NORP", "FAC")
                and first.text not in self.lowercase_words and fold(first.text) not in self.lex.name_prefixes
                and not self._title_cased(first.sent.start, first.sent.end))  # a headline capitalises every word

    def _nicknamed_people_the_model_missed(self) -> list[_Occurrence]:
        """ 'Renaldo "Rennie" Balogun, a 37-year-old former pharmacy technician': a first name,
        a nickname in quotation marks and a surname are a person, whom the model often misses;
        the name is "Renaldo Balogun"."""
        doc, found = self.doc, []
        for first in doc[:-4]:
            if not self._could_be_name_word(first) or first.is_sent_start and fold(first.text) not in self.lex.first_names:
                continue
            opening = doc[first.i + 1]
            if opening.text not in OPENING_QUOTES:
                continue
            closing = next((t for t in doc[first.i + 2 : first.i + 5] if t.text in _CLOSING_QUOTES), None)
            if closing is None or closing.i == first.i + 2 \
                    or not all(_is_capitalised(t) and t.is_alpha for t in doc[first.i + 2 : closing.i]) \
                    or self._title_cased(first.sent.start, first.sent.end):  # a headline: 'Eagles "Hotel California" Guitarist'
                continue
            end = closing.i + 1
            while end < len(doc) and end < closing.i + 3 and self._could_be_name_word(doc[end]):
                end += 1
            if end > closing.i + 1:
                found.append(_Occurrence(first.i, first.i, end, ActorKind.PERSON, certain=True))
        return found

    def _aged_names_the_model_missed(self) -> list[_Occurrence]:
        """ "Ana Ruiz, 31, was found dead": two or three capitalised words followed by an age set
        off by commas are a person, whatever the model made of them."""
        doc, found = self.doc, []
        for comma in doc[2:]:
            if comma.text != "," or comma.i + 2 >= len(doc):
                continue
            if not _followed_by_age(doc, comma.i):
                continue
            start = comma.i
            while start > comma.i - 3 and start > 0 and self._could_be_name_word(doc[start - 1]):
                start -= 1
            if comma.i - start < 2 or any(self.entity_label.get(i) in ("PERSON", "ORG") for i in range(start, comma.i)):
                continue
            if self._title_cased(doc[start].sent.start, doc[start].sent.end):
                continue
            found.append(_Occurrence(start, start, comma.i, ActorKind.PERSON, certain=True))
        return found

    def _the_dead_the_model_missed(self) -> list[_Occurrence]:
        """ "over the 2021 death of Tahlia Brooks": two or three capitalised words after "the
        death of" are the person who died, whatever the model made of them."""
        doc, found = self.doc, []
        for of in doc[1:]:
            if of.lower_ != "of" or doc[of.i - 1].lemma_.lower() not in _DEATH_NOUNS:
                continue
            start = end = of.i + 1
            while end < len(doc) and end - start < 3 and self._could_be_name_word(doc[end]) \
                    and fold(doc[end].text) not in self.place_names:
                end += 1
            if end - start < 2 or any(i in self.entity_label for i in range(start, end)) \
                    or (end < len(doc) and _is_capitalised(doc[end])) \
                    or self._title_cased(doc[start].sent.start, doc[start].sent.end):
                continue
            found.append(_Occurrence(start, start, end, ActorKind.PERSON, certain=True))
        return found

    def _first_named_people_the_model_missed(self) -> list[_Occurrence]:
        """ "Dane Whitlock had worked as a guitar tech": a known first name followed by a
        capitalised surname is a person where the model tagged nothing."""
        doc, lex, found = self.doc, self.lex, []
        first_names = lex.first_names
        for first in doc[:-1]:
            if fold(first.text) not in first_names or not self._could_be_name_word(first):
                continue
            # The model may tag the first name alone as something else ("Tyrese" as a group,
            # "Jordan" as a country); a name it tags whole ("Virginia Beach") is its own.
            label = self.entity_label.get(first.i)
            if label is not None and (label in ("PERSON", "ORG", "DATE") or self.entity_label.get(first.i + 1) == label):
                continue
            end = first.i + 1
            while end < len(doc) and end not in self.entity_label and self._could_be_name_word(doc[end]) \
                    and fold(doc[end].text) not in lex.jurisdiction_heads and end - first.i < 3:
                end += 1
            if end < len(doc) - 1 and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and self._could_be_name_word(doc[end + 1]):
                end += 2  # "Ferreira-Blake"
            if end == first.i + 1 or (end < len(doc) and _is_capitalised(doc[end]) and doc[end].pos_ == "PROPN"):
                continue  # a longer capitalised name ("Grant Park Hospital") is not a person's
            if self._title_cased(first.sent.start, first.sent.end):
                continue
            found.append(_Occurrence(first.i, first.i, end, ActorKind.PERSON, certain=True))
        return found

    def _relatives_named_by_first_name(self) -> list[_Occurrence]:
        """ "her daughter, Emily, died", "whose son Caleb", "Jordan, the son of Mark Reyes": a known
        first name set beside someone's family noun is that relative, where the model tagged
        nothing (one it took for a place is read in _person_read_as_a_place); the surname they
        share comes later, from whose relative they are."""
        doc, found = self.doc, []
        for name in doc:
            if name.i in self.entity_label or not self._named_relative(name):
                continue
            if name.i + 1 < len(doc) and _is_capitalised(doc[name.i + 1]) and doc[name.i + 1].pos_ == "PROPN":
                continue  # a full name, which other rules take
            found.append(_Occurrence(name.i, name.i, name.i + 1, ActorKind.PERSON, certain=True))
        return found

    def _named_relative(self, name: Token) -> bool:
        """A known first name beside someone's family noun: "her daughter, Emily", "Tyler, 17, the son of"."""
        lex, noun = self.lex, name.head
        if fold(name.text) not in lex.first_names or not self._could_be_name_word(name):
            return False
        owned = name.dep_ == "appos" and noun.lemma_.lower() in lex.family_nouns \
            and any(c.dep_ == "poss" for c in noun.children)
        return owned or any(c.dep_ == "appos" and c.lemma_.lower() in lex.family_nouns
                            and any(p.lower_ == "of" for p in c.children) for c in name.children)

    def _name_like(self, token: Token) -> bool:
        """A capitalised proper noun, not an acronym, a title, a common word or a drug, that does
        not end its line, nor a month after "in" or "by" ("In May Stanek pleaded guilty"): what any
        word of a person's name looks like."""
        folded = fold(token.text)
        return (token.pos_ == "PROPN" and all(part.isalpha() for part in token.text.split("-"))  # "Estrada-Kyle"
                and _is_capitalised(token) and not token.text.isupper()
                and "\n" not in token.whitespace_ and not self._is_title(token) and not _is_month_after_preposition(token)
                and folded not in self.lex.generic_words and folded not in self.lex.substances)

    def _could_be_name_word(self, token: Token) -> bool:
        """A word of a name the model missed, which is never an organisation's head word or a connector."""
        folded = fold(token.text)
        return (self._name_like(token)
                and folded not in self.lex.organisation_heads and folded not in self.lex.name_connectors)

    def _titled_names_the_model_missed(self) -> list[_Occurrence]:
        """ "Dr Yadhu" with no entity: a title followed by capitalised words is a person."""
        doc, found = self.doc, []
        for token in doc:
            if not self._is_title(token) or token.i in self.entity_label or token.i + 1 >= len(doc):
                continue
            end = token.i + 1
            while (
                end < len(doc)
                and doc[end].pos_ == "PROPN"
                and _is_capitalised(doc[end])
                and end not in self.entity_label  # a tagged name gets its title from the entity rule
                and "\n" not in doc[end - 1].whitespace_
            ):
                end += 1
            if end == token.i + 1 or self._is_title(doc[end - 1]):
                continue
            words = [fold(t.text) for t in doc[token.i + 1 : end]]
            if any(w in self.lex.substances or w in self.lex.organisation_heads for w in words):
                continue
            start = token.i
            while start > 0 and self._is_title(doc[start - 1]):
                start -= 1
            found.append(_Occurrence(start, token.i + 1, end, ActorKind.PERSON, certain=True))
        return found

    def _offices_the_model_missed(self) -> list[_Occurrence]:
        """ "The Harlow County District Attorney's Office" with no organisation tagged in it:
        capitalised words, a possessive and an organisation head are one organisation."""
        doc, found = self.doc, []
        for token in doc:
            if token.i in self.entity_label or not _is_capitalised(token) or token.i < 2:
                continue
            titled = self._after_titled_possessive(token.i)
            start = self._office_holder(token.i, across_names=titled)
            if start == token.i:
                continue
            if not titled and any(self.entity_label.get(t.i) in ("ORG", "PERSON") for t in doc[start:token.i]):
                continue
            found.append(_Occurrence(start, start, token.i + 1, ActorKind.ORGANIZATION, certain=True))
        return found

    def _place_before(self, head: Token, allowed: Callable[[Token], bool]) -> int:
        """Where the capitalised words compounding `head` from the left begin ("Red Deer" of
        "Red Deer RCMP", "Los Angeles" of "Los Angeles police"), taking only words `allowed`."""
        doc, start = self.doc, head.i
        while (start > head.sent.start and doc[start - 1].dep_ == "compound"
               and start <= doc[start - 1].head.i <= head.i and _is_capitalised(doc[start - 1])
               and allowed(doc[start - 1])):
            start -= 1
        return start

    def _place_offices(self) -> list[_Occurrence]:
        """ "Tempe police opened a death investigation", "The Wabash County coroner's office
        released a statement", "the Los Angeles County medical examiner ruled": a place and the
        lower-case name of a public office after it are that office, an organisation, whatever
        the model made of the place. An office holder's title before a name ("county coroner
        Jim Beal") is the person's."""
        doc, found = self.doc, []
        by_length = sorted(self.lex.place_offices, key=len, reverse=True)
        words = [t.text.replace("\u2019", "'") for t in doc]
        i = 1
        while i < len(doc):
            phrase = next((p for p in by_length if tuple(words[i:i + len(p)]) == p), None)
            if phrase is None:
                i += 1
                continue
            end = i + len(phrase)
            # (a place the model took for a person: "Ridgeford police", "Alder Falls police")
            start = self._place_before(doc[end - 1], lambda t: self.entity_label.get(t.i) not in ("DATE", "TIME")
                                       and not self._is_title(t))
            if start >= i:
                start = self._place_ending_at(i - 1)
            if all(fold(t.text) in self.lex.generic_place_words for t in doc[start:i]):
                start = i  # "County fire department crews": no place named
            names_holder = phrase[-1] not in self.lex.organisation_heads and end < len(doc) \
                and (self.entity_label.get(end) == "PERSON" or (doc[end].pos_ == "PROPN" and _is_capitalised(doc[end])))
            if start < i and not names_holder:
                found.append(_Occurrence(start, start, end, ActorKind.ORGANIZATION, certain=True))
            i = end
        return found

    def _place_ending_at(self, last: int) -> int:
        """Where a place the model tagged, or capitalised words, ending at token `last` begin
        ("Lakewood" read as an adjective); `last + 1` when there is none. At the start of a
        sentence only a proper noun or a known place counts ("Local police")."""
        doc = self.doc
        start = last + 1
        while start > 0 and start - 1 >= doc[last].sent.start:
            token = doc[start - 1]
            label = self.entity_label.get(token.i)
            if label in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL") or self._is_title(token) \
                    or not _is_capitalised(token) or token.pos_ not in ("PROPN", "ADJ", "NOUN"):
                break
            if token.is_sent_start and token.pos_ != "PROPN" and label not in ("GPE", "LOC") \
                    and fold(token.text) not in self.place_names:
                break
            start -= 1
        return start

    def _acting_acronyms_the_model_missed(self) -> list[_Occurrence]:
        """ "Red Deer RCMP arrested Dhaliwal", with no entity: an acronym that acts (a subject, or
        the "by" of a passive), with the capitalised place before it, is an organisation. Not in
        a headline written in capitals."""
        doc, found = self.doc, []
        for token in doc:
            if (token.i in self.entity_label or not token.is_alpha or not is_acronym(token.text)  # "FDA", "GPhC"
                    or not 2 <= len(token.text) <= 6 or token.pos_ != "PROPN"
                    or fold(token.text) in self.lex.legal_suffixes  # "LLC": the company rule's
                    or not any(t.is_lower for t in token.sent)):
                continue
            if not (token.dep_ in _SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.lower_ == "by")):
                continue
            start = self._place_before(token, lambda t: t.i not in self.entity_label)
            found.append(_Occurrence(start, start, token.i + 1, ActorKind.ORGANIZATION, certain=True))
        return found

    def _companies_the_model_missed(self) -> list[_Occurrence]:
        """ "Organizer Lakelight Events LLC said ...": capitalised words ending in a legal form are a
        company, whatever part of it the model tagged; a describing noun before them
        ("Organizer") is not its name."""
        doc, lex, found = self.doc, self.lex, []
        describing = lex.organisation_designators | frozenset(lex.organisation_descriptions) | _COMPANY_DESCRIBERS
        starts = {t.i: e.start for e in doc.ents for t in e}
        for suffix in doc[1:]:
            if fold(suffix.text) not in lex.legal_suffixes:
                continue
            start = starts.get(suffix.i, suffix.i)  # "Calder" + the model's "Vale Pharma Ltd"
            if start == suffix.i and _legal_form_after_a_comma(doc, suffix.i - 1, lex) and _is_capitalised(doc[suffix.i - 2]):
                start = starts.get(suffix.i - 2, suffix.i - 2)  # "Ozark Valley Compounding, LLC"
            start = self._capitalised_run_start(start, lambda t: not t.is_punct)
            while start < suffix.i - 1 and fold(doc[start].text) in describing:
                start += 1
            if start < suffix.i:
                found.append(_Occurrence(start, start, suffix.i + 1, ActorKind.ORGANIZATION, certain=True))
        return found

    def _headed_names_the_model_missed(self) -> list[_Occurrence]:
        """ "Police searched Riverbend Pharmacy": proper nouns before a capitalised organisation
        head, none of them tagged, are an organisation (not in a headline, where every word is
        capitalised, nor when the words are only places or common words: "State Board")."""
        doc, lex, found = self.doc, self.lex, []
        for head in doc:
            if fold(head.text) not in lex.organisation_heads or fold(head.text) in lex.legal_suffixes \
                    or not _is_capitalised(head) or head.pos_ != "PROPN" or head.i in self.entity_label:
                continue
            start = head.i
            while (start > head.sent.start and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN"
                   and _is_capitalised(doc[start - 1]) and start - 1 not in self.entity_label
                   and not self._is_title(doc[start - 1])):
                start -= 1
            words = [fold(t.text) for t in doc[start:head.i]]
            if not words or all(w in lex.generic_words or w in lex.organisation_heads or w in self.place_names
                                or w in lex.substances for w in words):
                continue
            if self._title_cased(head.sent.start, head.sent.end):
                continue  # a headline
            found.append(_Occurrence(start, start, head.i + 1, ActorKind.ORGANIZATION, certain=True))
        return found

    def _owned_organisations(self) -> list[_Occurrence]:
        """ "the X and Tesla owner", "Pfizer spokesperson Amy Rose": capitalised modifiers of a
        noun for a post in an organisation are organisations."""
        doc, lex, found = self.doc, self.lex, []
        for token in doc:
            if token.lemma_.lower() not in lex.relation_nouns or token.pos_ not in ("NOUN", "PROPN"):
                continue
            modifiers = [c for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i]
            modifiers += [cc for m in modifiers for cc in m.conjuncts if cc.i < token.i]
            for mod in modifiers:
                if not _is_capitalised(mod) or mod.pos_ not in ("PROPN", "NOUN"):
                    continue
                if mod.is_sent_start and mod.pos_ != "PROPN" and not self._looks_like_a_name(mod):
                    continue  # "Company spokesperson Amy Rose" at the start of a sentence
                label = self.entity_label.get(mod.i)
                if label in ("PERSON", "GPE", "LOC", "NORP", "DATE", "WORK_OF_ART"):
                    continue
                if fold(mod.text) in lex.substances or fold(mod.text) in self.place_names:
                    continue
                found.append(_Occurrence(mod.i, mod.i, mod.i + 1, ActorKind.ORGANIZATION, certain=True))
        return found

    def _designated_organisations(self) -> list[_Occurrence]:
        """ "Mindbloom, a ketamine telehealth company": an untagged proper noun set off by an
        apposition whose noun designates an organisation."""
        doc, lex, found = self.doc, self.lex, []
        for token in doc:
            if token.pos_ != "PROPN" or not _is_capitalised(token):
                continue
            # a place the model tagged may end the name: "Safer Streets Cleveland, the program she founded"
            ends_in_place = self.entity_label.get(token.i) in ("GPE", "LOC") and token.i > 0 \
                and doc[token.i - 1].head.i == token.i and doc[token.i - 1].pos_ == "PROPN" \
                and token.i - 1 not in self.entity_label
            if token.i in self.entity_label and not ends_in_place:
                continue
            appositions = [
                c for c in token.children
                if c.dep_ == "appos" and c.i > token.i and c.lemma_.lower() in lex.organisation_designators
            ]
            if not appositions or token.i + 1 >= len(doc) or doc[token.i + 1].text != ",":
                continue
            start = token.i
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and _is_capitalised(doc[start - 1])
                and doc[start - 1].head.i == token.i
                and start - 1 not in self.entity_label
            ):
                start -= 1
            words = [fold(t.text) for t in doc[start : token.i + 1]]
            # a place's name may end an organisation's ("Safer Streets Cleveland"), not make all of it
            if any(w in lex.substances or w in lex.generic_words for w in words) \
                    or all(w in self.place_names for w in words) or " ".join(words) in self.place_names:
                continue
            found.append(_Occurrence(start, start, token.i + 1, ActorKind.ORGANIZATION, certain=True))
        return found

    def _media_names(self) -> list[_Occurrence]:
        """News media named next to the noun that says what they are: "SwimLane magazine",
        "the sports magazine Cancha", "radio station KXRP"."""
        doc, lex, found = self.doc, self.lex, []
        for token in doc:
            if token.lower_ not in lex.media_nouns or not token.is_lower:
                continue
            before, after = token.i - 1, token.i + 1
            if before >= 0 and (self._media_name_word(doc[before]) or self._title_word_before_medium(doc[before])):
                start = before
                while start > 0 and self._media_name_word(doc[start - 1]) and "\n" not in doc[start - 1].whitespace_:
                    start -= 1
                found.append(_Occurrence(start, start, before + 1, ActorKind.ORGANIZATION, certain=True))
            elif after < len(doc) and self._media_name_word(doc[after]) and not (
                    doc[after].ent_type_ == "PERSON" and fold(doc[after].text) in lex.gendered_first_names):
                # (not "married the broadcaster Keith Morrison": a person who broadcasts)
                end = after + 1
                while end < len(doc) and self._media_name_word(doc[end]) and "\n" not in doc[end - 1].whitespace_:
                    end += 1
                found.append(_Occurrence(after, after, end, ActorKind.ORGANIZATION, certain=True))
        return found

    def _call_signs(self) -> list[_Occurrence]:
        """North American broadcast stations named by their call letters, which the model
        rarely tags: "told WCNH-TV", "an interview with KDSR". Three letters only with a
        band ("KXL-FM"): a bare three-letter word is too often something else. So too a
        station known by its brand and channel number: "spoke to Denver7", "told 9News"."""
        doc, found = self.doc, []
        for token in doc:
            if _STATION_BRAND_RE.fullmatch(token.text):
                if self.entity_label.get(token.i, "CARDINAL") == "CARDINAL" and _addressed(token):  # "7NEWS" as a number
                    found.append(_Occurrence(token.i, token.i, token.i + 1, ActorKind.ORGANIZATION, certain=True))
                continue
            if self.entity_label.get(token.i) == "PERSON" or not _CALL_SIGN_RE.fullmatch(token.text) \
                    or not any(t.is_lower for t in token.sent):
                continue
            banded = token.i + 2 < len(doc) and doc[token.i + 1].text == "-" \
                and doc[token.i + 2].text in _BROADCAST_BANDS and not doc[token.i + 1].whitespace_
            if banded:
                found.append(_Occurrence(token.i, token.i, token.i + 3, ActorKind.ORGANIZATION, certain=True))
            elif len(token.text) == 4 and _addressed(token):
                found.append(_Occurrence(token.i, token.i, token.i + 1, ActorKind.ORGANIZATION, certain=True))
        return found

    def _mastheads_the_model_missed(self) -> list[_Occurrence]:
        """A newspaper the model left untagged, named after "the" to someone speaking to it:
        "Speaking to the Sunday Independent", "told the Evening Standard"."""
        doc, found = self.doc, []
        for token in doc:
            if token.lower_ != "the" or self.entity_label.get(token.i + 1) is not None:
                continue
            end = token.i + 1
            while end < len(doc) and end - token.i <= 4 and doc[end].pos_ == "PROPN" and _is_capitalised(doc[end]) \
                    and "\n" not in doc[end - 1].whitespace_:
                end += 1
            if end > token.i + 1 and self._is_masthead(token.i + 1, end) and _addressed(doc[end - 1]):
                found.append(_Occurrence(token.i + 1, token.i + 1, end, ActorKind.ORGANIZATION, certain=True))
        return found

    def _media_name_word(self, token: Token) -> bool:
        """A word of a name next to a media noun. The model's PERSON label is set aside there:
        "the sports magazine Cancha", "Glossline magazine" name the magazine."""
        label = self.entity_label.get(token.i)
        return (token.pos_ == "PROPN" and _is_capitalised(token) and label not in ("GPE", "LOC", "NORP", "DATE")
                and fold(token.text) not in self.place_names and fold(token.text) not in self.lex.substances
                and not token.is_sent_start)

    def _title_word_before_medium(self, token: Token) -> bool:
        """ "told People magazine", "a Time magazine cover": a capitalised common noun inside
        a sentence, right before the medium's noun, is its name."""
        return token.pos_ == "NOUN" and token.is_title and not token.is_sent_start \
            and self.entity_label.get(token.i) not in ("GPE", "LOC", "NORP", "DATE")

    def _looks_like_a_name(self, token: Token) -> bool:
        """A capitalised word that the text never writes in lower case and the lexicon does not know as a noun."""
        lower = token.lower_
        lex = self.lex
        if lower in self.lowercase_words or lower in lex.organisation_designators or lower in lex.generic_words:
            return False
        return lower not in lex.description_group and lower not in lex.role_relations

    def _mark_parenthesised_acronyms(self, found: list[_Occurrence]) -> None:
        doc = self.doc
        by_start = {occ.start: occ for occ in found}
        for occ in list(found):
            e = occ.end
            if occ.kind != ActorKind.ORGANIZATION or e + 2 >= len(doc):
                continue
            inside = doc[e + 1]
            short_name = _is_capitalised(inside) and fold(inside.text) in {fold(t.text) for t in doc[occ.core : occ.end]}
            if doc[e].text == "(" and doc[e + 2].text == ")" and (is_acronym(inside.text) or short_name):
                acronym = by_start.get(e + 1)
                if acronym is None:
                    acronym = _Occurrence(e + 1, e + 1, e + 2, ActorKind.ORGANIZATION, certain=True)
                    found.append(acronym)
                acronym.kind, acronym.certain, acronym.acronym_for = ActorKind.ORGANIZATION, True, occ
        found.sort(key=lambda o: o.start)


_MODIFIER_DEPS = frozenset({"amod", "compound", "det", "advmod", "nummod", "aux", "auxpass", "prep", "mark", "cc"})
_PREPOSITIONS_BETWEEN_NAMES = frozenset({"through", "via", "from", "by", "with", "to"})
_BARE_NAME_DEPS = frozenset({"punct", "case", "appos"})  # "Denning, 41,", "Denning's lawyer"
_CALL_SIGN_RE = re.compile(r"[KW](?!W?[IVX]+$)[A-Z]{2,3}")  # not "WWII"
_BROADCAST_BANDS = frozenset({"TV", "FM", "AM", "DT"})
_DEATH_NOUNS = frozenset({"death", "deaths", "killing", "murder", "manslaughter"})
_NUMBERED_STATION_RE = re.compile(r"\d[A-Z]{2,3}")  # Australian call signs: 2GB, 3AW, 4BC
_STATION_BRAND_RE = re.compile(r"[A-Z][a-z]{2,}\d{1,2}|\d{1,2}(?:News|NEWS)")
_ADDRESSING_WORDS = frozenset({"to", "with", "on", "by", "tell", "report", "say", "air", "broadcast"})
_NICKNAME_RE = re.compile(r"\s+[\"“‘][^\"”’]+[\"”’]\s+")


def _split_at_loose_commas(entities: Iterable[Span]) -> Iterator[Span]:
    """ "In a statement to the Associated Press, Pierce's attorney said": the model may run one
    entity over a comma into the next phrase; it is two when no word on either side of the comma
    hangs on the other ("Brightwell Pharmacy of Tampa, Fla." stays one)."""
    for ent in entities:
        start = ent.start
        for comma in (t for t in ent if t.text == "," and ent.start < t.i < ent.end - 1):
            before, after = range(start, comma.i), range(comma.i + 1, ent.end)
            if not any(ent.doc[i].head.i in after for i in before) and not any(ent.doc[i].head.i in before for i in after):
                yield Span(ent.doc, start, comma.i, label=ent.label_)
                start = comma.i + 1
        yield ent if start == ent.start else Span(ent.doc, start, ent.end, label=ent.label_)


def _legal_form_after_a_comma(doc: Doc, comma: int, lex: ActorLexicon) -> bool:
    """ "Ozark Valley Compounding, LLC": a legal form set off by a comma still ends the name."""
    return (0 < comma < len(doc) - 1 and doc[comma].text == "," and fold(doc[comma + 1].text) in lex.legal_suffixes
            and "\n" not in doc[comma - 1].whitespace_ + doc[comma].whitespace_)


def _addressed(token: Token) -> bool:
    """A medium spoken or written to: "spoke to KDSR", "told WXYZ", "KDSR reported"; not "the
    WARN notice", "WADA investigators"."""
    return token.dep_ not in _MODIFIER_DEPS and token.head.lemma_.lower() in _ADDRESSING_WORDS


def _without_nickname(name: str) -> str:
    """ 'Renaldo "Rennie" Balogun' is named "Renaldo Balogun"."""
    return _NICKNAME_RE.sub(" ", name)


_AGE_APPOSITION_RE = re.compile(r"(?:an?\s+)?\d{1,3}\s*-\s*year\s*-\s*old", re.IGNORECASE)


def _without_article(name: str) -> str:
    """ "the long quiet" and "long quiet" are one programme's name."""
    return name.removeprefix("the ")


def _without_overlaps(found: list[_Occurrence]) -> list[_Occurrence]:
    """Keeps the longest of overlapping occurrences (rules and entities may both find a name)."""
    found.sort(key=lambda o: (o.start, -(o.end - o.start), not o.certain))
    kept: list[_Occurrence] = []
    for occ in found:
        if kept and occ.start < kept[-1].end:
            if occ.end - occ.start > kept[-1].end - kept[-1].start:
                kept[-1] = occ
            continue
        kept.append(occ)
    return kept


_TIME_NAMES = _MONTH_NAMES | {name.lower() for name in WEEKDAY_NAMES}


def _one_word_misread_as_a_time(token: Token) -> bool:
    """ "sold Faraday the pills": a surname the model took alone for a date, naming no month or day."""
    doc = token.doc
    return token.ent_type_ in ("DATE", "TIME") and token.ent_iob_ == "B" and token.lower_ not in _TIME_NAMES \
        and (token.i + 1 == len(doc) or doc[token.i + 1].ent_iob_ != "I")
