"""Event mentions: triggers from the taxonomy, roles and dates from sentence structure.

For every sentence, the taxonomy's trigger words are matched on lemmas. Each
match becomes an event mention when the dependency parse gives it at least
one participant (an event nobody takes part in is a generic statement:
"ketamine infusion therapy works by ..."). Participants come from
grammatical positions (subject, object, possessor, prepositional objects…),
mapped to roles by the taxonomy. A time expression is attached to a mention
only when the parse links them: the expression hangs from the trigger, from
the verb that governs a noun trigger ("Perry *received* a ketamine infusion
days before ..."), never by proximity alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from loaders.actors import (
    DESCRIPTION,
    FEMALE_PRONOUNS,
    MALE_PRONOUNS,
    NAME,
    PRONOUN,
    SURNAME,
    ActorAnalysis,
    ActorLexicon,
    ActorSpan,
    get_lexicon,
    is_acronym,
    is_call_letters,
)
from loaders.nlp import clause_verb
from loaders.records import (
    ActorKind,
    ActorRecord,
    Anchor,
    DateClaim,
    DocumentRecord,
    EventStatus,
    FuzzyDate,
    Precision,
    Sentence,
    end_before_blanks,
    width,
)
from loaders.taxonomy import EventType, Taxonomy, Trigger
from loaders.timex import ABSOLUTE, PERIOD_TOLD, AnchoredOffset, TimeExpression, hours_into_the_night, told_with_year, whole_number

# Dependents that lead out of the trigger's own clause: actors found below them
# belong to another statement.
CLAUSE_BOUNDARIES = {"relcl", "acl", "ccomp", "advcl", "parataxis", "csubj", "xcomp", "pcomp"}
NOMINAL_LINKS = {"compound", "amod", "nmod"}  # "ketamine infusion session": walk to "session"
DISTRIBUTIVE_PRONOUNS = {"each", "both", "all"}
CONDITIONAL_WORDS = {"if", "unless", "whether"}  # "reviewing whether to discipline her": not done
TIME_CLAUSE_WORDS = {"when", "once", "until", "after", "before"}
SERIES_NOUNS = {"course", "series", "round", "cycle", "regimen", "total"}  # "a course of six infusions"
# What someone carries their own things in.
_CARRIED_IN = frozenset({"purse", "pocket", "bag", "handbag", "wallet", "backpack", "jacket", "coat", "drawer",
                         "nightstand", "bottle", "pillbox", "tin", "jar"})
# Where a drug is taken out of commerce, not out of someone's stock: "removed from the market".
_OUT_OF_COMMERCE = frozenset({"market", "shelf", "sale", "circulation", "store", "website", "formulary", "schedule",
                              "list", "catalogue", "catalog"})
# What holds or measures an amount of something: "a 90-day supply of lozenges", "two bags of powder".
_AMOUNT_NOUNS = frozenset({"supply", "batch", "box", "bottle", "bag", "pack", "package", "parcel", "packet",
                           "shipment", "quantity", "amount", "carton", "case", "kit", "lot", "load", "gram",
                           "kilogram", "ounce", "pound", "strip", "jar", "tin", "envelope", "total", "number",
                           "dozen", "hundreds", "thousands",
                           # "was given 10mg of morphine"
                           "mg", "milligram", "microgram", "mcg", "ml", "millilitre", "milliliter"})
PLURAL_CUES = {"both", "each", "all", "were", "are", "have", "together"}  # "who died within weeks of each other"
SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "obj", "attr"}
FRAMING_PREPOSITIONS = {"in", "at", "during"}  # "in a statement Monday, he called ...": within the event
ADDRESSEE_VERBS = {"tell"}  # verbs whose direct object is the one addressed
AIRING_VERBS = {"air", "broadcast", "release", "publish", "run", "stream", "post"}  # when a programme went out


@dataclass(frozen=True, slots=True)
class EventMention:
    """One sentence stating one event."""

    local_id: str
    type: str
    status: EventStatus
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: Sentence
    participants: tuple[tuple[str, str], ...]  # (actor id, role)
    claim: DateClaim
    object_text: str | None
    confidence: float
    title: str = ""
    kind: str | None = None  # see the taxonomy's `kinds`
    agreed: bool = False  # told as agreed to, not yet done (see the taxonomy's `agreed_by`)
    many_unnamed: frozenset[str] = frozenset()  # see the taxonomy's `apart_when_many_unnamed`


@dataclass(frozen=True, slots=True)
class _Match:
    event_type: EventType
    trigger: Trigger
    tokens: tuple[Token, ...]

    @property
    def head(self) -> Token:
        """The token the trigger stands for in the parse ("report" in "autopsy report")."""
        span_ids = {t.i for t in self.tokens}
        for token in self.tokens:
            if token.head.i not in span_ids or token.head.i == token.i:
                return token
        return self.tokens[-1]

    @property
    def characters(self) -> tuple[int, int]:
        """Where the trigger's words start and end in the document text."""
        last = self.tokens[-1]
        return self.tokens[0].idx, last.idx + len(last.text)


IRREGULAR_VERBS = {
    "sell": ("sold",), "buy": ("bought",), "give": ("gave", "given"), "get": ("got", "gotten"),
    "find": ("found",), "tell": ("told",), "speak": ("spoke", "spoken"), "bring": ("brought",),
    "take": ("took", "taken"), "hold": ("held",), "sit": ("sat",), "lead": ("led",), "bear": ("born", "borne"),
}


@lru_cache(maxsize=4096)
def _verb_forms(lemma: str) -> frozenset[str]:
    """Regular inflections of a verb, for when the small model's lemmatizer slips
    ("fined" → "fin")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    for prefix in ("", "re"):  # "resold" is past the small model's lemmatizer
        if lemma.startswith(prefix) and lemma[len(prefix):] in IRREGULAR_VERBS:
            forms |= {prefix + form for form in IRREGULAR_VERBS[lemma[len(prefix):]]}
    if len(lemma) >= 3 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # ban → banned
    return frozenset(forms)


def _fronted_gerund(token: Token) -> bool:
    """ "Sentencing Carlos Medina to life, Judge X said": a participle opening the sentence with
    its object, which the model may tag as a capitalised name or noun."""
    return token.is_sent_start and token.pos_ in {"PROPN", "NOUN"} and token.lower_.endswith("ing") \
        and token.dep_ == "advcl" and any(c.dep_ == "dobj" for c in token.children)


def _token_matches(token: Token, word: str, first: bool, pos: str, single: bool) -> bool:
    lower = token.lower_
    if first and pos == "VERB":
        if token.pos_ not in {"VERB", "AUX"} and not _fronted_gerund(token):
            return False
        return token.lemma_.lower() == word or lower in _verb_forms(word)
    if pos == "NOUN" and single and (token.pos_ not in {"NOUN", "PROPN", "ADJ", "VERB"} or _fronted_gerund(token)):
        return False
    return lower == word or token.lemma_.lower() == word or lower.replace("-", "") == word.replace("-", "")


_TIME_PREPOSITIONS = frozenset({"after", "before", "upon"})
_LONG_UNITS = frozenset({"week", "month", "year", "decade", "while", "life"})


def _a_habit_or_a_means(verb: Token) -> bool:
    """ "had been taking pills", "how much ketamine he was taking", "had used heroin for a decade",
    "after taking the drug for two years": a habit; "used ketamine to sedate the boy": a means,
    given to someone else. Not a gerund after a time's preposition: "died after using one of the
    sprays"."""
    if verb.tag_ == "VBG" and not (verb.dep_ == "pcomp" and verb.head.lower_ in _TIME_PREPOSITIONS):
        return True
    return any(o.lemma_.lower() in _LONG_UNITS for p in _children(verb, {"prep"}) if p.lower_ == "for"
               for o in _children(p, {"pobj"})) \
        or any(c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in _children(c, {"aux"}))
               for c in verb.children)


def _verbs_with_object_between(tokens: list[Token], words: tuple[str, ...]) -> list[Token]:
    """ "Agents took both into custody", "placed Dr. Ray on probation", "struck her off": a verb
    whose phrase ("take into custody") its object splits. The verb alone is the trigger, so the
    object between is not inside it. A two-word phrase's second word must follow the object
    ("struck Qureshi off the register"), not any phrase ("appeared in court on Monday")."""
    found = []
    for verb in tokens:
        if not _token_matches(verb, words[0], True, "VERB", False):
            continue
        after_object = {o.right_edge.i + 1 for o in verb.children if o.dep_ in OBJECTS}
        for rest in verb.children:
            at = rest.i - tokens[0].i
            window = tokens[at:at + len(words) - 1]
            if rest.i > verb.i + 1 and rest.dep_ in {"prep", "prt"} and (len(words) > 2 or rest.i in after_object) \
                    and len(window) == len(words) - 1 \
                    and all(_token_matches(t, w, False, "VERB", False) for t, w in zip(window, words[1:])):
                found.append(verb)
                break
    return found


def _phrases_around_adverbs(tokens: list[Token], event_type: EventType, trigger: Trigger) -> list[_Match]:
    """ "sat down together with 'Wisconsin Tonight'": a verb whose phrase an adverb of its own
    splits. As with an object between, the verb alone is the trigger."""
    found = []
    for i, verb in enumerate(tokens):
        if not _token_matches(verb, trigger.words[0], True, "VERB", False):
            continue
        window, k = [verb], i + 1
        while k < len(tokens) and len(window) < len(trigger.words):
            token = tokens[k]
            if token.pos_ == "ADV" and token.dep_ == "advmod" and token.lower_ not in trigger.words \
                    and token.head.i in {verb.i, *(t.i for t in tokens[i + 1 : k + 2])}:
                k += 1
                continue
            window.append(token)
            k += 1
        if k > i + len(trigger.words) and len(window) == len(trigger.words) and all(
                _token_matches(t, w, False, "VERB", False) for t, w in zip(window[1:], trigger.words[1:])):
            found.append(_Match(event_type, trigger, (verb,)))
    return found


def _find_matches(sentence: Span, taxonomy: Taxonomy) -> list[_Match]:
    matches: list[_Match] = []
    tokens = list(sentence)
    for event_type in taxonomy.types.values():
        for trigger in event_type.triggers:
            n = len(trigger.words)
            for i in range(len(tokens) - n + 1):
                window = tokens[i : i + n]
                if all(_token_matches(tok, w, k == 0, trigger.part_of_speech, n == 1) for k, (tok, w) in enumerate(zip(window, trigger.words))):
                    matches.append(_Match(event_type, trigger, tuple(window)))
            if trigger.part_of_speech == "VERB" and n >= 2:
                matches += [_Match(event_type, trigger, (verb,)) for verb in _verbs_with_object_between(tokens, trigger.words)]
                matches += _phrases_around_adverbs(tokens, event_type, trigger)
    # A gerund used as a noun ("faces sentencing") is the noun trigger, not the verb.
    matches = [m for m in matches if not (
        m.trigger.part_of_speech == "VERB" and m.head.tag_ == "VBG"
        and m.head.dep_ in OBJECTS | SUBJECTS | PASSIVE_SUBJECTS | {"pobj"}
    )]
    matches = [m for m in matches if not (m.trigger.habitual_when_progressive and _a_habit_or_a_means(m.head))]
    # Before overlaps are settled: "found guilty" is a verdict, not "found dead".
    matches = [m for m in matches if _requires_met(m, m.head)]
    # Longest match wins where matches overlap ("infusion therapy" over "infusion"); of two on
    # the same words, the one that asked for more ("took tablets from the pharmacy's stock" is
    # obtaining them, which needs the "from", over taking them).
    matches.sort(key=lambda m: (-len(m.tokens), m.tokens[0].i, not m.trigger.requires_also))
    kept: list[_Match] = []
    taken: set[int] = set()
    for match in matches:
        ids = {t.i for t in match.tokens}
        if ids & taken:
            continue
        kept.append(match)
        taken |= ids
    return sorted(kept, key=lambda m: m.tokens[0].i)


def _nominal_head(token: Token) -> Token:
    """The noun phrase a trigger heads: "ketamine infusion session" is the session, and "a
    course of six ketamine infusions" the course, which is what someone completes."""
    while token.head.i != token.i:
        if token.dep_ in NOMINAL_LINKS and token.head.pos_ in {"NOUN", "PROPN"}:
            token = token.head
        elif token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.pos_ == "NOUN" \
                and token.head.head.lemma_.lower() in SERIES_NOUNS:
            token = token.head.head
        else:
            break
    return token


# "opened and adjourned the inquest": what is opened, then put off, was opened.
_OPENING = frozenset({"open", "begin", "start", "convene"})
_ADJOURNING = frozenset({"adjourn", "suspend", "postpone", "pause"})


def _governing_verb(nominal: Token) -> tuple[Token | None, str]:
    """The verb a noun trigger hangs from, and how: "dobj", "nsubj", "prep" (adjunct) or ""."""
    if nominal.dep_ == "appos" and nominal.head.dep_ in OBJECTS | {"pobj"}:
        nominal = nominal.head  # "wrote about it in 'Second Act,' a memoir published in May": the title's verb
    head = nominal.head
    if nominal.dep_ in OBJECTS | SUBJECTS | PASSIVE_SUBJECTS and head.pos_ in {"VERB", "AUX"}:
        if nominal.dep_ in OBJECTS and head.dep_ == "conj" and head.lemma_.lower() in _ADJOURNING \
                and head.head.lemma_.lower() in _OPENING and not _children(head.head, OBJECTS):
            return head.head, nominal.dep_  # "The coroner opened and adjourned the inquest on 12 January": opened
        return head, nominal.dep_
    if nominal.dep_ == "pobj" and head.dep_ == "prep":
        verb = head.head
        if verb.pos_ in {"VERB", "AUX"}:
            # "It was in a 2020 interview that Ames first described it": the clause it frames
            return _cleft_focus(verb) or verb, "prep"
        if head.lower_ in FRAMING_PREPOSITIONS:
            # "described learning of it from a phone call in an interview with X", "announced
            # the arrest at a news conference": the parser hangs the preposition on the nearest
            # noun; the interview or the conference frames the whole clause.
            for _ in range(2):
                if verb.dep_ not in {"pobj", "dobj"} or verb.head.i == verb.i:
                    break
                verb = verb.head.head if verb.dep_ == "pobj" else verb.head
                if verb.pos_ in {"VERB", "AUX"}:
                    return verb, "prep"
    return None, ""


def _phrase_heads(nominal: Token) -> list[Token]:
    """The noun and, when the parser split its phrase ("A phase 3 study, published ...", with
    "phase" as the head and "study" its apposition), the word it made the head: clauses on
    either are the phrase's."""
    split = nominal.dep_ == "appos" and nominal.head.i < nominal.i \
        and not any(t.is_punct for t in nominal.doc[nominal.head.i:nominal.i])
    return [nominal, nominal.head] if split else [nominal]


def _clauses_hung_on_whom_it_is_about(nominal: Token) -> list[Token]:
    """ "The inquest into the death of Thomas Reid, which opened on Monday": the parser hangs the
    clause on the person, who cannot be a "which"; the clause is the inquest's."""
    found, owner = [], nominal
    for _ in range(3):
        objects = [o for p in owner.children if p.dep_ == "prep" and p.lower_ in {"into", "of", "over"}
                   for o in p.children if o.dep_ == "pobj"]
        if not objects:
            break
        owner = objects[0]
        if owner.ent_type_ == "PERSON":
            found += [c for c in _children(owner, {"relcl"})
                      if any(s.lower_ in {"which", "that"} for s in _children(c, SUBJECTS | PASSIVE_SUBJECTS))]
    return found


