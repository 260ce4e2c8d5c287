"""The chat's widgets: message bubbles, answer cards, flow questions, resolution cards.

Every text goes through `Content(...)` or `Content.assemble(...)`, which never parse
markup, so neither user input nor knowledge base text can carry live markup.
Notes and highlights carry a word label ("Wichtig:", "Hinweis:") as well as a style,
so nothing depends on colour alone (NO_COLOR).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from bot.chat.dialogue import (
    Answer,
    Clarify,
    Dialogue,
    FlowResult,
    FlowStep,
    Greeting,
    Item,
    NoMatch,
    Notice,
    Option,
    UserMessage,
)
from faq.kb.model import Block, KnowledgeBase

__all__ = ["KEY_LETTERS", "TEXTS", "OptionButton", "option_label", "render_item", "tr"]

TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "app_title": "faqbot · Support-Assistent",
        "app_sub": "Dienstaktivierung · VLSC",
        "you": "Sie",
        "bot": "Assistent",
        "greeting": "Guten Tag! Ich beantworte Fragen zur Aktivierung von Onlinediensten, "
        "die über Volumenlizenzierung (VLSC) gekauft wurden: Aktivierungs-E-Mail, Konten, "
        "Lizenzen, Erneuerung und Support.",
        "greeting_how": "Schreiben Sie Ihre Frage unten, oder wählen Sie ein häufiges Thema mit der Zifferntaste:",
        "placeholder": "Ihre Frage … (Enter sendet)",
        "placeholder_date": "Datum eingeben, z. B. 24.11.2026, 2026-11-24, heute, vor 3 Tagen",
        "placeholder_email": "E-Mail-Adresse eingeben, z. B. name@firma.de",
        "placeholder_choice": "Ziffer wählen oder Antwort eingeben",
        "placeholder_yesno": "j = Ja, n = Nein, w = Weiß nicht (oder eintippen)",
        "contact": "Ansprechpartner",
        "important": "Wichtig",
        "note": "Hinweis",
        "clarify": "Meinen Sie eines dieser Themen? Bitte wählen Sie:",
        "none": "Keine davon",
        "no_match": "Dazu finde ich in den FAQ zur Dienstaktivierung leider keine Antwort.",
        "closest": "Am nächsten kommen diese Themen:",
        "support": "Sie können sich jederzeit an den Support wenden.",
        "none_of_these": "Schade, dass nichts davon passt. Formulieren Sie die Frage gern anders, "
        "oder wenden Sie sich an den Support.",
        "start_flow": "Diagnose starten",
        "flow_started": "Gut, ich stelle Ihnen ein paar Fragen, bis die Ursache feststeht.",
        "question_of": "Frage {n} von höchstens {m}",
        "help_hint": "F1: Hilfe zur Frage",
        "no_help": "Zu dieser Frage gibt es keine weitere Hilfe. Antworten Sie so gut Sie können; "
        "„Weiß nicht“ ist auch eine Antwort.",
        "help": "Hilfe",
        "date_hint": "Bitte unten eingeben: {formats}.",
        "email_hint": "Bitte unten eingeben: die E-Mail-Adresse, z. B. name@firma.de.",
        "yes": "Ja",
        "no": "Nein",
        "unknown": "Weiß nicht",
        "back": "Zurück",
        "restart": "Neu starten",
        "cancel": "Diagnose beenden",
        "save": "Zusammenfassung speichern",
        "copy": "Kopieren",
        "show": "Zusammenfassung anzeigen",
        "back_done": "Die letzte Antwort ({fact}) ist zurückgenommen.",
        "restart_done": "Die Diagnose beginnt von vorn.",
        "cancelled": "Diagnose beendet. Stellen Sie gern eine neue Frage.",
        "nothing_to_undo": "Es gibt keine Antwort, die ich zurücknehmen kann.",
        "nothing_to_restart": "Es läuft keine Diagnose, die neu starten könnte.",
        "bad_value": "Das konnte ich nicht übernehmen: {text}",
        "bad_value_hint": "Bitte versuchen Sie es noch einmal, oder beenden Sie die Diagnose mit Esc.",
        "result": "Ergebnis",
        "cause": "Ursache",
        "todo": "Was zu tun ist",
        "based_on": "Grundlage (Ihre Angaben)",
        "possible": "Noch möglich (wegen „Weiß nicht“)",
        "unresolved": "Keine der bekannten Ursachen ließ sich belegen.",
        "saved": "Zusammenfassung gespeichert: {path}",
        "save_failed": "Speichern fehlgeschlagen: {error}",
        "copied": "Zusammenfassung in die Zwischenablage kopiert (falls Ihr Terminal OSC 52 unterstützt).",
        "no_summary": "Es gibt noch keine Zusammenfassung – zuerst eine Diagnose abschließen.",
        "internal_error": "Entschuldigung, dabei ist intern ein Fehler aufgetreten ({text}). "
        "Das Gespräch geht weiter.",
        "store_failed": "Das Gespräch kann nicht gespeichert werden ({error}); der Chat läuft ohne Speichern weiter.",
        "resumed": "Das letzte Gespräch wird fortgesetzt.",
        "resume_none": "Kein früheres Gespräch gefunden – ein neues beginnt.",
        "unknown_topic": "Das Thema {id} kenne ich nicht.",
        "unknown_flow": "Die Diagnose {id} gibt es nicht.",
        "lang_switched": "Sprache: Deutsch.",
        "summary_title": "Zusammenfassung des Falls",
        "close": "Schließen",
        "topic": "Thema",
        "diagnosis": "Diagnose",
        "switch_lang": "Sprache wechseln: English",
        "switch_lang_help": "Die Oberfläche auf Englisch umstellen",
        # footer
        "k_quit": "Beenden",
        "k_help": "Hilfe",
        "k_lang": "English",
        "k_back": "Zurück",
        "k_restart": "Neu",
        "k_cancel": "Abbrechen",
        "k_save": "Speichern",
        "k_copy": "Kopieren",
        "k_palette": "Befehle",
        # agent view
        "k_agent": "Agent",
        "agent_command": "Agentenansicht (F3)",
        "agent_command_help": "Ein Support-Ticket einfügen, analysieren und den Fall speichern",
        "agent_title": "faqbot · Agentenansicht",
        "agent_sub": "Ticket einfügen und analysieren",
        "agent_ticket": "Ticket",
        "agent_ticket_hint": "einfügen, dann Strg+R (oder Strg+Enter) analysiert",
        "agent_placeholder": "Text des Tickets hier einfügen …",
        "agent_run": "Analysieren",
        "agent_new": "Neues Ticket",
        "agent_k_analyse": "Analysieren",
        "agent_k_copy": "Kopieren",
        "agent_k_new": "Neu",
        "agent_k_leave": "Chat",
        "agent_no_topic": "kein passendes Thema in den FAQ",
        "agent_confidence": "Sicherheit",
        "agent_outcome_answer": "eindeutig",
        "agent_outcome_clarify": "nicht eindeutig",
        "agent_outcome_no_match": "kein Treffer",
        "agent_ticket_lang": "Ticket auf {name}",
        "agent_in_lang": "auf {name}",
        "lang_de": "Deutsch",
        "lang_en": "Englisch",
        "agent_alternatives": "Ebenfalls möglich:",
        "agent_closest": "Am nächsten kommen:",
        "agent_facts": "Aus dem Ticket gelesen",
        "agent_from": "aus",
        "agent_no_facts": "Das Ticket nennt keine Angaben, die die Diagnose verwendet.",
        "agent_no_flow": "Zu diesem Thema gibt es keine Diagnose; die Antwort kommt aus den FAQ.",
        "agent_open": "Offene Frage an den Kunden",
        "agent_not_proven": "Das Ticket belegt diese Ursache nicht sicher; prüfen Sie die Angaben.",
        "agent_path": "Weg",
        "agent_reply": "Antwortvorschlag",
        "agent_reply_hint": "Strg+K kopiert",
        "agent_copied": "Antwortvorschlag in die Zwischenablage kopiert (falls Ihr Terminal OSC 52 unterstützt).",
        "agent_empty": "Bitte zuerst den Text eines Tickets einfügen.",
        "agent_nothing": "Noch kein Ticket analysiert.",
        "agent_cut": "Das Ticket ist auf {n} Zeichen begrenzt; der Rest wurde nicht analysiert.",
        "agent_help": "Ticket einfügen, Strg+R analysiert. Offene Fragen mit j/n/w oder Ziffern beantworten, "
        "Datum und E-Mail-Adresse eintippen und Enter. Strg+B: letzte Antwort zurück, Strg+K: Antwort kopieren, "
        "Strg+S: Zusammenfassung speichern, Strg+N: neues Ticket, F2: English, Esc: zurück zum Chat.",
        "general_help": "So geht's: Frage eintippen und Enter. Ziffern wählen Optionen, bei Ja/Nein-Fragen "
        "auch j, n, w. Strg+B: letzte Antwort zurück, Strg+R: Diagnose neu, Esc: Diagnose beenden, "
        "Strg+S: Zusammenfassung speichern, Strg+K: kopieren, F2: English, F3: Agentenansicht für Tickets, "
        "Strg+P: alle Themen, Strg+Q: Ende.",
    },
    "en": {
        "app_title": "faqbot · support assistant",
        "app_sub": "Service activation · VLSC",
        "you": "You",
        "bot": "Assistant",
        "greeting": "Hello! I answer questions on activating online services bought through Volume "
        "Licensing (VLSC): the activation email, accounts, licenses, renewal and support.",
        "greeting_how": "Type your question below, or pick a common topic with its number key:",
        "placeholder": "Your question … (Enter sends)",
        "placeholder_date": "Enter a date, e.g. 24.11.2026, 2026-11-24, today, 3 days ago",
        "placeholder_email": "Enter an email address, e.g. name@example.com",
        "placeholder_choice": "Pick a number or type the answer",
        "placeholder_yesno": "y = yes, n = no, u = don't know (or type it)",
        "contact": "Contact",
        "important": "Important",
        "note": "Note",
        "clarify": "Do you mean one of these topics? Please pick one:",
        "none": "None of these",
        "no_match": "I'm sorry, the FAQ on service activation has no answer to that.",
        "closest": "The closest topics are:",
        "support": "You can always contact support.",
        "none_of_these": "Sorry that none of these fits. Try asking in other words, or contact support.",
        "start_flow": "Start diagnosis",
        "flow_started": "Fine, I'll ask you a few questions until the cause is clear.",
        "question_of": "Question {n} of at most {m}",
        "help_hint": "F1: help on this question",
        "no_help": "There is no further help for this question. Answer as well as you can; "
        "\"don't know\" is an answer too.",
        "help": "Help",
        "date_hint": "Please type it below: {formats}.",
        "email_hint": "Please type it below: the email address, e.g. name@example.com.",
        "yes": "Yes",
        "no": "No",
        "unknown": "Don't know",
        "back": "Back",
        "restart": "Restart",
        "cancel": "End diagnosis",
        "save": "Save summary",
        "copy": "Copy",
        "show": "Show summary",
        "back_done": "Your last answer ({fact}) has been taken back.",
        "restart_done": "The diagnosis starts over.",
        "cancelled": "Diagnosis ended. Feel free to ask a new question.",
        "nothing_to_undo": "There is no answer to take back.",
        "nothing_to_restart": "No diagnosis is running that could restart.",
        "bad_value": "I could not use that: {text}",
        "bad_value_hint": "Please try again, or end the diagnosis with Esc.",
        "result": "Result",
        "cause": "Cause",
        "todo": "What to do",
        "based_on": "Based on (your answers)",
        "possible": "Still possible (because of \"don't know\")",
        "unresolved": "None of the known causes could be proven.",
        "saved": "Summary saved: {path}",
        "save_failed": "Saving failed: {error}",
        "copied": "Summary copied to the clipboard (if your terminal supports OSC 52).",
        "no_summary": "There is no summary yet: finish a diagnosis first.",
        "internal_error": "Sorry, an internal error occurred ({text}). The conversation goes on.",
        "store_failed": "The conversation cannot be saved ({error}); the chat goes on without saving.",
        "resumed": "Continuing your last conversation.",
        "resume_none": "No earlier conversation found: starting a new one.",
        "unknown_topic": "I don't know the topic {id}.",
        "unknown_flow": "There is no diagnosis {id}.",
        "lang_switched": "Language: English.",
        "summary_title": "Case summary",
        "close": "Close",
        "topic": "Topic",
        "diagnosis": "Diagnosis",
        "switch_lang": "Switch language: Deutsch",
        "switch_lang_help": "Show the interface in German",
        "k_quit": "Quit",
        "k_help": "Help",
        "k_lang": "Deutsch",
        "k_back": "Back",
        "k_restart": "Restart",
        "k_cancel": "Cancel",
        "k_save": "Save",
        "k_copy": "Copy",
        "k_palette": "Commands",
        # agent view
        "k_agent": "Agent",
        "agent_command": "Agent view (F3)",
        "agent_command_help": "Paste a support ticket, analyse it and save the case",
        "agent_title": "faqbot · agent view",
        "agent_sub": "Paste a ticket and analyse it",
        "agent_ticket": "Ticket",
        "agent_ticket_hint": "paste it, then Ctrl+R (or Ctrl+Enter) analyses it",
        "agent_placeholder": "Paste the ticket's text here …",
        "agent_run": "Analyse",
        "agent_new": "New ticket",
        "agent_k_analyse": "Analyse",
        "agent_k_copy": "Copy",
        "agent_k_new": "New",
        "agent_k_leave": "Chat",
        "agent_no_topic": "no matching topic in the FAQ",
        "agent_confidence": "confidence",
        "agent_outcome_answer": "clear",
        "agent_outcome_clarify": "not clear",
        "agent_outcome_no_match": "no match",
        "agent_ticket_lang": "ticket in {name}",
        "agent_in_lang": "in {name}",
        "lang_de": "German",
        "lang_en": "English",
        "agent_alternatives": "Also possible:",
        "agent_closest": "Closest topics:",
        "agent_facts": "Read from the ticket",
        "agent_from": "from",
        "agent_no_facts": "The ticket states nothing the diagnosis uses.",
        "agent_no_flow": "This topic has no diagnosis; the reply comes from the FAQ.",
        "agent_open": "Open question for the customer",
        "agent_not_proven": "The ticket does not clearly prove this cause; check the facts.",
        "agent_path": "Path",
        "agent_reply": "Suggested reply",
        "agent_reply_hint": "Ctrl+K copies it",
        "agent_copied": "Suggested reply copied to the clipboard (if your terminal supports OSC 52).",
        "agent_empty": "Please paste the text of a ticket first.",
        "agent_nothing": "No ticket analysed yet.",
        "agent_cut": "The ticket is limited to {n} characters; the rest was not analysed.",
        "agent_help": "Paste a ticket, Ctrl+R analyses it. Answer open questions with y/n/u or numbers; type a date "
        "or an email address and press Enter. Ctrl+B: take back the last answer, Ctrl+K: copy the reply, "
        "Ctrl+S: save the summary, Ctrl+N: new ticket, F2: Deutsch, Esc: back to the chat.",
        "general_help": "How it works: type a question and press Enter. Numbers pick options; yes/no questions "
        "also take y, n, u. Ctrl+B: take back the last answer, Ctrl+R: restart the diagnosis, Esc: end it, "
        "Ctrl+S: save the summary, Ctrl+K: copy it, F2: Deutsch, F3: agent view for tickets, "
        "Ctrl+P: all topics, Ctrl+Q: quit.",
    },
}

KEY_LETTERS: dict[str, dict[str, str]] = {
    "de": {"yes": "j", "no": "n", "unknown": "w"},
    "en": {"yes": "y", "no": "n", "unknown": "u"},
}
"""The letter shown for each yes/no answer; both languages' letters are accepted."""


