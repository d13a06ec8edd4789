"""Scanned and photographed resumes read by OCR (the ``ocr`` extra, which CI installs).

Every scan here is made on the spot: a resume drawn with reportlab (the text version),
rendered by PDFium to an image, and saved as PNG, as an image-only PDF, rotated, or blank.
OCR costs about a second a page, so the scans are made once per module and kept to a few.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pypdfium2 as pdfium
import pytest
from click.testing import CliRunner, Result
from PIL import Image
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen import canvas

from matcher.batch import options as batch_options
from matcher.cli import cli
from matcher.errors import NoTextError
from matcher.read import ocr
from matcher.read.ocr import _corrected, _placed, _points_per_pixel, _text_line
from matcher.read.reader import read_resume
from tests import pdfs
from tests.hostile import huge_png
from tests.pdfs import Text

pytestmark = pytest.mark.skipif(not ocr.ocr_available(), reason="needs the ocr extra")

RESUME = [
    Text(72, 80, "Jordan Avery", 20, bold=True),
    Text(72, 100, "jordan.avery@example.com | +1 303 555 0148 | Denver, CO"),
    Text(72, 130, "SUMMARY", 12, bold=True),
    Text(72, 146, "Senior AI engineer with 7 years of experience in machine learning and MLOps."),
    Text(72, 176, "EXPERIENCE", 12, bold=True),
    Text(72, 192, "Senior AI Engineer, Acme Health, Jan 2020 - Present", bold=True),
    Text(72, 206, "Built RAG assistants with LangChain and PyTorch on AWS SageMaker."),
    Text(72, 220, "Deployed models with Docker and Kubernetes; tracked experiments in MLflow."),
    Text(
        72, 240, "Machine Learning Engineer, Brightline Analytics, Mar 2017 - Dec 2019", bold=True
    ),
    Text(72, 254, "Trained XGBoost and scikit-learn models on Spark for fraud detection."),
    Text(72, 284, "EDUCATION", 12, bold=True),
    Text(72, 300, "M.S. Computer Science, University of Colorado, 2017"),
    Text(72, 330, "SKILLS", 12, bold=True),
    Text(72, 346, "Python, SQL, Terraform, Airflow, Hugging Face Transformers"),
]
DPI = 200


def _render(pdf_path: Path) -> Image.Image:
    document = pdfium.PdfDocument(pdf_path)
    try:
        image: Image.Image = document[0].render(scale=DPI / 72, grayscale=True).to_pil()
        return image.convert("L")
    finally:
        document.close()


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The text version and its scans: as PNG, as an image-only PDF, rotated, blank."""
    folder = tmp_path_factory.mktemp("scans")
    text = pdfs.write_pdf(folder / "text.pdf", [RESUME])
    page = _render(text)
    page.save(folder / "scan.png", dpi=(DPI, DPI))
    page.save(folder / "scan.pdf", resolution=DPI)
    # A page fed into the scanner askew: 3 degrees, the corners filled with paper.
    page.rotate(3, expand=True, fillcolor=255, resample=Image.Resampling.BICUBIC).save(
        folder / "rotated.png", dpi=(DPI, DPI)
    )
    # A scan an app stamped with a line of text: a text layer of four words over the image.
    labelled = canvas.Canvas(str(folder / "labelled.pdf"), pagesize=LETTER)
    labelled.drawImage(str(folder / "scan.png"), 0, 0, width=LETTER[0], height=LETTER[1])
    labelled.drawString(400, 20, "Scanned with CamApp")
    labelled.showPage()
    labelled.save()
    blank = Image.new("L", page.size, 255)
    blank.save(folder / "blank.png", dpi=(DPI, DPI))
    blank.save(folder / "blank.pdf", resolution=DPI)
    return {path.name: path for path in folder.iterdir()}


def _invoke(*args: object) -> Result:
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def _json(*args: object) -> Any:
    result = _invoke(*args, "--format", "json", "--as-of", "2026-11")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def text_version(scans: dict[str, Path]) -> dict[str, Any]:
    report: dict[str, Any] = _json("score", scans["text.pdf"])
    assert all("ocr" not in item for skill in report["skills"] for item in skill["evidence"])
    return report


