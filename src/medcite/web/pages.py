"""The server-rendered pages: ask, answer, library, review dashboard, sign-in, policy.

Every page works without JavaScript; one small script of the site's own
(:data:`~medcite.web.templating.ENHANCE_URL`) only shows that an answer is on its way.
Whatever creates or changes state is a POST carrying the CSRF token, asking included: an
asked question is kept as a snapshot in the asker's name, so a cross-site link must not
be able to ask for a signed-in reader. ``GET /ask?q=…`` (examples, suggested follow-ups,
old bookmarks) shows the ask form filled in, and changes nothing; an answer's own URL
(``/answers/{id}``) is the one to bookmark and share.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from medcite.accounts import Permission
from medcite.editorial import AUDIENCES
from medcite.errors import NotFoundError, SignInError, UnavailableError
from medcite.render import AnswerFormat, PageControls, ReviewBanner, render
from medcite.review import ReviewAction, ReviewState, available_actions
from medcite.web.context import ReviewId, Viewer, WebState, allowed, viewer, web_state
from medcite.web.exports import EXPORT_FORMATS
from medcite.web.signin import sign_in, sign_out
from medcite.web.templating import ENHANCE_URL, render_page

router = APIRouter(include_in_schema=False)
State = Annotated[WebState, Depends(web_state)]
AUDIENCE_COOKIE = "medcite_audience"
AUDIENCE_LABELS = {
    "clinician": "Clinician",
    "researcher": "Researcher",
    "patient": "Patient or caregiver",
}
EXAMPLES = (
    "Which CT findings suggest spinal calcinosis in systemic sclerosis?",
    "Does metabolic associated fatty liver disease increase COVID-19 severity?",
    "What are the risk factors for postoperative delirium?",
)
ACTION_LABELS = {
    ReviewAction.START_REVIEW: "Start review",
    ReviewAction.APPROVE: "Approve",
    ReviewAction.REQUEST_CHANGES: "Request changes",
    ReviewAction.RESUBMIT: "Resubmit (answer again as a new version)",
    ReviewAction.FLAG_FOR_REREVIEW: "Flag for re-review",
}
CsrfField = Annotated[str, Form(alias="csrf_token", max_length=200)]
ENHANCE_SCRIPT = files("medcite.web").joinpath("static/enhance.js").read_bytes()


def _check_form(request: Request, state: WebState, token: str) -> None:
    state.cookies.check_csrf(request, token)


@router.get("/", response_class=HTMLResponse)
def ask_page(request: Request, state: State) -> Response:
    """The ask page: question box, "which best describes you?", examples."""
    audience = request.cookies.get(AUDIENCE_COOKIE, "clinician")
    return render_page(
        request,
        "ask.html.j2",
        question="",
        conversation="",
        audience=audience if audience in AUDIENCES else "clinician",
        audiences=list(AUDIENCE_LABELS.items()),
        examples=EXAMPLES,
        max_chars=state.settings.answer.max_question_chars,
    )


@router.get("/ask", response_class=HTMLResponse)
def ask_form(
    request: Request,
    state: State,
    q: Annotated[str, Query(max_length=20_000)] = "",
    audience: Annotated[str, Query(max_length=20)] = "",
    conversation: Annotated[str, Query(max_length=64)] = "",
) -> Response:
    """The ask form filled in from a link (nothing is asked until the form is sent)."""
    audience = audience or request.cookies.get(AUDIENCE_COOKIE, "clinician")
    return render_page(
        request,
        "ask.html.j2",
        question=q,
        conversation=conversation,
        audience=audience if audience in AUDIENCES else "clinician",
        audiences=list(AUDIENCE_LABELS.items()),
        examples=EXAMPLES,
        max_chars=state.settings.answer.max_question_chars,
    )


@router.post("/ask")
def ask(
    request: Request,
    state: State,
    q: Annotated[str, Form(max_length=20_000)] = "",
    audience: Annotated[str, Form(max_length=20)] = "",
    conversation: Annotated[str, Form(max_length=64)] = "",
    csrf_token: CsrfField = "",
) -> Response:
    """Answer the question, keep the answer, and go to its permanent page."""
    _check_form(request, state, csrf_token)
    if not q.strip():
        return RedirectResponse("/", status_code=303)
    audience = audience or request.cookies.get(AUDIENCE_COOKIE, "clinician")
    seen = viewer(request)
    snapshot = state.editorial.ask(q, audience, conversation, seen.actor.name)
    response = RedirectResponse(f"/answers/{snapshot.id}", status_code=303)
    response.set_cookie(
        AUDIENCE_COOKIE, snapshot.audience, max_age=365 * 86400, httponly=True, samesite="lax"
    )
    return response


@router.get("/answers/{snapshot_id}", response_class=HTMLResponse)
def answer_page(request: Request, state: State, snapshot_id: str) -> Response:
    """An answer snapshot's permanent page (the same renderer as ``ask --format html``)."""
    snapshot = state.editorial.snapshot(snapshot_id)
    review = state.editorial.review_of_snapshot(snapshot_id)
    seen = viewer(request)
    response = HTMLResponse("")
    token = state.cookies.csrf_token(request) or state.cookies.issue_csrf(request, response)
    banner = ReviewBanner()
    if review is not None and review.snapshot_id != snapshot_id:
        banner = ReviewBanner(state=f"Earlier version (review {review.id} moved on)")
    elif review is not None:
        approved_at = review.review.approved_at
        banner = ReviewBanner(
            state=review.state.label,
            approved=review.state is ReviewState.APPROVED,
            reviewer=review.review.approved_by,
            reviewed_on=approved_at.date() if approved_at else None,
        )
    may = seen.signed_in and seen.actor.may
    controls = PageControls(
        permalink=str(request.url_for("answer_page", snapshot_id=snapshot_id)),
        last_updated=(review.updated_at if review else snapshot.created_at).date(),
        follow_up_url="/ask",
        conversation=snapshot.id,
        csrf_token=token,
        submit_url=f"/answers/{snapshot_id}/submit"
        if review is None and may and may(Permission.SUBMIT)
        else "",
        review_url=f"/review/{review.id}"
        if review is not None and may and may(Permission.SEE_REVIEWS)
        else "",
        export_links={
            name: f"/answers/{snapshot_id}/export.{extension}"
            for extension, name in EXPORT_FORMATS.items()
        },
        nav=_nav(seen),
        script_url=ENHANCE_URL,
        signed_in_as=seen.user.username if seen.user else "",
        sign_out_url="/signout",
    )
    html: str = render(
        snapshot.answer,
        AnswerFormat.HTML,
        audience=snapshot.audience,
        banner=banner,
        controls=controls,
    )
    response.body = response.render(html)
    response.headers["content-length"] = str(len(response.body))
    return response


