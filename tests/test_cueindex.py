"""The cues a whole ticket can hold: a sentence only tries the cue groups whose first word some
sentence of the ticket holds, and reads the same facts as when it tries them all."""

from faq.kb.loader import load_knowledge_base
from faq.tickets.cueindex import TextCues, cues_of
from faq.tickets.cues import lexicon_for
from faq.tickets.sentence import Sentence
from faq.tickets.tokens import sentences, tokenize
from faq.tickets.yesno import cue_value

KB = load_knowledge_base()
LEX = lexicon_for(KB.vocabulary)


def analysed(text: str) -> list[Sentence]:
    return [Sentence(offset, part, tokens, LEX.words(tokens)) for offset, part in sentences(text) if (tokens := tokenize(part))]


def yesno_facts() -> list:
    return [f for flow in KB.flows for f in flow.facts if f.type == "yesno" and (f.cues.yes or f.cues.no)]


def test_every_group_a_sentence_holds_is_kept_in_order():
    text = analysed("Die Aktivierungsmail kam nicht an. Im Spam-Ordner haben wir schon nachgesehen.")
    cues = TextCues(LEX, [s.words for s in text])
    kept_in_all = every_in_all = 0
    for fact in yesno_facts():
        for table in (fact.cues.yes, fact.cues.no):
            kept = cues.cue_groups(table, "de")
            every = LEX.cue_groups(table, "de")
            held = [g for g in every if any(s.words.holds((g[0],)) for s in text)]
            assert [g for g in every if g in kept] == list(kept)  # in the table's order
            assert all(g in kept for g in held)
            kept_in_all, every_in_all = kept_in_all + len(kept), every_in_all + len(every)
    assert kept_in_all < every_in_all / 2  # most groups are cut


def test_a_ticket_without_a_cue_word_keeps_no_group_of_it():
    text = analysed("Guten Tag, wie ändere ich die Lieferadresse für unsere Hardwarebestellung?")
    cues = TextCues(LEX, [s.words for s in text])
    assert not cues.may_hold("spam")
    assert cues.may_hold("lieferadresse")


def test_the_facts_read_are_those_read_trying_every_cue():
    tickets = [
        "Hallo, die Aktivierungsmail ist nicht angekommen. Den Spam-Ordner haben wir geprüft, dort ist nichts.",
        "Hi, we never got the activation email. We have not checked the junk folder yet.",
        "Die Domäne ist verifiziert, glaube ich. Die Reservierung haben wir gestern gemacht, sie ist noch nicht durch.",
    ]
    for ticket in tickets:
        text = analysed(ticket)
        cues = TextCues(LEX, [s.words for s in text])
        for lang in ("de", "en"):
            for fact in yesno_facts():
                for s in text:
                    assert cue_value(fact, lang, s, LEX, cues) == cue_value(fact, lang, s, LEX)


def test_the_groups_are_worked_out_once_per_table():
    text = analysed("Die Aktivierungsmail kam nicht an.")
    cues = TextCues(LEX, [s.words for s in text])
    table = yesno_facts()[0].cues.yes
    assert cues.cue_groups(table, "de") is cues.cue_groups(table, "de")


def test_every_pair_group_a_sentence_holds_is_kept_in_order():
    text = analysed("Das Basisabo läuft über die alte Registrierung, das Add-on über die neue Registrierung.")
    cues = TextCues(LEX, [s.words for s in text])
    kept_any = False
    for fact in yesno_facts():
        for table in (fact.cues.yes, fact.cues.no):
            kept = cues.pair_groups(table, "de")
            every = LEX.pair_groups(table, "de")
            assert [g for g in every if g in kept] == list(kept)
            assert all(g in kept for g in every if any(s.words.hits(g[0]) for s in text))
            kept_any = kept_any or bool(kept)
    assert kept_any


def test_a_fact_is_silent_only_when_no_sentence_may_hold_any_of_its_cues():
    text = analysed("Guten Tag, wie ändere ich die Lieferadresse für unsere Hardwarebestellung?")
    cues = TextCues(LEX, [s.words for s in text])
    facts = yesno_facts()
    silent = [f for f in facts if cues.silent(f, "de")]
    assert silent  # a ticket about something else names few of the facts' cue words
    for fact in silent:
        assert all(cue_value(fact, lang, s, LEX) is None for s in text for lang in ("de", "en"))
    spam = analysed("Im Spam-Ordner haben wir schon nachgesehen.")
    assert not all(TextCues(LEX, [s.words for s in spam]).silent(f, "de") for f in facts)


def test_a_text_read_again_has_its_own_cues_and_never_another_texts():
    facts = yesno_facts()
    other = cues_of(LEX, [s.words for s in analysed("Guten Tag, wie ändere ich die Lieferadresse für unsere Hardwarebestellung?")])
    spam = cues_of(LEX, [s.words for s in analysed("Im Spam-Ordner haben wir schon nachgesehen.")])
    again = cues_of(LEX, [s.words for s in analysed("Im Spam-Ordner haben wir schon nachgesehen.")])
    assert again is spam  # worked out once for the text
    fresh = TextCues(LEX, [s.words for s in analysed("Im Spam-Ordner haben wir schon nachgesehen.")])
    assert [again.silent(f, "de") for f in facts] == [fresh.silent(f, "de") for f in facts]
    assert [other.silent(f, "de") for f in facts] != [again.silent(f, "de") for f in facts]


def test_the_first_words_are_those_of_the_kept_cue_and_pair_groups():
    text = analysed("Die Lizenzen sind nicht sichtbar. Das Add-on läuft über eine andere Registrierung als das Basisabo.")
    cues = TextCues(LEX, [s.words for s in text])
    for fact in yesno_facts():
        tables = (fact.cues.yes, fact.cues.no)
        kept = {g[0] for t in tables for g in (*cues.cue_groups(t, "de"), *cues.pair_groups(t, "de"))}
        assert set(cues.first_words(fact, "de")) == kept
        assert cues.first_words(fact, "de") is cues.first_words(fact, "de")  # worked out once


def test_a_sentence_without_a_first_word_of_a_fact_reads_nothing_of_it_as_before():
    tickets = [
        "Guten Morgen. Unsere Bestellung lief über den Händler. Die Domain ist nicht verifiziert.",
        "Good morning. The order went through our reseller. Admin of an existing tenant: no",
        "Hallo – kurze Frage – die Domäne ist, wie der Partner sagt, verifiziert.",
    ]
    for ticket in tickets:
        text = analysed(ticket)
        cues = TextCues(LEX, [s.words for s in text])
        for fact in yesno_facts():
            for s in text:
                if ":" not in s.text and not any(s.words.hits(w) for w in cues.first_words(fact, "en")):
                    assert cue_value(fact, "en", s, LEX, cues) is None
                assert cue_value(fact, "en", s, LEX, cues) == cue_value(fact, "en", s, LEX)
