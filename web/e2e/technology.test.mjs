// Technology transfer as its two sides use it: a founder finds a port
// technology in the market by searching without diacritics, expresses
// interest; the university's transfer officer sees it and accepts; the
// founder accepts the NDA and reads the details, which were closed before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, timed, signInAs, signOut, journey } from './harness.mjs';

const j = journey();
const offer = 'Phần mềm tối ưu kế hoạch xếp dỡ container tại cảng';
const secret = 'Mô hình quy hoạch nguyên hỗn hợp';

test('a founder and a transfer officer take an offer from interest to its details', async () => {
  const { page } = j.b;
  await signInAs(page, j.server.origin, /Nhà sáng lập PortSense/);
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await timed('technology', 'market', page, () => nav.getByRole('link', { name: 'Chợ công nghệ' }).click(), 'công nghệ');
  await page.getByLabel('Tìm công nghệ').fill('xep do container');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByRole('link', { name: offer }).waitFor();
  const bands = page.locator('aside fieldset', { hasText: 'Mức sẵn sàng' });
  await bands.getByRole('checkbox', { name: /TRL 7–9/ }).check();
  await page.getByRole('link', { name: offer }).waitFor();
  assert.deepEqual(await axe(page), [], 'market: axe');

  await timed('technology', 'offer', page, () => page.getByRole('link', { name: offer }).click(), 'Mức sẵn sàng công nghệ');
  const main = page.locator('main');
  assert.match(await main.innerText(), /Chỉ mở sau khi tổ chức chấp nhận quan tâm/);
  assert.doesNotMatch(await main.innerText(), new RegExp(secret), 'details are closed before the NDA');
  assert.deepEqual(await axe(page), [], 'offer: axe');
  await page.getByLabel('Lời nhắn cho tổ chức').fill('Chúng tôi muốn thử tại bến Hải An.');
  await page.getByRole('button', { name: 'Gửi quan tâm' }).click();
  await page.getByText('Đang chờ tổ chức trả lời.').waitFor();
  const offerURL = page.url();

  await signOut(page);
  await signInAs(page, j.server.origin, /Chuyển giao công nghệ, Trường Đại học Hàng hải/);
  await page.getByRole('heading', { name: 'Trao đổi với doanh nghiệp' }).waitFor();
  const mine = page.locator('main li', { hasText: 'Công ty CP Cảng Số Hải Phòng' });
  await mine.getByText('chờ bạn trả lời').waitFor();
  assert.deepEqual(await axe(page), [], 'our offers: axe');
  await timed('technology', 'offer, as its organisation', page, () => mine.getByRole('link', { name: offer }).click(), secret);
  await page.getByRole('button', { name: 'Chấp nhận Công ty CP Cảng Số Hải Phòng' }).click();
  await page.getByRole('button', { name: 'Chấp nhận Công ty CP Cảng Số Hải Phòng' }).waitFor({ state: 'detached' });
  assert.deepEqual(await axe(page), [], 'offer as its organisation: axe');

  await signOut(page);
  await signInAs(page, j.server.origin, /Nhà sáng lập PortSense/);
  await page.goto(offerURL);
  await page.getByRole('heading', { name: 'Thoả thuận bảo mật' }).waitFor();
  assert.match(await main.innerText(), /THOẢ THUẬN BẢO MẬT \(NDA\)/);
  assert.deepEqual(await axe(page), [], 'NDA: axe');
  await page.getByRole('button', { name: 'Tôi đồng ý với thoả thuận bảo mật' }).click();
  await page.getByText(secret).waitFor();
  assert.match(await page.getByRole('status').filter({ hasText: 'Trạng thái' }).innerText(), /Đã ký NDA/);
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
