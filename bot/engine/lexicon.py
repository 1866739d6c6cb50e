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
    RESPOND = "respond"  # any position that answers another contributor
    QUESTION = "question"  # in a debate: a question one speaker puts to another
    ANSWER = "answer"  # ... and the answer to it


# Kinds of position (knowledge Kind values) that answer each relation, best first.
RELATION_KINDS: dict[Relation, tuple[str, ...]] = {
    Relation.AGREE: ("agreement",),
    Relation.DISAGREE: ("disagreement", "critique"),
    Relation.RECOMMEND: ("recommendation",),
    Relation.CONCERN: ("concern", "critique"),
    Relation.CRITIQUE: ("critique", "disagreement", "concern"),
    Relation.CONCEDE: ("concession", "agreement"),
    Relation.RESPOND: ("agreement", "disagreement", "critique", "concession", "concern"),
    Relation.QUESTION: ("question",),
    Relation.ANSWER: ("answer",),
}
# Relations asked only of readings that hold positions of their kinds (debates): elsewhere
# "question" and "answer" stay the everyday words they are ("what's the question here?").
KIND_ONLY_RELATIONS = frozenset({Relation.QUESTION, Relation.ANSWER})

# Words (stems are taken at load) that signal a relation. Multi-word cues are matched on text.
RELATION_WORDS: dict[Relation, tuple[str, ...]] = {
    Relation.DISAGREE: (
        "disagree", "disagreement", "differ", "difference", "different", "object",
        "objection", "dispute", "oppose", "opposed", "contradict", "reject", "rebut",
        "counter", "challenge", "contest", "dissent", "diverge", "clash", "beef", "quarrel",
        "gripe", "quibble", "objected", "bristle", "bristles", "bristled",
    ),
    Relation.AGREE: (
        "agree", "agreement", "endorse", "endorsement", "concur", "echo", "share", "praise",
        "join", "approve", "build", "built", "thank", "thanked", "laud", "commend",
        "applaud", "compliment",
    ),
    Relation.RECOMMEND: (
        "recommend", "recommendation", "propose", "proposal", "suggest", "suggestion",
        "advise", "advice", "urge", "advocate", "prescribe",
        "want", "proposes", "solution", "remedy", "demand", "demands",
    ),
    Relation.CONCERN: (
        "worry", "worried", "worries", "concern", "concerned", "fear", "afraid",
        "anxious", "uneasy", "danger", "nervous",
    ),
    Relation.CRITIQUE: (
        "criticize", "criticise", "criticism", "critique", "critical", "fault", "blame",
        "attack", "complain", "condemn", "slam", "knock", "diss", "dissed", "roast", "roasted",
        "bash", "bashed", "mock", "mocked", "ridicule", "ridiculed", "accuse", "accused",
        "grumble", "grumbles", "grumbled", "gripe", "gripes", "griped", "whine", "whines",
        "whined",
    ),
    Relation.CONCEDE: ("concede", "concession", "admit", "grant", "acknowledge", "allow"),
    Relation.RESPOND: (
        "cite", "cites", "cited", "reference", "references", "referenced", "respond",
        "responds", "responded", "reply", "replies", "replied", "react", "reacts", "reacted",
        "rebuttal",
    ),
    Relation.QUESTION: (
        "question", "questions", "questioned", "ask", "asks", "asked", "interrogatory",
        "interrogatories", "interrogate", "interrogated", "query", "queries", "quiz", "quizzed",
        "pressed", "grill", "grilled", "grilling",
    ),
    Relation.ANSWER: ("answer", "answers", "answered", "answering"),
    Relation.SUMMARY: (
        "summary", "summarize", "summarise", "sum", "gist", "overview", "main", "thesis",
        "argument", "position", "point", "overall", "central", "stance", "view",
        "tldr", "takeaway", "essence", "core", "briefly", "recap", "nutshell", "pitch",
    ),
}

# Common English given names: "john brown" in a question names one man, whom a text that
# writes only "John Wentworth" and "a little brown" never names.
FIRST_NAMES = frozenset(
    """
    alexander andrew benjamin charles daniel david edward frederick george henry james john
    joseph richard robert samuel thomas william mary elizabeth sarah margaret anne jane
    """.split()
)

# Phrases that name a relation in more than one word.
RELATION_PHRASES: dict[str, Relation] = {
    "push back": Relation.DISAGREE,
    "hit back": Relation.RESPOND,  # "how does Lincoln hit back at Douglas calling him X"
    "hits back": Relation.RESPOND,
    "hitting back": Relation.RESPOND,
    "fire back": Relation.RESPOND,
    "fires back": Relation.RESPOND,
    "fired back": Relation.RESPOND,
    "shoots back": Relation.RESPOND,
    "shot back": Relation.RESPOND,
    "strikes back": Relation.RESPOND,
    "struck back": Relation.RESPOND,
    "problem with": Relation.DISAGREE,
    "wrong with": Relation.CRITIQUE,
    "problems with": Relation.DISAGREE,
    "issue with": Relation.DISAGREE,
    "issues with": Relation.DISAGREE,
    "bone to pick": Relation.DISAGREE,
    "beef with": Relation.DISAGREE,
    "reservations about": Relation.CONCERN,
    "had reservations": Relation.CONCERN,
    "uneasy about": Relation.CONCERN,
    "tl dr": Relation.SUMMARY,
    "tldr": Relation.SUMMARY,
    "pushes back": Relation.DISAGREE,
    "pushed back": Relation.DISAGREE,
    "take issue": Relation.DISAGREE,
    "took issue": Relation.DISAGREE,
    "at odds": Relation.DISAGREE,
    "point of difference": Relation.DISAGREE,
    "part ways": Relation.DISAGREE,
    "parts ways": Relation.DISAGREE,
    "parted ways": Relation.DISAGREE,
    "break with": Relation.DISAGREE,
    "breaks with": Relation.DISAGREE,
    "broke with": Relation.DISAGREE,
    "split with": Relation.DISAGREE,
    "splits with": Relation.DISAGREE,
    "differ with": Relation.DISAGREE,
    "differs with": Relation.DISAGREE,
    "nodding along": Relation.AGREE,
    "nod along": Relation.AGREE,
    "nods along": Relation.AGREE,
    "going along with": Relation.AGREE,
    "goes along with": Relation.AGREE,
    "go along with": Relation.AGREE,
    "dont see eye to eye": Relation.DISAGREE,
    "not see eye to eye": Relation.DISAGREE,
    "see eye to eye": Relation.AGREE,
    "anything nice": Relation.AGREE,
    "something nice": Relation.AGREE,
    "nice things": Relation.AGREE,
    "anything positive": Relation.AGREE,
    "good things": Relation.AGREE,
    "kind words": Relation.AGREE,
    "back up": Relation.AGREE,
    "backed up": Relation.AGREE,
    "backs up": Relation.AGREE,
    "side with": Relation.AGREE,
    "sided with": Relation.AGREE,
    "on the same page": Relation.AGREE,
    "got right": Relation.AGREE,
    "gets right": Relation.AGREE,
    "get right": Relation.AGREE,
    "in line with": Relation.AGREE,
    "agrees with": Relation.AGREE,
    "agree with": Relation.AGREE,
    "agreed with": Relation.AGREE,
    "what should": Relation.RECOMMEND,
    "should do": Relation.RECOMMEND,
    "must do": Relation.RECOMMEND,
    "ought to do": Relation.RECOMMEND,
    "should say": Relation.RECOMMEND,
    "what must": Relation.RECOMMEND,
    "how should": Relation.RECOMMEND,
    "what ought": Relation.RECOMMEND,
    "what does he want": Relation.RECOMMEND,
    "what do they want": Relation.RECOMMEND,
    "ideas for": Relation.RECOMMEND,
    "any ideas": Relation.RECOMMEND,
    "suggestions for": Relation.RECOMMEND,
    "call for": Relation.RECOMMEND,
    "calls for": Relation.RECOMMEND,
    "called for": Relation.RECOMMEND,
    "main point": Relation.SUMMARY,
    "main argument": Relation.SUMMARY,
    "key point": Relation.SUMMARY,
    "key points": Relation.SUMMARY,
    "key takeaway": Relation.SUMMARY,
    "in a nutshell": Relation.SUMMARY,
    "in short": Relation.SUMMARY,
    "sum up": Relation.SUMMARY,
    "big picture": Relation.SUMMARY,
    "big idea": Relation.SUMMARY,
    "main idea": Relation.SUMMARY,
    "key idea": Relation.SUMMARY,
    "core idea": Relation.SUMMARY,
    "bottom line": Relation.SUMMARY,
    "short version": Relation.SUMMARY,
    "his pitch": Relation.SUMMARY,  # "what's his pitch to the pols"
    "her pitch": Relation.SUMMARY,
    "their pitch": Relation.SUMMARY,
    "his take": Relation.SUMMARY,  # "what's his take": his view, in short
    "her take": Relation.SUMMARY,
    "their take": Relation.SUMMARY,
    "his deal": Relation.SUMMARY,  # "what's his deal": what he is about
    "her deal": Relation.SUMMARY,
    "their deal": Relation.SUMMARY,
    "fault line": Relation.DISAGREE,
    "fault lines": Relation.DISAGREE,
    "sticking point": Relation.DISAGREE,
    "bone of contention": Relation.DISAGREE,
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
        "propose", "proposed", "proposes", "suggest", "suggested", "suggests",
        "recommend", "recommended", "recommends", "express", "expressed", "expresses",
        "insist", "insists", "insisted", "contend", "contends", "contended", "see", "sees",
        "saw", "look", "looks", "focus", "focuses", "focused", "emphasize", "emphasizes",
        "stress", "stresses", "stressed", "highlight", "highlights", "highlighted", "want",
        "wants", "wanted", "regard", "regarding", "regards", "respond", "responded",
        "responds", "reply", "replied", "react", "reacted", "answer", "answered", "name",
        "names", "named", "naming", "ask", "asks", "asked", "asking",
    }
)

