import { useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { AnswerInput, CallPageQuery } from '../gql/graphql';
import type { Session } from '../lib/auth';
import { date, dateTime, vnd } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label, values } from '../lib/labels';
import { Link, navigate } from '../lib/router';
import { Empty, ErrorNotice, errorsAt, FieldErrors, FormErrors, Loading, newKey, Page, type UserErrorLike as UserError } from '../ui/common';
import { MatchCard } from '../ui/match';

type Props = { params: Record<string, string>; session: Session };

const FounderHomeQuery = graphql(`
  query FounderHome($id: ID!) {
    startup(id: $id) {
      id name nameEn description website teamSize stage ward foundedOn sectors
      incubator { id name }
      contact { email phone }
      financials { fundingNeedVnd revenue { year } }
      evidence { legalForm ipAssets { kind } certificates { kind } }
      calls: matches(kind: FUND_CALL, first: 5) { ...MatchFields }
      investors: matches(kind: INVESTOR, first: 5) { ...MatchFields }
      mentors: matches(kind: MENTOR, first: 5) { ...MatchFields }
      programs: matches(kind: INCUBATOR, first: 5) { ...MatchFields }
      applications(first: 1) { totalCount }
    }
    sectors { sector label }
  }
`);

const DismissMatch = graphql(`
  mutation DismissMatch($id: ID!) {
    dismissMatch(input: { id: $id }) { userErrors { field code message } }
  }
`);

const BookmarkMatch = graphql(`
  mutation BookmarkMatch($id: ID!) {
    bookmarkMatch(input: { id: $id }) { userErrors { field code message } }
  }
`);

/** What makes a profile complete enough for investors and calls to judge it. */
function completeness(t: (vi: string, en: string) => string, s: NonNullable<import('../gql/graphql').FounderHomeQuery['startup']>) {
  const checks: [boolean, string][] = [
    [(s.description ?? '').length >= 80, t('Mô tả ít nhất 80 ký tự', 'A description of at least 80 characters')],
    [!!s.website, t('Trang web', 'A website')],
    [s.sectors.length > 0, t('Lĩnh vực hoạt động', 'Sectors')],
    [!!s.contact?.phone, t('Số điện thoại liên hệ', 'A contact phone')],
    [!!s.financials && s.financials.fundingNeedVnd !== '0', t('Nhu cầu vốn', 'How much funding you seek')],
    [!!s.financials?.revenue.length, t('Doanh thu theo năm', 'Revenue by year')],
    [!!s.evidence?.legalForm, t('Loại hình doanh nghiệp (minh chứng)', 'Legal form (evidence)')],
    [!!(s.evidence?.ipAssets.length || s.evidence?.certificates.length), t('Tài sản trí tuệ hoặc chứng nhận', 'IP or a certificate')],
  ];
  return { done: checks.filter(([ok]) => ok).length, total: checks.length, missing: checks.filter(([ok]) => !ok).map(([, l]) => l) };
}

