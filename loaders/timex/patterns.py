"""The regular expressions the scanner reads, built from the vocabularies."""

from __future__ import annotations

import re
from collections.abc import Iterable

from loaders.records import MONTH_NAMES, WEEKDAY_NAMES
from loaders.timex.words import _IRREGULAR_PAST, _MONTH_ABBREVIATIONS, _SMALL_NUMBERS, _TENS, _VAGUE_COUNTS


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
# After a list ending in a bare number, a plural noun makes the number a count: "Oct. 26 and 27 people",
# and so does "more": "20 vials on March 3 and 30 more on March 9".
_COUNT_NOUN_AFTER_RE = re.compile(r"\s+(?:[a-z]*[b-hj-rtv-z]s|people|percent|men|women|children|more|additional)\b")

_DAYWORD_RE = re.compile(
    r"(?<![\w-])(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|"
    r"tonight|tomorrow|last\s+night|this\s+(?:morning|afternoon|evening)|earlier\s+today|later\s+today))"
    rf"(?:\s+(?P<part>{_PART_OF_DAY}))?(?![\w-])")
_LNT_RE = re.compile(
    r"(?<![\w-])(?P<rel>(?i:last|next|this\s+past|this\s+coming|this))\s+"
    rf"(?P<what>(?i:week|weekend|month|year|quarter|decade)(?![\w-])|{_WEEKDAY}|{_MONTH})"
    rf"(?:\s+(?P<part>{_PART_OF_DAY})(?![\w-]))?")
# "arrested over the weekend": the weekend the story's day is in, or the one just before it
_OVER_THE_WEEKEND_RE = re.compile(r"(?<![\w-])(?i:over|during)\s+(?i:the)\s+(?i:weekend)(?![\w-])(?!\s+(?i:of|before|after|when|that)\b)")
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
    r"(?P<u>day|morning|night|evening|afternoon|week|weekend|month|year|spring|summer|fall|autumn|winter"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?P<same>(?P<dir2>later|earlier)\s+(?:that(?:\s+same)?|in\s+the)|that\s+same|the\s+same|that)\s+"
    # ("that fall", not "that fall from the ladder", nor the verb: "drugs that fall under the act")
    r"(?P<su>day|morning|afternoon|evening|night|week|month|year|spring|summer|autumn|winter"
    r"|fall(?!\s+(?:under|into|within|outside|short|through|apart|behind|below|between|off|from|down|out|on|in"
    r"|ill|sick|asleep|silent|victim|prey|foul|flat|back|away|over)\b))))"
    r"(?![\w-])")
# "sold the drugs during that period", "injecting herself over the same period": the span of
# time told before (not "during that time of year", nor "over the same period last year").
_PERIOD_TOLD_RE = re.compile(
    r"(?<![\w-])(?i:(?:during|over|in|throughout|across)\s+(?:that|this|the\s+same|that\s+same)\s+(?:period|time|stretch|span))"
    r"(?![\w-])(?!\s+(?i:of|when|in\s+which|last|next|a|the|each|every)\b)")
# "the day the charges were announced", "on the night he died", "the morning Farrow was found":
# a day named by what happened on it.
_DAY_OF_CLAUSE_RE = re.compile(
    r"(?<![\w-])(?i:the\s+(?:same\s+)?(?P<u>day|night|morning|afternoon|evening))\s+(?i:(?:that|when|on\s+which)\s+)?"
    r"(?=[A-Za-z])")
# ... but not a time of day ("in the morning"), nor an apposition to a date told just before it
# ("on Monday, the day the verdict came down": Monday).
_DAY_OF_CLAUSE_SKIP_RE = re.compile(r"(?:\b(?i:in|during|at|by)\s+|,\s*)$")
_BARE_REL_RE = re.compile(
    r"(?<![\w-])(?:(?P<mod>(?i:shortly|soon|just|immediately|right|moments|not\s+long|long|well|only|even))\s+)?"
    r"(?P<rel>(?i:before|after|prior\s+to|following|until|till|up\s+until|since|during|at\s+the\s+time\s+of|"
    r"ahead\s+of|in\s+the\s+run-up\s+to|in\s+the\s+lead-up\s+to|in\s+the\s+wake\s+of|in\s+the\s+aftermath\s+of))"
    r"(?![\w-])")

_BOUND_SIGNAL_RE = re.compile(
    r"(?<![\w-])(?P<sig>(?i:since(?:\s+at\s+least|\s+as\s+early\s+as)?|until|till|up\s+until|up\s+to|through|thru|by|before|after|prior\s+to|"
    r"starting(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on))?|no\s+later\s+than|not\s+later\s+than|"
    r"earlier\s+than|later\s+than|no\s+earlier\s+than))\s+$")
_RANGE_OPEN_RE = re.compile(r"(?<![\w-])(?i:between|from)\s+$")
_RANGE_JOIN_RE = re.compile(r"\s*(?:(?i:and|to|through|thru|until|till)\s+|[-–]\s*)")
_FREQUENCY_BEFORE_RE = re.compile(r"(?i:\b(?:twice|once|times|per|every|each|other|a|an))\s+$")

# Signals that make a bare month name a month ("in March"); "May" gets only the first list.
# "the following March" is the month after the story's last told time (see narrative_months).
_MAY_SIGNAL_RE = re.compile(r"(?<![\w-])(?i:in|on|since|until|till|by|during|early|late|last|next|this|that"
                            r"|the\s+following)\s+$|(?i:mid)\s*-\s*$")
_MONTH_SIGNAL_RE = re.compile(
    r"(?<![\w-])(?i:in|on|since|until|till|by|during|early|late|last|next|this|that|through|throughout|from|"
    r"before|after|of|between|for|the\s+following)\s+$|(?i:mid)\s*-\s*$")
