"""Regression cases for the causes issue 11 traced, on the corpus built from ``../shared/data``.

Issue 11 found answers that cite the right disease but do not answer the question, and
traced six causes. Each test below is a real case of one cause, found by asking the
corpus of ``conftest.shared_corpus`` questions (BioASQ questions of the train and dev
splits, never the held-out 11B, and questions written here in a clinician's words). Each
docstring names the case and what commit b9d1e6f (before the change) did with it; every
test not marked ``xfail`` failed there.

Cases that the current code still gets wrong are kept as strict ``xfail``: each reason says
what it does instead, so the test turns red the day the case is fixed. One case (the
amantadine approval) passed on b9d1e6f, regressed with the change, and passes again.

Cause 6 (retrieval, composition and understanding each with their own idea of a word) has
no case here: b9d1e6f is itself the commit that gave all stages one word module, so no
case can fail there (and its parent, c26d3eb, does not import: ``medcite.english`` is
missing from it).

The oracles are the texts themselves: which record a statement quotes, and regular
expressions over that record's title and abstract. They share no code with medcite's
readers of roles, topics or numbers, so a test does not pass by the rule it checks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from medcite.engine import Engine
from medcite.records import (
    Answer,
    AnswerKind,
    ConceptRole,
    Question,
    QuestionType,
    SectionKind,
    Statement,
)

Ask = Callable[[str], Answer]

ADMINISTRATIVE = re.compile(
    r"\bfund(?:ed|ing)\b|\bclinical\s*trials\.gov\b|\bNCT\d{8}\b|\bISRCTN\s?\d+|\bACTRN\d+|"
    r"\btrial registration\b|\bregistered (?:at|with|in)\b|\bconflicts? of interest\b|"
    r"\bcompeting interests?\b|\bPROSPERO\b",
    re.IGNORECASE,
)
"""Funding, trial or review registration, and conflict-of-interest lines (ICMJE, CONSORT)."""


@pytest.fixture(scope="module")
def ask(shared_corpus: Engine) -> Ask:
    """The corpus's answer to a question, asked once per module whatever the tests ask."""
    answers: dict[str, Answer] = {}

    def asked(question: str) -> Answer:
        if question not in answers:
            answers[question] = shared_corpus.ask(question)
        return answers[question]

    return asked


def bottom_line(answer: Answer) -> list[Statement]:
    return [
        statement
        for section in answer.sections
        if section.kind is SectionKind.BOTTOM_LINE
        for statement in section.statements
    ]


def assert_led_by(ask: Ask, question: str, pattern: str, flags: int = 0) -> None:
    """That ``question`` has a bottom line whose first statement matches ``pattern``."""
    statements = bottom_line(ask(question))
    assert statements, quoted(statements)
    assert re.search(pattern, statements[0].text, flags), quoted(statements)


def all_statements(answer: Answer) -> list[Statement]:
    return [statement for section in answer.sections for statement in section.statements]


def record_text(engine: Engine, record_id: str) -> str:
    """A record's title and abstract, as ingested."""
    record = engine.show(record_id)
    return " ".join((record.title, *(section.text for section in record.sections)))


def concept_names(engine: Engine, question: str, *roles: ConceptRole) -> list[str]:
    """The names of the concepts ``engine`` reads in ``question`` (of ``roles``, if any)."""
    understood = engine.understand(question)
    return [c.name for c in (understood.with_role(*roles) if roles else understood.concepts)]


def quoted(statements: list[Statement]) -> list[tuple[str, str]]:
    """(record id, text) of each statement: what an assertion message shows."""
    return [(s.record_id, s.text[:160]) for s in statements]


def understood(answer: Answer) -> Question:
    assert answer.understanding is not None
    return answer.understanding


# -- 1. The bottom line was sorted by evidence level before relevance -------------------


@pytest.mark.parametrize(
    ("question", "on_topic"),
    [
        pytest.param(
            "Does propofol turn urine green?",
            (re.compile(r"green", re.I), re.compile(r"urin", re.I)),
            id="propofol-green-urine",
        ),
        pytest.param(
            "Which was the first adeno-associated virus vector gene therapy product "
            "approved in the United States?",
            (re.compile(r"adeno-associated|\bAAV\b", re.I),),
            id="first-aav-gene-therapy",
        ),
        pytest.param(
            'Which was the first species in which a de novo gene emergence ("gene birth") '
            "was reported?",
            (re.compile(r"de novo gene|gene[- ]birth", re.I),),
            id="de-novo-gene-birth",
        ),
    ],
)
def test_the_bottom_line_quotes_on_topic_records_before_graded_ones(
    shared_corpus: Engine, ask: Ask, question: str, on_topic: tuple[re.Pattern[str], ...]
) -> None:
    """A graded trial touching one facet no longer outranks the records that answer.

    b9d1e6f sorted the bottom line by evidence level first. Asked whether propofol turns
    urine green (a question written here), it led with a randomised trial's "phenylephrine
    is as good as ephedrine in preventing the hypotensive response to an induction dose of
    propofol" (pmid:26702213) above the case reports of green urine. On the first
    AAV gene therapy approved in the US (BioASQ, train) it quoted two phase-3 RNAi trials
    (lumasiran, givosiran) that share the "gene therapy"/"treatment" facets, and not the
    record on the approval. On de novo gene birth (BioASQ, train) the generic facet
    "birth" brought a pooled analysis of birth size and a cohort on age at first birth.
    Every bottom-line statement must now come from a record on the question's topic.
    """
    answer = ask(question)
    statements = bottom_line(answer)
    assert statements, f"no bottom line: {answer.notes}"
    off_topic = [
        s
        for s in statements
        if not all(p.search(record_text(shared_corpus, s.record_id)) for p in on_topic)
    ]
    assert not off_topic, quoted(off_topic)


# -- 2. Facets were built only from vocabulary concepts ---------------------------------


@pytest.mark.parametrize(
    ("question", "drug"),
    [
        pytest.param("Does lorcaserin increase the risk of cancer?", "lorcaserin", id="lorcaserin"),
        pytest.param(
            "Is semagacestat effective in Alzheimer disease?", "semagacestat", id="semagacestat"
        ),
        pytest.param("Which kinases are inhibited by pyrotinib?", "pyrotinib", id="pyrotinib"),
        pytest.param("Is aptiganel effective for acute stroke?", "aptiganel", id="aptiganel"),
    ],
)
def test_a_drug_no_vocabulary_knows_stays_in_the_question_and_the_answer(
    shared_corpus: Engine, ask: Ask, question: str, drug: str
) -> None:
    """A drug that is not a MeSH descriptor is kept as a keyword concept and answered on.

    None of these four is a MeSH descriptor. b9d1e6f dropped each from the question and
    answered what was left: lorcaserin's question became the facet "risk" and its bottom
    line quoted a meta-analysis of thiazolidinediones and bladder cancer and one of second
    lung cancers after Hodgkin lymphoma; semagacestat's quoted the APOE e4 meta-analysis
    and the verubecestat trial; pyrotinib's (BioASQ train, lower-cased) quoted
    PI3-kinase and ERK papers on the facet "kinases"; aptiganel's quoted a folic-acid
    meta-analysis on stroke prevention and the funding line of a compression-stocking
    trial. No record naming the drug reached any of those bottom lines.
    """
    answer = ask(question)
    statements = bottom_line(answer)
    assert statements, f"no bottom line: {answer.notes}"
    naming = re.compile(drug, re.IGNORECASE)
    elsewhere = [
        s for s in statements if not naming.search(record_text(shared_corpus, s.record_id))
    ]
    assert not elsewhere, quoted(elsewhere)
    keywords = [c for c in understood(answer).concepts if c.role == "keyword"]
    assert drug in [c.name.lower() for c in keywords], understood(answer).concepts
    assert any(drug in f.label.lower() for f in understood(answer).facets)


@pytest.mark.parametrize(
    ("question", "organism", "named"),
    [
        pytest.param(
            "What is the first-line treatment for Helicobacter pylori infection?",
            "D016480",
            r"Helicobacter|H\. pylori",
            id="h-pylori",
        ),
        pytest.param(
            "Which are the main virulence factors of Staphylococcus aureus?",
            "D013211",
            r"Staphylococcus aureus|S\. aureus",
            id="s-aureus",
        ),
    ],
)
def test_a_pathogen_stays_in_the_question_and_the_answer(
    shared_corpus: Engine, ask: Ask, question: str, organism: str, named: str
) -> None:
    """A microorganism the question names is one of its concepts, with a facet of its own.

    c00c97f dropped MeSH's organisms from every question: "Helicobacter pylori" left
    "first-line treatment" with no concept at all ("the words were searched as written"),
    and "Staphylococcus aureus" left only "virulence factors". Every statement quotes a
    record that names the organism.
    """
    answer = ask(question)
    assert organism in {c.id for c in understood(answer).concepts}, understood(answer).concepts
    assert any(organism in f.concept_ids for f in understood(answer).facets)
    statements = all_statements(answer)
    assert statements, f"nothing quoted: {answer.notes}"
    naming = re.compile(named)
    elsewhere = [
        s for s in statements if not naming.search(record_text(shared_corpus, s.record_id))
    ]
    assert not elsewhere, quoted(elsewhere)


@pytest.mark.parametrize(
    ("question", "drug"),
    [
        pytest.param("Is dupilumab effective for atopic dermatitis?", "dupilumab", id="dupi"),
    ],
)
def test_a_drug_the_corpus_covers_is_answered_not_refused(
    shared_corpus: Engine, ask: Ask, question: str, drug: str
) -> None:
    """A question about a drug the corpus covers well is answered from the records naming it.

    The question is written here. The corpus holds the answer ("Dupilumab is the first US
    FDA approved biologic for treatment of atopic dermatitis", pmid:32439390; and more).
    b9d1e6f dropped the drug from the question and quoted nemolizumab trials.
    """
    answer = ask(question)
    statements = bottom_line(answer)
    assert statements, f"no bottom line: {answer.state} {answer.notes}"
    naming = re.compile(drug, re.IGNORECASE)
    assert any(naming.search(record_text(shared_corpus, s.record_id)) for s in statements)


def test_how_much_asks_for_the_effect_size_not_a_keyword(ask: Ask) -> None:
    """Asked how much fingolimod reduces the relapse rate in multiple sclerosis, the answer
    is the annualized relapse rate of FREEDOMS (0.77 with placebo, 0.35 with fingolimod,
    scifact:32263707), which main quotes when asked whether fingolimod is effective."""
    answer = ask("How much does fingolimod reduce the relapse rate in multiple sclerosis?")
    assert "much" not in [c.name.lower() for c in understood(answer).concepts]
    assert any(re.search(r"relapse rate[^.]*\d", s.text) for s in bottom_line(answer))


# -- 3. The last sentence of an unlabelled abstract counted as its conclusion -----------


@pytest.mark.parametrize(
    ("question", "trial"),
    [
        pytest.param(
            "Is the ketogenic diet effective for childhood epilepsy?",
            "scifact:23670644",
            id="ketogenic-diet",
        ),
        pytest.param(
            "Does carvedilol improve heart failure in children?",
            "scifact:34139429",
            id="carvedilol",
        ),
        pytest.param(
            "Do vitamins E and C prevent prostate cancer?",
            "scifact:12009265",
            id="vitamins-e-c",
        ),
        pytest.param(
            "Does chlorhexidine cord care reduce neonatal mortality?",
            "scifact:37118634",
            id="chlorhexidine",
        ),
    ],
)
def test_no_funding_or_registration_line_is_quoted(ask: Ask, question: str, trial: str) -> None:
    """The trial that answers is quoted for what it found, not for its closing line.

    Each question (written here) is answered by a randomised trial whose SciFact abstract
    is unlabelled and ends with an administrative line. b9d1e6f took that last line for
    the conclusion and put it in the bottom line: "FUNDING HSA Charitable Trust; ..." for
    the ketogenic diet, "TRIAL REGISTRATION clinicaltrials.gov Identifier: NCT00052026."
    for carvedilol, "... NCT00270647." for vitamins E and C, and "FUNDING The United
    States Agency for International Development." for chlorhexidine cord care.
    """
    answer = ask(question)
    administrative = [s for s in all_statements(answer) if ADMINISTRATIVE.search(s.text)]
    assert not administrative, quoted(administrative)
    assert trial in [s.record_id for s in bottom_line(answer)], quoted(bottom_line(answer))


# -- 4. Matching too strict where it should be loose, too loose where it should be strict


def test_an_abbreviation_sense_that_does_not_fit_is_not_forced(
    shared_corpus: Engine, ask: Ask
) -> None:
    """MK-1602 (ubrogepant) is not a megakaryocyte.

    "Is MK-1602 a CGRP antagonist?" (BioASQ, dev): b9d1e6f read MK by the one sense the
    corpus defines, megakaryocyte, made "Megakaryocytes" a facet, and put a preclinical
    study of endomitosis in living megakaryocytes (scifact:22948960) in the bottom line.
    """
    answer = ask("Is MK-1602 a CGRP antagonist?")
    assert "D008533" not in [c.id for c in understood(answer).concepts]  # Megakaryocytes
    about_megakaryocytes = [
        s
        for s in all_statements(answer)
        if re.search(r"megakaryocyt", record_text(shared_corpus, s.record_id), re.I)
        and not re.search(r"MK-1602|ubrogepant|CGRP", record_text(shared_corpus, s.record_id))
    ]
    assert not about_megakaryocytes, quoted(about_megakaryocytes)


@pytest.mark.parametrize(
    ("question", "wrong_concept"),
    [
        pytest.param(
            "Is MK-1602 effective for acute migraine?",
            "D008533",  # Megakaryocytes; the code's "MK" (fixed 2026-12-05)
            id="MK-megakaryocytes",
        ),
        pytest.param(
            "Is ursodeoxycholic acid effective in PSC?",
            "D003129",  # Comb and Wattles
            id="PSC-comb-and-wattles",
        ),
        pytest.param(
            "How should PPROM be managed in pregnant women?",
            "D008566",  # Membranes
            id="PPROM-membranes",
        ),
        pytest.param(
            "What does the ESC guideline recommend for heart failure?",
            "D053595",  # Embryonic Stem Cells; the issuer of guidance (fixed 2026-12-05)
            id="ESC-stem-cells",
        ),
        pytest.param(
            "What are the causes of anaemia in pregnancy?",
            "D005322",  # Fetal Membranes, Premature Rupture
            id="pregnancy-PROM",
        ),
    ],
)
def test_a_word_is_not_read_as_a_concept_the_question_rules_out(
    ask: Ask, question: str, wrong_concept: str
) -> None:
    """Abbreviations and generic words read in a sense the rest of the question rules out.

    All written here in a clinician's words; b9d1e6f read each the same wrong way.
    """
    answer = ask(question)
    assert wrong_concept not in [c.id for c in understood(answer).concepts]


@pytest.mark.parametrize(
    ("question", "pathogen"),
    [
        pytest.param("Is HIV curable?", "D006678", id="HIV"),
        pytest.param("How is MRSA pneumonia treated?", "D055624", id="MRSA"),
    ],
)
def test_a_pathogen_written_short_is_read_as_the_pathogen(
    ask: Ask, question: str, pathogen: str
) -> None:
    """HIV and MRSA are organisms in MeSH's tree B, whose senses only a question about
    organisms could take: a1e6ed2 kept each as a bare word, so retrieval and the answer
    knew neither "human immunodeficiency virus" nor "methicillin-resistant" (a review of
    fresh clinical questions)."""
    assert pathogen in [c.id for c in understood(ask(question)).concepts]


@pytest.mark.parametrize(
    ("question", "word"),
    [
        pytest.param("What is the role of Nanog in embryonic stem cells?", "nanog", id="Nanog"),
        pytest.param(
            "Does efavirenz cause neuropsychiatric adverse effects?", "efavirenz", id="efavirenz"
        ),
    ],
)
def test_a_name_a_vocabulary_uses_only_in_longer_names_is_kept(
    ask: Ask, question: str, word: str
) -> None:
    """MeSH names "Nanog Homeobox Protein" and a combination drug with efavirenz in it,
    never the word alone: a1e6ed2 dropped each word, and the efavirenz question was read
    as being about nothing at all."""
    assert f"word:{word}" in [c.id for c in understood(ask(question)).concepts]


def test_an_abbreviation_written_without_its_space_is_known(ask: Ask) -> None:
    """MeSH lists "Hb A1c": at 349ce98 "HbA1c" stayed a bare word (a review of fresh
    clinical questions), so glycated hemoglobin's other names went unsearched."""
    answer = ask("Is HbA1c reliable for the diagnosis of diabetes?")
    assert "D006442" in [c.id for c in understood(answer).concepts]  # Glycated Hemoglobin


def test_a_name_written_with_a_greek_letter_is_the_concept_spelled_out(ask: Ask) -> None:
    """Abstracts write "α-synuclein", MeSH "alpha-Synuclein".

    "What is the role of alpha-synuclein in Parkinson's disease?" (a fresh question): at
    349ce98 neither retrieval nor the sentences' concepts met the Greek letter, and the
    answer cited one record, whose sentences spell the letter out.
    """
    answer = ask("What is the role of alpha-synuclein in Parkinson's disease?")
    lettered = [s for s in all_statements(answer) if re.search(r"α-syn", s.text)]
    assert lettered, quoted(all_statements(answer))


def test_a_disease_mesh_also_files_as_a_sign_is_the_condition(ask: Ask) -> None:
    """Septic shock is an infection (C01) as well as a pathological condition (C23).

    At 47a364d "How is septic shock treated?" read it as a finding: the question had no
    condition and no treatment facet, and the bottom line said how Sepsis-3 defines septic
    shock and which biomarker predicts it (a review of fresh clinical questions).
    """
    answer = ask("How is septic shock treated?")
    (shock,) = [c for c in understood(answer).concepts if c.id == "D012772"]
    assert shock.role is ConceptRole.CONDITION
    on_treatment = [s for s in bottom_line(answer) if re.search(r"manag|treat|therap", s.text)]
    assert on_treatment, quoted(bottom_line(answer))


def test_a_finding_in_other_words_answers(shared_corpus: Engine, ask: Ask) -> None:
    """Suicidality in people with ASD answers a question on suicide and autism.

    "Is there any association between suicide and autism in adolescents, yes or no?"
    (BioASQ, train): the corpus says "rate of suicidality is higher in individuals with
    ASD" (pmid:27956832), which names neither "suicide" nor "adolescents" as the question
    does. b9d1e6f let into the bottom line only sentences naming every facet's concept, so
    it had no bottom line at all.
    """
    answer = ask("Is there any association between suicide and autism in adolescents, yes or no?")
    on_it = [
        s
        for s in bottom_line(answer)
        if re.search(r"suicid", s.text, re.I)
        and re.search(r"autis|\bASD\b", record_text(shared_corpus, s.record_id), re.I)
    ]
    assert on_it, quoted(bottom_line(answer))


def test_a_trial_reporting_in_other_words_is_quoted(shared_corpus: Engine, ask: Ask) -> None:
    """The tranexamic acid trial answers though its finding names neither drug nor bleed.

    "Is Tranexamic acid effective for intracerebral haemorrhage?" (BioASQ, train): the
    trial's finding reads "There was no evidence of a difference in the proportions of
    patients who died or had thromboembolic complications between the groups". b9d1e6f
    quoted a case series of hyperbaric oxygen for gas embolism and a registry of NOAC
    versus warfarin use, neither naming tranexamic acid.
    """
    answer = ask("Is Tranexamic acid effective for intracerebral haemorrhage?")
    statements = bottom_line(answer)
    assert statements, f"no bottom line: {answer.notes}"
    elsewhere = [
        s
        for s in statements
        if not re.search(r"tranexamic", record_text(shared_corpus, s.record_id), re.I)
    ]
    assert not elsewhere, quoted(elsewhere)


# -- 5. The right record was found, a background sentence quoted ------------------------

EFFECT_SIZE = re.compile(
    r"\b(?:OR|RR|HR|odds ratio|relative risk|hazard ratio)\b[^.;]*\d", re.IGNORECASE
)