export function FounderHome({ session }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: FounderHomeQuery, variables: { id: session.org ?? '' }, pause: !session.org });
  const [, dismiss] = useMutation(DismissMatch);
  const [, bookmark] = useMutation(BookmarkMatch);
  const [told, setTold] = useState<string | null>(null);
  if (!session.org) return <Page title={t('Startup của tôi', 'My startup')}><Empty>{t('Tài khoản chưa gắn với startup nào.', 'Your account is not linked to a startup.')}</Empty></Page>;
  const s = data?.startup;
  const sectorLabel = (x: string) => data?.sectors.find((i) => i.sector === x)?.label ?? x;
  const feedback = async (kind: 'dismiss' | 'bookmark', id: string) => {
    const errs = kind === 'dismiss'
      ? (await dismiss({ id })).data?.dismissMatch.userErrors
      : (await bookmark({ id })).data?.bookmarkMatch.userErrors;
    setTold(errs?.length ? errs[0].message : kind === 'dismiss' ? t('Đã ẩn gợi ý.', 'Match dismissed.') : t('Đã đánh dấu quan tâm.', 'Match bookmarked.'));
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={s?.name ?? t('Startup của tôi', 'My startup')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      <p role="status" aria-live="polite" className="toast">{told}</p>
      {s && (() => {
        const c = completeness(t, s);
        const groups = [
          ['calls', t('Đợt gọi vốn phù hợp', 'Funding calls that fit'), s.calls],
          ['investors', t('Nhà đầu tư phù hợp', 'Investors that fit'), s.investors],
          ['mentors', t('Cố vấn phù hợp', 'Mentors that fit'), s.mentors],
          ['programs', t('Chương trình ươm tạo phù hợp', 'Programmes that fit'), s.programs],
        ] as const;
        return (
          <>
            <div className="grid2">
              <section className="card" aria-labelledby="profile-h">
                <h2 id="profile-h">{t('Hồ sơ', 'Profile')}</h2>
                <dl className="facts">
                  <dt>{t('Giai đoạn', 'Stage')}</dt><dd>{label(t, 'stage', s.stage)}</dd>
                  <dt>{t('Lĩnh vực', 'Sectors')}</dt><dd>{s.sectors.map(sectorLabel).join(', ')}</dd>
                  <dt>{t('Địa bàn', 'Ward')}</dt><dd>{s.ward}</dd>
                  <dt>{t('Thành lập', 'Founded')}</dt><dd>{date(lang, s.foundedOn)}</dd>
                  <dt>{t('Vườn ươm', 'Incubator')}</dt><dd>{s.incubator?.name ?? '—'}</dd>
                  <dt>{t('Nhân sự', 'Team')}</dt><dd>{s.teamSize}</dd>
                  <dt>{t('Nhu cầu vốn', 'Funding sought')}</dt><dd>{s.financials ? vnd(lang, s.financials.fundingNeedVnd) : '—'}</dd>
                </dl>
                <p>{s.description}</p>
                <p><Link to="/applications">{t(`Hồ sơ gọi vốn: ${s.applications?.totalCount ?? 0}`, `Applications: ${s.applications?.totalCount ?? 0}`)}</Link></p>
              </section>
              <section className="card" aria-labelledby="complete-h">
                <h2 id="complete-h">{t('Mức hoàn thiện hồ sơ', 'Profile completeness')}</h2>
                <meter min={0} max={c.total} value={c.done} aria-labelledby="complete-h" /> <strong>{Math.round((100 * c.done) / c.total)}%</strong>
                {c.missing.length > 0 ? (
                  <>
                    <p>{t('Còn thiếu:', 'Still missing:')}</p>
                    <ul>{c.missing.map((m) => <li key={m}>{m}</li>)}</ul>
                    <p><Link to="/screening">{t('Cập nhật minh chứng', 'Update your evidence')}</Link></p>
                  </>
                ) : <p>{t('Hồ sơ đã đầy đủ.', 'Your profile is complete.')}</p>}
              </section>
            </div>
            {groups.map(([key, title, list]) => (
              <section key={key} aria-labelledby={`m-${key}`}>
                <h2 id={`m-${key}`}>{title}</h2>
                {!list?.length ? <Empty>{t('Chưa có gợi ý.', 'No matches yet.')}</Empty> : (
                  <div className="cards">
                    {list.map((m) => <MatchCard key={m.id} m={m} onDismiss={() => feedback('dismiss', m.id)} onBookmark={() => feedback('bookmark', m.id)} />)}
                  </div>
                )}
              </section>
            ))}
          </>
        );
      })()}
    </Page>
  );
}

const CallsQuery = graphql(`
  query OpenCalls {
    fundCalls(status: OPEN, first: 50) {
      edges { node { id title description status closesAt budgetVnd ticketMinVnd ticketMaxVnd fund { id name } } }
    }
  }
`);

export function Calls() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: CallsQuery });
  return (
    <Page title={t('Đợt gọi vốn đang mở', 'Open funding calls')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !data.fundCalls.edges.length && <Empty>{t('Hiện không có đợt gọi vốn nào đang mở.', 'No call is open now.')}</Empty>}
      <div className="cards">
        {data?.fundCalls.edges.map(({ node: c }) => (
          <article key={c.id} className="card">
            <h2><Link to={`/calls/${encodeURIComponent(c.id)}`}>{c.title}</Link></h2>
            <p className="muted">{c.fund.name}</p>
            <dl className="facts">
              <dt>{t('Hạn nộp', 'Closes')}</dt><dd>{dateTime(lang, c.closesAt)}</dd>
              <dt>{t('Mức tài trợ', 'Amount per startup')}</dt><dd>{vnd(lang, c.ticketMinVnd)} – {vnd(lang, c.ticketMaxVnd)}</dd>
              <dt>{t('Tổng ngân sách', 'Budget')}</dt><dd>{vnd(lang, c.budgetVnd)}</dd>
            </dl>
          </article>
        ))}
      </div>
    </Page>
  );
}

