"""Skills: the skills stage against declared and labelled skills, beside the exact-lookup reference.

Run from anywhere::

    .venv/bin/python benchmarks/bench_skills.py [--data DIR] [--out FILE] [--show N] [--limit N]

Data: ``../shared/data/dev`` beside the repository (``--data`` to change).  Without it the
script says so on stderr and exits 0.  A benchmark runner imports :func:`run` instead.

**kaggle (real resumes, declared skills).**  Every record with a non-empty ``gold_skills``
list: ``input_text`` (the text with the portal's skill block cut out) goes through
``ResumeText.from_string`` -> ``parse_resume`` -> ``find_skills``.  Strings are compared the
README's way: lowercased, every non-alphanumeric character removed, '++' read as 'pp' and
'#' as 'sharp'.  A gold skill is *found* when it equals one of a reported skill's keys: its
name, its id, a surface the resume wrote it as, or one of its taxonomy aliases and forms
(the ways the taxonomy says the skill is written).  ``ours`` counts every reported skill,
derived ones too: that is what ``matcher skills`` shows a user; ``ours_named`` only the
skills the text names (no competency derived from a tool).  Recall is over gold
occurrences (one per record and skill); precision is the share of reported skills (per
record) equal to some declared skill of that record -- a *lower bound*, since the lists are
partial.  Many declared skills are never written in the input text (the block that listed
them was cut out), so recall is also given over the ones that are (``recall_written``).

**SkillSpan (job postings, every span labelled).**  The tokens of each sentence are joined
by spaces, one sentence per :class:`TextLine` (section ``other``), and ``find_mentions``
runs over them all.  A mention covers the tokens its characters overlap.  A (skill,
sentence) prediction is correct when one of its mentions lies inside a labelled span
(``tags_skill`` or ``tags_knowledge``, BIO) of that sentence.  Recall is over the short
(<= 3 tokens) knowledge spans: one is found when some mention lies inside it or covers it.
``oracle_list`` is the exact lookup with those very spans as its list: not a system, a
ceiling on what a list matched without context can reach under the file's conventions.

**Reference (exact lookup).**  The README's reference: lowercase the text, take every 1- to
3-gram of word tokens, keep those equal to an entry of the union of the kaggle DEV
``gold_skills`` (lowercased, whitespace collapsed).  Word tokens are ``\\w[\\w+#.]*`` with
trailing dots dropped, so "c++", "c#", "asp.net" and "node.js" are single words -- as
generous to the reference as a whitespace-and-punctuation tokenizer can be.  Scored by the
same rules on the same texts in the same run.  (On kaggle its word list *is* the union of
the gold lists it is scored against; that is the README's definition, not a bug.)

Numbers go to ``benchmarks/out/skills.json`` (git-ignored): aggregates and skill strings
only, never resume text.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import DEFAULT_DATA, write_report  # noqa: E402
from matcher.document import ResumeText  # noqa: E402
from matcher.parse.stage import parse_resume  # noqa: E402
from matcher.skills.mentions import find_mentions  # noqa: E402
from matcher.skills.pipeline import build_pipeline  # noqa: E402
from matcher.skills.result import SkillMatch, TextLine  # noqa: E402
from matcher.skills.stage import find_skills  # noqa: E402
from skills_taxonomy import Taxonomy, load_taxonomy  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "out" / "skills.json"
KAGGLE_FILE = Path("kaggle-updated-resume-dataset") / "dev_unique_resumes.jsonl"
SKILLSPAN_FILE = Path("skillspan") / "tech_dev.jsonl"
AS_OF = date(2024, 1, 1)
"""Fixed so years of use (unused here, but computed) cannot make runs differ."""
SHORT_SPAN = 3
"""Knowledge spans up to this many tokens are the ones a taxonomy should catch."""
DEFAULT_SHOW = 10

_WORD = re.compile(r"\w[\w+#.]*")


def normalise(text: str) -> str:
    """The README's matching key: lowercase, '++' -> 'pp', '#' -> 'sharp', alphanumerics only."""
    lowered = text.lower().replace("++", "pp").replace("#", "sharp")
    return re.sub(r"[^a-z0-9]", "", lowered)


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _scores(correct: int, predicted: int, found: int, gold: int) -> dict[str, Any]:
    precision = correct / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "predicted": predicted,
        "correct": correct,
        "gold": gold,
        "found": found,
    }


