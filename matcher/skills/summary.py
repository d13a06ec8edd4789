"""One :class:`~matcher.skills.result.SkillMatch` per skill: its mentions, its evidence
lines, the competencies its tools roll up to, and its years of use."""

from __future__ import annotations

from collections.abc import Sequence

from matcher.skills.result import Evidence, Mention, SkillMatch, TextLine
from matcher.skills.years import MonthSpan, _years_of_use
from skills_taxonomy import Taxonomy


def summarise(
    mentions: Sequence[Mention],
    lines: Sequence[TextLine],
    taxonomy: Taxonomy,
    *,
    periods: Sequence[MonthSpan | None] = (),
) -> tuple[SkillMatch, ...]:
    """One :class:`SkillMatch` per skill mentioned or evidenced by a mentioned tool.

    ``periods[i]`` is the span of the resume's position ``i`` (None when undated); a skill
    mentioned in a position's lines was used for that span.
    """
    direct: dict[str, list[Mention]] = {}
    for mention in mentions:
        direct.setdefault(mention.skill_id, []).append(mention)
    via: dict[str, set[str]] = {}
    for skill_id in direct:
        for competency in rolls_up_to(skill_id, taxonomy):
            via.setdefault(competency, set()).add(skill_id)
    matches = []
    for skill_id in sorted(direct.keys() | via.keys()):
        tools = sorted(via.get(skill_id, ()))
        own = direct.get(skill_id, [])
        evidence_mentions = sorted(
            [*own, *(m for tool in tools for m in direct[tool])], key=lambda m: (m.line, m.start)
        )
        skill = taxonomy.skill(skill_id)
        years, last_used = _years_of_use(evidence_mentions, lines, periods)
        matches.append(
            SkillMatch(
                id=skill.id,
                name=skill.name,
                category=skill.category,
                mentions=len(evidence_mentions),
                evidence=_evidence(evidence_mentions, lines),
                years=years,
                last_used=last_used,
                derived=not own,
                via=tuple(tools),
                surfaces=tuple(dict.fromkeys(m.surface for m in own)),
            )
        )
    order = {category.id: index for index, category in enumerate(taxonomy.categories)}
    return tuple(
        sorted(
            matches, key=lambda m: (order.get(m.category, len(order)), m.derived, -m.mentions, m.id)
        )
    )


def rolls_up_to(skill_id: str, taxonomy: Taxonomy) -> tuple[str, ...]:
    """The competencies a skill is evidence of: its taxonomy ``evidences``, and no further.

    A roll-up needs a skill the resume names: a competency derived from a tool is no
    evidence of yet another competency (Elasticsearch is a search engine; that does not
    make it AI search, nor AI search's NLP, nor NLP's deep learning).  Where a tool is
    evidence of a broader competency too, the taxonomy says so: PyTorch evidences deep
    learning and machine learning.
    """
    return tuple(dict.fromkeys(c for c in taxonomy.skill(skill_id).evidences if c != skill_id))


def _evidence(mentions: Sequence[Mention], lines: Sequence[TextLine]) -> tuple[Evidence, ...]:
    """One evidence per line mentioning the skill (in order), a wrapped mention's lines
    joined into one."""
    evidence = []
    shown: set[int] = set()
    for mention in mentions:
        last = mention.line if mention.end_line is None else mention.end_line
        if mention.line in shown and last in shown:
            continue
        text = " ".join(lines[index].text for index in range(mention.line, last + 1))
        first = lines[mention.line]
        evidence.append(Evidence(first.section, text, mention.line, first.ocr))
        shown.update(range(mention.line, last + 1))
    return tuple(evidence)
