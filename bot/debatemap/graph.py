"""The debate as a graph: contributors in speaking order, and one edge per (speaker, the one
answered, kind) with the positions behind it. Pure: built from any reading's index."""

from __future__ import annotations

from dataclasses import dataclass

from bot.knowledge.model import Contributor, Reading

# The kinds drawn, in legend order, with how an edge of that kind reads in words.
# `question` and `answer` are the debate kinds some readings' indexes carry.
EDGE_KINDS: dict[str, tuple[str, str]] = {
    "agreement": ("agrees with", "agreement"),
    "disagreement": ("disagrees with", "disagreement"),
    "critique": ("criticises", "critique"),
    "concession": ("concedes to", "concession"),
    "question": ("asks", "question"),
    "answer": ("answers", "answer"),
}


@dataclass(frozen=True, slots=True)
class Edge:
    """All positions of one kind by which `source` answers `target`."""

    source: str  # contributor id of the one who speaks
    target: str  # contributor id of the one answered
    kind: str
    positions: tuple[str, ...]  # position ids, in text order

    @property
    def count(self) -> int:
        """How many positions the edge stands for."""
        return len(self.positions)


@dataclass(frozen=True, slots=True)
class DebateGraph:
    """Nodes in speaking order and edges ordered by speaker, the one answered, then kind."""

    reading_id: str
    title: str
    nodes: tuple[Contributor, ...]
    edges: tuple[Edge, ...]

    def node(self, contributor_id: str) -> Contributor:
        """The contributor with this id."""
        return next(c for c in self.nodes if c.id == contributor_id)

    def kinds(self) -> list[tuple[str, int]]:
        """The kinds present with their total counts, in legend order."""
        totals: dict[str, int] = {}
        for e in self.edges:
            totals[e.kind] = totals.get(e.kind, 0) + e.count
        return [(k, totals[k]) for k in EDGE_KINDS if k in totals]


def build_graph(reading: Reading) -> DebateGraph:
    """The graph of a reading: every targeted position of a drawn kind, grouped into edges.

    Positions answering their own author or someone not in the reading are left out.
    """
    nodes = tuple(sorted(reading.contributors, key=lambda c: c.order))
    known = {c.id for c in nodes}
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for p in reading.positions:
        kind = p.kind.value
        if p.target is None or kind not in EDGE_KINDS:
            continue
        target = p.target.contributor_id
        if target == p.contributor_id or target not in known or p.contributor_id not in known:
            continue
        grouped.setdefault((p.contributor_id, target, kind), []).append(p.id)
    order = {c.id: c.order for c in nodes}
    rank = {k: i for i, k in enumerate(EDGE_KINDS)}
    edges = tuple(
        Edge(s, t, k, tuple(ids))
        for (s, t, k), ids in sorted(
            grouped.items(), key=lambda kv: (order[kv[0][0]], order[kv[0][1]], rank[kv[0][2]])
        )
    )
    return DebateGraph(reading.id, reading.title, nodes, edges)


def plural(kind: str, count: int) -> str:
    """'1 agreement', '3 critiques'."""
    noun = EDGE_KINDS[kind][1]
    return f"{count} {noun}{'' if count == 1 else 's'}"


def describe(edge: Edge, graph: DebateGraph) -> str:
    """An edge in words: 'Sharon Hom agrees with Nicholas Bequelin (2 agreements)'."""
    verb = EDGE_KINDS[edge.kind][0]
    return (
        f"{graph.node(edge.source).name} {verb} {graph.node(edge.target).name} "
        f"({plural(edge.kind, edge.count)})"
    )


def short_label(edge: Edge, graph: DebateGraph) -> str:
    """'Hom → Bequelin: 2 agreements' (for a menu)."""
    return (
        f"{graph.node(edge.source).short_name} → {graph.node(edge.target).short_name}: "
        f"{plural(edge.kind, edge.count)}"
    )
