// A founder signs in, sees the startup's matches, checks eligibility for the
// open call, applies (a server userError shown at its field first; a double
// click on submit makes one application), and follows the application.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, timed, signInAs, journey } from './harness.mjs';

const j = journey();

test('a founder applies to the open call, in Vietnamese', async () => {
  const { page } = j.b;
  await signInAs(page, j.server.origin, /Nhà sáng lập PortSense/);
  await page.getByRole('heading', { level: 1, name: 'Công ty CP Cảng Số Hải Phòng' }).waitFor();
  await page.getByRole('heading', { name: 'Đợt gọi vốn phù hợp' }).waitFor();
  await page.getByText('Vì sao phù hợp').first().click();
  await page.getByRole('columnheader', { name: 'Đóng góp' }).first().waitFor();
  assert.deepEqual(await axe(page), [], 'founder home: axe');

  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await timed('founder', 'open calls', page, () => nav.getByRole('link', { name: 'Đợt gọi vốn' }).click(),
    'Công nghệ biển, cảng biển');
  assert.deepEqual(await axe(page), [], 'calls: axe');

  await timed('founder', 'call with eligibility and form', page, () => page.getByRole('link', { name: /Công nghệ biển, cảng biển/ }).click(),
    'Startup của bạn');
  await page.getByRole('heading', { name: 'Startup của bạn đủ điều kiện' }).waitFor();
  assert.ok(await page.locator('.checks li.pass').count() > 0, 'each rule with its reason');
  assert.deepEqual(await axe(page), [], 'call page: axe');

  // A too-short answer: the server's userError appears at that question.
  await page.getByLabel(/Số tiền đề nghị/).fill('1500000000');
  await page.getByLabel(/Mô tả giải pháp/).fill('Quá ngắn.');
  await page.getByLabel(/Số khách hàng thí điểm/).fill('3');
  await page.getByRole('radio', { name: 'Thí điểm' }).check();
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const fieldError = page.locator('#q-solution-err');
  await fieldError.waitFor();
  assert.match(await fieldError.innerText(), /50/);
  assert.equal(await page.getByLabel(/Mô tả giải pháp/).getAttribute('aria-invalid'), 'true');

  await page.getByLabel(/Mô tả giải pháp/).fill('Nền tảng số hoá cảng biển: theo dõi container theo thời gian thực, dự báo ùn tắc và điều phối xe tải cho các cảng Hải Phòng.');
  await timed('founder', 'submit then application', page, () => page.getByRole('button', { name: 'Nộp hồ sơ' }).dblclick(),
    'Trạng thái:');
  await page.getByRole('heading', { name: 'Lịch sử' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Đã nộp/);
  assert.deepEqual(await axe(page), [], 'application: axe');

  await timed('founder', 'my applications', page, () => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ đã nộp' }).click(),
    'Cập nhật');
  assert.equal(await page.getByRole('link', { name: /Công nghệ biển, cảng biển/ }).count(), 1, 'the double click made one application');
  assert.match(await page.locator('tbody').innerText(), /Đã nộp/);
  assert.deepEqual(await axe(page), [], 'my applications: axe');

  await timed('founder', 'screening', page, () => nav.getByRole('link', { name: 'Sàng lọc pháp lý' }).click(),
    'Minh chứng');
  assert.deepEqual(await axe(page), [], 'screening: axe');
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