def _top(counter: Counter[str], show: int) -> list[list[Any]]:
    return [[key, count] for key, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))][
        :show
    ]


# --- the reference ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Hit:
    """One match of either system: what it claims, where, and as which text."""

    key: str
    """Skill id (ours) or list entry (reference)."""
    line: int
    start: int
    end: int


class ExactLookup:
    """The README's reference: 1- to 3-grams of lowercased word tokens found in a fixed list."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.entries = frozenset(map(self.entry, entries))

    @staticmethod
    def entry(text: str) -> str:
        return " ".join(text.lower().split())

    def hits(self, lines: Sequence[str], *, without: frozenset[str] = frozenset()) -> list[_Hit]:
        """Every list entry (but those in ``without``) written in ``lines``."""
        found = []
        for number, line in enumerate(lines):
            words = []
            for match in _WORD.finditer(line.lower()):
                word = match.group().rstrip(".")
                words.append((word, match.start(), match.start() + len(word)))
            for size in (1, 2, 3):
                for i in range(len(words) - size + 1):
                    gram = " ".join(word for word, _, _ in words[i : i + size])
                    if gram in self.entries and gram not in without:
                        found.append(_Hit(gram, number, words[i][1], words[i + size - 1][2]))
        return found


# --- kaggle -------------------------------------------------------------------------------


def _skill_keys(match: SkillMatch, taxonomy: Taxonomy) -> set[str]:
    skill = taxonomy.skill(match.id)
    written = (match.name, match.id, *match.surfaces, *skill.aliases, *skill.forms)
    return {key for key in map(normalise, written) if key}


def _written_in(skill: str, text: str) -> bool:
    """True when the declared skill is written in the text (case-insensitive, whole words)."""
    words = [re.escape(word) for word in skill.lower().split()]
    pattern = r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)"
    return bool(words) and re.search(pattern, text) is not None


KAGGLE_SYSTEMS = ("ours", "ours_named", "reference", "reference_unseen")
"""``ours_named``: only the skills the text names, without the competencies derived from them.
``reference_unseen``: the reference with a list built from the *other* records' gold skills,
as it stands on any resume whose skills were not used to build its list (the README's
reference, scored on the very records its list comes from, is an oracle on DEV)."""


def run_kaggle(
    path: Path, taxonomy: Taxonomy, show: int = DEFAULT_SHOW, limit: int | None = None
) -> dict[str, Any]:
    every = [r for r in _read_jsonl(path) if r.get("gold_skills")]
    # The reference's list is the union over every record, whatever the limit.
    reference = ExactLookup(skill for r in every for skill in r["gold_skills"])
    records = every[:limit]
    # An entry is unseen by a record when no other record declares it.
    declared_by: Counter[str] = Counter(
        entry for r in every for entry in {ExactLookup.entry(s) for s in r["gold_skills"]}
    )
    tally = {who: Counter[str]() for who in KAGGLE_SYSTEMS}
    misses = {who: Counter[str]() for who in KAGGLE_SYSTEMS}
    written_misses: Counter[str] = Counter()
    unmatched: Counter[str] = Counter()
    seconds = 0.0
    for record in records:
        gold = {normalise(skill): skill.lower() for skill in record["gold_skills"]}
        gold.pop("", None)
        lowered = record["input_text"].lower()
        written = {key for key, skill in gold.items() if _written_in(skill, lowered)}
        started = time.perf_counter()
        doc = ResumeText.from_string(record["input_text"], file=f"kaggle-{record['record_index']}")
        resume = parse_resume(doc, taxonomy=taxonomy, as_of=AS_OF)
        matches = find_skills(resume, taxonomy)
        seconds += time.perf_counter() - started
        ours = [(match.id, _skill_keys(match, taxonomy)) for match in matches]
        named = [(match.id, _skill_keys(match, taxonomy)) for match in matches if not match.derived]
        lines = [line.text for line in doc.lines]
        ref_keys = {normalise(hit.key) for hit in reference.hits(lines)}
        ref = [(key, {key}) for key in sorted(ref_keys)]
        own = frozenset(
            entry
            for entry in map(ExactLookup.entry, record["gold_skills"])
            if declared_by[entry] == 1
        )
        unseen_keys = {normalise(hit.key) for hit in reference.hits(lines, without=own)}
        unseen = [(key, {key}) for key in sorted(unseen_keys)]
        systems = (ours, named, ref, unseen)
        for who, predicted in zip(KAGGLE_SYSTEMS, systems, strict=True):
            keys = set().union(*(k for _, k in predicted)) if predicted else set()
            tally[who].update(
                predicted=len(predicted),
                correct=sum(1 for _, k in predicted if k & gold.keys()),
                gold=len(gold),
                found=sum(1 for g in gold if g in keys),
                written=len(written),
                written_found=sum(1 for g in written if g in keys),
            )
            misses[who].update(gold[g] for g in gold if g not in keys)
            if who == "ours":
                written_misses.update(gold[g] for g in written if g not in keys)
                unmatched.update(ident for ident, k in predicted if not k & gold.keys())
    result: dict[str, Any] = {
        "records": len(records),
        "reference_list_size": len(reference.entries),
        "note": "precision is a lower bound: the gold lists are partial; "
        "recall_written counts only declared skills written in the input text",
    }
    for who in KAGGLE_SYSTEMS:
        t = tally[who]
        result[who] = _scores(t["correct"], t["predicted"], t["found"], t["gold"])
        result[who]["written"] = t["written"]
        written = t["written"]
        result[who]["recall_written"] = round(t["written_found"] / written, 3) if written else 0.0
        result[who]["top_misses"] = _top(misses[who], show)
    result["ours"]["top_written_misses"] = _top(written_misses, show)
    result["ours"]["top_undeclared"] = _top(unmatched, show)
    result["ours"]["resumes_per_second"] = round(len(records) / seconds, 1) if seconds else None
    return result


# --- SkillSpan ----------------------------------------------------------------------------


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int]]:
    """Token spans ``[start, end)`` of a BIO sequence (an orphan I starts a span)."""
    spans = []
    start: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        if start is not None and tag != "I":
            spans.append((start, i))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start = i
    return spans


def _token_span(offsets: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The tokens whose characters overlap ``[start, end)``."""
    inside = [i for i, (a, b) in enumerate(offsets) if a < end and start < b]
    return (inside[0], inside[-1] + 1) if inside else (0, 0)


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] and inner[0] < inner[1]


