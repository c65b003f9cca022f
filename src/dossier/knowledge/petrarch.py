"""Import of TABARI/PETRARCH/Phoenix dictionaries (actors and agents) into `ActorKnowledge`.

The format, as the Phoenix and PETRARCH validation files use it:

    VLADIMIR_PUTIN_  # comment            an actor: words joined by underscores
    +PRESIDENT_PUTIN_                      a synonym of the actor above
    \t[RUSGOV 20000507-20080507]           a code, valid between two dates
    \t[RUSGOV >120507]  [RUSELI <991231]   from / until a date (YYMMDD or YYYYMMDD)
    \t[RUSELI]                             the code at any other time
    NATO_ [IGOWSTNAT]                      codes may follow the name on its line
    !PERSON! = MAN, MEN, WOMAN, WOMEN      a macro used inside agent phrases
    BUSINESS!PERSON! {BUSINESSMEN} [~BUS]  an agent: a role noun, its plural, a sector
    <!-- ... -->                           an XML comment (the 2_02 validation files)

Codes `---` (no actor) and `+++` are skipped. The files are decades of hand editing, so
the import is lenient: an entry it cannot read is counted in `ActorKnowledge.problems`
with its file and line, never a reason to refuse the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from dossier.errors import KnowledgeError
from dossier.knowledge.actors import Actor, ActorKnowledge, CodePeriod

CODE_BLOCK = re.compile(r"\[([^\]]*)\]")
MACRO = re.compile(r"^\s*(![A-Z]+!)\s*=\s*(.+)$")
PLURALS = re.compile(r"\{([^}]*)\}")
XML_COMMENT = re.compile(r"<!--.*?-->", re.S)
INTERNATIONAL = {"IGO", "NGO", "NGM", "MNC", "IMG", "INT", "UIS"}
SKIPPED_CODES = {"---", "+++", "###"}
# words a name writes in lower case inside it ("United States of America", "Bashar al Assad")
LOWER_CASE_WORDS = frozenset(
    {"of", "and", "the", "for", "in", "on", "al", "el", "bin", "ibn", "de", "du", "da", "van",
     "von", "der", "la", "le"}
)  # fmt: skip
TWO_LETTER_ACRONYMS = frozenset({"UN", "EU", "US", "UK", "AU", "IO"})


@dataclass
class _Entry:
    name: str
    line: int
    aliases: list[str] = field(default_factory=list)
    codes: list[CodePeriod] = field(default_factory=list)


@dataclass
class _Reader:
    path: str
    entries: list[_Entry] = field(default_factory=list)
    agents: dict[str, str] = field(default_factory=dict)
    macros: dict[str, list[str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def problem(self, line: int, text: str) -> None:
        self.problems.append(f"{self.path}:{line}: {text}")


def load_petrarch_dictionary(path: Path) -> ActorKnowledge:
    """Actors and agents from a PETRARCH/Phoenix dictionary file."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        raise KnowledgeError(str(path), None, f"cannot read dictionary: {error}") from None
    text = XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    reader = _Reader(str(path))
    for number, raw in enumerate(text.splitlines(), 1):
        _read_line(reader, raw.split("#", 1)[0].rstrip(), number)
    actors = [actor for entry in reader.entries if (actor := _actor(reader, entry))]
    return ActorKnowledge(actors=actors, agents=reader.agents, problems=reader.problems)


def _read_line(reader: _Reader, line: str, number: int) -> None:
    if not line.strip():
        return
    macro = MACRO.match(line)
    if macro:
        reader.macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
        return
    codes = CODE_BLOCK.findall(line)
    words = CODE_BLOCK.sub(" ", line)
    if any(code.strip().startswith("~") or code.strip().endswith("~") for code in codes):
        _read_agent(reader, words, codes, number)
        return
    name = words.strip()
    current = reader.entries[-1] if reader.entries else None
    if name.startswith("+"):
        if current is None:
            reader.problem(number, "a synonym (+) before any actor")
            return
        current.aliases.append(name[1:])
    elif name and not line[0].isspace():
        current = _Entry(name, number)
        reader.entries.append(current)
    elif name:
        reader.problem(number, f"indented text that is not a code: {name!r}")
    for code in codes:
        period = _code_period(reader, code, number)
        if period is not None and current is not None:
            current.codes.append(period)


