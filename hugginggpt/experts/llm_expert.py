"""The controller LLM as an expert for language tasks, as in HuggingGPT."""

from __future__ import annotations

from typing import Any

from ..llm.base import ChatModel, LLMError
from ..tasks import TASKS, get
from ..types import Task
from .base import BackendKind, Expert, ExpertBackend, ExpertContext, ExpertError, register_kind

# the tasks a chat LLM can do from text alone: the `llm_servable` fact of each task type
LANGUAGE_TASKS = tuple(name for name, t in TASKS.items() if t.llm_servable)

_INSTRUCTIONS = {
    "summarization": "Summarize the text in a few sentences.",
    "translation": "Translate the text as asked (into English if no language is named). Reply with the translation.",
    "question-answering": "Answer the question from the context. Reply with the answer only.",
    "conversational": "Reply to the message.",
    "text-generation": "Write what is asked, or continue the text.",
    "text2text-generation": "Do what the text asks. Reply with the result only.",
    "token-classification": "List the named entities in the text, one per line as 'entity: type'.",
    "text-classification": (
        "Classify the text as asked (by sentiment if no labels are given); with labels, pick one of them. "
        "Reply with the label only."
    ),
}


class LLMExpert(Expert):
    backend = "llm"

    def __init__(self, llm: ChatModel):
        super().__init__(
            llm.name,
            LANGUAGE_TASKS,
            description=f"the controller LLM ({llm.name}), able to do language tasks itself",
        )
        self.llm = llm

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        body = "\n".join(f"{name}: {value}" for name, value in inputs.items())
        messages = [
            {"role": "system", "content": f"You are an expert for the task {task.task}: {get(task.task).description}."},
            {"role": "user", "content": f"{_INSTRUCTIONS[task.task]}\n\n{body}"},
        ]
        try:
            text = self.llm.complete(messages).text.strip()
        except LLMError as e:
            raise ExpertError(str(e)) from e
        if not text:
            raise ExpertError(f"the LLM {self.model} returned an empty reply")
        return {"text": text}


class LLMBackend(ExpertBackend):
    """Offers the controller LLM for language tasks; ranked between embedded and remote models."""

    name = "llm"
    priority = 20

    def __init__(self, llm: ChatModel):
        self.expert = LLMExpert(llm)

    def experts(self, task: str) -> list[Expert]:
        return [self.expert] if task in LANGUAGE_TASKS else []


register_kind(BackendKind("llm", needs="llm", offers=lambda task: task in LANGUAGE_TASKS))