def _score_skillspan(
    hits: Sequence[_Hit],
    sentences: Sequence[dict[str, Any]],
    offsets: Sequence[Sequence[tuple[int, int]]],
    texts: Sequence[str],
    show: int,
) -> dict[str, Any]:
    labelled = [bio_spans(s["tags_skill"]) + bio_spans(s["tags_knowledge"]) for s in sentences]
    short = [
        [span for span in bio_spans(s["tags_knowledge"]) if span[1] - span[0] <= SHORT_SPAN]
        for s in sentences
    ]
    pairs: dict[tuple[int, str], list[tuple[tuple[int, int], str]]] = {}
    spans_by_line: dict[int, list[tuple[int, int]]] = {}
    for hit in hits:
        span = _token_span(offsets[hit.line], hit.start, hit.end)
        surface = texts[hit.line][hit.start : hit.end]
        pairs.setdefault((hit.line, hit.key), []).append((span, surface))
        spans_by_line.setdefault(hit.line, []).append(span)
    correct = 0
    false_positives: Counter[str] = Counter()
    # Many sentences carry no label at all, even stack lists ("PHP 7 React jQuery MySQL
    # Docker"): precision is also given over the sentences with at least one labelled span.
    in_labelled = correct_in_labelled = 0
    for (line, key), found in sorted(pairs.items()):
        hit = any(_within(span, gold) for span, _ in found for gold in labelled[line])
        correct += hit
        if labelled[line]:
            in_labelled += 1
            correct_in_labelled += hit
        if not hit:
            false_positives[f"{found[0][1]} -> {key}"] += 1
    gold_total = found_total = 0
    misses: Counter[str] = Counter()
    for line, spans in enumerate(short):
        mentions = spans_by_line.get(line, [])
        for gold in spans:
            gold_total += 1
            if any(_within(m, gold) or _within(gold, m) for m in mentions):
                found_total += 1
            else:
                misses[" ".join(sentences[line]["tokens"][gold[0] : gold[1]]).lower()] += 1
    result = _scores(correct, len(pairs), found_total, gold_total)
    result["precision_labelled"] = (
        round(correct_in_labelled / in_labelled, 3) if in_labelled else 0.0
    )
    result["predicted_in_labelled"] = in_labelled
    result["top_false_positives"] = _top(false_positives, show)
    result["top_misses"] = _top(misses, show)
    return result


