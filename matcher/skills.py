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
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from matcher.errors import UsageError
from matcher.parse.dates import YEARS, years_of
from skills_taxonomy import Taxonomy

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from matcher.document import Line
    from matcher.parse.result import Resume

DEFAULT_CONTEXT_WINDOW = 8
"""Tokens either side of an ambiguous mention searched for a context word or another skill."""
DEFAULT_NEGATION_WINDOW = 6
"""Tokens before a mention, within its clause, searched for a negation cue."""

SKILLS_SECTIONS = frozenset({"skills"})
"""Sections where a word is listed as a skill, so an ambiguous word needs no other context."""

SKILL_LABEL = "SKILL"
ANY_CASE_LABEL = "SKILL_ANY_CASE"
"""The label of a case-sensitive form written in another case: a list item at best."""

# "no experience with", "not yet familiar with", "never used", "lack of exposure to", ...:
# a cue, then within a few words a word about having the skill.  Matched on the clause
# before a mention, so "no downtime using Kubernetes" is not a negation of Kubernetes.
_NEGATION = re.compile(
    r"\b(?:no|not|never|without|lack(?:ing)?|little|limited|zero)\b(?:\W+\w+){0,3}?\W+"
    r"(?:experience[ds]?|exposure|knowledge|familiar(?:ity)?|proficien\w*|expertise|"
    r"used|worked|skills?)\b"
    r"|\bunfamiliar\b",
    re.IGNORECASE,
)
# "clients in banking, accounting and consulting", "industries: retail, accounting": a list of
# the sectors served, whose items are sectors, not skills.  The cue needs its preposition or
# colon ("customers using Excel" lists tools), and the items are a word or two each.
_SECTOR_CUE = re.compile(
    r"\b(?:clients?|customers?|industries|industry|sectors?|verticals?|companies|firms|"
    r"businesses|organi[sz]ations)(?:\s+(?:served|covered|supported))?"
    r"\s*(?::|\s(?:in|across|from|including|like|such as|spanning|ranging from)\b)",
    re.IGNORECASE,
)
_SECTOR_ITEMS = re.compile(r"\s*(?:[\w'.-]+(?:\s+[\w'.-]+)?\s*(?:,|&|/|\band\b|\bor\b)\s*)*")
# "accounting firms", "the marketing industry": a sector named by what follows it.
_SECTOR_AFTER = re.compile(
    r" +((?i:firms?|agenc(?:y|ies)|clients?|industry|industries|sectors?))\b"
)
_CLAUSE_BREAK = re.compile(r"[.;!?•]|\bbut\b|\bhowever\b|\balthough\b", re.IGNORECASE)
# Neighbours that make a one-letter form a list item: "R, Python", "C/C++", "in R".
_BULLETS = frozenset({"•", "·", "▪", "●", "◦", "■", "‣", "∙"})
_SEPARATORS = frozenset(
    {",", "/", "(", ")", "[", "]", ";", ":", "|", "&", "+", "-", "–", ".", "and", "or", "etc"}
    | _BULLETS
)
"""Tokens that separate the items of a list."""
_ITEM_BREAKS = _SEPARATORS - {"(", ")", "[", "]", "+"}
"""Tokens that end an item of a list ("R (basic)" is one item)."""
_LEVEL_WORDS = frozenset(
    {"basic", "basics", "beginner", "intermediate", "advanced", "expert", "proficient", "of"}
)
"""Words that grade a list item ("Advanced Excel, Beginner Go") rather than end the list."""
_LIST_FILLERS = _SEPARATORS | _LEVEL_WORDS
_LIST_NEIGHBOURS = (_SEPARATORS - {"&", "+", "-", "–", "."}) | {"in", "with", "using", "of"}
"""Tokens next to which a one-letter form reads as a list item ("basics of C, SQL")."""
# "Oracle Corporation", "Spark Technologies Pvt Ltd": an ambiguous word naming an employer.
_ORGANISATION_SUFFIXES = frozenset(
    {
        "limited", "ltd", "inc", "llc", "llp", "corp", "corporation", "pvt", "plc", "gmbh",
        "co", "company", "group", "technologies", "solutions", "labs", "consultancy",
        "enterprises", "industries", "holdings", "foundation", "university", "college",
    }
)  # fmt: skip
_NAME_SUFFIXES = frozenset(
    {
        "limited", "ltd", "inc", "llc", "llp", "corp", "corporation", "pvt", "plc", "gmbh",
        "foundation", "society", "association", "consortium", "institute",
    }
)  # fmt: skip
"""The suffixes that make any skill the start of an organisation's name ("The Linux
Foundation", "Python Software Foundation"): the organisation is not its topic.  Words such
as "Solutions" or "Labs" name organisations too, but also things ("AWS Solutions
Architect"), so only ambiguous words are checked against :data:`_ORGANISATION_SUFFIXES`."""
_NAME_BREAKS = frozenset({"for", "at", "with", "in", "by", "to", "from", "on", "and", "of"})
_LIST_CONTEXT = frozenset({"programming", "language", "languages", "statistical", "coding", "code"})
# "3 years of Python", "5+ yrs experience with PyTorch", "Python (4 years)"
_YEARS_BEFORE = re.compile(
    rf"{YEARS}(?:[\s']+(?:of|in|with|experience|hands-on|"
    r"professional|working|using|developing|building))*\W*$",
    re.IGNORECASE,
)
_YEARS_AFTER = re.compile(rf"^\W{{0,3}}\(?\s*{YEARS}", re.IGNORECASE)


