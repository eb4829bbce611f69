"""The web app factory: every collaborator is passed in, nothing is built at import time.

``create_app`` takes the settings and an :class:`~medcite.editorial.Editorial` (engine +
database), so tests build an app over their own data and ``medcite serve`` over the user's;
``app_from_environment`` is the factory uvicorn calls in each worker process.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from medcite import __version__
from medcite.editorial import Clock, Editorial, utc_now
from medcite.settings import Settings, load_settings
from medcite.web import api, pages
from medcite.web.context import WebState
from medcite.web.exports import DEFAULT_EXPORTERS, Exporter
from medcite.web.limits import BodyLimit, SecurityHeaders
from medcite.web.problems import install_problem_handlers
from medcite.web.schemas import record_schema_components
from medcite.web.security import Cookies, secret_key
from medcite.web.templating import render_error


def create_app(
    settings: Settings,
    editorial: Editorial,
    *,
    exporters: Mapping[str, Exporter] = DEFAULT_EXPORTERS,
    clock: Clock = utc_now,
    close_on_shutdown: bool = False,
) -> FastAPI:
    """The FastAPI app: pages, the API under /api/v1, one error shape, security middleware."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        if close_on_shutdown:
            editorial.close()

    app = FastAPI(
        title="medcite",
        version=__version__,
        summary="Grounded, citable answers to clinical questions, and their editorial review.",
        docs_url=None,  # Swagger UI loads scripts from a CDN: offline, /openapi.json it is
        redoc_url=None,
        lifespan=lifespan,
    )
    web = settings.web
    app.state.web = WebState(
        settings=settings,
        editorial=editorial,
        cookies=Cookies(secret_key(settings), int(web.session_hours * 3600), web.secure_cookies),
        exporters=exporters,
        clock=clock,
    )
    app.state.render_error = render_error
    install_problem_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.openapi = lambda: _openapi_with_records(app)  # type: ignore[method-assign]
    app.add_middleware(
        BodyLimit, max_bytes=web.max_body_bytes, max_header_bytes=web.max_header_bytes
    )
    app.add_middleware(SecurityHeaders)
    return app


def _openapi_with_records(app: FastAPI) -> dict[str, Any]:
    """FastAPI's schema, plus the record schemas the record route refers to."""
    if app.openapi_schema is None:
        schema = get_openapi(
            title=app.title,
            version=app.version,
            summary=app.summary,
            routes=app.routes,
        )
        schema.setdefault("components", {}).setdefault("schemas", {}).update(
            record_schema_components()
        )
        app.openapi_schema = schema
    return app.openapi_schema


def app_from_environment() -> FastAPI:
    """The app over the data directory named by the environment (``MEDCITE_HOME``).

    uvicorn calls this in every worker of ``medcite serve``; the database must already be
    at the current schema (``serve`` migrates it once, before starting workers).
    """
    settings = load_settings()
    return create_app(settings, Editorial.open(settings), close_on_shutdown=True)
