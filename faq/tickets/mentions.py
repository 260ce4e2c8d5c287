"""E-mail addresses and dates written in a ticket, with their offsets.

Pure: `today` is passed in. A malformed address is no mention; a date that cannot
exist is a mention with an error, never moved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from faq.errors import InputError
from faq.flows.dates import WORDS_OF_DATES, MonthDate, month_number, parse_date
from faq.language.addresses import ADDRESS_RUN, find_addresses
from faq.language.lexicon import folded
from faq.language.lexicon import words as lexicon_words
from faq.language.normalize import fold
from faq.tickets.dateorder import SLASHED, read_slashed
from faq.tickets.datetense import said_past, tense

__all__ = ["ADDRESS", "DateMention", "find_dates", "find_emails", "since_span"]


@cache
def _weekdays() -> tuple[re.Pattern[str], dict[str, int]]:
    """A weekday after an opener ("am Montag", "last Friday"), and each spelling's weekday (0 = Monday)."""
    days = {w: n for lang in ("de", "en") for n, entry in enumerate(lexicon_words("weekdays", lang)) for w in entry.split()}
    openers = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted({*lexicon_words("weekday_openers"), *_past_prefixes(), *lexicon_words("next_words")},
                                                                       key=len, reverse=True))
    names = "|".join(sorted(days, key=len, reverse=True))
    return re.compile(rf"\b({openers})\s+({names})\b", re.I), days


def _weekday(m: re.Match[str], lowered: str, today: date) -> date | None:
    """The date of "am Montag": the last such day before today for what happened (a past
    opener or verb), the next one after today for what is to come, else None (unsure)."""
    opener, day = m.group(1).lower(), _weekdays()[1][m.group(2).lower()]
    if " ".join(opener.split()) in lexicon_words("next_words"):
        return today + timedelta(days=(day - today.weekday()) % 7 or 7)
    past = True if fold(opener) in _past_prefixes() else tense(lowered, m.start(), m.end())
    if past is None:
        return None
    shift = (today.weekday() - day) % 7 or 7
    return today - timedelta(days=shift) if past else today + timedelta(days=(day - today.weekday()) % 7 or 7)


@cache
def _weekday_days() -> re.Pattern[str]:
    """A weekday with its day of the month and no month ("Monday the 23rd", "Montag, den 23.")."""
    names = "|".join(sorted(_weekdays()[1], key=len, reverse=True))
    return re.compile(rf"\b({names}),?\s+(?:the\s+|den\s+|der\s+)?(\d{{1,2}})(?:st|nd|rd|th|\.)(?!\.?\d|\s*\d|\s*(?:of\s+)?(?:{_MONTH_WORDS})\b)", re.I)


def _weekday_day(m: re.Match[str], today: date) -> date | None:
    """The date of "Monday the 23rd": of the months around today's, the one whose 23rd is a
    Monday, the nearest to today; None when none is (the writer erred: no date)."""
    weekday, day = _weekdays()[1][m.group(1).lower()], int(m.group(2))
    found = []
    for shift in (-1, 0, 1):
        year, month = divmod(today.year * 12 + today.month - 1 + shift, 12)
        try:
            value = date(year, month + 1, day)
        except ValueError:
            continue
        if value.weekday() == weekday:
            found.append(value)
    return min(found, key=lambda d: abs((d - today).days)) if found else None


ADDRESS = ADDRESS_RUN
"""A run of text around an @ that may be an address (faq.language.addresses)."""


def find_emails(text: str) -> list[tuple[int, int, str]]:
    """Return (start, end, address) for each well-formed e-mail address in the text
    (`faq.language.addresses.find_addresses`)."""
    return find_addresses(text)


# -- dates ----------------------------------------------------------------------------

def _alternatives(kind: str) -> str:
    """A regex alternation of the words of dates of one kind, longest first."""
    return "|".join(re.escape(w) for w in sorted(WORDS_OF_DATES[kind], key=lambda w: (-len(w), w)))


