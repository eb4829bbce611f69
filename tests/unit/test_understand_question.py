"""Reading questions: concepts with roles, abbreviation senses, kinds, facets, follow-ups."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from medcite.records import (
    AbbreviationSense,
    AnswerKind,
    Concept,
    ConceptRole,
    Question,
    QuestionConcept,
    QuestionType,
    Record,
    Section,
    Source,
    Vocabulary,
)
from medcite.understand import (
    Knowledge,
    build_lexicon,
    question_lexicon,
    record_topics,
    understand_question,
)
from medcite.understand.abbreviations import shortens
from medcite.understand.kinds import (
    EXISTENCE_CUES,
    answer_kind,
    asked_status,
    asks_accuracy,
    asks_effect,
    asks_written_out,
    question_types,
    what_it_is,
)
from medcite.understand.question import (
    GUIDANCE_NOUNS,
    _told,
    _what_a_treatment_is_taken_for,
    _without_appositions,
    _without_dosage_forms,
    _without_the_asker_s_people,
)
from medcite.understand.senses import ContextFit, choose_sense
from medcite.vocab import VocabularyStore, read_vocabulary_file

SEED_QUESTION = (
    "What are the MRI findings and diagnosis for Central Nervous System (CNS) and Peripheral "
    "Nervous System (PNS) involvement in Systemic Sclerosis (Scleroderma)?"
)


class CorpusSenses:
    """An in-memory table of abbreviation definitions, as the document store keeps it."""

    def __init__(self, senses: Sequence[AbbreviationSense]) -> None:
        self._senses = senses

    def abbreviation_senses(self, short_form: str) -> tuple[AbbreviationSense, ...]:
        return tuple(s for s in self._senses if s.short_form == short_form)

    def abbreviations_of(self, long_keys: Iterable[str]) -> tuple[AbbreviationSense, ...]:
        keys = set(long_keys)
        return tuple(s for s in self._senses if s.long_form.lower() in keys)


CORPUS = CorpusSenses(
    [
        AbbreviationSense("MRI", "magnetic resonance imaging", 40),
        AbbreviationSense("MS", "multiple sclerosis", 30),
        AbbreviationSense("MS", "mass spectrometry", 25),
        AbbreviationSense("SSc", "systemic sclerosis", 12),
    ]
)


def cooccurrence(long_form: str, words: Sequence[str]) -> float:
    """A stand-in for the index: MRI and lesions go with MS the disease, peptides with the other."""
    disease, assay = {"MRI", "lesions", "brain"}, {"peptides", "proteomics"}
    fits = {"multiple sclerosis": disease, "mass spectrometry": assay}.get(long_form, set())
    return sum(2.0 if word in fits else -0.5 for word in words)


@pytest.fixture(scope="module")
def knowledge(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    store = VocabularyStore.open(tmp_path_factory.mktemp("vocab") / "vocab.sqlite3")
    concepts = []
    for name in ("mini_mesh.bin", "mini_doid.obo"):
        path = fixtures_dir / "vocab" / name
        found = read_vocabulary_file(path)
        store.replace_vocabulary(found.vocabulary, found.concepts, path, found.sha256)
        concepts += found.concepts
    yield Knowledge(build_lexicon(concepts), store, CORPUS, cooccurrence)
    store.close()


def test_seed_question_concepts_roles_and_facets(knowledge: Knowledge) -> None:
    question = understand_question(SEED_QUESTION, knowledge)
    roles = {c.id: c.role for c in question.concepts}
    assert roles == {
        "D008279": ConceptRole.IMAGING,
        "D002490": ConceptRole.BODY_SYSTEM,
        "D017933": ConceptRole.BODY_SYSTEM,
        "D012595": ConceptRole.CONDITION,
    }
    assert [f.label for f in question.facets] == [
        "Central Nervous System × Magnetic Resonance Imaging",
        "Peripheral Nervous System × Magnetic Resonance Imaging",
        "diagnosis",
    ]
    assert QuestionType.DIAGNOSIS in question.types
    assert QuestionType.FINDINGS in question.types
    ssc = next(c for c in question.concepts if c.id == "D012595")
    assert ssc.ids == ("D012595", "DOID:418")  # "Scleroderma" resolved to the same concept
    assert {"SSc"} <= set(ssc.abbreviations)
    assert "progressive systemic sclerosis" in ssc.synonyms
    cns = next(c for c in question.concepts if c.id == "D002490")
    assert "CNS" in cns.abbreviations  # defined in the question itself
    assert set(cns.narrower_names) == {"Brain", "Spinal Cord"}
    mri = next(c for c in question.concepts if c.id == "D008279")
    assert mri.abbreviation == "MRI"  # a sense from the corpus's definitions
    assert "X-Ray Computed Tomography" in mri.related  # indirect: another modality


@pytest.mark.parametrize(
    ("question", "meaning"),
    [
        ("Which MRI lesions are typical of MS?", "D009103"),
        ("Can MS identify peptides in proteomics?", "D013058"),
    ],
)
def test_ambiguous_abbreviation_follows_its_context(
    knowledge: Knowledge, question: str, meaning: str
) -> None:
    understood = understand_question(question, knowledge)
    assert meaning in [c.id for c in understood.concepts]


def test_an_unsure_sense_is_said_with_the_alternatives(knowledge: Knowledge) -> None:
    understood = understand_question("What is MS?", knowledge)
    assert any("MS was read as" in note and "also mean" in note for note in understood.notes)
    (ms,) = understood.concepts
    assert ms.abbreviation == "MS" and ms.other_senses  # the answer can offer the others


def test_a_shortened_spelling_of_the_sense_is_no_other_meaning(knowledge: Knowledge) -> None:
    corpus = CorpusSenses(
        [
            AbbreviationSense("MRI", "magnetic resonance imaging", 40),
            AbbreviationSense("MRI", "MR imaging", 30),  # "MR imaging (MRI)" in an abstract
        ]
    )
    understood = understand_question("What does MRI show?", replace(knowledge, senses=corpus))
    (mri,) = understood.concepts
    assert mri.id == "D008279" and mri.other_senses == ()
    assert not any("MR imaging" in note for note in understood.notes)


@pytest.mark.parametrize(
    ("written", "full", "shortened"),
    [
        ("MR imaging", "magnetic resonance imaging", True),
        ("CT scan", "computed tomography scan", True),
        ("magnetic resonance imaging", "magnetic resonance imaging", False),
        ("mass spectrometry", "multiple sclerosis", False),
        ("MR", "magnetic resonance imaging", False),
        ("MRI imaging", "magnetic resonance imaging", False),
        ("facioscapulohumeral dystrophy", "facioscapulohumeral muscular dystrophy", True),
        ("muscular dystrophy", "facioscapulohumeral muscular dystrophy", False),
        ("small cell lung cancer", "non-small cell lung cancer", False),
        ("facioscapulohumeral dystrophy", "facioscapulohumeral muscular dystrophy type 1", False),
        ("dystrophy", "muscular dystrophy", False),
    ],
)
def test_shortens(written: str, full: str, shortened: bool) -> None:
    assert shortens(written, full) is shortened


def test_choose_sense_prefers_counts_without_context() -> None:
    senses = [
        AbbreviationSense("PE", "polyethylene", 2),
        AbbreviationSense("PE", "pulmonary embolism", 9),
    ]
    choice = choose_sense(senses, [], None)
    assert choice is not None
    assert choice.chosen.long_form == "pulmonary embolism"
    assert choice.probability == pytest.approx(10 / 13)


def test_no_concept_is_said_and_still_a_question(knowledge: Knowledge) -> None:
    understood = understand_question("What is the best way to learn the violin?", knowledge)
    assert understood.concepts == ()
    assert any("No medical concept" in note for note in understood.notes)


def test_question_kinds() -> None:
    from medcite.understand.kinds import question_types

    assert question_types("How is systemic sclerosis treated?") == (QuestionType.TREATMENT,)
    assert QuestionType.YES_NO in question_types("Does methotrexate cause cancer?")
    assert QuestionType.EPIDEMIOLOGY in question_types("What is the prevalence of lupus?")
    assert question_types("How does methotrexate work?") == (QuestionType.MECHANISM,)
    # review 17: "how does … compare" asks how two treatments fare, not how one works
    assert question_types("How does Xofluza compare with Tamiflu for flu?") == ()


def test_follow_up_inherits_condition_and_population(knowledge: Knowledge) -> None:
    first = understand_question("MRI of the brain in children with systemic sclerosis", knowledge)
    follow_up = understand_question("and how is it treated with methotrexate?", knowledge, first)
    roles = {c.id: c.role for c in follow_up.concepts}
    assert roles["D012595"] is ConceptRole.CONDITION
    assert roles["D002648"] is ConceptRole.POPULATION
    assert roles["D008727"] is ConceptRole.INTERVENTION
    assert any("Carried over" in note for note in follow_up.notes)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Is ibrutinib effective for mantle cell lymphoma?", AnswerKind.YES_NO),
        ("Does metformin reduce mortality?", AnswerKind.YES_NO),
        ("Which genes are mutated in Wilson disease?", AnswerKind.NAMING),
        ("Concizumab is used for which diseases?", AnswerKind.NAMING),
        ("What is the mode of inheritance of Wilson disease?", AnswerKind.NAMING),
        ("List drugs for hemophilia.", AnswerKind.NAMING),
        ("Describe the role of TP53 in cancer.", AnswerKind.SUMMARY),
        ("What is the function of the spliceosome?", AnswerKind.SUMMARY),
        ("How much does fingolimod reduce the relapse rate?", AnswerKind.QUANTITY),
        ("How many people have Wilson disease?", AnswerKind.QUANTITY),
        ("How often should HbA1c be measured in diabetes?", AnswerKind.QUANTITY),
        # a hand review: asked as a degree, a test's sensitivity or an effect's size
        ("By how much does fingolimod reduce the relapse rate?", AnswerKind.QUANTITY),
        ("How sensitive is troponin T for myocardial infarction?", AnswerKind.QUANTITY),
        ("How accurately does chest X-ray identify fluid overload?", AnswerKind.QUANTITY),
        ("How protective is the oral cholera vaccine?", AnswerKind.QUANTITY),
        ("How effective is the single-dose oral cholera vaccine?", AnswerKind.QUANTITY),
        ("What is the HBeAg clearance rate with interferon alfa?", AnswerKind.QUANTITY),
        ("What is the lifetime risk of hypertension at 55?", AnswerKind.QUANTITY),
        # review 36: a chance asked is an amount
        ("What are the chances my baby catches hepatitis C from me?", AnswerKind.QUANTITY),
        ("What is the likelihood of relapse after stopping?", AnswerKind.QUANTITY),
        # review 37: an efficacy asked of a past trial, a test's accuracy in shorthand
        ("What protective efficacy did L9LS show against malaria?", AnswerKind.QUANTITY),
        ("Sensitivity and specificity of D-dimer for pulmonary embolism?", AnswerKind.QUANTITY),
        ("What is the role of risk factors in gout?", AnswerKind.SUMMARY),
        ("What are the risks of anesthesia in children?", AnswerKind.SUMMARY),
        ("How is Wilson disease diagnosed?", AnswerKind.SUMMARY),
        # review 16: a share asked by its name, and a setting put before the question
        ("What percentage of bariatric surgery candidates have depression?", AnswerKind.QUANTITY),
        # review 35: a dose asked is an amount; a dose-response relation is not one
        ("What dose of propofol prevents fentanyl-induced cough?", AnswerKind.QUANTITY),
        ("What is the recommended dosage of vitamin D in pregnancy?", AnswerKind.QUANTITY),
        ("What is the dose-response relation of alcohol and cancer?", AnswerKind.SUMMARY),
        ("What proportion of smokers develop COPD?", AnswerKind.QUANTITY),
        ("In adults with HIV, does antiretroviral therapy lower TB risk?", AnswerKind.YES_NO),
        ("Among smokers, how common is COPD?", AnswerKind.QUANTITY),
        ("In Wilson disease, which genes are mutated?", AnswerKind.NAMING),
        ("In children, the role of zinc in diarrhoea?", AnswerKind.SUMMARY),
        # review 31: what the asker tells first, then the question
        ("My son was just diagnosed with type 1 diabetes - can ATG help?", AnswerKind.YES_NO),
        ("Rash after a tick bite. Is it Lyme disease?", AnswerKind.YES_NO),
        ("My baby is breech - how often does turning work?", AnswerKind.QUANTITY),
        ("What is X - is it a virus?", AnswerKind.SUMMARY),  # a question first is the question
    ],
)
def test_the_kind_of_answer_a_question_wants(question: str, kind: AnswerKind) -> None:
    assert answer_kind(question) is kind


def test_what_the_asker_tells_first_asks_no_kind() -> None:
    """Review 31: "My niece has been diagnosed with Rett syndrome - what gene causes it?"
    asked of diagnosis, from the words telling what happened."""
    told = "My niece has been diagnosed with Rett syndrome - what gene causes it?"
    assert question_types(told) == (QuestionType.ETIOLOGY,)
    assert QuestionType.DIAGNOSIS in question_types("How is Rett syndrome diagnosed?")


@pytest.mark.parametrize(
    ("question", "effect"),
    [
        ("How much does fingolimod reduce the relapse rate?", True),
        ("By how much does fingolimod reduce the relapse rate?", True),
        ("How often does rheumatoid arthritis cause interstitial lung disease?", True),
        ("How likely is a relapse after stopping fingolimod?", True),
        ("How many people have Wilson disease?", False),  # a count of things
        ("How often should HbA1c be measured in diabetes?", False),  # advice, not an effect
        ("How large is the SARS-CoV proteome?", False),
        ("Does fingolimod reduce the relapse rate?", False),  # yes/no already
    ],
)
def test_an_amount_asked_of_an_effect_is_told_apart(question: str, effect: bool) -> None:
    """ "How much does X reduce Y?" is answered by the finding on "Does X reduce Y?"."""
    assert asks_effect(question) is effect


@pytest.mark.parametrize(
    ("question", "accuracy"),
    [
        ("How accurate is RT-QuIC on CSF for diagnosing CJD?", True),
        ("How sensitive is high-sensitivity troponin for myocardial infarction?", True),
        ("What is the diagnostic accuracy of the scratch collapse test?", True),
        ("What are the sensitivity and specificity of D-dimer?", True),
        # review 35
        ("How accurately does the vascular pedicle width identify fluid repletion?", True),
        # review 37: asked in a clinician's shorthand
        ("Sensitivity and specificity of the central vein sign for multiple sclerosis?", True),
        ("Diagnostic accuracy of D-dimer in pulmonary embolism?", True),
        ("How effective is the PfSPZ malaria vaccine?", False),
        ("Sensitivity to penicillin in children with pneumonia?", False),
        ("How common is neuropathic pain in chronic low back pain?", False),
        ("Is the scratch collapse test accurate for carpal tunnel syndrome?", False),  # yes/no
    ],
)
def test_a_question_asking_a_test_s_accuracy_is_told_apart(question: str, accuracy: bool) -> None:
    """ "How accurate is X?" is answered by X's sensitivity and specificity, not by any
    amount its study reports."""
    assert asks_accuracy(question) is accuracy


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("What is ferroptosis?", "ferroptosis"),
        ('What are the "Ohnologs"?', "Ohnologs"),
        ("What is the 4D-CHAINS algorithm?", "4D-CHAINS algorithm"),
        ("What is catamenial pneumothorax", "catamenial pneumothorax"),
        ("Define PEGylation.", "PEGylation"),
        ("What does CADASIL mean?", "CADASIL"),
        ("What does RUNX2 stand for?", "RUNX2"),
        ("What is the full name of MVA85A?", "MVA85A"),
        ("What kind of medicine is Mounjaro?", "Mounjaro"),  # review 27
        ("What class of drugs are statins?", "statins"),
        ("What type of drug is used for gout?", ""),  # names drugs for gout
        ("What kind of exercise is best for back pain?", ""),
        ("What is known about the PYHIN proteins?", ""),  # an account of them
        ("What is the role of TWIST1 in craniosynostosis?", ""),
        ("What is the best treatment for gout?", ""),
        ("What is the prevalence of gout?", ""),  # an amount
        ("What are the symptoms of gout?", ""),  # names
        ("What is the mechanism?", ""),
        ("What is the drug that is used most often to treat gout in the elderly?", ""),
        # reviews 35 to 37: after the asker's story
        ("My doctor mentioned methotrexate. What is methotrexate?", "methotrexate"),
        ("In children with impetigo, what is the first-line treatment?", ""),
    ],
)
def test_a_question_asking_only_what_something_is_is_told_apart(
    question: str, name: str, knowledge: Knowledge
) -> None:
    """ "What is X?" is answered first by the sentence saying what X is."""
    assert what_it_is(question) == name
    assert understand_question(question, knowledge).defined == name


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("My mum's doctor says she has systemic sclerosis. What is that?", "systemic sclerosis"),
        ("I was told I have systemic sclerosis. What does that mean?", "systemic sclerosis"),
        ("I was told I have systemic sclerosis. What is it like to live with?", ""),
        ("What is that?", ""),  # no story to point back to, and "that" is no name
        # review 36: the drug named last, not the condition before it
        (
            "My mum has systemic sclerosis and was started on methotrexate. What is that?",
            "methotrexate",
        ),
        # review 37: asked what kind of drug it is, the treatment named before the disease
        (
            "My mum was started on methotrexate for systemic sclerosis. What kind of drug is it?",
            "methotrexate",
        ),
        (
            "My mum was started on methotrexate for systemic sclerosis. What kind of disease is "
            "it?",
            "systemic sclerosis",
        ),
    ],
)
def test_what_that_is_asks_about_what_the_story_names(
    question: str, name: str, knowledge: Knowledge
) -> None:
    """Review 35: "… The neurologist says it's functional neurological disorder. What is
    that?" asked about the legs of her story too, and refused. Review 36: "… has just
    started her on Orkambi. What is that?" asks about the drug named last."""
    understood = understand_question(question, knowledge)
    assert understood.defined == name
    if name:
        assert [c.mention for c in understood.concepts] == [name]
        assert understood.told_terms == ()


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # review 37: what is asked of "it", a condition, is asked of the story's condition
        (
            "My mum's brain MRI was abnormal and the doctor says it is systemic sclerosis. "
            "What causes it?",
            ["systemic sclerosis"],
        ),
        (
            "My mum had a brain MRI and has systemic sclerosis. How common is it in children?",
            ["systemic sclerosis", "children"],
        ),
        # what a treatment does is asked of the story's treatment
        (
            "My mum is on methotrexate for rheumatoid arthritis. What side effects might it "
            "give her?",
            ["methotrexate"],
        ),
        # review 38: and its dose
        (
            "My mum is on methotrexate for rheumatoid arthritis. How much of it will she be given?",
            ["methotrexate"],
        ),
        # the question proper names its own condition: nothing points back
        (
            "My mum had a brain MRI and has systemic sclerosis. What causes rheumatoid arthritis?",
            ["brain", "MRI", "systemic sclerosis", "rheumatoid arthritis"],
        ),
    ],
)
def test_what_is_asked_of_it_is_asked_of_what_the_story_names(
    question: str, asked: list[str], knowledge: Knowledge
) -> None:
    """Review 37: "… the neurologist says it is oculopharyngeal muscular dystrophy. What
    causes it?" asked of her eyelids and food too, and refused."""
    understood = understand_question(question, knowledge)
    assert [c.mention for c in understood.concepts] == asked


