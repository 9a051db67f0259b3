"""Question analysis and dates: rules that must hold whatever the corpus."""

from __future__ import annotations

from datetime import date

import pytest

from kg.qa.analysis import analyse
from kg.qa.dates import find_spans, wants_latest, years_in
from kg.qa.records import AnswerType


@pytest.mark.parametrize(
    "question, expected",
    [
        ("How many children were in care as of 31 August 2020?", AnswerType.FIGURE),
        ("What was the rate of children in care per 10,000?", AnswerType.FIGURE),
        ("What is Harwick Borough Council's total net revenue budget for 2025/26?", AnswerType.FIGURE),
        ("Who is the Portfolio Holder for Children's Services?", AnswerType.PERSON),
        ("When was the ILACS report published?", AnswerType.DATE),
        ("At what time did the meeting start?", AnswerType.DATE),
        ("Where was the meeting held?", AnswerType.PLACE),
        ("What did the Committee agree about the offer for adolescents?", AnswerType.DECISION),
        ("How has the turnover rate of permanent social work staff changed since 2019?", AnswerType.TREND),
        ("Is the Statutory Direction rescinded?", AnswerType.YESNO),
    ],
)
def test_answer_types(question, expected):
    assert analyse(question).answer_type == expected


def test_dates_days_months_financial_years_and_bare_years():
    spans = {s.label: (s.start, s.end) for s in find_spans("As of 31 August 2020; at November 2020; in 2021/22; since 2019")}
    assert spans["31 August 2020"] == (date(2020, 8, 31), date(2020, 8, 31))
    assert spans["November 2020"] == (date(2020, 11, 1), date(2020, 11, 30))
    assert spans["2021/22"] == (date(2021, 4, 1), date(2022, 3, 31))
    assert spans["2019"] == (date(2019, 1, 1), date(2019, 12, 31))


def test_figures_are_not_years_and_money_is_not_a_year():
    assert years_in("£2019 was paid; 16.9% in 2019") == {2019}
    assert years_in("a rate of 74 per 10,000") == set()


def test_latest_and_salient_words():
    a = analyse("What was the turnover rate of permanent social work staff in Kent?")
    assert "Kent" in a.salient and a.unit_hint == "percent"
    assert wants_latest("What is the latest number of children in care?")
    assert not wants_latest("How many children were in care in 2020?")
    assert analyse("How many social work vacancies were there in March 2021?").years == (2021,)


@pytest.mark.parametrize(
    "question, actor",
    [
        ("Did Cabinet approve the £1.2 million capital funding for Orchard House?", "Cabinet"),
        ("What did the Planning Committee resolve on 3 May?", "Planning Committee"),
        ("Has Full Council agreed the budget?", "Full Council"),
        ("Did the council approve it?", "council"),
        ("When did the Ministry of Justice launch the Turnaround programme?", None),
        ("How many plans have been agreed since April?", None),
    ],
)
def test_the_body_a_question_says_decided(question, actor):
    assert analyse(question).actor == actor


def test_a_recommendation_to_a_body_is_not_its_decision():
    from kg.qa.actors import actor_decided

    minutes = "The Committee agreed: b) to recommend to Cabinet that capital funding of £1.2 million be considered"
    assert not actor_decided("Cabinet", minutes, "Children and Families Overview and Scrutiny Committee")
    assert actor_decided("Cabinet", "Cabinet approved the capital funding on 3 May.", None)
    assert actor_decided("Cabinet", "The funding was approved by the Cabinet.", None)
    assert actor_decided("Cabinet", "RESOLVED that the funding be released.", "Cabinet")
    assert actor_decided("Committee", minutes, "Planning Committee")


@pytest.mark.parametrize(
    "question, predicate",
    [
        ("How many children were adopted from care in 2023/24?", "adopted"),
        ("How many permanent social workers have left since 1 October 2022?", "left"),
        ("How many NQSWs have been recruited since 2020?", "recruited"),
        ("How many children are in care?", "care"),
        ("Exactly how many children were in Medway's care on 31 March 2023?", "care"),
        ("How many children were looked after by foster carers?", None),
        ("How many schools did not issue any permanent exclusions?", None),
    ],
)
def test_what_happened_to_what_is_counted(question, predicate):
    assert analyse(question).predicate == predicate


@pytest.mark.parametrize(
    "question, expected",
    [
        ("What rating did Ofsted give Parklands at its 2021 inspection?", AnswerType.RATING),
        ("How did Ofsted grade the experiences of children who need help?", AnswerType.RATING),
        ("In the twelve months to October, how many Adoption Orders were granted?", AnswerType.FIGURE),
        ("What capital funding did the council receive in February 2023?", AnswerType.FIGURE),
        ("Which director submitted the Sufficiency Report 2020?", AnswerType.PERSON),
        ("Who should I contact about the report?", AnswerType.PERSON),
        ("What did the Committee do with the Sufficiency Strategy?", AnswerType.DECISION),
        ("Has the share of children entering care aged 10-15 gone up since 2021?", AnswerType.TREND),
    ],
)
def test_answer_types_of_paraphrased_questions(question, expected):
    assert analyse(question).answer_type == expected