def test_the_effect_size_is_quoted_rather_than_a_closing_remark(ask: Ask) -> None:
    """The network meta-analysis is quoted for its odds ratio, not for its outlook.

    "How much does varenicline increase the odds of quitting smoking?" (written here):
    b9d1e6f found the right review (scifact:5114940) but quoted its closing "Further
    research is warranted into the safety of varenicline and into cytisine's potential
    ...", not "Varenicline increased the odds of quitting compared with placebo (OR 2.88;
    95% CredI 2.40 to 3.47)".
    """
    answer = ask("How much does varenicline increase the odds of quitting smoking?")
    sized = [
        s
        for s in bottom_line(answer)
        if re.search(r"varenicline", s.text, re.I) and EFFECT_SIZE.search(s.text)
    ]
    assert sized, quoted(bottom_line(answer))


def test_the_trial_is_quoted_for_its_relapse_rate(ask: Ask) -> None:
    """The trial answers with its finding and its annualized relapse rate.

    "Is fingolimod effective for relapsing multiple sclerosis?" (written here): b9d1e6f
    cited the trial (scifact:32263707) by its closing registration line and a review's
    statement of purpose, not "The annualized relapse rate was 0.77 in the placebo group,
    as compared with 0.35 in the group given 1.25 mg of fingolimod ...". Since a yes/no
    question is settled by the conclusion of the study that answers, the trial's "… fingolimod
    reduced the number of lesions detected on MRI and clinical disease activity …" leads,
    and the relapse rate follows under the research.
    """
    answer = ask("Is fingolimod effective for relapsing multiple sclerosis?")
    rates = [
        s
        for s in all_statements(answer)
        if s.record_id == "scifact:32263707" and re.search(r"relapse rate[^.]*\d", s.text)
    ]
    assert rates, quoted(all_statements(answer))
    lead = bottom_line(answer)[0]
    assert lead.record_id == "scifact:32263707", quoted(bottom_line(answer))
    assert re.search(r"fingolimod reduced|relapse rate[^.]*\d", lead.text), quoted([lead])


def test_the_transmission_rate_is_quoted(ask: Ask) -> None:
    """The residual risk of hepatitis C by transfusion is "about 1 in 100 000 transfusions
    of cellular products" (scifact:3698758); the question, written here, asks for it.
    b9d1e6f quoted the review's closing "HCV NAT testing will further annihilate the
    residual risk ..." instead."""
    answer = ask("What is the risk of hepatitis C transmission from a blood transfusion?")
    assert any(re.search(r"\b1 in [\d ,]+", s.text) for s in bottom_line(answer)), quoted(
        bottom_line(answer)
    )


def test_the_approval_is_quoted(ask: Ask) -> None:
    """The approval is quoted when the question asks about it.

    "Has amantadine ER been approved by the FDA?" (BioASQ, train): the corpus says
    "ADS-5102 (amantadine) extended-release (ER) capsules (GOCOVRI) is a recent US
    FDA-approved treatment for dyskinesia in PD patients" (pmid:29532440). b9d1e6f quoted
    that sentence, so this case passed there; main regressed on it (background never led a
    yes/no answer) until a background sentence stating the asked fact could (2026-12-05).
    """
    answer = ask("Has amantadine ER been approved by the FDA?")
    assert any(re.search(r"approv", s.text, re.I) for s in bottom_line(answer)), quoted(
        bottom_line(answer)
    )


# -- Found by the hand review of 2026-12-05 (20 questions written by a reviewer) ---------


def test_people_the_question_leaves_out_are_not_its_condition(ask: Ask) -> None:
    """ "… in HFrEF patients without diabetes" (written by the reviewer): dd19f7b made
    diabetes the condition, and its bottom line's second bullet was ertugliflozin in type 2
    diabetes (pmid:30938372)."""
    answer = ask("Do SGLT2 inhibitors reduce mortality in HFrEF patients without diabetes?")
    assert "D003920" not in [c.id for c in understood(answer).concepts]  # Diabetes Mellitus
    assert not [s for s in bottom_line(answer) if s.record_id == "pmid:30938372"], quoted(
        bottom_line(answer)
    )


def test_a_study_size_written_with_spaces_is_read_whole(ask: Ask) -> None:
    """The meta-analysis "enrolled a total of 70 388 people" (scifact:5698494); dd19f7b
    showed it as n = 388."""
    answer = ask("Do statins reduce all-cause mortality in people at cardiovascular risk?")
    sizes = {r.record_id: r.sample_size for r in answer.references}
    assert sizes.get("scifact:5698494") == 70388, sizes


# -- Found reading the seed question as a clinician types it (2026-12-05) ------------------


def test_the_seed_question_as_typed_reads_mri_as_imaging(ask: Ask) -> None:
    """ "What are the MRI findings … for CNS and PNS involvement in systemic sclerosis?" with
    its short forms undefined: 9525f3e read MRI as "(CT)/magnetic resonance imaging", a
    fragment the corpus defines once, kept it as a keyword and answered "insufficient",
    though the seed abstract (CT of spinal calcinosis in SSc) is indirect evidence. The
    absence of the rare "PNS" from the 76 records on magnetic resonance imaging had counted
    sixteen times against the right sense."""
    answer = ask(
        "What are the MRI findings and diagnosis for CNS and PNS involvement in systemic sclerosis?"
    )
    assert "D008279" in [c.id for c in understood(answer).concepts]  # Magnetic Resonance Imaging
    seed = [s for s in all_statements(answer) if s.record_id.startswith("text:002_")]
    assert seed, quoted(all_statements(answer))
    assert all("Magnetic Resonance Imaging" in s.indirect for s in seed)  # CT, not MRI


def test_an_amount_asked_of_an_effect_is_answered_like_its_yes_no_form(ask: Ask) -> None:
    """ "How much does aspirin reduce colorectal cancer in Lynch syndrome?" (the hand review
    of 2026-12-05): 9525f3e scored the CAPP2 trial's (scifact:15648443) sentences as for a
    summary, none above the answer threshold, and answered "insufficient", while "Does
    aspirin reduce …?" quotes its hazard ratios."""
    answer = ask("How much does aspirin reduce colorectal cancer in Lynch syndrome?")
    trial = [s for s in bottom_line(answer) if s.record_id == "scifact:15648443"]
    assert trial, quoted(all_statements(answer))
    assert any(re.search(r"\b(?:HR|IRR|hazard ratio|rate ratio)\b", s.text) for s in trial)


@pytest.mark.parametrize(
    ("question", "outcome", "cause"),
    [
        pytest.param(
            "Does vitamin D supplementation prevent fractures in older adults?",
            r"fractur",
            r"vitamin D",
            id="vitamin-D-fractures",
        ),
        pytest.param(
            "Does exercise improve quality of life in heart failure?",
            r"quality of life",
            r"exercis",
            id="exercise-quality-of-life",
        ),
        pytest.param(
            "Does metformin reduce cardiovascular events in type 2 diabetes?",
            r"cardiovascular (?:events?|outcomes?)|\bMACE\b",
            r"metformin",
            id="metformin-cardiovascular-events",
        ),
    ],
)
def test_a_yes_no_question_on_an_outcome_is_led_by_the_relation_asked(
    ask: Ask, question: str, outcome: str, cause: str
) -> None:
    """Found by the hand reviews of 2026-12-05. 9525f3e read none of these outcomes
    ("fractures", "cardiovascular events" are everyday words, "quality of life" a concept
    of no clinical role), and led with vitamin D intakes, pulmonary pressures after
    training, and a rat study of metformin. Every sentence of the bottom line must now
    name the outcome and what is asked to change it; the corpus holds no record on
    metformin and cardiovascular events, so there the bottom line is rightly empty."""
    lead = bottom_line(ask(question))
    off = [
        s for s in lead if not (re.search(outcome, s.text, re.I) and re.search(cause, s.text, re.I))
    ]
    assert not off, quoted(off)
    if "metformin" not in question:
        assert lead, question


def test_a_relation_no_record_states_is_not_answered_with_near_misses(
    shared_corpus: Engine, ask: Ask
) -> None:
    """ "Do probiotics prevent antibiotic-associated diarrhea in children taking
    antibiotics?" (the second hand review of 2026-12-05; the corpus holds no record on
    it): 9525f3e quoted a case series of reptile-borne salmonella and a study of
    microbiota in diabetic rodents. Every cited record must speak to both sides of the
    relation, or nothing is cited."""
    answer = ask(
        "Do probiotics prevent antibiotic-associated diarrhea in children taking antibiotics?"
    )
    beside = [
        s
        for s in all_statements(answer)
        if not re.search(r"probiotic", record_text(shared_corpus, s.record_id), re.I)
        or not re.search(r"diarrh", record_text(shared_corpus, s.record_id), re.I)
    ]
    assert not beside, quoted(beside)


# -- Found reading BioASQ dev answers and asking in a clinician's words, 2026-12-05 ------
# e4afbdc is the commit before; each case below failed there.


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # written here: e4afbdc led with verubecestat's failure on dementia ratings
        ("Is verubecestat safe in older adults?", r"adverse|safe|tolera|toxic|side.effect"),
        # written here: e4afbdc led with "The human pathogen Helicobacter pylori is
        # associated with gastritis, peptic ulcer disease, and gastric cancer"
        (
            "What is the first-line treatment for Helicobacter pylori infection?",
            r"treat|therap|regimen|eradicat",
        ),
    ],
)
def test_the_bottom_line_leads_with_what_the_question_asks_of_its_subject(
    ask: Ask, question: str, asked: str
) -> None:
    """A question naming what it asks (the safety, the treatment) is led by a sentence on it."""
    lead = bottom_line(ask(question))
    assert lead and re.search(asked, lead[0].text, re.I), quoted(lead)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        # BioASQ, dev: e4afbdc led with AZD8601, another AstraZeneca drug (an mRNA of
        # VEGF-A, pmid:30504800), and a study of leg vascular resistance
        ("Is AZD9668 a VEGF mRNA drug?", "AZD9668"),
    ],
)
def test_only_records_answering_on_the_name_asked_about_lead(
    shared_corpus: Engine, ask: Ask, question: str, name: str
) -> None:
    """A name no vocabulary knows is what the question is about: a record on the question's
    other words (VEGF, statins) that names it only in passing does not lead the answer."""
    lead = bottom_line(ask(question))
    assert lead, "no bottom line"
    off = [s for s in lead if name.lower() not in record_text(shared_corpus, s.record_id).lower()]
    assert not off, quoted(off)


def test_a_name_asked_about_in_another_disease_is_a_gap_not_a_lead(ask: Ask) -> None:
    """ "Is telomestatin, a novel statin drug used to treat high cholesterol?" (BioASQ, dev):
    e4afbdc led with PCSK9 inhibitors (pmid:26702335) and a cohort of gallstone disease.
    Before cb02744 "cholesterol" was read as a drug and the question named no condition, so
    the telomestatin records (a telomerase inhibitor, studied in leukaemia) led; read as
    hypercholesterolemia since, the question asks about a disease no telomestatin record
    names: those are near misses, never cited, and the gap says the index holds nothing
    on telomestatin in high cholesterol."""
    answer = ask("Is telomestatin, a novel statin drug used to treat high cholesterol?")
    assert not bottom_line(answer), quoted(bottom_line(answer))
    assert [gap.detail for gap in answer.gaps if gap.facet == "telomestatin"] == [
        "No record in the index about high cholesterol answers the question on telomestatin."
    ]


def test_of_a_record_naming_the_name_asked_about_its_sentence_on_it_leads(ask: Ask) -> None:
    """ "Is HDAC1 required for GATA-1 transcriptional activity?" (BioASQ, dev): fa68dd8 led
    with another sentence of the study naming HDAC1, its single-cell RNA-seq results
    (pmid:34450641), rather than its sentence on HDAC1 and GATA-1."""
    lead = bottom_line(ask("Is HDAC1 required for GATA-1 transcriptional activity?"))
    assert lead and "HDAC1" in lead[0].text, quoted(lead)


def test_a_look_alike_letter_makes_no_name_of_its_own(shared_corpus: Engine) -> None:
    """ "Αre plants from the genus Strychnos the original source of curare?" (BioASQ, dev,
    its "A" a Greek capital alpha): e4afbdc kept "Αre" as a name no vocabulary knows."""
    question = shared_corpus.understand(
        "\u0391re plants from the genus Strychnos the original source of curare?"
    )
    assert [c.mention for c in question.concepts if c.role is ConceptRole.KEYWORD] == []


# -- Found by a hand review of 31 questions written in a clinician's words, 2026-12-06 ----
# 775d105 is the commit before; each case below failed there.


def test_a_condition_is_not_taken_by_words_in_another_order(
    shared_corpus: Engine, ask: Ask
) -> None:
    """ "Does tranexamic acid reduce deaths from bleeding in women with postpartum
    haemorrhage?" (the corpus holds no record on it): 775d105 read "women with postpartum"
    as "Postpartum Women", so no condition, and led with two trials of tranexamic acid in
    intracerebral haemorrhage (pmid:29778325, pmid:33128912). Every cited record must be
    on bleeding after birth, or nothing is cited."""
    answer = ask(
        "Does tranexamic acid reduce deaths from bleeding in women with postpartum haemorrhage?"
    )
    beside = [
        s
        for s in all_statements(answer)
        if not re.search(r"post-?partum", record_text(shared_corpus, s.record_id), re.I)
    ]
    assert not beside, quoted(beside)


def test_a_drug_class_asked_as_a_therapy_is_the_intervention(ask: Ask) -> None:
    """ "By how much does antiretroviral therapy cut tuberculosis incidence in adults with
    HIV?": 775d105 dropped "antiretroviral therapy" (MeSH names the class "Antiretroviral
    Agents") and led with a sentence on strategies to control the syndemic; the cohort's
    sentence on the reduction (scifact:4883040) is the answer."""
    answer = ask(
        "By how much does antiretroviral therapy cut tuberculosis incidence in adults with HIV?"
    )
    lead = bottom_line(answer)
    assert lead, "no bottom line"
    first = lead[0].text
    assert re.search(r"antiretroviral", first, re.I), quoted(lead)
    assert re.search(r"tuberculosis|\bTB\b", first, re.I), quoted(lead)
    assert re.search(r"reduc|lower|decreas|hazard ratio|\bHR\b", first, re.I), quoted(lead)


def test_an_amount_of_the_outcome_asked_leads_not_of_another(ask: Ask) -> None:
    """ "How much does cabozantinib prolong overall survival in previously treated advanced
    hepatocellular carcinoma?": 775d105 dropped "overall survival" and led with the same
    trial's median progression-free survival (pmid:29972759), its hazard ratio for death
    ("hazard ratio for death, 0.76; …") unread as a number."""
    lead = bottom_line(
        ask(
            "How much does cabozantinib prolong overall survival in previously treated "
            "advanced hepatocellular carcinoma?"
        )
    )
    assert lead, "no bottom line"
    assert re.search(r"overall survival", lead[0].text, re.I), quoted(lead)
    assert not re.search(r"progression-free", lead[0].text, re.I), quoted(lead)


# -- Found by a hand review of 30 questions written in a clinician's words, 2026-12-06 ----
# cea33f0 is the commit before; each case below failed there.


def test_a_disease_heading_of_mesh_is_the_condition_asked(ask: Ask) -> None:
    """ "Is psoriasis associated with mental disorders?": MeSH 2024 gives "Mental
    Disorders" no tree number, and cea33f0 dropped it, leading with how many of one
    study's patients had depression ("A total of 71 (78.9%) subjects had depression …",
    pmid:26702177), psoriasis unnamed. The lead must name both."""
    answer = ask("Is psoriasis associated with mental disorders?")
    conditions = [c.mention for c in understood(answer).with_role(ConceptRole.CONDITION)]
    assert "mental disorders" in conditions, conditions
    lead = bottom_line(answer)
    assert lead, "no bottom line"
    assert re.search(r"psoria", lead[0].text, re.I), quoted(lead)
    assert re.search(r"depress|anxi|psychi|psycholog|mental", lead[0].text, re.I), quoted(lead)


def test_how_effective_is_answered_with_the_amount(ask: Ask) -> None:
    """ "How effective is the single-dose oral cholera vaccine Vaxchora?": cea33f0 read it
    as a summary and led with how the review chose its studies ("Studies that addressed
    the safety and efficacy of Vaxchora … were selected for analysis.", pmid:28622736);
    the same record's "90.3% protection" is the answer."""
    lead = bottom_line(ask("How effective is the single-dose oral cholera vaccine Vaxchora?"))
    assert lead, "no bottom line"
    assert re.search(r"\d\s?%", lead[0].text), quoted(lead)
    assert re.search(r"protect|efficac", lead[0].text, re.I), quoted(lead)


def test_a_gap_names_no_condition_the_question_does_not_ask(ask: Ask) -> None:
    """ "What is known about the effect of deworming on growth and cognition in children?"
    asks about no disease: cea33f0's gaps said no record "about the question's condition"
    spoke to growth, as though one had been named and searched."""
    answer = ask("What is known about the effect of deworming on growth and cognition in children?")
    assert answer.gaps
    wrong = [gap.detail for gap in answer.gaps if "condition" in gap.detail]
    assert not wrong, wrong


def test_what_the_question_asks_may_have_an_effect_is_kept_in_its_words(
    shared_corpus: Engine, ask: Ask
) -> None:
    """ "Does prone positioning reduce mortality in ARDS?" (the corpus holds no record on
    proning): cea33f0 dropped "prone positioning" (MeSH has "Prone Position") and led with
    a biomarker study of ARDS mortality (scifact:1522647). Every statement must be on
    proning, or nothing is cited."""
    answer = ask("Does prone positioning reduce mortality in ARDS?")
    beside = [
        s
        for s in all_statements(answer)
        if not re.search(r"\bprone\b|proning", record_text(shared_corpus, s.record_id), re.I)
    ]
    assert not beside, quoted(beside)


def test_a_condition_asked_to_change_an_outcome_leads_only_where_named(ask: Ask) -> None:
    """ "Does cancer increase the risk of venous thromboembolism?": cea33f0 dropped
    "cancer" and led with urology patients' risk of thromboembolism (and a sentence on
    COVID-19). A sentence that leads must name cancer; the corpus has none on incident
    thromboembolism, so the bottom line says nothing answers directly."""
    lead = bottom_line(ask("Does cancer increase the risk of venous thromboembolism?"))
    beside = [s for s in lead if not re.search(r"cancer|malignan|tumou?r|neoplas", s.text, re.I)]
    assert not beside, quoted(beside)


# -- Found reading how BioASQ's train questions are understood, 2026-12-06 ----------------
# 760501c is the commit before; the case below failed there.
@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("List STING agonists.", "Bites and Stings"),
        ("What is MACE in the context of cardiotoxicity?", "omega-Chloroacetophenone"),
    ],
)
def test_a_short_form_in_capitals_is_not_an_everyday_word(
    shared_corpus: Engine, question: str, read_as: str
) -> None:
    """BioASQ train questions: 760501c read the protein STING as insect stings and major
    adverse cardiac events (MACE) as the tear gas, the vocabulary's everyday words of the
    same letters."""
    assert read_as not in concept_names(shared_corpus, question)


# -- Found by a hand review of 20 questions written in a clinician's words, 2026-12-06 ----
# 2456d87 is the commit before; the case below failed there.
def test_a_label_in_bold_is_trimmed_like_any_other(ask: Ask) -> None:
    """ "Which drugs are used for refractory generalized myasthenia gravis?": 2456d87 quoted
    "<b>INTRODUCTION</b>: A phase 2 study of eculizumab …" in the bottom line, the bold of
    PubMed's web page kept in BioASQ's text of the record."""
    answer = ask("Which drugs are used for refractory generalized myasthenia gravis?")
    tagged = [s for s in all_statements(answer) if re.match(r"\s*<", s.text)]
    assert not tagged, quoted(tagged)


# -- Found by a hand review of 20 questions written in a clinician's words, 2026-12-06 ----
# ba95d89 is the commit before; each case below failed there.
@pytest.mark.parametrize(
    ("question", "organ"),
    [
        ("What are the cardiac complications of Emery-Dreifuss muscular dystrophy?", "Heart"),
        ("What are the hepatic manifestations of COVID-19?", "Liver"),
        ("What are the ocular findings in Alport syndrome?", "Eye"),
        ("What are the cutaneous manifestations of systemic lupus erythematosus?", "Skin"),
    ],
)
def test_an_organ_named_by_its_adjective_is_part_of_the_question(
    shared_corpus: Engine, question: str, organ: str
) -> None:
    """ba95d89 dropped every organ a question named by its adjective (11 of 11 in the
    review): "cardiac", "hepatic", "ocular" or "cutaneous" became a generic facet."""
    assert organ in concept_names(shared_corpus, question, ConceptRole.BODY_SYSTEM)


