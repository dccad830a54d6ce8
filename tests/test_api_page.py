"""The timeline page at /, driven in headless Chromium: events on the axis, precision visible, evidence on click."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from api.app import create_app
from api.local_server import running_server
from api.screenshot import capture
from graph.connection import Graph
from kg.settings import Settings

from node_tools import require_node_package, run_script
from sample_graph import BIRTH, DEATH, DRUG, FELIX, INFUSION, INTERVIEW, LEDGER_URL, MARA, SENTENCING, WIRE

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def live_url(sample_story: Graph, engine_settings: Settings) -> Iterator[str]:
    with running_server(create_app(engine_settings, graph=sample_story)) as url:
        yield url


@pytest.fixture
def chromium() -> str:
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"no Chromium at {CHROMIUM}: install it with `apt-get install -y chromium` (or set KG_CHROMIUM)")
    return CHROMIUM


def drive(live_url: str, chromium: str, tmp_path: Path, query: str, click: str) -> dict:
    node = require_node_package("playwright-core")
    return run_script(
        node, "timeline_page.mjs", f"{live_url}/?{query}", click, chromium, str(tmp_path / "profile"),
        str(tmp_path / "page.png"),
    )


def test_the_page_draws_the_actors_events_and_shows_evidence_on_click(live_url: str, chromium: str, tmp_path: Path) -> None:
    seen = drive(live_url, chromium, tmp_path, f"actor={MARA}", DEATH)
    assert seen["ready"] == "true" and seen["title"] == "Timeline of Mara Quill"
    assert seen["actorOptions"][:2] == ["Mara Quill (5 events)", "Felix Amberg (4 events)"]
    chart = {event["id"]: event for event in seen["chart"]}
    assert list(chart) == [BIRTH, INFUSION, DRUG, DEATH]
    assert chart[BIRTH]["label"] == "Birth of Mara Quill · 1985"
    # Precision is visible: a month is a bar, a date known on one side fades on its open side,
    # and the death whose sources disagree is flagged.
    assert (chart[INFUSION]["precision"], chart[INFUSION]["shape"]) == ("MONTH", "bar")
    assert (chart[DRUG]["shape"], chart[DRUG]["fill"]) == ("open-bar", "fill: url(#fade-start)")
    assert chart[DEATH]["conflict"] and not chart[INFUSION]["conflict"]
    assert seen["undated"] == [{"id": INTERVIEW, "title": "Interview with Felix Amberg"}]

    details = seen["details"]
    assert details["title"] == "Death of Mara Quill" and details["conflictNoteVisible"]
    assert details["participants"] == ["Mara Quill — deceased"]
    assert details["sources"] == "3 sources (2 independent: near-copies count once)"
    quotes = {(e["quote"], e["claim"]) for e in details["evidence"]}
    assert ("Mara Quill died on 13 March 2022, her family said.", "This source dates it: 13 Mar 2022") in quotes
    links = [e["href"] for e in details["evidence"]]
    assert LEDGER_URL in links
    assert any(link.startswith("/graphql?query=") and WIRE in link for link in links)  # no URL: the API's copy
    assert seen["outsideRequests"] == [] and seen["consoleErrors"] == []
    assert (tmp_path / "page.png").stat().st_size > 10_000


def test_a_month_is_drawn_as_wide_as_a_month(live_url: str, chromium: str, tmp_path: Path) -> None:
    seen = drive(live_url, chromium, tmp_path, f"actor={MARA}&from=2022-01-01&to=2022-04-30", INFUSION)
    chart = {event["id"]: event for event in seen["chart"]}
    assert list(chart) == [INFUSION, DRUG, DEATH]
    # February (28 days) against the two days of the disputed death.
    assert 10 < chart[INFUSION]["width"] / chart[DEATH]["width"] < 18
    assert seen["details"]["title"] == "Infusion session of Mara Quill"


def test_an_open_ended_event_fades_towards_the_future(live_url: str, chromium: str, tmp_path: Path) -> None:
    seen = drive(live_url, chromium, tmp_path, f"actor={FELIX}", SENTENCING)
    sentencing = next(event for event in seen["chart"] if event["id"] == SENTENCING)
    assert (sentencing["shape"], sentencing["fill"]) == ("open-bar", "fill: url(#fade-end)")
    assert sentencing["label"] == "Sentencing of Felix Amberg · after 1 Aug 2024"


def test_the_screenshot_command_writes_a_picture_of_the_page(live_url: str, chromium: str, tmp_path: Path) -> None:
    out = capture(f"{live_url}/?actor={MARA}&event={DEATH}", tmp_path / "timeline.png", chromium=chromium)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000


def test_graphiql_opens_offline_with_example_tabs_that_run(live_url: str, chromium: str, tmp_path: Path) -> None:
    require_node_package("graphiql")  # served from node_modules, not a CDN
    node = require_node_package("playwright-core")
    seen = run_script(node, "graphiql.mjs", f"{live_url}/graphql", chromium, str(tmp_path / "profile"))
    assert [tab.replace("close icon", "") for tab in seen["tabs"]] == ["Timeline", "EventWithEvidence", "Connection", "Search"]
    assert '"totalCount": 5' in seen["result"] and "Birth of Mara Quill" in seen["result"]
    assert seen["outsideRequests"] == []
