"""The score stage behaves as a careful reviewer would (issue: "Score fit …").

Resumes here are short texts written for each behaviour; the sample resumes are checked
in test_samples.py.
"""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from sklearn.metrics.pairwise import cosine_similarity
from sklearn.utils.estimator_checks import parametrize_with_checks

from matcher.document import ResumeText
from matcher.errors import UsageError
from matcher.parse.stage import parse_resume
from matcher.score.features import skill_strength
from matcher.score.gaps import report_gaps, roadmap_step
from matcher.score.job import (
    JOB_SETTINGS,
    JobFit,
    JobSettings,
    coverage,
    experience_fit,
    job_warnings,
    score_job,
)
from matcher.score.model import Metric, ProfileSimilarity
from matcher.score.posting import JobPosting, analyse_job, content_terms, resolve_skills
from matcher.score.report import FitReport, score_fit
from matcher.score.settings import SCORE_SETTINGS, IndustrySettings, LevelSettings, ScoreSettings
from matcher.skills.stage import find_skills
from matcher.skills.summary import rolls_up_to
from skills_taxonomy import Taxonomy

AS_OF = date(2026, 11, 1)


def score(text: str, taxonomy: Taxonomy, settings: ScoreSettings = SCORE_SETTINGS) -> FitReport:
    resume = parse_resume(
        ResumeText.from_string(text, file="r.txt"), taxonomy=taxonomy, as_of=AS_OF
    )
    return score_fit(resume, find_skills(resume, taxonomy), taxonomy, settings=settings)


def level_scores(report: FitReport) -> dict[str, float]:
    return {fit.id: fit.score for fit in report.levels}


def resume_text(
    *, years: int, title: str, bullets: list[str], skills: str, summary: str = ""
) -> str:
    start = 2026 - years
    return "\n".join(
        [
            "Alex Example",
            "alex@example.com",
            "SUMMARY",
            summary or f"{title} with {years} years of experience.",
            "EXPERIENCE",
            f"{title}, Northwind Labs, Nov {start} - Present",
            *bullets,
            "EDUCATION",
            f"B.Sc. Computer Science, Example University, {start - 1}",
            "SKILLS",
            skills,
        ]
    )


JUNIOR = resume_text(
    years=1,
    title="Junior Machine Learning Engineer",
    bullets=[
        "Cleaned and prepared training data with pandas and SQL (data preparation)",
        "Built and evaluated scikit-learn models; model testing and cross-validation",
        "Applied statistics and probability to A/B test analysis in Python",
    ],
    skills="Python, SQL, pandas, NumPy, scikit-learn, statistics, machine learning, Git",
)
SENIOR = resume_text(
    years=6,
    title="Senior AI Engineer",
    bullets=[
        "Led a team of six engineers (team leadership, mentoring, hiring)",
        "Owned architecture decisions for a complex AI system serving 40M requests a day",
        "Designed the system design of our RAG platform with LangChain, FAISS and GPT-4",
        "Deployed PyTorch models to production on AWS SageMaker with Docker and Kubernetes",
        "MLOps with MLflow; performance optimization of model inference",
    ],
    skills="Python, PyTorch, TensorFlow, machine learning, deep learning, LLMs, RAG, AWS, MLOps",
)
ARCHITECT = resume_text(
    years=12,
    title="Principal AI Architect",
    bullets=[
        "Set the enterprise AI strategy and AI roadmap for a global manufacturer",
        "Large-scale system design of the enterprise AI platform on Azure and AWS",
        "Technical leadership of 40 engineers across five teams; architecture decisions",
        "Governed model deployment, MLOps and AI security for 200 production models",
        "Organizational AI strategy with the executive board; budget management of $12M",
    ],
    skills="Python, machine learning, deep learning, LLMs, cloud architecture, Kubernetes",
)
CHEF = resume_text(
    years=12,
    title="Head Chef",
    bullets=[
        "Ran a kitchen of 14 cooks; menu design and seasonal sourcing",
        "Cut food waste by 20% with better stock rotation and prep lists",
        "Trained apprentices in knife skills, pastry and food safety",
    ],
    skills="Menu planning, food safety, HACCP, team leadership, budgeting, customer service",
)