_MONTH_WORDS = _alternatives("month")
_MONTH_START = rf"(?=[{''.join(sorted({w[0] for w in WORDS_OF_DATES['month']}))}])"  # a quick look before trying each
_NUMBER_WORD = r"\d{1,3}|" + _alternatives("number")
_UNIT_WORD = _alternatives("unit")
_DAY_WORD = _alternatives("day")
_APPROXIMATORS = "|".join(re.escape(w) for w in sorted(lexicon_words("approximators"), key=len, reverse=True))
"""Words that tell a span only roughly, read inside "vor etwa 30 Stunden" as in "vor 30 Stunden" (the
date is then shown, and settles a cause only as `faq.tickets.settling.spans_firm` says)."""
_DAY_START = rf"(?=[{''.join(sorted({w[0] for w in WORDS_OF_DATES['day']}))}])"
_DATE_PATTERNS = (
    ("iso", re.compile(r"\b\d{4}([-/])\d{1,2}\1\d{1,2}\b")),  # 2026-12-07, 2026/12/07
    ("dotted", re.compile(r"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})(?![\d])")),
    ("slashed", SLASHED),
    ("dmy", re.compile(rf"(?<![\d.])\d{{1,2}}(?:(?:st|nd|rd|th)?\.?\s?(?:of\s)?(?:{_MONTH_WORDS})\.?,?\s|-(?:{_MONTH_WORDS})-)\d{{4}}\b",
                       re.I)),  # 1 Jan 2027, 01-Jan-2027
    ("mdy", re.compile(rf"\b{_MONTH_START}(?:{_MONTH_WORDS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{4}}\b", re.I)),
    ("ago_de", re.compile(rf"\bvor\s(?:(?:{_APPROXIMATORS})\.?\s)?(?:{_NUMBER_WORD})\s(?:{_UNIT_WORD})\b", re.I)),
    ("since", re.compile(rf"\b(?:{'|'.join(map(re.escape, lexicon_words('since_spans')))})\s(?:(?:{_APPROXIMATORS})\.?\s)?(?:{_NUMBER_WORD})\s"
                         rf"(?:{_UNIT_WORD})\b", re.I)),  # "seit drei Tagen": the day the span counts back to, its latest start
    ("ago_en", re.compile(rf"\b(?:{_NUMBER_WORD})\s(?:{_UNIT_WORD})\sago\b", re.I)),
    ("ago_after", re.compile(rf"\b(?:{_NUMBER_WORD})\s(?:{_UNIT_WORD})\s(?:{'|'.join(map(re.escape, lexicon_words('ago_after')))})\b", re.I)),
    ("ahead", re.compile(rf"\bin\s(?:{_NUMBER_WORD})\s(?:{_UNIT_WORD})\b", re.I)),
    ("word", re.compile(rf"\b{_DAY_START}(?:{_DAY_WORD})\b", re.I)),
    ("dm", re.compile(r"(?<![\d.])\d{1,2}\.\s?\d{1,2}\.(?!\d)")),
    ("dm_word", re.compile(rf"(?<![\d.])\d{{1,2}}(?:st|nd|rd|th)?\.?\s?(?:of\s)?(?:{_MONTH_WORDS})\b\.?(?!,?\s*\d)", re.I)),
    ("md_word", re.compile(rf"\b{_MONTH_START}(?:{_MONTH_WORDS})\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]?\s*\d)", re.I)),
)

_ANY_MONTH = re.compile(rf"\b{_MONTH_START}(?:{_MONTH_WORDS})\b", re.I)
"""A month's name anywhere: a date whose day is an ordinal word needs one."""

_AGO_AFTER = re.compile(rf"\b(?:{'|'.join(re.escape(w.lower()) for w in lexicon_words('ago_after'))})\b")
"""The words after a span of time that count it back ("zwei Tage her"): without one, that pattern is not tried."""
_SINCE = re.compile(rf"\b(?:{'|'.join(re.escape(w.lower()) for w in lexicon_words('since_spans'))})\b")
"""The words before a span of time that tell how long it has lasted ("seit"): without one, that pattern is not tried."""
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def since_span(written: str) -> bool:
    """Whether a date as written is a span a state has lasted up to now: its first word one of `since_spans`
    ("seit drei Tagen"), not a day or a span counted back ("vor drei Tagen")."""
    first = _FIRST_WORD.match(written)
    return first is not None and fold(first.group()) in folded("since_spans")


