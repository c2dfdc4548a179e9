"""Chat-model backends: the controller LLM (OpenAI-compatible) and the embedded planner."""
