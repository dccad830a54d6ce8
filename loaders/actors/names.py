"""Names: folding, acronyms, ids, and small tests on tokens that every part of the stage reads."""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Token

from loaders.actors.base import _SUBJECT_DEPS
from loaders.actors.lexicon import ActorLexicon
from loaders.records import MONTH_NAMES, ActorKind, slugify, stable_id


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
    """ "FDA", "U.S.", and with one small letter "GPhC", "DoJ"."""
    bare = text.replace(".", "")
    capitals = sum(c.isupper() for c in bare)
    return 2 <= len(bare) <= 8 and bare.isalpha() and bare[0].isupper() and capitals >= 2 \
        and len(bare) - capitals <= (1 if len(bare) >= 3 else 0)


# A North American broadcaster's call letters: "KPBS", "WLVN-TV".
_CALL_LETTERS_RE = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|FM|AM))?")


def is_call_letters(text: str) -> bool:
    return _CALL_LETTERS_RE.fullmatch(text) is not None


def _followed_by_age(doc: Doc, end: int) -> bool:
    """Whether a name ending before `end` has an age set off after it: "Bradley Tasker, 37,"."""
    return (end + 2 < len(doc) and doc[end].text == "," and doc[end + 2].text in (",", ")")
            and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 120)


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


_NOT_NAME_LABELS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"})


def _relation_bigram(noun: Token) -> str:
    """ "chief executive": a post named by a modifier and its noun."""
    modifier = next((c for c in noun.children if c.dep_ in ("amod", "compound") and c.i == noun.i - 1), None)
    return f"{modifier.lower_} {noun.lemma_.lower()}" if modifier is not None else ""
