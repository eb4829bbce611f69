"""Canonical words, abbreviation definitions (Schwartz & Hearst) and the dictionary matcher."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medcite.records import Concept, Vocabulary
from medcite.understand import Lexicon, build_lexicon, find_definitions, find_mentions
from medcite.understand.abbreviations import _last_words
from medcite.understand.lexicon import is_written_short_form, reading_order
from medcite.understand.matcher import count_concepts, defined_short_forms
from medcite.vocab import read_vocabulary_file
from medcite.words import canonical_word, greek_spellings, term_key, tokenize


@pytest.fixture(scope="module")
def lexicon(fixtures_dir: Path) -> Lexicon:
    concepts = [
        concept
        for name in ("mini_mesh.bin", "mini_doid.obo")
        for concept in read_vocabulary_file(fixtures_dir / "vocab" / name).concepts
    ]
    return build_lexicon(concepts)


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("Oesophagus", "esophagus"),
        ("oedema", "edema"),
        ("diarrhoea", "diarrhea"),
        ("haemorrhage", "hemorrhage"),
        ("leukaemia", "leukemia"),
        ("paediatric", "pediatric"),
        ("aetiology", "etiology"),
        ("tumours", "tumor"),
        ("behavioural", "behavioral"),
        ("favourable", "favorable"),
        ("centre", "center"),
        ("fibres", "fiber"),
        ("randomised", "randomized"),
        # review 17: "magnesium sulfate" never met a Cochrane review's "sulphate"
        ("sulphate", "sulfate"),
        ("sulphonylureas", "sulfonylurea"),
        # review 18: "Epley manoeuvre" folded to "maneuvre", which nothing spells
        ("manoeuvre", "maneuver"),
        ("manoeuvres", "maneuver"),
        ("manoeuvring", "maneuvering"),
    ],
)
def test_british_spellings_fold_to_american(british: str, american: str) -> None:
    assert canonical_word(british) == canonical_word(american) == american


@pytest.mark.parametrize(
    ("plural", "singular"),
    [
        ("diseases", "disease"),
        ("studies", "study"),
        ("abscesses", "abscess"),
        ("lesions", "lesion"),
    ],
)
def test_plurals_fold(plural: str, singular: str) -> None:
    assert canonical_word(plural) == singular


def test_keys_ignore_case_hyphens_and_possessives() -> None:
    assert term_key("Alzheimer's Disease") == term_key("alzheimer disease")
    assert term_key("non-Hodgkin lymphoma") == term_key("Non Hodgkin Lymphoma")


_TERMISH = st.lists(
    st.sampled_from(["Alzheimer", "s", "S", "'", "’", " ", "-", "β", "_", "tumours", "é"]),
    max_size=12,
).map("".join)


@given(st.one_of(st.text(max_size=40), _TERMISH))
def test_a_term_s_key_is_its_tokens_keys(term: str) -> None:
    assert term_key(term) == " ".join(token.key for token in tokenize(term))


def test_greek_letters_fold_to_their_spelled_names() -> None:
    """Abstracts write "β-blockers" and "TNF-α"; vocabularies spell the letters out."""
    assert term_key("β-blockers") == term_key("beta-Blockers")
    assert term_key("TNF-α") == term_key("TNF-alpha")
    assert term_key("5α-reductase") == term_key("5alpha-reductase")
    assert canonical_word("μg") == "μg"  # a unit, not mu


def test_a_name_is_searched_in_both_spellings_of_its_greek_letters() -> None:
    assert greek_spellings("Adrenergic beta-Antagonists") == (
        "Adrenergic beta-Antagonists",
        "Adrenergic β-Antagonists",
    )
    assert greek_spellings("TNF-α") == ("TNF-α", "TNF-alpha")
    assert greek_spellings("Betamethasone") == ("Betamethasone",)  # no letter inside a word


def test_reading_order_of_inverted_names() -> None:
    assert reading_order("Leukemia, Myeloid, Acute") == "Acute Myeloid Leukemia"
    assert reading_order("Brain") == "Brain"


@pytest.mark.parametrize(
    ("name", "short"),
    [("WHO", True), ("AIDS", True), ("mRNA", True), ("Brain", False), ("T", False)],
)
def test_written_short_forms(name: str, short: bool) -> None:
    assert is_written_short_form(name) is short


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("patients with systemic sclerosis (SSc) had", [("SSc", "systemic sclerosis")]),
        ("magnetic resonance imaging (MRI; n = 12)", [("MRI", "magnetic resonance imaging")]),
        ("the TNF (tumor necrosis factor) pathway", [("TNF", "tumor necrosis factor")]),
        ("rheumatoid arthritis (RA) (n=26)", [("RA", "rheumatoid arthritis")]),
        ("in 41 patients (n = 41) with", []),
        ("treated (p < 0.05) well", []),
        ("a disease. Systemic sclerosis (SSc) is", [("SSc", "Systemic sclerosis")]),
    ],
)
def test_schwartz_hearst_definitions(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_definitions(text)
    assert [(d.short_form, d.long_form) for d in found] == expected
    assert all(text[d.start : d.end] == d.short_form for d in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We gave nirsevimab (Beyfortus) to infants.", [("Beyfortus", "nirsevimab")]),
        ("Xofluza (baloxavir marboxil) is new.", [("Xofluza", "baloxavir marboxil")]),
        ("Baloxavir marboxil (Xofluza), a flu drug", [("Xofluza", "Baloxavir marboxil")]),
        ("secukinumab (Cosentyx®) in psoriasis", [("Cosentyx", "secukinumab")]),
        # an abbreviation's definition comes first; no drug, no maker, no brand
        ("mechanistic target of rapamycin (Mtor)", [("Mtor", "mechanistic target of rapamycin")]),
        ("olaparib (AstraZeneca) was given", []),
        ("the drug (Zyban) was used", []),
        ("patients (Group A) were", []),
    ],
)
def test_brands_are_defined_beside_their_drugs(text: str, expected: list[tuple[str, str]]) -> None:
    """Review 17: "Xofluza", "Cosentyx" and "Beyfortus" were names every answer had to
    print; the corpus defines each beside its drug, as it defines an abbreviation."""
    found = find_definitions(text)
    assert [(d.short_form, d.long_form) for d in found] == expected
    assert all(text[d.start : d.end] == d.short_form for d in found)


@given(st.text(max_size=300))
def test_definitions_never_fail_on_any_text(text: str) -> None:
    for definition in find_definitions(text):
        assert text[definition.start : definition.end] == definition.short_form


_SPACED = st.lists(
    st.sampled_from([*"ab,.(", " ", "\t", "\n", "\u00a0", "\u2003", "\x1c", "\x85", "\u200b"]),
    max_size=40,
).map("".join)


@given(st.one_of(st.text(), _SPACED), st.integers(min_value=1, max_value=12))
def test_last_words_are_the_last_runs_of_non_whitespace(text: str, count: int) -> None:
    words = list(re.finditer(r"\S+", text))
    expected = text[words[max(0, len(words) - count)].start() :].rstrip() if words else ""
    assert _last_words(text, count) == expected


def test_longest_match_and_cross_references(lexicon: Lexicon) -> None:
    text = "Systemic lupus erythematosus and systemic sclerosis"
    mentions = find_mentions(text, lexicon)
    assert [m.text for m in mentions] == ["Systemic lupus erythematosus", "systemic sclerosis"]
    assert mentions[1].concept_ids == ("D012595", "DOID:418")  # DO term xref'd to MeSH


def test_variants_british_plural_and_word_order(lexicon: Lexicon) -> None:
    assert [m.concept_ids[0] for m in find_mentions("Tumours of the oesophagus", lexicon)] == [
        "D009369"  # in order, "tumours" alone; the rest needs word-order matching
    ]
    found = find_mentions("cancer of the oesophagus", lexicon, word_order=True)
    assert found[0].concept_ids == ("D004938",)
    found = find_mentions("oesophagus cancer", lexicon, word_order=True)
    assert found[0].concept_ids == ("D004938",)


def test_matches_never_cross_a_sentence_break(lexicon: Lexicon) -> None:
    # "Sclerosis, Systemic" is an inverted name; its words across a full stop are not it
    mentions = find_mentions("It was multiple sclerosis. Systemic signs followed.", lexicon)
    assert [m.text for m in mentions] == ["multiple sclerosis"]


def test_a_slash_joins_the_parts_of_a_word_and_parts_spaced_words() -> None:
    """Review 13: "attention-deficit/hyperactivity disorder", as records write it, named
    nothing, the slash read as a clause break, so records on ADHD were refused as about
    "another disease". Between words a slash joins them; spaced, it still parts them."""
    adhd = build_lexicon(
        [Concept("D001289", Vocabulary.MESH, "Attention Deficit Hyperactivity Disorder")]
    )
    found = find_mentions("Children with attention-deficit/hyperactivity disorder", adhd)
    assert [m.text for m in found] == ["attention-deficit/hyperactivity disorder"]
    assert find_mentions("attention deficit / hyperactivity disorder", adhd) == ()


def test_abbreviations_defined_in_the_text(lexicon: Lexicon) -> None:
    text = "Calcinosis in systemic sclerosis (SSc). Most SSc patients had CT scans."
    short = [m for m in find_mentions(text, lexicon) if m.text == "SSc"]
    assert len(short) == 2
    assert all(m.concept_ids[0] == "D012595" for m in short)
    assert short[0].via_abbreviation == "systemic sclerosis"


def test_a_record_s_sentences_name_a_concept_by_the_short_form_it_defined(
    lexicon: Lexicon,
) -> None:
    """Each sentence is read alone: the short form a record spelled out once counts in all
    of them, but only for a long form naming a concept of the lexicon."""
    record = ("Brain lesions in systemic sclerosis (SSc) and in heart failure (HF).",)
    defined = defined_short_forms(record, lexicon)
    assert list(defined) == ["SSc"]  # heart failure is no concept of the mini lexicon
    assert defined["SSc"][0] == "D012595"
    later = "Most SSc patients had lesions."
    assert count_concepts(later, lexicon)["D012595"] == 0
    assert count_concepts(later, lexicon, defined)["D012595"] == 1


def test_a_spaced_abbreviation_is_also_known_written_together() -> None:
    """MeSH lists "Hb A1c" for glycated hemoglobin; clinicians write "HbA1c"."""
    hba1c = Concept("D006442", Vocabulary.MESH, "Glycated Hemoglobin", abbreviations=("Hb A1c",))
    lexicon = build_lexicon([hba1c])
    (mention,) = find_mentions("Is HbA1c reliable?", lexicon, short_forms=lexicon.short_forms)
    assert mention.concept_ids == ("D006442",)


def test_a_hyphenated_name_is_also_known_written_as_one_word() -> None:
    """MeSH hyphenates "Corneal Collagen Cross-Linking"; authors write "crosslinking" too
    (review 11: a record so spelled named no concept the question asked)."""
    cxl = Concept("D000094504", Vocabulary.MESH, "Corneal Collagen Cross-Linking")
    lexicon = build_lexicon([cxl])
    for text in ("corneal collagen cross-linking", "Corneal collagen crosslinking"):
        (mention,) = find_mentions(f"Is {text} safe?", lexicon)
        assert mention.concept_ids == ("D000094504",)
    assert count_concepts("After corneal collagen crosslinking.", lexicon)["D000094504"] == 1
    # Only words of letters join: "X-Rays" is no "xrays", "COVID-19" no "covid19".
    rays = build_lexicon([Concept("D014965", Vocabulary.MESH, "X-Rays")])
    assert "xrays" not in rays.terms and "xray" not in rays.terms


def test_an_operation_is_known_as_surgery_before_a_specialty_of_that_name() -> None:
    """MeSH names the operation "Heart Surgical Procedures" and gives "Heart Surgery" to the
    specialty "Thoracic Surgery"; a clinician asking about heart surgery means the
    operation (review 11). A name of its own that is no specialty still wins."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D006348", mesh, "Heart Surgical Procedures", tree_numbers=("E04.100",)),
            Concept(
                "D013903",
                mesh,
                "Thoracic Surgery",
                synonyms=("Heart Surgery",),
                tree_numbers=("H02.403.810.803",),
            ),
            Concept("D000001", mesh, "Orthopedic Surgical Procedures", tree_numbers=("E04.556",)),
            Concept("D000002", mesh, "Orthopedic Surgery", tree_numbers=("E04.557",)),
        ]
    )
    (heart,) = find_mentions("Is heart surgery safe?", lexicon)
    assert heart.concept_ids == ("D006348",)
    (orthopedic,) = find_mentions("Is orthopedic surgery safe?", lexicon)
    assert orthopedic.concept_ids == ("D000002",)


