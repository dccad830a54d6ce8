"""Actors: the people and organisations a document talks about, and how it refers to them.

Takes a parsed document (loaders.nlp) and returns every reference to an actor
with exact character offsets: names, surnames, acronyms, pronouns (he/she, the
"who" of a relative clause, "it" where the parse ties it to an organisation),
definite descriptions ("the actor", "the agency") and people known only by their
role ("Perry's assistant"), plus the affiliations the text states ("a
psychiatrist at the University of Oxford"). `canonical_actor_ids` then joins the
actors of many documents (and of the graph) into one id per real-world actor.

The small English model mislabels often ("Ketamine" as a PERSON, "Friends" as
an ORG, a surname as a place), so its entities are only candidates: rules on
the dependency parse and the word lists in actor_lexicon.yaml decide what an
actor is. Once a person is named in full, their surname is them wherever it is
written as a name, whatever the model's label. Everything runs in a few linear
passes over the tokens.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict, deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import structlog
import yaml
from spacy.tokens import Doc, Span, Token

from loaders.nlp import sentences
from loaders.records import (
    MONTH_NAMES,
    ActorKind,
    ActorMention,
    ActorRecord,
    Affiliation,
    DocumentRecord,
    Sentence,
    slugify,
    stable_id,
)

log = structlog.get_logger(__name__)

LEXICON_PATH = Path(__file__).with_name("actor_lexicon.yaml")

NAME, SURNAME, ACRONYM, PRONOUN, DESCRIPTION, ROLE = (
    "NAME", "SURNAME", "ACRONYM", "PRONOUN", "DESCRIPTION", "ROLE",
)
WORKS_AT = "WORKS_AT"

_MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
_FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_NEUTER_PRONOUNS = frozenset({"it", "its"})
_RELATIVE_PRONOUNS = {"who": ActorKind.PERSON, "which": ActorKind.ORGANIZATION, "that": None}  # None: either kind
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OPENING_QUOTES = frozenset({"“", "‘", "«", '"', "'"})
_CLOSING_QUOTES = frozenset({"”", "’", "»", '"', "'"})
_PRONOUN_WINDOW = 2  # sentences back a pronoun may reach
_AFFILIATION_PREPOSITIONS = frozenset({"at", "from", "with", "for", "of"})
_NAME_PREPOSITIONS = frozenset({"from", "of"})  # "Ladan Eshkevari from Avesta"
_PERSONAL_RELATIONS = frozenset({"FAMILY_OF", "PARTNER_OF", "FRIEND_OF", "DOCTOR_OF"})  # never towards an organisation


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class ActorSpan:
    """One reference to an actor: character offsets into the document text."""

    actor_id: str
    start: int
    end: int
    text: str
    via: str  # NAME | SURNAME | ACRONYM | PRONOUN | DESCRIPTION | ROLE


@dataclass(frozen=True, slots=True)
class RoleLink:
    """A person known by a role towards another actor: "Perry's assistant"."""

    possessor_id: str
    role: str  # the role noun, singular: "assistant"
    relation: str  # ASSISTANT_OF, DOCTOR_OF, ...


@dataclass
class ActorAnalysis:
    actors: dict[str, ActorRecord]
    spans: list[ActorSpan]  # every reference, sorted by start, never overlapping
    mentions: list[ActorMention]  # one per (actor, sentence); quote = the sentence
    affiliations: list[Affiliation]  # quote = the sentence stating it
    # Role actors this document created ("Matthew Perry's assistant"), by actor id;
    # canonical_actor_ids uses them to merge a role with the person another document names.
    roles: dict[str, RoleLink] = field(default_factory=dict)
    # Programmes and podcasts someone was interviewed on ("60 Minutes") and media named by what
    # they are ("SwimLane magazine"), by actor id: outlets whose names carry no word that says so.
    programmes: frozenset[str] = frozenset()
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.spans.sort(key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in self.spans]

    def spans_between(self, start: int, end: int) -> list[ActorSpan]:
        """The spans lying wholly inside the character range [start, end)."""
        i = bisect.bisect_left(self._starts, start)
        found = []
        while i < len(self.spans) and self.spans[i].start < end:
            if self.spans[i].end <= end:
                found.append(self.spans[i])
            i += 1
        return found

    def actor_at(self, start: int, end: int) -> ActorSpan | None:
        """The span covering or overlapping the character range [start, end); the largest overlap wins."""
        if end <= start:  # an empty range: the span containing that position
            i = bisect.bisect_right(self._starts, start) - 1
            return self.spans[i] if i >= 0 and self.spans[i].end > start else None
        best: ActorSpan | None = None
        best_overlap = 0
        i = bisect.bisect_left(self._starts, end) - 1
        while i >= 0 and self.spans[i].end > start:  # spans never overlap, so their ends are sorted too
            span = self.spans[i]
            overlap = min(end, span.end) - max(start, span.start)
            if overlap >= best_overlap:
                best, best_overlap = span, overlap
            i -= 1
        return best


# --------------------------------------------------------------------------- lexicon


class LexiconError(ValueError):
    """The actor lexicon file is missing a list or has one of the wrong shape."""


@dataclass(frozen=True)
class ActorLexicon:
    titles: frozenset[str]
    honorifics: frozenset[str]
    title_modifiers: frozenset[str]
    female_titles: frozenset[str]
    male_titles: frozenset[str]
    descriptive_titles: Mapping[str, str]
    name_suffixes: frozenset[str]
    country_prefixes: frozenset[str]
    acronym_skip_words: frozenset[str]
    name_connectors: frozenset[str]
    substances: frozenset[str]
    diseases: frozenset[str]
    disease_nouns: frozenset[str]
    works: frozenset[str]
    work_modified_nouns: frozenset[str]
    generic_words: frozenset[str]
    category_words: frozenset[str]
    image_agencies: frozenset[str]
    credit_words: frozenset[str]
    places: frozenset[str]
    weak_leading_words: frozenset[str]
    organisation_heads: frozenset[str]
    jurisdiction_heads: frozenset[str]
    legal_suffixes: frozenset[str]
    organisation_designators: frozenset[str]
    thing_designators: frozenset[str]
    description_group: Mapping[str, str]  # noun -> group name
    female_nouns: frozenset[str]
    male_nouns: frozenset[str]
    people_nouns: frozenset[str]
    relative_nouns: frozenset[str]
    female_first_names: frozenset[str]
    male_first_names: frozenset[str]
    unisex_first_names: frozenset[str]
    name_prefixes: frozenset[str]
    organisation_kinds: Mapping[str, frozenset[str]]  # name word (or two words) -> kinds of organisation
    organisation_descriptions: Mapping[str, frozenset[str]]  # "agency" -> kinds it may refer back to
    role_relations: Mapping[str, str]
    relation_nouns: Mapping[str, str]
    non_affiliation_nouns: frozenset[str]
    affiliation_verbs: Mapping[str, str]
    affiliation_prepositional_verbs: Mapping[str, Mapping[str, str]]
    service_relations: Mapping[str, str]
    interview_cues: frozenset[tuple[str, ...]]
    programme_nouns: frozenset[str]
    residence_nouns: frozenset[str]
    media_nouns: frozenset[str]
    mastheads: frozenset[str]

    @property
    def person_nouns(self) -> frozenset[str]:
        return frozenset(self.description_group) | frozenset(self.role_relations)

    @cached_property
    def describing_nouns(self) -> frozenset[str]:
        """Nouns that describe a person the text may name later: "doctor", "woman", "suspects"."""
        return frozenset(self.description_group) | self.female_nouns | self.male_nouns | self.people_nouns

    @cached_property
    def nouns_for_people(self) -> frozenset[str]:
        """Every noun that stands for a person or people: "assistant", "son", "woman", "patients"."""
        return self.describing_nouns | frozenset(self.role_relations) | self.relative_nouns

    @cached_property
    def first_names(self) -> frozenset[str]:
        """Every known first name, whether or not it says a gender."""
        return self.female_first_names | self.male_first_names | self.unisex_first_names

    @cached_property
    def gendered_first_names(self) -> frozenset[str]:
        """First names given to women or to men, not to both."""
        return (self.female_first_names | self.male_first_names) - self.unisex_first_names

    @classmethod
    def load(cls, path: Path = LEXICON_PATH) -> ActorLexicon:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise LexiconError(f"cannot read actor lexicon {path}: {exc}") from exc
        if not isinstance(data, dict):
            raise LexiconError(f"actor lexicon {path}: expected a mapping of word lists at the top level")

        def words(key: str) -> frozenset[str]:
            value = data.get(key)
            if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
                raise LexiconError(f"actor lexicon {path}: '{key}' must be a list of words")
            return frozenset(w.lower() for w in value)

        def mapping(key: str, lower_keys: bool = True) -> dict[str, str]:
            value = data.get(key)
            if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
                raise LexiconError(f"actor lexicon {path}: '{key}' must map words to names")
            return {(str(k).lower() if lower_keys else str(k)): v for k, v in value.items()}

        def lists(key: str) -> dict[str, list[str]]:
            value = data.get(key)
            if not isinstance(value, dict) or not all(
                isinstance(v, list) and all(isinstance(w, str) for w in v) for v in value.values()
            ):
                raise LexiconError(f"actor lexicon {path}: '{key}' must map names to lists of words")
            return {str(k).lower(): [w.lower() for w in v] for k, v in value.items()}

        groups = lists("description_groups")
        kinds_by_word: dict[str, set[str]] = defaultdict(set)
        for kind, kind_words in lists("organisation_kinds").items():
            for word in kind_words:
                kinds_by_word[word].add(kind)
        prepositional = data.get("affiliation_prepositional_verbs")
        if not isinstance(prepositional, dict) or not all(isinstance(v, dict) for v in prepositional.values()):
            raise LexiconError(
                f"actor lexicon {path}: 'affiliation_prepositional_verbs' must map verbs to {{preposition: RELATION}}"
            )
        return cls(
            titles=words("titles"),
            honorifics=words("honorifics"),
            title_modifiers=words("title_modifiers"),
            female_titles=words("female_titles"),
            male_titles=words("male_titles"),
            descriptive_titles=mapping("descriptive_titles"),
            name_suffixes=words("name_suffixes"),
            country_prefixes=words("country_prefixes"),
            acronym_skip_words=words("acronym_skip_words"),
            name_connectors=words("name_connectors"),
            substances=words("substances"),
            diseases=words("diseases"),
            disease_nouns=words("disease_nouns"),
            works=words("works"),
            work_modified_nouns=words("work_modified_nouns"),
            generic_words=words("generic_words"),
            category_words=words("category_words"),
            image_agencies=words("image_agencies"),
            credit_words=words("credit_words"),
            places=words("places"),
            weak_leading_words=words("weak_leading_words"),
            organisation_heads=words("organisation_heads"),
            jurisdiction_heads=words("jurisdiction_heads"),
            legal_suffixes=words("legal_suffixes"),
            organisation_designators=words("organisation_designators"),
            thing_designators=words("thing_designators"),
            description_group={str(n).lower(): g for g, nouns in groups.items() for n in nouns},
            female_nouns=words("female_nouns"),
            male_nouns=words("male_nouns"),
            people_nouns=words("people_nouns"),
            relative_nouns=words("relative_nouns"),
            female_first_names=words("female_first_names"),
            male_first_names=words("male_first_names"),
            unisex_first_names=words("unisex_first_names"),
            name_prefixes=words("name_prefixes"),
            organisation_kinds={w: frozenset(k) for w, k in kinds_by_word.items()},
            organisation_descriptions={n: frozenset(k) for n, k in lists("organisation_descriptions").items()},
            role_relations=mapping("role_relations"),
            relation_nouns=mapping("relation_nouns"),
            non_affiliation_nouns=words("non_affiliation_nouns"),
            affiliation_verbs=mapping("affiliation_verbs"),
            affiliation_prepositional_verbs={
                str(v).lower(): {str(p).lower(): r for p, r in preps.items()} for v, preps in prepositional.items()
            },
            service_relations=mapping("service_relations", lower_keys=False),
            interview_cues=frozenset(tuple(cue.split()) for cue in words("interview_cues")),
            programme_nouns=words("programme_nouns"),
            residence_nouns=words("residence_nouns"),
            media_nouns=words("media_nouns"),
            mastheads=words("mastheads"),
        )


@lru_cache(maxsize=1)
def get_lexicon() -> ActorLexicon:
    return ActorLexicon.load()


# --------------------------------------------------------------------------- names


def fold(text: str) -> str:
    """Lower-case ASCII with straight apostrophes and single spaces: the form names are compared in."""
    text = text.replace("’", "'").replace("‘", "'")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join(ascii_text.lower().split())


# Verbs of an official finding, which is about someone else than who finds it.
_FINDING_VERBS = frozenset({"rule", "find", "conclude", "determine", "establish", "certify", "classify"})
# Nouns that describe a company before its name: "Organizer Lakelight Events LLC".
# (with the lexicon's organisation designators and descriptions, which hold "drugmaker" and "distributor").
_COMPANY_DESCRIBERS = frozenset({"organizer", "organiser", "promoter", "operator", "owner", "supplier", "developer",
                                 "vendor"})
# Lower-case words inside a person's name: "Ludwig van Beethoven", "Ana de la Cruz".
_NAME_PARTICLES = frozenset({"de", "da", "di", "do", "dos", "das", "du", "del", "della", "la", "le", "van", "von",
                             "der", "den", "ter", "bin", "ibn", "al", "el", "y", "e"})
_MONTH_NAMES = frozenset(name.lower() for name in MONTH_NAMES)
_DATE_PREPOSITIONS = frozenset({"in", "by", "since", "until", "till", "from", "during", "through", "last", "next",
                                "early", "late", "mid", "this", "that", "each", "every"})


def _verb_of_opened_clause(pronoun: Token) -> Token | None:
    """The verb whose clause a subject pronoun opens: "said" in "X said he ...", "ruled" in
    "the examiner ruled that she had died"."""
    if pronoun.dep_ not in _SUBJECT_DEPS or pronoun.head.dep_ != "ccomp":
        return None
    return pronoun.head.head


def _is_month_after_preposition(token: Token) -> bool:
    """ "in June", "by April", "last May": a month, whoever else bears its name."""
    return (token.lower_ in _MONTH_NAMES and token.i > 0
            and token.doc[token.i - 1].lower_ in _DATE_PREPOSITIONS)


_CATEGORY_MARK_RE = re.compile(r"(?:[ivx]+|\d+|[a-z])\.?")  # "I", "9", "A." after "Schedule" or "Class"
_DATELINE_DASHES = frozenset({"—", "–", "-", "--"})


def _name_words(name: str, lex: ActorLexicon) -> list[str]:
    """Folded words of a name without titles and suffixes ("Prof Rupert McShane Jr." → rupert, mcshane)."""
    words = [w.strip(",") for w in fold(name).split()]
    while len(words) > 1 and (words[0] in lex.titles or words[0] in lex.title_modifiers):
        words.pop(0)
    while len(words) > 1 and words[-1] in lex.name_suffixes:
        words.pop()
    return [w for w in words if w]


def _org_words(name: str, lex: ActorLexicon) -> list[str]:
    """Folded words of an organisation name without a leading article or country prefix."""
    words = [w for w in re.split(r"[\s,]+", fold(name)) if w]
    if words and words[0] == "the":
        words.pop(0)
    if words and words[-1] in ("'s", "s"):
        words.pop()
    if len(words) > 2 and " ".join(words[:2]) in lex.country_prefixes:
        words = words[2:]
    elif len(words) > 1 and words[0] in lex.country_prefixes:
        words.pop(0)
    return words


def acronyms_of(name: str, lex: ActorLexicon) -> set[str]:
    """Acronyms a name may be written as: "U.S. Food and Drug Administration" → {"FDA", "USFDA"}."""
    raw = [w for w in re.split(r"[\s\-]+", name.replace("’", "'")) if w]
    if raw and raw[0].lower() == "the":
        raw.pop(0)
    found: set[str] = set()

    def initials(words: list[str]) -> str:
        letters = []
        for word in words:
            if word.lower() in lex.acronym_skip_words or not word[:1].isalpha():
                continue
            if not word[:1].isupper():
                return ""
            if re.fullmatch(r"(?:[A-Z]\.){2,}", word) or (word.isupper() and len(word) <= 4):
                letters.append(word.replace(".", ""))
            else:
                letters.append(word[0])
        return "".join(letters)

    significant = [w for w in raw if w.lower() not in lex.acronym_skip_words]
    if len(significant) < 2:
        return found
    whole = initials(raw)
    if len(whole) >= 2:
        found.add(whole)
    if raw and raw[0].lower().rstrip(",") in lex.country_prefixes:
        rest = initials(raw[1:])
        if len(rest) >= 2 and len([w for w in raw[1:] if w.lower() not in lex.acronym_skip_words]) >= 2:
            found.add(rest)
    return found


def is_acronym(text: str) -> bool:
    bare = text.replace(".", "")
    return 2 <= len(bare) <= 8 and bare.isalpha() and bare.isupper()


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


def _person_id(name: str) -> str:
    return "person-" + (slugify(name) or stable_id("name", name).split("-", 1)[1])


def _org_id(name: str) -> str:
    return "org-" + (slugify(name) or stable_id("name", name).split("-", 1)[1])


def actor_id_for(name: str, kind: ActorKind) -> str:
    """The id an actor with this canonical name gets: "person-rupert-mcshane", "org-university-of-oxford"."""
    return _person_id(name) if kind == ActorKind.PERSON else _org_id(name)


def role_actor_name(possessor_name: str, role: str) -> str:
    return f"{possessor_name}'s {role}"


def role_description(possessor_name: str, role: str) -> str:
    return f"{role} of {possessor_name}"


# --------------------------------------------------------------------------- occurrences


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
        return " ".join(doc[self.core : self.end].text.split())

    def full_text(self, doc: Doc) -> str:
        return " ".join(doc[self.start : self.end].text.split())

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
        tagged_places = {fold(e.text) for e in doc.ents if e.label_ in ("GPE", "LOC")} - person_words
        self.place_names = tagged_places | set(lex.places)
        self.work_names = {fold(e.text) for e in doc.ents if e.label_ == "WORK_OF_ART"} | set(lex.works)
        self.entity_label = {t.i: e.label_ for e in doc.ents for t in e}
        self.rejected: set[str] = set()
        self.lowercase_words = {t.text for t in doc if t.is_lower}
        self.programme_names: set[str] = set()

    def _person_name_words(self) -> set[str]:
        """Folded full names and surnames of the model's several-word PERSON entities."""
        words: set[str] = set()
        for ent in self.doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = _name_words(ent.text, self.lex)
            if len(name) >= 2:
                words.add(" ".join(name))
                words.add(name[-1])
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
        found.extend(self._acting_acronyms_the_model_missed())
        found.extend(self._place_police())
        found.extend(self._aged_names_the_model_missed())
        found.extend(self._first_named_people_the_model_missed())
        found.extend(self._first_names_the_model_missed(found))
        found.extend(self._owned_organisations())
        found.extend(self._designated_organisations())
        media = self._media_names()
        found.extend(media)
        found = _without_overlaps(found)
        self._mark_parenthesised_acronyms(found)
        # A name judged not to be an actor in one place (a show title, a drug) is not one anywhere.
        found = [occ for occ in found if fold(occ.core_text(self.doc)) not in self.rejected]
        # ...except a programme someone was interviewed on: that is the outlet.
        framed = self._programmes()
        # A quoted programme title holds the names inside it: "Unfiltered with Dee Rollins".
        titles = [p for p in framed if self._is_quoted_title(p)]
        found = [o for o in found if not any(p.start <= o.start and o.end <= p.end and o.end - o.start < p.end - p.start
                                             for p in titles)]
        programmes = [p for p in framed if not any(p.start < o.end and o.start < p.end for o in found)]
        # A title the model already took for an organisation is still the programme it names.
        self.programme_names = {_without_article(fold(o.core_text(self.doc))) for o in framed + media}
        return sorted(found + programmes, key=lambda o: o.start)

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
            if framed:
                j = cue_end
            elif after_noun:  # "the podcast 'Health Matters'", "an episode of 'Unfiltered'"
                j = i + 2 if i + 1 < len(doc) and doc[i + 1].lower_ == "of" else i + 1
                if j >= len(doc) or doc[j].text not in _OPENING_QUOTES:
                    continue
            elif doc[i].text in _OPENING_QUOTES:
                j = i  # a quoted title, if "program" or the like follows it (checked below)
            else:
                continue
            while j < len(doc) and doc[j].text not in _OPENING_QUOTES and (
                    doc[j].lower_ in ("the", "a", "an") or doc[j].lower_ in lex.programme_nouns
                    or doc[j].lower_ in lex.media_nouns or (self.entity_label.get(j) == "ORG" and not owned)
                    or doc[j].tag_ == "POS"):
                owned = owned or doc[j].tag_ == "POS"
                j += 1  # "ABC's", "the podcast", "KRVB radio's"
            title = self._title_at(j)
            if title is None:
                continue
            start, end = title
            text = fold(doc[start:end].text)
            quoted = start > 0 and doc[start - 1].text in _OPENING_QUOTES
            label = None if quoted else self.entity_label.get(start)
            if text in lex.works or label == "PERSON" or (not owned and label in ("ORG", "GPE", "NORP")):
                continue  # a broadcaster's title is its programme whatever else the model took it for
            named_as_programme = end < len(doc) and (doc[end].lower_ in lex.programme_nouns
                                                     or (doc[end].text in _CLOSING_QUOTES and end + 1 < len(doc)
                                                         and doc[end + 1].lower_ in lex.programme_nouns)
                                                     or (quoted and self._programme_in_apposition(end)))
            framed_title = framed and (quoted or owned
                                       or self.entity_label.get(start) in (None, "TIME", "DATE", "WORK_OF_ART"))
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
        if doc[j].text in _OPENING_QUOTES:
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
        while end < len(doc) and end - j < 6 and (_is_capitalised(doc[end]) or (end == j and doc[end].like_num)
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
        for current in self._split_people(self.doc.ents):
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
        for ent in entities:
            start = ent.start
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
        if label == "ORG":  # "the Governor's Office of Substance Use Policy", the post tagged apart
            start = self._office_holder(start, across_names=self._after_titled_possessive(start))
        has_org_head = self._has_organisation_head(start, end)
        if self._is_masthead(start, end):
            kind = ActorKind.ORGANIZATION
        elif label == "PERSON":
            kind = ActorKind.PERSON
        elif label == "ORG" and not has_org_head and start > 0 and fold(doc[start - 1].text) in lex.honorifics:
            kind = ActorKind.PERSON  # "Dr. Helena Varga" tagged as an organisation
        elif label == "ORG" and self._titled_first_name(start, end):
            kind, has_org_head = ActorKind.PERSON, False  # "Sheriff Ramona Estrada-Kyle" tagged as an organisation
        elif label == "ORG":
            kind = ActorKind.ORGANIZATION
        elif label in ("FAC", "GPE", "LOC", "PRODUCT", "WORK_OF_ART", "NORP") and has_org_head:
            kind = ActorKind.ORGANIZATION  # "Massachusetts General Hospital" tagged as a place
        else:
            return None
        core = start
        first = core
        if kind == ActorKind.PERSON and not has_org_head:  # "General Motors" keeps its "General"
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

    def _titled_first_name(self, start: int, end: int) -> bool:
        """A title, a known first name and a surname: "Sheriff Ramona Estrada-Kyle" is a person
        even where the title is also an organisation's head word ("Pima County Sheriff")."""
        doc, lex = self.doc, self.lex
        return (end - start >= 3 and self._is_title(doc[start])
                and fold(doc[start + 1].text) in lex.first_names
                and all(self._name_like(t) for t in doc[start + 1 : end]))

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
        if label != "PERSON" and (text in self.work_names or self._is_quoted_title(occ) or self._modifies_work_noun(root)):
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
        return (
            occ.start > 0
            and end < len(doc)
            and doc[occ.start - 1].text in _OPENING_QUOTES
            and doc[end].text in _CLOSING_QUOTES
        )

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
        if self._followed_by_age(occ):
            occ.kind, occ.certain = ActorKind.PERSON, True  # "Marquise Tolliver, 24, ..."
            return
        appositions = [c for c in root.children if c.dep_ == "appos" and c.i >= occ.end]
        if root.dep_ == "appos" and root.head.i < occ.start and not self._opens_relative_clause(occ):
            appositions.append(root.head)
        for noun in appositions:
            lemma = noun.lemma_.lower()
            if _AGE_APPOSITION_RE.fullmatch(doc[noun.left_edge.i : noun.i + 1].text):
                occ.kind, occ.certain = ActorKind.PERSON, True  # "Tyrell Banks, a 19-year-old who ..."
                return
            if lemma in lex.organisation_designators:
                occ.kind, occ.certain = ActorKind.ORGANIZATION, True  # "Save Minds, a ... clinic"
                return
            if (lemma in lex.description_group or lemma in lex.role_relations
                    or lemma in lex.female_nouns or lemma in lex.male_nouns):  # "a 24-year-old man, X"
                occ.kind, occ.certain = ActorKind.PERSON, True
                return
        if root.dep_ == "pobj" and root.head.lower_ in ("of", "at") and self._is_post_noun(root.head.head):
            occ.kind, occ.certain = ActorKind.ORGANIZATION, True  # "chief executive of Novo Nordisk"
            return
        tokens = list(doc[occ.core : occ.end])
        if (occ.kind == ActorKind.ORGANIZATION and 2 <= len(tokens) <= 3
                and fold(tokens[0].text) in lex.gendered_first_names
                and all(self._name_like(t) for t in tokens)
                and not any(fold(t.text) in lex.organisation_designators for t in tokens)):
            occ.kind = ActorKind.PERSON  # "reality TV beauty Tia Blackwood", tagged as an organisation
        if occ.kind == ActorKind.PERSON:
            self._named_service(occ)

    def _opens_relative_clause(self, occ: _Occurrence) -> bool:
        """A name followed by its own verb: "the company Elon Musk runs" names who runs it."""
        return occ.end < len(self.doc) and self.doc[occ.end].tag_ in ("VBD", "VBZ", "VBP", "MD")

    def _followed_by_age(self, occ: _Occurrence) -> bool:
        doc, end = self.doc, occ.end
        return (end + 2 < len(doc) and doc[end].text == "," and doc[end + 2].text == ","
                and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 120)

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
        for token in doc[1:]:
            if token.i in taken or fold(token.text) not in self.person_words or token.pos_ != "PROPN":
                continue
            if self._first_name_before(token.i) and token.i - 1 not in taken:
                added.append(_Occurrence(token.i - 1, token.i - 1, token.i + 1, ActorKind.PERSON, certain=True))
        return added

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

    def _aged_names_the_model_missed(self) -> list[_Occurrence]:
        """ "Ana Ruiz, 31, was found dead": two or three capitalised words followed by an age set
        off by commas are a person, whatever the model made of them."""
        doc, found = self.doc, []
        for comma in doc[2:]:
            if comma.text != "," or comma.i + 2 >= len(doc):
                continue
            age, after = doc[comma.i + 1], doc[comma.i + 2]
            if not (age.like_num and age.text.isdigit() and 0 < int(age.text) < 120 and after.text in (",", ")")):
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

    def _place_police(self) -> list[_Occurrence]:
        """ "Tempe police opened a death investigation", "Los Angeles police arrested": a place's
        police is an organisation, whatever the model made of the place."""
        doc, found = self.doc, []
        for police in doc:
            if police.lower_ != "police" or not police.is_lower:
                continue
            start = police.i
            while (start > police.sent.start and doc[start - 1].dep_ == "compound"
                   and start <= doc[start - 1].head.i <= police.i and _is_capitalised(doc[start - 1])
                   and self.entity_label.get(start - 1) != "PERSON" and not self._is_title(doc[start - 1])):
                start -= 1
            if start < police.i:
                found.append(_Occurrence(start, start, police.i + 1, ActorKind.ORGANIZATION, certain=True))
        return found

    def _acting_acronyms_the_model_missed(self) -> list[_Occurrence]:
        """ "Red Deer RCMP arrested Dhaliwal", with no entity: an acronym that acts (a subject, or
        the "by" of a passive), with the capitalised place before it, is an organisation. Not in
        a headline written in capitals."""
        doc, found = self.doc, []
        for token in doc:
            if (token.i in self.entity_label or not token.is_alpha or not token.text.isupper()
                    or not 2 <= len(token.text) <= 6 or token.pos_ != "PROPN"
                    or fold(token.text) in self.lex.legal_suffixes  # "LLC": the company rule's
                    or not any(t.is_lower for t in token.sent)):
                continue
            if not (token.dep_ in _SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.lower_ == "by")):
                continue
            start = token.i
            while start > token.sent.start and doc[start - 1].dep_ == "compound" \
                    and start <= doc[start - 1].head.i <= token.i \
                    and _is_capitalised(doc[start - 1]) and doc[start - 1].i not in self.entity_label:
                start -= 1
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
            while (start > 0 and _is_capitalised(doc[start - 1]) and not doc[start - 1].is_punct
                   and "\n" not in doc[start - 1].whitespace_ and not self._is_title(doc[start - 1])):
                start -= 1
            while start < suffix.i - 1 and fold(doc[start].text) in describing:
                start += 1
            if start < suffix.i:
                found.append(_Occurrence(start, start, suffix.i + 1, ActorKind.ORGANIZATION, certain=True))
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
            if token.pos_ != "PROPN" or not _is_capitalised(token) or token.i in self.entity_label:
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
            if any(w in lex.substances or w in lex.generic_words or w in self.place_names for w in words):
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
            if before >= 0 and self._media_name_word(doc[before]):
                start = before
                while start > 0 and self._media_name_word(doc[start - 1]) and "\n" not in doc[start - 1].whitespace_:
                    start -= 1
                found.append(_Occurrence(start, start, before + 1, ActorKind.ORGANIZATION, certain=True))
            elif after < len(doc) and self._media_name_word(doc[after]):
                end = after + 1
                while end < len(doc) and self._media_name_word(doc[end]) and "\n" not in doc[end - 1].whitespace_:
                    end += 1
                found.append(_Occurrence(after, after, end, ActorKind.ORGANIZATION, certain=True))
        return found

    def _media_name_word(self, token: Token) -> bool:
        """A word of a name next to a media noun. The model's PERSON label is set aside there:
        "the sports magazine Cancha", "Glossline magazine" name the magazine."""
        label = self.entity_label.get(token.i)
        return (token.pos_ == "PROPN" and _is_capitalised(token) and label not in ("GPE", "LOC", "NORP", "DATE")
                and fold(token.text) not in self.place_names and fold(token.text) not in self.lex.substances
                and not token.is_sent_start)

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


