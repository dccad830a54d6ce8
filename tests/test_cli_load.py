"""`kg load` as a reporter runs it: a summary, and an exit status that tells."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.settings import Settings, get_settings

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture
def kg(graph, engine_settings: Settings, monkeypatch: pytest.MonkeyPatch):
    """Run `kg ...` against the engine under test."""
    for name, value in engine_settings.model_dump().items():
        if value is not None and not isinstance(value, (list, dict)):
            raw = value.get_secret_value() if hasattr(value, "get_secret_value") else value
            monkeypatch.setenv(name.upper(), str(raw))
    if engine_settings.neo4j_uri is None:
        monkeypatch.delenv("NEO4J_URI", raising=False)
    get_settings.cache_clear()
    runner = CliRunner(env={"COLUMNS": "200"})
    yield lambda *args: runner.invoke(app, list(args))
    get_settings.cache_clear()


def test_loading_a_folder_prints_a_summary_and_a_second_load_skips_everything(kg, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    first = kg("load", str(folder))
    assert first.exit_code == 0, first.output
    assert "documents loaded: 5" in first.stdout and "failed: 0" in first.stdout
    second = kg("load", str(folder))
    assert second.exit_code == 0
    assert "documents loaded: 0" in second.stdout and "skipped as unchanged: 5" in second.stdout


def test_a_failed_file_makes_the_exit_status_non_zero_and_is_named(kg, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_bytes(b"\xff\xfe\xfa broken")
    shutil.copy(SEEDS / "002_813ad1344b93f9d5.txt", tmp_path / "article.txt")
    result = kg("load", str(tmp_path))
    assert result.exit_code == 1
    assert "notes.txt" in result.stderr
    assert "documents loaded: 1" in result.stdout and "failed: 1" in result.stdout


def test_flags_give_a_single_file_its_metadata(kg, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("Police arrested Jane Roe on Tuesday. Roe was charged with fraud.\n")
    result = kg("load", str(article), "--published", "2024-03-15", "--title", "Roe arrested")
    assert result.exit_code == 0, result.output
    assert "events: 2" in result.stdout
