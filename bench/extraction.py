"""Extraction benchmark: the extractor against hand-annotated news articles.

tests/fixtures/eval/ holds articles (`articles/`) and, per article, the events a
careful reporter would extract (`gold/<stem>.yaml`; the guideline is in that
folder's README). Each article goes through the whole extraction pipeline;
predicted events are matched to gold events and scored:

- a prediction matches a gold event of the same type when they share a
  principal participant (names compared case-insensitively, titles ignored,
  a person's surname alone matching the full name, organisations by name or
  alias); matching is one-to-one and maximises the number of matches, then
  correct dates, then shared participants;
- a joint gold event (one indictment of five people) may be matched by several
  predictions that split it among its principals, each with a correct date;
- precision, recall and F1 over events; date accuracy (the predicted interval
  inside the gold interval, an undated gold event needing an undated
  prediction), role accuracy and status accuracy over matched pairs.

The scorer (everything above `run`) is pure: it works on `Event` records, so it
can be tested on tiny hand-made pairs without the language model.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from loaders.records import ActorKind, EventStatus, ExtractedDocument, Sentence
from loaders.taxonomy import Taxonomy, load_taxonomy

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_FIXTURES = ROOT / "tests" / "fixtures" / "eval"
ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm"})

# Words that do not identify anyone: "Dr. Mark Chavez" is "Mark Chavez", "Haven Telepsychiatry Inc." is "Haven Telepsychiatry".
IGNORED_NAME_WORDS = frozenset({
    "dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "judge", "justice",
    "rev", "md", "phd", "jr", "sr", "esq", "inc", "llc", "ltd", "corp", "co",
})
MAX_EXACT_MATCHING = 14  # predictions of one type in one article; above this, a greedy matching


# ---------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class Participant:
    name: str
    role: str
    aliases: tuple[str, ...] = ()
    is_person: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Event:
    """A gold or predicted event, as the scorer sees it."""

    type: str
    participants: tuple[Participant, ...]
    start: date | None = None
    end: date | None = None
    status: str = EventStatus.OCCURRED.value
    evidence: tuple[str, ...] = ()  # sentences that state it
    label: str = ""  # a title or a note, for reports
    date_text: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """One line of a failure list: what went wrong, where, and the sentence."""

    kind: str  # miss, false_positive, date, role
    reason: str
    type: str
    participants: str
    gold_date: str | None
    predicted_date: str | None
    sentences: tuple[str, ...]
    detail: str = ""


@dataclass(slots=True)
class Tally:
    gold: int = 0
    predicted: int = 0
    matched_gold: int = 0
    matched_predicted: int = 0
    dates_correct: int = 0
    dates_total: int = 0
    roles_correct: int = 0
    roles_total: int = 0
    status_correct: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return _ratio(self.matched_predicted, self.predicted)

    @property
    def recall(self) -> float:
        return _ratio(self.matched_gold, self.gold)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    @property
    def date_accuracy(self) -> float:
        return _ratio(self.dates_correct, self.dates_total)

    @property
    def role_accuracy(self) -> float:
        return _ratio(self.roles_correct, self.roles_total)

    @property
    def status_accuracy(self) -> float:
        return _ratio(self.status_correct, self.dates_total)

    def figures(self) -> dict[str, Any]:
        return {
            **{name: getattr(self, name) for name in self.__slots__},  # type: ignore[attr-defined]
            "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
            "date_accuracy": round(self.date_accuracy, 4), "role_accuracy": round(self.role_accuracy, 4),
            "status_accuracy": round(self.status_accuracy, 4),
        }


def _ratio(part: int, whole: int) -> float:
    # Nothing to find and nothing found is perfect; the counts beside it say how much was measured.
    return 1.0 if whole == 0 else part / whole


@dataclass(slots=True)
class Pair:
    gold: int
    predicted: int
    date_correct: bool
    split: bool = False  # one part of a joint gold event split among its principals


@dataclass(slots=True)
class Score:
    """One article's (or one hand-made case's) result."""

    tally: Tally
    pairs: list[Pair]
    by_type: dict[str, Tally]
    misses: list[Failure] = field(default_factory=list)
    false_positives: list[Failure] = field(default_factory=list)
    date_errors: list[Failure] = field(default_factory=list)
    role_errors: list[Failure] = field(default_factory=list)


# ---------------------------------------------------------------- names and dates


def name_key(name: str, hyphens_join: bool = True) -> tuple[str, ...]:
    """The words that identify a name: lower-case ASCII, no titles, no leading "the". A hyphenated
    surname is one word ("Okafor-Reyes" alone is "Devin Okafor-Reyes"), or, with `hyphens_join`
    false, two ("Bristol-Myers Squibb" is "Bristol Myers Squibb")."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("&", " and ").replace(".", "")  # "U.S." is "us", "M.D." is "md"
    text = re.sub(r"'s\b", "", text.replace("\u2019", "'"))
    word = r"[a-z0-9]+(?:-[a-z0-9]+)*" if hyphens_join else r"[a-z0-9]+"
    words = [w for w in re.findall(word, text) if w not in IGNORED_NAME_WORDS]
    if words[:1] == ["the"]:
        words = words[1:]
    return tuple(words)