def test_number_words_become_digits_and_framing_words_are_not_terms():
    a = analyse("Roughly how many orders were granted in the twelve months before the update, according to the report?")
    assert "12 months" in a.question and "12" in a.terms
    assert not {"roughly", "according"} & set(a.terms)
    assert analyse("Which body did one of the two committees refer it to?").question.startswith("Which body did one")
    assert "2021" in analyse("Has it gone up since 2021, and by how much?").terms


def test_a_past_question_is_not_answered_by_what_will_happen():
    from kg.qa.tense import future_only

    q = "What did Ofsted find when it returned for its focused visit in 2024?"
    assert future_only(q, "Ofsted will return to do a focused visit in a year.")
    assert not future_only(q, "Ofsted found that practice had improved and will return next year.")
    assert not future_only("What did the Committee agree?", "The Committee agreed that officers will report back.")
    assert not future_only("When will the programme start?", "The programme will start in September.")


def test_questions_after_a_preamble_and_relative_dates():
    a = analyse("Medway has appointed four students to Cohort 8. When is that programme due to begin?")
    assert a.answer_type == AnswerType.DATE
    assert set(a.focus) == {"programme", "due", "begin"} and "students" in a.terms
    assert analyse("What is the name of the person appointed as Head of Provider Services?").answer_type == AnswerType.PERSON
    (span,) = analyse("What did Ofsted conclude at the focused visit a year after the July 2023 inspection?").dates
    assert (span.start, span.end) == (date(2024, 7, 1), date(2024, 7, 31))
    (span,) = analyse("How many orders were granted in the 12 months before the October 2023 update?").dates
    assert span.start == date(2023, 10, 1)  # a period ending at the date, not a date moved back


def test_what_a_body_said_is_its_own_only_when_the_papers_say_it_said_it():
    from kg.qa.actors import actor_decided
    from kg.qa.tense import future_only

    assert analyse("What comments did Cabinet make on the report?").actor == "Cabinet"
    assert not actor_decided("Cabinet", "refer any specific comments to the Cabinet for further consideration", None)
    assert actor_decided("Cabinet", "The policy will be considered by Cabinet on 25 March 2025.", None)
    assert not future_only("How big was the deficit in 2021/22?", "You will be aware that the deficit for 2021/22 was £20.5m.")


def test_a_lead_in_phrase_places_the_question_but_is_not_its_subject():
    a = analyse("In the Lead Member's annual report to the March 2023 meeting, how many pupils were eligible for SEND transport?")
    assert a.salient == ("SEND",) and set(a.focus) == {"pupils", "eligible", "transport"}
    assert "lead" in a.terms  # still searched for
    assert analyse("How big was the deficit on the High Needs Budget in 2021/22?").answer_type == AnswerType.FIGURE
    assert analyse("In 2021 how many children were in care?").focus == ()  # no comma: no lead-in


def test_the_decider_is_the_body_not_the_words_after_it():
    assert analyse("What model was the committee asked to adopt in March 2023?").actor == "committee"
    assert analyse("What comments did Cabinet make on the report?").actor == "Cabinet"
    assert analyse("What progress had Medway made on matching plans?").actor is None
    assert analyse("Which two further reports did the committee ask to see?").answer_type == AnswerType.DECISION


@pytest.mark.parametrize(
    "question, expected",
    [
        # the clause that asks decides the type, not the scene set before it
        ("When the strategy came before scrutiny in March 2023, what did the committee resolve to do with it?",
         AnswerType.DECISION),
        ("Meetings are capped at three hours - how much of that time is set aside for the theme?", AnswerType.FIGURE),
        ("Rated Good overall, but what grade did Ofsted give for help and protection?", AnswerType.RATING),
        ("On which date did the committee first propose its move to a hybrid model?", AnswerType.DATE),
        ("Officers said there was no shortage when councils shut their homes - how long ago was that?", AnswerType.DATE),
        ("For children at the assessment hub, within what period was reunification the priority?", AnswerType.DATE),
        ("Which Medway director was the report submitted from?", AnswerType.PERSON),
        # a question that opens by asking keeps its own type, whatever clauses follow
        ("How many children, who were in care in 2020, were adopted?", AnswerType.FIGURE),
        ("When did the committee meet, and who chaired it?", AnswerType.DATE),
    ],
)
def test_the_asking_clause_decides_the_answer_type(question, expected):
    assert analyse(question).answer_type == expected


def test_a_clause_set_before_the_question_is_not_its_focus():
    a = analyse("Apart from a workforce report, what other report did the committee ask to see?")
    assert "workforce" in a.terms and "workforce" not in a.focus and "committee" in a.focus
    assert "apart" not in a.terms  # it frames; it is no subject
    assert "itself" not in analyse("What provision has the Council agreed to develop itself?").terms
    assert "b&bs" in analyse("Are any young people living in hotels or B&Bs?").terms
    assert analyse("What did the committee first propose and agree?").actor == "committee"
    assert analyse("What has the Minister indicated will happen to the Direction?").actor == "Minister"


def test_a_decision_the_text_gives_to_another_body_is_not_the_actors():
    from kg.qa.actors import actor_decided

    body = "Children and Young People Overview and Scrutiny Committee"
    text = "The strategy was developed during 2022 and approved by Cabinet in spring 2023."
    assert not actor_decided("committee", text, body)  # the committee's own paper, but Cabinet decided
    assert actor_decided("Cabinet", text, None)
    assert actor_decided("committee", "The Committee noted the strategy.", body)


