"""Drafting positions from an attributed text: one per quotable piece of speech.

Each piece gets a kind from cue words, the contributor it answers where one is named or
meant, topics (its key phrases and its paragraph's), central marks and a one-line summary.
Every drafted position carries `reviewed: false`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from bot.engine.lexicon import COMMON_WORDS, STOPWORDS
from bot.ingest.cues import said_topics
from bot.ingest.segment import SPOKEN, Part, Role, Segmentation
from bot.ingest.sentences import Piece, pieces, reaction_before, voice_at_end
from bot.knowledge.layout import MIN_QUOTE_CHARS
from bot.knowledge.paragraphs import squash

_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("disagreement", re.compile(
        r"\b(?:I (?:do not|don't|cannot|can ?not|would not|wouldn't) (?:agree|share|accept)|"
        r"I disagree|point of difference|[Mm]y difference|differ (?:with|from)|I would not draw|"
        r"is not true|is false|is a mistake|I deny|I dispute|not so\b|he is mistaken|"
        r"is wrong|was wrong|misrepresent|untrue|I take issue|I (?:respectfully )?dissent)")),
    ("agreement", re.compile(
        r"\b(?:I (?:fully |entirely |particularly |also |largely )?agree|[Ww]e all agree|"
        r"I join|I endorse|I can endorse|I concur|as [A-Z]\w+ (?:says|notes|argues|points out)|"
        r"rightly|framed the issues so well|is clear, comprehensive|on point|I accept|"
        r"agreeing with|admirabl[ey]|I (?:respect|admire|esteem|commend|compliment)\b(?! to)|"
        r"do him (?:the )?justice|pay (?:a )?tribute|an able man|(?:very|most) able)")),
    ("concession", re.compile(
        r"^(?:Although|Though|While|Granted|Admittedly|Of course|To be sure|It is true)\b|"
        r"\b(?:I admit|I concede|I grant|I confess|I acknowledge|must admit|it is true that)")),
    ("concern", re.compile(
        r"\b(?:worr(?:y|ied|ies)|concern(?:ed|s)?\b|fear|danger|dangerous|risk|alarm|troubl|"
        r"threat|peril|anxious|at stake|urgent)", re.IGNORECASE)),
    ("recommendation", re.compile(
        r"\b(?:should|must|ought to|need(?:s)? to|have to|has to|I propose|I recommend|"
        r"I urge|it is important|it is essential|let us|we need|would do well)\b")),
    ("critique", re.compile(
        r"\b(?:fail(?:s|ed|ure)?|problematic|hypocri\w*|undermin\w*|damag\w*|misguided|"
        r"absurd|falsehood|humbug|slander|charge|deceiv\w*|cheat\w*|trick\w*|conspir\w*|"
        r"dodg\w*|evad\w*|unfair|inconsisten\w*|contradict\w*|compartmentaliz\w*|"
        r"counterproductive|weak(?:ness|ens?)?|neglect\w*|abolitioni[sz]\w*)", re.IGNORECASE)),
)
_QUESTION_CUE = re.compile(
    r"\?\s*(?:''|”)?\s*$|\bI (?:ask|desire to know|want to know|put the question)|"
    r"\bI desire him to answer"
)
# an indirect question put to someone: "I desire to know whether he stands pledged ..."
_ASKED = re.compile(
    r"\b(?:I|we) (?:desire|want|wish|would like) to know (?:whether|if|why|how|what)\b|"
    r"\b(?:I|we) (?:desire|want|wish|ask) (?:him|you|[A-Z][\w.]*(?: [A-Z]\w+)?) to "
    r"(?:answer|say|tell)\b|\bI ask (?:him|you|[A-Z][\w.]*(?: [A-Z]\w+)?),? (?:whether|if)\b"
)
# the other's question taken up to answer it: "Mr. Lincoln wants to know why I voted ..."
_RESTATED = re.compile(
    r"\b(?:he|[A-Z][a-z]+) (?:wants|desires|wishes|would like) to know\b|"
    r"\b(?:he|[A-Z][a-z]+) asks (?:me|us|why|whether|if)\b|\bI will tell (?:him|you)\b"
)
_ANSWER_CUE = re.compile(r"^(?:A\.|Answer\.)\s|\bI answer\b|\bmy answer\b|\bI reply\b")
_THESIS = re.compile(
    r"\b(?:the best way|first and foremost|most important|the key|the keys|I believe|"
    r"my (?:point|proposition|position)|I hold|I say|the real issue|the great question|"
    r"the question is|I insist|the principle)", re.IGNORECASE)
_POINTERS = re.compile(
    r"\b(?:he|him|his|himself|the Judge|my friend|my competitor|my opponent|the gentleman|"
    r"you|your)\b")
_TOKEN = re.compile(r"[A-Za-z]+(?:['’-][A-Za-z]+)*")
_NOT_TOPIC = STOPWORDS | COMMON_WORDS | frozenset(
    "mr mrs judge senator sir gentlemen friends fellow citizens ladies say says said tell "
    "told think thought make made now yet upon shall thus therefore cannot however whether "
    "indeed perhaps rather though although because while unless until".split()
)
VERBS = {
    "claim": "argues",
    "recommendation": "recommends",
    "agreement": "agrees with {target}",
    "disagreement": "disagrees with {target}",
    "concern": "worries",
    "critique": "criticises",
    "concession": "concedes",
    "question": "asks {target}",
    "answer": "answers {target}",
}
CENTRAL_PER_CONTRIBUTOR = 4
LINK_SHARE = 0.25  # words an answer shares with the question it answers (Jaccard)


@dataclass(slots=True)
class Drafted:
    """One drafted position."""

    id: str
    contributor: str
    kind: str
    summary: str
    topics: list[str]
    quote: str
    paragraph: int
    target: str | None = None
    central: bool = False


@dataclass(slots=True)
class Names:
    """How the text names each contributor: contributor id -> regex of their names."""

    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    short: dict[str, str] = field(default_factory=dict)

    def named(self, text: str, speaker: str) -> list[str]:
        return [c for c, p in self.patterns.items() if c != speaker and p.search(text)]


def _tokens(text: str) -> list[str]:
    return [t.casefold().replace("’", "'") for t in _TOKEN.findall(text)]


def _content(token: str) -> bool:
    return len(token) > 2 and token.strip("'") not in _NOT_TOPIC and not token.endswith("'s")


def _phrases(text: str) -> list[str]:
    """Runs of content words (1-3 words) in text order: "popular sovereignty"."""
    out: list[str] = []
    run: list[str] = []
    for tok in [*_tokens(text), ""]:
        if tok and _content(tok):
            run.append(tok)
            continue
        while run:
            out.append(" ".join(run[:3]))
            run = run[3:] if len(run) > 3 else []
    return out


def _kind(piece: str, hint: str | None) -> str:
    if hint == "question" or _ASKED.search(piece):
        return "question"
    if _QUESTION_CUE.search(piece):
        return "question" if "?" in piece else "claim"
    if hint == "answer" or _ANSWER_CUE.search(piece):
        return "answer"
    for kind, pattern in _CUES:
        if pattern.search(piece):
            return kind
    return "claim"


def draft_positions(seg: Segmentation, names: Names) -> list[Drafted]:
    """Every position of the reading, in text order."""
    order = [s.key for s in seg.speakers]
    pieces_of: list[tuple[int, Part, Piece]] = []
    for n, part in enumerate(seg.parts):
        if part.role in SPOKEN and part.owner is not None and part.hint != "document":
            # a document read out (a platform, a newspaper) is no one's position: the
            # reader's sentence that announces it carries its words instead
            keep_quoted = part.hint in ("readout", "question")
            found = pieces(part.text, part.start, keep_quoted)
            if not found and part.start:  # a short interruption: quote it with its heading
                found = pieces(part.text, 0, keep_quoted)
            pieces_of.extend((n, part, piece) for piece in found)
    squashed = [squash(p.text) for p in seg.parts]
    df = Counter(w for p in seg.parts for w in set(_tokens(p.text)) if _content(w))
    total = max(len(seg.parts), 1)

    def idf(word: str) -> float:
        return math.log((total + 1) / (df.get(word, 0) + 1))

    keywords = {n: _keywords(part.text, idf) for n, part in enumerate(seg.parts)}
    context = _context(seg, keywords)
    out: list[Drafted] = []
    counts: Counter[str] = Counter()
    voiced: set[int] = set()  # paragraphs whose first position has been drafted
    per_paragraph = Counter(n for n, _, _ in pieces_of)
    for k, (n, part, piece) in enumerate(pieces_of):
        quote = piece.text.strip()
        sq = squash(quote)
        if len(sq) < MIN_QUOTE_CHARS or sum(sq in s for s in squashed) != 1:
            continue  # the same words stand in another paragraph: not a unique quote
        owner = part.owner
        assert owner is not None
        kind = _kind(quote, part.hint if part.hint in ("question", "answer") else None)
        if kind not in ("question", "answer") and _RESTATED.search(quote):
            kind = "answer"  # "Mr. Lincoln wants to know why ...": he takes up the question
        target = _target(quote, owner, kind, names, order)
        if kind in ("agreement", "disagreement") and target is None:
            kind = "claim" if kind == "agreement" else "critique"
        if kind in ("question", "answer") and target is None and len(order) > 2:
            kind = "claim"
        counts[owner] += 1
        topics = _topics(quote, keywords[n], idf)
        if per_paragraph[n] >= NEIGHBOURS_FROM:  # a long passage of a speech
            _extend(topics, _neighbours(pieces_of, k, idf))
        _extend(topics, context.get(n, []) + _KIND_TOPICS.get(kind, []))
        charges = kind == "critique" and target is not None and bool(names.named(quote, owner))
        _extend(topics, said_topics(quote, charges))
        if _TIMED.search(quote):  # "He spoke one hour, I an hour-and-a-half"
            _extend(topics, _HOW_LONG)
        reaction = reaction_before(part.text, piece.start)
        if reaction is None and n not in voiced and n > 0:  # a voice ends the paragraph before
            reaction = voice_at_end(seg.parts[n - 1].text)
        voiced.add(n)
        if reaction is not None:  # the speaker answers the crowd
            _extend(topics, [w for w in _phrases(reaction)[:3]] + _crowd_words(reaction))
        targets = [target] if target is not None else []
        for other in [*names.named(quote, owner), *_quoted_from(quote, owner, n, seg, squashed)]:
            if other not in targets and len(order) > 2:
                targets.append(other)  # "as Nicholas and Aryeh urge", Nathan's words quoted
        for i, whom in enumerate(targets or [None]):
            out.append(
                Drafted(
                    id=f"{owner}-{n}-{counts[owner]}" + (f"-{whom}" if i else ""),
                    contributor=owner,
                    kind=kind,
                    summary=_summary(quote, names.short[owner], kind, whom, names, part),
                    topics=topics,
                    quote=quote,
                    paragraph=n,
                    target=whom,
                )
            )
    _mark_central(out, seg)
    _announce_documents(out, seg, keywords)
    _narrated(out, seg)
    _mark_speech_ends(out, seg)
    _number_series(out, seg)
    return out


_KIND_TOPICS = {  # everyday words for each kind, so that members' verbs are known words
    "question": ["question", "asked", "interrogatory"],
    "answer": ["answer", "answered", "reply"],
    "concern": ["worry", "warn", "warning", "fear", "danger"],
    "recommendation": ["recommend", "propose", "urge", "call for"],
    "critique": ["criticize", "criticism", "fault"],
    "agreement": ["agree", "endorse", "praise"],
    "disagreement": ["disagree", "differ", "dispute", "push back"],
    "concession": ["concede", "acknowledge", "admit"],
}
_TIMED = re.compile(r"\b(?:an? |one |two |half an? )(?:hour|hours|minutes)\b|\bhour-and-a-half\b")
_HOW_LONG = ["how long", "length", "time"]
_INTERRUPTED = ["interruption", "interrupted", "interjection"]
_READ_HINTS = ("readout", "document", "own-readout")
_READ_OUT = ["read out", "reads", "quoted"]
_VOICED = re.compile(r"``|“|\"|\bVOICES?\b|\b[Vv]oices?\b|\bcries of\b|\bCries of\b|---|\?")
_APPLAUSE = ["crowd", "audience", "reaction"]


def _crowd_words(reaction: str) -> list[str]:
    """Words for what the crowd did: a voice or a cry heckles; cheers and laughter do not."""
    return _HECKLED if _VOICED.search(reaction) else _APPLAUSE


_HECKLED = ["crowd", "audience", "heckler", "heckled", "shouted", "yelled", "called out",
            "someone", "replied", "said back"]
OPENING = ["opening", "began", "start", "begin"]
CLOSING = ["ending", "closing", "concluded", "wrap up", "finish"]
_FIRST_WORDS = ["first words", "first thing"]
_LAST_WORDS = ["last words", "last thing"]
_DEBATE_END = ["end of the debate", "final words"]
_DEBATE_START = ["start of the debate", "opened the debate", "opening words"]


def _read_words(text: str, keywords: list[str]) -> list[str]:
    """What a read-out passage is remembered by: the words it quotes itself (``A house
    divided against itself ...''), its opening phrases and its key words, for the comment
    that follows it."""
    quoted = [
        " ".join(t for t in _tokens("".join(m)) if len(t) > 2 and t not in STOPWORDS)
        for m in _INNER_QUOTE.findall(text)
    ]  # a maxim it quotes is known by its words, everyday ones too ("a house divided")
    short = [" ".join(q.split()[:2]) for q in quoted if " " in q]
    phrases = short + [p for p in _phrases(text) if " " in p]
    return list(dict.fromkeys(phrases))[:READ_PHRASES] + keywords[:READ_KEYWORDS] + [
        "words", "speech"]


_INNER_QUOTE = re.compile(r"``(.{8,200}?)''|\u201c(.{8,200}?)\u201d")


READ_PHRASES = 2  # opening phrases of a read-out that the reader's comment carries
READ_KEYWORDS = 3  # ... and its key words


def _context(seg: Segmentation, keywords: dict[int, list[str]]) -> dict[int, list[str]]:
    """Topics a paragraph owes to its surroundings: the heckle it answers, an interruption,
    the question an answer replies to."""
    out: dict[int, list[str]] = {}
    speech_owner: str | None = None
    announced: list[str] = []
    for n, part in enumerate(seg.parts):
        if part.role is Role.HEADING:
            speech_owner = None
        if part.role is Role.SPEECH and speech_owner is None:
            speech_owner = part.owner
        if part.owner is None or n == 0:
            continue
        before = seg.parts[n - 1]
        extra: list[str] = []
        if part.role is Role.TURN and speech_owner not in (None, part.owner):
            extra += _INTERRUPTED
        if before.role is Role.CROWD:
            extra += keywords.get(n - 1, [])[:4] + _crowd_words(before.text)
        elif before.role is Role.TURN and before.owner != part.owner:  # after an interruption
            extra += keywords.get(n - 1, [])[:4] + _INTERRUPTED + ["responded", "handled"]
        if part.hint == "answer" and before.hint == "question":
            extra += keywords.get(n - 1, [])[:5]
        if part.hint in _READ_HINTS:  # words read out: the words of the announcement too
            if before.hint not in _READ_HINTS:
                # the sentence that announced them ("In his speech at Springfield ... he
                # said:") says whose words and from where
                cue = re.split(r"(?<=[.?!])\s+", before.text.strip())[-1]
                announced = _phrases(cue)[:6] + keywords.get(n - 1, [])[:2] + ["speech", "words"]
            extra += announced + _READ_OUT
        elif before.hint in _READ_HINTS and part.role is Role.SPEECH and part.owner in (
            before.reader, before.owner
        ):  # the reader's comment on what he just read out: "There you find that ..."
            extra += _read_words(before.text, keywords.get(n - 1, []))
        if extra:
            out[n] = extra
    return out


def _announce_documents(
    out: list[Drafted], seg: Segmentation, keywords: dict[int, list[str]]
) -> None:
    """The reader's last sentence before a document read out ("Here are the resolutions of
    this platform:") gets the document's key words, so that "who read out the platform?"
    and "what did the platform say about X?" find the one who read it."""
    last_of: dict[int, Drafted] = {d.paragraph: d for d in out}
    n = 0
    while n < len(seg.parts):
        part = seg.parts[n]
        if part.hint != "document" or part.owner is None:
            n += 1
            continue
        end = n
        words: list[str] = []
        while end < len(seg.parts) and (
            seg.parts[end].hint == "document" or seg.parts[end].role is Role.CROWD
        ):
            if seg.parts[end].hint == "document":
                phrases = [p for p in _phrases(seg.parts[end].text) if " " in p]
                words += phrases[:3] + keywords.get(end, [])[:4]
            end += 1
        intro = next(
            (last_of[k] for k in range(n - 1, -1, -1)
             if k in last_of and last_of[k].contributor == part.owner),
            None,
        )
        if intro is not None:
            _extend(intro.topics, words[:12] + _READ_OUT + ["document", "read aloud"])
        n = end


NARRATED = 4  # phrases of the reporter's note a position next to it takes


def _narrated(out: list[Drafted], seg: Segmentation) -> None:
    """The reporter's note just after a speaker's words ("Mr. Douglas' time here expired")
    or just before them ("Mr. Lincoln was introduced by ...") tells of the position
    beside it: it takes the note's phrases."""
    for m, part in enumerate(seg.parts):
        if part.role is not Role.NARRATION:
            continue
        words = _phrases(part.text)[:NARRATED]
        before = [d for d in out if d.paragraph < m]
        after = [d for d in out if d.paragraph > m]
        if before and _only_crowd_between(seg, before[-1].paragraph, m):
            _extend(before[-1].topics, words)
        if after and _only_crowd_between(seg, m, after[0].paragraph):
            _extend(after[0].topics, words)


