"""The answer as one self-contained HTML page: the page of DESIGN.md §1.

The web app's answer page and ``medcite ask --format html`` both come from
:func:`answer_to_html`, so what a clinician sees in the browser and in a saved file is the
same page. The template (``templates/answer.html.j2``, package data) is autoescaped: every
text of a record is shown as text, never as markup, and every link is built here from an
identifier (PMID digits, a percent-encoded DOI), never taken from record text.

What the web adds (a follow-up form, a submit button, export links, navigation) comes in
as :class:`PageControls` of plain values; the CLI passes none and gets a static page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any
from urllib.parse import quote

import jinja2

from medcite.records import Answer, Reference
from medcite.render.citation import PUBMED_URL, vancouver

DISCLAIMERS = {
    "clinician": (
        "For healthcare professionals. Every statement above is a sentence of the cited "
        "record: check it against the source before relying on it. Clinical decisions rest "
        "on clinical judgment, current guidelines and the full texts."
    ),
    "researcher": (
        "Statements are sentences quoted from the cited abstracts, selected automatically; "
        "read the full texts before citing them."
    ),
    "patient": (
        "This page is for education, not medical advice. The sentences come from research "
        "papers written for professionals: talk them over with your doctor or care team "
        "before changing any treatment."
    ),
}


@dataclass(frozen=True, slots=True)
class ReviewBanner:
    """The review status line: state, and reviewer and date once approved."""

    state: str = "Unreviewed"
    approved: bool = False
    reviewer: str = ""
    reviewed_on: date | None = None


@dataclass(frozen=True, slots=True)
class PageControls:
    """What the web app puts around the answer; every field is optional (CLI: none)."""

    permalink: str = ""
    last_updated: date | None = None
    follow_up_url: str = ""  # the form's target; "" shows no form
    conversation: str = ""  # the snapshot a follow-up continues
    csrf_token: str = ""
    submit_url: str = ""  # "Submit for review", shown to editors
    review_url: str = ""  # link to the review of this answer, when there is one
    export_links: dict[str, str] = field(default_factory=dict)
    nav: dict[str, str] = field(default_factory=dict)  # label → URL
    signed_in_as: str = ""
    sign_out_url: str = ""


def answer_to_html(
    answer: Answer,
    *,
    audience: str = "clinician",
    banner: ReviewBanner | None = None,
    controls: PageControls | None = None,
) -> str:
    """The whole answer page as an HTML document (UTF-8, inline CSS, no scripts needed)."""
    return _template().render(
        answer=answer,
        sections=[s for s in answer.sections if s.statements],
        empty_sections=[s.title for s in answer.sections if not s.statements],
        references=[_reference(ref) for ref in answer.references],
        follow_ups=tuple(getattr(answer, "follow_ups", ()) or ()),
        audience=audience if audience in DISCLAIMERS else "clinician",
        disclaimer=DISCLAIMERS.get(audience, DISCLAIMERS["clinician"]),
        banner=banner or ReviewBanner(),
        controls=controls or PageControls(),
        snapshot=answer.provenance.index_snapshot,
    )


def reference_links(reference: Reference) -> dict[str, str]:
    """PubMed and DOI URLs built from identifiers alone, safe to put in an ``href``."""
    found = {}
    if reference.pmid.isdigit():
        found["PubMed"] = PUBMED_URL.format(pmid=reference.pmid)
    if reference.doi:
        found["DOI"] = "https://doi.org/" + quote(reference.doi, safe="/()._-;:")
    return found


def _reference(reference: Reference) -> dict[str, Any]:
    return {
        "n": reference.n,
        "citation": vancouver(reference),
        "links": reference_links(reference),
        "types": [t for t in reference.publication_types if t != "Journal Article"],
        "level": getattr(reference, "evidence_level", ""),
    }


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("medcite.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return environment.get_template("answer.html.j2")