const CallPageQueryDoc = graphql(`
  query CallPage($callId: ID!, $startupId: ID!, $founder: Boolean!) {
    node(id: $callId) {
      ... on FundCall {
        id title description status opensAt closesAt budgetVnd ticketMinVnd ticketMaxVnd viewerCanApply
        fund { id name }
        questions { key label kind required minLength maxLength min max options }
        eligibilityRules { key description }
      }
    }
    checkEligibility(callId: $callId, startupId: $startupId) @include(if: $founder) {
      eligible
      outcomes { key passed reason }
    }
    startup(id: $startupId) @include(if: $founder) {
      id
      applications(first: 100) {
        edges { node { id status version requestedAmountVnd fundCall { id } answers { questionKey text number choices documentRef } } }
      }
    }
  }
`);

const CreateApplication = graphql(`
  mutation CreateApplication($input: CreateApplicationInput!) {
    createApplication(input: $input) { application { id status version } userErrors { field code message } }
  }
`);
const SubmitApplication = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) { application { id status version } userErrors { field code message } }
  }
`);
const UpdateDraft = graphql(`
  mutation UpdateApplicationDraft($input: UpdateApplicationDraftInput!) {
    updateApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }
  }
`);
const SubmitDraft = graphql(`
  mutation SubmitApplicationDraft($input: ApplicationActionInput!) {
    submitApplicationDraft(input: $input) { application { id status version } userErrors { field code message } }
  }
