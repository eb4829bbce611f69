"""Sentences that say what something is (``compose.definitions``)."""

from __future__ import annotations

import pytest

from medcite.compose.definitions import defines


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        (
            "Etizolam (ETZ) is an antidepressive thienodiazepine drug that is used worldwide.",
            ["etizolam"],
        ),
        (
            "BACKGROUND: Bimagrumab is a human monoclonal antibody inhibitor of activin receptors.",
            ["Bimagrumab"],
        ),
        ("CPX-351 is a novel liposomal formulation of cytarabine and daunorubicin.", ["CPX351"]),
        ("Idiopathic toe-walking is a diagnosis of exclusion.", ["idiopathic toe walking"]),
        (
            "Pseudodementia is the syndrome in which dementia is mimicked by functional illness.",
            ["pseudodementia"],
        ),
        (
            "Volanesorsen (Waylivra®), an antisense oligonucleotide, lowers triglycerides.",
            ["volanesorsen"],
        ),
        ("Herceptin® (trastuzumab) is a humanised antibody against HER2.", ["Herceptin"]),
        (
            "PEGylation refers to the attachment of poly(ethylene glycol) chains to a protein.",
            ["PEGylation"],
        ),
        (
            "We review the fast expanding area of RNA modifications, termed epitranscriptomics.",
            ["epitranscriptomics"],
        ),
        (
            'It describes a phase separation known as "complex coacervation".',
            ["complex coacervation"],
        ),
    ],
)
def test_a_sentence_saying_what_a_name_is_defines_it(sentence: str, names: list[str]) -> None:
    assert defines(sentence, names)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("The FDA approved ivosidenib for patients with IDH1-mutant AML.", ["ivosidenib"]),
        ("Ivosidenib is effective in relapsed AML.", ["ivosidenib"]),  # a finding on it
        (
            "Bow Hunter's syndrome is a mechanical occlusion of the vertebral artery.",
            ["Hunter syndrome"],
        ),
        ("Uber-operons represent a rich set of footprints of operon evolution.", ["uber-operons"]),
        ("Galcanezumab is a humanized monoclonal antibody against CGRP.", ["erenumab"]),
        ("Treatment with erenumab, a CGRP receptor antibody, reduced migraine days.", ["erenumab"]),
        ("Ferroptosis is a form of regulated cell death.", []),
    ],
)
def test_a_sentence_only_speaking_of_a_name_does_not_define_it(
    sentence: str, names: list[str]
) -> None:
    assert not defines(sentence, names)
