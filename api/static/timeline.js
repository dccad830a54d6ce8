// The timeline page: an actor's events on a time axis, drawn as SVG from the GraphQL API.
// A known day is a point; a month, year, decade or range is a bar spanning it; a date known
// on one side only ("after 1 Aug 2024") is a bar that fades out on its open side; events whose
// sources disagree are outlined in red. Undated events are listed under the chart.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const DAY_MS = 86400000;
  const LANE_HEIGHT = 30;
  const AXIS_HEIGHT = 28;
  const MARGIN = 24;
  const OPEN_BAR_DAYS_FRACTION = 0.12; // an open side extends this share of the axis
  const MAX_TIMELINE_EVENTS = 2000;

  const ACTORS_QUERY = `query Actors($search: String) {
    actors(search: $search, first: 200) { totalCount edges { node { id name kind eventCount } } }
  }`;
  const TIMELINE_QUERY = `query Timeline($actorId: ID!, $after: String, $from: Date, $to: Date) {
    actor(id: $actorId) { id name kind description }
    timeline(actorId: $actorId, from: $from, to: $to, first: 200, after: $after) {
      totalCount
      edges { node { id title type status undated dateConflict sourceCount independentSourceCount
                     date { start end precision display text } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;
  const EVENT_QUERY = `query Event($id: ID!) {
    event(id: $id) {
      id title type status dateConflict sourceCount independentSourceCount
      date { display precision text }
      participants { role actor { id name kind } }
      evidence {
        quote
        date { display }
        anchor { event { title } }
        document { id title url publisher publishedAt { display } }
      }
    }
  }`;

  const state = { actorId: null, events: [], selected: null };
  const $ = (id) => document.getElementById(id);

  async function graphql(query, variables) {
    const response = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    const body = await response.json();
    if (body.errors && body.errors.length) throw new Error(body.errors.map((e) => e.message).join("; "));
    return body.data;
  }

  function showError(error) {
    const box = $("error");
    box.textContent = String(error.message || error);
    box.hidden = false;
  }

  function el(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  const measure = document.createElement("canvas").getContext("2d");
  measure.font = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  const textWidth = (text) => Math.ceil(measure.measureText(text).width) + 2;

  const toDay = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;

  // ------------------------------------------------------------------ actors

  async function loadActors(search) {
    const data = await graphql(ACTORS_QUERY, { search: search || null });
    const select = $("actor-select");
    select.replaceChildren();
    for (const { node } of data.actors.edges) {
      const label = `${node.name} (${node.eventCount} event${node.eventCount === 1 ? "" : "s"})`;
      select.append(el("option", { value: node.id }, label));
    }
    return data.actors.edges.map((edge) => edge.node);
  }

  // ------------------------------------------------------------------ timeline

  async function loadTimeline(actorId) {
    state.actorId = actorId;
    state.selected = null;
    const range = { from: $("date-from").value || null, to: $("date-to").value || null };
    const params = new URLSearchParams(window.location.search);
    params.set("actor", actorId);
    for (const [key, value] of Object.entries(range)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    params.delete("event");
    history.replaceState(null, "", `?${params}`);
    const select = $("actor-select");
    if (![...select.options].some((option) => option.value === actorId)) {
      select.append(el("option", { value: actorId }, actorId)); // renamed once the actor's name is known
    }
    select.value = actorId;
    $("details").hidden = true;
    let after = null;
    let actor = null;
    let total = 0;
    const events = [];
    do {
      const data = await graphql(TIMELINE_QUERY, { actorId, after, ...range });
      actor = data.actor;
      total = data.timeline.totalCount;
      events.push(...data.timeline.edges.map((edge) => edge.node));
      after = data.timeline.pageInfo.hasNextPage ? data.timeline.pageInfo.endCursor : null;
    } while (after && events.length < MAX_TIMELINE_EVENTS);
    state.events = events;
    const option = [...select.options].find((o) => o.value === actorId);
    if (option.textContent === actorId) option.textContent = actor.name;
    $("timeline-title").textContent = `Timeline of ${actor.name}`;
    const dated = events.filter((e) => !e.undated).length;
    const conflicts = events.filter((e) => e.dateConflict).length;
    $("timeline-summary").textContent =
      `${total} event${total === 1 ? "" : "s"}: ${dated} dated, ${events.length - dated} without a date` +
      (conflicts ? `, ${conflicts} with sources that disagree on the date` : "") + ".";
    renderExports(actorId, range);
    draw();
    renderUndated();
  }

  function renderExports(actorId, range) {
    const box = $("exports");
    box.replaceChildren(document.createTextNode("Export:"));
    const query = `?${new URLSearchParams({ actorId, ...Object.fromEntries(Object.entries(range).filter(([, v]) => v)) })}`;
    for (const [label, path] of [["TimelineJS", "timelinejs.json"], ["vis", "vis.json"], ["CSV", "events.csv"], ["iCal", "events.ics"]]) {
      box.append(el("a", { href: `/export/${path}${query}` }, label));
    }
  }

  // Interval in days (end exclusive) and shape for each dated event.
  function geometry(event, span) {
    const { start, end, precision } = event.date;
    const openDays = Math.max(7, span * OPEN_BAR_DAYS_FRACTION);
    if (start && end) {
      const first = toDay(start);
      const last = toDay(end) + 1;
      return { first, last, shape: last - first <= 1 ? "point" : "bar", open: null, precision };
    }
    if (start) return { first: toDay(start), last: toDay(start) + openDays, shape: "open-bar", open: "end", precision };
    return { first: toDay(end) + 1 - openDays, last: toDay(end) + 1, shape: "open-bar", open: "start", precision };
  }

  function ticks(firstDay, lastDay, width) {
    const span = lastDay - firstDay;
    const maxTicks = Math.max(2, Math.floor(width / 90));
    const steps = [
      ["day", 1], ["week", 7], ["month", 30.4], ["quarter", 91.3], ["year", 365.25],
      ["5 years", 1826], ["decade", 3652], ["50 years", 18262], ["century", 36524],
    ];
    const [unit] = steps.find(([, days]) => span / days <= maxTicks) || steps[steps.length - 1];
    const result = [];
    const startDate = new Date(firstDay * DAY_MS);
    let y = startDate.getUTCFullYear();
    let m = startDate.getUTCMonth();
    const months = { month: 1, quarter: 3 }[unit];
    const years = { year: 1, "5 years": 5, decade: 10, "50 years": 50, century: 100 }[unit];
    if (unit === "day" || unit === "week") {
      const step = unit === "day" ? 1 : 7;
      for (let d = Math.ceil(firstDay); d <= lastDay; d += step) {
        const date = new Date(d * DAY_MS);
        result.push([d, `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`]);
      }
    } else if (months) {
      m = Math.ceil(m / months) * months;
      for (;;) {
        const d = Date.UTC(y + Math.floor(m / 12), m % 12, 1) / DAY_MS;
        if (d > lastDay) break;
        if (d >= firstDay) result.push([d, `${MONTHS[m % 12]} ${y + Math.floor(m / 12)}`]);
        m += months;
      }
    } else {
      y = Math.ceil(y / years) * years;
      for (; ; y += years) {
        const d = Date.UTC(y, 0, 1) / DAY_MS;
        if (d > lastDay) break;
        if (d >= firstDay) result.push([d, years >= 10 ? `${y}s` : `${y}`]);
      }
    }
    return result;
  }

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  function draw() {
    const chart = $("chart");
    chart.replaceChildren();
    const dated = state.events.filter((e) => !e.undated);
    if (!dated.length) {
      chart.append(el("p", { class: "empty" }, "No dated events for this actor."));
      return;
    }
    const width = Math.max(600, chart.clientWidth - 2);
    const known = dated.flatMap((e) => [e.date.start, e.date.end].filter(Boolean).map(toDay));
    let minDay = Math.min(...known);
    let maxDay = Math.max(...known) + 1;
    const pad = Math.max(15, (maxDay - minDay) * 0.05);
    minDay -= pad;
    maxDay += pad;
    const shapes = dated.map((event) => ({ event, ...geometry(event, maxDay - minDay) }));
    minDay = Math.min(minDay, ...shapes.map((s) => s.first));
    maxDay = Math.max(maxDay, ...shapes.map((s) => s.last));
    const x = (day) => MARGIN + ((day - minDay) / (maxDay - minDay)) * (width - 2 * MARGIN);

    // Labels go right of the mark, or left of it where they would run off the chart. Each event
    // takes the first lane where its mark and label overlap nothing already placed.
    const lanes = [];
    for (const shape of shapes) {
      shape.x0 = x(shape.first);
      shape.x1 = Math.max(x(shape.last), shape.x0 + 2);
      shape.label = `${shape.event.title} · ${shape.event.date.display}`;
      const labelWidth = textWidth(shape.label) + (shape.event.dateConflict ? 9 : 0);
      const markRight = shape.shape === "point" ? shape.x0 + 6 : shape.x1;
      const markLeft = shape.shape === "point" ? shape.x0 - 6 : shape.x0;
      shape.labelLeft = markRight + 4 + labelWidth > width - 4 && markLeft - 4 - labelWidth > 0;
      const left = shape.labelLeft ? markLeft - 4 - labelWidth : markLeft;
      const right = shape.labelLeft ? markRight : markRight + 4 + labelWidth;
      let lane = lanes.findIndex((taken) => taken.every(([a, b]) => right + 8 < a || left > b + 8));
      if (lane === -1) {
        lane = lanes.length;
        lanes.push([]);
      }
      lanes[lane].push([left, right]);
      shape.lane = lane;
    }
    const height = AXIS_HEIGHT + lanes.length * LANE_HEIGHT + 16;
    const root = svg("svg", { width, height, role: "img", "aria-label": $("timeline-title").textContent });
    const defs = svg("defs");
    defs.append(gradient("fade-end", 1, 0), gradient("fade-start", 0, 1));
    root.append(defs);

    const axis = svg("g", { class: "axis" });
    for (const [day, label] of ticks(minDay, maxDay, width)) {
      axis.append(svg("line", { x1: x(day), x2: x(day), y1: AXIS_HEIGHT - 6, y2: height }));
      axis.append(svg("text", { x: x(day) + 3, y: AXIS_HEIGHT - 10 }, label));
    }
    root.append(axis);

    for (const shape of shapes) root.append(eventShape(shape));
    chart.append(root);
  }

  function gradient(id, fromOpacity, toOpacity) {
    const node = svg("linearGradient", { id });
    node.append(
      svg("stop", { offset: "0", "stop-color": "#3d6fb6", "stop-opacity": fromOpacity }),
      svg("stop", { offset: "1", "stop-color": "#3d6fb6", "stop-opacity": toOpacity }),
    );
    return node;
  }

  function eventShape(shape) {
    const { event } = shape;
    const y = AXIS_HEIGHT + shape.lane * LANE_HEIGHT + 6;
    const classes = ["event", `precision-${event.date.precision.toLowerCase()}`, `status-${event.status.toLowerCase()}`];
    if (event.dateConflict) classes.push("conflict");
    const group = svg("g", {
      class: classes.join(" "), tabindex: 0, role: "button",
      "data-event-id": event.id, "data-precision": event.date.precision, "data-shape": shape.shape,
    });
    group.append(svg("title", {}, `${event.title} — ${event.date.display}${event.dateConflict ? " (sources disagree)" : ""}`));
    const point = shape.shape === "point";
    if (point) {
      group.append(svg("circle", { class: "mark", cx: shape.x0, cy: y + 9, r: 6 }));
    } else {
      const attributes = { class: "mark", x: shape.x0, y: y + 3, width: shape.x1 - shape.x0, height: 12, rx: 2 };
      if (shape.open) attributes.style = `fill: url(#fade-${shape.open})`;
      group.append(svg("rect", attributes));
    }
    const flag = event.dateConflict ? 9 : 0;
    if (shape.labelLeft) {
      const labelX = (point ? shape.x0 - 6 : shape.x0) - 4;
      group.append(svg("text", { x: labelX - flag, y: y + 13, "text-anchor": "end" }, shape.label));
      if (flag) group.append(svg("text", { class: "conflict-flag", x: labelX - 6, y: y + 13 }, "!"));
    } else {
      const labelX = (point ? shape.x0 + 6 : shape.x1) + 4;
      if (flag) group.append(svg("text", { class: "conflict-flag", x: labelX, y: y + 13 }, "!"));
      group.append(svg("text", { x: labelX + flag, y: y + 13 }, shape.label));
    }
    group.addEventListener("click", () => selectEvent(event.id));
    group.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") selectEvent(event.id);
    });
    return group;
  }

  function renderUndated() {
    const list = $("undated-list");
    list.replaceChildren();
    const undated = state.events.filter((e) => e.undated);
    $("undated").hidden = !undated.length;
    for (const event of undated) {
      const button = el("button", { type: "button", "data-event-id": event.id }, event.title);
      button.addEventListener("click", () => selectEvent(event.id));
      const item = el("li", { class: "undated-event" });
      item.append(button, document.createTextNode(` — ${event.type.replace(/_/g, " ").toLowerCase()}, date unknown`));
      list.append(item);
    }
  }

  // ------------------------------------------------------------------ details

  async function selectEvent(eventId) {
    state.selected = eventId;
    for (const node of document.querySelectorAll(".event")) {
      node.classList.toggle("selected", node.getAttribute("data-event-id") === eventId);
    }
    const params = new URLSearchParams(window.location.search);
    params.set("event", eventId);
    history.replaceState(null, "", `?${params}`);
    try {
      const { event } = await graphql(EVENT_QUERY, { id: eventId });
      renderDetails(event);
    } catch (error) {
      showError(error);
    }
  }

  function documentLink(doc) {
    if (doc.url) return doc.url;
    const query = `{ document(id: ${JSON.stringify(doc.id)}) { title publisher publishedAt { display } text } }`;
    return `/graphql?query=${encodeURIComponent(query)}`;
  }

  function renderDetails(event) {
    const panel = $("details");
    const wasHidden = panel.hidden;
    panel.hidden = false;
    panel.setAttribute("data-event-id", event.id);
    $("details-title").textContent = event.title;
    $("details-meta").textContent = `${event.type.replace(/_/g, " ").toLowerCase()} · ${event.status.toLowerCase()}`;
    $("details-date").textContent = `Date: ${event.date.display}` + (event.date.text ? ` (“${event.date.text}”)` : "");
    $("details-conflict").hidden = !event.dateConflict;

    const people = $("details-participants");
    people.replaceChildren();
    for (const participant of event.participants) {
      const button = el("button", { type: "button", "data-actor-id": participant.actor.id }, participant.actor.name);
      button.addEventListener("click", () => loadTimeline(participant.actor.id).catch(showError));
      const item = el("li");
      item.append(button, document.createTextNode(` — ${participant.role.replace(/_/g, " ").toLowerCase()}`));
      people.append(item);
    }

    $("details-sources").textContent =
      `${event.sourceCount} source${event.sourceCount === 1 ? "" : "s"}` +
      (event.independentSourceCount !== event.sourceCount ? ` (${event.independentSourceCount} independent: near-copies count once)` : "");
    const list = $("details-evidence");
    list.replaceChildren();
    for (const evidence of event.evidence) {
      const item = el("li", { class: "evidence" });
      item.append(el("blockquote", {}, evidence.quote));
      const source = el("div", { class: "source" });
      const link = el("a", { href: documentLink(evidence.document), target: "_blank", rel: "noopener" },
        evidence.document.title || evidence.document.publisher || "source");
      source.append(link);
      const published = evidence.document.publishedAt ? `, ${evidence.document.publishedAt.display}` : "";
      source.append(document.createTextNode(`${evidence.document.publisher ? ` · ${evidence.document.publisher}` : ""}${published}. `));
      const claim = el("span", { class: event.dateConflict ? "claim-conflict" : "claim" },
        `This source dates it: ${evidence.date.display}` + (evidence.anchor && evidence.anchor.event ? ` (relative to ${evidence.anchor.event.title})` : ""));
      source.append(claim);
      item.append(source);
      list.append(item);
    }
    if (wasHidden) draw(); // the chart is narrower beside the panel
  }

  // ------------------------------------------------------------------ start

  async function start() {
    const params = new URLSearchParams(window.location.search);
    $("date-from").value = params.get("from") || "";
    $("date-to").value = params.get("to") || "";
    const actors = await loadActors(null);
    if (!actors.length) {
      $("timeline-title").textContent = "No actors yet";
      $("timeline-summary").textContent = "Load documents with `kg load` and reload this page.";
      $("undated").hidden = true;
      return;
    }
    const eventId = params.get("event");
    await loadTimeline(params.get("actor") || actors[0].id);
    if (eventId) await selectEvent(eventId);
  }

  let searchTimer = null;
  $("actor-search").addEventListener("input", (e) => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(async () => {
      try {
        const actors = await loadActors(e.target.value.trim());
        if (actors.some((a) => a.id === state.actorId)) $("actor-select").value = state.actorId;
      } catch (error) {
        showError(error);
      }
    }, 250);
  });
  $("actor-select").addEventListener("change", (e) => loadTimeline(e.target.value).catch(showError));
  $("picker").addEventListener("submit", (e) => e.preventDefault());
  for (const id of ["date-from", "date-to"]) {
    $(id).addEventListener("change", () => state.actorId && loadTimeline(state.actorId).catch(showError));
  }
  $("details-close").addEventListener("click", () => {
    $("details").hidden = true;
    draw();
  });
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 150);
  });

  start().then(
    () => document.body.setAttribute("data-ready", "true"),
    (error) => {
      showError(error);
      document.body.setAttribute("data-ready", "error");
    },
  );
})();
