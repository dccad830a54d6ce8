"""Reading files into DocumentRecords: formats, metadata precedence, seeds and bad input."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from kg.settings import get_settings
from loaders.documents import (
    DocumentError,
    discover,
    parse_partial_date,
    read_document,
    read_manifest,
)
from loaders.records import ImpossibleDate, MalformedDate, Precision, parse_iso_prefix, stable_id

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
SEEDS = Path(__file__).parents[1] / "seeds"


def expect_error(path: Path, *words: str) -> pytest.RaisesExc:
    """A DocumentError naming `path` whose reason mentions every one of `words`."""
    return pytest.raises(DocumentError, check=lambda exc: _names(exc, path, words))


def _names(exc: DocumentError, path: Path, words: tuple[str, ...]) -> bool:
    assert exc.path == path, f"error names {exc.path}, expected {path}"
    assert str(exc).startswith(str(path)), str(exc)
    for word in words:
        assert word in exc.reason, f"{word!r} not in reason {exc.reason!r}"
    return True


def text_after_front_matter(path: Path) -> str:
    content = path.read_text(encoding="utf-8")
    return content.split("\n---\n", 1)[1]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


ENGLISH_BODY = "The harbour committee met on Monday and agreed to repair the old pier before the summer season.\n"


# ---------------------------------------------------------------- discovery


def test_discover_lists_documents_and_timelines_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.md", "sub/c.html", "sub/deeper/d.htm", "sub/e.markdown", "events.csv", "sub/events.json"):
        write(tmp_path / name, ENGLISH_BODY)

    found = discover([tmp_path])

    expected = ["a.md", "b.txt", "events.csv", "sub/c.html", "sub/deeper/d.htm", "sub/e.markdown", "sub/events.json"]
    assert found == [tmp_path / name for name in expected]


def test_discover_skips_manifests_hidden_files_and_other_file_types_inside_folders(tmp_path: Path) -> None:
    write(tmp_path / "kept.txt", ENGLISH_BODY)
    for name in ("manifest.yaml", "manifest.csv", ".hidden.txt", ".git/notes.txt", "photo.png", "report.pdf"):
        write(tmp_path / name, ENGLISH_BODY)

    assert discover([tmp_path]) == [tmp_path / "kept.txt"]


def test_discover_takes_files_and_folders_together_without_repeats(tmp_path: Path) -> None:
    one = write(tmp_path / "docs" / "one.txt", ENGLISH_BODY)
    two = write(tmp_path / "two.md", ENGLISH_BODY)

    assert discover([two, tmp_path / "docs", one]) == sorted([one, two])


def test_discover_finds_the_five_seed_articles_but_not_their_manifest() -> None:
    found = discover([SEEDS])

    assert [p.name for p in found] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(found) == 5


def test_discover_rejects_a_path_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    with expect_error(missing, "does not exist"):
        discover([missing])


def test_discover_rejects_a_named_file_of_an_unsupported_type(tmp_path: Path) -> None:
    pdf = write(tmp_path / "report.pdf", b"%PDF-1.7")
    with expect_error(pdf, "unsupported file type '.pdf'", ".txt", ".md", ".html"):
        discover([pdf])


# ---------------------------------------------------------------- seeds

SEED_FACTS = {
    "000_2b2fdf7761fbc82e.txt": ("What is ketamine infusion therapy?", None, Precision.DAY, date(2024, 8, 16), date(2024, 8, 16)),
    "001_d8339e6c9f246927.txt": (
        "What is ketamine infusion therapy?", "BBC News", Precision.DAY, date(2024, 8, 16), date(2024, 8, 16),
    ),
    "002_813ad1344b93f9d5.txt": (
        "What are ketamine infusion clinics where Matthew Perry sought help? What you should know",
        "USA Today", Precision.DAY, date(2023, 12, 17), date(2023, 12, 17),
    ),
    "003_1bc4c9bdf949d272.txt": (
        "Beyond Matthew Perry: Understanding Ketamine Infusion Therapy for Mental Health",
        None, Precision.MONTH, date(2023, 12, 1), date(2023, 12, 31),
    ),
    "004_75b99f7e7dd97f6c.txt": (
        "Understanding the Differences: Ketamine Infusion Therapy vs. Illicit Ketamine Use",
        None, Precision.BOUND, date(2024, 8, 1), None,
    ),
}


@pytest.mark.parametrize("name", sorted(SEED_FACTS))
def test_each_seed_reads_with_its_manifest_title_and_date_and_unchanged_text(name: str) -> None:
    title, publisher, precision, start, end = SEED_FACTS[name]
    path = SEEDS / name

    record = read_document(path)

    assert record.text.encode("utf-8") == path.read_bytes()
    assert record.title == title
    assert record.publisher == publisher
    assert record.published is not None
    assert (record.published.precision, record.published.start, record.published.end) == (precision, start, end)
    assert record.url is None
    assert record.id == stable_id("doc", hashlib.sha256(path.read_bytes()).hexdigest())
    assert (record.format, record.language) == ("text", "en")


def test_seed_manifest_records_the_rewrite_and_the_republished_copy_in_notes() -> None:
    entries = read_manifest(SEEDS)

    assert set(entries) == set(SEED_FACTS)
    assert entries["000_2b2fdf7761fbc82e.txt"].duplicate_of == "001_d8339e6c9f246927.txt"
    assert "rewrite" in (entries["000_2b2fdf7761fbc82e.txt"].note or "")
    assert "republished" in (entries["002_813ad1344b93f9d5.txt"].note or "")
    assert all(entry.url is None for entry in entries.values())


# ---------------------------------------------------------------- formats and ids


def test_plain_text_is_kept_exactly_with_its_line_endings(tmp_path: Path) -> None:
    raw = "Ferry timetable changes\r\n\r\n  Sailings to the island will leave at 7:15 from Monday.  \r\n"
    path = write(tmp_path / "timetable.txt", raw.encode("utf-8"))

    record = read_document(path)

    assert record.text == raw
    assert record.sha256 == hashlib.sha256(raw.encode("utf-8")).hexdigest()
    assert record.id == stable_id("doc", record.sha256)
    assert record.path == str(path)


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbf" + ENGLISH_BODY.encode())

    assert read_document(path).text == ENGLISH_BODY


def test_markdown_stays_markdown_and_its_title_drops_the_heading_marks(tmp_path: Path) -> None:
    raw = "\n## Pier repairs approved\n\nThe *harbour committee* agreed to repair the [old pier](https://example.org).\n"
    path = write(tmp_path / "pier.md", raw)

    record = read_document(path)

    assert record.text == raw
    assert record.format == "markdown"
    assert record.title == "Pier repairs approved"


def test_title_falls_back_to_the_first_non_empty_line_trimmed() -> None:
    record = read_document(FIXTURES / "manifest_yaml" / "untitled.txt")

    assert record.title == "Residents asked for more benches in the park"
    assert record.published is None
    assert record.publisher is None


def test_title_fallback_is_cut_to_200_characters(tmp_path: Path) -> None:
    first_line = "word " * 60
    path = write(tmp_path / "long.txt", first_line + "\n" + ENGLISH_BODY)

    title = read_document(path).title

    assert title is not None and len(title) <= 200
    assert first_line.startswith(title)


def test_a_known_url_gives_the_id_so_a_changed_text_keeps_its_document_id(tmp_path: Path) -> None:
    url = "https://news.example.org/pier"
    first = read_document(write(tmp_path / "v1.txt", ENGLISH_BODY), url=url)
    second = read_document(write(tmp_path / "v2.txt", ENGLISH_BODY + "Updated on Tuesday.\n"), url=url)

    assert first.id == second.id == stable_id("doc", url)
    assert first.sha256 != second.sha256


# ---------------------------------------------------------------- metadata sources and precedence


def test_front_matter_gives_the_metadata_and_is_stripped_from_the_text() -> None:
    path = FIXTURES / "front_matter" / "briefing.md"

    record = read_document(path)

    assert record.text == text_after_front_matter(path)
    assert record.text.startswith("# Drought plan")
    assert record.title == "Water board publishes drought plan"
    assert record.url == "https://water.example.org/news/drought-plan"
    assert record.publisher == "Valley Water Board"
    assert record.published is not None
    assert (record.published.precision, record.published.start, record.published.end) == (
        Precision.MONTH, date(2022, 7, 1), date(2022, 7, 31),
    )
    assert record.id == stable_id("doc", "https://water.example.org/news/drought-plan")


def test_published_after_and_before_together_give_a_range() -> None:
    record = read_document(FIXTURES / "front_matter" / "bounded.txt")

    assert record.published is not None
    assert (record.published.precision, record.published.start, record.published.end) == (
        Precision.RANGE, date(2021, 3, 1), date(2021, 6, 15),
    )
    assert record.title == "Minutes of the spring meeting of the allotment committee"


def test_a_yaml_manifest_gives_metadata_to_the_files_beside_it() -> None:
    record = read_document(FIXTURES / "manifest_yaml" / "council_report.txt")

    assert record.title == "Council approves new cycle lanes"
    assert record.url == "https://city.example.org/news/cycle-lanes"
    assert record.publisher == "City Gazette"
    assert record.published is not None
    assert (record.published.precision, record.published.start, record.published.end) == (
        Precision.YEAR, date(2021, 1, 1), date(2021, 12, 31),
    )


def test_a_published_before_alone_is_a_bound_ending_with_that_period() -> None:
    record = read_document(FIXTURES / "manifest_yaml" / "copied_report.txt")

    assert record.published is not None
    assert (record.published.precision, record.published.start, record.published.end) == (
        Precision.BOUND, None, date(2022, 3, 31),
    )


def test_a_csv_manifest_gives_metadata_and_its_empty_cells_say_nothing() -> None:
    market = read_document(FIXTURES / "manifest_csv" / "market_day.txt")
    buses = read_document(FIXTURES / "manifest_csv" / "night_buses.txt")

    assert (market.title, market.publisher) == ("Farmers market moves to the square", "Town Crier")
    assert market.published is not None and market.published.precision is Precision.DAY
    assert market.published.start == date(2019, 6, 1)
    assert buses.title == "Night buses return to the northern routes"  # first line: the title cell is empty
    assert buses.publisher is None
    assert buses.published is not None
    assert (buses.published.precision, buses.published.start, buses.published.end) == (
        Precision.BOUND, date(2020, 1, 1), None,
    )


def test_read_manifest_returns_notes_and_duplicates_that_records_do_not_carry() -> None:
    entries = read_manifest(FIXTURES / "manifest_yaml")

    assert entries["copied_report.txt"].duplicate_of == "council_report.txt"
    assert entries["council_report.txt"].note == "Transcribed from the printed edition."
    assert "untitled.txt" not in entries
    assert read_manifest(FIXTURES / "front_matter") == {}


def test_front_matter_wins_over_the_manifest_field_by_field() -> None:
    record = read_document(FIXTURES / "manifest_yaml" / "briefing_notes.md")

    assert record.title == "Title from front matter"
    assert record.publisher == "Publisher from the manifest"
    assert record.published is not None and record.published.start == date(2020, 11, 2)


def test_the_manifest_wins_over_arguments_and_arguments_fill_what_it_leaves_out() -> None:
    record = read_document(
        FIXTURES / "manifest_yaml" / "copied_report.txt",
        title="Title from the argument",
        published="1999-01-01",
        publisher="Publisher from the argument",
    )

    assert record.title == "Title from the argument"
    assert record.publisher == "Publisher from the argument"
    assert record.published is not None and record.published.end == date(2022, 3, 31)  # the manifest's bound


def test_arguments_give_metadata_to_a_single_file(tmp_path: Path) -> None:
    path = write(tmp_path / "note.txt", ENGLISH_BODY)

    record = read_document(path, title="Pier repairs", published="2024-05", url="https://example.org/p", publisher="Port News")

    assert (record.title, record.url, record.publisher) == ("Pier repairs", "https://example.org/p", "Port News")
    assert record.published is not None and record.published.precision is Precision.MONTH


def test_arguments_win_over_the_html_page_metadata(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    shutil.copy(FIXTURES / "harbor_article.html", page)

    record = read_document(page, title="Title from the argument", published="2023-03")

    assert record.title == "Title from the argument"
    assert record.published is not None and record.published.precision is Precision.MONTH
    assert record.publisher == "Coastline Courier"  # the page fills what the arguments leave out


def test_the_manifest_wins_over_the_html_page_metadata(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "harbor_article.html", tmp_path / "harbor_page.html")
    (tmp_path / "manifest.yaml").write_text(
        "harbor_page.html:\n  title: Title from the manifest, over the page title\n  published: 2023-03-20\n",
        encoding="utf-8")

    record = read_document(tmp_path / "harbor_page.html")

    assert record.title == "Title from the manifest, over the page title"
    assert record.published is not None and record.published.start == date(2023, 3, 20)
    assert record.url == "https://news.example.org/2023/03/14/harbor-authority-fines-ferry-operator"


# ---------------------------------------------------------------- HTML


def test_html_gives_the_article_text_and_the_page_publication_date() -> None:
    record = read_document(FIXTURES / "harbor_article.html")

    assert record.format == "html"
    assert "fined Bluewater Ferries $180,000 after an engine fire" in record.text
    assert "unannounced inspections of the whole fleet" in record.text
    for boilerplate in ("Subscribe for $1 a week", "We use cookies", "harborwatcher", "All rights reserved", "Most read"):
        assert boilerplate not in record.text
    assert record.published is not None
    assert (record.published.precision, record.published.start) == (Precision.DAY, date(2023, 3, 14))  # not the update
    assert record.title == "Harbor authority fines ferry operator after engine fire"
    assert record.url == "https://news.example.org/2023/03/14/harbor-authority-fines-ferry-operator"
    assert record.publisher == "Coastline Courier"
    assert record.id == stable_id("doc", record.url)


def test_html_without_a_stated_date_has_no_publication_date_even_if_the_text_names_one() -> None:
    record = read_document(FIXTURES / "undated_page.html")

    assert record.published is None
    assert "opened its new reading room on 4 May 2021" in record.text
    assert record.title == "Library opens new reading room"
    assert record.url is None


def test_an_html_page_without_article_text_is_an_error(tmp_path: Path) -> None:
    # A page saved before its scripts rendered anything: a title and an empty shell.
    shell = (
        '<html><head><title>Loading…</title><script>window.app = {};</script></head>'
        '<body><div id="root"></div><script src="/bundle.js"></script>'
        "<noscript>You need to enable JavaScript to run this app.</noscript></body></html>"
    )
    page = write(tmp_path / "shell.html", shell)
    with expect_error(page, "no article text"):
        read_document(page)


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "precision", "start", "end"),
    [
        ("2023", Precision.YEAR, date(2023, 1, 1), date(2023, 12, 31)),
        ("2023-12", Precision.MONTH, date(2023, 12, 1), date(2023, 12, 31)),
        ("2024-02", Precision.MONTH, date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-12-17", Precision.DAY, date(2023, 12, 17), date(2023, 12, 17)),
        ("2024-02-29", Precision.DAY, date(2024, 2, 29), date(2024, 2, 29)),
        ("2023-12-17T09:30:00+00:00", Precision.DAY, date(2023, 12, 17), date(2023, 12, 17)),
    ],
)
def test_partial_iso_dates_keep_their_precision(value: str, precision: Precision, start: date, end: date) -> None:
    parsed = parse_partial_date(value, field="published", source="notes.txt")

    assert (parsed.precision, parsed.start, parsed.end, parsed.text) == (precision, start, end, value)


@pytest.mark.parametrize("value", ["2023-02-30", "2023-13", "2023-00-10", "2023-04-31"])
def test_impossible_dates_name_the_source_and_field(value: str) -> None:
    with expect_error(Path("notes.txt"), "published", value, "impossible date"):
        parse_partial_date(value, field="published", source="notes.txt")


@pytest.mark.parametrize("value", ["17/12/2023", "Dec 2023", "23-12-17", "2023-1-5", "soon", ""])
def test_dates_in_other_forms_are_refused_rather_than_guessed(value: str) -> None:
    with expect_error(Path("notes.txt"), "published", "YYYY-MM-DD"):
        parse_partial_date(value, field="published", source="notes.txt")


def test_a_bad_published_argument_names_the_file_and_the_field(tmp_path: Path) -> None:
    path = write(tmp_path / "note.txt", ENGLISH_BODY)
    with expect_error(path, "published", "17/12/2023"):
        read_document(path, published="17/12/2023")


def test_a_url_argument_must_be_http(tmp_path: Path) -> None:
    path = write(tmp_path / "note.txt", ENGLISH_BODY)
    with expect_error(path, "url", "not an http(s) URL"):
        read_document(path, url="news.example.org/pier")


# ---------------------------------------------------------------- bad files


def test_an_empty_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.txt", b"")
    with expect_error(path, "empty"):
        read_document(path)


def test_a_whitespace_only_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.md", " \n\t\n  \r\n")
    with expect_error(path, "empty (whitespace only)"):
        read_document(path)


def test_a_file_with_nul_bytes_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with expect_error(path, "binary", "NUL"):
        read_document(path)


def test_a_file_of_control_characters_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "noise.txt", bytes(range(1, 32)) * 20 + b"some words")
    with expect_error(path, "binary"):
        read_document(path)


def test_a_file_of_undecodable_bytes_is_binary(tmp_path: Path) -> None:
    path = write(tmp_path / "blob.txt", bytes(range(0x80, 0x100)) * 8)
    with expect_error(path, "binary"):
        read_document(path)


def test_invalid_utf8_names_the_byte_offset(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.txt", "Caf\u00e9 owners met the mayor on Monday.".encode("latin-1"))
    with expect_error(path, "not valid UTF-8", "byte offset 3", "0xe9"):
        read_document(path)


def test_a_file_over_the_size_limit_names_its_size_and_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", ENGLISH_BODY * 10)
    size = path.stat().st_size
    with expect_error(path, "too large", f"{size} bytes", "limit of 100 bytes"):
        read_document(path, max_bytes=100)


@pytest.fixture
def small_document_limit(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("KG_MAX_DOCUMENT_BYTES", "50")
    get_settings.cache_clear()
    yield 50
    get_settings.cache_clear()


def test_the_default_size_limit_comes_from_the_settings(tmp_path: Path, small_document_limit: int) -> None:
    path = write(tmp_path / "big.txt", ENGLISH_BODY)
    with expect_error(path, "too large", f"limit of {small_document_limit} bytes"):
        read_document(path)


def test_an_unsupported_extension_lists_the_supported_ones(tmp_path: Path) -> None:
    path = write(tmp_path / "report.docx", ENGLISH_BODY)
    with expect_error(path, "'.docx'", ".txt", ".md", ".markdown", ".html", ".htm"):
        read_document(path)


def test_a_missing_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    with expect_error(path, "does not exist"):
        read_document(path)


# ---------------------------------------------------------------- broken front matter


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("unterminated.md", ("front matter", "not terminated")),
        ("invalid_yaml.md", ("front matter", "not valid YAML", "line")),
        ("not_a_mapping.md", ("front matter", "mapping", "a list")),
        ("wrong_type.md", ("front matter", "'title'", "must be text", "a list")),
        ("unknown_field.md", ("front matter", "'publishd'", "known fields")),
        ("impossible_date.md", ("front matter", "'published'", "2023-02-30", "impossible date")),
        ("only_front_matter.md", ("no text after it",)),
    ],
)
def test_broken_front_matter_is_an_error_naming_the_file_and_the_problem(name: str, words: tuple[str, ...]) -> None:
    path = FIXTURES / "front_matter" / name
    with expect_error(path, *words):
        read_document(path)


def test_front_matter_may_not_mix_published_with_bounds(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.txt", f"---\npublished: 2021\npublished_after: 2020\n---\n{ENGLISH_BODY}")
    with expect_error(path, "either 'published' or 'published_after'"):
        read_document(path)


def test_published_after_later_than_published_before_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "reversed.txt", f"---\npublished_after: 2022\npublished_before: 2021-05\n---\n{ENGLISH_BODY}")
    with expect_error(path, "later than 'published_before'"):
        read_document(path)


# ---------------------------------------------------------------- language


@pytest.mark.parametrize(("name", "language"), [("spanish.txt", "Spanish"), ("french.txt", "French"), ("german.txt", "German")])
def test_text_in_another_language_is_an_error(name: str, language: str) -> None:
    path = FIXTURES / "language" / name
    with expect_error(path, f"looks {language}", "not English"):
        read_document(path)


def test_english_text_quoting_another_language_loads() -> None:
    record = read_document(FIXTURES / "language" / "english_with_spanish_quote.txt")

    assert "Por fin tenemos" in record.text
    assert record.language == "en"


def test_a_stated_english_language_overrides_the_guess() -> None:
    record = read_document(FIXTURES / "language" / "spanish_declared_english.txt")

    assert record.text.startswith("El ayuntamiento")


def test_a_stated_unsupported_language_is_an_error() -> None:
    path = FIXTURES / "language" / "declared_french.txt"
    with expect_error(path, "language 'fr' is not supported"):
        read_document(path)


# ---------------------------------------------------------------- manifest errors


def manifest_folder(tmp_path: Path, manifest_name: str, manifest: str) -> tuple[Path, Path]:
    """A folder with one English document and the given manifest; returns (document, manifest)."""
    document = write(tmp_path / "story.txt", ENGLISH_BODY)
    return document, write(tmp_path / manifest_name, manifest)


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        ("story.txt: [unclosed\n", ("not valid YAML", "line")),
        ("- story.txt\n", ("must map file names to fields", "a list")),
        ("story.txt: a title\n", ("entry 'story.txt'", "mapping of fields")),
        ("missing.txt:\n  title: Gone\n", ("entry 'missing.txt'", "no such file")),
        ("sub/story.txt:\n  title: Nested\n", ("entry 'sub/story.txt'", "file name", "not a path")),
        ("story.txt:\n  headline: Wrong field\n", ("entry 'story.txt'", "'headline'", "known fields")),
        ("story.txt:\n  published: 2023-02-30\n", ("entry 'story.txt'", "'published'", "impossible date")),
        ("story.txt:\n  published: [2023]\n", ("entry 'story.txt'", "'published'", "a list")),
        ("story.txt:\n  title: 42\n", ("entry 'story.txt'", "'title'", "must be text")),
        ("story.txt:\n  url: ftp://example.org/x\n", ("entry 'story.txt'", "'url'", "http(s)")),
        ("story.txt:\n  duplicate_of: other.txt\n", ("entry 'story.txt'", "'duplicate_of'", "no such file")),
        ("story.txt:\n  duplicate_of: story.txt\n", ("entry 'story.txt'", "itself")),
        ("story.txt:\n  title: One\nstory.txt:\n  title: Two\n", ("not valid YAML", "repeated key 'story.txt'")),
    ],
)
def test_a_broken_yaml_manifest_names_the_manifest_and_the_entry(tmp_path: Path, manifest: str, words: tuple[str, ...]) -> None:
    document, manifest_path = manifest_folder(tmp_path, "manifest.yaml", manifest)
    with expect_error(manifest_path, *words):
        read_document(document)


@pytest.mark.parametrize(
    ("manifest", "words"),
    [
        ("name,title\nstory.txt,Story\n", ("'file' column",)),
        ("file,title\nstory.txt,One\nstory.txt,Two\n", ("entry 'story.txt'", "more than once")),
        ("file,title,colour\nstory.txt,Story,blue\n", ("entry 'story.txt'", "'colour'")),
        ("file,title\nstory.txt,Story,extra\n", ("line 2", "more cells")),
        ("file,published\nstory.txt,17/12/2023\n", ("entry 'story.txt'", "'published'", "YYYY-MM-DD")),
    ],
)
def test_a_broken_csv_manifest_names_the_manifest_and_the_entry(tmp_path: Path, manifest: str, words: tuple[str, ...]) -> None:
    document, manifest_path = manifest_folder(tmp_path, "manifest.csv", manifest)
    with expect_error(manifest_path, *words):
        read_document(document)


def test_two_manifests_in_one_folder_are_an_error(tmp_path: Path) -> None:
    document, _ = manifest_folder(tmp_path, "manifest.yaml", "story.txt:\n  title: A\n")
    write(tmp_path / "manifest.csv", "file,title\nstory.txt,B\n")
    with expect_error(tmp_path, "more than one manifest"):
        read_document(document)


@pytest.mark.parametrize("text, expected", [
    ("2023", (date(2023, 1, 1), date(2023, 12, 31), Precision.YEAR)),
    ("2023-12", (date(2023, 12, 1), date(2023, 12, 31), Precision.MONTH)),
    ("2023-12-17", (date(2023, 12, 17), date(2023, 12, 17), Precision.DAY)),
    ("2023-12-17T10:00:00+00:00", (date(2023, 12, 17), date(2023, 12, 17), Precision.DAY)),
    ("2023-02-30", ImpossibleDate),
    ("2023-13", ImpossibleDate),
    ("May 2024", MalformedDate),
    ("2023-12-17Tnoon", MalformedDate),
])
def test_dates_written_as_iso_prefixes_read_the_same_in_every_input(text, expected):
    if isinstance(expected, type):
        with pytest.raises(expected):
            parse_iso_prefix(text)
    else:
        parsed = parse_iso_prefix(text)
        assert (parsed.start, parsed.end, parsed.precision) == expected