@dataclass(frozen=True)
class TextLine:
    """A line to search, with where it stands in the resume."""

    text: str
    section: str = "other"
    """The canonical section the line belongs to (``experience``, ``skills``, ...)."""
    position: int | None = None
    """Index of the dated position whose block holds the line, if any."""
    continues: bool = False
    """True when the next line carries on this one's sentence (the line wrapped there), so a
    phrase may run across the break: "Support" / "Vector Machine" is one mention."""
    ocr: bool = False
    """The line was read by OCR (see :attr:`matcher.document.Line.ocr`)."""


@dataclass(frozen=True)
class Evidence:
    section: str
    text: str
    """The line as read, whitespace-normalised (a phrase wrapped onto the next line: both
    lines, joined by a space)."""
    line: int
    """Index of the (first) line in the searched text (reading order)."""
    ocr: bool = False
    """The line was read by OCR from an image of the page: its words may be misread."""

    def to_dict(self) -> dict[str, Any]:
        if self.ocr:  # only then: the JSON of a resume with a text layer stays as it was
            return {"section": self.section, "text": self.text, "ocr": True}
        return {"section": self.section, "text": self.text}


@dataclass(frozen=True)
class Mention:
    """One accepted occurrence of a skill."""

    skill_id: str
    line: int
    surface: str
    """The text that matched, as written."""
    start: int
    """Character offset of the match within its line."""
    end_line: int | None = None
    """The line a wrapped phrase ends on, when it runs past its own line."""


@dataclass(frozen=True)
class SkillMatch:
    """A skill the resume shows, and the proof."""

    id: str
    name: str
    category: str
    mentions: int
    """How many times the skill is mentioned (derived skills: mentions of their tools)."""
    evidence: tuple[Evidence, ...]
    """Every line it occurs on, in reading order."""
    years: float | None = None
    """Years of use, from the dated positions that mention it or an explicit statement."""
    last_used: int | None = None
    """The last year a dated position mentioning it ran to."""
    derived: bool = False
    """True when the resume never names the skill but names tools that evidence it."""
    via: tuple[str, ...] = field(default=())
    """Ids of the tools that evidence this skill."""
    surfaces: tuple[str, ...] = field(default=())
    """The distinct ways the resume writes it ("PyTorch", "pytorch"); none when derived."""

    def to_dict(self, *, max_evidence: int | None = None) -> dict[str, Any]:
        evidence = self.evidence if max_evidence is None else self.evidence[:max_evidence]
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "mentions": self.mentions,
            "years": self.years,
            "last_used": self.last_used,
            "derived": self.derived,
            "via": list(self.via),
            "written_as": list(self.surfaces),
            "evidence": [e.to_dict() for e in evidence],
        }


# --- the pipeline -----------------------------------------------------------------------


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


