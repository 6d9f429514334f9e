"""Every statement carries the act its cue reports: speech, writing, belief, intention or
unspecified (docs/annotation.md, "Type")."""
from __future__ import annotations

import pytest

import sayso


def _types(text: str) -> dict[str, str]:
    return {q.text: q.type.value for q in sayso.extract(text, engine="rules").quotes}


@pytest.mark.parametrize(("text", "content", "expected"), [
    ("Ann Lee said the dam will hold.", "the dam will hold", "speech"),
    ("“The dam will hold,” Ann Lee told reporters.", "The dam will hold", "speech"),
    ("In a statement, the ministry said the dam will hold.", "the dam will hold", "writing"),
    ("Lee wrote on Facebook that the dam will hold.", "that the dam will hold", "writing"),
    ("“The dam will hold,” Lee tweeted.", "The dam will hold", "writing"),
    ("A report by the agency found that the dam will hold.", "that the dam will hold", "writing"),
    ("Lee believes the dam will hold.", "the dam will hold", "belief"),
    ("Lee vowed to rebuild the dam.", "to rebuild the dam", "intention"),
    ("According to the ministry, the dam will hold.", "the dam will hold", "unspecified"),
    # a post under an account's handle is written
    ("Kenyans debated the plan online.\n\n@RobertAlai: Interns should be paid for their work.",
     "Interns should be paid for their work", "writing"),
])
def test_the_type_follows_the_cue(text: str, content: str, expected: str) -> None:
    assert _types(text)[content] == expected


def test_a_spokesperson_or_an_office_speaks_and_a_promise_with_a_that_clause_is_speech() -> None:
    assert _types("Lee plans to inspect the dam, her office said.")["Lee plans to inspect the dam"] == "speech"
    assert _types("The mayor promised that the dam will hold.").get("that the dam will hold", "speech") == "speech"


def test_the_type_is_in_the_json_and_read_back() -> None:
    analysis = sayso.extract("Lee wrote on Facebook that the dam will hold.", engine="rules")
    data = analysis.to_dict()
    assert data["quotes"][0]["type"] == "writing"
    assert type(analysis).from_dict(data).quotes[0].type == analysis.quotes[0].type
