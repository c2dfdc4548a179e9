"""`python -m hugginggpt eval`: cases x configurations -> report.json and report.html.

The end-to-end tests run the real CLI in a subprocess under two configurations: `offline` (the embedded
planner and models) and `offline+openai:fake-model`, whose controller LLM is the loopback OpenAI-compatible
server of these tests. The cases pass under both, under one only, under none, or cannot run.
"""

from __future__ import annotations

import io
import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, router_model
from fakes import TimedExpert, backend
from PIL import Image
from test_browser import ARGS
from test_cli import ROOT, cli

from hugginggpt.config import Config
from hugginggpt.evaluation import checks, configs
from hugginggpt.evaluation.cases import Case, CasesError, Expect, load_cases
from hugginggpt.evaluation.configs import ConfigError, ConfigUnusable, EvalConfig, parse_spec
from hugginggpt.evaluation.runner import Progress, RunRecord, run_all, run_case
from hugginggpt.orchestrator import Pipeline
from hugginggpt.tasks import TASKS
from hugginggpt.types import Plan, Task

LLM = "offline+openai:fake-model"
CASES = [
    # the offline planner reads it aloud; the fake LLM plans nothing (so no audio): they disagree
    {"id": "speak", "request": "Read 'The meeting moved to Friday' aloud", "expect": {"media": "audio"}},
    # both edit the photo
    {
        "id": "gray",
        "request": "Make it black and white",
        "files": ["photo.png"],
        "expect": {"media": ["image"], "contains": ["grayscale"]},
    },
    # offline has no model that writes: only the LLM config passes
    {
        "id": "poem",
        "request": "write a short poem about the sea",
        "expect": {"contains": ["sea"], "tasks": ["text-generation"]},
    },
    "{this line is not JSON",
    {"id": "gone", "request": "What is in this picture?", "files": ["nothere.png"]},
    {"id": "hello", "request": "Hello!", "expect": {"tasks": []}},
    # both fail: no edit makes sepia
    {"id": "picky", "request": "Make it black and white", "files": ["photo.png"], "expect": {"regex": "(?i)sepia"}},
]
IDS = ["speak", "gray", "poem", "gone", "hello", "picky"]


def plan_of(request: str) -> list[dict]:
    if "poem" in request:
        return [{"task": "text-generation", "id": 0, "dep": [-1], "args": {"text": "a short poem about the sea"}}]
    if "black and white" in request:
        return [{"task": "image-editing", "id": 0, "dep": [-1], "args": {"image": "photo.png", "text": request}}]
    return []  # "read it aloud" too: this controller misses the speech


def respond(messages: list[dict]) -> str:
    """The fake controller: plans, writes as the text-generation expert, answers, chats."""
    system = messages[0]["content"] if messages and messages[0]["role"] == "system" else ""
    last = messages[-1]["content"] if messages else ""
    if system.startswith("You are the planner"):
        return json.dumps(plan_of(last))
    if system.startswith("You are an expert for the task"):
        return "Waves of the sea roll in and out."
    if "Results:" in last:
        return "Here is what the models made, from the results."
    return "Hello! What can I do for you?"


def write_cases(folder: Path, cases: list) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (96, 64), (200, 100, 30)).save(folder / "photo.png")
    path = folder / "cases.jsonl"
    path.write_text("\n".join(c if isinstance(c, str) else json.dumps(c) for c in cases) + "\n")
    return path


def eval_env(server: FakeOpenAI) -> dict[str, str]:
    return {"OPENAI_BASE_URL": server.url, "HUGGINGGPT_WORKERS": "2"}


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory):
    """One real batch: the CLI, the fake LLM, six cases and a malformed line, two configurations."""
    tmp = tmp_path_factory.mktemp("eval")
    cases = write_cases(tmp / "cases", CASES)
    out = tmp / "out"
    with FakeOpenAI(responder=respond) as server:
        p = cli("eval", str(cases), "--config", "offline", "--config", LLM, "--out", str(out), env=eval_env(server),
                timeout=240)  # fmt: skip
    return p, out, json.loads((out / "report.json").read_text())


