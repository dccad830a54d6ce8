"""Behaviour of the time-expression stage: what counts as a date in news text, and what it resolves to."""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from datetime import date, timedelta

import pytest

from loaders.extract import extract_document
from loaders.records import DocumentRecord, FuzzyDate, Precision, Sentence
from loaders.timex import (
    ABSOLUTE,
    ANCHORED,
    PERIOD_TOLD,
    RELATIVE,
    TimeExpression,
    find_time_expressions,
    narrative_days,
    narrative_months,
    whole_number,
)

# Monday 18 December 2023
PUBLISHED = FuzzyDate.day(date(2023, 12, 18))


def only(sentence: str, published: FuzzyDate | None = PUBLISHED) -> TimeExpression:
    found = find_time_expressions(sentence, published)
    assert len(found) == 1, [e.text for e in found]
    return found[0]


def texts(sentence: str, published: FuzzyDate | None = PUBLISHED) -> list[str]:
    return [e.text for e in find_time_expressions(sentence, published)]


def interval(expression: TimeExpression) -> tuple[date | None, date | None, Precision]:
    return expression.date.start, expression.date.end, expression.date.precision


def offsets(expression: TimeExpression) -> tuple[int | None, int | None]:
    assert expression.anchor is not None
    return expression.anchor.min_offset_days, expression.anchor.max_offset_days


# --------------------------------------------------------------------------- absolute dates


@pytest.mark.parametrize("sentence, text", [
    ("Perry died on Oct. 28 at his home.", "Oct. 28"),
    ("Perry died on October 28 at his home.", "October 28"),
    ("Perry died on 28 October at his home.", "28 October"),
    ("Perry died on the 28th of October at his home.", "the 28th of October"),
])
def test_a_day_without_a_year_takes_the_most_recent_one_on_or_before_publication(sentence: str, text: str) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, ABSOLUTE)
    assert interval(found) == (date(2023, 10, 28), date(2023, 10, 28), Precision.DAY)
    assert found.future is False


def test_a_day_without_a_year_in_a_future_sentence_is_the_next_one() -> None:
    found = only("The hearing will take place Oct. 28.")
    assert interval(found) == (date(2024, 10, 28), date(2024, 10, 28), Precision.DAY)
    assert found.future is True


def test_the_publication_day_itself_counts_as_on_or_before() -> None:
    assert interval(only("He spoke on Dec. 18.")) == (date(2023, 12, 18), date(2023, 12, 18), Precision.DAY)


def test_a_day_without_a_year_is_unknown_without_a_publication_year_but_keeps_its_text() -> None:
    for published in (None, FuzzyDate.between(date(2023, 1, 1), None)):
        found = only("Perry died on Oct. 28.", published)
        assert found.date.precision is Precision.UNKNOWN
        assert found.date.text == "Oct. 28"
        assert found.kind == ABSOLUTE


@pytest.mark.parametrize("sentence, text", [
    ("Last updated on December 18, 2023 by admin.", "December 18, 2023"),
    ("The letter is dated Dec. 18, 2023.", "Dec. 18, 2023"),
    ("The letter is dated 18 December 2023.", "18 December 2023"),
    ("The file was created 2023-12-18 in the system.", "2023-12-18"),
    ("The form was signed 18/12/2023 by the patient.", "18/12/2023"),
])
def test_full_dates_need_no_publication_date(sentence: str, text: str) -> None:
    found = only(sentence, None)
    assert found.text == text
    assert interval(found) == (date(2023, 12, 18), date(2023, 12, 18), Precision.DAY)


def test_a_weekday_in_front_of_a_date_is_part_of_it() -> None:
    found = only("The report came out Thursday, Oct. 26, 2023, in Los Angeles.")
    assert found.text == "Thursday, Oct. 26, 2023"
    assert interval(found) == (date(2023, 10, 26), date(2023, 10, 26), Precision.DAY)


def test_ambiguous_slash_dates_are_skipped() -> None:
    assert texts("The form was signed 03/04/2023 by the patient.") == []