def _skill_ids(report: dict[str, Any]) -> set[str]:
    return {skill["id"] for skill in report["skills"]}


def _positions(report: dict[str, Any]) -> list[tuple[str, str, str]]:
    return [(p["title"], p["start"], p["end"]) for p in report["experience"]["positions"]]


@pytest.mark.parametrize(
    ("name", "reason"), [("scan.png", "an image"), ("scan.pdf", "no text layer")]
)
def test_a_scan_reads_to_the_same_resume_as_its_text_version(
    scans: dict[str, Path], text_version: dict[str, Any], name: str, reason: str
) -> None:
    report = _json("score", scans[name])
    assert len(_skill_ids(text_version)) >= 15  # enough skills for the comparison to mean much
    assert _skill_ids(report) == _skill_ids(text_version)
    assert _positions(report) == _positions(text_version)
    assert report["candidate"] == text_version["candidate"]
    assert report["best_level"] == text_version["best_level"]
    assert report["warnings"][0] == f"page 1 read by OCR ({reason}): check names, dates and skills"
    # Every line proving a skill says it was read by OCR; the JSON still meets its schema.
    assert {item.get("ocr") for skill in report["skills"] for item in skill["evidence"]} == {True}
    schema = json.loads(
        resources.files("matcher").joinpath("output/schemas/score-v1.schema.json").read_text()
    )
    jsonschema.validate(report, schema)


def test_a_scan_is_marked_in_the_document_and_the_log(scans: dict[str, Path]) -> None:
    document = read_resume(scans["scan.pdf"], engine="pdfium")
    assert document.ocr_pages == (0,)
    assert all(line.ocr for line in document.lines)
    assert "Senior AI Engineer, Acme Health, Jan 2020 - Present" in [
        line.text for line in document.lines
    ]
    result = _invoke("-v", "parse", scans["scan.png"])
    assert result.exit_code == 0, result.stderr
    assert "ocr scan.png: page 1 (an image), " in result.stderr
    assert "warning: scan.png: page 1 read by OCR (an image)" in result.stderr


def test_a_scan_under_a_few_words_of_text_layer_is_read_by_ocr(
    scans: dict[str, Path], tmp_path: Path
) -> None:
    document = read_resume(scans["labelled.pdf"])
    assert document.warnings == (
        "page 1 read by OCR (a scanned image under a few words of text): "
        "check names, dates and skills",
    )
    texts = [line.text for line in document.lines]
    assert "Senior AI Engineer, Acme Health, Jan 2020 - Present" in texts
    assert texts[-1] == "Scanned with CamApp"
    # A short page of text and no image is a short page, not a scan.
    short = pdfs.write_pdf(
        tmp_path / "cv.pdf", [RESUME, [Text(72, 80, "References available on request.")]]
    )
    assert read_resume(short).ocr_pages == ()


def test_a_slightly_rotated_page_reads_line_by_line(
    scans: dict[str, Path], text_version: dict[str, Any]
) -> None:
    # Read as it lies, each text line would cross the next ones: words of two lines mixed.
    report = _json("score", scans["rotated.png"])
    assert _positions(report) == _positions(text_version)
    assert _skill_ids(report) == _skill_ids(text_version)
    document = read_resume(scans["rotated.png"])
    assert "Trained XGBoost and scikit-learn models on Spark for fraud detection." in [
        line.text for line in document.lines
    ]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("blank.png", "blank.png: OCR found no text in the image — is it blank?"),
        ("blank.pdf", "blank.pdf: no text layer, and OCR found no text on page 1 — is it blank?"),
    ],
)
def test_a_blank_scan_is_no_text(scans: dict[str, Path], name: str, message: str) -> None:
    result = _invoke("score", scans[name])
    assert result.exit_code == 4
    assert result.stderr.splitlines()[0] == f"error: {message}"
    assert result.stdout == ""