@pytest.mark.parametrize(
    ("question", "dose"),
    [
        ("What dose of levobupivacaine gives adequate analgesia after hip replacement?", True),
        ("What is the recommended dosage of vitamin D in pregnancy?", True),
        ("What are the usual starting doses of methotrexate?", True),
        # review 38: asked as how much is given
        ("My mum is starting methotrexate. How much of it will she be given?", True),
        ("How much methotrexate is given for rheumatoid arthritis?", True),
        ("How much weight will I lose on methotrexate?", False),
        ("What is the dose-response relation of alcohol and cancer?", False),
        ("What is the risk of a methotrexate overdose?", False),
        ("How often does methotrexate cause liver damage?", False),
        # review 40: a clinician's noun phrase naming the dose it wants
        ("IV methotrexate loading dose for rheumatoid arthritis?", True),
        ("Methotrexate dosing in rheumatoid arthritis?", True),
        ("Low-dose methotrexate for rheumatoid arthritis?", False),
        ("Methotrexate dose in rheumatoid arthritis?", True),  # review 42
        ("Low dose methotrexate for rheumatoid arthritis?", False),
        ("Does maintenance dosing of methotrexate prevent flares?", False),
    ],
)
def test_a_question_asking_a_dose_is_told_apart(
    question: str, dose: bool, knowledge: Knowledge
) -> None:
    """Review 36: a dose asked is answered by a dose of the treatment, not by any amount."""
    assert understand_question(question, knowledge).dose_asked is dose


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # the condition the drug is taken for says why it is given
        (
            "My mum is on methotrexate for rheumatoid arthritis. Can it cause cancer?",
            ["methotrexate", "cancer"],
        ),
        # a condition named first is what she has
        (
            "My mum has rheumatoid arthritis and is on methotrexate. Can it cause cancer?",
            ["rheumatoid arthritis", "methotrexate", "cancer"],
        ),
        # the story's other treatments are not asked of
        (
            "My mum had an MRI and then started methotrexate. Can it cause cancer?",
            ["methotrexate", "cancer"],
        ),
        # "it" names what comes after: the question proper names its own treatment
        (
            "My mum is on methotrexate for rheumatoid arthritis. Is it safe to have an MRI?",
            ["methotrexate", "rheumatoid arthritis", "MRI"],
        ),
    ],
)
def test_a_question_asked_of_it_asks_of_the_treatment_the_story_names_last(
    question: str, asked: list[str], knowledge: Knowledge
) -> None:
    """Review 36: "My son is having chemo for testicular cancer and one of the drugs is
    bleomycin. Can it damage his lungs?" scored the lines on bleomycin's lung toxicity
    against chemo and testicular cancer too, and refused."""
    understood = understand_question(question, knowledge)
    assert [c.mention for c in understood.concepts] == asked
    if len(asked) == 2:
        assert understood.told_terms == ()


