"""A ticket's topic from its sentences' focus, independent of their order."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.search.cache import load
from faq.tickets.tokens import word_before_blanks
from faq.tickets.topic import about_something_else, match_topic, topic_units

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize("text", [
    "der Nutzungsbeginn laut Bestellung ist der 17.12.2026. Ist es normal, dass die Aktivierungsmail noch fehlt?",
    "the usage start in our order is 17 Dec 2026. Is it normal that the activation email is still missing?",
])
def test_a_framed_question_is_matched_by_its_focus_in_either_order(text):
    _, matcher = load()
    first, second = text.split(". ", 1)
    assert match_topic(text, matcher).id == "activation-email-missing"
    assert match_topic(f"{second} {first}.", matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text,expected", [
    ("Hallo,\n\nsiehe unten, was meint unsere Buchhaltung dazu?\n\nGruß Uwe\n\n-----Original Message-----\n"
     "From: Buchhaltung\nSubject: Lizenzen\n\nUwe, seit der Verlängerung zeigt das Portal doppelt so viele Lizenzen wie "
     "bestellt. Haben wir doppelt bestellt?", "renewal-doubled-licenses"),
    ("Hi,\n\nforwarding this from procurement, any idea?\n\nThanks, Uwe\n\n-----Original Message-----\n"
     "From: Procurement\nSubject: licences\n\nUwe, since the renewal the portal shows twice the licences we ordered. "
     "Did we order twice?", "renewal-doubled-licenses"),
])
def test_a_mail_the_customer_points_at_gives_the_topic(text, expected):
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    assert triage_text(text, kb, matcher, TODAY).id == expected


def test_an_appended_mail_nobody_points_at_gives_no_topic():
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    text = ("Hallo,\n\ndanke für alles.\n\nGruß Uwe\n\n-----Original Message-----\nFrom: Buchhaltung\n\n"
            "Seit der Verlängerung zeigt das Portal doppelt so viele Lizenzen wie bestellt.")
    assert triage_text(text, kb, matcher, TODAY).match.outcome == "no_match"


@pytest.mark.parametrize("text", [
    "Liebes Team, für unser Sommerfest suchen wir noch eine Band für ca. 200 Personen. Kennt ihr jemanden?",
    "Dear team, for our summer party we are looking for a band for approx. 200 people. Any recommendation?",
])
def test_an_abbreviation_splits_no_sentence_so_an_offtopic_ticket_stays_declined(text):
    _, matcher = load()
    assert not any(u.startswith("200") for u in topic_units(text))
    assert match_topic(text, matcher).outcome == "no_match"


@pytest.mark.parametrize("text", [
    "I clicked the activation link this morning and it seemed to work, but the admin center shows zero new "
    "licences. Looking at the order, the usage start date was yesterday.",
    "Ich habe heute Morgen auf den Aktivierungslink geklickt und es schien zu klappen, aber das Admin Center "
    "zeigt null neue Lizenzen. Laut Bestellung war der Nutzungsbeginn gestern.",
    "Activation of our new E5 enrollment went through this morning without problems. But the admin center shows no "
    "E5 licences. The usage start on the order is today. Is something broken?",
    "Die Aktivierung unserer neuen E5-Registrierung lief heute früh problemlos durch. Aber das Admin Center zeigt "
    "keine E5-Lizenzen. Der Nutzungsbeginn laut Bestellung ist heute. Ist etwas kaputt?",
])
def test_the_problem_after_but_decides_over_the_story_before_it(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "licenses-not-visible"


def test_a_context_sentence_does_not_overturn_the_question():
    # Background first, the question last: "als OSM eingetragen" alone fits another entry.
    _, matcher = load()
    text = ("Zunächst etwas Hintergrund. Wir haben seit 2020 einen Microsoft-365-Mandanten, unsere Domäne ist dort "
            "von Anfang an verifiziert. In unserer Registrierung ist jan.berg@contoso.de als Onlinedienste-Manager "
            "eingetragen. Letzten Monat haben wir über unseren Händler Visio Plan 2 gekauft. Also: Wo bleibt die "
            "Aktivierungsmail?")
    result = match_topic(text, matcher)
    assert result.id == "activation-email-missing"
    sentences = text.split(". ")
    swapped = ". ".join([sentences[1], sentences[0], *sentences[2:]])
    assert match_topic(swapped, matcher).id == result.id


@pytest.mark.parametrize("text", [
    "Seit dem Update kommen die Einladungs-E-Mails für unsere SharePoint-Freigaben nicht mehr an. Im Junk-Ordner ist "
    "auch nichts. Woran liegt das?",
    "Bei zwei Kolleginnen kommt die Passwort-Reset-Mail von Microsoft 365 nicht an. Junk-Ordner ist leer, die "
    "Adressen stimmen. Was nun?",
    "Password reset mails from Microsoft 365 are not reaching two colleagues in accounting; junk is clean and their "
    "addresses are correct. Any advice?",
    "Since Monday our external guests no longer receive the invitation emails when we add them to a team. They are "
    "not in junk either. Can you help?",
])
def test_a_mail_named_as_another_kind_is_not_the_activation_mail(text):
    kb, matcher = load()
    from faq.tickets.triage import triage_text

    result = triage_text(text, kb, matcher, TODAY)
    assert result.match.outcome == "no_match" and result.cause is None


@pytest.mark.parametrize("text", [
    "Unser Azubi wartet seit gestern auf die Mail zum Zurücksetzen seines Microsoft-365-Passworts. Das Konto ist "
    "aktiv und die Lizenz zugewiesen. Woran kann das liegen?",
    "Seit der Umstellung erhält niemand mehr die E-Mail zur Bestätigung der Anmeldung. Die Lizenzen sind aktiviert.",
    "Our staff no longer get the email regarding password changes in Microsoft 365. The licences are assigned. Why?",
])
def test_a_mail_named_for_another_purpose_is_not_the_activation_mail(text):
    kb, matcher = load()
    from faq.tickets.triage import triage_text

    result = triage_text(text, kb, matcher, TODAY)
    assert result.match.outcome == "no_match" and result.cause is None


@pytest.mark.parametrize("text", [
    "Die Mail zur Aktivierung ist bei uns nie angekommen, auch nicht im Spam. Was tun?",
    "Die E-Mail zum Aktivieren der Onlinedienste ist bei unserem OSM nie angekommen.",
    "The email concerning the activation never arrived.",
])
def test_a_mail_for_the_activation_keeps_the_ticket(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Die Einladungsmail zum Teams-Meeting kam an, aber die Aktivierungsmail für unsere E3-Lizenzen fehlt. Was tun?",
    "The invitation emails from Teams arrive fine, but the activation email for our E5 order never came. Why?",
])
def test_one_mention_of_the_activation_mail_keeps_the_ticket(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Hallo Frau Berg,\n\ndanke für die Liste. Unser OSM ist einkauf@hahn-moebel.de, Punkt 1 trifft also nicht zu. "
    "Was kann es sonst noch sein?\n\nGruß\nTim Hahn\n\nVon: Berg, Lisa <l.berg@partner-it.de>\n"
    "Gesendet: Montag, 23. November 2026 10:00\nAn: Hahn, Tim <t.hahn@hahn-moebel.de>\nBetreff: AW: Aktivierungsmail fehlt"
    "\n\nHallo Herr Hahn,\nhäufige Gründe sind:\n1. Die OSM-Adresse ist eine outlook.com-Adresse.\n2. Die Mail liegt im "
    "Junk-Ordner.\n",
    "Hi Lisa,\n\nthanks for the list. Our OSM is purchasing@hahn-furniture.com, so point 1 is not it. What else could "
    "it be?\n\nBest,\nTim Hahn\n\n> From: Lisa Berg <lisa@partner-it.com>\n> Sent: Monday, November 23, 2026 10:00 AM\n"
    "> Subject: RE: activation email missing\n>\n> Hi Tim,\n> common reasons:\n> 1. the OSM address is an outlook.com "
    "address\n> 2. the mail is in junk\n",
])
def test_a_reply_without_a_topic_of_its_own_is_read_with_its_thread_subject(text):
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert result.id == "activation-email-missing"
    assert "outlook" not in str(result.facts.get("osm_email", ""))  # the quoted example states nothing


@pytest.mark.parametrize("text", [
    "der Nutzungsbeginn war am 16.11.2026. Heute ist Mittwoch und eine Aktivierungsmail ist noch immer nicht "
    "angekommen. Wie lange kann das denn noch dauern?",
    "our usage start was 16 November 2026. It is Wednesday now and an activation email still hasn't arrived. "
    "How long does this usually take?",
])
def test_a_question_that_points_back_takes_the_topic_of_what_was_told(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"
    first, rest = text.split(". ", 1)
    assert match_topic(f"{rest} {first}.", matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Wir wollen von E3 auf E5 umstellen. Was müssen wir nach der Aktivierung der Lizenzen tun?",
    "We are switching from E3 to E5. What do we have to do after activating the licences?",
])
def test_a_question_that_names_its_topic_still_counts(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "after-activation"


@pytest.mark.parametrize("text", [
    "Wir haben letzte Woche 25 weitere Plätze für Teams Premium auf unsere Registrierung gebucht und niemand hat "
    "diesmal eine Aktivierungsmail bekommen. Im Frühjahr lief unter derselben Registrierung alles glatt. "
    "Ist da etwas kaputt?",
    "We booked 25 more Teams Premium seats onto our enrollment last week and nobody received an activation mail "
    "this time. In spring everything went smoothly under the same enrollment. Is something broken?",
])
def test_a_denial_told_after_and_is_the_problem(text):
    _, matcher = load()
    result = match_topic(text, matcher)
    assert (result.outcome, result.id) == ("answer", "activation-email-missing")


@pytest.mark.parametrize("text", [
    "Laut VLSC wurde die Aktivierungs-E-Mail an b.hofer@tischlerei-hofer.example gesendet - Herr Hofer ist aber "
    "seit Juli nicht mehr bei uns. Was ist hier der richtige nächste Schritt?",
    "According to VLSC the activation e-mail was sent to b.hofer@joinery-hofer.example - Mr Hofer left us in July, "
    "so we never got it. What is the right next step here?",
])
def test_a_question_about_here_takes_the_topic_of_what_was_told(text):
    _, matcher = load()
    assert match_topic(text, matcher).id in {"resend-activation-email", "activation-email-missing"}


@pytest.mark.parametrize("text", [
    "Unsere Registrierung wurde im Vorjahr für unseren Mandanten aktiviert, als wir Exchange Online gekauft haben. "
    "Jetzt haben wir Defender for Office 365 zur selben Registrierung dazugebucht und keiner hat eine "
    "Aktivierungsmail dafür bekommen. Ist das so gewollt?",
    "Our enrollment was activated for our tenant last year when we bought Exchange Online. We have now added "
    "Defender for Office 365 to the same enrollment and no one got an activation email for it. Is that intended?",
])
def test_a_denial_after_and_overturns_a_whole_that_reads_context(text):
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    r = triage_text(text, kb, matcher, TODAY)
    assert (r.id, r.cause) == ("activation-email-missing", "enrollment-already-linked")


@pytest.mark.parametrize("text", [
    "Hallo,\n\nanbei weitergeleitet, was mir Ihre Kollegin letzte Woche geschickt hat. Eine Aktivierungsmail haben "
    "wir weiterhin nicht.\n\n---------- Weitergeleitete Nachricht ----------\nVon: VLSC Support\nBetreff: AW: "
    "Aktivierung\n\nMögliche Ursachen sind: die Domäne des OSM ist bereits verifiziert, der OSM ist globaler "
    "Administrator eines vorhandenen Kontos, oder die Mail liegt im Junk-Ordner.\n",
    "Hi,\n\nforwarding what your colleague sent me last week. We still have no activation mail.\n\n"
    "---------- Forwarded message ---------\nFrom: VLSC Support\nSubject: RE: activation\n\nPossible causes "
    "include: the OSM's domain is already verified, the OSM is a global admin of an existing account, or the mail "
    "went to the junk folder.\n",
])
def test_a_forwarded_list_of_reasons_gives_neither_topic_nor_facts(text):
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    r = triage_text(text, kb, matcher, TODAY)
    assert r.id == "activation-email-missing"
    assert r.cause is None and not {"domain_verified", "osm_is_admin", "junk_checked"} & set(r.facts)


def _wrong_account_match(text, lean):
    from faq.search.results import Candidate, MatchResult

    candidates = (Candidate("wrong-account-activated", 0.8), Candidate("avoid-wrong-account", 0.1),
                  Candidate("licenses-not-visible", lean))
    return MatchResult(text, "answer", "wrong-account-activated", None, 0.8, "de", candidates)


@pytest.mark.parametrize("text", [
    "Wir sehen keine Lizenzen. Beim Klick auf den Link war ich noch im Testmandanten angemeldet, dort sind sie gelandet.",
    "We see no licences. When I clicked the link I was still signed in to our test tenant; they landed in the test tenant.",
])
def test_an_answer_that_a_settled_diagnosis_repeats_yields_to_it(text):
    from faq.tickets.triage import _settled_instead

    kb, _ = load()
    match, entry, flow = _settled_instead(kb, _wrong_account_match(text, 0.05), None, None, text, TODAY)
    assert (match.id, flow.id if flow else None) == ("licenses-not-visible", "licenses-not-visible")
    unchanged, _, none = _settled_instead(kb, _wrong_account_match(text, 0.0), None, None, text, TODAY)
    assert unchanged.id == "wrong-account-activated" and none is None


@pytest.mark.parametrize(("text", "lang"), [
    ("Keine Aktivierungsmail bei mir. Laut VLSC ging die Mail an Frau Albers, die uns im Frühjahr verlassen hat.", "de"),
    ("No activation mail reached me. VLSC says it went to Mr Albers, who left the company in spring.", "en"),
])
def test_a_resend_question_whose_ticket_settles_another_contact_yields_to_that_diagnosis(text, lang):
    from faq.search.results import Candidate, MatchResult
    from faq.tickets.triage import _settled_instead

    kb, _ = load()
    candidates = (Candidate("resend-activation-email", 0.8), Candidate("activation-email-missing", 0.1))
    match = MatchResult(text, "answer", "resend-activation-email", None, 0.8, lang, candidates)
    moved, _, flow = _settled_instead(kb, match, kb.entry("resend-activation-email"), None, text, TODAY)
    assert (moved.id, flow.id if flow else None) == ("activation-email-missing", "missing-activation-email")
    hedged = text.replace("Laut VLSC ging", "Vielleicht ging").replace("VLSC says it went", "Maybe it went")
    kept, _, none = _settled_instead(kb, match, kb.entry("resend-activation-email"), None, hedged, TODAY)
    assert kept.id == "resend-activation-email" and none is None


@pytest.mark.parametrize("text", [
    "Wir sehen keine Lizenzen und haben wohl das falsche Konto erwischt, sicher bin ich mir aber nicht.",
    "We see no licences and may have picked the wrong account, but I'm not sure.",
])
def test_a_diagnosis_the_ticket_does_not_settle_takes_nothing_over(text):
    from faq.tickets.triage import _settled_instead

    kb, _ = load()
    match, _, flow = _settled_instead(kb, _wrong_account_match(text, 0.05), None, None, text, TODAY)
    assert match.id == "wrong-account-activated" and flow is None


def _mail_match(text, first, second):
    from faq.search.results import Candidate, MatchResult

    candidates = (Candidate(first, 0.8), Candidate(second, 0.15), Candidate("after-activation", 0.05))
    return MatchResult(text, "answer", first, None, 0.8, "de", candidates)


@pytest.mark.parametrize("text", [
    "Unsere Vertragsverlängerung ist seit Montag abgeschlossen. Bekommen wir jetzt noch eine Aktivierungsmail?",
    "The enrollment was renewed on Friday. Should an activation email be on its way now?",
])
def test_a_renewal_the_customer_names_makes_the_mail_question_the_renewal_one(text):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    moved = in_setting(_mail_match(text, "activation-email-missing", "renewal-activation"), text, matcher)
    assert (moved.id, moved.flow, moved.confidence) == ("renewal-activation", "renewal-activation", 0.8)
    assert [c.id for c in moved.candidates][:2] == ["renewal-activation", "activation-email-missing"]
    assert match_topic(text, matcher).id == "renewal-activation"


@pytest.mark.parametrize("text", [
    "Vor einem Jahr lief Teams über diese Registrierung an; jetzt kam für Visio keine Aktivierungsmail.",
    "Last year we started Teams under this enrollment; this time no activation email arrived for Visio.",
])
def test_a_renewal_answer_without_any_renewal_named_is_the_missing_mail(text):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    moved = in_setting(_mail_match(text, "renewal-activation", "activation-email-missing"), text, matcher)
    assert (moved.id, moved.flow) == ("activation-email-missing", "missing-activation-email")


@pytest.mark.parametrize("text", [
    "Wir haben eine neue Registrierung unterschrieben. Müssen wir sie aktivieren?",
    "We signed a new enrollment with the same organization name. Do we need to activate it?",
])
def test_a_new_enrollment_keeps_the_renewal_answer_but_moves_no_mail_question(text):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    kept = in_setting(_mail_match(text, "renewal-activation", "activation-email-missing"), text, matcher)
    assert kept.id == "renewal-activation"
    stays = in_setting(_mail_match(text, "activation-email-missing", "renewal-activation"), text, matcher)
    assert stays.id == "activation-email-missing"


def test_a_setting_moves_nothing_the_matcher_does_not_offer():
    from faq.search.results import Candidate, MatchResult
    from faq.tickets.topic import in_setting

    _, matcher = load()
    text = "Nach der Verlängerung ist keine Aktivierungsmail gekommen."
    alone = MatchResult(text, "answer", "activation-email-missing", None, 0.9, "de",
                        (Candidate("activation-email-missing", 0.9),))
    assert in_setting(alone, text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Wir haben verlängert. Seit zwei Wochen warten wir auf die Aktivierungsmail. Unser OSM hat auch im Spam nachgesehen.",
    "Der Rahmenvertrag wurde im Oktober erneuert. Die Aktivierungsmail ist aber bis heute nicht angekommen, "
    "obwohl der OSM richtig eingetragen ist.",
    "The enrollment was renewed on 1 November. However, the activation email never arrived at our OSM's mailbox.",
])
def test_a_renewal_named_beside_the_sentence_that_decides_moves_the_mail_question(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "renewal-activation"


def test_waiting_for_the_mail_beside_the_osm_named_is_the_missing_mail():
    text = ("Guten Tag, wir warten seit drei Wochen auf die Aktivierungsmail für Microsoft 365 E3. Als Online Services "
            "Manager haben wir beim Händler die Adresse zahnarzt.berg@outlook.com angegeben. Was nun?")
    _, matcher = load()
    found = match_topic(text, matcher)
    assert (found.outcome, found.id) == ("answer", "activation-email-missing")


@pytest.mark.parametrize("sentence", [
    "wir warten seit zwei Wochen auf die Aktivierungsmail.",
    "we have been waiting two weeks for the activation email.",
])
def test_waiting_states_a_problem(sentence):
    from faq.language.normalize import fold
    from faq.tickets.topic import _problem

    assert _problem().search(fold(sentence))


@pytest.mark.parametrize(("text", "entry"), [
    ("Guten Tag, wir wollen die gekauften Dienste in unserem bestehenden Tenant aktivieren und auf keinen Fall aus "
     "Versehen einen neuen anlegen. Worauf müssen wir achten?", "avoid-wrong-account"),
    ("Hi, we want to activate the new services in our existing tenant and not create a new one by mistake. "
     "What should we watch out for when we click the link?", "avoid-wrong-account"),
    ("Hallo, unsere Lizenzen sind im falschen Tenant gelandet. Worauf müssen wir jetzt achten?", "wrong-account-activated"),
    ("Hi, our licenses landed in the wrong tenant. What should we watch out for now?", "wrong-account-activated"),
])
def test_what_to_watch_out_for_before_activating_is_avoiding_the_wrong_account(text, entry):
    _, matcher = load()
    assert match_topic(text, matcher).id == entry


@pytest.mark.parametrize("text", [
    "Wir haben gestern über den Link aktiviert und uns mit dem globalen Administrator im Admin Center angemeldet. "
    "Unter Lizenzen steht aber null Lizenzen für E3. Liegt das am Nutzungsbeginn?",
    "Activation is done. Next step? The portal shows no licences at all so far.",
    "What do we have to do after the activation? We can't see any licences yet.",
])
def test_licences_missing_after_the_activation_are_the_problem_not_the_next_tasks(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "licenses-not-visible"


def test_more_licences_than_ordered_after_the_renewal_are_the_doubling_not_the_next_tasks():
    _, matcher = load()
    text = "After renewing, the portal shows 300 licences but we only ordered 150. Is that a billing mistake?"
    assert match_topic(text, matcher).id == "renewal-doubled-licenses"


@pytest.mark.parametrize("text, entry", [
    ("Nach der Aktivierung: was müssen wir jetzt noch tun, damit die Benutzer ihre Lizenzen bekommen?",
     "after-activation"),
    ("After the renewal went through, what do we have to do next?", "after-renewal"),
])
def test_the_tasks_after_a_good_activation_or_renewal_stay_the_tasks(text, entry):
    _, matcher = load()
    assert match_topic(text, matcher).id == entry


@pytest.mark.parametrize("text", [
    "Unsere Aktivierungsmail ist seit zwei Wochen nicht angekommen, die Mail fehlt immer noch. Soll ich beim "
    "VLSC-Support anrufen?",
    "Gestern früh eine Reservierung angelegt, bisher kam keine Mail. Muss ich jetzt die VLSC-Hotline anrufen?",
    "Our reservation is from this morning and the activation mail hasn't come. Do I need to call VLSC support?",
    "Still no email after our order last week. Should I open a ticket with VLSC support?",
])
def test_a_missing_mail_with_a_question_about_calling_support_is_the_missing_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", ["How do I contact VLSC support by phone?", "Wie erreiche ich den VLSC-Support?"])
def test_a_question_only_about_contacting_support_stays_there(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "contact-support"


@pytest.mark.parametrize("text", [
    "Wer erhält bei uns die Aktivierungsmail? Sie soll jetzt an unsere neue Einkäuferin gehen. Wie geht das?",
    "Der Empfänger der Aktivierungsmail ist ausgeschieden, wir brauchen einen neuen Empfänger. Wie geht das im VLSC?",
    "Who gets the activation email? It should go to the new admin now, how do I set a new recipient?",
])
def test_a_mail_that_should_go_to_someone_new_is_a_resend_not_who_receives_it(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "resend-activation-email"


@pytest.mark.parametrize("text", ["Who receives the activation email from Microsoft?", "Wer bekommt die Aktivierungsmail?"])
def test_who_receives_the_mail_stays_the_recipient(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-recipient"


@pytest.mark.parametrize("text", [
    "Laut VLSC hat der Ansprechpartner unseres Händlers die Aktivierungsmail bekommen, nicht wir. Deshalb haben wir "
    "sie nie gesehen, oder?",
    "Wer bekommt die Aktivierungsmail eigentlich? Bei uns ist sie nie angekommen.",
    "VLSC shows our partner's contact as the recipient of the activation email, so we never saw it, right?",
    "Who receives the activation email? We never got one.",
])
def test_who_received_the_mail_that_never_reached_us_is_the_missing_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Hallo, an wen geht die Aktivierungsmail, wenn unsere erste Bestellung aufgegeben ist? Kann diese Person sie "
    "weitergeben?",
    "Hello, who will receive the activation email after we place our first order? Can that person hand it over to a "
    "colleague?",
])
def test_asking_who_receives_the_mail_before_any_went_missing_is_the_recipient(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-recipient"


@pytest.mark.parametrize("text", [
    "Still no activation email. Who receives it at our company?",
    "Die Aktivierungsmail ist nie angekommen. Wer bekommt sie eigentlich?",
])
def test_asking_who_receives_a_mail_that_never_came_stays_the_missing_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Ich kümmere mich bei uns um die Onlinedienste und bekomme auch die Aktivierungsmails, habe im VLSC aber keine "
    "Zusatzrechte. Warum kann ich keine Onlinereservierung anlegen?",
    "I'm the one who gets the activation emails and looks after our online services, but I have no additional rights "
    "in VLSC. Why can't I make an online reservation?",
])
def test_missing_rights_for_reservations_beside_receiving_the_mails_are_the_reservation_permission(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "osm-reservations"


@pytest.mark.parametrize("text", [
    "Hallo, immer noch keine Aktivierungsmail. Vielleicht ging sie an unseren früheren IT-Dienstleister, sicher bin "
    "ich mir aber nicht, ich habe keinen Zugang zum VLSC.",
    "Die Aktivierungsmail ist nie angekommen. Ich vermute, sie ging an den alten Kontakt bei unserem Händler, kann "
    "das aber nicht prüfen.",
    "hello, still no activation email. It may have been sent to our previous IT contact, I'm not certain, I have no "
    "VLSC access.",
    "We still have no activation email. Perhaps the previous contact at our partner got it, but I can't confirm.",
])
def test_a_missing_mail_that_may_have_gone_elsewhere_without_a_resend_asked_is_the_missing_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Still no activation email - it went to our old contact. How do I resend it to me?",
    "Die Aktivierungsmail ist nie angekommen, sie ging an den alten Kontakt. Wie kann ich sie erneut senden lassen?",
])
def test_a_missing_mail_with_a_resend_asked_stays_the_resend(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "resend-activation-email"


@pytest.mark.parametrize("text", [
    "Unsere Firma hat zwei Registrierungen, eine für den Hauptsitz in Köln und eine für die Niederlassung in Leipzig. "
    "Dürfen beide demselben Konto zugewiesen werden oder braucht jede ein eigenes?",
    "We have two separate enrollments, one for headquarters in Leeds and one for our subsidiary in York. Can both be "
    "assigned to the same online services account, or does each need its own?",
    "Our company holds two enrollments for two sites. Can they both live in one account?",
])
def test_several_enrollments_for_the_same_account_are_not_splitting_one(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "multiple-enrollments-one-account"


@pytest.mark.parametrize("text", [
    "Wie kann ich die Lizenzen einer Registrierung auf zwei Konten aufteilen?",
    "How can I split the licenses of one enrollment across two tenants?",
])
def test_splitting_one_enrollment_stays_the_split(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "split-enrollment-accounts"


@pytest.mark.parametrize("text", [
    "Unsere Aktievierungsmail ist nie angekommen, im Spam ist auch nichts. Was nun?",
    "Die Aktiverungs-Mail kam bei unserem OSM bis heute nicht an.",
    "The actvation email never reached our OSM. Any idea?",
])
def test_a_misspelt_activation_mail_is_still_the_activation_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize(("text", "cause"), [
    ("Hallo, die Lizenzen sind nicht sichtbar. Unser Partner hat sie im falschen Konto aktiviert.", "wrong-account"),
    ("Hi, licenses not showing. Sadly the activation was done for the wrong account.", "wrong-account"),
    ("Lizenzen nicht sichtbar. Vielleicht wurde ja im falschen Konto aktiviert? Wer das war, weiß keiner.", None),
    ("Hi, no licenses visible. Could it be that someone activated them on the wrong account? Nobody remembers.", None),
])
def test_licenses_not_seen_with_a_wrong_account_are_the_missing_licenses(text, cause):
    from faq.tickets.triage import triage_text

    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert (result.id, result.cause) == ("licenses-not-visible", cause)


@pytest.mark.parametrize("text", [
    "Hallo, unsere Lizenzen sind im falschen Tenant gelandet, im Testmandanten statt im Produktivkonto. Wie ziehen "
    "wir sie um?",
    "Hi, our licences ended up on the wrong account, a tenant our agency set up. How do we move them?",
])
def test_licenses_that_landed_elsewhere_stay_with_the_wrong_account(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "wrong-account-activated"


@pytest.mark.parametrize("text", [
    "Aktivierungsmail ist gekommen, Link geklickt, Lizenzen nicht sichtbar. Den Nutzungsbeginn weiß ich nicht.",
    "Activation mail arrived, link clicked, licenses not visible. Usage start unknown.",
])
def test_licenses_not_seen_after_the_mail_came_are_the_missing_licenses(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "licenses-not-visible"


@pytest.mark.parametrize("text", [
    "Wir warten noch auf die Aktivierungsmail. Solange sehen wir natürlich keine Lizenzen. Wann kommt sie?",
    "We are still waiting for the activation email, so we don't see any licenses yet. When will it come?",
])
def test_licenses_not_seen_while_the_mail_is_missing_stay_with_the_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Im VLSC steht Herr Brandt aus dem Einkauf als Empfänger der Aktivierungsmail. Bei mir ist bis heute nie etwas "
    "angekommen.",
    "VLSC lists Mr Holt from purchasing as the recipient of the activation email. Nothing has actually arrived here.",
])
def test_a_setting_phrase_leaves_room_for_a_particle_or_an_indefinite(text):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    moved = in_setting(_mail_match(text, "activation-email-recipient", "activation-email-missing"), text, matcher)
    assert moved.id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Die Aktivierung hat geklappt. Die Lizenzen für Visio sehen wir im Admin Center aber nicht. Was nun?",
    "The activation went through. The Visio licenses do not show in the admin center though. What now?",
])
def test_licenses_not_seen_in_any_word_order_are_the_missing_licenses(text):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    moved = in_setting(_mail_match(text, "after-activation", "licenses-not-visible"), text, matcher)
    assert moved.id == "licenses-not-visible"


@pytest.mark.parametrize("text", [
    "Die Aktivierung hat geklappt. Wir sehen nicht, wo wir jetzt Benutzer anlegen. Die Lizenzen sind da.",
    "The activation went through and the licenses are all there. We do not show the new apps to users yet.",
])
def test_words_of_not_seeing_in_other_sentences_move_nothing(text):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    assert in_setting(_mail_match(text, "after-activation", "licenses-not-visible"), text, matcher).id == "after-activation"


@pytest.mark.parametrize("text", [
    "Registrierung mit dem Onlinekonto verknüpft: besteht schon lange. Aktivierungs-E-Mail zur Zusatzbestellung: "
    "keine. Was ist zu tun?",
    "Enrollment linked to our online account: since 2024. Activation email for the new order: none. What now?",
])
def test_a_label_answered_none_is_said_denied(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize(("text", "expected"), [
    ("Laut VLSC ging die Aktivierungsmail vielleicht an einen anderen Kontakt. Bei mir kam jedenfalls nichts an.",
     "activation-email-missing"),
    ("VLSC may show the activation email going to someone else, I can't tell. Nothing has arrived here.",
     "activation-email-missing"),
    ("Die Aktivierungsmail ist noch nicht angekommen. Worauf müssen wir achten, damit wir nicht ins falsche Konto "
     "aktivieren?", "avoid-wrong-account"),
    ("The activation email has not arrived yet. What should we watch out for so we don't activate into the wrong "
     "account?", "avoid-wrong-account"),
])
def test_a_mail_that_never_came_is_no_question_of_the_wrong_account(text, expected):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    assert in_setting(_mail_match(text, "avoid-wrong-account", "activation-email-missing"), text, matcher).id == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Wir haben bereits einen Microsoft-365-Tenant für unsere Postfächer. Lassen sich die neuen Lizenzen dort "
     "aktivieren, ohne dass ein weiteres Konto entsteht?", "use-existing-account"),
    ("We already have a Microsoft 365 tenant for our mailboxes. Can the new licenses be activated there without a "
     "second account being created?", "use-existing-account"),
    ("Wir haben bereits ein Konto und nun eine zweite Registrierung. Können beide Registrierungen in dieses Konto?",
     "multiple-enrollments-one-account"),
    ("We already have an account and now a second enrollment. Can both enrollments go into that account?",
     "multiple-enrollments-one-account"),
])
def test_an_account_already_had_without_enrollments_is_the_existing_account(text, expected):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    match = _mail_match(text, "multiple-enrollments-one-account", "use-existing-account")
    assert in_setting(match, text, matcher).id == expected


@pytest.mark.parametrize("text", [
    "Die Lizenzen tauchen bei uns im Portal noch nicht auf. Der Nutzungsbeginn der Bestellung ist morgen.",
    "Licenses aren't showing yet. The order's usage start date is tomorrow.",
])
def test_licenses_not_shown_with_a_usage_start_are_the_missing_licenses(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "licenses-not-visible"


@pytest.mark.parametrize(("text", "expected"), [
    ("Die Aktivierungsmail ist bei unserer Buchhalterin gelandet. Kann sie die an unseren IT-Dienstleister "
     "weiterleiten, damit der aktiviert?", "activation-email-recipient"),
    ("The activation email went to our office manager. Can she pass it on to our IT partner to complete it?",
     "activation-email-recipient"),
    ("Die Aktivierungsmail ist nie angekommen. Können Sie sie an mich weiterleiten?", "activation-email-missing"),
    ("The activation email never arrived. Could you forward it to me?", "activation-email-missing"),
])
def test_a_mail_to_be_forwarded_asks_about_its_recipient(text, expected):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    match = _mail_match(text, "activation-email-missing", "activation-email-recipient")
    assert in_setting(match, text, matcher).id == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Unsere Aktivierungsmail ist ausgeblieben. Der OSM ist übrigens globaler Admin unseres vorhandenen Kontos.",
     "activation-email-missing"),
    ("The activation email never showed up. FYI, our OSM is the global admin of our existing account.",
     "activation-email-missing"),
    ("Wir haben schon ein Konto mit unseren Postfächern. Wie aktivieren wir die neuen Dienste darin?",
     "use-existing-account"),
    ("We already have an account with our mailboxes. How do we activate the new services in it?",
     "use-existing-account"),
])
def test_a_mail_that_did_not_come_is_no_question_of_the_existing_account(text, expected):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    match = _mail_match(text, "use-existing-account", "activation-email-missing")
    assert in_setting(match, text, matcher).id == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Das ist eine ganz neue Bestellung, keine Verlängerung. Trotzdem kam keine Aktivierungsmail.",
     "activation-email-missing"),
    ("This is a brand-new order (nothing renewed), yet no activation mail arrived.", "activation-email-missing"),
    ("Unser Vertrag wurde letzte Woche verlängert. Kommt jetzt noch eine Aktivierungsmail?", "renewal-activation"),
    ("Our agreement was renewed last week. Should an activation email come now?", "renewal-activation"),
])
def test_a_denied_renewal_names_no_renewal(text, expected):
    from faq.tickets.topic import in_setting

    _, matcher = load()
    assert in_setting(_mail_match(text, "renewal-activation", "activation-email-missing"), text, matcher).id == expected


@pytest.mark.parametrize("text", [
    "Letztes Jahr sind unsere Lizenzen im falschen Mandanten gelandet, das hat damals der Support gerichtet. Bald "
    "aktivieren wir die nächste Bestellung, und ich bin in mehreren Tenants angemeldet. Wie stelle ich sicher, dass "
    "es diesmal das richtige Konto wird?",
    "Last year our licences ended up in the wrong tenant, support fixed it back then. Soon we activate the next "
    "order, and I am signed in to several tenants. How do I make sure it is the right account this time?",
])
def test_a_problem_of_the_past_is_context_beside_a_question_about_now(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "avoid-wrong-account"


@pytest.mark.parametrize("text", [
    "Vor einem Jahr haben wir über das Microsoft-Onlineabonnementprogramm ein Abo per Kreditkarte abgeschlossen. "
    "Das brauchen wir nicht mehr. Wie können wir das kündigen?",
    "A year ago we signed up for a subscription through the Microsoft Online Subscription Program by credit card. "
    "We no longer need it. How can we cancel it?",
])
def test_what_the_past_set_up_stays_the_topic_of_a_question_pointing_at_it(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "cancel-subscription"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail liegt bei mir im Postfach. Unsere Personalabteilung sieht in ihrem Portal keine "
    "Lizenzen, aber das ist ein eigenes Ticket. Darf ich die Mail an meine Kollegin in der IT weiterleiten?",
    "Hi, the activation email is sitting in my inbox. Our HR team sees no licences in their portal, but that is a "
    "separate matter. Can I forward the email to my colleague in IT?",
])
def test_a_problem_the_writer_sets_aside_does_not_take_the_topic(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-recipient"

@pytest.mark.parametrize("text", [
    "Vor zwei Jahren mussten die Lizenzen vom Support in unser Konto verschoben werden. Diesmal hat die Aktivierung "
    "geklappt, die Lizenzen sind sichtbar. Was muss ich jetzt noch erledigen?",
    "A year ago support had to move our licences to the right tenant. This time the activation went fine. What do we "
    "have to do next?",
])
def test_an_earlier_incident_beside_this_time_is_context(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "after-activation"


@pytest.mark.parametrize("text", [
    "Die Kollegin in der Zentrale hat die Mail mit dem Link erhalten, ich erledige aber die eigentliche Aktivierung. "
    "Darf sie mir die Mail weiterleiten?",
    "My colleague at head office received the mail with the link, but I do the actual activation. May she forward "
    "the mail to me?",
])
def test_an_adjective_of_which_is_no_other_kind_of_activation(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-recipient"


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail kam an, aber bei unserem Praktikanten, der inzwischen weg ist. Ich möchte, dass sie jetzt "
    "an mich geht. Wie mache ich das?",
    "The activation email did arrive, but at our intern's address, and he has left. I want it to go to me instead. "
    "How do I do that?",
])
def test_a_mail_that_came_to_the_wrong_person_and_should_go_to_me_is_the_resend(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "resend-activation-email"


@pytest.mark.parametrize("text", [
    "Im VLSC steht, dass die Aktivierungsmail an einen anderen Kontakt gesendet wurde, an unsere frühere "
    "Einkäuferin. Was nun?",
    "VLSC says the activation email was sent to another contact, our former buyer. What now?",
])
def test_a_mail_sent_to_another_contact_without_a_new_recipient_asked_is_the_missing_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Beim Aktivieren war ich versehentlich noch im Mandanten unserer Schwesterfirma angemeldet, die Lizenzen sind "
    "dort gelandet. Wie bekommen wir sie zurück?",
    "While activating I was still signed in to our sister company's tenant by mistake, so our licences ended up "
    "there. How do we get them back?",
])
def test_licences_activated_in_another_tenant_by_mistake_are_the_wrong_account(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "wrong-account-activated"


@pytest.mark.parametrize("text", [
    "Bevor ich den Link anklicke: Ich bin in mehreren Mandanten angemeldet. Worauf muss ich achten, damit nichts im "
    "falschen Konto landet?",
    "Before I click the link: I am signed in to several customer tenants. How do I avoid activating in the wrong one?",
])
def test_asking_before_the_activation_stays_avoiding_the_wrong_account(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "avoid-wrong-account"


def test_several_enrollments_told_as_context_do_not_turn_a_split_into_sharing_an_account():
    _, matcher = load()
    text = ("Mehrere Registrierungen in einem Konto haben wir bereits. Jetzt soll eine Registrierung auf zwei Konten "
            "laufen, weil unser Labor einen eigenen Tenant will. Geht das?")
    assert match_topic(text, matcher).id == "split-enrollment-accounts"


@pytest.mark.parametrize("text", [
    "Bevor ich morgen den Link anklicke: Ich bin als Berater in mehreren Kundenmandanten angemeldet. Was soll ich tun, "
    "damit die Dienste nicht im falschen Mandanten aktiviert werden?",
    "Before I click the activation link on Monday: as a consultant I'm signed in to several client tenants. What "
    "should I do so the services don't get activated in the wrong tenant?",
])
def test_what_to_do_before_clicking_is_avoiding_the_wrong_account(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "avoid-wrong-account"


@pytest.mark.parametrize("text", [
    "Die Dienste wurden im Tenant eines Partners aktiviert, weil jemand beim Klick auf den Link dort angemeldet war. "
    "Deshalb sehen wir nichts, richtig?",
    "The services were activated in a partner tenant since someone clicked the link while signed in there. So we see "
    "nothing, correct?",
])
def test_seeing_nothing_after_an_activation_in_another_tenant_is_the_missing_licences(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "licenses-not-visible"


@pytest.mark.parametrize("text", [
    "In unserer Lizenzzusammenfassung steht noch nichts, und reserviert hat bei uns auch niemand. Wo bleibt die "
    "Aktivierungsmail?",
    "Nothing shows in our License Summary yet and nobody here made a reservation. Where is the activation email?",
])
def test_asking_where_the_mail_is_beside_no_reservation_is_the_missing_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Für unseren Auftrag wurde kein Online Services Manager hinterlegt. Was müssen wir tun, damit jemand die "
    "Aktivierungs-E-Mail bekommt?",
    "No Online Services Manager was entered for our order. What must we do so that somebody receives the activation "
    "email?",
])
def test_what_to_do_so_that_someone_receives_the_mail_is_its_recipient(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-recipient"


@pytest.mark.parametrize("text", [
    "Die Stadtbibliothek bekommt eine zusätzliche Registrierung. Darf sie ins gleiche Geschäftskonto wie unsere "
    "bestehende?",
    "Our library gets an additional enrollment next month. May it go into the same business account as our existing "
    "one?",
])
def test_an_additional_enrollment_for_the_existing_account_is_several_enrollments_in_one(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "multiple-enrollments-one-account"


@pytest.mark.parametrize("text", [
    "Unser Partner hat beim Aktivieren 'Für ein neues Geschäftskonto registrieren' gewählt. Nun haben wir einen "
    "zweiten Tenant mit den Lizenzen, und im bestehenden ist nichts. Wir wollen die Lizenzen im bestehenden Konto haben.",
    "During activation our partner chose 'sign up for a new business account'. Now a second tenant holds the "
    "licences and our existing one has none. We want them in the existing account.",
])
def test_a_new_account_already_chosen_at_the_activation_is_the_wrong_account(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "wrong-account-activated"


@pytest.mark.parametrize("text", [
    "Laut VLSC war unsere Werbeagentur Empfänger der Aktivierungsmail, nicht wir. Darum kam bei uns auch nie etwas "
    "an, oder?",
    "VLSC lists our agency as the recipient of the activation mail, not us. So nothing ever came to us, right?",
    "Könnte die Aktivierungsmail an einen anderen Kontakt gegangen sein? Im VLSC hat noch niemand nachgesehen.",
    "Could it be that the activation mail went to some other contact? Nobody has checked VLSC yet.",
])
def test_a_mail_received_by_another_contact_and_never_here_is_the_missing_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Aktiviert wurden die Lizenzen nicht in unserem Firmenkonto, sondern im Konto der Schwesterfirma, wo ich "
    "ebenfalls Admin bin. Darum sind sie bei uns unsichtbar. Wie holen wir sie?",
    "The licences were not activated in our company account but in our sister firm's, where I am an admin as well. "
    "So they are invisible on our side. How do we get them back?",
])
def test_licences_invisible_after_an_activation_elsewhere_are_the_missing_licences(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "licenses-not-visible"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierungsmail fehlt uns immer noch, das Netzwerkproblem im Lager hat damit nichts zu tun. Was "
    "können wir tun?",
    "Hi, our activation email still hasn't arrived; the Wi-Fi outage in the warehouse is unrelated. What can we do?",
])
def test_a_problem_beside_a_clause_set_aside_keeps_the_topic(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Hallo, wir haben einen Produktivmandanten und zwei Testmandanten. Worauf muss ich achten, wenn ich den "
    "Aktivierungslink anklicke?",
    "Hi, we run one production tenant and two test tenants. What should I watch out for when I click the activation "
    "link?",
])
def test_what_to_watch_out_for_when_clicking_the_link_is_avoiding_the_wrong_account(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "avoid-wrong-account"


@pytest.mark.parametrize("text", [
    "Wir haben am 2. April gekauft und klicken erst jetzt auf den Aktivierungslink. Worauf müssen wir achten, ist er "
    "noch gültig?",
    "We bought on 2 April and only now click the activation link. What should we watch out for, is it still valid?",
])
def test_a_link_whose_validity_is_asked_stays_the_link(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-link-expiry"


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail ging an unsere Assistentin, die jetzt in Elternzeit ist. Wie bekomme ich die Mail an mich "
    "umgeleitet?",
    "The activation mail went to our assistant, who is on parental leave now. How do I get it redirected to me?",
])
def test_a_mail_to_be_redirected_to_me_is_the_resend(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "resend-activation-email"


@pytest.mark.parametrize("text", [
    "Hallo, die Aktivierung hat geklappt. Unser Partnerbüro sieht übrigens keine Lizenzen, aber das ist deren Sache. "
    "Was muss ich als Nächstes tun?",
    "Hello, activation worked. Our partner office can't see any licences by the way, but that's their business. What "
    "do I need to do next?",
])
def test_another_party_s_problem_called_their_business_does_not_take_the_topic(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "after-activation"


@pytest.mark.parametrize("text", [
    "Bitte sagen Sie mir, wie ich im VLSC den Abonnementkontakt ändere, damit die Aktivierungsmail an unsere neue "
    "IT-Leiterin geht statt an die alte.",
    "Please tell me how to change the subscription contact in VLSC so the activation email goes to our new IT lead "
    "instead of the old one.",
])
def test_a_mail_wanted_at_a_new_contact_is_the_resend_not_activating_in_general(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "resend-activation-email"


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail ist nicht gekommen. Im VLSC steht noch unser altes Systemhaus als Kontakt, sie ging also "
    "dorthin.",
    "The activation mail never came. VLSC still lists our old IT firm as the contact, so it went there.",
])
def test_a_mail_that_never_came_because_it_went_to_an_old_contact_is_the_missing_mail(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text", [
    "Unsere Lieferanten erhalten den Link zur Aktivierung des Gastkontos in Teams nicht, auch nicht im Spam. Was tun?",
    "Our suppliers never receive the link for the activation of the guest account in Teams, not even in spam. Any idea?",
])
def test_an_activation_owned_by_another_kind_of_account_is_not_the_faq_s(text):
    _, matcher = load()
    assert match_topic(text, matcher).outcome == "no_match"


@pytest.mark.parametrize("text,expected", [
    ("Die Aktivierungsmail des Händlers kam bei uns nie an. Was tun?", "activation-email-missing"),
    ("The activation of our new subscription went through, but we see no licences.", "licenses-not-visible"),
])
def test_an_activation_owned_by_the_faq_s_things_keeps_the_ticket(text, expected):
    _, matcher = load()
    assert match_topic(text, matcher).id == expected


@pytest.mark.parametrize("text", [
    "Hallo, keine Aktivierungsmail. Der Nutzungsbeginn laut Vertrag ist ungefähr Mitte Dezember.",
    "Hi, still no activation email. Of the two admins in our team, neither has received anything.",
])
def test_a_genitive_beyond_the_mention_s_phrase_names_no_owner(text):
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@given(st.text(alphabet=st.sampled_from(list("aÄ1_- \t\n.,")), max_size=30))
def test_the_word_before_a_mention_is_read_backwards_as_it_is_forwards(text):
    found = re.search(r"([^\W_][\w-]*)[ \t]+$", text)
    assert word_before_blanks(text) == (found.group(1) if found else "")


@pytest.mark.parametrize("text,expected", [
    ("Griaß eich,\nd'Lizenzen san im Admin Center nirgends, gsehn hamma no nix. Was kennan ma doa?", "licenses-not-visible"),
    ("Hoi zäme\nMir händ no kei Aktivierigsmail becho, obwohl mir scho lang bstellt händ.", "activation-email-missing"),
    ("Servus, de Aktivierungsmail is bis heit ned kumma, is des normal?", "activation-email-missing"),
    ("Moin, Zusatzbest. Power BI Pro seit zwei Wochen durch, aber noch keine AktMail erh. Woran liegt's?",
     "activation-email-missing"),
])
def test_a_dialect_ticket_is_matched_as_its_standard_words(text, expected):
    kb, matcher = load()
    from faq.tickets.triage import triage_text

    assert triage_text(text, kb, matcher, TODAY).id == expected


@pytest.mark.parametrize("text", [
    "Rolle: IT-Leitung\nLizenzen im Admin Center sichtbar: nein\nVertrag: EA 5521\nWas fehlt noch?",
    "Role: IT lead\nLicences visible in admin center: no\nAgreement: EA 5521\nWhat is missing?",
])
def test_a_checklist_label_answered_no_is_the_problem_denied(text):
    kb, matcher = load()
    from faq.tickets.triage import triage_text

    assert triage_text(text, kb, matcher, TODAY).id == "licenses-not-visible"


@pytest.mark.parametrize("text", [
    "Servus,\nunsere Gäste kriagn de Einladung zur Teams-Besprechung ned, der Link geht ned. Was is do los?",
    "Hi,\nour guests never get the Teams meeting invitation mail, the join link does not work for them either.",
    "Grüezi\nWo find i de Produktkey für Windows 11 Pro? Im VLSC gseh i nüüt.",
    "Product: Windows 11 Pro\nProduct key shown in VLSC: no\nHow do we get the key?",
    "Produkt: Windows 11 Pro\nProduktschlüssel im VLSC sichtbar: nein\nWie kommen wir an den Key?",
    "Teams-Besprechung: morgen 10 Uhr\nEinladung bei den Gästen angekommen: nein\nWas können wir tun?",
])
def test_near_domain_tickets_in_dialect_or_as_checklists_get_no_topic(text):
    kb, matcher = load()
    from faq.tickets.triage import triage_text

    result = triage_text(text, kb, matcher, TODAY)
    assert result.match.outcome == "no_match" and result.cause is None


@pytest.mark.parametrize("text", [
    "Hi,\nstill no activation email here. Our reseller believes maybe it went to their own contact, but he "
    "could not say for sure.\nThanks, Aiko",
    "Hallo,\nkeine Aktivierungsmail bei uns. Der Kollege vermutet, dass sie vielleicht an den alten Kontakt ging, "
    "sicher ist er sich aber nicht.\nGruß Jonas",
])
def test_a_hedged_guess_beside_the_missing_mail_does_not_move_its_topic(text):
    kb, matcher = load()
    from faq.tickets.triage import triage_text

    result = triage_text(text, kb, matcher, TODAY)
    assert result.id == "activation-email-missing" and result.cause is None


@pytest.mark.parametrize("text", [
    "Laut VLSC war unser ehemaliger IT-Leiter Empfänger der Aktivierungsmail, darum haben wir sie nie gesehen.",
    "VLSC lists our former IT lead as the recipient of the activation mail, which is why we never saw it.",
])
def test_a_mail_delivered_elsewhere_and_never_seen_is_the_missing_mail(text):
    """Telling that the mail went to another contact and never reached the writer, without asking for a resend, is
    the missing mail (the seed's cause 'an einen anderen Kontakt gesendet'), also when the matcher leans to the resend."""
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


def test_a_sentence_that_states_no_problem_does_not_turn_a_ticket_to_a_diagnosis():
    """'The subscriptions appear in the admin center' matches the entry about licences that do not appear, yet
    states no problem: beside a question about what is left to do, it gives no evidence of that diagnosis."""
    _, matcher = load()
    text = ("The services are activated and the subscriptions appear in the admin center. At the same time we move "
            "25 users from E3 to E5. What else do I have to do now?")
    assert match_topic(text, matcher).id == "after-activation"


@pytest.mark.parametrize("text", [
    "Guten Tag, vor zwei Jahren ging bei der Erneuerung alles reibungslos, die Aktivierungsmail war sofort da. "
    "Für unseren neuen Vertrag haben wir jetzt keine Aktivierungsmail erhalten. Den Spam-Ordner hat noch niemand geprüft.",
    "Hello, back then the renewal went smoothly and the email arrived within an hour. This time no activation "
    "email has arrived for our new agreement, and nobody has looked in the junk folder yet.",
])
def test_a_renewal_that_went_well_before_does_not_make_a_missing_mail_the_renewals(text: str) -> None:
    _, matcher = load()
    assert match_topic(text, matcher).id == "activation-email-missing"


@pytest.mark.parametrize("text,topic", [
    ("Hello, the activation went well and our subscriptions appear in the admin center now. What do we need to do next?",
     "after-activation"),
    ("Hallo, die Aktivierung lief reibungslos und die Abonnements erscheinen im Admin Center. Was müssen wir als "
     "Nächstes tun?", "after-activation"),
    ("Hi, the activation itself went fine, but the subscriptions do not show up in the admin center. What do we "
     "have to do next?", "licenses-not-visible"),  # the problem told still decides
])
def test_a_success_told_beside_a_question_of_what_next_is_no_missing_licence(text: str, topic: str) -> None:
    _, matcher = load()
    assert match_topic(text, matcher).id == topic


@pytest.mark.parametrize(("other", "ours"), [
    ("Die Einladungsmail für unsere Gäste kommt seit gestern nicht mehr an.",
     "Die Aktivierungsmail für unsere Einladungsmail-Gäste kommt seit gestern nicht an."),
    ("The password reset email for our guests stopped arriving yesterday.",
     "The activation email for our order never arrived, only the password reset email did."),
])
def test_a_qualifier_met_again_is_read_the_same_in_each_ticket(other, ours):
    # the qualifiers of one ticket stand again in the next: each ticket is still read on its own words
    _, matcher = load()
    assert [about_something_else(t, matcher) for t in (other, ours, other, ours)] == [True, False, True, False]


class _HeldWhole:
    """The real matcher, but the whole ticket (its first match) is read as a clarification this sure."""

    def __init__(self, confidence: float) -> None:
        _, self._inner = load()
        self.confidence = confidence
        self.asked: list[str] = []

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def match(self, text, *args, **kwargs):
        from faq.search.results import Candidate, MatchResult
        self.asked.append(text)
        if len(self.asked) == 1:
            return MatchResult(text, "clarify", "activation-email-missing", None, self.confidence, "de",
                               (Candidate("activation-email-missing", self.confidence), Candidate("contact-support", 0.1)))
        return self._inner.match(text, *args, **kwargs)


def test_a_context_sentence_that_cannot_outweigh_the_held_verdict_is_not_matched_alone():
    """A sentence stating no problem counts for half at most: once the ticket's verdict is surer than
    that, it changes nothing and is not matched on its own; the one that states the problem still is."""
    text = ("Wir haben über unseren Händler Microsoft 365 E3 Lizenzen für unsere neue Registrierung bestellt und "
            "die Domäne im Admin Center verifiziert. Die Aktivierungsmail ist bis heute nicht angekommen.")
    held = _HeldWhole(0.8)
    result = match_topic(text, held)
    assert not any(a.startswith("Wir haben") for a in held.asked[1:])
    assert any(a.startswith("Die Aktivierungsmail") for a in held.asked[1:])
    assert result.id == "activation-email-missing"