_WITHOUT_DIGITS = frozenset({"ago_de", "since", "ago_en", "ago_after", "ahead", "word"})
"""The patterns that match without a digit ("vor drei Tagen", "gestern"); the others need one."""
_DIGIT = re.compile(r"\d")
_MONTH_FIRST = frozenset({"mdy", "md_word"})
"""The patterns that open with a month's name as `_ANY_MONTH` finds it: no need to look without one."""


@cache
def _month_end() -> re.Pattern[str]:
    """ "Ende August", "end of August 2026": a month named by its last days (month_ends)."""
    named = {*lexicon_words("month_ends"), *lexicon_words("month_words"), *lexicon_words("past_month")}
    ends = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(named, key=len, reverse=True))
    # a month after one of these words, or written with its year alone ("Mai 2026"); "may"
    # written small is the verb, never the month
    return re.compile(rf"(?:\b({ends})\s+(?-i:(?!may\b))({_MONTH_WORDS})\b\.?(?:,?\s(\d{{4}})\b)?"
                      rf"|\b(?-i:(?!may\b))({_MONTH_WORDS})\.?,?\s(\d{{4}})\b(?![.\d]))", re.I)


@cache
def _past_prefixes() -> frozenset[str]:
    """Words before a month that mean its latest occurrence up to today ("seit März", "last
    March"): past_month, less those that only name the month (month_words: "im", "in")."""
    return frozenset(fold(w) for w in lexicon_words("past_month")) - {fold(w) for w in lexicon_words("month_words")}


_DAY_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?\.?\s*(?:of\s+)?$", re.I)


@cache
def _ordinal_days() -> tuple[re.Pattern[str], dict[str, int]]:
    """A day written as an ordinal word before or after its month ("am ersten Dezember 2026",
    "the first of December, 2026", "June the second"; knowledge/language/ordinal_days.yaml),
    with the day each stem names (lower-case and folded, a hyphen read as a space)."""
    days: dict[str, int] = {}
    for lang in ("de", "en"):
        for number, entry in enumerate(lexicon_words("ordinal_days", lang), start=1):
            for form in entry.split():
                for spelling in (form.lower(), fold(form)):
                    days[spelling.replace("-", " ")] = number
    word = _ordinal_word(tuple(sorted(days, key=len, reverse=True)))
    return re.compile(rf"\b(?:(?:the|am|dem|den|der)\s+)?(?P<day>{word})\s+(?:of\s+|(?-i:(?!may\b)))(?P<month>{_MONTH_WORDS})\b\.?"
                      rf"(?:,?\s(?P<year>\d{{4}})\b)?"
                      rf"|\b(?-i:(?!may\b))(?P<month2>{_MONTH_WORDS})\s+(?:the\s+)?(?P<day2>{word})\b(?:,?\s(?P<year2>\d{{4}})\b)?",
                      re.I), days


@cache
def _relative_month_days() -> tuple[re.Pattern[str], dict[str, int]]:
    """A day of a month named from today's ("the first of next month", "am 15. dieses Monats";
    knowledge/language/relative_months.yaml), the day as an ordinal word or in digits."""
    shifts: dict[str, int] = {}
    for entry in lexicon_words("relative_months"):
        shift, words = entry.split(" ", 1)
        shifts[" ".join(words.split())] = int(shift)
    months = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(shifts, key=len, reverse=True))
    word = _ordinal_word(tuple(sorted(_ordinal_days()[1], key=len, reverse=True)))
    return re.compile(rf"\b(?:(?:the|am|zum|dem|den|der)\s+)?(?P<day>\d{{1,2}}(?:st|nd|rd|th|\.)?|{word})\s+(?:of\s+)?(?P<month>{months})\b", re.I), shifts


@cache
def _ordinal_word(stems: tuple[str, ...]) -> str:
    """The pattern of an ordinal word: one of its stems with any German ending."""
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"[-\s]?") for w in stems)
    return rf"(?:{alternatives})(?:e|er|en|es|em)?"


