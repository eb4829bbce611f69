"""A concept's role in a question, read from where MeSH places it."""

from __future__ import annotations

import pytest

from medcite.records import ConceptRole, Vocabulary
from medcite.understand.roles import concept_role


@pytest.mark.parametrize(
    ("tree_numbers", "role"),
    [
        pytest.param(("C01.757", "C23.550.470.790.500"), ConceptRole.CONDITION, id="sepsis"),
        pytest.param(
            ("C14.280.067.198", "C23.550.073.198"), ConceptRole.CONDITION, id="atrial-fibrillation"
        ),
        pytest.param(("C23.888.119.344",), ConceptRole.FINDING, id="fever"),
        pytest.param(("C04.588.274",), ConceptRole.CONDITION, id="a-cancer"),
        pytest.param(("E01.370.350.825",), ConceptRole.IMAGING, id="ultrasonography"),
        pytest.param(("D27.505.954.427",), ConceptRole.INTERVENTION, id="a-drug"),
        pytest.param(("F03.600",), ConceptRole.CONDITION, id="a-mental-disorder"),
        pytest.param(
            ("F04.754.137.350",), ConceptRole.INTERVENTION, id="cognitive-behavioral-therapy"
        ),
        # who is at risk, not a test: "patients at high cardiovascular risk"
        pytest.param(
            ("E05.318.740.600.800.725.500", "N05.715.350.200.700.500"),
            ConceptRole.POPULATION,
            id="heart-disease-risk-factors",
        ),
        pytest.param(("E05.318.760",), ConceptRole.TEST, id="an-investigative-technique"),
        # a food is given or taken, not found: "Does honey relieve cough …?"
        pytest.param(("G07.203.300.581", "J02.500.581"), ConceptRole.INTERVENTION, id="honey"),
        pytest.param(("G07.203.650.390.070",), ConceptRole.FINDING, id="appetite"),
        # a diet is kept to as a food is taken (review 35: "a low-FODMAP diet"), and
        # fasting, which MeSH files among feeding behaviour first
        pytest.param(("G07.203.650.240.333.500",), ConceptRole.INTERVENTION, id="fodmap-diet"),
        pytest.param(
            ("F01.145.407.400.500", "G07.203.650.240.587.500"),
            ConceptRole.INTERVENTION,
            id="intermittent-fasting",
        ),
        pytest.param(("F01.145.407.400",), ConceptRole.FINDING, id="feeding-behaviour"),
        pytest.param(("G07.203.650.240",), ConceptRole.FINDING, id="diet-itself"),
        # people, though MeSH files family members under behaviour too
        pytest.param(
            ("F01.829.263.875.200", "I01.880.853.150.688.270", "M01.620.630"),
            ConceptRole.POPULATION,
            id="mothers",
        ),
    ],
)
def test_a_mesh_concept_takes_the_role_of_its_place(
    tree_numbers: tuple[str, ...], role: ConceptRole
) -> None:
    assert concept_role(Vocabulary.MESH, tree_numbers) is role


def test_every_disease_ontology_term_is_a_condition() -> None:
    assert concept_role(Vocabulary.DISEASE_ONTOLOGY, ()) is ConceptRole.CONDITION
