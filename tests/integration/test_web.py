"""The web app end to end in process: pages, API, and the review workflow on each database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from medcite.editorial import Editorial
from medcite.engine import Engine
from medcite.records import Answer, Audience, Question, Record, Section, Source
from medcite.review import ReviewState
from medcite.web.templating import ENHANCE_URL
from support.web import HOSTILE_QUESTION, Site, assert_inert, build_index


def ask_on_the_page(site: Site, **form: str) -> str:
    """Send the ask form as a browser does (a POST with the page's CSRF token); returns
    where it leads."""
    token = site.form_token("/")
    response = site.client.post("/ask", data={**form, "csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303, response.text
    location: str = response.headers["location"]
    return location


def test_asking_on_the_page_leads_to_a_permanent_answer_page(site: Site) -> None:
    location = ask_on_the_page(site, q=HOSTILE_QUESTION, audience="researcher")
    assert location.startswith("/answers/")
    assert site.client.cookies.get("medcite_audience") == "researcher"
    again = ask_on_the_page(site, q=HOSTILE_QUESTION)
    assert again == location  # same question, audience (remembered), index

    page = site.client.get(location)
    assert page.status_code == 200
    text = page.text
    assert_inert(text, location)
    assert "<h1>spinal calcinosis in systemic sclerosis</h1>" in text
    assert "Unreviewed." in text and "pending human review" in text
    assert "Bottom line" in text and "References" in text
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/91000001/"' in text
    for extension in ("ris", "bib", "json"):
        assert f'{location}/export.{extension}"' in text
    assert 'name="conversation" value="' + location.rsplit("/", 1)[1] in text
    assert "Read the full texts before citing them" in text or "full texts" in text
    assert "checked" in site.client.get("/").text.split('value="researcher"')[1][:20]


def test_a_follow_up_joins_the_conversation_it_continues(site: Site) -> None:
    first = site.ask()
    follow = site.client.post(
        "/api/v1/ask", json={"q": "and calcinosis in children?", "conversation": first}
    ).json()
    assert follow["snapshot"]["conversation"] == first
    assert follow["snapshot"]["follows"] == first
    third = site.client.post(
        "/api/v1/ask", json={"q": "imaging?", "conversation": follow["snapshot"]["id"]}
    ).json()
    assert third["snapshot"]["conversation"] == first
    missing = site.client.get("/api/v1/ask", params={"q": "x y z", "conversation": "nope"})
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_audience_and_the_followed_answers_question_go_to_the_engine(
    site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = site.editorial.engine
    real_ask = engine.ask
    calls: list[tuple[str, Audience, str | None]] = []

    def ask(
        question: str,
        audience: Audience = Audience.CLINICIAN,
        *,
        conversation: str | None = None,
        previous: Question | None = None,
    ) -> Answer:
        calls.append((question, audience, previous.text if previous else None))
        return real_ask(question, audience=audience, conversation=conversation, previous=previous)

    monkeypatch.setattr(engine, "ask", ask)
    first = site.client.post(
        "/api/v1/ask", json={"q": "calcinosis of the spine", "audience": "patient"}
    ).json()
    assert calls == [("calcinosis of the spine", Audience.PATIENT, None)]
    assert first["audience"] == "patient" and first["conversation"]  # the snapshot's
    page = site.client.get(f"/answers/{first['snapshot']['id']}").text
    assert f'name="conversation" value="{first["snapshot"]["id"]}"' in page
    assert 'name="audience" value="patient"' in page
    assert "Written for patients and caregivers" in page
    footer = lxml_html.fromstring(page).xpath("//footer[@class='disclaimer']")[0]
    assert first["disclaimer"] and first["disclaimer"] in footer.text_content()

    followed = ask_on_the_page(  # what the follow-up box sends
        site, q="and in children?", conversation=first["snapshot"]["id"], audience="patient"
    )
    assert calls[-1] == ("and in children?", Audience.PATIENT, "calcinosis of the spine")
    follow = site.client.get(f"/api/v1{followed}").json()
    assert follow["snapshot"]["conversation"] == first["snapshot"]["id"]
    # a second reader following up the same answer is read against it, not the first reader's
    site.client.post(
        "/api/v1/ask",
        json={"q": "imaging?", "audience": "researcher", "conversation": first["snapshot"]["id"]},
    )
    assert calls[-1] == ("imaging?", Audience.RESEARCHER, "calcinosis of the spine")
    site.client.post(
        "/api/v1/ask",
        json={
            "q": "and adults?",
            "audience": "researcher",
            "conversation": follow["snapshot"]["id"],
        },
    )
    assert calls[-1] == ("and adults?", Audience.RESEARCHER, "and in children?")


def test_the_api_answer_is_the_documented_answer_json_plus_its_snapshot(site: Site) -> None:
    body = site.client.post(
        "/api/v1/ask", json={"q": HOSTILE_QUESTION, "audience": "patient"}
    ).json()
    assert {"question", "sections", "references", "notes", "provenance"} <= set(body)
    statement = body["sections"][0]["statements"][0]
    assert {"text", "citations", "record_id", "section", "section_index", "start", "end"} <= set(
        statement
    )
    snapshot = body["snapshot"]
    assert snapshot["audience"] == "patient" and snapshot["review"] is None
    assert snapshot["url"].endswith(f"/answers/{snapshot['id']}")
    fetched = site.client.get(f"/api/v1/answers/{snapshot['id']}").json()
    assert fetched["sections"] == body["sections"]
    record = site.client.get(f"/api/v1/records/{statement['record_id']}").json()
    section = record["sections"][statement["section_index"]]["text"]
    start = statement["start"] + statement["offset"]
    assert section[start : statement["end"]] == statement["text"]
    hits = site.client.get("/api/v1/records", params={"q": "calcinosis", "limit": 3}).json()
    assert hits[0]["record_id"] == "pmid:91000001"


def test_submit_review_request_changes_resubmit_approve_and_the_library_shows_it(
    site: Site,
) -> None:
    snapshot = site.ask()
    site.sign_in("ed")
    token = site.form_token(f"/answers/{snapshot}")
    assert f'action="/answers/{snapshot}/submit"' in site.client.get(f"/answers/{snapshot}").text
    submitted = site.client.post(
        f"/answers/{snapshot}/submit", data={"csrf_token": token}, follow_redirects=False
    )
    assert submitted.status_code == 303
    review_path = submitted.headers["location"]

    site.sign_in("rev")
    steps = [("start_review", ""), ("request_changes", "Say what the CT showed.")]
    for action, comment in steps:
        token = site.form_token(review_path)
        done = site.client.post(
            f"{review_path}/action",
            data={"action": action, "comment": comment, "csrf_token": token},
            follow_redirects=False,
        )
        assert done.status_code == 303, done.text
    page = site.client.get(review_path).text
    assert "Changes requested" in page and "Say what the CT showed." in page

    site.sign_in("ed")
    token = site.form_token(review_path)
    site.client.post(f"{review_path}/action", data={"action": "resubmit", "csrf_token": token})
    site.sign_in("rev")
    for action in ("start_review", "approve"):
        token = site.form_token(review_path)
        site.client.post(f"{review_path}/action", data={"action": action, "csrf_token": token})

    review_id = int(review_path.rsplit("/", 1)[1])
    stored = site.editorial.database.review(review_id)
    assert (stored.state, stored.review.version, stored.review.approved_by) == (
        ReviewState.APPROVED,
        2,
        "rev",
    )
    log = site.client.get(f"/api/v1/reviews/{review_id}").json()["audit_log"]
    assert [(e["action"], e["actor"], e["version"]) for e in log] == [
        ("submit", "ed", 1),
        ("start_review", "rev", 1),
        ("request_changes", "rev", 1),
        ("resubmit", "ed", 2),
        ("start_review", "rev", 2),
        ("approve", "rev", 2),
    ]
    site.client.delete("/api/v1/session", headers={"x-csrf-token": site.form_token()})
    library = site.client.get("/library", params={"q": "calcinosis"}).text
    assert_inert(library, "/library")
    assert "spinal calcinosis in systemic sclerosis" in library and "<td>rev</td>" in library
    answer = site.client.get(f"/answers/{stored.snapshot_id}").text
    assert "<strong>Approved</strong> by the medical advisory board (rev, " in answer
    assert "pending human review" not in answer
    assert site.client.get("/library", params={"q": "no such thing"}).text.count("<tr>") == 0


def test_the_review_api_runs_the_same_workflow(site: Site) -> None:
    snapshot = site.ask()
    token = site.sign_in("ed")
    created = site.client.post(
        "/api/v1/reviews", json={"snapshot_id": snapshot}, headers={"x-csrf-token": token}
    )
    assert created.status_code == 201, created.text
    review_id = created.json()["id"]
    twice = site.client.post(
        "/api/v1/reviews", json={"snapshot_id": snapshot}, headers={"x-csrf-token": token}
    )
    assert twice.status_code == 409 and twice.json()["error"]["code"] == "conflict"
    token = site.sign_in("ann")
    for action in ("start_review", "approve"):
        done = site.client.post(
            f"/api/v1/reviews/{review_id}/actions",
            json={"action": action},
            headers={"x-csrf-token": token},
        )
        assert done.status_code == 200, done.text
    assert done.json()["state"] == "approved" and done.json()["approved_by"] == "ann"
    listed = site.client.get("/api/v1/reviews", params={"state": "approved"}).json()
    assert [r["id"] for r in listed] == [review_id]
    assert site.client.get("/api/v1/library").json()[0]["approved_by"] == "ann"
    answer = site.client.get(f"/api/v1/answers/{snapshot}").json()
    assert answer["snapshot"]["review"]["state"] == "approved"


def test_a_rebuilt_index_that_changes_the_evidence_flags_the_approved_answer(
    site: Site, tmp_path: Path
) -> None:
    question = "axonal transport in amyotrophic lateral sclerosis"
    snapshot = site.ask(question)
    token = site.sign_in("ed")
    review_id = site.client.post(
        "/api/v1/reviews", json={"snapshot_id": snapshot}, headers={"x-csrf-token": token}
    ).json()["id"]
    token = site.sign_in("rev")
    for action in ("start_review", "approve"):
        site.client.post(
            f"/api/v1/reviews/{review_id}/actions",
            json={"action": action},
            headers={"x-csrf-token": token},
        )
    assert site.editorial.recheck_approved() == []  # same index, same evidence

    # The index rebuilt with one more record that answers the question better.
    settings = build_index(tmp_path / "rebuilt")
    better = Record(
        id="pmid:92000001",
        source=Source.JSONL,
        pmid="92000001",
        title="Axonal transport in amyotrophic lateral sclerosis",
        sections=(
            Section(
                "Axonal transport in amyotrophic lateral sclerosis failed in 40 of 52 "
                "patients. Axonal transport defects precede amyotrophic lateral sclerosis "
                "symptoms.",
                "CONCLUSIONS",
            ),
        ),
    )
    with Engine.open(settings) as engine:
        engine.ingest([better])
        flagged = Editorial(engine, site.editorial.database).recheck_approved()
    assert [(r.id, r.state) for r in flagged] == [(review_id, ReviewState.REREVIEW_NEEDED)]
    last = site.editorial.database.audit_log(review_id)[-1]
    assert (last.actor, last.action.value) == ("medcite", "flag_for_rereview")
    assert "evidence changed" in last.comment
    answer = site.client.get(f"/answers/{snapshot}").text
    assert "Re-review needed." in answer and "pending human review" in answer


def test_health_readiness_and_the_openapi_contract(site: Site) -> None:
    assert site.client.get("/api/v1/health").json()["status"] == "ok"
    ready = site.client.get("/api/v1/ready").json()
    assert ready["status"] == "ready" and ready["records"] >= 6 and ready["index_in_step"]
    paths = site.client.get("/openapi.json").json()["paths"]
    assert set(paths["/api/v1/ask"]) == {"get", "post"}
    for path in (
        "/api/v1/health",
        "/api/v1/ready",
        "/api/v1/answers/{snapshot_id}",
        "/api/v1/records",
        "/api/v1/records/{record_id}",
        "/api/v1/reviews",
        "/api/v1/reviews/{review_id}",
        "/api/v1/reviews/{review_id}/actions",
        "/api/v1/session",
    ):
        assert path in paths, path
    assert not any(path.startswith("/review") or path == "/" for path in paths)
    for page in ("/", "/policy", "/signin", "/library"):
        assert site.client.get(page).status_code == 200, page


def test_the_enhancement_script_comes_from_the_site_itself(site: Site) -> None:
    script = site.client.get(ENHANCE_URL)
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert "dataset.busy" in script.text
    ask_page = site.client.get("/").text
    assert f'<script src="{ENHANCE_URL}" defer></script>' in ask_page
    assert 'data-busy="Finding evidence…"' in ask_page


def test_real_responses_of_a_whole_review_match_the_published_schema(site: Site) -> None:
    """Every response of a real ask → submit → review → approve → library run validates
    against /openapi.json (the fuzzing seldom reaches a successful review)."""
    import schemathesis

    schema = schemathesis.openapi.from_asgi("/openapi.json", site.client.app)

    def checked(method: str, path: str, template: str, **request: object) -> Any:
        response = site.client.request(method, path, **request)  # type: ignore[arg-type]
        assert response.status_code < 300, response.text
        schema[template][method.upper()].validate_response(response)
        return response.json() if response.content else None

    snapshot = checked("post", "/api/v1/ask", "/api/v1/ask", json={"q": HOSTILE_QUESTION})
    snapshot_id = snapshot["snapshot"]["id"]
    checked("get", "/api/v1/ask", "/api/v1/ask", params={"q": HOSTILE_QUESTION})
    checked("get", f"/api/v1/answers/{snapshot_id}", "/api/v1/answers/{snapshot_id}")
    checked("get", "/api/v1/records", "/api/v1/records", params={"q": "calcinosis"})
    record_id = snapshot["references"][0]["record_id"]
    checked("get", f"/api/v1/records/{record_id}", "/api/v1/records/{record_id}")
    token = site.sign_in("ed")
    headers = {"x-csrf-token": token}
    review = checked(
        "post",
        "/api/v1/reviews",
        "/api/v1/reviews",
        json={"snapshot_id": snapshot_id},
        headers=headers,
    )
    token = site.sign_in("rev")
    headers = {"x-csrf-token": token}
    actions = "/api/v1/reviews/{review_id}/actions"
    for action in ("start_review", "approve"):
        checked(
            "post",
            f"/api/v1/reviews/{review['id']}/actions",
            actions,
            json={"action": action},
            headers=headers,
        )
    checked("get", f"/api/v1/reviews/{review['id']}", "/api/v1/reviews/{review_id}")
    checked("get", "/api/v1/reviews", "/api/v1/reviews")
    checked("get", "/api/v1/library", "/api/v1/library")
    checked("get", "/api/v1/ready", "/api/v1/ready")
    checked("delete", "/api/v1/session", "/api/v1/session", headers=headers)
