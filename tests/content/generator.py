"""Made-up content files of any size in format pioneer-exchange/1, for tests and for timing big imports.

    .venv/bin/python -m tests.content.generator 1000 > /tmp/big.json

Deterministic for a given size and seed; taxonomy slugs are the seeded ones (themes/migrations/0002).
"""

from __future__ import annotations

import json
import random
import sys
from datetime import date, timedelta

FORMAT = "pioneer-exchange/1"
REGIONS = ["north", "midlands-and-east", "london", "south"]
THEMES = [
    "single-point-of-contact",
    "integrated-care-plans",
    "multidisciplinary-teams",
    "rapid-community-response",
    "admission-avoidance-and-early-discharge",
    "seven-day-services",
    "prevention-and-early-intervention",
    "shared-records-and-information-sharing",
    "workforce-redesign",
    "pooled-budgets",
]
CARE_GROUPS = ["frail-older-people", "long-term-conditions", "disabilities", "mental-health", "whole-population"]
STAGES = ["planning", "early-implementation", "implemented", "evaluated", "scaled-up"]
CATEGORIES = ["information-governance", "it-systems", "payment-mechanisms", "workforce-and-skills", "estates"]
MEASURES = ["emergency-admissions-avoided", "delayed-discharges", "length-of-stay", "cost-savings"]
WORDS = (
    "care home admission discharge team nurse council practice record plan budget contract telecare "
    "community hospital patient carer weekend hub referral pathway assessment governance"
).split()


def _sentence(rng: random.Random, words: int = 12) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _paragraphs(rng: random.Random, count: int) -> str:
    return "\n\n".join(" ".join(_sentence(rng) for _ in range(4)) for _ in range(count))


def generate(case_studies: int = 1000, pioneers: int = 20, seed: int = 2013) -> dict:
    rng = random.Random(seed)
    pioneer_records = [
        {
            "slug": f"pioneer-{number:03}",
            "name": f"Pioneer area {number:03}",
            "status": "pioneer" if number % 5 else "virtual-network",
            "region": REGIONS[number % len(REGIONS)],
            "plan_summary": _sentence(rng, 30),
            "partners": [f"Partner {number}-{index}" for index in range(rng.randint(2, 5))],
            "population_served": rng.randint(50_000, 2_000_000),
            "website": f"https://pioneer-{number:03}.example.org/",
        }
        for number in range(1, pioneers + 1)
    ]
    studies = []
    for number in range(1, case_studies + 1):
        published = date(2014, 1, 1) + timedelta(days=rng.randint(0, 1500))
        barriers = [
            {
                "slug": f"barrier-{index}",
                "title": f"Barrier {index} of study {number}: {_sentence(rng, 5)[:-1]}",
                "category": rng.choice(CATEGORIES),
                "status": rng.choice(["overcome", "partly-overcome", "ongoing", "escalated"]),
                "description": _paragraphs(rng, 2),
            }
            for index in range(1, rng.randint(2, 4) + 1)
        ]
        workarounds = [
            {
                "slug": f"workaround-{index}",
                "title": f"Workaround {index} of study {number}",
                "addresses": sorted({rng.choice(barriers)["slug"] for _ in range(2)}),
                "requires": rng.choice(["local", "national-flexibility", "funding"]),
                "requirement_detail": "",
                "effectiveness": rng.choice(["worked-well", "partly-worked", "too-early"]),
                "description": _paragraphs(rng, 2),
            }
            for index in range(1, rng.randint(2, 4) + 1)
        ]
        studies.append(
            {
                "slug": f"case-study-{number:04}",
                "pioneer": pioneer_records[number % pioneers]["slug"],
                "title": f"Case study {number}: {_sentence(rng, 6)[:-1]}",
                "summary": _sentence(rng, 20),
                "narrative": "## What they did\n\n" + _paragraphs(rng, 4),
                "themes": rng.sample(THEMES, 2),
                "care_groups": rng.sample(CARE_GROUPS, 1),
                "stage": rng.choice(STAGES),
                "start_date": (published - timedelta(days=rng.randint(100, 700))).isoformat(),
                "published": published.isoformat(),
                "tags": sorted(set(rng.sample(WORDS, 3))),
                "contact": {
                    "name": "Programme office",
                    "role": "Integration lead",
                    "email": f"team{number}@example.org",
                },
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
        )
    return {"format": FORMAT, "pioneers": pioneer_records, "case_studies": studies}


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    json.dump(generate(size), sys.stdout, indent=1)
    sys.stdout.write("\n")
