"""time: temporal expressions resolved to calendar ranges against the publication date."""

from dossier.time.calendar import DateRange, find_month_day_ranges, parse_month_day_range
from dossier.time.timexes import find_timexes

__all__ = ["DateRange", "find_month_day_ranges", "find_timexes", "parse_month_day_range"]
