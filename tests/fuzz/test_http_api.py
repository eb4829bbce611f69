"""Schema-driven fuzzing of the HTTP API (schemathesis over ``/openapi.json``).

Every operation the schema documents gets requests generated from it, valid and invalid,
as an anonymous client and as a signed-in reviewer (session cookie and CSRF token). Each
response must be documented: no 5xx, a status the schema lists, the content type and
the body the schema gives for it (``response_schema_conformance`` checks each answer,
record, review and error against its model). A refusal of a well-formed request (a
question in another language, say) is a domain rule the schema cannot express, so the
"positive data acceptance" check is left out.

``ci`` sends over 200 requests on every landing; ``soak`` (``-m slow``) at least 2,000.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings

from medcite.db import Database, database_url
from medcite.editorial import Editorial
from medcite.engine import Engine
from medcite.settings import load_settings
from medcite.web import create_app
from support.web import PASSWORD, add_accounts, build_index

BUDGETS = [
    pytest.param(10, 200, id="ci"),
    pytest.param(120, 2_000, id="soak", marks=pytest.mark.slow),
]
EXCLUDED = [schemathesis.checks.positive_data_acceptance]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    """The app over the fixture index and a SQLite database with the test accounts."""
    data_dir = tmp_path_factory.mktemp("fuzz-api")
    settings_ = build_index(data_dir)
    database = Database.open(database_url(settings_))
    database.upgrade()
    add_accounts(database)
    settings_ = load_settings(
        data_dir,
        overrides={
            "web": {
                "secret_key": "fuzz",
                "login_attempts": 100,
                "login_attempts_per_address": 10_000,
            }
        },
        environ={},
    )
    engine = Engine.open(settings_)
    yield create_app(settings_, Editorial(engine, database))
    engine.close()
    database.close()


def reviewer_headers(app: FastAPI) -> dict[str, str]:
    """What a signed-in reviewer's browser sends: its cookies and the CSRF header."""
    with TestClient(app) as client:
        signed_in = client.post("/api/v1/session", json={"username": "rev", "password": PASSWORD})
        assert signed_in.status_code == 200, signed_in.text
        cookies = "; ".join(f"{name}={value}" for name, value in client.cookies.items())
        return {"cookie": cookies, "x-csrf-token": signed_in.json()["csrf_token"]}


def fuzz_operation(operation: Any, headers: dict[str, str], examples: int) -> int:
    """Send up to ``examples`` generated requests to one operation; returns how many."""
    sent = 0

    @given(case=operation.as_strategy())
    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def run(case: schemathesis.Case) -> None:
        nonlocal sent
        sent += 1
        case.call_and_validate(headers=headers, excluded_checks=EXCLUDED)

    run()
    return sent


@pytest.mark.parametrize(("per_operation", "at_least"), BUDGETS)
def test_every_documented_operation_answers_as_documented(
    app: FastAPI, per_operation: int, at_least: int
) -> None:
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12  # every route of the API is in the schema
    sent = 0
    for identity in ("anonymous", "reviewer"):
        for operation in operations:
            # a fresh session per operation: fuzzing DELETE /session really ends one
            headers = reviewer_headers(app) if identity == "reviewer" else {}
            sent += fuzz_operation(operation, headers, per_operation)
    print(f"{sent} requests to {len(operations)} operations")  # shown with -rP
    assert sent >= at_least, f"only {sent} requests were sent"