def test_one_year_with_strong_skills_fits_entry_level(taxonomy: Taxonomy) -> None:
    report = score(JUNIOR, taxonomy)
    assert report.best_level == "entry-level-ai-engineer"


def test_six_years_with_architecture_and_leadership_fits_senior(taxonomy: Taxonomy) -> None:
    assert score(SENIOR, taxonomy).best_level == "senior-ai-engineer"


def test_twelve_years_of_enterprise_ai_strategy_fits_architect_or_head(taxonomy: Taxonomy) -> None:
    assert score(ARCHITECT, taxonomy).best_level in {"ai-architect", "head-of-ai"}


def test_a_resume_without_ai_background_has_no_fit(taxonomy: Taxonomy) -> None:
    report = score(CHEF, taxonomy)
    assert report.best_level is None
    assert report.salary is None
    assert max(fit.score for fit in report.levels) < 40
    assert report.levels[0].components["relevance"] == 0


def test_levels_and_industries_list_all_five_best_first(taxonomy: Taxonomy) -> None:
    report = score(SENIOR, taxonomy)
    assert len(report.levels) == 5 and len(report.industries) == 5
    scores = [fit.score for fit in report.levels]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= s <= 100 for s in [*scores, *(i.score for i in report.industries)])


def test_experience_fit_falls_off_smoothly_outside_the_range(taxonomy: Taxonomy) -> None:
    fits = []
    for years in range(0, 13):
        report = score(
            JUNIOR.replace("Nov 2025", f"Nov {2026 - years}") if years else JUNIOR, taxonomy
        )
        entry = next(fit for fit in report.levels if fit.id == "entry-level-ai-engineer")
        fits.append(entry.components["experience"])
    assert fits[1] == 1.0
    beyond = fits[3:]
    assert beyond == sorted(beyond, reverse=True)  # the further out, the lower
    steps = [a - b for a, b in itertools.pairwise(fits[2:])]
    assert max(steps) < 0.35  # no cliff: each extra year costs a bounded amount


def test_required_skills_count_more_than_preferred(taxonomy: Taxonomy) -> None:
    level = taxonomy.level("machine-learning-engineer")
    base = resume_text(
        years=3,
        title="Engineer",
        bullets=["Wrote services"],
        skills="Python, PyTorch, machine learning",
    )
    shown = {match.id for match in score(base, taxonomy).skills}

    def alone(skill_id: str) -> bool:  # adds nothing else through its roll-ups
        return skill_id not in shown and set(rolls_up_to(skill_id, taxonomy)) <= shown

    required = max(filter(alone, level.required), key=lambda s: (level.required[s], s))
    preferred = min(filter(alone, level.preferred), key=lambda s: (level.preferred[s], s))

    def mle(extra: str) -> float:
        text = base.replace("Wrote services", f"Wrote services; {extra}")
        return level_scores(score(text, taxonomy))["machine-learning-engineer"]

    names = taxonomy.skill(required).aliases[0], taxonomy.skill(preferred).aliases[0]
    assert mle(names[0]) > mle(names[1]) > mle("nothing else")


def test_evidence_in_dated_experience_counts_more_than_a_skills_list(taxonomy: Taxonomy) -> None:
    listed = resume_text(
        years=3, title="Engineer", bullets=["Wrote services"], skills="Python, MLOps"
    )
    used = resume_text(
        years=3, title="Engineer", bullets=["Wrote services with MLOps"], skills="Python"
    )
    key = "machine-learning-engineer"
    assert level_scores(score(used, taxonomy))[key] > level_scores(score(listed, taxonomy))[key]


def test_industry_comes_from_work_not_from_one_word_in_an_objective(taxonomy: Taxonomy) -> None:
    objective = SENIOR.replace(
        "Senior AI Engineer with 6", "Senior AI Engineer keen on healthcare with 6"
    )
    assert score(objective, taxonomy).best_industry != "healthcare"
    work = SENIOR.replace(
        "Deployed PyTorch models",
        "Built clinical NLP over EHR notes for 30 hospitals (HIPAA, FHIR, patient triage); "
        "deployed PyTorch models",
    )
    assert score(work, taxonomy).best_industry == "healthcare"