def _children(token: Token, deps: set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def _prep_objects(token: Token) -> dict[str, list[Token]]:
    found: dict[str, list[Token]] = {}
    preps = [c for c in token.children if c.dep_ in {"prep", "agent"}]
    # "sold them without prescriptions and for cash, to nine customers": the parser joins
    # the later phrases to the first preposition
    preps += [c for p in preps for c in p.conjuncts if c.pos_ == "ADP"]
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ in {"pobj", "pcomp"}:
                found.setdefault(prep.lower_, []).append(obj)
    return found


def _is_infinitive_clause(verb: Token) -> bool:
    """"pressed the police to investigate": the parser may call it advcl or ccomp rather than xcomp."""
    return verb.dep_ in {"advcl", "ccomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _organisation_right_after(verb: Token) -> list[Token]:
    """The organisation the model names right after a verb the parser left without an object:
    in "told BBC Radio Leeds that ...", "Leeds" is read as the clause's verb."""
    doc, end = verb.doc, verb.i + 1
    if end >= len(doc) or doc[end].ent_type_ != "ORG" or doc[end].ent_iob_ != "B":
        return []
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    return [doc[end]]


def _whom_it_killed(match: _Match, participants: list[tuple[str, str]], actors: ActorAnalysis) -> list[tuple[str, str]]:
    """ "Ackah supplied the heroin that killed Gary Sefton": whom what was handed over killed had
    it, when the one who handed it over is named (not "the woman prosecutors say sold the
    ketamine that killed Perry") and the text names no one else who received it."""
    roles = match.event_type.roles
    receiving = next((role for role, wanted in roles.items() if "recipient" in wanted), None)
    giving = next((role for role, wanted in roles.items() if "agent" in wanted), None)
    if match.trigger.part_of_speech != "VERB" or receiving is None \
            or not any(r == giving for _, r in participants) or any(r == receiving for _, r in participants):
        return []
    killed = [o for obj in _children(match.head, OBJECTS) for clause in _children(obj, {"relcl"})
              if clause.lemma_.lower() == "kill" for o in _children(clause, {"dobj"})]
    taken = {a for a, _ in participants}
    return [(s.actor_id, receiving) for o in killed for s in _actors_under(o, actors)
            if s.actor_id not in taken and actors.actors[s.actor_id].kind == ActorKind.PERSON]


def _given_to_do_something(noun: Token) -> bool:
    """ "given 18 months to live", "two weeks to pay": time allowed for something, not a term."""
    return any(c.dep_ in ("relcl", "acl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for c in noun.children)


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _reads_passive(verb: Token, governor: Token) -> bool:
    """Passive itself, or sharing the passive auxiliary of the verb it is coordinated with:
    "was arrested ... and charged"."""
    shares_auxiliary = verb.dep_ == "conj" and _is_passive(governor) and not _children(verb, {"aux", "auxpass"})
    return _is_passive(verb) or shares_auxiliary


def _stranded_subject(verb: Token) -> list[Token]:
    """In "In an interview that aired Thursday, Morrison, 77, said ...", the parser may hang
    the name from the date and leave "said" without a subject: the proper noun right before
    the verb, past commas and an age, is its subject — or, when that noun ends an apposition
    ("X, a 12-hospital system based in Charlotte, said"), the name the apposition describes."""
    i = verb.i - 1
    while i >= 0 and (verb.doc[i].is_punct or verb.doc[i].like_num):
        i -= 1
    if i >= 0 and i < verb.i - 1 and verb.doc[i].pos_ == "PROPN":
        for node in [verb.doc[i], *verb.doc[i].ancestors]:
            if node.dep_ == "appos" and node.head.pos_ == "PROPN" and node.head.i < node.i:
                return [node.head]
        return [verb.doc[i]]
    return []


def _nearer_relative_clause(verb: Token) -> Token | None:
    """In "he got them from X, a man who was arrested in April and has pleaded not guilty",
    the small parser may coordinate "pleaded" with "got"; the verb just before the "and"
    is the relative clause's, and that is what it continues. A comma before the "and"
    closes the relative clause: "X filled prescriptions for people who never saw a doctor,
    and sold the pills" is X selling them."""
    previous = [t for t in verb.doc[verb.head.i + 1 : verb.i] if t.pos_ == "VERB"]
    if not previous or any(t.dep_ == "cc" and t.nbor(-1).text == "," for t in verb.doc[previous[-1].i + 1 : verb.i]):
        return None
    nearest = previous[-1]
    if nearest.dep_ == "relcl" and any(c.lower_ in {"who", "which", "that"} and c.dep_ in SUBJECTS | PASSIVE_SUBJECTS
                                       for c in nearest.children):
        return nearest
    return None


def _own_subjects(verb: Token) -> list[Token]:
    """The verb's subjects, less a bare "each", "both" or "all", which stands for the subjects
    before it: "X and Y were arraigned and each pleaded not guilty"."""
    return [s for s in _nominal(_children(verb, SUBJECTS))
            if not (s.lower_ in DISTRIBUTIVE_PRONOUNS and not list(s.children))]


def _nominal(subjects: list[Token]) -> list[Token]:
    """A clause as subject stands for its own subject: "The last defendant still fighting the
    charges in Matthew Perry's death has agreed to plead guilty", where the parser makes
    "fighting" the subject, is the defendant's, not Perry's."""
    return [n for s in subjects for n in (_children(s, {"nsubj", "nsubjpass"}) if s.dep_ in {"csubj", "csubjpass"} else [s])]


_COPULAS = frozenset({"be", "become", "remain"})
# "X became the first person charged under the law" (not "the officer charged with guarding the prisoner")
_ANYONE_NOUNS = frozenset({"person", "man", "woman", "defendant", "suspect", "individual", "one", "people"})


_TARGET_NOUNS = frozenset({"target", "subject", "focus"})
_HOLDING_VERBS = frozenset({"hold", "own"})
# Verbs by which an inquiry tells what it established.
_FINDING_VERBS = frozenset({"find", "conclude", "determine", "show", "reveal", "establish"})


def _target_of(nominal: Token) -> list[Token]:
    """Who the event is aimed at, said by a noun of aim: "Park became the target of a federal
    investigation", "Park, the subject of a DEA inquiry"; or by a verb of aim after it: "an
    undercover operation targeting Dana Reyes"."""
    aimed = [o for clause in nominal.children if clause.dep_ == "acl" and clause.lemma_.lower() in {"target", "focus"}
             for o in (*_children(clause, {"dobj"}), *(o for p in _children(clause, {"prep"}) if p.lower_ == "on"
                                                       for o in _children(p, {"pobj"})))]
    if aimed:
        return aimed
    if nominal.dep_ != "pobj" or nominal.head.lower_ != "of" or nominal.head.head.lemma_.lower() not in _TARGET_NOUNS:
        return []
    aim = nominal.head.head
    if aim.dep_ == "attr" and aim.head.lemma_.lower() in _COPULAS:
        return _children(aim.head, SUBJECTS)
    if aim.dep_ == "appos":
        return [aim.head]
    return []


def _copula_of_anyone(noun: Token) -> Token | None:
    """The copula that says someone is the noun: "X became the first person (charged ...)"."""
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in _COPULAS and noun.lemma_.lower() in _ANYONE_NOUNS:
        return noun.head
    return None


def _understood_subject(verb: Token) -> tuple[list[Token], bool]:
    """The subject a verb without one shares with the clause it hangs from, and whether
    that subject undergoes the verb:

    - "X is scheduled to be sentenced" (xcomp): X, passive;
    - "X was arrested on Jan. 9 and charged the following week" (conj): X, passive;
    - "Born in Williamstown in 1969, X wrote ..." (participle clause): X, passive;
    - "X, a physician charged in the same case" (participle modifying a noun): X, passive;
    - "X became the first person charged under the law": X, passive.
    """
    governor = verb.head
    if verb.dep_ == "ROOT":
        # 'Jasveen Sangha, the woman dubbed the "Ketamine Queen," pleaded guilty': the parser
        # makes the apposition a clause of its own before the verb and the name its subject.
        opening = [c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i]
        named = [s for c in opening for s in _children(c, SUBJECTS) if s.left_edge.i == verb.sent.start]
        return named[:1], False
    if verb.dep_ == "conj":
        if any(c.dep_ == "parataxis" and c.i < verb.i and _children(c, SUBJECTS) for c in verb.children):
            return [], False  # "the woman prosecutors say sold the ketamine", misread as a second main verb
        governor = _nearer_relative_clause(verb) or governor
    if verb.dep_ in {"xcomp", "ccomp"} and governor.dep_ == "relcl" and governor.lemma_.lower() in _SOURCES_SAY \
            and not _children(verb, SUBJECTS | PASSIVE_SUBJECTS) \
            and not any(t.tag_ in {"WP", "WDT"} for t in verb.doc[governor.head.i + 1:governor.i]):
        # "Dwayne Carter, the man police say sold the pills": the one the clause tells of did it
        # (with "who", the pronoun's own rule)
        return [governor.head], any(c.dep_ == "auxpass" for c in verb.children)
    if (verb.dep_ in {"xcomp", "conj"} or _is_infinitive_clause(verb)) and governor.i != verb.i:
        controller = _nominal(_children(governor, SUBJECTS | PASSIVE_SUBJECTS))
        if not controller and governor.pos_ == "ADJ" and governor.dep_ == "acomp":
            controller = _children(governor.head, SUBJECTS)  # "X is due to be sentenced"
        if not controller and governor.dep_ == "conj" and verb.dep_ == "xcomp" \
                and governor.lemma_.lower() in _SCHEDULING_VERBS:
            # "Sangha has denied the charges and is scheduled to go on trial Aug. 19"
            controller = _understood_subject(governor)[0]
        # "was arrested ... and charged": the second verb shares the first one's passive auxiliary.
        passive = _reads_passive(verb, governor)
        return controller, passive
    if verb.dep_ == "advcl" and (verb.tag_ in {"VBN", "VBG"} or _fronted_gerund(verb)) and not _children(verb, {"mark"}):
        return _children(governor, SUBJECTS | PASSIVE_SUBJECTS), verb.tag_ == "VBN"
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        noun = governor.head if governor.dep_ == "appos" else governor
        copula = _copula_of_anyone(noun)
        if copula is not None:  # "X became the first person charged under the law": X is that person
            return _children(copula, SUBJECTS) or [noun], True
        return _members(noun) or [noun], True
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and governor.dep_ == "prep" and governor.head.pos_ in ("VERB", "AUX"):
        if governor.lower_ in {"of", "with"} and governor.head.lemma_.lower() in ACCUSING_VERBS:
            # "Prosecutors accuse her of selling", "she was charged with selling": the one accused.
            accused = _children(governor.head, OBJECTS) or _children(governor.head, PASSIVE_SUBJECTS)
            if accused:
                return accused, False
        # "she died after swallowing ...": she swallowed
        clause = _clause_holding(governor)
        subjects = _children(clause, SUBJECTS)
        if subjects or governor.lower_ in {"before", "without"} or _children(clause, {"agent"}):
            # not "was cleared by the panel after reviewing his records", nor "will be arraigned in
            # July before facing trial" (what comes after may not come at all)
            return subjects, False
        # "he was sentenced after pleading guilty", "was jailed for supplying the pills": he did it;
        # "is scheduled to be sentenced on Aug. 5 after pleading guilty": the one to be sentenced
        return (_children(clause, PASSIVE_SUBJECTS)
                or (_understood_subject(clause)[0] if clause is not verb else [])), False
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and governor.dep_ == "prep" and governor.lower_ == "of" \
            and governor.head.lower_ == "guilty" and governor.head.head.pos_ in ("VERB", "AUX"):
        # "was found guilty of supplying the heroin": the one found guilty did it ("found Ortiz
        # guilty of selling", which the parser reads as a clause of its own: its subject)
        found = governor.head.head
        return _children(governor.head, SUBJECTS) or _children(found, PASSIVE_SUBJECTS) or _children(found, OBJECTS) \
            or _children(found, SUBJECTS), False
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and governor.dep_ == "prep" and governor.head.pos_ == "NOUN":
        return _children(governor.head, {"poss"}), False  # "his role in supplying ketamine": he supplied it
    if verb.dep_ in {"acl", "amod"} and verb.tag_ == "VBG":
        return _issuer(governor), False
    return [], False


# Verbs of a source inside a relative clause with no pronoun: "the man police say sold the pills".
_SOURCES_SAY = frozenset({"say", "allege", "believe", "claim", "suspect"})

# "is scheduled to", "is set to", "is expected to", "is due to": what comes next for the subject.
_SCHEDULING_VERBS = frozenset({"schedule", "set", "expect", "slate", "due"})


# Verbs by which a body puts out a document that does what it says: "issued an order suspending ...".
_ISSUING_VERBS = frozenset({"issue", "send", "release", "publish", "post", "adopt", "distribute", "circulate"})


def _issuing_verb(document: Token) -> Token | None:
    """The verb that issued a document a participle describes: "the FDA issued a safety
    communication warning that ...", "Health Canada issued an advisory warning Canadians ...",
    "the board adopted an emergency rule scheduling nine compounds". The parser may make the
    document the subject of the clause that follows it ("a safety communication warning that
    [products] had not been evaluated")."""
    holder = document.head
    if document.dep_ in SUBJECTS | PASSIVE_SUBJECTS and holder.dep_ == "ccomp" and holder.head.i < document.i:
        holder = holder.head
    elif document.dep_ not in OBJECTS:
        return None
    return holder if holder.pos_ == "VERB" and holder.lemma_.lower() in _ISSUING_VERBS else None


def _issuer(document: Token) -> list[Token]:
    """Who issued the document (see _issuing_verb)."""
    verb = _issuing_verb(document)
    return _children(verb, SUBJECTS) if verb is not None else []


def _members(group: Token) -> list[Token]:
    """Who a sentence counts among a group: "She was one of five people charged", "He was
    among four men arrested" — she, he."""
    preposition = group.head
    if group.dep_ != "pobj" or preposition.lower_ not in {"of", "among"}:
        return []
    holder = preposition.head
    if preposition.lower_ == "of":  # "one of five people": the "one" a copula's complement
        if holder.lower_ != "one" or holder.dep_ != "attr":
            return []
        holder = holder.head
    return _children(holder, SUBJECTS) if holder.lemma_ == "be" else []


def _clause_holding(preposition: Token) -> Token:
    """The verb whose clause a prepositional phrase belongs to. The parser may hang the phrase
    on a subjectless piece of the clause: "died ... after swallowing half of what she
    believed was a Percocet" hangs "after" on "was"."""
    clause = preposition.head
    for _ in range(2):
        if _children(clause, SUBJECTS) or clause.dep_ not in {"advcl", "conj"}:
            break
        clause = clause.head
    return clause


def _controller(verb: Token) -> list[Token]:
    """Who does what an infinitive says: the object of the verb it hangs from when there is
    one ("prompted the Department of Health to issue an alert"), else that verb's subject
    ("the FDA decided to issue a warning")."""
    if not (verb.dep_ == "xcomp" or _is_infinitive_clause(verb)) or verb.head.i == verb.i:
        return []
    governor = verb.head
    if governor.pos_ == "ADJ" and governor.dep_ == "acomp":
        governor = governor.head  # "X is due to enter a plea": the copula's subject does it
    # "is expected to enter a plea", "was ordered to surrender": the passive's subject does it
    return _children(governor, {"dobj"}) or _children(governor, SUBJECTS) or _children(governor, PASSIVE_SUBJECTS)


def _conjunct_subject(verb: Token) -> list[Token]:
    """ "Lanfield was arraigned Friday and entered a plea of not guilty": a verb coordinated
    with an earlier one, active where that one is passive or not, shares its subject."""
    if verb.dep_ != "conj" or _children(verb, PASSIVE_SUBJECTS) or _is_passive(verb):
        return []
    subjects, _ = _understood_subject(verb)
    return subjects


_AUXILIARY_LEMMAS = frozenset({"be", "have", "do"})


def _ones_who_did_the_same(verb: Token) -> list[Token]:
    """ "Plasencia has pleaded not guilty, as has Sangha", "Iwamasa pleaded guilty, as did
    Fleming": the subjects of a clause that only repeats the verb's auxiliary."""
    return [s for clause in _children(verb, {"advcl"})
            if clause.lemma_.lower() in _AUXILIARY_LEMMAS
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in clause.children)
            and not any(c.dep_ in OBJECTS | {"acomp", "attr", "xcomp", "ccomp"} for c in clause.children)
            for s in _children(clause, SUBJECTS)]


def _participle_subject(verb: Token) -> list[Token]:
    """ "Speaking at a news conference, the U.S. attorney said ...", "Holding a news conference,
    ...", "Writing in an essay, ...", "Facing charges, ...": a participle clause of speaking,
    giving out or facing has its main clause's subject (not a watcher's: "Watching the news
    conference, her mother wept"; nor whoever quotes it: "Quoting a statement from the family")."""
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_.lower() in _SHARING_PARTICIPLES:
        return _understood_subject(verb)[0]
    return []


_HELP_NOUNS = frozenset({"help", "assistance", "support", "aid", "cooperation"})
_HELPING_PEOPLE = frozenset({"agent", "officer", "detective", "trooper", "investigator", "deputy", "inspector"})
_WORKING_WITH = frozenset({"work", "partner", "team"})
_BACKED_BY = frozenset({"assist", "back", "aid", "help", "join", "support"})


def _assisting(token: Token) -> list[Token]:
    """Who helps do it: "with help from the DEA's Riverton office", "agents from the DEA, with
    Missouri State Highway Patrol troopers, raided", "working with agents from the DEA",
    "backed by Ellery police officers"."""
    found: list[Token] = []
    holders = [token, *_children(token, SUBJECTS)]
    for holder in holders:
        for obj in _prep_objects(holder).get("with", []):
            found += _helpers_named(obj)
    for clause in (c for holder in holders for c in _children(holder, {"advcl", "xcomp", "acl"})):
        lemma = clause.lemma_.lower()
        if lemma in _WORKING_WITH:
            found += [h for obj in _prep_objects(clause).get("with", []) for h in _helpers_named(obj)]
        elif lemma in _BACKED_BY and clause.tag_ == "VBN":
            found += [h for obj in _prep_objects(clause).get("by", []) for h in _helpers_named(obj)]
    return found


def _helpers_named(obj: Token) -> list[Token]:
    """The organisation a helping phrase names: "help from X", "agents from X", "X troopers",
    or an organisation itself ("with the FBI"); not a person one is with."""
    lemma = obj.lemma_.lower()
    if lemma in _HELP_NOUNS:
        return [h for prep in ("from", "of") for o in _prep_objects(obj).get(prep, []) for h in _helpers_named(o)]
    if lemma in _HELPING_PEOPLE:
        return [*_prep_objects(obj).get("from", []), *_prep_objects(obj).get("with", []),
                *(c for c in obj.children if c.dep_ in {"compound", "poss"})]
    # ("the DEA's Riverton Resident Office": the office and the DEA)
    return [obj, *_children(obj, {"poss"})] if obj.ent_type_ == "ORG" else []


_PROVIDING_VERBS = frozenset({"supply", "provide", "furnish"})
_SHARING_PARTICIPLES = frozenset({"speak", "talk", "testify", "appear", "hold", "give", "write", "issue", "release",
                                  "face"})


def _positions(match: _Match, taxonomy: Taxonomy) -> tuple[dict[str, list[Token]], Token, Token | None]:
    """Grammatical positions around the trigger → the tokens heading them."""
    head = match.head
    positions: dict[str, list[Token]] = {}

    def add(name: str, tokens: Iterable[Token]) -> None:
        positions.setdefault(name, []).extend(tokens)

    verb: Token | None = None
    if match.trigger.part_of_speech == "VERB":
        verb = head
        subjects = [] if match.trigger.subject_ignored else _own_subjects(head)
        passive_subjects = _children(head, PASSIVE_SUBJECTS)
        described = _described_subject_misparsed(head, subjects + passive_subjects)
        if described is not None:
            subjects, passive_subjects = ([], [described]) if passive_subjects else ([described], [])
        if not subjects and not passive_subjects:
            controller, passive = _understood_subject(head)
            if passive:
                passive_subjects = controller
            elif not match.trigger.subject_ignored:
                subjects = controller
        subjects = subjects + _shared_relative_antecedents(head, subjects)
        # "Plasencia has pleaded not guilty, as has Sangha"; "X was arrested, as was Y"
        if subjects:
            subjects += _ones_who_did_the_same(head)
        elif passive_subjects:
            passive_subjects += _ones_who_did_the_same(head)
        if match.trigger.subject_is_experiencer or (match.trigger.subject_is_experiencer_alone and not _given_to_someone(head)):
            add("experiencer", subjects)
        elif match.trigger.subject_is_patient:
            add("patient", subjects)
        else:
            add("agent", subjects)
        add("reporter", _reporters(head, taxonomy))
        add("assisting", _assisting(head))
        objects = _children(head, OBJECTS)
        if head.lemma_.lower() in ADDRESSEE_VERBS:  # "told CBS News": whom it was told to
            add("recipient", objects or _organisation_right_after(head))
            # "telling host Brent Yoakum": one who hosts is who interviews
            add("with", [o for o in objects if _is_broadcaster(o)])
            objects = []
        direct = _children(head, {"dobj"})
        if head.lemma_.lower() in _PROVIDING_VERBS and any(c.dep_ == "prep" and c.lower_ == "with" for c in head.children):
            # "supplied him with codeine": whom it went to, the thing after "with"
            add("recipient", direct)
            objects = [o for o in objects if o not in direct]
            direct = []
        if len(direct) == 2 and direct[0].tag_ in {"NNP", "PRP"} and direct[0].i < direct[1].i:
            # "sold Faraday the pills": the parser's first of two objects is whom it went to
            add("recipient", direct[:1])
            objects = [o for o in objects if o is not direct[0]]
        add("patient", objects + passive_subjects)
        for complement in _children(head, {"ccomp", "xcomp", "oprd"}):
            if complement.pos_ == "ADJ":  # "found Webb not guilty": the small clause's subject
                add("patient", _children(complement, SUBJECTS))
        for clause in _children(head, {"ccomp"}):
            # "probing how Dr. Lin obtained the drug", "alerted patients that Meridian had begun
            # recalling": whom the clause tells of
            add("told_of", _children(clause, SUBJECTS | PASSIVE_SUBJECTS))
        add("recipient", _children(head, {"dative", "iobj"}))
        preps = _prep_objects(head)
        # "got the tablets from X": the parser hangs "from" on the object, or on what it counts
        # ("selling 51 vials of ketamine to Erik Fleming").
        holders = [*_children(head, OBJECTS)]
        holders += [o for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                    for o in _children(p, {"pobj"})]
        for obj in holders:
            for prep, objs in _prep_objects(obj).items():
                if prep in {"from", "to", "by"} and prep not in preps:  # "published a study by Dr. Albrecht"
                    preps[prep] = objs
            for held in _children(obj, {"acl"}):
                if held.lemma_.lower() in _HOLDING_VERBS:  # "suspended the licence held by Calder Vale": its holder's
                    add("of", _prep_objects(held).get("by", []))
        # "sold tablets without prescriptions to Kyle Brandvold", "for cash to a friend": hung on
        # the phrase before it
        for obj in (o for p in ("without", "for") for o in preps.get(p, [])):
            for prep, objs in _prep_objects(obj).items():
                if prep in {"from", "to"} and prep not in preps:
                    preps[prep] = objs
        if match.trigger.media_outlet and not any(p in preps for p in ("on", "with", "to")):
            # "spoke about her father's death on WPVX radio": the parser hangs "on" from "death".
            for token in _subtree_excluding_clauses(head)[1:]:
                if token.dep_ == "prep" and token.lower_ in {"on", "with", "to"}:
                    preps.setdefault(token.lower_, []).extend(_children(token, {"pobj"}))
            if head.dep_ == "advcl" and head.tag_ == "VBG" and "on" not in preps:
                # "defended his protocols on the podcast 'Ketamine Frontiers,' telling host ...": where it was said
                preps["on"] = _prep_objects(head.head).get("on", [])
        if passive_subjects and "by" not in preps:
            # "was erased from the medical register by the Tribunal Service", "was arrested at his
            # home by detectives": the parser hangs the doer on the last noun
            preps["by"] = [o for objs in preps.values() for obj in objs for o in _prep_objects(obj).get("by", [])]
        if "by" in preps and passive_subjects:
            add("agent", preps.pop("by"))
        # "recalling the vials at the FDA's request": the parser may hang it on the object
        requesters = _requesters([*preps.get("at", []), *(o for obj in _children(head, OBJECTS)
                                                         for o in _prep_objects(obj).get("at", []))])
        if requesters:  # "Norvale recalled 14 lots at the request of the FDA": the FDA asked Norvale
            add("requester", requesters)
            add("recipient", subjects)
        for prep, objs in preps.items():
            add(prep, objs)
            if prep == "to":
                add("recipient", objs)
        if "INTERVIEWER" in match.event_type.roles and _on_their_programme(head):
            # "Speaking to Don Lemon on his podcast": the one spoken to hosts the programme
            add("with", [o for o in preps.get("to", []) if o.ent_type_ == "PERSON"])
        nominal = head
    else:
        nominal = _nominal_head(head)
        add("possessor", _children(nominal, {"poss"}))
        # ("opened a criminal investigation ..., working with the U.S. Postal Inspection Service")
        add("assisting", _assisting(nominal) + (_assisting(nominal.head) if nominal.dep_ in OBJECTS else []))
        add("compound", [c for c in nominal.children if c.dep_ in {"compound", "nmod"} and c.i not in {t.i for t in match.tokens}])
        for prep, objs in _prep_objects(nominal).items():
            add(prep, objs)
        for counted in _prep_objects(nominal).get("of", []):
            # "a charge of professional misconduct against her": the parser hangs "against" on the offence
            add("against", _prep_objects(counted).get("against", []))
        add("target", _target_of(nominal))
        if nominal.dep_ in SUBJECTS and nominal.head.lemma_.lower() in _FINDING_VERBS:
            # "An investigation by the board found that Dr. Ruiz had prescribed ...": whom it found of
            add("told_of", [s for c in _children(nominal.head, {"ccomp"}) for s in _children(c, SUBJECTS | PASSIVE_SUBJECTS)])
        undergone = _undergone_in(match, nominal, taxonomy)
        for clause in _children(nominal, {"relcl"}):
            makers = [s for s in _children(clause, SUBJECTS) if s.tag_ not in {"WDT", "WP"}]
            if clause.lemma_.lower() in match.event_type.given_by_principal:
                positions.pop("possessor", None)
                add("experiencer", makers)  # "an interview Fairweather gave to WFAL-TV": his, WFAL-TV's
                add("recipient", _recipients(clause))
            elif clause.lemma_.lower() in taxonomy.agent_light_verbs | taxonomy.release_verbs:
                # "an autopsy report the Clark County Coroner's Office released Tuesday": who made it
                add("agent", makers)
            elif clause is undergone:
                add("experiencer", makers)  # "a treatment he had received": his
        # "an indictment returned against Sangha", "warning letters sent to three companies",
        # "a study, published in May and led by Dr. Rao"; not "an injection made by Sandor Pharma"
        participles = [p for owner in _phrase_heads(nominal) for acl in _children(owner, {"acl"})
                       for p in (acl, *(c for c in _children(acl, {"conj"}) if c.tag_ == "VBN" and not _own_subjects(c)))]
        for participle in participles:
            if participle.lemma_.lower() in taxonomy.product_verbs:
                continue
            for prep, objs in _prep_objects(participle).items():
                add(prep, objs)
            add("recipient", _children(participle, {"dative"}))
        if nominal is not head:
            add("possessor", _children(head, {"poss"}))
            for prep, objs in _prep_objects(head).items():
                add(prep, objs)
        verb, relation = _governing_verb(nominal)
        if verb is not None and any(c.lower_ == "their" for c in _children(nominal, {"poss"})):
            add("possessor", _coordinated_subjects(verb))  # "X and Y are set to learn their sentences"
        if verb is not None:
            subjects = _children(verb, SUBJECTS) or _controller(verb) or _conjunct_subject(verb) \
                or _participle_subject(verb)
            light_verbs = taxonomy.experiencer_light_verbs | taxonomy.agent_light_verbs
            if not subjects and verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.lemma_.lower() in light_verbs:
                # "died on May 14, four days after receiving a ketamine infusion": she received it
                understood, passive = _understood_subject(verb)
                subjects = [] if passive else understood
            lemma = verb.lemma_.lower()
            if relation in OBJECTS:
                if match.trigger.subject_is_agent:
                    add("agent", subjects)  # "the Board took immediate action"
                elif lemma in match.event_type.given_by_principal:
                    positions.pop("possessor", None)  # "gave her first interview": hers, the giver's
                    add("experiencer", subjects)  # "Perry gave an interview to CNN"
                    add("recipient", _recipients(verb))
                elif lemma in match.event_type.taken_by_principal and any(map(_is_legal_party, subjects)):
                    add("experiencer", [*_prep_objects(verb).get("with", []), *_prep_objects(nominal).get("with", [])])
                elif lemma in match.event_type.done_by_subject_of:
                    add("agent", subjects)
                elif lemma in taxonomy.experiencer_light_verbs | match.event_type.taken_by_principal:
                    add("experiencer", subjects)
                elif lemma in taxonomy.agent_light_verbs:
                    add("agent", subjects)
                    add("recipient", _children(verb, PASSIVE_SUBJECTS))  # "was handed a sentence"
                    add("recipient", _recipients(verb))
                    add("on", _prep_objects(verb).get("on", []))  # "imposed an interim suspension on Qureshi"
                else:
                    add("host", subjects)
                if lemma in taxonomy.court_verbs:  # "Judge Sorensen set a retrial for June 9"
                    add("court", subjects)
            elif relation == "prep":
                add("host", subjects or _stranded_subject(verb))
                if _placed_under(nominal, verb):  # "remains under investigation", "placed Dunn under arrest"
                    placed = _children(verb, {"dobj"}) or subjects or _children(verb, PASSIVE_SUBJECTS)
                    # someone named, or someone's death; "the case remains under investigation" is on
                    # its defendants, else whoever the story follows
                    add("patient", [t for t in placed if t.pos_ in {"PROPN", "PRON"} or "of" in _prep_objects(t)
                                    or t.lemma_.lower() in _CASE_NOUNS])
                if _undergone_through_preposition(nominal, verb, taxonomy):
                    add("experiencer", subjects)  # "agreed to a plea deal", "went through a course of infusions"
                if _scheduled_for(nominal, verb):
                    add("experiencer", _children(verb, PASSIVE_SUBJECTS))  # "Lowe is scheduled for trial in October"
                add("host_object", _children(verb, OBJECTS))  # "placed the doctor on probation"
                if lemma in _HELD_ON_A_CHARGE and not (_prep_objects(verb).get("as") or _prep_objects(nominal).get("as")):
                    # "were named in an indictment", "was arrested on a criminal complaint"; not "named in it as victims"
                    add("host_patient", _children(verb, PASSIVE_SUBJECTS))
                if lemma in taxonomy.speech_verbs:  # "told CBS News in an interview"
                    add("host_speaker", subjects)
                    add("host_recipient", _children(verb, {"dative", "iobj", "dobj"}))
            for prep, objs in _prep_objects(verb).items():
                if prep in {"by", "with", "against", "into"} or (prep == "from" and relation in SUBJECTS):
                    add(prep, objs)  # "a shipment arrived from Northstar", not "distanced itself from X"
        if nominal.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
            add("agent", _issuer(nominal))  # "issued a safety communication warning that [products] had not been"
        if _is_cited_source(nominal):
            # "According to an indictment returned on Dec. 4, Dr. Vasko sold ...": whom the
            # source tells of, the subject of the clause it is cited for.
            cited_for = nominal.head.head.head
            people = get_lexicon().describing_nouns
            acts = {cited_for.lemma_.lower()} | {c.lemma_.lower() for c in _children(cited_for, {"xcomp"})}
            if acts & taxonomy.accused_acts:  # "agreed to sell"; not "Perry died", "the DEA began investigating"
                add("cited_for", [s for s in _children(cited_for, SUBJECTS)
                                  if s.pos_ == "PROPN" or s.lower_ in {"he", "she", "they"} or s.lemma_.lower() in people])
        # "declared a mistrial in the case of a Houston pharmacist": whose case it is.
        holders = [nominal] if verb is None else [nominal, verb]
        cases = [o for holder in holders for o in _prep_objects(holder).get("in", []) if o.lemma_.lower() == "case"]
        for case in cases:
            for case_prep, case_objs in _prep_objects(case).items():
                if case_prep in {"of", "against"}:
                    add(case_prep, case_objs)
    # "The FDA asked the pharmacy to recall ...": who asks, and whom.
    clause = verb if verb is not None else nominal
    if (clause.dep_ == "xcomp" or _is_infinitive_clause(clause)) and clause.head.lemma_.lower() in taxonomy.request_verbs:
        add("requester", _children(clause.head, SUBJECTS))
        add("recipient", _children(clause.head, OBJECTS | {"dative"}))
    if match.trigger.from_is_place:
        positions.pop("from", None)  # "took fentanyl from the drug cupboard": nobody supplied it
    # "Sentencing is set for Oct. 8 before U.S. District Judge Harriet Lowe": the court it comes before
    holders = {t.i: t for t in (nominal, verb, match.head) if t is not None}  # each once
    add("court", [o for holder in holders.values() for o in _prep_objects(holder).get("before", [])
                  if any(t.lower_ in _JUDGES_TITLES for t in o.subtree)])
    return positions, nominal, verb


def _is_broadcaster(person: Token) -> bool:
    """ "host Brent Yoakum", "anchor Lester Holt", "Dee Rollins, the show's host"."""
    describing = [c for c in person.children if c.dep_ in {"compound", "appos"}] + [person]
    return any(get_lexicon().description_group.get(t.lemma_.lower()) == "broadcast" for t in describing)


def _on_their_programme(verb: Token) -> bool:
    """ "on his podcast", "on her show": a programme of whoever the verb speaks to."""
    return any(o.lemma_.lower() in get_lexicon().programme_nouns
               and any(c.dep_ == "poss" and c.lower_ in {"his", "her", "their"} for c in o.children)
               for o in _prep_objects(verb).get("on", []))


def _recipients(verb: Token) -> list[Token]:
    """Whom a verb of giving gives to: "gave CNN an interview", "gave it to CNN" (the parser
    may make that "to" a dative of its own)."""
    given = [c for c in _children(verb, {"dative", "iobj"}) if c.pos_ != "ADP"]
    return given + [o for p in verb.children if p.lower_ == "to" and p.dep_ in {"prep", "dative"}
                    for o in _children(p, {"pobj"})]


# Verbs whose passive subject is the one a charging document "in"/"on" them is against.
_HELD_ON_A_CHARGE = frozenset({"name", "arrest", "detain", "hold", "book", "jail", "extradite", "arraign",
                               "accuse", "take"})


def _given_to_someone(verb: Token) -> bool:
    """Whether a clause names whom its act was given to, or who gives it by trade: "injected
    him", "injected her friend with heroin", "injected it into Ostrowski's thigh", "injected
    ketamine for Colm Byrne", "Nurse Pell injected the ketamine", "injected naloxone"; not "she
    injected ketamine", "Mr Marlow injected the fentanyl in his car"."""
    lex = get_lexicon()

    def someone(token: Token) -> bool:  # "him", "Perry", "her friend", "two clients", "Ostrowski's thigh"
        lemma = token.lemma_.lower()
        return token.lower_ in _PERSONAL_OBJECTS or token.pos_ == "PROPN" or token.ent_type_ == "PERSON" \
            or lemma in lex.person_nouns or lemma in lex.describing_nouns or lemma in lex.relation_nouns \
            or lemma in lex.relative_nouns or lemma in _PEOPLE_GIVEN_TO \
            or any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children) \
            or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)  # "his partner, Lowri Evans,"

    objects = _children(verb, OBJECTS | PASSIVE_SUBJECTS)
    # the parser may hang "for Colm Byrne" on what was injected; "for years", "into her arm" are no one
    if _children(verb, {"dative"}) or any(someone(o) for holder in (verb, *objects) for p, found in _prep_objects(holder).items()
                                          if p in ("into", "to", "for") for o in found):
        return True
    subjects = _children(verb, SUBJECTS)
    if any(t.lower_ in _CLINICIANS for s in subjects for t in (s, *_children(s, {"compound", "appos", "amod"}))):
        return True
    return any(someone(o) or o.lemma_.lower() in _RESCUE_DRUGS for o in objects)


_PERSONAL_OBJECTS = frozenset({"him", "her", "them", "me", "us", "you", "himself", "herself", "themselves"})
# People a drug is given to whom the lexicon does not describe otherwise.
_PEOPLE_GIVEN_TO = frozenset({"patient", "client", "customer", "inmate", "prisoner", "victim", "resident", "child",
                              "baby", "infant"})
# Drugs given to someone else, to save them.
_RESCUE_DRUGS = frozenset({"naloxone", "narcan", "epinephrine", "adrenaline"})
_CLINICIANS = frozenset({"dr", "dr.", "doctor", "nurse", "paramedic", "paramedics", "physician", "anesthesiologist",
                         "anaesthetist", "medic", "medics", "emt", "emts", "clinician", "staff"})


def _is_cited_source(nominal: Token) -> bool:
    """ "according to an indictment": the noun is where what the clause says comes from."""
    return nominal.dep_ == "pobj" and nominal.head.lower_ == "to" and nominal.head.head.lower_ == "according"


REQUEST_NOUNS = frozenset({"request", "urging", "direction", "behest", "insistence", "order", "orders"})


def _requesters(at_objects: list[Token]) -> list[Token]:
    """Who asked for it: "at the request of the FDA", "at the FDA's request"."""
    found: list[Token] = []
    for noun in at_objects:
        if noun.lemma_.lower() in REQUEST_NOUNS:
            found += _children(noun, {"poss"}) + _prep_objects(noun).get("of", [])
    return found


def _coordinated_subjects(verb: Token) -> list[Token]:
    """The several people a clause is about, when its subject, said or understood, is a
    coordination: "Iwamasa and Fleming are set to learn their sentences" → both."""
    subjects = _children(verb, SUBJECTS | PASSIVE_SUBJECTS) or _understood_subject(verb)[0]
    everyone = [c for s in subjects for c in (s, *s.conjuncts)]
    return everyone if len(everyone) > 1 else []


def _shared_relative_antecedents(verb: Token, subjects: list[Token]) -> list[Token]:
    """ "Travis Gentry, 34, and Kaylee Doucet, 27, who died ... within weeks of each other":
    a relative clause the parser hangs on the last of several names, and whose words say it
    is about more than one, is about all of them."""
    if verb.dep_ != "relcl" or not any(s.lower_ in {"who", "that", "which"} for s in subjects):
        return []
    if not any(t.lower_ in PLURAL_CUES for t in verb.subtree):
        return []
    antecedent = verb.head
    first = antecedent.head if antecedent.dep_ == "conj" else antecedent
    conjuncts = [first, *first.conjuncts]
    return [c for c in conjuncts if c.i != antecedent.i] if len(conjuncts) > 1 else []


def _subtree_excluding_clauses(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ in CLAUSE_BOUNDARIES:
            continue
        out.extend(_subtree_excluding_clauses(child))
    return out


ARGUMENT_POSITIONS = ("agent", "patient", "experiencer", "recipient", "possessor", "against")
REPORTING_LINKS = {"ccomp", "relcl", "xcomp", "advcl", "conj"}  # from a reported clause up to its reporting verb
MODIFIER_LINKS = {"poss", "compound", "nmod", "amod", "conj", "cc", "case"}
COORDINATION = {"conj", "cc"}


def _in_apposition_phrase(root: Token, top: Token) -> bool:
    """A name inside a phrase of an apposition ("Dr X, a consultant at the Royal Free
    Hospital, told ..."): it describes the participant, it is not one."""
    node, through_preposition = root, False
    while node.i != top.i and node.head.i != node.i:
        through_preposition |= node.dep_ == "pobj"
        if node.dep_ == "appos" and through_preposition:
            return True
        node = node.head
    return False


def _apposition_astray(name: Span) -> bool:
    """A name the parser sets beside another across a phrase: in "Melissa Orrick was
    acquitted over the death of her boyfriend, Liam Catterall," the boyfriend is Liam
    Catterall, not Orrick (but in "Pettibone, Keel and a third defendant, Crystal Mayhew,"
    the three are coordinated, and in "The U.S. Attorney for the Western District of Washington,
    Tessa Grayling," the title is hers): a phrase with its own verb between them."""
    root = name.root
    if root.dep_ != "appos" or root.head.pos_ != "PROPN" or root.head.i > root.i:
        return False
    between = root.doc[root.head.i + 1 : name.start]
    return any(t.dep_ == "prep" for t in between) and any(t.pos_ in ("VERB", "AUX") for t in between)


def _victim_in_the_phrase(root: Token, top: Token) -> bool:
    """A name in a crime the phrase names: "convicted Darnell Heston, 29, of murder in the death
    of Kaitlyn Moreau", where the parser hangs the charge on the name. The victim is never the
    one accused."""
    node = root.head
    while node.i != top.i and node.head.i != node.i:
        if node.lemma_.lower() in _CRIME_NOUNS:
            return True
        node = node.head
    return False


_LED_GROUPS = frozenset({"team", "group", "researcher", "scientist", "investigator", "author", "doctor", "clinician"})
# What is someone's by being run by them: "a website run by Medivance Direct" is Medivance's.
# (Not "a clinic run by Dr. Lee": a clinic acts on its own, by its staff.)
_RUN_THINGS = frozenset({"website", "site", "shop", "store", "storefront", "account", "page", "channel", "network",
                         "ring", "operation", "scheme"})
_RUNNING_VERBS = frozenset({"run", "operate", "own", "manage", "control"})


@lru_cache(maxsize=1)
def _acting_for_an_organisation() -> frozenset[str]:
    """People who act for the organisation named before them: "a DEA agent", "an FDA inspector"."""
    officials = {noun for noun, group in get_lexicon().description_group.items() if group == "official"}
    return frozenset(officials | {"agent", "detective", "trooper", "deputy"})


def _leaders(token: Token) -> list[Token]:
    """Who leads the group or runs the thing a noun names: "a team led by Dr. Oren Falk", "a
    website run by Medivance Direct"."""
    leading = {"lead", "head"} if token.lemma_.lower() in _LED_GROUPS else _RUNNING_VERBS
    return [o for clause in _children(token, {"acl"}) if clause.lemma_.lower() in leading
            for by in clause.children if by.dep_ == "agent" or (by.dep_ == "prep" and by.lower_ == "by")
            for o in _children(by, {"pobj"})]


def _is_organisation(span: ActorSpan, actors: ActorAnalysis) -> bool:
    return span.actor_id in actors.actors and actors.actors[span.actor_id].kind == ActorKind.ORGANIZATION


def _actors_under(token: Token, actors: ActorAnalysis, acting: bool = False, accused: bool = False) -> list[ActorSpan]:
    """The actors a position's phrase refers to: "Perry's assistant" is the assistant,
    not Perry; "the X and Tesla owner" is the owner, not X or Tesla; "a team led by Dr.
    Oren Falk" is Dr. Falk's, "a website run by Medivance Direct" Medivance's."""
    if token.lemma_.lower() in _LED_GROUPS | _RUN_THINGS:
        leaders = _leaders(token)
        if not leaders and token.lemma_.lower() in _RUN_THINGS and token.pos_ == "NOUN" \
                and any(c.dep_ == "det" and c.lower_ in {"the", "that", "this"} for c in token.children):
            # "Police investigated the website": the one told before as run by someone
            leaders = next((found for earlier in reversed(token.doc[:token.i]) if earlier.lemma_ == token.lemma_
                            for found in [_leaders(earlier)] if found), [])
        if leaders:
            return [a for leader in leaders for a in _actors_under(leader, actors)]
    if token.pos_ == "NOUN":
        # "A man identified in the complaint as Trent Lowry", "a woman named Dana Reyes": the one named
        named = [o for clause in _children(token, {"acl"}) if clause.lemma_.lower() in {"identify", "name"}
                 for o in [*_children(clause, {"oprd"}),
                           *(o for p in _children(clause, {"prep"}) if p.lower_ == "as" for o in _children(p, {"pobj"}))]]
        found = [a for o in named for a in _actors_under(o, actors)]
        if found:
            return found
    tokens = _subtree_excluding_clauses(token)
    doc = token.doc
    lo = min(t.idx for t in tokens)
    hi = max(t.idx + len(t.text) for t in tokens)
    token_ids = {t.i for t in tokens}
    spans = []
    for span in actors.spans_between(lo, hi):
        chars = doc.char_span(span.start, span.end, alignment_mode="expand")
        if chars is not None and chars.root.i in token_ids and not _in_apposition_phrase(chars.root, token) \
                and not (accused and _victim_in_the_phrase(chars.root, token)) and not _apposition_astray(chars):
            spans.append((span, chars.root))
    if not spans and token.pos_ == "PROPN":
        # A name the parser split, begun in this phrase and running on past it: 'sat down with
        # "Wisconsin Tonight"', "told BBC Radio 5 Live on Sunday" (the last word read as a verb)
        split = actors.actor_at(token.idx, token.idx + len(token.text))
        if split is not None and lo <= split.start <= token.idx and split.end > hi:
            spans.append((split, token))
    roots = {root.i for _, root in spans}
    people_words = get_lexicon().nouns_for_people
    people_roots = {root.i for span, root in spans if not _is_organisation(span, actors)}
    result: list[ActorSpan] = []
    seen: set[str] = set()
    for span, root in spans:
        if not acting and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.i in people_roots \
                and _is_organisation(span, actors):
            # "a study by Dr. Anita Rao of Emory University": where she works, no second author
            # (but in a role that acts, "performed by Dr. X of the Coroner's Office", the office acts)
            continue
        # Walk up through modifiers and coordination: a name that modifies another actor's
        # noun ("Perry's assistant", "the X and Tesla owner") is not a participant itself;
        # names coordinated with each other ("Iwamasa and Fleming pleaded") all are.
        node, inside_other = root, False
        while node.dep_ in MODIFIER_LINKS and node.head.i != node.i:
            parent = node.head
            # "arrested Carlos Ybarra and Destiny Ruiz", parsed as Ybarra modifying Ruiz: a name
            # with its own "and" hung on another name is coordinated with it (but "the X and Tesla
            # owner" is the owner)
            coordinated = node.dep_ in COORDINATION or (
                parent.pos_ == "PROPN" and any(c.dep_ == "cc" for c in node.children))
            if not coordinated and parent.i != root.i and (
                    parent.i in roots or any(c.dep_ == "appos" and c.i in roots for c in parent.children)):
                inside_other = True  # "his label, Crescent Row Records": the label's name, not "his"
                break
            if node.dep_ == "poss" and parent.pos_ == "NOUN" and parent.lemma_.lower() in people_words and (
                    node.tag_ == "PRP$" or any(c.dep_ == "case" for c in node.children)) \
                    and not (acting and parent.lemma_.lower() in _acting_for_an_organisation()
                             and _is_organisation(span, actors)):
                # "her second child was born": the child, whom the text does not name (but in a
                # role that acts, "its inspectors seized ...": the organisation's staff act for it)
                inside_other = True
                break
            # (but "Lumenra clinicians mailed ketamine", and in a role that acts, "a DEA agent arrested
            # him": its staff act for it; not "a former DEA agent was charged")
            if node.dep_ == "compound" and parent.tag_ == "NN" and parent.lemma_.lower() in people_words \
                    and not (acting and parent.lemma_.lower() in _acting_for_an_organisation()) \
                    and _is_organisation(span, actors):
                inside_other = True  # "the Halvorsen junior accused of selling him the drugs": the junior
                break
            if node.dep_ == "compound" and parent.lemma_.lower() in {"family", "household", "families"} \
                    and not _is_organisation(span, actors):
                inside_other = True  # "The Hale family issued a statement": the family, not Tom Hale
                break
            if acting and node.dep_ == "poss" and parent.pos_ == "NOUN" \
                    and parent.lemma_.lower() in get_lexicon().organisation_designators \
                    and not _is_organisation(span, actors):
                inside_other = True  # "his clinic released a statement": the clinic speaks, not he
                break
            node = parent
        if not inside_other and span.actor_id not in seen:
            seen.add(span.actor_id)
            result.append(span)
    return result


def _organisation_saying_its_staff_act(staff: Token, actors: ActorAnalysis, taxonomy: Taxonomy) -> list[ActorSpan]:
    """ "West Yorkshire Police said officers were investigating": unnamed officers, detectives or
    agents the organisation tells of act for it."""
    if staff.lemma_.lower() not in _acting_for_an_organisation() or staff.dep_ not in SUBJECTS:
        return []
    clause = staff.head
    while clause.dep_ in {"xcomp", "conj"} and clause.head.i != clause.i:
        clause = clause.head
    saying = clause.head
    if clause.dep_ != "ccomp" or saying.lemma_.lower() not in taxonomy.speech_verbs:
        return []
    return [span for subject in _children(saying, SUBJECTS) for span in _actors_under(subject, actors)
            if _is_organisation(span, actors) and _is_authority(actors.actors[span.actor_id], actors, taxonomy)]


def _title_after(noun: Token, actors: ActorAnalysis) -> ActorSpan | None:
    """The programme named right after a programme noun, past an opening quote: the parser
    may hang "the podcast 'After the Podium'" apart from its noun."""
    if noun.lower_ not in get_lexicon().programme_nouns:
        return None
    doc = noun.doc
    i = noun.i + 1
    if i < len(doc) and doc[i].lower_ == "of":  # "an episode of 'Unfiltered'"
        i += 1
    if i < len(doc) and doc[i].is_quote:
        i += 1
    if i >= len(doc):
        return None
    span = actors.actor_at(doc[i].idx, doc[i].idx + len(doc[i]))
    return span if span is not None and span.start == doc[i].idx else None


def _name_words(name: str) -> set[str]:
    return set(re.findall(r"[a-z]+", name.lower()))


def _is_authority(actor: ActorRecord, actors: ActorAnalysis, taxonomy: Taxonomy) -> bool:
    """A public body by its name ("Texas Medical Board", "U.S. Food and Drug Administration",
    "DEA"), or by what the text calls it ("Health Canada ..., the agency said")."""
    described = (s.text for s in actors.spans if s.actor_id == actor.id and s.via == DESCRIPTION)
    for name in (actor.name, *actor.aliases, *described):
        initials = name.replace(".", "").replace(" ", "")
        if is_acronym(initials) and all(c.isupper() or c in "of" for c in initials):
            return True  # "DEA", "DoJ" (of Justice), not "PwC"
        if _name_words(name) & taxonomy.regulator_words or name.casefold() in taxonomy.regulator_names:
            return True
    return False


def _possessing_organisations(token: Token, actors: ActorAnalysis) -> list[ActorSpan]:
    """The organisations a phrase's possessive names: "CBS's", "Queensland Health's"."""
    return [s for c in token.children if c.dep_ == "poss" for s in _actors_under(c, actors)
            if actors.actors[s.actor_id].kind == ActorKind.ORGANIZATION]


# What a public body's part is called: "Queensland Health's Monitored Medicines Unit".
_UNIT_WORDS = frozenset({"unit", "division", "branch", "bureau", "section", "directorate", "panel"})


# Where a verb of speaking puts the one it is spoken to: "spoke to X", "told X".
_HEARING_POSITIONS = frozenset({"to", "recipient"})


def _hosts_medium(token: Token, actors: ActorAnalysis, taxonomy: Taxonomy) -> list[ActorSpan]:
    """The news medium whose host a phrase names: "CNN's Anderson Cooper" is CNN's."""
    return [s for s in _possessing_organisations(token, actors) if _is_medium(s.actor_id, actors, taxonomy)]


def _own_medium(medium: Token, participants: list[tuple[str, str]], actors: ActorAnalysis) -> bool:
    """A medium the one interviewed owns: "his YouTube channel", "her podcast" (but the host's
    "her podcast" in "talked with host Nia Brooks on her podcast" is an outlet)."""
    interviewed = {actor_id for actor_id, role in participants if role == "INTERVIEWEE"}
    owners = [actors.actor_at(c.idx, c.idx + len(c.text)) for c in medium.children if c.dep_ == "poss"]
    return any(owner is not None and owner.actor_id in interviewed for owner in owners)


def _is_medium(actor_id: str, actors: ActorAnalysis, taxonomy: Taxonomy) -> bool:
    """A news medium or programme: "CBS News", "People magazine", "KPBS", "60 Minutes"."""
    if actor_id in actors.programmes:
        return True
    actor = actors.actors[actor_id]
    for name in (actor.name, *actor.aliases):
        if is_call_letters(name):
            return True
        folded = name.casefold().removeprefix("the ")
        if folded in taxonomy.media_outlets or name.casefold() in taxonomy.media_outlets:
            return True
        words = re.findall(r"[\w-]+", name.casefold())
        if set(words) & (taxonomy.media_words | taxonomy.media_outlets):
            return True
        if any(word != "news" and (word.startswith("news") or word.endswith("news")) for word in words):
            return True  # "7NEWS", "NewsNation", "Newsday"
    return False


def _reports_its_own_act(actor: ActorRecord, event_type: EventType) -> bool:
    """Whether an organisation telling that an event of this type happened is the one that did
    it: a police force an arrest (taxonomy option reporting_doers)."""
    return any(_name_words(name) & event_type.reporting_doers for name in (actor.name, *actor.aliases))


def _reporters(verb: Token, taxonomy: Taxonomy) -> list[Token]:
    """ "Kayla Dunn was arrested Monday, the Phoenix Police Department said": who says the
    verb's clause happened."""
    speech = [verb.head] if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in taxonomy.speech_verbs else []
    speech += [c for c in verb.children if c.dep_ in {"parataxis", "ccomp"} and c.i > verb.i
               and c.lemma_.lower() in taxonomy.speech_verbs]
    return [s for v in speech for s in _children(v, SUBJECTS)]


def _assign_roles(match: _Match, positions: dict[str, list[Token]], actors: ActorAnalysis,
                  trigger_span: tuple[int, int], taxonomy: Taxonomy) -> list[tuple[str, str]]:
    participants: list[tuple[str, str]] = []
    assigned: set[str] = set()
    for role, wanted in match.event_type.roles.items():
        filled = False
        # the first position that holds someone fills the role; one alongside adds to it
        for position in [*(p for p in wanted if p not in _ALONGSIDE), *(p for p in wanted if p in _ALONGSIDE)]:
            if filled and position not in _ALONGSIDE:
                continue
            found = []
            organization_only = role in match.event_type.organization_roles \
                or position in match.event_type.organization_positions
            person_only = role in match.event_type.person_roles
            for token in positions.get(position, []):
                if role == "OUTLET" and _own_medium(token, participants, actors):
                    continue  # "discussed the case in an episode of his YouTube channel": no one interviewed him
                spans = [s for s in _actors_under(token, actors, acting=role in _ROLES_STAFF_ACT_IN,
                                                  accused=role in _ROLES_OF_THE_ACCUSED_ONLY)
                         if not (trigger_span[0] <= s.start < trigger_span[1])]
                if not spans and role in _ROLES_STAFF_ACT_IN:
                    spans = _organisation_saying_its_staff_act(token, actors, taxonomy)
                if organization_only:
                    # The organisation must head the phrase, or own what heads it: in "Dr. X
                    # from Avesta" the one cautioning is Dr. X, not Avesta; "CBS's '60 Minutes'"
                    # is CBS's.
                    # "the podcast 'Health Matters'" is the podcast's.
                    owners = {c.idx for c in token.children if c.dep_ in {"poss", "compound", "appos", "nmod"}}
                    if role == "OUTLET" and token.lower_ in get_lexicon().programme_nouns:
                        # "on the evening newscast of the Omaha television station KOMV"
                        owners |= {o.idx for o in _prep_objects(token).get("of", [])}
                    title = _title_after(token, actors)  # "on the podcast 'After the Podium'"
                    if title is not None:
                        owners.add(title.start)
                        if not any(s.actor_id == title.actor_id for s in spans):
                            spans.append(title)
                    spans = [s for s in spans
                             if (s.start <= token.idx < s.end or any(s.start <= i < s.end for i in owners))
                             and actors.actors[s.actor_id].kind == ActorKind.ORGANIZATION
                             and (role != "REGULATOR" or _is_authority(actors.actors[s.actor_id], actors, taxonomy))
                             # an organisation that interviews is an outlet only as a medium:
                             # "interviewed by BBC Radio Manchester", not "by police"
                             and (role != "OUTLET" or not (match.trigger.media_outlet or position in {"agent", "by"})
                                  or _is_medium(s.actor_id, actors, taxonomy))]
                    if role == "REGULATOR" and not spans and token.lemma_.lower() in _UNIT_WORDS:
                        # "Queensland Health's Monitored Medicines Unit issued a safety alert", "a
                        # disciplinary panel of the Texas Medical Board suspended": a public body
                        # acts through its unit
                        owning = _possessing_organisations(token, actors) + [
                            s for o in _prep_objects(token).get("of", []) for s in _actors_under(o, actors)
                            if actors.actors[s.actor_id].kind == ActorKind.ORGANIZATION]
                        spans = [s for s in owning if _is_authority(actors.actors[s.actor_id], actors, taxonomy)]
                    if role == "OUTLET" and any(s.actor_id in actors.programmes for s in spans):
                        # "CBS's '60 Minutes'": the network is an outlet as much as its programme.
                        spans += _possessing_organisations(token, actors)
                    if role == "OUTLET" and not spans:
                        spans = _hosts_medium(token, actors, taxonomy)  # "spoke to CNN's Anderson Cooper"
                if role == "INTERVIEWER" and position in _HEARING_POSITIONS and not _hosts_medium(token, actors, taxonomy):
                    continue  # "spoke to his doctor" is no interview; "told CNN's Jake Tapper" is
                if position == "reporter":  # a force telling what it did, not a newspaper or a prosecutor
                    spans = [s for s in spans if actors.actors[s.actor_id].kind == ActorKind.ORGANIZATION
                             and _reports_its_own_act(actors.actors[s.actor_id], match.event_type)]
                found.extend(spans)
            if person_only:  # "the death of Bayou City FC goalkeeper X" is X's
                found = [s for s in found if actors.actors[s.actor_id].kind == ActorKind.PERSON]
            if role != "OUTLET" and "OUTLET" in match.event_type.roles:
                # A programme is where an interview went out, never who was interviewed: "discussed
                # the case on the 'Tox Talk' podcast", where the parser hangs the podcast from "case".
                found = [s for s in found if s.actor_id not in actors.programmes]
            excluded_words = match.event_type.excluded_name_words.get(role)
            if excluded_words:  # "published by Cuyahoga River Press": the publisher, not the author
                found = [s for s in found if not _name_words(actors.actors[s.actor_id].name) & excluded_words]
            found = [s for s in found if s.actor_id not in assigned]
            if match.event_type.singular and any(s.via in {NAME, SURNAME} for s in found):
                # "the death of his co-star Desmond Faraday", which the parser splits: the
                # one named, not the one a possessive stands for.
                found = [s for s in found if s.text.lower() not in POSSESSIVE_PRONOUNS]
            for span in found:
                participants.append((span.actor_id, role))
                assigned.add(span.actor_id)
            filled = filled or bool(found)
    return participants


# Positions whose actors join the role's however another position filled it: "Detectives began
# investigating ... with help from the DEA" (the DEA investigates too).
_ALONGSIDE = frozenset({"assisting"})


POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "its"})
OBJECT_POSITIONS = ("of", "about", "patient", "against", "for", "on")
TOPIC_PREPOSITIONS = {"about", "against", "over"}
OBJECT_SKIPPED = {"appos", "acl", "relcl", "punct", "det", "advcl"}  # "Spravato, a nasal spray made by ..." → "Spravato"