@pytest.mark.parametrize(
    ("story", "taken_for"),
    [
        ("My dad takes atorvastatin for his cholesterol.", ["cholesterol"]),
        ("My dad takes atorvastatin for his high cholesterol.", ["cholesterol"]),
        ("My dad takes atorvastatin and aspirin.", []),  # two treatments, neither for
        ("For his cholesterol he takes atorvastatin.", []),  # no treatment named before
    ],
)
def test_what_a_treatment_is_taken_for_is_no_treatment_of_the_story(
    story: str, taken_for: list[str]
) -> None:
    """ "My dad takes atorvastatin for his cholesterol. Can it cause muscle pain?" was
    asked of cholesterol, a chemical read as a treatment, and atorvastatin left out."""
    names = ("atorvastatin", "aspirin", "cholesterol")
    treatments = [
        QuestionConcept((name,), name, ConceptRole.INTERVENTION, name, start, start + len(name))
        for name in names
        if (start := story.find(name)) >= 0
    ]
    found = _what_a_treatment_is_taken_for(story, treatments, len(story))
    assert [c.mention for c in found] == taken_for


def test_what_something_is_after_a_story_asks_of_what_the_question_proper_names(
    knowledge: Knowledge,
) -> None:
    """ "… started him on Lonsurf tablets for his bowel cancer. What is Lonsurf?" was
    scored against the story's bowel cancer and tablets too."""
    understood = understand_question(
        "My mum had a brain MRI and is on methotrexate. What is methotrexate?", knowledge
    )
    assert [c.mention for c in understood.concepts] == ["methotrexate"]
    assert understood.told_terms == ()
    unnamed = understand_question(
        "My mum had a brain MRI and is on methotrexate. What is Lonsurf?", knowledge
    )
    assert "brain" in [c.mention for c in unnamed.concepts]


@pytest.mark.parametrize(
    ("question", "written_out"),
    [
        ("What does RUNX2 stand for?", True),
        ("What does the acronym FBDD stand for?", True),
        ("What is HbA1c short for?", True),
        ("What is the full name of MVA85A?", True),
        ("What does the abbreviation COPD mean?", True),
        ("What does CADASIL mean?", False),  # what it is
        ("What is ferroptosis?", False),
        ('What does "28" stand for in the Disease Activity Score DAS28?', False),  # more
    ],
)
def test_a_question_asking_what_a_short_form_stands_for_is_told_apart(
    question: str, written_out: bool, knowledge: Knowledge
) -> None:
    """ "What does PCAT6 stand for?" is answered by the sentence writing it out."""
    assert asks_written_out(question) is written_out
    assert understand_question(question, knowledge).written_out is written_out


@pytest.mark.parametrize(
    ("question", "cues"),
    [
        ("Has amantadine ER been approved by the FDA?", ("approv",)),
        ("Is a vaccine available for hepatitis C?", ("available",)),
        ("Is aspirin recommended after stroke?", ("recommend",)),
        ("Is ibrutinib effective for mantle cell lymphoma?", ()),
        ("Is there any treatment for it?", EXISTENCE_CUES),
        ("My son has FSHD. Is there a cure for it?", EXISTENCE_CUES),
        ("Are there new drugs for gout?", EXISTENCE_CUES),
        ("Is there an association between statins and ALS?", ()),
        ("Which drugs are approved for hemophilia?", ()),  # names them: not yes/no
    ],
)
def test_a_yes_no_question_on_a_standing_fact_names_it(
    question: str, cues: tuple[str, ...]
) -> None:
    assert asked_status(question) == cues


def test_a_sense_the_question_rules_out_is_not_forced(knowledge: Knowledge) -> None:
    """Every known sense of MS meets these words far less often than chance: MS stays MS."""

    def nothing_fits(long_form: str, words: Sequence[str]) -> float:
        return -3.0 * len(words)

    understood = understand_question(
        "Does MS regulate spliceosome kinetics?", replace(knowledge, context_fit=nothing_fits)
    )
    assert "D009103" not in [c.id for c in understood.concepts]
    assert "D013058" not in [c.id for c in understood.concepts]
    assert any("MS was kept as written" in note for note in understood.notes)
    assert "word:ms" in [c.id for c in understood.concepts]  # the literal form, as a keyword


def test_a_sense_no_vocabulary_names_is_searched_as_spelled_out(knowledge: Knowledge) -> None:
    """The corpus spells HES out as hydroxyethyl starch, which no concept of the
    vocabularies is named: HES stays a name of its own, searched and met also as the
    corpus spells it (review 11: records writing "hydroxyethyl starch" did not meet it)."""
    corpus = CorpusSenses([AbbreviationSense("HES", "hydroxyethyl starch", 2)])
    understood = understand_question(
        "Does HES increase bleeding after surgery?", replace(knowledge, senses=corpus)
    )
    (hes,) = [c for c in understood.concepts if c.mention == "HES"]
    assert hes.role is ConceptRole.KEYWORD
    assert hes.synonyms[0] == "hydroxyethyl starch"


def all_rare(words: Iterable[str]) -> dict[str, float]:
    """Every word as rare as a drug's name in the corpus."""
    return dict.fromkeys(words, 9.0)


def test_a_brand_is_searched_as_the_drug_the_corpus_defines_it_as(knowledge: Knowledge) -> None:
    """Review 17: "How does Xofluza compare with Tamiflu …?" kept "Xofluza" as a name every
    answer had to print, though the corpus writes "baloxavir marboxil (Xofluza)"."""
    corpus = CorpusSenses([AbbreviationSense("Xofluza", "baloxavir marboxil", 2)])
    understood = understand_question(
        "Does Xofluza shorten influenza?", replace(knowledge, senses=corpus, rarity=all_rare)
    )
    (brand,) = [c for c in understood.concepts if c.mention == "Xofluza"]
    assert brand.role is ConceptRole.KEYWORD
    assert brand.synonyms[0] == "baloxavir marboxil"


@pytest.mark.parametrize(
    ("question", "beside"),
    [
        # two things related, no condition: each facet alone is answered beside the other
        (
            "Is methotrexate used for post-exposure prophylaxis?",
            {"methotrexate": ("D056990",), "post-exposure prophylaxis": ("D008727",)},
        ),
        # a condition beside every facet: each is a part of the question
        (
            "Does methotrexate help children with rheumatoid arthritis?",
            {"methotrexate": (), "children": ()},
        ),
        # the drug leaves out only the people: it is the question's subject
        (
            "Is methotrexate safe in children?",
            {"methotrexate": (), "children": ("D008727",), "adverse effects": ()},
        ),
        # a name no vocabulary knows is the subject of what it is, or of a standing fact
        (
            "Is XRCC4 a target of methotrexate?",
            {"methotrexate": ("word:xrcc4",), "XRCC4": ()},
        ),
        (
            "Has XRCC4 been approved for use with methotrexate?",
            {"methotrexate": ("word:xrcc4",), "XRCC4": ()},
        ),
        # but asked what it does to another, a sentence on it alone does not answer
        (
            "Can XRCC4 loss lead to resistance to methotrexate?",
            {"methotrexate": ("word:xrcc4",), "XRCC4": ("D008727",)},
        ),
    ],
)
def test_a_facet_alone_is_answered_beside_the_question_s_other_concepts(
    knowledge: Knowledge, question: str, beside: dict[str, tuple[str, ...]]
) -> None:
    """Review 18: "Does giving babies Calpol when they have their jabs make the vaccines
    work less well?" asked "vaccines" alone, and a line on vaccine advisory committees led.
    "Can nrf2 activation lead to resistance to radiotherapy?", its gold gone, was answered
    from a review of an Nrf2 activator on insulin resistance (BioASQ dev)."""
    facets = understand_question(question, knowledge).facets
    assert {facet.label: facet.answered_beside for facet in facets} == beside


def read_as_the_only_concept(tmp_path: Path, concept: Concept, texts: list[str]) -> list[bool]:
    """Whether each of ``texts`` is read as naming ``concept``, the only concept known."""
    store = VocabularyStore.open(tmp_path / "vocab.sqlite3")
    store.replace_vocabulary(Vocabulary.MESH, [concept], tmp_path / "one.bin", "0" * 64)
    knowledge = Knowledge(build_lexicon([concept]), store)
    try:
        return [
            concept.id in {c.id for c in understand_question(text, knowledge).concepts}
            for text in texts
        ]
    finally:
        store.close()


