"""OCR: scans and photos of resumes whose text layer is known, read by OCR and compared
with the text-layer read of the same files.

Run from anywhere (``python -m benchmarks.run --only ocr`` runs it too)::

    .venv/bin/python benchmarks/bench_ocr.py [--data DIR] [--limit N] [--out FILE]

Data: a sample of ``livecareer-pdfs/*/*.pdf`` (every category in turn) and the real-resumes
PDFs (``real-resumes/labels.jsonl``, readable ones) under ``../shared/data/dev``.  Each
file's first :data:`DEFAULT_PAGES` pages are read twice: from the text layer
(``--ocr never``), and from images of the same pages that PDFium renders, in these
variants:

* ``dpi150`` / ``dpi200`` / ``dpi300``: a clean scan at that resolution, saved as an
  image-only PDF (the reader renders it again at its own 200 dpi);
* ``noise``: 200 dpi with grain, specks and a slight blur;
* ``rotated``: 200 dpi turned 2 degrees (one way, then the other);
* ``photo``: a phone photo's look, saved as a JPEG file: uneven light, 1.5 degrees askew,
  soft focus, JPEG artefacts, 1,600 pixels wide.

Per variant: the share of the text layer's words OCR reads right (multiset of lower-case
words), the skills Jaccard per resume, the positions whose dates agree (start and end of
each text-layer position found among the OCR read's; pooled, and as a mean per resume),
the share of resumes with the same best level and the same best industry, seconds per page
of the read (rendering, OCR and layout; one process, and Tesseract runs on one core), and
files refused.  Peak memory of the process is reported before and after the OCR reads.
Aims: skills Jaccard >= 0.90, dates agreeing >= 0.90, same best level >= 0.95, under 2 s a
page on one core.

Why Tesseract (tesserocr) and not RapidOCR: measured on 7 livecareer pages, one core,
Tesseract read 97.3 % (150 dpi) and 97.7 % (300 dpi) of the words right at 1.1 and 1.7 s a
page, peak 95-180 MB, from a 38 MB install; RapidOCR (PP-OCRv6 small, onnxruntime) 95.6 %
and 97.5 % at 4.9 and 6.7 s a page, peak about 1 GB, from about 300 MB (onnxruntime and
OpenCV).

Numbers go to ``benchmarks/out/ocr.json`` (git-ignored): counts and rates, no resume text.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402

from benchmarks.common import DEFAULT_DATA, write_report  # noqa: E402
from matcher.document import ResumeText  # noqa: E402
from matcher.errors import MatcherError  # noqa: E402
from matcher.parse.stage import parse_resume  # noqa: E402
from matcher.pipeline import resume_skills  # noqa: E402
from matcher.read.ocr import ocr_available, ocr_version  # noqa: E402
from matcher.read.reader import read_resume  # noqa: E402
from matcher.score.report import FitReport, score_fit  # noqa: E402
from skills_taxonomy import Taxonomy, load_taxonomy  # noqa: E402

DEFAULT_OUT = ROOT / "benchmarks" / "out" / "ocr.json"
DEFAULT_LIVECAREER = 12
"""livecareer PDFs in the sample (one category after the other); ``--limit`` lowers it."""
DEFAULT_REAL = 6
"""real-resumes PDFs in the sample."""
DEFAULT_PAGES = 2
"""Pages read of each file: OCR takes a second or two a page."""
AS_OF = date(2026, 11, 1)
"""Both reads take "Present" as this month: a scan carries no file date."""
VARIANTS = ("dpi150", "dpi200", "dpi300", "noise", "rotated", "photo")

_WORD = re.compile(r"[^\W_]+")


# --- the scans ----------------------------------------------------------------------------


def _render(path: Path, pages: int, dpi: int) -> list[Image.Image]:
    pdf = pdfium.PdfDocument(path)
    try:
        return [
            pdf[number].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            for number in range(min(len(pdf), pages))
        ]
    finally:
        pdf.close()


def _noisy(image: Image.Image, rng: random.Random) -> Image.Image:
    """Grain, a few hundred specks and a slight blur: a cheap scanner."""
    grain = Image.effect_noise(image.size, 24).point(lambda v: v - 128)
    noisy = Image.blend(image, grain.convert("L"), 0.12)
    pixels = noisy.load()
    assert pixels is not None
    for _ in range(400):
        x, y = rng.randrange(image.width), rng.randrange(image.height)
        pixels[x, y] = 0
    return noisy.filter(ImageFilter.GaussianBlur(0.6))


def _rotated(image: Image.Image, degrees: float) -> Image.Image:
    return image.rotate(degrees, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC)


def _photo(image: Image.Image) -> Image.Image:
    """A phone photo of the page: light falling off to one corner, askew, soft, small."""
    width, height = image.size
    light = Image.linear_gradient("L").resize((width, height)).point(lambda v: 255 - v // 3)
    lit = Image.composite(image, Image.new("L", image.size, 0), light)
    lit = Image.blend(lit, image, 0.4)
    turned = _rotated(lit, 1.5).filter(ImageFilter.GaussianBlur(1.0))
    scale = 1600 / turned.width
    return turned.resize((1600, round(turned.height * scale)))


def make_scan(path: Path, variant: str, folder: Path, rng: random.Random) -> tuple[Path, int]:
    """The file ``variant`` makes of ``path``'s first pages, and how many pages it holds."""
    dpi = {"dpi150": 150, "dpi300": 300}.get(variant, 200)
    pages = _render(path, DEFAULT_PAGES, dpi)
    if variant == "noise":
        pages = [_noisy(page, rng) for page in pages]
    elif variant == "rotated":
        pages = [_rotated(page, 2.0 if n % 2 == 0 else -2.0) for n, page in enumerate(pages)]
    if variant == "photo":  # one photo per page: the first
        target = folder / f"{path.stem}.jpg"
        _photo(pages[0]).save(target, quality=60)
        return target, 1
    target = folder / f"{path.stem}-{variant}.pdf"
    pages[0].save(target, save_all=True, append_images=pages[1:], resolution=dpi)
    return target, len(pages)


