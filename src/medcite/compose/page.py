"""Compose the answer page from retrieved, graded records: nothing is generated.

Every statement is a sentence of a cited record (a leading label trimmed at most). The
page follows ``../shared/DESIGN.md`` §1:

* **Bottom line**: the sentences most likely to answer the question (the evidence stage's
  calibrated relevance), evidence strength breaking near-ties, one per record; never an
  objective, a method, or a funding, registration or conflict-of-interest line, and a
  background sentence only where the question asks what something is (never for a
  yes/no question, which only a finding settles). Where the question names something
  no vocabulary knows, only sentences answering on it lead (``on_the_subject``). A yes/no
  question quotes each study's answering conclusion, the sentence its authors wrote to
  answer it (``_conclusion_of``); "What is X?" leads with what X is, "How accurate is X?"
  with X's sensitivity or the like.
* **From the guidelines**: answering statements of guideline and consensus records, or
  one honest line that none in the index addresses the question.
* **From the research**: one section per facet, its most relevant statements that speak
  to the facet (indirect ones too, labelled, when nothing direct exists), near-duplicates
  removed (word-set overlap), a few per record at most; the facets take turns from one
  budget of statements.
* **Evidence gaps**: facets that nothing answering speaks to, and those with indirect
  evidence only.
* References numbered in order of first citation, with evidence level and design.

A sentence answers when its relevance clears ``threshold`` (calibrated on held-out
questions, ``evidence.relevance``). When nothing about the question's condition does, or
nothing states the relation a yes/no question on an outcome asks, the page says the
evidence is insufficient and cites nothing, rather than cite near misses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from msgspec.structs import replace

from medcite.compose.audience import POLICIES, AudiencePolicy, mark_sources
from medcite.compose.candidates import (
    Candidate,
    Fit,
    candidates,
    compared,
    facet_fit,
    is_a_name,
    on_the_subject,
)
from medcite.compose.definitions import defines, writes_out
from medcite.compose.followups import follow_up_questions
from medcite.compose.guidelines import guideline_rank, is_guideline, location, recommendation_of
from medcite.compose.labels import leading_label_length
from medcite.records import (
    TREATING_ROLES,
    Answer,
    AnswerKind,
    AnswerSection,
    AnswerState,
    Audience,
    ConceptRole,
    EffectEstimate,
    EvidenceGap,
    Facet,
    GapKind,
    GlossaryEntry,
    Provenance,
    Question,
    QuestionConcept,
    Record,
    Reference,
    ReportedNumber,
    RetrievedRecord,
    SectionKind,
    SentenceRole,
    Statement,
)
from medcite.settings import AnswerSettings
from medcite.words import JUDGEMENT_WORDS, content_words

BOTTOM_LINE = "Bottom line"
FROM_THE_GUIDELINES = "From the guidelines"
FROM_THE_RESEARCH = "From the research"
NO_GUIDELINE = "No guideline or consensus statement in the index addresses this question."
GUIDELINE_LEADS = "The bottom line above is what the guidelines in the index say on this question."
NO_DIRECT = (
    "No record in the index answers the question directly; what there is follows, "
    "with the gaps it leaves."
)
INSUFFICIENT = (
    "The records in the index do not answer this question directly: medcite cites nothing "
    "rather than cite records about something else."
)
INDIRECT_FIT = 0.5
"""Share of a facet's concepts (a sibling counting part) that indirect evidence must name."""
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
    threshold: float = 0.5,
) -> Answer:
    """The answer page as data (see the module docstring)."""
    policy = POLICIES[audience]
    everything = candidates(question, retrieved, policy)
    facets = question.facets or (_words_facet(question),)
    fits = {(id(c), f.label): facet_fit(c, f, question) for c in everything for f in facets}
    pool = _answering_pool(
        everything,
        facets,
        fits,
        threshold,
        _tests_asked(question),
        _amounts_asked(question),
        _defined_names(question),
        _written_out(question),
        _dosed(question),
        _relation_asked(question),
    )
    page = _PageBuilder(settings)
    stating = _stating_the_relation(pool, question)
    leads = _naming_the_cause_first(pool, question) if stating is None else stating
    if (answering := on_the_subject(everything, question)) is not None:
        leads = [c for c in leads if (c.record_id, c.sentence.index) in answering]
    bottom = page.bottom_line(leads, facets, fits, question)
    guidelines = page.guidelines(pool, facets, fits, question.answer_kind)
    nearby = threshold - CITED_RECORD_MARGIN
    more = _answering_pool(everything, facets, fits, nearby)
    by_facet = [(facet, _answering(pool, index, threshold)) for index, facet in enumerate(facets)]
    on_outcome = _of_the_outcomes_asked(question)
    kept = [(facet, on_outcome(found)) for facet, found in by_facet]
    research = page.research(
        kept,
        on_outcome(everything),
        fits,
        policy,
        [
            (facet, on_outcome(_answering(more, index, nearby)))
            for index, facet in enumerate(facets)
        ],
    )
    conditions = question.with_role(ConceptRole.CONDITION)
    # a facet whose answering sentences were all of records silent on the outcome asked
    # lacks evidence on the outcome: its gap names it
    with_outcomes = [*conditions, *(c for c in question.concepts if c.id in question.outcomes)]

    def searched_about(facet: Facet, silent_on_the_outcome: bool) -> str:
        if silent_on_the_outcome:
            return _records_about(with_outcomes, facet)
        beside = [c for c in question.concepts if c.id in facet.answered_beside]
        return _records_about(conditions, facet) or _records_about(beside, facet, " or ")

    gaps = tuple(
        gap
        for (facet, chosen), (_, found), (_, on_it) in zip(research, by_facet, kept, strict=True)
        if (
            gap := _gap(
                facet,
                [*chosen, *_refit(bottom, facet, fits)],
                searched_about(facet, bool(found) and not on_it),
            )
        )
        is not None
    )
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
            note="" if guidelines else _no_more_guidelines(bottom),
        ),
        *(
            AnswerSection(
                f"{FROM_THE_RESEARCH}: {facet.label}", page.statements(chosen), facet=facet.label
            )
            for facet, chosen in research
            if chosen
        ),
    ]
    answered = any(section.statements for section in sections) and stating != []
    by_id = {item.record.id: item for item in retrieved}
    answer = Answer(
        question=question.text,
        sections=tuple(sections) if answered else (),
        references=tuple(_reference(n, by_id[rid]) for rid, n in page.numbers.items())
        if answered
        else (),
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
        question: Question,
    ) -> list[Chosen]:
        """The most relevant finding of each of the best records (``pool`` is sorted).

        A statement is labelled indirect when its best fit to a facet is (CT where MRI was
        asked); it is not left out for that, since its relevance says it answers. A yes/no
        question is led by findings; only when none answers does an answering background
        sentence lead ("Dupilumab is the first approved biologic for atopic dermatitis"),
        unless the question asks that standing fact ("Has dupilumab been approved …?") or
        the sentence names all the question asks (``_states_all_it_asks``), and a line
        saying the matter is not known (``_NOT_KNOWN``) never leads it; a question asking
        an amount, likewise, by findings and the background lines that give one
        (``Candidate.may_lead``).
        A question asking how much of an outcome it names ("How much does fingolimod
        reduce the relapse rate?") is led by the answering sentences that give an amount
        of it, most relevant first, and only then by the others; an amount of something
        else (a side effect's rate, when survival was asked) is no answer to it, nor leads
        where a sentence names what is measured (``_naming_what_is_measured``). A yes/no
        question on an outcome is given only the sentences that state the relation it asks
        (``_stating_the_relation``), and quotes of each study its answering conclusion
        where that says all the finding did of the question (``_conclusion_of``). A
        question asking only what something is ("What is ferroptosis?") is led by the
        answering sentences that say what it is, then by the others
        (``_definitions_first``), and one asking what a short form stands for by those
        writing it out, whatever else they do (an aim: "… we investigated the role … of
        lncRNA prostate cancer-associated transcript 6 (PCAT6) …"); one asking a test's
        accuracy, by those giving a measure of it with its number (``_accuracy_first``).

        A question naming what it asks of its subject (the kinds of ``facet_kinds``: its
        treatment, adverse effects, symptoms, mechanism …) is led by the sentences that
        speak to that, and only then by the others: "Is verubecestat safe …?" by its
        adverse events rather than its failure on dementia ratings, "What is the first-line
        treatment for Helicobacter pylori infection?" by a treatment rather than what H.
        pylori is (a hand review of the shared corpus). Where none speaks to it, the
        evidence gap says so. A measure of accuracy asked comes before even these.

        A summary question's lead that says what was not known, or any background where it
        compares two treatments, gives way to its record's finding
        (``_background_yielding``), and any lead is followed by the sentence of its record
        that turns it (``_qualification_of``).
        """
        kind = question.answer_kind

        def may_lead(candidate: Candidate) -> bool:
            if _writes_it_out(candidate, question):  # whatever else the sentence does
                return not (candidate.notes.role and candidate.notes.role.administrative)
            if question.dose_asked and _gives_a_dose(candidate):  # as background too
                return (
                    candidate.reports
                    or candidate.notes.role is SentenceRole.BACKGROUND
                    or _the_dose_given(candidate, question)
                )
            if kind is AnswerKind.YES_NO and _NOT_KNOWN.search(candidate.sentence.text):
                return False
            if kind is AnswerKind.YES_NO and _states_all_it_asks(candidate, question):
                return candidate.reports or candidate.notes.role is SentenceRole.BACKGROUND
            return candidate.may_lead(kind, question.status_cues)

        if kind is AnswerKind.QUANTITY:
            pool = _amounts_first(_naming_what_is_measured(pool, question, may_lead), question)
        if question.defined:
            pool = _definitions_first(pool, question)
        asked = [f for f in question.facets if f.cue_words]
        if asked:
            on_kind = {id(c) for c in pool if any(fits[(id(c), f.label)].direct for f in asked)}
            pool = sorted(pool, key=lambda c: id(c) not in on_kind)  # stable
        if question.accuracy_asked:
            pool = _accuracy_first(pool)
        if question.dose_asked:
            pool = _doses_first(pool, question)
        settled = kind is AnswerKind.YES_NO
        unnamed = _unnamed_words(question) if settled else None
        yields = (
            _background_yielding(question)
            if kind is AnswerKind.SUMMARY and not question.defined
            else None
        )
        conditions = question.with_role(ConceptRole.CONDITION)
        picked = self._lead(pool, facets, fits, may_lead, unnamed, yields, conditions)
        if not picked and kind in (AnswerKind.YES_NO, AnswerKind.QUANTITY):
            picked = self._lead(
                pool,
                facets,
                fits,
                lambda c: c.may_lead(AnswerKind.SUMMARY),
                unnamed,
                conditions=conditions,
            )
        self._take(picked)
        return picked

    def _lead(
        self,
        pool: Sequence[Candidate],
        facets: Sequence[Facet],
        fits: Mapping[tuple[int, str], Fit],
        may_lead: Callable[[Candidate], bool],
        concluding: frozenset[str] | None,
        background_yields: Callable[[Candidate], bool] | None = None,
        conditions: Sequence[QuestionConcept] = (),
    ) -> list[Chosen]:
        """Up to ``bottom_line_statements`` of ``pool`` that may lead, one a record but for
        the sentence qualifying it (``_qualification_of``); where each study's conclusion
        is to settle the question, ``concluding`` holds the question's words outside its
        concepts' names (see ``_conclusion_of``); ``background_yields`` says which
        background sentence gives way to its record's finding (``_finding_over_background``);
        a lead pointing back is preceded by the sentence it points to (``_antecedent_of``,
        which the question's ``conditions`` spare)."""
        picked: list[Chosen] = []
        for candidate in pool:
            if len(picked) == self._settings.bottom_line_statements:
                break
            if not may_lead(candidate):
                continue
            if any(p.candidate.record_id == candidate.record_id for p in picked):
                continue
            if any(_repeats(candidate, p.candidate) for p in picked):
                continue
            if concluding is not None:
                candidate = _conclusion_of(candidate, pool, picked, may_lead, concluding)
            elif background_yields is not None and background_yields(candidate):
                candidate = _finding_over_background(candidate, pool, picked, may_lead)
            antecedent = _antecedent_of(candidate, pool, conditions)
            if (
                antecedent is not None
                and len(picked) + 2 <= self._settings.bottom_line_statements
                and not any(p.candidate is antecedent for p in picked)
            ):
                picked.append(Chosen(antecedent, _best_fit(antecedent, facets, fits)))
            picked.append(Chosen(candidate, _best_fit(candidate, facets, fits)))
            qualifying = _qualification_of(candidate, pool)
            if qualifying is not None and len(picked) < self._settings.bottom_line_statements:
                picked.append(Chosen(qualifying, _best_fit(qualifying, facets, fits)))
        return picked

    def guidelines(
        self,
        pool: Sequence[Candidate],
        facets: Sequence[Facet],
        fits: Mapping[tuple[int, str], Fit],
        kind: AnswerKind,
    ) -> list[Chosen]:
        found = [
            Chosen(c, _best_fit(c, facets, fits))
            for c in pool
            if is_guideline(c) and c.may_lead(kind)
        ]
        found.sort(key=lambda chosen: guideline_rank(chosen.candidate))
        return self._pick(found, self._settings.bottom_line_statements)

    def research(
        self,
        answering: Sequence[tuple[Facet, Sequence[Candidate]]],
        everything: Sequence[Candidate],
        fits: Mapping[tuple[int, str], Fit],
        policy: AudiencePolicy,
        of_cited: Sequence[tuple[Facet, Sequence[Candidate]]] = (),
    ) -> list[tuple[Facet, list[Chosen]]]:
        """Each facet's statements: those of its answering candidates that speak to it
        directly, most relevant first, what they found before what a study set out to do
        and how (review 9: pages quoted the aims and methods of the records whose results
        answered); failing those, its indirect evidence (CT where MRI was asked), labelled
        as such.

        The facets share one budget (``research_statements``, scaled for the audience),
        taking a statement each in turn: a question asked in one facet shows as many of
        its answering sentences as one asked in three, and no facet is starved by another
        listed before it. The budget is small on purpose: BioASQ's experts mark eight or
        nine answering sentences a question, and more statements find more of them, but on
        clinical questions over a mixed corpus the statements past four were mostly
        background, methods lines and drug-pipeline news (a hand review of 30 questions).

        Indirect evidence is recognised by its concepts, not its relevance: a sentence on a
        neighbouring test answers a different question, which is what makes it indirect.

        What the budget leaves is given to the other sentences of the records the page
        cites already that speak to a facet directly (``of_cited``: from a relevance
        ``CITED_RECORD_MARGIN`` below the threshold). The model reads a sentence alone, and
        a record's results often leave unsaid what its title and conclusion name: "List
        two indications of Letermovir?" quoted one trial's primary end point and the line
        saying it was reviewed, while six sentences of 0.6-0.7 on its approval for CMV
        prophylaxis lay in records of the same search (BioASQ dev).
        """
        queues = [self._speaking_to(facet, found, everything, fits) for facet, found in answering]
        picked: list[list[Chosen]] = [[] for _ in queues]
        budget = round(self._settings.research_statements * policy.research_share)
        budget = self._take_turns(queues, picked, budget)
        if budget > 0:
            cited = set(self._per_record)
            more = [
                self._direct(facet, [c for c in found if c.record_id in cited], fits)
                for facet, found in of_cited
            ]
            self._take_turns(more, picked, budget)
        return [(facet, chosen) for (facet, _), chosen in zip(answering, picked, strict=True)]

    def _take_turns(
        self, queues: list[list[Chosen]], picked: list[list[Chosen]], budget: int
    ) -> int:
        """Take a statement of each queue in turn into ``picked`` while ``budget`` lasts;
        what is left of it."""
        while budget > 0 and any(queues):
            for queue, chosen_for_facet in zip(queues, picked, strict=True):
                if budget > 0 and (chosen := self._next(queue)) is not None:
                    chosen_for_facet.append(chosen)
                    budget -= 1
        return budget

    @staticmethod
    def _speaking_to(
        facet: Facet,
        answering: Sequence[Candidate],
        everything: Sequence[Candidate],
        fits: Mapping[tuple[int, str], Fit],
    ) -> list[Chosen]:
        if direct := _PageBuilder._direct(facet, answering, fits):
            return direct
        return [
            Chosen(c, fit)
            for c in everything
            if c.reports
            and (fit := fits[(id(c), facet.label)]).indirect
            and fit.value >= INDIRECT_FIT
        ]

    @staticmethod
    def _direct(
        facet: Facet, answering: Sequence[Candidate], fits: Mapping[tuple[int, str], Fit]
    ) -> list[Chosen]:
        """Those of ``answering`` that speak to ``facet`` directly, what they found first."""
        direct = [Chosen(c, fit) for c in answering if (fit := fits[(id(c), facet.label)]).direct]
        return sorted(direct, key=lambda chosen: not chosen.candidate.reports)  # stable

    def _next(self, queue: list[Chosen]) -> Chosen | None:
        """The first of ``queue`` the page may still take, taken; those it may not, dropped."""
        while queue:
            chosen = queue.pop(0)
            if self._may_take(chosen.candidate):
                self._take([chosen])
                return chosen
        return None

    def _pick(self, found: Sequence[Chosen], limit: int) -> list[Chosen]:
        queue = list(found)
        picked: list[Chosen] = []
        while len(picked) < limit and (chosen := self._next(queue)) is not None:
            picked.append(chosen)
        return picked

    def _may_take(self, candidate: Candidate) -> bool:
        """Whether the page has room for another statement of this record and has not said
        this already."""
        if self._per_record.get(candidate.record_id, 0) >= self._settings.statements_per_record:
            return False
        return not any(_repeats(candidate, taken) for taken in self._taken)

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
            relevance=round(candidate.relevance, 4),
            page=sentence.page,
            anchor=section.anchor,
            recommendation=recommendation_of(candidate),
            plain_language=candidate.item.record.source.plain_language,
            location=location(candidate),
            issuer=candidate.item.record.issuer,
        )


