"""Normalisation: the same question in different spellings gives the same tokens."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faq.kb.model import Vocabulary
from faq.language.normalize import Normalizer, fold, stem, words

VOCAB = Vocabulary(
    synonyms=(
        ("mail", "email", "e-mail", "mails", "nachricht"),
        ("aktivierung", "aktivieren", "activation", "activate"),
        ("osm", "online services manager", "online-services-manager"),
        ("abonnement", "abo", "abos", "subscription"),
    ),
    compounds=("aktivierung", "mail", "dienst", "konto", "geschaeft", "benutzer", "handbuch"),
    stopwords={"de": ("ich", "die", "der", "zur", "habe"), "en": ("the", "a")},
)


@pytest.fixture
def norm() -> Normalizer:
    return Normalizer(VOCAB)


def test_fold_umlauts_and_email_spellings():
    assert fold("Kündigung Größe") == "kuendigung groesse"
    assert fold("E-Mail eMail Email e mail") == "mail mail mail mail"


@pytest.mark.parametrize(
    "text",
    ["Aktivierungsmail", "Aktivierungs-E-Mail", "Aktivierungs-Email", "aktivierungs email", "Mail zur Aktivierung"],
)
def test_activation_mail_spellings_agree(norm, text):
    assert sorted(norm.tokens(text)) == ["aktivierung", "mail"]


def test_multiword_synonym_becomes_one_token(norm):
    assert norm.tokens("Der Online Services Manager") == ["osm"]
    assert norm.tokens("online-services-manager") == ["osm"]


def test_overlapping_phrases_leftmost_then_longest():
    """Of synonym phrases that overlap, the one that starts first wins, and of those the longest."""
    norm = Normalizer(Vocabulary(synonyms=(("os", "online services"), ("osm", "online services manager"),
                                           ("sm", "services manager"))))
    assert norm.surface("Online Services Manager") == ["osm"]
    assert norm.surface("Online Services") == ["os"]
    assert norm.surface("unsere Services Manager") == ["unsere", "sm"]
    assert norm.surface("online services manager, services manager online") == ["osm", "sm", "online"]


def test_cached_state_with_unfolded_phrase_is_refused(norm):
    """A cache whose phrases are not folded words is not one `to_state` made: it is rebuilt."""
    state = norm.to_state()
    assert Normalizer.from_state(VOCAB, state).tokens("Online Services Manager") == ["osm"]
    with pytest.raises(ValueError):
        Normalizer.from_state(VOCAB, {**state, "phrases": {"Online-Services Manager": "osm"}})


def test_cross_language_synonyms_share_a_token(norm):
    assert norm.tokens("activation") == norm.tokens("Aktivierung")
    assert norm.tokens("Abo") == norm.tokens("subscription")


def test_compounds_split_into_known_parts(norm):
    assert norm.tokens("Benutzerhandbuch") == [stem("benutzer"), stem("handbuch")]
    assert norm.tokens("Geschäftskonto") == [stem("geschaeft"), stem("konto")]


def test_short_or_unknown_words_stay_whole(norm):
    assert norm.split("konto") is None
    assert norm.tokens("Frankreich") == [stem("frankreich")]


def test_stopwords_dropped_but_negation_kept(norm):
    assert "kein" in norm.tokens("Ich habe keine Mail")
    assert "ich" not in norm.tokens("Ich habe keine Mail")


def test_control_characters_and_escapes_removed(norm):
    assert norm.tokens("\x1b[31mAbo\x1b[0m\x00") == norm.tokens("Abo")


def test_huge_input_is_bounded(norm):
    assert len(norm.tokens("abo " * 300_000)) <= 200


def test_noun_suffix_is_no_compound_part():
    """"Möglichkeit" is "möglich" made a noun, not "möglich" plus a misspelt part."""
    norm = Normalizer(Vocabulary(compounds=("moeglich", "kredit")))
    assert norm.tokens("Möglichkeit") == norm.tokens("möglich")


@pytest.mark.parametrize(("text", "guess", "expected"), [
    ("Does the activation link expire?", "de", "en"),  # function words decide against a wrong guess
    ("Läuft der Aktivierungslink ab?", "en", "de"),
    ("Die Aktivierungsmail ist nicht angekommen", None, "de"),
    ("licenses on the wrong account", None, "en"),
    ("activation link expired", "en", "en"),  # three content words: the detector's verdict
    ("Lizenzen im falschen Konto aktiviert", "de", "de"),
    ("VLSC", "de", None),
    ("VLSC", "en", None),
    ("OSM Lizenzen", "de", None),  # two nouns decide nothing
    ("365 Lizenzen", "de", None),
    ("foo bar baz", "de", None),  # a detector's default is no evidence
    ("it-admin@contoso.com", "en", None),  # an address's words are no language ("it" is no English)
    ("this-is-our-osm@the-company.de", None, None),
    ("", None, None),
])
def test_clear_language(text, guess, expected):
    from faq.language.normalize import clear_language

    assert clear_language(text, guess) == expected


def test_fold_reads_a_text_alike_each_time_short_long_or_longer():
    from faq.language.normalize import _LONG_TEXT, _fold

    word = "Aktivierungs-E-Mail für Müller"
    sentence = "Die Aktivierungs-E-Mail an Frau Müller kam nie an – auch nicht im Spam-Ordner. " * 5
    longer = "Grüße aus Köln, die Bestätigung fehlt. " * (_LONG_TEXT // 30)
    for text in (word, sentence, longer):
        assert len(text) > _LONG_TEXT or text is not longer
        assert fold(text) == _fold(text) == fold(text)
    assert fold(word) == "aktivierungs-mail fuer mueller"


def test_words_of_a_text_split_again_come_afresh():
    said = words("keine aktivierungsmail bekommen")
    said.append("x")  # a caller may extend what it got
    assert words("keine aktivierungsmail bekommen") == ["keine", "aktivierungsmail", "bekommen"]
    assert words("mail " * 100) == ["mail"] * 100  # a long text, split as it is


@given(st.text(alphabet=st.sampled_from(list("az09AZ_- .,\t\n\x1c\x85äé€")), max_size=40))
def test_words_are_the_runs_of_letters_and_digits_in_any_text(text):
    assert words(text) == re.findall(r"[a-z0-9]+", text)
    assert words(text * 20) == re.findall(r"[a-z0-9]+", text * 20)  # a long text, not remembered


@given(st.lists(st.sampled_from(["online", "services", "manager", "ich", "die", "abo", "mail", "x9", "the"]), max_size=12))
def test_surface_words_without_a_phrase_are_the_words_less_the_stop_words(said):
    norm = Normalizer(VOCAB)
    text = " ".join(said)
    if "online services manager" in text:
        assert "osm" in norm.surface(text)  # the phrase, one word
    else:
        assert norm.surface(text) == [w for w in said if w not in {"ich", "die", "the"}]


@given(st.lists(st.sampled_from(["e", "mail", "-", " ", "\n", "x", "ä", "_", "1"]), max_size=12).map("".join))
def test_email_spellings_are_found_where_the_plain_pattern_finds_them(text):
    from faq.language.normalize import _EMAIL_SPELLINGS

    plain = re.compile(r"\be[\s-]?mail")
    assert [m.span() for m in _EMAIL_SPELLINGS.finditer(text)] == [m.span() for m in plain.finditer(text)]
