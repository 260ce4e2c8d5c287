"""Beliefs, doubts, hedges, conditions and past states leave a fact open; each case a new
ticket, in German and in English (bundled knowledge base)."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def bundled():
    return load()


def triage(bundled, text):
    kb, matcher = bundled
    return triage_text(text, kb, matcher, TODAY)


@pytest.mark.parametrize("text", [
    "Hallo, noch keine Aktivierungsmail. Ich glaube, unsere Domäne ist schon verifiziert.",
    "Hello, still no activation mail. I think our domain is already verified.",
    "Hallo, noch keine Aktivierungsmail. Vielleicht ist die Domäne bereits überprüft.",
    "Hello, still no activation mail. Maybe the domain was already verified.",
])
def test_hedged_statement_leaves_the_fact_unknown(bundled, text):
    r = triage(bundled, text)
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Guten Tag, die Aktivierungsmail ist nicht gekommen. Unsere Domäne ist bei Microsoft schon verifiziert, "
    "so ganz sicher bin ich mir da aber nicht. Gruß, Jana",
    "Hello, the activation mail never came. Our domain is already verified with Microsoft, "
    "but I'm not entirely sure about that. Regards, Jana",
])
def test_a_trailing_doubt_leaves_the_sentence_open(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Servus, mir fehlt die Aktivierungsmail. I glaub, unsere Domäne is schon verifiziert. Was tun?",
    "Hey, no activation mail here. I guess our domain is verified already. What now?",
])
def test_a_colloquial_belief_leaves_the_sentence_open(bundled, text):
    r = triage(bundled, text)
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail bisher. Ich denke, die Domäne unserer OSM-Adresse (lizenzen@seilerei-blum.de) "
    "ist bereits verifiziert, sicher bin ich mir aber nicht.",
    "Hi, no activation mail so far. I think the domain of our OSM address (licensing@ropeworks-blum.com) "
    "is already verified, but I'm not sure.",
])
def test_an_address_in_apposition_is_not_what_a_belief_doubts(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("osm_email") in {"lizenzen@seilerei-blum.de", "licensing@ropeworks-blum.com"}
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Als OSM ist lizenzen@seilerei-blum.de hinterlegt, ich vermute aber, "
    "dass die Mail in einem Filter hängt.",
    "Hi, the activation mail is missing. The OSM on file is licensing@ropeworks-blum.com and I suspect "
    "a filter caught the mail.",
])
def test_a_belief_that_opens_a_later_clause_keeps_the_address_before_it(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("osm_email") in {"lizenzen@seilerei-blum.de", "licensing@ropeworks-blum.com"}


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Als OSM ist lizenzen@seilerei-blum.de hinterlegt, glaube ich.",
    "Hi, the activation mail is missing. The OSM on file is licensing@ropeworks-blum.com, I think.",
])
def test_a_belief_that_closes_a_clause_doubts_the_address_in_it(bundled, text):
    r = triage(bundled, text)
    assert "osm_email" not in r.facts


@pytest.mark.parametrize("text", [
    "Hallo, ich bin mir nicht sicher, warum keine Aktivierungsmail kommt, die Domäne ist jedenfalls nicht verifiziert.",
    "Hi, I'm not sure why no activation mail arrives, the domain is not verified in any case.",
])
def test_a_doubt_about_why_leaves_the_rest_stated(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("domain_verified") is False


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Ist die Domäne schon verifiziert, wird keine Mail verschickt, so viel wissen wir.",
    "Hi, no activation mail. Is the domain already verified, no mail is sent, that much we know.",
])
def test_a_clause_opened_by_its_verb_before_another_is_a_condition(bundled, text):
    r = triage(bundled, text)
    assert "domain_verified" not in r.facts and r.cause is None


def test_normally_after_what_happened_states_it_en(bundled):
    text = ("Hi, we still have no activation email. Our reservation from 3 November took effect normally. "
            "Thanks, Lena")
    facts = triage(bundled, text).facts
    assert facts.get("reservation_effective") is True
    assert str(facts.get("reservation_date")) == "2026-11-03"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Den Junk-Ordner prüfen wir normalerweise. Gruß, Ben",
    "Hi, the activation email is missing. Normally we check the junk folder. Thanks, Ben",
])
def test_normally_as_a_habit_states_nothing(bundled, text):
    assert "junk_checked" not in triage(bundled, text).facts


@pytest.mark.parametrize("text", [
    "Hallo, als OSM haben wir damals anna.berg@outlook.com eingetragen, eine Firmenadresse gab es noch nicht. "
    "Die Aktivierungsmail kam nie an.",
    "Hi, back then we entered anna.berg@outlook.com as the OSM because we had no company domain. "
    "The activation email never arrived.",
])
def test_an_address_entered_back_then_is_still_the_osms(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("osm_email") == "anna.berg@outlook.com" and r.cause == "outlook-com-address"


@pytest.mark.parametrize("text", [
    "Hallo, damals war anna.berg@outlook.com unsere OSM-Adresse. Die Aktivierungsmail kam nie an.",
    "Hi, back then the OSM was anna.berg@outlook.com. The activation email never arrived.",
])
def test_an_address_that_was_the_osms_back_then_states_nothing(bundled, text):
    r = triage(bundled, text)
    assert "osm_email" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Keine Lizenzen im Portal zu sehen. Aktiviert haben wir das richtige Konto, glaubte ich jedenfalls.",
    "Die Aktivierungsmail fehlt. Im Spamordner nachgeschaut, dachte ich zumindest.",
    "No licences showing up. Right tenant, I thought at least.",
    "No activation email. The junk folder was checked, at least I thought so.",
])
def test_a_belief_with_a_tail_after_a_cue_leaves_the_fact_open(bundled, text):
    r = triage(bundled, text)
    assert not {"right_account", "junk_checked"} & set(r.facts) and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, noch keine Aktivierungsmail. Ich bin als OSM eingetragen und bin damit auch Globaler Administrator im bestehenden Tenant.",
])
def test_damit_right_after_a_verb_is_no_purpose(bundled, text):
    assert triage(bundled, text).facts.get("osm_is_admin") is True


@pytest.mark.parametrize("text", [
    "Hallo, keine Lizenzen sichtbar. Ich glaube, die Kollegin war im falschen Konto angemeldet – ich habe es inzwischen geprüft: "
    "die Lizenzen sind in unserem Testmandanten gelandet.",
    "Hi, no licences visible. I think my colleague was signed in to the wrong tenant – I have checked it now: "
    "the licences landed in our test tenant.",
])
def test_a_check_after_a_dash_ends_the_belief_before_it(bundled, text):
    assert triage(bundled, text).facts.get("right_account") is False


def test_a_hedge_is_read_from_the_sentence_asked_about_not_from_one_asked_before():
    from faq.tickets.hedges import hedged
    from faq.tickets.tokens import tokenize

    maybe, sure = "Vielleicht ist die Domäne verifiziert.", "Die Domäne ist nun verifiziert."
    assert hedged(tokenize(maybe), maybe, 3, 3) and hedged(tokenize(maybe), maybe, 3, 3)  # asked again: the same answer
    assert not hedged(tokenize(sure), sure, 3, 3)  # the same words at the same place, said without a hedge
    english = "Maybe the domain is verified."
    assert hedged(list(tokenize(english)), english, 4, 4) and not hedged(tokenize("The domain is verified."),
                                                                        "The domain is verified.", 3, 3)


def test_a_belief_with_a_dash_but_no_check_still_hedges(bundled):
    text = "Hallo, keine Lizenzen sichtbar. Ich glaube, die Lizenzen sind im Testmandanten gelandet – das muss ich noch klären."
    assert "right_account" not in triage(bundled, text).facts


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Den Junk-Ordner hat mein Kollege durchgesehen, sagt er jedenfalls.",
    "Hi, no activation email. My colleague went through the junk folder, or so he says.",
])
def test_a_check_only_someone_says_they_did_leaves_it_open(bundled, text):
    assert "junk_checked" not in triage(bundled, text).facts


@pytest.mark.parametrize("text", [
    "Guten Tag, keine Aktivierungsmail. Unsere Domäne ist verifiziert, hat zumindest unser Systemhaus gesagt.",
    "Hello, no activation email. Our domain is verified, at least that's what our partner told us.",
])
def test_a_fact_only_someone_else_told_the_writer_leaves_it_open(bundled, text):
    r = triage(bundled, text)
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, bei unserer Niederlassung in Wien wurden die Lizenzen für das falsche Konto aktiviert. Bei uns in der "
    "Zentrale sehen wir unsere Lizenzen nicht.",
    "Hallo, wir sehen keine Lizenzen. In unserer Filiale in Graz hat jemand die Lizenzen im falschen Tenant aktiviert, "
    "das ist aber geklärt. Unsere eigenen fehlen trotzdem.",
    "Hi, at our branch in Lyon the licenses were activated for the wrong account. Here at headquarters we just can't "
    "see ours.",
    "Hi, our partner activated their own licenses for the wrong account last month. In our case, the licenses we "
    "bought are not showing in our tenant.",
])
def test_a_wrong_account_at_a_branch_or_of_another_partys_licences_settles_nothing(bundled, text):
    r = triage(bundled, text)
    assert "right_account" not in r.facts
    assert r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, die Lizenzen wurden für das Konto unserer Tochterfirma aktiviert statt für unseres. Wir sehen sie nicht.",
    "Hallo, unser Partner hat unsere Lizenzen für das falsche Konto aktiviert. Wir sehen sie nicht.",
])
def test_our_licences_activated_for_another_account_is_still_the_wrong_account(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("right_account") is False
    assert r.cause == "wrong-account"


@pytest.mark.parametrize("text", [
    "Hi, no activation email. We have never activated any service before, so I doubt the enrollment is linked.",
    "Hallo, keine Aktivierungsmail. Ich bezweifle, dass die Registrierung schon mit einem Konto verknüpft ist.",
])
def test_a_fact_the_writer_doubts_is_not_stated(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("enrollment_linked") is not True
    assert r.cause is None


@pytest.mark.parametrize("text", [
    "Hi, no activation email. In case the junk folder wasn't checked, should I check it?",
    "Hallo, keine Aktivierungsmail. Vorausgesetzt der Junk-Ordner wurde nicht geprüft, soll ich ihn dann prüfen?",
])
def test_a_fact_a_condition_supposes_is_not_stated(bundled, text):
    r = triage(bundled, text)
    assert "junk_checked" not in r.facts
    assert r.cause is None


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Keine Aktivierungsmail bekommen. Die OSM-Adresse lautet bestellung@outlook.com, falls das eine Rolle spielt.",
     "osm_email", "bestellung@outlook.com"),
    ("The activation email never came. Our OSM is lena.park@parkhaus-it.com in case it matters. "
     "Our domain is verified for our tenant if that helps.", "domain_verified", True),
])
def test_a_condition_on_the_telling_leaves_the_statement_standing(bundled, text, fact, value):
    assert triage(bundled, text).facts.get(fact) == value


def test_a_condition_on_the_fact_still_leaves_it_open(bundled):
    text = "No activation email. Our OSM address would be lena.park@outlook.com if I remember that right."
    assert "osm_email" not in triage(bundled, text).facts


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Keine Aktivierungsmail bekommen. Wir gehen davon aus, dass unsere Domäne schon verifiziert ist."),
    ("en", "No activation email came. We assume the domain is already verified for our tenant."),
])
def test_an_assumption_states_nothing(lang, text):
    from faq.kb.loader import load_knowledge_base
    from faq.tickets.facts import extract_facts

    kb = load_knowledge_base()
    read = extract_facts(text, kb.flow("missing-activation-email"), TODAY, lang, kb.vocabulary)
    assert read.facts.get("domain_verified") is None


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. In den Junk-Ordner haben wir noch nicht geschaut, an die Filter hat "
    "auch keiner gedacht. Gruß, Olaf",
    "Hi, the activation mail is missing. We have not checked the junk folder yet, nobody thought of the "
    "filters either. Regards, Olaf",
])
def test_thinking_of_something_is_no_belief(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("junk_checked") is False and r.cause == "junk-folder"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Den Junk-Ordner haben wir geprüft, denke ich. Gruß, Olaf",
    "Hi, the activation mail is missing. We checked the junk folder, I think. Regards, Olaf",
])
def test_a_belief_without_its_object_still_hedges(bundled, text):
    assert "junk_checked" not in triage(bundled, text).facts


@pytest.mark.parametrize("text", [
    "Hallo, die Lizenzen sind nach der Aktivierung nicht da. Wenn das ein Add-on wäre und das Basisabo unter einer "
    "anderen Registrierung läuft, läge es daran? Was bestellt wurde, weiß ich nicht. Gruß, Nora",
    "Hi, licences not visible after activation. If it is an add-on and the base subscription sits on a different "
    "enrollment, would that explain it? I still have to find out what was ordered. Thanks, Nora",
])
def test_a_clause_added_to_a_condition_is_conditional_too(bundled, text):
    r = triage(bundled, text)
    assert "base_same_enrollment" not in r.facts and "is_addon" not in r.facts and r.cause is None


@pytest.mark.parametrize(("text", "fact", "value"), [
    ("Hallo, noch keine Aktivierungsmail. Den Spam-Ordner haben wir nicht geprüft – der Partner kümmert sich um die "
     "Filter, sagte er.", "junk_checked", False),
    ("Hello, still no activation mail. We haven't checked spam — our provider runs the filters, he told us.",
     "junk_checked", False),
])
def test_a_belief_closing_the_clause_after_a_dash_leaves_the_clause_before_it(bundled, text, fact, value):
    assert triage(bundled, text).facts.get(fact) is value


@pytest.mark.parametrize("text", [
    "Hallo, noch keine Aktivierungsmail. Die Domäne ist verifiziert – meinte zumindest der Partner.",
    "Hello, still no activation mail. The domain is verified — I think.",
])
def test_a_belief_right_after_a_dash_still_reaches_back(bundled, text):
    assert "domain_verified" not in triage(bundled, text).facts


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndie Lizenzen sind nach der Aktivierung nicht zu sehen. Ich habe gegoogelt, mögliche Ursachen: im falschen "
    "Mandanten aktiviert, Add-on auf einer anderen Registrierung, Dienst im Land nicht verfügbar. Was brauchen Sie?\n\nGruß\nIda Kern",
    "Hi,\n\nthe licences don't show after activation. I googled it and found these possible reasons: activated in the "
    "wrong tenant, add-on on another enrollment, service not available in the country. What do you need?\n\nThanks\nIda Kern",
    "Hello,\n\nstill no activation mail. Your support page lists: an outlook.com address as OSM, the domain already "
    "verified, the junk folder. Which one is it for us?\n\nRegards\nIda Kern",
    "Hallo,\n\ndie Aktivierungsmail fehlt. Auf Ihrer Supportseite stehen als Gründe: Domäne bereits verifiziert, OSM ist "
    "schon Administrator, Mail im Junk-Ordner. Was davon trifft bei uns zu?\n\nGruß\nIda Kern",
])
def test_reasons_the_writer_found_online_or_in_the_help_state_nothing(bundled, text):
    result = triage(bundled, text)
    assert result.cause is None and not any(isinstance(v, bool) for v in result.facts.values())


@pytest.mark.parametrize("text", [
    "Hi, the Visio add-on licences are missing after activation. I think I've found the reason: our base "
    "subscription is on enrollment 4410 and the add-on on enrollment 8823.",
    "Hallo, die Add-on-Lizenzen fehlen nach der Aktivierung. Ich glaube, ich habe die Ursache entdeckt: das "
    "Basisabo läuft unter der Registrierung 5520, das Add-on unter der Registrierung 9931.",
])
def test_a_belief_about_having_found_the_reason_leaves_what_the_colon_opens_stated(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("base_same_enrollment") is False and r.cause == "addon-base-mismatch"


@pytest.mark.parametrize("text", [
    "Hi, the Visio add-on licences are missing after activation. I think the reason could be this: the base "
    "subscription is on another enrollment.",
    "Hallo, die Add-on-Lizenzen fehlen nach der Aktivierung. Ich vermute, der Grund ist folgender: das Basisabo "
    "läuft über eine andere Registrierung.",
])
def test_a_belief_whose_colon_opens_the_believed_reason_still_leaves_it_open(bundled, text):
    r = triage(bundled, text)
    assert "base_same_enrollment" not in r.facts and r.cause is None


@pytest.mark.parametrize(("text", "day"), [
    ("Hallo, die Reservierung für 5 Visio-Lizenzen habe ich heute Vormittag im VLSC angelegt, sie ist noch nicht wirksam. "
     "Eine Aktivierungsmail gibt es auch keine.", date(2026, 11, 24)),
    ("Servus, Reservierung gestern Abend im VLSC gemacht, noch immer nicht wirksam, keine Aktivierungsmail.", date(2026, 11, 23)),
    ("Hi, I set up the reservation in VLSC this afternoon and it is not effective yet. No activation mail either.",
     date(2026, 11, 24)),
    ("Hello, our reservation was made yesterday evening and still has not taken effect. No activation email.",
     date(2026, 11, 23)),
])
def test_a_part_of_today_or_yesterday_dates_the_reservation_and_plans_nothing(bundled, text, day):
    r = triage(bundled, text)
    assert r.facts.get("reservation_date") == day and r.facts.get("reservation_effective") is False


@pytest.mark.parametrize("text", [
    "Hallo, ich lege morgen die Reservierung im VLSC an. Bekomme ich dann eine Aktivierungsmail?",
    "Hi, I will place the reservation in VLSC tomorrow. Will an activation mail follow?",
])
def test_a_reservation_planned_for_tomorrow_states_no_date(bundled, text):
    assert "reservation_date" not in triage(bundled, text).facts


@pytest.mark.parametrize(("text", "fact"), [
    ("Hallo, nach der Aktivierung sehen wir keine Lizenzen. Unser Nutzungsbeginn ist voraussichtlich der 03.12.2026, "
     "sagt der Vertrieb.", "usage_start"),
    ("Hi, licences missing after activation. Our usage start is expected to be 3 December 2026.", "usage_start"),
    ("Guten Tag, keine Lizenzen sichtbar. Geplanter Nutzungsbeginn: 04.12.2026.", "usage_start"),
    ("Hello, no licences visible. The usage start is tentatively 4 December 2026.", "usage_start"),
    ("Hallo, keine Lizenzen zu sehen. Der Nutzungsbeginn ist laut Angebot der 05.12.2026.", "usage_start"),
    ("Hi, licences are not visible. In the quote the usage start is 5 December 2026.", "usage_start"),
])
def test_an_expected_planned_or_quoted_date_stays_unknown(bundled, text, fact):
    r = triage(bundled, text)
    assert fact not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, nach der Aktivierung sehen wir keine Lizenzen. Unser Nutzungsbeginn ist der 03.12.2026.",
    "Hi, licences missing after activation. Our usage start is 3 December 2026.",
])
def test_a_date_told_plainly_still_settles(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("usage_start") == date(2026, 12, 3) and r.cause == "usage-start-pending"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Der Partner meint, unsere Domäne sei längst verifiziert.",
    "Hallo, die Aktivierungsmail fehlt. Die Domäne ist voraussichtlich schon verifiziert.",
])
def test_a_state_in_reported_subjunctive_or_only_expected_stays_unknown(bundled, text):
    r = triage(bundled, text)
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi, no activation email. A colleague checked the junk folder, he says, but he's not sure it was the right mailbox.",
    "Hello, still no activation mail. Our OSM is a global admin, but I'm not sure that was ever confirmed.",
])
def test_a_doubt_before_an_english_was_clause_still_doubts(bundled, text):
    r = triage(bundled, text)
    assert "junk_checked" not in r.facts and "osm_is_admin" not in r.facts and r.cause is None


def test_a_doubt_with_its_own_german_was_clause_doubts_only_that(bundled):
    r = triage(bundled, "Hallo, noch keine Aktivierungsmail. Die Domäne ist verifiziert, nicht sicher, was das bedeutet.")
    assert r.facts.get("domain_verified") is True


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Die Reservierung ist, wenn ich mich recht erinnere, nicht wirksam.",
    "Hi, no activation email. The reservation is not effective, if I remember correctly.",
])
def test_what_the_writer_only_remembers_stays_unknown(bundled, text):
    r = triage(bundled, text)
    assert "reservation_effective" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hi, licences missing after activation. Our usage start is pencilled in for 4 December 2026.",
    "Hallo, keine Lizenzen sichtbar. Der Nutzungsbeginn ist für den 04.12.2026 angepeilt.",
    "Hi, licences missing after activation. Target usage start: 4 December 2026.",
])
def test_a_date_only_aimed_at_stays_unknown(bundled, text):
    r = triage(bundled, text)
    assert "usage_start" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hello, still no activation email for our order. The domain is not verified yet as far as I know.",
    "Hi, no activation mail so far. Our enrollment is not linked to any tenant yet I believe.",
])
def test_a_belief_after_yet_still_reaches_the_denied_fact(bundled, text):
    facts = triage(bundled, text).facts
    assert "domain_verified" not in facts and "enrollment_linked" not in facts


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Unsere Domäne ist im Tenant verifiziert, hat man mir gesagt, nachsehen "
    "konnte ich selbst nicht.",
    "Hello, the activation mail is missing. Our domain is verified in the tenant, I'm told, I never looked myself.",
])
def test_a_saying_set_off_after_the_statement_leaves_it_open(bundled, text):
    result = triage(bundled, text)
    assert "domain_verified" not in result.facts and result.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail ist noch nicht da. Nutzungsbeginn laut Auftrag 02.12.2026 – Änderungen vorbehalten.",
    "Hallo, keine Aktivierungsmail bisher. Der Nutzungsbeginn ist der 02.12.2026, noch zu bestätigen durch den Händler.",
    "Hi, the activation email hasn't come. Usage start per the order is 2 December 2026 (subject to change).",
    "Hi, no activation email so far. Our usage start is 2 December 2026 - still to be confirmed by the reseller.",
])
def test_a_reservation_set_off_after_a_date_leaves_it_open(bundled, text):
    result = triage(bundled, text)
    assert "usage_start" not in result.facts and result.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Bestellt haben wir noch nicht, vermutlich nächste Woche.",
    "Hi, the activation email is missing. We have not placed the order yet, probably next week.",
])
def test_a_hedge_of_a_plan_set_off_after_a_denial_keeps_the_denial(bundled, text):
    assert triage(bundled, text).facts.get("order_placed") is False


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Sobald unsere Domäne verifiziert ist, geben wir Ihnen Bescheid.",
    "Hallo, die Aktivierungsmail fehlt. Solange die Reservierung nicht wirksam ist, warten wir ab.",
])
def test_a_time_that_is_a_condition_leaves_its_fact_open(bundled, text):
    result = triage(bundled, text)
    assert result.cause is None
    assert "domain_verified" not in result.facts and "reservation_effective" not in result.facts


@pytest.mark.parametrize("text", [
    "Hallo, uns fehlt die Aktivierungsmail. Unser OSM wird nach der Umstellung anna.berg@outlook.com sein.",
    "Hallo, uns fehlt die Aktivierungsmail. Die Domäne wird bis dahin sicher verifiziert sein.",
    "Hi, we are missing the activation mail. After the switch our OSM will be anna.berg@outlook.com.",
])
def test_a_future_to_be_with_its_words_apart_states_nothing_yet(bundled, text):
    result = triage(bundled, text)
    assert result.cause is None
    assert "osm_email" not in result.facts and "domain_verified" not in result.facts


def test_a_present_to_be_beside_a_future_one_still_states(bundled):
    result = triage(bundled, "Hallo, uns fehlt die Aktivierungsmail. Unser OSM ist anna.berg@outlook.com, "
                             "das wird auch so bleiben.")
    assert result.cause == "outlook-com-address"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Zum Vergleich die Angaben aus dem Fall eines anderen Kunden: Domäne verifiziert: ja.",
    "Hello, the activation mail is missing. For comparison, the notes of another customer's case: domain verified: yes.",
    "Hello, the activation mail is missing. A table from a different customer's case: OSM | p.lee@outlook.com",
])
def test_facts_pasted_from_another_customers_case_state_nothing_of_this_one(bundled, text):
    result = triage(bundled, text)
    assert result.cause is None
    assert "domain_verified" not in result.facts and "osm_email" not in result.facts


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Wir müssten eigentlich noch den Junk-Ordner durchsehen, kamen aber nicht dazu.",
    "Hallo, die Aktivierungsmail fehlt. Den Spam-Ordner müsste unser Admin eigentlich prüfen.",
    "Hello, the activation mail is missing. We still have to go through the junk folder.",
])
def test_what_ought_to_be_done_is_not_done(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is not True


@pytest.mark.parametrize("text", [
    "Hallo, die Lizenzen sind nicht in unserem Konto. Wir finden sie im Tenant unserer Schwesterfirma, sie wurden "
    "für das falsche Konto aktiviert.",
    "Hi, the licenses are not in our account. We found them in the tenant of our sister company, they were "
    "activated for the wrong account.",
])
def test_another_companys_tenant_named_as_a_place_does_not_set_the_sentence_there(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("right_account") is False
    assert r.cause == "wrong-account"


@pytest.mark.parametrize("text", [
    "Hallo, keine Lizenzen sichtbar. Bei unserer Schwesterfirma wurden die Lizenzen für das falsche Konto aktiviert, "
    "bei uns ist alles leer.",
    "Hi, we see no licenses. At our sister company the licenses were activated for the wrong account, ours is empty.",
])
def test_a_sentence_set_at_another_company_states_nothing_of_the_case(bundled, text):
    assert "right_account" not in triage(bundled, text).facts
