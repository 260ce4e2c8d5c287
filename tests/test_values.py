"""Reading fact values (faq.flows.values)."""

from __future__ import annotations

from datetime import date

import pytest

from faq.errors import InputError
from faq.flows.values import (
    UNKNOWN,
    Unknown,
    display_value,
    domain_of,
    json_value,
    parse_choice,
    parse_email,
    parse_value,
    parse_yesno,
)
from faq.kb.model import Choice, Fact, Text

TODAY = date(2026, 11, 24)


def _fact(fact_id: str, ftype: str, choices: tuple[Choice, ...] = ()) -> Fact:
    return Fact(fact_id, ftype, 1, Text("Frage?", "Question?"), choices=choices)


ROLE = _fact(
    "role",
    "choice",
    (
        Choice("vlsc-admin", Text("VLSC-Administrator", "VLSC administrator"), ("admin", "administrator")),
        Choice("ola", Text("Onlineadministrator (OLA)", "Online administrator (OLA)"),
               ("ola", "online-administrator", "online administrator")),
        Choice("osm", Text("OSM", "OSM"), ("online services manager",)),
        Choice("other", Text("Eine andere Rolle", "Another role"), ("andere",)),
    ),
)


@pytest.mark.parametrize("raw", ["ja", "JA", "Yes", "j", "y", "true", " True ", "Ja.", "genau", "yep!"])
def test_yes(raw: str) -> None:
    assert parse_yesno(raw) is True


@pytest.mark.parametrize("raw", ["nein", "NEIN", "no", "n", "false", "False", "Nein.", "nee", "nope"])
def test_no(raw: str) -> None:
    assert parse_yesno(raw) is False


@pytest.mark.parametrize("raw", ["unbekannt", "unknown", "weiß nicht", "Weiss nicht", "?", "UNKNOWN", "weiß  nicht"])
def test_unknown(raw: str) -> None:
    assert parse_yesno(raw) is UNKNOWN


@pytest.mark.parametrize("raw", ["idk", "ka", "Das kann ich nicht sagen.", "I'm not sure", "keine Ahnung!", "weiß ich nicht"])
def test_dont_know_as_people_type_it_leaves_any_fact_open(raw: str) -> None:
    assert parse_yesno(raw) is UNKNOWN
    assert parse_value(_fact("d", "date"), raw, TODAY) is UNKNOWN
    assert parse_value(_fact("e", "email"), raw, TODAY) is UNKNOWN


@pytest.mark.parametrize("raw", ["vielleicht", "", "jein", "2"])
def test_bad_yesno(raw: str) -> None:
    with pytest.raises(InputError) as err:
        parse_yesno(raw, "junk_checked")
    assert f"“{raw}”" in str(err.value) and "expected" in str(err.value)
    assert "junk_checked" not in str(err.value), "customers never see fact names"


def test_parse_value_names_the_fact_first() -> None:
    fact = Fact("junk_checked", "yesno", 1, Text("Junk geprüft?", "Junk checked?"))
    with pytest.raises(InputError) as err:
        parse_value(fact, "vielleicht", date(2026, 11, 24))
    assert str(err.value).startswith("junk_checked: “vielleicht”")


@pytest.mark.parametrize("raw", ["it@beispiel-ag.de", "m.schulz@outlook.com", "A.B+tag@Sub.Example.COM", " x@y.de "])
def test_good_email(raw: str) -> None:
    assert parse_email(raw) == raw.strip()


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("max.mustermann", "exactly one @"),
        ("max@", "dotted domain"),
        ("max@@outlook.com", "exactly one @"),
        ("@outlook.com", "before the @"),
        ("max@outlook", "dotted domain"),
        ("max mustermann@outlook.com", "spaces"),
        ("max@out look.com", "spaces"),
        ("max@outlook..com", "dotted domain"),
        ("max@.com", "dotted domain"),
        ("max@outlook.c", "dotted domain"),
        ("max..m@firma.de", "before the @"),
        ("", "empty"),
    ],
)
def test_bad_email(raw: str, why: str) -> None:
    with pytest.raises(InputError) as err:
        parse_email(raw, "osm_email")
    message = str(err.value)
    assert why in message and f"“{raw}”" in message and "\n" not in message


