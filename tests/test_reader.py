"""The named read queries, on the real engine, over the sample story (tests/sample_graph.py)."""

from __future__ import annotations

from datetime import date

import pytest

from graph.connection import Graph
from graph.values import stored_date
from graph.reader import (
    ACTOR_TIMELINE_PAGE,
    MAX_PAGE_SIZE,
    PATHS_BETWEEN_ACTORS,
    EventFilter,
    EventOrder,
    GraphReader,
    InvalidArgumentError,
    InvalidCursorError,
    NotFoundError,
    independent_source_count,
)
from graph.writer import write_documents
from loaders.records import FuzzyDate, Precision

from sample_graph import (
    BIRTH,
    CHARGES,
    CLINIC,
    COURIER,
    DEATH,
    DRUG,
    FELIX,
    INFUSION,
    INTERVIEW,
    LEDGER,
    LONER,
    MARA,
    SENTENCING,
    TOBIAS,
    WIRE,
    many_events_document,
)


@pytest.fixture(scope="module")
def reader(sample_story: Graph) -> GraphReader:
    """The sample story, loaded once for this module's read-only tests."""
    return GraphReader(sample_story, timeout=10)


def ids(page) -> list[str]:
    return [edge.event.id for edge in page.edges]


# ---------------------------------------------------------------- timelines and ordering


def test_an_actors_timeline_runs_oldest_first_with_undated_events_last(reader: GraphReader) -> None:
    page = reader.timeline(MARA)
    assert ids(page) == [BIRTH, INFUSION, DRUG, DEATH, INTERVIEW]
    assert page.edges[-1].event.undated
    assert not any(edge.event.undated for edge in page.edges[:-1])
    assert not page.has_next_page and not page.has_previous_page


def test_precision_decides_the_order_first_possible_day_then_last(reader: GraphReader) -> None:
    events = {edge.event.id: edge.event for edge in reader.timeline(MARA).edges}
    # February 2022 (a month) starts before "before 5 Mar 2022" (a bound known only by its end),
    # which sorts at that end, before the 12-13 March death.
    assert events[INFUSION].date == FuzzyDate(date(2022, 2, 1), date(2022, 2, 28), Precision.MONTH, "February 2022")
    assert events[DRUG].date.precision is Precision.BOUND
    assert (events[DRUG].date.start, events[DRUG].date.end) == (None, date(2022, 3, 5))


def test_paging_with_cursors_visits_every_event_once_in_order(reader: GraphReader) -> None:
    seen, after = [], None
    while True:
        page = reader.timeline(MARA, first=2, after=after)
        seen += ids(page)
        if not page.has_next_page:
            break
        assert page.edges and len(page.edges) == 2
        after = page.edges[-1].cursor
    assert seen == ids(reader.timeline(MARA))


def test_newest_first_still_lists_undated_events_last(reader: GraphReader) -> None:
    page = reader.events(EventFilter(actor_id=MARA), order=EventOrder.DATE_DESC)
    assert ids(page) == [DEATH, DRUG, INFUSION, BIRTH, INTERVIEW]
    second = reader.events(EventFilter(actor_id=MARA), order=EventOrder.DATE_DESC, first=2, after=page.edges[1].cursor)
    assert ids(second) == [INFUSION, BIRTH]


def test_a_cursor_from_another_ordering_is_refused_with_a_reason(reader: GraphReader) -> None:
    cursor = reader.timeline(MARA, first=1).edges[0].cursor
    with pytest.raises(InvalidCursorError, match="DATE_ASC listing, not DATE_DESC"):
        reader.events(EventFilter(actor_id=MARA), order=EventOrder.DATE_DESC, after=cursor)


@pytest.mark.parametrize("cursor", ["not-a-cursor!", "WyJvIiwxXQ", "e30"])
def test_a_cursor_this_listing_did_not_hand_out_is_refused(reader: GraphReader, cursor: str) -> None:
    with pytest.raises(InvalidCursorError, match="cursor"):
        reader.timeline(MARA, after=cursor)


def test_a_timeline_of_an_unknown_actor_says_so(reader: GraphReader) -> None:
    with pytest.raises(NotFoundError, match="no actor with id 'actor-nobody'"):
        reader.timeline("actor-nobody")


def test_type_filters_keep_only_those_types(reader: GraphReader) -> None:
    assert ids(reader.timeline(FELIX, types=["CHARGES", "SENTENCING"])) == [CHARGES, SENTENCING]