def test_back_after_a_verb_it_makes_phrasal_is_no_body_part(tmp_path: Path) -> None:
    """Review 18: "What's the best way to stop bacterial vaginosis coming back …?" had a
    facet "back", MeSH's body part, that no record spoke to."""
    back = Concept("D001415", Vocabulary.MESH, "Back", tree_numbers=("A01.176",))
    cases = [
        ("Does cutting back on salt help?", False),
        ("Did the pain bounce back?", False),
        ("Will my hair grow back?", False),
        # review 37: where on something else
        ("Is the artery at the back of the eye blocked?", False),
        ("Does yoga help a bad back?", True),
        # review 31: "back" saying when
        ("How did thalidomide harm babies back in the 1960s?", False),
        ("Was aspirin given for fever back then?", False),
        ("Does back pain come back in the elderly?", True),
    ]
    texts = [text for text, _ in cases]
    assert read_as_the_only_concept(tmp_path, back, texts) == [read for _, read in cases]


def test_a_function_coming_back_is_no_recurrence(tmp_path: Path) -> None:
    """Review 37: "… Will his sight come back?" was read as the recurrence of a disease."""
    recurrence = Concept("D012008", Vocabulary.MESH, "Recurrence")
    cases = [
        ("Will his sight come back?", False),
        ("Will her periods ever come back after chemo?", False),
        ("How do I stop thrush coming back?", True),
    ]
    texts = [text for text, _ in cases]
    assert read_as_the_only_concept(tmp_path, recurrence, texts) == [read for _, read in cases]


def test_a_concept_is_not_searched_by_a_name_the_lexicon_gives_another(tmp_path: Path) -> None:
    """Review 19: pre-eclampsia was searched also as "gestational hypertension", a synonym
    the Disease Ontology gives it and MeSH gives another descriptor."""
    mesh, do = Vocabulary.MESH, Vocabulary.DISEASE_ONTOLOGY
    concepts = [
        Concept("D046110", mesh, "Hypertension, Pregnancy-Induced", ("Gestational Hypertension",)),
        Concept("D011225", mesh, "Pre-Eclampsia", ("Preeclampsia",), tree_numbers=("C13.1",)),
        Concept(
            "DOID:10591",
            do,
            "pre-eclampsia",
            ("gestational hypertension", "EPH gestosis"),
            xrefs=("MESH:D011225",),
        ),
    ]
    store = VocabularyStore.open(tmp_path / "vocab.sqlite3")
    store.replace_vocabulary(mesh, concepts[:2], tmp_path / "mesh.bin", "0" * 64)
    store.replace_vocabulary(do, concepts[2:], tmp_path / "do.obo", "1" * 64)
    understood = understand_question(
        "Does folic acid lower the risk of pre-eclampsia?",
        Knowledge(build_lexicon(concepts), store),
    )
    (eclampsia,) = [c for c in understood.concepts if c.id == "D011225"]
    assert "EPH gestosis" in eclampsia.synonyms
    assert not [n for n in eclampsia.synonyms if "gestational" in n.lower()], eclampsia.synonyms
    store.close()


def test_a_brand_no_text_defines_is_read_as_its_drug(knowledge: Knowledge) -> None:
    """Review 18: "… is adding Singulair as good as adding salmeterol …?" kept the brand as
    a name no record printed, though the drug dictionary knows it as montelukast. A brand
    whose drug a vocabulary names is that concept."""
    understood = understand_question(
        "Does Rheumatrex help rheumatoid arthritis?", replace(knowledge, rarity=all_rare)
    )
    (drug,) = [c for c in understood.concepts if c.mention == "Rheumatrex"]
    assert drug.id == "D008727"  # Methotrexate


def test_a_brand_no_vocabulary_names_is_searched_as_its_generic_name(
    knowledge: Knowledge,
) -> None:
    understood = understand_question(
        "Is Singulair as good as salmeterol for asthma?", replace(knowledge, rarity=all_rare)
    )
    (brand,) = [c for c in understood.concepts if c.mention == "Singulair"]
    assert brand.role is ConceptRole.KEYWORD
    assert brand.synonyms[0] == "montelukast"


def test_a_brand_the_corpus_and_the_table_both_know_has_one_meaning(
    knowledge: Knowledge,
) -> None:
    """Review 20: "… on a NOAC like Eliquis …" said "Eliquis was read as Apixaban (67%
    likely); it can also mean apixaban": the corpus's definition and the table of brands
    gave the same drug in two cases."""
    corpus = CorpusSenses([AbbreviationSense("Eliquis", "Apixaban", 2)])
    understood = understand_question(
        "Is Eliquis safer than warfarin?", replace(knowledge, senses=corpus, rarity=all_rare)
    )
    assert not [note for note in understood.notes if "Eliquis" in note], understood.notes
    (brand,) = [c for c in understood.concepts if c.mention == "Eliquis"]
    assert brand.synonyms[0] == "Apixaban"


def test_a_brand_the_question_defines_is_one_name_with_its_drug(knowledge: Knowledge) -> None:
    """Review 17: "Can a single shot of Beyfortus (nirsevimab) keep premature babies out of
    hospital …?" made the brand a facet of its own, which the trial never printing it
    could not meet."""
    understood = understand_question(
        "Does a shot of Beyfortus (nirsevimab) keep babies out of hospital?",
        replace(knowledge, rarity=all_rare),
    )
    mentions = [c.mention for c in understood.concepts]
    assert "nirsevimab" in mentions and "Beyfortus" not in mentions
    (drug,) = [c for c in understood.concepts if c.mention == "nirsevimab"]
    assert "Beyfortus" in drug.synonyms


def fit_per_word(value: float, *, guidance_words: float | None = None) -> ContextFit:
    """A stand-in for the index: every word meets every long form ``value`` times chance
    (in logs), the guidance nouns ``guidance_words`` when given."""

    def fit(long_form: str, words: Sequence[str]) -> float:
        return sum(
            guidance_words if guidance_words is not None and w in GUIDANCE_NOUNS else value
            for w in words
        )

    return fit


@pytest.mark.parametrize(
    "question",
    [
        "What does the MS guideline recommend for relapses?",
        "Do the MS/ABC 2021 recommendations mention relapses?",
        "What does an MS consensus statement advise on relapses?",
    ],
)
def test_an_issuer_of_guidance_is_read_in_a_sense_only_when_the_topic_favours_it(
    knowledge: Knowledge, question: str
) -> None:
    """Before "guideline(s)", "recommendations", "consensus" a short form names a society as
    a rule ("the ESC guideline"): a sense its topic words meet less often than chance (here
    0.6 of chance, which elsewhere fits) is not forced on it."""
    lukewarm = replace(knowledge, context_fit=fit_per_word(-0.5))
    understood = understand_question(question, lukewarm)
    assert not {"D009103", "D013058"} & {c.id for c in understood.concepts}
    assert any("MS was kept as written: it names who issued" in n for n in understood.notes)
    assert "word:ms" in [c.id for c in understood.concepts]
    # Elsewhere in a question the same fit is enough for a sense.
    elsewhere = understand_question("Does MS recur after relapses?", lukewarm)
    assert {"D009103", "D013058"} & {c.id for c in elsewhere.concepts}


def test_an_issuer_sense_the_topic_favours_is_taken_whatever_the_guidance_nouns(
    knowledge: Knowledge,
) -> None:
    """ "RA guidelines … methotrexate": the guideline's topic. The guidance nouns are left out
    of the judgement, so their rarity beside a disease's name does not count against it."""
    favoured = replace(knowledge, context_fit=fit_per_word(1.0, guidance_words=-9.0))
    understood = understand_question("What do MS guidelines recommend for relapses?", favoured)
    assert {"D009103", "D013058"} & {c.id for c in understood.concepts}
    assert not any("it names who issued" in note for note in understood.notes)


def test_unknown_salient_words_become_facets_of_their_own(knowledge: Knowledge) -> None:
    understood = understand_question("Is concizumab effective in systemic sclerosis?", knowledge)
    keyword = next(c for c in understood.concepts if c.role is ConceptRole.KEYWORD)
    assert keyword.name == "concizumab"
    assert "concizumab" in [f.label for f in understood.facets]


@pytest.mark.parametrize("code", ["MS-1602", "5-MS"])
def test_capitals_joined_to_a_number_name_a_product_not_an_abbreviation(
    knowledge: Knowledge, code: str
) -> None:
    """ "MS-1602" is a development code: its "MS" is neither multiple sclerosis nor mass
    spectrometry, and the whole code stays one keyword concept."""
    understood = understand_question(f"Is {code} effective for migraine?", knowledge)
    ids = [c.id for c in understood.concepts]
    assert "D009103" not in ids and "D013058" not in ids
    assert code in [c.name for c in understood.concepts if c.role is ConceptRole.KEYWORD]


def test_capitals_in_brackets_glued_to_a_name_are_part_of_it(knowledge: Knowledge) -> None:
    """ "25(OH)D" is an analyte: its "OH" is no abbreviation to look up (a hand review found
    it read as a fragment the corpus once defined), and the whole name is one keyword."""
    senses = CorpusSenses([AbbreviationSense("OH", "orthostatic hypotension", 9)])
    understood = understand_question(
        "Does vitamin D raise 25(OH)D in winter?", replace(knowledge, senses=senses)
    )
    assert not any(note.startswith("OH ") for note in understood.notes)
    assert "25(OH)D" in [c.name for c in understood.concepts]
    assert not any(c.mention == "OH" for c in understood.concepts)


@pytest.mark.parametrize(
    ("question", "searched"),
    [
        ("What do MRI scans show in patients without systemic sclerosis?", False),
        ("What do MRI scans show in people free of known systemic sclerosis?", False),
        ("What do MRI scans show in patients with and without systemic sclerosis?", True),
        ("What do MRI scans show in lupus without systemic sclerosis?", True),  # no people
        ("What do MRI scans show in systemic sclerosis?", True),
        # "non-" before a name (review 28: "a non-hormone pill" asked about hormones)
        ("What do MRI scans show in non-systemic sclerosis patients?", False),
        ("What do MRI scans show in non systemic sclerosis?", True),  # no prefix
    ],
)
def test_a_concept_the_question_leaves_out_is_not_searched_for(
    knowledge: Knowledge, question: str, searched: bool
) -> None:
    """ "HFrEF patients without diabetes" (a hand review): diabetes became the condition and
    a diabetes trial the bottom line. What the question excludes is noted, not searched."""
    understood = understand_question(question, knowledge)
    assert ("D012595" in [c.id for c in understood.concepts]) is searched
    assert any("leaves out" in note for note in understood.notes) is not searched
    assert "D008279" in [c.id for c in understood.concepts]  # MRI, whatever is left out


