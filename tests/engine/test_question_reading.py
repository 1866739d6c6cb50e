"""Reading questions: contributors, their roles, the relation asked about, the topic words."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.conversation import Conversation
from bot.engine.lexicon import Relation

# question, speakers, targets, relation (or None for none), topic words that must be read
CASES: list[tuple[str, tuple[str, ...], tuple[str, ...], Relation | None, set[str]]] = [
    ("what did Neier disagree with?", ("neier",), (), Relation.DISAGREE, set()),
    ("waht did neir disagre with", ("neier",), (), Relation.DISAGREE, set()),
    ("who brought up Hong Kong?", (), (), None, {"hong", "kong"}),
    ("what did the Columbia professor say?", ("nathan",), (), None, set()),
    ("what did the third contributor say about angry rhetoric?", ("rosenzweig",), (),
     None, {"angry", "rhetoric"}),
    ("compare Nathan and the last respondent", ("nathan", "sixth"), (), None, set()),
    ("who disagreed with Bequelin?", (), ("bequelin",), Relation.DISAGREE, set()),
    ("does Neier agree with Bequelin?", ("neier",), ("bequelin",), Relation.AGREE, set()),
    ("who did rosenzweig agree with", ("rosenzweig",), (), Relation.AGREE, set()),
    ("what worried the final respondent?", ("sixth",), (), Relation.CONCERN, set()),
    ("what does Bequelin recommend the US do?", ("bequelin",), (), Relation.RECOMMEND, set()),
    ("summarize Sharon Hum's position", ("hom",), (), Relation.SUMMARY, set()),
    ("what did Aryeh say about Abu Ghraib", ("neier",), (), None, {"abu", "ghraib"}),
    ("what did Rozenzweig say about finger pointing", ("rosenzweig",), (), None,
     {"finger", "pointing"}),
    ("what did the HRW researcher say about Tibet", ("bequelin",), (), None, {"tibet"}),
    ("what does Josh think about agreeing to disagree", ("rosenzweig",), (), None,
     {"agreeing", "disagree"}),
    ("who mentioned Central Asia", (), (), None, {"central", "asia"}),
    ("give me the gist of the sixth one", ("sixth",), (), Relation.SUMMARY, set()),
    ("what was said about Nathan's sound strategy?", (), ("nathan",), None, {"sound"}),
    ("who pushed back on the realists", (), (), Relation.DISAGREE, {"realists"}),
    ("how do Neier and Bequelin differ?", ("neier", "bequelin"), (), Relation.DISAGREE, set()),
    ("according to Nathan, why does the rule of law matter", ("nathan",), (), None,
     {"rule", "law"}),
    # a "who" that asks what one contributor says: "in X's view", "the ... X lists"
    # (the glossary reads "further to go" as the text's "further to travel")
    ("who has further to go in Rosenzweig's view", ("rosenzweig",), (), None, {"further to go"}),
    ("who are the stakeholders Hom lists", ("hom",), (), None, {"stakeholders", "lists"}),
    ("who mentioned Hom's point about stakeholders", (), ("hom",), None, {"stakeholders"}),
    # a report, then "how does X reply?": X replies to the one reported
    ("Bequelin says the US should lead by example. How does Rosenzweig respond to that?",
     ("rosenzweig",), ("bequelin",), Relation.RESPOND, {"example"}),
    ("neier says the us hurt itself - how does bequelin answer that", ("bequelin",),
     ("neier",), None, {"hurt"}),
    # both named, then "how does X explain that?" / "does X buy that?": X answers the other
    ("Neier points out the US has its own abuses. How does Bequelin explain that?",
     ("bequelin",), ("neier",), None, {"abuses"}),
    ("neier says the us hurt itself. does bequelin buy that", ("bequelin",), ("neier",), None,
     {"hurt"}),
    # a report, then "does anyone push back on that?": who disputes the one reported
    ("Bequelin's first key is that the US should set the best example. Does anyone push back "
     "on that idea?", (), ("bequelin",), Relation.DISAGREE, {"example"}),
    ("Can someone unpack Neier's Soviet bloc comparison?", ("neier",), (), None,
     {"soviet", "bloc"}),
    # ... but "does anyone explain why ...?" asks who does
    ("does anyone explain why china resists", (), (), None, {"china"}),
    # "is there a contributor who ...", "does any respondent ...": who-questions
    ("is there a contributor who takes issue with how Bequelin separates them?", (),
     ("bequelin",), Relation.DISAGREE, set()),
    ("does any respondent disagree with Nathan?", (), ("nathan",), Relation.DISAGREE, set()),
    # "can someone walk me through X's argument": the member asks for help; no who-question
    ("can someone walk me through rosenzweig's argument about finger pointing",
     ("rosenzweig",), (), None, {"finger", "pointing"}),
    # "who wrote first and what's the big idea": the second question's relation is read
    ("who wrote first and what's the big idea", ("bequelin",), (), Relation.SUMMARY, set()),
    # the reply asked as a noun: "what's X's comeback?"
    ("neier says the us hurt itself. whats bequelins comeback", ("bequelin",), ("neier",), None,
     {"hurt"}),
    # a topic, then "who ...": a who-question
    ("and internet companies, who says the US should rein them in", (), (), None,
     {"internet", "companies"}),
    # beside the text's own pair (there misspelt "critical engagment") a relation word is topic
    ("what did rosenzweig mean by critical engagement", ("rosenzweig",), (), None,
     {"critical", "engagement"}),
]


@pytest.mark.parametrize(("question", "speakers", "targets", "relation", "topic"), CASES)
def test_reads_question(
    engine: Engine,
    question: str,
    speakers: tuple[str, ...],
    targets: tuple[str, ...],
    relation: Relation | None,
    topic: set[str],
) -> None:
    q = engine.reader.read(question)
    assert q.speakers == speakers
    assert q.targets == targets
    if relation is None:
        assert Relation.DISAGREE not in q.relations and Relation.AGREE not in q.relations
    else:
        assert q.relation is relation
    words = {t.word for t in q.terms}
    assert topic <= words, f"missing topic words: {topic - words} in {words}"


def test_names_are_not_topic_words(engine: Engine) -> None:
    q = engine.reader.read("what did Aryeh Neier say about the Soviet bloc?")
    assert {t.word for t in q.terms} == {"soviet", "bloc"}


def test_who_question_groups_by_contributor(engine: Engine) -> None:
    assert engine.reader.read("who talked about Hong Kong?").who
    assert engine.reader.read("did anyone mention literacy?").who
    assert not engine.reader.read("what did Hom say about Hong Kong?").who


def test_ambiguous_reference_offers_candidates(engine: Engine) -> None:
    q = engine.reader.read("what did the researcher say?")
    assert set(q.ambiguous) == {"bequelin", "rosenzweig"}
    reply = engine.ask("what did the researcher say?")
    assert set(reply.candidates) == {"bequelin", "rosenzweig"}
    assert {a.contributor_id for a in reply.answers} == {"bequelin", "rosenzweig"}


@pytest.mark.parametrize(
    ("question", "phrase"),
    [
        ('who said "we all are traveling in the same real-time virtual boat"',
         "we all are traveling in the same real-time virtual boat"),
        ("who said progress blooms from argument and debate?",
         "progress blooms from argument and debate"),
        ("who called Hong Kong the tail that wags the dog",
         "hong kong the tail that wags the dog"),
        ("what did Neier say about urgency?", ""),
    ],
)
def test_reads_quoted_phrase(engine: Engine, question: str, phrase: str) -> None:
    assert engine.reader.read(question).phrase == phrase


def test_misspelt_word_is_corrected_to_a_word_of_the_reading(engine: Engine) -> None:
    assert engine.index.term("microbloging").known  # same stem as "microblogging"
    assert engine.index.correct("renditons") == ("renditions", True)
    assert engine.index.correct("suporting") == ("support", True)  # via its stem
    # a real word the reading does not use is not forced onto a different one
    assert engine.index.correct("lean") == ("lean", False)
    assert engine.index.correct("night") == ("night", False)


def test_quoted_words_after_a_joined_compound_are_found(engine: Engine) -> None:
    # "like-minded" is read as one token; the quote's token positions must follow suit
    q = engine.reader.read('who wants like-minded allies and praised "critical engagement"?')
    assert "critical" in {t.word for t in q.terms}
    assert all(r.value != "critique" for r in q.relations)
    assert any(r.value == "agree" for r in q.relations)


@pytest.mark.parametrize(
    ("question", "speaker"),
    [
        ("what did the HRW guy say about tibet", "bequelin"),
        ("what did the one after the HRW guy say about focusing on chinese citizens", "hom"),
        ("the human rights watch lady on hong kong?", "bequelin"),
    ],
)
def test_a_role_alias_takes_any_word_for_a_person(
    engine: Engine, question: str, speaker: str
) -> None:
    # the reading's alias is "HRW researcher"; members say "the HRW guy"
    assert engine.reader.read(question).speakers == (speaker,)


@pytest.mark.parametrize(
    "question",
    ["so does neier agree with bequelin or not", "does neier agree or disagree with bequelin"],
)
def test_agree_or_not_asks_both_ways(engine: Engine, question: str) -> None:
    from bot.engine.lexicon import Relation

    assert engine.reader.read(question).relation is Relation.RESPOND
    kinds = {a.kind for a in engine.ask(question).answers}
    assert {"agreement", "disagreement"} <= kinds  # his one difference is not left out


@pytest.mark.parametrize(("question", "speaker"), [
    ("ok back to rosenzweig, what should the human rights project be", "rosenzweig"),
    ("going back to hom - what does she want the US to do", "hom"),
    ("moving on to nathan: what does he say about the environment", "nathan"),
])
def test_turning_back_to_someone_asks_them(engine: Engine, question: str, speaker: str) -> None:
    q = engine.reader.read(question)
    assert (q.speakers, q.targets) == ((speaker,), ())
    assert "back" not in {t.word for t in q.terms}


@pytest.mark.parametrize("question", ["and neier disagrees with the framing, right",
                                      "neier disagrees with the framing, yeah?"])
def test_a_closing_tag_is_no_topic(engine: Engine, question: str) -> None:
    assert [t.word for t in engine.reader.read(question).terms] == ["framing"]


@pytest.mark.parametrize(("question", "relation"), [
    ("where does aryeh neier break with bequelin?", "disagree"),
    ("does anyone differ with bequelin", "disagree"),
    ("does anybody disagree w bequelin on anything or is it all nodding along", "disagree"),
    ("is everyone just going along with bequelin", "agree"),
    ("what does hom say needs to happen?", "recommend"),  # what must come about
    ("according to neier what has to be done", "recommend"),
    ("second-to-last contributor, what did they bring to the table?", "summary"),
    ("what did the last contributor say Aryeh Neier got right", "agree"),
    ("hom was against the old way of thinking, what did she say was wrong with it",
     "critique"),
])
def test_relation_phrases(engine: Engine, question: str, relation: str) -> None:
    assert engine.reader.read(question).relation.value == relation


@pytest.mark.parametrize("question", [
    "what's the one-paragraph guy arguing", "who only wrote one paragraph?",
    "who wrote just a single paragraph?",
])
def test_the_one_paragraph_contributor(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.answers and reply.answers[0].contributor_id == "nathan"


def test_who_went_second_is_where_her_piece_begins(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("who went first", conversation=talk)
    reply = engine.ask("and who went second", conversation=talk)
    assert reply.answers[0].quote.startswith("Nicolas as usual")


@pytest.mark.parametrize(("question", "who", "paragraph"), [
    ("ok wait who opens this thing and whats his main point", "bequelin", 3),
    # "who wrote the first part": the first piece's writer (not "the first part of X")
    ("hiii first time here 👋 who wrote the first part and whats it basically about",
     "bequelin", 3),
    ("who kicked off the conversation?", "bequelin", 3),
    ("who closes it out?", "sixth", 28),
    ("who had the last word in the whole thing", "sixth", 28),
    ("who gets the final say?", "sixth", 28),
    # "whose response comes ...", a verb in the present, the other's name with "'s"; the
    # member's purpose before a colon is no topic ("timeline" asks no date)
    ("Class, for the timeline activity: whose response comes immediately after Sharon Hom's?",
     "rosenzweig", 18),
    ("who comes right after hom", "rosenzweig", 18),
])
def test_who_opens_or_closes_is_who_wrote_first_or_last(
    engine: Engine, question: str, who: str, paragraph: int
) -> None:
    top = engine.ask(question).answers[0]
    assert (top.contributor_id, top.paragraph) == (who, paragraph)


@pytest.mark.parametrize(("question", "words"), [
    ("what line does neier quote at the end of his piece", []),
    ("where does neier draw a line between them", ["draw", "line"]),
])
def test_which_line_asks_for_a_quote(engine: Engine, question: str, words: list[str]) -> None:
    assert [t.word for t in engine.reader.read(question).terms] == words


def test_examples_after_the_question_are_its_topic(engine: Engine) -> None:
    # "... angry about.. corruption, demolitions, that kind of thing": the examples name it
    question = ("who lists what people in china are upset about.. corruption, demolitions, "
                "that kind of thing")
    assert {"corruption", "demolitions"} <= {t.word for t in engine.reader.read(question).terms}
    assert engine.ask(question).answers[0].contributor_id == "hom"


def test_using_weighs_as_an_everyday_word(engine: Engine) -> None:
    # "the language everyone is using": the language is the topic, "using" its frame
    reply = engine.ask("what bothers the final respondent about the language everyone is using")
    assert reply.answers and reply.answers[0].contributor_id == "sixth"
    assert "language" in reply.answers[0].quote


def test_a_bare_who_after_a_claim_asks_of_the_claim(engine: Engine) -> None:
    q = engine.reader.read("rosenzweig says the US should listen more to... who exactly?")
    assert not q.who and q.speakers == ("rosenzweig",)


def test_which_thing_in_a_later_sentence_asks_no_who(engine: Engine) -> None:
    q = engine.reader.read("bequelin says the old policy failed? which policy")
    assert not q.who and q.speakers == ("bequelin",)
    reply = engine.ask("bequelin says the old policy failed? which policy")
    assert "mutes human rights" in reply.answers[0].quote


@pytest.mark.parametrize(("question", "asked"), [
    ("does anybody disagree with bequelin or do they all just agree", "disagree"),
    ("did anyone agree with neier or did everyone disagree with him", "agree"),
])
def test_the_other_way_for_everyone_is_no_question(
    engine: Engine, question: str, asked: str
) -> None:
    # "... or do they all agree?" says what holds if no one answers the first way: the
    # first way is what is asked
    assert engine.reader.read(question).relation.value == asked


@pytest.mark.parametrize("question", [
    "did either of them bring up the know nothings", "does either speaker mention that",
    "what did either of the respondents say about it",
])
def test_either_of_them_frames_the_question(engine: Engine, question: str) -> None:
    """ "either of them" asks of any contributor: "either" is no topic word, so a question
    left with no topic word of the reading is not answered with a passage saying "either"."""
    assert "either" not in {t.word for t in engine.reader.read(question).terms}


def test_either_or_stays_a_topic_word(engine: Engine) -> None:
    q = engine.reader.read("what did hom mean by either or thinking")
    assert "either" in {t.word for t in q.terms}


def test_either_of_them_with_frame_words_only_abstains(engine: Engine) -> None:
    assert engine.ask("did either of them bring up the know nothings").abstained


@pytest.mark.parametrize("question", [
    "whats the deal with neier and torture", "what's the deal with Neier and torture?",
])
def test_the_deal_with_someone_asks_their_words(engine: Engine, question: str) -> None:
    """ "what's the deal with X and Y": X's words on Y, not words answering X."""
    q = engine.reader.read(question)
    assert q.speakers == ("neier",) and not q.targets
    assert "torture" in {t.word for t in q.terms}


