"""The embedded planner: a request becomes a task plan without any LLM, by goals and types.

`clauses` cuts the request, `reading` reads each clause into the goals it asks for (the words that name
a goal, else its meaning by MiniLM), `compose` gives each goal the thing it works on and the task that
does it on that kind of thing through the conversions the capability map can run, and `planner` returns
a typed `Plan` that also names the parts it could not plan. `goals` is the one table of what can be
asked; `inputs` and `args` read files, quotes, questions, descriptions and instructions.
"""

from __future__ import annotations

from .planner import GoalPlanner, Reading

EmbeddedPlanner = GoalPlanner
OfflinePlanner = GoalPlanner  # the name tests, benchmarks and the orchestrator used first

__all__ = ["EmbeddedPlanner", "GoalPlanner", "OfflinePlanner", "Reading"]
