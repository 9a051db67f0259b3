"""Sentence splitting, figures and trimming."""

from __future__ import annotations

import pytest

from kg.qa.sentences import figures, sentences_of, split, trim


def test_clauses_keep_their_lead_in_and_abbreviations_do_not_split():
    text = "The Committee agreed:\n\na) to note the report\n\nb) that a report on workforce be presented."
    parts = split(text)
    assert "The Committee agreed: b) that a report on workforce be presented." in parts
    assert split("Mr. Smith said so. Dr. Jones agreed.") == ["Mr. Smith said so.", "Dr. Jones agreed."]


def test_section_numbers_and_years_are_not_figures():
    s = sentences_of("p", "4.6 The turnover rate is 16.9%, compared to 22.5% in 2019.")[0]
    assert s.text.startswith("The turnover")
    assert s.numbers == ("16.9%", "22.5%") and s.years == {2019} and s.has_comparison
    assert figures("c£7million added for 2020/21") == ("c£7million",)


def test_table_rows_carry_their_header():
    rows = split("Type | 31 March 2024 | 30 September 2024\nTotal | 438 | 451")
    assert rows[1] == "Type | 31 March 2024 | 30 September 2024 — Total | 438 | 451"


def test_trim_keeps_the_clause_with_the_figure():
    long = ", ".join(f"clause number {i} about nothing" for i in range(30)) + ", and the total was 451 children"
    cut = trim(long, 120, ("451",))
    assert "451" in cut and len(cut) <= 120


def test_numbered_themes_and_cohorts_are_references_not_figures():
    assert figures("The strategy sets out its aims, including a good start (theme 1) and health (theme 4).") == ()
    assert figures("4 students joined the Step Up programme (Cohort 8).") == ("4",)


def test_references_are_not_figures():
    from kg.qa.sentences import figures

    assert figures("Table 1 shows where children in care were living at 30 September 2024") == ()
    assert figures("See paragraph 4.6 and Appendix 2: 118 households, 2 new schools") == ("118", "2")


def test_how_many_counts_irregular_plurals_and_stops_at_the_verb():
    from kg.qa.counting import counted_noun, singular

    assert counted_noun("How many children were adopted from care?") == "children"
    assert counted_noun("How many Education, Health and Care Plans did the council maintain?") == "plans"
    assert counted_noun("How many people attended?") == "people"
    assert counted_noun("How many new places did the provisions create?") == "places"
    assert counted_noun("How many social work posts were vacant in June?") == "vacancies"
    assert (singular("children"), singular("places"), singular("classes")) == ("child", "place", "class")


def _sentence(text: str):
    from kg.qa.sentences import sentences_of

    return sentences_of("p", text)[0]


def test_a_post_answers_which_officer_but_not_who_holds_a_post():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    s = _sentence("The Head of Children's Services Commissioning introduced the report.")
    assert type_fit(analyse("Which officer introduced the sufficiency item?"), s, set()) == 0.8
    assert type_fit(analyse("Who is the Head of Provider Services?"), s, set()) == 0.1
    named = _sentence("Councillor Mrs Josie Iles introduced the report.")
    assert type_fit(analyse("Who introduced the report?"), named, set()) == 1.0


def test_a_rating_question_needs_a_grade():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("What rating did Ofsted give the home at its 2021 inspection?")
    assert type_fit(a, _sentence("Ofsted judged the home to be Good in all areas."), set()) == 1.0
    assert type_fit(a, _sentence("Ofsted recognised the hard work of staff since the inspection in 2021."), set()) == 0.1
    assert type_fit(a, _sentence("Good progress has been made since 2021."), set()) == 0.1


def test_how_many_decisions_a_question_asks_for():
    from kg.qa.composer import _items_asked

    assert _items_asked("Which two reports did the Committee ask to receive?") == 2
    assert _items_asked("Which further reports did members agree should come back?") == 3
    assert _items_asked("What did the Committee agree about the strategy?") == 1


def test_counts_written_as_words_are_figures_of_what_they_count():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit
    from kg.qa.sentences import figures

    assert figures("the regulations allowed for four children to be placed together") == ("four",)
    assert figures("one of the reports") == ()
    a = analyse("How many children may a foster carer look after together?")
    assert type_fit(a, _sentence("The regulations allowed for four children to be placed together."), set()) == 1.0
    assert type_fit(a, _sentence("There was no shortage of children's homes four years ago."), set()) == 0.3
    who = analyse("Who introduced the item at the committee?")
    assert type_fit(who, _sentence("The Director of People introduced the item."), set()) == 0.8