def _no_more_guidelines(bottom: Sequence[Chosen]) -> str:
    """The guideline section's line when it holds nothing: a guideline that the bottom line
    already quotes is not said to be missing."""
    return GUIDELINE_LEADS if any(is_guideline(c.candidate) for c in bottom) else NO_GUIDELINE


def _shifted(number: ReportedNumber, offset: int) -> ReportedNumber:
    """A number mention with its span counted from the trimmed statement's start."""
    return replace(number, start=number.start - offset, end=number.end - offset)


def _conclusion_of(
    candidate: Candidate,
    pool: Sequence[Candidate],
    picked: Sequence[Chosen],
    may_lead: Callable[[Candidate], bool],
    asked: frozenset[str],
) -> Candidate:
    """The conclusion of ``candidate``'s record among the answering ``pool``, the most
    relevant first, where one may lead, repeats nothing picked and names all that
    ``candidate`` names of the question (``_named_of``; ``asked`` are the question's
    words outside its concepts' names); else ``candidate``.

    A study settles a yes/no question in its conclusions, the sentence its authors wrote
    to answer it ("Statin treatment is not associated with a lower incidence of AKI after
    cardiac surgery."), where its results give one estimate, one arm or one subgroup of
    it ("After propensity adjustment statin treatment was not associated with
    postoperative AKI (odds ratio 0.79 …)"; "Unawareness of hypoglycaemia and inadequate
    hypoglycaemic counterregulation were significantly associated (p less than 0.01)."
    for "Is hypoglycemia unawareness … caused by autonomic neuropathy?", over "… are not
    due to autonomic neuropathy.", reviews 11 and 12). Only for a yes/no question: asked
    how common or how much, the results' numbers are the answer ("5-6% of male prisoners
    and 20-24% of female inmates self-harmed every year", not "The burden of self-harm in
    prisoners is substantial, particularly in women."), and asked which drug or gene, the
    sentence naming it.

    A conclusion that says less of what was asked than the finding it would replace
    answers a neighbouring question: "Does metabolic associated fatty liver disease
    increase COVID-19 severity?" was led by "Meanwhile, MAFLD increased the risk of
    disease progression among patients with COVID-19.", over the result naming the
    severity asked, with its pooled odds ratio (the demo question). Nor does one naming
    nothing of the question answer it, however relevant: "Is lap band surgery better than
    diet and exercise for getting rid of type 2 diabetes?" was led by "These results need
    to be confirmed in a larger, more diverse population …" (review 25).
    """
    named = _named_of(candidate, asked)
    return next(
        (
            c
            for c in pool
            if c.record_id == candidate.record_id
            and c.notes.role is SentenceRole.CONCLUSIONS
            and may_lead(c)
            and not any(_repeats(c, p.candidate) for p in picked)
            and named <= (naming := _named_of(c, asked))
            and naming
        ),
        candidate,
    )