def _ordinal_day(word: str) -> int:
    """The day an ordinal word names ("ersten", "twenty-first")."""
    days = _ordinal_days()[1]
    key = re.sub(r"[-\s]+", " ", word.lower())
    for ending in ("", "e", "er", "en", "es", "em"):
        if key.endswith(ending) and key[: len(key) - len(ending)] in days:
            return days[key[: len(key) - len(ending)]]
    raise InputError(f"'{word}' is not a day")


@dataclass(frozen=True)
class DateMention:
    """A date written in a text.

    Attributes:
        start: Offset of its first character (in the text searched).
        end: Offset after it.
        raw: The text as written.
        value: The date, or None when it cannot exist.
        error: Why the date was skipped, or "".
        relative: Whether it is a relative word (gestern, vor 3 Tagen).
    """

    start: int
    end: int
    raw: str
    value: date | None
    error: str = ""
    relative: bool = False


def _yearless(raw: str, kind: str, today: date, past: bool) -> date:
    text = raw.strip().rstrip(".").lower()
    if kind == "dm":
        day_s, month_s = [p.strip() for p in text.split(".")[:2]]
        day, month = int(day_s), int(month_s)
    elif kind == "md_word":  # "September 2nd", "Sept. 2"
        m = re.match(r"([a-zäöü]+)\.?\s(\d{1,2})", text)
        if not m:
            raise InputError(f"'{raw}' is not a date")
        day, month = int(m.group(2)), _month_number(m.group(1))
    else:  # "5. Januar", "31st of August"
        m = re.match(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s?(?:of\s)?([a-zäöü]+)", text)
        if not m:
            raise InputError(f"'{raw}' is not a date")
        day = int(m.group(1))
        month = _month_number(m.group(2))
    options = []
    for year in (today.year - 1, today.year, today.year + 1):
        options.append(parse_date(f"{day}.{month}.{year:04d}", today))  # 4 digits: a year < 100 is not 20JJ
    if past:
        earlier = [d for d in options if d <= today]
        return max(earlier)
    return min(options, key=lambda d: (abs((d - today).days), d > today))


def _month(name: str, year: str | None, today: date, past: bool) -> MonthDate:
    """The month of "Ende August [2026]": the year given, else the one whose month end is
    nearest to today, or the last one past when the sentence says it happened."""
    month = _month_number(name)
    if year is not None:
        return MonthDate(int(year), month, 1)
    options = [MonthDate(y, month, 1) for y in (today.year - 1, today.year, today.year + 1)]
    if past:
        return max(d for d in options if d.last_day <= today) if any(d.last_day <= today for d in options) else options[0]
    return min(options, key=lambda d: (abs((d.last_day - today).days), d > today))


def _month_number(word: str) -> int:
    number = month_number(word)
    if number is None:
        raise InputError(f"'{word}' is not a month")
    return number


def _relative_month_dates(text: str, today: date) -> list[DateMention]:
    """The dates of `_relative_month_days`."""
    pattern, shifts = _relative_month_days()
    out = []
    for m in pattern.finditer(text):
        raw_day = m.group("day").rstrip(".").lower()
        try:
            day = int(re.sub(r"(?:st|nd|rd|th)$", "", raw_day)) if raw_day[0].isdigit() else _ordinal_day(raw_day)
            year, month = divmod(today.year * 12 + today.month - 1 + shifts[" ".join(m.group("month").lower().split())], 12)
            out.append(DateMention(m.start(), m.end(), m.group(), parse_date(f"{day}.{month + 1}.{year}", today)))
        except InputError as exc:
            out.append(DateMention(m.start(), m.end(), m.group(), None, str(exc)))
    return out


def _ordinal_dates(text: str, lowered: str, today: date) -> list[DateMention]:
    """The dates whose day is an ordinal word (`_ordinal_days`)."""
    out = []
    for m in _ordinal_days()[0].finditer(text):
        day_word, month_word = (m.group("day"), m.group("month")) if m.group("day") else (m.group("day2"), m.group("month2"))
        year = m.group("year") or m.group("year2")
        try:
            day = _ordinal_day(day_word)
            if year:
                value = parse_date(f"{day}.{_month_number(month_word)}.{year}", today)
            else:
                value = _yearless(f"{day}. {month_word}", "dm_word", today, said_past(lowered, m.start(), m.end()))
            out.append(DateMention(m.start(), m.end(), m.group(), value))
        except InputError as exc:
            out.append(DateMention(m.start(), m.end(), m.group(), None, str(exc)))
    return out


_FOUND: dict[tuple[str, date, str | None], tuple[DateMention, ...]] = {}
_KEPT = 1024  # texts whose dates are remembered (then forgotten at once): a ticket's sentences recur


def find_dates(text: str, today: date, order: str | None = None) -> list[DateMention]:
    """Return every date written in `text`, in order; impossible ones carry an error (`_find_dates`,
    remembered). `order` is the order of day and month the ticket makes certain for a slashed date
    that reads two ways (`faq.tickets.dateorder.date_order`); without one such a date is open."""
    found = _FOUND.get((text, today, order))
    if found is None:
        if len(_FOUND) >= _KEPT:
            _FOUND.clear()
        found = _FOUND[(text, today, order)] = tuple(_find_dates(text, today, order))
    return list(found)


def _find_dates(text: str, today: date, order: str | None) -> list[DateMention]:
    """Return every date written in `text`, in order; impossible ones carry an error.

    A day may be an ordinal word ("am ersten Dezember", "the first of December, 2026").
    Dates without a year ("am 1.12.", "5. Januar") are read as the occurrence nearest
    to today, or the last past one when the verb nearest to them says it happened
    (gekauft, bestellt, purchased ...; not "beginnt", "starts").
    """
    taken: list[tuple[int, int]] = []
    out: list[DateMention] = []
    lowered = text.lower()
    for mention in _relative_month_dates(text, today) if "month" in lowered or "monat" in lowered else ():
        out.append(mention)
        taken.append((mention.start, mention.end))
    months = _ANY_MONTH.search(text) is not None  # a month's name, which some patterns need
    for mention in _ordinal_dates(text, lowered, today) if months else ():
        if any(mention.start < te and mention.end > ts for ts, te in taken):
            continue
        out.append(mention)
        taken.append((mention.start, mention.end))
    for m in _month_end().finditer(text) if months else ():
        if m.group(4) and _DAY_BEFORE.search(text, 0, m.start()):
            continue  # "3. Mai 2026": a day's date, read below
        if any(m.start() < te and m.end() > ts for ts, te in taken):
            continue
        taken.append((m.start(), m.end()))
        name, year = (m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5))
        past = fold(" ".join((m.group(1) or "").split())) in _past_prefixes() or said_past(lowered, m.start(), m.end())
        try:
            month = _month(name, year, today, past)
            out.append(DateMention(m.start(), m.end(), m.group(), month))
        except InputError as exc:
            out.append(DateMention(m.start(), m.end(), m.group(), None, str(exc)))
    for m in _weekday_days().finditer(text) if _DIGIT.search(text) else ():
        found = _weekday_day(m, today)
        if found is not None:
            taken.append((m.start(), m.end()))
            out.append(DateMention(m.start(), m.end(), m.group(), found))
    for m in _weekdays()[0].finditer(text):
        if any(m.start() < te and m.end() > ts for ts, te in taken):
            continue
        value = _weekday(m, lowered, today)
        if value is not None:
            taken.append((m.start(), m.end()))
            out.append(DateMention(m.start(), m.end(), m.group(), value, "", True))
    digits = _DIGIT.search(text) is not None
    for kind, pattern in _DATE_PATTERNS:
        if not digits and kind not in _WITHOUT_DIGITS or not months and kind in _MONTH_FIRST \
                or kind == "ago_en" and "ago" not in lowered or kind == "ago_after" and not _AGO_AFTER.search(lowered) \
                or kind == "since" and not _SINCE.search(lowered):
            continue
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(s < te and e > ts for ts, te in taken):
                continue
            raw = m.group()
            if kind in ("word",) and _is_idiom(lowered, s, e):
                continue
            if kind == "md_word" and not raw[0].isupper():
                continue  # "we may 2 ..." is no date; a month written first is capitalised

            taken.append((s, e))
            relative = kind in _WITHOUT_DIGITS
            try:
                if kind in ("dm", "dm_word", "md_word"):
                    value = _yearless(raw, kind, today, said_past(lowered, s, e))
                elif kind == "ago_after":  # "zwei Tage her": as "vor zwei Tagen"
                    value = parse_date("vor " + " ".join(raw.split()[:2]), today)
                elif kind in ("ago_de", "since"):  # "vor etwa 30 Stunden", "seit drei Tagen": as "vor 30 Stunden"
                    value = parse_date("vor " + " ".join(raw.split()[-2:]), today)
                elif kind == "slashed":
                    value = read_slashed(raw, today, order)
                else:
                    text_ = " ".join(raw.replace(". ", ".").split()) if kind == "dotted" else " ".join(raw.split())
                    if kind == "iso":
                        text_ = text_.replace("/", "-")
                    if kind == "dmy":
                        text_ = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|\bof\s", "", text_, flags=re.I).replace("-", " ")
                    value = parse_date(text_, today)
                out.append(DateMention(s, e, raw, value, "", relative))
            except InputError as exc:
                out.append(DateMention(s, e, raw, None, str(exc), relative))
    out.sort(key=lambda d: d.start)
    out = _joined_today(out, text)
    return [d for d in out if not _refined(d, out)]