def career(jobs: list[tuple[str, str, int, int, str]]) -> str:
    """A resume of (title, organisation, start year, end year, duty) jobs, 2026-11 as_of."""
    lines = ["Sam Example", "sam@example.com", "EXPERIENCE"]
    for title, organisation, start, end, duty in jobs:
        lines += [f"{title}, {organisation}, Jan {start} - Jan {end}", duty]
    return "\n".join(lines)


def test_a_long_job_in_a_sector_outweighs_a_short_one(taxonomy: Taxonomy) -> None:
    store = (
        "Store Manager",
        "Northwind Outfitters",
        2017,
        2025,
        "Ran the sales floor and fitting rooms",
    )
    bank = ("Bank Teller", "Contoso Savings", 2025, 2026, "Processed loans and wire transfers")
    assert score(career([bank, store]), taxonomy).best_industry == "retail-ecommerce"
    long_bank = (*bank[:2], 2017, 2025, bank[4])
    short_store = (*store[:2], 2025, 2026, store[4])
    assert score(career([short_store, long_bank]), taxonomy).best_industry == "finance"


def test_words_every_sector_uses_name_no_industry(taxonomy: Taxonomy) -> None:
    text = career(
        [
            (
                "Office Coordinator",
                "Example Co",
                2016,
                2026,
                "Managed inventory, payments, logistics and software for the office",
            )
        ]
    )
    assert score(text, taxonomy).best_industry is None


def test_a_name_is_no_evidence_of_a_sector(taxonomy: Taxonomy) -> None:
    def industries(name: str) -> list[tuple[str, float]]:
        text = SENIOR.replace("Alex Example", name).replace("alex@", f"{name.split()[1].lower()}@")
        return [(fit.id, fit.score) for fit in score(text, taxonomy).industries]

    assert industries("Jordan Banks") == industries("Rosa Mall") == industries("Jordan Smith")


def test_one_tool_rolled_up_to_many_competencies_counts_once_as_ai_work(
    taxonomy: Taxonomy,
) -> None:
    text = resume_text(
        years=8,
        title="Network Engineer",
        bullets=["Configured routers and firewalls"],
        skills="Cisco, BGP, OSPF, PyTorch",
    )
    report = score(text, taxonomy)
    pytorch = next(match for match in report.skills if match.id == "pytorch")
    assert any(match.derived for match in report.skills)  # PyTorch rolls up to competencies
    relevance = report.levels[0].components["relevance"]
    assert relevance == pytest.approx(
        skill_strength(pytorch) / SCORE_SETTINGS.levels.relevance_saturation, abs=1e-3
    )
    assert report.best_level is None


def test_scores_follow_the_settings_passed(taxonomy: Taxonomy) -> None:
    shipped = score(CHEF, taxonomy)
    # A chef keeps only the relevance floor's share of each level's score: with no floor
    # at all, nothing; with a full one, the unscaled score.
    none = ScoreSettings(levels=LevelSettings(relevance_floor=0.0))
    full = ScoreSettings(levels=LevelSettings(relevance_floor=1.0))
    assert shipped.levels[0].components["relevance"] == 0
    low, high = (level_scores(score(CHEF, taxonomy, s)) for s in (none, full))
    assert set(low.values()) == {0.0}
    for level_id, mid in level_scores(shipped).items():
        assert high[level_id] == pytest.approx(mid / 0.3, abs=0.2)
    assert max(high.values()) > 10
    # The industries read their own settings: a sector's words count twice as fast.
    quick = ScoreSettings(industries=IndustrySettings(vocabulary_saturation=1.5))
    clinical = resume_text(
        years=3,
        title="ML Engineer",
        bullets=["Built clinical decision support models for hospital patients"],
        skills="Python, PyTorch",
    )
    faster = {fit.id: fit for fit in score(clinical, taxonomy, quick).industries}
    for fit in score(clinical, taxonomy).industries:
        assert faster[fit.id].score >= fit.score
    healthcare = next(fit for fit in score(clinical, taxonomy).industries if fit.id == "healthcare")
    assert 0 < healthcare.components["vocabulary"] < faster["healthcare"].components["vocabulary"]
    # A bar no score reaches: no best level, and the report says why.
    strict = score(SENIOR, taxonomy, ScoreSettings(min_level_score=101.0))
    assert score(SENIOR, taxonomy).best_level is not None
    assert strict.best_level is None
    assert any("no career level fits" in warning for warning in strict.warnings)


