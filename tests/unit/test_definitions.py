"""Sentences that say what something is (``compose.definitions``)."""

from __future__ import annotations

import pytest

from medcite.compose.definitions import defines, writes_out


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


PCAT6 = ["PCAT6", "PCAT-6", "prostate cancer-associated transcript 6"]


@pytest.mark.parametrize(
    ("sentence", "short_form", "names"),
    [
        (
            "We investigated lncRNA prostate cancer-associated transcript 6 (PCAT6) in breast "
            "cancer.",
            "PCAT6",
            PCAT6,
        ),
        (
            "EREG (epiregulin), a member of the EGF family, plays a role in inflammation.",
            "EREG",
            ["EREG", "Epiregulin"],
        ),
        (
            "The candidate TB vaccine Modified Vaccinia virus Ankara expressing Antigen 85A "
            "(MVA-85A) was safe.",
            "MVA85A",
            ["MVA85A", "modified vaccinia virus Ankara expressing antigen 85A"],
        ),
    ],
)
def test_a_sentence_naming_a_short_form_and_its_long_form_writes_it_out(
    sentence: str, short_form: str, names: list[str]
) -> None:
    assert writes_out(sentence, short_form, names)


@pytest.mark.parametrize(
    ("sentence", "short_form", "names"),
    [
        ("LncRNA PCAT6 was involved in the progression of cancers.", "PCAT6", PCAT6),
        ("LncRNA PCAT-6 (PCAT6) was involved in cancers.", "PCAT6", PCAT6),  # spellings only
        ("Prostate cancer-associated transcript 6 is a lncRNA.", "PCAT6", PCAT6),  # no SF
        ("EREGs and epiregulins were measured.", "EREG", ["EREG", "Epiregulin"]),  # not words
        ("PCAT6 was measured.", "PCAT6", []),
    ],
)
def test_a_sentence_without_both_forms_does_not_write_it_out(
    sentence: str, short_form: str, names: list[str]
) -> None:
    assert not writes_out(sentence, short_form, names)
