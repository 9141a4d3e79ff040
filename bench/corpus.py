"""Made-up but realistic content of any size, deterministic for a size and seed.

Two outputs from one generator:

- `generate()` writes content in format pioneer-exchange/1 (the import and
  export format), for tests and for timing big imports:

      .venv/bin/python -m bench.corpus 1000 > /tmp/big.json

- `index_documents()` turns the same content into the plain documents the
  indexer hands to each engine's store, so 10k and 100k items can be loaded
  without creating Wagtail pages (bench.stores does the loading).

Facet values are skewed as real content is: a few themes, barrier categories,
care groups, tags and pioneers are very common and many are rare (Zipf-like
weights). Taxonomy slugs are the seeded ones (themes/migrations/0002), so an
import of a generated file finds every taxonomy value it names.
"""

from __future__ import annotations

import importlib
import itertools
import json
import random
import sys
from datetime import date, timedelta
from typing import Any

from django.utils.text import slugify

FORMAT = "pioneer-exchange/1"
_SEEDS = importlib.import_module("themes.migrations.0002_seed_taxonomies")
REGIONS: list[tuple[str, str]] = _SEEDS.REGIONS
THEMES: list[tuple[str, str]] = _SEEDS.THEMES
BARRIER_CATEGORIES: list[tuple[str, str]] = _SEEDS.BARRIER_CATEGORIES
CARE_GROUPS: list[tuple[str, str]] = _SEEDS.CARE_GROUPS
STAGES: list[tuple[str, str]] = _SEEDS.STAGES
MEASURES = ["emergency-admissions-avoided", "delayed-discharges", "length-of-stay", "cost-savings"]
BARRIER_STATUSES = {
    "overcome": "Overcome",
    "partly-overcome": "Partly overcome",
    "ongoing": "Ongoing",
    "escalated": "Escalated",
}
EFFECTIVENESS = {"worked-well": "Worked well", "partly-worked": "Partly worked", "too-early": "Too early to tell"}
ID_BASE = 10_000_000  # generated documents' ids, far above any real page's

# The 14 first-wave pioneers (DOMAIN.md), then made-up areas of the virtual network.
PIONEERS = [
    ("Barnsley", "north"),
    ("Cheshire", "north"),
    ("Cornwall and the Isles of Scilly", "south"),
    ("Greenwich", "london"),
    ("Islington", "london"),
    ("Kent", "south"),
    ("Leeds", "north"),
    ("North Staffordshire", "midlands-and-east"),
    ("North West London", "london"),
    ("South Devon and Torbay", "south"),
    ("Southend", "midlands-and-east"),
    ("South Tyneside", "north"),
    ("Waltham Forest, East London and the City", "london"),
    ("Worcestershire", "midlands-and-east"),
]
PLACE_STARTS = "Ash Brad Carl Dar Elm Fern Gran Hal Kings Lang Mar Nor Oak Red Stan Thorn Wal West".split()
PLACE_ENDS = "bury field ford ham ley mouth stead ton wick worth".split()

