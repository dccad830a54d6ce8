"""The actors stage: who a document talks about, how it refers to them, and how they are tied together."""

from __future__ import annotations

import time
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from loaders.actors import (
    ACRONYM,
    DESCRIPTION,
    LEXICON_PATH,
    NAME,
    PRONOUN,
    ROLE,
    SURNAME,
    ActorAnalysis,
    ActorLexicon,
    LexiconError,
    acronyms_of,
    analyse_actors,
    canonical_actor_ids,
    get_lexicon,
    merged_actor_records,
)
from loaders.nlp import parse, sentences
from loaders.records import ActorKind, ActorRecord, DocumentRecord

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def document(text: str, doc_id: str = "doc") -> DocumentRecord:
    return DocumentRecord(id=doc_id, path=f"{doc_id}.txt", title=None, text=text, sha256=doc_id)


@lru_cache(maxsize=64)
def analyse(text: str) -> ActorAnalysis:
    return analyse_actors(parse(text), document(text))


@lru_cache(maxsize=8)
def seed(prefix: str) -> tuple[str, ActorAnalysis]:
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    text = path.read_text(encoding="utf-8")
    return text, analyse(text)


def names(analysis: ActorAnalysis) -> set[str]:
    return {a.name for a in analysis.actors.values()}


def actor_named(analysis: ActorAnalysis, name: str) -> str:
    matches = [a.id for a in analysis.actors.values() if a.name == name]
    assert matches, f"no actor named {name!r}; have {sorted(names(analysis))}"
    return matches[0]