def test_scores_are_deterministic(taxonomy: Taxonomy) -> None:
    assert score(SENIOR, taxonomy).to_dict() == score(SENIOR, taxonomy).to_dict()


@pytest.mark.parametrize(
    "level_id", ["entry-level-ai-engineer", "senior-ai-engineer", "ai-architect"]
)
def test_adding_a_required_skill_with_evidence_never_lowers_the_level(
    taxonomy: Taxonomy, level_id: str
) -> None:
    before = level_scores(score(JUNIOR, taxonomy))[level_id]
    for skill_id in taxonomy.level(level_id).required:
        alias = (taxonomy.skill(skill_id).aliases or taxonomy.skill(skill_id).forms)[0]
        text = JUNIOR.replace("in Python", f"in Python; {alias}")
        assert level_scores(score(text, taxonomy))[level_id] >= before, skill_id


# --- job postings -----------------------------------------------------------------------

POSTING = """\
Senior Machine Learning Engineer
About the role
You will build recommendation models for our e-commerce platform.
Requirements
- 5+ years of experience in machine learning
- Strong Python and PyTorch
- Must have experience with Kubernetes
Nice to have
- Kafka
- Bonus: Terraform
"""


def test_a_posting_splits_required_from_preferred(taxonomy: Taxonomy) -> None:
    job = analyse_job(ResumeText.from_string(POSTING, file="job.txt"), taxonomy)
    assert {"python", "pytorch", "kubernetes"} <= job.required.keys()
    assert {"kafka", "terraform"} <= job.preferred.keys()
    assert not job.required.keys() & job.preferred.keys()
    assert job.years_min == 5
    assert job.level == "senior-ai-engineer"


def test_the_matching_resume_outscores_the_other(taxonomy: Taxonomy) -> None:
    job = analyse_job(ResumeText.from_string(POSTING, file="job.txt"), taxonomy)

    def job_score(text: str) -> float:
        resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)
        return score_job(resume, find_skills(resume, taxonomy), job, taxonomy).score

    assert job_score(SENIOR) > job_score(JUNIOR) > job_score(CHEF)
    fit_resume = parse_resume(ResumeText.from_string(SENIOR), taxonomy=taxonomy, as_of=AS_OF)
    fit = score_job(fit_resume, find_skills(fit_resume, taxonomy), job, taxonomy)
    assert "kafka" in {m.id for m in fit.missing_skills}
    assert "pytorch" in fit.matched_skills


def job_fit_of(text: str, posting: str, taxonomy: Taxonomy) -> JobFit:
    job = analyse_job(ResumeText.from_string(posting, file="job.txt"), taxonomy)
    resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)
    return score_job(resume, find_skills(resume, taxonomy), job, taxonomy)


def test_years_in_another_field_are_no_experience_for_a_posting(taxonomy: Taxonomy) -> None:
    chef, junior = (job_fit_of(text, POSTING, taxonomy) for text in (CHEF, JUNIOR))
    assert chef.components["required"] == chef.components["coverage"] == 0
    assert chef.components["experience"] == 0  # twelve years, none of them in the field
    assert experience_fit(12, 5) > 0.9
    assert junior.components["experience"] > 0


CAREER = """\
Alex Example
EXPERIENCE
{latest}, Northwind Labs, Jan 2022 - Present
{latest_work}
Line Cook, Fabrikam, Jan 2017 - Dec 2021
Cooked meals for a busy restaurant kitchen
{earlier}, Contoso, Jan 2012 - Dec 2016
{earlier_work}
"""
WAREHOUSE = ("Warehouse Supervisor", "Ran inventory management and dispatch for the warehouse")
BAKERY = ("Bakery Manager", "Baked bread and pastries and trained the bakery staff")
LOGISTICS_POSTING = "Required skills:\ninventory management\ndispatch\nwarehouse\nlogistics"


def test_the_work_of_the_latest_positions_counts_in_recent(taxonomy: Taxonomy) -> None:
    def career(latest: tuple[str, str], earlier: tuple[str, str]) -> str:
        return CAREER.format(
            latest=latest[0], latest_work=latest[1], earlier=earlier[0], earlier_work=earlier[1]
        )

    now = job_fit_of(career(WAREHOUSE, BAKERY), LOGISTICS_POSTING, taxonomy)
    once = job_fit_of(career(BAKERY, WAREHOUSE), LOGISTICS_POSTING, taxonomy)
    assert now.components["coverage"] == once.components["coverage"] > 0
    assert now.components["recent"] > once.components["recent"]
    assert now.score > once.score


