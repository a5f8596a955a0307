// Runs the graphql-http server audit (GraphQL over HTTP conformance) against
// a running Innoport and fails unless every audit is ok.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://127.0.0.1:PORT/graphql');
  process.exit(2);
}
const results = await auditServer({ url });
const counts = {};
for (const r of results) {
  counts[r.status] = (counts[r.status] || 0) + 1;
  if (r.status !== 'ok') console.log(`${r.status} ${r.id} ${r.name}: ${r.reason}`);
}
const ok = counts.ok || 0;
console.log(`graphql-http audit: ${ok} ok of ${results.length}`, JSON.stringify(counts));
process.exit(ok === results.length ? 0 : 1);