def test_a_vaccine_is_known_as_a_jab_a_shot_or_drops() -> None:
    """Review 40: "… her GP offered her the shingles jab" was read as the disease, and "his
    rotavirus drops" as the virus."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D053061", mesh, "Herpes Zoster Vaccine", synonyms=("Shingles Vaccine",)),
            Concept("D006562", mesh, "Herpes Zoster", synonyms=("Shingles",)),
            Concept("D022243", mesh, "Rotavirus Vaccines"),
            Concept("D012376", mesh, "Rotavirus"),
        ]
    )
    for text, concept_id in [
        ("Is the shingles jab safe?", "D053061"),
        ("Did he have the shingles shot?", "D053061"),
        ("My baby is due his rotavirus drops.", "D022243"),
        ("Is shingles painful?", "D006562"),
    ]:
        (mention,) = find_mentions(text, lexicon)
        assert mention.concept_ids == (concept_id,), text


def test_everyday_names_no_vocabulary_lists_name_their_concepts() -> None:
    """ "Does desmopressin help kids who wet the bed?" was read as about beds, without the
    children (review 14). A name a vocabulary gives a concept wins over the everyday one:
    here a made-up descriptor is named "kids"."""
    mesh = Vocabulary.MESH
    child = Concept("D002648", mesh, "Child", synonyms=("Children",))
    enuresis = Concept("D053206", mesh, "Nocturnal Enuresis", synonyms=("Bedwetting",))
    beds = Concept("D001513", mesh, "Beds")
    lexicon = build_lexicon([child, enuresis, beds])
    found = find_mentions("Does desmopressin help kids who wet the bed?", lexicon)
    assert [(m.text, m.concept_ids) for m in found] == [
        ("kids", ("D002648",)),
        ("wet the bed", ("D053206",)),
    ]
    goats = Concept("D000003", mesh, "Young Goats", synonyms=("Kids",))
    (kids,) = find_mentions("Are kids hardy?", build_lexicon([child, goats]))
    assert kids.concept_ids == ("D000003",)
    assert "kid" not in build_lexicon([beds]).terms  # only for a concept loaded
    aged = Concept("D000368", mesh, "Aged", synonyms=("Elderly",))
    adult = Concept("D000328", mesh, "Adult", synonyms=("Adults",))
    (older,) = find_mentions("Falls in older adults", build_lexicon([aged, adult]))
    assert (older.text, older.concept_ids) == ("older adults", ("D000368",))


def mesh_lexicon(*concepts: tuple[str, str]) -> Lexicon:
    """A lexicon of MeSH concepts, each given by its id and its name alone: what a lay
    name is read as comes from the lexicon's own table, not from these."""
    return build_lexicon([Concept(i, Vocabulary.MESH, name) for i, name in concepts])


