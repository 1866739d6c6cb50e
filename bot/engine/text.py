"""Text handling shared by indexing and question reading: cleaning, tokens and stems."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

MAX_QUESTION_CHARS = 500  # the most of a message read as its question: time stays bounded
MAX_MESSAGE_CHARS = 4000  # of a longer message (Discord's longest) the asking part is found
MAX_TOKENS = 60

_MENTION = re.compile(r"<(?:@[!&]?|#|a?:\w+:)\d+>|@(?:everyone|here)\b")
_MARKDOWN = re.compile(r"[*_~`|>#\[\]()]+")
_URL = re.compile(r"https?://\S+")
_NUMBERED = re.compile(r"#\s?([1-9])\b")
_SPACE = re.compile(r"\s+")
# Every spelling of the United States becomes the token `usa`. Only an upper-case "US"
# counts ("tell us", "reminds us" do not); Washington is the country unless it is the city.
# the United Nations, written as in the text or in full
_UN = re.compile(r"\bU\.\s?N\.(?!\w)|\bUN\b|(?i:\bUnited\s+Nations\b)")
_US = re.compile(
    r"\bU\.\s?S\.(?:\s?A\.)?|\bUSA?\b"
    r"|(?i:\bUnited\s+States\b|\bAmericans?\b|\bAmericas?\b|\bWashington\b(?!\s+D\.\s?C))"
    r"|(?i:(?<=\bthe\s)us\b)"  # chat: "the us should ..."
)
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_COMPOUND = re.compile(r"\b([a-z]+)-([a-z]+)\b")

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2014": " - ",
        "\u2013": " - ",
        "\u00a0": " ",
    }
)


# a sentence ends after "?" or "!", or a full stop after a word ("lol."), not "U.S." or "J."
# (or after "...", a closing quote or bracket and a full stop, or an emoji)
# a colon before a question word ends a chat preamble too ("quick check: who said ...")
_END_MARK = re.compile(r"[!?.\u2600-\u27BF\U0001F000-\U0001FAFF]\s+|:\s+(?=(?:who|whom|whose|what|"
                       r"whats|which|why|how|did|does|do|is|was)\b)", re.I)
_CLOSERS = frozenset("'\"’”)")


def _ends_sentence(text: str, i: int) -> bool:
    """Whether the mark at `text[i]` (followed by a space) ends a sentence."""
    if text[i] != ".":
        return True
    before = text[max(0, i - 2) : i]
    if len(before) < 2:
        return False
    if before[1] == "." or all(c.islower() or c.isdigit() for c in before):
        return True
    return before[1] in _CLOSERS and before[0].islower()


def sentences(text: str) -> list[str]:
    """The sentences of a text, stripped, in order (the text itself when it is one)."""
    out: list[str] = []
    start = 0
    for m in _END_MARK.finditer(text):
        if _ends_sentence(text, m.start()):
            out.append(text[start : m.start() + 1].strip())
            start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


_WH = re.compile(r"\b(?:who|whom|whose|what|whats|which|why|how)\b", re.I)
_AUX_FIRST = re.compile(
    r"^(?:\W*\w+\W+){0,2}?(?:did|does|do|is|was|were|has|have|can|could|would|should)\b", re.I
)


def clean(raw: str, limit: int = MAX_QUESTION_CHARS) -> str:
    """A question as the engine reads it: no mentions, markdown, URLs or control characters;
    of a message longer than `limit`, the sentences that ask (see `asking_part`). Of a message
    longer than MAX_MESSAGE_CHARS, its first and last halves of that are read."""
    half = MAX_MESSAGE_CHARS // 2
    pieces = [raw] if len(raw) <= MAX_MESSAGE_CHARS else [raw[:half], raw[-half:]]
    return asking_part([_plain(p) for p in pieces], limit)[:limit]


def _plain(text: str) -> str:
    simple = text.isascii() and text.isprintable()
    if not simple:  # plain ASCII needs neither step
        text = unicodedata.normalize("NFKC", text)  # fullwidth and compatibility forms
        text = "".join(_control_to_space(ch) for ch in text)
    # (each pattern only where the text has a character every match of it holds)
    if "<" in text or "@" in text:
        text = _MENTION.sub(" ", text)
    if "://" in text:
        text = _URL.sub(" ", text)
    if "#" in text:
        text = _NUMBERED.sub(r"number \1", text)  # "#2" is no markdown heading
    text = text.translate(_FOLD)
    text = _MARKDOWN.sub(" ", text)
    if simple and "  " not in text:  # printable ASCII stays so: its only space is " "
        return text.strip()
    return _SPACE.sub(" ", text).strip()


def asking_part(pieces: list[str], limit: int) -> str:
    """Of text longer than `limit`, the sentences that ask, in order, as many as fit: those
    ending with "?", else those with a question word, else those starting with an auxiliary
    ("did Neier ..."); the text itself when none does. So a question after 500 characters of
    chat is not lost."""
    text = " ".join(p for p in pieces if p)
    if len(text) <= limit:
        return text
    parts = [s for p in pieces for s in sentences(p)]
    asking = (
        [s for s in parts if s.endswith("?")]
        or [s for s in parts if _WH.search(s) and len(s) <= limit]
        or [s for s in parts if _AUX_FIRST.match(s) and len(s) <= limit]
    )
    kept: list[str] = []
    size = 0
    for sentence in asking:
        if kept and size + len(sentence) >= limit:
            break
        kept.append(sentence)
        size += len(sentence) + 1
    if len(kept) == 1 and len(kept[0]) > limit:  # one long run-on: its end asks
        end = kept[0][-limit:].split(" ", 1)[-1]
        last_wh = [m.start() for m in _WH.finditer(end)]
        return end[last_wh[-1] :] if last_wh else end
    return " ".join(kept) or text


def _control_to_space(ch: str) -> str:
    """Format characters (zero-width joiners ...) vanish; other control characters space."""
    category = unicodedata.category(ch)
    if category == "Cf":
        return ""
    return " " if category[0] == "C" else ch


def fold(text: str) -> str:
    """Lower case with typographic quotes, dashes and spaces made plain."""
    return _SPACE.sub(" ", text.translate(_FOLD)).strip().lower()


def compounds(text: str) -> list[str]:
    """Hyphenated words written as one: "like-minded" -> "likeminded"."""
    return [a + b for a, b in _COMPOUND.findall(fold(text))]


def compound_parts(text: str) -> list[tuple[str, str, str]]:
    """Hyphenated words with their parts: "grocery-keeper" -> ("grocerykeeper", "grocery",
    "keeper")."""
    return [(a + b, a, b) for a, b in _COMPOUND.findall(fold(text))]


def join_compounds(text: str, keep: Callable[[str], bool]) -> str:
    """Write hyphenated words as one word where `keep` knows the joined form."""

    def join(m: re.Match[str]) -> str:
        joined = (m.group(1) + m.group(2)).lower()
        return joined if keep(joined) else m.group(0)

    return _HYPHENATED.sub(join, text) if "-" in text else text


_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+)\b")


def words(text: str, *, question: bool = False) -> list[str]:
    """Lower-case word tokens, accents stripped; 'U.S.', 'US' and 'America' become `usa`.

    A question's tokens are capped at MAX_TOKENS.
    """
    plain = text.translate(_FOLD)
    if not plain.isascii():  # accents stripped: "Béquelin" -> "Bequelin"
        plain = unicodedata.normalize("NFKD", plain)
        plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    plain = _countries(plain)
    if "." in plain:  # "C.I.A.", "E.U.": one word, as members write them ("CIA")
        plain = _INITIALISM.sub(lambda m: m.group(0).replace(".", ""), plain)
    tokens = _WORD.findall(plain.lower())
    out: list[str] = []
    for tok in tokens:
        if tok.endswith("'s"):
            tok = tok[:-2]
        elif "'" in tok:
            tok = tok.replace("'", "")
        if tok:
            out.append(tok)
    return out[:MAX_TOKENS] if question else out


_INITIALISM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?!\w)")
_THE_US = re.compile(r"the\sus")  # (in lower case: "the us" of chat)


def _countries(text: str) -> str:
    """`_US` and `_UN` applied, each only to an ASCII text holding what every match of it
    holds ("U." or "US"; "united", "america", "washington", "the us"; "U.", "UN" or
    "nations")."""
    if not text.isascii():
        return _UN.sub(" un ", _US.sub(" usa ", text))
    low = text.lower()
    if "U." in text or "US" in text or "united" in low or "america" in low or (
        "washington" in low or _THE_US.search(low)
    ):
        text = _US.sub(" usa ", text)
    return _UN.sub(" un ", text) if "U." in text or "UN" in text or "ations" in text else text


_SUFFIXES = (
    ("izations", "ize"),
    ("ization", "ize"),
    ("izing", "ize"),
    ("ized", "ize"),
    ("izes", "ize"),
    ("ational", "ate"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("ations", "ate"),
    ("ation", "ate"),
    ("ically", "ic"),
    ("ities", "ity"),
    ("ments", ""),
    ("ment", ""),
    ("ness", ""),
    ("ingly", ""),
    ("edly", ""),
    ("ing", ""),
    ("ied", "y"),
    ("ies", "y"),
    ("ed", ""),
    ("ly", ""),
    ("es", ""),
    ("s", ""),
)
_DERIVED = frozenset({"ness", "ment", "ments", "ly"})  # a suffix that may sit on another
_KEEP = frozenset({"us", "usa", "this", "was", "has", "is", "as", "its", "news", "arms"})


_SHORT_BASE = re.compile(r"^[aeiou][^aeiouwy](?:ing|ed)$")
# a three-letter stem of consonant, vowel, consonant had its "e": "home", "rule", "made"
# stay apart from the name "Hom", "rul..." and "mad"
_SILENT_E = re.compile(r"^[^aeiou][aeiou][^aeiouwxy]$")
_NOUN_BASE = 5  # "ment" comes off a longer base only: "agreement", not "movement", "comment"


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix-stripping stem: 'disagreed', 'disagreeing', 'disagrees' -> 'disagr'."""
    if len(word) <= 3 or word in _KEEP or word.isdigit():
        return word
    base = word
    for suffix, repl in _SUFFIXES:
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            continue
        if suffix in ("ing", "ed") and _SHORT_BASE.match(word):
            return word[:2] + "e"  # "using", "used" -> "use", as "use" is; not "bring"
        shortest = _NOUN_BASE if suffix.startswith("ment") else 3
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            base = word[: -len(suffix)] + repl
            if suffix in ("ing", "ed") and base[-1] == base[-2] and base[-1] not in "lsze" and (
                len(base) >= 4
            ):
                return base[:-1]  # 'stopped' -> 'stop', 'begged' -> 'beg'; 'adding' -> 'add'
            if suffix in _DERIVED and base != word:
                return stem(base)  # 'willingness' -> 'willing' -> 'will', as 'willing' does
            break
    stripped = base.rstrip("e")
    if _SILENT_E.match(stripped):
        return stripped + "e"  # 'home', 'homes' -> 'home'; 'ruled', 'ruling' -> 'rule'
    return stripped if len(stripped) >= 3 else base


def stems(text: str, *, question: bool = False) -> list[str]:
    """Stems of the word tokens of `text`."""
    return [stem(w) for w in words(text, question=question)]


def written_as_name(text: str, word: str, *, mid_sentence: bool = False) -> bool:
    """Whether `text` writes `word` capitalised, as a name ("Tiananmen", "the EU"), anywhere
    but at its very start; with `mid_sentence`, not right after a sentence ends either."""
    for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I):
        if not text[m.start()].isupper():
            continue
        before = text[: m.start()].rstrip() if mid_sentence else text[: m.start()]
        if before and not (mid_sentence and before[-1] in ".?!"):
            return True
    return False
