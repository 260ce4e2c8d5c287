"""Shared test set-up: no test writes into the user's real data folder."""

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch):
    """Point saved conversations and web summaries at a fresh folder for every test."""
    monkeypatch.setenv("FAQBOT_DATA_DIR", str(tmp_path_factory.mktemp("faqbot-data")))
