"""Roles and permissions, as one table that every shell and the workflow consult.

Readers (anonymous allowed) ask and read; editors submit answers for review; reviewers
(the medical advisory board) review them; admins do everything, including managing
accounts. A permission is checked where an action happens (``require``), never inferred
from which page a button was on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from medcite.errors import RoleError

USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")


class Role(StrEnum):
    """What an account is for."""

    READER = "reader"
    EDITOR = "editor"
    REVIEWER = "reviewer"
    ADMIN = "admin"


class Permission(StrEnum):
    """Something a role may do."""

    ASK = "ask"
    SUBMIT = "submit"  # submit an answer for review, resubmit after changes were requested
    SEE_REVIEWS = "see-reviews"  # the review dashboard and the review API
    REVIEW = "review"  # start a review, approve, request changes, flag for re-review
    MANAGE_USERS = "manage-users"


PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.READER: frozenset({Permission.ASK}),
    Role.EDITOR: frozenset({Permission.ASK, Permission.SUBMIT, Permission.SEE_REVIEWS}),
    Role.REVIEWER: frozenset(
        {Permission.ASK, Permission.SUBMIT, Permission.SEE_REVIEWS, Permission.REVIEW}
    ),
    Role.ADMIN: frozenset(Permission),
}


@dataclass(frozen=True, slots=True)
class Actor:
    """Who does something: an account's name and role (audit entries record both)."""

    name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        """True when the actor's role grants ``permission``."""
        return permission in PERMISSIONS[self.role]


ANONYMOUS = Actor("anonymous", Role.READER)
SYSTEM = Actor("medcite", Role.ADMIN)
"""The actor of automatic transitions (flagging approved answers after an index rebuild)."""


def require(actor: Actor, permission: Permission) -> None:
    """Raise :class:`RoleError` unless ``actor`` may do ``permission``."""
    if not actor.may(permission):
        raise RoleError(f"{actor.name} ({actor.role}) may not {permission.value.replace('-', ' ')}")


def check_username(name: str) -> str:
    """A valid account name (lower-case letters, digits, ``.``, ``_``, ``-``; 2–64 long)."""
    if not USERNAME.fullmatch(name):
        raise ValueError(
            f"invalid username {name!r}: use 2-64 lower-case letters, digits, '.', '_' or '-'"
        )
    return name
