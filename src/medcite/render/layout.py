"""The page's parts in order: every renderer lays out the answer's sections the same way.

The research sections, one per facet of the question, are shown together under "From the
research", each under its facet's label (DESIGN.md §1, item 5); the bottom line and the
guidelines stand alone under their titles.
"""

from __future__ import annotations

from dataclasses import dataclass

from medcite.records import AnswerSection, SectionKind

RESEARCH_TITLE = "From the research"
DEFAULT_TITLES = {
    SectionKind.BOTTOM_LINE: "Bottom line",
    SectionKind.GUIDELINES: "From the guidelines",
    SectionKind.RESEARCH: RESEARCH_TITLE,
}


@dataclass(frozen=True, slots=True)
class Part:
    """A titled part of the page: one section, or the research sections grouped by facet.

    ``subsections`` holds (heading, section) pairs; the heading is "" for a part that is
    one section, and the facet's label for each facet of "From the research".
    """

    title: str
    subsections: list[tuple[str, AnswerSection]]


def page_parts(sections: tuple[AnswerSection, ...]) -> list[Part]:
    """The sections in order, with consecutive per-facet research sections under one title.

    A research section without a facet (answers saved before facets) stands alone under
    its own title, as it was first shown.
    """
    parts: list[Part] = []
    for section in sections:
        if section.kind is SectionKind.RESEARCH and section.facet:
            if parts and parts[-1].title == RESEARCH_TITLE and parts[-1].subsections[0][0]:
                parts[-1].subsections.append((section.facet, section))
            else:
                parts.append(Part(RESEARCH_TITLE, [(section.facet, section)]))
        else:
            title = section.title or DEFAULT_TITLES[section.kind]
            parts.append(Part(title, [("", section)]))
    return parts