def names_match(gold: Participant, predicted: Participant) -> bool:
    """Same actor: same name or alias; for people, a surname alone also matches the full name,
    and full names with the same first and last words match ("Matthew Langford Perry")."""
    for gold_name in gold.names:
        g = name_key(gold_name)
        for predicted_name in predicted.names:
            p = name_key(predicted_name)
            if not g or not p:
                continue
            if g == p or name_key(gold_name, hyphens_join=False) == name_key(predicted_name, hyphens_join=False):
                return True
            if gold.is_person and predicted.is_person and g[-1] == p[-1] and (len(g) == 1 or len(p) == 1 or g[0] == p[0]):
                return True
    return False


def date_correct(gold: Event, predicted: Event) -> bool:
    """The predicted interval lies inside the gold one (an open side is infinite); an undated
    gold event is right only when the prediction is undated too."""
    if gold.start is None and gold.end is None:
        return predicted.start is None and predicted.end is None
    if predicted.start is None and predicted.end is None:
        return False
    low_ok = gold.start is None or (predicted.start is not None and predicted.start >= gold.start)
    high_ok = gold.end is None or (predicted.end is not None and predicted.end <= gold.end)
    return low_ok and high_ok


def interval_text(event: Event) -> str:
    if event.start is None and event.end is None:
        return "undated"
    if event.start == event.end:
        return event.start.isoformat()  # type: ignore[union-attr]
    return f"{event.start.isoformat() if event.start else '…'} → {event.end.isoformat() if event.end else '…'}"


# ---------------------------------------------------------------- matching


def principals(event: Event, taxonomy: Taxonomy) -> tuple[Participant, ...]:
    event_type = taxonomy.types.get(event.type)
    if event_type is None:
        return ()
    return tuple(p for p in event.participants if p.role in event_type.principal)


def _shares(golds: Iterable[Participant], predicted: Iterable[Participant]) -> bool:
    predicted = tuple(predicted)
    return any(names_match(g, p) for g in golds for p in predicted)


def compatible(gold: Event, predicted: Event, taxonomy: Taxonomy) -> bool:
    return gold.type == predicted.type and _shares(principals(gold, taxonomy), principals(predicted, taxonomy))


def _shared_participants(gold: Event, predicted: Event) -> int:
    return sum(1 for g in gold.participants if any(names_match(g, p) for p in predicted.participants))


def _weight(gold: Event, predicted: Event) -> int:
    # Lexicographic: a match at all, then a right date, then more shared participants.
    return 1_000_000 + 1_000 * date_correct(gold, predicted) + _shared_participants(gold, predicted)


