"""The wrong person: a contributor asked about a topic that only others address."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.engine.conversation import Conversation
from bot.engine.render import render_reply

# (question, contributor who does address it, a phrase of their quote's paragraph,
#  the note's opening)
ELSEWHERE = [
    ("what did hom say about the soviet bloc", "neier", "Soviet bloc",
     "Sharon Hom doesn't address the Soviet bloc; Aryeh Neier does:"),
    ("what did Nathan say about Hong Kong?", "hom", "Hong Kong",
     "Andrew J. Nathan doesn't address Hong Kong; Sharon Hom does:"),
    ("neir's point about literacy?", "sixth", "literacy",
     "Aryeh Neier doesn't address literacy; the final respondent does:"),
    ("what did the final respondent say about Guantanamo?", "neier", "Guantanamo",
     "The final respondent doesn't address Guantanamo; Aryeh Neier does:"),
    ("did rosenzweig say anything about the dalai lama", "bequelin", "Dalai Lama",
     "Joshua Rosenzweig doesn't address the Dalai Lama; Nicholas Bequelin does:"),
    # a chat word around the topic ("whats the context") does not hide who did say it
    ("where does nathan say china doubled life expectancy, whats the context", "sixth",
     "life expectancy", "Andrew J. Nathan doesn't address that; the final respondent does:"),
    # in other words than the text's: the one position that answers it, less of it worded
    ("what did Hom say about academics and lawyers fighting for rights out of professional "
     "ethics?", "neier", "good professionals",
     "Sharon Hom doesn't address that; Aryeh Neier does:"),
    ("Neier's point about China's state secrecy laws hurting US companies?", "bequelin",
     "state secrecy laws", "Aryeh Neier doesn't address China's state secrecy laws hurting US "
     "companies; Nicholas Bequelin does:"),
    # a relation asked ("what's the suggestion") around words another's position holds well:
    # those words are the topic, not chat around the relation
    ("rosenzweig mentions factory workers making clothes and electronics, what's the "
     "suggestion", "sixth", "factories producing clothing",
     "Joshua Rosenzweig doesn't address"),
    # two words, both another's: a name is a topic, though nothing says "about" it
    ("the last respondent's dalai lama suggestion?", "bequelin", "Dalai Lama",
     "The final respondent doesn't address Dalai Lama; Nicholas Bequelin does:"),
    # her best holds a third of it; another's says nearly all of it
    ("did hom say the regime will be steadier once it rests on the consent of the people",
     "nathan", "consent of the people", "Sharon Hom doesn't address that; Andrew J. Nathan does:"),
]

# (question, words the abstention must hold): nobody addresses it, or nobody of the reading
ABSTAINS = [
    ("did sharon hom say anything about taiwan", "The reading doesn't cover that"),
    ("what did Obama disagree with?", "Obama is not one of the contributors"),
    ("what did Bequelin say about Deng Xiaoping?", "Deng Xiaoping"),
    # a year the text never gives: no passage is on it, though its other words are
    ("did bequelin talk about the 2009 dialogue meeting in washington?",
     "The text never mentions 2009."),
    ("who cites the universal declaration of human rights from 1948", "never mentions 1948"),
]


@pytest.mark.parametrize(("question", "who", "phrase", "note"), ELSEWHERE)
def test_the_one_who_does_address_it_answers(
    engine: Engine, question: str, who: str, phrase: str, note: str
) -> None:
    reply = engine.ask(question)
    assert not reply.abstained, reply.message
    top = reply.answers[0]
    assert top.contributor_id == who
    text = engine.reading.paragraph(top.paragraph).text.lower()
    assert phrase.lower() in text
    assert reply.message.startswith(note), reply.message
    assert reply.elsewhere and who not in reply.elsewhere
    data = reply.to_json()
    assert data["abstained"] is False and data["not_addressed_by"] == list(reply.elsewhere)
    assert render_reply(reply).startswith(note)  # the console's text (Discord's lead too)


@pytest.mark.parametrize(("question", "words"), ABSTAINS)
def test_abstains_when_no_contributor_addresses_it(
    engine: Engine, question: str, words: str
) -> None:
    reply = engine.ask(question)
    assert reply.abstained and not reply.answers
    assert words in reply.message


@pytest.mark.parametrize(
    "question", ["who agreed with Nathan?", "who said they agreed with nathan",
                 "who says she kinda agrees with nathan"],
)
def test_nobody_agreed_lists_who_responded_apart(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.abstained and not reply.answers
    assert reply.related and all(a.kind != "agreement" for a in reply.related)


def test_a_follow_up_prefers_a_reading_that_fits_the_one_asked(engine: Engine) -> None:
    conv = Conversation()
    engine.ask("switching topics: who talked about tainted products", conversation=conv)
    reply = engine.ask("what other problems did she list", conversation=conv)
    assert not reply.abstained and reply.answers[0].contributor_id == "hom"
    assert not reply.elsewhere


def test_a_contributor_who_never_names_another_does_not_mention_them(engine: Engine) -> None:
    reply = engine.ask("does hom mention nathan")
    assert reply.abstained and "Hom doesn't respond to Nathan" in reply.message


def test_one_asked_of_anothers_quoted_words_is_not_given_them(engine: Engine) -> None:
    # "what does Neier make of Hom's '...' line?": the words are Hom's, the view asked is
    # Neier's; he never addresses them, and the reply says so in the words quoted
    reply = engine.ask("what does Neier make of Hom's 'same real-time virtual boat' line?")
    assert reply.elsewhere == ("neier",)
    assert "doesn't address “same real-time virtual boat”" in (reply.message or "")
