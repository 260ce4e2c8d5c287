"""The README's figures are spliced in by the benchmark run, between its markers."""

from benchmarks.run import README_END, README_START, readme_figures, splice_readme


def test_splice_replaces_only_between_the_markers():
    readme = f"intro\n{README_START}\n- old figure\n{README_END}\nafter"
    out = splice_readme(readme, "- new figure")
    assert out == f"intro\n{README_START}\n- new figure\n{README_END}\nafter"


def test_splice_leaves_a_readme_without_markers_alone():
    assert splice_readme("no markers here", "- new") == "no markers here"


def test_figures_state_the_start_up_ratio_and_each_size():
    med = {"python -c 'import yaml'": 30.0, "python -c 'import yaml, rapidfuzz.process'": 40.0,
           "faqbot ask (one question)": 80.0, "faqbot ask --json (one question)": 70.0,
           "faqbot ask --json - (batch)": 71.0, "faqbot chat, first screen": 300.0}
    sets = ("dev", "questions_tune", "questions_long")
    q = {"faqbot (ours)": {"threshold": None, **{s: {"top1": 0.9, "abstain": 0.95, "wrong": 0.01} for s in sets}},
         "BM25": {"threshold": 0.5, **{s: {"top1": 0.5, "abstain": 0.4, "wrong": 0.3} for s in sets}}}
    rows = [{"size": 1000, "build_s": 2.0, "serve": {"median": 1.0, "p99": 4.0, "peak_mb": 100.0}}]
    text = readme_figures(q, rows, {"median_ms": med, "batch_n": 3})
    assert "**2.00×**" in text
    assert "0.50 ms a question after the first" in text
    assert "1,000 entries: 1.00 / 4.00 ms" in text
    assert "BM25" in text
