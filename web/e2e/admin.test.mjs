// An admin drafts a new version of a criteria set (a compile error shown in
// the editor first), sees which firms the change would move, publishes it;
// runs score-matches now and watches it finish; fits the matching weights,
// compares them with the active ones and publishes them; imports a 200-row XLSX with
// 3 bad rows and sees exactly those 3 reported, then the rest imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axe, timed, signInAs, journey } from './harness.mjs';
import { taxCode, xlsx } from './xlsx.mjs';

const j = journey();

test('an admin changes the criteria, runs a job and onboards 200 firms', async () => {
  const { page } = j.b;
  const origin = j.server.origin;
  await signInAs(page, origin, /Quản trị viên Innoport/);
  await page.getByRole('heading', { name: 'Bộ tiêu chí sàng lọc' }).waitFor();
  const active = page.getByRole('link', { name: 'Doanh nghiệp nhỏ và vừa khởi nghiệp sáng tạo' });
  await active.waitFor();
  assert.deepEqual(await axe(page), [], 'criteria sets: axe');

  await timed('admin', 'criteria set with results', page, () => active.click(), 'Kết quả sàng lọc toàn thành phố');
  const notEligible = page.getByRole('button', { name: /^Chưa đủ điều kiện \(\d+\)$/ });
  await notEligible.click();
  await page.locator('button[aria-pressed="true"]', { hasText: 'Chưa đủ điều kiện' }).waitFor();
  const results = page.getByRole('region', { name: 'Kết quả sàng lọc toàn thành phố' });
  await page.locator('section[aria-busy="false"]', { has: page.getByRole('heading', { name: 'Kết quả sàng lọc toàn thành phố' }) }).waitFor();
  const listed = results.getByRole('listitem');
  await listed.filter({ hasText: '— Chưa đủ điều kiện' }).first().waitFor();
  for (const item of await listed.allInnerTexts()) assert.match(item, /— Chưa đủ điều kiện/, 'only the status asked for');
  assert.deepEqual(await axe(page), [], 'active set: axe');
  await page.getByRole('button', { name: 'Tạo bản nháp mới từ bộ này' }).click();
  await page.getByRole('button', { name: 'Xem trước thay đổi (what-if)' }).waitFor();
  const expr = page.getByLabel('Biểu thức — support_confirmation');
  await expr.fill('firm.confirmations.exists(c, c.issuedOn <= asOf');
  await page.locator('#sc5-expr-check .problems').waitFor();
  assert.match(await page.locator('#sc5-expr-check').innerText(), /Dòng 1, cột \d+/);
  await expr.fill('firm.confirmations.exists(c, c.issuedOn <= asOf) || firm.ipAssets.size() == 0');
  await page.locator('#sc5-expr-check').getByText('Biểu thức hợp lệ.').waitFor();
  assert.deepEqual(await axe(page), [], 'draft editor: axe');
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click();
  await timed('admin', 'what-if preview', page, () => page.getByRole('button', { name: 'Xem trước thay đổi (what-if)' }).click(), 'Nếu công bố bộ này');
  const preview = page.getByRole('region', { name: 'Nếu công bố bộ này' });
  assert.match(await preview.getByRole('status').innerText(), /^[1-9]\d* trong \d+ doanh nghiệp đổi trạng thái\.$/);
  assert.ok(await preview.locator('tbody tr').count() > 0, 'the firms that would change, by name');
  assert.match(await preview.locator('tbody').innerText(), /Đủ điều kiện/);
  await page.getByRole('button', { name: 'Công bố áp dụng' }).click();
  await page.getByText('Đang áp dụng').first().waitFor();

  // score-matches, now, followed until it finishes.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tác vụ' }).click();
  const row = page.getByRole('row', { name: /^score-matches/ });
  await row.waitFor();
  assert.deepEqual(await axe(page), [], 'jobs: axe');
  await row.getByRole('button', { name: 'Chạy ngay score-matches' }).click();
  await row.getByText('Chạy tay').waitFor();
  await row.getByText('Thành công').waitFor({ timeout: 60_000 });

  // Matching weights: the shipped version active; a fit on the demo's outcomes (too few to move any
  // kind's weights), compared with the active version on the stored data, then published.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Trọng số ghép nối' }).click();
  const v1 = page.getByRole('region', { name: /^Phiên bản 1 / });
  await v1.waitFor();
  assert.match(await v1.innerText(), /Đang áp dụng[\s\S]*Mặc định khi cài đặt/);
  assert.match(await v1.locator('tbody').innerText(), /Đối tác tương tự\t5%\t61%\t5%\t—/, 'the collaborative weight per kind');
  assert.deepEqual(await axe(page), [], 'weights: axe');
  await page.getByLabel('Ghi chú cho bản khớp mới').fill('Khớp lần đầu');
  await page.getByRole('button', { name: 'Khớp trọng số từ kết quả thực tế' }).click();
  const v2 = page.getByRole('region', { name: /^Phiên bản 2 / });
  await v2.waitFor();
  assert.match(await v2.innerText(), /Bản nháp[\s\S]*Khớp từ kết quả thực tế · .* · Khớp lần đầu/);
  assert.match(await v2.innerText(), /Chưa đủ kết quả \(dưới 10 đối tượng\): giữ trọng số cũ/);
  await v2.getByRole('button', { name: 'So sánh với phiên bản 1' }).click();
  const comparison = page.getByRole('region', { name: 'So sánh phiên bản 1 và 2' });
  await comparison.waitFor();
  assert.match(await comparison.getByRole('status').innerText(),
    /^0 trong \d+ danh sách gợi ý sẽ thay đổi; trung bình 100% mỗi danh sách được giữ lại\.$/, 'the same weights change nothing');
  assert.match(await comparison.locator('tbody').innerText(), /^Nhà đầu tư\t\d+\t\d+%\t\d+%/);
  assert.deepEqual(await axe(page), [], 'weights compared: axe');
  await v2.getByRole('button', { name: 'Công bố phiên bản 2' }).click();
  await page.getByRole('region', { name: /^Phiên bản 2 Đang áp dụng/ }).waitFor();
  await page.getByRole('region', { name: /^Phiên bản 1 Đã thôi áp dụng/ }).waitFor();

  // 200 firms, 3 of them bad: each refused row by its line, nothing of it written.
  const header = ['Mã số thuế', 'Tên doanh nghiệp', 'Ngày thành lập', 'Phường/Xã', 'Lĩnh vực', 'Giai đoạn', 'Số thành viên', 'Email liên hệ', 'Mô tả'];
  const rows = Array.from({ length: 200 }, (_, i) => [taxCode('31', 7000 + i), `Công ty Nhập ${String(i).padStart(3, '0')}`, '15/03/2024',
    'Ngô Quyền', 'PORT_LOGISTICS;Phần mềm và SaaS', 'Hạt giống', 5 + (i % 7), `lienhe${i}@nhap.vn`, 'Doanh nghiệp nhập từ danh sách']);
  rows[17][0] = '0100233489'; // wrong check digit
  rows[80][4] = 'SHIPBUILDING'; // not in the taxonomy
  rows[150][0] = rows[3][0]; // the tax code of another row
  const file = join(mkdtempSync(join(tmpdir(), 'innoport-import-')), 'doanh-nghiep.xlsx');
  writeFileSync(file, xlsx([header, ...rows]));
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhập startup' }).click();
  await page.getByLabel('Tệp danh sách').setInputFiles(file);
  await timed('admin', 'import dry run', page, () => page.getByRole('button', { name: 'Kiểm tra (không ghi)' }).click(), 'Kết quả kiểm tra');
  const report = page.getByRole('region', { name: 'Kết quả kiểm tra' });
  assert.equal(await report.getByRole('status').innerText(), '200 dòng: 197 tạo mới, 0 cập nhật, 0 không đổi, 3 bị từ chối.');
  const refused = await report.locator('tr.problem-row').allInnerTexts();
  assert.equal(refused.length, 3, 'exactly the 3 bad rows');
  assert.match(refused[0], /^19\t0100233489\ttaxCode\tINVALID_TAX_CODE/);
  assert.match(refused[1], /^82\t.*\tsectors\tINVALID_VALUE/);
  assert.match(refused[2], /^152\t.*\ttaxCode\tDUPLICATE_TAX_CODE\t.*dòng 5/);
  assert.deepEqual(await axe(page), [], 'import report: axe');
  await timed('admin', 'import', page, () => page.getByRole('button', { name: 'Nhập 197 dòng hợp lệ' }).click(), 'Kết quả nhập');
  assert.equal(await page.getByRole('region', { name: 'Kết quả nhập' }).getByRole('status').innerText(),
    '200 dòng: 197 tạo mới, 0 cập nhật, 0 không đổi, 3 bị từ chối.');

  // Pasted CSV with the API's column names: one firm's stage and team, a dry run.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh mục tổ chức' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Nhập startup' }).click();
  await page.getByLabel('Hoặc dán nội dung CSV (khi không chọn tệp)').fill(`taxCode,stage,teamSize\n${rows[0][0]},SERIES_A,12\n`);
  await page.getByRole('button', { name: 'Kiểm tra (không ghi)' }).click();
  assert.equal(await page.getByRole('region', { name: 'Kết quả kiểm tra' }).getByRole('status').innerText(),
    '1 dòng: 0 tạo mới, 1 cập nhật, 0 không đổi, 0 bị từ chối.');

  // The registry: an incubator registered (a bad website refused at its field), then renamed.
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Danh mục tổ chức' }).click();
  await page.getByRole('heading', { name: 'Đăng ký vườn ươm' }).waitFor();
  await page.locator('#inc-name').fill('Trung tâm Đổi mới sáng tạo Hải Dương');
  await page.locator('#inc-university').fill('Đại học Hải Dương');
  await page.locator('#inc-ward').fill('Thành Đông');
  await page.locator('#inc-website').fill('ftp://dhhd.edu.vn');
  await page.locator('#inc-program').fill('Ươm tạo công nghệ nông nghiệp');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).first().click();
  await page.locator('#inc-website-err').waitFor();
  assert.equal(await page.locator('#inc-website').getAttribute('aria-invalid'), 'true');
  await page.locator('#inc-website').fill('https://uhd.edu.vn');
  await page.getByRole('button', { name: 'Đăng ký', exact: true }).first().click();
  await page.getByRole('button', { name: 'Sửa Trung tâm Đổi mới sáng tạo Hải Dương' }).click();
  await page.locator('#inc-name').fill('Trung tâm ĐMST Hải Dương');
  await page.getByRole('button', { name: 'Lưu' }).first().click();
  await page.getByText('Trung tâm ĐMST Hải Dương').first().waitFor();
  assert.match(await page.locator('main').innerText(), /Trung tâm ĐMST Hải Dương · Đại học Hải Dương · Thành Đông · Ươm tạo công nghệ nông nghiệp/,
    'renamed, its programme kept');
  assert.deepEqual(await axe(page), [], 'registry: axe');

  // The imported firms are in the public directory; the other public pages pass axe too.
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Danh bạ startup' }).click();
  await page.getByLabel('Tìm startup').fill('Công ty Nhập 042');
  await page.getByRole('button', { name: 'Tìm', exact: true }).click();
  await page.getByRole('heading', { name: 'Công ty Nhập 042' }).waitFor({ timeout: 30_000 });
  assert.deepEqual(await axe(page), [], 'directory: axe');
  for (const [link, heading] of [['Đợt gọi vốn đang mở', 'Đợt gọi vốn đang mở'], ['Vườn ươm', 'Vườn ươm và trung tâm hỗ trợ khởi nghiệp'],
    ['Sự kiện', 'Sự kiện sắp diễn ra']]) {
    await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.locator('main article, main .empty').first().waitFor();
    assert.deepEqual(await axe(page), [], `${heading}: axe`);
  }
  assert.match(await page.locator('main').innerText(), /Startup Café|Ngày trình diễn|Kết nối|Hội thảo|Chưa có sự kiện/);
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
