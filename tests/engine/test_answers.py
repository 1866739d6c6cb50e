"""Ranking, abstention, compare and who replies, on the shipped reading."""

from __future__ import annotations

import pytest

from bot.engine import Engine, Mode
from bot.engine.conversation import Conversation
from bot.knowledge.paragraphs import is_verbatim

# question, acceptable contributors for the top answer, acceptable paragraphs (empty: any)
ANSWERS: list[tuple[str, set[str], set[int]]] = [
    ("what did Neier disagree with?", {"neier"}, {26}),
    ("waht did neir disagre with", {"neier"}, {26}),
    ("who thinks China's wealth makes Western pressure harder?", {"neier"}, {25}),
    ("what did the Columbia professor say?", {"nathan"}, {23}),
    ("what did the third contributor say about angry rhetoric?", {"rosenzweig"}, {20}),
    ("who disagreed with Bequelin?", {"neier", "rosenzweig", "sixth"}, {22, 26, 29}),
    ("who responded to Nathan?", {"sixth"}, {29}),
    ("what did the HRW researcher say about Tibet", {"bequelin"}, {12}),
    ("who mentioned elections", {"sixth"}, {32}),
    ("who mentioned central asia", {"neier"}, {25}),
    ("what did bequlin say about the dali lama", {"bequelin"}, {12}),
    ("who wants washington to make sure american firms in china respect rights", {"sixth"}, {30}),
    ("who said the US should stop lecturing other countries as if it were a moral model",
     {"rosenzweig"}, {22}),
    ("which contributor thinks professionals like lawyers push for rights to do their jobs well",
     {"neier"}, {27}),
    ("what did the fifth contributor say about the Soviet bloc?", {"neier"}, {25}),
    ("what is the final respondent's main point in a few lines", {"sixth"}, set()),
    ("who said we all are traveling in the same real-time virtual boat", {"hom"}, {15}),
    ("who wrote that China holds a Nobel Peace Laureate in prison", {"bequelin"}, {11}),
    ("what does Sharon think about the consulates in Hong Kong", {"hom"}, {17}),
    ("who thinks vocal diplomacy is needed when private talks fail", {"bequelin"}, {9}),
    # everyday words for the text's: "scandals" are its abuses, "dodge" is "avoid"
    ("which US scandals does bequelin say hurt america's example", {"bequelin"}, {8}),
    ("someone said the US shouldnt dodge the worst abuses just bc its scared of rocking the "
     "boat, who", {"rosenzweig"}, {20}),
    # "first": of those who make the point (others echo it later), the earliest
    ("who was the first to say chinese citizens drive progress", {"bequelin"}, {3}),
    # idioms for the same distance: "more ground to cover", "further to go"
    ("On rosenzweig's view who has more ground to cover, washington or beijing?",
     {"rosenzweig"}, {21}),
    ("who thinks china has further to go than the us", {"rosenzweig"}, {21}),
    # the words of a figure of speech weigh as everyday words ("image": a photo credit's word)
    ("who uses the image of a boat?", {"hom"}, {15}),
    ("whose metaphor is the boat", {"hom"}, {15}),
    # "the people before them": the other contributors, no topic word
    ("Does the sixth writer agree with the people before them, overall?", {"sixth"}, {28}),
    # "differ from X": X is the one answered (not "from X's point of view"), and a
    # difference runs both ways: the other's disagreement when the first voices none
    ("where does neier differ from bequelin?", {"neier"}, {26}),
    ("how's nathan's take different from the last respondent's?", {"sixth"}, {29}),
    # "everyone who went before them": all the earlier contributors, as the text has them
    ("who said they agree with like basically everyone who went before them", {"sixth"}, {28}),
    ("is there anyone who says they agree with basically everything said before them?",
     {"sixth"}, {28}),
    # "was it X who ...?": who did, a wrong guess answered by the one who did
    ("Was it Rosenzweig who talked about China throwing its economic weight about?", {"neier"},
     {25}),
    ("was it hom who mentioned hong kong?", {"hom"}, {17}),
    # "can someone compare ...": a request for the comparison, no "who" question
    ("can someone compare what Bequelin and the last writer say about US companies in China?",
     {"bequelin"}, {10}),
    # a person word after an affiliation's word is theirs, no other person's name
    ("what does the Human Rights Watch fellow think drives progress in china?", {"bequelin"},
     {3}),
]