def test_a_count_word_before_its_verb_and_a_duration_for_how_long():
    from kg.qa.analysis import analyse
    from kg.qa.counting import counted_noun
    from kg.qa.typefit import type_fit
    from kg.qa.sentences import figures

    assert figures("Of the 44 actions listed, eight are around the need for data.") == ("44", "eight")
    q = "Of the 44 actions in the strategy, how many relate to the need for better data?"
    assert counted_noun(q) == "actions"
    assert type_fit(analyse(q), _sentence("Of the 44 actions listed, eight are around the need for data."), {"44"}) == 1.0
    ago = analyse("There was no shortage then - how long ago was that?")
    assert type_fit(ago, _sentence("There was no shortage of placements four years ago."), set()) == 1.0
    assert type_fit(ago, _sentence("There was no shortage of placements at the time."), set()) == 0.3
    assert figures("Meetings will last three hours, two hours of which are for the theme.") == ("three", "two")


def test_a_name_followed_by_a_dash_is_a_person_only_before_a_post():
    assert _sentence("James Harman - Head of Children's Services Commissioning").has_person
    assert not _sentence("Appendix 2: Sufficiency Strategy – A Place to Call Home").has_person


def test_synonyms_fold_to_one_stem_and_phrases_to_a_word():
    from kg.qa.synonyms import FoldingTokenizer

    tokenize = FoldingTokenizer()
    assert tokenize("presented") == tokenize("introduced")
    assert tokenize("kids") == tokenize("children")
    assert tokenize("97 conferences took place") == tokenize("97 conferences held")
    assert tokenize("in person visits") == tokenize("face-to-face visits")
    assert tokenize("brothers and sisters") == tokenize("siblings")
    assert tokenize("youngsters") == tokenize("children") and tokenize("verdict") == tokenize("judgement")
    assert tokenize("hourly rate") == tokenize("hour rate") and tokenize("deal") == tokenize("memorandum")
    assert tokenize("resolution") == tokenize("decision") and tokenize("enough") == tokenize("sufficiency")
    assert tokenize("library") == ["librari"] and tokenize("presented") != tokenize("library")
    assert "children" in tokenize.variants("kids") and tokenize.variants("library") == ("library",)


def test_what_a_body_recorded_answers_what_it_decided_before_what_it_was_asked():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    decided = analyse("What did the scrutiny committee decide about the strategy?")
    assert type_fit(decided, _sentence("The Committee noted the Sufficiency Strategy 2023-2025."), set()) == 1.0
    # (what it was asked to do is not what it decided: a report before a meeting cannot record it)
    assert type_fit(decided, _sentence("The Committee is asked to note the report."), set()) == 0.1
    assert type_fit(decided, _sentence("Last year's report recommended a long-term strategy."), set()) == 0.1
    asked = analyse("What was the committee asked to do with the report?")
    assert type_fit(asked, _sentence("The Committee is asked to note the report."), set()) == 1.0


def test_a_post_answers_who_was_given_authority():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    s = _sentence("The Committee is asked to delegate authority for the work programme to the Director of People.")
    assert type_fit(analyse("Who was to be given delegated authority to draw up the work programme?"), s, set()) == 0.8
    assert type_fit(analyse("Who chairs the Committee?"), _sentence("The Chairman opened the meeting."), set()) == 0.1


def test_what_a_question_rules_out():
    from kg.qa.analysis import analyse

    assert analyse("Besides noting the update in October 2023, which two subjects did members ask about?").excluded == ("noting",)
    assert analyse("Apart from a workforce report, what other report did the committee ask to see?").excluded == ("workforce",)
    assert analyse("What did the committee ask to see?").excluded == ()


def test_an_any_question_is_answered_by_how_many_and_its_polarity_may_carry_it():
    from kg.qa import calibration
    from kg.qa.analysis import analyse
    from kg.qa.composer import Context, Scored
    from kg.qa.typefit import type_fit

    a = analyse("Are any of the young people in unregulated provision living in hotels or B&Bs?")
    assert a.answer_type.name == "YESNO"
    none = _sentence("All of these young people are placed in supported accommodation; none are resident in hotels or B&Bs.")
    assert type_fit(a, none, set()) == 1.0
    assert type_fit(a, _sentence("Supported accommodation is used for older young people."), set()) == 0.6
    context = Context("p", none.text, "", 1.0, 0.0, 0)

    def conf(sentence, cov, ctx):
        return calibration.confidence(a, Scored(sentence, context, 0.6, cov, ctx, 1.0, 0.5, ()), calibration.Gaps())

    assert conf(none, 0.5, 0.9) == 0.6  # the paragraph carries the claim, the sentence its polarity
    bid = _sentence("A bid to the DfE was submitted in September.")
    assert conf(bid, 0.5, 0.9) == 0.3  # no polarity: the sentence must carry the claim itself
    assert conf(bid, 0.65, 0.85) == 0.6  # … or most of it, with its paragraph carrying the rest
    assert conf(bid, 0.65, 0.7) == 0.3
    ended = calibration.Gaps(claim_end_unstated=True)  # "… successful?": the claim's crux is not stated
    assert calibration.confidence(a, Scored(bid, context, 0.6, 0.65, 0.85, 1.0, 0.5, ()), ended) == 0.3