def named(name: str, text: str, mention: str, role: ConceptRole, *trees: str) -> QuestionConcept:
    """A concept of ``role`` as ``text`` names it by ``mention``."""
    start = text.index(mention)
    return QuestionConcept(
        (name,), name, role, mention, start, start + len(mention), tree_numbers=trees
    )


def treatment(name: str, text: str, mention: str, *trees: str) -> QuestionConcept:
    """A treatment concept as ``text`` names it by ``mention``."""
    return named(name, text, mention, ConceptRole.INTERVENTION, *trees)


def test_a_class_of_drugs_named_beside_a_treatment_only_says_its_kind() -> None:
    """ "paraquat weed killer" (review 27's question), "the antibiotic azithromycin": the
    class says what the treatment is, and is no treatment asked of its own; with words
    between, or with no class among them, both are asked."""
    herbicides = "D27.720.031.700.366"
    for text, mention in [
        ("Is paraquat weed killer toxic?", "weed killer"),
        ("Is the herbicide paraquat toxic?", "herbicide"),
    ]:
        found = [
            treatment("Paraquat", text, "paraquat"),
            treatment("Herbicides", text, mention, herbicides),
        ]
        assert [c.name for c in _without_appositions(text, found)] == ["Paraquat"], text
    for text, trees in [
        ("Is paraquat or weed killer toxic?", (herbicides,)),
        ("Is paraquat weed killer toxic?", ("D03.383",)),
    ]:
        found = [
            treatment("Paraquat", text, "paraquat"),
            treatment("Herbicides", text, "weed killer", *trees),
        ]
        kept = _without_appositions(text, found)
        assert [c.name for c in kept] == ["Paraquat", "Herbicides"], text


FAMILY = "F01.829.263.315.250.250"  # Nuclear Family
SPOUSES = "F01.829.263.968"
SURGEONS = "M01.526.485.810.910"


def test_the_people_of_the_asker_s_story_are_not_asked_about() -> None:
    """ "My husband", "our son", the surgeon of what the asker tells first (review 32): each
    was a facet and a gap. Siblings asked about, and surgeons a question proper asks of,
    stay."""
    text = "My husband is on Tarceva for lung cancer. Is that a side effect of the tablets?"
    found = [
        named("Spouses", text, "husband", ConceptRole.POPULATION, SPOUSES),
        named("Erlotinib", text, "Tarceva", ConceptRole.INTERVENTION, "D02.1"),
    ]
    assert [c.name for c in _without_the_asker_s_people(text, found, _told(text))] == ["Erlotinib"]
    text = "Is it true that our 14-year-old son will outgrow his asthma?"
    found = [named("Nuclear Family", text, "son", ConceptRole.FINDING, FAMILY)]
    assert _without_the_asker_s_people(text, found, _told(text)) == []
    text = (
        "I've had shoulder impingement for a year and the surgeon is talking about surgery "
        "- can exercise help me avoid it?"
    )
    found = [named("Surgeons", text, "surgeon", ConceptRole.POPULATION, SURGEONS)]
    assert _without_the_asker_s_people(text, found, _told(text)) == []
    for text, mention, trees in [
        ("Do siblings of children with autism have autism more often?", "siblings", FAMILY),
        ("Should surgeons wear two pairs of gloves?", "surgeons", SURGEONS),
        ("Should the surgeon wear two pairs of gloves?", "surgeon", SURGEONS),
    ]:
        found = [named("People", text, mention, ConceptRole.POPULATION, trees)]
        assert _without_the_asker_s_people(text, found, _told(text)) == found, text


def test_a_condition_the_story_names_as_what_a_treatment_is_for_need_not_be_named() -> None:
    """Review 34: "My mum takes nitrofurantoin every night to stop her bladder infections
    coming back. Can it damage her lungs?" kept only records naming an infection, and
    refused. A condition the story names first, or the question proper names again, is
    what the asker has, and must be named."""

    def conditions_named(text: str, drug: str, disease: str) -> list[str]:
        concepts = (
            treatment(drug, text, drug),
            named(disease, text, disease, ConceptRole.CONDITION),
        )
        question = Question(text, concepts, told=_told(text))
        return [c.name for c in question.named_conditions()]

    drug, disease = "nitrofurantoin", "bladder infections"
    told_for = f"My mum takes {drug} to stop her {disease}. Can it damage her lungs?"
    assert conditions_named(told_for, drug, disease) == []
    again = f"My mum takes {drug} to stop her {disease}. Can it harm her lungs if {disease} recur?"
    assert conditions_named(again, drug, disease) == [disease]
    asked = f"Can {drug} damage the lungs of women with {disease}?"
    assert conditions_named(asked, drug, disease) == [disease]
    had = "I've got alopecia areata. Will Olumiant tablets make my hair grow back?"
    assert conditions_named(had, "Olumiant", "alopecia areata") == ["alopecia areata"]


def test_a_dosage_form_of_a_treatment_asked_is_no_treatment_of_its_own() -> None:
    """ "ginger tablets", "the tablets" of Tarceva: three of review 32's pages had a facet
    and a gap "tablets". Where no other treatment is named, the form is what is asked."""
    tablets = "D26.255.830"
    text = "Do ginger tablets help with motion sickness?"
    found = [
        named("Zingiber officinale", text, "ginger", ConceptRole.INTERVENTION, "B01.1"),
        named("Tablets", text, "tablets", ConceptRole.INTERVENTION, tablets),
    ]
    assert [c.name for c in _without_dosage_forms(text, found)] == ["Zingiber officinale"]
    text = "Are tablets easier to swallow than capsules?"
    found = [named("Tablets", text, "tablets", ConceptRole.INTERVENTION, tablets)]
    assert _without_dosage_forms(text, found) == found
    # review 37: the form of a name no vocabulary knows, named before it
    text = "My dad is starting Lonsurf tablets. What kind of drug is it?"
    found = [
        named("Lonsurf", text, "Lonsurf", ConceptRole.KEYWORD),
        named("Tablets", text, "tablets", ConceptRole.INTERVENTION, tablets),
    ]
    assert [c.name for c in _without_dosage_forms(text, found)] == ["Lonsurf"]
    text = "Are tablets better than Lonsurf?"
    found = [
        named("Tablets", text, "tablets", ConceptRole.INTERVENTION, tablets),
        named("Lonsurf", text, "Lonsurf", ConceptRole.KEYWORD),
    ]
    assert _without_dosage_forms(text, found) == found


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # review 37: the treatment a disease resists says what kind of disease it is
        (
            "Which drugs work in methotrexate-resistant rheumatoid arthritis?",
            ["rheumatoid arthritis"],
        ),
        (
            "Is tofacitinib safe in methotrexate-naive rheumatoid arthritis?",
            ["rheumatoid arthritis"],
        ),
        ("Does methotrexate help rheumatoid arthritis?", ["methotrexate", "rheumatoid arthritis"]),
        ("Is methotrexate-induced cancer common?", ["methotrexate", "cancer"]),
    ],
)
def test_a_treatment_a_disease_resists_is_not_asked_of(
    question: str, asked: list[str], knowledge: Knowledge
) -> None:
    """ "non-metastatic castration-resistant prostate cancer" asked of castration, a facet
    no record on the drugs compared met."""
    understood = understand_question(question, knowledge)
    assert [c.mention for c in understood.concepts if not c.id.startswith("word:")] == asked


def test_what_the_asker_tells_first_is_scored_by_its_concepts_alone(
    knowledge: Knowledge,
) -> None:
    """The story's other words ("over a year", "talking about") are none an answer writes:
    scored against them, the trial answering review 32's question sank to 0.5."""
    question = understand_question(
        "I've had systemic sclerosis for over a year and my wife keeps talking about "
        "it - can methotrexate help?",
        knowledge,
    )
    assert question.told == question.text.index("can")
    assert question.as_research_writes() == "systemic sclerosis can methotrexate help?"
    plain = understand_question("Can methotrexate help in systemic sclerosis?", knowledge)
    assert plain.told == 0
    assert plain.as_research_writes() == plain.text
    # a title's topic before its question is no story (PubMedQA's questions are titles)
    for title in [
        "Methotrexate in systemic sclerosis in the US: does it help?",
        "Methotrexate for systemic sclerosis - is it worth it?",
    ]:
        assert understand_question(title, knowledge).told == 0, title


def test_a_term_of_the_asker_s_story_no_vocabulary_read_is_scored(knowledge: Knowledge) -> None:
    """Review 34: "My grandson has Down syndrome and his doctor mentioned atlantoaxial
    instability. How common is that …?" asks of a term no vocabulary read; scored by the
    story's concepts alone, the question asked how common Down syndrome was."""
    question = understand_question(
        "I've had systemic sclerosis for years and my doctor mentioned atlantoaxial "
        "instability. Is that common?",
        knowledge,
    )
    assert question.told_terms == ("atlantoaxial",)
    assert question.as_research_writes() == "systemic sclerosis atlantoaxial Is that common?"


def test_a_short_form_the_question_defines_is_not_looked_up(knowledge: Knowledge) -> None:
    """ "an incidental durotomy (ID)": the question says what ID means, so the corpus's
    commoner sense (intellectual disability) is not put in its place."""
    corpus = CorpusSenses([AbbreviationSense("MS", "multiple sclerosis", 30)])
    defined = understand_question(
        "What are the symptoms of a mitral stenosis (MS)?", replace(knowledge, senses=corpus)
    )
    assert "D009103" not in [c.id for c in defined.concepts]
    assert not any(note.startswith("MS was read as") for note in defined.notes)
    undefined = understand_question(
        "What are the symptoms of MS?", replace(knowledge, senses=corpus)
    )
    assert "D009103" in [c.id for c in undefined.concepts]