def test_a_possessive_decider_and_a_decision_proposed_and_agreed():
    from kg.qa.actors import actor_decided
    from kg.qa.typefit import type_fit
    from tests.qa.test_sentences import _sentence

    body = "Children and Young People Overview and Scrutiny Committee"
    assert actor_decided("children's scrutiny committee", "It was agreed.", body)
    a = analyse("What new format did the committee agree for its meetings?")
    s = _sentence("At the March meeting it was proposed and agreed that the Committee adopt a hybrid model.")
    assert type_fit(a, s, set()) == 1.0
    assert analyse("What follow-up reports did the committee ask to come back to it?").answer_type == AnswerType.DECISION


def test_a_who_question_names_the_role_its_answer_must_state():
    assert analyse("Who is the independent chair of the Children's Improvement Board?").role == "chair"
    assert analyse("Who chaired the meeting on 5 October 2023?").role == "chair"
    assert analyse("Who was Medway's DfE adviser in 2022?").role == "advis"
    assert analyse("Who wrote the report?").role is None
    assert analyse("How many chairs were bought?").role is None  # not a who-question


def test_risen_or_fallen_is_a_trend_and_the_paper_said_is_where_to_look():
    assert analyse("Has the proportion placed with in-house carers risen or fallen, and from what level to what?"
                   ).answer_type == AnswerType.TREND
    a = analyse("Does the Portfolio Holder's report say any Medway children are serving a custodial sentence?")
    assert a.answer_type == AnswerType.YESNO
    assert a.salient == ("Medway",) and "portfolio" not in a.focus


def test_what_the_committee_did_names_it_as_the_decider():
    assert analyse("What did the Committee do with the strategy at its March 2023 meeting?").actor == "Committee"
    assert analyse("What did officers do about the backlog?").actor is None


def test_a_yes_no_about_a_grade_is_a_rating_and_what_a_paper_found_is_the_subject():
    assert analyse("Did Ofsted judge the experiences of children who need help to be good in 2023?"
                   ).answer_type == AnswerType.RATING
    a = analyse("Did the diversity impact assessment find that the strategy would have any adverse impacts?")
    assert a.answer_type == AnswerType.YESNO
    assert "assessment" not in a.terms and {"adverse", "impacts"} <= set(a.terms)


def test_a_qualifier_that_names_a_paper_is_met_by_the_paper():
    from kg.qa.names import qualifiers

    q = "Were any children serving a custodial sentence at the time of the Portfolio Holder's March 2023 report?"
    assert qualifiers(q, papers=True) == [["Portfolio", "Holder's", "March"]]
    assert qualifiers("How many children were in care in Kent?", papers=True) == []


def test_name_the_adviser_and_what_the_committee_actually_did():
    assert analyse("Name the DfE adviser who has been supporting the improvement plan.").answer_type == AnswerType.PERSON
    a = analyse("What did the committee actually do with the strategy in March 2023?")
    assert a.answer_type == AnswerType.DECISION and a.actor == "committee"


def test_more_paraphrase_forms():
    assert analyse("What has happened to the proportion of children placed with in-house carers?").answer_type == AnswerType.TREND
    assert analyse("Has turnover among permanent social workers improved since the 2019 inspection?"
                   ).answer_type == AnswerType.TREND
    assert analyse("Name Medway's DfE adviser mentioned in the report.").answer_type == AnswerType.PERSON
    assert "10-15" in analyse("What share of children came into care aged 10 to 15?").question
    a = analyse("Are any children serving a custodial sentence, according to the Lead Member's youth offending update?")
    assert "Lead" not in a.salient  # where to look, not what is asked about


def test_a_trailing_scene_clause_is_not_what_is_asked():
    from kg.qa.wording import question_proper

    asked = "Will the parking scheme stay in place now that the consultation has closed?"
    assert question_proper(asked) == "Will the parking scheme stay in place?"
    assert analyse(asked).focus[:3] == ("parking", "scheme", "stay")
    assert question_proper("Has the scheme worked, following the 2022 review?") == "Has the scheme worked?"
    # "since" dates the claim itself; it is not a scene
    assert question_proper("Has turnover improved since the 2019 inspection?") == "Has turnover improved since the 2019 inspection?"


def test_phrases_read_as_the_papers_write_them_and_referral_questions_are_decisions():
    a = analyse("What did the committee ask the cabinet member to do about money for children who arrive without parents?")
    assert a.answer_type.name == "DECISION"
    assert "portfolio holder" in a.question and "unaccompanied" in a.question
    assert analyse("Who were members asked to refer their comments on the report to?").answer_type.name == "DECISION"
    assert analyse("Who was asked to chair the review?").answer_type.name == "PERSON"


def test_the_asked_clause_drops_scene_setting_on_either_side():
    from kg.qa.wording import asked_clause

    assert asked_clause("Now that the review is done, will the scheme stay in place?") == "will the scheme stay in place?"
    assert asked_clause("Will the scheme stay in place now that the review is done?") == "Will the scheme stay in place?"


