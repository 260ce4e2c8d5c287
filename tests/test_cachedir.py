"""The cache folder: where it is (the folder platformdirs names, found without it on Linux)."""

import sys
from pathlib import Path

import platformdirs
import pytest

from faq import cachedir


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG rule is read without platformdirs on Linux only")
@pytest.mark.parametrize(("xdg", "home"), [
    (None, "/home/anna"),
    ("/var/tmp/xdg-cache", "/home/anna"),
    ("", "/home/anna/"),
    ("relative/cache", "/home/anna"),  # a relative XDG_CACHE_HOME is not taken
    ("/srv/cache/", "/home/anna"),
])
def test_the_default_folder_is_the_one_platformdirs_names(monkeypatch, xdg, home):
    monkeypatch.delenv("FAQBOT_CACHE_DIR", raising=False)
    monkeypatch.delenv("FAQBOT_NO_CACHE", raising=False)
    monkeypatch.setenv("HOME", home)
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert cachedir.cache_dir() == Path(platformdirs.user_cache_dir("faqbot", appauthor=False))


def test_the_configured_folder_wins_and_no_cache_turns_it_off(monkeypatch, tmp_path):
    monkeypatch.setenv("FAQBOT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("FAQBOT_NO_CACHE", raising=False)
    assert cachedir.cache_dir() == tmp_path
    monkeypatch.setenv("FAQBOT_NO_CACHE", "1")
    assert cachedir.cache_dir() is None


def test_faqbot_ask_does_not_import_platformdirs(monkeypatch, tmp_path):
    import subprocess

    root = Path(__file__).resolve().parent.parent
    env = {"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": str(root)}
    code = ("import sys; sys.argv[0] = 'faqbot'; from bot.cli import main; main(['ask', '--json', 'Läuft der Link ab?']);"
            "print('platformdirs' in sys.modules)")
    done = subprocess.run([sys.executable, "-P", "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.strip().splitlines()[-1] == ("True" if sys.platform != "linux" else "False")
    assert (tmp_path / ".cache" / "faqbot").is_dir()
