"""Regenerate the country boundaries that the web's /map page draws.

    .venv/bin/python -m pip install -e '.[mapdata]'   # geopandas 0.14.4 (its data) and pyshp
    .venv/bin/python scripts/build_map_data.py [SHAPEFILE]

or, leaving the venv as it is (only files of geopandas are read, so its own dependencies
are not needed):

    .venv/bin/python -m pip install --no-deps --target /tmp/mapdata geopandas==0.14.4 pyshp
    PYTHONPATH=/tmp/mapdata .venv/bin/python scripts/build_map_data.py

Reads Natural Earth's 1:110m admin-0 countries as the last geopandas releases before 1.0
ship them (`geopandas/datasets/naturalearth_lowres/`, Natural Earth 5.1 with Crimea in
Ukraine and some ISO codes corrected; geopandas 1.0 dropped the datasets) and writes
`src/dossier/web/data/countries-110m.json`, which the app reads at run time. The
package is only opened as files (never imported), so its own dependencies need not
work; SHAPEFILE names another copy of the same file.

What the conversion does, so the file stays small (about 100 KB):
- every ring is simplified (Douglas-Peucker, TOLERANCE degrees) and its coordinates
  rounded to 1/SCALE of a degree, stored as integers (lon, lat, lon, lat, ...);
- rings that shrink to fewer than 3 distinct points (tiny islands) are dropped;
- each country keeps its ISO 3166-1 alpha-3 code (the `iso_a3` field, "-99" when
  Natural Earth has none) and its name.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src/dossier/web/data/countries-110m.json"
TOLERANCE = 0.05  # degrees a simplified ring may stray from the original
SCALE = 20  # coordinates kept to 1/20 of a degree (about 5.5 km at the equator)
SOURCE = "Natural Earth 1:110m Cultural Vectors, Admin 0 - Countries, version 5.1"
PACKAGE = "geopandas 0.14.4 (geopandas/datasets/naturalearth_lowres)"

Point = tuple[float, float]


def packaged_shapefile() -> Path:
    """The shapefile inside the installed geopandas, found without importing it."""
    spec = importlib.util.find_spec("geopandas")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(
            "geopandas is not installed: `pip install -e '.[mapdata]'`, or name the"
            " naturalearth_lowres.shp file to read"
        )
    folder = Path(next(iter(spec.submodule_search_locations)))
    path = folder / "datasets/naturalearth_lowres/naturalearth_lowres.shp"
    if not path.exists():
        raise SystemExit(f"{path} is missing: geopandas 1.0 and later no longer ship it")
    return path


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker: the fewest points that keep the line within `tolerance`."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        far, distance = first, 0.0
        for index in range(first + 1, last):
            off = _distance(points[index], points[first], points[last])
            if off > distance:
                far, distance = index, off
        if distance > tolerance:
            keep[far] = True
            stack += [(first, far), (far, last)]
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def _distance(point: Point, start: Point, end: Point) -> float:
    """How far `point` is from the segment start-end."""
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return ((x - x1 - t * dx) ** 2 + (y - y1 - t * dy) ** 2) ** 0.5


def compact_ring(points: list[Point]) -> list[int] | None:
    """The ring simplified and rounded, as flat integers; None when too little is left."""
    rounded: list[tuple[int, int]] = []
    for lon, lat in simplify(points, TOLERANCE):
        here = (round(lon * SCALE), round(lat * SCALE))
        if not rounded or rounded[-1] != here:
            rounded.append(here)
    if len(rounded) > 1 and rounded[0] == rounded[-1]:
        rounded.pop()  # the path closes itself
    if len(set(rounded)) < 3:
        return None
    return [value for point in rounded for value in point]


def countries(path: Path) -> list[dict[str, object]]:
    import shapefile  # pyshp, from the mapdata extra

    reader = shapefile.Reader(str(path.with_suffix("")))
    found = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        bounds = [*shape.parts, len(shape.points)]
        rings = [
            compact_ring([tuple(p) for p in shape.points[start:end]])
            for start, end in zip(bounds, bounds[1:], strict=False)
        ]
        kept = [ring for ring in rings if ring]
        if kept:
            found.append({"iso_a3": record["iso_a3"], "name": record["name"], "rings": kept})
    return sorted(found, key=lambda c: str(c["name"]))


def main(argv: list[str]) -> None:
    path = Path(argv[0]) if argv else packaged_shapefile()
    data = {
        "source": SOURCE,
        "from": PACKAGE,
        "licence": "public domain (Natural Earth, naturalearthdata.com)",
        "scale": SCALE,
        "tolerance": TOLERANCE,
        "countries": countries(path),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    OUT.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) // 2 for c in data["countries"] for r in c["rings"])
    print(f"{OUT}: {len(data['countries'])} countries, {points} points, {len(text):,} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