def test_the_last_of_two_questions_sets_the_answer_type():
    a = analyse("Is the age profile of children entering care shifting? What share came in aged 10-15, then and now?")
    assert a.answer_type.name in ("FIGURE", "TREND")
    assert analyse("Is the age profile shifting?").answer_type.name == "YESNO"


def test_a_band_the_question_names_is_read_as_written():
    from kg.qa.cohorts import band_text, bands

    assert bands("How many were aged 10 to 15?") == {"10-15"}
    assert "10-15" in band_text("children aged 10\u201315 years") and "10-15" not in band_text("ages 0-25")


def test_an_actor_with_a_possessive_in_its_title_is_seen_speaking():
    from kg.qa.actors import actor_decided

    said = "The Assistant Director of Children\u2019s Services said that these are made up of three teams."
    assert actor_decided("Assistant Director", said, None)
    assert not actor_decided("Assistant Director", "The Head of Finance said so.", None)


def test_going_to_is_not_part_of_the_actor_and_a_resolution_is_a_decision():
    from kg.qa.analysis import analyse

    assert analyse("What model was the committee going to adopt going forward?").actor == "committee"
    assert analyse("What was the Committee's resolution on the strategy at its March meeting?").answer_type.name == "DECISION"


def test_a_query_typed_as_keywords_is_typed_by_its_head():
    from kg.qa.analysis import analyse

    def kind(q):
        return analyse(q).answer_type.name

    assert kind("Hazel House annual running cost") == "FIGURE" and analyse("Hazel House annual running cost").unit_hint == "GBP"
    assert kind("committee recommendation on asylum funding oct 2023?") == "DECISION"
    assert kind("lead officer on the diversity impact assessment?") == "PERSON"
    assert kind("key risks listed in the 2020 report") == "LIST"
    assert kind("In which month did the contact service start?") == "DATE"
    assert kind("Summarise the strategy") == "TEXT"


def test_what_counted_children_are_subject_to_is_a_predicate():
    from kg.qa.analysis import analyse

    assert analyse("How many children were subject to a child protection plan in March?").predicate == "child protection plan"
    assert analyse("How many children were adopted in 2022?").predicate == "adopted"


def test_a_functional_officer_is_a_role_and_a_manner_adverb_does_not_hide_the_participle():
    from kg.qa.analysis import analyse

    assert analyse("Which legal officer signed off the legal implications of the update?").role == "legal"
    assert analyse("How many children were electively home educated in 2022-23?").predicate == "educated"
    assert analyse("How many pupils are actually carried each day?").predicate is None


def test_which_director_is_a_role_the_answer_must_state():
    from kg.qa.analysis import analyse

    assert analyse("Which Director authorised the impact assessment?").role == "director"


def test_a_paper_that_says_something_is_not_a_decider():
    from kg.qa.analysis import analyse

    assert analyse("Did the Portfolio Holder's March 2023 report say any children were in custody?").actor is None
    assert analyse("Did Cabinet approve the strategy?").actor == "Cabinet"


def test_the_sentence_that_asks_is_read_not_the_remark_around_it():
    # a remark after the question mark sets the scene; its words are not what is asked
    a = analyse("Back in summer 2020, how many children were in care? I heard it was the most they'd ever had.")
    assert a.answer_type == AnswerType.FIGURE
    assert "heard" not in a.focus and "children" in a.focus
    # a remark before it does not decide the type either
    a = analyse("My child might have to live outside the area. Do staff still visit children placed out of the area?")
    assert a.answer_type == AnswerType.YESNO
    assert "might" not in a.focus and "visit" in a.focus


def test_a_question_types_by_what_it_asks():
    # two figures side by side are a figure, unless the comparison is with another time
    assert analyse("How much an hour do those teams cost compared with the normal capped rate?").answer_type == AnswerType.FIGURE
    assert analyse("How many children were in care in 2023 compared with 2020?").answer_type == AnswerType.TREND
    assert analyse("Teams cost more than agency staff. What are the two hourly rates?").answer_type == AnswerType.FIGURE
    a = analyse("When the committee discussed the plan in March 2023, what did it formally do with it?")
    assert a.answer_type == AnswerType.DECISION


def test_an_actor_is_the_body_without_when_it_met():
    assert analyse("Did the committee in October 2023 agree to look at help for older children?").actor == "committee"
    assert analyse("Did the Cabinet at its May meeting approve the plan?").actor == "Cabinet"


def test_adverbs_of_exactness_and_phrases_are_not_words_the_papers_must_contain():
    a = analyse("When exactly did the inspectors visit, and how many children were there altogether?")
    assert "exactly" not in a.terms and "altogether" not in a.terms
    # a phrase is weighed as the word the papers write for it
    assert "siblings" in analyse("Can a foster family take on five brothers and sisters?").terms
    assert "face" in analyse("Do social workers still see the children in person?").terms


def test_a_source_named_in_a_date_question_does_not_date_the_answer():
    a = analyse("In what year, according to the Sufficiency Report 2020, was the statutory guidance issued?")
    assert a.answer_type == AnswerType.DATE and a.dates == ()
    # a date of the event itself still counts, and "When, …," asks when
    assert [d.label for d in analyse("When did the inspection in July 2023 take place?").dates] == ["July 2023"]
    assert analyse("When, according to the October 2023 update, will the home open?").answer_type == AnswerType.DATE
    a = analyse("What hourly rate did the council pay in 2023, compared with the capped rate?")
    assert a.answer_type == AnswerType.FIGURE


