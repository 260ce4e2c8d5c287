"""A yes or no on top of the one question of the mail it quotes (faq/tickets/topanswer.py), on new tickets."""

from datetime import date

import pytest

from faq.search.cache import load
from faq.tickets.body import clean_body
from faq.tickets.topanswer import top_answer
from faq.tickets.triage import triage_text

TODAY = date(2026, 11, 26)
KB, MATCHER = load()

FORWARDED_DE = ("{answer}\n\nJana Roth\n\n-------- Ursprüngliche Nachricht --------\nVon: Lizenz-Support\n"
                "Betreff: AW: Aktivierungsmail kommt nicht\n\nHallo Frau Roth,\n{question}\nViele Grüße\nIhr Support")
QUOTED_EN = ("{answer}\n\nTom\n\nOn 20 Nov 2026 Licensing Support wrote:\n> Subject: RE: activation email never arrived\n"
             "> Hi Tom,\n> {question}\n> Kind regards")


def triage(text: str):
    return triage_text(text, KB, MATCHER, TODAY)


@pytest.mark.parametrize(("text", "fact", "value", "cause"), [
    (FORWARDED_DE.format(answer="Ja, alles durchgesehen, da ist nichts.",
                         question="haben Sie schon im Junk-E-Mail-Ordner nachgesehen?"),
     "junk_checked", True, None),
    (FORWARDED_DE.format(answer="Nein, nachgesehen hat da bisher keiner von uns.",
                         question="wurde der Junk-Ordner schon geprüft?"),
     "junk_checked", False, "junk-folder"),
    (QUOTED_EN.format(answer="Yes, VLSC lists our former reseller as the contact it went to.",
                      question="Does VLSC show that the email was sent to another contact?"),
     "sent_to_other_contact", True, "sent-to-other-contact"),
])
def test_a_yes_or_no_on_top_answers_the_quoted_question(text, fact, value, cause):
    result = triage(text)
    assert result.match.id == "activation-email-missing"
    assert result.facts.get(fact) is value
    assert result.cause == cause


@pytest.mark.parametrize("text", [
    # two questions quoted: a bare "Nein" answers neither for sure
    FORWARDED_DE.format(answer="Nein, leider nicht.", question="wurde der Junk-Ordner geprüft? Und ist die Domäne verifiziert?"),
    # a question holding a clause of its own: "Nein" may deny either
    FORWARDED_DE.format(answer="Nein, da ist nichts gelandet.", question="haben Sie im Junk-Ordner nachgesehen, ob die Mail dort liegt?"),
    # the customer asks back: no answer
    FORWARDED_DE.format(answer="Nein, wo finde ich den Junk-Ordner?", question="wurde der Junk-Ordner geprüft?"),
    # no yes or no: nothing answered
    QUOTED_EN.format(answer="I will ask our IT team and get back to you.", question="Did you check the junk folder?"),
])
def test_no_answer_is_read_without_one_question_and_a_yes_or_no(text):
    assert top_answer(text, clean_body(text)) is None


EARLIER = {"de": "\n\n> Am 10.11.2026 schrieb Lizenz-Support:\n> Welche Adresse ist als OSM eingetragen?\n> Wann wurde bestellt?",
           "en": "\n\n> On 10 Nov 2026 Licensing Support wrote:\n> Which address is listed as the OSM?\n> When did you order?"}


@pytest.mark.parametrize(("text", "fact", "value"), [
    (FORWARDED_DE.format(answer="Nein, nachgesehen hat da bisher keiner von uns.",
                         question="wurde der Junk-Ordner schon geprüft?") + EARLIER["de"], "junk_checked", False),
    (QUOTED_EN.format(answer="Yes, VLSC lists our former reseller as the contact it went to.",
                      question="Does VLSC show that the email was sent to another contact?") + EARLIER["en"],
     "sent_to_other_contact", True),
])
def test_an_earlier_mail_of_the_thread_below_does_not_hide_the_answered_question(text, fact, value):
    assert triage(text).facts.get(fact) is value