`);

type Call = Extract<NonNullable<CallPageQuery['node']>, { questions: unknown }>;
type Question = Call['questions'][number];
type Draft = Record<string, AnswerInput>;

export function CallPage({ params, session }: Props) {
  const t = useT();
  const { lang } = useLang();
  const founder = session.roles.includes('STARTUP_MEMBER') && !!session.org;
  const [{ data, fetching, error }] = useQuery({
    query: CallPageQueryDoc,
    variables: { callId: params.id, startupId: session.org ?? '', founder },
  });
  const call = data?.node && 'questions' in data.node ? (data.node as Call) : null;
  const existing = data?.startup?.applications?.edges.map((e) => e.node).find((a) => a.fundCall.id === params.id);
  return (
    <Page title={call?.title ?? t('Đợt gọi vốn', 'Funding call')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {call && (
        <>
          <p className="muted">{call.fund.name} · {label(t, 'call', call.status)} · {t('hạn', 'closes')} {dateTime(lang, call.closesAt)}</p>
          <p>{call.description}</p>
          <dl className="facts">
            <dt>{t('Mức tài trợ', 'Amount per startup')}</dt><dd>{vnd(lang, call.ticketMinVnd)} – {vnd(lang, call.ticketMaxVnd)}</dd>
            <dt>{t('Tổng ngân sách', 'Budget')}</dt><dd>{vnd(lang, call.budgetVnd)}</dd>
          </dl>
          {data?.checkEligibility && (
            <section className="card" aria-labelledby="elig-h">
              <h2 id="elig-h">
                {data.checkEligibility.eligible
                  ? t('Startup của bạn đủ điều kiện', 'Your startup is eligible')
                  : t('Startup của bạn chưa đủ điều kiện', 'Your startup is not eligible yet')}
              </h2>
              <ul className="checks">
                {data.checkEligibility.outcomes.map((o) => (
                  <li key={o.key} className={o.passed ? 'pass' : 'fail'}>
                    <span aria-hidden="true">{o.passed ? '✓' : '✗'}</span>
                    <span className="sr-only">{o.passed ? t('Đạt: ', 'Passed: ') : t('Chưa đạt: ', 'Not passed: ')}</span>
                    {o.reason}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {existing && existing.status !== 'DRAFT' ? (
            <p className="notice">
              {t('Bạn đã nộp hồ sơ vào đợt này: ', 'You have applied to this call: ')}
              <Link to={`/applications/${encodeURIComponent(existing.id)}`}>{label(t, 'application', existing.status)}</Link>
            </p>
          ) : call.viewerCanApply && session.org ? (
            <ApplicationForm call={call} startupId={session.org} draft={existing ?? null} />
          ) : !founder ? null : (
            <p className="notice">{t('Đợt này hiện không nhận hồ sơ.', 'This call does not take applications now.')}</p>
          )}
        </>
      )}
    </Page>
  );
}

function initialAnswers(draft: { answers: readonly AnswerInput[] } | null): Draft {
  const out: Draft = {};
  for (const a of draft?.answers ?? []) {
    out[a.questionKey] = { questionKey: a.questionKey, text: a.text, number: a.number, choices: a.choices, documentRef: a.documentRef };
  }
  return out;
}

function ApplicationForm({ call, startupId, draft }: {
  call: Call; startupId: string;
  draft: { id: string; version: number; requestedAmountVnd: string; answers: readonly AnswerInput[] } | null;
}) {
  const t = useT();
  const { lang } = useLang();
  const [answers, setAnswers] = useState<Draft>(() => initialAnswers(draft));
  const [amount, setAmount] = useState(draft?.requestedAmountVnd ?? '');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef(newKey()); // one key per attempt: a second click resends it
  const version = useRef(draft?.version ?? 0);
  const draftId = useRef(draft?.id ?? null);
  const [, create] = useMutation(CreateApplication);
  const [, submit] = useMutation(SubmitApplication);
  const [, update] = useMutation(UpdateDraft);
  const [, submitDraft] = useMutation(SubmitDraft);

  const set = (q: Question, patch: Partial<AnswerInput>) => setAnswers((a) => ({ ...a, [q.key]: { ...a[q.key], questionKey: q.key, ...patch } }));
  const list = () => Object.values(answers).filter((a) => a.text || a.number != null || a.choices?.length || a.documentRef);
  const amountDigits = amount.replace(/\D/g, '');

  const run = async (mode: 'draft' | 'submit') => {
    if (busy) return;
    setBusy(true);
    setSaved(null);
    try {
      let result: { application?: { id: string; version: number; status: string } | null; userErrors: UserError[] } | undefined;
      if (draftId.current) {
        const u = await update({ input: { id: draftId.current, version: version.current, requestedAmountVnd: amountDigits || '0', answers: list() } });
        result = u.data?.updateApplicationDraft;
        if (result?.application) version.current = result.application.version;
        if (mode === 'submit' && result && !result.userErrors.length) {
          result = (await submitDraft({ input: { id: draftId.current, version: version.current } })).data?.submitApplicationDraft;
        }
      } else {
        const input = { callId: call.id, startupId, idempotencyKey: attempt.current, requestedAmountVnd: amountDigits || '0', answers: list() };
        result = mode === 'draft' ? (await create({ input })).data?.createApplication : (await submit({ input })).data?.submitApplication;
      }
      if (!result) {
        setErrors([{ code: 'INTERNAL', message: t('Không gửi được. Hãy thử lại.', 'Could not send. Please try again.'), field: null } ]);
        return;
      }
      setErrors(result.userErrors);
      if (result.userErrors.length) {
        attempt.current = newKey(); // the next click is a new attempt
        if (result.application) version.current = result.application.version;
        return;
      }
      if (result.application) {
        version.current = result.application.version;
        draftId.current = result.application.id;
        if (mode === 'submit') navigate(`/applications/${encodeURIComponent(result.application.id)}`);
        else setSaved(t('Đã lưu bản nháp.', 'Draft saved.'));
      }
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    run('submit');
  };
  const fieldIds = ['requestedAmountVnd', ...call.questions.map((q) => `answers.${q.key}`)];
  return (
    <form className="form card" onSubmit={onSubmit} noValidate aria-labelledby="apply-h">
      <h2 id="apply-h">{t('Hồ sơ đăng ký', 'Application')}</h2>
      <p className="muted">{t('Các mục có dấu * là bắt buộc.', 'Fields marked * are required.')}</p>
      <FormErrors errors={errors} shown={fieldIds} />
      <div className="field">
        <label htmlFor="amount">{t('Số tiền đề nghị (đồng)', 'Amount requested (đồng)')} *</label>
        <input id="amount" inputMode="numeric" required value={amount} onChange={(e) => setAmount(e.target.value)}
          aria-describedby="amount-hint amount-err" aria-invalid={errorsAt(errors, 'requestedAmountVnd').length > 0} />
        <span id="amount-hint" className="hint">
          {amountDigits ? vnd(lang, amountDigits) + ' · ' : ''}{vnd(lang, call.ticketMinVnd)} – {vnd(lang, call.ticketMaxVnd)}
        </span>
        <FieldErrors id="amount-err" errors={errorsAt(errors, 'requestedAmountVnd')} />
      </div>
      {call.questions.map((q) => <QuestionField key={q.key} q={q} value={answers[q.key]} onChange={(p) => set(q, p)} errors={errorsAt(errors, `answers.${q.key}`)} />)}
      <p role="status" aria-live="polite" className="toast">{saved}</p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} aria-busy={busy}>{t('Nộp hồ sơ', 'Submit application')}</button>
        <button type="button" disabled={busy} onClick={() => run('draft')}>{t('Lưu bản nháp', 'Save draft')}</button>
      </div>
    </form>
  );
}

function QuestionField({ q, value, onChange, errors }: {
  q: Question; value: AnswerInput | undefined; onChange: (p: Partial<AnswerInput>) => void; errors: { message: string; code: string }[];
}) {
  const t = useT();
  const id = `q-${q.key}`;
  const invalid = errors.length > 0;
  const describedBy = `${id}-hint ${id}-err`;
  const hint = [
    q.minLength != null ? t(`tối thiểu ${q.minLength} ký tự`, `at least ${q.minLength} characters`) : '',
    q.maxLength != null ? t(`tối đa ${q.maxLength} ký tự`, `at most ${q.maxLength} characters`) : '',
    q.min != null ? t(`từ ${q.min}`, `from ${q.min}`) : '',
    q.max != null ? t(`đến ${q.max}`, `to ${q.max}`) : '',
  ].filter(Boolean).join(', ');
  const req = q.required ? ' *' : '';
  if (q.kind === 'SINGLE_CHOICE' || q.kind === 'MULTIPLE_CHOICE') {
    const multi = q.kind === 'MULTIPLE_CHOICE';
    const chosen = value?.choices ?? [];
    return (
      <fieldset className="field" aria-invalid={invalid} aria-describedby={describedBy}>
        <legend>{q.label}{req}</legend>
        {q.options.map((o, i) => (
          <label key={o} className="choice">
            <input type={multi ? 'checkbox' : 'radio'} name={id} id={`${id}-${i}`} checked={chosen.includes(o)}
              onChange={(e) => onChange({ choices: multi ? (e.target.checked ? [...chosen, o] : chosen.filter((c) => c !== o)) : [o] })} />
            {o}
          </label>
        ))}
        <span id={`${id}-hint`} className="hint">{multi ? t('Chọn một hoặc nhiều', 'Choose one or more') : t('Chọn một', 'Choose one')}</span>
        <FieldErrors id={`${id}-err`} errors={errors} />
      </fieldset>
    );
  }
  return (
    <div className="field">
      <label htmlFor={id}>{q.label}{req}</label>
      {q.kind === 'TEXT' ? (
        <>
          <textarea id={id} rows={4} value={value?.text ?? ''} maxLength={q.maxLength ?? undefined} required={q.required}
            aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange({ text: e.target.value })} />
          <span className="hint counter">{(value?.text ?? '').length}{q.maxLength != null ? ` / ${q.maxLength}` : ''}</span>
        </>
      ) : q.kind === 'NUMBER' ? (
        <input id={id} type="number" value={value?.number ?? ''} min={q.min ?? undefined} max={q.max ?? undefined} required={q.required}
          aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange({ number: e.target.value === '' ? null : Number(e.target.value) })} />
      ) : (
        <input id={id} type="text" value={value?.documentRef ?? ''} required={q.required} placeholder={t('Đường dẫn hoặc mã tài liệu', 'A link or document reference')}
          aria-invalid={invalid} aria-describedby={describedBy} onChange={(e) => onChange({ documentRef: e.target.value })} />
      )}
      <span id={`${id}-hint`} className="hint">{hint}</span>
      <FieldErrors id={`${id}-err`} errors={errors} />
    </div>
  );
}

const MyApplicationsQuery = graphql(`
  query MyApplications {
    viewer {
      applications(first: 100) {
        totalCount
        edges { node { id status requestedAmountVnd submittedAt fundCall { id title closesAt } history { at to } } }
      }
    }
  }
