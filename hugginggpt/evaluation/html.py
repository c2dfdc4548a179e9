"""report.html: the report as one self-contained page that opens from disk with no network.

Cases are rows, configurations columns; each cell shows the run's checks, answer, tasks (plan, model
and why, outputs), time and LLM use. Styles and the filter script are inline; images, audio and video
are data URIs (images larger than the page shows are scaled down first), so the file can be mailed.
"""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path
from typing import Any

from ..types import GENERATED, WEB_IMAGE_TYPES, media_kind
from .report import outcome_of
from .runner import slug

MAX_INLINE_BYTES = 4 * 2**20  # audio or video larger than this is linked (runs/...), not inlined
IMAGE_SIDE = 640  # output images are shown at most this wide: larger ones are scaled down to inline
INPUT_SIDE = 320
TEXT_CHARS = 1500  # a longer text output folds the rest
AUDIO_TYPES = {
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".flac": "audio/flac",
    ".ogg": "audio/ogg",
    ".opus": "audio/ogg",
    ".m4a": "audio/mp4",
    ".aac": "audio/aac",
}
VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm", ".mov": "video/quicktime", ".mkv": "video/x-matroska"}

CSS = """
:root { --ok: #166534; --ok-bg: #dcfce7; --bad: #991b1b; --bad-bg: #fee2e2; --err-bg: #fef3c7; --line: #e5e7eb;
  --muted: #6b7280; }
* { box-sizing: border-box; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 16px; color: #111827; }
h1 { font-size: 20px; margin: 0 0 4px; }
.meta { color: var(--muted); margin: 0 0 12px; }
.banner { background: var(--err-bg); padding: 6px 10px; border-radius: 6px; margin: 6px 0; }
table { border-collapse: collapse; }
#summary td, #summary th { border: 1px solid var(--line); padding: 4px 10px; text-align: right; }
#summary th:first-child, #summary td:first-child { text-align: left; }
#summary td.cfg span { color: var(--muted); font-size: 12px; display: block; }
#filters { margin: 14px 0 8px; display: flex; gap: 14px; flex-wrap: wrap; align-items: center; }
#filters label { cursor: pointer; }
#shown { color: var(--muted); }
.wrap { overflow-x: auto; }
#cases { table-layout: fixed; width: 100%; min-width: calc(280px + var(--cols) * 380px); }
#cases > thead th { position: sticky; top: 0; background: #f9fafb; z-index: 1; text-align: left; padding: 6px 8px;
  border-bottom: 2px solid var(--line); }
#cases > thead th:first-child { width: 280px; }
#cases > tbody > tr > * { border-bottom: 1px solid var(--line); padding: 8px; vertical-align: top; text-align: left; }
th.case { font-weight: normal; background: #fafafa; }
th.case .id { font-weight: 600; font-family: ui-monospace, monospace; }
th.case .request { margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-weight: 600; font-size: 12px; }
.pass .badge.st { background: var(--ok-bg); color: var(--ok); }
.fail .badge.st, .error .badge.st { background: var(--bad-bg); color: var(--bad); }
.answered .badge.st { background: #e0e7ff; color: #3730a3; }
.notrun .badge.st { background: #f3f4f6; color: var(--muted); }
.badge.better { background: var(--ok-bg); color: var(--ok); }
.badge.worse { background: var(--bad-bg); color: var(--bad); }
.nums { color: var(--muted); font-size: 12px; margin-left: 6px; }
.err { background: var(--bad-bg); color: var(--bad); padding: 4px 8px; border-radius: 6px; margin: 6px 0;
  white-space: pre-wrap; overflow-wrap: anywhere; }
ul.checks { list-style: none; padding: 0; margin: 6px 0; }
ul.checks li.ok::before { content: "\\2713  "; color: var(--ok); font-weight: 700; }
ul.checks li.no::before { content: "\\2717  "; color: var(--bad); font-weight: 700; }
ul.checks li.no .why { color: var(--bad); }
ul.expect { padding-left: 18px; margin: 4px 0; color: var(--muted); }
.label { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin-top: 8px; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; background: #f9fafb; padding: 6px 8px; border-radius: 6px; }
.task { border-left: 3px solid var(--line); padding: 2px 0 2px 8px; margin: 6px 0; }
.task.failed, .task.skipped { border-left-color: #f87171; }
.task .head code { background: #f3f4f6; padding: 0 4px; border-radius: 4px; }
.task .args { color: var(--muted); font-family: ui-monospace, monospace; font-size: 12px; overflow-wrap: anywhere; }
.task .model { font-size: 12px; }
.task .model .why { color: var(--muted); }
.task .terr { color: var(--bad); font-size: 12px; white-space: pre-wrap; }
.out pre, pre.data { white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; font-size: 12px;
  background: #f9fafb; padding: 4px 6px; border-radius: 4px; }
.out img, .inputs img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px;
  display: block; margin: 4px 0; }
.out audio, .inputs audio { width: 100%; display: block; margin: 4px 0; }
.out video { max-width: 100%; display: block; }
.note { color: var(--muted); font-size: 12px; }
details summary { cursor: pointer; color: var(--muted); font-size: 12px; }
"""

