"""Compare stage: the reading rules under the conflict checks (negation cues, irregular
verbs, plans against facts, role phrases, a date restated). Every sentence is our own;
outlets and people are fictional."""

from __future__ import annotations

import pytest
from conftest import make_article
from test_compare import analysis, compared
from test_compare_slots import dated

from rashomon.compare_units import _negations, statements_of
from rashomon.compare_values import find_numbers, stem, tokenize
from rashomon.pipeline import analyze_articles, one_story


def negations(text: str) -> list[tuple[str, str]]:
    return [(n.cue, n.scope) for n in _negations(text, tokenize(text, 0, len(text)))]


def statements_from(*analyses) -> list:
    """The statements of the analyses, as a story's (article n is the n-th)."""
    return [s for n, a in enumerate(analyses) for s in statements_of(a, n)]


def kinds_and_values(*analyses) -> list[tuple[str, list[str]]]:
    return [(c.kind, [v.value for v in c.versions]) for c in compared(*analyses).conflicts]


# --- words ------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [("shook", "shaking"), ("fell", "falls"), ("stolen", "steal"),
                                  ("sought", "seeking"), ("broke", "breaks")])
def test_irregular_past_forms_share_a_stem(a: str, b: str) -> None:
    assert stem(a) == stem(b)


@pytest.mark.parametrize("word", ["ground", "left", "bound", "saw"])
def test_past_forms_that_are_nouns_keep_their_own_stem(word: str) -> None:
    assert stem(word).startswith(word[:3])


@pytest.mark.parametrize("text, expected", [
    ("She refused to concede defeat.", [("refused to concede", "conced")]),
    ("He stormed out without shaking her hand.", [("without shaking", "shak")]),
    # a thing done without is not denied: "without charge" denies no charge
    ("Passengers may rebook without charge.", []),
    ("Trains cannot run without staffed signal boxes.", [("cannot run", "run")]),
    ("The airline denied reports that it had hired agency staff.", [("denied reports that it had hired", "hir")]),
    # a denial of a thing, not an act, has no scope
    ("The mayor denied the charges.", [("denied", "")]),
    ("Investigators ruled out the power line as the cause.", [("ruled out the power", "power")]),
    # a promise or a rule denies nothing that happened
    ("The hospital will never ask for bank details.", [("never", "")]),
    ("The skipper was never breath-tested at the quay.", [("never breath-tested", "test")]),
    ("He denied on Thursday that the money went to his cabin.", [("denied on Thursday that the money", "money")]),
])
def test_negation_cues_and_what_they_deny(text: str, expected: list[tuple[str, str]]) -> None:
    assert negations(text) == expected


@pytest.mark.parametrize("text, value, bound", [
    ("a rise of three and a half percent", 3.5, ""),
    ("every known working within 500 metres of the seam", 500, "under"),
])
def test_numbers_read_whole(text: str, value: float, bound: str) -> None:
    tokens = tokenize(text, 0, len(text))
    (number,) = find_numbers(text, tokens, 0, len(text), [])
    assert (number.value, number.bound) == (value, bound)


def test_a_capitalised_count_is_no_name() -> None:
    text = "Twenty-three people were hurt when the Tollgate footbridge fell into the Wend."
    (statement,) = statements_of(analysis(text, "post"), 0)
    assert "twenty-three" not in statement.names
    assert [run.text for run in statement.name_runs] == ["Tollgate", "Wend"]


def test_a_first_name_opening_a_sentence_belongs_to_the_name() -> None:
    text = "Ruth Callander, head of safety at the mine, said the men were calm."
    (statement,) = statements_of(analysis(text, "post"), 0)
    assert statement.name_runs[0].text == "Ruth Callander"
    # a role word opening the sentence is no first name
    text = "Guard Sean Varga was tied up by the intruders."
    (statement,) = statements_of(analysis(text, "post"), 0)
    assert statement.name_runs[0].text == "Sean Varga"


# --- claims -------------------------------------------------------------------------------