# Function words and question scaffolding: never topic words.
STOPWORDS = frozenset(
    """
    a an the and or but if then than so as of at by for from in into on onto to with without
    beyond
    about above after during again against all also am any are aren is isn was wasn were weren
    be been
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
    text article conversation part section paragraph quote quotes quoted said
    exactly specifically particular particularly generally basically overall regarding concerning
    topic topics subject issue idea ideas dont doesnt didnt cant wont isnt arent wasnt werent
    shouldnt wouldnt couldnt havent hasnt sure ever whenever always anymore mean means meant
    lines sentence sentences word few couple bunch whole kinda sorta gonna wanna stuff
    im ive id ill youre thats theyre hes shes hed youd theyd youve weve theyve youll theyll
    itd thatd whod itll thatll hadnt theres whos per whoever whatever confused wondering curious
    understand remind help exactly bot else instead according number mr mrs ms dr everyone
    everybody fraction proportion percentage percent amount before
    """.split()
)

# Nouns that name a reading ("in this debate") but are topics of their own elsewhere
# ("progress blooms from argument and debate", "open discussion"): see question._terms.
READING_NOUNS = frozenset({"debate", "debates", "discussion", "discussions"})

# Chat: filler that carries no topic ("omg", "pls", "for class tomorrow") ...
CHAT_FILLER = frozenset(
    """
    omg idk fr pls plz lol lmao lmfao tia hiya ugh yo sorry dumb quick tbh imo imho ngl btw
    rn tho smh jk haha hahaha heyy heyyy hii thx ty pleaseee asap class tomorrow tonight prof
    professor homework vibing vibe literally honestly seriously anyways anyway blah page pg ish
    tryna gotta lemme gimme supposed doc rereading reread quiz exam midterm seminar true
    presenting presentation somewhere nah wait
    """.split()
)
# ... and chat spellings of everyday words.
CHAT_SPELLINGS = {
    "ppl": "people", "pols": "politicians", "govt": "government", "gov": "government",
    "clapback": "comeback", "clapbacks": "comebacks",
    "w": "with", "u": "you",
    "ur": "your", "abt": "about", "bc": "because", "cuz": "because", "b4": "before",
    "smth": "something", "sth": "something", "wat": "what", "wht": "what", "diff": "different",
    "thru": "through", "r": "are", "y": "why", "ppls": "people", "convo": "conversation",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmrow": "tomorrow", "2moro": "tomorrow",
    "usg": "government",  # "the USG": the U.S. government
}

# Function words of other languages that English never uses, accents stripped ("qué" is
# "que"): a question made of more of these than of English ones is not in English.
FOREIGN_WORDS = frozenset(
    """
    que quien quienes dijo dice piensa sobre los las del por para una como esta estan pero
    segun ella ellos porque cual cuales donde cuando tambien qu quoi qui dit pense sur les des
    est une pourquoi comment selon elle ils avec sont dans pas ce cette gesagt uber sagt denkt
    der das und ist nicht wer wie warum ich sie mit auf fur disse pensa cosa detto chi perche
    della sono
    """.split()
)

# Words that look like topics but only point at the reading itself ("in this text"); the
# words of a reading's own series name ("A ChinaFile Conversation") are added per reading.
META_WORDS = frozenset({"today", "now", "here", "conversation", "convo", "thread", "later",
                        "afterwards", "afterward", "subsequently"})

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

# Everyday words for a person spoken of in a text (not a contributor): "who mentioned the
# jailed laureate?" then "what's his name?" asks the laureate's name.
WORLD_PERSON_NOUNS = frozenset(
    """laureate winner dissident activist activists lawyer lawyers prisoner prisoners wife
    husband son daughter leader leaders president premier official officials journalist
    journalists blogger artist man woman victim victims defender defenders general senator
    judge candidate editor reporter friend enemy rival opponent teacher master mayor governor
    minister doctor priest farmer soldier neighbour neighbor""".split()
)