@pytest.mark.parametrize(
    ("side", "message"),
    [
        (9_000, "image is 9,000 × 9,000 pixels, over the 40,000,000-pixel limit"),
        # Decoded, 10 GB: Pillow refuses it as a decompression bomb before this reader can.
        (100_000, "image has more than 178,956,970 pixels, over the 40,000,000-pixel limit"),
    ],
)
def test_a_huge_image_is_refused_by_its_size_before_decoding(
    tmp_path: Path, side: int, message: str
) -> None:
    path = tmp_path / "huge.png"
    path.write_bytes(huge_png(side, side))
    assert path.stat().st_size < 10_000  # no pixels past the first row: never decoded
    result = _invoke("score", path)
    assert result.exit_code == 3
    assert result.stderr.splitlines() == [
        f"error: huge.png: {message}",
        "hint: Scan the page at 300 dpi or less, or photograph it at 40 megapixels or less.",
    ]


def test_a_file_named_as_an_image_that_is_not_one_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_text("Jane Doe, Python", encoding="utf-8")
    result = _invoke("score", path)
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == "error: photo.jpg: not a PNG, JPEG or TIFF image (text)"


def test_ocr_never_turns_scans_away_and_says_how_to_read_them(scans: dict[str, Path]) -> None:
    for name, message in (
        ("scan.pdf", "scan.pdf: no text layer — is it a scanned image?"),
        ("scan.png", "scan.png: an image, which only OCR can read"),
    ):
        result = _invoke("score", scans[name], "--ocr", "never")
        assert result.exit_code == 4
        assert result.stderr.splitlines() == [
            f"error: {message}",
            "hint: Leave out --ocr never to read it by OCR.",
        ]


