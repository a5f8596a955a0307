// An investor searches without diacritics, narrows by a facet, opens a
// startup, moves it through the pipeline and saves the search — in English,
// the language chosen on the page and remembered.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, timed, signInAs, journey } from './harness.mjs';

const j = journey();

test('an investor works the deal flow, in English', async () => {
  const { page } = j.b;
  await page.goto(j.server.origin + '/');
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await signInAs(page, j.server.origin, /Nhà đầu tư,/);
  await page.getByRole('heading', { level: 1, name: 'Deal flow' }).waitFor();
  await page.locator('.results li').first().waitFor();
  assert.deepEqual(await axe(page), [], 'deal flow: axe');

  await timed('investor', 'search "cang bien"', page, async () => {
    await page.getByRole('searchbox', { name: 'Search startups' }).fill('cang bien');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
  }, 'startups');
  await page.locator('.snippet mark').first().waitFor();
  const first = page.locator('.results li h2 a').first();
  const name = await first.innerText();
  assert.match(await page.locator('.results').innerText(), /cảng biển/i, 'diacritics found without typing them');
  assert.ok(page.url().includes('q=cang+bien'), 'the search is in the address');

  // A facet narrows the list and keeps the query.
  const facet = page.locator('aside fieldset').first().getByRole('checkbox').first();
  await facet.check();
  await page.waitForURL(/sector=/);
  await page.locator('.results li').first().waitFor();
  assert.ok(page.url().includes('q=cang+bien'));
  await facet.uncheck();
  await page.waitForURL((u) => !u.search.includes('sector='));

  await page.getByLabel('Save this search to be notified').fill('Port tech');
  await page.getByRole('button', { name: 'Save search' }).click();
  await page.getByText('Saved “Port tech”.').waitFor();

  await timed('investor', 'startup profile', page, () => page.getByRole('link', { name }).first().click(),
    'In your pipeline');
  assert.match(await page.locator('main').innerText(), /Visible once the startup grants you its data room/);
  assert.deepEqual(await axe(page), [], 'profile: axe');
  await page.getByLabel('Move to stage').selectOption('CONTACTED');
  await page.getByLabel('Note').fill('Called the CEO; demo next week.');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await page.locator('ul.list li', { hasText: 'Called the CEO; demo next week.' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Stage: Contacted/);

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await timed('investor', 'pipeline board', page, () => nav.getByRole('link', { name: 'Pipeline' }).click(),
    'days in stage');
  const column = page.locator('section.column', { has: page.getByRole('heading', { name: /^Contacted/ }) });
  await column.getByRole('link', { name }).waitFor();
  assert.deepEqual(await axe(page), [], 'pipeline: axe');
  await column.getByLabel(`Move ${name} to`).selectOption('MEETING');
  const meeting = page.locator('section.column', { has: page.getByRole('heading', { name: /^Meeting/ }) });
  await meeting.getByRole('link', { name }).waitFor();

  await timed('investor', 'saved searches', page, () => nav.getByRole('link', { name: 'Saved searches' }).click(),
    'Port tech');
  assert.deepEqual(await axe(page), [], 'saved searches: axe');

  // The language is remembered across a reload.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Saved searches' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
