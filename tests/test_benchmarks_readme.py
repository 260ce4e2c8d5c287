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


def test_startup_only_replaces_the_start_up_figures_and_nothing_else():
    from benchmarks.run import splice_startup

    med = {"python -c 'import yaml'": 30.0, "python -c 'import yaml, rapidfuzz.process'": 40.0,
           "faqbot ask (one question)": 60.0, "faqbot ask --json (one question)": 50.0,
           "faqbot ask --json - (batch)": 60.0, "faqbot chat, first screen": 300.0}
    st = {"median_ms": med, "cpu_ms": {k: v - 5 for k, v in med.items()}, "repeat": 15, "batch_n": 21,
          "sentence": "the new sentence."}
    doc = ("# Benchmarks\n\n## Quality\n\nSpeed (old): 9.99×.\n\nkept\n\n## Start-up\n\nold table\n\n"
           "## Triage throughput\n\nkept too\n")
    readme = "intro\n- `faqbot ask` one question: 92 ms, **1.58×** old.\n- The chat's first screen: 387 ms.\n"
    new_doc, new_readme = splice_startup(doc, readme, st)
    assert "Speed: the new sentence." in new_doc and "9.99" not in new_doc and "old table" not in new_doc
    assert "| `faqbot ask (one question)` | 60 | 2.00 | 1.50 | 55 |" in new_doc
    assert new_doc.endswith("the new sentence.\n\nRe-timed alone (`python -m benchmarks.run --startup-only`), later than "
                            "the rest of this page.\n\n## Triage throughput\n\nkept too\n") and "kept\n" in new_doc
    assert "**1.50×**" in new_readme and "with `--json` 1.25×" in new_readme and "0.50 ms a question" in new_readme
    assert new_readme.endswith("- The chat's first screen: 387 ms.\n") and "92 ms" not in new_readme
