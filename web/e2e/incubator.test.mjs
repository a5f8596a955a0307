// An incubator manager creates and publishes an event, approves a founder's
// registration, schedules the meetings that founder and an investor asked
// for, publishes the final agenda and checks a participant in at the door
// on a phone-sized screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, timed, signInAs, journey } from './harness.mjs';

const j = journey();

/** A datetime-local value in Hai Phong's time (UTC+7). */
const local = (ms) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 16);

const register = `mutation($input: RegisterForEventInput!) { registerForEvent(input: $input) { participant { id status } userErrors { message } } }`;
const markMust = `mutation($id: ID!) { markParticipant(input: { participantId: $id, mark: MUST_MEET }) { userErrors { message } } }`;

test('an incubator manager runs an event, in Vietnamese', async () => {
  const { page } = j.b;
  await signInAs(page, j.server.origin, /^Quản lý /);
  await page.getByRole('heading', { level: 1, name: 'Quản lý sự kiện' }).waitFor();
  assert.deepEqual(await axe(page), [], 'events: axe');

  await timed('incubator', 'new event form', page, () => page.getByRole('link', { name: 'Tạo sự kiện' }).click(), 'Tạo bản nháp');
  assert.deepEqual(await axe(page), [], 'new event: axe');
  // Under way now, so the door is open for check-in today.
  const now = Date.now();
  await page.getByLabel('Tên sự kiện').fill('Startup Café: Công nghệ cảng biển');
  await page.getByLabel('Địa điểm').fill('Vườn ươm Đại học Hàng hải, Lê Chân');
  await page.getByLabel('Bắt đầu (giờ Hải Phòng)').fill(local(now - 10 * 60_000));
  await page.getByLabel('Kết thúc').fill(local(now + 3 * 3600_000));
  await page.getByLabel('Mở đăng ký').fill(local(now - 20 * 60_000));
  await page.getByLabel('Đóng đăng ký').fill(local(now + 2 * 3600_000));
  await timed('incubator', 'create then manage', page, () => page.getByRole('button', { name: 'Tạo bản nháp' }).click(), 'Công bố sự kiện');
  await page.getByRole('button', { name: 'Công bố sự kiện' }).click();
  await page.getByText('Đã công bố sự kiện.').waitFor();
  const eventId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop());

  // A founder (approval needed) and an investor register and want to meet.
  const founder = await j.server.token('demo-founder-0');
  const investor = await j.server.token('demo-investor-0');
  const f = (await j.server.graphql(founder, register, { input: { eventId, name: 'Nguyễn Văn Cảng' } })).registerForEvent.participant;
  const i = (await j.server.graphql(investor, register, { input: { eventId, name: 'Trần Thị Vốn' } })).registerForEvent.participant;
  assert.equal(f.status, 'PENDING_APPROVAL');
  assert.equal(i.status, 'CONFIRMED');

  await page.reload();
  await page.getByRole('button', { name: 'Duyệt Nguyễn Văn Cảng' }).click();
  await page.getByText('Đã duyệt Nguyễn Văn Cảng.').waitFor();
  assert.deepEqual(await axe(page), [], 'manage event: axe');
  await j.server.graphql(founder, markMust, { id: i.id });
  await j.server.graphql(investor, markMust, { id: f.id });

  await page.getByRole('button', { name: 'Xếp lịch gặp' }).click();
  await page.getByText('Đã xếp 1/1 cuộc gặp.').waitFor();
  const grid = page.getByRole('table', { name: 'Lượt × bàn' });
  await grid.getByText('Nguyễn Văn Cảng · Trần Thị Vốn').waitFor();
  await page.getByRole('button', { name: 'Công bố lịch chính thức' }).click();
  await page.getByText('Đã công bố lịch chính thức.').waitFor();
  await page.getByText('Chính thức', { exact: true }).waitFor();
  assert.deepEqual(await axe(page), [], 'schedule: axe');

  // At the door, on a phone.
  await page.setViewportSize({ width: 375, height: 740 });
  await timed('incubator', 'check-in', page, () => page.getByRole('link', { name: 'Điểm danh' }).click(), 'đã đến');
  await page.getByRole('searchbox', { name: 'Tìm người tham dự' }).fill('nguyen van cang');
  await page.getByRole('button', { name: 'Điểm danh Nguyễn Văn Cảng' }).click();
  await page.getByText('Nguyễn Văn Cảng đã điểm danh').waitFor();
  await page.getByText(/^Đã đến \d/).waitFor();
  assert.match(await page.getByRole('status').first().innerText(), /^1\/2 đã đến/);
  assert.deepEqual(await axe(page), [], 'check-in: axe');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no sideways scrolling at 375 px');

  await timed('incubator', 'our startups', page, () => page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Startup của vườn ươm' }).click(), 'Nhà đầu tư phù hợp nhất');
  assert.deepEqual(await axe(page), [], 'our startups: axe');
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