_QUALIFYING = re.compile(
    r"^\W*(?:(?:however|but|yet|nevertheless|nonetheless|conversely)\b|"
    r"(?:[\w-]+,?\s+){1,5}?(?:however|though),)",
    re.IGNORECASE,
)
"""How a sentence opens that qualifies the one before it: "The helmet, however, was less
efficient …", "However, …"."""


def _qualification_of(candidate: Candidate, pool: Sequence[Candidate]) -> Candidate | None:
    """The next sentence of ``candidate``'s record where it answers too (is in ``pool``),
    reports, and qualifies it (``_QUALIFYING``); else None.

    Authors split a conclusion in two, the second half turning the first: "In hypercapnic
    COPD patients, how does a helmet compare with a facial mask for delivering
    non-invasive ventilation?" was led by "Helmet and facial mask were equally tolerated
    and both were effective …" alone, one sentence a record, and the reader took them for
    equivalent; "The helmet, however, was less efficient in decreasing inspiratory effort
    and worsened the patient-ventilator interaction." was under research (review 31).
    """
    return next(
        (
            c
            for c in pool
            if c.record_id == candidate.record_id
            and c.sentence.index == candidate.sentence.index + 1
            and c.reports
            and _QUALIFYING.match(c.sentence.text)
        ),
        None,
    )


