"""The vocabularies of dates: month, weekday, unit, number and holiday words, and words that are not dates."""

from __future__ import annotations


from loaders.records import MONTH_NAMES, WEEKDAY_NAMES


_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(MONTH_NAMES, start=1)}
_MONTH_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
                        "aug": 8, "sept": 9, "sep": 9, "oct": 10, "nov": 11, "dec": 12}
_WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAY_NAMES)}

_SMALL_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_VAGUE_COUNTS = {
    "a couple of": (2, 3), "a couple": (2, 3), "a few": (2, 5), "few": (2, 5),
    "a handful of": (3, 6), "several": (3, 9), "a dozen": (12, 12), "a": (1, 1), "an": (1, 1),
}

# Nouns that name an event, so "before his death" is a date but "before a judge" is not.
_EVENT_NOUNS = frozenset("""
death passing demise murder killing suicide overdose arrest arraignment indictment charge charging
conviction acquittal verdict trial retrial sentencing sentence plea hearing testimony deposition
appeal ruling decision judgment judgement settlement lawsuit suit filing complaint raid search
seizure investigation probe inquiry inquest autopsy post-mortem postmortem funeral burial memorial
cremation birth wedding marriage divorce engagement separation breakup resignation firing dismissal
ouster retirement departure return arrival release escape disappearance kidnapping abduction rescue
discovery shooting stabbing attack assault bombing explosion blast crash collision accident incident
fire fall collapse derailment injury illness diagnosis stroke hospitalization hospitalisation
admission discharge surgery operation procedure transplant infusion injection dose session
treatment therapy appointment visit checkup examination exam test relapse rehab detox recovery
birthday anniversary election vote referendum primary inauguration swearing-in confirmation
nomination campaign debate summit meeting conference speech interview announcement statement report
publication broadcast premiere launch debut opening closing closure shutdown reopening approval
authorization authorisation recall warning ban merger acquisition takeover bankruptcy default ipo
listing deal agreement signing ceremony concert show tour game match final race tournament
championship invasion war ceasefire truce coup protest riot strike walkout lockdown outbreak
pandemic hurricane storm earthquake quake flood wildfire deadline expiration expiry holiday break
vacation trip flight move transfer sale purchase payment transaction delivery shipment order
prescription call email message post tweet video party dinner event episode encounter confrontation
findings finding
appearance
altercation fight chase pursuit standoff evacuation emergency stay fast overdoses collapse
""".split())
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "me", "us"})
_DETERMINERS = frozenset({"his", "her", "their", "its", "the", "a", "an", "this", "that", "these",
                          "those", "my", "our", "your"})
_AUXILIARIES = frozenset({"was", "were", "had", "has", "have", "got", "is", "are", "did"})
_VERB_FILLERS = frozenset({"not", "never", "been", "being", "already", "also", "just", "finally",
                           "first", "reportedly", "allegedly", "suddenly"})
_COMPLEMENTS = frozenset({"dead", "guilty", "ill", "away", "home", "up", "down", "out", "off",
                          "sick", "unconscious", "unresponsive", "missing", "office", "power"})
# Past forms the "-ed, longer than four letters" rule does not catch: irregular ones, and short
# regular ones ("the day Renner died").
_IRREGULAR_PAST = frozenset("""
went came began begun took taken got gotten found made gave given left fell fallen ran saw seen
became brought bought caught fought held kept lost met paid sold sent spoke spoken stood told wrote
written won shot struck hit quit drove driven flew flown froze frozen grew grown knew known rode rose
risen slept spent stole stolen threw thrown woke woken wore broke broken chose chosen ate eaten drank
drunk pled fled led fed read set put cut let shut said heard thought felt sat built lent meant dealt
taught sought hung arose forgave withdrew withdrawn underwent undergone undertook done gone born sworn
died lied tied used owed
beaten bitten hidden overdosed
""".split())
_NOT_PAST_ED = frozenset({"need", "indeed", "hundred", "speed", "seed", "feed", "breed", "bleed",
                          "proceed", "exceed", "succeed", "bed", "red", "shed", "embed", "weed"})
_NOT_GERUNDS = frozenset({"during", "morning", "evening", "nothing", "something", "anything",
                          "everything", "spring", "king", "thing", "things", "ring", "string",
                          "ceiling", "bring", "sing", "wing", "sibling", "darling", "pudding",
                          "offspring", "according", "including", "regarding", "concerning",
                          "notwithstanding", "following", "preceding", "upcoming"})
# Words that end a noun phrase or a clause inside an anchor phrase.
_ANCHOR_STOPS = frozenset("""
and or but nor which who whom whose that when where while as in on at for from with by to of into
onto than because after before if so then said says say was were is are had has have be been will
would could should may might can must did do does not also during until since upon over under
about against between through throughout amid among per via like unlike despite within without
""".split())
_DISCOURSE_PRONOUNS = frozenset({"that", "this", "then", "it", "those", "these"})
