"""Drawing a :class:`~bot.debatemap.graph.DebateGraph` as a PNG with Pillow.

Contributors sit on a circle in speaking order (the first at the top, then clockwise), each
a numbered disc with the name beneath. An arrow goes from the one who responds to the one
answered, coloured by kind (dashed for disagreements and critiques, so the kinds differ
without colour too), its width growing with the count, which is written on it. Several
edges between the same two people curve apart. The picture is an opaque light card with
dark text and large type, so it reads the same in Discord's dark and light themes and on
a phone, where Discord shows it about 400 pixels wide. Drawn at twice the size and scaled
down, for smooth lines.
"""

from __future__ import annotations

import io
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont

from bot.debatemap.graph import EDGE_KINDS, DebateGraph, Edge

WIDTH = 1040
SCALE = 2  # drawn at this multiple, then scaled down (anti-aliasing)
BACKGROUND = (246, 247, 249)
INK = (30, 31, 34)
MUTED = (88, 92, 100)
NODE_FILL = (255, 255, 255)
NODE_RING = (55, 65, 81)
COLOURS: dict[str, tuple[int, int, int]] = {
    "agreement": (27, 127, 59),
    "disagreement": (198, 40, 40),
    "critique": (214, 84, 0),
    "concession": (106, 27, 154),
    "question": (21, 101, 192),
    "answer": (0, 131, 143),
}
DASHED = frozenset({"disagreement", "critique"})
FALLBACK = (96, 96, 96)
COLOURS_IN_PNG = 96  # palette size: the kinds' colours and their anti-aliased shades
COMPRESS = 6  # zlib level of the PNG
NAME_SIZES = (34, 30, 26, 22)  # type sizes tried for a contributor's name, largest first

Point = tuple[float, float]
Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True, slots=True)
class Layout:
    """Sizes in final pixels (multiplied by :data:`SCALE` while drawing)."""

    width: int = WIDTH
    top: int = 185  # room for the title
    radius: int = 280  # of the circle of contributors
    node: int = 50  # radius of a contributor's disc
    legend_row: int = 50
    label_width: int = 210  # a name wraps beyond this


