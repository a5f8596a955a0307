import { useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { SandboxOutcome, SandboxStatus } from '../gql/graphql';
import type { Session } from '../lib/auth';
import { date, dateTime, today, vnd, workingDaysBetween } from '../lib/format';
import { useLang, useT, type T } from '../lib/i18n';
import { label, values } from '../lib/labels';
import { Link } from '../lib/router';
import { Empty, ErrorNotice, errorsAt, FieldErrors, FormErrors, Loading, Page, type UserErrorLike as UserError } from '../ui/common';

type Props = { params: Record<string, string>; session: Session };

interface Deadlines {
  acknowledgeBy?: string | null; assessBy?: string | null; startBy?: string | null; nextReportBy?: string | null; testEndsOn?: string | null;
}

/** The deadline the service-level clock runs to in a status, and what it is for. */
function clockOf(t: T, status: SandboxStatus, d: Deadlines): { by: string; what: string } | null {
  switch (status) {
    case 'SUBMITTED': return d.acknowledgeBy ? { by: d.acknowledgeBy, what: t('xác nhận hồ sơ', 'acknowledge') } : null;
    case 'UNDER_ASSESSMENT': case 'INFO_REQUESTED': return d.assessBy ? { by: d.assessBy, what: t('thẩm định', 'assess') } : null;
    case 'APPROVED': return d.startBy ? { by: d.startBy, what: t('bắt đầu thử nghiệm', 'start testing') } : null;
    case 'TESTING': return d.nextReportBy ? { by: d.nextReportBy, what: t('báo cáo định kỳ', 'next report') } : null;
    default: return null;
  }
}

function Clock({ status, deadlines, holidays }: { status: SandboxStatus; deadlines: Deadlines; holidays: readonly string[] }) {
  const t = useT();
  const { lang } = useLang();
  const c = clockOf(t, status, deadlines);
  if (!c) return <>—</>;
  const days = workingDaysBetween(today(), c.by, holidays);
  return (
    <span className={days < 0 ? 'overdue' : undefined}>
      {days < 0
        ? t(`Quá hạn ${-days} ngày làm việc`, `${-days} working days overdue`)
        : t(`Còn ${days} ngày làm việc`, `${days} working days left`)}
      <span className="muted"> · {c.what} {t('trước', 'by')} {date(lang, c.by)}</span>
    </span>
  );
}

const QueueQuery = graphql(`
  query SandboxQueue {
    viewer {
      organization { __typename ... on SandboxProgram { id name holidays } }
      sandboxApplications(first: 100) {
        totalCount
        edges {
          node {
            id status product flags startup { name }
            deadlines { acknowledgeBy assessBy startBy nextReportBy testEndsOn }
          }
        }
      }
    }
  }
`);

/** The programme's applications, overdue first, then by the working days left on their clock. */
export function SandboxQueue() {
  const t = useT();
  const [{ data, fetching, error }] = useQuery({ query: QueueQuery, requestPolicy: 'cache-and-network' });
  const program = data?.viewer.organization?.__typename === 'SandboxProgram' ? data.viewer.organization : null;
  const holidays = program?.holidays ?? [];
  const now = today();
  const left = (a: { status: SandboxStatus; deadlines: Deadlines }) => {
    const c = clockOf(t, a.status, a.deadlines);
    return c ? workingDaysBetween(now, c.by, holidays) : Number.MAX_SAFE_INTEGER;
  };
  const items = [...(data?.viewer.sandboxApplications.edges.map((e) => e.node) ?? [])]
    .sort((a, b) => Number(b.flags.length > 0) - Number(a.flags.length > 0) || left(a) - left(b));
  return (
    <Page title={t('Hồ sơ thử nghiệm có kiểm soát', 'Sandbox applications')}>
      {program && <p className="muted">{program.name}</p>}
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !items.length && <Empty>{t('Chưa có hồ sơ nào.', 'No applications yet.')}</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Sản phẩm', 'Product')}</th><th scope="col">{t('Trạng thái', 'Status')}</th>
                <th scope="col">{t('Thời hạn xử lý', 'Service-level clock')}</th><th scope="col">{t('Cảnh báo', 'Flags')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td><Link to={`/sandbox/${encodeURIComponent(a.id)}`}>{a.product}</Link><div className="muted">{a.startup.name}</div></td>
                  <td><span className={`badge s-${a.status}`}>{label(t, 'sandbox', a.status)}</span></td>
                  <td><Clock status={a.status} deadlines={a.deadlines} holidays={holidays} /></td>
                  <td>{a.flags.map((f) => <span key={f} className="badge s-REJECTED">{label(t, 'sandboxFlag', f)}</span>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

const CaseQuery = graphql(`
  query SandboxCase($id: ID!) {
    node(id: $id) {
      ... on SandboxApplication {
        id version status product innovation consumerBenefit readiness need risks mitigations safeguards disclosure exitPlan documents
        startOn conditions rejectReasons flags outcome
        startup { name }
        requested { durationDays maxCustomers wards capPerCustomerVnd totalCapVnd }
        certified { durationDays maxCustomers wards capPerCustomerVnd totalCapVnd }
        deadlines { acknowledgeBy assessBy startBy nextReportBy testEndsOn }
        program { name holidays limits { durationDays maxCustomers wards capPerCustomerVnd totalCapVnd } guides { criterion positive negative } }
        history { at actor { name subject } from to reason }
        infoRequests { at question answer answeredAt }
        assessments { at actor { name subject } findings { criterion met note } }
        reports { periodEnd customers transactions volumeVnd complaints breaches submittedAt incidents { critical description } }
        extensions { days reason at decided approved }
      }
    }
  }
`);

const Acknowledge = graphql(`mutation AcknowledgeSandbox($input: SandboxApplicationActionInput!) { acknowledgeSandboxApplication(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);
const RejectSandbox = graphql(`mutation RejectSandbox($input: SandboxApplicationActionInput!) { rejectSandboxApplication(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);
const Suspend = graphql(`mutation SuspendSandbox($input: SandboxApplicationActionInput!) { suspendSandboxTest(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);
const Lift = graphql(`mutation LiftSandbox($input: SandboxApplicationActionInput!) { liftSandboxSuspension(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);
const RequestInfo = graphql(`mutation RequestSandboxInfo($input: SandboxTextInput!) { requestSandboxInformation(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);
const Assess = graphql(`mutation AssessSandbox($input: AssessSandboxInput!) { assessSandboxApplication(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);
const Approve = graphql(`mutation ApproveSandbox($input: ApproveSandboxInput!) { approveSandboxApplication(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);
const Exit = graphql(`mutation ExitSandbox($input: ExitSandboxInput!) { exitSandboxTest(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);
const DecideExtension = graphql(`mutation DecideSandboxExtension($input: DecideSandboxExtensionInput!) { decideSandboxExtension(input: $input) { sandboxApplication { id version status } userErrors { field code message } } }`);

type Result = { userErrors: readonly UserError[] } | null | undefined;

/** One application as the regulator handles it: the proposal, its clock, information requests, assessment, approval and the test's life. */
export function SandboxCase({ params }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CaseQuery, variables: { id: params.id }, requestPolicy: 'cache-and-network' });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [reason, setReason] = useState('');
  const [question, setQuestion] = useState('');
  const [, acknowledge] = useMutation(Acknowledge);
  const [, rejectIt] = useMutation(RejectSandbox);
  const [, suspend] = useMutation(Suspend);
  const [, lift] = useMutation(Lift);
  const [, requestInfo] = useMutation(RequestInfo);
  const [, decideExtension] = useMutation(DecideExtension);
  const [, exit] = useMutation(Exit);
  const [outcome, setOutcome] = useState<SandboxOutcome>('GRADUATED');
  const a = data?.node && 'product' in data.node ? data.node : null;
  if (fetching && !data) return <Page title={t('Hồ sơ thử nghiệm', 'Sandbox application')}><Loading /></Page>;
  if (error) return <Page title={t('Hồ sơ thử nghiệm', 'Sandbox application')}><ErrorNotice error={error} /></Page>;
  if (!a) return <Page title={t('Hồ sơ thử nghiệm', 'Sandbox application')}><Empty>{t('Không tìm thấy hồ sơ.', 'No such application.')}</Empty></Page>;
  const act = async (run: () => Promise<Result>) => {
    const p = await run();
    setErrors(p ? [...p.userErrors] : []);
    if (p && !p.userErrors.length) { setReason(''); setQuestion(''); }
    refetch({ requestPolicy: 'network-only' });
  };
  const base = { id: a.id, version: a.version };
  const s = a.status;
  const assessing = s === 'UNDER_ASSESSMENT';
  const text = (vi: string, en: string, v?: string | null) => (v ? <div><dt>{t(vi, en)}</dt><dd>{v}</dd></div> : null);
  return (
    <Page title={a.product}>
      <p>
        {a.startup.name} · <span className={`badge s-${s}`}>{label(t, 'sandbox', s)}</span>{' '}
        <Clock status={s} deadlines={a.deadlines} holidays={a.program.holidays} />
      </p>
      {a.flags.length > 0 && <p>{a.flags.map((f) => <span key={f} className="badge s-REJECTED">{label(t, 'sandboxFlag', f)}</span>)}</p>}
      <FormErrors errors={errors} shown={['text']} />

      <h2>{t('Đề xuất', 'Proposal')}</h2>
      <dl className="answers">
        {text('Điểm mới', 'Innovation', a.innovation)}
        {text('Lợi ích cho khách hàng', 'Consumer benefit', a.consumerBenefit)}
        {text('Mức độ sẵn sàng', 'Readiness', a.readiness)}
        {text('Vì sao cần thử nghiệm', 'Why a sandbox', a.need)}
        {text('Rủi ro', 'Risks', a.risks)}
        {text('Biện pháp giảm thiểu', 'Mitigations', a.mitigations)}
        {text('Bảo vệ khách hàng', 'Safeguards', a.safeguards)}
        {text('Công bố thông tin', 'Disclosure', a.disclosure)}
        {text('Phương án rút lui', 'Exit plan', a.exitPlan)}
        <div><dt>{t('Đề nghị', 'Requested')}</dt><dd><Limits l={a.requested} /></dd></div>
        <div><dt>{t('Giới hạn của cơ chế', 'Programme limits')}</dt><dd><Limits l={a.program.limits} /></dd></div>
        {a.certified && <div><dt>{t('Được chấp thuận', 'Certified')}</dt><dd><Limits l={a.certified} /></dd></div>}
      </dl>

      {(s === 'SUBMITTED' || assessing || s === 'INFO_REQUESTED') && <h2>{t('Xử lý', 'Handle')}</h2>}
      {s === 'SUBMITTED' && (
        <button type="button" className="primary" onClick={() => act(async () => (await acknowledge({ input: base })).data?.acknowledgeSandboxApplication)}>
          {t('Xác nhận đã nhận hồ sơ', 'Acknowledge')}
        </button>
      )}
      {assessing && (
        <form className="stack card" onSubmit={(e) => { e.preventDefault(); act(async () => (await requestInfo({ input: { ...base, text: question } })).data?.requestSandboxInformation); }}>
          <div className="field">
            <label htmlFor="info-q">{t('Yêu cầu bổ sung thông tin', 'Request information')}</label>
            <textarea id="info-q" rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} aria-describedby="info-q-err" />
            <FieldErrors id="info-q-err" errors={errorsAt(errors, 'text')} />
          </div>
          <button type="submit" disabled={!question.trim()}>{t('Gửi yêu cầu', 'Send the request')}</button>
        </form>
      )}
      {a.infoRequests.length > 0 && (
        <>
          <h3>{t('Yêu cầu thông tin', 'Information requests')}</h3>
          <ol className="history">
            {a.infoRequests.map((r, i) => (
              <li key={i}>
                <strong>{dateTime(lang, r.at)}</strong>: {r.question}
                <div>{r.answer ? <>{t('Trả lời', 'Answer')}: {r.answer}</> : <span className="muted">{t('Chờ doanh nghiệp trả lời', 'Waiting for the firm')}</span>}</div>
              </li>
            ))}
          </ol>
        </>
      )}
      {assessing && <AssessForm key={`assess-${a.version}`} base={base} guides={a.program.guides} onDone={act} />}
      {assessing && a.assessments.length > 0 && <ApproveForm key={`approve-${a.version}`} base={base} requested={a.requested} onDone={act} />}
      {a.assessments.length > 0 && (
        <>
          <h3>{t('Kết quả thẩm định', 'Assessments')}</h3>
          {a.assessments.map((x, i) => (
            <div key={i} className="card">
              <p className="muted">{dateTime(lang, x.at)} · {x.actor.name ?? x.actor.subject}</p>
              <ul className="checks">
                {x.findings.map((f) => <li key={f.criterion} className={f.met ? 'pass' : 'fail'}>{f.criterion}{f.note ? `: ${f.note}` : ''}</li>)}
              </ul>
            </div>
          ))}
        </>
      )}

      {(s === 'SUBMITTED' || assessing || s === 'INFO_REQUESTED' || s === 'TESTING') && (
        <form className="inline-form" onSubmit={(e) => {
          e.preventDefault();
          act(async () => s === 'TESTING'
            ? (await suspend({ input: { ...base, reason } })).data?.suspendSandboxTest
            : (await rejectIt({ input: { ...base, reason } })).data?.rejectSandboxApplication);
        }}>
          <div className="field">
            <label htmlFor="reason">{s === 'TESTING' ? t('Lý do tạm dừng', 'Reason to suspend') : t('Lý do từ chối', 'Reason to reject')}</label>
            <input id="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="submit" className="danger" disabled={!reason.trim()}>{s === 'TESTING' ? t('Tạm dừng thử nghiệm', 'Suspend the test') : t('Từ chối', 'Reject')}</button>
        </form>
      )}
      {s === 'SUSPENDED' && (
        <button type="button" onClick={() => act(async () => (await lift({ input: base })).data?.liftSandboxSuspension)}>{t('Cho tiếp tục thử nghiệm', 'Lift the suspension')}</button>
      )}
      {(s === 'TESTING' || s === 'SUSPENDED') && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); act(async () => (await exit({ input: { ...base, outcome, reason: reason || null } })).data?.exitSandboxTest); }}>
          <div className="field">
            <label htmlFor="outcome">{t('Kết thúc thử nghiệm với kết quả', 'End the test with the outcome')}</label>
            <select id="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as SandboxOutcome)}>
              {values('sandboxOutcome').map((o) => <option key={o} value={o}>{label(t, 'sandboxOutcome', o)}</option>)}
            </select>
          </div>
          <button type="submit">{t('Kết thúc', 'End the test')}</button>
        </form>
      )}

      {a.reports.length > 0 && (
        <>
          <h2>{t('Báo cáo định kỳ', 'Reports')}</h2>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">{t('Kỳ đến', 'Period to')}</th><th scope="col">{t('Khách hàng', 'Customers')}</th><th scope="col">{t('Giá trị', 'Volume')}</th><th scope="col">{t('Khiếu nại', 'Complaints')}</th><th scope="col">{t('Vi phạm', 'Breaches')}</th></tr></thead>
              <tbody>
                {a.reports.map((r) => (
                  <tr key={r.periodEnd}>
                    <td>{date(lang, r.periodEnd)}</td><td>{r.customers}</td><td>{vnd(lang, r.volumeVnd)}</td><td>{r.complaints}</td>
                    <td className={r.breaches.length ? 'fail' : undefined}>{r.breaches.join('; ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {a.extensions.map((x, i) => (
        <div key={i} className="card">
          <p>{t(`Xin gia hạn ${x.days} ngày`, `Extension of ${x.days} days asked`)}: {x.reason}</p>
          {x.decided ? <p>{x.approved ? t('Đã chấp thuận', 'Approved') : t('Đã từ chối', 'Refused')}</p> : (
            <div className="actions">
              <button type="button" onClick={() => act(async () => (await decideExtension({ input: { ...base, approve: true } })).data?.decideSandboxExtension)}>{t('Chấp thuận gia hạn', 'Approve the extension')}</button>
              <button type="button" onClick={() => act(async () => (await decideExtension({ input: { ...base, approve: false } })).data?.decideSandboxExtension)}>{t('Từ chối gia hạn', 'Refuse the extension')}</button>
            </div>
          )}
        </div>
      ))}

      <h2>{t('Lịch sử', 'History')}</h2>
      <ol className="history">
        {a.history.map((h, i) => (
          <li key={i}>{dateTime(lang, h.at)}: {label(t, 'sandbox', h.from)} → {label(t, 'sandbox', h.to)} · {h.actor.name ?? h.actor.subject}{h.reason ? ` — ${h.reason}` : ''}</li>
        ))}
      </ol>
    </Page>
  );
}

function Limits({ l }: { l: { durationDays: number; maxCustomers: number; wards: readonly string[]; capPerCustomerVnd: string; totalCapVnd: string } }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <>
      {t(`${l.durationDays} ngày, tối đa ${l.maxCustomers} khách hàng`, `${l.durationDays} days, at most ${l.maxCustomers} customers`)}
      {l.capPerCustomerVnd !== '0' && <>, {t('mỗi khách', 'per customer')} {vnd(lang, l.capPerCustomerVnd)}</>}
      {l.totalCapVnd !== '0' && <>, {t('tổng', 'in all')} {vnd(lang, l.totalCapVnd)}</>}
      {l.wards.length > 0 && <>, {l.wards.join(', ')}</>}
    </>
  );
}

function AssessForm({ base, guides, onDone }: {
  base: { id: string; version: number };
  guides: readonly { criterion: string; positive: readonly string[]; negative: readonly string[] }[];
  onDone: (run: () => Promise<Result>) => void;
}) {
  const t = useT();
  const [findings, setFindings] = useState(() => guides.map((g) => ({ criterion: g.criterion, met: false, note: '' })));
  const [, assess] = useMutation(Assess);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onDone(async () => (await assess({ input: { ...base, findings: findings.map((f) => ({ ...f, note: f.note || null })) } })).data?.assessSandboxApplication);
  };
  return (
    <form className="stack card" onSubmit={onSubmit}>
      <h3>{t('Thẩm định theo tiêu chí của cơ chế', 'Assess against the programme’s criteria')}</h3>
      {guides.map((g, i) => (
        <fieldset key={g.criterion}>
          <legend>{g.criterion}</legend>
          <Indicators positive={g.positive} negative={g.negative} />
          <label className="check">
            <input type="checkbox" checked={findings[i].met} onChange={(e) => setFindings(findings.map((f, j) => (j === i ? { ...f, met: e.target.checked } : f)))} />
            {t(`Đạt: ${g.criterion}`, `Met: ${g.criterion}`)}
          </label>
          <div className="field">
            <label htmlFor={`note-${i}`}>{t(`Ghi chú — ${g.criterion}`, `Note — ${g.criterion}`)}</label>
            <input id={`note-${i}`} value={findings[i].note} onChange={(e) => setFindings(findings.map((f, j) => (j === i ? { ...f, note: e.target.value } : f)))} />
          </div>
        </fieldset>
      ))}
      <button type="submit">{t('Ghi kết quả thẩm định', 'Record the assessment')}</button>
    </form>
  );
}

function Indicators({ positive, negative }: { positive: readonly string[]; negative: readonly string[] }): ReactNode {
  const t = useT();
  return (
    <div className="grid2 indicators">
      <div><strong>{t('Dấu hiệu tích cực', 'Indicators for')}</strong><ul>{positive.map((p) => <li key={p}>{p}</li>)}</ul></div>
      <div><strong>{t('Dấu hiệu tiêu cực', 'Indicators against')}</strong><ul>{negative.map((p) => <li key={p}>{p}</li>)}</ul></div>
    </div>
  );
}

function ApproveForm({ base, requested, onDone }: {
  base: { id: string; version: number };
  requested: { durationDays: number; maxCustomers: number; wards: readonly string[]; capPerCustomerVnd: string; totalCapVnd: string };
  onDone: (run: () => Promise<Result>) => void;
}) {
  const t = useT();
  const [l, setL] = useState({
    durationDays: String(requested.durationDays), maxCustomers: String(requested.maxCustomers), wards: requested.wards.join(', '),
    capPerCustomerVnd: requested.capPerCustomerVnd, totalCapVnd: requested.totalCapVnd,
  });
  const [conditions, setConditions] = useState('');
  const [, approve] = useMutation(Approve);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    onDone(async () => (await approve({
      input: {
        ...base,
        certified: {
          durationDays: Number(l.durationDays), maxCustomers: Number(l.maxCustomers),
          wards: l.wards.split(',').map((w) => w.trim()).filter(Boolean),
          capPerCustomerVnd: l.capPerCustomerVnd.replace(/\D/g, '') || '0', totalCapVnd: l.totalCapVnd.replace(/\D/g, '') || '0',
        },
        conditions: conditions.split('\n').map((c) => c.trim()).filter(Boolean),
      },
    })).data?.approveSandboxApplication);
  };
  const input = (k: keyof typeof l, text: string, numeric = true) => (
    <div className="field">
      <label htmlFor={`cert-${k}`}>{text}</label>
      <input id={`cert-${k}`} inputMode={numeric ? 'numeric' : undefined} value={l[k]} onChange={(e) => setL({ ...l, [k]: e.target.value })} />
    </div>
  );
  return (
    <form className="stack card" onSubmit={onSubmit}>
      <h3>{t('Chấp thuận với thông số thử nghiệm', 'Approve with test parameters')}</h3>
      <div className="grid2">
        {input('durationDays', t('Thời gian (ngày)', 'Duration (days)'))}
        {input('maxCustomers', t('Số khách hàng tối đa', 'Most customers'))}
        {input('capPerCustomerVnd', t('Hạn mức mỗi khách (đồng)', 'Cap per customer (đồng)'))}
        {input('totalCapVnd', t('Tổng hạn mức (đồng)', 'Total cap (đồng)'))}
        {input('wards', t('Địa bàn, cách nhau bởi dấu phẩy', 'Wards, comma-separated'), false)}
      </div>
      <div className="field">
        <label htmlFor="conditions">{t('Điều kiện, mỗi dòng một điều kiện', 'Conditions, one per line')}</label>
        <textarea id="conditions" rows={3} value={conditions} onChange={(e) => setConditions(e.target.value)} />
      </div>
      <button type="submit" className="primary">{t('Chấp thuận', 'Approve')}</button>
    </form>
  );
}
