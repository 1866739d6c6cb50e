"""The study guide as Markdown (for a chat attachment, a wiki or a text editor)."""

from __future__ import annotations

from bot.guide.content import Entry, Guide


def _quote(entry: Entry) -> list[str]:
    lines = [f"> {line}" if line else ">" for line in entry.quote.splitlines()]
    return [*lines, f"> — ¶ {entry.paragraph}"]


def render_markdown(guide: Guide) -> str:
    """The whole guide as one Markdown document."""
    out = [f"# Study guide: {guide.title}", ""]
    if guide.byline:
        out += [guide.byline, ""]
    if guide.url:
        out += [f"Read it: <{guide.url}>", ""]
    out += ["## The contributors and their central positions", ""]
    for person in guide.people:
        c = person.contributor
        head = f"### {c.order}. {c.name}"
        out += [head + (f" ({c.affiliation})" if c.affiliation else ""), ""]
        if c.bio:
            out += [f"*{c.bio}*", ""]
        for e in person.central:
            out += [f"- **{e.summary}**", ""]
            out += ["  " + line for line in _quote(e)]
            out.append("")
    for heading, links in guide.sections:
        out += [f"## {heading}", ""]
        for link in links:
            out += [f"### {link.text}", ""]
            for e in link.entries:
                out += [f"- {e.summary}", ""]
                out += ["  " + line for line in _quote(e)]
                out.append("")
    if guide.prompts:
        out += ["## Discussion prompts", ""]
        for i, prompt in enumerate(guide.prompts, start=1):
            draws = f" *(draws on {', '.join(prompt.draws_on)})*" if prompt.draws_on else ""
            out += [f"{i}. {prompt.text}{draws}"]
        out.append("")
    return "\n".join(out).rstrip() + "\n"
