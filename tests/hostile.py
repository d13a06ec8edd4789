"""Build the hostile-input corpus: files that break resume readers.

Generated, not committed: ``python tests/hostile.py DIR`` writes it into DIR, and the tests
build it in a temporary folder.  :data:`EXPECTED` says what ``matcher score`` must do with
each file: its exit code and a fragment of its one-line reason.
"""

from __future__ import annotations

import os
import random
import struct
import sys
import zipfile
import zlib
from pathlib import Path

from reportlab.lib.pagesizes import LETTER
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

# file name -> (exit code of `matcher score`, a fragment of the message); exit 0 = scored
EXPECTED: dict[str, tuple[int, str]] = {
    "zero-bytes.pdf": (3, "empty file"),
    "truncated.pdf": (3, "truncated.pdf"),
    "encrypted-user-password.pdf": (3, "encrypted PDF"),
    "encrypted-owner-only.pdf": (0, ""),
    "image-only.pdf": (4, "no text layer"),
    "two-thousand-pages.pdf": (0, ""),
    "huge-content-stream.pdf": (3, "limit"),
    "deeply-nested.pdf": (3, "deeply-nested.pdf"),
    "random-bytes.pdf": (3, "not a PDF"),
    "junk-zip.docx": (3, "not a DOCX"),
    "utf16.txt": (0, ""),
    "latin1.txt": (0, ""),
    "one-long-line.txt": (0, ""),
    "no-permission.txt": (3, "permission denied"),
    "huge-image.png": (3, "over the 40,000,000-pixel limit"),
    "text-named-jpg.jpg": (3, "not a PNG, JPEG or TIFF image (text)"),
}
RESUME_TEXT = (
    "Zoë Müller\nSUMMARY\nMachine learning engineer, 4 years of Python and PyTorch.\n"
    "EXPERIENCE\nML Engineer, Café Analytics, Jan 2021 - Present\n"
    "Built fraud detection models with scikit-learn for a bank.\n"
)


def _resume_pdf(path: Path, *, pages: int = 1, encrypt: object = None) -> None:
    pdf = canvas.Canvas(str(path), pagesize=LETTER, encrypt=encrypt, invariant=1)
    for page in range(pages):
        y = 720
        for line in RESUME_TEXT.splitlines():
            pdf.drawString(72, y, line)
            y -= 16
        pdf.drawString(72, 60, f"Page {page + 1}")
        pdf.showPage()
    pdf.save()


def _raw_pdf(content: bytes) -> bytes:
    """A one-page PDF whose page content stream is ``content`` (with a valid xref)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def huge_png(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` × ``height`` grey pixels and holds one row of them: a
    few kilobytes that would decode to gigabytes (a decompression bomb)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = zlib.compress(b"\x00" + b"\xff" * width)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", row) + chunk(b"IEND", b"")


def build_corpus(folder: Path) -> dict[str, tuple[int, str]]:
    """Write every hostile file into ``folder``; return :data:`EXPECTED`."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "zero-bytes.pdf").write_bytes(b"")
    _resume_pdf(folder / "whole.pdf")
    whole = (folder / "whole.pdf").read_bytes()
    (folder / "truncated.pdf").write_bytes(whole[: len(whole) // 3])
    (folder / "whole.pdf").unlink()
    _resume_pdf(
        folder / "encrypted-user-password.pdf",
        encrypt=StandardEncryption("secret", ownerPassword="owner", strength=128),
    )
    _resume_pdf(
        folder / "encrypted-owner-only.pdf",
        encrypt=StandardEncryption("", ownerPassword="owner", strength=128),
    )
    pdf = canvas.Canvas(str(folder / "image-only.pdf"), pagesize=LETTER, invariant=1)
    pdf.rect(72, 400, 300, 200, fill=1)
    pdf.showPage()
    pdf.save()
    _resume_pdf(folder / "two-thousand-pages.pdf", pages=2000)
    # 50 MB of drawing operators in one content stream
    (folder / "huge-content-stream.pdf").write_bytes(_raw_pdf(b"0 0 m 1 1 l S\n" * 3_800_000))
    nested = b"[" * 50_000 + b"]" * 50_000
    (folder / "deeply-nested.pdf").write_bytes(
        _raw_pdf(b"BT /F1 12 Tf 72 720 Td (x) Tj ET").replace(
            b"/MediaBox", b"/Junk " + nested + b" /MediaBox"
        )
    )
    (folder / "random-bytes.pdf").write_bytes(random.Random(7).randbytes(64_000))
    with zipfile.ZipFile(folder / "junk-zip.docx", "w") as archive:
        archive.writestr("junk.bin", random.Random(8).randbytes(10_000))
    (folder / "utf16.txt").write_text(RESUME_TEXT, encoding="utf-16")
    (folder / "latin1.txt").write_bytes(RESUME_TEXT.encode("latin-1"))
    (folder / "one-long-line.txt").write_text(
        "Python PyTorch machine learning " * 320_000, encoding="utf-8"
    )
    (folder / "huge-image.png").write_bytes(huge_png(9_000, 9_000))
    (folder / "text-named-jpg.jpg").write_text(RESUME_TEXT, encoding="utf-8")
    locked = folder / "no-permission.txt"
    locked.write_text(RESUME_TEXT, encoding="utf-8")
    locked.chmod(0)
    return dict(EXPECTED)


def add_batch_traps(folder: Path) -> list[str]:
    """A symlink loop and a file name that is not UTF-8: things only a folder walk meets."""
    os.symlink(folder, folder / "loop")
    name = os.fsencode(folder) + b"/caf\xe9-resume.txt"
    with open(name, "wb") as handle:
        handle.write(RESUME_TEXT.encode("utf-8"))
    return ["loop", os.fsdecode(b"caf\xe9-resume.txt")]


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile")
    for name, (code, message) in build_corpus(target).items():
        print(f"{name:32} exit {code}  {message}")
