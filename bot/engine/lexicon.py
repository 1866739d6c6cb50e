"""Word lists the question reader uses: function words, relation words, synonyms, ordinals.

These are about English and about reading a debate, not about any one reading: what a
reading's own topics are called lives in its knowledge files (position `topics`).
"""

from __future__ import annotations

from enum import StrEnum


class Relation(StrEnum):
    """What a question asks about a contributor's positions."""

    ANY = "any"
    AGREE = "agree"
    DISAGREE = "disagree"
    RECOMMEND = "recommend"
    CONCERN = "concern"
    CRITIQUE = "critique"
    CONCEDE = "concede"
    SUMMARY = "summary"


# Kinds of position (knowledge Kind values) that answer each relation, best first.
RELATION_KINDS: dict[Relation, tuple[str, ...]] = {
    Relation.AGREE: ("agreement",),
    Relation.DISAGREE: ("disagreement", "critique"),
    Relation.RECOMMEND: ("recommendation",),
    Relation.CONCERN: ("concern", "critique"),
    Relation.CRITIQUE: ("critique", "disagreement", "concern"),
    Relation.CONCEDE: ("concession", "agreement"),
}

# Words (stems are taken at load) that signal a relation. Multi-word cues are matched on text.
RELATION_WORDS: dict[Relation, tuple[str, ...]] = {
    Relation.DISAGREE: (
        "disagree", "disagreement", "differ", "difference", "different", "object",
        "objection", "dispute", "oppose", "opposed", "contradict", "reject", "rebut",
        "counter", "challenge", "contest", "dissent", "diverge", "clash",
    ),
    Relation.AGREE: (
        "agree", "agreement", "endorse", "endorsement", "concur", "echo", "share", "praise",
        "join", "approve", "build",
    ),
    Relation.RECOMMEND: (
        "recommend", "recommendation", "propose", "proposal", "suggest", "suggestion",
        "advise", "advice", "urge", "advocate", "prescribe", "should", "ought", "must",
        "call", "want", "proposes", "solution", "remedy", "steps", "policy",
    ),
    Relation.CONCERN: (
        "worry", "worried", "worries", "concern", "concerned", "fear", "afraid",
        "anxious", "uneasy", "danger", "risk", "trouble", "bother", "nervous",
    ),
    Relation.CRITIQUE: (
        "criticize", "criticise", "criticism", "critique", "critical", "fault", "blame",
        "attack", "complain", "condemn", "slam", "knock", "problem", "wrong",
    ),
    Relation.CONCEDE: ("concede", "concession", "admit", "grant", "acknowledge", "allow"),
    Relation.SUMMARY: (
        "summary", "summarize", "summarise", "sum", "gist", "overview", "main", "thesis",
        "argument", "position", "point", "overall", "central", "key", "stance", "view",
        "tldr", "takeaway", "essence", "core",
    ),
}

# Phrases that name a relation in more than one word.
RELATION_PHRASES: dict[str, Relation] = {
    "push back": Relation.DISAGREE,
    "pushes back": Relation.DISAGREE,
    "pushed back": Relation.DISAGREE,
    "take issue": Relation.DISAGREE,
    "took issue": Relation.DISAGREE,
    "at odds": Relation.DISAGREE,
    "point of difference": Relation.DISAGREE,
    "part ways": Relation.DISAGREE,
    "side with": Relation.AGREE,
    "sided with": Relation.AGREE,
    "on the same page": Relation.AGREE,
    "in line with": Relation.AGREE,
    "agrees with": Relation.AGREE,
    "agree with": Relation.AGREE,
    "agreed with": Relation.AGREE,
    "what should": Relation.RECOMMEND,
    "what does he want": Relation.RECOMMEND,
    "what do they want": Relation.RECOMMEND,
    "call for": Relation.RECOMMEND,
    "calls for": Relation.RECOMMEND,
    "called for": Relation.RECOMMEND,
    "main point": Relation.SUMMARY,
    "main argument": Relation.SUMMARY,
    "key point": Relation.SUMMARY,
    "in a nutshell": Relation.SUMMARY,
    "in short": Relation.SUMMARY,
    "sum up": Relation.SUMMARY,
    "big picture": Relation.SUMMARY,
}

# Words that ask for a comparison between contributors.
COMPARE_WORDS = frozenset(
    {"compare", "comparison", "contrast", "versus", "vs", "v", "between", "differ", "difference",
     "differences", "similar", "similarity", "similarities", "both", "alike"}
)

# Words that make a question a "who" question (answers grouped by contributor).
WHO_WORDS = frozenset({"who", "whom", "whose", "which", "anyone", "anybody", "somebody", "someone"})

