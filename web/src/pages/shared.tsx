import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { MeetingMark } from '../gql/graphql';
import type { Session } from '../lib/auth';
import { dateTime, percent, time } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label } from '../lib/labels';
import { Link } from '../lib/router';
import { Empty, ErrorNotice, FormErrors, Loading, Page } from '../ui/common';

type Props = { params: Record<string, string>; session: Session };

const EventsQuery = graphql(`
  query Events {
    events(status: [PUBLISHED], first: 100) {
      edges { node { id title kind start end venue seatsTaken capacity incubator { id name } myRegistration { id status } } }
    }
  }
`);

export function Events() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: EventsQuery });
  const events = [...(data?.events.edges.map((e) => e.node) ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  return (
    <Page title={t('Sự kiện', 'Events')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !events.length && <Empty>{t('Chưa có sự kiện nào.', 'No events yet.')}</Empty>}
      <div className="cards">
        {events.map((e) => (
          <article key={e.id} className="card">
            <h2><Link to={`/events/${encodeURIComponent(e.id)}`}>{e.title}</Link></h2>
            <p className="muted">{label(t, 'eventKind', e.kind)} · {e.incubator.name}</p>
            <p>{dateTime(lang, e.start)} – {time(lang, e.end)} · {e.venue}</p>
            {e.myRegistration && <p><span className={`badge s-${e.myRegistration.status}`}>{label(t, 'registration', e.myRegistration.status)}</span></p>}
          </article>
        ))}
      </div>
    </Page>
  );
}

const EventPageQuery = graphql(`
  query EventPage($id: ID!) {
    event(id: $id) {
      id title kind description start end venue seatsTaken capacity status viewerCanRegister viewerCanManage agendaStatus
      incubator { id name }
      myRegistration {
        id status type waitlistPosition
        recommendations(first: 8) {
          score
          explanation { factor contribution detail }
          participant { id name organization type myMark startup { id } }
        }
      }
      myMeetingRequests {
        id status message sentAt
        from { id name organization }
        to { id name organization }
      }
      myAgenda {
        status ics
        items { meeting { id table slot { start end } } with { id name organization } }
      }
    }
  }
`);
const Register = graphql(`
  mutation RegisterForEvent($input: RegisterForEventInput!) {
    registerForEvent(input: $input) { participant { id status } userErrors { field code message } }
  }
`);
const Mark = graphql(`
  mutation MarkParticipant($input: MarkParticipantInput!) {
    markParticipant(input: $input) { participant { id myMark } userErrors { field code message } }
  }
`);
const RequestMeeting = graphql(`
  mutation RequestMeeting($input: RequestMeetingInput!) {
    requestMeeting(input: $input) { request { id status } userErrors { field code message } }
  }
`);
const Respond = graphql(`
  mutation RespondToMeetingRequest($input: RespondToMeetingRequestInput!) {
    respondToMeetingRequest(input: $input) { request { id status } userErrors { field code message } }
  }
`);

export function EventPage({ params, session }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: EventPageQuery, variables: { id: params.id } });
  const [reg, register] = useMutation(Register);
  const [marked, mark] = useMutation(Mark);
  const [asked, request] = useMutation(RequestMeeting);
  const [answered, respond] = useMutation(Respond);
  const [form, setForm] = useState({ name: session.name, organization: '', offers: '', seeks: '' });
  const e = data?.event;
  const me = e?.myRegistration;
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const onRegister = async (x: FormEvent) => {
    x.preventDefault();
    const r = await register({ input: { eventId: params.id, name: form.name, organization: form.organization || null, offers: form.offers || null, seeks: form.seeks || null } });
    if (r.data?.registerForEvent.participant) reload();
  };
  const downloadIcs = () => {
    if (!e?.myAgenda) return;
    const url = URL.createObjectURL(new Blob([e.myAgenda.ics], { type: 'text/calendar' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'innoport-agenda.ics';
    a.click();
    URL.revokeObjectURL(url);
  };
  const marks: [MeetingMark, string][] = [
    ['MUST_MEET', t('Rất muốn gặp', 'Must meet')], ['WOULD_MEET', t('Muốn gặp', 'Would meet')], ['NO_THANKS', t('Không, cảm ơn', 'No thanks')],
  ];
  const mutationErrors = reg.data?.registerForEvent.userErrors ?? marked.data?.markParticipant.userErrors ?? asked.data?.requestMeeting.userErrors ?? answered.data?.respondToMeetingRequest.userErrors;
  return (
    <Page title={e?.title ?? t('Sự kiện', 'Event')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {e && (
        <>
          <p className="muted">{label(t, 'eventKind', e.kind)} · {e.incubator.name} · {dateTime(lang, e.start)} – {time(lang, e.end)} · {e.venue}</p>
          <p>{e.description}</p>
          {e.viewerCanManage && <p><Link to={`/manage/events/${encodeURIComponent(e.id)}`}>{t('Quản lý sự kiện này', 'Manage this event')}</Link></p>}
          <FormErrors errors={mutationErrors} shown={[]} />
          {me ? (
            <p>{t('Đăng ký của bạn: ', 'Your registration: ')}<strong className={`badge s-${me.status}`}>{label(t, 'registration', me.status)}</strong>{me.waitlistPosition ? ` #${me.waitlistPosition}` : ''}</p>
          ) : e.viewerCanRegister ? (
            <form className="form card" onSubmit={onRegister}>
              <h2>{t('Đăng ký tham dự', 'Register')}</h2>
              <div className="field"><label htmlFor="r-name">{t('Họ tên', 'Name')}</label><input id="r-name" required value={form.name} onChange={(x) => setForm({ ...form, name: x.target.value })} /></div>
              <div className="field"><label htmlFor="r-org">{t('Tổ chức', 'Organisation')}</label><input id="r-org" value={form.organization} onChange={(x) => setForm({ ...form, organization: x.target.value })} /></div>
              <div className="field"><label htmlFor="r-offers">{t('Bạn có thể mang lại', 'What you offer')}</label><textarea id="r-offers" rows={2} value={form.offers} onChange={(x) => setForm({ ...form, offers: x.target.value })} /></div>
              <div className="field"><label htmlFor="r-seeks">{t('Bạn đang tìm', 'What you seek')}</label><textarea id="r-seeks" rows={2} value={form.seeks} onChange={(x) => setForm({ ...form, seeks: x.target.value })} /></div>
              <button type="submit" className="primary" disabled={reg.fetching}>{t('Đăng ký', 'Register')}</button>
            </form>
          ) : <p className="muted">{t('Sự kiện không nhận đăng ký từ bạn lúc này.', 'The event does not take your registration now.')}</p>}
          {me?.recommendations && me.recommendations.length > 0 && (
            <section aria-labelledby="rec-h">
              <h2 id="rec-h">{t('Nên gặp ai', 'Whom to meet')}</h2>
              <ul className="cards">
                {me.recommendations.map((r) => (
                  <li key={r.participant.id} className="card">
                    <header className="row">
                      <h3>{r.participant.startup ? <Link to={`/startups/${encodeURIComponent(r.participant.startup.id)}`}>{r.participant.name}</Link> : r.participant.name}</h3>
                      <span className="score">{percent(lang, r.score)}</span>
                    </header>
                    <p className="muted">{r.participant.organization}</p>
                    <ul className="reasons">{r.explanation.filter((c) => c.contribution > 0).map((c) => <li key={c.factor}>{c.detail}</li>)}</ul>
                    <div role="group" aria-label={t(`Đánh dấu ${r.participant.name}`, `Mark ${r.participant.name}`)} className="actions">
                      {marks.map(([m, text]) => (
                        <button key={m} type="button" aria-pressed={r.participant.myMark === m}
                          onClick={async () => { await mark({ input: { participantId: r.participant.id, mark: r.participant.myMark === m ? null : m } }); reload(); }}>
                          {text}
                        </button>
                      ))}
                      <button type="button" onClick={async () => { await request({ input: { participantId: r.participant.id } }); reload(); }}>
                        {t('Mời gặp', 'Ask to meet')}
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {e.myMeetingRequests && e.myMeetingRequests.length > 0 && me && (
            <section aria-labelledby="req-h">
              <h2 id="req-h">{t('Lời mời gặp', 'Meeting requests')}</h2>
              <ul className="list">
                {e.myMeetingRequests.map((r) => {
                  const incoming = r.to.id === me.id;
                  return (
                    <li key={r.id}>
                      {incoming ? t(`Từ ${r.from.name}`, `From ${r.from.name}`) : t(`Gửi ${r.to.name}`, `To ${r.to.name}`)} · {label(t, 'request', r.status)}
                      {incoming && r.status === 'PENDING' && (
                        <span className="actions">
                          <button type="button" onClick={async () => { await respond({ input: { id: r.id, accept: true } }); reload(); }}>{t('Nhận lời', 'Accept')}</button>
                          <button type="button" className="quiet" onClick={async () => { await respond({ input: { id: r.id, accept: false } }); reload(); }}>{t('Từ chối', 'Decline')}</button>
                        </span>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {e.myAgenda && e.myAgenda.status !== 'NONE' && (
            <section aria-labelledby="ag-h">
              <h2 id="ag-h">{t('Lịch gặp của tôi', 'My agenda')}</h2>
              <ol className="list">
                {e.myAgenda.items.map((i) => (
                  <li key={i.meeting.id}>{time(lang, i.meeting.slot.start)}–{time(lang, i.meeting.slot.end)} · {i.meeting.table} · {i.with.name}{i.with.organization ? ` (${i.with.organization})` : ''}</li>
                ))}
              </ol>
              <button type="button" onClick={downloadIcs}>{t('Tải lịch (.ics)', 'Download calendar (.ics)')}</button>
            </section>
          )}
        </>
      )}
    </Page>
  );
}

const NotificationsQuery = graphql(`
  query Notifications {
    viewer {
      notifications(first: 50) { totalCount edges { node { id kind message createdAt readAt startup { id name } application { id } } } }
    }
  }
`);
const MarkRead = graphql(`
  mutation MarkNotificationRead($id: ID!) { markNotificationRead(input: { id: $id }) { notification { id readAt } userErrors { field code message } } }
`);

export function Notifications() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: NotificationsQuery, requestPolicy: 'network-only' });
  const [, markRead] = useMutation(MarkRead);
  const list = data?.viewer.notifications.edges.map((e) => e.node) ?? [];
  return (
    <Page title={t('Thông báo', 'Notifications')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {data && !list.length && <Empty>{t('Chưa có thông báo.', 'No notifications yet.')}</Empty>}
      <ul className="list">
        {list.map((n) => (
          <li key={n.id} className={n.readAt ? 'read' : 'unread'}>
            <time dateTime={n.createdAt}>{dateTime(lang, n.createdAt)}</time> — {n.message}
            {n.application
              ? <> · <Link to={`/applications/${encodeURIComponent(n.application.id)}`}>{t('Xem hồ sơ', 'See the application')}</Link></>
              : n.startup && n.kind !== 'DATA_ROOM_READ' && <> · <Link to={`/startups/${encodeURIComponent(n.startup.id)}`}>{n.startup.name}</Link></>}
            {!n.readAt && <button type="button" className="quiet" onClick={() => markRead({ id: n.id })}>{t('Đánh dấu đã đọc', 'Mark read')}</button>}
          </li>
        ))}
      </ul>
    </Page>
  );
}