def assert_each_read_as(lexicon: Lexicon, readings: list[tuple[str, str]]) -> None:
    """Each text names one concept of ``lexicon``: the one paired with it."""
    for text, meant in readings:
        (found,) = find_mentions(text, lexicon)
        assert found.concept_ids == (meant,), text


def test_lay_names_of_salts_out_of_range_and_of_a_disease_coming_back() -> None:
    """Review 18: "How common is low phosphate after a Ferinject iron infusion …?" read the
    salt given, "… stop bacterial vaginosis coming back …?" the back; review 19: "How do
    drugs cause low platelets?" read the platelets themselves."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D017674", mesh, "Hypophosphatemia"),
            Concept("D010710", mesh, "Phosphates"),
            Concept("D013921", mesh, "Thrombocytopenia"),
            Concept("D001792", mesh, "Blood Platelets", synonyms=("Platelets",)),
            Concept("D012008", mesh, "Recurrence"),
            Concept("D001415", mesh, "Back"),
        ]
    )
    assert_each_read_as(
        lexicon,
        [
            ("How common is low phosphate after iron?", "D017674"),
            ("How do drugs cause low platelets?", "D013921"),
            ("How do I stop it coming back?", "D012008"),
        ],
    )


def test_lay_names_of_corticosteroids_a_brain_bleed_and_people_by_their_disease() -> None:
    """Review 20: "Do inhaled steroids work as well in asthmatics who smoke?" read MeSH's
    class of steroid compounds and smoke, the substance; "… has a brain bleed …" read the
    brain."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D000305", mesh, "Adrenal Cortex Hormones", synonyms=("Corticosteroids",)),
            Concept("D013256", mesh, "Steroids"),
            Concept("D000074285", mesh, "Smokers"),
            Concept("D012906", mesh, "Smoke"),
            Concept("D002543", mesh, "Cerebral Hemorrhage"),
            Concept("D001921", mesh, "Brain"),
        ]
    )
    found = find_mentions("Do inhaled steroids work as well in asthmatics who smoke?", lexicon)
    assert [m.concept_ids for m in found] == [("D000305",), ("D000074285",)]
    (bleed,) = find_mentions("Is a brain bleed worse on warfarin?", lexicon)
    assert bleed.concept_ids == ("D002543",)


