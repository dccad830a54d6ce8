"""Affiliations the text states: "a psychiatrist at the University of Oxford"."""

from __future__ import annotations

from spacy.tokens import Token

from loaders.actors.base import DESCRIPTION, ROLE, WORKS_AT, _AFFILIATION_PREPOSITIONS, _NAME_PREPOSITIONS
from loaders.actors.lexicon import ActorLexicon
from loaders.actors.names import _relation_bigram, fold
from loaders.actors.occurrences import _Actor
from loaders.actors.references import _References
from loaders.records import ActorKind


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
