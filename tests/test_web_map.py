"""The map page (/map), in-process on the web tests' database, and the geometry behind it.

Hand-checked places of the web tests' database (both seeds and the hostile article; see
test_web_seeds.py), from the sentences whose `in`/`at`/`visit to` phrase names a place:
- Moscow, 7 events: Mamedov "had met in Moscow" (2000-06-09); "a Russian-U.S. summit
  meeting in Moscow" (June); "this week's talks in Moscow" (end of August); the State
  Department team "traveled to the Russian capital"; "Paek's stopover to Moscow"; Paek's
  "postponed ... visit to Moscow" (planned for September); "Kim Jong-il's upcoming visit
  to Moscow" (2001).
- Pyongyang, 6: "talks in Pyongyang this week" (Kim Dae-jung, June); "the Putin visit
  to Pyongyang" (June, planned); the "missile deal" discussed last month by Putin (July);
  "Putin met ... Kim Jong-il in Pyongyang on Wednesday" (hostile article, 2000-07-19);
  South Korean media executives "traveled to Pyongyang earlier this month" (August);
  "his visit to Pyongyang" (Putin, August seed).
- Brussels, 1 (Bacon's "visit to Brussels") and Beijing, 1 (Kim's "visit to Beijing
  last month", May).
With Putin on either side only the four Putin events in Pyongyang are left; from
2000-08-01 on, Moscow's five of August and later and Pyongyang's two of August.
"""

from __future__ import annotations

import json
import math
import re
from html import unescape
from urllib.parse import parse_qs, urlsplit
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient

from dossier.web import create_app, mapping
from dossier.web.map_page import _merged, place_link
from dossier.web.params import MAX_LIMIT
from test_web_seeds import web_database

ALL_PLACES = {"Moscow": 7, "Pyongyang": 6, "Brussels": 1, "Beijing": 1}
PYONGYANG = (125.75432, 39.03385)
MARK = re.compile(
    r'<a href="([^"]+)" class="mark" data-place="([^"]+)" data-events="(\d+)">\s*'
    r'<circle cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)"/>\s*<title>([^<]+)</title>'
)


@pytest.fixture(scope="module")
def client(analyser, tmp_path_factory):
    with TestClient(create_app(web_database(analyser, tmp_path_factory.mktemp("web")))) as client:
        yield client


def _marks(page: str) -> list[dict]:
    return [
        {
            "href": unescape(href),
            "place": unescape(place),
            "events": int(events),
            "x": float(x),
            "y": float(y),
            "r": float(r),
            "title": unescape(title),
        }
        for href, place, events, x, y, r, title in MARK.findall(page)
    ]


def _svg(page: str) -> str:
    return page.split('<svg xmlns="http://www.w3.org/2000/svg" viewBox=', 1)[1].split("</svg>")[0]


def _extent(page: str) -> tuple[float, ...]:
    found = re.search(r'data-extent="([^"]+)"', page)
    assert found, "the map says which extent it shows"
    return tuple(float(v) for v in found.group(1).split())


def _listed(client: TestClient, href: str) -> list[dict]:
    """The events the /events link lists, through the API with the same query."""
    parts = urlsplit(href)
    assert parts.path == "/events"
    params = parse_qs(parts.query) | {"limit": [str(MAX_LIMIT)]}
    body = client.get("/api/events", params=params).json()
    assert body["next"] is None
    return body["events"]