def _best_assignment(gold_ids: list[int], predicted_ids: list[int], weights: dict[tuple[int, int], int]) -> list[tuple[int, int]]:
    """The one-to-one assignment of maximum total weight (exact for the small sets one article holds)."""
    if len(predicted_ids) > MAX_EXACT_MATCHING:
        chosen: list[tuple[int, int]] = []
        used_g: set[int] = set()
        used_p: set[int] = set()
        for (g, p), _ in sorted(weights.items(), key=lambda item: (-item[1], item[0])):
            if g not in used_g and p not in used_p:
                chosen.append((g, p))
                used_g.add(g)
                used_p.add(p)
        return chosen

    @lru_cache(maxsize=None)
    def best(index: int, used: int) -> tuple[int, tuple[tuple[int, int], ...]]:
        if index == len(gold_ids):
            return 0, ()
        g = gold_ids[index]
        result = best(index + 1, used)  # leave this gold event unmatched
        for bit, p in enumerate(predicted_ids):
            w = weights.get((g, p))
            if w is None or used & (1 << bit):
                continue
            rest_weight, rest = best(index + 1, used | (1 << bit))
            if rest_weight + w > result[0]:
                result = (rest_weight + w, ((g, p), *rest))
        return result

    return list(best(0, 0)[1])


def match_events(gold: Sequence[Event], predicted: Sequence[Event], taxonomy: Taxonomy) -> list[Pair]:
    pairs: list[Pair] = []
    for event_type in sorted({e.type for e in gold} | {e.type for e in predicted}):
        gold_ids = [i for i, e in enumerate(gold) if e.type == event_type]
        predicted_ids = [j for j, e in enumerate(predicted) if e.type == event_type]
        weights = {
            (i, j): _weight(gold[i], predicted[j])
            for i in gold_ids for j in predicted_ids if compatible(gold[i], predicted[j], taxonomy)
        }
        for i, j in _best_assignment(gold_ids, predicted_ids, weights):
            pairs.append(Pair(i, j, date_correct(gold[i], predicted[j])))
    pairs.extend(_split_parts(gold, predicted, pairs, taxonomy))
    return sorted(pairs, key=lambda p: (p.gold, p.split, p.predicted))


def _split_parts(gold: Sequence[Event], predicted: Sequence[Event], pairs: list[Pair], taxonomy: Taxonomy) -> list[Pair]:
    """Unmatched predictions that carry principals of a joint gold event its other parts did not."""
    matched = {p.predicted for p in pairs}
    covered: dict[int, set[int]] = {}
    for pair in pairs:
        covered.setdefault(pair.gold, set()).update(_covered_principals(gold[pair.gold], predicted[pair.predicted], taxonomy))
    parts = []
    for j, event in enumerate(predicted):
        if j in matched:
            continue
        for pair in pairs:
            g = gold[pair.gold]
            if len(principals(g, taxonomy)) < 2 or not compatible(g, event, taxonomy) or not date_correct(g, event):
                continue
            mine = _covered_principals(g, event, taxonomy)
            if mine and not mine & covered[pair.gold]:
                covered[pair.gold] |= mine
                parts.append(Pair(pair.gold, j, True, split=True))
                break
    return parts


def _covered_principals(gold: Event, predicted: Event, taxonomy: Taxonomy) -> set[int]:
    mine = principals(predicted, taxonomy)
    return {k for k, g in enumerate(principals(gold, taxonomy)) if any(names_match(g, p) for p in mine)}


# ---------------------------------------------------------------- scoring


