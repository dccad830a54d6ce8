// GraphQL-over-HTTP conformance: runs graphql-http's server audits against a live server.
// Usage: node tests/js/audit.mjs http://127.0.0.1:PORT/graphql
// Prints one JSON object: {"results": [{id, name, status, reason?}, ...]}. Exits 0 whenever the
// audits ran (the caller judges the statuses), 2 when they could not run at all.
import { auditServer } from "graphql-http";

const url = process.argv[2];
if (!url) {
  console.error("usage: node audit.mjs <graphql endpoint url>");
  process.exit(2);
}

try {
  const results = await auditServer({ url });
  const summary = [];
  for (const result of results) {
    const entry = { id: result.id, name: result.name, status: result.status };
    if (result.status !== "ok") {
      entry.reason = result.reason;
      try {
        entry.response = `${result.response.status} ${await result.response.text()}`.slice(0, 500);
      } catch {
        entry.response = String(result.response && result.response.status);
      }
    }
    summary.push(entry);
  }
  process.stdout.write(JSON.stringify({ results: summary }));
} catch (error) {
  console.error(`the audit could not run: ${error && error.stack ? error.stack : error}`);
  process.exit(2);
}