def _object_text(positions: dict[str, list[Token]], actors: ActorAnalysis,
                 expressions: Sequence[TimeExpression]) -> str | None:
    """What a regulatory or similar event is about: "esketamine", "use of compounded ketamine"."""
    def kept(token: Token) -> list[Token]:
        words = [token]
        for child in token.children:
            if child.dep_ not in OBJECT_SKIPPED:
                words.extend(kept(child))
        return words

    for position in OBJECT_POSITIONS:
        for token in positions.get(position, []):
            topic = [o for p in token.children if p.dep_ == "prep" and p.lower_ in TOPIC_PREPOSITIONS
                     for o in p.children if o.dep_ == "pobj"]
            if topic:  # "warned patients about the risks of X": the risks, not the patients
                token = topic[0]
            if _actors_under(token, actors) or token.pos_ in {"PRON", "NUM"}:
                continue
            if any(e.start <= token.idx < e.end for e in expressions):
                continue  # "on Tuesday" says when, not what
            words = sorted(kept(token), key=lambda t: t.i)
            text = "".join(t.text_with_ws for t in words).strip()
            if text and len(text) <= 80:
                return text
    return None


def _carrying_verb(match: _Match, nominal: Token, verb: Token | None) -> Token | None:
    """The verb that carries the event: the verb trigger itself, or the verb whose object a
    noun trigger is ("received an infusion", "entered a plea"); None for a noun elsewhere."""
    if match.trigger.part_of_speech == "VERB":
        return match.head
    return verb if verb is not None and nominal.dep_ in OBJECTS else None


def _undergone_in(match: _Match, nominal: Token, taxonomy: Taxonomy) -> Token | None:
    """The relative clause that tells someone underwent a noun trigger: "a treatment he had
    received a week and a half before he died"."""
    if match.trigger.part_of_speech != "NOUN":
        return None
    return next((c for c in _children(nominal, {"relcl"}) if c.lemma_.lower() in taxonomy.experiencer_light_verbs
                 and all(o.tag_ in {"WDT", "WP"} or o.ent_type_ in {"DATE", "TIME"} for o in _children(c, OBJECTS))), None)


def _clause_anchor(match: _Match, nominal: Token, verb: Token | None) -> Token:
    """The token whose clause says whether the event happened: the verb carrying the event,
    or the noun itself."""
    carrier = _carrying_verb(match, nominal, verb)
    return nominal if carrier is None else carrier


# Verbs whose object (or passive subject) did what their "of"/"with" phrase tells: "accused her
# of selling", "was charged with supplying".
ACCUSING_VERBS = frozenset({"accuse", "charge", "convict", "indict", "suspect", "acquit", "clear", "find"})
_NOBODY = frozenset({"nobody", "none", "neither"})
# "no evidence that he sold ...": nothing shows it happened (but "no doubt that" affirms it).
_NO_SIGN_NOUNS = frozenset({"suggestion", "evidence", "indication", "sign", "proof", "record", "report", "allegation",
                            "claim", "finding", "information", "confirmation"})
_HABITUAL = frozenset({"usually", "often", "typically", "routinely", "regularly", "frequently", "normally",
                       "generally", "always", "habitually"})
_HEADING_VERBS = frozenset({"head", "go"})  # "headed to trial", "going to trial"


def _told_in_the_present(verb: Token) -> bool:
    """ "faces", "await", "is awaiting": the present, simple or progressive."""
    return verb.tag_ in {"VBZ", "VBP"} or (
        verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children))


def _a_counterfactual(clause: Token) -> bool:
    """ "Had the case gone to trial, she would have faced 20 years": a condition told by an
    auxiliary before its subject, which did not happen."""
    subjects = [c for c in clause.children if c.dep_ in SUBJECTS | PASSIVE_SUBJECTS]
    return clause.dep_ == "advcl" and bool(subjects) and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "were", "should"} and c.i < subjects[0].i
        for c in clause.children)


def _a_generalisation(nominal: Token) -> bool:
    """ "Trials in such cases are rare": a bare plural said to be rare or common tells no event;
    nor does one offered as a service ("Her clinic offers infusions for depression")."""
    if nominal.tag_ != "NNS" or any(c.dep_ in {"det", "poss", "nummod"} for c in nominal.children):
        return False
    verb = nominal.head
    if nominal.dep_ == "nsubj" and verb.lemma_.lower() == "be":
        return any(c.dep_ == "acomp" for c in verb.children)
    # (a timeline's present, "Harmony Health provides infusions to Perry", names whom they were for)
    return nominal.dep_ == "dobj" and verb.lemma_.lower() in _SERVICES_OFFERED and verb.tag_ in {"VBZ", "VBP"} \
        and not _children(verb, {"aux", "auxpass", "dative"}) and "to" not in _prep_objects(verb)


# Verbs of a service a provider offers, in the present: what it does as a rule, not an event.
_SERVICES_OFFERED = frozenset({"offer", "provide", "perform", "administer", "deliver", "specialize", "specialise"})


def _status(match: _Match, nominal: Token, verb: Token | None, taxonomy: Taxonomy) -> EventStatus | None:
    """OCCURRED, ALLEGED, SCHEDULED, EXPECTED or NEGATED; None when the sentence only asks for it."""
    # "could not have come from a treatment he had received": whether he received it
    anchor = _undergone_in(match, nominal, taxonomy) or _clause_anchor(match, nominal, verb)
    if match.trigger.part_of_speech == "NOUN" and _a_generalisation(nominal):
        return None
    if any(_a_counterfactual(node) for node in [anchor, *list(anchor.ancestors)[:4]]):
        return None
    if {"how", "to"} <= {c.lower_ for c in anchor.children if c.dep_ in {"advmod", "aux"}}:
        return None  # "taught Reed how to inject the drug": a skill, not an act
    trigger_ids = {t.i for t in match.tokens}  # "pleaded not guilty" is a plea
    # "was not charged until 2021" was charged then
    not_until = any(c.dep_ == "prep" and c.lower_ in {"until", "till"} for c in anchor.children)
    if any((c.dep_ == "neg" and not not_until or (c.dep_ == "det" and c.lower_ == "no")) and c.i not in trigger_ids
           for c in [*anchor.children, *nominal.children]):
        return EventStatus.NEGATED
    if any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in anchor.children):
        return EventStatus.NEGATED  # "can no longer administer"
    if anchor.dep_ in {"acl", "ccomp", "relcl"} and anchor.head.lemma_.lower() in _NO_SIGN_NOUNS \
            and any(c.dep_ == "det" and c.lower_ == "no" for c in anchor.head.children):
        # "there is no suggestion that Perry obtained his ketamine from ...", "no evidence she sold them"
        return EventStatus.NEGATED
    carriers = {match.head} if match.trigger.part_of_speech == "VERB" else {
        v for v in (anchor, verb) if v is not None and v.lemma_.lower() in
        taxonomy.agent_light_verbs | taxonomy.experiencer_light_verbs | taxonomy.awaiting_verbs | _HEADING_VERBS}
    if any(s.lower_ in _NOBODY or (s.lower_ == "one" and any(c.lower_ == "no" for c in s.children))
           for clause in carriers for s in _children(clause, SUBJECTS | PASSIVE_SUBJECTS)):
        return EventStatus.NEGATED  # "nobody in the case is now headed to trial", not "nobody expected the verdict"
    if anchor.dep_ == "conj" and any(c.dep_ == "neg" for c in anchor.head.children) \
            and any(c.dep_ == "cc" and c.lower_ in {"or", "nor"} for c in anchor.head.children):
        return EventStatus.NEGATED  # "has not been arrested or charged"
    if anchor is nominal and nominal.dep_ == "pobj" and nominal.head.lower_ == "without":
        return EventStatus.NEGATED  # "released without charge", "left him without a conviction"
    if match.trigger.part_of_speech == "NOUN" and verb is not None and nominal.dep_ in OBJECTS \
            and verb.lemma_.lower() in taxonomy.negating_verbs - {"fail"}:
        return EventStatus.NEGATED  # "avoided a trial by pleading guilty", "declined an interview" (not "failed an inspection")
    if match.trigger.part_of_speech == "NOUN" and verb is not None and nominal.dep_ in OBJECTS \
            and verb.lemma_.lower() in taxonomy.weighing_verbs:
        return None  # "had considered ketamine infusions but decided against them"
    if anchor.lemma_.lower() in taxonomy.reschedule_verbs and anchor is not match.head:
        return EventStatus.SCHEDULED  # "postponed the trial to Aug. 19"
    if match.trigger.part_of_speech == "NOUN" and anchor is verb and nominal.dep_ in OBJECTS \
            and anchor.lemma_.lower() in taxonomy.setting_verbs:
        return EventStatus.SCHEDULED  # "she set a retrial for Jan. 12"
    if match.trigger.part_of_speech == "NOUN" and any(
            c.lemma_.lower() in taxonomy.setting_verbs for c in _children(nominal, {"relcl"})):
        return EventStatus.SCHEDULED  # "held until sentencing, which she set for Dec. 3"
    if (match.trigger.part_of_speech == "NOUN" and verb is not None and nominal.dep_ in SUBJECTS
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            and verb.head.lemma_.lower() in taxonomy.request_verbs):
        # "prosecutors, who had wanted the trial to begin next month": only asked for
        return EventStatus.OCCURRED if match.event_type.requested_counts else None
    if match.trigger.part_of_speech == "NOUN" and verb is not None and nominal.dep_ in SUBJECTS | PASSIVE_SUBJECTS:
        lemma = verb.lemma_.lower()
        if lemma == "be" and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                 for c in verb.children):
            # "her trial is to begin in May": planned; "a week before her trial was to begin": a
            # plan the story has overtaken
            return None if verb.tag_ == "VBD" else EventStatus.SCHEDULED
        if lemma in taxonomy.future_verbs and _had_been_planned(verb):
            return None  # "Sangha's trial had been set to begin next month": a plan overtaken
        if lemma in taxonomy.future_verbs:  # "her sentencing is set for October"
            return EventStatus.EXPECTED if lemma in {"expect", "likely", "poised"} else EventStatus.SCHEDULED
        done_by_someone = nominal.dep_ in PASSIVE_SUBJECTS and lemma in taxonomy.agent_light_verbs
        if (lemma in taxonomy.happening_verbs or done_by_someone) and any(
                c.dep_ in {"aux", "auxpass"} and c.lower_ in taxonomy.future_cues for c in verb.children):
            # "her trial will begin Monday", "the memoir will be published", "an autopsy will be performed"
            return EventStatus.SCHEDULED
        if lemma in taxonomy.happening_verbs and any(
                c.dep_ == "aux" and c.lower_ in taxonomy.hypothetical_cues for c in verb.children):
            return EventStatus.EXPECTED  # "his trial could begin as early as this fall": when, not whether
        if any(c.dep_ == "acomp" and c.lemma_.lower() in taxonomy.future_verbs for c in verb.children):
            return EventStatus.SCHEDULED  # "the memoir is due out in September"
    if match.trigger.part_of_speech == "NOUN" and verb is not None and _scheduled_for(nominal, verb):
        return None if _had_been_planned(verb) else EventStatus.SCHEDULED
    awaiting = _carrying_verb(match, nominal, verb)
    if (match.event_type.awaited and awaiting is not None
            and awaiting.lemma_.lower() in taxonomy.awaiting_verbs and _told_in_the_present(awaiting)):
        # "faces sentencing on Aug. 2", "awaits trial", "is awaiting trial", "faces trial on three counts"
        return EventStatus.SCHEDULED
    if match.event_type.awaited and any(c.dep_ == "amod" and c.lower_ == "pending" for c in nominal.children):
        return EventStatus.SCHEDULED  # "free on bond pending trial"
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_WORDS for c in anchor.children):
        return None  # "faces 20 years if convicted": a condition, not an event
    if anchor is nominal and nominal.dep_ == "pobj" and verb is not None \
            and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_WORDS for c in verb.children):
        return None  # "faces 20 years if convicted at trial": the trial as conditional as the verb
    if not match.event_type.lasting and any(c.dep_ == "advmod" and c.lower_ in _HABITUAL for c in anchor.children):
        return None  # "usually took the lozenges alone in his room": a habit (but "regularly sold" is a supply)
    if _in_present_time_clause_of_a_present_sentence(anchor, taxonomy):
        return EventStatus.SCHEDULED  # "he faces 20 years when he is sentenced on Nov. 3"
    # Future: "will be sentenced", "is scheduled to be sentenced", "is expected to plead";
    # not at all: "declined to be interviewed"; only asked for: "pressed them to look into it".
    # A noun in a verb's phrase is as that verb tells it: "could be used at trial", "intends
    # to take the case to trial".
    start = verb if anchor is nominal and nominal.dep_ == "pobj" and verb is not None else anchor
    # ... but what that verb fails at or asks for is its own ("failed to reach a verdict in the
    # trial" tells a trial), unless the noun is what it undergoes ("does not have to sit through a trial")
    own_phrase = start is anchor or _undergone_through_preposition(nominal, start, taxonomy)
    node = start
    for _ in range(3):
        if any(c.lower_ in taxonomy.hypothetical_cues and c.dep_ in {"aux", "auxpass"} for c in node.children):
            return None  # "could be sentenced to life": a possibility, not an event
        if any(c.lower_ in taxonomy.future_cues and c.dep_ in {"aux", "auxpass"} for c in node.children):
            return EventStatus.SCHEDULED
        if node is not start:
            lemma = node.lemma_.lower()
            if own_phrase and (lemma in taxonomy.negating_verbs or any(c.dep_ == "neg" for c in node.children)):
                return EventStatus.NEGATED  # "declined to comment", "did not set out to take an opioid"
            if own_phrase and lemma in taxonomy.request_verbs:
                return EventStatus.OCCURRED if match.event_type.requested_counts else None
            if own_phrase and (lemma in taxonomy.capacity_words or node.lower_ in taxonomy.capacity_words):
                return None  # "not licensed to administer": what someone may do, not what they did
            if lemma in taxonomy.future_verbs and _had_been_planned(node):
                return None  # "her trial had been scheduled to begin Monday"
            if lemma in taxonomy.future_verbs:
                return EventStatus.EXPECTED if lemma in {"expect", "likely", "poised", "agree"} else EventStatus.SCHEDULED
        if not (node.dep_ in {"xcomp", "auxpass", "aux"} or _is_infinitive_clause(node)) or node.head.i == node.i:
            break
        node = node.head
    # Allegation: "prosecutors allege that ...", "which prosecutors say was ...", "the alleged ...", "reportedly".
    if any(c.lower_ in taxonomy.allegation_words for c in [*anchor.children, *nominal.children]):
        return EventStatus.ALLEGED
    if anchor.dep_ == "pcomp" and anchor.head.head.lemma_.lower() in taxonomy.allegation_verbs:
        return EventStatus.ALLEGED  # "Calvin Rourke is accused of selling the pills"
    cited = [o for p in anchor.children if p.lower_ == "according" for to in _children(p, {"prep"})
             for o in _children(to, {"pobj"})]
    if anchor.lemma_.lower() in taxonomy.accused_acts \
            and any(o.lemma_.lower() in taxonomy.allegation_sources for o in cited):
        return EventStatus.ALLEGED  # "According to the indictment, Haddad sold ketamine to ..."
    if anchor.dep_ == "pcomp" and anchor.head.lower_ == "from" \
            and anchor.head.head.lemma_.lower() in taxonomy.preventing_verbs:
        return None  # "an order barring it from dispensing controlled substances": kept from it
    if anchor.dep_ == "pcomp" and anchor.head.lower_ == "against":
        return None  # "cautioned patients against buying ketamine online": advised not to
    node = anchor
    for _ in range(3):
        if node.dep_ not in REPORTING_LINKS or node.head.i == node.i:
            break
        node = node.head
        lemma = node.lemma_.lower()
        if lemma in taxonomy.allegation_verbs:
            return EventStatus.ALLEGED
        if lemma in taxonomy.speech_verbs \
                and match.event_type.name not in taxonomy.acts_of_the_authorities | taxonomy.reported_facts and any(
            c.dep_ in SUBJECTS and c.lemma_.lower() in taxonomy.allegation_sources for c in node.children
        ):
            return EventStatus.ALLEGED
    return EventStatus.OCCURRED


def _scheduled_for(nominal: Token, verb: Token) -> bool:
    """ "Lowe is scheduled for trial in October", "the case is set for trial": what a scheduling
    verb's "for" names is still to come, at the time the verb gives."""
    return nominal.dep_ == "pobj" and nominal.head.lower_ == "for" \
        and nominal.head.head.i == verb.i and verb.lemma_.lower() in _SCHEDULING_VERBS


def _had_been_planned(verb: Token) -> bool:
    """A plan told in the past perfect ("had been set", "had been scheduled"): overtaken by what
    the story tells instead (a plea before the trial)."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) \
        and any(c.dep_ == "auxpass" for c in verb.children)


def _in_present_time_clause_of_a_present_sentence(anchor: Token, taxonomy: Taxonomy) -> bool:
    """English tells a future event in the present tense after "when", "once" or "until" when the
    clause it times is present or future: "faces 20 years in prison when he is sentenced"."""
    if anchor.dep_ != "advcl" or not any(c.lower_ in TIME_CLAUSE_WORDS and c.dep_ in {"advmod", "mark"}
                                         for c in anchor.children):
        return False
    auxiliaries = [c for c in anchor.children if c.dep_ in {"aux", "auxpass"}]
    tense = auxiliaries[0].tag_ if auxiliaries else anchor.tag_
    if tense not in {"VBZ", "VBP"}:
        return False
    main = anchor.head
    return main.tag_ in {"VBZ", "VBP"} or any(c.lower_ in taxonomy.future_cues for c in main.children if c.dep_ == "aux")


def _holds_preposition(expression: TimeExpression, doc: Doc) -> bool:
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    return span is not None and any(t.dep_ == "prep" and t.head.i not in range(span.start, span.end) for t in span)


def _attachment_tokens(expression: TimeExpression, doc: Doc) -> list[Token]:
    """Tokens outside the expression that its words hang from as a time. A moment named by
    another event that is what a verb acts on or speaks of is no time of that verb:
    "described the night of his friend's death in a September interview" (but "charged the
    following week", which the parser may also take for an object, is a time)."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    if span is None:
        return []
    inside = {t.i for t in span}
    named_by_event = expression.anchor is not None and expression.anchor.anchor_start is not None
    if named_by_event and any(t.dep_ in {"dobj", "npadvmod"} and t.head.i not in inside
                              and t.head.lemma_.lower() in _TELLING_OF for t in span):
        return []  # what is told of, however the rest of it ("since her son's death") hangs
    # (a sentence's closing stop read into "4am." hangs from the sentence, not the time)
    return [_past_a_clause_made_of_the_anchor(t, expression) for t in span if t.head.i not in inside and t.dep_ != "punct"
            and not (named_by_event and t.dep_ in {"dobj", "nsubj", "nsubjpass"} and not _a_length_of_time(t))]


# Verbs whose object is a time told of: "described the night her son died", which the parser
# may read as an adverb of time, and "describing the two years since her son's death", a length
# of time that is what is told, not how long ago.
_TELLING_OF = frozenset({"describe", "recount", "recall", "remember", "relive", "detail", "revisit", "narrate"})


def _past_a_clause_made_of_the_anchor(token: Token, expression: TimeExpression) -> Token:
    """What the expression's word hangs from, unless the parser read the event it counts from as
    the subject of the sentence's own verb, taking that verb into a relative clause: "A bottle he
    sold to her two days before the young man's death was recovered at his bedside" (a sale dated
    by the death, not "before ... death was recovered"); the time is then the relative clause's."""
    verb = token.head
    anchor = expression.anchor
    if token.dep_ != "mark" or verb.dep_ != "advcl" or anchor is None or anchor.anchor_start is None \
            or verb.head.dep_ != "relcl" or verb.head.head.dep_ != "ROOT":
        return verb
    if anchor.anchor_start <= verb.idx < anchor.anchor_end:
        return verb  # "two days before he died": the event's own verb
    subjects = _children(verb, SUBJECTS | PASSIVE_SUBJECTS)
    if any(anchor.anchor_start <= s.idx < anchor.anchor_end for s in subjects):
        return verb.head
    return verb


def _a_length_of_time(token: Token) -> bool:
    """ "received a week and a half before he died": a length counted back from the event, which
    the parser may read as the verb's object, is no moment it acts on (as "the night of his death" is)."""
    return token.lemma_.lower() in _TERM_UNITS | {"hour"} and any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in {"a", "an"}) for c in token.children)


_NAME_LABELS = frozenset({"ORG", "PERSON", "WORK_OF_ART", "FAC"})