def test_everyday_words_of_a_question_in_capitals_are_no_short_forms(
    knowledge: Knowledge,
) -> None:
    """ "… MELILLA: IS CULTURE A DETERMINANT FACTOR?" (a PubMedQA title): "IS" is a verb
    there, not a short form to look up; in a question in lower case it may be one."""
    corpus = CorpusSenses([AbbreviationSense("AS", "systemic sclerosis", 12)])
    sure = replace(knowledge, senses=corpus, context_fit=fit_per_word(0.0))
    shouted = understand_question("IS MRI AS GOOD AS CT IN SCLERODERMA?", sure)
    assert not any(c.abbreviation == "AS" for c in shouted.concepts)
    written = understand_question("Is MRI as good in AS?", sure)
    assert any(c.abbreviation == "AS" for c in written.concepts)


@pytest.mark.parametrize(
    ("question", "brain"),
    [
        ("Is the BRAIN protein raised in systemic sclerosis?", False),  # a gene's symbol
        ("Is the brain affected in systemic sclerosis?", True),
        ("WHAT DOES BRAIN MRI SHOW IN SCLERODERMA?", True),  # the whole question in capitals
    ],
)
def test_a_word_in_capitals_is_no_everyday_word(
    knowledge: Knowledge, question: str, brain: bool
) -> None:
    """ "List STING agonists." was read as "Bites and Stings", "What is MACE in the context
    of cardiotoxicity?" as the tear gas (BioASQ train): capitals mark a short form or a
    gene's symbol, kept as written when no vocabulary lists it as a short form."""
    understood = understand_question(question, knowledge)
    assert ("D001921" in [c.id for c in understood.concepts]) is brain
    if not brain:
        assert "BRAIN" in [c.name for c in understood.concepts if c.role is ConceptRole.KEYWORD]


def test_risk_says_how_an_outcome_is_measured_and_prophylaxis_is_an_intervention(
    knowledge: Knowledge,
) -> None:
    """ "Are SSc patients at higher risk of MRI lesions?": "risk" read as a test made every
    facet "… × risk" (a hand review); "post-exposure prophylaxis", a preventive service in
    MeSH's health care tree, was dropped as a concept of no clinical role."""
    risk = understand_question("Does MRI show a higher risk in systemic sclerosis?", knowledge)
    assert "D012306" not in [c.id for c in risk.concepts]
    assert not any("risk" in facet.label.lower() for facet in risk.facets)
    prophylaxis = understand_question(
        "Does post-exposure prophylaxis work in systemic sclerosis?", knowledge
    )
    roles = {c.id: c.role for c in prophylaxis.concepts}
    assert roles.get("D056990") is ConceptRole.INTERVENTION


def test_the_outcome_is_the_concept_heading_its_noun_phrase(knowledge: Knowledge) -> None:
    """ "Do probiotics prevent antibiotic-associated diarrhea?" (a hand review) asks about
    diarrhea: read as an outcome too, "antibiotic" let a rodent study of probiotics or
    antibiotics in diabetes settle it. What qualifies the head may be a cause."""
    understood = understand_question(
        "Does MRI reduce systemic sclerosis-associated peripheral nervous system damage?",
        knowledge,
    )
    assert understood.outcomes == ("D017933",)  # Peripheral Nervous System, not SSc


def _mini_mesh_with(extra: str, fixtures_dir: Path, directory: Path) -> Iterator[Knowledge]:
    """Knowledge of the mini MeSH and the descriptors of one more fixture file, as one MeSH."""
    store = VocabularyStore.open(directory / "vocab.sqlite3")
    concepts = []
    for name in ("mini_mesh.bin", extra):
        found = read_vocabulary_file(fixtures_dir / "vocab" / name)
        concepts += found.concepts
    store.replace_vocabulary(found.vocabulary, concepts, fixtures_dir / "vocab" / extra, "test")
    yield Knowledge(build_lexicon(concepts), store, CORPUS, cooccurrence)
    store.close()


@pytest.fixture(scope="module")
def organisms(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    yield from _mini_mesh_with("mesh_organisms.bin", fixtures_dir, tmp_path_factory.mktemp("org"))


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a pathogen names the infection the question is about
        ("What is the first-line treatment for Helicobacter pylori infection?",
         {"D016480": ConceptRole.ORGANISM}),
        # the agent of a verb of effect is what may change the outcome, as a drug would be
        ("Does Lactobacillus reuteri reduce infantile colic?",
         {"D052200": ConceptRole.INTERVENTION, "D003085": ConceptRole.CONDITION}),
        # a plant is the remedy made of it
        ("Does ginkgo help memory?", {"D020441": ConceptRole.INTERVENTION}),
        # an animal is the species a study used, not what the question asks about
        ("Is Helicobacter pylori found in mice?", {"D016480": ConceptRole.ORGANISM}),
    ],
)  # fmt: skip
def test_organisms_are_kept_in_the_role_they_play(
    organisms: Knowledge, text: str, roles: dict[str, ConceptRole]
) -> None:
    question = understand_question(text, organisms)
    assert {c.id: c.role for c in question.concepts} == roles


def test_every_outcome_the_question_offers_as_an_alternative_is_asked(measures: Knowledge) -> None:
    """ "Do ADHD meds … increase the risk of MI or stroke in adults?" asked only MI of its
    two outcomes (review 13): a finding on either settles the question."""
    question = understand_question(
        "Does tranexamic acid reduce mortality or postpartum haemorrhage?", measures
    )
    assert question.outcomes == ("D009026", "D006473")
    assert question.alternatives == (("D009026", "D006473"),)