@pytest.mark.parametrize("first, second, clash", [
    ("Mayor Bernadette Kroll conceded defeat shortly after the result was declared.",
     "Mayor Bernadette Kroll refused to concede defeat after the recount.", True),
    ("Kroll shook hands with her rival in the hall before leaving.",
     "Kroll stormed out of the hall without shaking her rival's hand.", True),
    # both say no: talks resumed without agreement, and no agreement was reached
    ("Negotiators resumed talks on Wednesday without reaching agreement at the ministry.",
     "The union and the ministry have not reached agreement in the talks.", False),
])
def test_refusals_and_without_deny_an_act(first: str, second: str, clash: bool) -> None:
    found = kinds_and_values(analysis(first, "wire"), analysis(second, "post"))
    assert any(kind == "claim" for kind, _ in found) is clash, found


def test_a_denial_of_one_act_does_not_clash_with_a_confirmed_other() -> None:
    a = analysis("Tamsin Air said its cabin crew union confirmed a two-day strike by cabin "
                 "crew over pay.", "wire")
    b = analysis("Tamsin Air denied reports that it had hired agency crew to replace cabin "
                 "crew on strike over pay.", "post")
    assert [kind for kind, _ in kinds_and_values(a, b)] == []


# --- dates ----------------------------------------------------------------------------------


def test_a_plan_and_a_done_act_are_two_events() -> None:
    a = analysis("The council will hold a separate vote on October 6 on the lease with the club.",
                 "ledger", dates=(("October 6", "2025-10-06"),))
    b = analysis("The council voted on Monday, September 8, to fund the stadium for the club.",
                 "wire", dates=(("Monday, September 8", "2025-09-08"),))
    assert kinds_and_values(a, b) == []


def test_a_date_before_after_belongs_to_the_main_clause() -> None:
    a = analysis("Floodwater poured through Ollerby on Monday, March 10, after engineers opened "
                 "the spillway gates at Brisk Dam.", "wire", dates=(("Monday, March 10", "2025-03-10"),))
    b = analysis("Engineers opened the spillway gates at Brisk Dam on Sunday, March 9, to ease "
                 "the reservoir.", "post", dates=(("Sunday, March 9", "2025-03-09"),))
    assert [kind for kind, _ in kinds_and_values(a, b)] == []


def test_the_same_act_restated_on_another_day() -> None:
    a = analysis("Rescuers reached the trapped miners on Wednesday, October 8.", "wire",
                 dates=(("Wednesday, October 8", "2025-10-08"),))
    b = analysis("Mine rescue teams finally reached the trapped miners on Thursday, October 9 and "
                 "brought them out the same night.", "post",
                 dates=(("Thursday, October 9", "2025-10-09"),))
    assert kinds_and_values(a, b) == [("date", ["Wednesday, October 8", "Thursday, October 9"])]


def test_a_restated_act_needs_most_of_the_shorter_statement() -> None:
    a = analysis("Rescuers reached the pithead cafe on Wednesday, October 8, for a briefing "
                 "with families and union officials.", "wire",
                 dates=(("Wednesday, October 8", "2025-10-08"),))
    b = analysis("Mine rescue teams finally reached the trapped miners on Thursday, October 9.",
                 "post", dates=(("Thursday, October 9", "2025-10-09"),))
    assert kinds_and_values(a, b) == []


def test_talks_that_broke_down_collapsed() -> None:
    a = analysis("Pay talks between the guild and the airline collapsed on June 12 in Skerrow.",
                 "wire", dates=(("June 12", "2025-06-12"),))
    b = analysis("The airline's talks broke down with the guild on June 10 over the offer.",
                 "post", dates=(("June 10", "2025-06-10"),))
    assert kinds_and_values(a, b) == [("date", ["June 12", "June 10"])]


# --- names ------------------------------------------------------------------------------------


def test_role_phrases_with_one_holder_named_two_ways() -> None:
    a = analysis("Corinne Ashdale, the chief engineer in charge of Brisk Dam, defended the "
                 "release of water.", "wire")
    b = analysis("The order to open the gates was given by engineer in charge Gareth Penhale.", "post")
    assert kinds_and_values(a, b) == [("name", ["Corinne Ashdale", "Gareth Penhale"])]


def test_head_of_and_director_are_one_role() -> None:
    a = analysis("Ruth Callander, head of safety at the operator, praised the crews.", "wire")
    b = analysis("Safety director Malcolm Ferrey thanked the rescue teams.", "post")
    assert kinds_and_values(a, b) == [("name", ["Ruth Callander", "Malcolm Ferrey"])]


