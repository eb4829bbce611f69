"""Signing in and out, shared by the sign-in page and the session API."""

from __future__ import annotations

from functools import cache

from fastapi import Request, Response

from medcite.accounts import hash_password, password_needs_rehash, verify_password
from medcite.db import User
from medcite.errors import SignInError
from medcite.web.context import web_state


@cache
def _dummy_hash() -> str:
    """Checked when the username is unknown, so a miss costs as long as a wrong password."""
    return hash_password("not-a-real-password-at-all")


def sign_in(request: Request, response: Response, username: str, password: str) -> tuple[User, str]:
    """Check the credentials (throttled) and start a session; returns the user and CSRF token."""
    state = web_state(request)
    address = request.client.host if request.client else ""
    name = username.strip().lower()
    state.throttle.check(name, address)
    user = state.editorial.database.user(name) if len(name) <= 64 else None
    valid = verify_password(user.password_hash if user else _dummy_hash(), password)
    if user is None or not valid or not user.active:
        state.throttle.failed(name, address)
        raise SignInError("wrong username or password, or the account is disabled")
    state.throttle.succeeded(name, address)
    if password_needs_rehash(user.password_hash):
        state.editorial.database.set_password_hash(user.username, hash_password(password))
    return user, state.cookies.start_session(request, response, user.username)


def sign_out(request: Request, response: Response) -> None:
    """End the session and replace the CSRF token."""
    state = web_state(request)
    state.cookies.end_session(response)
    state.cookies.issue_csrf(request, response)