def _joined_today(out: list[DateMention], text: str) -> list[DateMention]:
    """Drop a day word written right beside a span back from it ("heute vor einer Woche", "a week
    ago today"): it only tells where that span counts from."""
    spans = [d for d in out if d.relative and " " in d.raw.strip()]
    if not spans:
        return out
    return [d for d in out if not (d.relative and " " not in d.raw.strip() and any(
        not text[min(d.end, o.end):max(d.start, o.start)].strip() for o in spans if o is not d))]


_REFINED_GAP = 30  # characters between a month and a day's date of it that make one date ("Anfang Mai, genauer am 4. Mai")


def _refined(mention: DateMention, mentions: list[DateMention]) -> bool:
    """Whether a date known only to its month has a day's date of that month right beside it: the
    day says which ("Anfang Mai, genauer am 4. Mai 2026", "on 4 May, so early May")."""
    if not isinstance(mention.value, MonthDate):
        return False
    return any(other.value is not None and not isinstance(other.value, MonthDate)
               and (other.value.year, other.value.month) == (mention.value.year, mention.value.month)
               and max(other.start - mention.end, mention.start - other.end) <= _REFINED_GAP for other in mentions)


def _is_idiom(lowered: str, start: int, end: int) -> bool:
    """Whether a relative word is used loosely ("bis heute", "heute noch", "as of today", "Stand heute"), or
    "Morgen" is the morning ("heute Morgen", "Guten Morgen"), not tomorrow. From when something
    holds ("gilt ab gestern", "ab morgen nutzbar") is a date; so is a time since then that a word of
    validity or usage names before the preposition or right after the date ("Nutzung seit gestern",
    "seit heute gültig"; date_starts.yaml)."""
    before = lowered[max(0, start - 12):start]
    if re.search(r"\b(?:bis|seit|stand|as of|until|till|since|up to)[\s:]*$", before):  # not "hab gestern"; "Stand heute"
        named = re.search(r"([^\W\d_]+)\W+\b(?:seit|as of|since)\s*$", lowered[max(0, start - 40):start])
        after = re.match(r"\s+([^\W\d_]+)", lowered[end:end + 40])
        starts = re.search(r"\b(?:seit|as of|since)\s*$", before) is not None
        return not starts or not any(m is not None and fold(m.group(1)).startswith(_date_starts()) for m in (named, after))
    if lowered[start:end] == "morgen":
        previous = re.search(r"([^\W\d_]+)\W*$", before)
        return previous is not None and fold(previous.group(1)) in _morning_words()
    return False


@cache
def _date_starts() -> tuple[str, ...]:
    return tuple(fold(w) for w in lexicon_words("date_starts"))


@cache
def _morning_words() -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon_words("morning_words"))

