"""The HTML pages: each renders the same query as its API route, through a template."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from dossier.web import charts, facets, queries
from dossier.web.codes import cameo_label
from dossier.web.listing import (
    SortBy,
    checked_sort,
    export_links,
    filter_link,
    headers,
    pager,
)
from dossier.web.marks import Mark, Section, marked_html, sectioned_html
from dossier.web.params import (
    MAX_LIMIT,
    Con,
    FilterForm,
    Page,
    Paging,
    dyad_param,
)

router = APIRouter(include_in_schema=False)
MENTIONS_SHOWN = 100
EVENT_HEADERS = {
    "date_start": "date",
    "source_name": "source",
    "cameo_code": "action",
    "target_name": "target",
    "modality": "modality",
    "attribution": "according to",
    "sentence": "sentence",
}
# The filter boxes of /events: name, label and an example of what it takes. A field
# given several values has a box for each (a facet's link adds one).
EVENT_FILTER_FIELDS = (
    ("actor", "actor", "RUS, Putin"),
    ("dyad", "dyad", "RUS:PRK"),
    ("pair", "pair (exact names)", "Vladimir Putin:Kim Jong-il"),
    ("country", "country", "PRK"),
    ("source_country", "source country", "RUS"),
    ("target_country", "target country", "PRK"),
    ("type", "type", "CONSULT"),
    ("cameo", "cameo", "04"),
    ("root", "CAMEO root", "19"),
    ("since", "since", "2000-06-01"),
    ("until", "until", "2000-08-31"),
    ("year", "year", "2000"),
    ("modality", "modality", "planned"),
    ("quad_class", "quad class", "3,4"),
    ("goldstein_min", "Goldstein ≥", "-10"),
    ("goldstein_max", "Goldstein ≤", "10"),
    ("outlet", "according to", "Reuters"),
    ("place", "place", "Moscow"),
    ("text", "text", "missile"),
)
DOCUMENT_HEADERS = {
    "published": "published",
    "title": "title",
    "outlet": "outlet",
    "source_file": "source",
    "n_events": "events",
    "n_entities": "entities",
    "characters": "characters",
}
ACTOR_HEADERS = {
    "name": "name",
    "type": "type",
    "country": "country",
    "cameo": "CAMEO",
    "events": "events",
    "mentions": "mentions",
    "documents": "documents",
    "first_seen": "first seen",
    "last_seen": "last seen",
}


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context)


@router.get("/")
def home() -> RedirectResponse:
    return RedirectResponse("/events", status_code=307)


@router.get("/favicon.ico")
def no_icon() -> Response:
    return Response(status_code=204)  # browsers ask; an empty answer spares a 404 per page


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    given: FilterForm,
    page: Page,
    asked: SortBy,
    con: Con,
) -> HTMLResponse:
    """The events table with its facets. Bad filter values are all listed above the
    form, which keeps what was typed (400); values that match nothing are said so, with
    a hint (200)."""
    problems = list(given.problems)
    try:
        sort = checked_sort(asked, queries.EVENT_SORTS)
    except HTTPException as error:
        problems.append(str(error.detail))
        sort = None
    events: list[dict[str, Any]] = []
    total, hints, counts, found, chips = 0, [], None, [], []
    wf = given.filter
    if not problems and wf is not None:
        events, total = queries.event_page(con, wf, page.limit, page.offset, sort)
        if (total == 0 and given.typed) or any(len(v) > 1 for _, v in wf.choices):
            hints = queries.filter_hints(con, wf, total)
        if total:
            by, periods, undated = queries.event_periods(con, wf)
            counts = {"by": by, "bars": charts.bar_chart(periods, by), "undated": undated}
        found = facets.event_facets(request, con, wf)
        chips = facets.filter_chips(request, wf, hints)
    response = render(
        request,
        "events.html",
        events=events,
        filters=given.typed,
        fields=EVENT_FILTER_FIELDS,
        problems=problems,
        hints=hints,
        counts=counts,
        facets=found,
        chips=chips,
        clear=filter_link(request, "/events", []),
        **_listing(request, "/events", page, total, EVENT_HEADERS, sort),
    )
    if problems:
        response.status_code = 400
    return response


def _listing(
    request: Request,
    path: str,
    page: Paging,
    total: int,
    labels: dict[str, str],
    sort: queries.Sort | None,
) -> dict[str, Any]:
    """What a list page's template needs besides its rows: count, headers, pager, exports."""
    return {
        "total": total,
        "page": page,
        "headers": headers(request, labels, sort),
        "nav": pager(request, page, total),
        "downloads": export_links(request, path),
        "kept": {"sort": sort.column, "order": "desc" if sort.descending else "asc"}
        if sort
        else {},
    }


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str, con: Con) -> HTMLResponse:
    found = queries.event_provenance(con, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    event = found["event"]
    marks = [
        Mark(*span, kind, title)
        for span, kind, title in (
            (found["source_at"], "source", f"source: {event['source_name']}"),
            (found["target_at"], "target", f"target: {event['target_name']}"),
            (found["trigger_at"], "trigger", f"trigger: {cameo_label(event['cameo_code'])}"),
        )
        if span is not None
    ]
    return render(
        request,
        "event.html",
        found=found,
        event=event,
        sentence=marked_html(found["sentence"], marks),
        anchor=sentence_anchor(event["sentence_idx"]),
        quad_name=queries.QUAD_CLASSES.get(event["quad_class"], ""),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(
    request: Request,
    page: Page,
    asked: SortBy,
    con: Con,
    with_events: bool = False,
) -> HTMLResponse:
    sort = checked_sort(asked, queries.DOCUMENT_SORTS)
    documents, total = queries.document_page(con, page.limit, page.offset, sort, with_events)
    return render(
        request,
        "documents.html",
        documents=documents,
        with_events=with_events,
        **_listing(request, "/documents", page, total, DOCUMENT_HEADERS, sort),
    )


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, con: Con) -> HTMLResponse:
    found = queries.document_annotations(con, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    text = found["document"]["text"]
    return render(
        request,
        "document.html",
        found=found,
        doc=found["document"],
        article=sectioned_html(
            text,
            document_marks(found),
            [
                Section(s["start_char"], s["end_char"], sentence_anchor(s["idx"]))
                for s in queries.document_sentences(con, doc_id)
            ],
        ),
    )


def sentence_anchor(index: int) -> str:
    """The id of a sentence in its document's page: `sentence-12` (the 13th sentence)."""
    return f"sentence-{int(index)}"


def document_marks(found: dict[str, Any]) -> list[Mark]:
    """Entities, time expressions, citations and event triggers, as marks on the text."""
    marks = [
        Mark(
            m["start_char"],
            m["end_char"],
            "entity",
            f"{m['name']} ({m['type']}{', ' + m['cameo'] if m['cameo'] else ''})",
            f"/actors/{_quote(m['name'])}",
        )
        for m in found["mentions"]
    ]
    marks += [
        Mark(
            t["start_char"],
            t["end_char"],
            "timex",
            f"{t['kind'] or 'time'}: {t['value_start'] or '?'} – {t['value_end'] or '?'}",
        )
        for t in found["timexes"]
    ]
    marks += [
        Mark(c["start_char"], c["end_char"], "citation", f"cites {', '.join(c['outlets'])}")
        for c in found["citations"]
    ]
    marks += [
        Mark(
            e["trigger_start"],
            e["trigger_end"],
            "trigger",
            f"{e['source_name'] or '—'} → {cameo_label(e['cameo_code'])}"
            f" → {e['target_name'] or '—'}"
            f" ({e['modality']})",
            f"/events/{e['event_id']}",
        )
        for e in found["events"]
        if e["trigger_start"] is not None
    ]
    return marks


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")


@router.get("/actors", response_class=HTMLResponse)
def actors_page(
    request: Request,
    page: Page,
    asked: SortBy,
    con: Con,
    like: str | None = None,
) -> HTMLResponse:
    sort = checked_sort(asked, queries.ACTOR_SORTS)
    actors, total = queries.actor_page(con, like or None, page.limit, page.offset, sort)
    return render(
        request,
        "actors.html",
        actors=actors,
        like=like or "",
        **_listing(request, "/actors", page, total, ACTOR_HEADERS, sort),
    )


@router.get("/actors/{name:path}", response_class=HTMLResponse)
def actor_page(
    request: Request,
    name: str,
    con: Con,
    by: str = Query("month", pattern="^(week|month|year)$"),
) -> HTMLResponse:
    summary = queries.actor_summary(con, name)
    if summary is None:
        raise HTTPException(404, f"no actor named {name!r}")
    mentions = queries.actor_mentions(con, name, MENTIONS_SHOWN)
    for mention in mentions:
        mention["html"] = _mention_html(mention)
    return render(
        request,
        "actor.html",
        actor=summary,
        by=by,
        quote=_quote,
        bars=charts.bar_chart(queries.actor_periods(con, name, by), by),
        graph=charts.network(name, queries.counterpart_edges(con, name)),
        events=queries.actor_events(con, name, MAX_LIMIT),
        mentions=mentions,
    )


def _mention_html(mention: dict[str, Any]) -> Any:
    if mention["sentence"] is None:
        return marked_html(mention["text"] or "", [])
    start = int(mention["start_char"]) - int(mention["sentence_start"])
    mark = Mark(start, start + int(mention["end_char"]) - int(mention["start_char"]), "entity")
    return marked_html(mention["sentence"], [mark])


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request,
    con: Con,
    actor: str | None = None,
    dyad: str | None = None,
    pair: str | None = None,
) -> HTMLResponse:
    events = queries.timeline_events(
        con, actor or None, dyad_param(dyad), MAX_LIMIT, dyad_param(pair, "pair")
    )
    return render(
        request,
        "timeline.html",
        actor=actor or "",
        dyad=dyad or "",
        pair=pair or "",
        chart=charts.timeline(events),
        events=events,
        downloads=export_links(request, "/timeline"),
        quads=queries.QUAD_CLASSES,
    )
