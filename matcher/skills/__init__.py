"""The skills stage: every mention of a taxonomy skill, with proof, rolled up to the guide.

A spaCy pipeline is generated from the taxonomy once per taxonomy: ``spacy.blank("en")``
(no trained model needed) with a rule component (:class:`SkillRuler`) holding one phrase
pattern per alias (matched on ``LOWER``) and one per case-sensitive form (matched on
``ORTH``), each carrying the skill id, so ``ent.ent_id_`` is the canonical id.  The ruler
keeps the longest of overlapping matches ("natural language processing" is one skill).

Rules then drop what a careful reader would not count:

* ambiguous words (the case-sensitive forms of a skill with ``context`` words: Spark, Excel,
  Swift, Rust, CV, RAG) count only near one of their context words (the mention itself is
  not its own context), listed with another skill ("Spark, Hadoop": only separators or a
  level word such as "Beginner" between them), or in a skills section; and never as the
  start of an organisation's name ("Oracle Corporation", "Ray Engineering Limited");
* no skill counts as the start of an organisation's name with a suffix that names nothing
  else ("The Linux Foundation", "Python Software Foundation", "Acme Analytics Ltd"): the
  organisation is not its topic;
* a sector served is not a skill: an item of a list of clients' or industries' sectors
  ("clients in banking, accounting and consulting", "Industries: retail, accounting"), or
  a sector named by the word after it ("accounting firms");
* one-letter forms (R, C) count only as list items: next to punctuation, a bullet,
  "and"/"or" or another skill, never glued to "&" (R&D) or after an ordinary word
  (Vitamin C); and only beside another skill, in a skills section, or on a line that lists
  skills ("C • C++", "R (basic)" among skills one per line), never in "Plan B, C and D";
* a case-sensitive form written in another case ("react", "go" for React, Go) counts only
  as an item of a list of skills: between separators or other skills, with another skill
  written as the taxonomy writes it nearby ("typescript, node.js, react, go");
* hyphens are spelling, not meaning: every alias is also matched with its hyphens as
  spaces or dropped ("back-end", "back end", "backend") and its spaces as hyphens
  ("ruby-on-rails", the way tag lists write it);
* negated mentions ("no experience with Kubernetes", "not yet familiar with") are not skills;
* a line that wraps runs on into the next (:func:`line_continues`): "with Support" /
  "Vector Machines" is one mention, whose evidence is both lines; two items of a list, a
  heading and its line, or a new bullet are never read as one phrase.

Each skill named evidences the guide competencies the taxonomy says it rolls up to (PyTorch
-> deep learning, machine learning), which are reported as derived, with the named skills as
evidence; a derived competency rolls up no further (:func:`rolls_up_to`).

One module per job: :mod:`~matcher.skills.result` (what the stage returns),
:mod:`~matcher.skills.pipeline` (the spaCy pipeline and its patterns, built from the
taxonomy) with :mod:`~matcher.skills.tokenizer` (its tokenizer),
:mod:`~matcher.skills.mentions` (finding mentions, chunk by chunk) with
:mod:`~matcher.skills.spans` (a chunk's entities and line breaks),
:mod:`~matcher.skills.lists` (lists of skills) and :mod:`~matcher.skills.context` (context
words, organisations, sectors, negation), :mod:`~matcher.skills.wraps` (wrapped lines),
:mod:`~matcher.skills.summary` (one match per skill, roll-ups) with
:mod:`~matcher.skills.years` (years of use); :mod:`~matcher.skills.stage` runs them.
"""

from matcher.skills.mentions import find_mentions
from matcher.skills.pipeline import (
    ANY_CASE_LABEL,
    SKILL_LABEL,
    SKILL_RULER,
    SkillRuler,
    build_pipeline,
    generate_patterns,
    hyphen_variants,
)
from matcher.skills.result import Evidence, Mention, SkillMatch, TextLine
from matcher.skills.stage import find_skills
from matcher.skills.summary import rolls_up_to, summarise
from matcher.skills.wraps import line_continues
from matcher.skills.years import MonthSpan, merge_spans

__all__ = [
    "ANY_CASE_LABEL",
    "SKILL_LABEL",
    "SKILL_RULER",
    "Evidence",
    "Mention",
    "MonthSpan",
    "SkillMatch",
    "SkillRuler",
    "TextLine",
    "build_pipeline",
    "find_mentions",
    "find_skills",
    "generate_patterns",
    "hyphen_variants",
    "line_continues",
    "merge_spans",
    "rolls_up_to",
    "summarise",
]