# Groups of everyday English words that can stand for each other in a question. A question
# word is also searched as every other word of its groups (the index keeps those it holds).
SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("damage", "hurt", "harm", "injure", "undermine", "weaken", "tarnish"),
    ("reputation", "standing", "image", "credibility", "prestige"),
    ("frank", "frankness", "candid", "candor", "candour", "honest", "openness"),
    ("report", "submission", "filing", "document"),
    ("impressed", "praise", "appreciation", "admire", "credit", "compliment",
     "complimenting", "flatter", "acknowledge"),
    ("coordinate", "cooperate", "partnerships", "partner", "team", "allies", "coalition",
     "concert", "together", "jointly"),
    ("press", "pressure", "push", "lean", "lobby", "coerce"),
    ("important", "matters", "crucial", "vital", "essential"),
    ("crowd", "crowds", "protestors", "protesters", "demonstrators", "rally", "vigil"),
    ("yearly", "annual", "annually", "anniversary"),
    ("wrongs", "abuses", "abuse", "crimes", "atrocities", "injustice", "violations",
     "violate", "violation"),
    ("face", "address", "confront", "reckon", "tackle", "deal"),
    ("avoid", "avoids", "avoided", "dodge", "dodges", "dodging", "evade", "evades", "evading",
     "sidestep", "sidesteps", "deflect", "deflects", "deflecting"),
    ("angry", "anger", "furious", "lashing", "outburst", "hostile", "hostility"),
    ("criticized", "criticism", "critiques", "criticisms", "rebuke"),
    ("reshape", "reshaping", "reconfigure", "reconfiguring", "transform", "transforming"),
    ("fast", "quick", "quickly", "rapid", "rapidly", "speed", "pace"),
    ("internet", "online", "web", "digital", "microblogging", "cyberspace", "virtual"),
    ("firms", "companies", "corporations", "businesses", "multinationals", "enterprises"),
    ("ensure", "guarantee", "oversee"),
    ("country", "nation", "state"),
    ("rich", "wealthy", "wealth", "affluent", "prosperous", "prosperity"),
    ("ignore", "shrug", "dismiss", "disregard", "defy", "resist"),
    ("money", "cash", "funds", "aid", "investment"),
    ("leader", "leadership", "lead"),
    ("example", "model", "exemplar", "role", "beacon"),
    ("moral", "morals", "morality", "ethics", "ethical", "values", "principles"),
    ("split", "divide", "separation", "line", "distinction", "dichotomy"),
    ("interest", "interests", "advantage", "benefit"),
    ("stable", "stability", "steady", "orderly"),
    ("safe", "safer", "safety", "secure", "security"),
    ("poverty", "poor", "impoverished", "destitution"),
    ("literacy", "literate", "illiteracy", "education", "schooling"),
    ("lifespan", "life", "expectancy", "longevity", "health"),
    ("workers", "labor", "labour", "employees", "workplaces", "factories", "sweatshops"),
    ("judges", "courts", "judicial", "judiciary", "legal"),
    ("law", "laws", "legal", "legality", "lawful"),
    ("jail", "jailed", "prison", "imprisoned", "detained", "detention", "locked"),
    ("secret", "secrecy", "hidden", "covert", "classified"),
    ("talk", "dialogue", "discourse", "conversation", "engagement", "engage"),
    ("quiet", "private", "behind", "closed", "discreet", "muted", "silent", "soft"),
    ("loud", "vocal", "public", "publicly", "outspoken", "open"),
    ("fail", "failed", "failure", "useless", "ineffective", "flop", "doomed", "futile",
     "hopeless", "impossible", "pointless"),
    ("compartmentalization", "compartmentalize", "walled", "silo", "siloed", "isolated",
     "separate", "sideline", "sidelined", "box", "boxed", "pigeonhole", "compartment"),
    ("minor", "secondary", "peripheral", "afterthought", "marginal", "sideshow", "side"),
    ("legitimacy", "legitimate", "credible", "credibly", "mandate"),
    ("grievances", "complaints", "demands", "discontent", "disaffected", "mad", "upset"),
    ("freedoms", "freedom", "liberties", "liberty"),
    ("visitors", "tourists", "travelers", "travellers", "foreigners"),
    ("executives", "businesspeople", "businessmen", "businesswomen", "managers", "investors"),
    ("pledges", "pledge", "commitments", "promises", "obligations", "vows"),
    ("peer", "equal", "participant", "partner", "member"),
    ("development", "developing", "gains", "accomplishments", "growth", "well-being"),
    ("old", "past", "former", "historic", "historical"),
    ("heal", "healing", "reconciliation", "closure"),
    ("judged", "held", "accountable", "accountability", "answerable"),
    ("same", "equal", "equally", "equality", "even"),
    ("yardstick", "standard", "standards", "measure", "benchmark", "norms"),
    ("military", "strategic", "arms", "army", "defense", "defence"),
    ("aims", "intentions", "goals", "plans", "ambitions", "motives"),
    ("scary", "suspicion", "suspicious", "threatening", "distrust", "mistrust", "alarming",
     "nervous", "wary", "afraid", "fearful", "uneasy", "scared", "fear", "frightened"),
    ("looking", "appearing", "seeming", "seem", "appear", "look"),
    ("open", "transparent", "transparency", "openness"),
    ("promote", "promoting", "promotion", "push", "pushing", "advance", "advancing",
     "advocate", "champion"),
    ("tough", "tougher", "toughest", "stronger", "firm", "firmer"),
    ("anywhere", "elsewhere", "everywhere", "globally", "worldwide"),
    ("repressive", "harsh", "oppressive", "authoritarian", "repression", "heavyhanded",
     "harsher", "crackdown"),
    ("consulates", "consulate", "offices", "missions", "diplomats", "diplomatic"),
    ("embassies", "embassy", "missions", "diplomats"),
    ("cost", "costs", "price", "toll", "sacrifice", "risk"),
    ("record", "conduct", "behavior", "behaviour", "practices", "performance"),
    ("hard", "difficult", "difficulty", "challenge", "challenging", "tricky"),
    ("democracies", "allies", "partners", "likeminded", "rightsrespecting"),
    ("urgent", "urgency", "pressing", "now", "immediately", "priority"),
    ("huge", "vast", "massive", "enormous", "staggering", "large"),
    ("focusing", "attention", "pivot", "concentrate", "concentrating", "prioritize",
     "prioritizing", "prioritise", "prioritising"),
    ("people", "citizens", "citizenry", "population", "public", "ordinary", "folks"),
    ("activists", "dissidents", "campaigners", "defenders"),
    ("government", "state", "regime", "authorities", "officials"),
    ("corruption", "corrupt", "graft", "bribery", "malfeasance"),
    ("censorship", "censor", "censored", "blocked", "banned"),
    ("neighbors", "neighbours", "nearby", "region", "regional", "neighboring", "surrounding",
     "around"),
    ("world", "global", "globally", "international", "worldwide"),
    ("abroad", "overseas", "internationally", "international"),
    ("change", "changes", "shift", "shifting", "vary", "fickle"),
    ("pivot", "pivots", "shift", "shifts", "redirect", "refocus", "reorient"),  # of attention
    ("gains", "accomplishments", "achievements", "successes", "progress", "improvements"),
    ("dignity", "worth", "humanity"),
    ("tool", "instrument", "instrumental", "use", "means"),
    ("realist", "realism", "realpolitik", "pragmatic", "pragmatism"),
    ("concrete", "practical", "specific", "actionable", "tangible"),
    ("better", "best"),
    ("consistent", "consistency", "coherent", "conflicting", "mixed", "contradictory"),
    ("ban", "banning", "prohibit", "prohibition", "forbid", "exclude"),
    ("twice", "double", "doubled", "doubling"),
    ("deadly", "dangerous", "unsafe", "hazardous", "lethal", "fatal"),
    ("embolden", "emboldens", "emboldened", "encourage", "encourages", "encouraged",
     "enable", "enables", "enabled"),
    ("rival", "rivals", "rivalry", "competitor", "competitors", "competition", "adversary",
     "adversaries"),
    ("laureate", "winner", "prizewinner", "recipient", "honoree"),
    ("lecture", "lecturing", "preach", "preaching", "sermon", "moralize", "moralizing",
     "teacher", "preacher"),
    ("watch", "watching", "watched", "observe", "observed", "observing", "follow", "followed",
     "monitor", "monitored"),
    ("intertwined", "tied", "linked", "connected", "entwined", "interlinked", "interconnected",
     "inseparable"),
    ("fate", "fates", "future", "destiny"),
    ("travel", "road", "path", "journey", "way"),
    ("further", "farther", "longer"),
    ("yelled", "shouted", "hollered", "called", "cried"),
    ("accuse", "accused", "accusation", "accusations", "charge", "charged", "charges",
     "allege", "alleged"),
    ("clapping", "clap", "clapped", "applause", "applauded", "cheering", "cheered", "cheers"),
    ("acquire", "acquiring", "acquisition", "obtain", "gain", "annex", "annexation", "grab",
     "grabbing", "expansion"),
    ("ruling", "rulings", "decision", "decisions", "verdict", "judgment"),
    ("survive", "survived", "survives", "endure", "endured", "endures", "lasted"),
    ("hide", "hiding", "hid", "hidden", "conceal", "concealed", "concealing"),
    ("runaway", "runaways", "fugitive", "fugitives"),
    ("proof", "proofs", "evidence", "prove", "proved", "proven"),
    ("troops", "soldiers", "army", "armies"),
    ("lawmakers", "legislature", "legislators", "legislative", "congress"),
    ("residents", "inhabitants", "settlers", "citizens"),
    ("freed", "emancipated", "emancipation", "liberated"),
    ("statehood", "admission", "admitted", "admit"),
    ("deal", "dealt"),
    ("engine", "engines", "driver", "drivers", "motor"),  # "the main driver of progress"
    ("lie", "lies", "liar", "liars", "lying", "falsehood", "falsehoods", "untrue", "untruth"),
    ("insult", "insults", "insulted", "insulting", "taunt", "taunts", "taunting", "ridicule",
     "mock", "mocks", "mocking", "mocked", "sneer", "sneers"),
    ("founders", "founding", "framers", "fathers"),
    ("immigrants", "immigrant", "immigration", "emigrants", "emigration"),
    ("slander", "slanders", "smear", "smears", "smeared", "libel", "misrepresent",
     "misrepresented", "misrepresentation", "misrepresents"),
    ("brag", "brags", "bragged", "bragging", "boast", "boasts", "boasted", "boasting"),
    ("arrogant", "arrogance", "vanity", "vain", "conceit", "conceited"),
    ("hypocrite", "hypocrites", "hypocrisy", "hypocritical", "contradict", "contradicted",
     "contradicts", "contradiction"),
    ("suffrage", "franchise", "vote", "voting"),
    ("traffic", "trafficking", "trade", "trading"),
    ("retire", "retired", "retiring", "resign", "resigned", "resigning", "withdraw",
     "withdrew", "withdrawing"),
    ("mistake", "mistakes", "mistaken", "error", "errors", "blunder", "blunders"),
    ("limit", "limits", "limiting", "restrict", "restricting", "restriction", "restrictions",
     "confine", "confined", "confining", "curb", "curbing"),
    ("instinct", "instincts", "impulse", "impulses", "inclination"),
    ("quarrel", "quarrels", "quarreling", "quarrelling", "feud", "squabble", "bicker"),
    ("succeed", "succeeds", "success", "successful", "prevail", "prevails", "triumph",
     "triumphs"),
    ("interfere", "interference", "interfering", "meddle", "meddling", "intervene",
     "intervention"),
    ("predict", "predicts", "predicted", "prediction", "predictions", "foresee", "foresees",
     "forecast", "prophesy", "prophecy"),
    ("intend", "intends", "intended", "intending", "intention", "intentions", "purpose",
     "purposes"),
    ("opponent", "opponents", "adversary", "adversaries", "antagonist", "antagonists",
     "rival", "rivals"),
    # word families the stemmer keeps apart
    ("abolish", "abolished", "abolishing", "abolition"),
    ("equal", "equality", "equally", "inequality"),
    ("expand", "expansion", "extend", "extension", "spread", "spreading"),
    ("secede", "secession", "dissolve", "dissolution", "disunion"),
    ("slave", "slavery", "enslaved", "enslave", "enslavement", "bondage"),
    ("southerner", "southerners", "southern", "south"),
    ("northerner", "northerners", "northern", "north"),
    ("race", "races", "racial", "racism", "racist"),
    # irregular verb forms the stemmer cannot join ("stood by his principles")
    ("stand", "stood"), ("sell", "sold"), ("win", "won"), ("lose", "lost"),
    ("begin", "began", "begun"), ("fight", "fought"), ("meet", "met"), ("lead", "led"),
    ("buy", "bought"), ("break", "broke", "broken"), ("fall", "fell", "fallen"),
    ("pay", "paid"), ("strike", "struck"), ("choose", "chose", "chosen"),
    ("draw", "drew", "drawn"), ("sit", "sat"), ("understand", "understood"),
    ("swear", "swore", "sworn"), ("throw", "threw", "thrown"), ("run", "ran"),
    ("catch", "caught"), ("seek", "sought"), ("teach", "taught", "teacher", "teachers"),
    ("grow", "grew", "grown"),
    ("send", "sent"), ("spend", "spent"), ("build", "built"), ("lay", "laid"),
    ("rise", "rose", "risen"), ("flee", "fled"), ("forbid", "forbade", "forbidden"),
)