SCRIPT = """
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#cases > tbody > tr'));
  var shown = document.getElementById('shown');
  function apply() {
    var v = document.querySelector('input[name=show]:checked').value, n = 0;
    rows.forEach(function (tr) {
      var on = v === 'all' || tr.getAttribute('data-' + v) === '1';
      tr.hidden = !on;
      if (on) n++;
    });
    shown.textContent = 'showing ' + n + ' of ' + rows.length + ' cases';
  }
  document.querySelectorAll('input[name=show]').forEach(function (r) { r.addEventListener('change', apply); });
  apply();
})();
"""


def render(report: dict[str, Any], out: Path) -> str:
    """The page for `report` (report.json's data); media paths are read from the run folders under `out`."""
    names: list[str] = report["configs"]
    cases = report["cases"]
    flags = [_flags(case) for case in cases]
    rows = [_row(case, names, out, f) for case, f in zip(cases, flags)]
    n_fail, n_dis, n_chg = (sum(f[k] for f in flags) for k in ("failures", "disagree", "changed"))
    filters = [
        ("all", f"All ({len(rows)})"),
        ("failures", f"Failures only ({n_fail})"),
        ("disagree", f"Configurations disagree ({n_dis})"),
    ]
    if report.get("baseline"):
        filters.append(("changed", f"Changed since the baseline ({n_chg})"))
    radios = "".join(
        f'<label><input type="radio" name="show" value="{v}"{" checked" if v == "all" else ""}> {_e(t)}</label>'
        for v, t in filters
    )
    head = "".join(f"<th>{_e(n)}</th>" for n in names)
    banners = []
    if report.get("interrupted"):
        banners.append("Interrupted (Ctrl-C): the report holds the runs that had finished.")
    for skip in report.get("skipped", []):
        banners.append(f"Skipped line {skip['line']} of the cases file: {skip['error']}")
    meta = (
        f"{len(cases)} case{'s' * (len(cases) != 1)} &times; {len(names)} configuration{'s' * (len(names) != 1)}"
        f" &middot; cases: {_e(report.get('source', ''))} &middot; {_e(report.get('created', ''))}"
        f" &middot; {report.get('seconds', 0):.1f} s in all"
    )
    if report.get("baseline"):
        meta += f" &middot; baseline: {_e(report['baseline'])}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>HuggingGPT evaluation: {len(cases)} cases</title><style>{CSS}</style></head><body>"
        f'<h1>HuggingGPT evaluation</h1><p class="meta">{meta}</p>'
        + "".join(f'<div class="banner">{_e(b)}</div>' for b in banners)
        + _summary(report)
        + f'<div id="filters">{radios}<span id="shown"></span></div>'
        + f'<div class="wrap"><table id="cases" style="--cols: {len(names)}"><thead><tr><th>Case</th>{head}</tr>'
        + f"</thead><tbody>{''.join(rows)}</tbody></table></div>"
        + f"<script>{SCRIPT}</script></body></html>\n"
    )


def write(report: dict[str, Any], out: Path) -> Path:
    path = out / "report.html"
    path.write_text(render(report, out), encoding="utf-8")
    return path


def _summary(report: dict[str, Any]) -> str:
    baseline = bool(report.get("baseline"))
    cols = ["configuration", "passed", "errors", "median", "p95", "LLM calls", "tokens"]
    if baseline:
        cols += ["better", "worse"]
    body = []
    for name in report["configs"]:
        s = report["summary"][name]
        d = report.get("config_details", {}).get(name, {})
        what = f"{d.get('mode', '')} experts, {d.get('controller', '')}" + (f" {d['model']}" if d.get("model") else "")
        cells = [
            f'<td class="cfg">{_e(name)}<span>{_e(what)}</span></td>',
            f"<td>{s['passed']} / {s['judged']}</td>",
            f"<td>{s['errors']}</td>",
            f"<td>{_secs(s['median_s'])}</td>",
            f"<td>{_secs(s['p95_s'])}</td>",
            f"<td>{s['llm_calls']}</td>",
            f"<td>{s['tokens']:,}</td>",
        ]
        if baseline:
            cells += [f"<td>{s.get('better', 0)}</td>", f"<td>{s.get('worse', 0)}</td>"]
        body.append(f"<tr>{''.join(cells)}</tr>")
    head = "".join(f"<th>{c}</th>" for c in cols)
    return f'<table id="summary"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _flags(case: dict[str, Any]) -> dict[str, bool]:
    """What the filters select: a failure (a check missed, or an error), configurations that disagree
    (passed against failed, or an answer against an error), a change since the baseline."""
    runs = case["runs"].values()
    outcomes = {outcome_of(r) for r in runs}
    return {
        "failures": any(o in ("fail", "error") for o in outcomes),
        "disagree": len(outcomes) > 1,
        "changed": any(bool(r.get("change")) for r in runs),
    }