def score(gold: Sequence[Event], predicted: Sequence[Event], taxonomy: Taxonomy) -> Score:
    pairs = match_events(gold, predicted, taxonomy)
    primary = [p for p in pairs if not p.split]
    tally = Tally(gold=len(gold), predicted=len(predicted),
                  matched_gold=len(primary), matched_predicted=len(pairs))
    by_type: dict[str, Tally] = {}
    for event in gold:
        by_type.setdefault(event.type, Tally()).gold += 1
    for event in predicted:
        by_type.setdefault(event.type, Tally()).predicted += 1
    result = Score(tally, pairs, by_type)
    for pair in pairs:
        g, p = gold[pair.gold], predicted[pair.predicted]
        type_tally = by_type[g.type]
        type_tally.matched_predicted += 1
        if pair.split:
            continue
        type_tally.matched_gold += 1
        tally.dates_total += 1
        type_tally.dates_total += 1
        if pair.date_correct:
            tally.dates_correct += 1
            type_tally.dates_correct += 1
        else:
            result.date_errors.append(_failure("date", _date_reason(g, p), g, p, g.evidence + p.evidence))
        if g.status == p.status:
            tally.status_correct += 1
            type_tally.status_correct += 1
        _score_roles(g, p, tally, type_tally, result)
    matched_gold = {p.gold for p in pairs}
    matched_predicted = {p.predicted for p in pairs}
    by_predicted = {p.predicted: p.gold for p in primary}
    for i, g in enumerate(gold):
        if i not in matched_gold:
            reason, other = _miss_reason(g, predicted, by_predicted, taxonomy)
            result.misses.append(_failure("miss", reason, g, other, g.evidence))
    for j, p in enumerate(predicted):
        if j not in matched_predicted:
            reason, detail = _false_positive_reason(p, gold, taxonomy)
            result.false_positives.append(_failure("false_positive", reason, None, p, p.evidence, detail))
    return result


def _score_roles(g: Event, p: Event, tally: Tally, type_tally: Tally, result: Score) -> None:
    for participant in g.participants:
        tally.roles_total += 1
        type_tally.roles_total += 1
        found = [q for q in p.participants if names_match(participant, q)]
        if any(q.role == participant.role for q in found):
            tally.roles_correct += 1
            type_tally.roles_correct += 1
            continue
        got = ", ".join(sorted({q.role for q in found})) or "absent"
        result.role_errors.append(_failure(
            "role", "absent" if not found else "wrong role", g, p, p.evidence or g.evidence,
            f"{participant.name}: gold {participant.role}, predicted {got}",
        ))


def _date_reason(g: Event, p: Event) -> str:
    if g.start is None and g.end is None:
        return "dated an undated event"
    if p.start is None and p.end is None:
        return "left undated"
    if (p.start is None) != (g.start is None) or (p.end is None) != (g.end is None):
        return "bound where the text gives an interval" if p.start is None or p.end is None else "interval where the text gives a bound"
    if (p.end is not None and g.start is not None and p.end < g.start) or (p.start is not None and g.end is not None and p.start > g.end):
        return "wrong date"
    return "too wide"


def _miss_reason(g: Event, predicted: Sequence[Event], by_predicted: dict[int, int], taxonomy: Taxonomy) -> tuple[str, Event | None]:
    same_type = [(j, p) for j, p in enumerate(predicted) if p.type == g.type]
    for j, p in same_type:
        if compatible(g, p, taxonomy) and _same_sentence(g, p):
            # Its sentence went into a prediction that better matches another gold event.
            return ("merged into another event" if j in by_predicted else "unmatched"), p
    for _, p in same_type:
        if _role_confusion(g, p, taxonomy):
            return "role", p
    for p in predicted:
        if p.type != g.type and _same_sentence(g, p) and _shares(g.participants, p.participants):
            return f"type (predicted {p.type})", p
    return "not found", None


def _false_positive_reason(p: Event, gold: Sequence[Event], taxonomy: Taxonomy) -> tuple[str, str]:
    for g in gold:
        if compatible(g, p, taxonomy):
            return "duplicate", f"repeats gold {g.type} {_names(g)} ({interval_text(g)})"
    for g in gold:
        if _role_confusion(g, p, taxonomy):
            return "role", f"gold {g.type} {_roles(g)}"
    for g in gold:
        if g.type != p.type and _same_sentence(g, p):
            return "type", f"the sentence states gold {g.type} {_names(g)}"
    return "spurious", ""