def _only_crowd_between(seg: Segmentation, a: int, b: int) -> bool:
    """Whether nothing but the crowd's reactions stands between paragraphs a and b."""
    return all(seg.parts[k].role is Role.CROWD for k in range(a + 1, b))


def _extend(topics: list[str], more: list[str]) -> None:
    """Add the topics not there yet, in order."""
    for t in more:
        if t not in topics:
            topics.append(t)


_COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve")
_NTH = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth")


def _number_series(out: list[Drafted], seg: Segmentation) -> None:
    """A run of questions one speaker puts to the other ("I desire to know whether ...",
    "Q. 2. ..."; not rhetorical ones), answers between them allowed, gets its order and
    count as topics ("second question", "seven questions"); a run of answers likewise."""
    runs: dict[tuple[str, str], list[list[Drafted]]] = {}
    numbered: list[tuple[Drafted, str]] = []  # each question put, with its ordinal

    def flush() -> None:
        for (_, kind), items in runs.items():
            if len(items) < 2:
                continue
            count = _COUNTS[len(items) - 1] if len(items) <= len(_COUNTS) else ""
            for k, item in enumerate(items):
                labels = [f"{_NTH[k]} {kind}"] if k < len(_NTH) else []
                labels += [f"{count} {kind}s"] if count else []
                if k == len(items) - 1:
                    labels.append(f"last {kind}")
                for d in item:
                    _extend(d.topics, labels)
                    if kind == "question" and k < len(_NTH):
                        numbered.append((d, _NTH[k]))
        runs.clear()

    for d in out:
        part = seg.parts[d.paragraph]
        put = d.kind == "question" and (part.hint == "question" or bool(_ASKED.search(d.quote)))
        if not put and d.kind != "answer":
            flush()
            continue
        kind = "question" if put else "answer"
        items = runs.setdefault((d.contributor, kind), [])
        one_each = part.hint in ("question", "answer")  # "Q. 2." and "A." paragraphs
        if items and one_each and items[-1][-1].paragraph == d.paragraph:
            items[-1].append(d)
        else:
            items.append([d])
    flush()
    _link_answers(out, numbered)


