"""The embedded engine's lifecycle: idempotent start, stop, stale state, busy ports.

These tests start engines of their own (each start takes a few seconds), on
free ports in temporary directories.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from graph import engine
from conftest import embedded_settings


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_starting_twice_reuses_the_engine_and_stopping_ends_it(tmp_path: Path) -> None:
    settings = embedded_settings(tmp_path)
    first = engine.start(settings)
    try:
        second = engine.start(settings)
        assert second.pid == first.pid
        assert engine.status(settings) == first
        assert engine.bolt_answers(first.uri, "root", settings.kg_engine_password.get_secret_value(), first.database)
    finally:
        assert engine.stop(settings) is True

    assert engine.status(settings) is None
    assert engine.stop(settings) is False
    assert not engine.port_in_use(settings.kg_bolt_port)


def test_a_stale_state_file_is_cleared_and_a_new_engine_starts(tmp_path: Path) -> None:
    settings = embedded_settings(tmp_path)
    state_file = tmp_path / engine.STATE_FILE
    stale = {
        "pid": dead_pid(), "bolt_port": settings.kg_bolt_port, "http_port": settings.kg_http_port,
        "database": settings.kg_engine_database, "data_dir": str(tmp_path), "started_at": 0.0,
    }
    state_file.write_text(json.dumps(stale))

    assert engine.status(settings) is None
    assert not state_file.exists()

    state_file.write_text(json.dumps(stale))
    started = engine.start(settings)
    try:
        assert started.pid != stale["pid"]
        assert json.loads(state_file.read_text())["pid"] == started.pid
    finally:
        engine.stop(settings)


def test_a_busy_port_is_reported_by_number(tmp_path: Path) -> None:
    settings = embedded_settings(tmp_path)
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", settings.kg_bolt_port))
        blocker.listen()
        with pytest.raises(engine.PortInUseError) as error:
            engine.start(settings)

    assert str(settings.kg_bolt_port) in str(error.value)
    assert error.value.port == settings.kg_bolt_port
    assert engine.status(settings) is None