def test_a_person_s_weight_is_no_standard_of_measurement() -> None:
    """Review 25: "Why does Zyprexa make people gain so much weight?" read "weight" as MeSH's
    Weights and Measures (an entry term "Weights"), a test; "lose weight" and "put on
    weight" likewise. Inside longer names MeSH's own reading stays."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D014894", mesh, "Weights and Measures", synonyms=("Weights",)),
            Concept("D001835", mesh, "Body Weight"),
            Concept("D015431", mesh, "Weight Loss"),
            Concept("D015430", mesh, "Weight Gain"),
            Concept("D001724", mesh, "Birth Weight"),
        ]
    )
    assert_each_read_as(
        lexicon,
        [
            ("Why does Zyprexa make people gain so much weight?", "D001835"),
            ("Can metformin help me lose weight?", "D015431"),
            ("Does quitting smoking make you put on weight?", "D015430"),
            ("Is birth weight lower in twins?", "D001724"),
            ("Are weights and measures standard?", "D014894"),
        ],
    )


def test_emergency_alone_is_how_urgent_not_a_concept_asked() -> None:
    """Review 28: "… after emergency surgical pericardiotomy …?" read MeSH's Emergencies, a
    facet no record answered; names holding the word keep their reading."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D004630", mesh, "Emergencies"),
            Concept(
                "D044363", mesh, "Postcoital Contraception", synonyms=("Emergency Contraception",)
            ),
        ]
    )
    assert find_mentions("Survival after emergency surgical pericardiotomy", lexicon) == ()
    (found,) = find_mentions("Does emergency contraception cause birth defects?", lexicon)
    assert found.concept_ids == ("D044363",)