def tr(lang: str, key: str, **args: Any) -> str:
    """Return the UI text `key` in `lang`, filled with `args` (values inserted literally)."""
    table = TEXTS.get(lang, TEXTS["de"])
    text = table.get(key) or TEXTS["de"].get(key, key)
    return text.format(**args) if args else text


def option_label(option: Option, kb: KnowledgeBase, lang: str, fact: Any = None) -> str:
    """Return the plain-text label of an option (`fact`: the question a value answers)."""
    if option.kind == "entry":
        entry = kb.entry(option.target)
        return entry.title.get(lang) if entry is not None else option.target
    if option.kind == "flow":
        return tr(lang, "start_flow")
    if option.kind == "none":
        return tr(lang, "none")
    if option.kind == "value":
        named = {"ja": "yes", "nein": "no", "unbekannt": "unknown"}.get(option.target)
        if named:
            return tr(lang, named)
        for choice in getattr(fact, "choices", ()):
            if choice.id == option.target:
                return choice.label.get(lang)
        return option.target
    if option.kind == "action":
        return tr(lang, option.target)
    return option.target


class OptionButton(Button):
    """A compact button for one numbered option."""

    def __init__(self, option: Option, index: int, label: str, hotkey: str = "") -> None:
        key = hotkey or str(index + 1)
        super().__init__(Content.assemble((f"{key}", "bold"), " ", label), compact=True, classes="option")
        self.option = option
        self.index = index


