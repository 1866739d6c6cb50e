"""Ingest: turn a raw text (a debate, a conversation) into a draft reading folder.

The steps, one module each: `source` (decoding), `mend` (page breaks, glued headings),
`speakers` (headings and turns), `segment` (who owns each paragraph), `sentences`
(quotable sentences, crowd reactions and read-out words left out), `draft` (positions),
`aliases`, `prompts`, `write` (the files) and `command` (`python -m bot ingest`).
"""
