"""Signing in and out, shared by the sign-in page and the session API."""

from __future__ import annotations

from fastapi import Request, Response

from medcite.editorial import User
from medcite.web.context import web_state


def client_address(request: Request) -> str:
    """The client's address as the server saw it: the peer of the connection, or what a
    trusted proxy said (uvicorn believes ``X-Forwarded-For`` only from the addresses
    ``medcite serve --trusted-proxy`` names)."""
    return request.client.host if request.client else ""


def sign_in(request: Request, response: Response, username: str, password: str) -> tuple[User, str]:
    """Check the credentials (throttled) and start a new session; returns the user and the
    CSRF token that goes with the session. Any session the browser had is ended first."""
    state = web_state(request)
    access = state.editorial.access
    user, session_id = access.sign_in(username, password, client_address(request), state.clock())
    access.sign_out(state.cookies.session_id(request))
    return user, state.cookies.start_session(request, response, session_id)


def sign_out(request: Request, response: Response) -> None:
    """End the session on the server, drop its cookie and replace the CSRF token."""
    state = web_state(request)
    state.editorial.access.sign_out(state.cookies.session_id(request))
    state.cookies.end_session(response)
    state.cookies.issue_csrf(request, response)