_POINTING_BACK = re.compile(
    r"^(?:it|they)\b|^(?:this|these|those|such)\s+"
    r"(?:is|are|was|were|has|have|had|can|may|might|could|will|would)\b",
    re.IGNORECASE,
)
"""A sentence opening with a pronoun that points back to the sentence before ("It is most
frequently associated with …", "These are …"), not one naming what it points to ("These
results suggest …")."""


def _antecedent_of(
    candidate: Candidate, pool: Sequence[Candidate], conditions: Sequence[QuestionConcept]
) -> Candidate | None:
    """The sentence before ``candidate``'s in its record, where ``candidate`` opens pointing
    back to it (``_POINTING_BACK``) and it answers too (is in ``pool``); else None.

    Alone, such a lead does not say what it is about: "… his eyelashes have grown really
    long. Could it be the drug?" was led by "It is most frequently associated with
    cetuximab and erlotinib …", and the reader was not told that "it" is the lengthening
    of the eyelashes, which the sentence before says (review 40). Where that sentence
    opens with the question's condition ("Oculopharyngeal muscular dystrophy (OPMD) is
    …", then "It is caused by …"), "it" is what the question asked of, and the lead
    stands alone.
    """
    if not _POINTING_BACK.match(candidate.sentence.text):
        return None
    before = next(
        (
            c
            for c in pool
            if c.record_id == candidate.record_id
            and c.sentence.index == candidate.sentence.index - 1
            and not (c.notes.role and c.notes.role.administrative)
        ),
        None,
    )
    if before is None or _opens_with_one_of(before.sentence.text, conditions):
        return None
    return before


def _opens_with_one_of(text: str, concepts: Sequence[QuestionConcept]) -> bool:
    """Whether ``text`` opens with a name of one of ``concepts`` (any case)."""
    lowered = text.lower()
    return any(lowered.startswith(name.lower()) for c in concepts for name in c.names if name)


_NOT_RELATED = frozenset({ConceptRole.CONDITION, ConceptRole.POPULATION, ConceptRole.ORGANISM})


def _states_all_it_asks(candidate: Candidate, question: Question) -> bool:
    """Whether a sentence names everything a yes/no question asks of its condition: two
    things at least, each by one of its names (the condition and who it is for aside).
    Such a sentence states the relation asked, however the role model reads it: short
    records give their finding in a line read as background, and "Myopathy caused by …
    statins alone is rare, but occurs more frequently when a statin is used with
    gemfibrozil, a medication that likely has a direct toxic effect on muscles." (0.887)
    did not lead "… a statin … and … gemfibrozil. Can the combination damage his
    muscles?", which "… the precise mechanism of statin-induced muscle toxicity remains
    unclear." did (review 40)."""
    asked = [c.id for c in question.concepts if c.role not in _NOT_RELATED]
    return len(asked) >= 2 and all(candidate.names_any([i]) for i in asked)


_NOT_KNOWN = re.compile(
    r"\b(?:unknown|uncertain|unclear|controversial|poorly understood|little is known|"
    r"not (?:yet |been |well |fully |completely )*(?:known|established|clear|understood|"
    r"determined|studied)|remains? to be (?:determined|established|elucidated|clarified))\b",
    re.IGNORECASE,
)
"""What says a matter is not known: the gap a study sets out to fill, not an answer."""


def _background_yielding(question: Question) -> Callable[[Candidate], bool]:
    """Which background sentence leading a summary question gives way to its record's
    finding (``_finding_over_background``): one saying what was not known (``_NOT_KNOWN``),
    and, where the question compares two treatments (``candidates.compared``), any.

    A background line states the question a study set out to answer: "What are the
    maternal and fetal outcomes of pregnancy in women with moderate or severe chronic
    renal insufficiency?" was led by "… the risks of maternal and obstetrical
    complications in women with moderate or severe renal insufficiency remain
    uncertain.", over the same cohort's "Among pregnant women with moderate or severe
    renal insufficiency, the rates of complications … are increased, but fetal survival
    is high." (review 27). Nor does one compare what a question compares: "How does
    prasugrel compare with clopidogrel in diabetic patients?" was led by TRITON-TIMI
    38's "Patients with diabetes mellitus (DM) are at high risk for recurrent
    cardiovascular events after acute coronary syndromes …" (review 32). Other
    background stays: "Hyperbaric oxygenation is the accepted treatment for cerebral
    arterial gas embolism." answers "What is the treatment of …?", and gave way to a
    line of an animal study when every background yielded (q223).
    """
    comparing = bool(compared(question))

    def yields(candidate: Candidate) -> bool:
        if candidate.notes.role is not SentenceRole.BACKGROUND:
            return False
        return comparing or _NOT_KNOWN.search(candidate.sentence.text) is not None

    return yields


def _finding_over_background(
    candidate: Candidate,
    pool: Sequence[Candidate],
    picked: Sequence[Chosen],
    may_lead: Callable[[Candidate], bool],
) -> Candidate:
    """The finding of ``candidate``'s record among the answering ``pool`` that may lead and
    repeats nothing picked, a conclusion before a result; else ``candidate`` (a background
    sentence that yields, ``_background_yielding``)."""
    findings = [
        c
        for c in pool
        if c.record_id == candidate.record_id
        and c.notes.role in (SentenceRole.CONCLUSIONS, SentenceRole.RESULTS)
        and may_lead(c)
        and not any(_repeats(c, p.candidate) for p in picked)
    ]
    findings.sort(key=lambda c: c.notes.role is not SentenceRole.CONCLUSIONS)  # stable
    return findings[0] if findings else candidate


_ASKERS_WORDS = frozenset(
    """take takes taking took taken give gives giving given get gets getting got need needs
    needed needing dad mum mom grandma grandpa grandmother grandfather husband wife son
    daughter niece nephew""".split()
)
"""How a person asking speaks of a treatment and of whom it is for ("Can *taking* Lipitor
shrink a chronic subdural hematoma so my *dad* doesn't *need* brain surgery?"): words
no study writes its conclusion in, which say nothing the question asks."""