# ---------------------------------------------------------------- date ranges


def test_events_in_a_date_range_are_those_whose_dates_overlap_it(reader: GraphReader) -> None:
    march_2022 = EventFilter(date_from=date(2022, 3, 1), date_to=date(2022, 3, 31))
    # The death (12-13 March) and the drug ("before 5 March") reach into March; undated events drop out.
    assert ids(reader.events(march_2022)) == [DRUG, DEATH]
    assert reader.count_events(march_2022) == 2


def test_an_open_ended_bound_reaches_every_later_range(reader: GraphReader) -> None:
    in_2030 = EventFilter(date_from=date(2030, 1, 1), date_to=date(2030, 12, 31))
    assert ids(reader.events(in_2030)) == [SENTENCING]  # "after 1 Aug 2024"


def test_a_range_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(InvalidArgumentError, match="'from' \\(2023-02-01\\) is after 'to' \\(2023-01-01\\)"):
        EventFilter(date_from=date(2023, 2, 1), date_to=date(2023, 1, 1))


def test_all_events_are_counted_and_searchable_by_actor_name(reader: GraphReader) -> None:
    assert reader.count_events() == 7
    assert reader.count_events(EventFilter(actor_name="AMBERG")) == 4
    assert ids(reader.events(EventFilter(actor_name="m. quill"))) == ids(reader.timeline(MARA))


# ---------------------------------------------------------------- one event in detail


def test_event_details_carry_participants_evidence_and_each_sources_date_claim(reader: GraphReader) -> None:
    death = reader.event(DEATH)
    assert [(p.actor.id, p.role) for p in death.participants] == [(MARA, "DECEASED")]
    claims = {(ev.document.id, ev.claim.start) for ev in death.evidence}
    assert claims == {(LEDGER, date(2022, 3, 12)), (WIRE, date(2022, 3, 12)), (COURIER, date(2022, 3, 13))}
    ledger = next(ev for ev in death.evidence if ev.document.id == LEDGER)
    assert ledger.quote == "Singer Mara Quill died on 12 March 2022 at her home in Port Ansel."
    assert ledger.document.url == "https://news.example.org/ledger/quill-dies"
    assert ledger.document.published == FuzzyDate.day(date(2022, 3, 15))


def test_sources_that_disagree_flag_the_event_and_its_date_spans_both(reader: GraphReader) -> None:
    death = reader.event(DEATH).event
    assert death.date_conflict
    assert (death.date.start, death.date.end, death.date.precision) == (date(2022, 3, 12), date(2022, 3, 13), Precision.RANGE)
    assert not reader.event(INFUSION).event.date_conflict


def test_near_duplicate_documents_count_once_among_independent_sources(reader: GraphReader) -> None:
    death = reader.event(DEATH)
    assert death.source_count == 3
    assert death.independent_source_count == 2  # the wire copy repeats the Ledger


def test_an_anchored_claim_keeps_its_anchor_and_the_date_it_resolved_to(reader: GraphReader) -> None:
    (evidence,) = reader.event(DRUG).evidence
    assert evidence.anchor_event_id == DEATH
    assert (evidence.anchor_min_offset_days, evidence.anchor_max_offset_days) == (None, -8)
    assert (evidence.claim.start, evidence.claim.end) == (None, date(2022, 3, 5))


def test_an_unknown_event_id_says_so(reader: GraphReader) -> None:
    with pytest.raises(NotFoundError, match="no event with id 'event-nope'"):
        reader.event("event-nope")


def test_details_for_many_events_take_one_round_trip(reader: GraphReader) -> None:
    before = reader.round_trips
    details = reader.event_details([DEATH, DRUG, INFUSION, "event-missing"])
    assert set(details) == {DEATH, DRUG, INFUSION}
    assert reader.round_trips - before == 1


# ---------------------------------------------------------------- actors


def test_actor_search_matches_names_and_aliases_whatever_the_case(reader: GraphReader) -> None:
    assert [e.actor.id for e in reader.actors("M. QUILL").edges] == [MARA]
    assert [e.actor.id for e in reader.actors("clinic", kind="ORGANIZATION").edges] == [CLINIC]
    assert reader.count_actors("a") == 5