@pytest.mark.parametrize("sentence", [
    "On February 30, 2023 nothing happened.",
    "The file says 2023-02-30.",
    "It was signed on 31 April 2022.",
    "It happened on Feb. 30.",
])
def test_impossible_dates_are_not_dates_nor_is_any_part_of_them(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_month_with_a_year() -> None:
    found = only("The FDA approved esketamine in March 2019.")
    assert found.text == "March 2019"
    assert interval(found) == (date(2019, 3, 1), date(2019, 3, 31), Precision.MONTH)


def test_a_month_alone_takes_its_year_from_publication_like_a_day_does() -> None:
    past = only("In an interview with CNN in March, he said the drug helped.")
    assert (past.text, interval(past)) == ("March", (date(2023, 3, 1), date(2023, 3, 31), Precision.MONTH))
    future = only("The trial will begin in March.")
    assert interval(future) == (date(2024, 3, 1), date(2024, 3, 31), Precision.MONTH)


def test_a_month_named_in_a_fronted_phrase_takes_the_tense_of_the_clause() -> None:
    assert interval(only("In March, the trial will begin."))[0] == date(2024, 3, 1)


def test_a_year_after_a_temporal_preposition() -> None:
    found = only("He was photographed on the red carpet in New York City in 2017.")
    assert (found.text, interval(found)) == ("2017", (date(2017, 1, 1), date(2017, 12, 31), Precision.YEAR))


def test_a_year_used_as_a_modifier_is_a_year_but_a_count_of_things_is_not() -> None:
    assert texts("The 2020 election was close.") == ["2020"]
    assert texts("The 2000 doses were lost.") == []


@pytest.mark.parametrize("sentence, first_year", [
    ("Ketamine was developed as an anesthetic in the 1960s.", 1960),
    ("It was a club drug in the '90s.", 1990),
    ("It was a club drug in the ’90s.", 1990),
    ("It was popular in the 2010s.", 2010),
])
def test_decades(sentence: str, first_year: int) -> None:
    found = only(sentence)
    assert interval(found) == (date(first_year, 1, 1), date(first_year + 9, 12, 31), Precision.DECADE)


@pytest.mark.parametrize("sentence, start, end", [
    ("Cases rose in early 2020.", date(2020, 1, 1), date(2020, 4, 30)),
    ("Cases rose in mid-2021.", date(2021, 5, 1), date(2021, 8, 31)),
    ("Cases rose in late 2019.", date(2019, 9, 1), date(2019, 12, 31)),
    ("It was built in the late 1980s.", date(1987, 1, 1), date(1989, 12, 31)),
    ("Cases rose in mid-March 2022.", date(2022, 3, 11), date(2022, 3, 20)),
    ("Cases rose at the end of 2023.", date(2023, 9, 1), date(2023, 12, 31)),
    ("Results for the first quarter of 2023 were weak.", date(2023, 1, 1), date(2023, 3, 31)),
    ("Results for Q3 2022 were weak.", date(2022, 7, 1), date(2022, 9, 30)),
    ("Results for the second half of 2021 were weak.", date(2021, 7, 1), date(2021, 12, 31)),
    ("He was charged in the last week of October 2022.", date(2022, 10, 25), date(2022, 10, 31)),
    ("It was hot in the summer of 2019.", date(2019, 6, 1), date(2019, 8, 31)),
    ("The pipes froze in the winter of 2021.", date(2020, 12, 1), date(2021, 2, 28)),
])
def test_parts_of_periods_are_ranges(sentence: str, start: date, end: date) -> None:
    assert interval(only(sentence)) == (start, end, Precision.RANGE)


@pytest.mark.parametrize("sentence, text, start, end", [
    ("Prices rose between March and May 2023.", "between March and May 2023", date(2023, 3, 1), date(2023, 5, 31)),
    ("He called between Oct. 1 and Oct. 28, 2023.", "between Oct. 1 and Oct. 28, 2023", date(2023, 10, 1), date(2023, 10, 28)),
    ("He worked there from 2019 to 2021.", "from 2019 to 2021", date(2019, 1, 1), date(2021, 12, 31)),
    ("He worked there 2019-2021.", "2019-2021", date(2019, 1, 1), date(2021, 12, 31)),
    ("The trial ran Oct. 26-28, 2023.", "Oct. 26-28, 2023", date(2023, 10, 26), date(2023, 10, 28)),
    ("Sales fell March-May 2023.", "March-May 2023", date(2023, 3, 1), date(2023, 5, 31)),
    ("It rained from Monday to Wednesday.", "from Monday to Wednesday", date(2023, 12, 11), date(2023, 12, 13)),
])
def test_spans_between_two_dates_are_ranges(sentence: str, text: str, start: date, end: date) -> None:
    found = only(sentence)
    assert found.text == text
    assert interval(found) == (start, end, Precision.RANGE)


@pytest.mark.parametrize("sentence, text, start, end", [
    ("Sales rose in September and October 2023.", "September and October 2023", date(2023, 9, 1), date(2023, 10, 31)),
    ("He testified on Oct. 26 and 27, 2023.", "Oct. 26 and 27, 2023", date(2023, 10, 26), date(2023, 10, 27)),
    ("He testified on Oct. 26 and Oct. 27.", "Oct. 26 and Oct. 27", date(2023, 10, 26), date(2023, 10, 27)),
    ("He testified on 26 and 27 October 2023.", "26 and 27 October 2023", date(2023, 10, 26), date(2023, 10, 27)),
    ("He testified on Oct. 26, 27 and 28.", "Oct. 26, 27 and 28", date(2023, 10, 26), date(2023, 10, 28)),
    ("Sales rose in 2019 and 2020.", "2019 and 2020", date(2019, 1, 1), date(2020, 12, 31)),
    ("March, April and May 2021 were dry.", "March, April and May 2021", date(2021, 3, 1), date(2021, 5, 31)),
    ("Sales rose in March, April, and May 2021.", "March, April, and May 2021", date(2021, 3, 1), date(2021, 5, 31)),
    ("Sales rose in Jan. and Feb. 2023.", "Jan. and Feb. 2023", date(2023, 1, 1), date(2023, 2, 28)),
    ("He left on Oct. 26 or 27.", "Oct. 26 or 27", date(2023, 10, 26), date(2023, 10, 27)),
    ("Sales rose in September and October.", "September and October", date(2023, 9, 1), date(2023, 10, 31)),
])
def test_coordinated_dates_share_their_year_and_month_and_make_one_range(sentence: str, text: str, start: date,
                                                                          end: date) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, ABSOLUTE)
    assert interval(found) == (start, end, Precision.RANGE)


def test_coordinated_dates_that_are_not_contiguous_give_the_whole_span_they_lie_in() -> None:
    assert interval(only("He lived there in 2019 and 2021.")) == (date(2019, 1, 1), date(2021, 12, 31), Precision.RANGE)
    assert interval(only("He testified on Oct. 26 and Nov. 2.")) == (date(2023, 10, 26), date(2023, 11, 2),
                                                                    Precision.RANGE)


def test_a_year_shared_across_new_year_puts_the_earlier_items_in_the_year_before() -> None:
    assert interval(only("He called on Dec. 30 and Jan. 2, 2024.")) == (date(2023, 12, 30), date(2024, 1, 2),
                                                                       Precision.RANGE)
    # no year at all: the last item takes the publication year's most recent Jan. 2 and lends it backward
    assert interval(only("He called on Dec. 30 and Jan. 2.")) == (date(2022, 12, 30), date(2023, 1, 2), Precision.RANGE)


def test_coordinated_dates_in_a_future_clause_take_the_next_occurrence() -> None:
    found = only("The hearings will be held Jan. 8 and 9.")
    assert interval(found) == (date(2024, 1, 8), date(2024, 1, 9), Precision.RANGE)
    assert found.future is True


def test_coordinated_dates_without_a_publication_year_are_one_unknown_expression_that_keeps_its_text() -> None:
    found = only("He testified on Oct. 26 and 27.", None)
    assert (found.text, found.date.precision, found.date.text) == ("Oct. 26 and 27", Precision.UNKNOWN, "Oct. 26 and 27")


@pytest.mark.parametrize("sentence, expected", [
    ("On Oct. 26 and 27 people died.", ["Oct. 26"]),
    ("He was there on Oct. 26 and 2000 people came.", ["Oct. 26"]),
    ("He died in 2019, and 2020 was worse.", ["2019"]),
    ("He resigned in 2019, and May said she would stay.", ["2019"]),
    ("He talked with April and June.", []),
    ("He sold 2019 and 2020 shares.", []),
    ("It closed Feb. 28 and 30, 2023.", []),
    ("She sold him 20 vials on March 3 and 30 more on March 9.", ["March 3", "March 9"]),
])
def test_coordinations_that_are_not_lists_of_dates(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize("sentence, text, start, end", [
    ("He has lived there since 2019.", "since 2019", date(2019, 1, 1), None),
    ("Agents have watched him since at least 2021.", "since at least 2021", date(2021, 1, 1), None),
    ("He stayed there until 2020.", "until 2020", None, date(2020, 12, 31)),
    ("The plant will close by 2025.", "by 2025", None, date(2025, 12, 31)),
    ("He left before 2020.", "before 2020", None, date(2019, 12, 31)),
    ("He returned after March 2021.", "after March 2021", date(2021, 4, 1), None),
    ("The drug was sold before Oct. 28.", "before Oct. 28", None, date(2023, 10, 27)),
    ("It must be done by the end of 2025.", "by the end of 2025", None, date(2025, 12, 31)),
])
def test_bounds_keep_one_side_open(sentence: str, text: str, start: date | None, end: date | None) -> None:
    found = only(sentence)
    assert found.text == text
    assert interval(found) == (start, end, Precision.BOUND)


def test_a_bound_since_a_time_keeps_that_time_as_when_what_goes_on_began() -> None:
    found = only("He has lived there since March 2019.")
    assert (found.onset.start, found.onset.end) == (date(2019, 3, 1), date(2019, 3, 31))
    assert only("He stayed there until 2020.").onset is None


@pytest.mark.parametrize("sentence, text, start, end, kind", [
    ("It snowed in the winter of 2023.", "winter of 2023", date(2022, 12, 1), date(2023, 2, 28), ABSOLUTE),
    ("Sales rose in summer 2022.", "summer 2022", date(2022, 6, 1), date(2022, 8, 31), ABSOLUTE),
    ("He left last spring.", "last spring", date(2023, 3, 1), date(2023, 5, 31), RELATIVE),
    ("It was hot this summer.", "this summer", date(2023, 6, 1), date(2023, 8, 31), RELATIVE),
    ("It will be hot this summer.", "this summer", date(2024, 6, 1), date(2024, 8, 31), RELATIVE),
    ("He moved last fall.", "last fall", date(2023, 9, 1), date(2023, 11, 30), RELATIVE),
    ("He moves next spring.", "next spring", date(2024, 3, 1), date(2024, 5, 31), RELATIVE),
])
def test_a_season_is_a_date_when_a_year_or_a_deictic_word_says_which_one(sentence: str, text: str, start: date,
                                                                         end: date, kind: str) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, kind)
    assert interval(found) == (start, end, Precision.RANGE)