# --------------------------------------------------------------------------- clustering


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

    def build(self, occurrences: list[_Occurrence]) -> list[_Occurrence]:
        doc, lex = self.doc, self.lex
        self._people_by_surname(occurrences)
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

        # Short organisation names ("Avesta", "Royal Free") are the long name they begin.
        for key, actor in list(orgs.items()):
            longer = org_with_prefix(org_words[key])
            if longer is not None and not self._has_own_head(actor):
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
                matches = by_acronym.get(text.replace(".", ""), set())
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
        """ "Graham and Alison Lomax": a first name joined to a full name shares its surname."""
        doc = self.doc
        if occ.end + 1 >= len(doc) or doc[occ.end].lower_ != "and":
            return text
        partner = by_start.get(occ.end + 1)
        if partner is None or partner.kind != ActorKind.PERSON or partner.start != partner.core:
            return text
        words = partner.core_text(doc).split()
        return f"{text} {words[-1]}" if len(words) == 2 else text

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
        """ "Mrs. Garner" among Paul and Helen Garner is the woman."""
        gender = _title_gender(self.doc[occ.start : occ.core], self.lex)
        if gender is None or len(candidates) < 2:
            return candidates
        agreeing = [a for a in candidates if a.gender in (gender, None)]
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
        if len(candidates) > 1:
            by_surname_alone = [a for a in candidates if not self._called_by_first_name(a)]
            if by_surname_alone:
                candidates = by_surname_alone
        if len(candidates) == 1:
            return candidates[0]
        if named_so_far:
            return max(candidates, key=lambda a: last_seen[id(a)])
        return min(candidates, key=lambda a: positions.get(id(a), [10**9])[0])

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


