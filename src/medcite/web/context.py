"""What every route needs, built once by the app factory and injected per request."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Path, Request

from medcite.accounts import ANONYMOUS, Actor, Permission, require
from medcite.editorial import Editorial, User
from medcite.errors import SignInError
from medcite.settings import Settings
from medcite.web.exports import Exporter
from medcite.web.security import Cookies

ReviewId = Annotated[int, Path(ge=1, le=2**63 - 1, description="A review's number.")]
"""A review id in a URL: a positive integer a database column can hold (larger ones are
422, not a server error)."""


@dataclass(frozen=True, slots=True)
class WebState:
    """The app's collaborators: the editorial desk, cookies, exporters, clock."""

    settings: Settings
    editorial: Editorial
    cookies: Cookies
    exporters: Mapping[str, Exporter]
    clock: Callable[[], datetime]


@dataclass(frozen=True, slots=True)
class Viewer:
    """Who is making the request: an account, or anonymous (with why, if a session was bad)."""

    actor: Actor
    user: User | None
    session_problem: SignInError | None = None

    @property
    def signed_in(self) -> bool:
        """True for a live session of an active account."""
        return self.user is not None


def web_state(request: Request) -> WebState:
    """The app's :class:`WebState` (FastAPI dependency)."""
    state: WebState = request.app.state.web
    return state


def viewer(request: Request) -> Viewer:
    """The request's viewer; an ended, expired or unknown session makes an anonymous viewer."""
    cached: Viewer | None = getattr(request.state, "viewer", None)
    if cached is not None:
        return cached
    state = web_state(request)
    session_id = state.cookies.session_id(request)
    if not session_id:
        found = Viewer(ANONYMOUS, None)
    else:
        try:
            user = state.editorial.access.session_user(session_id, state.clock())
        except SignInError as bad_session:
            found = Viewer(ANONYMOUS, None, bad_session)
        else:
            found = Viewer(user.actor, user)
    request.state.viewer = found
    return found


def allowed(request: Request, permission: Permission) -> Viewer:
    """The viewer, if signed in with a role that grants ``permission``; else refuse."""
    found = viewer(request)
    if found.session_problem is not None:
        raise found.session_problem
    if not found.signed_in and permission is not Permission.ASK:
        raise SignInError("sign in to do this")
    require(found.actor, permission)
    return found