def _para(text: str, classes: str = "") -> Static:
    return Static(Content(text), classes=classes or "para", markup=False)


def _item(marker: str, text: str, classes: str = "bullet", bold_text: str = "") -> Horizontal:
    """One bullet or step with a hanging indent: the marker left, the text wrapped beside it."""
    body = Content.assemble(text, (bold_text, "bold")) if bold_text else Content(text)
    return Horizontal(
        Static(Content.styled(marker, "bold"), classes="marker", markup=False),
        Static(body, classes="item-text", markup=False),
        classes=f"item {classes}",
    )


def _blocks(blocks: Iterable[Block], lang: str) -> list[Widget]:
    out: list[Widget] = []
    for block in blocks:
        if block.kind == "text":
            out.append(_para(block.text))
        elif block.kind == "list":
            for item in block.items:
                out.append(_item("  •", item))
        elif block.kind == "steps":
            for n, item in enumerate(block.items, 1):
                out.append(_item(f"{n:>2}.", item, "step"))
        elif block.kind in ("important", "note"):
            mark = "⚠" if block.kind == "important" else "ℹ"
            label = f"{mark} {tr(lang, block.kind)}: "
            out.append(Static(Content.assemble((label, "bold"), block.text), classes=block.kind, markup=False))
    return out


def _options(options: tuple[Option, ...], kb: KnowledgeBase, lang: str, row: bool = False, fact: Any = None) -> Widget:
    buttons = []
    letters = KEY_LETTERS.get(lang, KEY_LETTERS["de"])
    numbered = getattr(fact, "type", "") not in ("date", "email")
    for i, option in enumerate(options):
        hotkey = letters.get(option.key, "") if option.kind == "value" else ""
        hotkey = f"{hotkey}/{i + 1}" if hotkey else ("" if numbered else "▸")
        buttons.append(OptionButton(option, i, option_label(option, kb, lang, fact), hotkey))
    container = Horizontal(*buttons, classes="options row") if row else Vertical(*buttons, classes="options")
    return container


