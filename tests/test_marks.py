"""Quote-mark pairing on the text alone (no model needed)."""
from __future__ import annotations

from sayso.extractors.marks import find_regions


def _inner(text):
    return [text[r.inner_start : r.inner_end] for r in find_regions(text)]


def test_curly_pairs():
    assert _inner("“One,” he said. “Two.”") == ["One,", "Two."]


def test_straight_pairs():
    assert _inner('"One," he said. "Two."') == ["One,", "Two."]


def test_multi_paragraph_quote_spans_paragraphs():
    text = "He said: “First part.\n\n“Second part.”"
    regions = find_regions(text)
    assert len(regions) == 1 and regions[0].paragraphs == 2
    assert text[regions[0].inner_start : regions[0].inner_end] == "First part.\n\n“Second part."


def test_unclosed_quote_ends_with_its_paragraph():
    text = "“Unclosed here.\n\nNext paragraph is narration."
    assert _inner(text) == ["Unclosed here."]
    assert find_regions(text)[0].closed is False


def test_odd_number_of_marks_never_raises():
    assert _inner('He said "yes and "no') == ["yes and"]


def test_apostrophes_are_not_quotes():
    assert _inner("The players’ union said it’s over.") == []


def test_single_marks_quote_as_the_british_press_writes():
    text = "Harper said: 'We will not be held to ransom.'\n\n‘I’ve had enough,’ said Sarah Collins. ‘Nobody listens.’"
    assert _inner(text) == ["We will not be held to ransom.", "I’ve had enough,", "Nobody listens."]


def test_apostrophes_are_no_quotation_marks():
    text = "The workers' union didn't agree in the '90s, and rock 'n' roll is Sarah's."
    assert _inner(text) == []


def test_single_marks_inside_double_ones_stay_inside():
    text = "\"It's 'fine',\" he said. Lynch called it 'a fantasy world of their own'."
    assert _inner(text) == ["It's 'fine',", "a fantasy world of their own"]


def test_a_word_or_two_in_single_marks_is_a_term_not_a_quotation():
    text = ("Badges saying 'volunteer' or 'staff' filled the city, Putin called it 'a threat'. 'No,' he said. "
            "Under the headline 'All Bets Are Off.' the paper ran 'Legend in the Coal Fields' too.")
    assert _inner(text) == ["No,"]  # (nor is a title in single marks a quotation)


def test_a_single_marked_quotation_goes_on_in_a_paragraph_that_opens_with_one():
    text = "He said: 'The first paragraph goes on\n\n'and the second ends here.' Then more."
    regions = find_regions(text)
    assert len(regions) == 1 and regions[0].paragraphs == 2
    assert text[regions[0].inner_start : regions[0].inner_end] == "The first paragraph goes on\n\n'and the second ends here."


def test_two_straight_single_marks_are_one_double_mark():
    # the older newspaper archives' way of typing a double mark (New York Times copy)
    text = ("''The sooner he releases them, the better,'' Mr. Goldberg said. He called it ''smart''.\n\n"
            "''It goes on\n\n''over two paragraphs.'' The workers' union didn't agree.")
    regions = find_regions(text)
    assert _inner(text) == ["The sooner he releases them, the better,", "smart",
                            "It goes on\n\n''over two paragraphs."]
    assert [text[r.start : r.end][:2] + text[r.start : r.end][-2:] for r in regions] == ["''''"] * 3
    assert regions[2].paragraphs == 2