def test_the_json_report_judges_every_case_under_both_configurations(evaluated):
    p, out, data = evaluated
    assert p.returncode == 1, p.stderr  # some cases failed
    assert data["configs"] == ["offline", LLM]
    assert [c["id"] for c in data["cases"]] == IDS
    cases = {c["id"]: c for c in data["cases"]}
    passed = {cid: {name: run["passed"] for name, run in c["runs"].items()} for cid, c in cases.items()}
    assert passed == {
        "speak": {"offline": True, LLM: False},
        "gray": {"offline": True, LLM: True},
        "poem": {"offline": False, LLM: True},
        "gone": {"offline": None, LLM: None},
        "hello": {"offline": True, LLM: True},
        "picky": {"offline": False, LLM: False},
    }
    # the offline run read it aloud with the embedded voice; the file lies in the run's folder
    speak = cases["speak"]["runs"]["offline"]
    assert [t["task"] for t in speak["plan"]] == ["text-to-speech"] and speak["error"] is None
    assert speak["choices"]["0"]["backend"] == "embedded" and speak["choices"]["0"]["reason"]
    wav = speak["results"]["0"]["outputs"]["audio"]
    assert (out / speak["folder"] / wav).is_file() and speak["llm_calls"] == 0 and speak["tokens"] == 0
    # the LLM planned nothing for it, and the check says what was missing
    missed = cases["speak"]["runs"][LLM]
    assert missed["plan"] == [] and missed["answer"] == "Hello! What can I do for you?"
    assert missed["checks"] == [
        {"what": "media audio", "passed": False, "detail": "no audio file among the outputs (made: none)"}
    ]
    # the poem: planned, written by the controller LLM, answered; calls and tokens counted
    poem = cases["poem"]["runs"][LLM]
    assert poem["plan_source"] == "llm" and poem["choices"]["0"]["model"] == "fake-model"
    assert poem["results"]["0"]["outputs"]["text"] == "Waves of the sea roll in and out."
    assert poem["answer"] == "Here is what the models made, from the results."
    assert poem["llm_calls"] == 3 and poem["tokens"] == poem["prompt_tokens"] + poem["completion_tokens"] > 0
    offline_poem = cases["poem"]["runs"]["offline"]
    assert [(c["what"], c["passed"]) for c in offline_poem["checks"]] == [
        ("contains 'sea'", False),
        ("tasks text-generation", True),
    ]
    assert "text-generation" in offline_poem["results"]["0"]["error"]  # the honest sentence, as data
    # the regex found no sepia in either; the grayscale edit is in the outputs' text
    assert cases["picky"]["runs"]["offline"]["checks"][0]["what"] == "regex (?i)sepia"
    assert "grayscale" in cases["gray"]["runs"][LLM]["results"]["0"]["outputs"]["text"]
    # a missing file fails that case with the reason, under each configuration, without running it
    for run in cases["gone"]["runs"].values():
        assert run["error"].startswith("file not found: nothere.png") and run["plan"] == [] and run["trace"] is None
    # the summary: passed of judged, errors, times, LLM use
    s = data["summary"]
    assert (s["offline"]["passed"], s["offline"]["judged"], s["offline"]["errors"]) == (3, 5, 1)
    assert (s[LLM]["passed"], s[LLM]["judged"], s[LLM]["errors"]) == (3, 5, 1)
    assert s["offline"]["llm_calls"] == 0 and s[LLM]["llm_calls"] >= 8 and s[LLM]["tokens"] > 0
    assert 0 < s["offline"]["median_s"] <= s["offline"]["p95_s"]
    # the malformed line is reported by its number and skipped
    assert data["skipped"] == [
        {"line": 4, "error": "not JSON (Expecting property name enclosed in double quotes at column 2)"}
    ]
    assert "cases.jsonl line 4: not JSON" in p.stderr and "case gone: file not found: nothere.png" in p.stderr
    assert "offline: 3/5 passed, 1 errors" in p.stdout and "report.html" in p.stdout