def test_a_short_resume_keeps_a_share_of_its_score_by_its_length(taxonomy: Taxonomy) -> None:
    fit = job_fit_of(JUNIOR, POSTING, taxonomy)
    words = len(JUNIOR.split())
    assert words < JOB_SETTINGS.full_length
    # Words of the resume as parsed (its name line is not among them).
    assert fit.components["length"] == pytest.approx(words / JOB_SETTINGS.full_length, abs=0.03)
    filler = "\n".join(f"Volunteer shift {n}" for n in range(JOB_SETTINGS.full_length))
    padded = job_fit_of(f"{JUNIOR}\n{filler}", POSTING, taxonomy)
    assert padded.components["length"] == 1.0
    assert JOB_SETTINGS.short_floor * padded.score < fit.score < padded.score
    kept = JOB_SETTINGS.short_floor + (1 - JOB_SETTINGS.short_floor) * fit.components["length"]
    [warning] = job_warnings(fit)
    assert warning.startswith("the resume is short") and f"keeps {kept:.0%}" in warning
    assert job_warnings(padded) == []


SHOP_POSTING = """\
Assistant Store Manager
Requirements
- Customer service and cash handling
- Visual merchandising and planograms
- Opening and closing the store
"""


def duties_fit(job: JobPosting, duties: str, taxonomy: Taxonomy) -> JobFit:
    """The fit to ``job`` of a sales lead of four years whose one job did ``duties``."""
    text = resume_text(years=4, title="Sales Lead", bullets=[duties], skills="Scheduling")
    resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)
    return score_job(resume, find_skills(resume, taxonomy), job, taxonomy)


def test_a_posting_is_matched_on_its_own_words_where_the_taxonomy_has_none(
    taxonomy: Taxonomy,
) -> None:
    job = analyse_job(ResumeText.from_string(SHOP_POSTING, file="job.txt"), taxonomy)
    covered = duties_fit(
        job, "Cash handling, visual merchandising and planograms; opened the store", taxonomy
    )
    other = duties_fit(job, "Answered the phone", taxonomy)
    # Three lines, fewer than a full answer needs: answering all three is 3 / 5 coverage.
    most = sum(weight for _, weight in job.requirements) / JOB_SETTINGS.lines_for_full_coverage
    assert covered.components["coverage"] > most / 2 > other.components["coverage"]
    assert covered.score > other.score


def test_a_phrase_of_the_posting_counts_more_than_its_words_apart(taxonomy: Taxonomy) -> None:
    job = analyse_job(ResumeText.from_string(SHOP_POSTING, file="job.txt"), taxonomy)

    def coverage(duties: str) -> float:
        return duties_fit(job, duties, taxonomy).components["coverage"]

    phrase = coverage("Ran visual merchandising and customer service for the handbag floor")
    apart = coverage("Ran the visual side of merchandising; customer calls and service desk")
    reordered = coverage("Ran merchandising, visual and otherwise, and service of customers")
    assert phrase > apart
    assert reordered > apart  # "service of customers" is the pair "customer service"


def test_a_posting_s_words_count_more_in_the_work_history_than_in_a_skills_list(
    taxonomy: Taxonomy,
) -> None:
    job = analyse_job(ResumeText.from_string(SHOP_POSTING, file="job.txt"), taxonomy)
    duties = "Cash handling, visual merchandising and planograms; opened the store"

    def fit(bullets: list[str], skills: str) -> JobFit:
        text = resume_text(years=4, title="Sales Lead", bullets=bullets, skills=skills)
        resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)
        return score_job(resume, find_skills(resume, taxonomy), job, taxonomy)

    done = fit([duties], "Scheduling")
    listed = fit(["Answered the phone"], f"Scheduling; {duties}")
    nowhere = fit(["Answered the phone"], "Scheduling")
    for component in ("coverage", "text"):
        assert done.components[component] > listed.components[component]
        assert listed.components[component] > nowhere.components[component]