def _link_answers(out: list[Drafted], numbered: list[tuple[Drafted, str]]) -> None:
    """An answer given apart from its question ("I answer emphatically ...") takes the
    ordinal of the numbered question of the other speaker it shares most words with: the
    answer to the second question is found as "second question"."""
    words = {id(q): {t for t in _tokens(q.quote) if _content(t)} for q, _ in numbered}
    for d in out:
        if d.kind != "answer" or any(t.endswith((" question", " answer")) for t in d.topics):
            continue
        mine = {t for t in _tokens(d.quote) if _content(t)}
        best, best_share = None, 0.0
        for q, nth in numbered:
            if q.contributor == d.contributor or not mine:
                continue
            shared = len(mine & words[id(q)]) / len(mine | words[id(q)])
            if shared > best_share:
                best, best_share = nth, shared
        if best is not None and best_share >= LINK_SHARE:
            _extend(d.topics, [f"{best} question", f"{best} answer"])


def _mark_speech_ends(out: list[Drafted], seg: Segmentation) -> None:
    """The first and last positions of each speech get words for "how did X open/close"."""
    speech: list[Drafted] = []
    head = ""
    by_paragraph: dict[int, list[Drafted]] = {}
    for d in out:
        by_paragraph.setdefault(d.paragraph, []).append(d)

    speeches = sum(1 for p in seg.parts if p.role is Role.HEADING)
    count = 0
    speeches_of: dict[str, list[list[Drafted]]] = {}

    def close() -> None:
        if not speech:
            return
        labels = [head] if head else []
        _extend(labels, ["speech"])  # a reply or a rejoinder is a speech too
        if owner is not None:
            speeches_of.setdefault(owner, []).append(list(speech))
        if speeches > 1:
            # no "first speech": "first" tells a speaker's first question from the rest
            labels += (["opening speech"] if count == 1 else
                       ["rejoinder", "closing speech", "final speech", "last speech"]
                       if count == speeches else ["reply", "response"])
        for d in speech:
            _extend(d.topics, labels)
        for d in speech[1:2]:
            _extend(d.topics, OPENING[:1])  # the words just after the first: less so
        for d in speech[-2:-1]:
            _extend(d.topics, CLOSING[1:2])
        if speech:
            names = list(dict.fromkeys([head or "speech", "speech"]))
            _extend(speech[0].topics, OPENING + [f"start of the {n}" for n in names])
            _extend(speech[-1].topics, CLOSING + [f"end of the {n}" for n in names])
            if count == speeches and speeches > 1:
                _extend(speech[-1].topics, _DEBATE_END)
            if count == 1 and speeches > 1:
                _extend(speech[0].topics, _DEBATE_START)

    owner: str | None = None
    for n, part in enumerate(seg.parts):
        if part.role is Role.HEADING:
            close()
            speech, owner = [], None
            count += 1
            head = " ".join(w for w in re.findall(r"[A-Z]{4,}", part.text)[1:]).casefold()
            continue
        for d in by_paragraph.get(n, []):
            if owner is None:
                owner = d.contributor
            if d.contributor == owner:
                speech.append(d)
    close()
    for s in seg.speakers:  # a speaker's first and last words: in their own speeches
        own = speeches_of.get(s.key, [])
        mine = [d for d in out if d.contributor == s.key]
        first = own[0][0] if own else (mine[0] if len(mine) > 1 else None)
        last = own[-1][-1] if own else (mine[-1] if len(mine) > 1 else None)
        if first is not None and last is not None and first is not last:
            _extend(first.topics, _FIRST_WORDS)
            _extend(last.topics, _LAST_WORDS)


