"""The database schema as SQLAlchemy Core tables; Alembic migrations create and evolve it.

The tables here must match the latest migration (``migrations/versions``); a test builds
the schema through the migrations and compares it with this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("role", String(16), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

answer_snapshots = Table(
    "answer_snapshots",
    metadata,
    Column("id", String(32), primary_key=True),
    Column("conversation_id", String(32), nullable=False, index=True),
    Column("parent_id", String(32), nullable=False),
    Column("question", Text, nullable=False),
    Column("audience", String(16), nullable=False),
    Column("answer", Text, nullable=False),  # the Answer record as msgspec JSON
    Column("index_snapshot", String(64), nullable=False),
    Column("settings_hash", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("asked_by", String(64), nullable=False),
)

reviews = Table(
    "reviews",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("snapshot_id", String(32), ForeignKey("answer_snapshots.id"), nullable=False),
    Column("question", Text, nullable=False),
    Column("audience", String(16), nullable=False),
    Column("state", String(32), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("submitted_by", String(64), nullable=False),
    Column("approved_by", String(64), nullable=False),
    Column("approved_at", DateTime(timezone=True), nullable=True),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

review_versions = Table(
    "review_versions",
    metadata,
    Column("review_id", Integer, ForeignKey("reviews.id"), primary_key=True),
    Column("version", Integer, primary_key=True),
    Column(
        "snapshot_id", String(32), ForeignKey("answer_snapshots.id"), nullable=False, index=True
    ),
)

review_events = Table(
    "review_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("review_id", Integer, ForeignKey("reviews.id"), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("snapshot_id", String(32), nullable=False),
    Column("action", String(32), nullable=False),
    Column("actor", String(64), nullable=False),
    Column("actor_role", String(16), nullable=False),
    Column("source", String(32), nullable=False),
    Column("target", String(32), nullable=False),
    Column("comment", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id_hash", String(64), primary_key=True),  # sha256 of the cookie's random id
    Column("username", String(64), ForeignKey("users.username"), nullable=False, index=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
)

sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("scope", String(16), nullable=False),  # "account" or "address"
    Column("key", String(256), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Index("sign_in_failures_by_key", "scope", "key", "at"),
    Index("sign_in_failures_by_time", "at"),
)
