"""Who may come in: accounts, throttled sign-in, and sessions kept on the server.

- A session is an opaque random id (256 bits) in the browser's cookie; the database keeps
  only its SHA-256 (:mod:`medcite.db.sessions`). Signing in always makes a new id (a
  planted or stolen id from before sign-in is worth nothing); signing out, disabling the
  account, a new password and ``medcite users sign-out`` delete sessions on the server,
  so a replayed cookie finds nothing. A session ends after ``session_idle_minutes``
  unused and ``session_hours`` after sign-in however busy (OWASP ASVS 3.3.2).
- Failed sign-ins are counted per account and per client address in the shared
  database, so every worker and replica sees the same count. Past ``login_attempts``
  failures for an account, or ``login_attempts_per_address`` from one address, within
  ``login_window_seconds``, sign-in is refused (even with the right password) until the
  oldest failure leaves the window. A successful sign-in clears its account's count,
  never its address's (a user's own account cannot launder an address's failures).
- Unknown usernames cost an Argon2 verification too, so timing does not tell which
  accounts exist.

The web app and the CLI are shells over this; ``now`` is always passed in (the web app's
clock), so tests can move time.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from functools import cache

from medcite.accounts import Role, hash_password, password_needs_rehash, verify_password
from medcite.db import Database, StoredSession, User
from medcite.errors import NotFoundError, SignInError, ThrottledError
from medcite.safe_text import clean_text
from medcite.settings import WebSettings

ACCOUNT, ADDRESS = "account", "address"
TOUCH_EVERY = timedelta(minutes=1)
"""A session's last use is written at most this often (one write per minute, not per request)."""
MAX_USERNAME = 64


@cache
def _dummy_hash() -> str:
    """Checked when the username is unknown, so a miss costs as long as a wrong password."""
    return hash_password("not-a-real-password-at-all")


def session_hash(session_id: str) -> str:
    """What the database keeps of a session id."""
    return hashlib.sha256(session_id.encode()).hexdigest()


class Access:
    """Accounts, sign-in and sessions over one database."""

    def __init__(self, database: Database, settings: WebSettings) -> None:
        self._database = database
        self._sessions = database.sessions
        self._settings = settings
        self.idle = timedelta(minutes=settings.session_idle_minutes)
        self.lifetime = timedelta(hours=settings.session_hours)
        self.window = timedelta(seconds=settings.login_window_seconds)

    # -- accounts ----------------------------------------------------------------------

    def user(self, username: str) -> User | None:
        """The account named ``username``, if any."""
        name = clean_text(username).strip().lower()
        return self._database.user(name) if 0 < len(name) <= MAX_USERNAME else None

    def users(self) -> list[User]:
        """Every account, by name."""
        return self._database.users()

    def add_user(self, username: str, role: Role, password: str, at: datetime) -> User:
        """Create an account (the name checked by the caller, the password hashed here)."""
        return self._database.add_user(username, role, hash_password(clean_text(password)), at)

    def set_user_active(self, username: str, active: bool) -> None:
        """Enable or disable an account; disabling ends its sessions for good."""
        self._database.set_user_active(username, active)

    def set_password(self, username: str, password: str) -> None:
        """Give an account a new password; every session of the account ends."""
        self._database.set_password_hash(username, hash_password(clean_text(password)))

    def sign_out_everywhere(self, username: str) -> int:
        """End every session of an account; returns how many ended."""
        if self._database.user(username) is None:
            raise NotFoundError(f"no user named {username!r}")
        return self._sessions.end_all_of(username)

    def sessions_of(self, username: str) -> list[StoredSession]:
        """The live sessions of an account (as hashes), oldest first."""
        return self._sessions.of(username)

    # -- signing in and out --------------------------------------------------------------

    def sign_in(
        self, username: str, password: str, address: str, now: datetime
    ) -> tuple[User, str]:
        """Check the credentials (throttled) and start a session; returns the user and the
        new session id for the cookie."""
        name = clean_text(username).strip().lower()[:256]
        keys = {ACCOUNT: name, ADDRESS: address[:256]}
        self._refuse_if_throttled(keys, now)
        user = self.user(name)
        valid = verify_password(user.password_hash if user else _dummy_hash(), clean_text(password))
        if user is None or not valid or not user.active:
            self._sessions.add_failure(keys, now, forget_before=now - self.window)
            raise SignInError("wrong username or password, or the account is disabled")
        self._sessions.clear_failures(ACCOUNT, name)
        if password_needs_rehash(user.password_hash):
            rehashed = hash_password(clean_text(password))
            self._database.set_password_hash(user.username, rehashed, new=False)
        session_id = secrets.token_urlsafe(32)
        self._sessions.add(session_hash(session_id), user.username, now)
        return user, session_id

    def _refuse_if_throttled(self, keys: dict[str, str], now: datetime) -> None:
        limits = {
            ACCOUNT: self._settings.login_attempts,
            ADDRESS: self._settings.login_attempts_per_address,
        }
        for scope, key in keys.items():
            failures = self._sessions.failures_since(scope, key, now - self.window)
            if len(failures) >= limits[scope]:
                retry = max(
                    1, int((failures[-limits[scope]] + self.window - now).total_seconds()) + 1
                )
                raise ThrottledError(
                    f"too many failed sign-ins; try again in {retry} s",
                    code="too_many_sign_ins",
                    retry_after=retry,
                )

    def session_user(self, session_id: str, now: datetime) -> User:
        """The account of a live session; :class:`SignInError` (``code`` says why) when the
        session was ended, has expired, or its account is disabled."""
        id_hash = session_hash(session_id)
        found = self._sessions.get(id_hash) if len(session_id) <= 128 else None
        if found is None:
            raise SignInError("the session has ended; sign in again", code="session_invalid")
        if now - found.created_at > self.lifetime or now - found.last_seen_at > self.idle:
            self._sessions.end(id_hash)
            raise SignInError("your session expired; sign in again", code="session_expired")
        user = self._database.user(found.username)
        if user is None or not user.active:
            self._sessions.end(id_hash)
            raise SignInError("this account is disabled or gone", code="session_invalid")
        if now - found.last_seen_at >= TOUCH_EVERY:
            self._sessions.touch(id_hash, now)
        return user

    def sign_out(self, session_id: str) -> None:
        """End the session (nothing happens for an id that is not a live session)."""
        if session_id and len(session_id) <= 128:
            self._sessions.end(session_hash(session_id))