def _outside_a_name(token: Token) -> Token:
    """ "told BBC Radio 5 Live on Sunday": the parser may read the last word of a name as a verb
    and hang the time on it; the time hangs on what the name hangs on."""
    if token.ent_iob_ != "I" or token.ent_type_ not in _NAME_LABELS or token.pos_ not in {"VERB", "AUX"}:
        return token
    name = next(e for e in token.doc.ents if e.start <= token.i < e.end)
    outside = [t.head for t in name if not name.start <= t.head.i < name.end]
    return outside[0] if outside else token


def _event_heads(match: _Match, nominal: Token, verb: Token | None, taxonomy: Taxonomy) -> set[int]:
    """Tokens a time expression may hang from to date this event: the trigger, and the verb
    that carries a noun trigger ("received an infusion", "the session took place"), but not
    a verb the noun merely sits beside ("details emerged on Thursday about the death").
    A verb that moves the event ("postponed the trial on Tuesday to Aug. 19") dates it
    only through its "to"/"until"/"for" phrase."""
    heads = {t.i for t in match.tokens} | {nominal.i}
    # "voted on Friday to revoke", "began reviewing ... a month before", "voted on Tuesday to
    # impose the temporary suspension"
    enacted = _carrying_verb(match, nominal, verb)
    if enacted is not None and (enacted.dep_ == "xcomp" or _is_infinitive_clause(enacted)) \
            and enacted.head.lemma_.lower() in taxonomy.enacting_verbs | taxonomy.onset_verbs \
            and not _told_by_another_event(match, nominal, verb, taxonomy):
        heads.add(enacted.head.i)  # (not "began investigating the actor's death in May": the death's)
    if nominal.dep_ == "pobj" and nominal.head.lower_ == "in" and nominal.head.head.pos_ == "NOUN":
        heads.add(nominal.head.head.i)  # "from a phone call in an interview ... in March": one phrase
    # "the inquest, which was opened ... on June 20"; "sentencing, which she set for Dec. 3". Only
    # what lasts opens: "the inquest into his death, which opened in October", parsed as the
    # death's clause, does not date the death.
    dating_verbs = taxonomy.setting_verbs | match.event_type.dated_by_clause | match.event_type.given_by_principal \
        | match.event_type.taken_by_principal \
        | (taxonomy.onset_verbs if match.event_type.lasting else frozenset())
    if verb is not None and _scheduled_for(nominal, verb):
        heads.add(verb.i)  # "scheduled for trial in October": the time it is scheduled for
    undergone = _undergone_in(match, nominal, taxonomy)
    if undergone is not None:
        heads.add(undergone.i)  # "a treatment he had received a week and a half before he died"
    clauses = [c for owner in _phrase_heads(nominal) for c in _children(owner, {"relcl", "acl"})]
    if match.event_type.lasting:
        clauses += _clauses_hung_on_whom_it_is_about(nominal)
    for clause in clauses:
        if clause.lemma_.lower() in dating_verbs:
            heads |= {clause.i} | {c.i for c in _children(clause, {"conj"})}
    if match.trigger.part_of_speech == "VERB":
        # "He was charged in a federal complaint, unsealed the next day, with ...": the parser hangs
        # the document's participle on the verb; its date is the charging's.
        heads |= {c.i for c in _children(match.head, {"advcl", "acl", "conj"})
                  if c.tag_ == "VBN" or (c.tag_ == "VBD" and not _children(c, SUBJECTS | PASSIVE_SUBJECTS))
                  if c.lemma_.lower() in match.event_type.dated_by_clause
                  # the document's passive participle, not the defendant's own act ("and filed a motion")
                  and not _children(c, OBJECTS) and not {"to", "from", "into"} & _prep_objects(c).keys()}
    # "issued an order suspending his license on May 2", "On Monday, Health Canada issued an
    # advisory warning Canadians": the issuing's date is what the document does
    document = match.head.head if match.trigger.part_of_speech == "VERB" and match.head.dep_ in {"acl", "amod"} \
        and match.head.tag_ == "VBG" else nominal if match.trigger.part_of_speech == "NOUN" else None
    issuing = _issuing_verb(document) if document is not None else None
    if issuing is not None and _children(issuing, SUBJECTS):
        heads.add(issuing.i)
    copula = _copula_of_anyone(match.head.head) if match.trigger.part_of_speech == "VERB" \
        and match.head.dep_ == "acl" else None
    if copula is not None:
        heads.add(copula.i)  # "On Feb. 3, X became the first person charged under the law"
    if "OUTLET" in match.event_type.roles:
        # "sat down with X for an episode of 'Unfiltered' released Monday", "an interview that ABC
        # broadcast last October": when it aired.
        # ('on her podcast "Second Takes," released Tuesday': a participle the parser hangs on the verb)
        heads |= {t.i for t in (verb or nominal).subtree if t.lemma_.lower() in taxonomy.release_verbs
                  and ((t.dep_ in {"acl", "advcl"} and t.tag_ == "VBN" and not _children(t, SUBJECTS | PASSIVE_SUBJECTS))
                       or t.dep_ == "relcl")}
    if verb is not None and nominal.dep_ == "nsubj" and "SPEAKER" in match.event_type.roles \
            and verb.lemma_.lower() in taxonomy.speech_verbs:
        heads.add(verb.i)  # "A statement from Calm Clinic said on Tuesday that ...": the saying is the statement
    carried_by_host = any("host_object" in positions for positions in match.event_type.roles.values())
    if verb is not None and nominal.dep_ == "pobj" and (
        verb.lemma_.lower() in taxonomy.speech_verbs or (carried_by_host and _children(verb, OBJECTS))
        # "convicted on Wednesday in the death of X": what the case is about, not a frame
        or (nominal.head.lower_ in FRAMING_PREPOSITIONS and match.event_type.name not in _NEVER_A_FRAME)
        or _placed_under(nominal, verb)
    ):
        # "said at a news conference on Thursday": the saying is the statement, and what is
        # done "in a statement Monday" or "during the trial" is done when that event was;
        # "placed the doctor on probation on Monday": for types whose taxonomy takes the
        # host verb's object as a participant, the placing is the probation; "placed Dunn under
        # arrest on Tuesday": the placing is the arrest.
        heads.add(verb.i)
        return heads
    if verb is None or not (match.trigger.part_of_speech == "VERB" or nominal.dep_ in OBJECTS | SUBJECTS | PASSIVE_SUBJECTS
                            or _undergone_through_preposition(nominal, verb, taxonomy)):
        return heads
    if verb is not match.head and verb.lemma_.lower() in taxonomy.reschedule_verbs:
        # "postponed the trial to Aug. 19", however definite the trial; and "postponed the trial of
        # X, the woman prosecutors say sold ..., to Aug. 19", which the parser hangs on the aside
        heads |= {c.i for c in verb.children if c.dep_ == "prep" and c.lower_ in {"to", "until", "till", "for"}}
        if nominal.dep_ in OBJECTS | PASSIVE_SUBJECTS and verb.lemma_.lower() not in _MOVED_EITHER_WAY:
            heads |= {t.i for t in verb.sent if t.i > nominal.i and t.dep_ == "prep" and t.lower_ in {"to", "until"}
                      and t.doc[t.i - 1].text == "," and t.head.i != verb.i}
        return heads
    if match.trigger.part_of_speech == "NOUN" and nominal.dep_ in OBJECTS and _is_definite(match) \
            and verb.lemma_.lower() not in taxonomy.agent_light_verbs | taxonomy.experiencer_light_verbs:
        return heads  # "in a 2022 interview she called the infusions 'a reset button'": the calling's date
    if _told_by_another_event(match, nominal, verb, taxonomy):
        return heads
    if match.trigger.part_of_speech == "NOUN" and nominal.dep_ in OBJECTS | SUBJECTS \
            and verb.lemma_.lower() in taxonomy.speech_verbs and not _made_by_light_verb(nominal, verb, taxonomy):
        # "The band announced his death the next day": the announcing's date; "his plea agreement
        # says, including three injections on the day he died": what it says, not the agreement's.
        return heads
    heads.add(verb.i)
    return heads


def _made_by_light_verb(nominal: Token, verb: Token, taxonomy: Taxonomy) -> bool:
    """A verb both of speech and of doing ("add", "announce") makes what it has as a new object:
    "added a boxed warning in 2023", "announced a recall on Monday" (not "announced his death")."""
    return verb.lemma_.lower() in taxonomy.agent_light_verbs and nominal.dep_ in OBJECTS \
        and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in nominal.children)


# Events no act is done within: "in the death of X" says what a case is about.
_NEVER_A_FRAME = frozenset({"DEATH", "BIRTH"})


# Of the taxonomy's reschedule_verbs, those that may move an event earlier as well as put it off:
# "moved the trial to Aug. 25", told of as often after the day as before it. The others' "to"/"until"
# is the later day, read forward.
_MOVED_EITHER_WAY = frozenset({"move", "continue"})


def _told_by_another_event(match: _Match, nominal: Token, verb: Token | None, taxonomy: Taxonomy) -> bool:
    """"his death was ruled an accident in December", "ruled Nicole's death an accident in March",
    "investigated his death in May": a once-only event named by another event's verb, whose
    date is the ruling's or the investigation's."""
    return verb is not None and match.trigger.part_of_speech == "NOUN" \
        and nominal.dep_ in SUBJECTS | PASSIVE_SUBJECTS | OBJECTS \
        and nominal.lemma_.lower() in taxonomy.once_only_nouns.get(match.event_type.name, ()) \
        and verb.lemma_.lower() in taxonomy.verbs_except(match.event_type)


def _is_legal_party(subject: Token) -> bool:
    """A lawyer, prosecutor or judge: "Prosecutor Maria Dunleavy", "Assistant U.S. Attorney Kyle
    Ng", "Baptiste's lawyer, Ann Ferris", "prosecutors"."""
    groups = get_lexicon().description_group
    words = [*(t for t in subject.subtree if t.i <= subject.i), *(c for c in subject.children if c.dep_ == "appos")]
    return any(groups.get(t.lemma_.lower()) == "legal" or groups.get(t.lower_) == "legal" for t in words)


def _placed_under(nominal: Token, verb: Token) -> bool:
    """ "remains under investigation", "was placed under arrest": the verb says only that
    someone is subject to the event; not "suspended him under an interim order", whose verb
    is an act of its own."""
    return nominal.dep_ == "pobj" and nominal.head.lower_ == "under" and nominal.head.head.i == verb.i \
        and verb.lemma_.lower() in _PLACING_VERBS


_PLACING_VERBS = frozenset({"be", "remain", "stay", "come", "fall", "place", "put", "keep", "go"})


def _undergone_through_preposition(nominal: Token, verb: Token, taxonomy: Taxonomy) -> bool:
    """ "went through a course of infusions": the verb and preposition carry the event as an object would."""
    return nominal.dep_ == "pobj" and nominal.head.head.i == verb.i \
        and f"{verb.lemma_.lower()} {nominal.head.lower_}" in taxonomy.prepositional_light_verbs


def _render_title(event_type: EventType, names: dict[str, list[str]], object_text: str | None) -> str:
    template = event_type.title
    values = {role: " and ".join(dict.fromkeys(people)) for role, people in names.items() if people}
    if object_text:
        values["object"] = object_text

    def fill(m: re.Match[str]) -> str:
        return values.get(m.group(1), "\x00")

    filled = re.sub(r"\{(\w+)\}", fill, template)
    # Drop the connecting word of a placeholder with no value: "Interview of X with {OUTLET}" → "Interview of X".
    filled = re.sub(r"\s*\b(?:of|by|with|to|against|about|into|from)?\s*\x00", "", filled).strip()
    return filled[:1].upper() + filled[1:] if filled else event_type.name.replace("_", " ").title()


def find_event_mentions(
    doc: Doc,
    sentences: Sequence[Sentence],
    document: DocumentRecord,
    actors: ActorAnalysis,
    expressions: Sequence[TimeExpression],
    taxonomy: Taxonomy,
) -> list[EventMention]:
    """All event mentions of a parsed document, with roles and the date each sentence gives."""
    drafts = []
    previous: Span | None = None
    sentence_starts = [s.start for s in sentences]
    for sentence in sentences:
        span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        if span is None or _is_question(sentence):
            continue  # "Was there going to be a trial?" asks; it tells of no event
        sentence_expressions = [e for e in expressions if sentence.start <= e.start < sentence.end]
        # Sentences never cross a line, so a timeline line's date is the sentence's too, also when
        # the parser makes "- Feb. 27, 2024:" a sentence of its own.
        heading = _timeline_heading(expressions, doc.text, sentence.start)
        section = _section_heading(expressions, doc.text, sentence.start, sentence_starts) if heading is None else None
        names = [(s.start, s.end) for s in actors.spans_between(sentence.start, sentence.end)
                 if s.via == NAME and actors.actors[s.actor_id].kind == ActorKind.ORGANIZATION]
        # "the Advisory Council on the Misuse of Drugs" is a body; it issues no advisory
        matches = [m for m in _find_matches(span, taxonomy)
                   if not (m.trigger.part_of_speech == "NOUN" and _inside_a_name(m, names))]
        carriers = _carrying_verbs(matches, taxonomy)
        sentence_drafts = []
        for match in matches:
            if match.trigger.part_of_speech == "VERB" and match.head.i in carriers:
                continue  # "received a ketamine infusion": the infusion is the event, not a second one
            if _restates_earlier(match, matches):
                continue  # "issued a drug alert on 14th March warning that ...": one warning
            # "convicted on Wednesday after a two-week trial": an event is not dated by itself.
            own_kind = [e for e in sentence_expressions if not _anchored_on_same_type(e, match, matches)]
            # a list's date is what its items report, not a death or birth they mention in passing
            draft = _draft(match, span, sentence, actors, own_kind,
                           heading or (section if not match.event_type.singular else None), taxonomy, doc)
            if draft is not None and draft.expression is None and match.trigger.dated_by:
                draft.expression = _date_of_earlier_verb(match, [span, previous], expressions, doc)
            sentence_drafts.append(draft)
            repeated = _done_again_on(draft, sentence_expressions, span)
            if draft is not None and repeated is not None:
                # "sold Fleming 50 vials on Oct. 13 and another 25 on Oct. 24": two sales; "sold fentanyl
                # to an informant on May 2 and another suspect on May 9": the second to someone else,
                # so only whoever did it is known
                first, second, to_someone_else = repeated
                draft.expression = first
                doers = {role for role, places in match.event_type.roles.items() if "agent" in places}
                sentence_drafts.append(replace(draft, expression=second, participants=[
                    p for p in draft.participants if not to_someone_else or p[1] in doers]))
        drafts.extend(_absorb_nested([d for d in sentence_drafts if d is not None]))
        previous = span
    _drop_own_outlet(drafts, document, actors)
    drafts = _after_their_kind(drafts, sentences)
    return _link_anchors_and_finish(drafts, document, actors, taxonomy, sentences, expressions)


# What joins a second time the same act was done, told without its verb: "on Oct. 13, and another
# 25 vials on Oct. 24", "on March 3 and 30 more on March 9", "on Oct. 24 and again on Oct. 26".
_DONE_AGAIN_RE = re.compile(r"\s*,?\s*and\s+(?:again|another\b[^.;,]{0,30}?|\S+\s+more(?:\s+\S+)?|(?:twice|once)\s+more)"
                            r"\s+(?:on|in)\s+", re.IGNORECASE)


def _done_again_on(draft: _Draft | None, expressions: Sequence[TimeExpression],
                   span: Span) -> tuple[TimeExpression, TimeExpression, bool] | None:
    """The calendar dates of a verb's act and of its repeat told right after it, whichever
    of the two the parse hangs on the verb, and whether the repeat names someone else."""
    if draft is None or draft.match.trigger.part_of_speech != "VERB" or draft.expression is None \
            or draft.expression.anchor is not None:
        return None
    text = span.doc.text
    people = get_lexicon().describing_nouns
    dates = [e for e in expressions if e.anchor is None and e.date.known]
    for first, second in zip(dates, dates[1:]):
        if draft.expression in (first, second) and first.date != second.date \
                and _DONE_AGAIN_RE.fullmatch(text, first.end, second.start):
            between = [t for t in span if first.end <= t.idx < second.start]
            if any(t.pos_ in {"VERB", "AUX"} for t in between):
                continue  # a verb of its own: another act ("and was arrested on Oct. 24")
            # "and another suspect on May 9", "and another man 15 pills" (not "another 40 Percocet pills")
            return first, second, any(t.ent_type_ in {"PERSON", "ORG"} or t.lemma_.lower() in people for t in between)
    return None


def _inside_a_name(match: _Match, names: Sequence[tuple[int, int]]) -> bool:
    """The trigger's words lead into more of an organisation's name ("Advisory Council"); one
    that ends the name may still be the event ("an FDA Drug Safety Communication")."""
    start, end = match.characters
    return any(name_start <= start and end < name_end for name_start, name_end in names)


def _restates_earlier(match: _Match, matches: Sequence[_Match]) -> bool:
    """A bare "warning that ..." after a warning already told is that warning's content,
    a participle (or one the tagger took for a noun), not a second warning."""
    token = match.tokens[-1]
    if token.i + 1 >= len(token.doc) or token.doc[token.i + 1].lower_ != "that" or token.tag_ not in {"VBG", "NN"}:
        return False
    if any(c.dep_ in {"det", "poss", "amod", "compound", *SUBJECTS} for c in match.head.children):
        return False
    return any(other.event_type is match.event_type and other.tokens[-1].i < match.tokens[0].i for other in matches)


def _date_of_earlier_verb(match: _Match, spans: Sequence[Span | None], expressions: Sequence[TimeExpression],
                          doc: Doc) -> TimeExpression | None:
    """The date of the nearest of the trigger's `dated_by` verbs before it, in its own
    sentence or the one before: "found unresponsive on June 14 ... pronounced dead"."""
    trigger_start, trigger_end = match.characters
    for span in spans:
        if span is None:
            continue
        told = [e for e in expressions if span.start_char <= e.start < span.end_char]
        for token in reversed(span):
            if token.i < match.head.i and token.pos_ == "VERB" and token.lemma_.lower() in match.trigger.dated_by:
                # "returned that afternoon to find Perry face down": the verb whose purpose the finding was
                heads = {token.i, token.head.i} if token.dep_ in {"xcomp", "advcl"} else {token.i}
                expression = _attached_expression(told, heads, doc, trigger_start, trigger_end)
                if expression is not None:
                    return expression
    return None


def _anchored_on_same_type(expression: TimeExpression, match: _Match, matches: Sequence[_Match]) -> bool:
    anchor = expression.anchor
    if anchor is None or anchor.anchor_start is None:
        return False
    return any(other is not match and other.event_type is match.event_type
               and anchor.anchor_start <= other.tokens[0].idx < (anchor.anchor_end or 0) for other in matches)


def _absorb_nested(drafts: list[_Draft]) -> list[_Draft]:
    """A phase told through the whole ("jury selection began Monday in the trial of X",
    "convicted X after a two-week trial"), or what an order does told by a participle ("a
    temporary order placing X in Schedule I"), is one mention: the outer trigger keeps its
    clause and date and takes the inner one's participants."""
    absorbed: set[int] = set()
    for outer in drafts:
        outer_nominal = _nominal_head(outer.match.head)
        outer_heads = {outer.match.head.i, outer_nominal.i}
        verb, relation = _governing_verb(outer_nominal)
        if verb is not None and relation in SUBJECTS | PASSIVE_SUBJECTS:
            outer_heads.add(verb.i)  # "jury selection began Monday in the trial of X"
        for index, inner in enumerate(drafts):
            if inner is outer or index in absorbed or inner.match.event_type is not outer.match.event_type:
                continue
            nominal = _nominal_head(inner.match.head)
            participle = nominal.dep_ == "acl" and nominal.head.i == outer_nominal.i
            if not participle and not (nominal.dep_ == "pobj" and nominal.head.dep_ == "prep"
                                       and nominal.head.head.i in outer_heads):
                continue
            if outer.status == EventStatus.NEGATED and inner.status != EventStatus.NEGATED:
                outer.status = inner.status  # "failed to reach a verdict in the trial of X": the trial was held
            outer.participants.extend(p for p in inner.participants if p not in outer.participants)
            if outer.expression is None:
                outer.expression = inner.expression
            absorbed.add(index)
    return [d for i, d in enumerate(drafts) if i not in absorbed]


def _drop_own_outlet(drafts: list[_Draft], document: DocumentRecord, actors: ActorAnalysis) -> None:
    """An interview the publishing outlet did for this very story ("told the Courier in an
    interview", in the Courier) is how the story was sourced, not news: its outlet role goes."""
    if not document.publisher:
        return
    publisher = document.publisher.casefold()
    for draft in drafts:
        draft.participants[:] = [
            (actor_id, role) for actor_id, role in draft.participants
            # "She spoke with Shift Report in October" (the model may take the magazine for a person)
            if not (role in {"OUTLET", "INTERVIEWER"} and _same_outlet(actors.actors[actor_id], publisher))
        ]


def _same_outlet(actor: ActorRecord, publisher: str) -> bool:
    """"the Courier" is the publisher "The Spokane Courier"; "BBC" is "BBC News"; "AP" is not "The Newspaper"."""
    publisher_words = re.findall(r"\w+", publisher)
    for name in (actor.name, *actor.aliases):
        words = [w for w in re.findall(r"\w+", name.casefold()) if w != "the"]
        if not words or (sum(len(w) for w in words) < 4 and not re.fullmatch(r"[A-Z]{2,4}", name)):
            continue  # short names only as acronyms: "BBC" is "BBC News"
        if any(publisher_words[i : i + len(words)] == words for i in range(len(publisher_words))):
            return True
    return False


def _carrying_verbs(matches: Sequence[_Match], taxonomy: Taxonomy) -> set[int]:
    """Light verbs ("receive", "undergo", "give") whose object is itself a noun trigger."""
    light = taxonomy.agent_light_verbs | taxonomy.experiencer_light_verbs
    carriers = set()
    for match in matches:
        if match.trigger.part_of_speech == "NOUN":
            nominal = _nominal_head(match.head)
            verb, relation = _governing_verb(nominal)
            if verb is not None and verb.lemma_.lower() in light and (
                    relation in OBJECTS or (relation in PASSIVE_SUBJECTS and _is_passive(verb))):
                carriers.add(verb.i)  # "received an infusion", "the infusion was administered by X"
    return carriers


@dataclass
class _Draft:
    match: _Match
    sentence: Sentence
    participants: list[tuple[str, str]]
    expression: TimeExpression | None
    status: EventStatus
    object_text: str | None
    trigger_start: int
    trigger_end: int
    confidence: float
    described_nouns: frozenset[str] = frozenset()  # a person described, not named: "a California doctor" → {"doctor"}
    main_clause: bool = False  # the event is what the sentence itself reports, not background in a modifier
    precedes_dated_event: bool = False  # dated by the event it comes before ("died on Jan. 9 after swallowing ...")
    # The calendar date also attached, for an anchor that names no event of the story:
    # "arrested him at his home on 11 December after intercepting a parcel".
    calendar_date: TimeExpression | None = None
    # How many people a participant brings in as new ("charged a Granger Mills woman", "arrested
    # two people"): not anyone named before, but those the text names after.
    introduces_people: int = 0
    of_a_thing: bool = False  # a noun "of" a thing ("a trial of drug checking"): no one's event to inherit
    # Tokens in the principal's places when no actor fills them: "investigated the death" → "death".
    undergoing: tuple[int, ...] = ()
    # Roles of the type's `apart_when_many_unnamed` held by people counted, not named ("to nine customers").
    many_unnamed: frozenset[str] = frozenset()
    # Whom it befell is named by the heading of the list entry it is told in, not by its clause.
    befell_the_entry_named: bool = False


def _bare_passive(verb: Token) -> bool:
    """A passive verb with no object: "X was charged", "arrested and charged" (sharing the
    first verb's auxiliary) — not "was charged $2,000 a vial"."""
    objects = [o for o in _children(verb, OBJECTS | {"dative"}) if o.ent_type_ not in {"DATE", "TIME"}]
    if verb.pos_ != "VERB" or objects:  # "charged the following week" has a time, not an object
        return False
    return _reads_passive(verb, verb.head)


# Verbs that tell of a drug changing hands, for what a pronoun handed on stands for.
_TRADING_VERBS = frozenset({"sell", "buy", "purchase", "supply", "obtain", "distribute", "resell", "deliver"})


# The verbs that are a trade whoever does them (not "delivered them", "gave them").
_BUYING_AND_SELLING = frozenset({"sell", "buy", "purchase", "resell"})


# Asking for a drug, told before "X delivered them": "Jones asked Smith for 50 oxycodone pills".
_ASKING_VERBS = frozenset({"ask", "order", "request", "agree", "pay"})


# Units a prison term counts: "got 10 years", "was given a year".
_TERM_UNITS = frozenset({"year", "month", "week", "day"})


def _with_modifiers(noun: Token) -> list[Token]:
    """A noun and the words that say what kind it is: "toxicology results", "compounded ketamine"."""
    return [noun, *_children(noun, {"compound", "amod"})]


def _told_as_traded_just_before(verb: Token, required: frozenset[str], words: Callable[[Iterable[Token]], set[str]],
                                through_the_sentence: bool = False) -> bool:
    """Whether the sentence before, or this one before the verb, tells of trading one of the
    required things ("Kayleigh Moffat bought four pills from a dealer"); the thing may also be
    named later in the verb's own sentence when `through_the_sentence`."""
    doc = verb.doc
    sentence = verb.sent
    told = doc[doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
               : sentence.end if through_the_sentence else verb.i]
    return bool(words(told) & required) and any(t.lemma_.lower() in _TRADING_VERBS for t in told if t.i < verb.i)


def _noun_a_participle_follows(verb: Token) -> list[Token]:
    """The noun a bare passive participle set off by a comma tells of, which the parser hangs on
    the main verb: "sentenced him to 18 months' imprisonment, wholly suspended"."""
    if verb.tag_ != "VBN" or verb.dep_ != "advcl" or _children(verb, SUBJECTS | PASSIVE_SUBJECTS | OBJECTS):
        return []
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > verb.sent.start else None
    if before is None or before.text != "," or before.i == verb.sent.start:
        return []
    noun = verb.doc[before.i - 1]
    return [noun] if noun.pos_ in {"NOUN", "PROPN"} else []


def _requires_met(match: _Match, verb_or_head: Token) -> bool:
    """A broad verb ("sell", "give") is an event here only about what the taxonomy names.
    When its object is a pronoun ("sold it to ..."), what the pronoun stands for is looked
    for in the verb it is coordinated with and in the rest of the sentence."""
    if not match.trigger.requires:
        return True
    if match.trigger.requires_clause and not any(_tells_how_someone_died(c) for c in _children(verb_or_head, {"ccomp"})):
        return False  # "the coroner announced her retirement", "... that he would not hold an inquest"
    if match.trigger.without_clause and _children(verb_or_head, {"ccomp"}):
        return False  # "giving evidence at Leeds Crown Court, he admitted he had lied": no plea

    def words(tokens: Iterable[Token]) -> set[str]:
        # "pepper spray": a noun before the word says it is something else, unless it is itself
        # one of the required words ("ketamine spray")
        tokens = [t for t in tokens if t.lemma_.lower() not in match.event_type.kind_named_by_noun or not any(
            c.dep_ == "compound" and c.pos_ == "NOUN" and c.lemma_.lower() not in match.trigger.requires
            for c in t.children)]
        return {t.lower_ for t in tokens} | {t.lemma_.lower() for t in tokens}

    if match.trigger.requires_also and not any(
            c.lower_ in match.trigger.requires_also and c.dep_ in {"prep", "dative"}
            for v in (verb_or_head, *_children(verb_or_head, {"prt"})) for c in v.children):
        return False  # "passed them on to Iwamasa", not "passed a drug test to return to work"
    if match.trigger.from_is_place:
        sources = [o for v in (verb_or_head, *_children(verb_or_head, OBJECTS))
                   for o in _prep_objects(v).get("from", [])]
        if sources and all(o.lemma_.lower() in _CARRIED_IN | _OUT_OF_COMMERCE for o in sources):
            # "took two pills from her purse and swallowed them": her own, not obtained; "withdrew
            # the drug from the market": no one's
            return False

    if match.trigger.requires_subject:
        # "the medical examiner's office said that ...": whose office it is says what kind
        return any(words([*_with_modifiers(s), *_children(s, {"poss"})]) & match.trigger.requires
                   for s in _children(verb_or_head, SUBJECTS))
    if match.trigger.requires_object_head:
        # "took both tablets", "took one of the pills": not "took a drug test", "took a break";
        # "he was dead": a complement too.
        heads = _children(verb_or_head, OBJECTS | {"acomp"})
        heads += [o for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]
        heads = [h for h in heads if not _given_to_do_something(h)]
        # a term counts its years ("got 10 years"), not "got years of treatment"
        heads = [h for h in heads if h.lemma_.lower() not in _TERM_UNITS
                 or any(c.dep_ in {"nummod", "quantmod"} or c.lower_ in {"a", "an"} for c in h.children)]
        if any(words([h]) & match.trigger.requires for h in heads):
            return True
        # "bought four pills ... She took two of them", "She took one at about 10": what was
        # bought just before
        return bool(heads) and all(h.tag_ in {"PRP", "CD"} or h.lower_ == "one" for h in heads) \
            and _told_as_traded_just_before(verb_or_head, match.trigger.requires, words)
    if match.trigger.requires_object:
        # "received ketamine", not "received reports of adverse events with ketamine"
        # "reviewing the clinic's purchase and dispensing records": each object of a coordination.
        objects = _children(verb_or_head, OBJECTS | PASSIVE_SUBJECTS | {"dative"})  # "his registration was cancelled"
        if verb_or_head.dep_ == "relcl" and not objects:
            objects = [verb_or_head.head]  # "ketamine he had obtained from a distributor"
        if not objects:
            objects = _prep_objects(verb_or_head).get("to", [])  # "admitted to one count of conspiracy"
        objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
        # ("searched Desert Bloom Wellness", which the model may tag a product or a facility)
        if match.trigger.organisation_meets_requires and any(o.ent_type_ in {"ORG", "FAC", "PRODUCT"} for o in objects):
            return True  # "searched Harmony Health": its premises
        pronouns = [o for o in objects if o.tag_ == "PRP"] + [
            t for o in objects for p in _children(o, {"prep"}) if p.lower_ == "of" for t in _children(p, {"pobj"})
            if t.tag_ == "PRP"]
        if match.trigger.requires_also and pronouns:
            # "sold 50 vials ... and Fleming passed them on to ...", "Fleming bought 50 vials from
            # Sangha. He then passed 25 of them on to ...": what this sentence or the one before told was sold
            return _told_as_traded_just_before(verb_or_head, match.trigger.requires, words, through_the_sentence=True)
        # "posted her five supplies of 30 troches each": what the object is a quantity of, too
        # (not "photos of pills", "samples of the lozenges", "complaints of diversion")
        objects += [t for o in objects if o.lemma_.lower() in _AMOUNT_NOUNS
                    for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for t in _children(p, {"pobj"})]
        return any(words(_with_modifiers(o)) & match.trigger.requires for o in objects)
    if match.trigger.part_of_speech == "NOUN":
        # "a shipment of ketamine", "a 30-tablet shipment", "a shipment containing 200 vials": not
        # "the sale of its unit, which prescribes ketamine"
        held = [t for c in _children(verb_or_head, {"acl"}) if c.lemma_.lower() in _CONTAINING for t in c.subtree]
        return bool(words(_subtree_excluding_clauses(verb_or_head) + held) & match.trigger.requires)
    if words(verb_or_head.subtree) & match.trigger.requires:
        return True
    if any(t.lower_ == "what" for t in verb_or_head.subtree) and \
            words(verb_or_head.doc[verb_or_head.i:verb_or_head.sent.end]) & match.trigger.requires:
        return True  # "after swallowing half of what she believed was a Percocet": the parse splits the clause
    if verb_or_head.dep_ in {"relcl", "acl"} and words(_nominal_head(verb_or_head.head).subtree) & match.trigger.requires:
        return True  # "a bottle of hydrocodone he sold to ..."
    if verb_or_head.pos_ == "VERB":
        understood, _ = _understood_subject(verb_or_head)
        if any(words(s.subtree) & match.trigger.requires for s in understood):
            return True  # "the medical examiner released its findings, ruling that ...
    if match.trigger.passive_meets_requires and _bare_passive(verb_or_head):
        return True  # "was arrested on Monday and charged the following week"
    pronouns = _pronoun_objects(verb_or_head)
    if pronouns:
        if words(verb_or_head.sent) & match.trigger.requires:
            return True
        # "Sangha sold Fleming 50 vials of ketamine on Oct. 24. Fleming delivered them to Iwamasa.":
        # what was traded in the sentence before (not "it", which may be anything handed over)
        sentence = verb_or_head.sent
        before = verb_or_head.doc[sentence.start - 1].sent if sentence.start > 0 else None
        lemma = verb_or_head.lemma_.lower()
        them = any(o.lower_ == "them" for o in pronouns)
        if before is not None and them and lemma in _BUYING_AND_SELLING:
            # "she swallowed two pills. They were counterfeit. She had bought them from X": buying
            # and selling are trades, so what was told in the two sentences before is what was traded
            earlier = verb_or_head.doc[before.start - 1].sent if before.start > 0 else before
            if words(verb_or_head.doc[earlier.start:before.end]) & match.trigger.requires:
                return True
        # by someone named there (not "Paramedics later delivered them to hospital")
        named = {t.text for t in before if t.pos_ == "PROPN" or (t.is_title and not t.is_sent_start)} \
            if before is not None else set()
        return before is not None and them and lemma in _TRADING_VERBS \
            and any(s.text in named for s in _children(verb_or_head, SUBJECTS)) \
            and bool(words(before) & match.trigger.requires) \
            and any(t.lemma_.lower() in _TRADING_VERBS | _ASKING_VERBS for t in before)
    return False


