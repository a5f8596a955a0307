import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { CompareMatchingWeightsQuery, CriteriaSetPageQuery, ImportStartupsMutation, MatchingWeightsPageQuery, PreviewCriteriaSetQuery, ScreeningStatus } from '../gql/graphql';
import type { Session } from '../lib/auth';
import { date, dateTime, decimal, percent } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label } from '../lib/labels';
import { Link, navigate } from '../lib/router';
import { Empty, ErrorNotice, errorsAt, FieldErrors, FormErrors, Loading, Page, type UserErrorLike as UserError } from '../ui/common';
import { ExpressionEditor } from '../ui/expression';

type Props = { params: Record<string, string>; session: Session };

const CriteriaSetsQuery = graphql(`
  query CriteriaSets {
    criteriaSets { id key setVersion title status effectiveFrom legalBasis criteria { key } }
  }
`);

/** Every criteria set, by key and version: the active ones screen the city's firms. */
export function CriteriaSets() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: CriteriaSetsQuery, requestPolicy: 'cache-and-network' });
  const sets = data?.criteriaSets ?? [];
  return (
    <Page title={t('Bộ tiêu chí sàng lọc', 'Screening criteria sets')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !sets.length && <Empty>{t('Chưa có bộ tiêu chí.', 'No criteria sets.')}</Empty>}
      {sets.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Bộ tiêu chí', 'Set')}</th><th scope="col">{t('Phiên bản', 'Version')}</th>
                <th scope="col">{t('Trạng thái', 'Status')}</th><th scope="col">{t('Hiệu lực từ', 'Effective')}</th>
                <th scope="col">{t('Tiêu chí', 'Criteria')}</th>
              </tr>
            </thead>
            <tbody>
              {sets.map((s) => (
                <tr key={s.id}>
                  <td><Link to={`/admin/criteria/${encodeURIComponent(s.id)}`}>{s.title}</Link><div className="muted">{s.key} · {s.legalBasis}</div></td>
                  <td>{s.setVersion}</td>
                  <td><span className={`badge s-${s.status}`}>{label(t, 'criteriaSet', s.status)}</span></td>
                  <td>{date(lang, s.effectiveFrom)}</td>
                  <td>{s.criteria.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

const CriteriaSetQuery = graphql(`
  query CriteriaSetPage($id: ID!, $status: ScreeningStatus) {
    node(id: $id) {
      ... on CriteriaSet {
        id version key setVersion status effectiveFrom legalBasis titleLocalized { vi en }
        criteria { key group expression needs passReasonLocalized { vi en } failReasonLocalized { vi en } }
        screeningCounts { status count }
        screeningResults(status: $status, first: 50) {
          totalCount
          edges { node { status evaluatedAt startup { id name } } }
        }
      }
    }
  }
`);

const PreviewSet = graphql(`
  query PreviewCriteriaSet($id: ID!) {
    previewCriteriaSet(id: $id) { firms changes firmsChanging { from to startup { id name } } }
  }
`);

const CreateSet = graphql(`mutation CreateCriteriaSet($input: CriteriaSetInput!) { createCriteriaSet(input: $input) { criteriaSet { id } userErrors { field code message } } }`);
const UpdateSet = graphql(`mutation UpdateCriteriaSet($input: UpdateCriteriaSetInput!) { updateCriteriaSet(input: $input) { criteriaSet { id version } userErrors { field code message } } }`);
const PublishSet = graphql(`mutation PublishCriteriaSet($input: CriteriaSetActionInput!) { publishCriteriaSet(input: $input) { criteriaSet { id status version } userErrors { field code message } } }`);
const RetireSet = graphql(`mutation RetireCriteriaSet($input: CriteriaSetActionInput!) { retireCriteriaSet(input: $input) { criteriaSet { id status version } userErrors { field code message } } }`);

interface CriterionFields { key: string; group: string; expression: string; passReason: string; passReasonEn: string; failReason: string; failReasonEn: string; needs: string }
interface SetFields { key: string; title: string; titleEn: string; legalBasis: string; effectiveFrom: string; criteria: CriterionFields[] }

function setInput(f: SetFields) {
  return {
    key: f.key, title: f.title, titleEn: f.titleEn, legalBasis: f.legalBasis, effectiveFrom: f.effectiveFrom,
    criteria: f.criteria.map((c) => ({
      key: c.key, group: c.group || null, expression: c.expression, passReason: c.passReason, passReasonEn: c.passReasonEn,
      failReason: c.failReason, failReasonEn: c.failReasonEn, needs: c.needs.split(',').map((n) => n.trim()).filter(Boolean),
    })),
  };
}

/** One criteria set: a draft is edited (CEL compiled as typed), previewed (which firms would change status) and published; an active set shows its results. */
export function CriteriaSetPage({ params }: Props) {
  const t = useT();
  const [status, setStatus] = useState<ScreeningStatus | null>(null);
  const [{ data: fresh, fetching, error }, refetch] = useQuery({ query: CriteriaSetQuery, variables: { id: params.id, status }, requestPolicy: 'cache-and-network' });
  // A status filter asks again; the page stays as it was until the answer comes.
  const last = useRef(fresh);
  if (fresh) last.current = fresh;
  const data = fresh ?? last.current;
  const [errors, setErrors] = useState<UserError[]>([]);
  const [, create] = useMutation(CreateSet);
  const [, publish] = useMutation(PublishSet);
  const [, retire] = useMutation(RetireSet);
  const set = data?.node && 'setVersion' in data.node ? data.node : null;
  if (fetching && !data) return <Page title={t('Bộ tiêu chí', 'Criteria set')}><Loading /></Page>;
  if (error) return <Page title={t('Bộ tiêu chí', 'Criteria set')}><ErrorNotice error={error} /></Page>;
  if (!set) return <Page title={t('Bộ tiêu chí', 'Criteria set')}><Empty>{t('Không tìm thấy bộ tiêu chí.', 'No such set.')}</Empty></Page>;
  const fields: SetFields = {
    key: set.key, title: set.titleLocalized.vi, titleEn: set.titleLocalized.en ?? '', legalBasis: set.legalBasis, effectiveFrom: set.effectiveFrom,
    criteria: set.criteria.map((c) => ({
      key: c.key, group: c.group ?? '', expression: c.expression, needs: c.needs.join(', '),
      passReason: c.passReasonLocalized.vi, passReasonEn: c.passReasonLocalized.en ?? '',
      failReason: c.failReasonLocalized.vi, failReasonEn: c.failReasonLocalized.en ?? '',
    })),
  };
  const base = { id: set.id, version: set.version };
  const newDraft = async () => {
    const r = await create({ input: setInput(fields) });
    const p = r.data?.createCriteriaSet;
    if (!p) return;
    setErrors([...p.userErrors]);
    if (p.criteriaSet) navigate(`/admin/criteria/${encodeURIComponent(p.criteriaSet.id)}`);
  };
  const act = async (run: () => Promise<{ userErrors: readonly UserError[] } | null | undefined>) => {
    const p = await run();
    setErrors(p ? [...p.userErrors] : []);
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={`${set.titleLocalized.vi} — v${set.setVersion}`}>
      <p>
        <span className={`badge s-${set.status}`}>{label(t, 'criteriaSet', set.status)}</span> <span className="muted">{set.key} · {set.legalBasis}</span>
      </p>
      <FormErrors errors={errors} shown={[]} />
      <div className="actions wrap">
        {set.status !== 'DRAFT' && <button type="button" onClick={newDraft}>{t('Tạo bản nháp mới từ bộ này', 'New draft from this set')}</button>}
        {set.status === 'ACTIVE' && <button type="button" className="danger" onClick={() => act(async () => (await retire({ input: base })).data?.retireCriteriaSet)}>{t('Thôi áp dụng', 'Retire')}</button>}
      </div>
      {set.status === 'DRAFT'
        ? <DraftEditor key={set.id} id={set.id} version={set.version} initial={fields}
            onPublish={(version) => act(async () => (await publish({ input: { id: set.id, version } })).data?.publishCriteriaSet)} />
        : <SetView criteria={fields.criteria} />}
      {set.status === 'ACTIVE' && <Results counts={set.screeningCounts ?? []} results={set.screeningResults} status={status} onStatus={setStatus} busy={fetching} />}
    </Page>
  );
}

function SetView({ criteria }: { criteria: CriterionFields[] }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <>
      <h2>{t('Tiêu chí', 'Criteria')}</h2>
      {criteria.map((c) => (
        <div key={c.key} className="card">
          <h3>{c.key}{c.group ? <span className="muted"> · {c.group}</span> : null}</h3>
          <pre className="code">{c.expression}</pre>
          <p>{t('Đạt', 'Pass')}: {lang === 'en' ? c.passReasonEn : c.passReason}</p>
          <p>{t('Không đạt', 'Fail')}: {lang === 'en' ? c.failReasonEn : c.failReason}</p>
        </div>
      ))}
    </>
  );
}

/**
 * A draft set's form. It keeps the version it last saved, so a save and
 * the preview after it are not undone when the page refetches the set.
 */
function DraftEditor({ id, version: loaded, initial, onPublish }: { id: string; version: number; initial: SetFields; onPublish: (version: number) => void }) {
  const t = useT();
  const client = useClient();
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [saved, setSaved] = useState(true);
  const [preview, setPreview] = useState<PreviewCriteriaSetQuery['previewCriteriaSet']>(null);
  const [previewing, setPreviewing] = useState(false);
  const [version, setVersion] = useState(loaded);
  const [, update] = useMutation(UpdateSet);
  const setC = (i: number, patch: Partial<CriterionFields>) => { setSaved(false); setF({ ...f, criteria: f.criteria.map((c, j) => (j === i ? { ...c, ...patch } : c)) }); };
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await update({ input: { id, version, set: setInput(f) } });
    const p = r.data?.updateCriteriaSet;
    if (!p) return;
    setErrors([...p.userErrors]);
    if (p.criteriaSet) { setVersion(p.criteriaSet.version); setSaved(true); setPreview(null); }
  };
  const runPreview = async () => {
    setPreviewing(true);
    const r = await client.query(PreviewSet, { id }, { requestPolicy: 'network-only' }).toPromise();
    setPreviewing(false);
    setPreview(r.data?.previewCriteriaSet ?? null);
  };
  const at = (p: string) => errorsAt(errors, `set.${p}`);
  return (
    <>
      <form onSubmit={onSubmit} noValidate className="stack">
        <FormErrors errors={errors} shown={['set']} />
        <div className="grid2">
          <div className="field"><label htmlFor="s-title">{t('Tên (tiếng Việt)', 'Title (Vietnamese)')}</label><input id="s-title" value={f.title} onChange={(e) => { setSaved(false); setF({ ...f, title: e.target.value }); }} aria-describedby="s-title-err" /><FieldErrors id="s-title-err" errors={at('title')} /></div>
          <div className="field"><label htmlFor="s-titleEn">{t('Tên (tiếng Anh)', 'Title (English)')}</label><input id="s-titleEn" value={f.titleEn} onChange={(e) => { setSaved(false); setF({ ...f, titleEn: e.target.value }); }} aria-describedby="s-titleEn-err" /><FieldErrors id="s-titleEn-err" errors={at('titleEn')} /></div>
          <div className="field"><label htmlFor="s-basis">{t('Căn cứ pháp lý', 'Legal basis')}</label><input id="s-basis" value={f.legalBasis} onChange={(e) => { setSaved(false); setF({ ...f, legalBasis: e.target.value }); }} aria-describedby="s-basis-err" /><FieldErrors id="s-basis-err" errors={at('legalBasis')} /></div>
          <div className="field"><label htmlFor="s-from">{t('Hiệu lực từ', 'Effective from')}</label><input id="s-from" type="date" value={f.effectiveFrom} onChange={(e) => { setSaved(false); setF({ ...f, effectiveFrom: e.target.value }); }} aria-describedby="s-from-err" /><FieldErrors id="s-from-err" errors={at('effectiveFrom')} /></div>
        </div>
        {f.criteria.map((c, i) => {
          const p = `criteria.${i}`;
          return (
            <fieldset key={i} className="card">
              <legend>{c.key || t(`Tiêu chí ${i + 1}`, `Criterion ${i + 1}`)}</legend>
              <div className="grid2">
                <div className="field"><label htmlFor={`sc${i}-key`}>{t('Mã tiêu chí', 'Criterion key')}</label><input id={`sc${i}-key`} value={c.key} onChange={(e) => setC(i, { key: e.target.value })} aria-describedby={`sc${i}-key-err`} /><FieldErrors id={`sc${i}-key-err`} errors={at(`${p}.key`)} /></div>
                <div className="field"><label htmlFor={`sc${i}-group`}>{t('Nhóm (đạt một trong nhóm là đủ)', 'Group (any one of a group suffices)')}</label><input id={`sc${i}-group`} value={c.group} onChange={(e) => setC(i, { group: e.target.value })} /></div>
                <div className="field"><label htmlFor={`sc${i}-pass`}>{t('Lý do khi đạt (tiếng Việt)', 'Reason when met (Vietnamese)')}</label><input id={`sc${i}-pass`} value={c.passReason} onChange={(e) => setC(i, { passReason: e.target.value })} /></div>
                <div className="field"><label htmlFor={`sc${i}-passEn`}>{t('Lý do khi đạt (tiếng Anh)', 'Reason when met (English)')}</label><input id={`sc${i}-passEn`} value={c.passReasonEn} onChange={(e) => setC(i, { passReasonEn: e.target.value })} /></div>
                <div className="field"><label htmlFor={`sc${i}-fail`}>{t('Lý do khi không đạt (tiếng Việt)', 'Reason when not met (Vietnamese)')}</label><input id={`sc${i}-fail`} value={c.failReason} onChange={(e) => setC(i, { failReason: e.target.value })} /></div>
                <div className="field"><label htmlFor={`sc${i}-failEn`}>{t('Lý do khi không đạt (tiếng Anh)', 'Reason when not met (English)')}</label><input id={`sc${i}-failEn`} value={c.failReasonEn} onChange={(e) => setC(i, { failReasonEn: e.target.value })} /></div>
                <div className="field"><label htmlFor={`sc${i}-needs`}>{t('Minh chứng cần, cách nhau bởi dấu phẩy', 'Evidence needed, comma-separated')}</label><input id={`sc${i}-needs`} value={c.needs} onChange={(e) => setC(i, { needs: e.target.value })} /></div>
              </div>
              <ExpressionEditor id={`sc${i}-expr`} label={t(`Biểu thức — ${c.key}`, `Expression — ${c.key}`)} value={c.expression} language="SCREENING_CRITERION"
                onChange={(v) => setC(i, { expression: v })} errors={at(`${p}.expression`)} />
            </fieldset>
          );
        })}
        <div className="actions">
          <button type="submit" className="primary">{t('Lưu bản nháp', 'Save draft')}</button>
          <button type="button" onClick={runPreview} disabled={!saved || previewing}>{t('Xem trước thay đổi (what-if)', 'Preview the changes (what-if)')}</button>
          <button type="button" onClick={() => onPublish(version)} disabled={!saved}>{t('Công bố áp dụng', 'Publish')}</button>
        </div>
        {!saved && <p className="muted">{t('Lưu bản nháp trước khi xem trước hoặc công bố.', 'Save the draft before previewing or publishing.')}</p>}
      </form>
      {previewing && <Loading />}
      {preview && (
        <section aria-labelledby="preview-h" className="card">
          <h2 id="preview-h">{t('Nếu công bố bộ này', 'If this set is published')}</h2>
          <p role="status">{t(`${preview.changes} trong ${preview.firms} doanh nghiệp đổi trạng thái.`, `${preview.changes} of ${preview.firms} firms change status.`)}</p>
          {preview.firmsChanging.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">{t('Doanh nghiệp', 'Firm')}</th><th scope="col">{t('Hiện nay', 'Now')}</th><th scope="col">{t('Sẽ là', 'Would be')}</th></tr></thead>
                <tbody>
                  {preview.firmsChanging.map((c) => (
                    <tr key={c.startup.id}>
                      <td>{c.startup.name}</td>
                      <td>{c.from ? label(t, 'screening', c.from) : t('Chưa sàng lọc', 'Not screened')}</td>
                      <td>{label(t, 'screening', c.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </>
  );
}

type SetPage = Extract<NonNullable<CriteriaSetPageQuery['node']>, { setVersion: number }>;

/** An active set's results across the city, filtered by status (in the page's own request). */
function Results({ counts, results, status, onStatus, busy }: {
  counts: NonNullable<SetPage['screeningCounts']>; results: SetPage['screeningResults'];
  status: ScreeningStatus | null; onStatus: (s: ScreeningStatus | null) => void; busy: boolean;
}) {
  const t = useT();
  const { lang } = useLang();
  return (
    <section aria-labelledby="results-h" aria-busy={busy}>
      <h2 id="results-h">{t('Kết quả sàng lọc toàn thành phố', 'Screening results across the city')}</h2>
      <div role="group" aria-label={t('Lọc theo kết quả', 'Filter by result')} className="filters">
        <button type="button" aria-pressed={status === null} onClick={() => onStatus(null)}>{t('Tất cả', 'All')}</button>
        {counts.map((c) => (
          <button key={c.status} type="button" aria-pressed={status === c.status} onClick={() => onStatus(c.status)}>
            {label(t, 'screening', c.status)} ({c.count})
          </button>
        ))}
      </div>
      {results && (
        <ul className="plain">
          {results.edges.map(({ node: r }) => (
            <li key={r.startup.id}>
              <Link to={`/startups/${encodeURIComponent(r.startup.id)}`}>{r.startup.name}</Link> — {label(t, 'screening', r.status)} <span className="muted">{dateTime(lang, r.evaluatedAt)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const JobsQuery = graphql(`
  query Jobs {
    jobs { name schedule lastRun { id status trigger instance startedAt finishedAt stats error } }
  }
`);

const RunJob = graphql(`mutation RunJob($input: RunJobInput!) { runJob(input: $input) { jobRun { id status } userErrors { field code message } } }`);

/** Every scheduled job with its last run, run now, and followed live while it runs. */
export function Jobs() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: JobsQuery, requestPolicy: 'cache-and-network' });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [, run] = useMutation(RunJob);
  const running = (data?.jobs ?? []).some((j) => j.lastRun?.status === 'RUNNING');
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 1000);
    return () => clearInterval(timer);
  }, [running, refetch]);
  const runNow = async (name: string) => {
    const r = await run({ input: { name } });
    setErrors([...(r.data?.runJob.userErrors ?? [])]);
    refetch({ requestPolicy: 'network-only' });
  };
  const duration = (a: string, b?: string | null) => (b ? `${((new Date(b).getTime() - new Date(a).getTime()) / 1000).toFixed(1)} s` : '');
  return (
    <Page title={t('Tác vụ định kỳ', 'Scheduled jobs')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      <FormErrors errors={errors} shown={[]} />
      {data?.jobs && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Tác vụ', 'Job')}</th><th scope="col">{t('Lịch', 'Schedule')}</th>
                <th scope="col">{t('Lần chạy gần nhất', 'Last run')}</th><th scope="col">{t('Kết quả', 'Outcome')}</th><th scope="col"><span className="sr-only">{t('Thao tác', 'Actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {data.jobs.map((j) => (
                <tr key={j.name}>
                  <th scope="row">{j.name}</th>
                  <td><code>{j.schedule}</code></td>
                  <td>
                    {j.lastRun ? (
                      <>
                        <span className={`badge s-${j.lastRun.status}`} role={j.lastRun.status === 'RUNNING' ? 'status' : undefined}>{label(t, 'jobStatus', j.lastRun.status)}</span>{' '}
                        {dateTime(lang, j.lastRun.startedAt)} {duration(j.lastRun.startedAt, j.lastRun.finishedAt)}
                        <div className="muted">{label(t, 'jobTrigger', j.lastRun.trigger)} · {j.lastRun.instance}</div>
                      </>
                    ) : t('Chưa chạy', 'Never run')}
                  </td>
                  <td>{j.lastRun?.error ?? j.lastRun?.stats ?? ''}</td>
                  <td>
                    <button type="button" onClick={() => runNow(j.name)} disabled={j.lastRun?.status === 'RUNNING'}
                      aria-label={t(`Chạy ngay ${j.name}`, `Run ${j.name} now`)}>{t('Chạy ngay', 'Run now')}</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

const RegistryQuery = graphql(`
  query Registry {
    sectors { sector label }
    incubatorsConnection(first: 100) { edges { node { id version name nameEn university ward website programs { name } } } }
    funds { id version name nameEn description public }
  }
`);

const CreateIncubator = graphql(`mutation CreateIncubator($input: CreateIncubatorInput!) { createIncubator(input: $input) { incubator { id } userErrors { field code message } } }`);
const UpdateIncubator = graphql(`mutation UpdateIncubator($input: UpdateIncubatorInput!) { updateIncubator(input: $input) { incubator { id version } userErrors { field code message } } }`);
const CreateFund = graphql(`mutation CreateFund($input: CreateFundInput!) { createFund(input: $input) { fund { id } userErrors { field code message } } }`);
const UpdateFund = graphql(`mutation UpdateFund($input: UpdateFundInput!) { updateFund(input: $input) { fund { id version } userErrors { field code message } } }`);

interface IncubatorFields { name: string; nameEn: string; university: string; ward: string; website: string; program: string }
interface FundFields { name: string; nameEn: string; description: string; public: boolean }

/** The incubators and funds of the city: register new ones and edit them. */
export function Registry() {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: RegistryQuery, requestPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<string | null>(null);
  if (fetching && !data) return <Page title={t('Danh mục tổ chức', 'Registry')}><Loading /></Page>;
  if (error) return <Page title={t('Danh mục tổ chức', 'Registry')}><ErrorNotice error={error} /></Page>;
  if (!data) return null;
  const done = () => { setEditing(null); refetch({ requestPolicy: 'network-only' }); };
  const incubators = data.incubatorsConnection.edges.map((e) => e.node);
  const inc = incubators.find((i) => i.id === editing);
  const fund = data.funds.find((f) => f.id === editing);
  return (
    <Page title={t('Danh mục tổ chức', 'Registry')} actions={<Link className="button" to="/admin/import">{t('Nhập danh sách startup', 'Import startups')}</Link>}>
      <h2>{t('Vườn ươm', 'Incubators')}</h2>
      <ul className="plain">
        {incubators.map((i) => (
          <li key={i.id}>{i.name} <span className="muted">· {i.university} · {i.ward}{i.programs.length ? ` · ${i.programs.map((p) => p.name).join(', ')}` : ''}</span>{' '}
            <button type="button" className="link" onClick={() => setEditing(i.id)} aria-label={t(`Sửa ${i.name}`, `Edit ${i.name}`)}>{t('Sửa', 'Edit')}</button></li>
        ))}
      </ul>
      <IncubatorForm key={inc?.id ?? 'new-incubator'} record={inc ? { id: inc.id, version: inc.version } : null} onDone={done}
        initial={inc ? { name: inc.name, nameEn: inc.nameEn ?? '', university: inc.university, ward: inc.ward, website: inc.website ?? '', program: '' }
          : { name: '', nameEn: '', university: '', ward: '', website: '', program: '' }} />
      <h2>{t('Quỹ', 'Funds')}</h2>
      <ul className="plain">
        {data.funds.map((f) => (
          <li key={f.id}>{f.name} <span className="muted">{f.public ? t('· quỹ công', '· public fund') : ''}</span>{' '}
            <button type="button" className="link" onClick={() => setEditing(f.id)} aria-label={t(`Sửa ${f.name}`, `Edit ${f.name}`)}>{t('Sửa', 'Edit')}</button></li>
        ))}
      </ul>
      <FundForm key={fund?.id ?? 'new-fund'} record={fund ? { id: fund.id, version: fund.version } : null} onDone={done}
        initial={fund ? { name: fund.name, nameEn: fund.nameEn ?? '', description: fund.description ?? '', public: fund.public } : { name: '', nameEn: '', description: '', public: true }} />
    </Page>
  );
}

function IncubatorForm({ record, initial, onDone }: { record: { id: string; version: number } | null; initial: IncubatorFields; onDone: () => void }) {
  const t = useT();
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [, create] = useMutation(CreateIncubator);
  const [, update] = useMutation(UpdateIncubator);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = { name: f.name, nameEn: f.nameEn || null, university: f.university, ward: f.ward, website: f.website || null };
    // An edit leaves the programmes as they are (their sectors and stages are not on this form).
    const p = record
      ? (await update({ input: { ...record, ...fields } })).data?.updateIncubator
      : (await create({ input: { ...fields, programs: f.program.trim() ? [{ name: f.program.trim() }] : [] } })).data?.createIncubator;
    if (!p) return;
    setErrors([...p.userErrors]);
    if (!p.userErrors.length) onDone();
  };
  const input = (k: keyof IncubatorFields, text: string) => (
    <div className="field">
      <label htmlFor={`inc-${k}`}>{text}</label>
      <input id={`inc-${k}`} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} aria-invalid={errorsAt(errors, k).length ? true : undefined} aria-describedby={`inc-${k}-err`} />
      <FieldErrors id={`inc-${k}-err`} errors={errorsAt(errors, k)} />
    </div>
  );
  return (
    <form onSubmit={onSubmit} noValidate className="stack card">
      <h3>{record ? t(`Sửa vườn ươm ${initial.name}`, `Edit ${initial.name}`) : t('Đăng ký vườn ươm', 'Register an incubator')}</h3>
      <FormErrors errors={errors} shown={['name', 'nameEn', 'university', 'ward', 'website']} />
      <div className="grid2">
        {input('name', t('Tên', 'Name'))}{input('nameEn', t('Tên tiếng Anh', 'Name in English'))}
        {input('university', t('Trường / viện', 'University or institute'))}{input('ward', t('Phường / xã', 'Ward'))}
        {input('website', t('Trang web', 'Website'))}{!record && input('program', t('Chương trình ươm tạo chính', 'Main programme'))}
      </div>
      <button type="submit" className="primary">{record ? t('Lưu', 'Save') : t('Đăng ký', 'Register')}</button>
    </form>
  );
}

function FundForm({ record, initial, onDone }: { record: { id: string; version: number } | null; initial: FundFields; onDone: () => void }) {
  const t = useT();
  const [f, setF] = useState(initial);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [, create] = useMutation(CreateFund);
  const [, update] = useMutation(UpdateFund);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = { name: f.name, nameEn: f.nameEn || null, description: f.description || null, public: f.public };
    const p = record ? (await update({ input: { ...record, ...fields } })).data?.updateFund : (await create({ input: fields })).data?.createFund;
    if (!p) return;
    setErrors([...p.userErrors]);
    if (!p.userErrors.length) onDone();
  };
  return (
    <form onSubmit={onSubmit} noValidate className="stack card">
      <h3>{record ? t(`Sửa quỹ ${initial.name}`, `Edit ${initial.name}`) : t('Đăng ký quỹ', 'Register a fund')}</h3>
      <FormErrors errors={errors} shown={['name', 'nameEn', 'description']} />
      <div className="grid2">
        {(['name', 'nameEn', 'description'] as const).map((k) => (
          <div className="field" key={k}>
            <label htmlFor={`fund-${k}`}>{{ name: t('Tên', 'Name'), nameEn: t('Tên tiếng Anh', 'Name in English'), description: t('Mô tả', 'Description') }[k]}</label>
            <input id={`fund-${k}`} value={f[k]} onChange={(e) => setF({ ...f, [k]: e.target.value })} aria-describedby={`fund-${k}-err`} />
            <FieldErrors id={`fund-${k}-err`} errors={errorsAt(errors, k)} />
          </div>
        ))}
      </div>
      <label className="check"><input type="checkbox" checked={f.public} onChange={(e) => setF({ ...f, public: e.target.checked })} />{t('Quỹ công (ngân sách nhà nước)', 'Public (state) fund')}</label>
      <button type="submit" className="primary">{record ? t('Lưu', 'Save') : t('Đăng ký', 'Register')}</button>
    </form>
  );
}

const ImportStartups = graphql(`
  mutation ImportStartups($input: ImportStartupsInput!) {
    importStartups(input: $input) {
      report {
        dryRun rows created updated unchanged refused
        changes { line taxCode name action fields }
        problems { line taxCode field code message }
      }
      userErrors { field code message }
    }
  }
`);

type ImportReport = NonNullable<ImportStartupsMutation['importStartups']['report']>;

/** Reads a file as the API takes it: CSV as text, XLSX as base64. */
async function readTable(file: File): Promise<{ format: 'CSV' | 'XLSX'; content: string }> {
  if (/\.xlsx$/i.test(file.name)) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let bin = '';
    for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { format: 'XLSX', content: btoa(bin) };
  }
  return { format: 'CSV', content: await file.text() };
}

/** Bulk onboarding: a dry run first shows what would change and every bad row; then the import. */
export function ImportPage() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [res, run] = useMutation(ImportStartups);
  const go = async (dryRun: boolean) => {
    const table = file ? await readTable(file) : pasted.trim() ? { format: 'CSV' as const, content: pasted } : null;
    if (!table) return;
    const input = { ...table, dryRun };
    const r = await run({ input });
    const p = r.data?.importStartups;
    if (!p) return;
    setErrors([...p.userErrors]);
    setReport(p.report ?? null);
  };
  return (
    <Page title={t('Nhập danh sách startup', 'Import startups')}>
      <p>{t('Tệp CSV hoặc XLSX, dòng đầu là tiêu đề: taxCode, name, foundedOn, ward, sectors (cách nhau bởi ;), stage, teamSize, contactEmail, description — hoặc Mã số thuế, Tên doanh nghiệp, Ngày thành lập, Phường/Xã, Lĩnh vực, Giai đoạn, Số thành viên, Email liên hệ, Mô tả. Doanh nghiệp được nhận ra theo mã số thuế.',
        'A CSV or XLSX file whose first row names the columns: taxCode, name, foundedOn, ward, sectors (separated by ;), stage, teamSize, contactEmail, description — or their Vietnamese labels. Firms are matched by tax code.')}</p>
      <form onSubmit={(e) => { e.preventDefault(); go(true); }} className="stack">
        <div className="field">
          <label htmlFor="import-file">{t('Tệp danh sách', 'The file')}</label>
          <input id="import-file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => { setFile(e.target.files?.[0] ?? null); setReport(null); }} aria-describedby="import-file-err" />
          <FieldErrors id="import-file-err" errors={errorsAt(errors, 'content')} />
        </div>
        <div className="field">
          <label htmlFor="import-paste">{t('Hoặc dán nội dung CSV (khi không chọn tệp)', 'Or paste CSV (when no file is chosen)')}</label>
          <textarea id="import-paste" className="code" rows={4} value={pasted} disabled={!!file}
            onChange={(e) => { setPasted(e.target.value); setReport(null); }} />
        </div>
        <FormErrors errors={errors} shown={['content']} />
        <div className="actions">
          <button type="submit" disabled={(!file && !pasted.trim()) || res.fetching}>{t('Kiểm tra (không ghi)', 'Check (dry run)')}</button>
          {report?.dryRun && <button type="button" className="primary" disabled={res.fetching} onClick={() => go(false)}>{t(`Nhập ${report.rows - report.refused} dòng hợp lệ`, `Import the ${report.rows - report.refused} valid rows`)}</button>}
        </div>
      </form>
      {res.fetching && <Loading />}
      {report && (
        <section aria-labelledby="report-h">
          <h2 id="report-h">{report.dryRun ? t('Kết quả kiểm tra', 'Dry run') : t('Kết quả nhập', 'Import done')}</h2>
          <p role="status">
            {t(`${report.rows} dòng: ${report.created} tạo mới, ${report.updated} cập nhật, ${report.unchanged} không đổi, ${report.refused} bị từ chối.`,
              `${report.rows} rows: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.refused} refused.`)}
          </p>
          {report.problems.length > 0 && (
            <div className="table-wrap">
              <table>
                <caption>{t('Dòng bị từ chối (không ghi gì của dòng đó)', 'Refused rows (nothing of them is written)')}</caption>
                <thead><tr><th scope="col">{t('Dòng', 'Line')}</th><th scope="col">{t('Mã số thuế', 'Tax code')}</th><th scope="col">{t('Cột', 'Column')}</th><th scope="col">{t('Mã lỗi', 'Code')}</th><th scope="col">{t('Vấn đề', 'Problem')}</th></tr></thead>
                <tbody>
                  {report.problems.map((p, i) => (
                    <tr key={i} className="problem-row"><td>{p.line}</td><td>{p.taxCode}</td><td>{(p.field ?? []).join('.')}</td><td><code>{p.code}</code></td><td>{p.message}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {report.changes.some((c) => c.action !== 'UNCHANGED') && (
            <details>
              <summary>{t('Các dòng sẽ/đã ghi', 'Rows written')}</summary>
              <ul className="plain">
                {report.changes.filter((c) => c.action !== 'UNCHANGED').map((c) => (
                  <li key={c.line}>{t('Dòng', 'Line')} {c.line}: {c.name} ({c.taxCode}) — {label(t, 'importAction', c.action)}: {c.fields.join(', ')}</li>
                ))}
              </ul>
            </details>
          )}
        </section>
      )}
    </Page>
  );
}


const WeightsQuery = graphql(`
  query MatchingWeightsPage {
    matchingWeights {
      id number version status origin note createdAt
      weights { kind factor weight }
      fit { kind targets pairs fitted orderedBefore orderedAfter unchanged }
    }
  }
`);
const FitWeights = graphql(`mutation FitMatchingWeights($input: FitMatchingWeightsInput) { fitMatchingWeights(input: $input) { matchingWeights { id } userErrors { field code message } } }`);
const PublishWeights = graphql(`mutation PublishMatchingWeights($input: MatchingWeightsActionInput!) { publishMatchingWeights(input: $input) { matchingWeights { id status version } userErrors { field code message } } }`);
const CompareWeights = graphql(`
  query CompareMatchingWeights($a: ID!, $b: ID!) {
    compareMatchingWeights(a: $a, b: $b) {
      a { number } b { number } lists changed meanShared
      qualityA { kind targets recall mrr } qualityB { kind targets recall mrr }
    }
  }
`);

type Comparison = NonNullable<CompareMatchingWeightsQuery['compareMatchingWeights']>;
type WeightsVersion = NonNullable<MatchingWeightsPageQuery['matchingWeights']>[number];

/** The matching engine's weights: every version, fitted on the platform's outcomes or shipped, compared with the active one on the stored data before one is published. */
export function MatchingWeightsPage() {
  const t = useT();
  const { lang } = useLang();
  const client = useClient();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WeightsQuery, requestPolicy: 'cache-and-network' });
  const [, fit] = useMutation(FitWeights);
  const [, publish] = useMutation(PublishWeights);
  const [errors, setErrors] = useState<UserError[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const versions = data?.matchingWeights ?? [];
  const active = versions.find((v) => v.status === 'ACTIVE');

  const fitNow = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await fit({ input: { note: note || null } });
    setBusy(false);
    setErrors([...(r.data?.fitMatchingWeights.userErrors ?? [])]);
    if (r.data?.fitMatchingWeights.matchingWeights) {
      setNote('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const compare = async (v: WeightsVersion) => {
    if (!active) return;
    setBusy(true);
    const r = await client.query(CompareWeights, { a: active.id, b: v.id }, { requestPolicy: 'network-only' }).toPromise();
    setBusy(false);
    setComparison(r.data?.compareMatchingWeights ?? null);
  };
  const publishNow = async (v: WeightsVersion) => {
    const r = await publish({ input: { id: v.id, version: v.version } });
    setErrors([...(r.data?.publishMatchingWeights.userErrors ?? [])]);
    setComparison(null);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Page title={t('Trọng số ghép nối', 'Matching weights')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      <p className="muted">
        {t('Điểm ghép nối là tổng có trọng số của các yếu tố. Trọng số được khớp từ kết quả thực tế của nền tảng (danh mục đầu tư, giai đoạn thương vụ, hồ sơ và tài trợ, đánh dấu và bỏ qua); hãy so sánh với bản đang áp dụng trước khi công bố.',
          'A match score is a weighted sum of its factors. Weights are fitted on the platform’s outcomes (portfolios, deal stages, applications and awards, bookmarks and dismissals); compare with the active version before publishing.')}
      </p>
      <form onSubmit={fitNow} className="inline-form" aria-label={t('Khớp trọng số mới', 'A new fit')}>
        <div className="field">
          <label htmlFor="fit-note">{t('Ghi chú cho bản khớp mới', 'Note for the new fit')}</label>
          <input id="fit-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
        </div>
        <button type="submit" disabled={busy}>{t('Khớp trọng số từ kết quả thực tế', 'Fit weights on outcomes')}</button>
      </form>
      <FormErrors errors={errors} shown={[]} />
      {comparison && <WeightsComparison c={comparison} />}
      {versions.map((v) => (
        <section key={v.id} className="card" aria-labelledby={`weights-${v.number}`}>
          <h2 id={`weights-${v.number}`}>
            {t(`Phiên bản ${v.number}`, `Version ${v.number}`)}{' '}
            <span className={`badge s-${v.status}`}>{label(t, 'criteriaSet', v.status)}</span>
          </h2>
          <p className="muted">{label(t, 'weightsOrigin', v.origin)} · {dateTime(lang, v.createdAt)}{v.note ? ` · ${v.note}` : ''}</p>
          <WeightsTable v={v} />
          {v.fit.length > 0 && <FitTable v={v} />}
          {v.status === 'DRAFT' && (
            <div className="actions">
              {active && <button type="button" disabled={busy} onClick={() => compare(v)}>{t(`So sánh với phiên bản ${active.number}`, `Compare with version ${active.number}`)}</button>}
              <button type="button" onClick={() => publishNow(v)}>{t(`Công bố phiên bản ${v.number}`, `Publish version ${v.number}`)}</button>
            </div>
          )}
        </section>
      ))}
    </Page>
  );
}

function WeightsTable({ v }: { v: WeightsVersion }) {
  const t = useT();
  const { lang } = useLang();
  const kinds = [...new Set(v.weights.map((w) => w.kind))];
  const factors = [...new Set(v.weights.map((w) => w.factor))];
  const at = (kind: string, factor: string) => v.weights.find((w) => w.kind === kind && w.factor === factor);
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t(`Trọng số của phiên bản ${v.number}`, `Weights of version ${v.number}`)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Yếu tố', 'Factor')}</th>
            {kinds.map((k) => <th scope="col" key={k}>{label(t, 'matchKind', k)}</th>)}
          </tr>
        </thead>
        <tbody>
          {factors.map((f) => (
            <tr key={f}>
              <th scope="row">{label(t, 'factor', f)}</th>
              {kinds.map((k) => {
                const w = at(k, f);
                return <td key={k}>{w ? percent(lang, w.weight, 1) : '—'}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function FitTable({ v }: { v: WeightsVersion }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <div className="table-wrap">
      <table>
        <caption>{t('Dữ liệu khớp', 'What the fit saw')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('Loại', 'Kind')}</th><th scope="col">{t('Đối tượng có kết quả ẩn', 'Targets with a hidden outcome')}</th>
            <th scope="col">{t('Cặp so sánh', 'Pairs compared')}</th><th scope="col">{t('Xếp đúng: trước → sau', 'Ordered right: before → after')}</th>
          </tr>
        </thead>
        <tbody>
          {v.fit.map((r) => (
            <tr key={r.kind}>
              <th scope="row">{label(t, 'matchKind', r.kind)}</th>
              <td>{r.targets}</td>
              <td>{r.pairs}</td>
              <td>{r.unchanged ? t('Chưa đủ kết quả (dưới 10 đối tượng): giữ trọng số cũ', 'Too few outcomes (under 10 targets): weights kept')
                : `${percent(lang, r.orderedBefore)} → ${percent(lang, r.orderedAfter)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeightsComparison({ c }: { c: Comparison }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <section className="card" aria-labelledby="weights-compare">
      <h2 id="weights-compare">{t(`So sánh phiên bản ${c.a.number} và ${c.b.number}`, `Version ${c.a.number} against ${c.b.number}`)}</h2>
      <p role="status">
        {t(`${c.changed} trong ${c.lists} danh sách gợi ý sẽ thay đổi; trung bình ${percent(lang, c.meanShared)} mỗi danh sách được giữ lại.`,
          `${c.changed} of ${c.lists} match lists would change; on average ${percent(lang, c.meanShared)} of a list stays.`)}
      </p>
      <div className="table-wrap">
        <table>
          <caption>{t('Kết quả đã ẩn được tìm lại trong danh sách', 'Hidden outcomes found again in their lists')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Loại', 'Kind')}</th><th scope="col">{t('Đối tượng', 'Targets')}</th>
              <th scope="col">{t(`Tỉ lệ tìm lại, bản ${c.a.number}`, `Recall, version ${c.a.number}`)}</th>
              <th scope="col">{t(`Tỉ lệ tìm lại, bản ${c.b.number}`, `Recall, version ${c.b.number}`)}</th>
              <th scope="col">{t(`MRR, bản ${c.a.number}`, `MRR, version ${c.a.number}`)}</th>
              <th scope="col">{t(`MRR, bản ${c.b.number}`, `MRR, version ${c.b.number}`)}</th>
            </tr>
          </thead>
          <tbody>
            {c.qualityA.map((qa) => {
              const qb = c.qualityB.find((q) => q.kind === qa.kind);
              return (
                <tr key={qa.kind}>
                  <th scope="row">{label(t, 'matchKind', qa.kind)}</th>
                  <td>{qa.targets}</td>
                  <td>{percent(lang, qa.recall)}</td><td>{qb ? percent(lang, qb.recall) : '—'}</td>
                  <td>{decimal(lang, qa.mrr)}</td><td>{qb ? decimal(lang, qb.mrr) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
