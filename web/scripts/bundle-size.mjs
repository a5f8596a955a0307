// The console's first load, as a browser fetches it: index.html's entry
// script, the chunks it preloads, and its styles, gzip-compressed as the
// server sends them. Fails above the budget (250 KB of JavaScript).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const budget = 250 * 1024;
const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const js = first.filter((f) => f.endsWith('.js'));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total = 0;
for (const f of first) {
  const n = gz(f);
  if (f.endsWith('.js')) total += n;
  console.log(`first load  ${kb(n).padStart(9)}  ${f}`);
}
for (const f of readdirSync(join(dist, 'assets'))) {
  const name = `assets/${f}`;
  if (!first.includes(name) && /^(founder|investor|incubator|shared)-/.test(f)) console.log(`on demand   ${kb(gz(name)).padStart(9)}  ${name}`);
}
console.log(`first-load JavaScript: ${kb(total)} gzip (budget ${kb(budget)}), ${js.length} files`);
if (total > budget) {
  console.error('over budget');
  process.exit(1);
}