def test_a_word_only_outside_the_work_history_counts_half() -> None:
    line = frozenset({"cash", "handl", "cash handl"})
    as_sentence = {"keyword_words": 0}  # every term counts alike, a keyword's rule aside
    assert coverage(frozenset({"cash"}), [(line, 1.0)], **as_sentence) == pytest.approx(1 / 3)
    assert coverage(
        frozenset({"cash"}), [(line, 1.0)], elsewhere=frozenset({"handl", "cash"}), **as_sentence
    ) == pytest.approx((1 + JOB_SETTINGS.elsewhere_weight) / 3)


def test_a_keyword_line_counts_in_part_from_half_its_words() -> None:
    keyword = content_terms("inventory management")
    sentence = content_terms("inventory management across three regional warehouses")
    credit = JOB_SETTINGS.keyword_credit
    assert coverage(content_terms("inventory management"), [(keyword, 1.0)]) == 1.0
    assert coverage(content_terms("managed inventory"), [(keyword, 1.0)]) == credit
    # Below half its words, in proportion: one word of two, only in a skills list.
    listed = coverage(frozenset(), [(keyword, 1.0)], elsewhere=content_terms("inventory"))
    assert listed == pytest.approx(credit * JOB_SETTINGS.elsewhere_weight)
    # A sentence's words still count one by one: a word of it is a small share of it.
    one_word = coverage(content_terms("inventory"), [(sentence, 1.0)])
    assert one_word == pytest.approx(1 / len(sentence))
    assert JOB_SETTINGS.keyword_words < len([t for t in sentence if " " not in t])


def test_a_keyword_posting_is_answered_by_its_keywords_words(taxonomy: Taxonomy) -> None:
    posting = "Required skills:\ninventory management\nwarehouse operations\nstock control\n"
    job = analyse_job(ResumeText.from_string(posting, file="job.txt"), taxonomy)
    duties = "Managed the inventory of two warehouses; ran stock counts and deliveries"
    text = resume_text(years=6, title="Warehouse Supervisor", bullets=[duties], skills="Forklift")
    resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)
    skills = find_skills(resume, taxonomy)
    read_as_keywords = score_job(resume, skills, job, taxonomy)
    word_by_word = score_job(
        resume, skills, job, taxonomy, settings=replace(JOB_SETTINGS, keyword_words=0)
    )
    # Each line has half its words or more ("inventory", "warehouse", "stock") but no phrase.
    lines = sum(weight for _, weight in job.requirements)
    assert read_as_keywords.components["coverage"] == pytest.approx(
        JOB_SETTINGS.keyword_credit * lines / max(lines, JOB_SETTINGS.lines_for_full_coverage)
    )
    assert read_as_keywords.components["coverage"] > word_by_word.components["coverage"]
    assert read_as_keywords.score > word_by_word.score


MUST_POSTING = """\
ML Engineer
Must have:
- PyTorch
- Kubernetes
Nice to have
- Kafka
"""


def test_a_must_have_section_caps_the_score_of_a_resume_without_it(taxonomy: Taxonomy) -> None:
    job = analyse_job(ResumeText.from_string(MUST_POSTING, file="job.txt"), taxonomy)
    assert job.must_have == ("pytorch", "kubernetes")  # not Kafka, under "Nice to have"

    def fit(skills: str, settings: JobSettings = JOB_SETTINGS) -> JobFit:
        # A full-length resume, so its length does not scale the score down.
        bullets = [f"Trained ranking model {n} and shipped it to our users" for n in range(30)]
        text = resume_text(years=5, title="ML Engineer", bullets=bullets, skills=skills)
        resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)
        return score_job(resume, find_skills(resume, taxonomy), job, taxonomy, settings=settings)

    both, one = fit("PyTorch, Kubernetes, Kafka"), fit("PyTorch, Kafka")
    assert both.missing_must_have == ()
    assert one.missing_must_have == ("kubernetes",)
    assert one.score <= JOB_SETTINGS.must_have_cap < both.score
    assert "kubernetes" in {m.id for m in one.missing_skills}
    # The cap is a setting: a stricter one holds the same resume lower, the other unchanged.
    strict = replace(JOB_SETTINGS, must_have_cap=10.0)
    assert fit("PyTorch, Kafka", strict).score <= 10.0 < one.score
    assert fit("PyTorch, Kubernetes, Kafka", strict).score == both.score


