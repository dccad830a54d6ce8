"""Time expressions in English news sentences: find them and resolve them to day intervals.

Approach
--------
Precompiled, hand-written patterns find *candidates*; each candidate is resolved by
plain calendar arithmetic against the document's publication date; overlapping
candidates are settled by "longest match wins". A bare number never becomes a date
on its own: it must sit next to a month, a weekday, a time unit with a temporal
relation ("ago", "before", "later"), or a temporal preposition ("in 2017"). That is
what keeps ages ("Perry, 54", "54-year-old"), counts ("27 shots"), durations ("for 19
months"), frequencies ("twice a week"), clock times, phone numbers, "COVID-19",
"24/7" and the modal verb "may" out. Month names are matched case-sensitively
(Title or UPPER case); "May" counts as a month only next to a day number or a year,
after in/on/since/until/till/by/during/early/late/mid-/last/next/this, or in a list of
dates ("in April and May").

One sentence is scanned in three passes:

1. calendar expressions — absolute ("Oct. 28", "March 2019", "2023-12-18", "the 1960s",
   "early 2020", "between March and May 2023", "Oct. 26 and 27, 2023", "Christmas") and
   relative to the publication date ("Thursday", "last week", "two years ago", "earlier
   this month", "last spring"); overlaps are settled, longest wins;
2. compounds built on them — bounds ("since 2019", "before Oct. 28", "by the end of
   2025"), ranges of two expressions ("from Monday to Wednesday") and offsets from a
   date ("two days before Christmas");
3. expressions anchored to another event — an offset, a relation and the phrase that
   names the event ("more than a week before" + "his death"), or a discourse anchor
   ("the following day", "two days later", "later that year": the previously mentioned
   dated event).

The span of an ANCHORED expression is the offset phrase with its relation word
("more than a week before"); the anchor phrase is reported apart (`anchor_text`,
`anchor_start`, `anchor_end`) because it may hold a date of its own ("his passing on
Oct. 28"). That date is still returned as its own expression, and it resolves the
anchored one at once; otherwise an ANCHORED date stays unknown until the anchor
event is dated. `date.text` of an anchored expression is the whole phrase,
anchor included, so it reads well as a stored dateText.

Conventions (intervals are closed and counted in whole calendar days)
-------------------------------------------------------------------
Year of a day or month named without one ("Oct. 28", "in March", "Christmas"): the
most recent occurrence on or before the publication date, or the next one on or
after it when the clause speaks of the future. With a partial publication date the
latest possible publication day is the reference for the past and the earliest for
the future, so the answer is one occurrence, not a span of two years. With no usable
publication date (None, a BOUND, or wider than a year) the date is unknown and keeps
its text.

Relative to publication: a bare weekday is the most recent such day on or before the
publication day (news says "said Thursday" on Thursday), or the next on or after it
for the future; "last/next Thursday" is strictly before/after. Calendar units are
calendar units: "last week" is the previous Monday–Sunday week, "last month" the
previous month; "the past week" / "the last two years" are windows ending on the
publication day. When the publication date is only a month (or a year) a relative
expression is resolved for its first and last possible day and the two results are
spanned, so the answer is a RANGE, never a guessed day.

Coordinated dates share what the last of them states: "Oct. 26 and 27, 2023" is Oct. 26
and Oct. 27 of 2023, "26 and 27 October" lends the month backward, "Oct. 26 and 27" forward;
a year stated at the end holds for the items before it, one year earlier where the order
needs it ("Dec. 30 and Jan. 2, 2024" starts on 2023-12-30). Without any year the last item
takes its year from publication and lends it backward. The list is one RANGE from its
earliest to its latest day ("in September and October 2023" = 2023-09-01..2023-10-31,
"in 2019 and 2020" = 2019..2020, "Oct. 26 or 27" likewise): the event is somewhere in that
span, which is also why items that are not contiguous ("in 2019 and 2021") still give the
whole span rather than two dates, one of them wrong. A comma before the last "and" needs
three items ("in 2019, and 2020 was worse" joins two clauses); a list that ends in a bare
number followed by a plural noun is a count ("on Oct. 26 and 27 people died"); a list of
bare months needs the same signal as a bare month ("in September and October").

Parts of periods: early/mid/late of a year = Jan–Apr / May–Aug / Sep–Dec; of a month
= days 1–10 / 11–20 / 21–end; of a decade = years 0–3 / 4–6 / 7–9; "the beginning/
start of" = early, "the end/close of" = late. Seasons are meteorological (northern
hemisphere): spring Mar–May, summer Jun–Aug, fall Sep–Nov, winter Dec–Feb; "winter
2021" is the winter that contains January 2021. Two-digit decades: "the '00s" and
"the '10s" are 2000s/2010s, any other "'Xs" is 19X0s. Holidays are the US ones.
A season is a date only when a year ("summer 2022", "the winter of 2023") or a deictic word
("last spring", "this summer", "next fall") fixes which one; "in the winter" and "a tree in
the spring" are not dates. "That summer" / "that same winter" is a discourse anchor: the
season of the year of the date told before (calendar (0, 0, "summer"); offsets [-365, 365]
when that date is unknown). "that fall" is left out: "drugs that fall under the act".

Offsets from an anchor are [min, max] days relative to the anchor's own interval
(min added to its first day, max to its last; None leaves that side open):

- "N days before X" = [-N, -N]; "after" mirrors with positive numbers; weeks are 7
  days, a month is 28..31 days and N months the shortest..longest run of N calendar
  months, a year 365..366 days, and so on.
- Sub-day units round to calendar days: "6 hours before X" = [-1, 0],
  "36 hours after X" = [1, 2]; "within hours/minutes of X" = [0, 0] (the anchor's day).
- A bare plural unit means "a few of them, fewer than the next unit":
  hours = [-1, 0], days = [-6, -1] (the near side is -1, not -2, because "days before"
  is used loosely for a day and a half), weeks = [-42, -14], months = about two to
  eleven months, years = at least two years with the far side open.
- Vague counts: "a couple of" = 2..3, "a few" = 2..5, "a handful of" = 3..6,
  "several" = 3..9 units.
- "more than / over / at least N before X" = [open, -N]; "less than / under / up to N
  before X" = [-N, 0]; "about / around / roughly N" = N ± 15 % (at least one day);
  "nearly / almost N" = N − 15 % .. N.
- Windows: "in / during / over the N days before X" and "for N days before X" =
  [-N, 0]: N days counted back from a moment during X's day reach into day -N and
  include the earlier part of X's day itself. "after" windows are [0, N];
  "within N days of X" = [0, N]: in news, what happens within a month of a death or an
  arrest follows it. Fronted with no anchor ("Within hours, the hospital issued a
  statement"), it counts from the date told before; "within 30 days" elsewhere in a
  sentence is a deadline, not a date.
- "the day before/after X" = [-1, -1] / [1, 1]; "the night before" = [-1, -1];
  "the day/morning of X" = [0, 0]; "on the eve of X" = [-1, -1]; "the week/month/year
  before X" is a window ([-7, 0], [-31, 0], [-366, 0]).
- Discourse anchors (anchor_text None): "the following/next day/morning" = [1, 1], "the
  previous day" = [-1, -1], "the same day" / "that day" / "later that day" = [0, 0],
  "that night" = [0, 1], "the following week/month/year" = the next calendar unit =
  [1, 13] / [1, 61] / [1, 730] in days, and also one calendar unit on
  (`AnchoredOffset.calendar`), which the event stage applies to the date told before
  ("arrested in January ... indicted the following month" = February; "the following
  week" after a Wednesday = the Monday-to-Sunday week after it; "that year" = the
  anchor's calendar year; "the following spring" = the first spring to begin after the
  anchor), "two days later" = [2, 2], "days later" = [1, 6];
  "the day before" / "the day after" / "a day earlier" / "the day prior" with no event
  phrase after them = [-1, -1] / [1, 1] / [-1, -1] / [-1, -1], also when a preposition,
  a conjunction or a bare "that" follows ("a day before to ask", "two days before that").
- The same calendar unit as the anchor: the offsets reach every day of a week / month /
  year that holds the anchor's day, wherever in it the anchor falls — 6 / 30 / 365 days —
  because an offset cannot say "the same calendar year". So "that week / the same
  month / that year" = [-6, 6] / [-30, 30] / [-365, 365]; "later that week / month /
  year" = [1, 6] / [1, 30] / [1, 365] ("later" leaves out the anchor's own day: that would
  be "later that day"); "earlier that ..." mirrors them. The claim is never narrower
  than the text; it can be wider (past the year's end). "the same year as X" anchors on
  X only when X names an event ("the same month as his arrest"); "the same year as his
  brother" is not a date.
- Without a count: "before/prior to/until X" = [open, 0], "after/following/since X"
  = [0, open], "during / at the time of X" = [0, 0]; "shortly/soon before X" =
  [-7, 0], "just/immediately/right/moments before X" = [-1, 0], "long/well before X"
  = [open, -30]; "after" mirrors them. Without a count the anchor must be a clause
  ("before he died", "after police arrived"), a gerund ("after pleading guilty") or a
  noun phrase headed by an event noun ("his death", "the verdict"), so "before a judge"
  is not a date.

Bounds on a date: "since/starting/beginning X" = [X.start, open]; "until/through/by X"
= [open, X.end]; "before/prior to X" = [open, X.start - 1]; "after X" =
[X.end + 1, open].

Tense: an expression is in the future when the nearest tense marker in its clause is
a future one ("will", "is scheduled/expected/set/due to", "plans to", "upcoming", a
present tense after "when"/"until": "when he is sentenced"...), or when the expression
itself points forward ("tomorrow", "next year", "later this month", "in the coming
weeks"); past or neutral otherwise. Present-tense schedule verbs
are future markers: "ends", "begins", "starts", "opens", "closes", "expires", "resumes",
"faces sentencing", "awaits trial",
"takes effect", "takes place", "runs through"... ("the comment period ends Jan. 16" is the
next Jan. 16 on or after publication, as for any future date, so an article published on
Jan. 16 means that day). Their plural forms ("hearings begin March 3") count only right
after a plural-looking subject word, because "begin", "end" and "start" are also
infinitives and nouns ("to begin", "the end of March").

"in two weeks" is a date only in a future clause; in a past one it is a duration.

Known gaps: dates in other languages; ordinal days without a month ("on the 28th");
lists of decades, weekdays or holidays ("the 1990s and 2000s", "Monday and Tuesday")
stay separate dates; fiscal years and quarters without a year; anchors to a calendar
unit of another event ("the year of his death", "that summer"); offsets cannot stop at
a calendar boundary, so "later that year" reaches 365 days past the anchor even when
that crosses New Year; times of day (dropped, so "11 p.m. the night before" never shifts
a day); present-tense headlines about the past ("Trial opens Jan. 23" published on
Jan. 24 reads as the next Jan. 23) and copular schedules ("the deadline is Jan. 16",
read as neutral, hence past); tense is a nearest-marker heuristic, not a parse.

Speed: every pattern is compiled once; long word lists are compiled as tries (see
`_alternation`); a sentence with no trigger word is skipped outright, and groups of
patterns that need a digit, a month name, a season word or a unit word are skipped when
the sentence has none; tense markers and clause breaks are found once per sentence.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache, partial

from loaders.records import MONTH_NAMES, SEASON_FIRST_MONTH, WEEKDAY_NAMES, FuzzyDate, Precision, week_of

__all__ = ["ABSOLUTE", "ANCHORED", "RELATIVE", "AnchoredOffset", "TimeExpression", "find_time_expressions", "whole_number"]

ABSOLUTE = "ABSOLUTE"
RELATIVE = "RELATIVE"  # to the publication date
ANCHORED = "ANCHORED"  # to another event named in the text


@dataclass(frozen=True, slots=True)
class AnchoredOffset:
    """A date relative to another event named in the text: 'more than a week before his death'.

    The claimed interval is [anchor.start + min_offset_days, anchor.end + max_offset_days].
    `anchor_text` is the phrase naming the anchor event; None for discourse anchors
    ('the following day' = the previously mentioned dated event). `anchor_start` and
    `anchor_end` index the same text as `TimeExpression.start` (the `offset` is added).
    """

    min_offset_days: int | None
    max_offset_days: int | None
    anchor_text: str | None
    anchor_start: int | None
    anchor_end: int | None
    # The offsets in whole calendar months or years, when the text counts in them: "the
    # following month" = (1, 1, "month"), "that year" = (0, 0, "year"). The day offsets
    # then cover every such unit; a known anchor date gives the exact one.
    calendar: tuple[int, int, str] | None = None


@dataclass(frozen=True, slots=True)
class TimeExpression:
    start: int
    end: int
    text: str
    kind: str  # ABSOLUTE | RELATIVE | ANCHORED
    date: FuzzyDate
    anchor: AnchoredOffset | None = None
    future: bool = False


# --------------------------------------------------------------------------- words

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
_IRREGULAR_PAST = frozenset("""
went came began begun took taken got gotten found made gave given left fell fallen ran saw seen
became brought bought caught fought held kept lost met paid sold sent spoke spoken stood told wrote
written won shot struck hit quit drove driven flew flown froze frozen grew grown knew known rode rose
risen slept spent stole stolen threw thrown woke woken wore broke broken chose chosen ate eaten drank
drunk pled fled led fed read set put cut let shut said heard thought felt sat built lent meant dealt
taught sought hung arose forgave withdrew withdrawn underwent undergone undertook done gone born sworn
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

# --------------------------------------------------------------------------- regex pieces


def _cased(words: Iterable[str]) -> str:
    """Title and UPPER case forms of each word (lower case stays out: 'may', 'march')."""
    return _alternation({form for word in words for form in (word, word.upper())})


