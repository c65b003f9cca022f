"""The `--format pretty` view: one analysed article, readable in a terminal."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from dossier.record import DocumentRecord

# Piped output gets a width that fits the events table, not rich's default of 80.
PIPED_WIDTH = 132
console = Console(
    highlight=False, soft_wrap=False, width=None if sys.stdout.isatty() else PIPED_WIDTH
)
MAX_ENTITY_ROWS = 20


def print_pretty(record: DocumentRecord) -> None:
    console.rule(f"[bold]{record.title or '(untitled)'}")
    console.print(_header(record))
    sections = [
        ("Events", _events, record.events),
        ("Entities", _entities, record.entities),
        ("Time expressions", _timexes, record.timexes),
        ("Citations", _citations, record.citations),
        ("Quotes", _quotes, record.quotes),
    ]
    for title, build, rows in sections:
        if rows:
            console.print(build(rows, title=f"{title} ({len(rows)})"))
        else:
            console.print(f"[dim]{title}: none found[/]")
    console.print()


def _header(record: DocumentRecord) -> str:
    publication = record.publication
    where = publication.name if publication else record.outlet or "unknown publication"
    if publication and publication.issue:
        where += f", volume {publication.volume}, issue {publication.issue}"
    if record.published is None:
        when = "publication date unknown (relative dates left unresolved)"
    else:
        when = record.published.date + (
            " (inferred from the text)" if record.published.inferred else ""
        )
    words = len(record.text.split())
    return f"{where} · {when} · {words} words · doc {record.doc_id} · {record.source_file or ''}"


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False, expand=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _events(events, title: str) -> Table:
    table = _table(title, "date", "source", "code", "target", "modality", "trigger", "according to")
    table.caption = "* no date in the text: the publication date"
    for event in events:
        table.add_row(
            _when(event.date),
            event.source.name if event.source else "—",
            f"{event.cameo_code} {event.plover_type or ''}",
            event.target.name if event.target else "—",
            event.modality,
            event.trigger or "",
            ", ".join(event.attribution),
        )
    return table


def _when(date) -> str:
    """A compact date range: 2000-07-01..07-31; a date from the publication date is marked *."""
    if date is None:
        return "?"
    start, end = date.start, date.end
    if start == end:
        text = start
    elif start[:4] == end[:4]:
        text = f"{start}..{end[5:]}"
    else:
        text = f"{start}..{end}"
    return text + ("*" if date.from_publication else "")


def _entities(entities, title: str) -> Table:
    table = _table(title, "name", "type", "country", "CAMEO", "role", "mentions")
    ranked = sorted(entities, key=lambda e: -len(e.mentions))
    if len(ranked) > MAX_ENTITY_ROWS:
        table.caption = f"… and {len(ranked) - MAX_ENTITY_ROWS} more, mentioned less often"
    for entity in ranked[:MAX_ENTITY_ROWS]:
        table.add_row(
            entity.name,
            entity.type,
            entity.country or "",
            entity.cameo or "",
            entity.role or "",
            str(len(entity.mentions)),
        )
    return table


def _timexes(timexes, title: str) -> Table:
    table = _table(title, "expression", "from", "to", "granularity")
    for timex in timexes:
        table.add_row(
            timex.text, timex.value_start or "—", timex.value_end or "—", timex.granularity or ""
        )
    return table


def _citations(citations, title: str) -> Table:
    table = _table(title, "kind", "outlets", "from", "to")
    for citation in citations:
        table.add_row(
            citation.kind,
            ", ".join(citation.outlets),
            citation.date_start or "—",
            citation.date_end or "—",
        )
    return table


def _quotes(quotes, title: str) -> Table:
    table = _table(title, "speaker", "quotation")
    for quote in quotes:
        speaker = quote.speaker or (f"({quote.speaker_text})" if quote.speaker_text else "—")
        text = quote.text if len(quote.text) < 90 else quote.text[:87] + "…"
        table.add_row(speaker, f"“{text}”" + (" [dim](term)[/]" if quote.kind == "term" else ""))
    return table