def _unnamed_words(question: Question) -> frozenset[str]:
    """The question's content words outside the names of its concepts: what it asks that
    no concept carries (the "severity" of "… increase COVID-19 severity?"). The words of
    a concept's name are not counted again beside it: "heart" of "heart attacks" is
    named by myocardial infarction; nor the asker's own (``_ASKERS_WORDS``): the trial
    of atorvastatin for subdural haematoma kept its results line, "who were taking
    atorvastatin", over its conclusion (review 31)."""
    named = {word for concept in question.concepts for word in content_words(concept.mention)}
    return frozenset(content_words(question.text)) - named - _ASKERS_WORDS


def _named_of(candidate: Candidate, asked: frozenset[str]) -> set[str]:
    """What ``candidate`` names of a question: its concepts, and its words among
    ``asked`` (``_unnamed_words``)."""
    return {*candidate.notes.concepts, *(set(content_words(candidate.sentence.text)) & asked)}


def _best_fit(
    candidate: Candidate, facets: Sequence[Facet], fits: Mapping[tuple[int, str], Fit]
) -> Fit:
    options = [fits[(id(candidate), facet.label)] for facet in facets]
    direct = [fit for fit in options if fit.direct]
    return max(direct or options, key=lambda fit: fit.value)


RELATION_ROLES = (ConceptRole.INTERVENTION, ConceptRole.FINDING, ConceptRole.KEYWORD)
"""Roles of what a question may say changes its outcome (a drug, an exposure, a name)."""


def _stating_the_relation(pool: Sequence[Candidate], question: Question) -> list[Candidate] | None:
    """For a yes/no question on an outcome (``Question.outcomes``), the candidates naming
    one of its outcomes and, when it names any, one of the things it asks may change them;
    None for any other question.

    Only these settle it ("vitamin D … not associated with fracture risk"): a sentence on
    metformin's other effects for "Does metformin reduce cardiovascular events …?", or on
    bone density in the vitamin D study, however relevant it scored, does not lead. With
    none, what is left speaks to one side of the relation at most ("probiotics" in a study
    of diabetic rodents, "antibiotics" in a case series of reptile-borne salmonella, for
    "Do probiotics prevent antibiotic-associated diarrhea?", a hand review): near misses,
    which are never cited, so the answer is "insufficient".

    An outcome is named by any of its concept's names, or by every word that says what
    the question's own wording of it is about ("antibody response": "antibody
    concentrations were lower"), the words that only judge it left aside. What may change
    it is named by its names too, or, in a record about it, by the last word of the
    question's wording ("ketogenic diet": "seizures were lower in the diet group", a
    hand review), as a trial's results call its arms; in a record naming it at all, by
    "intervention" (``ARM_WORDS``): the school trial of cognitive-behavioural therapy for
    PTSD says "students who were randomly assigned to the early intervention group had
    significantly lower scores on symptoms of PTSD", and "Does school-based group
    cognitive behavioural therapy reduce PTSD symptoms …?" refused (review 29).
    """
    outcomes = question.outcomes
    if question.answer_kind is not AnswerKind.YES_NO or not outcomes:
        return None
    causes = _causes(question, outcomes)
    worded = _wordings(question, outcomes)
    heads = _heads(question, causes)

    def names_a_cause(candidate: Candidate, said: set[str]) -> bool:
        if not causes or candidate.names_any(causes):
            return True
        topics = candidate.item.topics
        return any(
            head in said and (topics is None or topics.is_about([cause])) for cause, head in heads
        ) or any(
            arm in said and (topics is None or topics.names([cause]))
            for cause in causes
            for arm in ARM_WORDS
        )

    def states_the_relation(candidate: Candidate) -> bool:
        said = set(content_words(candidate.sentence.text))
        return _names_one_of(candidate, outcomes, worded) and names_a_cause(candidate, said)

    return [c for c in pool if states_the_relation(c)]


def _names_one_of(
    candidate: Candidate, concept_ids: Sequence[str], worded: Sequence[set[str]]
) -> bool:
    """Whether the sentence names one of ``concept_ids``, by any of its names or by all the
    words of one of its wordings in the question (``_wordings``)."""
    if candidate.names_any(concept_ids):
        return True
    said = set(content_words(candidate.sentence.text))
    return any(words <= said for words in worded)


def _naming_the_cause_first(pool: Sequence[Candidate], question: Question) -> list[Candidate]:
    """``pool`` (sorted), for a yes/no question naming no outcome, with the candidates
    naming what it asks may change something (``_causes``) first.

    "Do statins protect the kidneys after heart surgery?" names no outcome ("kidneys" is
    an organ), so no sentence is known to state the relation; the statin study's list of
    predictors of kidney injury, which does not name statins, led over its "statin
    treatment was not associated with postoperative AKI", the two equally relevant
    (review 11). A sentence not naming the drug cannot say what the drug does. Only an
    order, not a filter: a trial's results often call its drug "the treatment", and with
    no outcome named, one naming the drug is not known to settle the question either.
    Of two treatments the question compares (``candidates.compared``), the sentences naming
    both come first: "Is ibuprofen as effective as indomethacin for closing a PDA in preterm
    infants?" was led by "Ibuprofen reduces the risk of NEC and transient renal
    insufficiency.", over "Ibuprofen is as effective as indomethacin in closing a PDA …"
    in the same review's conclusions (review 23).
    """
    causes = _causes(question, ())
    if question.answer_kind is not AnswerKind.YES_NO or not causes:
        return list(pool)
    treatments = compared(question)
    return sorted(
        pool,
        key=lambda c: (not c.names_any(causes), not all(c.names_any([t]) for t in treatments)),
    )  # stable


def _definitions_first(pool: Sequence[Candidate], question: Question) -> list[Candidate]:
    """``pool`` (sorted) with the sentences saying what the question asks is
    (``definitions.defines``, by the name it asks or any name of its concepts) first: "What
    is epitranscriptomics?" was led by a method for mapping one RNA modification, over "…
    the fast expanding area of RNA modifications, termed epitranscriptomics." (BioASQ
    dev); "What is cancer-associated cachexia?" is answered by "Cancer-associated cachexia
    (CAC) is a wasting syndrome …", whose concept is only cachexia. Asked what a short
    form stands for, the sentences writing it out come before those (``writes_out``):
    "What does PCAT6 stand for?" was led by "LncRNA PCAT6 was involved in the progression
    of multiple human cancers." (a hand check of the shared corpus)."""
    names = _defined_names(question)
    return sorted(
        pool,
        key=lambda candidate: (
            not _writes_it_out(candidate, question),
            not defines(candidate.sentence.text, names),
        ),
    )


def _defined_names(question: Question) -> list[str]:
    """The names a question asking only what something is asks it by: its words, and every
    name of its concepts (none for another question)."""
    if not question.defined:
        return []
    return [question.defined, *(name for concept in question.concepts for name in concept.names)]


def _written_out(question: Question) -> str:
    """The short form a question asks what it stands for ("PCAT6"); "" for another."""
    return question.defined if question.written_out else ""


def _writes_it_out(candidate: Candidate, question: Question) -> bool:
    """Whether the sentence writes out the short form the question asks it stands for."""
    short_form = _written_out(question)
    return bool(short_form) and writes_out(
        candidate.sentence.text, short_form, _defined_names(question)
    )