def test_does_anyone_explain_asks_who(engine: Engine) -> None:
    assert engine.reader.read("does anyone explain why china resists").who
    assert not engine.reader.read("can someone explain why china resists").who


@pytest.mark.parametrize(("question", "speakers"), [
    # the one who answers is the main clause's, not the one in the clause of time before it
    ("When Nathan argues it is sound strategy, how does the final respondent respond?",
     ("sixth",)),
    ("when bequelin lists his keys, what does hom say", ("hom",)),
    ("how does the final respondent respond when Nathan argues it is sound strategy?",
     ("sixth",)),
])
def test_a_clause_of_time_before_the_question(engine: Engine, question: str,
                                              speakers: tuple[str, ...]) -> None:
    assert engine.reader.read(question).speakers == speakers


@pytest.mark.parametrize(("question", "topic"), [
    # a fragment after the question that hints at what it was about is part of its topic
    ("what did hom say about the city? something about a vigil", {"vigil"}),
    ("what did bequelin want? the part about business", {"business"}),
    # "keep X out (of Y)" is "exclude X (from Y)"
    ("who wants to keep foreign pressure out", {"exclude", "foreign", "pressure"}),
])
def test_hints_and_split_verbs_are_topic(engine: Engine, question: str, topic: set[str]) -> None:
    words = {t.word for t in engine.reader.read(question).terms}
    assert topic <= words, words


