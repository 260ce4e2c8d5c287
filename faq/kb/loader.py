"""Loading a knowledge base folder into the model, with precise problems.

Every problem names the file (as the user would type it) and a 1-based line, says
what is wrong and what was expected. Each kind of file has its reader (`entry_file`,
`flow_file`, `vocabulary_file`, `config_file`, all on `reader.FieldReader`); rules
across files live in `faq.kb.validate`, the interface texts and word lists of the
product in `faq.kb.text_files`.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from faq.errors import KnowledgeBaseError, Problem
from faq.kb.config_file import CONFIG_FILE, read_config
from faq.kb.entry_file import read_entry
from faq.kb.files import BUNDLED_KB, kb_files, seed_file, shown_path
from faq.kb.flow_file import read_flow
from faq.kb.model import Entry, Flow, KbConfig, KnowledgeBase, Vocabulary
from faq.kb.reader import FieldReader, kind_of
from faq.kb.vocabulary_file import read_vocabulary
from faq.kb.yamlsource import LDict, read_yaml

__all__ = [
    "BUNDLED_KB",
    "check_knowledge_base",
    "kb_files",
    "load_knowledge_base",
    "parse_knowledge_base",
    "read_seed",
    "shown_path",
]


def _root_problem(root: Path) -> Problem | None:
    shown = shown_path(root)
    if not root.exists():
        return Problem(shown, None, "knowledge base folder does not exist (expected a folder with entries/ and flows/)")
    if not root.is_dir():
        return Problem(shown, None, "is not a folder (expected a knowledge base folder with entries/ and flows/)")
    entries = root / "entries"
    if not entries.is_dir():
        return Problem(shown_path(entries), None, "folder is missing (expected entries/<id>.yaml files)")
    for folder in (entries, root / "flows"):
        if folder.exists():
            try:
                os.listdir(folder)
            except OSError as exc:
                return Problem(shown_path(folder), None, f"cannot list the folder: {exc.strerror or exc} (expected a readable folder)")
    return None


def read_seed(root: Path) -> tuple[str | None, str]:
    """Return the seed text a knowledge base's sources quote (None when unreadable) and its path as shown."""
    path = seed_file(root)
    try:
        return path.read_text(encoding="utf-8"), shown_path(path)
    except (OSError, UnicodeDecodeError):
        return None, shown_path(path)


def _parse(root: Path) -> tuple[KnowledgeBase | None, list[Problem], set[str], bool]:
    """Read every file; return the knowledge base of what loaded, the problems,
    the ids of entries and flows whose file did not load, and whether a file was unusable."""
    root_problem = _root_problem(root)
    if root_problem is not None:
        return None, [root_problem], set(), True
    problems: list[Problem] = []
    entries: list[Entry] = []
    flows: list[Flow] = []
    unloaded: set[str] = set()
    vocabulary = Vocabulary()
    config = KbConfig()
    digest = hashlib.sha256()
    unusable = False
    for path in kb_files(root):
        shown = shown_path(path)
        data, raw, found = read_yaml(path, shown)
        digest.update(path.parent.name.encode() + b"/" + path.name.encode() + b"\0" + raw + b"\0")
        problems.extend(found)
        top_level = path.parent == root  # vocabulary.yaml or config.yaml
        if data is None:
            unusable = True
            if not top_level:
                unloaded.add(path.stem)
            continue
        reader = FieldReader(shown)
        if not isinstance(data, LDict):
            reader.problem(getattr(data, "line", 1), f"the file must hold a mapping of fields, not {kind_of(data)}")
            unloaded.add(path.stem)
        elif top_level and path.name == CONFIG_FILE:
            config = read_config(reader, data)
        elif top_level:
            vocabulary = read_vocabulary(reader, data)
        elif path.parent.name == "entries":
            entry = read_entry(reader, data, path.stem)
            if entry is None:
                unloaded.update({path.stem, str(data.get("id"))})
            else:
                entries.append(entry)
        else:
            flow = read_flow(reader, data, path.stem)
            if flow is None:
                unloaded.update({path.stem, str(data.get("id"))})
            else:
                flows.append(flow)
        problems.extend(reader.problems)
    if not entries and not unloaded and not unusable:
        problems.append(Problem(shown_path(root / "entries"), None, "holds no entries (expected entries/<id>.yaml files)"))
    kb = KnowledgeBase(tuple(entries), tuple(flows), vocabulary, str(root), digest.hexdigest(), config)
    return kb, problems, unloaded, unusable


def parse_knowledge_base(root: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read every file of a knowledge base folder.

    Returns:
        The knowledge base (None when the folder or a file could not be read at all)
        and every problem of shape found in its files. Rules across files are in
        `faq.kb.validate`.
    """
    kb, problems, _, unusable = _parse(Path(root))
    return (None if unusable else kb), problems


def check_knowledge_base(root: Path | str = BUNDLED_KB) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read and validate a knowledge base folder; never raises for bad content.

    Cross-file rules run even when some files are broken; references to entries or
    flows whose file did not load are not reported a second time.

    Returns:
        The knowledge base of what loaded (None when the folder itself is unusable)
        and every problem found, shape and cross-file, in file order.
    """
    from faq.kb.validate import validate

    kb, problems, unloaded, _ = _parse(Path(root))
    if kb is not None:
        problems.extend(validate(kb, unloaded=unloaded, seed=read_seed(Path(root))))
    return kb, problems


def load_knowledge_base(root: Path | str = BUNDLED_KB) -> KnowledgeBase:
    """Load and validate a knowledge base folder.

    Raises:
        KnowledgeBaseError: with every problem found, when there is any.
    """
    kb, problems = check_knowledge_base(root)
    if problems or kb is None:
        raise KnowledgeBaseError(problems)
    return kb