def _font(size: int) -> Font:
    return ImageFont.load_default(size=size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: Font, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        attempt = f"{line} {word}".strip()
        if line and draw.textlength(attempt, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = attempt
    if line:
        lines.append(line)
    return lines


def _bezier(a: Point, c: Point, b: Point, steps: int = 48) -> list[Point]:
    out = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        out.append((u * u * a[0] + 2 * u * t * c[0] + t * t * b[0],
                    u * u * a[1] + 2 * u * t * c[1] + t * t * b[1]))
    return out


def _trim(points: list[Point], start: Point, end: Point, gap: float) -> list[Point]:
    """The part of the curve outside both discs (radius `gap` around its ends)."""
    return [p for p in points if math.dist(p, start) > gap and math.dist(p, end) > gap]


def _dashes(points: Sequence[Point], on: float, off: float) -> list[list[Point]]:
    """The polyline cut into dashes of `on` length with `off` gaps."""
    out: list[list[Point]] = []
    current: list[Point] = [points[0]]
    drawing = True
    left = on
    for p, q in itertools.pairwise(points):
        seg = math.dist(p, q)
        pos = 0.0
        while seg - pos > left:
            pos += left
            t = pos / seg
            cut = (p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t)
            if drawing:
                current.append(cut)
                out.append(current)
            current = [cut]
            drawing = not drawing
            left = on if drawing else off
        left -= seg - pos
        if drawing:
            current.append(q)
        else:
            current = [q]
    if drawing and len(current) > 1:
        out.append(current)
    return out


class _Painter:
    def __init__(self, graph: DebateGraph, layout: Layout) -> None:
        self.graph = graph
        self.k = SCALE
        self.layout = layout
        # Type is drawn at the final size, after the shapes are scaled down: FreeType
        # smooths it already, and it is most of the drawing time at twice the size.
        self.title_font = _font(38)
        self.note_font = _font(22)
        n = max(1, len(graph.nodes))
        # Discs shrink when many people share the circle, so neighbours never touch.
        self.node_r = min(float(layout.node), 0.33 * 2 * math.pi * layout.radius / n)
        self.name_font = _font(34)
        self.number_font = _font(max(16, round(40 * self.node_r / layout.node)))
        self.count_font = _font(28)
        self.legend_font = _font(30)
        self.measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
        self.deferred: list[Callable[[ImageDraw.ImageDraw], None]] = []
        kinds = graph.kinds()
        rows = max(1, math.ceil(len(kinds) / 2))
        self.centre = (layout.width / 2, layout.top + layout.radius + 100)
        height = self.centre[1] + layout.radius + 170 + rows * layout.legend_row + 30
        self.height = int(height)
        self.image = Image.new("RGB", (layout.width * SCALE, self.height * SCALE), BACKGROUND)
        self.draw = ImageDraw.Draw(self.image)
        self.positions = self._positions()

    def s(self, p: Point) -> Point:
        return (p[0] * self.k, p[1] * self.k)

    def text(self, at: Point, text: str, font: Font, fill: tuple[int, int, int],
             anchor: str = "la") -> None:
        """Write text at final-size coordinates (after the scaling down)."""
        self.deferred.append(lambda d: d.text(at, text, font=font, fill=fill, anchor=anchor))

    def pill(self, box: tuple[float, float, float, float]) -> None:
        """A background-coloured rounded box behind a label (final-size coordinates)."""
        self.deferred.append(lambda d: d.rounded_rectangle(box, radius=8, fill=BACKGROUND))

    def _positions(self) -> dict[str, Point]:
        n = max(1, len(self.graph.nodes))
        cx, cy = self.centre
        r = self.layout.radius
        out = {}
        for i, c in enumerate(self.graph.nodes):
            angle = -math.pi / 2 + 2 * math.pi * i / n
            out[c.id] = (cx + r * math.cos(angle), cy + r * math.sin(angle))
        return out

    def title(self) -> None:
        lines = _wrap(self.measure, self.graph.title, self.title_font, self.layout.width - 80)
        y = 28.0
        for line in lines[:2]:
            self.text((40, y), line, self.title_font, INK)
            y += 48
        self.text(
            (40, y + 4),
            "Arrows go from who responds to whom they answer; numbers count positions.",
            self.note_font,
            MUTED,
        )

    def edges(self) -> None:
        pairs: dict[frozenset[str], list[Edge]] = {}
        for e in self.graph.edges:
            pairs.setdefault(frozenset((e.source, e.target)), []).append(e)
        labels: list[tuple[Point, Edge]] = []
        for group in pairs.values():
            n = len(group)
            for i, e in enumerate(group):
                offset = (i - (n - 1) / 2) * 70.0
                labels.append(self._edge(e, offset))
        for at, e in labels:  # counts on top of every line
            self._count(at, e)

    def _edge(self, e: Edge, offset: float) -> tuple[Point, Edge]:
        a, b = self.positions[e.source], self.positions[e.target]
        # A side fixed by the pair's ids, so opposite arrows between two people part too.
        lo, hi = sorted((e.source, e.target))
        pa, pb = self.positions[lo], self.positions[hi]
        length = math.dist(pa, pb) or 1.0
        nx, ny = -(pb[1] - pa[1]) / length, (pb[0] - pa[0]) / length
        mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
        control = (mid[0] + nx * offset * 2, mid[1] + ny * offset * 2)
        curve = _bezier(a, control, b)
        gap = self.node_r + 8
        body = _trim(curve, a, b, gap)
        colour = COLOURS.get(e.kind, FALLBACK)
        width = 4 + 2 * min(e.count, 5)
        if len(body) >= 2:
            tip, before = body[-1], body[-4] if len(body) >= 4 else body[0]
            head = 16 + width
            angle = math.atan2(tip[1] - before[1], tip[0] - before[0])
            base = (tip[0] - head * math.cos(angle), tip[1] - head * math.sin(angle))
            shaft = [p for p in body if math.dist(p, tip) > head * 0.8] or body[:1]
            shaft = [*shaft, base]
            if e.kind in DASHED:
                for dash in _dashes(shaft, 22.0, 12.0):
                    self.draw.line([self.s(p) for p in dash], fill=colour,
                                   width=width * self.k, joint="curve")
            else:
                self.draw.line([self.s(p) for p in shaft], fill=colour,
                               width=width * self.k, joint="curve")
            spread = 0.45
            left = (tip[0] - head * math.cos(angle - spread),
                    tip[1] - head * math.sin(angle - spread))
            right = (tip[0] - head * math.cos(angle + spread),
                     tip[1] - head * math.sin(angle + spread))
            self.draw.polygon([self.s(tip), self.s(left), self.s(right)], fill=colour)
        return curve[len(curve) // 2], e

    def _count(self, at: Point, e: Edge) -> None:
        colour = COLOURS.get(e.kind, FALLBACK)
        r = 21
        x, y = at
        self.draw.ellipse(
            [self.s((x - r, y - r)), self.s((x + r, y + r))],
            fill=colour,
            outline=BACKGROUND,
            width=3 * self.k,
        )
        self.text(at, str(e.count), self.count_font, (255, 255, 255), "mm")

    def nodes(self) -> None:
        r = self.node_r
        for c in self.graph.nodes:
            x, y = self.positions[c.id]
            self.draw.ellipse(
                [self.s((x - r, y - r)), self.s((x + r, y + r))],
                fill=NODE_FILL,
                outline=NODE_RING,
                width=4 * self.k,
            )
            self.text((x, y), str(c.order), self.number_font, INK, "mm")
            self._name(c.short_name or c.name, (x, y))

    def _name(self, name: str, at: Point) -> None:
        """The name outside the circle, away from the arrows: above the top, below the
        bottom, beside the others."""
        x, y = at
        dx, dy = x - self.centre[0], y - self.centre[1]
        length = math.hypot(dx, dy) or 1.0
        dx, dy = dx / length, dy / length
        room = self.layout.label_width * 3 // 2  # above or below: wider
        if abs(dx) >= 0.3:  # beside: no further than the picture's edge
            room = min(self.layout.label_width,
                       int(self.layout.width / 2 - abs(x - self.centre[0]) - 76))
        font, lines = self._fit(name, room)
        line_height = 40
        block = line_height * len(lines)
        gap = self.node_r + 12
        if abs(dx) < 0.3:  # top or bottom: centred
            anchor = "ma"
            tops = y - gap - block if dy < 0 else y + gap
            origin_x = x
        else:
            anchor = "la" if dx > 0 else "ra"
            origin_x = x + gap if dx > 0 else x - gap
            tops = y - block / 2 + (block / 2 + 10 if dy > 0.2 else 0)
        for i, line in enumerate(lines):
            point = (origin_x, tops + i * line_height)
            box = self.measure.textbbox(point, line, font=font, anchor=anchor)
            pad = 5
            self.pill((box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad))
            self.text(point, line, font, INK, anchor)

    def _fit(self, name: str, room: float) -> tuple[Font, list[str]]:
        """The name in at most three lines of `room` pixels: smaller type for a long word,
        and cut with an ellipsis as a last resort."""
        for size in NAME_SIZES:
            font = self.name_font if size == NAME_SIZES[0] else _font(size)
            lines = _wrap(self.measure, name, font, room)
            if len(lines) <= 3 and all(self.measure.textlength(x, font=font) <= room
                                       for x in lines):
                return font, lines
        fitted = []
        for line in lines[:3]:
            cut = line
            while len(cut) > 1 and self.measure.textlength(cut + "…", font=font) > room:
                cut = cut[:-1]
            fitted.append(line if self.measure.textlength(line, font=font) <= room else cut + "…")
        return font, fitted

    def legend(self) -> None:
        kinds = self.graph.kinds()
        y0 = self.centre[1] + self.layout.radius + 140
        if not kinds:
            self.text((40, y0), "No one answers anyone by name in this index.",
                      self.legend_font, MUTED)
            return
        column = (self.layout.width - 80) / 2
        for i, (kind, total) in enumerate(kinds):
            x = 40 + (i % 2) * column
            y = y0 + (i // 2) * self.layout.legend_row
            colour = COLOURS.get(kind, FALLBACK)
            sample: list[Point] = [(x, y + 16.0), (x + 70, y + 16.0)]
            if kind in DASHED:
                for dash in _dashes(sample, 22.0, 12.0):
                    self.draw.line([self.s(p) for p in dash], fill=colour, width=8 * self.k)
            else:
                self.draw.line([self.s(p) for p in sample], fill=colour, width=8 * self.k)
            noun = EDGE_KINDS[kind][1]
            label = f"{noun}s: {total}" if total != 1 else f"{noun}: {total}"
            self.text((x + 90, y), label.capitalize(), self.legend_font, INK)

    def png(self) -> bytes:
        self.title()
        self.edges()
        self.nodes()
        self.legend()
        # A 2x2 box filter, then a palette: a fraction of the time and size of a full-colour
        # Lanczos-filtered PNG, with the same look at this size.
        final = self.image.reduce(SCALE)
        draw = ImageDraw.Draw(final)
        for op in self.deferred:
            op(draw)
        palette = final.quantize(COLOURS_IN_PNG, method=Image.Quantize.FASTOCTREE)
        out = io.BytesIO()
        palette.save(out, format="PNG", compress_level=COMPRESS)
        return out.getvalue()


def render_png(graph: DebateGraph, layout: Layout | None = None) -> bytes:
    """The map as PNG bytes."""
    return _Painter(graph, layout or Layout()).png()
