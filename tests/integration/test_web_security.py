"""Security tests that try: XSS through record text, roles, CSRF, cookies, hostile input.

Each runs on SQLite and PostgreSQL (fixture ``site``). The index holds a record whose every
text field carries markup and script.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from medcite.db import Database
from medcite.errors import StoreError
from medcite.web.exports import Exporter
from medcite.web.templating import ENHANCE_URL
from support.web import HOSTILE_MARKERS, HOSTILE_QUESTION, Site, assert_inert

ERROR_KEYS = {"status", "code", "message"}
SCRIPT_TAG = re.compile(r"<script[^>]*>")
OWN_SCRIPT = f'<script src="{ENHANCE_URL}" defer>'  # the only script any page has


def error_of(response: Any, status: int, code: str) -> dict[str, Any]:
    """Check the one error shape, status and code; no traceback ever."""
    assert response.status_code == status, response.text
    assert "Traceback" not in response.text and 'File "' not in response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) >= ERROR_KEYS
    assert body["error"]["status"] == status and body["error"]["code"] == code, body
    return dict(body["error"])


def approved_hostile_answer(site: Site) -> tuple[str, int]:
    snapshot = site.ask()
    token = site.sign_in("ed")
    review_id = site.client.post(
        "/api/v1/reviews", json={"snapshot_id": snapshot}, headers={"x-csrf-token": token}
    ).json()["id"]
    token = site.sign_in("rev")
    for action, comment in (("start_review", ""), ("approve", "<script>alert('c')</script>")):
        site.client.post(
            f"/api/v1/reviews/{review_id}/actions",
            json={"action": action, "comment": comment},
            headers={"x-csrf-token": token},
        )
    return snapshot, review_id


def test_record_markup_is_inert_on_every_page_and_in_every_export(site: Site) -> None:
    snapshot, review_id = approved_hostile_answer(site)
    pages = [
        "/",
        f"/answers/{snapshot}",
        "/library",
        "/library?q=%3Cscript%3E",
        "/review",
        f"/review/{review_id}",
        "/signin?next=javascript:alert(1)",
        "/policy",
        "/answers/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    ]
    for path in pages:
        response = site.client.get(path, headers={"accept": "text/html"})
        assert response.headers["content-type"].startswith("text/html"), path
        assert_inert(response.text, path)
        assert SCRIPT_TAG.findall(response.text.lower()) == [OWN_SCRIPT], path
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "script-src 'self';" in policy, path
    answer = site.client.get(f"/answers/{snapshot}").text
    assert sum(marker.replace("'", "&#39;") in answer for marker in HOSTILE_MARKERS) >= 3
    # the record's hostile link may be quoted, escaped, as text; never as a live URL
    assert not re.search(r"(?:href|src|action)\s*=\s*[\"']?\s*javascript:", answer, re.I)
    review = site.client.get(f"/review/{review_id}").text
    assert "&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt;" in review

    for extension in ("ris", "bib", "json"):
        export = site.client.get(f"/answers/{snapshot}/export.{extension}")
        assert export.status_code == 200
        assert "alert('title')" in export.text  # the raw text, served as a download only
        assert not export.headers["content-type"].startswith("text/html")
        assert export.headers["content-disposition"].startswith("attachment;")
        assert export.headers["x-content-type-options"] == "nosniff"
    api = site.client.get(f"/api/v1/answers/{snapshot}")
    assert api.headers["content-type"] == "application/json"
    assert api.headers["x-content-type-options"] == "nosniff"


def test_readers_cannot_reach_reviews_and_editors_cannot_approve(site: Site) -> None:
    snapshot = site.ask()
    for path in ("/review", "/review/1", "/api/v1/reviews", "/api/v1/reviews/1"):
        error_of(site.client.get(path), 401, "sign_in_required")
    token = site.sign_in("reader")
    for path in ("/review", "/api/v1/reviews"):
        error_of(site.client.get(path), 403, "forbidden")
    refused = site.client.post(
        "/api/v1/reviews", json={"snapshot_id": snapshot}, headers={"x-csrf-token": token}
    )
    error_of(refused, 403, "forbidden")
    assert 'action="/answers/' not in site.client.get(f"/answers/{snapshot}").text

    token = site.sign_in("ed")
    review_id = site.client.post(
        "/api/v1/reviews", json={"snapshot_id": snapshot}, headers={"x-csrf-token": token}
    ).json()["id"]
    for action in ("start_review", "approve"):
        refused = site.client.post(
            f"/api/v1/reviews/{review_id}/actions",
            json={"action": action},
            headers={"x-csrf-token": token},
        )
        assert "may not review" in error_of(refused, 403, "forbidden")["message"]
    page = site.client.get(f"/review/{review_id}").text
    assert 'value="approve"' not in page and 'value="start_review"' not in page

    token = site.sign_in("rev")  # a reviewer may not approve what they submitted themselves
    own = site.ask("calcinosis of the spine")
    own_id = site.client.post(
        "/api/v1/reviews", json={"snapshot_id": own}, headers={"x-csrf-token": token}
    ).json()["id"]
    site.client.post(
        f"/api/v1/reviews/{own_id}/actions",
        json={"action": "start_review"},
        headers={"x-csrf-token": token},
    )
    refused = site.client.post(
        f"/api/v1/reviews/{own_id}/actions",
        json={"action": "approve"},
        headers={"x-csrf-token": token},
    )
    error_of(refused, 409, "conflict")


def test_forged_or_missing_csrf_tokens_are_refused(site: Site) -> None:
    snapshot = site.ask()
    token = site.sign_in("ed")
    form = site.form_token("/")
    url = f"/answers/{snapshot}/submit"
    error_of(site.client.post(url), 403, "csrf_missing")
    error_of(site.client.post(url, data={"csrf_token": form + "x"}), 403, "csrf_invalid")
    error_of(site.client.post(url, data={"csrf_token": "forged"}), 403, "csrf_invalid")
    body = {"snapshot_id": snapshot}
    error_of(site.client.post("/api/v1/reviews", json=body), 403, "csrf_missing")
    forged = site.client.post("/api/v1/reviews", json=body, headers={"x-csrf-token": "a" * 43})
    error_of(forged, 403, "csrf_invalid")
    # A token from another browser's session does not fit this one's cookie.
    other = site.client.cookies.get("medcite_csrf")
    site.sign_in("ed")
    assert site.client.cookies.get("medcite_csrf") != other
    stale = site.client.post("/api/v1/reviews", json=body, headers={"x-csrf-token": token})
    error_of(stale, 403, "csrf_invalid")
    error_of(site.client.post("/signout", data={}), 403, "csrf_missing")
    error_of(
        site.client.post("/signin", data={"username": "ed", "password": "x"}), 403, "csrf_missing"
    )
    assert site.editorial.database.reviews() == []


def test_tampered_expired_and_disabled_sessions_are_refused(site: Site) -> None:
    site.sign_in("rev")
    good = site.client.cookies.get("medcite_session")
    assert good is not None
    assert site.client.get("/api/v1/reviews").status_code == 200
    payload, _, signature = good.partition(".")
    for forged in (
        good[:-2] + ("AA" if not good.endswith("AA") else "BB"),
        payload.replace(payload[3], "x" if payload[3] != "x" else "y") + "." + signature,
        "eyJ1IjoiYW5uIn0.Zz.Zz",  # {"u":"ann"} signed the way old cookies were, made up
        "ann",
    ):
        site.client.cookies.clear()
        site.client.cookies.set("medcite_session", forged)
        error_of(site.client.get("/api/v1/reviews"), 401, "session_invalid")
        page = site.client.get("/review", headers={"accept": "text/html"})
        assert page.status_code == 401 and "Sign in" in page.text

    site.sign_in("rev")
    site.clock.advance(timedelta(hours=13))  # sessions last 12 hours at most
    error_of(site.client.get("/api/v1/reviews"), 401, "session_expired")
    site.clock.offset = timedelta(0)

    site.sign_in("rev")
    site.editorial.access.set_user_active("rev", False)
    error_of(site.client.get("/api/v1/reviews"), 401, "session_invalid")
    site.client.cookies.clear()
    refused = site.client.post(
        "/api/v1/session", json={"username": "rev", "password": "a long enough password"}
    )
    error_of(refused, 401, "sign_in_required")


def test_sign_in_is_throttled_per_user_and_address(site: Site) -> None:
    for _ in range(5):
        wrong = site.client.post("/api/v1/session", json={"username": "ann", "password": "nope"})
        error_of(wrong, 401, "sign_in_required")
    locked = site.client.post(
        "/api/v1/session", json={"username": "ann", "password": "a long enough password"}
    )
    error_of(locked, 429, "too_many_sign_ins")
    assert int(locked.headers["retry-after"]) > 0
    site.sign_in("ed")  # another account is not locked out


@pytest.mark.parametrize(
    "text",
    [
        "'; DROP TABLE reviews; --",
        '" OR 1=1 --',
        "calcinosis') UNION SELECT password_hash FROM users --",
        "%_%",
    ],
)
def test_sql_looking_input_is_inert_everywhere(site: Site, text: str) -> None:
    snapshot = site.ask(text + " calcinosis")
    assert site.client.get(f"/answers/{snapshot}").status_code == 200
    assert site.client.get("/api/v1/records", params={"q": text}).status_code == 200
    assert site.client.get("/library", params={"q": text}).status_code == 200
    assert site.client.get("/api/v1/library", params={"q": text}).json() == []
    error_of(site.client.get(f"/api/v1/answers/{text}"), 404, "not_found")
    error_of(site.client.get(f"/api/v1/records/{text}"), 404, "not_found")
    site.sign_in("rev")
    assert site.client.get("/api/v1/reviews", params={"q": text}).json() == []
    assert len(site.editorial.database.users()) == 5


def test_bad_requests_get_a_clear_4xx_in_one_shape(site: Site) -> None:
    limit = site.settings.answer.max_question_chars
    too_long = "why " * (limit // 4 + 1)
    error_of(site.client.get("/api/v1/ask", params={"q": too_long}), 422, "question_refused")
    error_of(site.client.post("/api/v1/ask", json={"q": "   "}), 422, "question_refused")
    error_of(
        site.client.post("/api/v1/ask", json={"q": "x y", "audience": "martian"}),
        422,
        "question_refused",
    )
    malformed = site.client.post(
        "/api/v1/ask", content=b'{"q": "unterminated', headers={"content-type": "application/json"}
    )
    error_of(malformed, 400, "malformed_json")
    unknown = site.client.post("/api/v1/ask", json={"q": "calcinosis", "sql": "DROP"})
    assert "sql" in error_of(unknown, 422, "unknown_field")["message"]
    wrong_type = site.client.post("/api/v1/ask", json={"q": ["a", "list"]})
    assert error_of(wrong_type, 422, "invalid_request")["details"][0]["field"] == "body.q"
    error_of(site.client.post("/api/v1/ask", json=[1, 2]), 422, "invalid_request")
    huge = b'{"q": "' + b"a" * (site.settings.web.max_body_bytes + 10) + b'"}'
    declared = site.client.post(
        "/api/v1/ask", content=huge, headers={"content-type": "application/json"}
    )
    error_of(declared, 413, "body_too_large")

    def chunks():  # type: ignore[no-untyped-def]
        for _ in range(100):
            yield b"a" * 1024

    streamed = site.client.post(
        "/api/v1/ask", content=chunks(), headers={"content-type": "application/json"}
    )
    error_of(streamed, 413, "body_too_large")
    error_of(
        site.client.get("/api/v1/records", params={"q": "x", "limit": 10**9}),
        422,
        "invalid_request",
    )
    error_of(site.client.get("/api/v1/reviews/not-a-number"), 422, "invalid_request")
    error_of(site.client.put("/api/v1/ask"), 405, "method_not_allowed")
    error_of(site.client.get("/api/v1/nothing-here"), 404, "not_found")
    error_of(site.client.get("/answers/x/export.exe"), 404, "not_found")


def test_an_unexpected_failure_is_a_500_without_a_traceback(site: Site) -> None:
    def broken(references: Any) -> str:
        raise RuntimeError("secret internals /etc/passwd")

    site.client.app.state.web.exporters["ris"] = Exporter("text/plain", broken)  # type: ignore[attr-defined]
    snapshot = site.ask()
    error = error_of(site.client.get(f"/answers/{snapshot}/export.ris"), 500, "internal_error")
    assert "secret" not in error["message"]
    page = site.client.get(f"/answers/{snapshot}/export.ris", headers={"accept": "text/html"})
    assert page.status_code == 500 and "secret" not in page.text and "Traceback" not in page.text


def test_sign_in_redirects_only_within_the_site(site: Site) -> None:
    for target in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        site.client.cookies.clear()
        token = site.form_token("/signin")  # signing in issues a fresh token each time
        response = site.client.post(
            "/signin",
            data={
                "username": "rev",
                "password": "a long enough password",
                "next": target,
                "csrf_token": token,
            },
            follow_redirects=False,
        )
        assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie.replace("Lax", "lax")


def test_the_hostile_question_itself_is_shown_as_text(site: Site) -> None:
    snapshot = site.ask(HOSTILE_QUESTION + " <script>alert('q')</script>")
    page = site.client.get(f"/answers/{snapshot}").text
    assert_inert(page, "answer page of a hostile question")
    assert "&lt;script&gt;alert(&#39;q&#39;)&lt;/script&gt;" in page


def test_cookies_are_secure_over_https_and_never_readable_by_scripts(site: Site) -> None:
    plain = site.client.post(
        "/api/v1/session", json={"username": "ed", "password": "a long enough password"}
    )
    assert all("Secure" not in c for c in plain.headers.get_list("set-cookie"))
    secure = site.client.post(
        "https://testserver/api/v1/session",
        json={"username": "rev", "password": "a long enough password"},
        headers={"x-csrf-token": plain.json()["csrf_token"]},
    )
    cookies = secure.headers.get_list("set-cookie")
    assert len(cookies) == 2
    for cookie in cookies:
        assert "; Secure" in cookie and "HttpOnly" in cookie
    assert any("SameSite=lax" in c for c in cookies)  # the session: sent on links from mail
    assert any("SameSite=strict" in c for c in cookies)  # the CSRF token: never cross-site


def snapshot_count(database: Database) -> int:
    with database.engine.connect() as connection:
        return int(
            connection.execute(sa.text("SELECT count(*) FROM answer_snapshots")).scalar_one()
        )


def test_only_a_post_with_its_csrf_token_creates_state(site: Site, database: Database) -> None:
    question = {"q": HOSTILE_QUESTION, "audience": "patient"}
    for signed_in in (False, True):
        if signed_in:
            site.sign_in("ed")
        else:
            site.client.cookies.clear()
        page = site.client.get("/ask", params=question, follow_redirects=False)
        assert page.status_code == 200 and f">{HOSTILE_QUESTION}</textarea>" in page.text
        answer = site.client.get("/api/v1/ask", params=question)
        assert answer.status_code == 200 and answer.json()["snapshot"] is None
        assert answer.json()["sections"]  # answered all the same
        forged = site.client.post("/ask", data=question, follow_redirects=False)
        error_of(forged, 403, "csrf_missing")
        assert snapshot_count(database) == 0  # no link or forged form kept anything
    kept = site.client.post("/api/v1/ask", json=question, headers=site.csrf_headers())
    assert kept.status_code == 200 and kept.json()["snapshot"]["id"]
    assert snapshot_count(database) == 1


def test_error_messages_to_clients_name_no_server_path(site: Site) -> None:
    data_dir = site.settings.data_dir

    def full(references: Any) -> str:
        raise StoreError(
            f"writing under {data_dir} failed: no space left", path=data_dir / "store.sqlite3"
        )

    site.client.app.state.web.exporters["ris"] = Exporter("text/plain", full)  # type: ignore[attr-defined]
    snapshot = site.ask()
    error = error_of(site.client.get(f"/answers/{snapshot}/export.ris"), 503, "unavailable")
    assert str(data_dir) not in error["message"] and "store.sqlite3" not in error["message"]
    assert error["message"] == "writing under <data dir> failed: no space left"


def test_submit_is_not_an_action_on_a_review(site: Site) -> None:
    snapshot = site.ask()
    token = site.sign_in("ed")
    review_id = site.client.post(
        "/api/v1/reviews", json={"snapshot_id": snapshot}, headers={"x-csrf-token": token}
    ).json()["id"]
    again = site.client.post(
        f"/api/v1/reviews/{review_id}/actions",
        json={"action": "submit"},
        headers={"x-csrf-token": token},
    )
    error_of(again, 409, "not_a_review_action")  # a state problem, not a missing thing
