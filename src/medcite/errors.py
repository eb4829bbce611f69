"""The one exception tree of medcite.

::

    MedciteError                  anything medcite raises on purpose
    ├── ConfigError               settings that do not validate, a data dir that cannot be used
    │   └── ExtraMissingError     a setting or command needs an optional extra that is not installed
    ├── SourceError               an input that cannot be read at all (file, line/record, reason)
    ├── QuestionError             a question or search text medcite will not run (empty, too long)
    ├── NotFoundError             a record, answer, review, account or page that does not exist
    ├── StoreError                a store or database failed, or holds something unexpected
    │   └── DiskFullError         a write found no space left (or the file may not grow)
    ├── IndexStateError           the index is missing, or its manifest does not match the settings
    │   └── IndexDamagedError     the index files are damaged (a checksum, a panic while reading)
    ├── BusyError                 another medcite process holds the data directory for writing
    ├── FetchError                a remote service (NCBI E-utilities) failed after retries
    ├── UnavailableError          a part this deployment does not offer (an export left out)
    ├── AccessError               an action the caller may not take
    │   ├── SignInError           no valid session (missing, expired, revoked) or bad password
    │   ├── RoleError             signed in, but the role does not allow the action
    │   ├── ForgeryError          a changing request without its CSRF token, or a wrong one
    │   └── ThrottledError        too many failed sign-ins: wait ``retry_after`` seconds
    └── WorkflowError             a review action the answer's current review state does not allow

Every error carries structured fields besides its message: ``path`` (the file or directory
concerned, shown by the CLI and never sent to HTTP clients), ``code`` (a stable word for
API clients, e.g. ``session_expired``) and ``details`` (anything else, e.g. ``retry_after``).
``str(error)`` is ``"<path>: <message>"``, what a terminal user needs; ``error.message``
is the message alone, what a web client may see.

Bad *records* inside a readable file are not exceptions: readers yield a ``Rejection``
and go on, so one bad record never costs the good ones. The CLI maps each class to an
exit code once (``cli.EXIT_CODES``) and to an HTTP status and a stable error code once in
the web app (``web.problems``); library code never calls ``sys.exit``.
"""

from __future__ import annotations

from os import PathLike
from typing import Any


class MedciteError(Exception):
    """Base of every error medcite raises on purpose; its message is for the user."""

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        code: str = "",
        **details: Any,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else ""
        self.code = code
        self.details = details

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Errors cross process boundaries (the background reader): keep every field.
        return (_rebuild, (type(self), self.message, self.path, self.code, self.details))


def _rebuild(
    kind: type[MedciteError], message: str, path: str, code: str, details: dict[str, Any]
) -> MedciteError:
    return kind(message, path=path or None, code=code, **details)


class ConfigError(MedciteError):
    """Settings or the data directory are unusable."""


class ExtraMissingError(ConfigError):
    """An optional part (e.g. ``medcite[dense]``) is asked for but not installed; says how to."""


class SourceError(MedciteError):
    """An input file or stream cannot be read; the message names it (and the line or record)."""


class QuestionError(MedciteError):
    """A question or search text that medcite refuses to run, with the reason."""


class NotFoundError(MedciteError):
    """Something asked for by id (a record, an answer, a review, an account) does not exist."""


class StoreError(MedciteError):
    """The document store or database failed or is in a state medcite did not write."""


class DiskFullError(StoreError):
    """A write found no space left on the device (``path`` is the file being written)."""


class IndexStateError(MedciteError):
    """The index is missing or was built with other settings; the message names the fix."""


class IndexDamagedError(IndexStateError):
    """The index files are damaged; ``medcite index rebuild`` rebuilds them from the store."""


class BusyError(MedciteError):
    """Another medcite process is writing to the data directory; try again when it is done."""


class FetchError(MedciteError):
    """A remote service kept failing after the allowed retries."""


class UnavailableError(MedciteError):
    """A part of medcite this deployment does not offer (e.g. an export format left out)."""


class AccessError(MedciteError):
    """The caller may not do this: not signed in, or not in a role that allows it."""


class SignInError(AccessError):
    """No valid session (missing, expired or revoked), or a wrong username or password."""


class RoleError(AccessError):
    """Signed in, but the account's role does not allow the action (e.g. an editor approving)."""


class ForgeryError(AccessError):
    """A request that changes something came without the CSRF token of its session."""


class ThrottledError(AccessError):
    """Too many failed sign-ins; ``details["retry_after"]`` says in how many seconds to retry."""


class WorkflowError(MedciteError):
    """A review action that the answer's current review state does not allow."""


_NO_SPACE = (28, 122)  # ENOSPC, EDQUOT
_READ_ONLY = 30  # EROFS


def storage_error(exc: OSError, path: str | PathLike[str], doing: str) -> StoreError:
    """The error for an operating-system failure while ``doing`` something to ``path``:
    :class:`DiskFullError` for a full disk or quota, else :class:`StoreError`."""
    if exc.errno in _NO_SPACE:
        return DiskFullError(f"{doing}: no space left on device", path=path)
    if exc.errno == _READ_ONLY:
        return StoreError(f"{doing}: the file system is read-only", path=path)
    return StoreError(f"{doing}: {exc.strerror or exc}", path=path)