def test_lay_names_of_cervical_precancer_and_of_a_gastric_band() -> None:
    """Review 25: "Is an HPV test better than a Pap smear at picking up cervical precancer?"
    kept "precancer" as a word no trial of CIN says, and "Is lap band surgery better than
    diet and exercise …?" lost the operation."""
    lexicon = mesh_lexicon(
        ("D002578", "Uterine Cervical Dysplasia"),
        ("D011230", "Precancerous Conditions"),
        ("D015391", "Gastroplasty"),
    )
    assert_each_read_as(
        lexicon,
        [
            ("Does HPV testing find cervical precancer?", "D002578"),
            ("Is oral precancer common?", "D011230"),
            ("Is lap band surgery better than diet?", "D015391"),
            ("Does gastric banding cure diabetes?", "D015391"),
        ],
    )


def test_covid_vaccines_as_people_name_them() -> None:
    """Review 25: "Can the AstraZeneca COVID jab cause Guillain-Barré syndrome?" kept
    "COVID" and "AstraZeneca" as names no vocabulary knows, and no vaccine was asked; MeSH
    writes "COVID-19 Vaccines" and "COVID-19 Vaccine AstraZeneca"."""
    lexicon = mesh_lexicon(
        ("D000086382", "COVID-19"),
        ("D000086663", "COVID-19 Vaccines"),
        ("D000090985", "ChAdOx1 nCoV-19"),
    )
    assert_each_read_as(
        lexicon,
        [
            ("Can the AstraZeneca COVID jab cause Guillain-Barré syndrome?", "D000090985"),
            ("Does the covid shot cause myocarditis?", "D000086663"),
        ],
    )


def test_an_everyday_name_wins_over_a_synonym_only_the_disease_ontology_gives() -> None:
    """Review 26: the Disease Ontology lists "GI Bleeding" as a synonym of active peptic
    ulcer disease, and "In acute upper GI bleeding, how accurate is capsule endoscopy …?"
    set aside every record on gastrointestinal bleeding as about another disease. A name
    MeSH gives still wins over the everyday one."""
    mesh, do = Vocabulary.MESH, Vocabulary.DISEASE_ONTOLOGY
    bleeding = Concept("D006471", mesh, "Gastrointestinal Hemorrhage")
    ulcer = Concept("DOID:749", do, "active peptic ulcer disease", synonyms=("GI Bleeding",))
    (found,) = find_mentions(
        "Is capsule endoscopy accurate in GI bleeding?", build_lexicon([bleeding, ulcer])
    )
    assert found.concept_ids == ("D006471",)
    named = Concept("D000001", mesh, "Some Disease", synonyms=("GI Bleeding",))
    (found,) = find_mentions("Is it GI bleeding?", build_lexicon([bleeding, named]))
    assert found.concept_ids == ("D000001",)


def test_lay_names_of_a_heart_cath_its_dye_and_a_night_guard() -> None:
    """Review 26: "Does taking NAC pills before a heart cath protect my kidneys from the
    contrast dye?" read the heart and colouring agents; "Will wearing a night guard stop
    me from grinding my teeth in my sleep?" read neither the splint nor bruxism."""
    lexicon = mesh_lexicon(
        ("D006328", "Cardiac Catheterization"),
        ("D003287", "Contrast Media"),
        ("D017090", "Occlusal Splints"),
        ("D002012", "Bruxism"),
    )
    found = find_mentions("Does NAC before a heart cath protect from the contrast dye?", lexicon)
    assert [m.concept_ids for m in found] == [("D006328",), ("D003287",)]
    found = find_mentions("Does a night guard stop me grinding my teeth?", lexicon)
    assert [m.concept_ids for m in found] == [("D017090",), ("D002012",)]


def test_lay_names_of_survival() -> None:
    """Review 27: "Does filtering the blood help people who drink paraquat weed killer
    survive?" named no outcome; MeSH lists only the noun."""
    lexicon = build_lexicon([Concept("D013534", Vocabulary.MESH, "Survival")])
    assert_each_read_as(
        lexicon,
        [("Did they survive?", "D013534"), ("Do statins help you live longer?", "D013534")],
    )


def test_lay_names_of_weed_and_of_smoking_it() -> None:
    """Review 28: "I already smoke cigarettes - does smoking weed on top of that damage my
    lungs more?" read smoke (the substance) and no cannabis; a garden's weeds stay apart."""
    lexicon = mesh_lexicon(
        ("D002188", "Cannabis"),
        ("D000074609", "Marijuana Use"),
        ("D000073865", "Cigarette Smoking"),
        ("D012906", "Smoke"),
        ("D006540", "Herbicides"),
        ("D011058", "Pollen"),
    )
    assert_each_read_as(
        lexicon,
        [
            ("Does weed cause psychosis?", "D002188"),
            ("Is smoking weed bad for the lungs?", "D000074609"),
            ("I smoke cigarettes daily.", "D000073865"),
            ("Is weed killer toxic?", "D006540"),
            ("Is weed pollen an allergen?", "D011058"),
        ],
    )


