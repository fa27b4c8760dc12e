"""Benchmarks: each module here has ``run() -> dict[str, float | int]``."""
