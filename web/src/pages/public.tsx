import { useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import type { Sector, Stage } from '../gql/graphql';
import { date, dateTime, vnd } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label } from '../lib/labels';
import { Link } from '../lib/router';
import { Empty, ErrorNotice, Loading, Page } from '../ui/common';

// The pages anyone can open without signing in: what the city offers and
// who is in its ecosystem, public fields only.

const OpenCallsQuery = graphql(`
  query PublicCalls {
    fundCalls(status: OPEN, first: 50) {
      edges { node { id title description closesAt budgetVnd ticketMinVnd ticketMaxVnd fund { name } } }
    }
  }
`);

export function PublicCalls() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: OpenCallsQuery });
  const calls = data?.fundCalls.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('Đợt gọi vốn đang mở', 'Open funding calls')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !calls.length && <Empty>{t('Hiện không có đợt gọi vốn nào đang mở.', 'No call is open now.')}</Empty>}
      {calls.map((c) => (
        <article key={c.id} className="card">
          <h2>{c.title}</h2>
          <p className="muted">{c.fund.name}</p>
          {c.description && <p>{c.description}</p>}
          <p>
            <strong>{t('Hạn nộp (giờ Hải Phòng)', 'Closes (Hai Phong time)')}: {dateTime(lang, c.closesAt)}</strong><br />
            {t('Ngân sách', 'Budget')}: {vnd(lang, c.budgetVnd)} · {t('Mỗi startup', 'Per startup')}: {vnd(lang, c.ticketMinVnd)} – {vnd(lang, c.ticketMaxVnd)}
          </p>
          <p><Link to="/signin">{t('Đăng nhập để nộp hồ sơ', 'Sign in to apply')}</Link></p>
        </article>
      ))}
    </Page>
  );
}

const DirectoryQuery = graphql(`
  query PublicDirectory($query: String!, $filter: SearchFilter, $after: String) {
    search(query: $query, types: [STARTUP], filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      facets { sectors { value label count } stages { value label count } wards { value label count } }
      edges { node { __typename ... on Startup { id name ward stage sectors description incubator { name } } } }
    }
    sectors { sector label }
  }
`);

