"""Reading a yes/no fact from one sentence (faq/tickets/yesno.py), on new tickets in German and English."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts

KB = load_knowledge_base()
TODAY = date(2026, 11, 24)


def read(flow: str, text: str, lang: str) -> dict:
    return dict(extract_facts(clean_body(text), KB.flow(flow), TODAY, lang, KB.vocabulary).facts)


@pytest.mark.parametrize(("lang", "text", "verified"), [
    # the verb of a relative clause pairs with the noun it describes, not with the same noun after it
    ("de", "Hallo, die Domäne hafen-logistik.de, die wir seit 2022 für unseren Tenant verifiziert haben, ist auch "
           "die Domäne unseres OSM.", True),
    ("de", "Hallo, die Domäne, die wir bisher nicht verifiziert haben, ist die Domäne unseres OSM.", False),
    ("en", "Hi, the domain, which we verified for our tenant back in 2022, is also the domain of our OSM.", True),
])
def test_a_relative_clause_states_its_fact_of_the_noun_it_describes(lang, text, verified):
    assert read("missing-activation-email", text, lang).get("domain_verified") is verified


def test_a_cue_across_two_clauses_still_states_nothing():
    text = "Hallo, ich habe alles verifiziert, die Domäne unseres OSM kenne ich aber nicht."
    assert "domain_verified" not in read("missing-activation-email", text, "de")


@pytest.mark.parametrize(("lang", "text", "admin"), [
    # a label of a "no" cue's words without its negation, answered no, denies; answered yes it names no role
    ("de", "Keine Aktivierungsmail.\nOSM-Adresse: t.wolf@wolf-druck.de\nOSM Admin eines bestehenden Kontos: nein", False),
    ("en", "No activation email yet.\n- OSM: ops@harbour-freight.ie\n- OSM admin on any tenant: no\n- junk: checked", False),
    ("de", "Keine Aktivierungsmail.\nOSM Admin eines bestehenden Kontos: ja", None),
    ("en", "No activation email yet.\n- OSM admin on any tenant: not sure", None),
])
def test_a_label_of_a_denying_cue_answered_no_denies(lang, text, admin):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is admin



@pytest.mark.parametrize(("lang", "text"), [
    # a label that goes on past the role asks something else
    ("de", "Keine Aktivierungsmail.\nOSM-Adresse Admin verifiziert: nein"),
    ("en", "No activation email.\n- OSM admin address verified: no"),
])
def test_a_label_that_asks_something_else_denies_no_role(lang, text):
    assert read("missing-activation-email", text, lang).get("osm_is_admin") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, keine Aktivierungsmail. Die Quarantäne ist sauber, den Spam-Ordner hat bei uns aber noch niemand angeschaut."),
    ("en", "Hi, no activation mail. The mail filter was reviewed, but nobody has checked the junk folder so far."),
])
def test_a_cue_whose_tightest_words_cross_clauses_is_found_in_the_later_clause(lang, text):
    assert read("missing-activation-email", text, lang).get("junk_checked") is False


@pytest.mark.parametrize(("lang", "stated", "refutation"), [
    ("de", "Keine Aktivierungsmail. Die Domäne unseres OSM ist verifiziert.", " Das stimmt aber nicht, sagt unser Admin."),
    ("en", "No activation mail. The domain of our OSM is verified.", " That is not true, says our admin."),
])
def test_a_sentence_met_again_is_read_by_what_follows_it_in_each_ticket(lang, stated, refutation):
    # the same sentence in three tickets: refuted by the next one, then standing alone, then refuted again
    readings = [read("missing-activation-email", text, lang).get("domain_verified")
                for text in (stated + refutation, stated, stated + refutation)]
    assert readings == [None, True, None]
