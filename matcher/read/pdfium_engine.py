"""The ``pdfium`` engine: PDFium's character boxes through pypdfium2, many times faster.

It reads each page's glyphs and font styles with few ctypes calls (see
:class:`_PdfiumGlyphs`) and hands them to :func:`~matcher.read.words.build_words`.  PDFium
handles are not thread-safe: run parallel reads in processes, not threads.
"""

from __future__ import annotations

import ctypes
from array import array
from collections import deque
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress, repeat
from math import hypot
from operator import eq, sub
from typing import Any

from matcher.errors import UnreadableFileError
from matcher.read.chars import glyph_text
from matcher.read.failures import describe
from matcher.read.words import Glyph, PdfPage, PdfRead, StyleLookup, build_words, is_bold_font


class _PdfiumGlyphs:
    """Reads glyphs and font styles from PDFium text pages.

    A page costs one bulk text call and one ctypes call per glyph (its loose box), made by
    ``map`` into one array rather than from a Python loop; an "f" or a "j" costs one or
    four more calls.  Font details are fetched once per word, through :meth:`style`.
    Declaring the typed functions builds a class each: a process makes one reader
    (:func:`_pdfium_reader`) and keeps it.
    """

    def __init__(self) -> None:
        import pypdfium2.raw as pdfium_c

        self._c = pdfium_c
        self._matrix = pdfium_c.FS_MATRIX()
        self._width = ctypes.c_float()
        self._name = ctypes.create_string_buffer(256)
        self._flags = ctypes.c_int()
        self._bold_names: dict[bytes, bool] = {}
        self._matrix_address = ctypes.addressof(self._matrix)
        self._name_address = ctypes.addressof(self._name)
        self._flags_address = ctypes.addressof(self._flags)
        self._width_address = ctypes.addressof(self._width)
        pointer, integer = ctypes.c_void_p, ctypes.c_int
        self._loose_box = _by_address(pdfium_c.FPDFText_GetLooseCharBox, None, pointer)
        self._get_font_size = _by_address(pdfium_c.FPDFText_GetFontSize, ctypes.c_double)
        self._has_map_error = _by_address(pdfium_c.FPDFText_HasUnicodeMapError, integer)
        self._get_matrix = _by_address(pdfium_c.FPDFText_GetMatrix, integer, pointer)
        self._get_font_info = _by_address(
            pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong, pointer, ctypes.c_ulong, pointer
        )
        self._get_origin = _by_address(pdfium_c.FPDFText_GetCharOrigin, None, pointer, pointer)
        self._get_text_object = _by_address(pdfium_c.FPDFText_GetTextObject, pointer)
        self._get_font = _typed(pdfium_c.FPDFTextObj_GetFont, pointer, pointer)
        self._get_glyph_width = _typed(
            pdfium_c.FPDFFont_GetGlyphWidth,
            integer,
            pointer,
            ctypes.c_uint,
            ctypes.c_float,
            pointer,
        )

    def codes(self, raw: Any, count: int) -> list[int]:
        """Every glyph's code point, with one call when PDFium's text maps 1:1 to glyphs."""
        c = self._c
        buffer = (ctypes.c_ushort * (count + 1))()
        if c.FPDFText_GetText(raw, 0, count, buffer) == count + 1:
            # The bulk text writes 0xFFFE where the glyph list has 2: a hyphen PDFium took
            # for a line-end break.
            return buffer[:count]
        # Glyphs outside the BMP or skipped control glyphs shift the text: go one by one.
        get_unicode = c.FPDFText_GetUnicode
        return [get_unicode(raw, i) for i in range(count)]

    def glyphs(self, raw: Any, count: int, height: float) -> Iterator[Glyph]:
        codes = self.codes(raw, count)
        # Every glyph's loose box (left, top, right, bottom), separators' too: reading a
        # box costs less than deciding which to skip, and build_words ignores theirs.
        boxes = array("f", bytes(16 * count))  # FS_RECTF: four C floats
        start = boxes.buffer_info()[0]
        address = _address(raw)
        addresses = range(start, start + 16 * count, 16)
        deque(map(self._loose_box, repeat(address), range(count), addresses), maxlen=0)
        lefts, rights = boxes[0::4].tolist(), boxes[2::4].tolist()
        texts = list(map(_PDFIUM_TEXTS.__getitem__, codes))
        # The loose box is the union of the glyph's advance and its ink, and these letters
        # ink outside their advance: a "j" left of its origin, into the gap before it; an
        # "f" past its advance width (see _f_advance).
        overhanging = list(compress(range(count), map(_OVERHANGING.__contains__, codes)))
        # A glyph whose Unicode map gives several characters (a ligature mapped to "ffi",
        # "ti" in Calibri) comes as one character per letter, all with the glyph's box.
        same_left = list(compress(range(1, count), map(eq, lefts[1:], lefts)))
        if same_left:
            merged = _merge_composites(same_left, texts, boxes)
            if merged:  # its box is the whole glyph's: no letter of it overhangs
                overhanging = [i for i in overhanging if i not in merged]
        tops = map(sub, repeat(height), boxes[1::4])
        bottoms = map(sub, repeat(height), boxes[3::4])
        origins = array("d", bytes(16 * len(overhanging)))  # x, y of each
        start = origins.buffer_info()[0]
        end = start + 16 * len(overhanging)
        xs, ys = range(start, end, 16), range(start + 8, end, 16)
        deque(map(self._get_origin, repeat(address), overhanging, xs, ys), maxlen=0)
        for i, origin in zip(overhanging, origins[0::2], strict=True):
            lefts[i] = origin
            if codes[i] == 0x66:
                rights[i] = self._f_advance(address, i, origin, rights[i])
        return zip(texts, lefts, rights, tops, bottoms, range(count), strict=True)

    def _f_advance(self, address: int, index: int, origin: float, right: float) -> float:
        """The right edge of an "f" from its advance width.

        An "f" in a serif face inks past its advance; in PDFs whose word gaps are narrow
        that ink swallows the gap ("ofthe").  The font's width for it (the /W or /Widths
        entry pdfminer uses) restores the edge.  Only "f" is worth the four extra calls.
        """
        obj = self._get_text_object(address, index)
        font = self._get_font(obj) if obj else None
        if not font or not self._get_matrix(address, index, self._matrix_address):
            return right
        size = self._get_font_size(address, index)
        if not self._get_glyph_width(font, 0x66, size, self._width_address):
            return right
        edge = origin + self._width.value * abs(self._matrix.a)
        return edge if origin < edge < right else right

    def style(self, address: int) -> StyleLookup:
        """The style lookup of the text page at ``address``: a glyph's font size and
        boldness.  A closure over its ctypes objects, called once per word."""
        get_font_size, get_matrix, get_font_info, has_map_error = (
            self._get_font_size,
            self._get_matrix,
            self._get_font_info,
            self._has_map_error,
        )
        matrix, name, bold_names = self._matrix, self._name, self._bold_names
        matrix_address, name_address, flags_address = (
            self._matrix_address,
            self._name_address,
            self._flags_address,
        )

        def lookup(index: int) -> tuple[float, bool] | None:
            # PDFium gives a glyph without a Unicode mapping its character code as text;
            # pdfminer gives none.  Asked once per word: such glyphs come in runs (a font
            # without a map, an icon), each glyph of a run starting a word of its own.
            if has_map_error(address, index) > 0:
                return None
            # PDFium reports the font size before the text matrix; pdfminer (and the eye)
            # after it.  Scale by the matrix's vertical stretch to agree.
            size = get_font_size(address, index)
            if get_matrix(address, index, matrix_address):
                size *= hypot(matrix.c, matrix.d)
            get_font_info(address, index, name_address, 256, flags_address)
            font = name.value
            bold = bold_names.get(font)
            if bold is None:
                bold = is_bold_font(font.decode("latin-1"))
                if len(bold_names) < _MAX_CACHED_TEXTS:  # the reader lives as long as its process
                    bold_names[font] = bold
            return float(size), bold

        return lookup


