"""The one settings object. Every knob is an environment variable (or .env entry)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    # Graph connection. An unset NEO4J_URI means: start and use the embedded engine.
    neo4j_uri: str | None = Field(default=None, description="Bolt URI of a Neo4j server")
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("timeline-kg")
    neo4j_database: str = "neo4j"

    # Embedded engine (ArcadeDB server with its Bolt plugin).
    kg_data_dir: Path = Path(".kgdata")
    kg_bolt_port: int = 7687
    kg_http_port: int = 2480
    kg_engine_password: SecretStr = SecretStr("timeline-kg-local")
    kg_engine_database: str = "kg"
    kg_engine_start_timeout: float = 90.0

    # Loaders.
    kg_max_document_bytes: int = 5_000_000

    # API.
    kg_api_host: str = "127.0.0.1"
    kg_api_port: int = 8000
    kg_api_key: SecretStr | None = None
    kg_cors_origins: list[str] = []
    kg_query_timeout: float = 10.0
    kg_cypher_timeout: float = 5.0
    kg_cypher_row_limit: int = 1000

    # Logs: "console" for people, "json" for machines.
    kg_log_format: str = "console"
    kg_log_level: str = "INFO"

    @property
    def embedded(self) -> bool:
        return not self.neo4j_uri


@lru_cache
def get_settings() -> Settings:
    return Settings()
