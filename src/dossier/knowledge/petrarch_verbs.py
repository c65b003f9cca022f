"""Import a PETRARCH-2 verb dictionary (e.g. CAMEO.2.0.txt) as a `PatternBook`.

The format, as read here:
- `&NAME` starts a synonym set; its members follow as `+WORD` lines (a member may be
  another set, `+&OTHER`).
- `####### VERB PATTERNS #######` (or, in older files, the first block) starts the
  verb blocks, `TRANSFORMATIONS` ends them; `<!-- ... -->` comments are ignored.
- `--- NAME [code] ---` starts a verb block with its default code (`---`: none;
  `042:043`: the code and the code of the target's side of the same happening).
- A line naming a verb (`MEET {MEETS MET}`, `+ASK_FOR {...} [020]`) adds it to the
  block, optionally with its own code; `_` joins the words of a phrase and `+` marks
  its verb.
- `- before * after [code]` is a pattern for every verb of the block: words left of
  the verb, then words of its object, `(PREP words)` for a prepositional phrase,
  `{A B}` for a phrase, `&SET` for any member of a set, `$` and `+` marking the
  phrase that gives the source or target (`(WITH +)`, `ABOUT +`): the coder takes that
  phrase's actor when the pattern matches.

Coordinated subjects with no target ("Gondor and Osgiliath renewed ties") are coded
against each other, as PETRARCH does, so imported patterns are marked symmetric.
dossier keeps what its dependency coder can use: verbs, block and verb codes, and
patterns as word requirements on the object, the phrases and the words before the verb.
Codes whose root is not a CAMEO root are skipped and counted.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path

from dossier.errors import KnowledgeError
from dossier.knowledge.codebook import default_codebook
from dossier.knowledge.event_patterns import PatternBook, Refinement, TriggerPattern, WordSlot

PETRARCH_SOURCE = ("subject", "agent")
PETRARCH_TARGET = (
    "dative",
    "object",
    "clause_subject",
    "any_prep",
    "owner",
    "object_phrase",
)
TRAVEL_CODES = frozenset({"042", "043"})  # make and host a visit
BLOCK_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*-*\s*$")
CODE_IN_LINE = re.compile(r"\[([^\]]*)\]\s*$")
XML_COMMENT = re.compile(r"<!--.*?-->", re.S)
PREPOSITIONS = frozenset(
    {
        "about",
        "against",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "over",
        "to",
        "toward",
        "towards",
        "upon",
        "with",
    }
)
TOKEN = re.compile(r"\([^)]*\)|\{[^}]*\}|\S+")


@dataclass
class _Block:
    name: str
    code: str | None
    reciprocal: str | None
    verbs: list[tuple[str, tuple[str, ...], str | None, str | None]] = field(default_factory=list)
    refinements: list[Refinement] = field(default_factory=list)


@dataclass
class ImportReport:
    """What an import kept and skipped, for the user to see."""

    blocks: int = 0
    verbs: int = 0
    patterns: int = 0
    skipped_codes: int = 0
    blocking: int = 0  # patterns that make it no event: "[---]" or a non-CAMEO code
    skipped_lines: list[int] = field(default_factory=list)


def load_verb_file(path: Path) -> PatternBook:
    """The verb patterns of a PETRARCH-2 verb dictionary."""
    book, _ = import_petrarch_verbs(path)
    return book


def import_petrarch_verbs(path: Path) -> tuple[PatternBook, ImportReport]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
        # XML comments (the validation dictionaries) are blanked, keeping line numbers
        lines = XML_COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text).splitlines()
    except OSError as error:
        raise KnowledgeError(str(path), None, f"cannot read verb dictionary: {error}") from None
    synsets = _synsets(lines)
    report = ImportReport()
    blocks = _blocks(lines, synsets, report, path)
    if not blocks:
        raise KnowledgeError(str(path), None, "no verb blocks ('--- NAME [code] ---') found")
    book = PatternBook()
    for block in blocks:
        for pattern in _block_patterns(block, path.name):
            book.add(pattern)
    return book, report


def _strip(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _synsets(lines: list[str]) -> dict[str, list[str]]:
    """Synonym sets by name, members as written (may name other sets)."""
    sets: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw in lines:
        line = _strip(raw).strip()
        if line.startswith("&") and " " not in line:
            current = sets.setdefault(_set_name(line), [])
        elif line.startswith("+") and current is not None:
            current.append(line[1:].strip())
        elif line.startswith("---"):
            current = None
    return sets


def _expand(name: str, synsets: dict[str, list[str]], depth: int = 0) -> frozenset[str]:
    """The words a set stands for: each member, a phrase of up to three words as a run
    ("austrian gold florin"), a longer one by its last word."""
    words: set[str] = set()
    for member in synsets.get(_set_name(name), []):
        if member.startswith("&") and depth < 5:
            words |= _expand(member, synsets, depth + 1)
        elif member and not member.startswith("("):
            words.add(_member_words(member))
    return frozenset(w for w in words if w)


def _member_words(member: str) -> str:
    parts = [p.lower() for p in re.split(r"[_\s]+", member.strip().strip("_")) if p]
    if 1 < len(parts) <= 3 and all(re.match(r"^[a-z][a-z'-]*$", p) for p in parts):
        return " ".join(parts)
    return _head_word(member)


def _set_name(text: str) -> str:
    """Set names compare without case or a closing underscore (&PREPOSIT1_ = &PREPOSIT1)."""
    return text.strip().upper().rstrip("_")


def _head_word(text: str) -> str:
    parts = [p for p in re.split(r"[_\s]+", text.strip().strip("_")) if p]
    return parts[-1].lower() if parts else ""


def _parse_code(text: str) -> tuple[str | None, str | None, bool]:
    """(code, reciprocal code, usable) from '042:043', '---', ':173', '075A'."""
    first, _, second = text.strip().partition(":")

    def valid(code: str) -> str | None:
        code = code.strip()
        if not code or code == "---":
            return None
        return code if code.isdigit() and default_codebook().get(code) is not None else ""

    code, reciprocal = valid(first), valid(second)
    usable = code != "" and reciprocal != ""
    return (code or None), (reciprocal or None), usable


def _blocks(
    lines: list[str], synsets: dict[str, list[str]], report: ImportReport, path: Path
) -> list[_Block]:
    blocks: list[_Block] = []
    in_verbs = False
    for number, raw in enumerate(lines, 1):
        line = _strip(raw).strip()
        if "VERB PATTERNS" in raw and raw.startswith("#"):
            in_verbs = True
            continue
        if "TRANSFORMATIONS" in raw and raw.startswith("#"):
            break
        header = BLOCK_HEADER.match(line)
        in_verbs = in_verbs or header is not None  # older files have no section marker
        if not in_verbs or not line:
            continue
        if header:
            code, reciprocal, _ = _parse_code(header.group(2))
            blocks.append(_Block(header.group(1), code, reciprocal))
            report.blocks += 1
        elif not blocks:
            continue
        elif line.startswith("-"):
            _add_pattern(blocks[-1], line[1:], synsets, report, number)
        elif not line.startswith(("&", "+&", "~")) or line.startswith("+") and "_" in line:
            _add_verb(blocks[-1], line, report, number)
    return blocks


def _add_verb(block: _Block, line: str, report: ImportReport, number: int) -> None:
    found = CODE_IN_LINE.search(line)
    code, reciprocal, usable = _parse_code(found.group(1)) if found else (None, None, True)
    if not usable:
        report.skipped_codes += 1
    words_text = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", line).split()
    if not words_text:
        return
    phrase = words_text[0]
    parts = [p for p in phrase.split("_") if p]
    verb_index = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
    words = [p.lstrip("+").lower() for p in parts]
    if not words or not all(re.match(r"^[a-z][a-z'-]*$", w) for w in words):
        report.skipped_lines.append(number)
        return
    extra = tuple(w for i, w in enumerate(words) if i != verb_index)
    block.verbs.append((words[verb_index], extra, code if usable else None, reciprocal))
    report.verbs += 1
    if extra:  # a phrase's listed forms ({+CORDONED_OFF ...}) when the lemma is misread
        for form in _listed_forms(line):
            block.verbs.append((form, extra, code if usable else None, reciprocal))


def _listed_forms(line: str) -> list[str]:
    """The verb word of each inflected form in braces: {+CORDONED_OFF +CORDONS_OFF}."""
    braces = re.search(r"\{([^}]*)\}", line)
    forms = []
    for form in braces.group(1).split() if braces else []:
        parts = [p for p in form.split("_") if p]
        verb = next((p for p in parts if p.startswith("+")), parts[0] if parts else "")
        word = verb.lstrip("+").lower()
        if re.match(r"^[a-z][a-z'-]*$", word):
            forms.append(word)
    return forms


def _add_pattern(
    block: _Block, text: str, synsets: dict[str, list[str]], report: ImportReport, number: int
) -> None:
    found = CODE_IN_LINE.search(text)
    if not found or "*" not in text:
        report.skipped_lines.append(number)
        return
    code, reciprocal, usable = _parse_code(found.group(1))
    before_text, _, after_text = text[: found.start()].partition("*")
    slots = [*_slots(before_text, "before", synsets), *_slots(after_text, "object", synsets)]
    if not usable or code is None:
        # "[---]" (no event: "- * CARD [---]") or a code CAMEO does not have (WEIS-era
        # 345, 802, 915, ...): kept as a pattern that codes no event, so the block's
        # general code is not given to what the dictionary says is something else.
        # Only patterns with words after the verb: the validation dictionaries' TABARI-era
        # "- IN_ * [075A]" would otherwise block any verb with "in" in its subject.
        report.skipped_codes += not usable
        if any(slot.place != "before" for slot in slots):
            report.blocking += 1
            block.refinements.append(Refinement(None, tuple(slots)))
        return
    swapped = "+" in before_text.split() and "$" in after_text.split()
    block.refinements.append(Refinement(code, tuple(slots), reciprocal, swapped))
    report.patterns += 1


def _slots(text: str, place: str, synsets: dict[str, list[str]]) -> list[WordSlot]:
    """The word requirements of one side of a pattern."""
    slots: list[WordSlot] = []
    plain: list[frozenset[str]] = []
    marks: str | None = None
    tokens = TOKEN.findall(text)
    for n, token in enumerate(tokens):
        if token.startswith("("):
            inner = token[1:-1].split()
            if inner:
                words, mark = _words(inner[1:], synsets)
                slots.append(WordSlot(inner[0].lower().strip("_"), tuple(words), mark))
            continue
        following = tokens[n + 1] if n + 1 < len(tokens) else ""
        if token.lower() in PREPOSITIONS and following in ("$", "+") and place == "object":
            # "- * THEIR ^ ABOUT + [130]": the phrase of ABOUT gives the target
            mark = "source" if following == "$" else "target"
            slots.append(WordSlot(token.lower(), (), mark))
            continue
        if token in ("$", "+") and n and tokens[n - 1].lower() in PREPOSITIONS:
            continue
        words, mark = _words(token.strip("{}").split(), synsets)
        if token.startswith("{") and 1 < len(words) <= 3:
            # "{THE FULL}", "{NEW &TIETYPES RELATIONS}": the words in a row, not anywhere
            # in the phrase (the coder sees runs of up to three words)
            words = [frozenset(" ".join(run) for run in itertools.product(*words))]
        plain.extend(words)
        marks = marks or mark
    if plain or marks:
        slots.insert(0, WordSlot(place, tuple(plain), _object_mark(place, marks)))
    return slots


def _object_mark(place: str, mark: str | None) -> str | None:
    # '+' after the verb marks its object as the target, which is the default anyway;
    # '$' or '+' before the verb would need word-order reasoning dossier does not do.
    return mark if place == "object" else None


def _words(tokens: list[str], synsets: dict[str, list[str]]):
    words: list[frozenset[str]] = []
    mark: str | None = None
    for token in tokens:
        if token in ("$", "+"):
            mark = "source" if token == "$" else "target"
        elif token in ("^", "%", "*"):
            continue
        elif token.startswith("&"):
            expanded = _expand(token, synsets)
            if expanded:
                words.append(expanded)
        else:
            word = _head_word(token)
            if word and re.match(r"^[a-z]", word):
                words.append(frozenset({word}))
    return words, mark


def _block_patterns(block: _Block, origin: str) -> list[TriggerPattern]:
    patterns = []
    for lemma, extra, code, reciprocal in block.verbs:
        coded = code or block.code or ""
        # a travel verb's `in` phrase is where it goes: "arrived in Gondor"
        travel = ("in", "destination") if coded[:3] in TRAVEL_CODES else ()
        patterns.append(
            TriggerPattern(
                lemma=lemma,
                pos="verb",
                code=code or block.code,
                extra=extra,
                source=PETRARCH_SOURCE,
                target=PETRARCH_TARGET + travel,
                symmetric=True,
                reciprocal=reciprocal if code else block.reciprocal,
                refinements=tuple(block.refinements),
                origin=f"{origin}:{block.name}",
            )
        )
    return patterns
