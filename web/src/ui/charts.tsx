import type { ReactNode } from 'react';
import { useLang, useT } from '../lib/i18n';

/** A statistic as the official and the public dashboards draw it. */
export interface ChartSeries {
  key: string;
  title: string;
  definition?: string;
  unit: string; // FIRMS, COUNT or VND
  chart: string; // BARS, TREND or FUNNEL
  points: { key: string; label: string; value: number | null }[]; // null: suppressed
}

function formatValue(lang: string, unit: string, v: number): string {
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN').format(v);
  return unit === 'VND' ? `${n} ₫` : n;
}

/**
 * A series as a table of bars: the values are text a screen reader reads and
 * a phone shows in one column; the bars are drawn beside them. A funnel adds
 * each stage's share of the first, a trend keeps its periods in order.
 */
export function SeriesChart({ s, level = 3, children }: { s: ChartSeries; level?: 2 | 3; children?: ReactNode }) {
  const t = useT();
  const { lang } = useLang();
  const max = Math.max(1, ...s.points.map((p) => p.value ?? 0));
  const first = s.points[0]?.value ?? 0;
  const Heading = level === 2 ? 'h2' : 'h3';
  const id = `chart-${s.key}`;
  return (
    <section className="card chart" aria-labelledby={id}>
      <Heading id={id}>{s.title}</Heading>
      {s.points.length === 0 ? <p className="muted">{t('Chưa có số liệu trong kỳ.', 'No figures in this period.')}</p> : (
        <table className={`bars bars-${s.chart.toLowerCase()}`}>
          <thead>
            <tr>
              <th scope="col">{s.chart === 'TREND' ? t('Kỳ', 'Period') : s.chart === 'FUNNEL' ? t('Bước', 'Stage') : t('Nhóm', 'Group')}</th>
              <th scope="col">{s.unit === 'VND' ? t('Số tiền', 'Amount') : s.unit === 'FIRMS' ? t('Số doanh nghiệp', 'Firms') : t('Số lượng', 'Count')}</th>
            </tr>
          </thead>
          <tbody>
            {s.points.map((p) => (
              <tr key={p.key}>
                <th scope="row">{p.label}</th>
                <td>
                  {p.value === null ? (
                    <span className="muted">{t('ẩn (dưới 3 doanh nghiệp)', 'hidden (fewer than 3 firms)')}</span>
                  ) : (
                    <>
                      <span className="bar" aria-hidden="true" style={{ width: `${(100 * p.value) / max}%` }} />
                      <span className="bar-value">
                        {formatValue(lang, s.unit, p.value)}
                        {s.chart === 'FUNNEL' && first > 0 && p !== s.points[0] && (
                          <span className="muted"> · {new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { style: 'percent', maximumFractionDigits: 0 }).format(p.value / first)}</span>
                        )}
                      </span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {s.definition && (
        <details>
          <summary>{t('Cách tính', 'How it is computed')}</summary>
          <p>{s.definition}</p>
        </details>
      )}
      {children}
    </section>
  );
}
