"""The matcher's close candidates decided by what a ticket states for their diagnoses."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.search.results import Candidate, MatchResult
from faq.tickets.flowtopic import keeps_entry, problem_told, told_instead
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 25)


def _matched(topic: str, *others: tuple[str, float], lang: str = "de") -> MatchResult:
    candidates = (Candidate(topic, 0.8), *(Candidate(i, c) for i, c in others))
    return MatchResult("", "answer", topic, None, 0.8, lang, candidates)


@pytest.mark.parametrize("text,flow", [
    ("Seit zehn Tagen warten wir auf die Aktivierungsmail.", "missing-activation-email"),
    ("Die Aktivierungs-E-Mail ist bei uns nie angekommen.", "missing-activation-email"),
    ("Our activation email never showed up.", "missing-activation-email"),
    ("Die Lizenzen sind im Admin Center nirgends zu finden.", "licenses-not-visible"),
    ("The licences are nowhere in our tenant.", "licenses-not-visible"),
    ("Laut VLSC ging die Aktivierungsmail an unseren früheren Einkäufer (Herr Lenz). Deshalb haben wir sie nie gesehen.",
     "missing-activation-email"),
    ("VLSC says the activation email went to our former buyer, so we never saw it.", "missing-activation-email"),
    ("Die Lizenzen wurden im Testmandanten aktiviert. In unserem Tenant sehen wir deshalb nichts.", "licenses-not-visible"),
    ("The licences went to a partner tenant. In ours we see nothing.", "licenses-not-visible"),
    ("Der OSM hat die Aktivierungsmail nie bekommen.", "missing-activation-email"),
    ("Which is odd: the activation mail never came.", "missing-activation-email"),
    ("Wo bleibt denn unsere Aktivierungsmail?", "missing-activation-email"),
    ("Where are the licences we ordered?", "licenses-not-visible"),
    # the writer denied as its recipient, in dialect too ("ned an mi")
    ("Laut VLSC is d'Aktivierungsmail an unsern Steuerberater ganga, ned an mi.", "missing-activation-email"),
    # missing it, as a verb
    ("Wir vermissen seit Tagen die Aktivierungsmail zu unserer Bestellung.", "missing-activation-email"),
    ("We still miss the activation mail for the new enrollment.", "missing-activation-email"),
    # "nothing" stands for the thing named last before it, not for one named on the way ("the link")
    ("Nach dem Klick auf den Aktivierungslink sind die Lizenzen im Testtenant gelandet. Bei uns sehen wir nix.",
     "licenses-not-visible"),
    ("After clicking the activation link the licences ended up in a trial tenant. In ours we see nothing.",
     "licenses-not-visible"),
])
def test_a_thing_beside_a_word_of_lack_tells_its_flows_problem(text, flow):
    assert problem_told(text, flow)


@pytest.mark.parametrize("text,flow", [
    ("Die Aktivierungsmail kam an, aber an unseren Dienstleister, mit dem wir nicht mehr arbeiten.",
     "missing-activation-email"),
    ("The activation email did arrive, at our old provider, which we no longer work with.", "missing-activation-email"),
    ("Wer bekommt bei uns die Aktivierungsmail?", "missing-activation-email"),
    ("Die Mail fehlt.", "licenses-not-visible"),
    ("The licences are all there. Only the mail is missing.", "licenses-not-visible"),
    ("Die Aktivierungsmail kam pünktlich an aber Lizenzen sehen wir keine.", "missing-activation-email"),
    ("The activation mail came but there are no licences.", "missing-activation-email"),
    ("Die Aktivierungsmail und die Lizenzen sind da. Gesehen hat sie aber keiner.", "missing-activation-email"),
    ("The activation email and the licences arrived. Nobody has looked at it yet.", "licenses-not-visible"),
])
def test_a_negation_in_a_relative_clause_or_beside_another_thing_tells_no_problem(text, flow):
    assert not problem_told(text, flow)


@pytest.mark.parametrize("text,lang", [
    ("Seit zwei Wochen warten wir auf die Aktivierungsmail. Unser OSM im VLSC ist j.roth@outlook.com, "
     "ein altes privates Postfach.", "de"),
    ("We have been waiting two weeks for the activation mail. Our OSM in VLSC is j.roth@outlook.com, "
     "an old private mailbox.", "en"),
])
def test_a_close_candidate_whose_problem_and_cause_the_ticket_states_takes_over(text, lang):
    kb, matcher = load()
    match = _matched("activation-email-recipient", ("activation-email-missing", 0.1), lang=lang)
    told = told_instead(match, text, kb, matcher, TODAY)
    assert told.id == "activation-email-missing" and told.flow == "missing-activation-email"
    assert told.candidates[0] == Candidate("activation-email-missing", 0.8)
    assert Candidate("activation-email-recipient", 0.1) in told.candidates


@pytest.mark.parametrize("text,lang", [
    ("Unser OSM im VLSC ist j.roth@outlook.com. Wer bekommt denn die Aktivierungsmail?", "de"),
    ("Our OSM in VLSC is j.roth@outlook.com. Who receives the activation mail?", "en"),
])
def test_a_ticket_that_tells_no_problem_keeps_its_topic(text, lang):
    kb, matcher = load()
    match = _matched("activation-email-recipient", ("activation-email-missing", 0.1), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY) == match


@pytest.mark.parametrize("text,lang", [
    ("Die Aktivierungsmail ist nie gekommen. Ob die Bestellung raus ist, weiß ich nicht.", "de"),
    ("The activation mail never came. I don't know whether the order was placed.", "en"),
])
def test_a_ticket_that_proves_no_cause_keeps_its_topic(text, lang):
    kb, matcher = load()
    match = _matched("activation-email-recipient", ("activation-email-missing", 0.1), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY) == match


@pytest.mark.parametrize("text,lang", [
    ("Die Aktivierungsmail ist nie angekommen, Lizenzen sehen wir auch nirgends. Nutzungsbeginn war der 24.11.2026.",
     "de"),
    ("The activation mail never arrived and the licences are nowhere either. Usage start was 2026-11-24.", "en"),
])
def test_a_topic_whose_own_problem_the_ticket_tells_stays(text, lang):
    kb, matcher = load()
    match = _matched("activation-email-missing", ("licenses-not-visible", 0.15), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY).id == "activation-email-missing"


def test_a_candidate_below_the_floor_does_not_take_over():
    kb, matcher = load()
    text = "Wir warten seit zwei Wochen auf die Aktivierungsmail. Unser OSM ist j.roth@outlook.com."
    match = _matched("activation-email-recipient", ("activation-email-missing", 0.001))
    assert told_instead(match, text, kb, matcher, TODAY).id == "activation-email-recipient"


@pytest.mark.parametrize("text", [
    "Die Aktivierung lief ohne Fehler durch, nur sind die Lizenzen nirgends im Admin Center. Der Nutzungsbeginn "
    "laut Bestellung war der 24.11.2026. Einfach abwarten?",
    "Activation went fine, but the licences are nowhere to be seen in the admin center. Our order's usage start "
    "date is 2026-11-24. Do we need to wait?",
])
def test_licences_nowhere_to_see_after_activation_are_triaged_as_not_visible(text):
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert result.id == "licenses-not-visible"
    assert result.cause == "usage-start-pending"


@pytest.mark.parametrize("text", [
    "VLSC shows the activation email was sent to another contact (our previous IT partner). That is why we never "
    "received it, I guess. What are our next steps?",
    "Im VLSC sehe ich, dass die Aktivierungsmail an einen anderen Kontakt ging (unseren früheren IT-Partner). Darum "
    "haben wir sie wohl nie erhalten. Was sind die nächsten Schritte?",
])
def test_a_mail_never_received_through_a_pronoun_is_triaged_as_missing_with_its_cause(text):
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert result.id == "activation-email-missing"
    assert result.cause == "sent-to-other-contact"


def _declined(*candidates: tuple[str, float], lang: str = "de") -> MatchResult:
    return MatchResult("", "no_match", None, None, candidates[0][1], lang, tuple(Candidate(i, c) for i, c in candidates))


@pytest.mark.parametrize("text,lang", [
    ("Stand: Registrierung schon mit unserem Onlinekonto verknüpft.\nAktivierungsmail zur neuen Bestellung: keine", "de"),
    ("Status: our enrollment is already linked to our online account.\nActivation mail for the new order: none", "en"),
])
def test_a_declined_ticket_whose_problem_and_cause_name_a_close_flow_is_offered_it(text, lang):
    kb, matcher = load()
    told = told_instead(_declined(("activation-email-missing", 0.4), ("after-renewal", 0.1), lang=lang), text, kb,
                        matcher, TODAY)
    assert (told.outcome, told.id, told.flow) == ("clarify", "activation-email-missing", "missing-activation-email")
    assert told.candidates == (Candidate("activation-email-missing", 0.4),)


@pytest.mark.parametrize("text,lang", [
    ("Die Einladungsmail für unsere Gäste kam nie an. In den Junk-Ordner haben wir noch nicht geschaut.", "de"),
    ("The guest invitation email never arrived. We have not looked in the junk folder yet.", "en"),
])
def test_a_ticket_declined_as_about_something_else_stays_declined(text, lang):
    kb, matcher = load()
    declined = _declined(("activation-email-missing", 0.4), lang=lang)
    assert told_instead(declined, text, kb, matcher, TODAY) == declined


@pytest.mark.parametrize("text,lang", [
    ("Die Aktivierungsmail ist bei uns nirgends aufgetaucht. Im VLSC steht, dass sie an einen anderen Kontakt ging, "
     "unseren früheren Einkäufer.", "de"),
    ("The activation mail is nowhere to be found here. VLSC says it was sent to a different contact, our former "
     "buyer.", "en"),
])
def test_an_entry_whose_answer_a_cause_repeats_yields_to_that_flow_however_improbable(text, lang):
    kb, matcher = load()
    match = _matched("resend-activation-email", ("activation-email-missing", 0.002), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY).id == "activation-email-missing"


@pytest.mark.parametrize("text,lang", [
    ("Die Aktivierungsmail ist bei uns nirgends aufgetaucht. Unser OSM ist p.lenz@outlook.com.", "de"),
    ("The activation mail is nowhere to be found here. Our OSM is p.lenz@outlook.com.", "en"),
])
def test_the_missing_mail_told_with_another_cause_proven_takes_over_from_the_resend(text, lang):
    kb, matcher = load()
    match = _matched("resend-activation-email", ("activation-email-missing", 0.002), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY).id == "activation-email-missing"


@pytest.mark.parametrize("text,lang", [
    ("Die Lizenzen wurden versehentlich im falschen Tenant aktiviert. In unserem eigenen sehen wir deshalb nichts.", "de"),
    ("The licences were accidentally activated on the wrong tenant. In our own we see nothing.", "en"),
])
def test_the_flow_whose_cause_the_topic_repeats_takes_over_though_not_a_candidate(text, lang):
    kb, matcher = load()
    match = _matched("wrong-account-activated", ("avoid-wrong-account", 0.1), lang=lang)
    told = told_instead(match, text, kb, matcher, TODAY)
    assert told.id == "licenses-not-visible"
    assert [c.id for c in told.candidates] == ["licenses-not-visible", "avoid-wrong-account", "wrong-account-activated"]


@pytest.mark.parametrize("text,keeps", [
    ("Die Mail ging an unseren alten Dienstleister. Ich möchte, dass sie stattdessen an unsere IT geht.", True),
    ("The mail went to our old provider. Please send it to us instead.", True),
    ("Die Mail ging laut VLSC an einen anderen Kontakt. Was nun?", False),
    ("VLSC says the mail was sent to another contact. What now?", False),
])
def test_a_new_recipient_asked_keeps_the_resend_from_its_diagnosis(text: str, keeps: bool) -> None:
    assert keeps_entry("resend-activation-email", text) is keeps


@pytest.mark.parametrize("text", [
    "Die Aktivierungsmail kam an, aber bei unserem früheren Dienstleister. Laut VLSC ging sie an einen anderen "
    "Kontakt. Ich möchte, dass sie stattdessen an unsere eigene IT geht. Wie geht das?",
    "The activation mail did arrive, but at our former provider; VLSC shows it went to a different contact. We want "
    "it to go to our own IT, please have it sent to us instead.",
])
def test_a_mail_asked_to_go_to_a_new_recipient_is_the_resend_without_a_cause(text: str) -> None:
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert (result.id, result.cause) == ("resend-activation-email", None)


@pytest.mark.parametrize("text", [
    "Guten Tag, in einem falschen Tenant gelandet sind unsere Lizenzen nicht, das hat unser Dienstleister geprüft. Sie fehlen trotzdem komplett.",
    "Hallo, im falschen Mandanten sind die Lizenzen nicht, da habe ich nachgesehen. Sie fehlen einfach.",
])
def test_the_repeated_causes_premise_denied_yields_to_that_flow_without_a_cause(text: str) -> None:
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert result.match.id == "licenses-not-visible"
    assert result.facts.get("right_account") is True
    assert result.cause is None


@pytest.mark.parametrize("text", [
    # the premise denied, but no problem of the flow told: the question about the wrong account stays
    "Hi, our licenses did not land in the wrong account. What would we do if licenses were activated for the wrong account?",
])
def test_the_premise_denied_without_the_flows_problem_keeps_the_topic(text: str) -> None:
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert result.match.id == "wrong-account-activated"
    assert result.cause is None


@pytest.mark.parametrize("text,lang", [
    ("Ich bin als OSM eingetragen, aber die Aktivierungsmail ist bei mir nie angekommen. Wer im VLSC als Empfänger "
     "steht, kann ich nicht sehen.", "de"),
    ("I am the OSM but the activation mail never reached me. I cannot see in VLSC who is listed as its recipient.", "en"),
])
def test_a_resend_topic_yields_to_the_missing_mail_told_even_before_a_cause_is_proven(text, lang):
    kb, matcher = load()
    match = _matched("resend-activation-email", ("activation-email-recipient", 0.1), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY).id == "activation-email-missing"


@pytest.mark.parametrize("text,lang", [
    ("Die Aktivierungsmail ist bei mir nie angekommen. Sie soll jetzt an unsere neue IT-Leiterin gehen.", "de"),
    ("The activation mail never reached me. Please have it sent to our new recipient, the IT lead.", "en"),
])
def test_a_resend_asked_for_keeps_its_topic_beside_the_missing_mail(text, lang):
    kb, matcher = load()
    match = _matched("resend-activation-email", ("activation-email-missing", 0.1), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY).id == "resend-activation-email"


def test_the_mail_missed_is_its_problem_told():
    assert problem_told("Wir vermissen die Aktivierungsmail für die Zusatzbestellung.", "missing-activation-email")


@pytest.mark.parametrize("text,lang", [
    ("Im VLSC steht, dass die Aktivierungsmail an einen anderen Kontakt gesendet wurde, an unseren alten Händler. "
     "Wie kommen wir jetzt dran?", "de"),
    ("VLSC shows the activation mail was sent to another contact, our previous reseller. How do we get hold of it?", "en"),
])
def test_a_resend_topic_whose_ticket_states_the_other_contact_is_that_diagnosis(text, lang):
    kb, matcher = load()
    match = _matched("resend-activation-email", ("activation-email-recipient", 0.1), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY).id == "activation-email-missing"


@pytest.mark.parametrize("text,lang", [
    ("Laut VLSC wurde die Aktivierungsmail an einen anderen Kontakt gesendet. Sie soll stattdessen an unsere IT gehen.",
     "de"),
    ("VLSC shows the activation mail was sent to another contact. Please send it to me instead.", "en"),
    ("Die Aktivierungsmail ging an unsere frühere Buchhalterin. Wie kann ich sie an ihre Nachfolgerin schicken lassen?",
     "de"),
    ("The activation mail went to our former accountant. How can I have it sent to her successor?", "en"),
])
def test_a_resend_asked_for_beside_the_other_contact_stays_the_resend(text, lang):
    kb, matcher = load()
    match = _matched("resend-activation-email", ("activation-email-recipient", 0.1), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY).id == "resend-activation-email"


@pytest.mark.parametrize("text,lang", [
    ("Ich habe im VLSC nachgesehen: Die Aktivierungsmail wurde an einen anderen Kontakt gesendet, an die Agentur, die "
     "uns früher betreut hat. Wie kommen wir an die Mail?", "de"),
    ("I looked in VLSC: the activation mail was sent to another contact, the agency that used to look after us. "
     "How do we get hold of it?", "en"),
])
def test_a_close_resend_standing_for_the_missing_mail_takes_over_on_the_other_contact_stated(text, lang):
    kb, matcher = load()
    match = _matched("activation-email-recipient", ("resend-activation-email", 0.4), lang=lang)
    assert told_instead(match, text, kb, matcher, TODAY).id == "activation-email-missing"


@pytest.mark.parametrize(("text", "flow"), [
    ("Die Lizenzen wurden im Konto unserer Agentur aktiviert, nicht in unserem.", "licenses-not-visible"),
    ("The licences ended up in a trial tenant someone set up years ago, not in ours.", "licenses-not-visible"),
    ("The activation email went to the old reseller contact, not to us.", "missing-activation-email"),
])
def test_a_short_clause_denying_the_writers_side_the_thing_before_tells_its_problem(text, flow):
    assert problem_told(text, flow)


@pytest.mark.parametrize(("text", "flow"), [
    ("The licences are in our tenant, not in our subsidiary's.", "licenses-not-visible"),
    ("Die Lizenzen sind in unserem Tenant, nicht bei der Tochterfirma.", "licenses-not-visible"),
])
def test_a_short_clause_denying_another_party_the_thing_tells_no_problem(text, flow):
    assert not problem_told(text, flow)


@pytest.mark.parametrize("text", [
    "Hello, a consultant clicked the activation link while signed in to his own company's tenant, so the licences "
    "landed in the wrong account, not ours. Regards, Ivo",
    "Hallo, unsere Aushilfe war beim Klick auf den Aktivierungslink im Testmandanten angemeldet, daher sind die "
    "Lizenzen im falschen Konto gelandet, nicht in unserem. Gruß, Ines",
])
def test_licences_in_the_wrong_account_not_the_writers_are_triaged_as_not_visible(text):
    kb, matcher = load()
    result = triage_text(text, kb, matcher, TODAY)
    assert result.id == "licenses-not-visible"
    assert result.cause == "wrong-account"
