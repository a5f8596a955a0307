import { graphql } from '../gql';
import type { MatchFieldsFragment } from '../gql/graphql';
import { useLang, useT } from '../lib/i18n';
import { label } from '../lib/labels';
import { percent } from '../lib/format';
import { Link } from '../lib/router';

export const MatchFields = graphql(`
  fragment MatchFields on Match {
    id
    score
    program
    explanation { factor weight value contribution detail }
    target {
      __typename
      ... on Listing { id name }
    }
  }
`);

function targetLink(m: MatchFieldsFragment): { to: string | null; name: string } {
  const x = m.target;
  switch (x.__typename) {
    case 'FundCall': return { to: `/calls/${encodeURIComponent(x.id)}`, name: x.name };
    case 'Startup': return { to: `/startups/${encodeURIComponent(x.id)}`, name: x.name };
    case 'Incubator': return { to: null, name: m.program ? `${x.name} — ${m.program}` : x.name };
    default: return { to: null, name: x.name };
  }
}

/** A match with the factors that add up to its score, and the founder's feedback buttons. */
export function MatchCard({ m, onDismiss, onBookmark }: { m: MatchFieldsFragment; onDismiss?: () => void; onBookmark?: () => void }) {
  const t = useT();
  const { lang } = useLang();
  const { to, name } = targetLink(m);
  return (
    <article className="card match">
      <header className="row">
        <h3>{to ? <Link to={to}>{name}</Link> : name}</h3>
        <span className="score" aria-label={t('Mức phù hợp', 'Fit')}>{percent(lang, m.score)}</span>
      </header>
      <details>
        <summary>{t('Vì sao phù hợp', 'Why it fits')}</summary>
        <table className="explain">
          <caption className="sr-only">{t('Các yếu tố cộng lại thành điểm', 'The factors that add up to the score')}</caption>
          <thead>
            <tr><th scope="col">{t('Yếu tố', 'Factor')}</th><th scope="col">{t('Đóng góp', 'Adds')}</th><th scope="col">{t('Chi tiết', 'Detail')}</th></tr>
          </thead>
          <tbody>
            {m.explanation.map((c) => (
              <tr key={c.factor}>
                <th scope="row">{label(t, 'factor', c.factor)}</th>
                <td>+{c.contribution.toFixed(3)}</td>
                <td>{c.detail}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr><th scope="row">{t('Tổng', 'Total')}</th><td>{m.score.toFixed(3)}</td><td /></tr>
          </tfoot>
        </table>
      </details>
      {(onDismiss || onBookmark) && (
        <div className="actions">
          {onBookmark && <button type="button" onClick={onBookmark}>{t('Đánh dấu quan tâm', 'Bookmark')}</button>}
          {onDismiss && <button type="button" className="quiet" onClick={onDismiss}>{t('Ẩn gợi ý này', 'Dismiss')}</button>}
        </div>
      )}
    </article>
  );
}

/** A search snippet with the server's <em> marks shown as highlights, never as HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/<\/?em>/);
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return <>{parts.map((p, i) => (i % 2 ? <mark key={i}>{decode(p)}</mark> : decode(p)))}</>;
}
