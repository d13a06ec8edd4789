"""Every dev resume's full score, written to a folder, and two such folders compared.

A change that should alter no output (a refactor, a faster path) is checked this way::

    .venv/bin/python benchmarks/snapshot.py write /tmp/before      # on the old commit
    .venv/bin/python benchmarks/snapshot.py write /tmp/after       # on the new one
    .venv/bin/python benchmarks/snapshot.py compare /tmp/before /tmp/after

``write`` scores, with ``--as-of`` fixed so the day does not matter:

- every livecareer PDF with both engines (``livecareer-pdfplumber``, ``livecareer-pdfium``);
- every real resume (PDF and DOCX) with pdfplumber (``real``);
- the kaggle texts (``kaggle``) and both resumes of each rjdb row, alone and against the
  row's posting (``rjdb``, ``rjdb-job``).

Each set is one JSON Lines file, a line per resume: its id and ``FitReport.to_dict``
with every evidence line, or the error it raised.  ``compare`` exits 1 and names the
first differing field of each differing resume.  The files hold what the resumes say:
keep them outside the repository.  Without the dev data (``../shared/data/dev`` beside
the repository, or ``--data``) the sets are skipped, with a line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.common import DEFAULT_DATA  # noqa: E402

AS_OF = date(2026, 6, 1)
SETS = ("livecareer-pdfplumber", "livecareer-pdfium", "real", "kaggle", "rjdb", "rjdb-job")

Item = tuple[str, str, str]  # (set, id, what to read: a path, or a record's text)


def _items(data: Path, name: str) -> Iterator[Item]:
    if name.startswith("livecareer-"):
        for path in sorted((data / "livecareer-pdfs").glob("*/*.pdf")):
            yield name, f"{path.parent.name}/{path.name}", str(path)
    elif name == "real":
        folder = data / "real-resumes"
        for path in sorted(folder.rglob("*")):
            if path.suffix.lower() in {".pdf", ".docx"}:
                yield name, str(path.relative_to(folder)), str(path)
    elif name == "kaggle":
        source = data / "kaggle-updated-resume-dataset" / "dev_unique_resumes.jsonl"
        for line in source.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            yield name, str(record["record_index"]), record["input_text"]
    else:
        source = data / "rjdb-synthetic-resume-jd" / "test_rows_000-299.jsonl"
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            for side in ("matched", "unmatched"):
                text = row[f"Resume-{side}"]
                if name == "rjdb-job":
                    text = json.dumps([row["Job-Description"], text])
                yield name, f"{number}-{side}", text


_TAXONOMY: Any = None


def _score(item: Item) -> str:
    from matcher.document import ResumeText
    from matcher.errors import MatcherError
    from matcher.pipeline import analyse_document, analyse_resume
    from matcher.score.posting import analyse_job
    from skills_taxonomy import load_taxonomy

    global _TAXONOMY
    if _TAXONOMY is None:
        _TAXONOMY = load_taxonomy()
    name, ident, source = item
    try:
        if name in {"livecareer-pdfplumber", "livecareer-pdfium", "real"}:
            engine = "pdfium" if name == "livecareer-pdfium" else "pdfplumber"
            report = analyse_resume(Path(source), _TAXONOMY, engine=engine, as_of=AS_OF)
        else:
            job = None
            if name == "rjdb-job":
                posting, source = json.loads(source)
                job = analyse_job(ResumeText.from_string(posting, file="job"), _TAXONOMY)
            document = ResumeText.from_string(source, file=f"{name}-{ident}")
            report = analyse_document(document, _TAXONOMY, as_of=AS_OF, job=job)
        result: dict[str, Any] = {"report": report.to_dict(max_evidence=None)}
    except MatcherError as error:
        result = {"error": f"{type(error).__name__}: {error}"}
    return json.dumps({"id": ident, **result}, sort_keys=True, ensure_ascii=False)


def write(out: Path, data: Path, names: Sequence[str], jobs: int) -> int:
    out.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for name in names:
            try:
                items = list(_items(data, name))
            except OSError as error:
                print(f"snapshot: {name} skipped ({error})", file=sys.stderr)
                continue
            lines = pool.map(_score, items, chunksize=8)
            target = out / f"{name}.jsonl"
            target.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
            print(f"{name}: {len(items)} resumes -> {target}", file=sys.stderr)
    return 0


def _first_difference(first: Any, second: Any, path: str = "") -> str:
    if isinstance(first, dict) and isinstance(second, dict):
        for key in sorted(first.keys() | second.keys()):
            if first.get(key) != second.get(key):
                return _first_difference(first.get(key), second.get(key), f"{path}.{key}")
    elif isinstance(first, list) and isinstance(second, list) and len(first) == len(second):
        for index, (one, two) in enumerate(zip(first, second, strict=True)):
            if one != two:
                return _first_difference(one, two, f"{path}[{index}]")
    return f"{path or '.'}: {json.dumps(first)[:120]} -> {json.dumps(second)[:120]}"


def compare(before: Path, after: Path, show: int) -> int:
    differing = 0
    for old in sorted(before.glob("*.jsonl")):
        new = after / old.name
        if not new.is_file():
            print(f"{old.stem}: missing in {after}")
            differing += 1
            continue
        parse: Callable[[str], dict[str, Any]] = json.loads
        first = {
            row["id"]: (line, row)
            for line in old.read_text("utf-8").splitlines()
            for row in [parse(line)]
        }
        second = {
            row["id"]: (line, row)
            for line in new.read_text("utf-8").splitlines()
            for row in [parse(line)]
        }
        changed = sorted(
            ident
            for ident in first.keys() | second.keys()
            if first.get(ident, ("",))[0] != second.get(ident, ("",))[0]
        )
        differing += len(changed)
        print(f"{old.stem}: {len(first)} resumes, {len(changed)} differ")
        for ident in changed[:show]:
            one = first.get(ident, ("", {}))[1]
            two = second.get(ident, ("", {}))[1]
            print(f"  {ident}: {_first_difference(one, two)}")
    return 1 if differing else 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    writing = commands.add_parser("write", help="score every dev resume into a folder")
    writing.add_argument("out", type=Path)
    writing.add_argument("--data", type=Path, default=DEFAULT_DATA)
    writing.add_argument(
        "--sets", default=",".join(SETS), help="comma-separated: " + ", ".join(SETS)
    )
    writing.add_argument("--jobs", type=int, default=2)
    comparing = commands.add_parser("compare", help="compare two snapshot folders")
    comparing.add_argument("before", type=Path)
    comparing.add_argument("after", type=Path)
    comparing.add_argument("--show", type=int, default=5, help="differing resumes shown per set")
    args = parser.parse_args(argv)
    if args.command == "compare":
        return compare(args.before, args.after, args.show)
    if not args.data.is_dir():
        print(f"snapshot: no dev data at {args.data}; nothing written", file=sys.stderr)
        return 0
    names = [name for name in args.sets.split(",") if name]
    unknown = sorted(set(names) - set(SETS))
    if unknown:
        parser.error(f"unknown set(s): {', '.join(unknown)}")
    return write(args.out, args.data, names, args.jobs)


if __name__ == "__main__":
    raise SystemExit(main())