def test_lay_names_of_strep() -> None:
    """Review 29: "Can a strep throat infection make my child … start having OCD or tics?"
    read only the throat (Pharynx)."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [Concept("D013290", mesh, "Streptococcal Infections"), Concept("D010614", mesh, "Pharynx")]
    )
    assert_each_read_as(
        lexicon,
        [("Is strep throat contagious?", "D013290"), ("Can strep cause OCD?", "D013290")],
    )


def test_brackets_inside_a_name_end_no_clause() -> None:
    """Review 25: "Does having high lipoprotein(a) raise my risk …?" was read as asking
    about lipoproteins, the class: the bracket ended the name. Brackets after a space do."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D017270", mesh, "Lipoprotein(a)"),
            Concept("D008074", mesh, "Lipoproteins", synonyms=("Lipoprotein",)),
        ]
    )
    (found,) = find_mentions("Does high lipoprotein(a) raise the risk of stroke?", lexicon)
    assert (found.text, found.concept_ids) == ("lipoprotein(a)", ("D017270",))
    (found,) = find_mentions("Is lipoprotein (a) high in stroke?", lexicon)
    assert (found.text, found.concept_ids) == ("lipoprotein", ("D008074",))


def test_a_name_mesh_gives_one_descriptor_is_not_the_disease_ontology_s_for_another() -> None:
    """Review 19: the Disease Ontology lists "gestational hypertension" as an exact synonym
    of pre-eclampsia, which MeSH files apart, so a study of folic acid and gestational
    hypertension counted as one on pre-eclampsia. A name only the Disease Ontology gives
    stays."""
    mesh, do = Vocabulary.MESH, Vocabulary.DISEASE_ONTOLOGY
    induced = Concept(
        "D046110", mesh, "Hypertension, Pregnancy-Induced", synonyms=("Gestational Hypertension",)
    )
    eclampsia = Concept("D011225", mesh, "Pre-Eclampsia")
    term = Concept(
        "DOID:10591",
        do,
        "pre-eclampsia",
        synonyms=("gestational hypertension", "EPH gestosis"),
        xrefs=("MESH:D011225",),
    )
    lexicon = build_lexicon([term, induced, eclampsia])  # whatever the order
    assert lexicon.terms["gestational hypertension"] == ("D046110",)
    assert lexicon.terms["eph gestosis"] == ("D011225", "DOID:10591")


def test_a_microorganism_is_named_with_its_genus_abbreviated() -> None:
    """Review 17: "Is H. pylori eradication effective …?" lost the organism and "Does E.
    coli cause …?" asked about "coli": the point after a genus's capital ended a clause,
    and no vocabulary lists "H. pylori". Only microorganisms' names are so shortened, and
    only where one concept gives the short form."""
    mesh = Vocabulary.MESH
    pylori = Concept("D016480", mesh, "Helicobacter pylori", tree_numbers=("B03.440.400",))
    coli = Concept("D004926", mesh, "Escherichia coli", tree_numbers=("B03.440.450.425",))
    sapiens = Concept("D006801", mesh, "Homo sapiens", tree_numbers=("B01.050.150",))
    stroke = Concept("D020521", mesh, "Stroke")
    lexicon = build_lexicon([pylori, coli, sapiens, stroke])
    found = find_mentions("Do H. pylori and E. coli infections cause stroke?", lexicon)
    assert [(m.text, m.concept_ids) for m in found] == [
        ("H. pylori", ("D016480",)),
        ("E. coli", ("D004926",)),
        ("stroke", ("D020521",)),
    ]
    assert find_mentions("Is H. sapiens a species?", lexicon) == ()
    ended = find_mentions("We studied E. Later, coli were seen.", lexicon)
    assert [m.text for m in ended] == []


def test_a_name_whose_words_keep_their_order_is_not_met_in_another() -> None:
    """Review 17: "What's the best treatment after TURBT …?" was read as about aftercare,
    whose MeSH name "After-Treatment" has the same words; "cancer of the breast" still
    meets "Breast Cancer"."""
    mesh = Vocabulary.MESH
    aftercare = Concept("D000359", mesh, "Aftercare", synonyms=("After-Treatment",))
    breast = Concept("D001943", mesh, "Breast Neoplasms", synonyms=("Breast Cancer",))
    lexicon = build_lexicon([aftercare, breast])
    found = find_mentions(
        "What's the best treatment after surgery for cancer of the breast?",
        lexicon,
        word_order=True,
    )
    assert [m.concept_ids for m in found] == [("D001943",)]
    (after,) = find_mentions("After-treatment", lexicon, word_order=True)
    assert after.concept_ids == ("D000359",)


