"""``matcher serve``: the web app and its API, through Starlette's test client.

One app, with a few samples uploaded, serves most tests (analysing resumes is what costs);
the security tests build their own apps with a token or with ``--redact``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette", reason="the serve extra is not installed")

from starlette.testclient import TestClient

from matcher.cli import cli
from matcher.web.app import create_app
from matcher.web.pages import openapi
from matcher.web.state import ServeSettings
from matcher.web.uploads import safe_name

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "resumes"
JOB = ROOT / "samples" / "jobs" / "senior_ml_engineer_healthcare.md"
QUICK = (
    "genai_technology_rafael_mendes.md",
    "mle_healthcare_daniel_osei.txt",
    "head_of_ai_technology_miriam_castellanos.docx",
    "senior_healthcare_ananya_rao.pdf",
)
BASE = "http://127.0.0.1:8000"
HOSTILE = """Eve "Quote" O'Hara<script>alert('name')</script>
eve@example.com | +1 206 555 0142
<img src=x onerror="alert('img')">

EXPERIENCE
Machine Learning Engineer <script>alert("title")</script>, Acme" onmouseover="x
Jan 2019 - Present
- Built PyTorch models and deployed them with Kubernetes <b>bold</b> ' " </td></tr>
- Trained NLP pipelines in Python for "healthcare" claims </script><script>alert(1)</script>