`);

export function MyApplications() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: MyApplicationsQuery, requestPolicy: 'network-only' });
  const apps = data?.viewer.applications.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('Hồ sơ đã nộp', 'My applications')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !apps.length && <Empty>{t('Bạn chưa nộp hồ sơ nào. ', 'You have not applied yet. ')}<Link to="/calls">{t('Xem các đợt gọi vốn', 'See the funding calls')}</Link></Empty>}
      {apps.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Đợt gọi vốn', 'Call')}</th>
                <th scope="col">{t('Trạng thái', 'Status')}</th>
                <th scope="col">{t('Số tiền', 'Amount')}</th>
                <th scope="col">{t('Cập nhật', 'Updated')}</th>
              </tr>
            </thead>
            <tbody>
              {apps.map((a) => (
                <tr key={a.id}>
                  <td><Link to={`/applications/${encodeURIComponent(a.id)}`}>{a.fundCall.title}</Link></td>
                  <td><span className={`badge s-${a.status}`}>{label(t, 'application', a.status)}</span></td>
                  <td>{vnd(lang, a.requestedAmountVnd)}</td>
                  <td>{a.history.length ? dateTime(lang, a.history[a.history.length - 1].at) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

const ApplicationQuery = graphql(`
  query ApplicationPage($id: ID!) {
    application(id: $id) {
      id status version requestedAmountVnd submittedAt
      fundCall { id title questions { key label } }
      startup { id name }
      answers { questionKey text number choices documentRef }
      history { at from to reason actor { name } }
      feedback { criterion score comment passed }
    }
  }