# --- the comparison -----------------------------------------------------------------------


def _words(report: FitReport) -> Counter[str]:
    text = "\n".join(section.text for section in report.resume.sections)
    return Counter(word.lower() for word in _WORD.findall(text))


def _dates(report: FitReport) -> Counter[tuple[str, str]]:
    return Counter((p["start"], p["end"]) for p in report.to_dict()["experience"]["positions"])


def compare(text: FitReport, scan: FitReport) -> dict[str, Any]:
    """What the OCR read of one resume got right, against its text-layer read."""
    truth, read = _words(text), _words(scan)
    skills_text = {skill.id for skill in text.skills}
    skills_scan = {skill.id for skill in scan.skills}
    union = skills_text | skills_scan
    dates_text, dates_scan = _dates(text), _dates(scan)
    return {
        "words": sum(truth.values()),
        "words_right": sum((truth & read).values()),
        "words_read": sum(read.values()),
        "skills_jaccard": len(skills_text & skills_scan) / len(union) if union else 1.0,
        "positions": sum(dates_text.values()),
        "dates_agree": sum((dates_text & dates_scan).values()),
        "same_level": text.best_level == scan.best_level,
        "same_industry": text.best_industry == scan.best_industry,
    }


def _analyse(document: ResumeText, taxonomy: Taxonomy) -> FitReport:
    """The stages after reading, as :func:`matcher.pipeline.analyse_resume` runs them."""
    resume = parse_resume(document, taxonomy=taxonomy, as_of=AS_OF)
    return score_fit(resume, resume_skills(resume, taxonomy), taxonomy)


def summarise(rows: list[dict[str, Any]], failures: Counter[str], pages: int) -> dict[str, Any]:
    """One variant's numbers over its resumes."""
    if not rows:
        return {"files": 0, "failed": dict(failures)}
    positions = sum(row["positions"] for row in rows)
    seconds = sum(row["seconds"] for row in rows)
    return {
        "files": len(rows) + sum(failures.values()),
        "pages": pages,
        "failed": dict(failures),
        "ours": {
            "words_right": round(
                sum(r["words_right"] for r in rows) / sum(r["words"] for r in rows), 4
            ),
            "words_precision": round(
                sum(r["words_right"] for r in rows) / max(1, sum(r["words_read"] for r in rows)), 4
            ),
            "skills_jaccard": round(statistics.fmean(r["skills_jaccard"] for r in rows), 4),
            "skills_jaccard_min": round(min(r["skills_jaccard"] for r in rows), 4),
            "dates_agree": round(sum(r["dates_agree"] for r in rows) / positions, 4)
            if positions
            else None,
            # The same, as a mean over the resumes that list positions: one resume with a
            # dozen positions weighs as much as one with two.
            "dates_agree_per_resume": _mean(
                [r["dates_agree"] / r["positions"] for r in rows if r["positions"]]
            ),
            "same_level": round(statistics.fmean(r["same_level"] for r in rows), 4),
            "same_industry": round(statistics.fmean(r["same_industry"] for r in rows), 4),
            "seconds_per_page": round(seconds / max(1, pages), 3),
            "read": round(len(rows) / (len(rows) + sum(failures.values())), 4),
        },
    }


