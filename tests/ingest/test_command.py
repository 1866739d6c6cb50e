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


def test_speakers_not_found_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "plain.txt"
    text.write_text("Alice went home.\n\nBob said so, and nobody else spoke at all.\n")
    out = tmp_path / "r"
    assert main(["ingest", str(text), "--speakers", "Carol, Dan", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "(Carol, Dan)" in err and "check their spelling" in err and "--contributors" in err
    assert "give them with --speakers" not in err  # they were given


def test_a_second_reading_says_how_to_choose_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no config.yaml here
    monkeypatch.delenv("READING_BOT_CONFIG", raising=False)
    for rid in ("one", "two"):
        assert main(["ingest", str(FIXTURES / "debate.txt"), "--out", str(tmp_path / rid)]) == 0
    printed = capsys.readouterr().out
    assert printed.count("now holds 2 readings (one, two)") == 1  # said after the second only
    assert "`--reading two`" in printed and "reading: ID" in printed
    assert "Left to no one: \n" not in printed and " 1 paragraphs " not in printed


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


def test_out_folder_names_the_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(FIXTURES / "debate.txt"), "--out", str(tmp_path / "my-debate")]) == 0
    assert load_reading(tmp_path / "my-debate").id == "my-debate"
    out = tmp_path / "x"
    assert main(["ingest", str(FIXTURES / "debate.txt"), "--out", str(out), "--id", "x"]) == 0
    assert load_reading(out).id == "x" and not (out / "x").exists()  # DIR is the folder


def test_out_is_the_reading_folder_so_another_id_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "drafts"
    assert main(["ingest", str(FIXTURES / "debate.txt"), "--out", str(out), "--id", "x"]) == 1
    err = capsys.readouterr().err
    assert "is the reading folder" in err and f"--out {out / 'x'}" in err
    assert not out.exists()  # nothing written
    assert main(["ingest", str(FIXTURES / "debate.txt"), "--out", str(tmp_path / "a b")]) == 1
    assert "letters, digits and '-'" in capsys.readouterr().err


def test_into_puts_the_reading_folder_in_a_folder(tmp_path: Path) -> None:
    from bot.ingest.command import Options, ingest

    result = ingest(Options(FIXTURES / "debate.txt", title="Harbour Debate", into=tmp_path))
    assert result.folder == tmp_path / "harbour-debate" == tmp_path / result.reading_id
    assert load_reading(result.folder).id == "harbour-debate"


def test_a_servers_upload_without_an_id_takes_it_from_the_title(tmp_path: Path) -> None:
    from bot.discordbot.server_readings import add_upload

    data = (FIXTURES / "inline_turns.txt").read_bytes()
    added = add_upload(tmp_path / "knowledge", data, "budget.txt", set())
    assert added.reading_id == "the-harbour-budget-a-council-exchange"
    assert load_reading(tmp_path / "knowledge" / added.reading_id).id == added.reading_id


def test_inline_colon_turns_are_speakers_in_a_text_without_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "budget"
    assert main(["ingest", str(FIXTURES / "inline_turns.txt"), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "Speakers found from inline `Name:` turns" in printed
    reading = load_reading(out)
    assert [(c.id, c.name) for c in reading.contributors] == [
        ("moreno", "Alice Moreno"), ("okafor", "Ben Okafor")]
    owners = [p.contributor_id for p in reading.paragraphs]
    # title; turns; the paragraph after Alice's turn is hers; a "Note:" and the notes no one's
    assert owners == [None, "moreno", "okafor", "moreno", "moreno", "okafor", None, "moreno",
                      None, None]
    for p in reading.positions:
        text = reading.paragraph(p.paragraph).text
        assert p.quote in text
        assert not p.quote.startswith(("Alice", "Ben Okafor:"))  # the label is never quoted
    reply = Engine(reading).ask("what did Okafor say about the school roof?")
    assert not reply.abstained and reply.answers[0].contributor_id == "okafor"


def test_speakers_are_found_at_the_start_of_turns_without_headings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = FIXTURES / "named_turns.txt"
    assert main(["ingest", str(text), "--out", str(tmp_path / "none")]) == 1
    assert "no speakers found" in capsys.readouterr().err  # and asks for --speakers
    out = tmp_path / "harbour"
    assert main(["ingest", str(text), "--speakers", "Alice Moreno, Ben Okafor",
                 "--out", str(out)]) == 0
    assert "--speakers at the start of turns" in capsys.readouterr().out
    reading = load_reading(out)
    assert [p.contributor_id for p in reading.paragraphs] == [
        None, "moreno", "okafor", "moreno", "moreno", "okafor", "moreno"]
    assert {c.name for c in reading.contributors} == {"Alice Moreno", "Ben Okafor"}
    first = reading.positions_of("okafor")[0]
    assert first.quote == "I disagree with her about the timing."


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
