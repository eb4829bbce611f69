"""Alembic's entry point: migrations run on the connection medcite hands over.

medcite runs migrations itself (``medcite db upgrade``, or on first use of a SQLite file),
passing its connection in ``config.attributes["connection"]``; no alembic.ini is needed.
"""

from __future__ import annotations

from alembic import context

from medcite.db.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
