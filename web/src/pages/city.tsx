import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Session } from '../lib/auth';
import { dateTime, vnd } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label } from '../lib/labels';
import { Empty, ErrorNotice, Loading, Page } from '../ui/common';
import { SeriesChart, type ChartSeries } from '../ui/charts';

// The incentives a firm qualifies for, the city's statistics for its
// officials, and the open data for everyone.

type Props = { params: Record<string, string>; session: Session };

const IncentivesQuery = graphql(`
  query FirmIncentives($id: ID!) {
    startup(id: $id) {
      id name
      incentives {
        standing unlock
        conditions { key passed reason missing }
        incentive {
          id key title summary legalBasis article authority howToApply applyUrl example effectiveTo
          benefit { kind ratePercent capVnd capPeriod durationMonths terms }
        }
      }
      incentiveClaims { id incentiveKey status appliedOn decidedOn amountVnd }
    }
  }
`);

/** A firm's incentives: what it qualifies for, why not yet, and the one step that would unlock each. */
export function Incentives({ session }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: IncentivesQuery, variables: { id: session.org ?? '' }, pause: !session.org });
  const s = data?.startup;
  const titles = new Map(s?.incentives?.map((x) => [x.incentive.key, x.incentive.title]) ?? []);
  return (
    <Page title={t('Ưu đãi và hỗ trợ', 'Incentives and support')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {s && (
        <>
          <p className="muted">
            {t('Đánh giá theo dữ liệu hiện tại của doanh nghiệp; cập nhật minh chứng ở trang Sàng lọc pháp lý.',
              'Judged on your firm\'s data as it is now; update your evidence on the Legal screening page.')}
          </p>
          {!s.incentives?.length && <Empty>{t('Chưa có ưu đãi nào đang áp dụng.', 'No incentive is in force.')}</Empty>}
          {s.incentives?.map((x) => {
            const i = x.incentive;
            const b = i.benefit;
            return (
              <article key={i.id} className="card" aria-labelledby={`inc-${i.key}`}>
                <h2 id={`inc-${i.key}`}>{i.title}</h2>
                <p>
                  <strong className={`badge st-${x.standing}`}>{label(t, 'standing', x.standing)}</strong>
                  {i.example && <> <span className="badge">{t('Ví dụ minh hoạ', 'Example')}</span></>}
                  {' '}<span className="muted">{label(t, 'benefit', b.kind)}</span>
                </p>
                {x.unlock && <p className="unlock"><strong>{t('Bước còn thiếu: ', 'The step that unlocks it: ')}</strong>{x.unlock}</p>}
                <p>{i.summary}</p>
                <ul className="checks">
                  {x.conditions.map((c) => (
                    <li key={c.key} className={c.passed ? 'pass' : 'fail'}>
                      <span aria-hidden="true">{c.passed ? '✓' : '✗'}</span>
                      <span className="sr-only">{c.passed ? t('Đạt: ', 'Met: ') : t('Chưa đạt: ', 'Not met: ')}</span>
                      {c.reason}
                    </li>
                  ))}
                </ul>
                <details>
                  <summary>{t('Căn cứ và cách nộp hồ sơ', 'Legal basis and how to apply')}</summary>
                  <dl className="facts">
                    <dt>{t('Căn cứ pháp lý', 'Legal basis')}</dt><dd>{i.legalBasis} — {i.article}</dd>
                    {b.capVnd && <><dt>{t('Mức tối đa', 'Cap')}</dt><dd>{vnd(lang, b.capVnd)} {b.capPeriod ? label(t, 'benefitPeriod', b.capPeriod) : ''}</dd></>}
                    {b.ratePercent && <><dt>{t('Tỷ lệ', 'Rate')}</dt><dd>{b.ratePercent}%</dd></>}
                    {b.durationMonths && <><dt>{t('Thời hạn', 'Duration')}</dt><dd>{b.durationMonths} {t('tháng', 'months')}</dd></>}
                    {b.terms && <><dt>{t('Điều kiện hưởng', 'Terms')}</dt><dd>{b.terms}</dd></>}
                    <dt>{t('Cơ quan giải quyết', 'Granted by')}</dt><dd>{i.authority}</dd>
                    <dt>{t('Cách nộp', 'How to apply')}</dt><dd>{i.howToApply}{i.applyUrl && <> <a href={i.applyUrl}>{i.applyUrl}</a></>}</dd>
                  </dl>
                </details>
              </article>
            );
          })}
          <section className="card" aria-labelledby="claims-h">
            <h2 id="claims-h">{t('Ưu đãi đã đề nghị, đã nhận', 'Incentives applied for and received')}</h2>
            {!s.incentiveClaims?.length ? (
              <Empty>{t('Chưa có hồ sơ nào được ghi nhận. Cơ sở ươm tạo hoặc quản trị viên ghi nhận khi doanh nghiệp nộp hồ sơ.',
                'No claim recorded yet. Your incubator or an administrator records one when you apply.')}</Empty>
            ) : (
              <ul>
                {s.incentiveClaims.map((c) => (
                  <li key={c.id}>
                    {titles.get(c.incentiveKey) ?? c.incentiveKey}: <span className="badge">{label(t, 'claim', c.status)}</span>
                    {c.status === 'RECEIVED' && <> · {vnd(lang, c.amountVnd)}</>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </Page>
  );
}

const StatisticsQuery = graphql(`
  query CityStatistics($from: Date!, $to: Date!) {
    cityStatistics(from: $from, to: $to) {
      from to computedAt
      series { key title definition unit chart points { key label value } }
    }
  }
`);

/** The groups of the dashboard, by the keys of their series. */
const groups: { prefix: string[]; vi: string; en: string }[] = [
  { prefix: ['firms_', 'new_firms'], vi: 'Doanh nghiệp', en: 'Firms' },
  { prefix: ['screening_', 'incentives_'], vi: 'Sàng lọc và ưu đãi', en: 'Screening and incentives' },
  { prefix: ['funding_'], vi: 'Quỹ đầu tư mạo hiểm', en: 'Venture fund' },
  { prefix: ['events_', 'sandbox', 'transfer_'], vi: 'Kết nối, thử nghiệm, chuyển giao', en: 'Meetups, sandbox, technology transfer' },
];

function inGroup(key: string, prefix: string[]) {
  return prefix.some((p) => key.startsWith(p));
}

/** The city's statistics for officials: a period, and every figure as a chart with how it is computed. */
export function Statistics() {
  const t = useT();
  const { lang } = useLang();
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10); // Hai Phong's date
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const [draft, setDraft] = useState(period);
  const [{ data, fetching, error }] = useQuery({ query: StatisticsQuery, variables: period });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setPeriod(draft);
  };
  const stats = data?.cityStatistics;
  const series = (stats?.series ?? []).map((s): ChartSeries => ({ ...s, points: s.points.map((p) => ({ ...p })) }));
  return (
    <Page title={t('Thống kê đổi mới sáng tạo', 'Innovation statistics')}>
      <form className="form inline" onSubmit={apply} aria-label={t('Kỳ thống kê', 'Period')}>
        <div className="field">
          <label htmlFor="st-from">{t('Từ ngày', 'From')}</label>
          <input id="st-from" type="date" required value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="st-to">{t('Đến ngày', 'To')}</label>
          <input id="st-to" type="date" required value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit">{t('Xem', 'Show')}</button>
      </form>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {stats && (
        <>
          <p className="muted">{t('Tính từ dữ liệu trực tiếp lúc', 'Computed from the live records at')} {dateTime(lang, stats.computedAt)}</p>
          {groups.map((g) => (
            <section key={g.en} aria-label={t(g.vi, g.en)}>
              <h2>{t(g.vi, g.en)}</h2>
              <div className="charts">
                {series.filter((s) => inGroup(s.key, g.prefix)).map((s) => <SeriesChart key={s.key} s={s} />)}
              </div>
            </section>
          ))}
        </>
      )}
    </Page>
  );
}

interface OverviewFile {
  modified: string;
  period?: { from: string; to: string };
  rows: { dataset: string; title_vi: string; title_en: string; chart: string; unit: string; key: string;
    label_vi: string; label_en: string; value: number | null }[];
}

/** The public dashboard: the open data's statistics, suppressed, with every file to download. */
export function OpenData() {
  const t = useT();
  const { lang } = useLang();
  const [file, setFile] = useState<OverviewFile | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    fetch('/open-data/statistics.json')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
      .then((f: OverviewFile) => live && setFile(f), () => live && setFailed(true));
    return () => { live = false; };
  }, []);
  const series: ChartSeries[] = [];
  for (const r of file?.rows ?? []) {
    let s = series.find((x) => x.key === r.dataset);
    if (!s) {
      s = { key: r.dataset, title: lang === 'en' ? r.title_en : r.title_vi, unit: r.unit, chart: r.chart, points: [] };
      series.push(s);
    }
    s.points.push({ key: r.key, label: lang === 'en' ? r.label_en : r.label_vi, value: r.value });
  }
  return (
    <Page title={t('Dữ liệu mở', 'Open data')}>
      <p>
        {t('Số liệu tổng hợp về hệ sinh thái đổi mới sáng tạo Hải Phòng, cập nhật hằng ngày, theo giấy phép CC BY 4.0. Ô dựa trên dưới 3 doanh nghiệp được ẩn.',
          'Aggregate figures of Hai Phong\'s innovation ecosystem, updated daily, under CC BY 4.0. Cells based on fewer than 3 firms are hidden.')}
      </p>
      <p>
        <a href="/open-data/catalog.json">{t('Danh mục DCAT (JSON-LD)', 'DCAT catalogue (JSON-LD)')}</a>
        {' · '}<a href="/open-data/startups.csv">{t('Danh bạ startup (CSV)', 'Startup directory (CSV)')}</a>
        {' · '}<a href="/open-data/sandbox_register.csv">{t('Sổ đăng ký thử nghiệm (CSV)', 'Sandbox register (CSV)')}</a>
      </p>
      {!file && !failed && <Loading />}
      {failed && <Empty>{t('Dữ liệu mở chưa được công bố; hãy quay lại sau.', 'The open data is not published yet; come back later.')}</Empty>}
      {file && (
        <>
          <p className="muted">
            {file.period && `${t('Kỳ', 'Period')}: ${file.period.from} – ${file.period.to} · `}
            {t('Cập nhật', 'Updated')} {dateTime(lang, file.modified)}
          </p>
          <div className="charts">
            {series.map((s) => (
              <SeriesChart key={s.key} s={s}>
                <p className="downloads">
                  {t('Tải về', 'Download')}: <a href={`/open-data/${s.key}.csv`}>CSV<span className="sr-only"> — {s.title}</span></a>
                  {' · '}<a href={`/open-data/${s.key}.json`}>JSON<span className="sr-only"> — {s.title}</span></a>
                </p>
              </SeriesChart>
            ))}
          </div>
        </>
      )}
    </Page>
  );
}