def _nav(seen: Viewer) -> dict[str, str]:
    nav = {"Ask": "/", "Library": "/library"}
    if seen.signed_in and seen.actor.may(Permission.SEE_REVIEWS):
        nav["Review"] = "/review"
    nav["Editorial policy"] = "/policy"
    if not seen.signed_in:
        nav["Sign in"] = "/signin"
    return nav


@router.post("/answers/{snapshot_id}/submit")
def submit(
    request: Request, state: State, snapshot_id: str, csrf_token: CsrfField = ""
) -> Response:
    """Submit an answer for review (editors and up)."""
    _check_form(request, state, csrf_token)
    seen = allowed(request, Permission.SUBMIT)
    review = state.editorial.submit(snapshot_id, seen.actor)
    return RedirectResponse(f"/review/{review.id}", status_code=303)


@router.get("/answers/{snapshot_id}/export.{extension}")
def export(request: Request, state: State, snapshot_id: str, extension: str) -> Response:
    """The answer's references as RIS, BibTeX or CSL-JSON, as a download."""
    if extension not in EXPORT_FORMATS:
        raise NotFoundError(f"no export format {extension!r}")
    snapshot = state.editorial.snapshot(snapshot_id)
    exporter = state.exporters.get(extension)
    if exporter is None:
        raise UnavailableError(
            f"{EXPORT_FORMATS[extension]} export is not available yet", code="export_unavailable"
        )
    body = exporter.write(snapshot.answer.references)
    return Response(
        body,
        media_type=exporter.media_type,
        headers={
            "content-disposition": f'attachment; filename="medcite-{snapshot_id}.{extension}"'
        },
    )