# Verbs of saying: no topic content of their own.
SAY_WORDS = frozenset(
    {
        "say", "said", "says", "saying", "think", "thinks", "thought", "believe", "believes",
        "argue", "argues", "argued", "arguing", "claim", "claims", "claimed", "talk", "talks",
        "talked", "talking", "mention", "mentions", "mentioned", "mentioning", "discuss",
        "discussed", "discusses", "write", "wrote", "written", "writes", "bring", "brought",
        "brings", "raise", "raised", "raises", "state", "stated", "states", "note", "noted",
        "notes", "feel", "feels", "felt", "make", "made", "makes", "view", "views", "opinion",
        "opinions", "position", "positions", "stance", "take", "takes", "took", "explain",
        "explains", "explained", "refer", "refers", "referred", "cite", "cited", "cites",
        "address", "addressed", "addresses", "speak", "spoke", "speaks", "put", "puts", "tell",
        "tells", "told", "describe", "described", "describes", "call", "called", "calls",
        "point", "points", "pointed", "out", "up", "reckon", "reckons", "hold", "holds",
        "held", "propose", "proposed", "proposes", "suggest", "suggested", "suggests",
        "recommend", "recommended", "recommends", "express", "expressed", "expresses",
        "insist", "insists", "insisted", "contend", "contends", "contended", "see", "sees",
        "saw", "look", "looks", "focus", "focuses", "focused", "emphasize", "emphasizes",
        "stress", "stresses", "stressed", "highlight", "highlights", "highlighted", "want",
        "wants", "wanted", "regard", "regarding", "regards", "respond", "responded",
        "responds", "reply", "replied", "react", "reacted", "answer", "answered",
    }
)

# Function words and question scaffolding: never topic words.
STOPWORDS = frozenset(
    """
    a an the and or but if then than so as of at by for from in into on onto to with without
    about above after again against all also am any are aren is isn was wasn were weren be been
    being have has hadn had having do does did doesn didn doing done can could couldn would wouldn
    will won shall may might must should shouldn ought i me my mine myself we our ours ourselves
    you your yours yourself he him his himself she her hers herself it its itself they them their
    theirs themselves this that these those there here what whats which who whom whose when where
    why how whether not no nor only own same such too very just more most much many some few each
    every other others another any anything something nothing everything one ones s t d ll m o re
    ve y let lets please thanks thank hi hello hey ok okay yes yeah really actually like get got
    gets give gives gave go goes went going come comes came know knows knew tell me us kind sort
    bit lot lots way ways thing things stuff bot question questions answer anyone anybody
    someone somebody guy guys author authors contributor contributors respondent
    respondents writer writers speaker speakers essay essays piece response responses reading
    text article conversation debate discussion part section paragraph quote quotes quoted said
    exactly specifically particular particularly generally basically overall regarding concerning
    topic topics subject issue idea ideas
    """.split()
)