def test_actors_come_most_involved_first_and_page_by_offset(reader: GraphReader) -> None:
    first = reader.actors(first=2)
    assert [(e.actor.id, e.actor.event_count) for e in first.edges] == [(MARA, 5), (FELIX, 4)]
    rest = reader.actors(first=10, after=first.edges[-1].cursor)
    assert [e.actor.id for e in rest.edges] == [CLINIC, TOBIAS, LONER]
    assert not rest.has_next_page and rest.has_previous_page


def test_associates_share_events_most_shared_first(reader: GraphReader) -> None:
    associates = reader.associates(MARA)
    assert [(a.actor.id, a.shared_event_count) for a in associates] == [(FELIX, 2), (CLINIC, 1), (TOBIAS, 1)]
    assert set(associates[0].shared_event_ids) == {INFUSION, INTERVIEW}
    assert reader.associates(LONER) == []


def test_affiliations_read_in_their_stated_direction_from_either_side(reader: GraphReader) -> None:
    (from_mara,) = reader.affiliations(MARA)
    (from_tobias,) = reader.affiliations(TOBIAS)
    for affiliation in (from_mara, from_tobias):
        assert (affiliation.subject.id, affiliation.relation, affiliation.object.id) == (TOBIAS, "ASSISTANT_OF", MARA)
        assert affiliation.quote == "Her assistant Tobias Reyne" and affiliation.document_id == LEDGER


def test_mentions_list_the_sentences_naming_an_actor_newest_document_first(reader: GraphReader) -> None:
    mentions = reader.mentions(MARA)
    assert [m.document.id for m in mentions] == [COURIER, LEDGER, WIRE]
    assert {m.quote for m in mentions} == {"Mara Quill"}


def test_an_unknown_actor_id_says_so(reader: GraphReader) -> None:
    with pytest.raises(NotFoundError, match="no actor with id 'actor-nope'"):
        reader.actor("actor-nope")


# ---------------------------------------------------------------- documents


def test_documents_come_newest_first_with_their_events_actors_and_near_copies(reader: GraphReader) -> None:
    assert [e.document.id for e in reader.documents().edges][:2] == ["doc-courier-charges", COURIER]
    assert reader.count_documents() == 4
    assert [e.id for e in reader.document_events(LEDGER)] == [BIRTH, INFUSION, DRUG, DEATH]
    assert {a.id for a in reader.document_actors(COURIER)} == {MARA, FELIX}
    (copy,) = reader.near_duplicates(LEDGER)
    assert (copy.document.id, copy.similarity) == (WIRE, 0.93)
    assert [d.document.id for d in reader.near_duplicates(WIRE)] == [LEDGER]
    text = reader.document_text(LEDGER)
    (evidence,) = reader.event(BIRTH).evidence
    assert text[evidence.start:evidence.end] == evidence.quote


# ---------------------------------------------------------------- search, paths, stats


def test_search_finds_actors_events_and_quotes_case_insensitively(reader: GraphReader) -> None:
    results = reader.search("AMBERG")
    assert [a.id for a in results.actors] == [FELIX]
    assert {e.id for e in results.events} == {CHARGES, SENTENCING, INTERVIEW}
    assert {(q.event.id, q.document.id) for q in results.quotes} == {
        (INFUSION, LEDGER), (INTERVIEW, COURIER), (CHARGES, "doc-courier-charges"),
    }
    with pytest.raises(InvalidArgumentError, match="'query' must not be empty"):
        reader.search("  ")


def test_paths_connect_two_actors_through_affiliations_and_shared_events(reader: GraphReader) -> None:
    paths = reader.paths(TOBIAS, FELIX)
    # Tobias is Mara's assistant; Mara and Felix share the infusion and the interview.
    assert [[n.id for n in p.nodes] for p in paths] == [
        [TOBIAS, MARA, INTERVIEW, FELIX],
        [TOBIAS, MARA, INFUSION, FELIX],
    ]
    first = paths[0]
    assert first.length == 3
    assert (first.steps[0].type, first.steps[0].relation) == ("AFFILIATED_WITH", "ASSISTANT_OF")
    assert (first.steps[0].from_id, first.steps[0].to_id) == (TOBIAS, MARA)
    assert [(s.type, s.from_id, s.to_id, s.role) for s in first.steps[1:]] == [
        ("PARTICIPATED_IN", MARA, INTERVIEW, "SUBJECT"), ("PARTICIPATED_IN", FELIX, INTERVIEW, "INTERVIEWEE"),
    ]
    assert len(reader.paths(TOBIAS, FELIX, first=1)) == 1
    assert reader.paths(TOBIAS, FELIX, max_hops=2) == []
    assert reader.paths(MARA, LONER) == []


