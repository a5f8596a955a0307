import { useState, type FormEvent, type ReactNode } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ApplicationStatus, QuestionKind, Sector } from '../gql/graphql';
import type { Session } from '../lib/auth';
import { dateTime, decimal, fromLocalInput, toLocalInput, vnd } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label, values } from '../lib/labels';
import { Link, navigate } from '../lib/router';
import { Empty, ErrorNotice, errorsAt, FieldErrors, FormErrors, Loading, Page, type UserErrorLike as UserError } from '../ui/common';
import { Answers } from '../ui/answers';
import { ExpressionEditor } from '../ui/expression';

type Props = { params: Record<string, string>; session: Session };

const FundHomeQuery = graphql(`
  query FundHome {
    viewer {
      organization {
        __typename
        ... on Fund {
          id name
          callsConnection(first: 50) {
            edges { node { id title status opensAt closesAt budgetVnd applicationCounts { status count } } }
          }
        }
      }
    }
  }
`);

/** The fund's calls, drafts included, newest first. */
export function FundHome() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: FundHomeQuery, requestPolicy: 'cache-and-network' });
  const fund = data?.viewer.organization?.__typename === 'Fund' ? data.viewer.organization : null;
  const calls = fund?.callsConnection.edges.map((e) => e.node) ?? [];
  return (
    <Page title={fund?.name ?? t('Quỹ', 'Fund')} actions={<Link className="button primary" to="/fund/calls/new">{t('Tạo đợt gọi vốn', 'New call')}</Link>}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {fund && !calls.length && <Empty>{t('Quỹ chưa có đợt gọi vốn nào.', 'The fund has no calls yet.')}</Empty>}
      {calls.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Đợt gọi vốn', 'Call')}</th><th scope="col">{t('Trạng thái', 'Status')}</th>
                <th scope="col">{t('Hạn nộp', 'Closes')}</th><th scope="col">{t('Ngân sách', 'Budget')}</th>
                <th scope="col">{t('Hồ sơ', 'Applications')}</th>
              </tr>
            </thead>
            <tbody>
              {calls.map((c) => (
                <tr key={c.id}>
                  <td><Link to={`/fund/calls/${encodeURIComponent(c.id)}`}>{c.title}</Link></td>
                  <td><span className={`badge s-${c.status}`}>{label(t, 'call', c.status)}</span></td>
                  <td>{dateTime(lang, c.closesAt)}</td>
                  <td>{vnd(lang, c.budgetVnd)}</td>
                  <td>{c.applicationCounts.filter((x) => x.status !== 'DRAFT').reduce((n, x) => n + x.count, 0)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

const CallEditorQuery = graphql(`
  query CallEditor($id: ID!, $editing: Boolean!) {
    sectors { sector label }
    node(id: $id) @include(if: $editing) {
      ... on FundCall {
        id version status title description opensAt closesAt budgetVnd ticketMinVnd ticketMaxVnd sectors
        questions { key labelLocalized { vi en } kind required minLength maxLength min max options }
        eligibilityRules { key descriptionLocalized { vi en } expression }
        rubric { overallThreshold criteria { key nameLocalized { vi en } weight max halfPoints threshold } }
      }
    }
    startups(first: 100) @include(if: $editing) { edges { node { id name } } }
  }
`);

const CreateCall = graphql(`
  mutation CreateCall($input: CreateFundCallInput!) {
    createFundCall(input: $input) { fundCall { id } userErrors { field code message } }
  }
`);

const UpdateCall = graphql(`
  mutation UpdateCall($input: UpdateFundCallInput!) {
    updateFundCall(input: $input) { fundCall { id version } userErrors { field code message } }
  }
`);

const TryEligibility = graphql(`
  query TryEligibility($callId: ID!, $startupId: ID!) {
    checkEligibility(callId: $callId, startupId: $startupId) { eligible outcomes { key passed reason } }
  }
`);

interface QuestionForm {
  key: string; label: string; labelEn: string; kind: QuestionKind; required: boolean;
  minLength: string; maxLength: string; min: string; max: string; options: string;
}
interface RuleForm { key: string; description: string; descriptionEn: string; expression: string }
interface CriterionForm { key: string; name: string; nameEn: string; weight: string; max: string; halfPoints: boolean; threshold: string }
interface CallFields {
  title: string; description: string; opensAt: string; closesAt: string;
  budgetVnd: string; ticketMinVnd: string; ticketMaxVnd: string; sectors: Sector[];
  questions: QuestionForm[]; rules: RuleForm[]; criteria: CriterionForm[]; overallThreshold: string;
}

const blankQuestion = (): QuestionForm => ({ key: '', label: '', labelEn: '', kind: 'TEXT', required: true, minLength: '', maxLength: '', min: '', max: '', options: '' });
const blankRule = (): RuleForm => ({ key: '', description: '', descriptionEn: '', expression: '' });
const blankCriterion = (): CriterionForm => ({ key: '', name: '', nameEn: '', weight: '1', max: '5', halfPoints: true, threshold: '0' });
const str = (n: number | null | undefined) => (n == null ? '' : String(n));
const num = (s: string) => (s.trim() === '' ? null : Number(s));
const digits = (s: string) => s.replace(/\D/g, '') || '0';

/** A call's draft: its texts, dates, money, form, eligibility rules (CEL, compiled as typed) and rubric. */
export function CallEditor({ params, session }: Props) {
  const t = useT();
  const editing = !!params.id;
  const [{ data, fetching, error }] = useQuery({ query: CallEditorQuery, variables: { id: params.id ?? '', editing }, requestPolicy: 'network-only' });
  const call = data?.node && 'title' in data.node ? data.node : null;
  if (fetching && !data) return <Page title={t('Đợt gọi vốn', 'Call')}><Loading /></Page>;
  if (error) return <Page title={t('Đợt gọi vốn', 'Call')}><ErrorNotice error={error} /></Page>;
  if (!data || (editing && !call)) return null;
  const initial: CallFields = call ? {
    title: call.title, description: call.description ?? '', opensAt: toLocalInput(call.opensAt), closesAt: toLocalInput(call.closesAt),
    budgetVnd: call.budgetVnd, ticketMinVnd: call.ticketMinVnd, ticketMaxVnd: call.ticketMaxVnd, sectors: [...call.sectors],
    questions: call.questions.map((q) => ({
      key: q.key, label: q.labelLocalized.vi, labelEn: q.labelLocalized.en ?? '', kind: q.kind, required: q.required,
      minLength: str(q.minLength), maxLength: str(q.maxLength), min: str(q.min), max: str(q.max), options: q.options.join('; '),
    })),
    rules: call.eligibilityRules.map((r) => ({ key: r.key, description: r.descriptionLocalized.vi, descriptionEn: r.descriptionLocalized.en ?? '', expression: r.expression })),
    criteria: call.rubric.criteria.map((c) => ({
      key: c.key, name: c.nameLocalized.vi, nameEn: c.nameLocalized.en ?? '', weight: String(c.weight), max: String(c.max),
      halfPoints: c.halfPoints, threshold: String(c.threshold),
    })),
    overallThreshold: String(call.rubric.overallThreshold),
  } : {
    title: '', description: '', opensAt: toLocalInput(new Date().toISOString()),
    closesAt: toLocalInput(new Date(Date.now() + 30 * 86400_000).toISOString()),
    budgetVnd: '', ticketMinVnd: '', ticketMaxVnd: '', sectors: [], questions: [blankQuestion()], rules: [], criteria: [blankCriterion()], overallThreshold: '0',
  };
  return (
    <CallForm initial={initial} sectors={data.sectors} fundId={session.org} call={call ? { id: call.id, version: call.version, status: call.status } : null}
      startups={data.startups?.edges.map((e) => e.node) ?? []} />
  );
}

function CallForm({ initial, sectors, fundId, call, startups }: {
  initial: CallFields; sectors: readonly { sector: Sector; label: string }[]; fundId: string | null;
  call: { id: string; version: number; status: string } | null; startups: readonly { id: string; name: string }[];
}) {
  const t = useT();
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [created, create] = useMutation(CreateCall);
  const [updated, update] = useMutation(UpdateCall);
  const set = <K extends keyof CallFields>(k: K, v: CallFields[K]) => setF((x) => ({ ...x, [k]: v }));
  const setItem = <K extends 'questions' | 'rules' | 'criteria'>(k: K, i: number, patch: Partial<CallFields[K][number]>) =>
    setF((x) => ({ ...x, [k]: x[k].map((it, j) => (j === i ? { ...it, ...patch } : it)) }));
  const remove = (k: 'questions' | 'rules' | 'criteria', i: number) => setF((x) => ({ ...x, [k]: x[k].filter((_, j) => j !== i) }));
  const input = () => ({
    title: f.title, description: f.description || null, opensAt: fromLocalInput(f.opensAt), closesAt: fromLocalInput(f.closesAt),
    budgetVnd: digits(f.budgetVnd), ticketMinVnd: digits(f.ticketMinVnd), ticketMaxVnd: digits(f.ticketMaxVnd), sectors: f.sectors,
    questions: f.questions.map((q) => ({
      key: q.key, label: q.label, labelEn: q.labelEn || null, kind: q.kind, required: q.required,
      minLength: num(q.minLength), maxLength: num(q.maxLength), min: num(q.min), max: num(q.max),
      options: q.options.split(';').map((o) => o.trim()).filter(Boolean),
    })),
    eligibilityRules: f.rules.map((r) => ({ key: r.key, description: r.description, descriptionEn: r.descriptionEn, expression: r.expression })),
    rubric: {
      overallThreshold: Number(f.overallThreshold),
      criteria: f.criteria.map((c) => ({
        key: c.key, name: c.name, nameEn: c.nameEn || null, weight: Number(c.weight), max: Number(c.max),
        halfPoints: c.halfPoints, threshold: Number(c.threshold),
      })),
    },
  });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (call) {
      const r = await update({ input: { id: call.id, version: call.version, ...input() } });
      const p = r.data?.updateFundCall;
      if (!p) return;
      setErrors(p.userErrors);
      if (p.fundCall) navigate(`/fund/calls/${encodeURIComponent(p.fundCall.id)}`);
    } else {
      if (!fundId) return;
      const r = await create({ input: { fundId, ...input() } });
      const p = r.data?.createFundCall;
      if (!p) return;
      setErrors(p.userErrors);
      if (p.fundCall) navigate(`/fund/calls/${encodeURIComponent(p.fundCall.id)}`);
    }
  };
  const field = (id: string, text: string, path: string, control: ReactNode) => (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      {control}
      <FieldErrors id={`${id}-err`} errors={errorsAt(errors, path)} />
    </div>
  );
  const inv = (path: string) => (errorsAt(errors, path).length ? true : undefined);
  const shown = ['title', 'description', 'opensAt', 'closesAt', 'budgetVnd', 'ticketMinVnd', 'ticketMaxVnd', 'sectors', 'questions', 'eligibilityRules', 'rubric'];
  const title = call ? t('Sửa đợt gọi vốn', 'Edit call') : t('Đợt gọi vốn mới', 'New call');
  return (
    <Page title={title}>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormErrors errors={errors} shown={shown} />
        <fieldset>
          <legend>{t('Thông tin chung', 'About the call')}</legend>
          {field('c-title', t('Tiêu đề', 'Title'), 'title', <input id="c-title" value={f.title} onChange={(e) => set('title', e.target.value)} aria-invalid={inv('title')} aria-describedby="c-title-err" />)}
          {field('c-desc', t('Mô tả', 'Description'), 'description', <textarea id="c-desc" rows={3} value={f.description} onChange={(e) => set('description', e.target.value)} aria-describedby="c-desc-err" />)}
          <div className="grid2">
            {field('c-opens', t('Mở nhận hồ sơ (giờ Hải Phòng)', 'Opens (Hai Phong time)'), 'opensAt', <input id="c-opens" type="datetime-local" value={f.opensAt} onChange={(e) => set('opensAt', e.target.value)} aria-describedby="c-opens-err" />)}
            {field('c-closes', t('Hạn nộp (giờ Hải Phòng)', 'Closes (Hai Phong time)'), 'closesAt', <input id="c-closes" type="datetime-local" value={f.closesAt} onChange={(e) => set('closesAt', e.target.value)} aria-invalid={inv('closesAt')} aria-describedby="c-closes-err" />)}
            {field('c-budget', t('Ngân sách (đồng)', 'Budget (đồng)'), 'budgetVnd', <input id="c-budget" inputMode="numeric" value={f.budgetVnd} onChange={(e) => set('budgetVnd', e.target.value)} aria-invalid={inv('budgetVnd')} aria-describedby="c-budget-err" />)}
            {field('c-tmin', t('Mức tài trợ tối thiểu (đồng)', 'Smallest ticket (đồng)'), 'ticketMinVnd', <input id="c-tmin" inputMode="numeric" value={f.ticketMinVnd} onChange={(e) => set('ticketMinVnd', e.target.value)} aria-invalid={inv('ticketMinVnd')} aria-describedby="c-tmin-err" />)}
            {field('c-tmax', t('Mức tài trợ tối đa (đồng)', 'Largest ticket (đồng)'), 'ticketMaxVnd', <input id="c-tmax" inputMode="numeric" value={f.ticketMaxVnd} onChange={(e) => set('ticketMaxVnd', e.target.value)} aria-invalid={inv('ticketMaxVnd')} aria-describedby="c-tmax-err" />)}
          </div>
          <fieldset className="checks-inline">
            <legend>{t('Lĩnh vực (để trống: mọi lĩnh vực)', 'Sectors (none: any sector)')}</legend>
            {sectors.map((s) => (
              <label key={s.sector} className="check">
                <input type="checkbox" checked={f.sectors.includes(s.sector)}
                  onChange={(e) => set('sectors', e.target.checked ? [...f.sectors, s.sector] : f.sectors.filter((x) => x !== s.sector))} />
                {s.label}
              </label>
            ))}
          </fieldset>
        </fieldset>

        <fieldset>
          <legend>{t('Câu hỏi của mẫu hồ sơ', 'The application form')}</legend>
          {f.questions.map((q, i) => {
            const at = `questions.${i}`;
            const id = `q${i}`;
            return (
              <fieldset key={i} className="card">
                <legend>{t(`Câu hỏi ${i + 1}`, `Question ${i + 1}`)}</legend>
                <div className="grid2">
                  {field(`${id}-key`, t('Mã (không dấu)', 'Key'), `${at}.key`, <input id={`${id}-key`} value={q.key} onChange={(e) => setItem('questions', i, { key: e.target.value })} aria-describedby={`${id}-key-err`} />)}
                  {field(`${id}-kind`, t('Loại', 'Kind'), `${at}.kind`, (
                    <select id={`${id}-kind`} value={q.kind} onChange={(e) => setItem('questions', i, { kind: e.target.value as QuestionKind })}>
                      {values('questionKind').map((k) => <option key={k} value={k}>{label(t, 'questionKind', k)}</option>)}
                    </select>
                  ))}
                  {field(`${id}-label`, t('Câu hỏi (tiếng Việt)', 'Question (Vietnamese)'), `${at}.label`, <input id={`${id}-label`} value={q.label} onChange={(e) => setItem('questions', i, { label: e.target.value })} aria-describedby={`${id}-label-err`} />)}
                  {field(`${id}-labelEn`, t('Câu hỏi (tiếng Anh)', 'Question (English)'), `${at}.labelEn`, <input id={`${id}-labelEn`} value={q.labelEn} onChange={(e) => setItem('questions', i, { labelEn: e.target.value })} aria-describedby={`${id}-labelEn-err`} />)}
                  {q.kind === 'TEXT' && field(`${id}-minl`, t('Số ký tự tối thiểu', 'Fewest characters'), `${at}.minLength`, <input id={`${id}-minl`} type="number" min={0} value={q.minLength} onChange={(e) => setItem('questions', i, { minLength: e.target.value })} aria-describedby={`${id}-minl-err`} />)}
                  {q.kind === 'TEXT' && field(`${id}-maxl`, t('Số ký tự tối đa', 'Most characters'), `${at}.maxLength`, <input id={`${id}-maxl`} type="number" min={1} value={q.maxLength} onChange={(e) => setItem('questions', i, { maxLength: e.target.value })} aria-describedby={`${id}-maxl-err`} />)}
                  {q.kind === 'NUMBER' && field(`${id}-min`, t('Giá trị nhỏ nhất', 'Smallest value'), `${at}.min`, <input id={`${id}-min`} type="number" value={q.min} onChange={(e) => setItem('questions', i, { min: e.target.value })} aria-describedby={`${id}-min-err`} />)}
                  {q.kind === 'NUMBER' && field(`${id}-max`, t('Giá trị lớn nhất', 'Largest value'), `${at}.max`, <input id={`${id}-max`} type="number" value={q.max} onChange={(e) => setItem('questions', i, { max: e.target.value })} aria-describedby={`${id}-max-err`} />)}
                  {(q.kind === 'SINGLE_CHOICE' || q.kind === 'MULTIPLE_CHOICE') && field(`${id}-opts`, t('Các lựa chọn, cách nhau bởi ;', 'Options, separated by ;'), `${at}.options`, <input id={`${id}-opts`} value={q.options} onChange={(e) => setItem('questions', i, { options: e.target.value })} aria-describedby={`${id}-opts-err`} />)}
                </div>
                <label className="check"><input type="checkbox" checked={q.required} onChange={(e) => setItem('questions', i, { required: e.target.checked })} />{t('Bắt buộc', 'Required')}</label>
                <button type="button" className="link" onClick={() => remove('questions', i)}>{t(`Xoá câu hỏi ${i + 1}`, `Remove question ${i + 1}`)}</button>
              </fieldset>
            );
          })}
          <button type="button" onClick={() => set('questions', [...f.questions, blankQuestion()])}>{t('Thêm câu hỏi', 'Add a question')}</button>
        </fieldset>

        <fieldset>
          <legend>{t('Điều kiện tham gia (CEL)', 'Eligibility rules (CEL)')}</legend>
          <p className="muted">{t('Biến: startup (teamSize, foundedOn, sectors, stage, ward, …), call, today. Ví dụ: startup.teamSize >= 3',
            'Variables: startup (teamSize, foundedOn, sectors, stage, ward, …), call, today. Example: startup.teamSize >= 3')}</p>
          {f.rules.map((r, i) => {
            const at = `eligibilityRules.${i}`;
            const id = `r${i}`;
            return (
              <fieldset key={i} className="card">
                <legend>{t(`Điều kiện ${i + 1}`, `Rule ${i + 1}`)}</legend>
                <div className="grid2">
                  {field(`${id}-key`, t('Mã điều kiện', 'Rule key'), `${at}.key`, <input id={`${id}-key`} value={r.key} onChange={(e) => setItem('rules', i, { key: e.target.value })} aria-describedby={`${id}-key-err`} />)}
                  {field(`${id}-desc`, t('Mô tả (tiếng Việt)', 'Description (Vietnamese)'), `${at}.description`, <input id={`${id}-desc`} value={r.description} onChange={(e) => setItem('rules', i, { description: e.target.value })} aria-describedby={`${id}-desc-err`} />)}
                  {field(`${id}-descEn`, t('Mô tả (tiếng Anh)', 'Description (English)'), `${at}.descriptionEn`, <input id={`${id}-descEn`} value={r.descriptionEn} onChange={(e) => setItem('rules', i, { descriptionEn: e.target.value })} aria-describedby={`${id}-descEn-err`} />)}
                </div>
                <ExpressionEditor id={`${id}-expr`} label={t('Biểu thức', 'Expression')} value={r.expression} language="ELIGIBILITY_RULE"
                  onChange={(v) => setItem('rules', i, { expression: v })} errors={errorsAt(errors, `${at}.expression`)} />
                <button type="button" className="link" onClick={() => remove('rules', i)}>{t(`Xoá điều kiện ${i + 1}`, `Remove rule ${i + 1}`)}</button>
              </fieldset>
            );
          })}
          <button type="button" onClick={() => set('rules', [...f.rules, blankRule()])}>{t('Thêm điều kiện', 'Add a rule')}</button>
          {call && startups.length > 0 && <TryRules callId={call.id} startups={startups} />}
        </fieldset>

        <fieldset>
          <legend>{t('Tiêu chí chấm điểm', 'Scoring rubric')}</legend>
          {f.criteria.map((c, i) => {
            const at = `rubric.criteria.${i}`;
            const id = `k${i}`;
            return (
              <fieldset key={i} className="card">
                <legend>{t(`Tiêu chí ${i + 1}`, `Criterion ${i + 1}`)}</legend>
                <div className="grid2">
                  {field(`${id}-key`, t('Mã tiêu chí', 'Criterion key'), `${at}.key`, <input id={`${id}-key`} value={c.key} onChange={(e) => setItem('criteria', i, { key: e.target.value })} aria-describedby={`${id}-key-err`} />)}
                  {field(`${id}-name`, t('Tên (tiếng Việt)', 'Name (Vietnamese)'), `${at}.name`, <input id={`${id}-name`} value={c.name} onChange={(e) => setItem('criteria', i, { name: e.target.value })} aria-describedby={`${id}-name-err`} />)}
                  {field(`${id}-nameEn`, t('Tên (tiếng Anh)', 'Name (English)'), `${at}.nameEn`, <input id={`${id}-nameEn`} value={c.nameEn} onChange={(e) => setItem('criteria', i, { nameEn: e.target.value })} aria-describedby={`${id}-nameEn-err`} />)}
                  {field(`${id}-weight`, t('Trọng số', 'Weight'), `${at}.weight`, <input id={`${id}-weight`} type="number" step="0.1" min={0} value={c.weight} onChange={(e) => setItem('criteria', i, { weight: e.target.value })} aria-describedby={`${id}-weight-err`} />)}
                  {field(`${id}-max`, t('Thang điểm (tối đa)', 'Scale (most points)'), `${at}.max`, <input id={`${id}-max`} type="number" min={1} value={c.max} onChange={(e) => setItem('criteria', i, { max: e.target.value })} aria-describedby={`${id}-max-err`} />)}
                  {field(`${id}-thr`, t('Ngưỡng đạt', 'Pass mark'), `${at}.threshold`, <input id={`${id}-thr`} type="number" step="0.5" min={0} value={c.threshold} onChange={(e) => setItem('criteria', i, { threshold: e.target.value })} aria-describedby={`${id}-thr-err`} />)}
                </div>
                <label className="check"><input type="checkbox" checked={c.halfPoints} onChange={(e) => setItem('criteria', i, { halfPoints: e.target.checked })} />{t('Cho phép nửa điểm', 'Half points allowed')}</label>
                <button type="button" className="link" onClick={() => remove('criteria', i)}>{t(`Xoá tiêu chí ${i + 1}`, `Remove criterion ${i + 1}`)}</button>
              </fieldset>
            );
          })}
          <button type="button" onClick={() => set('criteria', [...f.criteria, blankCriterion()])}>{t('Thêm tiêu chí', 'Add a criterion')}</button>
          {field('c-overall', t('Ngưỡng tổng điểm có trọng số', 'Overall weighted pass mark'), 'rubric.overallThreshold', <input id="c-overall" type="number" step="0.1" min={0} value={f.overallThreshold} onChange={(e) => set('overallThreshold', e.target.value)} aria-describedby="c-overall-err" />)}
        </fieldset>
        <div className="actions">
          <button type="submit" className="primary" disabled={created.fetching || updated.fetching}>{t('Lưu bản nháp', 'Save draft')}</button>
          {call && <Link to={`/fund/calls/${encodeURIComponent(call.id)}`}>{t('Huỷ', 'Cancel')}</Link>}
        </div>
      </form>
    </Page>
  );
}

/** The saved rules run against a chosen startup, as checkEligibility would for its application. */
function TryRules({ callId, startups }: { callId: string; startups: readonly { id: string; name: string }[] }) {
  const t = useT();
  const client = useClient();
  const [startupId, setStartupId] = useState(startups[0]?.id ?? '');
  const [result, setResult] = useState<{ eligible: boolean; outcomes: readonly { key: string; passed: boolean; reason: string }[] } | null>(null);
  const run = async () => {
    const r = await client.query(TryEligibility, { callId, startupId }, { requestPolicy: 'network-only' }).toPromise();
    setResult(r.data?.checkEligibility ?? null);
  };
  return (
    <div className="card">
      <div className="field">
        <label htmlFor="try-startup">{t('Thử điều kiện đã lưu với startup', 'Try the saved rules on a startup')}</label>
        <select id="try-startup" value={startupId} onChange={(e) => setStartupId(e.target.value)}>
          {startups.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <button type="button" onClick={run}>{t('Thử', 'Try')}</button>
      {result && (
        <div role="status">
          <p><strong>{result.eligible ? t('Đủ điều kiện', 'Eligible') : t('Không đủ điều kiện', 'Not eligible')}</strong></p>
          <ul className="checks">
            {result.outcomes.map((o) => <li key={o.key} className={o.passed ? 'pass' : 'fail'}>{o.reason}</li>)}
          </ul>
        </div>
      )}
    </div>
  );
}

const ManageCallQuery = graphql(`
  query ManageCall($id: ID!, $status: ApplicationStatus, $normalize: Boolean!) {
    node(id: $id) {
      ... on FundCall {
        id version title status opensAt closesAt budgetVnd cancelReason
        applicationCounts { status count }
        rubric { criteria { key name } }
        applications(first: 100, status: $status) {
          totalCount
          edges { node { id status requestedAmountVnd submittedAt startup { id name } reviewers { id } reviews { submittedAt } } }
        }
        ranking(normalize: $normalize) {
          normalized budgetVnd
          entries {
            rank total weightedScore passed requestedAmountVnd cumulativeVnd withinBudget reviewCount
            criteria { criterion score passed }
            application { id status startup { name } }
          }
        }
      }
    }
  }
`);

const PublishCall = graphql(`mutation PublishCall($input: FundCallActionInput!) { publishFundCall(input: $input) { fundCall { id status version } userErrors { field code message } } }`);
const CloseCall = graphql(`mutation CloseCall($input: FundCallActionInput!) { closeFundCall(input: $input) { fundCall { id status version } userErrors { field code message } } }`);
const CancelCall = graphql(`mutation CancelCall($input: FundCallActionInput!) { cancelFundCall(input: $input) { fundCall { id status version } userErrors { field code message } } }`);
const DecideCall = graphql(`mutation DecideCall($input: FundCallActionInput!) { decideFundCall(input: $input) { fundCall { id status version } userErrors { field code message } } }`);
const ExtendCall = graphql(`mutation ExtendCall($input: UpdateFundCallInput!) { updateFundCall(input: $input) { fundCall { id closesAt version } userErrors { field code message } } }`);

/** A call as its fund runs it: its life (publish, extend, close, cancel, decide), its applications and the ranking. */
export function ManageCall({ params }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [status, setStatus] = useState<ApplicationStatus | null>(null);
  const [normalize, setNormalize] = useState(false);
  const [{ data, fetching, error }, refetch] = useQuery({ query: ManageCallQuery, variables: { id: params.id, status, normalize }, requestPolicy: 'cache-and-network' });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [reason, setReason] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [, publish] = useMutation(PublishCall);
  const [, close] = useMutation(CloseCall);
  const [, cancel] = useMutation(CancelCall);
  const [, decide] = useMutation(DecideCall);
  const [, extend] = useMutation(ExtendCall);
  const call = data?.node && 'title' in data.node ? data.node : null;
  if (fetching && !data) return <Page title={t('Đợt gọi vốn', 'Call')}><Loading /></Page>;
  if (error) return <Page title={t('Đợt gọi vốn', 'Call')}><ErrorNotice error={error} /></Page>;
  if (!call) return <Page title={t('Đợt gọi vốn', 'Call')}><Empty>{t('Không tìm thấy đợt gọi vốn.', 'No such call.')}</Empty></Page>;
  const act = async (run: () => Promise<{ userErrors: readonly UserError[] } | undefined | null>) => {
    const p = await run();
    setErrors(p ? [...p.userErrors] : []);
    refetch({ requestPolicy: 'network-only' });
  };
  const base = { id: call.id, version: call.version };
  const counts = call.applicationCounts.filter((c) => c.status !== 'DRAFT');
  const entries = call.ranking?.entries ?? [];
  const cutAt = entries.findIndex((e) => !e.withinBudget);
  return (
    <Page title={call.title} actions={call.status === 'DRAFT' ? <Link className="button" to={`/fund/calls/${encodeURIComponent(call.id)}/edit`}>{t('Sửa bản nháp', 'Edit draft')}</Link> : undefined}>
      <p>
        <span className={`badge s-${call.status}`}>{label(t, 'call', call.status)}</span>{' '}
        {t('Hạn nộp', 'Closes')}: {dateTime(lang, call.closesAt)} · {t('Ngân sách', 'Budget')}: {vnd(lang, call.budgetVnd)}
      </p>
      {call.cancelReason && <p>{t('Lý do huỷ', 'Cancelled because')}: {call.cancelReason}</p>}
      <FormErrors errors={errors} shown={[]} />
      <div className="actions wrap">
        {call.status === 'DRAFT' && <button type="button" className="primary" onClick={() => act(async () => (await publish({ input: base })).data?.publishFundCall)}>{t('Công bố', 'Publish')}</button>}
        {call.status === 'OPEN' && <button type="button" onClick={() => act(async () => (await close({ input: base })).data?.closeFundCall)}>{t('Đóng nhận hồ sơ', 'Close now')}</button>}
        {call.status === 'CLOSED' && <button type="button" className="primary" onClick={() => act(async () => (await decide({ input: base })).data?.decideFundCall)}>{t('Kết thúc xét chọn', 'Record the decision')}</button>}
      </div>
      {call.status === 'OPEN' && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); act(async () => (await extend({ input: { ...base, closesAt: fromLocalInput(closesAt) } })).data?.updateFundCall); }}>
          <div className="field">
            <label htmlFor="extend">{t('Gia hạn đến (giờ Hải Phòng)', 'Extend to (Hai Phong time)')}</label>
            <input id="extend" type="datetime-local" value={closesAt || toLocalInput(call.closesAt)} onChange={(e) => setClosesAt(e.target.value)} />
          </div>
          <button type="submit" disabled={!closesAt}>{t('Gia hạn', 'Extend')}</button>
        </form>
      )}
      {['DRAFT', 'OPEN', 'CLOSED'].includes(call.status) && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); act(async () => (await cancel({ input: { ...base, reason } })).data?.cancelFundCall); }}>
          <div className="field">
            <label htmlFor="cancel-reason">{t('Lý do huỷ đợt gọi vốn', 'Reason to cancel the call')}</label>
            <input id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="danger" disabled={!reason.trim()}>{t('Huỷ đợt gọi vốn', 'Cancel the call')}</button>
        </form>
      )}

      <h2>{t('Hồ sơ', 'Applications')}</h2>
      <div role="group" aria-label={t('Lọc theo trạng thái', 'Filter by status')} className="filters">
        <button type="button" aria-pressed={status === null} onClick={() => setStatus(null)}>
          {t('Tất cả', 'All')} ({counts.reduce((n, c) => n + c.count, 0)})
        </button>
        {counts.map((c) => (
          <button key={c.status} type="button" aria-pressed={status === c.status} onClick={() => setStatus(c.status)}>
            {label(t, 'application', c.status)} ({c.count})
          </button>
        ))}
      </div>
      {!call.applications.edges.length ? <Empty>{t('Chưa có hồ sơ.', 'No applications.')}</Empty> : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Doanh nghiệp', 'Startup')}</th><th scope="col">{t('Trạng thái', 'Status')}</th><th scope="col">{t('Đề nghị', 'Requested')}</th>
                <th scope="col">{t('Nộp lúc', 'Submitted')}</th><th scope="col">{t('Đánh giá', 'Reviews')}</th>
              </tr>
            </thead>
            <tbody>
              {call.applications.edges.map(({ node: a }) => (
                <tr key={a.id}>
                  <td><Link to={`/fund/applications/${encodeURIComponent(a.id)}`}>{a.startup.name}</Link></td>
                  <td><span className={`badge s-${a.status}`}>{label(t, 'application', a.status)}</span></td>
                  <td>{vnd(lang, a.requestedAmountVnd)}</td>
                  <td>{a.submittedAt ? dateTime(lang, a.submittedAt) : '—'}</td>
                  <td>{(a.reviews ?? []).length}/{(a.reviewers ?? []).length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t('Xếp hạng', 'Ranking')}</h2>
      <label className="check">
        <input type="checkbox" checked={normalize} onChange={(e) => setNormalize(e.target.checked)} />
        {t('Chuẩn hoá điểm theo từng chuyên gia (bù người chấm chặt, người chấm rộng)', 'Normalise each reviewer’s scores (evens out strict and lenient reviewers)')}
      </label>
      {!entries.length ? <Empty>{t('Chưa có hồ sơ nào được chấm.', 'No application has been scored yet.')}</Empty> : (
        <div className="table-wrap">
          <table className="ranking">
            <caption>{t('Điểm bằng nhau: hồ sơ nộp trước xếp trên. Đường ngân sách là nơi hết tiền.', 'Ties: the earlier submission ranks higher. The budget line is where the money runs out.')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('Hạng', 'Rank')}</th><th scope="col">{t('Doanh nghiệp', 'Startup')}</th>
                {call.rubric.criteria.map((c) => <th key={c.key} scope="col">{c.name}</th>)}
                <th scope="col">{t('Điểm có trọng số', 'Weighted')}</th><th scope="col">{t('Đạt ngưỡng', 'Passes')}</th>
                <th scope="col">{t('Đề nghị', 'Requested')}</th><th scope="col">{t('Cộng dồn', 'Cumulative')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <RankRow key={e.application.id} line={i === cutAt} cols={call.rubric.criteria.length + 6}
                  budget={vnd(lang, call.ranking!.budgetVnd)}>
                  <td>{e.rank}</td>
                  <td><Link to={`/fund/applications/${encodeURIComponent(e.application.id)}`}>{e.application.startup.name}</Link> <span className="muted">{label(t, 'application', e.application.status)}</span></td>
                  {call.rubric.criteria.map((c) => {
                    const s = e.criteria.find((x) => x.criterion === c.key);
                    return <td key={c.key} className={s?.passed === false ? 'fail' : undefined}>{s ? decimal(lang, s.score) : '—'}</td>;
                  })}
                  <td>{decimal(lang, e.weightedScore)}</td>
                  <td>{e.passed ? t('Đạt', 'Yes') : t('Không', 'No')}</td>
                  <td>{vnd(lang, e.requestedAmountVnd)}</td>
                  <td>{vnd(lang, e.cumulativeVnd)}</td>
                </RankRow>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function RankRow({ line, cols, budget, children }: { line: boolean; cols: number; budget: string; children: ReactNode }) {
  const t = useT();
  return (
    <>
      {line && (
        <tr className="budget-line">
          <td colSpan={cols}>{t(`Đường ngân sách: hết ${budget}`, `Budget line: ${budget} spent`)}</td>
        </tr>
      )}
      <tr>{children}</tr>
    </>
  );
}

const ManageApplicationQuery = graphql(`
  query ManageApplication($id: ID!) {
    node(id: $id) {
      ... on Application {
        id version status requestedAmountVnd submittedAt
        startup { id name }
        fundCall { id title status questions { key label } rubric { criteria { key name } } }
        answers { questionKey text number choices documentRef }
        history { at actor { name subject } from to reason }
        reviewers { id name }
        reviews { reviewer { id name } submittedAt scores { criterion score comment } }
        feedback { criterion score comment passed }
      }
    }
    reviewers(first: 50) { edges { node { id name } } }
  }
`);

const AssignReviewers = graphql(`mutation AssignReviewers($input: AssignReviewersInput!) { assignReviewers(input: $input) { application { id version reviewers { id name } } userErrors { field code message } } }`);
const StartReview = graphql(`mutation StartReview($input: ApplicationActionInput!) { startApplicationReview(input: $input) { application { id version status } userErrors { field code message } } }`);
const Shortlist = graphql(`mutation Shortlist($input: ApplicationActionInput!) { shortlistApplication(input: $input) { application { id version status } userErrors { field code message } } }`);
const Award = graphql(`mutation Award($input: ApplicationActionInput!) { awardApplication(input: $input) { application { id version status } userErrors { field code message } } }`);
const Reject = graphql(`mutation Reject($input: ApplicationActionInput!) { rejectApplication(input: $input) { application { id version status } userErrors { field code message } } }`);

/** One application as the fund sees it: answers, history, reviewers (conflicts refused with their reason), reviews and the decision. */
export function ManageApplication({ params }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ManageApplicationQuery, variables: { id: params.id }, requestPolicy: 'cache-and-network' });
  const [picked, setPicked] = useState<string[]>([]);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [reason, setReason] = useState('');
  const [, assign] = useMutation(AssignReviewers);
  const [, start] = useMutation(StartReview);
  const [, shortlist] = useMutation(Shortlist);
  const [, award] = useMutation(Award);
  const [, reject] = useMutation(Reject);
  const a = data?.node && 'answers' in data.node ? data.node : null;
  if (fetching && !data) return <Page title={t('Hồ sơ', 'Application')}><Loading /></Page>;
  if (error) return <Page title={t('Hồ sơ', 'Application')}><ErrorNotice error={error} /></Page>;
  if (!a) return <Page title={t('Hồ sơ', 'Application')}><Empty>{t('Không tìm thấy hồ sơ.', 'No such application.')}</Empty></Page>;
  const act = async (run: () => Promise<{ userErrors: readonly UserError[] } | undefined | null>) => {
    const p = await run();
    setErrors(p ? [...p.userErrors] : []);
    refetch({ requestPolicy: 'network-only' });
  };
  const base = { id: a.id, version: a.version };
  const decidable = a.fundCall.status === 'CLOSED';
  const assigned = new Set((a.reviewers ?? []).map((r) => r.id));
  const criterionName = (k: string) => a.fundCall.rubric.criteria.find((c) => c.key === k)?.name ?? k;
  return (
    <Page title={`${a.startup.name} — ${a.fundCall.title}`}>
      <p>
        <span className={`badge s-${a.status}`}>{label(t, 'application', a.status)}</span>{' '}
        {t('Đề nghị', 'Requested')}: {vnd(lang, a.requestedAmountVnd)}
        {a.submittedAt && <> · {t('Nộp lúc', 'Submitted')} {dateTime(lang, a.submittedAt)}</>}
        {' · '}<Link to={`/fund/calls/${encodeURIComponent(a.fundCall.id)}`}>{t('Về đợt gọi vốn', 'Back to the call')}</Link>
      </p>
      <FormErrors errors={errors} shown={['reviewerIds']} />

      <Answers questions={a.fundCall.questions} answers={a.answers} />

      <h2>{t('Chuyên gia đánh giá', 'Reviewers')}</h2>
      {(a.reviewers ?? []).length > 0 && <p>{t('Đã phân công', 'Assigned')}: {(a.reviewers ?? []).map((r) => r.name).join(', ')}</p>}
      <form onSubmit={(e) => { e.preventDefault(); act(async () => (await assign({ input: { applicationId: a.id, reviewerIds: picked } })).data?.assignReviewers); }}>
        <fieldset className="checks-inline">
          <legend>{t('Phân công chuyên gia (xung đột lợi ích bị từ chối kèm lý do)', 'Assign reviewers (conflicts of interest are refused with the reason)')}</legend>
          {data!.reviewers?.edges.map(({ node: r }) => (
            <label key={r.id} className="check">
              <input type="checkbox" disabled={assigned.has(r.id)} checked={assigned.has(r.id) || picked.includes(r.id)}
                onChange={(e) => setPicked(e.target.checked ? [...picked, r.id] : picked.filter((x) => x !== r.id))} />
              {r.name}
            </label>
          ))}
        </fieldset>
        <FieldErrors id="assign-err" errors={errorsAt(errors, 'reviewerIds').map((e) => {
          // ["input", "reviewerIds", "1"]: the message names the reviewer picked at that index.
          const i = Number((e.field ?? []).at(-1));
          const name = data!.reviewers?.edges.find(({ node }) => node.id === picked[i])?.node.name;
          return name ? { ...e, message: `${name}: ${e.message}` } : e;
        })} />
        <button type="submit" disabled={!picked.length}>{t('Phân công', 'Assign')}</button>
      </form>

      <h2>{t('Đánh giá', 'Reviews')}</h2>
      {!(a.reviews ?? []).length ? <Empty>{t('Chưa có đánh giá.', 'No reviews yet.')}</Empty> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">{t('Chuyên gia', 'Reviewer')}</th>{a.fundCall.rubric.criteria.map((c) => <th key={c.key} scope="col">{c.name}</th>)}</tr></thead>
            <tbody>
              {(a.reviews ?? []).map((r) => (
                <tr key={r.reviewer.id}>
                  <th scope="row">{r.reviewer.name}</th>
                  {a.fundCall.rubric.criteria.map((c) => {
                    const s = r.scores.find((x) => x.criterion === c.key);
                    return <td key={c.key}>{s ? s.score : '—'}{s?.comment ? <div className="muted">{s.comment}</div> : null}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(a.feedback ?? []).length > 0 && (
        <>
          <h3>{t('Nhận xét tổng hợp gửi startup', 'Consolidated feedback to the startup')}</h3>
          <ul>
            {(a.feedback ?? []).map((f) => (
              <li key={f.criterion}>{criterionName(f.criterion)}: {decimal(lang, f.score)}{f.passed === false ? ` (${t('chưa đạt', 'below the mark')})` : ''}{f.comment ? ` — ${f.comment}` : ''}</li>
            ))}
          </ul>
        </>
      )}

      <h2>{t('Quyết định', 'Decision')}</h2>
      <div className="actions wrap">
        {a.status === 'SUBMITTED' && <button type="button" onClick={() => act(async () => (await start({ input: base })).data?.startApplicationReview)}>{t('Bắt đầu xét', 'Start the review')}</button>}
        {a.status === 'UNDER_REVIEW' && <button type="button" onClick={() => act(async () => (await shortlist({ input: base })).data?.shortlistApplication)}>{t('Đưa vào danh sách ngắn', 'Shortlist')}</button>}
        {decidable && a.status === 'SHORTLISTED' && <button type="button" className="primary" onClick={() => act(async () => (await award({ input: { ...base, reason: reason || null } })).data?.awardApplication)}>{t('Tài trợ', 'Award')}</button>}
      </div>
      {!decidable && ['SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED'].includes(a.status) && (
        <p className="muted">{t('Trao tài trợ hoặc từ chối sau khi đợt gọi vốn đóng nhận hồ sơ.', 'Awards and rejections come once the call has closed.')}</p>
      )}
      {decidable && ['SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED'].includes(a.status) && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); act(async () => (await reject({ input: { ...base, reason } })).data?.rejectApplication); }}>
          <div className="field">
            <label htmlFor="decision-reason">{t('Lý do (gửi startup)', 'Reason (sent to the startup)')}</label>
            <input id="decision-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="danger" disabled={!reason.trim()}>{t('Không chọn', 'Reject')}</button>
        </form>
      )}

      <h2>{t('Lịch sử', 'History')}</h2>
      <ol className="history">
        {a.history.map((h, i) => (
          <li key={i}>{dateTime(lang, h.at)}: {label(t, 'application', h.from)} → {label(t, 'application', h.to)} · {h.actor.name ?? h.actor.subject}{h.reason ? ` — ${h.reason}` : ''}</li>
        ))}
      </ol>
    </Page>
  );
}