_CONTAINING = frozenset({"contain", "carry", "hold", "include"})


def _pronoun_objects(verb: Token) -> list[Token]:
    """The pronouns a verb takes as objects, also as the part counted ("bought 100 of them",
    "sold her two of them")."""
    objects = _children(verb, OBJECTS)
    counted = [t for o in objects if o.tag_ == "CD" or o.lower_ in {"some", "most", "all", "one", "many", "several"}
               for p in _children(o, {"prep"}) if p.lower_ == "of" for t in _children(p, {"pobj"})]
    return [o for o in objects + counted if o.pos_ == "PRON"]


def _tells_how_someone_died(clause: Token) -> bool:
    """A finding: "that he had died of the acute effects of ketamine", "that the cause of death was
    fentanyl toxicity", "that her death was due to / caused by an overdose"; not "that he would
    not hold an inquest", "that tests were still pending"."""
    if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might"} for c in clause.children):
        return False
    return clause.lemma_.lower() == "die" or any(t.lemma_.lower() in _FINDING_WORDS for t in clause.subtree)


def _bare_reference_point(nominal: Token) -> bool:
    """A court event named bare, after "before", "ahead of" or "prior to", as a point of the
    proceedings: "entered well before trial", "left him alone ahead of trial" (not "ahead of
    her trial next month", a trial told of)."""
    preposition = nominal.head
    if nominal.dep_ != "pobj" or any(c.dep_ != "punct" for c in nominal.children):
        return False
    return preposition.lower_ == "before" or (
        preposition.lower_ in {"of", "to"} and preposition.head.lower_ in {"ahead", "prior"})


_FINDING_WORDS = frozenset({"cause", "manner", "due", "toxicity", "overdose", "intoxication", "poisoning"})
_RULING_VERBS = frozenset({"rule", "determine", "conclude", "find", "attribute", "classify"})


def _clause_head_of(nominal: Token) -> Token:
    """The verb a noun is the object of, past a compound it modifies ("ruled the death accidental")."""
    return nominal.head.head if nominal.dep_ == "compound" else nominal.head


_MODIFYING_DEPS = frozenset({"amod", "compound", "nmod", "advmod", "det", "poss"})


def _draft(match: _Match, span: Span, sentence: Sentence, actors: ActorAnalysis,
           expressions: Sequence[TimeExpression], heading: TimeExpression | None, taxonomy: Taxonomy,
           doc: Doc) -> _Draft | None:
    head = match.head
    excluded = match.event_type.exclude_modifiers | match.trigger.exclude_modifiers
    # (a modifier, not a phrase set beside a verb: "sentenced Hale to 12 years, the maximum")
    # ("the family's wrongful-death lawsuit": the modifier of the word itself, within a compound)
    if excluded and any(
        c.lower_ in excluded for c in {*head.children, *_nominal_head(head).children} if c.dep_ in _MODIFYING_DEPS
    ) | any(t.lower_ in excluded for t in [head.doc[head.i - 1]] if head.i > 0):
        return None
    if match.trigger.part_of_speech == "NOUN" and match.event_type.exclude_nouns_for:
        nominal = _nominal_head(head)
        if nominal.dep_ == "pobj" and nominal.head.lower_ in {"for", "to"} \
                and nominal.head.head.lemma_.lower() in match.event_type.exclude_nouns_for:
            return None  # "a warrant for his arrest" is no arrest, "his right to a trial" no trial
    if match.trigger.part_of_speech == "NOUN" and match.event_type.awaited and _bare_reference_point(_nominal_head(head)):
        return None  # "his plea, entered well before trial": a point of the proceedings, no trial held
    if match.event_type.exclude_objects:
        # a verb's object or passive subject; a noun's object is its "of" phrase
        # ("an interview published Sunday by The New York Times": what a participle tells of is its object)
        objects = _children(head, OBJECTS | PASSIVE_SUBJECTS) + ([head.head] if head.dep_ == "acl" else []) \
            + _noun_a_participle_follows(head) \
            if match.trigger.part_of_speech == "VERB" else _prep_objects(_nominal_head(head)).get("of", [])
        if any(o.lemma_.lower() in match.event_type.exclude_objects for o in objects):
            return None  # "the judge revoked his bail" is the court's, not a regulator's; "an infusion of saline"
    if match.trigger.part_of_speech == "VERB" and match.event_type.exclude_grounds and any(
            o.lemma_.lower() in match.event_type.exclude_grounds
            for prep, objects in _prep_objects(head).items() if prep in {"after", "upon", "on"} for o in objects):
        return None  # "was convicted in May after pleading guilty": the plea, no trial
    if match.trigger.part_of_speech == "VERB" and head.dep_ == "acl" and head.head.lemma_.lower() in _GROUNDS_NOUNS:
        return None  # "there was insufficient evidence to charge him": grounds weighed, no charge
    if match.trigger.part_of_speech == "VERB" and head.head.pos_ == "ADJ" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) \
            and any(c.lower_ in {"enough", "too"} for c in head.head.children):
        return None  # "the evidence was strong enough to convict": a measure, no verdict
    if match.trigger.part_of_speech == "NOUN" and match.event_type.exclude_heads \
            and _nominal_head(head).lower_ in match.event_type.exclude_heads:
        return None  # "paused all infusion services" tells of no infusion
    excluded_governors = match.event_type.exclude_governors | match.trigger.exclude_governors
    if match.trigger.part_of_speech == "NOUN" and excluded_governors:
        governor, _ = _governing_verb(_nominal_head(head))
        if governor is not None and governor.lemma_.lower() in excluded_governors:
            return None  # "serving his sentence" is not a sentencing
    trigger_start, trigger_end = match.characters
    if match.trigger.part_of_speech == "NOUN" and _names_a_section(_nominal_head(head), doc.text):
        return None  # "**Other disciplinary actions, April 2025**": a heading over a list, no event
    # A trigger inside a time expression names the anchor ("before his death"); it is still
    # an event mention of its own (the death), handled like any other.
    positions, nominal, verb = _positions(match, taxonomy)
    once_only = taxonomy.once_only_nouns_except(match.event_type)
    # "the actor's death was sentenced" (a misparse): whose death it is takes no part in another
    # event for the noun's place; an event about the death is about its principal (see
    # _principals_of_the_events_they_undergo).
    held = {name: [t for t in tokens if not (t.pos_ == "NOUN" and t.lemma_.lower() in once_only)]
            for name, tokens in positions.items()}
    participants = _assign_roles(match, held, actors, (trigger_start, trigger_end), taxonomy)
    participants += _whom_it_killed(match, participants, actors)
    heads = _event_heads(match, nominal, verb, taxonomy)
    expression = _attached_expression(expressions, heads, doc, trigger_start, trigger_end, taxonomy.speech_verbs)
    if expression is None and verb is not None and verb is not match.head \
            and nominal.dep_ in OBJECTS | PASSIVE_SUBJECTS and verb.lemma_.lower() in taxonomy.reschedule_verbs:
        # "deferred sentence until 24 July": the expression holds its "until", which hangs on the verb
        moved_until = {c.idx for c in verb.children if c.dep_ == "prep" and c.lower_ in {"until", "till"}}
        expression = next((e for e in expressions if e.start in moved_until), None)
    fronted = _fronted_participle_span(match.head)
    if expression is None and fronted is not None:
        # "Born in Tulsa, Oklahoma, in 1974, Dorsey moved ...": the parser hangs the year on the
        # main verb, but it stands in the participle's clause.
        expression = next((e for e in expressions if fronted[0] <= e.start and e.end <= fronted[1]), None)
    elif expression is not None and expression.anchor is None:
        opener = next((_fronted_participle_span(c) for c in match.head.children if c.dep_ == "advcl"), None)
        if opener is not None and opener[0] <= expression.start and expression.end <= opener[1]:
            expression = None  # and the main verb does not take the participle's date
    carrier = _carrying_verb(match, nominal, verb)
    if (expression is None and carrier is not None
            and (carrier.dep_ == "conj" or (carrier.dep_ == "advcl" and carrier.tag_ == "VBG"))
            and not _own_subjects(carrier) and not _children(carrier, PASSIVE_SUBJECTS)
            and not _present_perfect(carrier)
            # "pleaded guilty last year and is awaiting sentencing": what is now, not then
            and not (_told_in_the_present(carrier) and carrier.head.tag_ == "VBD")):
        # "found unresponsive on Oct. 28 and pronounced dead": the coordinated verb shares the date,
        # and so does a participle ("released its findings on Sept. 12, concluding that ..."), and
        # the verb carrying a noun ("was arraigned Friday and entered a plea of not guilty").
        # "drew ..., refilled ... and injected ...": up the whole coordination.
        first = carrier.head
        while first.dep_ == "conj" and first.head.i != first.i and not _children(first, SUBJECTS | PASSIVE_SUBJECTS):
            first = first.head
        shared = {carrier.head.i, first.i}
        if carrier.dep_ == "conj" and first.dep_ == "advcl" and first.tag_ in {"VBD", "VBN"} \
                and not _children(first, SUBJECTS | PASSIVE_SUBJECTS):
            # "pressed powder into tablets stamped 'M30' ... and sold 40,000 of them": the parser
            # hangs the second verb on the participle before it, not on the verb both share
            shared.add(first.head.i)
        expression = _attached_expression(expressions, shared, doc, trigger_start, trigger_end)
    if expression is None:
        # "The inquest had been opened and adjourned on 14 June": one date told for two verbs
        # said together of one subject, when the first has no time or place of its own
        joined = {c.i for h in heads for c in _children(doc[h], {"conj"}) if _said_together(doc[h], c, taxonomy)}
        expression = next((e for e in expressions if e.anchor is None and e.date.known
                           and _hangs_on(e, joined, doc)), None)
    if expression is None and match.trigger.part_of_speech == "NOUN":
        # "an interview with NBC's 'Today' that aired Thursday", "an episode released Monday"
        airing = {t.i for t in nominal.subtree if t.dep_ in {"relcl", "acl"} and t.lemma_.lower() in AIRING_VERBS}
        if airing:
            expression = _attached_expression(expressions, airing, doc, trigger_start, trigger_end)
    calendar_date = None
    if expression is not None and expression.anchor is not None:
        calendar_date = _attached_expression([e for e in expressions if e.anchor is None], heads, doc,
                                             trigger_start, trigger_end)
    precedes_dated_event = False
    if expression is None:
        told_after = _event_told_after(match, nominal)
        if told_after is not None:
            # "she died on Jan. 9 after swallowing a pill": the swallowing came first, so it
            # ends by the death's date.
            expression = _attached_expression(expressions, {told_after.i}, doc, trigger_start, trigger_end)
            precedes_dated_event = expression is not None and expression.anchor is None
            if not precedes_dated_event:
                expression = None
    # what a cited source ("according to the indictment") says happened is no date of the source's
    cited_source = _is_cited_source(nominal)
    # "Dec. 15: the office rules that he died of ...": the heading is the ruling's day, not the death's
    ruled_on = head.dep_ == "ccomp" and head.head.lemma_.lower() in _RULING_VERBS and _tells_how_someone_died(head) \
        and any(t.lower_ in {"of", "from"} or t.lemma_.lower() in _FINDING_WORDS for t in head.subtree)
    # "- February 2024 — The office rules Dominguez's death an accident": what it ruled on
    ruled_on = ruled_on or (match.trigger.part_of_speech == "NOUN" and nominal.dep_ in OBJECTS | {"compound"}
                            and _clause_head_of(nominal).lemma_.lower() in _RULING_VERBS)
    # "- May 2024: Police open an investigation into Perry's death": the heading is the
    # investigation's day; a once-only event a phrase tells of is no act of the entry's
    told_of = match.trigger.part_of_speech == "NOUN" and nominal.dep_ == "pobj" \
        and nominal.lemma_.lower() in taxonomy.once_only_nouns.get(match.event_type.name, ())
    if expression is None and not cited_source and not ruled_on and not told_of:
        expression = heading
    clause = _clause_anchor(match, nominal, verb)
    if expression is None and (clause.dep_ == "ROOT" or _said_after_an_aside(clause, taxonomy)) and not cited_source \
            and not _told_by_another_event(match, nominal, verb, taxonomy):
        # "In October 2023, the same month Eli's first package arrived, the FDA warned ...": a
        # date opening the sentence frames its main clause, wherever the parser hung it; so too
        # past an aside saying who tells it ("On the evening of Sept. 21, the complaint says, ...").
        expression = _opening_expression(expressions, span, trigger_start)
    if expression is None and _is_when_clause(clause):
        # "concerns the FDA raised in October 2023, when it warned ...": the when-clause's time,
        # or the time it hangs on ("on Aug. 15, 2024, when prosecutors announced charges").
        expression = next((e for e in expressions if e.start <= clause.head.idx < e.end), None) \
            or _attached_expression(expressions, {clause.head.i}, doc, trigger_start, trigger_end)
    if expression is None and match.event_type.present_passive_is_state and match.trigger.part_of_speech == "VERB" \
            and any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in head.children):
        return None  # "ketamine is approved by the FDA as an anesthetic": a state, not an event
    status = _status(match, nominal, verb, taxonomy)
    if status is None:
        return None
    object_text = _object_text(positions, actors, expressions)
    confidence = 0.85 if participants else 0.5
    if match.trigger.part_of_speech == "NOUN":
        confidence -= 0.05
    person_nouns = get_lexicon().describing_nouns
    # not an organisation's own staff ("its enforcement officers seized 1100 sprays"): no one to name
    # later (but "its owner had been arrested. The owner, Dr. Ray Voss, ..." is)
    described = [t for position in ARGUMENT_POSITIONS for t in positions.get(position, [])
                 if (t.lemma_.lower() in person_nouns or _described_by_who(t))
                 and not (t.tag_ == "NNS" and any(c.dep_ == "poss" and c.lower_ == "its" for c in t.children))]
    described_nouns = frozenset(t.lemma_.lower() for t in described)
    introduced = [1 if c.dep_ == "det" and c.lower_ in {"a", "an"} else whole_number(c.text) if c.dep_ == "nummod" else None
                  for t in described for c in t.children]
    introduces_people = next((n for n in introduced if n), 0)
    main_clause = clause.dep_ == "ROOT" or (clause.dep_ == "conj" and clause.head.dep_ == "ROOT")
    # "a NSW trial of fixed-site drug checking": what the noun is "of" is a thing, not a person.
    of_a_thing = match.trigger.part_of_speech == "NOUN" and not any(r in match.event_type.principal for _, r in participants) \
        and any(t.pos_ == "NOUN" and t.lemma_.lower() not in person_nouns and not _described_by_who(t)
                # "a conclusion of drug-related death", "a verdict of misadventure": someone's
                and t.lemma_.lower() not in once_only | match.trigger.requires
                for t in _prep_objects(nominal).get("of", []))
    filled = {role for _, role in participants}
    # someone unnamed in the principal's place; not a host verb's subject, which may be anything
    # ("The letters follow an October 2023 safety communication")
    # ("searched the pharmacy on 14 September": a day is no one)
    undergoing = tuple(t.i for role in match.event_type.principal if role not in filled
                       for position in match.event_type.roles.get(role, ()) if position != "host"
                       for t in positions.get(position, []) if t.ent_type_ not in {"DATE", "TIME"})
    many_unnamed = frozenset(role for role in match.event_type.apart_when_many_unnamed if role not in filled
                             and any(_many_unnamed_people(t) for position in match.event_type.roles.get(role, ())
                                     for t in positions.get(position, [])))
    return _Draft(match, sentence, participants, expression, status, object_text,
                  trigger_start, trigger_end, round(confidence, 2), described_nouns, main_clause, precedes_dated_event,
                  calendar_date, introduces_people, of_a_thing, undergoing, many_unnamed)


_GROUP_NOUNS = frozenset({"group", "dozen", "dozens", "handful", "number", "circle", "network", "string", "range"})
_TRADING_PARTIES = frozenset({"customer", "buyer", "user", "dealer", "seller", "client", "other"})
_REFERRING_BACK = frozenset({"the", "these", "those", "both", "all"})


@lru_cache(maxsize=1)
def _nouns_for_people_counted() -> frozenset[str]:
    """Nouns for people a text may count without naming: "nine customers", "other teenagers"."""
    lex = get_lexicon()
    return lex.nouns_for_people | lex.residence_nouns | _TRADING_PARTIES


def _many_unnamed_people(token: Token) -> bool:
    """ "at least nine customers", "a small group of regular customers", "other teenagers":
    people the text counts or sorts but never names (not "the friends", who were named before)."""
    if token.lemma_.lower() in _GROUP_NOUNS:
        token = next(iter(_prep_objects(token).get("of", [])), token)
    return token.tag_ == "NNS" and token.ent_type_ == "" and token.lemma_.lower() in _nouns_for_people_counted() \
        and not any(c.dep_ in {"det", "predet"} and c.lower_ in _REFERRING_BACK for c in token.children)


# What a verb may hold and still be bare of a time of its own: "was arrested and charged on
# Monday", "opened and adjourned on 14 June" (not "arrested in Mexico and extradited Monday").
_BARE_VERB_DEPS = frozenset({"nsubj", "nsubjpass", "aux", "auxpass", "cc", "conj", "neg", "punct", "dobj", "prt", "acomp"})


def _present_perfect(verb: Token) -> bool:
    """ "was charged in April and has pleaded not guilty": done since, by now, not on that day."""
    return any(c.dep_ == "aux" and c.lower_ in {"has", "have", "'s", "'ve"} for c in verb.children)


def _said_together(first: Token, later: Token, taxonomy: Taxonomy) -> bool:
    """Two past verbs of one subject, the first with no time or place of its own, the later
    not moving on ("and later released") nor looking ahead ("and faces arraignment")."""
    return first.pos_ == "VERB" and later.pos_ == "VERB" and first.i < later.i and later.tag_ in {"VBD", "VBN"} \
        and not _children(later, SUBJECTS | PASSIVE_SUBJECTS | {"aux", "auxpass", "xcomp"}) \
        and not any(c.lower_ in taxonomy.story_moves_on for c in _children(later, {"advmod"})) \
        and later.lemma_.lower() not in taxonomy.awaiting_verbs \
        and all(c.dep_ in _BARE_VERB_DEPS for c in first.children)


def _hangs_on(expression: TimeExpression, verbs: set[int], doc: Doc) -> bool:
    """Whether a time hangs on one of these verbs ("charged on Monday") or on the place it takes
    someone ("booked into the county jail on Sunday"), not on another thing its clause names
    ("pleaded not guilty at his arraignment on Tuesday", "questioned about the fire on Tuesday")."""
    for head in _attachment_tokens(expression, doc):
        if head.dep_ == "prep" and head.head.pos_ == "NOUN" and head.head.lemma_.lower() in _PLACES:
            head = head.head.head if head.head.dep_ == "pobj" else head.head  # the jail "into" hangs from
        if head.i in verbs or (head.dep_ == "prep" and head.head.i in verbs):
            return True
    return False


# Places a verb takes someone to, whose time is the verb's: "booked into the county jail on Sunday"
# (not an occasion or an incident: "at his arraignment on Tuesday", "the fire at a warehouse on Tuesday").
_PLACES = frozenset({"jail", "hospital", "home", "house", "apartment", "station", "custody", "prison", "cell", "motel",
                     "hotel", "office", "clinic", "center", "centre", "facility", "residence", "headquarters",
                     "precinct", "courthouse"})


def _event_told_after(match: _Match, nominal: Token) -> Token | None:
    """The verb an "after ..." phrase holding this event hangs from: "died after swallowing
    a pill", "collapsed after an infusion" → "died", "collapsed"."""
    inner = match.head if match.trigger.part_of_speech == "VERB" else nominal
    if inner.dep_ not in {"pcomp", "pobj"} or (inner.dep_ == "pcomp" and inner.tag_ != "VBG"):
        return None
    preposition = inner.head
    if preposition.lower_ != "after" or preposition.dep_ != "prep" or preposition.head.pos_ not in {"VERB", "AUX"}:
        return None
    return _clause_holding(preposition)


# A list mark, and bold or italic markup around the date: "- **Aug. 15, 2024:** ..."
_LIST_MARK = r"(?:[-*•–—][ \t]+|\d{1,2}[.)][ \t]+)"  # "- ", "• ", "1. ", "2) "
_LIST_MARK_RE = re.compile(rf"[ \t]*{_LIST_MARK}?[*_]*")
_HEADING_END_RE = re.compile(r"[*_]*[ \t]*(?::|[–—]|-[ \t])")


_QUESTION_OPENERS = frozenset({"who", "what", "when", "where", "why", "how", "which", "is", "are", "was", "were",
                               "do", "does", "did", "will", "would", "can", "could", "should", "has", "have", "had"})


def _is_question(sentence: Sentence) -> bool:
    """A sentence that opens as a question and ends as one: an explainer's "When will the
    defendants be sentenced?" (not "X pleaded guilty Monday — so why is he still practising?")."""
    text = sentence.text.strip().strip("*_#").strip()
    first = text.split(maxsplit=1)[0].lower() if text else ""
    return text.endswith("?") and first in _QUESTION_OPENERS


def _timeline_heading(expressions: Sequence[TimeExpression], text: str, position: int) -> TimeExpression | None:
    """A line of a timeline opens with its date: "- March 2021: Lindqvist begins supplying ...",
    "2019 — Ashby retires", "- **Aug. 15, 2024:** Prosecutors announce ...". Everything on that
    line (the one holding `position`) without a date of its own happened then."""
    line_start = text.rfind("\n", 0, position) + 1
    mark = _LIST_MARK_RE.match(text, line_start)
    first = mark.end() if mark else line_start
    for expression in expressions:
        if expression.start == first and expression.anchor is None and _HEADING_END_RE.match(text, expression.end):
            return expression
    return None


# A line that is a heading: bold throughout ("**Other disciplinary actions, April 2025**") or "#".
_HEADING_LINE_RE = re.compile(r"[ \t]*(?:#{1,6}[ \t]+[^\n]+|(?:\*\*|__)[^*_\n]+(?:\*\*|__))[ \t]*$")
_LIST_ITEM_RE = re.compile(rf"[ \t]*{_LIST_MARK}")


def _names_a_section(nominal: Token, text: str) -> bool:
    """A bare plural noun in a heading line: the kind of things listed under it."""
    line_start = text.rfind("\n", 0, nominal.idx) + 1
    line_end = text.find("\n", nominal.idx)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    if nominal.tag_ != "NNS" or any(c.dep_ in {"det", "poss", "nummod"} for c in nominal.children) \
            or _HEADING_LINE_RE.fullmatch(line) is None or line.lstrip().startswith("#"):
        return False
    # a label, not a headline: "**Charges filed against Dr. Ortiz**" tells what happened
    words = nominal.doc.char_span(line_start, line_start + len(line), alignment_mode="expand")
    return words is not None and not any(t.pos_ in {"VERB", "AUX"} for t in words)


def _section_heading(expressions: Sequence[TimeExpression], text: str, position: int,
                     sentence_starts: Sequence[int]) -> TimeExpression | None:
    """A list under a heading, or under a lead-in of one sentence ending with a colon, that gives
    one date ("**Other disciplinary actions, April 2025**", "The Board also took the following
    actions in April:", then "- Anna Delacroix, PA: The Board reprimanded ..."): each item
    without a date of its own happened then. Only list items, only up to a paragraph or an
    undated heading, and never a lead-in of several sentences ("... was sentenced on Dec. 3.
    Prosecutors laid out the case in filings:"). An undated lead-in passes up only straight to
    a heading, not past another list."""
    line_start = text.rfind("\n", 0, position) + 1
    if not _LIST_ITEM_RE.match(text, line_start):
        return None
    cursor = line_start
    while cursor > 0:
        previous_start = text.rfind("\n", 0, cursor - 1) + 1
        line = text[previous_start:cursor - 1]
        heading = _HEADING_LINE_RE.fullmatch(line) is not None
        # sentence_starts are in document order: how many sentences the line starts
        introduces = line.rstrip().endswith(":") and len(line.split()) <= _LEAD_IN_WORDS \
            and bisect_left(sentence_starts, cursor - 1) - bisect_left(sentence_starts, previous_start) <= 1
        if heading or introduces:
            dated = _plain_dates(expressions, previous_start, cursor - 1)
            if len(dated) == 1:
                return dated[0]
            if heading or dated:
                return None
            # an undated lead-in right under a heading: "**Actions, April 2025**" / "The Board took
            # the following actions:"; not one that opens a second list after the first
            above = end_before_blanks(text, previous_start)
            heading_start = text.rfind("\n", 0, above) + 1
            if not _HEADING_LINE_RE.fullmatch(text, heading_start, above):
                return None
            dated = _plain_dates(expressions, heading_start, above)
            return dated[0] if len(dated) == 1 else None
        if line.strip() and not _LIST_ITEM_RE.match(line):
            return None  # a paragraph between: the list is not the heading's
        cursor = previous_start
    return None


_LEAD_IN_WORDS = 25


def _plain_dates(expressions: Sequence[TimeExpression], start: int, end: int) -> list[TimeExpression]:
    """The known dates told between two offsets, not relative to another event."""
    return [e for e in expressions if start <= e.start < end and e.anchor is None and e.date.known]


# A crime a charge is brought "in" long after its day: "charged in Saturday's fatal shooting" (but
# "died in Saturday's shooting" and "pleaded guilty in Tuesday's hearing" are that day's).
_CRIME_NOUNS = frozenset({"shooting", "stabbing", "death", "overdose", "killing", "murder", "attack", "assault",
                          "robbery", "homicide", "crash", "collision", "fire", "theft", "break-in", "burglary"})
_ATTRIBUTIVE_DEPS = frozenset({"nummod", "amod", "compound", "nmod"})
_CHARGING_VERBS = frozenset({"charge", "indict", "accuse", "convict", "prosecute", "arraign", "cite", "name", "sue"})


def _attached_expression(expressions: Sequence[TimeExpression], heads: set[int], doc: Doc,
                         trigger_start: int, trigger_end: int,
                         reporting_verbs: frozenset[str] = frozenset()) -> TimeExpression | None:
    """The time expression the parse attaches to this event, walking up from the expression;
    or the one whose clause the event's verb hangs from ("in October 2023, when it warned").
    A date on a verb of saying dates the saying, not what is said: "drowned in a hot tub, an
    inquest heard yesterday"."""
    candidates: list[tuple[float, TimeExpression]] = []
    for expression in expressions:
        for head in heads:
            token = doc[head]
            while token.dep_ == "xcomp" and token.head.i != token.i:
                token = token.head  # "on July 8, when he is expected to enter a plea"
            # ("appeared in court on Monday, where he was formally charged": the parser hangs the
            # place's clause on the day)
            if _is_when_clause(token, {"when", "as", "where"}) and expression.start <= token.head.idx < expression.end:
                return expression
        if expression.start <= trigger_start and trigger_end <= expression.end:
            continue  # the trigger is the anchor inside this expression ("before his death")
        anchor = expression.anchor
        if anchor and anchor.anchor_start is not None and anchor.anchor_start <= trigger_start < (anchor.anchor_end or 0):
            continue  # "sober for 19 months before his demise" does not date the demise
        # Equally close, a calendar date says more than an anchor ("in January, after Tessaro's
        # death": January). An anchor's expression holds its preposition ("two days after"), a
        # date's does not ("on Feb. 20"): hanging from the event directly, it is one step further.
        holds_preposition = _holds_preposition(expression, doc)
        adjacent_penalty = 1.5 if anchor is not None and holds_preposition else 0.5
        # "pleaded guilty in February to 11 counts ..., all between January 2021 and August 2022":
        # a date holding its own preposition is as far from the verb as one hanging from "in"
        held_step = 1 if anchor is None and holds_preposition else 0
        for token in _attachment_tokens(expression, doc):
            # "searched a house in connection with Monday's death", "charged in Saturday's shooting":
            # the death's or the crime's day only; but what happens "at Wednesday's hearing" or "in
            # Saturday's crash" happens that day
            # "found not guilty over the 2021 death of Tahlia Brooks": the year is the death's, too
            possessed = any((c.dep_ == "poss" or (c.dep_ in _ATTRIBUTIVE_DEPS and token.lemma_.lower() in _CRIME_NOUNS))
                            and expression.start <= c.idx < expression.end for c in token.children) \
                and not (token.dep_ == "pobj" and (token.head.lower_ in {"at", "during"} or (
                    token.head.lower_ == "in" and not (token.lemma_.lower() in _CRIME_NOUNS
                                                       and token.head.head.lemma_.lower() in _CHARGING_VERBS))))
            distance = 0
            node = token
            while True:
                focus = _cleft_focus(node)
                if node.i in heads or (focus is not None and focus.i in heads):
                    rank = distance + held_step
                    if anchor is not None:
                        rank += adjacent_penalty if distance == 0 else 0.5
                    candidates.append((rank, expression))
                    break
                if possessed or node.head.i == node.i or distance > 3 or (
                        node.lemma_.lower() in reporting_verbs and node.head.i not in heads):
                    break  # "an inquest heard yesterday" dates the inquest, not the death it heard of
                if node.dep_ == "parataxis" and node.head.i in heads and _is_attribution_aside(node):
                    pass  # "From Sept. 30 to Oct. 12, the indictment alleges, he distributed ..."
                elif node.dep_ in {"ccomp", "advcl", "relcl", "conj", "parataxis"} \
                        and not (node.dep_ == "conj" and node.pos_ == "PROPN") \
                        and not (node.dep_ == "advcl" and _bare_participle(node) and expression.end <= node.idx) \
                        and not (node.dep_ == "advcl" and anchor and anchor.anchor_start is not None
                        and anchor.anchor_start <= node.idx < (anchor.anchor_end or 0)) \
                        and not (node.dep_ == "advcl" and _is_when_clause(node)) \
                        and not (node.dep_ == "advcl" and node.lower_ == "effective") \
                        and not (node.pos_ == "ADJ" and (node.dep_ == "ccomp" or (
                            node.dep_ == "advcl" and node.head.lemma_.lower() == "find"))) \
                        and not _subjectless_copula(node):  # "found him dead ... on Jan. 19", "found X, 37, dead"
                    # "Four days after Freya died, police arrested ...": the anchor's own clause is
                    # crossed, and so is a when-clause ("pleaded not guilty when he was arraigned in June"),
                    # a name coordinated with another ("arrested X, 22, and Y, 20, on Saturday") and a
                    # participle the date comes before ("went on trial on Monday charged with manslaughter").
                    # The day an act takes effect is its day ("License suspended, effective March 3").
                    break
                node = _outside_a_name(node.head)
                distance += 1
    if not candidates:
        return None
    rank, best = min(candidates, key=lambda c: c[0])  # the first told of the nearest
    if best.anchor is not None:
        # "on 24 February 2023, before Mr Marlow's death", "the following morning, 14 March 2023":
        # a date told beside the anchor as the same time says which day, when it says its year
        # (a yearless "Six weeks later, on Feb. 21" is read from publication, not from the story)
        beside = [e for _, e in candidates if e.anchor is None and e.date.known and told_with_year(e) and (
            _APPOSITION_RE.fullmatch(doc.text, e.end, best.start) or _APPOSITION_RE.fullmatch(doc.text, best.end, e.start))]
        if beside:
            return beside[0]
    # "died between March and May last year": of two dates told for one verb, the one inside the
    # other says more, unless it is an example (not "between 2019 and 2021, including in March 2020")
    inside = [e for r, e in candidates if r <= rank + 1 and e.anchor is None and best.anchor is None
              and _narrower(e.date, best.date) and not _EXAMPLE_RE.search(doc.text[max(0, e.start - 20):e.start])]
    return min(inside, key=lambda e: e.date.end - e.date.start) if inside else best