def test_keep_an_eye_out_is_not_exclude(engine: Engine) -> None:
    assert "exclude" not in {t.word for t in engine.reader.read(
        "did anyone keep an eye out for the press").terms}


def test_a_named_contributor_with_a_word_the_reading_lacks(engine: Engine) -> None:
    # "rush" is no word of the reading; Neier named and his "urgent" make it his answer
    reply = engine.ask("Neier says it's urgent. What's the rush")
    assert not reply.abstained and reply.answers[0].contributor_id == "neier"
    assert "urgent" in reply.answers[0].quote
    # with nobody named, a word the reading lacks still keeps a thin match from answering
    assert engine.ask("what's the rush, is it urgent").abstained


@pytest.mark.parametrize(("question", "speakers"), [
    ("opener's first key point was what", ("bequelin",)),
    ("what did the opening contributor say about tibet", ("bequelin",)),
    ("what did the opening speaker say about tibet", ("bequelin",)),
    ("whats eating the closer?", ("sixth",)),
])
def test_the_opener_and_the_closer(engine: Engine, question: str,
                                   speakers: tuple[str, ...]) -> None:
    assert engine.reader.read(question).speakers == speakers


def test_an_eye_opener_is_no_contributor(engine: Engine) -> None:
    q = engine.reader.read("that was an eye opener, who said china doubled life expectancy")
    assert q.speakers == () and q.targets == ()


