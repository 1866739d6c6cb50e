"""A title alias ("the Judge", "the Senator") names its contributor only with its "the": "a
senator", "for senator", "Senator Toombs" or "the title judge" is anyone, a topic word. A
given name before another name of the text ("edwin franklin") is someone else's."""

from __future__ import annotations

from bot.engine.references import ContributorMatcher
from bot.engine.text import words
from bot.knowledge.model import Contributor

HALE = Contributor(id="hale", name="Edwin Hale", short_name="Hale",
                   aliases=("Edwin", "Judge Hale", "the Judge", "the Senator"), affiliation="",
                   order=1, paragraphs=(1,))
ROSS = Contributor(id="ross", name="Mary Ross", short_name="Ross", aliases=(),
                   affiliation="", order=2, paragraphs=(2,))
MATCHER = ContributorMatcher([HALE, ROSS], vocabulary={"senator", "judge", "court"},
                             names={"franklin", "roger", "hale", "ross", "edwin"})


def _found(question: str) -> list[tuple[str, ...]]:
    return [m.contributor_ids for m in MATCHER.find(words(question, question=True))]


def test_the_title_names_its_contributor() -> None:
    assert _found("what did the senator say about the court?") == [("hale",)]
    assert _found("what did the judge tell ross?") == [("hale",), ("ross",)]
    assert _found("what did senator hale say?") == [("hale",)]


def test_a_senator_is_anyone() -> None:
    assert _found("how long had ross been a senator?") == [("ross",)]
    assert _found("was ross ever a judge?") == [("ross",)]
    assert _found("what did ross say about senator toombs?") == [("ross",)]
    assert _found("who voted for ross for senator?") == [("ross",)]
    assert _found("how did ross get the title judge?") == [("ross",)]


def test_a_given_name_before_another_name_is_someone_else() -> None:
    assert _found("what did edwin say about franklin?") == [("hale",)]
    assert _found("whats the edwin franklin roger thing ross told?") == [("ross",)]
    assert _found("did hale franklin and ross say?") == [("hale",), ("ross",)]  # a surname stays


def test_the_title_stays_its_contributor_before_a_name_word() -> None:
    """ "did the Judge press her": "press" is a name of the text too ("the Press and
    Tribune"), but "the Judge" before it is still the contributor."""
    matcher = ContributorMatcher([HALE, ROSS], vocabulary={"senator", "judge", "court"},
                                 names={"press", "hale", "ross", "edwin"})
    found = [m.contributor_ids for m in matcher.find(words("did the judge press her on it?"))]
    assert found == [("hale",)]
    assert not matcher.find(words("did judge press rule on it?"))  # no "the": someone else
