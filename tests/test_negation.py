"""Reading a ticket as an agent would: negation by scope, hedges, examples, quoted and past
text, evidence; each case a new ticket, in German and in English (bundled knowledge base)."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.tickets.negation import polarity
from faq.tickets.tokens import tokenize
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 24)


@pytest.fixture(scope="module")
def bundled():
    return load()


def triage(bundled, text):
    kb, matcher = bundled
    return triage_text(text, kb, matcher, TODAY)


# -- negation applies to its phrase ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hallo, zu unserer Bestellung vom September haben wir nie eine Aktivierungs-E-Mail bekommen. Gruß, Tim",
    "Hi there, we never got any activation e-mail for our order from September. Cheers, Tim",
])
def test_never_received_is_not_never_ordered(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert r.facts.get("order_placed") is not False and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Die Prüfung meines Spam-Ordners brachte leider nichts. Laut VLSC ist "
    "sie an einen anderen Kontakt gegangen. Gruß, Vera",
    "Hi, the activation mail is missing. A quick junk folder check on my side found nothing; VLSC shows it went "
    "to another contact. Regards, Vera",
])
def test_a_check_that_found_nothing_was_done(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("junk_checked") is True
    assert r.cause == "sent-to-other-contact"


@pytest.mark.parametrize("text", [
    "Servus, der Aktivierungslink geht bei uns nicht mehr. Die Aktivierungs-E-Mail ist am 04.02.2026 eingegangen, "
    "aufgerufen haben wir sie erst diese Woche. Ist der Link verfallen?",
    "Hallo, der Aktivierungslink funktioniert nicht. Laut Bestellung startet die Nutzung am 01.03.2026. "
    "Ist der Link abgelaufen?",
    "Hi, the activation link doesn't open any more. The activation e-mail was delivered on 4 February 2026 and "
    "we only opened it this week. Has the link run out?",
    "Hello, the activation link fails. According to the order, usage began on March 1, 2026. Has the link expired?",
])
def test_a_date_of_another_event_is_no_purchase_date(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-link-expiry"
    assert "purchase_date" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, der Aktivierungslink funktioniert nicht. Gekauft haben wir die Lizenzen am 04.02.2026. Ist er abgelaufen?",
    "Hi, the activation link fails. We bought the licenses on 4 February 2026. Has it expired?",
])
def test_a_purchase_date_is_still_read(bundled, text):
    r = triage(bundled, text)
    assert str(r.facts.get("purchase_date")) == "2026-02-04" and r.cause == "activation-link-expired"


@pytest.mark.parametrize("text", [
    "Guten Tag, zu unserer Bestellung fehlt die Aktivierungsmail. Was wir wissen:\n"
    "* OSM: lizenzen@kaufhaus-roth.de\n* Domäne bereits für ein Onlinekonto überprüft: weiß ich nicht\n"
    "* Spam-Ordner geprüft: ja\nGruß, Jana Roth",
    "Hello, the activation mail for our order is missing. What we know so far:\n"
    "* OSM: licensing@roth-stores.com\n* domain verified: don't know\n"
    "* junk folder checked: yes\nBest, Jana Roth",
])
def test_a_list_item_answered_with_a_hedge_leaves_its_fact_open(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert "domain_verified" not in r.facts and r.cause != "domain-verified"
    assert r.facts.get("junk_checked") is True


@pytest.mark.parametrize("text", [
    "Guten Tag, zu unserer Bestellung fehlt die Aktivierungsmail.\n- OSM: lizenzen@kaufhaus-roth.de\n"
    "- Domäne verifiziert: nein\n- Spam-Ordner geprüft: noch nicht\nGruß, Jana Roth",
    "Hello, the activation mail for our order is missing.\n- OSM: licensing@roth-stores.com\n"
    "- domain verified: no\n- junk folder checked: not yet\nBest, Jana Roth",
])
def test_a_list_item_answered_no_denies_its_fact(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("domain_verified") is False and r.facts.get("junk_checked") is False


@pytest.mark.parametrize("text", [
    "Guten Tag, wir haben Defender for Office 365 bestellt, eine Aktivierungsmail ist nicht da. Den Spam-Ordner "
    "werde ich morgen prüfen.",
    "Hi, we ordered Defender for Office 365 and there is no activation mail. I'll check the spam folder tomorrow.",
])
def test_a_check_still_to_be_done_is_no_check(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert "junk_checked" not in r.facts


@pytest.mark.parametrize("text", [
    "Guten Tag, die Aktivierungsmail zu unserer Bestellung fehlt. In den Junk-Ordner und die Quarantäne habe ich "
    "noch nicht geschaut.",
    "Hi, the activation mail for our order is missing. I haven't looked in the junk folder and the quarantine yet.",
])
def test_a_cue_reaches_across_a_coordinated_object(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("junk_checked") is False


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail zu unserer Bestellung fehlt. Als OSM steht osm@brandt-logistik.de in der "
    "Registrierung und unser globaler Administrator ist Herr Yilmaz.",
    "Hello, the activation mail for our order is missing. The OSM on the enrollment is osm@brandt-logistics.com "
    "and our global admin is Chidi.",
])
def test_a_global_admin_named_beside_the_osm_is_not_the_osm_address(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert "osm_is_admin" not in r.facts and r.cause != "osm-is-existing-admin"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail zu unserer Bestellung fehlt. Als OSM steht osm@brandt-logistik.de in der "
    "Registrierung, und diese Adresse ist auch globaler Administrator unseres bestehenden Microsoft-365-Kontos.",
    "Hello, the activation mail for our order is missing. The OSM on the enrollment is osm@brandt-logistics.com "
    "and that address is also a global admin of our existing Microsoft 365 account.",
])
def test_the_osm_address_said_to_be_global_admin_still_is(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("osm_is_admin") is True and r.cause == "osm-is-existing-admin"


@pytest.mark.parametrize("text", [
    "Guten Tag, die Aktivierungsmail für Project Plan 3 ist nie gekommen. Diesen Monat haben wir nichts Neues "
    "bestellt; unsere Bestellung lief schon im Oktober.",
    "Hi, we never received the activation mail for Project Plan 3. We haven't ordered anything new since then; "
    "our order went out back in October.",
])
def test_a_denied_new_order_does_not_deny_the_order(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert r.facts.get("order_placed") is not False and r.cause != "no-order"


@pytest.mark.parametrize("text", [
    "Guten Tag, die Aktivierungsmail fehlt. Im Junk-Ordner hat bisher niemand von uns nachgesehen.",
    "Hello, the activation mail is missing. Nobody here has looked in the junk folder so far.",
])
def test_nobody_checked_means_not_checked(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("junk_checked") is False


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail da. Den Spam-Ordner haben wir noch gar nicht kontrolliert.",
    "Hi, no activation mail here. We haven't even checked the spam folder yet.",
])
def test_not_even_yet_checked_means_not_checked(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is False


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail kam nicht. Unsere Domäne ist bei keinem Onlinedienstkonto verifiziert.",
    "Hello, the activation mail did not come. Our domain is not verified for any online services account.",
])
def test_negated_verification_is_no(bundled, text):
    assert triage(bundled, text).facts.get("domain_verified") is False


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Die OSM-Adresse ist kein globaler Admin oder Abrechnungsadmin.",
    "Hi, the activation mail is missing. The OSM address is not a global or billing admin of any account.",
])
def test_a_negated_coordination_never_becomes_yes(bundled, text):
    assert triage(bundled, text).facts.get("osm_is_admin") is not True


def test_negation_scope_stops_at_a_preposition():
    text = "we never received the activation email for our order"
    tokens = tokenize(text)
    words = [t.word for t in tokens]
    order = words.index("order")
    received = words.index("received")
    assert polarity(tokens, text, (order, order), ("order",), words) is True
    assert polarity(tokens, text, (received, received), ("received",), words) is False


@pytest.mark.parametrize("text", [
    "Guten Tag, unsere Aktivierungsmail fehlt. Im VLSC sehen wir: Sie ist nicht an einen anderen Kontakt gegangen.",
    "Hi, our activation email is missing. VLSC shows that it did not go to another contact.",
    "Hi, our activation email is missing. According to VLSC it has not been sent to another contact.",
])
def test_a_denied_verb_denies_the_phrase_it_governs(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("sent_to_other_contact") is False and r.cause != "sent-to-other-contact"


@pytest.mark.parametrize("text", [
    "Hallo, wir haben nie eine Aktivierungsmail für die Bestellung bekommen, die unser Händler aufgegeben hat.",
    "Hello, we have not had mail for the order our reseller placed, no activation email at all.",
])
def test_a_denied_noun_leaves_the_phrase_after_it_alone(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("order_placed") is not False and r.cause != "no-order"


@pytest.mark.parametrize("text", [
    "Guten Tag, keine Aktivierungsmail bisher. Zum Durchsuchen des Spam-Ordners bin ich leider noch nicht gekommen.",
    "Guten Tag, keine Aktivierungsmail bisher. Den Junk-Ordner zu kontrollieren habe ich noch nicht geschafft.",
    "Guten Tag, keine Aktivierungsmail bisher. Ich hatte noch keine Zeit, im Spam-Ordner nachzuschauen oder ihn zu prüfen.",
    "Hello, no activation email so far. I haven't had time to check the junk folder.",
    "Hello, no activation email so far. I had no chance yet to check the spam folder.",
])
def test_an_infinitive_denied_by_its_clause_is_not_done(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is False


@pytest.mark.parametrize("text", [
    "Guten Tag, keine Aktivierungsmail bisher. Ich habe extra daran gedacht, den Spam-Ordner zu prüfen.",
    "Guten Tag, keine Aktivierungsmail bisher. Den Junk-Ordner zu prüfen hat nichts gebracht.",
    "Hello, no activation email so far. I remembered to check the spam folder, nothing there.",
    "Hello, no activation email so far. It is not in spam, I made sure to check the junk folder.",
])
def test_an_infinitive_not_denied_is_never_a_no(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("junk_checked") is not False and r.cause != "junk-folder"


@pytest.mark.parametrize("text", [
    "Guten Tag, keine Aktivierungsmail bisher. Wir haben vergessen, im Spam-Ordner nachzusehen.",
    "Guten Tag, keine Aktivierungsmail bisher. Im Junk-Ordner nachzuschauen habe ich noch nicht geschafft.",
])
def test_an_infinitive_with_zu_inside_denied_by_its_clause_is_not_done(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is False


@pytest.mark.parametrize("text", [
    "Hallo, wir werden über die Registrierung 6123xxxx Exchange Online aktivieren lassen. Jetzt haben wir unter "
    "derselben Registrierung Visio bestellt, aber keine Aktivierungsmail bekommen.",
    "Hi, we meant to have Exchange activated from enrollment 5512xxxx but never did. Last week we ordered Visio "
    "under the same enrollment and no activation email arrived.",
    "Hi, did we activate Exchange from enrollment 5512xxxx before? Last week we ordered Visio under the same "
    "enrollment and no activation email arrived.",
])
def test_the_same_enrollment_points_back_only_at_an_activation_stated(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("enrollment_linked") is not True and r.cause != "enrollment-already-linked"


@pytest.mark.parametrize("text", [
    "Hallo, nach der Aktivierung fehlen die Lizenzen für das Add-on. Das Basisabo haben wir von der alten auf die "
    "neue Registrierung umgezogen, das Add-on liegt auch auf der neuen Registrierung.",
    "Hi, the add-on licenses are missing after activation. Our base subscription was moved from the old enrollment "
    "to the new enrollment, and the add-on is on the new enrollment as well.",
])
def test_old_and_new_enrollment_not_each_qualifying_base_and_add_on_state_nothing(bundled, text):
    r = triage(bundled, text)
    assert "base_same_enrollment" not in r.facts and r.cause != "addon-base-mismatch"


# -- hedges leave the fact open ----------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hallo, nach der Aktivierung sehen wir keine Lizenzen. Es sieht so aus, als hätte sich mein Kollege beim Klick "
    "auf den Link im Testmandanten angemeldet.",
    "Hi, after activating we see no licenses. It looks like my colleague was signed in to our test tenant when he "
    "clicked the link.",
])
def test_what_only_looks_so_leaves_the_fact_unknown(bundled, text):
    r = triage(bundled, text)
    assert r.id == "licenses-not-visible"
    assert "right_account" not in r.facts and r.cause != "wrong-account"


# -- only the customer's own words state facts ------------------------------------------


@pytest.mark.parametrize("text", [
    "Hallo,\ndie Aktivierungsmail fehlt weiterhin.\n\n> Am 02.11.2026 schrieb Support:\n"
    "> Haben Sie als OSM eine Adresse wie beispiel@outlook.com hinterlegt?\n\nGruß\nK. Lenz",
    "Hello,\nthe activation mail is still missing.\n\n> On 2 Nov 2026 Support wrote:\n"
    "> Is a consumer address such as example@outlook.com listed as the OSM?\n\nRegards\nK. Lenz",
])
def test_quoted_support_question_with_an_example_states_nothing(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert "osm_email" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail kam nicht. Adressen wie z. B. name@outlook.com verwenden wir nicht, "
    "unser OSM ist lizenzen@brandt-bau.de.",
    "Hi, the activation mail did not arrive. We do not use addresses such as name@outlook.com, "
    "our OSM is licensing@brandt-build.com.",
])
def test_an_example_address_is_not_the_osm(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("osm_email", "").split("@")[1] in ("brandt-bau.de", "brandt-build.com")
    assert r.cause != "outlook-com-address"


@pytest.mark.parametrize("text", [
    "Hallo, früher war als OSM m.k@outlook.com eingetragen, das haben wir auf it@kraemer-gmbh.de geändert. "
    "Die Aktivierungsmail ist trotzdem nicht gekommen.",
    "Hi, formerly m.k@outlook.com was listed as the OSM; we changed it to it@kraemer-ltd.com. "
    "The activation mail still has not come.",
])
def test_a_former_address_is_no_fact_now(bundled, text):
    r = triage(bundled, text)
    assert r.cause != "outlook-com-address"
    assert not r.facts.get("osm_email", "").endswith("outlook.com")


# -- dates with a verb of their own ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Guten Tag, laut Bestellung beginnt die Nutzung am 20.12.2026. Die Aktivierungsmail ist noch nicht da.",
    "Hello, our usage starts on 20 December 2026 according to the order. The activation mail has not arrived.",
])
def test_usage_start_read_from_a_verb_phrase(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("usage_start") == date(2026, 12, 20) and r.cause == "usage-start-pending"


# -- evidence -------------------------------------------------------------------------------


def test_evidence_gives_the_words_their_offsets_and_whose_they_are(bundled):
    text = ("Guten Tag,\nunser OSM ist anna.roth@outlook.com. Im Spam-Ordner hat noch niemand nachgeschaut.\n\n"
            "Viele Grüße\nAnna Roth")
    obj = triage(bundled, text).to_json()
    evidence = obj["evidence"]
    assert set(evidence) == set(obj["facts"]) == {"osm_email", "junk_checked"}
    for ev in evidence.values():
        assert text[ev["start"]:ev["end"]] == ev["quote"] and ev["own"] is True
    assert evidence["osm_email"]["quote"] == "anna.roth@outlook.com"
    assert "niemand" in evidence["junk_checked"]["quote"]


@pytest.mark.parametrize("text", [
    "Hallo,\nder Link aus der Aktivierungsmail funktioniert nicht mehr, siehe unten.\n\n"
    "-----Original Message-----\nFrom: Händler\nKaufdatum: 02.03.2026\n",
    "Hello,\nthe activation link no longer works, see the mail from our reseller below.\n\n"
    "---------- Forwarded message ---------\nFrom: Reseller\n\nYour purchase date: 2 March 2026.\n",
])
def test_evidence_of_a_forwarded_statement_is_marked_quoted(bundled, text):
    obj = triage(bundled, text).to_json()
    assert obj["facts"] == {"purchase_date": "2026-03-02"}
    ev = obj["evidence"]["purchase_date"]
    assert ev["own"] is False and ev["source"] == "quoted"
    assert text[ev["start"]:ev["end"]] == ev["quote"]


# -- answers written under quoted questions -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndie Aktivierungsmail fehlt weiterhin, hier meine Antworten:\n\n> Am 18.11.2026 schrieb Support:\n> Welche Adresse ist als OSM eingetragen, "
    "etwa eine wie name@outlook.com?\n\nNein, es ist lizenz@moser-holz.de.\n\n"
    "> Wann beginnt die Nutzung laut Bestellung?\n\nAm 1. November 2026.\n\n"
    "> Haben Sie den Junk-Ordner geprüft?\n\nNoch nicht, unsere IT ist im Urlaub.\n\nGruß\nEva Moser",
    "Hi,\n\nthe activation mail is still missing, my answers below:\n\n> On 18 Nov 2026 Support wrote:\n> Which address is listed as the OSM, one such as "
    "name@outlook.com?\n\nNo, it is licensing@moser-wood.com.\n\n> When does the usage start according to the order?"
    "\n\n1 November 2026.\n\n> Did you check the junk folder?\n\nNot yet, our IT is on holiday.\n\nRegards\nEva Moser",
])
def test_answers_under_quoted_questions_state_facts_with_the_question_as_context(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert r.facts["osm_email"].startswith("licensing@") or r.facts["osm_email"].startswith("lizenz@")
    assert r.facts["usage_start"] == date(2026, 11, 1)
    assert r.facts["junk_checked"] is False and r.cause == "junk-folder"
    ev = r.to_json()["evidence"]["junk_checked"]
    assert ev["source"] == "answer" and ev["own"] is True and text[ev["start"]:ev["end"]] == ev["quote"]


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndie Aktivierungsmail ist weiter nicht da.\n\n> Haben Sie den Junk-Ordner geprüft?\n\n"
    "Ja, dort ist nichts.\n\nGruß\nEva",
    "Hi,\n\nthe activation mail is still not here.\n\n> Did you check the junk folder?\n\nYes, nothing there."
    "\n\nRegards\nEva",
])
def test_a_yes_answer_takes_the_question_as_stated(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("junk_checked") is True


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Die Domain holz-kurz.de ist nicht in einem fremden Tenant, sondern in unserem "
    "eigenen Microsoft-365-Konto verifiziert.",
    "Hi, the activation mail is missing. The domain holz-kurz.example is not in some other tenant but verified in "
    "our own Microsoft 365 account.",
])
def test_a_domain_name_between_the_words_of_a_cue_is_no_distance(bundled, text):
    assert triage(bundled, text).facts.get("domain_verified") is True


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail - nicht im Posteingang, nicht im Spam (beides geprüft).",
    "Hi, no activation e-mail - not in the inbox, not in junk (checked both).",
])
def test_a_parenthesis_keeps_a_cue_apart(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is True


@pytest.mark.parametrize("text", [
    "Hallo, wir warten auf die Aktivierungsmail. Ich sollte vielleicht erwähnen, dass unsere Domäne bereits "
    "verifiziert ist.",
    "Hello, we are waiting for the activation mail. I should perhaps mention that our domain is already verified.",
])
def test_a_hedge_on_mentioning_leaves_the_fact_stated(bundled, text):
    assert triage(bundled, text).facts.get("domain_verified") is True


# -- topic: the problem after "aber"/"but" ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Guten Tag,\n\nals OSM ist in unserer Registrierung die Adresse einkauf.lechner@outlook.com eingetragen. "
    "Microsoft 365 E5 haben wir vor zwei Wochen beim Händler bestellt, aber es ist bis heute keine Aktivierungsmail "
    "gekommen.\n\nGruß\nPeter Lechner",
    "Hello,\n\nour Online Services Manager is registered on the enrollment with the address "
    "purchasing.lechner@outlook.com. We ordered Microsoft 365 E5 through our reseller two weeks ago, but no "
    "activation email has come to date.\n\nRegards\nPeter Lechner",
])
def test_the_problem_after_but_decides_over_the_context_before_it(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing" and r.cause == "outlook-com-address"


# -- numbered answers to the numbered questions of a quoted mail --------------------------------


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndie Aktivierungsmail fehlt immer noch. Hier meine Antworten:\n\n1. nein\n2. am 10.11.2026\n\n"
    "Gruß, K. Vogt\n\n> -----Ursprüngliche Nachricht-----\n> Von: Lizenzteam <team@partner-nord.de>\n>\n"
    "> Bitte beantworten Sie kurz:\n> 1. Ist die Reservierung schon wirksam geworden?\n"
    "> 2. Wann haben Sie die Reservierung aufgegeben?",
    "Hi,\n\nstill no activation mail. My answers:\n\n1) no\n2) on 10 November 2026\n\nBest, K. Vogt\n\n"
    "> -----Original Message-----\n> From: Licensing team <team@partner-north.com>\n>\n"
    "> Please answer briefly:\n> 1) Has the reservation taken effect yet?\n"
    "> 2) When did you place the reservation?",
])
def test_numbered_answers_answer_the_quoted_numbered_questions(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert r.facts.get("reservation_effective") is False and str(r.facts.get("reservation_date")) == "2026-11-10"
    assert r.cause == "reservation-not-processed"


# -- short questions the customer asks and answers at once ---------------------------------------


@pytest.mark.parametrize(("text", "verified", "checked"), [
    ("Hallo, zu unserer Bestellung kam keine Aktivierungsmail. Domäne verifiziert? Nein. Junk-Ordner geprüft? "
     "Ja, leer.", False, True),
    ("Hi, no activation mail for our order. Domain verified? No. Junk folder checked? Yes, empty.", False, True),
    ("Hallo, zu unserer Bestellung kam keine Aktivierungsmail. Domäne verifiziert? Keine Ahnung.", None, None),
    ("Hi, no activation mail for our order. Domain verified? Not sure.", None, None),
    ("Hallo, zu unserer Bestellung kam keine Aktivierungsmail. Ist die Domäne verifiziert? Nein, weiß ich nicht.",
     None, None),
    ("Hi, no activation mail for our order. Is the domain verified? No, we don't know.", None, None),
    # an indirect question the writer answers: its "ob"/"whether" asks, the answer states
    ("Guten Tag, für unsere Bestellung kam keine Aktivierungsmail an unseren OSM. Ob er im Spam-Ordner "
     "nachgesehen hat? Nein, das hat er noch nicht.", None, False),
    ("Hello, our OSM never got the activation mail for our order. Whether anyone looked in the junk folder? "
     "No, nobody did yet.", None, False),
    ("Hello, our OSM never got the activation mail for our order. Did anyone look in the junk folder? "
     "Yes, it is empty.", None, True),
    # a question that only names a thing is a label to the statement after it
    ("Hallo, die Aktivierungsmail zu unserer Bestellung fehlt. Spam-Ordner? Längst geprüft, da liegt nichts.",
     None, True),
    ("Hallo, die Aktivierungsmail zu unserer Bestellung fehlt. Junk-Ordner? Noch nicht angeschaut.", None, False),
    ("Hallo, die Aktivierungsmail zu unserer Bestellung fehlt. Spam-Ordner prüfen? Mache ich morgen.", None, None),
    ("Hi, the activation mail for our order is missing. Junk folder? Checked twice, nothing there.", None, True),
    ("Hi, the activation mail for our order is missing. Spam folder? Haven't checked it yet.", None, False),
    ("Hi, the activation mail for our order is missing. Check the junk folder? Will do tomorrow.", None, None),
])
def test_a_question_answered_at_once_states_its_fact(bundled, text, verified, checked):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert r.facts.get("domain_verified") is verified and r.facts.get("junk_checked") is checked


# -- doubt and belief have scope ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Guten Morgen, wir haben über unseren Fachhändler zwanzig Lizenzen Visio bestellt, eine Aktivierungsmail "
    "kam aber nie. Viele Grüße, Omar",
    "Good morning, we ordered twenty Visio licences through our reseller, but an activation mail never came. "
    "Best, Omar",
    "Guten Morgen, eine Aktivierungsmail kam nie, obwohl wir die Visio-Lizenzen schon bestellt haben. Gruß, Omar",
    "Guten Morgen, bestellt haben wir die Visio-Lizenzen am 3. November, eine Aktivierungsmail kam nie. Gruß, Omar",
])
def test_an_order_told_around_a_verb_bracket_is_placed(bundled, text):
    r = triage(bundled, text)
    assert r.id == "activation-email-missing"
    assert r.facts.get("order_placed") is True and r.cause is None


def test_nothing_ordered_inside_a_verb_bracket_is_no_order(bundled):
    r = triage(bundled, "Hallo, wir haben bei unserem Händler noch gar nichts bestellt. Kommt die Aktivierungsmail trotzdem?")
    assert r.facts.get("order_placed") is not True


@pytest.mark.parametrize("text", [
    "Hallo, es fehlt die Aktivierungsmail für unsere Bestellung. Unter dieser Registrierung ist bisher nie etwas "
    "aktiviert worden, es ist unser erster Onlinedienst.",
    "Hi, the activation mail for our order is missing. Nothing has been activated under this enrollment so far, "
    "it is our first online service.",
])
def test_nothing_activated_under_the_enrollment_is_not_linked(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("enrollment_linked") is False


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt. Wir möchten die neuen Lizenzen unter dieser Registrierung aktiviert haben.",
    "Hi, the activation mail is missing. We want the new licences activated under this enrollment.",
])
def test_a_wish_states_no_activation(bundled, text):
    r = triage(bundled, text)
    assert "enrollment_linked" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Moin, bin im VLSC als Onlineadministrator eingetragen. Kann ich damit selbst Reservierungen anlegen?",
    "Hi, I'm set up as Online Administrator in VLSC. Can I place reservations myself?",
])
def test_a_role_the_writer_holds_without_a_pronoun(bundled, text):
    r = triage(bundled, text)
    assert r.id == "osm-reservations" and r.facts.get("role") == "ola" and r.cause == "can-reserve"


@pytest.mark.parametrize("text", [
    "Hallo, unsere Registrierung ist verlängert, unterschrieben haben wir unter dem Organisationsnamen "
    "Feldmann Logistik wie bisher. Kommt da noch eine Aktivierungsmail?",
    "Hello, our enrollment is renewed, we signed under the organization name Feldmann Logistics as before. "
    "Will an activation mail still come?",
])
def test_the_organisation_name_as_before_is_the_same(bundled, text):
    r = triage(bundled, text)
    assert r.id == "renewal-activation" and r.facts.get("same_org_name") is True


@pytest.mark.parametrize("text", [
    "Hallo, nach der Aktivierung fehlen uns die Lizenzen im Portal. Laut Händler ist der Nutzungsbeginn erst morgen.",
    "Hi, after activating we see no licences in the portal. Our reseller says the usage start is only tomorrow.",
])
def test_tomorrow_as_a_date_is_no_intention(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("usage_start") == date(2026, 11, 25) and r.cause == "usage-start-pending"


@pytest.mark.parametrize("text", [
    "Guten Tag, wir sehen nach der Aktivierung keine Lizenzen. Unser Konto haben wir in einem Land angelegt, "
    "in dem der Dienst nach Auskunft des Händlers bisher nicht angeboten wird.",
    "Hello, we see no licences after activating. We set up our account in a country where, according to our "
    "reseller, the service is not offered so far.",
])
def test_a_relative_clause_speaks_of_its_noun(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("service_in_country") is False and r.cause == "country-not-launched"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail ist weg. Den Junk-Ordner hat unsere IT nicht nur einmal durchsucht, nichts da.",
    "Hello, the activation mail is gone. Our IT searched the junk folder not just once, nothing there.",
])
def test_not_only_states_what_follows(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("junk_checked") is True and r.cause != "junk-folder"


@pytest.mark.parametrize("text", [
    "Hallo, bei uns ist keine Aktivierungsmail angekommen. Unser Händler behauptet, die Domäne sei schon verifiziert.",
    "Hi, no activation mail has reached us. Our reseller claims the domain is verified already.",
])
def test_a_claim_of_someone_else_leaves_the_fact_open(bundled, text):
    r = triage(bundled, text)
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Der Einkauf sagt, die Domäne ist verifiziert, unsere IT sieht das anders.",
    "Hi, no activation mail. Purchasing says the domain is verified, but our IT says it isn't.",
])
def test_a_contradiction_in_the_same_sentence_leaves_the_fact_open(bundled, text):
    r = triage(bundled, text)
    assert "domain_verified" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Den Spam-Ordner kann ich selbst nicht prüfen, das übernimmt unsere IT.",
    "Hi, no activation mail. I cannot check the spam folder myself, our IT handles that.",
])
def test_an_ability_denied_is_no_check_denied(bundled, text):
    r = triage(bundled, text)
    assert "junk_checked" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Wir haben den OSM im Oktober von lena.f@outlook.com auf lizenzen@gaertnerei-frank.de umgestellt.",
    "Hi, no activation mail. In October we switched the OSM from lena.f@outlook.com to licensing@frank-nursery.com.",
])
def test_the_address_a_change_started_from_is_not_the_osm(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("osm_email") in {"lizenzen@gaertnerei-frank.de", "licensing@frank-nursery.com"}
    assert r.cause != "outlook-com-address"


def test_a_statement_without_its_pronoun_still_states(bundled):
    r = triage(bundled, "Hallo, keine Aktivierungsmail. Habe den Spam-Ordner geprüft, nichts gefunden.")
    assert r.facts.get("junk_checked") is True


@pytest.mark.parametrize("text", [
    "Hallo,\n\nweiterhin keine Aktivierungsmail.\n\n> 1. Wurde der Junk-Ordner geprüft, auch die Mailfilter?\n"
    "Nein, noch nicht.\n\nGruß, Ida",
    "Hi,\n\nstill no activation mail.\n\n> 1. Has the junk folder been checked, including the mail filters?\n"
    "No, not yet.\n\nBest, Ida",
])
def test_an_answer_under_a_question_with_a_comma_still_answers(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is False


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Früher hatten wir schon Dienste über eine andere Registrierung aktiviert.",
    "Hi, no activation mail. We activated services under a different enrollment in the past.",
])
def test_another_enrollment_is_not_this_one(bundled, text):
    r = triage(bundled, text)
    assert "enrollment_linked" not in r.facts and r.cause is None


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Die Reservierung ist seit Montag aktiv, bestellt haben wir auch.",
    "Hi, no activation mail. The reservation is active since Monday, and the licenses show up in the License Summary.",
])
def test_an_active_reservation_is_effective(bundled, text):
    assert triage(bundled, text).facts.get("reservation_effective") is True


# -- dialect negations and forgotten checks ----------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("Grüezi, d Aktivierigsmail isch nöd acho. Im Spam hämmer no nöd nachegluegt.", False),
    ("Servus, de Aktivierungsmail is ned kumma, im Spam hob i scho gschaut, do is koane.", True),
    ("Hoi zäme, d Aktivierigsmail fählt. Im Junk-Ordner hämmer nonig nachegluegt.", False),  # "nonig": noch nicht
    ("Hi, activation email never turned up. Ain't checked the junk folder yet, sorry.", False),
])
def test_dialect_negations_and_checking_verbs(bundled, text, value):
    assert triage(bundled, text).facts.get("junk_checked") is value


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail fehlt. Ehrlich gesagt habe ich vergessen, den Junk-Ordner zu kontrollieren.",
    "The activation mail is missing. I forgot to look through the spam folder, to be honest.",
])
def test_a_check_forgotten_is_no_check(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is False


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\nIhre Fragen von gestern:\n1. Wurde der Junk-Ordner geprüft?\n2. Die OSM-Adresse reiche ich nach."),
    ("en", "Hello,\n\nforwarding your questions to IT:\n1. Have you checked the junk folder and any mail rules?\n"
           "2. Which address is listed as OSM?"),
])
def test_a_numbered_question_states_nothing(lang, text):
    from faq.kb.loader import load_knowledge_base
    from faq.tickets.facts import extract_facts

    kb = load_knowledge_base()
    read = extract_facts(text, kb.flow("missing-activation-email"), TODAY, lang, kb.vocabulary)
    assert read.facts.get("junk_checked") is None


@pytest.mark.parametrize("text", [
    "Hello, the activation email is missing. The licences are not in the tenant this order is for. Regards, Ada",
    "Hi, the activation email never came. The OSM should be set in the tenant of our branch, not in the tenant "
    "this order is for. Regards, Ada",
])
def test_a_negation_beside_this_order_does_not_deny_the_order(bundled, text):
    assert triage(bundled, text).facts.get("order_placed") is not False


# -- a denied sameness denies no thing it compares with -------------------------------------


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Hi, the Teams Phone licences are an add-on and missing. The base plan sits on another enrollment, not the same "
           "as the add-on."),
    ("de", "Hallo, die fehlenden Lizenzen sind ein Add-on. Das Basisabo hat eine andere Registrierungsnummer, nicht "
           "dieselbe wie das Add-on."),
])
def test_a_denied_sameness_leaves_the_thing_compared_stated(bundled, lang, text):
    result = triage(bundled, text)
    assert result.facts.get("is_addon") is True
    assert result.facts.get("base_same_enrollment") is False


def test_a_denied_sameness_states_nothing_of_what_follows_it():
    text = "Das Basisabo ist nicht dieselbe Registrierung wie das Add-on."
    tokens = tokenize(text)
    at = next(i for i, t in enumerate(tokens) if t.word == "add")
    assert polarity(tokens, text, (at, at + 1), ("add", "on")) is None


# -- a reason a yes/no question asks about is no statement ----------------------------


@pytest.mark.parametrize(("text", "fact"), [
    ("Hallo,\n\nwir warten auf die Aktivierungsmail. Bleibt sie aus, weil bisher keiner in den Spam-Ordner geschaut "
     "hat?\n\nGruß\nLea Sommer", "junk_checked"),
    ("Hallo,\n\nkeine Aktivierungsmail. Ist das so, weil die Registrierung schon mit einem Onlinekonto verbunden "
     "ist?\n\nGruß\nLea Sommer", "enrollment_linked"),
    ("Hi,\n\nwe are still waiting for the activation mail. Is that because it was sent to another contact?\n\n"
     "Thanks\nLea Sommer", "sent_to_other_contact"),
    ("Hi,\n\nno activation email yet. Could it be because nobody looked in the junk folder?\n\nThanks\nLea Sommer",
     "junk_checked"),
])
def test_a_reason_a_yes_no_question_asks_about_states_nothing(bundled, text, fact):
    result = triage(bundled, text)
    assert fact not in result.facts and result.cause is None


@pytest.mark.parametrize(("text", "fact", "cause"), [
    ("Hi,\n\nthe activation mail never reached me. Can you resend it because it went to my predecessor who left "
     "in June?\n\nThanks\nLea Sommer", "sent_to_other_contact", "sent-to-other-contact"),
    ("Hallo,\n\nwas müssen wir jetzt tun, da die Aktivierungsmail an einen anderen Kontakt gegangen ist?\n\n"
     "Gruß\nLea Sommer", "sent_to_other_contact", "sent-to-other-contact"),
])
def test_a_reason_given_with_a_request_or_a_question_word_still_states(bundled, text, fact, cause):
    result = triage(bundled, text)
    assert result.facts.get(fact) is True and result.cause == cause


@pytest.mark.parametrize(("text", "fact"), [
    ("Hallo,\n\ndie Aktivierungsmail fehlt. Bitte bestätigen Sie uns, dass die Domäne schon für ein Onlinekonto "
     "verifiziert ist.\n\nGruß\nLea Sommer", "domain_verified"),
    ("Hi,\n\nthe activation email is missing. Please verify that the mail was sent to another contact.\n\n"
     "Thanks\nLea Sommer", "sent_to_other_contact"),
])
def test_what_a_request_asks_support_to_confirm_states_nothing(bundled, text, fact):
    result = triage(bundled, text)
    assert fact not in result.facts and result.cause is None


def test_what_a_request_points_out_still_states(bundled):
    result = triage(bundled, "Hallo,\n\nkeine Aktivierungsmail. Bitte beachten Sie, dass die Domäne bereits in "
                             "unserem Tenant verifiziert ist.\n\nGruß\nLea Sommer")
    assert result.facts.get("domain_verified") is True and result.cause == "domain-verified"


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndie Lizenzen sind nicht sichtbar. Den Punkt „falsches Konto“ aus Ihrer Antwort verstehe ich nicht. "
    "Woran sehe ich das?\n\nGruß\nLea Sommer",
    "Hi,\n\nthe licences don't show. I don't understand the 'wrong account' point in your reply. Where do I see it?"
    "\n\nThanks\nLea Sommer",
])
def test_a_term_the_writer_does_not_understand_is_not_denied(bundled, text):
    assert "right_account" not in triage(bundled, text).facts


# -- a predicate or object put first ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "Hallo, platziert wurde die Bestellung noch nicht, wir warten auf das Angebot. Wann kommt die Aktivierungsmail?",
    "Guten Tag, übermittelt wurde unsere Bestellung bisher nicht. Kommt die Aktivierungs-E-Mail trotzdem?",
])
def test_a_participle_put_first_is_denied_by_the_negation_at_the_end(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("order_placed") is False


@pytest.mark.parametrize("text", [
    "Hallo, ich bin als OSM eingetragen und möchte Lizenzen reservieren. Die Berechtigung „Reservierung verwalten“ "
    "habe ich nicht, nur die normale OSM-Rolle.",
    "Hi, I'm listed as OSM and want to reserve licences. The “Manage reservations” permission I don't have, only the "
    "standard OSM role.",
])
def test_a_permission_put_first_and_denied_before_a_comma_is_not_held(bundled, text):
    r = triage(bundled, text)
    assert r.facts.get("role") == "osm"
    assert r.cause != "can-reserve"


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Den Spam-Ordner habe ich nicht, nur den Posteingang durchsucht.",
    "Hi, no activation mail. The spam folder I haven't checked, only the inbox.",
])
def test_a_negation_a_comma_parts_from_only_denies(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is not True


def test_not_only_once_still_states(bundled):
    assert triage(bundled, "Hi, no activation mail. I checked not only the inbox but also the spam folder.").facts.get(
        "junk_checked") is True


# -- a sameness denied between the cue's two sides -----------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("Hello, no activation mail. The recipient shown in VLSC is not the same person as our OSM.", True),
    ("Hallo, keine Aktivierungsmail. Der Empfänger im VLSC ist nicht dieselbe Person wie unser OSM.", True),
    ("Hello, no activation mail. The recipient shown in VLSC is the same person as our OSM.", False),
])
def test_a_recipient_denied_to_be_the_osm_is_another_contact(bundled, text, value):
    assert triage(bundled, text).facts.get("sent_to_other_contact") is value


def test_a_sameness_denied_against_a_named_thing_does_not_deny_the_thing(bundled):
    r = triage(bundled, "Hi, the licences we miss are an add-on (Visio). I compared: the base subscription is not on the "
                        "same enrollment as the add-on.")
    assert r.facts.get("is_addon") is True


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndie Aktivierungsmail kommt nicht. Das ist unser erster Vertrag: eine verifizierte Domäne und einen "
    "Microsoft-365-Tenant haben wir noch nicht.\n\nGruß\nOle Brandt",
    "Hi,\n\nstill no activation email. It's our first agreement, so a verified domain or a Microsoft 365 tenant we "
    "don't have yet.\n\nCheers\nOle Brandt",
])
def test_objects_coordinated_before_a_denied_verb_are_all_denied(bundled, text):
    result = triage(bundled, text)
    assert result.facts.get("domain_verified") is False and result.cause != "domain-verified"


@pytest.mark.parametrize("text", [
    "Hallo,\n\nnachgesehen: im Spam-Ordner und in der Quarantäne ist nichts. Die Aktivierungsmail fehlt.\n\nGruß\nOle",
    "Hi,\n\nchecked: in the junk folder and in quarantine there is nothing. The activation email is missing.\n\nOle",
])
def test_places_coordinated_before_nothing_found_are_not_denied(bundled, text):
    assert triage(bundled, text).facts.get("junk_checked") is not False


@pytest.mark.parametrize("text", [
    "Hallo,\n\nanbei die Antwort von letzter Woche.\n\n-----Ursprüngliche Nachricht-----\nVon: VLSC Support\n\n"
    "Sehr geehrte Frau Haller,\ndie Aktivierungs-E-Mail wird nicht an Gmail-Adressen gesendet, bitte nennen Sie eine "
    "andere.\nMit freundlichen Grüßen",
    "Hi,\n\nsee the reply from last week.\n\n-----Original Message-----\nFrom: VLSC Support\n\nDear Mrs Haller,\n"
    "the activation email is not sent to Gmail addresses, please name another one.\nKind regards",
])
def test_the_person_a_quoted_reply_greets_is_no_recipient(bundled, text):
    # the greeting line is a sentence of its own: "Frau ... gesendet" names no contact the mail went to
    assert "sent_to_other_contact" not in triage(bundled, text).facts


@pytest.mark.parametrize("text", [
    "Hallo,\n\ndie Aktivierungsmail fehlt. Eine verifizierte Domäne – haben wir keine, das ist unser erster Vertrag.",
    "Hi,\n\nthe activation email is missing. A verified domain - we don't have one, this is our first agreement.",
])
def test_a_thing_set_before_a_dash_and_denied_after_it_is_denied(bundled, text):
    result = triage(bundled, text)
    assert result.facts.get("domain_verified") is False and result.cause != "domain-verified"