# Directed: a question word that is searched as these words too (not the other way).
SYNONYMS: dict[str, tuple[str, ...]] = {
    # a founding, in the words of a text that tells of an "organization"
    "founding": ("organization", "organized", "formation", "formed"),
    "founded": ("organized", "formed", "organization", "formation"),
    # the people of a region, in a text's words for the region ("the Southern people")
    "southerners": ("southern", "south"), "southerner": ("southern", "south"),
    "northerners": ("northern", "north"), "northerner": ("northern", "north"),
    "westerner": ("western", "west"),
    "easterners": ("eastern", "east"), "easterner": ("eastern", "east"),
    "monitor": ("ensure", "ensuring", "oversee", "scrutiny", "scrutinize"),
    "monitoring": ("ensure", "ensuring", "oversee", "scrutiny", "scrutinize"),
    # a country's failings, in a text's plainer words ("the past few years have been
    # problematic ... with issues ranging from ...")
    "lapses": ("problematic", "problems", "shortcomings", "failings"),
    "lapse": ("problematic", "problem", "shortcoming", "failing"),
    "failings": ("problematic", "problems", "shortcomings", "lapses"),
    "shortcomings": ("problematic", "problems", "failings", "lapses"),
    "failures": ("failure", "problematic", "problems", "shortcomings", "failings"),
    "job": ("occupation", "profession", "career", "employment"),
    "jobs": ("occupation", "profession", "career", "employment"),
    "dangerous": ("danger", "destructive", "perilous", "peril", "harmful", "threat"),
    "getting": ("acquisition", "acquire", "obtain", "gain"),
    "comeback": ("reply", "answer", "retort", "rejoinder"),
    "buying": ("trade", "traffic"),
    "selling": ("trade", "traffic"),
    "drop": ("retire", "resign", "withdraw"),
    "proven": ("prove", "proved"),
    "moralistic": ("moral", "morals", "convictions"),
    "moralizing": ("moral", "morals", "convictions"),
    "moralising": ("moral", "morals", "convictions"),
    "preachy": ("moral", "morals", "lecture", "lecturing"),
    "escaped": ("fugitive", "fugitives", "runaway"),  # "escaped slaves"
    "escapees": ("fugitive", "fugitives", "runaway"),
    "returning": ("reclaiming", "reclaim", "surrender", "surrendered"),  # of fugitives
    "heckling": ("interrupt", "interrupted", "interruption", "interruptions"),
    "heckle": ("interrupt", "interrupted", "interruption", "interruptions"),
    "heckled": ("interrupt", "interrupted", "interruption", "interruptions"),
    "hecklers": ("interrupt", "interrupted", "interruption", "interruptions"),
    "fight": ("quarrel",),
    "win": ("succeed", "success", "prevail", "triumph"),
    "wins": ("succeeds", "success", "prevails", "triumph"),
    "unpatriotic": ("enemy", "disloyal", "traitor", "treason", "patriotism"),
    "killed": ("rejected", "defeated", "voted"),
    "antislavery": ("abolition", "abolitionism", "abolitionist", "abolitionists"),
    "spirit": ("genius", "soul"),
    "deal": ("bargain", "arrangement", "agreement"),
    "black": ("negro", "negroes", "colored"),  # the words of older texts
    "blacks": ("negro", "negroes", "colored"),
    "african": ("negro", "negroes", "colored"),
    "deals": ("bargain", "arrangement", "agreement"),
    "quiet": ("private", "silence", "silently"),
    "silent": ("private", "silence", "silently"),
    "wealth": ("economic", "economy", "prosperous"),
    "wealthy": ("economic", "prosperous"),
    "rich": ("economic", "prosperous"),
    "richer": ("economic", "prosperous"),
    "money": ("economic", "trade", "aid"),
    "economy": ("economic",),
    "financial": ("economic",),
    "growth": ("economic", "success"),
    "leverage": ("pressure", "influence"),
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
    "example": ("model", "example"),
    "role": ("model",),
    "morality": ("moral",),
    "ethics": ("ethical", "moral"),
    "ethical": ("moral",),
    "values": ("moral",),
    "self": ("interest",),
    "pragmatism": ("pragmatic", "realist", "realism"),
    "pragmatic": ("realist", "realism"),
    "realpolitik": ("realist", "realism"),
    "strategic": ("strategy",),
    "smart": ("strategy",),
    "internet": ("online", "microblogging", "internet"),
    "online": ("internet", "microblogging"),
    "social": ("social", "microblogging"),
    "media": ("microblogging", "newspapers"),
    "press": ("newspapers", "journalists"),
    "soviet": ("soviet", "bloc"),
    "urgent": ("urgency",),
    "urgently": ("urgency",),
    "stable": ("stability", "stable"),
    "stability": ("stable",),
    "safe": ("safer",),
    "safety": ("safer",),
    "poor": ("poverty",),
    "illiteracy": ("literacy",),
    "workers": ("workplaces", "factories"),
    "industries": ("factories", "sectors", "business", "companies"),
    "industry": ("factories", "sectors", "business", "companies"),
    "scandals": ("abuses", "abuse", "wrongs"),
    "scandal": ("abuses", "abuse", "wrongs"),
    "fix": ("address", "improve", "remedy"),
    "fixing": ("addressing", "improve", "remedy"),
    "repair": ("undo", "remedy", "restore", "mend", "improve"),  # "repair the damage"
    "repairing": ("undo", "remedy", "restore", "mend", "improve"),
    "mobilizing": ("actions", "action", "activists", "protestors"),
    "mobilising": ("actions", "action", "activists", "protestors"),
    "mobilize": ("actions", "action", "activists", "protestors"),
    "mobilise": ("actions", "action", "activists", "protestors"),
    "signal": ("message", "messages"),
    "signals": ("message", "messages"),
    "tactic": ("strategy", "approach"),
    "tactics": ("strategy", "approach", "strategies"),
    "sweatshops": ("factories", "workers"),
    "model": ("example",),
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
    "inconsistent": ("conflicting", "consistent"),
    "mixed": ("conflicting",),
    "contradictory": ("conflicting",),
    "credit": ("credit", "accomplishments", "gains"),
    "achievements": ("accomplishments", "gains"),
    "successes": ("success", "accomplishments"),
    "improvement": ("progress", "improving"),
}

