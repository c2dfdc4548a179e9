"""A Space's API, read as a task: which endpoint fits a task type, which parameter takes which of the
task's arguments, and which return is the task's output. Pure functions over the dict that
`gradio_client.Client.view_api(return_format="dict")` returns; no network.

A parameter or return is classified by its Gradio component (Image, Audio, Textbox, Dropdown...): media
parameters take the task's media, text parameters its text, options (dropdowns, sliders, checkboxes) keep
their defaults unless a configured entry fixes them.
"""

from __future__ import annotations

import ast
import difflib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from ..tasks import TaskType
from ..types import arg_modality

Kind = Literal["image", "audio", "video", "text", "file", "option"]

_COMPONENTS: dict[str, Kind] = {
    **dict.fromkeys(
        ("image", "imageeditor", "sketchpad", "paint", "imagemask", "annotatedimage", "imageslider", "gallery"), "image"
    ),
    **dict.fromkeys(("audio", "microphone"), "audio"),
    **dict.fromkeys(("video", "playablevideo"), "video"),
    **dict.fromkeys(("file", "files", "uploadbutton", "downloadbutton"), "file"),
    **dict.fromkeys(
        ("textbox", "textarea", "text", "code", "markdown", "label", "json", "highlightedtext", "html", "chatbot"),
        "text",
    ),
}
# parameters that name languages (a translation task fills them from its text)
_SOURCE_LANG = re.compile(r"(src|source|from).*lang|lang.*(src|source|from)", re.I)
_TARGET_LANG = re.compile(r"(tgt|target|to|dest).*lang|lang.*(tgt|target|to|dest)", re.I)
# which text parameter takes the task's text: the first of these names, else the first text parameter
_TEXT_NAMES = ("text", "prompt", "input_text", "input", "query", "question", "message", "instruction", "sentence")


def kind_of(item: dict[str, Any]) -> Kind:
    """The kind of one parameter or return of an endpoint."""
    component = str(item.get("component") or "").lower().replace("_", "")
    if component in _COMPONENTS:
        return _COMPONENTS[component]
    python_type = str((item.get("python_type") or {}).get("type") or "")
    if "filepath" in python_type:
        return "file"
    if python_type == "str" and not enum_of(item):
        return "text"
    return "option"


def enum_of(item: dict[str, Any]) -> list[str]:
    """The choices of a dropdown or radio parameter ([] when it has none)."""
    schema = item.get("type") or {}
    values = schema.get("enum") if isinstance(schema, dict) else None
    if not values and isinstance(schema, dict):  # a multiselect: the choices sit on its items
        values = (schema.get("items") or {}).get("enum") if isinstance(schema.get("items"), dict) else None
    return [str(v) for v in values or []]


def name_of(param: dict[str, Any], index: int) -> str:
    """A parameter's keyword name (gradio_client accepts it in `predict(**kwargs)`)."""
    return str(param.get("parameter_name") or param.get("label") or f"parameter_{index}")


def required(param: dict[str, Any]) -> bool:
    return not param.get("parameter_has_default", False)


