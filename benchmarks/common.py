"""What every benchmark script shares: where the data is, the dev data's labels, and how a
script writes its report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "dev"

INDUSTRY_OF_CATEGORY = {
    "INFORMATION-TECHNOLOGY": "technology",
    "HEALTHCARE": "healthcare",
    "FINANCE": "finance",
    "BANKING": "finance",
    "APPAREL": "retail-ecommerce",
    "AUTOMOBILE": "manufacturing",
}
"""The dev data README's livecareer category -> industry table."""


def write_report(path: Path, report: Any) -> str:
    """Write ``report`` to ``path`` as JSON (sorted keys); what to tell the user about it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}"
