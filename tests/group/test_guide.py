"""The study guide: its content against the index, Markdown and HTML, and the HTML printed
to PDF by a real headless browser (skipped when chromium is not installed)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.cli import main
from bot.debatemap.graph import build_graph
from bot.guide.content import build_guide, central_positions
from bot.guide.html import render_html
from bot.guide.markdown import render_markdown
from bot.knowledge.model import Reading


def test_guide_holds_each_contributors_central_positions(reading: Reading) -> None:
    guide = build_guide(reading)
    assert guide.title == reading.title and guide.url == reading.url
    assert [p.contributor.id for p in guide.people] == [
        c.id for c in sorted(reading.contributors, key=lambda c: c.order)
    ]
    for person in guide.people:
        wanted = [p for p in reading.positions_of(person.contributor.id) if p.central]
        assert wanted, person.contributor.id  # every shipped contributor has central points
        assert [(e.summary, e.quote, e.paragraph) for e in person.central] == [
            (p.summary, p.quote, p.paragraph) for p in wanted
        ]
        for e in person.central:  # verbatim from its paragraph
            assert e.quote in reading.paragraph(e.paragraph).text


def test_guide_links_are_the_maps_edges_and_prompts_are_all_there(reading: Reading) -> None:
    guide = build_guide(reading)
    graph = build_graph(reading)
    shown = sum(len(links) for _, links in guide.sections)
    assert shown == len(graph.edges)
    headings = [h for h, _ in guide.sections]
    assert "Points of agreement" in headings and "Points of disagreement" in headings
    for _, links in guide.sections:
        for link in links:
            for e in link.entries:
                assert e.quote in reading.paragraph(e.paragraph).text
    assert [p.text for p in guide.prompts] == [p.text for p in reading.prompts]
    assert all(p.draws_on for p in guide.prompts)


def test_a_contributor_without_central_positions_gets_their_first(reading: Reading) -> None:
    import dataclasses

    plain = dataclasses.replace(
        reading, positions=tuple(dataclasses.replace(p, central=False) for p in reading.positions)
    )
    first = reading.contributors[0]
    assert central_positions(plain, first) == list(plain.positions_of(first.id)[:2])


def test_markdown_has_every_section_and_quote(reading: Reading) -> None:
    text = render_markdown(build_guide(reading))
    assert text.startswith(f"# Study guide: {reading.title}\n")
    assert reading.url in text
    for heading in ("## The contributors and their central positions",
                    "## Points of agreement", "## Discussion prompts"):
        assert heading in text
    for c in reading.contributors:
        assert f"### {c.order}. {c.name}" in text
    for p in reading.positions:
        if p.central:
            assert p.quote in text


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.external: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("script", "img", "link", "iframe", "object", "embed"):
            self.external.append(tag)
        src = dict(attrs).get("src")
        if src:
            self.external.append(src)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _flat(text: str) -> str:
    """Text compared whatever the line breaks, ligatures and hyphenation at line ends."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u00ad]+", "", text)


def test_html_is_one_self_contained_page(reading: Reading) -> None:
    page = render_html(build_guide(reading))
    parser = _Collector()
    parser.feed(page)
    assert parser.external == []  # no scripts, images, stylesheets or frames to fetch
    assert "<style>" in page and "@media print" in page and "break-inside: avoid" in page
    assert "@import" not in page and "url(" not in page  # nothing fetched by the style
    text = _flat("".join(parser.text))
    for p in reading.positions:
        if p.central:
            assert _flat(p.quote) in text
    for prompt in reading.prompts:
        assert _flat(prompt.text) in text


def test_guide_command_writes_md_and_html(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          reading: Reading) -> None:
    assert main(["guide"]) == 0
    assert capsys.readouterr().out.startswith("# Study guide: ")
    html_file = tmp_path / "guide.html"
    assert main(["guide", "--out", str(html_file)]) == 0
    assert html_file.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    md_file = tmp_path / "guide.txt"
    assert main(["guide", "--format", "md", "--out", str(md_file)]) == 0
    assert md_file.read_text(encoding="utf-8").startswith("# Study guide: ")
    assert main(["guide", "--reading", "nope"]) == 1


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--no-pdf-header-footer",
)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (.ci/run installs it)")
def test_the_html_guide_prints_to_pdf_with_its_text(reading: Reading, tmp_path: Path) -> None:
    from pypdf import PdfReader

    page = tmp_path / "guide.html"
    page.write_text(render_html(build_guide(reading)), encoding="utf-8")
    pdf = tmp_path / "guide.pdf"
    assert CHROMIUM is not None
    env = {**os.environ, "HOME": str(tmp_path)}
    done = subprocess.run(
        [CHROMIUM, *BROWSER_FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
         f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, text=True, timeout=180, env=env, check=False,
    )
    assert pdf.exists() and pdf.stat().st_size > 1000, done.stderr[-2000:]
    document = PdfReader(pdf)
    assert len(document.pages) >= 2  # a guide of this reading spans pages
    text = _flat("".join(p.extract_text() or "" for p in document.pages))
    assert _flat(f"Study guide: {reading.title}") in text
    for c in reading.contributors:
        assert _flat(c.name) in text
    for p in reading.positions:
        if p.central:
            assert _flat(p.quote) in text, p.id
    assert _flat(reading.prompts[0].text) in text
    assert _flat("Discussion prompts") in text
