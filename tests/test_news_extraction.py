"""Extraction on news we wrote ourselves about similar legal, medical and
regulatory stories: the rules must not depend on the seed articles.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from loaders.documents import read_document
from loaders.extract import extract_document
from loaders.records import EventStatus, Precision

NEWS = Path(__file__).resolve().parent / "fixtures" / "news"


@pytest.fixture(scope="module")
def news():
    return {p.stem: extract_document(read_document(p)) for p in sorted(NEWS.iterdir())}


def found(extraction, event_type, person=None):
    actors = {a.id: a.name for a in extraction.extracted.actors}
    events = []
    for event in extraction.extracted.events:
        names = {actors[p.actor_id] for p in event.participants}
        if event.type == event_type and (person is None or person in names):
            events.append((event, {(actors[p.actor_id], p.role) for p in event.participants}))
    return events


def test_a_sentencing_on_a_weekday_is_dated_and_its_judge_named(news):
    (event, roles), = found(news["sentencing"], "SENTENCING", "Salvador Plasencia")
    assert ("Sherilyn Peace Garnett", "JUDGE") in roles and ("Salvador Plasencia", "DEFENDANT") in roles
    # The lede names no one ("A California doctor ... was sentenced on Tuesday"); the
    # next sentence names him, so the lede's date is his.
    assert (event.date.start, event.date.end) == (date(2024, 12, 3), date(2024, 12, 3))


def test_pleas_take_the_month_before_publication(news):
    (plea, _), = found(news["sentencing"], "PLEA", "Salvador Plasencia")
    assert (plea.date.start, plea.date.end) == (date(2024, 7, 1), date(2024, 7, 31))
    (plea, _), = found(news["sentencing"], "PLEA", "Kenneth Iwamasa")
    assert (plea.date.start, plea.date.end) == (date(2024, 8, 1), date(2024, 8, 31))


def test_future_sentencings_are_scheduled_or_expected_with_their_dates(news):
    (sangha, _), = found(news["sentencing"], "SENTENCING", "Jasveen Sangha")
    assert sangha.status == EventStatus.SCHEDULED and sangha.date.precision == Precision.YEAR and sangha.date.start.year == 2025
    (chavez, _), = found(news["sentencing"], "SENTENCING", "Mark Chavez")
    assert chavez.status == EventStatus.EXPECTED and (chavez.date.start, chavez.date.end) == (date(2025, 4, 1), date(2025, 4, 30))


def test_selling_drugs_is_a_supply_not_an_administration_and_prosecutors_say_so(news):
    (supply, roles), = found(news["sentencing"], "DRUG_SUPPLY", "Kenneth Iwamasa")
    assert ("Salvador Plasencia", "SUPPLIER") in roles and ("Kenneth Iwamasa", "BUYER") in roles
    assert supply.status == EventStatus.ALLEGED
    assert (supply.date.start, supply.date.end) == (date(2023, 9, 1), date(2023, 10, 31))  # "in September and October 2023"


def test_an_arrest_told_first_of_an_unnamed_pharmacist_keeps_its_weekday(news):
    (arrest, roles), = found(news["arrest"], "ARREST", "David Moore")
    assert (arrest.date.start, arrest.date.end) == (date(2024, 3, 13), date(2024, 3, 13))


def test_a_dateline_is_the_publication_date_of_a_plain_text_article(news):
    published = news["arrest"].extracted.document.published
    assert (published.start, published.precision) == (date(2024, 3, 15), Precision.DAY)


def test_a_licence_suspension_is_a_regulatory_action_of_the_board(news):
    (action, roles), = found(news["arrest"], "REGULATORY_ACTION")
    assert ("Ohio Board of Pharmacy", "REGULATOR") in roles and ("David Moore", "SUBJECT") in roles
    assert (action.date.start, action.date.end) == (date(2024, 2, 1), date(2024, 2, 29))


def test_fda_warning_and_approval_are_dated_from_their_own_sentences(news):
    (warning, _), = found(news["fda"], "REGULATORY_WARNING")
    assert (warning.date.start, warning.date.end) == (date(2023, 10, 10), date(2023, 10, 10))
    assert "compounded ketamine" in warning.title
    (approval, _), = found(news["fda"], "REGULATORY_APPROVAL")
    assert (approval.date.start, approval.date.end, approval.date.precision) == (date(2019, 3, 1), date(2019, 3, 31), Precision.MONTH)
    assert approval.title.endswith("approval of Spravato")


def test_ages_and_percentages_in_news_are_never_dates(news):
    for extraction in news.values():
        texts = {e.text for e in extraction.expressions}
        assert not texts & {"43", "52", "34", "40%", "52-year-old"}


def test_two_events_told_in_one_sentence_keep_their_own_ids_and_dates():
    from loaders.records import DocumentRecord, FuzzyDate

    text = ("The agency first approved Spravato in March 2019, and in August 2020 it approved "
            "the drug for adults with suicidal thoughts. The Food and Drug Administration regulates drugs.")
    text = "The Food and Drug Administration regulates drugs. " + text
    document = DocumentRecord(id="doc-two", path="two.txt", title=None, text=text, sha256="x",
                              published=FuzzyDate.day(date(2024, 1, 1)))
    approvals = [e for e in extract_document(document).extracted.events if e.type == "REGULATORY_APPROVAL"]
    assert len({e.id for e in approvals}) == len(approvals) == 2
    assert sorted((e.date.start, e.date.end) for e in approvals) == [
        (date(2019, 3, 1), date(2019, 3, 31)), (date(2020, 8, 1), date(2020, 8, 31))]


def _extract_text(text: str, published: date):
    from loaders.records import DocumentRecord, FuzzyDate

    document = DocumentRecord(id="doc-t", path="t.txt", title=None, text=text, sha256="x",
                              published=FuzzyDate.day(published))
    extraction = extract_document(document)
    names = {a.id: a.name for a in extraction.extracted.actors}
    return [(e, {(names[p.actor_id], p.role) for p in e.participants}) for e in extraction.extracted.events]


def test_a_board_placing_someone_on_probation_is_a_regulatory_action_against_them():
    events = _extract_text("The Ohio Board of Pharmacy placed pharmacist John Smith on probation on Monday.", date(2024, 5, 8))
    (action, roles), = [(e, r) for e, r in events if e.type == "REGULATORY_ACTION"]
    assert ("Ohio Board of Pharmacy", "REGULATOR") in roles and ("John Smith", "SUBJECT") in roles
    assert (action.date.start, action.date.end) == (date(2024, 5, 6), date(2024, 5, 6))


def test_a_regulator_asking_for_a_recall_is_its_action_but_a_family_asking_for_an_inquiry_is_no_inquiry():
    events = _extract_text(
        "The Food and Drug Administration asked Crestline Pharmacy on April 12 to recall two lots of nasal spray. "
        "Maria Lopez's family pressed the police to investigate her death.", date(2024, 4, 20))
    types = {e.type for e, _ in events}
    assert "REGULATORY_ACTION" in types and "INVESTIGATION" not in types


def test_a_lede_that_describes_is_given_the_person_the_next_sentence_names_with_that_noun():
    events = _extract_text(
        "A Houston pharmacist was sentenced Thursday to 15 years in federal prison. "
        "Pharmacist Daniel Reyes, 51, also must pay $2 million in restitution.", date(2024, 6, 14))
    (sentencing, roles), = [(e, r) for e, r in events if e.type == "SENTENCING"]
    assert roles == {("Daniel Reyes", "DEFENDANT")}
    assert (sentencing.date.start, sentencing.date.end) == (date(2024, 6, 13), date(2024, 6, 13))


def test_a_sentencing_set_for_a_month_is_scheduled_for_that_month():
    events = _extract_text("A jury convicted Maria Chen on Tuesday, and her sentencing is set for October.", date(2024, 6, 14))
    (sentencing, roles), = [(e, r) for e, r in events if e.type == "SENTENCING"]
    assert sentencing.status == EventStatus.SCHEDULED and ("Maria Chen", "DEFENDANT") in roles
    assert (sentencing.date.start, sentencing.date.end) == (date(2024, 10, 1), date(2024, 10, 31))


def test_appearing_on_a_networks_show_is_an_interview_and_appearing_on_a_ballot_is_not():
    show = _extract_text('Chen appeared on CBS\'s "60 Minutes" on Sunday to discuss the case.', date(2024, 6, 14))
    assert [(e.type, r) for e, r in show] == [("INTERVIEW", {("Chen", "INTERVIEWEE"), ("CBS", "OUTLET"), ("60 Minutes", "OUTLET")})]
    assert _extract_text("Chen appeared on the ballot in 2020.", date(2024, 6, 14)) == []


def test_a_verb_the_model_lemmatizes_wrongly_still_triggers_its_event():
    # The small model lemmatizes "fined" as "fin".
    events = _extract_text("The Drug Enforcement Administration fined a pharmacy chain on Wednesday.", date(2024, 6, 14))
    assert [(e.type, r) for e, r in events] == [("REGULATORY_ACTION", {("Drug Enforcement Administration", "REGULATOR")})]


def test_an_authority_whose_inspectors_seized_goods_from_a_firm_acted_against_that_firm():
    event, roles = _only(_extract_text("Brightwell Botanicals sold the tea. Health Canada said its inspectors seized "
                                       "more than 3,000 bottles from Brightwell's warehouse last month.", FRIDAY),
                         "REGULATORY_ACTION")
    assert roles == {("Health Canada", "REGULATOR"), ("Brightwell Botanicals", "SUBJECT")}
    assert _span(event) == (date(2024, 5, 1), date(2024, 5, 31))


def test_a_board_imposing_conditions_on_a_registration_acts_against_its_holder_but_a_breach_is_no_action():
    _the_one("Dr. Harrison Vell prescribed the drugs. The Medical Board of Australia imposed conditions on his "
             "registration in July last year that bar him from prescribing by telehealth.",
             FRIDAY, "REGULATORY_ACTION", ("Harrison Vell", "SUBJECT"), (date(2023, 7, 1), date(2023, 7, 31)))
    assert _roles_of("Dr Owen Farrant prescribed the drugs. He breached the conditions on his registration in May.",
                     FRIDAY, "REGULATORY_ACTION") == []
    # A court's conditions are no regulator's
    assert _roles_of("The judge imposed bail conditions on Nathan Rowe, barring him from contacting witnesses.",
                     FRIDAY, "REGULATORY_ACTION") == []


def test_police_seizing_drugs_from_a_person_take_no_regulatory_action_against_them():
    for text in ("Police seized 2 kilograms of fentanyl from Marco Lopez on Friday.",
                 "Officers seized pills from the car of Jason Fry during a traffic stop."):
        assert _roles_of(text, FRIDAY, "REGULATORY_ACTION") == []


def test_a_company_recalling_its_product_is_not_a_regulator():
    events = _extract_text("Zenith Labs recalled 40,000 bottles of eye drops last week.", date(2024, 6, 14))
    assert not any(("Zenith Labs", "REGULATOR") in roles for _, roles in events)


@pytest.mark.parametrize("sentence, status, day", [
    ("Karen Holt faces sentencing on Aug. 2.", EventStatus.SCHEDULED, date(2024, 8, 2)),
    ("Karen Holt was handed an eight-year sentence on Tuesday.", EventStatus.OCCURRED, date(2024, 6, 11)),
    ("Karen Holt is due to be sentenced on July 9.", EventStatus.SCHEDULED, date(2024, 7, 9)),
])
def test_sentencings_in_the_words_courts_reporters_use(sentence, status, day):
    (sentencing, roles), = [(e, r) for e, r in _extract_text(sentence, date(2024, 6, 14)) if e.type == "SENTENCING"]
    assert roles == {("Karen Holt", "DEFENDANT")}
    assert sentencing.status == status and (sentencing.date.start, sentencing.date.end) == (day, day)


@pytest.mark.parametrize("text, event_type, status", [
    ("Jasveen Sangha was charged in 2024. Her trial will begin Monday.", "TRIAL", EventStatus.SCHEDULED),
    ("Jasveen Sangha was charged in 2024. Her sentencing will be held in March.", "SENTENCING", EventStatus.SCHEDULED),
    ("Wesley Arden's memoir is due out in September.", "PUBLICATION", EventStatus.SCHEDULED),
    ("Jasveen Sangha was charged in 2024. Her trial won't begin until next year.", "TRIAL", EventStatus.SCHEDULED),
    ("Matthew Perry died on Oct. 28. An autopsy will be performed on Monday.", "AUTOPSY", EventStatus.SCHEDULED),
    ("Matthew Perry died on Oct. 28. An autopsy was performed on Monday.", "AUTOPSY", EventStatus.OCCURRED),
    ("Wesley Arden's memoir came out in May.", "PUBLICATION", EventStatus.OCCURRED),
    ("Matthew Perry died in October 2023. His death will be examined by the board.", "DEATH", EventStatus.OCCURRED),
])
def test_an_event_that_will_begin_or_come_out_lies_ahead(text, event_type, status):
    event, _ = _only(_extract_text(text, date(2024, 6, 14)), event_type)
    assert event.status == status


def test_facing_charges_is_no_future_event_but_awaiting_trial_is():
    events = _extract_text("Karen Holt faces charges of theft. Mark Ruiz awaits trial in a county jail.", date(2024, 6, 14))
    statuses = {e.type: e.status for e, _ in events}
    assert statuses == {"CHARGES": EventStatus.OCCURRED, "TRIAL": EventStatus.SCHEDULED}


FRIDAY = date(2024, 6, 14)


def _only(events, event_type):
    (event, roles), = [(e, r) for e, r in events if e.type == event_type]
    return event, roles


def _span(event):
    return event.date.start, event.date.end


def _spans(text, published, *event_types):
    """The interval of the one event of each of those types the text tells."""
    events = _extract_text(text, published)
    return [_span(_only(events, event_type)[0]) for event_type in event_types]


def _dated(text, published, event_type):
    """The interval of the one event of that type the text tells."""
    return _spans(text, published, event_type)[0]


def _the_one(text, published, event_type, participant, span):
    """The one event of a type the text tells: it has this participant and falls on this span."""
    event, roles = _only(_extract_text(text, published), event_type)
    assert participant in roles
    assert _span(event) == span
    return event


def _roles_of(text, published, event_type):
    """The participants of each event of that type the text tells."""
    return [roles for e, roles in _extract_text(text, published) if e.type == event_type]


def test_a_verdict_is_the_trial_and_dated_by_the_verdict_not_by_the_trial_it_follows():
    event, roles = _only(_extract_text(
        "Thomas Webb, 41, ran a clinic in Dallas. A jury convicted Webb of murder on Wednesday after a two-week trial.",
        FRIDAY), "TRIAL")
    assert ("Thomas Webb", "DEFENDANT") in roles and _span(event) == (date(2024, 6, 12), date(2024, 6, 12))


def test_found_not_guilty_is_a_verdict_not_a_negated_event():
    event, roles = _only(_extract_text(
        "Thomas Webb ran a clinic in Dallas. Jurors found Webb not guilty of manslaughter on Tuesday.", FRIDAY), "TRIAL")
    assert event.status == EventStatus.OCCURRED and ("Thomas Webb", "DEFENDANT") in roles


def test_jury_selection_in_someones_trial_dates_that_trial():
    event, roles = _only(_extract_text("Jury selection began Monday in the trial of Sam Ortiz.", FRIDAY), "TRIAL")
    assert roles == {("Sam Ortiz", "DEFENDANT")} and _span(event) == (date(2024, 6, 10), date(2024, 6, 10))


def test_appealing_a_conviction_is_not_a_trial_to_come():
    events = _extract_text("Sam Ortiz, a pharmacist, plans to appeal his conviction.", FRIDAY)
    assert [e for e, _ in events if e.type == "TRIAL"] == []


def test_a_sentencing_date_set_after_a_plea_is_that_defendants():
    event, roles = _only(_extract_text(
        "Travis Oyelaran pleaded guilty on Tuesday to two counts of distribution. Sentencing was set for Sept. 15.",
        FRIDAY), "SENTENCING")
    assert roles == {("Travis Oyelaran", "DEFENDANT")} and event.status == EventStatus.SCHEDULED
    assert _span(event) == (date(2024, 9, 15), date(2024, 9, 15))


def test_arrested_and_charged_the_following_week_is_a_charge_and_a_price_is_not():
    events = _extract_text("Maria Santos was arrested on Monday and charged the following week.", FRIDAY)
    assert {e.type for e, _ in events} == {"ARREST", "CHARGES"}
    assert _extract_text("Matthew Perry was charged $2,000 for the vial.", FRIDAY) == []


def test_arraigned_and_pleaded_not_guilty_is_a_plea_on_that_day():
    event, roles = _only(_extract_text("Maria Santos was arraigned Thursday and pleaded not guilty.", FRIDAY), "PLEA")
    assert roles == {("Maria Santos", "DEFENDANT")} and _span(event) == (date(2024, 6, 13), date(2024, 6, 13))


@pytest.mark.parametrize("sentence, outlet", [
    ("In an interview with 60 Minutes that aired Sunday, Leon Hart defended his clinic.", "60 Minutes"),
    ('Leon Hart told the podcast "Health Matters" last month that he had done nothing wrong.', "Health Matters"),
    ('Leon Hart sat down with ABC\'s "Good Morning America" on Monday.', "Good Morning America"),
    ("Leon Hart told CBS News last month that he had done nothing wrong.", "CBS News"),
    ("Leon Hart told KQED's Forum in May that the clinic was safe.", "KQED"),
    ('Leon Hart described the search for answers on the podcast "After the Podium" last spring.', "After the Podium"),
    ('Leon Hart describes it in an interview on the basketball podcast "Full Court Hour."', "Full Court Hour"),
    ('Leon Hart described learning of it from a phone call in an interview with the podcast "Villa Talk" in March.',
     "Villa Talk"),
    ("Leon Hart gave an interview to CNN in March.", "CNN"),
    ("Jurors watched an interview Leon Hart gave to WFAL-TV in March 2023.", "WFAL-TV"),
    ("Last fall Leon Hart told People magazine that he had been sober for 18 months.", "People"),
    ('Leon Hart defended his clinic on the podcast "Ketamine Frontiers," telling host Brent Yoakum it was safe.',
     "Ketamine Frontiers"),
    ("Leon Hart spoke about the clinic last week on the evening newscast of the Omaha television station KOMV.", "KOMV"),
    ('Leon Hart defended the clinic in an episode of the "Second Opinion" podcast released Friday.', "Second Opinion"),
    # mastheads, brands and programmes told by the model as something else
    ('"He was my best friend," Leon Hart told The Sun.', "Sun"),
    ("Leon Hart told BBC Radio Leeds that the clinic had been safe.", "BBC Radio Leeds"),
    ("Leon Hart told 7NEWS on Monday that the clinic had been safe.", "7NEWS"),
    ("Leon Hart told Newstalk on Monday that the clinic had been safe.", "Newstalk"),
    ("Leon Hart told the Arizona Republic in a jailhouse interview on Tuesday that he was sorry.", "Arizona Republic"),
    ("Leon Hart was interviewed by the Observer in 2017.", "Observer"),
    ('Leon Hart said on CNN\'s "State of the Union" that his county had recorded 41 deaths.', "State of the Union"),
    ("Leon Hart told BBC Radio 5 Live on Sunday that the clinic had been safe.", "BBC Radio 5 Live"),
    ("Speaking to the Sunday Independent, Leon Hart said he regretted nothing.", "Sunday Independent"),
    ("Leon Hart told Univision 34 last week that the clinic had been safe.", "Univision"),
    ('Leon Hart opened up about his recovery on "The Howard Stern Show" in 2022.', "Howard Stern Show"),
    ('Leon Hart was a guest on the "Huberman Lab" podcast in May.', "Huberman Lab"),
    ("In an interview published Sunday by The New York Times, Leon Hart defended the clinic.", "New York Times"),
])
def test_programmes_podcasts_and_news_media_someone_spoke_to_are_interview_outlets(sentence, outlet):
    _, roles = _only(_extract_text(sentence, FRIDAY), "INTERVIEW")
    assert ("Leon Hart", "INTERVIEWEE") in roles and (outlet, "OUTLET") in roles


def test_telling_a_board_or_a_court_is_no_interview_and_neither_is_acting_in_a_show():
    assert _extract_text("Leon Hart told the Ohio Medical Board in May that the clinic was safe.", FRIDAY) == []
    assert _extract_text("Matthew Perry starred in Friends. Perry appeared on Friends for ten seasons.", FRIDAY) == []
    assert _extract_text('An episode of "Grey\'s Anatomy" featured a ketamine overdose.', FRIDAY) == []
    # one's own channel is no outlet that interviewed one
    assert _extract_text("Dr. Wes Tolliver discussed the case in an episode of his YouTube channel.", FRIDAY) == []
    # a habit, not an interview
    assert _extract_text("Leon Hart was a frequent guest on Fox News.", FRIDAY) == []


def test_the_publishers_own_interview_is_sourcing_even_under_a_short_name():
    from loaders.records import DocumentRecord, FuzzyDate

    document = DocumentRecord(id="doc-b", path="b.txt", title=None, sha256="x", publisher="BBC News",
                              published=FuzzyDate.day(FRIDAY),
                              text="Dr Rupert McShane told the BBC that ketamine works quickly.")
    assert [e for e in extract_document(document).extracted.events if e.type == "INTERVIEW"] == []


def test_that_month_is_in_the_year_the_story_last_named():
    event, _ = _only(_extract_text(
        "On April 2, 2023, Nadia Kellerman died. Damon Reyes-Whitfield was arrested that August.", FRIDAY), "ARREST")
    assert _span(event) == (date(2023, 8, 1), date(2023, 8, 31))


def test_where_someone_lives_is_not_an_actor():
    events = _extract_text("Heather Vollmer, 37, of Hampden, had pleaded guilty in January.", FRIDAY)
    assert [r for _, r in events] == [{("Heather Vollmer", "DEFENDANT")}]
    events = _extract_text("Ramon Ibarra-Soto, a Glendale man, was arrested on Monday.", FRIDAY)
    assert [r for _, r in events] == [{("Ramon Ibarra-Soto", "ARRESTED")}]


def test_a_lede_describing_the_defendant_before_a_name_is_not_misread_as_the_victims_plea():
    event, roles = _only(_extract_text(
        "A personal trainer who sold counterfeit pills to reality television star Delia Marchetti pleaded guilty "
        "Monday in federal court. Travis Oyelaran, 36, entered the plea before U.S. District Judge Miriam "
        "Castellanos.", FRIDAY), "PLEA")
    assert roles == {("Travis Oyelaran", "DEFENDANT")} and _span(event) == (date(2024, 6, 10), date(2024, 6, 10))


def test_a_verb_continuing_a_relative_clause_keeps_its_subject():
    events = _extract_text(
        "Investigators say Travis Oyelaran got the tablets from Ramon Ibarra-Soto, a Glendale man who was "
        "arrested in April and has pleaded not guilty.", FRIDAY)
    _, roles = _only(events, "PLEA")
    assert roles == {("Ramon Ibarra-Soto", "DEFENDANT")}


@pytest.mark.parametrize("text, supplier, buyer", [
    ("Travis Oyelaran is a trainer. Delia Marchetti died on Aug. 4. Oyelaran resold pills to Marchetti at least "
     "three times in the month before her death.", "Travis Oyelaran", "Delia Marchetti"),
    ("Travis Oyelaran is a trainer. Investigators say he got the tablets from Ramon Ibarra-Soto, 29.",
     "Ramon Ibarra-Soto", "Travis Oyelaran"),
    ("Jenna Aldous died in 2024. Police say a classmate, Caden Voss, gave her the pill at a party.",
     "Caden Voss", "Jenna Aldous"),
    ("Leonard Pettaway is a pharmacist. A bottle of hydrocodone he sold to Devin Okafor-Reyes of Pasadena two days "
     "before the young man's death was recovered at his bedside.", "Leonard Pettaway", "Devin Okafor-Reyes"),
])
def test_selling_reselling_getting_and_handing_over_pills_are_drug_supply(text, supplier, buyer):
    _, roles = _only(_extract_text(text, FRIDAY), "DRUG_SUPPLY")
    assert (supplier, "SUPPLIER") in roles and (buyer, "BUYER") in roles


def test_an_examiners_findings_released_on_a_day_are_the_autopsy_of_that_day():
    event, roles = _only(_extract_text(
        "Sebastian Arriaga was found dead on July 6, 2024. The Denver Office of the Medical Examiner released its "
        "findings on Sept. 12, 2024, concluding that he died from a mix of fentanyl and alcohol.", FRIDAY), "AUTOPSY")
    assert ("Sebastian Arriaga", "SUBJECT") in roles
    assert ("Denver Office of the Medical Examiner", "EXAMINER") in roles
    assert _span(event) == (date(2024, 9, 12), date(2024, 9, 12))


def test_a_host_one_sits_down_with_is_the_interviewer_and_the_episodes_release_dates_it():
    event, roles = _only(_extract_text(
        'Amara Frost sat down with host Dee Rollins for an episode of "Unfiltered with Dee Rollins" released Monday.',
        FRIDAY), "INTERVIEW")
    assert roles == {("Amara Frost", "INTERVIEWEE"), ("Dee Rollins", "INTERVIEWER"),
                     ("Unfiltered with Dee Rollins", "OUTLET")}
    assert _span(event) == (date(2024, 6, 10), date(2024, 6, 10))


def test_an_interview_a_newspaper_published_is_its_interview_not_its_publication():
    events = _extract_text("In an interview published Sunday by The New York Times, Leon Hart defended the clinic.",
                           FRIDAY)
    assert [e.type for e, _ in events] == ["INTERVIEW"]
    # (its report is its publication)
    _the_one("A report published Sunday by The New York Times found 40 deaths.", FRIDAY, "PUBLICATION",
             ("New York Times", "AUTHOR"), (date(2024, 6, 9), date(2024, 6, 9)))


def test_an_interview_told_after_a_death_is_not_on_the_day_of_the_death():
    event = _the_one("Emily Chen died on Jan. 9. Her brother, Sam, told KGW that she had been clean for a year.",
                     FRIDAY, "INTERVIEW", ("Sam Chen", "INTERVIEWEE"), (None, None))
    assert event.status == EventStatus.OCCURRED


def test_a_networks_host_one_spoke_to_is_the_interviewer_and_the_network_the_outlet():
    for text in ("Leon Hart spoke to CNN's Anderson Cooper in March.",
                 "Speaking to CNN's Anderson Cooper in March, Leon Hart defended the clinic.",
                 "Leon Hart told CNN's Anderson Cooper in March that the clinic had been safe."):
        event, roles = _only(_extract_text(text, FRIDAY), "INTERVIEW")
        assert roles == {("Leon Hart", "INTERVIEWEE"), ("Anderson Cooper", "INTERVIEWER"), ("CNN", "OUTLET")}, text
        assert _span(event) == (date(2024, 3, 1), date(2024, 3, 31))
    # one's doctor is no host
    assert _extract_text("Leon Hart spoke to his doctor, Dr. Ellen Ruiz, in March.", FRIDAY) == []


def test_an_interview_is_dated_by_when_the_network_broadcast_it_before_any_event_it_preceded():
    _the_one("Lena Voss wrote a memoir. In an interview with Diane Sawyer that ABC broadcast last October, "
             "shortly before the book came out, she said she wanted to help people get sober.",
             FRIDAY, "INTERVIEW", ("ABC", "OUTLET"), (date(2023, 10, 1), date(2023, 10, 31)))


def test_two_interviews_of_one_person_on_different_outlets_stay_two_events():
    events = _extract_text(
        'Keith Morrison spoke with NBC\'s "Today" on Thursday. Earlier this month, he also appeared on '
        '"The Long Table," a podcast about grief.', FRIDAY)
    assert len([e for e, _ in events if e.type == "INTERVIEW"]) == 2


def test_a_name_followed_by_an_age_is_a_person_whatever_the_model_says():
    events = _extract_text("Marquise Tolliver, 24, sold the drugs. A grand jury indicted him last month on charges "
                           "including felony murder.", FRIDAY)
    event, roles = _only(events, "CHARGES")
    assert roles == {("Marquise Tolliver", "DEFENDANT")} and _span(event) == (date(2024, 5, 1), date(2024, 5, 31))


def test_a_company_named_after_a_drug_is_still_a_company():
    _, roles = _only(_extract_text("Northstar Ketamine Wellness released a statement on Wednesday saying it had "
                                   "paused all infusions.", FRIDAY), "STATEMENT")
    assert roles == {("Northstar Ketamine Wellness", "SPEAKER")}


def test_a_prosecutors_office_charging_someone_is_charges_and_a_health_alert_is_a_warning():
    _, roles = _only(_extract_text("Bettina Larsholt is a doctor. The Sacramento County District Attorney's Office "
                                   "charged Larsholt in September 2023.", FRIDAY), "CHARGES")
    assert ("Bettina Larsholt", "DEFENDANT") in roles
    event, roles = _only(_extract_text("On Feb. 7, the Kessler County Health Department issued a public health alert "
                                       "about counterfeit pills.", FRIDAY), "REGULATORY_WARNING")
    assert roles == {("Kessler County Health Department", "REGULATOR")}
    assert _span(event) == (date(2024, 2, 7), date(2024, 2, 7))


def test_a_company_never_dies_and_the_person_it_modifies_does():
    events = _extract_text("The federal case over the death of Bayou City FC goalkeeper Sebastian Arriaga is "
                           "heading to a jury. Interest sharpened after the death of Howard Beane, a 52-year-old "
                           "Lumenra patient from Brandon, in November.", FRIDAY)
    assert [r for e, r in events if e.type == "DEATH"] == [{("Howard Beane", "DECEASED")}]


def test_an_agency_receiving_reports_about_a_drug_is_no_drug_administration():
    events = _extract_text("The FDA has received reports of adverse events associated with at-home ketamine.", FRIDAY)
    assert [e for e, _ in events if e.type == "DRUG_ADMINISTRATION"] == []


def test_a_clinic_that_can_no_longer_administer_a_drug_administers_nothing():
    events = _extract_text("Lumenra Clinics can no longer administer controlled substances at four locations.", FRIDAY)
    assert [e for e, _ in events if e.type == "DRUG_ADMINISTRATION"] == []


def test_the_next_day_after_a_date_in_the_same_sentence_is_the_day_after_it():
    event, _ = _only(_extract_text("Nadia Kellerman was born in 1994. On April 2, 2024, her roommate found her "
                                   "unconscious in the bathtub; she died the next day at a hospital.", FRIDAY), "DEATH")
    assert _span(event) == (date(2024, 4, 3), date(2024, 4, 3))


def test_quoted_speech_after_told_is_no_programme_and_a_lone_first_name_is_the_person():
    extraction = extract_document(__import__("loaders.records", fromlist=["DocumentRecord"]).DocumentRecord(
        id="doc-q", path="q.txt", title=None, sha256="x", published=None,
        text='Amara Frost, 26, is a singer. She told her mother, "He hid it from all of us." '
             "Amara told Glossline magazine in February that she had learned of it from a news alert."))
    names = {a.name: a.kind.value for a in extraction.extracted.actors}
    assert "He hid it from all of us" not in names and names["Glossline"] == "ORGANIZATION"
    assert names["Amara Frost"] == "PERSON" and "Amara" not in names
    (interview,) = [e for e in extraction.extracted.events if e.type == "INTERVIEW"]
    ids = {a.id: a.name for a in extraction.extracted.actors}
    assert {(ids[p.actor_id], p.role) for p in interview.participants} == {
        ("Amara Frost", "INTERVIEWEE"), ("Glossline", "OUTLET")}


def test_a_hyphenated_surname_is_one_name_in_the_sentence():
    event, roles = _only(_extract_text("Devin Okafor-Reyes died on June 8, 2021.", FRIDAY), "DEATH")
    assert roles == {("Devin Okafor-Reyes", "DECEASED")} and _span(event) == (date(2021, 6, 8), date(2021, 6, 8))


def test_the_bare_surname_of_a_family_story_is_the_one_not_called_by_first_name():
    events = _extract_text(
        "Seven months after singer Kalen Frost was found dead, his sister Amara Frost is telling her story. "
        'Frost, 33, died Jan. 9 at his home. Amara told Glossline magazine in February that "Kalen hid it." '
        "On Saturday, their mother, Gloria Frost, posted a statement.", FRIDAY)
    death, roles = _only(events, "DEATH")
    assert roles == {("Kalen Frost", "DECEASED")} and _span(death) == (date(2024, 1, 9), date(2024, 1, 9))


def test_a_possessive_on_a_named_organisation_is_not_a_participant():
    _, roles = _only(_extract_text(
        "Kalen Frost died on Jan. 9. Days after his death, his label, Crescent Row Records, released a statement.",
        FRIDAY), "STATEMENT")
    assert roles == {("Crescent Row Records", "SPEAKER")}


def test_after_the_hearing_is_after_the_hearing_the_story_reports():
    event, _ = _only(_extract_text(
        "Jane Doe was sentenced Thursday to seven years in prison. Doe had pleaded guilty in January. "
        "St. Brendan issued a statement after the hearing saying it had rebuilt every step.", FRIDAY), "STATEMENT")
    assert _span(event) == (date(2024, 6, 13), None)


def test_an_event_named_as_an_anchor_dates_what_follows_it_even_when_only_the_news_day_dates_it():
    # The arrest has no date of its own, only the fortnight before publication.
    _the_one("Nurse Delia Sorensen was arrested by Concord police. Within hours of the arrest, the New Hampshire "
             "Board of Nursing suspended her license.", FRIDAY, "REGULATORY_ACTION",
             ("New Hampshire Board of Nursing", "REGULATOR"), (date(2024, 5, 31), date(2024, 6, 14)))


def test_a_cleft_sentence_dates_the_clause_it_focuses_on():
    _the_one("It was not until May that the Los Angeles Police Department opened a criminal investigation into "
             "Jane Doe's death.", FRIDAY, "INVESTIGATION", ("Los Angeles Police Department", "INVESTIGATOR"),
             (date(2024, 5, 1), date(2024, 5, 31)))
    # the phrase in focus frames the clause: the interview is the one in which she described it
    _the_one("It was in a 2020 interview with CBS News that Dr. Frances Ames first described the treatment.", FRIDAY,
             "INTERVIEW", ("Frances Ames", "INTERVIEWEE"), (date(2020, 1, 1), date(2020, 12, 31)))


def test_not_until_a_date_is_when_it_happened_not_a_bound_nor_a_denial():
    event = _the_one("Jane Doe was not charged until 2021.", FRIDAY, "CHARGES", ("Jane Doe", "DEFENDANT"),
                     (date(2021, 1, 1), date(2021, 12, 31)))
    assert event.status == EventStatus.OCCURRED
    assert not [e for e, _ in _extract_text("Jane Doe was not charged.", FRIDAY) if e.type == "CHARGES"]


def test_who_speaks_at_a_news_conference_is_the_subject_the_participle_clause_shares():
    _the_one("Speaking at a news conference on Monday, U.S. Attorney Gwendolyn Ashby-Rourke said a complaint accuses "
             "Corey Lindahl of stealing ketamine.", FRIDAY, "STATEMENT", ("Gwendolyn Ashby-Rourke", "SPEAKER"),
             (date(2024, 6, 10), date(2024, 6, 10)))
    _the_one("Facing charges of manslaughter, Dr. Owen Tate surrendered to police in Boise on Monday.", FRIDAY,
             "CHARGES", ("Owen Tate", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    # one who watches or quotes does not speak nor face what the clause tells
    assert _extract_text("Watching the news conference from her home, Halsey Grant's mother wept.", FRIDAY) == []
    assert _extract_text("Quoting a statement from the family, the Herald reported that the funeral would be "
                         "private.", FRIDAY) == []
    assert _roles_of("Attending the sentencing, relatives of Mia Costa wore photographs of her.", FRIDAY,
                     "SENTENCING") == []


def test_as_has_or_as_was_someone_else_tells_the_same_act_of_them_too():
    assert _roles_of("Salvador Plasencia has pleaded not guilty, as has Jasveen Sangha.", FRIDAY, "PLEA") == [
        {("Salvador Plasencia", "DEFENDANT")}, {("Jasveen Sangha", "DEFENDANT")}]
    assert _roles_of("Salvador Plasencia was arrested on Aug. 15, as was Jasveen Sangha.", FRIDAY, "ARREST") == [
        {("Salvador Plasencia", "ARRESTED")}, {("Jasveen Sangha", "ARRESTED")}]
    assert _roles_of("Jasveen Sangha pleaded guilty in September, as she had promised.", FRIDAY, "PLEA") == [
        {("Jasveen Sangha", "DEFENDANT")}]


def test_the_following_month_is_the_next_calendar_month():
    events = _extract_text(
        "Travis Oyelaran was arrested in January at the gym where he worked, and a grand jury returned an "
        "indictment against him the following month.", FRIDAY)
    event, _ = _only(events, "CHARGES")
    assert _span(event) == (date(2024, 2, 1), date(2024, 2, 29))
    event, _ = _only(_extract_text("Jane Doe died on May 3, 2021. Her brother was arrested that year.", FRIDAY), "ARREST")
    assert _span(event) == (date(2021, 1, 1), date(2021, 12, 31))


def test_the_drugs_that_killed_him_did_not_kill_who_supplied_them():
    events = _extract_text("Mateo Ruiz-Landry, 24, was charged in July. Prosecutors accuse him of supplying the "
                           "singer Corin Halloway with the drugs that killed him.", FRIDAY)
    _, roles = _only(events, "DEATH")
    assert roles == {("Corin Halloway", "DECEASED")}


def test_the_case_under_investigation_is_of_the_one_arrested():
    _the_one("Derek Lunsford, 31, was arrested on Tuesday. The case remains under investigation by the "
             "department's detective bureau.", FRIDAY, "INVESTIGATION", ("Derek Lunsford", "SUBJECT"), (None, None))


def test_the_case_under_investigation_just_after_a_death_is_of_the_dead_not_of_another_defendant():
    events = _extract_text(
        "Wade Tillotson, 41, of Granger Mills, was charged on Monday with selling fentanyl.\n\nOfficers found Derek "
        "Lunsford, 37, dead at his home on Maple Street on Monday. The Harlow County Medical Examiner's Office "
        "performed an autopsy on Tuesday. The case remains under investigation by the department's detective "
        "bureau.", FRIDAY)
    _, roles = _only(events, "INVESTIGATION")
    assert roles == {("Derek Lunsford", "SUBJECT")}


def test_during_that_period_is_the_span_the_story_told_before():
    event, _ = _only(_extract_text(
        "Brianna Skowron stole fentanyl from the hospital from March to September 2023. She admitted injecting "
        "herself with the diverted drug over the same period.", FRIDAY), "DRUG_ADMINISTRATION")
    assert _span(event) == (date(2023, 3, 1), date(2023, 9, 30))
    # a single day is no period: the story told none
    event, _ = _only(_extract_text(
        "Brianna Skowron stole fentanyl from the hospital on March 3, 2023. She admitted injecting herself with "
        "the diverted drug during that period.", FRIDAY), "DRUG_ADMINISTRATION")
    assert _span(event) == (None, None)


def test_the_following_week_is_the_next_calendar_week():
    event, _ = _only(_extract_text(
        "Abby Renner died on Wednesday, April 16. The following week, Billings police arrested Colby Hartigan at "
        "his apartment.", date(2025, 10, 2)), "ARREST")
    assert _span(event) == (date(2025, 4, 21), date(2025, 4, 27))


def test_verbs_coordinated_in_a_series_share_its_date():
    event, _ = _only(_extract_text(
        "Heather Vollmer, 37, is a former nurse. Between June 2022 and March 2023, Vollmer drew fentanyl out of vials, refilled them with tap "
        "water, and injected herself with the stolen drug.", FRIDAY), "DRUG_ADMINISTRATION")
    assert _span(event) == (date(2022, 6, 1), date(2023, 3, 31))


def test_a_timeline_line_is_dated_by_the_date_it_opens_with():
    events = _extract_text(
        "- March 2021: Victor Lindqvist begins supplying Terrell Ashby with hydromorphone tablets.\n"
        "- Feb. 27, 2024: A federal grand jury in Phoenix indicts Lindqvist on 11 counts. "
        "He is arrested the next day at Phoenix Sky Harbor International Airport.", FRIDAY)
    assert _span(_only(events, "DRUG_SUPPLY")[0]) == (date(2021, 3, 1), date(2021, 3, 31))
    assert _span(_only(events, "CHARGES")[0]) == (date(2024, 2, 27), date(2024, 2, 27))
    assert _span(_only(events, "ARREST")[0]) == (date(2024, 2, 28), date(2024, 2, 28))


def test_a_fronted_clause_with_its_offset_dates_the_main_verb():
    event, _ = _only(_extract_text(
        "Freya Lomax died on 14th June 2024. Four days after Freya died, West Yorkshire Police officers arrested "
        "a 23-year-old man, Callum Reid, at an address in Burley.", FRIDAY), "ARREST")
    assert _span(event) == (date(2024, 6, 18), date(2024, 6, 18))


def test_a_calendar_date_beats_an_anchor_next_to_it():
    event, _ = _only(_extract_text(
        "The board opened an investigation into Dr. Gregory Whitcombe on Feb. 20, two days after receiving a "
        "complaint from the Ruiz family.", FRIDAY), "INVESTIGATION")
    assert _span(event) == (date(2024, 2, 20), date(2024, 2, 20))
    event, _ = _only(_extract_text(
        "Dimitri Vassallo was charged late on Thursday night after an interview at the police complex.", FRIDAY),
        "CHARGES")
    assert _span(event) == (date(2024, 6, 13), date(2024, 6, 13))


def test_a_dateline_place_is_not_an_actor():
    event, roles = _only(_extract_text(
        "DAYTON, Ohio – A Dayton man was sentenced in U.S. District Court today to 240 months in prison. "
        "Marquise D. Holloway, 31, was sentenced by U.S. District Judge Eleanor M. Castagna.", FRIDAY), "SENTENCING")
    assert roles == {("Marquise D. Holloway", "DEFENDANT"), ("Eleanor M. Castagna", "JUDGE")}


def test_a_surname_opening_a_sentence_is_the_person_even_when_it_is_also_a_word():
    events = _extract_text(
        "Dontae R. Fields, 35, of Trotwood, sold pills. Fields pleaded guilty last month to conspiracy to "
        "distribute fentanyl and is scheduled to be sentenced on March 19.", FRIDAY)
    assert _only(events, "PLEA")[1] == {("Dontae R. Fields", "DEFENDANT")}
    sentencing, roles = _only(events, "SENTENCING")
    assert roles == {("Dontae R. Fields", "DEFENDANT")} and sentencing.status == EventStatus.SCHEDULED


def test_an_indictment_charging_someone_is_the_charges_against_them():
    event, roles = _only(_extract_text(
        "Dontae R. Fields, 35, sold pills. A federal grand jury returned an indictment charging Fields in "
        "December 2022.", FRIDAY), "CHARGES")
    assert roles == {("Dontae R. Fields", "DEFENDANT")} and _span(event) == (date(2022, 12, 1), date(2022, 12, 31))


def test_an_office_named_by_its_district_keeps_the_whole_name():
    _, roles = _only(_extract_text(
        "The U.S. Attorney's Office for the Southern District of Texas said in a statement Thursday evening "
        "that it remains confident.", FRIDAY), "STATEMENT")
    assert roles == {("U.S. Attorney's Office for the Southern District of Texas", "SPEAKER")}


def test_a_relative_named_with_the_family_surname_is_a_person_of_their_own():
    _, roles = _only(_extract_text(
        "Desmond Faraday died in November. Faraday's sister, Imani Faraday, issued a statement asking fans "
        "to remember Desmond.", FRIDAY), "STATEMENT")
    assert roles == {("Imani Faraday", "SPEAKER")}
    _, roles = _only(_extract_text("Damon Reyes-Whitfield was arrested that August.", FRIDAY), "ARREST")
    assert roles == {("Damon Reyes-Whitfield", "ARRESTED")}


def test_taking_a_drug_oneself_is_a_drug_administration():
    events = _extract_text(
        "Maya Dubois was 16 when she died in her bedroom on Jan. 9, 2024, after swallowing half of what she "
        "believed was a Percocet.", FRIDAY)
    assert _only(events, "DRUG_ADMINISTRATION")[1] == {("Maya Dubois", "RECIPIENT")}
    events = _extract_text("Freya Lomax swallowed two of the tablets and snorted ketamine shortly after midnight.", FRIDAY)
    assert _only(events, "DRUG_ADMINISTRATION")[1] == {("Freya Lomax", "RECIPIENT")}


def test_who_after_a_description_ending_in_a_place_is_the_person_described():
    events = _extract_text(
        "One case was that of Tobias Wren, a 27-year-old line cook from Columbus, Ohio, who died in March 2024 "
        "after smoking what he believed was heroin.", FRIDAY)
    death, roles = _only(events, "DEATH")
    assert roles == {("Tobias Wren", "DECEASED")} and _span(death) == (date(2024, 3, 1), date(2024, 3, 31))


def test_a_programme_named_in_quotes_before_its_kind_is_the_outlet():
    _, roles = _only(_extract_text(
        'Helena Varga told the "Public Health Now" podcast in an interview that the numbers were an undercount.',
        FRIDAY), "INTERVIEW")
    assert roles == {("Helena Varga", "INTERVIEWEE"), ("Public Health Now", "OUTLET")}
    _, roles = _only(_extract_text(
        'Owen Castellano got emotional in a wide-ranging conversation with host Nia Brooks on her podcast '
        '"Second Takes," released Tuesday.', FRIDAY), "INTERVIEW")
    assert ("Owen Castellano", "INTERVIEWEE") in roles and ("Second Takes", "OUTLET") in roles


def test_inspecting_a_facility_is_an_investigation_of_its_owner():
    event, roles = _only(_extract_text(
        "FDA investigators inspected the Meridian Pharmacy facility from April 7 to April 18, 2025.", FRIDAY),
        "INVESTIGATION")
    assert roles == {("FDA", "INVESTIGATOR"), ("Meridian Pharmacy", "SUBJECT")}
    assert _span(event) == (date(2025, 4, 7), date(2025, 4, 18))


def test_a_drug_approved_as_a_state_of_affairs_is_no_approval_event():
    assert _extract_text("Ketamine is approved by the Food and Drug Administration as an anesthetic.", FRIDAY) == []
    event, _ = _only(_extract_text("Ketamine was approved by the Food and Drug Administration in 1970.", FRIDAY),
                     "REGULATORY_APPROVAL")
    assert _span(event) == (date(1970, 1, 1), date(1970, 12, 31))


def test_who_finds_the_body_is_not_who_died_and_a_wrongful_death_suit_is_no_death():
    _, roles = _only(_extract_text("Terrell Ashby, 36, is found dead at his home by his wife.", FRIDAY), "DEATH")
    assert roles == {("Terrell Ashby", "DECEASED")}
    assert _extract_text("Marcus Ruiz filed a wrongful-death lawsuit against the clinic last month.", FRIDAY) == []


def test_found_unresponsive_and_revived_is_no_death():
    events = _extract_text("A second adult, Shayla Grimes, 24, of Evans, was found unresponsive in the living room.",
                           FRIDAY)
    assert [e for e, _ in events if e.type == "DEATH"] == []


def test_a_drug_taken_before_a_dated_death_ends_by_that_date():
    events = _extract_text(
        "Nora Hale, a nurse from Akron, died on March 3, 2024, after snorting what she thought was cocaine.", FRIDAY)
    taken, _ = _only(events, "DRUG_ADMINISTRATION")
    assert _span(taken) == (None, date(2024, 3, 3))
    assert _span(_only(events, "DEATH")[0]) == (date(2024, 3, 3), date(2024, 3, 3))


def test_a_bound_is_no_reference_point_for_the_day_after():
    events = _extract_text(
        "Nora Hale died on March 3, 2024, after snorting what she thought was cocaine. "
        "Police arrested her supplier, Kyle Brandt, the next day.", FRIDAY)
    assert _span(_only(events, "ARREST")[0]) == (date(2024, 3, 4), date(2024, 3, 4))


def test_pronounced_dead_takes_the_day_the_person_was_found():
    events = _extract_text(
        "Owen Pratt was found unresponsive in his apartment on the morning of 2nd May 2024. "
        "Paramedics tried to revive him, but he was pronounced dead at the scene.", FRIDAY)
    death, roles = _only(events, "DEATH")
    assert roles == {("Owen Pratt", "DECEASED")} and _span(death) == (date(2024, 5, 2), date(2024, 5, 2))


def test_within_a_month_of_a_death_is_the_month_after_it():
    events = _extract_text(
        "Lena Ortiz died on Feb. 2, 2024. Within a month of her death, police arrested Dario Voss.", FRIDAY)
    # From the death's day to a month after it, a month counted at its longest, 31 days.
    assert _span(_only(events, "ARREST")[0]) == (date(2024, 2, 2), date(2024, 3, 4))


def test_a_story_that_named_one_board_means_it_by_the_board_pages_later():
    events = _extract_text(
        "The Oregon Medical Board suspended the licence of Dr. Hugo Brandt on Monday. Brandt ran a clinic in Bend. "
        "He has practised there since 2015. His patients included Mara Quinn. Quinn died in January. "
        "The board opened an investigation into Brandt on Feb. 20.", FRIDAY)
    investigation, roles = _only(events, "INVESTIGATION")
    assert roles == {("Oregon Medical Board", "INVESTIGATOR"), ("Hugo Brandt", "SUBJECT")}


def test_a_relative_named_by_the_family_surname_is_that_person_not_a_new_one():
    events = _extract_text(
        "Jonah Reyes died in March. His mother, Carla Reyes, spoke about her son's death on Tuesday.", FRIDAY)
    deaths = {frozenset(roles) for e, roles in events if e.type == "DEATH"}
    assert deaths == {frozenset({("Jonah Reyes", "DECEASED")})}


def test_a_first_name_joined_to_a_full_name_shares_its_surname():
    _, roles = _only(_extract_text(
        "Outside the court on Tuesday, her parents, Graham and Alison Lomax, read a statement.", FRIDAY), "STATEMENT")
    assert roles == {("Graham Lomax", "SPEAKER"), ("Alison Lomax", "SPEAKER")}


def test_what_someone_is_licensed_to_do_is_no_event():
    events = _extract_text(
        "The infusion was started by Brandon Teague, a medical assistant who is not licensed to administer "
        "intravenous medications.", FRIDAY)
    assert [e.type for e, _ in events if e.type == "DRUG_ADMINISTRATION"] == []


def test_a_city_before_a_profession_is_a_place_not_the_person_who_died():
    events = _extract_text(
        "An Austin physician whose clinic sent a schoolteacher home alone shortly before she died was suspended.",
        FRIDAY)
    assert all(("Austin", "DECEASED") not in roles for _, roles in events)


def test_a_bare_surname_means_the_relative_named_so_far_not_one_named_later():
    events = _extract_text(
        "Owen Castellano spoke about the death of his co-star Desmond Faraday. Castellano still misses Desmond. "
        "Faraday, who played his brother on the drama, was found dead in his apartment on Nov. 3, 2024. "
        "Faraday's sister, Imani Faraday, issued a statement asking fans to remember him.", FRIDAY)
    assert [roles for e, roles in events if e.type == "DEATH"] == [{("Desmond Faraday", "DECEASED")}]


def test_the_death_of_his_co_star_named_is_the_named_co_stars():
    events = _extract_text(
        "Owen Castellano got emotional in a conversation with host Nia Brooks on her podcast, opening up about "
        "the death of his co-star Desmond Faraday.", FRIDAY)
    assert _only(events, "DEATH")[1] == {("Desmond Faraday", "DECEASED")}


def test_who_is_prompted_to_issue_an_alert_is_the_one_issuing_it():
    event, roles = _only(_extract_text(
        "The deaths prompted the Victorian Department of Health to issue a public drug alert on 14th March.",
        FRIDAY), "REGULATORY_WARNING")
    assert roles == {("Victorian Department of Health", "REGULATOR")}
    assert _span(event) == (date(2024, 3, 14), date(2024, 3, 14))


def test_a_retrial_a_judge_sets_is_scheduled_for_the_coming_date():
    events = _extract_text(
        "Judge Teresa Valdez-Whitman declared a mistrial in the case of Lionel Okafor on Thursday. "
        "She set a retrial for Jan. 12.", FRIDAY)
    trials = sorted(((e.status, _span(e), frozenset(r)) for e, r in events if e.type == "TRIAL"), key=str)
    defendant = ("Lionel Okafor", "DEFENDANT")
    assert [(status, span) for status, span, _ in trials] == [
        (EventStatus.OCCURRED, (date(2024, 6, 13), date(2024, 6, 13))),
        (EventStatus.SCHEDULED, (date(2025, 1, 12), date(2025, 1, 12))),
    ]
    assert all(defendant in roles for _, _, roles in trials)


def test_the_trial_with_a_date_is_the_trial_of_the_defendant_told_of_before():
    events = _extract_text(
        "Victor Lindqvist was indicted in 2024 on charges of distributing hydromorphone. He has pleaded not guilty. "
        "His lawyer declined to comment. The trial is scheduled to begin Feb. 3 in federal court in Phoenix.", FRIDAY)
    trial, roles = _only(events, "TRIAL")
    assert roles == {("Victor Lindqvist", "DEFENDANT")} and trial.status is EventStatus.SCHEDULED


def test_a_warning_that_restates_the_alert_just_told_is_not_a_second_warning():
    events = _extract_text(
        "The results prompted the Victorian Department of Health to issue a public drug alert on 14th March "
        "warning that blue tablets could contain nitazenes.", FRIDAY)
    assert [roles for e, roles in events if e.type == "REGULATORY_WARNING"] == [
        {("Victorian Department of Health", "REGULATOR")}]


def test_an_inquest_or_a_death_investigation_is_into_the_death_told_before_and_dated_by_its_opening():
    events = _extract_text(
        "Freya Lomax, 19, died at her student house in Leeds on 14th June 2024. Her housemates called for help. "
        "Police searched the house. The inquest, which was opened and adjourned on 20th June 2024, heard that "
        "she had taken ketamine.", FRIDAY)
    event, roles = _only(events, "INVESTIGATION")
    assert roles == {("Freya Lomax", "SUBJECT")} and _span(event) == (date(2024, 6, 20), date(2024, 6, 20))
    _, roles = _only(_extract_text(
        "Austin Vetter, 26, was found dead on June 2. A second adult was found unresponsive. "
        "Detectives opened a death investigation the same morning.", FRIDAY), "INVESTIGATION")
    assert ("Austin Vetter", "SUBJECT") in roles
    assert _extract_text("Detectives opened an investigation into the clinic.", FRIDAY) == []


def test_a_body_officers_locate_after_responding_on_a_day_is_a_death_by_that_day():
    event, roles = _only(_extract_text(
        "On Saturday, June 8, 2024, officers responded to a residence after a caller reported two people "
        "were not breathing. Officers located Austin Vetter, 26, deceased in a bedroom.", FRIDAY), "DEATH")
    assert roles == {("Austin Vetter", "DECEASED")}
    assert (event.date.start, event.date.end) == (None, date(2024, 6, 8))


def test_the_same_day_is_the_day_the_story_last_gave_when_that_comes_after_the_last_dated_event():
    events = _extract_text(
        "Jorge Ibarra sold the tablets to Vetter on Friday, June 7. On Monday, June 10, 2024, detectives "
        "searched an apartment on 35th Avenue. A second suspect, Kiana Robles, was arrested the same day.", FRIDAY)
    event, _ = _only(events, "ARREST")
    assert _span(event) == (date(2024, 6, 10), date(2024, 6, 10))


def test_a_federal_agency_reviewing_a_clinics_records_investigates_the_clinic():
    _, roles = _only(_extract_text(
        "Patients were treated at Lumen Ketamine Wellness in Austin. The Drug Enforcement Administration is also "
        "reviewing the clinic's ketamine purchase and dispensing records.", FRIDAY), "INVESTIGATION")
    assert roles == {("Drug Enforcement Administration", "INVESTIGATOR"), ("Lumen Ketamine Wellness", "SUBJECT")}
    reviewed = _extract_text("The board reviewed the advertising of Lumen Ketamine Wellness on Monday.", FRIDAY)
    assert [e for e, _ in reviewed if e.type == "INVESTIGATION"] == []


def test_a_companys_phase_3_trial_is_research_not_a_court_trial():
    events = _extract_text("The new indication rests on the company's phase 3 trial of 378 adults, Johnson & Johnson "
                           "said on Monday.", FRIDAY)
    assert [e for e, _ in events if e.type == "TRIAL"] == []


def test_a_comma_before_and_closes_a_relative_clause_so_the_next_verb_is_the_main_subjects():
    _, roles = _only(_extract_text(
        "Lionel Okafor owns a pharmacy in Houston. Prosecutors allege that Okafor filled prescriptions written in "
        "the names of people who never saw a doctor, and sold the pills to street dealers.", FRIDAY), "DRUG_SUPPLY")
    assert roles == {("Lionel Okafor", "SUPPLIER")}


def test_a_course_of_infusions_someone_completed_is_their_infusion_session():
    event, roles = _only(_extract_text(
        "Records reviewed by the board show that Ellen Haugland had completed a course of six ketamine infusions "
        "at the clinic in the spring of 2024.", FRIDAY), "INFUSION_SESSION")
    assert roles == {("Ellen Haugland", "RECIPIENT")}
    assert _span(event) == (date(2024, 3, 1), date(2024, 5, 31))


def test_a_course_of_infusions_someone_went_through_is_dated_by_the_clause_that_tells_it():
    event, roles = _only(_extract_text(
        "In the spring of 2022, he said, Owen Tarrant went through a course of six ketamine infusions at a clinic "
        "in Pasadena.", FRIDAY), "INFUSION_SESSION")
    assert roles == {("Owen Tarrant", "RECIPIENT")}
    assert _span(event) == (date(2022, 3, 1), date(2022, 5, 31))


def test_an_organisation_the_text_calls_the_agency_is_a_regulator_and_a_products_maker_gave_no_dose():
    events = _extract_text("Health Canada has recalled two lots of ketamine injection made by Sandor Pharma, the "
                           "agency said Friday.", FRIDAY)
    assert [(e.type, roles) for e, roles in events] == [("REGULATORY_ACTION", {("Health Canada", "REGULATOR")})]


def test_a_publishing_house_publishes_a_memoir_but_did_not_write_it():
    event, roles = _only(_extract_text(
        "Teodora Vukovich, 52, died Friday. Her memoir, \"The Trunk of the Buick,\" was published by Cuyahoga "
        "River Press in 2019.", FRIDAY), "PUBLICATION")
    assert roles == {("Teodora Vukovich", "AUTHOR")}
    assert _span(event) == (date(2019, 1, 1), date(2019, 12, 31))


def test_the_book_one_wrote_about_it_in_named_by_its_title_is_their_publication():
    _the_one('Hollis Grant spoke often about addiction. He wrote about all of it in "Loose Ends," a memoir '
             "published last November that spent weeks on bestseller lists.",
             FRIDAY, "PUBLICATION", ("Hollis Grant", "AUTHOR"), (date(2023, 11, 1), date(2023, 11, 30)))


def test_a_warrant_for_an_arrest_and_a_motion_for_a_new_trial_are_no_arrest_and_no_trial():
    assert _extract_text("Keon Pennington had not been located by Tuesday night, and a judge issued a warrant "
                         "for his arrest.", FRIDAY) == []
    assert _extract_text("Lawyers for Jordan Miller filed a motion for a new trial on Monday.", FRIDAY) == []


def test_each_of_two_people_arraigned_together_pleads_on_the_day_of_the_arraignment():
    events = _extract_text("Tyrese Vandermeer and Luis Ocampo appeared in court Monday and both pleaded not guilty.",
                           FRIDAY)
    pleas = sorted((sorted(roles), _span(e)) for e, roles in events if e.type == "PLEA")
    monday = (date(2024, 6, 10), date(2024, 6, 10))
    assert pleas == [([("Luis Ocampo", "DEFENDANT")], monday), ([("Tyrese Vandermeer", "DEFENDANT")], monday)]


def test_a_conviction_someone_faces_if_convicted_is_no_event():
    for text in ("Jordan Miller faces up to 20 years in prison if convicted.",
                 "Jordan Miller faces life in prison if he is convicted of murder."):
        assert _extract_text(text, FRIDAY) == [], text


def test_a_present_tense_after_when_is_a_sentencing_still_to_come():
    event, roles = _only(_extract_text(
        "Jordan Miller pleaded guilty in federal court on Wednesday. He faces up to 20 years in prison when he "
        "is sentenced on Nov. 3.", FRIDAY), "SENTENCING")
    assert event.status == "SCHEDULED"
    assert _span(event) == (date(2024, 11, 3), date(2024, 11, 3))


def test_the_date_of_a_remark_about_an_event_told_before_is_not_the_events_date():
    events = _extract_text(
        "In the spring of 2021, Nadia Kellerman began a course of six ketamine infusions at a clinic in Portland. "
        "In a 2022 interview with SwimLane magazine, she called the infusions \"a reset button\".", FRIDAY)
    event, roles = _only(events, "INFUSION_SESSION")
    assert _span(event) == (date(2021, 3, 1), date(2021, 5, 31))


def test_a_relative_clause_about_several_named_people_gives_each_their_own_death():
    events = _extract_text(
        "Jurors heard from relatives of two customers, Travis Gentry, 34, and Kaylee Doucet, 27, who died of "
        "opioid overdoses within weeks of each other in 2022.", FRIDAY)
    assert sorted(r for e, roles in events if e.type == "DEATH" for r in roles) == [
        ("Kaylee Doucet", "DECEASED"), ("Travis Gentry", "DECEASED")]
    one = _extract_text("Jurors heard from relatives of Travis Gentry and Kaylee Doucet, who died of an overdose "
                        "in 2022.", FRIDAY)
    assert [r for e, r in one if e.type == "DEATH"] == [{("Kaylee Doucet", "DECEASED")}]


def test_a_lede_that_names_nobody_is_about_the_defendant_the_story_names_next():
    events = _extract_text(
        "A federal judge on Thursday declared a mistrial in the case of a Houston pharmacist accused of funneling "
        "opioid pills to street dealers.\n\nU.S. District Judge Teresa Valdez-Whitman dismissed the jury. She set "
        "a retrial for Jan. 12.\n\nLionel Okafor, 58, was indicted by a federal grand jury in March 2024.", FRIDAY)
    trials = sorted(((e.date.start, e.date.end), roles) for e, roles in events if e.type == "TRIAL")
    assert trials == [((date(2024, 6, 13), date(2024, 6, 13)), {("Lionel Okafor", "DEFENDANT")}),
                      ((date(2025, 1, 12), date(2025, 1, 12)), {("Lionel Okafor", "DEFENDANT"),
                                                                ("Teresa Valdez-Whitman", "JUDGE")})]


def test_their_sentences_are_each_of_the_people_the_clause_is_about():
    events = _extract_text("Kenneth Iwamasa and Erik Fleming are set to learn their sentences in January.", FRIDAY)
    sentencings = sorted((sorted(roles), e.status) for e, roles in events if e.type == "SENTENCING")
    assert sentencings == [([("Erik Fleming", "DEFENDANT")], EventStatus.SCHEDULED),
                           ([("Kenneth Iwamasa", "DEFENDANT")], EventStatus.SCHEDULED)]


def test_the_night_before_someone_was_found_counts_from_the_day_they_were_found():
    events = _extract_text(
        "Sebastian Arriaga was found dead on July 6, 2024. Prosecutors say Gavin Pruett gave Arriaga six blue "
        "pills the night before he was found, telling him they were oxycodone.", FRIDAY)
    event, roles = _only(events, "DRUG_SUPPLY")
    assert roles == {("Gavin Pruett", "SUPPLIER"), ("Sebastian Arriaga", "BUYER")}
    assert _span(event) == (date(2024, 7, 5), date(2024, 7, 5))


def test_that_spring_is_the_spring_of_the_year_the_story_was_telling():
    events = _extract_text(
        "Maya Dubois died on Jan. 9, 2024. That spring, the B.C. Coroners Service confirmed that she had "
        "taken carfentanil.", FRIDAY)
    event, roles = _only(events, "AUTOPSY")
    assert roles == {("B.C. Coroners Service", "EXAMINER"), ("Maya Dubois", "SUBJECT")}
    assert _span(event) == (date(2024, 3, 1), date(2024, 5, 31))
    assert [e for e, _ in _extract_text("Drugs that fall under the act are banned. That spring of water is "
                                        "clean.", FRIDAY)] == []


def test_a_toxicology_report_is_of_the_death_told_before_however_far_back():
    events = _extract_text(
        "Maya Dubois died on Jan. 9, 2024.\n\nWithin a month of her death, officers arrested Ethan Marchand. He was "
        "charged two weeks later with trafficking fentanyl and criminal negligence causing death.\n\nThe "
        "toxicology report showed a lethal concentration of carfentanil.", FRIDAY)
    _, roles = _only(events, "AUTOPSY")
    assert roles == {("Maya Dubois", "SUBJECT")}


def test_an_action_voted_or_begun_on_a_day_is_dated_by_the_vote_or_the_beginning():
    events = _extract_text(
        "The Florida Board of Medicine voted 9-2 on Friday to revoke the medical license of Dr. Rupert Vance.",
        date(2025, 8, 9))
    event, roles = _only(events, "REGULATORY_ACTION")
    assert ("Florida Board of Medicine", "REGULATOR") in roles
    assert _span(event) == (date(2025, 8, 8), date(2025, 8, 8))
    events = _extract_text("On Friday, March 14, the hospital's pharmacy began investigating Abby Renner's records.",
                           date(2025, 5, 2))
    event, roles = _only(events, "INVESTIGATION")
    assert ("Abby Renner", "SUBJECT") in roles
    assert _span(event) == (date(2025, 3, 14), date(2025, 3, 14))


def test_what_is_said_in_a_statement_or_an_interview_dates_the_statement_or_the_interview():
    statement, roles = _only(_extract_text(
        "In a statement Monday, Rupert Vance called the decision \"a political response to a tragedy.\"",
        date(2025, 8, 13)), "STATEMENT")
    assert roles == {("Rupert Vance", "SPEAKER")}
    assert _span(statement) == (date(2025, 8, 11), date(2025, 8, 11))
    interview, roles = _only(_extract_text(
        "Kayla Renner described the months before the death in an interview with Montana Public Radio last month.",
        date(2025, 10, 1)), "INTERVIEW")
    assert ("Montana Public Radio", "OUTLET") in roles
    assert _span(interview) == (date(2025, 9, 1), date(2025, 9, 30))


def test_a_calendar_date_dates_an_event_whose_other_anchor_is_no_event_of_the_story():
    event, roles = _only(_extract_text(
        "Separately, Australian Federal Police officers arrested a 44-year-old Blacktown man, Anh Tuan Pham, at his "
        "home on 11 December after intercepting a parcel containing 300 grams of protonitazene powder.",
        date(2025, 4, 10)), "ARREST")
    assert ("Anh Tuan Pham", "ARRESTED") in roles
    assert _span(event) == (date(2024, 12, 11), date(2024, 12, 11))


def test_within_hours_or_days_at_the_head_of_a_sentence_follows_the_date_told_before():
    event, roles = _only(_extract_text(
        "Maria Lopez died on May 3. Within days, police arrested her boyfriend, Dale Smith.", FRIDAY), "ARREST")
    assert roles == {("Dale Smith", "ARRESTED")}
    assert _span(event) == (date(2024, 5, 3), date(2024, 5, 9))


def test_admitting_counts_is_a_plea_and_being_jailed_for_a_term_is_a_sentencing():
    events = _extract_text(
        "Kyle Merriman admitted two counts of supplying Class A and Class B drugs at Basildon Crown Court last "
        "December. In February he was jailed for three years and nine months by Judge Samantha Leggett.",
        date(2025, 7, 24))
    plea, roles = _only(events, "PLEA")
    assert roles == {("Kyle Merriman", "DEFENDANT")}
    assert _span(plea) == (date(2024, 12, 1), date(2024, 12, 31))
    sentencing, roles = _only(events, "SENTENCING")
    assert roles == {("Kyle Merriman", "DEFENDANT"), ("Samantha Leggett", "JUDGE")}
    assert _span(sentencing) == (date(2025, 2, 1), date(2025, 2, 28))
    assert _extract_text("Dale Smith was jailed pending trial. He admitted the mistake. He was admitted to "
                         "hospital.", FRIDAY) == []


def test_a_raid_or_an_inspection_is_an_investigation():
    events = _extract_text(
        "On Aug. 19, agents from the Drug Enforcement Administration raided Larkspur Compounding Pharmacy and "
        "carried out boxes of records. The recall follows an FDA inspection of Norvale Pharmaceuticals' plant in "
        "August.", date(2025, 10, 1))
    investigations = [(e, r) for e, r in events if e.type == "INVESTIGATION"]
    assert len(investigations) == 2
    assert ("Drug Enforcement Administration", "INVESTIGATOR") in investigations[0][1]
    assert ("Larkspur Compounding Pharmacy", "SUBJECT") in investigations[0][1]
    assert _span(investigations[0][0]) == (date(2025, 8, 19), date(2025, 8, 19))
    assert ("FDA", "INVESTIGATOR") in investigations[1][1]


def test_placing_drugs_in_a_schedule_is_a_regulators_action_and_the_schedule_is_no_actor():
    events = _extract_text(
        "In April 2023, the Drug Enforcement Administration issued a temporary order placing velonitazene and three "
        "related compounds in Schedule I. The DEA put two more nitazenes into Schedule I on a temporary basis in "
        "December.", FRIDAY)
    actions = [(e, r) for e, r in events if e.type == "REGULATORY_ACTION"]
    assert [r for _, r in actions] == [{("Drug Enforcement Administration", "REGULATOR")}] * 2
    assert [_span(e) for e, _ in actions] == [(date(2023, 4, 1), date(2023, 4, 30)),
                                             (date(2023, 12, 1), date(2023, 12, 31))]


def test_a_report_is_a_publication_when_the_text_says_it_was_published():
    events = _extract_text(
        "A report published in February by the Kansas Office of Substance Use Policy found nitazenes in 3.1% "
        "of overdose deaths. The police report said she had been alone.", date(2026, 4, 15))
    event, roles = _only(events, "PUBLICATION")
    assert roles == {("Kansas Office of Substance Use Policy", "AUTHOR")}
    assert _span(event) == (date(2026, 2, 1), date(2026, 2, 28))


def test_a_subject_described_in_apposition_still_speaks_when_the_parse_loses_it():
    event, roles = _only(_extract_text(
        "In the United States, Carolina Ridge Health, a 12-hospital system based in Charlotte, said in a statement "
        "on Wednesday that it had pulled the affected vials.", FRIDAY), "STATEMENT")
    assert roles == {("Carolina Ridge Health", "SPEAKER")}
    assert _span(event) == (date(2024, 6, 12), date(2024, 6, 12))


def test_a_hearing_set_in_a_relative_clause_or_fixed_for_a_day_is_scheduled_for_that_day():
    events = _extract_text(
        "A jury convicted Lionel Fairweather on Wednesday. Judge Marguerite Osei-Bonsu ordered him held in the "
        "county jail until sentencing, which she set for Dec. 3.", date(2024, 10, 17))
    sentencing, roles = _only(events, "SENTENCING")
    assert ("Lionel Fairweather", "DEFENDANT") in roles
    assert sentencing.status == EventStatus.SCHEDULED
    assert _span(sentencing) == (date(2024, 12, 3), date(2024, 12, 3))
    trial, _ = _only(_extract_text("Shane Coyle's trial has been fixed for 14 October 2024 at Galway Circuit "
                                   "Criminal Court.", date(2024, 7, 11)), "TRIAL")
    assert trial.status == EventStatus.SCHEDULED
    assert _span(trial) == (date(2024, 10, 14), date(2024, 10, 14))


def test_a_when_clause_dates_the_event_it_times():
    plea, roles = _only(_extract_text(
        "Mr Coyle pleaded not guilty when he was arraigned in June.", date(2024, 7, 11)), "PLEA")
    assert _span(plea) == (date(2024, 6, 1), date(2024, 6, 30))


def test_a_court_revoking_bail_or_probation_is_no_regulatory_action():
    assert _extract_text("Judge Teresa Langford revoked Colby Hartigan's bail on Monday. His probation was "
                         "revoked in 2019.", FRIDAY) == []
    _, roles = _only(_extract_text("The Montana Board of Nursing suspended Colby Hartigan's license on Monday.",
                                   FRIDAY), "REGULATORY_ACTION")
    assert roles == {("Montana Board of Nursing", "REGULATOR"), ("Colby Hartigan", "SUBJECT")}


def test_a_man_or_woman_the_story_brings_in_is_the_one_it_names_next_not_one_named_before():
    events = _extract_text(
        "The driver, Jorge Alcantar-Reed, 26, was arrested and charged with two counts of possession on "
        "Wednesday.\n\nThe Harlow County District Attorney's Office on Tuesday charged a Granger Mills woman with "
        "involuntary manslaughter in the July 29 death of Evan Sorkin, 22.\n\nKendra Pyle, 33, was arrested at her "
        "home early Wednesday.\n\nA Granger Mills man who sold fentanyl to an undercover officer last year was "
        "sentenced Monday to 30 months in state prison. Wade Tillotson, 41, pleaded guilty in July to two counts "
        "of distribution.", date(2023, 9, 22))
    charges = [(_span(e), r) for e, r in events if e.type == "CHARGES"]
    assert ((date(2023, 9, 19), date(2023, 9, 19)),
            {("Kendra Pyle", "DEFENDANT"), ("Harlow County District Attorney's Office", "PROSECUTOR")}) in charges
    assert not any(("Jorge Alcantar-Reed", "DEFENDANT") in r for span, r in charges if span[0] == date(2023, 9, 19))
    sentencing, roles = _only(events, "SENTENCING")
    assert roles == {("Wade Tillotson", "DEFENDANT")}
    assert _span(sentencing) == (date(2023, 9, 18), date(2023, 9, 18))


def test_a_broadcasters_programme_after_its_possessive_is_the_interviews_outlet():
    cases = [
        ("Bríd Madigan spoke about her son's death on RTÉ Radio 1's Liveline in April.",
         {("Bríd Madigan", "INTERVIEWEE"), ("Liveline", "OUTLET")}),
        ("Debbie Blackwood first spoke out about her grief on ITV's Good Morning Britain in March.",
         {("Debbie Blackwood", "INTERVIEWEE"), ("Good Morning Britain", "OUTLET"), ("ITV", "OUTLET")}),
        ("Tom Dunleavy, who has spoken little in public, told KRVB radio's \"Morning Line\" in March that the "
         "pleas had given him no relief.", {("Tom Dunleavy", "INTERVIEWEE"), ("Morning Line", "OUTLET")}),
    ]
    for text, expected in cases:
        interview, roles = _only(_extract_text(text, FRIDAY), "INTERVIEW")
        assert expected <= roles, text
        assert _span(interview) == (date(2024, 3 if "March" in text else 4, 1),
                                    date(2024, 3, 31) if "March" in text else date(2024, 4, 30))


def test_a_programme_is_never_the_one_interviewed_though_a_misparse_hangs_it_from_the_topic():
    interview, roles = _only(_extract_text(
        "Priti Venkataraman discussed the case on the \"Tox Talk\" podcast last week.", FRIDAY), "INTERVIEW")
    assert roles == {("Priti Venkataraman", "INTERVIEWEE"), ("Tox Talk", "OUTLET")}
    assert _span(interview) == (date(2024, 6, 3), date(2024, 6, 9))


def test_the_day_an_inquest_heard_of_a_death_dates_the_inquest_not_the_death():
    events = _extract_text(
        "TRAGIC reality TV beauty Tia Blackwood drowned in a hot tub after a booze-and-drugs binge at a party "
        "mansion, an inquest heard yesterday.", FRIDAY)
    death, _ = _only(events, "DEATH")
    inquest, roles = _only(events, "INVESTIGATION")
    assert _span(death) == (None, None)
    assert ("Tia Blackwood", "SUBJECT") in roles and _span(inquest) == (date(2024, 6, 13), date(2024, 6, 13))


def test_announcing_something_at_a_news_conference_is_a_statement_on_that_day():
    statement, roles = _only(_extract_text(
        "Sheriff Ramona Estrada-Kyle announced the arrest at a news conference Monday evening, flanked by the "
        "girl's parents.", FRIDAY), "STATEMENT")
    assert roles == {("Ramona Estrada-Kyle", "SPEAKER")}
    assert _span(statement) == (date(2024, 6, 10), date(2024, 6, 10))


def test_taking_pills_is_a_dose_but_a_habit_a_test_or_a_break_is_not():
    dose, roles = _only(_extract_text("Maria Lopez took two oxycodone tablets on Friday.", FRIDAY),
                        "DRUG_ADMINISTRATION")
    assert roles == {("Maria Lopez", "RECIPIENT")} and _span(dose) == (FRIDAY, FRIDAY)
    _, roles = _only(_extract_text("Ciarán Madigan took one of the pills shortly after midnight.", FRIDAY),
                     "DRUG_ADMINISTRATION")
    assert roles == {("Ciarán Madigan", "RECIPIENT")}
    assert _extract_text("Dale Smith took a drug test on Friday. He took a break. His wife did not know he had "
                         "been taking pills.", FRIDAY) == []


def test_what_someone_did_not_set_out_or_agree_to_do_did_not_happen():
    events = _extract_text("\"Ruby Okoro did not set out to take a deadly opioid,\" they said.", FRIDAY)
    assert [e.status for e, _ in events if e.type == "DRUG_ADMINISTRATION"] in ([], [EventStatus.NEGATED])


def test_an_autopsy_performed_on_a_bare_weekday_is_dated_that_day_however_the_model_tags_it():
    events = _extract_text(
        "Sofia Marquez, 18, died at a backyard party on Sunday.\n\nThe Pima County Office of the Medical Examiner "
        "performed an autopsy Monday. Toxicology results are still pending.", date(2025, 6, 24))
    autopsy, roles = _only(events, "AUTOPSY")
    assert ("Pima County Office of the Medical Examiner", "EXAMINER") in roles
    assert _span(autopsy) == (date(2025, 6, 23), date(2025, 6, 23))


def test_people_the_story_counts_in_are_the_ones_it_names_next():
    events = _extract_text(
        "Detectives with the Kessler County Sheriff's Office arrested two people on Thursday in connection with a "
        "series of fentanyl overdoses, Sheriff Dana Whitcombe announced. Corey Lanfield, 34, and Shaniece Dorr, "
        "29, were booked into the county jail.", FRIDAY)
    arrests = [(e, r) for e, r in events if e.type == "ARREST"]
    assert {name for _, r in arrests for name, role in r if role == "ARRESTED"} == {"Corey Lanfield", "Shaniece Dorr"}
    assert {_span(e) for e, _ in arrests} == {(date(2024, 6, 13), date(2024, 6, 13))}


def test_voting_to_impose_the_suspension_told_before_dates_that_suspension():
    action, roles = _only(_extract_text(
        "The Minnesota Board of Medical Practice suspended Dr. Anselm Krieger. The Board's Complaint Review "
        "Committee voted on Tuesday to impose the temporary suspension, finding that Dr. Krieger's continued "
        "practice presents an imminent risk of serious harm to the public.", FRIDAY), "REGULATORY_ACTION")
    assert roles == {("Minnesota Board of Medical Practice", "REGULATOR"), ("Anselm Krieger", "SUBJECT")}
    assert _span(action) == (date(2024, 6, 11), date(2024, 6, 11))


def test_toxicology_testing_that_found_a_drug_in_the_blood_is_the_examination_of_the_dead():
    events = _extract_text(
        "Jayden Moretti died on May 2. Toxicology testing by the Victorian Institute of Forensic Medicine found "
        "protonitazene, a nitazene opioid many times stronger than heroin, in his blood, the court heard.", FRIDAY)
    _, roles = _only(events, "AUTOPSY")
    assert roles == {("Victorian Institute of Forensic Medicine", "EXAMINER"), ("Jayden Moretti", "SUBJECT")}


def test_toxicology_results_that_showed_a_drug_are_the_examination_of_the_dead_and_a_coroner_showing_a_jury_is_not():
    _the_one("Emily Chen, 19, died on Jan. 9. Toxicology results released in April showed lethal levels of fentanyl.",
             FRIDAY, "AUTOPSY", ("Emily Chen", "SUBJECT"), (date(2024, 4, 1), date(2024, 4, 30)))
    events = _extract_text("Emily Chen, 19, died on Jan. 9. The coroner showed the jury photographs of the pills.", FRIDAY)
    assert [e.type for e, _ in events] == ["DEATH"]


def test_arraigned_on_a_day_and_entered_a_plea_is_that_persons_plea_that_day():
    plea, roles = _only(_extract_text(
        "Corey Lanfield was arrested on Thursday. Lanfield was arraigned Friday in Kessler County District Court "
        "and entered a plea of not guilty.", date(2024, 6, 15)), "PLEA")
    assert roles == {("Corey Lanfield", "DEFENDANT")}
    assert _span(plea) == (FRIDAY, FRIDAY)


def test_a_company_the_model_misses_still_speaks_in_its_statement():
    statement, roles = _only(_extract_text(
        "Organizer Lakelight Events LLC said in a statement posted to its social media accounts at 9:31 a.m. on "
        "Saturday that all performances had been cancelled.", date(2025, 6, 8)), "STATEMENT")
    assert roles == {("Lakelight Events LLC", "SPEAKER")}
    assert _span(statement) == (date(2025, 6, 7), date(2025, 6, 7))


def test_whoever_declares_a_mistrial_or_sets_a_retrial_is_the_judge():
    events = _extract_text(
        "Judge Anita Sorensen declared a mistrial Wednesday in the manslaughter trial of nurse practitioner Colleen "
        "Haverty, 46. Judge Sorensen set a retrial for June 9.", FRIDAY)
    trials = [r for e, r in events if e.type == "TRIAL"]
    assert trials and all({("Anita Sorensen", "JUDGE"), ("Colleen Haverty", "DEFENDANT")} <= r for r in trials)


def test_the_study_a_later_sentence_credits_is_the_one_published_on_the_day_told_before():
    publication, roles = _only(_extract_text(
        "A study published March 4 in the Journal of Rural Pharmacy Practice found that rural pharmacies "
        "dispensed opioids at 1.6 times the rate of chain stores. The study was led by Dr. Priyanka Menon.",
        date(2025, 3, 20)), "PUBLICATION")
    assert ("Priyanka Menon", "AUTHOR") in roles
    assert _span(publication) == (date(2025, 3, 4), date(2025, 3, 4))


@pytest.mark.parametrize("text", [
    "A study published Tuesday in Health Affairs, by researchers led by Dr. Imani Batts, found fewer deaths.",
    "A team of doctors led by Dr. Imani Batts published the findings on Tuesday.",
    "The findings rest on a study, published Tuesday in JAMA and led by Dr. Imani Batts of Emory University.",
])
def test_the_one_who_led_the_researchers_or_the_study_is_its_only_author(text):
    event, roles = _only(_extract_text(text, FRIDAY), "PUBLICATION")
    assert roles == {("Imani Batts", "AUTHOR")} and _span(event) == (date(2024, 6, 11), date(2024, 6, 11))


def test_the_office_an_examiner_works_for_examined_too():
    _, roles = _only(_extract_text("Owen Reyes died on Monday. The autopsy, performed by Dr. Imelda Ruiz of the "
                                   "Sacramento County Coroner's Office, found fentanyl in Reyes's blood.", FRIDAY),
                     "AUTOPSY")
    assert {("Imelda Ruiz", "EXAMINER"), ("Sacramento County Coroner's Office", "EXAMINER")} <= roles


@pytest.mark.parametrize("sentence, body", [
    ("On 4 November, two days after the first deaths, NSW Health issued a public drug warning about capsules "
     "containing nitazenes circulating in Sydney.", "NSW Health"),
    ("On 4 November, two days after the first deaths, Interior Health issued a drug alert warning that counterfeit "
     "Percocet tablets were circulating.", "Interior Health"),
])
def test_a_public_health_body_whose_name_says_only_health_is_a_regulator(sentence, body):
    warning, roles = _only(_extract_text(sentence, date(2024, 11, 20)), "REGULATORY_WARNING")
    assert roles == {(body, "REGULATOR")}
    assert _span(warning) == (date(2024, 11, 4), date(2024, 11, 4))


def test_a_first_name_the_model_takes_for_the_main_verb_is_still_part_of_the_name():
    events = _extract_text(
        "Brothers Rashad Pennington and Keon Pennington and Anya Brzezinski were charged Monday.\n"
        "Rashad Pennington and Brzezinski were arraigned Tuesday afternoon before U.S. Magistrate Judge Helen "
        "Achterberg and pleaded not guilty.", date(2024, 6, 14))
    pleaded = {name for e, roles in events if e.type == "PLEA" for name, role in roles if role == "DEFENDANT"}
    assert pleaded == {"Rashad Pennington", "Anya Brzezinski"}
    charged = {name for e, roles in events if e.type == "CHARGES" for name, role in roles if role == "DEFENDANT"}
    assert "Rashad Pennington" in charged


@pytest.mark.parametrize("sentence", [
    "Sandor Pharma recalled two lots of ketamine injection on Monday at the request of the FDA.",
    "Sandor Pharma is recalling the vials at the FDA's request.",
])
def test_a_company_recalling_at_a_regulators_request_is_the_subject_of_that_regulators_action(sentence):
    _, roles = _only(_extract_text(sentence, date(2024, 6, 14)), "REGULATORY_ACTION")
    assert roles == {("FDA", "REGULATOR"), ("Sandor Pharma", "SUBJECT")}


def test_what_happens_to_someones_unnamed_child_or_patient_does_not_happen_to_them():
    events = _extract_text(
        "Travis Hollis said his wife, Brianna Hollis, had gone to the clinic after her second child was born in "
        "2024. Dr. Ann Boyd said her patient died in May.", date(2026, 1, 22))
    assert not [e for e, _ in events if e.type in {"BIRTH", "DEATH"}]


def test_what_someone_is_left_without_did_not_happen():
    events = _extract_text(
        "Renaldo Castellanos, 29, was arrested in 2019 on a charge of possession. That case, which the Miami-Dade "
        "State Attorney's Office later dropped, left him without a job but, his lawyer said Wednesday, without a "
        "conviction either.", date(2024, 11, 21))
    assert not [e for e, _ in events if e.type == "TRIAL"]


def test_the_penalty_a_charge_carries_is_no_sentencing():
    events = _extract_text(
        "Renaldo Castellanos was indicted on Oct. 30. He faces a maximum sentence of 20 years. The charge of "
        "distributing a controlled substance resulting in death, which Castellanos alone faces, carries a "
        "mandatory minimum sentence of 20 years in federal prison.", date(2024, 11, 21))
    assert not [e for e, _ in events if e.type == "SENTENCING"]


def test_co_defendants_the_story_counts_are_not_the_defendant_it_named_before():
    events = _extract_text(
        "Salvador Plasencia was sentenced Wednesday to 30 months in prison. Three co-defendants are due to be "
        "sentenced in the coming weeks. Dr. Mark Chavez, the San Diego physician who supplied ketamine to "
        "Plasencia, is scheduled to be sentenced Dec. 17.", date(2025, 12, 4))
    plasencia = [e for e, roles in events if e.type == "SENTENCING" and ("Salvador Plasencia", "DEFENDANT") in roles]
    assert len(plasencia) == 1 and plasencia[0].status == EventStatus.OCCURRED


def test_a_month_of_that_year_is_in_the_year_the_story_last_named():
    events = _extract_text(
        "A roommate found Jordan Whitlock dead on Jan. 19, 2024. In April of that year, the Maricopa County Office "
        "of the Medical Examiner ruled that Whitlock died of ketamine toxicity.", date(2025, 9, 16))
    autopsy, _ = next((e, r) for e, r in events if e.type == "AUTOPSY")
    assert _span(autopsy) == (date(2024, 4, 1), date(2024, 4, 30))


def test_the_moment_an_interviewee_described_is_not_when_the_interview_was():
    # "Guitarist Eli Navarro described the night of his friend's death in a September interview with
    # the music podcast 'Setlist & Scars'", in a story where that death is told and dated.
    article = NEWS.parent / "eval_dev6" / "articles" / "02_kessler_plea_agreement_ledger.md"
    extraction = extract_document(read_document(article))
    (interview, roles), = found(extraction, "INTERVIEW", "Eli Navarro")
    assert (interview.date.start, interview.date.end) == (date(2025, 9, 1), date(2025, 9, 30))


def test_a_name_between_selling_and_the_drug_is_the_buyer():
    events = _extract_text(
        "Dr. Victor Halloran met Jordan Whitlock at a gym in 2023. Halloran sold Whitlock ketamine on at least four "
        "occasions between October 2023 and January 2024.", date(2025, 9, 16))
    _, roles = _only(events, "DRUG_SUPPLY")
    assert roles == {("Victor Halloran", "SUPPLIER"), ("Jordan Whitlock", "BUYER")}


def test_whoever_released_the_report_of_an_autopsy_in_a_relative_clause_is_its_examiner():
    autopsy, roles = _only(_extract_text(
        "Celebrity chef Dario Fontaine died from the acute effects of ketamine, according to an autopsy report the "
        "Clark County Coroner's Office released Tuesday.", date(2024, 6, 12)), "AUTOPSY")
    assert roles == {("Clark County Coroner's Office", "EXAMINER"), ("Dario Fontaine", "SUBJECT")}
    assert _span(autopsy) == (date(2024, 6, 11), date(2024, 6, 11))


def test_who_started_the_infusion_told_before_administered_it_and_infusion_services_are_no_session():
    events = _extract_text(
        "The patient, Brianna Hollis, 31, received a ketamine infusion at the clinic on the afternoon of Dec. 11. "
        "About three hours later a passer-by found her slumped in her car.\n\n"
        "The order says the infusion was started by a medical assistant, Kayla Durden, who is not licensed to "
        "administer intravenous medications.\n\n"
        "Elevate Ketamine & Wellness said in a statement that it had paused all infusion services.", date(2026, 1, 22))
    sessions = [(e, roles) for e, roles in events if e.type == "INFUSION_SESSION"]
    assert len(sessions) == 1
    assert sessions[0][1] == {("Brianna Hollis", "RECIPIENT"), ("Kayla Durden", "ADMINISTERED_BY")}


def test_her_death_in_a_story_of_one_dead_woman_is_hers_not_the_examiners():
    # "Within a month of her death, Ridge County Medical Examiner Dr. Hannah Birkeland ruled that she had
    # died ... Detectives arrested Brannigan six weeks after her death."
    article = NEWS.parent / "eval_dev5" / "articles" / "09_larkspur_pharmacist_plea_followup.md"
    extraction = extract_document(read_document(article))
    assert not found(extraction, "DEATH", "Hannah Birkeland")
    (arrest, _), = found(extraction, "ARREST", "Cody Brannigan")
    assert arrest.date.known


def test_the_autopsy_of_he_after_the_judge_is_named_is_of_the_man_who_died():
    events = _extract_text(
        "Beckett Lowry, 38, had been found dead in his bathtub on March 2, 2024. She is to enter her plea before "
        "U.S. District Judge Howard Tsai at a hearing set for Nov. 6. The Sacramento County Coroner's Office had "
        "ruled in June 2024 that he drowned while under the influence of ketamine and alcohol.", date(2025, 10, 17))
    autopsy, roles = _only(events, "AUTOPSY")
    assert ("Beckett Lowry", "SUBJECT") in roles and ("Howard Tsai", "SUBJECT") not in roles


def test_a_death_told_of_someones_unnamed_friend_is_the_death_the_story_names():
    events = _extract_text(
        "Beckett Lowry, 38, died in his bathtub on March 2, 2024. Guitarist Eli Navarro described the night of his "
        "friend's death in a September interview with a music podcast.", date(2025, 10, 17))
    deaths = [roles for e, roles in events if e.type == "DEATH"]
    assert deaths == [{("Beckett Lowry", "DECEASED")}]


def test_declared_dead_is_a_death_on_the_day_given():
    (death, roles), = _extract_text("Lena Ortiz was declared dead at the scene on Sunday.", date(2024, 6, 14))
    assert death.type == "DEATH" and roles == {("Lena Ortiz", "DECEASED")}
    assert (death.date.start, death.date.end) == (date(2024, 6, 9), date(2024, 6, 9))


def test_searching_someones_home_is_a_dated_act_of_an_investigation_of_them():
    events = _extract_text("Dana Cole was arrested on May 2. Two days earlier, detectives had searched her home.",
                           date(2024, 6, 14))
    search, roles = _only(events, "INVESTIGATION")
    assert roles == {("Dana Cole", "SUBJECT")}
    assert (search.date.start, search.date.end) == (date(2024, 4, 30), date(2024, 4, 30))
    assert not [e for e, _ in _extract_text("Volunteers searched the area for the missing hiker on Sunday.",
                                            date(2024, 6, 14)) if e.type == "INVESTIGATION"]


def test_what_prosecutors_say_someone_did_is_not_done_by_the_sentences_subject():
    events = _extract_text(
        "Judge Mark Ellis on Tuesday postponed the trial of Jasveen Sangha, the North Hollywood woman prosecutors "
        "say sold the ketamine that killed Matthew Perry, to Aug. 19, giving her lawyers more time.", date(2025, 2, 20))
    assert not [roles for e, roles in events if ("Mark Ellis", "SUPPLIER") in roles]


def test_a_death_told_by_the_hour_after_a_dated_night_is_dated_by_the_storys_clock():
    assert _dated(
        "Darnell Ostrowski came through the ambulance doors at 10:52 p.m. on Friday, Feb. 21. At 12:19 a.m. on "
        "Saturday, a doctor injected ketamine into his shoulder. Ostrowski was pronounced dead at 2:19 a.m.",
        date(2025, 6, 12), "DEATH") == (date(2025, 2, 22), date(2025, 2, 22))


def test_entries_of_a_live_page_are_dated_by_the_day_heading_them():
    events = _extract_text(
        "**Wednesday, March 5**\n\n"
        "**Update, 8:30 a.m.:** The Ohio Board of Nursing has suspended Rochelle Benning's license.\n\n"
        "**Tuesday, March 4**\n\n"
        "**Update, 9:10 p.m.:** Maren Wren spoke to WLVN-TV this evening outside her home.\n\n"
        "**Update, 4:15 p.m.:** Tobias Wren, 33, was found dead in his apartment on Jan. 26.\n\n"
        "**Update, 1:30 p.m.:** Rochelle Benning, 46, has been arrested at her home.", date(2025, 3, 5))
    interview, _ = _only(events, "INTERVIEW")
    arrest, _ = _only(events, "ARREST")
    assert _span(interview) == _span(arrest) == (date(2025, 3, 4), date(2025, 3, 4))


def test_a_logs_day_headings_each_name_their_own_day_whatever_the_heading_above():
    # a week's log runs forward: each heading is told from the publication, not from the day above
    assert _dated(
        "**MONDAY, APRIL 7**\n\n"
        "8:42 a.m. — Officers found Derek Vance, 27, dead in an apartment on Orchard Street.\n\n"
        "**TUESDAY, APRIL 8**\n\n"
        "11:30 p.m. — The driver, Tyler Ames, 31, was arrested after officers found ketamine in his car.",
        date(2025, 4, 17), "ARREST") == (date(2025, 4, 8), date(2025, 4, 8))


def test_a_day_told_as_a_possessive_dates_only_its_noun_or_what_happens_at_it():
    events = _extract_text(
        "Detectives searched the home of Marcus Oyelaran in connection with Monday's death of Derek Vance.\n\n"
        "At Wednesday's hearing, Vance's mother, Ruth Vance, read a statement addressed to Oyelaran.",
        date(2025, 4, 17))
    search, _ = _only(events, "INVESTIGATION")
    statement, _ = _only(events, "STATEMENT")
    assert _span(search) == (None, None)
    assert _span(statement) == (date(2025, 4, 16), date(2025, 4, 16))


def test_a_plea_is_dated_by_its_own_month_not_by_the_span_of_the_counts():
    assert _dated(
        "Declan Furlong had pleaded guilty in February to 11 counts of selling prescription-only medicines "
        "without a prescription, all between January 2021 and August 2022.", date(2025, 5, 9), "PLEA",
    ) == (date(2025, 2, 1), date(2025, 2, 28))


def test_a_byline_is_not_whom_he_or_she_stands_for():
    events = _extract_text(
        "*News — Aisling Carter, London*\n\n"
        "A coroner has warned regulators after a 29 year old software tester died from ketamine he had "
        "bought online.", date(2025, 2, 18))
    assert not [name for _, roles in events for name, _ in roles if name == "Aisling Carter"]


def test_an_action_dated_only_from_an_anchor_stays_apart_from_a_later_one_of_the_same_kind():
    events = _extract_text(
        "Police arrested Keith Dunleavy, 52, at his pharmacy on Sept. 8, 2025. Four days after the arrest, the "
        "Oregon Board of Pharmacy suspended Dunleavy's license. The board revoked his license in February.",
        date(2026, 4, 21))
    actions = sorted(_span(e) for e, _ in events if e.type == "REGULATORY_ACTION")
    assert actions == [(date(2025, 9, 12), date(2025, 9, 12)), (date(2026, 2, 1), date(2026, 2, 28))]


def test_someone_told_as_being_dead_died():
    events = _extract_text("Elliot Marchbanks had his last infusion on July 30, 2025. Ten days later he was dead.",
                           date(2025, 9, 1))
    _, roles = _only(events, "DEATH")
    assert roles == {("Elliot Marchbanks", "DECEASED")}
    assert not [e for e, _ in _extract_text("The deal was dead by Friday.", date(2025, 9, 1))]


def test_an_announced_death_is_not_dated_by_its_announcement():
    events = _extract_text("Elliot Marchbanks, 41, was found dead on Aug. 9, 2025. The band Grain Elevator announced "
                           "his death the next day in a statement.", date(2025, 9, 1))
    death, _ = _only(events, "DEATH")
    statement, roles = _only(events, "STATEMENT")
    assert death.date.end == date(2025, 8, 9) and _span(statement) == (date(2025, 8, 10), date(2025, 8, 10))
    assert roles == {("Grain Elevator", "SPEAKER")}


def _dates_told_undated(text: str) -> dict[str, tuple]:
    """Each time expression of a story with no publication date → the interval extraction reads."""
    from loaders.records import DocumentRecord

    document = DocumentRecord(id="doc-u", path="u.txt", title=None, text=text, sha256="u", published=None)
    return {e.text: (e.date.start, e.date.end) for e in extract_document(document).expressions}


def test_a_story_without_a_publication_date_tells_days_in_the_year_it_last_named():
    dates = _dates_told_undated(
        "His last infusion was on July 30, 2025. He missed a show on the evening of Aug. 8. In October of that "
        "year, the Douglas County Coroner's Office ruled that Elliot Marchbanks died of ketamine toxicity.")
    assert dates["on the evening of Aug. 8"] == (date(2025, 8, 8), date(2025, 8, 8))
    assert dates["October of that year"] == (date(2025, 10, 1), date(2025, 10, 31))


def test_a_span_told_without_a_year_in_a_story_without_a_publication_date_runs_to_its_last_day():
    dates = _dates_told_undated(
        "Dr. Ray Voss met Ann Rowe's assistant in late September 2023. Between Sept. 30 and Oct. 12, Voss sold "
        "Ann Rowe about 20 vials of ketamine. From Dec. 20 to Jan. 4, he treated her at home.")
    assert dates["Between Sept. 30 and Oct. 12"] == (date(2023, 9, 30), date(2023, 10, 12))
    assert dates["From Dec. 20 to Jan. 4"] == (date(2023, 12, 20), date(2024, 1, 4))


@pytest.mark.parametrize("text", [
    "Jordan Whitlock, 24, was a student. A roommate found him dead in their apartment on Jan. 19, 2024, and told "
    "police he had last seen Whitlock alive the night before.",
    "One of them, it says, was Jordan Whitlock, 33, of Ellery, who was found dead in his apartment on Jan. 19, 2024.",
])
def test_someone_found_dead_on_a_day_died_on_or_before_it(text):
    death, roles = _only(_extract_text(text, date(2025, 9, 17)), "DEATH")
    assert roles == {("Jordan Whitlock", "DECEASED")}
    assert (death.date.start, death.date.end) == (None, date(2024, 1, 19))


@pytest.mark.parametrize("text, person, programme", [
    ('Last month Gregory Amsel told his story for nearly two hours on "The Long Quiet," a podcast about grief.',
     "Gregory Amsel", "Long Quiet"),
    ('Grace Okafor first talked about her son in public in April, on "High Desert Mornings," the call-in show on '
     'KDSR Radio.', "Grace Okafor", "High Desert Mornings"),
    ('Nina Castellane became emotional on Tuesday when she talked about him on the daytime talk show '
     '"Afternoon Live with Rosa Quinn."', "Nina Castellane", "Afternoon Live with Rosa Quinn"),
])
def test_a_quoted_programme_named_by_the_noun_beside_it_is_the_interviews_outlet(text, person, programme):
    _, roles = _only(_extract_text(text, date(2024, 6, 14)), "INTERVIEW")
    assert roles >= {(person, "INTERVIEWEE"), (programme, "OUTLET")}


def test_someone_not_arrested_or_charged_was_neither():
    events = _extract_text("Marcus Leighton, who worked for Dorsey from 2019 until early this year, has not been "
                           "arrested or charged.", date(2024, 5, 30))
    assert not [e for e, _ in events if e.type in {"ARREST", "CHARGES"}]


def test_giving_a_cause_of_death_is_no_dose_and_an_opening_statement_is_part_of_the_trial():
    events = _extract_text(
        "Home Office pathologist Dr Imogen Rees, who carried out a post-mortem examination on 11 June, gave the cause "
        "of death as ketamine toxicity. In her opening statement, First Assistant District Attorney Kendra Boatwright "
        "said the evidence would show that Vickery ordered the infusion.", date(2025, 2, 13))
    assert not [e for e, _ in events if e.type in {"DRUG_ADMINISTRATION", "STATEMENT"}]


def test_a_date_inside_an_opening_participle_dates_that_participle_not_the_main_verb():
    events = _extract_text("Born in Tulsa, Oklahoma, in 1974, Callum Dorsey moved to Los Angeles after college.\n\n"
                           "Arrested in March, Kyle Merriman pleaded guilty.", date(2024, 6, 14))
    birth, _ = _only(events, "BIRTH")
    assert _span(birth) == (date(1974, 1, 1), date(1974, 12, 31))
    plea, _ = _only(events, "PLEA")
    assert not plea.date.known


@pytest.mark.parametrize("text, span", [
    ("Michael Banks was arrested in November 2023. Banks pleaded guilty to both charges the following spring.",
     (date(2024, 3, 1), date(2024, 5, 31))),
    ("Michael Banks was arrested in April 2023. He had pleaded guilty the previous winter.",
     (date(2022, 12, 1), date(2023, 2, 28))),
    ("Michael Banks was indicted on Nov. 14. He pleaded guilty the following Monday afternoon.",
     (date(2023, 11, 20), date(2023, 11, 20))),
    ("Michael Banks was indicted on Nov. 14. He had pleaded guilty the previous Monday.",
     (date(2023, 11, 13), date(2023, 11, 13))),
])
def test_the_following_or_previous_season_or_weekday_is_counted_from_the_date_told_before(text, span):
    plea, _ = _only(_extract_text(text, date(2024, 10, 24)), "PLEA")
    assert _span(plea) == span


def test_a_trial_of_a_thing_is_nobodys_trial():
    events = _extract_text("Anh Tuan Pham was charged in March. A NSW trial of fixed-site drug checking is due to "
                           "begin later this year.", date(2025, 4, 10))
    assert not [e for e, _ in events if e.type == "TRIAL"]


def test_a_journal_publishing_a_study_by_someone_is_not_its_author():
    _, roles = _only(_extract_text("In May the Journal of Digital Psychiatry published a study by Dr. Yuki Albrecht "
                                   "that tracked 2,300 patients.", date(2025, 12, 1)), "PUBLICATION")
    assert ("Yuki Albrecht", "AUTHOR") in roles
    assert not any(name == "Journal of Digital Psychiatry" for name, _ in roles)


def test_he_died_beside_the_one_who_injected_him_is_the_one_injected():
    events = _extract_text(
        "Matthew Perry died on Oct. 28, 2023. Kenneth Iwamasa injected Perry with ketamine at least 27 times over "
        "the last five days of the actor's life, his plea agreement says, including three injections on the day he "
        "died.", date(2024, 8, 16))
    assert not [r for e, r in events if e.type == "DEATH" and ("Kenneth Iwamasa", "DECEASED") in r]


def test_a_trial_prosecutors_only_wanted_to_begin_next_month_is_not_dated_next_month():
    events = _extract_text(
        "The judge postponed the trial of Jasveen Sangha to Aug. 19. Judge Sherilyn Peace Garnett granted the request "
        "over the objection of prosecutors, who had wanted the trial to begin next month.", date(2025, 2, 20))
    trial, _ = _only(events, "TRIAL")
    assert _span(trial) == (date(2025, 8, 19), date(2025, 8, 19))


def test_a_regulator_asking_on_a_day_for_a_recall_is_its_action_that_day_however_the_infinitive_is_parsed():
    recall, roles = _only(_extract_text(
        "Separately, the FDA asked Crestline Compounding Pharmacy of Tulsa, Oklahoma, on April 12 to recall two lots "
        "of ketamine hydrochloride nasal spray after laboratory tests showed the products were not sterile.",
        date(2024, 4, 18)), "REGULATORY_ACTION")
    assert roles == {("FDA", "REGULATOR"), ("Crestline Compounding Pharmacy", "SUBJECT")}
    assert _span(recall) == (date(2024, 4, 12), date(2024, 4, 12))


@pytest.mark.parametrize("sentence, month", [
    ("In October the DEA extended, for the fourth time, the temporary rules that let clinicians prescribe ketamine "
     "by telehealth.", 10),
    ("On Oct. 3 the Drug Enforcement Administration extended pandemic-era rules that let clinicians prescribe "
     "controlled substances by telemedicine.", 10),
])
def test_a_regulator_extending_its_rules_is_its_action_that_day(sentence, month):
    action, roles = _only(_extract_text(sentence, date(2025, 12, 1)), "REGULATORY_ACTION")
    assert len(roles) == 1 and next(iter(roles))[1] == "REGULATOR"
    assert action.date.start.month == month and action.date.start.year == 2025


def test_narration_goes_on_in_the_day_the_story_last_gave():
    events = _extract_text(
        "On the night of June 21, 2025, Alma Quiroz took a line of white powder at a party in Marana. "
        "Friends said her chest felt heavy. A deputy gave her two doses of Narcan, but she died at the scene. "
        "The deputy's supervisor wrote a report. The Pima County Medical Examiner determined that she died of "
        "fentanyl toxicity.", date(2025, 7, 10))
    doses = [e for e, roles in events if e.type == "DRUG_ADMINISTRATION"]
    assert any("Narcan" in evidence.quote for e in doses for evidence in e.evidence)
    assert {_span(e) for e in doses} == {(date(2025, 6, 21), date(2025, 6, 21))}
    death, _ = _only(events, "DEATH")
    assert _span(death) == (date(2025, 6, 21), date(2025, 6, 21))
    # An examiner's findings come later than the night they are about, and are not given its day.
    autopsy, _ = _only(events, "AUTOPSY")
    assert _span(autopsy) == (None, None)


def test_narration_that_moves_on_or_goes_back_leaves_the_day_it_last_gave():
    events = _extract_text(
        "Darius Kell was arrested on March 3, 2025. He later pleaded guilty to distributing ketamine.",
        date(2025, 9, 1))
    plea, _ = _only(events, "PLEA")
    assert plea.date.start != date(2025, 3, 3)
    events = _extract_text(
        "Darius Kell was arrested on March 3, 2025. He had sold ketamine to Mira Onset, 19.", date(2025, 9, 1))
    supply, _ = _only(events, "DRUG_SUPPLY")
    assert supply.date.start != date(2025, 3, 3)
    events = _extract_text(
        "Darius Kell was arrested on March 3, 2025. Officers searched the house. A neighbour called the police. "
        "Kell sold ketamine to Mira Onset, 19.", date(2025, 9, 1))
    supply, _ = _only(events, "DRUG_SUPPLY")
    assert supply.date.start != date(2025, 3, 3)


def test_someone_who_wrote_in_an_essay_is_its_author_and_a_publishing_house_is_not():
    events = _extract_text(
        "Marcus Thibodeaux first wrote about his sister's death in a guest essay published in the Record last May.",
        FRIDAY)
    essay, roles = _only(events, "PUBLICATION")
    assert roles == {("Marcus Thibodeaux", "AUTHOR")}
    assert _span(essay) == (date(2024, 5, 1), date(2024, 5, 31))
    events = _extract_text('Wesley Arden\'s memoir, "Second Act," will be published Sept. 17 by Halberd House.', FRIDAY)
    _, roles = _only(events, "PUBLICATION")
    assert roles == {("Wesley Arden", "AUTHOR")}


def test_a_profile_goes_back_to_its_subject_after_a_paragraph_quoting_someone_else():
    events = _extract_text(
        "Elliot Marchbanks, the drummer for the Omaha rock band Grain Elevator, kept a metronome on his kitchen "
        "table long after he stopped needing one. Friends learned not to touch it.\n\n"
        "\"It was always set to 72,\" said Russ Pelletier, the band's guitarist. \"He said that was a resting "
        "heartbeat. He liked to have one in the room.\"\n\n"
        "He was born in Council Bluffs, Iowa, in 1984, the youngest of four boys.", date(2025, 12, 20))
    _, roles = _only(events, "BIRTH")
    assert roles == {("Elliot Marchbanks", "BORN")}


def test_an_inquest_that_opened_in_a_month_does_not_date_the_death_it_is_into():
    events = _extract_text(
        "Tom Ashworth died at his flat in Easton in September 2024. The inquest into his death, which opened in "
        "October 2024 and concluded on Tuesday, heard that he had taken ketamine lozenges.", date(2025, 3, 14))
    death, _ = _only(events, "DEATH")
    assert _span(death) == (date(2024, 9, 1), date(2024, 9, 30))
    assert {e.claim.date.start for e in death.evidence if e.claim.date.start} == {date(2024, 9, 1)}


def test_telling_an_agency_by_its_initials_is_no_interview_but_telling_call_letters_is():
    events = _extract_text(
        "The Medicines and Healthcare products Regulatory Agency (MHRA) inspected Calder Vale Pharma Ltd in June "
        "2023, and the company told the MHRA it had corrected two deficiencies. Its chief executive, Rhys "
        "Pemberton, told KPBS on Monday that the company would appeal.", FRIDAY)
    interviews = [roles for e, roles in events if e.type == "INTERVIEW"]
    assert interviews == [{("Rhys Pemberton", "INTERVIEWEE"), ("KPBS", "OUTLET")}]


def test_a_person_stays_a_person_beside_the_foundation_named_after_him():
    text = ("The Matthew Perry Foundation said on Thursday that it would fund addiction treatment. Matthew Perry "
            "died on Oct. 28, 2023, at his home in Los Angeles.")
    events = _extract_text(text, FRIDAY)
    death, roles = _only(events, "DEATH")
    assert roles == {("Matthew Perry", "DECEASED")}


def test_a_day_a_sentence_repeats_without_its_year_keeps_the_year_it_was_told_with():
    events = _extract_text(
        "In his plea agreement, Dr. Salvador Plasencia admitted that between Sept. 30 and Oct. 12, 2023, he "
        "supplied ketamine to Matthew Perry, and that on Oct. 12 he injected Perry with the drug in a car.",
        date(2025, 7, 23))
    injection, _ = _only(events, "DRUG_ADMINISTRATION")
    assert _span(injection) == (date(2023, 10, 12), date(2023, 10, 12))
    # A season or a birth date told with its year is another time: the day is read from publication.
    events = _extract_text(
        "Dr. Salvador Plasencia, who sold ketamine to Perry in the fall of 2023, pleaded guilty on July 23.",
        date(2025, 7, 30))
    plea, _ = _only(events, "PLEA")
    assert _span(plea) == (date(2025, 7, 23), date(2025, 7, 23))
    events = _extract_text(
        "Matthew Perry, who was born in Williamstown on Aug. 19, 1969, died on Oct. 28 at his home.", date(2024, 3, 1))
    death, _ = _only(events, "DEATH")
    assert _span(death) == (date(2023, 10, 28), date(2023, 10, 28))


def test_a_clause_read_as_the_subject_stands_for_its_own_subject_not_a_name_inside_it():
    events = _extract_text(
        "The last defendant still fighting the charges in Matthew Perry's death has agreed to plead guilty.", FRIDAY)
    assert not [roles for e, roles in events if e.type == "PLEA"]
    assert [roles for e, roles in events if e.type == "DEATH"] == [{("Matthew Perry", "DECEASED")}]


def test_someone_counted_among_the_people_charged_or_arrested_was_charged_or_arrested():
    events = _extract_text(
        "Jasveen Sangha was one of five people charged in August last year in connection with the actor's death.",
        date(2025, 8, 19))
    charges, roles = _only(events, "CHARGES")
    assert roles == {("Jasveen Sangha", "DEFENDANT")}
    assert _span(charges) == (date(2024, 8, 1), date(2024, 8, 31))  # "August last year", one expression
    events = _extract_text("Ruth Hale was among four people arrested on Monday.", FRIDAY)
    _, roles = _only(events, "ARREST")
    assert roles == {("Ruth Hale", "ARRESTED")}


def test_whom_prosecutors_accuse_of_selling_is_the_seller():
    events = _extract_text("Prosecutors accuse Dorr of delivering the tablets that killed Arthur Pelham, 58.", FRIDAY)
    _, roles = _only(events, "DRUG_SUPPLY")
    assert ("Dorr", "SUPPLIER") in roles and not {r for r in roles if r[0] == "Prosecutors"}


def test_a_day_before_last_year_is_in_last_year():
    events = _extract_text("Tia Blackwood died on 3 August last year at a party in Essex.", date(2025, 3, 14))
    death, _ = _only(events, "DEATH")
    assert _span(death) == (date(2024, 8, 3), date(2024, 8, 3))


def test_a_timeline_in_bold_dates_dates_every_event_on_its_line():
    events = _extract_text(
        "Here is how the case unfolded.\n\n"
        "- **Aug. 7, 2024:** Kenneth Iwamasa pleads guilty to conspiracy to distribute ketamine.\n"
        "- **Aug. 15, 2024:** Federal prosecutors announce charges against Jasveen Sangha. Sangha is arrested.\n"
        "- *May 2024* — The Los Angeles Police Department opens an investigation into Matthew Perry's death.\n",
        date(2025, 10, 1))
    plea, _ = _only(events, "PLEA")
    arrest, _ = _only(events, "ARREST")
    investigation, _ = _only(events, "INVESTIGATION")
    assert _span(plea) == (date(2024, 8, 7), date(2024, 8, 7))
    assert _span(arrest) == (date(2024, 8, 15), date(2024, 8, 15))
    assert _span(investigation) == (date(2024, 5, 1), date(2024, 5, 31))


def test_a_long_reads_section_named_for_a_day_long_ago_is_no_live_pages_now():
    events = _extract_text(
        "**Oct. 28**\n\n"
        "Kenneth Iwamasa gave Matthew Perry an injection at about 8:30 a.m. Perry died that afternoon.\n\n"
        "**The case**\n\n"
        "Iwamasa pleaded guilty on Aug. 7 to conspiracy to distribute ketamine.", date(2024, 9, 8))
    dose, _ = _only(events, "DRUG_ADMINISTRATION")
    plea, _ = _only(events, "PLEA")
    assert _span(dose) == (date(2023, 10, 28), date(2023, 10, 28))  # the section's day, for its clock times
    assert _span(plea) == (date(2024, 8, 7), date(2024, 8, 7))  # told from publication, not from Oct. 28


def test_an_arrest_the_day_the_charges_were_made_public_is_on_the_day_of_the_charges():
    events = _extract_text(
        "Prosecutors charged Jasveen Sangha on Aug. 15, 2024. She was arrested at her home the day the charges "
        "were made public.", date(2025, 8, 19))
    arrest, _ = _only(events, "ARREST")
    assert _span(arrest) == (date(2024, 8, 15), date(2024, 8, 15))


def test_what_a_plea_agreement_says_does_not_date_the_agreement():
    events = _extract_text(
        "Kenneth Iwamasa injected Matthew Perry with ketamine at least 27 times, his plea agreement says, "
        "including three injections on the day he died.", date(2024, 8, 16))
    assert not [e for e, _ in events if e.type == "PLEA" and e.date.start is not None]


def test_a_question_a_right_and_nobody_tell_of_no_trial():
    for text in ("**Was there going to be a trial for Jasveen Sangha?**",
                 "Jasveen Sangha said she understood she was giving up her right to a trial.",
                 "Jasveen Sangha agreed to plead guilty, which means that nobody in the case is now headed to trial."):
        assert not [e for e, _ in _extract_text(text, FRIDAY) if e.type == "TRIAL"], text
    # A quoted question is someone's words, and a statement of a trial is still one.
    assert [e for e, _ in _extract_text("Jasveen Sangha went on trial on Monday.", FRIDAY) if e.type == "TRIAL"]


def test_a_sentence_told_in_a_fronted_participle_is_the_judges_who_speaks_after_it():
    event, roles = _only(_extract_text(
        "Carlos Medina, 41, was convicted in May. Sentencing Carlos Medina to life in prison on Tuesday, "
        "Judge Ruth Alvarez said the crime was cruel.", FRIDAY), "SENTENCING")
    assert roles == {("Carlos Medina", "DEFENDANT"), ("Ruth Alvarez", "JUDGE")}
    assert _span(event) == (date(2024, 6, 11), date(2024, 6, 11))


def test_trial_named_bare_as_a_point_of_the_proceedings_is_no_trial():
    for text in ("Leon Hart pleaded guilty in May, well before trial.",
                 "The plea left Maria Santos alone ahead of trial.",
                 "Maria Santos met her lawyers prior to trial."):
        assert not [e for e, _ in _extract_text(text, FRIDAY) if e.type == "TRIAL"], text
    # her trial, told of, is one
    assert [e for e, _ in _extract_text("Maria Santos spoke to reporters ahead of her trial in March.", FRIDAY)
            if e.type == "TRIAL"]


def test_a_day_told_without_its_year_beside_a_day_told_with_one_is_in_that_year():
    events = _extract_text(
        "Hannah Sorlie died there on Jan. 5. On Jan. 3, 2022, two days before she died, the clinic's office "
        "manager, Trina Vukovich, delivered four more vials of ketamine to Sorlie's apartment.", date(2025, 6, 10))
    death, _ = _only(events, "DEATH")
    assert _span(death) == (date(2022, 1, 5), date(2022, 1, 5))
    # A day still to come is read forward from publication, whatever the sentence beside it told.
    events = _extract_text(
        "Rhea Vance sold ketamine to Jordan Whitlock on Oct. 14, 2023. She pleaded guilty in June and is "
        "scheduled to be sentenced Oct. 21.", date(2025, 9, 17))
    sentencing, _ = _only(events, "SENTENCING")
    assert _span(sentencing) == (date(2025, 10, 21), date(2025, 10, 21))


def test_a_name_the_parser_cuts_off_by_a_quoted_nickname_is_still_the_subject():
    events = _extract_text(
        'Jasveen Sangha, the woman dubbed the "Ketamine Queen," pleaded guilty on Monday to five federal charges.',
        date(2025, 9, 17))
    plea, roles = _only(events, "PLEA")
    assert roles == {("Jasveen Sangha", "DEFENDANT")}
    assert _span(plea) == (date(2025, 9, 15), date(2025, 9, 15))


def test_whom_drugs_were_sold_to_is_the_buyer_when_the_parser_hangs_to_on_the_drug():
    events = _extract_text("Jasveen Sangha admitted selling 51 vials of ketamine to Erik Fleming.", FRIDAY)
    _, roles = _only(events, "DRUG_SUPPLY")
    assert roles == {("Jasveen Sangha", "SUPPLIER"), ("Erik Fleming", "BUYER")}


@pytest.mark.parametrize("text", [
    "Jasveen Sangha sold ketamine to actor Matthew Perry in 2023.",  # the parser reads "to actor" as a verb
    "A federal jury on Thursday found Jasveen Sangha guilty of selling ketamine to actor Matthew Perry.",
])
def test_whom_drugs_were_sold_to_is_the_buyer_when_told_by_title_and_the_one_found_guilty_the_seller(text):
    events = _extract_text(text, FRIDAY)
    assert _only(events, "DRUG_SUPPLY")[1] == {("Jasveen Sangha", "SUPPLIER"), ("Matthew Perry", "BUYER")}
    if "jury" in text:  # the parser reads "Sangha" as a clause of "found": she is still the one tried
        assert _only(events, "TRIAL")[1] == {("Jasveen Sangha", "DEFENDANT")}


def test_whose_role_in_supplying_drugs_is_the_supplier():
    events = _extract_text(
        "Dr. Salvador Plasencia was sentenced Wednesday to 30 months in federal prison for his role in supplying "
        "ketamine to Matthew Perry.", FRIDAY)
    _, roles = _only(events, "DRUG_SUPPLY")
    assert roles == {("Salvador Plasencia", "SUPPLIER"), ("Matthew Perry", "BUYER")}


def test_narration_keeps_no_day_still_to_come_nor_a_birthday():
    events = _extract_text("Darius Kell is scheduled to be sentenced on Oct. 21, 2025. He pleaded guilty to "
                           "selling ketamine to Mira Onset.", date(2025, 9, 1))
    plea, _ = _only(events, "PLEA")
    assert plea.date.start != date(2025, 10, 21)
    events = _extract_text("Darius Kell was born on May 2, 1990, in Tucson. He sold ketamine to Mira Onset, 19.",
                           date(2025, 9, 1))
    supply, _ = _only(events, "DRUG_SUPPLY")
    assert supply.date.start != date(1990, 5, 2)


def test_a_year_is_borrowed_only_for_a_day_among_or_near_the_days_told_with_it():
    events = _extract_text(
        "Dr. Salvador Plasencia, who supplied ketamine to Matthew Perry before his death on Oct. 28, 2023, was "
        "sentenced on Dec. 3.", date(2024, 12, 10))
    sentencing, _ = _only(events, "SENTENCING")
    assert _span(sentencing) == (date(2024, 12, 3), date(2024, 12, 3))
    events = _extract_text("Matthew Perry, who was born on Sept. 20, 1969, died on Oct. 28 at his home.",
                           date(2024, 3, 1))
    death, _ = _only(events, "DEATH")
    assert _span(death) == (date(2023, 10, 28), date(2023, 10, 28))


def test_a_day_after_a_date_and_a_comma_is_that_date_not_an_anchor():
    events = _extract_text("Tom Ward was arrested on Monday, the day the verdict came down in Dallas.", FRIDAY)
    arrest, _ = _only(events, "ARREST")
    assert _span(arrest) == (date(2024, 6, 10), date(2024, 6, 10))


def test_nobody_negates_only_what_nobody_does():
    events = _extract_text("Nobody expected the guilty verdict in the trial of Thomas Webb on Monday.", FRIDAY)
    assert [e for e, _ in events if e.type == "TRIAL"]


def test_a_range_of_months_last_year_stays_a_range():
    events = _extract_text("Tia Blackwood died between March and May last year.", date(2025, 3, 14))
    death, _ = _only(events, "DEATH")
    assert _span(death) == (date(2024, 3, 1), date(2024, 5, 31))


def test_a_live_pages_heading_is_now_in_a_page_with_no_publication_date():
    from loaders.records import DocumentRecord

    text = "**Tuesday, March 4, 2025**\n\nJasveen Sangha was arrested this morning at her home."
    document = DocumentRecord(id="doc-t", path="t.txt", title=None, text=text, sha256="x", published=None)
    (arrest,) = [e for e in extract_document(document).extracted.events if e.type == "ARREST"]
    assert _span(arrest) == (date(2025, 3, 4), date(2025, 3, 4))


def test_a_statement_ending_in_a_question_still_tells_its_event():
    events = _extract_text("Dr. Salvador Plasencia pleaded guilty on Monday — so why is he still practising "
                           "medicine?", FRIDAY)
    plea, _ = _only(events, "PLEA")
    assert _span(plea) == (date(2024, 6, 10), date(2024, 6, 10))


def test_a_death_a_pronoun_tells_is_the_dead_persons_before_another_mention_borrows_it():
    # "he" in "before he died" is nearest the assistant; the death is still Perry's, and so is
    # the one "the actor" (a description the story never gave anyone) is pronounced dead in.
    events = _extract_text(
        "Matthew Perry's live-in assistant, Kenneth Iwamasa, began injecting him with ketamine in October. "
        "Four days before Perry died, Erik Fleming bought 25 vials. By the day before he died, the assistant "
        "was giving him six to eight shots a day.\n\n"
        "Iwamasa left the house to run errands. When he returned, he found Perry face down in the pool. "
        "Firefighters pronounced the actor dead at the scene.", date(2024, 9, 8))
    deaths = [roles for e, roles in events if e.type == "DEATH"]
    assert deaths and all(roles == {("Matthew Perry", "DECEASED")} for roles in deaths)


def test_what_an_office_says_in_a_news_release_is_its_statement():
    events = _extract_text("In a news release Wednesday, the U.S. Attorney's Office said that Mark Chavez was the "
                           "third defendant to plead guilty.", date(2025, 10, 3))
    statement, roles = _only(events, "STATEMENT")
    assert roles == {("U.S. Attorney's Office", "SPEAKER")}
    assert _span(statement) == (date(2025, 10, 1), date(2025, 10, 1))


def test_an_event_an_anchored_phrase_names_is_dated_by_the_date_beside_the_phrase():
    assert _dated("On Oct. 24, 2023, four days before Matthew Perry died, Erik Fleming bought 25 vials from Jasveen "
                  "Sangha.", date(2024, 9, 8), "DEATH") == (date(2023, 10, 28), date(2023, 10, 28))
    assert _dated("Jasveen Sangha was arrested on Aug. 15, 2024, two days after the indictment against her was "
                  "unsealed.", date(2024, 9, 8), "CHARGES") == (date(2024, 8, 13), date(2024, 8, 13))
    # The event's own date inside the phrase comes first.
    assert _dated("Matthew Perry drowned at his home on Oct. 28, 2023, after Kenneth Iwamasa injected him with ketamine "
                  "several times that day.", date(2024, 9, 8), "DRUG_ADMINISTRATION") == (
        date(2023, 10, 28), date(2023, 10, 28))


def test_the_surgery_center_is_the_center_the_story_named():
    events = _extract_text("Sierra Vista Surgical Partners, a surgery center in Reno, treated Bradley Tasker. "
                           "The Nevada State Board of Pharmacy opened an investigation into the surgery center on "
                           "Monday.", date(2024, 9, 18))
    _, roles = _only(events, "INVESTIGATION")
    assert roles == {("Nevada State Board of Pharmacy", "INVESTIGATOR"), ("Sierra Vista Surgical Partners", "SUBJECT")}


def test_handing_over_the_drug_is_a_supply_and_handing_down_a_sentence_is_not():
    supply, roles = _only(_extract_text("Prosecutors said Dr. Lionel Fairweather handed Grace Lindqvist a bottle of 60 "
                                        "compounded ketamine lozenges.", FRIDAY), "DRUG_SUPPLY")
    assert {role for _, role in roles} == {"SUPPLIER", "BUYER"}
    events = _extract_text("Judge Ann Cole handed down a 30-month sentence to Wade Tillotson in the case of the "
                           "ketamine pills.", FRIDAY)
    assert [e.type for e, _ in events] == ["SENTENCING"]


def test_police_looking_into_the_death_investigate_the_one_who_died():
    events = _extract_text("Eli Whitcombe died in February 2024. Portland police looked into the death and found no "
                           "evidence of a crime.", date(2025, 6, 1))
    _, roles = _only(events, "INVESTIGATION")
    assert roles == {("Portland police", "INVESTIGATOR"), ("Eli Whitcombe", "SUBJECT")}


def test_a_date_before_an_aside_naming_who_says_so_dates_what_is_said():
    events = _extract_text("From September 30 to October 12, 2023, the indictment alleges, Salvador Plasencia "
                           "distributed approximately 20 vials of ketamine to Matthew Perry.", date(2024, 8, 15))
    supply, _ = _only(events, "DRUG_SUPPLY")
    assert _span(supply) == (date(2023, 9, 30), date(2023, 10, 12))


def test_a_description_the_opening_gives_the_one_person_it_named_is_that_person():
    events = _extract_text(
        "A woman who sold the ketamine that killed Matthew Perry pleaded guilty on Wednesday, the last of five "
        "defendants to admit a role in the \"Friends\" actor's death.\n\n"
        "Kenneth Iwamasa injected Perry repeatedly on Oct. 28, 2023. The actor, 54, died that afternoon in the hot "
        "tub of his home.\n\n"
        "Jasveen Sangha also admitted selling ketamine in August 2019 to Cody McLaury, 33, who died hours later.",
        date(2025, 9, 17))
    deaths = {frozenset(roles): e for e, roles in events if e.type == "DEATH"}
    perry = deaths[frozenset({("Matthew Perry", "DECEASED")})]
    assert _span(perry) == (date(2023, 10, 28), date(2023, 10, 28))
    mclaury = deaths[frozenset({("Cody McLaury", "DECEASED")})]
    assert mclaury.date.end is not None and mclaury.date.end.year == 2019
    # Someone's owner is theirs, whoever the opening named.
    events = _extract_text(
        "Cassidy Moreno spent the last hour of her life alone in a treatment room, a prosecutor told jurors Tuesday "
        "as the manslaughter trial of the clinic's owner got under way. Dr. Leonard Vickery, 56, is charged with "
        "manslaughter.", date(2026, 3, 10))
    assert not [roles for e, roles in events if ("Cassidy Moreno", "DEFENDANT") in roles]


def test_whose_death_a_misparse_makes_the_subject_of_a_sentencing_is_not_sentenced():
    events = _extract_text(
        "A Santa Monica physician who sold ketamine to Matthew Perry in the weeks before the actor's death was "
        "sentenced Wednesday to 30 months in federal prison. Dr. Salvador Plasencia, 43, had pleaded guilty in July.",
        date(2025, 12, 5))
    sentencing, roles = _only(events, "SENTENCING")
    assert roles == {("Salvador Plasencia", "DEFENDANT")}
    death, _ = _only(events, "DEATH")
    assert death.date.start is None  # not the sentencing's Wednesday


def test_a_mention_naming_nobody_beside_an_undated_one_of_its_type_dates_it():
    assert _dated("Wendell Ashby is charged with distributing oxycodone in a criminal complaint that was unsealed "
                  "Tuesday in federal court in Lexington.", date(2025, 10, 8), "CHARGES") == (
        date(2025, 10, 7), date(2025, 10, 7))
    assert _dated("The only ketamine-derived medicine the FDA has approved for depression, an esketamine nasal spray, "
                  "was cleared in 2019.", date(2025, 6, 1), "REGULATORY_APPROVAL") == (
        date(2019, 1, 1), date(2019, 12, 31))
    # A pronoun's death is not the unnamed man's.
    events = _extract_text("Martin Oyelaran ran the pharmacy. One of its customers, a 27-year-old man, died of an "
                           "overdose in March 2023; the College has not linked his death to the pharmacy.",
                           date(2025, 6, 1))
    assert not [e for e, roles in events if e.type == "DEATH" and e.date.start is not None]


def test_words_that_look_like_events_but_are_not():
    for text, event_type in (
            ("A pharmacist reported a surge of ketamine prescriptions bearing Peter Marchbanks' signature.", "BIRTH"),
            ("Mark Chavez is expected to make his initial court appearance on August 30.", "INTERVIEW"),
            ("The board placed Wendell Ashby on probation in 2019, and that probation ended in 2022.", None),
            ("The order, which the Tribune obtained on Wednesday, says Peter Marchbanks approved ketamine "
             "prescriptions for 2,400 patients.", "DRUG_SUPPLY")):
        events = _extract_text(text, date(2024, 8, 15))
        if event_type is None:  # the probation is one action, of 2019
            action, _ = _only(events, "REGULATORY_ACTION")
            assert _span(action) == (date(2019, 1, 1), date(2019, 12, 31)), text
        else:
            assert not [e for e, _ in events if e.type == event_type], text
    # What is obtained is a supply when it is the drug, named or the noun a clause hangs on.
    events = _extract_text("Mark Chavez sold ketamine to Salvador Plasencia, including ketamine he had obtained from "
                           "a wholesale distributor.", date(2024, 10, 3))
    assert [roles for e, roles in events if e.type == "DRUG_SUPPLY" and roles == {("Mark Chavez", "BUYER")}]


def test_a_day_told_for_what_is_expected_sets_no_scene_for_what_follows():
    events = _extract_text(
        "Salvador Plasencia and Jasveen Sangha were arrested this morning. They are expected to make their initial "
        "appearances in downtown Los Angeles this afternoon.\n\n"
        "- Kenneth Iwamasa, 59, Perry's live-in assistant, agreed to plead guilty to one count of conspiracy.",
        date(2024, 8, 15))
    plea, _ = _only(events, "PLEA")
    assert plea.date.start is None


def test_a_date_opening_the_sentence_dates_its_main_clause_wherever_the_parser_hung_it():
    events = _extract_text("In October 2023, the same month Eli Whitcombe bought his first package, the Food and Drug "
                           "Administration warned patients that compounded ketamine could cause slowed breathing.",
                           date(2025, 5, 1))
    warning, _ = _only(events, "REGULATORY_WARNING")
    assert _span(warning) == (date(2023, 10, 1), date(2023, 10, 31))


def test_no_evidence_that_something_happened_tells_it_did_not():
    for text in ("There is no suggestion that Matthew Perry obtained his ketamine from such a source.",
                 "Police found no evidence that Cole Dade sold the pills to Dana Reyes."):
        assert not [e for e, _ in _extract_text(text, FRIDAY) if e.type == "DRUG_SUPPLY"], text
    # A suggestion made is still one that tells of the sale.
    assert [e for e, _ in _extract_text("The suggestion that Cole Dade sold the pills to Dana Reyes was made in "
                                        "court.", FRIDAY) if e.type == "DRUG_SUPPLY"]


def test_pronounced_dead_after_returning_to_find_him_is_the_day_he_was_found():
    assert _dated(
        "Kenneth Iwamasa admitted that on October 28, 2023, he injected Matthew Perry with ketamine at least three "
        "times. Iwamasa left the house to run errands and returned that afternoon to find Perry face down in the hot "
        "tub. Perry, 54, was pronounced dead at the scene.", date(2024, 8, 15), "DEATH",
    ) == (date(2023, 10, 28), date(2023, 10, 28))


def test_the_death_a_pronoun_tells_beside_someone_investigated_is_not_theirs():
    events = _extract_text(
        "Ellen Haugland, 39, received an infusion of ketamine on July 18, 2024. She died two days later. Board "
        "investigators found no documentation that Dr. Anselm Krieger or any other clinician reviewed her "
        "prescriptions. The Board opened an investigation into Dr. Krieger the week after her death, after receiving "
        "a report from the hospital.", date(2024, 8, 2))
    death, roles = _only(events, "DEATH")
    assert roles == {("Ellen Haugland", "DECEASED")}
    investigation, _ = _only(events, "INVESTIGATION")
    # the week after the death: from the day after it
    assert _span(investigation) == (date(2024, 7, 21), date(2024, 7, 27))


def test_passing_the_drug_on_to_someone_is_a_supply_and_passing_a_test_or_a_file_is_not():
    events = _extract_text("Jasveen Sangha sold 50 vials of ketamine to Erik Fleming in October 2023, and Erik Fleming "
                           "passed them on to Kenneth Iwamasa.", date(2025, 9, 17))
    assert {frozenset(roles) for e, roles in events if e.type == "DRUG_SUPPLY"} >= {
        frozenset({("Erik Fleming", "SUPPLIER"), ("Kenneth Iwamasa", "BUYER")})}
    # some of what the sentence before told was bought
    events = _extract_text("Erik Fleming bought 50 vials of ketamine from Jasveen Sangha. Fleming then passed 25 of "
                           "them on to Kenneth Iwamasa.", date(2025, 9, 17))
    assert {frozenset(roles) for e, roles in events if e.type == "DRUG_SUPPLY"} == {
        frozenset({("Jasveen Sangha", "SUPPLIER"), ("Erik Fleming", "BUYER")}),
        frozenset({("Erik Fleming", "SUPPLIER"), ("Kenneth Iwamasa", "BUYER")})}
    for text in ("Cole Dade passed a drug test in March.", "Dana Reyes passed the file on ketamine sales to police.",
                 "Dana Reyes read 40 letters about ketamine. She passed 12 of them on to police."):
        assert not [e for e, _ in _extract_text(text, FRIDAY) if e.type == "DRUG_SUPPLY"], text


@pytest.mark.parametrize("text, supplier, buyer", [
    ("Thomas Aldous died in November. Medivista Online Pharmacy Ltd supplied him with codeine on 14 occasions.",
     "Medivista Online Pharmacy Ltd", "Thomas Aldous"),
    ("Dr. Ray Hollis provided Ana Ruiz with ketamine lozenges in March.", "Ray Hollis", "Ana Ruiz"),
])
def test_whom_someone_supplied_with_a_drug_is_its_buyer(text, supplier, buyer):
    (roles,) = _roles_of(text, FRIDAY, "DRUG_SUPPLY")
    assert roles == {(supplier, "SUPPLIER"), (buyer, "BUYER")}


# Ordinary news sentences that rules added for other wording must leave alone.
def test_no_doubt_that_something_happened_says_it_did():
    events = _extract_text("Prosecutors said there was no doubt that Kevin Marsh sold the pills that killed Amy Ross.",
                           FRIDAY)
    assert [roles for e, roles in events if e.type == "DRUG_SUPPLY" and ("Kevin Marsh", "SUPPLIER") in roles]


def test_the_suspect_or_the_nurse_a_story_opens_with_is_not_the_one_person_it_named():
    for text in ("Amy Ross died in March after buying counterfeit pills online, and police arrested the suspect on "
                 "Friday. The suspect, 24, was booked into jail.",
                 "Jane Ortiz, 23, died after a ketamine infusion last month, and on Friday the state board suspended "
                 "the nurse. The nurse had injected her with ketamine, the board said."):
        events = _extract_text(text, date(2025, 6, 13))
        named = "Amy Ross" if "Amy" in text else "Jane Ortiz"
        assert not [e for e, roles in events if e.type in {"ARREST", "REGULATORY_ACTION"}
                    and any(name == named for name, _ in roles)], text
        assert not [e for e, roles in events if (named, "ADMINISTERED_BY") in roles], text


def test_a_nurse_named_then_told_as_the_nurse_with_an_aside_is_still_her():
    _the_one("Sarah Klein, a nurse at St. Luke's Hospital, was suspended in March. The Nursing and Midwifery "
             "Council is investigating the nurse, who has not been charged.", FRIDAY, "INVESTIGATION",
             ("Sarah Klein", "SUBJECT"), (None, None))
    # (but "the nurse who treated her" is someone else)
    assert not [roles for roles in _roles_of(
        "Sarah Klein, a nurse at St. Luke's Hospital, died in March. The council is investigating the nurse who "
        "treated her.", FRIDAY, "INVESTIGATION") if ("Sarah Klein", "SUBJECT") in roles]


def test_an_investigation_going_on_since_a_time_is_dated_by_when_it_began():
    _the_one("Owen Castellano died in March. Detectives have been investigating his death since April.", FRIDAY,
             "INVESTIGATION", ("Owen Castellano", "SUBJECT"), (date(2024, 4, 1), date(2024, 4, 30)))
    _the_one("Lakeside Pharmacy has been under investigation by the Ohio Board of Pharmacy since 2023.", FRIDAY,
             "INVESTIGATION", ("Lakeside Pharmacy", "SUBJECT"), (date(2023, 1, 1), date(2023, 12, 31)))


def test_an_investigation_that_found_what_someone_did_is_into_them():
    _the_one("An investigation by the Maine Board of Licensure in Medicine found that Dr. Ellen Ruiz had prescribed "
             "ketamine without examining patients.", FRIDAY, "INVESTIGATION", ("Ellen Ruiz", "SUBJECT"), (None, None))
    _the_one("A state inspection in March found that Lakeside Pharmacy had stored ketamine improperly.", FRIDAY,
             "INVESTIGATION", ("Lakeside Pharmacy", "SUBJECT"), (date(2024, 3, 1), date(2024, 3, 31)))


def test_a_paper_someone_wrote_is_a_publication_but_court_papers_are_not():
    _the_one("In a 2021 paper in The Lancet, Dr. Rupert McShane described the risks of ketamine.", FRIDAY,
             "PUBLICATION", ("Rupert McShane", "AUTHOR"), (date(2021, 1, 1), date(2021, 12, 31)))
    events = _extract_text("According to court papers filed in 2021, Dr. Rupert McShane described the risks.", FRIDAY)
    assert "PUBLICATION" not in [e.type for e, _ in events]


def test_a_vendor_one_obtained_drugs_through_is_the_supplier():
    _the_one("Emily Chen, 19, died in January. Chen obtained the ketamine through an online vendor, Medivance "
             "Direct, in December.", FRIDAY, "DRUG_SUPPLY", ("Medivance Direct", "SUPPLIER"),
             (date(2023, 12, 1), date(2023, 12, 31)))


def test_a_detention_center_is_no_hospital_the_story_named():
    events = _extract_text("Kevin Marsh was taken to Mercy Hospital after his arrest. On Friday, the detention center "
                           "said in a statement that he had died in custody.", date(2025, 6, 13))
    assert not [roles for e, roles in events if ("Mercy Hospital", "SPEAKER") in roles]


def test_police_investigating_the_death_of_an_unnamed_patient_do_not_investigate_an_older_one():
    events = _extract_text("Tom Reyes, who founded the Tampa clinic, died in a car crash in 2014. On Friday, a "
                           "25-year-old patient died at the clinic after a ketamine infusion. Police are investigating "
                           "the death.", date(2025, 6, 13))
    assert not [roles for e, roles in events if e.type == "INVESTIGATION" and ("Tom Reyes", "SUBJECT") in roles]


def test_another_persons_dated_event_in_the_sentence_does_not_date_this_one():
    events = _extract_text("Amy Ross died of an overdose at the clinic, where another patient died in March 2023.",
                           date(2025, 6, 13))
    death, _ = _only(events, "DEATH")
    assert death.date.start is None
    events = _extract_text("Kevin Marsh was arrested along with a second suspect, who was arrested in Ohio on Tuesday.",
                           date(2025, 6, 13))
    arrest, _ = _only(events, "ARREST")
    assert _span(arrest) != (date(2025, 6, 10), date(2025, 6, 10))


def test_someone_charged_who_later_died_keeps_their_own_death():
    events = _extract_text("Daniel Soto died in 2022 after a ketamine infusion. Dr. Paul Lee was charged with "
                           "manslaughter in 2023 and was awaiting trial when he died last year.", date(2025, 6, 13))
    deaths = {frozenset(roles): e for e, roles in events if e.type == "DEATH"}
    lee = deaths[frozenset({("Paul Lee", "DECEASED")})]
    assert _span(lee) == (date(2024, 1, 1), date(2024, 12, 31))
    soto = deaths[frozenset({("Daniel Soto", "DECEASED")})]
    assert _span(soto) == (date(2022, 1, 1), date(2022, 12, 31))


def test_handing_over_water_a_vial_of_naloxone_given_and_an_order_served():
    assert not [e for e, _ in _extract_text("After the verdict, a court officer handed Amy Ross a bottle of water.",
                                            FRIDAY) if e.type == "DRUG_SUPPLY"]
    events = _extract_text("Paramedics gave Amy Ross a vial of naloxone, but she did not respond.", FRIDAY)
    assert [e for e, _ in events if e.type == "DRUG_ADMINISTRATION"] and not [e for e, _ in events
                                                                            if e.type == "DRUG_SUPPLY"]
    events = _extract_text("State officials served Dr. Paul Lee with an emergency suspension order on Friday.", FRIDAY)
    assert [roles for e, roles in events if e.type == "REGULATORY_ACTION" and ("Paul Lee", "SUBJECT") in roles]
    events = _extract_text("In an initial interview with CNN on Monday, Amy Ross said she blamed the clinic.", FRIDAY)
    assert [e for e, _ in events if e.type == "INTERVIEW"]


def test_booked_into_jail_on_a_day_sets_the_scene_for_what_follows():
    events = _extract_text("Kevin Marsh was booked into the Montgomery County Jail on Tuesday. He was charged with "
                           "involuntary manslaughter and drug trafficking.", date(2025, 6, 13))
    charges, _ = _only(events, "CHARGES")
    assert _span(charges) == (date(2025, 6, 10), date(2025, 6, 10))


def test_a_name_the_model_runs_into_the_verb_ends_before_it():
    events = _extract_text("The Maine Board of Pharmacy fined Lakeshore Compounding $10,000 in December 2024 for "
                           "shipping prescriptions into the state without a license.", date(2025, 6, 13))
    action, roles = _only(events, "REGULATORY_ACTION")
    assert ("Maine Board of Pharmacy", "REGULATOR") in roles
    assert _span(action) == (date(2024, 12, 1), date(2024, 12, 31))


def test_what_someone_usually_did_is_a_habit_not_an_event():
    assert not _extract_text("Eli Whitcombe, his mother says, usually took the lozenges alone in his room.", FRIDAY)
    assert _extract_text("Eli Whitcombe took the lozenges on Monday.", FRIDAY)


def test_selling_bottles_of_esketamine_spray_is_a_supply_and_pepper_spray_is_not():
    events = _extract_text("Keith Dunleavy sold Nadia Fairbanks bottles of esketamine spray.", date(2025, 10, 1))
    _, roles = _only(events, "DRUG_SUPPLY")
    assert ("Keith Dunleavy", "SUPPLIER") in roles
    assert not _extract_text("The store sold pepper spray to Jane Doe on May 2, 2024.", FRIDAY)


def test_second_review_sentences_keep_their_plain_reading():
    # A first appearance in court is no interview; a first interview is one.
    assert not _extract_text("Michael Smith made his initial appearance on Tuesday before a federal magistrate.", FRIDAY)
    # Selling regularly over a period is a supply; a claim denied is no event.
    assert [e for e, _ in _extract_text("Prosecutors said Jack Smith regularly sold fentanyl pills to teenagers in "
                                        "Dayton between 2021 and 2023.", FRIDAY) if e.type == "DRUG_SUPPLY"]
    assert not _extract_text("There was no claim that Jack Smith sold ketamine to Matthew Perry in 2023.", FRIDAY)
    # A medical center the story named is "the center".
    events = _extract_text("Tom Reyes had surgery at Cedars-Sinai Medical Center in April 2024. The state health "
                           "department fined the center $10,000 on May 2, 2024.", FRIDAY)
    assert [roles for e, roles in events if ("Cedars-Sinai Medical Center", "SUBJECT") in roles]
    # Passing a test, or seized drugs to a laboratory, is no supply.
    for text in ("Michael Smith passed a drug test to return to work in May 2024.",
                 "Detectives seized the drugs on May 2, 2024 and passed them on to the DEA laboratory for testing."):
        assert not [e for e, _ in _extract_text(text, FRIDAY) if e.type == "DRUG_SUPPLY"], text


def test_a_name_after_a_long_opening_phrase_still_does_the_verb():
    # After "According to an indictment returned ... on June 3, 2025," the small model hangs the
    # seller's name on the date; she is still who sold, on the occasions the sentence dates,
    # and the indictment dated by its return is against her.
    events = _extract_text("According to an indictment returned by a grand jury in Tulsa on June 3, 2025, a "
                           "Broken Arrow pharmacist, Dr. Marisol Keane, sold the teacher bottles of oxycodone "
                           "and fentanyl patches on at least six occasions between January and April 2025, "
                           "without a prescription.", date(2025, 6, 20))
    supply, roles = _only(events, "DRUG_SUPPLY")
    assert ("Marisol Keane", "SUPPLIER") in roles
    assert _span(supply) == (date(2025, 1, 1), date(2025, 4, 30))
    charges, roles = _only(events, "CHARGES")
    assert ("Marisol Keane", "DEFENDANT") in roles
    assert _span(charges) == (date(2025, 6, 3), date(2025, 6, 3))


def test_people_named_in_an_indictment_are_its_defendants():
    events = _extract_text("Federal prosecutors on Thursday charged four people in the death of a Tacoma "
                           "teenager. Dr. Alan Brisco, 61, and Tessa Morrow, 33, were named in an indictment "
                           "unsealed in federal court.", date(2025, 3, 13))
    charges, roles = _only(events, "CHARGES")
    assert {("Alan Brisco", "DEFENDANT"), ("Tessa Morrow", "DEFENDANT")} <= set(roles)
    assert _span(charges) == (date(2025, 3, 13), date(2025, 3, 13))


def test_what_an_indictment_says_happened_in_a_month_does_not_date_the_indictment():
    events = _extract_text("- March 2021: Victor Hale begins selling Ruth Baird oxycodone tablets from his office "
                           "stock, according to the indictment.", date(2024, 6, 14))
    assert not [e for e, _ in events if e.type == "CHARGES" and e.date.start is not None]


def test_a_surname_the_model_reads_as_a_verb_is_still_the_one_arrested():
    # "arrested Denning at ... on Jan. 16": the model may take the "-ing" name for a verb.
    _the_one("Tobias Ray Denning sold pills to Lena Ortiz. Agents arrested Denning at a gas station "
             "in Antioch on Jan. 16.", date(2025, 2, 3), "ARREST",
             ("Tobias Ray Denning", "ARRESTED"), (date(2025, 1, 16), date(2025, 1, 16)))


@pytest.mark.parametrize("pronoun", ["They", "Both", "Each"])
def test_they_or_both_after_two_people_named_together_are_those_two(pronoun):
    events = _extract_text("Dr. Salvador Plasencia and Jasveen Sangha were arrested on Aug. 15, 2024. "
                           f"{pronoun} later pleaded not guilty.", FRIDAY)
    defendants = {name for e, roles in events if e.type == "PLEA" for name, role in roles if role == "DEFENDANT"}
    assert defendants == {"Salvador Plasencia", "Jasveen Sangha"}


def test_sales_dated_apart_stay_two_sales_whatever_else_the_story_says_of_the_seller():
    # The undated sale ("Sangha sold drugs from her home") may be either, but joins neither to the other.
    events = _extract_text("Prosecutors say Jasveen Sangha sold drugs out of her home in North Hollywood. In October "
                           "2023, she sold Erik Fleming 51 vials of ketamine. Cody McLaury bought four vials of "
                           "ketamine from Sangha in 2019.", FRIDAY)
    sales = sorted(_span(e) for e, _ in events if e.type == "DRUG_SUPPLY" and e.date.start is not None)
    assert sales == [(date(2019, 1, 1), date(2019, 12, 31)), (date(2023, 10, 1), date(2023, 10, 31))]


def test_a_sentencing_calendared_for_a_day_is_scheduled_for_the_next_such_day():
    events = _extract_text("Rhea Vance pleaded guilty in September 2024. Her sentencing is calendared for Dec. 10 "
                           "before Judge Ortiz.", date(2025, 12, 4))
    sentencing, _ = _only(events, "SENTENCING")
    assert sentencing.status == EventStatus.SCHEDULED
    assert _span(sentencing) == (date(2025, 12, 10), date(2025, 12, 10))


def test_an_investigation_opened_after_a_death_is_into_that_death_on_the_day_told():
    events = _extract_text("Alma Ruiz died at a clinic in Fort Collins on Jan. 22, 2023. Fort Collins police "
                           "opened an investigation the day Ruiz died, after the hospital called the coroner.",
                           date(2023, 3, 1))
    investigation, roles = _only(events, "INVESTIGATION")
    assert ("Alma Ruiz", "SUBJECT") in roles
    assert _span(investigation) == (date(2023, 1, 22), date(2023, 1, 22))
    # Its own "into", or another's investigation mentioned in passing, keeps it from the death.
    for text in ("Alma Ruiz died on Jan. 22, 2023. Agents opened an investigation into the pharmacy in May.",
                 "Alma Ruiz died on Jan. 22, 2023. The clinic said it was cooperating with an ongoing "
                 "investigation."):
        assert not [roles for e, roles in _extract_text(text, date(2023, 6, 1))
                    if e.type == "INVESTIGATION" and ("Alma Ruiz", "SUBJECT") in roles], text


def test_a_sentencing_memorandum_is_a_filing_not_a_sentencing():
    events = _extract_text("Omar Bell pleaded guilty in July. In its sentencing memorandum, filed Nov. 19, the "
                           "government sought 36 months for Bell.", date(2025, 12, 4))
    assert not [e for e, _ in events if e.type == "SENTENCING"]


def test_charges_against_all_the_defendants_counted_are_against_those_the_story_names():
    events = _extract_text("Dr. Lena Hart pleaded guilty in June. Paul Ames pleaded guilty in July. Rosa Ng was "
                           "sentenced on Oct. 2. The investigation ended with charges against all three defendants, "
                           "made public Aug. 15, 2024.", date(2025, 12, 4))
    charges, roles = _only(events, "CHARGES")
    assert {name for name, role in roles if role == "DEFENDANT"} == {"Lena Hart", "Paul Ames", "Rosa Ng"}
    assert _span(charges) == (date(2024, 8, 15), date(2024, 8, 15))
    # "three defendants" with no "the" or "all" may be others.
    events = _extract_text("Dr. Lena Hart pleaded guilty in June. Paul Ames pleaded guilty in July. Rosa Ng was "
                           "sentenced on Oct. 2. Prosecutors filed charges against three defendants on Aug. 15, 2024.",
                           date(2025, 12, 4))
    assert not [e for e, _ in events if e.type == "CHARGES"]


def test_a_shipment_that_arrived_from_a_pharmacy_is_its_supply_dated_back_from_the_death():
    events = _extract_text("Kyle Brandt, 34, was found dead at his home on Aug. 17, a week after a 30-tablet "
                           "shipment arrived from Northstar Compounding Pharmacy.", date(2025, 11, 14))
    supply, roles = _only(events, "DRUG_SUPPLY")
    assert ("Northstar Compounding Pharmacy", "SUPPLIER") in roles
    assert _span(supply) == (date(2025, 8, 10), date(2025, 8, 10))
    # A shipment of anything else is no supply.
    assert not _extract_text("A shipment of office chairs arrived from Northstar Furniture on Aug. 10.", FRIDAY)


def test_an_investigation_a_board_opened_with_its_order_is_into_the_one_the_order_is_against():
    _the_one("The Oregon Medical Board suspended the license of Dr. Gregory Hallworth on March 7, "
             "2024, and opened an investigation the same day.", date(2025, 5, 1), "INVESTIGATION",
             ("Gregory Hallworth", "SUBJECT"), (date(2024, 3, 7), date(2024, 3, 7)))


def test_a_bold_lead_in_label_is_no_part_of_the_sentence_after_it():
    from loaders.nlp import parse, sentences
    text = "**What they're saying:** Halcyon's chief executive, Mara Lindqvist, defended the model in a podcast."
    assert [s.text for s in sentences(parse(text))] == [
        "**What they're saying:**", "Halcyon's chief executive, Mara Lindqvist, defended the model in a podcast."]


def test_an_investigation_opened_the_morning_someone_was_found_takes_the_day_of_their_death():
    _the_one("Jonah Reyes died in the early hours of Sept. 22, 2024, at his house in East Nashville. "
             "His manager found him that morning. Metro Nashville police detectives opened a death "
             "investigation the morning Reyes was found.", date(2025, 2, 9), "INVESTIGATION",
             ("Jonah Reyes", "SUBJECT"), (date(2024, 9, 22), date(2024, 9, 22)))


def test_an_investigation_opened_after_the_examiners_findings_starts_with_them():
    events = _extract_text("The medical examiner ruled in December 2023 that Matthew Perry died of the acute "
                           "effects of ketamine. The Los Angeles Police Department opened a joint investigation "
                           "after those findings.", date(2025, 12, 4))
    investigation, _ = _only(events, "INVESTIGATION")
    assert investigation.date.start == date(2023, 12, 1) and investigation.date.end is None


def test_an_investigation_opened_after_findings_the_story_tells_later_is_into_the_death_told_before():
    text = ("Matthew Perry died in October 2023. The Los Angeles Police Department opened an investigation after "
            "the medical examiner's findings. Timeline: On Dec. 15, 2023, the medical examiner ruled that Perry died "
            "of the acute effects of ketamine.")
    investigation, roles = _only(_extract_text(text, date(2025, 7, 23)), "INVESTIGATION")
    assert roles == {("Los Angeles Police Department", "INVESTIGATOR"), ("Matthew Perry", "SUBJECT")}
    assert investigation.date.start == date(2023, 12, 15)


def test_third_review_sentences_keep_their_plain_reading():
    june = date(2025, 6, 13)
    # Whoever is cited speaks for the one who acted, and is never made the doer.
    assert _roles_of("Dr. Paul Hirsch was released on bond and, according to his attorney, Mark Geragos, pleaded "
                     "not guilty on Monday.", june, "PLEA") == [{("Paul Hirsch", "DEFENDANT")}]
    assert _roles_of("Jane Morrow was a patient at the clinic and, according to her mother, Ellen Morrow, died of "
                     "an overdose on May 3, 2024.", june, "DEATH") == [{("Jane Morrow", "DECEASED")}]
    # What an indictment says of victims, witnesses and agencies charges none of them.
    for text in ("Kenneth Iwamasa was charged in August 2024. According to the indictment, Perry died on Oct. 28, "
                 "2023, after Iwamasa injected him with ketamine.",
                 "Two pharmacists were indicted in Ohio on Jan. 9. According to the indictment, the Ohio Board of "
                 "Pharmacy inspected the store in 2022 and found missing oxycodone.",
                 "Dr. Alan Price was named in the indictment as an unindicted co-conspirator."):
        defendants = {name for roles in _roles_of(text, june, "CHARGES") for name, role in roles if role == "DEFENDANT"}
        assert defendants <= {"Kenneth Iwamasa"}, text
    # "Both" are those the event before befell, not those who acted.
    events = _extract_text("Prosecutors Ann Lee and Mark Dunn charged Paul Hirsch and Lisa Kent on Tuesday. Both "
                           "pleaded not guilty on Friday.", june)
    assert {name for e, roles in events if e.type == "PLEA" for name, _ in roles} == {"Paul Hirsch", "Lisa Kent"}
    assert not _roles_of("Dr. Paul Hirsch and nurse Amy Cole treated Jane Morrow and Emily Ross at the clinic on "
                         "May 1, 2024. Both died two days later.", june, "DEATH")
    # An investigation opened beside an action is into its subject, not the regulator; an unrelated
    # arrest before it lends it nobody.
    roles = _roles_of("The Texas Medical Board suspended the license of Dr. Alan Price on March 7 and opened an "
                      "investigation the same day.", june, "INVESTIGATION")
    assert roles and ("Texas Medical Board", "SUBJECT") not in roles[0] and ("Alan Price", "SUBJECT") in roles[0]
    assert not _roles_of("Police arrested Tom Baines, 22, on a drug charge on May 1. Separately, the state health "
                         "department opened an investigation after patients complained about the Sunrise clinic.",
                         june, "INVESTIGATION")
    # A plea agreement docketed is filed, not scheduled; a coroner announcing a retirement did no autopsy.
    plea = [e for e, _ in _extract_text("The court docketed Hirsch's plea agreement on Monday.", june)]
    assert plea and plea[0].status == EventStatus.OCCURRED
    assert not _roles_of("Jane Morrow died on May 3, 2024. On May 5, the county coroner, Dr. Ann Lee, announced "
                         "her retirement.", june, "AUTOPSY")
    # Whom a statement distances itself from is no speaker; a business sold or drugs seized is no supply.
    assert not _roles_of("In a statement released Tuesday, the hospital distanced itself from Dr. Paul Hirsch.",
                         june, "STATEMENT")
    for text in ("Halcyon Direct announced the sale of its telehealth unit, which prescribes ketamine, to Medix "
                 "Health on May 2.", "The DEA seized a shipment of ketamine from Halcyon Direct on May 2, 2024."):
        assert not _roles_of(text, june, "DRUG_SUPPLY"), text
    # A bold label that is a time still dates the entry it opens.
    arrest, _ = _only(_extract_text("**In March:** DEA agents arrested Dr. Paul Hirsch at his Austin clinic.", june),
                      "ARREST")
    assert _span(arrest) == (date(2025, 3, 1), date(2025, 3, 31))
    # "the two defendants" of a separate case are no trial of these.
    assert not _roles_of("Dr. Paul Hirsch and Lisa Kent pleaded not guilty on Monday. Their lawyers said the two "
                         "defendants in a similar Texas case were acquitted in 2023.", june, "TRIAL")


def test_charges_told_with_the_complaint_unsealed_the_next_day_take_that_day():
    _the_one("Agents arrested Darnell Price at a gas station in Antioch on Jan. 16. He was charged in "
             "a federal complaint, unsealed the next day, with distribution of fentanyl resulting in "
             "death.", date(2025, 2, 9), "CHARGES",
             ("Darnell Price", "DEFENDANT"), (date(2025, 1, 17), date(2025, 1, 17)))


def test_a_list_under_a_dated_heading_or_lead_in_happened_then():
    text = ("The Oregon Medical Board suspended Dr. Ray Hall's license on March 7, 2024.\n\n"
            "**Other disciplinary actions, April 2025**\n\n"
            "The Board also took the following actions:\n\n"
            "- Anna Delacroix, PA, Portland: The Board reprimanded Ms. Delacroix and fined her $5,000.\n"
            "- Terrence Blake, DO, Medford: The Board placed Dr. Blake on probation for five years.\n")
    events = _extract_text(text, date(2025, 5, 1))
    spans = {name: _span(e) for e, roles in events if e.type == "REGULATORY_ACTION"
             for name, role in roles if role == "SUBJECT"}
    assert spans["Anna Delacroix"] == spans["Terrence Blake"] == (date(2025, 4, 1), date(2025, 4, 30))
    assert spans["Ray Hall"] == (date(2024, 3, 7), date(2024, 3, 7))
    # A paragraph between the heading and the list: the list is not the heading's.
    text = ("**Actions, April 2025**\n\nThe Board met twice. It heard from the public.\n\n"
            "- Anna Delacroix, PA: The Board reprimanded Ms. Delacroix.\n")
    (action, _), = [(e, r) for e, r in _extract_text(text, date(2025, 5, 1)) if e.type == "REGULATORY_ACTION"]
    assert action.date.start is None


def test_fourth_review_sentences_keep_their_plain_reading():
    june = date(2025, 6, 13)
    # A lead-in of several sentences, or one whose date is a death's, dates no list below it.
    events = _extract_text("Dr. Salvador Plasencia was sentenced on Dec. 3, 2025. Prosecutors laid out the case "
                           "against him in court filings:\n- Plasencia injected Perry with ketamine in his car.\n", june)
    (injection, _), = [(e, r) for e, r in events if e.type == "DRUG_ADMINISTRATION"]
    assert injection.date.start is None
    # "They" after a sentence of neighbours are the neighbours, never the two arrested before.
    assert not _roles_of("Erik Fleming and Kenneth Iwamasa were arrested on Aug. 15, 2024.\nTheir neighbors, Ann "
                         "Lee and Bo Park, had complained for months. They died in a car crash in 2023.", june, "DEATH")
    # ... but two people named together are who "They were arrested" are.
    events = _extract_text("Dr. Mark Chavez and Dr. Salvador Plasencia ran a clinic in Santa Monica. They were "
                           "arrested on Aug. 15, 2024.", june)
    assert {name for e, roles in events if e.type == "ARREST" for name, _ in roles} == {"Mark Chavez",
                                                                                        "Salvador Plasencia"}
    # A headline with a verb tells an event; only a bare label over a list does not.
    assert _roles_of("**Charges filed against Dr. Raynaldo Ortiz in Dallas**", june, "CHARGES")
    # Charged for what an indictment says someone agreed to do, or on an indictment arraigned.
    assert _roles_of("According to the criminal complaint, Jasveen Sangha agreed to sell 50 vials of ketamine.",
                     june, "CHARGES")
    charges, _ = _only(_extract_text("Dr. Raynaldo Ortiz was arraigned on a 10-count federal indictment on "
                                     "Sept. 21, 2022.", june), "CHARGES")
    assert _span(charges) == (date(2022, 9, 21), date(2022, 9, 21))
    # The defendant's own later filing does not date the charge.
    charges, _ = _only(_extract_text("Dr. Raynaldo Ortiz was charged with tampering and filed a motion to dismiss "
                                     "on Nov. 4, 2022.", june), "CHARGES")
    assert charges.date.start != date(2022, 11, 4)
    # A trial docketed for a day is scheduled; police opening an investigation after a death look into it.
    trial, _ = _only(_extract_text("Hirsch's trial is docketed for Oct. 6.", june), "TRIAL")
    assert trial.status == EventStatus.SCHEDULED and _span(trial) == (date(2025, 10, 6), date(2025, 10, 6))
    assert [r for r in _roles_of("Matthew Perry died on Oct. 28, 2023. Los Angeles police opened an investigation.",
                                 june, "INVESTIGATION") if ("Matthew Perry", "SUBJECT") in r]
    # A shipment containing a drug is a supply.
    assert _roles_of("Northstar Compounding Pharmacy sent a shipment containing 200 vials of ketamine to the clinic "
                     "on May 3.", june, "DRUG_SUPPLY")


def test_a_second_list_with_its_own_lead_in_is_not_the_dated_headings():
    text = ("**Disciplinary actions, April 2025**\n\n- Dr. Anna Delacroix: The Board reprimanded Dr. Delacroix.\n\n"
            "Actions from earlier years that remain under appeal:\n\n"
            "- Dr. Peter Hall: The Board suspended Dr. Hall's license.\n")
    spans = {name: e.date.start for e, roles in _extract_text(text, date(2025, 5, 1))
             if e.type == "REGULATORY_ACTION" for name, role in roles if role == "SUBJECT"}
    assert spans["Anna Delacroix"] == date(2025, 4, 1) and spans["Peter Hall"] is None


def test_a_plea_entered_as_his_or_theirs_is_a_plea_later_that_year_within_it():
    events = _extract_text("Dr. Mark Chavez entered his plea on Oct. 2, 2024; Erik Fleming entered his later that "
                           "year.", date(2025, 12, 4))
    spans = {name: _span(e) for e, roles in events if e.type == "PLEA" for name, _ in roles}
    assert spans == {"Mark Chavez": (date(2024, 10, 2), date(2024, 10, 2)),
                     "Erik Fleming": (date(2024, 10, 3), date(2024, 12, 31))}
    assert not _extract_text("She entered his office on Monday.", FRIDAY)


def test_third_review_lists_weeks_and_possessives_keep_their_plain_reading():
    june = date(2025, 6, 13)
    # Press-release lead-ins date their lists, whatever else they hold ("following", "St.", a duration).
    for lead_in, day in (("The following physicians were disciplined by the board on June 5, 2025:", date(2025, 6, 5)),
                         ("In June 2025, the St. Louis County medical board took these actions:", date(2025, 6, 1)),
                         ("The board suspended the following licenses on June 5, 2025, for six months:",
                          date(2025, 6, 5))):
        events = _extract_text(lead_in + "\n- Dr. Anna Ruiz: The board reprimanded Dr. Ruiz.\n"
                               "- Dr. Tom Bell: The board suspended Dr. Bell's license.\n", june)
        assert sorted(e.date.start for e, _ in events if e.type == "REGULATORY_ACTION") == [day, day], lead_in
    # "Later that week" after a Sunday is the days after it, not the week that ends with it.
    charges, _ = _only(_extract_text("Erik Fleming was arrested on Sunday, Aug. 18, 2024. Later that week, he was "
                                     "charged with distributing ketamine.", june), "CHARGES")
    assert charges.date.start > date(2024, 8, 18)
    # "following his earlier guilty plea": still his plea.
    assert _roles_of("Dr. Plasencia was sentenced to 30 months in prison on Dec. 3, 2025, following his earlier "
                     "guilty plea.", june, "PLEA")


def test_an_indictment_returned_on_a_day_is_dated_that_day_and_is_the_indictment_told_before():
    may_2 = (date(2024, 5, 2), date(2024, 5, 2))
    _the_one("A Dane County grand jury returned the indictment against Corbin Tate on May 2.", FRIDAY, "CHARGES",
             ("Corbin Tate", "DEFENDANT"), may_2)
    # "the indictment", naming no one, dated later in the story: the one the story cited before.
    _the_one("According to the indictment, Delia Sorensen sent Lena Farrow home with 30 ketamine lozenges. "
             "Farrow died two days later. A Merrimack County grand jury returned the indictment on May 2.",
             FRIDAY, "CHARGES", ("Delia Sorensen", "DEFENDANT"), may_2)


def test_an_inquest_opened_and_adjourned_on_a_day_is_dated_that_day_and_is_into_the_death_told_next():
    text = ("The inquest had been opened and adjourned on 21 March. The court heard that Daniel Pryce was admitted "
            "to hospital on 9 March. He died in the intensive care unit on 14 March.")
    _the_one(text, date(2025, 11, 7), "INVESTIGATION", ("Daniel Pryce", "SUBJECT"),
             (date(2025, 3, 21), date(2025, 3, 21)))
    # told actively, the inquest is still opened that day (not put off to no day)
    event = _the_one("The coroner opened and adjourned the inquest into Emily Chen's death on 12 January.", FRIDAY,
                     "INVESTIGATION", ("Emily Chen", "SUBJECT"), (date(2024, 1, 12), date(2024, 1, 12)))
    assert event.status == EventStatus.OCCURRED
    # A date told once for two verbs of one subject; not when the first verb has a time or place of its own,
    # nor for a verb that looks ahead.
    assert _dated("Karen Holt was arrested and charged with fraud on Monday.", FRIDAY, "ARREST") == (
        date(2024, 6, 10), date(2024, 6, 10))
    assert _dated("Karen Holt was arrested in Mexico and charged with fraud on Monday.", FRIDAY, "ARREST") != (
        date(2024, 6, 10), date(2024, 6, 10))
    plea, _ = _only(_extract_text("Karen Holt pleaded guilty and is scheduled to be sentenced on July 14.", FRIDAY),
                    "PLEA")
    assert plea.date.start is None or plea.date.start < date(2024, 7, 14)


def test_a_regulator_speaking_in_its_warning_letter_issued_that_warning():
    _the_one("In a warning letter in March, the FDA said Pinnacle Pharmacy had not tested some batches for potency.",
             FRIDAY, "REGULATORY_WARNING", ("FDA", "REGULATOR"), (date(2024, 3, 1), date(2024, 3, 31)))
    # What a clinic says of a warning is not its warning.
    assert not _roles_of("In a reply to the warning letter, Pinnacle Pharmacy said it had fixed the problems.",
                         FRIDAY, "REGULATORY_WARNING")


def test_the_first_person_charged_under_a_law_is_charged_on_the_day_the_sentence_opens_with():
    _the_one("On Oct. 21, 2025, Trevon Sandoval, 30, of Ashgrove became the first person charged under the rule.",
             date(2026, 3, 2), "CHARGES", ("Trevon Sandoval", "DEFENDANT"), (date(2025, 10, 21), date(2025, 10, 21)))


def test_selling_what_the_buyer_believed_was_a_drug_is_a_sale_to_the_buyer_dated_as_told():
    _the_one("Tom Hale died on May 3, 2024. Police say Ana Ruiz sold Hale what he believed was heroin the day before "
             "he died.", FRIDAY, "DRUG_SUPPLY", ("Tom Hale", "BUYER"), (date(2024, 5, 2), date(2024, 5, 2)))
    _the_one("Ana Ruiz sold Tom Hale what he thought were oxycodone tablets on March 3, 2024.", FRIDAY, "DRUG_SUPPLY",
             ("Tom Hale", "BUYER"), (date(2024, 3, 3), date(2024, 3, 3)))


def test_a_sale_of_pills_described_by_a_participle_is_dated_by_its_night():
    # The model reads "pills stamped" as a clause of its own, the pills doing the stamping.
    _the_one('Reid Castellanos sold Julian Okafor about two grams of ketamine and two pills stamped "M30" the night '
             'of Jan. 31, at an off-campus party.', date(2025, 3, 5), "DRUG_SUPPLY",
             ("Reid Castellanos", "SUPPLIER"), (date(2025, 1, 31), date(2025, 1, 31)))


def test_interviewed_by_a_broadcaster_names_the_outlet_but_by_police_names_no_outlet():
    _the_one("Gavin Shale was interviewed by BBC Radio Manchester in December.", date(2025, 2, 18), "INTERVIEW",
             ("BBC Radio Manchester", "OUTLET"), (date(2024, 12, 1), date(2024, 12, 31)))
    interviews = _roles_of("The Los Angeles Police Department interviewed Ann Lee on Monday.", FRIDAY, "INTERVIEW")
    assert not [name for roles in interviews for name, role in roles if role == "OUTLET"]


def test_an_organisation_naming_one_person_is_not_that_person():
    # "the Halvorsen junior" is a student, not the university; "Lumenra clinicians" act for Lumenra
    supplies = _roles_of("Police say the Halvorsen junior sold Julian Okafor ketamine pills in January.",
                         date(2025, 3, 5), "DRUG_SUPPLY")
    assert not [name for roles in supplies for name, _ in roles if name == "Halvorsen"]


def test_a_spray_bought_online_is_a_supply():
    _the_one("Owen Latchford bought two bottles of the spray from a website in May 2024.", date(2025, 2, 18),
             "DRUG_SUPPLY", ("Owen Latchford", "BUYER"), (date(2024, 5, 1), date(2024, 5, 31)))


def test_a_regulator_known_by_initials_with_a_small_letter_imposes_a_suspension_on_someone():
    text = ("The General Pharmaceutical Council (GPhC) regulates pharmacists in Great Britain. The GPhC imposed an "
            "interim suspension in August on Rashid Qureshi, a pharmacist in Leeds.")
    _the_one(text, date(2025, 2, 18), "REGULATORY_ACTION", ("General Pharmaceutical Council", "REGULATOR"),
             (date(2024, 8, 1), date(2024, 8, 31)))
    _the_one(text, date(2025, 2, 18), "REGULATORY_ACTION", ("Rashid Qureshi", "SUBJECT"),
             (date(2024, 8, 1), date(2024, 8, 31)))


def test_an_organisations_own_officers_do_not_borrow_the_next_actions_participants():
    actions = _roles_of(
        "Owen Latchford died in June 2024. "
        "The MHRA said its enforcement officers seized 1100 sprays from a unit in Leeds in July 2024. The General "
        "Pharmaceutical Council imposed an interim suspension in August on Rashid Qureshi, a pharmacist.",
        date(2025, 2, 18), "REGULATORY_ACTION")
    assert len([roles for roles in actions if ("Rashid Qureshi", "SUBJECT") in roles]) == 1


def test_drugs_handed_on_as_them_are_those_sold_in_the_sentence_before():
    supplies = _roles_of("Jasveen Sangha sold Erik Fleming 50 vials of ketamine on Oct. 24. Fleming delivered them to "
                         "Kenneth Iwamasa.", date(2024, 8, 16), "DRUG_SUPPLY")
    assert {("Erik Fleming", "SUPPLIER"), ("Kenneth Iwamasa", "BUYER")} in supplies
    # "it" may be anything handed over
    assert not _roles_of("The Acme Clinic sold ketamine to patients. Tom Hale delivered it to the court on Monday.",
                         FRIDAY, "DRUG_SUPPLY")[1:]


def test_a_board_taking_immediate_action_on_a_doctors_registration_is_its_action_against_him():
    _the_one("On 9 June 2023, the Medical Board of Australia took immediate action to impose conditions on Dr Owen "
             "Farrant's registration.", date(2025, 7, 30), "REGULATORY_ACTION", ("Owen Farrant", "SUBJECT"),
             (date(2023, 6, 9), date(2023, 6, 9)))


def test_a_public_bodys_unit_warns_for_it():
    _the_one("In October 2023, Queensland Health's Monitored Medicines Unit issued a safety alert to prescribers about "
             "ketamine troches.", date(2025, 7, 30), "REGULATORY_WARNING", ("Queensland Health", "REGULATOR"),
             (date(2023, 10, 1), date(2023, 10, 31)))


def test_taking_someone_into_custody_is_an_arrest_whoever_stands_between_the_words():
    _the_one("Agents took Jasveen Sangha into custody on Thursday.", FRIDAY, "ARREST",
             ("Jasveen Sangha", "ARRESTED"), (date(2024, 6, 13), date(2024, 6, 13)))
    arrests = _roles_of("Salvador Plasencia and Jasveen Sangha were. Agents took both into custody early Thursday.",
                        FRIDAY, "ARREST")
    assert {name for roles in arrests for name, _ in roles} == {"Salvador Plasencia", "Jasveen Sangha"}
    assert not _roles_of("The nurse took the vials into the bathroom on Thursday.", FRIDAY, "ARREST")


def test_previous_convictions_are_a_record_not_a_verdict():
    assert not _roles_of("Judge Brophy said the mitigating factors, including his early plea and Declan Furlong's lack of "
                         "previous convictions, had reduced the sentence.", FRIDAY, "TRIAL")


def test_that_day_is_the_day_just_told_though_it_counted_from_an_earlier_death():
    _the_one("Conor Mulvey was found dead at his home on 3 September 2022. Det Garda Rooney said gardai searched the "
             "pharmacy on 14 September 2022, eleven days after Mr Mulvey's death. Officers of the Health Products "
             "Regulatory Authority (HPRA), who took part in the search, seized about 1,900 tablets and 14 vials of "
             "ketamine from Declan Furlong that day.", date(2025, 5, 9),
             "REGULATORY_ACTION", ("Declan Furlong", "SUBJECT"), (date(2022, 9, 14), date(2022, 9, 14)))


def test_what_happens_in_a_days_hearing_or_crash_happens_that_day():
    _the_one("Liam Doyle pleaded guilty in Tuesday's hearing to supplying cocaine.", FRIDAY, "PLEA",
             ("Liam Doyle", "DEFENDANT"), (date(2024, 6, 11), date(2024, 6, 11)))
    _the_one("Mary Byrne, 67, died in Saturday's crash on the N7 near Naas.", FRIDAY, "DEATH",
             ("Mary Byrne", "DECEASED"), (date(2024, 6, 8), date(2024, 6, 8)))


def test_a_headline_or_name_line_above_the_story_is_whom_he_or_she_stands_for():
    _the_one("Kevin Tate obituary\n\nHe died on 3 June, aged 81.", FRIDAY, "DEATH", ("Kevin Tate", "DECEASED"),
             (date(2024, 6, 3), date(2024, 6, 3)))
    _the_one("Tribute to Dr. Aoife Byrne, Galway GP\n\nShe died peacefully at University Hospital Galway on Tuesday.",
             FRIDAY, "DEATH", ("Aoife Byrne", "DECEASED"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_an_organisations_one_owner_is_the_person_it_names_next():
    _the_one("The clinic said its owner had been arrested on Monday. The owner, Dr. Ray Voss, 52, was released on bail.",
             FRIDAY, "ARREST", ("Ray Voss", "ARRESTED"), (date(2024, 6, 10), date(2024, 6, 10)))


def test_an_agent_or_inspector_acts_for_the_organisation_named_before_the_title():
    _the_one("A DEA agent arrested Carl Voss outside the clinic on Tuesday.", FRIDAY, "ARREST",
             ("DEA", "ARRESTED_BY"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_facing_or_receiving_a_fine_does_not_make_one_the_regulator():
    actions = _roles_of("Cork County Council faced a fine from the Data Protection Commission on Monday.", FRIDAY,
                        "REGULATORY_ACTION")
    assert not [roles for roles in actions if ("Cork County Council", "REGULATOR") in roles]


def test_one_instance_given_as_an_example_does_not_narrow_a_run_of_sales():
    _the_one("Wayne Briggs sold cocaine from his flat between 2019 and 2021, including in March 2020 to an undercover "
             "officer.", FRIDAY, "DRUG_SUPPLY", ("Wayne Briggs", "SUPPLIER"), (date(2019, 1, 1), date(2021, 12, 31)))


def test_drugs_delivered_by_someone_the_sale_did_not_name_are_no_supply():
    supplies = _roles_of("Ryan Ford bought ketamine from Dean Hale at a festival. Paramedics later delivered them to "
                         "St James's Hospital.", FRIDAY, "DRUG_SUPPLY")
    assert len(supplies) == 1


def test_a_name_the_model_reads_as_an_adverb_of_its_verb_is_the_subject():
    # The model reads "Aldous" here as an adverb of "died".
    _the_one("Jenna Aldous died on May 3.", FRIDAY, "DEATH", ("Jenna Aldous", "DECEASED"),
             (date(2024, 5, 3), date(2024, 5, 3)))


def test_a_first_name_a_quoted_nickname_and_a_surname_are_one_person():
    # The model tags none of 'Renaldo "Rennie" Balogun' as a person.
    _the_one('MIAMI — Renaldo "Rennie" Balogun, a 37-year-old former hospital pharmacy technician, was arrested '
             'Tuesday at a Brickell condominium.', FRIDAY, "ARREST", ("Renaldo Balogun", "ARRESTED"),
             (date(2024, 6, 11), date(2024, 6, 11)))


def test_a_surname_the_model_takes_for_a_place_once_is_the_person_it_indicts_elsewhere():
    # The model tags the first "Quartermaine" as a place and the second as a person.
    _the_one('The jury found Olumide "Ollie" Quartermaine, 52, guilty on all six counts Thursday. A grand jury '
             'indicted Quartermaine in August 2023.', FRIDAY, "CHARGES", ("Olumide Quartermaine", "DEFENDANT"),
             (date(2023, 8, 1), date(2023, 8, 31)))


def test_a_name_the_text_gives_an_age_is_a_person_whatever_the_model_tagged():
    # The model tags "Harjit Thistlewood" as an organisation.
    text = ("The college's complaints director suspended the permit of Harjit Thistlewood on Feb. 3. Thistlewood, 52, "
            "had worked as a staff pharmacist at Sunnybrook Pharmacy since 2016. Red Deer RCMP arrested Thistlewood "
            "on Jan. 31.")
    _the_one(text, date(2025, 2, 20), "ARREST", ("Harjit Thistlewood", "ARRESTED"), (date(2025, 1, 31), date(2025, 1, 31)))


def test_an_official_acts_for_the_organisation_but_is_not_it_when_accused():
    assert not [roles for roles in _roles_of("A former DEA agent was charged on Thursday with stealing fentanyl.",
                                             FRIDAY, "CHARGES") if ("DEA", "DEFENDANT") in roles]


def test_a_board_taking_disciplinary_action_or_the_fda_beginning_a_recall_is_the_regulator():
    _the_one("The Texas Medical Board took disciplinary action against Dr. Ray Voss on Friday.", FRIDAY,
             "REGULATORY_ACTION", ("Texas Medical Board", "REGULATOR"), (date(2024, 6, 14), date(2024, 6, 14)))
    _the_one("The FDA began a recall of Acme Pharma's eye drops on Monday.", FRIDAY,
             "REGULATORY_ACTION", ("FDA", "REGULATOR"), (date(2024, 6, 10), date(2024, 6, 10)))


def test_a_department_known_by_initials_with_of_is_a_public_body():
    _the_one("The DoJ fined Walgreens $2 million on Tuesday.", FRIDAY, "REGULATORY_ACTION", ("DoJ", "REGULATOR"),
             (date(2024, 6, 11), date(2024, 6, 11)))


def test_charged_in_a_days_shooting_is_not_dated_by_the_shooting():
    charges = [e for e, _ in _extract_text("Devon Price, 24, has been charged in Saturday's fatal shooting in Akron, "
                                           "police said Monday.", FRIDAY) if e.type == "CHARGES"]
    assert all(_span(e) != (date(2024, 6, 8), date(2024, 6, 8)) for e in charges)


def test_drugs_delivered_as_them_after_a_trade_by_someone_named_in_it():
    supplies = _roles_of("Smith agreed to sell Jones 50 oxycodone pills on May 2. Smith delivered them to Jones's house "
                         "the next day.", FRIDAY, "DRUG_SUPPLY")
    assert {("Smith", "SUPPLIER"), ("Jones", "BUYER")} in supplies
    assert not _roles_of("Police found 40 oxycodone pills in Ray's car on Monday. Ray delivered them to the lab.",
                         FRIDAY, "DRUG_SUPPLY")


def test_an_earlier_conviction_quashed_before_a_retrial_is_this_cases():
    trials = _roles_of("Carl Boyd's earlier conviction was quashed in 2022, and a retrial is due in September.", FRIDAY,
                       "TRIAL")
    assert len(trials) == 2


def test_a_name_with_apostrophes_keeps_them_and_a_company_is_no_person_for_a_namesakes_age():
    _the_one('Michael "Mick" O\'Connor-D\'Arcy, 45, was charged on Monday.', FRIDAY, "CHARGES",
             ("Michael O'Connor-D'Arcy", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    _the_one("Mark Johnson, 52, a pharmacist, said Johnson & Johnson was fined $5 million by the FDA on Monday.",
             FRIDAY, "REGULATORY_ACTION", ("Johnson & Johnson", "SUBJECT"), (date(2024, 6, 10), date(2024, 6, 10)))


def test_a_death_or_arrest_in_a_days_shooting_or_bust_is_that_day():
    _the_one("Ray Voss died in Saturday's shooting in Akron.", FRIDAY, "DEATH", ("Ray Voss", "DECEASED"),
             (date(2024, 6, 8), date(2024, 6, 8)))
    _the_one("Ray Voss was arrested in Wednesday's bust.", FRIDAY, "ARREST", ("Ray Voss", "ARRESTED"),
             (date(2024, 6, 12), date(2024, 6, 12)))
    _the_one("Jones asked Smith for 50 oxycodone pills on May 2. Smith delivered them the next day.", FRIDAY,
             "DRUG_SUPPLY", ("Smith", "SUPPLIER"), (date(2024, 5, 3), date(2024, 5, 3)))


def test_a_first_name_and_surname_the_model_takes_for_a_place_is_a_person():
    # The model tags "Wesley Arden" here as a facility.
    _the_one("For most of an hour of television, Wesley Arden kept his hands still. In a 2019 interview with Lumen "
             "magazine, Arden credited Nico Salvatierra with saving him.", FRIDAY, "INTERVIEW",
             ("Wesley Arden", "INTERVIEWEE"), (date(2019, 1, 1), date(2019, 12, 31)))
    # A place whose name begins with a first name stays a place.
    assert not _roles_of("Tom Hale moved to Virginia Beach and was arrested there on May 2.", FRIDAY, "ARREST")[0] \
        & {("Virginia Beach", "ARRESTED")}


def test_an_investigation_of_the_case_is_into_its_defendants():
    text = ("Marquise Holloway, 34, was sentenced on Tuesday to 12 years in prison. {}")
    for closing in ("U.S. Attorney Whitfield commended the investigation of this case by the Drug Enforcement "
                    "Administration and the Kettering Police Department.",
                    "The case was investigated by the Drug Enforcement Administration."):
        investigation, roles = _only(_extract_text(text.format(closing), FRIDAY), "INVESTIGATION")
        assert {("Marquise Holloway", "SUBJECT"), ("Drug Enforcement Administration", "INVESTIGATOR")} <= roles
        assert investigation.date.start is None  # the whole investigation, not the day of the sentencing
    # The case the sentence itself names a subject for is that subject's.
    roles = _roles_of("Harlan Voss was charged on Monday. The case is being investigated by the FBI, which began "
                      "investigating Evergreen Reset in December 2024.", FRIDAY, "INVESTIGATION")
    assert all(("Harlan Voss", "SUBJECT") not in r for r in roles)


def test_a_study_by_a_team_led_by_someone_and_an_editorial_are_their_publications():
    _the_one("A study published in March 2024 in the journal Psychiatric Practice Reports by a team led by Dr. Oren "
             "Falk followed 1,247 patients.", FRIDAY, "PUBLICATION", ("Oren Falk", "AUTHOR"),
             (date(2024, 3, 1), date(2024, 3, 31)))
    assert _roles_of("In an editorial published alongside the case report, Dr. Samuel Oduya argues that pharmacies "
                     "should send certificates.", FRIDAY, "PUBLICATION") == [{("Samuel Oduya", "AUTHOR")}]


def test_a_statement_after_an_inquests_hearing_is_after_its_last_sitting_not_its_opening():
    published = date(2025, 11, 7)  # a Friday
    text = ("Daniel Pryce died on 14 March. The inquest into his death was opened on 21 March. Assistant coroner "
            "Rebecca Hollins recorded a conclusion of drug-related death on Thursday. His partner, Leah Corbett, told the "
            "inquest he had bought ketamine most days. His dealer, Jordan Maddox, "
            "was jailed on 19 September. In a statement read outside court after the hearing, his father, Mark "
            "Pryce, said: \"Danny was so much more than his addiction.\"")
    events = _extract_text(text, published)
    inquest, roles = _only(events, "INVESTIGATION")
    assert ("Daniel Pryce", "SUBJECT") in roles and _span(inquest) == (date(2025, 3, 21), date(2025, 11, 6))
    statement, roles = _only(events, "STATEMENT")
    assert roles == {("Mark Pryce", "SPEAKER")} and statement.date.start == date(2025, 11, 6)
    # An Irish coroner's "verdict of misadventure", and a statement "after the inquest".
    text = ("Ciaran Madigan died on 24 February. Returning a verdict of misadventure at Galway Coroner's Court on "
            "Tuesday, the coroner said the tablet may be something else. The inquest was opened on 6 March. His "
            "friend Oisin Tierney told the inquest that he had given Ciaran two tablets. In a "
            "statement issued through the family's solicitor after the inquest, his parents, Brid and Tomas Madigan, "
            "thanked the hospital.")
    events = _extract_text(text, date(2024, 7, 11))
    assert _span(_only(events, "INVESTIGATION")[0]) == (date(2024, 3, 6), date(2024, 7, 9))
    assert _only(events, "STATEMENT")[0].date.start == date(2024, 7, 9)


def test_a_statement_opening_with_in_a_statement_read_outside_court_is_the_speakers():
    # The model hangs "In a statement" on "read", as if the statement did the reading.
    assert _roles_of("In a statement read outside court after the hearing, his father, Mark Pryce, said: \"Danny "
                     "was so much more than his addiction.\"", FRIDAY, "STATEMENT") == [{("Mark Pryce", "SPEAKER")}]


def test_a_question_and_answer_interview_told_in_the_first_person_is_about_the_one_it_introduces():
    text = ("*Colleen Farraday was an emergency-department nurse in Columbus, Ohio, for 14 years. She spoke with "
            "Shift Report in October.*\n\n**How were you caught?**\n\nThe hospital reported me to the DEA. In August "
            "2022 the U.S. Attorney's Office charged me with obtaining a controlled substance by fraud.\n\n"
            "**And then?**\n\nI pleaded guilty that December, and in April 2023 Judge Marian Caldwell sentenced me "
            "to three years of probation. I did an interview with WOSU's \"All Sides\" last year.\n")
    from loaders.records import DocumentRecord, FuzzyDate

    document = DocumentRecord(id="doc-qa", path="qa.md", title=None, text=text, sha256="x",
                              published=FuzzyDate.day(date(2024, 11, 21)), publisher="Shift Report Magazine")
    extraction = extract_document(document)
    names = {a.id: a.name for a in extraction.extracted.actors}
    events = {e.type: (e, {(names[p.actor_id], p.role) for p in e.participants}) for e in extraction.extracted.events}
    assert ("Colleen Farraday", "DEFENDANT") in events["CHARGES"][1]
    assert _span(events["PLEA"][0]) == (date(2022, 12, 1), date(2022, 12, 31))
    assert _span(events["SENTENCING"][0]) == (date(2023, 4, 1), date(2023, 4, 30))
    assert ("Colleen Farraday", "INTERVIEWEE") in events["INTERVIEW"][1]
    # The magazine that published the interview is no outlet of an interview of its own.
    assert not [e for e in extraction.extracted.events if e.type == "INTERVIEW" and e.date.start == date(2024, 10, 1)]


def test_in_a_transcript_i_is_whoever_the_label_names_and_in_a_news_story_no_one():
    text = ("MAREN HOLT, BYLINE: Linda Ambrose keeps her daughter's bottle in a drawer.\n\n"
            "LINDA AMBROSE: I can't throw it away. I was arrested in 2019 for possession.\n\n"
            "HOLT: Nicole Ambrose was 33.\n")
    assert _roles_of(text, FRIDAY, "ARREST") == [{("Linda Ambrose", "ARRESTED")}]
    # A quotation's "I" is the speaker's, and outside quotations a news story has no narrator to give it to.
    assert _roles_of("Tom Hale was sentenced on Monday. I was arrested in 2019, a witness wrote.", FRIDAY,
                     "ARREST") in ([], [set()])


def test_charges_against_people_a_colon_lists_are_against_each_of_them():
    text = ("Jasveen Sangha sold ketamine. On Aug. 15, 2024, the office announced charges against five people: "
            "Plasencia; Sangha; Dr. Mark Chavez, a San Diego physician; Perry's live-in assistant, Kenneth Iwamasa; "
            "and an acquaintance of the actor, Erik Fleming.")
    charges = _the_one(text, FRIDAY, "CHARGES", ("Mark Chavez", "DEFENDANT"), (date(2024, 8, 15), date(2024, 8, 15)))
    names = {p.role for p in charges.participants}
    assert names == {"DEFENDANT"} and len(charges.participants) == 5  # Perry, whose assistant is listed, is not
    # A when-clause the parser hangs on the date itself is dated by it.
    _the_one("Their work became public on Aug. 15, 2024, when federal prosecutors in Los Angeles announced charges "
             "against two people: Salvador Plasencia and Jasveen Sangha.", FRIDAY, "CHARGES",
             ("Jasveen Sangha", "DEFENDANT"), (date(2024, 8, 15), date(2024, 8, 15)))


def test_dying_after_using_a_drug_is_taking_it_but_returning_to_using_or_being_accused_of_taking_is_not():
    events = _extract_text("Jordan Pelletier, 29, died at his home on April 19 after using one of the sprays, which he "
                           "had bought in March.", FRIDAY)
    administration, roles = _only(events, "DRUG_ADMINISTRATION")
    assert roles == {("Jordan Pelletier", "RECIPIENT")} and administration.date.end == date(2024, 4, 19)
    for sentence in ("Friends said Tom Hale had returned to using drugs last year.",
                     "The clinic used ketamine lozenges for years.",
                     "Prosecutors accuse Corey Lindahl of taking ketamine from the hospital."):
        assert not _roles_of(sentence, FRIDAY, "DRUG_ADMINISTRATION"), sentence


def test_an_infusion_someone_started_for_a_patient_is_the_patients_given_by_them():
    assert _roles_of("According to the indictment, Brianna Coyle started an IV ketamine infusion for Marcus Delgado "
                     "on June 14, 2024.", FRIDAY, "INFUSION_SESSION") == [
        {("Marcus Delgado", "RECIPIENT"), ("Brianna Coyle", "ADMINISTERED_BY")}]
    assert _roles_of("Matthew Perry started a course of ketamine infusions for depression in 2021.", FRIDAY,
                     "INFUSION_SESSION") == [{("Matthew Perry", "RECIPIENT")}]


def test_a_quoted_title_with_commas_is_a_work_not_its_author():
    events = _extract_text('Matthew Perry wrote about all of it in "Friends, Lovers, and the Big Terrible Thing," a '
                           'memoir published last November.', FRIDAY)
    assert all(("Big Terrible Thing", "AUTHOR") not in roles for _, roles in events)
    # A quoted sentence is no title: the name in it is a person's.
    assert _roles_of('"I met Tom Hale," she said on Monday. Hale was arrested on Monday.', FRIDAY, "ARREST") == [
        {("Tom Hale", "ARRESTED")}]


def test_a_plea_of_not_guilty_and_the_later_guilty_plea_are_two_pleas():
    events = _extract_text("Salvador Plasencia pleaded not guilty in August 2024. In July 2025 he pleaded guilty to "
                           "four counts of distributing ketamine. His plea was accepted by the judge.", date(2025, 12, 4))
    pleas = sorted(_span(e) for e, roles in events if e.type == "PLEA")
    assert pleas == [(date(2024, 8, 1), date(2024, 8, 31)), (date(2025, 7, 1), date(2025, 7, 31))]
    # Undated, they stay apart too: "Both pleaded not guilty" is not the guilty plea told before.
    events = _extract_text("Jasveen Sangha pleaded guilty on Sept. 17, 2025. Sangha had earlier pleaded not guilty.",
                           date(2025, 12, 4))
    assert len([e for e, _ in events if e.type == "PLEA"]) == 2


def test_fourth_review_hours_of_a_night_background_years_and_verbs_that_look_ahead_keep_their_plain_reading():
    # Hours after a night told just before may be the next day.
    assert _dated("Rita Novak left the bar at 11:30 p.m. on Friday, May 31. A few hours later, police arrested her "
                  "boyfriend, Sam Hale, 30.", FRIDAY, "ARREST") == (date(2024, 5, 31), date(2024, 6, 1))
    # A year told in a relative clause is background, not the year "the end of the year" belongs to.
    assert _dated("Dr. Ken Ito, 61, who was first licensed in 1990, opened the clinic in Reno. By the end of the "
                  "year, regulators had suspended his license.", FRIDAY, "REGULATORY_ACTION")[1] == date(2024, 12, 31)
    # A date on a later verb that looks ahead, or on a noun of its clause, is not the first verb's.
    for sentence in ("Luke Ward was charged and faces arraignment on June 20.",
                     "Ed Lamb was arrested and later released pending a court date on July 9.",
                     "Paul Dent was indicted and pleaded not guilty at his arraignment on Tuesday."):
        event, _ = [(e, r) for e, r in _extract_text(sentence, FRIDAY) if e.type in {"CHARGES", "ARREST"}][0]
        assert event.date.precision != Precision.DAY, sentence
    # Duties, criminal verdicts, other cases, broadcast commentary: none of the new readings.
    assert not _roles_of("Tom Hale was the officer charged with guarding the prisoner that night.", FRIDAY, "CHARGES")
    events = _extract_text("The verdict in the death of Tina Ruiz was announced on Monday. Her former partner, Leo "
                           "Vance, was found guilty of manslaughter.", FRIDAY)
    assert not [e for e, _ in events if e.type == "INVESTIGATION"]
    assert _dated("The verdict in the death of Tina Ruiz was announced on Monday. Her former partner, Leo Vance, was "
                  "found guilty of manslaughter.", FRIDAY, "TRIAL") == (date(2024, 6, 10), date(2024, 6, 10))
    assert not _roles_of("Lucas Gray was charged with assault. Separately, the case of a stolen painting was "
                         "investigated by the FBI.", FRIDAY, "INVESTIGATION")
    assert not _roles_of("Tom Reyes provided commentary for ESPN during the finals on Sunday.", FRIDAY, "PUBLICATION")
    # A search told after a dated arrest is that day's.
    assert _dated("Ron Pike was arrested on Monday. Detectives searched his home and found two kilograms of "
                  "fentanyl.", FRIDAY, "INVESTIGATION") == (date(2024, 6, 10), date(2024, 6, 10))
    # A drug used on someone else, or for years, is no dose of one's own.
    for sentence in ("Dr. Sarah Mills used ketamine to sedate the boy before surgery.",
                     "After taking the drug for two years, Sara Bell developed bladder damage.",
                     "While taking oxycodone for back pain, Lisa Boyd became addicted."):
        assert not _roles_of(sentence, FRIDAY, "DRUG_ADMINISTRATION"), sentence


def test_fourth_review_a_columnists_i_a_reporting_that_and_an_airport_keep_their_plain_reading():
    # A column in the first person has no Q&A narrator: its "I" is the writer, whom its events do not befall.
    text = ("By Hannah Coles\nI have covered the opioid crisis in this county for eleven years. I have sat through "
            "dozens of sentencing hearings. Last week I watched a judge sentence Caleb Rooney to 15 years in prison "
            "for selling the pills that killed a 17-year-old. I still do not know what justice looks like here.\n")
    assert all(("Hannah Coles", role) not in roles for _, roles in _extract_text(text, FRIDAY)
               for role in ("SUPPLIER", "DEFENDANT", "BUYER"))
    # A transcript's label with a title names its speaker.
    text = ("JUDY WOODRUFF: Joining us is Dr. Ian Lee, a former pain doctor.\n"
            "DR. IAN LEE: Thank you. I was arrested in 2019 and I pleaded guilty in 2020.\n")
    assert _roles_of(text, FRIDAY, "ARREST") == [{("Ian Lee", "ARRESTED")}]
    # "told police that Friday he had bought": what he told, dated Friday.
    assert _dated("The informant told police that Friday he had bought heroin from Gary Pratt.", FRIDAY,
                  "DRUG_SUPPLY") == (FRIDAY, FRIDAY)
    assert not [r for _, roles in _extract_text("Customs officers at Shannon Airport seized fentanyl on Monday and "
                                                 "arrested Sean Walsh, 30.", FRIDAY) for r in roles
                if r[0] == "Shannon Airport"]


def test_a_charge_that_stands_and_a_book_offer_are_no_news_of_the_day():
    charges, _ = _only(_extract_text("Trent Lowry is charged separately.", FRIDAY), "CHARGES")
    assert _span(charges) == (None, None)
    charges, _ = _only(_extract_text("Trent Lowry was charged on a separate count.", FRIDAY), "CHARGES")
    assert charges.date.end == FRIDAY  # told as done: recent news
    assert not _roles_of("Ava Lindqvist has turned down two book offers.", FRIDAY, "PUBLICATION")


def test_an_office_named_for_a_post_of_two_titles_keeps_both():
    assert _roles_of("The state Attorney General's Office announced the indictment in a news release Wednesday.",
                     FRIDAY, "STATEMENT") == [{("Attorney General's Office", "SPEAKER")}]


def test_a_death_a_coroner_ruled_on_in_march_is_not_dated_march():
    assert _dated("Nicole Ambrose died on Jan. 6. In March, the Jefferson County Coroner's Office ruled Nicole's "
                  "death an accident.", FRIDAY, "DEATH") == (date(2024, 1, 6), date(2024, 1, 6))


def test_fifth_review_readings_an_afternoon_a_recent_aside_a_self_introduction_and_a_jail_keep_their_dates():
    # "that December" before a clause of another kind is still the plea's time.
    assert _dated("Jody Kim pleaded guilty that December before a judge sentenced her in April 2023.", FRIDAY,
                  "PLEA")[0] is not None
    # Two hours after 2 p.m. is that day; a year told in a relative clause two years back is the story's own.
    assert _dated("At 2 p.m. on Friday, troopers stopped a car on Interstate 95. Two hours later, they arrested the "
                  "driver, Luis Vega.", FRIDAY, "ARREST") == (FRIDAY, FRIDAY)
    assert _dated("Dana Cho, who was arrested in May 2022, was charged by the end of the year.", FRIDAY,
                  "CHARGES")[1] == date(2022, 12, 31)
    # A first-person memoir whose writer says who they are.
    text = ("My name is Alan Cho. I was arrested in 2018 for selling oxycodone. I pleaded guilty the next year. "
            "I served two years in federal prison.")
    assert _roles_of(text, FRIDAY, "ARREST") == [{("Alan Cho", "ARRESTED")}]
    # A date on the later verb's place still dates both verbs.
    assert _dated("Nina Cross was arrested and booked into the county jail on Sunday.", FRIDAY, "ARREST") == (
        date(2024, 6, 9), date(2024, 6, 9))


def test_in_a_qa_the_one_the_introduction_says_was_interviewed_answers_in_the_first_person():
    text = ("Reporter Jill Kerr interviewed Tom Hale, who spent a decade addicted to opioids.\n"
            "Q: When were you arrested?\nA: I was arrested in 2015 for possession. I pleaded guilty a year later. "
            "I went to prison.\nQ: And now?\nA: I am sober.\n")
    assert _roles_of(text, FRIDAY, "ARREST") == [{("Tom Hale", "ARRESTED")}]


def test_a_trial_that_had_been_set_before_a_plea_is_no_trial_to_come():
    text = "Jasveen Sangha pleaded guilty on Monday. Sangha's trial had been set to begin next month."
    assert [e.type for e, _ in _extract_text(text, FRIDAY)] == ["PLEA"]
    trial, _ = _only(_extract_text("Jasveen Sangha's trial is set to begin next month.", FRIDAY), "TRIAL")
    assert trial.status == EventStatus.SCHEDULED


def test_sixth_review_an_answer_saying_im_a_fire_and_a_year_the_story_moved_past_keep_their_plain_reading():
    text = ("Reporter Gail Fine spoke with Dev Shah about his arrest.\nWhy were you arrested?\n"
            "I'm Irish Catholic and I marched with my neighbors. I was arrested on Monday.\nWhat happens now?\n"
            "I was charged on Tuesday and I am out on bail.\n")
    assert _roles_of(text, FRIDAY, "CHARGES") == [{("Dev Shah", "DEFENDANT")}]
    # Tuesday is the fire's, not the detention's.
    assert _dated("Police detained Ross Bay and questioned him about the fire at a warehouse on Tuesday.", FRIDAY,
                  "ARREST") != (date(2024, 6, 11), date(2024, 6, 11))
    # Told after a month without a year, the story has moved past the clinic's opening year.
    assert _dated("The clinic, which opened in 2021, was raided in February. By the end of the year, its owner, Ian "
                  "Cross, had been charged with fraud.", FRIDAY, "CHARGES")[1] == date(2024, 12, 31)


def test_the_object_of_a_relative_clause_is_the_person_it_describes():
    charged = _roles_of("Police arrested Dana Reyes, whom prosecutors charged with murder on Monday.", FRIDAY, "CHARGES")
    assert charged == [{("Dana Reyes", "DEFENDANT")}]
    investigated = _roles_of("Trevon Sandoval is a former warehouse worker whom the Kansas Bureau of Investigation "
                             "had begun investigating by mid-2025.", FRIDAY, "INVESTIGATION")
    assert investigated == [{("Trevon Sandoval", "SUBJECT"), ("Kansas Bureau of Investigation", "INVESTIGATOR")}]


def test_an_investigation_opened_on_a_day_of_its_own_after_a_death_is_into_that_death():
    opened, = _roles_of("Nadia Kellerman died at her home on March 3. Detectives opened an investigation on "
                        "April 9.", FRIDAY, "INVESTIGATION")
    assert ("Nadia Kellerman", "SUBJECT") in opened
    opened, = _roles_of("Police opened an investigation on June 1 after Sione Taufa died at a party in Mangere.",
                        FRIDAY, "INVESTIGATION")
    assert ("Sione Taufa", "SUBJECT") in opened


def test_a_day_or_month_of_that_year_or_the_following_one_is_in_the_year_the_story_last_named():
    from loaders.records import DocumentRecord, FuzzyDate

    text = ("Matthew Perry died on Oct. 28, 2023. On Dec. 15 of that year, the medical examiner ruled. "
            "In June of the following year, his family sued. On Jan. 3 the next year, the clinic closed.")
    document = DocumentRecord(id="doc-y", path="y.txt", title=None, text=text, sha256="y",
                              published=FuzzyDate.day(date(2025, 12, 3)))
    dates = {e.text: (e.date.start, e.date.end) for e in extract_document(document).expressions}
    assert dates["Dec. 15 of that year"] == (date(2023, 12, 15), date(2023, 12, 15))
    assert dates["June of the following year"] == (date(2024, 6, 1), date(2024, 6, 30))
    assert dates["Jan. 3 the next year"] == (date(2025, 1, 3), date(2025, 1, 3))  # the year after 2024


def test_an_examiner_announcing_how_someone_died_is_the_autopsy_and_the_investigation_opened_after_it_is_into_them():
    events = _extract_text(
        "Matthew Perry died on Oct. 28, 2023. On Dec. 15, the Los Angeles County medical examiner's office announced "
        "that he had died from the acute effects of ketamine. The Los Angeles Police Department opened an "
        "investigation after that ruling.", date(2024, 6, 14))
    autopsy, roles = _only(events, "AUTOPSY")
    assert ("Matthew Perry", "SUBJECT") in roles and _span(autopsy) == (date(2023, 12, 15), date(2023, 12, 15))
    _, investigated = _only(events, "INVESTIGATION")
    assert ("Matthew Perry", "SUBJECT") in investigated
    assert _extract_text("The county coroner announced an inquest on Monday.", FRIDAY) == []
    for not_a_finding in ("Tamar Cohen died in Haifa in 2022. The coroner announced in March that he would not hold an inquest.",
                          "Kaito Mori died on April 4. The medical examiner announced on Friday that toxicology tests "
                          "were still pending."):
        assert _roles_of(not_a_finding, FRIDAY, "AUTOPSY") == []
    for finding in ("The coroner announced that the death of Lyra Blaise was due to fentanyl toxicity.",
                    "The coroner announced that Mr Lyra Rook's death was caused by an overdose of fentanyl."):
        (roles,) = _roles_of(finding, FRIDAY, "AUTOPSY")
        assert {role for _, role in roles} == {"SUBJECT"}


@pytest.mark.parametrize("sentence, subject", [
    ("In August 2024, the Victorian Civil and Administrative Tribunal cancelled the registration of pharmacist "
     "Lachlan Teague.", "Lachlan Teague"),
    ("The General Pharmaceutical Council struck off pharmacist Rashid Qureshi in May.", "Rashid Qureshi"),
    ("The General Pharmaceutical Council struck Rashid Qureshi off the register in May.", "Rashid Qureshi"),
    ("Dr. Obinna Eze's registration was cancelled by the Medical Council of New Zealand in September.", "Obinna Eze"),
    ("Dr. Ellen Price was erased from the medical register by the Medical Practitioners Tribunal Service in March.",
     "Ellen Price"),
    ("The Nursing and Midwifery Council removed Tina Wolfe from the register on Tuesday.", "Tina Wolfe"),
    ("Lawyer Tom Reese was struck from the roll by the Supreme Court in 2021.", "Tom Reese"),
    ("The New York State Board for Professional Medical Conduct barred Dr. Ellen Ruiz from practicing medicine in "
     "2021.", "Ellen Ruiz"),
])
def test_cancelling_a_registration_or_striking_someone_off_is_a_regulatory_action(sentence, subject):
    (roles,) = _roles_of(sentence, date(2025, 6, 1), "REGULATORY_ACTION")
    assert (subject, "SUBJECT") in roles and any(role == "REGULATOR" for _, role in roles)
    assert _roles_of("The hearing was cancelled on Monday because the judge was ill.", FRIDAY, "REGULATORY_ACTION") == []
    assert _roles_of("Police removed Tina Wolfe from the building on Tuesday.", FRIDAY, "REGULATORY_ACTION") == []
    assert _roles_of("Dr. Ellen Ruiz was barred from the courthouse in 2021.", FRIDAY, "REGULATORY_ACTION") == []


def test_a_marketing_authorisation_spelled_the_british_way_is_an_approval():
    for text in ("The Medicines and Healthcare products Regulatory Agency granted the drug a marketing authorisation "
                 "in May.", "The MHRA authorised the tablet in May."):
        _, roles = _only(_extract_text(text, FRIDAY), "REGULATORY_APPROVAL")
        assert {role for _, role in roles} == {"REGULATOR"}, text


def test_the_doer_of_a_passive_hung_on_the_place_it_happened_is_still_its_doer():
    _, roles = _only(_extract_text("Dmitri Sokol was arrested Friday at his home in Miami by agents of the Drug "
                                   "Enforcement Administration.", FRIDAY), "ARREST")
    assert roles == {("Dmitri Sokol", "ARRESTED"), ("Drug Enforcement Administration", "ARRESTED_BY")}


def test_an_internal_review_of_someones_records_or_care_is_an_investigation_of_them():
    (roles,) = _roles_of("The Virginia Board of Nursing has opened a separate review of the care Ellen Varga and "
                         "Jordan Pell provided.", FRIDAY, "INVESTIGATION")
    assert roles == {("Virginia Board of Nursing", "INVESTIGATOR"), ("Ellen Varga", "SUBJECT"), ("Jordan Pell", "SUBJECT")}
    (roles,) = _roles_of("Mercy Hospital began an internal review of Dr. Ellen Varga's controlled drug entries on "
                         "Monday.", FRIDAY, "INVESTIGATION")
    assert ("Ellen Varga", "SUBJECT") in roles
    assert _roles_of("A review of the research by Dr. Jane Poe found that ketamine helps.", FRIDAY, "INVESTIGATION") == []


def test_one_charge_named_by_its_offence_is_a_charge_against_whom_it_is_laid_or_the_one_already_charged():
    laid = _the_one("On 12 August 2024 the Committee laid a charge of professional misconduct against Anneliese "
                    "Brook.", date(2025, 4, 11), "CHARGES", ("Anneliese Brook", "DEFENDANT"),
                    (date(2024, 8, 12), date(2024, 8, 12)))
    assert laid.status == EventStatus.OCCURRED
    followed = _extract_text("Victoria Police arrested Mr Teague on 14 December 2022 and charged him with "
                             "trafficking; a charge of manslaughter followed in June 2023.", date(2025, 5, 23))
    assert sorted(_span(e) for e, roles in followed if e.type == "CHARGES" and ("Teague", "DEFENDANT") in roles) == [
        (date(2022, 12, 14), date(2022, 12, 14)), (date(2023, 6, 1), date(2023, 6, 30))]
    # not someone in charge of a case, nor a charge dropped
    assert _roles_of("Detective Sam Lee was in charge of the case against Anneliese Brook.", FRIDAY, "CHARGES") == []
    assert len(_roles_of("Anneliese Brook was charged with murder in May. The murder charge was dropped in June.",
                         FRIDAY, "CHARGES")) == 1
    # charges dropped still tell that someone was charged
    assert _roles_of("Prosecutors dropped the charges against Ezekiel Obi on Monday.", FRIDAY, "CHARGES") == [
        {("Ezekiel Obi", "DEFENDANT")}]


def test_a_name_with_a_personal_title_is_a_person_whatever_the_model_tagged():
    events = _extract_text("Ms Anneliese Brook worked at Te Awaroa Hospital. In its decision, the Nursing Council "
                           "cancelled Ms Brook's registration on 11 April 2025.", date(2025, 4, 14))
    (_, roles), = [(e, r) for e, r in events if e.type == "REGULATORY_ACTION"]
    assert ("Anneliese Brook", "SUBJECT") in roles


def test_buying_them_after_the_drugs_were_told_is_a_drug_sale():
    events = _extract_text(
        "Kaylee Moss died on Jan. 14, 2023. The night before she died, she swallowed two pills she believed were "
        "oxycodone. They were counterfeit and contained fentanyl. She had bought them two days before her death "
        "from Dustin Reyher.", date(2024, 6, 1))
    supply, roles = _only(events, "DRUG_SUPPLY")
    assert ("Kaylee Moss", "BUYER") in roles and _span(supply) == (date(2023, 1, 12), date(2023, 1, 12))
    assert _roles_of("Kaylee Moss loved red shoes. She had bought them in Paris.", FRIDAY, "DRUG_SUPPLY") == []


@pytest.mark.parametrize("sentence, roles", [
    ("Mr Jesse Marlow injected the fentanyl that night.", {("Jesse Marlow", "RECIPIENT")}),
    ("Anneliese Brook admitted that she injected some of the fentanyl herself.", {("Anneliese Brook", "RECIPIENT")}),
    ("Kenneth Iwamasa injected Matthew Perry with ketamine.",
     {("Kenneth Iwamasa", "ADMINISTERED_BY"), ("Matthew Perry", "RECIPIENT")}),
    ("Nurse Jordan Pell injected the ketamine at 11:41 p.m.", {("Jordan Pell", "ADMINISTERED_BY")}),
    ("Camila Restrepo injected heroin in a Vancouver alley.", {("Camila Restrepo", "RECIPIENT")}),
    ("Dr. Ravi Patel's patient, Colm Byrne, injected ketamine at home.", {("Colm Byrne", "RECIPIENT")}),
    # given to someone: named after "for", a noun for a person, or a drug that rescues
    ("Marco Rossi injected ketamine for Colm Byrne.", {("Marco Rossi", "ADMINISTERED_BY"), ("Colm Byrne", "RECIPIENT")}),
    ("Jasmine Ortiz injected her friend with heroin.",
     {("Jasmine Ortiz", "ADMINISTERED_BY"), ("Jasmine Ortiz's friend", "RECIPIENT")}),
    ("Security guard Tomas Horvath injected naloxone and saved the man's life.", {("Tomas Horvath", "ADMINISTERED_BY")}),
    ("Roxanne Pierce injected two clients with Botox at a house in Leeds.", {("Roxanne Pierce", "ADMINISTERED_BY")}),
    # "for the first time", "the contents of three vials", "into her own arm" give it to no one else
    ("Leilani Kahananui injected heroin for the first time at age 16.", {("Leilani Kahananui", "RECIPIENT")}),
    ("Amelia Thornbury injected the contents of three vials before her death.", {("Amelia Thornbury", "RECIPIENT")}),
    ("Gemma Marchetti injected the heroin into her own arm.", {("Gemma Marchetti", "RECIPIENT")}),
])
def test_injecting_a_drug_into_no_one_named_is_taking_it(sentence, roles):
    assert _roles_of(sentence, FRIDAY, "DRUG_ADMINISTRATION") == [roles]


def test_an_investigation_into_how_something_happened_after_a_death_is_into_that_death():
    events = _extract_text("Dorian Pell died in the county jail on Dec. 29. Allegheny County Police opened an "
                           "investigation after his death into how the drug got into the jail.", date(2025, 1, 24))
    investigation, roles = _only(events, "INVESTIGATION")
    assert ("Dorian Pell", "SUBJECT") in roles and investigation.date.start == date(2024, 12, 29)


def test_a_participle_between_commas_after_the_subject_leaves_the_main_verb_its_own():
    sentencing = _the_one("Dr. Warren Achterberg pleaded guilty in November. Achterberg's sentencing, already "
                          "postponed twice, is scheduled for July 8.", date(2025, 3, 1), "SENTENCING",
                          ("Warren Achterberg", "DEFENDANT"), (date(2025, 7, 8), date(2025, 7, 8)))
    assert sentencing.status == EventStatus.SCHEDULED


def test_a_date_told_beside_an_anchored_phrase_as_the_same_time_gives_the_day():
    events = _extract_text("Jesse Marlow died on 14 March 2023. The Nursing Council of New Zealand suspended Ms "
                           "Anneliese Brook's practising certificate on 24 February 2023, before Mr Marlow's death.",
                           date(2025, 4, 11))
    action, _ = _only(events, "REGULATORY_ACTION")
    assert _span(action) == (date(2023, 2, 24), date(2023, 2, 24))
    # a day told without its year is read from publication, so the story's anchor says more
    plea, _ = _only(_extract_text("Marisol Quintero was indicted in Houston on Jan. 4, 2023. Just under seven weeks "
                                  "later, on Feb. 21, she pleaded guilty.", FRIDAY), "PLEA")
    assert plea.date.start.year == plea.date.end.year == 2023


def test_a_persons_name_before_a_counted_object_is_who_it_was_sold_to():
    (roles,) = _roles_of("Sangha admitted selling Erik Fleming 51 vials of ketamine in October 2023.", FRIDAY,
                         "DRUG_SUPPLY")
    assert ("Erik Fleming", "BUYER") in roles


def test_a_business_the_model_once_tags_as_a_work_is_still_an_organisation_by_its_head_word():
    (roles,) = _roles_of("He opened an infusion room at the back of his clinic, which he called Prairie Light Wellness. "
                         "The Kansas Bureau of Investigation opened an investigation into Prairie Light Wellness in "
                         "February 2023.", FRIDAY, "INVESTIGATION")
    assert ("Prairie Light Wellness", "SUBJECT") in roles


def test_who_gives_an_interview_is_interviewed_on_the_day_the_clause_gives():
    text = ("Tamsin Greaves died in May. In March 2024 her mother, Denise Halloway, gave her first interview "
            'about her death to "CBS Sunday Morning," saying she had found a note.')
    event, roles = _only(_extract_text(text, FRIDAY), "INTERVIEW")
    assert ("Denise Halloway", "INTERVIEWEE") in roles and {r for _, r in roles} == {"INTERVIEWEE", "OUTLET"}
    assert all(name.startswith("CBS") for name, role in roles if role == "OUTLET")
    assert _span(event) == (date(2024, 3, 1), date(2024, 3, 31))
    assert _the_one("Jurors watched a clip of an interview Leon Hart gave to WFAL-TV in March 2023.", FRIDAY,
                    "INTERVIEW", ("Leon Hart", "INTERVIEWEE"), (date(2023, 3, 1), date(2023, 3, 31)))


def test_a_programme_named_after_a_network_holds_no_weekday():
    text = 'Denise Halloway spoke to "CBS Sunday Morning" about her son.'
    event, _ = _only(_extract_text(text, FRIDAY), "INTERVIEW")
    assert _span(event) == (None, None)


def test_an_investigation_naming_no_one_is_into_the_one_the_story_follows():
    text = ("Colleen Farraday, a nurse, was arrested in December 2021 on a charge of diverting fentanyl. "
            "The DEA opened its own investigation in January 2022.")
    assert _the_one(text, FRIDAY, "INVESTIGATION", ("Colleen Farraday", "SUBJECT"), (date(2022, 1, 1), date(2022, 1, 31)))
    text = ("Derek Lunsford, 37, was found dead in his car on Sept. 18. "
            "The case remains under investigation by the Granger Mills Police Department.")
    _, roles = _only(_extract_text(text, FRIDAY), "INVESTIGATION")
    assert ("Derek Lunsford", "SUBJECT") in roles


def test_an_investigation_told_before_or_named_in_passing_borrows_no_one():
    text = "Ann Lowe was arrested on Monday. A spokesperson said the arrest was part of an ongoing investigation."
    assert _roles_of(text, FRIDAY, "INVESTIGATION") == []
    text = "Ann Lowe was arrested on Monday. The sheriff will discuss the investigation at a news conference."
    assert _roles_of(text, FRIDAY, "INVESTIGATION") == []
    text = ("Dr. Carla Wei was indicted on Thursday on 12 counts of fraud. Her former business partner, Jason Kim, "
            "was not charged. The Justice Department began an investigation in 2021.")
    assert all(("Jason Kim", "SUBJECT") not in roles for roles in _roles_of(text, FRIDAY, "INVESTIGATION"))


@pytest.mark.parametrize("text, regulator, span", [
    ("On Monday, Health Canada issued an advisory warning Canadians about counterfeit hydromorphone tablets.",
     "Health Canada", (date(2024, 6, 10), date(2024, 6, 10))),
    ("In May the Food and Drug Administration issued a safety communication warning that compounded ketamine "
     "products had not been evaluated for safety.", "Food and Drug Administration", (date(2024, 5, 1), date(2024, 5, 31))),
    ("The FDA on Tuesday sent a letter warning the Acme clinic to stop.", "FDA", (date(2024, 6, 11), date(2024, 6, 11))),
])
def test_a_document_issued_that_warns_is_the_issuers_warning_on_the_day_it_was_issued(text, regulator, span):
    _the_one(text, FRIDAY, "REGULATORY_WARNING", (regulator, "REGULATOR"), span)


def test_a_warning_added_to_a_label_is_dated_by_the_adding():
    _the_one("The FDA added a boxed warning to the drug's label in 2023.", FRIDAY, "REGULATORY_WARNING",
             ("FDA", "REGULATOR"), (date(2023, 1, 1), date(2023, 12, 31)))


def test_an_order_issued_that_suspends_is_the_issuers_action():
    _the_one("The Texas Medical Board issued an order suspending the license of Dr. Ray Voss on May 2.", FRIDAY,
             "REGULATORY_ACTION", ("Texas Medical Board", "REGULATOR"), (date(2024, 5, 2), date(2024, 5, 2)))


def test_the_division_is_the_public_body_named_before_as_a_division():
    text = ("The Nevada Division of Public and Behavioral Health licenses IV clinics. "
            "In October, the division warned consumers about IV therapy businesses.")
    _the_one(text, FRIDAY, "REGULATORY_WARNING", ("Nevada Division of Public and Behavioral Health", "REGULATOR"),
             (date(2023, 10, 1), date(2023, 10, 31)))


def test_a_pronoun_death_an_act_is_dated_by_is_the_death_told_before_not_one_told_after():
    text = ("Eli Sorkin, 24, died on July 29, 2023. Police allege that Dan Pyle sold Sorkin what he believed was "
            "heroin the day before he died. Wren Hale died on Oct. 14, 2021.")
    event, roles = _only(_extract_text(text, FRIDAY), "DRUG_SUPPLY")
    assert ("Eli Sorkin", "BUYER") in roles and _span(event) == (date(2023, 7, 28), date(2023, 7, 28))


def test_a_full_date_set_off_before_a_death_dates_the_death():
    _the_one("The indictment added a count tied to the Aug. 12, 2019, overdose death of Daniel Ostrander.", FRIDAY,
             "DEATH", ("Daniel Ostrander", "DECEASED"), (date(2019, 8, 12), date(2019, 8, 12)))


def test_things_found_are_not_someone_found_dead():
    text = ("Owen Latchford was found dead at his flat on 3 June 2024. Separately, last month the MHRA asked the "
            "manufacturer Harlow Pharma to recall two batches of its ketamine injection after particles were found.")
    event, _ = _only(_extract_text(text, date(2025, 2, 14)), "REGULATORY_ACTION")
    assert event.date.start != date(2024, 6, 3)


def test_past_verbs_after_what_a_document_says_go_on_with_it_and_share_its_night():
    text = ("In the agreement, Kessler admits that she went to Lowry's house on the night of March 1, 2024, "
            "injected him with two doses of ketamine, and left before midnight.")
    assert _dated(text, FRIDAY, "DRUG_ADMINISTRATION") == (date(2024, 3, 1), date(2024, 3, 1))


def test_a_date_opening_the_sentence_dates_what_is_told_past_an_aside_saying_who_tells_it():
    text = "On the evening of Sept. 21, 2023, the complaint says, Denning delivered 10 more pills to Vale's house."
    assert _dated(text, FRIDAY, "DRUG_SUPPLY") == (date(2023, 9, 21), date(2023, 9, 21))


def test_a_clause_days_before_another_event_dates_that_event_from_the_date_of_its_verb():
    text = ("Ken Iwamasa pleaded guilty on Aug. 7 to conspiracy to distribute ketamine, eight days before "
            "prosecutors charged Salvador Plasencia.")
    _the_one(text, FRIDAY, "CHARGES", ("Salvador Plasencia", "DEFENDANT"), (date(2023, 8, 15), date(2023, 8, 15)))


def test_what_has_been_done_since_is_not_dated_by_the_past_verb_it_is_joined_to():
    text = "Caden Voss was charged in April with delivery of a controlled substance and has pleaded not guilty."
    assert _dated(text, FRIDAY, "PLEA") == (None, None)


def test_a_trial_moved_to_a_day_after_a_long_aside_is_on_that_day_ahead():
    text = ("A federal judge on Tuesday postponed the trial of Jasveen Sangha, the North Hollywood woman prosecutors "
            "say sold the ketamine that killed Matthew Perry, to Aug. 19, giving her lawyers more time.")
    _the_one(text, date(2025, 2, 20), "TRIAL", ("Jasveen Sangha", "DEFENDANT"), (date(2025, 8, 19), date(2025, 8, 19)))



def test_a_day_without_a_year_a_few_sentences_after_a_dated_night_is_in_that_year():
    text = ("Dalgleish sold Kayleigh Moffat ten tablets outside a supermarket on 30 January 2024. She took two of "
            "them at her flat that evening. Her sister found her unresponsive the following morning. "
            "Kayleigh Moffat died in the Victoria Hospital in Kirkcaldy on 2 February.")
    _the_one(text, date(2025, 6, 27), "DEATH", ("Kayleigh Moffat", "DECEASED"), (date(2024, 2, 2), date(2024, 2, 2)))


def test_sentence_deferred_until_a_day_is_a_sentencing_scheduled_on_that_day():
    text = ("A jury found Ryan Dalgleish guilty of culpable homicide. Lord Ardmore deferred sentence on Dalgleish "
            "until 24 July for background reports.")
    event = _the_one(text, date(2025, 6, 27), "SENTENCING", ("Ryan Dalgleish", "DEFENDANT"),
                     (date(2025, 7, 24), date(2025, 7, 24)))
    assert event.status == "SCHEDULED"


def test_both_men_are_the_two_told_one_by_one_in_the_sentences_before():
    text = ("Police Scotland arrested Ryan Dalgleish at a flat in Kirkcaldy on 19 March 2024. Connor Haig was "
            "arrested the following week. Both men were charged with culpable homicide.")
    (roles,) = _roles_of(text, FRIDAY, "CHARGES")
    assert ("Ryan Dalgleish", "DEFENDANT") in roles and ("Connor Haig", "DEFENDANT") in roles


def test_a_name_someone_gives_an_interview_to_is_no_place_whatever_the_model_tagged():
    text = "In a February interview with Bloomberg, Ruth Okonjo put the likely price closer to $1,500."
    _the_one(text, FRIDAY, "INTERVIEW", ("Bloomberg", "OUTLET"), (date(2024, 2, 1), date(2024, 2, 29)))


def test_the_following_month_is_the_first_such_month_after_the_time_last_told():
    text = "Austin Kerr pleaded guilty in August 2021 and was sentenced the following March to 30 years."
    _the_one(text, date(2025, 9, 18), "SENTENCING", ("Austin Kerr", "DEFENDANT"), (date(2022, 3, 1), date(2022, 3, 31)))


def test_a_timelines_present_tense_ruling_is_the_examiners_finding_on_that_day_and_not_the_deaths_day():
    text = ("- **Dec. 15, 2023:** The Los Angeles County medical examiner's office rules that Matthew Perry died "
            "of the acute effects of ketamine.")
    events = _extract_text(text, FRIDAY)
    autopsy, _ = _only(events, "AUTOPSY")
    death, _ = _only(events, "DEATH")
    assert _span(autopsy) == (date(2023, 12, 15), date(2023, 12, 15)) and _span(death) == (None, None)


def test_a_day_without_a_year_takes_a_year_told_sentences_before_only_when_the_story_goes_on_from_it():
    text = ("Gina Holt was born on June 9, 1990. She worked as a nurse for a decade. She became a supervisor. "
            "She was arrested at the hospital on June 12.")
    _the_one(text, FRIDAY, "ARREST", ("Gina Holt", "ARRESTED"), (date(2024, 6, 12), date(2024, 6, 12)))


def test_a_death_named_in_what_was_adjourned_is_not_moved_with_it():
    text = ("The coroner adjourned the inquest into the death of Poppy Lund, 19, who died at a festival last summer, "
            "until 12 September.")
    events = _extract_text(text, FRIDAY)
    inquest, _ = _only(events, "INVESTIGATION")
    death, _ = _only(events, "DEATH")
    assert _span(inquest) == (date(2024, 9, 12), date(2024, 9, 12))
    assert _span(death) == (date(2023, 6, 1), date(2023, 8, 31))


def test_a_trial_moved_past_an_aside_to_a_yearless_day_is_left_undated_not_put_in_the_past():
    # "moved" is told after the day as often as before it: the year cannot be read either way
    text = "The trial of Nola Penrose, a pharmacist accused of diverting oxycodone, has been moved, her lawyer said, to Nov. 12."
    assert _dated(text, FRIDAY, "TRIAL") == (None, None)


def test_both_things_are_not_the_two_people_told_before():
    text = ("Police arrested Tim Bale on Monday. His wife, Nora Bale, was arrested on Wednesday. Both clinics were "
            "raided by federal agents.")
    assert not _roles_of(text, FRIDAY, "INVESTIGATION")


def test_an_investigation_opened_the_day_someone_was_found_is_into_their_death_and_dated_by_it():
    _the_one("Dana Cole, 24, was found dead in her apartment on March 3. Ohio State Police opened an investigation "
             "the morning she was found.", FRIDAY, "INVESTIGATION", ("Dana Cole", "SUBJECT"),
             (date(2024, 3, 3), date(2024, 3, 3)))


def test_an_office_named_by_its_place_in_lower_case_speaks_in_its_statement():
    _the_one("Dana Cole, 24, died on March 3. The Wabash County coroner's office released a statement on March 5.",
             FRIDAY, "STATEMENT", ("Wabash County coroner's office", "SPEAKER"), (date(2024, 3, 5), date(2024, 3, 5)))


def test_an_interview_given_to_a_station_named_by_its_call_letters_has_that_outlet():
    _the_one("Dana Cole, 24, died on March 3. Her mother, Mary Cole, gave her first interview to WCNH-TV on May 1.",
             FRIDAY, "INTERVIEW", ("WCNH-TV", "OUTLET"), (date(2024, 5, 1), date(2024, 5, 1)))


def test_a_surname_the_model_reads_as_a_verb_still_names_the_person_a_pronoun_then_follows():
    text = ('Jonah Vale died in September. He was 36. He had played the Ryman three days before he died. By the '
            'summer, Vale was buying pills from a man saved in his phone as "Dee." Prosecutors say "Dee" was Marcus '
            'Lyle Denning, 41, of Antioch. Denning sold Vale pills at $25 apiece, the complaint alleges. Denning was '
            'no stranger to the courts. In March 2023, he pleaded guilty to possession of oxycodone.')
    assert _roles_of(text, FRIDAY, "PLEA") == [{("Marcus Lyle Denning", "DEFENDANT")}]


def test_they_who_release_a_statement_are_the_two_people_the_sentence_before_names_together():
    assert _roles_of("Dana Cole, 19, died on March 3. Her parents, Tom and Ann Cole, attended the hearing. "
                     "Afterwards, they released a statement.", FRIDAY, "STATEMENT") \
        == [{("Tom Cole", "SPEAKER"), ("Ann Cole", "SPEAKER")}]


def test_a_pharmacist_who_dispensed_a_drug_supplied_it():
    _the_one("Between January 2022 and June 2023, Ola Oyelaran dispensed more than 300 vials of ketamine without a "
             "valid prescription.", FRIDAY, "DRUG_SUPPLY", ("Ola Oyelaran", "SUPPLIER"),
             (date(2022, 1, 1), date(2023, 6, 30)))


def test_whoever_received_a_warning_letter_is_what_it_warned():
    _the_one("Canyon Crest Pharmacy received a warning letter from the FDA in May.", FRIDAY, "REGULATORY_WARNING",
             ("Canyon Crest Pharmacy", "SUBJECT"), (date(2024, 5, 1), date(2024, 5, 31)))


def test_a_common_word_that_is_also_a_surname_is_not_the_person():
    assert _roles_of("Ryan Sterling pleaded guilty on March 28 to supplying heroin. Sterling silver jewelry worth "
                     "$9,000 was also seized.", FRIDAY, "REGULATORY_ACTION") == []


def test_they_who_release_a_statement_may_be_another_party_the_sentence_before_names():
    arrested_by = ("Jake Ross and Mia Dunn were arrested by Harlan County sheriff's deputies on Monday. They released "
                   "a statement on Tuesday identifying the two suspects.")
    sued = ("Tom and Ann Cole sued the Northside Clinic and Dr. Neil Hart on Monday over the death of their son. "
            "They released a statement denying any wrongdoing.")
    charged = ("Paul and Diane Ross were charged on April 9 with child neglect. They released a statement through "
               "their lawyer denying the charges.")
    assert _roles_of(arrested_by, FRIDAY, "STATEMENT") == []
    assert _roles_of(sued, FRIDAY, "STATEMENT") == []
    assert _roles_of(charged, FRIDAY, "STATEMENT") == [{("Paul Ross", "SPEAKER"), ("Diane Ross", "SPEAKER")}]


def test_a_county_attorneys_office_that_charges_prosecutes():
    _the_one("The Hennepin County attorney's office charged Lamar Cain with third-degree murder on Dec. 14.", FRIDAY,
             "CHARGES", ("Hennepin County attorney's office", "PROSECUTOR"), (date(2023, 12, 14), date(2023, 12, 14)))


def test_a_defendant_who_reaches_signs_or_agrees_to_a_plea_deal_has_made_the_plea():
    charged = "Federal prosecutors charged Sandra Ruiz in March. "
    february = (date(2024, 2, 1), date(2024, 2, 29))
    for told in ("Ruiz reached a plea deal with prosecutors in February.", "Ruiz signed a plea agreement in February.",
                 "Ruiz agreed to a plea deal in February."):
        _the_one(charged + told, FRIDAY, "PLEA", ("Sandra Ruiz", "DEFENDANT"), february)


def test_a_prosecutor_or_lawyer_who_signs_or_reaches_a_plea_deal_is_not_its_defendant():
    charged = "Corey Baptiste was charged in March. "
    _the_one(charged + "Prosecutor Maria Dunleavy reached a plea agreement with Corey Baptiste on Tuesday.", FRIDAY,
             "PLEA", ("Corey Baptiste", "DEFENDANT"), (date(2024, 6, 11), date(2024, 6, 11)))
    for told in ("Prosecutor Maria Dunleavy signed the plea agreement on behalf of the state on Tuesday.",
                 "Assistant U.S. Attorney Kyle Ng negotiated the plea deal on Tuesday."):
        assert all(roles <= {("Corey Baptiste", "DEFENDANT")} for roles in _roles_of(charged + told, FRIDAY, "PLEA"))


def test_the_judge_who_accepts_a_plea_deal_is_not_its_defendant():
    assert all(("Ann Holt", "DEFENDANT") not in roles for roles in _roles_of(
        "Prosecutors charged Dan Reyes in March. Judge Ann Holt accepted the plea deal on Monday.", FRIDAY, "PLEA"))


def test_admitting_to_counts_in_court_is_a_plea():
    _the_one("Federal prosecutors charged Sandra Ruiz in March. Ruiz admitted to one count of conspiracy in February.",
             FRIDAY, "PLEA", ("Sandra Ruiz", "DEFENDANT"), (date(2024, 2, 1), date(2024, 2, 29)))


def test_a_plea_someone_is_expected_to_enter_is_expected_of_them():
    plea = _the_one("Federal prosecutors charged Sandra Ruiz in March. Ruiz is expected to enter a plea next week.",
                    FRIDAY, "PLEA", ("Sandra Ruiz", "DEFENDANT"), (date(2024, 6, 17), date(2024, 6, 23)))
    assert plea.status == EventStatus.EXPECTED


def test_what_a_lawyer_says_she_did_is_the_client_s_doing():
    _the_one("Federal prosecutors charged Sandra Ruiz in March. Ruiz's attorney said she pleaded not guilty on Monday.",
             FRIDAY, "PLEA", ("Sandra Ruiz", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))


def test_whoever_remains_under_investigation_is_its_subject():
    _the_one("Police said Dr. Ellen Wu is under investigation by the Medical Board of California.", FRIDAY,
             "INVESTIGATION", ("Ellen Wu", "SUBJECT"), (None, None))
    assert ("Tom Barker", "SUBJECT") in _only(_extract_text(
        "The death of Tom Barker remains under investigation, police said Friday.", FRIDAY), "INVESTIGATION")[1]


def test_someone_placed_under_arrest_is_arrested_on_the_day_of_the_placing():
    _the_one("Officers placed Mark Dunn under arrest on Tuesday.", FRIDAY, "ARREST", ("Mark Dunn", "ARRESTED"),
             (date(2024, 6, 11), date(2024, 6, 11)))


def test_a_regulator_that_cites_a_firm_in_a_warning_letter_warns_that_firm():
    _the_one("The FDA cited Acme Pharmacy for sterility failures in a warning letter posted Tuesday.", FRIDAY,
             "REGULATORY_WARNING", ("Acme Pharmacy", "SUBJECT"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_a_regulator_urging_consumers_warns_them_but_a_mother_urging_young_people_does_not():
    _the_one("The FDA urged consumers on Thursday not to buy ketamine lozenges online.", FRIDAY,
             "REGULATORY_WARNING", ("FDA", "REGULATOR"), (date(2024, 6, 13), date(2024, 6, 13)))
    assert _roles_of("Alison Lomax urged young people on Thursday to look after each other.", FRIDAY,
                     "REGULATORY_WARNING") == []


def test_a_trigger_word_leading_into_an_organisation_s_name_is_no_event():
    text = ("The Home Office said in a statement in January that it had asked the Advisory Council on the Misuse of "
            "Drugs to review whether ketamine should move from class B to class A.")
    assert _roles_of(text, FRIDAY, "REGULATORY_WARNING") == []


def test_a_regulator_s_later_letters_do_not_swallow_the_earlier_communication_they_follow():
    text = ("Today, the U.S. Food and Drug Administration issued warning letters to three companies. The letters "
            "follow an October 2023 safety communication in which the agency cautioned patients about the risks.")
    warnings = [e for e, _ in _extract_text(text, FRIDAY) if e.type == "REGULATORY_WARNING"]
    assert sorted(_span(e) for e in warnings) == [(date(2023, 10, 1), date(2023, 10, 31)), (FRIDAY, FRIDAY)]


def test_taking_drugs_from_an_employer_is_obtaining_them_though_the_employer_supplied_nothing():
    text = ("Pharmacist Ashley Noe was charged in May. She admitted taking about 1,800 hydrocodone tablets from her "
            "employer, Midtown Family Pharmacy, between May and August 2024.")
    supply = _the_one(text, FRIDAY, "DRUG_SUPPLY", ("Ashley Noe", "BUYER"), (date(2024, 5, 1), date(2024, 8, 31)))
    assert _roles_of(text, FRIDAY, "DRUG_SUPPLY") == [{("Ashley Noe", "BUYER")}] and supply.status == EventStatus.OCCURRED
    # an unnamed technician's theft is nobody's supply: the store from which it was taken is no supplier
    assert _roles_of("The pharmacy technician was accused of taking controlled substances from the Walgreens store "
                     "where she worked.", FRIDAY, "DRUG_SUPPLY") == []


def test_tablets_taken_from_a_pharmacy_s_stock_were_obtained_not_swallowed():
    text = "Dwayne Keeler took more than 11,000 tablets from the pharmacy's stock between March 2023 and January 2025."
    _the_one(text, FRIDAY, "DRUG_SUPPLY", ("Dwayne Keeler", "BUYER"), (date(2023, 3, 1), date(2025, 1, 31)))
    assert not [e for e, _ in _extract_text(text, FRIDAY) if e.type == "DRUG_ADMINISTRATION"]
    _the_one("Dwayne Keeler took two tablets on Monday.", FRIDAY, "DRUG_ADMINISTRATION",
             ("Dwayne Keeler", "RECIPIENT"), (date(2024, 6, 10), date(2024, 6, 10)))
    # what one carries is one's own: taken out and swallowed, not obtained
    text = "Cora Harper took two pills from her purse on Monday and swallowed them, a witness testified."
    assert [e.type for e, _ in _extract_text(text, FRIDAY)] == ["DRUG_ADMINISTRATION"]


def test_a_pharmacy_that_posted_someone_supplies_of_troches_supplied_them():
    _the_one("Between August 2022 and February 2023, Coastline Compounding Pharmacy posted Meredith Calloway five "
             "supplies of 30 troches each.", FRIDAY, "DRUG_SUPPLY", ("Coastline Compounding Pharmacy", "SUPPLIER"),
             (date(2022, 8, 1), date(2023, 2, 28)))
    assert all(e.type != "DRUG_SUPPLY" for e, _ in _extract_text(
        "Coastline Compounding Pharmacy posted a statement on Monday about its troches.", FRIDAY))
    # an amount of the drug, not photos, samples or complaints of it
    assert _extract_text("Investigators said Dean Marsh posted photos of oxycodone pills on Instagram.", FRIDAY) == []
    assert _extract_text("Dr. Sean Ward received complaints of fentanyl diversion from three nurses.", FRIDAY) == []
    assert all(e.type != "DRUG_SUPPLY" for e, _ in _extract_text(
        "The FDA obtained samples of the ketamine lozenges from the pharmacy during an inspection.", FRIDAY))


def test_a_sale_of_codeine_methadone_or_controlled_substances_is_a_drug_supply():
    for drug in ("codeine", "methadone", "controlled substances"):
        _the_one(f"Mark Dunn sold {drug} to undercover officers in May.", FRIDAY, "DRUG_SUPPLY",
                 ("Mark Dunn", "SUPPLIER"), (date(2024, 5, 1), date(2024, 5, 31)))


def test_a_second_sale_told_without_its_verb_is_a_sale_of_its_own_on_its_own_date():
    for text in ("Kara Voss sold Dean Marsh 50 vials of ketamine on Oct. 13, 2023, and another 25 vials on Oct. 24, 2023.",
                 "Kara Voss sold Dean Marsh 50 vials of ketamine on Oct. 13, 2023 and 25 more on Oct. 24, 2023."):
        sales = [e for e, roles in _extract_text(text, FRIDAY)
                 if e.type == "DRUG_SUPPLY" and ("Kara Voss", "SUPPLIER") in roles and ("Dean Marsh", "BUYER") in roles]
        assert sorted(_span(e) for e in sales) == [(date(2023, 10, 13), date(2023, 10, 13)),
                                                  (date(2023, 10, 24), date(2023, 10, 24))]
    injections = [e for e, _ in _extract_text(
        "Iwamasa injected Perry with ketamine on Oct. 24, 2023, and again on Oct. 26, 2023.", FRIDAY)
        if e.type == "DRUG_ADMINISTRATION"]
    assert sorted(_span(e) for e in injections) == [(date(2023, 10, 24), date(2023, 10, 24)),
                                                   (date(2023, 10, 26), date(2023, 10, 26))]
    # a repeat to someone else is his act still, but not to the first buyer; nor is another suspect arrested Lee
    text = "Adam Hughes sold Ben Ortega 10 oxycodone pills on Nov. 3, 2022, and another man 15 pills on Nov. 4, 2022."
    assert sorted((_span(e), ("Ben Ortega", "BUYER") in roles) for e, roles in _extract_text(text, FRIDAY)
                  if e.type == "DRUG_SUPPLY") == [((date(2022, 11, 3), date(2022, 11, 3)), True),
                                                  ((date(2022, 11, 4), date(2022, 11, 4)), False)]
    text = "Police arrested Jordan Lee on May 2 and another suspect on May 9."
    assert len([e for e, _ in _extract_text(text, FRIDAY) if e.type == "ARREST"]) == 1
    # a second verb is an act of its own, and a place is no second act
    for text in ("Kara Voss sold Dean Marsh 50 vials on Oct. 13, 2023 and was arrested on Oct. 24, 2023.",
                 "Kara Voss sold Dean Marsh 50 vials on Oct. 13, 2023 and in Denver on Oct. 24, 2023."):
        assert [_span(e) for e, _ in _extract_text(text, FRIDAY) if e.type == "DRUG_SUPPLY"] == [
            (date(2023, 10, 13), date(2023, 10, 13))]


def test_whom_a_drug_was_sold_to_is_the_first_of_two_objects_even_when_the_parser_calls_both_objects():
    text = ("Owen Faraday, 31, was found dead at his home on Nov. 3, 2024. Prosecutors say Rafael Quiroga sold "
            "Faraday the pills the night before he was found.")
    sale = _the_one(text, FRIDAY, "DRUG_SUPPLY", ("Owen Faraday", "BUYER"), (date(2024, 11, 2), date(2024, 11, 2)))
    assert sale.status == EventStatus.ALLEGED


def test_an_agreement_to_plead_guilty_and_the_plea_entered_weeks_later_are_one_plea():
    text = ("In August, Kara Voss agreed to plead guilty to one count of distributing ketamine. "
            "She entered her plea in federal court on Oct. 2.")
    plea, roles = _only(_extract_text(text, date(2024, 11, 20)), "PLEA")
    assert roles == {("Kara Voss", "DEFENDANT")}
    assert len(plea.evidence) == 2
    # told in one sentence, the plea is dated by the day it was entered
    _the_one("Hannah Ruiz struck a plea deal with prosecutors on Feb. 1, 2024, and pleaded guilty on Feb. 20, 2024, "
             "to one count of distribution.", FRIDAY, "PLEA", ("Hannah Ruiz", "DEFENDANT"),
             (date(2024, 2, 20), date(2024, 2, 20)))
    # an agreement is signed weeks before the plea, not years
    text = ("Kara Voss agreed to plead guilty in March 2022. "
            "She pleaded guilty to the same count on Oct. 2, 2024, after the deal collapsed and was revived.")
    assert len([e for e, _ in _extract_text(text, date(2024, 11, 20)) if e.type == "PLEA"]) == 2


def test_a_lede_the_parser_folds_into_its_relative_clause_still_tells_what_the_one_described_did():
    text = ("A Santa Monica physician who supplied Ray Dunn with ketamine in the weeks before the actor's death "
            "pleaded guilty Wednesday to four federal drug counts. Dr. Salvador Plasencia, 43, entered his plea "
            "before U.S. District Judge Sherilyn Peace Garnett.")
    plea, roles = _only(_extract_text(text, FRIDAY), "PLEA")
    assert roles == {("Salvador Plasencia", "DEFENDANT")}
    assert _span(plea) == (date(2024, 6, 12), date(2024, 6, 12))
    text = ("A dealer who sold pills to singer Ana Cruz in the days before her death was sentenced Monday to 10 years "
            "in prison. Kyle Dent, 33, had pleaded guilty in March.")
    _the_one(text, FRIDAY, "SENTENCING", ("Kyle Dent", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    # told alone, the dead singer is still nobody's defendant
    lede = text.split(" Kyle Dent")[0]
    assert all(("Ana Cruz", "DEFENDANT") not in roles for roles in _roles_of(lede, FRIDAY, "SENTENCING"))


def test_a_time_after_what_someone_believed_a_pill_was_dates_the_swallowing():
    _the_one("Caleb Yoder and Mia Santangelo each swallowed a pill they believed was Percocet on the night of "
             "Sept. 19, 2020.", FRIDAY, "DRUG_ADMINISTRATION", ("Mia Santangelo", "RECIPIENT"),
             (date(2020, 9, 19), date(2020, 9, 19)))


def test_the_drug_that_killed_someone_tells_their_death_and_its_date():
    text = ("Justice Margaret Howe jailed Connor Bright, 31, for nine years on Tuesday for supplying the MDMA that "
            "killed festival-goer Ava Lin in January 2022.")
    _the_one(text, FRIDAY, "DEATH", ("Ava Lin", "DECEASED"), (date(2022, 1, 1), date(2022, 1, 31)))
    _the_one("Connor Bright supplied the MDMA that killed Ava Lin in January 2022.", FRIDAY, "DRUG_SUPPLY",
             ("Connor Bright", "SUPPLIER"), (None, None))
    # a threat to kill, a near thing or a drug strong enough to kill is no death
    for text in ("Police said Dale Moss had threatened to kill Tina Reyes.",
                 "The overdose nearly killed Omar Dale in 2021, his mother said.",
                 "Officers said Lee Grant threatened to kill his supplier over a drug debt in 2022.",
                 "Tests showed the pills were strong enough to kill Kyle Ross several times over."):
        assert [e for e, _ in _extract_text(text, FRIDAY) if e.type == "DEATH"] == []


def test_a_dose_given_by_weight_is_a_drug_administration():
    _the_one("An inquest heard that Abigail Kerr was given 10mg of morphine by a nurse, Lucy Dunn, on 8 November "
             "2023.", FRIDAY, "DRUG_ADMINISTRATION", ("Lucy Dunn", "ADMINISTERED_BY"),
             (date(2023, 11, 8), date(2023, 11, 8)))
    _the_one("Nurse Alan Fitch gave Doris Kemp diamorphine in 2020.", FRIDAY, "DRUG_ADMINISTRATION",
             ("Doris Kemp", "RECIPIENT"), (date(2020, 1, 1), date(2020, 12, 31)))


def test_an_infusion_received_days_before_a_dated_death_is_dated_back_from_it():
    _the_one("Emma Tierney, 26, died at her home in Navan on 14 April, three days after she received a ketamine "
             "infusion at the Calmwater clinic in Dublin.", FRIDAY, "INFUSION_SESSION",
             ("Emma Tierney", "RECIPIENT"), (date(2024, 4, 11), date(2024, 4, 11)))


def test_a_first_name_that_is_also_a_word_still_starts_a_name_the_model_missed():
    _the_one("Brent Hollis pleaded guilty on Monday.", FRIDAY, "PLEA", ("Brent Hollis", "DEFENDANT"),
             (date(2024, 6, 10), date(2024, 6, 10)))


def test_a_month_told_of_a_future_sentencing_is_the_next_one_whatever_the_clause_after_it_says():
    sentencing = _the_one("Tessa Ward, a former nurse, will be sentenced in September after she was convicted in "
                          "April of tampering with vials of hydromorphone.", FRIDAY, "SENTENCING",
                          ("Tessa Ward", "DEFENDANT"), (date(2024, 9, 1), date(2024, 9, 30)))
    assert sentencing.status == EventStatus.SCHEDULED


@pytest.mark.parametrize("text", [
    "Tom Reed was sentenced on Monday after pleading guilty in March to diverting fentanyl.",
    "Tom Reed is scheduled to be sentenced on Aug. 5 after pleading guilty in March to diverting fentanyl.",
])
def test_one_sentenced_after_pleading_guilty_pleaded_guilty_then(text):
    _the_one(text, FRIDAY, "PLEA", ("Tom Reed", "DEFENDANT"), (date(2024, 3, 1), date(2024, 3, 31)))


def test_second_review_of_this_change_these_keep_their_plain_reading():
    # a future told in a clause of its own is still to come
    _the_one("Alan Reed will remain in custody until he is sentenced in September.", FRIDAY, "SENTENCING",
             ("Alan Reed", "DEFENDANT"), (date(2024, 9, 1), date(2024, 9, 30)))
    # what is to come after a future step may never happen: no trial of Ryan Holt told as done
    assert _extract_text("Ryan Holt will be arraigned in July before facing trial in October.", FRIDAY) == []
    # a year of someone's life or career is no step of the story
    _the_one("Dr. Tom Vance, first licensed in 1998, was suspended in March.", FRIDAY, "REGULATORY_ACTION",
             ("Tom Vance", "SUBJECT"), (date(2024, 3, 1), date(2024, 3, 31)))
    _the_one("Lee Ellis was born in May 1985 and died in March of a fentanyl overdose.", FRIDAY, "DEATH",
             ("Lee Ellis", "DECEASED"), (date(2024, 3, 1), date(2024, 3, 31)))
    # the panel reviewed his records, not he
    _the_one("Dr. Raj Ortiz was cleared by the panel after reviewing his prescribing records.", FRIDAY,
             "INVESTIGATION", ("Raj Ortiz", "SUBJECT"), (None, None))
    # a second sale to someone else is still her sale; drug names between are no one
    sales = [e for e, roles in _extract_text("Prosecutors said Lena Ruiz sold fentanyl to an informant on May 2 and "
                                             "another suspect on May 9.", FRIDAY) if e.type == "DRUG_SUPPLY"]
    assert sorted(_span(e) for e in sales) == [(date(2024, 5, 2), date(2024, 5, 2)), (date(2024, 5, 9), date(2024, 5, 9))]
    sales = [e for e, _ in _extract_text("Jo Kelly sold Xanax to an undercover agent on Jan. 5 and another 50 Xanax "
                                         "bars on Jan. 19.", FRIDAY) if e.type == "DRUG_SUPPLY"]
    assert sorted(_span(e) for e in sales) == [(date(2024, 1, 5), date(2024, 1, 5)), (date(2024, 1, 19), date(2024, 1, 19))]
    # a restaurant's name is no woman's
    assert _extract_text("Jade Garden Takeaway was raided by police on Thursday and cocaine was seized.", FRIDAY) == []


def test_one_who_denied_the_charges_and_is_scheduled_to_go_on_trial_is_the_defendant():
    trial = _the_one("Jasveen Sangha, 42, has denied the charges and is scheduled to go on trial Aug. 19.", FRIDAY,
                     "TRIAL", ("Jasveen Sangha", "DEFENDANT"), (date(2024, 8, 19), date(2024, 8, 19)))
    assert trial.status == EventStatus.SCHEDULED


def test_an_interview_with_a_quoted_programme_the_parser_split_names_the_programme():
    _the_one('Gregory Amsel sat down with "Wisconsin Tonight" in February 2024.', FRIDAY, "INTERVIEW",
             ("Wisconsin Tonight", "OUTLET"), (date(2024, 2, 1), date(2024, 2, 29)))


def test_a_pronoun_that_pleads_after_a_named_death_is_the_suspect_not_the_dead():
    text = ("In July the singer Noel Varga died at his home in Austin. In August police arrested his former "
            "driver, Colin Abbott. Prosecutors accuse him of supplying the singer with the drugs that killed him. "
            "He has pleaded not guilty, and his trial is set to begin in March.")
    events = _extract_text(text, FRIDAY)
    assert _only(events, "PLEA")[1] == {("Colin Abbott", "DEFENDANT")}
    assert _only(events, "TRIAL")[1] == {("Colin Abbott", "DEFENDANT")}


def test_the_dead_named_in_the_sentence_of_a_plea_keep_their_plea():
    text = ("Noel Varga died in July. Varga had pleaded guilty to a drug charge in 2019, court records show.")
    assert ("Noel Varga", "DEFENDANT") in _only(_extract_text(text, FRIDAY), "PLEA")[1]


@pytest.mark.parametrize("text, dead", [
    ("Dr. Ekansh Varma examined Lucy Dunn. She died two days later.", "Lucy Dunn"),
    ("Dr. Baldomero Ortiz examined Lucy Dunn. She died two days later.", "Lucy Dunn"),
    ("Nurse Aoibhinn Kelly treated Tom Dunn. He died two days later.", "Tom Dunn"),
])
def test_first_names_from_beyond_the_english_speaking_world_say_whom_a_pronoun_can_mean(text, dead):
    assert _only(_extract_text(text, FRIDAY), "DEATH")[1] == {(dead, "DECEASED")}


@pytest.mark.parametrize("text, role", [
    ("Minh Nguyen died on Sunday.", ("Minh Nguyen", "DECEASED")),
    ("Chukwuemeka Obi died on Sunday.", ("Chukwuemeka Obi", "DECEASED")),
    ("Hamza Siddiqui was arrested on Sunday.", ("Hamza Siddiqui", "ARRESTED")),
])
def test_a_first_name_from_anywhere_starts_a_name_the_model_missed(text, role):
    event, = [e for e, roles in _extract_text(text, FRIDAY) if role in roles]
    assert _span(event) == (date(2024, 6, 9), date(2024, 6, 9))




@pytest.mark.parametrize("text, outlet", [
    ("Her father, Tom Lyle, has spoken about her death on the 3AW Drive program in April.", "3AW Drive"),
    ("Her father, Tom Lyle, has spoken about her death on the Morning Line show in April.", "Morning Line"),
])
def test_a_programme_named_without_quotes_after_on_is_the_outlet_of_an_interview(text, outlet):
    event = _the_one(text, FRIDAY, "INTERVIEW", ("Tom Lyle", "INTERVIEWEE"), (date(2024, 4, 1), date(2024, 4, 30)))
    assert (outlet, "OUTLET") in {(a, r) for a, r in _only(_extract_text(text, FRIDAY), "INTERVIEW")[1]}
    assert event.status == EventStatus.OCCURRED


def test_a_name_described_as_a_nurse_is_the_person_arrested_whatever_the_model_tagged():
    _the_one("Police arrested nurse Penelope Strauss on Wednesday.", FRIDAY, "ARREST",
             ("Penelope Strauss", "ARRESTED"), (date(2024, 6, 12), date(2024, 6, 12)))


def test_a_lone_surname_given_an_age_is_a_person():
    events = _extract_text("Pearson, 27, was convicted last Thursday and will be sentenced on 12 July.", FRIDAY)
    assert ("Pearson", "DEFENDANT") in _only(events, "TRIAL")[1]
    assert ("Pearson", "DEFENDANT") in _only(events, "SENTENCING")[1]


@pytest.mark.parametrize("text, event_type", [
    ("Harold Quist goes on trial next month.", "TRIAL"),
    ("Nathaniel Brisco faces trial next year.", "TRIAL"),
    ("The sentencing of Hamid Rostami has been postponed to July 29.", "SENTENCING"),
])
def test_an_event_told_in_the_present_and_dated_after_the_story_is_still_to_come(text, event_type):
    event, _ = _only(_extract_text(text, FRIDAY), event_type)
    assert event.status == EventStatus.SCHEDULED and event.date.start > FRIDAY


@pytest.mark.parametrize("text", [
    "The Crown Prosecution Service has charged Kieran Walsh.",
    "Detectives charged Kieran Walsh on Tuesday.",
])
def test_charges_brought_by_prosecutors_or_detectives_need_no_offence_named(text):
    assert ("Kieran Walsh", "DEFENDANT") in _only(_extract_text(text, FRIDAY), "CHARGES")[1]


def test_insufficient_evidence_to_charge_is_no_charge():
    text = "The Crown Prosecution Service advised in November that there was insufficient evidence to charge Kieran Walsh."
    assert _roles_of(text, FRIDAY, "CHARGES") == []


@pytest.mark.parametrize("text, span, defendant", [
    ("Gavin Moorcroft was given 30 months in prison on Monday.", (date(2024, 6, 10), date(2024, 6, 10)), "Gavin Moorcroft"),
    ("Frank Halloran received 25 years in prison in March 2021.", (date(2021, 3, 1), date(2021, 3, 31)), "Frank Halloran"),
    ("Kyle Dent was locked up for six years at Bristol Crown Court on Tuesday.", (date(2024, 6, 11), date(2024, 6, 11)), "Kyle Dent"),
    ("Judge Ngaire Tapsell imposed a sentence of four years on Hemi Walker yesterday.", (date(2024, 6, 13), date(2024, 6, 13)), "Hemi Walker"),
])
def test_a_term_given_received_or_imposed_on_someone_is_their_sentencing(text, span, defendant):
    _the_one(text, FRIDAY, "SENTENCING", (defendant, "DEFENDANT"), span)


@pytest.mark.parametrize("text", [
    "Tom Vale was given 18 months to live.",
    "Frank Hall received treatment in prison in 2021.",
    "She received six months of ketamine treatment.",
])
def test_time_allowed_or_care_received_is_no_sentencing(text):
    assert _roles_of(text, FRIDAY, "SENTENCING") == []


@pytest.mark.parametrize("text, defendant", [
    ("A Superior Court jury in Stockton returned guilty verdicts on Tuesday against Ramona Villasenor.", "Ramona Villasenor"),
    ("Dr. Ravindra Mehta was cleared of all charges on Monday.", "Ravindra Mehta"),
    ("A jury failed to reach a verdict in the trial of Wesley Tapsell.", "Wesley Tapsell"),
])
def test_verdicts_against_acquittals_as_clearing_and_hung_juries_are_trials(text, defendant):
    event, roles = _only(_extract_text(text, FRIDAY), "TRIAL")
    assert (defendant, "DEFENDANT") in roles and event.status == EventStatus.OCCURRED


def test_a_regulator_clearing_a_device_is_still_an_approval_not_a_trial():
    assert _roles_of("The FDA cleared the device in March.", FRIDAY, "TRIAL") == []


def test_authorising_a_charge_or_approving_a_plea_deal_is_no_regulatory_approval():
    for text in ("The Crown Prosecution Service authorised a charge of manslaughter against Jordan Hale on Tuesday.",
                 "The Texas Medical Board approved a settlement with Dr. Ellen Ruiz on Tuesday."):
        assert _roles_of(text, FRIDAY, "REGULATORY_APPROVAL") == [], text


def test_a_future_clause_keeps_its_future_when_a_past_verb_phrase_is_coordinated_after_it():
    _the_one("Brock Tennant, 42, will stand trial in February and was granted bail.", FRIDAY, "TRIAL",
             ("Brock Tennant", "DEFENDANT"), (date(2025, 2, 1), date(2025, 2, 28)))


def test_an_interview_on_a_weekday_is_dated_by_it_not_given_to_it():
    event, roles = _only(_extract_text(
        "Devin Marquez told the Arizona Republic in a jailhouse interview on Tuesday that he was sorry.", FRIDAY), "INTERVIEW")
    assert ("Tuesday", "OUTLET") not in roles and _span(event) == (date(2024, 6, 11), date(2024, 6, 11))


@pytest.mark.parametrize("text", [
    "A Maricopa County jury on Wednesday convicted Darnell Heston of murder in the fentanyl overdose death of Kaitlyn Moreau.",
    "Darnell Heston was charged on Wednesday in the death of Kaitlyn Moreau.",
])
def test_a_death_a_case_is_about_takes_no_date_from_the_case(text):
    death, roles = _only(_extract_text(text, FRIDAY), "DEATH")
    assert roles == {("Kaitlyn Moreau", "DECEASED")} and _span(death) == (None, None)


def test_the_year_of_a_death_a_verdict_is_over_dates_the_death_not_the_verdict():
    events = _extract_text("A Brisbane jury has found Jarrod Keane not guilty of manslaughter over the 2021 death "
                           "of Tahlia Brooks.", FRIDAY)
    trial, trial_roles = _only(events, "TRIAL")
    death, death_roles = _only(events, "DEATH")
    assert ("Jarrod Keane", "DEFENDANT") in trial_roles and trial.date.start != date(2021, 1, 1)
    assert death_roles == {("Tahlia Brooks", "DECEASED")} and _span(death) == (date(2021, 1, 1), date(2021, 12, 31))


@pytest.mark.parametrize("text, event_type, accused", [
    ("A jury on Wednesday convicted Darnell Heston, 29, of murder in the death of Kaitlyn Moreau.", "TRIAL",
     {"Darnell Heston"}),
    ("The Crown Prosecution Service has authorised charges against Kieran Walsh, 31, and Aimee Doyle, 26, over the "
     "death of 16-year-old Jasmine Pratt, who took ecstasy.", "CHARGES", {"Kieran Walsh", "Aimee Doyle"}),
    ("Melissa Orrick was acquitted on Monday over the death of her boyfriend, Liam Catterall, who collapsed at a party.",
     "TRIAL", {"Melissa Orrick"}),
    ("Christopher Dahlgren was found guilty last week of injecting his girlfriend, Shayla Tuomi, with fentanyl.", "TRIAL",
     {"Christopher Dahlgren"}),
    ("Sharon Whitcombe, 61, a retired GP, was convicted yesterday.", "TRIAL", {"Sharon Whitcombe"}),
])
def test_the_victim_and_the_defendants_description_are_not_defendants(text, event_type, accused):
    defendants = {name for roles in _roles_of(text, FRIDAY, event_type) for name, role in roles if role == "DEFENDANT"}
    assert defendants == accused


def test_defendants_coordinated_with_a_described_one_all_stand_accused():
    text = "Pettibone, Keel and a third defendant, Crystal Mayhew, 29, were indicted by a federal grand jury in March 2024."
    defendants = {name for roles in _roles_of(text, FRIDAY, "CHARGES") for name, role in roles if role == "DEFENDANT"}
    assert "Crystal Mayhew" in defendants


@pytest.mark.parametrize("text, span, arrested", [
    ("Following his arrest on May 30 by Lubbock police, Jaden Ortiz was booked into the county jail.",
     (date(2024, 5, 30), date(2024, 5, 30)), "Jaden Ortiz"),
    ("Two months after her arrest in February, Natalie Osgood was formally charged with manslaughter.",
     (date(2024, 2, 1), date(2024, 2, 29)), "Natalie Osgood"),
])
def test_a_pronoun_in_a_fronted_phrase_is_the_person_the_sentence_then_names(text, span, arrested):
    _the_one(text, FRIDAY, "ARREST", (arrested, "ARRESTED"), span)


def test_a_fronted_autopsy_report_is_of_the_dead_not_of_the_pathologist_named_after_it():
    text = ("Meredith Lane died on 12 March 2023. In her autopsy report dated 2 June 2023, forensic pathologist "
            "Dr Renata Visser gave the cause of death as ketamine toxicity.")
    autopsies = _roles_of(text, FRIDAY, "AUTOPSY")
    assert autopsies and all(("Renata Visser", "SUBJECT") not in roles for roles in autopsies)


def test_a_relative_told_with_whose_is_a_person_whose_death_is_told_by_the_name_given():
    events = _extract_text("Lorraine Tibbets, whose son Caleb died of a fentanyl overdose in 2021, sat down with "
                           "KOMO News on Tuesday.", FRIDAY)
    death, roles = _only(events, "DEATH")
    assert roles == {("Caleb Tibbets", "DECEASED")} and _span(death) == (date(2021, 1, 1), date(2021, 12, 31))
    assert ("Lorraine Tibbets", "INTERVIEWEE") in _only(events, "INTERVIEW")[1]


def test_an_arrest_told_with_whose_is_the_arrest_of_the_one_described():
    _the_one("Nurse Tara Quill, whose arrest in April shocked the ward, appeared in court on Monday.", FRIDAY,
             "ARREST", ("Tara Quill", "ARRESTED"), (date(2024, 4, 1), date(2024, 4, 30)))


def test_whom_the_drugs_killed_had_them_from_the_one_named_as_supplying_them():
    roles = _only(_extract_text("Tyrone Ackah had supplied the heroin that killed father-of-two Gary Sefton.", FRIDAY),
                  "DRUG_SUPPLY")[1]
    assert roles == {("Tyrone Ackah", "SUPPLIER"), ("Gary Sefton", "BUYER")}


def test_drugs_that_killed_someone_sold_by_someone_unnamed_make_no_supply():
    text = "Prosecutors say an unnamed dealer sold the ketamine that killed Gary Sefton."
    assert _roles_of(text, FRIDAY, "DRUG_SUPPLY") == []


@pytest.mark.parametrize("text, event_type", [
    ("Dwayne Kettle has been charged with supplying a controlled drug of Class A, Merseyside Police said.", "CHARGES"),
    ("Police said they arrested Mario Delgado on Monday.", "ARREST"),
])
def test_what_the_authorities_say_they_did_themselves_is_a_fact_not_an_allegation(text, event_type):
    assert _only(_extract_text(text, FRIDAY), event_type)[0].status == EventStatus.OCCURRED


def test_what_police_say_a_suspect_did_stays_an_allegation():
    event, _ = _only(_extract_text("Police said Mario Delgado sold fentanyl to Ann Cole.", FRIDAY), "DRUG_SUPPLY")
    assert event.status == EventStatus.ALLEGED


@pytest.mark.parametrize("text, span", [
    ("Police arrested Carlos Ybarra and Destiny Ruiz on Saturday.", (date(2024, 6, 8), date(2024, 6, 8))),
    ("Deputies arrested Carlos Ybarra, 22, and Destiny Ruiz, 20, on Saturday.", (date(2024, 6, 8), date(2024, 6, 8))),
])
def test_two_people_arrested_together_are_both_arrested_on_the_day_told(text, span):
    arrests = [(e, roles) for e, roles in _extract_text(text, FRIDAY) if e.type == "ARREST"]
    assert {name for _, roles in arrests for name, _ in roles} == {"Carlos Ybarra", "Destiny Ruiz"}
    assert all(_span(e) == span for e, _ in arrests)


@pytest.mark.parametrize("text", [
    "Prosecutors are seeking a sentence of 20 years for Celeste Marchand.",
    "Prosecutors are asking for a sentence of at least 20 years for Celeste Marchand.",
])
def test_a_sentence_asked_for_is_no_sentencing(text):
    assert _roles_of(text, FRIDAY, "SENTENCING") == []


def test_a_sentence_asked_for_leaves_the_scheduled_sentencing_to_come():
    text = ("Prosecutors are asking for a sentence of at least 20 years for Celeste Marchand. "
            "Her sentencing is scheduled for July 9.")
    event = _the_one(text, FRIDAY, "SENTENCING", ("Celeste Marchand", "DEFENDANT"), (date(2024, 7, 9), date(2024, 7, 9)))
    assert event.status == EventStatus.SCHEDULED


def test_an_infusion_received_days_before_a_death_told_with_a_gerund_is_the_dead_persons():
    _the_one("Colleen Baird, 39, died on May 14, four days after receiving a ketamine infusion at the Lumen "
             "Wellness clinic.", FRIDAY, "INFUSION_SESSION", ("Colleen Baird", "RECIPIENT"),
             (date(2024, 5, 10), date(2024, 5, 10)))


@pytest.mark.parametrize("text, judge", [
    ("Gavin Moorcroft was ordered to serve 87 months in federal prison on Monday.", None),
    ("Judge Ann Lowe ordered Gavin Moorcroft to serve 87 months in prison on Monday.", "Ann Lowe"),
])
def test_being_ordered_to_serve_a_term_is_a_sentencing(text, judge):
    _the_one(text, FRIDAY, "SENTENCING", ("Gavin Moorcroft", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    assert judge is None or (judge, "JUDGE") in _only(_extract_text(text, FRIDAY), "SENTENCING")[1]


def test_a_title_with_its_district_set_before_a_name_is_that_persons():
    roles = _only(_extract_text("The U.S. Attorney for the Western District of Washington, Tessa Grayling, charged "
                                "Dean Moss on Tuesday.", FRIDAY), "CHARGES")[1]
    assert ("Tessa Grayling", "PROSECUTOR") in roles and ("Dean Moss", "DEFENDANT") in roles


@pytest.mark.parametrize("text", [
    "Kendrick Sayles pleaded guilty. Sentencing is set for Oct. 8 before U.S. District Judge Harriet Lowe.",
    "Kendrick Sayles will be sentenced on Oct. 8 before Judge Harriet Lowe.",
])
def test_the_judge_a_sentencing_comes_before_is_its_judge(text):
    roles = _only(_extract_text(text, FRIDAY), "SENTENCING")[1]
    assert ("Harriet Lowe", "JUDGE") in roles and ("Kendrick Sayles", "DEFENDANT") in roles


def test_someone_sentenced_before_another_defendant_is_no_judge():
    roles = _only(_extract_text("Kendrick Sayles was sentenced before his co-defendant Tom Ray.", FRIDAY), "SENTENCING")[1]
    assert roles == {("Kendrick Sayles", "DEFENDANT")}


@pytest.mark.parametrize("text, status", [
    ("Calvin Rourke is accused of selling fentanyl to Amy Dunn.", EventStatus.ALLEGED),
    ("Calvin Rourke, who is suspected of supplying heroin to Amy Dunn, was arrested on Monday.", EventStatus.ALLEGED),
    ("Calvin Rourke admitted selling fentanyl to Amy Dunn.", EventStatus.OCCURRED),
])
def test_what_someone_is_accused_or_suspected_of_doing_is_alleged(text, status):
    assert _only(_extract_text(text, FRIDAY), "DRUG_SUPPLY")[0].status == status


def test_someone_found_guilty_of_supplying_drugs_supplied_them():
    roles = _only(_extract_text("Tyrone Ackah was found guilty of supplying the heroin that killed Gary Sefton.", FRIDAY),
                  "DRUG_SUPPLY")[1]
    assert roles == {("Tyrone Ackah", "SUPPLIER"), ("Gary Sefton", "BUYER")}


@pytest.mark.parametrize("text, event_type, span", [
    ("The sentencing of Dr. Hamid Rostami has been moved to June 27.", "SENTENCING", (date(2024, 6, 27), date(2024, 6, 27))),
    ("Ms Garvey's trial has been relisted for 14 October.", "TRIAL", (date(2024, 10, 14), date(2024, 10, 14))),
])
def test_a_date_an_event_has_been_moved_or_relisted_to_is_still_to_come(text, event_type, span):
    event, _ = _only(_extract_text(text, FRIDAY), event_type)
    assert _span(event) == span and event.status == EventStatus.SCHEDULED


def test_a_date_before_a_participle_dates_the_main_verb_too():
    _the_one("Kieran Foley went on trial at the Central Criminal Court on Monday charged with manslaughter.", FRIDAY,
             "TRIAL", ("Kieran Foley", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))


def test_a_drug_injected_into_a_partner_named_in_apposition_is_given_to_her():
    roles = _only(_extract_text("Gareth Pryce injected his partner, Lowri Evans, with heroin at their flat in March.",
                                FRIDAY), "DRUG_ADMINISTRATION")[1]
    assert roles == {("Gareth Pryce", "ADMINISTERED_BY"), ("Lowri Evans", "RECIPIENT")}


def test_a_run_of_sales_to_unnamed_customers_is_not_the_one_sale_to_a_named_buyer():
    events = _extract_text(
        "Between March and August 2023, Declan Walsh sold ketamine for cash to a small group of regular customers. "
        "One of them, Kevin Murphy, bought ketamine from Walsh in July 2023.", FRIDAY)
    sales = sorted(((_span(e), roles) for e, roles in events if e.type == "DRUG_SUPPLY"), key=lambda s: s[0])
    assert sales == [
        ((date(2023, 3, 1), date(2023, 8, 31)), {("Declan Walsh", "SUPPLIER")}),
        ((date(2023, 7, 1), date(2023, 7, 31)), {("Declan Walsh", "SUPPLIER"), ("Kevin Murphy", "BUYER")}),
    ]


def test_a_buyer_after_other_phrases_of_the_sale_is_still_its_buyer():
    roles = _only(_extract_text(
        "Rhys Talbot ran a pharmacy in Cork. Between May and June 2023 he sold ketamine vials and fentanyl patches, "
        "without prescriptions and for cash, to at least two customers, including Megan Doyle.", FRIDAY), "DRUG_SUPPLY")[1]
    assert roles == {("Rhys Talbot", "SUPPLIER"), ("Megan Doyle", "BUYER")}


def test_a_musician_introduced_as_the_bands_drummer_is_the_musician_later():
    event, roles = _only(_extract_text(
        'Elliot Marchbanks, the drummer for the rock band Grain Elevator, kept a metronome on his table. '
        'In an interview with the music podcast "Rim Shot" in 2023, the musician said he had lived with depression.',
        FRIDAY), "INTERVIEW")
    assert ("Elliot Marchbanks", "INTERVIEWEE") in roles


def test_that_year_is_the_year_the_story_last_told_not_an_older_events():
    event, roles = _only(_extract_text(
        "Elliot Marchbanks, the drummer for the rock band Grain Elevator, was born in Council Bluffs in 1984. "
        "Bandmates say he rarely talked about himself. That changed in 2023. "
        'In an interview with the music podcast "Rim Shot" that year, Marchbanks said he had lived with depression.',
        FRIDAY), "INTERVIEW")
    assert _span(event) == (date(2023, 1, 1), date(2023, 12, 31))


def test_proper_nouns_before_an_organisation_word_name_an_organisation_the_model_missed():
    _the_one("Police searched Riverbend Pharmacy on 11 October 2022.", FRIDAY, "INVESTIGATION",
             ("Riverbend Pharmacy", "SUBJECT"), (date(2022, 10, 11), date(2022, 10, 11)))


def test_a_described_organisation_is_the_one_whose_name_holds_the_description():
    events = _extract_text(
        "Two days after the death, Deschutes County Health Services issued a public health alert. "
        "Summit Ridge High School held an assembly the same week. "
        "By the end of that year, the county agency had also published a report counting 11 overdoses.", FRIDAY)
    _, roles = _only(events, "PUBLICATION")
    assert roles == {("Deschutes County Health Services", "AUTHOR")}


def test_searching_a_named_business_is_investigating_it():
    _the_one("DEA agents searched Harmony Health on Tuesday.", FRIDAY, "INVESTIGATION",
             ("Harmony Health", "SUBJECT"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_giving_someone_ampoules_of_a_drug_to_keep_is_supplying_it():
    _the_one("On the evening of 13 March 2023, Anneliese Brook gave her partner two ampoules of fentanyl.", FRIDAY,
             "DRUG_SUPPLY", ("Anneliese Brook", "SUPPLIER"), (date(2023, 3, 13), date(2023, 3, 13)))


def test_that_year_after_a_span_across_years_is_the_later_year():
    events = _extract_text(
        "Dr. Victor Halloran sold Jordan Whitlock ketamine on at least four occasions between October 2023 and "
        "January 2024. In March of that year the Drug Enforcement Administration opened its own investigation "
        "into Halloran.", FRIDAY)
    event, roles = _only(events, "INVESTIGATION")
    assert ("Victor Halloran", "SUBJECT") in roles and _span(event) == (date(2024, 3, 1), date(2024, 3, 31))


def test_dealing_a_drug_is_supplying_it_but_dealing_with_a_problem_is_not():
    assert _roles_of("Tyler Grant dealt fentanyl out of his apartment in Tacoma for two years, prosecutors said.",
                     FRIDAY, "DRUG_SUPPLY") == [{("Tyler Grant", "SUPPLIER")}]
    assert _roles_of("Tyler Grant dealt with his addiction to fentanyl for two years.", FRIDAY, "DRUG_SUPPLY") == []


def test_a_day_after_a_broadcasters_name_the_parser_splits_dates_the_interview():
    _the_one("Maria Lopez told BBC Radio 5 Live on Sunday that her son had been failed.", FRIDAY, "INTERVIEW",
             ("BBC Radio 5 Live", "OUTLET"), (date(2024, 6, 9), date(2024, 6, 9)))


def test_the_one_a_source_says_did_it_in_a_clause_without_who_did_it():
    roles = _roles_of("Dwayne Carter, the man police say sold Emma Ross the pills, appeared in court on Friday.",
                      FRIDAY, "DRUG_SUPPLY")
    assert roles == [{("Dwayne Carter", "SUPPLIER"), ("Emma Ross", "BUYER")}]


def test_officers_an_authority_says_are_investigating_investigate_for_it():
    events = _extract_text("Tom Ashworth died in March. West Yorkshire Police said officers were investigating the "
                           "circumstances of his death.", FRIDAY)
    _, roles = _only(events, "INVESTIGATION")
    assert roles == {("West Yorkshire Police", "INVESTIGATOR"), ("Tom Ashworth", "SUBJECT")}


@pytest.mark.parametrize("text", [
    "Dr. Amy Lowe is scheduled for trial in October.",
    "Dr. Amy Lowe was indicted in March. The case is set for trial in October.",
])
def test_a_trial_someone_is_scheduled_for_is_to_come_at_the_time_given(text):
    event = _the_one(text, FRIDAY, "TRIAL", ("Amy Lowe", "DEFENDANT"), (date(2024, 10, 1), date(2024, 10, 31)))
    assert event.status == EventStatus.SCHEDULED


def test_that_fall_is_the_fall_of_the_year_the_story_is_telling():
    assert _dated("Teodora Vukovich was arrested in 1998 for possession and sentenced that fall to two years' "
                  "probation.", FRIDAY, "SENTENCING") == (date(1998, 9, 1), date(1998, 11, 30))


def test_a_study_split_by_the_parser_keeps_its_clauses_author_and_date():
    _the_one("A phase 3 study, published in The Lancet Psychiatry in November and led by Dr. Anita Rao, found that "
             "38% of patients were in remission.", FRIDAY, "PUBLICATION", ("Anita Rao", "AUTHOR"),
             (date(2023, 11, 1), date(2023, 11, 30)))


def test_what_is_done_at_the_hearing_is_done_on_the_day_of_the_storys_hearing():
    events = _extract_text(
        "Salvador Plasencia was sentenced on Wednesday to 30 months in prison. He had pleaded guilty in July. "
        "Jasveen Sangha is scheduled to be sentenced on Dec. 10. "
        "At the hearing, Perry's stepfather, Keith Morrison, read a victim impact statement.", FRIDAY)
    statement, roles = _only(events, "STATEMENT")
    assert roles == {("Keith Morrison", "SPEAKER")} and _span(statement) == (date(2024, 6, 12), date(2024, 6, 12))


def test_a_victim_impact_statement_is_read_at_the_sentencing_the_story_tells():
    assert _dated(
        "Victor Halloran was sentenced Tuesday to four years in federal prison. He had pleaded guilty in May. "
        "Whitlock's mother, Renee Whitlock, read a victim impact statement that lasted nearly 15 minutes.", FRIDAY,
        "STATEMENT") == (date(2024, 6, 11), date(2024, 6, 11))


def test_an_inquest_which_opened_on_a_day_is_dated_though_the_parser_hangs_the_clause_on_the_deceased():
    _the_one("The inquest into the death of Thomas Reid, which opened on Monday at Leeds Coroner's Court, heard "
             "that he had taken ketamine.", FRIDAY, "INVESTIGATION", ("Thomas Reid", "SUBJECT"),
             (date(2024, 6, 10), date(2024, 6, 10)))


def test_what_an_order_bars_someone_from_doing_is_no_event():
    events = _extract_text("The Drug Enforcement Administration issued an immediate suspension order against Pine "
                           "Street Pharmacy, barring it from dispensing controlled substances.", FRIDAY)
    assert [e.type for e, _ in events] == ["REGULATORY_ACTION"]


def test_a_quoted_show_title_after_on_is_the_outlet_of_the_interview():
    _the_one('Singer Amy Rowe spoke about her addiction on "The Kelly Clarkson Show" in April.', FRIDAY,
             "INTERVIEW", ("Kelly Clarkson Show", "OUTLET"), (date(2024, 4, 1), date(2024, 4, 30)))


def test_an_arrest_of_someone_described_then_named_after_a_comma_is_theirs():
    _the_one("Police arrested her boyfriend, Tyler Greene, on Tuesday.", FRIDAY, "ARREST",
             ("Tyler Greene", "ARRESTED"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_a_trial_that_could_begin_this_fall_is_expected_in_the_coming_fall():
    trial = _the_one("Roberts pleaded not guilty. His trial could begin as early as this fall.", FRIDAY, "TRIAL",
                     ("Roberts", "DEFENDANT"), (date(2024, 9, 1), date(2024, 11, 30)))
    assert trial.status == EventStatus.EXPECTED


def test_losing_a_medical_license_is_a_regulatory_action_against_the_one_who_lost_it():
    _the_one("Dr. Keith Hale lost his medical license in 2019 after the state board found he had overprescribed "
             "opioids.", FRIDAY, "REGULATORY_ACTION", ("Keith Hale", "SUBJECT"), (date(2019, 1, 1), date(2019, 12, 31)))
    assert not _roles_of("Keith Hale lost his job at the clinic in 2019.", FRIDAY, "REGULATORY_ACTION")


def test_detectives_treating_a_death_as_suspicious_are_investigating_it():
    (roles,) = _roles_of("Ruby Chen, 23, died on Saturday. Police are treating her death as unexplained.", FRIDAY,
                         "INVESTIGATION")
    assert ("Ruby Chen", "SUBJECT") in roles
    assert not _roles_of("The hospital treated Ruby Chen for a suspected overdose in May.", FRIDAY, "INVESTIGATION")


def test_drugs_stolen_or_removed_from_a_hospitals_stock_are_obtained_by_whoever_took_them():
    _the_one("Dr. Greg Hallworth removed fentanyl and propofol from automated dispensing cabinets at High Desert "
             "Surgical Center between October 2023 and February 2024.", FRIDAY, "DRUG_SUPPLY",
             ("Greg Hallworth", "BUYER"), (date(2023, 10, 1), date(2024, 2, 29)))
    _the_one("Nurse Kelly Moss stole hydromorphone from the hospital's pharmacy in 2022.", FRIDAY, "DRUG_SUPPLY",
             ("Kelly Moss", "BUYER"), (date(2022, 1, 1), date(2022, 12, 31)))
    assert not _roles_of("The maker withdrew the drug from the market in 2019.", FRIDAY, "DRUG_SUPPLY")


def test_a_hosts_question_and_comments_to_a_broadcaster_are_interviews():
    _the_one("Asked by CNN's Jake Tapper on Sunday whether he used ketamine, Elon Musk said he did.", FRIDAY,
             "INTERVIEW", ("Elon Musk", "INTERVIEWEE"), (date(2024, 6, 9), date(2024, 6, 9)))
    _the_one("In comments to the BBC on Thursday, Jane Ross said the pharmacy should be closed.", FRIDAY,
             "INTERVIEW", ("BBC", "OUTLET"), (date(2024, 6, 13), date(2024, 6, 13)))
    assert not _roles_of("His lawyer, Tom Brezinski, had asked for 30 months.", FRIDAY, "INTERVIEW")


def test_the_star_in_the_second_sentence_is_the_one_the_opening_sentence_is_about_and_the_episode_dates_it():
    _the_one('Owen Castellano is finally ready to talk about Desmond.\n\nThe "Harbor Lights" star got emotional in a '
             'wide-ranging conversation with host Nia Brooks on her podcast "Second Takes," released Tuesday, '
             "opening up about the death of his friend Desmond Faraday.", FRIDAY, "INTERVIEW",
             ("Owen Castellano", "INTERVIEWEE"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_a_live_pages_time_stamp_is_when_the_entry_was_posted_not_a_time_in_the_story():
    assert _spans(
        "Matthew Perry died at his home on Oct. 28, 2023.\n\n"
        "**10:47 a.m.** — What Plasencia admitted. Plasencia pleaded guilty on July 23 to four counts.\n\n"
        "**10:15 a.m.** — Where the other case stands. Sangha pleaded guilty in September to five federal charges, "
        "including distributing the ketamine that killed Perry. Iwamasa admitted injecting Perry repeatedly on the "
        "day he died.", FRIDAY, "DEATH", "DRUG_ADMINISTRATION") == [(date(2023, 10, 28), date(2023, 10, 28))] * 2


def test_a_timeline_lines_date_is_the_ruling_on_a_death_not_the_death():
    assert _spans("Carla Dominguez died on Sept. 14, 2023.\n\n- **February 2024** — The District 12 Medical Examiner's "
                  "Office rules Dominguez's death an accident, caused by ketamine toxicity.", FRIDAY, "DEATH", "AUTOPSY") \
        == [(date(2023, 9, 14), date(2023, 9, 14)), (date(2024, 2, 1), date(2024, 2, 29))]


def test_a_death_whose_investigation_began_in_a_month_did_not_happen_in_that_month():
    assert _spans("Perry died Oct. 28, 2023. The Los Angeles Police Department began investigating the actor's death "
                  "in May.", FRIDAY, "DEATH", "INVESTIGATION") \
        == [(date(2023, 10, 28), date(2023, 10, 28)), (date(2024, 5, 1), date(2024, 5, 31))]


def test_a_conviction_after_a_guilty_plea_is_the_plea_not_a_trial():
    events = _extract_text("Tom Hale was convicted in May after pleading guilty to supplying drugs.", FRIDAY)
    assert [e.type for e, _ in events] == ["PLEA"]
    events = _extract_text("Tom Hale was convicted in May after admitting to supplying the drugs.", FRIDAY)
    assert "TRIAL" not in [e.type for e, _ in events]
    _the_one("Tom Hale was convicted in May after a two-week trial.", FRIDAY, "TRIAL", ("Tom Hale", "DEFENDANT"),
             (date(2024, 5, 1), date(2024, 5, 31)))


def test_what_a_regulator_cautions_against_is_no_event_and_advising_the_public_is_a_warning():
    events = _extract_text("The Food and Drug Administration has cautioned patients against buying ketamine from "
                           "online sellers.", FRIDAY)
    assert [e.type for e, _ in events] == ["REGULATORY_WARNING"]
    _the_one("Health Canada advised Canadians on Friday not to buy unauthorized ketamine products.", FRIDAY,
             "REGULATORY_WARNING", ("Health Canada", "REGULATOR"), (FRIDAY, FRIDAY))


def test_a_trial_avoided_or_a_plea_deal_rejected_did_not_happen():
    events = _extract_text("Jorge Pineda avoided a trial by pleading guilty in May.", FRIDAY)
    assert [e.type for e, _ in events] == ["PLEA"]
    assert not _extract_text("Jorge Pineda rejected a plea deal in May.", FRIDAY)


def test_a_board_that_began_an_inquiry_is_its_investigator():
    _the_one("The Texas State Board of Pharmacy began an inquiry into Lakeside Compounding last year.", FRIDAY,
             "INVESTIGATION", ("Texas State Board of Pharmacy", "INVESTIGATOR"), (date(2023, 1, 1), date(2023, 12, 31)))


def test_a_seller_named_before_the_app_is_the_seller_and_acquiring_drugs_is_buying_them():
    _the_one("Mia Lopez had purchased the pills from Tyler Banks through Snapchat on Monday.", FRIDAY, "DRUG_SUPPLY",
             ("Tyler Banks", "SUPPLIER"), (date(2024, 6, 10), date(2024, 6, 10)))
    _the_one("Erik Fleming acquired 50 vials of ketamine from Jasveen Sangha on Oct. 24.", FRIDAY, "DRUG_SUPPLY",
             ("Erik Fleming", "BUYER"), (date(2023, 10, 24), date(2023, 10, 24)))


def test_the_one_spoken_to_on_their_own_podcast_is_the_interviewer():
    _the_one("Speaking to Don Lemon on his podcast on Tuesday, Jane Ross said the clinic was safe.", FRIDAY,
             "INTERVIEW", ("Don Lemon", "INTERVIEWER"), (date(2024, 6, 11), date(2024, 6, 11)))
    assert not _roles_of("Jane Ross spoke to Tom Hale on Tuesday about the clinic.", FRIDAY, "INTERVIEW")


def test_evidence_presented_at_trial_is_no_trial_of_the_one_who_pleaded_guilty():
    events = _extract_text("Leonard Pettaway pleaded guilty in 2023. According to evidence presented at trial, Olumide "
                           "Fashanu sold more than 400,000 pills.", FRIDAY)
    assert not [roles for e, roles in events if e.type == "TRIAL" and ("Leonard Pettaway", "DEFENDANT") in roles]
    _the_one("Jorge Pineda pleaded not guilty in May. His trial is set for October.", FRIDAY, "TRIAL",
             ("Jorge Pineda", "DEFENDANT"), (date(2024, 10, 1), date(2024, 10, 31)))


def test_a_title_and_a_first_name_make_a_person_whatever_the_model_tagged():
    # The model tags "Nurse Ana Barraza" as a place.
    _the_one("Nurse Ana Barraza was charged on Friday.", FRIDAY, "CHARGES", ("Ana Barraza", "DEFENDANT"),
             (FRIDAY, FRIDAY))


def test_the_day_of_a_court_hearing_is_not_the_day_of_the_sales_it_tried():
    events = _extract_text("Former pharmacist Colin Marsh was sentenced on Friday. According to court documents, "
                           "Marsh shipped ketamine to customers in three states.", FRIDAY)
    supply, roles = _only(events, "DRUG_SUPPLY")
    assert ("Colin Marsh", "SUPPLIER") in roles
    assert _span(supply) == (None, None)
    assert _span(_only(events, "SENTENCING")[0]) == (FRIDAY, FRIDAY)


@pytest.mark.parametrize("first", [
    "Jordan Hale, 24, was arrested on Monday.",
    "The state board fined Lakeside Pharmacy on Monday.",
    "Emily Chen, 19, died on Monday.",
])
def test_the_day_of_an_arrest_a_penalty_or_a_death_is_not_the_day_of_the_sales_told_after_it(first):
    events = _extract_text(f"{first} Jordan Hale supplied the fentanyl-laced pills that killed Emily Chen.", FRIDAY)
    supply, roles = _only(events, "DRUG_SUPPLY")
    assert ("Jordan Hale", "SUPPLIER") in roles
    assert _span(supply) == (None, None)


def test_one_due_to_enter_a_plea_is_the_defendant_of_a_scheduled_plea():
    event = _the_one("Colin Marsh was charged on Friday. He is due to enter a plea on July 2.", FRIDAY, "PLEA",
                     ("Colin Marsh", "DEFENDANT"), (date(2024, 7, 2), date(2024, 7, 2)))
    assert event.status == EventStatus.SCHEDULED


def test_a_programme_named_with_its_city_is_an_organisation_that_can_make_a_statement():
    _the_one("Teddy Vukovich died on Feb. 26. Safer Streets Cleveland, the syringe-service program she founded in "
             "2009, announced her death in a statement Friday.", FRIDAY, "STATEMENT",
             ("Safer Streets Cleveland", "SPEAKER"), (FRIDAY, FRIDAY))


def test_an_adverb_inside_a_phrase_does_not_hide_the_interview():
    _the_one("Actor Ben Ford sat down together with CNN's Anderson Cooper in May.", FRIDAY, "INTERVIEW",
             ("Anderson Cooper", "INTERVIEWER"), (date(2024, 5, 1), date(2024, 5, 31)))


def test_a_person_named_before_the_drug_sold_is_its_buyer():
    _the_one("Jonah Vale died in August. Marcus Lyle Denning was charged. From June through August 2024, Denning "
             "sold Vale oxycodone pills at $25 apiece.", FRIDAY, "DRUG_SUPPLY", ("Jonah Vale", "BUYER"),
             (date(2024, 6, 1), date(2024, 8, 31)))


def test_a_citys_police_that_opens_the_sentence_made_the_arrest():
    # The model takes "Tulsa" for the sentence's root and the arrest for a clause under it.
    _the_one("Tulsa police arrested Paul Grant on Monday.", FRIDAY, "ARREST", ("Tulsa police", "ARRESTED_BY"),
             (date(2024, 6, 10), date(2024, 6, 10)))


def test_the_morning_a_trial_was_set_to_begin_does_not_take_the_plea_made_that_morning():
    event = _the_one("Ethan Marchand was charged with trafficking. Then, in October, on the morning his trial had been "
                     "set to begin, he pleaded guilty to trafficking fentanyl.", FRIDAY, "PLEA",
                     ("Ethan Marchand", "DEFENDANT"), (date(2023, 10, 1), date(2023, 10, 31)))
    assert event.status == EventStatus.OCCURRED


def test_a_death_the_police_report_is_no_allegation_and_a_body_discovered_died_by_then():
    event = _the_one("Rapper Kevin Doss was found dead in his Atlanta apartment on Saturday, police said.", FRIDAY,
                     "DEATH", ("Kevin Doss", "DECEASED"), (None, date(2024, 6, 8)))
    assert event.status == EventStatus.OCCURRED
    event = _the_one("Kevin Doss's body was discovered by his roommate on the morning of March 4.", FRIDAY, "DEATH",
                     ("Kevin Doss", "DECEASED"), (None, date(2024, 3, 4)))
    assert event.date.text == "on or before the morning of March 4"
    assert not _extract_text("Kevin Doss discovered a lump in 2019.", FRIDAY)


def test_a_regulator_alerting_the_public_warns_it_and_whom_its_warning_tells_of_is_the_subject():
    _the_one("The Drug Enforcement Administration on Friday alerted the public to a surge in fake pills.", FRIDAY,
             "REGULATORY_WARNING", ("Drug Enforcement Administration", "REGULATOR"), (FRIDAY, FRIDAY))
    _the_one("The FDA warned on Tuesday that Acme Pharmacy had shipped contaminated ketamine.", FRIDAY,
             "REGULATORY_WARNING", ("Acme Pharmacy", "SUBJECT"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_an_investigation_is_into_whom_its_question_or_its_target_names():
    _the_one("Dr. Lin Park runs a ketamine clinic in Austin. The Texas Medical Board is probing how Park obtained the "
             "drug, according to records.", FRIDAY, "INVESTIGATION", ("Lin Park", "SUBJECT"), (None, None))
    _the_one("Dr. Lin Park runs a ketamine clinic in Austin. Park is the focus of an investigation by the Texas "
             "Medical Board.", FRIDAY, "INVESTIGATION", ("Lin Park", "SUBJECT"), (None, None))


def test_a_trial_that_is_to_begin_is_scheduled_and_one_that_was_to_begin_before_a_plea_never_was():
    event = _the_one("Former nurse Kayla Dunn was charged in 2023. Her trial is to begin in May.", FRIDAY, "TRIAL",
                     ("Kayla Dunn", "DEFENDANT"), (date(2025, 5, 1), date(2025, 5, 31)))
    assert event.status == EventStatus.SCHEDULED
    events = _extract_text("Former nurse Kayla Dunn was charged in 2023. Dunn pleaded guilty in March, a week before "
                           "her trial was to begin.", FRIDAY)
    assert not [e for e, _ in events if e.type == "TRIAL"]


def test_admitting_guilt_is_a_plea():
    _the_one("Former nurse Kayla Dunn was charged in 2023. Dunn admitted her guilt in court on Monday.", FRIDAY,
             "PLEA", ("Kayla Dunn", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))


def test_a_trial_faced_awaited_or_pending_is_still_to_come():
    for text in ("Dunn faces trial on three counts.", "Dunn is awaiting trial.", "Dunn remains free on bond pending trial."):
        event, roles = _only(_extract_text("Nurse Kayla Dunn was charged in 2023. " + text, FRIDAY), "TRIAL")
        assert event.status == EventStatus.SCHEDULED, text


def test_a_trial_that_would_have_been_could_be_is_only_conditioned_on_or_is_rare_is_no_event():
    for text in ("Had the case gone to trial, Dunn would have faced up to 20 years.",
                 "Prosecutors said they were prepared to go to trial.",
                 "The judge ruled that the hospital records could be used at trial.",
                 "Trials in such cases are rare, experts say, because most defendants plead guilty.",
                 "Dunn faces up to 20 years in prison if convicted at trial.",
                 "The judge said the evidence was strong enough to convict Dunn.",
                 "A conviction on the most serious count carries a 20-year mandatory minimum.",
                 # a kind of lawyer, not a trial held
                 "Her trial lawyer, Mark Stevens, said Dunn would appeal."):
        events = _extract_text("Nurse Kayla Dunn was charged in 2023. " + text, FRIDAY)
        assert not [e for e, _ in events if e.type == "TRIAL"], text


def test_a_trial_set_for_one_who_has_since_pleaded_guilty_is_not_held_but_a_codefendants_or_an_earlier_one_is():
    for text in ("Marcus Bell, 41, pleaded guilty on Tuesday, two weeks before his trial was set to begin.",
                 "Marcus Bell, 41, pleaded guilty on Tuesday on the eve of his trial.",
                 "Marcus Bell, 41, pleaded guilty on Tuesday. Bell had been scheduled to stand trial in September."):
        assert "TRIAL" not in [e.type for e, _ in _extract_text(text, FRIDAY)], text
    _the_one("Marcus Bell, 41, pleaded guilty on Tuesday. His co-defendant, Jordan Hale, is scheduled to go on trial "
             "in October.", FRIDAY, "TRIAL", ("Jordan Hale", "DEFENDANT"), (date(2024, 10, 1), date(2024, 10, 31)))
    _the_one("Marcus Bell's trial ended in a mistrial in March. Bell pleaded guilty on Tuesday.", FRIDAY, "TRIAL",
             ("Marcus Bell", "DEFENDANT"), (date(2024, 3, 1), date(2024, 3, 31)))
    # a trial only ever scheduled, then superseded by the plea
    assert "TRIAL" not in [e.type for e, _ in _extract_text(
        "At his arraignment in March, Marcus Bell pleaded not guilty, and the judge set a trial for May 6. On Tuesday "
        "Bell pleaded guilty.", FRIDAY)]
    # a guilty plea in an earlier case forgoes no trial in this one
    _the_one("In March 2023, Marcus Bell pleaded guilty to possession and served eight months. At a hearing last "
             "week, he pleaded not guilty. His trial is scheduled for Sept. 9.", FRIDAY, "TRIAL",
             ("Marcus Bell", "DEFENDANT"), (date(2024, 9, 9), date(2024, 9, 9)))


def test_a_near_death_and_things_named_after_a_death_are_no_death():
    _the_one("Actor Ben Ford died in May. Ford nearly died of an overdose in 2018.", FRIDAY, "DEATH",
             ("Ben Ford", "DECEASED"), (date(2024, 5, 1), date(2024, 5, 31)))
    assert not _extract_text("Singer Lana Cruz received death threats after the album's release in 2021.", FRIDAY)
    _the_one("Singer Lana Cruz died in May. Her death certificate, issued in June, lists ketamine toxicity as the "
             "cause.", FRIDAY, "DEATH", ("Lana Cruz", "DECEASED"), (date(2024, 5, 1), date(2024, 5, 31)))


def test_infusions_only_considered_or_of_saline_are_no_infusion_session():
    for text in ("Moss had considered ketamine infusions but decided against them.",
                 "Paramedics gave Moss an infusion of saline on the way to the hospital."):
        events = _extract_text("Singer Ava Moss died in October. " + text, FRIDAY)
        assert not [e for e, _ in events if e.type == "INFUSION_SESSION"], text


def test_infusions_received_since_a_year_end_with_the_death_the_story_dates():
    _the_one("Singer Ava Moss died on Oct. 20, 2023. Moss had been receiving ketamine infusions for depression since "
             "2021.", FRIDAY, "INFUSION_SESSION", ("Ava Moss", "RECIPIENT"), (date(2021, 1, 1), date(2023, 10, 20)))


def test_a_police_force_saying_it_arrested_someone_made_the_arrest_but_a_newspaper_did_not():
    _the_one("Kayla Dunn, 34, was arrested Monday, the Phoenix Police Department said.", FRIDAY, "ARREST",
             ("Phoenix Police Department", "ARRESTED_BY"), (date(2024, 6, 10), date(2024, 6, 10)))
    assert _roles_of("Kayla Dunn was arrested Monday, CNN reported.", FRIDAY, "ARREST") == [{("Kayla Dunn", "ARRESTED")}]


def test_a_search_of_someones_home_or_a_raid_on_their_clinic_is_the_investigation_of_them():
    march = (date(2024, 3, 1), date(2024, 3, 31))
    for text in ("A search of his home in March turned up 300 vials of ketamine.",
                 "Agents seized 300 vials of ketamine during a raid on his clinic in March."):
        _the_one("Dr. Omar Haddad was arrested Friday. " + text, FRIDAY, "INVESTIGATION",
                 ("Omar Haddad", "SUBJECT"), march)


def test_premises_named_only_as_the_pharmacy_are_those_of_the_one_the_story_accuses():
    _the_one("Pharmacist Declan Furlong was sentenced on Friday to four years. Police searched the pharmacy on "
             "14 September 2022, following information from a member of the public.", FRIDAY, "INVESTIGATION",
             ("Declan Furlong", "SUBJECT"), (date(2022, 9, 14), date(2022, 9, 14)))
    # ... not the dead man's, whose death and inquest the story told last
    events = _extract_text("Pharmacist Declan Furlong was sentenced on Friday. Conor Mulvey bought ketamine from "
                           "Furlong in August 2022. Mr Mulvey was found dead at his home on 3 September 2022. An inquest "
                           "last year returned a verdict of misadventure. Gardai searched the pharmacy on 14 September "
                           "2022, eleven days after Mr Mulvey's death.", FRIDAY)
    searched = [roles for e, roles in events if e.type == "INVESTIGATION" and _span(e) == (date(2022, 9, 14),) * 2]
    (roles,) = searched
    assert ("Declan Furlong", "SUBJECT") in roles and ("Conor Mulvey", "SUBJECT") not in roles


def test_an_agency_examining_someones_practices_investigates_them():
    _the_one("Dr. Omar Haddad was arrested Friday. The FBI is also examining his billing practices, a spokesperson "
             "said.", FRIDAY, "INVESTIGATION", ("FBI", "INVESTIGATOR"), (None, None))
    _the_one("Emily Chen died at St. Luke's Hospital on Jan. 9. The Oregon Health Authority is reviewing the "
             "hospital's handling of the case.", FRIDAY, "INVESTIGATION", ("St. Luke's Hospital", "SUBJECT"),
             (None, None))


def test_two_men_charged_are_the_two_the_next_sentence_names_not_the_woman_named_after_them():
    _the_one("Two men were charged Thursday in the overdose death of a 19-year-old college student. Jacob Reyes, 22, "
             "and Tyler Moore, 24, are accused of selling fentanyl-laced pills to Emily Chen, who was found dead in "
             "her dorm room on Oct. 2.", FRIDAY, "CHARGES", ("Tyler Moore", "DEFENDANT"),
             (date(2024, 6, 13), date(2024, 6, 13)))


def test_people_counted_then_some_of_them_named_after_including_are_those_charged():
    events = _extract_text("Prosecutors charged five people in the case, including Jordan Hale and Marcus Reed, in "
                           "August.", FRIDAY)
    charges, roles = _only(events, "CHARGES")
    assert roles == {("Jordan Hale", "DEFENDANT"), ("Marcus Reed", "DEFENDANT")}
    assert _span(charges) == (date(2023, 8, 1), date(2023, 8, 31))


def test_an_audit_that_uncovered_thefts_is_an_investigation_of_the_one_the_story_follows():
    _the_one("A Denver nurse was sentenced on Wednesday. Kimberly Dunn, 39, stole fentanyl from patients for 18 "
             "months, prosecutors said. A hospital audit uncovered the thefts in 2022.", FRIDAY, "INVESTIGATION",
             ("Kimberly Dunn", "SUBJECT"), (date(2022, 1, 1), date(2022, 12, 31)))


def test_the_one_who_investigators_say_sold_the_pills_is_their_supplier():
    assert _roles_of("Marcus Hale died in February 2023. Months later, police arrested Derek Simms, a former "
                     "classmate who investigators say sold Hale the counterfeit pills.", FRIDAY, "DRUG_SUPPLY") \
        == [{("Derek Simms", "SUPPLIER"), ("Marcus Hale", "BUYER")}]


def test_her_right_after_a_verb_of_selling_is_the_buyer():
    for text in ("Tom Reed sold her ketamine on the day she died.",
                 "On the eve of her death, Tom Reed sold her three vials of ketamine."):
        assert _roles_of("Singer Ava Moss died on May 3, 2023. " + text, FRIDAY, "DRUG_SUPPLY") \
            == [{("Tom Reed", "SUPPLIER"), ("Ava Moss", "BUYER")}], text


def test_bought_days_before_her_death_from_someone_is_bought_from_them_not_from_the_earlier_supplier():
    text = ("Kaylee Moss died on Jan. 14, 2023. From October 2022, Dr. Mark Bell handed her vials of ketamine. The "
            "night before she died, she swallowed two pills. She had bought them two days before her death from "
            "Dustin Reyher, a man she had known since high school.")
    roles = _roles_of(text, FRIDAY, "DRUG_SUPPLY")
    assert {("Mark Bell", "SUPPLIER"), ("Kaylee Moss", "BUYER")} in roles
    assert {("Dustin Reyher", "SUPPLIER"), ("Kaylee Moss", "BUYER")} in roles


def test_a_trial_told_by_the_day_it_began_and_by_its_verdict_is_one_trial():
    for text in ("A jury convicted Tom Reed on Oct. 20, 2023, at the end of a trial that began Oct. 9.",
                 "Tom Reed's trial began Oct. 9, 2023. A jury convicted him on Oct. 20."):
        event, roles = _only(_extract_text(text, FRIDAY), "TRIAL")
        assert ("Tom Reed", "DEFENDANT") in roles, text
        assert date(2023, 10, 9) <= event.date.start <= event.date.end <= date(2023, 10, 20), text


def test_what_a_when_or_where_clause_on_a_day_tells_happens_that_day():
    event = _the_one("Jordan Hale, 24, is due back in court on July 8, when he is expected to enter a plea.", FRIDAY,
                     "PLEA", ("Jordan Hale", "DEFENDANT"), (date(2024, 7, 8), date(2024, 7, 8)))
    assert event.status == EventStatus.EXPECTED
    _the_one("Jordan Hale, 24, appeared in court on Monday, where he was formally charged.", FRIDAY, "CHARGES",
             ("Jordan Hale", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))


def test_a_sentence_told_as_the_maximum_its_deal_allowed_is_still_a_sentencing():
    _the_one("U.S. District Judge Mary Chen sentenced Jordan Hale to 12 years, the maximum under his plea deal.",
             FRIDAY, "SENTENCING", ("Jordan Hale", "DEFENDANT"), (None, None))


def test_someone_who_got_years_in_prison_was_sentenced_but_not_one_who_got_years_of_treatment():
    _the_one("Tom Reed was arrested in March. Reed got 10 years in prison on Monday.", FRIDAY, "SENTENCING",
             ("Tom Reed", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    _the_one("Tom Reed was arrested in March. Reed was given a year in jail on Monday.", FRIDAY, "SENTENCING",
             ("Tom Reed", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    assert not _roles_of("Tom Reed was arrested in March. Reed received years of treatment before his relapse.",
                         FRIDAY, "SENTENCING")


def test_a_statement_by_her_bandmates_or_his_clinic_is_not_hers_or_his():
    for text in ("Singer Ava Moss died on May 3. Her bandmates released a joint statement on May 5.",
                 "Dr. Omar Haddad was arrested on May 3. His clinic released a statement on May 5."):
        assert not _roles_of(text, FRIDAY, "STATEMENT"), text
    assert _roles_of("Singer Ava Moss died on May 3. Her lawyer released a statement on May 5.", FRIDAY,
                     "STATEMENT") == [{("Ava Moss's lawyer", "SPEAKER")}]


def test_someone_who_turned_himself_in_surrendered_or_was_booked_into_jail_was_arrested():
    for text in ("Reed turned himself in to federal authorities on Tuesday.",
                 "Reed surrendered to police on Tuesday.",
                 "Reed was booked into the Orange County jail on Tuesday.",
                 "Reed was apprehended in Mexico on Tuesday."):
        _the_one("Tom Reed, 31, was charged in May. " + text, FRIDAY, "ARREST", ("Tom Reed", "ARRESTED"),
                 (date(2024, 6, 11), date(2024, 6, 11)))
    assert not _roles_of("Dr. Omar Haddad was charged in May. Haddad surrendered his federal DEA registration in "
                         "June.", FRIDAY, "ARREST")


def test_a_sale_told_according_to_the_indictment_is_alleged_but_an_infusion_or_a_death_is_not():
    for source in ("the indictment", "prosecutors", "the complaint"):
        event, _ = _only(_extract_text(f"Dr. Omar Haddad was indicted on Friday. According to {source}, Haddad sold "
                                       "ketamine to Jane Doe in 2022.", FRIDAY), "DRUG_SUPPLY")
        assert event.status == EventStatus.ALLEGED, source
    for text, event_type in (("Haddad started an IV ketamine infusion for Jane Doe on June 14, 2023.",
                              "INFUSION_SESSION"),
                             ("Jane Doe died on June 14, 2023.", "DEATH")):
        event, _ = _only(_extract_text("Dr. Omar Haddad was indicted on Friday. According to the indictment, " + text,
                                       FRIDAY), event_type)
        assert event.status == EventStatus.OCCURRED, text


def test_agents_searching_a_named_clinic_the_model_tags_a_product_investigate_it():
    _the_one("Melissa Grant ran Desert Bloom Wellness, a ketamine clinic in Scottsdale. Agents searched Desert Bloom "
             "Wellness in April 2023 and seized more than 200 vials of ketamine.", FRIDAY, "INVESTIGATION",
             ("Desert Bloom Wellness", "SUBJECT"), (date(2023, 4, 1), date(2023, 4, 30)))


def test_a_coroner_named_with_her_area_records_the_inquests_conclusion_under_her_own_name():
    _the_one("Liam Carter was found dead at his flat in Bristol on 3 March 2024. Avon Coroner Maria Voisin recorded a "
             "conclusion of misadventure at the hearing on Wednesday.", FRIDAY, "INVESTIGATION",
             ("Maria Voisin", "INVESTIGATOR"), (date(2024, 6, 12), date(2024, 6, 12)))


def test_a_board_acting_on_a_physician_it_describes_acts_on_the_doctor_named_next():
    _the_one("The Texas Medical Board has suspended a Houston physician who prescribed ketamine to patients he never "
             "examined. Dr. Victor Lange, 58, agreed to the suspension at a hearing on May 20.", FRIDAY,
             "REGULATORY_ACTION", ("Victor Lange", "SUBJECT"), (date(2024, 5, 20), date(2024, 5, 20)))


def test_he_who_died_after_doctors_supplied_him_is_the_one_they_supplied():
    _the_one("Dr. Alan Roth, 42, and Dr. Nina Patel, 55, are accused of supplying ketamine to Jason Cole in the weeks "
             "before he died on Oct. 3, 2023.", FRIDAY, "DEATH", ("Jason Cole", "DECEASED"),
             (date(2023, 10, 3), date(2023, 10, 3)))
    events = _extract_text("Kenneth Iwamasa pleaded guilty on Monday. Iwamasa injected Perry with ketamine at least "
                           "27 times in the days before his death.", FRIDAY)
    assert _only(events, "DEATH")[1] == {("Perry", "DECEASED")}


def test_an_inquiry_or_a_probe_opened_after_a_death_is_into_that_death():
    for noun in ("murder inquiry", "probe"):
        opened, = _roles_of(f"Nora Blake, 27, was found dead at her flat on 2 May. Scotland Yard has opened a {noun} "
                            "following her death.", FRIDAY, "INVESTIGATION")
        assert ("Nora Blake", "SUBJECT") in opened, noun
        assert ("Scotland Yard", "INVESTIGATOR") in opened, noun


def test_admitting_or_denying_an_offence_at_a_criminal_court_is_a_plea_but_admitting_a_fact_in_evidence_is_not():
    arrested = "Police arrested Marcus Reed in May. "
    admitted = _the_one(arrested + "Reed admitted possessing ketamine with intent to supply at Snaresbrook Crown Court "
                        "on Monday.", FRIDAY, "PLEA", ("Marcus Reed", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    denied = _the_one(arrested + "He denied manslaughter at Leeds Magistrates' Court on Tuesday.", FRIDAY, "PLEA",
                      ("Marcus Reed", "DEFENDANT"), (date(2024, 6, 11), date(2024, 6, 11)))
    assert (admitted.kind, denied.kind) == ("guilty", "not guilty")
    assert not _roles_of(arrested + "Giving evidence at Leeds Crown Court, Reed admitted he had lied to police.",
                         FRIDAY, "PLEA")


def test_a_press_briefing_is_a_statement_of_whoever_speaks_at_it():
    _the_one("At a press briefing on Thursday, U.S. Attorney Martin Estrada said the defendants had preyed on the "
             "actor's addiction.", FRIDAY, "STATEMENT", ("Martin Estrada", "SPEAKER"), (date(2024, 6, 13), date(2024, 6, 13)))


def test_a_statement_to_a_news_agency_is_the_speakers_not_the_agencys():
    _, roles = _only(_extract_text("Dr. Alan Pierce was charged in June. In a statement to the Associated Press, "
                                   "Pierce's attorney said his client was innocent.", FRIDAY), "STATEMENT")
    assert roles == {("Alan Pierce's attorney", "SPEAKER")}


def test_flagging_the_risks_of_a_drug_is_a_regulators_warning():
    _the_one("The FDA flagged the risks of compounded ketamine in an October 2023 notice.", FRIDAY,
             "REGULATORY_WARNING", ("FDA", "REGULATOR"), (date(2023, 10, 1), date(2023, 10, 31)))


def test_teaching_someone_how_to_inject_a_drug_is_no_injection():
    assert not _roles_of("Jordan Hale taught Marcus Reed how to inject the drug, prosecutors said.", FRIDAY,
                         "DRUG_ADMINISTRATION")


def test_he_who_was_arrested_after_a_jury_or_prosecutors_acted_on_him_is_the_one_they_acted_on():
    for first_clause in ("A federal grand jury returned an indictment against Daniel Hale on Aug. 8",
                         "Prosecutors charged Daniel Hale on Aug. 8"):
        _the_one(f"Marcus Reed sold ketamine to Nora Blake. {first_clause}, and he was arrested a week later.",
                 FRIDAY, "ARREST", ("Daniel Hale", "ARRESTED"), (date(2023, 8, 15), date(2023, 8, 15)))


def test_a_treatment_told_after_infusions_is_the_infusion_and_dated_by_when_it_was_received():
    _the_one("Matthew Perry died on Oct. 28, 2023. Perry had been getting ketamine infusions for depression at a clinic, "
             "but the medical examiner said the amount in his blood could not have come from a treatment he had "
             "received a week and a half before he died.", FRIDAY, "INFUSION_SESSION",
             ("Matthew Perry", "RECIPIENT"), (date(2023, 10, 17), date(2023, 10, 18)))
    _the_one("Matthew Perry died on Oct. 28, 2023. According to the report, Perry had been undergoing ketamine infusion "
             "therapy. His last known treatment was a week and a half before his death.", FRIDAY, "INFUSION_SESSION",
             ("Matthew Perry", "RECIPIENT"), (date(2023, 10, 17), date(2023, 10, 18)))


def test_a_treatment_with_no_infusion_told_before_is_no_infusion():
    assert not _roles_of("Matthew Perry died on Oct. 28, 2023. He had sought treatment for addiction a decade "
                         "before he died.", FRIDAY, "INFUSION_SESSION")


def test_about_so_many_weeks_after_an_event_is_that_many_weeks_give_or_take_a_day():
    _the_one("Devin Okafor died on Oct. 26, 2023. Police arrested Tyrell Banks about three weeks after Devin's death.",
             FRIDAY, "ARREST", ("Tyrell Banks", "ARRESTED"), (date(2023, 11, 15), date(2023, 11, 17)))


def test_a_medical_examiners_office_saying_how_someone_died_is_the_autopsy_on_that_day():
    _the_one("Nora Blake, 27, died on Oct. 1, 2023. The Cook County medical examiner's office said Tuesday that Blake "
             "died of combined drug toxicity.", FRIDAY, "AUTOPSY", ("Nora Blake", "SUBJECT"),
             (date(2024, 6, 11), date(2024, 6, 11)))


def test_she_who_died_is_not_the_pathologist_who_testifies_that_she_did():
    _, roles = _only(_extract_text("Nora Blake, 27, died on Oct. 1, 2023. Dr. Lisa Chen, the forensic pathologist who "
                                   "examined Blake's body, testified that she had died within hours of taking the drug.",
                                   FRIDAY), "DEATH")
    assert roles == {("Nora Blake", "DECEASED")}


def test_a_prosecution_service_authorising_a_charge_brings_it_and_a_counted_complaint_is_a_charge():
    _, roles = _only(_extract_text("Jordan Hale sold ketamine to Nora Blake. The Crown Prosecution Service authorised a "
                                   "charge of manslaughter against Hale in March.", FRIDAY), "CHARGES")
    assert ("Crown Prosecution Service", "PROSECUTOR") in roles
    _the_one("Marcus Reed sold ketamine to Nora Blake. The state attorney general's office filed a 12-count complaint "
             "against Reed on Friday.", FRIDAY, "CHARGES", ("Marcus Reed", "DEFENDANT"), (FRIDAY, FRIDAY))


def test_police_investigating_the_case_of_someone_they_arrested_investigate_him():
    _, roles = _only(_extract_text("Derek Lunsford was arrested on Monday. The Granger Mills Police Department is "
                                   "investigating the case.", FRIDAY), "INVESTIGATION")
    assert ("Derek Lunsford", "SUBJECT") in roles


def test_a_regulator_suspending_a_licence_acts_on_whoever_holds_it_and_acts_through_its_panel():
    _, roles = _only(_extract_text("The Tennessee Board of Nursing summarily suspended the license of the spa's owner, "
                                   "nurse practitioner Corinne Addair, 44, on June 12.", FRIDAY), "REGULATORY_ACTION")
    assert ("Corinne Addair", "SUBJECT") in roles
    _, roles = _only(_extract_text("The MHRA has today suspended the manufacturer's licence held by Calder Vale Pharma "
                                   "Ltd, a Wolverhampton company.", FRIDAY), "REGULATORY_ACTION")
    assert ("Calder Vale Pharma Ltd", "SUBJECT") in roles
    _, roles = _only(_extract_text("A disciplinary panel of the Texas Medical Board temporarily suspended the license "
                                   "of Dr. Gregory Whitcombe on Thursday.", FRIDAY), "REGULATORY_ACTION")
    assert ("Texas Medical Board", "REGULATOR") in roles


def test_a_sentencing_told_with_no_date_after_a_death_is_not_on_the_day_of_the_death():
    sentenced = _the_one("Marcus Reed sold ketamine to Nora Blake, who died on Oct. 1, 2023. Reed was sentenced to "
                         "time served and three years of supervised release.", FRIDAY, "SENTENCING",
                         ("Marcus Reed", "DEFENDANT"), (None, None))
    assert sentenced.status == EventStatus.OCCURRED


def test_a_death_told_by_a_shared_surname_is_of_the_one_the_story_tells_dead():
    events = _extract_text("That morning was Oct. 3. Mark Farrow found his wife, Lena, 52, unresponsive in their bed. "
                           "Paramedics pronounced her dead at the house. The next day, the medical examiner, Dr. Renata "
                           "Kowal, performed an autopsy and concluded that Farrow had died of ketamine toxicity. Mark "
                           "Farrow spoke publicly for the first time last week.", FRIDAY)
    assert _only(events, "DEATH")[1] == {("Lena Farrow", "DECEASED")}
    assert ("Lena Farrow", "SUBJECT") in _only(events, "AUTOPSY")[1]


def test_a_verdict_and_a_sentence_told_with_no_date_after_a_charge_are_not_on_its_day():
    events = _extract_text("Marcus Reed was charged on May 3 with supplying ketamine. He was convicted of manslaughter "
                           "and jailed for eight years.", FRIDAY)
    assert _span(_only(events, "CHARGES")[0]) == (date(2024, 5, 3), date(2024, 5, 3))
    assert _span(_only(events, "TRIAL")[0]) == (None, None)
    assert _span(_only(events, "SENTENCING")[0]) == (None, None)


def test_a_broadcaster_interviewed_after_a_death_is_the_one_interviewed():
    _, roles = _only(_extract_text("Matthew Perry died in 2023. His mother married the broadcaster Keith Morrison. "
                                   "Perry's stepfather, Keith Morrison, has said little in public. In an interview "
                                   "with NBC's \"Today\" last year, he said the family had not known.", FRIDAY),
                     "INTERVIEW")
    assert ("Keith Morrison", "INTERVIEWEE") in roles


def test_a_suspended_prison_term_or_a_seized_phone_is_no_regulators_action():
    assert not _roles_of("Corey Blackwood pleaded guilty in November, and on 13 December Judge Fiona Marlowe sentenced "
                         "him to 18 months' imprisonment, wholly suspended.", FRIDAY, "REGULATORY_ACTION")
    assert not _roles_of("Police arrested Daniel Hale in May. Police interviewed Hale on Oct. 5 and seized his phone.",
                         FRIDAY, "REGULATORY_ACTION")


def test_an_investigation_going_on_since_at_least_a_year_began_by_then():
    _the_one("Federal authorities have been investigating Daniel Hale since at least 2022.", FRIDAY, "INVESTIGATION",
             ("Daniel Hale", "SUBJECT"), (date(2022, 1, 1), date(2022, 12, 31)))


def test_taking_some_of_the_pills_bought_just_before_or_a_named_medicine_is_a_dose():
    _the_one("Kayleigh Moffat bought four pills from a dealer on 30 January. She took two of them at her flat that "
             "evening.", FRIDAY, "DRUG_ADMINISTRATION", ("Kayleigh Moffat", "RECIPIENT"),
             (date(2024, 1, 30), date(2024, 1, 30)))
    _the_one("Thomas Aldous died on 3 November 2024. He had taken codeine and pregabalin that evening in amounts far "
             "above any prescribed dose.", FRIDAY, "DRUG_ADMINISTRATION", ("Thomas Aldous", "RECIPIENT"),
             (date(2024, 11, 3), date(2024, 11, 3)))


def test_taking_one_of_something_never_traded_is_no_dose():
    assert not _roles_of("Kayleigh Moffat moved to Leeds in 2020. She took two of them to the beach.", FRIDAY,
                         "DRUG_ADMINISTRATION")


def test_recounting_a_death_to_a_magazine_is_the_tellers_interview_and_a_published_q_and_a_no_publication():
    _, roles = _only(_extract_text("Nora Blake died on Oct. 1, 2023. Emily Blake recounted her sister's final days to "
                                   "People magazine.", FRIDAY), "INTERVIEW")
    assert ("Emily Blake", "INTERVIEWEE") in roles and ("Nora Blake", "INTERVIEWEE") not in roles
    events = _extract_text("In a Q&A with Vanity Fair published in March, Emily Blake described her grief.", FRIDAY)
    assert ("Emily Blake", "INTERVIEWEE") in _only(events, "INTERVIEW")[1]
    assert not [e for e, _ in events if e.type == "PUBLICATION"]


def test_selling_someone_counterfeit_pills_on_a_day_is_a_sale_to_them_that_day():
    _, roles = _only(_extract_text("Police say Marcus Reed sold Emily Chen counterfeit Percocet pills laced with "
                                   "fentanyl on March 3.", FRIDAY), "DRUG_SUPPLY")
    assert roles == {("Marcus Reed", "SUPPLIER"), ("Emily Chen", "BUYER")}
    _the_one("Police say Marcus Reed sold Emily Chen counterfeit Percocet pills laced with fentanyl on March 3.", FRIDAY,
             "DRUG_SUPPLY", ("Emily Chen", "BUYER"), (date(2024, 3, 3), date(2024, 3, 3)))


def test_supplying_the_nasal_spray_between_two_months_is_dated_by_them():
    # ("nasal" is no object and "spray" no verb of its own: the span is the supplying's)
    _the_one("Harlow Pharma Ltd supplied the nasal spray to 14 private clinics in England between September 2023 "
             "and March 2024.", FRIDAY, "DRUG_SUPPLY", ("Harlow Pharma Ltd", "SUPPLIER"),
             (date(2023, 9, 1), date(2024, 3, 31)))
    _, roles = _only(_extract_text("Nora Blake, 27, bought two bottles of the nasal spray from Harlow Pharma Ltd in "
                                   "May 2024.", FRIDAY), "DRUG_SUPPLY")
    assert roles == {("Nora Blake", "BUYER"), ("Harlow Pharma Ltd", "SUPPLIER")}
    from loaders.nlp import parse
    # a conjunction after the adjective is no noun
    assert [t.pos_ for t in parse("Ketamine comes in oral and nasal forms.") if t.lower_ == "and"] == ["CCONJ"]


def test_found_dead_with_an_age_between_is_dead_by_that_day():
    # ("found X, 37, dead": the model hangs "dead" on the finding as a clause of its own)
    _the_one("Officers found Derek Lunsford, 37, dead at his home on Maple Street on Monday.", FRIDAY, "DEATH",
             ("Derek Lunsford", "DECEASED"), (None, date(2024, 6, 10)))


def test_an_appearance_on_a_programme_is_an_interview_of_whom_the_sentence_interviews():
    _the_one("Owen Castellano, a comedian, spoke for an hour. It was Castellano's first extended interview about "
             "Faraday since a January appearance on \"The Evening Couch,\" when he cut short a segment.", FRIDAY,
             "INTERVIEW", ("Owen Castellano", "INTERVIEWEE"), (date(2024, 1, 1), date(2024, 1, 31)))


def test_parents_who_sat_down_together_with_a_programme_are_both_interviewed():
    events = _extract_text(
        "Theo Amsel died in November 2023. In February 2024, three months after Theo's death, his parents Gregory "
        "and Dana Amsel sat down together with \"Wisconsin Tonight,\" the evening news magazine on WMKE-TV.", FRIDAY)
    event, roles = _only(events, "INTERVIEW")
    assert roles == {("Gregory Amsel", "INTERVIEWEE"), ("Dana Amsel", "INTERVIEWEE"), ("Wisconsin Tonight", "OUTLET")}
    assert _span(event) == (date(2024, 2, 1), date(2024, 2, 29))


def test_a_timeline_told_in_the_present_issues_a_warning_to_the_one_named():
    # ("issues" read as a noun and the doctor's name as the verb, by the small model)
    event, roles = _only(_extract_text(
        "Dr. Victor Lindqvist ran a concierge practice in Scottsdale.\n\n- August 2022: The Arizona Medical Board "
        "issues Lindqvist an advisory letter over incomplete controlled-substance records.", FRIDAY),
        "REGULATORY_WARNING")
    assert roles == {("Arizona Medical Board", "REGULATOR"), ("Victor Lindqvist", "SUBJECT")}
    assert _span(event) == (date(2022, 8, 1), date(2022, 8, 31))


def test_a_person_the_model_finds_at_the_end_of_a_quoted_show_title_is_no_one():
    events = _extract_text(
        "Two months after Callum Dorsey was found dead in his Encino home, police are treating the \"Third Floor "
        "Walkup\" star's death as a possible crime. Born in Tulsa in 1974, Dorsey moved to Los Angeles. \"Third Floor "
        "Walkup\" ran from 1998 to 2005 and made him famous.\n\nHe wrote candidly about depression in his 2019 memoir, "
        "\"Laugh Track,\" and in a 2022 interview with Gentry magazine said he had been sober for six years.", FRIDAY)
    assert _only(events, "PUBLICATION")[1] == {("Callum Dorsey", "AUTHOR")}
    assert ("Callum Dorsey", "INTERVIEWEE") in _only(events, "INTERVIEW")[1]


def test_an_inquest_is_held_by_the_one_the_story_titles_coroner():
    _the_one("Ella Crisafulli died in 2023. Coroner Melissa Tranter handed down her findings on Tuesday after an "
             "inquest that began on 19 May.", FRIDAY, "INVESTIGATION", ("Melissa Tranter", "INVESTIGATOR"),
             (date(2024, 5, 19), date(2024, 5, 19)))
    _the_one("Owen Latchford died in May 2024. The inquest, held in January, heard he had bought the spray online. "
             "\"Nobody checked,\" said Ms Caroline Pemberton, assistant coroner for Manchester North.",
             FRIDAY, "INVESTIGATION", ("Caroline Pemberton", "INVESTIGATOR"), (date(2024, 1, 1), date(2024, 1, 31)))
    # two coroners named: which one held it the story does not say here
    _, roles = _only(_extract_text(
        "Owen Latchford died in May 2024. The inquest was held in January. Coroner Joanne Kearsley had opened it; "
        "Ms Caroline Pemberton, assistant coroner for Manchester North, was in the room.", FRIDAY), "INVESTIGATION")
    assert not {r for _, r in roles} & {"INVESTIGATOR"}


def test_those_who_help_investigate_investigate_too():
    _, roles = _only(_extract_text(
        "Corey Lanfield, 41, was arrested on Friday. Detectives began investigating Lanfield in January, after "
        "Tessaro's death, with help from the Drug Enforcement Administration's Riverton Resident Office.", FRIDAY),
        "INVESTIGATION")
    assert ("Drug Enforcement Administration", "INVESTIGATOR") in roles
    _, roles = _only(_extract_text(
        "Matthew Perry died on Oct. 28, 2023. It was not until May that the Los Angeles Police Department opened a "
        "criminal investigation into Perry's death, working with the U.S. Postal Inspection Service.", FRIDAY),
        "INVESTIGATION")
    assert {("Los Angeles Police Department", "INVESTIGATOR"), ("U.S. Postal Inspection Service", "INVESTIGATOR"),
            ("Matthew Perry", "SUBJECT")} <= roles
    _, roles = _only(_extract_text(
        "Larkspur Compounding Pharmacy closed in August. On Aug. 19, agents from the Drug Enforcement Administration, "
        "with Missouri State Highway Patrol troopers, raided the pharmacy.", FRIDAY), "INVESTIGATION")
    assert ("Drug Enforcement Administration", "INVESTIGATOR") in roles and len(
        [r for _, r in roles if r == "INVESTIGATOR"]) == 2
    # a person one is with is no investigator
    _, roles = _only(_extract_text("Jane Doe died on May 3. Police investigated her death with her brother.", FRIDAY),
                     "INVESTIGATION")
    assert roles == {("Jane Doe", "SUBJECT")}


def test_charges_that_count_more_people_than_they_name_are_against_the_stories_other_defendants():
    events = _extract_text(
        "Federal prosecutors on Thursday charged five people, among them two physicians and Matthew Perry's live-in "
        "assistant, in connection with the actor's death. Dr. Salvador Plasencia and Jasveen Sangha were named in an "
        "indictment. Kenneth Iwamasa pleaded guilty on Aug. 7. Erik Fleming pleaded guilty on Aug. 9. Mark Chavez "
        "agreed to plead guilty.", FRIDAY)
    charges = [roles for e, roles in events if e.type == "CHARGES"]
    assert {("Kenneth Iwamasa", "DEFENDANT"), ("Erik Fleming", "DEFENDANT"), ("Mark Chavez", "DEFENDANT")} <= set().union(
        *charges)
    # a story with more defendants than counted gives the count no one more
    events = _extract_text(
        "Prosecutors charged Dana Reyes and two others on Monday. Kenneth Iwamasa pleaded guilty on Aug. 7. "
        "Erik Fleming pleaded guilty on Aug. 9. Mark Chavez pleaded guilty in October.", FRIDAY)
    (roles,) = [roles for e, roles in events if e.type == "CHARGES"]
    assert roles == {("Dana Reyes", "DEFENDANT")}


def test_selling_without_prescriptions_to_someone_is_selling_to_them():
    # ("to" hangs on "prescriptions" in the parse)
    _the_one("Kyle Brandvold, 30, testified. Police allege that between March and November 2024, Harjit Dhaliwal sold "
             "hydromorphone tablets without prescriptions to Kyle Brandvold and at least four other people.", FRIDAY,
             "DRUG_SUPPLY", ("Kyle Brandvold", "BUYER"), (date(2024, 3, 1), date(2024, 11, 30)))


def test_buying_a_number_of_them_is_buying_what_the_sentence_before_told_of():
    _the_one("The pills had come from Fort Wayne. At the 2023 federal trial of Marcus Wade, prosecutors showed that "
             "Austin Kerr bought 100 of them from Wade in a Fort Wayne parking lot on Sept. 14, 2020.", FRIDAY,
             "DRUG_SUPPLY", ("Austin Kerr", "BUYER"), (date(2020, 9, 14), date(2020, 9, 14)))
    # what was bought must have been told of
    assert not _roles_of("The cars had come from Fort Wayne. Austin Kerr bought two of them from Marcus Wade on "
                         "Sept. 14, 2020.", FRIDAY, "DRUG_SUPPLY")


def test_a_sale_counted_back_from_a_death_the_parser_took_for_the_main_verbs_subject():
    # (the parser reads "before the young man's death was recovered" as one clause)
    _the_one("Devin Okafor-Reyes died on June 8, 2021. Leonard Pettaway resold pills on the street. A bottle of "
             "hydrocodone he sold to Devin Okafor-Reyes of Pasadena two days before the young man's death was "
             "recovered at his bedside.", FRIDAY, "DRUG_SUPPLY", ("Devin Okafor-Reyes", "BUYER"),
             (date(2021, 6, 6), date(2021, 6, 6)))
    # a clause whose subject is only the start of what it counts from keeps its own time
    event, _ = _only(_extract_text(
        "Abby Renner died on April 16, 2025. A month before she died, the hospital's pharmacy quietly began "
        "reviewing Renner's dispensing records after an automated report flagged unusual fentanyl doses.", FRIDAY),
        "INVESTIGATION")
    assert event.date.text == "A month before she died"


def test_a_second_verb_hung_on_a_participle_shares_the_time_of_the_verb_before_it():
    event, roles = _only(_extract_text(
        "The indictment names Rashad Pennington, Anya Brzezinski and Marcus Dellavecchia. Prosecutors say that from "
        "August 2024 through this past June, the Penningtons and Brzezinski pressed powdered nitazenes into blue "
        'tablets stamped "M30" in a rented garage and sold more than 40,000 of them to street-level dealers, '
        "including Dellavecchia.", date(2025, 10, 15)), "DRUG_SUPPLY")
    assert ("Marcus Dellavecchia", "BUYER") in roles
    assert _span(event) == (date(2024, 8, 1), date(2025, 6, 30))
    # a participle of the sentencing's own, set after it, does not give its date to a plea it notes
    events = _extract_text(
        "Corey Blackwood pleaded guilty in the District Court at Brisbane in November, and on 13 December Judge Fiona "
        "Marlowe sentenced him to 18 months' imprisonment, wholly suspended, noting his early plea.", FRIDAY)
    assert {_span(e) for e, _ in events if e.type == "PLEA"} == {(date(2023, 11, 1), date(2023, 11, 30))}


def test_a_who_clause_the_parser_hangs_on_a_title_tells_of_the_person_whose_phrase_holds_it():
    _the_one('In an interview aired Sunday, the actor talked about Nico Salvatierra, his co-star for seven seasons '
             'on the sitcom "Parkside," who died at his home in Studio City on Oct. 11, 2023.', FRIDAY,
             "DEATH", ("Nico Salvatierra", "DECEASED"), (date(2023, 10, 11), date(2023, 10, 11)))


def test_a_wrongful_death_lawsuit_tells_no_death_and_gives_none_its_date():
    events = _extract_text(
        "Caleb Yoder, 19, was pronounced dead at the farm on Sept. 20, 2020. The Yoder family's wrongful-death "
        "lawsuit against the gas station's owner was settled in 2023 for an undisclosed sum.", FRIDAY)
    assert [_span(e) for e, _ in events if e.type == "DEATH"] == [(date(2020, 9, 20), date(2020, 9, 20))]


def test_a_timeline_entry_dates_the_act_it_tells_not_the_death_that_act_is_about():
    events = _extract_text(
        "- Oct. 28, 2023: Matthew Perry is found dead in the hot tub at his home.\n"
        "- May 2024: The Los Angeles Police Department opens an investigation into Perry's death.", FRIDAY)
    assert [_span(e) for e, _ in events if e.type == "DEATH"] == [(None, date(2023, 10, 28))]
    assert [_span(e) for e, _ in events if e.type == "INVESTIGATION"] == [(date(2024, 5, 1), date(2024, 5, 31))]


def test_a_sentencing_awaited_now_takes_no_date_from_the_plea_told_before_it():
    events = _extract_text("Dana Reyes pleaded guilty last year and is awaiting sentencing.", FRIDAY)
    (plea, _), = [(e, r) for e, r in events if e.type == "PLEA"]
    (sentencing, _), = [(e, r) for e, r in events if e.type == "SENTENCING"]
    assert _span(plea) == (date(2023, 1, 1), date(2023, 12, 31))
    assert sentencing.status == "SCHEDULED" and _span(sentencing) == (None, None)


def test_furnishing_sourcing_ordering_and_picking_up_drugs_are_supplies():
    _the_one("Dana Reyes is accused of furnishing the pills to Tom Hale on May 3.", FRIDAY,
             "DRUG_SUPPLY", ("Tom Hale", "BUYER"), (date(2024, 5, 3), date(2024, 5, 3)))
    _the_one("Dana Reyes ordered ketamine from an online pharmacy, Medivance Direct, in March.", FRIDAY,
             "DRUG_SUPPLY", ("Medivance Direct", "SUPPLIER"), (date(2024, 3, 1), date(2024, 3, 31)))
    _the_one("Tom Hale picked up the pills from Dana Reyes on May 3.", FRIDAY,
             "DRUG_SUPPLY", ("Dana Reyes", "SUPPLIER"), (date(2024, 5, 3), date(2024, 5, 3)))
    (roles,) = _roles_of("Dana Reyes sourced the ketamine from a dealer in Mexico.", FRIDAY, "DRUG_SUPPLY")
    assert roles == {("Dana Reyes", "BUYER")}
    # an order to do something, or something picked up for another purpose, is no supply
    assert not _roles_of("The Ohio Board of Pharmacy ordered Harmony Compounding to stop selling ketamine.", FRIDAY,
                         "DRUG_SUPPLY")
    assert not _roles_of("Officers picked up the pills for testing on May 3.", FRIDAY, "DRUG_SUPPLY")


def test_the_night_someone_died_that_a_guest_describes_is_what_they_told_not_when():
    _the_one('In an appearance on NBC\'s "Today" show on Tuesday, Dana Reyes described the night her son died.', FRIDAY,
             "INTERVIEW", ("Dana Reyes", "INTERVIEWEE"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_a_length_of_time_a_speaker_describes_is_what_they_told_not_when():
    _the_one("Tom Marlow died in February 2023. His mother, Diane Marlow, read a statement to the Tribunal describing "
             "the two years since her son's death.", FRIDAY, "STATEMENT", ("Diane Marlow", "SPEAKER"), (None, None))
    _the_one("Tom Marlow died in February 2023. On March 4, 2025, Mr Marlow's mother, Diane Marlow, read a statement to "
             "the Tribunal describing the two years since her son's death.", FRIDAY,
             "STATEMENT", ("Diane Marlow", "SPEAKER"), (date(2025, 3, 4), date(2025, 3, 4)))


def test_a_judge_handing_someone_a_term_sentences_them():
    _the_one("The judge handed Dana Reyes a 30-month prison term on Monday.", FRIDAY,
             "SENTENCING", ("Dana Reyes", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    _the_one("Dana Reyes received a 30-month term on Monday.", FRIDAY,
             "SENTENCING", ("Dana Reyes", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    # what else is handed over is no sentence
    assert not _roles_of("The nurse handed Dana Reyes a bottle of water on Monday.", FRIDAY, "SENTENCING")


def test_someone_lost_to_a_drug_died_and_a_death_sentence_is_no_death():
    _the_one("Dana Reyes lost her son, Tom Hale, to fentanyl in 2021.", FRIDAY,
             "DEATH", ("Tom Hale", "DECEASED"), (date(2021, 1, 1), date(2021, 12, 31)))
    _the_one("The family lost Tom Hale to a drug overdose in 2021.", FRIDAY,
             "DEATH", ("Tom Hale", "DECEASED"), (date(2021, 1, 1), date(2021, 12, 31)))
    assert not _roles_of("Dana Reyes lost her license to practice medicine in 2021 after a ketamine overdose.", FRIDAY,
                         "DEATH")
    assert not _roles_of("Dana Reyes's death sentence was commuted in May.", FRIDAY, "DEATH")


def test_pleading_with_someone_or_for_leniency_is_no_plea():
    assert not _roles_of("Dana Reyes pleaded with police to let her go.", FRIDAY, "PLEA")
    assert not _roles_of("Dana Reyes's mother pleaded for leniency at the hearing on Monday.", FRIDAY, "PLEA")
    _the_one("Dana Reyes pleaded no contest on Monday to involuntary manslaughter.", FRIDAY,
             "PLEA", ("Dana Reyes", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))
    _the_one("Dana Reyes pleaded to one count of distribution on Monday.", FRIDAY,
             "PLEA", ("Dana Reyes", "DEFENDANT"), (date(2024, 6, 10), date(2024, 6, 10)))


def test_infusions_a_clinic_offers_as_a_service_are_no_session():
    assert not _roles_of("Dana Reyes's clinic offers infusions for depression and PTSD.", FRIDAY, "INFUSION_SESSION")
    assert not _roles_of("Dr. Dana Reyes administers infusions at her clinic in Austin.", FRIDAY, "INFUSION_SESSION")
    # a timeline's present tells what was done, to whom
    _the_one("- Sept. 2023: Harmony Health provides infusions to Tom Hale at his home.", FRIDAY,
             "INFUSION_SESSION", ("Tom Hale", "RECIPIENT"), (date(2023, 9, 1), date(2023, 9, 30)))


def test_what_a_regulator_can_do_or_weighs_whether_to_do_is_no_action():
    assert not _roles_of("The Texas Medical Board can suspend a doctor's license for unprofessional conduct.", FRIDAY,
                         "REGULATORY_ACTION")
    assert not _roles_of("The Texas Medical Board is reviewing whether to discipline Dr. Dana Reyes.", FRIDAY,
                         "REGULATORY_ACTION")
    _the_one("Dr. Dana Reyes was disciplined by the Texas Medical Board in 2015 for poor record-keeping.", FRIDAY,
             "REGULATORY_ACTION", ("Dana Reyes", "SUBJECT"), (date(2015, 1, 1), date(2015, 12, 31)))


def test_a_sale_tried_offered_or_without_evidence_is_no_sale():
    assert not _roles_of("Dana Reyes tried to buy ketamine online but the order never arrived.", FRIDAY, "DRUG_SUPPLY")
    assert not _roles_of("Dana Reyes offered to sell Tom Hale ketamine.", FRIDAY, "DRUG_SUPPLY")
    events = _extract_text("Prosecutors say there is no evidence Dana Reyes sold the pills.", FRIDAY)
    assert all(e.status == "NEGATED" for e, _ in events if e.type == "DRUG_SUPPLY")


def test_an_investigation_said_to_go_on_just_after_a_death_is_into_that_death():
    _the_one("Tom Hale died on May 3. The investigation is continuing, police said.", FRIDAY,
             "INVESTIGATION", ("Tom Hale", "SUBJECT"), (None, None))
    _the_one("Tom Hale died on May 3. The investigation remains open.", FRIDAY,
             "INVESTIGATION", ("Tom Hale", "SUBJECT"), (None, None))
    # not one only judged
    assert not _roles_of("Tom Hale died on May 3. The investigation was a failure, his mother said.", FRIDAY,
                         "INVESTIGATION")


def test_an_investigation_of_a_company_that_began_on_a_date_is_dated_by_its_beginning():
    _the_one("The DEA suspended the registration of Keystone Medical Distributors Inc. on Monday. "
             "The action follows a DEA investigation of the distributor that began in August 2023.", FRIDAY,
             "INVESTIGATION", ("Keystone Medical Distributors Inc.", "SUBJECT"), (date(2023, 8, 1), date(2023, 8, 31)))


def test_inspecting_a_companys_facility_is_investigating_the_company():
    _the_one("Lumira Health sold ketamine online. Health Canada inspected the company's Vancouver facility in March.",
             FRIDAY, "INVESTIGATION", ("Lumira Health", "SUBJECT"), (date(2024, 3, 1), date(2024, 3, 31)))


def test_a_regulator_citing_a_hospital_for_violations_acts_against_it():
    _the_one("The Virginia Department of Health cited Bayside General Hospital for three violations on May 2.", FRIDAY,
             "REGULATORY_ACTION", ("Bayside General Hospital", "SUBJECT"), (date(2024, 5, 2), date(2024, 5, 2)))
    assert not _roles_of("The Virginia Department of Health cited a 2019 study on May 2.", FRIDAY, "REGULATORY_ACTION")


def test_in_a_bulletin_each_entrys_action_befalls_the_one_its_bold_heading_names():
    bulletin = ("**Harbor Compounding, LLC** — Permit No. 2016004417\n"
                "*Action:* Permit revoked by the Oregon Board of Pharmacy, effective Feb. 18, 2024.\n\n"
                "**Kevin Ardoin, R.Ph.** — License No. 2009023351\n"
                "*Action:* License suspended for one year, effective March 3, 2024.\n\n"
                "**Ashley Noe** — Registration No. 2019041207\n"
                "*Action:* Registration revoked, effective Jan. 7, 2024.\n")
    actions = {(e.date.start, frozenset(roles)) for e, roles in _extract_text(bulletin, FRIDAY)
               if e.type == "REGULATORY_ACTION"}
    board = ("Oregon Board of Pharmacy", "REGULATOR")
    assert actions == {(date(2024, 2, 18), frozenset({board, ("Harbor Compounding, LLC", "SUBJECT")})),
                       (date(2024, 3, 3), frozenset({board, ("Kevin Ardoin", "SUBJECT")})),
                       (date(2024, 1, 7), frozenset({board, ("Ashley Noe", "SUBJECT")}))}
    # a headline in bold names no one an act below befalls
    assert not _roles_of("**Kevin Ardoin speaks out**\nLicense suspended for one year.\n", FRIDAY, "REGULATORY_ACTION")


def test_a_website_run_by_a_company_is_the_companys_in_a_sale_and_when_investigated():
    text = ("Owen Latchford bought two bottles of the spray from a website run by Medivance Direct in May 2024. "
            "Greater Manchester Police investigated the website but nobody has been charged.")
    events = _extract_text(text, FRIDAY)
    (_, sale), = [(e, r) for e, r in events if e.type == "DRUG_SUPPLY"]
    assert ("Medivance Direct", "SUPPLIER") in sale
    assert any(("Medivance Direct", "SUBJECT") in roles and ("Greater Manchester Police", "INVESTIGATOR") in roles
               for e, roles in events if e.type == "INVESTIGATION")


def test_a_man_identified_as_someone_is_that_someone():
    sale, = _roles_of("A man identified in the complaint as Trent Lowry, 38, bought about 9,000 tablets for $4 a "
                      "tablet, it says.", FRIDAY, "DRUG_SUPPLY")
    assert ("Trent Lowry", "BUYER") in sale


def test_a_titled_name_after_the_object_is_whom_the_act_befell():
    action, = _roles_of("The Minnesota Board of Medical Practice reprimanded a Halcyon physician, Dr. Paul Whitacre, "
                        "in September for prescribing ketamine to 14 patients.", FRIDAY, "REGULATORY_ACTION")
    assert ("Paul Whitacre", "SUBJECT") in action


def test_the_license_told_again_is_the_one_acted_on_before():
    text = ("Victor Halloran was a doctor in Phoenix. The Arizona Medical Board suspended his license in January. "
            "The board revoked the license outright in February.")
    actions = _roles_of(text, FRIDAY, "REGULATORY_ACTION")
    assert len(actions) == 2 and all(("Victor Halloran", "SUBJECT") in roles for roles in actions)
    # not someone else's licence told with its holder
    assert not any(("Victor Halloran", "SUBJECT") in roles for roles in _roles_of(
        "The Arizona Medical Board suspended Victor Halloran's license in January. It revoked the license of "
        "Dana Reyes in February.", FRIDAY, "REGULATORY_ACTION")[1:])


def test_it_after_a_board_acted_on_a_license_is_the_board():
    actions = _roles_of("The Georgia Composite Medical Board suspended the license of Dr. Anand Kulkarni on Monday. "
                        "In 2019 it reprimanded him and fined him $5,000.", FRIDAY, "REGULATORY_ACTION")
    assert len(actions) == 2 and all(("Georgia Composite Medical Board", "REGULATOR") in roles for roles in actions)


def test_a_nurse_who_starts_the_infusion_gives_it_to_the_patient_told_before():
    session, = _roles_of("Two days earlier, Lena Farrow had received a ketamine infusion at the clinic. Delia "
                         "Sorensen, 49, a nurse practitioner, started the infusion herself.", FRIDAY, "INFUSION_SESSION")
    assert ("Delia Sorensen", "ADMINISTERED_BY") in session and ("Lena Farrow", "RECIPIENT") in session
    # a patient who starts a course of infusions receives them
    _the_one("Matthew Perry started ketamine infusion therapy in 2021.", FRIDAY, "INFUSION_SESSION",
             ("Matthew Perry", "RECIPIENT"), (date(2021, 1, 1), date(2021, 12, 31)))


def test_a_plea_joined_to_an_arrest_on_the_day_of_the_charges_is_the_arrested_peoples():
    pleas = _roles_of("Salvador Plasencia and Jasveen Sangha were arrested the day the charges were announced and have "
                      "pleaded not guilty; their trial is set for October.", FRIDAY, "PLEA")
    assert sorted(p for roles in pleas for p in roles) == [("Jasveen Sangha", "DEFENDANT"),
                                                          ("Salvador Plasencia", "DEFENDANT")]


def test_a_surname_the_model_reads_as_an_adverb_is_whom_the_officers_arrested():
    _the_one("Marquise Tolliver sold the pills. Atlanta Police Department officers arrested Tolliver in May, and a "
             "Fulton County grand jury indicted him last month.", FRIDAY, "ARREST",
             ("Marquise Tolliver", "ARRESTED"), (date(2024, 5, 1), date(2024, 5, 31)))


def test_a_man_found_dead_and_identified_after_is_the_one_named():
    text = ("Officers responded at 6:12 a.m. Monday to a report of an unresponsive man at a home. The man, 37, was "
            "pronounced dead at the scene. Police on Wednesday identified him as Derek Lunsford of Granger Mills. "
            "The Harlow County Medical Examiner's Office performed an autopsy Tuesday.")
    _the_one(text, FRIDAY, "DEATH", ("Derek Lunsford", "DECEASED"), (date(2024, 6, 10), date(2024, 6, 10)))
    _the_one(text, FRIDAY, "AUTOPSY", ("Derek Lunsford", "SUBJECT"), (date(2024, 6, 11), date(2024, 6, 11)))
    # someone else identified is not the man
    assert not _roles_of("The man, 37, was pronounced dead at the scene. Police identified the driver as Tom Hale.",
                         FRIDAY, "DEATH")


def test_a_rule_adopted_with_what_it_does_after_it_is_the_boards_action():
    _the_one("In August 2023 the Kansas Board of Pharmacy adopted an emergency rule scheduling nine of them.", FRIDAY,
             "REGULATORY_ACTION", ("Kansas Board of Pharmacy", "REGULATOR"), (date(2023, 8, 1), date(2023, 8, 31)))


@pytest.mark.parametrize("told, subject, span", [
    ("The DEA launched an undercover operation targeting Dana Reyes in May.", "Dana Reyes",
     (date(2024, 5, 1), date(2024, 5, 31))),
    ("The Minnesota Attorney General's Office served Calm Clinic with a civil investigative demand on May 10.",
     "Calm Clinic", (date(2024, 5, 10),) * 2),
    ("The state health department is examining Calm Clinic's records.", "Calm Clinic", (None, None)),
    ("State regulators are scrutinizing Calm Clinic.", "Calm Clinic", (None, None)),
])
def test_stings_demands_scrutiny_and_record_reviews_are_investigations(told, subject, span):
    _the_one("Tom Hale died on May 3. " + told, FRIDAY, "INVESTIGATION", (subject, "SUBJECT"), span)


def test_a_statement_that_said_something_on_a_day_was_made_that_day():
    _the_one("Tom Hale died on May 3. A statement from Calm Clinic said on Tuesday that it was cooperating.", FRIDAY,
             "STATEMENT", ("Calm Clinic", "SPEAKER"), (date(2024, 6, 11), date(2024, 6, 11)))


def test_the_family_named_after_the_dead_is_not_the_dead():
    assert not any(("Tom Hale", "SPEAKER") in roles for roles in _roles_of(
        "Tom Hale died on May 3. The Hale family issued a statement on Tuesday.", FRIDAY, "STATEMENT"))


def test_the_two_charged_and_accused_of_selling_are_the_sellers():
    sale, = _roles_of("Tyrese Vandermeer, 24, and Luis Ocampo, 27, were charged Monday with distribution of fentanyl. "
                      "The two are accused of selling the counterfeit pills that killed Harper Lindgren in August.",
                      FRIDAY, "DRUG_SUPPLY")
    assert {("Tyrese Vandermeer", "SUPPLIER"), ("Luis Ocampo", "SUPPLIER")} <= set(sale)
    # "they" after officers who acted are not sellers
    assert not any(("Tom Hale", "SUPPLIER") in roles for roles in _roles_of(
        "Deputies arrested Tom Hale and Ann Lee on Monday. They seized fentanyl they say was sold to teenagers.",
        FRIDAY, "DRUG_SUPPLY"))


@pytest.mark.parametrize("told", [
    "On Monday, a judge ordered her to spend two and a half years in prison.",
    "A judge on Monday imposed a 30-month prison term on Reyes.",
])
def test_a_term_ordered_or_imposed_is_a_sentencing(told):
    _the_one("Dana Reyes pleaded guilty in March. " + told, FRIDAY, "SENTENCING", ("Dana Reyes", "DEFENDANT"),
             (date(2024, 6, 10), date(2024, 6, 10)))


def test_what_police_allege_is_alleged_though_the_model_reads_allege_as_a_noun():
    sale, = [e for e, _ in _extract_text("Police allege Dana Reyes sold Tom Hale the pills on May 2.", FRIDAY)
             if e.type == "DRUG_SUPPLY"]
    assert sale.status == "ALLEGED"
