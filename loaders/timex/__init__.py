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
  "36 hours after X" = [1, 2]; "within hours/minutes of X" = [0, 0] (the anchor's day);
  "minutes later", "about two hours later", "a few hours later" (six hours at most) = [0, 0]:
  told of a day, reporters mean the same day.
- A bare plural unit means "a few of them, fewer than the next unit":
  hours = [-1, 0], days = [-6, -1] (the near side is -1, not -2, because "days before"
  is used loosely for a day and a half), weeks = [-42, -14], months = about two to
  eleven months, years = at least two years with the far side open.
- Vague counts: "a couple of" = 2..3, "a few" = 2..5, "a handful of" = 3..6,
  "several" = 3..9 units.
- "more than / over / at least N before X" = [open, -N]; "less than / under / up to N
  before X" = [-N, 0]; "about / around / roughly N" = N ± one day up to a month, ± 15 % beyond;
  "nearly / almost N" = N less that margin .. N.
- Windows: "in / during / over the N days before X" and "for N days before X" =
  [-N, 0]: N days counted back from a moment during X's day reach into day -N and
  include the earlier part of X's day itself. "after" windows are [0, N];
  "within N days of X" = [0, N]: in news, what happens within a month of a death or an
  arrest follows it. Fronted with no anchor ("Within hours, the hospital issued a
  statement"), it counts from the date told before; "within 30 days" elsewhere in a
  sentence is a deadline, not a date.
- "the day before/after X" = [-1, -1] / [1, 1]; "the night before" = [-1, -1];
  "the day/morning of X" = [0, 0]; "on the eve of X" = [-1, -1]; a day named by what
  happened on it, "the day the charges were announced", "on the day he died", "the same
  morning Farrow was found" = [0, 0], "the night he died" = [-1, 0]; "the week/month/year
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
  "during that period" / "over the same period" / "in that time" = the whole span told
  before (`AnchoredOffset.calendar` (0, 0, PERIOD_TOLD)): the last interval of more than a
  day the story gave, never a single day ("during that time of year", "over the same
  period last year" are no such reference);
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
that crosses New Year; times of day within a sentence (dropped, so "11 p.m. the night
before" never shifts a day; only `narrative_days` dates them, from days the story told
before); present-tense headlines about the past ("Trial opens Jan. 23" published on
Jan. 24 reads as the next Jan. 23) and copular schedules ("the deadline is Jan. 16",
read as neutral, hence past); tense is a nearest-marker heuristic, not a parse.

Speed: every pattern is compiled once; long word lists are compiled as tries (see
`_alternation`); a sentence with no trigger word is skipped outright, and groups of
patterns that need a digit, a month name, a season word or a unit word are skipped when
the sentence has none; tense markers and clause breaks are found once per sentence.

The stage is a package: `base` (the records it returns), `words` and `patterns`
(vocabularies and the regular expressions built from them), `calendar`,
`scanner` (one sentence's expressions), `resolution` (intervals from relative
words), `api` (the entry point below) and `narrative` (what a whole story's course
dates: the year of "that August", "August last year" as one month, the year of a day told
without one beside a day told with one ("on Oct. 12" after "between Sept. 30 and Oct. 12,
2023"), the day of a clock time in a night told hour by hour).
"""

from loaders.timex.api import find_time_expressions
from loaders.timex.base import ABSOLUTE, ANCHORED, PERIOD_TOLD, RELATIVE, AnchoredOffset, TimeExpression
from loaders.timex.calendar import whole_number
from loaders.timex.narrative import narrative_days, narrative_months, told_with_year
from loaders.timex.scanner import hours_into_the_night

__all__ = ["ABSOLUTE", "ANCHORED", "PERIOD_TOLD", "RELATIVE", "AnchoredOffset", "TimeExpression", "find_time_expressions",
           "hours_into_the_night", "narrative_days", "narrative_months", "told_with_year", "whole_number"]