def test_the_organ_asked_about_leads_not_another(ask: Ask) -> None:
    """ "What are the cutaneous manifestations of systemic lupus erythematosus?": ba95d89
    led with "Neurologic manifestations, in special epileptic seizures, are frequent in
    systemic lupus erythematosus" (pmid:18813701). Every sentence that leads must speak of
    the skin."""
    lead = bottom_line(
        ask("What are the cutaneous manifestations of systemic lupus erythematosus?")
    )
    assert lead
    beside = [
        s for s in lead if not re.search(r"cutaneous|skin|rash|dermat|photosensitiv", s.text, re.I)
    ]
    assert not beside, quoted(beside)


def test_one_organ_of_two_asked_about_is_answered(ask: Ask) -> None:
    """ "What are the psychiatric and cardiac complications of Duchenne muscular
    dystrophy?": ba95d89 read it as the dystrophy's adverse effects, said no record
    answered directly and quoted a biomarker study's aim. The corpus states the heart's
    involvement; the bottom line must quote it."""
    lead = bottom_line(
        ask("What are the psychiatric and cardiac complications of Duchenne muscular dystrophy?")
    )
    assert lead
    beside = [s for s in lead if not re.search(r"cardi|heart", s.text, re.I)]
    assert not beside, quoted(beside)


# -- Found reading how BioASQ's train questions are understood, 2026-12-06 ----------------
# 8445bc4 is the commit before; each case below failed there.
@pytest.mark.parametrize(
    ("question", "read_as"),
    [
        ("Is autism thought to be related to the Arginine Vasopressin Peptide (AVP)?", "Thinking"),
        ("Has the companion diagnostic HercepTest received FDA approval?", "Friends"),
        ("List the vaccine strains contained in Fluvirin.", "Sprains and Strains"),
    ],
)
def test_an_everyday_word_is_not_the_concept_it_is_an_entry_term_of(
    shared_corpus: Engine, question: str, read_as: str
) -> None:
    """8445bc4 read "thought", "companion" and "strains" in their everyday senses as MeSH's
    Thinking, Friends and Sprains and Strains, entry terms of concepts the questions do
    not ask about, each a facet no record could meet."""
    assert read_as not in concept_names(shared_corpus, question)


# -- Found by the hand review of 2026-12-06 ("hypertensive" dropped), and in its kind ------
# 79b9097 is the commit before; each case below failed there.
@pytest.mark.parametrize(
    ("question", "disease"),
    [
        (
            "Do ACE inhibitors or ARBs increase mortality in hypertensive patients with COVID-19?",
            "Hypertension",
        ),
        ("Does bariatric surgery lower all-cause mortality in obese patients?", "Obesity"),
        ("Does metformin reduce mortality in diabetic patients?", "Diabetes Mellitus"),
    ],
)
def test_a_disease_named_by_its_adjective_is_the_condition_of_the_people_asked_about(
    shared_corpus: Engine, question: str, disease: str
) -> None:
    """79b9097 dropped "hypertensive", "obese" and "diabetic" before "patients": no
    vocabulary lists these adjectives, so the questions asked about the drug or the
    operation in anyone."""
    assert disease in concept_names(shared_corpus, question, ConceptRole.CONDITION)


# -- Found by a hand review of 20 questions written in a clinician's words, 2026-12-06 ----
# b697337 is the commit before; the case below failed there.
def test_the_complications_of_a_disease_are_what_it_manifests_with(ask: Ask) -> None:
    """ "What are the complications of hereditary hemochromatosis?": b697337 read it as a
    treatment's adverse effects and led with two definitions (the HFE mutations, iron
    storage). The corpus says the disease may "manifest with various symptoms, including
    hepatic dysfunction, diabetes, and cardiomyopathy" (pmid:29134618); a sentence naming
    such a complication must lead."""
    lead = bottom_line(ask("What are the complications of hereditary hemochromatosis?"))
    naming = [
        s
        for s in lead
        if re.search(r"hepat|liver|cirrho|diabet|cardiomyopath|arthr|hypogonad", s.text, re.I)
    ]
    assert naming, quoted(lead)


# -- Found by the same hand review of 2026-12-06 ------------------------------------------
# 7bce4d8 is the commit before; the case below failed there.
def test_the_risk_the_people_asked_about_are_at_is_no_test(ask: Ask) -> None:
    """ "Does inclisiran lower LDL cholesterol in patients at high cardiovascular risk?":
    7bce4d8 read MeSH's Heart Disease Risk Factors as a test every finding must be read
    through ("inclisiran × cardiovascular risk") and said nothing answered, though the
    ORION-1 record states inclisiran's effect on LDL cholesterol."""
    answer = ask("Does inclisiran lower LDL cholesterol in patients at high cardiovascular risk?")
    lead = bottom_line(answer)
    assert lead, [gap.detail for gap in answer.gaps]
    assert all(re.search(r"inclisiran", s.text, re.I) for s in lead), quoted(lead)


# -- Found by the same hand review of 2026-12-06 ------------------------------------------
# 9032e98 is the commit before; the case below failed there.
def test_a_sentence_giving_the_kind_asked_for_leads(ask: Ask) -> None:
    """ "Which test confirms the diagnosis of narcolepsy type 1?": 9032e98 led with two
    approvals of pitolisant for narcolepsy and said no record spoke to diagnosis, though
    "A low level of hypocretin-1/orexin-A in the cerebrospinal fluid is sufficient to
    diagnose narcolepsy type 1 …" (pmid:35624073) was found, more likely than not an answer
    but under the answer threshold."""
    answer = ask("Which test confirms the diagnosis of narcolepsy type 1?")
    lead = bottom_line(answer)
    assert lead and re.search(r"diagnos", lead[0].text, re.I), quoted(lead)
    assert not [gap.detail for gap in answer.gaps if "diagnosis" in gap.detail]


# -- Found by the same hand review of 2026-12-06 ------------------------------------------
# 9f01453 is the commit before; the case below failed there.
def test_the_kind_of_thing_a_which_question_asks_for_is_no_facet(
    shared_corpus: Engine, ask: Ask
) -> None:
    """ "Which gene is mutated in Wilson's disease?": 9f01453 read MeSH's Genes as a facet
    the answer must name, and its gap said no record about Wilson's disease spoke to
    "gene" under a bottom line naming the gene."""
    question = "Which gene is mutated in Wilson's disease?"
    assert "Genes" not in concept_names(shared_corpus, question)
    answer = ask(question)
    assert bottom_line(answer)
    assert not [gap.detail for gap in answer.gaps if "gene" in gap.detail]


# -- Found by a hand review of 20 questions written in a clinician's words, 2026-12-06 ----
# 8a5432d is the commit before; the case below failed there.
def test_an_organ_in_a_disease_s_name_is_no_facet_of_its_own(
    shared_corpus: Engine, ask: Ask
) -> None:
    """ "How should cerebral arterial gas embolism be treated?": 8a5432d read "cerebral"
    as the brain, a facet of its own that took the place of the treatment asked for, and
    led with "Cerebral arterial gas embolism is a potentially life-threatening event."
    The corpus holds "Hyperbaric oxygen therapy is the treatment of choice for cerebral
    arterial gas embolism …" (pmid:26361384)."""
    question = "How should cerebral arterial gas embolism be treated?"
    assert "Brain" not in concept_names(shared_corpus, question)
    lead = bottom_line(ask(question))
    assert any(re.search(r"hyperbaric", s.text, re.I) for s in lead), quoted(lead)


# -- Found reading the rule above against review 8's questions, 2026-12-06 -----------------
# 4175344 is the commit before; each case below failed there.
@pytest.mark.parametrize(
    ("question", "drug_class"),
    [
        (
            "Which NSAID carries the highest risk of serious upper gastrointestinal complications?",
            "Non-Steroidal Anti-Inflammatory Agents",
        ),
        ("Which statin is safest in pregnancy?", "Hydroxymethylglutaryl-CoA Reductase Inhibitors"),
    ],
)
def test_a_class_of_drugs_a_which_question_opens_with_is_kept(
    shared_corpus: Engine, question: str, drug_class: str
) -> None:
    """4175344 dropped the noun a "which" question opens with whatever it was, so "Which
    NSAID …?" asked about no drug at all: a class of drugs says which drugs it asks about."""
    assert drug_class in concept_names(shared_corpus, question)


# -- Found reading review 8's pages again, 2026-12-06 ---------------------------------------
# d3fcded is the commit before; the case below failed there.
BARE_LABEL = re.compile(r"(?:OBJECTIVES?|DESIGN|METHODS|RESULTS|CONCLUSIONS?|BACKGROUND)\b")


def test_a_label_run_into_the_text_is_a_label(ask: Ask) -> None:
    """ "Which NSAID carries the highest risk of serious upper gastrointestinal
    complications?": d3fcded led with "OBJECTIVE To compare the relative risks …"
    (scifact:21958900), SciFact's abstracts running their labels into the text without a
    colon, so the objective was read as background, which may lead a "which" question.
    The same record's results name the drugs ("Ibuprofen ranked lowest …")."""
    answer = ask(
        "Which NSAID carries the highest risk of serious upper gastrointestinal complications?"
    )
    lead = bottom_line(answer)
    assert not any(re.match(r"(?:OBJECTIVE )?To compare", s.text) for s in lead), quoted(lead)
    labelled = [s for s in all_statements(answer) if BARE_LABEL.match(s.text)]
    assert not labelled, quoted(labelled)


# 2fd7cf0 is the commit before; the case below failed there.
def test_a_trial_arm_named_by_its_last_word_states_the_relation(ask: Ask) -> None:
    """ "Does the ketogenic diet reduce seizures in epileptic children who have failed
    antiepileptic drugs?" (review 8): 2fd7cf0 said no record answered, while its research
    quoted the trial's result, "… seizures was significantly lower in the diet group than
    in the controls …" (scifact:23670644): a trial's results call its arm "the diet
    group", not by the whole name the question uses."""
    answer = ask(
        "Does the ketogenic diet reduce seizures in epileptic children who have failed "
        "antiepileptic drugs?"
    )
    lead = bottom_line(answer)
    assert any(re.search(r"diet group", s.text) for s in lead), quoted(lead)


# -- Found by a hand review of 20 questions written in a clinician's words (review 9) -----
# 996b8b0 is the commit before; the case below failed there.
def test_research_quotes_what_the_studies_found_before_their_aims(ask: Ask) -> None:
    """ "Are the Awaji criteria more sensitive than the revised El Escorial criteria for
    diagnosing ALS?": 996b8b0's research quoted two aims ("To assess the sensitivity and
    specificity of the Awaji and revised El Escorial diagnostic criteria …") of records
    whose results it left out."""
    answer = ask(
        "Are the Awaji criteria more sensitive than the revised El Escorial criteria for "
        "diagnosing ALS?"
    )
    research = [
        s
        for section in answer.sections
        if section.kind is SectionKind.RESEARCH
        for s in section.statements
    ]
    aims = [s for s in research if re.match(r"To (?:assess|compare|evaluate)\b", s.text)]
    assert research and not aims, quoted(aims)


# c023fd6 is the commit before; the case below failed there.
def test_a_sentence_on_the_kind_asked_of_the_subject_answers(ask: Ask) -> None:
    """ "How is cystic fibrosis diagnosed?": c023fd6 led with a case of vitamin E
    deficiency and a fatty-acid finding; "Sweat chloride test is the gold standard test for
    cystic fibrosis (CF) diagnosis." (pmid:24485874, relevance 0.64) spoke to the kind
    asked but was held to the threshold, its facet naming the disease as well."""
    lead = bottom_line(ask("How is cystic fibrosis diagnosed?"))
    assert any(re.search(r"[Ss]weat chloride", s.text) for s in lead), quoted(lead)


# 471a638 is the commit before; the case below failed there.
def test_a_record_s_own_short_form_names_the_concept(ask: Ask) -> None:
    """ "Do macrolide antibiotics given to newborns cause pyloric stenosis?": 471a638 said no
    record answered. The cohort (scifact:21239672) spells out infantile hypertrophic
    pyloric stenosis once and writes IHPS after ("… strongly associated with IHPS …"),
    and each sentence, read alone, named no outcome."""
    answer = ask("Do macrolide antibiotics given to newborns cause pyloric stenosis?")
    lead = bottom_line(answer)
    assert any(s.record_id == "scifact:21239672" and "IHPS" in s.text for s in lead), quoted(
        all_statements(answer)
    )


# 7903b31 is the commit before; the case below failed there.
def test_a_cause_is_answered_by_the_mechanism_it_works_by(ask: Ask) -> None:
    """ "What causes loss of smell in COVID-19?": 7903b31 led with a list of long-COVID
    symptoms, and the record on how the virus silences olfactory receptor genes
    (pmid:33594368), "… a novel molecular mechanism by which a virus … can elicit
    persistent transcriptional changes …" (0.58), was held to the answer threshold."""
    lead = bottom_line(ask("What causes loss of smell in COVID-19?"))
    assert any(s.record_id == "pmid:33594368" for s in lead), quoted(lead)


# 205cbe3 is the commit before; the case below failed there.
def test_a_share_of_people_speaks_to_how_common(ask: Ask) -> None:
    """ "How common are long-term sequelae after bacterial meningitis?": 205cbe3 led with
    "The median (IQR) risk of at least one major sequela was 24.7% …" (scifact:27866735)
    and then said no record spoke to the epidemiology of bacterial meningitis: a share is
    how common something is, whatever its words."""
    answer = ask("How common are long-term sequelae after bacterial meningitis?")
    assert bottom_line(answer), quoted(all_statements(answer))
    false_gaps = [g.detail for g in answer.gaps if "epidemiology" in g.facet]
    assert not false_gaps, false_gaps


# bda6cc6 is the commit before; the case below failed there.
def test_an_organ_is_named_by_its_adjective_in_the_records(ask: Ask) -> None:
    """ "How does cyclosporine cause kidney damage?": bda6cc6 said "No record in the index
    speaks to kidney." while quoting "… cyclosporine A (CsA) nephrotoxicity (CCN) is a
    major cause of chronic renal dysfunction …" (scifact:238409): abstracts write "renal"
    where the question says "kidney"."""
    answer = ask("How does cyclosporine cause kidney damage?")
    false_gaps = [g.detail for g in answer.gaps if g.facet.lower() == "kidney"]
    assert not false_gaps, false_gaps


# f3216b0 is the commit before; the case below failed there.
def test_a_psychotherapy_is_an_intervention(shared_corpus: Engine) -> None:
    """ "Is cognitive behavioral therapy better than zopiclone for insomnia in older
    adults?": f3216b0 dropped cognitive behavioral therapy (MeSH F04.754, psychotherapy,
    had no role) and compared zopiclone with nothing (review 9)."""
    question = "Is cognitive behavioral therapy better than zopiclone for insomnia in older adults?"
    assert "Cognitive Behavioral Therapy" in concept_names(
        shared_corpus, question, ConceptRole.INTERVENTION
    )


# 4d3616d is the commit before; the case below failed there.
def test_a_british_spelling_with_a_suffix_is_the_american_name(shared_corpus: Engine) -> None:
    """ "Does cognitive behavioural therapy help insomnia?": 4d3616d folded "behaviour" to
    "behavior" but not "behavioural", and read only "therapy"."""
    question = "Does cognitive behavioural therapy help insomnia?"
    assert "Cognitive Behavioral Therapy" in concept_names(shared_corpus, question)


# 47b2dbd is the commit before; the case below failed there.
@pytest.mark.parametrize(
    "question",
    [
        "What is the multisystem inflammatory syndrome in children (MIS-C) associated with "
        "COVID-19?",
        "Have chimeric antigen receptor (CAR)-T cell therapies been approved for the treatment "
        "of B cell malignancies?",
    ],
)
def test_a_short_form_of_a_concept_asked_is_no_name_of_its_own(
    shared_corpus: Engine, question: str
) -> None:
    """47b2dbd kept "MIS-C" and "CAR", short forms of concepts these questions name, as
    names no vocabulary knows as well: a facet and a subject of their own that no sentence
    met, a text's short form counting for the concept (BioASQ train; the second found
    reading answers of the report split)."""
    assert not concept_names(shared_corpus, question, ConceptRole.KEYWORD)


STATED_AIM_OR_METHOD = re.compile(
    r"^(?:our|this)\s+study\s+(?:sought|aims)\s+to\b|^we\s+performed\s+an?\s+[\w\s,-]*study\b",
    re.IGNORECASE,
)
"""Openings that say what a study set out to do or how it was done (the oracle of the
case below, written for its three sentences)."""


# c1f5666 is the commit before; the case below failed there.
@pytest.mark.parametrize(
    "question",
    [
        "Are the Awaji criteria more sensitive than the revised El Escorial criteria for "
        "diagnosing ALS?",
        "Which EEG criteria are used to diagnose nonconvulsive status epilepticus?",
        "What is the long-term prognosis of elderly patients treated in intensive care?",
    ],
)
def test_a_stated_aim_is_no_bottom_line(ask: Ask, question: str) -> None:
    """c1f5666 led these with what an unlabelled abstract's study set out to do ("Our study
    sought to compare the roles of AC and rEEC …", "This study aims to establish a
    stratification score …") or how ("We performed an external, retrospective, diagnostic
    accuracy study …"): the role model read them as findings (hand reviews)."""
    statements = bottom_line(ask(question))
    assert statements
    assert not [s for s in statements if STATED_AIM_OR_METHOD.search(s.text)], quoted(statements)


# 9765d99 is the commit before; the case below failed there.
def test_the_background_under_an_objective_label_may_answer(ask: Ask) -> None:
    """ "What is the treatment of cerebral arterial gas embolism?": 9765d99 led with "Computed
    tomography scan findings are described in cerebral arterial gas embolism in two
    patients …", as the record that states the treatment does so under its OBJECTIVE
    label ("Hyperbaric oxygenation is the accepted treatment for cerebral arterial gas
    embolism."), and an objective never leads an answer."""
    statements = bottom_line(ask("What is the treatment of cerebral arterial gas embolism?"))
    assert not [s for s in statements if s.text.startswith("Computed tomography")], quoted(
        statements
    )
    assert any(s.record_id == "pmid:23632435" for s in statements), quoted(statements)


# 479889d is the commit before; the case below failed there.
def test_a_name_written_as_one_word_names_the_concept(ask: Ask, shared_corpus: Engine) -> None:
    """ "What are the early complications of corneal cross-linking for keratoconus?":
    479889d cited nothing ("No record in the index about keratoconus speaks to corneal
    cross-linking"), as the record on them writes "corneal collagen crosslinking", and
    MeSH only "Corneal Collagen Cross-Linking" (review 11)."""
    answer = ask("What are the early complications of corneal cross-linking for keratoconus?")
    cited = [s.record_id for s in all_statements(answer)]
    assert "pmid:26432132" in cited, quoted(all_statements(answer))
    text = record_text(shared_corpus, "pmid:26432132")
    assert re.search(r"crosslinking", text) and not re.search(r"cross-linking", text, re.I)


# 6b0e352 is the commit before; the case below failed there.
def test_an_abbreviation_no_vocabulary_spells_out_is_met_as_the_corpus_spells_it(
    ask: Ask, shared_corpus: Engine
) -> None:
    """ "Does HES increase bleeding after CPB compared with albumin?": 6b0e352 kept HES as
    written, as MeSH names no "hydroxyethyl starch", and its bottom line said no record
    answered directly, while its research quoted the meta-analysis that does, which writes
    the starch out (review 11)."""
    statements = bottom_line(ask("Does HES increase bleeding after CPB compared with albumin?"))
    assert any(s.record_id == "scifact:36288526" for s in statements), quoted(statements)
    assert "HES" not in record_text(shared_corpus, "scifact:36288526")


# fb01157 is the commit before; the case below failed there.
def test_an_operation_called_surgery_is_read_as_the_operation(shared_corpus: Engine) -> None:
    """ "Do statins protect the kidneys after heart surgery?": fb01157 read "heart surgery" as
    MeSH's specialty Thoracic Surgery, whose entry term it is, and dropped it (review 11)."""
    question = "Do statins protect the kidneys after heart surgery?"
    assert "Cardiac Surgical Procedures" in concept_names(shared_corpus, question)


