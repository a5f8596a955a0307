// Incentives, the city's statistics and its open data, as their users meet
// them: a founder is told the one step that unlocks the S&T tax incentive,
// takes it on the screening page and sees the incentive qualify; a city
// official reads the statistics with how each is computed; anyone reads the
// open data, its small cells hidden.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, timed, signInAs, signOut, journey } from './harness.mjs';

const j = journey();
const tax = 'Miễn, giảm thuế thu nhập doanh nghiệp cho doanh nghiệp khoa học và công nghệ';

test('a founder unlocks an incentive; an official and the public read the statistics', async () => {
  const { page } = j.b;
  await signInAs(page, j.server.origin, /Nhà sáng lập BlueOcean Lab/);
  const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
  await timed('city', 'incentives', page, () => nav.getByRole('link', { name: 'Ưu đãi' }).click(), tax);
  const card = page.locator('article', { has: page.getByRole('heading', { name: tax }) });
  assert.match(await card.innerText(), /Thiếu minh chứng/);
  assert.match(await card.innerText(), /Bước còn thiếu: Giấy chứng nhận doanh nghiệp khoa học và công nghệ/);
  assert.deepEqual(await axe(page), [], 'incentives: axe');

  await nav.getByRole('link', { name: 'Sàng lọc pháp lý' }).click();
  await page.getByRole('heading', { name: 'Thêm chứng nhận' }).waitFor();
  await page.getByLabel('Loại', { exact: true }).selectOption('ST_ENTERPRISE');
  await page.getByLabel('Ngày cấp').fill('2026-11-20');
  await page.getByLabel('Số hiệu hoặc đường dẫn tài liệu').fill('GCN-KHCN-0042');
  await page.getByRole('button', { name: 'Lưu minh chứng' }).click();
  await page.getByText(/Doanh nghiệp khoa học và công nghệ \(/).waitFor();

  await timed('city', 'incentives, after the certificate', page, () => nav.getByRole('link', { name: 'Ưu đãi' }).click(), tax);
  assert.match(await card.innerText(), /Đủ điều kiện/);
  assert.doesNotMatch(await card.innerText(), /Bước còn thiếu/);
  const standings = await page.locator('main article .badge[class*="st-"]').allInnerTexts();
  const met = standings.filter((x) => x === 'Đủ điều kiện').length;
  assert.ok(met >= 1 && standings.slice(0, met).every((x) => x === 'Đủ điều kiện'), `what the firm qualifies for comes first: ${standings}`);

  await signOut(page);
  await signInAs(page, j.server.origin, /Cán bộ Sở Khoa học và Công nghệ/);
  await page.getByRole('heading', { level: 1, name: 'Thống kê đổi mới sáng tạo' }).waitFor();
  await page.getByRole('heading', { name: 'Doanh nghiệp theo lĩnh vực' }).waitFor();
  const sectors = page.locator('section.chart', { has: page.getByRole('heading', { name: 'Doanh nghiệp theo lĩnh vực' }) });
  assert.match(await sectors.innerText(), /Cảng biển và logistics/);
  await sectors.getByText('Cách tính').click();
  assert.match(await sectors.innerText(), /một doanh nghiệp nhiều lĩnh vực được đếm ở mỗi lĩnh vực/);
  assert.deepEqual(await axe(page), [], 'statistics: axe');
  await page.getByLabel('Từ ngày').fill('2030-01-01');
  await page.getByLabel('Đến ngày').fill('2029-01-01');
  await page.getByRole('button', { name: 'Xem' }).click();
  await page.getByText('Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.').waitFor();

  await signOut(page);
  await timed('city', 'open data', page, () => page.goto(`${j.server.origin}/public/open-data`), 'Doanh nghiệp theo phường, xã');
  const wards = page.locator('section.chart', { has: page.getByRole('heading', { name: 'Doanh nghiệp theo phường, xã' }) });
  assert.match(await wards.innerText(), /ẩn \(dưới 3 doanh nghiệp\)/, 'a ward of one or two firms is hidden');
  assert.deepEqual(await axe(page), [], 'open data: axe');
  const csv = Buffer.from(await (await fetch(`${j.server.origin}/open-data/firms_by_ward.csv`)).arrayBuffer());
  assert.ok(csv.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), 'a byte-order mark, so that Excel reads Vietnamese');
  assert.match(csv.toString('utf8'), /^\uFEFFkey,label_vi,label_en,value,suppressed\r\n/);
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
