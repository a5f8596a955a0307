// A regulator, in English, moves a sandbox application through an
// information request, the assessment against the programme's criteria and
// the approval; once the firm starts testing, the public register shows it
// to a browser that never signed in. The firm's own steps go through the API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { api, axe, timed, signInAs, journey } from './harness.mjs';

const j = journey();
const founder = 'demo-founder-10'; // PortPay
const product = 'Ví điện tử thanh toán phí cảng';

test('a sandbox application from submission to the public register', async () => {
  const { page } = j.b;
  const origin = j.server.origin;
  const { sandboxPrograms } = await api(origin, founder, '{ sandboxPrograms { id } }');
  const { viewer } = await api(origin, founder, '{ viewer { organization { ... on Startup { id } } } }');
  const startOn = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const created = await api(origin, founder, `mutation($in: CreateSandboxApplicationInput!) {
    createSandboxApplication(input: $in) { sandboxApplication { id version } userErrors { field message } } }`, {
    in: {
      programId: sandboxPrograms[0].id, startupId: viewer.organization.id,
      proposal: {
        product, innovation: 'Đối soát tự động theo container', consumerBenefit: 'Giảm thời gian thông quan',
        readiness: 'Đã thử nội bộ với 3 chủ hàng', need: 'Chưa có khung pháp lý cho ví điện tử phí cảng',
        requested: { durationDays: 365, maxCustomers: 2000, capPerCustomerVnd: '50000000', totalCapVnd: '10000000000' },
        startOn, risks: 'Lỗi đối soát', mitigations: 'Đối soát hằng ngày', safeguards: 'Hoàn tiền trong 24 giờ',
        disclosure: 'Thông báo trên ứng dụng', exitPlan: 'Chuyển về chuyển khoản', documents: ['files/ho-so.pdf'],
      },
    },
  });
  const app = created.createSandboxApplication.sandboxApplication;
  assert.ok(app, JSON.stringify(created.createSandboxApplication.userErrors));
  await api(origin, founder, `mutation($in: SandboxApplicationActionInput!) { submitSandboxApplication(input: $in) { userErrors { message } } }`,
    { in: { id: app.id, version: app.version } });

  await page.goto(origin + '/');
  await page.getByRole('button', { name: 'EN' }).click();
  await signInAs(page, origin, /Cán bộ quản lý thử nghiệm/);
  await page.getByRole('heading', { name: 'Sandbox applications' }).waitFor();
  const row = page.getByRole('row', { name: new RegExp(product) });
  await row.waitFor();
  assert.match(await row.innerText(), /Submitted[\s\S]*working days left[\s\S]*acknowledge by/, 'the clock in working days');
  assert.match(await page.locator('tbody tr').first().innerText(), /working days overdue/, "the demo's overdue acknowledgement first");
  assert.deepEqual(await axe(page), [], 'queue: axe');

  await timed('regulator', 'case', page, () => page.getByRole('link', { name: product }).click(), 'Proposal');
  assert.deepEqual(await axe(page), [], 'case: axe');
  await page.getByRole('button', { name: 'Acknowledge' }).click();
  await page.getByText('Under assessment').first().waitFor();
  await page.getByLabel('Request information').fill('Xin gửi quy trình hoàn tiền chi tiết và hợp đồng với ngân hàng đối tác.');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await page.getByText('Information requested').first().waitFor();
  await page.getByText('Waiting for the firm').waitFor();

  // The firm answers; the regulator reads it.
  const { node } = await api(origin, founder, `query($id: ID!) { node(id: $id) { ... on SandboxApplication { version } } }`, { id: app.id });
  await api(origin, founder, `mutation($in: SandboxTextInput!) { answerSandboxInformation(input: $in) { userErrors { message } } }`,
    { in: { id: app.id, version: node.version, text: 'Quy trình hoàn tiền trong 24 giờ; hợp đồng với Ngân hàng Hàng Hải đính kèm.' } });
  await page.reload();
  await page.getByText(/Quy trình hoàn tiền trong 24 giờ/).waitFor();
  await page.getByText('Under assessment').first().waitFor();

  // Assessment against each criterion, with its indicators for and against.
  await page.getByText('Indicators for').first().waitFor();
  for (const box of await page.getByRole('checkbox', { name: /^Met: / }).all()) await box.check();
  assert.deepEqual(await axe(page), [], 'assessment: axe');
  await page.getByRole('button', { name: 'Record the assessment' }).click();
  await page.getByRole('heading', { name: 'Approve with test parameters' }).waitFor();
  await page.getByLabel('Most customers').fill('1500');
  await page.getByLabel('Conditions, one per line').fill('Báo cáo sự cố trong 24 giờ');
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByText('Approved').first().waitFor();
  assert.match(await page.locator('main').innerText(), /Certified\s*365 days, at most 1500 customers/);

  // The firm starts testing; the public register shows it without signing in.
  const approved = await api(origin, founder, `query($id: ID!) { node(id: $id) { ... on SandboxApplication { version } } }`, { id: app.id });
  await api(origin, founder, `mutation($in: SandboxApplicationActionInput!) { startSandboxTest(input: $in) { userErrors { message } } }`,
    { in: { id: app.id, version: approved.node.version } });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'VI' }).click();
  await timed('public', 'sandbox register', page, () => page.getByRole('navigation').getByRole('link', { name: 'Sổ đăng ký thử nghiệm' }).click(), product);
  const entry = page.getByRole('row', { name: new RegExp(product) });
  assert.match(await entry.innerText(), /Đang thử nghiệm/);
  assert.deepEqual(await axe(page), [], 'public register: axe');
  assert.deepEqual(j.b.refused, [], 'no request left the machine');
  assert.deepEqual(j.b.consoleErrors, []);
});
