"""The embedded graph engine: ArcadeDB's server with its Neo4j Bolt plugin.

It runs in a background process of its own (a JVM lives in whichever process
starts it, so never inside an API worker). `start` is idempotent: a running
engine is reused, a stale pid file is cleared, a busy port is reported by
number. The state file `engine.json` in the data directory says where to
connect.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import structlog

from kg.settings import Settings

log = structlog.get_logger(__name__)

STATE_FILE = "engine.json"
LOG_FILE = "engine.log"


class EngineError(RuntimeError):
    """The embedded engine could not be started, stopped or reached."""


class PortInUseError(EngineError):
    def __init__(self, port: int, what: str) -> None:
        super().__init__(
            f"port {port} ({what}) is already in use by another program; "
            f"stop it or choose another port (KG_BOLT_PORT / KG_HTTP_PORT)"
        )
        self.port = port


@dataclass(frozen=True)
class EngineState:
    pid: int
    bolt_port: int
    http_port: int
    database: str
    data_dir: str
    started_at: float

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"


def _data_dir(settings: Settings) -> Path:
    return settings.kg_data_dir.resolve()


def _state_path(settings: Settings) -> Path:
    return _data_dir(settings) / STATE_FILE


def read_state(settings: Settings) -> EngineState | None:
    path = _state_path(settings)
    try:
        return EngineState(**json.loads(path.read_text()))
    except FileNotFoundError:
        return None
    except (ValueError, TypeError) as exc:
        log.warning("engine.state_unreadable", path=str(path), error=str(exc))
        return None


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); treat it as gone.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return True
    return False


def free_port(host: str = "127.0.0.1") -> int:
    """A port no program listens on now (for engines and servers started by tests and benchmarks)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def bolt_answers(uri: str, user: str, password: str, database: str, timeout: float = 3.0) -> bool:
    from neo4j import GraphDatabase

    try:
        with GraphDatabase.driver(uri, auth=(user, password), connection_timeout=timeout) as driver:
            # A plain session: execute_query would retry (and log) on its own.
            with driver.session(database=database) as session:
                session.run("RETURN 1 AS ok").consume()
        return True
    except Exception:  # any failure means "not ready yet"
        return False


def status(settings: Settings) -> EngineState | None:
    """The running engine's state, or None (clearing a stale pid file on the way)."""
    state = read_state(settings)
    if state is None:
        return None
    if not _process_alive(state.pid):
        log.info("engine.stale_state_removed", pid=state.pid)
        _state_path(settings).unlink(missing_ok=True)
        return None
    return state


def start(settings: Settings) -> EngineState:
    """Start the engine in the background, or return the one already running."""
    running = status(settings)
    password = settings.kg_engine_password.get_secret_value()
    if running is not None:
        if bolt_answers(running.uri, "root", password, running.database):
            return running
        _wait_for_bolt(settings, running)
        return running

    for port, what in ((settings.kg_bolt_port, "Bolt"), (settings.kg_http_port, "engine HTTP")):
        if port_in_use(port):
            raise PortInUseError(port, what)

    data_dir = _data_dir(settings)
    data_dir.mkdir(parents=True, exist_ok=True)
    log_path = data_dir / LOG_FILE
    env = dict(os.environ, KG_ENGINE_PASSWORD=password)
    with open(log_path, "ab") as log_file:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "graph.engine",
                str(data_dir), str(settings.kg_bolt_port), str(settings.kg_http_port),
                settings.kg_engine_database,
            ],
            stdin=subprocess.DEVNULL, stdout=log_file, stderr=subprocess.STDOUT,
            # The server writes its own log/ folder into its working directory: keep it in the data dir.
            start_new_session=True, env=env, cwd=data_dir,
        )
    state = EngineState(
        pid=process.pid, bolt_port=settings.kg_bolt_port, http_port=settings.kg_http_port,
        database=settings.kg_engine_database, data_dir=str(data_dir), started_at=time.time(),
    )
    _state_path(settings).write_text(json.dumps(asdict(state)))
    try:
        _wait_for_bolt(settings, state, process)
    except EngineError:
        _terminate(process.pid)
        _state_path(settings).unlink(missing_ok=True)
        raise
    log.info("engine.started", uri=state.uri, pid=state.pid, data_dir=state.data_dir)
    return state


def _wait_for_bolt(settings: Settings, state: EngineState, process: subprocess.Popen | None = None) -> None:
    password = settings.kg_engine_password.get_secret_value()
    deadline = time.monotonic() + settings.kg_engine_start_timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise EngineError(
                f"the embedded engine exited with status {process.returncode} while starting; "
                f"see {Path(state.data_dir) / LOG_FILE}:\n{_log_tail(state)}"
            )
        if bolt_answers(state.uri, "root", password, state.database, timeout=2.0):
            return
        time.sleep(0.3)
    raise EngineError(
        f"the embedded engine did not answer on {state.uri} within "
        f"{settings.kg_engine_start_timeout:.0f} s; see {Path(state.data_dir) / LOG_FILE}"
    )


def _log_tail(state: EngineState, lines: int = 15) -> str:
    try:
        return "\n".join((Path(state.data_dir) / LOG_FILE).read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return ""


def _terminate(pid: int, timeout: float = 30.0) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            waited, _ = os.waitpid(pid, os.WNOHANG)
            if waited == pid:
                return
        except ChildProcessError:
            pass
        if not _process_alive(pid):
            return
        time.sleep(0.2)
    os.kill(pid, signal.SIGKILL)


def stop(settings: Settings) -> bool:
    """Stop the engine; False when none was running."""
    state = status(settings)
    if state is None:
        return False
    _terminate(state.pid)
    _state_path(settings).unlink(missing_ok=True)
    log.info("engine.stopped", pid=state.pid)
    return True


def _serve(data_dir: str, bolt_port: int, http_port: int, database: str) -> None:
    """Body of the engine process: run the server until SIGTERM or SIGINT."""
    from arcadedb_embedded.server import ArcadeDBServer

    server = ArcadeDBServer(
        root_path=data_dir,
        root_password=os.environ["KG_ENGINE_PASSWORD"],
        config={
            "http_port": http_port,
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": bolt_port,
            "server_defaultDatabases": f"{database}[root]",
        },
    )
    stopping = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stopping.set())
    server.start()
    print(f"timeline-kg engine: bolt://127.0.0.1:{bolt_port} database {database}", flush=True)
    stopping.wait()
    server.stop()


if __name__ == "__main__":
    _serve(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