def _bare_participle(verb: Token) -> bool:
    """A past participle with no subject, auxiliary or conjunction of its own: "charged with manslaughter"."""
    return verb.tag_ == "VBN" and not _children(verb, SUBJECTS | PASSIVE_SUBJECTS | {"mark", "aux", "auxpass"})


def _subjectless_copula(node: Token) -> bool:
    """ "swallowed a pill they believed was Percocet on the night of Sept. 19": the parser hangs
    the "was" of the belief on the main verb, with no subject; the time is the main verb's."""
    return node.dep_ == "ccomp" and node.lemma_ == "be" and not _children(node, SUBJECTS | PASSIVE_SUBJECTS)


def _cleft_focus(copula: Token) -> Token | None:
    """The clause a cleft sentence dates: "It was not until May that police opened an
    investigation", "It was in 2019 that she began"."""
    if copula.lemma_.lower() != "be" or not any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it"
                                                 for c in copula.children):
        return None
    return next((c for c in copula.children if c.dep_ == "ccomp" and c.i > copula.i
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)


# Words that give one instance of what is told over a longer time.
_EXAMPLE_RE = re.compile(r"\b(?:including|mostly|mainly|largely|especially|notably|such as|among them)\W+(?:\w+\W+)?$",
                         re.IGNORECASE)


def _narrower(date_: FuzzyDate, other: FuzzyDate) -> bool:
    """A known interval strictly inside another."""
    if None in (date_.start, date_.end, other.start, other.end):
        return False
    return other.start <= date_.start and date_.end <= other.end and date_.end - date_.start < other.end - other.start


def _opening_expression(expressions: Sequence[TimeExpression], sentence: Span,
                        trigger_start: int) -> TimeExpression | None:
    """A date that opens the sentence, set off by a comma: "In October 2023, ...", "On Aug. 7, ..."."""
    words = [t for t in sentence if not t.is_punct][:2]
    for expression in expressions:
        if expression.anchor is not None or not expression.date.known or not words:
            continue
        opens = expression.start == words[0].idx or (
            len(words) > 1 and words[0].pos_ == "ADP" and expression.start == words[1].idx)
        after = sentence.doc.text[expression.end:expression.end + 2].lstrip()
        if opens and after.startswith(",") and expression.end <= trigger_start:
            return expression
    return None


def _said_after_an_aside(clause: Token, taxonomy: Taxonomy) -> bool:
    """The clause after "..., the complaint says, ...", which the parser hangs on the saying."""
    saying = clause.head
    return clause.dep_ == "ccomp" and saying.dep_ == "ROOT" and saying.i < clause.i \
        and saying.lemma_.lower() in taxonomy.speech_verbs | taxonomy.allegation_verbs \
        and saying.i + 1 < len(saying.doc) and saying.doc[saying.i + 1].text == "," \
        and bool(_children(saying, SUBJECTS)) \
        and all(t.i > saying.i for t in _children(clause, SUBJECTS))


def _is_attribution_aside(verb: Token) -> bool:
    """"the indictment alleges", "police said" set between commas: who says so, with no object."""
    return verb.pos_ == "VERB" and bool(_children(verb, SUBJECTS)) \
        and not _children(verb, OBJECTS | {"ccomp", "xcomp"})


def _fronted_participle_span(verb: Token) -> tuple[int, int] | None:
    """The characters of a participle clause opening the sentence, up to the main clause's
    subject: "Born in Tulsa, Oklahoma, in 1974," of "Born ..., Dorsey moved"."""
    if verb.dep_ != "advcl" or verb.tag_ not in {"VBN", "VBG"} or verb.i != verb.sent.start or verb.i >= verb.head.i:
        return None
    subjects = _children(verb.head, SUBJECTS | PASSIVE_SUBJECTS)
    if not subjects:
        return None
    end = min(t.left_edge.idx for t in subjects)
    return verb.idx, end


def _is_when_clause(verb: Token, words: frozenset[str] | set[str] = frozenset({"when"})) -> bool:
    """A clause that says when what it hangs from happened: "... when he was arraigned in June",
    "in October 2023, when it warned ..."."""
    return verb.dep_ in {"advcl", "relcl"} and any(c.lower_ in words for c in verb.children)


_FOLLOWING_SENTENCES = 2  # how far back the story may have told of the kind a follower names


def _after_their_kind(drafts: list[_Draft], sentences: Sequence[Sentence]) -> list[_Draft]:
    """Mentions by words that name the event only after the story told of its kind (taxonomy
    option follows): "Perry had been getting ketamine infusions ... could not have come from a
    treatment he had received a week and a half before he died" (not "sought treatment" alone,
    nor "a treatment room"). Such a word names again the event told before: told in the same
    sentence, it lends that mention its date; told after it, it is that event's, whoever the
    sentence puts beside it ("no one reviewed the interaction before the July session")."""
    position = {sentence.start: index for index, sentence in enumerate(sentences)}
    kept: list[_Draft] = []
    for draft in drafts:
        kinds = draft.match.trigger.follows
        if not kinds:
            kept.append(draft)
            continue
        here = position.get(draft.sentence.start, 0)
        told = [earlier for earlier in kept if earlier.match.event_type.name in kinds and not earlier.match.trigger.follows
                and 0 <= here - position.get(earlier.sentence.start, 0) <= _FOLLOWING_SENTENCES]
        if not told or draft.match.head.dep_ == "compound":
            continue
        named = told[-1]
        if named.sentence.start == draft.sentence.start:
            if named.expression is None:
                named.expression = draft.expression
            continue
        draft.participants = list(named.participants)
        kept.append(draft)
    return kept


def _link_anchors_and_finish(drafts: list[_Draft], document: DocumentRecord, actors: ActorAnalysis,
                             taxonomy: Taxonomy, sentences: Sequence[Sentence],
                             expressions: Sequence[TimeExpression]) -> list[EventMention]:
    ids: list[str] = []
    for draft in drafts:  # a repeat told without its verb shares its trigger, not its id
        at = f"{document.id}:{draft.trigger_start}"
        ids.append(at if at not in ids else f"{at}@{draft.expression.start if draft.expression else len(ids)}")
    # Whose death a pronoun tells is settled before other mentions borrow its principal, and
    # again for those that borrowed one ("the autopsy" of a death told as "his").
    _the_dead_are_not_those_who_supplied_them(drafts, actors)
    _pronoun_deaths_are_of_the_dead(drafts, actors)
    _surname_deaths_are_of_the_dead(drafts, actors)
    _the_dead_are_not_prosecuted(drafts, actors)
    _befall_the_entry_named(drafts, document.text, actors)
    _the_unnamed_identified_after(drafts, actors)
    _clinicians_start_what_patients_receive(drafts, actors)
    _inherit_principals(drafts, taxonomy)
    _held_by_the_titled(drafts, document, actors)
    _plural_pronouns_are_the_people_before(drafts, actors)
    _adopt_described_participants(drafts, document, actors, sentences)
    _the_case_is_its_defendants(drafts)
    _the_people_counted_are_the_defendants(drafts)
    _definite_mentions_keep_their_dates(drafts)
    _pronoun_deaths_are_of_the_dead(drafts, actors)
    _principals_of_the_events_they_undergo(drafts, taxonomy)
    _the_held_thing_told_before(drafts)
    _about_the_one_the_story_follows(drafts)
    _one_event_told_twice_in_a_sentence(drafts, actors)
    mentions: list[EventMention] = []
    begun: set[str] = set()  # mentions of lasting events told by the day they began
    last_dated: tuple[str, FuzzyDate, int] | None = None  # id, date, where the text gives the date
    for index, draft in enumerate(drafts):
        claim = _claim(draft, drafts, ids, last_dated, document, taxonomy, expressions)
        event_type = draft.match.event_type
        principal = [(a, r) for a, r in draft.participants if r in event_type.principal]
        if not principal:
            # Nobody in the event's principal role ("the judge imposed the sentence" names no
            # one sentenced; "ketamine infusion therapy works by ..." names no patient):
            # a generic or incomplete statement, not an event.
            continue
        required = event_type.required_roles
        if required and not any(role in required for _, role in draft.participants):
            continue
        trigger_text = " ".join(t.text for t in draft.match.tokens)
        # Acts each person does alone ("Iwamasa and Fleming pleaded guilty") are one event per person.
        groups = [[p, *(q for q in draft.participants if q not in principal)] for p in principal] \
            if event_type.one_per_principal and len(principal) > 1 else [list(draft.participants)]
        for number, participants in enumerate(groups):
            names: dict[str, list[str]] = {}
            for actor_id, role in participants:
                names.setdefault(role, []).append(actors.actors[actor_id].name)
            mention = EventMention(
                local_id=ids[index] if number == 0 else f"{ids[index]}#{number}",
                type=event_type.name, status=_status_by_date(draft, claim, document),
                trigger=trigger_text, trigger_start=draft.trigger_start, trigger_end=draft.trigger_end,
                sentence=draft.sentence, participants=tuple(participants), claim=claim,
                object_text=draft.object_text, confidence=draft.confidence,
                title=_render_title(event_type, names, draft.object_text), kind=_kind(draft),
                agreed=any(t.lemma_.lower() in event_type.agreed_by for t in draft.match.tokens),
                many_unnamed=draft.many_unnamed,
            )
            mentions.append(mention)
            if event_type.lasting and _told_as_begun(draft.match):
                begun.add(mention.local_id)
        if claim.date.start is not None and claim.date.end is not None and claim.anchor is None \
                and draft.expression is not None:
            # A date the text gives, not a news-peg window nor a bound ("after swallowing ...").
            last_dated = (ids[index], claim.date, draft.expression.start)
    return _ended_by_death(_begun_until_its_end(_without_forgone(mentions, taxonomy), begun), taxonomy)


def _without_forgone(mentions: list[EventMention], taxonomy: Taxonomy) -> list[EventMention]:
    """Mentions of what the story's other events forgo (taxonomy option forgone_by): a trial set
    for one who has since pleaded guilty is not held, nor one only ever scheduled before the
    plea. A guilty plea in an earlier case, before a later plea of not guilty, forgoes nothing."""
    # what could forgo anything: done, and not undone by a later event of another kind
    standing = [m for m in mentions if m.status == EventStatus.OCCURRED and not _retracted_by_a_later_kind(m, mentions)]
    kept = []
    for mention in mentions:
        event_type = taxonomy.types[mention.type]
        principals = {a for a, r in mention.participants if r in event_type.principal}
        told = mention.claim.date
        forgoing = [m for m in standing if (m.type, m.kind) in event_type.forgone_by
                    and principals <= {a for a, _ in m.participants}
                    and (told.start is None or mention.status != EventStatus.OCCURRED
                         or (m.claim.date.start is not None and told.start >= m.claim.date.start))]
        if not (principals and forgoing):
            kept.append(mention)
    return kept


def _retracted_by_a_later_kind(mention: EventMention, mentions: list[EventMention]) -> bool:
    """Whether the same people's event of the same type but another kind is told as later: "In
    March 2023 he pleaded guilty to possession ... At a hearing last week, he pleaded not guilty"."""
    people = {a for a, _ in mention.participants}
    since = mention.claim.date.end
    return any(m.type == mention.type and m.kind != mention.kind and people & {a for a, _ in m.participants}
               and (since is None or (m.claim.date.start is not None and m.claim.date.start > since))
               for m in mentions)


_BEGINNING_VERBS = frozenset({"begin", "start", "open", "commence"})


def _told_as_begun(match: _Match) -> bool:
    """ "her trial began Oct. 9", "a trial that began Oct. 9": the day it began, not all of it."""
    if match.trigger.part_of_speech != "NOUN":
        return False
    nominal = _nominal_head(match.head)
    if nominal.dep_ in SUBJECTS and nominal.head.lemma_.lower() in _BEGINNING_VERBS:
        return True
    return any(clause.lemma_.lower() in _BEGINNING_VERBS and any(
        c.dep_ in SUBJECTS and c.lower_ in {"that", "which"} for c in clause.children)
        for clause in _children(nominal, {"relcl"}))


def _begun_until_its_end(mentions: list[EventMention], begun: set[str]) -> list[EventMention]:
    """ "A jury convicted Reed on Oct. 20, at the end of a trial that began Oct. 9": a lasting
    event told as begun on a day runs until the first later day the story tells it for the
    same people (its verdict), so the two are one event."""
    finished = []
    for mention in mentions:
        told = mention.claim.date
        if mention.local_id in begun and told.start is not None and told.start == told.end \
                and mention.claim.anchor is None and mention.status == EventStatus.OCCURRED:
            later = [m.claim.date.end for m in mentions
                     if m.type == mention.type and m.local_id not in begun and m.status == EventStatus.OCCURRED
                     and set(m.participants) & set(mention.participants)
                     and m.claim.date.start is not None and m.claim.date.end is not None
                     and m.claim.date.start > told.end]
            if later:
                mention = replace(mention, claim=replace(mention.claim, date=FuzzyDate.between(
                    told.start, min(later), f"{told.text}, until it ended")))
        finished.append(mention)
    return finished


def _ended_by_death(mentions: list[EventMention], taxonomy: Taxonomy) -> list[EventMention]:
    """ "Moss died on Oct. 20, 2023 ... had been receiving ketamine infusions since 2021": what
    someone underwent since a date, told open-ended, ended by the death the story dates."""
    deaths: dict[str, date] = {}
    for mention in mentions:
        end = mention.claim.date.end
        if mention.type == "DEATH" and mention.status == EventStatus.OCCURRED and end is not None:
            for actor_id, role in mention.participants:
                deaths[actor_id] = min(end, deaths.get(actor_id, end))
    ended = []
    for mention in mentions:
        told = mention.claim.date
        living = taxonomy.types[mention.type].living_roles
        lives = [deaths[a] for a, role in mention.participants if role in living and a in deaths]
        if told.start is not None and told.end is None and mention.claim.anchor is None \
                and lives and told.start <= min(lives):
            mention = replace(mention, claim=replace(
                mention.claim, date=FuzzyDate.between(told.start, min(lives), f"{told.text}, until the death")))
        ended.append(mention)
    return ended


def _status_by_date(draft: _Draft, claim: DateClaim, document: DocumentRecord) -> EventStatus:
    """An event the text dates wholly after the story was published, told in the present, has
    not happened yet: "Harold Quist goes on trial next month", "faces trial next year", "The
    sentencing has been postponed to July 29". Only a date the text gives counts, not one
    reckoned from another event's; and a past tense says the date was misread, not the tense."""
    published = document.published
    head = draft.match.head
    verb = head if head.pos_ in ("VERB", "AUX") else clause_verb(head)
    told_in_past = verb is not None and (verb.tag_ == "VBD" or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in _PAST_AUXILIARIES for c in verb.children))
    told_by_the_text = draft.expression is not None and claim.anchor is None
    if draft.status == EventStatus.OCCURRED and not told_in_past and told_by_the_text \
            and published is not None and published.end is not None \
            and claim.date.start is not None and claim.date.start > published.end:
        return EventStatus.SCHEDULED
    return draft.status


_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did"})
_JUDGES_TITLES = frozenset({"judge", "justice", "magistrate", "magistrates", "recorder", "sheriff"})
_GROUNDS_NOUNS = frozenset({"evidence", "grounds", "basis", "reason"})


def _kind(draft: _Draft) -> str | None:
    """The taxonomy kind the words at the trigger say: "pleaded not guilty", "a plea of not
    guilty", "her not-guilty plea", "entered a guilty plea", "admitted two counts"."""
    kinds = draft.match.event_type.kinds
    if not kinds:
        return None
    head = draft.match.head
    words = list(draft.match.tokens) + [c for c in head.children if c.dep_ in _KIND_DEPS]
    words += [t for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    text = " " + " ".join(t.lower_ for t in sorted(set(words), key=lambda t: t.i)) + " "
    text = text.replace(" - ", "-")
    for kind, markers in kinds:
        if any(f" {marker} " in text for marker in markers):
            return kind
    return None


_KIND_DEPS = frozenset({"acomp", "neg", "amod", "compound", "advmod", "dobj", "attr", "oprd", "xcomp"})


def _who_clause(noun: Token) -> Token | None:
    """The relative clause "who ..." a common noun has: "a personal trainer who sold ..."."""
    if noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "relcl" and any(w.lower_ == "who" for w in c.children)), None)


def _described_by_who(noun: Token) -> bool:
    """"a personal trainer who sold ...": a person, whatever the noun."""
    return _who_clause(noun) is not None


def _described_subject_misparsed(verb: Token, subjects: list[Token]) -> Token | None:
    """In "A personal trainer who sold pills to reality star Delia Marchetti pleaded guilty",
    the small parser makes the name ending the relative clause the subject of "pleaded":
    the subject is the described person that the relative clause modifies. So too when it folds
    the main verb into the relative clause, or onto the described noun itself: "A physician who
    supplied Perry in the weeks before the actor's death pleaded guilty", "A dealer who sold
    pills to Ana Cruz in the days before her death was sentenced Monday" (the death made the
    subject of the main verb)."""
    folded = verb.dep_ == "advcl" \
        and (verb.head.dep_ == "relcl" or (verb.head.dep_ == "ROOT" and verb.head.pos_ == "NOUN")) \
        and any(c.dep_ == "mark" and c.lower_ in {"before", "after", "until", "since"} for c in verb.children) \
        and all(s.pos_ == "NOUN" for s in subjects)
    if (verb.dep_ != "ROOT" and not folded) or not subjects:
        return None
    subject = subjects[-1]
    for noun in verb.sent:
        if noun.i >= subject.i:
            break
        clause = _who_clause(noun)
        if (clause is not None and clause.i < subject.i
                and (noun.dep_ not in SUBJECTS | PASSIVE_SUBJECTS or noun.head.i == verb.i)
                and any(c.lower_ in {"a", "an"} for c in noun.children if c.dep_ == "det")):
            return noun
    return None


def _adopt_described_participants(drafts: list[_Draft], document: DocumentRecord, actors: ActorAnalysis,
                                  sentences: Sequence[Sentence]) -> None:
    """A lede often describes before it names: "A California doctor ... was sentenced on
    Tuesday. Dr. Salvador Plasencia was sentenced by ...". A mention whose participant
    is only described takes the participants of the nearest mention of the same type
    within two sentences, so its date is not lost; failing that, the person the next
    two sentences name with the same noun ("A Houston pharmacist was sentenced ...
    Pharmacist Daniel Reyes, 51, ...")."""
    order = sorted({d.sentence.start for d in drafts})
    for draft in drafts:
        # ("The board suspended a Houston physician": the board named, the one it acted on
        # described, and named next)
        event_type = draft.match.event_type
        filled = {r for _, r in draft.participants}
        principal = [r for r in event_type.principal if r not in filled]
        if not principal or not draft.described_nouns \
                or not (filled & set(event_type.principal)) <= event_type.organization_roles:
            continue
        here = order.index(draft.sentence.start)
        reach = range(here, here + 3) if draft.introduces_people else range(here - 2, here + 3)
        nearby = [
            d for d in drafts
            if d is not draft and d.participants and d.match.event_type is draft.match.event_type
            and order.index(d.sentence.start) in reach
        ]
        if nearby and not _has_principal(draft):
            source = min(nearby, key=lambda d: (abs(order.index(d.sentence.start) - here), d.trigger_start))
            draft.participants.extend(p for p in source.participants if p[1] in principal)
            draft.confidence = round(draft.confidence - 0.15, 2)
            continue
        named = _named_later_with(draft.described_nouns, draft.sentence, document, actors, sentences)
        people = [named] if named is not None else _people_listed_after(draft, actors) \
            or _people_included(draft, actors) or _new_people_named_after(
            draft.described_nouns, draft.introduces_people, draft.sentence, actors, sentences) \
            or _the_defendants_counted(draft, drafts)
        if people and principal:
            # the parser may hang a listed name on another phrase: each is only the principal
            draft.participants[:] = [(a, r) for a, r in draft.participants if a not in people]
            draft.participants.extend((person, principal[0]) for person in people)
            draft.confidence = round(draft.confidence - 0.2, 2)


_DEFENDANT_NOUNS = frozenset({"defendant", "co-defendant", "codefendant"})
_CASE_NOUNS = frozenset({"case", "prosecution"})


def _defendants_of_the_others(draft: _Draft, drafts: list[_Draft], role: str = "DEFENDANT") -> list[str]:
    """The story's defendants (or those in another role of the accused: "ARRESTED"), in the
    order its other events name them."""
    return list(dict.fromkeys(a for d in drafts if d is not draft for a, r in d.participants if r == role))


_OF_THE_DEAD = frozenset({"DEATH", "AUTOPSY"})


def _held_by_the_titled(drafts: list[_Draft], document: DocumentRecord, actors: ActorAnalysis) -> None:
    """ "Coroner Melissa Tranter handed down her findings on Tuesday after an inquest that began
    on 19 May": a mention whose trigger says who holds it by a title (taxonomy option held_by),
    naming no one in that role, is held by the one person the story gives that title."""
    titled: dict[str, list[str]] = {}
    for draft in drafts:
        for role, title in draft.match.trigger.held_by:
            if any(r == role for _, r in draft.participants):
                continue
            if title not in titled:
                titled[title] = _people_titled(title, document, actors)
            if len(titled[title]) == 1:
                draft.participants.append((titled[title][0], role))


_HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Miss|Prof|Judge|Justice)\.?\s+)?"


def _people_titled(title: str, document: DocumentRecord, actors: ActorAnalysis) -> list[str]:
    """The people the story gives a title, by name, before or after it: "Assistant coroner Dr
    Helen Marsh", "senior coroner Lincoln Dowse", "Coroner Melissa Tranter", "Ms Pemberton,
    assistant coroner for Manchester North"."""
    before = re.compile(rf"\b{re.escape(title)}(?:\s+for\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*)?,?\s+{_HONORIFIC}$",
                        re.IGNORECASE)
    after = re.compile(rf",\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}{re.escape(title)}\b", re.IGNORECASE)
    within = re.compile(rf"\b{re.escape(title)}\b", re.IGNORECASE)  # "Coroner Melissa Tranter", title and all
    text = document.text
    people = [span.actor_id for span in actors.spans
              if span.via in {NAME, SURNAME} and actors.actors[span.actor_id].kind == ActorKind.PERSON
              and (before.search(text, max(0, span.start - 80), span.start) or after.match(text, span.end)
                   or within.search(text, span.start, span.end))]
    return list(dict.fromkeys(people))


def _the_case_is_its_defendants(drafts: list[_Draft]) -> None:
    """An investigation of "this case" or "the case" ("The case was investigated by the DEA",
    a prosecutor's "commended the investigation of this case by ...") is into the people the
    story's other events have as defendants. A case that "remains under investigation" just
    after a death or an autopsy, with no one accused in the two sentences before, is the case
    of that death ("The medical examiner's office performed an autopsy Tuesday. The case
    remains under investigation"), and of no one when those sentences name no one dead."""
    sentence_starts = sorted({d.sentence.start for d in drafts})
    for draft in drafts:
        if draft.match.event_type.name != "INVESTIGATION" or _has_principal(draft):
            continue
        doc = draft.match.head.doc
        # a bare "the case" ("the case of a stolen painting" names its own)
        if not any(t.lemma_.lower() in _CASE_NOUNS and any(c.lower_ in {"the", "this", "that"} for c in t.children)
                   and not _children(t, {"prep", "acl", "relcl"}) for t in (doc[i] for i in draft.undergoing)):
            continue
        principal = draft.match.event_type.principal
        # "The case is being investigated by the FBI, which began investigating Evergreen Reset in
        # December": the investigation the sentence names its subject for
        told_here = [(a, r) for d in drafts if d is not draft and d.sentence.start == draft.sentence.start
                     and d.match.event_type is draft.match.event_type for a, r in d.participants if r in principal]
        # (with no one charged yet, "Police arrested Lunsford ... are investigating the case": his)
        defendants = _defendants_of_the_others(draft, drafts) or _defendants_of_the_others(draft, drafts, "ARRESTED")
        recent = [d for d in drafts if d is not draft and d.sentence.start in _sentences_around(sentence_starts, draft, 2, 0)]
        deaths = [d for d in recent if d.match.event_type.name in _OF_THE_DEAD]
        nominal = _nominal_head(draft.match.head)
        accused_here = any(r in {"DEFENDANT", "ARRESTED"} for d in recent for _, r in d.participants)
        if told_here:
            draft.participants.extend(told_here)
        elif deaths and not accused_here and _placed_under(nominal, nominal.head.head):
            # (of one the sentences do not name: no one's; "commended the investigation of this
            # case" after the death told is the defendants')
            draft.participants.extend(dict.fromkeys((a, principal[0]) for d in deaths for a, r in d.participants
                                                    if r in d.match.event_type.principal))
        elif 1 <= len(defendants) <= 6:
            draft.participants.extend((a, principal[0]) for a in defendants)


def _the_defendants_counted(draft: _Draft, drafts: list[_Draft]) -> list[str]:
    """ "charges against all five defendants", "the three defendants": the people the story's
    other events have as defendants, when there are at least two and no more than counted
    (one it names only elsewhere, in another part, may be missing)."""
    if draft.match.event_type.name != "CHARGES" or not draft.described_nouns & _DEFENDANT_NOUNS \
            or draft.introduces_people < 2:
        return []
    doc = draft.match.head.doc
    counted = [t for i in draft.undergoing for t in [doc[i]] if t.lemma_.lower() in _DEFENDANT_NOUNS]
    if not any(c.lower_ in {"the", "all", "both"} for t in counted for c in t.children):
        return []  # "five defendants" may be new; "the five" or "all five" are those known
    defendants = _defendants_of_the_others(draft, drafts)
    return defendants if 2 <= len(defendants) <= draft.introduces_people else []


_COUNTED_PEOPLE = frozenset({"people", "person", "other", "others", "defendant", "defendants", "individual",
                             "individuals", "man", "men", "woman", "women"})


def _the_people_counted_are_the_defendants(drafts: list[_Draft]) -> None:
    """ "Federal prosecutors on Thursday charged five people, among them two physicians and
    Matthew Perry's live-in assistant", "charged Plasencia and four others", "one of five
    people charged": charges that count more people than they name are against the story's
    other defendants too, when the story has no more than counted."""
    for draft in drafts:
        if draft.match.event_type.name != "CHARGES":
            continue
        count = _people_counted(draft.match.head)
        if count is None:
            continue
        named = [a for a, r in draft.participants if r == "DEFENDANT"]
        story = list(dict.fromkeys([*named, *_defendants_of_the_others(draft, drafts)]))
        if len(named) < len(story) <= count:
            draft.participants.extend((a, "DEFENDANT") for a in story if a not in named)


def _people_counted(head: Token) -> int | None:
    """How many people a charging verb says it charged: "charged five people", "X and four
    others" (five), "one of five people charged"."""
    nouns = [c for c in head.children if c.dep_ in OBJECTS | PASSIVE_SUBJECTS]
    if head.dep_ == "acl":
        nouns.append(head.head)
    for noun in [*nouns, *(c for n in nouns for c in n.conjuncts)]:
        if noun.lemma_.lower() not in _COUNTED_PEOPLE and noun.lower_ not in _COUNTED_PEOPLE:
            continue
        count = next((whole_number(c.text) for c in noun.children if c.dep_ == "nummod"), None)
        if count is not None and count >= 2:
            return count + 1 if noun.lower_ == "others" else count
    return None


def _people_named_in(sentences: Sequence[Sentence], actors: ActorAnalysis) -> Iterator[tuple[ActorSpan, ActorRecord]]:
    """The people these sentences call by name, in order."""
    for sentence in sentences:
        for span in actors.spans_between(sentence.start, sentence.end):
            actor = actors.actors.get(span.actor_id)
            if span.via == NAME and actor is not None and actor.kind == ActorKind.PERSON:
                yield span, actor


_NOT_DOCTORS = frozenset({"nurse", "pharmacist", "therapist", "clinician", "medic", "psychologist", "consultant"})


def _named_later_with(nouns: frozenset[str], sentence: Sentence, document: DocumentRecord,
                      actors: ActorAnalysis, sentences: Sequence[Sentence]) -> str | None:
    """The person the next two sentences name right beside one of these nouns
    ("Pharmacist Daniel Reyes", "Daniel Reyes, a pharmacist"), if exactly one."""
    following = [s for s in sentences if s.start > sentence.start][:2]
    if not following:
        return None
    text = document.text.lower()
    lexicon = get_lexicon()
    # "A Houston physician ... Dr. Victor Lange": a doctor's title names the doctors the medical nouns tell
    doctors = frozenset(n for n, group in lexicon.description_group.items() if group == "medical") - _NOT_DOCTORS
    found = set()
    for span, actor in _people_named_in(following, actors):
        before = re.findall(r"[a-z]+", text[max(0, span.start - 30) : span.start])[-2:]
        after = re.findall(r"[a-z]+", text[span.end : span.end + 40])[:4]
        description = re.findall(r"[a-z]+", (actor.description or "").lower())
        titled = {lexicon.descriptive_titles.get(w)
                  for w in [*before[-1:], *re.findall(r"[a-z]+", text[span.start : span.end])[:1]]}
        if nouns & {*before, *after, *description} or ("doctor" in titled and nouns & doctors):
            found.add(span.actor_id)
    return found.pop() if len(found) == 1 else None


def _counted_noun(draft: _Draft) -> Token | None:
    """The noun that counts the people an event brings in ("five people", "two men"), if it does."""
    if draft.introduces_people < 1:
        return None
    doc = draft.match.head.doc
    return next((doc[i] for i in draft.undergoing if doc[i].lemma_.lower() in draft.described_nouns), None)


def _people_listed_after(draft: _Draft, actors: ActorAnalysis) -> list[str]:
    """ "charges against five people: Plasencia; Sangha; Dr. Mark Chavez, a San Diego
    physician; ...": the people a colon after the counted noun lists, when the list names as
    many as counted."""
    noun = _counted_noun(draft)
    if noun is None:
        return []
    doc = noun.doc
    after = noun.i + 1
    if after >= len(doc) or doc[after].text != ":":
        return []
    listed: list[str] = []
    for span in actors.spans_between(doc[after].idx, draft.sentence.end):
        actor = actors.actors.get(span.actor_id)
        words = doc.char_span(span.start, span.end, alignment_mode="expand")
        if words is not None and words.root.dep_ == "poss":
            continue  # "Perry's live-in assistant, Kenneth Iwamasa": the assistant
        if actor is not None and actor.kind == ActorKind.PERSON and span.actor_id not in listed:
            listed.append(span.actor_id)
    return listed if len(listed) == draft.introduces_people else []


