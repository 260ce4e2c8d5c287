"""Reading a role (a choice fact) from a whole ticket, in German and English (bundled knowledge base)."""

from datetime import date

import pytest

from faq.kb.loader import load_knowledge_base
from faq.tickets.facts import extract_facts

KB = load_knowledge_base()


def role(text: str, lang: str) -> object:
    return extract_facts(text, KB.flow("reservation-permission"), date(2026, 11, 24), lang, KB.vocabulary).facts.get("role")


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM unserer Registrierung. Gestern hat mir der Vereinbarungsadministrator die Berechtigung "
           "„Reservierung verwalten“ erteilt. Kann ich jetzt reservieren?"),
    ("en", "I'm the OSM on our enrollment. Our agreement admin gave me the Manage Reservations permission this "
           "morning. Can I reserve seats now?"),
])
def test_a_permission_stated_in_another_sentence_makes_the_osm_one_with_it(lang, text):
    assert role(text, lang) == "osm-manage-reservations"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin als OSM eingetragen. Ob ich die Berechtigung Reservierung verwalten habe, kann ich nicht sagen."),
    ("en", "I am listed as the OSM. Whether I have the Manage Reservations permission I really don't know."),
])
def test_a_permission_in_doubt_leaves_the_role_unknown(lang, text):
    assert role(text, lang) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM. Die Berechtigung Reservierung verwalten habe ich nicht. Warum kann ich nicht reservieren?"),
    ("en", "I'm the OSM. I do not have the Manage Reservations permission. Why can't I reserve?"),
    ("de", "Ich bin OSM. Die Berechtigung Reservierung verwalten wurde mir bisher nicht zugewiesen."),
    ("en", "I'm the OSM. The Manage Reservations permission was never assigned to me."),
])
def test_a_permission_denied_leaves_the_plain_osm(lang, text):
    assert role(text, lang) == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Unsere OSM sagt, sie findet die Reservierung im VLSC nicht. Darf ich als Vereinbarungsadministratorin "
           "reservieren?"),
    ("en", "Our OSM says the reservation option is missing for her. May I reserve as the agreement admin?"),
])
def test_someone_elses_role_is_not_the_writers(lang, text):
    assert role(text, lang) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Die Vereinbarungsadministratorin hat mir als OSM gestern die Berechtigung Reservierung verwalten "
           "gegeben. Geht das Reservieren jetzt?"),
    ("en", "Our agreement admin granted me as OSM the Manage Reservations permission yesterday. Can I reserve now?"),
])
def test_a_permission_stated_with_the_osm_in_one_sentence(lang, text):
    assert role(text, lang) == "osm-manage-reservations"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Mein Kollege ist VLSC-Administrator, ich nicht. Darf ich trotzdem reservieren?"),
    ("en", "My colleague is the VLSC admin, not me. May I still reserve?"),
])
def test_a_role_said_of_someone_else_is_not_the_writers(lang, text):
    assert role(text, lang) is None


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Als VLSC-Administratorin möchte ich eine Reservierung anlegen.", "vlsc-admin"),
    ("en", "Role: online administrator. Why can't I see the reservation page?", "ola"),
])
def test_a_role_introduced_by_als_or_a_label_is_the_writers(lang, text, expected):
    assert role(text, lang) == expected


def test_the_permission_sentence_is_the_evidence_of_the_refined_role():
    text = "Ich bin OSM unserer Registrierung. Seit gestern habe ich die Berechtigung Reservierung verwalten."
    read = extract_facts(text, KB.flow("reservation-permission"), date(2026, 11, 24), "de", KB.vocabulary)
    assert read.facts["role"] == "osm-manage-reservations"
    ev = read.evidence["role"]
    assert "Reservierung verwalten" in ev.quote and text[ev.start:ev.end] == ev.quote


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im Mandanten bin ich Globaler Administrator. Im VLSC bin ich aber nur normaler Benutzer, ohne Administrator- "
           "oder OSM-Rolle. Darf ich eine Onlinedienstreservierung anlegen?"),
    ("en", "I'm a global admin of our tenant, but in VLSC I am only a regular user, with no administrator or OSM role. "
           "May I create an online services reservation?"),
])
def test_a_plain_user_of_vlsc_is_another_role(lang, text):
    assert role(text, lang) == "other"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich glaube, im VLSC bin ich nur normaler Benutzer. Darf ich reservieren?"),
    ("en", "Maybe I am just a regular user in VLSC. May I reserve?"),
    ("de", "Unsere Einkäuferin ist im VLSC nur normaler Benutzer. Darf sie reservieren?"),
    ("en", "Our buyer is only a regular user in VLSC. May she reserve?"),
    ("de", "Im VLSC bin ich kein normaler Benutzer. Darf ich reservieren?"),
])
def test_a_plain_user_hedged_denied_or_someone_elses_is_no_role(lang, text):
    assert role(text, lang) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM. Vielleicht hat mir unsere Vertragsverwaltung irgendwann eine Berechtigung gegeben, "
           "genau weiß ich das nicht. Darf ich Reservierungen abschließen?"),
    ("en", "I'm the OSM. I think our admin may have granted me some permission a while ago, not sure which. "
           "Am I able to complete reservations?"),
])
def test_a_permission_named_in_general_and_hedged_leaves_the_role_unknown(lang, text):
    assert role(text, lang) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM und habe keine besondere Berechtigung. Darf ich Reservierungen abschließen?"),
    ("en", "I'm the OSM and I have no special permission. Am I able to complete reservations?"),
])
def test_a_permission_named_in_general_and_denied_keeps_the_role(lang, text):
    assert role(text, lang) == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM und verwalte die Reservierungen unserer Firma ohne die Berechtigung „Reservierung "
           "verwalten“. Darf ich trotzdem online reservieren?"),
    ("en", "I am the OSM and manage our reservations without the Manage Reservations permission. Can I still use "
           "online reservations?"),
])
def test_managing_reservations_without_the_permission_is_no_permission(lang, text):
    assert role(text, lang) != "osm-manage-reservations"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Hallo, ich bin unser VLSC-Administrator. Darf ich eine Reservierung anlegen?", "vlsc-admin"),
    ("en", "Hi, I'm our OLA in VLSC. May I create license reservations myself?", "ola"),
])
def test_the_writer_named_as_our_role_holds_it(lang, text, expected):
    assert role(text, lang) == expected