@pytest.mark.parametrize("sentence", [
    "It snowed in the winter.",
    "He planted a tree in the spring.",
    "Neurons are like a tree in the winter, then like a tree in the spring.",
    "It is quiet during the summer months.",
    "Drugs that fall under the act are banned.",
    "He broke a hip in his last fall.",
    "He wrote about the fall of Rome.",
    "He never recovered from that fall from the ladder.",
])
def test_a_season_without_a_year_or_a_deictic_word_is_not_a_date(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence, season", [
    ("That summer he moved to Los Angeles.", "summer"),
    ("He was sentenced that fall to two years' probation.", "fall"),
])
def test_that_summer_is_the_summer_of_the_year_the_story_is_telling(sentence: str, season: str) -> None:
    found = only(sentence)
    assert found.kind == "ANCHORED" and found.anchor is not None and found.anchor.calendar == (0, 0, season)


def test_holidays_are_days() -> None:
    assert interval(only("It rained on Christmas 2020.")) == (date(2020, 12, 25), date(2020, 12, 25), Precision.DAY)
    assert interval(only("They met on Thanksgiving.")) == (date(2023, 11, 23), date(2023, 11, 23), Precision.DAY)
    assert texts("He bought a Christmas card.") == []


def test_an_offset_from_a_date_is_that_date_moved() -> None:
    found = only("He called two days before Oct. 28.")
    assert (found.text, found.kind) == ("two days before Oct. 28", ABSOLUTE)
    assert interval(found) == (date(2023, 10, 26), date(2023, 10, 26), Precision.DAY)


# --------------------------------------------------------------------------- relative to publication


@pytest.mark.parametrize("sentence, text, start, end, precision", [
    ("The details were released Thursday.", "Thursday", date(2023, 12, 14), date(2023, 12, 14), Precision.DAY),
    ("The details were released on Thursday.", "Thursday", date(2023, 12, 14), date(2023, 12, 14), Precision.DAY),
    ("He said so yesterday.", "yesterday", date(2023, 12, 17), date(2023, 12, 17), Precision.DAY),
    ("He said so today.", "today", date(2023, 12, 18), date(2023, 12, 18), Precision.DAY),
    ("He went there last week.", "last week", date(2023, 12, 11), date(2023, 12, 17), Precision.RANGE),
    ("He went there last month.", "last month", date(2023, 11, 1), date(2023, 11, 30), Precision.MONTH),
    ("He went there last October.", "last October", date(2023, 10, 1), date(2023, 10, 31), Precision.MONTH),
    ("It rained earlier this month.", "earlier this month", date(2023, 12, 1), date(2023, 12, 18), Precision.RANGE),
    ("It was a good year this year.", "this year", date(2023, 1, 1), date(2023, 12, 31), Precision.YEAR),
    ("It went badly last year.", "last year", date(2022, 1, 1), date(2022, 12, 31), Precision.YEAR),
    ("He left two weeks ago.", "two weeks ago", date(2023, 12, 4), date(2023, 12, 10), Precision.RANGE),
    ("He left three years ago.", "three years ago", date(2020, 1, 1), date(2020, 12, 31), Precision.YEAR),
    ("He came last Thursday.", "last Thursday", date(2023, 12, 14), date(2023, 12, 14), Precision.DAY),
    ("Sales rose over the past year.", "the past year", date(2022, 12, 17), date(2023, 12, 18), Precision.RANGE),
    ("He rested this past weekend.", "this past weekend", date(2023, 12, 16), date(2023, 12, 17), Precision.RANGE),
    ("He was arrested over the weekend.", "over the weekend", date(2023, 12, 16), date(2023, 12, 17), Precision.RANGE),
])
def test_past_expressions_relative_to_publication(sentence: str, text: str, start: date, end: date,
                                                  precision: Precision) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, RELATIVE)
    assert interval(found) == (start, end, precision)
    assert found.future is False


@pytest.mark.parametrize("sentence, text, start, end", [
    ("He is scheduled to be sentenced next year.", "next year", date(2024, 1, 1), date(2024, 12, 31)),
    ("The ruling comes next month.", "next month", date(2024, 1, 1), date(2024, 1, 31)),
    ("He will be sentenced on Thursday.", "Thursday", date(2023, 12, 21), date(2023, 12, 21)),
    ("He will come next Thursday.", "next Thursday", date(2023, 12, 21), date(2023, 12, 21)),
    ("A decision is expected in the coming weeks.", "in the coming weeks", date(2023, 12, 18), date(2024, 1, 29)),
    ("It will happen in two weeks.", "in two weeks", date(2024, 1, 1), date(2024, 1, 1)),
    ("He arrives tomorrow.", "tomorrow", date(2023, 12, 19), date(2023, 12, 19)),
])
def test_future_expressions_relative_to_publication(sentence: str, text: str, start: date, end: date) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, RELATIVE)
    assert (found.date.start, found.date.end) == (start, end)
    assert found.future is True


@pytest.mark.parametrize("sentence, text, start", [
    ("The comment period ends Jan. 16.", "Jan. 16", date(2024, 1, 16)),
    ("The hearing is set for March 3.", "March 3", date(2024, 3, 3)),
    ("The hearing is scheduled for March 3.", "March 3", date(2024, 3, 3)),
    ("The rule takes effect July 1.", "July 1", date(2024, 7, 1)),
    ("The report is due Jan. 5.", "Jan. 5", date(2024, 1, 5)),
    ("The offer expires Jan. 31, officials said.", "Jan. 31", date(2024, 1, 31)),
    ("He said the comment period ends Jan. 16.", "Jan. 16", date(2024, 1, 16)),
    ("Hearings begin March 3.", "March 3", date(2024, 3, 3)),
    ("The hearing begins Thursday.", "Thursday", date(2023, 12, 21)),
    ("The trial opens on Dec. 18.", "Dec. 18", date(2023, 12, 18)),  # published that day: that day
])
def test_a_present_tense_schedule_is_the_next_such_day_on_or_after_publication(sentence: str, text: str,
                                                                               start: date) -> None:
    found = only(sentence)
    assert (found.text, found.date.start, found.date.end, found.future) == (text, start, start, True)