def test_more_or_fewer_is_a_trend_and_months_are_dates_not_names():
    from kg.qa.analysis import analyse

    assert analyse("Is Medway placing more or fewer children with its own foster carers than before 2022?").answer_type.name == "TREND"
    assert analyse("Are more care leavers in work than a couple of years ago?").answer_type.name == "TREND"
    assert analyse("Were any young people in hotels in August 2023?").salient == ()


def _ranked(a, paragraph: str):
    from kg.qa.composer import Context, Scored
    from kg.qa.typefit import type_fit
    from kg.qa.sentences import sentences_of

    context = Context("p", paragraph, "", 1.0, 0.0, 0)
    return [Scored(s, context, 0.5, 0.5, 0.5, type_fit(a, s, set()), 0.5, ()) for s in sentences_of("p", paragraph)]


def test_a_list_lead_in_answers_with_its_items():
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("What areas did the inspectors say still need to improve?")
    assert a.answer_type.name == "LIST"
    ranked = _ranked(a, "What inspectors said still needs to improve:\n\nThe quality of plans for disabled children.\n\n"
                        "The consistency of management oversight.")
    lead = next(r for r in ranked if r.sentence.text.endswith(":"))
    assert lead.type_fit == 1.0
    text, used = compose(a, lead, ranked)
    assert "disabled children" in text and "management oversight" in text and used == ["p"]


def test_a_list_answer_adds_the_sentence_that_enumerates():
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("What reasons have staff given in exit interviews?")
    ranked = _ranked(a, "Exit interviews are offered to all staff. The main factors in leaving include pay, career "
                        "progression, workload and hours. Stay interviews also take place.")
    text, _ = compose(a, ranked[0], ranked)
    assert "pay, career progression" in text and "Stay interviews" not in text


def test_listed_items_come_from_the_headings_below():
    from kg.qa.composer import ENUMERATES_BELOW
    from kg.qa.typefit import listed_noun

    assert listed_noun("What are the four main themes of the strategy?") == "themes"
    assert listed_noun("Which organisations are the three statutory safeguarding partners?") == "partners"
    m = ENUMERATES_BELOW.search("There are 4 key themes of the strategy, listed below, with areas of development.")
    assert m and m.group(1) == "themes"


def test_how_many_counts_the_first_plural_and_a_count_after_its_noun_fits():
    from kg.qa.analysis import analyse
    from kg.qa.counting import counted_noun
    from kg.qa.typefit import type_fit

    assert counted_noun("How many pupils qualify for SEND school transport?") == "pupils"
    assert counted_noun("How many social worker jobs were filled?") == "jobs"
    assert counted_noun("How many social worker jobs were unfilled?") == "vacancies"
    a = analyse("How many family group conferences actually took place?")
    held = _sentence("The service received 141 referrals for family group conferences and 97 were held.")
    assert type_fit(a, held, set()) == 1.0


def test_the_overall_grade_does_not_answer_for_one_area():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    area = analyse("What grade did Ofsted give for children who need help and protection?")
    overall = _sentence("The re-inspection graded the service as 'Good' overall.")
    row = _sentence("The experiences and progress of children who need help and protection: **Requires Improvement**")
    assert type_fit(area, row, set()) == 1.0 and type_fit(area, overall, set()) == 0.5
    assert type_fit(analyse("What overall grade did Ofsted give?"), overall, set()) == 1.0


def test_a_sentence_naming_another_of_the_kind_asked_contrasts():
    from kg.qa.names import contrasts, named_kinds

    named = named_kinds("When was the application to register Eden House with Ofsted due?")
    assert contrasts(named, "A second provision (Anchor House) is due to be launched by September.")
    assert not contrasts(named, "Ofsted registration for Eden House is due in November.")
    assert not contrasts(named, "Ofsted registration is due to be submitted in November.")
    services = named_kinds("When did Ofsted inspect Medway Children's Services?")
    assert not contrasts(services, "The ILACS took place in Medway Children\u2019s Services in July.")