def test_each_run_has_its_trace_beside_the_report(evaluated):
    _, out, data = evaluated
    for case in data["cases"]:
        for name, run in case["runs"].items():
            if case["id"] == "gone":
                continue
            trace = json.loads((out / run["trace"]).read_text())
            assert (trace["case"], trace["config"]) == (case["id"], name)
            assert trace["answer"] == run["answer"] and trace["checks"] == run["checks"]
    route = json.loads((out / data["cases"][2]["runs"][LLM]["trace"]).read_text())["llm_route"]
    assert route["model"] == "fake-model" and route["route"] == "openai"


def test_an_hf_configuration_talks_to_the_router_with_the_token(tmp_path):
    cases = write_cases(tmp_path / "c", [CASES[5], CASES[2]])  # hello, poem
    with FakeOpenAI(responder=respond, api_key="hf_eval", models=[router_model("org/chat-model")]) as router:
        env = {"HF_TOKEN": "hf_eval", "HUGGINGGPT_HF_ROUTER_URL": router.url, "HUGGINGGPT_MODE": "remote"}
        p = cli("eval", str(cases), "--config", "offline+hf:org/chat-model", "--out", str(tmp_path / "o"), env=env)
        bodies = [r["body"] for r in router.requests if r["path"].endswith("/chat/completions")]
    assert p.returncode == 0, p.stderr
    data = json.loads((tmp_path / "o" / "report.json").read_text())
    runs = {c["id"]: c["runs"]["offline+hf:org/chat-model"] for c in data["cases"]}
    assert runs["hello"]["passed"] and runs["poem"]["passed"] and runs["poem"]["plan_source"] == "llm"
    assert {b["model"] for b in bodies} == {"org/chat-model"} and len(bodies) == runs["poem"]["llm_calls"] + runs[
        "hello"
    ]["llm_calls"] == 5
    assert data["config_details"]["offline+hf:org/chat-model"] == {
        "mode": "offline",  # the configuration's mode, not HUGGINGGPT_MODE
        "controller": "hf",
        "model": "org/chat-model",
    }
    trace = json.loads((tmp_path / "o" / runs["poem"]["trace"]).read_text())
    assert trace["llm_route"]["route"] == "hf-router" and "hf_eval" not in json.dumps(data) + json.dumps(trace)


def test_an_unknown_configuration_is_one_line_listing_the_forms(tmp_path):
    cases = write_cases(tmp_path, CASES[:1])
    p = cli("eval", str(cases), "--config", "offline", "--config", "offlne+openai:x", "--out", str(tmp_path / "o"))
    assert p.returncode == 2 and p.stdout == ""
    assert p.stderr.count("\n") == 1 and p.stderr.startswith("hugginggpt: unknown configuration 'offlne+openai:x': ")
    assert "offline, hybrid or remote" in p.stderr and "openai[:MODEL] or hf[:MODEL]" in p.stderr
    assert not (tmp_path / "o" / "report.json").exists()
    p = cli("eval", str(cases), "--config", "offline", "--mode", "remote", "--out", str(tmp_path / "o"))
    assert p.returncode == 2 and "not --mode" in p.stderr  # each configuration names its own mode


def test_a_cases_file_with_no_valid_case_is_a_clear_error(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": 1}\n[1, 2]\n')
    p = cli("eval", str(path), "--config", "offline", "--out", str(tmp_path / "o"))
    assert p.returncode == 2
    assert "holds no case (2 malformed lines)" in p.stderr
    assert 'line 1: "request" must be a non-empty string (it is missing)' in p.stderr
    assert "line 2: not a JSON object" in p.stderr


def test_ctrl_c_writes_the_report_of_what_finished(tmp_path):
    cases = write_cases(tmp_path / "c", [{"id": f"poem{i}", "request": f"write poem number {i}"} for i in range(6)])
    out = tmp_path / "out"
    with FakeOpenAI(latency=0.6, responder=respond) as server:
        env = {**cli_env(), **eval_env(server)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "hugginggpt", "eval", str(cases), "--config", LLM, "--out", str(out), "--jobs", "1"],
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        lines = []
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.append(line)
            if line.startswith("[2/6 runs"):
                proc.send_signal(signal.SIGINT)
                break
        stdout, rest = proc.communicate(timeout=60)
    assert proc.returncode == 130, "".join(lines) + rest
    assert "interrupted: writing the report of the runs that finished" in rest and "report: " in stdout
    data = json.loads((out / "report.json").read_text())
    assert data["interrupted"] is True
    done = [c["id"] for c in data["cases"] if c["runs"]]
    assert 2 <= len(done) < 6 and done == [f"poem{i}" for i in range(len(done))]
    assert all(c["runs"][LLM]["error"] is None for c in data["cases"] if c["runs"])  # no cancelled run kept
    assert "Interrupted (Ctrl-C)" in (out / "report.html").read_text()


def cli_env() -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "HF_", "HUGGINGGPT_"))}
    env.update({"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"})
    return env