def test_words_joined_by_and_name_no_term_in_another_order() -> None:
    """Review 41: "Would taking melatonin … help his nerves and the pain afterwards?" was
    read as nerve pain (Neuralgia), and the trial that answers was filtered out as not
    naming it; "pain of the nerves" still names it."""
    lexicon = build_lexicon(
        [Concept("D009437", Vocabulary.MESH, "Neuralgia", synonyms=("Nerve Pain",))]
    )
    assert not find_mentions("help his nerves and the pain", lexicon, word_order=True)
    (found,) = find_mentions("pain of the nerves", lexicon, word_order=True)
    assert found.concept_ids == ("D009437",)


@pytest.mark.parametrize(
    ("question", "name", "concept"),
    [
        ("Do beta blockers cause new-onset diabetes?", "beta blockers", "D000319"),
        ("Does the keto diet reduce seizures?", "keto diet", "D055423"),
        ("Is depression common before weight loss surgery?", "weight loss surgery", "D050110"),
        ("How toxic is MDR-TB treatment?", "MDR-TB", "D018088"),
        ("Do antiretrovirals lower the risk of TB?", "antiretrovirals", "D044966"),
        ("Does CGM improve neonatal outcomes?", "neonatal", "D007231"),
        # review 17
        ("How often does FMT cure recurrent C. diff?", "C. diff", "D016360"),
        ("What is the risk of becoming hypothyroid?", "hypothyroid", "D007037"),
        ("Is radioactive iodine safe for goitre?", "radioactive iodine", "D007457"),
    ],
)
def test_clinicians_shorthand_names_its_concept(question: str, name: str, concept: str) -> None:
    """Review 16: "beta blockers" (MeSH: "beta-Blockers, Adrenergic"), "keto", "weight loss
    surgery" (read as the outcome Weight Loss), "MDR-TB", "antiretrovirals" and "neonatal"
    named nothing, or the wrong thing, and their questions lost their subject."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D000319", mesh, "Adrenergic beta-Antagonists"),
            Concept("D055423", mesh, "Diet, Ketogenic"),
            Concept("D050110", mesh, "Bariatric Surgery"),
            Concept("D015431", mesh, "Weight Loss"),
            Concept("D018088", mesh, "Tuberculosis, Multidrug-Resistant"),
            Concept("D044966", mesh, "Anti-Retroviral Agents"),
            Concept("D007231", mesh, "Infant, Newborn", synonyms=("Newborns",)),
            Concept("D016360", mesh, "Clostridioides difficile"),
            Concept("D007037", mesh, "Hypothyroidism"),
            Concept("D007457", mesh, "Iodine Radioisotopes"),
        ]
    )
    found = [(m.text, m.concept_ids) for m in find_mentions(question, lexicon)]
    assert (name, (concept,)) in found


def _organ_and_its_diseases(
    organ: tuple[str, str, str], diseases: list[tuple[str, str]], numbered_from: int
) -> list[Concept]:
    """An organ (id, name, tree number) and diseases named both by it and by an adjective."""
    organ_id, organ_name, tree = organ
    found = [Concept(organ_id, Vocabulary.MESH, organ_name, tree_numbers=(tree,))]
    for n, (name, also) in enumerate(diseases, start=numbered_from):
        found.append(Concept(f"D{n:06d}", Vocabulary.MESH, name, synonyms=(also,)))
    return found


def test_an_adjective_names_a_body_part_where_enough_names_pair_them() -> None:
    """Five diseases named "Heart …" and "Cardiac …" make "cardiac" the heart's adjective;
    three named "Muscle …" and "Neonatal …" by chance make nothing, nor does a word that
    pairs as often with two parts, nor a word that is no adjective ("Heart" ↔ "Pulse")."""
    heart = _organ_and_its_diseases(
        ("D006321", "Heart", "A07.541"),
        [
            ("Heart Diseases", "Cardiac Diseases"),
            ("Heart Failure", "Cardiac Failure"),
            ("Heart Arrest", "Cardiac Arrest"),
            ("Heart Neoplasms", "Cardiac Neoplasms"),
            ("Heart Rupture", "Cardiac Rupture"),
            ("Heart Rate", "Pulse Rate"),
        ],
        1,
    )
    muscle = _organ_and_its_diseases(
        ("D009132", "Muscles", "A02.633"),
        [(f"Muscle Disorder {letter}", f"Neonatal Disorder {letter}") for letter in "ABC"],
        20,
    )
    neck = _organ_and_its_diseases(
        ("D009333", "Neck", "A01.598"),
        [(f"Neck Pain {letter}", f"Cervical Pain {letter}") for letter in "ABCDE"],
        30,
    )
    cervix = _organ_and_its_diseases(
        ("D002584", "Cervix", "A05.360.319.679.256"),
        [(f"Cervix Lesion {letter}", f"Cervical Lesion {letter}") for letter in "ABCDE"],
        40,
    )
    lexicon = build_lexicon([*heart, *muscle, *neck, *cervix])
    assert lexicon.describing == {"cardiac": ("D006321",)}


def test_short_forms_are_case_sensitive(lexicon: Lexicon) -> None:
    assert find_mentions("the who said", lexicon) == ()
    mentions = find_mentions("as the WHO said", lexicon, short_forms=lexicon.short_forms)
    assert [m.concept_ids for m in mentions] == [("D014944",)]


def test_count_concepts_agrees_with_find_mentions(lexicon: Lexicon) -> None:
    text = "Systemic sclerosis and multiple sclerosis; systemic sclerosis again. MRI of the brain."
    counted = count_concepts(text, lexicon)
    mentioned: dict[str, int] = {}
    for mention in find_mentions(text, lexicon):
        mentioned[mention.concept_ids[0]] = mentioned.get(mention.concept_ids[0], 0) + 1
    assert counted == mentioned
    assert counted["D012595"] == 2


@given(st.text(max_size=300))
def test_mentions_always_point_at_their_text(text: str) -> None:
    lexicon = build_lexicon(())
    for mention in find_mentions(text, lexicon, word_order=True):
        assert text[mention.start : mention.end] == mention.text


def test_a_skin_cancer_named_by_its_cell_is_that_carcinoma() -> None:
    """Review 30: "Can Aldara cream clear a superficial basal cell skin cancer …?" dropped
    "basal cell" and read skin cancer alone."""
    mesh = Vocabulary.MESH
    lexicon = build_lexicon(
        [
            Concept("D002280", mesh, "Carcinoma, Basal Cell"),
            Concept("D002294", mesh, "Carcinoma, Squamous Cell"),
            Concept("D012878", mesh, "Skin Neoplasms", synonyms=("Skin Cancer",)),
        ]
    )
    assert_each_read_as(
        lexicon,
        [
            ("Can Aldara clear a superficial basal cell skin cancer?", "D002280"),
            ("How are squamous cell skin cancers treated?", "D002294"),
        ],
    )


def test_premature_babies_and_an_iv_drip_by_their_lay_names() -> None:
    """Review 31: "How often do premature babies in intensive care get skin damage from an
    IV drip leaking into the tissue?" read babies alone and "IV" as a word."""
    lexicon = mesh_lexicon(
        ("D007223", "Infant"),
        ("D007234", "Infant, Premature"),
        ("D007262", "Infusions, Intravenous"),
    )
    assert_each_read_as(
        lexicon,
        [
            ("How often do premature babies get it?", "D007234"),
            ("Is a preemie at risk?", "D007234"),
            ("Can an IV drip leak?", "D007262"),
        ],
    )


