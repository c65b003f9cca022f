"""time: temporal expressions resolved to calendar ranges against the publication date."""

from dossier.dates import DateRange, find_month_day_ranges, parse_month_day_range
from dossier.time.event_date import event_date, timexes_in_sentence
from dossier.time.timexes import find_timexes

__all__ = [
    "DateRange",
    "event_date",
    "find_month_day_ranges",
    "find_timexes",
    "parse_month_day_range",
    "timexes_in_sentence",
]
