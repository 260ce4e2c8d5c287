"""Dates read from a span of time told roughly ("vor etwa zwei Monaten", `RoughDate`) and the day a
condition runs out for one (`RoughDeadline`): approximate, carrying the days they may round to."""

from __future__ import annotations

from datetime import date

__all__ = ["RoughDate", "RoughDeadline", "plain"]


class RoughDate(date):
    """A date read from a span of time told roughly ("vor etwa zwei Monaten"): the day the span counts
    to, carrying the customer's words and the earliest and latest day it may round to. `format_date`
    shows it as approximate with the words; a `deadline` from it is a `RoughDeadline`."""

    words: str
    earliest: date
    latest: date

    @classmethod
    def of(cls, day: date, words: str, earliest: date, latest: date) -> RoughDate:
        """The rough date `day` told as `words`, rounding to a day from `earliest` to `latest`."""
        self = cls(day.year, day.month, day.day)
        self.words, self.earliest, self.latest = words, earliest, latest
        return self


class RoughDeadline(date):
    """The day a condition runs out for a `RoughDate`, carrying the earliest and latest day it may be
    (counted from the rough date's earliest and latest) and which of them is safe to go by: for a day
    something lasts through (`ends`: a link valid for six months) the earliest, for a day a wait is over
    the latest. `format_date` shows the safe day with the range, never the day in between as if exact."""

    earliest: date
    latest: date
    ends: bool

    @classmethod
    def of(cls, day: date, earliest: date, latest: date, ends: bool) -> RoughDeadline:
        """The approximate deadline `day`, between `earliest` and `latest`; `ends` when it is the last day
        something holds rather than the day a wait is over."""
        self = cls(day.year, day.month, day.day)
        self.earliest, self.latest, self.ends = earliest, latest, ends
        return self


def plain(day: date) -> date:
    """`day` as a plain date, whatever kind of date it is."""
    return date(day.year, day.month, day.day)
