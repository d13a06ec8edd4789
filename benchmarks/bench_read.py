"""Read stage: how many real PDFs each engine reads, how fast, against the bare libraries.

Run from anywhere::

    .venv/bin/python benchmarks/bench_read.py [--data DIR] [--limit N] [--show N] [--out FILE]

Data: ``livecareer-pdfs/*/*.pdf`` under ``../shared/data/dev`` beside the repository
(``--data`` to change).  Without it the script says so on stderr and exits 0.

For every file, in one run and one after the other (so that a busy machine slows all four
alike), four readers:

* ``bare pdfplumber``: ``pdfplumber.open`` and ``page.extract_text()`` on every page;
* ``matcher pdfplumber``: ``read_resume(path, engine="pdfplumber")``;
* ``bare pdfium``: ``pypdfium2.PdfDocument`` and ``textpage.get_text_range()`` per page;
* ``matcher pdfium``: ``read_resume(path, engine="pdfium")``.

Reported per reader: files read without error, the error kinds (matcher's error code, or the
bare library's exception class), mean and median seconds per resume, and the ratio of its
total time to the bare reader of the same library, over the files both read.  Also: the
share of files for which both matcher engines give the same lines (text and order), the
share of words they agree on, and how many files have a page read as columns.

``--show N`` prints the lines of N files read as columns, to look at the column logic on
real resumes (their text goes to the terminal only).  Numbers go to
``benchmarks/out/read.json`` (git-ignored): counts and timings, never resume text.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

from benchmarks.common import DEFAULT_DATA, write_report  # noqa: E402
from matcher.document import ResumeText  # noqa: E402
from matcher.errors import MatcherError  # noqa: E402
from matcher.read.reader import DEFAULT_MAX_PAGES, read_resume  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "out" / "read.json"
PDF_GLOB = "livecareer-pdfs/*/*.pdf"


def bare_pdfplumber(path: Path) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages[:DEFAULT_MAX_PAGES]:
            page.extract_text()


def bare_pdfium(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(min(len(pdf), DEFAULT_MAX_PAGES)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()


@dataclass
class Reader:
    name: str
    library: str
    bare: bool
    seconds: dict[Path, float] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    documents: dict[Path, ResumeText] = field(default_factory=dict)

    def run(self, path: Path, call: Callable[[], ResumeText | None]) -> None:
        start = time.perf_counter()
        try:
            result = call()
        except MatcherError as error:
            self.errors[error.code] += 1
            return
        except Exception as error:  # a bare library raises anything; count it by class
            self.errors[type(error).__name__] += 1
            return
        self.seconds[path] = time.perf_counter() - start
        if result is not None:
            self.documents[path] = result


def _words(document: ResumeText) -> list[str]:
    return " \n ".join(line.text for line in document.lines).split(" ")


def measure(files: list[Path]) -> tuple[list[Reader], dict[str, Any]]:
    readers = [
        Reader("bare pdfplumber (extract_text)", "pdfplumber", bare=True),
        Reader("matcher pdfplumber", "pdfplumber", bare=False),
        Reader("bare pdfium (get_text_range)", "pdfium", bare=True),
        Reader("matcher pdfium", "pdfium", bare=False),
    ]
    calls: list[Callable[[Path], ResumeText | None]] = [
        bare_pdfplumber,
        lambda path: read_resume(path, engine="pdfplumber"),
        bare_pdfium,
        lambda path: read_resume(path, engine="pdfium"),
    ]
    # Warm up imports and caches outside the clock.
    for call in calls:
        with contextlib.suppress(MatcherError):
            call(files[0])
    for number, path in enumerate(files, start=1):
        for reader, call in zip(readers, calls, strict=True):
            reader.run(path, lambda call=call, path=path: call(path))  # type: ignore[misc]
        if number % 25 == 0:
            print(f"  {number}/{len(files)} files", file=sys.stderr)

    plumber, pdfium_docs = readers[1].documents, readers[3].documents
    both = [path for path in plumber if path in pdfium_docs]
    same = agreed = total = 0
    for path in both:
        a, b = plumber[path], pdfium_docs[path]
        same += [line.text for line in a.lines] == [line.text for line in b.lines]
        wa, wb = _words(a), _words(b)
        matcher = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
        agreed += sum(block.size for block in matcher.get_matching_blocks())
        total += max(len(wa), len(wb))
    comparison = {
        "files_read_by_both": len(both),
        "identical_lines": same,
        "identical_share": round(same / len(both), 4) if both else None,
        "word_agreement": round(agreed / total, 5) if total else None,
        "files_with_columns": {
            reader.name: sum(
                any(line.column > 0 for line in doc.lines) for doc in reader.documents.values()
            )
            for reader in (readers[1], readers[3])
        },
    }
    return readers, comparison


def summarise(readers: list[Reader], files: int) -> list[dict[str, Any]]:
    rows = []
    for reader in readers:
        bare = next(r for r in readers if r.library == reader.library and r.bare)
        common = [path for path in reader.seconds if path in bare.seconds]
        ratio = (
            sum(reader.seconds[p] for p in common) / sum(bare.seconds[p] for p in common)
            if common
            else None
        )
        times = list(reader.seconds.values())
        rows.append(
            {
                "reader": reader.name,
                "files": files,
                "read": len(reader.seconds),
                "read_share": round(len(reader.seconds) / files, 4),
                "errors": dict(sorted(reader.errors.items())),
                "mean_s": round(statistics.fmean(times), 4) if times else None,
                "median_s": round(statistics.median(times), 4) if times else None,
                "total_s": round(sum(times), 2),
                "vs_bare": round(ratio, 2) if ratio is not None else None,
            }
        )
    return rows


def markdown(rows: list[dict[str, Any]], comparison: dict[str, Any]) -> str:
    out = [
        "| reader | read | errors | s/resume (mean) | median | vs bare, same library |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        errors = ", ".join(f"{kind} {n}" for kind, n in row["errors"].items()) or "-"
        out.append(
            f"| {row['reader']} | {row['read']}/{row['files']} ({row['read_share']:.1%}) "
            f"| {errors} | {row['mean_s']} | {row['median_s']} | {row['vs_bare']}x |"
        )
    out += [
        "",
        f"Engines agree on every line of {comparison['identical_lines']} of "
        f"{comparison['files_read_by_both']} files ({comparison['identical_share']:.1%}); "
        f"word agreement {comparison['word_agreement']:.3%}.",
        "Files with a page read as columns: "
        + ", ".join(f"{k} {v}" for k, v in comparison["files_with_columns"].items())
        + ".",
    ]
    return "\n".join(out)


def show(readers: list[Reader], count: int) -> None:
    shown = 0
    for path, document in readers[3].documents.items():
        if shown >= count:
            break
        if not any(line.column > 0 for line in document.lines):
            continue
        shown += 1
        print(f"\n--- {path.parent.name}/{path.name} (pdfium: page/column x0 top text)")
        for line in document.lines:
            print(f"{line.page}/{line.column} {line.x0:6.1f} {line.top:6.1f}  {line.text}")


def run(data_dir: Path, *, limit: int | None = None) -> dict[str, Any]:
    """What :func:`main` measures, for the benchmark runner (``benchmarks/run.py``).

    ``limit`` keeps the first N PDFs of each category (by numeric id), so a sample spans
    every layout the site uses; ``main``'s ``--limit`` keeps the first N files overall."""
    files = sorted(data_dir.glob(PDF_GLOB))
    if limit is not None:
        kept: list[Path] = []
        for category in sorted({path.parent for path in files}):
            by_id = sorted(category.glob("*.pdf"), key=lambda p: (len(p.stem), p.stem))
            kept.extend(by_id[:limit])
        files = kept
    if not files:
        return {"skipped": f"no PDFs at {PDF_GLOB}"}
    readers, comparison = measure(files)
    rows = summarise(readers, len(files))
    report = {"data": PDF_GLOB, "files": len(files), "readers": rows, "engines": comparison}
    if limit is not None:
        report["per_category"] = limit
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the DEV data folder")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N files")
    parser.add_argument("--show", type=int, default=0, help="print N files read as columns")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the JSON goes")
    args = parser.parse_args(argv)

    files = sorted(args.data.glob(PDF_GLOB))
    if not files:
        print(
            f"bench_read: no PDFs at {args.data / PDF_GLOB}; nothing to measure "
            "(pass --data DIR to point at the DEV data).",
            file=sys.stderr,
        )
        return 0
    if args.limit is not None:
        files = files[: args.limit]

    print(f"bench_read: {len(files)} PDFs, four readers each", file=sys.stderr)
    readers, comparison = measure(files)
    rows = summarise(readers, len(files))
    print(markdown(rows, comparison))
    show(readers, args.show)

    report = {"data": PDF_GLOB, "files": len(files), "readers": rows, "engines": comparison}
    print("\n" + write_report(args.out, report), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