def test_noting_opens_a_resolution_whose_other_clauses_follow():
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("What did the Committee decide on the annual report?")
    ranked = _ranked(a, "The Committee agreed:\n\na) to note the annual report;\n\nb) that a briefing for all Members be "
                        "arranged before 31 March 2025;\n\nc) to request a further report in the new year.")
    noting = next(r for r in ranked if "to note" in r.sentence.text)
    text, _ = compose(a, noting, ranked)
    assert text.startswith("The Committee agreed: a) to note") and "briefing" in text and "further report" in text


def test_each_value_of_a_long_trend_keeps_its_clause():
    from kg.qa.analysis import analyse
    from kg.qa.composer import MAX_ANSWER, compose

    a = analyse("How has the number of children in care changed between March 2023 and October 2024?")
    first = ("This is a rate of 74 per 10,000 children aged 0-17, compared to 72 per 10,000 (438 children) at 31 March "
             "2024 and 68 per 10,000 (412 children) at 31 March 2023, which is the highest the borough has seen.")
    second = ("Numbers of children in care – in response to a question on whether the rise had continued since the "
              "report was written, the Assistant Director said that the number of children had risen to 457 as at "
              "31 October 2024.")
    ranked = _ranked(a, first) + _ranked(a, second)
    text, _ = compose(a, ranked[0], ranked)
    assert "412" in text and "457" in text and len(text) <= MAX_ANSWER


def test_a_table_row_answers_with_the_cell_of_the_column_asked():
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("What risk rating is given to recruitment and retention in the risk register?")
    ranked = _ranked(a, "Risk | Description | Risk rating\nRecruitment & retention | Vacancies remain unfilled | BII")
    row = next(r for r in ranked if "BII" in r.sentence.text)
    text, _ = compose(a, row, ranked)
    assert text == "Recruitment & retention \u2014 Risk rating: BII"


def test_start_is_a_clock_time_only_for_meetings_and_counted_lists():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import listed_noun, type_fit

    programme = analyse("When does the Step Up to Social Work programme start?")
    assert type_fit(programme, _sentence("This programme will commence in January 2024."), set()) >= 0.8
    meeting = analyse("What time did the meeting start?")
    assert type_fit(meeting, _sentence("This programme will commence in January 2024."), set()) == 0.1
    assert listed_noun("Which three safeguarding partners make up the partnership?") == "partners"


def test_an_any_question_adds_the_next_sentence_that_says_none():
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("Did Ofsted find any child at risk of harm at its monitoring visit?")
    ranked = _ranked(a, "Ofsted carried out a monitoring visit in September 2022 and recognised progress. "
                        "They found no child at risk of harm. Staff turnover remains a challenge.")
    text, _ = compose(a, ranked[0], ranked)
    assert "no child at risk" in text and "turnover" not in text


def test_which_three_is_answered_by_a_sentence_that_counts_three():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("Which three organisations make up the safeguarding partnership?")
    counted = _sentence("Medway Council, Kent Police and NHS Kent are the three safeguarding partners of the MSCP.")
    lead_in = _sentence("Local organisations work together in a system where:")
    assert type_fit(a, counted, set()) == 1.0 and type_fit(a, lead_in, set()) == 0.5


def test_a_unit_after_its_number_is_expanded_and_framing_is_not_subject():
    from kg.qa.acronyms import expansions
    from kg.qa.analysis import analyse

    assert "full time equivalent" in expansions("The overall establishment is 589.14fte.", {})
    assert "moment" not in analyse("How many young people are supported at the moment?").terms
    assert "mentioned" not in analyse("What is the name of the adviser mentioned in the report?").terms


def test_list_the_themes_names_what_is_listed():
    from kg.qa.typefit import listed_noun
    from kg.qa.synonyms import FoldingTokenizer

    assert listed_noun("List the four key themes of the sufficiency strategy.") == "themes"
    assert FoldingTokenizer()("teenagers") == FoldingTokenizer()("adolescents")


def test_a_counted_list_needs_its_count():
    from kg.qa.analysis import analyse
    from kg.qa.composer import asked_count
    from kg.qa.typefit import type_fit

    a = analyse("What are the four areas Ofsted said still need to improve?")
    assert asked_count(a.question) == 4 and asked_count("What areas need to improve?") is None
    two = _sentence("The report covers two priority areas of work: workforce and sufficiency.")
    assert type_fit(a, two, set()) == 0.5  # areas, but not four of them
    named = analyse("Name the three statutory safeguarding partners.")
    assert type_fit(named, _sentence("The statutory partners meet every month."), set()) == 0.5


