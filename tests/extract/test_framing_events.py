"""Characterizations and blame; occurred (denials, confirmations, attacks), perpetrator, target, verification."""

import pytest


def _rows(c, *fields):
    d = c[c["field"].isin(fields)]
    return [(r.field, r.value, None if r.blame != r.blame else r.blame) for r in d.itertuples()]


@pytest.mark.parametrize(("text", "expected"), [
    ("Azerbaijan described it as a “retaliatory operation” in response to fire by Armenian forces.",
     [("characterization", "retaliatory operation", "armenia")]),
    ("Edmon Marukyan accused Azerbaijan of “continuing its unprovoked illegal aggression against Armenia.”",
     [("characterization", "unprovoked illegal aggression", "azerbaijan")]),
    ("Further “provocations” by Armenia would be met with “decisive measures,” it stated.",
     [("characterization", "provocation", "armenia")]),
    ("Armenia’s foreign ministry accused Azerbaijan of “looking for pretexts to escalate” to derail talks.",
     [("characterization", "looking for pretexts to escalate", "azerbaijan")]),
    ("The ministry called it an act of terrorism.", [("characterization", "act of terrorism", None)]),
    ("It calls on the Armenian side to refrain from military escalations.",
     [("characterization", "military escalation", "armenia")]),
    ("Armenia’s defence ministry called the strike an act of aggression.",
     [("characterization", "act of aggression", "azerbaijan")]),  # the other party than the speaker's
])
def test_characterizations_and_blame(propose, text, expected):
    assert _rows(propose(text), "characterization") == expected


def test_without_parties_no_party_perpetrator_target_or_blame_is_proposed(propose):
    text = ("Azerbaijani forces opened fire on Armenian positions, killing two Armenian soldiers, it called a "
            "provocation.")
    c = propose(text, parties=None)
    assert not c["field"].isin(["perpetrator", "target"]).any()
    assert c["party"].isna().all() and c["blame"].isna().all()
    assert set(c["field"]) == {"occurred", "killed", "characterization"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Armenia has denied Azerbaijan’s assertions.", [("occurred", "false", "Armenia has denied")]),
    ("The ministry rejected the claims as false.", [("occurred", "false", "The ministry rejected")]),
    ("Azerbaijan has since confirmed the incident.", [("occurred", "true", "confirmed the incident")]),
    ("Armenian forces opened fire on Azerbaijani positions.", [("occurred", "true", "opened fire")]),
    ("Armenian forces did not open fire.", []),
    ("Such a situation did not occur in this area.", [("occurred", "false", "did not occur")]),
    ("The claim that our units fired does not correspond to reality.",
     [("occurred", "false", "does not correspond to reality")]),
    ("Gunfire erupted from the Armenian side.", [("occurred", "true", "Gunfire")]),
])
def test_occurred(propose, text, expected):
    c = propose(text)
    d = c[c["field"] == "occurred"]
    assert list(zip(d["field"], d["value"], d["evidence"], strict=True)) == expected


def test_perpetrator_and_target(propose, quotes):
    c = propose(quotes["az-mod-tovuz"])
    assert _rows(c, "perpetrator", "target") == [("perpetrator", "armenia", None), ("target", "azerbaijan", None)]
    c = propose(quotes["am-mod-casualties"])  # "their border post came under fire by Azerbaijani forces"
    assert _rows(c, "perpetrator", "target") == [("target", "armenia", None), ("perpetrator", "azerbaijan", None)]
    c = propose(quotes["az-sbs-fired-upon"])  # "our soldiers were fired upon", said by Azerbaijan's border service
    assert ("target", "azerbaijan", None) in _rows(c, "target")


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunfire erupted from the positions held by the Armenian Armed Forces.", [("perpetrator", "armenia", None)]),
    ("It was committed by the Armenian armed forces.", [("perpetrator", "armenia", None)]),
    ("The Armenian shooting of the Azerbaijani soldier was deplorable.",
     [("perpetrator", "armenia", None), ("target", "azerbaijan", None)]),
    ("A sniper was seen opening fire on our border guard, Azerbaijan’s border service said.",
     [("target", "azerbaijan", None)]),
    ("They subjected the positions of the Azerbaijani Army to small arms fire.", [("target", "azerbaijan", None)]),
])
def test_more_perpetrators_and_targets(propose, text, expected):
    assert _rows(propose(text), "perpetrator", "target") == expected


def test_implied_claims(propose, quotes):
    c = propose(quotes["am-marukyan-aggression"])
    assert c.loc[c["field"] == "cause", ["value", "rule"]].values.tolist() == [["none", "cause-unprovoked"]]
    c = propose(quotes["az-unnamed-confirms"])
    perpetrators = c.loc[c["field"] == "perpetrator", ["value", "rule"]].values.tolist()
    assert ["azerbaijan", "perpetrator-self-framing"] in perpetrators
    assert ["azerbaijan", "target-casualties"] in c.loc[c["field"] == "target", ["value", "rule"]].values.tolist()


def test_verification(propose, quotes):
    c = propose(quotes["epoch-unverified"])
    assert c[["field", "value", "evidence"]].values.tolist() == [
        ["verification", "not independently verified", "unable to independently verify"]]