# 5ec0ba2 is the commit before; the case below failed there.
@pytest.mark.parametrize(
    ("question", "record_id", "answer"),
    [
        (
            "Are self-reported symptoms reliable for screening elite athletes for "
            "exercise-induced asthma?",
            "scifact:38882175",
            "Self-reported symptoms by elite athletes are not reliable in identifying EIA.",
        ),
        (
            "Does lorcaserin increase the risk of cancer?",
            "pmid:33258543",
            "The current evidence does not confirm the increased risk of cancer with lorcaserin",
        ),
    ],
)
def test_the_sentence_more_likely_to_answer_leads_over_one_with_numbers(
    ask: Ask, question: str, record_id: str, answer: str
) -> None:
    """5ec0ba2 led these with another sentence of the same abstract giving numbers ("91% of
    PFT positive and 48% of PFT normal athletes reported at least one symptom of EIA …",
    "From 11 trials, comprising 21,299 individuals, …"), the model surer of the sentence
    that answers, but a clinician's preference for numbers added to the probability
    (review 11 and the questions of earlier reviews). "Which NSAID carries the highest
    risk …?" changed too, but is no case here: its three best sentences lie within 0.03 of
    each other and order differently with the lowest dependency versions CI tests, so
    which leads there is a tie, not this rule."""
    statements = bottom_line(ask(question))
    assert statements, question
    first = statements[0]
    assert (first.record_id, first.text[: len(answer)]) == (record_id, answer), quoted(statements)


# 5dafc1e is the commit before; the case below failed there.
@pytest.mark.parametrize(
    ("question", "record_id", "subject"),
    [
        ("Do statins protect the kidneys after heart surgery?", "scifact:40156901", "statin"),
        (
            "Can a single high-sensitivity troponin T test rule out myocardial infarction in "
            "the emergency department?",
            "scifact:34873974",
            "troponin t",
        ),
    ],
)
def test_a_yes_no_question_naming_no_outcome_is_led_by_a_sentence_naming_its_subject(
    ask: Ask, question: str, record_id: str, subject: str
) -> None:
    """Neither question names an outcome the reading knows ("kidneys" is an organ,
    "rule out" a use), and each was led by an equally relevant sentence of the study
    that does not name what it asks about: its predictors of kidney injury ("Estimated
    preoperative glomerular filtration rate (p = 0.003), diabetes mellitus …"), and its
    pooled sensitivity at a cut-off (review 11 and a question of an earlier review)."""
    statements = bottom_line(ask(question))
    assert statements, question
    first = statements[0]
    assert first.record_id == record_id, quoted(statements)
    assert subject in first.text.lower(), quoted(statements)


# 68ddd13 is the commit before; the case below failed there.
@pytest.mark.parametrize(
    ("question", "record_id", "definition"),
    [
        (
            "What is Hunter syndrome?",
            "pmid:31046699",
            "Hunter syndrome (mucopolysaccharidosis type II) is a recessive X-linked disorder",
        ),
        ("What is achalasia?", "pmid:19253525", "Achalasia is an infrequent primary motility"),
        ("What is erenumab?", "pmid:30360965", "Erenumab is a novel CGRP-receptor antibody"),
    ],
)
def test_a_question_asking_what_something_is_is_led_by_what_it_is(
    ask: Ask, question: str, record_id: str, definition: str
) -> None:
    """68ddd13 led these with sentences speaking of them, not saying what they are: "Bow
    Hunter's Syndrome is a mechanical occlusion of the vertebral artery …" (a name
    collision, on the page's first line), "Various syndromes include achalasia in their
    symptomatology …", "Aimovig (erenumab; erenumab-aooe in the United States) is the only
    US Food and Drug Administration (FDA)-approved …" (questions read by hand)."""
    statements = bottom_line(ask(question))
    assert statements, question
    first = statements[0]
    assert (first.record_id, first.text[: len(definition)]) == (record_id, definition), quoted(
        statements
    )


# 0d7a5dd is the commit before; the case below failed there.
def test_a_bottom_line_saying_what_explains_it_leaves_no_gap_on_etiology(ask: Ask) -> None:
    """ "What causes the increased peripheral airway resistance in COPD?": 0d7a5dd answered
    with "These results show that narrowing and disappearance of small conducting airways
    … can explain the increased peripheral airway resistance reported in COPD.", and said
    beneath it that no record about COPD spoke to etiology (review 12)."""
    answer = ask("What causes the increased peripheral airway resistance in COPD?")
    statements = bottom_line(answer)
    assert any("can explain" in s.text for s in statements), quoted(statements)
    assert not [gap.detail for gap in answer.gaps if "etiology" in gap.detail]


# 9e3a433 is the commit before; the case below failed there.
@pytest.mark.parametrize(
    ("question", "record_id", "conclusion"),
    [
        (
            "Is hypoglycemia unawareness in type 1 diabetics caused by autonomic neuropathy?",
            "scifact:7011850",
            "Unawareness of hypoglycaemia and inadequate glucose counterregulation during "
            "hypoglycaemia are related to each other but are not due to autonomic neuropathy.",
        ),
        (
            "Is letrozole better than gonadotropins for women who failed to conceive on clomid?",
            "scifact:22534357",
            "In patients who failed to conceive with CC, gonadotropins have higher PR for "
            "ovulation induction than letrozole.",
        ),
        (
            "Does pravastatin prevent heart attacks in men with high cholesterol who have "
            "never had one?",
            "scifact:43629704",
            "Treatment with pravastatin significantly reduced the incidence of myocardial "
            "infarction",
        ),
    ],
)
def test_a_yes_no_question_is_settled_by_the_conclusion_of_the_study(
    ask: Ask, question: str, record_id: str, conclusion: str
) -> None:
    """9e3a433 led these with a results line of the same study: an association that is not
    the cause asked ("Unawareness of hypoglycaemia and inadequate hypoglycaemic
    counterregulation were significantly associated (p less than 0.01)."), a subgroup
    ("Among individuals who failed to conceive with less than three cycles of CC …"), the
    counts of events in each arm (review 12 and the questions of earlier reviews)."""
    statements = bottom_line(ask(question))
    assert statements, question
    first = statements[0]
    assert first.record_id == record_id, quoted(statements)
    assert conclusion in first.text, quoted(statements)


# 7915c2f is the commit before; both cases below failed there.
@pytest.mark.parametrize(
    ("question", "record_id", "answer"),
    [
        (
            "Does dexamethasone increase the risk of bleeding after tonsillectomy in kids?",
            "scifact:23349986",
            "dexamethasone decreased the risk of PONV dose dependently but was associated with "
            "an increased risk of postoperative bleeding",
        ),
        (
            "Is exercise training safe for patients with severe pulmonary hypertension?",
            "scifact:2820454",
            "Exercise training was well tolerated",
        ),
    ],
)
def test_a_conclusion_saying_less_of_the_question_does_not_replace_the_finding(
    ask: Ask, question: str, record_id: str, answer: str
) -> None:
    """7915c2f put in place of the answering sentence any conclusion of its study: the
    count of children reoperated for bleeding (a sentence under the conclusions, naming
    no risk), and "… respiratory and physical training could be a promising adjunct …",
    which names neither exercise training nor its safety (the questions of earlier
    reviews, and review 12)."""
    statements = bottom_line(ask(question))
    assert statements, question
    first = statements[0]
    assert first.record_id == record_id, quoted(statements)
    assert answer in first.text, quoted(statements)


# 7915c2f is the commit before; the case below failed there.
def test_a_food_asked_as_a_remedy_must_be_named_by_what_answers(ask: Ask) -> None:
    """ "Does honey relieve cough in children with colds?": 7915c2f read honey (placed by
    MeSH among foods and among the phenomena of diet) as an outcome, so a sentence naming
    cough and colds stated the relation asked, and the page was led by phenylpropanolamine
    "in cough and cold remedies" as a risk factor for stroke in women (the questions of
    earlier reviews). The corpus holds no record on honey for cough: nothing is cited."""
    answer = ask("Does honey relieve cough in children with colds?")
    assert "honey" in [
        c.name.lower() for c in answer.understanding.with_role(ConceptRole.INTERVENTION)
    ]
    assert not all_statements(answer), quoted(all_statements(answer))


# 7915c2f is the commit before; the case below failed there.
def test_an_amount_of_something_else_does_not_lead(ask: Ask) -> None:
    """ "How often does metformin cause lactic acidosis?": 7915c2f led with "Thirty (64
    percent) had preexisting cardiac disease, of whom 18 had histories of congestive heart
    failure." (review 12), the most relevant sentence of a letter counting reports of
    lactic acidosis. Every sentence of the bottom line names what is counted (its
    abbreviation MALA included, as the record defines it)."""
    statements = bottom_line(ask("How often does metformin cause lactic acidosis?"))
    assert statements
    for statement in statements:
        assert re.search(r"lactic acidosis|\bMALA\b", statement.text), quoted(statements)


# 1495bc1 is the commit before; the cases below failed there.
def test_a_yes_no_question_whether_x_causes_y_has_no_gap_on_etiology(ask: Ask) -> None:
    """ "Does adding aliskiren to an ACE inhibitor or ARB cause hyperkalemia?": 1495bc1 led
    with the meta-analysis's relative risk of hyperkalaemia (1.58) and said beneath it
    "No record in the index about hyperkalemia speaks to etiology." (review 13)."""
    answer = ask("Does adding aliskiren to an ACE inhibitor or ARB cause hyperkalemia?")
    statements = bottom_line(answer)
    assert statements and statements[0].record_id == "scifact:1759213", quoted(statements)
    assert not [gap.detail for gap in answer.gaps if "etiology" in gap.detail]


def test_a_disease_named_by_its_eponym_alone_is_the_disease(shared_corpus: Engine) -> None:
    """ "Can a bad head injury as a young man cause Alzheimer's decades later?": 1495bc1
    kept "Alzheimer" as a word no vocabulary knows (review 13)."""
    question = "Can a bad head injury as a young man cause Alzheimer's decades later?"
    assert "Alzheimer Disease" in concept_names(shared_corpus, question, ConceptRole.CONDITION)


def test_an_abbreviation_of_a_disease_in_both_vocabularies_is_one_concept(
    shared_corpus: Engine, ask: Ask
) -> None:
    """ "Do ADHD meds like Ritalin or Adderall increase the risk of MI or stroke in
    adults?": 1495bc1 read ADHD as the Disease Ontology's term alone and refused five
    records on "attention-deficit/hyperactivity disorder" as mainly about another disease
    (review 13): the corpus spells the name so, and with its slash read as a clause break
    that named nothing, so the corpus's definitions of ADHD counted for neither
    vocabulary's concept."""
    question = "Do ADHD meds like Ritalin or Adderall increase the risk of MI or stroke in adults?"
    adhd = next(c for c in shared_corpus.understand(question).concepts if c.mention == "ADHD")
    assert {"D001289", "DOID:1094"} <= set(adhd.ids)
    refused = [label for _, label in ask(question).refused]
    assert not [label for label in refused if "hyperactivity" in label], refused


GLUED_LABEL = re.compile(r"[a-z\d)]\.[A-Z][A-Z ]{3,}:")
"""A sentence end with the next section's label glued to it (".INTERPRETATION:")."""


def test_a_section_label_glued_to_a_sentence_ends_it(ask: Ask) -> None:
    """ "Does tranexamic acid improve functional outcome after intracerebral
    haemorrhage?": 1495bc1 quoted "None of the deaths was considered related to study
    medication.INTERPRETATION: Our study does not provide evidence …" as one sentence, a
    BioASQ document running its sections together with no space (review 12)."""
    answer = ask("Does tranexamic acid improve functional outcome after intracerebral haemorrhage?")
    statements = all_statements(answer)
    assert statements
    glued = [s for s in statements if GLUED_LABEL.search(s.text)]
    assert not glued, quoted(glued)


# 423ad6d is the commit before; the case below failed there.
def test_deaths_asked_are_met_by_mortality_and_died(ask: Ask) -> None:
    """ "Does repeated-dose activated charcoal reduce deaths after pesticide
    self-poisoning?": 423ad6d cited nothing (review 13), no sentence of the trial naming
    death as the question does ("97 (6.3%) of 1531 participants in the multiple-dose
    group died …", "Mortality did not differ between the groups.")."""
    answer = ask(
        "Does repeated-dose activated charcoal reduce deaths after pesticide self-poisoning?"
    )
    statements = bottom_line(answer)
    assert statements and statements[0].record_id == "scifact:12209494", quoted(statements)
    assert re.search(r"\bdied\b|[Mm]ortality", statements[0].text), quoted(statements)


# a902272 is the commit before; the case below failed there.
def test_a_subtype_asked_by_its_code_is_answered_by_the_sentence_naming_it(ask: Ask) -> None:
    """ "Which gene is mutated in Fanconi anemia subtype FA-N?": a902272 dropped "FA-N" and
    led with "Biallelic BRCA2 mutations cause Fanconi anemia subtype FA-D1 …", the gene of
    another subtype (review 13). The same record names PALB2 for FA-N."""
    statements = bottom_line(ask("Which gene is mutated in Fanconi anemia subtype FA-N?"))
    assert statements and "PALB2" in statements[0].text, quoted(statements)


# ba7e115 is the commit before; the case below failed there.
def test_a_measure_of_the_accuracy_asked_leads_though_the_model_scores_it_low(ask: Ask) -> None:
    """ "How accurate is serum fructosamine for diagnosing diabetes?": ba7e115 led with a
    hazard ratio of diabetes to come and the context line "Fructosamine is a glycemic
    biomarker which may be useful …" (review 13); the sentence giving the area under the
    curve, sensitivity and specificity scored 0.65, below the threshold."""
    statements = bottom_line(ask("How accurate is serum fructosamine for diagnosing diabetes?"))
    assert statements, "nothing cited"
    assert re.search(r"area under curve|sensitivity", statements[0].text), quoted(statements)


# 2aeae77 is the commit before; the case below failed there.
def test_people_named_by_their_disease_at_diagnosis_ask_no_diagnosis(
    shared_corpus: Engine,
) -> None:
    """ "How many celiac patients are overweight at diagnosis?": 2aeae77 dropped celiac
    disease, and read the diagnosis, a point in time, as a kind asked (review 13)."""
    question = shared_corpus.understand("How many celiac patients are overweight at diagnosis?")
    assert "Celiac Disease" in [c.name for c in question.with_role(ConceptRole.CONDITION)]
    assert QuestionType.DIAGNOSIS not in question.types


# db03a78 is the commit before; the case below failed there.
def test_a_word_ending_as_an_adjective_is_no_subject_every_lead_must_name(ask: Ask) -> None:
    """ "Does preconception care reduce congenital anomalies in babies of mothers with
    pregestational diabetes?": db03a78 took "pregestational", which no vocabulary knows, for
    the question's subject, so a sentence had to say it to lead; the bottom line said no
    record answered, over a meta-analysis whose conclusion does (the questions of earlier
    reviews)."""
    question = (
        "Does preconception care reduce congenital anomalies in babies of mothers with "
        "pregestational diabetes?"
    )
    statements = bottom_line(ask(question))
    assert statements and statements[0].record_id == "scifact:76463821", quoted(statements)


# 2cd5dec is the commit before; the case below failed there.
def test_whose_risk_is_asked_is_no_outcome_nor_cause(ask: Ask) -> None:
    """ "Does pre-eclampsia increase the mother's later risk of cancer?": 2cd5dec read the
    mother (a finding: MeSH files mothers under family behaviour too) as the outcome, then
    as what had to be named beside cancer, and cited nothing; the Jerusalem perinatal
    cohort concludes on it (a fresh question of this session)."""
    statements = bottom_line(ask("Does pre-eclampsia increase the mother's later risk of cancer?"))
    assert statements and statements[0].record_id == "scifact:15512462", quoted(statements)


# abbc931 is the commit before; the case below failed there.
def test_a_question_asking_a_test_s_accuracy_is_led_by_its_sensitivity(ask: Ask) -> None:
    """ "How accurate is RT-QuIC on CSF for diagnosing CJD?": abbc931 led with the older
    assay's "… misses 11 to 23% of CJD cases.", and the study's "… giving 95.8% diagnostic
    sensitivity and 100% specificity." was not on the page (review 12)."""
    statements = bottom_line(ask("How accurate is RT-QuIC on CSF for diagnosing CJD?"))
    assert statements
    assert "95.8% diagnostic sensitivity and 100% specificity" in statements[0].text, quoted(
        statements
    )


# 03a216d is the commit before; the case below failed there.
def test_a_name_asked_what_it_is_is_defined_in_the_question_s_words(ask: Ask) -> None:
    """ "What is cancer-associated cachexia?": 03a216d led with "Thus, inhibition of WAT
    browning represents a promising approach to ameliorate cachexia in cancer patients.",
    and the record's "Cancer-associated cachexia (CAC) is a wasting syndrome …" stood in
    the research: its concept is only cachexia, which the definition does not open with
    (a question read by hand)."""
    statements = bottom_line(ask("What is cancer-associated cachexia?"))
    assert statements
    first = statements[0]
    assert first.record_id == "scifact:26902591", quoted(statements)
    assert first.text.startswith("Cancer-associated cachexia (CAC) is a wasting syndrome")


# 48fce4e is the commit before; the cases below failed there.
def test_everyday_names_no_vocabulary_lists_are_read_as_their_concepts(ask: Ask) -> None:
    """ "Does desmopressin help kids who wet the bed?": 48fce4e read "bed" as Beds and
    dropped "kids", and led with "Risks associated with bed sharing are greatly increased
    …" (sudden infant death) and a line on copeptin in healthy adults (review 14). Read as
    children and nocturnal enuresis, on which the corpus holds nothing, nothing is cited."""
    answer = ask("Does desmopressin help kids who wet the bed?")
    names = [concept.name for concept in answer.understanding.concepts]
    assert "Nocturnal Enuresis" in names and "Child" in names and "Beds" not in names
    assert not all_statements(answer), quoted(all_statements(answer))


def test_a_drink_named_as_people_say_it_leads_to_the_studies_of_it(ask: Ask) -> None:
    """ "Do sugary drinks cause weight gain in children?": 48fce4e dropped "sugary drinks",
    and a book on weight gain in pregnancy stood in the bottom line and the guidelines
    (review 14). Every statement now names sugar-sweetened beverages or their drinks."""
    answer = ask("Do sugary drinks cause weight gain in children?")
    statements = all_statements(answer)
    assert statements
    for statement in statements:
        assert re.search(
            r"sugar-sweetened|\bSSBs?\b|beverage|drink|soda|fruit punch", statement.text, re.I
        ), quoted(statements)


# cb02744 is the commit before; the case below failed there.
def test_older_adults_are_the_aged_not_adults(ask: Ask) -> None:
    """ "Do severe hypos raise the risk of dementia in elderly T2DM patients?": 48fce4e read
    "severe hypos" as an unknown phrase and cb02744 cited nothing, no record on the aged
    speaking to the question, though the cohort answering it is of "older patients with
    type 2 diabetes" (review 14): MeSH names the aged only "Elderly", and "older adults"
    was read as adults."""
    answer = ask("Do severe hypos raise the risk of dementia in elderly T2DM patients?")
    statements = all_statements(answer)
    assert {s.record_id for s in statements} == {"scifact:13282296"}, quoted(statements)
    assert any(re.search(r"HR, 1\.26", s.text) for s in statements), quoted(statements)


# c0827c5 is the commit before; the case below failed there.
def test_a_trial_is_shown_with_the_number_it_randomised(ask: Ask) -> None:
    """ "Does laparoscopic adhesiolysis relieve chronic abdominal pain from adhesions?":
    c0827c5 showed the trial as n = 116, those enrolled; "Of 116 patients enrolled for
    diagnostic laparoscopy, 100 were randomly allocated …" (review 14)."""
    answer = ask("Does laparoscopic adhesiolysis relieve chronic abdominal pain from adhesions?")
    sizes = {r.record_id: r.sample_size for r in answer.references}
    assert sizes.get("scifact:3190689") == 100, sizes