@pytest.fixture(scope="module")
def measures(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    directory = tmp_path_factory.mktemp("measures")
    yield from _mini_mesh_with("mesh_outcomes_and_classes.bin", fixtures_dir, directory)


@pytest.mark.parametrize(
    ("text", "concept_id"),
    [
        ("Does antiretroviral therapy help in systemic sclerosis?", "D044966"),
        ("Are antiretroviral drugs safe in systemic sclerosis?", "D044966"),
        ("Are immunosuppressive drugs safe in systemic sclerosis?", "D007166"),
        # a name of its own wins over a drug class's
        ("Does immunosuppressive therapy help in systemic sclerosis?", "D007165"),
    ],
)
def test_a_drug_class_is_known_by_the_ways_a_text_names_it(
    measures: Knowledge, text: str, concept_id: str
) -> None:
    """ "By how much does antiretroviral therapy cut tuberculosis incidence …?" lost the
    therapy it asks about (a hand review): MeSH names the class "Antiretroviral Agents"."""
    question = understand_question(text, measures)
    assert concept_id in [c.id for c in question.concepts]


def test_words_in_another_order_do_not_take_a_name_written_in_order(measures: Knowledge) -> None:
    """ "Does tranexamic acid reduce deaths from bleeding in women with postpartum
    haemorrhage?" was read as about "Postpartum Women" (words in another order) and no
    condition, and answered from trials in brain haemorrhage (a hand review)."""
    question = understand_question(
        "Does methotrexate help women with postpartum haemorrhage?", measures
    )
    ids = [c.id for c in question.concepts]
    assert "D006473" in ids and "D049590" not in ids
    other_order = understand_question("Is methotrexate safe for women postpartum?", measures)
    assert "D049590" in [c.id for c in other_order.concepts]


@pytest.mark.parametrize(
    ("text", "outcome", "named"),
    [
        (
            "Does methotrexate reduce all-cause mortality in systemic sclerosis?",
            "D009026",
            "all-cause mortality",
        ),
        (
            "How much does methotrexate prolong overall survival in systemic sclerosis?",
            "D013534",
            "overall survival",
        ),
    ],
)
def test_a_measure_the_question_asks_to_change_is_its_outcome(
    measures: Knowledge, text: str, outcome: str, named: str
) -> None:
    """ "How much does cabozantinib prolong overall survival …?" lost survival, and the
    bottom line gave progression-free survival; "reduce all-cause mortality" read
    mortality as a test and asked for its causes (a hand review). The outcome is named
    by all the question's words for it."""
    question = understand_question(text, measures)
    by_id = {c.id: c for c in question.concepts}
    assert by_id[outcome].role is ConceptRole.FINDING
    assert by_id[outcome].mention == named
    assert outcome in question.outcomes
    assert not any(f.label == QuestionType.ETIOLOGY.value for f in question.facets)


@pytest.fixture(scope="module")
def organs(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    directory = tmp_path_factory.mktemp("organs")
    yield from _mini_mesh_with("mesh_organ_adjectives.bin", fixtures_dir, directory)


def test_a_body_part_named_by_its_adjective_is_asked_about(organs: Knowledge) -> None:
    """ "What are the cutaneous manifestations of systemic lupus erythematosus?" lost the
    skin, no vocabulary knowing "cutaneous" alone, and a sentence on seizures led (a hand
    review found all 11 such questions read without their organ). The organ is a body
    system of the question, searched and met by the adjective too."""
    question = understand_question(
        "What are the renal manifestations of systemic sclerosis?", organs
    )
    kidney = next(c for c in question.concepts if c.id == "D007668")
    assert kidney.role is ConceptRole.BODY_SYSTEM
    assert kidney.mention == "renal" and "renal" in kidney.synonyms
    assert any(f.concept_ids == ("D007668",) for f in question.facets)
    assert "D012595" in [c.id for c in question.with_role(ConceptRole.CONDITION)]


def test_a_body_part_named_by_its_adjective_heads_no_outcome(organs: Knowledge) -> None:
    """ "Does belimumab improve renal outcomes in lupus nephritis?" asks about outcomes the
    kidney has; read as an outcome of its own, only a sentence with the word "renal" could
    settle it, and "attenuate the risk of lupus nephritis flare and eGFR decline" could
    not lead."""
    question = understand_question(
        "Does belimumab improve renal outcomes in lupus nephritis?", organs
    )
    assert "D007668" in [c.id for c in question.concepts]
    assert "D007668" not in question.outcomes


@pytest.fixture(scope="module")
def diseases(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    directory = tmp_path_factory.mktemp("diseases")
    yield from _mini_mesh_with("mesh_diseases_of_people.bin", fixtures_dir, directory)


@pytest.mark.parametrize(
    ("text", "disease", "adjective"),
    [
        ("Is methotrexate safe in asthmatic patients?", "D001249", "asthmatic"),
        ("Does methotrexate help obese children with systemic sclerosis?", "D009765", "obese"),
        ("Do allergic women tolerate methotrexate?", "D006967", "allergic"),
        # review 13: "How many celiac patients are overweight …?" lost celiac disease
        ("How many celiac patients are obese?", "D002446", "celiac"),
    ],
)
def test_a_disease_named_by_its_adjective_before_people_is_a_condition(
    diseases: Knowledge, text: str, disease: str, adjective: str
) -> None:
    """ "Does metformin reduce mortality in diabetic patients?" was read without diabetes,
    "hypertensive patients with COVID-19" without hypertension: no vocabulary lists the
    adjective. Before the people who have it, it names their disease."""
    question = understand_question(text, diseases)
    by_id = {c.id: c for c in question.concepts}
    assert by_id[disease].role is ConceptRole.CONDITION
    assert by_id[disease].mention == adjective and adjective in by_id[disease].synonyms


def test_a_disease_s_adjective_describing_no_people_names_no_disease(
    diseases: Knowledge,
) -> None:
    """ "What is marked by DNaseI hypersensitive sites?" asks about sites of the genome, no
    hypersensitivity."""
    question = understand_question("What is marked by DNaseI hypersensitive sites?", diseases)
    assert "D006967" not in [c.id for c in question.concepts]


def test_the_complications_of_a_disease_are_asked_as_its_presentation(
    knowledge: Knowledge,
) -> None:
    """ "What are the complications of hereditary hemochromatosis?" was read as a
    treatment's adverse effects, and only a sentence saying "complication" or "adverse"
    could speak to it: the corpus says the disease may "manifest with … hepatic
    dysfunction, diabetes, and cardiomyopathy" (a hand review)."""
    question = understand_question("What are the complications of systemic sclerosis?", knowledge)
    assert QuestionType.ADVERSE_EFFECTS not in question.types
    assert QuestionType.PRESENTATION in question.types
    (facet,) = [f for f in question.facets if f.cue_words]
    assert facet.label == "complications"
    assert {"manifest", "symptom", "complication"} <= set(facet.cue_words)


@pytest.mark.parametrize(
    "text",
    [
        "What are the complications of methotrexate in systemic sclerosis?",
        "What are the side effects and complications of systemic sclerosis?",
    ],
)
def test_complications_of_a_treatment_are_its_adverse_effects(
    knowledge: Knowledge, text: str
) -> None:
    """A drug's complications, or a question on side effects too, ask about harms done."""
    question = understand_question(text, knowledge)
    assert "adverse effects" in [f.label for f in question.facets]


def test_a_participle_describing_a_condition_is_no_verb_of_effect() -> None:
    """ "By how much does vericiguat reduce cardiovascular death … in heart failure with
    reduced ejection fraction?" (a second hand review) asked about the ejection fraction
    too, and a trial's eligibility threshold ("ejection fraction < 45%") led as an amount
    of it."""
    from medcite.understand.keywords import outcome_spans

    text = "Does vericiguat reduce death in heart failure with reduced ejection fraction?"
    assert [text[a:b] for a, b in outcome_spans(text)] == ["death"]
    associated = "Is lorcaserin associated with increased cancer risk?"  # BioASQ
    assert [associated[a:b] for a, b in outcome_spans(associated)] == ["cancer risk"]


def test_the_measure_of_an_effect_asks_no_kind() -> None:
    """ "Does X reduce the incidence of Y?" asks about Y, not its epidemiology; a cause
    joined by a hyphen ("all-cause") asks no causes."""
    from medcite.understand.keywords import effect_measures
    from medcite.understand.kinds import facet_kinds

    question = "Does methotrexate reduce the incidence of calcinosis?"
    assert QuestionType.EPIDEMIOLOGY in facet_kinds(question)
    assert QuestionType.EPIDEMIOLOGY not in facet_kinds(question, effect_measures(question))
    assert facet_kinds("Does methotrexate reduce all-cause mortality?") == ()


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        # review 34: what two treatments are compared on, or what an effect changes
        (
            "How does robot-assisted radical cystectomy compare with open radical "
            "cystectomy for oncological outcomes in bladder cancer?",
            False,
        ),
        ("Does early mobilisation improve outcomes after hip fracture surgery?", False),
        ("Is proton therapy better than photon therapy for survival in glioblastoma?", False),
        ("What are the long-term outcomes of Fontan surgery?", True),
        ("What is the survival of patients treated with X compared with Y?", True),
    ],
)
def test_the_measure_of_a_relation_asks_no_prognosis(question: str, asked: bool) -> None:
    """Outcomes compared on, or changed by a verb of effect, are the relation's measure:
    read as prognosis asked on its own, survival lines of other trials led (review 34)."""
    from medcite.understand.keywords import outcome_spans
    from medcite.understand.kinds import facet_kinds

    kinds = facet_kinds(question, (), outcome_spans(question))
    assert (QuestionType.PROGNOSIS in kinds) is asked


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Cerebellar vs supratentorial glioblastoma - worse survival?", AnswerKind.YES_NO),
        ("Ultrasound vs palpation for lumbar puncture - fewer failed taps?", AnswerKind.YES_NO),
        ("Methotrexate in rheumatoid arthritis - what dose?", AnswerKind.SUMMARY),
        ("Methotrexate vs leflunomide in rheumatoid arthritis?", AnswerKind.SUMMARY),
    ],
)
def test_a_comparison_asked_after_a_dash_asks_yes_or_no(question: str, kind: AnswerKind) -> None:
    """Reviews 40 to 42: "Ticagrelor vs clopidogrel in elective PCI - less periprocedural
    myonecrosis?" and two more questions of that shape were read as asking for a summary."""
    assert answer_kind(question) is kind
    assert (QuestionType.YES_NO in question_types(question)) is (kind is AnswerKind.YES_NO)


@pytest.mark.parametrize(
    ("question", "kind", "asked"),
    [
        ("Does PCT add anything to CRP for dx of pneumonia?", QuestionType.DIAGNOSIS, True),
        ("Tx of choice for scabies in pregnancy?", QuestionType.TREATMENT, True),
        ("Which sx suggest appendicitis in children?", QuestionType.PRESENTATION, True),
        ("Is DXA useful in men with osteoporosis?", QuestionType.DIAGNOSIS, False),
        ("Retapamulin ointment MOA?", QuestionType.MECHANISM, True),  # review 42
    ],
)
def test_a_clinician_s_shorthand_asks_its_kind(
    question: str, kind: QuestionType, asked: bool
) -> None:
    """Review 41: "… for dx of pneumonia …" asked nothing of the diagnosis."""
    assert (kind in question_types(question)) is asked


@pytest.mark.parametrize(
    "question",
    ["Sensitivities of the scratch collapse test for CTS?", "Specificity of D-dimer for PE?"],
)
def test_a_test_s_sensitivities_ask_its_diagnosis(question: str) -> None:
    """Review 40: the diagnosis cues were whole words, so "… sensitivities were 64%, 32%,
    and 44% for the scratch collapse test …" fitted no facet of diagnosis."""
    assert QuestionType.DIAGNOSIS in question_types(question)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("How many celiac patients are overweight at diagnosis?", False),
        ("What is the survival five years after the diagnosis of melanoma?", False),
        ("How is celiac disease diagnosed?", True),
        ("Is MRI useful for the diagnosis of multiple sclerosis?", True),
    ],
)
def test_a_diagnosis_named_as_a_point_in_time_is_no_kind_asked(question: str, asked: bool) -> None:
    """Review 13: "How many celiac patients are overweight at diagnosis?" was read as a
    question on diagnosis, and led by the sentences naming the diagnosis."""
    from medcite.understand.kinds import facet_kinds, question_types

    assert (QuestionType.DIAGNOSIS in question_types(question)) is asked
    assert QuestionType.DIAGNOSIS not in facet_kinds(question) or asked


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Does adding aliskiren to an ACE inhibitor cause hyperkalemia?", False),
        ("Can a bad head injury cause dementia decades later?", False),
        ("Is smoking a cause of bladder cancer?", True),
        ("What causes heart failure in young adults?", True),
        ("Are the causes of gout known?", True),
        # asked which effects something causes (review 26), it asks those, not causes
        ("What adverse effects does tafenoquine cause compared with mefloquine?", False),
        ("Which complications does diabetes cause?", False),
        ("What are the symptoms and causes of gout?", True),
        # review 33: a genetic basis or heredity asks the cause
        ("What is the genetic basis of Kearns-Sayre syndrome?", True),
        ("Does face blindness run in families?", True),
        ("What is the mode of inheritance of Wilson disease?", True),
        ("Is hereditary angioedema treated with icatibant?", False),  # its name
        ("Does a family history of breast cancer change screening?", False),
    ],
)
def test_a_yes_no_question_asking_whether_x_causes_y_asks_the_relation(
    question: str, asked: bool
) -> None:
    """Review 13: "Does adding aliskiren … cause hyperkalemia?" had a facet of etiology
    beside the relation, and its gap said no record spoke to etiology under a bottom line
    giving the relative risk. "cause" as a verb of a yes/no question asks the relation;
    as a noun, or in a question asking what causes something, it asks the causes."""
    from medcite.understand.kinds import facet_kinds

    assert (QuestionType.ETIOLOGY in facet_kinds(question)) is asked


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("What are the side effects of metformin?", QuestionType.ADVERSE_EFFECTS),
        ("What are the complications of total hip arthroplasty?", QuestionType.ADVERSE_EFFECTS),
        ("Is verubecestat safe in older adults?", QuestionType.ADVERSE_EFFECTS),
        ("What are the symptoms of Kawasaki disease?", QuestionType.PRESENTATION),
        ("What are the clinical features of Wilson disease?", QuestionType.PRESENTATION),
        # review 21: read as no kind, and led by what trichotillomania is
        ("What's the first-line medication for trichotillomania?", QuestionType.TREATMENT),
    ],
)
def test_what_a_question_asks_of_its_subject_is_a_facet_of_its_own(
    question: str, kind: QuestionType
) -> None:
    """A hand review found "What are the side effects of metformin?" read as "metformin":
    the side effects asked were dropped, and metformin's efficacy answered it."""
    from medcite.understand.kinds import facet_kinds, question_types

    assert kind in facet_kinds(question)
    assert kind in question_types(question)