def _alternation(words: Iterable[str]) -> str:
    """A pattern for any of `words` (a space matches any run of whitespace), longer words preferred.

    Written as a trie ("a(?:pr(?:il)?|ug(?:ust)?)" rather than "april|apr|august|aug"): the engine
    then follows one branch per character instead of trying every word at every position, which
    makes the long word lists here several times faster to scan.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(tree)


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_pattern(child)
                for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # greedy: the longer word is tried first


_MONTH = (rf"(?:(?:{_cased(MONTH_NAMES)})|(?:{_cased(w.title() for w in _MONTH_ABBREVIATIONS)})\.?)"
          r"(?![A-Za-z])")
_WEEKDAY = rf"(?:{_cased(WEEKDAY_NAMES)})(?![A-Za-z])"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,:/]\d)"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d)"
_PART_OF_DAY = r"(?i:morning|afternoon|evening|night)"

_QUANT = ("(?i:" + r"(?<![/\d])\d+(?:,\d{3})*(?:\.\d+)?(?:\s?[½¼¾]|\s+1/2)?(?![\d.,/]\d)|[½¼¾]|"
          + rf"(?:{_alternation(_TENS)})(?:[-\s](?:{_alternation(list(_SMALL_NUMBERS)[:9])}))?|"
          + _alternation(list(_SMALL_NUMBERS) + list(_VAGUE_COUNTS)) + ")")
_UNIT = r"(?i:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?|decades?)(?![\w-])"
_BARE_UNIT = r"(?i:seconds|minutes|hours|days|nights|weeks|months|years|decades)(?![\w-])"

_MORE = ("more than", "over", "at least", "upwards of", "no less than", "well over", "in excess of")
_CLOSE_ABOVE = ("just over", "a little over", "a little more than", "little more than", "slightly more than")
_LESS = ("less than", "under", "fewer than", "no more than", "up to", "not more than")
_NEARLY = ("nearly", "almost", "close to", "just under", "a little less than", "slightly less than")
_ABOUT = ("about", "around", "roughly", "approximately", "some", "an estimated")
_EXACT = ("just", "only", "exactly", "precisely", "barely", "a mere", "mere", "merely", "a full", "fully")
_QMOD = rf"(?i:{_alternation(_MORE + _CLOSE_ABOVE + _LESS + _NEARLY + _ABOUT + _EXACT)})"
_QPHRASE = (rf"(?:(?P<mod>{_QMOD})\s+)?"
            rf"(?:(?P<num>{_QUANT})\s+(?P<unit>{_UNIT})(?P<half>\s+(?i:and\s+a\s+half))?"
            rf"|(?<![\d½¼¾]\s)(?P<bare>{_BARE_UNIT}))")  # "1½ weeks" is not bare "weeks"
_REL_POINT = r"(?i:before|after|prior\s+to|following|preceding|ahead\s+of|earlier\s+than|later\s+than)"

_MDY_RE = re.compile(rf"(?<![\w.])(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<m>{_MONTH})\s+(?P<d>{_DAY})"
                     rf"(?:(?:,\s*|\s+)(?P<y>{_YEAR}))?")
_DMY_RE = re.compile(rf"(?<![\w.,$/-])(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:(?i:the)\s+)?(?P<d>{_DAY})"
                     rf"(?:\s+of)?\s+(?P<m>{_MONTH})(?:,?\s+(?P<y>{_YEAR}))?")
_MY_RE = re.compile(rf"(?<![\w.])(?P<m>{_MONTH}),?\s+(?:of\s+)?(?P<y>{_YEAR})")
_ISO_RE = re.compile(r"(?<![\w/.-])(?P<y>1[6-9]\d\d|20\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d|[-/.]\d)")
_SLASH_RE = re.compile(r"(?<![\w/.-])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>1[6-9]\d\d|20\d\d)(?![\w/]|[.-]\d)")
_BARE_MONTH_RE = re.compile(rf"(?<![\w-])(?P<m>{_MONTH})")
_YEAR_RE = re.compile(rf"(?<![\w$£€#./'’-])(?P<y>{_YEAR})(?![-–/]\d|['’]s)")
_DECADE_RE = re.compile(
    r"(?<![\w$'’-])(?:(?P<the>[Tt]he)\s+)?(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?"
    r"(?:(?P<full>1[6-9]\d0|20\d0)['’]?s|['’](?P<short>\d0)s|(?P<bare>[1-9]0)s)(?!\w)")
_CENTURY_RE = re.compile(
    r"(?<![\w-])(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?"
    r"(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[-\s](?i:century)(?!\w)")
_SEASON_RE = re.compile(
    r"(?<![\w-])(?:(?P<rel>(?i:last|next|this\s+past|this\s+coming|this|past))\s+)?"
    r"(?:(?P<mod>(?i:early|mid|late))(?:\s*-\s*|\s+))?"
    r"(?P<s>(?i:spring|summer|autumn|fall|winter))"
    rf"(?:,?\s+(?:(?i:of)\s+)?(?P<y>{_YEAR})(?:[-–/](?P<y2>\d\d(?:\d\d)?)(?!\d))?)?(?![\w-])")
_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "new year's eve": (12, 31), "new year's day": (1, 1), "new year's": (1, 1),
    "halloween": (10, 31), "valentine's day": (2, 14), "independence day": (7, 4),
    "the fourth of july": (7, 4), "july fourth": (7, 4),
}
_HOLIDAY_NAMES = (
    r"Christmas\s+Eve", r"Christmas\s+Day", r"Christmas", r"New\s+Year['’]s\s+Eve", r"New\s+Year['’]s\s+Day",
    r"New\s+Year['’]s", r"Halloween", r"Valentine['’]s\s+Day", r"Independence\s+Day",
    r"[Tt]he\s+Fourth\s+of\s+July", r"July\s+Fourth", r"Thanksgiving(?:\s+Day)?", r"Labor\s+Day",
    r"Memorial\s+Day", r"Easter(?:\s+Sunday)?", r"Good\s+Friday",
)
_HOLIDAY_RE = re.compile(
    rf"(?<![\w-])(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>{'|'.join(_HOLIDAY_NAMES)})"
    rf"(?:,?\s+(?P<y>{_YEAR}))?(?![\w-])")
_QNAME_RE = re.compile(r"(?<![\w-])(?P<qh>[QH])(?P<n>[1-4])(?:\s+of)?\s*(?:(?P<y>(?:1[6-9]|20)\d\d)|['’](?P<yy>\d\d))(?![\w])")

_PART_PREFIX = (r"(?i:(?:the\s+)?(?:very\s+)?(?P<pp>early|beginning\s+of|start\s+of|mid|middle\s+of|late|"
                r"end\s+of|close\s+of|turn\s+of|first\s+half\s+of|second\s+half\s+of|"
                r"(?:first|second|third|fourth|1st|2nd|3rd|4th|final|last)\s+quarter\s+of|"
                r"(?:first|second|third|fourth|last|final)\s+week\s+of))")
_PART_RE = re.compile(
    rf"(?<![\w-]){_PART_PREFIX}(?:\s*-\s*|\s+)(?:(?i:in)\s+)?"
    rf"(?:(?P<rm>{_MONTH})(?:,?\s+(?:of\s+)?(?P<rmy>{_YEAR}))?"
    rf"|(?P<ry>{_YEAR})(?![-–/]\d)"
    r"|(?:(?i:the)\s+)?(?P<rdec>(?:1[6-9]\d0|20\d0)['’]?s|['’]\d0s)"
    r"|(?P<rrel>(?i:this|last|next|the))\s+(?P<runit>(?i:year|month|decade|week)))(?![\w])")

_SIDE = (r"(?:(?P<m{n}>{month})(?:\s+(?P<d{n}>{day}))?(?:,?\s+(?P<y{n}>{year}))?|(?P<yo{n}>{year}))")
_BETWEEN_RE = re.compile(
    rf"(?<![\w-])(?P<kw>(?i:between|from))\s+{_SIDE.format(n=1, month=_MONTH, day=_DAY, year=_YEAR)}"
    rf"\s*(?:(?i:and|to|through|thru|until|till)\s+|[-–]\s*){_SIDE.format(n=2, month=_MONTH, day=_DAY, year=_YEAR)}")
_DAY_SPAN_RE = re.compile(rf"(?<![\w.])(?P<m>{_MONTH})\s+(?P<d1>{_DAY})\s*[-–]\s*(?P<d2>{_DAY})"
                          rf"(?:,?\s+(?P<y>{_YEAR}))?")
_MONTH_SPAN_RE = re.compile(rf"(?<![\w.])(?P<m1>{_MONTH})\s*[-–/]\s*(?P<m2>{_MONTH}),?\s+(?P<y>{_YEAR})")
_YEAR_SPAN_RE = re.compile(r"(?<![\w$£€#./'’-])(?P<y1>1[6-9]\d\d|20\d\d)\s*[-–]\s*(?P<y2>(?:1[6-9]|20)?\d\d)(?![\w-]|[.,/]\d)")
# Coordinated dates that share a year or a month: "September and October 2023", "Oct. 26 and 27, 2023",
# "26 and 27 October", "2019 and 2020", "March, April and May 2021". One item is a year, or a month
# and/or a day with an optional year; items are joined by commas and a final "and"/"or".
_LIST_ITEM = (rf"(?:{_YEAR}|(?:{_MONTH}(?:\s+{_DAY})?|{_DAY}(?:\s+(?:of\s+)?{_MONTH})?)(?:,?\s+{_YEAR})?)")
_LIST_RE = re.compile(rf"(?<![\w.,$/-]){_LIST_ITEM}(?:\s*,\s*{_LIST_ITEM})*(?:\s*,)?\s+(?i:and|or)\s+{_LIST_ITEM}")
_LIST_ITEM_RE = re.compile(
    rf"(?P<yo>{_YEAR})|(?:(?P<m>{_MONTH})(?:\s+(?P<d>{_DAY}))?|(?P<d2>{_DAY})(?:\s+(?:of\s+)?(?P<m2>{_MONTH}))?)"
    rf"(?:,?\s+(?P<y>{_YEAR}))?")
_LIST_SEP_RE = re.compile(r"\s*,(?!\s*(?i:and|or)\s)\s*|(?:\s*,)?\s+(?i:and|or)\s+")
# After a list ending in a bare number, a plural noun makes the number a count: "Oct. 26 and 27 people".
_COUNT_NOUN_AFTER_RE = re.compile(r"\s+(?:[a-z]*[b-hj-rtv-z]s|people|percent|men|women|children)\b")

_DAYWORD_RE = re.compile(
    r"(?<![\w-])(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
    r"tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|later\s+today))"
    rf"(?:\s+(?P<part>{_PART_OF_DAY}))?(?![\w-])")
_LNT_RE = re.compile(
    r"(?<![\w-])(?P<rel>(?i:last|next|this\s+past|this\s+coming|this))\s+"
    rf"(?P<what>(?i:week|weekend|month|year|quarter|decade)(?![\w-])|{_WEEKDAY}|{_MONTH})"
    rf"(?:\s+(?P<part>{_PART_OF_DAY})(?![\w-]))?")
_EARLIER_THIS_RE = re.compile(r"(?<![\w-])(?P<dir>(?i:earlier|later))\s+(?i:this)\s+(?P<u>(?i:week|month|year))(?![\w-])")
_WEEKDAY_RE = re.compile(rf"(?<![\w-])(?P<wd>{_WEEKDAY})(?:\s+(?P<part>{_PART_OF_DAY})(?![\w-]))?")
_AGO_RE = re.compile(rf"(?<![\w-]){_QPHRASE}\s+(?i:ago)(?![\w-])")
_PAST_WINDOW_RE = re.compile(
    rf"(?<![\w-])(?i:the|this)\s+(?i:past|last)\s+(?:(?P<num>{_QUANT})\s+)?(?P<unit>{_UNIT})(?!\s+(?i:of|before|after|since)\b)")
_FUTURE_WINDOW_RE = re.compile(
    rf"(?<![\w-])(?:(?P<prep>(?i:in|within|over|during|for))\s+)?(?i:the)\s+(?P<nx>(?i:next|coming))\s+"
    rf"(?:(?P<num>{_QUANT})\s+)?(?P<unit>{_UNIT})(?!\s+(?i:of|after|before)\b)")
_IN_N_RE = re.compile(rf"(?<![\w-])(?i:in)\s+(?P<num>{_QUANT})\s+(?P<unit>{_UNIT})"
                      r"(?!\s+(?i:of|ago|before|after|since|later|earlier|time)\b)")

_OFFSET_RE = re.compile(rf"(?<![\w-]){_QPHRASE}\s+(?P<rel>{_REL_POINT})(?![\w-])")
_LATER_RE = re.compile(rf"(?<![\w-]){_QPHRASE}\s+(?P<rel>(?i:later|earlier|afterwards?|beforehand|on|prior))"
                       r"(?![\w-])(?!\s+(?i:than|to)\b)")
_WINDOW_RE = re.compile(
    r"(?<![\w-])(?:(?P<prep>(?i:in|during|over|within|throughout|for|across))\s+)?(?P<the>(?i:the)\s+)?"
    r"(?:(?P<adj>(?i:final|last|first|previous|preceding|following|next))\s+)?"
    rf"{_QPHRASE}\s+(?P<rel>(?i:before|leading\s+up\s+to|preceding|prior\s+to|ahead\s+of|after|following|since))(?![\w-])")
_WITHIN_OF_RE = re.compile(rf"(?<![\w-])(?i:within)\s+{_QPHRASE}\s+(?i:of)(?![\w-])")
_WITHIN_FRONTED_RE = re.compile(rf"(?<![\w-])(?i:within)\s+{_QPHRASE}(?=\s*,)")
_THE_UNIT_RE = re.compile(
    r"(?<![\w-])(?:(?i:on)\s+)?(?i:the)\s+(?P<u>(?i:day|night|morning|evening|afternoon|week|weekend|month|year|eve))"
    r"\s+(?P<rel>(?i:before|after|of|following|preceding|prior\s+to|prior))(?![\w-])")
_DISCOURSE_RE = re.compile(
    r"(?<![\w-])(?P<d>(?i:the\s+(?P<dir>following|next|previous|preceding|prior)\s+"
    r"(?P<u>day|morning|night|evening|afternoon|week|weekend|month|year|spring|summer|fall|autumn|winter)"
    r"|(?P<same>(?P<dir2>later|earlier)\s+that(?:\s+same)?|that\s+same|the\s+same|that)\s+"
    r"(?P<su>day|morning|afternoon|evening|night|week|month|year|spring|summer|autumn|winter)))"
    r"(?![\w-])")
_BARE_REL_RE = re.compile(
    r"(?<![\w-])(?:(?P<mod>(?i:shortly|soon|just|immediately|right|moments|not\s+long|long|well|only|even))\s+)?"
    r"(?P<rel>(?i:before|after|prior\s+to|following|until|till|up\s+until|since|during|at\s+the\s+time\s+of|"
    r"ahead\s+of|in\s+the\s+run-up\s+to|in\s+the\s+lead-up\s+to|in\s+the\s+wake\s+of|in\s+the\s+aftermath\s+of))"
    r"(?![\w-])")

_BOUND_SIGNAL_RE = re.compile(
    r"(?<![\w-])(?P<sig>(?i:since|until|till|up\s+until|up\s+to|through|thru|by|before|after|prior\s+to|"
    r"starting(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on))?|no\s+later\s+than|not\s+later\s+than|"
    r"earlier\s+than|later\s+than|no\s+earlier\s+than))\s+$")
_RANGE_OPEN_RE = re.compile(r"(?<![\w-])(?i:between|from)\s+$")
_RANGE_JOIN_RE = re.compile(r"\s*(?:(?i:and|to|through|thru|until|till)\s+|[-–]\s*)")
_FREQUENCY_BEFORE_RE = re.compile(r"(?i:\b(?:twice|once|times|per|every|each|other|a|an))\s+$")

# Signals that make a bare month name a month ("in March"); "May" gets only the first list.
_MAY_SIGNAL_RE = re.compile(r"(?<![\w-])(?i:in|on|since|until|till|by|during|early|late|last|next|this|that)\s+$|(?i:mid)\s*-\s*$")
_MONTH_SIGNAL_RE = re.compile(
    r"(?<![\w-])(?i:in|on|since|until|till|by|during|early|late|last|next|this|that|through|throughout|from|"
    r"before|after|of|between|for)\s+$|(?i:mid)\s*-\s*$")
# "arrested that August": the month of the year the story is telling, resolved in
# narrative_months once the document's earlier dates are known.
_THAT_MONTH_RE = re.compile(r"(?<![\w-])(?i:that)\s+$")
# "April of that year", "July that year": the month of the year the story last named.
_OF_THAT_YEAR_GAP_RE = re.compile(r"\s+(?:of\s+)?")
_EXPLICIT_YEAR_RE = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b")
_STRONG_YEAR_SIGNAL_RE = re.compile(
    r"(?<![\w-])(?i:in|since|until|till|by|during|before|after|from|through|throughout|around|circa|"
    r"as\s+of|early|late|year|c\.)\s+$")
_DETERMINER_YEAR_SIGNAL_RE = re.compile(r"(?<![\w-])(?i:the|a|an|his|her|their|its|this|that|our|my|your)\s+$")
# "in 2019 to 2020"; coordinated years ("2019 and 2020") are lists, dated only when the first year is.
_YEAR_LIST_RE = re.compile(r"(?:1[6-9]\d\d|20\d\d)s?\s+(?i:to|through)\s+$")
# "his last fall" / "a fall" is a tumble, not autumn.
_FALL_NOUN_BEFORE_RE = re.compile(r"(?<![\w-])(?i:his|her|their|its|my|our|your|a|an|another|the|that)\s+$")
_HOLIDAY_SIGNAL_RE = re.compile(
    r"(?<![\w-])(?i:on|at|over|by|before|after|since|until|till|around|for|during|through|of|from|"
    r"(?:over|during|before|after|since|until|around)\s+the)\s+$")
_WEEKDAY_BLOCK_RE = re.compile(r"(?:\b(?i:every|each|alternate|a|an)|\b(?:Super|Black|Cyber|Ash|Easter|Palm|Good|Holy|"
                               r"Maundy|Bloody|Giving|Fat|Shrove|Small\s+Business))\s+$")
# A weekday inside a title: "the Sunday Times", "Monday Night Football".
_WEEKDAY_TITLE_RE = re.compile(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Independent|Tribune|Mail|Sport|"
                               r"Night\s+(?:Football|Live)|School|Service|Club|Mass|Edition|Magazine)\b")
_SENTENCE_START_RE = re.compile(r"^[\s\"'“‘(\[]*$")
_CAPITALISED_DEICTIC_RE = re.compile(r"(?:This|Next|Last|Today|Tonight|Tomorrow|Yesterday|Earlier|Later)\b")
# Where a capital may open a clause: the start, or after a stop, a colon, a dash or a quote.
_CLAUSE_OPENING_RE = re.compile(r"(?:^|[.:;!?—–\-\"“‘'(\[])\s*$")

_FUTURE_MARKER_RE = re.compile(
    r"(?=[\w'’])(?:\b(?-i:will|WILL|shall|won['’]t)\b|['’]ll\b|"  # not "Will Smith"
    r"\b(?:is|are|am|['’]s|['’]re)\s+(?:not\s+)?(?:scheduled|set|expected|due|slated|poised|planned|planning|"
    r"going|likely|anticipated|to\s+be)\b|\b(?:scheduled|set|slated|due)\s+(?:for|to)\b|"
    r"\b(?:plans?|intends?|aims?|vows?|promises?|threatens?|hopes?)\s+to\b|\b(?:upcoming|forthcoming)\b|"
    r"\b(?:set|sets|scheduled|schedules|slated)\s+(?:\w+\s+){1,4}for\b|"  # "set a (joint jury) trial for Jan. 12"
    # A present tense after "when"/"until" tells what is still to come: "faces 20 years when he is sentenced".
    r"\b(?:when|once|until|till)\s+(?:he|she|they|it)\s+(?:(?:is|are)\s+\w+(?:ed|en)|appears?|returns?|pleads?|stands?|goes|go)\b)",
    re.IGNORECASE)
# A date something is moved to is still to come: "postponed the trial to Aug. 19".
_MOVED_TO_RE = re.compile(
    r"\b(?i:postpon|delay|reschedul|adjourn|push(?:ed|es|ing)?\s+back|pushed)\w*\b[^.;:]{0,80}?\b(?i:to|until|till)\s+$")
# Present-tense schedule verbs: "the comment period ends Jan. 16", "the rule takes effect July 1".
# Third-person forms stand alone; plural forms ("hearings begin March 3") need a plural subject
# word right before them and are checked in code, because "begin"/"end"/"start" are also infinitives and nouns.
_SCHEDULE_VERB_3RD_RE = re.compile(
    r"\b(?<!loose\s)(?<!odds\sand\s)(?<!fits\sand\s)(?:ends|begins|starts|opens(?!\s+up\b)|closes|expires|resumes|reopens|"
    r"concludes|commences|kicks\s+off|runs\s+(?:through|until|till)|takes\s+(?:effect|place)|goes\s+into\s+effect|"
    r"comes\s+into\s+(?:effect|force)|becomes\s+effective|faces\s+(?:sentencing|trial|a\s+hearing)|"
    r"awaits\s+(?:sentencing|trial))\b", re.IGNORECASE)
_SCHEDULE_VERB_PLURAL_RE = re.compile(
    r"\b(?:end|begin|start|open(?!\s+up\b)|close|expire|resume|reopen|conclude|commence|kick\s+off|"
    r"run\s+(?:through|until|till)|take\s+(?:effect|place)|go\s+into\s+effect|come\s+into\s+(?:effect|force)|"
    r"become\s+effective)\b", re.IGNORECASE)
_PLURAL_SUBJECT_RE = re.compile(r"(?:\b(?:they|we|you|They|We|You)|[A-Za-z]*[a-z][b-hj-rtv-z]s)\s+$")
_PAST_MARKER_RE = re.compile(  # (?=\w): only word starts, so the alternation is not tried at word ends
    r"\b(?=\w)(?:(?:has|have)\s+(?:been\s+)?\w+(?:ed|en)|was|were|had|did|said|told|\w{2,}ed|"
    + _alternation(_IRREGULAR_PAST) + r")\b", re.IGNORECASE)
_PARTICIPLE_LEAD_RE = re.compile(r"\b(?:be|been|being|is|are|am|to|will|get|gets)\s+$", re.IGNORECASE)
# A participle after a determiner, a preposition or an infinitive's verb describes a noun and
# tells no tense: "publish updated guidance by June 30", "a hearing on compounded ketamine".
_ATTRIBUTIVE_LEAD_RE = re.compile(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|these|those|of|for|on|about|with|without|into|from|in)|"
    r"\bto\s+(?!(?:have|be|been|get)\s)\w+)\s+$", re.IGNORECASE)
_CLAUSE_BREAK_RE = re.compile(
    r"[;:!?\"“”]|(?<![A-Z])(?<![A-Z][a-z])(?<![A-Z][a-z][a-z])\.(?:\s|$)|\s[—–-]\s|[—–]|"  # not "Oct." / "Dr."
    r",\s+(?i:and|but|while|whereas|although|though|so)\b|"
    r"\b(?i:but|whereas|although)\b")
_COMMA_RE = re.compile(r",")
_WORD_RE = re.compile(r"[A-Za-z0-9](?:[\w'’\-]*\w|['’])?")
_SPACES_RE = re.compile(r"[ \t]+|\s(?=\S)")
_DATE_TAIL_RE = re.compile(r"\s+(?i:on|in)\s+")
_AS_RE = re.compile(r"\s+(?i:as)(?=\s)")
_CLAUSE_END_RE = re.compile(r"\s*(?:[.,;:!?)]|$)")
# Words that cannot begin an anchor phrase: after "a day before" they leave the anchor to the discourse.
_NO_ANCHOR_NEXT_RE = re.compile(
    r"\s+(?:(?:and|but|or|so|then|to|in|at|on|with|without|from|for|near|inside|outside|into|while|when|as|"
    r"because|although|though|again|too|also|already)\b|(?:that|then|this)\s*(?:[.,;:!?)]|$))")
# "He said that week was hard": "that" opens a clause there, not a reference to a week.
_COMPLEMENTIZER_BEFORE_RE = re.compile(
    r"(?<![\w-])(?i:said|says|say|told|tells|tell|claimed|claims|noted|notes|added|adds|reported|reports|"
    r"thought|thinks|think|believed|believes|believe|knew|knows|know|so|such|showed|shows|found|finds|meant|means)\s+$")
_NON_DIGITS_RE = re.compile(r"\D")
_FOLLOWING_WORD_RE = re.compile(r"\s*([A-Za-z]+)")
_YEAR_AS_SUBJECT_RE = re.compile(r"\s*(?:,|(?:was|were|saw|is|has|had|marked|brought|began|ended|will)\b)")
_TEMPERATURE_RE = re.compile(r"(?i)degree|temperature|°|\bscore")
_THE_BEFORE_RE = re.compile(r"(?i)\bthe\s+$")
_DECIMAL_RE = re.compile(r"\d+(?:\.\d+)?")
_NUMBER_WORD_SPLIT_RE = re.compile(r"[-\s]+")
# Searched in the lower-cased text: a case-insensitive alternation this long is several times slower.
_TRIGGER_RE = re.compile(r"\d|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|eve)\b|" + _alternation("""
january february march april may june july august september october november december day night week month
year decade century hour minute second fortnight spring summer autumn fall winter christmas halloween easter
thanksgiving before after prior since until till during following ahead morning evening afternoon tonight
tomorrow yesterday later earlier wake aftermath run-up lead-up
""".split() + ["time of"]))
# Cheap look-ups that let a sentence skip whole groups of patterns that cannot match in it:
# every quantity pattern ("two days before", "weeks ago", "in the past year") needs a unit word.
_UNIT_WORD_RE = re.compile(r"second|minute|hour|day|night|week|fortnight|month|year|decade")
_DIGIT_RE = re.compile(r"\d")
_MONTH_WORD_RE = re.compile(_MONTH)
_SEASON_WORD_RE = re.compile(r"spring|summer|autumn|fall|winter")


# --------------------------------------------------------------------------- calendar helpers


def _month_end(year: int, month: int) -> date:
    return FuzzyDate.month(year, month).end  # type: ignore[return-value]


def _add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    return date(year, month, (h + leap - 7 * m + 114) % 31 + 1)


def _holiday(name: str, year: int) -> date | None:
    key = " ".join(name.lower().replace("’", "'").split())
    if key in _HOLIDAYS:
        return _safe_date(year, *_HOLIDAYS[key])
    if key.startswith("thanksgiving"):
        return _weekday_on_or_after(date(year, 11, 1), 3) + timedelta(days=21)
    if key == "labor day":
        return _weekday_on_or_after(date(year, 9, 1), 0)
    if key == "memorial day":
        return _weekday_on_or_before(date(year, 5, 31), 0)
    if key.startswith("easter"):
        return _easter(year)
    if key == "good friday":
        return _easter(year) - timedelta(days=2)
    return None


def _season(name: str, first_year: int) -> tuple[date, date]:
    """The season that starts in `first_year` (winter runs into the next year)."""
    start_month = SEASON_FIRST_MONTH[name.lower()]
    end_year, end_month = _add_months(first_year, start_month, 2)
    return date(first_year, start_month, 1), _month_end(end_year, end_month)


def _thirds(start: date, end: date, part: str) -> tuple[date, date]:
    """Early / mid / late third of an interval, by days."""
    length = (end - start).days + 1
    cut1, cut2 = length // 3, (2 * length) // 3
    if part == "early":
        return start, start + timedelta(days=cut1 - 1)
    if part == "mid":
        return start + timedelta(days=cut1), start + timedelta(days=cut2 - 1)
    return start + timedelta(days=cut2), end


@lru_cache(maxsize=256)
def _months_in_days(count: int) -> tuple[int, int]:
    """Fewest and most days that `count` consecutive calendar months can span."""
    lengths = [(_month_end(y, m) - date(y, m, 1)).days + 1 for y in range(2000, 2004) for m in range(1, 13)]
    cycle = lengths * (count // 48 + 2)
    sums = [sum(cycle[i:i + count]) for i in range(48)]
    return min(sums), max(sums)


@lru_cache(maxsize=256)
def _years_in_days(count: int) -> tuple[int, int]:
    """Fewest and most days that `count` consecutive calendar years can span (over a 400-year cycle)."""
    lengths = [366 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 365 for y in range(2000, 2400 + count)]
    sums = [sum(lengths[i:i + count]) for i in range(400)]
    return min(sums), max(sums)


def _unit_name(raw: str) -> str:
    unit = raw.lower()
    return unit[:-1] if unit.endswith("s") else unit


def _unit_days(unit: str, count: float) -> tuple[int, int]:
    """Fewest and most calendar days between two moments `count` units apart."""
    hours = {"second": 1 / 3600, "minute": 1 / 60, "hour": 1.0}.get(unit)
    if hours is not None:
        total = count * hours / 24
        return math.floor(total), math.ceil(total)
    whole, fraction = int(count), count - int(count)
    lo, hi = _whole_unit_days(unit, whole) if whole else (0, 0)
    if fraction:  # "1½ weeks", "a year and a half"
        unit_lo, unit_hi = _whole_unit_days(unit, 1)
        lo, hi = lo + math.floor(fraction * unit_lo), hi + math.ceil(fraction * unit_hi)
    return lo, hi


def _whole_unit_days(unit: str, count: int) -> tuple[int, int]:
    if unit in ("day", "night"):
        return count, count
    if unit == "week":
        return 7 * count, 7 * count
    if unit == "fortnight":
        return 14 * count, 14 * count
    if unit == "month":
        return _months_in_days(count)
    if unit == "year":
        return _years_in_days(count)
    return _years_in_days(10 * count)  # decade


def _bare_plural_days(unit: str) -> tuple[int, int | None]:
    """A plural unit with no count ('days before') = a few of them, fewer than the next unit."""
    if unit in ("second", "minute", "hour"):
        return 0, 1
    if unit in ("day", "night"):
        return 1, 6
    if unit == "week":
        return 14, 42
    if unit == "month":
        return _months_in_days(2)[0], _months_in_days(11)[1]
    if unit == "year":
        return _years_in_days(2)[0], None
    return _years_in_days(20)[0], None


_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75}


def whole_number(raw: str) -> int | None:
    """An exact whole count in words or digits: "four" = 4, "12" = 12; "several" = None."""
    counted = _plain_count(raw)
    if counted is None or counted[0] != counted[1] or counted[0] != int(counted[0]):
        return None
    return int(counted[0])


def _count(raw: str, half: bool = False) -> tuple[float, float] | None:
    """A count as (fewest, most): 'three' = (3, 3), 'several' = (3, 9), '1½' = (1.5, 1.5)."""
    counted = _plain_count(raw)
    if counted is None or not half:
        return counted
    return counted[0] + 0.5, counted[1] + 0.5


def _plain_count(raw: str) -> tuple[float, float] | None:
    words = " ".join(raw.lower().split())
    if words in _VAGUE_COUNTS:
        return _VAGUE_COUNTS[words]
    words = words.replace(" 1/2", "½")
    fraction = _FRACTIONS.get(words[-1:], 0.0)
    digits = words.rstrip("½¼¾ ").replace(",", "")
    if fraction and not digits:
        return fraction, fraction
    if _DECIMAL_RE.fullmatch(digits):
        value = float(digits) + fraction
        return (value, value) if value > 0 else None
    total = 0
    for part in _NUMBER_WORD_SPLIT_RE.split(words):
        if part in _TENS:
            total += _TENS[part]
        elif part in _SMALL_NUMBERS:
            total += _SMALL_NUMBERS[part]
        else:
            return None
    return (total, total) if total else None


def _tolerance(days: int) -> int:
    return max(1, round(days * 0.15))


def _magnitude(match: re.Match[str]) -> tuple[int, int | None, str] | None:
    """Days spanned by a quantity phrase (mod, num, unit | bare): (lo, hi, unit); hi None = open."""
    if match.group("bare"):
        unit = _unit_name(match.group("bare"))
        lo, hi = _bare_plural_days(unit)
    else:
        counted = _count(match.group("num"), bool(match.group("half")))
        if counted is None:
            return None
        unit = _unit_name(match.group("unit"))
        lo, hi = _unit_days(unit, counted[0])[0], _unit_days(unit, counted[1])[1]
    mod = " ".join((match.group("mod") or "").lower().split())
    if mod in _MORE:
        return lo, None, unit
    if mod in _CLOSE_ABOVE:
        return lo, (hi + _tolerance(hi)) if hi is not None else None, unit
    if mod in _LESS:
        return 0, hi, unit
    if mod in _NEARLY:
        return max(0, lo - _tolerance(lo)), hi, unit
    if mod in _ABOUT:
        return max(0, lo - _tolerance(lo)), (hi + _tolerance(hi)) if hi is not None else None, unit
    return lo, hi, unit


def _usable_published(published: FuzzyDate | None) -> FuzzyDate | None:
    """The publication date when it can anchor relative dates: both sides known, at most a year wide."""
    if published is None or published.start is None or published.end is None:
        return None
    if (published.end - published.start).days > 366:
        return None
    return published


# --------------------------------------------------------------------------- scanning


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    kind: str
    date: FuzzyDate | None  # None = unknown
    anchor: tuple[int | None, int | None, int | None, int | None] | None = None  # min, max, a_start, a_end
    future: bool = False
    weekday: bool = False  # a bare weekday name: "from Monday to Wednesday" resolves the pair together
    calendar: tuple[int, int, str] | None = None  # see AnchoredOffset.calendar


@dataclass(slots=True)
class _ListItem:
    """One item of a coordinated date list; month and year may come from its neighbours."""

    year: int | None
    month: int | None
    day: int | None
    start: int
    end: int

    def span(self, year: int) -> tuple[date, date] | None:
        if self.month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if self.day is None:
            return _month_span(year, self.month)
        return _pair(_safe_date(year, self.month, self.day))


def _neighbour_year(item: _ListItem, neighbour: _ListItem, neighbour_year: int, direction: int) -> int:
    """The year that puts `item` on the right side of its neighbour (-1: before it, +1: after it)."""
    own, other = item.span(neighbour_year), neighbour.span(neighbour_year)
    if own is None or other is None:
        return neighbour_year
    if direction < 0 and own[0] > other[0]:
        return neighbour_year - 1
    if direction > 0 and own[0] < other[0]:
        return neighbour_year + 1
    return neighbour_year


@dataclass(slots=True)
class _AnchorPhrase:
    start: int
    end: int
    date: FuzzyDate | None = None  # the anchor is (or carries) a date
    is_date: bool = False  # the anchor phrase *is* a calendar expression
    base: _Found | None = None


class _Scanner:
    def __init__(self, text: str, published: FuzzyDate | None, lowered: str | None = None) -> None:
        self.text = text
        self.pub = _usable_published(published)
        self.vetoes: list[tuple[int, int]] = []
        self.bases_by_start: dict[int, _Found] = {}
        lowered = text.lower() if lowered is None else lowered
        self.has_unit_word = bool(_UNIT_WORD_RE.search(lowered))
        self.has_season_word = bool(_SEASON_WORD_RE.search(lowered))
        self.has_digit = bool(_DIGIT_RE.search(text))
        self.has_month = bool(_MONTH_WORD_RE.search(text))
        self._all_tense_markers: list[tuple[int, int, bool]] | None = None
        self._breaks: tuple[list[tuple[int, int]], list[tuple[int, int]]] | None = None  # clause breaks, commas

    # ---- tense

    def future_at(self, start: int, end: int) -> bool:
        """Whether the nearest tense marker around [start, end) speaks of the future.

        The comma-bounded segment is read first ("stayed until 2020, will finish by 2025");
        when it has no tense marker, the whole clause ("In March, the trial will begin").
        """
        if _MOVED_TO_RE.search(self.text, max(0, start - 120), start):
            return True  # "postponed the trial of Jasveen Sangha to Aug. 19": where it was moved to
        if self._breaks is None:  # found once per sentence
            self._breaks = ([(b.start(), b.end()) for b in _CLAUSE_BREAK_RE.finditer(self.text)],
                            [(c.start(), c.end()) for c in _COMMA_RE.finditer(self.text)])
        clause_breaks, commas = self._breaks
        clause_start, clause_end = _enclosing(clause_breaks, start, end, 0, len(self.text))
        segment_start, segment_end = _enclosing(commas, start, end, clause_start, clause_end)
        for lo, hi in ((segment_start, segment_end), (clause_start, clause_end)):
            markers = self._tense_markers(lo, hi, start, end)
            if markers:
                return min(markers, key=lambda marker: (marker[0], not marker[1]))[1]
        return False

    def _tense_markers(self, lo: int, hi: int, start: int, end: int) -> list[tuple[int, bool]]:
        """(distance to the expression, is_future) for each tense marker in text[lo:hi]."""
        return [(self._distance(m_start, m_end, start, end), is_future)
                for m_start, m_end, is_future in self._sentence_tense_markers()
                if lo <= m_start and m_end <= hi and (is_future or not (m_start >= start and m_end <= end))]

    def _sentence_tense_markers(self) -> list[tuple[int, int, bool]]:
        """(start, end, is_future) for every tense marker in the sentence, found once per sentence.

        Clause and comma windows never cut a marker (markers hold only words and spaces), so
        scanning the whole sentence once finds exactly what scanning each window would.
        """
        if self._all_tense_markers is not None:
            return self._all_tense_markers
        text = self.text
        markers: list[tuple[int, int, bool]] = []
        future_spans = []
        for m in _FUTURE_MARKER_RE.finditer(text):
            future_spans.append((m.start(), m.end()))
            markers.append((m.start(), m.end(), True))
        for m in _SCHEDULE_VERB_3RD_RE.finditer(text):  # "the comment period ends Jan. 16"
            markers.append((m.start(), m.end(), True))
        for m in _SCHEDULE_VERB_PLURAL_RE.finditer(text):  # "hearings begin March 3", not "to begin", "the end"
            if _PLURAL_SUBJECT_RE.search(text, max(0, m.start() - 30), m.start()):
                markers.append((m.start(), m.end(), True))
        for m in _PAST_MARKER_RE.finditer(text):
            if any(s <= m.start() < e for s, e in future_spans):
                continue
            word = m.group(0).lower()
            if word in _NOT_PAST_ED:
                continue
            if len(word.split()) == 1 and _PARTICIPLE_LEAD_RE.search(text, max(0, m.start() - 12), m.start()):
                continue  # "will be sentenced", "will be held", "is expected", "to set": not a past tense
            if word.endswith("ed") and _ATTRIBUTIVE_LEAD_RE.search(text, max(0, m.start() - 30), m.start()):
                continue
            markers.append((m.start(), m.end(), False))
        self._all_tense_markers = markers
        return markers

    @staticmethod
    def _distance(m_start: int, m_end: int, start: int, end: int) -> int:
        if m_end <= start:
            return start - m_end
        if m_start >= end:
            return m_start - end
        return 0

    # ---- publication-relative helpers

    def infer_year(self, future: bool, interval: Callable[[int], tuple[date, date] | None]) -> int | None:
        """Year of the most recent occurrence on or before publication (next one on or after, for the future)."""
        pub = self.pub
        if pub is None or pub.start is None or pub.end is None:
            return None
        if future:
            earliest = pub.start
            for year in range(earliest.year, earliest.year + 9):
                span = interval(year)
                if span is not None and span[1] >= earliest:
                    return year
            return None
        latest = pub.end
        for year in range(latest.year, latest.year - 9, -1):
            span = interval(year)
            if span is not None and span[0] <= latest:
                return year
        return None

    def relative(self, resolve: Callable[[date], FuzzyDate | None]) -> FuzzyDate | None:
        """Resolve against the publication day; a partial publication date spans both extremes."""
        pub = self.pub
        if pub is None or pub.start is None or pub.end is None:
            return None
        if pub.start == pub.end:
            return resolve(pub.start)
        first, last = resolve(pub.start), resolve(pub.end)
        if first is None or last is None:
            return None
        if first == last:
            return first
        start = min(first.start, last.start) if first.start and last.start else None
        end = max(first.end, last.end) if first.end and last.end else None
        return FuzzyDate.between(start, end)

    # ---- context checks

    def before(self, pattern: re.Pattern[str], pos: int, window: int = 40) -> re.Match[str] | None:
        return pattern.search(self.text, max(0, pos - window), pos)

    def at_sentence_start(self, pos: int) -> bool:
        return bool(_SENTENCE_START_RE.match(self.text[:pos]))

    # ---- pass 1: calendar expressions

    def calendar_candidates(self) -> Iterator[_Found]:
        if self.has_digit:  # day dates all hold a number
            yield from self._absolute_days()
        if self.has_digit or self.has_month:
            yield from self._months_and_years()
            yield from self._spans()
            yield from self._lists()
        if self.has_digit:
            yield from self._decades_and_centuries()
        yield from self._seasons_and_holidays()
        yield from self._parts()
        yield from self._relative_days()
        yield from self._relative_units()
        yield from self._relative_quantities()

    def _day_date(self, m_raw: str, d_raw: str, y_raw: str | None, start: int, end: int) -> _Found | None:
        month = _month_number(m_raw)
        day = int(_NON_DIGITS_RE.sub("", d_raw))
        if month is None:
            return None
        if y_raw is not None:
            found = _safe_date(int(y_raw), month, day)
            if found is None:
                self.vetoes.append((start, end))  # "February 30, 2023" is not a date; nor is any part of it
                return None
            return _Found(start, end, ABSOLUTE, FuzzyDate.day(found), future=self.future_at(start, end))
        if _safe_date(2000, month, day) is None:  # impossible in every year (2000 was a leap year)
            self.vetoes.append((start, end))
            return None
        future = self.future_at(start, end)
        year = self.infer_year(future, lambda y: _pair(_safe_date(y, month, day)))
        resolved = FuzzyDate.day(date(year, month, day)) if year is not None else None
        return _Found(start, end, ABSOLUTE, resolved, future=future)

    def _absolute_days(self) -> Iterator[_Found]:
        text = self.text
        for pattern in (_MDY_RE, _DMY_RE):
            for m in pattern.finditer(text):
                found = self._day_date(m.group("m"), m.group("d"), m.group("y"), m.start(), m.end())
                if found is None:
                    continue
                weekday = m.group("wd")
                if weekday and found.date and found.date.start and found.date.start.weekday() != _WEEKDAY_NUMBER[weekday.lower()]:
                    found.start = m.start("m") if pattern is _MDY_RE else m.start("d")  # inconsistent weekday: drop it
                yield found
        for m in _ISO_RE.finditer(text):
            found_day = _safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if found_day is None:
                self.vetoes.append((m.start(), m.end()))
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.day(found_day), future=self.future_at(m.start(), m.end()))
        for m in _SLASH_RE.finditer(text):
            a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y"))
            readings = {d for d in (_safe_date(year, a, b), _safe_date(year, b, a)) if d is not None}
            if len(readings) != 1:  # 03/04/2023 could be March 4 or April 3: skip it
                self.vetoes.append((m.start(), m.end()))
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.day(readings.pop()), future=self.future_at(m.start(), m.end()))

    def _months_and_years(self) -> Iterator[_Found]:
        text = self.text
        for m in _MY_RE.finditer(text):
            month = _month_number(m.group("m"))
            if month is not None:
                yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.month(int(m.group("y")), month),
                             future=self.future_at(m.start(), m.end()))
        for m in _BARE_MONTH_RE.finditer(text):
            raw = m.group("m")
            month = _month_number(raw)
            if month is None or (raw[:3].lower() in _MONTH_ABBREVIATIONS and raw.lower() not in _MONTH_NUMBER and not raw.endswith(".")):
                continue  # "Jan" without a period is as likely a name
            signal = _MAY_SIGNAL_RE if month == 5 else _MONTH_SIGNAL_RE
            if not self.before(signal, m.start()) and not self._month_before_event_noun(m, month):
                continue
            future = self.future_at(m.start(), m.end())
            year = self.infer_year(future, partial(_month_span, month=month))
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.month(year, month) if year else None, future=future)
        for m in _YEAR_RE.finditer(text):
            year = int(m.group("y"))
            start = m.start()
            if not self._year_in_context(start, m.end(), year):
                continue
            yield _Found(start, m.end(), ABSOLUTE, FuzzyDate.year(year), future=self.future_at(start, m.end()))

    def _month_before_event_noun(self, m: re.Match[str], month: int) -> bool:
        """ "in a September interview", "at the October hearing": a month between a determiner
        and an event noun names when that event was. Not "May", which is as often a verb."""
        if month == 5 or not self.before(_DETERMINER_YEAR_SIGNAL_RE, m.start()):
            return False
        following = _FOLLOWING_WORD_RE.match(self.text, m.end())
        return following is not None and _is_event_noun(following.group(1))

    def _year_in_context(self, start: int, end: int, year: int) -> bool:
        text = self.text
        if self.before(_STRONG_YEAR_SIGNAL_RE, start) or self.before(_YEAR_LIST_RE, start, 12):
            return True
        if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")":
            return True
        following = _FOLLOWING_WORD_RE.match(text, end)
        if year >= 1900 and self.before(_DETERMINER_YEAR_SIGNAL_RE, start):
            # "the 2020 election" is a year, "the 2000 doses" a count
            word = following.group(1) if following else ""
            return not (word.islower() and word.endswith("s") and not word.endswith(("ss", "us", "is")))
        if self.at_sentence_start(start):
            return bool(_YEAR_AS_SUBJECT_RE.match(text, end))
        return False

    def _spans(self) -> Iterator[_Found]:
        text = self.text
        for m in _BETWEEN_RE.finditer(text):
            resolved = self._side_range(m)
            if resolved is not None:
                yield _Found(m.start(), m.end(), ABSOLUTE, resolved, future=self.future_at(m.start(), m.end()))
        for m in _DAY_SPAN_RE.finditer(text):
            month = _month_number(m.group("m"))
            d1, d2 = int(_NON_DIGITS_RE.sub("", m.group("d1"))), int(_NON_DIGITS_RE.sub("", m.group("d2")))
            if month is None or d1 >= d2:
                continue
            future = self.future_at(m.start(), m.end())
            year = int(m.group("y")) if m.group("y") else self.infer_year(
                future, lambda y: _pair(_safe_date(y, month, d1), _safe_date(y, month, d2)))
            first, last = (_safe_date(year, month, d1), _safe_date(year, month, d2)) if year else (None, None)
            if year and (first is None or last is None):
                self.vetoes.append((m.start(), m.end()))
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.between(first, last) if year else None, future=future)
        for m in _MONTH_SPAN_RE.finditer(text):
            m1, m2, year = _month_number(m.group("m1")), _month_number(m.group("m2")), int(m.group("y"))
            if m1 is None or m2 is None or m1 == m2:
                continue
            first_year = year if m1 < m2 else year - 1
            yield _Found(m.start(), m.end(), ABSOLUTE,
                         FuzzyDate.between(date(first_year, m1, 1), _month_end(year, m2)),
                         future=self.future_at(m.start(), m.end()))
        for m in _YEAR_SPAN_RE.finditer(text):
            y1, raw2 = int(m.group("y1")), m.group("y2")
            y2 = int(raw2) if len(raw2) == 4 else (y1 // 100) * 100 + int(raw2)
            if y2 <= y1 or y2 - y1 > 200:
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.between(date(y1, 1, 1), date(y2, 12, 31)),
                         future=self.future_at(m.start(), m.end()))

    def _lists(self) -> Iterator[_Found]:
        """Coordinated dates: 'September and October 2023', 'Oct. 26 and 27, 2023', 'in 2019 and 2020'.

        The list is one RANGE from its earliest to its latest day: the event is somewhere in that
        span, also when the items are not contiguous ('in 2019 and 2021').
        """
        text = self.text
        for m in _LIST_RE.finditer(text):
            items = self._list_items(m)
            if items is None:
                continue
            future = self.future_at(m.start(), m.end())
            spans = self._list_spans(items, future)
            if spans is None:
                self.vetoes.append((m.start(), m.end()))  # "Feb. 28 and 30, 2023": no part of it is a date
                continue
            if not spans:
                yield _Found(m.start(), m.end(), ABSOLUTE, None, future=future)  # no publication year to lend
                continue
            yield _Found(m.start(), m.end(), ABSOLUTE,
                         FuzzyDate.between(min(s[0] for s in spans), max(s[1] for s in spans)), future=future)

    def _list_items(self, m: re.Match[str]) -> list[_ListItem] | None:
        """The items of a coordinated list, each month lent to the bare days next to it; None if not dates."""
        text = self.text
        items: list[_ListItem] = []
        bare_abbreviation = False
        last_separator = ""
        pos = m.start()
        while True:
            item = _LIST_ITEM_RE.match(text, pos)
            if item is None:
                return None
            month_raw = item.group("m") or item.group("m2")
            day_raw = item.group("d") or item.group("d2")
            year_raw = item.group("yo") or item.group("y")
            month = _month_number(month_raw) if month_raw else None
            if month_raw and month_raw[:3].lower() in _MONTH_ABBREVIATIONS and month_raw.lower() not in _MONTH_NUMBER \
                    and not month_raw.endswith(".") and not day_raw and not year_raw:
                bare_abbreviation = True
            items.append(_ListItem(int(year_raw) if year_raw else None, month,
                                   int(_NON_DIGITS_RE.sub("", day_raw)) if day_raw else None, item.start(), item.end()))
            pos = item.end()
            if pos >= m.end():
                break
            separator = _LIST_SEP_RE.match(text, pos)
            if separator is None:
                return None
            last_separator = separator.group(0)
            pos = separator.end()
        if pos != m.end() or len(items) < 2:
            return None
        if len(items) == 2 and "," in last_separator:
            return None  # "in 2019, and 2020 was worse" joins two clauses; "March, April, and May" is a list
        for step in (1, -1):  # "Oct. 26 and 27": the month runs forward; "26 and 27 October": backward
            lender = None
            for item in items[::step]:
                if item.month is not None:
                    lender = item.month
                elif item.day is not None and lender is not None:
                    item.month = lender
        if any(item.month is None and (item.day is not None or item.year is None) for item in items):
            return None
        first, last = items[0], items[-1]
        if all(item.month is None for item in items):  # "in 2019 and 2020": the first year needs a year context
            return items if self._year_in_context(first.start, first.end, first.year or 0) else None
        if last.month is not None and last.day is not None and last.year is None \
                and _COUNT_NOUN_AFTER_RE.match(text, last.end):
            return None  # "on Oct. 26 and 27 people died"
        if last.year is not None and last.month is None and _COUNT_NOUN_AFTER_RE.match(text, last.end):
            return None  # "Oct. 26 and 2000 people"
        if all(item.day is None and item.year is None for item in items):  # "in September and October"
            signal = _MAY_SIGNAL_RE if first.month == 5 else _MONTH_SIGNAL_RE
            if bare_abbreviation or not self.before(signal, first.start):
                return None  # "with April and June" are names; so may be "Jan and Feb" without a year
        return items

    def _list_spans(self, items: list[_ListItem], future: bool) -> list[tuple[date, date]] | None:
        """Each item's days, with the year shared from the item that states it.

        A year stated later in the list holds for the items before it ("Oct. 26 and 27, 2023"),
        stepping back a year when the order requires it ("Dec. 30 and Jan. 2, 2024"); items after
        the last stated year continue forward. With no year at all, the last item takes its year
        from publication and lends it backward. [] = no usable publication date; None = impossible.
        """
        years = [item.year for item in items]
        if all(year is None for year in years):
            last = items[-1]
            if self.pub is None:
                return []
            inferred = self.infer_year(future, last.span)
            if inferred is None:
                return None
            years[-1] = inferred
        for index in range(len(items) - 2, -1, -1):  # backward from each stated year
            following = years[index + 1]
            if years[index] is None and following is not None:
                years[index] = _neighbour_year(items[index], items[index + 1], following, -1)
        for index in range(1, len(items)):  # forward past the last stated year
            previous = years[index - 1]
            if years[index] is None and previous is not None:
                years[index] = _neighbour_year(items[index], items[index - 1], previous, 1)
        spans = []
        for item, year in zip(items, years):
            span = item.span(year) if year is not None else None
            if span is None:
                return None
            spans.append(span)
        return spans

    def _side_range(self, m: re.Match[str]) -> FuzzyDate | None:
        """'between March and May 2023', 'from Oct. 1 to Oct. 28', 'between 2019 and 2021'."""
        sides: list[tuple[int | None, int | None, int | None]] = []
        for n in (1, 2):
            if m.group(f"yo{n}"):
                sides.append((int(m.group(f"yo{n}")), None, None))
                continue
            month = _month_number(m.group(f"m{n}"))
            if month is None:
                return None
            day = int(_NON_DIGITS_RE.sub("", m.group(f"d{n}"))) if m.group(f"d{n}") else None
            year = int(m.group(f"y{n}")) if m.group(f"y{n}") else None
            sides.append((year, month, day))
        (y1, m1, d1), (y2, m2, d2) = sides
        if m1 is None and m2 is None and (d1 or d2):
            return None
        if y2 is None and y1 is not None:
            y2 = y1 if (m2 or 1, d2 or 1) >= (m1 or 1, d1 or 1) else y1 + 1
        if y2 is None:
            future = self.future_at(m.start(), m.end())
            last_day = d2 or 1
            y2 = self.infer_year(future, lambda y: _pair(_safe_date(y, m2, last_day)))  # type: ignore[arg-type]
            if y2 is None:
                return None
        if y1 is None:
            y1 = y2 if (m1 or 1, d1 or 1) <= (m2 or 12, d2 or 31) else y2 - 1
        start = _safe_date(y1, m1 or 1, d1 or 1)
        if m2 is None:
            end: date | None = date(y2, 12, 31)
        elif d2 is None:
            end = _month_end(y2, m2)
        else:
            end = _safe_date(y2, m2, d2)
        if start is None or end is None or start > end:
            if start is None or end is None:
                self.vetoes.append((m.start(), m.end()))
            return None
        return FuzzyDate.between(start, end)

    def _decades_and_centuries(self) -> Iterator[_Found]:
        text = self.text
        for m in _DECADE_RE.finditer(text):
            if m.group("full"):
                first = int(m.group("full"))
            else:
                two = m.group("short") or m.group("bare")
                if m.group("bare") and not m.group("the"):
                    continue  # "in his 60s" is an age
                if m.group("bare") and _TEMPERATURE_RE.search(text):
                    continue  # "in the 60s" is a temperature there
                first = (2000 if two in ("00", "10") else 1900) + int(two)
            mod = (m.group("mod") or "").lower()
            if mod:
                offsets = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[mod]
                resolved = FuzzyDate.between(date(first + offsets[0], 1, 1), date(first + offsets[1], 12, 31))
            else:
                resolved = FuzzyDate.decade(first)
            yield _Found(m.start(), m.end(), ABSOLUTE, resolved, future=self.future_at(m.start(), m.end()))
        for m in _CENTURY_RE.finditer(text):
            first = (int(m.group("n")) - 1) * 100
            if first < 1:
                continue
            mod = (m.group("mod") or "").lower()
            start, end = date(first, 1, 1), date(first + 99, 12, 31)
            if mod:
                offsets = {"early": (0, 33), "mid": (34, 66), "late": (67, 99)}[mod]
                start, end = date(first + offsets[0], 1, 1), date(first + offsets[1], 12, 31)
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.between(start, end), future=self.future_at(m.start(), m.end()))

    def _seasons_and_holidays(self) -> Iterator[_Found]:
        text = self.text
        for m in _SEASON_RE.finditer(text) if self.has_season_word else ():
            name = m.group("s").lower()
            rel = " ".join((m.group("rel") or "").lower().split())
            mod = (m.group("mod") or "").lower()
            if m.group("y"):
                year = int(m.group("y"))
                if name == "winter":
                    raw2 = m.group("y2")
                    first_year = year if raw2 else year - 1  # "winter 2023-24" starts in 2023; "winter 2021" holds January 2021
                    span = _season(name, first_year)
                else:
                    if m.group("y2"):
                        continue
                    span = _season(name, year)
                kind = ABSOLUTE
                future = self.future_at(m.start(), m.end())
            elif rel:  # a season without a year is a date only when deictic: "last spring", "this summer"
                if name == "fall" and "past" not in rel and self.before(_FALL_NOUN_BEFORE_RE, m.start(), 12):
                    continue  # "his last fall" is a tumble
                future = rel in ("next", "this coming") or (rel not in ("last", "this past", "past") and self.future_at(m.start(), m.end()))
                resolved = self.relative(partial(_relative_season, name=name, rel=rel, future=future))
                if resolved is None:
                    yield _Found(m.start(), m.end(), RELATIVE, None, future=future)
                    continue
                span = (resolved.start, resolved.end)  # type: ignore[assignment]
                kind = RELATIVE
            else:
                continue  # "in the winter", "a tree in spring": generic, or the season of some other year
            if mod:
                span = _thirds(span[0], span[1], mod)
            yield _Found(m.start(), m.end(), kind, FuzzyDate.between(*span), future=future)
        for m in _HOLIDAY_RE.finditer(text):
            name, rel = m.group("h"), (m.group("rel") or "").lower()
            if not (m.group("y") or rel or self.before(_HOLIDAY_SIGNAL_RE, m.start())):
                continue  # "a Christmas card" is not a date
            future = rel == "next" or (rel != "last" and self.future_at(m.start(), m.end()))
            if m.group("y"):
                day = _holiday(name, int(m.group("y")))
                yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.day(day) if day else None, future=future)
                continue
            if rel in ("last", "next"):
                def resolve(d: date, n: str = name, r: str = rel) -> FuzzyDate | None:
                    years = range(d.year - 1, d.year - 3, -1) if r == "last" else range(d.year, d.year + 2)
                    for y in ([d.year, *years] if r == "last" else years):
                        h = _holiday(n, y)
                        if h and ((r == "last" and h < d) or (r == "next" and h > d)):
                            return FuzzyDate.day(h)
                    return None
                yield _Found(m.start(), m.end(), RELATIVE, self.relative(resolve), future=future)
                continue
            holiday_year = self.infer_year(future, partial(_holiday_span, name=name))
            day = _holiday(name, holiday_year) if holiday_year else None
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.day(day) if day else None, future=future)
        for m in _QNAME_RE.finditer(text):
            year = int(m.group("y")) if m.group("y") else 2000 + int(m.group("yy"))
            n = int(m.group("n"))
            if m.group("qh") == "H":
                if n > 2:
                    continue
                span = (date(year, 6 * n - 5, 1), _month_end(year, 6 * n))
            else:
                span = (date(year, 3 * n - 2, 1), _month_end(year, 3 * n))
            yield _Found(m.start(), m.end(), ABSOLUTE, FuzzyDate.between(*span), future=self.future_at(m.start(), m.end()))

    def _parts(self) -> Iterator[_Found]:
        """'early 2020', 'mid-March', 'the late 1990s', 'the end of last year', 'the first half of 2023'."""
        for m in _PART_RE.finditer(self.text):
            part = " ".join(m.group("pp").lower().split())
            takes_of = part.endswith(" of")
            future = self.future_at(m.start(), m.end())
            kind = ABSOLUTE
            unit: str
            if m.group("rm"):
                month = _month_number(m.group("rm"))
                if month is None:
                    continue
                if m.group("rmy"):
                    year: int | None = int(m.group("rmy"))
                else:
                    year = self.infer_year(future, partial(_month_span, month=month))
                ref = FuzzyDate.month(year, month) if year else None
                unit = "month"
            elif m.group("ry"):
                ref, unit = FuzzyDate.year(int(m.group("ry"))), "year"
            elif m.group("rdec"):
                digits = _NON_DIGITS_RE.sub("", m.group("rdec"))
                first = int(digits) if len(digits) == 4 else (2000 if digits in ("00", "10") else 1900) + int(digits)
                ref, unit = FuzzyDate.decade(first), "decade"
            else:
                rel, unit = m.group("rrel").lower(), m.group("runit").lower()
                if rel == "the" and not takes_of:
                    continue  # "late the year" is not English; "the end of the year" is
                kind = RELATIVE
                ref = self.relative(partial(_calendar_unit, unit=unit, step={"last": -1, "next": 1}.get(rel, 0)))
                future = rel == "next" or (rel != "last" and future)
            if ("quarter" in part or "half" in part) and unit != "year":
                continue
            if "week of" in part and unit != "month":
                continue
            if ref is None or ref.start is None or ref.end is None:
                yield _Found(m.start(), m.end(), kind, None, future=future)
                continue
            span = _part_of(part, ref.start, ref.end, unit)
            if span is None:
                continue
            yield _Found(m.start(), m.end(), kind, FuzzyDate.between(*span), future=future)

    def _relative_days(self) -> Iterator[_Found]:
        text = self.text
        for m in _DAYWORD_RE.finditer(text):
            word = " ".join(m.group("w").split())
            low = word.lower()
            if word[0].isupper() and not self.at_sentence_start(m.start()) and low in ("today", "yesterday", "tomorrow", "tonight"):
                continue  # "USA Today", "the Today show", a film called "Tomorrow"
            shift = {"the day before yesterday": -2, "yesterday": -1, "last night": -1,
                     "tomorrow": 1, "the day after tomorrow": 2}.get(low, 0)
            future = shift > 0 or low == "later today"
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_window, before=-shift, after=shift)), future=future)
        for m in _WEEKDAY_RE.finditer(text):
            if self.before(_WEEKDAY_BLOCK_RE, m.start(), 20) or _WEEKDAY_TITLE_RE.match(text, m.end("wd")):
                continue  # "every Thursday" is a frequency, "Super Tuesday" and "the Sunday Times" names
            weekday = _WEEKDAY_NUMBER[m.group("wd").lower()]
            future = self.future_at(m.start(), m.end())
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_relative_weekday, weekday=weekday, step=0, future=future)),
                         future=future, weekday=True)

    def _relative_units(self) -> Iterator[_Found]:
        text = self.text
        for m in _LNT_RE.finditer(text):
            if _THE_BEFORE_RE.search(text, max(0, m.start() - 5), m.start()):
                continue  # "the last week" is a window, "the next day" a discourse anchor
            rel = " ".join(m.group("rel").lower().split())
            what = m.group("what")
            step = {"last": -1, "this past": -1, "next": 1, "this coming": 1}.get(rel, 0)
            future = step > 0 or (step == 0 and self.future_at(m.start(), m.end()))
            if what.lower() in ("week", "weekend", "month", "year", "quarter", "decade"):
                unit = what.lower()
                if m.group("part"):
                    continue
                resolve: Callable[[date], FuzzyDate | None] = partial(_calendar_unit, unit=unit, step=step, future=future)
            elif what.lower() in _WEEKDAY_NUMBER:
                weekday = _WEEKDAY_NUMBER[what.lower()]
                resolve = partial(_relative_weekday, weekday=weekday, step=step, future=future)
            else:
                month = _month_number(what)
                if month is None or m.group("part") or (what[:3].lower() in _MONTH_ABBREVIATIONS and what.lower() not in _MONTH_NUMBER and not what.endswith(".")):
                    continue
                resolve = partial(_relative_month, month=month, step=step)
            yield _Found(m.start(), m.end(), RELATIVE, self.relative(resolve), future=future)
        for m in _EARLIER_THIS_RE.finditer(text):
            later = m.group("dir").lower() == "later"
            unit = m.group("u").lower()

            def window(d: date, u: str = unit, late: bool = later) -> FuzzyDate | None:
                whole = _calendar_unit(d, u, 0)
                if whole is None:
                    return None
                return FuzzyDate.between(d, whole.end) if late else FuzzyDate.between(whole.start, d)
            yield _Found(m.start(), m.end(), RELATIVE, self.relative(window), future=later)

    def _relative_quantities(self) -> Iterator[_Found]:
        """'two years ago', 'the past week', 'in the coming months', 'in two weeks'."""
        if not self.has_unit_word:
            return
        text = self.text
        for m in _AGO_RE.finditer(text):
            if self.before(_FREQUENCY_BEFORE_RE, m.start(), 12) and not m.group("mod") and m.group("num") in ("a", "an"):
                continue
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            lo, hi, unit = magnitude
            counted = _count(m.group("num"), bool(m.group("half"))) if m.group("num") else None
            exact_count = int(counted[0]) if (counted and counted[0] == counted[1] and float(counted[0]).is_integer()
                                               and not m.group("mod")) else None
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_ago, lo=lo, hi=hi, unit=unit, exact_count=exact_count)))
        for m in _PAST_WINDOW_RE.finditer(text):
            span = _window_days(m.group("num"), m.group("unit"))
            if span is None:
                continue
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_window, before=span, after=0)))
        for m in _FUTURE_WINDOW_RE.finditer(text):
            if not m.group("prep") and m.group("nx").lower() != "coming":
                continue  # "the next day" / "the next week" alone are discourse anchors
            span = _window_days(m.group("num"), m.group("unit"))
            if span is None:
                continue
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_window, before=0, after=span)), future=True)
        for m in _IN_N_RE.finditer(text):
            if self.before(_FREQUENCY_BEFORE_RE, m.start(), 12) or not self.future_at(m.start(), m.end()):
                continue  # "in two weeks" dates something only when the clause is about the future
            counted = _count(m.group("num"))
            if counted is None:
                continue
            unit = _unit_name(m.group("unit"))
            lo, hi = _unit_days(unit, counted[0])[0], _unit_days(unit, counted[1])[1]
            yield _Found(m.start(), m.end(), RELATIVE,
                         self.relative(partial(_window, before=-lo, after=hi)),
                         future=True)

    # ---- pass 2: compounds over calendar expressions

    def compounds(self, bases: list[_Found]) -> Iterator[_Found]:
        text = self.text
        for first, second in zip(bases, bases[1:]):
            join = _RANGE_JOIN_RE.fullmatch(text, first.end, second.start)
            opener = self.before(_RANGE_OPEN_RE, first.start, 12)
            if not (join and opener and first.date and second.date and first.date.start and second.date.end):
                continue
            start, end = first.date.start, second.date.end
            if start > end and first.weekday and second.weekday:  # "from Friday to Monday" wraps a weekend
                if first.future:
                    end += timedelta(days=7)
                else:
                    start -= timedelta(days=7)
            if start <= end:
                kind = RELATIVE if RELATIVE in (first.kind, second.kind) else ABSOLUTE
                yield _Found(opener.start(), second.end, kind, FuzzyDate.between(start, end),
                             future=self.future_at(opener.start(), second.end))
        for base in bases:
            signal = self.before(_BOUND_SIGNAL_RE, base.start, 30)
            if signal is None:
                continue
            word = " ".join(signal.group("sig").lower().split())
            resolved = _bounded(word, base.date)
            yield _Found(signal.start(), base.end, base.kind, resolved, future=self.future_at(signal.start(), base.end))

    # ---- pass 3: anchored expressions

    def anchored(self) -> Iterator[_Found]:
        if self.has_unit_word:  # every offset and window counts some unit of time
            yield from self._offsets()
            yield from self._windows()
        yield from self._the_units()
        yield from self._discourse()
        yield from self._bare_relations()

    def _offset_found(self, start: int, end: int, low: int | None, high: int | None, *,
                      require_event: bool, allow_discourse: bool) -> _Found | None:
        """An expression [start, end) followed by its anchor: a date, an event phrase or nothing (discourse)."""
        anchor = self.anchor_at(end, require_event=require_event)
        future = self.future_at(start, end)
        if anchor is not None and anchor.is_date and anchor.base is not None:
            base = anchor.base
            shifted = base.date.shifted(low, high) if base.date is not None else None
            return _Found(start, base.end, base.kind, shifted, future=base.future or future)
        if anchor is not None:
            resolved = anchor.date.shifted(low, high) if anchor.date is not None else None
            return _Found(start, end, ANCHORED, resolved, (low, high, anchor.start, anchor.end), future)
        if allow_discourse:
            return _Found(start, end, ANCHORED, None, (low, high, None, None), future)
        return None

    def _offsets(self) -> Iterator[_Found]:
        text = self.text
        for m in _OFFSET_RE.finditer(text):
            if self.before(_FREQUENCY_BEFORE_RE, m.start(), 12) and not m.group("mod") and (m.group("num") or "").lower() in ("a", "an"):
                continue  # "twice a week before ..." is a frequency
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            lo, hi, _ = magnitude
            after = m.group("rel").lower().split()[0] in ("after", "following", "later")
            low, high = (lo, hi) if after else ((-hi if hi is not None else None), -lo)
            # "two days later"-like use: nothing after it can name an event ("a day before, he ...",
            # "a day after and went home", "two days before that")
            no_anchor = bool(_CLAUSE_END_RE.match(text, m.end()) or _NO_ANCHOR_NEXT_RE.match(text, m.end()))
            found = self._offset_found(m.start(), m.end(), low, high, require_event=False, allow_discourse=no_anchor)
            if found is not None:
                yield found
        for m in _LATER_RE.finditer(text):
            rel = m.group("rel").lower()
            if rel in ("on", "prior") and not _CLAUSE_END_RE.match(text, m.end()):
                continue  # "two days on the job" is not "two days on"
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            lo, hi, _ = magnitude
            forward = rel in ("later", "afterward", "afterwards", "on")
            low, high = (lo, hi) if forward else ((-hi if hi is not None else None), -lo)
            yield _Found(m.start(), m.end(), ANCHORED, None, (low, high, None, None), self.future_at(m.start(), m.end()))
        for m in _WITHIN_OF_RE.finditer(text):
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            lo, hi, unit = magnitude
            if m.group("bare") and unit in ("second", "minute", "hour"):
                low, high = 0, 0  # "within hours of her death": the same day
            elif hi is None:
                continue
            else:
                low, high = 0, hi  # "within a month of her death, police arrested ...": after it
            found = self._offset_found(m.start(), m.end(), low, high, require_event=False, allow_discourse=False)
            if found is not None:
                yield found
        for m in _WITHIN_FRONTED_RE.finditer(text):
            # "Within hours, the hospital issued a statement": soon after what the story told last.
            # Not "must recall the lots within 30 days", a deadline.
            magnitude = _magnitude(m)
            if magnitude is None or magnitude[1] is None or not self.at_sentence_start(m.start()):
                continue
            yield _Found(m.start(), m.end(), ANCHORED, None, (0, magnitude[1], None, None),
                         self.future_at(m.start(), m.end()))

    def _windows(self) -> Iterator[_Found]:
        for m in _WINDOW_RE.finditer(self.text):
            prep, the = m.group("prep"), m.group("the")
            if not prep and not the:
                continue
            if prep and not the and prep.lower() not in ("for", "within", "over", "during", "throughout"):
                continue
            magnitude = _magnitude(m)
            if magnitude is None:
                continue
            _, hi, _ = magnitude
            rel = m.group("rel").lower().split()[0]
            after = rel in ("after", "following", "since")
            if hi is None:
                low, high = (0, None) if after else (None, 0)
            else:
                low, high = (0, hi) if after else (-hi, 0)
            found = self._offset_found(m.start(), m.end(), low, high, require_event=False, allow_discourse=False)
            if found is not None:
                yield found

    def _the_units(self) -> Iterator[_Found]:
        """'the day before his death', 'the morning of the crash', 'on the eve of the trial', 'the night before'."""
        text = self.text
        for m in _THE_UNIT_RE.finditer(text):
            unit, rel = m.group("u").lower(), m.group("rel").lower().split()[0]
            if rel == "of" and unit not in ("day", "night", "morning", "evening", "afternoon", "eve"):
                continue  # "the year of his death" would need calendar arithmetic on the anchor
            if unit == "eve" and rel != "of":
                continue
            after = rel in ("after", "following")
            if rel == "of":
                low, high = (-1, -1) if unit == "eve" else (0, 0)
            elif unit in ("day", "night", "morning", "evening", "afternoon"):
                low = high = 1 if after else -1
            else:
                length = {"week": 7, "weekend": 7, "month": 31, "year": 366}[unit]
                if unit == "weekend":
                    low, high = (1, length) if after else (-length, -1)
                else:
                    low, high = (0, length) if after else (-length, 0)
            found = self._offset_found(m.start(), m.end(), low, high, require_event=False,
                                       allow_discourse=rel != "of")
            if found is not None:
                yield found

    def _discourse(self) -> Iterator[_Found]:
        text = self.text
        for m in _DISCOURSE_RE.finditer(text):
            if m.group("dir"):
                direction = m.group("dir").lower()
                unit = m.group("u").lower()
                forward = direction in ("following", "next")
                span = {"day": (1, 1), "morning": (1, 1), "night": (1, 1), "evening": (1, 1), "afternoon": (1, 1),
                        "week": (1, 13), "weekend": (1, 13), "month": (1, 61)}.get(unit, (1, 730))  # a year, a season
                low, high = span if forward else (-span[1], -span[0])
                calendar = (1, 1, unit) if forward else (-1, -1, unit)
            else:
                unit = m.group("su").lower()
                if unit in SEASON_FIRST_MONTH and not m.group("same").lower().endswith(("that", "that same")):
                    continue  # "the same summer" needs a season told before; "that spring" is the anchor's
                if unit in _LONGEST_UNIT_DAYS and m.group("same").lower() == "that" \
                        and self.before(_COMPLEMENTIZER_BEFORE_RE, m.start(), 12):
                    continue  # "he said that week was hard"
                low, high = _same_unit_offsets(unit, (m.group("dir2") or "").lower())
                calendar = (0, 0, unit) if not m.group("dir2") else None
            calendar = calendar if unit in ("week", "month", "year") or unit in SEASON_FIRST_MONTH else None
            future = self.future_at(m.start(), m.end())
            as_anchor = _AS_RE.match(text, m.end()) if m.group("same") else None
            if as_anchor:  # "the same day as his arrest"
                anchor = self.anchor_at(as_anchor.end(), require_event=True)
                if anchor is not None and not anchor.is_date:
                    resolved = anchor.date.shifted(low, high) if anchor.date else None
                    yield _Found(m.start(), as_anchor.end(), ANCHORED, resolved, (low, high, anchor.start, anchor.end), future)
                    continue
                if anchor is None and self.anchor_at(as_anchor.end(), require_event=False) is not None:
                    continue  # "the same year as his brother" names no event to count from
            yield _Found(m.start(), m.end(), ANCHORED, None, (low, high, None, None), future, calendar=calendar)

    def _bare_relations(self) -> Iterator[_Found]:
        """'before his death', 'shortly after his arrest', 'until he died', 'during the trial'."""
        for m in _BARE_REL_RE.finditer(self.text):
            rel = " ".join(m.group("rel").lower().split())
            mod = " ".join((m.group("mod") or "").lower().split())
            if rel in ("during", "at the time of"):
                if mod:
                    continue
                low, high = 0, 0
            elif rel in ("until", "till", "up until"):
                low, high = None, 0
            elif rel == "since":
                low, high = 0, None
            else:
                after = rel in ("after", "following", "in the wake of", "in the aftermath of")
                near = {"shortly": 7, "soon": 7, "not long": 30, "just": 1, "immediately": 1, "right": 1, "moments": 1}
                if mod in near:
                    low, high = (0, near[mod]) if after else (-near[mod], 0)
                elif mod in ("long", "well"):
                    low, high = (30, None) if after else (None, -30)
                else:
                    low, high = (0, None) if after else (None, 0)
            anchor = self.anchor_at(m.end(), require_event=True, allow_clause=rel != "since")
            if anchor is None or anchor.is_date:
                continue  # dates after "before/after/since" are bounds (pass 2)
            resolved = anchor.date.shifted(low, high) if anchor.date else None
            yield _Found(m.start(), m.end(), ANCHORED, resolved, (low, high, anchor.start, anchor.end),
                         self.future_at(m.start(), m.end()))

    # ---- anchor phrases

    def anchor_at(self, pos: int, *, require_event: bool, allow_clause: bool = True) -> _AnchorPhrase | None:
        """The phrase naming the anchor event that starts at `pos` (after spaces), or None."""
        text = self.text
        while pos < len(text) and text[pos] in " \t":
            pos += 1
        base = self.bases_by_start.get(pos)
        if base is not None:
            return _AnchorPhrase(pos, base.end, base.date, True, base)
        tokens = self._tokens(pos)
        if not tokens:
            return None
        first = tokens[0][0].lower()
        if first in _DISCOURSE_PRONOUNS and (len(tokens) == 1 or first in ("then", "it")
                                             or not _is_content_word(tokens[1][0])):
            return None  # "two days before that": a discourse anchor, handled by the caller
        if first in _SUBJECT_PRONOUNS:
            end_index = _verb_group_end(tokens, 1) if allow_clause else None
            return self._finish(tokens, 0, end_index) if end_index is not None else None
        if first.endswith("ing") and first not in _NOT_GERUNDS and tokens[0][0].islower():
            index = 1
            if first == "being":
                end_index = _verb_group_end(tokens, 1)
                if end_index is None:
                    return None
                index = end_index + 1
            while index < len(tokens) and index < 5 and tokens[index][0].lower() not in _ANCHOR_STOPS:
                index += 1
            return self._finish(tokens, 0, index - 1)
        return self._noun_phrase(tokens, require_event=require_event, allow_clause=allow_clause)

    def _tokens(self, pos: int) -> list[tuple[str, int, int]]:
        """Words from `pos`, stopping at the first punctuation (apostrophes and hyphens stay inside words)."""
        text = self.text
        tokens: list[tuple[str, int, int]] = []
        while len(tokens) < 14:
            m = _WORD_RE.match(text, pos)
            if not m:
                break
            tokens.append((m.group(0), m.start(), m.end()))
            spaces = _SPACES_RE.match(text, m.end())
            if not spaces:
                break
            pos = spaces.end()
        return tokens

    def _noun_phrase(self, tokens: list[tuple[str, int, int]], *, require_event: bool,
                     allow_clause: bool) -> _AnchorPhrase | None:
        index = 0
        has_determiner = tokens[0][0].lower() in _DETERMINERS
        if has_determiner:
            index = 1
        collected: list[str] = []
        proper_only = True
        while index < len(tokens) and len(collected) < 6:
            word = tokens[index][0]
            low = word.lower()
            if low in _ANCHOR_STOPS or low in _DETERMINERS or low in _SUBJECT_PRONOUNS or low in _OBJECT_PRONOUNS:
                break
            if collected and (_is_verbish(low) or (word[0].isupper() and not proper_only)):
                break  # "the verdict was read", "after the verdict Perry ..."
            if collected and low.endswith("ing") and _is_event_noun(collected[-1].lower()):
                break  # "after the hearing saying ...": a participle after a whole event phrase
            if not has_determiner and not collected and not word[0].isupper():
                verb_end = _verb_group_end(tokens, 1) if allow_clause and not _UNIT_WORD_RE.match(low) else None
                if verb_end is not None:
                    return self._finish(tokens, 0, verb_end)  # "after police found him", "before doctors arrived"
                return None  # a bare lower-case noun ("before lunch") is too vague to anchor
            proper_only = proper_only and word[0].isupper()
            collected.append(word)
            index += 1
        if not collected:
            return None
        last = index - 1
        head = collected[-1].lower().rstrip("'’").removesuffix("'s").removesuffix("’s")
        is_event = _is_event_noun(head)
        if not is_event and allow_clause and index < len(tokens):
            verb_end = _verb_group_end(tokens, index)
            if verb_end is not None:
                return self._finish(tokens, 0, verb_end)  # "the trial began", "Perry died"
        if require_event and not is_event:
            return None
        if require_event and not has_determiner and not proper_only \
                and not any(w.endswith(("'s", "’s")) for w in collected):
            return None  # "during IV sessions" is habitual; "during Perry's trial" names one event
        if index < len(tokens) and tokens[index][0].lower() == "of":  # "the death of actor Matthew Perry"
            tail = index + 1
            if tail < len(tokens) and tokens[tail][0].lower() in _DETERMINERS:
                tail += 1
            while tail < len(tokens) and tail - index <= 5 and tokens[tail][0].lower() not in _ANCHOR_STOPS \
                    and not (_is_verbish(tokens[tail][0].lower()) and tail > index + 1):
                tail += 1
            if tail > index + 1 and tokens[tail - 1][0].lower() not in _DETERMINERS:
                last = tail - 1
        return self._finish(tokens, 0, last)

    def _finish(self, tokens: list[tuple[str, int, int]], first: int, last: int) -> _AnchorPhrase:
        start, end = tokens[first][1], tokens[last][2]
        tail = _DATE_TAIL_RE.match(self.text, end)  # "his passing on Oct. 28"
        if tail:
            base = self.bases_by_start.get(tail.end())
            if base is not None:
                return _AnchorPhrase(start, base.end, base.date)
        return _AnchorPhrase(start, end)

    # ---- running

    def run(self, offset: int) -> list[TimeExpression]:
        bases = _select(self._without_vetoed(self.calendar_candidates()))
        self.bases_by_start = {b.start: b for b in bases}
        found = bases + list(self.compounds(bases)) + list(self.anchored())
        chosen = _select(self._without_vetoed(found))
        return [self._expression(f, offset) for f in chosen if not self._in_a_title(f)]

    def _in_a_title(self, found: _Found) -> bool:
        """ "CBS This Morning", "America This Morning": a relative expression written with a
        capital inside a sentence is part of a programme's name, not a time."""
        return (found.kind == RELATIVE and _CAPITALISED_DEICTIC_RE.match(self.text, found.start) is not None
                and not _CLAUSE_OPENING_RE.search(self.text, 0, found.start))

    def _without_vetoed(self, found: Iterable[_Found]) -> list[_Found]:
        kept = list(found)
        if not self.vetoes:
            return kept
        return [f for f in kept if not any(f.start < v_end and v_start < f.end for v_start, v_end in self.vetoes)]

    def _expression(self, found: _Found, offset: int) -> TimeExpression:
        text = self.text[found.start:found.end]
        anchor = None
        date_text = text
        if found.anchor is not None:
            low, high, a_start, a_end = found.anchor
            if a_start is not None and a_end is not None:
                date_text = self.text[found.start:a_end]
                anchor = AnchoredOffset(low, high, self.text[a_start:a_end], a_start + offset, a_end + offset)
            else:
                anchor = AnchoredOffset(low, high, None, None, None, found.calendar)
        resolved = replace(found.date, text=date_text) if found.date is not None and found.date.known \
            else FuzzyDate.unknown(date_text)
        return TimeExpression(found.start + offset, found.end + offset, text, found.kind, resolved, anchor, found.future)