def _role_confusion(g: Event, p: Event, taxonomy: Taxonomy) -> bool:
    """The same kind of event with the same people, but nobody shared in a principal role: a
    principal given another role, or missing beside a participant both name in that sentence."""
    if g.type != p.type or compatible(g, p, taxonomy) or not _shares(g.participants, p.participants):
        return False
    return (_same_sentence(g, p) or _shares(principals(g, taxonomy), p.participants)
            or _shares(g.participants, principals(p, taxonomy)))


def _same_sentence(g: Event, p: Event) -> bool:
    return any(a in b or b in a for a in g.evidence for b in p.evidence)


def _names(event: Event) -> str:
    return ", ".join(p.name for p in event.participants)


def _roles(event: Event) -> str:
    return ", ".join(f"{p.name} ({p.role})" for p in event.participants) or "(nobody)"


def _failure(kind: str, reason: str, g: Event | None, p: Event | None, sentences: Sequence[str], detail: str = "") -> Failure:
    shown = g or p
    assert shown is not None
    if not detail and p is not None and g is not None and kind != "miss":
        detail = p.label
    if not detail and kind == "miss" and p is not None:
        detail = f"nearest prediction: {p.type} {_roles(p)}"
    if kind == "false_positive" and p is not None and p.label:
        detail = f"{p.label}; {detail}" if detail else p.label
    return Failure(
        kind=kind, reason=reason, type=shown.type, participants=_roles(shown),
        gold_date=interval_text(g) if g else None,
        predicted_date=(interval_text(p) + (f" ({p.date_text})" if p.date_text else "")) if p else None,
        sentences=tuple(dict.fromkeys(s for s in sentences if s)), detail=detail,
    )


# ---------------------------------------------------------------- gold files


class GoldError(ValueError):
    """A gold file is malformed; the message names the file, the event and the field."""


GOLD_EVENT_KEYS = {"type", "status", "evidence", "date", "participants", "note"}
GOLD_PARTICIPANT_KEYS = {"name", "role", "kind", "aliases"}


