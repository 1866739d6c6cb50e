"""Who owns each paragraph, and what becomes a position, on a small debate of our own."""

from __future__ import annotations

import pytest

from bot.ingest.command import Options, ingest
from bot.ingest.contributors import Given
from bot.ingest.mend import mend
from bot.ingest.paragraphs import blocks
from bot.ingest.segment import Role, segment
from bot.ingest.source import IngestError

from .conftest import FIXTURES


def _seg(name: str = "debate.txt"):  # type: ignore[no-untyped-def]
    return segment(blocks(mend((FIXTURES / name).read_text(encoding="utf-8")).text))


def _part(seg, start: str):  # type: ignore[no-untyped-def]
    return next(p for p in seg.parts if p.text.startswith(start))


def test_speakers_and_turns() -> None:
    seg = _seg()
    assert [s.key for s in seg.speakers] == ["ashford", "blake"]
    assert _part(seg, "Friends and neighbours").owner == "ashford"
    assert _part(seg, "MR. ASHFORD---The county refused").owner == "ashford"  # inline turn
    assert _part(seg, "MR. BLAKE---Then we shall").owner == "blake"
    assert _part(seg, "I know he will not").owner == "ashford"


def test_crowd_narration_notes_belong_to_no_one() -> None:
    seg = _seg()
    assert _part(seg, "A VOICE---").role is Role.CROWD
    assert _part(seg, "A VOICE---").owner is None
    assert _part(seg, "Annotation").role is Role.NOTES
    assert _part(seg, "[1] The debate").owner is None
    assert _part(seg, "[2] The county").role is Role.NOTES


def test_read_out_words_go_to_their_author() -> None:
    seg = _seg()
    read = _part(seg, "The harbour will pay for itself")
    assert read.owner == "ashford" and read.hint == "readout"  # read out by Blake


def test_no_speakers_asks_for_them() -> None:
    with pytest.raises(IngestError, match=r"--speakers.*--contributors"):
        segment(blocks("Just a text.\n\nWith two paragraphs and nobody named.\n"))


def test_contributors_file_and_photo_credit() -> None:
    given = [Given("Maria Lopez", starts="Cities should pay"),
             Given("Tom Reyes", starts="Maria makes a strong case"),
             Given("the final respondent", starts="Coming last")]
    seg = segment(blocks((FIXTURES / "conversation.txt").read_text(encoding="utf-8")), given)
    assert [s.key for s in seg.speakers] == ["lopez", "reyes", "third"]
    assert _part(seg, "Maria Lopez:").role is Role.HEADING
    assert _part(seg, "Downtown station").role is Role.CREDIT
    assert _part(seg, "Commuters crowd").role is Role.CREDIT  # the caption
    assert _part(seg, "The first step").owner == "lopez"
    assert _part(seg, "My difference with Maria").owner == "reyes"


def test_contributor_start_not_found() -> None:
    with pytest.raises(IngestError, match="no paragraph starts with"):
        segment(blocks("A.\n\nB text here.\n"), [Given("X Y", starts="Nothing like this")])


def test_reactions_are_never_in_a_quote(tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = ingest(Options(FIXTURES / "debate.txt", id="harbour", out=tmp_path / "harbour"))
    quotes = [p.quote for p in result.positions]
    assert quotes
    for q in quotes:
        for reaction in ("(Cheers.)", "[Applause.]", "(Laughter.)", "Hear, hear", "What about"):
            assert reaction not in q
    assert not any("Millbrook Gazette" in q for q in quotes)  # footnotes: no one's
    by_quote = {p.quote: p for p in result.positions}
    assert by_quote["The county refused us last year."].contributor == "ashford"


def test_a_paragraph_between_two_reactions_is_speech() -> None:
    text = (
        "MR. ASHFORD'S SPEECH.\n\nFriends, I shall be brief about the county road.\n\n"
        "(Cheers.)\n\n"
        "(Cries of ``good.'') Yes, you say good, and the road was built by the county in "
        "the spring of that year, at a cost the farmers paid. (Laughter.)\n\n"
        "[Great applause (and cheers).]\n\n"
        "MR. BLAKE'S REPLY.\n\nThe county never paid for the road at all.\n"
    )
    seg = segment(blocks(mend(text).text))
    assert _part(seg, "(Cheers.)").role is Role.CROWD
    assert _part(seg, "[Great applause").role is Role.CROWD
    spoken = _part(seg, "(Cries of")
    assert spoken.role is Role.SPEECH and spoken.owner == "ashford"
