"""Sentence and quotation spans."""

from conflictlab.extract.sentences import quoted_spans, split_sentences


def _sentences(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "On Feb. 13, Gen. A. Smith of the U.S. Army said so. Then he left!  Why? Nobody knows."
    assert _sentences(text) == ["On Feb. 13, Gen. A. Smith of the U.S. Army said so.", "Then he left!", "Why?",
                                "Nobody knows."]


def test_closing_quotes_stay_with_their_sentence_and_lines_end_sentences():
    text = "“It was destroyed,” it said. “We will respond.”\nHeading without a stop\nNext one."
    assert _sentences(text) == ["“It was destroyed,” it said.", "“We will respond.”", "Heading without a stop",
                                "Next one."]


def test_a_lower_case_word_after_a_stop_continues_the_sentence():
    assert _sentences("Roughly 250 mi. north of the border. Fire was opened.") == [
        "Roughly 250 mi. north of the border.", "Fire was opened."]


def test_every_casebook_quote_is_one_sentence(quotes):
    for quote in quotes.values():
        assert _sentences(quote) == [quote]


def test_quoted_spans_curly_straight_and_left_open():
    text = 'He called it a “provocation” and "a lie".\n“An open quote'
    spans = [text[a:b] for a, b in quoted_spans(text)]
    assert spans == ["“provocation”", '"a lie"', "“An open quote"]