# --------------------------------------------------------------------------- resolution helpers


def _enclosing(breaks: list[tuple[int, int]], start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """The stretch of [lo, hi) around [start, end) that no break in `breaks` cuts."""
    for brk_start, brk_end in breaks:
        if brk_start < lo or brk_end > hi:
            continue
        if brk_end <= start:
            lo = brk_end
        elif brk_start >= end:
            return lo, brk_start
    return lo, hi


def _pair(first: date | None, last: date | None = None) -> tuple[date, date] | None:
    if first is None:
        return None
    if last is None:
        return first, first
    return first, last


def _month_number(raw: str) -> int | None:
    word = raw.rstrip(".").lower()
    return _MONTH_NUMBER.get(word) or _MONTH_ABBREVIATIONS.get(word)


def _is_event_noun(word: str) -> bool:
    word = word.lower()
    if word in _EVENT_NOUNS:
        return True
    for suffix in ("es", "s"):
        if word.endswith(suffix) and word[: -len(suffix)] in _EVENT_NOUNS:
            return True
    return False


def _is_content_word(word: str) -> bool:
    low = word.lower()
    return low not in _ANCHOR_STOPS and low not in _AUXILIARIES and word[:1].isalpha()


def _is_verbish(low: str) -> bool:
    if low in _AUXILIARIES or low in _IRREGULAR_PAST:
        return True
    return low.endswith("ed") and len(low) > 4 and low not in _NOT_PAST_ED


def _verb_group_end(tokens: list[tuple[str, int, int]], index: int) -> int | None:
    """Index of the last token of a past-tense verb group starting at `index` ('was found dead', 'died')."""
    if index >= len(tokens):
        return None
    low = tokens[index][0].lower()
    auxiliary = low in _AUXILIARIES
    if auxiliary:
        index += 1
        while index < len(tokens) and tokens[index][0].lower() in _VERB_FILLERS:
            index += 1
        if index >= len(tokens):
            return None
        low = tokens[index][0].lower()
    elif low in _VERB_FILLERS:
        index += 1
        if index >= len(tokens):
            return None
        low = tokens[index][0].lower()
    is_participle = low.endswith(("ed", "en")) or low in _IRREGULAR_PAST
    if not is_participle or low in _NOT_PAST_ED or low in _AUXILIARIES - {"had", "did"}:
        return None
    end = index
    if end + 1 < len(tokens) and tokens[end + 1][0].lower() in (_COMPLEMENTS | _OBJECT_PRONOUNS):
        end += 1
    return end


# The longest run of each calendar unit, in days: "that month" is within 30 days of any day in it.
_LONGEST_UNIT_DAYS = {"week": 7, "month": 31, "year": 366}


def _same_unit_offsets(unit: str, direction: str) -> tuple[int, int]:
    """Offsets of 'that day' / 'later that year' / 'earlier that month' from the anchor event.

    Parts of a day stay on the anchor's day ('that night' may run into the next one). For a week,
    month or year the offsets cover every day of that unit wherever the anchor falls in it, so
    the claim is never narrower than the text: 'that year' = ±365, 'later that year' = [1, 365]
    ('later' leaves the anchor's own day out: that would be 'later that day').
    """
    if unit in SEASON_FIRST_MONTH:  # "that spring": the season of the anchor's year, before or after it
        return -365, 365
    if unit not in _LONGEST_UNIT_DAYS:
        return (0, 1) if unit == "night" else (0, 0)
    reach = _LONGEST_UNIT_DAYS[unit] - 1
    if direction == "later":
        return 1, reach
    if direction == "earlier":
        return -reach, -1
    return -reach, reach


def _calendar_unit(day: date, unit: str, step: int, future: bool = False) -> FuzzyDate | None:
    """The week / weekend / month / quarter / year / decade holding `day`, moved by `step` units."""
    if unit == "week":
        monday, sunday = week_of(day + timedelta(days=7 * step))
        return FuzzyDate.between(monday, sunday)
    if unit == "weekend":
        if step < 0:  # the most recent Saturday-Sunday that ended before the day
            saturday = _weekday_on_or_before(day - timedelta(days=1), 5)
            if saturday + timedelta(days=1) >= day:
                saturday -= timedelta(days=7)
        elif step > 0:
            saturday = week_of(day)[0] + timedelta(days=12)
        else:
            saturday = week_of(day)[0] + timedelta(days=5)
            if not future and saturday > day:
                saturday -= timedelta(days=7)
        return FuzzyDate.between(saturday, saturday + timedelta(days=1))
    if unit == "month":
        year, month = _add_months(day.year, day.month, step)
        return FuzzyDate.month(year, month)
    if unit == "quarter":
        year, month = _add_months(day.year, 3 * ((day.month - 1) // 3) + 1, 3 * step)
        return FuzzyDate.between(date(year, month, 1), _month_end(*_add_months(year, month, 2)))
    if unit == "year":
        return FuzzyDate.year(day.year + step)
    if unit == "decade":
        return FuzzyDate.decade((day.year // 10 + step) * 10)
    return None


def _relative_weekday(day: date, weekday: int, step: int, future: bool) -> FuzzyDate:
    """'last Thursday' is strictly before `day`, 'next Thursday' strictly after; a bare one may be `day` itself."""
    if step < 0:
        return FuzzyDate.day(_weekday_on_or_before(day - timedelta(days=1), weekday))
    if step > 0:
        return FuzzyDate.day(_weekday_on_or_after(day + timedelta(days=1), weekday))
    if future:
        return FuzzyDate.day(_weekday_on_or_after(day, weekday))
    return FuzzyDate.day(_weekday_on_or_before(day, weekday))


def _window(day: date, before: int, after: int) -> FuzzyDate:
    """[day - before, day + after]: 'the past year', 'in the coming weeks', 'tomorrow'."""
    return FuzzyDate.between(day - timedelta(days=before), day + timedelta(days=after))


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), _month_end(year, month)


def _holiday_span(year: int, name: str) -> tuple[date, date] | None:
    return _pair(_holiday(name, year))


def _relative_month(day: date, month: int, step: int) -> FuzzyDate:
    """'last October' = the most recent October of an earlier month; 'next October' the first later one."""
    if step < 0:
        year = day.year if month < day.month else day.year - 1
    elif step > 0:
        year = day.year if month > day.month else day.year + 1
    else:
        year = day.year
    return FuzzyDate.month(year, month)


def _relative_season(day: date, name: str, rel: str, future: bool) -> FuzzyDate | None:
    seasons = [_season(name, year) for year in range(day.year - 2, day.year + 2)]
    if rel in ("last", "this past", "past"):
        span = max((s for s in seasons if s[1] < day), default=None)
    elif rel in ("next", "this coming"):
        span = min((s for s in seasons if s[0] > day), default=None)
    else:
        holding = [s for s in seasons if s[0] <= day <= s[1]]
        if holding:
            span = holding[0]
        elif future:
            span = min((s for s in seasons if s[0] > day), default=None)
        else:
            span = max((s for s in seasons if s[1] < day), default=None)
    return FuzzyDate.between(*span) if span else None


def _ago(day: date, lo: int, hi: int | None, unit: str, exact_count: int | None) -> FuzzyDate:
    """'two years ago': calendar units for exact counts, otherwise a window of days."""
    if exact_count is not None:
        if unit == "day" or unit == "night":
            return FuzzyDate.day(day - timedelta(days=exact_count))
        if unit == "week":
            monday, sunday = week_of(day - timedelta(days=7 * exact_count))
            return FuzzyDate.between(monday, sunday)
        if unit == "month":
            return FuzzyDate.month(*_add_months(day.year, day.month, -exact_count))
        if unit == "year":
            return FuzzyDate.year(day.year - exact_count)
        if unit == "decade":
            return FuzzyDate.year(day.year - 10 * exact_count)
    start = day - timedelta(days=hi) if hi is not None else None
    return FuzzyDate.between(start, day - timedelta(days=lo))


def _window_days(num: str | None, unit_raw: str) -> int | None:
    """Longest span of 'the past [N] units' / 'the next [N] units'."""
    unit = _unit_name(unit_raw)
    if num is None:
        if unit_raw.lower().endswith("s"):
            return _bare_plural_days(unit)[1]
        return _unit_days(unit, 1)[1]
    counted = _count(num)
    return _unit_days(unit, counted[1])[1] if counted else None


def _part_of(part: str, start: date, end: date, unit: str) -> tuple[date, date] | None:
    """The named part of a period: 'early' 2020, 'the end of' March, 'the first half of' 2023."""
    if part in ("early", "beginning of", "start of", "turn of"):
        key = "early"
    elif part in ("mid", "middle of"):
        key = "mid"
    elif part in ("late", "end of", "close of"):
        key = "late"
    else:
        key = part
    if key in ("early", "mid", "late"):
        if unit == "year":
            months = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[key]
            return date(start.year, months[0], 1), _month_end(start.year, months[1])
        if unit == "month":
            days = {"early": (1, 10), "mid": (11, 20), "late": (21, end.day)}[key]
            return start.replace(day=days[0]), start.replace(day=days[1])
        if unit == "decade":
            years = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[key]
            return date(start.year + years[0], 1, 1), date(start.year + years[1], 12, 31)
        return _thirds(start, end, key)
    ordinal = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
               "final": -1, "last": -1}[key.split()[0]]
    if "half" in key:
        return (start, start.replace(month=6, day=30)) if ordinal == 1 else (start.replace(month=7, day=1), end)
    if "quarter" in key:
        quarter = 4 if ordinal == -1 else ordinal
        return date(start.year, 3 * quarter - 2, 1), _month_end(start.year, 3 * quarter)
    if "week" in key:
        if ordinal == -1:
            return end - timedelta(days=6), end
        return start + timedelta(days=7 * (ordinal - 1)), start + timedelta(days=7 * ordinal - 1)
    return None


def _bounded(signal: str, base: FuzzyDate | None) -> FuzzyDate | None:
    """'since 2019' = [2019-01-01, open]; 'before Oct. 28' = [open, Oct. 27]; 'by 2025' = [open, 2025-12-31]."""
    if base is None or base.start is None or base.end is None:
        return None
    if signal.startswith(("since", "starting", "beginning", "no earlier than")):
        return FuzzyDate.between(base.start, None)
    if signal in ("before", "prior to", "earlier than"):
        return FuzzyDate.between(None, base.start - timedelta(days=1))
    if signal in ("after", "later than"):
        return FuzzyDate.between(base.end + timedelta(days=1), None)
    return FuzzyDate.between(None, base.end)  # until, till, through, by, no later than


def _select(found: list[_Found]) -> list[_Found]:
    """Non-overlapping expressions, longest first; ties go to the earlier start, then the earlier pattern."""
    ordered = sorted(enumerate(found), key=lambda pair: (-(pair[1].end - pair[1].start), pair[1].start, pair[0]))
    taken: list[_Found] = []
    for _, candidate in ordered:
        if any(candidate.start < t.end and t.start < candidate.end for t in taken):
            continue
        taken.append(candidate)
    return sorted(taken, key=lambda f: f.start)


def narrative_months(expressions: Sequence[TimeExpression], text: str) -> list[TimeExpression]:
    """"that August" is August of the year the story last named ("On April 2, 2024, ...
    was arrested that August" is August 2024), not the latest August before publication.
    `expressions` are a document's, in order; `text` is the document text."""
    resolved: list[TimeExpression] = []
    last_year: int | None = None
    skip: TimeExpression | None = None
    for index, expression in enumerate(expressions):
        if expression is skip:
            continue
        date_ = expression.date
        following = expressions[index + 1] if index + 1 < len(expressions) else None
        month_of_that_year = (following is not None and following.text.lower() == "that year"
                              and _OF_THAT_YEAR_GAP_RE.fullmatch(text, expression.end, following.start) is not None)
        if (expression.kind == ABSOLUTE and date_.precision == Precision.MONTH and last_year is not None
                and month_of_that_year and date_.start is not None):
            # "In April of that year": one expression, the month of the year last named
            expression = replace(expression, end=following.end, text=text[expression.start:following.end],
                                 date=FuzzyDate.month(last_year, date_.start.month, text[expression.start:following.end]))
            skip = following
        elif (expression.kind == ABSOLUTE and date_.precision == Precision.MONTH and last_year is not None
                and _THAT_MONTH_RE.search(text, max(0, expression.start - 8), expression.start)
                and not _EXPLICIT_YEAR_RE.search(expression.text) and date_.start is not None):
            expression = replace(expression, date=FuzzyDate.month(last_year, date_.start.month))
        elif expression.kind == ABSOLUTE and date_.start is not None and _EXPLICIT_YEAR_RE.search(expression.text):
            last_year = date_.start.year
        resolved.append(expression)
    return resolved


def find_time_expressions(text: str, published: FuzzyDate | None, *, offset: int = 0) -> list[TimeExpression]:
    """Time expressions in `text` (usually one sentence), resolved against `published`.

    Offsets in the result (including anchor offsets) are `offset` + positions in `text`,
    so passing the sentence's start gives document offsets. Sorted by start, non-overlapping.
    """
    if not text:
        return []
    lowered = text.lower()
    if not _TRIGGER_RE.search(lowered):
        return []
    return _Scanner(text, published, lowered).run(offset)