@pytest.mark.parametrize(("question", "relation", "topic"), [
    ("whats eating the closer?", Relation.CONCERN, set()),
    ("The Columbia prof. What's his pitch to the pols", Relation.SUMMARY, {"politicians"}),
    ("anybody bristle at the strategy framing", Relation.DISAGREE, {"strategy"}),
    ("who wants us to pat Beijing on the back for its gains", Relation.RECOMMEND,
     {"credit", "beijing"}),
    ("what does Bequelin demand of Washington?", Relation.RECOMMEND, {"usa"}),
    ("what does hom think of bequelin's piece, is she on board", Relation.AGREE, set()),
    ("bequelin vs rosenzweig on the US being an example, same or different?",
     Relation.RESPOND, {"usa", "example"}),
])
def test_chat_idioms_of_relation(engine: Engine, question: str, relation: Relation,
                                 topic: set[str]) -> None:
    q = engine.reader.read(question)
    assert q.relation is relation, q.relations
    assert topic <= {t.word for t in q.terms}


def test_asking_for_the_notes_is_chat(engine: Engine) -> None:
    q = engine.reader.read("where does hom stand on hong kong, asking for the ep notes")
    assert Relation.QUESTION not in q.relations
    assert {t.word for t in q.terms} >= {"hong", "kong"}
    assert "notes" not in {t.word for t in q.terms}


def test_a_dash_before_did_anyone_ends_the_report(engine: Engine) -> None:
    q = engine.reader.read(
        "bequelin wants the us to set an example — did anyone push back on the us as role "
        "model idea?")
    assert q.who and q.relation is Relation.DISAGREE and q.speakers == ()
    top = engine.ask(q.text).answers[0]
    assert top.contributor_id == "rosenzweig" and "model of moral behavior" in top.quote


def test_how_much_one_agrees_is_no_amount(engine: Engine) -> None:
    reply = engine.ask("how much does neier actually agree with bequelin overall")
    assert not reply.abstained and reply.answers[0].contributor_id == "neier"
    assert "agree" in reply.answers[0].quote


def test_another_contributors_loose_match_when_the_named_one_is_silent(engine: Engine) -> None:
    # among six contributors, Hom's "porous Great Firewall" answers "neier ... leaky", said so
    reply = engine.ask("neier had a line about the great firewall getting leaky, what was it")
    assert not reply.abstained and reply.elsewhere == ("neier",)
    assert reply.answers[0].contributor_id == "hom"
    assert "Great Firewall" in reply.answers[0].quote


@pytest.mark.parametrize(("question", "word"), [
    ("who said southerners are just what we'd be in their shoes", "situation"),
    ("who told the crowd to shut up", "silence"),
    ("whats abe's clapback", "comeback"),
])
def test_idioms_read_as_their_plain_word(engine: Engine, question: str, word: str) -> None:
    assert word in {t.word for t in engine.reader.read(question).terms}


