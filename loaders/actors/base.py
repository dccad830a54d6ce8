"""What the actor stage returns: references to actors with their offsets, and the constants every part reads."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

import structlog

from loaders.records import ActorKind, ActorMention, ActorRecord, Affiliation


log = structlog.get_logger(__name__)

LEXICON_PATH = Path(__file__).parent.parent / "actor_lexicon.yaml"
# The long lists of first names, kept apart from the hand-picked lexicon they extend.
FIRST_NAMES_PATH = Path(__file__).parent.parent / "first_names.yaml"

NAME, SURNAME, ACRONYM, PRONOUN, DESCRIPTION, ROLE = (
    "NAME", "SURNAME", "ACRONYM", "PRONOUN", "DESCRIPTION", "ROLE",
)
WORKS_AT = "WORKS_AT"

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
_PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
_NEUTER_PRONOUNS = frozenset({"it", "its"})
_RELATIVE_PRONOUNS = {"who": ActorKind.PERSON, "whom": ActorKind.PERSON, "whose": None, "which": ActorKind.ORGANIZATION,
                      "that": None}  # None: either kind
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OPENING_QUOTES = frozenset({"“", "‘", "«", '"', "'"})
_CLOSING_QUOTES = frozenset({"”", "’", "»", '"', "'"})
_PRONOUN_WINDOW = 2  # sentences back a pronoun may reach
_AFFILIATION_PREPOSITIONS = frozenset({"at", "from", "with", "for", "of"})
_NAME_PREPOSITIONS = frozenset({"from", "of"})  # "Ladan Eshkevari from Avesta"
_PERSONAL_RELATIONS = frozenset({"FAMILY_OF", "PARTNER_OF", "FRIEND_OF", "DOCTOR_OF"})  # never towards an organisation


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