_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


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
    for token in doc:
        if not _is_capitalised(token) or token.i == 0:
            continue
        before = doc[token.i - 1]
        if before.lower_ in {"a", "an"} and token.dep_ == "compound" and token.head.is_lower:
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


# --------------------------------------------------------------------------- references


@dataclass(slots=True)
class _Ref:
    actor: _Actor
    token: int  # the token that carries the reference (name root, pronoun, description head)
    start_char: int
    end_char: int
    via: str
    subject: bool
    sentence: int


@dataclass(slots=True)
class _Introduction:
    """A noun a person was introduced with: "actor" in "actor Matthew Perry"."""

    actor: _Actor
    token: int
    nouns: frozenset[str]
    modifiers: frozenset[str]


class _References:
    """Walks the document once, in order, resolving pronouns, descriptions and roles."""

    def __init__(self, doc: Doc, lex: ActorLexicon, occurrences: list[_Occurrence], sents: list[Sentence],
                 in_quote: bytearray) -> None:
        self.doc = doc
        self.lex = lex
        self.occurrences = occurrences
        self.sents = sents
        self.sent_starts = [s.start for s in sents]
        self.refs: list[_Ref] = []
        self.ref_at: dict[int, _Actor] = {}  # token index -> actor it refers to
        self.occurrence_at: dict[int, _Occurrence] = {}
        for occ in occurrences:
            for i in range(occ.start, occ.end):
                self.occurrence_at[i] = occ
        self.roots = {occ.root(doc).i: occ for occ in occurrences}
        self.in_quote = in_quote
        self.introduced_by_noun: dict[str, dict[int, _Introduction]] = defaultdict(dict)  # noun -> id(actor) -> latest
        self.introduced_by_group: dict[str, dict[int, _Introduction]] = defaultdict(dict)
        self.descriptor_tokens: set[int] = set()
        self.role_links: dict[tuple[int, str], _Actor] = {}  # (id(possessor), role) -> actor
        self.role_actors: dict[tuple[int, str], _Actor] = {}
        self.last_seen: dict[int, int] = {}  # id(actor) -> last token referring to it
        self.affiliations: list[tuple[_Actor, _Actor, str, int]] = []  # (actor, other, relation, token)
        self.named_affiliations: list[tuple[_Actor, _Actor, str, int]] = []
        self.org_kinds: dict[int, frozenset[str]] = {}  # id(actor) -> kinds of organisation, on demand
        self.org_occurrences: dict[int, list[_Occurrence]] = defaultdict(list)  # id(actor) -> its name occurrences
        for occ in occurrences:
            if occ.actor is not None and occ.actor.kind == ActorKind.ORGANIZATION:
                self.org_occurrences[id(occ.actor.resolved())].append(occ)
        self._first_named: dict[str, int] | None = None  # kind of organisation -> first token naming one
        self.unnamed_organisations: set[str] = set()  # description nouns first used for an organisation never named

    def sentence_of(self, token: Token) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token.idx) - 1)

    # -- the walk

    def walk(self) -> None:
        doc = self.doc
        introductions_by_token = self._introductions()
        history: deque[_Ref] = deque()
        for token in doc:
            sentence = self.sentence_of(token)
            while history and history[0].sentence < sentence - _PRONOUN_WINDOW:
                history.popleft()
            occ = self.occurrence_at.get(token.i)
            if occ is not None:
                if token.i == occ.start:
                    root = occ.root(doc)
                    ref = self._add(occ.actor, root, occ.start, occ.end, occ.via, root.dep_ in _SUBJECT_DEPS)
                    history.append(ref)
                    for intro in introductions_by_token.get(occ.start, ()):
                        self._introduce(intro)
                continue
            ref = None
            lower = token.lower_
            if token.tag_ in ("PRP", "PRP$") and (lower in _MALE_PRONOUNS or lower in _FEMALE_PRONOUNS):
                ref = self._pronoun(token, history)
            elif token.tag_ in ("PRP", "PRP$") and lower in _PLURAL_PRONOUNS:
                ref = self._organisation_pronoun(token, history)
            elif token.tag_ in ("PRP", "PRP$") and lower in _NEUTER_PRONOUNS:
                ref = self._organisation_it(token)
            elif token.tag_ in ("WP", "WDT") and lower in _RELATIVE_PRONOUNS:
                ref = self._relative_pronoun(token)
            elif token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.lex.role_relations:
                ref = self._role(token)
            if ref is None and token.pos_ == "NOUN" and token.i not in self.descriptor_tokens:
                ref = self._organisation_description(token, history) or self._description(token)
            if ref is not None:
                history.append(ref)

    def _add(self, actor: _Actor, token: Token, start: int, end: int, via: str, subject: bool) -> _Ref:
        doc = self.doc
        ref = _Ref(actor, token.i, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), via, subject, self.sentence_of(token))
        self.refs.append(ref)
        for i in range(start, end):
            self.ref_at[i] = actor
        self.last_seen[id(actor)] = token.i
        return ref

    # -- pronouns

    def _introduce(self, intro: _Introduction) -> None:
        for noun in intro.nouns:
            self.introduced_by_noun[noun][id(intro.actor)] = intro
            group = self.lex.description_group.get(noun)
            if group:
                self.introduced_by_group[group][id(intro.actor)] = intro

    def _pronoun(self, token: Token, history: deque[_Ref]) -> _Ref | None:
        if self.in_quote[token.i]:
            return None  # speech: "he" there is the speaker's world, not the narrative's
        gender = "male" if token.lower_ in _MALE_PRONOUNS else "female"
        sentence = self.sentence_of(token)
        excluded = self._finders(token) | ({self._clause_subject(token)} - {None})
        reporter = self._reporting_subject(token)
        # A subject in this sentence or the one before scores at least 6, anyone named only as
        # an object at most 5: a person mentioned in another clause's object never wins over a
        # compatible subject; a name that says the pronoun fits settles a tie. A subject two or
        # more sentences back counts less than the object of the sentence just before ("Mr
        # Tierney has not been charged. Detectives arrested Mr Coyle on 2 March. He was charged
        # the following day": Coyle). Roles ("his assistant") start 5 lower than names.
        scores: dict[int, tuple[float, int, _Actor]] = {}
        for ref in history:
            actor = ref.actor
            if actor.kind != ActorKind.PERSON or (actor.gender is not None and actor.gender != gender):
                continue
            if actor in excluded:
                continue
            distance = sentence - ref.sentence
            score = 5.0 * (actor.role is None) - distance
            if actor.gender == gender:  # "with host Nia Brooks on her podcast": known to be a she
                score += 1
            if actor is reporter:  # "As well as Perry, Musk has said he has been given ketamine"
                score += 3
            if ref.subject and self.doc[ref.token].head.dep_ != "relcl":  # "the number Mr Reid had used": aside
                score += 4 if distance == 0 else 2 if distance == 1 else 1
            elif self.doc[ref.token].dep_ == "poss":
                score -= 0.5  # "arrested Banks ... after Devin's death, and charged him": Banks
            previous = scores.get(id(actor))
            if previous is None or (score, ref.token) > previous[:2]:
                scores[id(actor)] = (score, ref.token, actor)
        if not scores:
            return None
        best = max(scores.values(), key=lambda s: (s[0], s[1]))[2]
        if best.gender is None:
            best.gender = gender  # "her client regretted his actions": his is then someone else
        return self._add(best, token, token.i, token.i + 1, PRONOUN, token.dep_ in _SUBJECT_DEPS)

    def _reporting_subject(self, pronoun: Token) -> _Actor | None:
        """Who says or thinks the clause a subject pronoun opens: in "X said he", X."""
        verb = _verb_of_opened_clause(pronoun)
        if verb is None or verb.lemma_.lower() in _FINDING_VERBS:
            return None
        subject = _subject_of(verb)
        if subject is None:  # "In addition to Perry, entrepreneur Elon Musk has stated": the parser
            for token in reversed(self.doc[verb.sent.start : verb.i]):  # hangs Musk off Perry
                if token.pos_ not in ("AUX", "ADV", "PART"):
                    subject = token if token.pos_ == "PROPN" else None
                    break
        return self._actor_of(subject) if subject is not None else None

    def _finders(self, pronoun: Token) -> set[_Actor]:
        """Who makes the official finding a subject pronoun's clause states: in "Medical Examiner
        Dr. Hannah Birkeland ruled that she had died", she is neither the office nor the doctor."""
        verb = _verb_of_opened_clause(pronoun)
        subject = _subject_of(verb) if verb is not None and verb.lemma_.lower() in _FINDING_VERBS else None
        if subject is None:
            return set()
        tokens = [subject, *(c for c in subject.children if c.dep_ == "appos")]
        return {actor for actor in map(self._actor_of, tokens) if actor is not None}

    def _clause_subject(self, pronoun: Token) -> _Actor | None:
        """The subject of the pronoun's own clause when the pronoun is an object there:
        in "Perry's assistant injected him", "him" cannot be the assistant."""
        if pronoun.tag_ != "PRP" or pronoun.lower_.endswith("self") or pronoun.dep_ in _SUBJECT_DEPS:
            return None
        verb = pronoun.head
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        subject = _subject_of(verb)  # "Jones sentenced Smith and ordered him": him is not Jones
        if subject is None and verb.dep_ == "xcomp":  # "Smith started injecting him": Smith injects
            head = verb.head
            controller = next((c for c in head.children if c.dep_ == "dobj"), None)  # "ordered Jones to pay him"
            subject = controller if controller is not None else _subject_of(head)
        return self.ref_at.get(subject.i) if subject is not None else None

    def _actor_of(self, token: Token) -> _Actor | None:
        """The actor a token refers to, also for names later in the sentence than the walk has reached."""
        actor = self.ref_at.get(token.i)
        if actor is None:
            occ = self.occurrence_at.get(token.i)
            actor = occ.actor if occ is not None else None
        return actor.resolved() if actor is not None else None

    def _organisation_it(self, token: Token) -> _Ref | None:
        """ "it"/"its" for an organisation only where the parse ties the pronoun to one: the subject
        of its own clause ("the FDA said in its letter"), of the clause it depends on ("St. Mary's
        said it would"), of the clause it is coordinated with ("the agency approved X, and in 2020
        it approved Y"), or the previous sentence's subject when nothing else was named since.
        Anywhere else "it" far more often means a drug or a product."""
        if self.in_quote[token.i]:
            return None
        subject: Token | None = None
        if token.lower_ == "its":
            verb = _governing_verb(token)
            subject = _subject_of(verb) if verb is not None else None
        elif token.dep_ in _SUBJECT_DEPS:
            verb = token.head
            parent = verb.head
            if verb.dep_ in ("ccomp", "advcl") and parent.i != verb.i:
                subject = _subject_of(parent)
            elif verb.dep_ == "conj" and any(c.dep_ == "cc" and parent.i < c.i < verb.i for c in parent.children):
                subject = _subject_of(parent)
            elif verb.dep_ == "ROOT":
                subject = self._previous_main_subject(token)
        if subject is None or subject.i == token.i:
            return None
        actor = self._actor_of(subject)
        if actor is None or actor.kind != ActorKind.ORGANIZATION:
            return None
        return self._add(actor, token, token.i, token.i + 1, PRONOUN, token.dep_ in _SUBJECT_DEPS)

    def _previous_main_subject(self, token: Token) -> Token | None:
        """The subject of the previous sentence's main verb, when that verb has no object that
        could be meant instead ("The FDA approved the drug. It ..." may mean the drug)."""
        sentence = token.sent
        if sentence.start == 0:
            return None
        root = self.doc[sentence.start - 1].sent.root
        subject = _subject_of(root)
        if subject is None:
            return None
        for child in root.children:
            if child.dep_ in ("dobj", "attr", "oprd") and child.pos_ in ("NOUN", "PROPN"):
                other = self._actor_of(child)
                if other is None or other is not self._actor_of(subject):
                    return None
        return subject

    def _relative_pronoun(self, token: Token) -> _Ref | None:
        """ "Ruth Hale, who pleaded guilty": the subject of a relative clause refers to the noun it describes."""
        if token.dep_ not in _SUBJECT_DEPS or token.head.dep_ != "relcl":
            return None
        noun = token.head.head
        wanted = _RELATIVE_PRONOUNS[token.lower_]
        if wanted == ActorKind.PERSON and noun.ent_type_ in ("GPE", "LOC") and noun.dep_ == "pobj":
            # "Tobias Wren, a line cook from Columbus, Ohio, who died ...": no place is a "who";
            # the parser hangs the clause on the last word of the description.
            noun = noun.head.head
        actor = self.ref_at.get(noun.i)
        if actor is None and noun.dep_ == "appos":  # "Jane Roe, a nurse who ..."
            actor = self.ref_at.get(noun.head.i)
        if actor is None or (wanted is not None and actor.kind != wanted):
            return None
        return self._add(actor, token, token.i, token.i + 1, PRONOUN, True)

    # -- organisations named by a description

    def _organisation_description(self, token: Token, history: deque[_Ref]) -> _Ref | None:
        """ "the agency", "the company": the nearest organisation of a kind the noun can name,
        in this sentence or the two before; else the latest subject of no known kind. A noun
        whose first use named no organisation ("the harbor authority") keeps meaning that one."""
        lex = self.lex
        lemma = token.lemma_.lower()
        kinds = lex.organisation_descriptions.get(lemma)
        if kinds is None or token.tag_ != "NN" or token.i in self.occurrence_at or token.dep_ == "compound":
            return None
        if lemma in self.unnamed_organisations:
            return None
        determiner = token.left_edge
        if determiner.dep_ != "det" or determiner.lower_ not in ("the", "this") or determiner.i >= token.i:
            return None
        if any((c.dep_ in ("relcl", "acl") and _restricts(c, token)) or (c.dep_ == "prep" and c.lower_ == "of")
               for c in token.children):
            return None  # "the company that makes it", "the board of directors": someone new
        if any(c.dep_ == "appos" and c.i in self.occurrence_at for c in token.children) or (
            token.dep_ == "appos" and token.head.i in self.occurrence_at
        ):
            return None  # "the agency, the FDA": the name itself is there
        sentence = self.sentence_of(token)
        recent = [
            r for r in reversed(history)
            if r.actor.kind == ActorKind.ORGANIZATION and sentence - r.sentence <= _PRONOUN_WINDOW
        ]
        modifiers = {fold(c.text) for c in token.subtree if c.i < token.i and _is_capitalised(c) and c.dep_ != "det"}
        compatible = [r for r in recent if self._kinds(r.actor) & kinds]
        if modifiers:  # "the Texas board"
            compatible = [r for r in compatible if modifiers <= set(fold(r.actor.canonical).split())] or compatible
        kindless = [r for r in recent if not self._kinds(r.actor)]
        # A subject whose name tells no kind, or the only such organisation in reach
        # ("Elevate Mind's story went differently ... the company's registration").
        # Only a business or public-body noun falls back so ("Health Canada has recalled ..., the
        # agency said"): "the medical examiner" is never a talk show.
        unkinded = [] if not kinds & {"company", "public_body"} else (
            [r for r in kindless if r.subject] or (kindless if len({id(r.actor) for r in kindless}) == 1 else []))
        # "the clinic" is a clinic named before, even far back, rather than a hospital nearer
        # that it might also mean.
        exact = [r for r in compatible if lemma in self._kinds(r.actor)]
        only_exact = self._only_organisation_of(frozenset({lemma}), token.i) if lemma in kinds and not exact else None
        if exact or (compatible and only_exact is None):
            chosen = self._parent_organisation((exact or compatible)[0])
        elif only_exact is not None:
            chosen = only_exact
        elif unkinded:
            chosen = unkinded[0].actor
        else:
            only = self._only_organisation_of(kinds, token.i)
            if only is None:
                if not self._named_before_sentence_end(token, kinds):
                    self.unnamed_organisations.add(lemma)  # no such organisation named so far: a new one
                return None
            chosen = only
        start = determiner.i
        for i in range(start, token.i):  # keep spans apart
            if i in self.occurrence_at:
                start = self.occurrence_at[i].end
        return self._add(chosen, token, start, token.i + 1, DESCRIPTION, token.dep_ in _SUBJECT_DEPS)

    def _only_organisation_of(self, kinds: frozenset[str], before: int) -> _Actor | None:
        """The one organisation of these kinds named before this point, however far back: a
        story that has named one board calls it "the board" pages later."""
        found = {id(actor): actor for key, occs in self.org_occurrences.items()
                 for actor in [occs[0].actor.resolved()]
                 if any(o.start < before for o in occs) and self._kinds(actor) & kinds}
        return next(iter(found.values())) if len(found) == 1 else None

    def _named_before_sentence_end(self, token: Token, kinds: frozenset[str]) -> bool:
        """Whether an organisation of one of these kinds is named before the end of the token's sentence."""
        if self._first_named is None:
            self._first_named = {}
            for occ in self.occurrences:
                if occ.actor is not None and occ.actor.kind == ActorKind.ORGANIZATION:
                    for kind in self._kinds(occ.actor.resolved()):
                        self._first_named.setdefault(kind, occ.start)
        end = token.sent.end
        return any(self._first_named.get(kind, end) < end for kind in kinds)

    def _parent_organisation(self, ref: _Ref) -> _Actor:
        """ "the agency's Office of X": a unit named as another organisation's belongs to it, and
        "the agency" later means the parent, not the unit."""
        for child in self.doc[ref.token].children:
            if child.dep_ == "poss":
                owner = self.ref_at.get(child.i)
                if owner is not None and owner.kind == ActorKind.ORGANIZATION and owner is not ref.actor:
                    return owner
        return ref.actor

    def _kinds(self, actor: _Actor) -> frozenset[str]:
        """Kinds of organisation an actor is, from the words of its names and its appositions."""
        known = self.org_kinds.get(id(actor))
        if known is not None:
            return known
        table = self.lex.organisation_kinds
        kinds: set[str] = set()
        for name in (actor.canonical, *actor.forms):
            words = [w for w in re.split(r"[\s,]+", fold(name)) if w]
            paired = -1  # a word read with the one before it: "medical center" is a hospital, not a clinic
            for i, word in enumerate(words):
                pair = table.get(f"{word} {words[i + 1]}") if i + 1 < len(words) else None
                if pair:
                    kinds |= pair
                    paired = i + 1
                if i != paired:
                    kinds |= table.get(word, frozenset())
        for occ in self.org_occurrences.get(id(actor), ()):  # "Acme, a chain of clinics"
            for child in occ.root(self.doc).children:
                if child.dep_ == "appos" and child.i >= occ.end:
                    kinds |= table.get(child.lemma_.lower(), frozenset())
        self.org_kinds[id(actor)] = frozenset(kinds)
        return self.org_kinds[id(actor)]

    def _organisation_pronoun(self, token: Token, history: deque[_Ref]) -> _Ref | None:
        """ "they" only when the latest subject, in this sentence or the one before, is one organisation.
        ("it" and "its" have their own, stricter rule: `_organisation_it`.)"""
        if self.in_quote[token.i]:
            return None
        subject = self._latest_subject(token)
        if subject is None or subject.tag_ in ("NNS", "NNPS") or list(subject.conjuncts):
            return None  # "Clinics like Avesta and ... underscored their": several, or not an actor
        actor = self.ref_at.get(subject.i)
        if actor is None or actor.kind != ActorKind.ORGANIZATION:
            return None
        return self._add(actor, token, token.i, token.i + 1, PRONOUN, token.dep_ in _SUBJECT_DEPS)

    def _latest_subject(self, token: Token) -> Token | None:
        sentence = token.sent
        for t in reversed(self.doc[sentence.start : token.i]):
            if t.dep_ in _SUBJECT_DEPS:
                return t
        if sentence.start == 0:
            return None
        previous = self.doc[sentence.start - 1].sent
        for t in reversed(previous):
            if t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT":
                return t
        return None

    # -- definite descriptions

    def _introductions(self) -> dict[int, list[_Introduction]]:
        """Nouns each person is introduced with, before ("actor Matthew Perry") or after the name (apposition)."""
        doc, lex = self.doc, self.lex
        found: dict[int, list[_Introduction]] = defaultdict(list)
        for occ in self.occurrences:
            actor = occ.actor
            if actor is None or actor.kind != ActorKind.PERSON:
                continue
            nouns: set[str] = set()
            modifiers: set[str] = set()
            tokens = self._prenominal(occ)
            for t in tokens:
                self.descriptor_tokens.add(t.i)
                lemma = t.lemma_.lower()
                if t.pos_ == "NOUN" or lemma in lex.description_group:
                    nouns.add(lemma)
                if _is_capitalised(t) and lemma not in lex.description_group:
                    modifiers.add(fold(t.text))
            if tokens and actor.description is None:
                actor.description = " ".join(doc[tokens[0].i : tokens[-1].i + 1].text.split())
            for noun in self._appositions(occ):
                self.descriptor_tokens.add(noun.i)
                nouns.add(noun.lemma_.lower())
                modifiers.update(fold(c.text) for c in noun.children if c.dep_ in ("compound", "nmod") and _is_capitalised(c))
                if actor.description is None:
                    actor.description = _apposition_text(noun, stop=occ.start if noun.i < occ.start else None)
            for title in doc[occ.start : occ.core]:
                described = lex.descriptive_titles.get(fold(title.text))
                if described:
                    nouns.add(described)
            for noun in nouns:
                if actor.gender is None and noun in lex.female_nouns:
                    actor.gender = "female"
                elif actor.gender is None and noun in lex.male_nouns:
                    actor.gender = "male"
            if nouns:
                found[occ.start].append(_Introduction(actor, occ.start, frozenset(nouns), frozenset(modifiers)))
        return found

    def _prenominal(self, occ: _Occurrence) -> list[Token]:
        """The descriptive words right before a name: "billionaire entrepreneur", "“Friends” star"."""
        doc = self.doc
        tokens: list[Token] = []
        i = occ.start - 1
        while i >= 0 and "\n" not in doc[i].whitespace_:
            t = doc[i]
            label = t.ent_type_
            quoted = t.text in _OPENING_QUOTES or t.text in _CLOSING_QUOTES
            if quoted or t.tag_ == "HYPH":
                tokens.append(t)
            elif i in self.occurrence_at:
                other = self.occurrence_at[i]
                if other.kind != ActorKind.ORGANIZATION:
                    break
                tokens.append(t)  # "Tesla owner Elon Musk"
            elif t.pos_ in ("NOUN", "ADJ", "PROPN"):
                if label and label not in ("WORK_OF_ART", "ORG") and not self._quoted(t):
                    break  # another entity: "Getty Images Matthew Perry" is a credit, not a description
                tokens.append(t)
            else:
                break
            i -= 1
        tokens.reverse()
        while tokens and tokens[0].text in _CLOSING_QUOTES and tokens[0].text not in _OPENING_QUOTES:
            tokens.pop(0)
        while tokens and (tokens[0].pos_ not in ("NOUN", "ADJ", "PROPN") and tokens[0].text not in _OPENING_QUOTES):
            tokens.pop(0)
        head = tokens[-1] if tokens else None
        if head is None or not (
            (head.pos_ == "NOUN" and head.text.islower()) or fold(head.lemma_) in self.lex.description_group
        ):
            return []  # the word next to the name must be a describing noun, not "Getty Images"
        return tokens

    def _quoted(self, token: Token) -> bool:
        doc = self.doc
        return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text in _OPENING_QUOTES and doc[token.i + 1].text in _CLOSING_QUOTES

    def _appositions(self, occ: _Occurrence) -> list[Token]:
        """Nouns in apposition after a name ("Rupert McShane, a psychiatrist ..."), not the next name's descriptors."""
        doc = self.doc
        root = occ.root(doc)
        nouns = []
        for child in root.children:
            if child.dep_ != "appos" or child.i < occ.end or child.pos_ != "NOUN":
                continue
            if doc[child.left_edge.i - 1].text not in (",", "(", "–", "—"):
                continue  # an apposition is set off by a comma; "Perry: Diving into ..." is a heading
            nxt = child.i + 1
            if nxt in self.occurrence_at and self.occurrence_at[nxt].kind == ActorKind.PERSON:
                continue  # "Perry, billionaire entrepreneur Elon Musk": describes Musk
            nouns.append(child)
        head = root.head
        if (
            root.dep_ == "appos"
            and head.pos_ == "NOUN"
            and head.i < occ.start
            and head.i not in self.occurrence_at
            and doc[occ.start - 1].text == ","
        ):
            nouns.append(head)  # "A spokesperson for the FDA, Jane Roe, ..."
        return nouns

    def _description(self, token: Token) -> _Ref | None:
        """ "the actor", "the “Friends” star", "the X and Tesla owner" → a person introduced earlier with that noun."""
        lex = self.lex
        lemma = token.lemma_.lower()
        if token.tag_ != "NN" or (lemma not in lex.description_group and lemma not in self.introduced_by_noun):
            return None
        determiner = token.left_edge  # "the" may hang off a modifier: "the X and Tesla owner"
        if determiner.dep_ != "det" or determiner.lower_ not in ("the", "this") or determiner.i >= token.i:
            return None
        if any(c.dep_ in ("relcl", "acl") or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children):
            return None  # "the doctor who treated him" introduces someone new
        if token.head.i in self.roots or any(c.i in self.roots and c.dep_ == "appos" for c in token.children):
            return None  # "the actor Matthew Perry" is an introduction
        if token.dep_ == "compound":
            return None
        modifiers = {fold(c.text) for c in token.subtree if c.i < token.i and _is_capitalised(c) and c.dep_ != "det"}
        owned = self._owned_by(token, modifiers)
        if owned is not None:
            chosen = owned
        else:
            group = lex.description_group.get(lemma)
            related = self.introduced_by_noun.get(lemma) or (self.introduced_by_group.get(group) if group else None)
            if not related:
                return None
            chosen = max(
                related.values(), key=lambda i: (len(i.modifiers & modifiers), self.last_seen.get(id(i.actor), i.token))
            ).actor
        start = determiner.i
        for i in range(start, token.i):  # keep spans apart: "the X and Tesla owner" → "owner"
            if i in self.occurrence_at:
                start = self.occurrence_at[i].end
        return self._add(chosen, token, start, token.i + 1, DESCRIPTION, token.dep_ in _SUBJECT_DEPS)

    def _owned_by(self, token: Token, modifiers: set[str]) -> _Actor | None:
        """The person the document already says owns/leads the organisations modifying this noun."""
        relation = self.lex.relation_nouns.get(token.lemma_.lower())
        if relation is None or not modifiers:
            return None
        holders = {
            id(a): a
            for a, org, rel, at in self.named_affiliations
            if rel == relation and at < token.i and fold(org.canonical) in modifiers
        }
        return next(iter(holders.values())) if len(holders) == 1 else None

    # -- roles

    def _role(self, token: Token) -> _Ref | None:
        """ "Perry's assistant", "his doctor", "Perry's live-in assistant Kenneth Iwamasa"."""
        lex = self.lex
        if token.tag_ not in ("NN", "NNP") or token.i in self.occurrence_at:
            return None
        role = token.lemma_.lower()
        relation = lex.role_relations[role]
        possessive = self._possessive_before(token) or next((c for c in token.children if c.dep_ == "poss"), None)
        named = self._named_holder(token)
        if possessive is None:
            return None
        possessor = self.ref_at.get(possessive.i)
        if possessor is None or (possessor.kind == ActorKind.ORGANIZATION and relation in _PERSONAL_RELATIONS):
            return None
        if named is not None and named.actor is not None and named.kind == ActorKind.PERSON:
            holder = named.actor
            if holder is possessor:
                return None
            holder.description = role_description(possessor.canonical, role)
            self.role_links[(id(possessor), role)] = holder
        else:
            holder = self.role_links.get((id(possessor), role)) or self._relative_by_surname(possessor, role, relation) \
                or self._role_actor(possessor, role, relation)
        if holder.gender is None:
            holder.gender = "female" if role in lex.female_nouns else "male" if role in lex.male_nouns else None
        self.affiliations.append((holder, possessor, relation, token.i))
        self.descriptor_tokens.add(token.i)
        return self._add(holder, token, token.i, token.i + 1, ROLE, token.dep_ in _SUBJECT_DEPS)

    def _possessive_before(self, token: Token) -> Token | None:
        """The possessor written before a role noun, read linearly because the parse often
        misattaches it: "Matthew Perry's live-in assistant" → Perry, "his longtime doctor" → his."""
        doc = self.doc
        i = token.i - 1
        for _ in range(5):
            if i < 0:
                return None
            t = doc[i]
            if t.tag_ == "POS":
                return doc[i - 1] if i > 0 else None
            if t.tag_ == "PRP$":
                return t
            if t.pos_ in ("ADJ", "ADV") or t.tag_ == "HYPH" or (t.pos_ in ("NOUN", "ADP", "PART") and t.text.islower()):
                i -= 1  # "live-in", "longtime", "family"
                continue
            return None
        return None

    def _named_holder(self, token: Token) -> _Occurrence | None:
        """The person a role noun names: "assistant Kenneth Iwamasa", "doctor, Salvador Plasencia,",
        "Kenneth Iwamasa, Perry's assistant"."""
        doc = self.doc
        following = token.i + 1
        if following < len(doc) and doc[following].text == ",":
            following += 1
        occ = self.occurrence_at.get(following)
        if occ is not None and occ.start == following and occ.kind == ActorKind.PERSON:
            return occ
        if token.dep_ == "appos" and token.head.i in self.roots and token.head.i < token.i:
            return self.roots[token.head.i]
        for child in token.children:
            if child.dep_ == "appos" and child.i in self.roots:
                return self.roots[child.i]
        return None

    def _relative_by_surname(self, possessor: _Actor, role: str, relation: str) -> _Actor | None:
        """ "Mrs Lomax ... her daughter's death": in a story naming one other Lomax, the
        daughter is that person (when the role's gender does not rule them out)."""
        if relation != "FAMILY_OF" or possessor.kind != ActorKind.PERSON:
            return None
        surname = fold(possessor.canonical).split()[-1:]
        if not surname or len(possessor.canonical.split()) < 2:
            return None
        gender = "female" if role in self.lex.female_nouns else "male" if role in self.lex.male_nouns else None
        relatives = {
            id(actor): actor for occ in self.occurrences if occ.actor is not None
            for actor in [occ.actor.resolved()]
            if actor is not possessor and actor.kind == ActorKind.PERSON and actor.role is None
            and len(actor.canonical.split()) >= 2 and fold(actor.canonical).split()[-1:] == surname
            and (gender is None or actor.gender in (None, gender))
        }
        if len(relatives) != 1:
            return None
        relative = next(iter(relatives.values()))
        self.role_links[(id(possessor), role)] = relative
        return relative

    def _role_actor(self, possessor: _Actor, role: str, relation: str) -> _Actor:
        key = (id(possessor), role)
        actor = self.role_actors.get(key)
        if actor is None:
            actor = _Actor(
                kind=ActorKind.PERSON,
                canonical=role_actor_name(possessor.canonical, role),
                first_token=len(self.doc),
                description=role_description(possessor.canonical, role),
                role=RoleLink(possessor.id, role, relation),
            )
            self.role_actors[key] = actor
        return actor

    def settle_roles(self) -> None:
        """A role the document later names ("... his assistant, Kenneth Iwamasa") is that person throughout."""
        for key, actor in self.role_actors.items():
            named = self.role_links.get(key)
            if named is not None and named is not actor:
                actor.merged_into = named
        for ref in self.refs:
            ref.actor = ref.actor.resolved()
        self.affiliations = [(a.resolved(), o.resolved(), r, t) for a, o, r, t in self.affiliations]