def test_tack_anything_on_is_add(engine: Engine) -> None:
    words = {t.word for t in engine.reader.read("and Neier, he tack anything on?").terms}
    assert "tack" not in words


@pytest.mark.parametrize(("question", "speakers"), [
    ("who brought up microblogging - the opener or sharon?", ("bequelin", "hom")),
    ("who talked abt us businesses and hr, the opener or the last one", ("bequelin", "sixth")),
    ("who said it: nathan or neier?", ("nathan", "neier")),
])
def test_a_closing_choice_of_two_asks_which_of_them(
    engine: Engine, question: str, speakers: tuple[str, ...]
) -> None:
    q = engine.reader.read(question)
    assert (q.speakers, q.who) == (speakers, False)


def test_a_choice_after_with_is_still_whom_they_answer(engine: Engine) -> None:
    q = engine.reader.read("who agreed with nathan or neier?")
    assert q.who and not q.speakers and set(q.targets) == {"nathan", "neier"}


def test_a_choice_answer_comes_from_one_of_the_two(engine: Engine) -> None:
    reply = engine.ask("who brought up microblogging - the opener or sharon?")
    assert not reply.abstained and reply.answers[0].contributor_id in {"bequelin", "hom"}


@pytest.mark.parametrize(("question", "speaker"), [
    ("what did the columbia man say about secrecy laws", "nathan"),
    ("the open society guy on secrecy laws?", "neier"),
])
def test_a_person_word_after_a_mention_is_part_of_it(
    engine: Engine, question: str, speaker: str
) -> None:
    q = engine.reader.read(question)
    assert q.speakers == (speaker,)
    assert not {"man", "guy"} & {t.word for t in q.terms}


@pytest.mark.parametrize("question", [
    "does anyone back neier up on moral character",
    "did anybody back him up on that",
])
def test_back_someone_up_is_agreement(engine: Engine, question: str) -> None:
    q = engine.reader.read(question)
    assert q.relation.value == "agree" and "back" not in {t.word for t in q.terms}


@pytest.mark.parametrize("question", [
    "what did neier literally say about professionals",
    "bequelin vs rosenzweig on the US as an example, same or different vibe?",
])
def test_chat_words_are_never_corrected_into_topics(engine: Engine, question: str) -> None:
    # "literally" is no misspelt "literacy" (a word of the text), nor "vibe" of "vibes"
    words = {t.word for t in engine.reader.read(question).terms}
    assert not words & {"literally", "literacy", "vibe", "vibes"}


def test_nobody_stands_after_the_last_contributor(engine: Engine) -> None:
    q = engine.reader.read("what did the person after the final respondent say?")
    assert q.speakers == () and q.targets == ()
    assert engine.ask(q.text).abstained


def test_shifting_focus_is_pivoting_attention(engine: Engine) -> None:
    top = engine.ask("what does hom say US policymakers should shift their focus to?").answers[0]
    assert top.contributor_id == "hom" and "pivot their attention" in top.quote


@pytest.mark.parametrize(("question", "who", "topic"), [
    ("bus driver q: somebody listed transport accidents as an issue?", True,
     {"transport", "accidents"}),
    ("nurse here 🙋 did anyone mention maternal and infant mortality", True, {"maternal"}),
    ("shop owner here - who said more transparency helps the business community", True,
     {"transparency", "business"}),
    ("our retired engineer wants to know what hom means by old language", False,
     {"old", "language"}),
])
def test_the_members_introduction_is_no_part_of_the_question(
    engine: Engine, question: str, who: bool, topic: set[str]
) -> None:
    q = engine.reader.read(question)
    words = {t.word for t in q.terms}
    assert q.who is who and topic <= words
    assert not words & {"bus", "driver", "nurse", "shop", "owner", "retired", "engineer"}
    assert q.relation is not Relation.RECOMMEND  # "wants to know" asks, it recommends nothing


@pytest.mark.parametrize("question", ["hom here says what about hong kong?",
                                      "china here is compared to who?"])
def test_a_name_before_here_is_kept(engine: Engine, question: str) -> None:
    q = engine.reader.read(question)
    assert q.speakers or any(t.word == "china" for t in q.terms)


def test_a_tag_closing_a_sentence_is_no_topic(engine: Engine) -> None:
    q = engine.reader.read("neier disagreed w bequelin on something right? what was it")
    assert q.relation is Relation.DISAGREE and q.targets == ("bequelin",)
    assert not q.terms  # "right?" asks for confirmation: no "rights"
    kept = engine.reader.read("is free speech a basic right? who says so")
    assert kept.who


@pytest.mark.parametrize(("question", "phrase"), [
    ("rosenzweig is against rights becoming a blame game between rivals right? whats his line",
     "finger-pointing"),
])
def test_idioms_of_chat_read_as_the_texts_words(engine: Engine, question: str,
                                                phrase: str) -> None:
    top = engine.ask(question).answers[0]
    assert top.contributor_id == "rosenzweig" and phrase in top.quote


def test_the_last_question_of_a_long_message_asked_alone(engine: Engine) -> None:
    reply = engine.ask(
        "ok random but i feel like everyone blames the US in this reading. did anyone say "
        "beijing has to change its behavior too? i think it was the third guy. what did he "
        "say beijing must stop doing")
    assert not reply.abstained and reply.answers[0].contributor_id == "rosenzweig"
    assert "Beijing must stop" in reply.answers[0].quote
    assert reply.reading_as.startswith("i think it was the third guy")