def test_baseline_marks_runs_that_got_better_or_worse(evaluated, tmp_path):
    _, out, data = evaluated
    old = json.loads(json.dumps(data))
    cases = {c["id"]: c for c in old["cases"]}
    # before: the poem failed both checks (now one passes), the sepia check passed (now it fails)
    cases["poem"]["runs"]["offline"]["checks"] = [{"what": "x", "passed": False}, {"what": "y", "passed": False}]
    cases["picky"]["runs"]["offline"].update(passed=True, checks=[{"what": "regex (?i)sepia", "passed": True}])
    base = tmp_path / "old.json"
    base.write_text(json.dumps(old))
    folder = tmp_path / "cases"
    p = cli("eval", str(write_cases(folder, CASES)), "--config", "offline", "--out", str(tmp_path / "o"),
            "--baseline", str(base))  # fmt: skip
    assert p.returncode == 1, p.stderr
    new = json.loads((tmp_path / "o" / "report.json").read_text())
    changes = {c["id"]: c["runs"]["offline"]["change"] for c in new["cases"]}
    assert changes == {"speak": None, "gray": None, "poem": "better", "gone": None, "hello": None, "picky": "worse"}
    assert new["cases"][5]["runs"]["offline"]["baseline_passed"] is True and new["baseline"] == str(base)
    assert (new["summary"]["offline"]["better"], new["summary"]["offline"]["worse"]) == (1, 1)
    assert "offline: 3/5 passed, 1 errors" in p.stdout and "1 better, 1 worse than the baseline" in p.stdout
    page = (tmp_path / "o" / "report.html").read_text()
    assert page.count("better than the baseline</span>") == 1 and page.count("worse than the baseline</span>") == 1
    base.write_text("[]")
    p = cli("eval", str(folder / "cases.jsonl"), "--config", "offline", "--baseline", str(base))
    assert p.returncode == 2 and 'is not a report.json (no "cases" list)' in p.stderr


# ---- the pieces, in process -------------------------------------------------------------------------


def test_cases_lines_are_checked_one_by_one(tmp_path):
    (tmp_path / "a.png").write_bytes(b"x")
    lines = [
        '{"id": "ok", "request": "read a.png", "files": ["a.png"], "expect": {"contains": ["EXIT", ["nine", "9"]]}}',
        '{"id": "ok", "request": "again"}',
        '{"request": "no id is fine", "expect": {"tasks": ["OCR"]}}',
        '{"id": "x", "request": "y", "expects": {}}',
        '{"id": "x", "request": "y", "expect": {"regex": "("}}',
        '{"id": "x", "request": "y", "expect": {"tasks": ["painting"]}}',
        '{"id": "x", "request": "   "}',
        "# a comment",
        '{"id": "m", "request": "y", "files": ["sub/none.wav"]}',
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines))
    cases, problems = load_cases(path)
    assert [c.id for c in cases] == ["ok", "line-3", "m"]
    assert cases[0].expect.contains == (("EXIT",), ("nine", "9")) and cases[0].files == (tmp_path / "a.png",)
    assert cases[1].expect.tasks == ("image-to-text",)  # a synonym becomes the registry's name
    assert cases[2].missing == f"file not found: sub/none.wav (looked for {tmp_path / 'sub' / 'none.wav'})"
    assert [str(p) for p in problems] == [
        "line 2: the id 'ok' is already used on line 1",
        "line 4: unknown key 'expects' (a case has id, request, files, expect)",
        "line 5: the regex '(' does not compile: missing ), unterminated subpattern at position 0",
        f"line 6: unknown task 'painting' in \"tasks\"; known tasks: {', '.join(TASKS)}",
        'line 7: "request" must be a non-empty string',
    ]
    with pytest.raises(CasesError, match="cannot read the cases file"):
        load_cases(tmp_path / "nope.jsonl")


