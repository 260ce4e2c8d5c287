"""`faqbot check`: a corpus of broken knowledge bases, each derived from kb_min.

Each case copies tests/fixtures/kb_min into tmp_path, applies one mutation, runs
`faqbot check --kb kb` from tmp_path and expects exit 2, the exact `file:line:` and
a phrase of the message, and no traceback.

Flow cycles: the format cannot express one. A flow has facts and causes and no
step that leads to another flow or back; `fallback` names a cause of the same
flow. The closest things are tested instead: entries that name each other in
`related` (a cycle that is fine; kb_min has one) and an entry whose `flow` is a
flow that belongs to another entry.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli.main import main

HERE = Path(__file__).resolve().parent
KB_MIN = HERE / "fixtures" / "kb_min"
BROKEN = HERE / "fixtures" / "broken"
ENTRY = "entries/activation-email-missing.yaml"
OTHER = "entries/resend-activation-email.yaml"
FLOW = "flows/missing-activation-email.yaml"
VOCAB = "vocabulary.yaml"


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """Return the 1-based line of the `nth` line of `path` that contains `needle`."""
    hits = [i for i, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in text]
    assert len(hits) >= nth, f"{needle!r} not in {path}"
    return hits[nth - 1]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_check(kb: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["check", "--kb", kb])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def kb(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of kb_min at tmp_path/kb, with tmp_path as the current folder."""
    root = tmp_path / "kb"
    shutil.copytree(KB_MIN, root)
    monkeypatch.chdir(tmp_path)
    return root


def assert_problem(capsys: pytest.CaptureFixture[str], file: str, line: int | None, phrase: str) -> str:
    code, out, err = run_check("kb", capsys)
    assert code == 2, (out, err)
    assert "Traceback" not in err and "internal error" not in err, err
    where = f"kb/{file}:{line}: " if line is not None else f"kb/{file}: "
    lines = err.splitlines()
    assert any(text.startswith(where) and phrase in text for text in lines), f"wanted {where}...{phrase}\n{err}"
    assert lines[-1].startswith("faqbot: ") and " problem" in lines[-1] and "kb/" in lines[-1]
    assert out == ""
    return err