def _split_glued_punctuation(nlp: Language) -> None:
    """Split brackets, bullets and pipes glued to words ("AWS(S3)", "•Python", "SQL|Spark"),
    list items glued by slashes, semicolons or commas ("C++/Java"), and numbers glued to
    the item they number ("1.Autocad", "2)Catia")."""
    from spacy.util import compile_infix_regex, compile_prefix_regex

    extra = [r"[()\[\]{}|•·▪●◦■]"]
    # Slashes, semicolons and commas join list items written without spaces ("C#/.NET",
    # "C++/Java", "Python;SQL"); between two digits they are dates and numbers (06/2019).
    joins = [r"(?<=[^\s\d])[/;,](?=\S)", r"(?<=\S)[/;,](?=[^\s\d])"]
    infixes = [*(nlp.Defaults.infixes or ()), *extra, *joins]
    prefixes = [*(nlp.Defaults.prefixes or ()), *extra, r"\d{1,2}[.)](?=[^\W\d_])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]
    nlp.tokenizer.url_match = _url_match()  # type: ignore[union-attr]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search  # type: ignore[union-attr]


def _compute_only_what_is_read(nlp: Language) -> None:
    """Give the words spaCy meets for the first time only the attributes this module reads.

    spaCy computes some twenty attributes of every new word (its shape, whether it looks
    like a number, a URL, an e-mail...) by calling a Python function for each, and a resume
    brings a hundred new words or more: a quarter of the stage's time.  The blank pipeline
    reads the lower-case form (its phrase matchers match on it), the norm, and whether a
    word is in title or upper case; the others stay unset (False, or empty).  Reading
    another attribute of a token means adding it to :data:`LEXEME_ATTRS`.  A trained
    pipeline (``--spacy-model``) keeps them all: its components use them as features.
    """
    from spacy import attrs

    wanted = {getattr(attrs, name) for name in LEXEME_ATTRS}
    vocab: Any = nlp.vocab  # spaCy's stubs leave lex_attr_getters out
    getters = vocab.lex_attr_getters
    vocab.lex_attr_getters = {attr: get for attr, get in getters.items() if attr in wanted}


LEXEME_ATTRS = ("LOWER", "NORM", "IS_TITLE", "IS_UPPER")
"""The lexical attributes (spaCy's names) this module reads of a token of the blank pipeline."""


def _cache_across_lines(nlp: Language) -> None:
    """Let the tokenizer's cache work past the first line break of a text.

    spaCy caches how it split each whitespace-delimited chunk ("Python,", "(AWS)"), but
    stops caching for the rest of a text once any chunk was a special case.  Its English
    rules make "\\n" and "\\t" special cases that only say "one token, as written", the
    very token the plain rules make, so the first line break turned the cache off and
    every later chunk went through the affix rules again: two thirds of the tokenizer's
    time on a resume.  Without those rules the tokens are the same.  The cache holds more
    chunks than spaCy's default (10,000), which the taxonomy's own aliases, tokenized
    when the pipeline is built, would fill by a third.
    """
    from spacy.attrs import ORTH

    tokenizer = nlp.tokenizer
    rules = tokenizer.rules or {}  # type: ignore[union-attr]
    tokenizer.rules = {  # type: ignore[union-attr]
        orth: tokens for orth, tokens in rules.items() if orth.strip() or tokens != [{ORTH: orth}]
    }
    tokenizer.max_cache_size = DEFAULT_TOKENIZER_CACHE  # type: ignore[union-attr]
    # A word of ASCII letters alone ("Managed") is one token: no prefix, suffix or infix
    # rule of spaCy's or ours applies to it (each needs a digit, a mark or a space), and
    # its special cases ("cannot", "dont") are looked up before this is asked.  Saying so
    # spares a word met for the first time three pattern searches.
    plain = _PLAIN_WORD_RE.fullmatch
    other = tokenizer.token_match  # type: ignore[union-attr]
    tokenizer.token_match = (  # type: ignore[union-attr]
        plain if other is None else lambda text: plain(text) or other(text)
    )


_PLAIN_WORD_RE = re.compile(r"[A-Za-z]+")
DEFAULT_TOKENIZER_CACHE = 50_000
"""Chunks whose tokens the tokenizer remembers: a few megabytes, and the words a batch of
resumes shares are split once."""


# "Node.js/Express" is not a URL, though spaCy's URL pattern takes ".js" for a top-level domain.
_SCRIPT_HOST = r"[\w-]+\.[jJ][sS]\b"


@lru_cache(maxsize=1)
def _url_match() -> Callable[[str], re.Match[str] | None]:
    """spaCy's URL match, except where the text starts like a script ("node.js/..."): one
    compiled pattern where spaCy's is one, since the tokenizer tries it on most tokens."""
    from spacy.lang.tokenizer_exceptions import URL_MATCH

    url = getattr(URL_MATCH, "__self__", None)
    if not isinstance(url, re.Pattern):
        script = re.compile(_SCRIPT_HOST)
        return lambda text: None if script.match(text) else URL_MATCH(text)
    inline = "(?u)"
    body = url.pattern[len(inline) :] if url.pattern.startswith(inline) else url.pattern
    return re.compile(f"{inline}(?!{_SCRIPT_HOST}){body}", url.flags).match


def find_skills(
    resume: Resume, taxonomy: Taxonomy, *, nlp: Language | None = None
) -> tuple[SkillMatch, ...]:
    """Every skill the resume shows, with the lines that prove it and its years of use."""
    positions = resume.experience.positions
    # Positions hold the very Line objects of their section, so identity finds a line's job.
    owner = {id(line): index for index, position in enumerate(positions) for line in position.lines}
    read = list(resume.iter_lines())
    lines = []
    for index, (section, line) in enumerate(read):
        owned = owner.get(id(line))
        following = read[index + 1] if index + 1 < len(read) else None
        continues = (
            following is not None
            and following[0] is section
            and owner.get(id(following[1])) == owned
            and line_continues(line, following[1])
        )
        lines.append(TextLine(line.text, section.name, owned, continues, line.ocr))
    # A position's title stands on one of its first lines, before the description.
    title_lines: dict[int, str] = {}
    for position in positions:
        title = (position.title or "").casefold()
        header = position.lines[:DEFAULT_HEADER_LINES]
        found = next((line for line in header if title and title in line.text.casefold()), None)
        if found is not None:
            title_lines[id(found)] = title
    titles = {
        index: title_lines[id(line)]
        for index, (_, line) in enumerate(read)
        if id(line) in title_lines
    }
    mentions = [
        mention
        for mention in find_mentions(lines, taxonomy, nlp=nlp)
        if not taxonomy.skill(mention.skill_id).title or _holds_the_role(mention, lines, titles)
    ]
    periods = [position.period.span for position in positions]
    return summarise(mentions, lines, taxonomy, periods=periods)


DEFAULT_WRAP_STEP = 1.8
"""Most a wrapped line's top lies below the line before it, in font sizes: one line's
pitch, not the gap that ends a paragraph or a list item."""
# A line that opens with a bullet or a number starts an item of its own.
_ITEM_START = re.compile(r"[•●▪◦‣∙·*\-–—➢➤►▸✓✔❖♦■□○»>]|\d{1,2}[.)](?:\s|$)|\(?[a-z]\)\s")
_SENTENCE_END = frozenset(".!?:;")


def line_continues(line: Line, after: Line) -> bool:
    """True when ``after`` carries on ``line``'s sentence: the text wrapped at the break.

    A reader joins two lines when the first leaves its sentence open (no closing
    punctuation) and the next neither starts an item of its own (a bullet, a number) nor
    stands apart on the page (a gap, another font size or weight, another page but the
    next).  Then the words say it: a continuation in lower case ("unsupervised" /
    "learning"), or a phrase in title case running on ("with Support" / "Vector Machine")
    from a line that is more than a lone item or two ("Python" / "Machine Learning" are two
    items of a list, not one phrase).
    """
    first, second = line.text, after.text
    if not first or not second or first[-1] in _SENTENCE_END or _ITEM_START.match(second):
        return False
    if line.size and after.size and (line.size != after.size or line.bold != after.bold):
        return False
    if after.page != line.page:
        if after.page != line.page + 1:
            return False
    elif line.top or after.top:  # where the lines stand is known (not in a DOCX)
        # On a page the next line sits one line's pitch below; in a text file it is the
        # very next line (a blank line between ends the paragraph).
        pitch = DEFAULT_WRAP_STEP * line.size if line.size else 1.0
        if not 0 < after.top - line.top <= pitch:
            return False
    words = first.split()
    if second[0].islower():
        return len(words) >= 2
    return second[0].isupper() and words[-1][0].isupper() and (len(words) >= 3 or "," in first)


DEFAULT_HEADER_LINES = 2
"""A position's first lines, where its title stands (title and employer, on one or two)."""
ROLE_SECTIONS = frozenset({"skills", "profile", "summary"})
"""Sections where a job title names the candidate's own role ("Jane Doe, CTO")."""
_AS_ROLE = re.compile(r"\bas\s+(?:an?\s+|the\s+|our\s+)?(?:\w+\s+)?$", re.IGNORECASE)
# "Role: Head/VP/CTO", "Designation: CTO": the field of a job portal's profile that names it.
_ROLE_FIELD = re.compile(
    r"\s*(?:current\s+|present\s+)?(?:role|designation|job\s+title|title|position)\s*:",
    re.IGNORECASE,
)


def _holds_the_role(mention: Mention, lines: Sequence[TextLine], titles: Mapping[int, str]) -> bool:
    """True when a job title names the candidate's own role: in a position's title (on its
    title line, ``titles``: line index -> the title), after "as" ("served as CTO",
    "joined as the interim CTO"), in a profile's role field ("Role: Head/VP/CTO"), or on a
    skills, profile or summary line; not someone else's ("reported to the CTO") nor a word
    in a name ("Refrigerator, CTO and WallOven")."""
    line = lines[mention.line]
    if line.section in ROLE_SECTIONS:
        return True
    if mention.surface.casefold() in titles.get(mention.line, "\0"):
        return True
    return (
        _AS_ROLE.search(line.text, 0, mention.start) is not None
        or _ROLE_FIELD.match(line.text) is not None
    )


# --- finding ----------------------------------------------------------------------------


DEFAULT_CHUNK_CHARS = 50_000
"""Text handed to spaCy at once: bounds memory whatever the size of the input."""
DEFAULT_MAX_LINE_CHARS = 2_000
"""Longer lines (a text file with no line breaks) are searched in pieces of this size."""


def find_mentions(
    lines: Sequence[TextLine], taxonomy: Taxonomy, *, nlp: Language | None = None
) -> list[Mention]:
    """Every accepted mention of a skill in ``lines``, in reading order.

    The text goes to spaCy in chunks of whole lines (over-long lines cut at spaces), so
    a 10 MB file costs time, not memory.
    """
    nlp = nlp if nlp is not None else build_pipeline(taxonomy)
    pieces: list[tuple[int, int, TextLine]] = []  # (line index, offset in line, piece)
    for index, line in enumerate(lines):
        if len(line.text) <= DEFAULT_MAX_LINE_CHARS:  # most lines: the line is the piece
            pieces.append((index, 0, line))
            continue
        cut = list(_cut(line.text, DEFAULT_MAX_LINE_CHARS))
        for number, (offset, text) in enumerate(cut):
            # The pieces of a line run on into each other, as a wrapped line does.
            continues = line.continues if number == len(cut) - 1 else True
            pieces.append((index, offset, TextLine(text, line.section, line.position, continues)))
    mentions: list[Mention] = []
    start = 0
    while start < len(pieces):
        end, size = start, 0
        while end < len(pieces) and (
            end == start
            or size + len(pieces[end][2].text) < DEFAULT_CHUNK_CHARS
            # a chunk ends at a line break, not inside a wrapped sentence (within reason)
            or (pieces[end - 1][2].continues and size < 2 * DEFAULT_CHUNK_CHARS)
        ):
            size += len(pieces[end][2].text) + 1
            end += 1
        chunk = pieces[start:end]
        for found in _mentions_in([piece for _, _, piece in chunk], taxonomy, nlp):
            index, offset, _ = chunk[found.line]
            last = None if found.end_line is None else chunk[found.end_line][0]
            mentions.append(
                Mention(
                    found.skill_id,
                    index,
                    found.surface,
                    offset + found.start,
                    end_line=last if last != index else None,
                )
            )
        start = end
    return mentions


def _cut(text: str, size: int) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most about ``size`` characters, cut at spaces."""
    start = 0
    while len(text) - start > size:
        cut = text.rfind(" ", start + size // 2, start + size)
        cut = cut if cut > start else start + size
        yield start, text[start:cut]
        start = cut + 1 if text[cut : cut + 1] == " " else cut
    yield start, text[start:]


class _Entity(NamedTuple):
    """A skill entity with the spaCy properties the rules read, read once: each read of
    ``Span.text``, ``Span.label_`` or ``Span.ent_id_`` builds a new string."""

    start: int
    end: int
    start_char: int
    label: str
    skill_id: str
    text: str


def _mentions_in(lines: Sequence[TextLine], taxonomy: Taxonomy, nlp: Language) -> list[Mention]:
    """The mentions in a chunk of lines small enough for one spaCy Doc."""
    if not lines:
        return []
    # A wrapped line runs on into the next with a space, as the sentence was written, so a
    # phrase may span the break; like any line break it still bounds the context windows
    # (two rows of a table can look like a wrapped line).
    text = "".join(
        [text for line in lines for text in (line.text, " " if line.continues else "\n")][:-1]
    )
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line.text) + 1)
    doc = nlp(text)
    ents = [
        _Entity(
            span.start,
            span.end,
            span.start_char,
            label,
            span.ent_id_,
            text[span.start_char : span.end_char],
        )
        for span in doc.ents
        if (label := span.label_) in (SKILL_LABEL, ANY_CASE_LABEL)
    ]
    skill_at = {i: ent.skill_id for ent in ents for i in range(ent.start, ent.end)}
    in_skill = skill_at.keys()
    wraps = [starts[index + 1] for index, line in enumerate(lines[:-1]) if line.continues]
    breaks = _line_breaks(doc, text, wraps)
    # doc.ents are in order, so the skills near a mention are found by bisection: a scan of
    # every entity for every entity is quadratic in the length of the text.
    ent_starts = [ent.start for ent in ents]
    lists = _Lists(
        doc, breaks, in_skill, lambda token: lines[bisect_right(starts, doc[token].idx) - 1].section
    )
    sectors = _Sectors(text)
    mentions = []
    for ent in ents:
        index = bisect_right(starts, ent.start_char) - 1
        skill = taxonomy.skill(ent.skill_id)
        section = lines[index].section
        window = _line_window(ent, breaks, len(doc), DEFAULT_CONTEXT_WINDOW)
        nearby = ents[bisect_left(ent_starts, window.start) : bisect_left(ent_starts, window.stop)]
        others = _listed_with_another_skill(doc, ent, window, skill_at)
        if ent.label == ANY_CASE_LABEL:
            # "go", "react", "c" in lower case are words unless they stand in a list of
            # skills, at least one of which is written the way the taxonomy writes it.
            listed = any(o.label == SKILL_LABEL and o.skill_id != ent.skill_id for o in nearby)
            if not _between(doc, ent, window, _SEPARATORS, in_skill):
                continue
            if not (listed or section in SKILLS_SECTIONS):
                continue
        else:
            # Context is asked of the bare ambiguous forms ("Spark"), not of unambiguous
            # aliases of the same skill ("apache spark", "pyspark").
            ambiguous = bool(skill.context) and ent.text in skill.forms
            needs_context = ambiguous and section not in SKILLS_SECTIONS and not others
            # A short ambiguous form ("Go", "CV") is a skill as an item of a line of them;
            # a lone word on a line may be a sub-heading.
            if (
                needs_context
                and not _has_context_word(doc, ent, window, skill.context)
                and not (len(ent.text) <= 2 and lists.holds(ent, alone=False))
            ):
                continue
            suffixes = _ORGANISATION_SUFFIXES if ambiguous else _NAME_SUFFIXES
            if _names_an_organisation(doc, ent, window, suffixes):
                continue
            if len(ent.text) == 1 and not _is_list_item(
                doc, ent, window, others, section, in_skill, lists
            ):
                continue
        line_start = text.rfind("\n", 0, ent.start_char) + 1
        if _is_negated(text[line_start : ent.start_char]) or sectors.named(
            line_start, ent.start_char, len(ent.text)
        ):
            continue
        last = bisect_right(starts, ent.start_char + len(ent.text) - 1) - 1
        mentions.append(
            Mention(
                skill.id,
                index,
                ent.text,
                ent.start_char - starts[index],
                end_line=last if last != index else None,
            )
        )
    return mentions


class _Breaks(NamedTuple):
    """Where the doc's lines end: line ``k`` is tokens ``starts[k - 1]`` (0 for the first)
    to ``ends[k]`` (exclusive; the doc's length for the last)."""

    ends: list[int]
    starts: list[int]


def _line_breaks(doc: Doc, text: str, wraps: Sequence[int]) -> _Breaks:
    """The doc's line breaks: the tokens that hold a "\\n", and the wraps (``wraps``: the
    offsets where a wrapped line's continuation starts, joined to it by a space).

    Found from the characters: a "\\n" is never a token's trailing space (spaCy keeps only a
    single " " as that), so it lies in the token that starts last at or before it.  Asking
    each token near each mention made a spaCy ``Token`` per step.
    """
    from spacy.attrs import IDX

    newlines = [found.start() for found in _NEWLINE.finditer(text)]
    if not newlines and not wraps:
        return _Breaks([], [])
    token_starts = doc.to_array(IDX)
    held: list[int] = (token_starts.searchsorted(newlines, side="right") - 1).tolist()
    if not wraps:
        return _Breaks(held, [index + 1 for index in held])
    # A wrap ends its line before the continuation's first token, which starts the next.
    wrapped: list[int] = token_starts.searchsorted(wraps, side="left").tolist()
    pairs = sorted(
        [*((index, index + 1) for index in held), *((index, index) for index in wrapped)]
    )
    return _Breaks([end for end, _ in pairs], [start for _, start in pairs])


_NEWLINE = re.compile("\n")


def _line_window(ent: _Entity, breaks: _Breaks, length: int, size: int) -> range:
    """The indices of up to ``size`` tokens either side of ``ent``, never crossing a line
    break (``breaks``, in a doc of ``length`` tokens) but the ones ``ent`` runs across."""
    before = bisect_right(breaks.ends, ent.start)  # lines that end before ent starts
    after = bisect_left(breaks.ends, ent.end)  # the first line that ends at or after its end
    start = max(ent.start - size, breaks.starts[before - 1] if before else 0)
    end = min(ent.end + size, breaks.ends[after] if after < len(breaks.ends) else length)
    return range(start, end)


def _has_context_word(doc: Doc, ent: _Entity, window: range, context: Sequence[str]) -> bool:
    """True when a context word stands in the window, outside the mention itself (a
    skill's context may hold its own name: "Ray" is not context for "Ray")."""
    around = [doc[window.start : ent.start], doc[ent.end : window.stop]]
    words = {token.lower_ for part in around for token in part}
    lowered = " ".join(part.text.lower() for part in around)
    return any(word in words or (" " in word and word in lowered) for word in context)


def _listed_with_another_skill(
    doc: Doc, ent: _Entity, window: range, skill_at: Mapping[int, str]
) -> bool:
    """True when, past separators only, the next token either side belongs to another skill
    ("Spark and Hadoop", "C, C++"): a list of skills, which makes an ambiguous word a skill.
    A skill further off in the sentence says nothing ("CV and generated views in HANA")."""
    for step, index in ((-1, ent.start - 1), (1, ent.end)):
        while index in window and doc[index].lower_ in _LIST_FILLERS:
            index += step
        if index in window and index in skill_at and skill_at[index] != ent.skill_id:
            return True
    return False


def _names_an_organisation(doc: Doc, ent: _Entity, window: range, suffixes: frozenset[str]) -> bool:
    """True when the mention starts an organisation's name: at most two more capitalised
    words, then one of ``suffixes`` ("Ray Engineering Limited", "Oracle Corp.", "The
    Linux Foundation")."""
    if not ent.text[:1].isupper() or ent.end >= window.stop:
        return False
    index = ent.end
    for _ in range(3):
        if index >= window.stop:
            return False
        token = doc[index]
        if not (token.is_title or token.is_upper):
            return False
        word = token.lower_.rstrip(".")
        if word in suffixes:
            return True
        if word in _NAME_BREAKS:  # "ERP System For Acme Ltd" names no organisation
            return False
        index += 1
    return False


def _between(
    doc: Doc, ent: _Entity, window: range, words: frozenset[str], in_skill: Collection[int]
) -> bool:
    """True when each neighbour of ``ent`` on its line is one of ``words`` or part of a skill."""
    for index in (ent.start - 1, ent.end):
        if index in window and doc[index].lower_ not in words and index not in in_skill:
            return False
    return True


def _is_list_item(
    doc: Doc,
    ent: _Entity,
    window: range,
    others: bool,
    section: str,
    in_skill: Collection[int],
    lists: _Lists,
) -> bool:
    if not _between(doc, ent, window, _LIST_NEIGHBOURS, in_skill):
        return False
    return (
        others
        or section in SKILLS_SECTIONS
        or any(doc[index].lower_ in _LIST_CONTEXT for index in window)
        or lists.holds(ent)
    )


class _Lists:
    """Which lines of a doc are lists of skills, asked only of the few mentions that need it.

    A line is a *list* when it splits at separators ("C • C++", "Languages: C, R, Go") into
    two or more items, at least half of them skills (a level word or brackets allowed:
    "R (basic)"); a lone skill is an *item* of a list when a line beside it, in its section,
    is a list or an item too (skills one per line).  "Plan B, C and D" and "a grade of C"
    are neither.
    """

    def __init__(
        self,
        doc: Doc,
        breaks: _Breaks,
        in_skill: Collection[int],
        sections: Callable[[int], str],
    ) -> None:
        self.doc, self.breaks, self.in_skill, self.sections = doc, breaks, in_skill, sections
        self.kinds: dict[int, str] = {}

    def holds(self, ent: _Entity, *, alone: bool = True) -> bool:
        """True when ``ent`` stands in a list of skills (``alone``: or is a lone item)."""
        number = bisect_right(self.breaks.ends, ent.start)
        kind = self._kind(number)
        if kind != "item" or not alone:
            return kind == "list"
        section = self.sections(self._tokens(number).start)
        return any(
            0 <= other <= len(self.breaks.ends)
            and self._kind(other) != "other"
            and self.sections(self._tokens(other).start) == section
            for other in (number - 1, number + 1)
        )

    def _tokens(self, number: int) -> range:
        ends, starts = self.breaks
        start = starts[number - 1] if number else 0
        return range(start, ends[number] if number < len(ends) else len(self.doc))

    def _kind(self, number: int) -> str:
        kind = self.kinds.get(number)
        if kind is None:
            kind = self.kinds[number] = self._read(self._tokens(number))
        return kind

    def _read(self, tokens: range) -> str:
        items: list[list[int]] = [[]]
        for index in tokens:
            word = self.doc[index].lower_
            if word in _ITEM_BREAKS:
                items.append([])
            elif word not in _SEPARATORS:  # brackets stay inside the item
                items[-1].append(index)
        words = [item for item in items if item]
        skills = sum(
            all(i in self.in_skill or self.doc[i].lower_ in _LEVEL_WORDS for i in item)
            for item in words
        )
        if len(words) >= 2 and skills >= 2 and 2 * skills >= len(words):
            return "list"
        return "item" if len(words) == skills == 1 else "other"


class _Sectors:
    """Which mentions name a sector served rather than a skill: an item of a list of
    clients' industries ("clients in banking, accounting and consulting"), or followed by
    the word that makes it one ("accounting firms").  The cues of a line are found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cues: dict[int, list[int]] = {}  # line start -> where each cue ends

    def named(self, line_start: int, start: int, length: int) -> bool:
        text = self.text
        after = _SECTOR_AFTER.match(text, start + length)
        # "disease detection Client: ..." is a label after a phrase, not "accounting firms"
        if after is not None and text[start].islower() == text[after.start(1)].islower():
            return True
        cues = self.cues.get(line_start)
        if cues is None:
            end = text.find("\n", start)
            found = _SECTOR_CUE.finditer(text, line_start, len(text) if end < 0 else end)
            cues = self.cues[line_start] = [cue.end() for cue in found]
        last = bisect_right(cues, start) - 1
        return (
            last >= 0
            and start - cues[last] <= _NEGATION_REACH
            and _SECTOR_ITEMS.fullmatch(text, cues[last], start) is not None
        )


_NEGATION_REACH = 120
"""Characters before a mention searched for a negation: a clause, not a whole page."""


def _is_negated(before: str) -> bool:
    """True when the clause leading up to a mention negates having the skill."""
    reach = before[-_NEGATION_REACH:]
    # Most mentions have no negation cue anywhere before them, and one search says so for
    # a third of the time of splitting clauses: a cue in the last clause is one in the
    # whole reach (the clause is its end, and a clause break ends at a word boundary).
    if _NEGATION.search(reach) is None:
        return False
    clause = _CLAUSE_BREAK.split(reach)[-1]
    return _NEGATION.search(clause) is not None


# --- summarising ------------------------------------------------------------------------

MonthSpan = tuple[int, int]
"""Months, both ends included, each as ``year * 12 + month - 1`` (``Period.span``)."""


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


def _years_of_use(
    mentions: Sequence[Mention], lines: Sequence[TextLine], periods: Sequence[MonthSpan | None]
) -> tuple[float | None, int | None]:
    spans = []
    for mention in mentions:
        position = lines[mention.line].position
        if position is not None and position < len(periods) and periods[position] is not None:
            spans.append(periods[position])
    merged = merge_spans(span for span in spans if span is not None)
    dated = sum(end - start + 1 for start, end in merged) / 12 if merged else None
    last_used = merged[-1][1] // 12 if merged else None
    statements = [_stated_years(lines[m.line].text, m) for m in mentions]
    stated = max((y for y in statements if y is not None), default=None)
    candidates = [y for y in (dated, stated) if y is not None]
    return (round(max(candidates), 1) if candidates else None), last_used


def _stated_years(text: str, mention: Mention) -> float | None:
    """Years a line states for a mention: "3 years of Python", "Python (4 yrs)"."""
    lowered = text.lower()
    if "year" not in lowered and "yr" not in lowered:  # most lines: neither pattern can match
        return None
    before = _YEARS_BEFORE.search(text[max(0, mention.start - _NEGATION_REACH) : mention.start])
    after = _YEARS_AFTER.match(text[mention.start + len(mention.surface) :])
    found = [years_of(m) for m in (before, after) if m is not None]
    return max(found) if found else None


def merge_spans(spans: Iterable[MonthSpan]) -> list[MonthSpan]:
    """Overlapping or touching spans merged, in order."""
    merged: list[MonthSpan] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