def load_gold(path: Path, taxonomy: Taxonomy, text: str | None = None) -> list[tuple[Event, str]]:
    """The gold events of one article, each with its evidence quote (checked against `text`)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise GoldError(f"{path}: cannot read gold events: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("events"), list):
        raise GoldError(f"{path}: expected a mapping with an 'events' list")
    return [_gold_event(item, f"{path}: event {n}", taxonomy, text) for n, item in enumerate(data["events"], 1)]


def _gold_event(item: object, where: str, taxonomy: Taxonomy, text: str | None) -> tuple[Event, str]:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected a mapping")
    unknown = set(item) - GOLD_EVENT_KEYS
    if unknown:
        raise GoldError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(GOLD_EVENT_KEYS)}")
    event_type = taxonomy.types.get(str(item.get("type")))
    if event_type is None:
        raise GoldError(f"{where}: field 'type': {item.get('type')!r} is not a taxonomy type ({', '.join(taxonomy.names)})")
    status = item.get("status")
    if status not in {s.value for s in EventStatus}:
        raise GoldError(f"{where}: field 'status': {status!r} is not one of {[s.value for s in EventStatus]}")
    evidence = item.get("evidence")
    if not isinstance(evidence, str) or not evidence.strip():
        raise GoldError(f"{where}: field 'evidence': a quote from the article is required")
    if text is not None and evidence not in text:
        raise GoldError(f"{where}: field 'evidence': {evidence!r} does not occur in the article")
    start, end = _gold_date(item.get("date"), where)
    raw_participants = item.get("participants")
    if not isinstance(raw_participants, list) or not raw_participants:
        raise GoldError(f"{where}: field 'participants': a non-empty list is required")
    participants = tuple(_gold_participant(p, f"{where}, participant {k}", event_type.roles, event_type.name)
                         for k, p in enumerate(raw_participants, 1))
    if not any(p.role in event_type.principal for p in participants):
        raise GoldError(f"{where}: field 'participants': nobody in a principal role of {event_type.name} "
                        f"({', '.join(event_type.principal)}), so no prediction could match it")
    note = item.get("note")
    return Event(type=event_type.name, participants=participants, start=start, end=end, status=status,
                 evidence=(evidence,), label=str(note) if note else ""), evidence


def _gold_date(value: object, where: str) -> tuple[date | None, date | None]:
    if not isinstance(value, list) or len(value) != 2:
        raise GoldError(f"{where}: field 'date': expected [start, end] (ISO dates or null)")
    sides = []
    for side in value:
        if side is None or isinstance(side, date):
            sides.append(side)
            continue
        try:
            sides.append(date.fromisoformat(str(side)))
        except ValueError:
            raise GoldError(f"{where}: field 'date': {side!r} is not an ISO date or null") from None
    start, end = sides
    if start is not None and end is not None and start > end:
        raise GoldError(f"{where}: field 'date': starts after it ends ({start} > {end})")
    return start, end


def _gold_participant(item: object, where: str, roles: dict[str, tuple[str, ...]], type_name: str) -> Participant:
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected a mapping with name and role")
    unknown = set(item) - GOLD_PARTICIPANT_KEYS
    if unknown:
        raise GoldError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(GOLD_PARTICIPANT_KEYS)}")
    name = item.get("name")
    if not isinstance(name, str) or not name_key(name):
        raise GoldError(f"{where}: field 'name': a name is required")
    role = item.get("role")
    if role not in roles:
        raise GoldError(f"{where}: field 'role': {role!r} is not a role of {type_name} ({', '.join(roles)})")
    kind = item.get("kind", ActorKind.PERSON.value)
    if kind not in {k.value for k in ActorKind}:
        raise GoldError(f"{where}: field 'kind': {kind!r} is not PERSON or ORGANIZATION")
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise GoldError(f"{where}: field 'aliases': expected a list of names")
    return Participant(name=name, role=role, aliases=tuple(aliases), is_person=kind == ActorKind.PERSON.value)


# ---------------------------------------------------------------- running the extractor


@dataclass(frozen=True, slots=True)
class Article:
    path: Path
    gold_path: Path


def discover(fixtures: Path, only: Sequence[str] = ()) -> list[Article]:
    articles_dir, gold_dir = fixtures / "articles", fixtures / "gold"
    if not articles_dir.is_dir() or not gold_dir.is_dir():
        raise GoldError(f"{fixtures}: expected the folders articles/ and gold/")
    articles = sorted(p for p in articles_dir.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
    stems = {p.stem for p in articles}
    orphans = sorted(p.name for p in gold_dir.glob("*.yaml") if p.stem not in stems)
    if orphans:
        raise GoldError(f"{gold_dir}: gold files without an article: {', '.join(orphans)}")
    missing = sorted(p.name for p in articles if not (gold_dir / f"{p.stem}.yaml").is_file())
    if missing:
        raise GoldError(f"{articles_dir}: articles without a gold file in gold/: {', '.join(missing)}")
    unknown = sorted(set(only) - stems)
    if unknown:
        raise GoldError(f"--article: no article named {', '.join(unknown)} in {articles_dir}")
    return [Article(p, gold_dir / f"{p.stem}.yaml") for p in articles if not only or p.stem in only]


def predicted_events(extracted: ExtractedDocument) -> list[Event]:
    actors = {a.id: a for a in extracted.actors}
    events = []
    for record in extracted.events:
        participants = tuple(
            Participant(actor.name, p.role, tuple(actor.aliases), actor.kind == ActorKind.PERSON)
            for p in record.participants if (actor := actors.get(p.actor_id)) is not None
        )
        events.append(Event(
            type=record.type, participants=participants, start=record.date.start, end=record.date.end,
            status=str(record.status), evidence=tuple(e.quote for e in record.evidence),
            label=record.title, date_text=record.date.text,
        ))
    return events


def containing_sentences(quote: str, text: str, sentences: Sequence[Sentence]) -> tuple[str, ...]:
    """The parser's sentences that the gold quote falls in (the quote itself if it spans none)."""
    at = text.find(quote)
    if at < 0:
        return (quote,)
    found = tuple(s.text for s in sentences if s.start < at + len(quote) and at < s.end)
    return found or (quote,)


