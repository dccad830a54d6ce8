"""The actor lexicon: the word lists in actor_lexicon.yaml that decide what an actor is."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from loaders.actors.base import FIRST_NAMES_PATH, LEXICON_PATH


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
    place_words: frozenset[str]
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
    family_nouns: frozenset[str]
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
    generic_place_words: frozenset[str]
    place_offices: frozenset[tuple[str, ...]]  # word sequences, as the tokeniser splits them
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
    def load(cls, path: Path = LEXICON_PATH, first_names_path: Path = FIRST_NAMES_PATH) -> ActorLexicon:
        data = _read_mapping(path)
        more_names = _read_mapping(first_names_path)

        def words(key: str) -> frozenset[str]:
            value = data.get(key)
            if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
                raise LexiconError(f"actor lexicon {path}: '{key}' must be a list of words")
            return frozenset(w.lower() for w in value)

        def first_names(key: str) -> frozenset[str]:
            value = more_names.get(key, [])
            if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
                raise LexiconError(f"first names {first_names_path}: '{key}' must be a list of names")
            return words(key) | frozenset(w.lower() for w in value)

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
            place_words=words("place_words"),
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
            family_nouns=words("family_nouns"),
            female_first_names=first_names("female_first_names"),
            male_first_names=first_names("male_first_names"),
            unisex_first_names=first_names("unisex_first_names"),
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
            generic_place_words=words("generic_place_words"),
            place_offices=frozenset(tuple(_tokens(phrase)) for phrase in words("place_offices")),
            media_nouns=words("media_nouns"),
            mastheads=words("mastheads"),
        )


def _tokens(phrase: str) -> list[str]:
    """A phrase's words as the tokeniser splits them: "coroner's office" → coroner, 's, office."""
    return re.findall(r"'s\b|[^\s']+", phrase)


def _read_mapping(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"cannot read actor lexicon {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"actor lexicon {path}: expected a mapping of word lists at the top level")
    return data


@lru_cache(maxsize=1)
def get_lexicon() -> ActorLexicon:
    return ActorLexicon.load()
