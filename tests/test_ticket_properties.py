"""Properties of the ticket reader: a ticket's topic and facts do not change when sentences whose
order carries no meaning are swapped, or when a quoted earlier mail or a signature with another
address is appended (bundled knowledge base; new tickets in both languages)."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from faq.search.cache import load
from faq.tickets.body import clean_body
from faq.tickets.facts import extract_facts
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 24)
KB, MATCHER = load()

# Each ticket: independent statements (any order says the same), a greeting and a closing.
TICKETS = [
    ("de", ["Unser OSM ist lea.kurz@outlook.com.", "Wir haben Microsoft 365 E3 bestellt.",
            "Eine Aktivierungsmail ist nie angekommen."]),
    ("de", ["Laut Bestellung beginnt die Nutzung am 20.12.2026.", "Die Aktivierungsmail ist noch nicht da."]),
    ("de", ["Die Aktivierungs-E-Mail fehlt.", "Im Spam-Ordner hat noch niemand nachgesehen.",
            "Als OSM ist einkauf@holz-meier.de eingetragen."]),
    ("en", ["Our OSM is licensing@fernway.example.", "The domain is already verified for our tenant.",
            "We are still waiting for the activation email."]),
    ("en", ["We bought the licences on 3 March 2026.", "The activation link now shows an error.",
            "Has the link expired?"]),
    ("en", ["The activation email never arrived.", "Nobody has checked the junk folder yet."]),
    # traps: a reservation in place of an order, an admin's or the writer's own address, a renewal
    ("de", ["Wir haben am Montag nichts bestellt, sondern eine Reservierung aufgegeben.",
            "Als OSM ist lizenzen@brandt-optik.de eingetragen.", "Die Aktivierungsmail ist bis heute nicht gekommen."]),
    ("en", ["We didn't order anything last week, we placed a reservation instead.",
            "Our OSM is licensing@harbor-labs.example.", "The activation email has not arrived."]),
    ("en", ["The activation email never arrived.", "Our global admin's address is sysadmin@harbor-labs.example.",
            "Nobody has checked the junk folder yet."]),
    ("de", ["Die Aktivierungsmail ist nie angekommen.", "Die Adresse unserer Administratorin ist it@berg-logistik.example.",
            "Den Junk-Ordner hat bisher keiner kontrolliert."]),
    ("de", ["Die Registrierung wurde im Oktober erneuert.", "Die Aktivierungsmail ist bis heute nicht angekommen.",
            "Wir haben denselben Organisationsnamen verwendet."]),
    ("en", ["Our enrollment was renewed in October.", "The activation email still hasn't arrived.",
            "We kept the same organization name."]),
    ("en", ["The activation email is missing.", "You can reach me at jonas.falk@outlook.com.",
            "The usage start date is 1 December 2026."]),
    ("de", ["Die Aktivierungsmail fehlt.", "Sie erreichen mich unter jonas.falk@outlook.com.",
            "Der Nutzungsbeginn ist der 01.12.2026."]),
    # an earlier year's renewal, a hedged recipient, a predecessor's address: in any order, no fact
    ("de", ["Bei der Verlängerung 2024 hatten wir denselben Organisationsnamen.",
            "Dieses Jahr hat die Rechtsabteilung unterschrieben.", "Muss ich die neue Registrierung aktivieren?"]),
    ("en", ["Back in 2023 we renewed with the same organization name.", "This year our legal team signed the renewal.",
            "Do I need to activate the new enrollment?"]),
    ("de", ["Die Aktivierungsmail ist nicht angekommen.", "Vielleicht ist sie aber an einen anderen Kontakt gegangen.",
            "Im VLSC habe ich noch nicht nachgesehen."]),
    ("en", ["I'm the new OSM and the activation email never reached me.",
            "VLSC shows the activation email was sent to my predecessor (k.lowe@outlook.com), not to me."]),
]
# What the trap tickets (TICKETS[6:]) must read, whatever the order: topic, facts, cause.
TRAPS = [
    ("activation-email-missing", {"osm_email": "lizenzen@brandt-optik.de"}, None),
    ("activation-email-missing", {"osm_email": "licensing@harbor-labs.example"}, None),
    ("activation-email-missing", {"junk_checked": False}, "junk-folder"),
    ("activation-email-missing", {"junk_checked": False}, "junk-folder"),
    ("renewal-activation", {"same_org_name": True}, None),
    ("renewal-activation", {"same_org_name": True}, None),
    ("activation-email-missing", {"usage_start": date(2026, 12, 1)}, "usage-start-pending"),
    ("activation-email-missing", {"usage_start": date(2026, 12, 1)}, "usage-start-pending"),
    ("renewal-activation", {}, None),
    ("renewal-activation", {}, None),
    ("activation-email-missing", {}, None),
    ("activation-email-missing", {"sent_to_other_contact": True}, "sent-to-other-contact"),
]
QUOTES = {
    "de": ["> Am 10.11.2026 schrieb Support:\n> Ist als OSM eine Adresse wie name@outlook.com eingetragen?\n"
           "> Haben Sie den Junk-Ordner geprüft?",
           "-----Ursprüngliche Nachricht-----\nVon: Support\nGesendet: 10.11.2026\n"
           "Bitte nennen Sie uns die Adresse, z. B. vorname@outlook.com, und den Nutzungsbeginn."],
    "en": ["> On 10 Nov 2026 Support wrote:\n> Is an address such as name@outlook.com listed as the OSM?\n"
           "> Did you check the junk folder?",
           "-----Original Message-----\nFrom: Support\nSent: 10 Nov 2026\n"
           "Please tell us the address, e.g. first@outlook.com, and the usage start date."],
}
SIGNATURES = {
    "de": ["-- \nJonas Weber | IT | jonas.weber@outlook.com | Tel. 030 123456",
           "Viele Grüße\nJonas Weber\nj.weber@outlook.com"],
    "en": ["-- \nJonas Weber | IT | jonas.weber@outlook.com | +1 555 0100",
           "Best regards\nJonas Weber\nj.weber@outlook.com"],
}
GREETING = {"de": "Guten Tag,", "en": "Hello,"}
CLOSING = {"de": "Viele Grüße\nMara Lind", "en": "Kind regards\nMara Lind"}


def compose(lang, sentences, tail=""):
    text = f"{GREETING[lang]}\n\n{' '.join(sentences)}\n\n{CLOSING[lang]}"
    return f"{text}\n\n{tail}" if tail else text


def read(text):
    r = triage_text(text, KB, MATCHER, TODAY)
    return r.id, r.match.outcome, dict(r.facts), r.cause


@pytest.mark.parametrize("lang,sentences", [t for t, e in zip(TICKETS, [None] * 6 + TRAPS) if e is None or e[1]])
def test_each_ticket_is_read(lang, sentences):
    topic, outcome, facts, _ = read(compose(lang, sentences))
    assert topic is not None and outcome != "no_match" and facts


@pytest.mark.parametrize(("ticket", "expected"), list(zip(TICKETS[6:], TRAPS)))
def test_a_trap_ticket_reads_no_false_fact(ticket, expected):
    lang, sentences = ticket
    topic, _, facts, cause = read(compose(lang, sentences))
    assert (topic, facts, cause) == expected


_SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(st.sampled_from(TICKETS).flatmap(lambda t: st.tuples(st.just(t), st.permutations(t[1]))))
def test_sentence_order_does_not_change_topic_or_facts(case):
    (lang, sentences), shuffled = case
    assert read(compose(lang, shuffled)) == read(compose(lang, sentences))


@_SETTINGS
@given(st.sampled_from(TICKETS), st.integers(0, 1))
def test_an_appended_quoted_mail_does_not_change_topic_or_facts(ticket, which):
    lang, sentences = ticket
    assert read(compose(lang, sentences, QUOTES[lang][which])) == read(compose(lang, sentences))


@_SETTINGS
@given(st.sampled_from(TICKETS), st.integers(0, 1))
def test_a_signature_with_another_address_does_not_change_topic_or_facts(ticket, which):
    lang, sentences = ticket
    plain = f"{GREETING[lang]}\n\n{' '.join(sentences)}"
    assert read(f"{plain}\n\n{SIGNATURES[lang][which]}") == read(compose(lang, sentences))


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo,\n\nder Aktivierungslink zeigt nur noch einen Fehler. Ist er abgelaufen?\n\nGruß\nMara Lind\n\n"
           "> Am 10.11.2026 um 08:30 schrieb Support <hilfe@partner.example>:\n> Wann wurden die Lizenzen gekauft?"),
    ("en", "Hello,\n\nthe activation link only shows an error now. Has it expired?\n\nRegards\nMara Lind\n\n"
           "> On Tue, 10 Nov 2026 at 08:30, Support <help@partner.example> wrote:\n> When were the licenses bought?"),
])
def test_the_date_a_quoted_mail_was_written_is_no_fact(lang, text):
    topic, _, facts, cause = read(text)
    assert topic == "activation-link-expiry" and facts == {} and cause is None


# Settled tickets: the last statement settles the cause; the others only set the scene.
SETTLED = [
    ("de", ["Als OSM ist it@gruen-bau.de eingetragen.", "Die Aktivierungsmail ist nicht angekommen."],
     "Die Domäne gruen-bau.de ist in unserem Microsoft-365-Tenant schon verifiziert.", "domain-verified"),
    ("en", ["Our OSM is it@tarn-labs.com.", "The activation email never arrived."],
     "The domain tarn-labs.com is already verified in our Microsoft 365 tenant.", "domain-verified"),
    ("de", ["Als OSM ist einkauf@holz-meier.de eingetragen.", "Die Aktivierungsmail ist nicht angekommen."],
     "Den Spam-Ordner hat noch niemand geprüft.", "junk-folder"),
    ("en", ["Our OSM is buying@holt-mills.com.", "The activation email never arrived."],
     "Nobody has checked the junk folder yet.", "junk-folder"),
    ("de", ["Als OSM ist it@lind-holz.de eingetragen.", "Die Aktivierungsmail ist nicht gekommen."],
     "Der OSM ist Globaler Administrator in unserem bestehenden Microsoft-365-Konto.", "osm-is-existing-admin"),
    ("en", ["Our OSM is it@lind-wood.com.", "The activation email never came."],
     "The OSM is a global admin of our existing Microsoft 365 account.", "osm-is-existing-admin"),
]
# Ways to turn the settling statement into one that states nothing: a condition, a question back,
# an example in a support template, a line quoted from the support's mail.
TRAP_WRAPS = {
    "de": {"condition": "Angenommen, {low} – was müssten wir dann tun?",
           "question": "{bare}? Oder wie ist das?",
           "template": "Ihre Vorlage nennt als Beispiel: „{bare}“ – das kann ich noch nicht bestätigen.",
           "quoted": "Sie schrieben:\n> {statement}\n\nDas weiß ich nicht."},
    "en": {"condition": "If {low}, what would we have to do?",
           "question": "{bare}? Or is it not?",
           "template": "Your template gives as an example: \"{bare}\" - I cannot confirm that yet.",
           "quoted": "You wrote:\n> {statement}\n\nI don't know that."},
}


# Round-15 trap kinds: a colleague's word with doubt, an old mail forwarded, last year's answer quoted,
# a sister company's case, a second tenant, a statement still to check, a statement taken back by an
# addition; the settling statement is the same, the ticket settles nothing.
TRAP_WRAPS["de"].update({
    "doubt": "Ein Kollege meint, {low}, ist sich aber nicht sicher.",
    "forwarded": "Hier die weitergeleitete Mail vom letzten Jahr:\n\n---------- Weitergeleitete Nachricht ----------\n"
                 "Von: Support\nDatum: 12.10.2025\n{statement}\n----------\n\nDiesmal ist es eine neue Bestellung.",
    "last_year": "Letztes Jahr hatten wir das gleiche Problem, die Antwort damals: „{bare}“. Diesmal ist es eine neue Bestellung.",
    "sister": "Bei unserer Schwesterfirma, die einen eigenen Tenant hat, hieß es: „{bare}“. Bei uns ist das offen.",
    "tenant": "Wir haben zwei Tenants. Im zweiten Tenant gilt: {bare}. Im ersten wissen wir es nicht.",
    "to_check": "Noch zu prüfen, ob das stimmt: „{bare}“.",
    "taken_back": "{statement} Nachtrag: Das war falsch, bitte streichen.",
})
TRAP_WRAPS["en"].update({
    "doubt": "A colleague thinks {low}, but he is not sure.",
    "forwarded": "Here is last year's forwarded mail:\n\n---------- Forwarded message ----------\nFrom: Support\n"
                 "Date: 12 Oct 2025\n{statement}\n----------\n\nThis time it is a new order.",
    "last_year": "Last year we had the same problem and the answer was: \"{bare}\". This time it is a new order.",
    "sister": "At our sister company, which has its own tenant, they were told: \"{bare}\". For us that is open.",
    "tenant": "We have two tenants. In the second tenant: {bare}. In the first we don't know.",
    "to_check": "Still to check whether this is true: \"{bare}\".",
    "taken_back": "{statement} EDIT: that was wrong, scratch that.",
    "unconfirmed": "A colleague says {low}, but I can't verify that.",
})
TRAP_WRAPS["de"]["unconfirmed"] = "Eine Kollegin sagt, {low}, das kann ich aber nicht überprüfen."  # round 18
TRAP_WRAPS["de"]["last_year_dative"] = "Ich leite die Mail von letztem Jahr weiter: „{bare}“. Diesmal ist es eine neue Bestellung."
TRAP_WRAPS["en"]["last_year_dative"] = "Forwarding the mail of the previous year: \"{bare}\". This time it is a new order."
# Round-19 trap kinds: the statement set in a sandbox tenant without a turn to the productive one, and
# a support template's line with a sample value.
TRAP_WRAPS["de"]["sandbox"] = "Im Sandbox-Tenant gilt: {bare}. Für den Produktiv-Tenant wissen wir es nicht."
TRAP_WRAPS["en"]["sandbox"] = "In our sandbox tenant: {bare}. For production we don't know."
TRAP_WRAPS["de"]["sample"] = "Ihre Vorlage habe ich so ausgefüllt:\n{bare}: z. B. ja\nMehr weiß ich nicht."
TRAP_WRAPS["en"]["sample"] = "I filled in your template:\n{bare}: e.g. yes\nThat's all I know."
# Round-20 trap kind: the statement as hearsay set off after it, the writer unable to check it.
TRAP_WRAPS["de"]["told_unchecked"] = "{bare}, wurde mir gesagt, prüfen konnte ich das aber nicht."
TRAP_WRAPS["en"]["told_unchecked"] = "{bare}, I'm told, but I couldn't check that myself."
TENANT_CAUSES = {"domain-verified", "osm-is-existing-admin"}  # what holds for one tenant, not a mailbox's folder


def trap(lang, statement, wrap):
    bare = statement.rstrip(".")
    low = bare if bare.split()[0].isupper() else bare[0].lower() + bare[1:]  # "OSM", "VLSC" keep their case
    return TRAP_WRAPS[lang][wrap].format(bare=bare, low=low, statement=statement)


@pytest.mark.parametrize(("lang", "scene", "statement", "cause"), SETTLED)
def test_a_settled_ticket_is_settled(lang, scene, statement, cause):
    assert read(compose(lang, [*scene, statement]))[3] == cause


@pytest.mark.parametrize("wrap", ["condition", "question", "template", "quoted", "doubt", "forwarded", "last_year",
                                  "sister", "tenant", "to_check", "taken_back", "unconfirmed", "last_year_dative",
                                  "sandbox", "sample", "told_unchecked"])
@pytest.mark.parametrize(("lang", "scene", "statement", "cause"), SETTLED)
def test_a_settling_statement_turned_into_a_trap_settles_nothing(lang, scene, statement, cause, wrap):
    if wrap in ("tenant", "sandbox") and cause not in TENANT_CAUSES:
        pytest.skip("a junk folder is a mailbox's, not a tenant's")
    plain = f"{GREETING[lang]}\n\n{' '.join(scene)} {trap(lang, statement, wrap)}\n\n{CLOSING[lang]}"
    assert read(plain)[3] is None


# Round-16 trap kinds: the same settling statement told of a problem solved back then, beside an
# earlier success, of a sister company or a second tenant the writer then turns from, or in an old
# mail forwarded; the ticket settles nothing, and the statement's fact is not read at all.
NEW_TRAP_WRAPS = {
    "de": {"solved": "Das hatten wir letztes Jahr schon einmal. {statement} Das wurde damals vom Support gelöst.",
           "success": "Bei der vorigen Bestellung galt: {low}, und alles lief reibungslos.",
           "sister_subject": "Unsere Schwesterfirma hat das gleiche Problem: {low}. Ich frage aber für unsere eigene Firma.",
           "tenant_subject": "Unser zweiter Mandant hat das Problem, dass {low}. Ich schreibe aber wegen des ersten Mandanten.",
           "old_forward": "Siehe unten, weitergeleitet, die alte Mail vom letzten Jahr:\n\n> {statement}\n\n"},
    "en": {"solved": "We had this once last year. {statement} That was fixed by support back then.",
           "success": "With the previous order, {low}, and everything went smoothly.",
           "sister_subject": "Our sister company has the same problem: {low}. I am asking for our own company though.",
           "tenant_subject": "Our second tenant has the problem that {low}. I'm writing about the first tenant though.",
           "old_forward": "See the forwarded mail below from last year:\n\n> {statement}\n\n"},
}
LASTING_CAUSES = {"domain-verified"}  # a domain verified then is verified now: beside a success, still the case's


@pytest.mark.parametrize("wrap", ["solved", "success", "sister_subject", "tenant_subject", "old_forward"])
@pytest.mark.parametrize(("lang", "scene", "statement", "cause"), SETTLED)
def test_a_settling_statement_of_then_or_of_another_side_states_no_fact(lang, scene, statement, cause, wrap):
    if wrap == "tenant_subject" and cause not in TENANT_CAUSES:
        pytest.skip("a junk folder is a mailbox's, not a tenant's")
    if wrap == "success" and cause in LASTING_CAUSES:
        pytest.skip("a lasting fact told beside an earlier success still holds")
    bare = statement.rstrip(".")
    low = bare if bare.split()[0].isupper() else bare[0].lower() + bare[1:]
    told = NEW_TRAP_WRAPS[lang][wrap].format(bare=bare, low=low, statement=statement)
    settling = set(read(compose(lang, [*scene, statement]))[2]) - set(read(compose(lang, scene))[2])
    _, _, facts, found = read(f"{GREETING[lang]}\n\n{' '.join(scene)} {told}\n\n{CLOSING[lang]}")
    assert found is None and settling and settling.isdisjoint(facts)


SUCCESSES = {
    "de": ["Die Aktivierung von Visio im Frühjahr hat übrigens problemlos geklappt.",
           "Letztes Jahr lief alles glatt, die Mail kam am selben Tag.",
           "Letztes Jahr ging die Mail an unseren Einkauf, das wurde aber schnell behoben.",
           "Die Lizenzen für Exchange Online sehen wir im Admin Center ganz normal."],
    "en": ["By the way, the Power BI activation in spring went fine.",
           "Last year everything went smoothly and the mail came the same day.",
           "Last year the mail went to another contact in VLSC, support fixed it.",
           "Our Exchange Online licences show up normally in the admin center."],
}


def facts_of(lang, sentences):
    """The facts the settled tickets' flow reads from a ticket (the topic held: a success that names another
    topic's problem may still turn the topic, which is the matcher's to weigh)."""
    text = clean_body(compose(lang, sentences))
    return dict(extract_facts(text, KB.flow("missing-activation-email"), TODAY, lang, KB.vocabulary).facts)


@_SETTINGS
@given(st.sampled_from(SETTLED), st.integers(0, 3), st.booleans())
def test_a_success_told_beside_a_settled_case_changes_no_fact(settled, which, first):
    lang, scene, statement, _ = settled
    success = SUCCESSES[lang][which]
    told = [success, *scene, statement] if first else [*scene, statement, success]
    assert facts_of(lang, told) == facts_of(lang, [*scene, statement])


# Round-17 trap kinds: the settling words inside a question the writer asks support (the reason a yes/no
# question asks about too), inside a text pasted from the FAQ, a help page or an automatic reply, or in a
# list of possible reasons read online; none of them is told of the writer's own case, so the ticket
# settles nothing.
SAID_ELSEWHERE_WRAPS = {
    "de": {"asks_support": "Stimmt es, dass die Mail nicht kommt, wenn {low}? Wie prüfe ich das bei uns?",
           "asks_could": "Kann es sein, dass {low}? Das weiß ich nämlich nicht.",
           "pasted_faq": "In Ihrer FAQ steht: „{bare}“ – aber wie finde ich heraus, ob das bei uns so ist?",
           "read_faq": "Ich habe eure FAQ gelesen: \"{bare}\" – wie prüfe ich das?",
           "copied_help": "Aus Ihrer Hilfeseite kopiert: {statement} Trifft das bei uns zu?",
           "read_online": "Im Internet habe ich gelesen, mögliche Gründe seien: der Link ist abgelaufen, {low}, "
                          "die Mail liegt in der Quarantäne. Was davon trifft bei uns zu?",
           "forum_list": "In einem Forum stand, Ursachen könnten sein: {low}; falsches Konto; Nutzungsbeginn in der "
                         "Zukunft. Welche Angaben brauchen Sie?",
           "reason_asked": "Kommt die Mail nicht, weil {low}?",
           "auto_reply": "Ihre automatische Antwort:\nMögliche Ursachen: {statement} Die Mail liegt in der Quarantäne.\n"
                         "Was davon trifft bei uns zu?",
           "reasons_colon": "Im Netz steht, Gründe seien: {low}, Link abgelaufen. Bei uns fehlt die Mail trotzdem.",
           "researched": "Ich habe online recherchiert und einige Gründe gefunden: {low}, Link abgelaufen. "
                         "Welcher davon ist unserer?",  # round 20
           "pasted_two": "Auf Ihrer Hilfeseite steht:\n„Die Mail kann aus mehreren Gründen fehlen. {statement}“\nWie prüfe ich das?"},
    "en": {"asks_support": "Is it true that the mail does not come when {low}? How do I check that for us?",
           "asks_could": "Could it be that {low}? I really don't know.",
           "pasted_faq": "Your FAQ says: \"{bare}\" - but how do I find out whether that applies to us?",
           "read_faq": "I read in your FAQ: \"{bare}\" - how do I check that?",
           "copied_help": "Copied from your help page: {statement} Does that apply to us?",
           "read_online": "I read online that possible reasons are: the link expired, {low}, the mail sits in "
                          "quarantine. Which of these applies to us?",
           "forum_list": "A blog post lists causes: {low}; wrong account; usage start in the future. "
                         "What details do you need?",
           "reason_asked": "Is it because {low}?",
           "auto_reply": "Your auto-reply says:\nCommon reasons: {statement} The mail sits in quarantine.\n"
                         "Which of these applies to us?",
           "reasons_colon": "A blog says the reasons are: {low}, link expired. Our mail is still missing.",
           "researched": "I read about it online and found a few reasons: {low}, link expired. Which one is ours?",
           "pasted_two": "Your help page says:\n\"The mail can be missing for several reasons. {statement}\"\nHow do I check?"},
}


@pytest.mark.parametrize("wrap", sorted(SAID_ELSEWHERE_WRAPS["de"]))
@pytest.mark.parametrize(("lang", "scene", "statement", "cause"), SETTLED)
def test_a_settling_statement_asked_pasted_or_read_online_settles_nothing(lang, scene, statement, cause, wrap):
    bare = statement.rstrip(".")
    low = bare if bare.split()[0].isupper() else bare[0].lower() + bare[1:]
    told = SAID_ELSEWHERE_WRAPS[lang][wrap].format(bare=bare, low=low, statement=statement)
    assert read(f"{GREETING[lang]}\n\n{' '.join(scene)} {told}\n\n{CLOSING[lang]}")[3] is None


# A purchase date that settles an expired link when the writer states it, and the same date in a
# pasted excerpt of last year's mail or taken back as the old contract's: the new case's link is open.
LINK_SCENE = {"de": "Der Aktivierungslink zeigt nur noch einen Fehler. Ist er abgelaufen?",
              "en": "The activation link only shows an error now. Has it expired?"}
BOUGHT = {"de": "Wir haben die Lizenzen am 04.03.2025 gekauft.", "en": "We bought the licences on 4 March 2025."}
OLD_PURCHASE_WRAPS = {
    "de": {"excerpt": "Hier ein Auszug aus der weitergeleiteten Mail vom vorigen Jahr:\n--- Kaufdatum: 04.03.2025, "
                      "Lizenzen bestätigt ---\nJetzt haben wir neu bestellt.",
           "old_contract": "Wir haben die Lizenzen am 04.03.2025 gekauft. Das war der alte Vertrag, jetzt haben wir neu bestellt.",
           "marked_example": "Ihre Vorlage sagt: Kaufdatum 04.03.2025 (Beispiel). Das echte suche ich noch.",
           "new_order": "Letztes Jahr haben wir am 04.03.2025 gekauft. Jetzt haben wir neu bestellt, das Datum "
                        "reiche ich nach.",  # round 20: last year's dated deed beside an undated new one
           "not_at_hand": "Bestellt wurde am 04.03.2025, das Kaufdatum habe ich aber nicht zur Hand."},
    "en": {"excerpt": "Here is an excerpt of last year's forwarded mail:\n--- Purchase date: 4 March 2025, licences "
                      "confirmed ---\nNow we have ordered again.",
           "old_contract": "We bought the licences on 4 March 2025. That was the old contract, now we have ordered again.",
           "marked_example": "Your template says: purchase date 4 March 2025 (example). I am still looking for ours.",
           "new_order": "Last year's order was on 4 March 2025. This autumn we ordered again, date to follow.",
           "not_at_hand": "The order went in on 4 March 2025, but I don't have the purchase date to hand."},
}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_purchase_date_the_writer_states_settles_the_expired_link(lang):
    assert read(compose(lang, [BOUGHT[lang], LINK_SCENE[lang]]))[3] == "activation-link-expired"


@pytest.mark.parametrize("wrap", ["excerpt", "old_contract", "marked_example", "new_order", "not_at_hand"])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_an_old_contracts_purchase_date_settles_nothing(lang, wrap):
    topic, _, facts, cause = read(compose(lang, [OLD_PURCHASE_WRAPS[lang][wrap], LINK_SCENE[lang]]))
    assert topic == "activation-link-expiry" and "purchase_date" not in facts and cause is None


# Round-18 trap kinds: the settling statement told of a sister company the writer turns from by claiming their
# own ("Wir als Holding haben eine eigene ...") or by a contrast with "wir"/"we" as subject, with no word of
# their own; the statement's fact is not read and the ticket settles nothing.
OWN_TURN_WRAPS = {
    "de": {"own_claim": "Unsere Schwesterfirma hat das schon geklärt: {low}. Wir als Holding haben eine eigene "
                        "Registrierung, und dort fehlt die Mail.",
           "we_contrast": "Unsere Tochtergesellschaft schreibt: {low}. Wir haben aber einen anderen Vertrag."},
    "en": {"own_claim": "Our sister company has sorted that out: {low}. We as the holding have our own enrollment, "
                        "and the mail is missing there.",
           "we_contrast": "Our subsidiary tells us {low}. We however have a separate agreement."},
}


@pytest.mark.parametrize("wrap", ["own_claim", "we_contrast"])
@pytest.mark.parametrize(("lang", "scene", "statement", "cause"), SETTLED)
def test_a_settling_statement_of_a_side_the_writer_turns_from_states_no_fact(lang, scene, statement, cause, wrap):
    bare = statement.rstrip(".")
    low = bare if bare.split()[0].isupper() else bare[0].lower() + bare[1:]
    told = OWN_TURN_WRAPS[lang][wrap].format(low=low)
    settling = set(read(compose(lang, [*scene, statement]))[2]) - set(read(compose(lang, scene))[2])
    _, _, facts, found = read(f"{GREETING[lang]}\n\n{' '.join(scene)} {told}\n\n{CLOSING[lang]}")
    assert found is None and settling and settling.isdisjoint(facts)


# Round-18: the purchase date that settles an expired link, turned into the day the mail was forwarded while
# the purchase date stays untold: no purchase date, no cause.
FORWARDED_WRAPS = {
    "de": ["Die Aktivierungsmail wurde mir am 04.03.2025 weitergeleitet.",
           "Unser Einkauf hat die Mail erst am 04.03.2025 an mich weitergeleitet, das Kaufdatum kenne ich nicht."],
    "en": ["The activation mail was forwarded to me on 4 March 2025.",
           "Procurement only forwarded the mail to me on 4 March 2025; I don't know the purchase date."],
}


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_the_day_the_mail_was_forwarded_settles_nothing(lang, which):
    topic, _, facts, cause = read(compose(lang, [FORWARDED_WRAPS[lang][which], LINK_SCENE[lang]]))
    assert topic == "activation-link-expiry" and "purchase_date" not in facts and cause is None


# Round-18: a role that settles whether the writer may reserve, turned into one left open which one it is.
ROLE_SCENE = {"de": "Darf ich im VLSC Onlinereservierungen abschließen?", "en": "May I complete online reservations in VLSC?"}
ROLES = {"de": [("VLSC-Administrator", "vlsc-admin"), ("Onlineadministrator", "ola")],
         "en": [("VLSC administrator", "vlsc-admin"), ("online administrator", "ola")]}
ROLE_WRAPS = {
    "de": {"stated": "Ich bin {role}.", "vague": "Ich bin irgendein {role}, glaube ich.",
           "which": "Ich habe eine Rolle als {role}, welche genau, weiß ich nicht."},
    "en": {"stated": "I am the {role}.", "vague": "I have some {role} role.",
           "which": "I have a {role} role, which one exactly I don't know."},
}


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_role_stated_settles_and_left_open_which_one_settles_nothing(lang, which):
    role, choice = ROLES[lang][which]
    stated = read(compose(lang, [ROLE_WRAPS[lang]["stated"].format(role=role), ROLE_SCENE[lang]]))
    assert stated[0] == "osm-reservations" and stated[2] == {"role": choice} and stated[3] == "can-reserve"
    for wrap in ("vague", "which"):
        _, _, facts, cause = read(compose(lang, [ROLE_WRAPS[lang][wrap].format(role=role), ROLE_SCENE[lang]]))
        assert "role" not in facts and cause is None


# Round-18: the settling statement told of a branch's tenant, then a contrast that opens another setting.
BRANCH_WRAPS = {"de": "Im Tenant unserer Niederlassung in Wien lief alles automatisch, dort gilt: {low}. Aber für die "
                      "neue Registrierung hier fehlt die Mail.",
                "en": "For our Vienna branch tenant everything came automatically, there {low}. But for the new "
                      "enrollment here the mail is missing."}


DEV_TENANT_WRAPS = {"de": "Unser Testmandant hat das geklärt, dort gilt: {low}. Im Produktivmandanten fehlt aber die Mail.",
                    "en": "Our sandbox tenant is sorted, there {low}. But for the production tenant the mail is missing."}


@pytest.mark.parametrize("wraps", [BRANCH_WRAPS, DEV_TENANT_WRAPS])
@pytest.mark.parametrize(("lang", "scene", "statement", "cause"), [s for s in SETTLED if s[3] in TENANT_CAUSES])
def test_a_settling_statement_of_a_branchs_tenant_states_no_fact(lang, scene, statement, cause, wraps):
    bare = statement.rstrip(".")
    low = bare if bare.split()[0].isupper() else bare[0].lower() + bare[1:]
    told = wraps[lang].format(low=low)
    settling = set(read(compose(lang, [*scene, statement]))[2]) - set(read(compose(lang, scene))[2])
    _, _, facts, found = read(f"{GREETING[lang]}\n\n{' '.join(scene)} {told}\n\n{CLOSING[lang]}")
    assert found is None and settling and settling.isdisjoint(facts)


# Round-19 trap kinds of dates and roles: a settling usage start told as expected, planned or from a quote,
# and a settling role told as a person's word; the ticket settles nothing.
DATED = {"de": (["Nach der Aktivierung sehen wir keine Lizenzen."], "Der Nutzungsbeginn ist der 04.12.2026."),
         "en": (["We see no licences after activation."], "The usage start is 4 December 2026.")}
DATE_HEDGES = {"de": ["Der Nutzungsbeginn ist voraussichtlich der 04.12.2026.", "Geplanter Nutzungsbeginn: 04.12.2026.",
                      "Der Nutzungsbeginn ist laut Angebot der 04.12.2026.",
                      "Der Nutzungsbeginn ist der 04.12.2026 – Änderungen vorbehalten."],
               "en": ["The usage start is expected to be 4 December 2026.", "Planned usage start: 4 December 2026.",
                      "According to the quote the usage start is 4 December 2026.",
                      "The usage start is 4 December 2026, to be confirmed."]}


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_settling_usage_start_settles(lang):
    scene, statement = DATED[lang]
    assert read(compose(lang, [*scene, statement]))[3] == "usage-start-pending"


@pytest.mark.parametrize("which", range(4))
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_usage_start_only_expected_planned_or_quoted_settles_nothing(lang, which):
    _, _, facts, cause = read(compose(lang, [*DATED[lang][0], DATE_HEDGES[lang][which]]))
    assert cause is None and "usage_start" not in facts


ROLE_HEARSAY = {"de": ["Unser Händler sagt, ich bin {role}.", "Laut unserer IT-Abteilung bin ich {role}.",
                       "Mir wurde gesagt, ich bin {role}."],
                "en": ["Our reseller says I am the {role}.", "According to our IT team I am the {role}.",
                       "I was told I am the {role}."]}


@pytest.mark.parametrize("frame", range(3))
@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_role_told_as_a_persons_word_settles_nothing(lang, which, frame):
    role, _ = ROLES[lang][which]
    _, _, facts, cause = read(compose(lang, [ROLE_HEARSAY[lang][frame].format(role=role), ROLE_SCENE[lang]]))
    assert cause is None and "role" not in facts
