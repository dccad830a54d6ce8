# syntax=docker/dockerfile:1
# The timeline-kg API image. It talks to the Neo4j server named by NEO4J_URI
# (see docker-compose.yml); the embedded engine is not used in containers.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Project metadata and code, then one pinned install (requirements.lock pins every package).
COPY pyproject.toml requirements.lock README.md ./
COPY kg ./kg
COPY graph ./graph
COPY loaders ./loaders
COPY api ./api
RUN --mount=type=cache,target=/root/.cache/pip \
    pip install -c requirements.lock .

# Demo data loaded by the compose command, and the sample timeline.
COPY seeds ./seeds
COPY examples ./examples

RUN useradd --create-home --uid 10001 kg && chown -R kg /app
USER kg

EXPOSE 8000
CMD ["kg", "serve", "--host", "0.0.0.0"]