def _measured(question: Question) -> list[str]:
    """The ids of what a question asking an amount measures: its outcomes and findings."""
    outcomes = {*question.outcomes, *(c.id for c in question.with_role(ConceptRole.FINDING))}
    return [c.id for c in question.concepts if c.id in outcomes]


def _naming_what_is_measured(
    pool: Sequence[Candidate], question: Question, may_lead: Callable[[Candidate], bool]
) -> Sequence[Candidate]:
    """``pool`` without the sentences that do not name what the question measures
    (``_measured``, by a name or the words of its wording), where any that ``may_lead``
    does: an amount of something else answers another question. "How often does
    metformin cause lactic acidosis?" was led by "Thirty (64 percent) had preexisting
    cardiac disease …" (review 12), the most relevant sentence of a letter whose others
    count the cases of lactic acidosis. Asked the size of an effect, an effect estimate
    is kept however it names the outcome ("Varenicline increased the odds of quitting
    compared with placebo (OR 2.88 …)" for "… the odds of quitting smoking?")."""
    measured = _measured(question)
    if not measured:
        return pool
    worded = _wordings(question, measured)

    def names_it(candidate: Candidate) -> bool:
        if question.effect_asked and any(
            isinstance(n, EffectEstimate) for n in candidate.notes.numbers
        ):
            return True
        return _names_one_of(candidate, measured, worded)

    naming = [c for c in pool if names_it(c)]
    return naming if any(may_lead(c) for c in naming) else pool


def _amounts_first(pool: Sequence[Candidate], question: Question) -> list[Candidate]:
    """``pool`` (sorted) with the sentences giving an amount of what the question measures
    first, then of those the ones naming it in all the question's words, then the effect
    estimates ("HR 0.63, 95% CI …"). Asked an amount of an effect, an amount counts only as
    an effect estimate or beside what is asked to cause it: a trial's results often leave
    its drug unnamed ("… showed a hazard ratio (HR) of 0.63"), its counts of cases seldom;
    next come the effect estimates that name neither: "How much does obstructive sleep
    apnoea raise the risk of stroke?" was led by a P value, over "Men in the highest OAHI
    quartile (>19) had an adjusted hazard ratio of 2.86 …" (review 19). A P value is no
    amount (``Candidate.gives_an_amount``).

    A question naming nothing the amount is of ("How effective is Vaxchora?") is led by
    the sentences giving any amount: it was led by how its trials were chosen, not by the
    "90.3% protection" of the same record (a hand review).

    "How much does folic acid … lower the risk of gestational hypertension?" was led by
    how many women had it ("204 (9.7%)"), not by a risk after folic acid; "How much does
    cabozantinib prolong overall survival …?" by the median progression-free survival of
    the same trial (a hand review).
    """
    measured = _measured(question)
    if not measured:  # "How effective is Vaxchora?": any amount before none
        return sorted(pool, key=lambda candidate: not candidate.gives_an_amount)
    causes = _causes(question, measured) if question.effect_asked else []
    worded = _wordings(question, measured)

    def rank(candidate: Candidate) -> tuple[bool, bool, bool, bool]:
        amount = candidate.states_amount_of(measured)
        estimates = any(isinstance(n, EffectEstimate) for n in candidate.notes.numbers)
        estimate = amount and estimates
        caused = amount and (not causes or candidate.names_any(causes))
        said = set(content_words(candidate.sentence.text))
        unnamed = question.effect_asked and estimates  # "an adjusted hazard ratio of 2.86"
        return (
            not (estimate or caused),
            not unnamed,
            not any(w <= said for w in worded),
            not estimate,
        )

    return sorted(pool, key=rank)  # stable: most relevant first within each rank


_ACCURACY = re.compile(
    r"\b(?:sensitivit|specificit|accura|predictive values?\b|area under|AUC\b|"
    r"likelihood ratio)",
    re.IGNORECASE,
)
"""The measures of a test's accuracy: sensitivity, specificity, accuracy, predictive values,
the area under the ROC curve, likelihood ratios."""


def _accuracy_first(pool: Sequence[Candidate]) -> list[Candidate]:
    """``pool`` (sorted) with the sentences giving a measure of accuracy with its number
    first: "How accurate is RT-QuIC on CSF for diagnosing CJD?" was led by "However, as
    currently applied, RT-QuIC takes 2.5 to 5 days and misses 11 to 23% of CJD cases.",
    the first-generation assay's, and its "… giving 95.8% diagnostic sensitivity and 100%
    specificity." was not on the page (review 12). They come before the sentences on the
    kind asked, too: "What is the diagnostic accuracy of urinary microRNA assays for
    detecting bladder cancer?" was led by "… showed high accuracies in diagnosing BCa.",
    which says "diagnosing", over the meta-analysis's pooled sensitivity and specificity
    (review 32)."""
    return sorted(pool, key=lambda candidate: not _measures_accuracy(candidate))


_DOSE = re.compile(
    r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|μg|ug|g|ml|mL|IU|U|units?|mmol|mEq)\b",
)
"""A dose as a number and its unit ("1.25 mg/h", "0.5 mg/kg", "50 U/kg", "400 IU")."""


def _gives_a_dose(candidate: Candidate) -> bool:
    """Whether the sentence gives a dose (``_DOSE``): an amount a question asking a dose
    wants, though no reported number reads it ("2 mg/kg every 3 weeks"), and a background
    line giving it may lead (review 38's Keytruda question)."""
    return _DOSE.search(candidate.sentence.text) is not None


def _the_dose_given(candidate: Candidate, question: Question) -> bool:
    """Whether a methods sentence gives the dose a study gave of the drug whose dose is
    asked, naming it and calling it a dose: where the dose is the question, the dose
    studied answers it. "IV valproate loading dose for status epilepticus …?" refused,
    while a series' methods said "… received a loading dose of valproate of 25.1 +/- 5.0
    mg/kg …" (review 40)."""
    return (
        candidate.notes.role is SentenceRole.METHODS
        and candidate.names_any(_dosed(question))
        and _DOSE_WORD.search(candidate.sentence.text) is not None
    )


_DOSE_WORD = re.compile(r"\bdos(?:e|es|ed|ing|age|ages)\b", re.IGNORECASE)


def _doses_first(pool: Sequence[Candidate], question: Question) -> list[Candidate]:
    """``pool`` (sorted) with the sentences giving a dose (``_DOSE``) of a treatment the
    question names first (the sentence or its record naming it), those calling it a dose
    (``_DOSE_WORD``) before the others, then those naming the treatment themselves:
    "What dose of levobupivacaine through a continuous spinal catheter gives adequate
    analgesia …?" was led by the pain scores of the trial's two arms, and its
    "Levobupivacaine at a dose of 1.25 mg/h … provides good quality analgesia" came last
    (review 36); "What is the recommended dose of … C1 inhibitor (Ruconest) …?" by "In
    the EU, C1-INH NF concentrate 1000 U is indicated …", over another record's
    "Dose-ranging efficacy studies established 50 U/kg as the recommended dose …", which
    calls the drug "this agent" (review 37). A dose of another drug (a rescue dose of
    morphine) answers another question: it names the drug asked in neither."""
    treatments = _dosed(question)

    def rank(candidate: Candidate) -> tuple[bool, bool, bool]:
        dose = _gives_a_dose(candidate) and _of_one_of(candidate, treatments)
        called = dose and _DOSE_WORD.search(candidate.sentence.text) is not None
        return (not dose, not called, not candidate.names_any(treatments))

    return sorted(pool, key=rank)


