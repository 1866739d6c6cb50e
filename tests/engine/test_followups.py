"""Follow-ups read in their conversation, and order relative to others: one row per form."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.engine import Engine
from bot.engine.answers import Reply
from bot.engine.conversation import Conversation

# (earlier turns, follow-up, contributor of the top answer or None to abstain,
#  a phrase of the expected paragraph or "", whether the reply says how it read it)
FOLLOW_UPS = [
    (["who compared things to the soviet bloc?"], "does he disagree with anyone?", "neier",
     "I would not draw a line between", True),
    (["what did bequelin say about microblogging"], "and hom?", "hom", "micro-blogging", True),
    (["what did nathan say about the environment"], "and trade?", "nathan", "trade", True),
    (["what did neier say about abu ghraib"], "who else?", "bequelin", "Abu Ghraib", True),
    (["what is andrew nathan's argument"], "did anyone criticise him for that?", "sixth", "", True),
    (["what does the final respondent worry about"], "whose statements are they reacting to",
     "sixth", "", True),
    (["who talked about hong kong"], "what's her view on the communist party", "hom",
     "The CPC will have to respond", True),
    (["what's neier's point about urgency"], "more", "neier", "", True),
    (["who compared things to the soviet bloc?", "does he disagree with anyone?"], "why?",
     "neier", "considers itself to be a global power", True),
    (["who talked about hong kong consulates"], "got a quote?", "hom", "Hong Kong", False),
    (["who is the hrw researcher", "what are his keys to effective promotion"],
     "the third key?", "bequelin", "mainstream human rights perspectives", True),
    (["who went first"], "second?", "hom", "", True),
    (["who said the engine of human rights progress is the chinese citizenry"], "who agreed?",
     "neier", "agree with Nicholas", True),
    (["what did the third contributor say about us leadership"],
     "what about the fifth, on leadership?", "neier", "leadership role", True),
    (["what did rosenzweig say about taiwan"], "and hom?", None, "", True),
    (["what did the last respondent say about literacy"], "by how much?", "sixth", "literacy",
     True),
    # a follow-up that names no one, in the reading's own words, goes on with the one quoted
    (["what did china admit in its un submission"], "so what should washington do about it",
     "sixth", "holding China accountable", True),
    (["who thinks the chinese people are the engine of change"],
     "and what should outsiders do to help them", "bequelin", "", True),
    (["what did neier say about abu ghraib"], "is that true for bequelin too?", "bequelin",
     "Abu Ghraib", True),
    (["what did Neier agree with?"], "next", "neier", "", True),
    (["what did neier say about abu ghraib"], "where does he say that?", "neier", "Abu Ghraib",
     False),
    (["what did neier say about abu ghraib"], "what did the others say?", "bequelin",
     "Abu Ghraib", True),
    (["who said progress blooms from argument and debate"], "who said that?", "rosenzweig",
     "progress blooms", False),
    (["what did hom say about corruption"], "what did she say next?", "hom",
     "micro-blogging wall", True),
    (["what did hom say about corruption", "what did she say next?"], "and after that?", "hom",
     "Hong Kong", True),
    (["what did hom say about corruption"], "ok and bequelin on the same thing?", "bequelin",
     "", True),
    (["who disagreed with bequelin"], "what was his reason?", "neier",
     "considers itself to be a global power", True),
    (["what does rosenzweig recommend", "how about neier"], "what about his second point",
     "neier", "", True),
    (["who mentioned the dalai lama"], "what did the guy say exactly", "bequelin",
     "Dalai Lama", True),
    # "next" after a point of a list is the point after it
    (["what is the second key for bequelin"], "next one", "bequelin",
     "mainstream human rights perspectives", True),
    (["bequelin's first key?", "next"], "and the one after?", "bequelin",
     "mainstream human rights perspectives", True),
    # a quote or a view of the same topic, asked of someone else
    (["who mentioned the c.i.a. renditions"], "exact words from the fifth guy?", "neier",
     "renditions", True),
    (["what does bequelin say about the engine of progress"], "and the fifth one's take on it?",
     "neier", "", True),
    # "who else used that phrase": the words point back at the last topic
    (["who talked about the dalai lama"], "anyone else bring up that point?", None, "", True),
    # a why, detail or quote naming no one is asked of the contributor just answered
    (["what did hom say about hong kong"], "how many protesters were there", "hom",
     "100,000", True),
    (["who brought up china's 2008 submission to the un"], "exact words on unemployment pls",
     "sixth", "employment situation remains dire", True),
    # interjections are no topic: "wait who said that"
    (["who talked about the dalai lama"], "hmm wait, who said that?", "bequelin", "Dalai Lama",
     False),
    # "what did he mean?", "can u elaborate", "any examples?": the next words on that point
    (["what did neier say about abu ghraib"], "what did he mean by that?", "neier", "", True),
    (["what does hom think about hong kong"], "can u elaborate", "hom", "Hong Kong", True),
    # a quote is asked of the last answer that cited something, after an abstention too
    (["what does hom think about hong kong", "what did she say about taiwan"],
     "which paragraph is that in?", "hom", "Hong Kong", False),
    # "him" beside a named contributor is whom they answer
    (["what did nathan say about international norms"],
     "does the last respondent agree with him?", "sixth", "a matter of sound strategy", True),
    # "on what?": the point of the last answer, spelled out
    (["what did neier agree with?"], "on what?", "neier", "", True),
    # "the next reason?" after a contributor's reasons: what they wrote next
    (["what are nathan's reasons? the first one"], "and the next reason?", "nathan",
     "strategic intentions", True),
    # a quote asked with a word or two of the last answer: that answer's quote
    (["what did hom say about corruption"], "exact wording on corruption pls", "hom",
     "corruption", False),
    # "what about Hom, ... does she ...": she is Hom
    (["what did bequelin recommend"], "what about hom, what does she want policymakers to do",
     "hom", "", True),
    # "and the fourth one?" after questions about people is the fourth contributor
    (["what's hom's main idea", "and rosenzweig's?"], "and the fourth one?", "nathan", "",
     True),
    # a name the text never uses is not carried into the last topic
    (["what did hom say about hong kong"], "did she say anything about taiwan?", None, "", True),
    # "did he mention X?" is asked of X alone, and answered by him or not at all
    (["what did neier say about trade and aid"], "did he give a dollar figure for the aid?", None,
     "", True),
    (["what did nathan say about the rule of law"], "did he also mention tourists?", "nathan",
     "tourists", True),
    # a quote asked of a contributor named by first name or in the possessive
    (["who talked about abu ghraib"], "can i get aryeh's exact words on it?", "neier",
     "Abu Ghraib", True),
    # "more" about one contributor never repeats or turns to someone else
    (["what does the final respondent open with"], "more", "sixth", "", True),
    # "ok back to hom, why does she ...": she is the one just named (and the question
    # reads on its own, as "hom, what does she say ...")
    (["what did bequelin say about microblogging", "who else talked about the internet"],
     "ok back to hom, what does she say about the great firewall", "hom", "Great Firewall",
     False),
    # a detail asked in words the text never uses is not answered from the last topic
    (["what did hom say about victoria park"], "how many soldiers were there?", None, "", True),
    # "what's their name?": the text never names the final respondent; Neier it does
    (["what does the last respondent worry about"], "whats their name?", None, "", False),
    # "anything more from them?" is more of the same contributor
    (["what did the final respondent say about business"], "anything more from them?", "sixth",
     "", True),
    # "why does he say X?" with X from the last answer: the reason for it
    (["what's neier's first point"], "why does he say it's urgent?", "neier", "", True),
    # "the second measure?": a point of the list by its own noun
    (["what did bequelin recommend"], "and the fourth suggestion?", "bequelin",
     "forge partnerships", True),
    # "what else did they say" gives something not shown yet, after a turn with no answer too
    (["what's nathan's main point", "whats his email"], "ok what else did he say", "nathan", "",
     True),
    # a change of subject does not carry the old contributor along
    (["what did neier say about professionals"], "ok who mentioned the dalai lama",
     "bequelin", "Dalai Lama", False),
    # an opening "and" / "ok" does not hide "why?" or "what about"
    (["what did bequelin say about the dalai lama"], "and why?", "bequelin", "Tibetan areas",
     True),
    (["what does hom think about the internet", "and bequelin?"],
     "ok and what about nathan on trade", "nathan", "trade, investment", True),
    # "the second one" of the contributors just listed, not the second contributor
    (["who talked about abu ghraib"], "what did the second one say exactly", "neier",
     "Abu Ghraib", True),
    # "that person": whom the last answer responds to
    (["who is the fifth contributor", "who is he disagreeing with"],
     "and what does that person say", "bequelin", "", True),
    # "more" after the main points: the contributor's other points
    (["rosenzweig's main point?"], "more", "rosenzweig", "", True),
    # after one item of a list, a bare ordinal is the next item, not a contributor
    (["what is bequelin's first key"], "and the second?", "bequelin", "vocal diplomacy", True),
    (["what is bequelin's first key", "and the second?"], "third?", "bequelin",
     "mainstream human rights", True),
    # "does anyone disagree?" after a topical question: on that topic
    (["who thinks the us should set an example"], "does anyone disagree?", "rosenzweig",
     "model of moral behavior", True),
    # "about it": the last topic
    (["who talks about the rule of law"], "what did nathan say about it", "nathan",
     "rule of law", True),
    # "where?" asks a detail of the last answer's topic
    (["what does neier say china does with its money"], "where does that happen", "neier",
     "Africa", True),
    # "next" after a paragraph's opening point: the rest of that paragraph was shown with it
    (["neier's opening, pls"], "next", "neier", "Soviet bloc", True),
    # "what does she mean?" after the last point of a paragraph: the point that frames it
    (["what did hom say about all of us sharing one boat"], "what does she mean there",
     "hom", "advance the interests of all stakeholders", True),
    # "keep going": more of the same contributor, not a topic called "keep"
    (["how does neier open his piece"], "keep going", "neier", "Soviet bloc", True),
    # "what figures does she cite?": details of the last answer's topic
    (["who brought up infant mortality"], "what figures did they cite", "sixth",
     "mortality", True),
    # of the same contributor's answers that fit about as well, the one beside the last
    (["who mentioned factories making clothes"], "what else do they say on business",
     "sixth", "practices of U.S. businesses", True),
    # "any other proposals?": what they went on to propose after the one shown, first
    (["what does the final respondent propose on companies"], "any other proposals from them?",
     "sixth", "wedge of appreciation", True),
    # "does she bring up Neier?": what she says of Neier, whatever the last topic was
    (["what does the final respondent worry about"], "does she bring up neier at all?",
     "sixth", "Aryeh Neier appropriately reminds us", True),
    (["what did hom say about the internet"], "does she ever refer to bequelin", "hom",
     "Nicolas as usual", True),
    # "and the environment?" after a who-question: a position on both topics first
    (["who mentioned investment"], "and the environment?", "nathan", "arms control", True),
    # the answer beside the last goes first only if it is not the same words again (unless
    # its paragraph holds what is asked)
    (["who talked about chinese people forming civic groups"], "what does he want beijing to do",
     "rosenzweig", "stop responding with angry rhetoric", True),
    # "anyone specific?": asks for whom, "specific" is no topic
    (["how does the last respondent open"], "do they commend anyone specific?", "sixth",
     "I can endorse not only", True),
    # "where is he held?": a detail of the last answer's topic, with its own words too
    (["who mentioned the nobel laureate"], "where is he held?", "bequelin",
     "Nobel Peace Laureate", True),
    # an opening interjection hides neither the ellipsis nor becomes a topic
    (["what did bequelin say about hong kong"], "hmm and hom?", "hom", "Hong Kong", True),
    (["what did bequelin say about hong kong", "hmm and hom?"], "why does she think that",
     "hom", "Hong Kong", True),
    # after "his five keys", "the fourth?" is the fourth key, not the fourth contributor
    (["what are bequelin's five keys"], "the fourth?", "bequelin", "forge partnerships", True),
    # "any figures?" naming no one: the last answer's topic, in figures
    (["what about maternal mortality, says the final respondent"], "any figures?", "sixth",
     "maternal and infant mortality", True),
    # "how come?" after an abstention: the reason of the answer before it
    (["who said china's economic success sends the opposite message", "when was that?"],
     "how come?", "neier", "", True),
    # "where does she work?": of the one just answered, not a topic "work"; the text itself
    # never says (the reading's details do, and the reply gives them), as asked alone
    (["tell me about hom's take on the internet"], "and where does she work", None, "", False),
    # "tldr?": the last answer again, not a new question
    (["whats rosenzweig's opinion on confrontation"], "tldr?", "rosenzweig",
     "cannot avoid addressing", False),
    # "since when?": a detail of the last answer's topic
    (["who wrote about hong kong's vigil"], "since when?", "hom", "24 years", True),
    # "who disagreed with X?" then "and who agreed with him?": him is X
    (["who disagreed with bequelin"], "and who agreed with him?", "hom", "Nicolas as usual",
     True),
    # "where exactly in the text?": the quote of the last answer that cited something
    (["what did neier say about africa", "is that true?"], "where exactly in the text?",
     "neier", "Africa", False),
    # "ok thanks" asks nothing, and leaves the conversation as it was for the next turn
    (["what's neier's take on trade and aid"], "ok thanks", None, "", False),
    (["what's neier's take on trade and aid", "ok thanks"], "what about nathan on the same thing",
     "nathan", "trade", True),
    # "got an example of that?": more on the point just made, not the same words again
    (["who worries about instrumentalizing human rights"], "got an example of that?", "sixth",
     "", True),
    # "why does Neier say so?" after a list with Neier in it: the reason of his answer there
    (["who said the us should lead"], "why does neier say so?", "neier", "moral character",
     True),
    # "and the third?" after "the second one" of a list: the third of that list
    (["who said the us should lead", "what did the second one say exactly"], "and the third?",
     "neier", "", True),
    # "those two": the one just answered and the one before
    (["who went last", "and the one before them?"], "do those two agree?", "sixth",
     "Aryeh Neier appropriately reminds us", True),
    # "who disagreed with X?" then "and who agrees?": with X, not with the one who disagreed
    (["who disagreed with bequelin"], "and who agrees?", "hom", "Nicolas as usual", True),
    # "the second?" after asking for someone's reasons: the second reason, not contributor
    (["what did nathan list as reasons"], "the second?", "nathan", "strategic intentions", True),
    # a count of weeks, years ... the paragraph never gives is not made up
    (["which respondent wrote last"], "how many weeks after the others did they post?", None, "",
     True),
    # "did they mention X?" with X a contributor: X is whom they talk about, not who talks
    (["who said the realists got it wrong", "anyone else on realism"], "does she name bequelin?",
     "sixth", "Nicholas pushes back", True),
    # "did others agree with that?": the agreements with that very point first
    (["what is bequelin's central argument", "who else agreed with it"],
     "and neier's words on that?", "neier", "engine of human rights progress", True),
    # "she" after a reply listing him and her: her, not the first one listed
    (["which contributors brought up transparency"], "and what is her point about it",
     "hom", "Greater transparency", True),
    (["who talked about the rule of law", "did anybody else mention it"],
     "what does she think the us should do", "hom", "", True),
    # "who else ...?" on a phrase with a verb of saying in it: the verb stays in the phrase
    (["what is rosenzweig's view on agreeing to disagree"],
     "did anybody else object to the agree to disagree line", "bequelin", "agree to disagree",
     True),
    # a detail asked of the one just answered, in words the text never uses: it lacks it
    (["what does the final respondent say about us businesses in china"],
     "how much profit do they say those firms earn", None, "", True),
    # "anyone other than X", "apart from X, who ...": X is set aside, not asked about
    (["who mentioned guantanamo"], "anyone other than neier bring it up?", "bequelin", "", True),
    (["what did hom say about hong kong"], "apart from hom, who talks about the internet",
     "sixth", "", True),
    # "..., word for word": the request for the wording is no topic word
    (["what did nathan say about tourists"], "what did he say about the economy, word for word",
     "nathan", "stable and prosperous", True),
    # "what else?" after several of their points: what they wrote after the last one shown
    (["what are the final respondent's key arguments"], "and what else do they say", "sixth",
     "conditions of workers", True),
    # "the next person after them": an order of contributors, not a topic word
    (["who thinks the us should not be a moral model"], "what about the next person after them",
     "nathan", "full participation", True),
    # "how many years?" is answered by a length of time in another unit ("two and a half decades")
    (["who said the quiet approach failed"], "how many years did it fail for", "bequelin",
     "two and a half decades", True),
    # "like which ones?": more on the last answer, as "like what?"
    (["what did neier say about professionals"], "like which ones", "neier", "", True),
    # "who else says <own words> ... it?": its own words on the last topic, "it"
    (["what does bequelin see as the engine of progress on rights in china"],
     "does anybody else say regular people are what power it", "neier", "engine of", True),
    # "the next guy": the contributor after the one just answered, on the same topic
    (["what did bequelin say about microblogs"],
     "hmm ok and what did the next guy say about that", "hom", "micro-blogging", True),
    # "in what year ...?" is a detail of the last answer
    (["who wrote about the un submission"], "in what year was it", "sixth", "2008", True),
    # "any other people who ...?" is "who else ...?", "people" no topic word
    (["who says the us should lead by example"], "any other people who think that",
     "rosenzweig", "multilateral processes", True),
    # their life, which the reading does not tell: honest abstention (not the last answer)
    (["what does hom say about hong kong"], "how old is she", None, "", False),
    (["what did nathan say about trade"], "is he married", None, "", False),
    (["who brought up the nobel prize winner in jail"], "and his wife?", "bequelin", "wife",
     True),
    # the name of one spoken of, not of the contributor: the text never gives it
    (["who brought up the nobel prize winner in jail"], "what's his name?", None, "", False),
    (["what did bequelin say about the laureate"], "whats the laureate's name again", None,
     "", False),
    (["who talked about hong kong"], "what's her name", "hom", "Hong Kong", False),
    # "like which ...?" that no position answers in its words: in the passage just shown
    (["what concrete suggestion does the final respondent make"],
     "like which industries?", "sixth", "factories producing clothing", True),
    (["who gives china credit for its gains"], "for what exactly", "sixth", "literacy", True),
    # of the one just quoted, the point in the paragraph shown that says the new words
    (["what does rosenzweig think drives progress"],
     "so what should the us do about that according to him", "rosenzweig",
     "recognize these efforts", True),
    # "why ... those groups ...?": the reason the last answer gives, in its paragraph
    (["does neier add anything of his own to bequelin's list"],
     "why would those groups in particular be pushing?", "neier", "sectors of Chinese", True),
    # "did anyone push back on framing it like that?": on how the one just quoted argues,
    # not on the detail last asked
    (["nathan's argument in a nutshell?", "whats the one about transparency"],
     "did anyone push back on that kind of framing", "sixth", "instrumentalizing", True),
    (["nathan's argument in a nutshell?"], "does anyone criticize that whole line of reasoning",
     "sixth", "instrumentalizing", True),
    # "what should that look like according to them": their recommendation in the paragraph
    # just shown, after the point shown
    (["does the last respondent back the coordinate-with-other-countries idea?"],
     "and what should that look like according to them", "sixth", "holding China accountable",
     True),
    # the same topic set beside someone else's: "isnt that the opposite of what X said",
    # "compare w X?", "X said smth similar?"
    (["did anyone argue against the US trying to be the moral role model"],
     "wait isnt that the opposite of what bequelin said", "bequelin", "best possible example",
     True),
    (["where does someone say human rights shouldnt be about finger pointing between rivals",
      "does he still think the us should lead tho"], "compare w bequelin?", "bequelin",
     "best possible example", True),
    # "anyone besides him ...?": the one in focus set aside; "who does then?" after "X doesn't
    # say": who else does
    (["who talks about tibet"], "anyone besides him mention tibet", None, "", True),
    (["what's nathan's gist", "does he say anything about the dalai lama"], "who does then",
     "bequelin", "Dalai Lama", True),
    # a sum of money the text never gives: an honest no
    (["does hom say what kind of support the US should give"], "does she put a dollar figure on it",
     None, "", True),
    # "matters most" is "most important", in everyday words
    (["what were bequelin's recommendations"], "which one did he say matters most", "bequelin",
     "what is most important", True),
    # "how many reasons ..., whats the first": the first reason, not the first contributor
    (["nathan's argument in a nutshell?"], "how many reasons does he give, whats the first",
     "nathan", "everyone will feel safer", True),
    # "and the other one?" after one contributor's passage: the other thing it names there
    (["what laws does bequelin tie to the business environment"], "and the other one?",
     "bequelin", "secret detention", True),
    # "who agreed with that?": first those who say they agree, in their own words
    (["who first made the point that chinese citizens are the ones driving progress"],
     "who agreed with that", "neier", "particularly agree with Nicholas", True),
    # "next" goes on from the answer given (its first quote), though a second was listed
    (["what does rosenzweig mean by critical engagement"], "next", "rosenzweig",
     "more than simply acknowledging differences", True),
    # a topic, then "who ...": a new who-question, its "them" the things it named
    (["who talks about the internet / social media"],
     "and internet companies, who says the US should rein them in", "sixth",
     "Internet companies", False),
    # "with what caveat": the passage just shown, read again
    (["Does Rosenzweig think the US should still lead on human rights?"], "with what caveat",
     "rosenzweig", "multilateral processes", True),
    # the text never names it: by name, an honest no (what it does speak of is related)
    ([], "does anyone name an actual company, like google?", None, "", False),
    # "those kinds of scandals": points like the one just shown, by others
    (["who brought up the iraq war"], "anyone else bring up those kinds of us scandals?",
     "neier", "Abu Ghraib", True),
    # "like which industries?": the things the one just quoted names ("industries" is
    # "factories" in the lexicon), not anyone's business talk
    (["whats the one concrete suggestion the last respondent makes"], "like which industries?",
     "sixth", "factories producing clothing", True),
    (["what does sharon hom say about hong kong"],
     "what issues does she say people are mobilizing around", "hom", "endemic corruption", True),
    # "but X says the opposite?": what X says on the topic just asked ("opposite" no topic)
    (["Rosenzweig, does he think the US should be the moral role model?"],
     "but bequelin says the opposite no?", "bequelin", "best possible example", True),
    # "him" after a reply led by a woman: the man the last question asked about
    (["who agreed with bequelin"], "what is neier's issue with him", "neier",
     "I would not draw a line between", True),
    # a point of the list being read, asked by its topic; the list goes on after it
    (["what are bequelin's keys", "his second one?"], "the one about business?", "bequelin",
     "mainstream human rights perspectives", True),
    (["what are bequelin's keys", "his second one?", "the one about business?"],
     "and the last one on the list", "bequelin", "ready to take steps", True),
    # "what's the point of that comparison?": why the one just quoted makes it
    (["who brought up the soviet bloc"], "what was the point of that comparison?", "neier",
     "hand in hand", True),
    # "back to him, ..." turns to the one discussed before an aside
    (["who wants the us to listen to chinese criticism", "did anyone mention the death penalty"],
     "ok back to him, what should the human rights project be", "rosenzweig",
     "responsibility of all of us", True),
    # the words on Tibet were shown two turns back: Hom says nothing on it
    (["who wrote about tibet", "what does he want the us to do"],
     "and sharon, did she say anything on tibet?", None, "", False),
    # "who wrote right after her?": the contributor in that place, not the last topic
    (["what did hom say about hong kong"], "who wrote right after her", "rosenzweig",
     "framed the issues so well", True),
    (["what did hom say about hong kong"], "whos next", "rosenzweig", "", True),
    (["what did hom say about hong kong"], "and who went before her?", "bequelin", "", True),
    # without the "who", and where that piece begins (past a photo caption and its credit);
    # "her" is the one the text calls so, not the one answered last; "before that" after a
    # question of who stands where goes one further, after a point it is the point before
    (["what did hom say about hong kong"], "and after her?", "rosenzweig",
     "framed the issues so well", True),
    (["what did hom say about hong kong"], "the one before her?", "bequelin",
     "The best way to advance human rights", True),
    (["what did hom say about hong kong", "who spoke before her?"], "and after her?",
     "rosenzweig", "framed the issues so well", True),
    (["who is the fourth contributor?", "and the one before him?"], "and before that?", "hom",
     "Nicolas as usual", True),
    (["what did hom say about hong kong"], "who wrote next after her?", "rosenzweig",
     "framed the issues so well", True),
    # "which university does he teach at?": where he works, which the text never says (not a
    # mention of the one whose affiliation holds "university"); "which ethnic minorities?":
    # names the passage shown doesn't give
    # "the later of the two": of those just listed, the one further on in the text; "the
    # former" the first listed
    (["who mentions abu ghraib?"], "and what effect did it have, per the later of the two?",
     "neier", "damage to U.S. standing", False),
    (["who mentions abu ghraib?"], "what does the former say about it?", "bequelin",
     "Abu Ghraib", True),
    # an announced change of subject with no pronoun stands alone: no topic, no contributor
    (["did anyone worry about the national interest framing in general?"],
     "changing the subject - what's said about Hong Kong consulates?", "hom",
     "consulates", False),
    # "everybody before them": the others, not whom the one asked of answers
    (["who says coming last to a discussion is close to cheating?", "who came right before?"],
     "and does the last one agree with everybody before them?", "sixth",
     "agree with most of what everyone", False),
    (["what does nathan say about stability?"], "which university does he teach at?", None,
     "", False),
    (["what does the sixth respondent say about civil and political rights",
      "what divides did china admit to?"], "which ethnic minorities?", None, "", True),
    (["what does becqelin say is the first key thing the us should do", "next"],
     "and after that?", "bequelin", "mainstream human rights", True),
    # "in return" is no topic the text lacks; "how many people does that cover": a detail
    (["which writer said beijing has to stop getting angry every time"],
     "and what should washington do in return", "rosenzweig", "listen more", True),
    (["nurse here 🙋 did anyone mention maternal and infant mortality"],
     "how many people does that cover", "sixth", "one-fifth", True),
    # figures or a named example asked of the passage shown, which gives none: not made up
    (["who talked about mass incidents"], "does she give figures on mass incidents per year?",
     None, "", True),
    (["who wants the us to be louder when quiet diplomacy fails"],
     "did he give an example of the loud kind actually working?", None, "", True),
    (["who said china has reduced poverty and infant mortality"],
     "do they give any numbers?", "sixth", "one-fifth", True),
    # "per her" is "according to her"; "the ppl before him": each contributor before him
    (["what does hom think about transparency"], "who benefits from more transparency, per her",
     "hom", "all stakeholders", True),
    (["who said china needs to stop angry rhetoric"], "what did he say about the ppl before him",
     "rosenzweig", "Nicholas and Sharon", True),
    # "why?" of a point that ends its paragraph: the reason the author develops next, found by
    # the telling words they share; "why is that dangerous" leans on the point shown
    (["what worries the final respondent"], "why?", "sixth", "Nations' interests change", True),
    (["what worries the final respondent"], "why is that dangerous", "sixth",
     "Nations' interests change", True),
    (["@bot which contributor brings up the dalai lama"], "why does he want that", "bequelin",
     "Dalai Lama", True),
    # "what's wrong with it": a fault in the last topic, asked of the one named
    (["who had a problem with the whole agree to disagree line"],
     "whats wrong with it according to the first one", "bequelin", "universality", True),
    # "his closing point": where his piece ends, not the last topic
    (["what did bequelin say about tibet"], "OK. What's his closing point then?", "bequelin",
     "moral convictions", True),
    # "stuff like that": the last topic, asked of the one named
    (["who mentioned corruption"], "did neier say anything like that?", "neier", "", True),
    # "which companies?" of a passage that says only "Internet companies": it names none
    (["what does the final respondent suggest about us businesses", "like what"],
     "which companies though", None, "", False),
    # "who's the person after him": who stands there, not the last topic
    (["what did nathan say about the environment"], "who's the person after him", "neier", "",
     True),
    # a person described before the pronoun is that pronoun, not the one just answered
    (["what did bequelin say about tibet"],
     "the one who said they were a latecomer - what does he think progress depends on?",
     "rosenzweig", "", False),
    (["what did nathan say about the environment"],
     "someone brought up the nobel laureate's wife, what did they say about her?", "bequelin",
     "his wife is imprisoned", False),
    # a count of those a verb befalls: the text counts the vigils' crowds, not arrests
    (["who brought up the vigils in hong kong"], "how many of them were arrested?", None, "",
     True),
    # "how many consulates?": a figure beside consulates (the paragraph's 100,000 counts
    # protestors), which the text never gives; "how many protestors?" it does
    (["what did hom say about hong kong"], "how many consulates are there?", None, "", True),
    (["what did hom say about hong kong"], "how many protestors gather there?", "hom",
     "100,000", True),
    # an example asked of a passage whose only capitalised words are the reading's
    # subjects ("American" is its "U.S." again): it gives none
    (["what does rosenzweig want beijing to stop doing"], "does he cite a specific case of that?",
     None, "", True),
    # "what was the 4th one" after a list asked for: its fourth point, not the fourth writer
    (["what are bequelin's keys"], "what was the 4th one", "bequelin", "Fourth, the U.S.", True),
    # a bare "and?" or "but?" goes on; "how tho" asks how, of the same answer
    (["what does hom say policymakers must do"], "and?", "hom", "", True),
    (["what does hom say policymakers must do"], "but?", "hom", "", True),
    (["what does hom say policymakers must do"], "how tho", "hom", "", True),
    # "like what exactly": "like what", its emphasis aside
    (["what does bequelin say about american companies in china"], "like what specifically",
     "bequelin", "", True),
    # a name asked with an aside ("it isn't on my printout"): the text never gives it
    (["what does the last respondent suggest about us businesses"],
     "what's this person's name btw, it isn't on my printout", None, "", False),
    # "the guy" of the laureate's wife: "a Nobel Peace Laureate" is a title, no name
    (["who mentioned the jailed nobel laureate", "and what about his wife?"],
     "what's the guy's name?", None, "", False),
    # figures of a thing the reading never names ("gdp numbers") are none of its figures
    (["what did neier say about the soviet bloc"], "did he give any gdp numbers for it?", None,
     "", True),
    # "did he name any of those ...?": of the kind just listed, whom it names none of
    (["what did neier say about sectors of chinese society"],
     "did he name any of these scientists?", None, "", True),
    # a debate team's "card?": the quote again
    (["what does bequelin say the US should do first"], "card for that?", "bequelin",
     "best possible example", False),
    # what happened after the reading: "did Washington ever actually adopt it?"
    (["what does bequelin recommend"], "has washington ever actually adopted any of it?", None,
     "", False),
]


@pytest.mark.parametrize(("before", "question", "who", "phrase", "explained"), FOLLOW_UPS)
def test_follow_up_is_read_in_its_conversation(
    engine: Engine, before: list[str], question: str, who: str | None, phrase: str,
    explained: bool,
) -> None:
    talk = Conversation()
    for earlier in before:
        engine.ask(earlier, conversation=talk)
    reply = engine.ask(question, conversation=talk)
    assert talk.turns == len(before) + 1
    assert bool(reply.reading_as) is explained, reply.reading_as
    if who is None:
        assert reply.abstained, reply.answers
        return
    assert not reply.abstained, reply.message
    top = reply.answers[0]
    assert top.contributor_id == who, (top.contributor, top.quote)
    if phrase:
        text = engine.reading.paragraph(top.paragraph).text
        assert phrase.lower() in text.lower().replace("’", "'"), top.quote


@pytest.mark.parametrize("asked", ["warrant?", "impact?", "and the warrant?"])
def test_a_debate_teams_warrant_and_impact_ask_why(engine: Engine, asked: str) -> None:
    talk = Conversation()
    engine.ask("what does hom want policymakers to do", conversation=talk)
    reply = engine.ask(asked, conversation=talk)
    assert reply.reading_as.startswith("why, on:"), reply.reading_as
    assert reply.answers and reply.answers[0].contributor_id == "hom"


def test_a_name_asked_with_an_aside_is_the_one_named(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("what does neier say about urgency", conversation=talk)
    reply = engine.ask("whats his name, i cant find it", conversation=talk)
    assert reply.message.startswith("That is Aryeh Neier"), reply.message


def test_without_a_conversation_a_follow_up_stands_alone(engine: Engine) -> None:
    assert engine.ask("and hom?").reading_as == ""
    assert engine.ask("why?").abstained


def test_more_runs_out(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("who mentioned the dalai lama", conversation=talk)
    shown: set[str] = set()
    for _ in range(12):
        reply = engine.ask("more", conversation=talk)
        if reply.abstained:
            break
        ids = {a.position_id for a in reply.answers}
        assert not ids & shown  # never the same position twice
        shown |= ids
    assert reply.abstained


ORDERS = [
    ("who wrote right after bequelin", "hom"),
    ("the one right before the final respondent, what did they say about urgency", "neier"),
    ("the one between rosenzweig and neier, what's his argument", "nathan"),
    ("the person who wrote before nathan, what did they say about the us being a model",
     "rosenzweig"),
    ("whoever came after nathan, what'd they say about the soviet stuff", "neier"),
    ("what did the second-to-last contributor say about the soviet bloc", "neier"),
    ("who's the fourth contributor", "nathan"),
    ("who went first", "bequelin"),
    ("what did rosenzweig say about the first two contributors?", "rosenzweig"),
    # counted from a piece: "the first respondent after the essay" is the second contributor
    ("the very first respondent after the essay, what does she say policymakers should do?",
     "hom"),
    ("the first response to bequelin, what does it say the USG should focus on?", "hom"),
    ("the second one after nathan, what worries them", "sixth"),
    # "who's the one right after X? what's his main point": that one's point, not who made one
    ("who's the one right after Rosenzweig? what's his main point", "nathan"),
    ("who's the second person to reply to Bequelin and what's their main thing?", "rosenzweig"),
    ("whose piece is just one paragraph and what's the gist?", "nathan"),
    # chat's words for a place in the order: "kicked it off", "3rd up", "batted last"
    ("who kicked the whole conversation off", "bequelin"),
    ("who was 3rd up and what did they open with", "rosenzweig"),
    ("who batted last", "sixth"),
    ("who's up second", "hom"),
    # "... and how do they open": that one's opening, not the text's name for them
    ("who was the fifth contributor and how does he open", "neier"),
]


@pytest.mark.parametrize(
    ("question", "ids"),
    [("compare the last two contributors", {"neier", "sixth"}),
     ("compare the first two", {"bequelin", "hom"}),
     ("whats the one thing aryeh and becquelin dont see eye to eye on", {"neier", "bequelin"})],
)
def test_groups_of_contributors(engine: Engine, question: str, ids: set[str]) -> None:
    q = engine.reader.read(question)
    assert set(q.speakers) == ids and q.compare


@pytest.mark.parametrize(("question", "who"), ORDERS)
def test_order_relative_to_others(engine: Engine, question: str, who: str) -> None:
    reply = engine.ask(question)
    assert not reply.abstained, reply.message
    assert reply.answers[0].contributor_id == who


CHATTY = [
    # the question says again the words of the report before it: that report's contributor
    ("the last respondent says they worry about the words the others used. which words, and "
     "why the worry?", "sixth"),
    ("yo @bot did neir actually disagree w anybody or was he just vibing along", "neier"),
    ("hiya, quick one pls: what did sharon hom say about hong kong? tia", "hom"),
    ("omg idk fr, who mentioned the dalai lama lol", "bequelin"),
    # several sentences, one of which asks
    ("ugh my group is arguing lol. what did neier say about the soviet bloc?? pls settle this",
     "neier"),
    ("sorry if dumb q lol. does the hrw researcher mention the dalai lama?", "bequelin"),
    ("heyy so who was the guy that said the us should be a better example?? thx", "bequelin"),
    ("can someone explain what hom meant about the tail wagging the dog", "hom"),
    ("did neier say anything nice about bequelin", "neier"),  # "nice" is no misspelt "Nick"
]


@pytest.mark.parametrize(("question", "who"), CHATTY)
def test_chat_filler_is_no_topic(engine: Engine, question: str, who: str) -> None:
    reply = engine.ask(question)
    assert not reply.abstained, reply.message
    assert reply.answers[0].contributor_id == who
    filler = {"omg", "idk", "fr", "lol", "pls", "tia", "hiya", "vibing", "quick"}
    assert not {t.word for t in engine.reader.read(question).terms} & filler


NOT_ABOUT_THE_READING = [
    "tell me a joke",
    "write my essay on this pls",
    "can u translate sharon hom's hong kong paragraph into chinese pls",
    "what did Obama disagree with?",
    "thanks a lot!",  # asks nothing ("thank" is no agreement here)
    "cool, got it 👍",
    "can u recommend a good book on modern chinese history",  # material beyond the reading
    "any podcast recs on this stuff?",
    "can you recomend a good book on Tibet for our next meeting?",  # as members spell it
    "@bot what did President Obama say about human rights in China?",  # a title, no alias
    "hey @bot, what did obama say about tibet",
    "is this reading gonna be on the midterm?",  # the course's tests
    "does this count toward our grade lol",
]


def test_tests_of_the_text_are_no_course_tests(engine: Engine) -> None:
    reply = engine.ask("what does bequelin say is the test of a sound strategy")
    assert not reply.message.startswith("I only know the reading")


@pytest.mark.parametrize("question", NOT_ABOUT_THE_READING)
def test_requests_not_about_the_reading_abstain(engine: Engine, question: str) -> None:
    reply = engine.ask(question)
    assert reply.abstained and not reply.answers
    assert reply.message


def test_an_aside_leaves_the_conversation_where_it_was(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("what did the sixth say about gender", conversation=talk)
    last, focus = talk.last, talk.focus
    reply = engine.ask("thx. can u recommend another book on this for next month?",
                       conversation=talk)
    assert reply.abstained and not reply.answers and not reply.reading_as
    assert (talk.last, talk.focus) == (last, focus)
    assert talk.questions[-1].startswith("thx.")
    assert not engine.ask("what else did she say?", conversation=talk).abstained


LIST_ITEMS = [
    ("what's the first guy's 4th key", "Fourth, the U.S. must forge partnerships"),
    ("what is bequelin's third key?", "Third, the U.S. must mainstream"),
    ("the first responder's list of keys, whats #2", "Second, the U.S. government needs"),
    # "the first of the five keys in the opening piece": the opening piece is the first one's
    ("what's the first of the five keys in the opening piece", "First, what is most important"),
    # the fifth of "First, ... Fourth, ... Finally, ...": the one that opens "Finally"
    ("bequelin's fifth key?", "Finally, the U.S. must be ready"),
    ("what's the last / 5th step in bequelin's list?", "Finally, the U.S. must be ready"),
    # the noun before its number, and "first in his list", of the first turn
    ("Bequelin lays out like a five-prong test for effective rights promotion. what's prong "
     "one?", "First, what is most important"),
    ("what is bequelin's key number 3", "Third, the U.S. must mainstream"),
    ("nathan's reason no. 2?", "Second, China"),
    ("What did the opening contributor put first in his list of keys to promoting the rights "
     "agenda?", "First, what is most important"),
]


@pytest.mark.parametrize(("question", "opening"), LIST_ITEMS)
def test_a_point_of_a_list(engine: Engine, question: str, opening: str) -> None:
    reply = engine.ask(question)
    top = reply.answers[0] if reply.answers else None
    assert top is not None, reply.message
    text = top.quote if top.quote.startswith(opening[:5]) else engine.reading.paragraph(
        top.paragraph).text
    assert text.startswith(opening), top.quote


def test_a_point_past_the_end_of_a_list_is_not_made_up(engine: Engine) -> None:
    reply = engine.ask("bequelin's sixth key?")
    assert reply.abstained and "5 points" in reply.message


def test_who_agreed_when_nobody_did_shows_who_responded(engine: Engine) -> None:
    reply = engine.ask("who agreed with Nathan?")
    assert reply.abstained and not reply.answers
    assert [a.contributor_id for a in reply.related] == ["sixth"]
    assert reply.related[0].kind == "critique" and "critique" in reply.message
    agreed = engine.ask("who agreed with Bequelin?")
    assert not agreed.abstained and all(a.kind == "agreement" for a in agreed.answers)


@pytest.mark.parametrize(
    ("question", "name"),
    [("did anyone mention Deng Xiaoping?", "Deng Xiaoping"),
     ("what did Bequelin say about Taiwan?", "Taiwan"),
     # asked by name, a word only the index's topics use (no passage names it): "Foxconn"
     ("which electronics maker does the final respondent name, foxconn?", "Foxconn"),
     ("does Neier cite any amnesty reports?", "Amnesty")],
)
def test_a_name_the_text_never_uses(engine: Engine, question: str, name: str) -> None:
    reply = engine.ask(question)
    assert reply.abstained and f"The text never names {name}." in reply.message


def test_the_reply_keeps_the_members_words(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("who talked about hong kong?", conversation=talk)
    reply = engine.ask("and what did she recommend?", conversation=talk)
    assert reply.question == "and what did she recommend?"
    assert reply.reading_as == "what did Hom recommend?"


def test_any_turns_never_raise(engine: Engine) -> None:
    import random

    rng = random.Random(7)
    pieces = ["why?", "more", "and hom?", "quote?", "the third one?", "who else?", "he", "them",
              "both of them", "???", "", "and", "what about the fifth", "#3", "that", "it",
              "who agreed?", "next", "the last?", "compare them", "\u200b", "by how much?"]
    for _ in range(40):
        talk = Conversation()
        for _ in range(6):
            text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 3)))
            reply = engine.ask(text, conversation=talk)
            assert reply.abstained or reply.answers


DETAILS = [
    ("for how long does Bequelin say the soft approach failed?", "bequelin", "two and a half"),
    ("in what year was the U.N. submission the final respondent cites?", "sixth", "2008"),
    ("how many protesters gathered in Victoria Park?", "hom", "100,000"),
    ("whose wife is locked up at home in bequelin's part", "bequelin", "his wife"),
]


@pytest.mark.parametrize(("question", "who", "detail"), DETAILS)
def test_details_are_answered_with_the_texts_sentence(
    engine: Engine, question: str, who: str, detail: str
) -> None:
    reply = engine.ask(question)
    assert not reply.abstained, reply.message
    top = reply.answers[0]
    assert top.contributor_id == who and detail in top.quote
    assert top.quote in engine.reading.paragraph(top.paragraph).text  # verbatim


def test_the_name_of_a_named_contributor(engine: Engine) -> None:
    conv = Conversation()
    engine.ask("who compared china to the soviet bloc?", conversation=conv)
    reply = engine.ask("whats his name", conversation=conv)
    assert not reply.abstained
    assert reply.message.startswith("That is Aryeh Neier")


def test_what_else_never_repeats(engine: Engine) -> None:
    conv = Conversation()
    first = engine.ask("whats the last respondent's main point", conversation=conv)
    again = engine.ask("ok what else did they say", conversation=conv)
    assert not again.abstained
    assert {a.position_id for a in again.answers}.isdisjoint(
        {a.position_id for a in first.answers})


# (earlier turns, follow-up, contributor of the top answer, whom it answers or "")
SPEAKER_AND_TARGET = [
    (["did the last respondent say anything about bequelin"], "and nathan, did they bring him up?",
     "sixth", "Andrew J. Nathan"),
    (["what does neier say about urgency"], "and bequelin, does he agree with him?", "neier",
     "Nicholas Bequelin"),
]


@pytest.mark.parametrize(("earlier", "follow_up", "who", "whom"), SPEAKER_AND_TARGET)
def test_a_name_and_a_pronoun_the_pronoun_speaks(
    engine: Engine, earlier: list[str], follow_up: str, who: str, whom: str
) -> None:
    conv = Conversation()
    for turn in earlier:
        engine.ask(turn, conversation=conv)
    reply = engine.ask(follow_up, conversation=conv)
    assert not reply.abstained, reply.message
    assert reply.answers[0].contributor_id == who
    assert reply.answers[0].target == whom


def test_anyone_else_on_a_new_topic_excludes_only_the_one_discussed(engine: Engine) -> None:
    conv = Conversation()
    engine.ask("who disagreed with bequelin about moral imperatives", conversation=conv)
    engine.ask("why does he disagree", conversation=conv)
    reply = engine.ask("anyone else push back on the national interest framing?",
                       conversation=conv)
    ids = [a.contributor_id for a in reply.answers]
    assert ids and ids[0] == "sixth" and "neier" not in ids and "bequelin" not in ids


def test_both_of_them_after_a_list_of_two_is_those_two(engine: Engine) -> None:
    """ "what do both of them say?" after a reply listing two: both, not the first again."""
    talk = Conversation()
    engine.ask("who mentioned abu ghraib", conversation=talk)
    reply = engine.ask("what do both of them say", conversation=talk)
    assert {a.contributor_id for a in reply.answers} >= {"bequelin", "neier"}
    # "both sides" is no pair of people
    talk = Conversation()
    engine.ask("who said beijing has further to travel than washington", conversation=talk)
    reply = engine.ask("what else does he want from both sides", conversation=talk)
    assert "Hom" not in (reply.reading_as or "")


@pytest.mark.parametrize("announced", [
    "totally different question: who wrote about the internet",
    "ok switching topics - who wrote about the internet",
    "on another note who wrote about the internet",
    "diff q, who wrote about the internet",
])
def test_a_change_of_subject_announced_is_no_part_of_the_question(
    engine: Engine, announced: str
) -> None:
    """ "different" in "totally different question:" is no disagreement, then or after."""
    talk = Conversation()
    engine.ask("what did hom say about hong kong", conversation=talk)
    engine.ask(announced, conversation=talk)
    assert talk.last is not None and not talk.last.relations
    assert "internet" in {t.word for t in talk.last.terms}
    reply = engine.ask("what do they say about it", conversation=talk)
    assert "disagree" not in (reply.reading_as or "")


FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def ferry() -> Engine:
    """The small fixture debate of tests/engine/fixtures/ferry-debate (a list of points, an
    answer to another contributor, figures beside a point, words two contributors share)."""
    return Engine.load(FIXTURES, "ferry-debate")


def _talk(engine: Engine, turns: list[str]) -> list[Reply]:
    talk = Conversation()
    return [engine.ask(turn, conversation=talk) for turn in turns]


def _top(engine: Engine, reply: Reply) -> tuple[str, str]:
    assert not reply.abstained, reply.message
    top = reply.answers[0]
    return top.contributor_id, engine.reading.paragraph(top.paragraph).text


# (reading, turns, contributor of the last reply's top answer or None to abstain, a phrase
#  of its paragraph): each mechanism on the shipped reading and on the ferry fixture
MECHANISMS = [
    # an answer that opens a point of a list ("Second, ...") is that point: "next" steps on
    ("shipped", ["who said the US has to be consistent about raising rights",
                 "whats the next point on his list"], "bequelin", "mainstream human rights"),
    ("shipped", ["who said the US has to be consistent about raising rights",
                 "whats the next point on his list", "next"], "bequelin", "forge partnerships"),
    ("shipped", ["who said the US has to be consistent about raising rights", "next",
                 "and the last one?"], "bequelin", "ready to"),
    ("ferry", ["who said the council must cut the fares", "whats the next point on her list"],
     "ward", "repair the old pier"),
    ("ferry", ["who said the council must cut the fares", "and the last one?"], "ward",
     "ask the riders"),
    # "the second measure?" after one whose sentence opens "First, ...", the rest unnumbered:
    # the next paragraph's point, not the next sentence
    ("shipped", ["what did the sixth person suggest about businesses",
                 "anything else they suggest?", "and the second measure?"], "sixth",
     "take seriously China"),
    ("ferry", ["what did vale say about the price of the bridge", "and the second step?"],
     "vale", "hear the ferry crews"),
    # "why?" of a numbered point that ends its paragraph: the next paragraph develops it,
    # unless that is the list's next point
    ("shipped", ["who says the world needs china's participation",
                 "anyone else say you cant push rights globally without progress in china",
                 "why does he say its impossible"], "neier",
     "The difficulty of promoting human rights globally"),
    ("ferry", ["who said the council must cut the fares", "why?"], "ward", "cut the fares"),
    # "originally", "initially" pad a question; they are no topic the text lacks
    ("shipped", ["who talked about chinese being good professionals",
                 "and who came up with the 'engine' line originally"], "bequelin",
     "engine of human rights progress"),
    ("ferry", ["what did ward say about the pier",
               "and who came up with the 'lifeline' line originally"], "pike", "lifeline"),
    # "metaphor", "phrase" name a figure of speech, not its topic
    ("shipped", ["who used the boat metaphor lol"], "hom", "virtual boat"),
    ("ferry", ["who used the daylight metaphor"], "pike", "daylight"),
    # "what did she say right after that?": what the author wrote next
    ("shipped", ["what did hom say about corruption", "what did she say right after that?"],
     "hom", "micro-blogging wall"),
    ("ferry", ["what did ward say about the accounts", "what did she write right after that?"],
     "ward", "cut the fares"),
    # "what did X say about '...'", the words another's: X's own words of that phrase first
    ("shipped", ["what did rosenzwieg say about 'agree to disagree'"], "rosenzweig",
     "agreeing to disagree"),
    ("shipped", ["what did rosenzwieg say about 'agree to disagree'",
                 "who else used that phrase fr"], "bequelin", "agree to disagree"),
    ("ferry", ["what did pike say about 'the missing fuel receipts'"], "pike", "troubles"),
    # "... lists keys ... What is the first one?": the first point of that list; "the sixth
    # one" before any list is the sixth contributor
    ("shipped", ["Bequelin lists keys to promoting human rights. What is the first one?"],
     "bequelin", "set the best possible example"),
    ("shipped", ["what does the sixth one think about concrete proposals"], "sixth",
     "concrete proposals"),
    # "did anyone say the opposite, that ...?": who else says what follows; "did anyone argue
    # the opposite?": who disagreed with the one just answered
    ("shipped", ["what did rosenzweig say about the us being a model",
                 "did anyone say the opposite, that the us should lead by example"], "bequelin",
     "set the best possible example"),
    ("ferry", ["what did vale say about a bridge",
               "did anyone say the opposite, that the ferry is the lifeline?"], "pike",
     "town's lifeline"),
    ("ferry", ["what did pike say about the lifeline", "did anyone argue the opposite?"], "vale",
     "lifeline the town needs"),
    # "and X?" when X never addresses it and the words on it were just shown: abstain
    ("shipped", ["what did bequelin say about tibet", "and hom?"], None, ""),
    ("ferry", ["what did ward say about the pier", "and pike?"], None, ""),
    # "which of them ...?" after a turn about several: the one of those who does
    ("shipped", ["who mentioned the cia renditions", "what do both of them say that did to the us",
                 "which of them brought up guantanamo"], "neier", "Guantanamo"),
    ("ferry", ["who mentioned the missing fuel receipts",
               "which of them called the ferry a lifeline"], "pike", "lifeline"),
    # "anyone else bring up those kinds of X?" in words the text lacks: a like point
    ("shipped", ["who brought up the iraq war", "anyone else bring up those kinds of us scandals?"],
     "neier", "Guantanamo"),
    ("shipped", ["who brought up the iraq war", "anyone else bring up those kinds of us scandals?",
                 "exact words?"], "neier", "Guantanamo"),
    ("ferry", ["what did ward say about the past years",
               "anyone else bring up those kinds of disgraces?"], "pike", "troubles"),
    # "who else ...?" whose best answer shares no telling word with the one shown: a like one
    ("shipped", ["rozenzweig on the us as a model?", "does he think the us still has a role tho",
                 "anyone else say the us should lead"], "neier", "leadership role on a host"),
    # figures asked of the last answer: the sentence with them in the paragraph shown
    ("shipped", ["what did hom say about hong kong", "why does she think hk matters so much",
                 "and the protest numbers?"], "hom", "100,000"),
    ("ferry", ["what did pike say about the lifeline", "what numbers does he give"], "pike",
     "40,000"),
    # "on what troubles?", "on what issues tho": named in the passage just shown
    ("shipped", ["who said the party has to respond to all the citizen actions",
                 "on what issues tho"], "hom", "forced demolitions"),
    ("ferry", ["what did pike say about troubles", "on what troubles?"], "pike", "fuel receipts"),
    # ... but "what year?" is a detail, which the passage shown may lack
    ("shipped", ["what did hom say about the june 4th anniversary", "what year?"], None, ""),
    # a quote asked by naming the author just shown (and whom they answer): that passage
    ("shipped", ["what do neier and bequelin disagree about",
                 "what exactly does neier quote from bequelin there?"], "neier",
     "irrespective of the issue of moral imperatives"),
    ("ferry", ["what did pike say about the accounts", "what exactly does pike quote from ward?"],
     "pike", "Lena is right"),
    # "who were they talking about?": the passage shown, or their nearest answer to someone
    ("shipped", ["the 2nd respondent, what did they open with", "who were they talking about"],
     "hom", "Nicolas as usual"),
    ("shipped", ["what worried the last respondent about the language", "who did they quote"],
     "sixth", "Aryeh Neier appropriately"),
    ("ferry", ["what did pike say about the accounts", "who was he talking about"], "pike",
     "Lena is right"),
    ("ferry", ["what did pike say about troubles", "who was he responding to"], "pike",
     "Lena is right"),
    ("ferry", ["what did pike say about the accounts", "who's he talking about?"], "pike",
     "Lena is right"),
    ("shipped", ["who said coming last is close to cheating haha",
                 "whose proposals do they endorse?"], "sixth", "thoughtful proposals"),
    ("ferry", ["what did vale say about a bridge", "whose claim does she reject?"], "vale",
     "lifeline the town needs"),
    # "what else do they suggest?" after one suggestion: their next one, past its paragraph
    # (not an earlier one that also fits "suggest")
    ("shipped", ["what does the last respondent say about giving china credit for its gains",
                 "what else do they suggest"], "sixth", "take seriously China"),
    # a detail of the last answer's topic whose subject the text never names: abstain
    ("ferry", ["what did pike say about the riders", "and how many riders drowned last summer"],
     None, ""),
    ("shipped", ["what did hom say about the great firewall", "did any of them mention weibo"],
     None, ""),
    # "and Pike?" after a topic put in several words he never addresses whole: his words on
    # part of it, not an abstention (after a one-word topic, "and hom?" still abstains)
    ("ferry", ["what did ward say about the council publishing accounts", "and pike?"], "pike",
     "accounts need daylight"),
    ("shipped", ["who said the us comes across as acting out of moral conviction and that this "
                 "hurts it", "and neier?"], "neier", ""),
    # an ordinal of the list just shown, though a "who" question asked for it
    ("shipped", ["who gave four strategic reasons for pushing human rights with china",
                 "the third reason?"], "nathan", "more stable politically"),
    ("shipped", ["who said the keys to promoting human rights are straightforward",
                 "the last one on his list"], "bequelin", "Dalai Lama"),
    # "reasoning?", "whys that bad": the reason the last answer gives
    ("shipped", ["what concern does the final respondent raise about the language",
                 "reasoning?"], "sixth", ""),
    ("ferry", ["what did ward say about the hard years", "whys that bad"], "ward", ""),
    ("ferry", ["who said the council must cut the fares", "her rationale?"], "ward",
     "cut the fares"),
]


@pytest.mark.parametrize(("reading", "turns", "who", "phrase"), MECHANISMS)
def test_follow_up_mechanisms_on_two_readings(
    engine: Engine, ferry: Engine, reading: str, turns: list[str], who: str | None, phrase: str,
) -> None:
    on = engine if reading == "shipped" else ferry
    reply = _talk(on, turns)[-1]
    if who is None:
        assert reply.abstained, reply.answers
        return
    cid, text = _top(on, reply)
    assert cid == who, reply.answers[0].quote
    assert phrase.lower() in text.lower(), reply.answers[0].quote


def test_a_like_point_is_not_found_without_shared_words(ferry: Engine) -> None:
    # Vale shares no telling words with Ward's hard years: nobody else "made that point"
    replies = _talk(ferry, ["what did ward say about the past years",
                            "did anyone except pike bring up those kinds of disgraces?"])
    assert replies[-1].abstained, replies[-1].answers


def test_which_of_them_sets_the_others_aside(ferry: Engine) -> None:
    # Vale calls a bridge the lifeline too, but she is not one of "them"
    reply = _talk(ferry, ["who mentioned the missing fuel receipts",
                          "which of them called the ferry a lifeline"])[-1]
    assert {a.contributor_id for a in reply.answers} <= {"ward", "pike"}
    assert "which of Ward and Pike" in reply.reading_as


@pytest.mark.parametrize(("reading", "turns", "position"), [
    ("shipped", ["who disagreed with bequelin about moral imperatives", "why does he disagree",
                 "anyone else push back on the national interest framing?"],
     {"sixth-thread-national-interest", "sixth-critique-sound-strategy"}),
    ("ferry", ["what did ward say about keeping the ferry",
               "did anyone else have a problem with the ferry lifeline idea"], {"vale-bridge"}),
])
def test_who_disagreed_is_answered_with_each_ones_disagreement(
    engine: Engine, ferry: Engine, reading: str, turns: list[str], position: set[str],
) -> None:
    # each contributor's position of the kind asked (a critique, a disagreement), not a
    # worry that holds the topic's words a little better
    reply = _talk(engine if reading == "shipped" else ferry, turns)[-1]
    assert not reply.abstained, reply.message
    assert reply.answers[0].position_id in position, reply.answers[0].quote


@pytest.mark.parametrize(("reading", "turns"), [
    ("shipped", ["what's nathan's argument", "any numbers?", "who criticized it?"]),
    ("ferry", ["what did pike say about the lifeline", "any figures?", "who disagreed with it?"]),
])
def test_a_detail_asked_is_no_topic_carried_on(
    engine: Engine, ferry: Engine, reading: str, turns: list[str],
) -> None:
    reply = _talk(engine if reading == "shipped" else ferry, turns)[-1]
    assert reply.reading_as and "numbers" not in reply.reading_as, reply.reading_as
    assert "figures" not in reply.reading_as, reply.reading_as


@pytest.mark.parametrize(("reading", "turns", "target"), [
    ("shipped", ["what did rosenzweig say about the us being a model",
                 "who disagreed with him on that?"], "rosenzweig"),
    ("ferry", ["what did pike say about the lifeline", "who disagreed with him on that?"],
     "pike"),
])
def test_who_answered_someone_never_lists_that_someone(
    engine: Engine, ferry: Engine, reading: str, turns: list[str], target: str,
) -> None:
    # neither the answers of the last turn nor the replies to them bring back the one asked
    # about as one who disagreed with himself
    reply = _talk(engine if reading == "shipped" else ferry, turns)[-1]
    assert target not in {a.contributor_id for a in reply.answers}, reply.answers


@pytest.mark.parametrize("ask_where", ["which para", "what paragraph?", "which line is that"])
def test_which_paragraph_quotes_the_answer_again(engine: Engine, ask_where: str) -> None:
    talk = Conversation()
    first = engine.ask("what did neier say about abu ghraib", conversation=talk)
    again = engine.ask(ask_where, conversation=talk)
    assert not again.abstained
    assert again.answers[0].paragraph == first.answers[0].paragraph
    assert again.answers[0].contributor_id == "neier"


@pytest.mark.parametrize(
    "question", ["has nathan written books on this? which ones", "what books did neier write"]
)
def test_a_contributors_other_writings_are_not_in_the_reading(
    engine: Engine, question: str
) -> None:
    reply = engine.ask(question)
    assert reply.abstained and "doesn't say that about" in reply.message


def test_more_puts_what_an_earlier_topic_showed_last(engine: Engine) -> None:
    talk = Conversation()
    first = engine.ask("who says beijing has further to go than washington", conversation=talk)
    engine.ask("what should engagement look like then, per him", conversation=talk)
    more = engine.ask("more", conversation=talk)
    assert more.answers and more.answers[0].position_id != first.answers[0].position_id


def test_chat_units_ask_a_length_of_time() -> None:
    from bot.engine.answering.detail import answer_shape

    shape = answer_shape("how many yrs was he sentenced to")
    assert shape is not None
    assert shape.search("for eleven years") and not shape.search("in 2009")


def test_a_name_the_text_never_uses_is_not_swapped_for_the_last_topic(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("who talked about working with other countries to pressure china", conversation=talk)
    reply = engine.ask("did any of them mention the EU or the UK by name", conversation=talk)
    assert reply.abstained and "never names" in reply.message


@pytest.mark.parametrize("lines", ["anything else he said along those lines",
                                   "anything else he said on that"])
def test_more_along_those_lines_is_more_on_the_topic(engine: Engine, lines: str) -> None:
    replies = _talk(engine, ["what does rosenzweig say about us leadership", lines])
    assert replies[-1].reading_as.startswith("more on: what did Rosenzweig"), replies[-1].reading_as
    assert replies[-1].answers[0].contributor_id == "rosenzweig"
    assert replies[-1].answers[0].position_id != replies[0].answers[0].position_id


@pytest.mark.parametrize(("reading", "turns", "who", "paragraph"), [
    ("shipped", ["what did neier say about china's trade and aid without conditions", "go on"],
     "neier", 26),
    ("ferry", ["what did ward say about the hard years", "go on"], "ward", 5),
])
def test_go_on_reads_on_before_going_back(
    engine: Engine, ferry: Engine, reading: str, turns: list[str], who: str, paragraph: int,
) -> None:
    # "go on" names no topic: what they wrote next, not another of their points on the
    # same words earlier in the text (nor the rest of the paragraph just shown)
    on = engine if reading == "shipped" else ferry
    reply = _talk(on, turns)[-1]
    cid, text = _top(on, reply)
    assert (cid, reply.answers[0].paragraph) == (who, paragraph), text


def test_who_else_when_nobody_else_says_so(engine: Engine) -> None:
    talk = Conversation()
    engine.ask("who talked about the dalai lama?", conversation=talk)
    reply = engine.ask("who else?", conversation=talk)
    assert reply.abstained
    assert reply.message.startswith("No other contributor addresses that besides Bequelin.")


@pytest.mark.parametrize(("point", "phrase"), [
    ("whats #1", "set the best possible example"),
    ("whats number 2", "consistent in the way it raises"),
    ("and no. 3?", "mainstream human rights perspectives"),
])
def test_a_point_of_a_list_by_its_number(engine: Engine, point: str, phrase: str) -> None:
    # "a list of steps? whats on it": the list's opening and points, though another of his
    # positions ranks first; then "#2", "number 2" are its points as "the second one" is
    talk = Conversation()
    listed = engine.ask("bequelin had a list of steps for the US right? whats on it",
                        conversation=talk)
    assert listed.answers[0].quote.startswith("The keys to effective promotion")
    reply = engine.ask(point, conversation=talk)
    assert not reply.abstained and reply.answers[0].contributor_id == "bequelin"
    assert phrase in reply.answers[0].quote


@pytest.mark.parametrize("why", ["on what grounds", "and thats bad why", "to what end?", "how so"])
def test_a_why_in_other_words(engine: Engine, why: str) -> None:
    # "on what grounds", "to what end", "how so", a short message ending on "why": the reason
    # the last answer gives, not a search for "grounds" or the end of the piece
    talk = Conversation()
    engine.ask("what did neier disagree with", conversation=talk)
    reply = engine.ask(why, conversation=talk)
    assert reply.reading_as.startswith("why, on:"), reply.reading_as
    assert reply.answers[0].contributor_id == "neier"
    assert "moral character" in engine.reading.paragraph(reply.answers[0].paragraph).text


@pytest.mark.parametrize(("first", "agreed", "who", "phrase"), [
    ("what did neier disagree with", "Neier", "sixth", "Aryeh Neier appropriately reminds us"),
    ("whats bequelins main point", "Bequelin", "hom", "rising citizen action"),
])
def test_anyone_else_buy_it_asks_who_agrees_with_the_one_just_quoted(
    engine: Engine, first: str, agreed: str, who: str, phrase: str,
) -> None:
    talk = Conversation()
    engine.ask(first, conversation=talk)
    reply = engine.ask("anybody else on the panel buy that", conversation=talk)
    assert reply.reading_as == f"who agreed with {agreed}?"
    top = reply.answers[0]
    assert top.contributor_id == who and phrase in top.quote


def test_his_name_after_a_person_named_by_topic_words(engine: Engine) -> None:
    # "the nobel peace prize guy" is the laureate, whom the text never names; "which one is
    # the columbia guy" names a contributor, whose name is then given
    talk = Conversation()
    engine.ask("which one mentions the nobel peace prize guy who's locked up", conversation=talk)
    reply = engine.ask("whats his name again?", conversation=talk)
    assert reply.abstained and "doesn't give" in reply.message
    talk = Conversation()
    engine.ask("which one is the columbia guy", conversation=talk)
    assert "Andrew J. Nathan" in engine.ask("whats his name", conversation=talk).message


def test_more_after_a_who_answer_of_one_reads_on_in_their_words(engine: Engine) -> None:
    """ "someone said lawyers ... stand up for rights bc of their jobs? who" then "more":
    nothing else on it by anyone, so the one who said it, read on."""
    talk = Conversation()
    first = engine.ask("someone said lawyers and reporters stand up for rights bc of their "
                       "jobs? who", conversation=talk)
    assert not first.abstained
    more = engine.ask("more", conversation=talk)
    assert not more.abstained
    assert more.answers[0].contributor_id == first.answers[0].contributor_id
    assert more.answers[0].position_id != first.answers[0].position_id


@pytest.mark.parametrize("follow", ["give me reason no. 2", "reason #2?", "the second reason"])
def test_a_numbered_point_after_the_sentence_that_opens_a_list(
    engine: Engine, follow: str
) -> None:
    """Nathan's "We should remind our politicians ..." opens his "First, ... Second, ..."
    list: "reason no. 2" after it is the second point, though no one asked for a list."""
    talk = Conversation()
    first = engine.ask("The Columbia prof. What's his pitch to the pols", conversation=talk)
    assert first.answers[0].contributor_id == "nathan"
    point = engine.ask(follow, conversation=talk)
    assert point.answers and point.answers[0].quote.startswith("Second, China")


def test_a_pitch_is_the_main_point(engine: Engine) -> None:
    q = engine.reader.read("what's nathan's pitch")
    assert q.relation.value == "summary" and not q.terms


def test_just_x_narrows_the_answer_just_shown(engine: Engine) -> None:
    """ "just americans?" after "who said we'd all feel safer ...?": of Nathan's answer,
    not who else spoke of Americans; "we'd" is no topic word."""
    talk = Conversation()
    first = engine.ask("who said we'd all feel safer over there if china had rule of law",
                       conversation=talk)
    assert first.answers[0].contributor_id == "nathan"
    narrowed = engine.ask("just americans?", conversation=talk)
    assert narrowed.answers[0].contributor_id == "nathan"
    assert "not only Americans" in narrowed.answers[0].quote
    assert "wed" not in {t.word for t in engine.reader.read("we'd feel safer").terms}


def test_where_someone_takes_sides_is_no_detail_of_the_last_topic(engine: Engine) -> None:
    """ "where does he disagree w bequelin" after "neier says its urgent. why": where in the
    text he disagrees, not a place in his point on urgency."""
    talk = Conversation()
    engine.ask("neier says its urgent. why", conversation=talk)
    reply = engine.ask("where does he disagree w bequelin", conversation=talk)
    assert reply.answers[0].contributor_id == "neier"
    assert reply.answers[0].kind == "disagreement"


def test_how_the_two_differ_compares_them_on_the_last_topic(engine: Engine) -> None:
    """ "ok so how do the two differ" after Hom and Nathan were set side by side on legitimacy:
    both on it again, not "what did they disagree with" on no topic."""
    talk = Conversation()
    engine.ask("who claims a china based on popular consent would be more stable",
               conversation=talk)
    engine.ask("wait isnt that hom's point about legitimacy, not nathan's?", conversation=talk)
    reply = engine.ask("ok so how do the two differ", conversation=talk)
    assert not reply.abstained and not reply.message
    assert {a.contributor_id for a in reply.answers} == {"hom", "nathan"}


def test_the_last_point_asked_when_the_one_found_is_the_last(engine: Engine) -> None:
    # "Nathan's last reason, the world order one": the point found closes his list; it is
    # the answer, not "no further points"
    reply = engine.ask("Nathan's last reason, the world order one. Gist?")
    assert not reply.abstained and reply.answers[0].contributor_id == "nathan"
    assert "world" in reply.answers[0].quote


def test_an_earlier_piece_answers_no_later_one(engine: Engine) -> None:
    """ "did nathan ever write back to answer that?" of the final respondent's point, and "did
    hom respond to rosenzweig?": they wrote before, so could not; said so, not made up."""
    talk = Conversation()
    for turn in ("the last writer quotes neier at one point, what line",
                 "why would changing interests matter"):
        engine.ask(turn, conversation=talk)
    reply = engine.ask("did nathan ever write back to answer that?", conversation=talk)
    assert reply.abstained
    assert reply.message.startswith("Nathan wrote before the final respondent")
    reply = engine.ask("did hom respond to rosenzweig?")
    assert reply.abstained and reply.message.startswith("Hom wrote before Rosenzweig")
    assert not engine.ask("did rosenzweig respond to hom?").abstained


def test_the_other_countrys_side_asks_what_it_should_do(engine: Engine) -> None:
    """ "and from the US side?" after what Rosenzweig wants from Beijing: what he wants of the
    US ("side" is no topic word; the text's own "the Chinese side" stays one)."""
    talk = Conversation()
    engine.ask("so what does rosenzweig want from beijing", conversation=talk)
    reply = engine.ask("and from the US side?", conversation=talk)
    assert reply.answers[0].quote.startswith("In this same vein, the United States")
    assert "side" in {t.word for t in engine.reader.read("what does the chinese side know").terms}
