"""The command line's last line of defence: a closed or full stdout ends with one plain line."""

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TICKETS = b'{"id": "T-1", "text": "Aktivierungsmail nicht bekommen"}\n' * 200


def _run(args, stdout, tmp_path):
    src = tmp_path / "t.jsonl"
    src.write_bytes(TICKETS)
    cmd = [sys.executable, "-m", "bot", *[str(src) if a == "FILE" else a for a in args]]
    return subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT,
                          env={"FAQBOT_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize("args", [["triage", "FILE"], ["triage", "--json", "FILE"], ["ask", "Aktivierungsmail fehlt"]])
def test_a_full_stdout_ends_with_one_line_and_status_1(args, tmp_path):
    with open("/dev/full", "wb") as full:
        proc = _run(args, full, tmp_path)
    err = proc.stderr.decode()
    assert proc.returncode == 1
    assert err.splitlines() == ["faqbot: cannot write the output (No space left on device)"]


def test_a_closed_stdout_ends_with_one_line_and_status_1(tmp_path):
    src = tmp_path / "t.jsonl"
    src.write_bytes(TICKETS)
    proc = subprocess.run(f"{sys.executable} -m bot triage {src} >&-", shell=True, stderr=subprocess.PIPE, cwd=ROOT,
                          env={"FAQBOT_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1
    assert proc.stderr.decode().splitlines() == ["faqbot: cannot write the output (it is closed)"]


def test_a_reader_that_stops_early_is_no_error(tmp_path):
    src = tmp_path / "t.jsonl"
    src.write_bytes(TICKETS)
    proc = subprocess.run(f"{sys.executable} -m bot triage --json {src} | head -1", shell=True, capture_output=True,
                          cwd=ROOT, env={"FAQBOT_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
    assert proc.stdout.count(b"\n") == 1 and proc.stderr == b""


def test_error_messages_are_made_safe_for_the_terminal():
    proc = subprocess.run([sys.executable, "-m", "bot", "diagnose", "x\x1b]52;c;aGVsbG8=\x07\u202ey"], capture_output=True,
                          cwd=ROOT, env={"FAQBOT_NO_CACHE": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 2 and proc.stderr.startswith(b"faqbot: ")
    assert not any(c in proc.stderr.decode() for c in ("\x1b", "\x07", "\u202e"))


def test_an_internal_error_is_one_line_asking_for_a_report(monkeypatch, capsys):
    cli = importlib.import_module("bot.cli.main")

    def broken(args):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_dispatch", broken)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == ["faqbot: internal error: RuntimeError: boom (please report this)"]


def test_ctrl_c_is_one_line_and_status_130(monkeypatch, capsys):
    cli = importlib.import_module("bot.cli.main")

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_dispatch", interrupted)
    assert cli.main(["check"]) == 130
    assert capsys.readouterr().err.splitlines() == ["faqbot: interrupted"]


@pytest.mark.parametrize(("argv", "named"), [
    (["--today", "2026-11-27"], "--today"),
    (["--lang", "en", "--today", "2026-11-27", "triage", "t.jsonl"], "--today"),
    (["--today=2026-11-27"], "--today=2026-11-27"),
])
def test_an_option_the_top_level_does_not_take_is_named_not_its_value(argv, named, capsys):
    from bot.cli.main import main

    with pytest.raises(SystemExit) as exit_:
        main(argv)
    err = capsys.readouterr().err
    assert exit_.value.code == 2
    assert err.splitlines() == [f"faqbot: unrecognized arguments: {named} (see 'faqbot --help')"]


def test_an_abbreviated_top_level_option_is_still_taken(capsys):
    from bot.cli.main import main

    with pytest.raises(SystemExit) as exit_:
        main(["--res", "--help"])
    assert exit_.value.code == 0
    assert "--resume" in capsys.readouterr().out


def test_the_command_line_module_runs_as_a_script_too():
    proc = subprocess.run([sys.executable, "-m", "bot.cli.main", "check"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip()  # not silence, as before: main() was never called


def test_help_is_as_wide_as_shutil_says_the_terminal_is(monkeypatch):
    import shutil

    monkeypatch.setenv("COLUMNS", "60")
    help_text = importlib.import_module("bot.cli.main").build_parser().format_help()
    assert max(len(line) for line in help_text.splitlines()) <= shutil.get_terminal_size().columns == 60


def test_a_command_line_is_parsed_without_importing_shutil():
    code = ("import sys; from bot.cli.main import build_parser; build_parser('ask').parse_args(['ask', 'x']); "
            "print('shutil' in sys.modules)")
    done = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT)})
    assert done.stdout.strip() == "False"
