"""Country outlines for offline maps: Natural Earth 1:110m admin-0, shipped as TopoJSON (see data/NOTICE.md).

Examples
--------
>>> rings = outlines()["Armenia"]
>>> len(rings) >= 1 and all(len(r) > 3 for r in rings)
True
>>> lon, lat = zip(*rings[0])
>>> 43 < min(lon) < max(lon) < 47 and 38 < min(lat) < max(lat) < 42
True
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

__all__ = ["outlines", "bbox", "WORLD_FILE", "WORLD_SOURCE"]

WORLD_FILE = "countries-110m.json"
WORLD_SOURCE = "Country outlines: Natural Earth 1:110m admin-0 (public domain), via world-atlas 2.0.2"

Ring = list[tuple[float, float]]


@lru_cache(maxsize=1)
def outlines() -> dict[str, list[Ring]]:
    """Return each country's outer and inner rings as lists of (lon, lat), by Natural Earth name."""
    text = resources.files(__package__).joinpath("data", WORLD_FILE).read_text(encoding="utf-8")
    topo = json.loads(text)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:  # delta-encoded, quantized positions
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 4), round(y * sy + ty, 4)))
        arcs.append(points)

    def ring(indices: list[int]) -> Ring:
        out: Ring = []
        for k in indices:
            pts = arcs[k] if k >= 0 else arcs[~k][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    countries: dict[str, list[Ring]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        name = geom.get("properties", {}).get("name")
        if not name:
            continue
        polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]] if geom["type"] == "Polygon" else []
        countries[name] = [ring(r) for poly in polys for r in poly]
    return countries


def bbox(name: str) -> tuple[float, float, float, float] | None:
    """(lon_min, lat_min, lon_max, lat_max) of a country, or None if unknown."""
    rings = outlines().get(name)
    if not rings:
        return None
    lons = [p[0] for r in rings for p in r]
    lats = [p[1] for r in rings for p in r]
    return min(lons), min(lats), max(lons), max(lats)