@dataclass(slots=True)
class ArticleResult:
    article: str
    title: str | None
    published: str | None
    seconds: float
    chars: int
    score: Score


@dataclass(slots=True)
class Report:
    fixtures: str
    model_seconds: float
    articles: list[ArticleResult]

    @property
    def tally(self) -> Tally:
        total = Tally()
        for result in self.articles:
            total.add(result.score.tally)
        return total

    @property
    def by_type(self) -> dict[str, Tally]:
        totals: dict[str, Tally] = {}
        for result in self.articles:
            for name, tally in result.score.by_type.items():
                totals.setdefault(name, Tally()).add(tally)
        return dict(sorted(totals.items()))

    @property
    def extraction_seconds(self) -> float:
        return sum(r.seconds for r in self.articles)


def run(fixtures: Path = DEFAULT_FIXTURES, only: Sequence[str] = ()) -> Report:
    """Extract every article, score it against its gold file."""
    from loaders import nlp
    from loaders.documents import read_document
    from loaders.extract import extract_parsed
    from loaders.render import published_iso

    taxonomy = load_taxonomy()
    articles = discover(fixtures, only)
    documents = [read_document(a.path) for a in articles]
    golds = [load_gold(a.gold_path, taxonomy, d.text) for a, d in zip(articles, documents)]
    started = time.perf_counter()
    nlp.get_nlp()
    model_seconds = time.perf_counter() - started
    results = []
    for article, document, gold in zip(articles, documents, golds):
        started = time.perf_counter()
        doc = nlp.parse(document.text)
        extracted = extract_parsed(document, doc, taxonomy).extracted
        seconds = time.perf_counter() - started
        sentences = nlp.sentences(doc)
        gold_events = [
            Event(e.type, e.participants, e.start, e.end, e.status,
                  containing_sentences(quote, document.text, sentences), e.label)
            for e, quote in gold
        ]
        results.append(ArticleResult(
            article=article.path.name, title=document.title, published=published_iso(document.published),
            seconds=seconds, chars=len(document.text),
            score=score(gold_events, predicted_events(extracted), taxonomy),
        ))
    return Report(str(fixtures), model_seconds, results)


# ---------------------------------------------------------------- output


def report_json(report: Report) -> dict[str, Any]:
    def failures(items: list[Failure]) -> list[dict[str, Any]]:
        return [asdict(f) | {"sentences": list(f.sentences)} for f in items]

    return {
        "benchmark": "extraction",
        "fixtures": report.fixtures,
        "overall": report.tally.figures(),
        "by_type": {name: tally.figures() for name, tally in report.by_type.items()},
        "timing": {
            "model_load_seconds": round(report.model_seconds, 3),
            "extraction_seconds": round(report.extraction_seconds, 3),
            "seconds_per_article": round(report.extraction_seconds / max(1, len(report.articles)), 3),
            "characters_per_second": round(sum(r.chars for r in report.articles) / max(report.extraction_seconds, 1e-9)),
        },
        "articles": [
            {
                "article": r.article, "title": r.title, "published": r.published,
                "seconds": round(r.seconds, 3), **r.score.tally.figures(),
                "misses": failures(r.score.misses), "false_positives": failures(r.score.false_positives),
                "date_errors": failures(r.score.date_errors), "role_errors": failures(r.score.role_errors),
            }
            for r in report.articles
        ],
    }


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}"


