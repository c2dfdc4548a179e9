"""`--cases examples`: the page's examples and the demo requests, as cases, with nothing to prepare.

Both live in the source tree beside the package (app.py's EXAMPLES with their files in assets/, and
bench/demo_requests.py, whose files are drawn and spoken by code): this reads them from there, so the
set never drifts from what the page offers and the demo benchmark checks. The demo files are made
into the folder given (the report's), never committed.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from .cases import Case, CasesError, Expect

ROOT = Path(__file__).resolve().parents[2]

# what each page example must show (the receipt in assets/ totals 10.50); an example added to the page
# later runs without expectations until one is written here
PAGE_EXPECT: dict[str, Expect] = {
    "Read the text in this receipt and tell me the total.": Expect(contains=(("10.50",),)),
    "Read the text in this receipt aloud.": Expect(contains=(("TOTAL",),), media=("audio",)),
    "Transcribe this recording, then read the transcript aloud.": Expect(
        contains=(("table",), ("seven", "7")), media=("audio",)
    ),
    'Read "The meeting moved to Friday at ten" aloud.': Expect(media=("audio",), tasks=("text-to-speech",)),
}


def builtin_cases(folder: Path, root: Path = ROOT) -> list[Case]:
    """The page's examples, then the demo requests (their files made under `folder`)."""
    if not (root / "app.py").is_file() or not (root / "bench" / "demo_requests.py").is_file():
        raise CasesError(
            f"--cases examples reads app.py and bench/demo_requests.py from the source tree, not found under {root}: "
            "run it from a clone of the repository"
        )
    return page_cases(root) + demo_cases(folder, root)


def page_examples(root: Path = ROOT) -> list[dict[str, Any]]:
    """app.EXAMPLES without importing the page (its gradio import costs seconds): the value of the
    assignment, evaluated with the page's ASSETS folder; the import if that value needs more."""
    path = root / "app.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    node = next(
        (
            n.value
            for n in tree.body
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "EXAMPLES" for t in n.targets)
        ),
        None,
    )
    if node is not None:
        try:
            code = compile(ast.Expression(node), str(path), "eval")
            return eval(code, {"__builtins__": {"str": str}, "ASSETS": root / "assets", "Path": Path})
        except Exception:  # noqa: BLE001 - built another way now: ask the page itself
            pass
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    import app  # type: ignore[import-not-found]

    return list(app.EXAMPLES)


def page_cases(root: Path = ROOT) -> list[Case]:
    cases = []
    for i, ex in enumerate(page_examples(root), 1):
        files = tuple(Path(f) for f in ex.get("files") or [])
        missing = next((f"file not found: {f}" for f in files if not f.is_file()), None)
        cases.append(Case(f"page-{i}", ex["text"], files, PAGE_EXPECT.get(ex["text"], Expect()), missing=missing))
    return cases


def demo_module(root: Path = ROOT) -> ModuleType:
    """bench/demo_requests.py, loaded from its file (bench/ is no package)."""
    path = root / "bench" / "demo_requests.py"
    name = "hugginggpt_bench_demo_requests"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def demo_cases(folder: Path, root: Path = ROOT) -> list[Case]:
    """The demo requests; a file that cannot be made (its maker's package missing) fails its cases."""
    demos = demo_module(root)
    made = folder / "inputs"
    why: dict[str, str] = {}
    for name in sorted({f for d in demos.DEMOS for f in d.files}):
        try:
            demos.make_files(made, {name})
        except Exception as e:  # noqa: BLE001 - e.g. Piper absent: the recordings' cases say so
            (made / name).unlink(missing_ok=True)
            why[name] = f"could not make {name}: {type(e).__name__}: {e}"
    cases = []
    count: dict[str, int] = {}
    for d in demos.DEMOS:
        count[d.kind] = count.get(d.kind, 0) + 1
        expect = Expect(
            contains=tuple(tuple(w.split("|")) for w in d.expect),
            media=(d.media,) if d.media else (),
            # a request that needs a generative model: the plan must at least use it; a greeting: no task
            tasks=(d.needs,) if d.needs else () if d.kind == "greeting" else None,
        )
        missing = next((why[f] for f in d.files if f in why), None)
        files = tuple(made / f for f in d.files)
        cases.append(Case(f"{d.kind}-{count[d.kind]}", d.request, files, expect, missing=missing))
    return cases
