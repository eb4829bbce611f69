"""Shared state of a deployment: accounts, answer snapshots, reviews and their audit log.

SQLite in the data directory by default, PostgreSQL through a database URL — one code path
(SQLAlchemy 2 Core) and one set of versioned migrations (Alembic, shipped in the package).
"""

from medcite.db.database import SQLITE_FILE, Database, database_url
from medcite.db.rows import AnswerSnapshot, AuditEntry, StoredReview, StoredSession, User

__all__ = [
    "SQLITE_FILE",
    "AnswerSnapshot",
    "AuditEntry",
    "Database",
    "StoredReview",
    "StoredSession",
    "User",
    "database_url",
]