/** The startup directory: full-text search with facets, public fields only. */
export function Directory() {
  const t = useT();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [sectors, setSectors] = useState<Sector[]>([]);
  const [stages, setStages] = useState<Stage[]>([]);
  const [wards, setWards] = useState<string[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const filter = { sectors: sectors.length ? sectors : null, stages: stages.length ? stages : null, wards: wards.length ? wards : null };
  const [{ data, fetching, error }] = useQuery({ query: DirectoryQuery, variables: { query, filter, after } });
  const res = data?.search;
  const sectorName = (s: string) => data?.sectors.find((x) => x.sector === s)?.label ?? s;
  const toggle = <V,>(list: V[], set: (l: V[]) => void, v: V) => { setAfter(null); set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]); };
  return (
    <Page title={t('Danh bạ startup Hải Phòng', 'Hai Phong startup directory')}>
      <form role="search" className="inline-form" onSubmit={(e) => { e.preventDefault(); setAfter(null); setQuery(text); }}>
        <div className="field">
          <label htmlFor="dir-q">{t('Tìm startup', 'Search startups')}</label>
          <input id="dir-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <button type="submit">{t('Tìm', 'Search')}</button>
      </form>
      {error && <ErrorNotice error={error} />}
      <div className="with-facets">
        {res && (
          <aside aria-label={t('Bộ lọc', 'Filters')} className="facets">
            <fieldset>
              <legend>{t('Lĩnh vực', 'Sector')}</legend>
              {res.facets.sectors.map((f) => (
                <label key={f.value} className="check"><input type="checkbox" checked={sectors.includes(f.value as Sector)} onChange={() => toggle(sectors, setSectors, f.value as Sector)} />{f.label} ({f.count})</label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('Giai đoạn', 'Stage')}</legend>
              {res.facets.stages.map((f) => (
                <label key={f.value} className="check"><input type="checkbox" checked={stages.includes(f.value as Stage)} onChange={() => toggle(stages, setStages, f.value as Stage)} />{label(t, 'stage', f.value)} ({f.count})</label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('Địa bàn', 'Ward')}</legend>
              {res.facets.wards.map((f) => (
                <label key={f.value} className="check"><input type="checkbox" checked={wards.includes(f.value)} onChange={() => toggle(wards, setWards, f.value)} />{f.label} ({f.count})</label>
              ))}
            </fieldset>
          </aside>
        )}
        <div>
          {fetching && !data && <Loading />}
          {res && <p role="status">{t(`${res.totalCount} startup`, `${res.totalCount} startups`)}</p>}
          {res && !res.edges.length && <Empty>{t('Không có startup nào khớp.', 'No startup matches.')}</Empty>}
          {res?.edges.map(({ node }) => node.__typename === 'Startup' && (
            <article key={node.id} className="card">
              <h2>{node.name}</h2>
              <p className="muted">{node.ward} · {label(t, 'stage', node.stage)} · {node.sectors.map(sectorName).join(', ')}{node.incubator ? ` · ${node.incubator.name}` : ''}</p>
              {node.description && <p>{node.description}</p>}
            </article>
          ))}
          {res?.pageInfo.hasNextPage && <button type="button" onClick={() => setAfter(res.pageInfo.endCursor ?? null)}>{t('Trang sau', 'Next page')}</button>}
        </div>
      </div>
    </Page>
  );
}

const IncubatorsQuery = graphql(`
  query PublicIncubators {
    incubatorsConnection(first: 100) {
      edges { node { id name university ward website programs { name description } startups(first: 1) { totalCount } } }
    }
  }
`);

export function PublicIncubators() {
  const t = useT();
  const [{ data, fetching, error }] = useQuery({ query: IncubatorsQuery });
  return (
    <Page title={t('Vườn ươm và trung tâm hỗ trợ khởi nghiệp', 'Incubators and startup support centres')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data?.incubatorsConnection.edges.map(({ node: i }) => (
        <article key={i.id} className="card">
          <h2>{i.name}</h2>
          <p className="muted">{i.university} · {i.ward} · {t(`${i.startups.totalCount} startup`, `${i.startups.totalCount} startups`)}</p>
          {i.website && <p><a href={i.website} rel="noopener noreferrer">{i.website}</a></p>}
          {i.programs.length > 0 && <ul>{i.programs.map((p) => <li key={p.name}>{p.name}{p.description ? ` — ${p.description}` : ''}</li>)}</ul>}
        </article>
      ))}
    </Page>
  );
}

const EventsQuery = graphql(`
  query PublicEvents {
    events(status: [PUBLISHED], first: 50) {
      edges { node { id title kind start end venue incubator { name } } }
    }
  }
`);

export function PublicEvents() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: EventsQuery });
  const now = Date.now();
  const upcoming = (data?.events.edges.map((e) => e.node) ?? []).filter((e) => new Date(e.end).getTime() > now)
    .sort((a, b) => a.start.localeCompare(b.start));
  return (
    <Page title={t('Sự kiện sắp diễn ra', 'Upcoming events')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !upcoming.length && <Empty>{t('Chưa có sự kiện sắp tới.', 'No upcoming events.')}</Empty>}
      {upcoming.map((e) => (
        <article key={e.id} className="card">
          <h2>{e.title}</h2>
          <p>{label(t, 'eventKind', e.kind)} · {dateTime(lang, e.start)} · {e.venue}</p>
          <p className="muted">{e.incubator.name}</p>
        </article>
      ))}
    </Page>
  );
}

const RegisterQuery = graphql(`
  query SandboxRegister {
    sandboxRegisterConnection(first: 100) {
      totalCount
      edges { node { startupName product status testStartedOn testEndsOn outcome program { name } } }
    }
  }
`);

/** The public register of controlled tests: who tests what, under which programme, until when. */
export function SandboxRegister() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: RegisterQuery, requestPolicy: 'cache-and-network' });
  const rows = data?.sandboxRegisterConnection.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('Sổ đăng ký thử nghiệm có kiểm soát', 'Public register of sandbox tests')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !rows.length && <Empty>{t('Chưa có doanh nghiệp nào đang thử nghiệm.', 'No firm is testing yet.')}</Empty>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Doanh nghiệp', 'Firm')}</th><th scope="col">{t('Sản phẩm', 'Product')}</th>
                <th scope="col">{t('Cơ chế', 'Programme')}</th><th scope="col">{t('Trạng thái', 'Status')}</th>
                <th scope="col">{t('Thời gian thử nghiệm', 'Test period')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>{r.startupName}</td><td>{r.product}</td><td>{r.program.name}</td>
                  <td>{label(t, 'sandbox', r.status)}{r.outcome ? ` · ${label(t, 'sandboxOutcome', r.outcome)}` : ''}</td>
                  <td>{r.testStartedOn ? date(lang, r.testStartedOn) : '—'} – {r.testEndsOn ? date(lang, r.testEndsOn) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