def _dosed(question: Question) -> list[str]:
    """The ids of the treatments a question asking a dose asks it of."""
    if not question.dose_asked:
        return []
    return [c.id for c in question.with_role(ConceptRole.INTERVENTION, ConceptRole.KEYWORD)]


def _of_one_of(candidate: Candidate, concept_ids: Sequence[str]) -> bool:
    """Whether the sentence, or else its record, names one of ``concept_ids``: a trial's
    results call its drug "this agent"."""
    topics = candidate.item.topics
    return candidate.names_any(concept_ids) or (topics is not None and topics.names(concept_ids))


_FRACTION = re.compile(r"(?<![\w.])\d*\.\d+\b")
"""A decimal fraction: how sensitivity, specificity and the area under the curve are often
written ("0.75 (95% CI, 0.68-0.80)"), which no reported number reads."""


def _measures_accuracy(candidate: Candidate) -> bool:
    """Whether the sentence gives a measure of accuracy (``_ACCURACY``) with a number: one
    it reports, or a decimal fraction (``_FRACTION``)."""
    text = candidate.sentence.text
    valued = bool(candidate.notes.numbers) or _FRACTION.search(text) is not None
    return valued and _ACCURACY.search(text) is not None


def _causes(question: Question, outcomes: Collection[str]) -> list[str]:
    """The concepts the question may say change its ``outcomes``: those of
    ``RELATION_ROLES``, else the conditions named before the outcomes ("Does *cancer*
    increase the risk of venous thromboembolism?" was settled by a sentence on urology
    patients' risk, a hand review). Only where nothing else may: in "In diabetes, does
    metformin reduce …?" a sentence on diabetes alone settles nothing. A number kept as a
    keyword changes nothing (``is_a_name``), and a test or an imaging modality may, where
    nothing else does: "Does starting yearly mammograms at 40 reduce breast cancer
    deaths?" asked every sentence to name "40" (review 20)."""
    causes = [
        c.id for c in question.with_role(*RELATION_ROLES) if c.id not in outcomes and is_a_name(c)
    ]
    tested = [
        c.id
        for c in question.with_role(ConceptRole.IMAGING, ConceptRole.TEST)
        if c.id not in outcomes
    ]
    first = min((c.start for c in question.concepts if c.id in outcomes), default=0)
    return (
        causes
        or tested
        or [
            c.id
            for c in question.with_role(ConceptRole.CONDITION)
            if c.id not in outcomes and c.end <= first
        ]
    )


def _heads(question: Question, ids: Collection[str]) -> list[tuple[str, str]]:
    """(concept id, last content word of its mention) for each of the question's concepts
    in ``ids`` worded in more than one word ("ketogenic diet": "diet")."""
    return [
        (concept.id, words[-1])
        for concept in question.concepts
        if concept.id in ids and len(words := content_words(concept.mention)) > 1
    ]


ARM_WORDS = ("intervention",)
"""How a trial's results name the arm given what it tests ("the intervention group"). In a
record that names what the question asks may change the outcome, they name that: a trial's
abstract may name its treatment only once, in its methods."""


def _wordings(question: Question, ids: Collection[str]) -> list[set[str]]:
    """For each of the question's concepts in ``ids``, the content words of its mention
    that say what it is about, the words that only judge it left aside: a sentence
    holding all of one names it in the question's own terms, whatever its vocabulary
    ("antibody response": "antibody concentrations were lower")."""
    return [
        words
        for concept in question.concepts
        if concept.id in ids and (words := set(content_words(concept.mention)) - JUDGEMENT_WORDS)
    ]


CITED_RECORD_MARGIN = 0.1
"""How far below the answer threshold the other sentences of a cited record still answer,
where the research budget has room (``_PageBuilder.research``)."""
SPEAKS_TO_THE_KIND = 0.5
"""The relevance from which a sentence speaking to the kind of question asked answers it:
more likely than not (as ``candidates.ANSWERS_ON_THE_SUBJECT``)."""


def _tests_asked(question: Question) -> list[str]:
    """The ids of what a question asking a test's accuracy asks it of (``TREATING_ROLES``)."""
    if not question.accuracy_asked:
        return []
    return [c.id for c in question.with_role(*TREATING_ROLES)]


def _of_the_outcomes_asked(question: Question) -> Callable[[Sequence[Candidate]], list[Candidate]]:
    """What a yes/no question on an outcome keeps of the candidates for its research
    sections: those of the records naming an outcome it asks about.

    Such a question asks about one relation; a record silent on the outcome answers
    another. "Does giving dexamethasone during tonsillectomy in kids increase the risk of
    post-op bleeding?" quoted, under dexamethasone, the antiemetic trials of the same
    operation (review 16). Within a record the order stays the model's: putting the sentences
    naming the outcome first also put "Whether minor hypoglycemic episodes increase risk
    of dementia is unknown." before the cohort's hazard ratios, which say "risk" for it.
    The bottom line has its own rule (``_stating_the_relation``). Other questions keep
    every candidate.
    """
    outcomes = list(question.outcomes) if question.answer_kind is AnswerKind.YES_NO else []

    def kept(found: Sequence[Candidate]) -> list[Candidate]:
        if not outcomes:
            return list(found)
        return [c for c in found if c.item.topics is None or c.item.topics.names(outcomes)]

    return kept


def _amounts_asked(question: Question) -> list[str]:
    """The ids of what a question asking an amount measures (``_measured``)."""
    if question.answer_kind is not AnswerKind.QUANTITY:
        return []
    return _measured(question)