def _card(*children: Widget, classes: str = "") -> Vertical:
    return Vertical(*children, classes=f"card {classes}".strip())


def render_item(item: Item, dialogue: Dialogue, lang: str, live: bool) -> Widget:
    """Build the widget of one conversation item.

    Args:
        item: The item.
        dialogue: The conversation (for the knowledge base and the flow).
        lang: The language to show it in.
        live: Whether its options are the ones that can still be picked.
    """
    kb = dialogue.kb
    opts: list[Widget] = []
    row = isinstance(item, FlowStep) or isinstance(item, FlowResult)
    if item.options and live:
        opts = [_options(item.options, kb, lang, row=row, fact=dialogue.current_fact)]
    if isinstance(item, UserMessage):
        bubble = Static(Content.assemble((f"{tr(lang, 'you')}: ", "bold"), item.text), classes="user", markup=False)
        return bubble
    if isinstance(item, Greeting):
        return _card(
            Static(Content.styled(tr(lang, "app_title"), "bold"), classes="title", markup=False),
            _para(tr(lang, "greeting")),
            _para(tr(lang, "greeting_how")),
            *opts,
            classes="greeting",
        )
    if isinstance(item, Answer):
        entry = kb.entry(item.entry_id)
        if entry is None:
            return _card(_para(item.entry_id))
        parts: list[Widget] = [Static(Content.styled(entry.question.get(lang), "bold"), classes="title", markup=False)]
        parts += opts  # right below the title: visible even when the answer is long
        opts = []
        parts += _blocks(entry.answer.get(lang, ()), lang)
        if entry.contact is not None:
            parts.append(
                Static(Content.assemble((f"☎ {tr(lang, 'contact')}: ", "bold"), entry.contact.get(lang)),
                       classes="contact", markup=False)
            )
        return _card(*parts, *opts, classes="answer")
    if isinstance(item, Clarify):
        return _card(_para(tr(lang, "clarify")), *opts, classes="clarify")
    if isinstance(item, NoMatch):
        parts = [_para(tr(lang, "no_match"))]
        if item.closest:
            parts.append(_para(tr(lang, "closest")))
        parts.append(_para(tr(lang, "support")))
        return _card(*parts, *opts, classes="nomatch")
    if isinstance(item, FlowStep):
        return _flow_step(item, dialogue, lang, opts)
    if isinstance(item, FlowResult):
        return _flow_result(item, dialogue, lang, opts)
    if isinstance(item, Notice):
        return _notice(item, dialogue, lang, opts)
    return _para(str(item))


