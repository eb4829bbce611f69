"""Compose the answer page from retrieved, graded records: nothing is generated.

Every statement is a sentence of a cited record (a leading label trimmed at most). The
page follows ``../shared/DESIGN.md`` §1:

* **Bottom line**: the best concluding sentences that speak directly to the question,
  strongest evidence first (guidelines, then syntheses, then trials …), one per record.
* **From the guidelines**: direct statements of guideline and consensus records, or one
  honest line that none in the index addresses the question.
* **From the research**: one section per facet, its best direct statements (indirect
  ones too, labelled, when nothing direct exists), near-duplicates removed (maximal
  marginal relevance over word sets), a few per record at most.
* **Evidence gaps**: facets with no direct evidence, and those with indirect only.
* References numbered in order of first citation, with evidence level and design.

When no record about the question's condition speaks to any facet, the page says the
evidence is insufficient and cites nothing, rather than cite records on something else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from msgspec.structs import replace

from medcite.compose.audience import POLICIES, AudiencePolicy, mark_sources
from medcite.compose.candidates import Candidate, Fit, candidates, facet_fit
from medcite.compose.followups import follow_up_questions
from medcite.compose.guidelines import guideline_rank, is_guideline, location, recommendation_of
from medcite.compose.labels import leading_label_length
from medcite.records import (
    Answer,
    AnswerSection,
    AnswerState,
    Audience,
    EvidenceGap,
    EvidenceLevel,
    Facet,
    GapKind,
    GlossaryEntry,
    Provenance,
    Question,
    Record,
    Reference,
    ReportedNumber,
    RetrievedRecord,
    SectionKind,
    Statement,
)
from medcite.settings import AnswerSettings
from medcite.words import content_words

BOTTOM_LINE = "Bottom line"
FROM_THE_GUIDELINES = "From the guidelines"
FROM_THE_RESEARCH = "From the research"
NO_GUIDELINE = "No guideline or consensus statement in the index addresses this question."
NO_DIRECT = (
    "No record in the index answers the question directly; what there is follows, "
    "with the gaps it leaves."
)
INSUFFICIENT = (
    "The records in the index do not answer this question directly: medcite cites nothing "
    "rather than cite records about something else."
)
DUPLICATE = 0.6
"""Word-set overlap (Jaccard) above which a sentence repeats one already chosen."""


@dataclass(frozen=True, slots=True)
class Chosen:
    """A candidate picked for a section, with its fit to the facet it was picked for."""

    candidate: Candidate
    fit: Fit


def compose_answer(
    question: Question,
    retrieved: Sequence[RetrievedRecord],
    settings: AnswerSettings,
    provenance: Provenance,
    audience: Audience = Audience.CLINICIAN,
    definitions: Mapping[str, str] | None = None,
    this_year: int = 2026,
) -> Answer:
    """The answer page as data (see the module docstring)."""
    policy = POLICIES[audience]
    pool = candidates(question, retrieved, policy, this_year)
    facets = question.facets or (_words_facet(question),)
    fits = {(id(c), f.label): facet_fit(c, f, question) for c in pool for f in facets}
    page = _PageBuilder(settings)
    bottom = page.bottom_line(pool, facets, fits)
    guidelines = page.guidelines(pool, facets, fits)
    research = [(facet, page.research(pool, facet, fits, policy)) for facet in facets]
    gaps = tuple(gap for facet, chosen in research if (gap := _gap(facet, chosen)) is not None)
    sections = [
        AnswerSection(
            BOTTOM_LINE,
            page.statements(bottom),
            SectionKind.BOTTOM_LINE,
            note="" if bottom else NO_DIRECT,
        ),
        AnswerSection(
            FROM_THE_GUIDELINES,
            page.statements(guidelines),
            SectionKind.GUIDELINES,
            note="" if guidelines else NO_GUIDELINE,
        ),
        *(
            AnswerSection(
                f"{FROM_THE_RESEARCH}: {facet.label}", page.statements(chosen), facet=facet.label
            )
            for facet, chosen in research
            if chosen
        ),
    ]
    answered = any(section.statements for section in sections)
    by_id = {item.record.id: item for item in retrieved}
    answer = Answer(
        question=question.text,
        sections=tuple(sections) if answered else (),
        references=tuple(_reference(n, by_id[rid]) for rid, n in page.numbers.items()),
        provenance=provenance,
        notes=() if answered else (INSUFFICIENT,),
        understanding=question,
        audience=audience,
        state=AnswerState.ANSWERED if answered else AnswerState.INSUFFICIENT_EVIDENCE,
        gaps=gaps,
        follow_ups=follow_up_questions(question, gaps),
        disclaimer=policy.disclaimer,
        glossary=_glossary(question, definitions or {}) if policy.glossary else (),
    )
    return mark_sources(answer, policy)


class _PageBuilder:
    """Picks statements for the page's sections, numbering references as it goes."""

    def __init__(self, settings: AnswerSettings) -> None:
        self._settings = settings
        self._taken: list[Candidate] = []
        self._per_record: dict[str, int] = {}
        self.numbers: dict[str, int] = {}

    def bottom_line(
        self,
        pool: Sequence[Candidate],
        facets: Sequence[Facet],
        fits: Mapping[tuple[int, str], Fit],
    ) -> list[Chosen]:
        direct = [
            Chosen(c, best)
            for c in pool
            if c.concluding and (best := _best_fit(c, facets, fits)).direct
        ]
        direct.sort(key=lambda ch: (_level(ch.candidate).rank, -ch.candidate.score - ch.fit.value))
        picked: list[Chosen] = []
        for chosen in direct:
            if len(picked) == self._settings.bottom_line_statements:
                break
            if all(p.candidate.record_id != chosen.candidate.record_id for p in picked):
                picked.append(chosen)
        self._take(picked)
        return picked

    def guidelines(
        self,
        pool: Sequence[Candidate],
        facets: Sequence[Facet],
        fits: Mapping[tuple[int, str], Fit],
    ) -> list[Chosen]:
        found = [
            Chosen(c, best)
            for c in pool
            if is_guideline(c) and (best := _best_fit(c, facets, fits)).direct
        ]
        found.sort(key=lambda chosen: guideline_rank(chosen.candidate))
        return self._pick(found, self._settings.bottom_line_statements)

    def research(
        self,
        pool: Sequence[Candidate],
        facet: Facet,
        fits: Mapping[tuple[int, str], Fit],
        policy: AudiencePolicy,
    ) -> list[Chosen]:
        fitting = [Chosen(c, fits[(id(c), facet.label)]) for c in pool]
        direct = [ch for ch in fitting if ch.fit.direct]
        indirect = [ch for ch in fitting if ch.fit.indirect and ch.fit.value > 0]
        found = direct or indirect
        found.sort(key=lambda ch: -(ch.candidate.score + ch.fit.value))
        return self._pick(found, policy.statements_per_facet)

    def _pick(self, found: Sequence[Chosen], limit: int) -> list[Chosen]:
        picked: list[Chosen] = []
        for chosen in found:
            if len(picked) == limit:
                break
            candidate = chosen.candidate
            if self._per_record.get(candidate.record_id, 0) >= self._settings.statements_per_record:
                continue
            if any(_repeats(candidate, taken) for taken in self._taken):
                continue
            picked.append(chosen)
            self._take([chosen])
        return picked

    def _take(self, picked: Sequence[Chosen]) -> None:
        for chosen in picked:
            candidate = chosen.candidate
            self._taken.append(candidate)
            self._per_record[candidate.record_id] = self._per_record.get(candidate.record_id, 0) + 1

    def statements(self, picked: Sequence[Chosen]) -> tuple[Statement, ...]:
        return tuple(self._statement(chosen) for chosen in picked)

    def _statement(self, chosen: Chosen) -> Statement:
        candidate = chosen.candidate
        n = self.numbers.setdefault(candidate.record_id, len(self.numbers) + 1)
        sentence = candidate.sentence
        offset = leading_label_length(sentence.text)
        grade = candidate.item.grade
        numbers = tuple(number for number in candidate.notes.numbers if number.start >= offset)
        section = candidate.item.record.sections[sentence.section_index]
        return Statement(
            text=sentence.text[offset:],
            citations=(n,),
            record_id=candidate.record_id,
            section_index=sentence.section_index,
            section=section.heading,
            start=sentence.start,
            end=sentence.end,
            level=grade.level if grade else None,
            design=grade.design if grade else None,
            sample_size=grade.n if grade else None,
            year=candidate.item.record.year,
            numbers=tuple(_shifted(number, offset) for number in numbers),
            indirect=chosen.fit.indirect,
            offset=offset,
            page=sentence.page,
            anchor=section.anchor,
            recommendation=recommendation_of(candidate),
            plain_language=candidate.item.record.source.plain_language,
            location=location(candidate),
            issuer=candidate.item.record.issuer,
        )


