"""The files a batch scores: folders walked, globs applied, unsupported files skipped.

:func:`collect_inputs` turns folders (walked recursively), files and lists of paths into
:class:`BatchInput` (a file to score and the name it goes by in every output: relative to
the folder it was found in, never absolute) and :class:`Skipped` (what was left out, why).
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePath

from matcher.document import display_name
from matcher.read import SUPPORTED_FORMATS, SUPPORTED_SUFFIXES

__all__ = ["BatchInput", "Inputs", "Skipped", "collect_inputs"]


@dataclass(frozen=True)
class BatchInput:
    """A file to score."""

    path: Path
    """Absolute path to read."""
    name: str
    """Its name in every output: relative to its folder, ``/``-separated, never absolute."""


@dataclass(frozen=True)
class Skipped:
    """A file or folder left out, and why."""

    name: str
    reason: str
    kind: str
    """The reason in a word or two, to count skips by: ``unsupported type``, ``hidden``…"""


@dataclass(frozen=True)
class Inputs:
    files: tuple[BatchInput, ...]
    """Files to score, in a stable order (by name)."""
    skipped: tuple[Skipped, ...]
    """What was found but left out, by name."""


def collect_inputs(
    sources: Iterable[Path | str],
    *,
    pattern: str | None = None,
    exclude: Iterable[Path] = (),
) -> Inputs:
    """The resume files under ``sources`` (folders, walked recursively, and files).

    In folders, only PDF, DOCX, text and Markdown files are taken (by extension) and, with
    ``pattern``, only those whose name matches it (case-insensitive; a pattern with a ``/``
    is matched against the path inside the folder).  Everything else is skipped with a
    reason: other types, hidden files, Office lock files, pipes and devices, unreadable
    folders, folders seen before (symbolic-link loops).  Files named directly are always
    taken, since the read stage knows a PDF or DOCX by its content; a missing one becomes
    an error row.  Paths in ``exclude`` (the run's own output files, its cache) are left
    out silently.

    Names are relative to the folder a file was found in; files named directly are
    relative to their common folder.  When two files would get the same name (two folders
    each holding ``cv.pdf``), every name becomes relative to the folder common to all.
    """
    excluded = {os.path.realpath(path) for path in exclude}
    found: list[tuple[str, str]] = []  # (absolute path, folder its name is relative to)
    skipped: list[tuple[str, str, str, str]] = []  # (path, base folder, reason, kind)
    loose: list[str] = []
    for source in sources:
        absolute = os.path.abspath(source)
        try:
            mode = os.stat(absolute).st_mode
        except OSError:
            loose.append(absolute)  # the read stage reports it, with the file's name
            continue
        if stat.S_ISDIR(mode):
            _walk(absolute, pattern, excluded, found, skipped)
        elif os.path.realpath(absolute) not in excluded:
            loose.append(absolute)
    if loose:
        base = os.path.commonpath([os.path.dirname(path) for path in loose])
        for path in loose:
            try:
                mode = os.stat(path).st_mode
            except OSError:
                found.append((path, base))
                continue
            if stat.S_ISREG(mode):
                found.append((path, base))
            else:
                skipped.append(
                    (path, base, "not a regular file (a pipe or a device)", "special file")
                )
    return _name_inputs(found, skipped)


def _walk(
    top: str,
    pattern: str | None,
    excluded: set[str],
    found: list[tuple[str, str]],
    skipped: list[tuple[str, str, str, str]],
) -> None:
    """Depth-first, sorted, each folder once (by device and inode: links cannot loop)."""
    wanted = pattern.lower() if pattern else None
    seen: set[tuple[int, int]] = set()
    stack = [top]
    while stack:
        folder = stack.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                skipped.append(
                    (folder, top, "folder already scanned (a symbolic-link loop)", "loop")
                )
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError as exc:
            reason = f"cannot read folder: {exc.strerror or exc}"
            skipped.append((folder, top, reason, "unreadable folder"))
            continue
        subfolders = []
        for entry in entries:
            path = entry.path
            if os.path.realpath(path) in excluded:
                continue
            if entry.name.startswith("."):
                skipped.append((path, top, "hidden", "hidden"))
                continue
            try:
                is_folder = entry.is_dir()
                mode = entry.stat().st_mode
            except OSError as exc:
                if entry.is_symlink():
                    skipped.append((path, top, "broken symbolic link", "broken link"))
                else:
                    skipped.append((path, top, str(exc.strerror), "unreadable"))
                continue
            if is_folder:
                subfolders.append(path)
                continue
            inside = PurePath(os.path.relpath(path, top)).as_posix().lower()
            if wanted is not None and not fnmatch.fnmatchcase(
                inside if "/" in wanted else entry.name.lower(), wanted
            ):
                continue
            skip = _skip_reason(entry.name, mode)
            if skip is None:
                found.append((path, top))
            else:
                skipped.append((path, top, *skip))
        stack.extend(reversed(subfolders))


def _skip_reason(name: str, mode: int) -> tuple[str, str] | None:
    """(reason, kind) for a file a folder walk leaves out; None to take it."""
    suffix = PurePath(name).suffix.lower()
    if not stat.S_ISREG(mode):
        return "not a regular file (a pipe or a device)", "special file"
    if name.startswith("~$"):
        return "an Office lock file", "lock file"
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"type '{suffix}'" if suffix else "file without an extension"
        return f"unsupported {shown} ({SUPPORTED_FORMATS} are read)", "unsupported type"
    return None


def _name_inputs(found: list[tuple[str, str]], skipped: list[tuple[str, str, str, str]]) -> Inputs:
    files: dict[str, str] = {}  # real path -> absolute path, first route wins
    duplicates: list[tuple[str, str, str, str]] = []
    bases: dict[str, str] = {}
    for path, base in found:
        real = os.path.realpath(path)
        if real in files:
            first = files[real]
            same = f"same file as {_relative(first, bases[first])}"
            duplicates.append((path, base, same, "duplicate"))
        else:
            files[real] = path
            bases[path] = base
    names = {path: _relative(path, bases[path]) for path in files.values()}
    if len(set(names.values())) < len(names):
        everything = [*files.values(), *(entry[0] for entry in (*skipped, *duplicates))]
        common = os.path.commonpath([os.path.dirname(path) for path in everything])
        names = {path: _relative(path, common) for path in names}
        skipped = [(path, common, reason, kind) for path, _, reason, kind in skipped]
        duplicates = [(path, common, reason, kind) for path, _, reason, kind in duplicates]
    inputs = sorted((BatchInput(Path(path), name) for path, name in names.items()), key=_by_name)
    left_out = sorted(
        (
            Skipped(_relative(path, base), reason, kind)
            for path, base, reason, kind in (*skipped, *duplicates)
        ),
        key=lambda item: item.name,
    )
    return Inputs(tuple(inputs), tuple(left_out))


def _by_name(item: BatchInput) -> str:
    return item.name


def _relative(path: str, base: str) -> str:
    relative = os.path.relpath(path, base)
    return display_name(PurePath(relative).as_posix() if relative != "." else PurePath(path).name)
