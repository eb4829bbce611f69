"""Everyday names of common concepts that neither MeSH nor the Disease Ontology lists.

The vocabularies' entry terms are written by indexers. People asking, patients and
clinicians in a hurry alike, write "kids", "hypos", "wet the bed", "sugary drinks" or "a
pacemaker"; no vocabulary lists those names, so the question lost its population,
condition or device: "Does desmopressin help kids who wet the bed?" was read as about
beds and answered from a study of bed sharing and sudden infant death, and "Do severe
hypos raise the risk of dementia …?" cited nothing (review 14). Clinicians write "beta
blockers", "MDR-TB", "C. diff", "keto" and "weight loss surgery", and describe newborns
as "neonatal", which no vocabulary lists either: "Does the keto diet reduce seizures …?"
cited nothing, "What percentage of weight loss surgery candidates have depression?"
asked about weight loss (review 16), and "What is the success rate of a fecal transplant
for recurrent C. diff?" was led by a snippet ending "… development and diff" (review
17). Each name here is an everyday name of the concept that means nothing else in a
clinical question; words with a common other sense ("period", "cold", "mono", "the
pill", "backbone": of a molecule, of a program) are left out. A name MeSH gives to any
concept wins over this table (``build_lexicon``); one only the Disease Ontology gives does
not: it lists "GI Bleeding" as a synonym of active peptic ulcer disease, so "In acute
upper GI bleeding, how accurate is capsule endoscopy …?" set aside every record on
gastrointestinal bleeding as about another disease (review 26).
"""

from __future__ import annotations