def test_a_figure_of_another_thing_or_another_period_is_weak():
    from kg.qa.analysis import analyse
    from kg.qa.datefit import date_fit
    from kg.qa.typefit import type_fit
    from kg.qa.dates import find_spans

    # The figures count libraries, not the visits asked about.
    counts = analyse("How many library visits were recorded in 2019?")
    other = _sentence("12 libraries out of 15 did not record any visits at all.")
    assert type_fit(counts, other, set()) == 0.3
    assert type_fit(counts, _sentence("There were 3,400 visits recorded in 2019."), set()) == 1.0
    plans = _sentence("Since April 2022, 26 children's adoption plans were agreed.")
    assert type_fit(analyse("How many children were on protection plans in 2022?"), plans, set()) == 0.3
    placed = _sentence("About 26 children had been placed out of a possible 63.")
    assert type_fit(analyse("How much money does the government give for each child placed?"), placed, set()) == 0.1
    recruited = _sentence("Since 2020, 39 newly qualified workers have been recruited.")
    assert type_fit(analyse("What starting salary does the council offer a newly qualified worker?"), recruited, set()) == 0.1
    # "What is the average X" asks for X: a figure of something else is weak.
    average = analyse("What is the average waiting time for a housing assessment?")
    assert average.answer_type.name == "FIGURE"
    assert type_fit(average, _sentence("The service employs 40 assessors across 3 teams."), set()) <= 0.5
    assert type_fit(average, _sentence("The average waiting time was 14 days."), set()) == 0.8
    # An amount added is not the total asked about, but it answers how much was added.
    added = _sentence("A further £2million was added to the highways budget for 2024/25.")
    assert type_fit(analyse("What is the total highways budget for 2024/25?"), added, set()) == 0.1
    assert type_fit(analyse("How much extra was put into the highways budget for 2024/25?"), added, set()) > 0.1
    # A period named only as the baseline of a comparison does not date the figure.
    baseline = _sentence("Since April 2023 there have been 40 appeals, fewer than in 2021-22.")
    asked = analyse("How many appeals were lodged in 2021-22?")
    assert date_fit(asked, baseline, find_spans(baseline.text)) == 0.0
    assert date_fit(analyse("How many appeals have there been since April 2023?"), baseline,
                    find_spans(baseline.text)) > 0.0


def test_a_yes_no_answer_keeps_the_qualification_that_follows():
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("Does the borough have any children serving a custodial sentence?")
    ranked = _ranked(a, "There are currently no children sentenced to custody. However, five children have been "
                        "remanded this year. The service also runs a mentoring scheme.")
    text, _ = compose(a, ranked[0], ranked)
    assert "remanded" in text and "mentoring" not in text
    plain = _ranked(a, "There are currently no children sentenced to custody. The service runs a mentoring scheme.")
    assert "mentoring" not in compose(a, plain[0], plain)[0]


def test_by_what_percentage_is_answered_by_a_change_in_per_cent():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("By what percentage have caseloads in the youth team risen since the pandemic?")
    assert a.answer_type.name == "TREND"
    share = type_fit(a, _sentence("Caseloads in the youth team have increased by 25% post pandemic."), set())
    counts = type_fit(a, _sentence("Caseloads in the youth team have increased to 70 post pandemic."), set())
    assert share == 1.0 and counts < share


def test_a_count_of_another_noun_after_adjectives_or_of_years_does_not_count_what_is_asked():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("How many children did the social work teams support last year?")
    workers = _sentence("The report identifies 100,654 registered social workers in England.")
    years = _sentence("The number of registered workers has increased over each of the last 3 years.")
    own = _sentence("The teams supported 1,700 children last year.")
    assert type_fit(a, workers, set()) == 0.3 and type_fit(a, years, set()) == 0.3
    assert type_fit(a, own, set()) == 1.0


def test_a_date_before_the_one_a_question_asks_after_does_not_answer():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("What is the date of the committee's next meeting after the October 2023 meeting?")
    assert type_fit(a, _sentence("At the 2 March 2023 meeting the Committee adopted a hybrid model."), set()) < 0.5
    assert type_fit(a, _sentence("The Committee will next meet on 11 January 2024."), set()) == 1.0


def test_a_day_another_event_fell_on_does_not_date_what_is_asked():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("When did the 2023 inspection take place?")
    published = _sentence("The inspection took place in July 2023 and the report was published on 11 September 2023.")
    days = _sentence("The inspection took place from 17 to 28 July 2023 and was published on 11 September 2023.")
    assert type_fit(a, published, set()) == 0.8 and type_fit(a, days, set()) == 1.0
    asked = analyse("When was the inspection report published?")
    assert type_fit(asked, published, set()) == 1.0