@pytest.mark.parametrize("hops", [0, 7, True])
def test_paths_refuse_hop_counts_outside_one_to_six(reader: GraphReader, hops: int) -> None:
    with pytest.raises(InvalidArgumentError, match="'maxHops' must be an integer from 1 to 6"):
        reader.paths(TOBIAS, FELIX, max_hops=hops)


def test_paths_name_the_argument_with_an_unknown_actor(reader: GraphReader) -> None:
    with pytest.raises(NotFoundError, match="'toActorId': no actor with id 'actor-nobody'"):
        reader.paths(TOBIAS, "actor-nobody")
    with pytest.raises(InvalidArgumentError, match="the same actor"):
        reader.paths(TOBIAS, TOBIAS)


def test_path_queries_exist_only_for_whitelisted_hop_counts() -> None:
    assert sorted(PATHS_BETWEEN_ACTORS) == [1, 2, 3, 4, 5, 6]
    assert all(f"*..{n}]" in query and "$" in query for n, query in PATHS_BETWEEN_ACTORS.items())


def test_stats_count_what_the_graph_holds(reader: GraphReader) -> None:
    stats = reader.stats()
    labels = {row.key: row.count for row in stats.nodes_by_label}
    assert (labels["Event"], labels["Actor"], labels["Document"], labels["Person"], labels["Organization"]) == (7, 5, 4, 4, 1)
    assert {row.key: row.count for row in stats.relationships_by_type}["REPORTED_IN"] == 9
    assert {row.key for row in stats.events_by_type} == {"BIRTH", "DEATH", "INFUSION_SESSION", "DRUG_ADMINISTRATION", "INTERVIEW", "CHARGES", "SENTENCING"}
    assert {row.key: row.count for row in stats.events_by_precision}["BOUND"] == 2
    assert (stats.undated_events, stats.conflicting_events) == (1, 1)
    assert (stats.earliest_date, stats.latest_date) == (date(1985, 1, 1), date(2024, 8, 1))
    assert reader.ping()


# ---------------------------------------------------------------- arguments


@pytest.mark.parametrize("first", [-1, MAX_PAGE_SIZE + 1])
def test_page_sizes_outside_zero_to_200_are_refused(reader: GraphReader, first: int) -> None:
    with pytest.raises(InvalidArgumentError, match=f"'first' must be between 0 and 200, got {first}"):
        reader.timeline(MARA, first=first)


def test_a_page_of_zero_says_whether_anything_is_there(reader: GraphReader) -> None:
    page = reader.timeline(MARA, first=0)
    assert page.edges == () and page.has_next_page


def test_values_reach_cypher_only_as_parameters() -> None:
    # The timeline query names its inputs as $parameters; nothing of a request is spliced in.
    for parameter in ("$actorId", "$types", "$dateFrom", "$dateTo", "$afterId", "$limit"):
        assert parameter in ACTOR_TIMELINE_PAGE


# ---------------------------------------------------------------- pure helpers


def test_independent_sources_count_each_cluster_of_near_copies_once() -> None:
    assert independent_source_count(["a", "b", "c", "d"], [("a", "b"), ("b", "c")]) == 2
    assert independent_source_count(["a", "b"], [("a", "z")]) == 2  # a copy of a document not among the sources
    assert independent_source_count([], []) == 0


def test_a_stored_month_without_its_end_is_still_the_whole_month() -> None:
    assert stored_date(date(2024, 2, 1), None, "MONTH", None) == FuzzyDate.month(2024, 2)
    assert stored_date(None, None, "DAY", "someday").precision is Precision.UNKNOWN
    assert stored_date(date(2024, 2, 1), date(2024, 2, 3), None, None).precision is Precision.RANGE


def test_a_long_timeline_pages_through_every_event(graph: Graph) -> None:
    write_documents(graph, [many_events_document("actor-many", 7)])
    reader = GraphReader(graph)
    pages = list(reader.iter_events(EventFilter(actor_id="actor-many"), page_size=3))
    assert [len(p.edges) for p in pages] == [3, 3, 1]
    assert [e.event.id for p in pages for e in p.edges] == [f"event-many-{i:03d}" for i in range(7)]