`);
const Withdraw = graphql(`
  mutation WithdrawApplication($input: ApplicationActionInput!) {
    withdrawApplication(input: $input) { application { id status version history { at from to reason actor { name } } } userErrors { field code message } }
  }
`);

export function ApplicationPage({ params }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: ApplicationQuery, variables: { id: params.id } });
  const [w, withdraw] = useMutation(Withdraw);
  const a = data?.application;
  const labelOf = (key: string) => a?.fundCall.questions.find((q) => q.key === key)?.label ?? key;
  const withdrawErrors = w.data?.withdrawApplication.userErrors;
  return (
    <Page title={a ? `${a.fundCall.title} — ${a.startup.name}` : t('Hồ sơ', 'Application')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {a && (
        <>
          <p>
            {t('Trạng thái: ', 'Status: ')}<strong className={`badge s-${a.status}`}>{label(t, 'application', a.status)}</strong>
            {a.submittedAt && <> · {t('nộp lúc', 'submitted')} {dateTime(lang, a.submittedAt)}</>}
            {' · '}{vnd(lang, a.requestedAmountVnd)}
          </p>
          {a.status === 'DRAFT' && <p><Link to={`/calls/${encodeURIComponent(a.fundCall.id)}`}>{t('Tiếp tục bản nháp', 'Continue the draft')}</Link></p>}
          <section aria-labelledby="hist-h">
            <h2 id="hist-h">{t('Lịch sử', 'History')}</h2>
            <ol className="timeline">
              {a.history.map((h, i) => (
                <li key={i}>
                  <time dateTime={h.at}>{dateTime(lang, h.at)}</time> — {label(t, 'application', h.from)} → <strong>{label(t, 'application', h.to)}</strong>
                  {h.actor.name && <span className="muted"> · {h.actor.name}</span>}
                  {h.reason && <p className="reason">{h.reason}</p>}
                </li>
              ))}
            </ol>
          </section>
          {!!a.feedback?.length && (
            <section aria-labelledby="fb-h">
              <h2 id="fb-h">{t('Nhận xét của hội đồng', 'Reviewers\u2019 feedback')}</h2>
              <ul>{a.feedback.map((f) => <li key={f.criterion}>{f.criterion}: {f.score}{f.comment ? ` — ${f.comment}` : ''}</li>)}</ul>
            </section>
          )}
          <section aria-labelledby="ans-h">
            <h2 id="ans-h">{t('Câu trả lời', 'Answers')}</h2>
            <dl className="answers">
              {a.answers.map((x) => (
                <div key={x.questionKey}>
                  <dt>{labelOf(x.questionKey)}</dt>
                  <dd>{x.text ?? x.number ?? x.choices?.join(', ') ?? x.documentRef}</dd>
                </div>
              ))}
            </dl>
          </section>
          {['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'SHORTLISTED'].includes(a.status) && (
            <p>
              <button type="button" className="danger" disabled={w.fetching}
                onClick={() => confirm(t('Rút hồ sơ này?', 'Withdraw this application?')) && withdraw({ input: { id: a.id, version: a.version } })}>
                {t('Rút hồ sơ', 'Withdraw')}
              </button>
            </p>
          )}
          {withdrawErrors?.length ? <div className="notice error" role="alert">{withdrawErrors.map((e) => e.message).join(' ')}</div> : null}
        </>
      )}
    </Page>
  );
}

const ScreeningQuery = graphql(`
  query Screening($id: ID!) {
    startup(id: $id) {
      id version
      screening { setKey setVersion status evaluatedAt criteria { key passed reason } }
      evidence {
        legalForm firstRegisteredOn publicOffering
        ipAssets { kind number grantedOn expiresOn documentRef }
        certificates { kind issuedOn expiresOn documentRef }
        awards { name }
        investments { fund }
        confirmations { issuer }
      }
    }
    criteriaSets(status: ACTIVE) { key title legalBasis }
  }