# Words and phrases of the domain (DOMAIN.md), for titles and text; acronyms included, as authors write them.
PEOPLE = (
    "frail older people, people with long-term conditions, carers, families with complex needs, "
    "people at the end of life, people with dementia, care home residents, people with mental health needs"
).split(", ")
ACTORS = (
    "GPs, district nurses, social workers, community matrons, the council, the CCG, the acute trust, "
    "the mental health trust, the voluntary sector, practice federations, the ambulance service, pharmacists"
).split(", ")
ACTIONS = (
    "set up a single point of contact, shared one care plan, pooled budgets, ran multidisciplinary team meetings, "
    "opened a seven-day discharge team, rolled out telecare, agreed an information sharing protocol, "
    "used the NHS number across health and social care, built a shared record, commissioned a prime provider, "
    "moved to a capitated budget, trained a new integrated workforce, set up a rapid response team, "
    "gave patients online access to their records, agreed a ten-year contract"
).split(", ")
RESULTS = (
    "fewer emergency admissions, shorter hospital stays, fewer delayed discharges, fewer A&E attendances, "
    "fewer care home admissions, people telling their story once, better patient experience, "
    "savings reinvested in community services, fewer falls in the over-65s"
).split(", ")
OBSTACLES = (
    "payment by results drew money into the acute hospital, procurement rules slowed the integrated contract, "
    "one-year contracts made long-term plans hard, IG rules stopped staff sharing records, "
    "the council could not use the NHS number, partners withdrew staff under budget cuts, "
    "IT systems could not talk to each other, faxes were still the only link, GP recruitment stalled, "
    "no estates were free for the hub, the evaluation had no baseline"
).split(", ")
TAGS = (
    "telecare, care homes, A&E, discharge to assess, falls, dementia, NHS number, shared care record, "
    "hospital at home, social prescribing, reablement, weekend working, frailty, pharmacy, ambulance, "
    "carers, housing, end of life, prime provider, capitated budget, accountable care, care navigators, "
    "virtual wards, self-care, patient portal, GP federations, integrated teams, data sharing agreement, "
    "commissioning, outcomes framework, risk stratification, care coordinators, mental health liaison, "
    "community hubs, step-up beds, step-down beds, night sitting, key workers, health coaching, "
    "interoperability, personal budgets, voluntary sector, estates, workforce, evaluation"
).split(", ")
REQUIRES = ["local", "national-flexibility", "funding"]


def zipf_weights(count: int, exponent: float = 1.1) -> list[float]:
    """Weights for ranked values: the first very common, the tail rare."""
    return [1 / rank**exponent for rank in range(1, count + 1)]


class _Picker:
    """Draws slugs with Zipf-like weights, in a shuffled-but-seeded rank order."""

    def __init__(self, rng: random.Random, values: list[str]):
        self.rng = rng
        self.values = list(values)
        rng.shuffle(self.values)
        self.cumulative = list(itertools.accumulate(zipf_weights(len(self.values))))

    def one(self) -> str:
        return self.rng.choices(self.values, cum_weights=self.cumulative)[0]

    def some(self, low: int, high: int) -> list[str]:
        wanted = self.rng.randint(low, high)
        picked: list[str] = []
        for _ in range(wanted * 4):
            value = self.one()
            if value not in picked:
                picked.append(value)
            if len(picked) == wanted:
                break
        return picked


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:]


def _sentence(rng: random.Random) -> str:
    shape = rng.randrange(4)
    if shape == 0:
        text = f"{rng.choice(ACTORS)} {rng.choice(ACTIONS)} for {rng.choice(PEOPLE)}"
    elif shape == 1:
        text = f"the result was {rng.choice(RESULTS)} and {rng.choice(RESULTS)}"
    elif shape == 2:
        text = f"at first {rng.choice(OBSTACLES)}, so {rng.choice(ACTORS)} {rng.choice(ACTIONS)}"
    else:
        text = f"{rng.choice(ACTORS)} and {rng.choice(ACTORS)} worked together with {rng.choice(PEOPLE)}"
    return _capitalised(text) + "."


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(" ".join(_sentence(rng) for _ in range(rng.randint(3, 5))) for _ in range(count))


def _pioneer_names(count: int) -> list[tuple[str, str, str]]:
    """(name, region, status) for `count` areas: the 14 pioneers, then virtual network areas."""
    areas = [(name, region, "pioneer") for name, region in PIONEERS]
    places = (start + end for end in PLACE_ENDS for start in PLACE_STARTS)
    region_slugs = [slug for slug, _ in REGIONS]
    for number, place in enumerate(places):
        areas.append((place, region_slugs[number % len(region_slugs)], "virtual-network"))
    while len(areas) < count:  # beyond the place names: numbered areas
        areas.append((f"Network area {len(areas) + 1}", region_slugs[len(areas) % 4], "virtual-network"))
    return areas[:count]