def test_a_role_phrase_with_many_holders_is_no_slot() -> None:
    a = analysis("Lifeboat crew member Tobias Quell, a volunteer for ten years, steered the boat.", "wire")
    b = analysis("Lifeboat crew member Idris Penn said the sea was calm by then.", "post")
    assert kinds_and_values(a, b) == []


def test_closely_matched_statements_name_two_people_in_one_role() -> None:
    a = analysis("Council member Marisol Tench, who had not announced her position, cast the "
                 "deciding vote on the stadium.", "wire")
    b = analysis("The deciding vote on the stadium came from council member Gideon Arkwright, a "
                 "first-term member.", "post")
    assert kinds_and_values(a, b) == [("name", ["Marisol Tench", "Gideon Arkwright"])]


def test_the_same_names_in_one_role_are_no_conflict_when_a_source_names_both() -> None:
    a = analysis("Council member Marisol Tench cast the deciding vote on the stadium. Council "
                 "member Gideon Arkwright voted against it.", "wire")
    b = analysis("The deciding vote on the stadium came from council member Gideon Arkwright.", "post")
    assert [kind for kind, _ in kinds_and_values(a, b)] == []


# --- grouping strategy ------------------------------------------------------------------------


def test_one_story_puts_every_article_in_one_story(nlp) -> None:
    articles = [
        make_article("The Larkspur ferry ran late on Monday after a storm.", id="a", outlet="A"),
        make_article("A bakery in Pellham won a prize for its rye bread.", id="b", outlet="B"),
    ]
    report = analyze_articles(articles, nlp=nlp, group=one_story)
    assert [s.articles for s in report.stories] == [("a", "b")]
    assert one_story([]) == []


# --- tolls followed across the story ------------------------------------------------------


def test_a_toll_written_after_what_it_counts_grows_into_an_update() -> None:
    early = dated("About 140 homes had been flooded along the Tull by Tuesday morning.",
                           "wire", "2025-03-11")
    later = dated("The number of Ollerby homes hit by floodwater on the Tull rose to 212.",
                           "courant", "2025-03-12")
    latest = dated("The number of homes wrecked by the Tull has now passed 230.",
                            "blurt", "2025-03-13")
    facts = compared(early, later, latest)
    (update,) = facts.updates
    assert [(v.article, v.value) for v in update.versions] == [
        ("wire", "140 homes"), ("courant", "212"), ("blurt", "230")]
    assert update.about == "number homes" and facts.conflicts == ()


def test_a_death_toll_raised_in_other_words_is_an_update() -> None:
    early = dated("A fire at the Ferrowick plant killed two workers on Tuesday night.",
                           "wire", "2025-06-11")
    later = dated("A third worker has died after the Ferrowick plant fire, raising the "
                           "death toll to three.", "gazette", "2025-06-12")
    (update,) = compared(early, later).updates
    assert [v.value for v in update.versions] == ["two workers", "three"]


@pytest.mark.parametrize("early_text, later_text", [
    # a count near the word "homes" is not a count of homes
    ("In all, 1,870 people left their homes under the evacuation order on the Tull.",
     "The number of homes hit by floodwater on the Tull rose to 212."),
    # two tolls of one story that share nothing are two tolls
    ("Two climbers were injured in a fall on Gannet Crag.",
     "Five cyclists were injured when a lorry overturned in Pellham."),
    # the same day, two counts: a disagreement, not news moving on
    ("Twelve people were injured at the Vantor festival.",
     "Eighteen people were injured at the Vantor festival."),
])
def test_no_toll_update(early_text: str, later_text: str) -> None:
    same_day = "lorry" not in later_text and "Eighteen" in later_text
    early = dated(early_text, "wire", "2025-03-11")
    later = dated(later_text, "post", "2025-03-11" if same_day else "2025-03-12")
    assert compared(early, later).updates == ()


# --- more conflicts ------------------------------------------------------------------------