def _mean(values: list[float]) -> float | None:
    return round(statistics.fmean(values), 4) if values else None


def sample(data_dir: Path, limit: int | None) -> list[Path]:
    """livecareer PDFs, one category after the other, then the readable real-resume PDFs."""
    by_category: dict[str, list[Path]] = {}
    for path in sorted((data_dir / "livecareer-pdfs").glob("*/*.pdf")):
        by_category.setdefault(path.parent.name, []).append(path)
    livecareer: list[Path] = []
    depth = 0
    wanted = min(DEFAULT_LIVECAREER, limit or DEFAULT_LIVECAREER)
    while len(livecareer) < wanted and any(len(files) > depth for files in by_category.values()):
        for files in by_category.values():
            if depth < len(files) and len(livecareer) < wanted:
                livecareer.append(files[depth])
        depth += 1
    real: list[Path] = []
    labels = data_dir / "real-resumes" / "labels.jsonl"
    if labels.is_file():
        for line in labels.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item["file"].lower().endswith(".pdf") and item.get("readable", True):
                real.append(data_dir / "real-resumes" / item["file"])
    return livecareer + real[: min(DEFAULT_REAL, limit or DEFAULT_REAL)]


def run(
    data_dir: Path = DEFAULT_DATA,
    *,
    limit: int | None = None,
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr),
) -> dict[str, Any]:
    if not ocr_available():
        return {"skipped": "the ocr extra is not installed (pip install '.[ocr]')"}
    files = sample(data_dir, limit)
    if not files:
        return {"skipped": f"no livecareer or real-resume PDFs under {data_dir}"}
    taxonomy = load_taxonomy()
    rng = random.Random(18)
    truths: dict[tuple[Path, int], FitReport] = {}
    for path in files:
        try:  # the text layer's read of the pages the scans hold
            for pages in {1, DEFAULT_PAGES}:
                document = read_resume(path, engine="pdfium", ocr="never", max_pages=pages)
                truths[path, pages] = _analyse(document, taxonomy)
        except MatcherError:  # no usable text layer: nothing to compare with
            continue
    readable = sorted({path for path, _ in truths})
    memory_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    report: dict[str, Any] = {
        "engine": ocr_version(),
        "files": len(readable),
        "pages_per_file": DEFAULT_PAGES,
    }
    with tempfile.TemporaryDirectory() as folder:
        for variant in VARIANTS:
            rows: list[dict[str, Any]] = []
            failures: Counter[str] = Counter()
            pages = 0
            for path in readable:
                scan, count = make_scan(path, variant, Path(folder), rng)
                started = time.perf_counter()
                try:
                    document = read_resume(scan, engine="pdfium", ocr="auto")
                except MatcherError as exc:
                    failures[exc.code] += 1
                    continue
                finally:
                    scan.unlink()
                seconds = time.perf_counter() - started  # rendering, OCR and layout
                read = _analyse(document, taxonomy)
                pages += count
                rows.append({**compare(truths[path, count], read), "seconds": seconds})
            report[variant] = summarise(rows, failures, pages)
            ours = report[variant].get("ours", {})
            log(f"ocr {variant}: {len(rows)} files, {json.dumps(ours, sort_keys=True)}")
    report["memory_mb"] = {
        "before_ocr": round(memory_before, 1),
        "peak": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=None, help="at most N files per source")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no dev data at {args.data}", file=sys.stderr)
        return 0
    print(write_report(args.out, run(args.data, limit=args.limit)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
