"""The fixed, seeded mix of searches the benchmark sends to /api/v1/search.

Text of every kind readers type (words, phrases, acronyms, typos, questions),
or none; 0 to 3 facet filters whose values follow the corpus' own skew; every
sort; mostly the first page, sometimes deeper ones.
"""

from __future__ import annotations

import random
from typing import Any
from urllib.parse import urlencode

TEXTS = [
    "telecare",
    "single point of contact",
    "shared record",
    "NHS number",
    "A&E",
    "IG",
    "GP",
    "CCG",
    "pooled budgets",
    "payment by results",
    "procurement",
    "delayed discharges",
    "care home admissions",
    "multidisciplinery team",  # typo
    "informaton sharing",  # typo
    "telecre",  # typo
    "keeping frail people out of hospital",
    "how did others share records between council and NHS?",
    "what helped GPs and social workers work together",
    "seven-day services for older people",
    "prime provider contract",
    "capitated budget accountable care",
    "dementia",
    "falls in the over-65s",
    "workforce",
    "evaluation baseline",
]
SORTS = ["relevance"] * 14 + ["newest"] * 3 + ["oldest"] + ["title"] * 2
PAGES = [1] * 16 + [2, 2, 3, 5]


def facet_values(content: dict[str, Any]) -> dict[str, list[str]]:
    """Each facet's values, once per use in the content, so a random pick follows the corpus' skew."""
    studies = content["case_studies"]
    pioneers = {record["slug"]: record for record in content["pioneers"]}
    return {
        "type": ["case_study", "barrier", "workaround"],
        "theme": [slug for study in studies for slug in study["themes"]],
        "pioneer": [study["pioneer"] for study in studies],
        "region": [pioneers[study["pioneer"]]["region"] for study in studies],
        "barrier_category": [barrier["category"] for study in studies for barrier in study["barriers"]],
        "care_group": [slug for study in studies for slug in study["care_groups"]],
        "stage": [study["stage"] for study in studies],
        "year": [study["published"][:4] for study in studies],
    }


def query_mix(content: dict[str, Any], count: int = 500, seed: int = 9) -> list[str]:
    """`count` query strings for /api/v1/search, the same for the same content and seed."""
    rng = random.Random(seed)
    values = facet_values(content)
    queries = []
    for _ in range(count):
        params: list[tuple[str, str]] = []
        if rng.random() < 0.8:
            params.append(("q", rng.choice(TEXTS)))
        for facet in rng.sample(sorted(values), rng.choice([0, 0, 1, 1, 1, 2, 2, 3])):
            params.append((facet, rng.choice(values[facet])))
        sort = rng.choice(SORTS)
        if sort != "relevance":
            params.append(("sort", sort))
        page = rng.choice(PAGES)
        if page > 1:
            params.append(("page", str(page)))
        queries.append(urlencode(params))
    return queries
