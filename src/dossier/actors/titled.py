"""Unknown people read with a title but no country ("Prime Minister Shehbaz Sharif"):
coded once every country of the article is named, so after the passes that name them.

The people pass keeps the title's sector in `DocumentResolver.titled_sectors`; here the
person takes a country a later title gave, else the article's main country (the agents
pass's rule: dateline, else the country mentioned most), marked inferred. With no main
country the person stays uncoded.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.actors.agents import dominant_country, main_country
from dossier.actors.scan import BUSINESS

if TYPE_CHECKING:
    from dossier.actors.scan import DocumentResolver


def resolve_titled_countries(r: DocumentResolver) -> None:
    """Codes for the unknown people a title without a country was read for, once every
    country is named: a later title's country, else the article's main country, marked
    inferred ("Prime Minister Shehbaz Sharif" in a story from Pakistan is PAKGOV)."""
    main = main_country(r)
    for ref, sector in r.titled_sectors.items():
        facts = r.table.facts[ref]
        if facts.cameo is not None:
            continue  # a later title gave country and code
        if facts.country is None and main is not None:
            facts.country, facts.country_inferred = main.code, True
        country = r.kb.country(facts.country) if facts.country else None
        if country is not None:
            facts.cameo = country.cameo + sector


def resolve_untitled_countries(r: DocumentResolver) -> None:
    """The article's main country, marked inferred, for the unknown people no title or
    modifier gave a country ("Ilyas Ali Hassan, a member of the upper house" in a story
    from Mogadishu): the country alone, since nothing says their role."""
    main = dominant_country(r)
    if main is None:
        return
    for ref, facts in r.table.facts.items():
        if ref.kind != "person" or facts.country or facts.cameo or not facts.mentions:
            continue  # coded already: by a title, or as a member of an organisation
        facts.country, facts.country_inferred = main.code, True
        facts.cameo = main.cameo


def resolve_company_countries(r: DocumentResolver) -> None:
    """The article's main country, marked inferred, for the companies named by a legal
    suffix alone ("MCI Communications Corp" in a story datelined New York is USABUS):
    a company is coded by its home country, and a story is most often filed from it."""
    main = dominant_country(r)
    if main is None or main.region:
        return
    for facts in r.table.facts.values():
        if facts.cameo == BUSINESS and facts.country is None and facts.mentions:
            facts.country, facts.country_inferred = main.code, True
            facts.cameo = main.cameo + BUSINESS
