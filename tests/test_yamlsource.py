"""read_yaml: line-aware values, and one precise problem per way a file can be wrong."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from faq.kb.yamlsource import MAX_FILE_BYTES, LDict, LList, LStr, LTuple, line_of, read_yaml


def read(tmp_path: Path, data: bytes | str):
    path = tmp_path / "f.yaml"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return read_yaml(path, "f.yaml")


def only(problems) -> tuple[int | None, str]:
    assert len(problems) == 1, problems
    return problems[0].line, problems[0].message


def test_lines_are_kept(tmp_path: Path) -> None:
    data, raw, problems = read(tmp_path, "# c\na: 1\nb:\n  - x\n  - y\nc: {d: yes}\n")
    assert problems == [] and raw.startswith(b"# c")
    assert isinstance(data, LDict) and data.line == 2
    assert data.line_of("b") == 3 and data.line_of("missing") == 2
    assert isinstance(data["b"], LList) and data["b"].lines == [4, 5] and data["b"].line_of(9) == data["b"].line
    assert data["c"] == {"d": True}


def test_keys_stay_as_written(tmp_path: Path) -> None:
    data, _, problems = read(tmp_path, "yes: [a]\nno: [b]\n1: c\n")
    assert problems == [] and list(data) == ["yes", "no", "1"]


def test_bom_is_accepted(tmp_path: Path) -> None:
    data, _, problems = read(tmp_path, "\ufeffa: 1\n".encode())
    assert problems == [] and data == {"a": 1}


def test_crlf_is_fine(tmp_path: Path) -> None:
    data, _, problems = read(tmp_path, b"a: 1\r\nb: 2\r\n")
    assert problems == [] and data.line_of("b") == 2


@pytest.mark.parametrize(
    ("text", "line", "phrase"),
    [
        ("a: 1\nb: x: y\n", 2, "mapping values are not allowed"),
        ("a: 1\n\tb: 2\n", 2, "tab used for indentation"),
        ("a: 1\nb: 2\na: 3\n", 3, "key 'a' appears twice in one mapping (first on line 1)"),
        ("", 1, "the file is empty"),
        ("# only\n", 1, "the file is empty"),
        ("a: x\x1b[31m\n", 1, "control character U+001B"),
        ("a: 1\nb: 'open\nc: 2\n", 2, "a quote opened on this line is not closed"),
        ('a: 1\nb: "open\n  c: 2\n', 2, "a quote opened on this line is not closed"),
        ("a: &x 1\nb: *x\n", 2, "aliases ('*name') are not supported"),
        ("a: *nope\n", 1, "found undefined alias"),
        ("a: !!binary aGk=\n", 1, "tag '!!binary' is not supported"),
        ("a: !custom x\n", 1, "tag '!custom' is not supported"),
        ("a: !!set {x}\n", 1, "tag '!!set' is not supported"),
        ("a: 1\n---\nb: 2\n", 2, "expected a single document in the stream"),
        ("a: " + "[" * 70 + "]" * 70 + "\n", 1, "nested more than"),
        ("[1, 2\n", 2, "YAML syntax error"),
    ],
)
def test_problems(tmp_path: Path, text: str, line: int, phrase: str) -> None:
    data, _, problems = read(tmp_path, text)
    got_line, message = only(problems)
    assert data is None
    assert got_line == line and phrase in message, problems


def test_quotes_inside_texts_are_not_unclosed(tmp_path: Path) -> None:
    data, _, problems = read(tmp_path, "a: \"it's \\\"fine\\\"\"\nb: 'don''t'\nc: [x\n")
    assert data is None
    line, message = only(problems)
    assert "quote" not in message and line in (3, 4)


def test_invalid_utf8_line(tmp_path: Path) -> None:
    _, _, problems = read(tmp_path, b"a: 1\nb: \xc3\x28\n")
    assert only(problems) == (2, "invalid UTF-8 (byte 0xC3; expected the file saved as UTF-8)")


def test_too_large(tmp_path: Path) -> None:
    _, _, problems = read(tmp_path, b"a: 1\n" + b"#" * MAX_FILE_BYTES)
    line, message = only(problems)
    assert line == 1 and "too large" in message


def test_directory_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "d.yaml").mkdir()
    data, raw, problems = read_yaml(tmp_path / "d.yaml", "d.yaml")
    assert data is None and raw == b""
    line, message = only(problems)
    assert line == 1 and message.startswith("cannot read the file")


def test_many_control_characters_are_summed_up(tmp_path: Path) -> None:
    _, _, problems = read(tmp_path, "a: 1\n" + "b: \x01\n" * 20)
    assert len(problems) == 6
    assert problems[-1].line == 7 and "15 more control characters" in problems[-1].message


def test_billion_laughs_is_refused_fast(tmp_path: Path) -> None:
    lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    lines += [f"b{i}: &b{i} [" + ", ".join(["*a" if i == 0 else f"*b{i - 1}"] * 9) + "]" for i in range(12)]
    data, _, problems = read(tmp_path, "\n".join(lines) + "\n")
    assert data is None and problems and all("aliases" in p.message for p in problems)


def test_recursive_alias(tmp_path: Path) -> None:
    data, _, problems = read(tmp_path, "a: &a [*a]\n")
    assert data is None and problems[0].line == 1 and "aliases" in problems[0].message


def test_bad_int_value_tag(tmp_path: Path) -> None:
    _, _, problems = read(tmp_path, "a: !!int abc\n")
    assert only(problems) == (1, "value 'abc' is not a valid int")


def test_lstr_and_ltuple_behave_like_plain_values() -> None:
    s = LStr("abc", 7)
    t = LTuple(["x", "y"], 3, [4, 5])
    assert s == "abc" and hash(s) == hash("abc") and {s: 1}["abc"] == 1
    assert t == ("x", "y") and hash(t) == hash(("x", "y")) and t.line_of(1) == 5 and t.line_of(5) == 3
    s2, t2 = pickle.loads(pickle.dumps((s, t), protocol=pickle.HIGHEST_PROTOCOL))
    assert (s2, s2.line, t2, t2.line, t2.lines) == ("abc", 7, ("x", "y"), 3, (4, 5))
    assert line_of(s, 1) == 7 and line_of("plain", 1) == 1