def test_a_lead_in_to_a_table_answers_a_counted_list_and_keywords_name_the_list():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import listed_noun, type_fit

    a = analyse("Which three risks were listed in the risk table of the 2020 report?")
    lead = _sentence("The following represent the key risks to the council's ability to deliver.")
    assert type_fit(a, lead, set()) == 0.9
    assert listed_noun("4 key themes of the sufficiency strategy") == "themes"
    assert listed_noun("key risks listed in the 2020 report") == "risks"
    assert listed_noun("Who chairs the board?") is None


def test_each_or_average_asks_for_a_ratio_and_a_grant_for_a_sum():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("How many young people does each personal adviser have on their caseload?")
    assert type_fit(a, _sentence("A total of 37 permanent social workers joined the service this year."), set()) == 0.1
    assert type_fit(a, _sentence("Each personal adviser has a caseload of 22 young people."), set()) > 0.5
    # "per" naming a paper is not a ratio
    b = analyse("How many young people are supported by the leaving care service per the lead member's report?")
    assert type_fit(b, _sentence("The leaving care service supports 181 young people."), set()) > 0.5
    grant = analyse("How much is the setting-up-home grant for care leavers?")
    assert grant.unit_hint == "GBP"
    assert type_fit(grant, _sentence("There have been 21 Adoption Orders granted this year."), set()) <= 0.1


def test_who_is_the_holder_asks_for_a_name_even_when_they_gave_a_report():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    post_only = _sentence("This annual report sets out the role of the Lead Member and the Director of Children's Services.")
    holder = analyse("Who is the councillor in charge of children's services who gave the annual report in March 2023?")
    presenter = analyse("Which officer gave the annual report in March 2023?")
    assert type_fit(holder, post_only, set()) == 0.1 and type_fit(presenter, post_only, set()) == 0.8


def test_an_any_question_is_led_by_the_sentence_that_names_what_is_asked():
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("As of August 2023, were any of the young people placed in unregulated provision living in B&Bs?")
    ranked = _ranked(a, "As of August 2023, the council had 16 young people placed in unregulated provision. "
                        "Ofsted was notified of every placement. Work is under way to move them. "
                        "All of them are placed in supported accommodation; none are resident in hotels or B&Bs.")
    text, _ = compose(a, ranked[0], ranked)
    assert text.startswith("All of them are placed in supported accommodation; none are resident")


def test_a_value_or_an_amount_spent_is_a_sum():
    from kg.qa.analysis import analyse

    for q in ("What is the annual contract value of the transport contracts?",
              "What was the total amount spent on the project teams in 2022/23?"):
        a = analyse(q)
        assert a.answer_type.name == "FIGURE" and a.unit_hint == "GBP", q


def test_what_key_risks_were_listed_is_a_list_and_a_scene_is_not_a_keyword_query():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import listed_noun
    from kg.qa.extend import _WHAT_PLURAL

    q = "What key risks to delivering the sufficiency duty were listed in the risk table of the 2020 report?"
    assert analyse(q).answer_type.name == "LIST" and _WHAT_PLURAL.search(q).group(1) == "risks"
    assert listed_noun("sufficiency report 2020 key risks to delivering the duty") == "risks"
    assert listed_noun("In the 2023 ILACS, which judgement area was graded Requires Improvement?") is None


def test_who_will_chair_is_answered_by_a_post_and_a_verb_is_not_a_kind():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit
    from kg.qa.names import other_kind

    a = analyse("After the inspection, what is the council proposing to do with the Improvement Board, and who will chair it?")
    chaired = _sentence("The Council is proposing to relaunch the Improvement Board, chaired by the Director of People.")
    assert type_fit(a, chaired, set()) == 0.8
    assert not other_kind("What CPI figure does the update cite when discussing placement costs?",
                          "Despite CPI at 10.7%, the costs of residential placements fell.")


@pytest.mark.parametrize("question, paragraph, wanted, unwanted", [
    # two "when" questions in one get both dates
    ("When did the Council increase the allowance, and when had allowances last been increased before that?",
     "The Council increased the allowance in October 2022. The last increase was April 2018. Recruitment remains hard.",
     ("October 2022", "April 2018"), "Recruitment"),
    # a second question joined by "and" brings the sentence of the paragraph that answers it
    ("How many professionals were trained last year, and how many of those were Children's Services staff?",
     "In the last year, 307 professionals were trained to use the tool. This includes 140 staff within Children's "
     "Services. The tool is widely praised.", ("307", "140"), "praised"),
    ("How many professionals were trained last year?",
     "In the last year, 307 professionals were trained to use the tool. This includes 140 staff within Children's "
     "Services. The tool is widely praised.", ("307",), "140"),
])
def test_two_questions_in_one_get_both_answers(question, paragraph, wanted, unwanted):
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse(question)
    ranked = _ranked(a, paragraph)
    text, _ = compose(a, ranked[0], ranked)
    assert all(w in text for w in wanted) and unwanted not in text


