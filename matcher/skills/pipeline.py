"""The spaCy pipeline generated from a taxonomy: ``spacy.blank("en")`` (or a trained
pipeline) with :class:`SkillRuler`, which marks every alias and case-sensitive form of a
skill as an entity whose ``ent_id_`` is the skill id.  The patterns come from the taxonomy
(:func:`generate_patterns`), never by hand."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from matcher.errors import UsageError
from matcher.skills.tokenizer import (
    _cache_across_lines,
    _compute_only_what_is_read,
    _split_glued_punctuation,
)
from skills_taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


SKILL_LABEL = "SKILL"
ANY_CASE_LABEL = "SKILL_ANY_CASE"
"""The label of a case-sensitive form written in another case: a list item at best."""


SKILL_RULER = "matcher_skill_ruler"
"""The name of the pipeline component that marks skills."""


def build_pipeline(taxonomy: Taxonomy, *, spacy_model: str | None = None) -> Language:
    """The spaCy pipeline for ``taxonomy`` (built once per taxonomy and model, then cached)."""
    # One cache key however the caller spells the call: lru_cache tells f(t) from
    # f(t, spacy_model=None), and a second pipeline costs seconds and some 20 MB.
    return _build_pipeline(taxonomy, spacy_model)


@lru_cache(maxsize=4)
def _build_pipeline(taxonomy: Taxonomy, spacy_model: str | None) -> Language:
    import spacy
    from spacy.language import Language

    if spacy_model is None:
        nlp = spacy.blank("en")
        _compute_only_what_is_read(nlp)
    else:
        try:
            nlp = spacy.load(spacy_model, exclude=["ner"])
        except OSError as exc:
            raise UsageError(
                f"spaCy model {spacy_model!r} is not installed",
                hint="matcher needs no trained model: drop --spacy-model, or install the model "
                "with pip first.",
            ) from exc
    _split_glued_punctuation(nlp)
    _cache_across_lines(nlp)
    if not Language.has_factory(SKILL_RULER):
        Language.factory(SKILL_RULER, func=_make_skill_ruler)
    ruler = nlp.add_pipe(SKILL_RULER)
    ruler.add_patterns(generate_patterns(taxonomy))  # type: ignore[attr-defined]
    return nlp


def _make_skill_ruler(nlp: Any, name: str) -> SkillRuler:
    return SkillRuler(nlp)


class SkillRuler:
    """Marks every taxonomy surface as a skill entity whose ``ent_id_`` is the skill id.

    It takes the entity ruler's patterns (:func:`generate_patterns`), but matches them all
    with phrase matchers: aliases on ``LOWER``, case-sensitive forms on ``ORTH``, and the
    forms' any-case variants (token patterns on ``LOWER``) on ``LOWER``.  spaCy's entity
    ruler runs token patterns through its ``Matcher``, which tries every pattern at every
    token and made up three quarters of the stage's time; a phrase matcher is a hash
    lookup with the same result.  Overlaps resolve as in the entity ruler: the longest
    match, then the earliest; an any-case match only where nothing else matched.
    """

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        self.nlp = nlp
        self.aliases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.forms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.any_case = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        phrases: dict[int, dict[str, list[Doc]]] = {}
        for pattern in patterns:
            phrase = pattern["pattern"]
            if isinstance(phrase, str):
                matcher, doc = self.aliases, self.nlp.make_doc(phrase)
            else:
                (attr,) = {key for token in phrase for key in token}
                matcher = self.forms if attr == "ORTH" else self.any_case
                doc = Doc(self.nlp.vocab, words=[token[attr] for token in phrase])
            phrases.setdefault(id(matcher), {}).setdefault(pattern["id"], []).append(doc)
        matchers: tuple[PhraseMatcher, ...] = (self.aliases, self.forms, self.any_case)
        for matcher in matchers:
            for skill_id, docs in phrases.get(id(matcher), {}).items():
                matcher.add(skill_id, docs)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span

        # Forms first, so that on an exact tie the case-sensitive reading wins.
        found = _keep_longest([*self.forms(doc), *self.aliases(doc)])
        taken = {i for _, start, end in found for i in range(start, end)}
        any_case = _keep_longest(
            [m for m in self.any_case(doc) if taken.isdisjoint(range(m[1], m[2]))]
        )
        # Spans are made for the kept matches alone, and in order: the entities' order.
        ents = sorted(
            [(start, end, key, SKILL_LABEL) for key, start, end in found]
            + [(start, end, key, ANY_CASE_LABEL) for key, start, end in any_case]
        )
        doc.ents = [
            Span(doc, start, end, label=label, span_id=key) for start, end, key, label in ents
        ]
        return doc


def _keep_longest(matches: Sequence[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """spaCy's ``filter_spans`` on ``(key, start, end)`` matches, before any ``Span`` is
    made: of overlapping matches the longest, then the earliest, then the first listed."""
    kept = []
    seen: set[int] = set()
    for match in sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        _, start, end = match
        # Like filter_spans, a match is dropped when either end is already taken.
        if start not in seen and end - 1 not in seen:
            kept.append(match)
            seen.update(range(start, end))
    return kept


def generate_patterns(taxonomy: Taxonomy) -> Iterable[dict[str, Any]]:
    """Entity-ruler patterns: phrase patterns for aliases (and their hyphen variants),
    token patterns on ``ORTH`` for forms, and on ``LOWER`` for the forms' any-case reading.

    A generated variant that is some skill's own alias or form is left to that skill.
    """
    import spacy

    tokenizer = spacy.blank("en")
    _split_glued_punctuation(tokenizer)
    aliases_all = {alias for skill in taxonomy.skills for alias in skill.aliases}
    forms_all = {form for skill in taxonomy.skills for form in skill.forms}
    # A variant matched on LOWER must not make a case-sensitive form case-insensitive.
    written = aliases_all | {form.lower() for form in forms_all}
    for skill in taxonomy.skills:
        aliases = dict.fromkeys(skill.aliases)
        for alias in skill.aliases:
            aliases.update(dict.fromkeys(v for v in hyphen_variants(alias) if v not in written))
        for alias in aliases:
            yield {"label": SKILL_LABEL, "pattern": alias, "id": skill.id}
        for form in skill.forms:
            words = [token.text for token in tokenizer.make_doc(form)]
            yield {"label": SKILL_LABEL, "pattern": [{"ORTH": w} for w in words], "id": skill.id}
        any_case = {form.lower() for form in skill.forms} - aliases_all - forms_all
        for form in sorted(any_case):
            words = [token.text for token in tokenizer.make_doc(form)]
            yield {
                "label": ANY_CASE_LABEL,
                "pattern": [{"LOWER": w} for w in words],
                "id": skill.id,
            }


_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")


def hyphen_variants(alias: str) -> set[str]:
    """The ways an alias is written with other hyphenation.

    "back-end" -> "back end", "backend"; "ruby on rails" -> "ruby-on-rails".
    """
    variants = set()
    if _HYPHEN.search(alias):
        variants |= {_HYPHEN.sub(" ", alias), _HYPHEN.sub("", alias)}
    if " " in alias:
        variants.add(alias.replace(" ", "-"))
    variants.discard(alias)
    return variants