LAY_NAMES: dict[str, tuple[str, ...]] = {
    # people; also by an adjective of their age ("neonatal outcomes")
    "D002648": ("kids", "kid"),  # Child
    "D002675": ("toddlers", "toddler"),  # Child, Preschool
    "D007223": ("babies", "baby"),  # Infant
    # Infant, Premature: "premature babies" was read as babies alone (review 31)
    "D007234": (
        "premature babies", "premature baby", "preterm babies", "preterm baby", "preemies",
        "preemie",
    ),
    "D007231": ("neonatal",),  # Infant, Newborn
    "D000368": (  # Aged: MeSH lists only "Elderly"; "older adults" read as Adult
        "seniors", "older people", "old people", "older adults", "older adult",
        "older patients", "older persons", "older individuals",
    ),
    "D009035": ("moms", "mums"),  # Mothers
    "D000074285": ("who smoke", "who smokes"),  # Smokers: "asthmatics who smoke", not Smoke
    # conditions and injuries
    # "strep throat", "a strep infection" (review 29: "throat" alone was read, as Pharynx)
    "D013290": ("strep throat", "strep", "strep infection", "strep infections"),
    "D007003": ("hypos", "low blood sugar"),  # Hypoglycemia
    "D006943": ("high blood sugar",),  # Hyperglycemia
    "D006937": ("high cholesterol",),  # Hypercholesterolemia
    "D002546": ("mini-stroke", "mini stroke", "ministroke"),  # Ischemic Attack, Transient
    # Nocturnal Enuresis
    "D053206": ("bed wetting", "wet the bed", "wets the bed", "wetting the bed"),
    "D010292": ("pins and needles",),  # Paresthesia
    "D015746": ("stomach ache", "stomachache", "tummy ache", "belly ache"),  # Abdominal Pain
    "D004412": ("period pain", "period pains", "painful periods"),  # Dysmenorrhea
    "D006484": ("piles",),  # Hemorrhoids
    "D011470": ("enlarged prostate",),  # Prostatic Hyperplasia
    "D019584": ("hot flushes",),  # Hot Flashes
    "D006849": ("water on the brain",),  # Hydrocephalus
    "D005759": ("stomach flu",),  # Gastroenteritis
    "D010034": ("glue ear",),  # Otitis Media with Effusion
    "D001924": ("concussion", "concussions"),  # Brain Concussion
    "D014911": ("whiplash",),  # Whiplash Injuries
    "D050723": ("fracture", "fractures"),  # Fractures, Bone
    # Gastrointestinal Hemorrhage, which MeSH names so alone
    "D006471": (
        "gi bleeding", "gi bleed", "gi bleeds", "gastrointestinal bleeding",
        "gastrointestinal bleed",
    ),
    # Bruxism
    "D002012": ("grinding teeth", "grinding my teeth", "grind my teeth", "tooth grinding"),
    # Tuberculosis, Multidrug-Resistant: MeSH writes "Tuberculosis, MDR" only
    "D018088": ("mdr-tb", "mdr tb"),
    "D016360": ("c. diff", "c diff", "c.diff"),  # Clostridioides difficile
    # Uterine Cervical Dysplasia (CIN), what screening calls cervical precancer
    "D002578": ("cervical precancer", "cervical precancers", "cervical pre-cancer"),
    "D011230": ("precancer", "precancers"),  # Precancerous Conditions
    "D007262": ("iv drip", "iv drips", "drip in the arm"),  # Infusions, Intravenous
    # the skin cancers by their cell, as patients' guides name them ("basal and squamous
    # cell skin cancer"): "basal cell" was dropped and "skin cancer" read alone, which
    # the trial of imiquimod for superficial basal cell carcinoma never writes (review 30)
    "D002280": ("basal cell skin cancer", "basal cell skin cancers"),  # Carcinoma, Basal Cell
    "D002294": ("squamous cell skin cancer", "squamous cell skin cancers"),
    "D007037": ("hypothyroid",),  # Hypothyroidism
    "D006980": ("hyperthyroid",),  # Hyperthyroidism
    # Cerebral Hemorrhage ("Intracerebral Hemorrhage"), what a brain bleed mostly means
    "D002543": ("brain bleed", "brain bleeds", "bleeding in the brain"),
    # salts of the blood out of range; not "low sodium", which is mostly a diet
    "D017674": ("low phosphate", "low phosphorus"),  # Hypophosphatemia
    "D007008": ("low potassium",),  # Hypokalemia
    "D006947": ("high potassium",),  # Hyperkalemia
    "D006996": ("low calcium",),  # Hypocalcemia
    "D006934": ("high calcium",),  # Hypercalcemia
    "D013921": ("low platelets", "low platelet count"),  # Thrombocytopenia
    # Anemia, Sickle Cell, named by its cells alone ("children with sickle cell")
    "D000755": ("sickle cell", "sickle cell crisis", "sickle cell crises", "sickle crisis"),
    # a disease back again: "stop bacterial vaginosis coming back" is no question on the back
    "D012008": ("coming back", "comes back", "came back"),  # Recurrence
    # Urinary Tract Infections, as patients and British GPs name them: "her bladder
    # infections" was read as the bladder and infections in general (review 34)
    "D014552": (
        "bladder infection", "bladder infections", "urine infection", "urine infections",
        "urinary infection", "urinary infections", "water infection", "water infections",
    ),
    # Prosopagnosia: "face blindness" was read as Face and Blindness (review 33)
    "D020238": ("face blindness",),
    # tests, procedures and devices
    # Pacifiers, as British parents name them: "a dummy at bedtime" was read as nothing,
    # and the question on cot death had no intervention (review 33)
    "D041361": ("dummy", "dummies", "soother", "soothers"),
    "D014057": ("ct scan", "ct scans", "cat scan"),  # Tomography, X-Ray Computed
    "D006328": ("heart cath", "cardiac cath"),  # Cardiac Catheterization
    "D003287": ("contrast dye", "contrast dyes", "x-ray dye"),  # Contrast Media
    "D017090": ("night guard", "night guards", "nightguard", "bite guard"),  # Occlusal Splints
    "D008327": ("mammogram", "mammograms"),  # Mammography
    "D014463": ("ultrasound", "ultrasound scan"),  # Ultrasonography
    "D002585": ("c-section", "c section"),  # Cesarean Section
    "D010138": ("pacemaker", "pacemakers"),  # Pacemaker, Artificial
    "D050110": ("weight loss surgery", "weight-loss surgery"),  # Bariatric Surgery
    # Gastroplasty, under which NLM indexes (laparoscopic adjustable) gastric banding
    "D015391": (
        "gastric band", "gastric bands", "gastric banding", "lap band", "lap-band", "lap bands",
    ),
    "D007457": ("radioactive iodine", "radioiodine"),  # Iodine Radioisotopes
    "D004358": ("chemo",),  # Drug Therapy ("Chemotherapy")
    # Influenza Vaccines: "flu" alone is the disease
    "D007252": ("flu shot", "flu shots", "flu jab", "flu jabs", "flu vaccine", "flu vaccines"),
    # COVID-19's vaccines as people name them: MeSH writes "COVID-19" or "COVID19" only
    "D000086663": (  # COVID-19 Vaccines
        "covid vaccine", "covid vaccines", "covid jab", "covid jabs", "covid shot",
        "covid shots", "covid vaccination", "covid vaccinations", "covid booster",
        "covid boosters",
    ),
    "D000090985": (  # ChAdOx1 nCoV-19 ("COVID-19 Vaccine AstraZeneca")
        "astrazeneca vaccine", "astrazeneca covid vaccine", "astrazeneca jab",
        "astrazeneca covid jab", "oxford-astrazeneca vaccine", "vaxzevria",
    ),
    "D000090982": (  # BNT162 Vaccine ("COVID-19 Vaccine Pfizer-BioNTech")
        "pfizer vaccine", "pfizer covid vaccine", "pfizer jab", "pfizer covid jab", "comirnaty",
    ),
    "D000090983": (  # 2019-nCoV Vaccine mRNA-1273 ("COVID-19 Vaccine Moderna")
        "moderna vaccine", "moderna covid vaccine", "moderna jab", "moderna covid jab",
        "spikevax",
    ),
    # MeSH lists the transplantations, and only the liver's "transplant"
    "D016030": ("kidney transplant", "kidney transplants", "renal transplant", "renal transplants"),
    "D016027": ("heart transplant", "heart transplants"),  # Heart Transplantation
    # a person's weight and its changes; MeSH's "Weights" are the standards of measurement
    "D001835": ("weight",),  # Body Weight
    "D015431": ("lose weight", "losing weight", "lost weight", "loses weight"),  # Weight Loss
    "D015430": (  # Weight Gain
        "gaining weight", "gained weight", "gains weight", "put on weight", "putting on weight",
        "puts on weight",
    ),
    # outcomes as people ask them ("help them survive", review 27); MeSH lists only the noun
    "D013534": ("survive", "survives", "survived", "live longer", "lives longer"),  # Survival
    # cannabis as people name it (review 28: "smoking weed" was read as smoking tobacco);
    # a garden's weeds are killed or shed pollen. Smoking it is Marijuana Use, whose
    # narrower Marijuana Smoking counts too: studies of smokers write "marijuana use".
    "D002188": ("weed",),  # Cannabis
    "D000074609": ("smoking weed", "smoke weed", "smokes weed", "smoked weed"),  # Marijuana Use
    "D000073865": (  # Cigarette Smoking, not the Smoke itself
        "smoke cigarettes", "smokes cigarettes", "smoking cigarettes", "smoked cigarettes",
    ),
    "D006540": ("weed killer", "weed killers", "weedkiller", "weedkillers"),  # Herbicides
    "D011058": ("weed pollen",),  # Pollen
    # food, drink and diets
    # Sugar-Sweetened Beverages
    "D000080845": ("sugary drinks", "sugary drink", "sugary beverages"),
    "D002253": ("fizzy drinks",),  # Carbonated Beverages
    "D008461": ("processed meat", "processed meats"),  # Meat Products
    "D055423": ("keto diet", "keto"),  # Diet, Ketogenic
    # medicines
    "D000925": ("blood thinners", "blood thinner"),  # Anticoagulants
    "D004232": ("water pills", "water pill"),  # Diuretics
    "D000700": ("painkillers", "painkiller", "pain killers"),  # Analgesics
    "D001569": ("benzos", "benzo"),  # Benzodiazepines
    # Contraceptives, Oral; not "the pill" alone
    "D003276": (
        "birth control pills", "birth control pill", "contraceptive pill", "contraceptive pills",
    ),
    # MeSH: "beta-Blockers, Adrenergic", "beta-Adrenergic Blockers", never plain
    "D000319": ("beta blockers", "beta blocker", "beta-blockers", "beta-blocker"),
    "D044966": ("antiretrovirals",),  # Anti-Retroviral Agents
    # Adrenal Cortex Hormones ("Corticosteroids"): "steroids" alone is MeSH's class of
    # compounds, but clinicians' inhaled, oral or injected steroids are corticosteroids
    "D000305": (
        "inhaled steroids", "inhaled steroid", "steroid inhaler", "steroid inhalers",
        "oral steroids", "oral steroid", "steroid injection", "steroid injections",
        "steroid tablets",
    ),
    # the body
    "D014472": ("belly button",),  # Umbilicus
    "D014132": ("windpipe",),  # Trachea
    "D007830": ("voice box",),  # Larynx
    "D013249": ("breastbone",),  # Sternum
    "D002968": ("collarbone",),  # Clavicle
}  # fmt: skip
"""MeSH descriptor id → everyday names of it (lower case, as a question writes them)."""
