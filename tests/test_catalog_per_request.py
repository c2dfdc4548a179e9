"""The live Hub listing per request: a plan's task types are listed in parallel before selection,
the trace says where the candidates came from, and a cached listing costs no Hub call."""

from __future__ import annotations

import pytest
from fake_hf_server import FakeHF, hub_model, json_reply

from hugginggpt.config import Config
from hugginggpt.experts.hf_inference import HFInferenceBackend
from hugginggpt.hub_catalog import HubCatalog
from hugginggpt.orchestrator import Pipeline
from hugginggpt.planning import parse_plan
from hugginggpt.types import FinalAnswer, Request

PLAN = (
    '[{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "a long text"}},'
    ' {"task": "translation", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0"}}]'
)


@pytest.fixture
def hf():
    with FakeHF() as server:
        server.hub_models = [
            hub_model("live/summarizer", "summarization", downloads=5000),
            hub_model("live/translator", "translation", downloads=7000),
        ]
        server.set("live/summarizer", json_reply([{"summary_text": "short"}]))
        server.set("live/translator", json_reply([{"translation_text": "court"}]))
        yield server


def test_plan_tasks_are_listed_live_once_then_served_from_cache(hf, tmp_path):
    config = Config(mode="remote", hf_token="hf_t", hf_base_url=hf.url, llm_as_expert=False)
    catalog = HubCatalog(endpoint=hf.url, cache_dir=tmp_path, token="hf_t", fetch=False)
    pipeline = Pipeline(config, backends=[HFInferenceBackend(config, catalog)])

    first = pipeline.answer(Request("summarize then translate", plan=parse_plan(PLAN)))
    assert isinstance(first, FinalAnswer)
    assert first.trace["catalog"] == {"summarization": "hub", "translation": "hub"}
    assert first.trace["choices"]["1"]["model"] == "live/translator"
    assert first.trace["results"]["1"]["outputs"]["text"] == "court"
    listed = len(hf.calls(prefix="/api/models"))
    assert listed == 2  # one listing per task type of the plan

    second = pipeline.answer(Request("again", plan=parse_plan(PLAN)))
    assert second.trace["catalog"] == {"summarization": "hub", "translation": "hub"}
    assert len(hf.calls(prefix="/api/models")) == listed  # cached: no Hub call


def test_hub_failure_falls_back_to_the_snapshot_and_says_so(hf, tmp_path):
    from fake_hf_server import error_reply

    hf.hub_reply = error_reply(500, "the Hub is down")
    config = Config(mode="remote", hf_token="hf_t", hf_base_url=hf.url, llm_as_expert=False)
    catalog = HubCatalog(endpoint=hf.url, cache_dir=tmp_path, token="hf_t", fetch=False)
    pipeline = Pipeline(config, backends=[HFInferenceBackend(config, catalog)])
    final = pipeline.answer(Request("summarize", plan=parse_plan(PLAN)))
    assert final.trace["catalog"] == {"summarization": "snapshot", "translation": "snapshot"}
    # snapshot models are not served by the fake: the tasks fail cleanly, the run still answers
    assert isinstance(final, FinalAnswer) and final.trace["results"]["0"]["status"] == "failed"
