"""A compact table of quote cases, one row per item of the quote checklist:

1. where the quote stands against its attribution (after, before, inside, split by it);
2. the cue words beyond 'said' (told, added, noted, wrote, explained, insisted, warned,
   recalled, 'according to', 'in a statement', 'on Instagram', 'on X');
3. speakers named by surname, full name, title, description, spokesperson and pronoun,
   each resolved to a full name, with the mention's offsets checked against the text;
4. quote forms: partial, headline, nested, multi-paragraph, straight/curly/mixed marks,
   « » and „ “;
5. titles of works, nicknames and scare quotes, none reported as a quote;
6. an unbalanced mark costs at most its own quote.

Every row asserts the exact list of quotes found as (text, kind, speaker, mention text).
Every sentence is invented: fictional people, places and outlets."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

HARBOUR = "Harbourmaster Ines Calloway closed the port of Wexmoor on Monday.\n"
SKIPPER = "Skipper Daniel Ashgrove was rescued at noon.\n"
SINGER = "Singer Nora Vale ended her tour in Wexmoor.\n"
COUNCILLOR = "Councillor Owen Brack lost the vote on Tuesday.\n"
FERRIES = "Rivertown Ferries cancelled all crossings on Sunday.\n"


def found(nlp, text, title=None):
    """Each quote as (text, kind, speaker, mention text); ``quotes_of`` checks that the
    quote's and the mention's offsets give back their text."""
    quotes = quotes_of(nlp, text, title=title)
    for q in quotes:
        assert "\n" not in q.text, "a quote's text stays inside its paragraph"
    return [(q.text, q.kind, q.speaker, q.speaker_mention.text if q.speaker_mention else None)
            for q in quotes]


def _ines(quote, mention="Calloway", kind="direct"):
    return (quote, kind, "Ines Calloway", mention)


# --- 1. where the quote stands against its attribution ---------------------------------

POSITION_CASES = [
    pytest.param(HARBOUR + "Calloway said: “The port stays shut until Friday.”",
                 [_ines("The port stays shut until Friday.")], id="after-attribution"),
    pytest.param(HARBOUR + "“The port stays shut until Friday,” Calloway said.",
                 [_ines("The port stays shut until Friday,")], id="before-attribution"),
    pytest.param(HARBOUR + "Calloway said “Nobody sails until Friday” and left the pier.",
                 [_ines("Nobody sails until Friday")], id="inside-attribution"),
    pytest.param(HARBOUR + "“First we check the nets,” Calloway said. “Then we check the boats.”",
                 [_ines("First we check the nets,"), _ines("Then we check the boats.")],
                 id="split-by-attribution-two-sentences"),
    pytest.param(HARBOUR + "“First,” Calloway said, “we check the nets.”",
        [_ines("First,"), _ines("we check the nets.")],
        id="split-by-attribution-mid-sentence"),
    pytest.param(HARBOUR + SKIPPER
                 + "Calloway said, “Two boats are missing.” Ashgrove said, “I was lucky.”",
        [_ines("Two boats are missing."),
         ("I was lucky.", "direct", "Daniel Ashgrove", "Ashgrove")],
        id="two-speakers-one-paragraph"),
]


@pytest.mark.parametrize(("text", "expected"), POSITION_CASES)
def test_position(nlp, text, expected):
    assert found(nlp, text) == expected


# --- 2. cue words beyond 'said' --------------------------------------------------------

CUE_CASES = [
    pytest.param(HARBOUR + "“Nobody sails until Friday,” Calloway told the Wexmoor Gazette.",
                 [_ines("Nobody sails until Friday,")], "told", id="told"),
    pytest.param(HARBOUR + "“The storm is not over,” Calloway added.",
                 [_ines("The storm is not over,")], "added", id="added"),
    pytest.param(HARBOUR + "Calloway noted: “Two boats are still missing.”",
                 [_ines("Two boats are still missing.")], "noted", id="noted"),
    pytest.param(HARBOUR + "Calloway wrote in a letter to skippers, “Stay in harbour.”",
                 [_ines("Stay in harbour.")], "wrote", id="wrote"),
    pytest.param(HARBOUR + "“The tide is too high for the cranes,” Calloway explained.",
                 [_ines("The tide is too high for the cranes,")], "explained", id="explained"),
    pytest.param(HARBOUR + "“We did everything right,” Calloway insisted on Tuesday.",
                 [_ines("We did everything right,")], "insisted", id="insisted"),
    pytest.param(HARBOUR + "Calloway warned, “Anyone who sails will be fined.”",
                 [_ines("Anyone who sails will be fined.")], "warned", id="warned"),
    pytest.param(HARBOUR + "“The last storm like this came in 1987,” Calloway recalled.",
                 [_ines("The last storm like this came in 1987,")], "recalled", id="recalled"),
    pytest.param(HARBOUR + "“Two boats are still missing,” according to Calloway.",
                 [_ines("Two boats are still missing,")], "according to", id="according-to"),
    pytest.param(FERRIES + "“Safety comes first,” Rivertown Ferries said in a statement.",
                 [("Safety comes first,", "direct", "Rivertown Ferries", "Rivertown Ferries")],
                 None, id="in-a-statement"),
    pytest.param(HARBOUR + "Calloway, in a statement: “The port will reopen on Friday.”",
        [_ines("The port will reopen on Friday.")], None, id="in-a-statement-no-verb"),
    pytest.param(SINGER + "Vale wrote on Instagram, “You carried me through this year.”",
                 [("You carried me through this year.", "direct", "Nora Vale", "Vale")],
                 None, id="on-instagram-wrote"),
    pytest.param(SINGER + "On Instagram, Vale thanked her fans for “the best year of my life.”",
        [("the best year of my life.", "partial", "Nora Vale", "Vale")], None,
        id="on-instagram-no-speech-verb"),
    pytest.param(SINGER + "Vale on Instagram: “You carried me through this year.”",
        [("You carried me through this year.", "direct", "Nora Vale", "Vale")], None,
        id="on-instagram-colon"),
    pytest.param(COUNCILLOR + "On X, Brack described the vote as “a farce from start to finish.”",
                 [("a farce from start to finish.", "partial", "Owen Brack", "Brack")], None,
                 id="on-x"),
    pytest.param(COUNCILLOR + "Brack on X: “The vote was a farce.”",
        [("The vote was a farce.", "direct", "Owen Brack", "Brack")], None,
        id="on-x-colon"),
]


@pytest.mark.parametrize(("text", "expected", "cue"), CUE_CASES)
def test_cue(nlp, text, expected, cue):
    assert found(nlp, text) == expected
    if cue is not None:
        assert [q.cue for q in quotes_of(nlp, text)] == [cue] * len(expected)


# --- 3. who speaks: the mention and its resolved full name -------------------------------

SPEAKER_CASES = [
    pytest.param(HARBOUR + "“Nobody sails until Friday,” Calloway said.",
                 [_ines("Nobody sails until Friday,")], id="surname"),
    pytest.param("“The port stays shut,” said Ines Calloway.",
                 [_ines("The port stays shut,", "Ines Calloway")], id="full-name"),
    pytest.param("Judge Mary Quill sentenced the skipper on Thursday.\n"
                 "“The sea is no excuse,” the judge said.",
                 [("The sea is no excuse,", "direct", "Mary Quill", "the judge")], id="title"),
    pytest.param("Actress Nora Vale cancelled her Wexmoor show. Vale is resting, and Vale will "
                 "return in May.\n“I will be back on stage soon,” the Oscar nominee said.",
                 [("I will be back on stage soon,", "direct", "Nora Vale", "the Oscar nominee")],
                 id="description-protagonist"),
    pytest.param("Lake County Council closed the Millbrook road on Monday.\n"
                 "“The road will reopen in June,” a spokeswoman for the council said.",
                 [("The road will reopen in June,", "direct", "Lake County Council",
                   "a spokeswoman for the council")], id="spokeswoman-for-the-council"),
    pytest.param(FERRIES + "“Safety comes first,” said a spokesman for Rivertown Ferries.",
                 [("Safety comes first,", "direct", "Rivertown Ferries",
                   "a spokesman for Rivertown Ferries")], id="spokesman-for-named-company"),
    pytest.param("Skipper Daniel Ashgrove brought his trawler home on Tuesday. Ashgrove had "
                 "been at sea for nine days.\n“I have never seen waves like that,” he said.",
                 [("I have never seen waves like that,", "direct", "Daniel Ashgrove", "he")],
                 id="pronoun-he"),
    pytest.param(HARBOUR + "Calloway spoke to reporters at the pier.\n"
                 "“Nobody sails until Friday,” she said.",
                 [_ines("Nobody sails until Friday,", "she")], id="pronoun-she"),
    pytest.param("Skipper Daniel Ashgrove brought his trawler home on Tuesday.\n"
        "Harbourmaster Mary Calloway met him at the pier.\n"
        "“I have never seen waves like that,” he said.",
        [("I have never seen waves like that,", "direct", "Daniel Ashgrove", "he")],
        id="pronoun-he-skips-titled-woman"),
    pytest.param(HARBOUR + "Skipper Daniel Ashgrove said, “I was lucky.”",
        [("I was lucky.", "direct", "Daniel Ashgrove", "Daniel Ashgrove")],
        id="job-title-before-name"),
    # an upper-case name is kept as written unless it matches someone in any case
    pytest.param("The Wexmoor Space Office met.\n“We will launch in May,” WSO said.",
        [("We will launch in May,", "direct", "WSO", "WSO")], id="acronym-kept"),
    pytest.param("Host Dana Pruitt met Senator Omar McLind.\n\n\"MCLIND: We will win.\"",
        [("We will win.", "direct", "Omar McLind", "MCLIND")], id="transcript-label-any-case"),
    pytest.param("Harbour news\n“EDITOR’S NOTE: This story was updated on Monday.”",
        [("EDITOR’S NOTE: This story was updated on Monday.", "direct", None, None)],
        id="editors-note-is-no-speaker"),
    # 'at the time' is no organisation a spokesman speaks for
    pytest.param(HARBOUR + "“We knew,” said a spokesman at the time.",
        [("We knew,", "direct", None, "a spokesman")], id="spokesman-at-the-time"),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKER_CASES)
def test_speaker(nlp, text, expected):
    assert found(nlp, text) == expected


# --- 4. quote forms and marks -------------------------------------------------------------

FORM_CASES = [
    pytest.param(HARBOUR + "Calloway said the storm was “the worst in a generation” and urged "
                 "skippers to wait.",
                 [_ines("the worst in a generation", kind="partial")], id="partial"),
    pytest.param(HARBOUR + "“The skipper told me ‘stay in port’ and then he sailed,” "
                 "Calloway said.",
                 [_ines("The skipper told me ‘stay in port’ and then he sailed,")],
                 id="nested-gives-outer-only"),
    pytest.param(HARBOUR + "Calloway described the night.\n"
                 "“We heard the first call at midnight.\n"
                 "“By dawn we had found one boat.\n"
                 "“The other is still out there,” she said.",
                 [_ines("We heard the first call at midnight.", "she"),
                  _ines("By dawn we had found one boat.", "she"),
                  _ines("The other is still out there,", "she")],
                 id="multi-paragraph-curly-cue-at-end"),
    pytest.param(HARBOUR + "“We heard the first call at midnight,” Calloway said. “Two boats "
                 "were missing.\n“By dawn we had found one of them.\n"
                 "“The other is still out there.”",
                 [_ines("We heard the first call at midnight,"), _ines("Two boats were missing."),
                  _ines("By dawn we had found one of them."),
                  _ines("The other is still out there.")],
                 id="multi-paragraph-curly-cue-at-start"),
    pytest.param(HARBOUR + "Calloway described the night.\n"
                 "\"We heard the first call at midnight.\n"
                 "\"By dawn we had found one boat.\n"
                 "\"The other is still out there,\" she said.",
                 [_ines("We heard the first call at midnight.", "she"),
                  _ines("By dawn we had found one boat.", "she"),
                  _ines("The other is still out there,", "she")],
                 id="multi-paragraph-straight"),
    pytest.param(HARBOUR + '"Nobody sails until Friday," Calloway said.',
                 [_ines("Nobody sails until Friday,")], id="straight-double"),
    pytest.param(HARBOUR + '"Nobody sails until Friday," Calloway said.\n'
                 "“The storm is not over,” she added. 'We will be ready,' she said.",
                 [_ines("Nobody sails until Friday,"), _ines("The storm is not over,", "she"),
                  _ines("We will be ready,", "she")], id="mixed-marks-one-article"),
    pytest.param(HARBOUR + "«We are ready», Calloway said. «The boats are safe.»",
                 [_ines("We are ready"), _ines("The boats are safe.")], id="guillemets"),
    pytest.param(HARBOUR + "« We are ready », Calloway said.",
                 [_ines("We are ready")], id="guillemets-spaced"),
    pytest.param(HARBOUR + "„We are ready“, Calloway said.", [_ines("We are ready")],
                 id="low-high-before-cue"),
    pytest.param(HARBOUR + "Calloway said: „The boats are safe.“", [_ines("The boats are safe.")],
                 id="low-high-after-cue"),
]


@pytest.mark.parametrize(("text", "expected"), FORM_CASES)
def test_form(nlp, text, expected):
    assert found(nlp, text) == expected


HEADLINE_CASES = [
    pytest.param("Calloway Says 'Nobody Sails' As Storm Hits Wexmoor",
                 HARBOUR + "“Nobody sails until Friday,” Calloway said.",
                 [("Nobody Sails", "headline", "Ines Calloway", "Calloway"),
                  _ines("Nobody sails until Friday,")], id="headline-with-cue"),
    pytest.param("Wexmoor's Harbourmaster Says 'Nobody Sails' Until Friday",
                 HARBOUR + "“Nobody sails until Friday,” Calloway said.",
                 [("Nobody Sails", "headline", "Ines Calloway", None),
                  _ines("Nobody sails until Friday,")], id="headline-after-apostrophe"),
    pytest.param("Calloway: 'Nobody Sails Until The Storm Has Passed'",
                 HARBOUR + "“Nobody sails until the storm has passed,” Calloway said.",
                 [("Nobody Sails Until The Storm Has Passed", "headline", "Ines Calloway",
                   "Calloway"), _ines("Nobody sails until the storm has passed,")],
                 id="headline-name-colon"),
    pytest.param("'We Are Not Done': Wexmoor Counts The Cost",
        HARBOUR + "“We are not done,” Calloway said.",
        [("We Are Not Done", "headline", "Ines Calloway", None), _ines("We are not done,")],
        id="headline-same-words-as-body-quote"),
    pytest.param("Calloway: 'Nobody Sails' Until Storm 'Has Passed'",
        HARBOUR + "“Nobody sails until the storm has passed,” Calloway said.",
        [("Nobody Sails", "headline", "Ines Calloway", "Calloway"),
         ("Has Passed", "headline", "Ines Calloway", "Calloway"),
         _ines("Nobody sails until the storm has passed,")],
        id="headline-fragments-after-name-colon"),
]


@pytest.mark.parametrize(("title", "body", "expected"), HEADLINE_CASES)
def test_headline(nlp, title, body, expected):
    text = title + "\n" + body
    assert found(nlp, text, title=title) == expected
    mentions = [q.speaker_mention for q in quotes_of(nlp, text, title=title)
                if q.kind == "headline" and q.speaker_mention is not None]
    assert all(m.end <= len(title) for m in mentions), "a headline mention is in the headline"


# --- 5. not quotes --------------------------------------------------------------------------

NOT_QUOTE_CASES = [
    pytest.param(HARBOUR + "Calloway hosts her podcast “Night Shift Radio” on Fridays.", [],
                 id="podcast-curly"),
    pytest.param(HARBOUR + "Calloway hosts her podcast ‘Night Shift Radio’ on Fridays.", [],
                 id="podcast-single-curly"),
    pytest.param(HARBOUR + 'Calloway, who starred in the film "Salt Harbour", said: '
                 '"I was never a sailor."', [_ines("I was never a sailor.")],
                 id="film-title-beside-real-quote"),
    pytest.param(SINGER + "Vale closed the night with her song “Low Tide Blues”.", [],
                 id="song"),
    pytest.param(HARBOUR + "Calloway wrote the book “Knots and Tides” in 2019.", [],
                 id="book-after-cue-verb"),
    pytest.param(SINGER + "Vale starred in the TV show 'Harbour Lights' for five seasons.", [],
                 id="show-straight-single"),
    pytest.param("Boxer Jo “The Hammer” Reed retired on Sunday.", [], id="nickname"),
    pytest.param('Boxer Jo "The Hammer" Reed retired on Sunday.\n'
                 'Reed said: "I am done with the ring."',
        [("I am done with the ring.", "direct", "Jo Reed", "Reed")],
        id="nickname-then-surname-quote"),
    pytest.param("The “temporary” closure of the port has now lasted a year.", [],
                 id="scare-one-word"),
    pytest.param("The “storm wall” built in 2015 is already cracking.", [],
                 id="scare-two-words"),
    pytest.param('The port board approved a "temporary" closure.', [],
                 id="scare-one-word-straight"),
    # 'report' is a noun before a title, no cue
    pytest.param("Harbour news\nThe report, “A Harbour at Risk,” alarmed the crews.", [],
                 id="report-title"),
]


@pytest.mark.parametrize(("text", "expected"), NOT_QUOTE_CASES)
def test_not_quotes(nlp, text, expected):
    assert found(nlp, text) == expected


# --- 6. an unbalanced mark costs at most its own quote --------------------------------------

STRAY_LATER = ("Calloway said: {o}Two boats are missing.{c}\n"
               "{o}We will search until dark,{c} she added.\n"
               "Skipper Daniel Ashgrove was rescued at noon. {o}I was lucky,{c} Ashgrove said.")
STRAY_EXPECTED = [_ines("Two boats are missing."), _ines("We will search until dark,", "she"),
                  ("I was lucky,", "direct", "Daniel Ashgrove", "Ashgrove")]

UNBALANCED_CASES = [
    pytest.param(HARBOUR + "“The first call came at midnight, the log shows.\n"
                 + STRAY_LATER.format(o="“", c="”"), STRAY_EXPECTED, id="stray-curly-opening"),
    pytest.param(HARBOUR + "\"The first call came at midnight, the log shows.\n"
                 + STRAY_LATER.format(o='"', c='"'), STRAY_EXPECTED, id="stray-straight-opening"),
    pytest.param(HARBOUR + SKIPPER + "The log shows “the first call at midnight. Calloway said, "
                 "“Two boats are missing.”\n“I was lucky,” Ashgrove said. “The sea was wild.”",
                 [_ines("Two boats are missing."),
                  ("I was lucky,", "direct", "Daniel Ashgrove", "Ashgrove"),
                  ("The sea was wild.", "direct", "Daniel Ashgrove", "Ashgrove")],
                 id="stray-mid-paragraph"),
]


@pytest.mark.parametrize(("text", "expected"), UNBALANCED_CASES)
def test_unbalanced_mark(nlp, text, expected):
    assert found(nlp, text) == expected


def test_put_it_is_a_cue_only_before_its_quote(nlp):
    """'as Reed put it, “...”' attributes; 'Reed put it in a crate marked “...”' does
    not (whatever is made of the label's words, they are not Reed's)."""
    quoted = found(nlp, HARBOUR + "As Calloway put it, “The gulls are inside now.”")
    assert quoted == [_ines("The gulls are inside now.")]
    label = found(nlp, HARBOUR + "Calloway put it in a crate marked “fragile and heavy”.")
    assert all(speaker is None for _text, _kind, speaker, _mention in label)
