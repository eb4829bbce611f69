"""The role a concept plays in a question, read from where it sits in MeSH.

MeSH's tree is a ready-made classification of what a concept is: C is diseases,
E01.370.350 diagnostic imaging, A anatomy, M01 persons, and so on (NLM, "MeSH Tree
Structures"). The first matching prefix, most specific first, decides, but a place among
the diseases outranks one among the signs (C23) alone (``concept_role``). Disease Ontology
terms are all diseases. A MeSH Supplementary Concept Record has no place in the tree of
its own: it takes the places of the descriptors it is mapped to (a monoclonal antibody
mapped to "Antibodies, Monoclonal, Humanized", D12, is an intervention). A few concepts
say what is asked rather than about what ("Diagnosis", "Therapeutics", "Prognosis"): they
mark the kind of question and are not searched for as topics.

An organism is what a clinical question is about when it causes disease: "first-line
treatment for *Helicobacter pylori*" asks about the infection, so microorganisms and
parasites are kept as organisms; a plant is the remedy made of it; an animal is the
species a study used, not a topic. Dropped instead, the organism left "first-line
treatment" to be answered about nothing in particular.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from medcite.records import (
    DISEASE_ONTOLOGY_PREFIX,
    Concept,
    ConceptRole,
    QuestionType,
    Vocabulary,
)

ROLE_BY_TREE_PREFIX: tuple[tuple[str, ConceptRole], ...] = (
    ("E01.370.350", ConceptRole.IMAGING),  # Diagnostic Imaging
    ("E01.370.351", ConceptRole.IMAGING),  # Diagnostic Imaging (2024 numbering variants)
    ("C23", ConceptRole.FINDING),  # Pathological Conditions, Signs and Symptoms
    ("C", ConceptRole.CONDITION),
    ("F03", ConceptRole.CONDITION),  # Mental Disorders
    # A named diet is what a patient is given or keeps to, as food is (J02, below),
    # though MeSH files diets among physiological phenomena (G07) and fasting among
    # feeding behaviour (F01) too: read as a finding, "… does a low-FODMAP diet improve
    # global symptoms?" required no treatment of a record, and a biopsy study of wheat
    # sensitivity answered it (review 35). Diet itself, what one eats, stays a finding:
    # "Is lap band surgery better than diet and exercise …?" compares an operation with a
    # way of life, and as a treatment a trial of a vegetarian diet led it
    ("G07.203.650.240.", ConceptRole.INTERVENTION),  # the diets under Diet
    # People are who a question is about, though MeSH also files mothers, fathers,
    # siblings and spouses under family behaviour (F01): read as findings, "the
    # *mother's* later risk of cancer" made mothers a cause to name (a hand reading)
    ("M01", ConceptRole.POPULATION),  # Persons
    ("F01", ConceptRole.FINDING),  # Behavior and Behavior Mechanisms
    ("F02", ConceptRole.FINDING),  # Psychological Phenomena
    # Psychotherapy is a treatment like a drug: "Is *cognitive behavioral therapy* better
    # than zopiclone for insomnia …?" lost it, and compared zopiclone with nothing
    ("F04.754", ConceptRole.INTERVENTION),
    # Risk factors (under Epidemiologic Methods) say who is at risk, not a test to read
    # the evidence through: "inclisiran … in patients at high *cardiovascular risk*"
    ("E05.318.740.600.800.725", ConceptRole.POPULATION),
    ("E01", ConceptRole.TEST),  # Diagnosis
    ("E05", ConceptRole.TEST),  # Investigative Techniques
    ("E", ConceptRole.INTERVENTION),  # Therapeutics, surgery, anesthesia, equipment
    ("N02.421.726", ConceptRole.INTERVENTION),  # Preventive Health Services (prophylaxis, …)
    ("D", ConceptRole.INTERVENTION),  # Chemicals and Drugs
    ("A", ConceptRole.BODY_SYSTEM),  # Anatomy
    # Food and beverages are what a patient is given or takes: a remedy or an exposure,
    # not a finding ("Does *honey* relieve cough …?" asked honey as an outcome, and was
    # led by cough and cold remedies that raise the risk of stroke)
    ("J02", ConceptRole.INTERVENTION),
    ("G", ConceptRole.FINDING),  # Phenomena and Processes
    ("N01.224", ConceptRole.FINDING),  # Population Characteristics (mortality, …)
    ("B01.050.500", ConceptRole.ORGANISM),  # Invertebrates: worms, mites, lice, ticks
    ("B01.050", ConceptRole.OTHER),  # Animals: the species studied, not what is asked
    ("B01.650", ConceptRole.INTERVENTION),  # Plants: the remedy made of them
    ("B01.875", ConceptRole.INTERVENTION),  # Green plants (ginkgo, cannabis)
    ("B", ConceptRole.ORGANISM),  # Microorganisms: the infection named by its agent
)

QUESTION_TYPE_CONCEPTS: dict[str, QuestionType] = {
    "D003933": QuestionType.DIAGNOSIS,  # Diagnosis
    "D019937": QuestionType.DIAGNOSIS,  # Diagnostic Techniques and Procedures
    "D013812": QuestionType.TREATMENT,  # Therapeutics
    "D011379": QuestionType.PROGNOSIS,  # Prognosis
    "D016896": QuestionType.PROGNOSIS,  # Treatment Outcome
    "D015897": QuestionType.ETIOLOGY,  # Comorbidity
    "D012307": QuestionType.ETIOLOGY,  # Risk Factors
    "D015995": QuestionType.EPIDEMIOLOGY,  # Prevalence
    "D015994": QuestionType.EPIDEMIOLOGY,  # Incidence
    "D004813": QuestionType.EPIDEMIOLOGY,  # Epidemiology
    "D015984": QuestionType.ETIOLOGY,  # Causality
}
"""Concepts that name the kind of question ("diagnosis and treatment of …")."""

GENERIC_CONCEPTS = frozenset(
    {
        "D004194",  # Disease
        "D013577",  # Syndrome
        "D006801",  # Humans
        "D010361",  # Patients
        "D000818",  # Animals
        "D008722",  # Methods
        "D020969",  # Disease Attributes
        "D012107",  # Research Design
        "D012106",  # Research
        "D005260",  # Female
        "D008297",  # Male
        "DOID:4",  # disease
        "D012306",  # Risk: how an outcome is measured ("the risk of stroke"), not what
    }
)
"""Concepts too general to search for: nearly every record is about them. "Risk" read as a
test made every facet "… × risk" ("statin × risk" for statins and hip fracture)."""


def concept_role(vocabulary: Vocabulary, tree_numbers: tuple[str, ...]) -> ConceptRole:
    """The role of a concept from its vocabulary and MeSH tree numbers.

    A concept placed among the diseases (C, but C23) is a condition even where C23 places
    it too: MeSH files sepsis, septic shock, atrial fibrillation and obesity under
    "Pathological Conditions, Signs and Symptoms" as well as under their organ's
    diseases. Read as findings, "How is septic shock treated?" had no condition and no
    treatment facet, and was led by how Sepsis-3 defines septic shock (a review of fresh
    clinical questions). Only what C23 alone places (fever, pain, edema) is a finding.
    """
    if vocabulary is Vocabulary.DISEASE_ONTOLOGY:
        return ConceptRole.CONDITION
    if any(number.startswith("C") and not number.startswith("C23") for number in tree_numbers):
        return ConceptRole.CONDITION  # a disease, wherever else C23 also places it
    for prefix, role in ROLE_BY_TREE_PREFIX:
        if any(number.startswith(prefix) for number in tree_numbers):
            return role
    return ConceptRole.OTHER


class ConceptsById(Protocol):
    """Concepts by id (the vocabulary store)."""

    def get_many(self, concept_ids: Iterable[str]) -> dict[str, Concept]: ...


TREE_HEADINGS: dict[str, str] = {
    "D007239": "C01",  # Infections
    "D009369": "C04",  # Neoplasms
    "D009140": "C05",  # Musculoskeletal Diseases
    "D004066": "C06",  # Digestive System Diseases
    "D009057": "C07",  # Stomatognathic Diseases
    "D012140": "C08",  # Respiratory Tract Diseases
    "D010038": "C09",  # Otorhinolaryngologic Diseases
    "D009422": "C10",  # Nervous System Diseases
    "D005128": "C11",  # Eye Diseases
    "D000091642": "C12",  # Urogenital Diseases
    "D002318": "C14",  # Cardiovascular Diseases
    "D006425": "C15",  # Hemic and Lymphatic Diseases
    "D009358": "C16",  # Congenital, Hereditary, and Neonatal Diseases and Abnormalities
    "D017437": "C17",  # Skin and Connective Tissue Diseases
    "D009750": "C18",  # Nutritional and Metabolic Diseases
    "D004700": "C19",  # Endocrine System Diseases
    "D007154": "C20",  # Immune System Diseases
    "D007280": "C21",  # Disorders of Environmental Origin
    "D000820": "C22",  # Animal Diseases
    "D013568": "C23",  # Pathological Conditions, Signs and Symptoms
    "D009784": "C24",  # Occupational Diseases
    "D064419": "C25",  # Chemically-Induced Disorders
    "D001523": "F03",  # Mental Disorders
}
"""Descriptors that head a tree of MeSH, by the tree they head (NLM, "MeSH Tree
Structures"). MeSH 2024's descriptor file gives these no tree number (no ``MN`` line), so
read from it alone, "cancer", "infection", "cardiovascular disease" or "mental illness"
had no role and were dropped from every question that named them ("Is obesity associated
with cardiovascular disease?" asked about obesity alone). Only the headings of diseases
are here, but "Wounds and Injuries" (C26): a question's "injury" is an organ's more often
than a wound ("Does trimetazidine protect from myocardial injury …?", BioASQ train, read
as about trauma, abstained). The other headings name what no clinical question is about
alone ("Cells", "Lipids"), its kind ("Therapeutics"), or a whole kingdom: "gut bacteria"
read as the organisms "Bacteria" led "What is known about the gut bacteria and
depression?" with a sentence on anaerobes (BioASQ dev)."""


def own_trees(concept: Concept) -> tuple[str, ...]:
    """A concept's tree numbers, or for the heading of a tree (``TREE_HEADINGS``), that tree's."""
    heading = TREE_HEADINGS.get(concept.id)
    return concept.tree_numbers or ((heading,) if heading else ())


def placing_trees(concept: Concept, concepts: ConceptsById) -> tuple[str, ...]:
    """The tree numbers that place a concept: its own, else its mapped headings'."""
    own = own_trees(concept)
    if own or not concept.mapped_to:
        return own
    mapped = concepts.get_many(concept.mapped_to)
    return tuple(number for found in mapped.values() for number in own_trees(found))


DISEASE_TREES = ("C", "F03")


def is_disease(concept_id: str, tree_numbers: tuple[str, ...]) -> bool:
    """Whether a concept is a disease: a Disease Ontology term, or filed among MeSH's
    diseases or mental disorders."""
    return concept_id.startswith(DISEASE_ONTOLOGY_PREFIX) or is_within(tree_numbers, DISEASE_TREES)


def is_within(tree_numbers: tuple[str, ...], ancestors: tuple[str, ...]) -> bool:
    """Whether a concept sits at or below any of ``ancestors`` in the tree.

    An ancestor may be a whole category, written as its letter ("C" for diseases).
    """
    return any(
        number == ancestor
        or number.startswith(ancestor + ".")
        or (len(ancestor) == 1 and number.startswith(ancestor))
        for number in tree_numbers
        for ancestor in ancestors
    )
