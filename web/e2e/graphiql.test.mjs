// GraphiQL from the binary: it renders and runs a query with the internet
// refused (it loaded from a CDN before, and was a blank page offline).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, openBrowser } from './harness.mjs';

let server, b;
before(async () => {
  server = await startServer();
  b = await openBrowser(server);
});
after(async () => {
  await b?.browser.close();
  await server?.stop();
});

test('GraphiQL works offline at /graphiql', async () => {
  const { page } = b;
  await page.goto(server.origin + '/graphiql');
  await page.locator('.graphiql-container').waitFor();
  const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
  await editor.click();
  await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ sectors { sector } }'));
  await page.getByRole('button', { name: /Execute query/ }).click();
  await page.locator('.result-window').getByText('PORT_LOGISTICS').waitFor();
  assert.deepEqual(b.refused, [], 'no request left the machine');
  assert.deepEqual(b.consoleErrors, []);
});