@router.get("/library", response_class=HTMLResponse)
def library(
    request: Request, state: State, q: Annotated[str, Query(max_length=200)] = ""
) -> Response:
    """Approved answers, searchable, each with its reviewer and date."""
    return render_page(
        request, "library.html.j2", query=q, reviews=state.editorial.approved(q, limit=200)
    )


@router.get("/review", response_class=HTMLResponse)
def review_dashboard(request: Request, state: State) -> Response:
    """The advisory board's dashboard: reviews by state."""
    allowed(request, Permission.SEE_REVIEWS)
    reviews = state.editorial.reviews(limit=500)
    order = [s for s in ReviewState if s is not ReviewState.UNREVIEWED]
    groups = [(s, [r for r in reviews if r.state is s]) for s in order]
    return render_page(request, "review_list.html.j2", groups=groups)


@router.get("/review/{review_id}", response_class=HTMLResponse)
def review_detail(request: Request, state: State, review_id: ReviewId) -> Response:
    """One review: state, actions the viewer may take, and its audit log."""
    seen = allowed(request, Permission.SEE_REVIEWS)
    review = state.editorial.review(review_id)
    actions = [
        (action.value, ACTION_LABELS[action])
        for action in available_actions(review.review, seen.actor)
        if action in ACTION_LABELS
    ]
    log = state.editorial.audit_log(review_id)
    return render_page(request, "review_detail.html.j2", review=review, actions=actions, log=log)


@router.post("/review/{review_id}/action")
def review_action(
    request: Request,
    state: State,
    review_id: ReviewId,
    action: Annotated[ReviewAction, Form()],
    comment: Annotated[str, Form(max_length=4000)] = "",
    csrf_token: CsrfField = "",
) -> Response:
    """Take a review action from the dashboard."""
    _check_form(request, state, csrf_token)
    seen = allowed(request, Permission.SEE_REVIEWS)
    state.editorial.act(review_id, action, seen.actor, comment)
    return RedirectResponse(f"/review/{review_id}", status_code=303)


@router.get("/signin", response_class=HTMLResponse)
def signin_page(
    request: Request, next: Annotated[str, Query(max_length=500)] = "/review"
) -> Response:
    """The sign-in form."""
    return render_page(request, "signin.html.j2", error="", next=_local(next), username="")


@router.post("/signin")
def signin(
    request: Request,
    state: State,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str, Form(max_length=500)] = "/review",
    csrf_token: CsrfField = "",
) -> Response:
    """Check the credentials; on success go on, else show the form again with why."""
    _check_form(request, state, csrf_token)
    response = RedirectResponse(_local(next), status_code=303)
    try:
        user, _token = sign_in(request, response, username, password)
    except SignInError as exc:
        return render_page(
            request,
            "signin.html.j2",
            status=401,
            error=str(exc),
            next=_local(next),
            username=username,
        )
    if not user.actor.may(Permission.SEE_REVIEWS) and _local(next) == "/review":
        response.headers["location"] = "/"
    return response


@router.post("/signout")
def signout(request: Request, state: State, csrf_token: CsrfField = "") -> Response:
    """End the session."""
    _check_form(request, state, csrf_token)
    response = RedirectResponse("/", status_code=303)
    sign_out(request, response)
    return response


@router.get(ENHANCE_URL)
def enhance_script() -> Response:
    """The progressive enhancement, from the site itself (the CSP allows no other script)."""
    return Response(
        ENHANCE_SCRIPT,
        media_type="text/javascript",
        headers={"cache-control": "public, max-age=3600"},
    )


@router.get("/policy", response_class=HTMLResponse)
def policy(request: Request) -> Response:
    """The editorial policy."""
    return render_page(request, "policy.html.j2")


def _local(target: str) -> str:
    """Only same-site paths as redirect targets (no open redirect to another host)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"
