"""The HTTP API under ``/api/v1``: JSON in, JSON out, documented at ``/openapi.json``.

Answers are the documented answer JSON (docs/answer-json.md) with one added field,
``snapshot`` (its permanent id and URL, conversation and review state). Asking by ``POST``
keeps the answer as a snapshot; asking by ``GET`` keeps nothing (``snapshot`` is null),
since a GET must change nothing a cross-site link could make a signed-in reader do.
Request bodies are strict: an unknown field is ``422 unknown_field``, a body that is not
JSON ``400 malformed_json``; their text is cleaned like every text medcite takes in
(``medcite.safe_text``). Calls that change something with a session cookie must send
the CSRF token from ``POST /api/v1/session`` in ``X-CSRF-Token``. Every response has its
model in :mod:`medcite.web.schemas`.
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator

from medcite import __version__
from medcite.accounts import Permission
from medcite.editorial import AnswerSnapshot, AuditEntry, StoredReview
from medcite.records import Answer, Audience
from medcite.render import AnswerFormat, render
from medcite.review import ReviewAction, ReviewState
from medcite.safe_text import clean_text
from medcite.web.context import ReviewId, WebState, allowed, viewer, web_state
from medcite.web.schemas import (
    PROBLEMS,
    AnswerOut,
    Health,
    Ready,
    ReviewOut,
    ReviewWithLogOut,
    SearchHitOut,
    SessionOut,
    record_response,
)
from medcite.web.security import CSRF_HEADER, SESSION_COOKIE
from medcite.web.signin import sign_in, sign_out

State = Annotated[WebState, Depends(web_state)]


def csrf_for_cookie_sessions(request: Request) -> None:
    """Changing calls made with a session cookie must carry the CSRF token in a header."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return
    if request.cookies.get(SESSION_COOKIE):
        web_state(request).cookies.check_csrf(request, request.headers.get(CSRF_HEADER, ""))


router = APIRouter(
    prefix="/api/v1", dependencies=[Depends(csrf_for_cookie_sessions)], responses=PROBLEMS
)


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="before")
    @classmethod
    def _clean(cls, value: Any) -> Any:
        return clean_text(value) if isinstance(value, str) else value


class AskBody(Strict):
    """A question, who it is for, and the answer snapshot it follows up (if any)."""

    q: str = Field(description="The question, in plain words.", max_length=20_000)
    audience: str = Field("clinician", description="clinician, researcher or patient.")
    conversation: str = Field(
        "",
        max_length=64,
        description="Id of the answer snapshot this question follows up (its `snapshot.id`); "
        "the follow-up continues that answer's conversation and inherits its context.",
    )


class SubmitBody(Strict):
    """An answer snapshot to submit for review."""

    snapshot_id: str = Field(max_length=64)
    comment: str = Field("", max_length=4000)


class ActionBody(Strict):
    """A review action and why."""

    action: ReviewAction
    comment: str = Field("", max_length=4000)


class SessionBody(Strict):
    """Credentials."""

    username: str = Field(max_length=200)
    password: str = Field(max_length=1000)


@router.get("/health", response_model=Health)
def health() -> dict[str, str]:
    """Liveness: the process answers."""
    return {"status": "ok", "version": __version__}


@router.get("/ready", response_model=Ready)
def ready(state: State) -> dict[str, Any]:
    """Readiness: the database is at the current schema and the index opens."""
    stats = state.editorial.ready()
    return {
        "status": "ready",
        "records": stats.store.records,
        "index_snapshot": stats.index.snapshot_id,
        "index_in_step": stats.in_step,
    }


@router.get("/ask", response_model=AnswerOut)
def ask_get(
    request: Request,
    state: State,
    q: Annotated[str, Query(max_length=20_000)],
    audience: Annotated[str, Query(max_length=20)] = "clinician",
    conversation: Annotated[str, Query(max_length=64)] = "",
) -> dict[str, Any]:
    """Answer a question (query parameters ``q``, ``audience``, ``conversation``) without
    keeping it: ``snapshot`` is null. POST the same to keep it."""
    answer = state.editorial.preview(q, audience, conversation)
    return answer_body(answer, audience) | {"snapshot": None}


@router.post("/ask", response_model=AnswerOut)
def ask_post(request: Request, state: State, body: AskBody) -> dict[str, Any]:
    """Answer a question (JSON body ``{"q", "audience", "conversation"}``) and keep the
    answer as a snapshot with a permanent URL."""
    seen = viewer(request)
    snapshot = state.editorial.ask(body.q, body.audience, body.conversation, seen.actor.name)
    return answer_json(request, state, snapshot)


@router.get("/answers/{snapshot_id}", response_model=AnswerOut)
def answer(request: Request, state: State, snapshot_id: str) -> dict[str, Any]:
    """A kept answer snapshot."""
    return answer_json(request, state, state.editorial.snapshot(snapshot_id))


@router.get("/library", response_model=list[ReviewOut])
def library(
    request: Request, state: State, q: Annotated[str, Query(max_length=200)] = ""
) -> list[dict[str, Any]]:
    """Approved answers whose question contains ``q``."""
    return [review_json(request, r) for r in state.editorial.approved(q, limit=200)]


