import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { EventKind } from '../gql/graphql';
import type { Session } from '../lib/auth';
import { dateTime, fromLocalInput, time, toLocalInput } from '../lib/format';
import { useLang, useT } from '../lib/i18n';
import { label, values } from '../lib/labels';
import { Link, navigate } from '../lib/router';
import { Empty, ErrorNotice, errorsAt, FieldErrors, FormErrors, Loading, Page, type UserErrorLike as UserError } from '../ui/common';

type Props = { params: Record<string, string>; session: Session };

const ManageEventsQuery = graphql(`
  query ManageEvents {
    viewer {
      organization {
        __typename
        ... on Incubator {
          id name
          events(first: 100) { totalCount edges { node { id title kind status start seatsTaken capacity waitlisted agendaStatus } } }
        }
      }
    }
  }
`);

export function ManageEvents() {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }] = useQuery({ query: ManageEventsQuery, requestPolicy: 'cache-and-network' });
  const inc = data?.viewer.organization?.__typename === 'Incubator' ? data.viewer.organization : null;
  const events = inc ? [...inc.events.edges.map((e) => e.node)].reverse() : [];
  return (
    <Page title={t('Quản lý sự kiện', 'Manage events')} actions={<Link className="button primary" to="/manage/events/new">{t('Tạo sự kiện', 'New event')}</Link>}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {inc && !events.length && <Empty>{t('Chưa có sự kiện nào.', 'No events yet.')}</Empty>}
      {events.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Sự kiện', 'Event')}</th><th scope="col">{t('Thời gian', 'When')}</th>
                <th scope="col">{t('Trạng thái', 'Status')}</th><th scope="col">{t('Chỗ', 'Seats')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr key={e.id}>
                  <td><Link to={`/manage/events/${encodeURIComponent(e.id)}`}>{e.title}</Link> <span className="muted">{label(t, 'eventKind', e.kind)}</span></td>
                  <td>{dateTime(lang, e.start)}</td>
                  <td><span className={`badge s-${e.status}`}>{label(t, 'eventStatus', e.status)}</span></td>
                  <td>{e.seatsTaken}/{e.capacity}{e.waitlisted ? ` (+${e.waitlisted})` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

const CreateEvent = graphql(`
  mutation CreateEvent($input: CreateEventInput!) {
    createEvent(input: $input) { event { id } userErrors { field code message } }
  }
`);

/** A new event, as a draft: founders and investors meet across tables in slots. */
export function NewEvent({ session }: Props) {
  const t = useT();
  const hour = 3600_000;
  // Whole quarter hours ahead; registration opens this minute.
  const at = (ms: number) => toLocalInput(new Date(Math.ceil((Date.now() + ms) / (15 * 60_000)) * 15 * 60_000).toISOString());
  const thisMinute = toLocalInput(new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  const [f, setF] = useState({
    kind: 'STARTUP_CAFE' as EventKind, title: '', description: '', venue: '',
    start: at(2 * hour), end: at(5 * hour), opens: thisMinute, closes: at(2 * hour),
    capacity: 40, waitlist: 10, tables: 6, slotMinutes: 15, investorApproval: true,
  });
  const [errors, setErrors] = useState<UserError[]>([]);
  const [res, create] = useMutation(CreateEvent);
  const set = (k: keyof typeof f) => (e: { target: { value: string; checked?: boolean; type?: string } }) =>
    setF({ ...f, [k]: e.target.type === 'checkbox' ? e.target.checked : e.target.type === 'number' ? Number(e.target.value) : e.target.value });
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!session.org) return;
    const start = fromLocalInput(f.start);
    const end = fromLocalInput(f.end);
    const r = await create({
      input: {
        incubatorId: session.org,
        event: {
          kind: f.kind, title: f.title, description: f.description || null, venue: f.venue, start, end,
          capacity: f.capacity, waitlistCapacity: f.waitlist,
          registrationOpens: fromLocalInput(f.opens), registrationCloses: fromLocalInput(f.closes),
          participantTypes: [
            { key: 'founder', roles: ['STARTUP_MEMBER'], needsApproval: f.investorApproval },
            { key: 'investor', roles: ['INVESTOR'], needsApproval: false },
          ],
          canMeet: [{ a: 'founder', b: 'investor' }],
          sessions: [{ start, end }],
          slotMinutes: f.slotMinutes,
          tables: Array.from({ length: f.tables }, (_, i) => ({ name: t(`Bàn ${i + 1}`, `Table ${i + 1}`), capacity: 1 })),
        },
      },
    });
    const p = r.data?.createEvent;
    if (!p) return;
    setErrors(p.userErrors);
    if (p.event) navigate(`/manage/events/${encodeURIComponent(p.event.id)}`);
  };
  const field = (k: keyof typeof f, text: string, input: React.ReactNode, path = k as string) => (
    <div className="field">
      <label htmlFor={`ev-${k}`}>{text}</label>
      {input}
      <FieldErrors id={`ev-${k}-err`} errors={errorsAt(errors, `event.${path}`)} />
    </div>
  );
  const shown = ['event.kind', 'event.title', 'event.venue', 'event.start', 'event.end', 'event.capacity', 'event.waitlistCapacity', 'event.registrationOpens', 'event.registrationCloses'];
  return (
    <Page title={t('Tạo sự kiện', 'New event')}>
      <form className="form card" onSubmit={onSubmit} noValidate>
        <FormErrors errors={errors} shown={shown} />
        {field('kind', t('Loại sự kiện', 'Kind'), (
          <select id="ev-kind" value={f.kind} onChange={set('kind')}>
            {values('eventKind').map((k) => <option key={k} value={k}>{label(t, 'eventKind', k)}</option>)}
          </select>
        ))}
        {field('title', t('Tên sự kiện', 'Title'), <input id="ev-title" required value={f.title} onChange={set('title')} aria-describedby="ev-title-err" />)}
        {field('description', t('Mô tả', 'Description'), <textarea id="ev-description" rows={3} value={f.description} onChange={set('description')} />)}
        {field('venue', t('Địa điểm', 'Venue'), <input id="ev-venue" required value={f.venue} onChange={set('venue')} aria-describedby="ev-venue-err" />)}
        <div className="grid2">
          {field('start', t('Bắt đầu (giờ Hải Phòng)', 'Starts (Hai Phong time)'), <input id="ev-start" type="datetime-local" required value={f.start} onChange={set('start')} />)}
          {field('end', t('Kết thúc', 'Ends'), <input id="ev-end" type="datetime-local" required value={f.end} onChange={set('end')} />)}
          {field('opens', t('Mở đăng ký', 'Registration opens'), <input id="ev-opens" type="datetime-local" required value={f.opens} onChange={set('opens')} />, 'registrationOpens')}
          {field('closes', t('Đóng đăng ký', 'Registration closes'), <input id="ev-closes" type="datetime-local" required value={f.closes} onChange={set('closes')} />, 'registrationCloses')}
          {field('capacity', t('Số chỗ', 'Seats'), <input id="ev-capacity" type="number" min={1} value={f.capacity} onChange={set('capacity')} />)}
          {field('waitlist', t('Danh sách chờ', 'Waitlist'), <input id="ev-waitlist" type="number" min={0} value={f.waitlist} onChange={set('waitlist')} />, 'waitlistCapacity')}
          {field('tables', t('Số bàn gặp gỡ', 'Meeting tables'), <input id="ev-tables" type="number" min={1} max={50} value={f.tables} onChange={set('tables')} />)}
          {field('slotMinutes', t('Mỗi lượt gặp (phút)', 'Slot length (minutes)'), <input id="ev-slotMinutes" type="number" min={5} value={f.slotMinutes} onChange={set('slotMinutes')} />)}
        </div>
        <label className="choice">
          <input type="checkbox" checked={f.investorApproval} onChange={set('investorApproval')} />
          {t('Duyệt đăng ký của nhà sáng lập', 'Approve founders\u2019 registrations')}
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={res.fetching}>{t('Tạo bản nháp', 'Create draft')}</button>
        </div>
      </form>
    </Page>
  );
}

const ManageEventQuery = graphql(`
  query ManageEvent($id: ID!) {
    event(id: $id) {
      id title kind status start end venue capacity seatsTaken waitlisted agendaStatus version viewerCanManage
      slots { index start end }
      tables { name }
      participantsConnection(first: 100) {
        totalCount
        edges { node { id name organization type status checkedInAt waitlistPosition startup { id } investor { id } } }
      }
      meetingsConnection(first: 100) {
        totalCount
        edges { node { id table outcome slot { index start } participants { id name } } }
      }
      report { checkedIn ratings averageRating followUps registrations { type status count } }
    }
  }
`);
const PublishEvent = graphql(`
  mutation PublishEvent($id: ID!) { publishEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }
`);
const CancelEvent = graphql(`
  mutation CancelEvent($id: ID!) { cancelEvent(input: { id: $id }) { event { id status } userErrors { field code message } } }
`);
const Decide = graphql(`
  mutation DecideRegistration($input: DecideRegistrationInput!) {
    decideRegistration(input: $input) { participant { id status } userErrors { field code message } }
  }
`);
const Schedule = graphql(`
  mutation ScheduleMeetings($input: ScheduleEventMeetingsInput!) {
    scheduleEventMeetings(input: $input) { result { wanted placed meetings } userErrors { field code message } }
  }
`);
const PublishAgenda = graphql(`
  mutation PublishAgenda($input: PublishAgendaInput!) {
    publishAgenda(input: $input) { event { id agendaStatus } userErrors { field code message } }
  }
`);
const CancelMeeting = graphql(`
  mutation CancelMeeting($id: ID!) { cancelMeeting(input: { id: $id }) { meeting { id outcome } userErrors { field code message } } }
`);

export function ManageEvent({ params }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ManageEventQuery, variables: { id: params.id }, requestPolicy: 'network-only' });
  const [, publish] = useMutation(PublishEvent);
  const [, cancel] = useMutation(CancelEvent);
  const [, decide] = useMutation(Decide);
  const [, schedule] = useMutation(Schedule);
  const [, publishAgenda] = useMutation(PublishAgenda);
  const [, cancelMeeting] = useMutation(CancelMeeting);
  const [told, setTold] = useState<string | null>(null);
  const [errors, setErrors] = useState<readonly UserError[]>([]);
  const e = data?.event;
  const act = async (p: Promise<{ data?: unknown }>, ok: string) => {
    const r = await p;
    const payload = r.data ? Object.values(r.data as Record<string, { userErrors?: UserError[] }>)[0] : undefined;
    const errs = payload?.userErrors ?? [];
    setErrors(errs);
    setTold(errs.length ? null : ok);
    refetch({ requestPolicy: 'network-only' });
    return payload;
  };
  const parts = e?.participantsConnection.edges.map((x) => x.node) ?? [];
  const meetings = e?.meetingsConnection?.edges.map((x) => x.node).filter((m) => m.outcome !== 'CANCELLED') ?? [];
  return (
    <Page title={e?.title ?? t('Sự kiện', 'Event')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {e && (
        <>
          <p className="muted">
            {label(t, 'eventKind', e.kind)} · {dateTime(lang, e.start)} – {time(lang, e.end)} · {e.venue} ·{' '}
            <span className={`badge s-${e.status}`}>{label(t, 'eventStatus', e.status)}</span>
          </p>
          <FormErrors errors={errors} shown={[]} />
          <p role="status" aria-live="polite" className="toast">{told}</p>
          <div className="actions">
            {e.status === 'DRAFT' && <button type="button" className="primary" onClick={() => act(publish({ id: e.id }), t('Đã công bố sự kiện.', 'Event published.'))}>{t('Công bố sự kiện', 'Publish event')}</button>}
            {e.status === 'PUBLISHED' && <Link className="button" to={`/manage/events/${encodeURIComponent(e.id)}/check-in`}>{t('Điểm danh', 'Check-in')}</Link>}
            {e.status !== 'CANCELLED' && <button type="button" className="danger" onClick={() => confirm(t('Huỷ sự kiện này?', 'Cancel this event?')) && act(cancel({ id: e.id }), t('Đã huỷ sự kiện.', 'Event cancelled.'))}>{t('Huỷ sự kiện', 'Cancel event')}</button>}
          </div>
          <section aria-labelledby="reg-h">
            <h2 id="reg-h">{t(`Đăng ký (${e.seatsTaken}/${e.capacity} chỗ, ${e.waitlisted} chờ)`, `Registrations (${e.seatsTaken}/${e.capacity} seats, ${e.waitlisted} waiting)`)}</h2>
            {!parts.length ? <Empty>{t('Chưa có ai đăng ký.', 'No registrations yet.')}</Empty> : (
              <div className="table-wrap">
                <table>
                  <thead><tr><th scope="col">{t('Người tham dự', 'Participant')}</th><th scope="col">{t('Loại', 'Type')}</th><th scope="col">{t('Trạng thái', 'Status')}</th><th scope="col"><span className="sr-only">{t('Thao tác', 'Actions')}</span></th></tr></thead>
                  <tbody>
                    {parts.map((p) => (
                      <tr key={p.id}>
                        <td>
                          {p.startup ? <Link to={`/startups/${encodeURIComponent(p.startup.id)}`}>{p.name}</Link> : p.name}
                          {p.organization && <span className="muted"> · {p.organization}</span>}
                        </td>
                        <td>{p.type}</td>
                        <td>{label(t, 'registration', p.status)}{p.waitlistPosition ? ` #${p.waitlistPosition}` : ''}{p.checkedInAt ? ` · ${t('đã đến', 'checked in')}` : ''}</td>
                        <td>
                          {(p.status === 'PENDING_APPROVAL' || p.status === 'WAITLISTED') && (
                            <span className="actions">
                              <button type="button" onClick={() => act(decide({ input: { participantId: p.id, approve: true } }), t(`Đã duyệt ${p.name}.`, `${p.name} approved.`))}>
                                {t('Duyệt', 'Approve')}<span className="sr-only"> {p.name}</span>
                              </button>
                              <button type="button" className="quiet" onClick={() => act(decide({ input: { participantId: p.id, approve: false } }), t(`Đã từ chối ${p.name}.`, `${p.name} rejected.`))}>
                                {t('Từ chối', 'Reject')}<span className="sr-only"> {p.name}</span>
                              </button>
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section aria-labelledby="sched-h">
            <h2 id="sched-h">{t('Lịch gặp gỡ', 'Meeting schedule')}</h2>
            <p>{t('Trạng thái lịch: ', 'Agenda: ')}<strong>{e.agendaStatus === 'FINAL' ? t('Chính thức', 'Final') : e.agendaStatus === 'PRELIMINARY' ? t('Dự kiến', 'Preliminary') : t('Chưa công bố', 'Not published')}</strong></p>
            <div className="actions">
              <button type="button" onClick={async () => {
                const p = (await act(schedule({ input: { eventId: e.id } }), '')) as { result?: { placed: number; wanted: number } } | undefined;
                if (p?.result) setTold(t(`Đã xếp ${p.result.placed}/${p.result.wanted} cuộc gặp.`, `Placed ${p.result.placed} of ${p.result.wanted} meetings.`));
              }}>{t('Xếp lịch gặp', 'Schedule meetings')}</button>
              <button type="button" onClick={() => act(publishAgenda({ input: { eventId: e.id, final: false } }), t('Đã công bố lịch dự kiến.', 'Preliminary agenda published.'))}>{t('Công bố lịch dự kiến', 'Publish preliminary agenda')}</button>
              <button type="button" className="primary" onClick={() => act(publishAgenda({ input: { eventId: e.id, final: true } }), t('Đã công bố lịch chính thức.', 'Final agenda published.'))}>{t('Công bố lịch chính thức', 'Publish final agenda')}</button>
            </div>
            {!meetings.length ? <Empty>{t('Chưa có cuộc gặp nào.', 'No meetings yet.')}</Empty> : (
              <div className="table-wrap">
                <table className="grid">
                  <caption className="sr-only">{t('Lượt × bàn', 'Slots × tables')}</caption>
                  <thead><tr><th scope="col">{t('Lượt', 'Slot')}</th>{e.tables.map((tb) => <th key={tb.name} scope="col">{tb.name}</th>)}</tr></thead>
                  <tbody>
                    {e.slots.filter((s) => meetings.some((m) => m.slot.index === s.index)).map((s) => (
                      <tr key={s.index}>
                        <th scope="row">{time(lang, s.start)}</th>
                        {e.tables.map((tb) => {
                          const m = meetings.find((x) => x.slot.index === s.index && x.table === tb.name);
                          return (
                            <td key={tb.name}>
                              {m && (
                                <>
                                  {m.participants.map((p) => p.name).join(' · ')}
                                  <button type="button" className="quiet small" onClick={() => act(cancelMeeting({ id: m.id }), t('Đã huỷ cuộc gặp.', 'Meeting cancelled.'))}>
                                    {t('Huỷ', 'Cancel')}<span className="sr-only"> {m.participants.map((p) => p.name).join(', ')}</span>
                                  </button>
                                </>
                              )}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          {e.report && (
            <section aria-labelledby="rep-h">
              <h2 id="rep-h">{t('Báo cáo ban tổ chức', 'Organiser report')}</h2>
              <dl className="facts">
                <dt>{t('Đã điểm danh', 'Checked in')}</dt><dd>{e.report.checkedIn}</dd>
                <dt>{t('Đánh giá', 'Ratings')}</dt><dd>{e.report.ratings}{e.report.averageRating != null ? ` (${e.report.averageRating.toFixed(1)}/5)` : ''}</dd>
                <dt>{t('Hẹn theo dõi tiếp', 'Follow-ups')}</dt><dd>{e.report.followUps}</dd>
              </dl>
            </section>
          )}
        </>
      )}
    </Page>
  );
}

const CheckInQuery = graphql(`
  query CheckIn($id: ID!) {
    event(id: $id) {
      id title start
      participantsConnection(status: CONFIRMED, first: 100) { totalCount edges { node { id name organization checkedInAt } } }
    }
  }
`);
const CheckInMutation = graphql(`
  mutation CheckInParticipant($input: ParticipantInput!) {
    checkIn(input: $input) { participant { id checkedInAt } userErrors { field code message } }
  }
`);

/** The door: a phone in hand, find a name, one tap. */
export function CheckIn({ params }: Props) {
  const t = useT();
  const { lang } = useLang();
  const [{ data, fetching, error }, refetch] = useQuery({ query: CheckInQuery, variables: { id: params.id }, requestPolicy: 'network-only' });
  const [res, checkIn] = useMutation(CheckInMutation);
  const [q, setQ] = useState('');
  const [told, setTold] = useState<string | null>(null);
  const e = data?.event;
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const people = (e?.participantsConnection.edges.map((x) => x.node) ?? []).filter((p) => fold(`${p.name} ${p.organization ?? ''}`).includes(fold(q)));
  const here = e?.participantsConnection.edges.filter((x) => x.node.checkedInAt).length ?? 0;
  return (
    <Page title={e ? t(`Điểm danh: ${e.title}`, `Check-in: ${e.title}`) : t('Điểm danh', 'Check-in')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {e && (
        <div className="checkin">
          <p role="status" aria-live="polite">{t(`${here}/${e.participantsConnection.totalCount} đã đến`, `${here} of ${e.participantsConnection.totalCount} here`)}{told ? ` · ${told}` : ''}</p>
          <FormErrors errors={res.data?.checkIn.userErrors} shown={[]} />
          <label htmlFor="who" className="sr-only">{t('Tìm người tham dự', 'Find a participant')}</label>
          <input id="who" type="search" value={q} onChange={(x) => setQ(x.target.value)} placeholder={t('Tìm tên (không cần dấu)', 'Find a name')} />
          <ul className="doors">
            {people.map((p) => (
              <li key={p.id}>
                <span><strong>{p.name}</strong>{p.organization && <span className="muted"> · {p.organization}</span>}</span>
                {p.checkedInAt ? <span className="badge s-CONFIRMED">{t(`Đã đến ${time(lang, p.checkedInAt)}`, `Here since ${time(lang, p.checkedInAt)}`)}</span> : (
                  <button type="button" className="primary big" disabled={res.fetching} onClick={async () => {
                    const r = await checkIn({ input: { eventId: e.id, participantId: p.id } });
                    if (r.data?.checkIn.participant) setTold(t(`${p.name} đã điểm danh`, `${p.name} checked in`));
                    refetch({ requestPolicy: 'network-only' });
                  }}>
                    {t('Điểm danh', 'Check in')}<span className="sr-only"> {p.name}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Page>
  );
}

const MyIncubatorQuery = graphql(`
  query MyIncubator {
    viewer {
      organization {
        __typename
        ... on Incubator {
          id name
          startups(first: 100) {
            totalCount
            edges {
              node {
                id name stage
                screening { setKey status }
                matches(kind: INVESTOR, first: 3) { id score target { __typename ... on Investor { id name } } }
              }
            }
          }
        }
      }
    }
    criteriaSets(status: ACTIVE) { key title }
  }
`);

export function MyIncubator() {
  const t = useT();
  const [{ data, fetching, error }] = useQuery({ query: MyIncubatorQuery });
  const inc = data?.viewer.organization?.__typename === 'Incubator' ? data.viewer.organization : null;
  const sets = data?.criteriaSets ?? [];
  return (
    <Page title={inc ? t(`Startup của ${inc.name}`, `${inc.name}\u2019s startups`) : t('Startup của vườn ươm', 'Our startups')}>
      {fetching && !data && <Loading />}
      {error && <ErrorNotice error={error} />}
      {inc && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('Doanh nghiệp', 'Startup')}</th><th scope="col">{t('Giai đoạn', 'Stage')}</th>
                {sets.map((s) => <th key={s.key} scope="col">{s.title}</th>)}
                <th scope="col">{t('Nhà đầu tư phù hợp nhất', 'Best-fit investors')}</th>
              </tr>
            </thead>
            <tbody>
              {inc.startups.edges.map(({ node: s }) => (
                <tr key={s.id}>
                  <th scope="row"><Link to={`/startups/${encodeURIComponent(s.id)}`}>{s.name}</Link></th>
                  <td>{label(t, 'stage', s.stage)}</td>
                  {sets.map((set) => {
                    const r = s.screening?.find((x) => x.setKey === set.key);
                    return <td key={set.key}>{r ? <span className={`badge s-${r.status}`}>{label(t, 'screening', r.status)}</span> : '—'}</td>;
                  })}
                  <td>{s.matches?.map((m) => (m.target.__typename === 'Investor' ? `${m.target.name} (${Math.round(m.score * 100)}%)` : '')).filter(Boolean).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