def test_required_skills_are_found_by_id_name_or_alias_in_any_case(taxonomy: Taxonomy) -> None:
    rag = taxonomy.skill("rag")
    names = ["PYTORCH", rag.name.lower(), *rag.aliases[:1], "pytorch"]
    assert resolve_skills(names, taxonomy) == ("pytorch", "rag")
    with pytest.raises(UsageError, match="unknown skill 'underwater basketry'"):
        resolve_skills(["pytorch", "underwater basketry"], taxonomy)
    job = analyse_job(
        ResumeText.from_string(POSTING, file="job.txt"), taxonomy, require=["Terraform"]
    )
    assert "terraform" in job.must_have and job.required["terraform"] == 1.0
    assert "terraform" not in job.preferred  # asked for under "Nice to have", now a must


def test_a_match_on_almost_nothing_says_so(taxonomy: Taxonomy) -> None:
    def fit(posting: str, text: str) -> JobFit:
        job = analyse_job(ResumeText.from_string(posting, file="job.txt"), taxonomy)
        resume = parse_resume(ResumeText.from_string(text), taxonomy=taxonomy, as_of=AS_OF)
        return score_job(resume, find_skills(resume, taxonomy), job, taxonomy)

    empty_posting = fit("Required skills:\n", SENIOR)
    assert empty_posting.posting.title is None  # the list's heading names no role
    assert "posting names almost nothing" in (empty_posting.not_enough_to_judge or "")
    thin_resume = fit(POSTING, "Alex Example\nalex@example.com\nPython, PyTorch")
    assert "resume has almost no text" in (thin_resume.not_enough_to_judge or "")
    assert fit(POSTING, SENIOR).not_enough_to_judge is None
    assert fit(KEYWORD_POSTING, SENIOR).not_enough_to_judge is None  # four keywords suffice
    senior = parse_resume(ResumeText.from_string(SENIOR), taxonomy=taxonomy, as_of=AS_OF)
    report = score_fit(senior, find_skills(senior, taxonomy), taxonomy, job=empty_posting)
    assert any("not enough to judge the job match" in w for w in report.warnings)


KEYWORD_POSTING = """\
Required skills:
dispatch
inventory management
warehouse management
logistics manager
"""


def test_a_posting_pasted_as_a_keyword_list_is_read_as_requirements(taxonomy: Taxonomy) -> None:
    job = analyse_job(ResumeText.from_string(KEYWORD_POSTING, file="job.txt"), taxonomy)

    # Each keyword is a requirement of its own, not a heading: four lines, all required.
    assert len(job.requirements) == 4
    assert {weight for _, weight in job.requirements} == {1.0}
    logistics = duties_fit(
        job, "Managed warehouse inventory and dispatch as the site's logistics manager", taxonomy
    )
    other = duties_fit(job, "Answered the phone", taxonomy)
    assert logistics.components["coverage"] > 0.5 > other.components["coverage"]
    assert logistics.score > other.score


def test_a_thin_posting_answered_in_full_is_not_a_full_match(taxonomy: Taxonomy) -> None:
    duties = "Ran dispatch, inventory, logistics and stock control for the warehouse"
    two, five = (
        duties_fit(
            analyse_job(ResumeText.from_string(posting, file="job.txt"), taxonomy),
            duties,
            taxonomy,
        )
        for posting in (
            "Required skills:\ndispatch\nwarehouse",
            "Required skills:\ndispatch\nwarehouse\ninventory\nlogistics\nstock",
        )
    )
    # Every keyword of both lists is answered, but two of two say less than five of five.
    assert five.components["coverage"] == 1.0
    assert two.components["coverage"] == 2 / JOB_SETTINGS.lines_for_full_coverage
    assert two.score < five.score

    # Likewise the one taxonomy skill of a one-skill posting, shown: a share of the floor.
    job = analyse_job(ResumeText.from_string("Required skills:\nPyTorch", file="job.txt"), taxonomy)
    senior = parse_resume(ResumeText.from_string(SENIOR), taxonomy=taxonomy, as_of=AS_OF)
    skills = find_skills(senior, taxonomy)
    loose = replace(JOB_SETTINGS, skills_for_full_weight=0.0)
    shown = score_job(senior, skills, job, taxonomy, settings=loose).components["required"]
    thin = score_job(senior, skills, job, taxonomy).components["required"]
    asked = sum(job.required.values())
    assert asked < JOB_SETTINGS.skills_for_full_weight
    assert shown > 0.9
    assert thin == pytest.approx(shown * asked / JOB_SETTINGS.skills_for_full_weight, abs=1e-3)