def test_a_yes_no_answer_takes_the_later_sentence_that_states_the_distinctive_word():
    from kg.qa.analysis import analyse
    from kg.qa.extend import rare_word_after
    from kg.qa.synonyms import FoldingTokenizer

    tokenize = FoldingTokenizer()
    stems = lambda text: set(tokenize(text))  # noqa: E731
    a = analyse("Do staff still see children placed out of the area in person?")
    ranked = _ranked(a, "There is a robust process of oversight for children placed outside the area. "
                        "These placements occur for several reasons. "
                        "The oversight was extensive with a high level of face-to-face visits.")
    best = ranked[0]
    text = rare_word_after(best, ranked, {"face"}, stems, best.sentence.text)
    assert text.startswith("There is a robust process") and text.endswith("face-to-face visits.")
    # nothing is added when the answer already states it, or no later sentence does
    assert rare_word_after(best, ranked, {"oversight"}, stems, best.sentence.text) == best.sentence.text
    assert rare_word_after(best, ranked, {"hotel"}, stems, best.sentence.text) == best.sentence.text


def test_a_count_pointing_back_is_read_with_the_sentence_it_points_to():
    from kg.qa.analysis import analyse
    from kg.qa.gaps import _with_antecedent

    a = analyse("How many children were in care by November 2020?")
    ranked = _ranked(a, "As of 31 August 2020 there were 468 children in care. "
                        "At November 2020 that has been brought down to 451 children.")
    later = next(r for r in ranked if "451" in r.sentence.text)
    assert _with_antecedent(later).startswith("As of 31 August 2020") and "451" in _with_antecedent(later)
    first = next(r for r in ranked if "468" in r.sentence.text)
    assert _with_antecedent(first) == first.sentence.text


def test_a_date_and_a_time_asked_together_come_from_their_two_lines():
    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("What date and what time was the meeting?")
    ranked = _ranked(a, "Date: 2 March 2023\n\nTime: 6.30pm\n\nVenue: Council Chamber")
    best = next(r for r in ranked if "6.30" in r.sentence.text)
    text, _ = compose(a, best, ranked)
    assert "2 March 2023" in text and "6.30pm" in text and "Chamber" not in text
    text, _ = compose(analyse("What time was the meeting?"), best, ranked)
    assert "2 March" not in text


def test_a_national_figure_is_asked_only_by_a_national_measure():
    from kg.qa.gaps import _NATIONAL

    assert _NATIONAL.search("What was the national average turnover rate for social workers?")
    assert _NATIONAL.search("How does the rate compare nationally?")
    assert not _NATIONAL.search("When did the national body that supports councils run its sessions?")
    assert not _NATIONAL.search("How many children came through the National Transfer Scheme?")


def test_who_is_proposed_to_chair_is_answered_by_a_post():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    chaired = _sentence("The Council is proposing to relaunch the Improvement Board, chaired by the Director of People.")
    assert type_fit(analyse("Who was proposed to chair the relaunched Improvement Board?"), chaired, set()) >= 0.8


def test_a_date_asked_of_a_report_on_a_topic_needs_the_topic_near():
    from kg.qa.gaps import _REPORT_ON

    q = "On what date is the report on the offer for adolescents scheduled to be presented to the Committee?"
    assert _REPORT_ON.search(q).group(1) == "offer for adolescents"
    assert _REPORT_ON.search("When will the report on workforce come back to the committee?").group(1) == "workforce"
    assert _REPORT_ON.search("When was the meeting held?") is None


def test_which_provider_is_answered_only_by_a_sentence_naming_one():
    from kg.qa.gaps import _DATED_THING, _names_none

    q = "Which provider held the residential contract at Eden House that the council ended?"
    assert _names_none(q, "I have overseen the ending of the contract for residential provision at Eden House.")
    assert not _names_none(q, "The contract with Horizon Care at Eden House was ended.")
    assert not _names_none("Who ran the scheme?", "The scheme was run by the council.")
    m = _DATED_THING.search("On what date is the engagement event for short break providers scheduled?")
    assert m.group(1) == "engagement event"


def test_a_post_not_named_in_the_question_is_a_weak_answer_to_who():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    s = _sentence("Alongside the Chief Nurse of the NHS Integrated Care Board, I chair the SEND Improvement Board.")
    assert type_fit(analyse("Who co-chairs the SEND Improvement Board with the Portfolio Holder?"), s, set()) == 0.5
    assert type_fit(analyse("Who is the Chief Nurse of the Integrated Care Board?"), s, set()) == 0.1