# Everyday English words. In a text of a few thousand words their rarity says little, so a
# question's everyday words (outside its "about ..." part) weigh less than rare ones.
COMMON_WORDS = frozenset(
    """
    able act add age ago agree air allow almost alone along already although among amount
    area around ask away back bad base become began begin behind best better big black body
    book both bring build business call car care carry case cause certain change child city
    clear close cold common complete consider continue control cost course cover create
    current cut dark day deal decide deep different difficult direct door down draw drive
    during early easy effect either else end enough even event ever example face fact fall
    family far fast feel field fight figure fill final find fine fire first five follow food
    force form four free friend front full game general good great group grow half hand happen
    hard head hear heart help high hit home hope hot hour house huge idea important include
    increase inside instead keep kid kill kind land large last late later lead learn least
    leave less level life light line list little live long look lose loss low main major make
    man manage matter mean meet member mind minute miss moment money month move much name near
    nice
    need never new next night none note number off offer office often old once open order
    outside over own page part pass past pay perhaps pick place plan play point possible power
    present pretty probably problem provide pull push put quite raise rather reach read ready
    real really reason receive record red remain remember report rest result return right rise
    room round run save school second seem sell send sense serve set several shape share short
    show side sign simple simply since sit six size small social sort sound speak special stand
    start stay step still stop story strong student study such sure system table take talk
    team tell ten term test than thing three through throw time today together too top toward
    town true try turn two type under until upon use usual very view voice wait walk wall want
    war watch water way week well whatever while white whole why wide win without woman wonder
    word work world worry write wrong yeah year yet young actual match catch fix stick stuck
    count bother
    """.split()
)

