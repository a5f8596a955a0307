import{a as e}from"./rolldown-runtime-BWaJ3C7D.js";import{a as t,t as n}from"./jsx-runtime-BVdZ9n9D.js";import{a as r,d as i,h as a,i as o,l as s,m as c,n as l,o as u,t as d,v as f,y as p}from"./console-CmauJDXr.js";import{a as m,d as h,n as g,o as _}from"./format-CfwHDt0f.js";var v=e(t(),1),y=n(),b=h(`
  query Events {
    events(status: [PUBLISHED], first: 100) {
      edges { node { id title kind start end venue seatsTaken capacity incubator { id name } myRegistration { id status } } }
    }
  }
`);function x(){let e=a(),{lang:t}=c(),[{data:n,fetching:o,error:f}]=p({query:b}),m=[...n?.events.edges.map(e=>e.node)??[]].sort((e,t)=>e.start.localeCompare(t.start));return(0,y.jsxs)(u,{title:e(`Sự kiện`,`Events`),children:[o&&!n&&(0,y.jsx)(r,{}),f&&(0,y.jsx)(l,{error:f}),n&&!m.length&&(0,y.jsx)(d,{children:e(`Chưa có sự kiện nào.`,`No events yet.`)}),(0,y.jsx)(`div`,{className:`cards`,children:m.map(n=>(0,y.jsxs)(`article`,{className:`card`,children:[(0,y.jsx)(`h2`,{children:(0,y.jsx)(i,{to:`/events/${encodeURIComponent(n.id)}`,children:n.title})}),(0,y.jsxs)(`p`,{className:`muted`,children:[s(e,`eventKind`,n.kind),` · `,n.incubator.name]}),(0,y.jsxs)(`p`,{children:[g(t,n.start),` – `,_(t,n.end),` · `,n.venue]}),n.myRegistration&&(0,y.jsx)(`p`,{children:(0,y.jsx)(`span`,{className:`badge s-${n.myRegistration.status}`,children:s(e,`registration`,n.myRegistration.status)})})]},n.id))})]})}var S=h(`
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
`),C=h(`
  mutation RegisterForEvent($input: RegisterForEventInput!) {
    registerForEvent(input: $input) { participant { id status } userErrors { field code message } }
  }
`),w=h(`
  mutation MarkParticipant($input: MarkParticipantInput!) {
    markParticipant(input: $input) { participant { id myMark } userErrors { field code message } }
  }
`),T=h(`
  mutation RequestMeeting($input: RequestMeetingInput!) {
    requestMeeting(input: $input) { request { id status } userErrors { field code message } }
  }
`),E=h(`
  mutation RespondToMeetingRequest($input: RespondToMeetingRequestInput!) {
    respondToMeetingRequest(input: $input) { request { id status } userErrors { field code message } }
  }
`);function D({params:e,session:t}){let n=a(),{lang:d}=c(),[{data:h,fetching:b,error:x},D]=p({query:S,variables:{id:e.id}}),[O,k]=f(C),[A,j]=f(w),[M,N]=f(T),[P,F]=f(E),[I,L]=(0,v.useState)({name:t.name,organization:``,offers:``,seeks:``}),R=h?.event,z=R?.myRegistration,B=()=>D({requestPolicy:`network-only`}),V=async t=>{t.preventDefault(),(await k({input:{eventId:e.id,name:I.name,organization:I.organization||null,offers:I.offers||null,seeks:I.seeks||null}})).data?.registerForEvent.participant&&B()},H=()=>{if(!R?.myAgenda)return;let e=URL.createObjectURL(new Blob([R.myAgenda.ics],{type:`text/calendar`})),t=document.createElement(`a`);t.href=e,t.download=`innoport-agenda.ics`,t.click(),URL.revokeObjectURL(e)},U=[[`MUST_MEET`,n(`Rất muốn gặp`,`Must meet`)],[`WOULD_MEET`,n(`Muốn gặp`,`Would meet`)],[`NO_THANKS`,n(`Không, cảm ơn`,`No thanks`)]],W=O.data?.registerForEvent.userErrors??A.data?.markParticipant.userErrors??M.data?.requestMeeting.userErrors??P.data?.respondToMeetingRequest.userErrors;return(0,y.jsxs)(u,{title:R?.title??n(`Sự kiện`,`Event`),children:[b&&!h&&(0,y.jsx)(r,{}),x&&(0,y.jsx)(l,{error:x}),R&&(0,y.jsxs)(y.Fragment,{children:[(0,y.jsxs)(`p`,{className:`muted`,children:[s(n,`eventKind`,R.kind),` · `,R.incubator.name,` · `,g(d,R.start),` – `,_(d,R.end),` · `,R.venue]}),(0,y.jsx)(`p`,{children:R.description}),R.viewerCanManage&&(0,y.jsx)(`p`,{children:(0,y.jsx)(i,{to:`/manage/events/${encodeURIComponent(R.id)}`,children:n(`Quản lý sự kiện này`,`Manage this event`)})}),(0,y.jsx)(o,{errors:W,shown:[]}),z?(0,y.jsxs)(`p`,{children:[n(`Đăng ký của bạn: `,`Your registration: `),(0,y.jsx)(`strong`,{className:`badge s-${z.status}`,children:s(n,`registration`,z.status)}),z.waitlistPosition?` #${z.waitlistPosition}`:``]}):R.viewerCanRegister?(0,y.jsxs)(`form`,{className:`form card`,onSubmit:V,children:[(0,y.jsx)(`h2`,{children:n(`Đăng ký tham dự`,`Register`)}),(0,y.jsxs)(`div`,{className:`field`,children:[(0,y.jsx)(`label`,{htmlFor:`r-name`,children:n(`Họ tên`,`Name`)}),(0,y.jsx)(`input`,{id:`r-name`,required:!0,value:I.name,onChange:e=>L({...I,name:e.target.value})})]}),(0,y.jsxs)(`div`,{className:`field`,children:[(0,y.jsx)(`label`,{htmlFor:`r-org`,children:n(`Tổ chức`,`Organisation`)}),(0,y.jsx)(`input`,{id:`r-org`,value:I.organization,onChange:e=>L({...I,organization:e.target.value})})]}),(0,y.jsxs)(`div`,{className:`field`,children:[(0,y.jsx)(`label`,{htmlFor:`r-offers`,children:n(`Bạn có thể mang lại`,`What you offer`)}),(0,y.jsx)(`textarea`,{id:`r-offers`,rows:2,value:I.offers,onChange:e=>L({...I,offers:e.target.value})})]}),(0,y.jsxs)(`div`,{className:`field`,children:[(0,y.jsx)(`label`,{htmlFor:`r-seeks`,children:n(`Bạn đang tìm`,`What you seek`)}),(0,y.jsx)(`textarea`,{id:`r-seeks`,rows:2,value:I.seeks,onChange:e=>L({...I,seeks:e.target.value})})]}),(0,y.jsx)(`button`,{type:`submit`,className:`primary`,disabled:O.fetching,children:n(`Đăng ký`,`Register`)})]}):(0,y.jsx)(`p`,{className:`muted`,children:n(`Sự kiện không nhận đăng ký từ bạn lúc này.`,`The event does not take your registration now.`)}),z?.recommendations&&z.recommendations.length>0&&(0,y.jsxs)(`section`,{"aria-labelledby":`rec-h`,children:[(0,y.jsx)(`h2`,{id:`rec-h`,children:n(`Nên gặp ai`,`Whom to meet`)}),(0,y.jsx)(`ul`,{className:`cards`,children:z.recommendations.map(e=>(0,y.jsxs)(`li`,{className:`card`,children:[(0,y.jsxs)(`header`,{className:`row`,children:[(0,y.jsx)(`h3`,{children:e.participant.startup?(0,y.jsx)(i,{to:`/startups/${encodeURIComponent(e.participant.startup.id)}`,children:e.participant.name}):e.participant.name}),(0,y.jsx)(`span`,{className:`score`,children:m(d,e.score)})]}),(0,y.jsx)(`p`,{className:`muted`,children:e.participant.organization}),(0,y.jsx)(`ul`,{className:`reasons`,children:e.explanation.filter(e=>e.contribution>0).map(e=>(0,y.jsx)(`li`,{children:e.detail},e.factor))}),(0,y.jsxs)(`div`,{role:`group`,"aria-label":n(`Đánh dấu ${e.participant.name}`,`Mark ${e.participant.name}`),className:`actions`,children:[U.map(([t,n])=>(0,y.jsx)(`button`,{type:`button`,"aria-pressed":e.participant.myMark===t,onClick:async()=>{await j({input:{participantId:e.participant.id,mark:e.participant.myMark===t?null:t}}),B()},children:n},t)),(0,y.jsx)(`button`,{type:`button`,onClick:async()=>{await N({input:{participantId:e.participant.id}}),B()},children:n(`Mời gặp`,`Ask to meet`)})]})]},e.participant.id))})]}),R.myMeetingRequests&&R.myMeetingRequests.length>0&&z&&(0,y.jsxs)(`section`,{"aria-labelledby":`req-h`,children:[(0,y.jsx)(`h2`,{id:`req-h`,children:n(`Lời mời gặp`,`Meeting requests`)}),(0,y.jsx)(`ul`,{className:`list`,children:R.myMeetingRequests.map(e=>{let t=e.to.id===z.id;return(0,y.jsxs)(`li`,{children:[t?n(`Từ ${e.from.name}`,`From ${e.from.name}`):n(`Gửi ${e.to.name}`,`To ${e.to.name}`),` · `,s(n,`request`,e.status),t&&e.status===`PENDING`&&(0,y.jsxs)(`span`,{className:`actions`,children:[(0,y.jsx)(`button`,{type:`button`,onClick:async()=>{await F({input:{id:e.id,accept:!0}}),B()},children:n(`Nhận lời`,`Accept`)}),(0,y.jsx)(`button`,{type:`button`,className:`quiet`,onClick:async()=>{await F({input:{id:e.id,accept:!1}}),B()},children:n(`Từ chối`,`Decline`)})]})]},e.id)})})]}),R.myAgenda&&R.myAgenda.status!==`NONE`&&(0,y.jsxs)(`section`,{"aria-labelledby":`ag-h`,children:[(0,y.jsx)(`h2`,{id:`ag-h`,children:n(`Lịch gặp của tôi`,`My agenda`)}),(0,y.jsx)(`ol`,{className:`list`,children:R.myAgenda.items.map(e=>(0,y.jsxs)(`li`,{children:[_(d,e.meeting.slot.start),`–`,_(d,e.meeting.slot.end),` · `,e.meeting.table,` · `,e.with.name,e.with.organization?` (${e.with.organization})`:``]},e.meeting.id))}),(0,y.jsx)(`button`,{type:`button`,onClick:H,children:n(`Tải lịch (.ics)`,`Download calendar (.ics)`)})]})]})]})}var O=h(`
  query Notifications {
    viewer {
      notifications(first: 50) { totalCount edges { node { id kind message createdAt readAt startup { id name } application { id } } } }
    }
  }
`),k=h(`
  mutation MarkNotificationRead($id: ID!) { markNotificationRead(input: { id: $id }) { notification { id readAt } userErrors { field code message } } }
`);function A(){let e=a(),{lang:t}=c(),[{data:n,fetching:o,error:s}]=p({query:O,requestPolicy:`network-only`}),[,m]=f(k),h=n?.viewer.notifications.edges.map(e=>e.node)??[];return(0,y.jsxs)(u,{title:e(`Thông báo`,`Notifications`),children:[o&&!n&&(0,y.jsx)(r,{}),s&&(0,y.jsx)(l,{error:s}),n&&!h.length&&(0,y.jsx)(d,{children:e(`Chưa có thông báo.`,`No notifications yet.`)}),(0,y.jsx)(`ul`,{className:`list`,children:h.map(n=>(0,y.jsxs)(`li`,{className:n.readAt?`read`:`unread`,children:[(0,y.jsx)(`time`,{dateTime:n.createdAt,children:g(t,n.createdAt)}),` — `,n.message,n.application?(0,y.jsxs)(y.Fragment,{children:[` · `,(0,y.jsx)(i,{to:`/applications/${encodeURIComponent(n.application.id)}`,children:e(`Xem hồ sơ`,`See the application`)})]}):n.startup&&n.kind!==`DATA_ROOM_READ`&&(0,y.jsxs)(y.Fragment,{children:[` · `,(0,y.jsx)(i,{to:`/startups/${encodeURIComponent(n.startup.id)}`,children:n.startup.name})]}),!n.readAt&&(0,y.jsx)(`button`,{type:`button`,className:`quiet`,onClick:()=>m({id:n.id}),children:e(`Đánh dấu đã đọc`,`Mark read`)})]},n.id))})]})}export{D as EventPage,x as Events,A as Notifications};