def test_short_lines_of_a_prose_posting_are_still_headings(taxonomy: Taxonomy) -> None:
    job = analyse_job(ResumeText.from_string(POSTING, file="job.txt"), taxonomy)
    words = set().union(*(line for line, _ in job.requirements))
    assert "role" not in words and "nice" not in words  # "About the role", "Nice to have"
    assert "kafka" in words  # a one-word item under "Nice to have" is still an item


@pytest.mark.parametrize(
    ("skill_id", "step"),
    [
        ("python", 1),  # taught by step 1 itself
        ("tensorflow", 3),  # evidences Python (1) and deep learning (3): learned at 3
        ("terraform", 5),  # cloud deployment
        ("plc-scada", None),  # industrial control: on no step of the guide's roadmap
    ],
)
def test_a_gap_is_learned_at_the_latest_step_it_builds_on(
    taxonomy: Taxonomy, skill_id: str, step: int | None
) -> None:
    found = roadmap_step(skill_id, taxonomy)
    assert (found.step if found else None) == step


def test_an_industry_s_gaps_from_a_report_are_the_skills_its_fit_lacks(
    taxonomy: Taxonomy,
) -> None:
    text = resume_text(
        years=4,
        title="Machine Learning Engineer",
        bullets=["Built fraud models for a bank in Python and PyTorch, deployed on AWS."],
        skills="Python, PyTorch, SQL, Docker",
    )
    report = score(text, taxonomy)
    data = report.to_dict()
    for fit in report.industries:
        gaps = report_gaps(data, taxonomy, industry=fit.id)["gaps"]
        assert {gap["id"] for gap in gaps} == {skill.id for skill in fit.missing_skills}


def test_more_years_never_lower_the_experience_fit() -> None:
    for minimum in (None, 3.0):
        fits = [experience_fit(years / 2, minimum) for years in range(0, 30)]
        assert fits == sorted(fits)
    assert experience_fit(6.0, 3.0) > experience_fit(4.0, 3.0)  # depth beyond the minimum
    assert experience_fit(1.0, 5.0) < 0.5  # far short of the minimum


# --- the estimator ----------------------------------------------------------------------


@parametrize_with_checks([ProfileSimilarity(), ProfileSimilarity(metric="cosine")])
def test_profile_similarity_follows_the_estimator_contract(estimator, check) -> None:  # type: ignore[no-untyped-def]
    check(estimator)


def test_coverage_is_the_weighted_share_of_a_profile() -> None:
    model = ProfileSimilarity().fit([[1.0, 0.5, 0.0], [0.0, 0.0, 2.0]])
    result = model.transform([[1.0, 0.0, 3.0], [0.5, 1.0, 0.0]])
    assert result.ravel().tolist() == pytest.approx([1 / 1.5, 1.0, 1.0 / 1.5, 0.0])


def test_cosine_is_exactly_what_cosine_similarity_gives() -> None:
    rng = np.random.default_rng(0)
    profiles = rng.random((5, 40)) * (rng.random((5, 40)) > 0.6)
    samples = np.vstack([rng.random((3, 40)) * (rng.random((3, 40)) > 0.8), np.zeros(40)])
    result = ProfileSimilarity(metric="cosine").fit(profiles).transform(samples)
    assert result.tolist() == np.clip(cosine_similarity(samples, profiles), 0, 1).tolist()


@pytest.mark.parametrize("metric", ["coverage", "cosine"])
def test_similarity_is_transform_without_its_checks(metric: Metric) -> None:
    rng = np.random.default_rng(1)
    profiles = rng.random((5, 40)) * (rng.random((5, 40)) > 0.6)
    samples = np.vstack([rng.random((3, 40)) * 2 * (rng.random((3, 40)) > 0.7), np.zeros(40)])
    model = ProfileSimilarity(metric=metric).fit(profiles)
    assert model.similarity(samples).tobytes() == model.transform(samples).tobytes()
