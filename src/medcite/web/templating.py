"""Server-side pages: the web templates (autoescaped Jinja2) and what every page shows."""

from __future__ import annotations

from functools import cache
from typing import Any

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse

from medcite.accounts import Permission
from medcite.web.context import viewer, web_state

ENHANCE_URL = "/static/enhance.js"
"""The site's one script (progressive enhancement), linked from every page's head."""
ERROR_TITLES = {401: "Please sign in", 403: "Not allowed", 404: "Not found", 409: "Not now"}


@cache
def environment() -> jinja2.Environment:
    """Web templates, with the answer renderer's stylesheet beside them (one look)."""
    templates = jinja2.Environment(
        loader=jinja2.ChoiceLoader(
            [
                jinja2.PackageLoader("medcite.web", "templates"),
                jinja2.PackageLoader("medcite.render", "templates"),
            ]
        ),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates.globals["enhance_url"] = ENHANCE_URL
    return templates


def page_info(request: Request, csrf_token: str, notice: str = "") -> dict[str, Any]:
    """What the page frame needs: who is signed in, what they may reach, the CSRF token."""
    seen = viewer(request)
    return {
        "username": seen.user.username if seen.user else "",
        "role": seen.actor.role.value if seen.user else "",
        "may_review": seen.signed_in and seen.actor.may(Permission.SEE_REVIEWS),
        "csrf_token": csrf_token,
        "notice": notice,
    }


def render_page(
    request: Request, name: str, status: int = 200, notice: str = "", **context: Any
) -> HTMLResponse:
    """A page, with a CSRF cookie issued if the browser has none yet."""
    cookies = web_state(request).cookies
    response = HTMLResponse("", status_code=status)
    token = cookies.csrf_token(request) or cookies.issue_csrf(request, response)
    html = (
        environment().get_template(name).render(page=page_info(request, token, notice), **context)
    )
    response.body = response.render(html)
    response.headers["content-length"] = str(len(response.body))
    return response


def render_error(request: Request, error: dict[str, Any]) -> str:
    """The error page for the problem ``error`` (status, code, message)."""
    title = ERROR_TITLES.get(error["status"], "Something went wrong")
    token = web_state(request).cookies.csrf_token(request)
    return (
        environment()
        .get_template("error.html.j2")
        .render(page=page_info(request, token), error=error, title=title)
    )