def _read_agent(reader: _Reader, words: str, codes: list[str], number: int) -> None:
    block = codes[0].strip()
    code = (
        block.lstrip("~").strip() if block.startswith("~") else block
    )  # "NGO~" stays: a prefix agent
    if not re.fullmatch(r"[A-Z0-9]{3,}~?", code):
        reader.problem(number, f"agent code {code!r} is not a code (letters and digits)")
        return
    plurals = PLURALS.findall(words)
    phrase = PLURALS.sub(" ", words).strip()
    forms = [phrase] + [p.strip() for p in plurals if p.strip()]
    if plurals and not any(p.strip() for p in plurals):
        forms.append(phrase + "S")
    for form in forms:
        for expanded in _expand_macros(reader, form):
            reader.agents.setdefault(_phrase(expanded).lower(), code)


def _expand_macros(reader: _Reader, phrase: str) -> list[str]:
    for macro, values in reader.macros.items():
        if macro in phrase:
            return [
                form
                for value in values
                for form in _expand_macros(reader, phrase.replace(macro, value, 1))
            ]
    return [phrase]


def _code_period(reader: _Reader, block: str, number: int) -> CodePeriod | None:
    """One `[CODE ...]` block: a code and an optional date restriction."""
    parts = block.split(None, 1)
    if not parts or parts[0] in SKIPPED_CODES:
        return None
    code = parts[0].upper()
    if not re.fullmatch(r"[A-Z0-9/]{3,}", code):
        reader.problem(number, f"code {parts[0]!r} is not a code (letters and digits)")
        return None
    restriction = parts[1].replace(" ", "") if len(parts) > 1 else ""
    try:
        if not restriction:
            return CodePeriod(code)
        if restriction.startswith(">"):
            return CodePeriod(code, _date(restriction[1:]), None)
        if restriction.startswith("<"):
            return CodePeriod(code, None, _date(restriction[1:]))
        start, end = restriction.split("-")
        return CodePeriod(code, _date(start), _date(end))
    except ValueError:
        reader.problem(number, f"date restriction {parts[1]!r} is not YYMMDD or YYYYMMDD")
        return None


def _date(text: str) -> date:
    """YYMMDD (years below 30 are 20xx, as in the Phoenix files) or YYYYMMDD."""
    if len(text) == 6 and text.isdigit():
        year = int(text[:2])
        return date(2000 + year if year < 30 else 1900 + year, int(text[2:4]), int(text[4:]))
    if len(text) == 8 and text.isdigit():
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    raise ValueError(text)


def _actor(reader: _Reader, entry: _Entry) -> Actor | None:
    if not entry.codes:
        reader.problem(entry.line, f"actor {entry.name!r} has no code")
        return None
    first = entry.codes[0].code[:3]
    country = first if first not in INTERNATIONAL and len(entry.codes[0].code) >= 3 else None
    return Actor(
        name=_display_name(entry.name),
        type=None,
        country=country,
        names=tuple(_phrase(alias) for alias in entry.aliases),
        codes=tuple(entry.codes),
        source=f"{reader.path}:{entry.line}",
        curated=False,
    )


def _phrase(text: str) -> str:
    return " ".join(text.replace("_", " ").split())


def _display_name(text: str) -> str:
    """'VLADIMIR_PUTIN_' as 'Vladimir Putin', 'UNITED_STATES_OF_AMERICA_' as 'United States
    of America', 'BASHAR_AL_ASSAD_' as 'Bashar al Assad'; acronyms ('U.N.', 'UN', 'IMF')
    stay as written."""
    words = _phrase(text).split()
    return " ".join(_display_word(w, first=n == 0) for n, w in enumerate(words))


def _display_word(word: str, first: bool) -> str:
    if word.lower() in LOWER_CASE_WORDS and not first:
        return word.lower()
    if "." in word or not re.search(r"[AEIOUY]", word) or word in TWO_LETTER_ACRONYMS:
        return word
    return word.capitalize()