def _answering_pool(
    found: Sequence[Candidate],
    facets: Sequence[Facet],
    fits: Mapping[tuple[int, str], Fit],
    threshold: float,
    tests: Sequence[str] = (),
    measured: Sequence[str] = (),
    defined: Sequence[str] = (),
    short_form: str = "",
    dosed: Sequence[str] = (),
    relation: tuple[Sequence[str], Sequence[str]] = ((), ()),
) -> list[Candidate]:
    """The candidates that answer: relevance at the threshold, or, for a sentence that
    speaks to a kind of question the question names (its diagnosis, its mechanism …),
    that gives a measure of accuracy of one of the ``tests`` asked, that gives an amount
    of what a question asking one ``measured``, or that says what a question asking only
    that names (``defined``: "What is CPX351?" quoted one definition, of 0.71, and not
    "CPX-351, a novel liposomal formulation which encapsulates cytarabine and
    daunorubicin in 5:1 molar ratio, …", of 0.67, BioASQ dev), from
    ``SPEAKS_TO_THE_KIND``, as does a sentence giving a dose of what a question asking a
    dose asks it of (``dosed``: "2 mg/kg every 3 weeks" of pembrolizumab, 0.52, review
    38); from ``A_FINDING_ON_THE_RELATION``, a finding of a yes/no question's
    ``relation`` (``_a_finding_on``); and, whatever its relevance, a sentence writing out the
    ``short_form`` a question asks it stands for (``definitions.writes_out``), which is
    the answer in the corpus's own words: "What does HbA1c stand for?" was led by a
    study's baseline HbA1c, over "Importance Hemoglobin A1c (HbA1c) reflects past
    glucose concentrations, …" (0.32; a hand check of the shared corpus).

    Such a sentence has what the question asks for in its words, which the model, reading
    the whole question, weighs little: "Which test confirms the diagnosis of narcolepsy
    type 1?" was led by the approvals of a drug for narcolepsy (0.74), over "A low level of
    hypocretin-1/orexin-A in the cerebrospinal fluid is sufficient to diagnose narcolepsy
    type 1 …" (0.66), and its gap said no record spoke to diagnosis (a hand review). A kind
    asked of a named subject is a facet with the subject's concepts ("diagnosis of cystic
    fibrosis"), speaking to which takes both: "Sweat chloride test is the gold standard
    test for cystic fibrosis (CF) diagnosis." (0.64) was left out of "How is cystic
    fibrosis diagnosed?" (review 9). "How accurate is serum fructosamine for diagnosing
    diabetes?" was led by a hazard ratio of diabetes to come and a context line, over
    "Discrimination of subjects with and without diabetes across the range of
    fructosamine levels was good (area under curve …)" (0.65, review 13). "What
    percentage of weight loss surgery candidates have depression?" was led by a study's
    improvements in depressive symptoms (0.74) over "… the most common mental health
    conditions … were depression (19% [95% CI, 14%-25%]) …" (0.58, review 16): the words of
    the question are the everyday ones its background uses.
    """
    kinds = [f for f in facets if f.cue_words]

    def speaks_to_what_is_asked(candidate: Candidate) -> bool:
        if any(fits[(id(candidate), f.label)].direct for f in kinds):
            return True
        if candidate.states_amount_of(measured) or (
            defined and defines(candidate.sentence.text, defined)
        ):
            return True
        if dosed and _gives_a_dose(candidate) and _of_one_of(candidate, dosed):
            return True
        return candidate.names_any(tests) and _measures_accuracy(candidate)

    return [
        c
        for c in found
        if c.relevance >= threshold
        or (short_form and writes_out(c.sentence.text, short_form, defined))
        or (c.relevance >= SPEAKS_TO_THE_KIND and speaks_to_what_is_asked(c))
        or (c.relevance >= A_FINDING_ON_THE_RELATION and _a_finding_on(c, *relation))
    ]


A_FINDING_ON_THE_RELATION = 0.4
"""The relevance from which a conclusion naming both sides of the relation a yes/no
question asks answers it (``_a_finding_on``)."""


def _relation_asked(question: Question) -> tuple[list[str], list[str]]:
    """For a yes/no question, what it asks may change something (``_causes``), and what:
    its outcomes and conditions; else nothing."""
    if question.answer_kind is not AnswerKind.YES_NO:
        return [], []
    causes = _causes(question, question.outcomes)
    changed = [*question.outcomes, *(c.id for c in question.with_role(ConceptRole.CONDITION))]
    return causes, [i for i in changed if i not in causes]


def _a_finding_on(candidate: Candidate, causes: Sequence[str], changed: Sequence[str]) -> bool:
    """Whether a conclusion names a cause and what it may change of a yes/no question: a
    finding on the relation asked, which a finding of no effect often states in words of
    its own. "Lithium in ALS - does it slow progression or prolong survival?" was led by
    the LiCALS trial's background, the pilot claim it set out to test, while "…
    lithium+riluzole and … riluzole alone showed no statistically significant differences
    in rates of functional decline … or survival time" scored 0.44 (review 41). Not any
    result: a cohort's baseline ("Patients with prior use of warfarin or NOACs were older
    and had higher prevalence of atrial fibrillation and prior stroke.") names both sides
    too, and led a question whether a man with atrial fibrillation needs a blood thinner,
    which the corpus does not answer (read by hand at 4c05589)."""
    role = candidate.notes.role
    return (
        bool(causes and changed)
        and role is SentenceRole.CONCLUSIONS
        and candidate.reports
        and candidate.names_any(causes)
        and candidate.names_any(changed)
    )


def _answering(pool: Sequence[Candidate], facet: int, threshold: float) -> list[Candidate]:
    """The candidates that answer facet number ``facet`` asked alone, most relevant first
    (all of ``pool`` when the question was not asked facet by facet)."""
    scored = [
        (c.notes.facet_relevance[facet] if len(c.notes.facet_relevance) > facet else c.relevance, c)
        for c in pool
    ]
    kept = [(relevance, c) for relevance, c in scored if relevance >= threshold]
    kept.sort(key=lambda pair: -pair[1].score_at(pair[0]))
    return [c for _, c in kept]


def _refit(
    chosen: Sequence[Chosen], facet: Facet, fits: Mapping[tuple[int, str], Fit]
) -> list[Chosen]:
    """``chosen`` statements with their fit to ``facet``, where they speak to it at all."""
    refitted = [Chosen(ch.candidate, fits[(id(ch.candidate), facet.label)]) for ch in chosen]
    return [ch for ch in refitted if ch.fit.value > 0]


def _repeats(candidate: Candidate, taken: Candidate) -> bool:
    if candidate.sentence == taken.sentence:
        return True
    mine, theirs = (
        set(content_words(candidate.sentence.text)),
        set(content_words(taken.sentence.text)),
    )
    union = mine | theirs
    return bool(union) and len(mine & theirs) / len(union) > DUPLICATE


def _records_about(concepts: Sequence[QuestionConcept], facet: Facet, joined: str = " and ") -> str:
    """What the records searched for ``facet`` were about, for its gap: ``concepts`` in the
    question's words, but those the facet names itself, joined as they must be met."""
    return joined.join(c.mention for c in concepts if c.id not in facet.concept_ids)


def _gap(facet: Facet, chosen: Sequence[Chosen], about: str) -> EvidenceGap | None:
    """What the evidence leaves unsaid on ``facet``: None where a statement speaks to it.

    Where nothing does, the gap names what the records searched were ``about`` in the
    question's words: its conditions, and no condition where it asks none: "No record …
    about the question's condition speaks to growth" told a clinician asking about
    deworming and children's growth the opposite of the truth (a hand review). A
    condition the facet itself names is not named again: "No record in the index about
    common warts speaks to common warts." (review 13). A facet answered only beside the
    question's other concepts (``Facet.answered_beside``) names those: "No record in the
    index about Calpol answers the question on vaccines", where many speak of vaccines.

    The gap says that nothing answers, not that nothing names the facet: "No record in
    the index speaks to Botox" stood under "Does Botox help with excessive underarm
    sweating?", which rightly cited nothing, in an index holding Botox records on
    migraine and strabismus (review 19).
    """
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
        f"No record in the index{f' about {about}' if about else ''} answers the question "
        f"on {facet.label}.",
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
