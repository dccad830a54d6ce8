"""The event taxonomy is data: it loads, it is checked, and it drives matching."""

import pytest

from loaders.taxonomy import CORE_TYPES, TaxonomyError, load_taxonomy, parse_taxonomy


def test_the_shipped_taxonomy_has_every_core_type_with_triggers_roles_and_a_title():
    taxonomy = load_taxonomy()
    assert set(CORE_TYPES) <= set(taxonomy.names)
    for name in ("DEATH", "CHARGES", "INTERVIEW", "REGULATORY_APPROVAL", "INFUSION_SESSION"):
        event_type = taxonomy.types[name]
        assert event_type.triggers and event_type.roles and event_type.principal and event_type.title


def test_multiword_triggers_are_split_the_way_the_tokenizer_splits_them():
    autopsy = load_taxonomy().types["AUTOPSY"]
    assert ("post", "-", "mortem", "examination") in {t.words for t in autopsy.triggers}


def test_a_principal_role_that_is_not_a_role_is_rejected_with_its_type_named():
    data = {"types": {"DEATH": {"roles": {"DECEASED": ["agent"]}, "principal": ["VICTIM"], "title": "x"}}}
    with pytest.raises(TaxonomyError, match="DEATH.*VICTIM"):
        parse_taxonomy(data)


def test_excluded_name_words_for_a_role_the_type_lacks_are_rejected_with_its_type_named():
    data = {"types": {"PUBLICATION": {"roles": {"AUTHOR": ["agent"]}, "principal": ["AUTHOR"], "title": "x",
                                      "excluded_name_words": {"PUBLISHER": ["press"]}}}}
    with pytest.raises(TaxonomyError, match="PUBLICATION.*PUBLISHER"):
        parse_taxonomy(data)


def test_a_trigger_held_by_a_role_the_type_lacks_is_rejected_with_its_type_named():
    data = {"types": {"INVESTIGATION": {"roles": {"SUBJECT": ["patient"]}, "principal": ["SUBJECT"], "title": "x",
                                        "nouns": [{"words": "inquest", "held_by": {"CORONER": "coroner"}}]}}}
    with pytest.raises(TaxonomyError, match="INVESTIGATION.*CORONER"):
        parse_taxonomy(data)


def test_a_taxonomy_missing_core_types_is_rejected():
    data = {"types": {"DEATH": {"roles": {"DECEASED": ["agent"]}, "principal": ["DECEASED"], "title": "x"}}}
    with pytest.raises(TaxonomyError, match="core event types missing"):
        parse_taxonomy(data)


def test_a_trigger_held_at_an_unknown_type_is_rejected_with_its_type_named():
    data = {"types": {"STATEMENT": {"roles": {"SPEAKER": ["agent"]}, "principal": ["SPEAKER"], "title": "x",
                                    "nouns": [{"words": "victim impact statement", "held_at": ["HEARING"]}]}}}
    with pytest.raises(TaxonomyError, match="STATEMENT.*HEARING"):
        parse_taxonomy(data)
