import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Session } from '../lib/auth';
import { dateTime } from '../lib/format';
import { useLang, useT, type T } from '../lib/i18n';
import { label } from '../lib/labels';
import { Link, navigate } from '../lib/router';
import { Answers } from '../ui/answers';
import { Empty, ErrorNotice, errorsAt, FieldErrors, FormErrors, Loading, Page, type UserErrorLike as UserError } from '../ui/common';

type Props = { params: Record<string, string>; session: Session };

const MyReviewsQuery = graphql(`
  query MyReviews {
    viewer {
      reviewAssignments(first: 100) {
        totalCount
        edges { node { id status submittedAt fundCall { title closesAt } startup { name } reviews { reviewer { subject } } } }
      }
    }
  }
`);

/** The applications assigned to the reviewer, and nothing else. */
export function MyReviews({ session }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: MyReviewsQuery, requestPolicy: 'cache-and-network' });
  const items = data?.viewer.reviewAssignments.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('Hồ sơ được phân công', 'My assigned applications')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !items.length && <Empty>{t('Chưa có hồ sơ nào được phân công cho bạn.', 'No application is assigned to you yet.')}</Empty>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Doanh nghiệp', 'Startup')}</th><th scope="col">{t('Đợt gọi vốn', 'Call')}</th>
                <th scope="col">{t('Trạng thái', 'Status')}</th><th scope="col">{t('Điểm của bạn', 'Your scores')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const done = (a.reviews ?? []).some((r) => r.reviewer.subject === session.subject);
                return (
                  <tr key={a.id}>
                    <td><Link to={`/reviews/${encodeURIComponent(a.id)}`}>{a.startup.name}</Link></td>
                    <td>{a.fundCall.title}<div className="muted">{a.submittedAt ? dateTime(lang, a.submittedAt) : ''}</div></td>
                    <td><span className={`badge s-${a.status}`}>{label(t, 'application', a.status)}</span></td>
                    <td>{done ? t('Đã chấm', 'Submitted') : t('Chưa chấm', 'To do')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

const ReviewQuery = graphql(`
  query ReviewApplication($id: ID!) {
    node(id: $id) {
      ... on Application {
        id status requestedAmountVnd
        startup { name description }
        fundCall { title questions { key label } rubric { overallThreshold criteria { key name weight max halfPoints threshold } } }
        answers { questionKey text number choices documentRef }
        reviews { reviewer { subject } scores { criterion score comment } }
      }
    }
  }
`);

const SubmitReview = graphql(`
  mutation SubmitReview($input: SubmitReviewInput!) {
    submitReview(input: $input) { application { id reviews { reviewer { subject } scores { criterion score comment } } } userErrors { field code message } }
  }
`);

const DeclareConflict = graphql(`
  mutation DeclareConflict($input: DeclareConflictOfInterestInput!) {
    declareConflictOfInterest(input: $input) { application { id } userErrors { field code message } }
  }
`);

interface Criterion { key: string; max: number; halfPoints: boolean }

/** What is wrong with a score as typed, or null: the rubric's scale and half points. */
export function scoreProblem(t: T, c: Criterion, raw: string): string | null {
  if (raw.trim() === '') return null;
  const n = Number(raw.replace(',', '.'));
  const step = c.halfPoints ? 0.5 : 1;
  if (!Number.isFinite(n) || n < 0 || n > c.max) return t(`Điểm từ 0 đến ${c.max}.`, `A score from 0 to ${c.max}.`);
  if (Math.round(n / step) * step !== n) {
    return c.halfPoints ? t('Điểm theo bước 0,5.', 'Scores go in steps of 0.5.') : t('Điểm là số nguyên.', 'Scores are whole numbers.');
  }
  return null;
}

/** An assigned application and the scoring form on its rubric; or a declared conflict of interest. */
export function ReviewApplication({ params, session }: Props) {
  const t = useT();
  const [{ data, fetching, error }] = useQuery({ query: ReviewQuery, variables: { id: params.id } });
  const a = data?.node && 'answers' in data.node ? data.node : null;
  if (fetching && !data) return <Page title={t('Chấm hồ sơ', 'Score an application')}><Loading /></Page>;
  if (error) return <Page title={t('Chấm hồ sơ', 'Score an application')}><ErrorNotice error={error} /></Page>;
  if (!a) return <Page title={t('Chấm hồ sơ', 'Score an application')}><Empty>{t('Không tìm thấy hồ sơ.', 'No such application.')}</Empty></Page>;
  const mine = (a.reviews ?? []).find((r) => r.reviewer.subject === session.subject);
  return (
    <Page title={`${a.startup.name} — ${a.fundCall.title}`}>
      {a.startup.description && <p>{a.startup.description}</p>}
      <Answers questions={a.fundCall.questions} answers={a.answers} />
      <ScoreForm applicationId={a.id} criteria={a.fundCall.rubric.criteria} initial={mine?.scores ?? []} />
      <ConflictForm applicationId={a.id} />
    </Page>
  );
}

function ScoreForm({ applicationId, criteria, initial }: {
  applicationId: string;
  criteria: readonly (Criterion & { name: string; threshold: number })[];
  initial: readonly { criterion: string; score: number; comment?: string | null }[];
}) {
  const t = useT();
  const [scores, setScores] = useState<Record<string, { score: string; comment: string }>>(() =>
    Object.fromEntries(criteria.map((c) => {
      const s = initial.find((x) => x.criterion === c.key);
      return [c.key, { score: s ? String(s.score) : '', comment: s?.comment ?? '' }];
    })));
  const [errors, setErrors] = useState<UserError[]>([]);
  const [saved, setSaved] = useState(initial.length > 0);
  const [res, submit] = useMutation(SubmitReview);
  const problems = Object.fromEntries(criteria.map((c) => [c.key, scoreProblem(t, c, scores[c.key].score)]));
  const complete = criteria.every((c) => scores[c.key].score.trim() !== '' && !problems[c.key]);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await submit({
      input: {
        applicationId,
        scores: criteria.map((c) => ({ criterion: c.key, score: Number(scores[c.key].score.replace(',', '.')), comment: scores[c.key].comment || null })),
      },
    });
    const p = r.data?.submitReview;
    if (!p) return;
    setErrors([...p.userErrors]);
    setSaved(!p.userErrors.length);
  };
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <h2>{t('Chấm điểm', 'Scores')}</h2>
      <FormErrors errors={errors} shown={['scores']} />
      {criteria.map((c, i) => {
        const id = `score-${c.key}`;
        const local = problems[c.key];
        const server = errorsAt(errors, `scores.${i}`);
        return (
          <fieldset key={c.key} className="card">
            <legend>{c.name}</legend>
            <p className="muted">
              {t(`Thang 0–${c.max}${c.halfPoints ? ', bước 0,5' : ''}; ngưỡng đạt ${c.threshold}`, `Scale 0–${c.max}${c.halfPoints ? ', steps of 0.5' : ''}; pass mark ${c.threshold}`)}
            </p>
            <div className="field">
              <label htmlFor={id}>{t(`Điểm — ${c.name}`, `Score — ${c.name}`)}</label>
              <input id={id} inputMode="decimal" value={scores[c.key].score} aria-invalid={local || server.length ? true : undefined}
                aria-describedby={`${id}-err`} onChange={(e) => { setSaved(false); setScores({ ...scores, [c.key]: { ...scores[c.key], score: e.target.value } }); }} />
              <FieldErrors id={`${id}-err`} errors={local ? [{ code: 'INVALID_VALUE', message: local }, ...server] : server} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-comment`}>{t(`Nhận xét — ${c.name}`, `Comment — ${c.name}`)}</label>
              <textarea id={`${id}-comment`} rows={2} value={scores[c.key].comment}
                onChange={(e) => { setSaved(false); setScores({ ...scores, [c.key]: { ...scores[c.key], comment: e.target.value } }); }} />
            </div>
          </fieldset>
        );
      })}
      <button type="submit" className="primary" disabled={!complete || res.fetching}>{t('Gửi điểm', 'Submit scores')}</button>
      {saved && <p role="status" className="ok">{t('Đã ghi nhận điểm của bạn.', 'Your scores are recorded.')}</p>}
    </form>
  );
}

function ConflictForm({ applicationId }: { applicationId: string }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<UserError[]>([]);
  const [, declare] = useMutation(DeclareConflict);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await declare({ input: { applicationId, reason } });
    const p = r.data?.declareConflictOfInterest;
    if (!p) return;
    setErrors([...p.userErrors]);
    if (!p.userErrors.length) navigate('/reviews');
  };
  return (
    <form onSubmit={onSubmit} className="stack card">
      <h2>{t('Xung đột lợi ích', 'Conflict of interest')}</h2>
      <div className="field">
        <label htmlFor="coi-reason">{t('Lý do (bạn sẽ không chấm hồ sơ này)', 'Reason (you will not score this application)')}</label>
        <textarea id="coi-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="coi-reason-err" />
        <FieldErrors id="coi-reason-err" errors={errorsAt(errors, 'reason')} />
      </div>
      <FormErrors errors={errors} shown={['reason']} />
      <button type="submit" disabled={!reason.trim()}>{t('Khai báo xung đột lợi ích', 'Declare a conflict of interest')}</button>
    </form>
  );
}