def _shifted(number: ReportedNumber, offset: int) -> ReportedNumber:
    """A number mention with its span counted from the trimmed statement's start."""
    return replace(number, start=number.start - offset, end=number.end - offset)


def _best_fit(
    candidate: Candidate, facets: Sequence[Facet], fits: Mapping[tuple[int, str], Fit]
) -> Fit:
    options = [fits[(id(candidate), facet.label)] for facet in facets]
    direct = [fit for fit in options if fit.direct]
    return max(direct or options, key=lambda fit: fit.value)


def _level(candidate: Candidate) -> EvidenceLevel:
    grade = candidate.item.grade
    return grade.level if grade else EvidenceLevel.UNGRADED


def _repeats(candidate: Candidate, taken: Candidate) -> bool:
    if candidate.sentence == taken.sentence:
        return True
    mine, theirs = (
        set(content_words(candidate.sentence.text)),
        set(content_words(taken.sentence.text)),
    )
    union = mine | theirs
    return bool(union) and len(mine & theirs) / len(union) > DUPLICATE


def _gap(facet: Facet, chosen: Sequence[Chosen]) -> EvidenceGap | None:
    if any(ch.fit.direct for ch in chosen):
        return None
    if chosen:
        reasons = "; ".join(dict.fromkeys(ch.fit.indirect for ch in chosen if ch.fit.indirect))
        return EvidenceGap(
            facet.label, GapKind.INDIRECT_ONLY, f"Only indirect evidence: {reasons}."
        )
    return EvidenceGap(
        facet.label,
        GapKind.NO_EVIDENCE,
        f"No record in the index about the question's condition speaks to {facet.label}.",
    )


