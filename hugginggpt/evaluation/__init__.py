"""Quick qualitative evaluation: a file of cases, each run under several configurations, one report.

    python -m hugginggpt eval CASES.jsonl --config offline --config hybrid+openai:gpt-4.1-mini --out DIR

cases.py loads and checks the cases, configs.py turns configuration names (and a config file) into
`Config`s, checks.py judges a run against a case's expectations, runner.py runs every case under every
configuration (bounded, timed, interruptible), report.py writes report.json and html.py report.html.
"""
