"""How fuzzy dates read: at their precision, open sides in words, ranges with an en dash."""

from __future__ import annotations

from datetime import date

import pytest

from api.dates import display
from loaders.records import FuzzyDate, Precision


@pytest.mark.parametrize(("value", "shown"), [
    (FuzzyDate.day(date(2023, 10, 28)), "28 Oct 2023"),
    (FuzzyDate.month(2023, 10), "Oct 2023"),
    (FuzzyDate.year(2023), "2023"),
    (FuzzyDate.decade(1960), "1960s"),
    (FuzzyDate.between(None, date(2023, 10, 21)), "before 21 Oct 2023"),
    (FuzzyDate.between(date(2024, 8, 1), None), "after 1 Aug 2024"),
    (FuzzyDate.between(date(2023, 10, 22), date(2023, 10, 27)), "22–27 Oct 2023"),
    (FuzzyDate.between(date(2023, 9, 28), date(2023, 10, 3)), "28 Sep – 3 Oct 2023"),
    (FuzzyDate.between(date(2023, 12, 28), date(2024, 1, 3)), "28 Dec 2023 – 3 Jan 2024"),
    (FuzzyDate.unknown("some day"), "date unknown"),
    (None, "date unknown"),
])
def test_each_precision_reads_as_a_person_would_write_it(value: FuzzyDate | None, shown: str) -> None:
    assert display(value) == shown


def test_a_range_that_happens_to_cover_a_month_reads_as_a_range() -> None:
    # Only a MONTH precision says "the month"; a RANGE over the same days keeps its ends.
    assert display(FuzzyDate(date(2023, 10, 1), date(2023, 10, 31), Precision.RANGE)) == "1–31 Oct 2023"


def test_a_decade_that_does_not_start_on_a_round_year_reads_as_its_years() -> None:
    assert display(FuzzyDate(date(1963, 1, 1), date(1972, 12, 31), Precision.DECADE)) == "1 Jan 1963 – 31 Dec 1972"
