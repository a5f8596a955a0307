// A fund manager drafts a call (two questions, a CEL rule whose compile
// error the editor shows at its line and column), publishes it; a founder
// applies; the manager assigns reviewers (one refused for a conflict of
// interest, with its reason); both score; the ranking draws the budget
// line; the manager awards and decides; the founder sees the decision.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { axe, timed, signInAs, signOut, journey } from './harness.mjs';

const j = journey();
const title = 'Đổi mới cảng biển 2027';

async function apply(page, origin, founder, amount) {
  await signInAs(page, origin, founder);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Đợt gọi vốn' }).click();
  await page.getByRole('link', { name: title }).click();
  await page.getByLabel(/Số tiền đề nghị/).fill(amount);
  await page.getByLabel(/Mô tả giải pháp/).fill('Nền tảng điều phối xe tải vào cảng theo thời gian thực cho Lạch Huyện.');
  await page.getByLabel(/Số khách hàng thí điểm/).fill('4');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByText('Trạng thái:').waitFor();
  await signOut(page);
}

async function score(page, firm, value) {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ được phân công' }).click();
  await timed('review', 'scoring form', page, () => page.getByRole('link', { name: firm }).click(), 'Chấm điểm');
  const input = page.getByLabel('Điểm — Tính đổi mới');
  await input.fill('4.3');
  await page.getByText('Điểm theo bước 0,5.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Gửi điểm' }).isDisabled(), true, 'half points only');
  await input.fill(value);
  await page.getByLabel('Nhận xét — Tính đổi mới').fill('Giải pháp rõ ràng, cần thêm số liệu thí điểm.');
  assert.deepEqual(await axe(page), [], 'scoring form: axe');
  await page.getByRole('button', { name: 'Gửi điểm' }).click();
  await page.getByText('Đã ghi nhận điểm của bạn.').waitFor();
}

async function assign(page, reviewers) {
  for (const r of reviewers) await page.getByRole('checkbox', { name: r }).check();
  await page.getByRole('button', { name: 'Phân công', exact: true }).click();
}

const portSense = 'Công ty CP Cảng Số Hải Phòng';
const dinhVu = 'Công ty TNHH Logistics Thông minh Đình Vũ';

