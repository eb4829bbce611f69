"""One error shape for every failure the web app returns, with a stable code.

JSON (the API, and any client that does not ask for HTML)::

    {"error": {"status": 422, "code": "question_refused", "message": "...", "details": [...]}}

Pages get the same status, code and message in an HTML page. medcite's exception tree is
mapped to statuses here, once (as the CLI maps it to exit codes); an error's own ``code``
(``session_expired``, ``csrf_missing`` …) refines the status's. Clients get the error's
message without its ``path``, and any server path left in it is replaced by what it is
(``<data dir>``), so nothing about the server's file layout leaks. Anything unexpected is
logged with its traceback on the server and answered with ``internal_error``, never with
the traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from medcite.errors import (
    AccessError,
    BusyError,
    ConfigError,
    FetchError,
    ForgeryError,
    IndexStateError,
    MedciteError,
    NotFoundError,
    QuestionError,
    RoleError,
    SignInError,
    StoreError,
    ThrottledError,
    UnavailableError,
    WorkflowError,
)

log = logging.getLogger("medcite.web")

STATUSES: dict[type[MedciteError], tuple[int, str]] = {
    MedciteError: (400, "bad_request"),
    QuestionError: (422, "question_refused"),
    NotFoundError: (404, "not_found"),
    AccessError: (403, "forbidden"),
    SignInError: (401, "sign_in_required"),
    RoleError: (403, "forbidden"),
    ForgeryError: (403, "csrf_invalid"),
    ThrottledError: (429, "too_many_sign_ins"),
    WorkflowError: (409, "conflict"),
    ConfigError: (503, "unavailable"),
    StoreError: (503, "unavailable"),
    IndexStateError: (503, "index_unavailable"),
    BusyError: (503, "busy"),
    FetchError: (502, "upstream_failed"),
    UnavailableError: (501, "unavailable"),
}

HTTP_CODES = {
    400: "bad_request",
    401: "sign_in_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "body_too_large",
    415: "unsupported_media_type",
    422: "invalid_request",
    429: "too_many_requests",
}


def problem(
    request: Request,
    status: int,
    code: str,
    message: str,
    details: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    """The error response, as JSON or as a page depending on who asked."""
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if details:
        body["details"] = details
    if _wants_html(request):
        render = getattr(request.app.state, "render_error", None)
        if render is not None:
            return HTMLResponse(render(request, body), status_code=status, headers=headers)
    return JSONResponse({"error": body}, status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def install_problem_handlers(app: FastAPI) -> None:
    """Register the mapping of every exception kind to the one error shape."""

    async def on_medcite_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, MedciteError)
        status, code = _status_of(exc)
        headers = {}
        if isinstance(exc, ThrottledError):
            headers["Retry-After"] = str(exc.details.get("retry_after", 1))
        message = public_message(request, exc.message)
        return problem(request, status, exc.code or code, message, headers=headers)

    async def on_validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return validation_problem(request, exc.errors())

    async def on_http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = HTTP_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else "request refused"
        return problem(request, exc.status_code, code, message, headers=dict(exc.headers or {}))

    async def on_unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem(request, 500, "internal_error", "the server failed; the error was logged")

    app.add_exception_handler(MedciteError, on_medcite_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)


def validation_problem(request: Request, errors: Any) -> Response:
    """422 naming each bad field; 400 ``malformed_json`` when the body is not JSON at all."""
    details = [
        {
            "field": ".".join(str(part) for part in error.get("loc", ())),
            "message": _message(error),
            "type": error.get("type", ""),
        }
        for error in errors
    ]
    kinds = {detail["type"] for detail in details}
    if "json_invalid" in kinds:
        return problem(request, 400, "malformed_json", "the request body is not valid JSON")
    if kinds == {"extra_forbidden"}:
        names = ", ".join(detail["field"] for detail in details)
        return problem(request, 422, "unknown_field", f"unknown field(s): {names}", details)
    summary = "; ".join(f"{d['field']}: {d['message']}" for d in details)
    return problem(request, 422, "invalid_request", summary or "invalid request", details)


def _message(error: Any) -> str:
    message = str(error.get("msg", "invalid"))
    return message[:200]


def public_message(request: Request, message: str) -> str:
    """``message`` with the server's own directories named by what they are."""
    settings = getattr(getattr(request.app.state, "web", None), "settings", None)
    if settings is None:
        return message
    places = {
        str(settings.vocab.path(settings.data_dir)): "<vocabulary dir>",
        str(settings.data_dir): "<data dir>",
    }
    for path, name in list(places.items()):
        places.setdefault(str(Path(path).resolve()), name)
    for path in sorted(places, key=len, reverse=True):
        message = message.replace(path, places[path])
    return message


def _status_of(exc: MedciteError) -> tuple[int, str]:
    for kind in type(exc).__mro__:
        found = STATUSES.get(kind)
        if found is not None:
            return found
    return 400, "bad_request"