@pytest.mark.parametrize("sentence, start", [
    ("The comment period ended Jan. 16.", date(2023, 1, 16)),
    ("The clinic closed on March 3.", date(2023, 3, 3)),
    ("The law, which took effect July 1, is strict.", date(2023, 7, 1)),
    ("He wanted to begin on March 3.", date(2023, 3, 3)),
    ("Perry opens up about the addiction that began in March.", date(2023, 3, 1)),
])
def test_past_and_neutral_clauses_keep_the_most_recent_date(sentence: str, start: date) -> None:
    found = only(sentence)
    assert (found.date.start, found.future) == (start, False)


def test_the_tense_is_read_per_clause() -> None:
    died, trial = find_time_expressions("Perry died on Oct. 28, and the trial will begin next year.", PUBLISHED)
    assert (died.future, died.date.start) == (False, date(2023, 10, 28))
    assert (trial.future, trial.date.start) == (True, date(2024, 1, 1))
    said, ruling = find_time_expressions("Dr. Smith said on Thursday that the ruling will come in March.", PUBLISHED)
    assert (said.future, said.date.start) == (False, date(2023, 12, 14))
    assert (ruling.future, ruling.date.start) == (True, date(2024, 3, 1))


def test_a_sentence_end_closes_the_clause_but_an_abbreviation_does_not() -> None:
    assert only("It will rain. On Thursday, markets fell.").date.start == date(2023, 12, 14)
    assert only("Dr. Smith will testify on Thursday.").date.start == date(2023, 12, 21)


def test_a_name_called_will_is_not_the_future() -> None:
    assert only("Will Smith said on Thursday he left.").date.start == date(2023, 12, 14)


def test_recently_is_not_a_date() -> None:
    assert texts("He recently visited the clinic, and soon he will return; now he rests.") == []


def test_with_only_a_month_published_a_weekday_is_a_range_never_a_guessed_day() -> None:
    found = only("The details were released on Thursday.", FuzzyDate.month(2023, 12))
    assert found.date.precision is Precision.RANGE
    assert found.date.start is not None and found.date.end is not None
    assert found.date.start <= date(2023, 12, 7) and found.date.end >= date(2023, 12, 28)


def test_with_only_a_month_published_calendar_units_stay_exact_when_both_ends_agree() -> None:
    found = only("He went there last month.", FuzzyDate.month(2023, 12))
    assert interval(found) == (date(2023, 11, 1), date(2023, 11, 30), Precision.MONTH)


def test_without_a_publication_date_relative_expressions_are_unknown_but_kept() -> None:
    found = only("The details were released on Thursday.", None)
    assert (found.text, found.kind, found.date.precision, found.date.text) == (
        "Thursday", RELATIVE, Precision.UNKNOWN, "Thursday")


# --------------------------------------------------------------------------- anchored to events


def test_bare_days_before_an_anchor_that_carries_its_own_date() -> None:
    sentence = "According to an autopsy report, Perry received a ketamine infusion days before his passing on Oct. 28."
    anchored, day = find_time_expressions(sentence, PUBLISHED)
    assert (anchored.text, anchored.kind) == ("days before", ANCHORED)
    assert anchored.anchor is not None and anchored.anchor.anchor_text == "his passing on Oct. 28"
    assert offsets(anchored) == (-6, -1)
    assert interval(anchored) == (date(2023, 10, 22), date(2023, 10, 27), Precision.RANGE)
    assert anchored.date.text == "days before his passing on Oct. 28"
    assert (day.text, day.date.start) == ("Oct. 28", date(2023, 10, 28))


@pytest.mark.parametrize("sentence, text, anchor, low, high", [
    ("The session had taken place more than a week before his death - by which time it had worn off.",
     "more than a week before", "his death", None, -7),
    ("He was given at least 27 shots of ketamine in the four days before his death.",
     "in the four days before", "his death", -4, 0),
    ("Sixteen days before he died, Perry met the doctor.", "Sixteen days before", "he died", -16, -16),
    ("He was released a day after his arrest.", "a day after", "his arrest", 1, 1),
    ("The judge retired two weeks after the verdict.", "two weeks after", "the verdict", 14, 14),
    ("The call came within hours of her death.", "within hours of", "her death", 0, 0),
    ("He seemed well weeks before his death.", "weeks before", "his death", -42, -14),
    ("The road reopened months after the crash.", "months after", "the crash", 59, 337),
    ("He was seen a couple of days after the raid.", "a couple of days after", "the raid", 2, 3),
    ("He was seen several days before the hearing.", "several days before", "the hearing", -9, -3),
    ("He voted about two weeks before the election.", "about two weeks before", "the election", -15, -13),
    ("He filed less than a week before the deadline.", "less than a week before", "the deadline", -7, 0),
    ("Police arrived 36 hours after the crash.", "36 hours after", "the crash", 1, 2),
    ("He called hours before his death.", "hours before", "his death", -1, 0),
    ("He called within two days of his arrest.", "within two days of", "his arrest", 0, 2),
    ("He was sober for 19 months before his demise.", "for 19 months before", "his demise", -581, 0),
    ("He was tired in the days before his death.", "in the days before", "his death", -6, 0),
    ("He has been silent in the weeks since his arrest.", "in the weeks since", "his arrest", 0, 42),
    ("He was arrested the day before his birthday.", "the day before", "his birthday", -1, -1),
    ("He fled on the eve of the trial.", "on the eve of", "the trial", -1, -1),
    ("He died shortly after receiving a ketamine infusion.", "shortly after", "receiving a ketamine infusion", 0, 7),
    ("Prior to his death he was sober.", "Prior to", "his death", None, 0),
    ("He used the drug until he died.", "until", "he died", None, 0),
    ("During the trial he wept.", "During", "the trial", 0, 0),
    ("The concentration was higher at the time of his death.", "at the time of", "his death", 0, 0),
    ("He died a week after Perry's arrest.", "a week after", "Perry's arrest", 7, 7),
    ("An inquiry opened the week after her death.", "the week after", "her death", 1, 7),
    ("He was warned the month before his arrest.", "the month before", "his arrest", -31, -1),
    ("Clinics faced questions following Perry’s death.", "following", "Perry’s death", 0, None),
    ("Charges came ten years after the death of actor Matthew Perry.", "ten years after",
     "the death of actor Matthew Perry", 3651, 3653),
    ("Two weeks after the verdict was read, he resigned.", "Two weeks after", "the verdict", 14, 14),
    ("His last treatment was 1½ weeks before he died.", "1½ weeks before", "he died", -11, -10),
    ("His last treatment was 1 1/2 weeks before he died.", "1 1/2 weeks before", "he died", -11, -10),
    ("He was arrested a year and a half after the investigation began.", "a year and a half after",
     "the investigation", 547, 549),
])
def test_offsets_from_events_named_in_the_text(sentence: str, text: str, anchor: str,
                                               low: int | None, high: int | None) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, ANCHORED)
    assert found.anchor is not None and found.anchor.anchor_text == anchor
    assert offsets(found) == (low, high)
    assert found.date.precision is Precision.UNKNOWN
    assert found.date.text == sentence[sentence.index(text):sentence.index(anchor) + len(anchor)]


