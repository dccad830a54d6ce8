"""Browser pages: the timeline page at / and the files it and GraphiQL load (all served locally)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse

from api.graphiql import GRAPHIQL_ASSETS, NODE_MODULES, STATIC_DIR

router = APIRouter()

# Files of api/static/ the pages load; anything else is a 404.
STATIC_FILES = {"timeline.js": "text/javascript", "timeline.css": "text/css"}


@router.get("/", include_in_schema=False)
def timeline_page() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type="text/html")


@router.get("/static/{name}", include_in_schema=False)
def static_file(name: str) -> FileResponse:
    if name not in STATIC_FILES:
        raise HTTPException(404, f"no static file {name!r}")
    return FileResponse(STATIC_DIR / name, media_type=STATIC_FILES[name])


@router.get("/graphiql-assets/{name}", include_in_schema=False)
def graphiql_asset(name: str) -> FileResponse:
    if name not in GRAPHIQL_ASSETS:
        raise HTTPException(404, f"no GraphiQL asset {name!r}")
    path = NODE_MODULES / GRAPHIQL_ASSETS[name]
    if not path.is_file():
        raise HTTPException(404, f"{name} is not installed here: run `make install` (it runs `npm ci`)")
    media_type = "text/css" if name.endswith(".css") else "text/javascript"
    return FileResponse(path, media_type=media_type)