def test_the_map_has_one_mark_per_place_of_the_events(client):
    response = client.get("/map")
    assert response.status_code == 200
    marks = _marks(response.text)
    assert {m["place"]: m["events"] for m in marks} == ALL_PLACES
    assert len(marks) == len(ALL_PLACES)  # one mark each, none twice
    assert response.text.count('class="mark"') == len(ALL_PLACES)
    assert [m["place"] for m in marks][:2] == ["Moscow", "Pyongyang"]  # biggest drawn first
    assert next(m for m in marks if m["place"] == "Moscow")["title"] == "Moscow (RUS): 7 events"
    assert next(m for m in marks if m["place"] == "Beijing")["title"] == "Beijing (CHN): 1 event"
    total = client.get("/api/events", params={"limit": "1"}).json()["total"]
    count = re.sub(r"\s+", " ", response.text.split('id="map-count">')[1].split("</p>")[0])
    assert f"{total} events pass these filters" in count
    # the August seed's "plans to deploy a theater missile defense system in Asia":
    # a continent is named, with no point on the map
    assert (
        f"15 at 4 places on the map, 1 at places without coordinates, {total - 16} naming no place."
        in count
    )


def test_the_marks_are_sized_by_their_events(client):
    marks = {m["place"]: m for m in _marks(client.get("/map").text)}
    assert marks["Moscow"]["r"] == mapping.MAX_RADIUS
    assert marks["Pyongyang"]["r"] == pytest.approx(mapping.MAX_RADIUS * math.sqrt(6 / 7), abs=0.1)
    one = round(mapping.MAX_RADIUS * math.sqrt(1 / 7), 1)  # 8.3: a seventh of the area
    assert marks["Brussels"]["r"] == marks["Beijing"]["r"] == one


def test_the_table_lists_the_places_their_counts_and_links(client):
    page = client.get("/map").text
    table = page.split('<table class="places" id="places">')[1].split("</table>")[0]
    rows = re.findall(
        r'<tr><td><a href="([^"]+)" class="place-link">([^<]+)</a></td><td>(\w*)</td>\s*'
        r'<td class="number"><a href="[^"]+">(\d+)</a></td>',
        table,
    )
    assert [(name, country, int(n)) for _, name, country, n in rows] == [
        ("Moscow", "RUS", 7),
        ("Pyongyang", "PRK", 6),
        ("Asia", "", 1),  # listed, not drawn: a continent has no country and no point
        ("Beijing", "CHN", 1),
        ("Brussels", "BEL", 1),
    ]
    links = {m["place"]: m["href"] for m in _marks(page)}
    assert {name: unescape(href) for href, name, _, _ in rows if name != "Asia"} == links


def test_each_mark_opens_exactly_the_events_it_counts(client):
    for mark in _marks(client.get("/map", params={"since": "2000-06-01"}).text):
        assert parse_qs(urlsplit(mark["href"]).query) == {
            "since": ["2000-06-01"],
            "place": [mark["place"]],
        }
        listed = _listed(client, mark["href"])
        assert len(listed) == mark["events"] > 0
        assert {e["location_name"] for e in listed} == {mark["place"]}
        page = client.get(mark["href"])
        assert page.status_code == 200
        assert page.text.count('class="event-link"') == mark["events"]


def test_a_filter_changes_the_marks(client):
    putin = _marks(client.get("/map", params={"actor": "Putin"}).text)
    assert {m["place"]: m["events"] for m in putin} == {"Pyongyang": 4}
    august = _marks(client.get("/map", params={"since": "2000-08-01"}).text)
    assert {m["place"]: m["events"] for m in august} == {"Moscow": 5, "Pyongyang": 2}
    for mark in august:
        assert len(_listed(client, mark["href"])) == mark["events"]


def test_the_map_is_zoomed_to_the_places(client):
    page = client.get("/map", params={"actor": "Putin"}).text
    west, south, east, north = _extent(page)
    lon, lat = PYONGYANG
    assert west < lon < east and south < lat < north
    assert east - west < 40 and north - south < 25  # a region, not the world
    (mark,) = _marks(page)
    width, height = map(
        float, re.search(r'<svg [^>]*viewBox="0 0 ([\d.]+) ([\d.]+)"', page).groups()
    )
    assert mark["x"] == pytest.approx(width / 2, abs=1) and mark["y"] == pytest.approx(
        height / 2, abs=1
    )  # a lone place in the middle
    svg = _svg(page)
    assert "<title>North Korea</title>" in svg and "<title>South Korea</title>" in svg
    assert "<title>Brazil</title>" not in svg  # out of view, not drawn
    whole = _extent(client.get("/map").text)  # Brussels to Pyongyang
    assert whole[0] < 4.35 and whole[2] > 125.75 and whole[2] - whole[0] < 200


