"""The event taxonomy, read from taxonomy.yaml (data, not code)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

TAXONOMY_PATH = Path(__file__).with_name("taxonomy.yaml")
CORE_TYPES = (
    "BIRTH", "DEATH", "AUTOPSY", "INFUSION_SESSION", "DRUG_ADMINISTRATION", "INVESTIGATION",
    "ARREST", "CHARGES", "PLEA", "TRIAL", "SENTENCING", "REGULATORY_WARNING",
    "REGULATORY_APPROVAL", "INTERVIEW", "STATEMENT", "PUBLICATION", "OTHER",
)


class TaxonomyError(ValueError):
    """taxonomy.yaml is malformed; the message names the type and field."""


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]  # lemma of the first word, the rest as written (lower case)
    part_of_speech: str  # "VERB" or "NOUN"
    subject_is_experiencer: bool = False
    # ... when the clause gives it to no one: "she injected ketamine", not "injected him with ketamine"
    subject_is_experiencer_alone: bool = False
    subject_is_agent: bool = False  # a noun whose light verb's subject acts, whatever the verb ("took immediate action")
    subject_is_patient: bool = False  # the subject has it done to them ("lost his license": someone took it)
    requires: frozenset[str] = frozenset()
    requires_also: frozenset[str] = frozenset()  # and a "to" phrase too ("passed them on to")
    exclude_modifiers: frozenset[str] = frozenset()  # as the type's, for this trigger alone ("initial appearance")
    exclude_governors: frozenset[str] = frozenset()  # as the type's, for this trigger alone ("the charge was dropped")
    subject_ignored: bool = False
    date_on_or_before: bool = False
    passive_meets_requires: bool = False
    organisation_meets_requires: bool = False  # a named organisation as the object will do ("searched Harmony Health")
    requires_object: bool = False  # the required word must head (or modify) the object
    requires_object_head: bool = False  # ... head it, or what it counts ("one of the pills")
    requires_subject: bool = False  # ... head or modify the subject ("toxicology results showed")
    requires_clause: bool = False  # and the verb must tell a finding in a clause ("announced that he had died")
    without_clause: bool = False  # and the verb takes no clause ("admitted the charge", not "admitted he had lied")
    habitual_when_progressive: bool = False  # "was taking pills" is a habit, not an event
    media_outlet: bool = False  # its OUTLET must be a news medium or programme ("told CBS", not "told the board")
    dated_by: frozenset[str] = frozenset()  # verbs whose date, told just before, is this event's ("found ..., pronounced dead")
    inherit_principal_from: tuple[str, ...] = ()  # overrides the type's: "an inquest" is into the death told of
    # ... only for "opened an investigation" with no one it is into: an investigation of its own
    inherit_when_opened: bool = False
    takes_story_day: bool = True  # as the type's, for this trigger alone ("investigated": the whole of it)
    # "from" names where a thing was taken, not who gave it: "took fentanyl from the drug cupboard"
    from_is_place: bool = False
    # told with no time, it is done at the story's event of these types: "a victim impact statement"
    held_at: tuple[str, ...] = ()
    # a word that names the event only once the story has told of one of these types just before
    # ("Perry had been getting ketamine infusions ... a treatment he had received a week and a half before")
    follows: tuple[str, ...] = ()
    # with no one in a role, the one person the story gives a title holds it: {"INVESTIGATOR": "coroner"}
    held_by: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    triggers: tuple[Trigger, ...]
    roles: dict[str, tuple[str, ...]]  # role -> positions, in order of preference
    principal: tuple[str, ...]
    title: str
    singular: bool = False
    lasting: bool = False  # one event over days or months: mentions dated apart may be one
    # ... yet two acts dated apart are two (sales on Oct. 13 and Oct. 24), however a run of them lasts
    acts_dated_apart: bool = False
    undated_window_days: int | None = None
    exclude_modifiers: frozenset[str] = frozenset()
    exclude_governors: frozenset[str] = frozenset()
    exclude_heads: frozenset[str] = frozenset()
    # Required words that count only when no other noun names their kind: "the spray", not "pepper spray"
    kind_named_by_noun: frozenset[str] = frozenset()
    exclude_nouns_for: frozenset[str] = frozenset()
    exclude_objects: frozenset[str] = frozenset()
    exclude_grounds: frozenset[str] = frozenset()
    one_per_principal: bool = False
    requested_counts: bool = False
    awaited: bool = False
    organization_roles: frozenset[str] = frozenset()
    organization_positions: frozenset[str] = frozenset()  # positions only an organisation fills a role from
    excluded_name_words: dict[str, frozenset[str]] = field(default_factory=dict)  # role → words no name in it holds
    person_roles: frozenset[str] = frozenset()
    inherit_principal_from: tuple[str, ...] = ()
    required_roles: tuple[str, ...] = ()
    distinct_by: tuple[str, ...] = ()
    apart_when_many_unnamed: frozenset[str] = frozenset()  # roles whose unnamed many tell the event apart
    anchor_nouns: frozenset[str] = frozenset()
    # Kinds of the event told apart by the words that say them: a plea of not guilty is not
    # the guilty plea the same defendant enters later. In order: the first whose words occur.
    kinds: tuple[tuple[str, tuple[str, ...]], ...] = ()
    present_passive_is_state: bool = False
    takes_story_day: bool = True  # undated, told just after a day: on that day (not an autopsy's findings)
    # Types whose day is no scene for this type's acts: a sale is not on the day it was sentenced.
    no_story_day_from: frozenset[str] = frozenset()
    # Roles only the living hold: what their holder undergoes "since" a date ends by their death.
    living_roles: frozenset[str] = frozenset()
    # Words naming the bodies that, saying such an event happened, did it ("the Phoenix Police
    # Department said"): role position `reporter`.
    reporting_doers: frozenset[str] = frozenset()
    dated_by_clause: frozenset[str] = frozenset()  # "an indictment unsealed Tuesday": the verbs whose date is a noun's
    # verbs whose subject gives a noun trigger as its principal, and whose recipient takes it:
    # "Perry gave an interview to CNN", "the interview she granted the BBC"
    given_by_principal: frozenset[str] = frozenset()
    # verbs whose subject takes a noun trigger as its principal: "Ruiz reached a plea deal"
    taken_by_principal: frozenset[str] = frozenset()
    done_by_subject_of: frozenset[str] = frozenset()  # "the board began an inquiry": the board inquires
    inherit_except_kinds: frozenset[str] = frozenset()  # a source of these kinds lends no principal
    # a mention naming no one it is on is on the one the story last told something happening to
    about_whom_the_story_follows: bool = False
    # ... and so is one on premises told only by a common noun ("Gardai searched the pharmacy")
    premises: frozenset[str] = frozenset()
    premises_of: frozenset[str] = frozenset()  # the roles of those whose premises they are
    # what someone holds ("the license"): told with "the", whose it was told just before
    held_things: frozenset[str] = frozenset()
    # Trigger words that tell the event as agreed to, before it is done: "agreed to plead guilty"
    # in August and "entered their pleas later that year" are one plea.
    agreed_by: frozenset[str] = frozenset()
    # (type, kind) of events that, done by all of this one's principals, forgo it when it is
    # undated or not before them: "pleaded guilty on Tuesday, two weeks before his trial was set to begin"
    forgone_by: tuple[tuple[str, str], ...] = ()
    # told as going on "since" a time, dated by when it began: "have been investigating since April"
    dated_by_onset: bool = False


@dataclass(frozen=True, slots=True)
class Taxonomy:
    types: dict[str, EventType]
    agent_light_verbs: frozenset[str]
    experiencer_light_verbs: frozenset[str]
    prepositional_light_verbs: frozenset[str]  # "go through"
    speech_verbs: frozenset[str]
    allegation_verbs: frozenset[str]
    allegation_words: frozenset[str]
    allegation_sources: frozenset[str]
    # Acts the authorities themselves do: "X was charged, police said" is no allegation.
    acts_of_the_authorities: frozenset[str]
    reported_facts: frozenset[str]  # a death "police said" happened is no allegation
    future_cues: frozenset[str]
    future_verbs: frozenset[str]
    negating_verbs: frozenset[str] = frozenset()
    preventing_verbs: frozenset[str] = frozenset()
    weighing_verbs: frozenset[str] = frozenset()  # "had considered ketamine infusions": only thought of
    story_moves_on: frozenset[str] = frozenset()  # "later": no longer the day told before
    accused_acts: frozenset[str] = frozenset()  # "according to the indictment, X sold": X is charged
    request_verbs: frozenset[str] = frozenset()
    reschedule_verbs: frozenset[str] = frozenset()
    release_verbs: frozenset[str] = frozenset()
    product_verbs: frozenset[str] = frozenset()
    onset_verbs: frozenset[str] = frozenset()
    happening_verbs: frozenset[str] = frozenset()  # "the trial will begin": the event itself, ahead
    enacting_verbs: frozenset[str] = frozenset()
    setting_verbs: frozenset[str] = frozenset()
    court_verbs: frozenset[str] = frozenset()
    hypothetical_cues: frozenset[str] = frozenset()
    capacity_words: frozenset[str] = frozenset()
    regulator_words: frozenset[str] = frozenset()
    regulator_names: frozenset[str] = frozenset()  # casefolded
    awaiting_verbs: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()
    media_outlets: frozenset[str] = frozenset()
    # Read from the types once, for rules about one type that need the others' words:
    # type -> single-word nouns of what happens to someone once, of their own ("death", "birth";
    # not "autopsy", which is of a death), and type -> the lemmas its verb triggers open with.
    once_only_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    verb_lemmas: dict[str, frozenset[str]] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self.types)

    def once_only_nouns_except(self, event_type: EventType) -> frozenset[str]:
        return frozenset().union(*(n for name, n in self.once_only_nouns.items() if name != event_type.name))

    def verbs_except(self, event_type: EventType) -> frozenset[str]:
        return frozenset().union(*(v for name, v in self.verb_lemmas.items() if name != event_type.name))


def _trigger(entry: object, pos: str, type_name: str) -> Trigger:
    if isinstance(entry, str):
        entry = {"words": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("words"), str) or not entry["words"].strip():
        raise TaxonomyError(f"taxonomy type {type_name}: a {pos.lower()} trigger needs non-empty 'words': {entry!r}")
    return Trigger(
        # Split like the tokenizer does: "post-mortem" is three tokens.
        words=tuple(re.findall(r"[\w']+|[^\w\s]", entry["words"].lower())),
        part_of_speech=pos,
        subject_is_experiencer=entry.get("subject") == "experiencer",
        subject_is_experiencer_alone=entry.get("subject") == "experiencer_alone",
        subject_is_agent=entry.get("subject") == "agent",
        subject_is_patient=entry.get("subject") == "patient",
        requires=frozenset(w.lower() for w in entry.get("requires", ())),
        requires_also=frozenset(w.lower() for w in entry.get("requires_also", ())),
        exclude_modifiers=frozenset(w.lower() for w in entry.get("exclude_modifiers", ())),
        exclude_governors=frozenset(w.lower() for w in entry.get("exclude_governors", ())),
        subject_ignored=entry.get("subject") == "ignore",
        date_on_or_before=entry.get("date_bound") == "on_or_before",
        passive_meets_requires=entry.get("passive") == "meets_requires",
        organisation_meets_requires=entry.get("organisation") == "meets_requires",
        requires_object=entry.get("requires_in") == "object",
        requires_object_head=entry.get("requires_in") == "object_head",
        requires_subject=entry.get("requires_in") == "subject",
        requires_clause=bool(entry.get("clause", False)),
        without_clause=bool(entry.get("without_clause", False)),
        habitual_when_progressive=entry.get("progressive") == "habitual",
        media_outlet=entry.get("outlet") == "media",
        dated_by=frozenset(w.lower() for w in entry.get("dated_by", ())),
        inherit_principal_from=_names(entry.get("inherit_principal_from")),
        inherit_when_opened=entry.get("inherit") == "when_opened",
        takes_story_day=bool(entry.get("story_day", True)),
        from_is_place=entry.get("from") == "place",
        held_at=_names(entry.get("held_at")),
        follows=_names(entry.get("follows")),
        held_by=tuple((str(role), str(title).lower()) for role, title in (entry.get("held_by") or {}).items()),
    )


def _names(value: object) -> tuple[str, ...]:
    """One type name or a list of them."""
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(str(v) for v in value)  # type: ignore[union-attr]


def parse_taxonomy(data: dict) -> Taxonomy:
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise TaxonomyError("taxonomy: a top-level 'types' mapping is required")
    types: dict[str, EventType] = {}
    for name, spec in data["types"].items():
        if not isinstance(spec, dict):
            raise TaxonomyError(f"taxonomy type {name}: expected a mapping")
        roles = {role: tuple(positions) for role, positions in (spec.get("roles") or {}).items()}
        for role, positions in roles.items():
            for position in positions:
                if not isinstance(position, str) or not position:
                    raise TaxonomyError(f"taxonomy type {name}, role {role}: bad position {position!r}")
        principal = tuple(spec.get("principal") or ())
        unknown = [r for r in principal if r not in roles]
        if unknown:
            raise TaxonomyError(f"taxonomy type {name}: principal roles {unknown} are not among its roles")
        unknown = [r for r in (spec.get("excluded_name_words") or {}) if r not in roles]
        if unknown:
            raise TaxonomyError(f"taxonomy type {name}: excluded_name_words roles {unknown} are not among its roles")
        if "title" not in spec:
            raise TaxonomyError(f"taxonomy type {name}: 'title' is required")
        triggers = tuple(_trigger(t, "VERB", name) for t in spec.get("verbs") or ()) \
            + tuple(_trigger(t, "NOUN", name) for t in spec.get("nouns") or ())
        unknown = sorted({r for t in triggers for r, _ in t.held_by if r not in roles})
        if unknown:
            raise TaxonomyError(f"taxonomy type {name}: held_by roles {unknown} are not among its roles")
        types[name] = EventType(
            name=name,
            triggers=triggers,
            roles=roles,
            principal=principal,
            title=spec["title"],
            singular=bool(spec.get("singular", False)),
            lasting=bool(spec.get("lasting", False)),
            acts_dated_apart=bool(spec.get("acts_dated_apart", False)),
            undated_window_days=spec.get("undated_window_days"),
            exclude_modifiers=frozenset(spec.get("exclude_modifiers") or ()),
            exclude_governors=frozenset(spec.get("exclude_governors") or ()),
            exclude_heads=frozenset(spec.get("exclude_heads") or ()),
            kind_named_by_noun=frozenset(spec.get("kind_named_by_noun") or ()),
            exclude_nouns_for=frozenset(spec.get("exclude_nouns_for") or ()),
            exclude_objects=frozenset(spec.get("exclude_objects") or ()),
            exclude_grounds=frozenset(spec.get("exclude_grounds") or ()),
            one_per_principal=bool(spec.get("one_per_principal", False)),
            requested_counts=bool(spec.get("requested_counts", False)),
            awaited=bool(spec.get("awaited", False)),
            organization_roles=frozenset(spec.get("organization_roles") or ()),
            organization_positions=frozenset(spec.get("organization_positions") or ()),
            person_roles=frozenset(spec.get("person_roles") or ()),
            excluded_name_words={role: frozenset(words) for role, words in (spec.get("excluded_name_words") or {}).items()},
            inherit_principal_from=_names(spec.get("inherit_principal_from")),
            required_roles=tuple(spec.get("required_roles") or ()),
            distinct_by=tuple(spec.get("distinct_by") or ()),
            apart_when_many_unnamed=frozenset(spec.get("apart_when_many_unnamed") or ()),
            anchor_nouns=frozenset(spec.get("anchor_nouns") or ()),
            kinds=tuple((str(kind), tuple(str(w).lower() for w in words)) for kind, words in (spec.get("kinds") or {}).items()),
            present_passive_is_state=bool(spec.get("present_passive_is_state", False)),
            takes_story_day=bool(spec.get("takes_story_day", True)),
            no_story_day_from=frozenset(_names(spec.get("no_story_day_from"))),
            living_roles=frozenset(spec.get("living_roles") or ()),
            reporting_doers=frozenset(str(w).lower() for w in spec.get("reporting_doers") or ()),
            dated_by_clause=frozenset(spec.get("dated_by_clause") or ()),
            given_by_principal=frozenset(spec.get("given_by_principal") or ()),
            taken_by_principal=frozenset(spec.get("taken_by_principal") or ()),
            done_by_subject_of=frozenset(spec.get("done_by_subject_of") or ()),
            inherit_except_kinds=frozenset(spec.get("inherit_except_kinds") or ()),
            about_whom_the_story_follows=bool(spec.get("about_whom_the_story_follows", False)),
            premises=frozenset(str(w).lower() for w in spec.get("premises") or ()),
            premises_of=frozenset(spec.get("premises_of") or ()),
            held_things=frozenset(str(w).lower() for w in spec.get("held_things") or ()),
            agreed_by=frozenset(str(w).lower() for w in spec.get("agreed_by") or ()),
            dated_by_onset=bool(spec.get("dated_by_onset", False)),
            forgone_by=tuple((str(t), str(k)) for t, kinds in (spec.get("forgone_by") or {}).items() for k in kinds),
        )
    for event_type in types.values():
        sources = set(event_type.inherit_principal_from).union(*(t.inherit_principal_from for t in event_type.triggers))
        for source in sorted(sources):
            if source not in types:
                raise TaxonomyError(f"taxonomy type {event_type.name}: inherit_principal_from names unknown type {source}")
        for source, _ in event_type.forgone_by:
            if source not in types:
                raise TaxonomyError(f"taxonomy type {event_type.name}: forgone_by names unknown type {source}")
        for source in sorted(event_type.no_story_day_from):
            if source not in types:
                raise TaxonomyError(f"taxonomy type {event_type.name}: no_story_day_from names unknown type {source}")
        for occasion in sorted({name for t in event_type.triggers for name in t.held_at}):
            if occasion not in types:
                raise TaxonomyError(f"taxonomy type {event_type.name}: held_at names unknown type {occasion}")
        for kind in sorted({name for t in event_type.triggers for name in t.follows}):
            if kind not in types:
                raise TaxonomyError(f"taxonomy type {event_type.name}: follows names unknown type {kind}")
    missing = [t for t in CORE_TYPES if t not in types]
    if missing:
        raise TaxonomyError(f"taxonomy: core event types missing: {missing}")
    light = data.get("light_verbs") or {}
    return Taxonomy(
        types=types,
        agent_light_verbs=frozenset(light.get("agent", ())),
        experiencer_light_verbs=frozenset(light.get("experiencer", ())),
        prepositional_light_verbs=frozenset(light.get("prepositional", ())),
        speech_verbs=frozenset(data.get("speech_verbs", ())),
        allegation_verbs=frozenset(data.get("allegation_verbs", ())),
        allegation_words=frozenset(data.get("allegation_words", ())),
        allegation_sources=frozenset(data.get("allegation_sources", ())),
        acts_of_the_authorities=frozenset(data.get("acts_of_the_authorities", ())),
        reported_facts=frozenset(data.get("reported_facts", ())),
        future_cues=frozenset(data.get("future_cues", ())),
        future_verbs=frozenset(data.get("future_verbs", ())),
        negating_verbs=frozenset(data.get("negating_verbs", ())),
        preventing_verbs=frozenset(data.get("preventing_verbs", ())),
        weighing_verbs=frozenset(data.get("weighing_verbs", ())),
        story_moves_on=frozenset(data.get("story_moves_on", ())),
        accused_acts=frozenset(data.get("accused_acts", ())),
        request_verbs=frozenset(data.get("request_verbs", ())),
        reschedule_verbs=frozenset(data.get("reschedule_verbs", ())),
        release_verbs=frozenset(data.get("release_verbs", ())),
        product_verbs=frozenset(data.get("product_verbs", ())),
        onset_verbs=frozenset(data.get("onset_verbs", ())),
        happening_verbs=frozenset(data.get("happening_verbs", ())) | frozenset(data.get("onset_verbs", ()))
        | frozenset(data.get("release_verbs", ())),
        enacting_verbs=frozenset(data.get("enacting_verbs", ())),
        setting_verbs=frozenset(data.get("setting_verbs", ())),
        court_verbs=frozenset(data.get("court_verbs", ())),
        hypothetical_cues=frozenset(data.get("hypothetical_cues", ())),
        capacity_words=frozenset(data.get("capacity_words", ())),
        regulator_words=frozenset(data.get("regulator_words", ())),
        regulator_names=frozenset(name.casefold() for name in data.get("regulator_names", ())),
        awaiting_verbs=frozenset(data.get("awaiting_verbs", ())),
        media_words=frozenset(w.lower() for w in data.get("media_words", ())),
        media_outlets=frozenset(w.lower() for w in data.get("media_outlets", ())),
        once_only_nouns={t.name: frozenset(tr.words[0] for tr in t.triggers if tr.part_of_speech == "NOUN" and len(tr.words) == 1)
                         for t in types.values() if t.singular and not t.inherit_principal_from},
        verb_lemmas={t.name: frozenset(tr.words[0] for tr in t.triggers if tr.part_of_speech == "VERB")
                     for t in types.values()},
    )


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = TAXONOMY_PATH) -> Taxonomy:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: not valid YAML: {exc}") from exc
    return parse_taxonomy(data)
