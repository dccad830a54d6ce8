"""A PNG of the timeline page, taken with headless Chromium (for the README and reports).

`screenshot()` serves the app on a free local port against the configured
graph, opens / in Chromium (Debian's `chromium` package), lets the page load
its data, and writes the picture. No network beyond localhost is used.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlencode

from api.app import create_app
from api.local_server import running_server
from kg.settings import Settings, get_settings

CHROMIUM_CANDIDATES = ("chromium", "chromium-browser", "google-chrome")
# Flags for a quiet, offline, throw-away browser.
CHROMIUM_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars",
)
# Virtual time lets the page finish its GraphQL requests before the picture is taken.
PAGE_SETTLE_MILLISECONDS = 15000


class ScreenshotError(RuntimeError):
    """Chromium is missing or did not write the picture."""


def find_chromium() -> str:
    for name in CHROMIUM_CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    raise ScreenshotError("no Chromium found: install Debian's package with `apt-get install -y chromium`")


def capture(url: str, out: Path, width: int = 1400, height: int = 900, chromium: str | None = None) -> Path:
    """Screenshot one URL with a fresh browser profile."""
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile:
        command = [
            chromium or find_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}",
            f"--window-size={width},{height}", f"--virtual-time-budget={PAGE_SETTLE_MILLISECONDS}",
            f"--screenshot={out}", url,
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    if not out.is_file():
        raise ScreenshotError(f"Chromium wrote no screenshot (exit {result.returncode}): {result.stderr[-800:]}")
    return out


def screenshot(
    out: Path, *, actor_id: str | None = None, event_id: str | None = None,
    settings: Settings | None = None, width: int = 1400, height: int = 900,
) -> Path:
    """Serve the app on the configured graph and screenshot the timeline page (an actor, an open event)."""
    settings = settings or get_settings()
    query = urlencode({k: v for k, v in (("actor", actor_id), ("event", event_id)) if v})
    with running_server(create_app(settings)) as base_url:
        return capture(f"{base_url}/{'?' + query if query else ''}", out, width, height)