def _merge_composites(candidates: list[int], texts: list[str], boxes: array[float]) -> set[int]:
    """Join the characters PDFium gives for one glyph into that glyph's text.

    ``candidates`` are the glyphs whose box starts where the previous one's does; those
    whose whole box is the previous one's are letters of one glyph: their text moves to
    the glyph's first letter (and the rest become ``""``, nothing).  Returns the indices
    of every glyph taking part, first letters included.
    """
    merged: set[int] = set()
    head = -1
    for i in candidates:
        if boxes[4 * i : 4 * i + 4] != boxes[4 * i - 4 : 4 * i]:
            continue
        if i - 1 not in merged:
            head = i - 1
        if texts[i] <= " " or texts[head] <= " ":  # separators PDFium put at a line's end
            continue
        texts[head] += texts[i]
        texts[i] = ""
        merged.update((head, i))
    return merged


@lru_cache(maxsize=1)
def _pdfium_reader() -> _PdfiumGlyphs:
    """The process's PDFium glyph reader (its buffers serve one page at a time: PDFium is
    used by one thread, see the module docstring)."""
    return _PdfiumGlyphs()


def _address(handle: Any) -> int:
    """A ctypes pointer's address as a plain integer."""
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _typed(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A PDFium function declared anew, typically to take handles and pointers as plain
    integers (``ctypes.c_void_p``): a call converts no ctypes object, and ``map`` can make
    the calls of a whole page without a Python frame each.

    Declared as a Python API function, a call keeps the GIL instead of releasing and taking
    it back: these calls last well under a microsecond, and PDFium handles are used by one
    thread only (see this module's docstring).  ``restype=None`` drops an unused result."""
    return ctypes.PYFUNCTYPE(restype, *argtypes)(_address(function))


def _by_address(function: Any, restype: Any, *more: Any) -> Any:
    """A PDFium text function of ``(page, index, *more)``, typed by :func:`_typed`."""
    return _typed(function, restype, ctypes.c_void_p, ctypes.c_int, *more)


class _GlyphTexts(dict[int, str]):
    """Glyph text by PDFium code point, normalised as :func:`~matcher.read.chars.glyph_text`
    does; filled as code points are met (at most :data:`_MAX_CACHED_TEXTS` of them)."""

    def __missing__(self, code: int) -> str:
        if 32 < code < 127:
            text = chr(code)
        elif code in (2, 0xFFFE):  # a hyphen PDFium took for a line-end break
            text = "-"
        elif code <= 32:  # spaces, line breaks PDFium generates, NUL
            text = " "
        else:
            text = glyph_text(chr(code)) if code <= 0x10FFFF else " "
        if len(self) < _MAX_CACHED_TEXTS:
            self[code] = text
        return text


_MAX_CACHED_TEXTS = 4096
_PDFIUM_TEXTS = _GlyphTexts()
_OVERHANGING = frozenset((0x66, 0x6A))  # "f", "j"


def pdfium_pages(data: bytes, name: str, max_pages: int) -> PdfRead:
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableFileError(f"{name}: encrypted PDF (password-protected)") from exc
        if exc.err_code == pdfium_c.FPDF_ERR_SECURITY:
            raise UnreadableFileError(f"{name}: encrypted PDF (unsupported security)") from exc
        raise UnreadableFileError(f"{name}: corrupt PDF ({describe(exc)})") from exc

    reader = _pdfium_reader()
    try:
        page_count = len(pdf)
        out: list[tuple[int, PdfPage]] = []
        failed: list[str] = []
        first_failure: BaseException | None = None
        for number in range(min(page_count, max_pages)):
            try:
                page = pdf[number]
                textpage = page.get_textpage()
                raw = textpage.raw
                count = textpage.count_chars()
                width, height = page.get_size()
            except pdfium.PdfiumError as exc:
                first_failure = first_failure or exc
                failed.append(f"page {number + 1}: {describe(exc)}")
                continue
            words, undecodable = build_words(
                reader.glyphs(raw, count, height), reader.style(_address(raw))
            )
            out.append((number, PdfPage(words, float(width), float(height), undecodable)))
            textpage.close()
            page.close()
        if first_failure is not None and not out:
            message = f"{name}: corrupt PDF ({describe(first_failure)})"
            raise UnreadableFileError(message) from first_failure
        return PdfRead(out, page_count, failed)
    finally:
        pdf.close()