# 136c721 is the commit before; the case below failed there.
def test_a_finding_on_the_treatment_asked_speaks_to_treatment(ask: Ask) -> None:
    """ "Which works better for chronic tension-type headache: amitriptyline, stress
    management, or both?": 136c721 led with "Further placebo-controlled trials, possibly
    with higher doses of amitriptyline, might confirm …", which says "treatment", over the
    finding of the same trial, which does not (review 14)."""
    question = (
        "Which works better for chronic tension-type headache: amitriptyline, stress "
        "management, or both?"
    )
    statements = bottom_line(ask(question))
    assert statements and "significantly reduced" in statements[0].text, quoted(statements)


# fd44050 is the commit before; the case below failed there.
def test_what_a_verb_of_relief_changes_must_be_named_by_what_answers(ask: Ask) -> None:
    """ "Does baclofen stop persistent hiccups?": fd44050 read no outcome ("stop" was no
    verb of effect) and quoted reviews of baclofen for cramps in motor neurone disease,
    under a gap saying no record spoke to hiccups (review 15). The corpus holds nothing on
    baclofen for hiccups: nothing is cited."""
    answer = ask("Does baclofen stop persistent hiccups?")
    assert "D006606" in answer.understanding.outcomes
    assert not all_statements(answer), quoted(all_statements(answer))


# d8a0fce is the commit before; the case below failed there.
def test_a_diet_named_as_people_say_it_leads_to_its_trial(ask: Ask) -> None:
    """ "Does the keto diet reduce seizures in children with epilepsy that hasn't responded
    to meds?": d8a0fce kept "keto" and "hasn" (of "hasn't") as names every answer had to
    use, and cited nothing, though the corpus holds a randomised trial of the ketogenic
    diet in childhood epilepsy (review 16)."""
    answer = ask(
        "Does the keto diet reduce seizures in children with epilepsy that hasn't "
        "responded to meds?"
    )
    names = [c.name for c in answer.understanding.concepts]
    assert "Ketogenic Diet" in names and not any(n.lower() == "hasn" for n in names), names
    statements = bottom_line(answer)
    assert statements and statements[0].record_id == "scifact:23670644", quoted(statements)
    assert re.search(r"seizure", statements[0].text), quoted(statements)


# d34a520 is the commit before; the case below failed there.
def test_a_yes_no_question_after_its_setting_is_settled_by_a_finding(ask: Ask) -> None:
    """ "In pregnant women with type 1 diabetes, does wearing a CGM improve newborn
    outcomes?": opening with its setting, the question was read as no yes/no question, and
    the trial's background led ("… neonatal outcomes attributed to maternal
    hyperglycaemia remain suboptimal"), not its finding (review 16)."""
    answer = ask(
        "In pregnant women with type 1 diabetes, does wearing a CGM improve newborn outcomes?"
    )
    statements = bottom_line(answer)
    assert statements and statements[0].record_id == "scifact:29387024", quoted(statements)
    assert re.search(r"associated with improved neonatal outcomes", statements[0].text), quoted(
        statements
    )


# 7fa4d27 is the commit before; the case below failed there.
def test_a_sentence_stating_the_aim_does_not_lead(ask: Ask) -> None:
    """ "Surgery or sling for displaced proximal humerus fractures in older adults - how do
    outcomes compare?" was led by "BACKGROUND The aim of the study was to report the
    2-year outcome after …", an aim under a background's label (review 16)."""
    answer = ask(
        "Surgery or sling for displaced proximal humerus fractures in older adults - how do "
        "outcomes compare?"
    )
    statements = bottom_line(answer)
    assert statements, quoted(statements)
    for statement in statements:
        assert not re.match(r"The aim\b", statement.text), quoted(statements)


# 06cc9f8 is the commit before; the cases below failed there.
def test_a_question_asking_a_share_is_led_by_the_share(ask: Ask) -> None:
    """ "What percentage of weight loss surgery candidates have depression?" was read as
    about weight loss, as a summary, and led by the meta-analysis's background line
    ("Bariatric surgery is associated with sustained weight loss …"), its "… were
    depression (19% [95% CI, 14%-25%]) …" not on the page (review 16)."""
    answer = ask("What percentage of weight loss surgery candidates have depression?")
    statements = bottom_line(answer)
    assert statements and re.search(r"depression \(19%", statements[0].text), quoted(statements)


def test_a_question_asking_a_risk_is_not_led_by_a_background_line_without_one(
    ask: Ask,
) -> None:
    """ "What is the risk of a fatal side effect when Avastin is added to chemo?" was led by
    "CONTEXT Fatal adverse events (FAEs) have been reported in cancer patients treated
    with … bevacizumab …", over the meta-analysis's finding (review 16)."""
    answer = ask("What is the risk of a fatal side effect when Avastin is added to chemo?")
    statements = bottom_line(answer)
    assert statements and statements[0].record_id == "scifact:25589047", quoted(statements)
    assert not re.search(r"have been reported", statements[0].text), quoted(statements)


# d7feb5a is the commit before; the case below failed there.
def test_a_yes_no_question_on_an_outcome_quotes_no_research_silent_on_it(
    ask: Ask, shared_corpus: Engine
) -> None:
    """ "Does giving dexamethasone during tonsillectomy in kids increase the risk of
    post-op bleeding?": d7feb5a quoted, under dexamethasone, the antiemetic trials of the same
    operation and the bleeding trial's vomiting rates (review 16). Every research statement
    is now of a record naming bleeding."""
    answer = ask(
        "Does giving dexamethasone during tonsillectomy in kids increase the risk of post-op "
        "bleeding?"
    )
    research = [s for s in all_statements(answer) if s not in bottom_line(answer)]
    assert research, quoted(research)
    for statement in research:
        text = record_text(shared_corpus, statement.record_id)
        assert re.search(r"bleed|h(?:a)?emorrhag", text, re.I), quoted(research)


# 1d5f6f5 is the commit before; the case below failed there.
def test_a_second_definition_of_what_is_asked_answers(ask: Ask) -> None:
    """ "What is CPX351?" (BioASQ dev): 1d5f6f5 quoted one record's definition, and not
    "CPX-351, a novel liposomal formulation which encapsulates cytarabine and daunorubicin
    in 5:1 molar ratio, …", the one BioASQ's experts marked, which the model scored below
    the threshold."""
    statements = all_statements(ask("What is CPX351?"))
    assert any(s.text.startswith("CPX-351, a novel liposomal") for s in statements), quoted(
        statements
    )


# 1af0818 is the commit before; the case below failed there.
def test_a_british_spelling_in_the_record_meets_the_american_in_the_question(ask: Ask) -> None:
    """ "Does giving magnesium sulfate to mothers in preterm labor lower the baby's risk of
    cerebral palsy?" cited nothing: the Cochrane review answering it writes "magnesium
    sulphate" and has no MeSH headings (review 17)."""
    answer = ask(
        "Does giving magnesium sulfate to mothers in preterm labor lower the baby's risk of "
        "cerebral palsy?"
    )
    statements = bottom_line(answer)
    assert statements and statements[0].record_id == "scifact:27129115", quoted(statements)
    assert "reduced the risk of cerebral palsy" in statements[0].text, quoted(statements)


# 10a3d9b is the commit before; the cases below failed there.
def test_an_organism_written_with_its_genus_abbreviated_is_the_organism(ask: Ask) -> None:
    """ "What is the success rate of a fecal transplant for recurrent C. diff?" asked about
    "diff" and was led by a snippet ending "… during development and diff" (review 17)."""
    answer = ask("What is the success rate of a fecal transplant for recurrent C. diff?")
    assert "D016360" in {c.id for c in answer.understanding.concepts}
    assert not any(c.name == "diff" for c in answer.understanding.concepts)
    statements = bottom_line(answer)
    assert statements and re.search(r"Clostridium difficile", statements[0].text), quoted(
        statements
    )


def test_words_whose_order_makes_a_name_are_not_read_in_another(ask: Ask) -> None:
    """ "What's the best treatment after TURBT for high-grade non-muscle-invasive bladder
    cancer?" was read as about aftercare (MeSH's "After-Treatment"), a facet no record
    spoke to (review 17)."""
    answer = ask(
        "What's the best treatment after TURBT for high-grade non-muscle-invasive bladder cancer?"
    )
    assert "D000359" not in {c.id for c in answer.understanding.concepts}


# 2d79af3 is the commit before; the case below failed there.
def test_a_share_in_words_answers_how_common(ask: Ask) -> None:
    """ "How common is drooling in patients on clozapine?" was led by a sentence on
    amisulpride for it, "… affects about one-third of patients treated with clozapine …"
    holding no number (review 17)."""
    statements = bottom_line(ask("How common is drooling in patients on clozapine?"))
    assert statements and "about one-third of patients" in statements[0].text, quoted(statements)


# 99626ba is the commit before; the cases below failed there.
def test_a_brand_is_read_as_the_drug_the_corpus_names_beside_it(ask: Ask) -> None:
    """ "How does Xofluza compare with Tamiflu for uncomplicated flu in adults?" kept
    "Xofluza" as a name every answer had to print, though the corpus writes "Baloxavir
    marboxil (Xofluza)" (review 17)."""
    answer = ask("How does Xofluza compare with Tamiflu for uncomplicated flu in adults?")
    (brand,) = [c for c in answer.understanding.concepts if c.mention == "Xofluza"]
    assert any(name.lower() == "baloxavir marboxil" for name in brand.synonyms), brand.synonyms
    assert not [g for g in answer.gaps if "Xofluza" in g.facet], answer.gaps


def test_a_brand_the_question_names_beside_its_drug_is_no_facet_of_its_own(ask: Ask) -> None:
    """ "In patients with recurrent pericarditis, does rilonacept (Arcalyst) reduce the
    risk of further flares?": the brand was a facet of its own, and the gap said no record
    about pericarditis spoke to Arcalyst under a bottom line quoting rilonacept's trial
    (review 17)."""
    answer = ask(
        "In patients with recurrent pericarditis, does rilonacept (Arcalyst) reduce the risk "
        "of further flares?"
    )
    assert bottom_line(answer), quoted(all_statements(answer))
    assert not [g for g in answer.gaps if "Arcalyst" in g.facet], answer.gaps


# 7d4cf4e is the commit before; the cases below failed there.
def test_a_brand_no_record_defines_is_read_as_the_drug_it_stands_for(ask: Ask) -> None:
    """ "… is adding Singulair as good as adding salmeterol at preventing asthma attacks?"
    said no record answered: Singulair was a name no record prints, though the trial of
    montelukast added to fluticasone answers it (review 18)."""
    statements = bottom_line(
        ask(
            "For adults whose asthma isn't controlled on a Flovent inhaler alone, is adding "
            "Singulair as good as adding salmeterol at preventing asthma attacks?"
        )
    )
    assert statements and "montelukast" in statements[0].text, quoted(statements)


def test_a_brand_is_the_concept_of_its_drug(shared_corpus: Engine) -> None:
    """ "Does giving babies Calpol when they have their jabs make the vaccines work less
    well?" kept Calpol as a name, and the gap said no record spoke to it (review 18)."""
    question = (
        "Does giving babies Calpol when they have their jabs make the vaccines work less well?"
    )
    assert "Acetaminophen" in concept_names(shared_corpus, question)


# fc9292f is the commit before; the case below failed there.
def test_a_british_manoeuvre_is_the_vocabulary_s_maneuver(shared_corpus: Engine) -> None:
    """ "manoeuvre" folded to "maneuvre", which no name is spelled with, so "the Epley
    manoeuvre" and "the Valsalva manoeuvre" met nothing (review 18)."""
    question = "Does the Valsalva manoeuvre stop supraventricular tachycardia?"
    assert "Valsalva Maneuver" in concept_names(shared_corpus, question)


# ee58bfd is the commit before; the cases below failed there.
def test_a_facet_alone_does_not_lead_the_relation_asked(ask: Ask) -> None:
    """ "Does giving babies Calpol when they have their jabs make the vaccines work less
    well?" asked "vaccines" alone as a facet, and lines on a vaccine advisory programme and
    an influenza vaccine's acceptability led the page (review 18)."""
    statements = bottom_line(
        ask("Does giving babies Calpol when they have their jabs make the vaccines work less well?")
    )
    assert statements, "no bottom line"
    assert all(re.search(r"paracetamol|acetaminophen", s.text, re.I) for s in statements), quoted(
        statements
    )


def test_a_lone_facet_does_not_bring_another_topic_to_the_bottom_line(
    ask: Ask, shared_corpus: Engine
) -> None:
    """ "In teenagers who smoke, do nicotine patches help them stay off cigarettes long
    term?" quoted, beside the trial of nicotine replacement in adolescents, a study of
    inhaled corticosteroids in smokers with asthma, on "smoke" alone (review 18)."""
    statements = bottom_line(
        ask("In teenagers who smoke, do nicotine patches help them stay off cigarettes long term?")
    )
    assert statements, "no bottom line"
    for statement in statements:
        assert re.search(r"nicotine|NRT", record_text(shared_corpus, statement.record_id)), quoted(
            statements
        )


# 4bcd920 is the commit before; the cases below failed there.
def test_a_disease_coming_back_is_its_recurrence(shared_corpus: Engine) -> None:
    """ "What's the best way to stop bacterial vaginosis coming back after a course of
    metronidazole?" was read as about the back, a body part, with a gap saying no record
    spoke to it (review 18)."""
    names = concept_names(
        shared_corpus,
        "What's the best way to stop bacterial vaginosis coming back after a course of "
        "metronidazole?",
    )
    assert "Recurrence" in names and "Back" not in names, names


def test_low_phosphate_is_hypophosphatemia(shared_corpus: Engine) -> None:
    """ "How common is low phosphate after a Ferinject iron infusion in heart failure
    patients?" read "phosphate" as the salt given, an intervention (review 18)."""
    names = concept_names(
        shared_corpus,
        "How common is low phosphate after a Ferinject iron infusion in heart failure patients?",
    )
    assert "Hypophosphatemia" in names and "Phosphates" not in names, names


def test_low_platelets_caused_by_drugs_is_drug_induced_thrombocytopenia(ask: Ask) -> None:
    """ "How do drugs cause low platelets?" read the platelets themselves, and the page was
    on an S. aureus toxin and mouse platelets (review 19)."""
    statements = bottom_line(ask("How do drugs cause low platelets?"))
    assert statements and "thrombocytopenia" in statements[0].text, quoted(statements)


def test_a_phrasal_verb_s_adverb_is_no_outcome(shared_corpus: Engine) -> None:
    """ "If a heavy smoker cuts down by half, does their lung cancer risk go down?" asked
    about "down", an outcome of its own with a gap that no record spoke to it (review 19)."""
    question = "If a heavy smoker cuts down by half, does their lung cancer risk go down?"
    assert "down" not in concept_names(shared_corpus, question)


# c6a8dfc is the commit before; the case below failed there.
def test_an_amount_of_an_effect_is_led_by_its_estimate_not_a_p_value(ask: Ask) -> None:
    """ "How much does obstructive sleep apnoea raise the risk of stroke?" was led by "… a
    significant positive association … in men (P value for linear trend: P = 0.016)", over
    "Men in the highest OAHI quartile (>19) had an adjusted hazard ratio of 2.86 …" of the
    same cohort (review 19)."""
    statements = bottom_line(
        ask("How much does obstructive sleep apnoea raise the risk of stroke?")
    )
    assert statements and "hazard ratio" in statements[0].text, quoted(statements)


# 163d380 is the commit before; the case below failed there.
def test_a_name_mesh_gives_another_disease_does_not_stand_for_the_one_asked(ask: Ask) -> None:
    """ "Does taking folic acid in pregnancy lower the chance of pre-eclampsia?" was led by
    "Of 2,100 women, 204 (9.7%) reported gestational hypertension …": the Disease Ontology
    lists gestational hypertension as a synonym of pre-eclampsia, which MeSH files apart
    (review 19)."""
    statements = bottom_line(
        ask("Does taking folic acid in pregnancy lower the chance of pre-eclampsia?")
    )
    assert statements and re.search(r"pre-?eclampsia", statements[0].text, re.I), quoted(statements)


# 7bd469f is the commit before; the case below failed there.
def test_a_brand_defined_in_the_corpus_and_known_to_the_table_is_one_sense(
    shared_corpus: Engine,
) -> None:
    """ "If someone on a NOAC like Eliquis has a brain bleed, are they less likely to die in
    hospital than someone on warfarin?" noted "Eliquis was read as Apixaban (67% likely); it
    can also mean apixaban" (review 20)."""
    understood = shared_corpus.understand(
        "If someone on a NOAC like Eliquis has a brain bleed, are they less likely to die in "
        "hospital than someone on warfarin?"
    )
    assert not [note for note in understood.notes if "can also mean" in note], understood.notes


# a28e116 is the commit before; the case below failed there.
def test_a_label_with_a_plural_mark_does_not_lead(ask: Ask) -> None:
    """ "What is the first-line drug to induce ovulation in PCOS, Clomid or metformin?" was
    led by "MEASURE(S) Ovulation and pregnancy.", a heading of the trial's abstract whose
    "(S)" hid it from the labels (review 20)."""
    statements = bottom_line(
        ask("What is the first-line drug to induce ovulation in PCOS, Clomid or metformin?")
    )
    assert statements and "metformin" in statements[0].text.lower(), quoted(statements)


# e8f42de is the commit before; the case below failed there.
def test_a_cause_still_unexplained_does_not_answer_how_it_is_caused(ask: Ask) -> None:
    """ "How does Zyprexa cause weight gain?" was led by "… the olanzapine-related
    reduction in weight gain remains to be explained.", a rat study in which olanzapine
    caused none (review 20)."""
    statements = bottom_line(ask("How does Zyprexa cause weight gain?"))
    assert statements and "explained" not in statements[0].text, quoted(statements)


# 02eb296 is the commit before; the case below failed there.
def test_a_number_in_the_question_is_no_topic_every_record_must_name(ask: Ask) -> None:
    """ "Does starting yearly mammograms at 40 reduce breast cancer deaths?" kept "40" as a
    keyword that every record had to name to be on topic, and every sentence to settle
    the question; the UK Age trial, retrieved first, went uncited and the page said the
    evidence was insufficient (review 20)."""
    statements = bottom_line(
        ask("Does starting yearly mammograms at 40 reduce breast cancer deaths?")
    )
    assert statements and re.search(r"mortality|death", statements[0].text), quoted(statements)


# 1e19f82 is the commit before; the case below failed there.
def test_inhaled_steroids_in_asthmatics_who_smoke_are_read_as_clinicians_mean(ask: Ask) -> None:
    """ "Do inhaled steroids work as well in asthmatics who smoke?" read MeSH's class of
    steroid compounds and smoke, the substance, dropped the asthmatics, and was led by
    "This finding has important implications …" without the finding (review 20)."""
    statements = bottom_line(ask("Do inhaled steroids work as well in asthmatics who smoke?"))
    assert statements and re.search(r"corticosteroid", statements[0].text), quoted(statements)


# f305b00 is the commit before; the case below failed there.
def test_the_need_for_a_treatment_is_its_measure_not_the_outcome(shared_corpus: Engine) -> None:
    """ "Does BiPAP reduce the need for intubation in severe pneumonia with respiratory
    failure?" asked about "need", an outcome of its own that no record named (review 20)."""
    question = (
        "Does BiPAP reduce the need for intubation in severe pneumonia with respiratory failure?"
    )
    understood = shared_corpus.understand(question)
    assert "need" not in [c.mention for c in understood.concepts]


OVERWEIGHT_AND_GESTATIONAL_DIABETES = (
    "How much does being overweight or obese before pregnancy raise the risk of gestational "
    "diabetes?"
)


# 3fce07a is the commit before; the case below failed there.
def test_a_record_about_the_exposure_and_another_disease_is_no_evidence_on_the_outcome(
    shared_corpus: Engine, ask: Ask
) -> None:
    """Review 21: the question above was led by a cohort of pregnant women with type 1
    diabetes ("The mean body mass index was higher for women with type 1 diabetes …"),
    about obesity throughout and naming gestational diabetes once: overweight, the
    exposure, kept it on topic."""
    answer = ask(OVERWEIGHT_AND_GESTATIONAL_DIABETES)
    cited = {s.record_id for s in all_statements(answer)}
    titles = {i: shared_corpus.show(i).title for i in cited}
    assert not [t for t in titles.values() if re.search(r"type 1 diabetes", t, re.I)], titles


