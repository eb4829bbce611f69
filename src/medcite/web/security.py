"""Cookies: the session's id, the CSRF token, and the secret key that signs the latter.

- The session cookie holds an opaque random id (see :mod:`medcite.access`: the server
  keeps its hash and can end it at any time); it is HttpOnly, SameSite=Lax, and Secure
  over https (or always, with ``web.secure_cookies``).
- CSRF: a random token in its own signed cookie; every form posts it back in a hidden field
  and every API call that changes something sends it in ``X-CSRF-Token``. The two must
  match (double-submit with a signed cookie). Signing in and out issue a fresh token.
"""

from __future__ import annotations

import hmac
import os
import secrets
import time
from pathlib import Path

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from medcite.errors import ConfigError, ForgeryError
from medcite.settings import Settings

SESSION_COOKIE = "medcite_session"
CSRF_COOKIE = "medcite_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SECRET_FILE = "web-secret.key"


def secret_key(settings: Settings) -> str:
    """The configured key, else one kept in the data directory (created once, mode 0600)."""
    if settings.web.secret_key:
        return settings.web.secret_key
    path = settings.data_dir / SECRET_FILE
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return _read_key(path)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_urlsafe(48))
    return _read_key(path)


def _read_key(path: Path) -> str:
    for _ in range(50):  # another worker may be writing it this very moment
        key = path.read_text().strip()
        if key:
            return key
        time.sleep(0.01)
    raise ConfigError("the web secret key file is empty", path=path)


class Cookies:
    """Issues and reads the session cookie and the signed CSRF cookie."""

    def __init__(self, key: str, session_seconds: int, always_secure: bool) -> None:
        self._csrf = URLSafeTimedSerializer(key, salt="medcite-csrf")
        self.session_seconds = session_seconds
        self.always_secure = always_secure

    def _secure(self, request: Request) -> bool:
        return self.always_secure or request.url.scheme == "https"

    # -- sessions ----------------------------------------------------------------------

    def start_session(self, request: Request, response: Response, session_id: str) -> str:
        """Give the browser its new session id; returns the fresh CSRF token that goes
        with the session."""
        response.set_cookie(
            SESSION_COOKIE,
            session_id,
            max_age=self.session_seconds,
            httponly=True,
            samesite="lax",
            secure=self._secure(request),
            path="/",
        )
        return self.issue_csrf(request, response)

    def end_session(self, response: Response) -> None:
        """Drop the session cookie (the server ends the session itself)."""
        response.delete_cookie(SESSION_COOKIE, path="/")

    @staticmethod
    def session_id(request: Request) -> str:
        """The session id the browser sent ("" without one)."""
        return request.cookies.get(SESSION_COOKIE, "")

    # -- CSRF --------------------------------------------------------------------------

    def csrf_token(self, request: Request) -> str:
        """The request's CSRF token ("" when it has no valid CSRF cookie yet)."""
        raw = request.cookies.get(CSRF_COOKIE, "")
        try:
            token = self._csrf.loads(raw) if raw else ""
        except BadSignature:
            return ""
        return token if isinstance(token, str) else ""

    def issue_csrf(self, request: Request, response: Response) -> str:
        """A new CSRF token, set as a cookie; returns the token for forms and API clients."""
        token = secrets.token_urlsafe(32)
        response.set_cookie(
            CSRF_COOKIE,
            self._csrf.dumps(token),
            httponly=True,
            samesite="strict",
            secure=self._secure(request),
            path="/",
        )
        return token

    def check_csrf(self, request: Request, submitted: str) -> None:
        """Refuse the request unless ``submitted`` matches its CSRF cookie."""
        expected = self.csrf_token(request)
        if not expected or not submitted:
            raise ForgeryError("the form or request carries no CSRF token", code="csrf_missing")
        if not hmac.compare_digest(expected.encode(), submitted.encode("utf-8", "replace")):
            raise ForgeryError("the CSRF token does not match", code="csrf_invalid")
