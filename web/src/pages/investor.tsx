import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { DealStage, Sector, Stage } from '../gql/graphql';
import type { Session } from '../lib/auth';
import { isForbidden } from '../lib/client';
import { date, dateTime, percent, vnd } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label, values } from '../lib/labels';
import { Link, navigate, useLocation } from '../lib/router';
import { Empty, ErrorNotice, FormErrors, Loading, Page } from '../ui/common';
import { Snippet } from '../ui/match';

type Props = { params: Record<string, string>; session: Session };

const DealFlowQuery = graphql(`
  query DealFlow($filter: DealFlowFilter, $first: Int!) {
    viewer {
      organization {
        __typename
        ... on Investor {
          id name
          dealFlow(first: $first, filter: $filter) {
            totalCount
            edges {
              fit
              highlights { field snippet }
              deal { id stage }
              node { id name description stage sectors ward incubator { id name } }
            }
            facets {
              sectors { value label count }
              stages { value label count }
              incubators { value label count }
            }
          }
        }
      }
    }
  }
`);

const SaveSearch = graphql(`
  mutation SaveSearch($input: SaveSearchInput!) {
    saveSearch(input: $input) { savedSearch { id name } userErrors { field code message } }
  }
`);

/** The deal flow: ranked by fit, searched with or without diacritics, narrowed by facets; the filter lives in the address. */
export function DealFlow() {
  const t = useT();
  const { lang } = useLang();
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const sectors = query.getAll('sector') as Sector[];
  const stages = query.getAll('stage') as Stage[];
  const incubators = query.getAll('incubator');
  const [text, setText] = useState(q);
  const [{ data, fetching, error }] = useQuery({
    query: DealFlowQuery,
    variables: { first: 30, filter: { query: q || null, sectors: sectors.length ? sectors : null, stages: stages.length ? stages : null, incubatorIds: incubators.length ? incubators : null } },
  });
  const [saved, save] = useMutation(SaveSearch);
  const [name, setName] = useState('');
  const inv = data?.viewer.organization?.__typename === 'Investor' ? data.viewer.organization : null;

  const go = (next: { q?: string; toggle?: [string, string] }) => {
    const p = new URLSearchParams(location.search);
    if (next.q !== undefined) {
      if (next.q) p.set('q', next.q);
      else p.delete('q');
    }
    if (next.toggle) {
      const [k, v] = next.toggle;
      const cur = p.getAll(k);
      p.delete(k);
      (cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v]).forEach((x) => p.append(k, x));
    }
    navigate(`/dealflow${p.toString() ? `?${p}` : ''}`, true);
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go({ q: text.trim() });
  };
  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (!inv) return;
    await save({ input: { investorId: inv.id, name, query: q, filter: { sectors, stages, incubatorIds: incubators } } });
  };
  const facet = (key: string, title: string, items: { value: string; label: string; count: number }[], chosen: string[]) => (
    <fieldset className="facet">
      <legend>{title}</legend>
      {items.map((f) => (
        <label key={f.value} className="choice">
          <input type="checkbox" checked={chosen.includes(f.value)} onChange={() => go({ toggle: [key, f.value] })} />
          {key === 'stage' ? label(t, 'stage', f.value) : f.label} <span className="muted">({f.count})</span>
        </label>
      ))}
    </fieldset>
  );
  const saveErrors = saved.data?.saveSearch.userErrors;
  return (
    <Page title={t('Luồng thương vụ', 'Deal flow')}>
      <form role="search" className="search" onSubmit={onSearch}>
        <label htmlFor="q" className="sr-only">{t('Tìm startup', 'Search startups')}</label>
        <input id="q" type="search" value={text} onChange={(e) => setText(e.target.value)}
          placeholder={t('Tìm theo tên, mô tả… (có dấu hoặc không dấu)', 'Search names, descriptions… (with or without diacritics)')} />
        <button type="submit" className="primary">{t('Tìm', 'Search')}</button>
      </form>
      {error && <ErrorNotice error={error} />}
      {fetching && !data && <Loading />}
      {inv?.dealFlow && (
        <div className="with-aside">
          <aside aria-label={t('Bộ lọc', 'Filters')}>
            {facet('sector', t('Lĩnh vực', 'Sector'), inv.dealFlow.facets.sectors, sectors)}
            {facet('stage', t('Giai đoạn', 'Stage'), inv.dealFlow.facets.stages, stages)}
            {facet('incubator', t('Vườn ươm', 'Incubator'), inv.dealFlow.facets.incubators, incubators)}
            <form className="form" onSubmit={onSave}>
              <label htmlFor="ss-name">{t('Lưu tìm kiếm này để nhận thông báo', 'Save this search to be notified')}</label>
              <input id="ss-name" required value={name} onChange={(e) => setName(e.target.value)} placeholder={t('Tên tìm kiếm', 'Search name')} />
              <button type="submit" disabled={saved.fetching}>{t('Lưu tìm kiếm', 'Save search')}</button>
              <FormErrors errors={saveErrors} shown={[]} />
              <p role="status" aria-live="polite" className="toast">
                {saved.data?.saveSearch.savedSearch && t(`Đã lưu “${saved.data.saveSearch.savedSearch.name}”.`, `Saved “${saved.data.saveSearch.savedSearch.name}”.`)}
              </p>
            </form>
          </aside>
          <div>
            <p className="muted" role="status">{t(`${inv.dealFlow.totalCount} startup`, `${inv.dealFlow.totalCount} startups`)}</p>
            {!inv.dealFlow.edges.length && <Empty>{t('Không có startup nào khớp.', 'No startup matches.')}</Empty>}
            <ol className="results">
              {inv.dealFlow.edges.map(({ node: s, fit, highlights, deal }) => (
                <li key={s.id} className="card">
                  <header className="row">
                    <h2><Link to={`/startups/${encodeURIComponent(s.id)}`}>{s.name}</Link></h2>
                    {fit != null && <span className="score" title={t('Mức phù hợp với khẩu vị đầu tư', 'Fit with your thesis')}>{percent(lang, fit)}</span>}
                  </header>
                  <p className="muted">
                    {label(t, 'stage', s.stage)} · {s.ward}{s.incubator ? ` · ${s.incubator.name}` : ''}
                    {deal && <> · <span className="badge">{label(t, 'deal', deal.stage)}</span></>}
                  </p>
                  {highlights.length ? highlights.map((h) => <p key={h.field} className="snippet"><Snippet text={h.snippet} /></p>) : <p className="clamp">{s.description}</p>}
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </Page>
  );
}

const ProfileQuery = graphql(`
  query StartupProfile($id: ID!) {
    startup(id: $id) {
      id name nameEn description website teamSize stage ward foundedOn sectors
      incubator { id name }
      contact { email phone }
      financials { fundingNeedVnd revenue { year amountVnd } }
    }
    viewer {
      deals(first: 100) {
        edges { node { id stage daysInStage startup { id } notes { text at actor { name } } history { stage at } } }
      }
      organization { __typename ... on Investor { id } }
    }
    sectors { sector label }
  }
`);
const MoveDeal = graphql(`
  mutation MoveDeal($input: MoveDealInput!) {
    moveDeal(input: $input) { deal { id stage daysInStage } userErrors { field code message } }
  }
`);
const AddNote = graphql(`
  mutation AddDealNote($input: AddDealNoteInput!) {
    addDealNote(input: $input) { deal { id } userErrors { field code message } }
  }
`);

export function StartupProfile({ params }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ProfileQuery, variables: { id: params.id } });
  const [moved, move] = useMutation(MoveDeal);
  const [noted, addNote] = useMutation(AddNote);
  const [stage, setStage] = useState<DealStage | ''>('');
  const [note, setNote] = useState('');
  const s = data?.startup;
  const investor = data?.viewer.organization?.__typename === 'Investor' ? data.viewer.organization : null;
  const deal = data?.viewer.deals.edges.map((e) => e.node).find((d) => d.startup.id === params.id);
  // Contact and financials are confidential: without a data-room grant they are null with FORBIDDEN, which is not a failure of the page.
  const hardError = error && !(s && isForbidden(error)) ? error : undefined;
  const sectorLabel = (x: string) => data?.sectors.find((i) => i.sector === x)?.label ?? x;
  const onMove = async (e: FormEvent) => {
    e.preventDefault();
    if (!investor || !stage) return;
    const r = await move({ input: { investorId: investor.id, startupId: params.id, stage, note: note || null } });
    if (r.data?.moveDeal.deal) {
      setNote('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  const onNote = async (e: FormEvent) => {
    e.preventDefault();
    if (!investor || !note) return;
    const r = await addNote({ input: { investorId: investor.id, startupId: params.id, text: note } });
    if (r.data?.addDealNote.deal) {
      setNote('');
      refetch({ requestPolicy: 'network-only' });
    }
  };
  return (
    <Page title={s?.name ?? t('Startup', 'Startup')}>
      {fetching && !data && <Loading />}
      {hardError && <ErrorNotice error={hardError} />}
      {s && (
        <div className="grid2">
          <section className="card" aria-labelledby="about-h">
            <h2 id="about-h">{t('Giới thiệu', 'About')}</h2>
            <p>{s.description}</p>
            <dl className="facts">
              <dt>{t('Giai đoạn', 'Stage')}</dt><dd>{label(t, 'stage', s.stage)}</dd>
              <dt>{t('Lĩnh vực', 'Sectors')}</dt><dd>{s.sectors.map(sectorLabel).join(', ')}</dd>
              <dt>{t('Địa bàn', 'Ward')}</dt><dd>{s.ward}</dd>
              <dt>{t('Thành lập', 'Founded')}</dt><dd>{date(lang, s.foundedOn)}</dd>
              <dt>{t('Vườn ươm', 'Incubator')}</dt><dd>{s.incubator?.name ?? '—'}</dd>
              <dt>{t('Nhân sự', 'Team')}</dt><dd>{s.teamSize}</dd>
              {s.website && <><dt>Web</dt><dd><a href={s.website} rel="noopener noreferrer">{s.website}</a></dd></>}
            </dl>
            <h3>{t('Thông tin bảo mật', 'Confidential')}</h3>
            {s.contact || s.financials ? (
              <dl className="facts">
                {s.contact && <><dt>Email</dt><dd>{s.contact.email}</dd><dt>{t('Điện thoại', 'Phone')}</dt><dd>{s.contact.phone ?? '—'}</dd></>}
                {s.financials && <>
                  <dt>{t('Nhu cầu vốn', 'Funding sought')}</dt><dd>{vnd(lang, s.financials.fundingNeedVnd)}</dd>
                  {s.financials.revenue.map((r) => <span key={r.year} className="contents"><dt>{t(`Doanh thu ${r.year}`, `Revenue ${r.year}`)}</dt><dd>{vnd(lang, r.amountVnd)}</dd></span>)}
                </>}
              </dl>
            ) : <p className="muted">{t('Chỉ xem được khi startup cấp quyền phòng dữ liệu cho bạn.', 'Visible once the startup grants you its data room.')}</p>}
          </section>
          {investor && (
            <section className="card" aria-labelledby="deal-h">
              <h2 id="deal-h">{t('Trong quy trình của bạn', 'In your pipeline')}</h2>
              <p>
                {deal
                  ? <>{t('Giai đoạn: ', 'Stage: ')}<strong>{label(t, 'deal', deal.stage)}</strong> · {t(`${deal.daysInStage} ngày`, `${deal.daysInStage} days`)}</>
                  : t('Chưa có trong quy trình.', 'Not in your pipeline yet.')}
              </p>
              <form className="form" onSubmit={onMove}>
                <div className="field">
                  <label htmlFor="stage">{t('Chuyển sang giai đoạn', 'Move to stage')}</label>
                  <select id="stage" value={stage} onChange={(e) => setStage(e.target.value as DealStage)} required>
                    <option value="">{t('— chọn —', '— choose —')}</option>
                    {values('deal').map((v) => <option key={v} value={v}>{label(t, 'deal', v)}</option>)}
                  </select>
                </div>
                <div className="field">
                  <label htmlFor="note">{t('Ghi chú', 'Note')}</label>
                  <textarea id="note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
                </div>
                <FormErrors errors={moved.data?.moveDeal.userErrors ?? noted.data?.addDealNote.userErrors} shown={[]} />
                <div className="actions">
                  <button type="submit" className="primary" disabled={moved.fetching}>{t('Chuyển', 'Move')}</button>
                  <button type="button" onClick={onNote} disabled={noted.fetching || !note}>{t('Chỉ thêm ghi chú', 'Add the note only')}</button>
                </div>
              </form>
              {deal && (
                <>
                  <h3>{t('Ghi chú', 'Notes')}</h3>
                  {deal.notes.length ? <ul className="list">{deal.notes.map((n, i) => <li key={i}>{dateTime(lang, n.at)} · {n.actor.name}: {n.text}</li>)}</ul> : <Empty>—</Empty>}
                  <h3>{t('Lịch sử', 'History')}</h3>
                  <ol className="timeline">{deal.history.map((h, i) => <li key={i}>{dateTime(lang, h.at)} — {label(t, 'deal', h.stage)}</li>)}</ol>
                </>
              )}
            </section>
          )}
        </div>
      )}
    </Page>
  );
}

const PipelineQuery = graphql(`
  query Pipeline {
    viewer {
      organization { __typename ... on Investor { id } }
      deals(first: 100) { totalCount edges { node { id stage daysInStage startup { id name stage } } } }
    }
  }
`);

/** The pipeline as a board, one column per stage; each card moves with a select (keyboard and phone friendly). */
export function Pipeline() {
  const t = useT();
  const [{ data, fetching, error }, refetch] = useQuery({ query: PipelineQuery, requestPolicy: 'network-only' });
  const [moved, move] = useMutation(MoveDeal);
  const investor = data?.viewer.organization?.__typename === 'Investor' ? data.viewer.organization : null;
  const deals = data?.viewer.deals.edges.map((e) => e.node) ?? [];
  const onMove = async (startupId: string, stage: DealStage) => {
    if (!investor) return;
    await move({ input: { investorId: investor.id, startupId, stage } });
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Page title={t('Quy trình đầu tư', 'Pipeline')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      <FormErrors errors={moved.data?.moveDeal.userErrors} shown={[]} />
      {data && !deals.length && (
        <Empty>{t('Quy trình còn trống: thêm startup từ ', 'Your pipeline is empty: add startups from ')}<Link to="/dealflow">{t('luồng thương vụ', 'the deal flow')}</Link>.</Empty>
      )}
      {deals.length > 0 && (
        <div className="board">
          {values('deal').map((st) => {
            const col = deals.filter((d) => d.stage === st);
            return (
              <section key={st} className="column" aria-labelledby={`col-${st}`}>
                <h2 id={`col-${st}`}>{label(t, 'deal', st)} <span className="muted">({col.length})</span></h2>
                <ul>
                  {col.map((d) => (
                    <li key={d.id} className="card deal">
                      <Link to={`/startups/${encodeURIComponent(d.startup.id)}`}>{d.startup.name}</Link>
                      <span className="muted">{t(`${d.daysInStage} ngày ở giai đoạn này`, `${d.daysInStage} days in stage`)}</span>
                      <label className="sr-only" htmlFor={`mv-${d.id}`}>{t(`Chuyển ${d.startup.name} sang`, `Move ${d.startup.name} to`)}</label>
                      <select id={`mv-${d.id}`} value={d.stage} onChange={(e) => onMove(d.startup.id, e.target.value as DealStage)}>
                        {values('deal').map((v) => <option key={v} value={v}>{label(t, 'deal', v)}</option>)}
                      </select>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </Page>
  );
}

const SavedSearchesQuery = graphql(`
  query SavedSearches {
    viewer {
      organization {
        __typename
        ... on Investor { id savedSearches { id name query sectors stages incubators { id name } createdAt } }
      }
    }
  }
`);
const DeleteSavedSearch = graphql(`
  mutation DeleteSavedSearch($id: ID!) {
    deleteSavedSearch(input: { id: $id }) { deletedId userErrors { field code message } }
  }
`);

export function SavedSearches() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: SavedSearchesQuery, requestPolicy: 'network-only' });
  const [, remove] = useMutation(DeleteSavedSearch);
  const inv = data?.viewer.organization?.__typename === 'Investor' ? data.viewer.organization : null;
  const open = (s: { query: string; sectors: string[]; stages: string[]; incubators: { id: string }[] }) => {
    const p = new URLSearchParams();
    if (s.query) p.set('q', s.query);
    s.sectors.forEach((x) => p.append('sector', x));
    s.stages.forEach((x) => p.append('stage', x));
    s.incubators.forEach((x) => p.append('incubator', x.id));
    return `/dealflow?${p}`;
  };
  return (
    <Page title={t('Tìm kiếm đã lưu', 'Saved searches')}>
      <p>{t('Bạn được thông báo khi có startup mới khớp một tìm kiếm đã lưu.', 'You are notified when a new startup matches a saved search.')} <Link to="/notifications">{t('Xem thông báo', 'See notifications')}</Link></p>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {inv && !inv.savedSearches?.length && <Empty>{t('Chưa có tìm kiếm nào được lưu.', 'No saved searches yet.')}</Empty>}
      <ul className="list">
        {inv?.savedSearches?.map((s) => (
          <li key={s.id}>
            <Link to={open(s)}>{s.name}</Link> <span className="muted">“{s.query}” · {date(lang, s.createdAt)}</span>
            <button type="button" className="quiet" onClick={async () => { await remove({ id: s.id }); refetch({ requestPolicy: 'network-only' }); }}>
              {t('Xoá', 'Delete')}<span className="sr-only"> {s.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </Page>
  );
}