def test_everyday_qualifiers_and_light_verbs_are_not_what_is_asked():
    assert "normal" not in analyse("How much do the teams cost compared with the normal capped rate?").terms
    assert analyse("How many adoption orders were made by the courts?").predicate is None
    assert analyse("How many children were adopted in 2023?").predicate == "adopted"


def test_which_noun_asked_is_the_head_after_which():
    q = "When a councillor asked what 'edge of care' services are, which services did officers say they include?"
    assert analyse(q).answer_type == AnswerType.LIST
    assert analyse("Which two officers wrote the report?").answer_type == AnswerType.PERSON
    assert analyse("By what percentage were foster carer fees increased?").answer_type == AnswerType.FIGURE


def test_an_aside_explains_and_a_pronoun_or_idiom_is_not_asked():
    a = analyse("Who is the head of commissioning (the officer who buys care places) named in the papers?")
    assert "buys" not in a.terms and "commissioning" in a.terms
    assert "0-25" in analyse("What number of children in care (aged 0-25) did the council have?").terms
    assert "anyone" not in analyse("Did anyone suggest buying short breaks from a hospice?").terms
    assert "charge" not in analyse("Which councillor is in charge of children's services?").terms


def test_what_was_to_happen_is_answered_by_what_will():
    from kg.qa.tense import future_only

    assert not future_only("From when was the new funding matrix to be introduced?", "This will be introduced from April 2023.")
    assert future_only("What did Ofsted find?", "Ofsted will return in 2024.")


def test_a_request_is_typed_as_the_question_it_asks():
    from kg.qa.wording import plain_question

    assert analyse("Give me the three safeguarding partners that make up the partnership.").answer_type == AnswerType.LIST
    assert analyse("Give me the estimated refurbishment cost for the home.").answer_type == AnswerType.FIGURE
    assert analyse("Tell me who chairs the Corporate Parenting Board.").answer_type == AnswerType.PERSON
    assert plain_question("Tell me when the inspection took place.") == "When the inspection took place?"
    assert plain_question("What is the cost?") == "What is the cost?"
    assert plain_question("Could you remind me what the average caseload per worker was in 2023?") == (
        "What was the average caseload per worker in 2023?")
    assert plain_question("Could you remind me how many pupils were eligible?") == "How many pupils were eligible?"
    assert plain_question("I'd be interested to know whether numbers rose in 2022.") == "Is it so that numbers rose in 2022?"
    assert plain_question("I wonder whether you could list the areas that Ofsted said still need to improve?") == (
        "What are the areas that Ofsted said still need to improve?")
    assert plain_question("Was the service graded Good in 2023, I wonder?") == "Was the service graded Good in 2023?"
    assert analyse("Name the director who wrote the report.").answer_type == AnswerType.PERSON


def test_an_actor_with_a_possessive_in_its_title_is_found_speaking():
    from kg.qa.actors import actor_decided

    text = "In response to a question, the Assistant Director of Children\u2019s Services said that these are made up of …"
    assert actor_decided("Assistant Director of Children's Services", text, None)
    assert not actor_decided("Director of Public Health", text, None)


def test_formal_action_taken_is_a_decision_and_plural_possessives_fold():
    from kg.qa.names import fold

    q = "What formal action did the Committee take on the Sufficiency Strategy at its 2 March 2023 meeting?"
    assert analyse(q).answer_type == AnswerType.DECISION
    assert "exact" not in analyse("On what exact date did the agency launch?").terms
    assert fold("Children's Services' establishment") == "children services establishment"


def test_what_followed_an_event_is_looked_for_after_it():
    a = analyse("Following the July 2023 inspection, who was proposed to chair the relaunched board?")
    assert a.dates[0].start == date(2023, 7, 1) and a.dates[0].end.year > 2023
    assert analyse("Who chaired the board in July 2023?").dates[0].end == date(2023, 7, 31)


def test_a_contracted_question_word_is_read_in_full():
    assert analyse("What's the starting salary of a newly qualified social worker?").answer_type == AnswerType.FIGURE
    assert analyse("Who's the director of people?").answer_type == AnswerType.PERSON
    assert analyse("What's happened to the proportion of children placed in-house?").answer_type == AnswerType.TREND


def test_shorthand_and_two_digit_years_are_read_in_full():
    a = analyse("FGC service, 1 Apr 22 to 31 Mar 23: how many referrals did it receive?")
    assert [d.label for d in a.dates] == ["1 Apr 2022", "31 Mar 2023"]
    a = analyse("UASC funding - what did the cttee recommend the PH for Children's Services do (Oct 23)?")
    assert "committee" in a.terms and "portfolio" in a.terms and [d.label for d in a.dates] == ["Oct 2023"]
    assert analyse("Sufficiency Report 2020 - CiC headcount as at 31 Aug 2020?").answer_type == AnswerType.FIGURE
    assert analyse("Any of the 16 YP in unregulated provision placed in hotels?").answer_type == AnswerType.YESNO
    assert analyse("When did the committee meet on 17 March?").dates == ()


