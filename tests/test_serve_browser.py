"""``matcher serve`` in a real browser: Debian's Chromium, driven by Playwright.

The server runs as a user starts it (``matcher serve`` on loopback, in its own process);
the browser uploads the sample resumes, pastes a sample posting, checks the ranking, opens
a candidate and exports the CSV, which must be the one ``matcher pool rank`` writes.
With ``MATCHER_SCREENSHOTS=DIR`` it also saves the README's screenshots there.

Playwright never downloads a browser here: it launches the system's Chromium.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from matcher.cli import cli

CHROMIUM = Path("/usr/bin/chromium")
pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"
)
sync_api = pytest.importorskip("playwright.sync_api", reason="needs playwright (the test extra)")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "resumes"
JOB = ROOT / "samples" / "jobs" / "senior_ml_engineer_healthcare.md"
BROWSER_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WAIT_MS = 300_000  # analysing the samples on a loaded machine; no timing is asserted


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """``matcher serve`` on a free loopback port: (its address, the pool's file)."""
    from benchmarks.bench_serve import serving

    with serving(tmp_path, "--jobs", "1") as address:
        yield f"{address}/", tmp_path / "pool.sqlite"


def test_upload_screen_open_and_export_in_chromium(
    server: tuple[str, Path], tmp_path: Path
) -> None:
    address, db = server
    shots = os.environ.get("MATCHER_SCREENSHOTS")
    resumes = sorted(p for p in SAMPLES.iterdir() if p.is_file())
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=BROWSER_ARGS)
        page = browser.new_page(accept_downloads=True, viewport={"width": 1280, "height": 900})
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: problems.append(str(error)))

        # Upload every sample at once; the page shows progress, then the pool.
        page.goto(address)
        page.set_input_files("#files", [str(path) for path in resumes])
        rows = page.locator("#pool tbody tr")
        rows.nth(len(resumes) - 1).wait_for(timeout=WAIT_MS)
        assert rows.count() == len(resumes)
        statuses = page.locator("#uploads tbody tr .status").all_text_contents()
        assert statuses == ["added"] * len(resumes)
        if shots:
            page.screenshot(path=f"{shots}/pool.png", full_page=True)

        # Paste a posting and rank: the healthcare ML resume comes first.
        page.click("nav >> text=Screen")
        page.fill("#text", JOB.read_text(encoding="utf-8"))
        page.click("button:has-text('Rank')")
        ranking = page.locator("#ranking tbody tr")
        ranking.first.wait_for(timeout=WAIT_MS)
        files = page.locator("#ranking tbody tr td:nth-child(2) a").all_text_contents()
        assert len(files) == len(resumes)
        assert files[0] == "senior_healthcare_ananya_rao.pdf"
        assert files.index("mle_healthcare_daniel_osei.txt") < files.index(
            "no_fit_chef_giulia_ferraro.pdf"
        )
        scores = [
            float(s) for s in page.locator("#ranking tbody tr td:nth-child(4)").all_inner_texts()
        ]
        assert scores == sorted(scores, reverse=True)
        page.click("#ranking th:nth-child(4) button")  # sort by score, ascending
        again = [
            float(s) for s in page.locator("#ranking tbody tr td:nth-child(4)").all_inner_texts()
        ]
        assert again == sorted(scores)
        if shots:
            page.click("#ranking th:nth-child(4) button")
            page.screenshot(path=f"{shots}/screen.png", full_page=True)

        # Export the CSV: the file `matcher pool rank` writes for the same posting.
        with page.expect_download() as download:
            page.click("#export-csv")
        exported = tmp_path / "exported.csv"
        download.value.save_as(exported)

        # Open the best candidate.
        page.click("#ranking a:text-is('senior_healthcare_ananya_rao.pdf')")
        page.wait_for_selector("#gaps")
        assert page.locator("h1").inner_text() == "Ananya Rao"
        assert "Gaps to" in page.locator("#gaps h2").inner_text()
        assert page.locator("#skills tbody tr").count() > 5
        assert page.locator("#parse details").count() >= 3
        if shots:
            page.screenshot(path=f"{shots}/candidate.png")
        browser.close()
    assert problems == []  # no script error, nothing the content policy refused

    posting = tmp_path / "posting.txt"  # the name a pasted posting goes by
    posting.write_bytes(JOB.read_bytes())
    cli_csv = tmp_path / "cli.csv"
    done = CliRunner().invoke(
        cli,
        [
            *("pool", "rank", "--db", str(db), "--job", str(posting)),
            *("--as-of", "2026-05", "--out", str(cli_csv)),
        ],
    )
    assert done.exit_code == 0, done.output
    assert exported.read_bytes() == cli_csv.read_bytes()