# f05808d is the commit before; the case below failed there.
def test_an_odds_ratio_of_a_list_of_groups_is_an_effect_estimate(
    shared_corpus: Engine, ask: Ask
) -> None:
    """Review 21: once the type 1 cohort was no evidence, the question above was led by
    "This information is important when counselling women planning a pregnancy.": the
    meta-analysis's "The OR for overweight, moderately obese and morbidly obese women were
    1.97 (95% CI 1.77 to 2.19), …" was read as no effect estimate, commas standing
    between its ratio and its value, and did not name what the question measures."""
    statements = bottom_line(ask(OVERWEIGHT_AND_GESTATIONAL_DIABETES))
    assert statements, quoted(statements)
    title = shared_corpus.show(statements[0].record_id).title
    assert re.search(r"gestational diabetes", title, re.I), (title, quoted(statements))
    assert re.search(r"\bORs?\b|odds ratio", statements[0].text), quoted(statements)


# 163abb5 is the commit before; the case below failed there.
def test_chemo_is_chemotherapy(shared_corpus: Engine) -> None:
    """ "What is the risk of a fatal side effect when Avastin is added to chemo?" lost
    what the drug is added to, and so every record on bevacizumab alone answered it
    (review 16's question, read again in this round)."""
    understood = shared_corpus.understand(
        "What is the risk of a fatal side effect when Avastin is added to chemo?"
    )
    assert "Drug Therapy" in [c.name for c in understood.concepts], understood.concepts


# ae126ae is the commit before; the case below failed there.
def test_a_brand_is_scored_by_the_name_research_writes(shared_corpus: Engine, ask: Ask) -> None:
    """Review 21: "What are the common side effects of Lyrica for itching in dialysis
    patients?" abstained. The pregabalin trial's "Assessment of safety of pregabalin
    revealed that somnolence and dizziness were the two frequent adverse events …" scored
    0.26 against the brand and the everyday word, and 0.88 asked of pregabalin."""
    statements = bottom_line(
        ask("What are the common side effects of Lyrica for itching in dialysis patients?")
    )
    assert statements, quoted(statements)
    title = shared_corpus.show(statements[0].record_id).title
    assert re.search(r"pregabalin", title, re.I), (title, quoted(statements))
    assert re.search(r"adverse|somnolence|dizziness", statements[0].text), quoted(statements)


# ae126ae is the commit before; the case below failed there.
def test_a_risk_asked_of_a_drug_by_its_brand_is_answered_by_the_risk_ratio(ask: Ask) -> None:
    """ "What is the risk of a fatal side effect when Avastin is added to chemo?" was led by
    the meta-analysis's "… was associated with increased treatment-related mortality",
    with no amount, over its "Compared with chemotherapy alone, the addition of
    bevacizumab was associated with an increased risk of FAEs, with an RR of 1.46 …"
    (review 16's question, read again in this round)."""
    statements = bottom_line(
        ask("What is the risk of a fatal side effect when Avastin is added to chemo?")
    )
    assert statements and re.search(r"\bRR\b", statements[0].text), quoted(statements)


# 279d685 is the commit before; the case below failed there.
def test_a_question_asking_the_medication_for_a_disease_asks_its_treatment(ask: Ask) -> None:
    """Review 21: "What's the first-line medication for hair pulling disorder
    (trichotillomania)?" was read as asking nothing of the disease, and led by
    "Trichotillomania is defined as an obsessive-compulsive or related disorder …"."""
    statements = bottom_line(
        ask("What's the first-line medication for hair pulling disorder (trichotillomania)?")
    )
    assert statements, quoted(statements)
    assert not re.search(r"is defined as", statements[0].text), quoted(statements)
    assert re.search(r"treat|therap|medicat", statements[0].text), quoted(statements)


@pytest.mark.xfail(
    strict=True,
    reason=(
        "refused: the trial's results lines do not repeat the drug's name and score 0.68-0.70 "
        "against a question naming alendronate, just below the answer threshold"
    ),
)
def test_a_weekly_dose_is_compared_with_the_daily_one(ask: Ask) -> None:
    """Review 22: "Is once-a-week Fosamax as good as taking it every day for osteoporosis?"
    was answered by 3fce07a only because "Fosamax" matched no word of the corpus ("Mean
    increases in lumbar spine BMD at 12 months were: 5.1% … in the 70 mg once-weekly
    group, … 5.4% … in the 10 mg daily treatment group."); asked of alendronate, 3fce07a
    refused it too. Since 279d685 passages are scored against "alendronate", and so are
    the trial's sentences: both wordings are refused."""
    statements = bottom_line(
        ask("Is once-a-week Fosamax as good as taking it every day for osteoporosis?")
    )
    assert statements and re.search(r"weekly", statements[0].text), quoted(statements)


# 2ba9143 is the commit before; the case below failed there.
def test_benzos_are_benzodiazepines(ask: Ask) -> None:
    """Review 22: "How much do benzos raise the risk of a bad fall in people over 80?" kept
    "benzos" as a word, dropped the falls study as off topic and refused; asked of
    benzodiazepines, it is led by the study's adjusted odds ratio."""
    statements = bottom_line(
        ask("How much do benzos raise the risk of a bad fall in people over 80?")
    )
    assert statements and re.search(r"benzodiazepine", statements[0].text), quoted(statements)
    assert re.search(r"odds ratio", statements[0].text), quoted(statements)


# 2ba9143 is the commit before; the case below failed there.
def test_a_kidney_transplant_is_kidney_transplantation(shared_corpus: Engine) -> None:
    """Review 22: "What are the chances of getting skin cancer after a kidney transplant?"
    was read as about the kidney and transplants apart."""
    names = concept_names(
        shared_corpus, "What are the chances of getting skin cancer after a kidney transplant?"
    )
    assert "Kidney Transplantation" in names, names


# da25daf is the commit before; the case below failed there.
def test_a_sentence_on_a_name_alone_does_not_say_what_it_does(ask: Ask) -> None:
    """BioASQ dev: "Does the BRAFV600E mutation have an effect on clinical response to
    radioiodine therapy?" was led by "Encorafenib (LGX818) is a promising BRAFV600E
    inhibitor that has efficacy against metastatic melanoma.": asked what the mutation
    does to the therapy's effect, a sentence naming the mutation alone answered. The gold
    records write "BRAF mutation", which the name asked does not meet, so nothing may lead."""
    statements = bottom_line(
        ask(
            "Does the BRAFV600E mutation have an effect on clinical response to "
            "radioiodine therapy?"
        )
    )
    for statement in statements:
        assert re.search(r"radioiodine|radioactive iodine|\bRAI\b", statement.text, re.I), quoted(
            statements
        )


# c6df939 is the commit before; the case below failed there.
def test_an_adjective_kept_as_a_word_is_no_subject_to_answer_on(
    shared_corpus: Engine, ask: Ask
) -> None:
    """Review 23: "Does inhaled nitric oxide reduce pain in children with sickle cell
    vaso-occlusive crisis?" kept "vaso-occlusive" as a name a leading sentence had to say,
    and no sentence of the trial's results does: the page said no record answered, though
    "Repeated-measures analysis of variance for hourly pain scores showed a 1-cm/h greater
    reduction in the INO group than the placebo group (P =.02)." scored 0.97."""
    statements = bottom_line(
        ask(
            "Does inhaled nitric oxide reduce pain in children with sickle cell "
            "vaso-occlusive crisis?"
        )
    )
    assert statements, quoted(statements)
    title = shared_corpus.show(statements[0].record_id).title
    assert re.search(r"nitric oxide", title, re.I), (title, quoted(statements))
    assert re.search(r"pain", statements[0].text, re.I), quoted(statements)


# 418b997 is the commit before; the case below failed there.
def test_sickle_cell_is_the_disease(shared_corpus: Engine) -> None:
    """Review 23: "… in children with sickle cell vaso-occlusive crisis?" lost the disease:
    no vocabulary names it "sickle cell" alone."""
    names = concept_names(
        shared_corpus,
        "Does inhaled nitric oxide reduce pain in children with sickle cell vaso-occlusive crisis?",
    )
    assert "Sickle Cell Anemia" in names, names


# 119e0d5 is the commit before; the case below failed there.
def test_what_a_disease_causes_is_not_its_cause(ask: Ask) -> None:
    """Review 23: "What causes Morton's neuroma?" was led by "Morton's neuroma is a frequent
    cause of metatarsalgia." and "… is a common cause of forefoot pain", what the neuroma
    causes; "Morton's neuroma is an entrapment neuropathy of the third common plantar
    digital nerve, caused by the deep transverse metatarsal ligament …" was fourth in the
    research, and "… resulting from an entrapment of the common digital nerve …" uncited."""
    statements = bottom_line(ask("What causes Morton's neuroma?"))
    assert statements, quoted(statements)
    for statement in statements:
        assert not re.search(r"cause of (?:metatarsalgia|forefoot pain|pain)", statement.text), (
            quoted(statements)
        )
    assert re.search(r"caused by|resulting from|entrapment", statements[0].text), quoted(statements)


# cd462c0 is the commit before; the case below failed there.
def test_a_comparison_of_two_drugs_is_led_by_the_sentence_comparing_them(ask: Ask) -> None:
    """Review 23: "Is ibuprofen as effective as indomethacin for closing a PDA in preterm
    infants?" was led by the Cochrane review's "Ibuprofen reduces the risk of NEC and
    transient renal insufficiency.", over its "Ibuprofen is as effective as indomethacin in
    closing a PDA and currently appears to be the drug of choice."."""
    statements = bottom_line(
        ask("Is ibuprofen as effective as indomethacin for closing a PDA in preterm infants?")
    )
    assert statements, quoted(statements)
    assert re.search(r"ibuprofen", statements[0].text, re.I), quoted(statements)
    assert re.search(r"indomethacin", statements[0].text, re.I), quoted(statements)


# c169ca6 is the commit before; the case below failed there.
def test_a_flu_shot_is_the_influenza_vaccine(shared_corpus: Engine) -> None:
    """Review 24: "Can getting a flu shot lower my chances of having a heart attack?" was
    read as about influenza, the disease, with nothing asked to lower the risk."""
    names = concept_names(
        shared_corpus, "Can getting a flu shot lower my chances of having a heart attack?"
    )
    assert "Influenza Vaccines" in names, names


# 19fd3b9 is the commit before; the cases below failed there.
@pytest.mark.parametrize(
    ("question", "written_out"),
    [
        ("What does PCAT6 stand for?", r"prostate cancer-associated transcript 6 \(PCAT6\)"),
        ("What does HbA1c stand for?", r"hemoglobin A1c \(HbA1c\)"),
    ],
)
def test_a_question_asking_what_a_short_form_stands_for_is_led_by_its_long_form(
    ask: Ask, question: str, written_out: str
) -> None:
    """ "What does PCAT6 stand for?" was led by "LncRNA PCAT6 was involved in the progression
    of multiple human cancers.", though a study's aim writes it out as "… lncRNA prostate
    cancer-associated transcript 6 (PCAT6) …"; "What does HbA1c stand for?" by a study's
    subgroups "with similar baseline HbA1c", though three records write "hemoglobin A1c
    (HbA1c)" (a hand check of the shared corpus)."""
    assert_led_by(ask, question, written_out, re.I)


# 131ccf3 is the commit before; the case below failed there.
def test_a_person_s_weight_is_their_body_weight(ask: Ask, shared_corpus: Engine) -> None:
    """Review 25: "Why does Zyprexa make people gain so much weight?" read "weight" as
    Weights and Measures, a test, and refused, though the olanzapine study ranked second
    says "olanzapine-induced hyperphagia and weight gain were blunted in mice lacking the
    serotonin 2C receptor"."""
    question = "Why does Zyprexa make people gain so much weight?"
    names = concept_names(shared_corpus, question)
    assert "Body Weight" in names and "Weights and Measures" not in names, names
    statements = bottom_line(ask(question))
    assert statements, quoted(statements)
    assert re.search(r"olanzapine", statements[0].text, re.I), quoted(statements)
    assert re.search(r"weight", statements[0].text, re.I), quoted(statements)


# ba7a261 is the commit before; the case below failed there.
def test_a_second_outcome_joined_by_or_is_no_test_to_cross_the_others_with(
    ask: Ask, shared_corpus: Engine
) -> None:
    """Review 25: "In acute cardiogenic pulmonary oedema, is BiPAP better than CPAP for
    reducing mortality or intubation?" read intubation as a test and crossed every other
    facet with it ("mortality × intubation" …); the meta-analysis of both outcomes, which
    led the page, answered none of them, so the page said three times that no record did."""
    question = (
        "In acute cardiogenic pulmonary oedema, is BiPAP better than CPAP for reducing "
        "mortality or intubation?"
    )
    understood = shared_corpus.understand(question)
    assert not any("×" in facet.label for facet in understood.facets), understood.facets
    answer = ask(question)
    statements = bottom_line(answer)
    assert statements, quoted(statements)
    assert re.search(r"mortality", statements[0].text, re.I), quoted(statements)
    assert len(answer.gaps) <= 1, [gap.facet for gap in answer.gaps]


# be95354 is the commit before; the case below failed there.
def test_brackets_inside_a_name_keep_it_whole(shared_corpus: Engine) -> None:
    """Review 25: "Does having high lipoprotein(a) raise my risk of a heart attack or
    stroke?" read lipoproteins, the class, and was led by a review on LDL receptors."""
    names = concept_names(
        shared_corpus, "Does having high lipoprotein(a) raise my risk of a heart attack or stroke?"
    )
    assert "Lipoprotein(a)" in names and "Lipoproteins" not in names, names


# 3c7d9f4 is the commit before; the cases below failed there.
def test_cervical_precancer_is_cervical_dysplasia(ask: Ask, shared_corpus: Engine) -> None:
    """Review 25: "Is an HPV test better than a Pap smear at picking up cervical precancer?"
    kept "precancer" as a word a record must say, and the trials of HPV testing, which say
    "cervical intraepithelial neoplasia", were all near misses: the page refused."""
    statements = bottom_line(
        ask("Is an HPV test better than a Pap smear at picking up cervical precancer?")
    )
    assert statements, quoted(statements)
    for statement in statements:
        text = record_text(shared_corpus, statement.record_id)
        assert re.search(r"\bHPV\b|papillomavirus", text, re.I), quoted(statements)
        assert re.search(r"intraepithelial neoplasia|\bCIN\b", text), quoted(statements)


def test_a_lap_band_is_a_gastric_band(ask: Ask, shared_corpus: Engine) -> None:
    """Review 25: "Is lap band surgery better than diet and exercise for getting rid of type
    2 diabetes?" lost the operation, and diet and exercise were the whole question: a
    vegetarian diet trial led, the banding trial ranked second."""
    statements = bottom_line(
        ask("Is lap band surgery better than diet and exercise for getting rid of type 2 diabetes?")
    )
    assert statements, quoted(statements)
    title = shared_corpus.show(statements[0].record_id).title
    assert re.search(r"gastric banding", title, re.I), (title, quoted(statements))


# 1d26f9e is the commit before; the case below failed there.
def test_a_conclusion_naming_nothing_asked_does_not_lead(ask: Ask) -> None:
    """Review 25: read as about a gastric band, "Is lap band surgery better than diet and
    exercise for getting rid of type 2 diabetes?" was led by the banding trial's "These
    results need to be confirmed in a larger, more diverse population and have long-term
    efficacy assessed.", which names nothing of the question, over its "Participants
    randomized to surgical therapy were more likely to achieve remission of type 2 diabetes
    through greater weight loss."."""
    statements = bottom_line(
        ask("Is lap band surgery better than diet and exercise for getting rid of type 2 diabetes?")
    )
    assert statements, quoted(statements)
    assert not re.search(r"need to be confirmed", statements[0].text), quoted(statements)
    assert re.search(r"remission|diabetes", statements[0].text, re.I), quoted(statements)


# 4e494fe is the commit before; the case below failed there.
def test_a_comparison_cites_only_records_naming_a_treatment_compared(
    ask: Ask, shared_corpus: Engine
) -> None:
    """Review 25: "Is tenecteplase non-inferior to alteplase for thrombolysis in acute
    ischaemic stroke?" was led by "The simultaneous targeting of thrombolysis and sEH by a
    single molecule is a promising strategy …", a laboratory study of another drug, which
    named thrombolysis and neither drug compared."""
    answer = ask(
        "Is tenecteplase non-inferior to alteplase for thrombolysis in acute ischaemic stroke?"
    )
    for statement in all_statements(answer):
        text = record_text(shared_corpus, statement.record_id)
        assert re.search(r"tenecteplase|alteplase|plasminogen activator|\bt-?PA\b", text, re.I), (
            quoted(all_statements(answer))
        )


# 4faf7d1 is the commit before; the case below failed there.
def test_a_covid_jab_is_a_covid_vaccine(shared_corpus: Engine) -> None:
    """Review 25: "Can the AstraZeneca COVID jab cause Guillain-Barré syndrome?" kept
    "COVID" and "AstraZeneca" as names no vocabulary knows, and asked about no vaccine."""
    names = concept_names(
        shared_corpus, "Can the AstraZeneca COVID jab cause Guillain-Barré syndrome?"
    )
    assert "ChAdOx1 nCoV-19" in names, names


# 672a3f4 is the commit before; the cases below failed there.
def test_gi_bleeding_is_gastrointestinal_haemorrhage(ask: Ask, shared_corpus: Engine) -> None:
    """Review 26: "In acute upper GI bleeding, how accurate is capsule endoscopy compared
    with nasogastric aspiration and EGD?" read "GI bleeding" as active peptic ulcer disease
    (a Disease Ontology synonym), set the capsule study aside as about another disease and
    refused."""
    question = (
        "In acute upper GI bleeding, how accurate is capsule endoscopy compared with "
        "nasogastric aspiration and EGD?"
    )
    names = concept_names(shared_corpus, question)
    assert "Gastrointestinal Hemorrhage" in names, names
    statements = bottom_line(ask(question))
    assert statements, quoted(statements)
    text = record_text(shared_corpus, statements[0].record_id)
    assert re.search(r"capsule endoscopy", text, re.I), quoted(statements)


def test_a_night_guard_for_grinding_teeth_is_not_answered_by_a_sleep_trial(ask: Ask) -> None:
    """Review 26: "Will wearing a night guard stop me from grinding my teeth in my sleep?"
    dropped the splint and the grinding, and the teeth and the sleep left cited a trial of
    melatonin before wisdom-tooth extraction. The corpus holds nothing on bruxism."""
    answer = ask("Will wearing a night guard stop me from grinding my teeth in my sleep?")
    assert not all_statements(answer), quoted(all_statements(answer))


# 8feac5b is the commit before; the case below failed there.
def test_a_question_asking_which_effects_a_drug_causes_asks_no_causes(ask: Ask) -> None:
    """Review 26: "What adverse effects does tafenoquine cause compared with mefloquine when
    used for malaria prophylaxis?" read the verb "cause" as asking for causes, and its gap
    said "No record in the index about malaria answers the question on etiology"."""
    answer = ask(
        "What adverse effects does tafenoquine cause compared with mefloquine when used for "
        "malaria prophylaxis?"
    )
    assert not any(gap.facet == "etiology" for gap in answer.gaps), answer.gaps


# b0d4331 is the commit before; the case below failed there.
def test_a_question_asking_what_kind_of_drug_a_brand_is_is_answered_of_its_drug(
    ask: Ask,
) -> None:
    """Review 27: "What kind of medicine is Mounjaro?" searched "kind" and "medicine" and
    found records on kinds of medicine, none on tirzepatide (Mounjaro's generic name), and
    refused; "What is Mounjaro?" was led by what tirzepatide is."""
    assert_led_by(ask, "What kind of medicine is Mounjaro?", r"tirzepatide .*agonist", re.I)


# 94072a6 is the commit before; the case below failed there.
def test_a_question_asking_who_survives_asks_about_survival(ask: Ask) -> None:
    """Review 27: "Does filtering the blood help people who drink paraquat weed killer
    survive?" named no outcome ("survive" is no vocabulary's name), and its bottom line
    held prognostic factors and drug clearance, not the cohort whose early haemoperfusion
    "improved the survival rate"."""
    statements = bottom_line(
        ask("Does filtering the blood help people who drink paraquat weed killer survive?")
    )
    assert any(
        re.search(r"haemoperfusion.*improved the survival", s.text, re.I) for s in statements
    ), quoted(statements)


