"""Starting values for the taxonomies, from the programme's published facts.

Each entry is (slug, name). Slugs are stable identifiers used in URLs, search
filters and imports; names are what curators may later reword.
"""

REGIONS = [
    ("north", "North"),
    ("midlands-and-east", "Midlands and East"),
    ("london", "London"),
    ("south", "South"),
]

THEMES = [
    ("single-point-of-contact", "Single point of contact"),
    ("integrated-care-plans", "Integrated care plans"),
    ("multidisciplinary-teams", "Multidisciplinary teams"),
    ("rapid-community-response", "Rapid community response"),
    ("admission-avoidance-and-early-discharge", "Admission avoidance and early discharge"),
    ("seven-day-services", "Seven-day services"),
    ("prevention-and-early-intervention", "Prevention and early intervention"),
    ("self-care-telecare-and-community-support", "Self-care, telecare and community support"),
    ("shared-records-and-information-sharing", "Shared records and information sharing"),
    ("digital-access-for-patients", "Digital access for patients"),
    ("workforce-redesign", "Workforce redesign"),
    ("gp-leadership-and-federations", "GP leadership and federations"),
    (
        "new-payment-and-contracting-models",
        "New payment and contracting models (prime provider, capitated budgets, accountable care)",
    ),
    ("pooled-budgets", "Pooled budgets"),
    ("measuring-patient-experience", "Measuring patient experience"),
]

BARRIER_CATEGORIES = [
    ("information-governance", "Information governance and data sharing"),
    ("it-systems", "IT systems and interoperability"),
    ("payment-mechanisms", "Payment mechanisms"),
    ("competition-and-procurement", "Competition and procurement rules"),
    ("contract-length", "Contract length and commissioning cycles"),
    ("funding-pressure", "Funding pressure and partner withdrawal"),
    ("workforce-and-skills", "Workforce and skills"),
    ("culture-and-leadership", "Organisational culture and leadership"),
    ("governance-and-accountability", "Governance and accountability"),
    ("regulation-and-inspection", "Regulation and inspection"),
    ("estates", "Estates"),
    ("evaluation", "Evaluation and measuring outcomes"),
    ("patient-and-public-engagement", "Patient and public engagement"),
]

CARE_GROUPS = [
    ("frail-older-people", "Frail older people"),
    ("long-term-conditions", "People with long-term conditions"),
    ("disabilities", "People with disabilities"),
    ("families-with-complex-needs", "Families with complex needs"),
    ("cancer", "People with cancer"),
    ("end-of-life", "People at the end of life"),
    ("mental-health", "People with mental health needs"),
    ("whole-population", "Whole population"),
]

STAGES = [
    ("planning", "Planning"),
    ("early-implementation", "Early implementation"),
    ("implemented", "Implemented"),
    ("evaluated", "Evaluated"),
    ("scaled-up", "Scaled up"),
]

# Words people search with (DOMAIN.md): each group lists terms that mean the
# same thing. Seeded into the curator-editable synonym table.
SYNONYM_GROUPS = [
    ["A&E", "accident and emergency", "emergency department"],
    ["GP", "general practitioner", "general practice"],
    ["CCG", "clinical commissioning group"],
    ["LTC", "long-term condition", "long-term conditions"],
    ["MDT", "multidisciplinary team"],
    ["ACO", "accountable care organisation"],
    ["IG", "information governance"],
    ["PbR", "payment by results"],
    ["EoL", "end of life"],
    ["LA", "local authority", "council"],
    ["H&WB", "health and wellbeing board"],
    ["NHSE", "NHS England"],
    ["older people", "elderly", "over-65s"],
    ["telecare", "assistive technology"],
]

# Plain-English phrasings curators added from what people typed (editable like the rest).
SYNONYM_GROUPS += [
    ["out of hospital", "admission avoidance", "avoid admissions", "prevent admissions"],
]