def run_skillspan(
    path: Path,
    taxonomy: Taxonomy,
    reference: ExactLookup,
    show: int = DEFAULT_SHOW,
    limit: int | None = None,
) -> dict[str, Any]:
    sentences = _read_jsonl(path)[:limit]
    texts = [" ".join(s["tokens"]) for s in sentences]
    offsets = []
    for s in sentences:
        spans, at = [], 0
        for token in s["tokens"]:
            spans.append((at, at + len(token)))
            at += len(token) + 1
        offsets.append(spans)
    lines = [TextLine(text, "other") for text in texts]
    build_pipeline(taxonomy)  # built (and cached) outside the timing: a one-off cost
    started = time.perf_counter()
    mentions = find_mentions(lines, taxonomy)
    ours_seconds = time.perf_counter() - started
    ours = [_Hit(m.skill_id, m.line, m.start, m.start + len(m.surface)) for m in mentions]
    started = time.perf_counter()
    ref = reference.hits(texts)
    ref_seconds = time.perf_counter() - started
    # A ceiling for any list matched without context: the exact lookup with every short
    # knowledge span this very file labels as its list.  Its precision is what the file's
    # labelling conventions leave to a dictionary (job titles, company descriptions and
    # stack lists are unlabelled; "Python" is labelled in half the sentences naming it).
    oracle = ExactLookup(
        " ".join(s["tokens"][a:b])
        for s in sentences
        for a, b in bio_spans(s["tags_knowledge"])
        if b - a <= SHORT_SPAN
    )
    result: dict[str, Any] = {
        "sentences": len(sentences),
        "labelled_sentences": sum(
            1 for s in sentences if bio_spans(s["tags_skill"]) + bio_spans(s["tags_knowledge"])
        ),
        "short_knowledge_spans": sum(
            1 for s in sentences for a, b in bio_spans(s["tags_knowledge"]) if b - a <= SHORT_SPAN
        ),
        "ours": _score_skillspan(ours, sentences, offsets, texts, show),
        "reference": _score_skillspan(ref, sentences, offsets, texts, show),
        "oracle_list": _score_skillspan(oracle.hits(texts), sentences, offsets, texts, show),
    }
    result["ours"]["sentences_per_second"] = round(len(sentences) / ours_seconds)
    result["reference"]["sentences_per_second"] = round(len(sentences) / ref_seconds)
    return result


SKILLSPAN_SYSTEMS = ("ours", "reference", "oracle_list")
"""``oracle_list``: the exact lookup with the file's own labelled short knowledge spans."""


# --- the run ------------------------------------------------------------------------------


def run(
    data_dir: Path,
    *,
    limit: int | None = None,
    show: int = DEFAULT_SHOW,
    taxonomy: Taxonomy | None = None,
) -> dict[str, Any]:
    """Measure every dataset present under ``data_dir``; a missing one is marked skipped.

    ``limit``: only the first N kaggle records and SkillSpan sentences (a quick look).
    """
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    kaggle_path = data_dir / KAGGLE_FILE
    skillspan_path = data_dir / SKILLSPAN_FILE
    report: dict[str, Any] = {"taxonomy_version": taxonomy.version}
    if kaggle_path.is_file():
        report["kaggle"] = run_kaggle(kaggle_path, taxonomy, show, limit)
    else:
        report["kaggle"] = {"skipped": f"no file {KAGGLE_FILE}"}
    if skillspan_path.is_file():
        if kaggle_path.is_file():
            records = [r for r in _read_jsonl(kaggle_path) if r.get("gold_skills")]
            reference = ExactLookup(skill for r in records for skill in r["gold_skills"])
            report["skillspan"] = run_skillspan(skillspan_path, taxonomy, reference, show, limit)
        else:
            report["skillspan"] = {"skipped": "the reference's word list needs the kaggle file"}
    else:
        report["skillspan"] = {"skipped": f"no file {SKILLSPAN_FILE}"}
    return report


