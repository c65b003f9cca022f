"""The surface patterns of temporal expressions in English news, as regular expressions.

Each `Rule` names one family of expressions; its named groups say what the resolver
needs (`part`, `rel`, `month`, `year`, `num`, `unit`, ...). Spans follow TimeML: the
expression without a governing preposition ("over the weekend" is marked "the
weekend", "on June 9" is marked "June 9").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.dates import MONTH_DAY_RANGE, MONTHS, SEASON_MONTHS

WEEKDAYS: dict[str, int] = {
    name: index
    for index, name in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}
NUMBER_WORDS: dict[str, int] = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"a": 1, "an": 1, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "hundred": 100}
VAGUE_NUMBERS = ("several", "a few", "few", "a couple of", "a couple", "couple of", "many")
UNITS = ("day", "week", "weekend", "fortnight", "month", "quarter", "year", "decade", "century")
SUBDAY_UNITS = ("hour", "minute")
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
}


def _alternatives(words) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


FULL_MONTHS = [name for name in MONTHS if len(name) > 4 or name in ("may", "june", "july")]
SHORT_MONTHS = [name for name in MONTHS if name not in FULL_MONTHS]
MONTH = rf"(?P<month>{_alternatives(FULL_MONTHS)}|(?:{_alternatives(SHORT_MONTHS)})\.?)"
WEEKDAY = rf"(?P<weekday>{_alternatives(WEEKDAYS)})"
DIGIT_YEAR = r"(?:1[5-9]|20)\d\d"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_DECADE_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
# broadcast transcripts spell years out: "nineteen ninety-six", "the year two thousand"
SPELLED_YEAR = (
    rf"(?:eighteen|nineteen)\s+(?:(?:{_DECADE_WORDS})(?:[- ](?:{_UNITS_WORDS}))?|{_TEENS}"
    rf"|oh[- ](?:{_UNITS_WORDS}))"
    rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{_TEENS}|{_UNITS_WORDS}))?"
)
YEAR = rf"(?:{DIGIT_YEAR}|{SPELLED_YEAR})"
# Any other four-digit year, read only right after a month and day (and checked
# against the parse: "on June 9, 3000 troops" counts troops).
OTHER_YEAR = r"[1-9]\d{3}"
TENS = "twenty|thirty|forty|fifty|sixty"
NUM = (
    rf"(?P<num>\d+(?:\.\d+)?|(?:{TENS})[- ](?:one|two|three|four|five|six|seven|eight|nine)"
    rf"|{_alternatives(NUMBER_WORDS)}|{_alternatives(VAGUE_NUMBERS)})"
)
UNIT = rf"(?P<unit>{_alternatives(UNITS + SUBDAY_UNITS)}|centurie)s?"
# "early", "mid-", "late", "earlier", "later", "the end of", "sometime" before a period
PART = (
    r"(?:(?P<some>some\s?time)\s+)?"
    r"(?:(?:the\s+)?(?P<part>early|mid|late|earlier|later)(?:-|\s+)"
    r"|(?:the\s+)?(?P<edge>beginning|start|middle|end|close)\s+of\s+(?:the\s+)?)?"
)
TIME_OF_DAY = r"(?:\s+(?P<tod>morning|afternoon|evening|night))?"
REL = r"(?P<rel>this|last|next|past|coming|current|previous|following|same|that|this\s+past)"
OF_YEAR = rf"(?:,?\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR})\b)?"


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]


def _rule(name: str, pattern: str) -> Rule:
    return Rule(name, re.compile(r"(?<![\w-])" + pattern + r"(?![\w])", re.IGNORECASE))


RULES: tuple[Rule, ...] = (
    _rule("month_day", rf"(?:{WEEKDAY},?\s+)?" + MONTH_DAY_RANGE.pattern),
    # A year that month_day and day_month do not read: "January 1, 1066", "1 May 1250"
    _rule(
        "month_day_year",
        rf"(?:{WEEKDAY},?\s+)?"
        + MONTH_DAY_RANGE.pattern
        + rf",?\s+(?P<year>(?!(?:1[89]|20)\d\d){OTHER_YEAR})",
    ),
    _rule(
        "day_month_year",
        rf"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH},?\s+(?P<year>(?!{DIGIT_YEAR}){OTHER_YEAR})",
    ),
    _rule(
        "day_month",
        rf"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+(?P<year>{YEAR}))?",
    ),
    _rule("month", PART + rf"(?:{REL}\s+)?{MONTH}{OF_YEAR}"),
    _rule("month_of_rel_year", PART + rf"{MONTH},?\s+(?:of\s+)?(?P<rel>this|last|next)\s+year"),
    _rule(
        "year",
        PART + rf"(?:(?:fiscal|calendar|financial)\s+(?:year\s+)?|the\s+year\s+)?(?P<year>{YEAR})"
        r"(?![-–/]\d|\s*%|,\d)",
    ),
    _rule("decade", PART + r"(?:the\s+)?(?P<decade>(?:1[5-9]|20)\d0)'?s"),
    _rule(
        "quarter",
        PART + rf"(?:the\s+)?(?:(?P<rel>this|last|next|current)\s+year'?s\s+|(?P<qyear>{YEAR})\s+)?"
        rf"(?:fiscal\s+)?(?P<ordinal>{_alternatives(ORDINALS)})[- ]"
        rf"(?P<qunit>quarter|half){OF_YEAR}",
    ),
    _rule("season", PART + rf"(?:{REL}\s+)?(?P<season>{_alternatives(SEASON_MONTHS)}){OF_YEAR}"),
    _rule("relative", PART + rf"(?P<the>the\s+)?{REL}\s+(?P<unit>{_alternatives(UNITS)})"),
    _rule("weekend", r"(?P<the>the)\s+(?P<unit>weekend)"),
    _rule(
        "day",
        PART + r"(?:the\s+day\s+(?P<around>before|after)\s+)?"
        r"(?P<deictic>today|tonight|yesterday|tomorrow)" + TIME_OF_DAY,
    ),
    _rule("day_part", r"(?P<rel>this|last)\s+(?P<tod>morning|afternoon|evening|night)"),
    _rule("weekday", PART + rf"(?:{REL}\s+)?{WEEKDAY}" + TIME_OF_DAY),
    _rule("ago", rf"(?:{NUM}[- ])?{UNIT}\s+(?P<dir>ago|earlier|later|before|after|hence)"),
    _rule(
        "ref_unit", rf"the\s+(?P<unit>{_alternatives(UNITS)})\s+(?P<dir>before|after|earlier|later)"
    ),
    _rule(
        "week_of",
        rf"the\s+week\s+of\s+{MONTH}\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>{YEAR}))?",
    ),
    # "the end of the year", "earlier in the month", "year-end": the publication date's period
    _rule(
        "current_period",
        r"(?:(?:the\s+)?(?P<edge>beginning|start|middle|end|close)\s+of\s+the"
        r"|(?P<part>earlier|later|early|late)\s+in\s+the)\s+(?P<unit>week|month|year)"
        r"|(?P<yearend>year[- ]end|year's\s+end)"
        r"|the\s+(?:current|full)\s+(?:fiscal\s+)?(?P<fullunit>year|quarter)",
    ),
    # "year-earlier", "the year-ago period", "the comparable year-earlier quarter"
    _rule(
        "year_ago_period",
        r"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?P<ago>year-earlier|year-ago|year-before)"
        r"(?:\s+(?:(?P<ordinal>first|second|third|fourth)[- ])?(?P<qunit>quarter|period))?",
    ),
    _rule(
        "report_quarter",
        r"the\s+(?:(?:latest|most\s+recent|recent|just-ended)\s+)?"
        r"(?:(?P<ago>year-earlier|year-ago|year-before)\s+)?(?P<qunit>quarter)",
    ),
    _rule("eve", r"the\s+(?:very\s+)?(?P<eve>eve)\s+of"),
    _rule("the_time", r"(?<=at\s)the\s+time(?!\s+(?:of|when|that|to|for|being))"),
    _rule(
        "duration",
        rf"(?:the\s+(?:past|last|next|first|coming|previous)\s+)?{NUM}[- ]{UNIT}(?:-long)?",
    ),
    _rule(
        "duration_bare",
        rf"(?<=for\s)(?:(?P<vague>several|many|some)\s+)?"
        rf"(?P<unit>{_alternatives(UNITS + SUBDAY_UNITS)})s",
    ),
    _rule(
        "set",
        rf"(?:every|each|per)\s+(?:other\s+)?(?:{_alternatives(UNITS)}|{_alternatives(WEEKDAYS)}|{_alternatives(MONTHS)})"
        r"|daily|weekly|monthly|annually|yearly",
    ),
    _rule(
        "vague",
        r"now|currently|recently|nowadays|at\s+present|the\s+present|the\s+past|the\s+future"
        r"|these\s+days|recent\s+(?:days|weeks|months|years)",
    ),
)


def scan(text: str) -> list[tuple[Rule, re.Match[str]]]:
    """Every match of every rule, overlapping ones included."""
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            if match.end() > match.start():
                found.append((rule, match))
    return found


YEAR_WORDS: dict[str, int] = (
    {
        word: value
        for value, word in enumerate(
            f"zero {_UNITS_WORDS.replace('|', ' ')} {_TEENS.replace('|', ' ')}".split()
        )
    }
    | {word: 10 * (index + 2) for index, word in enumerate(_DECADE_WORDS.split("|"))}
    | {"oh": 0}
)


def year_value(text: str) -> int:
    """1996 from "1996" or from "nineteen ninety-six"; 2000 from "two thousand"."""
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + sum(YEAR_WORDS[w] for w in words[2:])
    return YEAR_WORDS[words[0]] * 100 + sum(YEAR_WORDS[w] for w in words[1:])


def number_value(word: str | None) -> int | None:
    """The value of a number word or numeral; None for vague counts ("several")."""
    if word is None:
        return 1
    word = re.sub(r"\s+", " ", word.lower())
    if word.replace(".", "", 1).isdigit():
        return int(float(word))
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    parts = re.split(r"[- ]", word)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]]
    return None