ABSTAIN = [
    "what did Neier say about Taiwan?",
    "tell me a joke",
    "what did Xi Jinping say?",
    "who talked about Xinjiang?",
    "what's the weather like today?",
    "who won the game last night",
    "who won the 2013 NBA finals?",  # no win told: "Finally, ..." is no answer
    "what did Hillary Clinton say about the Olympics",
    "what did Bequelin say about the South China Sea",
    "did anyone talk about climate change",
    "",
    "   ",
    "???",
]


@pytest.mark.parametrize(("question", "who", "paragraphs"), ANSWERS)
def test_top_answer(engine: Engine, question: str, who: set[str], paragraphs: set[int]) -> None:
    reply = engine.ask(question)
    assert not reply.abstained, reply.message
    top = reply.answers[0]
    assert top.contributor_id in who
    if paragraphs:
        assert top.paragraph in paragraphs, (top.position_id, top.quote)


@pytest.mark.parametrize("question", ABSTAIN)
def test_abstains_when_the_reading_has_no_answer(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.abstained, [a.position_id for a in reply.answers]
    assert reply.mode is Mode.ABSTAIN
    assert reply.message  # says why, and what it can answer


def test_the_wrong_person_points_to_who_does_cover_it(engine: Engine) -> None:
    reply = engine.ask("what did Nathan say about Hong Kong?")
    assert "Hom does" in reply.message and reply.answers[0].contributor_id == "hom"


def test_who_reply_has_one_answer_per_contributor(engine: Engine) -> None:
    reply = engine.ask("who brought up Abu Ghraib?")
    assert reply.mode is Mode.WHO
    ids = [a.contributor_id for a in reply.answers]
    assert len(ids) == len(set(ids))
    assert {"bequelin", "neier"} <= set(ids)


def test_compare_shows_both_sides(engine: Engine) -> None:
    reply = engine.ask("compare Nathan and the last respondent")
    assert reply.mode is Mode.COMPARE
    assert {a.contributor_id for a in reply.answers} == {"nathan", "sixth"}


def test_compare_on_a_topic_leads_with_their_disagreement(engine: Engine) -> None:
    reply = engine.compare("Neier", "Bequelin", "moral imperatives and national interest")
    assert reply.mode is Mode.COMPARE
    assert {a.contributor_id for a in reply.answers} == {"neier", "bequelin"}
    assert reply.answers[0].position_id == "neier-moral-character"


def test_compare_with_unknown_contributor_abstains(engine: Engine) -> None:
    assert engine.compare("Neier", "Obama").abstained


def test_answers_are_ordered_and_limited(engine: Engine) -> None:
    reply = engine.ask("what did Bequelin recommend?", limit=3)
    assert 1 <= len(reply.answers) <= 3
    scores = [a.score for a in reply.answers]
    assert scores == sorted(scores, reverse=True)
    assert all(a.kind == "recommendation" for a in reply.answers)


QUESTIONS_FOR_QUOTES = [q for q, _, _ in ANSWERS] + [
    "who said that the CPC will have to respond to the massive explosion of citizen actions",
    "who said 'the two are closely related'",
    "who wrote about the judicial mechanism for protecting human rights",
]


@pytest.mark.parametrize("question", QUESTIONS_FOR_QUOTES)
def test_every_quote_shown_is_verbatim_in_its_paragraph(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    for a in reply.answers:
        para = engine.reading.paragraph(a.paragraph)
        assert is_verbatim(a.quote, para.text), (a.position_id, a.quote)
        assert para.contributor_id == a.contributor_id


def test_who_said_quotes_the_sentence_asked_about(engine: Engine) -> None:
    reply = engine.ask("who said 'the two are closely related'")
    assert reply.answers[0].contributor_id == "neier"
    assert "closely related" in reply.answers[0].quote


def test_positions_lists_a_contributor_in_text_order(engine: Engine) -> None:
    neier = engine.resolve_contributor("Aryeh")
    assert neier is not None and neier.id == "neier"
    found = engine.positions(neier)
    assert [a.paragraph for a in found] == sorted(a.paragraph for a in found)
    assert all(a.kind == "agreement" for a in engine.positions(neier, "agreement"))


@pytest.mark.parametrize(
    ("text", "cid"),
    [("neier", "neier"), ("Nier", "neier"), ("the Columbia professor", "nathan"),
     ("last respondent", "sixth"), ("Sharon", "hom"), ("Becquelin", "bequelin"),
     ("the third contributor", "rosenzweig"), ("Rosenzwig", "rosenzweig")],
)
def test_resolve_contributor(engine: Engine, text: str, cid: str) -> None:
    found = engine.resolve_contributor(text)
    assert found is not None and found.id == cid


def test_resolve_contributor_refuses_strangers(engine: Engine) -> None:
    assert engine.resolve_contributor("Obama") is None
    assert engine.resolve_contributor("") is None


def test_suggest_contributors_for_autocomplete(engine: Engine) -> None:
    assert len(engine.suggest_contributors("")) == 6
    assert engine.suggest_contributors("ne")[0].id == "neier"
    assert engine.suggest_contributors("colum")[0].id == "nathan"


def test_related_finds_positions_for_a_prompt_and_nothing_for_nonsense(engine: Engine) -> None:
    found = engine.related("Should the U.S. lead by moral example?")
    assert found and len({a.contributor_id for a in found}) == len(found)
    assert engine.related("Is the weather nice on Mars?") == []
    assert engine.related("Which pizza topping is best?") == []


def test_synonym_near_miss_points_to_who_uses_the_words(engine: Engine) -> None:
    reply = engine.ask("what did Hom say about literacy?")
    assert not reply.abstained and reply.elsewhere == ("hom",)
    assert reply.message.endswith("the final respondent does:")
    assert reply.answers[0].contributor_id == "sixth" and reply.answers[0].paragraph == 31


def test_who_mentioned_lists_only_those_whose_text_names_it(engine: Engine) -> None:
    reply = engine.ask("who mentioned Guantanamo?")
    assert [a.contributor_id for a in reply.answers] == ["neier"]


def test_relation_a_contributor_never_makes_is_said_plainly(engine: Engine) -> None:
    reply = engine.ask("what did Nathan criticize?")
    assert reply.abstained
    assert reply.message.startswith("Nathan makes no criticism in this reading.")


def test_abstain_message_starts_with_a_capital(engine: Engine) -> None:
    reply = engine.ask("what did the final respondent say about Tibet?")
    assert reply.message.startswith("The final respondent doesn't address Tibet;")


def test_who_agreed_with_nobody_targeted_abstains(engine: Engine) -> None:
    reply = engine.ask("who agreed with the final respondent?")
    assert reply.abstained
    assert "No contributor responds to the final respondent" in reply.message


def test_named_targets_are_not_their_own_answer(engine: Engine) -> None:
    reply = engine.ask("who thanked Nicholas and Sharon?")
    ids = [a.contributor_id for a in reply.answers]
    assert ids and "bequelin" not in ids and "hom" not in ids
    assert "rosenzweig" in ids


def test_side_with_shows_what_was_said_to_them_even_if_not_agreement(engine: Engine) -> None:
    reply = engine.ask("does the last contributor side with Nathan?")
    assert not reply.abstained
    assert reply.answers[0].target == "Andrew J. Nathan"


def test_speaker_on_a_targets_argument(engine: Engine) -> None:
    reply = engine.ask("what did the last respondent say about Nathan's argument?")
    assert reply.answers[0].position_id == "sixth-critique-sound-strategy"


def test_who_said_prefers_the_author_to_one_quoting_them(engine: Engine) -> None:
    # the final respondent quotes Neier's phrase in quotation marks (paragraph 29)
    reply = engine.ask("who said US policies must have a moral character?")
    assert reply.answers[0].contributor_id == "neier"
    assert reply.answers[0].paragraph == 26


def test_misspelt_surname_after_a_first_name_is_part_of_the_name(engine: Engine) -> None:
    q = engine.reader.read("what did nicolas beckelin say about tibbet")
    assert q.speakers == ("bequelin",)
    assert [t.word for t in q.terms] == ["tibbet"]
    assert engine.ask("what did nicolas beckelin say about tibbet").answers[0].paragraph == 12


def test_relation_words_inside_a_reported_view_are_topic_words(engine: Engine) -> None:
    q = engine.reader.read("who thinks a more open China would make its neighbors less nervous?")
    assert not q.relations
    assert "nervous" in {t.word for t in q.terms}
    reply = engine.ask("who thinks a more open China would make its neighbors less nervous?")
    assert reply.answers[0].contributor_id == "nathan"


def test_misspelt_person_noun_after_an_ordinal(engine: Engine) -> None:
    assert engine.reader.read("what did the last respondant say?").speakers == ("sixth",)


def test_relation_word_used_by_the_position_itself_ranks_it_first(engine: Engine) -> None:
    reply = engine.ask("whom does Rosenzweig praise?")
    assert reply.answers[0].paragraph == 18  # "Nicholas and Sharon have framed the issues so well"


@pytest.mark.parametrize(
    "question", ["What is Neier's position on Taiwan?", "Neier on Taiwan, in a nutshell"]
)
def test_summary_words_do_not_override_a_named_topic(engine: Engine, question: str) -> None:
    assert engine.ask(question).abstained


def test_topic_marker_concerning_is_not_a_concern(engine: Engine) -> None:
    assert not engine.reader.read("What did Hom say concerning the internet?").relations


def test_quoted_words_are_not_relation_cues(engine: Engine) -> None:
    q = engine.reader.read('who praised "critical engagement"?')
    assert "critical" in {t.word for t in q.terms}
    assert all(r.value != "critique" for r in q.relations)


def test_did_x_say_a_phrase_someone_else_wrote(engine: Engine) -> None:
    reply = engine.ask("Did Rosenzweig say 'the Dalai Lama'?")
    assert reply.answers[0].contributor_id == "bequelin"
    assert reply.message == "Those are Nicholas Bequelin's words, not Rosenzweig's."


@pytest.mark.parametrize("question", ["who wrote last?", "which contributor went last?"])
def test_who_went_last_is_about_the_final_respondent(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.answers and {a.contributor_id for a in reply.answers} == {"sixth"}


def test_who_is_asks_for_main_points_not_responses(engine: Engine) -> None:
    q = engine.reader.read("Who is Neier?")
    assert q.speakers == ("neier",) and not q.relations


def test_unicode_names_and_zero_width_characters(engine: Engine) -> None:
    assert engine.reader.read("what did Béquelin say?").speakers == ("bequelin",)
    assert engine.reader.read("what did ｎｅｉｅｒ say?").speakers == ("neier",)
    assert engine.reader.read("what did Ne\u200bier say?").speakers == ("neier",)


def test_pronoun_us_in_the_text_is_not_the_country(engine: Engine) -> None:
    from bot.engine.text import words

    assert "usa" not in words("Aryeh Neier appropriately reminds us")
    assert words("the U.S. and the United States") == ["the", "usa", "and", "the", "usa"]


def test_an_initialism_with_stops_is_one_word() -> None:
    """ "C.I.A." is the "CIA" members write; a name's one initial ("Stephen A. Douglas")
    stays a letter."""
    from bot.engine.text import words

    assert words("Guantanamo and C.I.A. renditions") == ["guantanamo", "and", "cia", "renditions"]
    assert words("the E.U. and Stephen A. Douglas") == ["the", "eu", "and", "stephen", "a",
                                                       "douglas"]
    # the United Nations in full is the text's "U.N."; "nations" alone stays a word
    assert words("the United Nations and the U.N.") == ["the", "un", "and", "the", "un"]
    assert words("nations of the world") == ["nations", "of", "the", "world"]


def test_glossary_maps_words_the_text_does_not_use_and_says_so(engine: Engine) -> None:
    reply = engine.ask("who talked about Tiananmen?")
    assert reply.answers[0].contributor_id == "hom"
    assert reply.message.startswith("The text doesn't name Tiananmen; it speaks of June Fourth")
    # an everyday word the text lacks is no name to capitalise
    wealth = engine.ask("who talked about china's wealth")
    assert wealth.message.startswith("The text doesn't use “wealth”; it speaks of")
    cold_war = engine.ask("what did Neier say about the Cold War?")
    assert cold_war.answers[0].position_id == "neier-soviet-bloc"


def test_glossary_phrases_use_their_telling_word(engine: Engine) -> None:
    term = engine.reader.read("what about the UN?").terms[0]
    stems = {s for s, _ in term.alternatives}
    assert "council" in stems and "human" not in stems and "right" not in stems


def test_hyphenated_words_are_read_whole_when_known(engine: Engine) -> None:
    q = engine.reader.read("who wants the US to work with like-minded democracies?")
    assert "likeminded" in {t.word for t in q.terms}
    assert "minded" not in {t.word for t in q.terms}


def test_subject_after_auxiliary_beats_which_of(engine: Engine) -> None:
    q = engine.reader.read("Which of Bequelin's statements does Neier single out?")
    assert q.speakers == ("neier",) and q.targets == ("bequelin",)


def test_real_words_are_not_corrected_to_other_initials(engine: Engine) -> None:
    assert engine.index.correct("sanctions") == ("sanctions", False)
    assert engine.ask("what did the contributors say about economic sanctions?").abstained


def test_paraphrase_with_everyday_synonyms(engine: Engine) -> None:
    reply = engine.ask("who says a law-governed China would make foreign visitors safer?")
    assert reply.answers[0].contributor_id == "nathan"


def test_derived_words_share_a_stem_with_their_base() -> None:
    from bot.engine.text import stem

    assert stem("willingness") == stem("willing")
    assert stem("governments") == stem("government") == stem("governed")


def test_un_is_read_as_in_the_text(engine: Engine) -> None:
    reply = engine.ask("who mentioned the United Nations?")
    assert reply.answers[0].contributor_id == "sixth"


def test_according_to_the_ordinal_is_the_speaker(engine: Engine) -> None:
    q = engine.reader.read("According to the fourth contributor, what would norms produce?")
    assert q.speakers == ("nathan",) and not q.targets


def test_who_argues_asks_no_summary(engine: Engine) -> None:
    q = engine.reader.read("Who argues that treating rights as a side issue is doomed to fail?")
    assert all(r.value != "summary" for r in q.relations)


@pytest.mark.parametrize("question", ["what are bequelin's keys?", "bequelins five keys?"])
def test_a_list_asked_for_is_its_opening_and_every_point(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert [a.paragraph for a in reply.answers] == [7, 8, 9, 10, 11, 12]  # "First" .. "Finally"
    assert reply.answers[0].quote.endswith(":")


def test_one_point_of_a_list_is_not_the_whole_list(engine: Engine) -> None:
    assert len(engine.ask("what is bequelin's first key?").answers) < 6


# What happened after the reading or outside it: the reading cannot say
AFTERMATH = [
    "did china actually follow through on those promises later?",
    "did beijing ever respond to this chinafile conversation",
    "so who won the senate race in the end",
]


@pytest.mark.parametrize("question", AFTERMATH)
def test_what_happened_after_the_reading_is_not_told(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.abstained and not reply.answers
    assert "after it or outside it" in reply.message


@pytest.mark.parametrize("question", [
    "what does bequelin say china will have to do in the end",  # a contributor says it
    "what changed since then according to rosenzweig",
])
def test_what_a_contributor_says_of_later_is_asked_of_them(engine: Engine, question: str) -> None:
    assert "after it or outside it" not in engine.ask(question).message


def test_an_aftermath_aside_leaves_the_conversation(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("what did the sixth say about china's UN submission", conversation=talk)
    focus = talk.focus
    assert engine.ask("did china actually follow through after?", conversation=talk).abstained
    assert talk.focus == focus


@pytest.mark.parametrize(("question", "sides"), [
    ("compare nathan and the last respondent on treating human rights as strategy",
     {"nathan", "sixth"}),
    ("how do nathan and neier each connect rights in china to the rest of the world",
     {"nathan", "neier"}),
])
def test_a_comparison_in_the_members_verbs_finds_both_sides(
    engine: Engine, question: str, sides: set[str]
) -> None:
    reply = engine.ask(question)
    assert not reply.abstained and {a.contributor_id for a in reply.answers} == sides


def test_a_comparison_on_what_the_text_never_names_still_abstains(engine: Engine) -> None:
    assert engine.ask("compare nathan and neier on magnitsky sanctions").abstained


@pytest.mark.parametrize(("question", "only"), [
    ("who else besides neier mentions the soviet bloc", "Neier"),
    ("besides hom, who mentions hong kong", "Hom"),
])
def test_the_one_set_aside_is_the_only_one(engine: Engine, question: str, only: str) -> None:
    # asked on its own, no conversation: the one set aside is not the answer, and the
    # reply says that nobody else addresses it
    reply = engine.ask(question)
    assert reply.abstained and f"besides {only}" in (reply.message or "")


def test_anyone_besides_someone_is_answered_by_the_others(engine: Engine) -> None:
    reply = engine.ask("did anyone besides bequelin criticize the 'agree to disagree' line too?")
    assert not reply.abstained and "bequelin" not in {a.contributor_id for a in reply.answers}
