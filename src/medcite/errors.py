"""The one exception tree of medcite.

::

    MedciteError                  anything medcite raises on purpose
    ├── ConfigError               settings that do not validate, a data dir that cannot be used
    │   └── ExtraMissingError     a setting or command needs an optional extra that is not installed
    ├── SourceError               an input that cannot be read at all (file, line/record, reason)
    ├── QuestionError             a question or search text medcite will not run (empty, too long)
    ├── NotFoundError             a record id that is not in the store
    ├── StoreError                the document store failed or holds something unexpected
    ├── IndexStateError           the index is missing, or its manifest does not match the settings
    ├── FetchError                a remote service (NCBI E-utilities) failed after retries
    ├── AccessError               an action the caller may not take
    │   ├── SignInError           no valid session (missing, expired, tampered) or bad password
    │   └── RoleError             signed in, but the role does not allow the action
    └── WorkflowError             a review action the answer's current review state does not allow

Bad *records* inside a readable file are not exceptions: readers yield a ``Rejection``
and go on, so one bad record never costs the good ones. The CLI maps each class to an
exit code once (``cli.EXIT_CODES``) and to an HTTP status and a stable error code once in
the web app (``web.problems``); library code never calls ``sys.exit``.
"""

from __future__ import annotations


class MedciteError(Exception):
    """Base of every error medcite raises on purpose; its message is for the user."""


class ConfigError(MedciteError):
    """Settings or the data directory are unusable."""


class ExtraMissingError(ConfigError):
    """An optional part (e.g. ``medcite[dense]``) is asked for but not installed; says how to."""


class SourceError(MedciteError):
    """An input file or stream cannot be read; the message names it (and the line or record)."""


class QuestionError(MedciteError):
    """A question or search text that medcite refuses to run, with the reason."""


class NotFoundError(MedciteError):
    """A record asked for by id is not in the store."""


class StoreError(MedciteError):
    """The document store failed or is in a state medcite did not write."""


class IndexStateError(MedciteError):
    """The index is missing or was built with other settings; the message names the fix."""


class FetchError(MedciteError):
    """A remote service kept failing after the allowed retries."""


class AccessError(MedciteError):
    """The caller may not do this: not signed in, or not in a role that allows it."""


class SignInError(AccessError):
    """No valid session (missing, expired or tampered), or a wrong username or password."""


class RoleError(AccessError):
    """Signed in, but the account's role does not allow the action (e.g. an editor approving)."""


class WorkflowError(MedciteError):
    """A review action that the answer's current review state does not allow."""
