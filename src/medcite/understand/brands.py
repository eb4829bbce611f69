"""Drugs' brand names and the generic names they stand for.

Clinicians and patients ask by brand ("Is adding Singulair as good as adding salmeterol
…?", "Does giving babies Calpol when they have their jabs …?"); papers name the drug
("montelukast", "paracetamol"). MeSH lists a brand as an entry term only now and then
(Flovent, Tamiflu), and the corpus defines one only where an abstract prints it beside its
drug ("baloxavir marboxil (Xofluza)", ``abbreviations``). Without either, the brand was a
keyword no record met, and the page refused although the corpus answered (review 18:
Singulair, Calpol).

The table comes from the drug dictionary of ``drug-named-entity-recognition`` (Fast Data
Science, MIT licence; its names come mainly from DrugBank's open data, CC0, with the NHS,
MeSH, MedlinePlus, PubChem and Wikipedia), which ships it inside its wheel; no network is
used. Only one-word names that stand for exactly one drug and are not that drug's own
name are kept: a brand, or another language's spelling of the generic name ("prednisona"),
both of which mean that drug.
"""

from __future__ import annotations

import functools
import importlib
import logging

log = logging.getLogger(__name__)

DICTIONARY_MODULE = "drug_named_entity_recognition.drugs_finder"
"""The package's module that loads its dictionary when imported (about a second)."""


@functools.cache
def brand_generics() -> dict[str, str]:
    """Each brand (lower case, as the dictionary keys it) → the generic name it stands for.

    Read once per process (every lexicon built shares the table; do not change it).

    Empty, with a warning, when the package is missing or no longer lays its dictionary
    out as ``drug_variant_to_canonical`` (name → the drugs it names): a brand is then
    read as a keyword, as before the table existed.
    """
    try:
        finder = importlib.import_module(DICTIONARY_MODULE)
        variants = finder.drug_variant_to_canonical
    except (ImportError, AttributeError) as error:
        log.warning("drug brand names are not read: %s", error)
        return {}
    return {
        variant: generics[0]
        for variant, generics in variants.items()
        if len(generics) == 1 and variant != generics[0] and variant.isalpha()
    }
