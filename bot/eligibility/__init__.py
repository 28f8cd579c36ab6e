"""The eligibility core: the facts (one definition each, facts.toml), the profile built from them,
the rules (corpus/rules/<doc>.toml) and the three-valued engine, and report.py, the one place verdicts
are put into words. Depends on corpus only."""