def test_kb_min_is_sound(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(HERE.parent)
    code, out, err = run_check("tests/fixtures/kb_min", capsys)
    assert (code, err) == (0, "")
    assert out == "Knowledge base sound: 2 entries, 1 flow (tests/fixtures/kb_min/)\n"


def test_related_cycle_is_fine(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """kb_min's two entries name each other in `related`: a cycle, and no problem."""
    assert "resend-activation-email" in (kb / ENTRY).read_text()
    assert "activation-email-missing" in (kb / OTHER).read_text().split("related:")[1]
    code, out, _ = run_check("kb", capsys)
    assert code == 0 and out.startswith("Knowledge base sound: 2 entries, 1 flow (kb/)")


def test_absolute_path_under_cwd_is_shown_relative(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace(kb / ENTRY, "flow: missing-activation-email", "flow: nowhere")
    code, _, err = run_check(str(kb.resolve()), capsys)
    assert code == 2
    assert err.startswith(f"kb/{ENTRY}:"), err


# --- one mutation each: (name, mutate(kb) -> (file, line, phrase)) ------------------------

Mutation = Callable[[Path], tuple[str, "int | None", str]]


def _syntax_error(kb: Path) -> tuple[str, int, str]:
    replace(kb / ENTRY, 'de: "Ich habe keine', "de: Frage: Ich habe keine")
    return ENTRY, line_of(kb / ENTRY, "de: Frage: Ich"), "YAML syntax error: mapping values are not allowed"


def _unclosed_quote(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '"Mail erneut senden"', '"Mail erneut senden')
    return OTHER, line_of(kb / OTHER, "Mail erneut senden"), "YAML syntax error"


def _unclosed_bracket(kb: Path) -> tuple[str, int, str]:
    replace(kb / VOCAB, "[konto, tenant, account]", "[konto, tenant, account")
    return VOCAB, line_of(kb / VOCAB, "compounds:"), "YAML syntax error"


def _tab_indent(kb: Path) -> tuple[str, int, str]:
    replace(kb / ENTRY, '  en: "Activation email not received"', '\ten: "Activation email not received"')
    return ENTRY, line_of(kb / ENTRY, "Activation email not received"), "tab used for indentation (expected spaces)"


def _title_is_text(kb: Path) -> tuple[str, int, str]:
    text = (kb / ENTRY).read_text()
    start = text.index("title:")
    end = text.index("question:")
    (kb / ENTRY).write_text(text[:start] + 'title: "Aktivierungsmail"\n' + text[end:])
    return ENTRY, 2, "'title' must be a mapping, not a text"


def _paraphrases_not_list(kb: Path) -> tuple[str, int, str]:
    text = (kb / OTHER).read_text()
    start = text.index("  en:\n    - \"resend")
    end = text.index("answer:")
    (kb / OTHER).write_text(text[:start] + '  en: "resend activation email"\n' + text[end:])
    return OTHER, line_of(kb / OTHER, 'en: "resend activation email"'), "'paraphrases.en' must be a list of texts, not a text"


def _cost_not_number(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "cost: 1", "cost: high")
    return FLOW, line_of(kb / FLOW, "cost: high"), "'cost' must be a whole number"


def _paraphrase_is_yes(kb: Path) -> tuple[str, int, str]:
    replace(kb / ENTRY, '- "never got the activation mail"', "- yes")
    return ENTRY, line_of(kb / ENTRY, "    - yes"), "item 2 of 'paraphrases.en' must be a text, not yes/no"


def _unknown_fact_type(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "type: yesno", "type: boolean")
    return FLOW, line_of(kb / FLOW, "type: boolean"), "unknown fact type 'boolean' (expected one of yesno"


def _unknown_contact_kind(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "contact_kind: support", "contact_kind: helpdesk")
    return FLOW, line_of(kb / FLOW, "helpdesk"), "unknown contact_kind 'helpdesk'"


def _duplicate_id_other_file(kb: Path) -> tuple[str, int, str]:
    shutil.copy(kb / OTHER, kb / "entries" / "resend-activation-email.yml")
    return "entries/resend-activation-email.yml", 1, "duplicate entry id 'resend-activation-email' (also in kb/entries/resend-activation-email.yaml:1"


def _id_differs_from_file(kb: Path) -> tuple[str, int, str]:
    shutil.copy(kb / OTHER, kb / "entries" / "copy.yaml")
    return "entries/copy.yaml", 1, "id 'resend-activation-email' differs from the file name (expected 'copy')"


def _duplicate_key(kb: Path) -> tuple[str, int, str]:
    (kb / OTHER).write_text((kb / OTHER).read_text() + "related: []\n")
    first = line_of(kb / OTHER, "related:")
    return OTHER, line_of(kb / OTHER, "related:", 2), f"key 'related' appears twice in one mapping (first on line {first})"


def _dangling_related(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, "  - activation-email-missing", "  - activation-mail-missing")
    return OTHER, line_of(kb / OTHER, "- activation-mail-missing"), "'related' names unknown entry 'activation-mail-missing'"


def _dangling_flow(kb: Path) -> tuple[str, int, str]:
    replace(kb / ENTRY, "flow: missing-activation-email", "flow: missing-activation-mail")
    return ENTRY, line_of(kb / ENTRY, "flow: missing"), "'flow' names unknown flow 'missing-activation-mail'"


def _dangling_flow_entry(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "entry: activation-email-missing", "entry: no-such-entry")
    return FLOW, line_of(kb / FLOW, "entry: no-such"), "flow 'missing-activation-email' names unknown entry 'no-such-entry'"


def _flow_of_another_entry(kb: Path) -> tuple[str, int, str]:
    """Closest to a flow cycle: entry -> flow -> a different entry."""
    (kb / OTHER).write_text((kb / OTHER).read_text() + "flow: missing-activation-email\n")
    return OTHER, line_of(kb / OTHER, "flow: missing"), "'flow' names flow 'missing-activation-email', whose entry is 'activation-email-missing'"


def _flow_not_started_by_its_entry(kb: Path) -> tuple[str, int, str]:
    replace(kb / ENTRY, "flow: missing-activation-email\n", "")
    return FLOW, line_of(kb / FLOW, "entry:"), "entry 'activation-email-missing' has no 'flow', not this one"


def _dangling_fallback(kb: Path) -> tuple[str, int, str]:
    (kb / FLOW).write_text((kb / FLOW).read_text() + "fallback: no-such-cause\n")
    return FLOW, line_of(kb / FLOW, "fallback:"), "'fallback' names unknown cause 'no-such-cause'"


def _unknown_fact_in_when(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "when: {email_received: false}", "when: {mail_received: false}")
    return FLOW, line_of(kb / FLOW, "when:"), "cause 'email-not-sent' tests unknown fact 'mail_received'"


def _related_self(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, "  - activation-email-missing", "  - resend-activation-email")
    return OTHER, line_of(kb / OTHER, "  - resend-activation-email"), "'related' names the entry itself"


def _huge_file(kb: Path) -> tuple[str, int, str]:
    with (kb / OTHER).open("a", encoding="utf-8") as fh:
        fh.write(("# " + "x" * 98 + "\n") * 25_000)
    return OTHER, 1, "file is too large"


def _invalid_utf8(kb: Path) -> tuple[str, int, str]:
    line = line_of(kb / ENTRY, "Ich habe keine")
    data = (kb / ENTRY).read_bytes().replace(b"Ich habe keine", b"Ich habe \xff keine")
    (kb / ENTRY).write_bytes(data)
    return ENTRY, line, "invalid UTF-8 (byte 0xFF"


def _latin1(kb: Path) -> tuple[str, int, str]:
    line = line_of(kb / OTHER, "können")
    (kb / OTHER).write_bytes((kb / OTHER).read_text(encoding="utf-8").encode("latin-1"))
    return OTHER, line, "invalid UTF-8 (byte 0xF6"


def _control_char(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, "Mail erneut senden", "Mail erneut\x07 senden")
    return OTHER, line_of(kb / OTHER, "Mail erneut"), "control character U+0007"


def _bidi_char(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "Ursache unklar", "Ursache \u202eunklar")
    return FLOW, line_of(kb / FLOW, "Ursache"), "control character U+202E"


def _nul_bytes(kb: Path) -> tuple[str, int, str]:
    (kb / "entries" / "zeros.yaml").write_bytes(b"id: zeros\n" + b"\0" * 50)
    return "entries/zeros.yaml", 2, "control character U+0000"


def _empty_file(kb: Path) -> tuple[str, int, str]:
    (kb / "entries" / "empty.yaml").write_bytes(b"")
    return "entries/empty.yaml", 1, "the file is empty (expected a mapping"


def _comments_only(kb: Path) -> tuple[str, int, str]:
    (kb / FLOW).write_text("# nothing here yet\n")
    return FLOW, 1, "the file is empty"


def _list_not_mapping(kb: Path) -> tuple[str, int, str]:
    (kb / "entries" / "listed.yaml").write_text("# a list\n- id: listed\n- title: x\n")
    return "entries/listed.yaml", 2, "the file must hold a mapping of fields, not a list"


def _scalar_file(kb: Path) -> tuple[str, int, str]:
    (kb / VOCAB).write_text("just some words\n")
    return VOCAB, 1, "the file must hold a mapping of fields, not a text"


def _unknown_field(kb: Path) -> tuple[str, int, str]:
    (kb / OTHER).write_text((kb / OTHER).read_text() + "colour: red\n")
    return OTHER, line_of(kb / OTHER, "colour:"), "unknown field 'colour' in an entry (expected one of id, title"


def _unknown_field_in_fact(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "    cost: 1\n", "    cost: 1\n    weight: 2\n")
    return FLOW, line_of(kb / FLOW, "weight:"), "unknown field 'weight' in a fact"


def _unknown_vocabulary_field(kb: Path) -> tuple[str, int, str]:
    (kb / VOCAB).write_text((kb / VOCAB).read_text() + "synonym:\n  - [a, b]\n")
    return VOCAB, line_of(kb / VOCAB, "synonym:"), "unknown field 'synonym' in the vocabulary"


def _unreadable_directory(kb: Path) -> tuple[str, int, str]:
    (kb / "entries" / "x.yaml").mkdir()
    return "entries/x.yaml", 1, "cannot read the file"


def _missing_language(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '  en: "How do I resend the activation email?"\n', "")
    return OTHER, line_of(kb / OTHER, "question:") + 1, "'question' has no 'en' text (expected both de and en)"


def _unknown_language(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '  en: "Resend the activation email"', '  fr: "Renvoyer"')
    return OTHER, line_of(kb / OTHER, "fr:"), "'title' has unknown language 'fr'"


def _missing_field(kb: Path) -> tuple[str, int, str]:
    text = (kb / OTHER).read_text()
    (kb / OTHER).write_text(text[: text.index("answer:")] + text[text.index("related:"):])
    return OTHER, 1, "missing 'answer'"


def _empty_answer_list(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '  en:\n    - text: "You can resend the activation email in VLSC."', "  en: []")
    return OTHER, line_of(kb / OTHER, "en: []"), "'answer.en' is empty (expected at least one block)"


def _empty_answer_text(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '- text: "In VLSC können Sie die Aktivierungsmail erneut senden."', '- text: "  "')
    return OTHER, line_of(kb / OTHER, 'text: "  "'), "is empty (expected a text)"


def _empty_answer_null(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '- text: "In VLSC können Sie die Aktivierungsmail erneut senden."', "- text:")
    return OTHER, line_of(kb / OTHER, "- text:", 1), "'text' in block 1 of 'answer.de' is empty (expected a text)"


def _empty_steps(kb: Path) -> tuple[str, int, str]:
    text = (kb / ENTRY).read_text()
    start = text.index("    - steps:\n        - \"Sign in")
    end = text.index("related:")
    (kb / ENTRY).write_text(text[:start] + "    - steps: []\n" + text[end:])
    return ENTRY, line_of(kb / ENTRY, "steps: []"), "is empty (expected at least one text)"


def _unknown_block(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '- text: "You can', '- warning: "You can')
    return OTHER, line_of(kb / OTHER, "warning:"), "unknown block 'warning' in 'answer.en'"


def _same_paraphrase(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '"send the mail again"', '"Activation   Email MISSING"')
    return OTHER, line_of(kb / OTHER, "Activation   Email"), "also on entry 'activation-email-missing'"


def _too_few_paraphrases(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, '    - "Aktivierungslink neu anfordern"\n', "")
    return OTHER, line_of(kb / OTHER, "  de:", 3), "has 2 paraphrases in 'de' (expected at least 3)"


def _bad_id(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, "id: resend-activation-email", "id: Resend_Activation")
    return OTHER, 1, "entry id 'Resend_Activation' is not valid"


def _alias(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, 'title:\n  de: "Aktivierungsmail erneut senden"', 'title: &t\n  de: "Aktivierungsmail erneut senden"')
    replace(kb / OTHER, "question:\n", "question: *t\n")
    text = (kb / OTHER).read_text()
    start = text.index("question: *t\n") + len("question: *t\n")
    (kb / OTHER).write_text(text[:start] + text[text.index("paraphrases:"):])
    return OTHER, line_of(kb / OTHER, "question: *t"), "aliases ('*name') are not supported"


def _billion_laughs(kb: Path) -> tuple[str, int, str]:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]")
    (kb / "entries" / "laughs.yaml").write_text("\n".join(lines) + "\n")
    return "entries/laughs.yaml", 2, "aliases ('*name') are not supported"


def _recursive_alias(kb: Path) -> tuple[str, int, str]:
    (kb / "entries" / "loop.yaml").write_text("id: loop\nrelated: &r [*r]\n")
    return "entries/loop.yaml", 2, "aliases ('*name') are not supported"


def _python_tag(kb: Path) -> tuple[str, int, str]:
    replace(kb / OTHER, 'de: "Wie sende', 'de: !!python/object/apply:os.system ["Wie sende')
    replace(kb / OTHER, 'erneut?"\n', 'erneut?"]\n')
    return OTHER, line_of(kb / OTHER, "!!python"), "tag '!!python/object/apply:os.system' is not supported"


def _two_documents(kb: Path) -> tuple[str, int, str]:
    (kb / FLOW).write_text((kb / FLOW).read_text() + "---\nid: again\n")
    return FLOW, line_of(kb / FLOW, "---"), "expected a single document"


def _deep_nesting(kb: Path) -> tuple[str, int, str]:
    (kb / "entries" / "deep.yaml").write_text("id: deep\nrelated: " + "[" * 200 + "]" * 200 + "\n")
    return "entries/deep.yaml", 2, "nested more than 64 levels deep"


def _synonym_group_of_one(kb: Path) -> tuple[str, int, str]:
    (kb / VOCAB).write_text((kb / VOCAB).read_text().replace("  - [konto, tenant, account]", "  - [konto]"))
    return VOCAB, line_of(kb / VOCAB, "[konto]"), "synonym group 2 has 1 word (expected at least two words)"


def _synonym_in_two_groups(kb: Path) -> tuple[str, int, str]:
    replace(kb / VOCAB, "[konto, tenant, account]", "[konto, tenant, mail]")
    return VOCAB, line_of(kb / VOCAB, "[konto"), "synonym 'mail' is already in the group on line 2"


def _choice_without_choices(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "type: yesno", "type: choice")
    return FLOW, line_of(kb / FLOW, "- id: email_received"), "a choice fact needs 'choices'"


# -- the fidelity rule: every cause, step and choice quotes the seed (source/seed.txt) --


def _cause_without_source(kb: Path) -> tuple[str, int, str]:
    text = (kb / FLOW).read_text(encoding="utf-8")
    start = text.index("    source:\n      when:")
    end = text.index("unresolved:")
    (kb / FLOW).write_text(text[:start] + text[end:], encoding="utf-8")
    return FLOW, line_of(kb / FLOW, "- id: email-not-sent"), "cause 'email-not-sent' has no 'source'"


def _unresolved_without_source(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, '  source:\n    resolution: "VLSC-Kunden können uns auch per Telefon oder Webformular kontaktieren."\n', "")
    return FLOW, line_of(kb / FLOW, "unresolved:"), "unresolved has no 'source'"


def _quote_not_in_seed(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, 'when: "Einige häufige Gründe,', 'when: "Einige seltene Gründe,')
    return FLOW, line_of(kb / FLOW, "when: \"Einige seltene"), "is not in the seed"


def _step_without_source(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, 'de: ["Senden Sie die Aktivierungsmail in VLSC erneut."]',
            'de: ["Senden Sie die Aktivierungsmail in VLSC erneut.", "Warten Sie drei Tage."]')
    replace(kb / FLOW, 'en: ["Resend the activation email in VLSC."]',
            'en: ["Resend the activation email in VLSC.", "Wait three days."]')
    return FLOW, line_of(kb / FLOW, "    source:"), "step 2 has no source"


def _quote_too_short(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, 'resolution: "VLSC-Kunden können uns auch per Telefon oder Webformular kontaktieren."',
            'resolution: "Kontaktaufnahme"')
    return FLOW, line_of(kb / FLOW, 'resolution: "Kontaktaufnahme"'), "too short"


def _choice_without_source(kb: Path) -> tuple[str, int, str]:
    replace(kb / FLOW, "    type: yesno\n", "    type: choice\n    choices:\n      - {id: ja, label: {de: Ja, en: 'Yes'}}\n")
    replace(kb / FLOW, "when: {email_received: false}", "when: {email_received: [ja]}")
    return FLOW, line_of(kb / FLOW, "- {id: ja"), "choice 'ja' of fact 'email_received' has no 'source'"


def _seed_missing(kb: Path) -> tuple[str, None, str]:
    (kb / "source" / "seed.txt").unlink()
    return "source/seed.txt", None, "cannot read the seed text"


MUTATIONS: dict[str, Mutation] = {
    "cause-without-source": _cause_without_source,
    "unresolved-without-source": _unresolved_without_source,
    "quote-not-in-seed": _quote_not_in_seed,
    "step-without-source": _step_without_source,
    "quote-too-short": _quote_too_short,
    "choice-without-source": _choice_without_source,
    "seed-missing": _seed_missing,
    "yaml-syntax-error": _syntax_error,
    "unclosed-quote": _unclosed_quote,
    "unclosed-bracket": _unclosed_bracket,
    "tab-indent": _tab_indent,
    "wrong-type-title-text": _title_is_text,
    "wrong-type-paraphrases-text": _paraphrases_not_list,
    "wrong-type-cost": _cost_not_number,
    "wrong-type-paraphrase-yes": _paraphrase_is_yes,
    "unknown-fact-type": _unknown_fact_type,
    "unknown-contact-kind": _unknown_contact_kind,
    "duplicate-id-other-file": _duplicate_id_other_file,
    "id-differs-from-file": _id_differs_from_file,
    "duplicate-key": _duplicate_key,
    "dangling-related": _dangling_related,
    "dangling-flow": _dangling_flow,
    "dangling-flow-entry": _dangling_flow_entry,
    "flow-of-another-entry": _flow_of_another_entry,
    "flow-not-started-by-its-entry": _flow_not_started_by_its_entry,
    "dangling-fallback": _dangling_fallback,
    "unknown-fact-in-when": _unknown_fact_in_when,
    "related-self": _related_self,
    "huge-file": _huge_file,
    "invalid-utf8": _invalid_utf8,
    "latin1-file": _latin1,
    "control-char": _control_char,
    "bidi-char": _bidi_char,
    "nul-bytes": _nul_bytes,
    "empty-file": _empty_file,
    "comments-only": _comments_only,
    "list-not-mapping": _list_not_mapping,
    "scalar-file": _scalar_file,
    "unknown-field": _unknown_field,
    "unknown-field-in-fact": _unknown_field_in_fact,
    "unknown-vocabulary-field": _unknown_vocabulary_field,
    "unreadable-directory": _unreadable_directory,
    "missing-language": _missing_language,
    "unknown-language": _unknown_language,
    "missing-field": _missing_field,
    "empty-answer-list": _empty_answer_list,
    "empty-answer-text": _empty_answer_text,
    "empty-answer-null": _empty_answer_null,
    "empty-steps": _empty_steps,
    "unknown-block": _unknown_block,
    "same-paraphrase": _same_paraphrase,
    "too-few-paraphrases": _too_few_paraphrases,
    "bad-id": _bad_id,
    "alias": _alias,
    "billion-laughs": _billion_laughs,
    "recursive-alias": _recursive_alias,
    "python-tag": _python_tag,
    "two-documents": _two_documents,
    "deep-nesting": _deep_nesting,
    "synonym-group-of-one": _synonym_group_of_one,
    "synonym-in-two-groups": _synonym_in_two_groups,
    "choice-without-choices": _choice_without_choices,
}


@pytest.mark.parametrize("name", list(MUTATIONS))
def test_broken_variant(name: str, kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file, line, phrase = MUTATIONS[name](kb)
    assert_problem(capsys, file, line, phrase)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (kb / OTHER).chmod(0)
    try:
        assert_problem(capsys, OTHER, 1, "cannot read the file: Permission denied")
    finally:
        (kb / OTHER).chmod(0o644)


def test_every_problem_is_listed(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Problems in several files, shape and cross-file, all come out, in file order."""
    _tab_indent(kb)
    _dangling_related(kb)
    _unknown_field_in_fact(kb)
    _synonym_in_two_groups(kb)
    code, _, err = run_check("kb", capsys)
    assert code == 2
    lines = err.splitlines()
    assert [text.split(":")[0] for text in lines[:-1]] == [f"kb/{ENTRY}", f"kb/{OTHER}", f"kb/{FLOW}", f"kb/{VOCAB}"]
    assert lines[-1] == "faqbot: 4 problems in kb/"


def test_broken_file_does_not_cause_dangling_reports(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken entry is reported once, not again as an unknown reference elsewhere."""
    _invalid_utf8(kb)
    code, _, err = run_check("kb", capsys)
    assert code == 2
    assert "unknown" not in err
    assert err.splitlines()[-1] == "faqbot: 1 problem in kb/"


def test_kb_does_not_exist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run_check("nowhere", capsys)
    assert code == 2 and out == ""
    assert err.splitlines()[0] == "nowhere: knowledge base folder does not exist (expected a folder with entries/ and flows/)"


def test_kb_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kb.yaml").write_text("id: x\n")
    code, _, err = run_check("kb.yaml", capsys)
    assert code == 2
    assert err.startswith("kb.yaml: is not a folder")


def test_kb_without_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kb").mkdir()
    code, _, err = run_check("kb", capsys)
    assert code == 2
    assert err.startswith("kb/entries: folder is missing")


def test_entries_folder_empty(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for path in (kb / "entries").iterdir():
        path.unlink()
    shutil.rmtree(kb / "flows")
    code, _, err = run_check("kb", capsys)
    assert code == 2
    assert err.startswith("kb/entries: holds no entries")


@pytest.mark.parametrize("folder", sorted(p.name for p in BROKEN.iterdir()) if BROKEN.is_dir() else [])
def test_committed_broken_folders(folder: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Each folder under fixtures/broken holds EXPECTED: the `file:line:` and phrase wanted."""
    monkeypatch.chdir(BROKEN)
    expected = (BROKEN / folder / "EXPECTED").read_text(encoding="utf-8").strip()
    code, out, err = run_check(folder, capsys)
    assert code == 2 and out == ""
    assert "Traceback" not in err
    assert expected in err, err


def test_console_script_no_traceback(tmp_path: Path) -> None:
    """The installed command, end to end: broken YAML gives exit 2 and no traceback."""
    root = tmp_path / "kb"
    shutil.copytree(KB_MIN, root)
    (root / FLOW).write_text("id: [unclosed\n")
    script = Path(sys.executable).with_name("faqbot")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "bot"]
    done = subprocess.run([*cmd, "check", "--kb", "kb"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith(f"kb/{FLOW}:")
    assert done.stdout == ""


def test_quote_may_differ_in_whitespace_only(kb: Path, capsys: pytest.CaptureFixture[str]) -> None:
    replace(kb / FLOW, 'when: "Einige häufige Gründe, warum Sie möglicherweise keine Aktivierungs-E-Mail erhalten, sind:"',
            'when: "Einige   häufige Gründe,\n        warum Sie möglicherweise keine Aktivierungs-E-Mail erhalten, sind:"')
    code, out, err = run_check("kb", capsys)
    assert (code, err) == (0, "")


def test_bundled_knowledge_quotes_the_shared_seed() -> None:
    """The seed in the knowledge base is the project's source of truth, unchanged."""
    seed = HERE.parent / "knowledge" / "source" / "seed.txt"
    shared = Path("/work/shared/seed/000_a75c09435bab60a5.txt")
    if shared.exists():
        assert seed.read_bytes() == shared.read_bytes()
    assert "Wenn Ihre Reservierung nicht innerhalb von 25 Stunden wirksam wurde" in seed.read_text(encoding="utf-8")