@router.get("/records", response_model=list[SearchHitOut])
def search_records(
    state: State,
    q: Annotated[str, Query(min_length=1, max_length=1000)],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[dict[str, Any]]:
    """BM25 search of the records."""
    return [
        {"rank": hit.rank, "score": hit.score, "record_id": hit.record_id}
        | {"title": record.title, "year": record.year, "pmid": record.pmid}
        for hit, record in state.editorial.search(q, limit)
    ]


@router.get("/records/{record_id:path}", response_model=None, responses=record_response())
def show_record(state: State, record_id: str) -> Response:
    """One record, in the JSON schema of docs/records.md."""
    record = state.editorial.show(record_id)
    return Response(msgspec.json.encode(record), media_type="application/json")


@router.get("/reviews", response_model=list[ReviewOut])
def list_reviews(
    request: Request,
    state: State,
    status: Annotated[list[ReviewState] | None, Query(alias="state")] = None,
    q: Annotated[str, Query(max_length=200)] = "",
) -> list[dict[str, Any]]:
    """Reviews, optionally only those in the given ``state``s or matching ``q``."""
    allowed(request, Permission.SEE_REVIEWS)
    return [review_json(request, r) for r in state.editorial.reviews(status or (), q)]


@router.post("/reviews", status_code=201, response_model=ReviewOut)
def submit_review(request: Request, state: State, body: SubmitBody) -> dict[str, Any]:
    """Submit an answer snapshot for review."""
    seen = allowed(request, Permission.SUBMIT)
    return review_json(request, state.editorial.submit(body.snapshot_id, seen.actor, body.comment))


@router.get("/reviews/{review_id}", response_model=ReviewWithLogOut)
def get_review(request: Request, state: State, review_id: ReviewId) -> dict[str, Any]:
    """A review with its audit log."""
    allowed(request, Permission.SEE_REVIEWS)
    stored = state.editorial.review(review_id)
    log = state.editorial.audit_log(review_id)
    return review_json(request, stored) | {"audit_log": [audit_json(e) for e in log]}


@router.post("/reviews/{review_id}/actions", response_model=ReviewOut)
def review_action(
    request: Request, state: State, review_id: ReviewId, body: ActionBody
) -> dict[str, Any]:
    """Start a review, approve, request changes, resubmit or flag for re-review."""
    seen = allowed(request, Permission.SEE_REVIEWS)
    return review_json(
        request, state.editorial.act(review_id, body.action, seen.actor, body.comment)
    )


@router.post("/session", response_model=SessionOut)
def create_session(request: Request, response: Response, body: SessionBody) -> dict[str, str]:
    """Sign in; the session is a cookie, and ``csrf_token`` goes in ``X-CSRF-Token``."""
    user, token = sign_in(request, response, body.username, body.password)
    return {"username": user.username, "role": user.role.value, "csrf_token": token}


@router.delete("/session", status_code=204, response_model=None)
def delete_session(request: Request, response: Response) -> None:
    """Sign out: the session ends on the server, whoever holds a copy of its cookie."""
    sign_out(request, response)


def answer_body(answer: Answer, audience: str, conversation: str = "") -> dict[str, Any]:
    """The documented answer JSON, written for ``audience`` (answers kept before the engine
    recorded the audience say "clinician"), in the kept ``conversation`` if any."""
    shown = msgspec.structs.replace(
        answer, audience=Audience(audience), conversation=conversation or answer.conversation
    )
    body: dict[str, Any] = render(shown, AnswerFormat.JSON)
    return body


def answer_json(request: Request, state: WebState, snapshot: AnswerSnapshot) -> dict[str, Any]:
    """The documented answer JSON, plus where it is kept and its review state."""
    stored = state.editorial.review_of_snapshot(snapshot.id)
    review = None
    if stored is not None:
        review = {"id": stored.id, "state": stored.state.value, "version": stored.review.version}
        review |= {"current": stored.snapshot_id == snapshot.id}
        review |= _approval(stored)
    return answer_body(snapshot.answer, snapshot.audience, snapshot.conversation_id) | {
        "snapshot": {
            "id": snapshot.id,
            "url": str(request.url_for("answer_page", snapshot_id=snapshot.id)),
            "audience": snapshot.audience,
            "conversation": snapshot.conversation_id,
            "follows": snapshot.parent_id,
            "created_at": snapshot.created_at.isoformat(),
            "review": review,
        }
    }


def review_json(request: Request, stored: StoredReview) -> dict[str, Any]:
    """A review as JSON."""
    return {
        "id": stored.id,
        "question": stored.question,
        "audience": stored.audience,
        "state": stored.state.value,
        "version": stored.review.version,
        "snapshot_id": stored.snapshot_id,
        "answer_url": str(request.url_for("answer_page", snapshot_id=stored.snapshot_id)),
        "submitted_by": stored.review.submitted_by,
        "updated_at": stored.updated_at.isoformat(),
    } | _approval(stored)


def _approval(stored: StoredReview) -> dict[str, Any]:
    at = stored.review.approved_at
    return {"approved_by": stored.review.approved_by, "approved_at": at.isoformat() if at else None}


def audit_json(entry: AuditEntry) -> dict[str, Any]:
    """One audit log entry as JSON."""
    return {
        "at": entry.at.isoformat(),
        "actor": entry.actor,
        "actor_role": entry.actor_role.value,
        "action": entry.action.value,
        "from": entry.source.value,
        "to": entry.target.value,
        "version": entry.version,
        "snapshot_id": entry.snapshot_id,
        "comment": entry.comment,
    }
