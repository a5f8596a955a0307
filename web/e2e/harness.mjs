// The browser tests' harness: a real `innoport serve` on a fresh embedded
// store with the demo data, and Debian's Chromium driven by playwright-core,
// allowed to reach that server and nothing else.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** The innoport binary: INNOPORT_BIN, or built from this checkout once. */
function binary(work) {
  if (process.env.INNOPORT_BIN) return process.env.INNOPORT_BIN;
  const out = join(work, 'innoport');
  execFileSync('go', ['build', '-o', out, './cmd/innoport'], { cwd: repo, stdio: 'inherit' });
  return out;
}

/** Starts the service on a fresh data directory and waits until it serves. */
export async function startServer() {
  if (process.env.E2E_ORIGIN) return remote(process.env.E2E_ORIGIN); // a server started by hand, while writing tests
  const work = mkdtempSync(join(tmpdir(), 'innoport-e2e-'));
  const bin = binary(work);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = join(work, 'serve.log');
  const proc = spawn(bin, [], {
    env: { ...process.env, INNOPORT_ADDR: `127.0.0.1:${port}`, INNOPORT_DATA_DIR: join(work, 'data'), INNOPORT_RATE_LIMIT: '0', INNOPORT_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout.on('data', (d) => appendFileSync(log, d));
  proc.stderr.on('data', (d) => appendFileSync(log, d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`innoport exited:\n${readFileSync(log, 'utf8')}`);
    try {
      const r = await fetch(`${origin}/readyz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`innoport did not start:\n${readFileSync(log, 'utf8')}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    ...remote(origin),
    async stop() {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
      rmSync(work, { recursive: true, force: true });
    },
  };
}

function remote(origin) {
  return {
    origin,
    async stop() {},
    /** A demo persona's token, for setting the scene through the API. */
    async token(subject) {
      const r = await fetch(`${origin}/auth/demo/token`, { method: 'POST', body: JSON.stringify({ subject }), headers: { 'Content-Type': 'application/json' } });
      return (await r.json()).token;
    },
    async graphql(token, query, variables = {}) {
      const r = await fetch(`${origin}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = await r.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    },
  };
}

/** Chromium at a phone's or a desktop's size; every host but the server refused and recorded. */
export async function openBrowser(server, { width = 1280, height = 900, locale = 'vi-VN' } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  const context = await browser.newContext({ viewport: { width, height }, locale, timezoneId: 'Europe/London' });
  const refused = [];
  const host = new URL(server.origin).host;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.host === host || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    refused.push(url.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { browser, context, page, refused, consoleErrors };
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const timings = [];

/**
 * Acts (a click, a search) and waits, checking at every animation frame, for
 * `text` to show in the page's main region: the time from the act to the
 * content, recorded for the closing figures. (A locator's waitFor polls at
 * up to 500 ms, which would measure the poll, not the page.)
 */
export async function timed(journey, screen, page, act, text) {
  const t0 = performance.now();
  await act();
  await page.waitForFunction((t) => document.querySelector('main')?.innerText.includes(t), text, { polling: 'raf', timeout: 15_000 });
  const ms = Math.round(performance.now() - t0);
  timings.push({ journey, screen, ms });
  return ms;
}

export function writeTimings() {
  const out = process.env.E2E_TIMINGS;
  if (out) writeFileSync(out, JSON.stringify(timings, null, 2));
  for (const t of timings) console.log(`# render ${t.journey} / ${t.screen}: ${t.ms} ms`);
}

/** Signs in on the demo page as the persona whose button's text matches. */
export async function signInAs(page, origin, name) {
  await page.goto(origin + '/');
  await page.getByRole('button', { name }).first().click();
  await page.getByRole('button', { name: /^(Đăng xuất|Sign out)$/ }).waitFor();
}

/** Signs out, and waits for the sign-in page. */
export async function signOut(page) {
  await page.getByRole('button', { name: /^(Đăng xuất|Sign out)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^(Đăng nhập|Sign in)$/ }).waitFor();
}

/**
 * One journey's server and browser, started before the file's tests and
 * stopped after them (with the render timings printed): the returned
 * object's server and b are set once before() has run.
 */
export function journey(options) {
  const j = {};
  before(async () => {
    j.server = await startServer();
    j.b = await openBrowser(j.server, options);
  });
  after(async () => {
    writeTimings();
    // The last screen, for whoever reads a failure.
    await j.b?.page.screenshot({ path: join(tmpdir(), 'innoport-e2e-last.png'), fullPage: true }).catch(() => {});
    await j.b?.browser.close();
    await j.server?.stop();
  });
  return j;
}

/**
 * A GraphQL request as a demo persona (by subject), for the steps of a
 * journey that belong to another user than the one the browser plays.
 */
export async function api(origin, subject, query, variables = {}) {
  const t = await fetch(`${origin}/auth/demo/token`, { method: 'POST', body: JSON.stringify({ subject }) });
  const { token } = await t.json();
  const r = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await r.json();
  if (body.errors?.length) throw new Error(`${query}: ${JSON.stringify(body.errors)}`);
  return body.data;
}