# b46d3b5 is the commit before; the case below failed there.
def test_a_non_hormone_pill_is_not_asked_about_hormones(ask: Ask) -> None:
    """Review 28: "Is there a non-hormone pill that actually works for menopause hot
    flashes?" read hormones as the treatment asked, set aside the neurokinin 3 receptor
    antagonist trial for naming none, and was led by "Risks related to other hormone
    fractions varied by menopausal status." (a study of endometrial cancer)."""
    answer = ask("Is there a non-hormone pill that actually works for menopause hot flashes?")
    statements = bottom_line(answer)
    assert statements, quoted(statements)
    assert re.search(r"neurokinin 3 receptor antagonist", statements[0].text), quoted(statements)


# d428764 is the commit before; the case below failed there.
def test_weed_is_cannabis(ask: Ask, shared_corpus: Engine) -> None:
    """Review 28: "weed" was no vocabulary's name, so "Does weed cause psychosis?" refused
    and "… does smoking weed on top of that damage my lungs more?" was read as smoking
    tobacco, led by "Many smokers are unable or unwilling to completely quit smoking."."""
    assert "Cannabis" in concept_names(shared_corpus, "Does weed cause psychosis?")
    assert_led_by(ask, "Does weed cause psychosis?", r"psychosis .*cannabis")


# d1b26c7 is the commit before; the case below failed there.
def test_an_emergency_operation_asks_nothing_of_emergencies(ask: Ask) -> None:
    """Review 28: "What is the long-term survival after emergency surgical pericardiotomy for
    primary cardiac tamponade?" read MeSH's Emergencies as a facet, and its gap said "No
    record in the index about cardiac tamponade answers the question on emergency"."""
    answer = ask(
        "What is the long-term survival after emergency surgical pericardiotomy for primary "
        "cardiac tamponade?"
    )
    assert bottom_line(answer), quoted(bottom_line(answer))
    assert not any(gap.facet == "emergency" for gap in answer.gaps), answer.gaps


# 52db9a7 is the commit before; the case below failed there.
def test_strep_throat_is_a_streptococcal_infection_and_what_it_makes_one_have_an_outcome(
    shared_corpus: Engine,
) -> None:
    """Review 29: "Can a strep throat infection make my child suddenly start having OCD or
    tics?" read only the throat (Pharynx) and no outcome, where "Can streptococcal
    infection cause OCD …?" reads both."""
    question = "Can a strep throat infection make my child suddenly start having OCD or tics?"
    assert "Streptococcal Infections" in concept_names(shared_corpus, question)
    outcomes = shared_corpus.understand(question).outcomes
    assert {"D009771", "D020323"} <= set(outcomes), outcomes  # OCD, tics


# e2193ed is the commit before; the case below failed there.
def test_a_trial_s_intervention_group_is_the_therapy_asked(ask: Ask) -> None:
    """Review 29: "Does school-based group cognitive behavioural therapy reduce PTSD
    symptoms in children exposed to violence?" refused, though the school trial found that
    "students who were randomly assigned to the early intervention group had significantly
    lower scores on symptoms of PTSD": no sentence of it repeats "therapy"."""
    assert_led_by(
        ask,
        "Does school-based group cognitive behavioural therapy reduce PTSD symptoms in "
        "children exposed to violence?",
        r"intervention .*symptoms of PTSD",
    )


# 35f218a is the commit before; the case below failed there.
def test_what_a_treatment_is_compared_with_is_not_the_question_s_subject(ask: Ask) -> None:
    """Review 29: "What is the long-term survival of patients with beta-thalassaemia major
    after haematopoietic stem cell transplantation compared with conventional transfusion
    and chelation?" took "chelation" for the name every lead must say, and said no record
    answered directly, though the cohort's conclusion compares the 30-year survival."""
    assert_led_by(
        ask,
        "What is the long-term survival of patients with beta-thalassaemia major after "
        "haematopoietic stem cell transplantation compared with conventional transfusion "
        "and chelation?",
        r"30-year survival",
    )


# e5c7f74 is the commit before; the case below failed there.
def test_a_treatment_named_with_its_kind_is_one_treatment(ask: Ask, shared_corpus: Engine) -> None:
    """Review 27's question asked again once "weed killer" named herbicides (d1b26c7): "If
    someone drinks paraquat weed killer, does having their blood filtered help them
    survive?" made herbicides a second treatment and a facet, and was led by "Paraquat is
    an effective and widely used herbicide but is also a lethal poison."."""
    question = (
        "If someone drinks paraquat weed killer, does having their blood filtered help them "
        "survive?"
    )
    names = concept_names(shared_corpus, question)
    assert "Paraquat" in names and "Herbicides" not in names, names
    assert_led_by(ask, question, r"survival")


# dcda00b is the commit before; the cases below failed there.
def test_a_record_naming_the_broader_disease_answers_for_the_narrower(
    ask: Ask, shared_corpus: Engine
) -> None:
    """Review 27: "What are the maternal and fetal outcomes of pregnancy in women with
    moderate or severe chronic renal insufficiency?" refused with the gap "No record in
    the index about chronic renal insufficiency answers …", though the cohort "Outcome of
    pregnancy in women with moderate or severe renal insufficiency" answers it: it never
    writes "chronic", and only records naming the condition may be cited."""
    statements = bottom_line(
        ask(
            "What are the maternal and fetal outcomes of pregnancy in women with moderate or "
            "severe chronic renal insufficiency?"
        )
    )
    assert statements, quoted(statements)
    title = shared_corpus.show(statements[0].record_id).title
    assert re.search(r"pregnancy .*renal insufficiency", title), quoted(statements)


def test_a_record_on_the_broader_disease_is_not_refused_as_another(ask: Ask) -> None:
    """Review 30: for "Is regular long-term aspirin use associated with an increased risk
    of neovascular age-related macular degeneration?" (a Disease Ontology term MeSH places
    nowhere), the Beaver Dam cohort "Long-term use of aspirin and age-related macular
    degeneration" was listed as mainly about another disease."""
    answer = ask(
        "Is regular long-term aspirin use associated with an increased risk of neovascular "
        "age-related macular degeneration?"
    )
    assert not [r for r in answer.refused if "macular degeneration" in r[1].lower()], answer.refused


# 448f571 is the commit before; the case below failed there.
def test_benign_prostatic_obstruction_is_the_enlarged_prostate(ask: Ask) -> None:
    """Review 28: "Is laser surgery for an enlarged prostate as good as the usual TURP
    operation?" refused: the UNBLOCS trial, for men with "benign prostatic obstruction",
    never says hyperplasia, so it named no condition asked and could not be cited."""
    assert_led_by(
        ask,
        "Is laser surgery for an enlarged prostate as good as the usual TURP operation?",
        r"TURP and ThuVARP were equivalent",
    )


# 5d23c45 is the commit before; the case below failed there.
def test_a_lay_phrase_is_scored_in_the_name_research_writes(ask: Ask) -> None:
    """Review 30: "How common is lazy eye in kids?" said no record answered directly: the
    sentence giving amblyopia's prevalence in children scored 0.15 against the lay words,
    0.79 against "How common is amblyopia in children?"."""
    assert_led_by(ask, "How common is lazy eye in kids?", r"amblyopia .*prevalence of 2-3%", re.I)


# 54c928b is the commit before; the case below failed there.
def test_a_basal_cell_skin_cancer_is_a_basal_cell_carcinoma(ask: Ask) -> None:
    """Review 30: "Can Aldara cream clear a superficial basal cell skin cancer without needing
    surgery?" read skin cancer alone, so the imiquimod trial for superficial basal cell
    carcinoma named no condition asked and could not be cited; the page refused."""
    assert_led_by(
        ask,
        "Can Aldara cream clear a superficial basal cell skin cancer without needing surgery?",
        r"imiquimod .*sBCC",
        re.I,
    )


# a1272d6 is the commit before; the case below failed there.
def test_what_the_disease_causes_in_an_apposition_is_not_its_cause(ask: Ask) -> None:
    """Review 30: "Mutations in which gene cause achondroplasia?" was led by
    "Achondroplasia, the most common cause of chondrodysplasia in man (1 in 15,000 live
    births), is a condition of unknown origin …", which names no gene."""
    assert_led_by(ask, "Mutations in which gene cause achondroplasia?", r"FGFR3")


# 8731809 is the commit before; the case below failed there.
def test_a_background_saying_what_was_uncertain_does_not_lead(ask: Ask) -> None:
    """Review 27's question, answered once the cohort could be cited (448f571), was led by
    its background "… the risks of maternal and obstetrical complications in women with
    moderate or severe renal insufficiency remain uncertain.", over its conclusion."""
    assert_led_by(
        ask,
        "What are the maternal and fetal outcomes of pregnancy in women with moderate or "
        "severe chronic renal insufficiency?",
        r"fetal survival is high",
    )


# 0a76329 is the commit before; the case below failed there.
def test_what_the_asker_tells_before_asking_does_not_hide_the_question(ask: Ask) -> None:
    """Review 31: "My 14-year-old was just diagnosed with type 1 diabetes - can a course of
    ATG (antithymocyte globulin) save her remaining insulin production?" was read as a
    summary asking of diagnosis and prognosis, and led by the trial's enrolment line, not
    by its conclusion that the course "does not result in preservation of β-cell
    function"."""
    assert_led_by(
        ask,
        "My 14-year-old was just diagnosed with type 1 diabetes - can a course of ATG "
        "(antithymocyte globulin) save her remaining insulin production?",
        r"ATG does not result in preservation",
    )


# beefd65 is the commit before; the case below failed there.
def test_the_asker_s_words_keep_no_results_line_from_its_conclusion(ask: Ask) -> None:
    """Review 31: "Can taking Lipitor shrink a chronic subdural hematoma so my dad doesn't
    need brain surgery?" was led by a results line of the atorvastatin trial, not by its
    conclusion, since the results say "taking" and the conclusion does not."""
    assert_led_by(
        ask,
        "Can taking Lipitor shrink a chronic subdural hematoma so my dad doesn't need "
        "brain surgery?",
        r"nonsurgical alternative",
    )


# e140f3b is the commit before; the case below failed there.
def test_the_sentence_turning_the_lead_follows_it(ask: Ask) -> None:
    """Review 31: "In hypercapnic COPD patients, how does a helmet compare with a facial
    mask for delivering non-invasive ventilation?" was led by "Helmet and facial mask were
    equally tolerated and both were effective …" alone; the next sentence of the same
    conclusion, "The helmet, however, was less efficient …", was under research."""
    statements = bottom_line(
        ask(
            "In hypercapnic COPD patients, how does a helmet compare with a facial mask for "
            "delivering non-invasive ventilation?"
        )
    )
    texts = [s.text for s in statements]
    lead = next((i for i, t in enumerate(texts) if t.startswith("Helmet and facial mask")), None)
    assert lead is not None, quoted(statements)
    assert texts[lead + 1 :][:1] and texts[lead + 1].startswith("The helmet, however"), quoted(
        statements
    )


# 5382e05 is the commit before; the case below failed there.
def test_teratogenicity_is_causing_birth_defects(ask: Ask, shared_corpus: Engine) -> None:
    """Review 31: "How did thalidomide cause the birth defects in babies back in the 1960s?"
    refused: the records on how it does write "thalidomide teratogenicity", never birth
    defects; it also read "back" as the body part and "1960s" as a topic."""
    question = "How did thalidomide cause the birth defects in babies back in the 1960s?"
    names = concept_names(shared_corpus, question)
    assert "Back" not in names and "1960s" not in names, names
    statements = bottom_line(ask(question))
    assert any(re.search(r"cereblon", s.text, re.I) for s in statements), quoted(statements)


# df14f4d is the commit before; the case below failed there.
def test_premature_babies_are_premature_infants(ask: Ask) -> None:
    """Review 31: "How often do premature babies in intensive care get skin damage from an
    IV drip leaking into the tissue?" read babies and the word "IV", and was led by a
    review of ibuprofen for patent ductus arteriosus; the survey's "… a prevalence of 38
    per 1000 neonates who sustained an extravasation injury …" was not on the page."""
    assert_led_by(
        ask,
        "How often do premature babies in intensive care get skin damage from an IV drip "
        "leaking into the tissue?",
        r"38 per 1000",
    )


# 668e94d is the commit before; the case below failed there.
def test_the_asker_s_story_asks_nothing_of_its_own(ask: Ask, shared_corpus: Engine) -> None:
    """Review 32: "I've had shoulder impingement for over a year and the surgeon is talking
    about keyhole surgery - can a proper exercise programme help me avoid the operation?"
    refused: "surgeon" and "programme" were facets, and the story's words, scored beside
    the question, sank the exercise trial's findings; "My husband …" and "the tablets" of
    Tarceva were facets and gaps of their own."""
    assert_led_by(
        ask,
        "I've had shoulder impingement for over a year and the surgeon is talking about "
        "keyhole surgery - can a proper exercise programme help me avoid the operation?",
        r"specific exercise strategy",
    )
    tarceva = (
        "My husband is on Tarceva for lung cancer and his eyelashes have grown really long "
        "and curly. Is that a side effect of the tablets?"
    )
    names = concept_names(shared_corpus, tarceva)
    assert "Spouses" not in names and "Tablets" not in names, names


# 668e94d is the commit before; the case below failed there.
def test_a_measure_of_accuracy_leads_a_question_asking_it(ask: Ask) -> None:
    """Review 32: "What is the diagnostic accuracy of urinary microRNA assays for detecting
    bladder cancer?" was led by "Subgroup analyses indicated that … showed high accuracies
    in diagnosing BCa.", over the meta-analysis's pooled sensitivity, specificity and
    likelihood ratios."""
    assert_led_by(
        ask,
        "What is the diagnostic accuracy of urinary microRNA assays for detecting bladder cancer?",
        r"(?:sensitivity|likelihood ratio).*\d",
    )


# b2f3f7f is the commit before; the case below failed there.
def test_a_sentence_opening_with_a_label_of_two_moves_is_not_a_finding_for_that(
    ask: Ask,
) -> None:
    """Review 32: TRITON-TIMI 38's diabetes analysis opens its second part "METHODS AND
    RESULTS We classified 13 608 subjects …", read as a result, and that line led "How
    does prasugrel compare with clopidogrel in diabetic patients?"."""
    statements = bottom_line(
        ask("How does prasugrel compare with clopidogrel in diabetic patients?")
    )
    assert statements, quoted(statements)
    assert not any("We classified" in s.text for s in statements), quoted(statements)


# f62b791 is the commit before; the case below failed there.
def test_a_comparison_is_led_by_a_finding_not_a_background_line(ask: Ask) -> None:
    """Review 32: "How does prasugrel compare with clopidogrel in diabetic patients?" was
    led by TRITON-TIMI 38's "Patients with diabetes mellitus (DM) are at high risk for
    recurrent cardiovascular events …", a background line comparing nothing, over its
    conclusion."""
    assert_led_by(
        ask,
        "How does prasugrel compare with clopidogrel in diabetic patients?",
        r"prasugrel compared with clopidogrel",
    )


# 3dc4f20 is the commit before; the case below failed there.
def test_a_genetic_basis_asks_the_cause(ask: Ask) -> None:
    """Review 33: "What is the genetic basis of Kearns-Sayre syndrome?" was led by "… is a
    mitochondrial disorder.", over "… due to rearrangements in mitochondrial DNA"."""
    assert_led_by(
        ask,
        "What is the genetic basis of Kearns-Sayre syndrome?",
        r"due to rearrangements|arises from a mitochondrial DNA deletion",
    )


# 3dc4f20 is the commit before; the case below failed there.
def test_a_dummy_is_a_pacifier(ask: Ask) -> None:
    """Review 33: "Does giving my baby a dummy at bedtime lower the risk of cot death?" read
    no intervention, and was led by "Although the cause of SIDS is unknown …"."""
    assert_led_by(
        ask,
        "Does giving my baby a dummy at bedtime lower the risk of cot death?",
        r"pacifier",
        re.I,
    )


# 3dc4f20 is the commit before; the case below failed there.
def test_a_drug_named_twice_is_read_once(shared_corpus: Engine) -> None:
    """Review 33: "I took Paxlovid for COVID and felt better, but … my symptoms came back.
    Is that a known thing with Paxlovid?" read Paxlovid twice, two facets and two research
    headings of one name."""
    question = (
        "I took Paxlovid for COVID and felt better, but a few days after finishing the pills "
        "my symptoms came back. Is that a known thing with Paxlovid?"
    )
    understood = shared_corpus.understand(question)
    assert [c.name for c in understood.concepts].count("Paxlovid") == 1, understood.concepts


# 2d423e2 is the commit before; the case below failed there.
def test_a_term_of_the_asker_s_story_is_what_the_question_points_back_to(ask: Ask) -> None:
    """Review 34: "My grandson has Down syndrome and his doctor mentioned atlantoaxial
    instability. How common is that in kids with Down syndrome?" refused: b8a54fa scored
    the story by its concepts alone, and no vocabulary reads "atlantoaxial"."""
    assert_led_by(
        ask,
        "My grandson has Down syndrome and his doctor mentioned atlantoaxial instability. "
        "How common is that in kids with Down syndrome?",
        r"10-20%",
    )


# 9a63fdc is the commit before; the case below failed there.
def test_what_an_effect_changes_asks_no_kind_of_its_own(ask: Ask) -> None:
    """Earlier review questions: "Does tranexamic acid improve functional outcome after
    intracerebral haemorrhage?" read "outcome" as prognosis asked on its own, and the
    trial's haematoma growth, its primary outcome, led over its finding on function."""
    assert_led_by(
        ask,
        "Does tranexamic acid improve functional outcome after intracerebral haemorrhage?",
        r"^Functional status\b",
    )


# 049350b is the commit before; the case below failed there.
def test_a_condition_told_as_what_a_drug_is_taken_for_need_not_be_named(ask: Ask) -> None:
    """Review 34: "My mum takes nitrofurantoin every night to stop her bladder infections
    coming back. Can it damage her lungs?" kept only records naming an infection, and
    refused; the review of drugs toxic to the lung names none."""
    assert_led_by(
        ask,
        "My mum takes nitrofurantoin every night to stop her bladder infections coming "
        "back. Can it damage her lungs?",
        r"lung toxicity include nitrofurantoin",
    )


# c36c5e3 is the commit before; the case below failed there.
def test_a_dose_asked_is_an_amount(ask: Ask) -> None:
    """Review 35: "What dose of intravenous propofol … prevents fentanyl-induced cough …?"
    was read as a summary and led by the trial's haemodynamics."""
    assert_led_by(
        ask,
        "What dose of intravenous propofol given before the fentanyl bolus prevents "
        "fentanyl-induced cough at induction of anaesthesia?",
        r"incidences of FIC were 9\.2%",
    )


# 9972e02 is the commit before; the case below failed there.
def test_a_diet_is_a_treatment_a_record_must_name(ask: Ask) -> None:
    """Review 35: "… does a low-FODMAP diet improve global symptoms compared with standard
    dietary advice?" read the diet as a finding, required no treatment of a record, and a
    biopsy study of wheat sensitivity led; the corpus holds no trial of the diet."""
    answer = ask(
        "In adults with irritable bowel syndrome, does a low-FODMAP diet improve global "
        "symptoms compared with standard dietary advice?"
    )
    assert not all_statements(answer), quoted(all_statements(answer))


# ca5e50e is the commit before; the case below failed there.
def test_what_that_is_asks_about_the_condition_the_story_names(ask: Ask) -> None:
    """Review 35: "… The neurologist says it's functional neurological disorder. What is
    that?" asked about her legs too, and refused."""
    assert_led_by(
        ask,
        "My sister keeps having attacks where her legs go weak and she shakes, but all her "
        "scans are normal. The neurologist says it's functional neurological disorder. "
        "What is that?",
        r"^Functional neurological disorder \(FND\) is",
        re.IGNORECASE,
    )


# 27cdc07 is the commit before; the case below failed there.
def test_what_that_is_asks_about_what_the_story_named_last(ask: Ask) -> None:
    """Review 36: "My granddaughter has cystic fibrosis and her specialist has just started
    her on Orkambi. What is that?" asked what cystic fibrosis is, and was led by it."""
    assert_led_by(
        ask,
        "My granddaughter has cystic fibrosis and her specialist has just started her on "
        "Orkambi. What is that?",
        r"Orkambi",
    )


