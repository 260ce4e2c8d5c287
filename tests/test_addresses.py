"""faq.language.addresses: the one definition of an e-mail address."""

from __future__ import annotations

import pytest

from faq.language.addresses import ADDRESS_RUN, address_problem, domain_of, find_addresses


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("it@firma.de", None),
        ("max.mustermann+vlsc@sub.firma.co.uk", None),
        ("a@xn--mnchen-3ya.de", None),
        ("", "empty"),
        ("it @firma.de", "space"),
        ("it@@firma.de", "at"),
        ("firma.de", "at"),
        ("@firma.de", "local"),
        (".it@firma.de", "local"),
        ("it@firma", "domain"),
        ("it@-firma.de", "domain"),
        ("it@firma.d3", "domain"),
    ],
)
def test_address_problem_names_what_is_wrong(text: str, why: str | None) -> None:
    assert address_problem(text) == why


def test_runs_around_an_at_are_the_candidates() -> None:
    text = "Mail an <it@firma.de>, nicht an (max@outlook.com)."
    assert [m.group() for m in ADDRESS_RUN.finditer(text)] == ["it@firma.de", "max@outlook.com"]
    assert domain_of("Max@Outlook.COM ") == "outlook.com"


def test_find_addresses_trims_punctuation_and_skips_malformed_ones() -> None:
    text = "Bitte an it@firma.de. Nicht max@ oder max@@firma.de, sondern <x@y.de>!"
    assert find_addresses(text) == [(9, 20, "it@firma.de"), (62, 68, "x@y.de")]