def test_walked_out_is_left_and_a_modified_number_is_a_figure():
    a = analyse("Since 1 October 2022, how many permanent social workers had walked out?")
    assert a.predicate == "left"
    assert analyse("What record number of children in care did the council hit in 2020?").answer_type == AnswerType.FIGURE


def test_dictated_questions_lose_their_fillers_and_period_edges():
    a = analyse("ok so whats the turnover rate for our permanent social work staff")
    assert a.question.startswith("what is the turnover") and a.answer_type == AnswerType.FIGURE
    a = analyse("ok back at the end of august 2020 how many children in care did we have")
    assert "end" not in a.terms and "back" not in a.terms and [d.label for d in a.dates] == ["august 2020"]
    assert "far" in analyse("So far, how many carers were recruited?").terms  # "so far" is asked
    assert analyse("whos the chair of the board").answer_type == AnswerType.PERSON
    assert "end" in analyse("What happened at the end of the meeting?").terms


def test_getting_in_touch_is_contact_and_a_signal_is_an_indication():
    from kg.qa.synonyms import FoldingTokenizer

    tok = FoldingTokenizer()
    assert tok("who do I get in touch with") == tok("who do I contact")
    assert tok("signalled") == tok("indicated") and tok("remuneration") == tok("pay")


def test_quotes_around_a_name_are_not_part_of_it():
    a = analyse("Of the social workers recruited under 'Grow Your Own', how many are still in Medway's teams?")
    assert a.salient == ("Grow", "Own", "Medway")
    assert analyse("What did the Portfolio Holders' report say?").salient == ("Portfolio", "Holders")


def test_a_funding_request_is_not_a_sum_and_rules_councils_must_follow_are_a_list():
    assert analyse("What funding request did the Portfolio Holder back?").answer_type != AnswerType.FIGURE
    assert analyse("What funding did the council receive for UASC?").answer_type == AnswerType.FIGURE
    q = "What national rules on the use of agency social workers are councils expected to follow from Spring 2024?"
    assert analyse(q).answer_type == AnswerType.LIST


def test_a_question_inside_a_letter_is_read_without_greeting_or_sign_off():
    a = analyse("Dear Sir/Madam, how many social work vacancies were there in June 2023? Many thanks, J.")
    assert a.question == "how many social work vacancies were there in June 2023?" and a.answer_type == AnswerType.FIGURE
    a = analyse("Dear Councillor Smith, what did the committee decide? Kind regards, Anne Jones")
    assert a.question == "what did the committee decide?" and a.salient == ()
    assert analyse("Hello, who is the DfE adviser? Thanks").question == "who is the DfE adviser?"
    assert analyse("What did the committee give thanks for?").question == "What did the committee give thanks for?"


def test_when_with_an_auxiliary_asks_for_a_date_and_what_a_body_did_is_any_act():
    from kg.qa.actors import actor_decided

    assert analyse("Before the October 2022 increase, when had allowances last gone up?").answer_type == AnswerType.DATE
    assert analyse("When the strategy came before scrutiny, what did the committee resolve?"
                   ).answer_type == AnswerType.DECISION
    text = "The Council also provided additional investment in the remuneration package."
    assert actor_decided("council", text, "Scrutiny Committee", acting=True)
    assert not actor_decided("council", text, "Scrutiny Committee")
    assert "couldn't" not in analyse("What did Medway do when it couldn't get agency workers?").terms


def test_a_quoted_title_is_one_name():
    from kg.qa.names import run_of

    q = "What are the four themes of the 'A Place to Call Home' sufficiency strategy?"
    assert run_of(q, "Place") == run_of(q, "Home") == "A Place to Call Home"
    assert run_of("Under Medway's 'Grow Your Own' scheme, how many?", "Own") == "Grow Your Own"


def test_a_remark_after_the_question_is_not_its_focus_and_better_or_worse_is_a_trend():
    a = analyse("How many kids were in Medway's care at the end of August 2020? I heard it was a record.")
    assert "heard" not in a.focus and "end" not in a.focus and a.answer_type == AnswerType.FIGURE
    a = analyse("Has the turnover of social workers got better or worse since the 2019 inspection?")
    assert a.answer_type == AnswerType.TREND and "worse" not in a.terms
    assert analyse("Are more older kids, like 10 to 15, coming into care now than a couple of years ago?"
                   ).answer_type == AnswerType.TREND
    assert "reach" not in analyse("What resolution did the Committee reach on the strategy?").terms
    assert analyse("Did the councillors agree to get a report back?").actor == "councillors"


def test_the_body_that_took_a_decision_is_its_actor():
    a = analyse("What decision did Cabinet take on the Outline Sufficiency Strategy after the Committee considered it?")
    assert a.answer_type == AnswerType.DECISION and a.actor == "Cabinet"
    assert analyse("What action did the Board take?").actor == "Board"