@pytest.mark.parametrize("sentence, text, low, high", [
    ("The following day, police came.", "The following day", 1, 1),
    ("The next day he called.", "The next day", 1, 1),
    ("Two days later he died.", "Two days later", 2, 2),
    ("A week earlier, he had visited.", "A week earlier", -7, -7),
    ("That same day he left.", "That same day", 0, 0),
    ("Days later, he was charged.", "Days later", 1, 6),
    ("The following week he returned.", "The following week", 1, 13),
    ("He died the night before.", "the night before", -1, -1),
])
def test_discourse_anchors_point_at_the_previously_mentioned_event(sentence: str, text: str, low: int,
                                                                   high: int) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, ANCHORED)
    assert found.anchor is not None
    assert (found.anchor.anchor_text, found.anchor.anchor_start, found.anchor.anchor_end) == (None, None, None)
    assert offsets(found) == (low, high)


@pytest.mark.parametrize("sentence, text, found", [
    ("She sold the drugs during that period.", "during that period", True),
    ("He injected himself over the same period.", "over the same period", True),
    ("In that time, he sold ketamine to dozens of patients.", "In that time", True),
    ("Sales fell 8% over the same period last year.", None, False),
    ("Flu peaks during that time of year.", None, False),
])
def test_that_period_is_the_span_told_before_not_a_comparison(sentence: str, text: str | None, found: bool) -> None:
    expressions = find_time_expressions(sentence, PUBLISHED)
    if not found:
        assert [e.text for e in expressions if e.anchor is not None and e.anchor.calendar is not None] == []
        return
    (expression,) = expressions
    assert (expression.text, expression.kind, offsets(expression)) == (text, ANCHORED, (0, 0))
    assert expression.anchor.calendar == (0, 0, PERIOD_TOLD)


@pytest.mark.parametrize("sentence, text, low, high", [
    ("He left that day.", "that day", 0, 0),
    ("He left the same day.", "the same day", 0, 0),
    ("Later that day, he died.", "Later that day", 0, 0),
    ("The next morning he was found.", "The next morning", 1, 1),
    ("Later that year, he was convicted.", "Later that year", 1, 365),
    ("Later that same year he moved.", "Later that same year", 1, 365),
    ("Earlier that year, he had moved.", "Earlier that year", -365, -1),
    ("Earlier that month he had moved.", "Earlier that month", -30, -1),
    ("Later that month he moved.", "Later that month", 1, 30),
    ("Later that week, he resigned.", "Later that week", 1, 6),
    ("That year, he moved to Los Angeles.", "That year", -365, 365),
    ("He was charged the same month.", "the same month", -30, 30),
    ("That week, he resigned.", "That week", -6, 6),
])
def test_the_day_week_month_or_year_of_the_previous_event_is_a_discourse_anchor(sentence: str, text: str,
                                                                                 low: int, high: int) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, ANCHORED)
    assert found.anchor is not None and found.anchor.anchor_text is None
    assert offsets(found) == (low, high)


def _year_of(day: date) -> tuple[date, date]:
    return date(day.year, 1, 1), date(day.year, 12, 31)


def _month_of(day: date) -> tuple[date, date]:
    return FuzzyDate.month(day.year, day.month).start, FuzzyDate.month(day.year, day.month).end  # type: ignore[return-value]


def _week_of(day: date) -> tuple[date, date]:
    return day - timedelta(days=day.weekday()), day + timedelta(days=6 - day.weekday())


@pytest.mark.parametrize("sentence, unit_of", [
    ("Later that year, he was convicted.", _year_of),
    ("Earlier that year, he had moved.", _year_of),
    ("That year, he moved.", _year_of),
    ("Later that month he moved.", _month_of),
    ("Earlier that month he had moved.", _month_of),
    ("That week, he resigned.", _week_of),
])
def test_same_unit_offsets_cover_that_unit_wherever_the_anchor_day_falls_in_it(
        sentence: str, unit_of: Callable[[date], tuple[date, date]]) -> None:
    found = only(sentence)
    low, high = offsets(found)
    later, earlier = found.text.lower().startswith("later"), found.text.lower().startswith("earlier")
    for anchor_day in (date(2024, 1, 1) + timedelta(days=n) for n in range(366 + 365)):  # a leap year and a common one
        claimed = FuzzyDate.day(anchor_day).shifted(low, high)
        assert claimed.start is not None and claimed.end is not None
        first, last = unit_of(anchor_day)
        if later:  # every later day of the unit, never the anchor's own day
            assert claimed.start > anchor_day
            first = anchor_day + timedelta(days=1)
        if earlier:
            assert claimed.end < anchor_day
            last = anchor_day - timedelta(days=1)
        if first <= last:  # "later that year" on Dec. 31 has no day left to cover
            assert claimed.start <= first and last <= claimed.end, (sentence, anchor_day)


@pytest.mark.parametrize("sentence, calendar", [
    ("The board acted the following month.", (1, 1, "month")),
    ("He was indicted the next year.", (1, 1, "year")),
    ("She had moved the previous month.", (-1, -1, "month")),
    ("That year, he moved.", (0, 0, "year")),
    ("He was charged the same month.", (0, 0, "month")),
    # "later" keeps to the calendar month, and its offsets leave out the anchor's day
    ("Later that month he moved.", (0, 0, "month")),
    ("That spring, the coroner ruled.", (0, 0, "spring")),
    ("That same winter he left.", (0, 0, "winter")),
    ("The following week he resigned.", (1, 1, "week")),
    ("That week he resigned.", (0, 0, "week")),
])
def test_weeks_months_and_years_told_from_the_story_are_counted_in_calendar_units(sentence, calendar) -> None:
    found = only(sentence)
    assert found.anchor is not None and found.anchor.calendar == calendar