def test_our_role_held_by_someone_else_is_not_the_writers():
    assert role("Unser OSM hat mich gebeten nachzufragen. Ich selbst bin nur Einkäufer.", "de") is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Rolle: OSM. Berechtigung Reservierung verwalten: wurde mir bis jetzt nicht erteilt. Wie komme ich weiter?"),
    ("en", "Role: OSM. Manage Reservations permission: has not been given to me so far. What now?"),
])
def test_a_permission_label_answered_by_a_denying_clause_leaves_the_plain_osm(lang, text):
    assert role(text, lang) == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Rolle: OSM. Berechtigung Reservierung verwalten: wurde mir gestern zugewiesen."),
    ("en", "Role: OSM. Manage Reservations permission: was granted to me yesterday."),
])
def test_a_permission_label_answered_by_a_granting_clause_makes_the_osm_one_with_it(lang, text):
    assert role(text, lang) == "osm-manage-reservations"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Bis zur Neuordnung der Rollen im Frühjahr war ich OSM mit der Berechtigung Reservierung verwalten. Was "
           "ich jetzt habe, weiß ich nicht."),
    ("en", "I was an OSM with the Manage Reservations permission until the roles were reorganised in spring. I don't "
           "know what I have now."),
])
def test_a_role_held_up_to_a_past_time_is_no_role(lang, text):
    assert role(text, lang) is None


@pytest.mark.parametrize(("text", "lang"), [
    ("Ich bin OSM und bekomme nächste Woche die Berechtigung Reservierung verwalten. Kann ich dann schon reservieren?", "de"),
    ("I'm the OSM and will be given the Manage Reservation permission next week. Can I reserve then?", "en"),
])
def test_a_permission_still_to_come_is_not_held(text, lang):
    assert role(text, lang) != "osm-manage-reservations"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ihre Rolle im VLSC (OSM / OLA / VLSC-Administrator): bitte ankreuzen\nWarum kann ich keine Reservierung anlegen?"),
    ("en", "Your role: osm | ola | vlsc-admin (delete as appropriate)\nWhy can't I see the reservations page?"),
])
def test_a_role_among_options_offered_is_no_role(lang, text):
    assert role(text, lang) is None


