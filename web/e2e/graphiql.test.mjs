// GraphiQL from the binary: it renders and runs a query with the internet
// refused (it loaded from a CDN before, and was a blank page offline).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { journey } from './harness.mjs';

const j = journey();

test('GraphiQL works offline at /graphiql', async () => {
  const { page } = j.b;
  await page.goto(j.server.origin + '/graphiql');
  await page.locator('.graphiql-container').waitFor();
  const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
  await editor.click();
  await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ sectors { sector } }'));
  await page.getByRole('button', { name: /Execute query/ }).click();
  await page.locator('.result-window').getByText('PORT_LOGISTICS').waitFor();
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
