"""The map: its graph built from the index (pure), the PNG decoded, the command line."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from bot.cli import main
from bot.debatemap.bench import measure, report
from bot.debatemap.graph import build_graph, describe, plural, short_label
from bot.debatemap.render import BACKGROUND, COLOURS, render_png
from bot.knowledge.model import Contributor, Kind, Paragraph, Position, Reading, Target


def test_graph_groups_targeted_positions_by_speaker_target_and_kind(reading: Reading) -> None:
    graph = build_graph(reading)
    assert [c.id for c in graph.nodes] == [
        c.id for c in sorted(reading.contributors, key=lambda c: c.order)
    ]
    expected: dict[tuple[str, str, str], list[str]] = {}
    for p in reading.positions:
        if p.target is not None and p.kind.value in ("agreement", "disagreement", "critique",
                                                     "concession"):
            key = (p.contributor_id, p.target.contributor_id, p.kind.value)
            expected.setdefault(key, []).append(p.id)
    got = {(e.source, e.target, e.kind): list(e.positions) for e in graph.edges}
    assert got == expected
    assert len({e.kind for e in graph.edges}) >= 2  # the shipped debate has several kinds
    assert dict(graph.kinds())["agreement"] == sum(
        e.count for e in graph.edges if e.kind == "agreement"
    )


def test_edges_in_words(reading: Reading) -> None:
    graph = build_graph(_tiny(True))
    assert [describe(e, graph) for e in graph.edges] == ["Bo B concedes to Ann A (1 concession)"]
    assert short_label(graph.edges[0], graph) == "B → A: 1 concession"
    assert plural("critique", 2) == "2 critiques"
    shipped = build_graph(reading)
    for e in shipped.edges:
        text = describe(e, shipped)
        assert text.startswith(shipped.node(e.source).name)
        assert shipped.node(e.target).name in text and str(e.count) in text


def _tiny(with_edges: bool) -> Reading:
    paragraphs = (Paragraph(0, "T", None), Paragraph(1, "a says x.", "a"),
                  Paragraph(2, "b says y.", "b"))
    people = (Contributor("a", "Ann A", "A", (), "", 1, (1,)),
              Contributor("b", "Bo B", "B", (), "", 2, (2,)))
    target = Target("a") if with_edges else None
    positions = (
        Position("a1", "a", Kind.CLAIM, "s", ("x",), "a says x", 1),
        Position("b1", "b", Kind.CONCESSION, "s", ("y",), "b says y", 2, target),
        Position("b2", "b", Kind.AGREEMENT, "s", ("y",), "b says y", 2, Target("b")),  # self
        Position("b3", "b", Kind.CLAIM, "s", ("y",), "b says y", 2, Target("a")),  # not drawn
    )
    return Reading("tiny", "Tiny", "", "", "", "", paragraphs, people, positions)


def test_self_answers_and_undrawn_kinds_are_left_out() -> None:
    graph = build_graph(_tiny(True))
    assert [(e.source, e.target, e.kind) for e in graph.edges] == [("b", "a", "concession")]
    assert build_graph(_tiny(False)).edges == ()


def test_png_decodes_with_its_size_and_drawn_colours(reading: Reading) -> None:
    data = render_png(build_graph(reading))
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(data) < 1024 * 1024
    image = Image.open(io.BytesIO(data))
    image.load()
    assert image.format == "PNG"
    width, height = image.size
    assert width == 1040 and 900 <= height <= 1600
    rgb = image.convert("RGB")
    counts = [(n, c) for n, c in rgb.getcolors(maxcolors=1 << 16) or []
              if isinstance(c, tuple)]
    colours = {c for _, c in counts}
    assert any(near(c, BACKGROUND, 6) for c in colours)
    kinds = build_graph(reading).kinds()
    for kind, _ in kinds:  # each drawn kind shows its colour
        assert any(near(c, COLOURS[kind], 24) for c in colours), kind
    # not a blank card: a good share of the pixels are not background
    ink = sum(n for n, c in counts if not near(c, BACKGROUND, 60))
    assert ink > 0.03 * width * height


def near(colour: tuple[int, ...], want: tuple[int, ...], tolerance: int) -> bool:
    return sum(abs(a - b) for a, b in zip(colour, want, strict=True)) < tolerance


def test_a_map_without_edges_still_draws(tmp_path: Path) -> None:
    image = Image.open(io.BytesIO(render_png(build_graph(_tiny(False)))))
    assert image.size[0] == 1040


def test_map_command_writes_the_png(tmp_path: Path, capsys: object) -> None:
    out = tmp_path / "map.png"
    assert main(["map", "--out", str(out)]) == 0
    assert Image.open(out).size[0] == 1040
    assert main(["map", "--reading", "no-such-reading", "--out", str(out)]) == 1


def test_bench_measures_without_asserting_speed(reading: Reading) -> None:
    result = measure(reading, repeat=1)
    edges = len(build_graph(reading).edges)
    assert result.runs == 1 and result.png_bytes > 1000 and result.edges == edges
    assert report(result).startswith(f"map: {edges} edges; graph ")


def test_many_contributors_with_long_names_fit_the_picture() -> None:
    people = tuple(
        Contributor(f"c{i}", f"Person {i}", f"Averyveryverylongsurname{i}", (), "", i + 1, ())
        for i in range(16)
    )
    positions = tuple(
        Position(f"p{i}", f"c{i}", Kind.DISAGREEMENT, "s", ("t",), "q", 0,
                 Target(f"c{(i + 5) % 16}"))
        for i in range(16)
    )
    r = Reading("many", "Many", "", "", "", "", (Paragraph(0, "x", None),), people, positions)
    graph = build_graph(r)
    assert len(graph.edges) == 16
    image = Image.open(io.BytesIO(render_png(graph)))
    assert image.size[0] == 1040
    # nothing drawn in the outermost columns: every name stayed inside the picture
    rgb = image.convert("RGB")
    for x in (0, 1, image.size[0] - 2, image.size[0] - 1):
        column = [rgb.getpixel((x, y)) for y in range(image.size[1])]
        assert all(near(c, BACKGROUND, 12) for c in column if isinstance(c, tuple))