def test_a_negated_or_checking_question_asks_what_its_positive_asks():
    a = analyse("Wasn't the 2020 Sufficiency Report written by James Harman?")
    assert a.question.startswith("Was the 2020") and a.answer_type == AnswerType.YESNO
    assert analyse("Won't the Direction be lifted?").question == "will the Direction be lifted?"
    for q in ("Am I right that the committee noted the strategy?", "Isn't it true that the committee noted the strategy?",
              "The committee noted the strategy, didn't it?"):
        a = analyse(q)
        assert a.question == "Is it so that the committee noted the strategy?" or a.question.endswith(
            "committee noted the strategy?"), q
        assert a.answer_type == AnswerType.YESNO


def test_forms_of_second_language_questions():
    assert analyse("How the percent of care leavers in education changed since April 2021?").answer_type == AnswerType.TREND
    assert "percent" not in analyse("How the percent of care leavers in education changed?").terms
    assert analyse("What is name of the chairman of the committee in 2023?").answer_type == AnswerType.PERSON
    assert analyse("Sufficiency Report 2020 ask committee to send their comments to who?").answer_type == AnswerType.DECISION
    assert analyse("On what exact date did Cabinet approve the strategy?").answer_type == AnswerType.DATE
    assert "else" not in analyse("Apart from Stephanie Davis, who else authored the report?").terms


def test_paraphrases_of_claims_fold_to_the_papers_words():
    from kg.qa.synonyms import FoldingTokenizer

    tok = FoldingTokenizer()
    assert tok("a problem peculiar to Medway") [-2:] == tok("not unique to Medway")[-2:]
    assert tok("a Medway-specific issue")[:2] == tok("unique to Medway")
    assert tok("pupils") == tok("learners") and tok("places added") == tok("places additional")
    assert tok("the national average") == tok("the national")
    assert "problem" not in analyse("Was the rising age a problem peculiar to Medway?").terms
    assert analyse("What reasons social workers was giving in exit interviews?").answer_type == AnswerType.LIST


def test_where_in_a_paper_is_not_what_is_asked():
    a = analyse("What was the deficit, as stated in paragraph 10.3 of the Lead Member's report?")
    assert "paragraph" not in a.terms and "10.3" not in a.terms and "deficit" in a.terms
    assert "appendix" not in analyse("How many pupils are listed in Appendix 2?").terms


def test_a_question_about_what_is_to_come_is_not_answered_by_the_past():
    from kg.qa.tense import past_only

    q = "When is the new Short Breaks Strategy due to be published?"
    assert past_only(q, "In June 2022, the short breaks home was rated good by Ofsted.")
    assert not past_only(q, "The strategy is due to be published in the autumn.")
    assert not past_only("When was the strategy published?", "It was published in June 2022.")


def test_an_overspend_is_a_sum():
    assert analyse("How much was the children's social care overspend in 2020/21?").unit_hint == "GBP"


def test_a_bracketed_aside_opens_no_clause_and_going_live_is_launching():
    q = ("When did the Regional Adoption Agency covering Kent, Medway and Bexley (the partnership, which I understand "
         "handles adoption for all three authorities) go live?")
    a = analyse(q)
    assert a.answer_type == AnswerType.DATE and "launched" in a.terms and "live" not in a.terms


def test_a_request_after_a_preamble_is_read_as_the_question_it_asks():
    q = ("I read in the local paper that Medway still struggles to fill its jobs. Would you kindly tell me how "
         "many social work vacancies the council had at the end of June 2023?")
    a = analyse(q)
    assert a.answer_type == AnswerType.FIGURE and "kindly" not in a.terms
    assert "grateful" not in analyse("I would be grateful to know what the current turnover rate is.").terms
    assert analyse("A friend told me. I would be grateful to know what the turnover rate is.").question.endswith(
        "What is the turnover rate?")


def test_the_sentence_that_asks_is_typed_before_its_preamble():
    # "who used to foster" sets the scene; the question asks for a share
    q = ("A friend who used to foster for Medway says the council leans on outside carers. Roughly what proportion "
         "of children was Medway placing with its own in-house carers before 2022, and what has that fallen to?")
    assert analyse(q).answer_type == AnswerType.FIGURE
    assert analyse("I would like to thank the person who chaired the board. What is that chair's name?"
                   ).answer_type == AnswerType.PERSON
    assert analyse("Is that DfE adviser named anywhere, and if so who is it?").answer_type == AnswerType.PERSON


def test_after_or_before_an_event_asks_about_the_years_beside_it():
    a = analyse("When did Ofsted make its fifth monitoring visit after the 2019 inspection?")
    assert a.dates[0].start.year == 2019 and a.dates[0].end.year > 2019
    b = analyse("Before the October 2022 increase, when had social worker allowances last gone up?")
    assert b.dates[0].end.year == 2022 and b.dates[0].start.year < 2022
    assert analyse("When was the report published in 2019?").dates[0].end.year == 2019


def test_what_a_committee_did_with_an_item_is_a_decision_and_bed_and_breakfast_is_the_papers_b_and_b():
    assert analyse("what did committee do with the sufficiency strategy at the meeting").answer_type == \
        AnswerType.DECISION
    from kg.qa.synonyms import FoldingTokenizer

    tok = FoldingTokenizer()
    assert set(tok("B&Bs")) <= set(tok(" ".join(analyse("Are any living in hotels or bed and breakfasts?").terms)))