def test_no_event_shows_the_world_and_says_so(client):
    response = client.get("/map", params={"actor": "Nobody at all"})
    assert response.status_code == 200
    assert _marks(response.text) == []
    assert 'id="no-places">No event passes these filters.' in response.text
    assert "the whole world is shown" in response.text
    assert _extent(response.text) == (-180.0, -58.0, 180.0, 84.0)
    assert "<title>Brazil</title>" in response.text  # the world is drawn


def test_events_without_a_place_are_said_not_drawn(client):
    # Mamedov's three events: he "had met in Moscow" Pak; "Mamedov and Pak had
    # discussed ..." and "Sherman and her delegation met with Georgy Mamedov" name no place
    response = client.get("/map", params={"actor": "Mamedov"})
    assert {m["place"]: m["events"] for m in _marks(response.text)} == {"Moscow": 1}
    count = re.sub(r"\s+", " ", response.text.split('id="map-count">')[1].split("</p>")[0])
    assert count.startswith("3 events pass these filters")
    assert "1 at 1 place on the map, 2 naming no place." in count
    # the hostile article's "Russia criticized the United States": one event, no place
    none = client.get("/map", params={"text": "criticized"})
    assert "1 event passes these filters" in none.text
    assert _marks(none.text) == [] and "None of these events names a place." in none.text
    assert "the whole world is shown" in none.text


def test_a_bad_filter_is_refused_and_keeps_the_form(client):
    response = client.get("/map", params={"since": "June", "actor": "Putin"})
    assert response.status_code == 400
    assert "since must be a date, YYYY-MM-DD, not &#39;June&#39;" in response.text
    assert 'name="since" value="June"' in response.text
    assert 'name="actor" value="Putin"' in response.text
    assert _marks(response.text) == []


def test_the_place_filter_of_the_events_list(client):
    moscow = _listed(client, "/events?place=moscow")  # any case
    assert len(moscow) == ALL_PLACES["Moscow"]
    assert {e["location_name"] for e in moscow} == {"Moscow"}
    both = _listed(client, "/events?place=Moscow&place=Beijing")  # either
    assert len(both) == ALL_PLACES["Moscow"] + ALL_PLACES["Beijing"]
    page = client.get("/events", params={"place": "Mosco"})
    assert page.status_code == 200 and page.text.count('class="event-link"') == 0
    assert "no event took place in &#39;Mosco&#39;; did you mean &#39;Moscow&#39;?" in page.text


def test_the_map_alone_is_an_svg_file_with_the_same_marks(client):
    page = client.get("/map", params={"since": "2000-08-01"}).text
    link = re.search(r'<a href="([^"]+)" class="export-svg">SVG</a>', page)
    assert link and unescape(link.group(1)) == "/map.svg?since=2000-08-01"
    response = client.get(unescape(link.group(1)))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    root = ElementTree.fromstring(response.text)  # well-formed XML, standalone
    svg = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{svg}svg"
    marks = {
        a.get("data-place"): (int(a.get("data-events")), a.get("href"))
        for a in root.iter(f"{svg}a")
        if a.get("class") == "mark"
    }
    assert marks == {m["place"]: (m["events"], m["href"]) for m in _marks(page)}
    assert {k: v[0] for k, v in marks.items()} == {"Moscow": 5, "Pyongyang": 2}
    land = root.find(f"{svg}g[@class='land']")
    assert land is not None and len(land) > 10
    assert all(path.get("fill") for path in land)  # coloured without the stylesheet
    bad = client.get("/map.svg", params={"goldstein_min": "99"})
    assert bad.status_code == 422 and "goldstein_min must be a number" in bad.text