def _row(case: dict[str, Any], names: list[str], out: Path, flags: dict[str, bool]) -> str:
    runs = case["runs"]
    cells = []
    for name in names:
        run = runs.get(name)
        cells.append(
            _cell(run, out) if run is not None else '<td class="notrun"><span class="badge st">not run</span></td>'
        )
    attrs = " ".join(f'data-{k}="{int(v)}"' for k, v in flags.items())
    return f'<tr id="case-{_e(slug(case["id"]))}" {attrs}>{_case_head(case)}{"".join(cells)}</tr>'


def _case_head(case: dict[str, Any]) -> str:
    parts = [f'<div class="id">{_e(case["id"])}</div><div class="request">{_e(case["request"])}</div>']
    if case.get("files"):
        inputs = []
        for f in case["files"]:
            path = Path(f)
            inputs.append(
                f'<div class="note">{_e(path.name)}</div>' + (_media(path, INPUT_SIDE) if path.is_file() else "")
            )
        parts.append(f'<div class="inputs">{"".join(inputs)}</div>')
    if expect := case.get("expect"):
        items = []
        for word in expect.get("contains", []):
            items.append("contains " + " or ".join(repr(w) for w in (word if isinstance(word, list) else [word])))
        items += [f"regex {p}" for p in expect.get("regex", [])]
        items += [f"media {m}" for m in expect.get("media", [])]
        if "tasks" in expect:
            items.append("tasks " + (", ".join(expect["tasks"]) or "none (a direct answer)"))
        parts.append(
            '<div class="label">expects</div><ul class="expect">'
            + "".join(f"<li>{_e(i)}</li>" for i in items)
            + "</ul>"
        )
    return f'<th class="case" scope="row">{"".join(parts)}</th>'


def _cell(run: dict[str, Any], out: Path) -> str:
    outcome = outcome_of(run)
    label = {"pass": "passed", "fail": "failed", "error": "error", "answered": "answered"}[outcome]
    nums = f"{run['seconds']:.2f} s"
    if run["llm_calls"]:
        nums += (
            f" &middot; {run['llm_calls']} LLM call{'s' * (run['llm_calls'] != 1)} &middot; {run['tokens']:,} tokens"
        )
    head = f'<span class="badge st">{label}</span><span class="nums">{nums}</span>'
    if ch := run.get("change"):
        head += f' <span class="badge {ch}" title="compared with the baseline run">{ch} than the baseline</span>'
    parts = [f"<div>{head}</div>"]
    if run.get("error"):
        parts.append(f'<div class="err">{_e(run["error"])}</div>')
    if run.get("checks"):
        items = "".join(
            f'<li class="{"ok" if c["passed"] else "no"}">{_e(c["what"])}'
            + (f' <span class="why">&mdash; {_e(c["detail"])}</span>' if c.get("detail") and not c["passed"] else "")
            + "</li>"
            for c in run["checks"]
        )
        parts.append(f'<ul class="checks">{items}</ul>')
    if run.get("answer"):
        parts.append(f'<div class="label">answer</div><div class="answer">{_e(run["answer"])}</div>')
    folder = out / run["folder"] if run.get("folder") else None
    if run.get("plan"):
        source = f" ({_e(run['plan_source'])})" if run.get("plan_source") else ""
        n = len(run["plan"])
        parts.append(f'<div class="label">plan{source}: {n} task{"s" * (n != 1)}</div>')
        parts += [_task(t, run, folder) for t in run["plan"]]
    elif run.get("answer") and not run.get("error"):
        parts.append('<div class="label">plan</div><div class="note">no task: answered directly</div>')
    for note in run.get("notes") or []:
        parts.append(f'<div class="note">{_e(note)}</div>')
    if run.get("trace"):
        parts.append(f'<div class="note">trace: {_e(run["trace"])}</div>')
    return f'<td class="{outcome}">{"".join(parts)}</td>'