# Words that look like topics but only point at the reading itself ("in this text").
META_WORDS = frozenset({"chinafile", "atlantic", "today", "now", "here", "conversation"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "sixth": 6, "6th": 6, "seventh": 7, "7th": 7, "eighth": 8, "8th": 8,
}
LAST_WORDS = frozenset({"last", "final", "closing", "latest", "concluding"})
PERSON_NOUNS = frozenset(
    {
        "contributor", "contributors", "respondent", "respondents", "author", "authors", "writer",
        "writers", "speaker", "speakers", "one", "commenter", "commentator", "participant",
        "person", "guy", "essay", "response", "piece", "contribution", "voice", "panelist",
        "expert", "entry", "post",
    }
)

# Everyday words a question may use for ideas the text puts otherwise. Keys and values are
# plain words; stems are taken when the index is built.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "wealth": ("economic", "economy", "prosperous", "clout"),
    "wealthy": ("economic", "prosperous", "clout"),
    "rich": ("economic", "prosperous", "clout"),
    "richer": ("economic", "prosperous"),
    "money": ("economic", "trade", "aid", "clout"),
    "economy": ("economic",),
    "economics": ("economic",),
    "financial": ("economic",),
    "growth": ("economic", "success"),
    "power": ("clout", "power"),
    "leverage": ("clout", "pressure"),
    "harder": ("difficulty", "difficult", "defeated"),
    "hard": ("difficulty", "difficult"),
    "difficult": ("difficulty",),
    "undermine": ("undermines", "defeated", "diminishes", "damage"),
    "undermines": ("undermine", "defeated", "diminishes"),
    "weaken": ("undermine", "diminishes", "defeated"),
    "western": ("west",),
    "westerners": ("west",),
    "europe": ("western", "allies"),
    "allies": ("countries", "partnerships"),
    "partners": ("partnerships", "allies"),
    "quiet": ("private", "mutes"),
    "silent": ("private", "mutes"),
    "public": ("vocal",),
    "loud": ("vocal",),
    "outspoken": ("vocal",),
    "firms": ("companies", "businesses"),
    "corporations": ("companies", "businesses"),
    "corporate": ("companies", "businesses"),
    "company": ("companies", "businesses"),
    "business": ("businesses", "companies"),
    "commerce": ("trade", "business"),
    "government": ("state", "regime", "party"),
    "regime": ("government", "party"),
    "authorities": ("government", "state"),
    "ccp": ("communist", "party", "cpc"),
    "cpc": ("communist", "party"),
    "communists": ("communist", "party"),
    "beijing": ("chinese", "government"),
    "xi": ("chinese", "government", "party"),
    "prc": ("china",),
    "people": ("citizens", "citizenry"),
    "ordinary": ("citizens",),
    "grassroots": ("citizens", "citizen"),
    "activists": ("activists", "citizens"),
    "dissidents": ("activists",),
    "prisoner": ("prison", "imprisoned"),
    "jailed": ("prison", "imprisoned"),
    "jail": ("prison",),
    "imprisonment": ("prison", "imprisoned"),
    "detention": ("detained", "imprisoned"),
    "torture": ("abu", "ghraib", "guantanamo", "abuse"),
    "hypocrisy": ("example", "model", "standing"),
    "hypocritical": ("example", "model"),
    "example": ("model", "example"),
    "role": ("model",),
    "morality": ("moral",),
    "ethics": ("ethical", "moral"),
    "ethical": ("moral",),
    "values": ("moral",),
    "self": ("interest",),
    "interests": ("interest",),
    "pragmatism": ("pragmatic", "realist", "realism"),
    "pragmatic": ("realist", "realism"),
    "realpolitik": ("realist", "realism"),
    "strategic": ("strategy",),
    "smart": ("strategy",),
    "useful": ("instrumentalizing", "strategy"),
    "tool": ("instrumentalizing",),
    "instrumental": ("instrumentalizing",),
    "internet": ("online", "microblogging", "firewall", "internet"),
    "online": ("internet", "microblogging"),
    "weibo": ("microblogging",),
    "twitter": ("microblogging",),
    "censorship": ("firewall",),
    "social": ("social", "microblogging"),
    "media": ("microblogging", "newspapers"),
    "press": ("newspapers", "journalists"),
    "un": ("nations", "council"),
    "upr": ("universal", "periodic", "review"),
    "tibet": ("tibetan", "dalai"),
    "tibetans": ("tibetan",),
    "tiananmen": ("june", "fourth", "crackdown"),
    "massacre": ("crackdown",),
    "1989": ("june", "fourth"),
    "soviet": ("soviet", "bloc"),
    "ussr": ("soviet",),
    "russia": ("soviet",),
    "cold": ("soviet",),
    "laureate": ("nobel",),
    "prize": ("nobel", "laureate"),
    "urgent": ("urgency",),
    "urgently": ("urgency",),
    "stable": ("stability", "stable"),
    "stability": ("stable",),
    "safe": ("safer",),
    "safety": ("safer",),
    "poor": ("poverty",),
    "reading": ("literacy",),
    "illiteracy": ("literacy",),
    "workers": ("workplaces", "factories"),
    "factory": ("factories",),
    "sweatshops": ("factories", "workers"),
    "apple": ("electronic", "devices"),
    "google": ("internet", "companies"),
    "tech": ("internet", "electronic"),
    "lawyer": ("lawyers",),
    "journalist": ("journalists",),
    "professional": ("professionals",),
    "model": ("example",),
    "lecturing": ("finger-pointing", "model"),
    "preachy": ("model", "moral"),
    "multilateral": ("multilateral", "partnerships"),
    "unilateral": ("multilateral",),
    "angry": ("angry", "rhetoric"),
    "anger": ("angry",),
    "rhetoric": ("rhetoric", "language"),
    "words": ("language", "rhetoric"),
    "wording": ("language",),
    "framing": ("language", "discourse"),
    "criticism": ("critiques",),
    "criticisms": ("critiques",),
    "listen": ("listen",),
    "consistent": ("consistent",),
    "inconsistent": ("conflicting", "consistent"),
    "mixed": ("conflicting",),
    "contradictory": ("conflicting",),
    "credit": ("credit", "accomplishments", "gains"),
    "achievements": ("accomplishments", "gains"),
    "successes": ("success", "accomplishments"),
    "progress": ("progress",),
    "improvement": ("progress", "improving"),
    "hk": ("hong", "kong"),
    "consulate": ("consulates",),
    "embassy": ("embassies",),
}