_QUOTED_WORDS = re.compile(r"[\u201c\"]([^\u201c\u201d\"]{12,}?)[\u201d\"]")


def _quoted_from(
    quote: str, owner: str, n: int, seg: Segmentation, squashed: list[str]
) -> list[str]:
    """The other contributors whose words, from earlier in the text, a quote puts in
    quotation marks ("a matter of sound strategy"): whom it answers. `squashed`: each part's
    text as `squash` gives it, in the order of `seg.parts`."""
    found: list[str] = []
    for m in _QUOTED_WORDS.finditer(quote):
        words = squash(m.group(1).strip(" ,.;:"))
        if len(words.split()) < 3:
            continue
        for part, text in zip(seg.parts[:n], squashed, strict=False):
            if part.owner not in (None, owner) and part.owner not in found and words in text:
                found.append(part.owner)
    return found


def _target(quote: str, owner: str, kind: str, names: Names, order: list[str]) -> str | None:
    named = names.named(quote, owner)
    if named:
        return named[0]
    others = [k for k in order if k != owner]
    if len(others) == 1 and kind in ("question", "answer"):
        return others[0]  # in a debate of two, a question or answer is to the other
    if len(others) == 1 and kind != "claim" and _POINTERS.search(quote):
        return others[0]
    return None


