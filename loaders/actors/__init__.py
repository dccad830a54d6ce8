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

The stage is a package, read in order: `base` (what it returns), `lexicon`,
`names`, `occurrences` (where names are), `clusters` (which are one actor),
`references` (pronouns, descriptions, roles), `affiliations`, `stage`
(`analyse_actors`) and `pooling` (one id per actor across documents).
"""

from loaders.actors.base import (
    ACRONYM,
    DESCRIPTION,
    FEMALE_PRONOUNS,
    LEXICON_PATH,
    MALE_PRONOUNS,
    NAME,
    OPENING_QUOTES,
    PRONOUN,
    ROLE,
    SURNAME,
    WORKS_AT,
    ActorAnalysis,
    ActorSpan,
    RoleLink,
)
from loaders.actors.lexicon import ActorLexicon, LexiconError, get_lexicon
from loaders.actors.names import (
    acronyms_of,
    actor_id_for,
    fold,
    is_acronym,
    is_call_letters,
    role_actor_name,
    role_description,
)
from loaders.actors.pooling import canonical_actor_ids, merged_actor_records
from loaders.actors.stage import analyse_actors

__all__ = [
    "ACRONYM", "DESCRIPTION", "FEMALE_PRONOUNS", "LEXICON_PATH", "MALE_PRONOUNS", "NAME", "OPENING_QUOTES", "PRONOUN",
    "ROLE", "SURNAME", "WORKS_AT",
    "ActorAnalysis", "ActorLexicon", "ActorSpan", "LexiconError", "RoleLink",
    "acronyms_of", "actor_id_for", "analyse_actors", "canonical_actor_ids", "fold", "get_lexicon", "is_acronym", "is_call_letters",
    "merged_actor_records", "role_actor_name", "role_description",
]
