"""Fairness: who the candidate is changes no score and no gap.

A counterfactual set built from the text samples: the candidate's name swapped across
cultures and genders, pronouns and gendered words swapped, and age, nationality, marital
status, gender and a photo line added.  Every score, best level, best industry and gap
must stay exactly the same (README, "Fairness").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from matcher.document import ResumeText
from matcher.parse.stage import parse_resume
from matcher.score.report import score_fit
from matcher.skills.stage import find_skills
from skills_taxonomy import Taxonomy

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = [
    ROOT / "samples" / "resumes" / "mle_healthcare_daniel_osei.txt",
    ROOT / "samples" / "resumes" / "genai_technology_rafael_mendes.md",
]
NAMES = [
    "Aisha Bello",
    "Wei Zhang",
    "María José García",
    "Olga Petrova",
    "Kwame Mensah",
    "Priya Natarajan",
    "John Smith",
    "Fatima Al-Sayed",
    "Hiroshi Tanaka",
    "Emily Clarke",
    "Nguyen Thi Lan",
    "Mohammed Rahman",
    "Sven Eriksson",
    "Chidi Okafor",
]
PERSONAL_LINES = [
    "Age: 52",
    "Date of birth: 14 March 1971",
    "Nationality: Nigerian",
    "Nationality: Brazilian",
    "Marital status: married, two children",
    "Gender: female",
    "Gender: male",
    "[Photo]",
    "Religion: Muslim",
]
SWAPS = {
    "he": "she",
    "she": "he",
    "his": "her",
    "her": "his",
    "him": "her",
    "mr": "ms",
    "ms": "mr",
    "man": "woman",
    "woman": "man",
    "chairman": "chairwoman",
}


def fingerprint(text: str, taxonomy: Taxonomy) -> dict[str, object]:
    """What a screening decision rests on: every score, the best fits and every gap."""
    resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=date(2026, 11, 1))
    report = score_fit(resume, find_skills(resume, taxonomy), taxonomy)
    return {
        "levels": [(f.id, f.score, dict(f.components), f.missing_skills) for f in report.levels],
        "industries": [(f.id, f.score) for f in report.industries],
        "best": (report.best_level, report.best_industry),
        "years": resume.experience.total_years,
        "skills": sorted((s.id, s.mentions, s.years) for s in report.skills),
    }


def original_name(text: str) -> str:
    first = text.lstrip("# ").splitlines()[0].strip()
    return first.title() if first.isupper() else first


def swap_name(text: str, name: str) -> str:
    old = original_name(text)
    text = re.sub(re.escape(old), name, text, flags=re.IGNORECASE)
    for old_part, new_part in zip(old.split(), name.split(), strict=False):
        text = re.sub(rf"\b{re.escape(old_part)}\b", new_part, text, flags=re.IGNORECASE)
    return text


def swap_gender_words(text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        word = match.group(0)
        new = SWAPS[word.lower()]
        return new.capitalize() if word[0].isupper() else new

    return re.sub(r"\b(" + "|".join(SWAPS) + r")\b", replace, text, flags=re.IGNORECASE)


def add_personal_line(text: str, line: str) -> str:
    lines = text.splitlines()
    return "\n".join([lines[0], line, *lines[1:]])


@pytest.fixture(scope="module", params=SAMPLES, ids=lambda p: p.name)
def sample(request: pytest.FixtureRequest, taxonomy: Taxonomy) -> tuple[str, dict[str, object]]:
    text = request.param.read_text(encoding="utf-8")
    return text, fingerprint(text, taxonomy)


Variant = Callable[[str], str]
VARIANTS: list[tuple[str, Variant]] = [
    *((f"name={name}", lambda t, n=name: swap_name(t, n)) for name in NAMES),
    *((f"adds {line!r}", lambda t, ln=line: add_personal_line(t, ln)) for line in PERSONAL_LINES),
    (
        "all at once",
        lambda t: add_personal_line(swap_gender_words(swap_name(t, "Aisha Bello")), "Age: 61"),
    ),
]


@pytest.mark.parametrize(("label", "variant"), VARIANTS, ids=[label for label, _ in VARIANTS])
def test_identity_changes_no_score_and_no_gap(
    sample: tuple[str, dict[str, object]], taxonomy: Taxonomy, label: str, variant: Variant
) -> None:
    text, expected = sample
    changed = variant(text)
    assert changed != text  # the counterfactual really differs
    assert fingerprint(changed, taxonomy) == expected


def test_pronouns_and_gendered_words_change_nothing(
    sample: tuple[str, dict[str, object]], taxonomy: Taxonomy
) -> None:
    text, _ = sample
    told = add_personal_line(
        text, "Reference: his manager, Mr Ortiz, says he is a man who delivers."
    )
    swapped = swap_gender_words(told)
    assert "her manager, Ms Ortiz, says she is a woman" in swapped
    assert fingerprint(swapped, taxonomy) == fingerprint(told, taxonomy)