def _clause_head(token: Token) -> Token:
    """The verb heading the clause a token is in (the token itself for a verb)."""
    for _ in range(8):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _governing_verb(token: Token) -> Token | None:
    head = _clause_head(token)
    return head if head.pos_ in ("VERB", "AUX") else None


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with ("X sentenced Y and ordered him").
    Of two, the nearer: "As well as Perry, Musk has said" is Musk saying."""
    for _ in range(4):
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        subject = max(subjects, key=lambda c: (c.i < verb.i, c.i if c.i < verb.i else -c.i), default=None)
        if subject is not None or verb.dep_ != "conj" or verb.head.i == verb.i:
            return subject
        verb = verb.head
    return None


def _relation_bigram(noun: Token) -> str:
    """ "chief executive": a post named by a modifier and its noun."""
    modifier = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.i == noun.i - 1), None)
    return f"{modifier.lower_} {noun.lemma_.lower()}" if modifier is not None else ""


def _quotation_mask(doc: Doc) -> bytearray:
    """1 for tokens inside direct speech; straight quotes toggle, a line break closes any open quote."""
    mask = bytearray(len(doc))
    inside = False
    for token in doc:
        text = token.text
        if text in ("“", "«"):
            inside = True
        elif text in ("”", "»"):
            inside = False
            mask[token.i] = 1
            continue
        elif text == '"':
            inside = not inside
        mask[token.i] = 1 if inside else 0
        if "\n" in token.whitespace_ or token.is_space and "\n" in token.text:
            inside = False
    return mask


def _apposition_text(noun: Token, stop: int | None = None) -> str:
    """ "a psychiatrist at the University of Oxford who runs ..." → "psychiatrist at the University of Oxford".
    `stop` ends the text before the name when the noun comes first ("A spokesperson for the FDA, Jane Roe")."""
    doc = noun.doc
    start, end = noun.left_edge.i, noun.right_edge.i + 1
    if stop is not None:
        end = min(end, stop)
    for child in noun.children:
        if child.dep_ in ("relcl", "acl", "punct") and child.i > noun.i:
            end = min(end, child.left_edge.i)
    for i in range(noun.i + 1, end):
        if doc[i].text in (",", ";", "(", "–", "—") or doc[i].tag_ == "WP":
            end = i
            break
    while start < noun.i and (doc[start].dep_ == "det" or doc[start].tag_ == "PRP$" or doc[start].is_punct):
        start += 1
    return " ".join(doc[start:end].text.split())


# --------------------------------------------------------------------------- affiliations


class _Affiliations:
    """Affiliations the parse states: appositions, prepositions, modifiers and verbs."""

    def __init__(self, refs: _References, lex: ActorLexicon) -> None:
        self.refs = refs
        self.doc = refs.doc
        self.lex = lex

    def org_at(self, token: Token) -> _Actor | None:
        occ = self.refs.occurrence_at.get(token.i)
        if occ is None or occ.actor is None:
            return None
        actor = occ.actor.resolved()
        return actor if actor.kind == ActorKind.ORGANIZATION else None

    def from_names(self) -> list[tuple[_Actor, _Actor, str, int]]:
        """Affiliations around each person's name (usable before pronouns are resolved)."""
        found = []
        for occ in self.refs.occurrences:
            if occ.actor is None or occ.actor.resolved().kind != ActorKind.PERSON:
                continue
            actor = occ.actor.resolved()
            root = occ.root(self.doc)
            found += self._around_noun(actor, root, _NAME_PREPOSITIONS, compounds=False)
            for noun in self.refs._appositions(occ):
                found += self._around_noun(actor, noun, _AFFILIATION_PREPOSITIONS, compounds=True)
            before = self.doc[occ.start - 1] if occ.start > 0 else None
            if before is not None and (
                before.pos_ == "NOUN" or fold(before.lemma_) in self.lex.relation_nouns or fold(before.lemma_) in self.lex.description_group
            ):
                found += self._around_noun(actor, before, frozenset(), compounds=True)  # "Tesla owner Elon Musk"
        return found

    def from_other_references(self) -> list[tuple[_Actor, _Actor, str, int]]:
        """Affiliations around descriptions and roles: "the X and Tesla owner"."""
        found = []
        for ref in self.refs.refs:
            if ref.via in (DESCRIPTION, ROLE) and ref.actor.kind == ActorKind.PERSON:
                found += self._around_noun(ref.actor, self.doc[ref.token], _AFFILIATION_PREPOSITIONS, compounds=True)
        return found

    def _around_noun(self, actor: _Actor, noun: Token, prepositions: frozenset[str], compounds: bool) -> list[tuple[_Actor, _Actor, str, int]]:
        lex = self.lex
        lemma = noun.lemma_.lower()
        if lemma in lex.non_affiliation_nouns:
            return []
        named_relation = lex.relation_nouns.get(_relation_bigram(noun)) or lex.relation_nouns.get(lemma)
        found = []
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in prepositions:
                if child.lower_ == "of" and named_relation is None and noun.pos_ == "NOUN":
                    continue  # "a patient of the clinic" is no job
                for obj in child.children:
                    if obj.dep_ != "pobj":
                        continue
                    for target in (obj, *obj.conjuncts):
                        org = self.org_at(target)
                        if org is not None:
                            found.append((actor, org, named_relation or WORKS_AT, noun.i))
            elif compounds and child.dep_ in ("compound", "nmod") and child.i < noun.i:
                for target in (child, *child.conjuncts):
                    org = self.org_at(target)
                    if org is not None:
                        found.append((actor, org, named_relation or WORKS_AT, noun.i))
        return found

    def from_verbs(self) -> list[tuple[_Actor, _Actor, str, int]]:
        """ "who runs Save Minds", "she founded Avesta", "he works at the clinic of X"."""
        lex, found = self.lex, []
        for verb in self.doc:
            lemma = verb.lemma_.lower()
            direct = lex.affiliation_verbs.get(lemma)
            prepositional = lex.affiliation_prepositional_verbs.get(lemma)
            if (direct is None and prepositional is None) or verb.pos_ not in ("VERB", "AUX"):
                continue
            if any(c.dep_ == "neg" for c in verb.children):
                continue
            subject = self._subject(verb)
            if subject is None:
                continue
            if direct is not None:
                for obj in (c for c in verb.children if c.dep_ == "dobj"):
                    for target in (obj, *obj.conjuncts):
                        found += self._object(subject, target, direct, verb.i)
            if prepositional is not None:
                for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositional):
                    for obj in (c for c in prep.children if c.dep_ == "pobj"):
                        for target in (obj, *obj.conjuncts):
                            found += self._object(subject, target, prepositional[prep.lower_], verb.i)
        return found

    def _object(self, subject: _Actor, target: Token, relation: str, at: int) -> list[tuple[_Actor, _Actor, str, int]]:
        org = self.org_at(target)
        if org is not None:
            return [(subject, org, relation, at)] if org is not subject else []
        # "runs an NHS ketamine treatment clinic": the organisation owns the thing run
        owners = [self.org_at(c) for c in target.children if c.dep_ in ("compound", "nmod", "poss")]
        service = self.lex.service_relations.get(relation)
        return [(subject, o, service, at) for o in owners if o is not None and service and o is not subject]

    def _subject(self, verb: Token) -> _Actor | None:
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return None
        if subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
            token = verb.head  # climb from the relative clause to the person it describes
            for _ in range(8):
                actor = self.refs.ref_at.get(token.i)
                if actor is not None:
                    return actor.resolved()
                if token.pos_ in ("VERB", "AUX") or token.head is token:
                    return None
                token = token.head
            return None
        actor = self.refs.ref_at.get(subject.i)
        return actor.resolved() if actor is not None else None