def test_a_facet_of_a_kind_is_met_by_the_words_that_answer_it() -> None:
    """A mechanism of action is stated as what a drug binds or blocks, seldom with the
    word "mechanism"; those words mark no mechanism in a question ("Does X inhibit Y?")."""
    from medcite.understand.kinds import answer_cues, question_types

    assert "block" in answer_cues(QuestionType.MECHANISM)
    assert "mechanism" in answer_cues(QuestionType.MECHANISM)
    assert QuestionType.MECHANISM not in question_types("Does aspirin inhibit platelets?")


def test_a_kind_noun_within_a_concepts_name_asks_no_kind() -> None:
    """ "Can gene therapy restore auditory function?" asks whether it works, not about
    treatment: a facet "treatment" left it with no bottom line (BioASQ dev)."""
    from medcite.understand.kinds import facet_kinds

    question = "Can gene therapy restore auditory function?"
    assert QuestionType.TREATMENT in facet_kinds(question)
    assert facet_kinds(question, [(4, 16)]) == ()


@pytest.mark.parametrize(
    ("source", "title", "asks"),
    [
        (Source.MEDQUAD, "What are the treatments for Systemic Sclerosis ?", True),
        (Source.MEDQUAD, "Scleroderma (Treatment)", True),  # a synonym, a kind as a heading
        (Source.MEDQUAD, "Who is at risk for Systemic Sclerosis? ?", False),  # another kind
        (Source.MEDQUAD, "What are the treatments for Multiple Sclerosis ?", False),  # subject
        (Source.PUBMED_XML, "Treatment of systemic sclerosis: a review", False),  # no page
    ],
)
def test_a_page_asks_the_same_when_its_question_asks_the_kind_of_the_same_subject(
    knowledge: Knowledge, source: Source, title: str, asks: bool
) -> None:
    question = understand_question("How is systemic sclerosis treated?", knowledge)
    page = Record(f"{source}:page", source, title, (Section("Doctors may prescribe drugs."),))
    topics = record_topics(page, question, question_lexicon(question), knowledge.lexicon)
    assert topics.asks_the_same is asks


@pytest.mark.parametrize(
    ("long_form", "neighbour"),
    [
        ("Facioscapulohumeral dystrophy", ""),  # the condition's name, a word left out
        ("Fresh smoked herring diet", "Fresh smoked herring diet"),  # another sense
    ],
)
def test_a_record_defining_the_condition_s_short_form_by_a_shorter_name_is_about_it(
    knowledge: Knowledge, long_form: str, neighbour: str
) -> None:
    """Review 39: records writing "Facioscapulohumeral dystrophy (FSHD)" were refused as
    mainly about another disease, since no vocabulary name is written so."""
    fshd = QuestionConcept(
        ids=("D020391",),
        name="Facioscapulohumeral Muscular Dystrophy",
        role=ConceptRole.CONDITION,
        mention="FSHD",
        start=21,
        end=25,
        abbreviations=("FSHD",),
    )
    question = Question("What is the cause of FSHD?", (fshd,))
    record = Record(
        "pmid:1",
        Source.PUBMED_XML,
        "",
        (Section(f"{long_form} (FSHD) is a progressive disease. FSHD is caused by DUX4."),),
    )
    topics = record_topics(record, question, question_lexicon(question), knowledge.lexicon)
    assert topics.other_disease == neighbour
    assert (topics.score("D020391") > 0) is not neighbour


def test_a_question_asking_no_kind_takes_no_page_as_its_answer(knowledge: Knowledge) -> None:
    question = understand_question("Tell me about systemic sclerosis", knowledge)
    page = Record("medquad:p", Source.MEDQUAD, "What is (are) Systemic Sclerosis ?")
    topics = record_topics(page, question, question_lexicon(question), knowledge.lexicon)
    assert not topics.asks_the_same


@pytest.fixture(scope="module")
def headings(fixtures_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    """Knowledge of ``mesh_tree_headings.bin`` alone: its Neoplasms has no tree number, as
    in MeSH 2024, where the mini MeSH gives it C04."""
    path = fixtures_dir / "vocab" / "mesh_tree_headings.bin"
    store = VocabularyStore.open(tmp_path_factory.mktemp("headings") / "vocab.sqlite3")
    found = read_vocabulary_file(path)
    store.replace_vocabulary(found.vocabulary, found.concepts, path, "test")
    tumour = Concept(  # a kind of tumour the Disease Ontology names and MeSH places nowhere
        "DOID:2679",
        Vocabulary.DISEASE_ONTOLOGY,
        "dysembryoplastic neuroepithelial tumor",
        abbreviations=("DNET",),
    )
    store.replace_vocabulary(Vocabulary.DISEASE_ONTOLOGY, [tumour], path, "test")
    yield Knowledge(build_lexicon([*found.concepts, tumour]), store, CORPUS, cooccurrence)
    store.close()


@pytest.mark.parametrize(
    ("text", "condition"),
    [
        ("Is obesity associated with cardiovascular disease?", "D002318"),
        ("Does cancer increase the risk of obesity?", "D009369"),
        ("How is cancer treated in obese people?", "D009369"),
    ],
)
def test_a_disease_heading_of_a_mesh_tree_is_a_condition(
    headings: Knowledge, text: str, condition: str
) -> None:
    """MeSH 2024 gives the headings of its trees no tree number: "cancer" and
    "cardiovascular disease" had no role and were dropped from every question naming them."""
    roles = {c.id: c.role for c in understand_question(text, headings).concepts}
    assert roles.get(condition) is ConceptRole.CONDITION


def test_a_heading_that_names_nothing_clinical_stays_out(headings: Knowledge) -> None:
    question = understand_question("Do cells of obese people age faster?", headings)
    assert "D002477" not in [c.id for c in question.concepts]


def test_a_heading_is_left_out_where_the_question_says_which(headings: Knowledge) -> None:
    """ "Is TIAM1 favoring tumor progression in colorectal cancer?" (BioASQ dev) is about
    colorectal cancer: read as a condition too, "tumor" drew the answer to any tumour."""
    question = understand_question(
        "Is TIAM1 favoring tumor progression in colorectal cancer?", headings
    )
    ids = [c.id for c in question.concepts]
    assert "D015179" in ids and "D009369" not in ids
    named = understand_question("Can radiosurgery be used for the DNET tumors?", headings)
    assert [c.id for c in named.concepts] == ["DOID:2679"]  # BioASQ train


@pytest.fixture(scope="module")
def broader(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Knowledge]:
    """Diseases whose names contain a broader one's: a MeSH child under its parent, a
    Disease Ontology term MeSH places nowhere, and lung cancers that only share words."""
    mesh, do = Vocabulary.MESH, Vocabulary.DISEASE_ONTOLOGY
    concepts = [
        Concept("D051437", mesh, "Renal Insufficiency", tree_numbers=("C12.777.419.780",)),
        Concept(
            "D051436", mesh, "Renal Insufficiency, Chronic", tree_numbers=("C12.777.419.780.750",)
        ),
        Concept(
            "D008268",
            mesh,
            "Macular Degeneration",
            ("Age-Related Macular Degeneration",),
            tree_numbers=("C11.768.585.439",),
        ),
        Concept(
            "DOID:10873",
            do,
            "Kuhnt-Junius degeneration",
            ("neovascular age-related macular degeneration",),
        ),
        Concept(
            "D002289",
            mesh,
            "Carcinoma, Non-Small-Cell Lung",
            ("Non-Small Cell Lung Cancer",),
            tree_numbers=("C04.588.894.797.520.109.220.249",),
        ),
        Concept(
            "D055752",
            mesh,
            "Small Cell Lung Carcinoma",
            ("Small Cell Lung Cancer",),
            tree_numbers=("C04.588.894.797.520.109.220.624",),
        ),
        Concept("D001241", mesh, "Aspirin", tree_numbers=("D02.455.426.559.389.657.410.595.176",)),
    ]
    store = VocabularyStore.open(tmp_path_factory.mktemp("broader") / "vocab.sqlite3")
    store.replace_vocabulary(mesh, [c for c in concepts if c.vocabulary is mesh], Path("m"), "0")
    store.replace_vocabulary(do, [c for c in concepts if c.vocabulary is do], Path("d"), "1")
    yield Knowledge(build_lexicon(concepts), store)
    store.close()


@pytest.mark.parametrize(
    ("text", "condition", "broader_ids"),
    [
        ("How do pregnancies end in chronic renal insufficiency?", "D051436", ("D051437",)),
        (
            "Does aspirin raise the risk of neovascular age-related macular degeneration?",
            "DOID:10873",
            ("D008268",),
        ),
        ("How is non-small cell lung cancer treated?", "D002289", ()),  # no small cell cancer
        ("How is small cell lung cancer treated?", "D055752", ()),  # "lung cancer": one word
    ],
)
def test_a_condition_knows_the_broader_disease_its_name_ends_in(
    broader: Knowledge, text: str, condition: str, broader_ids: tuple[str, ...]
) -> None:
    """Review 27: "chronic renal insufficiency" left out the record on pregnancy "in women
    with moderate or severe renal insufficiency" that answered it."""
    concepts = {c.id: c for c in understand_question(text, broader).concepts}
    assert concepts[condition].broader == broader_ids


def test_a_record_naming_the_broader_disease_names_the_condition_at_half_weight(
    broader: Knowledge,
) -> None:
    question = understand_question(
        "How do pregnancies end in chronic renal insufficiency?", broader
    )
    asked = question_lexicon(question)

    def score(title: str) -> float:
        record = Record("pmid:1", Source.PUBMED_XML, title)
        return record_topics(record, question, asked, broader.lexicon).score("D051436")

    own = score("Outcome of pregnancy in women with chronic renal insufficiency")
    assert score("Outcome of pregnancy in women with renal insufficiency") == own / 2 > 0
    assert score("Outcome of pregnancy in women with heart failure") == 0


def test_a_record_on_the_broader_disease_is_no_neighbour(broader: Knowledge) -> None:
    """Review 30: a cohort on aspirin and "age-related macular degeneration", reporting its
    neovascular form, was refused as mainly about another disease."""
    question = understand_question(
        "Does aspirin raise the risk of neovascular age-related macular degeneration?", broader
    )
    record = Record(
        "pmid:2",
        Source.PUBMED_XML,
        "Long-term use of aspirin and age-related macular degeneration",
        (Section("Aspirin use was associated with its neovascular form."),),
    )
    topics = record_topics(record, question, question_lexicon(question), broader.lexicon)
    assert topics.other_disease == ""
    assert topics.names(["DOID:10873"])