def _task(task: dict[str, Any], run: dict[str, Any], folder: Path | None) -> str:
    tid = str(task.get("id"))
    args = []
    for k, v in (task.get("args") or {}).items():
        if isinstance(v, str) and v.startswith(GENERATED):
            v = f"\u2190 task {v[len(GENERATED) :]}"
        text = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
        args.append(f"{k}={text if len(text) <= 120 else text[:117] + '...'}")
    deps = [d for d in task.get("dep") or [] if d != -1]
    result = (run.get("results") or {}).get(tid) or {}
    status = result.get("status", "not run")
    when = f" {result['seconds']:.2f} s" if result.get("seconds") else ""
    head = (
        f'<div class="head"><code>{_e(tid)}</code> <b>{_e(task.get("task", ""))}</b>'
        + (f' <span class="note">after {", ".join(map(str, deps))}</span>' if deps else "")
        + f' <span class="note">&middot; {_e(status)}{when}</span></div>'
        + (f'<div class="args">{_e("; ".join(args))}</div>' if args else "")
    )
    parts = [head]
    choice = (run.get("choices") or {}).get(tid)
    if choice:
        used = result.get("model") or choice.get("model")
        alt = f" (after {choice.get('model')} failed)" if used != choice.get("model") else ""
        backend = result.get("backend") or choice.get("backend")
        parts.append(
            f'<div class="model">model <b>{_e(used)}</b> ({_e(backend)}){_e(alt)}'
            f' <span class="why">&mdash; {_e(choice.get("reason", ""))}</span></div>'
        )
    if result.get("error"):
        parts.append(f'<div class="terr">{_e(result["error"])}</div>')
    for kind, value in (result.get("outputs") or {}).items():
        parts.append(_output(kind, value, folder))
    return f'<div class="task {_e(status)}">{"".join(parts)}</div>'


def _output(kind: str, value: Any, folder: Path | None) -> str:
    if kind in ("image", "audio", "video") and isinstance(value, str):
        path = folder / Path(value).name if folder else None
        if path is None or not path.is_file():
            return f'<div class="out note">{_e(kind)}: {_e(value)} (file not found)</div>'
        return f'<div class="out"><div class="note">{_e(path.name)}</div>{_media(path, IMAGE_SIDE, folder)}</div>'
    if kind == "text" and isinstance(value, str):
        if len(value) <= TEXT_CHARS:
            return f'<div class="out"><pre>{_e(value)}</pre></div>'
        more = f"<summary>{len(value) - TEXT_CHARS:,} more characters</summary><pre>{_e(value[TEXT_CHARS:])}</pre>"
        return f'<div class="out"><pre>{_e(value[:TEXT_CHARS])}</pre><details>{more}</details></div>'
    data = json.dumps(value, ensure_ascii=False, indent=1, default=str)
    if len(data) > 4000:
        data = data[:4000] + "\n..."
    return f'<details class="out"><summary>{_e(kind)}</summary><pre class="data">{_e(data)}</pre></details>'


def _media(path: Path, side: int, folder: Path | None = None) -> str:
    """An inline player or picture for a media file (a link where it is too large to inline)."""
    kind = media_kind(path.name)
    suffix = path.suffix.lower()
    if kind == "image":
        uri = _image_uri(path, side)
        return (
            f'<img src="{uri}" alt="{_e(path.name)}">'
            if uri
            else f'<div class="note">{_e(path.name)} (unreadable image)</div>'
        )
    types = AUDIO_TYPES if kind == "audio" else VIDEO_TYPES if kind == "video" else {}
    size = path.stat().st_size
    if suffix not in types or size > MAX_INLINE_BYTES:
        where = path.relative_to(folder.parent.parent.parent).as_posix() if folder else path.name
        return f'<div class="note">{_e(path.name)}: {size / 2**20:.1f} MB, not inlined (see {_e(where)})</div>'
    uri = f"data:{types[suffix]};base64,{base64.b64encode(path.read_bytes()).decode()}"
    tag = "audio" if kind == "audio" else "video"
    return f'<{tag} controls preload="metadata" src="{uri}"></{tag}>'


def _image_uri(path: Path, side: int) -> str | None:
    """A data URI of the image: its own bytes when small already, else scaled to `side` pixels wide."""
    from PIL import Image, UnidentifiedImageError

    suffix = path.suffix.lower()
    try:
        with Image.open(path) as img:
            img.load()
            if suffix in WEB_IMAGE_TYPES and img.width <= side and path.stat().st_size <= 256 * 1024:
                return f"data:{WEB_IMAGE_TYPES[suffix]};base64,{base64.b64encode(path.read_bytes()).decode()}"
            img.thumbnail((side, side * 4))
            buf = io.BytesIO()
            if img.mode in ("RGBA", "LA", "P", "PA") or "transparency" in img.info:
                img.convert("RGBA").save(buf, "PNG", optimize=True)
                mime = "image/png"
            else:
                img.convert("RGB").save(buf, "JPEG", quality=85)
                mime = "image/jpeg"
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    return f"data:{mime};base64,{base64.b64encode(buf.getvalue()).decode()}"


def _secs(value: float | None) -> str:
    return "&ndash;" if value is None else f"{value:.2f} s"


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)