SKILLS
Python, PyTorch, Kubernetes, <iframe src="javascript:alert(2)"></iframe>
"""


def make_app(tmp: Path, **settings: Any) -> Any:
    return create_app(
        ServeSettings(db=str(tmp / "pool.sqlite"), jobs=1, as_of=date(2026, 5, 1), **settings)
    )


def upload(client: TestClient, *files: tuple[str, bytes], csrf: str | None = None) -> Any:
    token = csrf if csrf is not None else client.get("/api/session").json()["csrf_token"]
    return client.post(
        "/api/uploads",
        files=[("files", item) for item in files],
        headers={"X-CSRF-Token": token},
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Path]]:
    tmp = tmp_path_factory.mktemp("serve")
    app = make_app(tmp)
    with TestClient(app, base_url=BASE) as client:
        files = [(name, (SAMPLES / name).read_bytes()) for name in QUICK]
        files.append(("eve<script>.txt", HOSTILE.encode()))
        assert upload(client, *files).status_code == 202
        assert app.state.matcher.uploads.wait(600)
        yield client, tmp


def csrf(client: TestClient) -> str:
    return str(client.get("/api/session").json()["csrf_token"])


def posting(client: TestClient) -> str:
    sent = client.post(
        "/api/postings",
        files={"posting": (JOB.name, JOB.read_bytes())},
        headers={"X-CSRF-Token": csrf(client)},
    )
    assert sent.status_code == 201, sent.text
    assert sent.json()["file"] == JOB.name
    return str(sent.json()["id"])


def entry_of(client: TestClient, name: str) -> int:
    return next(item["id"] for item in client.get("/api/pool").json() if item["name"] == name)


# --- uploads ------------------------------------------------------------------------------


def test_every_upload_becomes_an_entry(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    state = client.get("/api/uploads").json()
    assert state["pending"] == 0
    statuses = {u["file"]: u["status"] for u in state["uploads"]}
    assert statuses == {**dict.fromkeys(QUICK, "added"), "eve_script_.txt": "added"}
    pool = client.get("/api/pool").json()
    assert sorted(item["name"] for item in pool) == sorted(statuses)
    assert {u["entry"] for u in state["uploads"]} == {item["id"] for item in pool}


def test_the_same_bytes_again_are_unchanged_and_other_files_fail_with_a_reason(
    served: tuple[TestClient, Path],
) -> None:
    client, _ = served
    sent = upload(
        client,
        ("again.txt", (SAMPLES / QUICK[1]).read_bytes()),
        ("notes.xlsx", b"PK\x03\x04"),
        ("broken.pdf", b"%PDF-1.7 not a pdf"),
    )
    assert sent.status_code == 202
    client.app.state.matcher.uploads.wait(300)  # type: ignore[attr-defined]
    last = {u["file"]: u for u in client.get("/api/uploads").json()["uploads"][-3:]}
    assert last["again.txt"]["status"] == "unchanged"
    assert last["again.txt"]["entry"] == entry_of(client, QUICK[1])
    assert last["notes.xlsx"]["status"] == "failed"
    assert "unsupported type" in last["notes.xlsx"]["error"]["message"]
    assert last["broken.pdf"]["status"] == "failed"
    assert last["broken.pdf"]["error"]["code"] == "unreadable"
    names = {item["name"] for item in client.get("/api/pool").json()}
    assert "broken.pdf" not in names and "again.txt" not in names


def test_uploaded_names_are_made_safe(tmp_path: Path) -> None:
    assert safe_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_name("C:\\Users\\x\\cv.pdf") == "cv.pdf"
    assert safe_name(".hidden.md") == "hidden.md"
    assert safe_name('a<b>"c".txt') == "a_b_c_.txt"
    assert safe_name("") == "upload"
    assert len(safe_name("x" * 500 + ".pdf")) <= 120 and safe_name("x" * 500 + ".pdf").endswith(
        ".pdf"
    )


def test_uploads_are_kept_inside_the_uploads_folder(served: tuple[TestClient, Path]) -> None:
    _, tmp = served
    folder = tmp / "pool-uploads"
    kept = sorted(p.name for p in folder.iterdir() if p.is_file())
    assert len(kept) == len(QUICK) + 1
    assert all(re.fullmatch(r"[0-9a-f]{16}-[\w.() -]+", name) for name in kept), kept


# --- one scoring path: the API gives what the command line gives ---------------------------


@pytest.mark.parametrize("output", ["csv", "jsonl", "html"])
def test_exports_are_pool_rank_outputs_byte_for_byte(
    served: tuple[TestClient, Path], output: str
) -> None:
    client, tmp = served
    job = posting(client)
    web = client.get(f"/api/rank?job={job}&level=senior-ai-engineer&format={output}")
    assert web.status_code == 200
    out = tmp / f"cli.{output}"
    option = "--html" if output == "html" else "--out"
    done = CliRunner().invoke(
        cli,
        [
            *("pool", "rank", "--db", str(tmp / "pool.sqlite")),
            *("--job", str(JOB), "--level", "senior-ai-engineer", "--as-of", "2026-05"),
            *(option, str(out)),
        ],
    )
    assert done.exit_code == 0, done.output
    assert web.text == out.read_text(encoding="utf-8")
    assert "senior_healthcare_ananya_rao.pdf" in web.text


def test_rank_filters_and_the_json_list(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    rows = client.get("/api/rank?level=senior-ai-engineer").json()
    assert [row["schema_version"] for row in rows] == [1] * len(rows)
    assert rows[0]["file"] == "senior_healthcare_ananya_rao.pdf"
    kept = client.get("/api/rank?level=senior-ai-engineer&min_years=5").json()
    assert kept and all(row["experience"]["total_years"] >= 5 for row in kept)
    assert len(kept) < len(rows)
    required = client.get("/api/rank?level=senior-ai-engineer&require=kubernetes").json()
    assert required and all("kubernetes" in {s["id"] for s in row["skills"]} for row in required)
    assert len(client.get("/api/rank?level=senior-ai-engineer&top=2").json()) == 2


def test_candidate_json_is_pool_show(served: tuple[TestClient, Path]) -> None:
    client, tmp = served
    entry = entry_of(client, QUICK[0])
    web = client.get(f"/api/candidates/{entry}").json()
    done = CliRunner().invoke(
        cli, ["pool", "show", str(entry), "--db", str(tmp / "pool.sqlite"), "--format", "json"]
    )
    import json

    assert web == json.loads(done.stdout)
    job = posting(client)
    scored = client.get(f"/api/candidates/{entry}?job={job}").json()
    assert scored["job"]["file"] == JOB.name and 0 <= scored["job"]["score"] <= 100


def test_parse_and_gaps_views(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    entry = entry_of(client, "senior_healthcare_ananya_rao.pdf")
    parsed = client.get(f"/api/candidates/{entry}/parse").json()
    assert {s["name"] for s in parsed["sections"]} >= {"experience", "education", "skills"}
    assert parsed["experience"]["positions"]
    gaps = client.get(f"/api/candidates/{entry}/gaps?level=ai-architect").json()
    assert gaps["target"]["kind"] == "level" and gaps["target"]["id"] == "ai-architect"
    assert gaps["gaps"] and all("roadmap_step" in g and "certifications" in g for g in gaps["gaps"])
    default = client.get(f"/api/candidates/{entry}/gaps").json()  # the level above the best
    assert default["target"]["id"] == "ai-architect"
    job = client.get(f"/api/candidates/{entry}/gaps?job={posting(client)}").json()
    assert job["target"]["kind"] == "job"


def test_search_finds_skills_with_evidence(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    hits = client.get("/api/search?q=pytorch").json()
    assert hits and all(hit["skills"]["pytorch"] for hit in hits)
    page = client.get("/?q=pytorch")
    assert page.status_code == 200 and "PyTorch" in page.text


def test_pages_render(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    job = posting(client)
    screen = client.get(f"/screen?job={job}&level=senior-ai-engineer")
    assert screen.status_code == 200
    assert screen.text.index("senior_healthcare_ananya_rao.pdf") < screen.text.index(
        "head_of_ai_technology_miriam_castellanos.docx"
    )
    entry = entry_of(client, QUICK[2])
    page = client.get(f"/candidates/{entry}?job={job}&region=uk")
    assert page.status_code == 200
    for heading in ("Levels", "Industries", "Gaps to", "Salary band (uk)", "Skills", "How the"):
        assert heading in page.text
    # the region list is the taxonomy's, on the page and in what a request may name
    assert '<option value="india">india</option>' in page.text
    unknown = client.get(f"/candidates/{entry}?region=atlantis")
    assert unknown.status_code == 400
    assert "region 'atlantis' is not one of us, canada, uk, india" in unknown.text
    assert client.get("/api").status_code == 200


def test_the_screen_form_posts_a_pasted_posting(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    sent = client.post(
        "/screen",
        data={"text": JOB.read_text(), "csrf_token": csrf(client), "min_score": "10"},
        follow_redirects=False,
    )
    assert sent.status_code == 303
    from urllib.parse import parse_qs, urlsplit

    where = urlsplit(sent.headers["location"])
    params = parse_qs(where.query)
    assert where.path == "/screen" and params["min_score"] == ["10"]
    assert re.fullmatch(r"[0-9a-f]{16}", params["job"][0])
    page = client.get(sent.headers["location"]).text
    assert page.count("/candidates/") >= len(QUICK)
    assert 'id="posting-note"' not in page
    thin = client.post(
        "/screen",
        data={"text": "Required skills:\nPython\nSQL\n", "csrf_token": csrf(client)},
        follow_redirects=True,
    )
    assert "Note: the posting has only 2 requirement lines" in thin.text


def test_bad_requests_get_one_line_errors(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    cases = {
        "/api/rank?level=nope": (400, "level 'nope' is not a level"),
        "/api/rank": (400, "give job, level or industry to rank by"),
        "/api/rank?level=head-of-ai&min_score=abc": (400, "min_score must be a number"),
        "/api/rank?level=head-of-ai&min_score=101": (400, "between 0 and 100"),
        "/api/rank?level=head-of-ai&require=cobol-wizardry": (400, "cobol-wizardry"),
        "/api/rank?job=0123456789abcdef": (404, "no posting"),
        "/api/rank?job=../../etc": (404, "no posting"),
        "/api/candidates/9999": (404, "no entry 9999"),
        "/api/search?q=": (400, "give skills or words"),
    }
    for path, (status, message) in cases.items():
        answer = client.get(path)
        assert answer.status_code == status, path
        assert message in answer.json()["error"]["message"], path


# --- safety -------------------------------------------------------------------------------


class Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes |= {name for name, _ in attrs}
        if tag == "script":
            self.scripts.append(dict(attrs))


def test_no_resume_text_reaches_html_unescaped(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    entry = entry_of(client, "eve_script_.txt")
    job = posting(client)
    pages = [
        "/",
        "/?q=pytorch",
        f"/screen?job={job}&level=machine-learning-engineer",
        f"/candidates/{entry}",
        f"/candidates/{entry}?job={job}",
    ]
    for path in pages:
        html = client.get(path).text
        parser = Collector()
        parser.feed(html)
        assert parser.scripts == [{"src": "/static/app.js", "defer": None}], path
        assert not {"img", "iframe", "b"} & set(parser.tags), path
        assert not {a for a in parser.attributes if a.startswith("on")}, path
    page = client.get(f"/candidates/{entry}").text
    assert "&lt;script&gt;" in page and "&#34;" in page  # shown, as text


def test_responses_forbid_foreign_scripts_and_framing(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    headers = client.get("/").headers
    assert "script-src 'self'" in headers["content-security-policy"]
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"


def test_another_host_name_is_refused(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    answer = client.get("/api/pool", headers={"host": "attacker.example:8000"})
    assert answer.status_code == 400
    assert client.get("/api/pool", headers={"host": "localhost:8000"}).status_code == 200


def test_state_changes_need_the_csrf_token_and_the_same_origin(
    served: tuple[TestClient, Path],
) -> None:
    client, _ = served
    files = [("files", ("x.txt", b"Python developer"))]
    assert client.post("/api/uploads", files=files).status_code == 403
    assert upload(client, ("x.txt", b"Python"), csrf="wrong").status_code == 403
    foreign = client.post(
        "/api/uploads",
        files=files,
        headers={"X-CSRF-Token": csrf(client), "Origin": "http://evil.example"},
    )
    assert foreign.status_code == 403
    assert client.delete("/api/candidates/1").status_code == 403
    form = client.post("/candidates/1/remove", data={}, follow_redirects=False)
    assert form.status_code == 403
    assert len(client.get("/api/pool").json()) == len(QUICK) + 1  # nothing changed


def test_upload_limits(tmp_path: Path) -> None:
    app = make_app(tmp_path, max_upload_bytes=1000, max_files=2)
    with TestClient(app, base_url=BASE) as client:
        big = upload(client, ("big.txt", b"x" * 1001))
        assert big.status_code == 202
        assert big.json()["uploads"][0]["status"] == "failed"
        assert "upload limit" in big.json()["uploads"][0]["error"]["message"]
        many = upload(client, *[(f"{i}.txt", b"Python") for i in range(3)])
        assert many.status_code == 413
        assert not [p for p in app.state.matcher.folder.iterdir() if p.is_file()]


def test_a_token_is_needed_for_every_request(tmp_path: Path) -> None:
    token = "s3cret-token-for-tests"
    app = make_app(tmp_path, token=token, loopback=False)
    with TestClient(app, base_url="http://192.0.2.10:8000") as client:
        assert client.get("/").status_code == 401
        assert client.get("/api/pool").status_code == 401
        assert client.get("/static/app.js").status_code == 401
        assert client.get("/?token=wrong").status_code == 401
        bearer = {"Authorization": f"Bearer {token}"}
        assert client.get("/api/pool", headers=bearer).status_code == 200
        # A browser opens /?token=… once; the token becomes a cookie, the address loses it.
        opened = client.get(f"/screen?token={token}&level=head-of-ai", follow_redirects=False)
        assert opened.status_code == 303
        assert opened.headers["location"] == "/screen?level=head-of-ai"
        assert "httponly" in opened.headers["set-cookie"].lower()
        assert client.get("/api/pool").status_code == 200  # the cookie now
        # An API client with the token in Authorization needs no CSRF token.
        sent = client.post("/api/uploads", files=[("files", ("a.txt", b"Python"))], headers=bearer)
        assert sent.status_code == 202


def test_redact_hides_identities_everywhere(tmp_path: Path) -> None:
    app = make_app(tmp_path, redact=True)
    with TestClient(app, base_url=BASE) as client:
        name = "senior_healthcare_ananya_rao.pdf"
        assert upload(client, (name, (SAMPLES / name).read_bytes())).status_code == 202
        assert app.state.matcher.uploads.wait(300)
        entry = entry_of(client, name)
        shown = [
            client.get(f"/candidates/{entry}").text,
            client.get(f"/api/candidates/{entry}").text,
            client.get(f"/api/candidates/{entry}/parse").text,
            client.get("/api/rank?level=senior-ai-engineer&format=csv").text,
            client.get("/screen?level=senior-ai-engineer").text,
        ]
        for text in shown:
            assert "Ananya" not in text and "ananya.rao@" not in text
        assert "[redacted]" in shown[1]


# --- the API's description ----------------------------------------------------------------


def test_openapi_describes_every_api_route(served: tuple[TestClient, Path]) -> None:
    client, _ = served
    spec = client.get("/api/openapi.json").json()
    assert spec == openapi()
    described = {(path, method.upper()) for path, ops in spec["paths"].items() for method in ops}
    routes = {
        (route.path, method)
        for route in client.app.routes  # type: ignore[attr-defined]
        if getattr(route, "path", "").startswith("/api/")
        for method in (route.methods or ()) - {"HEAD"}
    }
    assert described == routes


# --- the command ----------------------------------------------------------------------------


def test_serve_refuses_an_open_address_without_a_token(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "0.0.0.0 lets other computers in: give --token T" in result.stderr
    short = runner.invoke(cli, ["serve", "--token", "abc"])
    assert short.exit_code == 2 and "at least 16 characters" in short.stderr


def test_serve_says_how_to_install_the_extra(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "uvicorn" else real(name, *a),
    )
    result = runner.invoke(cli, ["serve"])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: matcher serve needs uvicorn: pip install 'ai-role-matcher[serve]'\n"
    )


def test_serve_reports_a_port_in_use(runner: CliRunner, tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(
            cli, ["serve", "--port", str(port), "--db", str(tmp_path / "p.sqlite")]
        )
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


# --- load -----------------------------------------------------------------------------------


def test_concurrent_uploads_while_ranking_lose_nothing() -> None:
    """bench_serve's load, smaller: every file a row of its own, every request answered
    (``python -m benchmarks.bench_serve`` runs 4 clients of 50 files and gives the times)."""
    from benchmarks.bench_serve import load_check

    found = load_check(clients=4, files_per_client=3)
    assert found["refused"] == [] and found["rank_failures"] == []
    assert found["accepted"] == 12
    assert found["statuses"] == {"added": 12}
    assert found["distinct_names"] == found["distinct_entries"] == 12
    assert found["pool_entries"] == found["pool_names_distinct"] == 12
    assert found["rank_requests"] >= 1