def _row(label: str, t: Tally, extra: str = "") -> str:
    return (f"{label:<42} {t.gold:>4} {t.predicted:>4} {t.matched_gold:>4}  {_pct(t.precision)} {_pct(t.recall)} "
            f"{_pct(t.f1)}  {_pct(t.date_accuracy)} {_pct(t.role_accuracy)} {_pct(t.status_accuracy)}{extra}")


def report_text(report: Report, failures: bool = True) -> str:
    header = (f"{'':<42} {'gold':>4} {'pred':>4} {'hit':>4}  {'P%':>5} {'R%':>5} {'F1%':>5}  "
              f"{'date%':>5} {'role%':>5} {'stat%':>5}")
    lines = [f"extraction benchmark: {report.fixtures}", "", header]
    for r in report.articles:
        lines.append(_row(r.article[:42], r.score.tally, f"  {r.seconds:5.2f}s"))
    lines += ["-" * len(header), _row("overall", report.tally), "", "by event type:", header]
    for name, tally in report.by_type.items():
        lines.append(_row(name, tally))
    total = report.tally
    lines += [
        "",
        f"events: precision {total.precision:.3f}  recall {total.recall:.3f}  F1 {total.f1:.3f}   "
        f"(targets: precision >= 0.90, recall >= 0.90)",
        f"dates inside the gold interval: {total.date_accuracy:.3f} ({total.dates_correct}/{total.dates_total} matched events; target >= 0.90)",
        f"roles: {total.role_accuracy:.3f} ({total.roles_correct}/{total.roles_total} gold participants of matched events)",
        f"status: {total.status_accuracy:.3f}",
        f"time: model load {report.model_seconds:.2f}s, extraction {report.extraction_seconds:.2f}s for "
        f"{len(report.articles)} articles ({report.extraction_seconds / max(1, len(report.articles)):.2f}s each, "
        f"{sum(r.chars for r in report.articles) / max(report.extraction_seconds, 1e-9):,.0f} characters/s)",
    ]
    if failures:
        for title, attribute in (("MISSES", "misses"), ("FALSE POSITIVES", "false_positives"),
                                 ("DATE ERRORS", "date_errors"), ("ROLE ERRORS", "role_errors")):
            items = [(r.article, f) for r in report.articles for f in getattr(r.score, attribute)]
            lines += ["", f"{title} ({len(items)})"]
            for article, failure in items:
                lines.append(_failure_text(article, failure))
    return "\n".join(lines)


def _failure_text(article: str, f: Failure) -> str:
    dates = []
    if f.gold_date is not None:
        dates.append(f"gold {f.gold_date}")
    if f.predicted_date is not None:
        dates.append(f"predicted {f.predicted_date}")
    text = f"- [{article}] {f.type} {f.participants} — {f.reason}; {'; '.join(dates)}"
    if f.detail:
        text += f"\n    {f.detail}"
    for sentence in f.sentences:
        text += f"\n    > {sentence}"
    return text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench extraction", description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures and failures as JSON")
    parser.add_argument("--fixtures", type=Path, default=DEFAULT_FIXTURES,
                        help="folder with articles/ and gold/ (default: tests/fixtures/eval)")
    parser.add_argument("--article", action="append", default=[], metavar="STEM",
                        help="only this article (file name without extension); repeatable")
    parser.add_argument("--figures-only", action="store_true", help="leave out the failure lists")
    args = parser.parse_args(argv)

    from kg.logs import configure_logging

    from loaders.documents import DocumentError

    configure_logging("console", "WARNING")  # loader logs go to stderr and stay quiet
    try:
        report = run(args.fixtures, args.article)
    except (GoldError, DocumentError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report_json(report), indent=2, ensure_ascii=False))
    else:
        print(report_text(report, failures=not args.figures_only))
    return 0