def _notice(item: Notice, dialogue: Dialogue, lang: str, opts: list[Widget]) -> Widget:
    kb = dialogue.kb
    args = dict(item.args)
    if item.key == "flow_started":
        flow = kb.flow(args.get("flow", ""))
        text = tr(lang, "flow_started", flow=flow.title.get(lang) if flow else args.get("flow", ""))
    elif item.key == "restart":
        text = tr(lang, "restart_done")
    elif item.key == "back":
        fact = None
        if dialogue.run is not None:
            fact = dialogue.run.flow.fact(args.get("fact", ""))
        text = tr(lang, "back_done", fact=fact.question.get(lang) if fact else args.get("fact", ""))
    elif item.key == "bad_value":
        return _card(
            Static(Content.assemble(("✗ ", "bold"), tr(lang, "bad_value", text=item.text)), classes="error", markup=False),
            _para(tr(lang, "bad_value_hint"), "muted"),
            *opts,
            classes="notice",
        )
    elif item.key == "internal_error":
        return _card(
            Static(Content.assemble(("✗ ", "bold"), tr(lang, "internal_error", text=item.text)), classes="error", markup=False),
            *opts,
            classes="notice",
        )
    elif item.text:
        text = item.text
    else:
        text = tr(lang, item.key, **args)
    return _card(_para(text), *opts, classes="notice")


