"""The `faqbot` command line: argument parsing in `main`, one module per command."""

from bot.cli.main import main

__all__ = ["main"]
