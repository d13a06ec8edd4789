"""Properties that hold for any input (hypothesis): no crash, bounded and repeatable scores,
monotone in required skills, blind to section order."""

from __future__ import annotations

import random
import re
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from matcher.document import ResumeText
from matcher.parse.stage import parse_resume
from matcher.score.report import FitReport, score_fit
from matcher.skills.stage import find_skills
from skills_taxonomy import LEVEL_IDS, Taxonomy

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = (ROOT / "samples" / "resumes" / "mle_healthcare_daniel_osei.txt").read_text(
    encoding="utf-8"
)
AS_OF = date(2026, 11, 1)
QUICK = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def score(text: str, taxonomy: Taxonomy) -> FitReport:
    resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)
    return score_fit(resume, find_skills(resume, taxonomy), taxonomy)


def level_scores(report: FitReport) -> dict[str, float]:
    return {fit.id: fit.score for fit in report.levels}


resume_like = st.lists(
    st.one_of(
        st.text(max_size=80),
        st.sampled_from(
            [
                "EXPERIENCE",
                "Skills: Python, SQL, PyTorch, Go, R",
                "Jan 2019 – Present",
                "2017 - 2019",
                "no experience with Kubernetes",
                "Senior ML Engineer, Acme | 03/2018 - 11/2020",
                "EDUCATION",
                "B.Sc. Computer Science 2015",
                "Led a team; architecture decisions; AWS SageMaker",
            ]
        ),
    ),
    max_size=25,
).map("\n".join)


@QUICK
@given(text=resume_like)
def test_any_text_gives_bounded_repeatable_scores(taxonomy: Taxonomy, text: str) -> None:
    first = score(text, taxonomy)
    assert all(0 <= fit.score <= 100 for fit in (*first.levels, *first.industries))
    assert all(0 <= value <= 1 for fit in first.levels for value in fit.components.values())
    assert {fit.id for fit in first.levels} == set(LEVEL_IDS)
    assert score(text, taxonomy).to_dict() == first.to_dict()


@QUICK
@given(data=st.data())
def test_adding_a_required_skill_with_evidence_never_lowers_that_level(
    taxonomy: Taxonomy, data: st.DataObject
) -> None:
    level = taxonomy.level(data.draw(st.sampled_from(LEVEL_IDS)))
    skill = taxonomy.skill(data.draw(st.sampled_from(sorted(level.required))))
    surface = data.draw(st.sampled_from([*skill.aliases, *skill.forms]))
    before = level_scores(score(SAMPLE, taxonomy))[level.id]
    bullet = f"  - Applied {surface} in production work for the care team."
    text = SAMPLE.replace("\nClinical Data Analyst", f"\n{bullet}\nClinical Data Analyst", 1)
    assert level_scores(score(text, taxonomy))[level.id] >= before


def sections(text: str) -> tuple[str, list[str]]:
    """The profile block and the sections of a text resume (heading + dashes + body)."""
    blocks = re.split(r"\n\n(?=[A-Z][A-Z &]+\n-+\n)", text.strip())
    return blocks[0], blocks[1:]


@QUICK
@given(seed=st.integers(min_value=0, max_value=10_000))
def test_shuffling_sections_changes_no_score(taxonomy: Taxonomy, seed: int) -> None:
    profile, body = sections(SAMPLE)
    assert len(body) >= 5
    shuffled = body[:]
    random.Random(seed).shuffle(shuffled)
    expected = score(SAMPLE, taxonomy)
    got = score("\n\n".join([profile, *shuffled]), taxonomy)
    assert level_scores(got) == level_scores(expected)
    assert [(f.id, f.score) for f in got.industries] == [
        (f.id, f.score) for f in expected.industries
    ]
    assert (got.best_level, got.best_industry) == (expected.best_level, expected.best_industry)


TERMS = ["ehr", "electronic health records", "health", "e-commerce", "commerce", "k8s", "hospital"]
VOCABULARIES = {
    "care": ["ehr", "electronic health records", "hospital"],
    "records": ["health records", "records", "ehr"],
    "shop": ["e-commerce", "commerce", "health", "k8s"],
}
"""Vocabularies that share terms, and hold terms inside each other's terms."""


def term_text(terms: list[str]) -> st.SearchStrategy[str]:
    """Text made of ``terms`` (some upper-cased), separators, characters that fold to ASCII
    letters, and bits of words."""
    return st.lists(
        st.one_of(
            st.sampled_from(terms).map(lambda term: term.upper() if len(term) % 2 else term),
            st.sampled_from([" ", "-", ", ", "\n", "x", "İ", "ſ", "K"]),
            st.text(alphabet="aehkrs -", max_size=6),
        ),
        max_size=14,
    ).map("".join)


@given(term_text(TERMS))
@settings(max_examples=300, deadline=None)
def test_the_folded_term_pattern_finds_what_the_case_insensitive_one_finds(text: str) -> None:
    from matcher.document import fold_case
    from matcher.score.vocabulary import vocabulary_pattern

    plain = vocabulary_pattern(TERMS, folded=False)
    folded = vocabulary_pattern(TERMS, folded=True)
    expected = [(m.start(), m.end()) for m in plain.finditer(text)]
    assert [(m.start(), m.end()) for m in folded.finditer(fold_case(text))] == expected


@given(term_text([term for terms in VOCABULARIES.values() for term in terms]))
@settings(max_examples=300, deadline=None)
def test_one_scan_for_all_vocabularies_finds_what_each_pattern_finds(text: str) -> None:
    from matcher.document import fold_case
    from matcher.score.vocabulary import find_folded_terms, term_start_pattern, vocabulary_pattern

    patterns = {key: vocabulary_pattern(terms, folded=True) for key, terms in VOCABULARIES.items()}
    starts = term_start_pattern(term for terms in VOCABULARIES.values() for term in terms)
    folded = fold_case(text)
    expected = {key: [m.span() for m in p.finditer(folded)] for key, p in patterns.items()}
    assert find_folded_terms(patterns, starts, folded) == expected
