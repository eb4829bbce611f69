"""The answer as one self-contained HTML page: the page of DESIGN.md §1.

The web app's answer page and ``medcite ask --format html`` both come from
:func:`answer_to_html`, so what a clinician sees in the browser and in a saved file is the
same page. The template (``templates/answer.html.j2``, package data) is autoescaped: every
text of a record is shown as text, never as markup, and every link is built here from an
identifier (PMID digits, a percent-encoded DOI, a vocabulary id of a known shape), never
taken from record text.

What the web adds (a follow-up form, a submit button, export links, navigation) comes in
as :class:`PageControls` of plain values; the CLI passes none and gets a static page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

import jinja2

from medcite.records import Answer, Reference, Statement
from medcite.render.citation import LINK_LABELS, links, vancouver
from medcite.render.layout import page_parts
from medcite.render.question import concept_url
from medcite.render.statements import evidence_tags, text_runs
from medcite.render.wording import (
    AUDIENCE_LABELS,
    EMPTY_SECTION,
    LEVEL_LABELS,
    answer_notes,
    audience_of,
    disclaimer,
    gap_line,
    reference_evidence,
    shown_types,
    snapshot_date,
    state_message,
)


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
    script_url: str = ""  # the web's progressive enhancement; the page works without it


def answer_to_html(
    answer: Answer,
    *,
    audience: str | None = None,
    banner: ReviewBanner | None = None,
    controls: PageControls | None = None,
) -> str:
    """The whole answer page as an HTML document (UTF-8, inline CSS, no scripts needed).

    ``audience`` overrides the answer's own (the web keeps it with each snapshot).
    """
    shown_for = audience_of(answer, audience)
    snapshot = answer.provenance.index_snapshot
    return _template().render(
        answer=answer,
        understanding=answer.understanding,
        concept_url=concept_url,
        state_message=state_message(answer),
        parts=page_parts(answer.sections),
        statement=_statement,
        empty_section=EMPTY_SECTION,
        gaps=[(gap.facet, gap.kind.value, gap_line(gap)) for gap in answer.gaps],
        notes=answer_notes(answer),
        refused=[(record, disease, _record_link(record)) for record, disease in answer.refused],
        references=[_reference(ref) for ref in answer.references],
        follow_ups=answer.follow_ups,
        audience=shown_for.value,
        audience_label=AUDIENCE_LABELS[shown_for],
        disclaimer=disclaimer(answer, shown_for),
        banner=banner or ReviewBanner(),
        controls=controls or PageControls(),
        snapshot=snapshot,
        snapshot_date=snapshot_date(snapshot),
    )


def reference_links(reference: Reference) -> dict[str, str]:
    """PubMed and DOI URLs built from identifiers alone, labelled for a reader."""
    return {LINK_LABELS[name]: url for name, url in links(reference).items()}


def _statement(statement: Statement) -> dict[str, Any]:
    return {
        "runs": text_runs(statement),
        "citations": statement.citations,
        "tags": evidence_tags(statement),
        "level": statement.level.value if statement.level else "",
        "indirect": statement.indirect,
    }


def _reference(reference: Reference) -> dict[str, Any]:
    level = reference.evidence_level
    return {
        "n": reference.n,
        "citation": vancouver(reference),
        "links": reference_links(reference),
        "types": shown_types(reference),
        "evidence": reference_evidence(reference),
        "level": level.value if level else "",
        "level_label": LEVEL_LABELS[level] if level else "",
    }


def _record_link(record_id: str) -> str:
    pmid = record_id.removeprefix("pmid:")
    return links(Reference(0, record_id, "", pmid=pmid)).get("pubmed", "")


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
