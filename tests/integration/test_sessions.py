"""Sessions live on the server: signing out, disabling an account, a new password or
``medcite users sign-out`` end them for good, wherever the old cookie is replayed from.

Each runs on SQLite and PostgreSQL (fixture ``site``); time is the site's movable clock.
"""

from __future__ import annotations

import hashlib
import io
from datetime import timedelta
from pathlib import Path

import pytest

from medcite.cli import run
from medcite.db import Database
from support.web import PASSWORD, Site

SESSION = "medcite_session"


def signed_in_cookie(site: Site, username: str = "rev") -> str:
    site.sign_in(username)
    cookie = site.client.cookies.get(SESSION)
    assert cookie is not None
    assert site.client.get("/api/v1/reviews").status_code == 200
    return cookie


def replay(site: Site, cookie: str) -> int:
    """The status a request with nothing but ``cookie`` gets from a review endpoint."""
    site.client.cookies.clear()
    site.client.cookies.set(SESSION, cookie)
    return site.client.get("/api/v1/reviews").status_code


def test_signing_out_through_the_api_ends_the_session_on_the_server(site: Site) -> None:
    token = site.sign_in("rev")
    cookie = site.client.cookies.get(SESSION)
    assert cookie is not None
    signed_out = site.client.delete("/api/v1/session", headers={"x-csrf-token": token})
    assert signed_out.status_code == 204
    assert replay(site, cookie) == 401


def test_signing_out_on_the_page_ends_the_session_on_the_server(site: Site) -> None:
    cookie = signed_in_cookie(site)
    token = site.form_token("/")
    response = site.client.post("/signout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert replay(site, cookie) == 401


def test_re_enabling_an_account_revives_none_of_its_sessions(site: Site) -> None:
    cookie = signed_in_cookie(site)
    site.editorial.access.set_user_active("rev", False)
    assert replay(site, cookie) == 401
    site.editorial.access.set_user_active("rev", True)
    assert replay(site, cookie) == 401
    signed_in_cookie(site)  # signing in again works


def test_a_new_password_ends_every_session_of_the_account(site: Site) -> None:
    first = signed_in_cookie(site)
    second = signed_in_cookie(site)
    other = signed_in_cookie(site, "ed")
    site.editorial.access.set_password("rev", "another long password")
    assert replay(site, first) == 401 and replay(site, second) == 401
    assert replay(site, other) == 200  # another account's session is untouched


def test_signing_in_rotates_the_session_id(site: Site) -> None:
    first = signed_in_cookie(site)
    second = signed_in_cookie(site)
    assert first != second
    planted = "planted-by-an-attacker"
    site.client.cookies.clear()
    token = site.form_token("/signin")
    site.client.cookies.set(SESSION, planted)
    response = site.client.post(
        "/api/v1/session",
        json={"username": "rev", "password": PASSWORD},
        headers={"x-csrf-token": token},
    )
    assert response.status_code == 200, response.text
    (issued,) = [c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION)]
    assert planted not in issued


def test_sessions_end_after_idle_time_and_after_their_lifetime(site: Site) -> None:
    idle = timedelta(minutes=site.settings.web.session_idle_minutes)
    cookie = signed_in_cookie(site)
    site.clock.advance(idle - timedelta(minutes=1))
    assert replay(site, cookie) == 200  # used in time: the idle period starts again
    site.clock.advance(idle - timedelta(minutes=1))
    assert replay(site, cookie) == 200
    site.clock.advance(idle + timedelta(seconds=1))
    assert replay(site, cookie) == 401

    cookie = signed_in_cookie(site)
    lifetime = timedelta(hours=site.settings.web.session_hours)
    step = idle - timedelta(minutes=1)
    used = timedelta(0)
    while used + step < lifetime:
        site.clock.advance(step)
        used += step
        assert replay(site, cookie) == 200
    site.clock.advance(lifetime - used + timedelta(seconds=1))
    assert replay(site, cookie) == 401


def test_the_database_keeps_only_a_hash_of_the_session_id(site: Site, database: Database) -> None:
    cookie = signed_in_cookie(site)
    kept = [session.id_hash for session in database.sessions.of("rev")]
    assert kept == [hashlib.sha256(cookie.encode()).hexdigest()]


def test_users_sign_out_ends_every_session_of_an_account(
    site: Site,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cookie = signed_in_cookie(site)
    monkeypatch.setenv("MEDCITE_DATABASE__URL", database_url)
    data_dir = str(site.settings.data_dir)
    capsys.readouterr()
    assert run(["--data-dir", data_dir, "users", "sign-out", "rev"]) == 0
    assert "signed out 1 session" in capsys.readouterr().err
    assert replay(site, cookie) == 401
    assert run(["--data-dir", data_dir, "users", "sign-out", "nobody"]) == 7


def test_users_password_sets_a_new_password_and_ends_the_sessions(
    site: Site,
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cookie = signed_in_cookie(site)
    monkeypatch.setenv("MEDCITE_DATABASE__URL", database_url)
    monkeypatch.setattr("sys.stdin", io.StringIO("a brand new passphrase\n"))
    data_dir: Path = site.settings.data_dir
    status = run(["--data-dir", str(data_dir), "users", "password", "rev", "--password-stdin"])
    assert status == 0, capsys.readouterr().err
    assert replay(site, cookie) == 401
    site.client.cookies.clear()
    old = site.client.post("/api/v1/session", json={"username": "rev", "password": PASSWORD})
    assert old.status_code == 401
    new = site.client.post(
        "/api/v1/session", json={"username": "rev", "password": "a brand new passphrase"}
    )
    assert new.status_code == 200