`);
const UpdateEvidence = graphql(`
  mutation UpdateEvidence($input: UpdateStartupInput!) {
    updateStartup(input: $input) { startup { id version } userErrors { field code message } }
  }
`);

export function Screening({ session }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ScreeningQuery, variables: { id: session.org ?? '' }, pause: !session.org });
  const [saving, save] = useMutation(UpdateEvidence);
  const [kind, setKind] = useState<'ST_ENTERPRISE' | 'HIGH_TECH'>('ST_ENTERPRISE');
  const [issuedOn, setIssuedOn] = useState('');
  const [doc, setDoc] = useState('');
  const s = data?.startup;
  const errors = saving.data?.updateStartup.userErrors ?? [];
  const addCertificate = async (e: FormEvent) => {
    e.preventDefault();
    if (!s?.evidence) return;
    const ev = s.evidence;
    const r = await save({
      input: {
        id: s.id, version: s.version,
        evidence: {
          legalForm: ev.legalForm, firstRegisteredOn: ev.firstRegisteredOn, publicOffering: ev.publicOffering,
          ipAssets: ev.ipAssets.map(({ kind, number, grantedOn, expiresOn, documentRef }) => ({ kind, number, grantedOn, expiresOn, documentRef })),
          certificates: [...ev.certificates.map(({ kind, issuedOn, expiresOn, documentRef }) => ({ kind, issuedOn, expiresOn, documentRef })), { kind, issuedOn, documentRef: doc }],
        },
      },
    });
    if (r.data?.updateStartup.startup) {
      setDoc('');
      setIssuedOn('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  return (
    <Page title={t('Sàng lọc pháp lý', 'Legal screening')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {s && data && (
        <>
          {data.criteriaSets.map((set) => {
            const r = s.screening?.find((x) => x.setKey === set.key);
            return (
              <section key={set.key} className="card" aria-labelledby={`set-${set.key}`}>
                <h2 id={`set-${set.key}`}>{set.title}</h2>
                <p className="muted">{set.legalBasis}</p>
                {!r ? <Empty>{t('Chưa được sàng lọc.', 'Not screened yet.')}</Empty> : (
                  <>
                    <p><strong className={`badge s-${r.status}`}>{label(t, 'screening', r.status)}</strong> <span className="muted">· {dateTime(lang, r.evaluatedAt)}</span></p>
                    <ul className="checks">
                      {r.criteria.map((c) => (
                        <li key={c.key} className={c.passed ? 'pass' : 'fail'}>
                          <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span>
                          <span className="sr-only">{c.passed ? t('Đạt: ', 'Passed: ') : t('Chưa đạt: ', 'Not passed: ')}</span>
                          {c.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </section>
            );
          })}
          <section className="card" aria-labelledby="ev-h">
            <h2 id="ev-h">{t('Minh chứng', 'Evidence')}</h2>
            <dl className="facts">
              <dt>{t('Loại hình', 'Legal form')}</dt><dd>{s.evidence?.legalForm ? label(t, 'legalForm', s.evidence.legalForm) : '—'}</dd>
              <dt>{t('Tài sản trí tuệ', 'IP assets')}</dt><dd>{s.evidence?.ipAssets.map((a) => `${label(t, 'ipKind', a.kind)} ${a.number ?? ''}`.trim()).join(', ') || '—'}</dd>
              <dt>{t('Chứng nhận', 'Certificates')}</dt><dd>{s.evidence?.certificates.map((c) => `${label(t, 'certificate', c.kind)} (${date(lang, c.issuedOn)})`).join(', ') || '—'}</dd>
              <dt>{t('Giải thưởng', 'Awards')}</dt><dd>{s.evidence?.awards.map((a) => a.name).join(', ') || '—'}</dd>
              <dt>{t('Đầu tư', 'Investments')}</dt><dd>{s.evidence?.investments.map((a) => a.fund).join(', ') || '—'}</dd>
            </dl>
            <form className="form" onSubmit={addCertificate}>
              <h3>{t('Thêm chứng nhận', 'Add a certificate')}</h3>
              <FormErrors errors={errors} shown={[]} />
              <div className="field">
                <label htmlFor="cert-kind">{t('Loại', 'Kind')}</label>
                <select id="cert-kind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
                  {values('certificate').map((k) => <option key={k} value={k}>{label(t, 'certificate', k)}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="cert-on">{t('Ngày cấp', 'Issued on')}</label>
                <input id="cert-on" type="date" required value={issuedOn} onChange={(e) => setIssuedOn(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="cert-doc">{t('Số hiệu hoặc đường dẫn tài liệu', 'Document number or link')}</label>
                <input id="cert-doc" required value={doc} onChange={(e) => setDoc(e.target.value)} />
              </div>
              <button type="submit" disabled={saving.fetching || !s.evidence}>{t('Lưu minh chứng', 'Save evidence')}</button>
            </form>
          </section>
        </>
      )}
    </Page>
  );
}

const DataRoomQuery = graphql(`
  query DataRoom($id: ID!) {
    startup(id: $id) {
      id
      dataRoomGrants { investor { id name } grantor { name } grantedAt expiresAt revokedAt active }
      dataRoomAccessLog(first: 50) { totalCount edges { node { investor { name } subject field at } } }
    }
    investors(first: 100) { edges { node { id name } } }
  }