@pytest.fixture
def without_the_extra(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    yield


@pytest.mark.usefixtures("without_the_extra")
def test_without_the_extra_a_scan_says_how_to_install_it(scans: dict[str, Path]) -> None:
    result = _invoke("score", scans["scan.pdf"])
    assert result.exit_code == 4
    first, hint = result.stderr.splitlines()
    assert first == "error: scan.pdf: no text layer — is it a scanned image?"
    assert hint.startswith("hint: Install OCR with `pip install 'ai-role-matcher[ocr]'`")
    always = _invoke("score", scans["text.pdf"], "--ocr", "always")
    assert always.exit_code == 2
    assert "'always' needs OCR: install the ocr extra, ai-role-matcher[ocr], first" in (
        always.stderr
    )


def test_ocr_always_reads_a_text_layer_page_by_ocr_too(
    scans: dict[str, Path], text_version: dict[str, Any]
) -> None:
    report = _json("skills", scans["text.pdf"], "--ocr", "always")
    assert {skill["id"] for skill in report["skills"]} == _skill_ids(text_version)
    assert {item.get("ocr") for skill in report["skills"] for item in skill["evidence"]} == {True}


def test_a_text_layer_that_decodes_to_garbage_is_read_by_ocr(tmp_path: Path) -> None:
    lines = [item.text.encode() for item in RESUME]
    scrambled = {code: chr(code + 1) for code in range(0x21, 0x7E)}  # each letter the next
    path = pdfs.mapped_font_pdf(tmp_path / "cv.pdf", lines, scrambled)
    with pytest.raises(NoTextError, match="the text layer cannot be decoded"):
        read_resume(path, ocr="never")
    document = read_resume(path)
    assert document.warnings == (
        "page 1 read by OCR (its text layer cannot be decoded): check names, dates and skills",
    )
    assert "Python, SQL, Terraform, Airflow, Hugging Face Transformers" in [
        line.text for line in document.lines
    ]


def test_batch_scores_scans_and_keys_the_cache_by_the_ocr_mode(
    scans: dict[str, Path], tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("text.pdf", "scan.png"):
        (folder / name).write_bytes(scans[name].read_bytes())
    out = tmp_path / "rows.jsonl"
    result = _invoke("batch", folder, "--jobs", "1", "--out", out, "--cache", tmp_path / "cache")
    assert result.exit_code == 0, result.stderr
    rows = {row["file"]: row for row in map(json.loads, out.read_text().splitlines())}
    assert rows["scan.png"]["best_level"] == rows["text.pdf"]["best_level"] is not None
    assert (
        "page 1 read by OCR (an image): check names, dates and skills"
        in (rows["scan.png"]["warnings"])
    )
    never = _invoke(
        "batch",
        folder,
        "--jobs",
        "1",
        "--out",
        out,
        "--cache",
        tmp_path / "cache",
        "--ocr",
        "never",
    )
    assert never.exit_code == 1  # not served from the cache: the scan is now an error row
    rows = {row["file"]: row for row in map(json.loads, out.read_text().splitlines())}
    assert rows["scan.png"]["error"]["code"] == "no-text"
    assert batch_options.options_key(
        batch_options.AnalysisOptions(ocr="auto")
    ) != batch_options.options_key(batch_options.AnalysisOptions(ocr="never"))


@pytest.mark.parametrize(
    ("word", "previous", "following", "read"),
    [
        ("Al", "", "", "AI"),
        ("GenAl", "", "", "GenAI"),
        ("OpenAl,", "", "", "OpenAI,"),
        ("Al/ML", "", "", "AI/ML"),
        ("(Al)", "", "", "(AI)"),
        ("Also", "", "", "Also"),
        ("Albany", "", "", "Albany"),
        ("Natural", "", "", "Natural"),
        ("|", "settings.", "lead", "I"),
        ("|", "", "built", "I"),
        ("|", "Python", "sql", "|"),
        ("|", "settings.", "SQL", "|"),
    ],
)
def test_common_misreadings_are_put_right(
    word: str, previous: str, following: str, read: str
) -> None:
    assert _corrected(word, previous, following) == read


def _placed_line(text: str, *, confidence: float = 90.0) -> str:
    """One text line's words as the read stage gets them, from Tesseract's words."""
    words = [
        (word, (40 * n, 100, 40 * n + 30, 120), confidence) for n, word in enumerate(text.split())
    ]
    line = _text_line(((0, 120), (1000, 120)), words)
    return " ".join(word[0] for word in _placed(line, 0.0, (0.0, 0.0), 1.0) if word is not None)


@pytest.mark.parametrize(
    ("words", "read"),
    [
        ("Jan 2010 i Mar 2012", "Jan 2010 – Mar 2012"),
        ("Teller , 02/2012 i’ 05/2012 Company Name", "Teller , 02/2012 – 05/2012 Company Name"),
        ("Analyst 10/2013 #/ Present", "Analyst 10/2013 – Present"),
        ("(2016 ~ 2018)", "(2016 – 2018)"),
    ],
)
def test_a_dash_misread_between_two_dates_is_read_as_a_range(words: str, read: str) -> None:
    assert _placed_line(words) == read


def test_a_dash_misread_between_two_dates_is_kept_however_unsure_ocr_is() -> None:
    assert _placed_line("Jan 2010 #/ Mar 2012", confidence=10.0) == "Jan 2010 – Mar 2012"
    assert _placed_line("Python #/ SQL", confidence=10.0) == "Python SQL"  # a speck


@pytest.mark.parametrize(
    "words",
    [
        "Since 2010 I managed a team of six",  # a real word after a date
        "May 2019 i managed",  # not a date after it
        "Joined in 2010 i May",  # a month without its year
        "May 2019 a Present",  # not what OCR reads a dash as
        "Awards 2010 , 2012",  # a list of years
        "Jan 2010 - Mar 2012",  # a dash already
    ],
)
def test_a_word_beside_a_date_is_left_alone(words: str) -> None:
    assert _placed_line(words) == words


def test_an_image_without_a_believable_resolution_is_taken_as_a_letter_page() -> None:
    assert _points_per_pixel((300, 300), 2550) == pytest.approx(72 / 300)
    assert _points_per_pixel((72, 72), 2550) == pytest.approx(612 / 2550)  # 35 inches wide
    assert _points_per_pixel(None, 1275) == pytest.approx(612 / 1275)
