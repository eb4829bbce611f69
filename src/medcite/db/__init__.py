"""Shared state of a deployment: accounts, answer snapshots, reviews and their audit log.

SQLite in the data directory by default, PostgreSQL through a database URL — one code path
(SQLAlchemy 2 Core) and one set of versioned migrations (Alembic, shipped in the package).
"""

from medcite.db.database import Database, database_url
from medcite.db.rows import AnswerSnapshot, AuditEntry, StoredReview, User

__all__ = [
    "AnswerSnapshot",
    "AuditEntry",
    "Database",
    "StoredReview",
    "User",
    "database_url",
]
