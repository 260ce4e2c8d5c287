"""The matcher's verdict as `faqbot ask --json` prints it (CONTRACT §3)."""

import pytest

from faq.search.cache import load
from faq.search.matcher import Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return load(None)[1]


def test_json_shape_matches_contract(matcher):
    data = matcher.match("Aktivierungslink abgelaufen").to_json()
    assert list(data) == ["query", "outcome", "id", "flow", "confidence", "lang", "candidates"]
    assert all(set(c) == {"id", "confidence"} for c in data["candidates"])
