"""faq.language.datafiles: the product's YAML folders, read once and then from a JSON cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from faq.language.datafiles import read_folder


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FAQBOT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FAQBOT_NO_CACHE", raising=False)
    data = tmp_path / "ui"
    data.mkdir()
    (data / "a.yaml").write_text("hello:\n  de: Hallo\n  en: Hello\n", encoding="utf-8")
    return data


def test_a_folder_is_cached_as_json_and_read_back(folder: Path, tmp_path: Path) -> None:
    first = read_folder(folder)
    assert first == {"a.yaml": {"hello": {"de": "Hallo", "en": "Hello"}}}
    (cached,) = (tmp_path / "cache").glob("data-*.json")
    assert json.loads(cached.read_text(encoding="utf-8")) == first
    assert read_folder(folder) == first


def test_a_changed_file_is_read_again(folder: Path, tmp_path: Path) -> None:
    read_folder(folder)
    (folder / "a.yaml").write_text("hello:\n  de: Guten Tag\n  en: Good day\n", encoding="utf-8")
    assert read_folder(folder)["a.yaml"]["hello"]["de"] == "Guten Tag"
    assert len(list((tmp_path / "cache").glob("data-*.json"))) == 1


def test_stamps_name_size_and_time_of_each_file_in_name_order(tmp_path: Path) -> None:
    import os

    from faq.language.datafiles import stamps

    for name, text in (("b.yaml", "x: 1\n"), ("a.yaml", "y: 22\n"), ("c.txt", "z"), (".hidden.yaml", "")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    found = stamps(tmp_path, ".yaml")
    assert [name for name, _, _ in found] == sorted(p.name for p in tmp_path.glob("*.yaml"))
    assert found[1] == ("a.yaml", 6, (tmp_path / "a.yaml").stat().st_mtime_ns)
    os.utime(tmp_path / "a.yaml", ns=(1, 2))
    assert stamps(tmp_path, ".yaml")[1] == ("a.yaml", 6, 2)
    assert stamps(tmp_path / "missing", ".yaml") == []
