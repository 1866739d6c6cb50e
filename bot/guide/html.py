"""The study guide as one self-contained HTML page that prints well.

No external files, fonts, scripts or images: the style is inline, so the page can be
mailed, saved or printed as it is. Print styles keep each quote with its summary, start
each part on a fresh line of the page rather than mid-entry, and print link targets.
"""

from __future__ import annotations

from html import escape

from bot.guide.content import Entry, Guide

STYLE = """
:root { color-scheme: light; }
body { font-family: Georgia, "Times New Roman", serif; color: #1e1f22; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1.25rem; line-height: 1.5; }
h1 { font-size: 1.8rem; line-height: 1.25; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; border-bottom: 2px solid #3b6ea5; padding-bottom: .2rem;
  margin-top: 2.2rem; }
h3 { font-size: 1.08rem; margin: 1.4rem 0 .4rem; }
.byline, .bio, .meta { color: #4b5060; }
.bio { font-style: italic; margin-top: 0; }
.entry { margin: .6rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.summary { margin: 0 0 .3rem; font-weight: bold; }
.summary.plain { font-weight: normal; }
blockquote { margin: 0 0 0 .4rem; padding: .1rem 0 .1rem .9rem; border-left: 4px solid #b8c4d6; }
blockquote p { margin: 0; }
.para { color: #4b5060; font-size: .9rem; margin: .2rem 0 0; }
ol.prompts li { margin-bottom: .7rem; break-inside: avoid; page-break-inside: avoid; }
a { color: #1f4f85; }
@page { margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 11pt; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3 { break-after: avoid; page-break-after: avoid; }
  a[href]:not(.bare)::after { content: " (" attr(href) ")"; font-size: .85em; color: #4b5060;
    word-break: break-all; }
}
"""


def _entry(e: Entry, bold: bool = True) -> str:
    cls = "summary" if bold else "summary plain"
    return (
        f'<div class="entry"><p class="{cls}">{escape(e.summary)}</p>'
        f"<blockquote><p>“{escape(e.quote)}”</p></blockquote>"
        f'<p class="para">¶ {e.paragraph}</p></div>'
    )


def render_html(guide: Guide) -> str:
    """The whole guide as one HTML document."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Study guide: {escape(guide.title)}</title>",
        f"<style>{STYLE}</style></head><body>",
        f"<h1>Study guide: {escape(guide.title)}</h1>",
    ]
    if guide.byline:
        parts.append(f'<p class="byline">{escape(guide.byline)}</p>')
    if guide.url:
        url = escape(guide.url, quote=True)
        link = f'<a class="bare" href="{url}">{escape(guide.url)}</a>'
        parts.append(f'<p class="meta">Read it: {link}</p>')
    parts.append("<h2>The contributors and their central positions</h2>")
    for person in guide.people:
        c = person.contributor
        affiliation = (
            f' <span class="meta">({escape(c.affiliation)})</span>' if c.affiliation else ""
        )
        parts.append(f"<h3>{c.order}. {escape(c.name)}{affiliation}</h3>")
        if c.bio:
            parts.append(f'<p class="bio">{escape(c.bio)}</p>')
        parts.extend(_entry(e) for e in person.central)
    for heading, links in guide.sections:
        parts.append(f"<h2>{escape(heading)}</h2>")
        for edge in links:
            parts.append(f"<h3>{escape(edge.text)}</h3>")
            parts.extend(_entry(e, bold=False) for e in edge.entries)
    if guide.prompts:
        parts.append('<h2>Discussion prompts</h2><ol class="prompts">')
        for prompt in guide.prompts:
            draws = (
                f' <span class="meta">(draws on {escape(", ".join(prompt.draws_on))})</span>'
                if prompt.draws_on else ""
            )
            parts.append(f"<li>{escape(prompt.text)}{draws}</li>")
        parts.append("</ol>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
