import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { Cooperation, Sector } from '../gql/graphql';
import type { Session } from '../lib/auth';
import { date, dateTime } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label } from '../lib/labels';
import { Link } from '../lib/router';
import { Empty, ErrorNotice, FormErrors, Loading, Page } from '../ui/common';

// Technology transfer: the market of research organisations' offers, an
// offer with the firm's way from interest through the NDA to its details,
// and the organisation's own offers and conversations.

const MarketQuery = graphql(`
  query TechnologyMarket($query: String!, $filter: SearchFilter, $after: String) {
    search(query: $query, types: [TECH_OFFER], filter: $filter, first: 20, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      facets {
        sectors { value label count } trlBands { value count } ipStatuses { value count } cooperation { value count }
      }
      edges { node { __typename ... on TechOffer { id title titleEn summary summaryEn trl cooperation organization { name nameEn } } } }
    }
  }
`);

type T = ReturnType<typeof useT>;

/** inLang is a text in the reader's language: the English one when there is one and English is read. */
function inLang(lang: string, vi: string, en: string | null | undefined): string {
  return lang === 'en' && en ? en : vi;
}

/** ipKind names a kind of protection: the firm evidence's, or know-how. */
function ipKind(t: T, kind: string): string {
  return kind === 'KNOW_HOW' ? t('Bí quyết kỹ thuật', 'Know-how') : label(t, 'ipKind', kind);
}

/** ipStatus names an IP status facet value: a kind of title, an application pending or know-how. */
function ipStatus(t: T, v: string): string {
  return v === 'APPLICATION_PENDING' ? t('Đang chờ cấp văn bằng', 'Application pending') : ipKind(t, v);
}