def _progress(number: int, at_most: int) -> str:
    at_most = max(at_most, number)
    return "●" * (number - 1) + "◉" + "○" * (at_most - number)


def _flow_step(item: FlowStep, dialogue: Dialogue, lang: str, opts: list[Widget]) -> Widget:
    from faq.flows.dates import DATE_FORMATS_HINT

    flow = dialogue.kb.flow(item.flow_id)
    fact = flow.fact(item.fact_id) if flow else None
    if flow is None or fact is None:
        return _card(_para(item.fact_id))
    head = Content.assemble(
        (f"{flow.title.get(lang)} · ", "bold"),
        tr(lang, "question_of", n=item.number, m=max(item.at_most, item.number)),
        "  ",
        _progress(item.number, item.at_most),
    )
    parts: list[Widget] = [
        Static(head, classes="progress", markup=False),
        Static(Content.styled(fact.question.get(lang), "bold"), classes="question", markup=False),
    ]
    if fact.type == "date":
        parts.append(_para(tr(lang, "date_hint", formats=DATE_FORMATS_HINT.get(lang, DATE_FORMATS_HINT["en"])), "muted"))
    elif fact.type == "email":
        parts.append(_para(tr(lang, "email_hint"), "muted"))
    if fact.help is not None:
        parts.append(
            Static(Content.assemble((f"ℹ {tr(lang, 'help')}: ", "bold"), fact.help.get(lang)), classes="help", markup=False)
        )
        if opts:
            parts.append(_para(tr(lang, "help_hint"), "muted hint"))
    return _card(*parts, *opts, classes="flow")