def test_a_denial_meets_only_its_closest_assertion_in_each_source() -> None:
    a = analysis("A downed power line sparked the Ridgeback Fire, investigators from the fire "
                 "marshal's office concluded. Crews cut new fire lines along the ridge overnight.",
                 "courier")
    b = analysis("But fire investigators ruled out the line as the culprit of the Ridgeback Fire.", "tabloid")
    (conflict,) = compared(a, b).conflicts
    assert conflict.kind == "claim"
    assert [v.text.split()[1] for v in conflict.versions] == ["downed", "fire"]


def test_a_full_name_both_write_counts_toward_a_claim() -> None:
    a = analysis("Westerly Isles Ferries said it had received no warnings about the ship.", "wire")
    b = analysis("The harbour authority wrote to Westerly Isles Ferries in January warning "
                 "that the radar had failed.", "islander")
    assert [kind for kind, _ in kinds_and_values(a, b)] == ["claim"]


def test_the_named_subject_of_an_act_against_its_passive_agent() -> None:
    a = analysis("Chief executive Hendrik Sollis announced the decision in a statement.", "wire")
    b = analysis("The decision was announced by chief operating officer Agata Pelletier.", "trade")
    assert kinds_and_values(a, b) == [("name", ["Hendrik Sollis", "Agata Pelletier"])]
    # two announcements of two things by two people are two acts
    c = analysis("Chief operating officer Agata Pelletier announced an inquiry into the fire.", "post")
    d = analysis("Chief executive Hendrik Sollis announced his resignation on Friday.", "wire")
    assert kinds_and_values(c, d) == []


def test_job_cuts_counted_twice() -> None:
    a = analysis("Orrin Appliances will close its Brennock factory, eliminating 640 jobs.", "wire")
    b = analysis("The move by Orrin removes 460 positions at the Brennock factory.", "trade")
    assert kinds_and_values(a, b) == [("number", ["640 jobs", "460 positions"])]


def test_one_day_one_thing_counted_twice() -> None:
    from rashomon.compare_events import same_day_count_clashes

    def clashes(*analyses) -> list[list[str]]:
        statements = statements_from(*analyses)
        return [[c.value_a, c.value_b] for c in same_day_count_clashes(statements, set())]

    a = analysis("The blaze broke out on Saturday, August 9, on a wooded slope about 8 kilometres "
                 "west of the town.", "wire", dates=(("Saturday, August 9", "2025-08-09"),))
    b = analysis("The monster fire took hold on Saturday, August 9, just 3 kilometres from the "
                 "edge of town.", "tabloid", dates=(("Saturday, August 9", "2025-08-09"),))
    assert clashes(a, b) == [["8 kilometres", "3 kilometres"]]
    # with other words next to the figures, two counts of two things
    c = analysis("By Saturday, August 9, volunteers had cleared 8 kilometres of hiking trail "
                 "near the reservoir.", "courier", dates=(("Saturday, August 9", "2025-08-09"),))
    assert clashes(b, c) == []
    # on another day, another count
    d = analysis("The blaze had spread on Sunday, August 10, to about 8 kilometres west of the "
                 "town.", "courier", dates=(("Sunday, August 10", "2025-08-10"),))
    assert clashes(b, d) == []


def test_a_story_has_one_count_of_a_thing() -> None:
    from rashomon.compare_slots import _count_clashes

    def clashes(*analyses) -> list[list[str]]:
        statements = statements_from(*analyses)
        return [sorted([v_a, v_b]) for *_, v_a, _, v_b in _count_clashes(statements, {})]

    a = analysis("The High Court cleared the way for 14 turbines on the Harrowdene moor scheme.", "wire")
    b = analysis("The judge upheld the approval of 16 turbines for the scheme on the moor.", "gazette")
    assert clashes(a, b) == [["14 turbines", "16 turbines"]]
    # a name in common is not enough ("the A38"), nor a compound ("a four-storey block")
    c = analysis("Two vehicles collided on the A38 near Pellham on Monday.", "wire")
    d = analysis("About 40 vehicles were stuck in the queue on the A38.", "post")
    e = analysis("The fire gutted a two-storey house in Mill Street.", "wire")
    f = analysis("Crews saved a four-storey block in Mill Street.", "post")
    assert clashes(c, d) == [] and clashes(e, f) == []