@pytest.mark.parametrize("question", [
    "my prof mentioned the Olympics. did neier talk about that?",
    "did anyone actually name the nobel laureate in prison? whats his name, bequelin just says "
    "laureate",
])
def test_a_name_the_text_lacks_is_not_dropped_from_a_long_message(
    engine: Engine, question: str
) -> None:
    assert engine.ask(question).abstained


def test_an_opening_described_in_words_the_text_lacks(engine: Engine) -> None:
    reply = engine.ask("the very last responder opens w a joke about going last, what do they say")
    assert reply.answers and reply.answers[0].quote.startswith("Coming last to a discussion")
    # ... but a point counted in a list is no opening
    listed = engine.ask("in the opening essay what's point #2?")
    assert listed.answers and listed.answers[0].quote.startswith("Second")


@pytest.mark.parametrize(("word", "who"), [
    ("bekelin", "bequelin"), ("becklin", "bequelin"), ("rozenswig", "rosenzweig"),
    ("nothin", None), ("reason", None), ("rising", None), ("beckon", None), ("rosin", None),
])
def test_a_long_name_spelt_by_ear(engine: Engine, word: str, who: str | None) -> None:
    # two edits and more from the name, but sounding like it: the name; everyday words not
    q = engine.reader.read(f"what did {word} say about tibet")
    assert q.speakers == ((who,) if who else ())


@pytest.mark.parametrize("question", [
    "Which professions did Mr Neier single out as pressing for rights on professional grounds?",
    "which countries does neier name?",
])
def test_which_things_of_someone_named_is_no_question_of_who(engine: Engine,
                                                             question: str) -> None:
    q = engine.reader.read(question)
    assert not q.who and q.speakers == ("neier",) and q.targets == ()


def test_which_one_is_still_a_question_of_who(engine: Engine) -> None:
    assert engine.reader.read("which one agreed with neier?").who


@pytest.mark.parametrize(("question", "relation", "opening"), [
    ("Where exactly did Neier part company with Bequelin?", Relation.DISAGREE, "My difference"),
    ("The last writer made a little joke about going last, I recall. What was it?", None,
     "Coming last"),
])
def test_everyday_idioms(engine: Engine, question: str, relation: Relation | None,
                         opening: str) -> None:
    if relation is not None:
        assert engine.reader.read(question).relation is relation
    assert engine.ask(question).answers[0].quote.startswith(opening)


def test_who_at_the_end_of_their_piece_is_placed_in_their_own_piece(engine: Engine) -> None:
    top = engine.ask("who agrees with bequelin at the end of their piece?").answers[0]
    own = sorted(engine.reading.contributor(top.contributor_id).paragraphs)
    assert top.paragraph == own[-1], (top.contributor_id, top.paragraph)


def test_a_closing_tag_without_its_comma_is_no_topic(engine: Engine) -> None:
    q = engine.reader.read("sharon hom opens by saying something about bequelin right?")
    assert not q.terms and q.where < 0
    assert engine.ask(q.text).answers[0].quote.startswith("Nicolas as usual")
    assert engine.reader.read("is free speech a basic right?").terms  # the noun stays


@pytest.mark.parametrize(("question", "where"), [
    ("what's bequelin's closing point?", 1), ("what's hom's concluding thought", 1),
    ("what's neier's opening argument?", -1),
    ("and what was hom's closing jab?", 1),
    ("what did rosenzweig say in his last few lines", 1),
])
def test_a_closing_or_opening_point_is_a_place_in_the_piece(engine: Engine, question: str,
                                                           where: int) -> None:
    q = engine.reader.read(question)
    assert q.where == where
    top = engine.ask(question).answers[0]
    own = sorted(engine.reading.contributor(top.contributor_id).paragraphs)
    assert top.paragraph == (own[-1] if where > 0 else own[0])


def test_the_ones_before_someone_are_each_of_them(engine: Engine) -> None:
    q = engine.reader.read("what did rosenzweig say about the people before rosenzweig")
    assert q.speakers == ("rosenzweig",) and set(q.targets) == {"bequelin", "hom"}
    after = engine.reader.read("did any of the writers after neier agree with him")
    assert "sixth" in after.speakers + after.targets


def test_per_a_unit_is_no_source(engine: Engine) -> None:
    per_year = engine.reader.read("how many incidents per year did hom cite")
    assert "year" in {t.word for t in per_year.terms}  # a unit, no "according to"


@pytest.mark.parametrize(("passage", "counts"), [
    ("over 100,000 protestors have assembled", True),
    ("such a vast number of persons in China", True),
    ("improved the lives of one-fifth of humanity", True),
    ("a crowd of ten thousand people", True),
    ("the representatives of the two great political parties", False),
    ("Q. 2. I desire him to answer", False),
    ("as he did in 1854, against the admission", False),
    ("each one of these men who are shuffling", False),
])
def test_a_count_of_people_is_a_number_of_people(passage: str, counts: bool) -> None:
    from bot.engine.answering.detail import answer_shape

    shape = answer_shape("how many people were in the crowd?")
    assert shape is not None and (shape.search(passage) is not None) is counts