# --------------------------------------------------------------------------- the stage


def analyse_actors(doc: Doc, document: DocumentRecord) -> ActorAnalysis:
    """Every actor the document refers to, each reference, mentions per sentence and stated affiliations."""
    if doc.text != document.text:
        raise ValueError(f"document {document.id} ({document.path}): the parsed text differs from the document text")
    lex = get_lexicon()
    sents = sentences(doc)
    names = _Names(doc, lex, document.publisher)
    found = names.find()
    in_quote = _quotation_mask(doc)  # direct speech, read by both passes below
    clusters = _Clusters(doc, lex, in_quote)
    occurrences = clusters.build(found)
    occurrences = sorted(occurrences + _find_missed_mentions(doc, occurrences, lex, clusters), key=lambda o: o.start)

    refs = _References(doc, lex, occurrences, sents, in_quote)
    affiliations = _Affiliations(refs, lex)
    refs.named_affiliations = affiliations.from_names()
    refs.walk()
    refs.settle_roles()
    stated = refs.named_affiliations + refs.affiliations + affiliations.from_other_references() + affiliations.from_verbs()

    actors: dict[str, _Actor] = {}
    for ref in refs.refs:
        actors.setdefault(ref.actor.id, ref.actor)
    records = {aid: _record(actor) for aid, actor in actors.items()}
    text = document.text  # Doc.text is rebuilt on every access
    spans = [
        ActorSpan(ref.actor.id, ref.start_char, ref.end_char, text[ref.start_char : ref.end_char], ref.via)
        for ref in refs.refs
    ]
    analysis = ActorAnalysis(
        actors=records,
        spans=_non_overlapping(spans),
        mentions=_mentions(spans, sents),
        affiliations=_affiliation_records(stated, doc, sents, set(records)),
        roles={a.id: a.role for a in actors.values() if a.role is not None},
        programmes=frozenset(a.id for a in actors.values() if _without_article(fold(a.canonical)) in names.programme_names),
    )
    log.debug(
        "actors.analysed", document=document.id, actors=len(records), spans=len(analysis.spans),
        affiliations=len(analysis.affiliations),
    )
    return analysis


