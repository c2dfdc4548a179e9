"""Candidate ranking, one batched LLM call for the whole plan, and the fallbacks."""

from __future__ import annotations

from fakes import ScriptedChatModel, TimedExpert

from hugginggpt.llm.base import LLMError
from hugginggpt.planning import validate
from hugginggpt.selection import parse_choices, rank, score, select
from hugginggpt.types import ModelInfo, Task

PLAN = validate(
    [
        {"id": 0, "task": "translation", "args": {"text": "Translate to French: hello"}, "dep": -1},
        {"id": 1, "task": "summarization", "args": {"text": "long text"}, "dep": -1},
        {"id": 2, "task": "text-to-video", "args": {"text": "a cat"}, "dep": -1},
    ]
)


def experts():
    return {
        0: [
            TimedExpert("big/en-de", ("translation",), downloads=900_000, description="English to German"),
            TimedExpert("small/en-fr", ("translation",), downloads=50_000, description="English to French translation"),
            TimedExpert("tiny/en-es", ("translation",), downloads=10, description="English to Spanish"),
        ],
        1: [
            TimedExpert("a/sum", ("summarization",), downloads=1000, likes=10),
            TimedExpert("b/sum", ("summarization",), downloads=100_000, likes=500),
        ],
        2: [TimedExpert("only/video", ("text-to-video",))],
    }


def ranked():
    by_id = PLAN.by_id()
    return {tid: rank(by_id[tid], es, lambda b: 50) for tid, es in experts().items()}


def test_rank_by_popularity_and_relevance():
    r = ranked()
    assert [e.model for e in r[1]] == ["b/sum", "a/sum"]
    t = Task(0, "translation", {"text": "Translate to French: hello"})
    fr = ModelInfo("x/en-fr", "translation", downloads=50_000, description="English to French translation")
    de = ModelInfo("x/en-de", "translation", downloads=50_000, description="English to German")
    assert score(t, fr) > score(t, de)


def test_rank_puts_preferred_backends_first():
    local = TimedExpert("local", ("summarization",))
    local.backend = "embedded"
    remote = TimedExpert("remote", ("summarization",), downloads=10**9)
    order = rank(Task(0, "summarization", {"text": "x"}), [remote, local], {"embedded": 10, "test": 30}.get)
    assert [e.model for e in order] == ["local", "remote"]


def test_reason_says_why_a_backend_came_first():
    local = TimedExpert("local", ("summarization",))
    local.backend = "embedded"
    remote = TimedExpert("remote", ("summarization",), downloads=10**9)
    plan = validate([{"id": 0, "task": "summarization", "args": {"text": "x"}, "dep": -1}])
    order = rank(plan.tasks[0], [remote, local], {"embedded": 10, "test": 30}.get)
    choice = select("x", plan, {0: order}, llm=None)[0]
    assert choice.model == "local"
    assert choice.reason == "top-ranked: embedded models come before test ones in this mode"
    assert [c.id for c in choice.candidates] == ["local", "remote"]


def test_a_sole_candidate_says_what_it_is_not_just_that_it_is_alone():
    ocr = TimedExpert("rapidocr/x", ("image-to-text",), description="RapidOCR: reads printed text in images. More.")
    ocr.backend = "embedded"
    plan = validate([{"id": 0, "task": "image-to-text", "args": {"image": "a.png"}, "dep": -1}], ["a.png"])
    choice = select("read a.png", plan, {0: [ocr]}, llm=None)[0]
    assert choice.reason == "the only offline model for this task (RapidOCR)"
    remote = TimedExpert("org/model", ("image-to-text",), description="A captioner trained on COCO. It is small.")
    choice = select("read a.png", plan, {0: [remote]}, llm=None)[0]
    assert choice.reason == "the only model for this task (A captioner trained on COCO)"


def test_one_batched_call_for_all_tasks_with_choices():
    llm = ScriptedChatModel(
        '{"0": {"id": "small/en-fr", "reason": "it translates into French"}, "1": {"id": "a/sum", "reason": "fine"}}'
    )
    choices = select("translate and summarize", PLAN, ranked(), llm, top_k=2)
    assert len(llm.history) == 1
    prompt = llm.history[0][-1]["content"]
    assert "Task 0: translation" in prompt and "Task 1: summarization" in prompt
    assert "Task 2" not in prompt  # one candidate: no question to ask
    assert "tiny/en-es" not in prompt  # only the top 2 are shown
    assert choices[0].model == "small/en-fr" and choices[0].reason == "it translates into French"
    assert [c.id for c in choices[0].candidates][0] == "small/en-fr"
    assert len(choices[0].candidates) == 3  # the whole ranked list stays for fallback
    assert choices[2].model == "only/video" and "only model" in choices[2].reason


def test_no_call_when_no_task_has_a_choice():
    llm = ScriptedChatModel()
    plan = validate([{"id": 0, "task": "text-to-video", "args": {"text": "a cat"}, "dep": -1}])
    choices = select("video", plan, {0: experts()[2]}, llm)
    assert llm.history == [] and choices[0].model == "only/video"


def test_no_call_when_config_says_so():
    llm = ScriptedChatModel()
    choices = select("x", PLAN, ranked(), llm, llm_selects=False)
    assert llm.history == []
    assert choices[1].model == "b/sum" and "top-ranked" in choices[1].reason


def test_unusable_reply_falls_back_to_top_ranked_with_reason():
    llm = ScriptedChatModel('{"0": {"id": "made-up/model", "reason": "trust me"}, "1": "a/sum"}')
    choices = select("x", PLAN, ranked(), llm)
    assert choices[0].model == "big/en-de"
    assert (
        choices[0].reason == "the LLM's choice was unusable; took the top-ranked by downloads (900,000) and likes (0)"
    )
    assert choices[1].model == "a/sum"


def test_llm_failure_falls_back_with_reason():
    llm = ScriptedChatModel(LLMError("The LLM server failed (HTTP 500): try again later."))
    choices = select("x", PLAN, ranked(), llm)
    assert choices[1].model == "b/sum"
    assert "HTTP 500" in choices[1].reason and "top-ranked" in choices[1].reason


def test_parse_choices_tolerates_formats():
    short = {0: [ModelInfo("Org/Model-A", "translation"), ModelInfo("org/model-b", "translation")]}
    assert parse_choices('```json\n{"0": {"id": "org/model-a", "reason": "r"}}\n```', short)[0][0].id == "Org/Model-A"
    assert parse_choices('[{"task_id": "0", "id": "model-b", "reason": "r"}]', short)[0][0].id == "org/model-b"
    assert parse_choices("I pick model b", short) == {}
