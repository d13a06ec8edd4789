"""Read taxonomy files into raw entries that remember the file and line they came from.

Every later check reports ``file:line: message``, so the raw form keeps, for each entry,
the line of the entry and of each of its fields and list items.  YAML is read with a
loader that records node positions; JSON files are read with the same loader (YAML is a
superset of the JSON that people write), and JSONL one line at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

SECTIONS = ("skills", "levels", "industries", "certifications", "roadmap")
"""The list-valued parts of a taxonomy, each a list of entries with an ``id``."""


@dataclass
class RawEntry:
    """One entry (a skill, a level, ...) as written, with where each part was written."""

    data: dict[str, Any]
    file: str
    line: int
    lines: dict[str, tuple[str, int]] = field(default_factory=dict)
    """``"aliases[2]"`` or ``"required.python"`` -> (file, line) of that part."""

    def where(self, part: str | None = None) -> str:
        """``file:line`` of the entry, or of one of its parts when that is known."""
        if part is not None and part in self.lines:
            file, line = self.lines[part]
            return f"{file}:{line}"
        return f"{self.file}:{self.line}"


@dataclass
class RawTaxonomy:
    """Every part of a taxonomy file (or of several, merged), not yet checked."""

    meta: dict[str, Any] = field(default_factory=dict)
    meta_where: dict[str, str] = field(default_factory=dict)
    entries: dict[str, list[RawEntry]] = field(
        default_factory=lambda: {section: [] for section in SECTIONS}
    )
    degrees: dict[str, Any] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Problems found while reading (syntax errors, wrong shapes)."""


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader whose mappings remember the line of each key and list item."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[str, Any] = {
        str(k): v for k, v in loader.construct_mapping(node, deep=True).items()
    }
    lines: dict[str, int] = {"": node.start_mark.line + 1}
    for key_node, value_node in node.value:
        key = str(loader.construct_object(key_node, deep=True))
        lines[key] = key_node.start_mark.line + 1
        if isinstance(value_node, yaml.SequenceNode):
            for index, item in enumerate(value_node.value):
                lines[f"{key}[{index}]"] = item.start_mark.line + 1
        elif isinstance(value_node, yaml.MappingNode):
            for sub_key, _ in value_node.value:
                lines[f"{key}.{sub_key.value}"] = sub_key.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def strip_lines(value: Any) -> Any:
    """The value without the ``__lines__`` bookkeeping the loader adds."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != "__lines__"}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def _entry(data: dict[str, Any], file: str, fallback_line: int) -> RawEntry:
    lines = data.get("__lines__", {})
    where = {part: (file, line) for part, line in lines.items() if part}
    return RawEntry(strip_lines(data), file, lines.get("", fallback_line), where)


def parse_yaml(text: str, file: str) -> tuple[Any, list[str]]:
    """The document in ``text`` (with line bookkeeping), or None and the syntax problem."""
    try:
        return yaml.load(text, Loader=_LineLoader), []  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark is not None else 1
        return None, [f"{file}:{line}: not valid YAML/JSON: {exc.problem}"]
    except yaml.YAMLError as exc:
        return None, [f"{file}: not valid YAML/JSON: {exc}"]


def iter_jsonl(text: str, file: str) -> Iterator[tuple[RawEntry | None, str | None]]:
    """Each line of a JSONL file as an entry, or as a problem."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield None, f"{file}:{number}: not valid JSON: {exc.msg}"
            continue
        if not isinstance(data, dict):
            yield None, f"{file}:{number}: expected an object, got {type(data).__name__}"
            continue
        yield RawEntry(data, file, number, {}), None


def add_document(raw: RawTaxonomy, document: Any, file: str) -> None:
    """Add a parsed taxonomy document (the shape of a user's override file) to ``raw``."""
    raw.files.append(file)
    if document is None:
        return
    if not isinstance(document, dict):
        raw.problems.append(f"{file}:1: expected a mapping with keys such as 'skills', 'levels'")
        return
    lines = document.get("__lines__", {})
    known = {*SECTIONS, "version", "guide", "categories", "regions", "degrees"}
    for key, value in document.items():
        if key == "__lines__":
            continue
        line = lines.get(key, 1)
        if key not in known:
            raw.problems.append(
                f"{file}:{line}: unknown top-level key {key!r} "
                f"(expected one of: {', '.join(sorted(known))})"
            )
        elif key in SECTIONS:
            add_entries(raw, key, value, file, line)
        elif key == "degrees":
            raw.degrees = strip_lines(value)
        else:
            raw.meta[key] = strip_lines(value)
            raw.meta_where[key] = f"{file}:{line}"


def add_entries(raw: RawTaxonomy, section: str, value: Any, file: str, line: int) -> None:
    """Add a list of entries of one section (``skills``, ``levels``, ...) to ``raw``."""
    if not isinstance(value, list):
        raw.problems.append(f"{file}:{line}: {section!r} must be a list of entries")
        return
    # Within one file an id appears once; across files, a repeated id is an override.
    seen = {str(e.data.get("id")): e.where("id") for e in raw.entries[section] if e.file == file}
    for item in value:
        if not isinstance(item, dict):
            raw.problems.append(f"{file}:{line}: each entry of {section!r} must be a mapping")
            continue
        entry = _entry(item, file, line)
        ident = str(entry.data.get("id"))
        if ident in seen:
            raw.problems.append(
                f"{entry.where('id')}: duplicate id {ident!r} (first at {seen[ident]})"
            )
            continue
        seen[ident] = entry.where("id")
        raw.entries[section].append(entry)


def read_file(path: Path) -> RawTaxonomy:
    """A user's taxonomy file (YAML or JSON) as raw entries; problems are collected, not raised."""
    raw = RawTaxonomy()
    name = path.name
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raw.problems.append(f"{name}: no such file")
        return raw
    except IsADirectoryError:
        raw.problems.append(f"{name}: is a directory, not a taxonomy file")
        return raw
    except PermissionError:
        raw.problems.append(f"{name}: permission denied")
        return raw
    except UnicodeDecodeError:
        raw.problems.append(f"{name}: not UTF-8 text")
        return raw
    document, problems = parse_yaml(text, name)
    raw.problems.extend(problems)
    if not problems:
        add_document(raw, document, name)
    return raw