def _record(actor: _Actor) -> ActorRecord:
    aliases = tuple(f for f in actor.forms if f != actor.canonical and any(ch.isupper() for ch in f))
    return ActorRecord(actor.id, actor.canonical, actor.kind, aliases, actor.description)


def _non_overlapping(spans: list[ActorSpan]) -> list[ActorSpan]:
    spans = sorted(spans, key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[ActorSpan] = []
    for span in spans:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _mentions(spans: list[ActorSpan], sents: list[Sentence]) -> list[ActorMention]:
    starts = [s.start for s in sents]
    seen: dict[tuple[str, int], None] = {}
    for span in sorted(spans, key=lambda s: s.start):
        i = bisect.bisect_right(starts, span.start) - 1
        if i >= 0 and span.start < sents[i].end:
            seen.setdefault((span.actor_id, i), None)
    return [ActorMention(aid, sents[i].text, sents[i].start, sents[i].end) for aid, i in seen]


def _affiliation_records(
    stated: list[tuple[_Actor, _Actor, str, int]], doc: Doc, sents: list[Sentence], known: set[str]
) -> list[Affiliation]:
    starts = [s.start for s in sents]
    result: dict[tuple[str, str, str, int], Affiliation] = {}
    for actor, other, relation, token in stated:
        actor, other = actor.resolved(), other.resolved()
        if actor is other or actor.id not in known or other.id not in known:
            continue
        i = bisect.bisect_right(starts, doc[token].idx) - 1
        if i < 0:
            continue
        sent = sents[i]
        key = (actor.id, other.id, relation, sent.start)
        result.setdefault(key, Affiliation(actor.id, other.id, relation, sent.text, sent.start, sent.end))
    return sorted(result.values(), key=lambda a: (a.start, a.actor_id, a.other_id, a.relation))


# --------------------------------------------------------------------------- across documents


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