def test_a_place_link_keeps_the_filters_and_replaces_a_place():
    typed = {"actor": ["Putin"], "place": ["Moscow"], "root": ["04", "19"]}
    assert parse_qs(urlsplit(place_link(typed, "Pyongyang & co")).query) == {
        "actor": ["Putin"],
        "root": ["04", "19"],
        "place": ["Pyongyang & co"],
    }


def test_places_differing_in_case_are_one_place_with_coordinates():
    rows = [
        ("moscow", "Moscow", "RUS", 55.75, 37.62, 3),
        ("moscow", "MOSCOW", None, None, None, 5),
        ("camp david", "Camp David", "USA", None, None, 2),
    ]
    assert _merged(rows) == [
        {"name": "Moscow", "country": "RUS", "lat": 55.75, "lon": 37.62, "events": 8},
        {"name": "Camp David", "country": "USA", "lat": None, "lon": None, "events": 2},
    ]


# --- the geometry ---------------------------------------------------------------------


def test_a_lone_place_is_shown_in_its_region_at_the_middle():
    projection = mapping.frame([PYONGYANG])
    extent = projection.extent
    assert extent.north - extent.south >= mapping.MIN_SPAN
    assert extent.east - extent.west >= mapping.MIN_SPAN
    x, y = projection.xy(*PYONGYANG)
    assert (x, y) == pytest.approx((projection.width / 2, projection.height / 2), abs=0.2)
    assert mapping.MIN_HEIGHT - 0.1 <= projection.height <= mapping.MAX_HEIGHT + 0.1


def test_the_corners_of_the_extent_are_the_corners_of_the_map():
    projection = mapping.frame([(10.0, 40.0), (30.0, 50.0)])
    extent = projection.extent
    assert projection.xy(extent.west, extent.north) == pytest.approx((0, 0))
    assert projection.xy(extent.east, extent.south) == pytest.approx(
        (projection.width, projection.height), abs=0.1
    )


def test_shapes_keep_their_proportions_at_the_middle_latitude():
    projection = mapping.frame([(120.0, 30.0), (130.0, 46.0)])  # middle latitude 38°
    assert projection.parallel == pytest.approx(38.0)
    x0, y0 = projection.xy(125.0, 38.0)
    x1, y1 = projection.xy(126.0, 37.0)
    # a degree of longitude is cos(38°) of a degree of latitude there, on the ground too
    assert (x1 - x0) / (y1 - y0) == pytest.approx(math.cos(math.radians(38.0)))


def test_every_place_is_inside_the_map_with_a_margin():
    places = [(-77.04, 38.9), (37.62, 55.75), (151.2, -33.87), (-118.35, 33.92)]
    projection = mapping.frame(places)
    for lon, lat in places:
        x, y = projection.xy(lon, lat)
        assert 0 < x < projection.width and 0 < y < projection.height


def test_the_view_stays_inside_the_world_near_its_edges():
    projection = mapping.frame([(179.0, -17.0)])  # Fiji, by the antimeridian
    assert projection.extent.east == pytest.approx(180.0)
    assert projection.extent.west < 179.0
    x, _ = projection.xy(179.0, -17.0)
    assert x < projection.width
    polar = mapping.frame([(15.6, 78.2)]).extent  # Svalbard
    assert polar.north <= 90.0 and polar.south < 78.2


def test_no_place_gives_the_world():
    projection = mapping.frame([])
    assert projection.extent == mapping.WORLD
    assert projection.width == mapping.MAP_WIDTH


def test_mark_areas_are_proportional_to_events():
    assert mapping.mark_radius(8, 8) == mapping.MAX_RADIUS
    assert mapping.mark_radius(2, 8) == mapping.MAX_RADIUS / 2  # a quarter of the area
    assert mapping.mark_radius(1, 1000) == mapping.MIN_RADIUS
    assert mapping.mark_radius(0, 8) == 0.0