@pytest.mark.parametrize("told, calendar, expected", [
    (FuzzyDate.month(2025, 1), (1, 1, "month"), FuzzyDate.month(2025, 2)),
    (FuzzyDate.day(date(2025, 12, 5)), (1, 1, "month"), FuzzyDate.month(2026, 1)),
    (FuzzyDate.day(date(2025, 12, 5)), (0, 0, "year"), FuzzyDate.year(2025)),
    (FuzzyDate.day(date(2025, 1, 5)), (-1, -1, "year"), FuzzyDate.year(2024)),
    (FuzzyDate.between(date(2025, 3, 5), date(2025, 4, 2)), (-1, -1, "month"),
     FuzzyDate.between(date(2025, 2, 1), date(2025, 3, 31))),
    (FuzzyDate.day(date(2024, 1, 9)), (0, 0, "spring"), FuzzyDate.between(date(2024, 3, 1), date(2024, 5, 31))),
    (FuzzyDate.day(date(2024, 10, 9)), (0, 0, "summer"), FuzzyDate.between(date(2024, 6, 1), date(2024, 8, 31))),
    (FuzzyDate.day(date(2024, 1, 9)), (0, 0, "winter"), FuzzyDate.between(date(2023, 12, 1), date(2024, 2, 29))),
    (FuzzyDate.day(date(2024, 11, 9)), (0, 0, "winter"), FuzzyDate.between(date(2024, 12, 1), date(2025, 2, 28))),
    # A Wednesday: the next Monday-to-Sunday week, and its own week
    (FuzzyDate.day(date(2025, 4, 16)), (1, 1, "week"), FuzzyDate.between(date(2025, 4, 21), date(2025, 4, 27))),
    (FuzzyDate.day(date(2025, 4, 16)), (0, 0, "week"), FuzzyDate.between(date(2025, 4, 14), date(2025, 4, 20))),
    (FuzzyDate.day(date(2025, 4, 20)), (-1, -1, "week"), FuzzyDate.between(date(2025, 4, 7), date(2025, 4, 13))),
])
def test_calendar_units_count_from_the_week_month_or_year_a_date_falls_in(told, calendar, expected) -> None:
    lo, hi, unit = calendar
    assert told.in_calendar_units(lo, hi, unit) == expected


def test_the_same_unit_as_a_named_event_counts_from_that_event() -> None:
    found = only("He was charged the same month as his arrest.")
    assert (found.text, found.anchor.anchor_text if found.anchor else None) == ("the same month as", "his arrest")
    assert offsets(found) == (-30, 30)


@pytest.mark.parametrize("sentence", [
    "He was born the same year as his brother.",
    "He said that week was hard.",
])
def test_the_same_unit_as_something_that_is_not_an_event_is_not_a_date(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence, text, low, high", [
    ("He died the day before.", "the day before", -1, -1),
    ("The day after, police came.", "The day after", 1, 1),
    ("A day earlier, he had visited.", "A day earlier", -1, -1),
    ("The day prior, he had visited.", "The day prior", -1, -1),
    ("She had seen him the day before at the clinic.", "the day before", -1, -1),
    ("He had called a day before to ask for help.", "a day before", -1, -1),
    ("He was released a day after and went home.", "a day after", 1, 1),
    ("Two days before that, he had visited.", "Two days before", -2, -2),
])
def test_a_day_before_or_after_with_no_event_phrase_counts_from_the_previous_event(sentence: str, text: str,
                                                                                    low: int, high: int) -> None:
    found = only(sentence)
    assert (found.text, found.kind) == (text, ANCHORED)
    assert found.anchor is not None and found.anchor.anchor_text is None
    assert offsets(found) == (low, high)


@pytest.mark.parametrize("sentence, text, anchor, low, high", [
    ("He had been released the day after police found him.", "the day after", "police found him", 1, 1),
    ("Two weeks after doctors warned him, he died.", "Two weeks after", "doctors warned him", 14, 14),
    ("He died after police arrived.", "after", "police arrived", 0, None),
    ("Two days before that meeting, he had visited.", "Two days before", "that meeting", -2, -2),
])
def test_a_clause_or_phrase_after_the_offset_is_the_event_it_counts_from(sentence: str, text: str, anchor: str,
                                                                         low: int, high: int | None) -> None:
    found = only(sentence)
    assert (found.text, found.anchor.anchor_text if found.anchor else None) == (text, anchor)
    assert offsets(found) == (low, high)


@pytest.mark.parametrize("sentence", [
    "He appeared before a judge.",
    "He testified before the committee.",
    "The case came after the FDA letter.",
    "Patients remain awake during IV sessions.",
])
def test_before_and_after_without_a_count_need_an_event_to_anchor_on(sentence: str) -> None:
    assert texts(sentence) == []


def test_an_anchored_expression_in_a_future_clause_is_future() -> None:
    found = only("He will be sentenced two weeks after the verdict.")
    assert found.future is True and offsets(found) == (14, 14)


@pytest.mark.parametrize("sentence, text, anchor, span", [
    ("She was arrested the day the charges were made public.", "the day", "the charges", (0, 0)),
    ("Iwamasa gave Perry ketamine on the day he died.", "the day", "he died", (0, 0)),
    ("Police opened an investigation the same morning Farrow was found.", "the same morning", "Farrow was found",
     (0, 0)),
    ("On the night he died, he had swallowed six lozenges.", "the night", "he died", (-1, 0)),
])
def test_a_day_named_by_what_happened_on_it_is_anchored_to_that_event(
        sentence: str, text: str, anchor: str, span: tuple[int, int]) -> None:
    found = only(sentence)
    assert (found.text, found.kind, found.anchor.anchor_text if found.anchor else None) == (text, ANCHORED, anchor)
    assert offsets(found) == span


def test_a_day_not_followed_by_what_happened_on_it_is_no_date() -> None:
    assert texts("He spent the day at home with his family.") == []


# --------------------------------------------------------------------------- not dates


@pytest.mark.parametrize("sentence", [
    "Perry, 54, had spoken openly about his drug past.",
    "A 54-year-old man was arrested.",
    "The actor, aged 54, died at home.",
    "He died at 54.",
    "More than 60% of patients responded.",
    "About 60 percent of patients responded.",
    "He was given at least 27 shots.",
    "He was given at least 27 doses of ketamine.",
    "Five people, including two doctors, were charged.",
    "They had tried at least seven different medications.",
    "He had been sober for 19 months.",
    "He was sober for 19 months.",
    "Infusions typically last 40-60 minutes.",
    "The drug is given over some time.",
    "Antidepressants take weeks or months to start acting.",
    "Ketamine can produce improvements within hours or days.",
    "He saw the therapist every other week.",
    "He saw the therapist twice a week.",
    "The meeting is at 3 p.m.",
    "The meeting is at 10:30.",
    "Call (505) 639-4973 to learn more.",
    "Call 1-800-662-4357 for help.",
    "Studies suggest ketamine may also help.",
    "May I ask a question?",
    "Theresa May said the plan failed.",
    "They arrived for the 53rd Annual Golden Globe Awards in Beverly Hills.",
    "The clinic is open 24/7.",
    "5 mins read",
    "See page 12 of the report.",
    "Section 230 protects platforms.",
    "The company filed its Form 10-K.",
    "The COVID-19 pandemic changed everything.",
    "He faces up to 20 years in prison.",
    "He takes a 30-day supply, 24 hours a day, 7 days a week.",
    "Like a tree in winter, and then a tree in spring.",
    "In his 60s he moved to the coast.",
    "The soldiers march on.",
    "He told the Sunday Times about it.",
    "Shares fell on Black Friday sales.",
    "He told USA Today about the clinic.",
    "He left before lunch.",
    "Nobody checked his oxygen level for the next 71 minutes.",
])
def test_numbers_and_words_that_are_not_dates(sentence: str) -> None:
    assert texts(sentence) == []