KEY_PHRASES = 4  # a paragraph's key phrases: those it says more than once, most first ...
KEY_WORDS = 4  # ... and its words of most weight (count times rarity)


def _keywords(text: str, idf: object) -> list[str]:
    """A paragraph's key phrases and words: topics of its sentences and of the next."""
    assert callable(idf)
    counts = Counter(p for p in _phrases(text) if " " in p)
    words = Counter(t for t in _tokens(text) if _content(t))
    scored = sorted(
        words, key=lambda w: -(words[w] * idf(w))
    )
    pairs = [p for p, c in counts.most_common() if c > 1]
    return pairs[:KEY_PHRASES] + scored[:KEY_WORDS]


NEIGHBOUR_PHRASES = 1  # key phrases a sentence borrows from each sentence beside it ...
NEIGHBOUR_WORDS = 1  # ... and its rarest words, in a paragraph of at least
NEIGHBOURS_FROM = 6  # this many sentences (a debater's long passage; a short paragraph
# is one point, whose sentences share its key words already)


def _neighbours(pieces_of: list[tuple[int, Part, Piece]], k: int, idf: object) -> list[str]:
    """The key phrases of the sentences just before and after piece `k` in its paragraph:
    a point made over two sentences is found in either."""
    assert callable(idf)
    n = pieces_of[k][0]
    out: list[str] = []
    for j in (k - 1, k + 1):
        if 0 <= j < len(pieces_of) and pieces_of[j][0] == n:
            phrases = _phrases(pieces_of[j][2].text)
            multi = [p for p in phrases if " " in p][:NEIGHBOUR_PHRASES]
            single = sorted(
                dict.fromkeys(p for p in phrases if " " not in p), key=lambda w: -idf(w)
            )
            out += multi + single[:NEIGHBOUR_WORDS]
    return out