@pytest.mark.parametrize("first, second", [
    # a kind of the thing is not the thing
    ("The park houses a pack of five grey wolves near the Oakhurst gate.",
     "Two wolves broke free from the Oakhurst park on Sunday."),
    # distances count many things
    ("The boom was heard 10 miles away from the Lanton plant.",
     "Homes within one mile of the Lanton plant were evacuated."),
])
def test_counts_of_different_things_are_no_story_wide_slot(first: str, second: str) -> None:
    from rashomon.compare_slots import _count_clashes

    statements = statements_of(analysis(first, "wire"), 0) + statements_of(analysis(second, "post"), 1)
    assert _count_clashes(statements, {}) == []


def test_two_sides_that_both_say_no_do_not_clash() -> None:
    a = analysis("Save Larkmoor had argued that the minister failed to give proper weight to the "
                 "peat bogs on the moor.", "wire")
    b = analysis("Save Larkmoor had argued that the peat bogs on the moor were given insufficient "
                 "weight by the minister.", "trade")
    assert [kind for kind, _ in kinds_and_values(a, b)] == []


def test_not_ruling_out_denies_nothing() -> None:
    assert negations("Save Larkmoor had not ruled out an appeal.") == [("not ruled", "rul")]


def test_an_escape_dated_twice() -> None:
    a = analysis("The escape happened in the early hours of Sunday, September 7, at Oakhurst "
                 "Wildlife Park.", "wire", dates=(("Sunday, September 7", "2025-09-07"),))
    b = analysis("The great escape at Oakhurst Wildlife Park happened on Saturday, September 6.",
                 "tabloid", dates=(("Saturday, September 6", "2025-09-06"),))
    assert kinds_and_values(a, b) == [("date", ["Sunday, September 7", "Saturday, September 6"])]


def test_a_month_with_its_year_restated() -> None:
    a = analysis("Construction on the site is expected to begin in April 2026.", "wire",
                 dates=(("April 2026", "2026-04"),))
    b = analysis("Building work on the site will start in June 2026, according to the developer.",
                 "gazette", dates=(("June 2026", "2026-06"),))
    assert kinds_and_values(a, b) == [("date", ["April 2026", "June 2026"])]


@pytest.mark.parametrize("text, value, unit", [
    ("after nine people fell ill with listeria", 9, "peopl"),
    ("Some 640 permanent staff will lose their jobs", 640, "worker"),
    ("The 400g pies sell for less", 400, "g"),
])
def test_what_a_figure_counts(text: str, value: float, unit: str) -> None:
    (number,) = find_numbers(text, tokenize(text, 0, len(text)), 0, len(text), [])
    assert (number.value, number.unit) == (value, unit)


def test_a_vote_tally_given_two_ways() -> None:
    a = analysis("Councillors voted 11 to 6 in favour of the motion on Tuesday.", "wire")
    b = analysis("The mayor was humiliated when the chamber voted 12 to five against him.", "tabloid")
    assert kinds_and_values(a, b) == [("number", ["11 to 6", "12 to five"])]


@pytest.mark.parametrize("text, tallied", [
    ("The council voted 5-4 on Monday.", True),
    ("It was carried by 11 votes to 6.", True),
    ("The office is open from 9 to 5 every day.", False),
])
def test_what_is_a_vote_tally(text: str, tallied: bool) -> None:
    numbers = find_numbers(text, tokenize(text, 0, len(text)), 0, len(text), [])
    assert all(n.unit == "vot" for n in numbers) is tallied


def test_a_flat_denial_meets_its_phrase() -> None:
    a = analysis("Organisers said they had received no formal heat warning before the race.", "wire")
    b = analysis("The weather office sent organisers an official heat warning on Friday.", "courier")
    assert [kind for kind, _ in kinds_and_values(a, b)] == ["claim"]
    # one word of a longer phrase is not enough: "no back pay" is not "a pay deal"
    c = analysis("The deal contains no back pay for the dockers, the port said.", "trade")
    d = analysis("Union and port leaders agreed a pay deal for the dockers late on Monday.", "wire")
    assert [kind for kind, _ in kinds_and_values(c, d)] == []


def test_no_confidence_is_no_denial() -> None:
    assert negations("The mayor lost a vote of no confidence on Tuesday.") == []
    assert negations("He has not paid back a single penny.") == [("not paid", "repay")]


