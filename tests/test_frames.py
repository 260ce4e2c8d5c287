"""The words of a question's frame are no words of its topic (faq.language.frames): the verb of a
question of manner ("Wie funktioniert ...?") and a dismissed lead ("Nicht X, ..."); each case a new
question, in German and in English (bundled knowledge base)."""

import pytest

from faq.language.frames import without_frames
from faq.language.normalize import fold
from faq.search.cache import load_matcher


def said(text: str) -> list[str]:
    return without_frames(fold(text))


@pytest.fixture(scope="module")
def matcher():
    return load_matcher()


# -- the verb of a question of manner ---------------------------------------------------


@pytest.mark.parametrize("text, dropped", [
    ("Wie funktioniert eigentlich die Reservierung im VLSC?", "funktioniert"),
    ("Wie läuft bei einer Verlängerung die Aktivierung ab?", "laeuft"),
    ("Können Sie erklären, wie die Aktivierung im Portal abläuft?", "ablaeuft"),
    ("How does the renewal of our subscriptions work?", "work"),
    ("Could you explain how activating the services goes?", "goes"),
])
def test_the_verb_of_a_question_of_manner_is_dropped(text, dropped):
    words = said(text)
    assert dropped not in words
    assert ("wie" in words) or ("how" in words)


def test_a_separable_prefix_goes_with_its_verb():
    assert said("Wie läuft die Reservierung im VLSC ab?") == ["wie", "die", "reservierung", "im", "vlsc"]


@pytest.mark.parametrize("text, kept", [
    ("Der Link in der Mail funktioniert nicht mehr, wie bekomme ich einen neuen?", "funktioniert"),
    ("Wie lange läuft der Aktivierungslink noch?", "laeuft"),
    ("The activation link does not work any more", "work"),
])
def test_a_verb_that_tells_a_fault_stays(text, kept):
    assert kept in said(text)


# -- a dismissed lead -------------------------------------------------------------------


@pytest.mark.parametrize("text, gone, kept", [
    ("Nicht kündigen, wir wollen nur wissen: wer bekommt die Mail zur Aktivierung?", "kuendigen", "bekommt"),
    ("Not the cancellation - who gets the activation mail for our new order?", "cancellation", "gets"),
])
def test_a_dismissed_lead_is_no_topic(text, gone, kept):
    words = said(text)
    assert gone not in words and kept in words


@pytest.mark.parametrize("text, kept", [
    ("Nicht erhalten, was tun?", "erhalten"),  # too little follows: the lead tells the problem
    ("Nicht angekommen ist sie, obwohl wir bestellt haben", "angekommen"),  # a concession follows
    ("Not received yet, although the order is placed", "received"),
])
def test_a_lead_that_tells_the_problem_stays(text, kept):
    assert kept in said(text)


# -- what a user sees -------------------------------------------------------------------


@pytest.mark.parametrize("question", [
    "Wie funktioniert bei Onlinediensten die Aktivierung überhaupt?",
    "How does activating online services work in general?",
])
def test_a_general_how_question_is_not_answered_with_the_expired_link(matcher, question):
    result = matcher.match(question)
    assert not (result.outcome == "answer" and result.id == "activation-link-expiry")


@pytest.mark.parametrize("question, wanted", [
    ("Nicht vorbeugen, dafür ist es zu spät: unsere Dienste sind im falschen Konto aktiviert. Was nun?",
     "wrong-account-activated"),
    ("Not how to resend it, I only need to know: who does Microsoft send the activation mail to?",
     "activation-email-recipient"),
])
def test_a_dismissed_topic_does_not_take_the_question(matcher, question, wanted):
    result = matcher.match(question)
    assert result.candidates and result.candidates[0].id == wanted