def test_configuration_strings():
    assert parse_spec("offline") == EvalConfig("offline", "offline")
    assert parse_spec("Hybrid+openai:gpt-4.1-mini") == EvalConfig(
        "Hybrid+openai:gpt-4.1-mini", "hybrid", "openai", "gpt-4.1-mini"
    )
    assert (
        parse_spec("remote+hf:meta-llama/Llama-3.1-8B-Instruct:cerebras").model
        == "meta-llama/Llama-3.1-8B-Instruct:cerebras"
    )
    assert parse_spec("offline+hf").model is None
    for bad in ("online", "offline+", "offline+claude:x", "offline+openai:", "+openai:x", ""):
        with pytest.raises(ConfigError, match="offline, hybrid or remote"):
            parse_spec(bad)


def test_configurations_build_the_controller_they_name(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("HF_TOKEN", "hf_test")
    # no +LLM: no controller, whatever the environment holds (the runner builds none either)
    bare = parse_spec("hybrid").build()
    assert bare.mode == "hybrid" and bare.openai_api_key is None and bare.hf_token == "hf_test"
    openai = parse_spec("offline+openai:gpt-x").build().llm_route()
    assert (openai.kind, openai.model, openai.api_key) == ("openai", "gpt-x", "sk-test")
    monkeypatch.setenv("HUGGINGGPT_HF_ROUTER_URL", "http://127.0.0.1:9/v1")
    hf = parse_spec("remote+hf:Qwen/Qwen3-32B").build().llm_route()
    assert (hf.kind, hf.model, hf.base_url, hf.api_key) == (
        "hf-router",
        "Qwen/Qwen3-32B",
        "http://127.0.0.1:9/v1",
        "hf_test",
    )
    monkeypatch.delenv("OPENAI_API_KEY")
    with pytest.raises(ConfigUnusable, match="set OPENAI_API_KEY"):
        parse_spec("offline+openai:gpt-x").build()
    monkeypatch.delenv("HF_TOKEN")
    with pytest.raises(ConfigUnusable, match="set HF_TOKEN"):
        parse_spec("offline+hf").build()


def test_a_config_file_names_longer_setups(tmp_path, monkeypatch):
    path = tmp_path / "c.toml"
    path.write_text(
        '[local]\nuse = "offline+openai:qwen"\nbase_url = "http://127.0.0.1:8000/v1"\napi_key_env = "MY_KEY"\n'
        'llm_selects = false\ntask_timeout = 30\n\n[plain]\nuse = "offline"\n'
    )
    monkeypatch.setenv("MY_KEY", "k-local")
    got = configs.resolve([], path)
    assert [c.name for c in got] == ["local", "plain"]
    cfg = got[0].build()
    assert (cfg.openai_base_url, cfg.openai_api_key, cfg.llm_model) == ("http://127.0.0.1:8000/v1", "k-local", "qwen")
    assert cfg.llm_selects is False and cfg.task_timeout == 30.0
    assert [c.name for c in configs.resolve(["plain", "hybrid"], path)] == ["plain", "hybrid"]
    path.write_text('[x]\nuse = "offline"\ntemperature = 0.2\n')
    with pytest.raises(ConfigError, match=r"\[x\]: unknown setting 'temperature' \(known: use, base_url"):
        configs.resolve([], path)
    path.write_text('[x]\nuse = "offline"\nbase_url = "http://h/v1"\n')
    with pytest.raises(ConfigError, match="applies to an openai controller only"):
        configs.resolve([], path)
    with pytest.raises(ConfigError, match="given twice"):
        configs.resolve(["offline", "offline"])


def test_checks():
    expect = Expect(contains=(("exit",), ("nine", "9")), regex=(r"\d+\.\d\d",), media=("audio",), tasks=("ocr",))
    seen = checks.Observed(answer="It says EXIT.", texts=("total 12.40",), plan=("ocr",), media=frozenset({"image"}))
    got = {c.what: c.passed for c in checks.judge(expect, seen)}
    assert got == {
        "contains 'exit'": True,
        "contains 'nine' or '9'": False,
        r"regex \d+\.\d\d": True,
        "media audio": False,
        "tasks ocr": True,
    }
    failed = checks.judge(Expect(tasks=()), checks.Observed(failed="LLM down"))
    assert [(c.passed, c.detail) for c in failed] == [(False, "the run ended without an answer")]
    assert checks.passed([]) is None


class OnePlan:
    def plan(self, text, files=(), history=None, capabilities=None):
        return Plan([Task(0, "summarization", {"text": text})])


def test_a_case_past_its_time_limit_is_stopped_and_reported(tmp_path):
    expert = TimedExpert("slow/sum", ("summarization",), latency=3)  # sleeps through the stop
    slow = Pipeline(Config(), backends=[backend(expert)], planner=OnePlan())
    case = Case("slow", "summarize this", expect=Expect(contains=(("x",),)))
    # the run is told to stop at 0.5 s; its task sleeps on, and after the grace the batch moves on without it
    t0 = time.monotonic()
    left = run_case(slow, case, "c", tmp_path / "left", timeout=0.5, grace=0.5)
    assert time.monotonic() - t0 < 2.5 and left.timed_out and left.passed is False
    assert left.error == (
        "timed out after 0.5 s (the case's limit): did not stop within 0.5 s of being told to "
        "(a task still running was left behind)"
    )
    assert left.plan[0]["task"] == "summarization" and left.choices["0"]["model"] == "slow/sum"  # what it had shown
    assert json.loads((tmp_path / "left" / "trace.json").read_text())["error"] == left.error
    # with time to wind down, the run ends itself: its unfinished task stopped, as the pipeline says
    stopped = run_case(slow, case, "c", tmp_path / "stopped", timeout=0.5, grace=10)
    assert stopped.timed_out and stopped.error.startswith("timed out after 0.5 s (the case's limit): Stopped: ")


def test_a_crash_or_an_unusable_configuration_is_data_and_the_batch_goes_on(tmp_path):
    class Broken:
        def run(self, request, session, cancel=None):
            raise RuntimeError("a bug")
            yield

    good = Pipeline(Config(), backends=[backend(TimedExpert("t/sum", ("summarization",)))], planner=OnePlan())

    def factory(cfg):
        if cfg.name == "hybrid":
            raise ConfigUnusable("hybrid needs a key")
        return Broken() if cfg.name == "remote" else good

    cases = [Case("a", "summarize a"), Case("b", "summarize b")]
    outcome = run_all(cases, [parse_spec("offline"), parse_spec("hybrid"), parse_spec("remote")], tmp_path, factory)
    runs = {k: r.error for k, r in outcome.records.items()}
    assert runs == {
        ("a", "offline"): None,
        ("b", "offline"): None,
        ("a", "hybrid"): "hybrid needs a key",
        ("b", "hybrid"): "hybrid needs a key",
        ("a", "remote"): "crashed: RuntimeError: a bug",
        ("b", "remote"): "crashed: RuntimeError: a bug",
    }
    assert "summarization(text=summarize b)" in outcome.records["b", "offline"].answer


def test_progress_on_a_terminal_is_one_line():
    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    progress = Progress(4, stream, width=8)
    progress.update(RunRecord("a", "c", seconds=1.0))
    progress.update(RunRecord("b", "c", error="boom"))
    text = stream.getvalue()
    assert text.startswith("\r[##......] 1/4 runs, 0 failed, ")
    assert "\r[####....] 2/4 runs, 1 failed, " in text and "\n" not in text and "left" in text


# ---- the page, in a real browser --------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.mark.browser
def test_the_html_report_opens_from_disk_with_everything_inline(evaluated, tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (the browser test must run)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: `pip install playwright` (never `playwright install`)")
    _, out, _ = evaluated
    url = (out / "report.html").as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            asked: list[str] = []
            page.on("request", lambda r: asked.append(r.url))
            # anything but the report itself is refused (and recorded above)
            page.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
            page.goto(url, wait_until="load")
            # every case and configuration on the page
            assert page.locator("#cases > thead th").all_inner_texts() == ["Case", "offline", LLM]
            for cid in IDS:
                assert page.locator(f"#case-{cid} th.case .id").inner_text() == cid
                assert page.locator(f"#case-{cid} > td").count() == 2
            # the edited image and the spoken audio, decoded from the page itself, in visible players
            image = page.locator("#case-gray td.pass img").first
            assert image.is_visible() and image.evaluate("i => i.complete && i.naturalWidth") == 96
            audio = page.locator("#case-speak td.pass audio")
            assert audio.count() == 1 and audio.is_visible()
            page.wait_for_function(
                "document.querySelector('#case-speak td.pass audio').readyState >= 1", timeout=10_000
            )
            assert audio.evaluate("a => a.duration") > 0.5
            assert page.locator("#case-speak td.fail").inner_text().count("media audio") == 1
            # nothing was fetched: the page is its only request (data: URIs are no requests)
            assert [u for u in asked if not u.startswith("data:")] == [url]

            def shown() -> list[str]:
                return [r.get_attribute("id")[5:] for r in page.locator("#cases > tbody > tr").all() if r.is_visible()]

            page.get_by_label("Failures only").check()
            assert shown() == ["speak", "poem", "gone", "picky"]
            assert page.locator("#shown").inner_text() == "showing 4 of 6 cases"
            page.get_by_label("Configurations disagree").check()
            assert shown() == ["speak", "poem"]
            page.get_by_label("All").check()
            assert shown() == IDS
            page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
        finally:
            browser.close()


# ---- the built-in cases -----------------------------------------------------------------------------


def test_the_builtin_cases_are_the_pages_examples_and_the_demo_requests(tmp_path):
    import app
    from hugginggpt.evaluation.examples import builtin_cases, demo_module, page_examples

    assert page_examples() == app.EXAMPLES  # read from app.py without importing gradio
    cases = builtin_cases(tmp_path)
    demos = demo_module().DEMOS
    assert [c.request for c in cases] == [e["text"] for e in app.EXAMPLES] + [d.request for d in demos]
    assert len({c.id for c in cases}) == len(cases) and cases[0].id == "page-1" and cases[4].id == "ocr-1"
    assert all(c.missing is None and all(f.is_file() for f in c.files) for c in cases)
    assert all(f.parent == tmp_path / "inputs" for c in cases[len(app.EXAMPLES) :] for f in c.files)
    assert all(c.expect for c in cases[: len(app.EXAMPLES)])  # every page example says what it must show
    by_request = {c.request: c.expect for c in cases}
    assert by_request["Transcribe this recording"].contains == (("library",), ("nine", "9"), ("morning",))
    assert by_request["Hello!"].tasks == () and by_request["Translate 'good night' into Spanish"].tasks == (
        "translation",
    )


@pytest.mark.slow
def test_eval_of_the_examples_runs_offline_with_nothing_else(tmp_path):
    """`eval --cases examples --config offline` on a fresh machine: no keys, every connection refused."""
    log = tmp_path / "net.log"
    env = {**cli_env(), "PYTHONPATH": f"{ROOT / 'tests' / 'netguard'}:{ROOT}", "NETGUARD_LOG": str(log)}
    out = tmp_path / "out"
    p = subprocess.run(
        [sys.executable, "-m", "hugginggpt", "eval", "--cases", "examples", "--config", "offline", "--out", str(out)],
        capture_output=True, text=True, env=env, timeout=900, cwd=tmp_path,
    )  # fmt: skip
    assert p.returncode == 0, p.stdout + p.stderr[-3000:]
    data = json.loads((out / "report.json").read_text())
    runs = [c["runs"]["offline"] for c in data["cases"]]
    assert len(runs) == len(data["cases"]) >= 50 and all(r["passed"] and r["error"] is None for r in runs)
    assert data["summary"]["offline"]["passed"] == len(runs) and (out / "report.html").stat().st_size > 100_000
    # the guard was really in place, and nothing tried the network
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.getaddrinfo('example.com', 80)"],
                           capture_output=True, text=True, env=env)  # fmt: skip
    assert probe.returncode != 0 and "network disabled by the test" in probe.stderr
    attempts = [line for line in log.read_text().splitlines() if "example.com" not in line] if log.exists() else []
    assert attempts == []