def _people_included(draft: _Draft, actors: ActorAnalysis) -> list[str]:
    """ "charged five people in the case, including Jordan Hale and Marcus Reed": the people an
    "including" phrase after the counted noun names, however the parser hangs it, if no more
    than counted."""
    noun = _counted_noun(draft)
    if noun is None:
        return []
    sentence = noun.doc.char_span(draft.sentence.start, draft.sentence.end, alignment_mode="expand")
    including = next((t for t in sentence or () if t.lower_ == "including" and t.i > noun.i), None)
    if including is None:
        return []
    end = including.right_edge
    listed = list(dict.fromkeys(
        span.actor_id for span in actors.spans_between(including.idx, end.idx + len(end.text))
        if span.actor_id in actors.actors and actors.actors[span.actor_id].kind == ActorKind.PERSON))
    return listed if len(listed) <= draft.introduces_people else []


def _new_people_named_after(nouns: frozenset[str], count: int, sentence: Sentence, actors: ActorAnalysis,
                            sentences: Sequence[Sentence]) -> list[str]:
    """ "... charged a Granger Mills woman with manslaughter. Kendra Pyle, 33, was arrested ...",
    "arrested two people on Thursday ... Corey Lanfield, 34, and Shaniece Dorr, 29, were booked":
    for men, women or people the text brings in, the first so many people the next sentence
    (for more than one, the next two) names who were not named before, unless a first name
    says it cannot be one described."""
    lexicon = get_lexicon()
    if count < 1 or not nouns & (lexicon.female_nouns | lexicon.male_nouns | lexicon.people_nouns):
        return []  # "a federal judge" may be anyone the story names next
    following = [s for s in sentences if s.start > sentence.start][: 1 if count == 1 else 2]
    wrong_names = (lexicon.male_first_names if nouns & lexicon.female_nouns else frozenset()) \
        | (lexicon.female_first_names if nouns & lexicon.male_nouns else frozenset())
    named_before = {s.actor_id for s in actors.spans_between(0, sentence.start)}
    found: list[str] = []
    for span, actor in _people_named_in(following, actors):
        if span.actor_id in named_before or span.actor_id in found:
            continue
        if actor.name.split()[0].lower() in wrong_names - lexicon.unisex_first_names:
            return []
        found.append(span.actor_id)
        if len(found) == count:
            return found  # (not "... selling pills to Emily Chen", named after them)
    return []


def _sentences_around(sentence_starts: list[int], draft: _Draft, back: int, ahead: int) -> set[int]:
    """The starts of the sentences from `back` before the draft's to `ahead` after it, among
    `sentence_starts` (sorted): (1, 0) is the one before and its own, (2, -1) the two before."""
    position = sentence_starts.index(draft.sentence.start)
    return set(sentence_starts[max(0, position - back) : position + ahead + 1])


def _inherit_principals(drafts: list[_Draft], taxonomy: Taxonomy) -> None:
    """Fill an empty principal role from the mention of the related type nearby (see taxonomy.yaml)."""
    sentence_starts = sorted({d.sentence.start for d in drafts})
    for draft in drafts:
        event_type = draft.match.event_type
        if draft.match.trigger.inherit_when_opened:
            _opened_after(draft, drafts, sentence_starts, taxonomy)
            continue
        source_types = draft.match.trigger.inherit_principal_from or event_type.inherit_principal_from
        definite_reference = not source_types and _is_definite(draft.match) \
            and (bool(draft.participants) or (draft.expression is not None and _done_by_someone(draft.match, taxonomy)))
        if definite_reference:
            # "The order says the infusion was started by a medical assistant", "A grand jury
            # returned the indictment on Nov. 14": the infusion, the indictment told before
            source_types = (event_type.name,)
        if not source_types or not event_type.principal:
            continue
        if (_has_principal(draft) and not draft.befell_the_entry_named) or draft.of_a_thing:
            continue
        nearby = (_sentences_around(sentence_starts, draft, 0, 1) if draft.introduces_people
                  else _sentences_around(sentence_starts, draft, 3 if definite_reference else 1, 0))
        sources = [d for d in drafts if d.match.event_type.name in source_types and d is not draft
                   and d.sentence.start in nearby and _has_principal(d)  # not "criminal negligence causing death"
                   and _kind(d) not in event_type.inherit_except_kinds]  # "evidence presented at trial": not one who pleaded guilty
        if draft.befell_the_entry_named:  # only whoever acted is still to be found
            sources = [d for d in sources if _acting_principals(d)]
        sources.sort(key=lambda d: (d.sentence.start != draft.sentence.start, abs(d.trigger_start - draft.trigger_start)))
        # Someone the text brings in as new is named after, not before: "A Granger Mills man ...
        # was sentenced Monday. Wade Tillotson, 41, pleaded guilty in July".
        if not sources and not draft.introduces_people \
                and (draft.match.trigger.inherit_principal_from or draft.expression is not None
                     or draft.befell_the_entry_named):
            # "The trial is scheduled to begin Feb. 3", "She set a retrial for Jan. 12": the trial
            # of the one the story told of last. Undated, "the trial" is only a reference
            # ("vindicated at the second trial"). "An inquest" is always into the death told of
            # last, however far back.
            sources = _latest_before(draft, drafts, source_types)
            if draft.befell_the_entry_named:
                sources = [d for d in sources if _acting_principals(d)]
        if not any(_has_principal(d) for d in sources) and draft.sentence.start == sentence_starts[0]:
            # A lede that names nobody: "A federal judge declared a mistrial in the case of a
            # Houston pharmacist ...", whom the story names when it tells of the charges.
            sources = sorted((d for d in drafts if d.match.event_type.name in source_types and d is not draft
                              and d.trigger_start > draft.trigger_start), key=lambda d: d.trigger_start)
        for source in sources:
            inherited = _acting_principals(source) if draft.befell_the_entry_named \
                else [(a, r) for a, r in source.participants if r in source.match.event_type.principal]
            if inherited:
                # The same kind of event keeps its roles ("the temporary suspension": the board's, of
                # the doctor); another kind lends its principal ("the trial" of the one charged).
                same_kind = source.match.event_type is event_type
                draft.participants.extend((a, r if same_kind else event_type.principal[0]) for a, r in inherited)
                break


def _the_unnamed_identified_after(drafts: list[_Draft], actors: ActorAnalysis) -> None:
    """ "The man, 37, was pronounced dead at the scene. Police on Wednesday identified him as
    Derek Lunsford": what befell someone told only as "the man" or "a woman", whom one of the
    next two sentences identifies by name ("identified him as", "was identified as"), befell
    that person."""
    people_nouns = get_lexicon().describing_nouns
    for draft in drafts:
        doc = draft.match.head.doc
        unnamed = [doc[i] for i in draft.undergoing if doc[i].lemma_.lower() in people_nouns and doc[i].tag_ == "NN"]
        if _has_principal(draft) or len(unnamed) != 1:
            continue
        after = [s for s in doc.sents if s.start > unnamed[0].i][:2]
        named = next((person for sentence in after for verb in sentence if verb.lemma_.lower() == "identify"
                      for person in [_identified_as(verb, unnamed[0], actors)] if person is not None), None)
        if named is not None:
            draft.participants.append((named, draft.match.event_type.principal[0]))


def _identified_as(verb: Token, unnamed: Token, actors: ActorAnalysis) -> str | None:
    """The person a verb of identifying names as the one told of: "identified him as Derek
    Lunsford", "The man was identified as ...", "identified the woman as ..."."""
    identified = _children(verb, {"dobj", "nsubjpass"})
    if not any(t.lower_ in {"him", "her", "he", "she"} or t.lemma_.lower() == unnamed.lemma_.lower() for t in identified):
        return None
    # (the name itself, not a place after it: "as Derek Lunsford of Granger Mills")
    names = [span for as_ in _prep_objects(verb).get("as", []) for span in [actors.actor_at(as_.idx, as_.idx + len(as_))]
             if span is not None and actors.actors[span.actor_id].kind == ActorKind.PERSON]
    return names[0].actor_id if len(names) == 1 else None


# Verbs by which whoever gives a treatment does it: "started the infusion", "hung the bag".
_STARTING_VERBS = frozenset({"start", "begin", "hang", "administer", "give", "run", "stop", "monitor", "oversee",
                             "supervise"})
# What the one who gives a treatment is called.
_CAREGIVER_WORDS = frozenset({"nurse", "doctor", "physician", "practitioner", "anesthesiologist", "anaesthetist",
                              "paramedic", "medic", "emt", "technician", "anesthetist", "psychiatrist", "clinician"})


def _clinicians_start_what_patients_receive(drafts: list[_Draft], actors: ActorAnalysis) -> None:
    """ "Delia Sorensen, 49, a nurse practitioner, started the infusion herself", "Lyle, she said,
    started the infusion at 2:15 p.m.": the one who starts a treatment, known as a nurse or a
    doctor, gave it; she did not receive it (but "Perry started ketamine infusion therapy in
    2021" did). Whoever received it is the one the last such treatment before was given to;
    with none told before, it is left as told (an event is kept only with whose it was)."""
    for index, draft in enumerate(drafts):
        roles = draft.match.event_type.roles
        if "RECIPIENT" not in roles or "ADMINISTERED_BY" not in roles or draft.match.trigger.part_of_speech != "NOUN":
            continue
        verb, relation = _governing_verb(_nominal_head(draft.match.head))
        if verb is None or relation not in OBJECTS or verb.lemma_.lower() not in _STARTING_VERBS:
            continue
        subjects = _children(verb, SUBJECTS)
        starters = {span.actor_id for s in subjects for span in _actors_under(s, actors)}
        # ("Sorensen, 49, a nurse practitioner, started ...": so called here, whatever called before)
        called_so = any(t.lower_ in _CAREGIVER_WORDS for s in subjects for a in _children(s, {"appos"}) for t in a.subtree)
        givers = {a for a, r in draft.participants if r == "RECIPIENT" and a in starters
                  and (called_so or _caregiver(actors.actors[a]))}
        if not givers:
            continue
        received = [(a, r) for a, r in draft.participants if r == "RECIPIENT" and a not in givers]
        if not received:  # a treatment is someone's: only with whose it was told before
            earlier = next((d for d in reversed(drafts[:index]) if d.match.event_type is draft.match.event_type
                            and any(r == "RECIPIENT" and a not in givers for a, r in d.participants)), None)
            if earlier is None:
                continue
            received = [(a, r) for a, r in earlier.participants if r == "RECIPIENT" and a not in givers]
        draft.participants[:] = [(a, "ADMINISTERED_BY" if a in givers else r) for a, r in draft.participants
                                 if r != "RECIPIENT" or a in givers] + received


def _caregiver(actor: ActorRecord) -> bool:
    """Whether the text calls the person a nurse, a doctor or the like ("Dr. Tom Hale", "a nurse practitioner")."""
    words = set(re.findall(r"[a-z]+", (actor.description or "").lower()))
    return bool(words & _CAREGIVER_WORDS) or any(re.match(r"Dr\.?\s", alias) for alias in (actor.name, *actor.aliases))


# A list entry's heading: a line starting with a bold run ("**Dale Whitcomb, R.Ph.** — Cedar Bluff").
_ENTRY_HEADING_RE = re.compile(r"\*\*([^*\n]+)\*\*")


def _befall_the_entry_named(drafts: list[_Draft], text: str, actors: ActorAnalysis) -> None:
    """ "**Dale Whitcomb, R.Ph.** — Cedar Bluff — License No. 2004019876 / *Action:* License
    placed on probation": in a list whose entries each open with a name in bold, an act told
    below the name that says of no one whom it befell befell the one named. Whoever acted is
    still the one who did the kind of act the list told before (see _inherit_principals)."""
    for draft in drafts:
        undergone = [r for r in draft.match.event_type.principal if r not in _ACTING_ROLES]
        if not undergone or any(r in undergone for _, r in draft.participants) or draft.of_a_thing:
            continue
        named = _entry_heading_actor(text, draft.sentence.start, actors)
        if named is not None:
            draft.befell_the_entry_named = not _acting_principals(draft)
            draft.participants.append((named, undergone[0]))


def _entry_heading_actor(text: str, position: int, actors: ActorAnalysis) -> str | None:
    """The actor a list entry's bold heading is the name of, for a position in a line below it
    in the same block of lines; only a heading that is the name alone, or the name with
    credentials after a comma ("Dale Whitcomb, R.Ph."), not a headline naming someone."""
    block = text.rfind("\n\n", 0, position)
    block = 0 if block < 0 else block + 2
    line_end = text.find("\n", block)
    heading = _ENTRY_HEADING_RE.match(text, block, line_end if line_end >= 0 else len(text))
    if heading is None or line_end < 0 or line_end >= position:
        return None
    start, end = heading.span(1)
    names = [s for s in actors.spans_between(start, end) if s.via == NAME]
    if len({s.actor_id for s in names}) != 1:
        return None
    before = text[start:min(s.start for s in names)]
    after = text[max(s.end for s in names):end].strip(" .")
    if before.strip() or (after and not after.startswith(",")):
        return None
    return names[0].actor_id


def _acting_principals(draft: _Draft) -> list[tuple[str, str]]:
    """The draft's principals who act in it (the regulator, not the one regulated)."""
    return [(a, r) for a, r in draft.participants if r in draft.match.event_type.principal and r in _ACTING_ROLES]


def _about_the_one_the_story_follows(drafts: list[_Draft]) -> None:
    """ "The DEA opened its own investigation in January 2022", "The case remains under
    investigation by the department's detective bureau": a mention of a type marked
    about_whom_the_story_follows that names no one and nothing it is on is on the one the
    story last told something happening to; so is one on premises told only by a common noun
    ("Gardai searched the pharmacy"). Not "the investigation", told before, nor one
    named in passing by no one ("part of an ongoing investigation"), nor one the text ties to
    what it followed."""
    dead = {a for d in drafts for a, r in d.participants if (d.match.event_type.name, r) in _ROLES_OF_THE_DEAD}
    for index, draft in enumerate(drafts):
        event_type = draft.match.event_type
        doc = draft.match.head.doc
        # ("Gardai searched the pharmacy": premises told only so are the followed one's; not "both
        # clinics", which may be anyone's)
        unnamed = [doc[i] for i in draft.undergoing if doc[i].lemma_.lower() not in event_type.premises
                   or doc[i].tag_ == "NNS"]
        if not event_type.about_whom_the_story_follows or _has_principal(draft) or unnamed \
                or draft.of_a_thing or _is_definite(draft.match):
            continue
        if not draft.participants and _nominal_head(draft.match.head).dep_ == "pobj":
            continue
        if draft.expression is not None and draft.expression.anchor is not None:
            continue  # "opened an investigation after patients complained about the Sunrise clinic": what it followed
        for earlier in reversed(drafts[:index]):
            if earlier.status == EventStatus.NEGATED:
                continue  # "Her partner was not charged": not whom the story follows
            if draft.undergoing:
                # premises are those of whoever the story accuses, not of the one who died or bought
                owners = [a for a, r in earlier.participants if r in event_type.premises_of and a not in dead]
                draft.participants.extend((a, event_type.principal[0]) for a in dict.fromkeys(owners))
                if owners:
                    break
            elif _take_whom_it_befell(draft, earlier):
                break


def _done_by_someone(match: _Match, taxonomy: Taxonomy) -> bool:
    """A noun trigger that is what an agent's light verb acts on: "returned the indictment",
    "issued the warning" (not "the death", nor "enter the plea")."""
    verb, relation = _governing_verb(_nominal_head(match.head))
    return verb is not None and relation in OBJECTS and verb.lemma_.lower() in taxonomy.agent_light_verbs


def _opened_after(draft: _Draft, drafts: list[_Draft], sentence_starts: list[int], taxonomy: Taxonomy) -> None:
    """ "Police opened an investigation the day Renner died", "... after those findings", "The
    board suspended his license on March 7 and opened an investigation the same day": an
    investigation opened, naming no one it is into, at a time the story tells by an event
    of its source types (or by "the same day" after one, in its own or the sentence before)
    is into whoever that event befell: the dead, the examined, the one acted against or
    arrested; never the regulator or officers who acted."""
    if _has_principal(draft) or not _opened_as_its_own(draft.match):
        return
    anchor = draft.expression.anchor if draft.expression is not None else None
    source_types = draft.match.trigger.inherit_principal_from
    if anchor is None or anchor.anchor_start is None:
        # "the same day", "two days later" after an event of a source type; with no time told for
        # the opening, or a time of its own, a death ("Matthew Perry died on Oct. 28. Los Angeles
        # police opened an investigation [on Nov. 2]."): in its own or the sentence before, the latest first
        types = {"DEATH"} if anchor is None else set(source_types)
        nearby = _sentences_around(sentence_starts, draft, 1, 0)
        # ("opened an investigation on June 1 after Sione Taufa died": its own sentence's, told after)
        sources = sorted((d for d in drafts if d is not draft and d.match.event_type.name in types
                          and d.sentence.start in nearby
                          and (d.trigger_start < draft.trigger_start or d.sentence.start == draft.sentence.start)),
                         key=lambda d: (d.sentence.start != draft.sentence.start, -d.trigger_start))
    else:
        named = _anchor_noun_types(anchor.anchor_text, taxonomy)
        sources = [d for d in drafts if d is not draft and d.match.event_type.name in source_types
                   and (anchor.anchor_start <= d.trigger_start < (anchor.anchor_end or 0))]
        if not sources and "DEATH" in source_types and _anchor_verbs(anchor, draft.match.head.doc) & _FINDING_VERBS:
            named.add("DEATH")  # "the morning Vale was found": found dead (see _death_of_the_one_found)
        if not sources and named & set(source_types):
            sources = _latest_before(draft, drafts, named & set(source_types))
        if "AUTOPSY" in named and "DEATH" in source_types:
            # "opened an investigation after the medical examiner's findings", told before the story
            # tells the examination: findings on the death told last
            sources += _latest_before(draft, drafts, {"DEATH"})
    for source in sources:
        if _take_whom_it_befell(draft, source):
            return


def _latest_before(draft: _Draft, drafts: list[_Draft], types: Collection[str]) -> list[_Draft]:
    """The mentions of those types told before the draft, the latest first."""
    return sorted((d for d in drafts if d.match.event_type.name in types and d.trigger_start < draft.trigger_start),
                  key=lambda d: -d.trigger_start)


def _take_whom_it_befell(draft: _Draft, source: _Draft) -> bool:
    """Give the draft, as its principal, whoever the source event befell (its principals that do
    not act, nor act in the draft); whether there was anyone."""
    acting = {a for a, _ in draft.participants}
    undergone = [a for a in _undergoing_actors(source) if a not in acting]
    draft.participants.extend((a, draft.match.event_type.principal[0]) for a in dict.fromkeys(undergone))
    return bool(undergone)


# Roles an organisation fills through its official: "a DEA agent arrested him", "an FDA official told Reuters".
_ROLES_STAFF_ACT_IN = frozenset({"REGULATOR", "INVESTIGATOR", "ARRESTED_BY", "PROSECUTOR", "EXAMINER", "SPEAKER",
                                 "INTERVIEWEE"})
# Principal roles held by whoever acts, not whoever the act befalls.
_ACTING_ROLES = frozenset({"REGULATOR", "INVESTIGATOR", "SUPPLIER", "ADMINISTERED_BY", "PROSECUTOR", "EXAMINER", "JUDGE",
                           "SPEAKER", "AUTHOR", "INTERVIEWER"})


def _opened_as_its_own(match: _Match) -> bool:
    """Whether an opening trigger's inheritance may apply ("Police opened an investigation after
    the findings"): with "a" or "an", saying nothing of whom or what it is into ("an
    investigation into the pharmacy", "its investigation", "an ongoing investigation" cited in
    passing); "on April 9" is its day, not what it is on, and "into how the drug got into the
    jail" names no one."""
    nominal = _nominal_head(match.head)
    verb, relation = _governing_verb(nominal)
    if verb is not None and relation == "nsubj" and _said_to_go_on(verb) \
            and [c.lower_ for c in nominal.children if c.dep_ in {"det", "poss", "amod", "compound", "prep"}] == ["the"]:
        return True  # "The investigation is continuing, police said": the one into the death just told
    return (verb is not None and relation in OBJECTS and verb.lemma_.lower() in _OPENING_VERBS
            and any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in nominal.children)
            and not any(c.dep_ == "poss" for c in nominal.children)
            and not any(word in {"into", "of", "on"} and any(t.dep_ == "pobj" and t.ent_type_ not in {"DATE", "TIME"} for t in objects)
                        for word, objects in [*_prep_objects(nominal).items(), *_prep_objects(verb).items()]))


_OPENING_VERBS = frozenset({"open", "launch", "begin", "start", "announce"})


def _said_to_go_on(verb: Token) -> bool:
    """ "is continuing", "remains open", "is ongoing" (not "was a failure")."""
    return verb.lemma_.lower() == "continue" or (verb.lemma_.lower() in {"be", "remain"} and any(
        c.dep_ in {"acomp", "attr", "advmod"} and c.lower_ in _GOING_ON for c in verb.children))


_GOING_ON = frozenset({"open", "ongoing", "active", "continuing", "underway"})


def _principals_of_the_events_they_undergo(drafts: list[_Draft], taxonomy: Taxonomy) -> None:
    """"Columbus police investigated the death": an event whose principal's place holds a death
    (or birth) told in its sentence is about whoever died ("the death", the one told just before
    it: Aukerman's)."""
    sentence_starts = sorted({d.sentence.start for d in drafts})
    for draft in drafts:
        if _has_principal(draft) or not draft.undergoing:
            continue
        undergone = next((d for d in drafts if d is not draft and d.sentence.start == draft.sentence.start
                          and _nominal_head(d.match.head).i in draft.undergoing
                          and d.match.event_type.name in taxonomy.once_only_nouns), None)
        if undergone is None:
            continue
        if not _has_principal(undergone) and _is_definite(undergone.match):
            # "the death": the one told last before it, within three sentences, passing over mentions
            # that say nothing of whose ("ruled the death an accident caused by drowning"); not one
            # whose someone goes unnamed ("a 25-year-old patient died at the clinic. Police are
            # investigating the death").
            nearby = _sentences_around(sentence_starts, undergone, 3, 0)
            for earlier in reversed([d for d in drafts if d.trigger_start < undergone.trigger_start
                                     and d.match.event_type is undergone.match.event_type
                                     and d.sentence.start in nearby]):
                if _has_principal(earlier) or earlier.undergoing:
                    undergone = earlier  # someone named, or someone there but unnamed
                    break
        named = [a for a, r in undergone.participants if r in undergone.match.event_type.principal]
        draft.participants.extend((a, draft.match.event_type.principal[0]) for a in dict.fromkeys(named))


def _the_held_thing_told_before(drafts: list[_Draft]) -> None:
    """ "The board suspended his license in January. It revoked the license outright in
    February.": a mention on "the" licence, naming no one whose, is on whom the last mention of
    its type in its own or the two sentences before befell (see held_things in taxonomy.yaml)."""
    sentence_starts = sorted({d.sentence.start for d in drafts})
    for draft in drafts:
        event_type = draft.match.event_type
        undergone = [r for r in event_type.principal if r not in _ACTING_ROLES]
        doc = draft.match.head.doc
        held = [doc[i] for i in draft.undergoing]
        if not undergone or any(r in undergone for _, r in draft.participants) or not held or not all(
                t.lemma_.lower() in event_type.held_things and not _children(t, {"poss"})
                and any(c.dep_ == "det" and c.lower_ == "the" for c in t.children) for t in held):
            continue
        nearby = _sentences_around(sentence_starts, draft, 2, 0)
        for earlier in sorted((d for d in drafts if d.match.event_type is event_type and d.trigger_start < draft.trigger_start
                               and d.sentence.start in nearby), key=lambda d: -d.trigger_start):
            whose = [(a, r) for a, r in earlier.participants if r in undergone]
            if whose:
                draft.participants.extend(whose)
                break


def _one_event_told_twice_in_a_sentence(drafts: list[_Draft], actors: ActorAnalysis) -> None:
    """"Ashby is charged ... in a criminal complaint that was unsealed Tuesday", "the medicine the
    FDA has approved ... was cleared in 2019": a mention that names nobody, beside an undated
    one of the same type in its sentence, is that event, and dates it. Not when someone unnamed
    stands in its principal's place (another person's event), nor when the other holds only a
    pronoun ("a 27-year-old man died in March; ... his death")."""
    for draft in drafts:
        if _has_principal(draft) or draft.expression is None or any(
                draft.match.head.doc[i].ent_type_ not in {"DATE", "TIME", "CARDINAL"} for i in draft.undergoing):
            continue  # "another patient died in March 2023", "a second suspect, who was arrested Tuesday"
        same = [d for d in drafts if d is not draft and d.sentence.start == draft.sentence.start
                and d.match.event_type is draft.match.event_type and _has_principal(d) and d.expression is None]
        if len(same) != 1:
            continue
        principal = [p for p in same[0].participants if p[1] in draft.match.event_type.principal]
        named_here = {sp.actor_id for sp in actors.spans_between(draft.sentence.start, draft.sentence.end)
                      if sp.via != PRONOUN}
        if all(actor_id in named_here for actor_id, _ in principal):
            draft.participants.extend(principal)


_ROLES_OF_THE_DEAD = frozenset({("DEATH", "DECEASED"), ("AUTOPSY", "SUBJECT")})
# Roles of the professionals around a death, never of the dead: the examiner, the judge.
_ROLES_OF_THE_LIVING = frozenset({"EXAMINER", "JUDGE", "PROSECUTOR", "INVESTIGATOR", "REGULATOR", "ARRESTED_BY"})
# Roles of someone called to account: "opened an investigation into Dr. Krieger the week after
# her death" is not Krieger's death (but "was awaiting trial when he died" may be).
_ROLES_OF_THE_ACCUSED = frozenset({("INVESTIGATION", "SUBJECT"), ("CHARGES", "DEFENDANT"), ("ARREST", "ARRESTED"),
                                   ("REGULATORY_ACTION", "SUBJECT")})
# Roles of whoever acts on another: the one who injects or sells, the one who speaks.
_ROLES_OF_AGENTS = frozenset({"ADMINISTERED_BY", "SUPPLIER", "SPEAKER", "INTERVIEWEE", "AUTHOR"})


_PAIR_PRONOUNS = frozenset({"they", "both", "each", "all"})


def _plural_pronouns_are_the_people_before(drafts: list[_Draft], actors: ActorAnalysis) -> None:
    """ "Dr. Plasencia and Jasveen Sangha were arrested on Aug. 15. Both later pleaded not
    guilty": "both" or "they", in the place of an event's principal, are the two or more people
    one event of the sentence just before has in its principal place (those arrested, not the
    officers; those charged, not the prosecutors). With no such event there, for what the law
    does to people (a plea, an arrest, a sentence), the people that sentence's main clause
    coordinates as its subject: "Chavez and Plasencia ran a clinic. They were arrested ..."."""
    for draft in drafts:
        principal = draft.match.event_type.principal[0]
        if _has_principal(draft):
            continue
        doc, head = draft.match.head.doc, draft.match.head
        # a bare "both" is no subject of its own ("X and Y were arraigned and both pleaded"), so
        # it is looked for on the verb too
        places = [doc[i] for i in draft.undergoing] + (_children(head, SUBJECTS) if head.pos_ in {"VERB", "AUX"} else [])
        if _passive_reported(head):
            # "The two are accused of selling the pills": the subject of the verb that reports it
            places += _children(head.head.head if head.head.dep_ == "prep" else head.head, SUBJECTS | PASSIVE_SUBJECTS)
        pronoun = next((t for t in places if t.lower_ in _PAIR_PRONOUNS or _the_two(t)), None)
        if pronoun is None or pronoun.sent.start == 0:
            continue
        if principal in _ACTING_ROLES and principal not in _ROLES_A_PAIR_TAKES and not _the_two(pronoun):
            continue  # "they seized ..." are officers, whoever the sentence before told of; "the two" are the two
        before = doc[pronoun.sent.start - 1].sent
        if principal == "SPEAKER" and _another_party(before, actors):
            continue  # "X and Y were arrested by deputies. They released a statement ...": the deputies
        groups = [_people_undergoing(d, actors) for d in drafts
                  if before.start_char <= d.trigger_start < before.end_char]
        people = [list(dict.fromkeys(g)) for g in groups if len(set(g)) >= 2]
        if not people and _the_two(pronoun) and before.start > 0:
            # "Police arrested Dalgleish on 19 March. Haig was arrested the following week. Both men
            # were charged": the two told one by one in the two sentences before
            earlier = doc[before.start - 1].sent
            told = [a for d in drafts if earlier.start_char <= d.trigger_start < before.end_char
                    for a in _people_undergoing(d, actors)]
            people = [list(dict.fromkeys(told))] if len(set(told)) == 2 else []
        if not people and principal in _ROLES_A_PAIR_TAKES:
            # "Her parents, Tom and Ann Cole, attended the hearing. Afterwards, they released a statement"
            people = [[span.actor_id for subject in _children(before.root, SUBJECTS | PASSIVE_SUBJECTS)
                       if subject.conjuncts or any(a.conjuncts for a in _children(subject, {"appos"}))
                       for span in _actors_under(subject, actors)
                       if actors.actors[span.actor_id].kind == ActorKind.PERSON]]
            people = [p for p in people if len(set(p)) >= 2]
        if len(people) == 1 or (people and all(p == people[0] for p in people)):
            draft.participants.extend((a, principal) for a in people[0])


def _another_party(sentence: Span, actors: ActorAnalysis) -> bool:
    """Whether a sentence has a second party that "they" could be as well as its subject: an
    agent ("were arrested by sheriff's deputies") or two or more actors outside the subject
    ("sued the clinic and Dr. Hart")."""
    root = sentence.root
    if _children(root, {"agent"}):
        return True
    outside = {span.actor_id for child in root.children if child.dep_ not in SUBJECTS | PASSIVE_SUBJECTS
               for span in _actors_under(child, actors)}
    return len(outside) >= 2


def _the_two(word: Token) -> bool:
    """"both", "both men", "the two women", "the two" (not "the two defendants in a similar
    Texas case": others)."""
    if word.lower_ == "two" and any(c.dep_ == "det" and c.lower_ == "the" for c in word.children) \
            and word.dep_ in SUBJECTS | PASSIVE_SUBJECTS and not _children(word, {"prep", "relcl", "acl"}):
        return True
    return word.lower_ == "both" or (word.tag_ == "NNS" and any(c.lower_ in {"both", "two"} for c in word.children)
                                     and word.lemma_.lower() in get_lexicon().describing_nouns
                                     and not _children(word, {"prep", "relcl", "acl", "amod", "compound"}))


def _passive_reported(verb: Token) -> bool:
    """A verb told as what someone is accused or suspected of: "are accused of selling"."""
    owner = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else None
    return owner is not None and owner.lemma_.lower() in {"accuse", "suspect", "charge", "allege"}


def _people_undergoing(draft: _Draft, actors: ActorAnalysis) -> list[str]:
    """The people in an event's principal place who undergo it (those arrested, not the officers)."""
    return [a for a in _undergoing_actors(draft) if actors.actors[a].kind == ActorKind.PERSON]


def _undergoing_actors(draft: _Draft) -> list[str]:
    """The actors in an event's principal roles that undergo it, not act (see _ACTING_ROLES)."""
    return [a for a, r in draft.participants if r in draft.match.event_type.principal and r not in _ACTING_ROLES]


# The roles of those the law acts on, and of those who speak for themselves: who "They were
# arrested", "they released a statement" may be, told by the people the sentence before coordinates.
_ROLES_A_PAIR_TAKES = frozenset({"DEFENDANT", "ARRESTED", "SPEAKER"})


def _references_in_sentence(draft: _Draft, actor_id: str, actors: ActorAnalysis) -> list[ActorSpan]:
    """Where the draft's sentence refers to the actor."""
    return [sp for sp in actors.spans_between(draft.sentence.start, draft.sentence.end) if sp.actor_id == actor_id]


def _nearest_reference(draft: _Draft, spans: list[ActorSpan]) -> ActorSpan | None:
    """Of those references, the one nearest the draft's trigger."""
    return min(spans, key=lambda sp: abs(sp.start - draft.trigger_start), default=None)