def test_a_ring_becomes_a_closed_path_and_a_speck_nothing():
    projection = mapping.Projection(mapping.Extent(0.0, 0.0, 10.0, 10.0), 100.0, 100.0)
    # with a standard parallel of 5°, x shrinks by cos(5°)
    square = [(1.0, 1.0), (1.0, 9.0), (9.0, 9.0), (9.0, 1.0)]
    k = math.cos(math.radians(5.0)) * 10
    assert mapping.ring_path(square, projection) == (
        f"M{k:.1f} 90.0L{k:.1f} 10.0L{9 * k:.1f} 10.0L{9 * k:.1f} 90.0Z"
    )
    speck = [(5.0, 5.0), (5.01, 5.0), (5.01, 5.01)]  # under MIN_STEP apart
    assert mapping.ring_path(speck, projection) == ""


def test_only_countries_in_view_are_drawn_and_visited_ones_marked():
    projection = mapping.frame([PYONGYANG])
    drawn = {c["name"]: c for c in mapping.country_shapes(projection, visited={"PRK"})}
    assert drawn["North Korea"]["visited"] and not drawn["South Korea"]["visited"]
    assert "Japan" in drawn and "Brazil" not in drawn and "France" not in drawn


def _inside(point: tuple[float, float], ring: tuple[tuple[float, float], ...]) -> bool:
    """Ray casting: whether the point is inside the ring."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_the_shipped_boundaries_are_small_whole_and_in_place():
    size = mapping.DATA.stat().st_size
    assert 50_000 < size < 300_000
    data = json.loads(mapping.DATA.read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"] and "public domain" in data["licence"]
    shapes = mapping.countries()
    assert len(shapes) == len(data["countries"]) == 177
    by_name = {c.name: c for c in shapes}
    for country in shapes:
        for ring in country.rings:
            assert len(ring) >= 3
            assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in ring)
    # places fall in their own country: the data and the marks share one frame
    for name, point in [
        ("North Korea", PYONGYANG),
        ("Russia", (37.62, 55.75)),
        ("Belgium", (4.35, 50.85)),
        ("Ukraine", (34.1, 44.95)),  # Crimea (Simferopol), as geopandas ships it
        ("Brazil", (-47.9, -15.8)),
    ]:
        assert any(_inside(point, ring) for ring in by_name[name].rings), name
    assert not any(_inside((34.1, 44.95), ring) for ring in by_name["Russia"].rings)


def _mark(name: str, x: float, y: float, r: float) -> dict:
    return {"name": name, "x": x, "y": y, "r": r}


def test_names_go_beside_their_marks_and_never_over_another():
    drawn = [
        _mark("Moscow", 100, 100, 20),  # its name: x 123 to 165
        _mark("Kaluga", 195, 100, 8),  # its circle: x 187 to 203
        _mark("Tula", 175, 100, 5),
        _mark("Far", 940, 300, 5),
    ]
    found = {label["text"]: label for label in mapping.labels(drawn, 960)}
    assert found["Moscow"]["anchor"] == "start" and found["Moscow"]["x"] == 123
    assert found["Kaluga"]["anchor"] == "start" and found["Kaluga"]["x"] == 206
    # right of Tula is Kaluga's circle, left of it Moscow's name: no room either side
    assert "Tula" not in found
    assert found["Far"]["anchor"] == "end" and found["Far"]["x"] == 932  # at the right edge
    assert mapping.labels([_mark(f"P{n}", 10 + 80 * n, 50, 4) for n in range(20)], 2000) == [
        {"x": 17.0 + 80 * n, "y": 54.0, "anchor": "start", "text": f"P{n}"}
        for n in range(mapping.MAX_LABELS)
    ]


def test_the_busiest_places_are_named_on_the_map(client):
    names = re.findall(r'class="place-name">([^<]+)</text>', client.get("/map").text)
    assert set(names) <= set(ALL_PLACES) and {"Moscow", "Pyongyang"} <= set(names)
