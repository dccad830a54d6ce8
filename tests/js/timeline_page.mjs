// Drives the timeline page in headless Chromium and reports what a reader would see, as JSON.
// Usage: node tests/js/timeline_page.mjs <page url> <event id to click> <chromium path> <profile dir> [screenshot.png]
// The Python test (tests/test_api_page.py) asserts on the report.
import { chromium } from "playwright-core";

const [url, eventId, executablePath, profileDir, screenshotPath] = process.argv.slice(2);
if (!url || !eventId || !executablePath || !profileDir) {
  console.error("usage: node timeline_page.mjs <url> <event id> <chromium> <profile dir> [screenshot]");
  process.exit(2);
}

const context = await chromium.launchPersistentContext(profileDir, {
  executablePath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
  viewport: { width: 1400, height: 900 },
});
const outsideRequests = [];
const consoleErrors = [];
try {
  const page = context.pages()[0] || (await context.newPage());
  const origin = new URL(url).origin;
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) outsideRequests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(url);
  await page.waitForSelector("body[data-ready]", { timeout: 20000 });
  const ready = await page.getAttribute("body", "data-ready");

  const chart = await page.$$eval("#chart .event", (nodes) =>
    nodes.map((node) => ({
      id: node.getAttribute("data-event-id"),
      precision: node.getAttribute("data-precision"),
      shape: node.getAttribute("data-shape"),
      conflict: node.classList.contains("conflict"),
      label: node.querySelector("text:not(.conflict-flag)").textContent,
      width: node.querySelector(".mark").getBBox().width,
      fill: node.querySelector(".mark").getAttribute("style") || "",
    })),
  );
  const undated = await page.$$eval("#undated-list button", (nodes) =>
    nodes.map((node) => ({ id: node.getAttribute("data-event-id"), title: node.textContent })),
  );
  const title = await page.textContent("#timeline-title");
  const actorOptions = await page.$$eval("#actor-select option", (nodes) => nodes.map((n) => n.textContent));

  await page.click(`#chart .event[data-event-id="${eventId}"]`);
  await page.waitForSelector(`#details[data-event-id="${eventId}"]:not([hidden])`, { timeout: 10000 });
  const details = await page.evaluate(() => ({
    title: document.querySelector("#details-title").textContent,
    date: document.querySelector("#details-date").textContent,
    conflictNoteVisible: !document.querySelector("#details-conflict").hidden,
    participants: [...document.querySelectorAll("#details-participants li")].map((li) => li.textContent),
    sources: document.querySelector("#details-sources").textContent,
    evidence: [...document.querySelectorAll("#details-evidence li")].map((li) => ({
      quote: li.querySelector("blockquote").textContent,
      href: li.querySelector("a").getAttribute("href"),
      claim: li.querySelector(".claim, .claim-conflict").textContent,
    })),
  }));
  if (screenshotPath) await page.screenshot({ path: screenshotPath, fullPage: true });
  process.stdout.write(JSON.stringify({ ready, title, actorOptions, chart, undated, details, outsideRequests, consoleErrors }));
} finally {
  await context.close();
}