`);
const Grant = graphql(`
  mutation GrantDataRoom($input: GrantDataRoomAccessInput!) {
    grantDataRoomAccess(input: $input) { userErrors { field code message } }
  }
`);
const Revoke = graphql(`
  mutation RevokeDataRoom($input: RevokeDataRoomAccessInput!) {
    revokeDataRoomAccess(input: $input) { userErrors { field code message } }
  }
`);

export function DataRoom({ session }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: DataRoomQuery, variables: { id: session.org ?? '' }, pause: !session.org });
  const [g, grant] = useMutation(Grant);
  const [, revoke] = useMutation(Revoke);
  const [investor, setInvestor] = useState('');
  const [until, setUntil] = useState('');
  const s = data?.startup;
  const onGrant = async (e: FormEvent) => {
    e.preventDefault();
    const r = await grant({ input: { startupId: session.org!, investorId: investor, expiresAt: new Date(`${until}T23:59:59+07:00`).toISOString() } });
    if (r.data && !r.data.grantDataRoomAccess.userErrors.length) refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={t('Phòng dữ liệu', 'Data room')}>
      <p>{t('Cho nhà đầu tư xem thông tin liên hệ, tài chính và minh chứng của bạn trong thời hạn bạn chọn; mọi lượt xem được ghi lại.',
        'Let an investor read your contact, financials and evidence until a date you choose; every read is logged.')}</p>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {s && data && (
        <>
          <form className="form card" onSubmit={onGrant}>
            <h2>{t('Cấp quyền xem', 'Grant access')}</h2>
            <FormErrors errors={g.data?.grantDataRoomAccess.userErrors} shown={[]} />
            <div className="field">
              <label htmlFor="dr-inv">{t('Nhà đầu tư', 'Investor')}</label>
              <select id="dr-inv" required value={investor} onChange={(e) => setInvestor(e.target.value)}>
                <option value="">{t('— chọn —', '— choose —')}</option>
                {data.investors.edges.map(({ node }) => <option key={node.id} value={node.id}>{node.name}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="dr-until">{t('Đến hết ngày', 'Until the end of')}</label>
              <input id="dr-until" type="date" required value={until} onChange={(e) => setUntil(e.target.value)} />
            </div>
            <button type="submit" disabled={g.fetching}>{t('Cấp quyền', 'Grant')}</button>
          </form>
          <h2>{t('Ai đang có quyền', 'Who has access')}</h2>
          {!s.dataRoomGrants?.length ? <Empty>{t('Chưa cấp quyền cho ai.', 'No one yet.')}</Empty> : (
            <ul className="list">
              {s.dataRoomGrants.map((gr) => (
                <li key={gr.investor.id}>
                  <strong>{gr.investor.name}</strong> — {gr.active ? t(`đến ${dateTime(lang, gr.expiresAt)}`, `until ${dateTime(lang, gr.expiresAt)}`) : t('đã hết hiệu lực', 'ended')}
                  {gr.active && (
                    <button type="button" className="quiet" onClick={async () => { await revoke({ input: { startupId: session.org!, investorId: gr.investor.id } }); refetch({ requestPolicy: 'network-only' }); }}>
                      {t('Thu hồi', 'Revoke')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <h2>{t('Ai đã xem gì', 'Who read what')}</h2>
          {!s.dataRoomAccessLog?.edges.length ? <Empty>{t('Chưa có lượt xem.', 'No reads yet.')}</Empty> : (
            <ul className="list">
              {s.dataRoomAccessLog.edges.map(({ node: l }, i) => (
                <li key={i}>{dateTime(lang, l.at)} — {l.investor?.name ?? l.subject}: {l.field}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </Page>
  );
}