# "arrested that August": the month of the year the story is telling, resolved in
# narrative_months once the document's earlier dates are known.
_THAT_MONTH_RE = re.compile(r"(?<![\w-])(?i:that)\s+$")
# "April of that year", "July that year": the month of the year the story last named.
_OF_THAT_YEAR_GAP_RE = re.compile(r"\s+(?:of\s+)?")
_EXPLICIT_YEAR_RE = re.compile(r"\b(?:1[6-9]\d\d|20\d\d)\b")
_STRONG_YEAR_SIGNAL_RE = re.compile(
    r"(?<![\w-])(?i:in|since|since\s+at\s+least|since\s+as\s+early\s+as|until|till|by|during|before|after|from|"
    r"through|throughout|around|circa|as\s+of|early|late|year|c\.)\s+$")
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
# ... and after a name, a part of the day written with a capital: "CBS Sunday Morning", "ABC's Sunday Night".
_PART_OF_DAY_TITLE_RE = re.compile(r"\s+(?:Morning|Night|Evening|Afternoon)\b")
_NAME_BEFORE_RE = re.compile(r"(?<![.:;!?—–\"“‘(\[]\s)(?<!^)\b(?!(?:On|By|Last|Next|This|Early|Late|Since|Until|Before|After)\b)"
                             r"[A-Z][\w'’]*\s+$")
_SENTENCE_START_RE = re.compile(r"^[\s\"'“‘(\[]*$")
_CAPITALISED_DEICTIC_RE = re.compile(r"(?:This|Next|Last|Today|Tonight|Tomorrow|Yesterday|Earlier|Later)\b")
# Where a capital may open a clause: the start, or after a stop, a colon, a dash or a quote.
_CLAUSE_OPENING_RE = re.compile(r"(?:^|[.:;!?—–\-\"“‘'(\[])\s*$")

_FUTURE_MARKER_RE = re.compile(
    r"(?=[\w'’])(?:\b(?-i:will|WILL|shall|won['’]t)\b|['’]ll\b|"  # not "Will Smith"
    r"\b(?:is|are|am|['’]s|['’]re)\s+(?:not\s+)?(?:scheduled|set|expected|due|slated|poised|planned|planning|"
    r"calendared|going|likely|anticipated|to\s+be|"
    r"to\s+(?:begin|start|open|resume|take\s+place|appear|stand|return))\b|"  # "her trial is to begin in May"
    r"\b(?:scheduled|set|slated|due|calendared|docketed)\s+(?:for|to)\b|"
    r"\b(?:plans?|intends?|aims?|vows?|promises?|threatens?|hopes?)\s+to\b|\b(?:upcoming|forthcoming)\b|"
    # "his trial could begin as early as this fall": a start still to come
    r"\b(?:could|may|might)\s+(?:begin|start|open|resume|take\s+place|be\s+held)\b|"
    r"\b(?:set|sets|scheduled|schedules|slated|calendared)\s+(?:\w+\s+){1,4}for\b|"  # "set a (joint jury) trial for Jan. 12"
    # A present tense after "when"/"until" tells what is still to come: "faces 20 years when he is sentenced".
    r"\b(?:when|once|until|till)\s+(?:he|she|they|it)\s+(?:(?:is|are)\s+\w+(?:ed|en)|appears?|returns?|pleads?|stands?|goes|go)\b)",
    re.IGNORECASE)
# A date something is moved to is still to come: "postponed the trial to Aug. 19".
_MOVED_TO_RE = re.compile(
    # (a move either way only in the present perfect: "has been moved to June 27", not "In May, the
    # judge moved the trial to Aug. 25" told in October)
    r"(?:\b(?i:postpon|delay|defer|reschedul|adjourn|push(?:ed|es|ing)?\s+back|pushed)\w*\b"
    r"|\b(?i:has|have)\s+been\s+(?i:moved|relisted)\b)"
    r"[^.;:]{0,160}?\b(?i:to|until|till|for)\s+$")
# "It was not until May that ...", "was not charged until 2021": it happened then, not before.
_NOT_UNTIL_RE = re.compile(r"(?:\b(?i:not|never)|n't)\s+(?:\w+\s+){0,3}?(?i:until|till)\s+$")
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
    r"\b(?i:but|whereas|although)\b|"
    # a clause of its own in the past: "will be sentenced in September after she was convicted" (not
    # "until he is sentenced in September", which is still to come)
    r"\b(?i:after|before|because|since|until|once)(?=\s+(?i:he|she|they|it|we|i)\s+(?i:was|were|had|[a-z]+ed)\s)|"
    r"\b(?i:after)(?=\s+[a-z]+ing\s)|"  # "to be sentenced on Aug. 5 after pleading guilty in March"
    # a verb phrase of its own: "will stand trial in February and was granted bail"
    r"\band(?=\s+(?:was|were|had|has|have|is|are|will)\s)")
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
tomorrow yesterday later earlier wake aftermath run-up lead-up period
""".split() + ["time of", "that time", "same time"]))
# Cheap look-ups that let a sentence skip whole groups of patterns that cannot match in it:
# every quantity pattern ("two days before", "weeks ago", "in the past year") needs a unit word.
_UNIT_WORD_RE = re.compile(r"second|minute|hour|day|night|week|fortnight|month|year|decade")
_DIGIT_RE = re.compile(r"\d")
_MONTH_WORD_RE = re.compile(_MONTH)
_SEASON_WORD_RE = re.compile(r"spring|summer|autumn|fall|winter")