# 726b5df is the commit before; the case below failed there.
def test_a_question_asked_of_it_asks_of_the_drug_the_story_names_last(ask: Ask) -> None:
    """Review 36: "My son is having chemo for testicular cancer and one of the drugs is
    bleomycin. Can it damage his lungs?" scored every line on bleomycin's lung toxicity
    against chemo and testicular cancer too, and refused."""
    assert_led_by(
        ask,
        "My son is having chemo for testicular cancer and one of the drugs is bleomycin. "
        "Can it damage his lungs?",
        r"(?i)bleomycin\b.*\blung|\blung.*\bbleomycin",
    )


# f366f52 is the commit before; the case below failed there.
def test_what_causes_it_asks_of_the_condition_the_story_names(ask: Ask) -> None:
    """Review 37: "… the neurologist says it is oculopharyngeal muscular dystrophy. What
    causes it?" asked of her eyelids and food too, required a record to name food, and
    refused."""
    assert_led_by(
        ask,
        "My mum's eyelids have started drooping and she chokes on her food, and the "
        "neurologist says it is oculopharyngeal muscular dystrophy. What causes it?",
        r"caused by the abnormal expansion",
    )


# 2e33a3e is the commit before; the case below failed there.
def test_the_back_of_the_eye_and_sight_coming_back_are_no_back_and_no_recurrence(
    ask: Ask,
) -> None:
    """Review 37: "… the main artery at the back of the eye is blocked. Will his sight come
    back?" read the back and the recurrence of a disease, and was led by an air-embolism
    case report."""
    assert_led_by(
        ask,
        "My husband suddenly lost the sight in his left eye this morning and the eye doctor "
        "says the main artery at the back of the eye is blocked. Will his sight come back?",
        r"(?i)retinal artery occlusion",
    )


# 2bd1fe5 is the commit before; the case below failed there.
def test_a_test_s_accuracy_asked_in_shorthand_is_led_by_its_accuracy(ask: Ask) -> None:
    """Review 37: "Sensitivity and specificity of the central vein sign on 3T MRI …?" was
    read as a summary and led by a line on FLAIR* MRI, not the study at 3T."""
    assert_led_by(
        ask,
        "Sensitivity and specificity of the central vein sign on 3T MRI for distinguishing "
        "multiple sclerosis from other conditions?",
        r"3T MRI yielded a high specificity",
    )


# 391294c is the commit before; the case below failed there.
def test_a_dose_asked_is_answered_by_a_dose_of_the_drug(ask: Ask) -> None:
    """Review 36: "What dose of levobupivacaine through a continuous spinal catheter gives
    adequate analgesia …?" was led by the pain scores of the trial's arms; its dose came
    last."""
    assert_led_by(
        ask,
        "What dose of levobupivacaine through a continuous spinal catheter gives adequate "
        "analgesia after total hip or knee replacement?",
        r"1\.25 mg/h",
    )


# 391294c is the commit before; the case below failed there.
def test_a_dose_asked_is_answered_by_a_line_calling_it_the_dose(ask: Ask) -> None:
    """Review 37: "What is the recommended dose of … C1 inhibitor (Ruconest) …?" was led
    by "… C1-INH NF concentrate 1000 U is indicated …", another product's licence, over
    "… established 50 U/kg as the recommended dose …"."""
    assert_led_by(
        ask,
        "What is the recommended dose of recombinant human C1 inhibitor (Ruconest) for acute "
        "attacks of hereditary angioedema?",
        r"50 U/kg as the recommended dose",
    )


# b9264c3 is the commit before; the case below failed there.
def test_a_lay_name_is_searched_by_the_disease_ontology_twin_s_short_form(ask: Ask) -> None:
    """Review 37: "I keep getting bladder infections. Can a probiotic lactobacillus pessary
    stop them coming back?" refused: the trial writing only "recurrent UTI" was no record
    on urinary tract infections."""
    assert_led_by(
        ask,
        "I keep getting bladder infections. Can a probiotic lactobacillus pessary stop them "
        "coming back?",
        r"reduction in recurrent UTI",
    )


# afc7ce6 is the commit before; the case below failed there.
def test_what_kind_of_drug_it_is_asks_of_the_drug_the_story_names(ask: Ask) -> None:
    """Review 37: "My dad's oncologist wants to start him on Lonsurf tablets for his bowel
    cancer. What kind of drug is it?" was read as no question of what something is, and
    led by "In May 2014, tablets containing both trifluridine and tipiracil hydrochloride
    (Lonsurf® tablets) were launched in Japan …"."""
    assert_led_by(
        ask,
        "My dad's oncologist wants to start him on Lonsurf tablets for his bowel cancer. "
        "What kind of drug is it?",
        r"Lonsurf is a new oral anti-tumor drug",
    )


# 640bfad is the commit before; the case below failed there.
def test_a_treatment_the_disease_resists_is_no_treatment_asked(shared_corpus: Engine) -> None:
    """Review 37: "In non-metastatic castration-resistant prostate cancer, which of
    apalutamide, enzalutamide and darolutamide is best tolerated?" asked of castration, a
    facet and a gap of its own."""
    question = (
        "In non-metastatic castration-resistant prostate cancer, which of apalutamide, "
        "enzalutamide and darolutamide is best tolerated?"
    )
    assert "Castration" not in concept_names(shared_corpus, question)
    assert "Prostatic Neoplasms" in concept_names(shared_corpus, question)


# 832f6a9 is the commit before; the case below failed there.
def test_what_something_is_after_a_story_is_answered_by_what_it_is(ask: Ask) -> None:
    """Reviews 35 to 37: "What is X?" after the asker's story was read as no question of
    what something is, and scored against the story's concepts too: "… Lonsurf tablets for
    his bowel cancer. What is Lonsurf?" quoted two trials and not what the drug is."""
    statements = bottom_line(
        ask(
            "My dad's oncologist wants to start him on Lonsurf tablets for his bowel cancer. "
            "What is Lonsurf?"
        )
    )
    assert any("Lonsurf is a new oral anti-tumor drug" in s.text for s in statements), quoted(
        statements
    )


# f1be85e is the commit before; the case below failed there.
def test_how_much_of_it_is_given_is_answered_by_its_dose(ask: Ask) -> None:
    """Review 38: "My mum's melanoma has spread and she's starting Keytruda. How much of it
    will she be given, and how often?" was led by a list of the year's approvals."""
    assert_led_by(
        ask,
        "My mum's melanoma has spread and she's starting Keytruda. How much of it will she "
        "be given, and how often?",
        r"recommended dose of 2 mg/kg every 3 weeks",
    )


# 52ce862 is the commit before; the case below failed there.
def test_a_trial_still_to_report_does_not_lead(ask: Ask) -> None:
    """Review 39: "Daprodustat vs darbepoetin alfa for anemia in non-dialysis CKD: how do
    they compare …?" was led by "… (ASCEND-D) trial will test the hypothesis that
    daprodustat is non-inferior …", the design of the dialysis trial, over the answer."""
    assert_led_by(
        ask,
        "Daprodustat vs darbepoetin alfa for anemia in non-dialysis CKD: how do they compare "
        "on hemoglobin response and cardiovascular safety?",
        r"not undergoing dialysis, daprodustat was noninferior",
    )


# a908b03 is the commit before; the case below failed there.
def test_a_record_naming_the_condition_with_a_word_left_out_is_not_refused(ask: Ask) -> None:
    """Review 39: records defining "Facioscapulohumeral dystrophy (FSHD)" were refused as
    mainly about another disease than facioscapulohumeral muscular dystrophy: FSHD's
    definition there matched none of the vocabulary's names, so it read as another sense."""
    answer = ask("What treatments are being tested for FSHD?")
    assert not [
        (record_id, disease)
        for record_id, disease in answer.refused
        if re.fullmatch(r"facioscapulohumeral (?:muscular )?dystrophy", disease, re.IGNORECASE)
    ]


# cd4d70b is the commit before; the case below failed there.
def test_whether_a_treatment_exists_is_answered_by_the_standing_fact(ask: Ask) -> None:
    """Review 39: "… facioscapulohumeral muscular dystrophy. Is there any treatment for
    it?" was led by a review's list of recent advances, while "… without approved
    therapies" stood among the research: a yes/no question is led by findings, and a
    treatment's existence is stated as background."""
    assert_led_by(
        ask,
        "Is there any treatment for facioscapulohumeral muscular dystrophy?",
        r"\bwithout approved therapies|\bno (?:approved|effective|curative) (?:therap|treatment)|"
        r"\bno cure\b|\bsupportive only",
    )


# 5c4d325 is the commit before; the case below failed there.
def test_what_the_story_s_drug_is_taken_for_is_not_the_drug_asked_of(
    shared_corpus: Engine,
) -> None:
    """ "My dad takes atorvastatin for his cholesterol. Can it cause muscle pain?" was asked
    of cholesterol, the story's last "treatment" (a chemical), with atorvastatin left out."""
    names = concept_names(
        shared_corpus, "My dad takes atorvastatin for his cholesterol. Can it cause muscle pain?"
    )
    assert "Atorvastatin" in names
    assert "Cholesterol" not in names


# 6a7a261 is the commit before; the case below failed there.
def test_a_test_s_sensitivities_answer_a_question_on_its_sensitivity(ask: Ask) -> None:
    """Review 40: "Sensitivity of the scratch collapse test for CTS?" was led by a line
    questioning the test's sensitivity, without a figure: "… sensitivities were 64% …"
    fitted no facet of diagnosis, whose cues were the singular words."""
    assert_led_by(
        ask, "Sensitivity of the scratch collapse test for CTS?", r"sensitivities were \d+%"
    )


# 10f8d74 is the commit before; the case below failed there.
def test_a_study_protocol_does_not_lead(ask: Ask) -> None:
    """Review 40: "Ticagrelor vs clopidogrel in elective PCI - less periprocedural
    myonecrosis?" was led by the ALPHEUS protocol's "… is especially designed to show a
    reduction in periprocedural events …", which reports no result."""
    statements = bottom_line(
        ask("Ticagrelor vs clopidogrel in elective PCI - less periprocedural myonecrosis?")
    )
    assert statements, quoted(statements)
    assert not any(re.search(r"\bdesigned to show\b", s.text) for s in statements), quoted(
        statements
    )


# 58a70bd is the commit before; the case below failed there.
def test_a_line_saying_what_a_review_is_about_does_not_lead(ask: Ask) -> None:
    """Review 40: "… Is Shingrix better than the older Zostavax?" was led by "A new
    recombinant subunit vaccine, HZ/su (Shingrix®), is the subject of this review."."""
    statements = bottom_line(
        ask(
            "My mum is 70 and her GP offered her the shingles jab. Is Shingrix better than "
            "the older Zostavax?"
        )
    )
    assert statements, quoted(statements)
    assert not any("subject of this review" in s.text for s in statements), quoted(statements)


# 2a6a7fb is the commit before; the case below failed there.
def test_a_dose_named_as_the_question_is_answered_by_the_dose_studied(ask: Ask) -> None:
    """Review 40: "IV valproate loading dose for status epilepticus in hypotensive pts?"
    was read as no dose question and refused, while a case series' methods said "…
    received a loading dose of valproate of 25.1 +/- 5.0 mg/kg …"."""
    assert_led_by(
        ask,
        "IV valproate loading dose for status epilepticus in hypotensive pts?",
        r"loading dose of valproate of [\d.]+",
    )


# 39d374a is the commit before; the case below failed there.
def test_what_a_story_s_drug_is_taken_for_is_no_facet(shared_corpus: Engine) -> None:
    """Review 40: "My dad takes a statin for his cholesterol and his doctor has now added
    gemfibrozil. Can the combination damage his muscles?" made cholesterol a facet and a
    gap of its own: why the statin is taken, not what is asked."""
    names = concept_names(
        shared_corpus,
        "My dad takes a statin for his cholesterol and his doctor has now added gemfibrozil. "
        "Can the combination damage his muscles?",
    )
    assert "Gemfibrozil" in names
    assert "Cholesterol" not in names


# 9da97a2 is the commit before; the case below failed there.
def test_a_line_stating_all_a_yes_no_question_asks_may_lead_as_background(ask: Ask) -> None:
    """Review 40: "My dad takes a statin for his cholesterol and his doctor has now added
    gemfibrozil. Can the combination damage his muscles?" was led by "… the precise
    mechanism of statin-induced muscle toxicity remains unclear.", while a one-line record
    read as background said the myopathy occurs more often with gemfibrozil."""
    assert_led_by(
        ask,
        "My dad takes a statin for his cholesterol and his doctor has now added gemfibrozil. "
        "Can the combination damage his muscles?",
        r"\bstatin is used with gemfibrozil\b",
    )


# 1c7ab77 is the commit before; the case below failed there.
def test_an_age_the_asker_tells_is_no_concept_asked(shared_corpus: Engine) -> None:
    """Review 40: "My mum is 70 and her GP offered her the shingles jab. …" made "70" a
    facet, and a gap saying no record answered on it."""
    names = concept_names(
        shared_corpus,
        "My mum is 70 and her GP offered her the shingles jab. Is Shingrix better than the "
        "older Zostavax?",
    )
    assert "Shingrix" in names
    assert "70" not in names


# 29dfcc7 is the commit before; the case below failed there.
def test_a_lead_pointing_back_comes_with_what_it_points_to(ask: Ask) -> None:
    """Review 40: "… his eyelashes have grown really long. Could it be the drug?" was led by
    "It is most frequently associated with cetuximab and erlotinib …", and the page never
    said what "it" was: the sentence before, on the lengthening of the eyelashes."""
    statements = bottom_line(
        ask(
            "My husband is on erlotinib tablets for his lung cancer and his eyelashes have "
            "grown really long. Could it be the drug?"
        )
    )
    pointing = [i for i, s in enumerate(statements) if s.text.startswith("It is most")]
    assert pointing, quoted(statements)
    before = statements[pointing[0] - 1] if pointing[0] else None
    assert before is not None and re.search(r"\beyelash", before.text), quoted(statements)
    assert before.record_id == statements[pointing[0]].record_id


# 45130ec is the commit before; the case below failed there.
def test_a_fold_increase_answers_how_likely_a_harm_is(ask: Ask) -> None:
    """Review 40: "… rotavirus vaccine … I read it can cause intussusception. How likely is
    that?" quoted no line saying how much more often: "… at least a fourfold increase over
    the expected number of intussusception cases …" gave no amount a reader reads."""
    statements = bottom_line(
        ask(
            "My baby is due his rotavirus vaccine next week. I read it can cause "
            "intussusception. How likely is that?"
        )
    )
    assert any("fourfold increase" in s.text for s in statements), quoted(statements)


# a662519 is the commit before; the case below failed there.
def test_a_line_saying_what_a_paper_describes_does_not_lead(ask: Ask) -> None:
    """Review 40: "… rotavirus vaccine … How likely is that?" was led by "We describe the
    intussusception epidemiology prior to rotavirus vaccine, … and estimate …", an aim the
    model read as a conclusion, over the fourfold increase observed."""
    assert_led_by(
        ask,
        "My baby is due his rotavirus vaccine next week. I read it can cause "
        "intussusception. How likely is that?",
        r"fourfold increase",
    )


# 18f8e6e is the commit before; the case below failed there.
def test_a_label_run_into_the_section_before_is_trimmed(ask: Ask) -> None:
    """Review 40: the ticagrelor trial's conclusion was quoted as ".INTERPRETATION:
    Ticagrelor was not superior …", its label and the section before's full stop kept."""
    statements = all_statements(
        ask("Ticagrelor vs clopidogrel in elective PCI - less periprocedural myonecrosis?")
    )
    found = [s for s in statements if "Ticagrelor was not superior" in s.text]
    assert found and all(s.text.startswith("Ticagrelor") for s in found), quoted(found)


# 3972e08 is the commit before; the case below failed there.
def test_a_vaccine_called_a_jab_or_drops_is_the_vaccine(shared_corpus: Engine) -> None:
    """Review 40: "… her GP offered her the shingles jab" was read as shingles, and "My
    baby is due his rotavirus drops" as the virus."""
    drops = concept_names(shared_corpus, "Are rotavirus drops safe for premature babies?")
    jab = concept_names(shared_corpus, "Should my mum at 80 have the shingles jab?")
    assert "Rotavirus Vaccines" in drops
    assert "Herpes Zoster Vaccine" in jab


# 1dc4e9a is the commit before; the case below failed there.
def test_a_clinician_s_shorthand_is_no_word_an_answer_must_name(
    shared_corpus: Engine, ask: Ask
) -> None:
    """Review 41: "Does PCT add anything to CRP and clinical signs for dx of pneumonia in
    primary care pts with acute cough?" refused: "dx" and "pts" were keywords every lead
    had to name, and "dx" asked no diagnosis."""
    question = (
        "Does PCT add anything to CRP and clinical signs for dx of pneumonia in primary "
        "care pts with acute cough?"
    )
    names = {name.lower() for name in concept_names(shared_corpus, question)}
    assert not {"dx", "pts"} & names
    assert QuestionType.DIAGNOSIS in shared_corpus.understand(question).types
    assert bottom_line(ask(question))


# 1830bb2 is the commit before; the case below failed there.
def test_two_things_joined_by_and_are_no_term_in_another_order(ask: Ask) -> None:
    """Review 41: "… Would taking melatonin before the operation help his nerves and the
    pain afterwards?" read "nerves and the pain" as nerve pain (Neuralgia), a condition
    every record had to name, and refused; the melatonin trial before wisdom-teeth removal
    answers it."""
    question = (
        "My son is 22 and is having all four wisdom teeth out next week, and he is very "
        "anxious. Would taking melatonin before the operation help his nerves and the pain "
        "afterwards?"
    )
    answer = ask(question)
    assert "Neuralgia" not in [c.name for c in understood(answer).concepts]
    assert_led_by(ask, question, r"\bMelatonin\b.*\bpain\b")


# df353db is the commit before; the case below failed there.
def test_a_finding_of_no_effect_answers_a_yes_no_question_over_the_claim_tested(
    ask: Ask,
) -> None:
    """Review 41: "Lithium in ALS - does it slow progression or prolong survival?" was led
    by the LiCALS trial's background, "… a small pilot study … showed a significant effect
    of lithium on survival", the claim it set out to test; the corpus's findings say no."""
    assert_led_by(
        ask,
        "Lithium in ALS - does it slow progression or prolong survival?",
        r"no (?:statistically )?significant differences?|no (?:short-term )?benefit",
    )


# c7e07dc is the commit before; the case below failed there.
def test_a_clinician_s_comparison_after_a_dash_is_settled_by_a_finding(
    shared_corpus: Engine, ask: Ask
) -> None:
    """Review 42: "Cerebellar vs supratentorial GBM - worse survival?" was read as asking
    for a summary, and led by a background line; "Nemolizumab dose in AD?" asked no dose,
    and "Retapamulin oint MOA?" no mechanism."""
    question = "Cerebellar vs supratentorial GBM - worse survival?"
    assert shared_corpus.understand(question).answer_kind is AnswerKind.YES_NO
    assert_led_by(ask, question, r"\bsurvival\b.*\b(?:advantage|worse|better|shorter|longer)")
    assert shared_corpus.understand("Nemolizumab dose in AD?").dose_asked
    mechanism = shared_corpus.understand("Retapamulin oint MOA?")
    assert QuestionType.MECHANISM in mechanism.types
    assert "MOA" not in [c.mention for c in mechanism.concepts]


# bf8b0b2 is the commit before; the case below failed there.
def test_a_cohort_s_baseline_is_no_finding_on_the_relation_asked(ask: Ask) -> None:
    """Read by hand at 4c05589: "My dad has just been diagnosed with atrial fibrillation.
    Does he need to take a blood thinner to prevent a stroke?" was led by a cohort's
    baseline, "Patients with prior use of warfarin or NOACs were older and had higher
    prevalence of atrial fibrillation and prior stroke.", once a result naming both sides
    of a yes/no question's relation answered from 0.4."""
    statements = bottom_line(
        ask(
            "My dad has just been diagnosed with atrial fibrillation. Does he need to take a "
            "blood thinner to prevent a stroke?"
        )
    )
    assert not any("were older and had higher prevalence" in s.text for s in statements), quoted(
        statements
    )