def resolved(analysis: ActorAnalysis, text: str, word: str, occurrence: int = 0) -> str | None:
    """The actor the `occurrence`-th appearance of `word` in `text` refers to."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    span = analysis.actor_at(start, start + len(word))
    return span.actor_id if span else None


def relations(analysis: ActorAnalysis) -> set[tuple[str, str, str]]:
    return {
        (analysis.actors[a.actor_id].name, a.relation, analysis.actors[a.other_id].name) for a in analysis.affiliations
    }


# --------------------------------------------------------------------------- names and ids


def test_titled_surname_and_titled_full_name_are_one_actor_whose_id_has_no_title():
    text = "Prof McShane said the drug helps. Prof Rupert McShane, a psychiatrist, has run trials."
    analysis = analyse(text)
    people = [a for a in analysis.actors.values() if a.kind == ActorKind.PERSON]
    assert [p.id for p in people] == ["person-rupert-mcshane"]
    assert people[0].name == "Rupert McShane"
    assert {"Prof McShane", "Prof Rupert McShane", "McShane"} <= set(people[0].aliases)
    assert {s.via for s in analysis.spans if s.actor_id == "person-rupert-mcshane"} >= {SURNAME, NAME}


def test_a_surname_after_the_full_name_refers_to_that_person():
    text = "Matthew Perry died in October. Perry had been sober for months."
    analysis = analyse(text)
    assert resolved(analysis, text, "Perry", 1) == "person-matthew-perry"
    assert analysis.actor_at(text.index("Perry had"), text.index("Perry had") + 5).via == SURNAME


def test_a_surname_goes_to_the_person_last_named_with_it():
    text = "Matthew Perry starred in a sitcom. Katy Perry sang at the event. Perry performed twice."
    analysis = analyse(text)
    assert resolved(analysis, text, "Perry performed") == "person-katy-perry"


def test_a_titled_surname_is_never_someone_of_the_other_sex_who_shares_it():
    text = ("Mr Aldous, a lorry driver, was found dead in bed. "
            "Mr Aldous's sister, Leanne Aldous, told BBC Radio Suffolk the family never knew.")
    analysis = analyse(text)
    leanne = actor_named(analysis, "Leanne Aldous")
    assert resolved(analysis, text, "Aldous", 0) not in {None, leanne}
    assert resolved(analysis, text, "Aldous", 0) == resolved(analysis, text, "Aldous", 1)


def test_a_surname_the_model_tags_as_a_place_or_misses_is_still_the_person():
    place = "Helen Dallas, a nurse, was charged on Monday. Prosecutors said Dallas stole fentanyl. Dallas pleaded guilty."
    analysis = analyse(place)
    assert names(analysis) == {"Helen Dallas"}
    for occurrence in (1, 2):
        assert resolved(analysis, place, "Dallas", occurrence) == "person-helen-dallas"
    untagged = "Kenji Okonkwo-Baird was charged. Prosecutors said Okonkwo-Baird sold pills. Lisa Tran paid Okonkwo-Baird."
    analysis = analyse(untagged)
    assert resolved(analysis, untagged, "Okonkwo-Baird", 1) == "person-kenji-okonkwo-baird"
    assert resolved(analysis, untagged, "Okonkwo-Baird", 2) == "person-kenji-okonkwo-baird"


def test_a_name_after_a_personal_title_is_a_person_whatever_the_model_says():
    text = ("A study was led by toxicologist Dr. Helena Varga of Northfield University. "
            "Varga told a podcast that the numbers were an undercount.")
    analysis = analyse(text)
    varga = actor_named(analysis, "Helena Varga")
    assert analysis.actors[varga].kind == ActorKind.PERSON
    assert resolved(analysis, text, "Varga", 1) == varga


def test_a_name_followed_by_an_age_is_a_person_whatever_the_model_says():
    text = "Ana Ruiz, 31, was found dead in her flat on Saturday. Ruiz had bought ketamine from a dealer."
    analysis = analyse(text)
    ruiz = actor_named(analysis, "Ana Ruiz")
    assert analysis.actors[ruiz].kind == ActorKind.PERSON
    assert resolved(analysis, text, "Ruiz", 1) == ruiz


def test_a_known_first_name_and_a_capitalised_surname_are_a_person_whatever_the_model_says():
    text = ("Dane Whitlock had worked on and off as a guitar tech for touring bands for 20 years. "
            "He was 45. Whitlock sold him a gram of ketamine.")
    analysis = analyse(text)
    whitlock = actor_named(analysis, "Dane Whitlock")
    assert analysis.actors[whitlock].kind == ActorKind.PERSON
    assert resolved(analysis, text, "He") == whitlock
    assert resolved(analysis, text, "Whitlock", 1) == whitlock


def test_the_clinic_is_the_clinic_named_far_back_not_a_medical_center_named_since():
    text = ("Dr. Gregory Whitcombe owns Lumen Ketamine Wellness on South Lamar Boulevard. "
            "Natalie Ruiz received an infusion there in February. Her husband found her unresponsive that evening. "
            "She was pronounced dead at South Austin Medical Center. Her family sued him. "
            "Investigators found that infusions at the clinic had been given with no clinician present.")
    analysis = analyse(text)
    assert resolved(analysis, text, "the clinic") == actor_named(analysis, "Lumen Ketamine Wellness")


def test_the_company_is_the_one_organisation_in_reach_whose_name_tells_no_kind_even_with_a_clause_added():
    text = ("Patients used Elevate Mind, a telehealth app, for months. Elevate Mind's story went differently. In September 2024, the Drug Enforcement Administration revoked "
            "the company's registration. The company, which had issued a statement in May insisting that it "
            "followed every rule, stopped taking new patients.")
    analysis = analyse(text)
    company = actor_named(analysis, "Elevate Mind")
    assert resolved(analysis, text, "the company") == company
    assert resolved(analysis, text, "The company") == company
    restrictive = ("Patients used Elevate Mind, a telehealth app, for months. Elevate Mind's story went "
                   "differently. The company that bought it later closed.")
    analysis = analyse(restrictive)
    assert resolved(analysis, restrictive, "The company") is None


def test_a_company_called_by_its_first_word_is_the_company_but_a_place_word_is_not():
    text = ("The FDA said Meridian Sterile Compounding LLC recalled its troches. Meridian shipped the products "
            "nationwide. Investigators inspected Meridian's facility in April, and Meridian said it had halted production.")
    analysis = analyse(text)
    company = actor_named(analysis, "Meridian Sterile Compounding LLC")
    for occurrence in (1, 2, 3):
        assert resolved(analysis, text, "Meridian", occurrence) == company
    place = ("Houston Family Pharmacy was raided on Monday. A Houston pharmacist was arrested. "
             "Police in Houston said Houston Family Pharmacy had closed.")
    analysis = analyse(place)
    assert resolved(analysis, place, "Houston", 1) is None
    assert resolved(analysis, place, "Houston", 2) is None


def test_a_surname_inside_a_longer_name_or_used_as_a_common_word_is_not_the_person():
    text = "Tom Perry spoke on Monday. Police closed Perry Street on Friday. Anna Young testified. Young people wept."
    analysis = analyse(text)
    assert resolved(analysis, text, "Perry", 1) != "person-tom-perry"
    assert resolved(analysis, text, "Young", 1) is None


def test_a_bare_surname_shared_by_two_people_goes_to_the_last_full_name_or_the_titles_gender():
    text = (
        "Paul Garner and his wife, Helen Garner, sued the clinic. Helen Garner testified first. "
        "Garner said the clinic had lied. Mr. Garner agreed."
    )
    analysis = analyse(text)
    assert resolved(analysis, text, "Garner said") == "person-helen-garner"
    assert resolved(analysis, text, "Mr. Garner") == "person-paul-garner"


def test_a_saints_name_is_part_of_the_name_and_its_short_form_is_the_organisation():
    text = "St. Agnes Medical Center fired the nurse in May. St. Agnes said it had tightened its controls."
    analysis = analyse(text)
    org = "org-st-agnes-medical-center"
    assert set(analysis.actors) == {org}
    assert resolved(analysis, text, "St. Agnes", 1) == org
    assert resolved(analysis, text, "it ") == org
    assert resolved(analysis, text, "its") == org


def test_coordinated_names_after_a_role_keep_their_own_spans():
    text = "Two co-defendants, the singer's driver, Tom Reyes, and Ana Diaz, admitted the charges in June."
    analysis = analyse(text)
    assert [(s.text, s.via) for s in analysis.spans if s.via == NAME] == [("Tom Reyes", NAME), ("Ana Diaz", NAME)]
    assert resolved(analysis, text, "Ana Diaz") == "person-ana-diaz"


def test_a_bracketed_short_name_and_a_bare_head_noun_are_the_organisation():
    text = "The Medical Board of Oregon (Board) suspended the license on Monday. The Board said the doctor posed a danger."
    analysis = analyse(text)
    assert set(analysis.actors) == {"org-medical-board-of-oregon"}
    assert resolved(analysis, text, "Board", 2) == "org-medical-board-of-oregon"


def test_organisation_names_keep_their_legal_form_and_drop_a_dangling_preposition():
    analysis = analyse("Warning letters went to Quillon Mind Health LLC of Austin.")
    assert analysis.actors["org-quillon-mind-health-llc"].kind == ActorKind.ORGANIZATION
    office = analyse("A spokesman for the U.S. Attorney's Office in Boston declined to comment.")
    assert names(office) == {"U.S. Attorney's Office"}
    pharmacy = analyse("Warning letters were sent to Harbor Compounding Pharmacy of Newark on Friday.")
    assert names(pharmacy) == {"Harbor Compounding Pharmacy"}


def test_acronym_and_long_name_are_one_organisation():
    text = "The U.S. Food and Drug Administration approved esketamine. The FDA later warned clinics."
    analysis = analyse(text)
    assert resolved(analysis, text, "FDA") == "org-u-s-food-and-drug-administration"
    assert analysis.actors["org-u-s-food-and-drug-administration"].aliases == ("FDA",)
    assert analysis.actor_at(text.index("FDA"), text.index("FDA") + 3).via == ACRONYM


def test_parenthesised_acronym_is_an_alias_even_before_it_is_used():
    text = "The Drug Enforcement Administration (DEA) opened an inquiry. Agents from the DEA visited."
    analysis = analyse(text)
    org = "org-drug-enforcement-administration"
    assert resolved(analysis, text, "DEA") == org
    assert resolved(analysis, text, "DEA", 1) == org


def test_acronyms_skip_small_words_and_country_prefixes():
    lex = get_lexicon()
    assert acronyms_of("U.S. Food and Drug Administration", lex) == {"FDA", "USFDA"}
    assert "MGH" in acronyms_of("Massachusetts General Hospital", lex)
    assert acronyms_of("Tesla", lex) == set()


def test_short_form_of_an_organisation_is_the_organisation():
    text = (
        "Clinics like Avesta Ketamine Wellness Center monitor patients. "
        "Ladan Eshkevari from Avesta stressed the need for monitoring."
    )
    analysis = analyse(text)
    assert resolved(analysis, text, "Avesta", 1) == "org-avesta-ketamine-wellness-center"


# --------------------------------------------------------------------------- what is not an actor


def test_drugs_shows_places_and_picture_credits_are_not_actors():
    text = (
        "Getty Images Matthew Perry on the red carpet\n"
        "“Friends” star Matthew Perry underwent ketamine infusion therapy in Los Angeles.\n"
        "Ketamine is an anesthetic. Ketamine can increase a person's heart rate, the FDA says.\n"
        "Buprenorphine, a medication for opioid use disorder, was also found."
    )
    analysis = analyse(text)
    found = {n.lower() for n in names(analysis)}
    for word in ("ketamine", "friends", "getty images", "los angeles", "buprenorphine"):
        assert not any(word in n for n in found), f"{word} became an actor: {sorted(found)}"
    assert "Matthew Perry" in names(analysis)


def test_a_town_that_describes_where_someone_lives_or_works_is_a_place_everywhere_in_the_story():
    text = ("The college suspended the permit of a Red Deer pharmacist charged in the death of a 27-year-old "
            "Sylvan Lake man. He was found outside a Sylvan Lake rink. Red Deer police said little.")
    found = {n.lower() for n in names(analyse(text))}
    assert not any("sylvan" in n or n == "red deer" for n in found), sorted(found)


def test_apposition_with_a_clinic_makes_a_name_an_organisation():
    text = "Dr Rajalingam Yadhu also runs Save Minds, a ketamine infusion therapy clinic, in London."
    analysis = analyse(text)
    assert analysis.actors["org-save-minds"].kind == ActorKind.ORGANIZATION
    assert ("Rajalingam Yadhu", "RUNS", "Save Minds") in relations(analysis)


def test_a_service_named_after_a_designator_is_an_organisation_not_a_person():
    text = "According to addiction counselling service Talk to Frank, ketamine can raise blood pressure."
    analysis = analyse(text)
    assert "person-frank" not in analysis.actors
    assert analysis.actors["org-talk-to-frank"].kind == ActorKind.ORGANIZATION


def test_a_picture_agency_is_an_actor_only_when_it_acts():
    assert names(analyse("Photo: Getty Images")) == set()
    acting = analyse("Getty Images said on Monday it would remove the photo.")
    assert acting.actors["org-getty-images"].kind == ActorKind.ORGANIZATION


def test_organisations_the_model_misses_or_mislabels_are_found_from_their_context():
    text = (
        "Mindbloom, a ketamine telehealth company, said it would comply. "
        "Lars Jorgensen, chief executive of Novo Nordisk, welcomed the decision. "
        "Pfizer spokesperson Amy Rose declined to comment."
    )
    analysis = analyse(text)
    assert analysis.actors["org-mindbloom"].kind == ActorKind.ORGANIZATION
    assert analysis.actors["org-novo-nordisk"].kind == ActorKind.ORGANIZATION
    assert {
        ("Lars Jorgensen", "LEADS", "Novo Nordisk"),
        ("Amy Rose", "SPOKESPERSON_FOR", "Pfizer"),
    } <= relations(analysis)


def test_a_name_after_the_ending_in_a_newspaper_word_is_a_newspaper_whatever_the_model_says():
    text = "Tom Reyes's mother told the Chronicle in an interview that she blamed the clinic."
    analysis = analyse(text)
    assert analysis.actors[actor_named(analysis, "Chronicle")].kind == ActorKind.ORGANIZATION


def test_a_news_agency_credited_in_a_dateline_is_not_an_actor():
    text = "PORTLAND (NWS) — A ferry captain was charged on Monday with manslaughter."
    assert names(analyse(text)) == set()
    own = "The captain was charged on Monday (NWS). The coastguard said nothing."
    record = DocumentRecord(id="d", path="d.txt", title=None, text=own, sha256="d", publisher="Northwest Wire Service")
    assert names(analyse_actors(parse(own), record)) == set()
    assert "DEA" in names(analyse("Agents (DEA) searched the clinic on Monday."))  # an acronym elsewhere stays


def test_a_disease_named_after_a_person_is_not_an_actor():
    text = "Parkinson's disease is not treated with ketamine, said Dr Jane Hollis."
    assert names(analyse(text)) == {"Jane Hollis"}


# --------------------------------------------------------------------------- pronouns and descriptions


def test_his_after_a_surname_refers_to_that_person():
    text = "Matthew Perry died in October. Perry, 54, had spoken openly about his drug past."
    analysis = analyse(text)
    assert resolved(analysis, text, "his") == "person-matthew-perry"
    assert analysis.actor_at(text.index("his"), text.index("his") + 3).via == PRONOUN


def test_a_pronoun_prefers_the_subject_that_was_just_mentioned():
    text = "In addition to Perry, billionaire entrepreneur Elon Musk has also stated that he received ketamine."
    analysis = analyse(text)
    assert resolved(analysis, text, "he ") == "person-elon-musk"


def test_an_object_pronoun_is_not_its_own_clause_subject():
    text = "Matthew Perry died in October. Prosecutors said Perry's assistant injected him with ketamine."
    analysis = analyse(text)
    assert resolved(analysis, text, "him") == "person-matthew-perry"


def test_a_pronoun_with_no_person_in_the_last_two_sentences_stays_unresolved():
    text = "Matthew Perry died in 2023. The drug is cheap. It is sold widely. Clinics use it. He said so."
    analysis = analyse(text)
    assert resolved(analysis, text, "He said") is None


def test_a_pronoun_of_one_gender_does_not_take_a_person_already_seen_with_the_other():
    text = "Dr. Salvador Plasencia was sentenced. Plasencia's attorney, Karen Goldstein, said her client regretted his actions."
    analysis = analyse(text)
    assert resolved(analysis, text, "her") == "person-karen-goldstein"
    assert resolved(analysis, text, "his") == "person-salvador-plasencia"


def test_a_common_first_name_gives_the_gender_pronouns_agree_with():
    text = "Martin Oakes questioned Laura Pike on Tuesday. She said she regretted the sale."
    assert resolved(analyse(text), text, "She") == "person-laura-pike"
    text = "Laura Pike questioned Martin Oakes on Tuesday. He said he regretted the sale."
    assert resolved(analyse(text), text, "He") == "person-martin-oakes"


def test_a_gendered_noun_in_apposition_gives_the_gender():
    text = "Police questioned Sam Rivers and Jo Park, a local woman. He was released and Park was charged."
    assert resolved(analyse(text), text, "He") == "person-sam-rivers"


def test_an_object_pronoun_is_not_the_subject_its_verb_shares_with_a_coordinated_verb():
    text = "Judge Dana Crowe sentenced Lee Lamb and ordered him to pay a fine."
    assert resolved(analyse(text), text, "him") == "person-lee-lamb"


def test_an_object_pronoun_of_a_second_clause_is_whom_the_first_clause_acted_on():
    text = ("Prosecutors showed that Austin Kerr bought pills from Marcus Wade. A jury convicted Wade in June 2023, "
            "and a judge sentenced him that October to 25 years.")
    assert resolved(analyse(text), text, "him") == "person-marcus-wade"
    # (not when a person acted in the first clause)
    text = "Austin Kerr met Marcus Wade in June. Kerr praised Wade, and a judge sentenced him that October."
    assert resolved(analyse(text), text, "him") != "person-marcus-wade"


def test_an_object_pronoun_is_not_the_person_who_controls_its_verb():
    text = "Lee Lamb was in pain, and his driver, Dana Crowe, had started injecting him at home."
    assert resolved(analyse(text), text, "him") == "person-lee-lamb"


def test_the_subject_of_a_relative_clause_is_the_person_it_describes():
    text = "Ruth Hale, who pleaded guilty in May, was sentenced. Jo Park, a nurse who stole pills, was fired."
    analysis = analyse(text)
    who = analysis.actor_at(text.index("who"), text.index("who") + 3)
    assert (who.actor_id, who.via) == ("person-ruth-hale", PRONOUN)
    assert resolved(analysis, text, "who", 1) == "person-jo-park"


def test_pronouns_in_direct_speech_are_left_alone():
    text = "Dr Mario Juruena spoke to the BBC. “He would kill himself if he had the chance,” Dr Juruena said."
    analysis = analyse(text)
    assert resolved(analysis, text, "He would") is None


def test_they_refers_to_an_organisation_only_when_it_is_the_latest_subject():
    clear = "The FDA approved esketamine in 2019. They later warned about compounded ketamine."
    assert resolved(analyse(clear), clear, "They") == "org-fda"
    unclear = "The FDA approved esketamine. Clinics like Avesta Clinic underscored their careful monitoring."
    assert resolved(analyse(unclear), unclear, "their") is None


def test_a_definite_description_refers_to_the_person_introduced_with_that_noun():
    text = (
        "Among the details released about the death of actor Matthew Perry was a ketamine infusion. "
        "Clinic staff discussed the incident involving the actor."
    )
    analysis = analyse(text)
    assert resolved(analysis, text, "the actor") == "person-matthew-perry"
    assert analysis.actor_at(text.index("the actor"), text.index("the actor") + 9).via == DESCRIPTION


def test_a_description_of_the_same_kind_refers_back_and_states_ownership():
    text = (
        "In addition to Perry, billionaire entrepreneur Elon Musk has said he received ketamine. "
        "In an interview with CNN in March, the X and Tesla owner said the drug was helpful."
    )
    analysis = analyse(text)
    assert resolved(analysis, text, "owner") == "person-elon-musk"
    assert {("Elon Musk", "OWNS", "Tesla"), ("Elon Musk", "OWNS", "X")} <= relations(analysis)


def test_a_description_nobody_was_introduced_with_stays_unresolved():
    text = "Dr Mario Juruena, a psychiatrist, spoke. The coroner said the death was accidental."
    analysis = analyse(text)
    assert resolved(analysis, text, "The coroner") is None


def test_the_agency_and_the_company_refer_to_the_nearest_organisation_of_their_kind():
    text = (
        "The Federal Aviation Administration fined Skyline Air Inc. on Monday. "
        "The agency said the company had skipped inspections."
    )
    analysis = analyse(text)
    assert resolved(analysis, text, "The agency") == "org-federal-aviation-administration"
    assert resolved(analysis, text, "the company") == "org-skyline-air-inc"
    assert analysis.actor_at(text.index("The agency"), text.index("The agency") + 10).via == DESCRIPTION


def test_a_board_and_a_pharmacy_in_the_same_story_are_told_apart():
    text = (
        "The Ohio State Board fined Brightwell Pharmacy on Monday. "
        "The pharmacy said it would appeal. The board said the fine stands."
    )
    analysis = analyse(text)
    assert resolved(analysis, text, "The pharmacy") == "org-brightwell-pharmacy"
    assert resolved(analysis, text, "it would") == "org-brightwell-pharmacy"
    assert resolved(analysis, text, "The board") == "org-ohio-state-board"


def test_the_agency_owning_an_office_is_the_agency_not_the_office():
    text = (
        "The Food and Drug Administration warned three clinics. "
        "Jane Roe, director of the agency's Office of Drug Safety, said more letters would follow. "
        "The agency also warned patients."
    )
    assert resolved(analyse(text), text, "The agency also") == "org-food-and-drug-administration"


def test_the_medical_examiner_is_the_examiners_office_named_before():
    text = (
        "The Harris County Department of Medical Examiner released the report on Friday. "
        "The medical examiner concluded that the death was an accident."
    )
    analysis = analyse(text)
    assert resolved(analysis, text, "examiner concluded") == "org-harris-county-department-of-medical-examiner"


def test_an_organisation_description_first_used_for_an_unnamed_body_stays_unresolved():
    text = (
        "The harbor authority fined Bluewater Ferries on Monday. Bluewater Ferries said it would pay. "
        "The authority said it was satisfied."
    )
    analysis = analyse(text)
    assert resolved(analysis, text, "The authority") is None
    assert resolved(analysis, text, "it would") == "org-bluewater-ferries"


def test_it_refers_to_an_organisation_only_where_the_parse_ties_it_to_one():
    coordinated = "The agency approved the spray in 2019, and in 2020 it approved a second use."
    assert resolved(analyse("The FDA said on Monday. " + coordinated), "The FDA said on Monday. " + coordinated, "it ") == "org-fda"
    drug = "The FDA approved the drug in 2019. It is sold as a nasal spray."
    assert resolved(analyse(drug), drug, "It") is None
    own_clause = "The FDA said in its letter that the clinic must stop."
    assert resolved(analyse(own_clause), own_clause, "its") == "org-fda"
    next_sentence = "The FDA issued new rules on Monday. The agency met on Tuesday. It said the rules were final."
    assert resolved(analyse(next_sentence), next_sentence, "It") == "org-fda"
    two_named = "The FDA warned Larkspur Pharmacy on Monday. It is a compounding pharmacy in Newark."
    assert resolved(analyse(two_named), two_named, "It") is None


# --------------------------------------------------------------------------- roles


def test_a_person_known_only_by_role_is_an_actor_affiliated_to_the_possessor():
    text = "Matthew Perry died in October. Prosecutors alleged that Perry's assistant administered the doses."
    analysis = analyse(text)
    role = analysis.actors["person-matthew-perry-s-assistant"]
    assert role.name == "Matthew Perry's assistant"
    assert role.description == "assistant of Matthew Perry"
    assert resolved(analysis, text, "assistant") == role.id
    assert analysis.actor_at(text.index("assistant"), text.index("assistant") + 9).via == ROLE
    assert ("Matthew Perry's assistant", "ASSISTANT_OF", "Matthew Perry") in relations(analysis)
    assert analysis.roles[role.id].possessor_id == "person-matthew-perry"


def test_a_role_through_a_pronoun_takes_the_pronouns_person():
    text = "Matthew Perry was found dead. His lawyer said the family was grieving."
    analysis = analyse(text)
    assert ("Matthew Perry's lawyer", "REPRESENTS", "Matthew Perry") in relations(analysis)


def test_a_role_named_in_apposition_is_that_person_not_a_new_actor():
    text = (
        "Matthew Perry died in October. Perry's live-in assistant Kenneth Iwamasa pleaded guilty. "
        "Prosecutors said Perry's assistant injected him."
    )
    analysis = analyse(text)
    assert "person-matthew-perry-s-assistant" not in analysis.actors
    assert analysis.actors["person-kenneth-iwamasa"].description == "assistant of Matthew Perry"
    assert resolved(analysis, text, "assistant", 1) == "person-kenneth-iwamasa"
    assert ("Kenneth Iwamasa", "ASSISTANT_OF", "Matthew Perry") in relations(analysis)


def test_family_roles_are_family_affiliations():
    text = "Jane Doe testified on Monday. Her husband said she had been afraid."
    analysis = analyse(text)
    assert ("Jane Doe's husband", "FAMILY_OF", "Jane Doe") in relations(analysis)


# --------------------------------------------------------------------------- affiliations


def test_affiliations_come_from_appositions_prepositions_and_relative_clauses():
    text = (
        "Prof Rupert McShane, a psychiatrist at the University of Oxford who runs an NHS ketamine treatment clinic, "
        "spoke. Dr. Peter Grinspoon from Massachusetts General Hospital disagreed. "
        "A spokesperson for the FDA, Jane Roe, declined to comment. Tesla CEO Elon Musk tweeted."
    )
    assert {
        ("Rupert McShane", "WORKS_AT", "University of Oxford"),
        ("Rupert McShane", "RUNS_SERVICE_FOR", "NHS"),
        ("Peter Grinspoon", "WORKS_AT", "Massachusetts General Hospital"),
        ("Jane Roe", "SPOKESPERSON_FOR", "FDA"),
        ("Elon Musk", "LEADS", "Tesla"),
    } <= relations(analyse(text))


def test_an_affiliation_quotes_the_sentence_that_states_it():
    text = "The trial began. Dr. Peter Grinspoon from Massachusetts General Hospital testified."
    analysis = analyse(text)
    (affiliation,) = analysis.affiliations
    assert affiliation.quote == "Dr. Peter Grinspoon from Massachusetts General Hospital testified."
    assert text[affiliation.start : affiliation.end] == affiliation.quote


def test_a_negated_verb_states_no_affiliation():
    text = "Dr Jane Hollis does not run Save Minds, a ketamine clinic."
    assert not any(rel == "RUNS" for _, rel, _ in relations(analyse(text)))


def test_a_patient_at_a_clinic_does_not_work_there():
    text = "Tom Hale, a patient at the Royal Free Hospital, was treated."
    assert relations(analyse(text)) == set()


# --------------------------------------------------------------------------- spans and mentions


def test_spans_are_sorted_never_overlap_and_match_the_text():
    text, analysis = seed("000")
    assert analysis.spans == sorted(analysis.spans, key=lambda s: s.start)
    for before, after in zip(analysis.spans, analysis.spans[1:]):
        assert before.end <= after.start
    for span in analysis.spans:
        assert text[span.start : span.end] == span.text
        assert span.actor_id in analysis.actors


def test_one_mention_per_actor_per_sentence_quoting_the_sentence():
    text = "Perry's assistant gave Perry the drug. Matthew Perry died. His doctor was charged."
    analysis = analyse(text)
    perry = [m for m in analysis.mentions if m.actor_id == "person-matthew-perry"]
    assert [m.quote for m in perry] == [
        "Perry's assistant gave Perry the drug.",
        "Matthew Perry died.",
        "His doctor was charged.",
    ]
    sents = {(s.start, s.end, s.text) for s in sentences(parse(text))}
    assert all((m.start, m.end, m.quote) in sents for m in analysis.mentions)


def test_spans_between_and_actor_at_find_references_by_offsets():
    text = "Matthew Perry died. The FDA said nothing."
    analysis = analyse(text)
    first_sentence = analysis.spans_between(0, text.index("."))
    assert [s.text for s in first_sentence] == ["Matthew Perry"]
    at = text.index("Perry")
    assert analysis.actor_at(at, at + 2).actor_id == "person-matthew-perry"
    assert analysis.actor_at(text.index("said"), text.index("said") + 4) is None


def test_a_parse_of_other_text_is_refused():
    with pytest.raises(ValueError, match="doc-7"):
        analyse_actors(parse("Some text."), document("Other text.", "doc-7"))


def test_a_lexicon_missing_a_list_is_named_in_the_error(tmp_path: Path):
    data = yaml.safe_load(LEXICON_PATH.read_text(encoding="utf-8"))
    del data["substances"]
    broken = tmp_path / "lexicon.yaml"
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(LexiconError, match=r"lexicon\.yaml: 'substances' must be a list"):
        ActorLexicon.load(broken)


def test_a_first_names_file_with_a_list_of_the_wrong_shape_is_named_in_the_error(tmp_path: Path):
    broken = tmp_path / "names.yaml"
    broken.write_text("female_first_names: shayla\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"names\.yaml: 'female_first_names' must be a list of names"):
        ActorLexicon.load(first_names_path=broken)


def test_the_long_first_name_lists_extend_the_hand_picked_ones_which_win_on_gender():
    lexicon = get_lexicon()
    assert {"shayla", "tyrell", "kaden"} <= lexicon.first_names
    assert "jordan" in lexicon.unisex_first_names and "jordan" not in lexicon.gendered_first_names
    assert not {"grant", "hope", "chase", "dallas"} & lexicon.first_names


# --------------------------------------------------------------------------- the seed articles


def test_seed_bbc_article_actors_and_affiliations():
    _, analysis = seed("000")
    assert {
        "Matthew Perry", "Rupert McShane", "Rajalingam Yadhu", "Mario Juruena", "Elon Musk",
        "University of Oxford", "Royal Free Hospital", "Save Minds", "Talk to Frank", "Tesla",
        "Matthew Perry's assistant",
    } <= names(analysis)
    assert {
        ("Rupert McShane", "WORKS_AT", "University of Oxford"),
        ("Rajalingam Yadhu", "WORKS_AT", "Royal Free Hospital"),
        ("Rajalingam Yadhu", "RUNS", "Save Minds"),
        ("Mario Juruena", "WORKS_AT", "King's College London"),
        ("Elon Musk", "OWNS", "Tesla"),
        ("Matthew Perry's assistant", "ASSISTANT_OF", "Matthew Perry"),
    } <= relations(analysis)


def test_seed_clinics_article_affiliations_and_acronym():
    text, analysis = seed("002")
    assert {
        ("Peter Grinspoon", "WORKS_AT", "Massachusetts General Hospital"),
        ("Ladan Eshkevari", "WORKS_AT", "Avesta Ketamine Wellness Center"),
    } <= relations(analysis)
    assert resolved(analysis, text, "FDA") == "org-u-s-food-and-drug-administration"
    assert resolved(analysis, text, "the actor") == "person-matthew-perry"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_articles_have_no_drug_show_or_heading_actors(prefix: str):
    _, analysis = seed(prefix)
    for actor in analysis.actors.values():
        lowered = actor.name.lower()
        assert lowered not in {"ketamine", "friends", "frank", "getty images", "us", "uk"}, actor
        if "ketamine" in lowered:
            assert actor.kind == ActorKind.ORGANIZATION and lowered.split()[-1] in {"center", "clinics", "angeles"}
        assert "therapy" not in lowered and "supervision" not in lowered, actor


# --------------------------------------------------------------------------- across documents


def test_a_surname_only_document_joins_the_full_name_from_another_document():
    surname_only = analyse("Prof McShane told the BBC that ketamine works.")
    full = analyse("Prof Rupert McShane, a psychiatrist at the University of Oxford, spoke.")
    ids = canonical_actor_ids([surname_only, full])
    assert ids["person-mcshane"] == "person-rupert-mcshane"
    assert ids["person-rupert-mcshane"] == "person-rupert-mcshane"


def test_a_surname_shared_by_two_people_is_not_joined_across_documents():
    ids = canonical_actor_ids([
        analyse("Perry said nothing."),
        analyse("Matthew Perry died."),
        analyse("Katy Perry sang."),
    ])
    assert ids["person-perry"] == "person-perry"


def test_an_acronym_only_document_joins_the_long_name_from_another_document():
    ids = canonical_actor_ids([
        analyse("The FDA warned clinics on Tuesday."),
        analyse("The U.S. Food and Drug Administration approved esketamine."),
    ])
    assert ids["org-fda"] == "org-u-s-food-and-drug-administration"


def test_a_role_joins_the_person_another_document_names_in_that_role():
    role_only = analyse("Prosecutors said Perry's assistant injected ketamine. Matthew Perry died.")
    named = analyse("Matthew Perry's live-in assistant Kenneth Iwamasa pleaded guilty.")
    ids = canonical_actor_ids([role_only, named])
    assert ids["person-matthew-perry-s-assistant"] == "person-kenneth-iwamasa"


def test_a_role_of_a_surname_only_possessor_takes_the_full_name():
    ids = canonical_actor_ids([analyse("Perry's doctor was charged."), analyse("Matthew Perry died.")])
    assert ids["person-perry-s-doctor"] == "person-matthew-perry-s-doctor"
    records = merged_actor_records([analyse("Perry's doctor was charged."), analyse("Matthew Perry died.")], ids)
    assert records["person-matthew-perry-s-doctor"].name == "Matthew Perry's doctor"
    assert records["person-matthew-perry-s-doctor"].description == "doctor of Matthew Perry"


def test_canonical_ids_do_not_depend_on_document_order():
    analyses = [
        analyse("Prof McShane said ketamine helps."),
        analyse("Prof Rupert McShane spoke."),
        analyse("The FDA warned clinics."),
        analyse("The U.S. Food and Drug Administration approved esketamine."),
        analyse("Perry's assistant was charged. Matthew Perry died."),
    ]
    assert canonical_actor_ids(analyses) == canonical_actor_ids(list(reversed(analyses)))


def test_an_actor_the_graph_already_knows_gives_its_id():
    known = [ActorRecord("person-rupert-mcshane", "Rupert McShane", ActorKind.PERSON, ("McShane",))]
    ids = canonical_actor_ids([analyse("Prof McShane said ketamine helps.")], known=known)
    assert ids == {"person-mcshane": "person-rupert-mcshane"}


def test_merged_records_keep_the_fullest_name_and_every_other_name_as_alias():
    analyses = [analyse("Prof McShane said ketamine helps."), analyse("Prof Rupert McShane spoke.")]
    records = merged_actor_records(analyses, canonical_actor_ids(analyses))
    (record,) = records.values()
    assert record.name == "Rupert McShane"
    assert {"McShane", "Prof McShane", "Prof Rupert McShane"} <= set(record.aliases)


def test_a_pronoun_goes_to_the_person_whose_name_says_it_fits_when_the_scores_tie():
    text = ("Owen Castellano is finally ready to talk. The star got emotional in a conversation with host "
            "Nia Brooks on her podcast.")
    analysis = analyse(text)
    assert resolved(analysis, text, "her") == actor_named(analysis, "Nia Brooks")


@pytest.mark.parametrize("report, pronoun", [
    ("As well as Perry, billionaire entrepreneur Elon Musk has said he has been given ketamine.", "he has"),
    # The parser may hang the speaker off the name before it; the name next to the verb still says it.
    ("In addition to Perry, billionaire entrepreneur Elon Musk has also stated that he received ketamine.",
     "he received"),
])
def test_he_after_someone_said_is_the_one_who_said_it(report, pronoun):
    text = "Matthew Perry had ketamine infusions. " + report
    analysis = analyse(text)
    assert resolved(analysis, text, pronoun) == actor_named(analysis, "Elon Musk")


def test_a_host_is_no_actor_so_the_actor_is_not_the_host():
    text = ("Owen Castellano spoke with host Nia Brooks on her podcast. The actor said he had found out from a "
            "text message.")
    analysis = analyse(text)
    assert resolved(analysis, text, "The actor") != actor_named(analysis, "Nia Brooks")


def test_the_medical_examiner_is_never_an_organisation_whose_name_tells_no_kind():
    text = ("It was his first interview since a January appearance on The Evening Couch, a talk show. "
            "Imani Faraday said the medical examiner had been kind.")
    analysis = analyse(text)
    assert resolved(analysis, text, "the medical examiner") is None


def test_a_name_right_after_a_business_noun_is_that_business_whatever_the_tagger_says():
    analysis = analyse("Prosecutors say Larsholt injected Owen Castellucci, the 44-year-old founder of the "
                       "payments startup Ledgerline, with ketamine.")
    ledgerline = analysis.actors[actor_named(analysis, "Ledgerline")]
    assert ledgerline.kind == ActorKind.ORGANIZATION
    founder = analyse("Investors praised the company Elon Musk runs.")
    assert founder.actors[actor_named(founder, "Elon Musk")].kind == ActorKind.PERSON


# --------------------------------------------------------------------------- performance


def test_a_long_article_is_analysed_in_one_linear_pass():
    text = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    long_text = "\n\n".join([text, text])  # about 8,500 words
    short_doc, long_doc = parse(text), parse(long_text)
    started = time.perf_counter()
    short_analysis = analyse_actors(short_doc, document(text))
    short_time = time.perf_counter() - started
    started = time.perf_counter()
    long_analysis = analyse_actors(long_doc, document(long_text))
    long_time = time.perf_counter() - started
    assert long_time < 3.0
    assert long_time < 4 * short_time + 0.2  # twice the text, not four times the work
    assert set(long_analysis.actors) == set(short_analysis.actors)  # repeating a text adds no actors
    assert len(long_analysis.spans) == 2 * len(short_analysis.spans)


def test_a_possessive_office_is_one_organisation_though_the_model_tags_part_of_it_a_place():
    analysis = analyse("The Harlow County District Attorney's Office on Tuesday charged a Granger Mills woman "
                       "with involuntary manslaughter.")
    assert "Harlow County District Attorney's Office" in names(analysis)
    assert analysis.actors[actor_named(analysis, "Harlow County District Attorney's Office")].kind == ActorKind.ORGANIZATION


def test_an_organisation_someone_speaks_or_works_for_is_no_place():
    text = ("The FDA had issued Norvale a warning letter in 2021. An FDA spokesperson said the agency does not "
            "comment. A Red Deer pharmacist was charged.")
    analysis = analyse(text)
    assert "FDA" in names(analysis) and "Red Deer" not in names(analysis)
    assert resolved(analysis, text, "FDA", 0) == resolved(analysis, text, "FDA", 1) == actor_named(analysis, "FDA")


def test_a_month_after_in_or_by_is_no_first_name():
    text = ("Rachel Stanek was indicted.\n\nIn June Stanek pleaded guilty to a single conspiracy count.\n\n"
            "In May Stanek was sentenced.\n\nMay Harlow testified.")
    analysis = analyse(text)
    stanek = actor_named(analysis, "Rachel Stanek")
    assert resolved(analysis, text, "Stanek", 1) == resolved(analysis, text, "Stanek", 2) == stanek
    assert "May Stanek" not in names(analysis) and "May Harlow" in names(analysis)


def test_a_posts_court_or_office_is_one_organisation_though_the_model_takes_the_post_for_a_person():
    text = ("TRAGIC reality TV beauty Tia Blackwood drowned in a hot tub, an inquest heard yesterday.\n\n"
            "Pals dragged her out, but paramedics pronounced her dead at 4.10am.\n\n"
            "Essex Coroner's Court in Chelmsford heard that Tia had snorted ketamine.")
    analysis = analyse(text)
    assert "Essex Coroner" not in names(analysis)
    tia = actor_named(analysis, "Tia Blackwood")
    assert analysis.actors[tia].kind == ActorKind.PERSON
    assert resolved(analysis, text, "her", 1) == tia


def test_a_title_first_name_and_hyphenated_surname_tagged_as_an_organisation_is_a_person():
    analysis = analyse("A field test came back positive, Sheriff Ramona Estrada-Kyle said.")
    person = analysis.actors[actor_named(analysis, "Ramona Estrada-Kyle")]
    assert person.kind == ActorKind.PERSON


def test_he_after_a_sentence_whose_subject_is_no_person_is_the_one_that_sentence_named():
    text = ("Gardaí allege that the tablets were sold to Mr Tierney earlier that evening by Shane Coyle (34), of "
            "Carraig Road, Renmore. Mr Tierney has not been charged.\n\nDetectives from the Galway Divisional Drugs Unit arrested Mr Coyle at a house in Doughiska "
            "on 2 March. He was charged the following day with possession of controlled drugs.")
    analysis = analyse(text)
    assert resolved(analysis, text, "He") == actor_named(analysis, "Shane Coyle")


def test_a_name_the_model_runs_over_a_lower_case_word_is_two_names():
    analysis = analyse("Gardaí allege that the tablets were sold to Mr Tierney by Shane Coyle (34). "
                       "Ludwig van Beethoven wrote it.")
    assert {"Shane Coyle", "Ludwig van Beethoven"} <= names(analysis)
    assert not any(" by " in name for name in names(analysis))


def test_capitalised_words_ending_in_a_legal_form_are_one_company():
    analysis = analyse("Organizer Lakelight Events LLC said in a statement that the shows were cancelled. "
                       "Calder Vale Pharma Ltd makes medicines. Acme LLC said nothing.")
    assert {"Lakelight Events LLC", "Calder Vale Pharma Ltd", "Acme LLC"} <= names(analysis)
    assert all(analysis.actors[actor_named(analysis, n)].kind == ActorKind.ORGANIZATION
               for n in ("Lakelight Events LLC", "Calder Vale Pharma Ltd", "Acme LLC"))


def test_a_legal_form_set_off_by_a_comma_ends_the_company_name():
    text = "The board fined Ozark Valley Compounding, LLC, on Monday. Ozark Valley Compounding said it would appeal."
    analysis = analyse(text)
    assert names(analysis) == {"Ozark Valley Compounding, LLC"}
    assert resolved(analysis, text, "Ozark Valley Compounding", 1) == actor_named(analysis, "Ozark Valley Compounding, LLC")
    listed = analyse("Ozark Valley Compounding, L.L.C., agreed to pay a fine.")
    assert names(listed) == {"Ozark Valley Compounding, L.L.C."}


def test_a_company_named_without_its_legal_form_is_the_same_company():
    # (the model tags only "Vale Pharma" in the second sentence)
    text = "Calder Vale Pharma Ltd was fined. Calder Vale Pharma supplied the nasal spray to 14 clinics."
    analysis = analyse(text)
    assert names(analysis) == {"Calder Vale Pharma Ltd"}
    assert resolved(analysis, text, "Calder Vale Pharma", 1) == actor_named(analysis, "Calder Vale Pharma Ltd")
    # a longer name that adds more than the legal form is another organisation
    assert names(analyse("Royal Free Hospital Trust said it would act. Royal Free Hospital staff agreed.")) == {
        "Royal Free Hospital Trust", "Royal Free Hospital"}


def test_she_whose_death_an_examiner_rules_on_is_not_the_examiner():
    text = ("Leah Dunleavy, 34, a nurse, was found unresponsive in her kitchen on June 3 by her husband, Tom. She died "
            "the next morning.\n\nThe day before her death, a 26-year-old man named Cody Brannigan sold the nurse two "
            "grams of ketamine. Within a month of her death, Ridge County Medical Examiner Dr. Hannah Birkeland ruled "
            "that she had died from the combined effects of fentanyl and ketamine.")
    analysis = analyse(text)
    assert resolved(analysis, text, "she") == actor_named(analysis, "Leah Dunleavy")


def test_an_acronym_that_acts_is_an_organisation_with_the_place_before_it_but_not_in_a_capitals_headline():
    analysis = analyse("Red Deer RCMP arrested Harjit Dhaliwal on Jan. 31.\n\nDEALER JAILED\n\n"
                       "Organizer Lakelight Events LLC said the shows were cancelled.")
    assert {"Red Deer RCMP", "Lakelight Events LLC"} <= names(analysis)
    assert "DEALER" not in names(analysis) and "JAILED" not in names(analysis)


def test_a_surname_heading_a_pair_of_subjects_is_the_person_named_before_though_the_model_tags_it_a_noun():
    text = ("Aaron Feldkamp and Lena Pimm, co-founders of the clinic, were indicted in February. "
            "Feldkamp and Pimm pleaded not guilty in March.")
    analysis = analyse(text)
    assert resolved(analysis, text, "Feldkamp", occurrence=1) == actor_named(analysis, "Aaron Feldkamp")


def test_a_posts_office_is_one_organisation_though_the_model_tags_the_post_apart():
    analysis = analyse("A report published in February by the Governor's Office of Substance Use Policy found "
                       "nitazenes in 3.1% of deaths.")
    assert "Governor's Office of Substance Use Policy" in names(analysis)
    assert "Governor" not in names(analysis)


def test_a_places_police_is_an_organisation_whatever_the_model_made_of_the_place():
    analysis = analyse("Tempe police opened a death investigation. Los Angeles police arrested Rafael Quiroga. "
                       "Then police arrested him.")
    assert {"Tempe police", "Los Angeles police"} <= names(analysis)
    assert all(analysis.actors[actor_named(analysis, n)].kind == ActorKind.ORGANIZATION
               for n in ("Tempe police", "Los Angeles police"))


def test_a_places_police_is_an_organisation_when_the_model_took_the_place_for_a_person():
    analysis = analyse("Ridgeford police are investigating the death, Chief Leonard Oakes said. Alder Falls police "
                       "and University Police opened a joint investigation.")
    assert {"Ridgeford police", "Alder Falls police"} <= names(analysis)
    assert not {"Ridgeford", "Alder Falls"} & names(analysis)
    assert all(analysis.actors[actor_named(analysis, n)].kind == ActorKind.ORGANIZATION
               for n in ("Ridgeford police", "Alder Falls police"))


def test_a_place_and_the_lower_case_name_of_its_office_are_one_organisation():
    analysis = analyse("The Wabash County coroner's office released a statement. The Los Angeles County medical "
                       "examiner ruled the death an accident. Lakewood police declined to comment, and Harlan "
                       "County sheriff's deputies searched the house.")
    assert {"Wabash County coroner's office", "Los Angeles County medical examiner", "Lakewood police"} <= names(analysis)
    assert "Los Angeles County" not in names(analysis)
    assert all(analysis.actors[actor_named(analysis, n)].kind == ActorKind.ORGANIZATION
               for n in ("Wabash County coroner's office", "Los Angeles County medical examiner"))


def test_an_office_holders_title_before_a_name_is_not_an_office():
    analysis = analyse("Wabash County coroner Jim Beal said the death was accidental.")
    assert "Jim Beal" in names(analysis)
    assert not any("coroner" in n for n in names(analysis))


def test_a_broadcast_stations_call_letters_name_an_organisation_but_a_war_is_no_station():
    analysis = analyse("Mary Cole gave her first interview to WCNH-TV on May 1 and later spoke to KDSR. "
                       "Her grandfather served in WWII.")
    assert {"WCNH-TV", "KDSR"} <= names(analysis)
    assert "WWII" not in names(analysis)


def test_neither_a_notices_capitals_nor_a_kind_of_place_make_an_organisation():
    analysis = analyse("The WARN notice was filed on May 1. County fire department crews found the body of Ben Tate, "
                       "44, in the river on April 7. Jan Ode told WADA investigators what she knew.")
    assert names(analysis) == {"Ben Tate", "Jan Ode"}


def test_the_department_after_a_places_police_is_that_police_not_an_earlier_department():
    text = ("Henderson Fire Department paramedics found Dario Fontaine at home. Henderson police opened a criminal "
            "investigation into his death in March. In a statement Tuesday, the department said detectives were "
            "working on the case.")
    analysis = analyse(text)
    assert resolved(analysis, text, "the department") == actor_named(analysis, "Henderson police")


def test_the_doctor_is_the_person_the_story_titled_dr():
    text = ("Dr. Victor Halloran, 51, of Paradise Valley, stood with his hands clasped. Halloran pleaded guilty in "
            "May. Prosecutors had asked for six years. The Drug Enforcement Administration opened its own "
            "investigation into the doctor.")
    analysis = analyse(text)
    assert resolved(analysis, text, "the doctor") == actor_named(analysis, "Victor Halloran")


def test_a_name_with_an_age_in_apposition_is_a_person_though_the_model_tags_an_organisation():
    analysis = analyse("Devin had bought it from Tyrell Banks, a 19-year-old who was the cousin of a teammate.")
    assert analysis.actors[actor_named(analysis, "Tyrell Banks")].kind == ActorKind.PERSON


def test_he_after_an_arrest_is_the_one_arrested_not_someone_in_a_relative_clause_beside_it():
    text = ("Mr Reid found her unresponsive shortly after 8am and called 999.\n\nNottinghamshire Police arrested "
            "Dexter Mullins, 29, of Sneinton, on 21 June 2024, after officers traced the number Mr Reid had used to "
            "contact him. He was charged the following day.")
    analysis = analyse(text)
    assert resolved(analysis, text, "He") == actor_named(analysis, "Dexter Mullins")


def test_him_after_an_arrest_is_the_one_arrested_not_a_possessor_in_a_time_phrase():
    text = ("Police arrested Michael Banks last fall, about three weeks after Devin Okafor's death, and the Deschutes "
            "County District Attorney's Office charged him two days later with manslaughter.")
    analysis = analyse(text)
    assert resolved(analysis, text, "him") == actor_named(analysis, "Michael Banks")


def test_a_first_name_the_model_misses_with_a_surname_after_it_is_a_person():
    analysis = analyse("Nurses gave Shayla Grimes two doses of naloxone before she was taken to the hospital.")
    assert analysis.actors[actor_named(analysis, "Shayla Grimes")].kind == ActorKind.PERSON


def test_a_bare_surname_is_the_person_the_story_is_about_not_a_relative_named_once():
    text = ("Beckett Lowry, 38, had been found dead in his bathtub. Lowry had played that night. Lowry's sister, "
            "Maren Lowry, found the invoices in his email. Lowry had paid for four vials.")
    analysis = analyse(text)
    assert resolved(analysis, text, "Lowry had paid") == actor_named(analysis, "Beckett Lowry")


def test_her_in_an_arrest_is_the_woman_arrested_not_the_subject_of_an_aside_before():
    text = ("Lorna Kessler, 47, signed the agreement on Wednesday. Beckett Lowry drowned in March. Only after "
            "Lowry's sister, Maren Lowry, had found the nurse practitioner's invoices in his email did the Drug "
            "Enforcement Administration open an investigation into Kessler and her business in July of that year. "
            "Agents had arrested Kessler at her home in November, and prosecutors had charged her the next day.")
    analysis = analyse(text)
    kessler = actor_named(analysis, "Lorna Kessler")
    assert resolved(analysis, text, "her home") == kessler
    assert resolved(analysis, text, "charged her") == kessler


def test_call_letters_the_model_tags_as_a_person_are_an_organisation():
    analysis = analyse("Tasker's mother, Linda Tasker, told KTMR on Sunday that her son had fought.")
    assert analysis.actors[actor_named(analysis, "KTMR")].kind == ActorKind.ORGANIZATION


def test_an_opening_description_is_the_person_named_next_with_an_age():
    text = ("A nurse anesthetist who worked at a Reno surgery center was pronounced dead early Saturday. "
            "Bradley Tasker, 37, of Sparks, had checked into the hotel on Friday afternoon.")
    analysis = analyse(text)
    assert resolved(analysis, text, "A nurse anesthetist") == actor_named(analysis, "Bradley Tasker")


def test_an_opening_description_is_not_someone_named_later_without_an_age_or_in_an_aside():
    judge = ("A federal judge on Tuesday postponed the trial. U.S. District Judge Sherilyn Peace Garnett granted "
             "the request.")
    assert resolved(analyse(judge), judge, "A federal judge") is None
    aside = ("Eight months after a hospice nurse died from a powder, the pharmacist has admitted his part. "
             "Neil Stavros, 58, pleaded guilty on Tuesday.")
    assert resolved(analyse(aside), aside, "a hospice nurse") is None


def test_a_bare_surname_is_the_person_not_the_business_named_after_them():
    text = ("The pharmacist is Keith Dunleavy, 52, who owned Dunleavy Apothecary on Commercial Street for 14 years. "
            "In June 2023 the board reprimanded Dunleavy and fined him $2,500.")
    analysis = analyse(text)
    assert resolved(analysis, text, "Dunleavy and") == actor_named(analysis, "Keith Dunleavy")


def test_the_pharmacy_is_the_pharmacy_named_not_the_board_of_pharmacy():
    text = ("The Oregon Board of Pharmacy has disciplined Keith Dunleavy, 52, who owned Dunleavy Apothecary on "
            "Commercial Street for 14 years. A routine inspection of the pharmacy in March 2025 found bigger problems.")
    analysis = analyse(text)
    assert resolved(analysis, text, "the pharmacy") == actor_named(analysis, "Dunleavy Apothecary")


@pytest.mark.parametrize("text, person", [
    ("Mark Farrow found his wife, Lena, 52, unresponsive in their bed.", "Lena Farrow"),
    ("Mark Farrow's daughter, Kristen, went on the radio.", "Kristen Farrow"),
    # first names the model tags as nothing
    ("Linda Chen said her daughter, Emily, died in January.", "Emily Chen"),
    ("Linda Chen, whose daughter Emily died in January, spoke at the hearing.", "Emily Chen"),
    ("Jordan, the son of Mark Reyes, was arrested Monday.", "Jordan Reyes"),
    # first names the model tags as places
    ("Mark Reyes said his son, Tyler, 17, died on Jan. 9.", "Tyler Reyes"),
    ("Tyler, 17, the son of Mark Reyes, died on Jan. 9.", "Tyler Reyes"),
    # "her" told of the one the sentence before named
    ("Emily Chen died on Jan. 9. Her brother, Sam, told KGW that she had been clean for a year.", "Sam Chen"),
])
def test_a_first_name_beside_a_family_noun_of_someone_named_in_full_takes_their_surname(text, person):
    assert actor_named(analyse(text), person)


def test_his_relative_in_the_next_sentence_is_not_of_a_woman_named_before():
    analysis = analyse("Emily Chen died on Jan. 9. His brother, Sam, told KGW that she had been clean.")
    assert "Sam Chen" not in names(analysis)


def test_two_first_names_before_one_surname_are_two_people_who_share_it():
    text = ("Celeste Varnado, 36, died on Oct. 2. In a statement Monday, Varnado's parents, Gil and Rosalind "
            "Varnado, said their daughter trusted the wrong person. Varnado had spoken openly about anxiety.")
    analysis = analyse(text)
    assert {"Gil Varnado", "Rosalind Varnado"} <= names(analysis)
    assert resolved(analysis, text, "Varnado had") == actor_named(analysis, "Celeste Varnado")


def test_a_description_by_age_is_the_person_of_that_age_or_the_last_one_the_story_spoke_of():
    aged = ("Kyle Brandt, 38, ran a clinic. Dana Cole, 54, worked there. Police said the 54-year-old nurse had "
            "left early.")
    analysis = analyse(aged)
    assert resolved(analysis, aged, "the 54-year-old nurse") == actor_named(analysis, "Dana Cole")
    story = ("For most of an hour of television, Mark Kline kept his hands still.\n\n\"It said, 'Call me back,'\" "
             "Kline said. \"And it was nothing. That's the thing.\"\n\n"
             "In an interview aired Sunday, the 54-year-old actor talked with correspondent Lila Marchand.")
    analysis = analyse(story)
    assert resolved(analysis, story, "the 54-year-old actor") == actor_named(analysis, "Mark Kline")


def test_a_band_the_story_names_as_a_band_stays_an_organisation_where_the_model_takes_it_for_a_person():
    text = ("Elliot Marchbanks, the drummer for the Omaha rock band Grain Elevator, kept a metronome on his kitchen "
            "table long after he stopped needing one.\n\n"
            "Grain Elevator released five albums on a small Chicago label and spent most of two decades in a van.\n\n"
            "Grain Elevator announced his death the next day in a statement posted to the band's social media accounts.")
    analysis = analyse(text)
    band = actor_named(analysis, "Grain Elevator")
    assert analysis.actors[band].kind == ActorKind.ORGANIZATION
    assert resolved(analysis, text, "his", 1) == actor_named(analysis, "Elliot Marchbanks")


def test_a_woman_named_as_often_as_the_man_a_story_is_about_leaves_him_its_far_off_he():
    text = ("Priya Santhanam let herself into the hotel room with the spare key card. She found Jonah Ferreira-Blake on "
            "the bathroom floor. She called 911 and waited in the hallway. \"I knew before I touched him,\" she says now. "
            "Santhanam had managed the band's tours for a decade.\n\n"
            "Ferreira-Blake was 33. For a decade he had been the voice of the band. The band was on its first European "
            "tour in 2017. Someone backstage offered him ketamine. The record that followed sold well. The tour ran long. "
            "Nobody in the crew saw it coming.\n\n"
            "In October 2024, he told the music podcast \"Backline\" that ketamine had been the one drug he never took "
            "seriously.")
    analysis = analyse(text)
    assert resolved(analysis, text, "he told") == actor_named(analysis, "Jonah Ferreira-Blake")


def test_a_story_that_opens_on_the_nurse_who_did_it_means_her_by_the_former_nurse():
    text = ("MILWAUKEE — For seven months, patients at Lakeview Memorial Hospital were getting salt water instead of "
            "fentanyl. On Wednesday, the nurse who made the switch was sent to federal prison.\n\n"
            "Brianna Skowron, 34, of Harlow Falls, was sentenced to 46 months by U.S. District Judge Paulina "
            "Reyes-Whitford. The judge also ordered three years of supervised release.\n\n"
            "The former nurse pleaded guilty in October. According to her plea agreement, she withdrew fentanyl from "
            "the unit's cabinets.\n\n"
            "Lakeview placed her on leave the next day. Lakeview Memorial said it had added a second review.")
    analysis = analyse(text)
    skowron = actor_named(analysis, "Brianna Skowron")
    assert resolved(analysis, text, "the nurse") == skowron
    assert resolved(analysis, text, "The former nurse") == skowron
    assert resolved(analysis, text, "her plea") == skowron
    # The hospital's first words, which the model may take for a person's name, are the hospital.
    hospital = actor_named(analysis, "Lakeview Memorial Hospital")
    assert resolved(analysis, text, "Lakeview Memorial said") == hospital
    assert analysis.actors[hospital].kind == ActorKind.ORGANIZATION
    assert resolved(analysis, text, "her on leave") == skowron


def test_the_town_someone_comes_from_is_no_person_and_no_who():
    text = ("One of the patients was Gerald Ambrose, a retired machinist from Sheboygan who was recovering from heart "
            "surgery. The 81-year-old died there in August 2023.")
    analysis = analyse(text)
    assert "Sheboygan" not in names(analysis)
    ambrose = actor_named(analysis, "Gerald Ambrose")
    assert resolved(analysis, text, "who") == resolved(analysis, text, "The 81-year-old") == ambrose



def test_a_bare_surname_is_not_the_relative_introduced_as_his_father():
    text = ("Matthew Perry died on Oct. 28, 2023. His father, the actor John Bennett Perry, said he was heartbroken. "
            "Perry was 54.")
    analysis = analyse(text)
    assert resolved(analysis, text, "Perry was") == actor_named(analysis, "Matthew Perry")


def test_a_companys_first_word_before_a_job_is_the_company_not_a_place():
    # "a Halcyon physician" reads like "an Austin physician", but Halcyon began a company's name.
    text = ("Minnesota's attorney general is investigating Halcyon Direct, the startup that mails ketamine "
            "tablets to patients.\n\nIn a statement on Tuesday, Halcyon said it was cooperating fully.\n\n"
            "The state board reprimanded a Halcyon physician, Dr. Paul Whitacre, in September.\n\n"
            "Companies like Halcyon grew up under pandemic-era telehealth rules.")
    analysis = analyse(text)
    assert resolved(analysis, text, "Halcyon", 1) == actor_named(analysis, "Halcyon Direct")
    # A city no company's name begins with stays a place.
    text = "Halcyon Direct sells ketamine. An Austin physician, Dr. Lee Park, was reprimanded in May."
    assert resolved(analyse(text), text, "Austin") is None


def test_a_town_before_a_customer_or_patient_says_where_they_live_whatever_the_model_tags_it():
    found = names(analyse("The lawsuit asks what the company knew about the death of a Duluth customer this summer."))
    assert "Duluth" not in found


@pytest.mark.parametrize("text, name", [
    ("The Nursing and Midwifery Council suspended Joanne Platt's registration on Monday.",
     "Nursing and Midwifery Council"),
    ("The Medicines and Healthcare products Regulatory Agency warned Calder Pharma in March.",
     "Medicines and Healthcare products Regulatory Agency"),
])
def test_an_organisation_named_with_and_is_one_organisation_from_its_article(text, name):
    analysis = analyse(text)
    assert name in names(analysis)
    assert not any(n in names(analysis) for n in ("Midwifery Council", "Regulatory Agency"))


@pytest.mark.parametrize("text, two", [
    ("Agents from the DEA and the FBI arrested Tom Reed on Monday.", {"DEA", "FBI"}),
    ("The Care Quality Commission and General Medical Council suspended Dr. Sunil Rao in 2023.",
     {"Care Quality Commission", "General Medical Council"}),
    ("The Home Office and National Crime Agency arrested Joe Platt in 2023.", {"Home Office", "National Crime Agency"}),
])
def test_two_bodies_joined_by_and_stay_two(text, two):
    assert two <= names(analyse(text))


def test_a_verb_between_two_names_is_no_part_of_either():
    analysis = analyse("The FDA and DEA raided Apex Pharmacy in 2022.")
    assert "Apex Pharmacy" in names(analysis)
    assert not any("raided" in n for n in names(analysis))


@pytest.mark.parametrize("text, station", [
    ("Linda Ambrose first spoke publicly about her daughter's death to Denver7 last month.", "Denver7"),
    ("Her father told 9News that the family wanted answers.", "9News"),
])
def test_a_station_known_by_its_brand_and_channel_number_is_an_organisation(text, station):
    analysis = analyse(text)
    assert any(a.name == station and a.kind == ActorKind.ORGANIZATION for a in analysis.actors.values())


def test_a_bare_surname_is_not_a_parent_named_once_in_passing():
    text = ("Matthew Langford Perry is born in Williamstown, Massachusetts, to the actor John Bennett Perry "
            "and Suzanne Morrison. Perry publishes his memoir in 2022.")
    analysis = analyse(text)
    assert resolved(analysis, text, "Perry", occurrence=2) == actor_named(analysis, "Matthew Langford Perry")


def test_a_broadcaster_with_a_persons_name_is_a_person_and_a_stepfather_need_not_share_the_surname():
    text = ("Matthew Perry died in 2023. His mother married the broadcaster Keith Morrison. Perry's stepfather, "
            "Keith Morrison, has said little in public.")
    analysis = analyse(text)
    morrison = actor_named(analysis, "Keith Morrison")
    assert analysis.actors[morrison].kind == ActorKind.PERSON
    assert morrison not in analysis.programmes
    assert resolved(analysis, text, "stepfather") == morrison


def test_a_mixed_case_acronym_that_acts_is_the_organisation_its_capitals_abbreviate():
    text = ("The General Pharmaceutical Council suspended Rhys Pemberton in January. In March 2025 the GPhC published "
            "updated guidance for pharmacies.")
    analysis = analyse(text)
    assert resolved(analysis, text, "GPhC") == actor_named(analysis, "General Pharmaceutical Council")
    alone = analyse("The GPhC on 16 April imposed an interim suspension on the registration of Rhys Pemberton.")
    assert alone.actors[actor_named(alone, "GPhC")].kind == ActorKind.ORGANIZATION


def test_a_relative_named_later_as_another_relation_is_not_the_sister_told_before():
    text = ("Dalgleish sold Ms Kayleigh Moffat ten tablets on 30 January 2024. Her sister found her unresponsive the "
            "following morning, and she died on 2 February. Ms Moffat's mother, Lorraine Moffat, said the person who "
            "sold her that poison knew exactly what it could do.")
    analysis = analyse(text)
    kayleigh, lorraine = actor_named(analysis, "Kayleigh Moffat"), actor_named(analysis, "Lorraine Moffat")
    assert resolved(analysis, text, "sister") not in {kayleigh, lorraine}
    assert resolved(analysis, text, "she") == kayleigh


def test_a_bare_surname_is_not_the_sister_introduced_by_it_until_she_is_named_again():
    text = ("The last time Jonah Vale played in public was in September, three days before he died. \"He looked good,\" "
            "said his sister, Hannah Vale, who was standing at the side of the stage. Vale, the singer of the band, died "
            "on Sept. 22, 2024. Vale went to treatment in 2012. Hannah Vale made the same plea on the radio in October.")
    analysis = analyse(text)
    jonah = actor_named(analysis, "Jonah Vale")
    assert resolved(analysis, text, "Vale", 2) == jonah
    assert resolved(analysis, text, "Vale", 3) == jonah


def test_a_name_after_a_lowercase_title_is_a_person_whatever_the_model_tagged():
    analysis = analyse("Recording a conclusion of misadventure, senior coroner Lincoln Dowse said the death was "
                       "accidental.")
    assert analysis.actors[actor_named(analysis, "Lincoln Dowse")].kind == ActorKind.PERSON