def test_may_is_a_month_only_next_to_a_day_a_year_or_a_temporal_word() -> None:
    assert texts("It closed May 5, 2023, reopened in May and again in May 2021, and may close again.") == [
        "May 5, 2023", "May", "May 2021"]


# --------------------------------------------------------------------------- the result as a whole


def test_offsets_index_the_document_and_the_text_is_the_exact_slice() -> None:
    document = "Intro line.\nAccording to an autopsy report, Perry received a ketamine infusion days before his passing on Oct. 28."
    sentence_start = document.index("According")
    found = find_time_expressions(document[sentence_start:], PUBLISHED, offset=sentence_start)
    assert [document[e.start:e.end] for e in found] == [e.text for e in found] == ["days before", "Oct. 28"]
    anchor = found[0].anchor
    assert anchor is not None and anchor.anchor_start is not None and anchor.anchor_end is not None
    assert document[anchor.anchor_start:anchor.anchor_end] == "his passing on Oct. 28"


def test_results_are_sorted_and_never_overlap_and_the_longest_match_wins() -> None:
    sentence = ("He was charged in the last week of October, left the day before his hearing, "
                "and on Thursday, Oct. 26, 2023 he said the trial would begin between March and May 2024.")
    found = find_time_expressions(sentence, PUBLISHED)
    assert [e.text for e in found] == ["the last week of October", "the day before", "Thursday, Oct. 26, 2023",
                                       "between March and May 2024"]
    for earlier, later in zip(found, found[1:]):
        assert earlier.end <= later.start
    for e in found:
        assert sentence[e.start:e.end] == e.text


def test_text_without_time_words_yields_nothing() -> None:
    assert find_time_expressions("", PUBLISHED) == []
    assert find_time_expressions("Ketamine is an anesthetic.", PUBLISHED) == []


def test_a_thousand_sentences_take_well_under_a_few_seconds() -> None:
    sentences = [
        "Prosecutors alleged that Perry's assistant had given him at least 27 shots of ketamine in the four days before his death.",
        "In an interview with CNN in March, the X and Tesla owner said the drug was helpful.",
        "Dr Rajalingam Yadhu, a consultant at the Royal Free Hospital in London, told the BBC about it.",
        "He is scheduled to be sentenced next year, two weeks after the verdict.",
    ] * 250
    started = time.perf_counter()
    for sentence in sentences:
        find_time_expressions(sentence, PUBLISHED)
    assert time.perf_counter() - started < 3.0


def test_a_month_something_is_set_for_is_the_next_such_month():
    found = find_time_expressions("Her sentencing is set for October.", FuzzyDate.day(date(2024, 6, 14)))
    assert [(e.text, e.date.start, e.date.end) for e in found] == [("October", date(2024, 10, 1), date(2024, 10, 31))]


def test_a_weekday_after_a_names_the_weekday_of_the_date_before_it_not_a_day_of_its_own():
    assert texts("On the afternoon of April 16, a Wednesday, she collapsed.") == ["On the afternoon of April 16"]


@pytest.mark.parametrize("sentence, day", [
    ("Judge Priya Raman set a joint jury trial for Sept. 22.", date(2024, 9, 22)),
    ("He faces up to 20 years in prison when he is sentenced on Nov. 3.", date(2024, 11, 3)),
])
def test_a_date_something_is_set_for_or_still_to_come_is_the_next_one(sentence: str, day: date):
    assert interval(only(sentence)) == (day, day, Precision.DAY)


def test_within_a_span_is_a_date_only_when_it_heads_the_sentence() -> None:
    found = only("Within hours, the hospital issued a statement.")
    assert found.kind == "ANCHORED" and found.anchor is not None
    assert (found.anchor.min_offset_days, found.anchor.max_offset_days, found.anchor.anchor_text) == (0, 1, None)
    assert texts("Pharmacies must recall the lots within 30 days, the agency said.") == []


@pytest.mark.parametrize("raw, number", [("four", 4), ("12", 12), ("twenty-one", 21), ("several", None), ("1½", None)])
def test_a_whole_number_is_read_from_words_or_digits(raw, number) -> None:
    assert whole_number(raw) == number


@pytest.mark.parametrize("sentence", [
    "KDHE is expected to publish updated guidance no later than June 30.",
    "The FDA will hold a hearing on compounded ketamine on June 30.",
])
def test_a_participle_describing_a_noun_does_not_put_a_future_date_in_the_past(sentence: str):
    found = only(sentence, FuzzyDate.day(date(2026, 4, 15)))
    assert found.date.end == date(2026, 6, 30)


def test_a_past_tense_near_the_date_still_puts_it_in_the_past():
    assert only("He is alleged to have supplied the drugs on June 30.", FuzzyDate.day(date(2026, 4, 15))).date.end \
        == date(2025, 6, 30)


@pytest.mark.parametrize("sentence", [
    'Merrow spoke on the syndicated morning program "America This Morning."',
    "He told CBS This Morning that he was sober.",
])
def test_a_programme_named_like_a_time_is_no_time(sentence: str):
    assert texts(sentence) == []


@pytest.mark.parametrize("sentence", ["This morning, police said the man had died.", '"Last week was hard," she said.'])
def test_a_capitalised_time_opening_a_clause_is_still_a_time(sentence: str):
    assert len(texts(sentence)) == 1


@pytest.mark.parametrize("sentence, month", [
    ("In a September interview with the podcast, he spoke about the case.", 9),
    ("At the October hearing, he pleaded guilty.", 10),
])
def test_a_month_between_a_determiner_and_an_event_names_when_it_was(sentence: str, month: int):
    found = only(sentence, FuzzyDate.day(date(2025, 10, 17)))
    assert (found.date.start, found.date.end) == (date(2025, month, 1), date(2025, month, calendar.monthrange(2025, month)[1]))


def test_may_before_a_noun_after_a_determiner_is_still_no_month():
    assert texts("In a May interview, he said.") == []


def test_a_month_before_an_appearance_names_when_it_was():
    found = only("He made a January appearance on the show.", FuzzyDate.day(date(2025, 7, 10)))
    assert (found.date.start, found.date.end) == (date(2025, 1, 1), date(2025, 1, 31))


def test_the_date_a_trial_is_moved_to_is_still_to_come():
    found = only("The judge postponed the trial of Jasveen Sangha to Aug. 19.", FuzzyDate.day(date(2025, 2, 5)))
    assert found.date.start == date(2025, 8, 19)
    assert only("The hearing was delayed in March.", FuzzyDate.day(date(2025, 2, 5))).date.start == date(2024, 3, 1)


# --------------------------------------------------------------------------- a story's own clock