def _surname_deaths_are_of_the_dead(drafts: list[_Draft], actors: ActorAnalysis) -> None:
    """ "Mark Farrow found his wife, Lena, unresponsive ... the examiner concluded that Farrow had
    died": a death (or an autopsy) told by a surname two people share, or by a description ("the
    actor's death", after "born to the actor John Bennett Perry"), is of the one of them the story
    tells dead by name or pronoun elsewhere, not of the relative who lived on."""
    def reference(draft: _Draft, actor_id: str) -> ActorSpan | None:
        return _nearest_reference(draft, _references_in_sentence(draft, actor_id, actors))

    def surname(actor_id: str) -> str:
        return actors.actors[actor_id].name.split()[-1].lower()

    told_dead = [(draft, actor_id) for draft in drafts for actor_id, role in draft.participants
                 if (draft.match.event_type.name, role) in _ROLES_OF_THE_DEAD]
    for draft, actor_id in told_dead:
        told = reference(draft, actor_id)
        if told is None or told.via not in {SURNAME, DESCRIPTION}:
            continue
        others = {a for d, a in told_dead if a != actor_id and surname(a) == surname(actor_id)
                  and (r := reference(d, a)) is not None and r.via not in {SURNAME, DESCRIPTION}}
        if len(others) == 1:
            dead, = others
            draft.participants = [(dead if a == actor_id else a, r) for a, r in draft.participants]


def _pronoun_deaths_are_of_the_dead(drafts: list[_Draft], actors: ActorAnalysis) -> None:
    """ "Detectives arrested Brannigan six weeks after her death", "the coroner had ruled that he
    drowned": a death or an autopsy told through a pronoun is of someone the story names as
    dead (or examined), when the pronoun would otherwise make a living person (the examiner,
    the judge) the dead. So is one told of someone known only by a role ("described the night
    of his friend's death"). The nearest such person whose first name does not say another sex."""
    lexicon = get_lexicon()
    named_dead: list[tuple[int, str]] = []  # (where the death is told, who died)
    told_unnamed: list[tuple[_Draft, str, str, ActorSpan]] = []
    acting: set[int] = set()  # id() of drafts whose dead, by a pronoun, acts in the same sentence
    for draft in drafts:
        for actor_id, role in draft.participants:
            if (draft.match.event_type.name, role) not in _ROLES_OF_THE_DEAD:
                continue
            spans = _references_in_sentence(draft, actor_id, actors)
            nearest = _nearest_reference(draft, spans)
            # "Iwamasa injected Perry ... on the day he died": named here as the one who acts, and
            # only a pronoun says he died.
            told_as_theirs = draft.match.trigger.part_of_speech == "NOUN"  # "her death", not "when he died"
            acts_here = nearest is not None and nearest.via == PRONOUN and any(
                a == actor_id and (r in _ROLES_OF_THE_LIVING | _ROLES_OF_AGENTS
                                   or (told_as_theirs and (other.match.event_type.name, r) in _ROLES_OF_THE_ACCUSED))
                for other in drafts if other is not draft and other.sentence.start == draft.sentence.start
                for a, r in other.participants)
            if actor_id in actors.roles and nearest is not None:
                told_unnamed.append((draft, actor_id, role, nearest))  # "his friend's death": unnamed here
            elif any(sp.via != PRONOUN for sp in spans) and not acts_here:
                named_dead.append((draft.trigger_start, actor_id))
            elif nearest is not None:
                told_unnamed.append((draft, actor_id, role, nearest))
                if acts_here:
                    acting.add(id(draft))
    dead_ids = {actor_id for _, actor_id in named_dead}
    # "She died two days later. ... an investigation into Dr. Krieger the week after her death":
    # with nobody named as dead, the one a pronoun told dead elsewhere, not the one acting here.
    told_dead = [(d.trigger_start, a) for d, a, _, _ in told_unnamed if id(d) not in acting]
    for draft, actor_id, role, reference in told_unnamed:
        if actor_id in dead_ids:
            continue
        wrong_names = _first_names_ruled_out(reference.text.lower(), lexicon)  # "he", "her", "friend", "son"
        pool = named_dead or ([(w, d) for w, d in told_dead if d != actor_id] if id(draft) in acting else [])
        # a pronoun looks back: the nearest death told before it, else the nearest after
        candidates = [(where > draft.trigger_start, abs(where - draft.trigger_start), dead) for where, dead in pool
                      if actors.actors[dead].name.split()[0].lower() not in wrong_names]
        if candidates:
            dead = min(candidates)[2]
            _recast(draft, (actor_id, role), dead)


def _first_names_ruled_out(word: str, lexicon: ActorLexicon) -> frozenset[str]:
    """First names a pronoun or a role noun cannot stand for: a woman's for "he" or "son"."""
    if word in MALE_PRONOUNS or word in lexicon.male_nouns:
        return lexicon.female_first_names
    if word in FEMALE_PRONOUNS or word in lexicon.female_nouns:
        return lexicon.male_first_names
    return frozenset()


# Who stands accused in each event: those a pronoun may be after someone's death is told.
_ROLES_OF_THE_PROSECUTED = frozenset({("PLEA", "DEFENDANT"), ("TRIAL", "DEFENDANT"), ("SENTENCING", "DEFENDANT"),
                                      ("CHARGES", "DEFENDANT"), ("ARREST", "ARRESTED")})
# Roles the victim of the crime a case is about never holds.
_ROLES_OF_THE_ACCUSED_ONLY = frozenset(role for _, role in _ROLES_OF_THE_PROSECUTED)
_ROLES_OF_SUSPECTS = _ROLES_OF_THE_PROSECUTED | _ROLES_OF_THE_ACCUSED | {
    ("DRUG_SUPPLY", "SUPPLIER"), ("DRUG_ADMINISTRATION", "ADMINISTERED_BY")}


def _recast(draft: _Draft, place: tuple[str, str], actor_id: str) -> None:
    """Put another actor in one participant's place, in the same role."""
    draft.participants = [(actor_id if (a, r) == place else a, r) for a, r in draft.participants]


_SUPPLYING_ROLES = frozenset({"SUPPLIER", "ADMINISTERED_BY"})
_SUPPLIED_ROLES = frozenset({"BUYER", "RECIPIENT"})


def _the_dead_are_not_those_who_supplied_them(drafts: list[_Draft], actors: ActorAnalysis) -> None:
    """ "Dr. Roth and Dr. Patel are accused of supplying ketamine to Jason Cole in the weeks
    before he died", "Iwamasa injected Perry ... in the days before his death": a death told by
    a pronoun that stands for one who, in its own sentence, supplies or gives the drugs is the
    death of the one person they went to; so too "supplying the singer with the drugs that
    killed him"."""
    for death in drafts:
        if death.match.event_type.name != "DEATH" or not any(
                (c.dep_ in SUBJECTS | OBJECTS and c.tag_ == "PRP") or (c.dep_ == "poss" and c.tag_ == "PRP$")
                for c in death.match.head.children):
            continue
        for actor_id, role in list(death.participants):
            if role != "DECEASED":
                continue
            given = [d for d in drafts if d is not death and d.sentence.start == death.sentence.start
                     and any(a == actor_id and r in _SUPPLYING_ROLES for a, r in d.participants)]
            receivers = {a for d in given for a, r in d.participants if r in _SUPPLIED_ROLES and a != actor_id
                         and actors.actors[a].kind == ActorKind.PERSON}
            if len(receivers) == 1:
                _recast(death, (actor_id, role), receivers.pop())


def _the_dead_are_not_prosecuted(drafts: list[_Draft], actors: ActorAnalysis) -> None:
    """ "Corin Halloway died in July. ... Prosecutors accuse him of supplying the singer with the
    drugs that killed him. He has pleaded not guilty, and his trial is set to begin in March":
    a pronoun that pleads, is tried, charged, arrested or sentenced after the story has named
    its referent as dead is the suspect named before it, not the dead: the nearest person
    an earlier event of the story accuses (arrested, charged, said to have supplied the drugs)
    whose first name does not say another sex."""
    lexicon = get_lexicon()
    named_dead: dict[str, int] = {}  # who died → where the story first names the death
    for draft in drafts:
        if draft.match.event_type.name != "DEATH" or draft.status != EventStatus.OCCURRED:
            continue
        spans = actors.spans_between(draft.sentence.start, draft.sentence.end)
        for actor_id, role in draft.participants:
            if role == "DECEASED" and any(sp.actor_id == actor_id and sp.via != PRONOUN for sp in spans):
                named_dead.setdefault(actor_id, draft.sentence.start)
    if not named_dead:
        return
    for draft in drafts:
        name = draft.match.event_type.name
        here = actors.spans_between(draft.sentence.start, draft.sentence.end)
        for actor_id, role in list(draft.participants):
            died_before = named_dead.get(actor_id, draft.sentence.start) < draft.sentence.start
            if (name, role) not in _ROLES_OF_THE_PROSECUTED or not died_before:
                continue
            spans = [sp for sp in here if sp.actor_id == actor_id]
            if not spans or any(sp.via != PRONOUN for sp in spans):
                continue  # named here: "Halloway, who died in July, had pleaded guilty in 2019"
            wrong_names = _first_names_ruled_out(spans[0].text.lower(), lexicon)
            suspects = [(other.trigger_start, a) for other in drafts if other.trigger_start < draft.trigger_start
                        for a, r in other.participants
                        if (other.match.event_type.name, r) in _ROLES_OF_SUSPECTS and a not in named_dead
                        and actors.actors[a].kind == ActorKind.PERSON
                        and actors.actors[a].name.split()[0].lower() not in wrong_names]
            if suspects:
                suspect = max(suspects)[1]
                _recast(draft, (actor_id, role), suspect)


def _definite_mentions_keep_their_dates(drafts: list[_Draft]) -> None:
    """An undated "the study" is the study the sentence before introduced with its date, even
    when only the later sentence names who did it: "A study published March 4 found ... The
    study was led by Dr. Priyanka Menon"."""
    sentence_starts = sorted({d.sentence.start for d in drafts})
    for draft in drafts:
        if draft.expression is not None or not _is_definite(draft.match):
            continue
        nearby = _sentences_around(sentence_starts, draft, 2, -1)  # the two sentences before
        lemma = draft.match.head.lemma_.lower()
        earlier = [d for d in drafts if d.sentence.start in nearby and d.expression is not None
                   and d.match.event_type is draft.match.event_type and d.match.head.lemma_.lower() == lemma
                   and not _is_definite(d.match) and not _has_principal(d)]
        if earlier:
            draft.expression = earlier[-1].expression


def _within_one_unit(told: FuzzyDate, calendar: tuple[int, int, str] | None) -> bool:
    """Whether a date told lies within one day, or one calendar month or year when the
    expression counts in them ("that month", "the following year"); for "that period",
    whether it spans more than a day."""
    start, end = told.start, told.end
    if start is None or end is None:
        return False
    unit = calendar[2] if calendar is not None else "day"
    if unit == PERIOD_TOLD:
        return start < end
    if unit == "year":
        return start.year == end.year
    if unit == "month":
        return (start.year, start.month) == (end.year, end.month)
    return start == end


def _is_definite(match: _Match) -> bool:
    """A noun trigger with "the": an event the reader already knows of ("the trial")."""
    return match.trigger.part_of_speech == "NOUN" and any(
        c.dep_ == "det" and c.lower_ == "the" for c in _nominal_head(match.head).children)


def _claim(draft: _Draft, drafts: list[_Draft], ids: list[str], last_dated: tuple[str, FuzzyDate, int] | None,
           document: DocumentRecord, taxonomy: Taxonomy, expressions: Sequence[TimeExpression]) -> DateClaim:
    expression = draft.expression
    apposed = _dated_by_apposed_anchor(draft, expressions, document.text)
    if apposed is not None:
        return DateClaim(apposed)
    if expression is None:
        occasion = _at_the_hearing(draft, drafts, ids, taxonomy)
        if occasion is not None:
            return occasion
        return DateClaim(_story_day(draft, drafts, expressions, document, taxonomy) or _undated(draft, document))
    if expression.anchor is None:
        if draft.match.trigger.date_on_or_before or draft.precedes_dated_event:
            date = expression.date
            told = expression.text.removeprefix("on ").removeprefix("On ")  # not "on or before on the morning of"
            return DateClaim(FuzzyDate.between(None, date.end, f"on or before {told}") if date.known else date)
        if expression.onset is not None and draft.match.event_type.dated_by_onset:
            return DateClaim(expression.onset)
        return DateClaim(expression.date)
    anchor = expression.anchor
    anchor_id: str | None = None
    if anchor.anchor_start is not None and anchor.anchor_end is not None:
        for other, other_id in zip(drafts, ids):
            if other is not draft and anchor.anchor_start <= other.trigger_start < anchor.anchor_end:
                last_sitting = _last_sitting(other, drafts) if (anchor.min_offset_days or 0) >= 0 else None
                if last_sitting is not None:
                    # "after the inquest": after its last sitting the story dates, not its opening
                    return DateClaim(_from_date_told(last_sitting.expression.date, anchor, expression.text))
                anchor_id = other_id if _has_principal(other) else _told_elsewhere(
                    {other.match.event_type.name}, other, drafts, ids)
                break
        else:
            named = _anchor_noun_types(anchor.anchor_text, taxonomy)
            if named:  # "after the hearing": the plea, sentencing or inquest hearing the story dates
                anchor_id = _told_elsewhere(named, draft, drafts, ids, latest=True)
                hearing = drafts[ids.index(anchor_id)] if anchor_id in ids else None
                if hearing is not None and hearing.match.event_type.lasting:
                    # the day of that hearing, not the start of an inquest that ran for months
                    return DateClaim(_from_date_told(hearing.expression.date, anchor, expression.text))
            else:
                same_verb = _told_with_same_verb(anchor, draft, drafts)
                if same_verb is not None:  # the date told with that verb, not the event's own bound
                    return DateClaim(_from_date_told(same_verb.expression.date, anchor, expression.text))
                found = _death_of_the_one_found(anchor, draft, drafts)
                if found is not None:  # "opened a death investigation the morning Vale was found"
                    anchor_id = ids[drafts.index(found)]
    else:
        # "On April 2, her roommate found her; she died the next day": the date told just
        # before in the same sentence, whether or not it dates an event of its own.
        period = anchor.calendar is not None and anchor.calendar[2] == PERIOD_TOLD
        told = [e for e in expressions if draft.sentence.start <= e.start < expression.start
                and e.anchor is None and e.date.known and (not period or _within_one_unit(e.date, anchor.calendar))]
        if not told:
            # "On Monday, Aug. 4, detectives searched his flat. X was arrested the same day":
            # the day the story last gave, when it gave it after the last dated event.
            # A day the last dated event was only counted from ("searched the pharmacy on 14 September,
            # eleven days after Mr Mulvey's death") is told after it too.
            # So too the year told last for "that year" ("That changed in 2023. In an interview that
            # year, ..."), the month for "that month".
            told = [e for e in expressions if e.end <= expression.start and e.anchor is None and e.date.known
                    and _within_one_unit(e.date, anchor.calendar) and (last_dated is None or e.start > last_dated[2] or (
                        e.start == last_dated[2] and e.date != last_dated[1]))][-1:]
        before = told[-1].date if told else last_dated[1] if last_dated and (
            not period or _within_one_unit(last_dated[1], anchor.calendar)) else None
        if told and anchor.max_offset_days == 0 and hours_into_the_night(
                expression.text, document.text[max(0, told[-1].start - 80):expression.start]):
            anchor = replace(anchor, max_offset_days=1)  # "at 11:30 p.m. ... A few hours later"
        if before is not None and (told or anchor.calendar):
            # A date told just before, or "the following month" after the last dated event
            # (whose date, told in this story, is what the months count from).
            return DateClaim(_from_date_told(before, anchor, expression.text))
        anchor_id = last_dated[0] if last_dated else None  # "the following day": the last dated event told before
    # The expression's own date may already be known ("days before his passing on Oct. 28").
    if anchor_id is None:
        if not expression.date.known and draft.calendar_date is not None:
            return DateClaim(draft.calendar_date.date)
        return DateClaim(expression.date)
    return DateClaim(
        expression.date,
        Anchor(event_ref=anchor_id, min_offset_days=anchor.min_offset_days, max_offset_days=anchor.max_offset_days),
    )


# A date and an anchored phrase side by side, as one time: "On Oct. 24, four days before ...".
_APPOSITION_RE = re.compile(r"\s*(?:,|[—–]|--)\s*(?:(?:on|in)\s+)?")


def _dated_by_apposed_anchor(draft: _Draft, expressions: Sequence[TimeExpression], text: str) -> FuzzyDate | None:
    """The event an anchored phrase names, when a date stands beside the phrase as the same
    time: "On Oct. 24, four days before Perry died, Fleming bought 25 vials" — Perry died on
    Oct. 28; "was arrested on Aug. 15, two days after the indictment was unsealed" — unsealed
    on Aug. 13. The phrase's offset read backwards from that date. A date the event has of its
    own comes first ("on Oct. 28, after Iwamasa injected him ... that day"); the date beside
    the phrase, when the parser hung it on the event the phrase names, does not."""
    own = draft.expression
    for anchored in expressions:
        anchor = anchored.anchor
        if anchor is None or anchor.calendar is not None or not _names_the_event(anchor, draft):
            continue
        for told in expressions:
            if told.anchor is not None or not told.date.known or told.future:
                continue
            if _APPOSITION_RE.fullmatch(text, told.end, anchored.start) \
                    or _APPOSITION_RE.fullmatch(text, anchored.end, told.start) \
                    or (told.kind == ABSOLUTE and _told_of_the_verb_the_phrase_follows(told, anchored, draft, text)):
                if own is not None and own is not told and own is not anchored:
                    return None  # (the phrase naming it is no date of its own)
                lo = None if anchor.max_offset_days is None else -anchor.max_offset_days
                hi = None if anchor.min_offset_days is None else -anchor.min_offset_days
                return told.date.shifted(lo, hi, f"{told.text}, {anchored.text}")
    return None


def _names_the_event(anchor: AnchoredOffset, draft: _Draft) -> bool:
    """Whether an anchored phrase names this event: in its words ("four days before Perry
    died"), or as what the verb ending its clause took ("three days after she received a
    ketamine infusion": the infusion)."""
    if anchor.anchor_start is None or anchor.anchor_end is None:
        return False
    if anchor.anchor_start <= draft.trigger_start < anchor.anchor_end:
        return True
    nominal = _nominal_head(draft.match.head)
    return draft.match.trigger.part_of_speech == "NOUN" and nominal.dep_ in OBJECTS \
        and anchor.anchor_start <= nominal.head.idx < anchor.anchor_end


def _told_of_the_verb_the_phrase_follows(told: TimeExpression, anchored: TimeExpression, draft: _Draft,
                                        text: str) -> bool:
    """ "pleaded guilty on Aug. 7 to conspiracy ..., eight days before prosecutors charged all
    five": the phrase, after a comma, is a clause of the verb the date is told for."""
    clause = draft.match.head
    if clause.dep_ != "advcl" or told.end > anchored.start:
        return False
    before = end_before_blanks(text, anchored.start)
    return before > 0 and text[before - 1] == "," and _hangs_on(told, {clause.head.i}, clause.doc)


# How far narration keeps the day it last gave: the sentence after it, and the one after that.
_STORY_DAY_SENTENCES = 2


def _story_day(draft: _Draft, drafts: Sequence[_Draft], expressions: Sequence[TimeExpression],
               document: DocumentRecord, taxonomy: Taxonomy) -> FuzzyDate | None:
    """Narration goes on in the day the story last gave: "Friends told deputies she snorted a
    line around midnight [of June 21]. A deputy gave her two doses of Narcan, but she died at
    the scene." An event the sentence reports as done, by a past-tense verb, with no time
    expression in its sentence, in one of the two sentences after the last that gave a day (a
    day of the story's past, not a birth's), is on that day; not when the sentence moves on
    ("later"), tells an earlier past ("had bought") or the type's acts come after the story's
    (an autopsy's findings)."""
    verb = draft.match.head
    if (not draft.match.event_type.takes_story_day or not draft.match.trigger.takes_story_day or not draft.main_clause
            or draft.status not in {EventStatus.OCCURRED, EventStatus.ALLEGED} or verb.pos_ not in {"VERB", "AUX"}):
        return None
    sentence = draft.sentence
    told_before = [e for e in expressions if e.start < sentence.end]
    if not told_before or told_before[-1].end > sentence.start:
        return None  # the sentence has a time expression of its own: it dates the event or it does not
    told = told_before[-1]
    if told.anchor is not None or told.future or told.date.precision != Precision.DAY or told.date.start is None:
        return None
    published = document.published
    if published is not None and published.end is not None and told.date.start > published.end:
        return None  # a day still to come is no day the story is in
    # A day that dates something still to come, or an event of a type that takes no story day
    # (a birth, an autopsy's findings), sets no scene ("was born on May 2, 1990. He sold ...").
    # Nor does the day of an event whose day is never this type's ("was sentenced on Friday.
    # Marsh shipped ketamine to customers": the sales came before the court).
    if any(d.expression is told and (d.status not in {EventStatus.OCCURRED, EventStatus.ALLEGED}
                                     or not d.match.event_type.takes_story_day
                                     or d.match.event_type.name in draft.match.event_type.no_story_day_from)
           for d in drafts):
        return None
    doc = verb.doc
    if _tells_what_is_to_come(told, doc, taxonomy):
        return None  # "They are expected to make their initial appearances this afternoon"
    between = doc.char_span(told.end, sentence.start, alignment_mode="expand")
    if between is None or sum(1 for s in between.sents if s.start_char >= told.end) >= _STORY_DAY_SENTENCES:
        return None
    auxiliaries = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ in {"VBP", "VBZ"} or any(a.tag_ in {"VBP", "VBZ"} or a.lower_ == "had" for a in auxiliaries):
        return None  # "is", "has pleaded", "had bought": not told in the story's past
    if any(t.lower_ in taxonomy.story_moves_on for t in verb.sent):
        return None
    return FuzzyDate.day(told.date.start, f"the day told before ({told.text})")


def _tells_what_is_to_come(expression: TimeExpression, doc: Doc, taxonomy: Taxonomy) -> bool:
    """Whether the clause a time expression hangs from tells what is expected, scheduled or
    will be: "are expected to make their appearances this afternoon", "will be sentenced today"."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    node = clause_verb(span.root) if span is not None else None
    if node is None:
        return False
    clause = [node, *([node.head] if node.dep_ in {"xcomp", "ccomp"} else [])]
    return any(v.lemma_.lower() in taxonomy.future_verbs - _PAST_TOO
               or any(c.dep_ == "aux" and c.lower_ in taxonomy.future_cues for c in v.children) for v in clause)


# Verbs among the taxonomy's future_verbs that as often tell what was done: "agreed to plead",
# "was booked into the county jail on Tuesday", "set fire to", "fixed".
_PAST_TOO = frozenset({"agree", "book", "set", "fix"})


def _last_sitting(event: _Draft, drafts: list[_Draft]) -> _Draft | None:
    """For a lasting event (an inquest, a trial), its mention with the latest date told
    outright, when the story dates it more than once."""
    if not event.match.event_type.lasting or event.match.event_type.acts_dated_apart:
        return None
    principal = {a for a, r in event.participants if r in event.match.event_type.principal}
    dated = [d for d in drafts if d.match.event_type is event.match.event_type and _dated_outright(d)
             and d.expression.date.end is not None
             and principal & {a for a, r in d.participants if r in event.match.event_type.principal}]
    if len(dated) < 2:
        return None
    return max(dated, key=lambda d: d.expression.date.end)


def _from_date_told(told: FuzzyDate, anchor: AnchoredOffset, text: str) -> FuzzyDate:
    """The date an anchored phrase gives from a date told: in whole calendar units where it
    counts in them ("the following month", "that year"), and no earlier or later than its
    offsets allow ("later that year" after Oct. 2, 2024: Oct. 3 to Dec. 31, 2024)."""
    if anchor.calendar is None or anchor.calendar[2] == PERIOD_TOLD or told.start is None or told.end is None:
        return told.shifted(anchor.min_offset_days, anchor.max_offset_days, text)
    lo, hi, unit = anchor.calendar
    whole = told.in_calendar_units(lo, hi, unit, text)
    start, end = whole.start, whole.end
    if start is None or end is None:
        return whole
    if anchor.min_offset_days is not None and anchor.min_offset_days > 0:
        start = max(start, told.end + timedelta(days=anchor.min_offset_days))
    if anchor.max_offset_days is not None and anchor.max_offset_days < 0:
        end = min(end, told.start + timedelta(days=anchor.max_offset_days))
    if start > end:  # "later that week" after a Sunday: the days after it, whatever week they are in
        return told.shifted(anchor.min_offset_days, anchor.max_offset_days, text)
    return whole if (start, end) == (whole.start, whole.end) else FuzzyDate.between(start, end, text)


def _has_principal(draft: _Draft) -> bool:
    return any(role in draft.match.event_type.principal for _, role in draft.participants)


def _anchor_noun_types(anchor_text: str | None, taxonomy: Taxonomy) -> set[str]:
    """The event types an anchor phrase's noun names: "the hearing" → PLEA, SENTENCING."""
    if not anchor_text:
        return set()
    words = anchor_text.lower().split()
    return {t.name for t in taxonomy.types.values()
            if any(words[-len(n.split()):] == n.split() for n in t.anchor_nouns)}


def _anchor_verbs(anchor: AnchoredOffset, doc: Doc) -> set[str]:
    """The verbs of the phrase naming an anchor event ("he was found": find)."""
    assert anchor.anchor_start is not None and anchor.anchor_end is not None
    phrase = doc.char_span(anchor.anchor_start, anchor.anchor_end, alignment_mode="expand")
    return {t.lemma_.lower() for t in phrase or () if t.pos_ == "VERB"}


def _about_someone_involved(draft: _Draft, drafts: list[_Draft]) -> list[_Draft]:
    """The other mentions whose principal is someone this one involves."""
    involved = {actor for actor, _ in draft.participants}
    return [d for d in drafts if d is not draft
            and involved & {a for a, r in d.participants if r in d.match.event_type.principal}]


def _dated_outright(draft: _Draft) -> bool:
    return draft.expression is not None and draft.expression.anchor is None and draft.expression.date.known


def _last_before_else_first(candidates: list[_Draft], draft: _Draft) -> _Draft | None:
    """The last of the candidates told before this mention, or else the first told after it."""
    before = [d for d in candidates if d.trigger_start < draft.trigger_start]
    return (before[-1] if before else candidates[0]) if candidates else None


def _told_with_same_verb(anchor: AnchoredOffset, draft: _Draft, drafts: list[_Draft]) -> _Draft | None:
    """ "X was found dead on July 6 ... sold him pills the night before he was found": the
    anchor's verb is the trigger, dated outright, of an event about someone this one involves."""
    verbs = _anchor_verbs(anchor, draft.match.head.doc)
    return _last_before_else_first([d for d in _about_someone_involved(draft, drafts)
                                    if d.match.tokens[0].lemma_.lower() in verbs and _dated_outright(d)], draft)


_FINDING_VERBS = frozenset({"find", "discover"})


def _death_of_the_one_found(anchor: AnchoredOffset, draft: _Draft, drafts: list[_Draft]) -> _Draft | None:
    """ "the morning Vale was found": in a story of a death, someone "found" is found dead;
    the death, told elsewhere, of someone this event involves is the anchor."""
    if not _anchor_verbs(anchor, draft.match.head.doc) & _FINDING_VERBS:
        return None
    deaths = [d for d in _about_someone_involved(draft, drafts) if d.match.event_type.name == "DEATH"]
    # the death the story dates outright, and most closely ("on Sept. 22" over "in September")
    dated = [d for d in deaths if _dated_outright(d)]
    if dated:
        return min(dated, key=lambda d: (width(d.expression.date), abs(d.trigger_start - draft.trigger_start)))
    return _last_before_else_first(deaths, draft)


def _told_elsewhere(types: set[str], anchor: _Draft, drafts: list[_Draft], ids: list[str], *,
                    latest: bool = False) -> str | None:
    """"a month before the trial" names no defendant: it is the trial the story tells and
    dates elsewhere — the last one of those types before it, or failing that the next.
    With `latest`, the most recent of them: "the hearing" of a story is its news peg,
    not the plea it recalls."""
    told = [(d, i) for d, i in zip(drafts, ids)
            if d is not anchor and d.match.event_type.name in types and _has_principal(d)]
    same = [(d, i) for d, i in told
            if d.expression is not None and d.expression.anchor is None]  # dated outright: no anchor cycles
    if not same:
        # "In a statement after the sentencing": a sentencing the story tells with no date of its
        # own is dated, if at all, by the story's day; it has no anchor of its own either.
        same = [(d, i) for d, i in told if d.expression is None]
    dated = [(d, i) for d, i in same if d.expression is not None and d.expression.date.end is not None]
    if latest and dated:
        return max(dated, key=lambda pair: (pair[0].expression.date.end, -pair[0].trigger_start))[1]
    before = [(d, i) for d, i in same if d.trigger_start < anchor.trigger_start]
    if before:
        return before[-1][1]
    return same[0][1] if same else None


_OCCASION_PREPOSITIONS = frozenset({"at", "during"})


def _at_the_hearing(draft: _Draft, drafts: list[_Draft], ids: list[str], taxonomy: Taxonomy) -> DateClaim | None:
    """ "At the hearing, his stepfather read a statement": with no time of its own, what is done at
    the hearing the story tells is done on that hearing's day (the sentencing, plea or inquest
    the noun can name); so too what a trigger says is `held_at` ("a victim impact statement")."""
    nominal = _nominal_head(draft.match.head)
    clause = _carrying_verb(draft.match, nominal, _governing_verb(nominal)[0]) or draft.match.head
    # ("a statement that a prosecutor read aloud at the hearing": in its clause too)
    holders = {t.i: t for t in (clause, nominal, *_children(nominal, {"relcl", "acl"}))}
    places = [o for holder in holders.values()
              for prep, objs in _prep_objects(holder).items() if prep in _OCCASION_PREPOSITIONS for o in objs
              if any(c.dep_ in {"det", "poss"} for c in o.children)]  # "the hearing", "his sentencing hearing"
    occasions = [_anchor_noun_types(" ".join(t.lower_ for t in place.subtree if t.i <= place.i), taxonomy)
                 for place in places]
    if draft.match.trigger.held_at:
        occasions.append(set(draft.match.trigger.held_at))
    for named in occasions:
        if not named or draft.match.event_type.name in named:
            continue  # "pleaded guilty at the hearing" is that hearing's own event
        # the story's own hearing: the first of those events it tells as held (its news peg, not a
        # plea it recalls nor a sentencing still to come)
        held = [(d, i) for d, i in zip(drafts, ids) if d is not draft and d.match.event_type.name in named
                and d.status == EventStatus.OCCURRED and _has_principal(d)]
        if not held:
            continue
        hearing, hearing_id = held[0]
        if hearing.match.event_type.lasting:  # the day that sitting was told, not an inquest's whole run
            return DateClaim(hearing.expression.date) if hearing.expression is not None else None
        return DateClaim(FuzzyDate.unknown(), Anchor(event_ref=hearing_id, min_offset_days=0, max_offset_days=0))
    return None


def _undated(draft: _Draft, document: DocumentRecord) -> FuzzyDate:
    """No date in the sentence. A news-peg event told as done is bounded by the publication day."""
    window = draft.match.event_type.undated_window_days
    published = document.published
    head = draft.match.head
    if any(c.dep_ == "auxpass" and c.tag_ in {"VBZ", "VBP"} for c in head.children):
        window = None  # "Lowry is charged separately": how things stand, not news of the day
    if (
        window
        and draft.main_clause
        and draft.status in {EventStatus.OCCURRED, EventStatus.ALLEGED}
        and published is not None
        and published.precision == Precision.DAY
        and published.start is not None
    ):
        return FuzzyDate.between(
            published.start - timedelta(days=window), published.start,
            f"reported as recent news on {published.start.isoformat()}",
        )
    return FuzzyDate.unknown()