test('a call from draft to decision, across the fund, a founder and two reviewers', async () => {
  const { page } = j.b;
  const origin = j.server.origin;

  // The fund manager drafts the call.
  await signInAs(page, origin, /Quản lý quỹ/);
  await page.getByRole('link', { name: 'Tạo đợt gọi vốn' }).waitFor();
  assert.deepEqual(await axe(page), [], 'fund home: axe');
  await timed('fund', 'call editor', page, () => page.getByRole('link', { name: 'Tạo đợt gọi vốn' }).click(), 'Câu hỏi của mẫu hồ sơ');
  await page.getByLabel('Tiêu đề').fill(title);
  await page.getByLabel('Ngân sách (đồng)').fill('2000000000');
  await page.getByLabel('Mức tài trợ tối thiểu (đồng)').fill('500000000');
  await page.getByLabel('Mức tài trợ tối đa (đồng)').fill('1500000000');
  await page.getByLabel('Mã (không dấu)').first().fill('solution');
  await page.getByLabel('Câu hỏi (tiếng Việt)').first().fill('Mô tả giải pháp');
  await page.getByLabel('Câu hỏi (tiếng Anh)').first().fill('Describe the solution');
  await page.getByLabel('Số ký tự tối thiểu').fill('30');
  await page.getByRole('button', { name: 'Thêm câu hỏi' }).click();
  await page.getByLabel('Mã (không dấu)').nth(1).fill('pilots');
  await page.getByLabel('Loại').nth(1).selectOption('NUMBER');
  await page.getByLabel('Câu hỏi (tiếng Việt)').nth(1).fill('Số khách hàng thí điểm');
  await page.getByLabel('Giá trị nhỏ nhất').fill('0');

  await page.getByRole('button', { name: 'Thêm điều kiện' }).click();
  await page.getByLabel('Mã điều kiện').fill('team');
  await page.getByLabel('Mô tả (tiếng Việt)').fill('Đội ngũ từ 3 người');
  await page.getByLabel('Mô tả (tiếng Anh)').fill('A team of three or more');
  const expr = page.getByLabel('Biểu thức', { exact: true });
  await expr.fill('startup.teamSize >= 3 &&\n  startup.teamSze > 0');
  const problems = page.locator('#r0-expr-check .problems');
  await problems.waitFor();
  assert.match(await problems.innerText(), /Dòng 2, cột \d+/, 'the compile error at its line and column');
  assert.equal(await expr.getAttribute('aria-invalid'), 'true');
  await expr.fill('startup.teamSize >= 3');
  await page.getByText('Biểu thức hợp lệ.').waitFor();

  await page.getByLabel('Mã tiêu chí').fill('innovation');
  await page.getByLabel('Tên (tiếng Việt)').fill('Tính đổi mới');
  await page.getByLabel('Ngưỡng đạt').fill('2');
  await page.getByLabel('Ngưỡng tổng điểm có trọng số').fill('2');
  assert.deepEqual(await axe(page), [], 'call editor: axe');
  await timed('fund', 'save draft then call', page, () => page.getByRole('button', { name: 'Lưu bản nháp' }).click(), 'Bản nháp');
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await page.getByRole('button', { name: 'Công bố' }).click();
  await page.getByText('Đang mở').first().waitFor();
  assert.deepEqual(await axe(page), [], 'manage call: axe');
  await signOut(page);

  // Two founders apply through the founder's screens.
  await apply(page, origin, /Nhà sáng lập PortSense/, '1500000000');
  await apply(page, origin, /Nhà sáng lập DinhVu SmartLog/, '1000000000');

  // The manager assigns reviewers: the VMU reviewer is refused for the founder's incubator.
  await signInAs(page, origin, /Quản lý quỹ/);
  await page.getByRole('link', { name: title }).click();
  await timed('fund', 'application', page, () => page.getByRole('link', { name: portSense }).first().click(), 'Phân công chuyên gia');
  await page.getByRole('button', { name: 'Bắt đầu xét' }).click();
  await page.getByText('Đang xét').first().waitFor();
  await assign(page, ['TS. Nguyễn Văn Khoa', 'ThS. Phạm Thu Trang']);
  const refused = page.locator('#assign-err');
  await refused.waitFor();
  assert.match(await refused.innerText(), /ThS\. Phạm Thu Trang: .+/, 'the conflict named with its reason');
  assert.deepEqual(await axe(page), [], 'application with a refused conflict: axe');
  await page.getByRole('checkbox', { name: 'ThS. Phạm Thu Trang' }).uncheck();
  await assign(page, ['PGS. Đặng Hải Yến']);
  await page.getByText('Đã phân công: TS. Nguyễn Văn Khoa, PGS. Đặng Hải Yến').waitFor();
  await page.getByRole('link', { name: 'Về đợt gọi vốn' }).click();
  await page.getByRole('link', { name: dinhVu }).first().click();
  await page.getByRole('button', { name: 'Bắt đầu xét' }).click();
  await page.getByText('Đang xét').first().waitFor();
  await assign(page, ['TS. Nguyễn Văn Khoa']);
  await page.getByText('Đã phân công: TS. Nguyễn Văn Khoa').waitFor();
  await signOut(page);

  // The reviewers score; the scale's half points are enforced as they type.
  await signInAs(page, origin, /TS\. Nguyễn Văn Khoa/);
  await page.getByRole('link', { name: dinhVu }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 2, 'only the applications assigned to the reviewer');
  assert.deepEqual(await axe(page), [], 'my reviews: axe');
  await score(page, portSense, '4,5');
  await score(page, dinhVu, '3');
  await signOut(page);
  await signInAs(page, origin, /PGS\. Đặng Hải Yến/);
  await score(page, portSense, '3');
  await signOut(page);

  // The ranking draws the budget line: 1.5 bn then 1 bn requested of a 2 bn budget.
  await signInAs(page, origin, /Quản lý quỹ/);
  await timed('fund', 'call with ranking', page, () => page.getByRole('link', { name: title }).click(), 'Xếp hạng');
  const ranking = page.locator('table.ranking');
  await ranking.waitFor();
  const rows = await ranking.locator('tbody tr').allInnerTexts();
  assert.equal(rows.length, 3, 'two applications and the line between them');
  assert.match(rows[0], /Cảng Số Hải Phòng[\s\S]*3,75/, 'first, the mean of 4.5 and 3');
  assert.match(rows[1], /Đường ngân sách/);
  assert.match(rows[2], /Đình Vũ/);
  assert.deepEqual(await axe(page), [], 'ranking: axe');
  await page.getByLabel(/Chuẩn hoá điểm/).check();
  await ranking.waitFor();
  await page.getByRole('button', { name: 'Đóng nhận hồ sơ' }).click();
  await page.getByText('Đã đóng').first().waitFor();
  await page.getByRole('link', { name: portSense }).first().click();
  await page.getByRole('button', { name: 'Đưa vào danh sách ngắn' }).click();
  await page.getByRole('button', { name: 'Tài trợ' }).click();
  await page.getByText('Được tài trợ').first().waitFor();
  await page.getByRole('link', { name: 'Về đợt gọi vốn' }).click();
  await page.getByRole('link', { name: dinhVu }).first().click();
  await page.getByLabel('Lý do (gửi startup)').fill('Vượt ngân sách của đợt; mời nộp lại đợt sau.');
  await page.getByRole('button', { name: 'Không chọn' }).click();
  await page.getByText('Không được chọn').first().waitFor();
  await page.getByRole('link', { name: 'Về đợt gọi vốn' }).click();
  await page.getByRole('button', { name: 'Kết thúc xét chọn' }).click();
  await page.getByText('Đã quyết định').first().waitFor();
  await signOut(page);

  // The founder sees the decision.
  await signInAs(page, origin, /Nhà sáng lập PortSense/);
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Hồ sơ đã nộp' }).click();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await row.waitFor();
  assert.match(await row.innerText(), /Được tài trợ/);
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