def render(report: dict[str, Any]) -> str:
    """The report as Markdown: the table, then the commonest errors and the speed."""
    out = [
        f"Skills benchmark (taxonomy {report['taxonomy_version']})",
        "",
        "| dataset | system | precision | recall | F1 | predicted | gold |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    names = {
        "kaggle": "kaggle declared skills (precision: lower bound)",
        "skillspan": "SkillSpan tech dev (recall: knowledge spans <= 3 tokens)",
    }
    for dataset, label in names.items():
        part = report.get(dataset, {})
        if "skipped" in part:
            out.append(f"| {label} | skipped: {part['skipped']} | | | | | |")
            continue
        for who in KAGGLE_SYSTEMS if dataset == "kaggle" else SKILLSPAN_SYSTEMS:
            s = part[who]
            out.append(
                f"| {label} | {who} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
                f"| {s['predicted']} | {s['gold']} |"
            )

    skillspan = report.get("skillspan", {})
    if "ours" in skillspan:
        labelled = "; ".join(
            f"{who} {skillspan[who]['precision_labelled']:.3f}" for who in SKILLSPAN_SYSTEMS
        )
        out.extend(
            [
                "",
                f"SkillSpan precision over the {skillspan['labelled_sentences']} of "
                f"{skillspan['sentences']} sentences with at least one labelled span: {labelled}",
            ]
        )
    kaggle = report.get("kaggle", {})
    if "ours" in kaggle:
        written = "; ".join(f"{who} {kaggle[who]['recall_written']:.3f}" for who in KAGGLE_SYSTEMS)
        out.extend(
            [
                "",
                f"kaggle recall of the {kaggle['ours']['written']} declared skills written in "
                f"the input text: {written}",
            ]
        )

    def listing(title: str, rows: list[list[Any]]) -> None:
        out.extend(["", f"{title}:"])
        out.extend(f"  {count:>4}  {key}" for key, count in rows)

    if "ours" in skillspan:
        listing(
            "SkillSpan false positives (surface -> skill id)",
            skillspan["ours"]["top_false_positives"],
        )
        listing("SkillSpan short knowledge spans missed", skillspan["ours"]["top_misses"])
    if "ours" in kaggle:
        listing("kaggle declared skills missed", kaggle["ours"]["top_misses"])
        listing(
            "kaggle declared skills written in the text but missed",
            kaggle["ours"]["top_written_misses"],
        )
        listing(
            "kaggle skills reported but not declared (not necessarily wrong)",
            kaggle["ours"]["top_undeclared"],
        )
    out.append("")
    if "ours" in skillspan:
        out.append(
            f"speed: {skillspan['ours']['sentences_per_second']} sentences/s (ours, SkillSpan), "
            f"{skillspan['reference']['sentences_per_second']} sentences/s (reference)"
        )
    if "ours" in kaggle:
        out.append(
            f"speed: {kaggle['ours']['resumes_per_second']} resumes/s "
            "(ours, kaggle: parse + skills)"
        )
    return "\n".join(out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the dev data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the JSON")
    parser.add_argument("--show", type=int, default=DEFAULT_SHOW, help="how many errors to list")
    parser.add_argument(
        "--limit", type=int, default=None, help="only the first N records/sentences"
    )
    args = parser.parse_args(argv)
    if not ((args.data / KAGGLE_FILE).is_file() or (args.data / SKILLSPAN_FILE).is_file()):
        print(f"bench_skills: no data under {args.data}; nothing to measure.", file=sys.stderr)
        return 0
    report = run(args.data, limit=args.limit, show=args.show)
    written = write_report(args.out, report)
    print(render(report))
    print(written)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
