// Opens GraphiQL in headless Chromium, reads its example tabs and runs the first one.
// Usage: node tests/js/graphiql.mjs <graphql url> <chromium path> <profile dir>
// Prints JSON: {tabs: [...], result: "<response pane text>", outsideRequests: [...]}.
import { chromium } from "playwright-core";

const [url, executablePath, profileDir] = process.argv.slice(2);
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
try {
  const page = context.pages()[0] || (await context.newPage());
  const origin = new URL(url).origin;
  page.on("request", (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith("data:")) outsideRequests.push(request.url());
  });
  await page.goto(url);
  await page.waitForSelector(".graphiql-tab", { timeout: 20000 });
  const tabs = await page.$$eval(".graphiql-tab", (nodes) => nodes.map((node) => node.textContent.trim()));
  await page.click(".graphiql-execute-button");
  await page.waitForFunction(() => (document.querySelector(".result-window") || {}).textContent?.includes("totalCount"), null, { timeout: 20000 });
  const result = await page.textContent(".result-window");
  process.stdout.write(JSON.stringify({ tabs, result, outsideRequests }));
} finally {
  await context.close();
}