# -- chat vocabulary -----------------------------------------------------------------------
# Members' everyday and chat words for the plainer ones a text uses (helper "vocab"); kept
# as one block so that other additions to the tables above merge apart from it.
CHAT_FILLER = CHAT_FILLER | frozenset(
    """
    bruh bro dude fam yall bestie ikr istg deadass nah yep yup welp oof yikes lmk fyi rofl
    xd lowkey highkey hella super totally presentation chat prep intro outro iirc afaik tbf
    unrelated random randomly legit bruhh fwiw ofc obv obvs tl dunno alr aight ight okie kk
    tysm thnx thanx nvm irl dudes skimmed skim skimming
    """.split()
)
# adverbs that only pad a chat question ("what do they EVEN argue", "kept AWAY from")
STOPWORDS = STOPWORDS | frozenset(
    """
    even away anyways tho though forever apparently supposedly definitely probably maybe
    somehow somewhat anyhow whatsoever etc etcetera mostly mainly largely usually
    originally initially nobody genuinely honestly plainly seem seems seemed while wed
    themself yourselves oneself
    """.split()
)
# names for a figure of speech and its use, not its topic ("who used the boat metaphor?")
STOPWORDS = STOPWORDS | frozenset(
    "metaphor metaphors analogy analogies phrase phrases phrasing catchphrase used".split()
)
CHAT_SPELLINGS.update(
    {
        "recs": "recommendations", "rec": "recommendation", "recos": "recommendations",
        "biz": "business", "econ": "economic", "econs": "economics", "rep": "reputation",
        "sus": "suspicious", "dc": "usa", "acc": "according", "govts": "governments",
        "intl": "international", "natl": "national", "admin": "administration",
        "info": "information", "org": "organization", "orgs": "organizations",
        "msg": "message", "msgs": "messages", "n": "and", "gvt": "government",
        "bcz": "because", "bcs": "because", "shud": "should", "shld": "should",
        "cud": "could", "wud": "would", "wld": "would",
        "pres": "president", "cos": "because", "coz": "because", "bcuz": "because",
        "esp": "especially", "wrt": "about", "pov": "perspective", "prob": "probably",
        "probs": "probably", "def": "definitely", "rly": "really", "srsly": "seriously",
        "ya": "you", "yr": "your", "yrs": "years", "sm": "so",
        "props": "credit", "kudos": "credit", "shoutout": "credit", "mil": "military",
        "dem": "democratic", "dems": "democrats", "doc": "document", "docs": "documents",
        "scotus": "supreme court", "potus": "president",
        "howd": "how", "whatd": "what", "whyd": "why", "whered": "where", "whod": "who",
        "whend": "when", "em": "them", "arg": "argument", "args": "arguments",
    }
)
# Idioms of several words, read as the plain word they stand for ("owned up" = admitted).
CHAT_PHRASES: dict[str, str] = {
    "flat out": "plainly", "flat-out": "plainly", "big on": "for",
    "owned up": "admitted", "owns up": "admits", "own up": "admit", "owning up": "admitting",
    "fessed up": "admitted", "sucking up": "praising", "sucked up": "praised",
    "sucks up": "praises", "suck up": "praise", "kissing up": "praising",
    "kissed up": "praised", "tack on": "add", "tack onto": "add to", "tacked on": "added",
    "tacked onto": "added to", "upside down": "transforming", "look up to": "respect",
    "looked up to": "respected", "looks up to": "respects", "fight it out": "debating",
    "hash it out": "debating", "hear out": "listen to", "a ton of": "a vast number of",
    "tons of": "a vast number of", "a ton": "a lot", "on the line": "at stake",
    "at the table": "participating",
    "keep an eye on": "monitor", "keep a closer eye on": "monitor", "keep a close eye on":
    "monitor", "keeping an eye on": "monitoring", "keeps an eye on": "monitors",
    "stand on": "position on", "stands on": "position on", "stood on": "position on",
    "a seat at the table": "participation", "real talk": "", "group chat": "",
    "real quick": "", "real quickly": "", "real fast": "", "super quick": "", "rly quick": "",
    "cant find": "", "can't find": "", "figure out": "understand",
    "running from": "fleeing from", "running away from": "fleeing from",
    "ran away from": "fled from", "stuck to": "stood by", "stuck by": "stood by",
    "getting old": "no longer young", "growing old": "no longer young",
    "trying to make it": "struggling", "tried to make it": "struggled",
    "stick to": "stand by", "sticks to": "stands by", "sticking to": "standing by",
    "whats the deal with": "what about", "what's the deal with": "what about",
    "what is the deal with": "what about",
    "kept it short": "", "keeps it short": "", "kept it brief": "", "keeps it brief": "",
    "short and sweet": "",
    "last half hour": "closing speech", "last half-hour": "closing speech",
    "closing half hour": "closing speech", "closing half-hour": "closing speech",
    "final half hour": "closing speech", "final half-hour": "closing speech",
    "do away with": "abolish", "does away with": "abolishes", "doing away with": "abolishing",
    "did away with": "abolished", "done away with": "abolished",
    "break up": "dissolve", "breaks up": "dissolves", "breaking up": "dissolving",
    "broke up": "dissolved", "washington dc": "district of columbia",
    "top priority": "most important", "number one priority": "most important",
    "biggest priority": "most important", "cant wait": "urgent", "can't wait": "urgent",
    "cannot wait": "urgent",
    "drop out": "retire", "drops out": "retires",
    "dropped out": "retired", "dropping out": "retiring",
    "old school": "old",
    "old-school": "old", "hr": "human rights", "double standard": "hypocrisy",
    "double standards": "hypocrisy", "blame game": "finger-pointing", "in return": "",
    "in turn": "", "going last": "coming last", "going first": "coming first",
    "went last": "came last", "went first": "came first", "if i recall": "", "as i recall": "",
    "in the first place": "",
    "moving the needle": "driving progress", "move the needle": "drive progress",
    "moves the needle": "drives progress", "on the bus": "", "on the train": "",
    "on my commute": "",
    "i recall": "", "were broke": "were poor", "was broke": "was poor", "being broke": "being poor",
    "to account": "accountable", "weapons treaties": "arms control",
    "soviet union": "soviet bloc", "ussr": "soviet bloc", "u.s.s.r.": "soviet bloc",
    "weapons treaty": "arms control", "arms treaties": "arms control",
    "weapons deals": "arms control", "nuclear deals": "arms control",
    "is cited": "is mentioned", "are cited": "are mentioned",
    "was cited": "was mentioned", "were cited": "were mentioned", "gets cited": "gets mentioned",
    "blame games": "finger-pointing", "practice what they preach": "set an example",
    "practice what it preaches": "set an example", "walk the talk": "set an example",
    "lead by example": "set an example", "holier than thou": "preachy",
    "get away with": "impunity", "gets away with": "impunity",
    "getting away with": "impunity", "got away with": "impunity",
    "behind closed doors": "private", "name and shame": "publicly criticize",
    "speak out": "vocal", "speaks out": "vocal", "speaking out": "vocal",
    "stand up for": "support", "stands up for": "support", "stick up for": "support",
    "lip service": "rhetoric", "empty words": "rhetoric", "mixed signals": "conflicting",
    "mixed messages": "conflicting", "flip flop": "conflicting", "flip-flop": "conflicting",
    "out of both sides of its mouth": "conflicting", "out both sides of its mouth": "conflicting",
    "out of both sides of their mouth": "conflicting",
    "out both sides of their mouth": "conflicting",
    "clean up its own house": "set an example", "clean up his own house": "set an example",
    "clean up its own act": "set an example", "clean up its act": "set an example",
    "get its act together": "set an example", "get its own act together": "set an example",
    "clean up their own house": "set an example", "clean up our own house": "set an example",
    "chicken out": "avoid", "chickens out": "avoids",
    "chickened out": "avoided", "rocking the boat": "confrontational",
    "making noise about": "protesting", "make noise about": "protest",
    "regular folks": "ordinary citizens", "regular people": "ordinary citizens",
    "rock the boat": "be confrontational",
    "flip flopping": "conflicting", "flip-flopping": "conflicting",
    "skin in the game": "stake", "at the end of the day": "", "the right thing to do": "moral",
    "cover up": "secrecy", "covered up": "secrecy", "covering up": "secrecy",
    "sweep under the rug": "ignore", "swept under the rug": "ignore",
    "team up": "cooperate", "teamed up": "cooperated", "band together": "cooperate",
    "gang up": "partner", "shout out": "credit", "throw shade at": "criticize",
    "threw shade at": "criticized", "throws shade at": "criticizes",
    "throwing shade at": "criticizing", "got us nowhere": "failed", "got nowhere": "failed",
    "gets nowhere": "fails", "went nowhere": "failed", "going nowhere": "failing",
    "led nowhere": "failed", "didnt work": "failed", "didn't work": "failed",
    "doesnt work": "fails", "doesn't work": "fails", "not working": "failing",
    "wishy washy": "inconsistent", "wishy-washy": "inconsistent", "buddy up": "partner",
    "pair up": "partner", "join forces": "partner", "joined forces": "partnered",
    "knocked down": "demolished", "torn down": "demolished", "tear down": "demolish",
    "hyped up": "praised", "hypes up": "praises", "hype up": "praise",
    "hyping up": "praising", "gassed up": "praised", "bargaining chip": "tool",
    "bargaining chips": "tools", "self-described": "styled", "self-styled": "styled",
    "self-proclaimed": "styled", "heavy-handed": "repressive", "heavy handed": "repressive",
    "go easy on": "soft on", "going easy on": "soft on", "went easy on": "soft on",
    "goes easy on": "soft on", "harsh on": "critical of", "harsher on": "more critical of",
    "harshest on": "most critical of", "hard on": "critical of", "harder on": "more critical of",
    "right to rule": "legitimacy", "cant really do": "not able to do",
    "can't really do": "not able to do", "cant do": "not able to do",
    "can't do": "not able to do", "couldnt do": "not able to do",
    "couldn't do": "not able to do", "cannot do": "not able to do",
    "lose face": "humiliation", "losing face": "humiliation", "lost face": "humiliation",
    "save face": "prestige", "saving face": "prestige", "hot take": "take",
    "his deal": "his position", "her deal": "her position", "their deal": "their position",
    "the deal with": "about", "track record": "record", "do something": "act",
    "spot on": "on point", "laying things out": "framing", "laid things out": "framed",
    "laying out": "framing", "laid out": "framed", "lay out": "frame", "lays out": "frames",
    "show up": "come", "shows up": "comes", "showed up": "came", "showing up": "coming",
    "everyone's job": "everyone's responsibility", "everybody's job": "everyone's responsibility",
    "held to the same standard": "held equally accountable",
    "held to the same standards": "held equally accountable",
    "clap back at": "push back on", "clapped back at": "pushed back on",
    "claps back at": "pushes back on", "butt heads": "disagree", "butted heads": "disagreed",
    "butting heads": "disagreeing", "same wavelength": "same page",
    "piggyback off": "build on", "piggybacked off": "built on", "piggybacks off": "builds on",
    "piggybacking off": "building on", "piggybacked on": "built on", "line up": "agree",
    "on team": "agreeing with", "low key": "", "went on about": "talked about",
    "going on about": "talking about", "goes on about": "talks about",
    "carried on about": "talked about", "carrying on about": "talking about",
    "carries on about": "talks about", "harped on about": "talked about",
    "touch on": "mention", "touched on": "mentioned", "touches on": "mentions",
    "went into": "discussed", "goes into": "discusses", "go into": "discuss",
    "got into": "discussed", "gets into": "discusses", "two-faced": "inconsistent",
    "2 faced": "inconsistent", "two faced": "inconsistent",
    "own house in order": "domestic policies",
    "better than everyone": "exceptionalism", "better than everybody": "exceptionalism",
    "better than everyone else": "exceptionalism", "better than the rest": "exceptionalism",
    "better than other countries": "exceptionalism", "in one line": "", "in like one line": "",
    "in a line": "",
    "in one sentence": "", "in a sentence": "", "in like a sentence": "", "in a few words": "",
    "in a few lines": "", "in two lines": "", "in 1 line": "", "in one word": "",
    "in simple terms": "", "in plain english": "", "for dummies": "",
    "in their shoes": "in their situation", "in his shoes": "in his situation",
    "in her shoes": "in her situation", "in our shoes": "in our situation",
    "in my shoes": "in my situation", "shut up": "silence", "be quiet": "silence",
    "keep quiet": "silence", "quiet down": "silence",
    "whats eating": "what worries", "what's eating": "what worries",
    "what is eating": "what worries", "whats bugging": "what worries",
    "what's bugging": "what worries", "what is bugging": "what worries",
}
CHAT_SYNONYM_GROUPS: tuple[tuple[str, ...], ...] = (
    ("trashed", "ruined", "wrecked", "damage", "damaged", "tarnished", "destroyed",
     "shattered"),
    ("weapons", "weaponry", "arms", "armaments"),
    ("treaties", "treaty", "accords", "pacts", "conventions"),
    ("contaminated", "tainted", "poisoned", "toxic", "unsafe", "adulterated", "defective"),
    ("naive", "idealist", "idealism", "idealistic", "gullible"),
    ("unfair", "cheating", "cheat", "rigged"),
    ("flip", "flipping", "flips", "change", "reverse", "switch", "swing"),
    ("coworkers", "colleagues", "peers", "fellow"),
    ("rulebook", "rules", "norms", "regulations", "framework"),
    ("touchy", "defensive", "defensiveness", "prickly", "sensitive"),
    ("mad", "angry", "upset", "pissed", "furious", "outraged"),
    ("inside", "within", "domestic", "internal", "homegrown"),
    ("big", "great", "major", "huge"),
    ("act", "action", "actions", "steps", "measures"),
    ("winner", "laureate", "recipient", "awardee"),
    ("regular", "ordinary", "everyday", "average"),
    ("verbal", "verbally", "argument", "arguments", "debate", "debating"),
    ("harsher", "harsh", "critical", "scathing", "tougher"),
    ("quit", "quitting", "stop", "stopping", "cease"),
    ("cops", "cop", "police", "policing", "policemen"),
    ("women", "woman", "gender", "female", "girls"),
    ("hardline", "hawkish", "hawk", "tough"),
    ("aggressive", "confrontational", "combative", "pushy"),
    ("reporters", "journalists", "journalism"),
    ("researchers", "scientists", "academics", "scholars"),
    ("shady", "sketchy", "suspicious", "suspicion", "secretive", "dubious", "questionable"),
    ("demolished", "demolition", "demolitions", "demolish", "bulldozed", "razed"),
    ("boss", "bossy", "leader", "leadership", "dominant"),
    ("hypocritical", "hypocrisy", "hypocrite", "hypocrites"),
    ("complicit", "complicity", "facilitate", "facilitating", "enable", "enabling", "abet"),
    ("illiterate", "illiteracy", "literacy", "literate"),
    ("player", "players", "participant", "participants"),
    ("watching", "watched", "observed", "observing", "observer", "following"),
    ("amazing", "incredible", "remarkable", "staggering", "impressive", "astonishing"),
    ("stubborn", "stubbornly", "obstinate", "obstinately", "headstrong", "mulish"),
    ("shaping", "shapes", "moulds", "moulding", "molds", "molding"),
    ("store", "stores", "shop", "shops", "grocery", "grocer"),
    ("ditch", "ditching", "ditched", "forsake", "forsaking", "forsook", "abandon",
     "abandoning", "abandoned", "desert", "deserting"),
    ("drink", "drinking", "drinks", "liquor", "liquors", "whiskey", "whisky", "booze",
     "alcohol"),
    ("glasses", "spectacles", "eyeglasses", "specs"),
    ("plot", "plots", "plotting", "plotted", "plotters", "conspiracy", "conspiracies",
     "scheme", "schemes", "scheming",
     "conspire", "conspired", "conspiring", "conspirators", "conspirator"),
    ("ringleader", "ringleaders", "mastermind", "masterminds"),
    ("immigrants", "immigrant", "immigration", "emigrants", "emigrant", "emigration",
     "migrants", "newcomers"),
    ("tyranny", "tyrannical", "tyrant", "tyrants", "despotism", "despotic", "despot",
     "despots"),
    ("brag", "brags", "bragged", "bragging", "boast", "boasts", "boasted", "boasting"),
    ("kids", "kid", "boys", "boy", "children", "child", "youngsters", "lads"),
    ("theft", "thefts", "steal", "steals", "stealing", "stole", "stolen", "thief", "thieves",
     "robbery", "rob"),
    ("furniture", "bedstead", "bedsteads", "tables", "chairs", "cabinet", "cabinets", "bureaus"),
    ("dissolve", "dissolves", "dissolved", "dissolving", "dissolution", "disunion"),
)
SYNONYM_GROUPS = (*SYNONYM_GROUPS, *CHAT_SYNONYM_GROUPS)
# verbs of noticing, and chat verbs of saying, are verbs of saying: "who noticed that ...?"
SAY_WORDS = SAY_WORDS | frozenset(
    """
    notice noticed notices noticing warn warned warns warning
    rant ranted rants ranting flag flagged flags flagging hint hinted hints hinting imply
    implied implies implying harp harped harps harping dig dug digs detail details
    """.split()
)
SYNONYMS.update(
    {
        "ton": ("vast", "number"), "tons": ("vast", "number"), "loads": ("vast", "number"),
        "broke": ("poor", "poverty"),  # "when they were broke" (not "poor" for "broke faith")
        "admitted": ("acknowledged", "admits"), "selfish": ("self", "interest"),
        "praising": ("praise", "endorse"), "grip": ("control", "monopoly"),
        "using": ("use", "uses"), "used": ("use", "uses"),
        "mad": ("angry", "grievances", "discontent", "disaffected"),
        "differently": ("differences", "difference"),
        "hate": ("sorry", "regret", "loath", "reluctant"),
        "century": ("hundred",), "centuries": ("hundred", "hundreds"),
        "founders": ("fathers", "framers"),  # "the founders": "our fathers" in older texts
        "pawn": ("tool", "dupe", "instrument", "used"), "pawns": ("tools", "dupes", "used"),
        "ringleader": ("leader", "head", "chief"), "mastermind": ("leader", "head", "chief"),
    }
)
# "what reasons does she give", "list his arguments": asking for the main points
RELATION_WORDS[Relation.SUMMARY] = (*RELATION_WORDS[Relation.SUMMARY], "reasons", "arguments")
# chat words for relations: "who called out Beijing?", "did anyone give Nathan props?"
RELATION_WORDS[Relation.CRITIQUE] = (
    *RELATION_WORDS[Relation.CRITIQUE], "diss", "dissed", "disses", "roast", "roasted", "bash",
    "bashed", "bashes", "dunk", "dunked",
)
RELATION_WORDS[Relation.CONCEDE] = (
    *RELATION_WORDS[Relation.CONCEDE], "confess", "confessed", "confesses", "fess",
)
RELATION_PHRASES.update(
    {
        "call out": Relation.CRITIQUE, "calls out": Relation.CRITIQUE,
        "called out": Relation.CRITIQUE, "calling out": Relation.CRITIQUE,
        "went after": Relation.CRITIQUE,
        "goes after": Relation.CRITIQUE, "go after": Relation.CRITIQUE,
        "on board with": Relation.AGREE, "on board": Relation.AGREE,
        "part company": Relation.DISAGREE, "parts company": Relation.DISAGREE,
        "parted company": Relation.DISAGREE, "parting company": Relation.DISAGREE,
        "vibes with": Relation.AGREE,
        "not on board": Relation.DISAGREE, "not a fan of": Relation.DISAGREE,
        # what one says must come about: a recommendation ("what does she say needs to happen?")
        "needs to happen": Relation.RECOMMEND, "need to happen": Relation.RECOMMEND,
        "has to happen": Relation.RECOMMEND, "have to happen": Relation.RECOMMEND,
        "should happen": Relation.RECOMMEND, "must happen": Relation.RECOMMEND,
        "needs to be done": Relation.RECOMMEND, "need to be done": Relation.RECOMMEND,
        "should be done": Relation.RECOMMEND, "has to be done": Relation.RECOMMEND,
        "must be done": Relation.RECOMMEND,
        "bring to the table": Relation.SUMMARY, "brings to the table": Relation.SUMMARY,
        "brought to the table": Relation.SUMMARY,
        "write back": Relation.RESPOND, "wrote back": Relation.RESPOND,
        "writes back": Relation.RESPOND, "written back": Relation.RESPOND,
    }
)
# Everyday verbs and adjectives that, when the reading never uses them, are the frame of a
# paraphrase ("could LOSE its right to rule", "when things get BAD"), not its topic: they weigh
# as everyday words, and a position need not hold them (nouns, "book", "child", are topics).
FRAME_WORDS = frozenset(
    """
    lose loses losing lost find finds finding found act acts acting acted happen happens
    happened happening try tries tried trying seem seems seemed become becomes became
    becoming let lets run runs running ran win wins winning won turn turns turned turning
    keep keeps kept stay stays stayed staying leave leaves left begin begins began start
    starts started stop stops stopped pick picks picked show shows showed shown handle
    handles handled manage manages managed care cares cared caring hate hates hated love
    loves loved guess guessed defend defends defended defending joke jokes joked joking
    get gets getting got cover covers covered covering affect affects affected affecting
    involve involves involved involving factor factors factored factoring check checks
    checked checking attach attaches attached attaching
    """.split()
)
# ... of which these weigh as everyday words even where the reading uses them ("how does he
# DEFEND GETTING the place wrong": the place is the topic), outside the words after "about"
# (and "use", "uses", "using" inside them too: "about the language everyone is USING")
PLAIN_FRAME_WORDS = frozenset(
    """
    defend defends defended defending handle handles handled manage manages managed get gets
    getting got try tries tried trying seem seems seemed happen happens happened happening
    use uses using
    image images imagery metaphor metaphors analogy analogies simile similes
    """.split()  # (the words of a figure of speech: "who uses the IMAGE of a boat?")
)
USE_WORDS = frozenset({"use", "uses", "using"})  # ... everyday after "about" too
# ... and evaluative adjectives, the frame even where the topic is named ("about the BAD stuff")
FRAME_ADJECTIVES = frozenset(
    """bad worse worst cool weird crazy wild basic okay fine sure leaky leakier weaker stronger
    harder easier bigger smaller shakier pure mere sheer""".split())
# ... and nouns of measure around a topic ("literacy RATES", "poverty LEVELS", "the death
# TOLL"): the topic is the other word; a passage on literacy answers "literacy rates"
FRAME_NOUNS = frozenset(
    """
    rate rates level levels figure figures stat stats statistic statistics toll tolls
    trend trends amount amounts extent date dates version versions
    disclaimer disclaimers caveat caveats
    """.split()
)
# forms of "compare" ask for no topic of their own ("who compared China to ...")
COMPARE_WORDS = COMPARE_WORDS | frozenset(
    {"compared", "compares", "comparing", "contrasted", "contrasts", "contrasting"}
)