/** The published offers: full-text search (diacritics optional) with technology facets. */
export function TechnologyMarket() {
  const t = useT();
  const { lang } = useLang();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [sectors, setSectors] = useState<Sector[]>([]);
  const [bands, setBands] = useState<string[]>([]);
  const [ip, setIp] = useState<string[]>([]);
  const [coop, setCoop] = useState<Cooperation[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  const filter = {
    sectors: sectors.length ? sectors : null, trlBands: bands.length ? bands : null,
    ipStatuses: ip.length ? ip : null, cooperation: coop.length ? coop : null,
  };
  const [{ data, fetching, error }] = useQuery({ query: MarketQuery, variables: { query, filter, after } });
  const res = data?.search;
  const toggle = <V,>(list: V[], set: (l: V[]) => void, v: V) => { setAfter(null); set(list.includes(v) ? list.filter((x) => x !== v) : [...list, v]); };
  return (
    <Page title={t('Chợ công nghệ', 'Technology market')}>
      <p className="muted">{t(
        'Công nghệ các viện, trường chào bán cho doanh nghiệp. Chi tiết kỹ thuật mở sau khi tổ chức chấp nhận quan tâm và doanh nghiệp ký thoả thuận bảo mật.',
        'Technology that institutes and universities offer to firms. Technical details open once the organisation accepts your interest and your firm accepts the NDA.')}</p>
      <form role="search" className="inline-form" onSubmit={(e) => { e.preventDefault(); setAfter(null); setQuery(text); }}>
        <div className="field">
          <label htmlFor="tech-q">{t('Tìm công nghệ', 'Search technology')}</label>
          <input id="tech-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
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
              <legend>{t('Mức sẵn sàng', 'Readiness')}</legend>
              {res.facets.trlBands.map((f) => (
                <label key={f.value} className="check"><input type="checkbox" checked={bands.includes(f.value)} onChange={() => toggle(bands, setBands, f.value)} />{label(t, 'trlBand', f.value)} ({f.count})</label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('Sở hữu trí tuệ', 'Intellectual property')}</legend>
              {res.facets.ipStatuses.map((f) => (
                <label key={f.value} className="check"><input type="checkbox" checked={ip.includes(f.value)} onChange={() => toggle(ip, setIp, f.value)} />{ipStatus(t, f.value)} ({f.count})</label>
              ))}
            </fieldset>
            <fieldset>
              <legend>{t('Hình thức hợp tác', 'Cooperation')}</legend>
              {res.facets.cooperation.map((f) => (
                <label key={f.value} className="check"><input type="checkbox" checked={coop.includes(f.value as Cooperation)} onChange={() => toggle(coop, setCoop, f.value as Cooperation)} />{label(t, 'cooperation', f.value)} ({f.count})</label>
              ))}
            </fieldset>
          </aside>
        )}
        <div>
          {fetching && !data && <Loading />}
          {res && <p role="status">{t(`${res.totalCount} công nghệ`, `${res.totalCount} offers`)}</p>}
          {res && !res.edges.length && <Empty>{t('Không có công nghệ nào khớp.', 'No offer matches.')}</Empty>}
          {res?.edges.map(({ node }) => node.__typename === 'TechOffer' && (
            <article key={node.id} className="card">
              <h2><Link to={`/technology/offers/${encodeURIComponent(node.id)}`}>{inLang(lang, node.title, node.titleEn)}</Link></h2>
              <p className="muted">{inLang(lang, node.organization.name, node.organization.nameEn)} · TRL {node.trl} · {node.cooperation.map((c) => label(t, 'cooperation', c)).join(', ')}</p>
              <p>{inLang(lang, node.summary, node.summaryEn)}</p>
            </article>
          ))}
          {res?.pageInfo.hasNextPage && <button type="button" onClick={() => setAfter(res.pageInfo.endCursor ?? null)}>{t('Trang sau', 'Next page')}</button>}
        </div>
      </div>
    </Page>
  );
}

const OfferQuery = graphql(`
  query TechOfferPage($id: ID!) {
    node(id: $id) {
      ... on TechOffer {
        id title titleEn summary summaryEn offerStatus trl stateFunded cooperation terms inventors publishedAt
        sectors
        ip { kind pending number filedOn grantedOn }
        organization { name nameEn contactEmail website }
        viewerCanManage
        details
        myConversation { id stage accepted nda { at } }
        conversations(first: 50) { edges { node { id stage accepted message createdAt firm { name } } } }
        detailReads(first: 1) { totalCount }
      }
    }
    transferNda { version text }
    viewer { organization { __typename ... on Startup { id } } }
  }
`);

const ExpressInterest = graphql(`
  mutation ExpressInterest($input: ExpressInterestInput!) {
    expressInterest(input: $input) { conversation { id stage } userErrors { field code message } }
  }
`);

const SignNda = graphql(`
  mutation SignNda($input: SignNdaInput!) {
    signNda(input: $input) { conversation { id stage } userErrors { field code message } }
  }
`);

const Respond = graphql(`
  mutation RespondToInterest($input: RespondToInterestInput!) {
    respondToInterest(input: $input) { conversation { id stage accepted } userErrors { field code message } }
  }
`);

/**
 * One offer. A firm's member expresses interest, accepts the NDA once the
 * organisation accepted, and then reads the details; the organisation's
 * staff read the details, answer the firms' interest and see how often the
 * details were read.
 */
export function OfferPage({ params }: { params: Record<string, string>; session: Session }) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: OfferQuery, variables: { id: params.id } });
  const [interest, expressInterest] = useMutation(ExpressInterest);
  const [nda, signNda] = useMutation(SignNda);
  const [, respond] = useMutation(Respond);
  const [message, setMessage] = useState('');
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const o = data?.node && 'offerStatus' in data.node ? data.node : null;
  if (!data) return <Page title={t('Công nghệ', 'Technology')}>{fetching ? <Loading /> : error && <ErrorNotice error={error} />}</Page>;
  if (!o) return <Page title={t('Công nghệ', 'Technology')}><Empty>{t('Không tìm thấy công nghệ này.', 'This offer was not found.')}</Empty></Page>;
  const firmId = data.viewer.organization?.__typename === 'Startup' ? data.viewer.organization.id : null;
  const conv = o.myConversation;
  return (
    <Page title={inLang(lang, o.title, o.titleEn)}>
      <p className="muted">{inLang(lang, o.organization.name, o.organization.nameEn)} · {label(t, 'offerStatus', o.offerStatus)}{o.publishedAt ? ` · ${t('công bố', 'published')} ${date(lang, o.publishedAt)}` : ''}</p>
      <p>{inLang(lang, o.summary, o.summaryEn)}</p>
      <dl className="facts">
        <dt>{t('Mức sẵn sàng công nghệ', 'Technology readiness')}</dt><dd>TRL {o.trl}</dd>
        <dt>{t('Hình thức hợp tác', 'Cooperation sought')}</dt><dd>{o.cooperation.map((c) => label(t, 'cooperation', c)).join(', ')}</dd>
        <dt>{t('Sở hữu trí tuệ', 'Intellectual property')}</dt>
        <dd>{o.ip.length ? o.ip.map((r) => [
          r.pending ? `${ipKind(t, r.kind)} — ${t('đơn đang chờ cấp', 'application pending')}` : ipKind(t, r.kind),
          r.number, r.grantedOn && `(${date(lang, r.grantedOn)})`,
        ].filter(Boolean).join(' ')).join('; ') : '—'}</dd>
        <dt>{t('Nguồn kinh phí', 'Funding')}</dt><dd>{o.stateFunded ? t('Kết quả nhiệm vụ dùng ngân sách nhà nước (hợp đồng chuyển giao phải đăng ký)', 'A state-funded result (its transfer must be registered)') : t('Không dùng ngân sách nhà nước', 'Not state-funded')}</dd>
        {o.terms && <><dt>{t('Điều kiện dự kiến', 'Indicative terms')}</dt><dd>{o.terms}</dd></>}
        {o.inventors.length > 0 && <><dt>{t('Tác giả', 'Inventors')}</dt><dd>{o.inventors.join(', ')}</dd></>}
        <dt>{t('Liên hệ', 'Contact')}</dt><dd>{o.organization.contactEmail ?? '—'}</dd>
      </dl>

      <h2>{t('Thông tin chi tiết', 'Details')}</h2>
      {o.details ? <p className="details">{o.details}</p>
        : <p className="muted">{t('Chỉ mở sau khi tổ chức chấp nhận quan tâm và doanh nghiệp ký thoả thuận bảo mật (NDA).', 'Open once the organisation accepts your interest and your firm accepts the non-disclosure agreement (NDA).')}</p>}

      {firmId && !conv && o.offerStatus === 'PUBLISHED' && (
        <form className="card" onSubmit={async (e) => {
          e.preventDefault();
          const r = await expressInterest({ input: { offerId: o.id, firmId, message } });
          if (!r.error && !r.data?.expressInterest.userErrors.length) reload();
        }}>
          <h2>{t('Bày tỏ quan tâm', 'Express interest')}</h2>
          <div className="field">
            <label htmlFor="interest-msg">{t('Lời nhắn cho tổ chức', 'A note to the organisation')}</label>
            <textarea id="interest-msg" value={message} onChange={(e) => setMessage(e.target.value)} />
          </div>
          <FormErrors errors={interest.data?.expressInterest.userErrors} shown={[]} />
          {interest.error && <ErrorNotice error={interest.error} />}
          <button type="submit" disabled={interest.fetching}>{t('Gửi quan tâm', 'Send interest')}</button>
        </form>
      )}
      {conv && (
        <section className="card" aria-labelledby="conv-h">
          <h2 id="conv-h">{t('Trao đổi của doanh nghiệp bạn', "Your firm's conversation")}</h2>
          <p role="status">{t('Trạng thái', 'Stage')}: <strong>{label(t, 'transferStage', conv.stage)}</strong></p>
          {conv.stage === 'INTERESTED' && !conv.accepted && <p>{t('Đang chờ tổ chức trả lời.', 'Waiting for the organisation to answer.')}</p>}
          {conv.stage === 'INTERESTED' && conv.accepted && (
            <>
              <h3>{t('Thoả thuận bảo mật', 'Non-disclosure agreement')}</h3>
              <pre className="nda">{data.transferNda.text}</pre>
              <FormErrors errors={nda.data?.signNda.userErrors} shown={[]} />
              {nda.error && <ErrorNotice error={nda.error} />}
              <button type="button" disabled={nda.fetching} onClick={async () => {
                const r = await signNda({ input: { id: conv.id, ndaVersion: data.transferNda.version } });
                if (!r.error && !r.data?.signNda.userErrors.length) reload();
              }}>{t('Tôi đồng ý với thoả thuận bảo mật', 'I accept the non-disclosure agreement')}</button>
            </>
          )}
          {conv.nda && <p className="muted">{t('Đã ký NDA lúc', 'NDA accepted at')} {dateTime(lang, conv.nda.at)}</p>}
        </section>
      )}

      {o.viewerCanManage && (
        <section aria-labelledby="firms-h">
          <h2 id="firms-h">{t('Doanh nghiệp quan tâm', 'Interested firms')}</h2>
          <p className="muted">{t(`Thông tin chi tiết đã được đọc ${o.detailReads?.totalCount ?? 0} lần.`, `The details were read ${o.detailReads?.totalCount ?? 0} times.`)}</p>
          {!o.conversations?.edges.length && <Empty>{t('Chưa có doanh nghiệp nào.', 'No firm yet.')}</Empty>}
          <ul className="list">
            {o.conversations?.edges.map(({ node: c }) => (
              <li key={c.id}>
                <strong>{c.firm.name}</strong> · {label(t, 'transferStage', c.stage)} · {date(lang, c.createdAt)}
                {c.message && <p>{c.message}</p>}
                {c.stage === 'INTERESTED' && !c.accepted && (
                  <span className="row">
                    <button type="button" onClick={async () => { await respond({ input: { id: c.id, accept: true } }); reload(); }}>
                      {t(`Chấp nhận ${c.firm.name}`, `Accept ${c.firm.name}`)}
                    </button>
                    <button type="button" className="secondary" onClick={async () => { await respond({ input: { id: c.id, accept: false } }); reload(); }}>
                      {t(`Từ chối ${c.firm.name}`, `Decline ${c.firm.name}`)}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

const OurOffersQuery = graphql(`
  query OurOffers {
    viewer {
      organization {
        __typename
        ... on ResearchOrganization { id name nameEn offers(first: 50) { totalCount edges { node { id title titleEn offerStatus trl } } } }
      }
    }
    transferConversations(first: 50) {
      edges {
        node {
          id stage accepted registrationReminders
          offer { id title titleEn } firm { name }
          agreement { registrationRequired registrationNumber }
        }
      }
    }
  }
`);

/** The organisation's offers, and the firms' conversations about them. */
export function OurOffers() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: OurOffersQuery });
  const org = data?.viewer.organization?.__typename === 'ResearchOrganization' ? data.viewer.organization : null;
  const convs = data?.transferConversations?.edges.map((e) => e.node) ?? [];
  return (
    <Page title={org ? inLang(lang, org.name, org.nameEn) : t('Chào bán của tổ chức', 'Our offers')}>
      {fetching && !data && <Loading />}
      {error && !data && <ErrorNotice error={error} />}
      {org && (
        <section aria-labelledby="offers-h">
          <h2 id="offers-h">{t(`Công nghệ chào bán (${org.offers.totalCount})`, `Offers (${org.offers.totalCount})`)}</h2>
          <ul className="list">
            {org.offers.edges.map(({ node }) => (
              <li key={node.id}>
                <Link to={`/technology/offers/${encodeURIComponent(node.id)}`}>{inLang(lang, node.title, node.titleEn)}</Link> · TRL {node.trl} · {label(t, 'offerStatus', node.offerStatus)}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="convs-h">
        <h2 id="convs-h">{t('Trao đổi với doanh nghiệp', 'Conversations with firms')}</h2>
        {data && !convs.length && <Empty>{t('Chưa có doanh nghiệp nào quan tâm.', 'No firm has expressed interest yet.')}</Empty>}
        <ul className="list">
          {convs.map((c) => (
            <li key={c.id}>
              <strong>{c.firm.name}</strong> — <Link to={`/technology/offers/${encodeURIComponent(c.offer.id)}`}>{inLang(lang, c.offer.title, c.offer.titleEn)}</Link> · {label(t, 'transferStage', c.stage)}
              {c.stage === 'INTERESTED' && !c.accepted && <> · <em>{t('chờ bạn trả lời', 'awaiting your answer')}</em></>}
              {c.agreement?.registrationRequired && !c.agreement.registrationNumber && (
                <p className="notice">{t('Hợp đồng cần đăng ký theo Luật Chuyển giao công nghệ nhưng chưa có số đăng ký.', 'The agreement must be registered under the Law on Technology Transfer and has no registration yet.')}
                  {c.registrationReminders.length > 0 && ` ${t('Đã nhắc', 'Reminded')}: ${c.registrationReminders.map((d) => date(lang, d)).join(', ')}.`}</p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </Page>
  );
}