def test_a_list_is_named_better_than_counted_unless_the_question_counts():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    counted = _sentence("The Board meets bi-monthly with two sub-groups reporting into it.")
    named = _sentence("The two sub-groups are Health of Our Children in Care, and the Care Leavers Group.")
    a = analyse("What are the sub-groups that report into the Corporate Parenting Board?")
    assert type_fit(a, named, set()) == 1.0 and type_fit(a, counted, set()) == 0.8
    assert type_fit(analyse("What are the two sub-groups of the Board?"), counted, set()) == 1.0


def test_out_of_how_many_is_answered_by_a_figure_out_of_another():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("How many UASC had Medway taken under the scheme, and out of how many possible places?")
    pair = _sentence("Approximately 26 children had been placed out of a possible 63 under the scheme.")
    single = _sentence("There are 19 in placement currently.")
    assert type_fit(a, pair, set()) == 1.0 and type_fit(a, single, set()) < 1.0


def test_a_list_of_amounts_needs_figures():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("What are the per-pupil top-up amounts for each band in the new funding matrix?")
    assert type_fit(a, _sentence("A funding matrix will ensure fair top-up funding for all schools."), set()) == 0.1
    assert type_fit(a, _sentence("Band A is £2,000 and band B £4,500 per pupil."), set()) > 0.1


def test_an_item_that_matched_by_its_lead_in_answers_with_the_other_items():
    from dataclasses import replace

    from kg.qa.analysis import analyse
    from kg.qa.composer import compose

    a = analyse("What did the inspectors say still needs to improve?")
    assert a.answer_type.name == "TEXT"
    ranked = [r for r in _ranked(a, "What inspectors said still needs to improve:\n\nThe quality of plans for disabled "
                                    "children.\n\nThe consistency of management oversight.")
              if not r.sentence.text.endswith(":")]
    first = replace(ranked[0], coverage=0.0, context_coverage=0.7)
    text, _ = compose(a, first, ranked)
    assert "disabled children" in text and "management oversight" in text
    own = replace(ranked[0], coverage=0.6, context_coverage=0.7)  # an item asked about by its own words
    assert compose(a, own, ranked)[0] == "The quality of plans for disabled children."


def test_an_exact_date_is_not_answered_by_a_season():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    season = _sentence("The strategy was approved by Cabinet in spring 2023.")
    assert type_fit(analyse("On what exact date did Cabinet approve the strategy?"), season, set()) == 0.1
    assert type_fit(analyse("When did Cabinet approve the strategy?"), season, set()) == 0.6


def test_a_percentage_asked_is_not_answered_by_a_count():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("What percentage of the social work workforce were agency staff in June 2023?")
    assert type_fit(a, _sentence("Locum capacity almost doubled to 84 posts in total as at June 2023."), set()) == 0.1
    assert type_fit(a, _sentence("Agency staff were 31% of the workforce in June 2023."), set()) > 0.5
    # "what share" may be answered in other terms than per cent, but not by a bare count
    share = analyse("What share of the places were filled in June 2023?")
    assert type_fit(share, _sentence("In June 2023, 84 out of 100 places were filled."), set()) > 0.1
    assert type_fit(share, _sentence("Of the places, 84 were filled in June 2023."), set()) == 0.1


def test_what_a_body_decided_is_not_what_it_was_asked_or_what_someone_agreed():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("What did the committee decide when it discussed the report at its January 2021 meeting?")
    asked = _sentence("The Committee is asked to consider the report and refer any comments to the Cabinet.")
    assert type_fit(a, asked, set()) < 0.5
    assert type_fit(analyse("What was the committee asked to do with the report?"), asked, set()) == 1.0
    b = analyse("What resolution did the Committee adopt at its March 2023 meeting?")
    assert type_fit(b, _sentence("This funding was only agreed to the end of March 2023."), set()) == 0.5
    assert type_fit(b, _sentence("The Committee noted the report."), set()) == 1.0


def test_a_rate_is_a_share_a_price_or_so_many_per_something():
    from kg.qa.analysis import analyse
    from kg.qa.typefit import type_fit

    a = analyse("What was the overall attendance rate in Medway primary schools in 2022-23?")
    assert type_fit(a, _sentence("We have opened 2 new satellite provisions at two primary schools in 2022-23."), set()) == 0.3
    assert type_fit(a, _sentence("Attendance in primary schools was 94.1% in 2022-23."), set()) > 0.5
    hourly = analyse("What is the hourly rate for agency social workers?")
    assert type_fit(hourly, _sentence("Agency social workers cost £38 an hour."), set()) > 0.5