def story_days(*sentence_texts: str, published: FuzzyDate = FuzzyDate.day(date(2025, 6, 12))) -> dict[str, date | None]:
    """Each expression of a story told in these sentences → its first day, after the story's clock."""
    sentences, expressions, start = [], [], 0
    for text in sentence_texts:
        sentences.append(Sentence(start, start + len(text), text))
        expressions += find_time_expressions(text, published, offset=start)
        start += len(text) + 1
    return {e.text: e.date.start for e in narrative_days(expressions, sentences)}


def test_times_of_a_night_told_hour_by_hour_are_on_its_day_and_the_next_after_midnight():
    days = story_days(
        "Darnell Ostrowski came through the doors at 10:52 p.m. on Friday, Feb. 21.",
        "The department opened its investigation in March.",
        "At 11:06 p.m., nurse Ellen Varga pushed a second dose of naloxone.",
        "At 12:19 a.m. on Saturday, Qureshi injected 250 milligrams of ketamine.",
        "Ostrowski was pronounced dead at 2:19 a.m.")
    assert days["11:06 p.m."] == date(2025, 2, 21)
    assert days["12:19 a.m."] == days["Saturday"] == days["2:19 a.m."] == date(2025, 2, 22)


def test_times_after_midnight_on_an_evening_told_by_its_date_are_on_the_next_day():
    days = story_days("He had gone to the party on the evening of Thursday 22 February.",
                      "He took both tablets shortly after midnight.",
                      "He was pronounced dead at 4.25am.", published=FuzzyDate.day(date(2024, 6, 12)))
    assert days["midnight"] == days["4.25am."] == date(2024, 2, 23)


def test_a_weekday_or_a_time_long_after_a_story_gave_a_day_is_not_on_it():
    days = story_days("The department issued an alert on 14th March.", "Detectives began investigating in April.",
                      "A second man was arrested on Friday afternoon.", "The hearing is at 10 a.m.",
                      published=FuzzyDate.day(date(2025, 5, 19)))
    assert days["Friday afternoon"] == date(2025, 5, 16)
    assert "10 a.m." not in days
    assert "3 p.m." not in story_days("The meeting began at 3 p.m.")


@pytest.mark.parametrize("sentence, day", [
    ("Her flatmate found her unresponsive about 7am on Sunday 3 March.", date(2024, 3, 3)),
    ("She was found on Sunday, March 3, and died.", date(2024, 3, 3)),
])
def test_a_weekday_with_a_day_and_no_year_picks_the_recent_year_it_fell_on(sentence, day):
    expression = only(sentence, FuzzyDate.day(date(2025, 8, 27)))
    assert (expression.date.start, expression.date.end) == (day, day)


def test_a_weekday_that_fits_no_recent_year_of_its_day_is_dropped():
    assert texts("It happened on Friday 22 February.", FuzzyDate.day(date(2025, 8, 27))) == ["Friday", "22 February"]


@pytest.mark.parametrize("sentence", ["In the morning the police arrested Tom Ward.",
                                      "The Morning Show host said he was sorry."])
def test_a_time_of_day_or_a_title_is_no_day_named_by_a_clause(sentence: str) -> None:
    assert [e for e in find_time_expressions(sentence, PUBLISHED) if e.kind == ANCHORED] == []


def test_a_few_hours_later_at_most_is_the_same_day_and_hours_later_may_be_the_next():
    # Told of a day ("arrested early Thursday ... a few hours later"), reporters mean that day.
    for text in ("minutes later", "less than an hour later", "an hour later", "seconds later", "90 minutes later",
                 "an hour and a half later", "about two hours later", "a few hours later", "six hours later"):
        found, = find_time_expressions(f"Police arrived {text}.", PUBLISHED)
        assert (found.anchor.min_offset_days, found.anchor.max_offset_days) == (0, 0), text
    found, = find_time_expressions("Police arrived hours later.", PUBLISHED)
    assert (found.anchor.min_offset_days, found.anchor.max_offset_days) == (0, 1)


def test_more_than_six_hours_later_may_be_the_next_day():
    for text in ("more than six hours later", "eight hours later", "more than an hour later"):
        found, = find_time_expressions(f"Police arrived {text}.", PUBLISHED)
        assert found.anchor.max_offset_days != 0, text


def test_later_in_the_year_and_the_end_of_the_year_in_a_past_story_are_in_the_year_it_tells():
    text = ("In March 2021, Tom Hale died. Later in the year, police arrested Ana Ruiz. By the end of the year, the "
            "coroner had published a review. By the end of the year, the coroner will publish another.")
    found = narrative_months(find_time_expressions(text, PUBLISHED), text)
    later, past_end, future_end = found[1:]
    assert later.text == "Later in the year" and offsets(later) == (1, 365)
    assert past_end.date.end == date(2021, 12, 31)
    assert future_end.date.end == date(2023, 12, 31)


@pytest.mark.parametrize("anchor, low, high, expected", [
    (FuzzyDate.year(2020), 730, 731, FuzzyDate.year(2022)),  # "two years later"
    (FuzzyDate.year(2007), -366, -365, FuzzyDate.year(2006)),  # "a year earlier"
    (FuzzyDate.month(2024, 4), 89, 92, FuzzyDate.month(2024, 7)),  # "three months after"
    (FuzzyDate.month(2024, 1), -123, -120, FuzzyDate.month(2023, 9)),  # "four months before"
])
def test_a_month_or_a_year_moved_by_whole_months_or_years_stays_a_month_or_a_year(anchor, low, high, expected):
    moved = anchor.shifted(low, high)
    assert (moved.start, moved.end, moved.precision) == (expected.start, expected.end, expected.precision)


@pytest.mark.parametrize("low, high, start, end", [
    (42, 42, date(2024, 5, 13), date(2024, 6, 11)),  # "six weeks later"
    (28, 28, date(2024, 4, 29), date(2024, 5, 28)),  # "four weeks later"
    (30, 30, date(2024, 5, 1), date(2024, 5, 30)),  # "thirty days after"
])
def test_a_month_moved_by_weeks_or_days_moves_day_by_day(low, high, start, end):
    moved = FuzzyDate.month(2024, 4).shifted(low, high)
    assert (moved.start, moved.end) == (start, end)


@pytest.mark.parametrize("sentence, text, start, end", [
    ("Rhys Gower was arrested in March 2023 and charged in June.", "June", date(2023, 6, 1), date(2023, 6, 30)),
    ("Rhys Gower was arrested in October 2022, charged in February and tried in May.", "February",
     date(2023, 2, 1), date(2023, 2, 28)),
])
def test_a_month_told_for_the_next_step_is_the_first_such_month_after_the_last_one_told(sentence, text, start, end):
    document = DocumentRecord(id="d", path="t.txt", title=None, text=sentence, sha256="x",
                              published=FuzzyDate.day(date(2024, 6, 14)))
    dates = {e.text: (e.date.start, e.date.end) for e in extract_document(document).expressions}
    assert dates[text] == (start, end)