def _words_facet(question: Question) -> Facet:
    """The question's own words, when no concept was recognised: a lexical answer."""
    return Facet(
        "the question", cue_words=tuple(t for t in content_words(question.text) if len(t) > 3)
    )


def _glossary(question: Question, definitions: Mapping[str, str]) -> tuple[GlossaryEntry, ...]:
    entries = []
    for concept in question.concepts:
        definition = definitions.get(concept.id, "")
        if definition:
            entries.append(GlossaryEntry(concept.name, definition, concept.id))
        for short in concept.abbreviations:
            if short.isupper() or any(c.isupper() for c in short[1:]):
                entries.append(
                    GlossaryEntry(short, f"short for {concept.name.lower()}", concept.id)
                )
    return tuple({entry.term: entry for entry in entries}.values())


def _reference(n: int, item: RetrievedRecord) -> Reference:
    record: Record = item.record
    grade = item.grade
    return Reference(
        n=n,
        record_id=record.id,
        title=record.title,
        pmid=record.pmid,
        doi=record.doi,
        journal=record.journal.iso_abbreviation or record.journal.title,
        year=record.year,
        authors=tuple(author.display_name for author in record.authors),
        volume=record.journal.volume,
        issue=record.journal.issue,
        pages=record.journal.pages,
        publication_types=record.publication_types,
        author_names=record.authors,
        journal_title=record.journal.title,
        pmcid=record.pmcid,
        url=record.url,
        issuer=record.issuer,
        evidence_level=grade.level if grade else None,
        study_design=grade.design if grade else None,
        sample_size=grade.n if grade else None,
    )