def test_an_event_each_source_dates_once() -> None:
    from rashomon.compare_events import event_date_slot_clashes

    def clashes(*analyses) -> list[list[str]]:
        statements = statements_from(*analyses)
        return [sorted([c.value_a, c.value_b]) for c in event_date_slot_clashes(statements, set(), {})]

    a = analysis("The dockers walked out on May 19 after rejecting an offer.", "wire",
                 dates=(("May 19", "2025-05-19"),))
    b = analysis("Industrial action by the dockers began on May 21 and halted cargo handling.",
                 "trade", dates=(("May 21", "2025-05-21"),))
    assert clashes(a, b) == [["May 19", "May 21"]]
    # a source that dates the event twice over knows of two
    c = analysis("The dockers walked out on May 21. They had walked out on April 30 as well.",
                 "post", dates=(("May 21", "2025-05-21"), ("April 30", "2025-04-30")))
    assert clashes(a, c) == []
    # a plan is no date of what happened
    d = analysis("The dockers will walk out on May 25 if the offer stands.", "post",
                 dates=(("May 25", "2025-05-25"),))
    assert clashes(a, d) == []


def test_an_amount_named_by_rare_words_given_two_ways() -> None:
    from rashomon.compare_slots import _amount_clashes

    filler = [analysis(f"Crews worked through the night on section {n} of the line.", f"f{n}")
              for n in range(24)]
    a = analysis("Northvale put the cost of the tunnel repairs at £3.8 million.", "wire")
    b = analysis("The operator now puts the tunnel repairs at about £6 million.", "trade")
    c = analysis("Rail fares rose 2.1 percent in 2024, according to the operator.", "post")
    d = analysis("The operator says fares will rise 4 percent next year.", "courier")
    e = analysis("Repairs to the signal box will cost £300,000.", "gazette")
    analyses = [a, b, c, d, e, *filler]
    statements = statements_from(*analyses)
    found = [sorted([v_a, v_b]) for *_, v_a, _, v_b in _amount_clashes(statements, {})]
    # the tunnel repairs twice; other repairs share one word only; a rise dated to a
    # past year is background
    assert found == [["£3.8 million", "£6 million"]]


def test_a_number_said_to_grow_makes_its_earlier_count_an_update() -> None:
    early = dated("Conservators have so far counted 140 volumes soaked at the Athenaeum.",
                  "courier", "2025-04-16")
    later = dated("The number of damaged volumes at the Athenaeum has climbed to 410, the "
                  "recovery team said.", "trade", "2025-04-18")
    (update,) = compared(early, later).updates
    assert [v.value for v in update.versions] == ["140 volumes", "410"]


def test_a_toll_word_across_and_counts_the_other_figure() -> None:
    from rashomon.compare_updates import toll_mentions

    text = "Fourteen people were arrested and nine stewards were injured at the final."
    statements = statements_of(analysis(text, "wire"), 0)
    assert [(m.toll, m.number.text) for m in toll_mentions(statements)] == [
        ("arrest", "Fourteen people"), ("injur", "nine stewards")]


@pytest.mark.parametrize("text, expected", [
    ("Five of Harrowgate's 14 branch libraries will shut.", [(5, "library"), (14, "library")]),
    ("Families will pay an extra £1.81 a week.", [(1.81, "pounds a week")]),
])
def test_parts_and_rates(text: str, expected: list) -> None:
    numbers = find_numbers(text, tokenize(text, 0, len(text)), 0, len(text), [])
    assert [(n.value, n.unit) for n in numbers] == expected


def test_a_head_teacher_named_two_ways() -> None:
    a = analysis("Head teacher Helen Garside said counsellors would be at the academy all week.", "courier")
    b = analysis("Headmistress Joanne Birtles said the whole academy was in shock.", "tabloid")
    assert [kind for kind, _ in kinds_and_values(a, b)] == ["name"]


def test_before_a_date_is_the_dates_own() -> None:
    a = analysis("The director hopes to reopen the Athenaeum building in September.", "wire",
                 dates=(("September", "2025-09"),))
    b = analysis("The Athenaeum building is unlikely to reopen before March 2026, the director said.",
                 "trade", dates=(("March 2026", "2026-03"),))
    assert [kind for kind, _ in kinds_and_values(a, b)] == ["date"]
