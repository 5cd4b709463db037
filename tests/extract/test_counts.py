"""Counts of people killed, injured, captured or missing: numbers, words, vague quantities, parties, spans."""

import pytest

from conflictlab.extract.counts import quantity_value
from conflictlab.model.quantities import VAGUE_QUANTITIES, read_count


def _counts(c):
    return [(r.field, None if r.party != r.party else r.party, r.value, r.evidence)
            for r in c[c["field"].isin(["killed", "injured", "captured", "missing"])].itertuples()]


@pytest.mark.parametrize(("text", "expected"), [
    ("Four of its soldiers were killed—and several others injured.",
     [("killed", None, "4", "Four of its soldiers were killed"),
      ("injured", None, "several", "several others injured")]),
    ("At least 250 civilians were killed.", [("killed", None, "at least 250", "At least 250 civilians were killed")]),
    ("More than 20 Armenian soldiers went missing.",
     [("missing", "armenia", "more than 20", "More than 20 Armenian soldiers went missing")]),
    ("Dozens of people were wounded.", [("injured", None, "dozens", "Dozens of people were wounded")]),
    ("A few servicemen were taken prisoner.", [("captured", None, "a few", "A few servicemen were taken prisoner")]),
    ("Twenty-three Azerbaijani troops died.", [("killed", "azerbaijan", "23", "Twenty-three Azerbaijani troops died")]),
    ("About 1,200 people were hurt.", [("injured", None, "about 1200", "About 1,200 people were hurt")]),
    ("Three to five soldiers were injured.", [("injured", None, "3-5", "Three to five soldiers were injured")]),
    ("The shelling injured an Azerbaijani soldier.",
     [("injured", "azerbaijan", "1", "injured an Azerbaijani soldier")]),
    ("The attack killed 2 and wounded 5 people.", [("injured", None, "5", "wounded 5 people")]),
    ("No one was hurt.", [("injured", None, "0", "No one was hurt")]),
    ("Two Armenian soldiers were killed and several more were wounded.",
     [("killed", "armenia", "2", "Two Armenian soldiers were killed"),
      ("injured", "armenia", "several", "several more were wounded")]),
    ("It condemned the injury of an Azerbaijani serviceman.",
     [("injured", "azerbaijan", "1", "injury of an Azerbaijani serviceman")]),
    ("They murdered the 4 Armenian troops.", [("killed", "armenia", "4", "murdered the 4 Armenian troops")]),
    ("Four were killed and one injured by fire on Armenian positions from Azerbaijani troops.",
     [("killed", "armenia", "4", "Four were killed"), ("injured", "armenia", "1", "one injured")]),  # the target's
])
def test_counts_and_their_spans(propose, text, expected):
    c = propose(text)
    assert _counts(c) == expected
    for r in c.itertuples():
        assert text[r.start:r.end] == r.evidence


@pytest.mark.parametrize("text", ["The post lies roughly 250 miles north of the border.",
                                  "The 24-hour offensive led tens of thousands to flee.",
                                  "The attack killed 3 hours after midnight.",
                                  "Several months of calm followed."])
def test_numbers_that_are_not_casualty_counts_are_not_proposed(propose, text):
    assert _counts(propose(text)) == []


def test_possessive_and_others_take_the_speakers_party(propose, quotes):
    c = propose(quotes["am-mod-casualties"])
    assert _counts(c) == [("killed", "armenia", "4", "four of its soldiers were killed"),
                          ("injured", "armenia", "several", "several others injured")]


def test_every_vague_word_of_the_model_is_read_and_kept_as_written(propose):
    for word, (low, high, _) in VAGUE_QUANTITIES.items():
        if word in ("some", "casualties"):  # "some" is read as a bound ("some 20"); "casualties" is not a count word
            continue
        c = propose(f"{word.capitalize()} soldiers were killed.")
        assert c["value"].tolist() == [word], word
        assert read_count(c["value"].iloc[0])[:2] == (low, high)


def test_quantity_values_are_readable_by_the_model():
    assert quantity_value("at least four") == "at least 4"
    assert quantity_value("over 1,000") == "over 1000"
    assert quantity_value("a dozen") == "a dozen"
    assert quantity_value("umpteen") is None


@pytest.mark.parametrize(("text", "expected"), [
    ("For the moment, the number of dead is 135.", [("killed", None, "135", "the number of dead is 135")]),
    ("The number of wounded has now reached 293.",
     [("injured", None, "293", "The number of wounded has now reached 293")]),
    ("The death toll has risen to 49.", [("killed", None, "49", "death toll has risen to 49")]),
    ("The number of dead and missing reaches 207.", []),  # two fields at once: not one count
])
def test_tolls(propose, text, expected):
    assert _counts(propose(text)) == expected