@pytest.mark.parametrize(("question", "who", "phrase"), [
    ("who says beijing has more distance to cover than washington on this", "rosenzweig",
     "further to travel"),
    ("what literacy stat is cited in the reading? need it for a slide", "sixth", "literacy"),
])
def test_plain_words_for_idioms_of_chat(engine: Engine, question: str, who: str,
                                        phrase: str) -> None:
    top = engine.ask(question).answers[0]
    assert top.contributor_id == who and phrase in top.quote


@pytest.mark.parametrize(("question", "who"), [
    ("who's the one with literally just one paragraph lol, and what did they say", "nathan"),
    ("who is the guy who only wrote one paragraph", "nathan"),
    ("lol this reading is sooo long 😭 can someone tldr nathan", "nathan"),
    ("The fourth contribution was the short one. What was its central message?", "nathan"),
    ("the guy after sharon hom, what did he say about holding everyone to account", "rosenzweig"),
])
def test_the_one_described_is_the_one_asked_about(engine: Engine, question: str,
                                                  who: str) -> None:
    q = engine.reader.read(question)
    assert q.speakers == (who,) and not q.who
    assert engine.ask(question).answers[0].contributor_id == who


def test_later_is_no_topic(engine: Engine) -> None:
    q = engine.reader.read("Does anyone later take issue with framing it as strategy?")
    assert "later" not in {t.word for t in q.terms}
    # ... but "the earlier contributors" are people of the text
    assert "earlier" in {t.word for t in engine.reader.read(
        "Which earlier contributors does Rosenzweig credit at the start of his piece?").terms}


@pytest.mark.parametrize(("question", "speakers", "targets"), [
    # "he and Y" after a verb of saying: Y is spoken of; "X and Y" before it, two sides
    ("does neier say he and bequelin agree", ("neier",), ("bequelin",)),
    ("neier and bequelin, what do they say about moral imperatives", ("neier", "bequelin"), ()),
    ("neier says what and bequelin says what on moral imperatives", ("neier", "bequelin"), ()),
    ("how does neier describe the way he and bequelin first met", ("neier",), ("bequelin",)),
    # the one a message opens with acts on the other ("Douglas reads out Lincoln's speech.
    # how does he use it?"), unless something compares them
    ("neier takes bequelin's point further, how does he do it", ("neier",), ("bequelin",)),
    ("neier and bequelin on the engine of progress", ("neier", "bequelin"), ()),
    ("neier vs bequelin on the engine of progress", ("neier", "bequelin"), ()),
    ("hom rosenzweig same idea on tibet?", ("hom", "rosenzweig"), ()),
    ("what were the points neier threw back at bequelin", ("neier",), ("bequelin",)),
])
def test_who_speaks_and_who_is_spoken_of(
    engine: Engine, question: str, speakers: tuple[str, ...], targets: tuple[str, ...]
) -> None:
    q = engine.reader.read(question)
    assert (q.speakers, q.targets) == (speakers, targets)


def test_a_count_of_people_asked_of_anyone_is_no_count_of_points(engine: Engine) -> None:
    from bot.engine.answering.detail import _COUNTS_ITEMS

    assert _COUNTS_ITEMS.search("how many keys does bequelin give")
    assert not _COUNTS_ITEMS.search("how many people turned out, does anybody give a number")


def test_a_name_before_talked_about_in_a_clause_is_its_speaker(engine: Engine) -> None:
    q = engine.reader.read("who was at the vigil that hom talked about")
    assert q.speakers == ("hom",) and not q.who
    assert engine.reader.read("who built on what nicholas and sharon wrote").who


@pytest.mark.parametrize(("question", "who", "phrase"), [
    ("anybody disagree with the idea that the US should be the best possible example?",
     "rosenzweig", "counterproductive"),
    ("ok guys im behind on the reading 😅 skimmed neier on the bus. why does he think this is so "
     "urgent rn?", "neier", "urgent"),
    ("what did the second-to-last contributor say about china throwing its economic weight "
     "around", "neier", "clout"),
])
def test_chat_of_reading_and_idioms_of_power(engine: Engine, question: str, who: str,
                                             phrase: str) -> None:
    top = engine.ask(question).answers[0]
    assert top.contributor_id == who and phrase in top.quote


@pytest.mark.parametrize(("question", "who"), [
    ("tl;dr of the opener? who does he think is actually moving the needle on rights in china",
     "bequelin"),
    ("sharon hom says more transparency helps basically everybody?? who does she mean by "
     "everybody", "hom"),
])
def test_who_does_he_after_a_sentence_naming_him(engine: Engine, question: str,
                                                 who: str) -> None:
    q = engine.reader.read(question)
    assert q.speakers == (who,) and not q.who


def test_how_two_differ_is_a_comparison_not_a_disagreement(engine: Engine) -> None:
    q = engine.reader.read("nathan vs neier on moral imperatives, how do they differ")
    assert q.compare and Relation.DISAGREE not in q.relations
    said = engine.reader.read("where do neier and bequelin disagree, and how do they differ")
    assert said.relation is Relation.DISAGREE  # a disagreement asked, in so many words


def test_beyond_and_pure_are_no_topic_words(engine: Engine) -> None:
    q = engine.reader.read("does hom add anything beyond bequelin's pure idealism")
    assert not {t.word for t in q.terms if not t.frame} & {"beyond", "pure"}