def _topics(quote: str, paragraph_words: list[str], idf: object) -> list[str]:
    assert callable(idf)
    phrases = _phrases(quote)
    multi = [p for p in phrases if " " in p]
    single = sorted(dict.fromkeys(p for p in phrases if " " not in p), key=lambda w: -idf(w))
    out: list[str] = []
    for p in multi[:4] + single[:3] + paragraph_words:
        if p not in out:
            out.append(p)
    return out[:9]


def _summary(
    quote: str, short: str, kind: str, target: str | None, names: Names, part: Part
) -> str:
    whom = names.short.get(target or "", "another contributor")
    verb = VERBS[kind].format(target=whom)
    if target is None and kind in ("question", "answer"):
        verb = verb.split()[0]  # a question put to the audience: "Lincoln asks: ..."
    words = quote.replace("\n", " ").split()
    text = " ".join(words[:24]) + (" ..." if len(words) > 24 else "")
    reader = names.short.get(part.reader or "", "")
    if part.hint in ("readout", "question") and reader:
        return f"{short}'s words, read out by {reader}: {text}"
    if part.hint == "document":
        return f"{short} reads out a document (not {short}'s own words): {text}"
    if part.hint == "own-readout":
        return f"{short} reads out earlier words of {short}'s own: {text}"
    return f"{short} {verb}: {text}"


def _mark_central(out: list[Drafted], seg: Segmentation) -> None:
    """Each contributor's main points: their opening piece and their thesis sentences."""
    for s in seg.speakers:
        mine = [d for d in out if d.contributor == s.key]
        if not mine:
            continue
        own = [d for d in mine if seg.parts[d.paragraph].reader is None] or mine
        chosen = [own[0]] + [d for d in own[1:] if _THESIS.search(d.quote)]
        for d in chosen[:CENTRAL_PER_CONTRIBUTOR]:
            d.central = True
