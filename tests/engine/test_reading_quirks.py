"""Question-reading quirks that once turned a topic into a cue or a name: spelling
corrections that made a relation word, stems that joined unrelated words, and nouns that
name a reading but are topics of their own."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.lexicon import Relation
from bot.engine.question import _corrected_word
from bot.engine.text import stem

# words of one family: one stem
SAME_STEM = [
    ("home", "homes"),
    ("rule", "rules", "ruled", "ruling"),
    ("cite", "cites", "cited", "citing"),
    ("vote", "voted", "votes"),
    ("move", "moved", "moves"),
    ("agree", "agreed", "agreement"),
    ("government", "governments", "governed"),
    ("stop", "stopped", "stopping"),
    ("beg", "begged"),
    ("ask", "asked"),
]

# words of different families (or a name) that a light stemmer once joined
OTHER_STEM = [
    ("home", "hom"),
    ("made", "mad"),
    ("movement", "moved"),
    ("comment", "come"),
    ("payment", "pay"),
]


@pytest.mark.parametrize("family", SAME_STEM)
def test_one_family_one_stem(family: tuple[str, ...]) -> None:
    assert len({stem(w) for w in family}) == 1, [stem(w) for w in family]


@pytest.mark.parametrize(("first", "second"), OTHER_STEM)
def test_other_families_keep_their_stems(first: str, second: str) -> None:
    assert stem(first) != stem(second)


# (question, relation it asks for or None, a word that must be a topic word or None)
CORRECTIONS = [
    ("did anyone mention tanks", None, "tanks"),  # no misspelt "thanks": no agreement
    ("who talked about tanks on the street", None, "tanks"),
    ("who critisized bequelin", Relation.CRITIQUE, None),  # a misspelt cue is still one
    ("who agred with hom", Relation.AGREE, None),
    ("who disagred with nathan", Relation.DISAGREE, None),
]


@pytest.mark.parametrize(("text", "relation", "topic"), CORRECTIONS)
def test_corrections_never_make_a_topic_a_cue(
    engine: Engine, text: str, relation: Relation | None, topic: str | None
) -> None:
    q = engine.reader.read(text)
    if relation is None:
        assert not q.relations, q.relations
    else:
        assert relation in q.relations
    if topic is not None:
        assert topic in [t.word for t in q.terms]


def test_a_word_the_text_lacks_is_no_agreement(engine: Engine) -> None:
    reply = engine.ask("did anyone mention tanks")
    assert reply.abstained


# (question, whether "debate" / "discussion" is one of its topic words)
READING_NOUNS = [
    ("who mentioned argument and debate", True),
    ("who said progress comes from debate and argument", True),
    ("in this debate who talked about tibet", False),
    ("what is the debate about", False),
    ("ok so debate prep tonight. who talked about tibet", False),
    ("which part of the discussion was about tibet", False),
]


@pytest.mark.parametrize(("text", "topic"), READING_NOUNS)
def test_nouns_naming_a_reading_are_topics_only_beside_words_of_the_text(
    engine: Engine, text: str, topic: bool
) -> None:
    words = {t.word for t in engine.reader.read(text).terms}
    assert bool(words & {"debate", "discussion"}) is topic, words


# (comparison, the contributor whose side comes first)
ORDERED = [
    ("compare rosenzweig and neier on the us record. start w neier", "neier"),
    ("compare rosenzweig and neier on the us record, start with neier", "neier"),
    ("rosenzweig vs neier on the us record? neier first pls", "neier"),
    ("compare hom and the last one on civil society, begin with the last one", "sixth"),
    ("compare neier and rosenzweig on the us record", "neier"),  # no cue: as named
]


@pytest.mark.parametrize(("text", "first"), ORDERED)
def test_a_comparison_starts_with_whom_the_member_names_first(
    engine: Engine, text: str, first: str
) -> None:
    q = engine.reader.read(text)
    assert q.compare and q.speakers[0] == first, q.speakers
    assert q.where == 0  # "start with X" asks for no place in a piece


def test_an_order_cue_leaves_a_single_speaker_alone(engine: Engine) -> None:
    q = engine.reader.read("what did neier say first")
    assert q.speakers == ("neier",) and not q.compare


# (chat message of several sentences, whether it asks who)
LATER_WHO = [
    ("ok so debate prep tonight. im arguing the us should team up w allies on this. "
     "which contributor backs that most directly", True),
    ("i thought it was cool that someone said beijing is less touchy at the un. "
     "who noticed that? need it for my intro", True),
    ("i read the piece by neier. what did he say about the soviet bloc?", False),
    ("what did neier say about the soviet bloc? who cares lol", False),
]


@pytest.mark.parametrize(("text", "who"), LATER_WHO)
def test_a_later_sentence_may_ask_who(engine: Engine, text: str, who: bool) -> None:
    assert engine.reader.read(text).who is who


# (message, the question the engine reads in it)
HEDGES = [
    ("idk if im remembering right but who brought up the iraq war",
     "who brought up the iraq war"),
    ("sorry i missed class so what did hom say about hong kong",
     "what did hom say about hong kong"),
    ("i know neier disagreed but who agreed with him",  # names a contributor: kept
     "i know neier disagreed but who agreed with him"),
    ("who brought up the iraq war", "who brought up the iraq war"),
]


@pytest.mark.parametrize(("text", "read_as"), HEDGES)
def test_a_members_own_hedge_is_no_part_of_the_question(
    engine: Engine, text: str, read_as: str
) -> None:
    assert engine.reader.read(text).text == read_as


# (question, whether it asks an outsider's reaction to the reading itself, which it lacks)
REACTIONS = [
    ("how did the chinese government respond to this chinafile conversation", True),
    ("how did obama react to the debate", True),
    ("how did neier respond to this conversation", False),  # a contributor: answered
    ("what did the final respondent think of the debate", False),
    ("how did the chinese government respond to criticism", False),  # a topic of the text
]


@pytest.mark.parametrize(("text", "outside"), REACTIONS)
def test_an_outsiders_reaction_to_the_reading_is_abstained_on(
    engine: Engine, text: str, outside: bool
) -> None:
    assert engine.ask(text).abstained is outside


# (question, contributor whose words it quotes, note that names the one asked about or "")
MEANT = [
    ("what did sharon mean by progress blooms from argument", "rosenzweig", "not Hom's"),
    ("what did rosenzweig mean by progress blooms from argument", "rosenzweig", ""),
]


@pytest.mark.parametrize(("text", "author", "note"), MEANT)
def test_what_did_x_mean_by_their_words_finds_the_words(
    engine: Engine, text: str, author: str, note: str
) -> None:
    reply = engine.ask(text)
    assert reply.answers and reply.answers[0].contributor_id == author
    assert note in reply.message


def test_mean_by_a_term_is_no_phrase(engine: Engine) -> None:
    assert engine.reader.read("what does hom mean by civil society").phrase == ""


# (chat word, a word of the text it must stand for)
CHAT_SENSES = [
    ("mad", "grievances"),
    ("upset", "demands"),
    ("verbally", "debate"),
]


@pytest.mark.parametrize(("word", "means"), CHAT_SENSES)
def test_chat_words_stand_for_the_texts_words(engine: Engine, word: str, means: str) -> None:
    term = next(t for t in engine.reader.read(f"who talked about {word} stuff").terms
                if t.word == word)
    assert stem(means) in {s for s, _ in term.alternatives}


def test_verbally_is_no_verb_of_saying(engine: Engine) -> None:
    term = next(t for t in engine.reader.read("who argued verbally").terms
                if t.word == "verbally")
    assert stem("argue") not in {s for s, _ in term.alternatives}


# (question, relation it asks for): "harsh on X" criticises X; it is no repression
HARSH = [
    ("neier vs rosenzweig, who's harsher on the us track record?", Relation.CRITIQUE),
    ("who was hardest on washington", None),  # "hardest" alone names no relation
    ("who is hard on the us", Relation.CRITIQUE),
]


@pytest.mark.parametrize(("text", "relation"), HARSH)
def test_harsh_on_someone_is_criticism(
    engine: Engine, text: str, relation: Relation | None
) -> None:
    q = engine.reader.read(text)
    assert (q.relation if q.relations else None) is relation
    assert "harsher" not in {t.word for t in q.terms}


def test_doc_is_a_document(engine: Engine) -> None:
    assert "document" in {t.word for t in engine.reader.read("who cited the un doc").terms}


# (word asked, the index's nearest known word, the word read)
CORRECTED = [
    ("tanks", "thanks", "tanks"),  # a topic word made a cue: refused
    ("critisized", "criticized", "criticized"),  # a misspelt cue keeps its start
    ("dsiagreed", "disagreed", "disagreed"),  # swapped letters: a typo
    ("goverment", "government", "government"),  # no cue: corrected as ever
]


@pytest.mark.parametrize(("word", "nearest", "read"), CORRECTED)
def test_which_corrections_are_made(word: str, nearest: str, read: str) -> None:
    assert _corrected_word(word, nearest) == read