def pioneers_for(case_studies: int) -> int:
    """How many areas a corpus of this many case studies has: about one per 20 studies, at least 14."""
    return max(14, min(case_studies // 20, 2000))


def generate(case_studies: int = 1000, pioneers: int | None = None, seed: int = 2013) -> dict[str, Any]:
    """A content file with this many case studies, each with 2 to 4 barriers and 2 to 4 workarounds."""
    rng = random.Random(seed)
    pioneers = pioneers_for(case_studies) if pioneers is None else pioneers
    pioneer_records = []
    for number, (name, region, status) in enumerate(_pioneer_names(pioneers), start=1):
        pioneer_records.append(
            {
                "slug": f"{slugify(name)}-{number:03}",
                "name": name,
                "status": status,
                "region": region,
                "plan_summary": " ".join(_sentence(rng) for _ in range(2)),
                "partners": rng.sample(ACTORS, rng.randint(2, 5)),
                "population_served": rng.randint(50_000, 2_000_000),
                "website": f"https://{slugify(name)}.example.org/",
            }
        )
    pick_pioneer = _Picker(rng, [record["slug"] for record in pioneer_records])
    pick_theme = _Picker(rng, [slug for slug, _ in THEMES])
    pick_category = _Picker(rng, [slug for slug, _ in BARRIER_CATEGORIES])
    pick_care_group = _Picker(rng, [slug for slug, _ in CARE_GROUPS])
    pick_tag = _Picker(rng, TAGS)
    studies = [
        _case_study(rng, number, pick_pioneer, pick_theme, pick_category, pick_care_group, pick_tag)
        for number in range(1, case_studies + 1)
    ]
    return {"format": FORMAT, "pioneers": pioneer_records, "case_studies": studies}


def _case_study(rng, number, pick_pioneer, pick_theme, pick_category, pick_care_group, pick_tag) -> dict[str, Any]:
    published = date(2014, 1, 1) + timedelta(days=rng.randint(0, 3650))
    barriers = [
        {
            "slug": f"barrier-{index}",
            "title": _capitalised(rng.choice(OBSTACLES)),
            "category": pick_category.one(),
            "status": rng.choice(list(BARRIER_STATUSES)),
            "description": _paragraphs(rng, 2),
        }
        for index in range(1, rng.randint(2, 4) + 1)
    ]
    workarounds = [
        {
            "slug": f"workaround-{index}",
            "title": _capitalised(rng.choice(ACTIONS)),
            "addresses": sorted({rng.choice(barriers)["slug"] for _ in range(2)}),
            "requires": rng.choice(REQUIRES),
            "requirement_detail": "",
            "effectiveness": rng.choice(list(EFFECTIVENESS)),
            "description": _paragraphs(rng, 2),
        }
        for index in range(1, rng.randint(2, 4) + 1)
    ]
    return {
        "slug": f"case-study-{number:06}",
        "pioneer": pick_pioneer.one(),
        "title": f"How {rng.choice(ACTORS)} {rng.choice(ACTIONS)} for {rng.choice(PEOPLE)}",
        "summary": " ".join(_sentence(rng) for _ in range(2)),
        "narrative": "## What they did\n\n" + _paragraphs(rng, 3) + "\n\n## What changed\n\n" + _paragraphs(rng, 1),
        "themes": pick_theme.some(1, 3),
        "care_groups": pick_care_group.some(1, 2),
        "stage": rng.choice([slug for slug, _ in STAGES]),
        "start_date": (published - timedelta(days=rng.randint(100, 700))).isoformat(),
        "published": published.isoformat(),
        "tags": sorted(pick_tag.some(1, 4)),
        "contact": {"name": "Programme office", "role": "Integration lead", "email": f"team{number}@example.org"},
        "outcomes": [
            {
                "measure": rng.choice(MEASURES),
                "value": rng.randint(1, 5000),
                "unit": "a year",
                "baseline": "the year before",
                "evidence": "local-monitoring",
            }
            for _ in range(rng.randint(1, 3))
        ],
        "barriers": barriers,
        "workarounds": workarounds,
    }


def case_studies_for(items: int) -> int:
    """Case studies whose pages (study, barriers, workarounds: 7 on average) make at least `items` items."""
    return max(1, items // 6 + 1)


def corpus(items: int, seed: int = 2013) -> dict[str, Any]:
    """A content file of about `items` indexable items (case studies, barriers and workarounds)."""
    return generate(case_studies_for(items), seed=seed)


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    json.dump(generate(size), sys.stdout, indent=1)
    sys.stdout.write("\n")