def test_a_role_named_beside_a_slash_free_text_stays_read():
    assert role("Ich bin OLA bei uns, also Online-Administrator. Kann ich reservieren?", "de") == "ola"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM. Erst meinte ich, mir fehlen die Rechte, aber im Profil steht: die Berechtigung Reservierung "
           "verwalten ist mir zugewiesen. Wo lege ich die Reservierung an?"),
    ("en", "I'm the OSM. At first I thought I had no permissions, but I checked my profile: the Manage Reservations "
           "permission is assigned to me. Where do I create the reservation?"),
])
def test_a_permission_stated_outright_outweighs_an_earlier_doubt(lang, text):
    assert role(text, lang) == "osm-manage-reservations"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Nachtrag Jana Vogel (OSM): Ich bin nur OSM, reservieren kann ich nicht."),
    ("en", "Added by Jana Vogel (OSM): I am the OSM and cannot reserve anything."),
])
def test_the_writers_role_after_a_header_naming_it_is_read(lang, text):
    assert role(text, lang) == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Guten Tag, bei uns habe ich im Volumenlizenzportal irgendeine VLSC-Admin-Rolle. Darf ich Reservierungen anlegen?"),
    ("de", "Moin, ich bin im VLSC irgendwie Admin, weiß aber nicht welcher. Geht eine Onlinereservierung?"),
    ("de", "Ich habe im VLSC eine Admin-Rolle, welche genau, muss ich nachsehen. Kann ich Lizenzen reservieren?"),
    ("en", "Hi, I have some VLSC admin role on our agreement. Am I allowed to reserve licences?"),
    ("en", "I'm an admin in VLSC of some kind, not sure which. Can I place an online reservation?"),
    ("en", "I hold a VLSC admin role, which one exactly I don't know. May I reserve?"),
])
def test_a_role_left_open_which_one_is_no_role(lang, text):
    assert role(text, lang) is None


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("de", "Ich bin VLSC-Admin, weiß aber nicht, welche Rechte ich zum Reservieren brauche.", "vlsc-admin"),
    ("en", "I'm the VLSC administrator, not sure which steps a reservation takes.", "vlsc-admin"),
])
def test_a_role_named_beside_a_question_of_something_else_stays_read(lang, text, expected):
    assert role(text, lang) == expected


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM und möchte im VLSC Lizenzen reservieren. Die Berechtigung „Reservierung verwalten“ "
           "besitze ich nicht, nur die einfache Rolle."),
    ("en", "I'm the OSM and want to reserve licences. I do not have the \"Manage Reservation\" permission, just the "
           "standard role."),
])
def test_a_denied_permission_followed_by_only_stays_denied(lang, text):
    # the comma parts "nicht" from "nur": no "nicht nur" (not only) that would state the permission
    assert role(text, lang) == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin OSM unserer Registrierung. Die Berechtigung „Reservierung verwalten“ – habe ich leider nicht. "
           "Darf ich trotzdem reservieren?"),
    ("en", "I'm the OSM of our enrollment. The \"Manage Reservation\" permission - I don't have it. May I still reserve?"),
])
def test_a_permission_set_before_a_dash_and_denied_after_it_leaves_the_plain_osm(lang, text):
    assert role(text, lang) == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Hallo, welche Rollen, zum Beispiel Onlineadministrator oder VLSC-Administrator, können Reservierungen "
           "abschließen? Wir verteilen die Rollen gerade neu."),
    ("en", "Hi, which roles, e.g. OLA or VLSC administrator, can complete online services reservations? We are "
           "handing out roles next month."),
])
def test_a_role_named_only_as_an_example_is_not_the_writers(lang, text):
    assert role(text, lang) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im VLSC bin ich als OSM hinterlegt, Reservierung verwalten ist für mich aber nicht aktiviert. Darf ich "
           "trotzdem reservieren?"),
    ("en", "I am the OSM, but Manage Reservations is not set for me. May I still reserve?"),
])
def test_a_permission_denied_after_the_role_in_its_own_clause_leaves_the_plain_osm(lang, text):
    assert role(text, lang) == "osm"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Im VLSC bin ich als OSM geführt; die Berechtigung „Reservierung verwalten“ ist für mich aber nicht aktiviert."),
    ("de", "Ich bin OSM unserer Registrierung. „Reservierung verwalten“ wurde mir jedoch nie zugewiesen."),
])
def test_a_permission_denied_after_a_contrast_adverb_in_its_clause_leaves_the_plain_osm(lang, text):
    # "aber"/"jedoch" after the writer as object stands inside the clause: the clause's "nicht" denies the permission
    assert role(text, lang) == "osm"


def answered_role(question: str, answer: str, lang: str) -> object:
    from faq.tickets.facts import extract_answer
    from faq.tickets.quotes import Answer

    read = extract_answer(Answer(question, answer, 0), KB.flow("reservation-permission"), date(2026, 11, 24), lang, KB.vocabulary)
    return read.facts.get("role")


@pytest.mark.parametrize(("lang", "question", "answer", "expected"), [
    ("de", "Welche Rolle haben Sie im Volume Licensing Service Center?", "Onlineadministrator.", "ola"),
    ("de", "Welche VLSC-Rolle ist Ihnen zugewiesen?", "lediglich OSM, mehr nicht", "osm"),
    ("en", "What role do you hold in VLSC?", "just OSM, nothing more", "osm"),
    ("en", "Which role is assigned to you in VLSC?", "VLSC administrator", "vlsc-admin"),
    ("en", "What is your VLSC role?", "OSM with the Manage Reservation permission", "osm-manage-reservations"),
])
def test_a_role_named_under_a_quoted_question_for_the_role_is_the_writers(lang, question, answer, expected):
    assert answered_role(question, answer, lang) == expected


@pytest.mark.parametrize(("lang", "question", "answer"), [
    ("de", "Welche Rolle haben Sie im VLSC?", "Unsere Kollegin ist OLA, meine Rolle kenne ich nicht."),
    ("en", "What is your role in VLSC?", "Not sure, maybe OLA?"),
    ("en", "Which role do you have in VLSC?", "Not the OSM, that's my colleague."),
    ("de", "Haben Sie die Aktivierungsmail im Junk-Ordner gesucht?", "OSM ist Herr Lind, der hat gesucht."),
])
def test_an_answer_naming_another_role_a_doubted_or_denied_one_or_another_question_names_none(lang, question, answer):
    assert answered_role(question, answer, lang) is None


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Ich bin der Volumenlizenzierungsadministrater und kann nicht reservieren."),
    ("en", "I am the volume licensing administrater and cannot reserve."),
])
def test_a_long_role_name_misspelt_by_one_letter_is_still_read(lang, text):
    assert role(text, lang) == "vlsc-admin"
