"""References: pronouns, definite descriptions and roles that refer back to an actor."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict, deque
from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from loaders.actors.base import (
    DESCRIPTION,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    PRONOUN,
    ROLE,
    RoleLink,
    _CLOSING_QUOTES,
    _NEUTER_PRONOUNS,
    OPENING_QUOTES,
    _PERSONAL_RELATIONS,
    _PLURAL_PRONOUNS,
    _PRONOUN_WINDOW,
    _RELATIVE_PRONOUNS,
    _SUBJECT_DEPS,
)
from loaders.actors.clusters import _restricts
from loaders.actors.lexicon import ActorLexicon
from loaders.actors.names import (
    _FINDING_VERBS,
    _followed_by_age,
    _is_capitalised,
    _verb_of_opened_clause,
    fold,
    role_actor_name,
    role_description,
)
from loaders.actors.occurrences import _Actor, _Occurrence
from loaders.nlp import clause_verb
from loaders.records import ActorKind, Sentence

_SPEAKING_FOR = frozenset({"REPRESENTS", "SPOKESPERSON_FOR"})  # a lawyer's, a spokesperson's


# The story's subject, out of a pronoun's reach, still competes for it: as a name (5, see
# _pronoun's scores) told a sentence beyond the window, never over a subject just before.
_TOPIC_SCORE = 5.0 - (_PRONOUN_WINDOW + 1)
_TOPIC_MENTIONS = 3
# What a person does or goes through in their own case, told with a possessive before their name.
_OWN_ACTS = frozenset({"arrest", "conviction", "indictment", "sentencing", "sentence", "plea", "trial", "acquittal",
                       "release", "arraignment", "appearance", "hearing", "interview", "statement", "testimony"})
_FIRST_PERSON = frozenset({"i", "me", "my", "myself", "mine"})
# A transcript's speaker label opening a line: "LINDA AMBROSE: ...", "DEVIN ACOSTA, HOST:", "HOLT: ...".
_SPEAKER_LABEL_RE = re.compile(r"(?m)^[ \t]*(?:\*\*)?(?:[A-Z]{1,4}\. )?(?P<name>[A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,3})(?:, [A-Z][A-Z ]+)?:(?:\*\*)?(?=\s)")
# How many sentences must speak in the first person, outside quotation marks, for a story to be told in it.
_NARRATED_SENTENCES = 3
# A question-and-answer interview's question: a short line ending in "?", or opening with "Q:".
_QUESTION_LINE_RE = re.compile(r"(?m)^[ \t]*(?:(?:\*\*|__)?Q[:.].*|(?:\*\*|__)?[^\n]{3,160}\?(?:\*\*|__)?[ \t]*)$")
_INTERVIEW_WORDS = frozenset({"speak", "talk", "interview", "sit", "spoke", "talked"})
# A first-person writer saying who they are: "My name is Alan Cho."
_SELF_INTRODUCTION_RE = re.compile(r"\bMy name is\s+(?P<name>[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+){1,2})(?=[.,;])")


# A byline's shape: "By ...", a line in single emphasis ("*News — Aisling Carter, London*"), a
# dash between a label and a name, or a writer's title.
_BYLINE_RE = re.compile(
    r"^\s*(?:by\s|\*(?!\*)|_(?!_))|\s[—–-]\s|\b(?:reporter|correspondent|editor|staff writer|contributor|columnist)s?\b",
    re.IGNORECASE)


# What someone holds, which does nothing of itself: "suspended his license. In 2019 it reprimanded him".
_HELD_PAPERS = frozenset({"license", "licence", "licenses", "licences", "registration", "permit", "certificate",
                          "accreditation", "privilege", "privileges"})


@dataclass(slots=True)
class _Ref:
    actor: _Actor
    token: int  # the token that carries the reference (name root, pronoun, description head)
    start_char: int
    end_char: int
    via: str
    subject: bool
    sentence: int


# Description groups that say who a public figure is ("the actor", "the singer", "the
# senator"), which a story's opening may use of the one person it names; not roles in the
# story's events ("the suspect", "the nurse", "the owner"), which bring in someone new.
_PUBLIC_IDENTITIES = frozenset({"performer", "broadcast", "politics"})


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
        self.clients: dict[int, _Actor] = {}  # id(a lawyer or spokesperson) -> the person they speak for
        self.last_seen: dict[int, int] = {}  # id(actor) -> last token referring to it
        # The people referred to by name or pronoun so far: id(actor) -> (count, actor)
        self.people_referred: dict[int, tuple[int, _Actor]] = {}
        self.affiliations: list[tuple[_Actor, _Actor, str, int]] = []  # (actor, other, relation, token)
        self.named_affiliations: list[tuple[_Actor, _Actor, str, int]] = []
        self.org_kinds: dict[int, frozenset[str]] = {}  # id(actor) -> kinds of organisation, on demand
        self.org_occurrences: dict[int, list[_Occurrence]] = defaultdict(list)  # id(actor) -> its name occurrences
        for occ in occurrences:
            if occ.actor is not None and occ.actor.kind == ActorKind.ORGANIZATION:
                self.org_occurrences[id(occ.actor.resolved())].append(occ)
        self._first_named: dict[str, int] | None = None  # kind of organisation -> first token naming one
        self.unnamed_organisations: set[str] = set()  # description nouns first used for an organisation never named
        self.ages: dict[int, list[_Actor]] = defaultdict(list)  # age told beside a name ("Arden, 54,") -> people
        for occ in occurrences:
            if occ.actor is not None and occ.actor.kind == ActorKind.PERSON and _followed_by_age(doc, occ.end):
                self.ages[int(doc[occ.end + 1].text)].append(occ.actor.resolved())

    def sentence_of(self, token: Token) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, token.idx) - 1)

    # -- the walk

    def walk(self) -> None:
        doc = self.doc
        introductions_by_token = self._introductions()
        speakers = self._first_person_speakers()
        history: deque[_Ref] = deque()
        bylines = self._leading_bylines()
        for token in doc:
            sentence = self.sentence_of(token)
            while history and history[0].sentence < sentence - _PRONOUN_WINDOW:
                history.popleft()
            occ = self.occurrence_at.get(token.i)
            if occ is not None:
                if token.i == occ.start:
                    root = occ.root(doc)
                    ref = self._add(occ.actor, root, occ.start, occ.end, occ.via, root.dep_ in _SUBJECT_DEPS)
                    if sentence not in bylines:
                        history.append(ref)
                    for intro in introductions_by_token.get(occ.start, ()):
                        self._introduce(intro)
                continue
            ref = None
            lower = token.lower_
            if token.tag_ in ("PRP", "PRP$") and (lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS):
                ref = self._pronoun(token, history)
            elif token.tag_ in ("PRP", "PRP$") and lower in _PLURAL_PRONOUNS:
                ref = self._organisation_pronoun(token, history)
            elif token.tag_ in ("PRP", "PRP$") and lower in _NEUTER_PRONOUNS:
                ref = self._organisation_it(token)
            elif token.tag_ in ("WP", "WDT", "WP$") and lower in _RELATIVE_PRONOUNS:
                ref = self._relative_pronoun(token)
            elif token.i in speakers:
                ref = self._add(speakers[token.i], token, token.i, token.i + 1, PRONOUN, token.dep_ in _SUBJECT_DEPS)
            elif token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.lex.role_relations:
                ref = self._role(token)
            if ref is None and token.pos_ == "NOUN" and token.i not in self.descriptor_tokens:
                ref = self._organisation_description(token, history) or self._description(token) \
                    or self._lede_description(token) or self._aged_description(token)
            elif ref is None and token.lower_ == "old" and token.dep_ in _SUBJECT_DEPS | {"dobj", "pobj"}:
                ref = self._aged_description(token)  # "found the 41-year-old on the floor"
            if ref is not None:
                history.append(ref)

    def _leading_bylines(self) -> set[int]:
        """Bylines before the story's first sentence with a verb ("By Jane Doe", "*News — Aisling
        Carter, London*", "Tom Reed, Staff Writer") name who wrote, not whom "he" or "she" stands
        for; a headline or a name line ("Kevin Tate obituary") does name whom."""
        lines = set()
        for index, sentence in enumerate(self.sents):
            span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None or any(t.pos_ in ("VERB", "AUX") for t in span):
                break
            if _BYLINE_RE.search(sentence.text):
                lines.add(index)
        return lines

    def _first_person_speakers(self) -> dict[int, _Actor]:
        """Whom "I", "me" and "my" outside quotation marks stand for: in a transcript, the person
        whose label opens the passage ("LINDA AMBROSE: I can't throw it away"); in a question-and-
        answer interview told in the first person throughout, the person its introduction names
        first ("Colleen Farraday was an emergency-department nurse ... I injected it")."""
        doc, text = self.doc, self.doc.text
        first_person = [t for t in doc if t.lower_ in _FIRST_PERSON and t.tag_ in ("PRP", "PRP$")
                        and not self.in_quote[t.i]]
        if not first_person:
            return {}
        people = [occ for occ in self.occurrences if occ.actor is not None and occ.actor.kind == ActorKind.PERSON]
        labels = [(m.end(), m.group("name")) for m in _SPEAKER_LABEL_RE.finditer(text)]
        if labels:
            speakers: dict[int, _Actor] = {}
            for token in first_person:
                told = [name for end, name in labels if end <= token.idx]
                speaker = self._person_named(told[-1], people) if told else None
                if speaker is not None:
                    speakers[token.i] = speaker
            return speakers
        if len({self.sentence_of(t) for t in first_person}) < _NARRATED_SENTENCES:
            return {}
        named = _SELF_INTRODUCTION_RE.search(text)
        narrator = next((occ.actor.resolved() for occ in people if named is not None
                         and doc[occ.start].idx == named.start("name") and doc[occ.end - 1].idx < named.end("name")),
                        None)
        if narrator is not None:  # "My name is Alan Cho. I was arrested in 2018 ..."
            return {t.i: narrator for t in first_person if t.idx > named.end()}
        questions = [m.span() for m in _QUESTION_LINE_RE.finditer(text)]  # each a whole line
        if len(questions) < 2:
            return {}  # a column's or a reporter's "I" is no one the story's events befall
        introduced = [occ for occ in people if doc[occ.start].idx < questions[0][0]]
        if not introduced:
            return {}
        # the one the introduction tells of: "Colleen Farraday was an emergency-department nurse";
        # but "Diane Fox spoke with Marcus Webb, who ...": the one she spoke with
        first = next((occ for occ in introduced if occ.root(doc).dep_ in _SUBJECT_DEPS), introduced[0])
        verb = first.root(doc).head
        spoken_with = [occ for occ in introduced if verb.lemma_.lower() in _INTERVIEW_WORDS and (
            (occ.root(doc).head.head.i == verb.i and occ.root(doc).head.lower_ in {"with", "to"})
            or (occ.root(doc).head.i == verb.i and occ.root(doc).dep_ == "dobj"))]  # "Jill Kerr interviewed Tom Hale"
        narrator = (spoken_with or [first])[0].actor.resolved()
        answers = [t for t in first_person if t.idx > questions[0][0]
                   and not any(start <= t.idx < end for start, end in questions)]
        return {t.i: narrator for t in answers}

    def _person_named(self, label: str, people: list[_Occurrence]) -> _Actor | None:
        """The person a transcript's label names ("LINDA AMBROSE", "HOLT")."""
        words = fold(label).split()
        for occ in people:
            name = fold(occ.actor.resolved().canonical).split()
            if words == name or (len(words) == 1 and name and words[0] == name[-1]):
                return occ.actor.resolved()
        return None

    def _add(self, actor: _Actor, token: Token, start: int, end: int, via: str, subject: bool) -> _Ref:
        doc = self.doc
        ref = _Ref(actor, token.i, doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text), via, subject, self.sentence_of(token))
        self.refs.append(ref)
        if actor.kind == ActorKind.PERSON and actor.role is None:
            person = actor.resolved()
            count, _ = self.people_referred.get(id(person), (0, person))
            self.people_referred[id(person)] = (count + 1, person)
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
        gender = "male" if token.lower_ in MALE_PRONOUNS else "female"
        named_after = self._cataphoric_subject(token, gender)
        if named_after is not None:
            return self._add(named_after, token, token.i, token.i + 1, PRONOUN, token.dep_ in _SUBJECT_DEPS)
        sentence = self.sentence_of(token)
        excluded = self._finders(token) | ({self._clause_subject(token)} - {None})
        reporter = self._reporting_subject(token)
        # "Ruiz's lawyer said she had pleaded not guilty": a lawyer or spokesperson tells of the client
        reporter = self.clients.get(id(reporter), reporter)
        # A subject in this sentence or the one before scores at least 6, anyone named only as
        # an object at most 5: a person mentioned in another clause's object never wins over a
        # compatible subject; a name that says the pronoun fits settles a tie. A subject two or
        # more sentences back counts less than the object of the sentence just before ("Mr
        # Tierney has not been charged. Detectives arrested Mr Coyle on 2 March. He was charged
        # the following day": Coyle). Roles ("his assistant") start 5 lower than names.
        possessed_in = clause_verb(token) if token.dep_ == "poss" else None
        acted_on_before = self._first_clause_acting_on_someone(token)
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
            # "the number Mr Reid had used", "Only after his sister had found the invoices did ...": asides
            if ref.subject and self.doc[ref.token].head.dep_ not in ("relcl", "advcl"):
                score += 4 if distance == 0 else 2 if distance == 1 else 1
            elif self.doc[ref.token].dep_ == "poss":
                score -= 0.5  # "arrested Banks ... after Devin's death, and charged him": Banks
            elif possessed_in is not None and _object_of(possessed_in, self.doc[ref.token]):
                score += 4  # "arrested Kessler at her home": the clause's own object
            elif acted_on_before is not None and _in_object_phrase(acted_on_before, self.doc[ref.token]):
                score += 4  # "Prosecutors charged Hale on Aug. 8, and he was arrested": Hale
            previous = scores.get(id(actor))
            if previous is None or (score, ref.token) > previous[:2]:
                scores[id(actor)] = (score, ref.token, actor)
        topic = self._topic(gender, excluded)
        if topic is not None and id(topic) not in scores:
            scores[id(topic)] = (_TOPIC_SCORE + (topic.gender == gender), -1, topic)
        if not scores:
            return None
        best = max(scores.values(), key=lambda s: (s[0], s[1]))[2]
        if best.gender is None:
            best.gender = gender  # "her client regretted his actions": his is then someone else
        return self._add(best, token, token.i, token.i + 1, PRONOUN, token.dep_ in _SUBJECT_DEPS)

    def _first_clause_acting_on_someone(self, pronoun: Token) -> Token | None:
        """For a subject or object pronoun of the second of two joined clauses, the first clause's
        verb when no person is its subject: "A grand jury returned an indictment against Hale on
        Aug. 8, and he was arrested a week later", "A jury convicted Wade in June, and a judge
        sentenced him that October" are about whom the first clause acted on."""
        if pronoun.dep_ not in ("nsubj", "nsubjpass", "dobj") or pronoun.head.dep_ != "conj":
            return None
        first = pronoun.head.head
        subject = next((c for c in first.children if c.dep_ in _SUBJECT_DEPS), None)
        if first.pos_ not in ("VERB", "AUX") or subject is None:
            return None
        actor = self._actor_of(subject)
        return first if actor is None or actor.kind != ActorKind.PERSON else None

    def _cataphoric_subject(self, pronoun: Token, gender: str) -> _Actor | None:
        """ "Following his arrest on May 30, Jaden Ortiz was booked", "Seven months after he was
        convicted, Tyson Renfro was granted a new trial": a pronoun in a phrase fronted before the
        main clause's subject stands for that subject, when it is a person named there and the
        pronoun tells what that person went through in court or said (not "In her autopsy report,
        Dr Visser gave the cause of death", where "her" is the dead woman)."""
        if pronoun.dep_ == "poss" and pronoun.head.lemma_.lower() not in _OWN_ACTS:
            return None
        root = pronoun.sent.root
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i <= pronoun.i:
            return None
        if not any(c.dep_ in ("prep", "advcl", "npadvmod") and c.i < subject.i
                   and c.left_edge.i <= pronoun.i <= c.right_edge.i for c in root.children):
            return None
        actor = self._actor_of(subject)
        if actor is None or actor.kind != ActorKind.PERSON or actor.gender not in (None, gender):
            return None
        return actor

    def _topic(self, gender: str, excluded: set[_Actor]) -> _Actor | None:
        """The person a story is about, once it is clear: referred to at least three times, and
        twice as often as anyone else. A profile's "He was born in Council Bluffs", after a
        paragraph quoting a bandmate, is the drummer's, however far back he was last named.
        Only people the pronoun may stand for compete: the woman who found him makes a story
        about a man no less his."""
        ranked = sorted((c for c in self.people_referred.values() if c[1].gender in {None, gender}),
                        key=lambda c: -c[0])
        if not ranked or ranked[0][0] < _TOPIC_MENTIONS or (len(ranked) > 1 and 2 * ranked[1][0] > ranked[0][0]):
            return None
        actor = ranked[0][1]
        if actor in excluded or (actor.gender is not None and actor.gender != gender):
            return None
        return actor

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
        Dr. Hannah Birkeland ruled that she had died", she is neither the office nor the doctor;
        nor is one who tells that she died ("the pathologist testified that she had died within
        hours"): the dead do not speak."""
        verb = _verb_of_opened_clause(pronoun)
        finding = verb is not None and (verb.lemma_.lower() in _FINDING_VERBS or pronoun.head.lemma_.lower() == "die")
        subject = _subject_of(verb) if finding else None
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
        verb = _governing_verb(token) if token.lower_ == "its" else None
        own_subject = _subject_of(verb) if verb is not None else None
        if own_subject is not None and token.i not in {t.i for t in own_subject.subtree}:
            subject = own_subject
        elif verb is not None or token.dep_ in _SUBJECT_DEPS:
            # "it said", and "Health Canada said its inspectors seized ...": within the clause's own
            # subject, the pronoun is the one the clause depends on or follows
            verb = verb if verb is not None else token.head
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
        could be meant instead ("The FDA approved the drug. It ..." may mean the drug; "The board
        suspended his license. It ..." does not mean the license)."""
        sentence = token.sent
        if sentence.start == 0:
            return None
        root = self.doc[sentence.start - 1].sent.root
        subject = _subject_of(root)
        if subject is None:
            return None
        for child in root.children:
            if child.dep_ in ("dobj", "attr", "oprd") and child.pos_ in ("NOUN", "PROPN") \
                    and child.lemma_.lower() not in _HELD_PAPERS:
                other = self._actor_of(child)
                if other is None or other is not self._actor_of(subject):
                    return None
        return subject

    def _relative_pronoun(self, token: Token) -> _Ref | None:
        """ "Ruth Hale, who pleaded guilty": the subject of a relative clause refers to the noun it
        describes; so does its object ("Dana Reyes, whom prosecutors charged", "a warehouse worker
        whom the bureau had begun investigating")."""
        clause = token.head
        if token.lower_ == "whose":  # "Lorraine Tibbets, whose son Caleb died": hers
            if token.dep_ != "poss":
                return None
            clause = token.head.head
        elif token.dep_ == "dobj":
            while clause.dep_ == "xcomp":
                clause = clause.head
        elif token.dep_ not in _SUBJECT_DEPS:
            return None
        if clause.dep_ != "relcl":
            return None
        noun = clause.head
        wanted = _RELATIVE_PRONOUNS[token.lower_]
        if wanted == ActorKind.PERSON and noun.dep_ == "pobj" and noun.i not in self.ref_at and (
                noun.ent_type_ in ("GPE", "LOC") or (noun.pos_ == "PROPN" and noun.head.lower_ in ("of", "from"))):
            # "Tobias Wren, a line cook from Columbus, Ohio, who died ...", "Tobias Wren, 33, of
            # Ellery, who was found dead": no place is a "who"; the parser hangs the clause on the
            # last word of the description.
            noun = noun.head.head
        actor = self.ref_at.get(noun.i)
        if actor is None and noun.dep_ == "appos":  # "Jane Roe, a nurse who ..."
            actor = self.ref_at.get(noun.head.i)
        if actor is None and noun.dep_ == "attr":  # "Sandoval is a former warehouse worker whom ..."
            actor = next((self.ref_at.get(s.i) for s in noun.head.children if s.dep_ == "nsubj"), None)
        if actor is None or (wanted is not None and actor.kind != wanted):
            return None
        if token.lower_ == "whose":
            # whose relation the noun after it names ("whose son"), without counting as a mention;
            # whose act or thing ("whose arrest in April") hers, a mention later pronouns skip
            if token.head.lemma_.lower() in self.lex.nouns_for_people:
                self.ref_at[token.i] = actor
            elif not any(c.dep_ == "compound" for c in token.head.children):  # not "whose registration number"
                self._add(actor, token, token.i, token.i + 1, PRONOUN, False)
            return None
        return self._add(actor, token, token.i, token.i + 1, PRONOUN, token.dep_ in _SUBJECT_DEPS)

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
        # "the county agency": one whose name holds the words that describe it, if any does.
        described = {fold(c.text) for c in token.children if c.dep_ in ("amod", "compound") and c.i < token.i}
        kindless = [r for r in kindless if described <= set(fold(r.actor.canonical).split())] or kindless
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
            head = words[: words.index("of")] if "of" in words else words
            head_kinds = _kinds_of_words(head, table)
            if "public_body" in head_kinds:
                # The Board of Pharmacy is no pharmacy; the Office of the Medical Examiner is an examiner.
                kinds |= head_kinds | (_kinds_of_words(words, table) & {"examiner"})
            else:
                kinds |= _kinds_of_words(words, table)
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
                if actor.gender is None:
                    actor.gender = self._noun_gender(noun)
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
            quoted = t.text in OPENING_QUOTES or t.text in _CLOSING_QUOTES
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
        while tokens and tokens[0].text in _CLOSING_QUOTES and tokens[0].text not in OPENING_QUOTES:
            tokens.pop(0)
        while tokens and (tokens[0].pos_ not in ("NOUN", "ADJ", "PROPN") and tokens[0].text not in OPENING_QUOTES):
            tokens.pop(0)
        head = tokens[-1] if tokens else None
        if head is None or not (
            (head.pos_ == "NOUN" and head.text.islower()) or fold(head.lemma_) in self.lex.description_group
        ):
            return []  # the word next to the name must be a describing noun, not "Getty Images"
        return tokens

    def _quoted(self, token: Token) -> bool:
        doc = self.doc
        return 0 < token.i < len(doc) - 1 and doc[token.i - 1].text in OPENING_QUOTES and doc[token.i + 1].text in _CLOSING_QUOTES

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
        if any((c.dep_ in ("relcl", "acl") and _restricts(c, token)) or (c.dep_ == "prep" and c.lower_ == "of")
               for c in token.children):
            return None  # "the doctor who treated him" introduces someone new ("the nurse, who ..." not)
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
                named = self._only_person_named_before_in_lede(token)
                if named is None:
                    return None
                # "... killed Matthew Perry ..., the last of five to admit a role in the "Friends"
                # actor's death": the one person the opening named, and "the actor" after.
                self._introduce(_Introduction(named, token.i, frozenset({lemma}), frozenset(modifiers)))
                related = {id(named): self.introduced_by_noun[lemma][id(named)]}
            chosen = max(
                related.values(), key=lambda i: (len(i.modifiers & modifiers), self.last_seen.get(id(i.actor), i.token))
            ).actor
        start = determiner.i
        for i in range(start, token.i):  # keep spans apart: "the X and Tesla owner" → "owner"
            if i in self.occurrence_at:
                start = self.occurrence_at[i].end
        return self._add(chosen, token, start, token.i + 1, DESCRIPTION, token.dep_ in _SUBJECT_DEPS)

    def _noun_gender(self, noun: str) -> str | None:
        """The sex a noun says: "mother", "actress" → female; "son", "actor" → male."""
        return "female" if noun in self.lex.female_nouns else "male" if noun in self.lex.male_nouns else None

    def _only_person_named_before_in_lede(self, token: Token) -> _Actor | None:
        """The person the story's opening names before this noun (one saying who a public figure
        is), in its first sentence or the next ("Owen Castellano is finally ready to talk. The
        'Harbor Lights' star ..."), if it names only one, and nothing says another sex than the noun's."""
        if self.sentence_of(token) > 1 or any(c.dep_ == "poss" for c in token.children):
            return None  # "the clinic's owner" is the clinic's, whoever the opening named
        if self.lex.description_group.get(token.lemma_.lower()) not in _PUBLIC_IDENTITIES:
            return None  # "the suspect", "the nurse", "the officer": someone new to the story
        before = [occ for occ in self.occurrences
                  if occ.start < token.i and occ.kind == ActorKind.PERSON and occ.actor is not None]
        named = {id(occ.actor): occ.actor for occ in before}
        if len(named) != 1:
            # several: the one the opening sentence is about ("Owen Castellano is finally ready to
            # talk about Desmond"), its subject
            subjects = {id(occ.actor): occ.actor for occ in before if self.sentence_of(self.doc[occ.start]) == 0
                        and any(t.dep_ in _SUBJECT_DEPS and t.head.dep_ == "ROOT" for t in self.doc[occ.start:occ.end])}
            if len(subjects) != 1:
                return None
            named = subjects
        person = next(iter(named.values()))
        gender = self._noun_gender(token.lemma_.lower())
        return None if gender is not None and person.gender not in (None, gender) else person

    def _lede_description(self, token: Token) -> _Ref | None:
        """ "A nurse anesthetist who worked at a Reno surgery center was pronounced dead early
        Saturday ... Bradley Tasker, 37, of Sparks, had checked in": a story that opens on someone
        described, before it names anyone, names them in one of the next two sentences."""
        lex = self.lex
        if token.tag_ != "NN" or token.dep_ not in _SUBJECT_DEPS or token.head.dep_ != "ROOT" \
                or any(c.dep_ == "mark" for c in token.head.children) or token.lemma_.lower() not in lex.describing_nouns:
            return None  # "Eight months after a hospice nurse died, the pharmacist ...": an aside
        determiner = token.left_edge
        if determiner.dep_ != "det" or not (determiner.lower_ in ("a", "an") or (
                determiner.lower_ == "the" and any(c.dep_ == "relcl" for c in token.children))):
            return None  # "a nurse", or "the nurse who made the switch"
        if any(occ.kind == ActorKind.PERSON and occ.start < token.i for occ in self.occurrences):
            return None  # someone was named first: the description may be anyone
        sentence = self.sentence_of(token)
        gender = self._noun_gender(token.lemma_.lower())
        # ...with their age, as a story names the one its opening described: "Bradley Tasker, 37,"
        named = min((occ for occ in self.occurrences
                     if occ.start > token.i and occ.kind == ActorKind.PERSON and occ.actor is not None
                     and sentence < self.sentence_of(self.doc[occ.start]) <= sentence + 2
                     and _followed_by_age(self.doc, occ.end) and gender in (None, occ.actor.gender)),
                    key=lambda occ: occ.start, default=None)
        if named is None:
            return None
        # ... and a later "the former nurse" is them too.
        self._introduce(_Introduction(named.actor, token.i, frozenset({token.lemma_.lower()}), frozenset()))
        return self._add(named.actor, token, determiner.i, token.i + 1, DESCRIPTION, True)

    def _aged_description(self, token: Token) -> _Ref | None:
        """ "the 54-year-old actor", "the 41-year-old": the person the story gave that age
        ("Salvatierra was 52" is not 54), else the person last a subject, in this sentence or the
        one before, when no one else is of that age."""
        age = _age_told(token)
        determiner = token.left_edge
        if age is None or determiner.lower_ != "the" or determiner.dep_ != "det":
            return None
        aged = {id(a): a for a in self.ages.get(age, ())}
        if len(aged) == 1:
            chosen = next(iter(aged.values()))
        elif aged:
            return None  # several people of that age
        else:
            sentence = self.sentence_of(token)
            # Quotes in between count no sentences: the story's last subject before them.
            recent = next((r for r in reversed(self.refs) if r.subject and r.actor.kind == ActorKind.PERSON
                           and not self.in_quote[r.token]), None)
            quoted = sum(1 for i in range(recent.sentence + 1, sentence) if self._is_speech(self.sents[i])) \
                if recent is not None else 0
            if recent is None or sentence - recent.sentence - quoted > 1 or self._age_of(recent.actor) not in (None, age):
                return None
            chosen = recent.actor
        return self._add(chosen, token, determiner.i, token.i + 1, DESCRIPTION, token.dep_ in _SUBJECT_DEPS)

    def _is_speech(self, sentence: Sentence) -> bool:
        """Whether a sentence is speech: its last word lies inside quotation marks."""
        span = self.doc.char_span(sentence.start, sentence.end, alignment_mode="contract")
        if span is None or not any(t.is_alpha for t in span):
            return True  # a closing quotation mark the splitter left alone
        return len(span) > 1 and bool(self.in_quote[span[-2].i])

    def _age_of(self, actor: _Actor) -> int | None:
        return next((age for age, actors in self.ages.items() if actor in actors), None)

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
            holder = self.role_links.get((id(possessor), role)) \
                or self._relative_by_surname(possessor, role, relation, token.i) \
                or self._role_actor(possessor, role, relation)
        if holder.gender is None:
            holder.gender = self._noun_gender(role)
        if relation in _SPEAKING_FOR and possessor.kind == ActorKind.PERSON:
            self.clients[id(holder)] = possessor
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

    def _relative_by_surname(self, possessor: _Actor, role: str, relation: str, at: int) -> _Actor | None:
        """ "Mrs Lomax ... her daughter's death": in a story naming one other Lomax, the
        daughter is that person (when the role's gender does not rule them out); not one the
        text names only after the role, as another relation: "Her sister found her ... Ms
        Moffat's mother, Lorraine Moffat" names the mother, who is not the sister."""
        if relation != "FAMILY_OF" or possessor.kind != ActorKind.PERSON or role.startswith("step"):
            return None  # (a stepfather seldom shares the surname: "Perry's stepfather, Keith Morrison")
        surname = fold(possessor.canonical).split()[-1:]
        if not surname or len(possessor.canonical.split()) < 2:
            return None
        gender = self._noun_gender(role)
        relatives = {
            id(actor): actor for occ in self.occurrences if occ.actor is not None
            for actor in [occ.actor.resolved()]
            if actor is not possessor and actor.kind == ActorKind.PERSON and actor.role is None
            and not self._named_later_as_another_relative(actor, role, at)
            and len(actor.canonical.split()) >= 2 and fold(actor.canonical).split()[-1:] == surname
            and (gender is None or actor.gender in (None, gender))
        }
        if len(relatives) != 1:
            return None
        relative = next(iter(relatives.values()))
        self.role_links[(id(possessor), role)] = relative
        return relative

    def _named_later_as_another_relative(self, actor: _Actor, role: str, at: int) -> bool:
        """Whether the text first names the actor after `at`, in apposition to another relative
        ("Ms Moffat's mother, Lorraine Moffat")."""
        places = [occ for occ in self.occurrences if occ.actor is not None and occ.actor.resolved() is actor]
        if any(occ.start < at for occ in places):
            return False
        doc = self.doc
        return any(root.dep_ == "appos" and root.head.lemma_.lower() in self.lex.role_relations
                   and root.head.lemma_.lower() != role for occ in places for root in [occ.root(doc)])

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


def _age_told(token: Token) -> int | None:
    """The age a description gives: "the 54-year-old actor" (the noun), "the 41-year-old" ("old")."""
    old = token if token.lower_ == "old" else next((c for c in token.children if c.dep_ == "amod" and c.lower_ == "old"), None)
    if old is None or not any(t.lower_ == "year" for t in old.subtree):
        return None
    number = next((t for t in old.subtree if t.like_num and t.text.isdigit()), None)
    return int(number.text) if number is not None and 0 < int(number.text) < 120 else None


def _kinds_of_words(words: list[str], table: Mapping[str, frozenset[str]]) -> set[str]:
    """The kinds of organisation a name's words tell."""
    kinds: set[str] = set()
    paired = -1  # a word read with the one before it: "medical center" is a hospital, not a clinic
    for i, word in enumerate(words):
        pair = table.get(f"{word} {words[i + 1]}") if i + 1 < len(words) else None
        if pair:
            kinds |= pair
            paired = i + 1
        if i != paired:
            kinds |= table.get(word, frozenset())
    return kinds


def _object_of(verb: Token, token: Token) -> bool:
    """Whether a word is the verb's object, indirect object or passive subject."""
    return token.head.i == verb.i and token.dep_ in ("dobj", "dative", "nsubjpass")


def _in_object_phrase(verb: Token, token: Token) -> bool:
    """Whether a word is the verb's object or in it ("returned an indictment against Hale"), or
    the object of one of the verb's prepositions ("filed charges against Hale")."""
    if _object_of(verb, token):
        return True
    if token.dep_ == "pobj" and token.head.head.i == verb.i:
        return True
    return any(token.i in range(o.left_edge.i, o.right_edge.i + 1)
               for o in verb.children if o.dep_ in ("dobj", "dative"))


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