@pytest.mark.parametrize(("question", "says"), [
    ("Which line of Bequelin's did Neier say he 'particularly' agreed with?", "particularly"),
    ("who complains about the whole 'agree to disagree' line", "agree to disagree"),
])
def test_a_quoted_word_picks_the_answer_that_says_it(engine: Engine, question: str,
                                                     says: str) -> None:
    q = engine.reader.read(question)
    top = engine.ask(question).answers[0]
    # a speaker's answer says it; a "who" answer's passage does
    held = engine.reading.paragraph(top.paragraph).text if q.who else top.quote
    assert says in held.lower(), top.quote



@pytest.mark.parametrize("question", [
    # a dash before a new clause ends the topic named after "on": "factor" is its frame
    "bequelin's position on tibet - does the dalai lama factor in?",
    "what does bequelin say on tibet — did he check with the dalai lama?",
])
def test_a_dash_before_a_new_clause_ends_the_topic(engine: Engine, question: str) -> None:
    q = engine.reader.read(question)
    assert all(t.frame for t in q.terms if not t.known), q.terms
    reply = engine.ask(question)
    assert not reply.abstained and reply.answers[0].paragraph == 12


@pytest.mark.parametrize(("question", "who", "phrase"), [
    ("What are Neier's two reasons this issue can't wait?", "neier", "urgency"),
    ("what's bequelin's top priority", "bequelin", "most important"),
    ("rosensweig says he came in late to the discussion?", "rosenzweig", "latecomer"),
])
def test_everyday_idioms_for_the_texts_words(
    engine: Engine, question: str, who: str, phrase: str
) -> None:
    top = engine.ask(question).answers[0]
    assert top.contributor_id == who and phrase in engine.reading.paragraph(top.paragraph).text


def test_agreeing_to_do_a_thing_is_no_agreement(engine: Engine) -> None:
    """ "does Neier agree to answer them?" after a sentence on what another said: consent to
    reply, asked of the one who replies, not an agreement with anyone."""
    q = engine.reader.read("Bequelin lists four keys for the US. Does Neier agree to answer them?")
    assert "agree" not in [r.value for r in q.relations]
    assert q.speakers == ("neier",)
    assert engine.reader.read("does neier agree with bequelin").relation.value == "agree"


@pytest.mark.parametrize(("question", "phrase"), [
    # an apostrophe inside a word closes no single quote; a member's closing aside on the
    # passage ("it was kinda corny but i liked it") is no part of the question
    ("who had the 'we're all in the same boat' line 🚣 it was kinda corny but i liked it",
     "same real-time virtual boat"),
    ("who had the boat line, it was corny but i liked it", "same real-time virtual boat"),
])
def test_a_members_aside_is_no_part_of_the_question(
    engine: Engine, question: str, phrase: str
) -> None:
    reply = engine.ask(question)
    assert not reply.abstained and phrase in reply.answers[0].quote


def test_an_intensifier_is_no_aside(engine: Engine) -> None:
    q = engine.reader.read("who says it's urgent because so many people in china are affected")
    assert {"urgent", "affected"} <= {t.word for t in q.terms}


@pytest.mark.parametrize(("question", "words"), [
    ("how many states signed on?", ["states", "signed"]),
    ("which other states does Bequelin want to work with", ["states", "work"]),
    ("what does Hom state about Hong Kong?", ["hong", "kong"]),
    ("does Rosenzweig state a view on trade", ["trade"]),
    ("who says the party state fears its citizens", ["party", "state", "fears", "citizens"]),
])
def test_states_as_a_noun_is_a_topic_and_as_a_verb_no_topic(
    engine: Engine, question: str, words: list[str]
) -> None:
    assert sorted(t.word for t in engine.reader.read(question).terms) == sorted(words)


@pytest.mark.parametrize(("question", "speaker"), [
    ("hom says being more open and following the law is good for basically everybody?? who "
     "exactly benefits in her view", "hom"),
    ("who gains from engagement, according to him, bequelin i mean", "bequelin"),
])
def test_who_in_their_view_asks_the_one_named(
    engine: Engine, question: str, speaker: str
) -> None:
    """ "who benefits, in her view?": whom her words name, no who-question among them all."""
    q = engine.reader.read(question)
    assert (q.speakers, q.who) == ((speaker,), False)


def test_who_agrees_in_their_view_is_still_asked_of_all(engine: Engine) -> None:
    q = engine.reader.read("who agrees with hom, in her view?")
    assert q.targets == ("hom",) and q.who


@pytest.mark.parametrize("question", [
    "overall was neier on the same page as bequelin about how to push human rights?",
    "does neier take the same side as bequelin",
])
def test_the_same_as_someone_names_whom_it_answers(engine: Engine, question: str) -> None:
    q = engine.reader.read(question)
    assert (q.speakers, q.targets) == (("neier",), ("bequelin",))


def test_the_name_of_a_person_described_at_length_is_not_given(engine: Engine) -> None:
    reply = engine.ask("whats the actual name of the nobel peace prize guy in prison")
    assert reply.abstained and "doesn't give the guy's name" in reply.message


def test_is_there_any_real_disagreement_asks_who_disagreed(engine: Engine) -> None:
    """ "is there any real disagreement in this thing?": does anyone disagree ("real" only
    stresses it, no topic)."""
    q = engine.reader.read("is there any real disagreement in this thing or is everyone just "
                           "nodding along")
    assert q.who and not q.terms
    kinds = {a.kind for a in engine.ask(q.text).answers}
    assert "disagreement" in kinds
