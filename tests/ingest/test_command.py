"""`python -m bot ingest` end to end on our own fixtures: files written, validated, safe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.cli import main
from bot.engine import Engine
from bot.knowledge.loader import load_reading
from bot.knowledge.model import Kind

from .conftest import FIXTURES


def test_debate_drafts_a_valid_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "harbour"
    assert main(["ingest", str(FIXTURES / "debate.txt"), "--id", "harbour", "--out", str(out),
                 "--date", "1921-03-03"]) == 0
    printed = capsys.readouterr().out
    assert "Speakers found from headings" in printed and "Ashford" in printed
    assert "validate: ok: harbour" in printed and "unreviewed" in printed
    reading = load_reading(out)
    assert {c.id for c in reading.contributors} == {"ashford", "blake"}
    assert reading.positions and all(not p.reviewed for p in reading.positions)
    kinds = {p.kind for p in reading.positions}
    assert Kind.QUESTION in kinds
    raw = (out / "text.txt").read_text(encoding="utf-8")
    assert "before the autumn storms" in raw  # the page-break gap was closed
    for p in reading.positions:  # every quote is verbatim in text.txt's paragraph
        assert " ".join(p.quote.split()) in " ".join(reading.paragraph(p.paragraph).text.split())
    engine = Engine(reading)
    reply = engine.ask("what did Blake propose about the county?")
    assert not reply.abstained and reply.answers[0].contributor_id == "blake"


def test_existing_reading_is_refused_unless_forced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "harbour"
    args = ["ingest", str(FIXTURES / "debate.txt"), "--id", "harbour", "--out", str(out)]
    assert main(args) == 0
    (out / "positions" / "ashford.yaml").write_text("# edited by a moderator\n" + (
        out / "positions" / "ashford.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 1
    assert "already exists" in capsys.readouterr().err
    assert "edited by a moderator" in (out / "positions" / "ashford.yaml").read_text()
    assert main([*args, "--force"]) == 0
    assert "edited by a moderator" not in (out / "positions" / "ashford.yaml").read_text()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left over


def test_no_speakers_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "plain.txt"
    text.write_text("A text.\n\nNobody is named in it at all, in any paragraph.\n")
    assert main(["ingest", str(text), "--out", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err
    assert "no speakers found" in err and "--speakers" in err and "--contributors" in err
    assert not (tmp_path / "r").exists()


def test_speakers_option_with_turns(tmp_path: Path) -> None:
    text = tmp_path / "t.txt"
    text.write_text(
        "A small debate\n\n"
        "MR. GREY---I hold that the library should open on Sundays for working people.\n\n"
        "MR. WHITE---I disagree with Mr. Grey: the staff deserve their day of rest.\n\n"
        "MR. GREY---Then hire more staff, as the council promised last spring.\n"
    )
    out = tmp_path / "sunday"
    assert main(["ingest", str(text), "--speakers", "Anne Grey, Bob White", "--out", str(out),
                 "--id", "sunday"]) == 0
    reading = load_reading(out)
    names = {c.id: c.name for c in reading.contributors}
    assert names == {"grey": "Anne Grey", "white": "Bob White"}
    white = reading.positions_of("white")
    assert white[0].kind is Kind.DISAGREEMENT and white[0].target is not None
    assert white[0].target.contributor_id == "grey"


def test_contributors_file(tmp_path: Path) -> None:
    out = tmp_path / "transit"
    assert main(["ingest", str(FIXTURES / "conversation.txt"), "--contributors",
                 str(FIXTURES / "conversation_contributors.yaml"), "--out", str(out),
                 "--id", "transit"]) == 0
    reading = load_reading(out)
    lopez = reading.contributor("lopez")
    assert "Riverside professor" in lopez.aliases and "Maria" in lopez.aliases
    assert reading.contributor("third").name == "the final respondent"
    reyes = reading.positions_of("reyes")
    agree = [p for p in reyes if p.kind is Kind.AGREEMENT]
    assert agree and agree[0].target is not None and agree[0].target.contributor_id == "lopez"
    assert any(p.kind is Kind.DISAGREEMENT for p in reyes)
    assert all(p.paragraph not in (4, 5) for p in reading.positions)  # credit and caption
    data = yaml.safe_load((out / "positions" / "reyes.yaml").read_text(encoding="utf-8"))
    assert all(entry["reviewed"] is False for entry in data["positions"])


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"\x00\x01\x02binary", "binary"), (b"", "empty"), ("caf\xe9".encode("latin-1"), "UTF-8")],
)
def test_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes,
                   message: str) -> None:
    text = tmp_path / "bad.txt"
    text.write_bytes(content)
    assert main(["ingest", str(text), "--out", str(tmp_path / "r")]) == 1
    assert message in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_bad_contributors_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "c.yaml"
    bad.write_text("- name: X\n  colour: blue\n")
    assert main(["ingest", str(FIXTURES / "conversation.txt"), "--contributors", str(bad),
                 "--out", str(tmp_path / "r")]) == 1
    assert "unknown key" in capsys.readouterr().err


def test_out_folder_names_the_id(tmp_path: Path) -> None:
    assert main(["ingest", str(FIXTURES / "debate.txt"), "--out", str(tmp_path / "my-debate")]) == 0
    assert load_reading(tmp_path / "my-debate").id == "my-debate"
    assert main(["ingest", str(FIXTURES / "debate.txt"), "--out", str(tmp_path), "--id", "x"]) == 0
    assert load_reading(tmp_path / "x").id == "x"


def test_bylines_and_opinions(tmp_path: Path) -> None:
    assert main(["ingest", str(FIXTURES / "letters.txt"), "--out", str(tmp_path / "letters")]) == 0
    letters = load_reading(tmp_path / "letters")
    assert [c.id for c in letters.contributors] == ["marsh", "grant"]
    assert letters.paragraphs[0].contributor_id is None  # the title is no one's
    grant = letters.positions_of("grant")[0]
    assert grant.kind is Kind.DISAGREEMENT and grant.target is not None
    assert grant.target.contributor_id == "marsh"
    assert main(["ingest", str(FIXTURES / "opinion.txt"), "--out", str(tmp_path / "opinion")]) == 0
    opinion = load_reading(tmp_path / "opinion")
    assert [c.id for c in opinion.contributors] == ["hale", "morrow"]
    assert opinion.positions_of("morrow")[0].kind in (Kind.DISAGREEMENT, Kind.CRITIQUE)