def possible_causes(diag: Any, flow: Any, lang: str) -> list[Widget]:
    """The causes an "unknown" answer left open, by title; nothing when there are none."""
    if not diag.possible:
        return []
    names = []
    for cause_id in diag.possible:
        cause = flow.cause(cause_id)
        names.append(cause.resolution.title.get(lang) if cause else cause_id)
    return [Static(Content.assemble((f"{tr(lang, 'possible')}: ", "bold"), "; ".join(names)),
                   classes="para", markup=False)]


def steps_and_contact(res: Any, diag: Any, lang: str, flow: Any) -> list[Widget]:
    """The numbered steps of a resolution and whom to contact, templates filled."""
    from faq.flows.engine import fill

    parts: list[Widget] = []
    steps = res.steps.get(lang, ())
    if steps:
        parts.append(Static(Content.styled(f"{tr(lang, 'todo')}:", "bold"), classes="subtitle", markup=False))
        for n, step in enumerate(steps, 1):
            parts.append(_item(f"{n:>2}.", fill(step, diag, lang, flow), "step"))
    parts.append(
        Static(Content.assemble((f"☎ {tr(lang, 'contact')}: ", "bold"), fill(res.contact.get(lang), diag, lang, flow)),
               classes="contact", markup=False)
    )
    return parts

def _flow_result(item: FlowResult, dialogue: Dialogue, lang: str, opts: list[Widget]) -> Widget:
    from faq.flows.engine import UNRESOLVED, fill
    from faq.flows.values import display_value

    flow = dialogue.kb.flow(item.flow_id)
    diag = item.diagnosis
    res = diag.resolution
    if flow is None or res is None:
        return _card(_para(item.flow_id))
    title = fill(res.title.get(lang), diag, lang, flow)
    parts: list[Widget] = [
        Static(Content.assemble(("✔ ", "bold"), (f"{tr(lang, 'result')}: ", "bold"), (title, "bold")),
               classes="title", markup=False),
        Static(Content.assemble((f"{tr(lang, 'cause')}: ", "bold"), fill(res.text.get(lang), diag, lang, flow)),
               classes="para", markup=False),
    ]
    if diag.cause == UNRESOLVED:
        parts.append(_para(tr(lang, "unresolved"), "muted"))
    parts += steps_and_contact(res, diag, lang, flow)
    if diag.facts:
        parts.append(Static(Content.styled(f"{tr(lang, 'based_on')}:", "bold"), classes="subtitle", markup=False))
        for fact_id, value in diag.facts.items():
            fact = flow.fact(fact_id)
            asked = fact.question.get(lang) if fact else fact_id
            parts.append(_item("  •", f"{asked} → ", bold_text=display_value(fact, value, lang)))
    parts += possible_causes(diag, flow, lang)
    return _card(*parts, *opts, classes="result")