def test_domain_is_case_insensitive() -> None:
    assert domain_of("M.Schulz@OUTLOOK.COM") == "outlook.com"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ola", "ola"),
        ("OLA", "ola"),
        ("Online-Administrator", "ola"),
        ("Onlineadministrator (OLA)", "ola"),
        ("VLSC-Administrator", "vlsc-admin"),
        ("vlsc admin", "vlsc-admin"),
        ("admin", "vlsc-admin"),
        ("Another role", "other"),
        ("weiß nicht", UNKNOWN),
        ("?", UNKNOWN),
    ],
)
def test_choice(raw: str, expected: object) -> None:
    assert parse_choice(ROLE, raw) == expected


def test_unknown_choice_lists_the_choices() -> None:
    with pytest.raises(InputError) as err:
        parse_choice(ROLE, "chef")
    assert "“chef”" in str(err.value) and "vlsc-admin, ola, osm, other" in str(err.value)


def test_parse_value_by_type() -> None:
    assert parse_value(_fact("d", "date"), "31.08.2026", TODAY) == date(2026, 8, 31)
    assert parse_value(_fact("d", "date"), "weiß nicht", TODAY) is UNKNOWN
    assert parse_value(_fact("e", "email"), "unbekannt", TODAY) is UNKNOWN
    assert parse_value(_fact("e", "email"), "a@b.de", TODAY) == "a@b.de"
    assert parse_value(_fact("y", "yesno"), "ja", TODAY) is True
    assert parse_value(ROLE, "OLA", TODAY) == "ola"
    with pytest.raises(InputError, match="purchase_date: “31.02.2026”"):
        parse_value(_fact("purchase_date", "date"), "31.02.2026", TODAY)


def test_unknown_is_a_singleton() -> None:
    assert Unknown() is UNKNOWN
    assert repr(UNKNOWN) == "UNKNOWN"


def test_json_and_display() -> None:
    assert json_value(True) is True and json_value(False) is False
    assert json_value(UNKNOWN) == "unknown"
    assert json_value(date(2026, 12, 1)) == "2026-12-01"
    assert json_value("a@b.de") == "a@b.de"
    assert display_value(None, True, "de") == "ja"
    assert display_value(None, UNKNOWN, "en") == "unknown"
    assert display_value(None, date(2027, 2, 28), "de") == "28.02.2027"
    assert display_value(ROLE, "ola", "de") == "Onlineadministrator (OLA)"


def test_a_date_fact_that_only_measures_age_refuses_a_future_date():
    from faq.flows.values import check_not_future, future_allowed
    from faq.kb.loader import load_knowledge_base

    kb = load_knowledge_base()
    expiry = kb.flow("activation-link-expiry")
    assert not future_allowed(expiry, "purchase_date")
    assert future_allowed(kb.flow("missing-activation-email"), "usage_start")
    with pytest.raises(InputError, match="in der Zukunft"):
        check_not_future("1.1.2027", date(2027, 1, 1), TODAY, "de")
    check_not_future("heute", TODAY, TODAY, "de")  # today is not the future


def test_an_ambiguous_date_keeps_both_readings_through_parse_value():
    from faq.flows.dates import AmbiguousDate

    fact = Fact("purchase_date", "date", 1, Text("Kaufdatum?", "Purchase date?"))
    with pytest.raises(AmbiguousDate) as info:
        parse_value(fact, "3/12/2026", TODAY, "en")
    assert info.value.readings == (date(2026, 12, 3), date(2026, 3, 12))


@pytest.mark.parametrize("raw, fact", [("vielleicht", _fact("x", "yesno")), ("morgen früh", _fact("d", "date")),
                                       ("max.firma.de", _fact("e", "email"))])
def test_german_value_messages_quote_what_was_typed_the_german_way(raw: str, fact: Fact) -> None:
    with pytest.raises(InputError) as caught:
        parse_value(fact, raw, TODAY, "de")
    message = str(caught.value)
    assert f"„{raw}“" in message and "'" not in message and '"' not in message