def test_informal_openers_ask_what_follows_them():
    assert analyse("do we know who medways dfe adviser is").answer_type == AnswerType.PERSON
    a = analyse("any idea how many kids are eligible for send transport in medway")
    assert a.answer_type == AnswerType.FIGURE and "idea" not in a.terms
    assert analyse("who actually chairs the board").role == "chair"
    assert analyse("What is the name of the independent chair of the Board?").role == "chair"


def test_another_board_of_the_same_kind_is_a_contrast():
    from kg.qa.names import contrasts, named_kinds

    q = "Who chairs the independent Children's Improvement Board?"
    named = named_kinds(q)
    assert contrasts(named, "The Council will relaunch the Partnership Improvement Board, chaired by the Director.", q)
    assert not contrasts(named, "The Children's Improvement Board is chaired independently.", q)
    q = "When did the Inspection of Local Authority Children's Services take place in Medway?"
    assert not contrasts(named_kinds(q), "The ILACS took place in Medway Children's Services in July 2023.", q)


def test_a_headline_question_names_its_topic_first():
    from kg.qa.names import headline_topic, named_kinds

    q = "Children's Improvement Board - who is the independent chair?"
    assert analyse(q).role == "chair" and "Children" in analyse(q).salient
    assert named_kinds(q) == [("Children's Improvement Board", "Board")]
    assert headline_topic("Old Vic assessment unit: did Cabinet approve the plan?") == "Old Vic assessment unit"
    assert headline_topic("In the October report: what was the rate?") == ""  # a lead-in, not a topic
    assert analyse("'A place called home' strategy at scrutiny, March 2023: committee's verdict?"
                   ).answer_type == AnswerType.DECISION


def test_who_are_the_three_partners_is_a_list_and_in_whose_name_a_person():
    from kg.qa.typefit import listed_noun

    q = "Medway Safeguarding Children Partnership: who are the three partners?"
    assert analyse(q).answer_type == AnswerType.LIST and listed_noun(q) == "partners"
    assert analyse("In whose name was the October 2023 report presented?").answer_type == AnswerType.PERSON
    assert analyse("Has the plan been approved, by whom, and by when?").answer_type != AnswerType.PERSON


def test_framing_of_formal_and_family_questions_is_not_asked_for():
    a = analyse("What was the magnitude of the expansion in the number of social work posts?")
    assert "magnitude" not in a.terms
    a = analyse("If my daughter had to go into care now, how likely is it she'd be placed within 20 miles?")
    assert "daughter" not in a.terms and "she'd" not in a.terms


def test_a_trailing_clause_with_its_own_date_sets_the_scene():
    a = analyse("What rating did Ofsted give Parklands at its 2021 inspection, before it was rated good in June 2022?")
    assert [d.label for d in a.dates] == ["2021"]
    assert len(analyse("What did the committee decide in March 2023 about the June 2022 report?").dates) == 2


def test_the_exact_dates_asked_are_a_date_and_carrying_out_is_not_publishing():
    from kg.qa.typefit import _other_event

    assert analyse("What were the exact dates Ofsted were in for the ILACS inspection?").answer_type == AnswerType.DATE
    text = "The ILACS took place in July 2023, published on 11th September 2023."
    assert _other_event("When did Ofsted carry out the 2023 inspection?", text, "11th September 2023")
    assert not _other_event("When did the inspection report come out?", text, "11th September 2023")


def test_what_percent_is_a_figure():
    a = analyse("what % of medways own social workers are agency staff")
    assert a.answer_type == AnswerType.FIGURE and a.unit_hint == "percent"


def test_the_asked_kind_behind_words_that_usually_ask_for_a_sum():
    assert analyse("What recommendation concerning funding for refugee children did the Committee agree?").answer_type \
        == AnswerType.DECISION
    assert analyse("Which meeting date has been set for the report on adolescents?").answer_type == AnswerType.DATE
    assert analyse("When the strategy went to committee in March, what did councillors actually do with it?").answer_type \
        == AnswerType.DECISION
    assert analyse("How has the proportion of looked-after children placed with in-house foster carers shifted "
                   "relative to the period before 2022?").answer_type == AnswerType.TREND
    a = analyse("How many pupils were deemed eligible for SEND transport?")
    assert a.predicate is None and "deemed" not in a.terms
    assert "Good" not in analyse("When did Ofsted carry out the inspection that rated the service Good?").salient
    assert analyse("What was that adviser's name?").role == "advis"


def test_the_papers_own_terms_for_a_councillor_and_inspectors():
    from kg.qa.actors import actor_decided
    from kg.qa.as_written import as_papers_write
    assert "portfolio holder for children's services" in as_papers_write("the councillor for children's services").lower()
    assert "portfolio holder for" not in as_papers_write("the councillor for Rochester West").lower()
    assert actor_decided("inspectors", "What Ofsted have said still need to improve:", None)
    assert not actor_decided("inspectors", "The Committee noted the report.", None)


def test_the_outcome_or_position_of_a_committee_is_a_decision():
    for q in ("What was the outcome when the committee considered the strategy in March 2023?",
              "What position did the Overview and Scrutiny Committee adopt towards the strategy?"):
        assert analyse(q).answer_type == AnswerType.DECISION, q
    from kg.qa.composer import _items_asked
    assert _items_asked("What two extra reports did the committee ask for?") == 2
