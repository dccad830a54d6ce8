// The Cypher page: sends the query to POST /cypher and draws the rows.
// Values from the graph are set as text, never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
const queryBox = $("query");
const paramsBox = $("params");
const runButton = $("run");
const statusLine = $("status");
const noticeLine = $("notice");
const errorBox = $("error");
const table = $("results");

function cellText(value) {
  return typeof value === "string" ? value : JSON.stringify(value, null, 1);
}

function clearResults() {
  table.tHead.replaceChildren();
  table.tBodies[0].replaceChildren();
  statusLine.textContent = "";
  statusLine.classList.remove("truncated");
  noticeLine.textContent = "";
  errorBox.textContent = "";
}

function drawResult(result) {
  const headRow = document.createElement("tr");
  for (const column of result.columns) {
    const th = document.createElement("th");
    th.textContent = column;
    headRow.append(th);
  }
  table.tHead.append(headRow);
  const body = document.createDocumentFragment();
  for (const row of result.rows) {
    const tr = document.createElement("tr");
    for (const value of row) {
      const td = document.createElement("td");
      if (value === null) {
        td.textContent = "null";
        td.className = "null";
      } else {
        td.textContent = cellText(value);
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.tBodies[0].append(body);
  const count = result.rows.length;
  let status = `${count} row${count === 1 ? "" : "s"} in ${result.elapsedMs} ms`;
  if (result.truncated) {
    status += ` — truncated: the query returned more, only the first ${count} are shown`;
    statusLine.classList.add("truncated");
  }
  statusLine.textContent = status;
  noticeLine.textContent = result.notice || "";
}

function readParams() {
  const text = paramsBox.value.trim();
  if (!text) return {};
  let params;
  try {
    params = JSON.parse(text);
  } catch (error) {
    throw new Error(`Parameters are not valid JSON: ${error.message}`);
  }
  if (params === null || typeof params !== "object" || Array.isArray(params)) {
    throw new Error('Parameters must be a JSON object, e.g. {"name": "Ada Lovelace"}');
  }
  return params;
}

async function run() {
  clearResults();
  let params;
  try {
    params = readParams();
  } catch (error) {
    errorBox.textContent = error.message;
    return;
  }
  runButton.disabled = true;
  statusLine.textContent = "running…";
  try {
    const response = await fetch("/cypher", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ query: queryBox.value, params }),
    });
    const payload = await response.json().catch(() => ({}));
    statusLine.textContent = "";
    if (response.ok) {
      drawResult(payload);
      localStorage.setItem("kg.cypher.query", queryBox.value);
      localStorage.setItem("kg.cypher.params", paramsBox.value);
    } else {
      errorBox.textContent = payload.error || JSON.stringify(payload.detail || payload) || response.statusText;
    }
  } catch (error) {
    statusLine.textContent = "";
    errorBox.textContent = `The API did not answer: ${error.message}`;
  } finally {
    runButton.disabled = false;
  }
}

// The ready queries live with the rest of the project's Cypher; the API lists them.
async function setUpExamples() {
  const select = $("examples");
  let examples = [];
  try {
    const response = await fetch("/cypher/examples", { headers: { Accept: "application/json" } });
    if (response.ok) examples = await response.json();
  } catch (error) {
    return; // the page works without them
  }
  examples.forEach((example, index) => {
    const option = document.createElement("option");
    option.value = String(index);
    option.textContent = example.title;
    select.append(option);
  });
  select.addEventListener("change", () => {
    const example = examples[Number(select.value)];
    if (!select.value || !example) return;
    queryBox.value = example.query;
    paramsBox.value = Object.keys(example.params).length ? JSON.stringify(example.params) : "";
    queryBox.focus();
  });
}

runButton.addEventListener("click", run);
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
queryBox.value = localStorage.getItem("kg.cypher.query") || "";
paramsBox.value = localStorage.getItem("kg.cypher.params") || "";
setUpExamples();
