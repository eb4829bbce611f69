"""Sessions, CSRF tokens, sign-in throttling and the secret key that signs them.

- The session cookie holds the username, signed and timestamped (itsdangerous); it is
  HttpOnly, SameSite=Lax, and Secure over https (or always, with ``web.secure_cookies``).
  A tampered cookie fails the signature, an old one the age check; either way the request
  is refused, never taken as someone else. The account is read on every request, so a
  disabled account is signed out at once.
- CSRF: a random token in its own signed cookie; every form posts it back in a hidden field
  and every API call that changes something sends it in ``X-CSRF-Token``. The two must
  match (double-submit with a signed cookie). Signing in issues a fresh token.
- Throttling: failed sign-ins per (username, client address) in a sliding window, kept in
  memory per worker process.
"""

from __future__ import annotations

import hmac
import os
import secrets
import threading
import time
from collections import deque
from pathlib import Path

from fastapi import Request, Response
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from medcite.settings import Settings
from medcite.web.problems import WebError

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
    raise WebError(500, "internal_error", f"{path} is empty")


class Cookies:
    """Issues and reads the signed session and CSRF cookies."""

    def __init__(self, key: str, session_seconds: int, always_secure: bool) -> None:
        self._sessions = URLSafeTimedSerializer(key, salt="medcite-session")
        self._csrf = URLSafeTimedSerializer(key, salt="medcite-csrf")
        self.session_seconds = session_seconds
        self.always_secure = always_secure

    def _secure(self, request: Request) -> bool:
        return self.always_secure or request.url.scheme == "https"

    # -- sessions ----------------------------------------------------------------------

    def start_session(self, request: Request, response: Response, username: str) -> str:
        """Sign ``username`` in; returns the fresh CSRF token that goes with the session."""
        response.set_cookie(
            SESSION_COOKIE,
            self._sessions.dumps({"u": username}),
            max_age=self.session_seconds,
            httponly=True,
            samesite="lax",
            secure=self._secure(request),
            path="/",
        )
        return self.issue_csrf(request, response)

    def end_session(self, response: Response) -> None:
        """Sign out: drop the session cookie."""
        response.delete_cookie(SESSION_COOKIE, path="/")

    def session_user(self, request: Request) -> str:
        """The username of a valid session, "" without one; raises for a bad cookie."""
        raw = request.cookies.get(SESSION_COOKIE)
        if not raw:
            return ""
        try:
            payload = self._sessions.loads(raw, max_age=self.session_seconds)
        except SignatureExpired as exc:
            raise WebError(401, "session_expired", "your session expired; sign in again") from exc
        except BadSignature as exc:
            raise WebError(401, "session_invalid", "the session cookie is not valid") from exc
        username = payload.get("u") if isinstance(payload, dict) else None
        if not isinstance(username, str) or not username:
            raise WebError(401, "session_invalid", "the session cookie is not valid")
        return username

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
            raise WebError(403, "csrf_missing", "the form or request carries no CSRF token")
        if not hmac.compare_digest(expected.encode(), submitted.encode()):
            raise WebError(403, "csrf_invalid", "the CSRF token does not match")


class SignInThrottle:
    """At most ``attempts`` failed sign-ins per (username, address) within ``window`` seconds."""

    MAX_KEYS = 100_000

    def __init__(self, attempts: int, window: float) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def check(self, username: str, address: str, now: float | None = None) -> None:
        """Raise 429 while this username and address are locked out."""
        now = time.monotonic() if now is None else now
        with self._lock:
            recent = self._recent((username.lower(), address), now)
            if len(recent) >= self.attempts:
                retry = int(recent[0] + self.window - now) + 1
                raise WebError(
                    429,
                    "too_many_sign_ins",
                    f"too many failed sign-ins; try again in {retry} s",
                    {"Retry-After": str(retry)},
                )

    def failed(self, username: str, address: str, now: float | None = None) -> None:
        """Count a failed sign-in."""
        now = time.monotonic() if now is None else now
        with self._lock:
            if len(self._failures) > self.MAX_KEYS:
                self._failures.clear()  # bounded memory; a flood resets rather than grows
            self._recent((username.lower(), address), now).append(now)

    def succeeded(self, username: str, address: str) -> None:
        """Forget the failures of a user who signed in."""
        with self._lock:
            self._failures.pop((username.lower(), address), None)

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times
