"""The names ``medcite.accounts`` exports, each imported from its module when first used."""

from .passwords import (
    MIN_PASSWORD_CHARS,
    hash_password,
    password_needs_rehash,
    verify_password,
)
from .roles import (
    ANONYMOUS,
    PERMISSIONS,
    SYSTEM,
    Actor,
    Permission,
    Role,
    check_username,
    require,
)

__all__ = [
    "ANONYMOUS",
    "MIN_PASSWORD_CHARS",
    "PERMISSIONS",
    "SYSTEM",
    "Actor",
    "Permission",
    "Role",
    "check_username",
    "hash_password",
    "password_needs_rehash",
    "require",
    "verify_password",
]