def test_a_dummy_and_face_blindness_by_their_lay_names() -> None:
    """Review 33: "Does giving my baby a dummy at bedtime lower the risk of cot death?" had
    no intervention, and "Does face blindness run in families?" read Face and Blindness."""
    lexicon = mesh_lexicon(
        ("D041361", "Pacifiers"),
        ("D020238", "Prosopagnosia"),
        ("D001766", "Blindness"),
    )
    assert_each_read_as(
        lexicon,
        [
            ("Does a dummy at bedtime help?", "D041361"),
            ("Do soothers harm teeth?", "D041361"),
            ("Does face blindness run in families?", "D020238"),
        ],
    )


def test_a_bladder_infection_is_a_urinary_tract_infection() -> None:
    """Review 34: "… to stop her bladder infections coming back" read the bladder and
    infections in general."""
    lexicon = mesh_lexicon(
        ("D014552", "Urinary Tract Infections"),
        ("D001743", "Urinary Bladder"),
        ("D007239", "Infections"),
    )
    assert_each_read_as(
        lexicon,
        [
            ("Do cranberries stop bladder infections?", "D014552"),
            ("Is a water infection serious in pregnancy?", "D014552"),
            ("Can a urine infection cause confusion?", "D014552"),
        ],
    )


def test_a_lay_name_names_the_disease_ontology_twin_too() -> None:
    """Review 37: "I keep getting bladder infections. Can a probiotic … stop them coming
    back?" named MeSH's Urinary Tract Infections alone, not the Disease Ontology's twin
    that lists "UTI", and the trial writing only "recurrent UTI" was no record on it."""
    mesh, do = Vocabulary.MESH, Vocabulary.DISEASE_ONTOLOGY
    infections = Concept("D014552", mesh, "Urinary Tract Infections")
    twin = Concept(
        "DOID:0080784",
        do,
        "urinary tract infection",
        synonyms=("UTI",),
        xrefs=("MESH:D014552",),
    )
    lexicon = build_lexicon([infections, twin])
    (named,) = find_mentions("Do cranberries stop bladder infections?", lexicon)
    assert named.concept_ids == ("D014552", "DOID:0080784")
    (written,) = find_mentions("Do cranberries stop urinary tract infections?", lexicon)
    assert set(written.concept_ids) == set(named.concept_ids)
