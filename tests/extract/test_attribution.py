"""Attribution: who speaks, with which verb, and the party the speaker names."""

import pytest

from conflictlab.extract.attribution import attributions
from conflictlab.extract.parties import PartyMatcher
from conflictlab.extract.sentences import quoted_spans

MATCHER = PartyMatcher({"armenia": ["Armenia", "Armenian"], "azerbaijan": ["Azerbaijan", "Azerbaijani"]})


def _speakers(text):
    return [(a.speaker, a.verb, a.party) for a in attributions(text, 0, len(text), MATCHER, quoted_spans(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("On Feb. 13, Armenia’s defense ministry said four soldiers were killed.",
     [("Armenia’s defense ministry", "said", "armenia")]),
    ("According to Azerbaijan’s defense ministry, Armenian forces opened fire.",
     [("Azerbaijan’s defense ministry", "according to", "azerbaijan")]),
    ("In a post, Edmon Marukyan, ambassador-at-large for Armenia’s foreign ministry, accused Azerbaijan of it.",
     [("Edmon Marukyan, ambassador-at-large for Armenia’s foreign ministry", "accused", "armenia")]),
    ("Armenia has denied Azerbaijan’s assertions.", [("Armenia", "denied", "armenia")]),
    ("Azerbaijan has since confirmed the incident.", [("Azerbaijan", "confirmed", "azerbaijan")]),
    ("The latest flare-up, he told reporters, “does not advance the process.”", [("he", "told", None)]),
    ("“We call on both sides to stop,” Kremlin spokesman Dmitry Peskov said on Feb. 13.",
     [("Kremlin spokesman Dmitry Peskov", "said", None)]),
    ("Azerbaijan’s foreign ministry, meanwhile, called it a blow.",
     [("Azerbaijan’s foreign ministry", "called", "azerbaijan")]),
])
def test_speakers(text, expected):
    assert _speakers(text) == expected


def test_reporting_verbs_inside_quotation_marks_are_not_attributions():
    assert _speakers("“The enemy said it would stop,” the ministry stated.") == [("the ministry", "stated", None)]


def test_passive_and_unrelated_verbs_are_not_attributions():
    assert _speakers("The Epoch Times was unable to independently verify claims made by either side.") == []
    assert _speakers("Four soldiers were reported killed.") == []


def test_pronoun_speaker_takes_the_previous_named_speakers_party(propose):
    text = ("Azerbaijan’s State Border Service said the post was destroyed. "
            "Further “provocations” by Armenia would be met with “decisive measures,” it stated. "
            "It called it an act of aggression.")
    c = propose(text)
    last = c[c["sentence"] == "It called it an act of aggression."].iloc[0]
    assert (last["speaker"], last["verb"], last["speaker_party"]) == ("It", "called", "azerbaijan")
    assert last["blame"] == "armenia"  # the other party than the (resolved) speaker's
