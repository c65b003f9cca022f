"""The map's geometry: a projection framing the events' places, country boundaries as
SVG paths, and one mark per place sized by its events. Plain numbers and strings that
`templates/map.html` draws as inline SVG, so the page needs no script and no tiles.

The projection is equirectangular with its standard parallel at the middle of the view:
x = (lon - west) · cos φ0 and y = (north - lat), scaled to the map's width. Why this one:
- the data are longitudes and latitudes, and the map is nearly always zoomed to a
  region (a story is about one); a linear projection frames any extent with a plain
  rectangle, zooms by a scale alone, and projects a point with one multiply-add;
- with φ0 at the view's middle latitude, shapes keep their proportions where the
  events are (Korea at 38°N is not stretched sideways by a quarter, as a plain
  longitude/latitude grid would stretch it); at world scale φ0 is near 0, the
  familiar plate carrée;
- Mercator swells high latitudes (Russia, Canada) and never reaches the poles, and
  the equal-area or conformal world projections bend a zoomed rectangle into a curve
  and need trigonometry per point, for no gain on a regional map.

The boundaries are Natural Earth's 1:110m countries (public domain), converted once by
`scripts/build_map_data.py` into `data/countries-110m.json` (see `data/README.md`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data" / "countries-110m.json"
MAP_WIDTH = 960  # SVG units
MIN_HEIGHT, MAX_HEIGHT = 320, 540  # SVG units: the view is widened or heightened to fit
MIN_SPAN = 16.0  # degrees: the least extent shown around the places (one city: its region)
MARGIN = 0.2  # of the places' span, added on each side
MAX_PARALLEL = 70.0  # degrees: the standard parallel is kept between ±this
MIN_STEP = 0.6  # SVG units: closer successive boundary points are dropped
MAX_RADIUS, MIN_RADIUS = 22.0, 4.0  # SVG units: the busiest place's mark, the smallest's
MAX_LABELS = 12  # places named on the map, busiest first; the table names them all
LABEL_SIZE = 12  # SVG units: the font size of a place's name
CHAR_WIDTH = 7.0  # SVG units per character of a name, a generous estimate

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom


@dataclass(frozen=True)
class Extent:
    """A rectangle of longitudes and latitudes, in degrees."""

    west: float
    south: float
    east: float
    north: float

    def overlaps(self, other: Extent) -> bool:
        return not (
            other.east < self.west
            or other.west > self.east
            or other.north < self.south
            or other.south > self.north
        )


WORLD = Extent(-180.0, -58.0, 180.0, 84.0)  # no Antarctica: no story takes place there


@dataclass(frozen=True)
class Projection:
    """Equirectangular over `extent`, its standard parallel at the extent's middle,
    scaled so the extent fills `width` × `height` SVG units (y grows downwards)."""

    extent: Extent
    width: float
    height: float

    @property
    def parallel(self) -> float:
        middle = (self.extent.south + self.extent.north) / 2
        return max(-MAX_PARALLEL, min(MAX_PARALLEL, middle))

    @property
    def scale(self) -> float:
        """SVG units per degree of latitude."""
        return self.height / (self.extent.north - self.extent.south)

    @cached_property
    def factors(self) -> tuple[float, float]:
        """SVG units per degree of longitude and of latitude."""
        return math.cos(math.radians(self.parallel)) * self.scale, self.scale

    def xy(self, lon: float, lat: float) -> Point:
        kx, ky = self.factors
        return (lon - self.extent.west) * kx, (self.extent.north - lat) * ky


def frame(points: Sequence[Point], width: float = MAP_WIDTH) -> Projection:
    """The projection that shows every point (lon, lat) with a margin around them: at
    least MIN_SPAN degrees each way, MARGIN of their span on each side, widened or
    heightened so the map is between MIN_HEIGHT and MAX_HEIGHT tall, kept inside the
    world. No points: the world."""
    if not points:
        return _fitted(WORLD, width)
    lons = [p[0] for p in points]
    lats = [p[1] for p in points]
    lon_span = max((max(lons) - min(lons)) * (1 + 2 * MARGIN), MIN_SPAN)
    lat_span = max((max(lats) - min(lats)) * (1 + 2 * MARGIN), MIN_SPAN)
    middle_lon = (max(lons) + min(lons)) / 2
    middle_lat = (max(lats) + min(lats)) / 2
    cos = math.cos(math.radians(max(-MAX_PARALLEL, min(MAX_PARALLEL, middle_lat))))
    tall = width * lat_span / (lon_span * cos)  # the height the spans would make
    if tall < MIN_HEIGHT:
        lat_span = MIN_HEIGHT / width * lon_span * cos
    elif tall > MAX_HEIGHT:
        lon_span = lat_span * width / (MAX_HEIGHT * cos)
    west, east = _window(middle_lon, min(lon_span, 360.0), -180.0, 180.0)
    south, north = _window(middle_lat, min(lat_span, 180.0), -90.0, 90.0)
    return _fitted(Extent(west, south, east, north), width)


def _window(middle: float, span: float, low: float, high: float) -> tuple[float, float]:
    """`span` degrees around `middle`, shifted to stay within [low, high]."""
    start = min(max(middle - span / 2, low), high - span)
    return start, start + span


def _fitted(extent: Extent, width: float) -> Projection:
    """The projection of `extent` at `width`, as tall as the extent makes it."""
    middle = max(-MAX_PARALLEL, min(MAX_PARALLEL, (extent.south + extent.north) / 2))
    cos = math.cos(math.radians(middle))
    height = width * (extent.north - extent.south) / ((extent.east - extent.west) * cos)
    return Projection(extent, width, round(height, 1))


@dataclass(frozen=True)
class Country:
    iso_a3: str
    name: str
    rings: tuple[tuple[Point, ...], ...]
    bounds: tuple[Extent, ...]  # each ring's


@cache
def countries(path: Path = DATA) -> tuple[Country, ...]:
    """The country boundaries the project ships, read once."""
    data = json.loads(path.read_text(encoding="utf-8"))
    scale = float(data["scale"])
    found = []
    for country in data["countries"]:
        rings = tuple(
            tuple(zip((v / scale for v in r[0::2]), (v / scale for v in r[1::2]), strict=True))
            for r in country["rings"]
        )
        found.append(Country(country["iso_a3"], country["name"], rings, tuple(map(_bounds, rings))))
    return tuple(found)


def _bounds(ring: Sequence[Point]) -> Extent:
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return Extent(min(lons), min(lats), max(lons), max(lats))


def ring_path(ring: Iterable[Point], projection: Projection) -> str:
    """One closed ring as SVG path data ("M x y L x y ... Z"), points closer than
    MIN_STEP to the last one kept left out; empty when fewer than 3 points are left."""
    (kx, ky), west, north = projection.factors, projection.extent.west, projection.extent.north
    kept: list[Point] = []
    last_x = last_y = math.inf
    for lon, lat in ring:
        x, y = (lon - west) * kx, (north - lat) * ky  # projection.xy, inlined: 9,000 points
        if abs(x - last_x) + abs(y - last_y) >= MIN_STEP:
            kept.append((x, y))
            last_x, last_y = x, y
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in kept) + "Z"


def country_shapes(projection: Projection, visited: Iterable[str] = ()) -> list[dict[str, Any]]:
    """Each country with a ring in view: its name, its path, and whether an event took
    place in it (`visited` holds alpha-3 codes). Rings out of view are left out."""
    places = set(visited)
    return [
        {"name": name, "iso_a3": iso_a3, "d": d, "visited": iso_a3 in places}
        for name, iso_a3, d in _paths(projection)
    ]


@lru_cache(maxsize=64)
def _paths(projection: Projection) -> tuple[tuple[str, str, str], ...]:
    """Name, code and path of each country with a ring in view, kept for the next map
    of the same frame (the world's, or a filter asked again)."""
    drawn = []
    for country in countries():
        d = "".join(
            ring_path(ring, projection)
            for ring, bounds in zip(country.rings, country.bounds, strict=True)
            if projection.extent.overlaps(bounds)
        )
        if d:
            drawn.append((country.name, country.iso_a3, d))
    return tuple(drawn)


def mark_radius(count: int, most: int) -> float:
    """A mark's radius: its area proportional to its events, the busiest place's
    MAX_RADIUS, none smaller than MIN_RADIUS (so one event can still be tapped)."""
    if count <= 0 or most <= 0:
        return 0.0
    return round(max(MIN_RADIUS, MAX_RADIUS * math.sqrt(count / most)), 1)


def marks(places: Sequence[dict[str, Any]], projection: Projection) -> list[dict[str, Any]]:
    """The places with coordinates as marks: position, radius, and the place itself;
    the biggest first, so the smaller are drawn over them and stay clickable."""
    located = [p for p in places if p["lat"] is not None and p["lon"] is not None]
    most = max((p["events"] for p in located), default=0)
    drawn = []
    for place in sorted(located, key=lambda p: (-p["events"], p["name"])):
        x, y = projection.xy(place["lon"], place["lat"])
        drawn.append(
            {**place, "x": round(x, 1), "y": round(y, 1), "r": mark_radius(place["events"], most)}
        )
    return drawn


def labels(drawn: Sequence[dict[str, Any]], width: float) -> list[dict[str, Any]]:
    """Names for the busiest marks (at most MAX_LABELS), right of the mark, else left of
    it; a name that would cover another mark or name, or leave the map, is left out
    (the table under the map names every place)."""
    circles = [(m["x"] - m["r"], m["y"] - m["r"], m["x"] + m["r"], m["y"] + m["r"]) for m in drawn]
    placed: list[Box] = []
    found = []
    for number, mark in enumerate(drawn[:MAX_LABELS]):
        others = placed + circles[:number] + circles[number + 1 :]
        wide = len(mark["name"]) * CHAR_WIDTH
        top, bottom = mark["y"] - LABEL_SIZE / 2, mark["y"] + LABEL_SIZE / 2
        for anchor in ("start", "end"):
            gap = mark["r"] + 3
            left = mark["x"] + gap if anchor == "start" else mark["x"] - gap - wide
            box = (left, top, left + wide, bottom)
            if 0 <= left and left + wide <= width and not any(_overlap(box, o) for o in others):
                placed.append(box)
                x = mark["x"] + gap if anchor == "start" else mark["x"] - gap
                found.append(
                    {
                        "x": round(x, 1),
                        "y": round(bottom - 2, 1),
                        "anchor": anchor,
                        "text": mark["name"],
                    }
                )
                break
    return found


def _overlap(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def event_map(places: Sequence[dict[str, Any]], width: float = MAP_WIDTH) -> dict[str, Any]:
    """Everything the template draws: the frame around the places with coordinates
    (the world when none has), the countries in view, and the marks."""
    located = [
        (p["lon"], p["lat"]) for p in places if p["lat"] is not None and p["lon"] is not None
    ]
    projection = frame(located, width)
    visited = {p["country"] for p in places if p["country"]}
    extent = projection.extent
    drawn = marks(places, projection)
    return {
        "width": projection.width,
        "height": projection.height,
        "extent": extent,
        "countries": country_shapes(projection, visited),
        "marks": drawn,
        "labels": labels(drawn, projection.width),
        "world": not located,
    }