def endpoints(api: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The named endpoints of a view_api dict (api name -> {parameters, returns})."""
    named = api.get("named_endpoints") or {}
    return {str(k): v for k, v in named.items() if isinstance(v, dict)}


def closest(name: str, options: list[str]) -> str | None:
    hits = difflib.get_close_matches(name, options, n=1, cutoff=0.3)
    return hits[0] if hits else None


def _hint(name: str, options: list[str]) -> str:
    """The " (closest: x)" that follows a name the Space does not offer, when one it offers is near."""
    near = closest(name, options)
    return f" (closest: {near})" if near else ""


def offered(options: list[str], limit: int = 12) -> str:
    shown = ", ".join(options[:limit]) or "none"
    return shown + (f" and {len(options) - limit} more" if len(options) > limit else "")


class APIMismatch(ValueError):
    """An endpoint or parameter that the Space does not offer; the message lists what it does offer."""


@dataclass(frozen=True)
class Binding:
    """How to call one endpoint for one task: parameter name -> task argument, the fixed values, which
    return holds the output and of what kind."""

    api_name: str
    inputs: dict[str, str]
    fixed: dict[str, Any] = field(default_factory=dict)
    output: int = 0
    output_kind: Kind = "text"
    languages: tuple[str | None, str | None] = (None, None)  # (source, target) language parameters

    def to_json(self) -> dict[str, Any]:
        return {
            "api_name": self.api_name,
            "inputs": dict(self.inputs),
            "params": dict(self.fixed),
            "output": self.output,
            "output_kind": self.output_kind,
            "languages": list(self.languages),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Binding:
        langs = data.get("languages") or (None, None)
        return cls(
            str(data["api_name"]),
            {str(k): str(v) for k, v in (data.get("inputs") or {}).items()},
            dict(data.get("params") or {}),
            int(data.get("output", 0)),
            data.get("output_kind", "text"),
            (langs[0], langs[1]),
        )


def check_endpoint(api: dict[str, Any], api_name: str) -> dict[str, Any]:
    """The endpoint `api_name` of a Space's API; a name it does not offer raises APIMismatch saying what
    it offers and the closest match."""
    eps = endpoints(api)
    if api_name in eps:
        return eps[api_name]
    names = list(eps)
    hint = _hint(api_name, names)
    raise APIMismatch(f"it has no endpoint {api_name}; it offers {offered(names)}{hint}")


def bind(
    task: TaskType,
    api: dict[str, Any],
    api_name: str,
    *,
    inputs: dict[str, str] | None = None,
    fixed: dict[str, Any] | None = None,
    output: int | str | None = None,
) -> Binding:
    """The binding of a configured endpoint: `inputs` (parameter -> task argument) and `fixed` values are
    checked against the endpoint's parameters; what is not given is matched by kind, as for a Space found
    by meaning. Raises APIMismatch when a name is wrong or the endpoint cannot take the task."""
    endpoint = check_endpoint(api, api_name)
    params = endpoint.get("parameters") or []
    names = [name_of(p, i) for i, p in enumerate(params)]
    for given in [*(inputs or {}), *(fixed or {})]:
        if given not in names:
            hint = _hint(given, names)
            raise APIMismatch(f"endpoint {api_name} has no parameter {given!r}; it takes {offered(names)}{hint}")
    returns = endpoint.get("returns") or []
    index = _output_index(returns, output, api_name)
    found = fit(task, endpoint, api_name, preset=inputs or {}, fixed=fixed or {}, output=index)
    if isinstance(found, str):
        raise APIMismatch(f"endpoint {api_name} cannot take {task.name}: {found}")
    return found


def _output_index(returns: list[dict[str, Any]], output: int | str | None, api_name: str) -> int | None:
    if output is None:
        return None
    labels = [str(r.get("label") or f"output {i}") for i, r in enumerate(returns)]
    if isinstance(output, int) and not isinstance(output, bool):
        if -len(returns) <= output < len(returns):
            return output % len(returns)
        raise APIMismatch(f"endpoint {api_name} has {len(returns)} outputs ({offered(labels)}), no output {output}")
    if str(output) in labels:
        return labels.index(str(output))
    hint = _hint(str(output), labels)
    raise APIMismatch(f"endpoint {api_name} has no output {output!r}; it returns {offered(labels)}{hint}")


def fit(
    task: TaskType,
    endpoint: dict[str, Any],
    api_name: str,
    *,
    preset: dict[str, str] | None = None,
    fixed: dict[str, Any] | None = None,
    output: int | None = None,
) -> Binding | str:
    """How an endpoint takes `task`, or why it cannot (a sentence). It fits when each required argument
    of the task has a parameter of its kind, each parameter without a default gets a value, and a return
    has one of the task's output kinds."""
    preset = dict(preset or {})
    fixed = dict(fixed or {})
    params = endpoint.get("parameters") or []
    returns = endpoint.get("returns") or []
    names = [name_of(p, i) for i, p in enumerate(params)]
    kinds = {n: kind_of(p) for n, p in zip(names, params, strict=True)}
    taken = set(preset) | set(fixed)
    mapping = dict(preset)
    for arg in task.inputs:
        if arg in mapping.values():
            continue
        want = arg_modality(arg)
        free = [n for n in names if n not in taken and kinds[n] == want]
        if want != "text" and not free:  # a plain File parameter takes media too
            free = [n for n in names if n not in taken and kinds[n] == "file"]
        if want == "text" and len(free) > 1:
            free.sort(key=lambda n: _text_rank(n, arg))
        if not free:
            if arg in task.optional:
                continue
            what = "text" if want == "text" else f"an {want}" if want[0] in "aeiou" else f"a {want}"
            return f"no parameter takes {what} (it takes {_describe(names, kinds)})"
        mapping[free[0]] = arg
        taken.add(free[0])
    source = target = None
    if task.name == "translation":
        # a fixed source language may still give way to one the text names ("from French")
        source = next((n for n in names if n not in mapping and _SOURCE_LANG.search(n)), None)
        target = next((n for n in names if n not in mapping and n != source and _TARGET_LANG.search(n)), None)
        taken |= {n for n in (source, target) if n}
        if target is None:
            return "no parameter names the target language"
    for n, p in zip(names, params, strict=True):
        if n not in taken and required(p):
            return f"parameter {n!r} ({kinds[n]}) has no default and the task has nothing for it"
    if output is None:
        output = _pick_output(task, returns)
        if output is None:
            got = ", ".join(kind_of(r) for r in returns) or "nothing"
            return f"no output is {'/'.join(task.outputs)} (it returns {got})"
    kind = kind_of(returns[output]) if output < len(returns) else "text"
    return Binding(api_name, mapping, fixed, output, kind, (source, target))


def _text_rank(name: str, arg: str) -> tuple[int, int]:
    low = name.lower()
    if low == arg:
        return (0, 0)
    return (1, _TEXT_NAMES.index(low)) if low in _TEXT_NAMES else (2, 0)


def _describe(names: list[str], kinds: dict[str, Kind]) -> str:
    return ", ".join(f"{n} ({kinds[n]})" for n in names) or "no parameters"


def _pick_output(task: TaskType, returns: list[dict[str, Any]]) -> int | None:
    for want in task.outputs:
        for i, r in enumerate(returns):
            if kind_of(r) == want:
                return i
    return None


def best_endpoint(task: TaskType, api: dict[str, Any]) -> Binding | str:
    """The endpoint of a Space that fits `task` best (fewest parameters left to their defaults), or
    why none does."""
    fits: list[tuple[int, Binding]] = []
    why: list[str] = []
    for name, endpoint in endpoints(api).items():
        found = fit(task, endpoint, name)
        if isinstance(found, Binding):
            fits.append((len(endpoint.get("parameters") or []) - len(found.inputs), found))
        else:
            why.append(f"{name}: {found}")
    if fits:
        return min(fits, key=lambda f: f[0])[1]
    if not why:
        return "it offers no named API endpoint"
    return "; ".join(why[:3]) + (f"; and {len(why) - 3} more endpoints" if len(why) > 3 else "")


# ---- values ------------------------------------------------------------------------------------


def pick_item(value: Any, item: int | None) -> Any:
    """One element of a gallery or an image slider (a list or tuple of values)."""
    if isinstance(value, (list, tuple)) and value:
        index = 0 if item is None else item
        return value[index] if -len(value) <= index < len(value) else value[-1]
    return value


def file_path(value: Any) -> str | None:
    """The local path of a file value gradio_client returned (a path, {"path": ...}, a gallery item
    {"image": ...}), or None."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("path", "image", "video", "audio", "name"):
            if key in value and value[key] is not None:
                return file_path(value[key])
    return None


def as_text(value: Any) -> str:
    """A text output as plain text: a Label's top label with confidences, a JSON value, a single string
    held in a printed dict ("{'<CAPTION>': 'a dog'}", as some Spaces return)."""
    if isinstance(value, dict):
        if "label" in value:
            confidences = value.get("confidences") or []
            labels = [f"{c.get('label')} ({float(c.get('confidence', 0)):.2f})" for c in confidences[:5]]
            return ", ".join(labels) or str(value["label"])
        strings = [v for v in value.values() if isinstance(v, str)]
        if len(value) == 1 and strings:
            return strings[0].strip()
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return ", ".join(as_text(v) for v in value)
    text = "" if value is None else str(value).strip()
    if text[:1] in "{[" and text[-1:] in "}]":
        try:
            parsed = ast.literal_eval(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return text
        if isinstance(parsed, dict) and len(parsed) == 1:
            only = next(iter(parsed.values()))
            if isinstance(only, str):
                return only.strip()
    return text


# ---- translation: the languages a task's text names ---------------------------------------------

_INTO = re.compile(r"\b(?:into|to|in)\s+([A-Z][\w-]*(?:\s+\(?[A-Z][\w-]*\)?)?)")
_FROM = re.compile(r"\bfrom\s+([A-Z][\w-]*(?:\s+\(?[A-Z][\w-]*\)?)?)")
_INSTRUCTION = re.compile(
    r"^\s*(?:please\s+)?translate\b[^:\n]{0,80}?(?:\b(?:into|to|in)\s+[A-Z][\w()-]*(?:\s+\(?[A-Z][\w-]*\)?)?)\s*[:\-]\s*",
    re.I,
)


def languages(text: str, choices: list[str]) -> tuple[str | None, str | None, str]:
    """(source, target, text without the instruction) from a translation task's text such as
    "Translate to French: good morning". Names are matched against the parameter's choices when it has
    some ("French" -> "French", "Chinese" -> "Chinese (Simplified)")."""
    m = _INSTRUCTION.match(text)
    if m and text[m.end() :].strip():
        head, body = m.group(0), text[m.end() :].strip()
    elif not choices:
        return None, None, text  # no instruction to read and nothing to check a guess against
    else:
        head, body = text, text
    return _language(_FROM, head, choices), _language(_INTO, head, choices), body


def _language(pattern: re.Pattern[str], text: str, choices: list[str]) -> str | None:
    for m in pattern.finditer(text):
        for candidate in (m.group(1), m.group(1).split()[0]):
            if not choices:
                return candidate
            low = candidate.lower()
            exact = [c for c in choices if c.lower() == low]
            starts = [c for c in choices if c.lower().startswith(low)]
            if exact or starts:
                return (exact or sorted(starts, key=len))[0]
    return None
