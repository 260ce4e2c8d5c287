"""`faqbot check [--kb DIR]`: validate a knowledge base.

Checks the folder's entries, flows, vocabulary and configuration, and its word lists
(`language/`) and interface texts (`ui/`) when it has them.

Exit 0 with one summary line on stdout when the knowledge base is sound; else one
`file:line: message` line per problem on stderr, a count line, and exit 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from faq.errors import EXIT_INPUT, EXIT_OK, Problem
from faq.kb.loader import BUNDLED_KB, check_knowledge_base, shown_path
from faq.kb.text_files import check_text_files
from faq.language.catalogue import tr

__all__ = ["run"]



def _order(problem: Problem) -> tuple[str, int]:
    return (problem.file, problem.line or 0)


_LANG = "en"  # the command line reports in English


def _count(count: int, one: str, many: str) -> str:
    return tr(_LANG, f"cli_count_{one if count == 1 else many}", count=count)


def run(args: argparse.Namespace) -> int:
    """Check `args.kb` (or the bundled knowledge base) and report; return the exit status."""
    root = Path(args.kb) if getattr(args, "kb", None) else BUNDLED_KB
    shown = shown_path(root).rstrip("/") + "/"
    kb, problems = check_knowledge_base(root)
    problems += check_text_files(root)
    if problems or kb is None:
        seen: set[str] = set()
        for problem in sorted(problems, key=_order):
            line = " ".join(str(problem).split())  # one line each, whatever the message holds
            if line not in seen:
                seen.add(line)
                print(line, file=sys.stderr)
        try:
            summary = tr(_LANG, "cli_check_problems", problems=_count(len(seen), "problem", "problems"), folder=shown)
        except (ValueError, KeyError):  # the interface texts themselves are broken (listed above)
            summary = f"faqbot: {len(seen)} problem(s) in {shown}"
        print(summary, file=sys.stderr)
        return EXIT_INPUT
    print(tr(_LANG, "cli_check_sound", entries=_count(len(kb.entries), "entry", "entries"), flows=_count(len(kb.flows), "flow", "flows"), folder=shown))
    return EXIT_OK
