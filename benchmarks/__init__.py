"""Benchmarks of faqbot: `python -m benchmarks.run` (see docs/benchmarks.md)."""
